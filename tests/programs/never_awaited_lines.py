# Where CPython reports a coroutine never awaited: a temporary of the frame that catches the
# exception at the raising line; one the escaped frames held at the end of the handler.
import asyncio


async def work(n):
    await asyncio.sleep(0.1)
    return n


def refuse(items):
    raise TypeError(f"refused {len(items)} items")


def catch_in_function():
    try:
        refuse([work(1)])
    except TypeError:
        x = 1
        print("caught in a function", x)
    print("end of function")


try:
    refuse([work(2), work(3)])
except TypeError as e:
    total = 0
    total += len(str(e))
    print("caught at module level", total)

try:
    work(4).send(5)
except TypeError as e:
    print("send:", e)

catch_in_function()


async def main():
    try:
        await asyncio.gather([work(5), work(6)])
    except TypeError as e:
        print("TypeError:", e)
        print("handler's last line")
    try:
        asyncio.run(work(7))
    except RuntimeError as e:
        print("RuntimeError:", e)
    await asyncio.sleep(0.1)
    print("done")

asyncio.run(main())
print("after")
