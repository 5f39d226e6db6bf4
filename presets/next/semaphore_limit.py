import asyncio


async def download(name, seconds, limit):
    async with limit:
        print(f'{name}: start')
        await asyncio.sleep(seconds)
        print(f'{name}: done after {seconds}s')


async def main():
    limit = asyncio.Semaphore(2)  # at most two downloads at a time
    await asyncio.gather(*(download(f'file{i}', 1 + i % 2, limit) for i in range(1, 6)))


asyncio.run(main())
