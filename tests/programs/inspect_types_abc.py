import asyncio
from collections.abc import Awaitable, Callable, Coroutine, AsyncIterator, Iterable
from typing import Any, AsyncGenerator, Optional, Union, TypeVar, Dict, List, Tuple, Set
import inspect
import types

T = TypeVar("T")

async def retry(fn: Callable[[], Awaitable[T]], times: int = 3) -> T:
    return await fn()

async def agen() -> AsyncGenerator[int, None]:
    for i in range(3):
        yield i

async def main() -> None:
    async def one() -> int:
        return 1
    print(await retry(one))
    print([x async for x in agen()])
    print(inspect.iscoroutinefunction(one), inspect.iscoroutine(one()), inspect.isawaitable(asyncio.sleep(0)))
    print(inspect.isasyncgenfunction(agen), inspect.isfunction(one), inspect.isclass(int))
    print(isinstance(one(), Coroutine), isinstance([], Iterable), isinstance(agen(), AsyncIterator))
    print(callable(one), type(one).__name__, isinstance(one, types.FunctionType))



import collections.abc
import types
from collections.abc import Iterable, Mapping, Sequence, Callable, Awaitable, Hashable, Sized


class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


class Waiter:
    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        return "waited"


def flatten(value):
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return [value]
    return [x for item in value for x in flatten(item)]


async def main2():
    print(flatten([1, [2, (3, "ab")], Bag([4, [5]])]))
    print(isinstance({}, Mapping), isinstance([], Mapping), issubclass(list, Sequence), issubclass(dict, Sequence))
    print(isinstance(Bag([]), Sized), isinstance(Bag([]), collections.abc.Iterable), isinstance(3, Iterable))
    print(isinstance(print, Callable), isinstance(main, Callable), isinstance(Waiter(), Awaitable), isinstance(5, Hashable))
    print(await Waiter())
    ns = types.SimpleNamespace(host="localhost", port=8080)
    ns.debug = True
    print(ns, ns.port, ns == types.SimpleNamespace(host="localhost", port=8080, debug=True))
    print(isinstance(main, types.FunctionType), isinstance(main(), types.CoroutineType), type(main).__name__)
    print(Mapping.__name__, Mapping.__module__)

asyncio.run(main())
asyncio.run(main2())
import asyncio.tasks
import asyncio.queues as q
import collections.abc as cabc
print(asyncio.tasks.sleep is asyncio.sleep, q.Queue is asyncio.Queue, cabc.Iterable.__name__)
