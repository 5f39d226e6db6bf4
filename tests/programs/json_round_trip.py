import asyncio
import json
import sys

CASES = ['', ' ', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,}', '{a:1}', '[1,]', '[1 2]', '"abc',
         '"a\\qb"', '"\\u12"', 'nul', '1 2', '[1, 2]] ', '"a\x01b"', '-', '01', '{"a" 1}', '\n\n  x']


async def fetch(i):
    await asyncio.sleep(0.1 * i)
    return {"id": i, "name": f"item{i}", "tags": ["a", "b"][:i], "price": i * 1.5, "ok": i % 2 == 0, "none": None}


async def main():
    items = await asyncio.gather(*(fetch(i) for i in range(3)))
    print(json.dumps(items))
    print(json.dumps(items[1], indent=2))
    print(json.dumps(items[2], indent="\t", sort_keys=True))
    print(json.dumps({"b": 1, "a": [1, {"x": []}, {}]}, separators=(",", ":")))
    print(json.dumps({1: "one", 2.5: "x", True: "t", None: "n"}), json.dumps("héllo ☃ \U0001F600 \n\t\"q\""))
    print(json.dumps("héllo ☃", ensure_ascii=False), json.dumps([float("nan"), float("inf"), 1e100, 0.1, -0.0, 10**20]))
    print(json.dumps((1, 2)), json.dumps([]), json.dumps({}, indent=4), json.dumps([[]], indent=1))
    try:
        json.dumps({"s": {1, 2}})
    except TypeError as e:
        print("TypeError:", e)
    print(json.dumps({"s": {3, 1}}, default=sorted))
    loop = []
    loop.append(loop)
    try:
        json.dumps(loop)
    except ValueError as e:
        print("ValueError:", e)
    text = '{"id": 7, "vals": [1, 2.5, -3e2, true, false, null], "s": "a\\nb\\u00e9\\ud83d\\ude00", "n": {}}'
    data = json.loads(text)
    print(data, type(data["vals"][2]).__name__)
    print(json.loads('  [1, "two", {"three": 3}]  '), json.loads("NaN"), json.loads('-Infinity'))
    for case in CASES:
        try:
            print(repr(case), json.loads(case))
        except json.JSONDecodeError as e:
            print(repr(case), "->", e, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
    print(json.loads('{"a": 1.50}', parse_float=str), json.loads('{"a": {"b": 2}}', object_hook=lambda d: sorted(d)))
    json.dump({"k": [1, 2]}, sys.stdout, indent=1)
    print()
    json.loads("[1,")

asyncio.run(main())
