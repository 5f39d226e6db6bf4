# An object's __dict__ is its namespace: the Config/Bunch idioms write attributes through it.
import asyncio

class Config:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
        self.__dict__["extra"] = True
    def __repr__(self):
        return f"Config({vars(self)})"
c = Config(host="a", port=80)
print(c.host, c.port, c.extra, c)
d = vars(c)
d["port"] = 8080
del d["extra"]
print(c.port, hasattr(c, "extra"), c.__dict__)
c.__dict__.pop("host")
print(hasattr(c, "host"), c.__dict__.setdefault("new", 1), c.new)
copy = dict(c.__dict__)
copy["zzz"] = 1
cc = c.__dict__.copy(); cc["yyy"] = 2
print(hasattr(c, "zzz"), hasattr(c, "yyy"), c.__dict__)
c.__dict__.clear()
print(c.__dict__, hasattr(c, "port"))
class Bunch:
    def __init__(self, d):
        self.__dict__.update(d)
b = Bunch({"a": 1, "b": [2]})
print(b.a, b.b, sorted(vars(b)))


async def load(name, delay, **values):
    await asyncio.sleep(delay)
    config = Config(name=name, **values)
    vars(config).update(loaded_at=asyncio.get_running_loop().time())
    return config


async def main():
    configs = await asyncio.gather(load("db", 0.2, port=5432), load("cache", 0.1, ttl=60))
    for config in configs:
        print(config.name, sorted(vars(config)), config.loaded_at)


asyncio.run(main())


# A dict read before the object changed still writes without losing what changed since.
class A:
    pass


a = A()
a.x = 1
d = a.__dict__
a.y = 2
d["z"] = 3
print(vars(a))
e = vars(a)
a.w = 4
del e["x"]
print(vars(a))
f = vars(a)
a.v = 5
f.pop("y")
print(vars(a))
g = vars(a)
a.u = 6
g.clear()
print(vars(a))
