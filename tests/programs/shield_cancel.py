import asyncio


async def important():
    await asyncio.sleep(2)
    print("important work finished")
    return "saved"


async def main():
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except asyncio.TimeoutError:
        print("timed out, but the work goes on")
    print(await inner)
    outer = asyncio.shield(asyncio.sleep(1, "x"))
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    await asyncio.sleep(1.5)


asyncio.run(main())
