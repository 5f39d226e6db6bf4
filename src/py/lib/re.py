"""re: regular expressions as CPython's — `compile`, `search`, `match`, `fullmatch`,
`findall`, `finditer`, `sub`, `subn`, `split`, `escape`, with `Pattern` and `Match` objects.
`_compile` and `_search` are natives (the matcher is in Rust); str patterns only."""

# The flags in the order CPython 3.11's RegexFlag defines them (its repr lists them so).
_FLAG_NAMES = [(256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (32, 'UNICODE'),
               (8, 'MULTILINE'), (16, 'DOTALL'), (64, 'VERBOSE'), (1, 'TEMPLATE'), (128, 'DEBUG')]
_ALL_FLAGS = 256 | 2 | 4 | 32 | 8 | 16 | 64 | 1 | 128


class RegexFlag(int):
    __module__ = 're'

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        names = []
        for bit, name in _FLAG_NAMES:
            if value & bit:
                names.append(f're.{name}')
        rest = value & ~_ALL_FLAGS
        if rest:
            names.append(hex(rest))
        return '|'.join(names)

    __str__ = __repr__

    def __format__(self, spec):
        return format(repr(self), spec)

    @property
    def name(self):
        text = repr(self)
        return None if '0x' in text else text.replace('re.', '')

    @property
    def value(self):
        return int(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & (_ALL_FLAGS & ~1 & ~128))


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    __module__ = 're'

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            self.lineno = pattern.count('\n', 0, pos) + 1
            self.colno = pos - pattern.rfind('\n', 0, pos)
            if '\n' in pattern:
                msg = f'{msg} (line {self.lineno}, column {self.colno})'
            else:
                msg = f'{msg} at position {pos}'
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError = error


def _check_text(string):
    if not isinstance(string, str):
        if isinstance(string, bytes):
            raise TypeError('cannot use a string pattern on a bytes-like object')
        raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")


class Pattern:
    __module__ = 're'

    def __init__(self, pattern, flags):
        if isinstance(pattern, bytes):
            raise TypeError('bytes patterns are not supported in the playground')
        if not isinstance(pattern, str):
            raise TypeError('first argument must be string or compiled pattern')
        found = _compile(pattern, flags)
        if isinstance(found[0], str):
            if found[1] < 0:
                raise error(found[0])
            raise error(found[0], pattern, found[1])
        self._number, self.groups, self.groupindex, flags = found
        self.pattern = pattern
        self.flags = flags | 32 if not flags & 256 else flags

    def __repr__(self):
        text = repr(self.pattern)
        shown = int(self.flags) & ~32
        if shown:
            return f're.compile({text}, {RegexFlag(shown)!r})'
        return f're.compile({text})'

    def __eq__(self, other):
        return isinstance(other, Pattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode, not_empty_at=None):
        _check_text(string)
        length = len(string)
        if endpos is None or endpos > length:
            endpos = length
        if pos < 0:
            pos = 0
        spans = _search(self._number, string, pos, endpos, mode, not_empty_at)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        _check_text(string)
        if endpos is None or endpos > len(string):
            endpos = len(string)
        not_empty_at = None
        while pos <= endpos:
            found = self._run(string, pos, endpos, 1, not_empty_at)
            if found is None:
                return
            yield found
            start, end = found.span()
            # After an empty match, the next one may not be empty at the same place.
            not_empty_at = end if start == end else None
            pos = end

    def findall(self, string, pos=0, endpos=None):
        found = []
        for match in self.finditer(string, pos, endpos):
            if self.groups == 0:
                found.append(match.group())
            elif self.groups == 1:
                found.append(match.group(1) or '')
            else:
                found.append(tuple(g or '' for g in match.groups()))
        return found

    def split(self, string, maxsplit=0):
        _check_text(string)
        pieces = []
        last = 0
        count = 0
        for match in self.finditer(string):
            if maxsplit and count >= maxsplit:
                break
            start, end = match.span()
            pieces.append(string[last:start])
            pieces.extend(match.groups())
            last = end
            count += 1
        pieces.append(string[last:])
        return pieces

    def subn(self, repl, string, count=0):
        _check_text(string)
        if callable(repl):
            make = repl
        else:
            if not isinstance(repl, str):
                raise TypeError(f"expected str instance, {type(repl).__name__} found")
            template = _template(self, repl)
            make = lambda match: match._expand(template)
        pieces = []
        last = 0
        done = 0
        for match in self.finditer(string):
            if count and done >= count:
                break
            start, end = match.span()
            pieces.append(string[last:start])
            replacement = make(match)
            if not isinstance(replacement, str):
                raise TypeError(f"expected str instance, {type(replacement).__name__} found")
            pieces.append(replacement)
            last = end
            done += 1
        pieces.append(string[last:])
        return ''.join(pieces), done

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError('Pattern.scanner() is not supported in the playground')


def _template(pattern, repl):
    # The replacement as text and group numbers, in order.
    parts = []
    text = []
    i = 0
    while i < len(repl):
        c = repl[i]
        if c != '\\':
            text.append(c)
            i += 1
            continue
        i += 1
        if i >= len(repl):
            raise error('bad escape (end of pattern)', repl, i - 1)
        c = repl[i]
        if c == 'g':
            end = repl.find('>', i)
            if i + 1 >= len(repl) or repl[i + 1] != '<':
                raise error('missing <', repl, i + 1)
            if end < 0:
                raise error('missing >, unterminated name', repl, i + 2)
            name = repl[i + 2:end]
            if not name:
                raise error('missing group name', repl, i + 2)
            if name.isdigit():
                group = int(name)
                if group > pattern.groups:
                    raise error(f'invalid group reference {group}', repl, i + 2)
            elif name in pattern.groupindex:
                group = pattern.groupindex[name]
            elif name.isidentifier():
                raise IndexError(f"unknown group name '{name}'")
            else:
                raise error(f"bad character in group name '{name}'", repl, i + 2)
            parts.append(''.join(text))
            text = []
            parts.append(group)
            i = end + 1
        elif c == '0' or (len(repl[i:i + 3]) == 3
                          and all(d in '01234567' for d in repl[i:i + 3])):
            # An octal escape: \0 and up to two more digits, or three octal digits.
            j = i + 1
            while j < len(repl) and j < i + 3 and repl[j] in '01234567':
                j += 1
            text.append(chr(int(repl[i:j], 8)))
            i = j
        elif c.isdigit():
            j = i + 1
            if j < len(repl) and repl[j].isdigit():
                j += 1
            group = int(repl[i:j])
            if group > pattern.groups:
                raise error(f'invalid group reference {group}', repl, i)
            parts.append(''.join(text))
            text = []
            parts.append(group)
            i = j
        else:
            escapes = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}
            if c in escapes:
                text.append(escapes[c])
            elif c.isascii() and c.isalpha():
                raise error(f'bad escape \\{c}', repl, i - 1)
            else:
                text.append('\\' + c)
            i += 1
    parts.append(''.join(text))
    return parts


