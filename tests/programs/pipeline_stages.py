import asyncio


async def produce(out_q, n):
    for i in range(n):
        await out_q.put(i)
        print(f"produced {i}")
        await asyncio.sleep(0.2)
    await out_q.put(None)


async def transform(in_q, out_q):
    while (item := await in_q.get()) is not None:
        await asyncio.sleep(0.3)
        await out_q.put(item * item)
    await out_q.put(None)


async def collect(in_q):
    results = []
    while True:
        item = await in_q.get()
        if item is None:
            return results
        print(f"collected {item}")
        results.append(item)


async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue(maxsize=1)
    _, _, results = await asyncio.gather(produce(q1, 4), transform(q1, q2), collect(q2))
    print("results", results)


asyncio.run(main())
