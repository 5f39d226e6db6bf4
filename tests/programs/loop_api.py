import asyncio


def tick(label, loop, start):
    print(f"{label} at {loop.time() - start:.2f}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_soon(tick, "soon", loop, start)
    h = loop.call_later(0.5, tick, "later", loop, start)
    loop.call_later(0.2, tick, "earlier", loop, start)
    cancelled = loop.call_later(0.3, tick, "never", loop, start)
    cancelled.cancel()
    print(cancelled.cancelled(), h.cancelled())
    loop.call_at(start + 0.4, tick, "at", loop, start)
    fut = loop.create_future()
    loop.call_later(0.6, fut.set_result, "future done")
    print(await fut)
    print(loop.is_running(), loop.is_closed())
    print(round(h.when() - start, 3))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
print("closed?", loop.is_closed())
result = loop.run_until_complete(asyncio.sleep(0.25, result="slept"))
print(result)
task = loop.create_task(asyncio.sleep(0.1, result=3))
print(loop.run_until_complete(task))
loop.close()
print("closed?", loop.is_closed())
