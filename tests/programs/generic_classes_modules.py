# Subscripted classes as annotations and bases (a generic stack, an Iterator[int] subclass, a
# typed queue), and the modules CPython's asyncio and contextvars classes say they come from.
import asyncio
import contextvars
from collections.abc import (AsyncIterator, Awaitable, Callable, Iterable, Iterator,
                             MutableMapping, Sequence)
from typing import Generic, TypeVar

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> "Stack[T]":
        self.items.append(item)
        return self


class Countdown(Iterator[int]):
    def __init__(self, start: int) -> None:
        self.n = start

    def __next__(self) -> int:
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Inbox(asyncio.Queue[str]):
    async def deliver(self, text: str) -> None:
        await asyncio.sleep(0.1)
        await self.put(text)


class Settings(MutableMapping):
    """A mapping over a dict, the rest from MutableMapping's mixin methods."""

    def __init__(self, **values):
        self._data = {key.lower(): value for key, value in values.items()}

    def __getitem__(self, key):
        return self._data[key.lower()]

    def __setitem__(self, key, value):
        self._data[key.lower()] = value

    def __delitem__(self, key):
        del self._data[key.lower()]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


class Window(Sequence):
    def __init__(self, items, size):
        self.items, self.size = items, size

    def __getitem__(self, index):
        if not 0 <= index < self.size:
            raise IndexError(index)
        return self.items[index]

    def __len__(self):
        return self.size


Callback = Callable[[int], Awaitable[None]]


async def notify(n: int) -> None:
    await asyncio.sleep(n / 10)
    print("notified", n)


async def run_all(callbacks: Iterable[Callback], n: int) -> None:
    await asyncio.gather(*(cb(n) for cb in callbacks))


async def main() -> None:
    print(Stack[int], Stack[int]().push(3).push(4).items, [c.__name__ for c in Stack.__mro__])
    print(list(Countdown(3)), isinstance(Countdown(1), Iterator), Countdown.__mro__[1])
    inbox = Inbox()
    await asyncio.gather(inbox.deliver("hello"), inbox.deliver("world"))
    print(inbox.qsize(), await inbox.get(), Inbox.__mro__[1])
    await run_all([notify, notify], 2)
    print(Callback, Callable[..., int], AsyncIterator[bytes], Iterable[tuple[int, str]])
    print(asyncio.Queue[int], asyncio.Future[str], asyncio.Task[None], contextvars.ContextVar[int])
    print(run_all.__annotations__)
    for cls in (contextvars.ContextVar, contextvars.Context, contextvars.Token, asyncio.Future,
                asyncio.Task, asyncio.Queue, asyncio.Lock, asyncio.TimerHandle, asyncio.Handle,
                asyncio.TaskGroup, asyncio.Runner, asyncio.Timeout, asyncio.CancelledError):
        print(cls)
    print(type(asyncio.current_task()), type(asyncio.get_running_loop().create_future()))
    settings = Settings(Host="a", port=1)
    settings["TIMEOUT"] = 3
    settings.update({"Retries": 2}, debug=True)
    print(settings.get("HOST"), "PORT" in settings, "x" in settings, settings.get("x", 0), len(settings))
    print(sorted(settings.keys()), sorted(settings.items()), settings.setdefault("new", 5))
    print(settings.pop("new"), settings.pop("gone", None), settings == {"host": "a", "port": 1,
          "timeout": 3, "retries": 2, "debug": True}, isinstance(settings, MutableMapping))
    print(settings.popitem(), len(settings))
    settings.clear()
    print(len(settings), dict(Settings(a=1)))
    window = Window([5, 6, 7, 8, 6], 4)
    print(list(window), 7 in window, 9 in window, list(reversed(window)), window.index(6), window.count(6))
    try:
        window.index(9)
    except ValueError:
        print("9 is not in the window")


asyncio.run(main())
