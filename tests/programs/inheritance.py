class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)

    def speak(self):
        base = super().speak()
        return base + "!" if self.tricks else base


class Puppy(Dog):
    def speak(self):
        return super().speak().upper()


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key!r}")
        self.key = key


for a in [Animal("generic"), Dog("rex", ["sit"]), Puppy("bit")]:
    print(a, a.speak(), isinstance(a, Dog), issubclass(type(a), Animal))
print(Puppy.__mro__ if False else [c.__name__ for c in Puppy.__mro__])
try:
    raise NotFound("user")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e))
print(issubclass(NotFound, Exception), NotFound.__bases__[0].__name__)
e = AppError("a", 2)
print(str(e), repr(e), e.args)
print(repr(Exception()), str(Exception()), repr(ValueError("x")))
raise NotFound(42)
