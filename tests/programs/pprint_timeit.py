import asyncio
import pprint
import timeit

data = {
    "users": [{"name": f"user{i}", "id": i, "tags": ["a", "b", "c"][: i % 4], "active": i % 2 == 0} for i in range(4)],
    "meta": {"count": 4, "pages": (1, 2, 3), "next": None, "zeta": {"x": 1.5, "a": [1, 2]}},
    "empty": {}, "nums": list(range(30)), "single": (1,), "set": {1, 2, 3}, "fs": frozenset({1, 2}),
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data["nums"], compact=True, width=30)
pprint.pprint(data, indent=4, width=60, sort_dicts=False)
pprint.pp({"b": 1, "a": 2})
print(pprint.pformat([{"k": "v" * 30, "n": 1}, {"k": "w" * 30, "n": 2}], width=50))
pprint.pprint({"short": 1})
pprint.pprint([[1, 2, [3, 4, [5, 6]]]] * 5, width=25)

async def main():
    start = timeit.default_timer()
    await asyncio.sleep(0.25)
    print(f"{timeit.default_timer() - start:.2f}")

asyncio.run(main())
