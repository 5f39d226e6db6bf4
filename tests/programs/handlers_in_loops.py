import asyncio


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0.1)
        return self.n


async def fragile(i):
    await asyncio.sleep(0.2)
    if i % 2:
        raise ValueError(f"odd {i}")
    return i


async def main():
    for i in range(4):
        try:
            print("got", await fragile(i))
        except ValueError:
            print("caught without a name")
            await asyncio.sleep(0.1)
        except KeyError as e:
            print("never", e)
    for round_ in range(2):
        async for n in Countdown(3):
            print("round", round_, "n", n)
        print(f"round {round_} done")
    values = [[n async for n in Countdown(2)] for _ in range(2)]
    print(values)
    total = 0
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    raise KeyError(j)
                total += i * j
            except KeyError:
                continue
            finally:
                total += 1
    print("total", total)


asyncio.run(main())
