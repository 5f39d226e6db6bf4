# Identifiers and encodings as services make them: name-based UUIDs (uuid3/uuid5), UUID objects,
# random ones (their shape only), Base64/Base32/Base16 round trips and errors, secrets' tokens.
import uuid, base64, secrets, hashlib
u = uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
print(u, repr(u), u.version, u.variant, u.hex, u.int, u.urn, u.fields, u.bytes[:4], u.time, u.clock_seq, u.node)
print(uuid.uuid3(uuid.NAMESPACE_URL, "https://example.com/x"), uuid.UUID("{12345678-1234-5678-1234-567812345678}"), uuid.UUID(int=1), uuid.UUID(bytes=b"\x00" * 16).version)
v = uuid.UUID(hex="12345678123456781234567812345678", version=4)
print(v, v.version, v.bytes_le.hex(), uuid.UUID(bytes_le=v.bytes_le) == v, sorted([uuid.UUID(int=3), uuid.UUID(int=1)]), hash(v) == hash(uuid.UUID(str(v))))
r = uuid.uuid4()
print(len(str(r)), r.version, r.variant, isinstance(r, uuid.UUID), uuid.uuid1().version, len(uuid.uuid1().hex))
try:
    v.int = 5
except TypeError as e:
    print(e)
for bad in ["xyz", "1234"]:
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print(e)
for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))[:40], "héllo".encode()]:
    e = base64.b64encode(data)
    print(e, base64.b64decode(e) == data, base64.urlsafe_b64encode(data), base64.b32encode(data), base64.b16encode(data), base64.b32decode(base64.b32encode(data)) == data)
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGVs bG8=\n"), base64.urlsafe_b64decode("-_8="), base64.b16decode("DEAD"), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
for bad in ["abc", "a", "abcde"]:
    try:
        print(base64.b64decode(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), len(secrets.token_urlsafe(16)), secrets.choice("ab") in "ab", 0 <= secrets.randbelow(10) < 10, secrets.compare_digest("a", "a"))
token = base64.b64encode(hashlib.sha256(b"secret").digest()).decode()
print(token)

# Base32 padding and digit errors in CPython's order.
for bad in ["MZXW6===", "MZXW6YQ=", "M=======", "MZX=====", "MZXW6Y==", "MZ!W6===", "MZXW6YTB", "mzxw6==="]:
    try:
        print(bad, base64.b32decode(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
for s in [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"abcdef", bytes(range(200, 256))]:
    print(base64.b64encode(s), base64.b32encode(s), base64.b64decode(base64.b64encode(s)) == s, base64.b32decode(base64.b32encode(s)) == s)
