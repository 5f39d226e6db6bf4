# typing: names for annotations (the playground does not check them).

from types import _type_repr as _any_type_repr


def _type_repr(t):
    return _any_type_repr(t, none="NoneType")


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _convert(parameter):
    if parameter is None:
        return type(None)
    if isinstance(parameter, str):
        return ForwardRef(parameter)
    return parameter


def _union_members(parameters):
    members = []
    for parameter in parameters:
        parameter = _convert(parameter)
        inner = getattr(parameter, "__args__", None) if _is_union(parameter) else None
        for member in inner or (parameter,):
            if member not in members:
                members.append(member)
    return members


def _is_union(value):
    return type(value).__name__ == "UnionType" or (
        isinstance(value, _Subscripted) and value._name == "Union")


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        if self._name in ("Union", "Optional"):
            if self._name == "Optional":
                parameters = (parameters[0], None)
            members = _union_members(parameters)
            return members[0] if len(members) == 1 else _Subscripted("Union", tuple(members))
        if self._name == "Literal":
            return _Subscripted("Literal", parameters)
        if self._name == "Annotated":
            return _Subscripted("Annotated", (_convert(parameters[0]),) + parameters[1:])
        return _Subscripted(self._name, tuple(_convert(p) for p in parameters))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __call__(self, *args, **kwargs):
        return args[0] if args else None

    def __repr__(self):
        return "typing." + self._name


class _Subscripted(_Special):
    """`typing.List[int]`, `typing.Optional[str]`: what an annotation shows."""

    def __init__(self, name, args):
        self._name = name
        self.__args__ = args

    def __repr__(self):
        args = self.__args__
        if self._name == "Union" and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f"typing.Optional[{_type_repr(other)}]"
        if self._name == "Literal":
            return f"typing.Literal[{', '.join(repr(arg) for arg in args)}]"
        if self._name == "Annotated":
            return f"typing.Annotated[{_type_repr(args[0])}, {', '.join(repr(arg) for arg in args[1:])}]"
        if args == ():
            return f"typing.{self._name}[()]"
        return f"typing.{self._name}[{', '.join(_type_repr(arg) for arg in args)}]"

    def __eq__(self, other):
        if not isinstance(other, _Subscripted):
            return NotImplemented
        if self._name == "Union" == other._name:
            return set(self.__args__) == set(other.__args__)
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))


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
Annotated = _Special("Annotated")
Self = _Special("Self")
Never = _Special("Never")
LiteralString = _Special("LiteralString")
TypeAlias = _Special("TypeAlias")
TypeGuard = _Special("TypeGuard")
Required = _Special("Required")
NotRequired = _Special("NotRequired")
Concatenate = _Special("Concatenate")
Deque = _Special("Deque")
DefaultDict = _Special("DefaultDict")
OrderedDict = _Special("OrderedDict")
Counter = _Special("Counter")
ChainMap = _Special("ChainMap")
ContextManager = _Special("ContextManager")
AsyncContextManager = _Special("AsyncContextManager")
Hashable = _Special("Hashable")
Sized = _Special("Sized")
Container = _Special("Container")
Collection = _Special("Collection")
Reversible = _Special("Reversible")
MutableMapping = _Special("MutableMapping")
MutableSequence = _Special("MutableSequence")
AbstractSet = _Special("AbstractSet")
MutableSet = _Special("MutableSet")
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self._variance = "+" if covariant else "-" if contravariant else "~"

    def __repr__(self):
        return self._variance + self.__name__


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant, contravariant=contravariant)


AnyStr = TypeVar("AnyStr", bytes, str)


def final(f):
    return f


def runtime_checkable(cls):
    return cls


def no_type_check(f):
    return f


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def assert_type(val, typ):
    return val


def reveal_type(obj):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


class NewType:
    def __init__(self, name, tp):
        self.__name__ = self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __call__(self, value):
        return value

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"


def overload(func):
    return func


def get_type_hints(obj):
    return {name: type(None) if hint is None else hint
            for name, hint in getattr(obj, "__annotations__", {}).items()}
TYPE_CHECKING = False


def cast(typ, value):
    return value


class Generic:
    """`class Stack(Generic[T])`: subscripted, it is itself."""

    def __class_getitem__(cls, parameters):
        from types import GenericAlias
        return GenericAlias(cls, parameters)


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
