# Futures and tasks off the common path: each case takes a different branch of the natives
# that stand for Future's and Task's methods (asyncio_fast.rs) and must end as CPython's do.
import asyncio


class LoudFuture(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        print("LoudFuture: a callback is added")
        super().add_done_callback(fn, context=context)


class BadYield:
    def __await__(self):
        yield "not a future"


async def awaits_itself():
    await asyncio.sleep(0.1)
    await asyncio.current_task()


async def bad_yield():
    await BadYield()


async def main():
    loop = asyncio.get_running_loop()

    loud = LoudFuture()
    loop.call_later(0.2, loud.set_result, "loud done")
    print("awaited:", await loud)

    seen = []
    done = loop.create_future()
    done.add_done_callback(lambda f: seen.append(("kw", f.result())), context=None)
    done.set_result(7)
    done.add_done_callback(lambda f: seen.append(("late", f.result())))
    await asyncio.sleep(0)
    print("callbacks:", seen)
    print("unbound:", asyncio.Future.done(done), asyncio.Future.result(done))

    cancelled = loop.create_future()
    cancelled.cancel("stop it")
    for method in (cancelled.result, cancelled.exception):
        try:
            method()
        except asyncio.CancelledError as e:
            print(method.__name__, "-> CancelledError", e.args)

    pending = loop.create_future()
    try:
        pending.exception()
    except asyncio.InvalidStateError as e:
        print("pending.exception():", e)

    failed = loop.create_future()
    failed.set_exception(KeyError("k"))
    print("exception first:", repr(failed.exception()))
    try:
        failed.result()
    except KeyError as e:
        print("then result raises", repr(e))

    for make in (awaits_itself, bad_yield):
        task = asyncio.create_task(make())
        try:
            await task
        except RuntimeError as e:
            print(make.__name__, "->", str(e).split(":")[0])

    try:
        done.set_result(8)
    except asyncio.InvalidStateError as e:
        print("set twice:", e)

    async def child():
        await asyncio.sleep(1)

    task = asyncio.create_task(child())
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("result while cancelling:", e)
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled:", task.cancelled(), task.done())


asyncio.run(main())
