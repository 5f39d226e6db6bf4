# A schedule kept sorted with bisect while tasks add deadlines; grades by score thresholds.
import asyncio
import bisect
from dataclasses import dataclass


@dataclass
class Deadline:
    at: float
    name: str


schedule: list[Deadline] = []


async def plan(name, delay, at):
    await asyncio.sleep(delay)
    bisect.insort(schedule, Deadline(at, name), key=lambda d: d.at)
    print(f"{name} planned for {at}: {[d.name for d in schedule]}")


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


async def main():
    await asyncio.gather(plan("deploy", 0.3, 5.0), plan("build", 0.1, 2.5), plan("test", 0.2, 2.5),
                         plan("lint", 0.2, 1.0))
    print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100)])
    numbers = [1, 3, 3, 3, 7, 9]
    print(bisect.bisect_left(numbers, 3), bisect.bisect_right(numbers, 3), bisect.bisect(numbers, 10))
    print(bisect.bisect_left(numbers, 3, 2), bisect.bisect_right(numbers, 3, 0, 2))
    bisect.insort_left(numbers, 3)
    bisect.insort_right(numbers, 8)
    print(numbers, bisect.bisect_left(schedule, 2.5, key=lambda d: d.at))
    try:
        bisect.bisect(numbers, 1, -1)
    except ValueError as e:
        print(e)


asyncio.run(main())
