# Reproducible simulations: seeds of every kind, saving and restoring a generator's state,
# message templates, and the small helpers of operator, typing and time.
import asyncio
import operator
import random
import time
import typing
from string import Template

LINE = Template("[$when] ${worker}: $what")


async def worker(name, rng, log):
    for step in range(3):
        delay = round(rng.uniform(0.1, 0.5), 2)
        await asyncio.sleep(delay)
        log.append(LINE.substitute(when=step, worker=name, what=f"slept {delay}"))


async def main():
    for seed in (2.0, 1.5, -3.25, "asyncio", "", "é" * 40, 10**30, True):
        random.seed(seed)
        print(repr(seed)[:12], random.random(), random.randint(1, 100))
    random.seed(7)
    random.gauss()
    state = random.getstate()
    print(state[0], len(state[1]), state[1][-1], state[2] is not None)
    first = [random.random() for _ in range(3)]
    random.setstate(state)
    print(first == [random.random() for _ in range(3)])
    rng = random.Random("workers")
    saved = rng.getstate()
    log = []
    await asyncio.gather(worker("a", rng, log), worker("b", random.Random(1.25), log))
    print(*log, sep="\n")
    rng.setstate(saved)
    print(round(rng.uniform(0.1, 0.5), 2))
    for bad in [(3, (1,) * 5, None), (4, (), None), (3, (1,) * 624 + (700,), None)]:
        try:
            random.setstate(bad)
        except ValueError as e:
            print("ValueError:", e)
    for text in ["$a and ${b}c $$ $1", "plain", "$who likes $what, $who!", "${a}${a}$b_2 end$"]:
        template = Template(text)
        print(template.is_valid(), template.get_identifiers(), template.safe_substitute(a=1, who="tim"))
    print(operator.call(max, 3, 9), operator.pow(2, 10), operator.contains("abc", "b"),
          operator.indexOf([5, 6, 7], 7), operator.is_not(None, 0), operator.iadd([1], [2]),
          operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5))
    print(typing.Annotated[int, "meta", 3], typing.Self, typing.Never, typing.Deque[int],
          typing.DefaultDict[str, int], typing.ParamSpec("P"), typing.AnyStr,
          typing.ContextManager[int], typing.Text, typing.LiteralString)
    try:
        typing.assert_never("x" * 120)
    except AssertionError as e:
        print(len(str(e)), str(e)[-10:])
    print(time.asctime(time.gmtime(0)), time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))


asyncio.run(main())
