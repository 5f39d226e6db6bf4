import asyncio
import functools
import time
from enum import IntEnum


class Priority(IntEnum):
    HIGH = 1
    MEDIUM = 2
    LOW = 3


def timed(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = await fn(*args, **kwargs)
        elapsed = time.perf_counter() - start
        print(f"{fn.__name__}{args} took {elapsed:.2f}s")
        return result
    return wrapper


@timed
async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:{delay}"


async def worker(queue, results):
    while True:
        prio, job = await queue.get()
        print(f"handling {job} at priority {prio!r} ({prio.name}, {int(prio)})")
        results.append(await fetch(job, prio * 0.1))
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for job, prio in [("a", Priority.LOW), ("b", Priority.HIGH), ("c", Priority.MEDIUM)]:
        queue.put_nowait((prio, job))
    results = []
    task = asyncio.create_task(worker(queue, results))
    await queue.join()
    task.cancel()
    print(results)
    print(Priority.HIGH < Priority.LOW, Priority.HIGH + 1, sorted(Priority, reverse=True))
    print(fetch.__name__, fetch.__wrapped__.__name__, fetch.__qualname__)
    print(Priority(2), Priority["LOW"], Priority.LOW.value)
    print(f"{Priority.HIGH}", str(Priority.MEDIUM), format(Priority.LOW, '>5'))

asyncio.run(main())
