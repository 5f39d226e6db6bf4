"""io: `StringIO`, a text stream kept in memory (the playground has no files), for
`print(..., file=buffer)` and code written against a stream."""


class StringIO:
    __module__ = '_io'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._text = initial_value
        self._position = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        text, at = self._text, self._position
        if at > len(text):
            text += '\0' * (at - len(text))
        self._text = text[:at] + s + text[at + len(s):]
        self._position = at + len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check_open()
        return self._text

    def read(self, size=-1):
        self._check_open()
        start = min(self._position, len(self._text))
        end = len(self._text) if size is None or size < 0 else min(start + size, len(self._text))
        self._position = max(self._position, end)
        return self._text[start:end]

    def readline(self, size=-1):
        self._check_open()
        start = min(self._position, len(self._text))
        newline = self._text.find('\n', start)
        end = len(self._text) if newline < 0 else newline + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._position = max(self._position, end)
        return self._text[start:end]

    def readlines(self, hint=-1):
        return list(self)

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._position = pos
        elif whence in (1, 2):
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            if whence == 2:
                self._position = len(self._text)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._position

    def tell(self):
        self._check_open()
        return self._position

    def truncate(self, size=None):
        self._check_open()
        size = self._position if size is None else size
        self._text = self._text[:size]
        return size

    def flush(self):
        self._check_open()

    def close(self):
        self.closed = True

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc_info):
        self.close()
