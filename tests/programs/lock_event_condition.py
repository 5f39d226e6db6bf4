import asyncio

counter = 0


async def increment(lock, name):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0.1)
        counter = value + 1
        print(name, "->", counter)


async def waiter(event, name):
    print(name, "waiting")
    await event.wait()
    print(name, "released")


async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        print(name, "got", items.pop())


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock, f"t{i}") for i in range(3)))
    print("locked after:", lock.locked())
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(2)]
    await asyncio.sleep(1)
    event.set()
    await asyncio.gather(*tasks)
    print(event.is_set())
    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, items, f"c{i}")) for i in range(2)]
    await asyncio.sleep(0.5)
    async with cond:
        items.extend(["x", "y"])
        cond.notify_all()
    await asyncio.gather(*consumers)
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
