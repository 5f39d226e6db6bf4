# Warnings as libraries and tutorials raise them: deprecations pointing at the caller, filters
# (ignore, error, once, always, by message), catch_warnings(record=True), a custom showwarning.
import asyncio
import sys
import warnings

def old_api(x):
    warnings.warn("old_api() is deprecated; use new_api()", DeprecationWarning, stacklevel=2)
    return x * 2

def risky(n):
    if n > 2:
        warnings.warn(f"n={n} is large")
    return n

print(old_api(1))
for i in range(5):
    risky(i)
risky(7)
warnings.warn("plain")
warnings.warn(RuntimeWarning("instance"))
warnings.warn("too far", stacklevel=5)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    risky(3)
    risky(3)
    old_api(2)
print(len(caught), [str(w.message) for w in caught], [w.category.__name__ for w in caught], caught[0].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        risky(9)
    except UserWarning as e:
        print("raised", repr(e))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    risky(10)
warnings.filterwarnings("ignore", message="n=11")
risky(11)
risky(12)
warnings.filterwarnings("once", category=RuntimeWarning)
for i in range(3):
    warnings.warn("again", RuntimeWarning)
try:
    warnings.warn("x", category=str)
except TypeError as e:
    print(e)

def show(message, category, filename, lineno, file=None, line=None):
    print(f"custom: {category.__name__}: {message} at line {lineno}")
warnings.showwarning = show
risky(13)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  code()  "), end="")

async def fetch(i):
    await asyncio.sleep(0.1 * i)
    if i == 2:
        warnings.warn(f"slow response {i}", ResourceWarning)
        warnings.warn(f"retrying {i}", stacklevel=1)
    return i

async def main():
    print(await asyncio.gather(*(fetch(i) for i in range(4))))
    warnings.showwarning = warnings._showwarning_orig
    warnings.warn("back to stderr")
    print("done", file=sys.stderr)

asyncio.run(main())
