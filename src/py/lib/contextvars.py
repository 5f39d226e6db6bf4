"""contextvars: ContextVar, Token, Context, copy_context(). As in CPython, each asyncio task
runs in a copy of the context current when it was made (`Task._context`), so what a task sets
is seen by the tasks it makes, never by its siblings or its parent. `_current`, `_set_current`
and `_enable` are natives: the current context is the VM's."""

_MISSING = object()


class Context:
    __module__ = '_contextvars'

    def __init__(self):
        self._vars = {}
        self._entered = False

    def run(self, callable, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        outer = _context()
        self._entered = True
        _set_current(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _set_current(outer)
            self._entered = False

    def copy(self):
        new = Context()
        new._vars = dict(self._vars)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars.get(var, default)

    def __contains__(self, var):
        return var in self._vars

    def __iter__(self):
        return iter(self._vars)

    def __len__(self):
        return len(self._vars)

    def keys(self):
        return self._vars.keys()

    def values(self):
        return self._vars.values()

    def items(self):
        return self._vars.items()


class Token:
    __module__ = '_contextvars'
    MISSING = None

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f"<Token{used} var={self._var!r} at {hex(id(self))}>"


class _TokenMissing:
    def __repr__(self):
        return '<Token.MISSING>'


Token.MISSING = _TokenMissing()


class ContextVar:
    __module__ = '_contextvars'

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        values = _context()._vars
        if self in values:
            return values[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        context = _context()
        old = context._vars.get(self, Token.MISSING)
        context._vars[self] = value
        return Token(context, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        context = _context()
        if token._context is not context:
            raise ValueError(f"{token!r} was created in a different Context")
        if token._old_value is Token.MISSING:
            context._vars.pop(self, None)
        else:
            context._vars[self] = token._old_value
        token._used = True

    def __repr__(self):
        text = f"<ContextVar name={self._name!r}"
        if self._default is not _MISSING:
            text += f" default={self._default!r}"
        return text + f" at {hex(id(self))}>"

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


def _context():
    context = _current()
    if context is None:
        context = Context()
        _set_current(context)
    return context


def copy_context():
    return _context().copy()


_enable(copy_context)
