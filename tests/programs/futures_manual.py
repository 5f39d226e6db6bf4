import asyncio


async def set_later(fut, delay, value):
    await asyncio.sleep(delay)
    fut.set_result(value)


async def fail_later(fut, delay):
    await asyncio.sleep(delay)
    fut.set_exception(ValueError("bad value"))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut)
    loop.create_task(set_later(fut, 1, "ready"))
    print(await fut, fut.done(), fut.result(), fut)
    broken = loop.create_future()
    loop.create_task(fail_later(broken, 0.5))
    try:
        await broken
    except ValueError as e:
        print("awaited exception:", e, broken.exception())
    pending = loop.create_future()
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    pending.cancel()
    print(pending.cancelled(), pending)
    done = asyncio.Future()
    done.set_result(1)
    try:
        done.set_result(2)
    except asyncio.InvalidStateError as e:
        print("again:", e)


asyncio.run(main())
