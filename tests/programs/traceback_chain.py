import asyncio


class ValidationError(Exception):
    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field = field


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ValidationError("age", "not a number") from e


async def handle(text):
    await asyncio.sleep(0.1)
    return parse(text)


async def main():
    print(await handle("41") + 1)
    try:
        await handle("forty")
    except ValidationError as e:
        print("caught", e, "field", e.field, "cause", repr(e.__cause__))
    try:
        try:
            {}["missing"]
        except KeyError:
            raise RuntimeError("while handling")
    except RuntimeError as e:
        print("context:", repr(e.__context__))
    await handle("x")


asyncio.run(main())
