# contextlib beyond the decorators: ExitStack/AsyncExitStack opening a varying number of
# connections, callbacks, suppression and errors in exit callbacks; a context manager used as
# a decorator; closing/aclosing; zip(strict=True).
import asyncio
import contextlib
import itertools
from contextlib import AsyncExitStack, ExitStack, aclosing, asynccontextmanager, closing, contextmanager


class Connection:
    def __init__(self, name, fail_on_close=False):
        self.name = name
        self.fail_on_close = fail_on_close

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print(f"close {self.name} ({exc_type.__name__ if exc_type else None})")
        if self.fail_on_close:
            raise OSError(f"{self.name} failed to close")
        return False


@asynccontextmanager
async def session(n):
    print(f"session {n} start")
    try:
        yield n * 10
    finally:
        print(f"session {n} end")


@contextmanager
def section(title):
    print(f"[{title}]")
    yield title.upper()
    print(f"[/{title}]")


@section("decorated")
def work(x):
    print("  working on", x)
    return x * 2


@session(7)
async def async_work():
    await asyncio.sleep(0.2)
    return "async work done"


class Pool:
    def close(self):
        print("pool closed")


async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("ticker closed")


async def failing_stack():
    # In a coroutine of its own: CPython's ExitStack leaves the exception in a reference cycle
    # with the frames it passed, freed only by its collector (whose timing would decide when
    # main's locals go, and so whether asyncio.run finds an async generator to close).
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(Connection("bad", fail_on_close=True))
            await stack.enter_async_context(Connection("good"))
            raise ValueError("body failed")
    except OSError as e:
        print("caught", repr(e), "context:", repr(e.__context__))


async def main():
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(Connection(f"c{i}")) for i in range(3)]
        value = await stack.enter_async_context(session(2))
        stack.callback(print, "callback ran")
        stack.push_async_callback(asyncio.sleep, 0.5)
        print([c.name for c in conns], value)
    print("after stack at", asyncio.get_running_loop().time())

    await failing_stack()

    with ExitStack() as stack:
        stack.enter_context(contextlib.suppress(KeyError))
        stack.callback(print, "sync callback", 1)
        titles = [stack.enter_context(section(t)) for t in ("a", "b")]
        print(titles)
        {}["missing"]
    print("KeyError suppressed by the stack")

    with ExitStack() as outer:
        inner = ExitStack()
        inner.callback(print, "moved callback")
        moved = inner.pop_all()
        inner.close()
        print("inner closed (nothing)")
        outer.push(moved)
    print(work(21), work.__name__)
    print(await async_work())
    with closing(Pool()) as pool:
        print(type(pool).__name__)
    async with aclosing(ticker(10)) as ticks:
        async for t in ticks:
            if t == 2:
                break
            print("tick", t)
    try:
        ExitStack().enter_context(object())
    except TypeError as e:
        print(e)

    print(list(zip("ab", [1, 2], strict=True)))
    for args in (("abc", [1]), ("a", [1, 2]), ("ab", "ab", "a"), ("ab", "ab", "abc")):
        try:
            list(zip(*args, strict=True))
        except ValueError as e:
            print(e)
    print(list(itertools.pairwise(range(5))), list(itertools.accumulate([1, 2, 3], initial=10)))


asyncio.run(main())
