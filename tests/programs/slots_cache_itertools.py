import asyncio
import itertools
import operator
import string

from functools import partial, reduce, lru_cache
from typing import Optional

@lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)

class Account:
    interest = 0.02
    __slots__ = ("owner", "balance")

    def __init__(self, owner: str, balance: float = 0.0) -> None:
        self.owner = owner
        self.balance = balance

    @property
    def rich(self) -> bool:
        return self.balance > 1000

    @classmethod
    def empty(cls, owner):
        return cls(owner)

    @staticmethod
    def fee(amount):
        return round(amount * 0.01, 2)

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance:.2f})"

    def __lt__(self, other):
        return self.balance < other.balance

    def __eq__(self, other):
        return isinstance(other, Account) and self.balance == other.balance

async def deposit(account: Account, amount: float, delay: float, lock: asyncio.Lock) -> Optional[float]:
    async with lock:
        current = account.balance
        await asyncio.sleep(delay)
        account.balance = current + amount
    return account.balance

async def main():
    acc = Account("ann", 900)
    lock = asyncio.Lock()
    done = await asyncio.gather(*[deposit(acc, a, d, lock) for a, d in [(50, 0.2), (75, 0.1), (100, 0.3)]])
    print(done, acc, acc.rich, Account.fee(acc.balance), Account.empty("bob"))
    print(sorted([Account("x", 5), Account("y", 1), Account("z", 3)]), Account("a", 1) == Account("b", 1))
    try:
        acc.nickname = "a"
    except AttributeError as e:
        print("AttributeError:", e)
    print(fib(80), fib.cache_info())
    print(list(itertools.chain([1, 2], (3, 4))), list(itertools.islice(itertools.count(10, 5), 4)))
    print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)), reduce(operator.add, range(5)))
    print(list(itertools.product("ab", repeat=2)), list(itertools.permutations([1, 2, 3], 2))[:3])
    print([list(g) for k, g in itertools.groupby("aaabbc")], list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
    print(list(itertools.combinations(range(4), 2)), list(itertools.pairwise("abcd")))
    double = partial(operator.mul, 2)
    print(list(map(double, range(4))), string.ascii_lowercase[:5], string.digits)

    @lru_cache(maxsize=2)
    def square(x, *, offset=0):
        print("computing", x, offset)
        return x * x + offset

    for x in [1, 2, 1, 3, 2, 1]:
        square(x)
    square(1, offset=1)
    square(1, offset=1)
    print(square.cache_info(), square.cache_parameters())
    square.cache_clear()
    print(square.cache_info(), square.__name__, square.__wrapped__(4))

asyncio.run(main())
