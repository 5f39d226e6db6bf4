import asyncio
import contextlib


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print(f"enter {self.label}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.label}: {exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError


class Connection:
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("connected")
        return self

    async def __aexit__(self, *exc_info):
        await asyncio.sleep(0.1)
        print("disconnected", exc_info[0])


@contextlib.contextmanager
def section(name):
    print("begin", name)
    try:
        yield name.upper()
    finally:
        print("end", name)


@contextlib.asynccontextmanager
async def session(n):
    await asyncio.sleep(0.05)
    print("open session", n)
    yield n * 2
    print("close session", n)


async def main():
    with Timer("a") as t:
        print("inside", t.label)
    with Timer("b"):
        raise KeyError("swallowed")
    try:
        with Timer("c"):
            raise ValueError("escapes")
    except ValueError as e:
        print("escaped:", e)
    with section("s") as upper, Timer("d"):
        print(upper)
    async with Connection() as c:
        print(type(c).__name__)
    async with session(21) as value:
        print("session value", value)
    with contextlib.suppress(ZeroDivisionError):
        1 / 0
    print("suppressed")


asyncio.run(main())
