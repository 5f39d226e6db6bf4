import asyncio


async def slow_answer():
    await asyncio.sleep(3)
    return 42


async def main():
    try:
        answer = await asyncio.wait_for(slow_answer(), timeout=1)
        print('Answer:', answer)
    except asyncio.TimeoutError:
        print('Gave up after 1 second')
    answer = await asyncio.wait_for(slow_answer(), timeout=5)
    print('With 5 seconds allowed:', answer)


asyncio.run(main())
