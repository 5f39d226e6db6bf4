# The logging module itself: the last-resort handler before any configuration (and the
# basicConfig it implies, which makes a later one do nothing), loggers by dotted name and their
# levels, handlers and formatters of both styles, extra fields, adapters, logging.disable, log
# records; traceback and sys.exc_info for an exception being handled.
import asyncio
import logging
import sys
import traceback

logging.warning("before any config: %s", "last resort")
log = logging.getLogger(__name__)
child = logging.getLogger("app.db")
parent = logging.getLogger("app")
print(log, child, parent, child.parent is parent, logging.getLogger() is logging.root)
logging.basicConfig(
    level=logging.DEBUG,
    format="%(asctime)s %(levelname)-8s [%(name)s] %(funcName)s:%(lineno)d %(message)s",
)
print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(25))
print(logging.root.handlers, logging.root)


async def fetch(n):
    log.debug("fetching %d", n)
    await asyncio.sleep(n / 10)
    if n == 3:
        raise ValueError(f"item {n} is broken")
    child.info("fetched %(n)s", {"n": n})
    return n


async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(5)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            log.error("failed: %r", r)
    try:
        await fetch(3)
    except ValueError:
        log.exception("fetch(3) went wrong")
        print(traceback.format_exc().splitlines()[-1])
        print(sys.exc_info()[0].__name__, repr(sys.exception()))
    parent.setLevel(logging.WARNING)
    child.info("hidden")
    child.warning("shown %s %s", 1, 2)
    print(child.getEffectiveLevel(), child.isEnabledFor(logging.INFO))
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
    child.addHandler(h)
    child.propagate = False
    child.error("only to stdout")
    print(h, repr(h))
    logging.getLogger("app.db.pool").critical("deep %s", "x", extra={"user": "ann"})
    adapter = logging.LoggerAdapter(parent, {"id": 7})
    adapter.warning("adapted")
    logging.disable(logging.ERROR)
    parent.error("disabled")
    parent.critical("still there")
    logging.disable(logging.NOTSET)
    fmt = logging.Formatter("%(asctime)s|%(msecs)03d|%(module)s|%(filename)s", datefmt="%H:%M:%S")
    rec = logging.LogRecord("n", logging.INFO, "/x/y/z.py", 3, "m %s", ("a",), None)
    print(fmt.format(rec), rec.getMessage(), rec)
    try:
        logging.getLogger().setLevel("LOUD")
    except ValueError as e:
        print(e)
    try:
        1 / 0
    except ZeroDivisionError as e:
        traceback.print_exc()
        print(traceback.format_exception_only(e))
        print(traceback.format_exception(e)[-1], end="")
    print(traceback.format_exc())


asyncio.run(main())
logging.info("done at %.1f", 1.25)
