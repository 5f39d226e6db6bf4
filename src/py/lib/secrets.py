"""secrets: random tokens and choices from a generator of their own (not the program's
seeded `random`), as CPython's `secrets` draws from the system's."""

import base64 as _base64
import os as _os
import random as _random

_generator = _random.Random()
DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _generator.randrange(exclusive_upper_bound)


def randbits(k):
    return _generator.getrandbits(k)


def choice(seq):
    return _generator.choice(seq)


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _os.urandom(nbytes)


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    return _base64.urlsafe_b64encode(tok).rstrip(b'=').decode('ascii')


def compare_digest(a, b):
    if isinstance(a, str) != isinstance(b, str):
        raise TypeError(f"unsupported operand types(s) or combination of types: "
                        f"'{type(a).__name__}' and '{type(b).__name__}'")
    return a == b


class SystemRandom(_random.Random):
    pass
