"""The parts of `traceback` that print or format an exception, as CPython prints an uncaught
one. `_text`, `_exception_only` and `_frames_text` are natives; an old `(type, value, tb)` call is
read from its value."""
import sys


def _chunks(text):
    # One string per frame ("  File ..." with its source line), as CPython's lists hold them.
    chunks = []
    for line in text.splitlines(True):
        if chunks and line.startswith('    ') and chunks[-1].startswith('  File '):
            chunks[-1] += line
        else:
            chunks.append(line)
    return chunks


def _value(exc, value):
    return exc if value is None and isinstance(exc, BaseException) else value


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    value = _value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _chunks(_text(value))


def format_exception_only(exc, value=None):
    value = _value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _exception_only(value)


def format_tb(tb, limit=None):
    return _chunks(_frames_text(tb)) if tb is not None else []


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    file.write(''.join(format_tb(tb)))


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    file.write(''.join(format_exception(exc, value)))


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception()))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), file=file)
