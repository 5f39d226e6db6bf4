import asyncio
import time


async def fetch(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done after {delay}s")
    return name.upper()


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(fetch("a", 2), fetch("b", 1), fetch("c", 1.5))
    print(results, f"in {time.perf_counter() - start:.1f}s")
    empty = await asyncio.gather()
    print("empty gather:", empty)


asyncio.run(main())
