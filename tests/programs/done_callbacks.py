import asyncio


def report(task):
    if task.cancelled():
        print(f"{task.get_name()} was cancelled")
    elif task.exception() is not None:
        print(f"{task.get_name()} failed: {task.exception()!r}")
    else:
        print(f"{task.get_name()} returned {task.result()}")


async def work(n):
    await asyncio.sleep(n)
    if n == 2:
        raise LookupError("nothing at 2")
    return n * 100


async def main():
    tasks = []
    for n in (1, 2, 3):
        t = asyncio.create_task(work(n), name=f"job{n}")
        t.add_done_callback(report)
        tasks.append(t)
    tasks[2].cancel()
    await asyncio.sleep(2.5)
    print("removed:", tasks[0].remove_done_callback(report))
    print([t.done() for t in tasks])


asyncio.run(main())
