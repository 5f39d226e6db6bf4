import asyncio


async def step(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} broke")
    print(name, "finished")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(step("one", 1))
        t2 = tg.create_task(step("two", 2))
    print("both:", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("good", 3))
            tg.create_task(step("bad", 1, fail=True))
    except ExceptionGroup as group:
        print("caught", group.exceptions)


asyncio.run(main())
