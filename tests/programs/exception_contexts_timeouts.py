# What an exception remembers: an exception a task received from the future it awaited and
# handled is not the context of its next one (the C task steps outside the handler), while a
# timeout's TimeoutError is caused by the cancellation it turned into (CPython 3.11.7).
import asyncio


async def failing(message):
    await asyncio.sleep(0.1)
    raise ValueError(message)


async def idle(q):
    while True:
        await q.get()
        q.task_done()


def raiser():
    raise KeyError("from a function")


async def contexts(kind):
    q = asyncio.Queue()
    try:
        if kind == "task":
            await asyncio.create_task(failing("task"))
        elif kind == "coroutine":
            await failing("coroutine")
        elif kind == "future":
            future = asyncio.get_running_loop().create_future()
            asyncio.get_running_loop().call_later(0.1, future.set_exception, ValueError("fut"))
            await future
        elif kind == "cancelled task":
            worker = asyncio.create_task(idle(q))
            await asyncio.sleep(0)
            worker.cancel()
            await worker
    except BaseException as e:
        print(f"{kind}: caught {e!r}")
    for attempt in (lambda: q.get_nowait(), raiser):
        try:
            attempt()
        except Exception as e:
            print(f"  then {type(e).__name__}, context {e.__context__!r}")
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise KeyError("second")
    except KeyError as e:
        print(f"  inside a handler: context {e.__context__!r}")


async def timeouts():
    t = asyncio.timeout(1)
    try:
        t.reschedule(3)
    except RuntimeError as e:
        print(e)
    async with t:
        await asyncio.sleep(0.1)
    try:
        async with t:
            pass
    except RuntimeError as e:
        print(e)
    print(t, t.expired())
    try:
        async with asyncio.timeout(0.2) as late:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("TimeoutError", repr(e.__cause__), repr(e.__context__), late.expired(), late)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.2)
    except TimeoutError as e:
        print("wait_for", repr(e.__cause__), repr(e.__context__))


async def main():
    for kind in ("task", "coroutine", "future", "cancelled task"):
        await contexts(kind)
    await timeouts()
    async with asyncio.timeout(0.3):
        await asyncio.sleep(1)


asyncio.run(main())
