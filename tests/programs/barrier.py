# asyncio.Barrier (new in 3.11): runners wait at the line until all three are there, then go
# together, each with its position; an abort breaks the barrier for those waiting and those who
# come later, and a reset breaks it for the one waiting. Its repr follows each state.
import asyncio


def shown(barrier):
    # Its repr without the memory address: "<... Barrier object at 0x… [filling, waiters:0/3]>".
    return "Barrier [" + repr(barrier).rsplit("[", 1)[1]


async def runner(name, barrier, delay):
    await asyncio.sleep(delay)
    print(f"{name} at the line ({barrier.n_waiting} waiting)")
    async with barrier as position:
        print(f"{name} goes, position {position}")
    await asyncio.sleep(1)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(f"{name}: {e!r}")


async def main():
    barrier = asyncio.Barrier(3)
    print(shown(barrier))
    starts = [("ann", 0.3), ("bob", 0.1), ("cid", 0.2)]
    tasks = [asyncio.create_task(runner(n, barrier, d)) for n, d in starts]
    await asyncio.sleep(1.2)
    print(shown(barrier), barrier.parties, barrier.broken)
    await asyncio.sleep(0.5)
    await barrier.abort()
    await asyncio.gather(*tasks)
    print(shown(barrier))
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("late:", e)
    await barrier.reset()
    print(shown(barrier))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(e)
    pair = asyncio.Barrier(2)
    waiting = asyncio.create_task(pair.wait())
    await asyncio.sleep(0)
    print(shown(pair))
    await pair.reset()
    try:
        await waiting
    except asyncio.BrokenBarrierError as e:
        print("reset:", e, shown(pair))


asyncio.run(main())
