import asyncio


async def eternity():
    await asyncio.sleep(3600)
    print("yay!")


async def quick():
    await asyncio.sleep(0.5)
    return "quick result"


async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except asyncio.TimeoutError:
        print("timeout!")
    except TimeoutError:
        print("builtin timeout")
    print(await asyncio.wait_for(quick(), timeout=2))
    print(await asyncio.wait_for(quick(), None))
    try:
        async with asyncio.timeout(1.5):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout context expired")
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        await asyncio.sleep(0.1)


asyncio.run(main())
