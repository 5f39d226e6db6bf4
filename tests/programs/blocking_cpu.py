import asyncio
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def heartbeat():
    for i in range(6):
        print(f"beat {i} at {time.perf_counter() - start:.1f}")
        await asyncio.sleep(0.5)


async def blocker():
    await asyncio.sleep(0.7)
    print("blocking for 1.2s with time.sleep")
    time.sleep(1.2)
    print("crunching", crunch(100_000))
    await asyncio.sleep(0)
    print("blocker done")


async def main():
    await asyncio.gather(heartbeat(), blocker())
    print(f"total {time.perf_counter() - start:.1f}s")


start = time.perf_counter()
asyncio.run(main())
