# Context variables carrying a request id through tasks, as logging tutorials set them up: each
# task runs in a copy of its creator's context (a child sees its parent's value, siblings and
# the parent never see each other's), set/reset with tokens, a default, get() with its own
# default, LookupError, Context.run and copy_context, and the value read by a log formatter.
import asyncio
import contextvars
import logging

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


class RequestFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


handler = logging.StreamHandler()
handler.addFilter(RequestFilter())
handler.setFormatter(logging.Formatter("[%(request_id)s] %(levelname)s %(message)s"))
log = logging.getLogger("app")
log.addHandler(handler)
log.setLevel(logging.INFO)


async def query(table):
    await asyncio.sleep(0.1)
    log.info("query %s for %s", table, user.get("anonymous"))
    return table


async def handle(n):
    request_id.set(f"req-{n}")
    if n % 2:
        user.set(f"user{n}")
    log.info("start")
    tables = await asyncio.gather(query("orders"), query("items"))
    await asyncio.sleep(0.1 * n)
    log.info("done with %s", tables)
    return request_id.get()


async def main():
    log.info("main starts")
    print(await asyncio.gather(*(handle(n) for n in range(3))))
    print("main still sees", request_id.get(), user.get(None))
    try:
        user.get()
    except LookupError as e:
        print("LookupError", type(e.args[0]).__name__, e.args[0].name)
    token = request_id.set("outer")
    print(request_id.get(), token.var is request_id, token.old_value)
    request_id.reset(token)
    print(request_id.get())
    try:
        request_id.reset(token)
    except RuntimeError as e:
        print("RuntimeError", str(e).split(" at ")[0])
    snapshot = contextvars.copy_context()
    request_id.set("changed")
    print(snapshot[request_id] if request_id in snapshot else "not in snapshot", len(snapshot))
    print(snapshot.run(request_id.get), request_id.get())
    def in_context(value):
        request_id.set(value)
        return request_id.get()
    print(contextvars.Context().run(in_context, "fresh"), request_id.get())
    task = asyncio.create_task(query("audit"), context=snapshot)
    await task


asyncio.run(main())
print("after run", request_id.get())
