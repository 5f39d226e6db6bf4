# From the seed on coroutines and tasks: two tasks, awaited one after the other.
import asyncio
import time

async def say_after(delay, message):
    await asyncio.sleep(delay)  # Simule une opération asynchrone
    print(message)

async def main():
    print(f"Started at {time.strftime('%X')}")
    
    # Créer des tâches asynchrones
    task1 = asyncio.create_task(say_after(1, 'Hello'))
    task2 = asyncio.create_task(say_after(2, 'World'))

    # Attendre que les deux tâches soient complètes
    await task1
    await task2
    
    print(f"Finished at {time.strftime('%X')}")

# Exécuter la boucle d'événements
asyncio.run(main())
