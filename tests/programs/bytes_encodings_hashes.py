# Bytes as tutorials meet them: text encoded and decoded (with CPython's codec errors), byte
# values, hex, searching and splitting, int.to_bytes/from_bytes, and hashlib digests of payloads.
import copy
data = b"hello world"
print(data, repr(data), str(data), f"{data}", f"{data!r}", type(data), type(data).__name__, len(data))
print(data[0], data[-1], data[1:5], data[::-1], data[::2], list(data[:3]), tuple(b"ab"))
print(b"it's", b'say "hi"', b'both \' and "', b"\x00\x01\x7f\x80\xff\t\n\r\\", b"\u1234", b"\N{x}")
print("héllo ✓".encode(), "héllo".encode("utf-8"), "abc".encode("ascii"), "é".encode("latin-1"))
print(b"h\xc3\xa9llo".decode(), b"abc".decode("ascii"), b"\xe9".decode("latin-1"), str(b"\xc3\xa9", "utf-8"), str(b"x", encoding="ascii"))
print(data.hex(), bytes.fromhex("de ad be ef"), data.hex(":"), data.hex("-", 4), b"\x01\x02\x03".hex(" ", -2))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("abc", "utf-8"), bytes(b"xy"), bytes(), bytes((1, 2)))
print(data.upper(), data.title(), data.capitalize(), b"MiXed".swapcase(), data.split(), b"a,b,,c".split(b","), b"  pad  ".strip(), b"xxhixx".strip(b"x"))
print(data.find(b"o"), data.find(111), data.rfind(b"o"), data.count(b"l"), data.index(b"w"), data.startswith(b"he"), data.endswith((b"x", b"ld")))
print(data.replace(b"l", b"L"), data.partition(b" "), data.rpartition(b"o"), b"-".join([b"a", b"b", b"c"]), b"abc".center(9, b"*"), b"42".zfill(5))
print(b"a" + b"b", b"ab" * 3, 3 * b"x", b"ab" == b"ab", b"ab" == "ab", b"a" < b"b", b"abc" > b"abd", sorted([b"b", b"a", b"c"]))
print(b"ell" in data, 104 in data, 1 in data, b"" in data, {b"k": 1}[b"k"], len({b"a", b"a", b"b"}), bool(b""), bool(b"\x00"))
print(b"123".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"\xff".isascii())
print(b"line1\nline2\r\nline3".splitlines(), b"a b  c".split(maxsplit=1), b"a b c".rsplit(None, 1), b"x.tar.gz".removesuffix(b".gz"))
print(isinstance(data, bytes), isinstance(data, (str, bytes)), issubclass(bytes, object), bytes.__name__, [x for x in b"hi"])
for bad in [lambda: b"a" + "b", lambda: "a" + b"b", lambda: b"a" < "b", lambda: "x" in b"xy", lambda: bytes("x"), lambda: bytes([256]), lambda: b"abc"[5],
            lambda: "é".encode("ascii"), lambda: "aéé".encode("ascii"), lambda: b"\xe9".decode(), lambda: b"a\xe9b".decode(), lambda: b"\xf0\x9f".decode(), lambda: b"\xff".decode("ascii"),
            lambda: "x".encode("utf-99"), lambda: b"a".join(["b"]), lambda: b"x".find("x"), lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("abc"), lambda: bytes(-1), lambda: bytes(1.5)]:
    try:
        print("ok?", bad())
    except Exception as e:
        print(type(e).__name__, e)
print("é".encode("ascii", "replace"), "é✓".encode("ascii", "backslashreplace"), "é".encode("ascii", "xmlcharrefreplace"), "aé".encode("ascii", "ignore"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
e = None
try:
    b"\xe9x".decode()
except UnicodeDecodeError as err:
    e = err
print(repr(e), e.args, isinstance(e, ValueError), isinstance(e, UnicodeError))
import json
try:
    json.dumps(b"x")
except TypeError as err:
    print(err)
print(hash(b"abc") == hash(b"abc"), b"%s" if False else "")
d = b"abc"
print(f"{d!s:>10}", format(d), "%s|%r" % (d, d), "{}".format(d), copy.copy(d) is d, copy.deepcopy([d]))
print(max(b"hello"), min(b"hello"), sum(b"\x01\x02"), sorted(b"cab"), list(reversed(b"ab")), b"abc".decode().upper())
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True), (1024).to_bytes(2, "big"), (255).to_bytes(1, byteorder="little"), (-1).to_bytes(2, "big", signed=True))
try:
    f"{d:>10}"
