text = "  The quick brown Fox jumps over the lazy dog  "
words = text.split()
print(words, len(text), text.strip().lower().count("the"))
print("-".join(words[:3]), text.strip().title(), text.upper().strip()[:9])
print(text.find("Fox"), text.rfind("o"), text.replace("the", "a", 1).strip())
print("a,b,,c".split(","), "a b  c".split(" "), "line1\nline2".splitlines(), "x=1".partition("="))
print("abc".startswith(("x", "a")), "abc".endswith("bc"), "42".isdigit(), "ab".isalpha(), " ".isspace())
print("hello"[::-1], "hello"[1:4], "hello"[-3:], "%-6s|" % "ab", "ab".center(6, "."), "7".zfill(3))
print("tab\there", repr("quote'\"\n"), repr("it's"), ascii("é"), "é".encode if False else ord("é"), chr(9731))
d = {"b": 2, "a": 1}
d["c"] = 3
d.setdefault("a", 100)
print(d, list(d), list(d.values()), d.get("z"), d.get("z", 0), d.pop("b"), d)
d.update(x=9)
print(sorted(d.items()), {**d, "y": 1}, dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0))
s = {3, 1, 2}
s.add(5)
s.discard(1)
print(sorted(s), sorted(s & {2, 3, 9}), sorted(s | {0}), sorted(s - {5}), {1, 2} ^ {2, 3}, {1} <= {1, 2})
lst = [5, 3, 8, 1]
lst.sort(reverse=True)
lst.insert(1, 7)
lst.extend((0, 0))
print(lst, lst.count(0), lst.index(8), lst[::2], lst[1:-1], sorted(lst, key=lambda v: -v)[:2])
del lst[0]
lst[1:3] = ["x"]
print(lst, [1, 2] * 2, [[0] * 2 for _ in range(2)], list(reversed(range(3))), (1, 2) + (3,))
print(sum([0.1] * 10), min([], default="none"), max("abc"), sorted("bca"), any([]), all([]))
print(list(enumerate("ab", start=1)), [(i, c) for i, c in zip(range(5), "xyz")])
print(len(range(0, 10, 3)), range(5)[-1], list(range(10, 0, -3)), 3 in range(5), range(3))
nested = {"k": [1, {"z": (1, 2)}], "t": (1,), "e": {}, "s": set(), "n": None, "b": True}
print(nested, str(nested) == repr(nested))
