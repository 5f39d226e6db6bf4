# itertools, the parts programs use, written for the playground (as generators).

def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj


def islice(iterable, *args):
    s = slice(*args)
    start = s.start or 0
    stop = s.stop
    step = s.step or 1
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    nexti = start
    for i, element in enumerate(iterable):
        if stop is not None and i >= stop:
            return
        if i == nexti:
            yield element
            nexti += step


class chain:
    def __init__(self, *iterables):
        self._items = _chain(iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._items)

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._items = _chain(iterables)
        return c


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


def accumulate(iterable, func=None, *, initial=None):
    total = initial
    started = initial is not None
    if started:
        yield total
    for element in iterable:
        if not started:
            total = element
            started = True
        elif func is None:
            total = total + element
        else:
            total = func(total, element)
        yield total


def product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in permutations(range(n), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


class groupby:
    """Consecutive runs of equal keys. Lazy, as CPython's: each group reads the one source
    iterator, so a group left behind is over once the next one is asked for."""
    __module__ = 'itertools'
    _NOTHING = object()

    def __init__(self, iterable, key=None):
        self._source = iter(iterable)
        self._keyfunc = key
        self._target = self._current = self._value = groupby._NOTHING
        self._grouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._source)
        self._current = value if self._keyfunc is None else self._keyfunc(value)
        self._value = value

    def __next__(self):
        self._grouper = None
        # Past the rest of the current group (or to the first item).
        while self._current is groupby._NOTHING or (
                self._target is not groupby._NOTHING and self._target == self._current):
            self._step()
        self._target = self._current
        self._grouper = _grouper(self, self._target)
        return self._current, self._grouper


class _grouper:
    __module__ = 'itertools'

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._grouper is not self:
            raise StopIteration
        if parent._value is groupby._NOTHING:
            parent._step()
        if not (self._key == parent._current):
            raise StopIteration
        value = parent._value
        parent._value = groupby._NOTHING
        return value


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def dropwhile(predicate, iterable):
    iterator = iter(iterable)
    for x in iterator:
        if not predicate(x):
            yield x
            break
    for x in iterator:
        yield x


def pairwise(iterable):
    iterator = iter(iterable)
    try:
        a = next(iterator)
    except StopIteration:
        return
    for b in iterator:
        yield a, b
        a = b


def compress(data, selectors):
    return (item for item, keep in zip(data, selectors) if keep)


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    return (item for item in iterable if not predicate(item))


def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(items) for _ in range(n))


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if not pool and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != len(pool) - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
