# Structural pattern matching (match/case, 3.10+) as a command dispatcher would use it: literals,
# None/True/False by identity, or-patterns, captures with guards, dotted constants, sequences
# with a star, mappings with **rest, class patterns by keyword and by __match_args__ (dataclasses
# get it), int()/str() matching the subject itself, and a command parser run by tasks.
import asyncio
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

class Move:
    __match_args__ = ("dx", "dy")
    def __init__(self, dx, dy):
        self.dx, self.dy = dx, dy

    def __repr__(self):
        return f"Move({self.dx}, {self.dy})"

RED = "red"

class Colors:
    GREEN = "green"

def describe(value):
    match value:
        case None:
            return "nothing"
        case True | False as flag:
            return f"flag {flag}"
        case 0:
            return "zero"
        case -1 | -2:
            return "small negative"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return f"number {value}"
        case "quit" | "exit":
            return "leaving"
        case str(text) if text.startswith("go "):
            return f"going {text[3:]}"
        case Colors.GREEN:
            return "green light"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [first, *middle, last]:
            return f"first {first}, {len(middle)} in the middle, last {last}"
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": action, **rest}:
            return f"action {action} with {sorted(rest)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y) | Point(x=y, y=0):
            return f"on an axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Move(dx, 0):
            return f"horizontal move {dx}"
        case Move(dx=0, dy=dy):
            return f"vertical move {dy}"
        case (a, b):
            return f"pair {a} {b}"
        case _:
            return f"something else: {value!r}"

async def handle(command, delay):
    await asyncio.sleep(delay)
    match command.split():
        case ["go", direction]:
            print("going", direction)
        case ["take", *items] if items:
            print("taking", ", ".join(items))
        case ["quit"]:
            print("bye")
        case other:
            print("unknown", other)

async def main():
    for value in [None, True, 0, -2, 500, 3.5, 7, "exit", "go north", "green", [], [1], [1, 2, 3, 4],
                  {"action": "move", "to": (3, 4)}, {"action": "jump", "height": 2, "speed": 1},
                  Point(0, 0), Point(0, 5), Point(7, 0), Point(2, 2), Point(1, 2), Move(3, 0), Move(0, 4), Move(1, 1),
                  (1, 2), "x", range(2), {"a": 1}]:
        print(describe(value))
    await asyncio.gather(handle("go west", 0.2), handle("take lamp key", 0.1), handle("quit", 0.3), handle("dance", 0.4), handle("take", 0.5))
    match 5:
        case x:
            pass
    print("captured", x)

asyncio.run(main())
