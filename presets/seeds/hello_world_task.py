import asyncio

async def hello_world():
    print("Hello, World!")
    await asyncio.sleep(1)
    print("Hello again!")

loop = asyncio.get_event_loop()
task = loop.create_task(hello_world())
loop.run_until_complete(task)
loop.close()
