# Dataclasses as tutorials use them for jobs and settings: fields from annotations (a ClassVar
# left out), defaults and default_factory, frozen instances, inheritance, order=True in a
# PriorityQueue, __post_init__, asdict/astuple/replace/fields, and CPython's argument errors.
import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0
    kind: ClassVar[str] = "point"

@dataclass(frozen=True)
class Config:
    name: str
    retries: int = 3
    tags: tuple = ()

@dataclass
class Point3(Point):
    z: int = 0
    def norm(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    note: str = field(default="", repr=False)
    def __post_init__(self):
        self.label = f"{self.priority}:{self.name}"

@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    where: Point = None

async def main():
    p = Point(1, 2)
    print(p, Point(1), p == Point(1, 2), p != Point(2), Point.y, Point.kind)
    c = Config("svc")
    print(c, hash(c) == hash(Config("svc")), c.tags)
    try:
        c.retries = 5
    except FrozenInstanceError as e:
        print(type(e).__name__, e)
    q = Point3(1, -2, 3)
    print(q, q.norm(), [f.name for f in fields(q)])
    jobs = [Job(3, "c"), Job(1, "a"), Job(2, "b", "n")]
    print(sorted(jobs), min(jobs).label, Job(1, "x") == Job(1, "y"))
    o = Order(7, ["a"], Point(0, 1))
    print(asdict(o), astuple(o), replace(p, y=9))
    for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=1), lambda: Config()]:
        try:
            bad()
        except TypeError as e:
            print(e)
    try:
        hash(p)
    except TypeError as e:
        print(e)
    queue = asyncio.PriorityQueue()
    for job in jobs:
        queue.put_nowait(job)
    while not queue.empty():
        job = await queue.get()
        await asyncio.sleep(job.priority / 10)
        print("ran", job.label)

asyncio.run(main())
