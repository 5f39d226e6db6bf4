import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return name


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 3), ("b", 1), ("c", 2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], len(pending))
    done, pending = await asyncio.wait(pending)
    print("rest:", sorted(t.result() for t in done), len(pending))

    tasks = [asyncio.create_task(job("x", 1, fail=True)), asyncio.create_task(job("y", 5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), [repr(t.exception()) for t in done])
    for t in pending:
        t.cancel()

    tasks = [asyncio.create_task(job("z", 10))]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print("after timeout:", len(done), len(pending))
    tasks[0].cancel()
    try:
        await asyncio.wait([job("coro", 1)])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
