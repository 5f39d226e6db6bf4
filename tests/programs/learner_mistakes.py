import asyncio
import time

async def work(n):
    await asyncio.sleep(0.1)
    return n

async def main():
    asyncio.sleep(1)
    t = asyncio.create_task(work(1))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    coros = [work(2), work(3)]
    try:
        await asyncio.gather(coros)
    except TypeError as e:
        print("TypeError:", e)
    for coro in coros:
        coro.close()
    coro = work(4)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    start = time.monotonic()
    await asyncio.gather(*(asyncio.to_thread(print, i) for i in range(0)))
    r = await asyncio.wait_for(work(5), timeout=None)
    print(r, await t, round(time.monotonic() - start, 2))
    try:
        await work
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    loop = asyncio.get_running_loop()
    coro = work(6)
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()

asyncio.run(main())
