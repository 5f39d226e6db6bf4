# The asyncio objects' reprs, a loop's own exception handler (told of a task dropped with its
# exception never retrieved, and of a failing callback), Condition.wait_for, cancelling/uncancel,
# wait with a timeout, as_completed, shield under wait_for.
import asyncio

class Awaitable:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        return self.v * 2

async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    lock = asyncio.Lock()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    q = asyncio.Queue(3)
    for thing in (sem, lock, ev, cond, q):
        print(str(thing).split(" object at ")[0], repr(thing).split(" [")[-1].split(" at 0x")[0])
    async with sem:
        async with lock:
            print(repr(sem).split(" [")[-1], repr(lock).split(" [")[-1], sem.locked(), lock.locked())
    fut = loop.create_future()
    print(fut)
    fut.set_result(3)
    print(fut, await fut)
    t = asyncio.ensure_future(Awaitable(21))
    print(t.get_name())
    print(await t, t.done())
    h = loop.call_later(5, print)
    print(h, h.when() - loop.time())
    h.cancel()
    print(h)
    hs = loop.call_soon(print, "x")
    print(hs)
    await asyncio.sleep(0)
    state = []
    def handler(loop, context):
        state.append(context["message"])
        print("handler got", sorted(context))
    loop.set_exception_handler(handler)
    async def boom():
        raise RuntimeError("oops")
    bt = asyncio.create_task(boom())
    await asyncio.sleep(0)
    del bt
    await asyncio.sleep(0)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    print(state, loop.get_exception_handler() is handler)
    loop.set_exception_handler(None)
    async def waiter():
        async with cond:
            await cond.wait_for(lambda: ev.is_set())
            return "woken"
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    ev.set()
    async with cond:
        cond.notify_all()
    print(await wt)
    t2 = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t2.cancel(); t2.cancel()
    print(t2.cancelling(), t2.uncancel(), t2.cancelling())
    try:
        await t2
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
    print(asyncio.isfuture(fut), asyncio.iscoroutine(waiter()), asyncio.iscoroutinefunction(waiter))
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(d, d)) for d in (0.3, 0.1, 0.2)], timeout=0.15)
    print(sorted(t.result() for t in done), len(pending))
    for p in pending:
        p.cancel()
    for coro in asyncio.as_completed([asyncio.sleep(d, d) for d in (0.2, 0.1)]):
        print("as_completed", await coro)
    sh = asyncio.create_task(asyncio.sleep(0.2, "shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(sh), 0.1)
    except TimeoutError:
        print("timed out; shielded still running:", not sh.done())
    print(await sh)

asyncio.run(main())
