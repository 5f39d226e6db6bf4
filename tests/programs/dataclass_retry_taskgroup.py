import asyncio
import random
import time
from dataclasses import dataclass, field
from typing import List


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    attempts: int = field(default=0, compare=False)
    log: List[str] = field(default_factory=list, compare=False, repr=False)


class RetryError(Exception):
    def __init__(self, job, attempts):
        super().__init__(f"{job.name} failed after {attempts} attempts")
        self.job = job


async def flaky(job: Job) -> str:
    job.attempts += 1
    await asyncio.sleep(0.1 * job.priority)
    if random.random() < 0.5:
        job.log.append(f"fail@{asyncio.get_running_loop().time():.1f}")
        raise ConnectionError(f"{job.name} attempt {job.attempts}")
    return f"{job.name} ok"


async def with_retry(job: Job, retries: int = 3) -> str:
    for attempt in range(1, retries + 1):
        try:
            return await asyncio.wait_for(flaky(job), timeout=0.25)
        except (ConnectionError, asyncio.TimeoutError) as exc:
            print(f"  {job.name}: {type(exc).__name__} {exc}")
            await asyncio.sleep(0.05 * 2 ** attempt)
    raise RetryError(job, retries)


async def main():
    random.seed(1)
    jobs = [Job(3, "c"), Job(1, "a"), Job(2, "b"), Job(1, "d")]
    queue: asyncio.PriorityQueue[Job] = asyncio.PriorityQueue()
    for job in jobs:
        queue.put_nowait(job)
    results = []
    while not queue.empty():
        job = await queue.get()
        print(f"start {job} at {asyncio.get_running_loop().time():.2f}")
        try:
            results.append(await with_retry(job))
        except RetryError as e:
            print("gave up:", e, e.job.log)
            results.append(None)
        queue.task_done()
    print(results, sorted(jobs))
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(with_retry(Job(1, f"g{i}"), retries=2)) for i in range(3)]
    print([t.result() for t in ts])

try:
    asyncio.run(main())
except* RetryError as eg:
    print("group:", [str(e) for e in eg.exceptions])
