# Tasks that log instead of printing, as tutorials often write them: logging.basicConfig with a
# format showing the time (the program's clock), level, logger, function and line; a failure
# logged with its traceback (exc_info=True); asyncio's own messages through the same handler
# (the selector at DEBUG, a task whose exception nobody retrieved at ERROR).
import asyncio
import logging
import random

logging.basicConfig(
    level=logging.DEBUG,
    format="%(asctime)s.%(msecs)03d %(levelname)-8s %(threadName)s [%(name)s] "
           "%(module)s.%(funcName)s:%(lineno)d %(message)s",
    datefmt="%H:%M:%S",
)
log = logging.getLogger("crawler")


async def crawl(url, delay):
    log.debug("start %s", url)
    await asyncio.sleep(delay)
    if "bad" in url:
        raise ConnectionError(url)
    log.info("%s done in %.2fs", url, delay)
    return len(url)


async def forgotten():
    raise KeyError("nobody awaits me")


async def main():
    random.seed(3)
    urls = [f"https://site{i}.example/{'bad' if i == 2 else 'ok'}" for i in range(4)]
    tasks = [asyncio.create_task(crawl(u, random.uniform(0.1, 0.9))) for u in urls]
    for next_done in asyncio.as_completed(tasks):
        try:
            log.warning("result %s", await next_done)
        except ConnectionError as e:
            log.error("could not reach %s", e, exc_info=True)
    asyncio.create_task(forgotten())
    await asyncio.sleep(0.1)
    asyncio.get_running_loop().call_soon(lambda: 1 / 0)
    await asyncio.sleep(0.1)
    logging.getLogger().handlers[0].setFormatter(logging.Formatter())
    log.critical("plain %d%%", 100)
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    asyncio.create_task(forgotten())
    await asyncio.sleep(0.1)
    log.info("asyncio's errors silenced")


asyncio.run(main())
