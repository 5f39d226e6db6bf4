import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(item)
    while not pq.empty():
        print("priority:", await pq.get())
    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        lq.put_nowait(i)
    print(lq.full(), lq.qsize())
    print([lq.get_nowait() for _ in range(3)])

    q = asyncio.Queue()

    async def worker(name):
        while True:
            job = await q.get()
            await asyncio.sleep(job)
            print(f"{name} did {job}")
            q.task_done()

    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    for job in [0.5, 0.2, 0.3, 0.1]:
        q.put_nowait(job)
    await q.join()
    print("joined")
    for w in workers:
        w.cancel()
    print(await asyncio.gather(*workers, return_exceptions=True))


asyncio.run(main())
