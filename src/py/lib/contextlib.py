# contextlib, the parts programs use, written for the playground.
from functools import wraps as _wraps


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A context manager that also decorates: the function runs inside a fresh one."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @_wraps(func)
        def inner(*args, **kwargs):
            with self._recreate_cm():
                return func(*args, **kwargs)
        return inner


class AsyncContextDecorator:
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @_wraps(func)
        async def inner(*args, **kwargs):
            async with self._recreate_cm():
                return await func(*args, **kwargs)
        return inner


class _GeneratorContextManager(ContextDecorator):
    def __init__(self, func, args, kwargs):
        self.gen = func(*args, **kwargs)
        self.func, self.args, self.kwds = func, args, kwargs

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    @_wraps(func)
    def helper(*args, **kwargs):
        return _GeneratorContextManager(func, args, kwargs)
    return helper


class _AsyncGeneratorContextManager(AsyncContextDecorator):
    def __init__(self, func, args, kwargs):
        self.gen = func(*args, **kwargs)
        self.func, self.args, self.kwds = func, args, kwargs

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    async def __aenter__(self):
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow()")


def asynccontextmanager(func):
    @_wraps(func)
    def helper(*args, **kwargs):
        return _AsyncGeneratorContextManager(func, args, kwargs)
    return helper


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        import sys
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exc_type, exc_value, traceback):
        import sys
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    _stream = "stderr"


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


def _exit_of(cm, method):
    cls = type(cm)
    try:
        exit = getattr(cls, method)
    except AttributeError:
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the "
                        f"{'asynchronous ' if method == '__aexit__' else ''}context manager "
                        f"protocol") from None
    return lambda *details: exit(cm, *details)


def _replaced_by(exc, exc_details):
    """An exit callback raised `exc`: it replaces the exception being handled, which becomes
    its context."""
    if exc_details[1] is not None and exc is not exc_details[1]:
        exc.__context__ = exc_details[1]
    return exc, (type(exc), exc, exc.__traceback__)


def _raise_keeping_context(pending):
    # Raised here, its context would become the exception being handled: keep the chain the
    # callbacks made.
    context = pending.__context__
    try:
        raise pending
    except BaseException:
        pending.__context__ = context
        raise


class _BaseExitStack:
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        exit_method = getattr(type(exit), "__exit__", None)
        if exit_method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, lambda *details: exit_method(exit, *details)))
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        if not hasattr(cls, "__enter__") or not hasattr(cls, "__exit__"):
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the "
                            f"context manager protocol")
        result = cls.__enter__(cm)
        self._exit_callbacks.append((True, _exit_of(cm, "__exit__")))
        return result

    def callback(self, callback, /, *args, **kwds):
        def exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, exit_wrapper))
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context managers and callbacks entered one by one, left in the reverse order."""

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        suppressed = False
        pending = None
        while self._exit_callbacks:
            is_sync, callback = self._exit_callbacks.pop()
            try:
                if callback(*exc_details):
                    suppressed = True
                    pending = None
                    exc_details = (None, None, None)
            except BaseException as exc:
                pending, exc_details = _replaced_by(exc, exc_details)
        if pending is not None:
            _raise_keeping_context(pending)
        return received and suppressed

    def close(self):
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for asynchronous context managers and coroutine callbacks as well."""

    async def enter_async_context(self, cm):
        cls = type(cm)
        if not hasattr(cls, "__aenter__") or not hasattr(cls, "__aexit__"):
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the "
                            f"asynchronous context manager protocol")
        result = await cls.__aenter__(cm)
        self._exit_callbacks.append((False, _exit_of(cm, "__aexit__")))
        return result

    def push_async_exit(self, exit):
        exit_method = getattr(type(exit), "__aexit__", None)
        if exit_method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._exit_callbacks.append((False, lambda *details: exit_method(exit, *details)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        async def exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, exit_wrapper))
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aexit__(self, *exc_details):
        received = exc_details[0] is not None
        suppressed = False
        pending = None
        while self._exit_callbacks:
            is_sync, callback = self._exit_callbacks.pop()
            try:
                if is_sync:
                    answer = callback(*exc_details)
                else:
                    answer = await callback(*exc_details)
                if answer:
                    suppressed = True
                    pending = None
                    exc_details = (None, None, None)
            except BaseException as exc:
                pending, exc_details = _replaced_by(exc, exc_details)
        if pending is not None:
            _raise_keeping_context(pending)
        return received and suppressed
