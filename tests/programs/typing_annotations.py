# Type-annotated asyncio code as modern tutorials write it: asyncio.Queue[int], Task[None] and
# Future[str] in annotations, list[int] and Optional, typing.NamedTuple (fields, defaults,
# _replace, _make, matching) and TypedDict, Generic[T] and Protocol bases, namedtuple with
# defaults, and the constructors' argument errors.
import asyncio
from typing import NamedTuple, TypedDict, Optional, Union, Any, Callable, Awaitable, Iterable

class Point(NamedTuple):
    x: int
    y: int = 0

class Movie(TypedDict):
    title: str
    year: int

async def producer(queue: asyncio.Queue[int], n: int) -> None:
    for i in range(n):
        await queue.put(i)
        await asyncio.sleep(0.1)

async def consumer(queue: "asyncio.Queue[int]", results: list[int]) -> Optional[int]:
    while True:
        item = await queue.get()
        results.append(item * 2)
        queue.task_done()

def apply(f: Callable[[int], int], xs: Iterable[int]) -> list[int]:
    return [f(x) for x in xs]

async def main() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=2)
    results: list[int] = []
    tasks: list[asyncio.Task[None]] = []
    c = asyncio.create_task(consumer(queue, results))
    await producer(queue, 5)
    await queue.join()
    c.cancel()
    print(results, apply(lambda v: v + 1, [1, 2]))
    p = Point(1)
    print(p, p.x, p._replace(y=5), tuple(p), Point._fields)
    m: Movie = {"title": "Up", "year": 2009}
    print(m, type(m).__name__)
    fut: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    fut.set_result("ok")
    print(await fut)

from collections import namedtuple
from typing import Generic, TypeVar, Protocol

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)

class Greeter(Protocol):
    def greet(self) -> str: ...

Pair = namedtuple("Pair", "left right", defaults=[None])
s: Stack[int] = Stack()
s.push(3)
print(s.items, Pair(1), Pair(1, 2) == (1, 2), Pair._make([5, 6]), Pair(1, 2)[1], len(Pair(1)))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, x=2), lambda: Point(1, z=3)]:
    try:
        bad()
    except TypeError as e:
        print(e)
match Point(3, 4):
    case Point(x, y):
        print("point", x, y)
asyncio.run(main())
