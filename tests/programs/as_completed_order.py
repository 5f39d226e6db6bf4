import asyncio


async def download(url, seconds):
    await asyncio.sleep(seconds)
    return f"{url} ({seconds}s)"


async def main():
    tasks = [asyncio.create_task(download(u, s)) for u, s in [("a.com", 3), ("b.org", 1), ("c.net", 2)]]
    for finished in asyncio.as_completed(tasks):
        print("got", await finished)
    try:
        for finished in asyncio.as_completed([asyncio.create_task(download("slow", 5))], timeout=1):
            await finished
    except asyncio.TimeoutError:
        print("as_completed timed out")


asyncio.run(main())
