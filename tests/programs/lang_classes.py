# Classes, inheritance, special methods, properties, exceptions.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"Animal({self.name!r})"


class Dog(Animal):
    kind = "dog"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + " (woof)"

    def __str__(self):
        return f"{self.name} the {self.breed}"


rex = Dog("Rex", "beagle")
print(rex.speak(), rex, repr(rex), Dog.kind, rex.kind, Animal("Tom"))
print(isinstance(rex, Animal), type(rex).__name__, Dog.__mro__[1].__name__)


class Vector:
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

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


v = Vector(1, 2) + Vector(3, 4)
print(v, v * 2, 3 * v, v == Vector(4, 6), len(v), v[0], list(v), sorted([Vector(2, 1), Vector(1, 5)]))
print({Vector(1, 1): "a"}[Vector(1, 1)], Vector(1, 1) != Vector(1, 2))


class Temperature:
    def __init__(self):
        self._celsius = 0

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._celsius = value

    @staticmethod
    def describe():
        return "a temperature"

    @classmethod
    def freezing(cls):
        t = cls()
        t.celsius = 0
        return t


t = Temperature()
t.celsius = 25
print(t.celsius, Temperature.describe(), Temperature.freezing().celsius)
try:
    t.celsius = -300
except ValueError as error:
    print("error:", error)


class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        return self.balance


acct = Account(100)
print(acct.withdraw(30))
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print(type(e).__name__, e, e.needed, e.args)
finally:
    print("finally runs")

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))

try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
except Exception:
    print("not here")
else:
    print("not here either")

def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 / n
    except ValueError:
        return "handled"
    finally:
        print("cleanup", n)

print(risky(0), risky(5))
print(hasattr(acct, "balance"), getattr(acct, "missing", "default"), vars(acct))
setattr(acct, "owner", "Ann")
print(acct.owner)


class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)
        return self

    def __iter__(self):
        return iter(reversed(self.items))

    def __bool__(self):
        return bool(self.items)

    def __contains__(self, item):
        return item in self.items


s = Stack().push(1).push(2).push(3)
print(list(s), 2 in s, bool(Stack()), [x for x in s if x > 1])


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(3)))


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


with Resource("a") as r, Resource("b"):
    print("using", r.name)
with Resource("c"):
    raise KeyError("swallowed")
print("after with")
