import asyncio
from abc import ABC, ABCMeta, abstractmethod


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Registry(type):
    plugins = []

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace)
        if bases:
            mcls.plugins.append(name)
        cls.kind = kwargs.get("kind", "plain")
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace)
        cls.initialised = True

    def __repr__(cls):
        return f"<plugin {cls.__name__}>"


class Plugin(metaclass=Registry):
    def __init_subclass__(cls, **kwargs):
        cls.seen = True


class Csv(Plugin, kind="table"):
    pass


class Json(Plugin):
    def describe(self):
        return super().__class__.__name__


class Database(metaclass=Singleton):
    def __init__(self, url):
        print("connecting to", url)
        self.url = url


class Worker(ABC):
    @abstractmethod
    async def run(self, n): ...

    @property
    @abstractmethod
    def name(self): ...

    async def go(self):
        return f"{self.name}: {await self.run(2)}"


class Half(Worker):
    async def run(self, n):
        await asyncio.sleep(0.1)
        return n * 2


class Full(Half):
    @property
    def name(self):
        return "full"


async def main():
    a = Database("db://one")
    b = Database("db://two")
    print(a is b, a.url, type(Database).__name__)
    print(Registry.plugins, Csv.kind, Json.kind, Csv.initialised, Csv.seen, Csv, Json().describe())
    for cls in (Worker, Half):
        try:
            cls()
        except TypeError as e:
            print(e)
    print(await Full().go(), Full.__abstractmethods__, isinstance(Full(), Worker), type(Worker) is ABCMeta)
    Dyn = type("Dyn", (Full,), {"extra": 1})
    print(Dyn.extra, Dyn().name, Dyn.__mro__[1].__name__)

asyncio.run(main())
X = type("X", (), {"a": 1, "f": lambda self: self.a + 1})
print(X().f(), X.__name__)
try:
    type("Y", [], {})
except TypeError as e:
    print(e)
