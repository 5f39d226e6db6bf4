# types: the types of functions, coroutines, generators… and SimpleNamespace.
import sys as _sys


def _function():
    pass


async def _coroutine():
    pass


def _generator():
    yield


async def _async_generator():
    yield


class _Class:
    def _method(self):
        pass


FunctionType = LambdaType = type(_function)
CodeType = type(_function.__code__)
_made = _coroutine()
CoroutineType = type(_made)
_made.close()
GeneratorType = type(_generator())
AsyncGeneratorType = type(_async_generator())
MethodType = type(_Class()._method)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _made


class SimpleNamespace:
    def __init__(self, *mapping_or_iterable, **kwargs):
        if len(mapping_or_iterable) > 1:
            raise TypeError(f"SimpleNamespace expected at most 1 argument, got {len(mapping_or_iterable)}")
        for source in mapping_or_iterable:
            for name, value in dict(source).items():
                setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        items = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"namespace({items})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__


def _type_repr(t, none="None"):
    """A type as an annotation shows it (`typing` names None's type `NoneType`)."""
    if t is None or t is NoneType:
        return none
    if t is Ellipsis:
        return "..."
    if isinstance(t, list):
        return "[" + ", ".join(_type_repr(item, none) for item in t) + "]"
    if isinstance(t, type) and t.__module__ != "builtins":
        return f"{t.__module__}.{t.__qualname__}"
    if isinstance(t, type):
        return t.__qualname__
    return repr(t)


class UnionType:
    """`int | None`: what isinstance/issubclass accept, and what an annotation shows."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_type_repr(t) for t in self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, instance):
        return isinstance(instance, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


def _union(left, right):
    args = []
    for side in (left, right):
        if isinstance(side, UnionType):
            parts = side.__args__
        elif side is None:
            parts = (NoneType,)
        elif isinstance(side, (type, GenericAlias)):
            parts = (side,)
        else:
            return NotImplemented
        for part in parts:
            if part not in args:
                args.append(part)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class GenericAlias:
    """`list[int]`: calls, attributes and subclassing go to the class it parameterizes."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        if self.__args__ == ():
            inner = "()"
        else:
            inner = ", ".join(_type_repr(arg) for arg in self.__args__)
        return f"{_type_repr(self.__origin__)}[{inner}]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getitem__(self, parameters):
        return GenericAlias(self.__origin__, parameters)

    def __instancecheck__(self, instance):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
