# What gather, ensure_future and create_task accept and give back: the same coroutine or future
# given twice, a plain future, a named task, tasks made by the loop, an object whose __await__
# is a generator delegating to a coroutine's __await__() or returns it, sleep(0)/negative
# delays with a result, wrong arguments (42, None) with CPython's errors.
import asyncio


class Sleepy:
    def __init__(self, d):
        self.d = d
    def __await__(self):
        print("before")
        value = yield from asyncio.sleep(self.d, "slept").__await__()
        print("after", value)
        return value.upper()

class Delegating:
    async def run(self):
        await asyncio.sleep(0.1)
        return 7

    def __await__(self):
        return self.run().__await__()


async def work(i):
    await asyncio.sleep(0.1 * i)
    return i

async def main():
    c = work(1)
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.5, f.set_result, "f")
    t = asyncio.create_task(work(2), name="named")
    print(await asyncio.gather(c, c, f, t, work(0), f))
    print(t.get_name(), asyncio.create_task(work(0)).get_name())
    try:
        await asyncio.gather(work(1), 42)
    except TypeError as e:
        print("TypeError", e)
    await asyncio.sleep(0.2)
    loop = asyncio.get_running_loop()
    t2 = loop.create_task(work(1), name="viaLoop")
    print(await asyncio.ensure_future(t2), t2.get_name(), asyncio.ensure_future(f) is f)
    class Awaitable:
        async def run(self):
            await asyncio.sleep(0.1)
            return "awaited"
        def __await__(self):
            return self.run().__await__()
    print(await asyncio.gather(Awaitable(), asyncio.sleep(0.1, "s")))
    print(await asyncio.sleep(0, "zero"), await asyncio.sleep(-1, "neg"))
    try:
        await asyncio.sleep(None)
    except TypeError as e:
        print("TypeError", e)
    print(await asyncio.wait_for(asyncio.sleep(0.2, "waited"), 1))
    print(await Sleepy(0.5), await Delegating())
    print(await asyncio.gather(Sleepy(0.2), Delegating()))

asyncio.run(main())
