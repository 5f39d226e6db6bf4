import asyncio
import time


class RateLimiter:
    """At most `rate` calls per `period` seconds."""

    def __init__(self, rate, period):
        self.rate = rate
        self.period = period
        self.calls = []

    async def acquire(self):
        while True:
            now = time.monotonic()
            self.calls = [t for t in self.calls if now - t < self.period]
            if len(self.calls) < self.rate:
                self.calls.append(now)
                return
            wait = self.period - (now - self.calls[0])
            await asyncio.sleep(wait)


async def request(limiter, i):
    await limiter.acquire()
    print(f"{time.monotonic():4.1f}s request {i}")
    await asyncio.sleep(0.1)


async def main():
    limiter = RateLimiter(3, 1.0)
    await asyncio.gather(*(request(limiter, i) for i in range(8)))


asyncio.run(main())
