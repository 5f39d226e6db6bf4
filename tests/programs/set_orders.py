# Sets of numbers iterate in CPython's table order (its hashes are the same on every run),
# however they were made; changing a set or a dict while iterating it is an error.
import random
print({3, 1, 2}, set([10, 5, 8, 1, 33, 17]), {x % 7 for x in range(50)}, set([100, 8, 16, 24, 1000, -1, -5]))
print(set(range(20, 0, -1)), {2**40, 7, 2**61, -2**62, 3}, {1.5, 2.5, 0.1, 3.0}, {(1, 2), (3, 4), (0, 0)})
random.seed(3)
s = set()
for _ in range(200):
    s.add(random.randint(-1000, 1000))
print(list(s)[:40])
print(sorted({5, 3}) , {True, 2, 0}, frozenset({9, 1, 8}), {1, 2} | {9, 3}, {1, 2, 3, 9} & {9, 2}, {7, 1, 9} - {1})
l = [x * 37 % 101 for x in range(60)]
print(set(l))
print([x for x in {64, 0, 32, 16, 8}], list({-1, -2, -3}))
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(e)
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
l = [1, 2, 3]
for x in l:
    if x == 2:
        l.remove(x)
print(l)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(e)
d = {1: 1}
for k in d:
    d[k] = 5
print(d)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print(e)
try:
    for k in d.keys():
        d.clear()
        d[9] = 9
except RuntimeError as e:
    print(e)
print(d)
