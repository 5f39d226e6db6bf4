import asyncio
import random


async def roll(player, rng):
    total = 0
    for turn in range(3):
        await asyncio.sleep(rng.uniform(0.1, 0.5))
        value = rng.randint(1, 6)
        total += value
        print(f"{player} turn {turn}: rolled {value} (total {total})")
    return total


async def main():
    random.seed(42)
    print([random.randint(1, 100) for _ in range(5)])
    print(round(random.random(), 12), random.uniform(2, 3))
    deck = list(range(10))
    random.shuffle(deck)
    print(deck)
    print(random.sample(deck, 4), random.choice("abcdef"))
    print(random.randrange(10, 100, 5), random.getrandbits(20))
    rng = random.Random(7)
    scores = await asyncio.gather(roll("ana", rng), roll("bob", rng))
    print("scores", scores)
    random.seed(2024)
    print(random.random())
    print(random.choices(["x", "y", "z"], k=6))


asyncio.run(main())
