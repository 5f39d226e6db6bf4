# Retries with backoff and timing through decorators, and a circuit breaker kept in a dataclass
# with an Enum state, all on asyncio's clock.
import asyncio
import functools
import time
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Awaitable, Callable, TypeVar

T = TypeVar("T")

def timed(func: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return await func(*args, **kwargs)
        finally:
            print(f"{func.__name__}{args} took {time.perf_counter() - start:.2f}s")
    return wrapper

def retry(times=3, delay=0.1, exceptions=(ConnectionError,)):
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await func(*args, **kwargs)
                except exceptions as exc:
                    print(f"attempt {attempt} of {func.__qualname__} failed: {exc!r}")
                    if attempt == times:
                        raise
                    await asyncio.sleep(delay * 2 ** (attempt - 1))
        return wrapper
    return decorate

class State(Enum):
    CLOSED = auto()
    OPEN = auto()
    HALF_OPEN = auto()

@dataclass
class CircuitBreaker:
    threshold: int = 2
    reset_after: float = 0.5
    failures: int = 0
    state: State = State.CLOSED
    opened_at: float = 0.0
    history: list = field(default_factory=list)

    async def call(self, coro_fn, *args):
        loop = asyncio.get_running_loop()
        if self.state is State.OPEN:
            if loop.time() - self.opened_at >= self.reset_after:
                self.state = State.HALF_OPEN
            else:
                raise RuntimeError("circuit open")
        try:
            result = await coro_fn(*args)
        except Exception:
            self.failures += 1
            if self.failures >= self.threshold or self.state is State.HALF_OPEN:
                self.state = State.OPEN
                self.opened_at = loop.time()
            self.history.append(self.state.name)
            raise
        self.failures = 0
        self.state = State.CLOSED
        self.history.append(self.state.name)
        return result

calls = 0

@retry(times=3)
@timed
async def flaky(n):
    global calls
    calls += 1
    await asyncio.sleep(0.05 * n)
    if calls % 3:
        raise ConnectionError(f"call {calls}")
    return n * 10

async def always_fails():
    await asyncio.sleep(0.01)
    raise ValueError("boom")

async def main():
    print(await flaky(1), flaky.__name__, flaky.__wrapped__.__name__)
    breaker = CircuitBreaker()
    for i in range(6):
        try:
            await breaker.call(always_fails)
        except Exception as exc:
            print(i, type(exc).__name__, exc, breaker.state)
        await asyncio.sleep(0.2)
    print(breaker)

asyncio.run(main())
