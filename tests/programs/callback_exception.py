import asyncio


def boom():
    1 / 0


def fine(name):
    print('callback', name)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(boom)
    loop.call_soon(fine, 'after the failure')
    loop.call_later(0.05, boom)
    await asyncio.sleep(0.1)
    print('the loop went on')


asyncio.run(main())
