# From the seed "La Programmation Asynchrone": one coroutine run to completion by the loop.
import asyncio

async def square(x):
    print('Square', x)
    await asyncio.sleep(1)
    print('End square', x)
    return x * x

# Créez une boucle d'événements
loop = asyncio.get_event_loop()

# Exécutez une fonction asynchrone et attendez qu'elle arrive à son terme

results = loop.run_until_complete(square(1))
print(results)

# Fermez la boucle
loop.close()
