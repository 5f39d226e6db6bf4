import asyncio


async def racer(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    racers = [('tortoise', 3), ('hare', 1), ('snail', 5)]
    tasks = [asyncio.create_task(racer(name, s), name=name) for name, s in racers]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        print('Winner:', task.result())
    print('Still running:', sorted(task.get_name() for task in pending))
    for task in pending:
        task.cancel()


asyncio.run(main())
