# Type hints as modern tutorials write them: evaluated at `def` time (so `int | None` and
# `list[str]` must work), kept in `__annotations__`, read by dataclasses and singledispatch.
import asyncio
import functools
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Job:
    name: str
    retries: int | None = None
    tags: list[str] | None = None
    deps: dict[str, list[int]] = field(default_factory=dict)


async def run_job(job: Job, *, delay: float = 0.2) -> tuple[str, int]:
    await asyncio.sleep(delay)
    return job.name, job.retries or 0


def describe(value: int | float, *rest: str, unit: Optional[str] = None, **extra: int) -> str | None:
    return f"{value}{unit or ''}"


@functools.singledispatch
def show(arg) -> str:
    return f"something: {arg!r}"


@show.register
def _(arg: int) -> str:
    return f"int: {arg}"


@show.register
def _(arg: list) -> str:
    return f"list of {len(arg)}"


@show.register
def _(arg: float | str) -> str:
    return f"float or str: {arg}"


@show.register(dict)
def _(arg):
    return f"dict with {sorted(arg)}"


def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        result = await func(*args, **kwargs)
        print(f"  {func.__name__} done at {asyncio.get_running_loop().time():.1f}")
        return result
    return wrapper


@timed
async def fetch(url: str, timeout: float = 1.0) -> dict[str, int]:
    await asyncio.sleep(0.5)
    return {url: 200}


class IntList(list[int]):
    def total(self) -> int:
        return sum(self)


async def main() -> None:
    jobs = [Job("build", 2, ["ci"]), Job("test"), Job("deploy", deps={"build": [1]})]
    for job in jobs:
        print(job)
    print(Job.__annotations__)
    print(run_job.__annotations__, run_job.__kwdefaults__, run_job.__defaults__)
    print(describe.__annotations__)
    print(describe(3, unit="s"), describe(2.5))
    results = await asyncio.gather(*(run_job(j, delay=0.1 * i) for i, j in enumerate(jobs)))
    print(results)
    for value in (1, [1, 2], "hi", 2.5, None, {"b": 1, "a": 2}, True):
        print(show(value))
    print(await fetch("example.org"), fetch.__annotations__, fetch.__wrapped__.__name__)

    union = int | str
    print(union, type(union).__name__, int | None, None | int, int | str | None)
    print(union == (str | int), int | int, hash(union) == hash(str | int))
    print(isinstance(3, union), isinstance(3.0, union), issubclass(bool, int | None))
    print(list[int], dict[str, list[int]], tuple[int, ...], type[Job], tuple[()], set[str] | None)
    alias = list[int]
    print(alias == list[int], alias([1, 2]), alias.__origin__, alias.__args__, alias().__class__)
    numbers = IntList([3, 4])
    numbers.append(5)
    print(numbers, numbers.total(), [t.__name__ for t in type(numbers).__mro__])
    for bad in (lambda: int | 3, lambda: isinstance([], list[int]), lambda: isinstance(1, 3)):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)

    def plain():
        pass

    print(plain.__annotations__, plain.__kwdefaults__)
    plain.__annotations__["x"] = int
    print(plain.__annotations__)
    try:
        def broken(x: Undefined):
            pass
    except NameError as e:
        print("NameError:", e)


asyncio.run(main())
