import asyncio


async def eternity():
    await asyncio.sleep(3600)
    print('yay!')


async def important():
    await asyncio.sleep(0.5)
    print("important work done")
    return "saved"


async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        print('timeout!')
    task = asyncio.create_task(important())
    try:
        print(await asyncio.wait_for(asyncio.shield(task), timeout=0.2))
    except TimeoutError:
        print("shielded call timed out, the task goes on:", task.cancelled())
    print(await task)
    res = await asyncio.gather(asyncio.sleep(0.1, 'a'), asyncio.sleep(0.2, 'b'))
    print(res)
    background = set()
    for i in range(3):
        t = asyncio.create_task(asyncio.sleep(0.1 * i, i))
        background.add(t)
        t.add_done_callback(background.discard)
    await asyncio.sleep(0.5)
    print(len(background))


asyncio.run(main())
