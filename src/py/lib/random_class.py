# `random`'s continuous distributions, drawn from `random()` in the order CPython 3.11 draws,
# so a seeded program gets the same numbers. Then `random.Random`: an instance draws from a
# generator of its own; its methods run the module's functions with the instance's state
# swapped in.

from math import log as _log, exp as _exp, sqrt as _sqrt, cos as _cos, acos as _acos
from math import pi as _pi, e as _e

_FOUR_LOG = _log(4.0)
_CHENG_BOUND = 1.0 + _log(4.5)


def randbytes(n):
    return getrandbits(n * 8).to_bytes(n, 'little')


def expovariate(lambd):
    # 1 - random() is in (0, 1]: its log is finite.
    return -_log(1.0 - random()) / lambd


def triangular(low=0.0, high=1.0, mode=None):
    u = random()
    try:
        split = 0.5 if mode is None else (mode - low) / (high - low)
    except ZeroDivisionError:
        return low
    if u > split:
        u, split = 1.0 - u, 1.0 - split
        low, high = high, low
    return low + (high - low) * _sqrt(u * split)


def lognormvariate(mu, sigma):
    return _exp(normalvariate(mu, sigma))


def paretovariate(alpha):
    return (1.0 - random()) ** (-1.0 / alpha)


def weibullvariate(alpha, beta):
    return alpha * (-_log(1.0 - random())) ** (1.0 / beta)


def vonmisesvariate(mu, kappa):
    if kappa <= 1e-6:
        return 2.0 * _pi * random()
    half = 0.5 / kappa
    rho = half + _sqrt(1.0 + half * half)
    while True:
        z = _cos(_pi * random())
        d = z / (rho + z)
        accept = random()
        if accept < 1.0 - d * d or accept <= (1.0 - d) * _exp(d):
            break
    q = 1.0 / rho
    f = (q + z) / (1.0 + q * z)
    if random() > 0.5:
        return (mu + _acos(f)) % (2.0 * _pi)
    return (mu - _acos(f)) % (2.0 * _pi)


def gammavariate(alpha, beta):
    if alpha <= 0.0 or beta <= 0.0:
        raise ValueError('gammavariate: alpha and beta must be > 0.0')
    if alpha == 1.0:
        return -_log(1.0 - random()) * beta
    if alpha > 1.0:
        # Cheng's rejection method (1977).
        spread = _sqrt(2.0 * alpha - 1.0)
        low = alpha - _FOUR_LOG
        high = alpha + spread
        while True:
            u1 = random()
            if not 1e-7 < u1 < 0.9999999:
                continue
            u2 = 1.0 - random()
            v = _log(u1 / (1.0 - u1)) / spread
            x = alpha * _exp(v)
            z = u1 * u1 * u2
            r = low + high * v - x
            if r + _CHENG_BOUND - 4.5 * z >= 0.0 or r >= _log(z):
                return x * beta
    # Ahrens and Dieter's method GS, for alpha < 1.
    while True:
        b = (_e + alpha) / _e
        p = b * random()
        x = p ** (1.0 / alpha) if p <= 1.0 else -_log((b - p) / alpha)
        u = random()
        if p > 1.0:
            if u <= x ** (alpha - 1.0):
                return x * beta
        elif u <= _exp(-x):
            return x * beta


def betavariate(alpha, beta):
    y = gammavariate(alpha, 1.0)
    if y:
        return y / (y + gammavariate(beta, 1.0))
    return 0.0


class Random:
    def __init__(self, x=None):
        self._state = _new_state()
        self.seed(x)

    def _draw(self, function, *args, **kwargs):
        _swap_state(self._state)
        try:
            return function(*args, **kwargs)
        finally:
            _swap_state(self._state)

    def seed(self, a=None):
        self._draw(seed, a)

    def random(self):
        return self._draw(random)

    def randint(self, a, b):
        return self._draw(randint, a, b)

    def randrange(self, *args):
        return self._draw(randrange, *args)

    def uniform(self, a, b):
        return self._draw(uniform, a, b)

    def choice(self, seq):
        return self._draw(choice, seq)

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        return self._draw(choices, population, weights, cum_weights=cum_weights, k=k)

    def shuffle(self, x):
        self._draw(shuffle, x)

    def sample(self, population, k, *, counts=None):
        return self._draw(sample, population, k, counts=counts)

    def getrandbits(self, k):
        return self._draw(getrandbits, k)

    def randbytes(self, n):
        return self._draw(randbytes, n)

    def getstate(self):
        return self._draw(getstate)

    def setstate(self, state):
        return self._draw(setstate, state)

    def gauss(self, mu=0.0, sigma=1.0):
        return self._draw(gauss, mu, sigma)

    def normalvariate(self, mu=0.0, sigma=1.0):
        return self._draw(normalvariate, mu, sigma)

    def expovariate(self, lambd):
        return self._draw(expovariate, lambd)

    def triangular(self, low=0.0, high=1.0, mode=None):
        return self._draw(triangular, low, high, mode)

    def lognormvariate(self, mu, sigma):
        return self._draw(lognormvariate, mu, sigma)

    def paretovariate(self, alpha):
        return self._draw(paretovariate, alpha)

    def weibullvariate(self, alpha, beta):
        return self._draw(weibullvariate, alpha, beta)

    def vonmisesvariate(self, mu, kappa):
        return self._draw(vonmisesvariate, mu, kappa)

    def gammavariate(self, alpha, beta):
        return self._draw(gammavariate, alpha, beta)

    def betavariate(self, alpha, beta):
        return self._draw(betavariate, alpha, beta)
