# A batch of jobs run by a TaskGroup: failures carry notes, the report is written to an
# in-memory stream, and the group's traceback is re-raised through except*.
import asyncio
import contextlib
import io
import sys
import traceback


class JobError(Exception):
    pass


async def job(name, delay, fails=False):
    await asyncio.sleep(delay)
    if fails:
        error = JobError(f"{name} failed")
        error.add_note(f"job {name!r} ran for {delay}s")
        error.add_note("retry later\nor skip it")
        raise error
    return name.upper()


def describe(exc):
    tb = exc.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    return lines


async def run_batch(report):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("fetch", 0.1))
            tg.create_task(job("parse", 0.2, fails=True))
            tg.create_task(job("store", 0.5))
    except* JobError as group:
        for exc in group.exceptions:
            print("caught:", exc, exc.__notes__, file=report)
            print("frames:", describe(exc), file=report)
            print("".join(traceback.format_exception_only(exc)), end="", file=report)
        group.add_note("seen by run_batch")
        raise


def inner():
    raise KeyError("missing")


def outer():
    try:
        inner()
    except KeyError as e:
        raise RuntimeError("wrapped").with_traceback(e.__traceback__) from None


async def main():
    report = io.StringIO()
    try:
        await run_batch(report)
    except ExceptionGroup as eg:
        print("group:", eg, [str(e) for e in eg.exceptions])
        print("notes kept by split:", eg.split(JobError)[0].exceptions[0].__notes__)
        print("traceback of the group:", type(eg.__traceback__).__name__)
    print(report.getvalue(), end="")
    try:
        outer()
    except RuntimeError as e:
        t, v, tb = sys.exc_info()
        print(t.__name__, v, describe(e))
        print("".join(traceback.format_tb(tb)).count("File"))
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        print("this goes to the buffer")
        await asyncio.sleep(0.1)
        print("and this too")
    print(captured.getvalue().splitlines())
    for wrong in (asyncio.Lock(), asyncio.Lock):
        try:
            with wrong:
                pass
        except TypeError as e:
            print("TypeError:", e)
    try:
        async with asyncio.Lock:
            pass
    except TypeError as e:
        print("TypeError:", e)

    class HalfManager:
        def __enter__(self):
            return self

    try:
        with HalfManager():
            pass
    except TypeError as e:
        print("TypeError:", e)
    odd = KeyError("odd notes")
    for notes in ("ab", ("x", 3), 5):
        odd.__notes__ = notes
        print(traceback.format_exception_only(odd))
    error = ValueError("last one")
    error.add_note("this note prints under the traceback")
    raise error


asyncio.run(main())
