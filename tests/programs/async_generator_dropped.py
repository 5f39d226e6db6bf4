import asyncio


async def readings(name, delay):
    try:
        n = 0
        while True:
            await asyncio.sleep(delay)
            n += 1
            yield f"{name}-{n}"
    finally:
        print("closing", name)


async def first_two(name, delay):
    async for value in readings(name, delay):
        print("got", value)
        if value.endswith("-2"):
            break
    print(name, "done")


async def main():
    await asyncio.gather(first_two("a", 0.1), first_two("b", 0.15), asyncio.sleep(0.25))
    print("all gathered")


asyncio.run(main())
