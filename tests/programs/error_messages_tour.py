import asyncio
errors = []
def attempt(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, "|", e)

class Point:
    def __init__(self):
        self.xval = 1
attempt(lambda: [1, 2].index(3))
attempt(lambda: "abc".index("z"))
attempt(lambda: int("x1"))
attempt(lambda: float("abc"))
attempt(lambda: {"a": 1}["b"])
attempt(lambda: [][0])
attempt(lambda: ().x)
attempt(lambda: Point().xvak)
attempt(lambda: None + 1)
attempt(lambda: "a" + 1)
attempt(lambda: 1 + "a")
attempt(lambda: len(5))
attempt(lambda: [1, 2, 3][1:2:0])
attempt(lambda: {}.pop("k"))
attempt(lambda: set().pop())
attempt(lambda: [].pop())
attempt(lambda: max([]))
attempt(lambda: divmod(1, 0))
attempt(lambda: 1.0 / 0)
attempt(lambda: 10 % 0)
attempt(lambda: int(None))
attempt(lambda: list(5))
attempt(lambda: sorted([1, "a"]))
attempt(lambda: "x" * "y")
attempt(lambda: (1, 2) + [3])
attempt(lambda: abs("a"))
attempt(lambda: next(iter([])))
attempt(lambda: "{} {}".format(1))
attempt(lambda: "%d" % "x")
attempt(lambda: dict([1, 2]))
attempt(lambda: hash([]))
attempt(lambda: {[]: 1})
attempt(lambda: object().foo)
attempt(lambda: getattr(Point(), "nope"))
attempt(lambda: round("x"))
attempt(lambda: range(1.5))
attempt(lambda: chr(-1))
attempt(lambda: "abc"[5])
attempt(lambda: (1, 2)[3])
attempt(lambda: int("99999999999999999999999", 2))
def unpack():
    a, b = [1, 2, 3]
attempt(unpack)
def unpack2():
    a, b, c = (1, 2)
attempt(unpack2)
def unbound():
    print(y)
    y = 1
attempt(unbound)
def kwargs(a, *, b):
    pass
attempt(lambda: kwargs(1, 2))
attempt(lambda: kwargs(1, c=2))
attempt(lambda: kwargs())
attempt(lambda: Point(1))
async def coro():
    pass
attempt(lambda: asyncio.run(5))
attempt(lambda: asyncio.get_running_loop())
print(undefined_name_here)
