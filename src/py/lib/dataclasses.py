# dataclasses, the common part, written for the playground: fields from the class's
# annotations (and its dataclass bases'), __init__ with CPython's argument errors, __repr__,
# __eq__, ordering, frozen instances, __post_init__, field(), fields(), asdict(), astuple(),
# replace().

class _Missing:
    def __repr__(self):
        return '<dataclasses._MISSING_TYPE object>'


MISSING = _Missing()


class FrozenInstanceError(AttributeError):
    __module__ = 'dataclasses'


class InitVar:
    """`scale: InitVar[float]`: an argument of `__init__` handed to `__post_init__`, not a
    field."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        from types import _type_repr
        return f'dataclasses.InitVar[{_type_repr(self.type)}]'


class KW_ONLY:
    """`_: KW_ONLY`: the fields after it are keyword-only."""


class Field:
    def __init__(self, default, default_factory, init, repr, compare, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.kw_only = kw_only
        # An `InitVar[...]` pseudo-field: an argument of `__init__`, not a field.
        self._init_var = False

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},"
                f"repr={self.repr!r},compare={self.compare!r},kw_only={self.kw_only!r})")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, compare, kw_only)


def _is_class_var(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith('ClassVar') or text.startswith('typing.ClassVar')


def _is_init_var(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(('InitVar', 'dataclasses.InitVar'))
    return annotation is InitVar or isinstance(annotation, InitVar)


def _is_kw_only_marker(annotation):
    if isinstance(annotation, str):
        return annotation in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return annotation is KW_ONLY


def _collect_fields(cls, kw_only):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get('__dataclass_fields__', {}).values():
            fields[f.name] = f
    namespace = cls.__dict__
    marker_seen = False
    for name, annotation in namespace.get('__annotations__', {}).items():
        if _is_class_var(annotation):
            continue
        if _is_kw_only_marker(annotation):
            if marker_seen:
                raise TypeError(f"'KW_ONLY' given more than once")
            marker_seen = True
            kw_only = True
            continue
        value = namespace.get(name, MISSING)
        if isinstance(value, Field):
            f = value
        else:
            f = Field(value, MISSING, True, True, True, MISSING)
        f.name = name
        f.type = annotation
        f._init_var = _is_init_var(annotation)
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not '
                             f'allowed: use default_factory')
        # The class attribute is the default, as CPython leaves it.
        if f.default is not MISSING:
            setattr(cls, name, f.default)
        fields[name] = f
    return list(fields.values())


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _init_for(cls, fields):
    takes_args = [f for f in fields if f.init and not f.kw_only]
    keyword_only = [f for f in fields if f.init and f.kw_only]
    required = [f for f in takes_args if f.default is MISSING and f.default_factory is MISSING]
    for f in takes_args[len(required):]:
        if f.default is MISSING and f.default_factory is MISSING:
            raise TypeError(f"non-default argument '{f.name}' follows default argument")
    qualname = cls.__qualname__

    def __init__(self, *args, **kwargs):
        if len(args) > len(takes_args):
            if len(required) == len(takes_args):
                takes = _plural(len(takes_args) + 1, "positional argument")
            else:
                takes = f"from {len(required) + 1} to {len(takes_args) + 1} positional arguments"
            given = len(args) + 1
            raise TypeError(f"{qualname}.__init__() takes {takes} but {given} "
                            f"{'was' if given == 1 else 'were'} given")
        values = {}
        for f, value in zip(takes_args, args):
            values[f.name] = value
        accepted = {f.name for f in takes_args + keyword_only}
        for name, value in kwargs.items():
            if name not in accepted:
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument "
                                f"'{name}'")
            if name in values:
                raise TypeError(f"{qualname}.__init__() got multiple values for argument "
                                f"'{name}'")
            values[name] = value
        missing = [f.name for f in takes_args if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            names = " and ".join(f"'{n}'" for n in missing) if len(missing) <= 2 else \
                ", ".join(f"'{n}'" for n in missing[:-1]) + f", and '{missing[-1]}'"
            raise TypeError(f"{qualname}.__init__() missing "
                            f"{_plural(len(missing), 'required positional argument')}: {names}")
        missing = [f.name for f in keyword_only if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            names = " and ".join(f"'{n}'" for n in missing)
            raise TypeError(f"{qualname}.__init__() missing "
                            f"{_plural(len(missing), 'required keyword-only argument')}: {names}")
        init_vars = []
        for f in fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if f._init_var:
                init_vars.append(value)
            else:
                object.__setattr__(self, f.name, value)
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post(*init_vars)

    return __init__


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, **ignored):
    def wrap(cls):
        every = _collect_fields(cls, kw_only)
        if slots:
            cls = _with_slots(cls, [f.name for f in every if not f._init_var])
        # What __init__ takes; the fields proper leave the InitVar pseudo-fields out.
        fields = [f for f in every if not f._init_var]
        cls.__dataclass_fields__ = {f.name: f for f in fields}
        own = cls.__dict__

        def __repr__(self):
            inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
            return f"{type(self).__qualname__}({inner})"

        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return _key(self) == _key(other)

        def _key(self):
            return tuple(getattr(self, f.name) for f in fields if f.compare)

        def _ordered(compare):
            def method(self, other):
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return compare(_key(self), _key(other))
            return method

        if match_args and "__match_args__" not in own:
            cls.__match_args__ = tuple(f.name for f in every if f.init and not f.kw_only)
        if init and "__init__" not in own:
            cls.__init__ = _init_for(cls, every)
        if repr and "__repr__" not in own:
            cls.__repr__ = __repr__
        if eq and "__eq__" not in own:
            cls.__eq__ = __eq__
        if order:
            cls.__lt__ = _ordered(lambda a, b: a < b)
            cls.__le__ = _ordered(lambda a, b: a <= b)
            cls.__gt__ = _ordered(lambda a, b: a > b)
            cls.__ge__ = _ordered(lambda a, b: a >= b)
        if frozen:
            def __setattr__(self, name, value):
                raise FrozenInstanceError(f"cannot assign to field '{name}'")

            def __delattr__(self, name):
                raise FrozenInstanceError(f"cannot delete field '{name}'")
            cls.__setattr__ = __setattr__
            cls.__delattr__ = __delattr__
        if (frozen and eq) or unsafe_hash:
            cls.__hash__ = lambda self: hash(_key(self))
        elif eq and "__hash__" not in own:
            cls.__hash__ = None
        return cls

    if cls is None:
        return wrap
    return wrap(cls)


def _with_slots(cls, names):
    """A new class as `cls` with `__slots__` of its fields, as CPython makes it (the defaults
    live in `__init__`, not as class attributes)."""
    namespace = dict(cls.__dict__)
    for name in names:
        namespace.pop(name, None)
    namespace.pop('__dict__', None)
    namespace.pop('__weakref__', None)
    namespace['__slots__'] = tuple(names)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(found.values())


def _as(value, factory):
    if is_dataclass(value) and not isinstance(value, type):
        items = [(f.name, _as(getattr(value, f.name), factory)) for f in fields(value)]
        return factory(items)
    if isinstance(value, tuple) and hasattr(value, '_fields'):
        return type(value)(*[_as(v, factory) for v in value])
    if isinstance(value, (list, tuple)):
        return type(value)(_as(v, factory) for v in value)
    if isinstance(value, dict):
        return type(value)((_as(k, factory), _as(v, factory)) for k, v in value.items())
    return value


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _as(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(_as(getattr(obj, f.name), lambda items: tuple(v for _, v in items))
                         for f in fields(obj))


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)
