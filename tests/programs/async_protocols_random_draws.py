import asyncio
import random

random.seed(42)


class Ticker:
    def __init__(self, delay, to):
        self.delay = delay
        self.i = 0
        self.to = to

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.to:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i


class Connection:
    async def __aenter__(self):
        print("open")
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("close", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.1)
        return False


async def main():
    async for n in Ticker(0.5, 3):
        print("tick", n)
    total = [i async for i in Ticker(0.1, 4) if i % 2 == 0]
    print(total)
    try:
        async with Connection() as c:
            print(type(c).__name__)
            raise KeyError("missing")
    except KeyError as e:
        print("caught", repr(e), str(e))
    weights = [random.gauss(0, 1) for _ in range(3)]
    print([round(w, 6) for w in weights])
    print(random.choices(["a", "b", "c"], weights=[1, 5, 10], k=6))
    print(round(random.expovariate(2.0), 8), round(random.triangular(0, 10, 3), 8))
    print(random.randrange(0, 100, 5), random.getrandbits(16), random.betavariate(2, 3))
    delays = [random.uniform(0.1, 0.5) for _ in range(3)]
    await asyncio.gather(*(asyncio.sleep(d) for d in delays))
    print(f"{sum(delays):.3f}")

asyncio.run(main())
