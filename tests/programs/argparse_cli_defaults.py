# A command-line script in the style of the tutorials: argparse with its defaults (the page has
# no command line), help and usage as CPython formats them, errors caught as SystemExit.
import argparse
import asyncio
import random
import time

parser = argparse.ArgumentParser(
    prog="asyncq",
    description="Run producers and consumers over a queue. The numbers of each come from the command line, with defaults that make a short run.",
    epilog="Seeded, so every run prints the same.")
group = parser.add_argument_group("sizes", "How many of each to start.")
group.add_argument("-p", "--nprod", type=int, default=2, help="number of producers (default: %(default)s)")
group.add_argument("-c", "--ncon", type=int, default=3, help="number of consumers, each taking items off the queue until it is cancelled at the end of the run")
parser.add_argument("--seed", type=int, default=444, metavar="N")
parser.add_argument("--mode", choices=["fifo", "lifo"], default="fifo", help="queue order")
parser.add_argument("--delay", type=float, nargs=2, default=[0.1, 0.3], metavar=("LOW", "HIGH"))
parser.add_argument("files", nargs="?", default="none")
parser.add_argument("--version", action="version", version="asyncq 1.0")
parser.set_defaults(extra=True)
parser.print_help()
ns = parser.parse_args()
print(ns)
print(parser.parse_args(["--mode", "lifo", "--delay", "1", "2", "f.txt", "--seed=5", "-p3", "--nc", "4"]))
for bad in (["--mode", "x"], ["--delay", "1"], ["a", "b"], ["--n", "2"], ["-p"], ["--seed", "1.5"]):
    try:
        parser.parse_args(bad)
    except SystemExit as e:
        print("exit", e.code)
try:
    parser.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.code)

async def produce(name, q, rng):
    for i in range(2):
        await asyncio.sleep(rng.uniform(*ns.delay))
        await q.put(f"{name}-{i}")

async def consume(name, q):
    while True:
        item = await q.get()
        print(f"consumer {name} got {item} at {time.perf_counter() - start:.2f}")
        q.task_done()

async def main(nprod, ncon, **rest):
    rng = random.Random(rest["seed"])
    q = asyncio.Queue() if rest["mode"] == "fifo" else asyncio.LifoQueue()
    consumers = [asyncio.create_task(consume(n, q)) for n in range(ncon)]
    await asyncio.gather(*(produce(n, q, rng) for n in range(nprod)))
    await q.join()
    for c in consumers:
        c.cancel()

start = time.perf_counter()
asyncio.run(main(**vars(ns)))

print('----')
p3 = argparse.ArgumentParser(prog="a-rather-long-program-name-for-a-small-tool-that-schedules-tasks")
g = p3.add_mutually_exclusive_group()
g.add_argument("-q", "--quiet", action="store_true")
g.add_argument("-v", "--verbose", action="count", default=0)
r = p3.add_mutually_exclusive_group(required=True)
r.add_argument("--fast", action="store_true", help="run fast")
r.add_argument("--slow", action="store_true")
p3.add_argument("--workers", type=int, default=4, help="how many workers run at once, default %(default)d, at most %(type)s")
p3.add_argument("jobs", nargs="+", type=int)
p3.add_argument("extra", nargs=2)
p3.print_usage()
p3.print_help()
print(p3.parse_args(["--fast", "1", "2", "x", "y"]))
for bad in (["--fast", "--slow", "1", "x", "y"], ["-q", "-v", "--fast", "1", "x", "y"], ["1", "x", "y"]):
    try:
        p3.parse_args(bad)
    except SystemExit as e:
        print("exit", e.code)
