# Request ids through contextvars into log records by a logging.Filter, one logger below INFO.
import asyncio
import contextvars
import logging
import sys

request_id = contextvars.ContextVar("request_id", default="-")

class ContextFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True

logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                    format="%(levelname)-7s [%(request_id)s] %(name)s: %(message)s")
log = logging.getLogger("server")
log.addFilter(ContextFilter())
log.setLevel(logging.DEBUG)

async def handle(rid, delay):
    request_id.set(rid)
    log.info("start (delay=%.2f)", delay)
    await asyncio.sleep(delay)
    if delay > 0.25:
        log.warning("slow request")
    try:
        if rid.endswith("3"):
            raise LookupError(rid)
    except LookupError:
        log.error("failed: %s", rid)
        return None
    log.debug("done")
    return rid.upper()

async def main():
    results = await asyncio.gather(*(handle(f"req{i}", 0.1 * i) for i in range(1, 5)))
    log.info("results: %s", results)
    print(request_id.get())

asyncio.run(main())
