# Containers find an object by identity before asking its __eq__, as CPython's do: a task or
# an object that is never equal to anything is still found in the dict, set or list that holds
# it.
import asyncio


class Never:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print(f"  __eq__({self.name}, {getattr(other, 'name', other)})")
        return False

    def __hash__(self):
        return 7


async def worker(n):
    await asyncio.sleep(n / 10)
    return n


async def main():
    a, b = Never("a"), Never("b")
    print("a == a:", a == a)
    table = {a: 1, b: 2}
    print("table[a]:", table[a], "table[b]:", table[b])
    print("a in {a}:", a in {a}, "b in [a, b]:", b in [a, b])
    print("[a] == [a]:", [a] == [a], "(a, 1) == (a, 1):", (a, 1) == (a, 1))
    print("[a].count(a):", [a, b, a].count(a), "[b].index(b):", [a, b].index(b))

    background = set()
    for n in range(3):
        task = asyncio.create_task(worker(n))
        background.add(task)
        task.add_done_callback(background.discard)
    while background:
        done, _ = await asyncio.wait(background, return_when=asyncio.FIRST_COMPLETED)
        print("done:", sorted(t.result() for t in done), "left:", len(background))


asyncio.run(main())
