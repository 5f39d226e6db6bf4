import asyncio


async def main():
    value = await asyncio.sleep(0.25, result="slept")
    print(value)
    zero = await asyncio.sleep(0, result=42)
    print(zero)
    print(await asyncio.sleep(-1))


asyncio.run(main())
