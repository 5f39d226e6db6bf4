# Counter, defaultdict and OrderedDict are dicts (json, isinstance, dict methods); dict views
# combine as sets; copy and deepcopy make new objects of a program's classes.
import asyncio
import copy
import json
import random
from collections import Counter, OrderedDict, defaultdict, deque
from dataclasses import dataclass, field
from enum import Enum


class Color(Enum):
    RED = 1
    BLUE = 2


@dataclass
class Config:
    name: str
    tags: list = field(default_factory=list)
    color: Color = Color.RED


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


class Registry(dict):
    def __init__(self, owner, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner


class LoggedDict(dict):
    """Overrides that hand on to dict's own methods, through super() and dict.__x__."""

    def __setitem__(self, key, value):
        print("  set", key)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        return super().__getitem__(key) * 10

    def __delitem__(self, key):
        print("  del", key)
        dict.__delitem__(self, key)

    def __len__(self):
        return super().__len__() + 100

    def __contains__(self, key):
        return super().__contains__(key.lower())

    def __eq__(self, other):
        answer = super().__eq__(other)
        return other == "anything" if answer is NotImplemented else answer


class DoubledList(list):
    def append(self, item):
        super().append(item * 2)

    def __setitem__(self, index, value):
        super().__setitem__(index, -value)

    def __iter__(self):
        return reversed(list(super().__iter__()))


async def worker(i, hits):
    await asyncio.sleep(random.choice([0.1, 0.2, 0.3]))
    hits[round(asyncio.get_running_loop().time(), 1)] += 1
    return i


async def main():
    random.seed(11)
    hits = Counter()
    done = await asyncio.gather(*(worker(i, hits) for i in range(10)))
    print(done, hits, isinstance(hits, dict), json.dumps(hits, sort_keys=True))
    print(hits.most_common(2), hits.total(), +hits, -Counter(a=-2, b=1), dict.get(hits, 0.1))
    a, b = Counter("abracadabra"), Counter("alakazam")
    print(a + b, a - b, a | b, a & b, a == Counter(a), Counter(a=1, b=0) == Counter(a=1))
    print(Counter(a=1) <= Counter(a=2, b=1), Counter(a=3) > Counter(a=2), a["zzz"], "zzz" in a)
    c = Counter(a=3, b=1)
    c -= Counter(a=1, b=5)
    c += Counter(z=2)
    c |= Counter(q=4)
    c &= Counter(a=1, q=9, z=1)
    print(c, sorted(c.elements()))
    c.subtract("aq")
    c.update({"n": 2})
    print(c, list(c.items()))
    del c["nothing"]

    groups = defaultdict(list)
    for i, word in enumerate(["ant", "bee", "cat", "ape", "bat"]):
        groups[word[0]].append(i)
    print(groups, isinstance(groups, dict), json.dumps(groups), groups.get("z"), len(groups))
    counts = defaultdict(int, {"x": 1})
    counts["y"] += 2
    print(counts, counts.copy(), counts | {"w": 0}, dict(counts), counts.default_factory)
    nested = defaultdict(lambda: defaultdict(int))
    nested["a"]["b"] += 1
    print(json.dumps(nested), {k: dict(v) for k, v in nested.items()})
    try:
        defaultdict(None)["missing"]
    except KeyError as e:
        print("KeyError", e)

    od = OrderedDict(a=1, b=2, c=3)
    od.move_to_end("a")
    od.move_to_end("c", last=False)
    print(od, od.popitem(), od.popitem(last=False), od, isinstance(od, dict))
    print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
    print(json.dumps(OrderedDict(z=1, a=2)), list(reversed(OrderedDict(a=1, b=2))))

    d = {"x": 1, "y": 2, "z": 3}
    print(sorted(d.keys() & {"x", "q"}), sorted(d.keys() - {"x"}), sorted(d.keys() | ["w"]))
    print(d.items() & {("x", 1), ("y", 0)}, sorted(d.keys() ^ {"x", "k"}), ["z"] & d.keys())
    print(d.keys() == {"x", "y", "z"}, {"x"} <= d.keys(), d.keys() < {"x"}, d.keys() > {"x"})
    print(d.keys().isdisjoint(["a", "b"]), d.items().isdisjoint({("x", 2)}), d.keys() == ["x"])
    try:
        d.values() & {1}
    except TypeError as e:
        print(e)
    other = {"y": 20, "w": 0}
    print("shared keys:", sorted(d.keys() & other.keys()), "only here:", sorted(d.keys() - other))

    config = Config("base", ["a"], Color.BLUE)
    shallow, deep = copy.copy(config), copy.deepcopy(config)
    config.tags.append("b")
    print(shallow, deep, shallow is config, deep.color is Color.BLUE, copy.copy(Color.RED))
    root = Node(1)
    root.children.append(Node(2))
    root.children.append(root.children[0])
    clone = copy.deepcopy(root)
    print(clone is root, clone.children[0] is clone.children[1], clone.children[0] is root.children[0])
    registry = Registry("me", a=[1])
    twin = copy.deepcopy(registry)
    twin["a"].append(2)
    print(type(twin).__name__, twin, twin.owner, registry, copy.copy(registry).owner)
    queue = deque([1, 2, 3], maxlen=3)
    other_queue = copy.copy(queue)
    other_queue.append(4)
    print(queue, other_queue, copy.deepcopy([queue, queue])[0] is not queue)
    print(copy.copy(groups), copy.deepcopy(od), copy.copy(hits) == hits)
    logged = LoggedDict()
    logged["a"] = 1
    logged.update(b=2)
    print(logged["a"], "A" in logged, len(logged), logged, logged == "anything", logged == {})
    del logged["a"]
    print(logged, dict.__getitem__(logged, "b"), dict.__len__(logged), list.__len__([1, 2]))
    doubled = DoubledList([1])
    doubled.append(5)
    doubled[0] = 7
    print(doubled, list(doubled), [x for x in doubled], doubled[0])
    tree = {"k": [1, {"z": (2, [3])}]}
    dup = copy.deepcopy(tree)
    dup["k"][1]["z"][1].append(4)
    print(tree, dup)


asyncio.run(main())
