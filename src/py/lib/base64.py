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


def b64encode(s, altchars=None):
    if not isinstance(s, bytes):
        raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
    out = []
    for i in range(0, len(s), 3):
        chunk = s[i:i + 3]
        n = int.from_bytes(chunk + b'\0' * (3 - len(chunk)), 'big')
        digits = [_B64[(n >> shift) & 63] for shift in (18, 12, 6, 0)]
        keep = len(chunk) + 1
        out.append(''.join(digits[:keep]) + '=' * (4 - keep))
    encoded = ''.join(out).encode()
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
    out = []
    for i in range(0, len(body), 4):
        chunk = body[i:i + 4]
        n = 0
        for c in chunk:
            n = n * 64 + _B64.index(c)
        n <<= 6 * (4 - len(chunk))
        out.append(n.to_bytes(3, 'big')[:len(chunk) - 1 if len(chunk) < 4 else 3])
    return b''.join(out)


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
    if not isinstance(s, bytes):
        raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
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
    if not isinstance(s, bytes):
        raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
    out = []
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = int.from_bytes(chunk + b'\0' * (5 - len(chunk)), 'big')
        digits = ''.join(_B32[(n >> (35 - 5 * k)) & 31] for k in range(8))
        keep = {1: 2, 2: 4, 3: 5, 4: 7, 5: 8}[len(chunk)]
        out.append(digits[:keep] + '=' * (8 - keep))
    return ''.join(out).encode()


def b32decode(s, casefold=False):
    s = _bytes_of(s)
    if casefold:
        s = s.upper()
    text = s.decode('ascii')
    if len(text) % 8:
        raise Error('Incorrect padding')
    body = text.rstrip('=')
    out = []
    for i in range(0, len(body), 8):
        chunk = body[i:i + 8]
        n = 0
        for c in chunk:
            if c not in _B32:
                raise Error('Non-base32 digit found')
            n = n * 32 + _B32.index(c)
        n <<= 5 * (8 - len(chunk))
        size = {2: 1, 4: 2, 5: 3, 7: 4, 8: 5}.get(len(chunk))
        if size is None:
            raise Error('Incorrect padding')
        out.append(n.to_bytes(5, 'big')[:size])
    return b''.join(out)
