# Async generators still suspended when asyncio.run ends are closed by the loop
# (shutdown_asyncgens): their finally clauses run then, awaits included, and one that fails
# while closing is reported, not raised. (CPython closes them in the order of a WeakSet, which
# depends on memory addresses: one of them prints here.)
import asyncio


async def ticker(name, delay):
    try:
        n = 0
        while True:
            yield n
            n += 1
            await asyncio.sleep(delay)
    finally:
        print(name, "closing at", n)
        await asyncio.sleep(0.2)
        print(name, "closed")


async def broken():
    try:
        yield "first"
        yield "second"
    finally:
        raise ValueError("cannot close cleanly")


kept = []


async def main():
    gen = ticker("ticker", 0.1)
    kept.append(gen)
    print(await gen.__anext__(), await gen.__anext__())
    bad = broken()
    kept.append(bad)
    print(await bad.__anext__())
    never_started = ticker("never started", 1)
    kept.append(never_started)
    print("main ends")


asyncio.run(main())
print("after asyncio.run")
