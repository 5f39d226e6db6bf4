import asyncio
import random
import time

random.seed(5)

async def worker(name, queue):
    while True:
        sleep_for = await queue.get()
        if name == 'worker-0' and queue.qsize() > 15:
            print(asyncio.current_task())
        await asyncio.sleep(sleep_for)
        queue.task_done()
        print(f'{name} has slept for {sleep_for:.2f} seconds')

async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(1)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f

async def eternity():
    await asyncio.sleep(3600)
    print('yay!')

async def main():
    queue = asyncio.Queue()
    total_sleep_time = 0
    for _ in range(20):
        sleep_for = random.uniform(0.05, 1.0)
        total_sleep_time += sleep_for
        queue.put_nowait(sleep_for)
    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f'worker-{i}', queue))
        tasks.append(task)
    started_at = time.monotonic()
    await queue.join()
    total_slept_for = time.monotonic() - started_at
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print('====')
    print(f'3 workers slept in parallel for {total_slept_for:.2f} seconds')
    print(f'total expected sleep time: {total_sleep_time:.2f} seconds')
    L = await asyncio.gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))
    print(L)
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        print('timeout!')
    print(f"started at {time.strftime('%X')}")
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(asyncio.sleep(1, 'hello'))
        task2 = tg.create_task(asyncio.sleep(2, 'world'))
        print(f"started at {time.strftime('%X')}")
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")
    print(f"finished at {time.strftime('%X')}")
    try:
        async with asyncio.timeout(10):
            await asyncio.sleep(1)
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless.")
    for t in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        print(t.get_name(), t.get_coro().__qualname__, t.done())

asyncio.run(main())
