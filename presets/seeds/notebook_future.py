# From the notebook seed: a future completed by a task (seeded so that CPython agrees).
import asyncio
import random
from random import randint
random.seed(2024)
async def compute_value(future):
    await asyncio.sleep(1)
    value = randint(100, 999)
    future.set_result(value)

async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.create_task(compute_value(future))
    print(await future)

# asyncio.run(main())
await main()
