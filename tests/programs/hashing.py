# Which objects can be dict keys and set members, and their hashes: a class that defines
# __eq__ without __hash__ is unhashable (its __hash__ is None), one that sets __hash__ back is
# not, and a class's own __hash__ is reduced as an int's hash is.
import asyncio


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Point3(Point):
    pass


class HashedPoint(Point):
    def __hash__(self):
        return hash((self.x, self.y))


class ById:
    def __eq__(self, other):
        return self is other

    __hash__ = object.__hash__


class Number:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


async def main():
    print(Point.__hash__, Point3.__hash__, HashedPoint.__hash__ is None, ById.__hash__ is object.__hash__)
    for kind in (Point, Point3):
        try:
            {kind(1, 2): "here"}
        except TypeError as e:
            print(e)
    seen = {HashedPoint(1, 2), HashedPoint(1, 2), HashedPoint(2, 1)}
    print(len(seen), HashedPoint(1, 2) in seen)
    a = ById()
    print(len({a, a, ById()}), hash(a) == hash(a))
    print([hash(Number(h)) for h in (1, -1, 0, 2**61 - 1, 2**70, -5)])
    tasks = {asyncio.create_task(asyncio.sleep(0.1, result=i)): i for i in range(3)}
    done, pending = await asyncio.wait(tasks)
    print(sorted(tasks[t] for t in done), len(pending))


asyncio.run(main())
