ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = '0123456789abcdefABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
whitespace = ' \t\n\r\x0b\x0c'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


class Template:
    """`$name` and `${name}` replaced from a mapping or keywords (`$$` is a dollar)."""
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _pieces(self):
        """The template in order: (text, None) for plain text, and (placeholder, name) for
        each `$name`/`${name}`, name None where a `$` starts no valid one."""
        text, i, plain = self.template, 0, 0
        while i < len(text):
            if text[i] != '$':
                i += 1
                continue
            if plain < i:
                yield text[plain:i], None
            if text.startswith('$$', i):
                yield '$', None
                i = plain = i + 2
                continue
            braced = text.startswith('${', i)
            start = i + 2 if braced else i + 1
            end = start
            while end < len(text) and (text[end].isalnum() or text[end] == '_') and text[end].isascii():
                end += 1
            name = text[start:end]
            if not name or name[0].isdigit() or (braced and not text.startswith('}', end)):
                yield i, None
                i = plain = i + 1
                continue
            stop = end + 1 if braced else end
            yield text[i:stop], name
            i = plain = stop
        if plain < len(text):
            yield text[plain:], None

    def _render(self, values, safe):
        text, out = self.template, []
        for piece, name in self._pieces():
            if isinstance(piece, int):
                if safe:
                    out.append('$')
                    continue
                line = text.count('\n', 0, piece) + 1
                column = piece - text.rfind('\n', 0, piece)
                raise ValueError(f'Invalid placeholder in string: line {line}, col {column}')
            if name is None:
                out.append(piece)
            elif name in values:
                out.append(str(values[name]))
            elif safe:
                out.append(piece)
            else:
                raise KeyError(name)
        return ''.join(out)

    def is_valid(self):
        return not any(isinstance(piece, int) for piece, name in self._pieces())

    def get_identifiers(self):
        names = []
        for piece, name in self._pieces():
            if name is not None and name not in names:
                names.append(name)
        return names

    def substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {}, **kws)
        return self._render(values, False)

    def safe_substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {}, **kws)
        return self._render(values, True)
