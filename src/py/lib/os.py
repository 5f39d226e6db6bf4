"""os: the operating system as the playground's machine has it — a user (`HOME`), an empty
home directory that is the current one, environment variables, and no files, processes or
threads: what would touch a file or start a process says so."""

import posixpath as path

name = 'posix'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = '\n'

_HOME = '/home/user'
_cwd = _HOME


class _Environ:
    # A mapping of its own (importing collections.abc for one class would double the
    # import's cost).
    def __init__(self, data):
        self._data = data

    def __contains__(self, key):
        return key in self._data

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def update(self, other=(), **more):
        for key, value in dict(other, **more).items():
            self[key] = value

    def clear(self):
        self._data.clear()

    def __eq__(self, other):
        return isinstance(other, _Environ) and self._data == other._data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        for item in (key, value):
            if not isinstance(item, str):
                raise TypeError(f'str expected, not {type(item).__name__}')
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return f'environ({self._data!r})'

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]


environ = _Environ({
    'HOME': _HOME,
    'LANG': 'C.UTF-8',
    'LOGNAME': 'user',
    'PATH': '/usr/local/bin:/usr/bin:/bin',
    'PWD': _HOME,
    'SHELL': '/bin/sh',
    'USER': 'user',
})


def getenv(key, default=None):
    if not isinstance(key, str):
        raise TypeError(f'str expected, not {type(key).__name__}')
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def getcwd():
    return _cwd


def chdir(target):
    global _cwd
    if not path.isdir(target):
        raise FileNotFoundError(2, 'No such file or directory', target)
    _cwd = path.abspath(target)


def getpid():
    return 42


def getppid():
    return 1


def cpu_count():
    return 4


def getlogin():
    return 'user'


def fspath(p):
    if isinstance(p, str):
        return p
    if hasattr(p, '__fspath__'):
        return p.__fspath__()
    raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')


class PathLike:
    pass


_MESSAGES = {
    1: 'Operation not permitted',
    2: 'No such file or directory',
    3: 'No such process',
    4: 'Interrupted system call',
    5: 'Input/output error',
    9: 'Bad file descriptor',
    11: 'Resource temporarily unavailable',
    12: 'Cannot allocate memory',
    13: 'Permission denied',
    17: 'File exists',
    20: 'Not a directory',
    21: 'Is a directory',
    22: 'Invalid argument',
    28: 'No space left on device',
    32: 'Broken pipe',
    104: 'Connection reset by peer',
    110: 'Connection timed out',
    111: 'Connection refused',
}


def strerror(code):
    return _MESSAGES.get(code, f'Unknown error {code}')


def listdir(target='.'):
    if path.isdir(target):
        # Only the home directory's ancestors exist, each holding the next one.
        here = path.abspath(target)
        below = [d for d in path._directories() if path.dirname(d) == here and d != here]
        return [path.basename(d) for d in below]
    raise FileNotFoundError(2, 'No such file or directory', target)


def _refused(function, why):
    def refused(*args, **kwargs):
        raise RuntimeError(f'os.{function}() is not available here: {why}')
    refused.__name__ = refused.__qualname__ = function
    return refused


_NO_FILES = 'the playground has no files (keep the data in variables)'
_ONE_THREAD = 'the playground runs one program in one thread (use tasks: asyncio.create_task)'

for _name in ('open', 'remove', 'unlink', 'rmdir', 'removedirs', 'mkdir', 'makedirs', 'rename',
              'renames', 'replace', 'stat', 'lstat', 'scandir', 'walk', 'chmod', 'utime', 'link',
              'symlink', 'readlink', 'truncate', 'read', 'write', 'close'):
    globals()[_name] = _refused(_name, _NO_FILES)
for _name in ('system', 'popen', 'fork', 'kill', 'execv', 'execvp', 'spawnl', 'wait', 'waitpid',
              'startfile', 'abort', '_exit'):
    globals()[_name] = _refused(_name, _ONE_THREAD)


_random_source = None


def urandom(size):
    # Random bytes of a generator of their own: a program's seeded `random` is not disturbed.
    global _random_source
    if _random_source is None:
        import random
        _random_source = random.Random()
    if size < 0:
        raise ValueError('negative argument not allowed')
    return _random_source.randbytes(size)


del _name
