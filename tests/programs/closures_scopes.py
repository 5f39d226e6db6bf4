counter = 0


def make_counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def bump():
    global counter
    counter += 10


c = make_counter(5)
print(c(), c(), c(step=3))
bump()
bump()
print(counter)
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])


def outer():
    x = "outer"

    def inner():
        return x

    x = "changed"
    return inner()


print(outer())


def defaults(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, sorted(kwargs.items())


print(defaults(1, c=3))
print(defaults(1, 5, 6, 7, c=8, e=9, f=10))
args = (1, 2)
kw = {"c": 3, "z": 0}
print(defaults(*args, **kw))


def fails():
    print(y)
    y = 1


try:
    fails()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
x, *rest = [1, 2, 3, 4]
first, (second, third) = "a", "bc"
print(x, rest, first, second, third)
a = b = [0]
a += [1]
print(a, b, a is b)
