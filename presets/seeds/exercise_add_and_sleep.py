# The seed's exercise: add two numbers, sleep that many seconds, run it with the loop.
import asyncio

async def add_and_sleep(a, b):
    total = a + b
    print(f"{a} + {b} = {total}, sleeping {total}s")
    await asyncio.sleep(total)
    print("woke up after", total, "seconds")
    return total

loop = asyncio.get_event_loop()
print(loop.run_until_complete(add_and_sleep(1, 2)))
loop.close()
