import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in [("a", 0.3), ("b", 0.1), ("c", 2.0)]]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=1.0):
            print(await next_done)
    except asyncio.TimeoutError:
        print("the rest took too long")
    print([t.done() for t in tasks])
    done, pending = await asyncio.wait(tasks, timeout=0.5)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks])


asyncio.run(main())
