import asyncio


async def explode(n):
    await asyncio.sleep(0.1 * n)
    raise ValueError(f"explosion {n}")


async def forgotten():
    print("this never runs")


async def main():
    t = asyncio.create_task(explode(1))
    await asyncio.sleep(0.5)
    print("task done:", t.done())
    forgotten()
    print("after the forgotten coroutine")
    del t
    await asyncio.sleep(0.1)
    t2 = asyncio.create_task(explode(2))
    await asyncio.sleep(0.5)
    print("retrieving:", repr(t2.exception()))


asyncio.run(main())
