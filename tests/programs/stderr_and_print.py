import sys
import asyncio


async def log(level, message):
    await asyncio.sleep(0.1)
    stream = sys.stderr if level == "error" else sys.stdout
    print(f"[{level}]", message, file=stream)


async def main():
    print("a", "b", "c", sep="-", end="!\n")
    print("no newline", end="")
    print(" ... continued")
    print(*[1, 2, 3], sep=", ")
    print()
    print("multi\nline", 42, None, True, 3.0, [1, "x"], sep=" | ")
    sys.stdout.write("written directly\n")
    await asyncio.gather(log("info", "starting"), log("error", "disk full"), log("info", "done"))
    print("flushed", flush=True)
    sys.stderr.write("last words\n")


asyncio.run(main())
