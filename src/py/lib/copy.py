# copy, written for the playground: containers are copied as CPython copies them, and an
# instance of a class is made anew (by its class's __new__) with its attributes — copied too by
# deepcopy — and, for a subclass of list, dict or set, its items.

class Error(Exception):
    pass


error = Error


def _is_instance_of_class(x):
    """An instance of a class written in Python (builtins' own values are copied by kind)."""
    return type(x).__module__ != 'builtins'


def _state(x):
    getstate = getattr(type(x), '__getstate__', None)
    if getstate is not None:
        return getstate(x)
    return getattr(x, '__dict__', None)


def _reconstruct(x, memo, copy_value):
    cls = type(x)
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = _state(x)
    if state:
        state = copy_value(state)
        setstate = getattr(cls, '__setstate__', None)
        if setstate is not None:
            setstate(y, state)
        else:
            for name, value in state.items():
                object.__setattr__(y, name, value)
    for name in _slot_names(cls):
        if hasattr(x, name):
            setattr(y, name, copy_value(getattr(x, name)))
    if isinstance(x, list):
        for item in x:
            y.append(copy_value(item))
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            y[copy_value(key)] = copy_value(value)
    elif isinstance(x, set):
        for item in x:
            y.add(copy_value(item))
    return y


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        names.extend(name for name in slots if name not in ('__dict__', '__weakref__'))
    return names


def copy(x):
    cls = type(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls in (list, dict, set):
        return x.copy()
    if _is_instance_of_class(x) and not isinstance(x, type):
        return _reconstruct(x, None, lambda value: value)
    return x


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    found = memo.get(id(x), _nil)
    if found is not _nil:
        return found
    cls = type(x)
    copier = getattr(cls, '__deepcopy__', None)
    if copier is not None:
        y = copier(x, memo)
    elif cls is list:
        y = []
        memo[id(x)] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        found = memo.get(id(x), _nil)
        if found is not _nil:
            return found
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[id(x)] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    elif _is_instance_of_class(x) and not isinstance(x, type):
        y = _reconstruct(x, memo, lambda value: deepcopy(value, memo))
    else:
        y = x
    if y is not x:
        memo[id(x)] = y
    return y
