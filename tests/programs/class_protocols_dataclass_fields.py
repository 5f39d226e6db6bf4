# Class protocols: __init_subclass__ registries, descriptors with __set_name__, operators,
# __format__, cached_property and __getattr__; dataclasses with KW_ONLY, InitVar and slots.
import asyncio
import functools
from dataclasses import dataclass, field, fields, asdict, InitVar, KW_ONLY

class Registry:
    plugins = {}

    def __init_subclass__(cls, /, kind=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind or cls.__name__.lower()
        Registry.plugins[cls.kind] = cls

class Fetcher(Registry, kind="fetch"):
    async def run(self, x):
        await asyncio.sleep(0.1)
        return f"fetched {x}"

class Parser(Registry):
    async def run(self, x):
        await asyncio.sleep(0.05)
        return f"parsed {x}"

class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, got {type(value).__name__}")
        setattr(obj, self.name, value)

class Vector:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __format__(self, spec):
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"

class Lazy:
    def __init__(self):
        self.calls = 0

    @functools.cached_property
    def value(self):
        self.calls += 1
        return 42

    def __getattr__(self, name):
        return f"<missing {name}>"

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    _: KW_ONLY
    retries: int = 0
    scale: InitVar[float] = 1.0
    cost: float = field(init=False, default=0.0)

    def __post_init__(self, scale):
        self.cost = self.priority * scale

@dataclass(slots=True, frozen=True)
class Point:
    x: int
    y: int = 0

async def main():
    print(sorted(Registry.plugins), [c.kind for c in Registry.plugins.values()])
    print(await asyncio.gather(*(cls().run(i) for i, cls in enumerate(Registry.plugins.values()))))
    v = Vector(1, 2) + 3 * Vector(1, 1)
    print(v, abs(Vector(3, 4)), bool(Vector(0, 0)), list(v), {v: 1}, f"{v:03d}", v == Vector(4, 5))
    try:
        v.x = "a"
    except TypeError as e:
        print(e)
    print(Vector.x.name)
    lazy = Lazy()
    print(lazy.value, lazy.value, lazy.calls, lazy.other)
    jobs = [Job(3, "c", retries=1), Job(1, "a", scale=2.5), Job(2, "b")]
    print(sorted(jobs))
    print(max(jobs).name, jobs[1].cost)
    p = Point(1)
    print(p, hasattr(p, "__dict__"), Point.__slots__)
    try:
        p.x = 5
    except Exception as e:
        print(type(e).__name__, e)

asyncio.run(main())


@dataclass
class Base:
    a: int
    _: KW_ONLY
    b: int = 2

@dataclass
class Child(Base):
    c: int = 3
    d: InitVar[str] = "x"

    def __post_init__(self, d):
        self.note = d * 2

c = Child(1, c=5, b=7, d="yo")
print(c, c.note, [f.name for f in fields(c)], asdict(c), Child.__match_args__)
print(InitVar[int], InitVar[list[str]])
try:
    Child(1, 2)
except TypeError as e:
    print(e)

@dataclass(slots=True)
class S:
    x: int
    y: list = field(default_factory=list)

s = S(1)
s.y.append(2)
print(s, S.__slots__, S.__qualname__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    print(vars(s))
except TypeError as e:
    print("TypeError", e)
class Plain:
    __slots__ = ("a",)
p = Plain()
print(hasattr(p, "__dict__"))
class Sub(Plain):
    pass
print(hasattr(Sub(), "__dict__"))
