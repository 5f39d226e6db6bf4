"""Runs a Python program on CPython's own asyncio event loop, on a virtual clock.

    python3 tests/support/virtual_clock.py PROGRAM.py   (or - for standard input)

The loop is CPython's `SelectorEventLoop`, unchanged but for its clock: `loop.time()` reads a
counter that only the selector moves (by exactly the timeout `_run_once` asks it to wait) and
`time.sleep` moves (by its argument). So a program runs instantly and its output is what an ideal
machine would print: deterministic, and comparable line for line with the playground's
interpreter. `time.time()` is a fixed epoch plus the counter; `time.monotonic()` and
`time.perf_counter()` are the counter.

The loop's callbacks (every `Handle` it runs) are counted, for the playground's time travel to
compare its own count with.

Prints one JSON object per output line, in order: {"t": seconds, "stream": "stdout" | "stderr",
"text": line}. A line's time is that of the write that ended it (a last line without a newline
ends with the program). The exit status is the program's: 0, or 1 after an uncaught exception.

    python3 tests/support/virtual_clock.py --batch < PROGRAMS.json

runs each program of a JSON array of sources, each from time 0 in a fresh fork of the process,
and prints one JSON object per program: {"lines": [...], "status": 0 | 1, "end": seconds,
"callbacks": how many callbacks the loop ran}.
"""
import ast
import collections
import datetime
import asyncio
import gc
import io
import json
import os
import selectors
import sys
import time
import traceback

# 2026-01-05 09:00:00 UTC: a fixed start, so that `time.time()` differences are exact.
EPOCH = 1767603600.0
now = 0.0
callbacks = 0


def advance(seconds):
    global now
    if seconds > 0:
        now += seconds


class EpollSelector(selectors.DefaultSelector):
    """The selector CPython's loop picks on Linux, its name as asyncio logs it ("Using selector:
    EpollSelector" at DEBUG), waiting on the virtual clock."""

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("the event loop would wait forever: nothing is ready and no timer is set")
        advance(timeout)
        return super().select(0)


class CountedReady(collections.deque):
    """The loop's ready queue, counting each handle `_run_once` takes out to run (a cancelled
    one it skips is not counted). Counting here adds no frame under the callbacks, whose
    recursion limit stays the program's own."""

    def popleft(self):
        global callbacks
        handle = super().popleft()
        if not handle._cancelled:
            callbacks += 1
        return handle


class VirtualClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(EpollSelector())
        self._ready = CountedReady(self._ready)

    def time(self):
        return now


class VirtualClockPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualClockLoop()


class Recorder(io.TextIOBase):
    """A text stream that timestamps each line when it is completed."""

    def __init__(self, stream, lines):
        self.stream = stream
        self.lines = lines
        self.partial = ""

    @property
    def name(self):
        # As `sys.stdout.name` / `sys.stderr.name` read in a program run directly.
        return f"<{self.stream}>"

    def writable(self):
        return True

    def write(self, text):
        parts = (self.partial + text).split("\n")
        self.partial = parts.pop()
        for part in parts:
            self.lines.append({"t": now, "stream": self.stream, "text": part})
        return len(text)

    def close_line(self):
        if self.partial:
            self.lines.append({"t": now, "stream": self.stream, "text": self.partial})
            self.partial = ""


def install_virtual_time():
    time.sleep = advance
    time.time = lambda: EPOCH + now
    time.monotonic = lambda: now
    time.perf_counter = lambda: now
    real_localtime = time.localtime
    time.localtime = lambda seconds=None: real_localtime(EPOCH + now if seconds is None else seconds)
    real_strftime = time.strftime
    time.strftime = lambda fmt, t=None: real_strftime(fmt, time.localtime() if t is None else t)
    real_gmtime = time.gmtime
    time.gmtime = lambda seconds=None: real_gmtime(EPOCH + now if seconds is None else seconds)
    real_ctime = time.ctime
    time.ctime = lambda seconds=None: real_ctime(EPOCH + now if seconds is None else seconds)
    install_virtual_dates()


