import asyncio

result2 = 0

async def compute(x, y):
    print(f"Compute {x} + {y} ...")
    await asyncio.sleep(1.0)
    result2 = x * y
    return x + y

async def print_sum(x, y):
    result = await compute(x, y)
    print(f"{x} + {y} = {result}")

async def dosomethingelse():
    print("I've got a lovely bunch of coconuts")

loop = asyncio.get_event_loop()
tasks = [print_sum(1, 2), dosomethingelse(), compute(2, 4)]
loop.run_until_complete(asyncio.wait(tasks))
loop.close()
print(result2)
