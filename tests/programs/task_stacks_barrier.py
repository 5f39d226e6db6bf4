# Looking inside running tasks: get_stack/print_stack (the header on stdout, the frames on
# stderr, as CPython writes them), get_coro, and the asyncio documentation's Barrier example.
import asyncio
import sys


async def example_barrier():
    barrier = asyncio.Barrier(3)
    asyncio.create_task(barrier.wait())
    asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    await barrier.wait()
    print("barrier passed", barrier.n_waiting)
    await asyncio.sleep(0)
    print(barrier.n_waiting)


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    await example_barrier()
    task = asyncio.create_task(download("a", 0.5), name="dl")
    print(len(task.get_stack()), task.get_stack()[0].f_lineno, task.get_stack()[0].f_code.co_name)
    task.print_stack()
    await asyncio.sleep(0)
    frames = task.get_stack()
    print(len(frames), frames[0].f_lineno, task.get_stack(limit=0))
    task.print_stack()
    print(task.get_coro().__name__, asyncio.current_task().get_coro().__qualname__)
    print(await task, task.get_stack())
    task.print_stack()
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), loop.slow_callback_duration)


asyncio.run(main())
print("(a stack's source line is not the last line: the harness's CPython cannot show it)", file=sys.stderr)
