import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(f'{name} ready')
    return name.upper()


async def main():
    async with asyncio.TaskGroup() as group:
        users = group.create_task(fetch('users', 1))
        orders = group.create_task(fetch('orders', 2))
    print('Both done:', users.result(), orders.result())


asyncio.run(main())
