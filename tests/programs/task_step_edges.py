# A task's step ends in every way a coroutine can end it: each takes a different branch of the
# native step (asyncio_fast.rs: step_returned, step_yielded, step_raised) and must end as
# CPython's `Task.__step` ends it.
import asyncio


async def returns_after_cancelling_itself():
    asyncio.current_task().cancel("changed my mind")
    return "never seen"


async def cancelled_while_sleeping():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("cancelled while sleeping:", e.args)
        raise


async def swallows_cancellation():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancellation swallowed")
    return "finished anyway"


async def fails(kind):
    await asyncio.sleep(0.1)
    raise kind("failed in a task")


async def exits():
    await asyncio.sleep(0.1)
    raise SystemExit(3)


class Other:
    def __await__(self):
        yield None
        return "after a bare yield"


async def bare_yield():
    return await Other()


async def throws_into_finished():
    return 1


async def main():
    task = asyncio.create_task(returns_after_cancelling_itself())
    try:
        await task
    except asyncio.CancelledError as e:
        print("self-cancelled:", e.args, task.cancelled())

    task = asyncio.create_task(cancelled_while_sleeping())
    await asyncio.sleep(0.1)
    task.cancel("from main")
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled())

    task = asyncio.create_task(swallows_cancellation())
    await asyncio.sleep(0.1)
    task.cancel()
    print("swallowed:", await task, task.cancelled())

    for kind in (ValueError, KeyError, ZeroDivisionError):
        task = asyncio.create_task(fails(kind))
        try:
            await task
        except Exception as e:
            print("failed:", type(e).__name__, e, task.done())

    print("bare yield:", await asyncio.create_task(bare_yield()))

    results = await asyncio.gather(*(fails(ValueError) for _ in range(3)), return_exceptions=True)
    print("gathered:", [type(r).__name__ for r in results])

    coro = throws_into_finished()
    task = asyncio.create_task(coro)
    await task
    print("reused:", task.result())
    again = asyncio.get_running_loop().create_task(coro)
    try:
        await again
    except RuntimeError as e:
        print("again:", e)

    waiter = asyncio.create_task(asyncio.sleep(1, "slept"))
    await asyncio.sleep(0)
    print("waiting:", waiter._fut_waiter is not None, waiter.done())
    print("slept:", await waiter)

    await asyncio.create_task(exits())
    print("not reached")


try:
    asyncio.run(main())
except SystemExit as e:
    print("SystemExit from a task:", e.code, e.args)
print("after the loop")
