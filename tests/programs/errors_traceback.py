import asyncio


async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)


async def main():
    values = []
    for text in ["1", "2", "three"]:
        values.append(await parse(text))
        print("parsed", values[-1])
    print(sum(values))


asyncio.run(main())
