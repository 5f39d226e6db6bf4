# Callbacks that are natives here (a future's set_result and cancel, a sleep's timer) run in
# batches inside one turn of the loop: each must still be reported, named and ordered as
# CPython's loop runs them, one handle at a time.
import asyncio


async def sleeper(i, delay):
    await asyncio.sleep(delay)
    return i * i


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    loop.call_soon(fut.set_result, 2)

    other = loop.create_future()
    loop.call_later(0.1, other.set_result, "later")
    loop.call_later(0.1, other.set_result, "twice")
    loop.call_later(0.1, print, "a Python callback between them")
    print(await other)

    done = loop.create_future()
    loop.call_soon(done.cancel)
    try:
        await done
    except asyncio.CancelledError:
        print("cancelled by a callback")

    # Many timers due at once, results gathered (the callback gather puts on each child is
    # named as CPython's: see a pending child's repr, left out here since it holds the path
    # of CPython's own tasks.py).
    tasks = [asyncio.create_task(sleeper(i, 0.5)) for i in range(300)]
    gathering = asyncio.gather(*tasks)
    print(gathering.done(), tasks[0].done())
    results = await gathering
    print(len(results), sum(results))
    print(tasks[0])

    failing = loop.create_future()
    loop.call_later(0.2, failing.set_exception, KeyError("k"))
    mixed = await asyncio.gather(sleeper(2, 0.2), failing, sleeper(3, 0.3), return_exceptions=True)
    print(mixed)

    cancelled = asyncio.create_task(sleeper(5, 1))
    loop.call_later(0.1, cancelled.cancel)
    print(await asyncio.gather(sleeper(4, 0.2), cancelled, return_exceptions=True))


asyncio.run(main())
