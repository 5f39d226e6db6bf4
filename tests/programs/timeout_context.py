import asyncio


async def slow(label, delay):
    try:
        await asyncio.sleep(delay)
        return label
    except asyncio.CancelledError:
        print(f"{label} cancelled")
        raise


async def main():
    try:
        async with asyncio.timeout(1):
            await slow("first", 5)
    except TimeoutError:
        print("timed out after", asyncio.get_running_loop().time() - t0)
    async with asyncio.timeout(2) as cm:
        print(await slow("second", 0.5))
    print("expired:", cm.expired())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.25):
            await slow("third", 1)
    except TimeoutError as e:
        print("TimeoutError", repr(e))
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 0.1)
        try:
            await slow("fourth", 1)
        except asyncio.CancelledError:
            print("never here")
    print("done")


t0 = 0.0


async def wrapper():
    global t0
    t0 = asyncio.get_running_loop().time()
    try:
        await main()
    except TimeoutError:
        print("the rescheduled timeout fired")


asyncio.run(wrapper())
