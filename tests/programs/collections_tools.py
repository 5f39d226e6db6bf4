import asyncio
import heapq
import itertools
from collections import Counter, defaultdict, deque, namedtuple

Job = namedtuple("Job", ["priority", "name"])


async def worker(name, jobs, log):
    while jobs:
        job = jobs.popleft()
        await asyncio.sleep(job.priority * 0.1)
        log[name].append(job.name)


async def main():
    jobs = deque(Job(p, f"job{i}") for i, p in enumerate([3, 1, 2, 1, 3]))
    print(jobs[0], jobs[0].priority, jobs[-1]._replace(name="last"), len(jobs))
    log = defaultdict(list)
    await asyncio.gather(worker("w1", jobs, log), worker("w2", jobs, log))
    print(dict(log))
    words = "the cat and the hat and the bat".split()
    counts = Counter(words)
    print(counts.most_common(2), counts["the"], counts["dog"])
    heap = [5, 1, 4, 2]
    heapq.heapify(heap)
    heapq.heappush(heap, 0)
    print([heapq.heappop(heap) for _ in range(3)], heapq.nsmallest(2, [9, 3, 7]), heapq.nlargest(1, [9, 3]))
    print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain([1], (2, 3))))
    print(list(itertools.product("ab", repeat=2)), list(itertools.permutations([1, 2, 3], 2))[:3])
    print(list(itertools.combinations("abc", 2)), list(itertools.accumulate([1, 2, 3, 4])))
    print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.zip_longest("ab", "x", fillvalue="-")))
    d = deque(maxlen=3)
    for i in range(5):
        d.append(i)
    d.appendleft(-1)
    d.rotate(1)
    print(d, list(itertools.repeat("z", 2)), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))


asyncio.run(main())
