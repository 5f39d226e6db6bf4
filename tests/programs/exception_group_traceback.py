import asyncio


async def fail(i):
    await asyncio.sleep(0.1 * i)
    raise ValueError(f"task {i} failed")


async def main():
    try:
        raise ExceptionGroup("plain", [TypeError("t"), ValueError("v")])
    except ExceptionGroup as eg:
        print(eg, len(eg.exceptions))
    eg = BaseExceptionGroup("base", [ValueError(1)])
    print(type(eg).__name__, isinstance(eg, ExceptionGroup))
    try:
        ExceptionGroup("empty", [])
    except ValueError as e:
        print("ValueError:", e)
    async with asyncio.TaskGroup() as tg:
        for i in range(1, 3):
            tg.create_task(fail(i))


asyncio.run(main())
