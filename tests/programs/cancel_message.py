import asyncio


async def worker(name):
    try:
        while True:
            print(f"{name} working")
            await asyncio.sleep(0.4)
    except asyncio.CancelledError as e:
        print(f"{name} cancelled with args {e.args}")
        raise
    finally:
        print(f"{name} cleanup")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallows the cancellation")
    return "survived"


async def main():
    task = asyncio.create_task(worker("w1"), name="worker-1")
    await asyncio.sleep(1)
    print(task.get_name(), task.done(), task.cancelled())
    print(task.cancel("enough"))
    try:
        await task
    except asyncio.CancelledError as e:
        print("main saw", repr(e))
    print(task.done(), task.cancelled(), task.cancel())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    t = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0.1)
    t.cancel()
    await asyncio.sleep(0)
    print("w2 state:", t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError too")


asyncio.run(main())
