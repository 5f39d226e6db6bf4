# A finished task shows its result as CPython's asyncio does, through reprlib: long texts,
# big numbers, long or deep containers are shortened; reprlib itself for a program's own use.
import asyncio
import builtins
import reprlib


async def produce(value):
    await asyncio.sleep(0.1)
    return value


class Report:
    def __init__(self, rows):
        self.rows = rows

    def __repr__(self):
        return f"Report(rows={self.rows!r})"


async def main():
    values = [
        list(range(10)), "x" * 50, {i: i * i for i in range(6)}, (1, (2, (3, (4, (5, (6, (7,))))))),
        10**50, {1, 2, 3, 4, 5, 6, 7}, [[1, 2]] * 3, 3.5, None, object, ValueError("e" * 40),
        "short", frozenset({3, 1}), ["a" * 40], Report(list(range(20))), (), [], {}, set(), (5,),
        {"b": 1, "a": [1, 2, 3, 4, 5, 6, 7, 8]}, [{"k": "v" * 35}],
    ]
    tasks = [asyncio.create_task(produce(v), name=f"job-{i}") for i, v in enumerate(values)]
    await asyncio.sleep(0)
    print(tasks[1])
    await asyncio.gather(*tasks)
    for task in tasks:
        print(task)
    short = reprlib.Repr()
    short.maxlist, short.maxstring = 3, 10
    print(short.repr(list(range(9))), short.repr("abcdefghijklmnop"), reprlib.repr(range(100)))
    print(reprlib.aRepr.maxdict, builtins.len("abc"), builtins.repr(builtins.max(3, 9)))

    class Node:
        def __init__(self):
            self.children = [self]

        @reprlib.recursive_repr()
        def __repr__(self):
            return f"Node({self.children})"

    print(Node())


asyncio.run(main())
