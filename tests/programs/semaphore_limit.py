import asyncio
import time

limit = asyncio.Semaphore(2)


async def download(i):
    async with limit:
        print(f"{time.monotonic():.1f} start {i}")
        await asyncio.sleep(1)
        print(f"{time.monotonic():.1f} end {i}")
    return i


async def main():
    results = await asyncio.gather(*(download(i) for i in range(5)))
    print(results, limit.locked())
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
