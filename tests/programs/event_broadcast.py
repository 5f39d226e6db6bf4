import asyncio


async def waiter(name, event, started):
    started.append(name)
    print(f"{name} waits")
    await event.wait()
    print(f"{name} sees the event at {asyncio.get_running_loop().time() - start:.1f}")
    return name.upper()


async def main():
    global start
    start = asyncio.get_running_loop().time()
    event = asyncio.Event()
    started = []
    tasks = [asyncio.create_task(waiter(n, event, started)) for n in ("a", "b", "c")]
    await asyncio.sleep(1)
    print("started:", started, "is_set:", event.is_set())
    event.set()
    print(await asyncio.gather(*tasks))
    print("already set:", await event.wait())
    event.clear()
    print("cleared:", event.is_set())
    try:
        await asyncio.wait_for(event.wait(), 0.5)
    except asyncio.TimeoutError:
        print("nobody set it again")


asyncio.run(main())
