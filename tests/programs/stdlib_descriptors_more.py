import itertools, operator, functools, string, collections
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.filterfalse(None, [0, 1, 2])), list(itertools.repeat("x", 3)), list(itertools.islice(itertools.cycle("ab"), 5)))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b), list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.combinations_with_replacement("ab", 2)))
print(operator.itemgetter(1)([5, 6]), operator.attrgetter("real")(3), operator.methodcaller("upper")("x"), sorted([(1, "b"), (0, "a")], key=operator.itemgetter(1)))
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"), string.capwords("hello world"))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], dict(cm))
od = collections.OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(list(od), od.popitem(last=False))
d = collections.deque([1, 2, 3, 4])
d.rotate(1)
print(d, d.maxlen)
c = collections.Counter("aab") + collections.Counter("bc")
print(c, c.total(), list(c.elements()), c - collections.Counter("a"))

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing")
        return 3 * self.r ** 2

ci = Circle(2)
print(ci.area, ci.area)

@functools.singledispatch
def show(x):
    return f"object {x}"

@show.register(int)
def _(x):
    return f"int {x}"

@show.register(list)
def _(x):
    return f"list of {len(x)}"

print(show(1), show([1, 2]), show("s"))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(int, base=2)("101"))

class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)

class Order:
    qty = Positive()
    def __init__(self, qty):
        self.qty = qty

o = Order(3)
print(o.qty, vars(o), type(Order.qty).__name__, Order.__dict__["qty"].name)
try:
    o.qty = -1
except ValueError as e:
    print(e)
print(Circle.area.__class__.__name__, show.dispatch(bool).__name__)