except TypeError as e:
    print(e)
try:
    d[0] = 1
except TypeError as e:
    print(e)
print(d.__len__(), d.__contains__(b"a"), bytes.__name__, repr(bytes), hash(d) == hash(b"abc"))
for n, l, sg in [(0, 0, False), (0, 1, True), (127, 1, True), (-128, 1, True), (255, 1, False), (2**64, 9, False), (-2**63, 8, True), (10**30, 13, False)]:
    b = n.to_bytes(l, "little", signed=sg)
    print(b, int.from_bytes(b, "little", signed=sg) == n, n.to_bytes(l, "big", signed=sg).hex())
for n, l, sg in [(128, 1, True), (-129, 1, True), (256, 1, False), (-1, 1, False), (1, 0, False)]:
    try:
        n.to_bytes(l, "big", signed=sg)
    except OverflowError as e:
        print("OverflowError", e)
print(int.from_bytes([1, 2]), int.from_bytes(b"", "big"), (5).to_bytes(), int.from_bytes(b"\x80\x00", signed=True))
import hashlib, random, os, asyncio, copy
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    h = hashlib.new(name, b"The quick brown fox")
    h.update(b" jumps over the lazy dog")
    print(name, h.hexdigest(), h.digest_size, h.block_size, h.name, len(h.digest()))
print(hashlib.sha256().hexdigest(), hashlib.md5(b"").hexdigest(), hashlib.sha256("héllo".encode()).hexdigest()[:16])
big = hashlib.sha256(b"x" * 1000).copy()
print(big.hexdigest()[:20], sorted(hashlib.algorithms_guaranteed & {"md5", "sha256"}))
try:
    hashlib.sha256("text")
except TypeError as e:
    print(e)
random.seed(b"seed bytes")
print(random.random(), random.randbytes(4), random.randbytes(0))
random.seed(42)
print(random.randbytes(8).hex(), random.random())
print(len(os.urandom(16)), type(os.urandom(2)).__name__)

async def hash_block(i, payload):
    await asyncio.sleep(0.01 * i)
    digest = hashlib.sha256(payload).hexdigest()
    print(f"block {i}: {digest[:12]}")
    return digest

async def main():
    blocks = [f"block-{i}".encode() for i in range(4)]
    digests = await asyncio.gather(*(hash_block(i, b) for i, b in enumerate(blocks)))
    print(hashlib.sha256("".join(digests).encode()).hexdigest()[:16])

asyncio.run(main())

import sys, json
print(int(b"42"), float(b"1.5"), int(b" 7 "), int(b"ff", 16))
for f in [lambda: "".join([b"a"]), lambda: json.loads(b'{"a": 1}'), lambda: b"%d" % 5, lambda: "%s" % b"x", lambda: b"abc".encode(), lambda: "x".decode()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted({b"b": 1, b"a": 2}), max(b"a", b"b"), [b for b in [b"x", b""] if b], b"a" in [b"a"], ord(b"a"), chr(98).encode())
print(list(map(hex, b"\x01\xff")), bytes(map(lambda x: x + 1, b"abc")), b"".join(x.to_bytes(1, "big") for x in range(65, 70)))

# The codec arguments' type errors name the function and the argument, as CPython's.
for f in [lambda: b'x'.decode(1), lambda: b'x'.decode('utf-8', 2), lambda: bytes('x', 1), lambda: bytes('x', 'utf-8', 3),
          lambda: 'x'.encode(1), lambda: str(b'x', 1), lambda: str(b'x', 'utf-8', 1)]:
    try:
        f()
    except TypeError as e:
        print(e)
