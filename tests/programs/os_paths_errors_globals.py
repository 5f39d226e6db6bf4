# Scripts as tutorials write them: settings from the environment, paths built with os.path,
# OSError and its subclasses made from error numbers, and handlers registered through globals().
import asyncio
import os
import os.path
from os.path import join, splitext


def setting(name, default):
    raw = os.getenv(name, default)
    return int(raw) if raw.isdigit() else raw


print(os.name, os.sep, repr(os.linesep), os.pathsep, os.curdir, os.pardir, os.path.__name__)
print(setting("PLAYGROUND_UNSET_WORKERS", "3"), setting("PLAYGROUND_UNSET_MODE", "fast"))
os.environ["PLAYGROUND_MODE"] = "debug"
print(os.environ["PLAYGROUND_MODE"], os.getenv("PLAYGROUND_MODE"), "PLAYGROUND_MODE" in os.environ)
print(os.environ.setdefault("PLAYGROUND_MODE", "other"), os.environ.pop("PLAYGROUND_MODE"))
print(os.environ.get("PLAYGROUND_MODE"), isinstance(os.environ.copy(), dict))
for bad in [("PLAYGROUND_N", 1), (2, "x")]:
    try:
        os.environ[bad[0]] = bad[1]
    except TypeError as e:
        print("TypeError:", e)
try:
    os.environ["PLAYGROUND_UNSET"]
except KeyError as e:
    print("KeyError:", e)

for case in ["", "/", "//", "///a//b/", "a/b/../c", "../x", "/../x", "./a/./b/.", "a/b/", "/a/b/c/../../d"]:
    print(repr(case), os.path.normpath(case), os.path.split(case), repr(os.path.basename(case)), os.path.isabs(case))
for case in ["a.txt", "a.tar.gz", ".bashrc", "..x", "a/.b.c", "a.b/c", "dir/", "x.", "...", "a/..b"]:
    print(repr(case), os.path.splitext(case), os.path.dirname(case))
print(join("a", "b", "c.txt"), join("/a", "/b", "c"), join("a/", "b"), join("", "x"), join("a", ""), join("a"))
for bad in [("a", 1), (1,), ("a", None)]:
    try:
        join(*bad)
    except TypeError as e:
        print("TypeError:", e)
print(os.path.commonprefix(["interstellar", "internet", "interval"]), repr(os.path.commonprefix([])))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib"]), os.path.commonpath(["a/./b", "a/b/c"]))
for bad in [[], ["/a", "b"]]:
    try:
        os.path.commonpath(bad)
    except ValueError as e:
        print("ValueError:", e)
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"), os.path.relpath("/a/b", "/a/b/c/d"))
print(os.path.splitdrive("/x/y"), os.path.expanduser("~nobody_here/x"), os.path.expandvars("$PLAYGROUND_UNSET/${PLAYGROUND_UNSET}/x$"))
print(os.strerror(2), os.strerror(13), os.fspath("x/y"), os.path.isfile("playground_missing.csv"))
try:
    os.path.getsize("playground_missing.bin")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)

# OSError(errno, strerror) is the subclass of that number; its str shows the number and file.
for args in [(2, "No such file or directory", "data.csv"), (13, "Permission denied"), (17, "File exists", "out", None, "out2"),
             (110, "Connection timed out"), (99, "Odd"), ("text",), (None, None), (1, 2, 3, 4, 5, 6)]:
    error = OSError(*args)
    print(type(error).__name__, repr(error), str(error), error.args, error.errno, error.filename, error.filename2)


class ConfigMissing(FileNotFoundError):
    def __init__(self, name):
        super().__init__(2, "No such file or directory", name)
        self.name = name


try:
    raise ConfigMissing("settings.toml")
except OSError as e:
    print(type(e).__name__, e, e.args, isinstance(e, FileNotFoundError), e.name)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(FileExistsError, OSError), TabError.__base__.__name__)
print(ConnectionAbortedError.__mro__[1].__name__, IsADirectoryError.__base__, ResourceWarning.__base__, object.__base__)

# Handlers found by name, registered through globals() (as plugin-style tutorials do).
def handle_csv(name):
    return f"table {name}"


def handle_txt(name):
    return f"text {name}"


for ext in ("json", "yaml"):
    globals()[f"handle_{ext}"] = lambda name, ext=ext: f"{ext} document {name}"
namespace = globals()
namespace.update(DEFAULT_HANDLER=handle_txt)


async def process(name, delay):
    await asyncio.sleep(delay)
    base, ext = splitext(name)
    handler = globals().get(f"handle_{ext[1:]}", DEFAULT_HANDLER)
    target = join("out", base.upper() + ext)
    print(f"{name:>12} -> {target:<18} {handler(name)}")
    return target


async def main():
    names = ["sales.csv", "notes.txt", "config.json", "app.yaml", "README"]
    done = await asyncio.gather(*(process(n, 0.1 * (len(names) - i)) for i, n in enumerate(names)))
    print(done)
    counter = 0
    namespace["counter"] = 5
    print(counter, namespace["counter"], "process" in namespace)
    del namespace["DEFAULT_HANDLER"]
    print("DEFAULT_HANDLER" in globals())
    raise OSError(13, "Permission denied", "/etc/playground")


asyncio.run(main())
