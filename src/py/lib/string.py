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

    def _render(self, values, safe):
        text, out, i = self.template, [], 0
        while i < len(text):
            ch = text[i]
            if ch != '$':
                out.append(ch)
                i += 1
                continue
            if text.startswith('$$', i):
                out.append('$')
                i += 2
                continue
            braced = text.startswith('${', i)
            start = i + 2 if braced else i + 1
            end = start
            while end < len(text) and (text[end].isalnum() or text[end] == '_') and text[end].isascii():
                end += 1
            name = text[start:end]
            if not name or name[0].isdigit() or (braced and not text.startswith('}', end)):
                if safe:
                    out.append('$')
                    i += 1
                    continue
                line = text.count('\n', 0, i) + 1
                column = i - text.rfind('\n', 0, i)
                raise ValueError(f'Invalid placeholder in string: line {line}, col {column}')
            stop = end + 1 if braced else end
            if name in values:
                out.append(str(values[name]))
            elif safe:
                out.append(text[i:stop])
            else:
                raise KeyError(name)
            i = stop
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {}, **kws)
        return self._render(values, False)

    def safe_substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {}, **kws)
        return self._render(values, True)
