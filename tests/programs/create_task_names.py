import asyncio


async def worker(n):
    await asyncio.sleep(n / 10)
    return n * n


async def main():
    tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(3)]
    extra = asyncio.create_task(worker(9))
    print([t.get_name() for t in tasks], extra.get_name())
    print(tasks[0].done(), extra)
    for t in tasks:
        print(t.get_name(), await t, t.done(), t.result())
    await extra
    print(extra)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))


asyncio.run(main())
