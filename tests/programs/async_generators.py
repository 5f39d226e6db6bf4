import asyncio


async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def squares(source):
    async for value in source:
        yield value * value


async def main():
    async for i in ticker(3, 0.2):
        print("tick", i)
    print([x async for x in squares(ticker(4, 0.1))])
    print({x: x + 1 async for x in ticker(2, 0.1) if x > 0})
    gen = ticker(5, 0.1)
    print(await gen.__anext__(), await anext(gen))
    await gen.aclose()
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("closed generator is exhausted")
    print(await anext(ticker(0, 1), "default"))

    async def numbered():
        try:
            yield 1
            yield 2
        finally:
            print("generator finalised")

    async for v in numbered():
        print("value", v)
        break
    print("after break")


asyncio.run(main())
