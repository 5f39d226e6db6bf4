import asyncio

attempts = {"count": 0}


async def flaky():
    attempts["count"] += 1
    delay = 2.0 if attempts["count"] < 3 else 0.2
    await asyncio.sleep(delay)
    return f"ok on attempt {attempts['count']}"


async def with_retries(retries, timeout):
    for attempt in range(1, retries + 1):
        try:
            return await asyncio.wait_for(flaky(), timeout)
        except asyncio.TimeoutError:
            print(f"attempt {attempt} timed out")
            await asyncio.sleep(0.5 * attempt)
    raise RuntimeError("gave up")


async def main():
    print(await with_retries(5, 1.0))


asyncio.run(main())
