# functools, the parts programs use, written for the playground.

class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return "functools.partial(" + ", ".join(parts) + ")"


def reduce(function, iterable, *initial):
    items = iter(iterable)
    if initial:
        value = initial[0]
    else:
        try:
            value = next(items)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    for item in items:
        value = function(value, item)
    return value


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        try:
            setattr(wrapper, name, value)
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif callable(maxsize) and isinstance(typed, bool):
        function, maxsize = maxsize, 128
        return _cached(function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')
    return lambda function: _cached(function, maxsize, typed)


def cache(function):
    return lru_cache(None)(function)


from collections import namedtuple as _namedtuple

_CacheInfo = _namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
_KEYWORDS_FOLLOW = object()


def _cache_key(args, kwargs, typed):
    key = args
    if kwargs:
        key += (_KEYWORDS_FOLLOW,)
        for item in kwargs.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwargs:
            key += tuple(type(v) for v in kwargs.values())
    return key


def _cached(function, maxsize, typed):
    # The least recently used entry is the dict's first: a hit moves its entry to the end.
    entries = {}
    counts = [0, 0]

    def wrapper(*args, **kwargs):
        key = _cache_key(args, kwargs, typed)
        if maxsize == 0:
            counts[1] += 1
            return function(*args, **kwargs)
        if key in entries:
            counts[0] += 1
            result = entries[key]
            if maxsize is not None:
                # Most recently used: to the end, away from eviction.
                del entries[key]
                entries[key] = result
            return result
        counts[1] += 1
        result = function(*args, **kwargs)
        if key in entries:
            # A recursive call cached it meanwhile.
            return result
        if maxsize is not None and len(entries) >= maxsize:
            del entries[next(iter(entries))]
        entries[key] = result
        return result

    def cache_info():
        return _CacheInfo(counts[0], counts[1], maxsize, len(entries))

    def cache_clear():
        entries.clear()
        counts[0] = counts[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, function)


def total_ordering(cls):
    """Fills in the comparisons a class lacks from the one it defines (and `__eq__`)."""
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in vars(cls)]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]

    def not_root(method_name):
        return method_name not in vars(cls)

    if root == "__lt__":
        derived = {
            "__gt__": lambda self, other: _flip(self.__lt__(other), self == other, False),
            "__le__": lambda self, other: _either(self.__lt__(other), self == other),
            "__ge__": lambda self, other: _negate(self.__lt__(other)),
        }
    elif root == "__le__":
        derived = {
            "__ge__": lambda self, other: _flip(self.__le__(other), self == other, True),
            "__lt__": lambda self, other: _both_not_eq(self.__le__(other), self == other),
            "__gt__": lambda self, other: _negate(self.__le__(other)),
        }
    elif root == "__gt__":
        derived = {
            "__lt__": lambda self, other: _flip(self.__gt__(other), self == other, False),
            "__ge__": lambda self, other: _either(self.__gt__(other), self == other),
            "__le__": lambda self, other: _negate(self.__gt__(other)),
        }
    else:
        derived = {
            "__le__": lambda self, other: _flip(self.__ge__(other), self == other, True),
            "__gt__": lambda self, other: _both_not_eq(self.__ge__(other), self == other),
            "__lt__": lambda self, other: _negate(self.__ge__(other)),
        }
    for method_name, method in derived.items():
        if not_root(method_name):
            setattr(cls, method_name, method)
    return cls


def _negate(result):
    if result is NotImplemented:
        return result
    return not result


def _either(result, equal):
    if result is NotImplemented:
        return result
    return result or equal


def _both_not_eq(result, equal):
    if result is NotImplemented:
        return result
    return result and not equal


def _flip(result, equal, inclusive):
    # a > b is not (a < b) and a != b; a >= b (from <=) is not (a <= b) or a == b
    if result is NotImplemented:
        return result
    if inclusive:
        return not result or equal
    return not result and not equal


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

    return K


class cached_property:
    """Computed on first read, then kept in the instance (which shadows this on later reads)."""

    def __init__(self, func):
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.func(instance)
        setattr(instance, self.attrname, value)
        return value


def _is_union(value):
    from types import UnionType
    return isinstance(value, UnionType)


def singledispatch(func):
    """A function that picks its implementation by the class of its first argument."""
    registry = {object: func}

    def dispatch(cls):
        for klass in cls.__mro__:
            if klass in registry:
                return registry[klass]
        return func

    def register(cls, implementation=None):
        if _is_union(cls):
            if implementation is None:
                return lambda f: register(cls, f)
            for part in cls.__args__:
                register(part, implementation)
            return implementation
        if implementation is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            implementation = cls
            annotations = getattr(implementation, '__annotations__', {})
            hints = [value for key, value in annotations.items() if key != 'return']
            if hints and _is_union(hints[0]):
                for part in hints[0].__args__:
                    register(part, implementation)
                return implementation
            if not hints or not isinstance(hints[0], type):
                raise TypeError(f"Invalid first argument to `register()`: {implementation!r}. "
                                "Use either `@register(some_class)` or plain `@register` on an "
                                "annotated function.")
            cls = hints[0]
        registry[cls] = implementation
        return implementation

    def wrapper(*args, **kwargs):
        if not args:
            raise TypeError(f'{getattr(func, "__name__", "singledispatch function")} requires at '
                            'least 1 positional argument')
        return dispatch(type(args[0]))(*args, **kwargs)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
