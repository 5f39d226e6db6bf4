import abc
import sys


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, side):
        self._side = side

    @property
    def side(self):
        return self._side

    @side.setter
    def side(self, value):
        if value <= 0:
            raise ValueError("side must be positive")
        self._side = value

    def area(self):
        return self.side ** 2


class Config:
    def __init__(self, **values):
        self._values = values

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None

    def __call__(self, key, default=None):
        return self._values.get(key, default)

    def __contains__(self, key):
        return key in self._values

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(sorted(self._values))


class A:
    def hello(self):
        return "A"


class B(A):
    def hello(self):
        return "B>" + super().hello()


class C(A):
    def hello(self):
        return "C>" + super().hello()


class D(B, C):
    def hello(self):
        return "D>" + super().hello()


def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return total
        total += value
        count += 1
        average = total / count


def delegate():
    result = yield from averager()
    print("delegate got", result)


def kw(a, b=2, *args, c, d=4, **rest):
    return a, b, args, c, d, rest


try:
    Shape()
except TypeError as e:
    print(e)
sq = Square(3)
print(sq.describe(), sq.side)
sq.side = 4
print(sq.area())
try:
    sq.side = -1
except ValueError as e:
    print("ValueError:", e)
cfg = Config(host="localhost", port=8080)
print(cfg.host, cfg("port"), cfg("missing", "dflt"), "host" in cfg, len(cfg), list(cfg))
try:
    cfg.user
except AttributeError as e:
    print(e)
print(D().hello(), [k.__name__ for k in D.__mro__])
g = averager()
next(g)
print(g.send(10), g.send(20), g.send(30))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
d = delegate()
next(d)
d.send(5)
try:
    d.send(None)
except StopIteration:
    pass
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6, f=7))
try:
    kw(1)
except TypeError as e:
    print(e)
print("Hello World".translate(str.maketrans("lo", "01")), "ß".casefold(), "a\tb".expandtabs(4))
print("x\ny\r\nz".splitlines(keepends=True), "a,b,c,d".rsplit(",", 1), "prefix_name".removeprefix("prefix_"))
print((255).bit_length(), round(2.5), round(3.5), round(-0.5), divmod(-7, 2), (7.0).is_integer(), -7 // 2, -7 % 2)
print(sorted(["b", "A", "c"], key=str.lower), min([], default="empty"), max([3, 1, 2], key=lambda v: -v))
print(f"{'nested ' + str(len('abc'))!r:>20}", f"{3.14159:{'.'}{2}f}", f"{{literal}}", f"{1+1=}", f"{'x'=!r:>5}")
print("to stderr", file=sys.stderr, flush=True)
print(int("ff", 16), int("0b101", 0), float("1e-3"), str(1e16), str(1e-5), 1/3, 2**100, -2**63)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), ascii("é"), chr(9731), ord("A"))
