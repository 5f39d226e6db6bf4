"""A module docstring, as __doc__."""
import asyncio


async def main():
    """The coroutine's own."""
    await asyncio.sleep(0.1)
    print(__doc__, main.__doc__, __name__)


asyncio.run(main())
