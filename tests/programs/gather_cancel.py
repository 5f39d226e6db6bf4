import asyncio


async def job(n):
    try:
        await asyncio.sleep(n)
        print(f"job {n} finished")
        return n
    except asyncio.CancelledError:
        print(f"job {n} cancelled")
        raise


async def main():
    group = asyncio.gather(job(1), job(2), job(3))
    await asyncio.sleep(1.5)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled")
    outer = asyncio.gather(job(0.5), asyncio.gather(job(0.2), job(0.3)))
    print(await outer)
    results = await asyncio.gather(job(0.1), asyncio.sleep(0.2, "slept"), return_exceptions=True)
    print(results)
    print(await asyncio.gather())
    t = asyncio.create_task(job(5))
    g = asyncio.gather(t, job(0.1), return_exceptions=True)
    await asyncio.sleep(0.2)
    t.cancel()
    print(await g)


asyncio.run(main())
