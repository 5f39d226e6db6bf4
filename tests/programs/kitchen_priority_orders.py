# A kitchen: a PriorityQueue of NamedTuple orders, cooks as tasks under a lock, a Counter and a
# defaultdict of results, formatted as a receipt.
import asyncio
import itertools
import random
from collections import defaultdict, Counter
from typing import NamedTuple

class Order(NamedTuple):
    id: int
    item: str
    qty: int

    @property
    def total(self):
        return PRICES[self.item] * self.qty

PRICES = {"apple": 0.5, "pear": 0.75, "plum": 1.25}

class Kitchen:
    _ids = itertools.count(1)

    def __init__(self, cooks):
        self.queue: asyncio.PriorityQueue[tuple[int, int, Order]] = asyncio.PriorityQueue()
        self.cooks = cooks
        self.done = defaultdict(list)
        self.stats = Counter()
        self._lock = asyncio.Lock()

    async def order(self, item, qty, priority=5):
        order = Order(next(self._ids), item, qty)
        await self.queue.put((priority, order.id, order))
        return order

    async def cook(self, name):
        while True:
            priority, _, order = await self.queue.get()
            try:
                await asyncio.sleep(0.1 * order.qty)
                async with self._lock:
                    self.done[name].append(order.id)
                    self.stats[order.item] += order.qty
                print(f"{name:>6} cooked #{order.id:<2} {order.item:<5} x{order.qty} (p{priority}) = ${order.total:5.2f}")
            finally:
                self.queue.task_done()

    async def run(self, orders):
        workers = [asyncio.create_task(self.cook(n), name=n) for n in self.cooks]
        for item, qty, prio in orders:
            await self.order(item, qty, prio)
        await self.queue.join()
        for w in workers:
            w.cancel()
        results = await asyncio.gather(*workers, return_exceptions=True)
        return [type(r).__name__ for r in results]

async def main():
    random.seed(11)
    orders = [(random.choice(list(PRICES)), random.randint(1, 4), random.randint(1, 9)) for _ in range(8)]
    k = Kitchen(["alice", "bob"])
    print(await k.run(orders))
    print(dict(k.done), k.stats.most_common(2), sum(k.stats.values()))
    totals = {item: round(PRICES[item] * n, 2) for item, n in sorted(k.stats.items())}
    print(totals, f"{sum(totals.values()):.2f}")
    by_cook = {name: len(ids) for name, ids in k.done.items()}
    print(max(by_cook, key=by_cook.get), sorted(by_cook.items(), key=lambda kv: (-kv[1], kv[0])))
    groups = itertools.groupby(sorted(orders), key=lambda o: o[0])
    print({key: [q for _, q, _ in grp] for key, grp in groups})

asyncio.run(main())
