"""os.path: POSIX path names as strings. The playground's machine has one directory, the
user's empty home (`os.getcwd()`), and no files: `exists` is true only for it and the
directories above it."""

sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False


def _text(path):
    if hasattr(path, '__fspath__'):
        path = path.__fspath__()
    if not isinstance(path, str):
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(path).__name__}')
    return path


def _parts_error(function, parts):
    for part in parts:
        if not isinstance(part, str) and not hasattr(part, '__fspath__'):
            raise TypeError(f"{function}() argument must be str, bytes, or os.PathLike object, not '{type(part).__name__}'")


def isabs(s):
    return _text(s).startswith(sep)


def join(a, *p):
    a = _text(a)
    _parts_error('join', p)
    path = a
    for b in p:
        b = _text(b)
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    p = _text(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _text(p)
    last_sep = p.rfind(sep)
    dot = p.rfind(extsep)
    if dot > last_sep:
        # Dots that begin the name (`.bashrc`) do not start an extension.
        start = last_sep + 1
        while start < dot:
            if p[start] != extsep:
                return p[:dot], p[dot:]
            start += 1
    return p, ''


def splitdrive(p):
    return '', _text(p)


def basename(p):
    p = _text(p)
    return p[p.rfind(sep) + 1:]


def dirname(p):
    return split(p)[0]


def normpath(path):
    path = _text(path)
    if path == '':
        return curdir
    # POSIX keeps exactly two leading slashes; three or more are one.
    leading = 0
    if path.startswith(sep):
        leading = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    kept = []
    for part in path.split(sep):
        if part in ('', curdir):
            continue
        if part != pardir or (not leading and not kept) or (kept and kept[-1] == pardir):
            kept.append(part)
        elif kept:
            kept.pop()
    path = sep * leading + sep.join(kept)
    return path or curdir


def abspath(path):
    path = _text(path)
    if not isabs(path):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


realpath = abspath


def expanduser(path):
    path = _text(path)
    if not path.startswith('~'):
        return path
    end = path.find(sep, 1)
    if end < 0:
        end = len(path)
    if end != 1:
        # Another user's home: the machine has no such user.
        return path
    import os
    home = os.environ.get('HOME', '/home/user').rstrip(sep)
    return (home + path[end:]) or sep


def expandvars(path):
    path = _text(path)
    if '$' not in path:
        return path
    import os
    out = []
    i = 0
    while i < len(path):
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if path.startswith('${', i):
            end = path.find('}', i + 2)
            if end < 0:
                out.append(path[i:])
                break
            name, after = path[i + 2:end], end + 1
        else:
            end = i + 1
            while end < len(path) and (path[end].isalnum() or path[end] == '_'):
                end += 1
            name, after = path[i + 1:end], end
        if name and name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(path[i:after])
        i = after
    return ''.join(out)


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    path = _text(path)
    start = curdir if start is None else _text(start)
    start_parts = [x for x in abspath(start).split(sep) if x]
    path_parts = [x for x in abspath(path).split(sep) if x]
    common = len(commonprefix([start_parts, path_parts]))
    parts = [pardir] * (len(start_parts) - common) + path_parts[common:]
    if not parts:
        return curdir
    return join(*parts)


def commonprefix(m):
    if not m:
        return ''
    low, high = min(m), max(m)
    for i, c in enumerate(low):
        if c != high[i]:
            return low[:i]
    return low


def commonpath(paths):
    paths = tuple(_text(p) for p in paths)
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    split_paths = [p.split(sep) for p in paths]
    absolute = {p.startswith(sep) for p in paths}
    if len(absolute) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    low, high = min(split_paths), max(split_paths)
    common = low
    for i, c in enumerate(low):
        if c != high[i]:
            common = low[:i]
            break
    return (sep if absolute.pop() else '') + sep.join(common)


def _directories():
    import os
    home = normpath(os.getcwd())
    found = {sep}
    parts = [p for p in home.split(sep) if p]
    for i in range(len(parts)):
        found.add(sep + sep.join(parts[:i + 1]))
    return found


def exists(path):
    return isdir(path)


lexists = exists


def isdir(s):
    try:
        return abspath(s) in _directories()
    except TypeError:
        return False


def isfile(path):
    _text(path)
    return False


def islink(path):
    _text(path)
    return False


def ismount(path):
    return abspath(path) == sep


def _missing(function):
    def query(filename):
        filename = _text(filename)
        if isdir(filename):
            raise RuntimeError(f'os.path.{function}() is not available here: the playground has no files')
        raise FileNotFoundError(2, 'No such file or directory', filename)
    query.__name__ = function
    return query


getsize = _missing('getsize')
getmtime = _missing('getmtime')
getatime = _missing('getatime')
getctime = _missing('getctime')
