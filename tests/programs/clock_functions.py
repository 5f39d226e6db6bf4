import asyncio
import time


async def stamp(label, delay):
    await asyncio.sleep(delay)
    print(time.strftime("%X"), label, time.strftime("%H:%M:%S"), round(time.monotonic() - t0, 3))


async def main():
    print(time.strftime("%Y-%m-%d %A %B %j %p %y %b %a %%"))
    await asyncio.gather(stamp("one", 1), stamp("two", 2.5), stamp("three", 61))
    lt = time.localtime()
    print(lt.tm_year, lt.tm_mon, lt.tm_mday, lt.tm_hour, lt.tm_min, lt.tm_sec, lt.tm_wday)
    print(time.strftime("%H:%M", time.gmtime(0)), time.ctime(86400 * 365))
    print(round(time.time() - wall0, 3))


t0 = time.monotonic()
wall0 = time.time()
asyncio.run(main())
