"""base64: Base64, URL-safe Base64, Base32 and Base16 encodings of bytes, as CPython's."""

_B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'


class Error(ValueError):
    __module__ = 'binascii'


def _bytes_of(s, what='argument'):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if not isinstance(s, bytes):
        raise TypeError(f"{what} should be a bytes-like object or ASCII string, not '{type(s).__name__}'")
    return s


def _require_bytes(s):
    if not isinstance(s, bytes):
        raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")


def _bits(alphabet):
    return 6 if len(alphabet) == 64 else 5


def _encode_groups(s, alphabet, size):
    # `size` bytes make a group of characters of `_bits` bits each; a short last group keeps
    # the characters its bytes reach and is padded with '='.
    _require_bytes(s)
    bits = _bits(alphabet)
    count = size * 8 // bits
    out = []
    for i in range(0, len(s), size):
        chunk = s[i:i + size]
        n = int.from_bytes(chunk + b'\0' * (size - len(chunk)), 'big')
        digits = ''.join(alphabet[(n >> (bits * (count - 1 - k))) & (len(alphabet) - 1)]
                         for k in range(count))
        keep = -(-len(chunk) * 8 // bits)
        out.append(digits[:keep] + '=' * (count - keep))
    return ''.join(out).encode()


def _decode_groups(body, alphabet, count):
    # The bytes of groups of `count` characters (the last one may be shorter); None when a
    # group's length cannot come from whole bytes.
    bits = _bits(alphabet)
    out = []
    for i in range(0, len(body), count):
        chunk = body[i:i + count]
        n = 0
        for c in chunk:
            n = n * len(alphabet) + alphabet.index(c)
        used = len(chunk) * bits
        if used % 8 >= bits:
            return None
        out.append((n >> (used % 8)).to_bytes(used // 8, 'big'))
    return b''.join(out)


def b64encode(s, altchars=None):
    encoded = _encode_groups(s, _B64, 3)
    if altchars is not None:
        encoded = encoded.replace(b'+', altchars[0:1]).replace(b'/', altchars[1:2])
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_of(s)
    if altchars is not None:
        altchars = _bytes_of(altchars, 'altchars')
        s = s.replace(altchars[0:1], b'+').replace(altchars[1:2], b'/')
    text = s.decode('ascii')
    if validate and any(c not in _B64 and c != '=' for c in text):
        raise Error('Non-base64 digit found')
    kept = ''.join(c for c in text if c in _B64 or c == '=')
    body = kept.split('=', 1)[0]
    padding = len(kept) - len(body) - len(kept[len(body):].lstrip('='))
    rest = len(body) % 4
    if rest == 1:
        raise Error(f'Invalid base64-encoded string: number of data characters ({len(body)}) '
                    f'cannot be 1 more than a multiple of 4')
    if rest and padding < 4 - rest:
        raise Error('Incorrect padding')
    return _decode_groups(body, _B64, 4)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s).replace(b'+', b'-').replace(b'/', b'_')


def urlsafe_b64decode(s):
    s = _bytes_of(s)
    return b64decode(s.replace(b'-', b'+').replace(b'_', b'/'))


def b16encode(s):
    _require_bytes(s)
    return s.hex().upper().encode()


def b16decode(s, casefold=False):
    s = _bytes_of(s)
    if casefold:
        s = s.upper()
    text = s.decode('ascii')
    if len(text) % 2 or any(c not in '0123456789ABCDEF' for c in text):
        raise Error('Non-base16 digit found' if len(text) % 2 == 0 else 'Odd-length string')
    return bytes.fromhex(text)


def b32encode(s):
    return _encode_groups(s, _B32, 5)


def b32decode(s, casefold=False):
    s = _bytes_of(s)
    if casefold:
        s = s.upper()
    text = s.decode('ascii')
    if len(text) % 8:
        raise Error('Incorrect padding')
    body = text.rstrip('=')
    if any(c not in _B32 for c in body):
        raise Error('Non-base32 digit found')
    decoded = _decode_groups(body, _B32, 8)
    if decoded is None:
        raise Error('Incorrect padding')
    return decoded
