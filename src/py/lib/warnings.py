"""warnings: `warn` and its filters, as CPython 3.11 prints and filters warnings. A filter's
message and module patterns are matched as literal beginnings (the playground has no `re`).
`_place` is a native: the program's frame `stacklevel` up, as (filename, line, module, source)."""
import sys


class WarningMessage:
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    text = f'{filename}:{lineno}: {category.__name__}: {message}\n'
    if line is None:
        line = _line(filename, lineno)
    if line:
        text += f'  {line.strip()}\n'
    return text


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    # A program that replaced showwarning is called as CPython calls it.
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


filters = []
defaultaction = 'default'
onceregistry = {}
_registry = {}
_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')


def _filters_mutated():
    _registry.clear()
    onceregistry.clear()


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError(f"invalid action: {action!r}")
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, message.lower() or None, category, module or None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError(f"invalid action: {action!r}")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    filters[:] = []
    _filters_mutated()


def _matches(item, text, category, module, lineno):
    action, message, wanted, module_pattern, line = item
    return ((message is None or text.lower().startswith(message))
            and issubclass(category, wanted)
            and (module_pattern is None or module == module_pattern)
            and (line == 0 or lineno == line))


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    filename, lineno, module, line = _place(stacklevel)
    warn_explicit(message, category, filename, lineno, module, source=source, _line=line)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None, _line=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno, filename)
    if _registry.get(key):
        return
    for item in filters:
        if _matches(item, text, category, module, lineno):
            action = item[0]
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        once_key = (text, category)
        if onceregistry.get(once_key):
            return
        onceregistry[once_key] = 1
    elif action == "module":
        module_key = (text, category, 0, filename)
        if _registry.get(module_key):
            return
        _registry[module_key] = 1
    elif action == "default":
        _registry[key] = 1
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, _line, source))


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._entered = False
        self._filter = (action, category, lineno, append) if action is not None else None

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        return f"{type(self).__name__}({', '.join(args)})"

    def __enter__(self):
        global showwarning
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        self._filters = filters[:]
        self._showwarning = showwarning
        _filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))

            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        filters[:] = self._filters
        showwarning = self._showwarning
        _filters_mutated()


filterwarnings("default", category=DeprecationWarning, module="__main__")
simplefilter("ignore", category=DeprecationWarning, append=True)
simplefilter("ignore", category=PendingDeprecationWarning, append=True)
simplefilter("ignore", category=ImportWarning, append=True)
simplefilter("ignore", category=ResourceWarning, append=True)
