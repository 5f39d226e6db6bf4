import asyncio


async def ok(n):
    await asyncio.sleep(n)
    return n


async def boom(n):
    await asyncio.sleep(n)
    raise RuntimeError(f"boom {n}")


async def main():
    results = await asyncio.gather(ok(1), boom(2), ok(3), return_exceptions=True)
    print(results)
    try:
        await asyncio.gather(ok(1), boom(0.5))
    except RuntimeError as e:
        print("gather raised:", e)
    await asyncio.sleep(1)
    print("end")


asyncio.run(main())
