# abc: abstract methods stop a class from being instantiated, with CPython 3.11's message.


def abstractmethod(function):
    function.__isabstractmethod__ = True
    return function


def _is_abstract(value):
    if isinstance(value, property):
        value = value.fget
    return getattr(value, '__isabstractmethod__', False) is True


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstract = {key for key, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for key in getattr(base, '__abstractmethods__', ()):
                if _is_abstract(getattr(cls, key, None)):
                    abstract.add(key)
        cls.__abstractmethods__ = frozenset(abstract)
        return cls

    def __call__(cls, *args, **kwargs):
        missing = sorted(cls.__abstractmethods__)
        if missing:
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{plural} {', '.join(missing)}")
        return super().__call__(*args, **kwargs)


class ABC(metaclass=ABCMeta):
    __slots__ = ()
