# typing: names for annotations (the playground does not check them).

class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, parameters):
        return self

    def __call__(self, *args, **kwargs):
        return args[0] if args else None

    def __repr__(self):
        return "typing." + self._name


Any = _Special("Any")
List = _Special("List")
Dict = _Special("Dict")
Tuple = _Special("Tuple")
Set = _Special("Set")
FrozenSet = _Special("FrozenSet")
Optional = _Special("Optional")
Union = _Special("Union")
Callable = _Special("Callable")
Awaitable = _Special("Awaitable")
Coroutine = _Special("Coroutine")
Iterable = _Special("Iterable")
Iterator = _Special("Iterator")
AsyncIterator = _Special("AsyncIterator")
AsyncIterable = _Special("AsyncIterable")
AsyncGenerator = _Special("AsyncGenerator")
Generator = _Special("Generator")
Sequence = _Special("Sequence")
Mapping = _Special("Mapping")
Type = _Special("Type")
NoReturn = _Special("NoReturn")
ClassVar = _Special("ClassVar")
Final = _Special("Final")
Literal = _Special("Literal")
TypeVar = _Special("TypeVar")
TYPE_CHECKING = False


def cast(typ, value):
    return value


class Generic:
    """`class Stack(Generic[T])`: subscripted, it is itself."""

    def __class_getitem__(cls, parameters):
        return cls


class Protocol(Generic):
    pass


from collections import _NamedTupleBase


class NamedTuple(_NamedTupleBase):
    """`class Point(NamedTuple): x: int; y: int = 0` makes a named tuple of its annotations."""

    def __init_subclass__(cls, **kwargs):
        own = cls.__dict__
        cls._fields = tuple(own.get('__annotations__', {}))
        cls._field_defaults = {name: own[name] for name in cls._fields if name in own}
        cls.__match_args__ = cls._fields


class TypedDict:
    """A TypedDict's instances are plain dicts."""

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        pass
