import asyncio


def depth(n):
    return depth(n + 1) + 1


async def countdown(n):
    if n == 0:
        return 0
    return await countdown(n - 1) + 1


async def main():
    try:
        depth(0)
    except RecursionError as e:
        print("RecursionError:", e)
    print(await countdown(500))
    try:
        await countdown(5000)
    except RecursionError as e:
        print("coroutine RecursionError:", e)
    print("still alive")
    depth(0)


asyncio.run(main())
