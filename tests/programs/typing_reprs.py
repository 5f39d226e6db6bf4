# typing's names as annotations show them, and a generic class as tutorials write one.
import asyncio
import typing
from dataclasses import dataclass
from typing import (Any, Awaitable, Callable, ClassVar, Dict, Generic, List, NewType, Optional,
                    Tuple, TypeVar, Union, get_type_hints)

T = TypeVar("T")
Key = TypeVar("Key", bound=str, covariant=True)
UserId = NewType("UserId", int)
Handler = Callable[[int], Awaitable[None]]


class Channel(Generic[T]):
    def __init__(self) -> None:
        self.queue: asyncio.Queue = asyncio.Queue()

    async def send(self, item: T) -> None:
        await asyncio.sleep(0.1)
        await self.queue.put(item)

    async def receive(self) -> T:
        return await self.queue.get()


@dataclass
class Settings:
    instances: ClassVar[int] = 0
    retries: Optional[List[int]] = None
    extra: Dict[str, Any] = None


async def handle(n: int) -> None:
    await asyncio.sleep(n / 10)
    print("handled", n)


def route(handler: Handler, user: UserId, key: "Settings") -> Tuple[int, ...]:
    return (user,)


async def main() -> None:
    print(typing.ClassVar[int], Optional[int], Union[int, str], Union[int, None])
    print(Optional[Union[int, str]], List[None], Callable[[int], str], Handler)
    print(Dict[str, "Foo"], typing.Literal["a", 1], Tuple[int, ...], Any, typing.Type[int])
    print(Optional[int] == Union[int, None], Union[int], Optional[int | str])
    print(Union[int, str] == Union[str, int], T, Key, List[T])
    print(Settings(), Settings.__annotations__)
    print(route.__annotations__)
    print(get_type_hints(handle), UserId(7), UserId.__name__)
    channel = Channel[int]()
    await asyncio.gather(channel.send(1), channel.send(2), handle(1))
    print(await channel.receive(), await channel.receive())


asyncio.run(main())
