import asyncio
import random


async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.3)
        await queue.put(f"item-{i}")
        print(f"produced item-{i} (size {queue.qsize()})")
    for _ in range(2):
        await queue.put(None)


async def consumer(name, queue):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            print(f"{name} stops")
            break
        print(f"{name} handles {item}")
        await asyncio.sleep(1)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    print(queue.maxsize, queue.empty(), queue.full())
    await asyncio.gather(producer(queue, 5), consumer("c1", queue), consumer("c2", queue))
    await queue.join()
    print("all done", queue.qsize())
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty queue")
    small = asyncio.Queue(1)
    small.put_nowait(1)
    try:
        small.put_nowait(2)
    except asyncio.QueueFull:
        print("full queue")


asyncio.run(main())
