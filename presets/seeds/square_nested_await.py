# From the seed "La Programmation Asynchrone": a coroutine awaiting another.
import asyncio

async def compute_square(x):
    await asyncio.sleep(1)
    return x * x

async def square(x):
    print('Square', x)
    res = await compute_square(x)
    print('End square', x)
    return res

loop = asyncio.get_event_loop()
results = loop.run_until_complete(asyncio.gather(square(1), square(2), square(3)))
print(results)
