import asyncio


async def lines(name):
    try:
        yield f"{name}: first"
        yield f"{name}: second"
    finally:
        print(name, "cleaned up")


async def main():
    # An exception thrown into aclose() before it ran goes into the generator.
    direct = lines("direct")
    print(await anext(direct))
    closing = direct.aclose()
    try:
        closing.throw(ValueError("thrown in"))
    except ValueError as error:
        print("came back out:", repr(error))
    try:
        await anext(direct)
    except StopAsyncIteration:
        print("direct is finished")

    # A task closing a generator, cancelled before its first step.
    cancelled = lines("cancelled")
    print(await anext(cancelled))
    task = asyncio.create_task(cancelled.aclose())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("the closing task was cancelled")
    try:
        await anext(cancelled)
    except StopAsyncIteration:
        print("cancelled is finished")


asyncio.run(main())
