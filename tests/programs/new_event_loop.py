import asyncio


async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(add(1, 2)))
task = loop.create_task(add(3, 4))
print(loop.run_until_complete(task), task.done())
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(add(5, 6))
except RuntimeError as e:
    print("RuntimeError:", e)
second = asyncio.new_event_loop()
print(second.run_until_complete(asyncio.gather(add(1, 1), add(2, 2))))
second.close()
