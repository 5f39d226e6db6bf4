# pprint, written for the playground: containers too wide for a line are split one item a line,
# indented as CPython's pprint does (dicts sorted by key unless sort_dicts=False). Long strings
# are not split into pieces here.
import sys as _sys

__all__ = ['pprint', 'pformat', 'pp', 'isreadable', 'isrecursive', 'saferepr', 'PrettyPrinter']


def _sorted(items, key=None):
    try:
        return sorted(items, key=key)
    except TypeError:
        # Keys of kinds that do not compare: grouped by type name, as CPython's safe key does.
        if key is None:
            return sorted(items, key=lambda item: (str(type(item)), id(item)))
        return sorted(items, key=lambda item: (str(type(key(item))), id(key(item))))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if width < 0:
            raise ValueError('width must be != 0')
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = compact
        self._sort_dicts = sort_dicts

    def pprint(self, object):
        stream = self._stream if self._stream is not None else _sys.stdout
        stream.write(self.pformat(object) + '\n')

    def pformat(self, object):
        parts = []
        self._format(object, parts, 0, 0, set())
        return ''.join(parts)

    def isreadable(self, object):
        return True

    def isrecursive(self, object):
        return False

    # ----- one line ----------------------------------------------------------------------

    def _repr(self, object, context):
        kind = type(object)
        if kind in (dict, list, tuple) and id(object) in context:
            return f'<Recursion on {kind.__name__} with id={id(object)}>'
        if kind is dict:
            if not object:
                return '{}'
            context = context | {id(object)}
            items = _sorted(object.items(), key=lambda kv: kv[0]) if self._sort_dicts else object.items()
            return '{' + ', '.join(self._repr(k, context) + ': ' + self._repr(v, context)
                                   for k, v in items) + '}'
        if kind is list:
            context = context | {id(object)}
            return '[' + ', '.join(self._repr(item, context) for item in object) + ']'
        if kind is tuple:
            if len(object) == 1:
                return '(' + self._repr(object[0], context | {id(object)}) + ',)'
            context = context | {id(object)}
            return '(' + ', '.join(self._repr(item, context) for item in object) + ')'
        return repr(object)

    # ----- over several lines ----------------------------------------------------------

    def _format(self, object, parts, indent, allowance, context):
        rep = self._repr(object, context)
        if len(rep) > self._width - indent - allowance and id(object) not in context:
            kind = type(object)
            layout = {dict: self._dict, list: self._list, tuple: self._tuple,
                      set: self._set, frozenset: self._set}.get(kind)
            if layout is not None:
                layout(object, parts, indent, allowance, context | {id(object)})
                return
        parts.append(rep)

    def _dict(self, object, parts, indent, allowance, context):
        parts.append('{')
        if self._indent_per_level > 1:
            parts.append((self._indent_per_level - 1) * ' ')
        if object:
            items = _sorted(object.items(), key=lambda kv: kv[0]) if self._sort_dicts else list(object.items())
            indent += self._indent_per_level
            separator = ',\n' + ' ' * indent
            for i, (key, value) in enumerate(items):
                last = i == len(items) - 1
                rep = self._repr(key, context)
                parts.append(rep + ': ')
                self._format(value, parts, indent + len(rep) + 2, allowance + 1 if last else 1, context)
                if not last:
                    parts.append(separator)
        parts.append('}')

    def _list(self, object, parts, indent, allowance, context):
        parts.append('[')
        self._items(object, parts, indent, allowance + 1, context)
        parts.append(']')

    def _tuple(self, object, parts, indent, allowance, context):
        parts.append('(')
        end = ',)' if len(object) == 1 else ')'
        self._items(object, parts, indent, allowance + len(end), context)
        parts.append(end)

    def _set(self, object, parts, indent, allowance, context):
        if not object:
            parts.append(repr(object))
            return
        if type(object) is set:
            parts.append('{')
            end = '}'
        else:
            parts.append(type(object).__name__ + '({')
            end = '})'
            indent += len(type(object).__name__) + 1
        self._items(_sorted(object), parts, indent, allowance + len(end), context)
        parts.append(end)

    def _items(self, items, parts, indent, allowance, context):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            parts.append((self._indent_per_level - 1) * ' ')
        items = list(items)
        newline = ',\n' + ' ' * indent
        separator = ''
        room = full = self._width - indent + 1
        for i, item in enumerate(items):
            last = i == len(items) - 1
            if last:
                full -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(item, context)
                needed = len(rep) + 2
                if room < needed:
                    room = full
                    if separator:
                        separator = newline
                if room >= needed:
                    room -= needed
                    parts.append(separator)
                    separator = ', '
                    parts.append(rep)
                    continue
            parts.append(separator)
            separator = newline
            self._format(item, parts, indent, allowance if last else 1, context)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts).pformat(object)


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts).pprint(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._repr(object, set())


def isreadable(object):
    return True


def isrecursive(object):
    return False
