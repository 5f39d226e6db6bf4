import asyncio


async def fetch(name, delay, error=None):
    await asyncio.sleep(delay)
    if error is not None:
        raise error
    print(f"{name} fetched")
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("users", 0.1))
            tg.create_task(fetch("orders", 0.2, ValueError("bad order")))
            tg.create_task(fetch("stock", 0.3, KeyError("sku-42")))
            tg.create_task(fetch("prices", 0.2, ValueError("bad price")))
    except* ValueError as group:
        print("value errors:", [str(e) for e in group.exceptions])
    except* KeyError as group:
        print("key errors:", repr(group))
    errors = []
    for attempt in range(3):
        try:
            if attempt == 1:
                raise TypeError("plain exception, wrapped for except*")
            raise ExceptionGroup("batch", [OSError(attempt), RuntimeError(attempt)])
        except* OSError as group:
            errors.append(("os", len(group.exceptions)))
        except* (RuntimeError, TypeError) as group:
            errors.append(("other", repr(group)))
    print(errors)
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
        except* TypeError:
            print("types handled")
    except ExceptionGroup as rest:
        print("left over:", repr(rest))
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
        except* ValueError:
            raise RuntimeError("replaced")
    except ExceptionGroup as combined:
        print("combined:", repr(combined))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch("final", 0.1, ValueError("unhandled")))


asyncio.run(main())
