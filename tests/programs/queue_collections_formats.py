import asyncio
from collections import Counter, defaultdict, deque


async def produce(q, n):
    for i in range(n):
        await q.put(i)
        print(f"put {i:>3} qsize={q.qsize()}")
    await q.put(None)


async def consume(q, seen):
    while (item := await q.get()) is not None:
        seen.append(item)
        await asyncio.sleep(0.2)
    print("consumer done")


async def main():
    q = asyncio.Queue(maxsize=2)
    seen = deque(maxlen=3)
    await asyncio.gather(produce(q, 5), consume(q, seen))
    print(seen, list(seen))
    words = "the quick brown fox jumps over the lazy dog the end".split()
    c = Counter(words)
    print(c.most_common(2), c["the"], c["zzz"])
    groups = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    print(dict(sorted(groups.items())))
    first, *rest = words
    print(first, rest[-1], len(rest))
    print(f"{1234567.891:,.2f} {0.4567:.1%} {255:#x} {255:08b} {'x':^7}| {12:+d}")
    print("{:<8}|{:>8}|{:^8}".format("l", "r", "c"), "%-5s|%5.1f" % ("ab", 3.14159))
    d = {k: v for k, v in zip("abc", range(3))}
    print(d, {v: k for k, v in d.items()}, sorted(set("hello") & set("world")))
    try:
        q.put_nowait(1); q.put_nowait(2); q.put_nowait(3)
    except asyncio.QueueFull:
        print("full", q.full())
    q2 = asyncio.Queue()
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty as e:
        print("empty", repr(e))
    print(q)

asyncio.run(main())
