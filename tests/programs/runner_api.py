import asyncio


async def step(n):
    await asyncio.sleep(0.1 * n)
    return n * n


with asyncio.Runner() as runner:
    print(runner.run(step(2)))
    print(runner.run(step(3)))
    loop = runner.get_loop()
    print(loop.is_closed())
print(loop.is_closed())
