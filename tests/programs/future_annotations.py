# `from __future__ import annotations`: annotations stay text, never evaluated, so a class may
# name itself (a tree of tasks) or a class defined later.
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass
class Step:
    name: str
    seconds: float
    children: list[Step] = field(default_factory=list)
    owner: Worker | None = None


class Worker:
    def __init__(self, name: str) -> None:
        self.name = name

    async def run(self, step: Step, depth: int = 0) -> list[str]:
        print(f"{'  ' * depth}{self.name} starts {step.name}")
        await asyncio.sleep(step.seconds)
        done = [step.name]
        results = await asyncio.gather(*(self.run(child, depth + 1) for child in step.children))
        for names in results:
            done.extend(names)
        print(f"{'  ' * depth}{self.name} ends {step.name}")
        return done


async def main() -> None:
    tree = Step("deploy", 0.5, [Step("build", 1.0, [Step("lint", 0.2)]), Step("test", 0.3)])
    worker = Worker("w1")
    print(await worker.run(tree))
    print(Step.__annotations__)
    print(Worker.run.__annotations__)
    print(main.__annotations__)


asyncio.run(main())
