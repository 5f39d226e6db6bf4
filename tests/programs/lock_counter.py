import asyncio

counter = 0


async def unsafe_increment(name):
    global counter
    value = counter
    await asyncio.sleep(0.01)
    counter = value + 1
    print(f"{name} wrote {counter}")


async def safe_increment(name, lock):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0.01)
        counter = value + 1
        print(f"{name} wrote {counter} (locked: {lock.locked()})")


async def main():
    global counter
    await asyncio.gather(*(unsafe_increment(f"u{i}") for i in range(4)))
    print("without a lock:", counter)
    counter = 0
    lock = asyncio.Lock()
    print(lock.locked())
    await asyncio.gather(*(safe_increment(f"s{i}", lock) for i in range(4)))
    print("with a lock:", counter, lock.locked())
    await lock.acquire()
    try:
        print("held by main", lock.locked())
    finally:
        lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
