# types: the types of functions, coroutines, generators… and SimpleNamespace.
import sys as _sys


def _function():
    pass


async def _coroutine():
    pass


def _generator():
    yield


async def _async_generator():
    yield


class _Class:
    def _method(self):
        pass


FunctionType = LambdaType = type(_function)
CodeType = type(_function.__code__)
_made = _coroutine()
CoroutineType = type(_made)
_made.close()
GeneratorType = type(_generator())
AsyncGeneratorType = type(_async_generator())
MethodType = type(_Class()._method)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _made


class SimpleNamespace:
    def __init__(self, *mapping_or_iterable, **kwargs):
        if len(mapping_or_iterable) > 1:
            raise TypeError(f"SimpleNamespace expected at most 1 argument, got {len(mapping_or_iterable)}")
        for source in mapping_or_iterable:
            for name, value in dict(source).items():
                setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        items = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"namespace({items})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__
