class Money(float):
    def __repr__(self):
        return f"${float(self):.2f}"
class Name(str):
    def shout(self):
        return self.upper() + "!"
class Bag(dict):
    def __missing__(self, key):
        return 0
class Stack(list):
    def peek(self):
        return self[-1]
class Tags(set):
    pass
class Level(int):
    pass
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
class Named(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
n = Name("bob")
print(n.shout(), len(n), n + "x", isinstance(n, str), n == "bob", n, repr(n), f"{n:>5}|", n[1], "o" in n, hash(n) == hash("bob"))
print(sorted([Name("b"), Name("a")]), {n: 1}["bob"], type(n + "x").__name__, n.split("o"), list(n), str(n), n * 2)
b = Bag(a=1)
b["c"] += 5
print(b["a"], b["z"], isinstance(b, dict), b, len(b), list(b.items()), "a" in b, b.get("q", 9))
s = Stack([1, 2])
s.append(3)
s += [4]
print(s.peek(), s, len(s), type(s).__name__, s[1:], sum(s), s == [1, 2, 3, 4], bool(Stack()))
for item in s:
    print(item, end=" ")
print()
t = Tags([1, 2])
t.add(3)
print(sorted(t), 2 in t, len(t))
lv = Level(3)
print(lv + 1, isinstance(lv, int), repr(Level(5)), lv * 2.5, -lv, [10, 20, 30, 40][lv], lv > 2, abs(Level(-4)), f"{lv:03d}", int(lv), float(lv), round(lv))
p = Point(3, 4)
print(p, p.x, p[1], len(p), isinstance(p, tuple), p == (3, 4), type(p).__name__)
m = Money(3.5)
print(m, m + 1, m * 2, str(m), f"{m:.1f}")
nl = Named("nums", [3, 1, 2])
nl.sort()
print(nl, nl.name, len(nl), max(nl))
print(Name("x").__class__.__name__, Stack.__mro__[1].__name__, issubclass(Stack, list))

from enum import Enum, IntEnum, StrEnum, auto
class Status(str, Enum):
    OK = "ok"
    FAIL = "fail"
class Level(IntEnum):
    LOW = 1
    HIGH = 2
print(Status.OK == "ok", Status.OK.value, Status("fail"), f"{Status.OK}", Status.OK.upper())
print(Level.LOW + 1, Level.HIGH > Level.LOW, Level.HIGH * 2, sorted([Level.HIGH, Level.LOW]), Level.LOW == 1)
print(isinstance(Level.LOW, int), int(Level.HIGH), [1, 2, 3][Level.LOW], hash(Level.LOW) == hash(1))
class Color(StrEnum):
    RED = auto()
    BLUE = auto()
print(Color.RED, repr(Color.BLUE), Color.RED == "red", Color("blue") is Color.BLUE, Color.RED.upper(), len(Color.BLUE), f"[{Color.RED:>6}]")
print({Level.LOW: "low"}[1], {"ok": 1}[Status.OK], Level.HIGH.name, Level(2) is Level.HIGH, list(Level), Status.OK.value)
import json
print(json.dumps({"level": Level.HIGH, "status": Status.FAIL, "tags": Stack([1, 2])}))
from enum import IntEnum
class Level(IntEnum):
    LOW = 1
    HIGH = 2
class Path(list):
    pass
class Config(dict):
    pass
for subject in [Level.HIGH, Path([1, 2]), Config(host="h", port=1), 7, "s"]:
    match subject:
        case Level(x) if x > 1:
            print("level", x, type(x).__name__)
        case int(n):
            print("int", n)
        case [a, b]:
            print("pair", a, b, type(subject).__name__)
        case {"host": h, **rest}:
            print("config", h, rest)
        case str() as s:
            print("str", s)
from enum import Enum
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3), Planet((3.303e+23, 2.4397e6)))
