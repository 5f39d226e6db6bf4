import asyncio


async def slow():
    try:
        print("slow: working")
        await asyncio.sleep(10)
        print("slow: never printed")
    except asyncio.CancelledError:
        print("slow: cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print("slow: cleanup done")
        raise
    finally:
        print("slow: finally")


async def main():
    task = asyncio.create_task(slow())
    await asyncio.sleep(1)
    print("cancel returned", task.cancel("stop now"))
    try:
        await task
    except asyncio.CancelledError as e:
        print("main saw CancelledError", repr(e))
    print(task.cancelled(), task.done())
    second = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    second.cancel()
    await asyncio.sleep(0)
    print("second cancelled:", second.cancelled())
    try:
        second.result()
    except asyncio.CancelledError:
        print("result() raised CancelledError")


asyncio.run(main())
