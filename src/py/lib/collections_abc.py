# collections.abc: the abstract container types, for isinstance() and annotations. A built-in
# type is an instance of those it implements; a class, of those whose methods it defines (or
# that it derives from).
import types as _types


def _defines(cls, names):
    return all(any(name in vars(klass) for klass in cls.__mro__) for name in names)


class _AbstractType(type):
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls in sub.__mro__:
            return True
        builtin = _BUILTIN.get(sub)
        if builtin is not None:
            return cls.__name__ in builtin
        return bool(cls._methods) and _defines(sub, cls._methods)

    def __getitem__(cls, item):
        return _types.GenericAlias(cls, item)


def _abstract(name, methods, bases=(), mixins=None):
    namespace = {'_methods': methods, '__module__': 'collections.abc'}
    namespace.update(mixins or {})
    return _AbstractType(name, bases, namespace)


# The methods a class gets from an abstract base it derives from (CPython's "mixin methods"),
# written on the abstract ones it defines itself.
def _iter_self(self):
    return self


def _mapping_get(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        return default


def _mapping_contains(self, key):
    try:
        self[key]
    except KeyError:
        return False
    return True


def _mapping_keys(self):
    return list(self)


def _mapping_items(self):
    return [(key, self[key]) for key in self]


def _mapping_values(self):
    return [self[key] for key in self]


def _mapping_eq(self, other):
    if not isinstance(other, Mapping):
        return NotImplemented
    return dict(_mapping_items(self)) == dict(other.items())


_MISSING = object()


def _mapping_pop(self, key, default=_MISSING):
    try:
        value = self[key]
    except KeyError:
        if default is _MISSING:
            raise
        return default
    del self[key]
    return value


def _mapping_popitem(self):
    try:
        key = next(iter(self))
    except StopIteration:
        raise KeyError from None
    value = self[key]
    del self[key]
    return key, value


def _mapping_clear(self):
    try:
        while True:
            _mapping_popitem(self)
    except KeyError:
        pass


def _mapping_update(self, other=(), /, **kwds):
    if isinstance(other, Mapping) or hasattr(other, 'keys'):
        for key in list(other.keys()):
            self[key] = other[key]
    else:
        for key, value in other:
            self[key] = value
    for key, value in kwds.items():
        self[key] = value


def _mapping_setdefault(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        self[key] = default
    return default


def _sequence_iter(self):
    i = 0
    try:
        while True:
            yield self[i]
            i += 1
    except IndexError:
        return


def _sequence_contains(self, value):
    for item in _sequence_iter(self):
        if item is value or item == value:
            return True
    return False


def _sequence_reversed(self):
    for i in reversed(range(len(self))):
        yield self[i]


def _sequence_index(self, value, start=0, stop=None):
    if start is not None and start < 0:
        start = max(len(self) + start, 0)
    if stop is not None and stop < 0:
        stop += len(self)
    i = start
    while stop is None or i < stop:
        try:
            item = self[i]
        except IndexError:
            break
        if item is value or item == value:
            return i
        i += 1
    raise ValueError


def _sequence_count(self, value):
    return sum(1 for item in _sequence_iter(self) if item is value or item == value)


def _mutable_append(self, value):
    self.insert(len(self), value)


def _mutable_extend(self, values):
    for value in list(values):
        self.append(value)


def _mutable_pop(self, index=-1):
    value = self[index]
    del self[index]
    return value


def _mutable_remove(self, value):
    del self[_sequence_index(self, value)]


_MAPPING_MIXINS = {'get': _mapping_get, '__contains__': _mapping_contains,
                   'keys': _mapping_keys, 'items': _mapping_items, 'values': _mapping_values,
                   '__eq__': _mapping_eq}
_MUTABLE_MAPPING_MIXINS = {'pop': _mapping_pop, 'popitem': _mapping_popitem,
                           'clear': _mapping_clear, 'update': _mapping_update,
                           'setdefault': _mapping_setdefault}
_SEQUENCE_MIXINS = {'__iter__': _sequence_iter, '__contains__': _sequence_contains,
                    '__reversed__': _sequence_reversed, 'index': _sequence_index,
                    'count': _sequence_count}
_MUTABLE_SEQUENCE_MIXINS = {'append': _mutable_append, 'extend': _mutable_extend,
                            'pop': _mutable_pop, 'remove': _mutable_remove}


Hashable = _abstract('Hashable', ('__hash__',))
Awaitable = _abstract('Awaitable', ('__await__',))
Coroutine = _abstract('Coroutine', ('__await__', 'send', 'throw', 'close'), (Awaitable,))
AsyncIterable = _abstract('AsyncIterable', ('__aiter__',))
AsyncIterator = _abstract('AsyncIterator', ('__aiter__', '__anext__'), (AsyncIterable,),
                          {'__aiter__': _iter_self})
AsyncGenerator = _abstract('AsyncGenerator', ('__aiter__', '__anext__', 'asend', 'athrow'),
                           (AsyncIterator,))
Iterable = _abstract('Iterable', ('__iter__',))
Iterator = _abstract('Iterator', ('__iter__', '__next__'), (Iterable,),
                     {'__iter__': _iter_self})
Reversible = _abstract('Reversible', ('__reversed__', '__iter__'), (Iterable,))
Generator = _abstract('Generator', ('__iter__', '__next__', 'send', 'throw'), (Iterator,))
Sized = _abstract('Sized', ('__len__',))
Container = _abstract('Container', ('__contains__',))
Collection = _abstract('Collection', ('__len__', '__iter__', '__contains__'),
                       (Sized, Iterable, Container))
Callable = _abstract('Callable', ('__call__',))
Sequence = _abstract('Sequence', (), (Reversible, Collection), _SEQUENCE_MIXINS)
MutableSequence = _abstract('MutableSequence', (), (Sequence,), _MUTABLE_SEQUENCE_MIXINS)
Set = _abstract('Set', (), (Collection,))
MutableSet = _abstract('MutableSet', (), (Set,))
Mapping = _abstract('Mapping', (), (Collection,), _MAPPING_MIXINS)
MutableMapping = _abstract('MutableMapping', (), (Mapping,), _MUTABLE_MAPPING_MIXINS)
MappingView = _abstract('MappingView', ('__len__',), (Sized,))
KeysView = _abstract('KeysView', (), (MappingView, Set))
ItemsView = _abstract('ItemsView', (), (MappingView, Set))
ValuesView = _abstract('ValuesView', (), (MappingView, Collection))

_SEQUENCE = {'Iterable', 'Reversible', 'Sized', 'Container', 'Collection', 'Sequence', 'Hashable'}
_BUILTIN = {
    list: (_SEQUENCE - {'Hashable'}) | {'MutableSequence'},
    tuple: _SEQUENCE,
    str: _SEQUENCE,
    range: _SEQUENCE,
    dict: {'Iterable', 'Reversible', 'Sized', 'Container', 'Collection', 'Mapping', 'MutableMapping'},
    set: {'Iterable', 'Sized', 'Container', 'Collection', 'Set', 'MutableSet'},
    frozenset: {'Iterable', 'Sized', 'Container', 'Collection', 'Set', 'Hashable'},
    int: {'Hashable'}, float: {'Hashable'}, bool: {'Hashable'}, type(None): {'Hashable'},
    _types.FunctionType: {'Callable', 'Hashable'},
    _types.BuiltinFunctionType: {'Callable', 'Hashable'},
    _types.MethodType: {'Callable', 'Hashable'},
    type: {'Callable', 'Hashable'},
    _types.CoroutineType: {'Awaitable', 'Coroutine', 'Hashable'},
    _types.GeneratorType: {'Iterable', 'Iterator', 'Generator', 'Hashable'},
    _types.AsyncGeneratorType: {'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Hashable'},
    type(iter([])): {'Iterable', 'Iterator', 'Hashable'},
    type({}.keys()): {'Iterable', 'Sized', 'Container', 'Collection', 'MappingView', 'KeysView', 'Set'},
    type({}.items()): {'Iterable', 'Sized', 'Container', 'Collection', 'MappingView', 'ItemsView', 'Set'},
    type({}.values()): {'Iterable', 'Sized', 'Collection', 'MappingView', 'ValuesView'},
}
