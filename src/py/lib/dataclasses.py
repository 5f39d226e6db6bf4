# dataclasses, the common part, written for the playground.

MISSING = object()


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, repr=True, compare=True):
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare
        self.name = None


def field(*, default=MISSING, default_factory=MISSING, repr=True, compare=True, **ignored):
    return Field(default, default_factory, repr, compare)


def _fields_of(cls):
    names = cls.__dict__.get("__annotations__") if hasattr(cls, "__dict__") else None
    return names


def dataclass(cls=None, *, order=False, frozen=False, **ignored):
    def wrap(cls):
        fields = []
        for name in getattr(cls, "__dataclass_order__", ()):
            value = getattr(cls, name, MISSING)
            if isinstance(value, Field):
                f = value
            else:
                f = Field(default=value)
            f.name = name
            fields.append(f)
        cls.__dataclass_fields__ = {f.name: f for f in fields}

        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(f"{cls.__name__}.__init__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given")
            for i, f in enumerate(fields):
                if i < len(args):
                    value = args[i]
                elif f.name in kwargs:
                    value = kwargs.pop(f.name)
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                elif f.default is not MISSING:
                    value = f.default
                else:
                    raise TypeError(f"{cls.__name__}.__init__() missing 1 required positional argument: '{f.name}'")
                object.__setattr__(self, f.name, value)
            if kwargs:
                name = next(iter(kwargs))
                raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument '{name}'")
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()

        def __repr__(self):
            inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
            return f"{cls.__qualname__}({inner})"

        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return all(getattr(self, f.name) == getattr(other, f.name) for f in fields if f.compare)

        def _key(self):
            return tuple(getattr(self, f.name) for f in fields if f.compare)

        cls.__init__ = __init__
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = __repr__
        cls.__eq__ = __eq__
        if order:
            cls.__lt__ = lambda self, other: _key(self) < _key(other)
            cls.__le__ = lambda self, other: _key(self) <= _key(other)
            cls.__gt__ = lambda self, other: _key(self) > _key(other)
            cls.__ge__ = lambda self, other: _key(self) >= _key(other)
        if frozen:
            cls.__hash__ = lambda self: hash(_key(self))
        else:
            cls.__hash__ = None
        return cls

    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj):
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


def astuple(obj):
    return tuple(getattr(obj, name) for name in obj.__dataclass_fields__)
