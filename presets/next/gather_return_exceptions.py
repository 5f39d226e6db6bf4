import asyncio


async def job(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError(f'job {n} failed')
    return n * 10


async def main():
    results = await asyncio.gather(job(1), job(2), job(3), return_exceptions=True)
    print(results)
    for result in results:
        if isinstance(result, Exception):
            print('error:', repr(result))


asyncio.run(main())
