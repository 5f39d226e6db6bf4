import asyncio


def tick(name, loop):
    print(f"{loop.time():.2f} tick {name}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, tick, "half", loop)
    loop.call_soon(tick, "soon", loop)
    handle = loop.call_later(0.7, tick, "cancelled", loop)
    loop.call_at(loop.time() + 0.2, tick, "at", loop)
    handle.cancel()
    print("handle cancelled:", handle.cancelled())
    await asyncio.sleep(1)
    print("done at", loop.time())


asyncio.run(main())
