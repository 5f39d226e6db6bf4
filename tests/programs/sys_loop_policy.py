import asyncio
import sys

if sys.platform.startswith("win"):
    asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())

print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, type(sys.maxsize).__name__, sys.maxsize)
print(sys.byteorder, sys.argv[0].endswith(".py"))

async def main():
    print(isinstance(asyncio.get_event_loop_policy(), asyncio.AbstractEventLoopPolicy))
    loop = asyncio.get_running_loop()
    print(isinstance(loop, asyncio.AbstractEventLoop), loop.is_running(), loop.get_debug())
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutine(main()), asyncio.isfuture(loop.create_future()))

if __name__ == "__main__":
    asyncio.run(main())
