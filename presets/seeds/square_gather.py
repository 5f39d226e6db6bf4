# From the seed "La Programmation Asynchrone": three squares at once with gather.
import asyncio

async def square(x):
    print('Square', x)
    await asyncio.sleep(1)
    print('End square', x)
    return x * x

loop = asyncio.get_event_loop()

# Exécutez la fonction async et attendez qu'elle se termine
results = loop.run_until_complete(asyncio.gather(
    square(1),
    square(2),
    square(3)
))
print(results)
