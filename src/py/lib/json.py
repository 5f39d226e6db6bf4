# json, written for the playground: dumps/loads (and dump/load on a stream) with CPython 3.11's
# output, spacing and error messages.

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError', 'JSONEncoder', 'JSONDecoder']


class JSONDecodeError(ValueError):
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
                  '\b': '\\b', '\f': '\\f'}


def _quote(text, ascii_only):
    parts = ['"']
    for ch in text:
        code = ord(ch)
        if ch in _SHORT_ESCAPES:
            parts.append(_SHORT_ESCAPES[ch])
        elif code < 0x20 or (ascii_only and code > 0x7e):
            if code > 0xffff:
                code -= 0x10000
                parts.append('\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff)))
            else:
                parts.append('\\u%04x' % code)
        else:
            parts.append(ch)
    parts.append('"')
    return ''.join(parts)


def _float_text(value, allow_nan):
    if value != value:
        text = 'NaN'
    elif value == float('inf'):
        text = 'Infinity'
    elif value == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(value)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        parts = []
        self._encode(o, parts, indent, 0, {} if self.check_circular else None)
        return parts

    def _key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')

    def _encode(self, o, parts, indent, depth, markers):
        if o is None:
            parts.append('null')
        elif o is True:
            parts.append('true')
        elif o is False:
            parts.append('false')
        elif isinstance(o, str):
            parts.append(_quote(o, self.ensure_ascii))
        elif isinstance(o, int):
            parts.append(int.__repr__(o))
        elif isinstance(o, float):
            parts.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple, dict)):
            if markers is not None:
                if id(o) in markers:
                    raise ValueError("Circular reference detected")
                markers[id(o)] = o
            if isinstance(o, dict):
                self._encode_dict(o, parts, indent, depth, markers)
            else:
                self._encode_list(o, parts, indent, depth, markers)
            if markers is not None:
                del markers[id(o)]
        else:
            if markers is not None:
                if id(o) in markers:
                    raise ValueError("Circular reference detected")
                markers[id(o)] = o
            self._encode(self.default(o), parts, indent, depth, markers)
            if markers is not None:
                del markers[id(o)]

    def _open(self, parts, bracket, indent, depth):
        parts.append(bracket)
        if indent is None:
            return self.item_separator
        inner = '\n' + indent * (depth + 1)
        parts.append(inner)
        return self.item_separator + inner

    def _close(self, parts, bracket, indent, depth):
        if indent is not None:
            parts.append('\n' + indent * depth)
        parts.append(bracket)

    def _encode_list(self, items, parts, indent, depth, markers):
        if not items:
            parts.append('[]')
            return
        separator = self._open(parts, '[', indent, depth)
        for i, item in enumerate(items):
            if i:
                parts.append(separator)
            self._encode(item, parts, indent, depth + 1, markers)
        self._close(parts, ']', indent, depth)

    def _encode_dict(self, dct, parts, indent, depth, markers):
        if not dct:
            parts.append('{}')
            return
        separator = self._open(parts, '{', indent, depth)
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key_text(key)
            if key is None:
                continue
            if not first:
                parts.append(separator)
            first = False
            parts.append(_quote(key, self.ensure_ascii))
            parts.append(self.key_separator)
            self._encode(value, parts, indent, depth + 1, markers)
        self._close(parts, '}', indent, depth)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ----- decoding -----------------------------------------------------------------------------

_WHITESPACE = ' \t\n\r'
_ESCAPED = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}


class _Stop(Exception):
    """No value starts at this position."""

    def __init__(self, pos):
        Exception.__init__(self)
        self.pos = pos


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.get
        self.strict = strict

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except _Stop as stop:
            raise JSONDecodeError("Expecting value", s, stop.pos) from None

    def _value(self, s, i):
        if i >= len(s):
            raise _Stop(i)
        ch = s[i]
        if ch == '"':
            return self._string(s, i + 1)
        if ch == '{':
            return self._object(s, i + 1)
        if ch == '[':
            return self._array(s, i + 1)
        if ch == 'n' and s.startswith('null', i):
            return None, i + 4
        if ch == 't' and s.startswith('true', i):
            return True, i + 4
        if ch == 'f' and s.startswith('false', i):
            return False, i + 5
        number = self._number(s, i)
        if number is not None:
            return number
        for name in ('NaN', 'Infinity', '-Infinity'):
            if s.startswith(name, i):
                return self.parse_constant(name), i + len(name)
        raise _Stop(i)

    def _number(self, s, i):
        start = i
        if i < len(s) and s[i] == '-':
            i += 1
        if i < len(s) and s[i] == '0':
            i += 1
        elif i < len(s) and '1' <= s[i] <= '9':
            while i < len(s) and s[i].isdigit() and s[i].isascii():
                i += 1
        else:
            return None
        integer_end = i
        if i + 1 < len(s) and s[i] == '.' and '0' <= s[i + 1] <= '9':
            i += 2
            while i < len(s) and '0' <= s[i] <= '9':
                i += 1
        if i < len(s) and s[i] in 'eE':
            j = i + 1
            if j < len(s) and s[j] in '+-':
                j += 1
            if j < len(s) and '0' <= s[j] <= '9':
                while j < len(s) and '0' <= s[j] <= '9':
                    j += 1
                i = j
        if i == integer_end:
            return self.parse_int(s[start:i]), i
        return self.parse_float(s[start:i]), i

    def _string(self, s, i):
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < len(s) and s[j] not in '"\\' and (s[j] >= ' ' or not self.strict):
                j += 1
            chunks.append(s[i:j])
            if j >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            ch = s[j]
            if ch == '"':
                return ''.join(chunks), j + 1
            if ch != '\\':
                raise JSONDecodeError("Invalid control character at", s, j)
            if j + 1 >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            kind = s[j + 1]
            if kind != 'u':
                if kind not in _ESCAPED:
                    raise JSONDecodeError("Invalid \\escape", s, j)
                chunks.append(_ESCAPED[kind])
                i = j + 2
                continue
            code = self._hex4(s, j + 1)
            i = j + 6
            if 0xd800 <= code <= 0xdbff and s[i:i + 2] == '\\u':
                low = self._hex4(s, i + 1)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    i += 6
            chunks.append(chr(code))

    def _hex4(self, s, pos):
        digits = s[pos + 1:pos + 5]
        if len(digits) == 4 and all(d in _HEX for d in digits):
            return int(digits, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)

    def _object(self, s, i):
        pairs = []
        i = _skip(s, i)
        if i < len(s) and s[i] == '}':
            return self._finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            key, i = self._string(s, i + 1)
            i = _skip(s, i)
            if i >= len(s) or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = _skip(s, i + 1)
            try:
                value, i = self._value(s, i)
            except _Stop as stop:
                raise JSONDecodeError("Expecting value", s, stop.pos) from None
            pairs.append((key, value))
            i = _skip(s, i)
            if i < len(s) and s[i] == '}':
                return self._finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def _array(self, s, i):
        values = []
        i = _skip(s, i)
        if i < len(s) and s[i] == ']':
            return values, i + 1
        while True:
            try:
                value, i = self._value(s, i)
            except _Stop as stop:
                raise JSONDecodeError("Expecting value", s, stop.pos) from None
            values.append(value)
            i = _skip(s, i)
            if i < len(s) and s[i] == ']':
                return values, i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1)


def _skip(s, i):
    while i < len(s) and s[i] in _WHITESPACE:
        i += 1
    return i


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, bytes):
        s = s.decode()
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if s.startswith('\ufeff'):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
