import asyncio


async def ticker():
    try:
        for i in range(1, 10):
            print('tick', i)
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print('ticker: cancelled, cleaning up')
        raise


async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(1.6)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('main: cancelled?', task.cancelled())


asyncio.run(main())
