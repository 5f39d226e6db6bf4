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
        return cls


def _abstract(name, methods, bases=()):
    return _AbstractType(name, bases, {'_methods': methods, '__module__': 'collections.abc'})


Hashable = _abstract('Hashable', ('__hash__',))
Awaitable = _abstract('Awaitable', ('__await__',))
Coroutine = _abstract('Coroutine', ('__await__', 'send', 'throw', 'close'), (Awaitable,))
AsyncIterable = _abstract('AsyncIterable', ('__aiter__',))
AsyncIterator = _abstract('AsyncIterator', ('__aiter__', '__anext__'), (AsyncIterable,))
AsyncGenerator = _abstract('AsyncGenerator', ('__aiter__', '__anext__', 'asend', 'athrow'),
                           (AsyncIterator,))
Iterable = _abstract('Iterable', ('__iter__',))
Iterator = _abstract('Iterator', ('__iter__', '__next__'), (Iterable,))
Reversible = _abstract('Reversible', ('__reversed__', '__iter__'), (Iterable,))
Generator = _abstract('Generator', ('__iter__', '__next__', 'send', 'throw'), (Iterator,))
Sized = _abstract('Sized', ('__len__',))
Container = _abstract('Container', ('__contains__',))
Collection = _abstract('Collection', ('__len__', '__iter__', '__contains__'),
                       (Sized, Iterable, Container))
Callable = _abstract('Callable', ('__call__',))
Sequence = _abstract('Sequence', (), (Reversible, Collection))
MutableSequence = _abstract('MutableSequence', (), (Sequence,))
Set = _abstract('Set', (), (Collection,))
MutableSet = _abstract('MutableSet', (), (Set,))
Mapping = _abstract('Mapping', (), (Collection,))
MutableMapping = _abstract('MutableMapping', (), (Mapping,))
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