def install_virtual_dates():
    """`datetime.datetime.now()`, `today()`, `utcnow()` and `datetime.date.today()` on the
    virtual clock. The classes are subclasses standing in for CPython's (under their names);
    what they make and return are CPython's own datetimes and dates."""
    real_datetime, real_date = datetime.datetime, datetime.date

    class VirtualDatetime(real_datetime):
        def __new__(cls, *args, **kwargs):
            return real_datetime(*args, **kwargs)

        @classmethod
        def now(cls, tz=None):
            return real_datetime.fromtimestamp(time.time(), tz)

        @classmethod
        def today(cls):
            return real_datetime.fromtimestamp(time.time())

        @classmethod
        def utcnow(cls):
            return real_datetime.fromtimestamp(time.time(), datetime.timezone.utc).replace(tzinfo=None)

    class VirtualDate(real_date):
        def __new__(cls, *args, **kwargs):
            return real_date(*args, **kwargs)

        @classmethod
        def today(cls):
            return real_date.fromtimestamp(time.time())

    for virtual, real in [(VirtualDatetime, real_datetime), (VirtualDate, real_date)]:
        virtual.__name__, virtual.__qualname__, virtual.__module__ = real.__name__, real.__qualname__, "datetime"
    datetime.datetime, datetime.date = VirtualDatetime, VirtualDate
    asyncio.set_event_loop_policy(VirtualClockPolicy())


def run_program(source, filename):
    """Runs one program from time 0: its lines, exit status and end time."""
    global now, callbacks
    now = 0.0
    callbacks = 0
    asyncio.set_event_loop_policy(VirtualClockPolicy())
    lines = []
    out, err = Recorder("stdout", lines), Recorder("stderr", lines)
    saved = sys.stdout, sys.stderr, sys.argv
    sys.stdout, sys.stderr = out, err
    # `sys.argv` as `python3 PROGRAM.py` (or `python3 -`) gives it.
    sys.argv = ["-" if filename == "<stdin>" else filename]
    status = 0
    # The program's module frame is at depth 1 when run as `python3 PROGRAM.py`: this harness's
    # frames below it, and the `eval` that runs it, are not counted against its recursion limit.
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    saved_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(saved_limit + depth + 1)
    try:
        code = compile(source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": __builtins__}
        result = eval(code, namespace)
        if asyncio.iscoroutine(result):
            # A notebook cell with a top-level `await`: it runs on an event loop of its own.
            asyncio.new_event_loop().run_until_complete(result)
    except SystemExit as exit:
        status = exit.code if isinstance(exit.code, int) else 1
    except BaseException as error:
        # The traceback as `python3 PROGRAM.py` prints it: without this file's own frame.
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        status = 1
    finally:
        sys.setrecursionlimit(saved_limit)
        # Tasks whose exception nobody retrieved say so when they are collected: here, at the
        # program's end, not during the next program of a batch.
        gc.collect()
        out.close_line()
        err.close_line()
        sys.stdout, sys.stderr, sys.argv = saved
    return {"lines": lines, "status": status, "end": now, "callbacks": callbacks}


def main():
    install_virtual_time()
    if sys.argv[1] == "--batch":
        # A JSON array of programs on standard input; one JSON result per line. Each program
        # runs in a fresh fork of this process, so that nothing one leaves behind (asyncio's
        # task counter, objects collected later) reaches the next.
        for source in json.load(sys.stdin):
            reader, writer = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(reader)
                result = json.dumps(run_program(source, "<program>"), ensure_ascii=False)
                with os.fdopen(writer, "w", encoding="utf-8") as out:
                    out.write(result)
                os._exit(0)
            os.close(writer)
            with os.fdopen(reader, encoding="utf-8") as pipe:
                result = pipe.read()
            os.waitpid(pid, 0)
            print(result, flush=True)
        return
    path = sys.argv[1]
    source = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    result = run_program(source, "<stdin>" if path == "-" else path)
    for line in result["lines"]:
        print(json.dumps(line, ensure_ascii=False))
    sys.exit(result["status"])


main()
