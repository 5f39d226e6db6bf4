import asyncio


async def download(i, sem, active):
    async with sem:
        active.append(i)
        print(f"start {i}, active {len(active)}")
        await asyncio.sleep(0.3 + 0.1 * (i % 3))
        active.remove(i)
        print(f"done {i}")
    return i * 10


async def main():
    sem = asyncio.Semaphore(3)
    active = []
    results = await asyncio.gather(*(download(i, sem, active) for i in range(7)))
    print(results, sem.locked())
    bounded = asyncio.BoundedSemaphore(2)
    await bounded.acquire()
    print("locked after one:", bounded.locked())
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(0)
    print("zero locked:", plain.locked())
    plain.release()
    print("after release:", plain.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
