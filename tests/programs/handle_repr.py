# What a loop handle looks like: repr(handle) as CPython writes it, before it runs, once
# cancelled (the callback let go) and after it ran.
import asyncio

def tick(n):
    print("tick", n)

async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_later(0.5, tick, 1)
    s = loop.call_soon(tick, 2)
    print(h)
    print(s)
    print(repr(h), h.when())
    h.cancel()
    print(h)
    await asyncio.sleep(1)
    print(s)

asyncio.run(main())
