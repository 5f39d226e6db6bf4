import asyncio

items = []


async def consumer(name, cond):
    async with cond:
        while not items:
            print(f"{name} waits for an item")
            await cond.wait()
        item = items.pop(0)
        print(f"{name} took {item}")


async def producer(cond):
    for i in range(3):
        await asyncio.sleep(0.5)
        async with cond:
            items.append(f"item{i}")
            print(f"produced item{i}")
            cond.notify()
    await asyncio.sleep(0.5)
    async with cond:
        items.extend(["x", "y"])
        cond.notify_all()


async def predicate_waiter(cond):
    async with cond:
        await cond.wait_for(lambda: len(items) >= 1 and items[-1] == "y")
        print("predicate satisfied:", items)


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(
        consumer("c1", cond),
        consumer("c2", cond),
        consumer("c3", cond),
        predicate_waiter(cond),
        producer(cond),
    )
    print("left:", items)


asyncio.run(main())
