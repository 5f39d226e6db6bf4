# Enums as state machines and priorities, the way task tutorials use them: a connection's states
# (Enum with auto, aliases, lookup by value and by name, iteration, membership), job priorities
# (IntEnum in a PriorityQueue, arithmetic and ordering), StrEnum commands, @unique, and a class
# registry built by __init_subclass__ (with a keyword), next to a small metaclass of our own.
import asyncio
from enum import Enum, IntEnum, StrEnum, auto, unique


class State(Enum):
    IDLE = auto()
    CONNECTING = auto()
    CONNECTED = auto()
    CLOSED = auto()
    DONE = 4


class Priority(IntEnum):
    HIGH = 1
    NORMAL = 5
    LOW = 10


class Command(StrEnum):
    START = auto()
    STOP = auto()


class Handler:
    registry = {}

    def __init_subclass__(cls, command=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Handler.registry[command] = cls


class StartHandler(Handler, command=Command.START):
    pass


class StopHandler(Handler, command=Command.STOP):
    pass


class Counted(type):
    def __len__(cls):
        return len(cls.items)

    def __iter__(cls):
        return iter(cls.items)

    def __repr__(cls):
        return f"<counted {cls.__name__}>"


class Inventory(metaclass=Counted):
    items = ["lamp", "key"]


async def connection(name, delay):
    state = State.IDLE
    for next_state in list(State)[1:]:
        await asyncio.sleep(delay)
        print(f"{name}: {state.name} -> {next_state.name} ({next_state.value})")
        state = next_state
    return state


async def worker(queue):
    while not queue.empty():
        priority, job = await queue.get()
        await asyncio.sleep(priority / 10)
        print(f"ran {job} at {priority!r} ({priority}, {int(priority) * 2})")
        queue.task_done()


async def main():
    print(list(State), len(State), State(2), State["CLOSED"], State.DONE is State.CLOSED)
    print(State.IDLE in State, repr(State), type(State.IDLE), State.__members__.keys())
    print(f"{State.CONNECTED}|{State.CONNECTED!r}|{State.CONNECTED:>20}|", str(State.IDLE))
    try:
        State(99)
    except ValueError as e:
        print(e)
    finals = await asyncio.gather(connection("a", 0.1), connection("b", 0.15))
    print(finals, finals[0] == State.CLOSED, {State.CLOSED: "closed"}[finals[1]])
    queue = asyncio.PriorityQueue()
    for job, priority in [("backup", Priority.LOW), ("alert", Priority.HIGH), ("mail", Priority.NORMAL)]:
        queue.put_nowait((priority, job))
    await worker(queue)
    print(Priority.HIGH < Priority.LOW, Priority.NORMAL + 1, Priority(5), sorted(Priority, reverse=True))
    print(Command.START, repr(Command.STOP), Command.START == "start", Command("stop"), Command.START.upper())
    print(Handler.registry[Command.START].__name__, Handler.registry["stop"].__name__)
    print(len(Inventory), list(Inventory), Inventory, type(Inventory).__name__)
    try:
        @unique
        class Twice(Enum):
            ONE = 1
            UNO = 1
    except ValueError as e:
        print(e)


asyncio.run(main())
