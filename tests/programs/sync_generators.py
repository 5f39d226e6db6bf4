def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            return received
        received.append(value)


def delegate():
    result = yield from echo()
    print("delegate got", result)
    yield "done"


print(take(10, fib()))
g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
d = delegate()
next(d)
d.send(1)
print(d.send(None))
squares = (i * i for i in range(5))
print(sum(squares), sum(squares))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "empty"))
print(list(zip(*[(1, "a"), (2, "b")])))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])), list(filter(None, [0, 1, "", "x"])))
gen = fib()
print([next(gen) for _ in range(3)], gen.__class__.__name__)
