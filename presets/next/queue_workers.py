import asyncio


async def worker(name, queue):
    while True:
        job = await queue.get()
        print(f'{name} takes a {job}s job')
        await asyncio.sleep(job)
        print(f'{name} finished a {job}s job')
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in [2, 1, 3, 1, 2]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f'worker-{i}', queue)) for i in (1, 2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print('All jobs done')


asyncio.run(main())
