import asyncio


async def ok(n):
    await asyncio.sleep(n)
    print(f"ok {n} finished")
    return n


async def bad(n, exc):
    await asyncio.sleep(n)
    print(f"bad {n} raises")
    raise exc


async def long_one():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("long_one cancelled by the group")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok(0.1))
        t2 = tg.create_task(ok(0.2), name="second")
    print("results:", t1.result(), t2.result(), t2.get_name())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(0.1))
            tg.create_task(long_one())
            tg.create_task(bad(0.3, ValueError("boom")))
            tg.create_task(bad(0.3, KeyError("k")))
    except ExceptionGroup as eg:
        print("caught:", repr(eg))
        print("message:", eg.message)
        for e in eg.exceptions:
            print(" -", type(e).__name__, e)
        values, rest = eg.split(ValueError)
        print("split:", repr(values), repr(rest))
        print("subgroup:", eg.subgroup(KeyError))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(0.1, RuntimeError("final")))
        tg.create_task(ok(0.5))


asyncio.run(main())
