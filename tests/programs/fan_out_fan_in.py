import asyncio
import random

random.seed(7)


async def fetch_page(site, page):
    delay = random.uniform(0.1, 0.9)
    await asyncio.sleep(delay)
    return f"{site}/{page}", round(delay, 3)


async def crawl(site):
    pages = await asyncio.gather(*(fetch_page(site, p) for p in range(3)))
    total = sum(d for _, d in pages)
    print(f"{site}: {len(pages)} pages, {total:.3f}s of waiting")
    return pages


async def main():
    sites = ["alpha.io", "beta.io", "gamma.io"]
    results = await asyncio.gather(*(crawl(s) for s in sites))
    flat = [url for pages in results for url, _ in pages]
    print(len(flat), flat[:4])


asyncio.run(main())
