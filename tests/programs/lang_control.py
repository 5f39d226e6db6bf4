# Loops, branches, functions and scopes.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    else:
        return "positive"

for value in [-2, 0, 5]:
    print(value, classify(value))

total = 0
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 9:
        break
    total += i
else:
    print("never")
print("total", total)

for i in range(3):
    pass
else:
    print("loop ended at", i)

for index, letter in enumerate("abc", start=1):
    print(index, letter, end="; ")
print()
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b, sep="-", end=" ")
print()
for key, val in {"one": 1, "two": 2}.items():
    print(key, "=>", val)
print(list(range(10, 0, -3)), list(reversed([1, 2, 3])), list(enumerate("ab")))

def greet(name, greeting="Hello", *others, punctuation="!", **extra):
    print(f"{greeting}, {name}{punctuation}", others, extra)

greet("Ann")
greet("Bob", "Hi", 1, 2, punctuation="?", mood="happy")
greet(*["Cy", "Yo"], **{"punctuation": "."})

def counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

inc = counter()
inc()
inc(5)
print("counter", inc())

value = "global"
def show():
    global value
    value = "changed"
show()
print(value)

square = lambda x: x * x
print(list(map(square, [1, 2, 3])), list(filter(lambda x: x % 2, range(6))))
print([x * y for x in range(3) for y in range(3) if x != y])
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
print(sum(x * x for x in range(5)), any(x > 3 for x in [1, 5]), all([]))
print("yes" if 3 > 2 else "no", [i if i % 2 else -i for i in range(4)])

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))

def gen(n):
    for i in range(n):
        yield i * 10
    return "done"

g = gen(3)
print(next(g), next(g), list(g))
def delegate():
    result = yield from gen(2)
    print("delegate got", result)
print(list(delegate()))
words = "the quick brown fox".split()
print(sorted(words, key=len), max(words, key=len), " ".join(w.capitalize() for w in words))
matrix = [[1, 2], [3, 4]]
print([row[i] for row in matrix for i in range(2)], list(zip(*matrix)))
assert len(words) == 4, "four words"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
del words[0]
print(words)
