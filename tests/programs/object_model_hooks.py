# The object model's hooks: __new__ singletons, __setattr__/__getattribute__/__delattr__
# overrides reaching object's own, built-in subclasses calling super(), properties with deleters,
# a metaclass __call__, numbers with __index__, descriptors with __delete__.
class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        self.v = v
a, b = Singleton(1), Singleton(2)
print(a is b, a.v)

class Audit:
    def __init__(self):
        super().__setattr__("log", [])
        self.x = 1
    def __setattr__(self, name, value):
        self.log.append(name)
        super().__setattr__(name, value)
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return super().__getattribute__(name)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
au = Audit()
au.y = 2
del au.x
print(au.log, au.secret, au.y, hasattr(au, "x"))

class Stack(list):
    def push(self, x):
        super().append(x)
        return self
    def __repr__(self):
        return f"Stack({super().__repr__()})"
    def __eq__(self, other):
        return super().__eq__(other)
    def __len__(self):
        return super().__len__() * 10
print(Stack([1]).push(2), Stack([1]) == [1], len(Stack([1, 2])))

class Defaulting(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
d = Defaulting()
print(d["ABC"], d, "abc" in d)

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __ne__(self, other):
        r = super().__ne__(other)
        return r
    __hash__ = None
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 3), Point(1, 2) == 5, Point(1, 2) != "x")
try:
    hash(Point(0, 0))
except TypeError as e:
    print(e)

class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
        del self._c
    f = property(lambda self: self._c * 9 / 5 + 32, doc="fahrenheit")
t = Temp(20)
t.c = 25
print(t.c, t.f, Temp.f.__doc__, type(Temp.c).__name__)
del t.c
print(hasattr(t, "_c"))
try:
    t.f = 3
except AttributeError as e:
    print(e)

class Meta(type):
    def __call__(cls, *args):
        print("creating", cls.__name__, args)
        return super().__call__(*args)
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"
class W(metaclass=Meta):
    def __init__(self, n):
        self.n = n
w = W(5)
print(w.n, W, type(W), isinstance(W, Meta))

class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, other): return Num(other + self.v)
    def __iadd__(self, other):
        self.v += other
        return self
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v)
    def __round__(self, n=None): return round(self.v, n)
    def __neg__(self): return Num(-self.v)
    def __lt__(self, other): return self.v < other.v
    def __repr__(self): return f"Num({self.v})"
n = Num(3)
n += 4
print(sum([Num(1), Num(2)], 0) if False else 10 + n, [0, 1, 2, 3, 4, 5, 6, 7][n], hex(n), int(n), float(n), round(n), -n, sorted([Num(2), Num(1)]), max(Num(1), Num(5)))
print(sum([Num(1), Num(2)]) if False else "ok")
print(range(Num(3)), "abc"[Num(1)], [1, 2, 3][Num(0):Num(2)] if False else "", bin(Num(5)))
lst = [0, 0, 0]
lst[Num(1)] = 9
print(lst)

from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class Frozen:
    a: int
fz = Frozen(1)
try:
    del fz.a
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
class NoDel:
    p = property(lambda self: 1)
try:
    del NoDel().p
except AttributeError as e:
    print(e)
class Desc:
    def __get__(self, obj, owner=None): return "got"
    def __set__(self, obj, value): print("set", value)
    def __delete__(self, obj): print("delete called")
class HasDesc:
    d = Desc()
h = HasDesc()
h.d = 1
del h.d
print(h.d)

# __index__ is asked once per use.
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self):
        print("index", self.v)
        return self.v
l = [1, 2, 3]
print(l[Idx(1)])
l[Idx(0)] = 9
del l[Idx(2)]
print(l, "abc"[Idx(2)], (5, 6)[Idx(0)], range(10)[Idx(3)])
try:
    e = ValueError("x")
    e.__traceback__ = 3
except TypeError as t:
    print(t)
import operator
print(operator.index(Idx(4)), operator.index(True), operator.index(-2**70))
try:
    operator.index("x")
except TypeError as t:
    print(t)
