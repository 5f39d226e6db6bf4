# `random.Random`: an instance draws from a generator of its own. Its methods run the module's
# functions with the instance's state swapped in.


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

    def gauss(self, mu=0.0, sigma=1.0):
        return self._draw(gauss, mu, sigma)

    def normalvariate(self, mu=0.0, sigma=1.0):
        return self._draw(normalvariate, mu, sigma)
