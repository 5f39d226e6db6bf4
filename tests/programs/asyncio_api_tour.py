import asyncio
import time


async def job(name, seconds):
    print(f"[{time.strftime('%X')}] {name} start")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done after {seconds}s")
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = {asyncio.create_task(job(f"job{i}", i), name=f"J{i}") for i in (3, 1, 2)}
    done, pending = await asyncio.wait(tasks, timeout=1.5)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel("too slow")
    results = await asyncio.gather(*pending, return_exceptions=True)
    print([type(r).__name__ for r in results], [r.args for r in results])
    async with asyncio.timeout(0.5) as cm:
        print(cm.when() - loop.time(), cm.expired())
        cm.reschedule(loop.time() + 2)
        await asyncio.sleep(1)
    print("rescheduled ok", cm.expired())
    try:
        async with asyncio.timeout_at(loop.time() + 0.2):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout_at", type(e).__name__, e.args)
    ev = asyncio.Event()
    loop.call_later(0.3, ev.set)
    print(await asyncio.wait_for(ev.wait(), 1), ev.is_set())
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut, fut.done(), repr(fut))
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled(), t.done())
    print(repr(t)[:40])
    res = await asyncio.shield(job("shielded", 0.1))
    print(res)
    for coro in asyncio.as_completed([asyncio.create_task(job("x", 0.3)), asyncio.create_task(job("y", 0.1))]):
        print("first:", await coro)
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            print(i, "in", sem.locked(), sem._value)
            await asyncio.sleep(0.1)
    await asyncio.gather(*(limited(i) for i in range(4)))
    cond = asyncio.Condition()
    ready = []
    async def waiter(i):
        async with cond:
            await cond.wait_for(lambda: len(ready) > i)
            print("waiter", i, "sees", ready)
    ws = [asyncio.create_task(waiter(i)) for i in range(2)]
    for v in "ab":
        await asyncio.sleep(0.1)
        async with cond:
            ready.append(v)
            cond.notify_all()
    await asyncio.gather(*ws)

asyncio.run(main())
