import asyncio


async def child(n):
    me = asyncio.current_task()
    print(f"child {n} is {me.get_name()}")
    await asyncio.sleep(n * 0.1)
    return n


async def main():
    me = asyncio.current_task()
    print("main is", me.get_name())
    tasks = [asyncio.create_task(child(i), name=f"kid-{i}") for i in range(3)]
    print(len(asyncio.all_tasks()), "tasks alive")
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(names)
    await asyncio.sleep(0.15)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(await asyncio.gather(*tasks))
    print([t.get_name() for t in asyncio.all_tasks()])
    tasks[0].set_name("renamed")
    print(tasks[0].get_name(), tasks[0].get_coro().__name__)
    print(asyncio.current_task() is me)


asyncio.run(main())
print(asyncio.current_task() if False else "outside the loop")
