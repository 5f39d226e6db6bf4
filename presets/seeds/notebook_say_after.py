# From the notebook seed: its cells, run in order, with top-level awaits.
import asyncio
import time
async def say_after(delay, what):
    print(f"before {what} {time.strftime('%X')}")
    await asyncio.sleep(delay)
    print(f"after  {what} {time.strftime('%X')}")

# asyncio.run(say_after(1, "hello"))
await say_after(1, "hello")

async def main_say_after():
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    await say_after(1, '!!!!!')
    print(f"finished at {time.strftime('%X')}")

# asyncio.run(main_say_after())
await main_say_after()

async def main_say_after():
    task1 = asyncio.create_task(
        say_after(1, 'hello'))
    
    task2 = asyncio.create_task(
        say_after(2, 'world'))
    
    task3 = asyncio.create_task(
        say_after(1, '!!!!!'))
    
    print(f"started at {time.strftime('%X')}")
    
    print(f"await task 1 {time.strftime('%X')}")
    await task1
    print(f"await task 2 {time.strftime('%X')}")
    await task2
    print(f"await task 3 {time.strftime('%X')}")
    await task3
    
    print(f"finished at {time.strftime('%X')}")

# asyncio.run(main_say_after())
await main_say_after()

async def main_say_after():
    print(f"started at {time.strftime('%X')}")
    await asyncio.gather(
        say_after(1, 'hello'),
        say_after(2, 'world'),
        say_after(1, '!!!!!'),
    )
    print(f"finished at {time.strftime('%X')}")


# asyncio.run(main_say_after())
await main_say_after()
