# Async context managers from an abstract base class, a hand-written async iterator feeding an
# async generator (asend), a pool from @asynccontextmanager whose finally gathers; then nested
# scopes (comprehensions, lambdas, a class) inside finally blocks left by continue and return.
import asyncio
from abc import ABC, abstractmethod
from collections import deque
from contextlib import asynccontextmanager

class Resource(ABC):
    def __init__(self, name):
        self.name = name
        self.open = False

    async def __aenter__(self):
        await self.connect()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()
        if exc_type is not None:
            print(f"{self.name}: closing after {exc_type.__name__}: {exc}")
        return exc_type is KeyError

    @abstractmethod
    async def connect(self): ...

    async def close(self):
        await asyncio.sleep(0.01)
        self.open = False
        print(f"{self.name} closed")

class Database(Resource):
    async def connect(self):
        await asyncio.sleep(0.02)
        self.open = True
        print(f"{self.name} connected")

class Ticker:
    def __init__(self, delay, to):
        self.delay, self.i, self.to = delay, 0, to

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.to:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i

async def averages(source, window=3):
    recent = deque(maxlen=window)
    async for value in source:
        recent.append(value)
        received = yield sum(recent) / len(recent)
        if received:
            print("got sent", received)

@asynccontextmanager
async def pool(size):
    items = [Database(f"db{i}") for i in range(size)]
    await asyncio.gather(*(db.connect() for db in items))
    try:
        yield items
    finally:
        await asyncio.gather(*(db.close() for db in items))

async def main():
    try:
        Resource("x")
    except TypeError as e:
        print(e)
    async with Database("main") as db:
        print(db.open)
        raise KeyError("swallowed")
    try:
        async with Database("other"):
            raise ValueError("kept")
    except ValueError as e:
        print("outer saw", e)
    gen = averages(Ticker(0.1, 5))
    print(await gen.__anext__())
    print(await gen.asend("hello"))
    async for avg in gen:
        print(f"{avg:.2f}")
    async with pool(3) as dbs:
        print([d.name for d in dbs], all(d.open for d in dbs))
    print([i async for i in Ticker(0.05, 3)])
    print(await asyncio.gather(*[asyncio.sleep(0.01, result=i) for i in range(3)]))

asyncio.run(main())

def f(items):
    for x in items:
        try:
            if x == 2:
                continue
            if x == 3:
                return [y * x for y in items]
        finally:
            print("finally", x, [lambda: x][0](), sorted(items, key=lambda v: -v))
    return None

print(f([1, 2, 3]))
try:
    raise ValueError
except ValueError:
    pass
finally:
    class Inner:
        def m(self):
            return [i for i in range(2)]
    print(Inner().m())
