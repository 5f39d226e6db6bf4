# inspect: what kind of object a value is (the parts asyncio programs ask).
import types as _types

CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def _flags(obj):
    while isinstance(obj, _types.MethodType):
        obj = obj.__func__
    code = getattr(obj, '__code__', None)
    return code.co_flags if isinstance(code, _types.CodeType) else 0


def isfunction(obj):
    return isinstance(obj, _types.FunctionType)


def ismethod(obj):
    return isinstance(obj, _types.MethodType)


def isclass(obj):
    return isinstance(obj, type)


def ismodule(obj):
    return isinstance(obj, _types.ModuleType)


def isbuiltin(obj):
    return isinstance(obj, _types.BuiltinFunctionType)


def isroutine(obj):
    return isfunction(obj) or ismethod(obj) or isbuiltin(obj)


def iscoroutinefunction(obj):
    return bool(_flags(obj) & CO_COROUTINE)


def isgeneratorfunction(obj):
    return bool(_flags(obj) & CO_GENERATOR)


def isasyncgenfunction(obj):
    return bool(_flags(obj) & CO_ASYNC_GENERATOR)


def iscoroutine(obj):
    return isinstance(obj, _types.CoroutineType)


def isgenerator(obj):
    return isinstance(obj, _types.GeneratorType)


def isasyncgen(obj):
    return isinstance(obj, _types.AsyncGeneratorType)


def isawaitable(obj):
    return isinstance(obj, _types.CoroutineType) or hasattr(type(obj), '__await__')