class Match:
    __module__ = 're'

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        self.lastindex = self._last_index()
        self.lastgroup = None
        if self.lastindex is not None:
            for name, number in pattern.groupindex.items():
                if number == self.lastindex:
                    self.lastgroup = name

    def _last_index(self):
        # The group that closed last: of the set groups, the one ending last (the outer one
        # when nested groups end together).
        best = None
        for group in range(1, self.re.groups + 1):
            start, end = self._spans[2 * group], self._spans[2 * group + 1]
            if start < 0:
                continue
            if best is None:
                best = group
                continue
            best_start, best_end = self._spans[2 * best], self._spans[2 * best + 1]
            if end > best_end or (end == best_end and start <= best_start):
                best = group
        return best

    def _index(self, group):
        if isinstance(group, str):
            if group in self.re.groupindex:
                return self.re.groupindex[group]
            raise IndexError('no such group')
        if isinstance(group, bool) or not isinstance(group, int):
            try:
                group = group.__index__()
            except AttributeError:
                raise IndexError('no such group')
        if not 0 <= group <= self.re.groups:
            raise IndexError('no such group')
        return group

    def _group(self, group, default=None):
        index = self._index(group)
        start, end = self._spans[2 * index], self._spans[2 * index + 1]
        if start < 0:
            return default
        return self.string[start:end]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        return tuple(self._group(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(number, default) for name, number in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return (self._spans[2 * index], self._spans[2 * index + 1])

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    def _expand(self, template):
        out = []
        for i, part in enumerate(template):
            if i % 2 == 0:
                out.append(part)
            else:
                out.append(self._group(part) or '')
        return ''.join(out)

    def expand(self, template):
        return self._expand(_template(self.re, template))

    def __bool__(self):
        return True

    def __repr__(self):
        return f'<re.Match object; span={self.span()!r}, match={self.group()!r}>'


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, int(flags))
    found = _cache.get(key)
    if found is None:
        if len(_cache) >= 512:
            _cache.clear()
        found = _cache[key] = Pattern(pattern, int(flags))
    return found


def purge():
    _cache.clear()


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, bytes):
        raise TypeError('bytes patterns are not supported in the playground')
    return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
