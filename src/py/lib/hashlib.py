"""hashlib: md5, sha1, sha224, sha256, sha384 and sha512 objects, as CPython's. `_digest` is a
native: the digest of one bytes object with the named algorithm."""

_SIZES = {
    'md5': (16, 64),
    'sha1': (20, 64),
    'sha224': (28, 64),
    'sha256': (32, 64),
    'sha384': (48, 128),
    'sha512': (64, 128),
}
algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)


def _as_bytes(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if not isinstance(data, bytes):
        raise TypeError(f"object supporting the buffer API required")
    return data


class _Hash:
    __module__ = '_hashlib'
    __qualname__ = 'HASH'

    def __init__(self, name, data=b''):
        self.name = name
        self.digest_size, self.block_size = _SIZES[name]
        self._parts = []
        if data:
            self.update(data)

    def update(self, data):
        self._parts.append(_as_bytes(data))

    def digest(self):
        return _digest(self.name, b''.join(self._parts))

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = _Hash(self.name)
        other._parts = list(self._parts)
        return other

    def __repr__(self):
        return f'<{self.name} _hashlib.HASH object @ {hex(id(self))}>'


def new(name, data=b'', *, usedforsecurity=True):
    key = name.lower().replace('-', '') if isinstance(name, str) else name
    if key not in _SIZES:
        raise ValueError(f'unsupported hash type {name}')
    return _Hash(key, data)


def _constructor(name):
    def construct(data=b'', *, usedforsecurity=True):
        return _Hash(name, data)
    construct.__name__ = construct.__qualname__ = f'openssl_{name}'
    return construct


md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')
