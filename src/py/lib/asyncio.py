# asyncio for the playground, written after the semantics of CPython 3.11's asyncio: the same
# futures, tasks and callbacks in the same order, so that programs print what CPython prints.
# The event loop's queues and clock are native (_call_soon, _call_at, _run_next...).

PENDING = 'PENDING'
CANCELLED = 'CANCELLED'
FINISHED = 'FINISHED'
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_FILE = '/usr/lib/python3.11/asyncio/'


class CancelledError(BaseException):
    __module__ = 'asyncio.exceptions'


class InvalidStateError(Exception):
    __module__ = 'asyncio.exceptions'


class BrokenBarrierError(RuntimeError):
    __module__ = 'asyncio.exceptions'


class QueueEmpty(Exception):
    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    __module__ = 'asyncio.queues'


class LimitOverrunError(Exception):
    __module__ = 'asyncio.exceptions'

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


TimeoutError = TimeoutError


class BaseExceptionGroup(BaseException):
    __module__ = 'builtins'

    def __new__(cls, message, exceptions):
        if cls is BaseExceptionGroup:
            if all(isinstance(e, Exception) for e in exceptions):
                cls = ExceptionGroup
        return BaseException.__new__(cls, message, exceptions)

    def __init__(self, message, exceptions):
        if not isinstance(message, str):
            raise TypeError("argument 1 must be str, not " + type(message).__name__)
        given = exceptions if isinstance(exceptions, (list, tuple)) else list(exceptions)
        exceptions = tuple(given)
        if not exceptions:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for exc in exceptions:
            if not isinstance(exc, BaseException):
                raise ValueError(f"Item {exceptions.index(exc)} of second argument (exceptions) is not an exception")
        self.message = message
        self.exceptions = exceptions
        self.args = (message, given)

    def __str__(self):
        n = len(self.exceptions)
        return f"{self.message} ({n} sub-exception{'s' if n > 1 else ''})"

    def __repr__(self):
        return f"{type(self).__name__}({self.message!r}, {self.args[1]!r})"

    def _matching(self, condition):
        if isinstance(condition, type) or isinstance(condition, tuple):
            kinds = condition
            return lambda e: isinstance(e, kinds)
        return condition

    def subgroup(self, condition):
        match = self._matching(condition)
        if match(self):
            return self
        kept = []
        for exc in self.exceptions:
            if isinstance(exc, BaseExceptionGroup):
                sub = exc.subgroup(condition)
                if sub is not None:
                    kept.append(sub)
            elif match(exc):
                kept.append(exc)
        if not kept:
            return None
        return self._part(kept)

    def split(self, condition):
        match = self._matching(condition)
        if match(self):
            return self, None
        matched, rest = [], []
        for exc in self.exceptions:
            if isinstance(exc, BaseExceptionGroup):
                m, r = exc.split(condition)
                if m is not None:
                    matched.append(m)
                if r is not None:
                    rest.append(r)
            elif match(exc):
                matched.append(exc)
            else:
                rest.append(exc)
        return (self._part(matched) if matched else None,
                self._part(rest) if rest else None)

    def derive(self, exceptions):
        return BaseExceptionGroup(self.message, exceptions)

    def _part(self, exceptions):
        # As CPython's split: a part keeps the group's traceback, cause, context and a copy
        # of its notes (setting the cause, as C code does, suppresses the context).
        part = self.derive(exceptions)
        if not isinstance(part, BaseExceptionGroup):
            raise TypeError("derive must return an instance of BaseExceptionGroup")
        part.__traceback__ = self.__traceback__
        part.__context__ = self.__context__
        part.__cause__ = self.__cause__
        notes = getattr(self, '__notes__', None)
        if isinstance(notes, (list, tuple)):
            part.__notes__ = list(notes)
        return part


class ExceptionGroup(BaseExceptionGroup, Exception):
    __module__ = 'builtins'


# ----- small helpers -------------------------------------------------------------------------

def _short_repr(value):
    """reprlib.repr, as CPython's asyncio shows results and arguments."""
    from reprlib import repr as short
    return short(value)


_SOURCES = {
    '_run_until_complete_cb': 'base_events.py:180',
    'gather.<locals>._done_callback': 'tasks.py:764',
    '_wait.<locals>._on_completion': 'tasks.py:531',
    '_release_waiter': 'tasks.py:421',
    '_set_result_unless_cancelled': 'futures.py:311',
    'as_completed.<locals>._on_completion': 'tasks.py:600',
    'shield.<locals>._inner_done_callback': 'tasks.py:902',
    'shield.<locals>._outer_done_callback': 'tasks.py:921',
}


# Future's methods that are natives here (asyncio_fast.rs), by the name they show.
_NATIVE_FUTURE_METHODS = ('cancelled', 'done', 'result', 'exception', 'add_done_callback',
                          'set_result', '_schedule_callbacks')


def _callback_name(callback):
    name = getattr(callback, '__qualname__', None) or getattr(callback, '__name__', None)
    if name is None:
        if isinstance(callback, _Partial):
            return _callback_name(callback.func)
        return repr(callback)
    if name in _NATIVE_FUTURE_METHODS and isinstance(getattr(callback, '__self__', None), Future):
        # Their qualified name, as CPython's C futures have it.
        return 'Future.' + name
    return name


def _format_callback_source(callback, args):
    name = _callback_name(callback)
    if name == 'Task.task_wakeup' or name == 'Task.task_step':
        return name + '()'
    text = name + '(' + ', '.join(_short_repr(a) for a in args) + ')'
    source = _SOURCES.get(name)
    if source is not None:
        return text + ' at ' + _FILE + source
    # As CPython's `_get_function_source`: a plain function says where it was defined.
    if type(callback).__name__ == 'function':
        code = callback.__code__
        return text + ' at ' + code.co_filename + ':' + str(code.co_firstlineno)
    return text


def _format_callbacks(callbacks):
    size = len(callbacks)
    if size == 1:
        inner = _format_callback_source(callbacks[0], ())
    elif size == 2:
        inner = _format_callback_source(callbacks[0], ()) + ', ' + _format_callback_source(callbacks[1], ())
    else:
        inner = (_format_callback_source(callbacks[0], ()) + f', <{size - 2} more>, '
                 + _format_callback_source(callbacks[-1], ()))
    return f'cb=[{inner}]'


class _Frame:
    """What Task.get_stack() lists: a coroutine's frame, where it stands."""

    def __init__(self, code, filename, line):
        self.f_code = code
        self.f_lineno = line
        self._filename = filename

    def __repr__(self):
        return (f"<frame at {hex(id(self))}, file '{self._filename}', line {self.f_lineno}, "
                f"code {self.f_code.co_name}>")


def _format_coroutine(coro):
    name, filename, line, first = _coro_info(coro)
    if filename is None:
        return name
    if line is not None:
        return f'{name}() running at {filename}:{line}'
    return f'{name}() done, defined at {filename}:{first}'


class _Partial:
    def __init__(self, func, *args):
        self.func = func
        self.args = args

    def __call__(self, *more):
        return self.func(*self.args, *more)


# ----- the event loop -------------------------------------------------------------------------

_running_loop = None
_current_tasks = {}
_task_counter = 0


class AbstractEventLoopPolicy:
    pass


class _UnixDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        self._loop = loop

    def new_event_loop(self):
        return _UnixSelectorEventLoop()


_policy = _UnixDefaultEventLoopPolicy()


def get_event_loop_policy():
    return _policy


def set_event_loop_policy(policy):
    global _policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _policy = _UnixDefaultEventLoopPolicy() if policy is None else policy


def get_running_loop():
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_event_loop():
    loop = _running_loop
    if loop is not None:
        return loop
    return _policy.get_event_loop()


def _get_event_loop():
    return get_event_loop()


def set_event_loop(loop):
    _policy.set_event_loop(loop)


def new_event_loop():
    return _policy.new_event_loop()


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut._loop.stop()


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        _loop_init(self)
        self._closed = False
        self._stopping = False
        self._running = False
        self._debug = False
        self._exception_handler = None
        self.slow_callback_duration = 0.1

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def time(self):
        return _time()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _running_loop is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        task = Task(coro, loop=self, name=name, context=context)
        return task

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if not callable(callback):
            raise TypeError(f'a callable object was expected by call_soon(), got {callback!r}')
        return _call_soon(self, callback, args)

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(_time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        return _call_at(self, when, callback, args)

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args)

    def stop(self):
        _loop_stop(self)

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        _loop_clear(self)

    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._running = True
        _set_running_loop(self)
        try:
            # Each turn runs the next ready callback (_run_next), or waits for the next timer.
            run_next = _run_next
            stop = _STOP
            while True:
                try:
                    if self._debug:
                        if self._run_timed(run_next, stop) is stop:
                            break
                    elif run_next(self, stop) is stop:
                        break
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc:
                    handle = _running_handle(self)
                    if handle is None:
                        raise
                    self._callback_failed(handle, exc)
                    handle = None
                if _watching:
                    # The loop lets go of the callback that ran: a failed task that only it
                    # held is dropped now, and reported at once, as CPython reports it.
                    _running_handle(self)
                    _report_unretrieved()
        finally:
            self._running = False
            _set_running_loop(None)

    def _run_timed(self, run_next, stop):
        # Debug mode: a callback that held the loop for `slow_callback_duration` or more is
        # logged, as CPython's `_run_once` logs it.
        started = self.time()
        result = run_next(self, stop)
        took = self.time() - started
        handle = _running_handle(self)
        if handle is not None and took >= self.slow_callback_duration:
            message = f'Executing {_format_handle(handle)} took {took:.3f} seconds'
            _log(30, _SLOW_LOGS, message, None)
        return result

    def _callback_failed(self, handle, exc):
        name = _format_callback_source(handle._callback_for_repr(), handle._args_for_repr())
        self.call_exception_handler({
            'message': f'Exception in callback {name}',
            'exception': exc,
            'handle': handle,
        })

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    async def shutdown_asyncgens(self):
        closing = _live_async_generators()
        if not closing:
            return
        results = await gather(*[agen.aclose() for agen in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    async def shutdown_default_executor(self):
        pass

    def set_exception_handler(self, handler):
        global _handler_loop
        self._exception_handler = handler
        _handler_loop = self if handler is not None else None

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            value = context[key]
            if key == 'handle':
                value = _handle_repr(value)
            else:
                value = repr(value)
            lines.append(f'{key}: {value}')
        _log(40, _HANDLER_LOGS, '\n'.join(lines), exception)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    def run_in_executor(self, executor, func, *args):
        raise RuntimeError('loop.run_in_executor() is not available here: ' + _NO_THREADS)

    def _no_network(self, *args, **kwargs):
        raise RuntimeError('the event loop\'s network methods are not available here: ' + _NO_NETWORK)

    create_connection = create_server = create_datagram_endpoint = create_unix_connection = \
        create_unix_server = getaddrinfo = getnameinfo = sock_connect = sock_accept = \
        sock_recv = sock_sendall = connect_read_pipe = connect_write_pipe = add_reader = \
        add_writer = _no_network

    def subprocess_exec(self, *args, **kwargs):
        raise RuntimeError('loop.subprocess_exec() is not available here: ' + _NO_PROCESSES)

    subprocess_shell = subprocess_exec

    def add_signal_handler(self, sig, callback, *args):
        raise RuntimeError('loop.add_signal_handler() is not available here: the playground '
                           'receives no signals: stop the program with the Stop button')


class BaseSelectorEventLoop(BaseEventLoop):
    def _read_from_self(self):
        # The self-pipe's reader: call_soon_threadsafe wakes the loop through it.
        pass


class _UnixSelectorEventLoop(BaseSelectorEventLoop):
    def __init__(self):
        BaseSelectorEventLoop.__init__(self)
        _log(10, _SELECTOR_LOGS, 'Using selector: EpollSelector', None)


# Where CPython 3.11's asyncio logs from (file, line, function), for a log format that shows it.
_SELECTOR_LOGS = ('/usr/lib/python3.11/asyncio/selector_events.py', 54, '__init__')
_HANDLER_LOGS = ('/usr/lib/python3.11/asyncio/base_events.py', 1771, 'default_exception_handler')
_SLOW_LOGS = ('/usr/lib/python3.11/asyncio/base_events.py', 1917, '_run_once')


def _format_handle(handle):
    # A task's step is shown as the task.
    owner = getattr(handle._callback_for_repr(), '__self__', None)
    if isinstance(owner, Task):
        return repr(owner)
    return str(handle)


def _log(level, where, message, exc):
    # Through the program's `logging` when it imported it (its handlers, format and levels
    # apply, as to CPython's `asyncio` logger); else an error is printed as logging's last
    # resort prints it, and anything less is not shown.
    logging = _imported('logging')
    if logging is not None:
        logging.getLogger('asyncio')._log_at(level, where, message, exc)
    elif level >= 30:
        _log_error(message, exc)


def _handle_repr(handle):
    info = [type(handle).__name__]
    if handle.cancelled():
        info.append('cancelled')
    if type(handle).__name__ == 'TimerHandle':
        info.append(f'when={handle.when()}')
    if not handle.cancelled():
        # CPython's handle lets go of its callback once cancelled.
        info.append(_format_callback_source(handle._callback_for_repr(), handle._args_for_repr()))
    return '<' + ' '.join(info) + '>'


# ----- futures ----------------------------------------------------------------------------------

def isfuture(obj):
    return getattr(obj, '_asyncio_future_blocking', None) is not None


_watching = False
# contextvars' copy_context, once the program imports contextvars.
_copy_context = None
# What _run_next returns when the loop stops: no callback can return it.
_STOP = object()


def _report_unretrieved():
    _report_dropped(_collect_unretrieved())


# The loop given an exception handler of the program's: a task dropped with its exception
# never retrieved is reported to it (CPython's task calls its loop's handler as it goes).
_handler_loop = None


class _DroppedTask:
    """What a handler gets as the dropped task (gone here): its repr as it was."""

    def __init__(self, text):
        self._text = text

    def __repr__(self):
        return self._text


def _report_dropped(messages):
    for text, exc in messages:
        loop = _handler_loop
        if loop is not None and loop._exception_handler is not None:
            message, _, task = text.partition('\nfuture: ')
            loop.call_exception_handler(
                {'message': message, 'exception': exc, 'future': _DroppedTask(task)})
        else:
            _log(40, _HANDLER_LOGS, text, exc)


class Future:
    __module__ = '_asyncio'
    _asyncio_future_blocking = False
    # The timeline lanes whose result reaches the coroutine awaiting this future.
    _lanes_taken = ()
    _state = PENDING
    _result = None
    _exception = None
    _loop = None
    _cancel_message = None
    _cancelled_exc = None
    _log_traceback = False

    # Natives for the common case; each hands the rest to _py_<name> below.
    cancelled = _future_cancelled
    done = _future_done
    result = _future_result
    exception = _future_exception
    add_done_callback = _future_add_done_callback
    set_result = _future_set_result
    _schedule_callbacks = _future_schedule_callbacks

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = []

    def __class_getitem__(cls, item):
        # `asyncio.Future[str]`, `asyncio.Task[None]` in annotations.
        from types import GenericAlias
        return GenericAlias(cls, item)

    def __repr__(self):
        return f'<{self.__class__.__name__} {" ".join(self._repr_parts())}>'

    def _repr_parts(self):
        info = [self._state.lower()]
        if self._state == FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={_short_repr(self._result)}')
        if self._callbacks:
            info.append(_format_callbacks(self._callbacks))
        return info

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        # As CPython's C futures: the CancelledError that ended the task, else a new one.
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = CancelledError()
        else:
            exc = CancelledError(self._cancel_message)
        return exc

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != PENDING:
            return False
        self._state = CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_exception(self, exception):
        if self._state != PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = FINISHED
        self._schedule_callbacks()
        self._log_traceback = True
        self._watch_exception()

    def _watch_exception(self):
        global _watching
        _watching = True
        header = 'Future exception was never retrieved\nfuture: ' + repr(self)
        _watch(self, (header, self._exception))

    def __await__(self):
        # As CPython's C future: its state read directly, its own result() (not a subclass's).
        if self._state == PENDING:
            self._asyncio_future_blocking = True
            try:
                yield self
            except BaseException:
                # The future's exception, thrown into the awaiting coroutine.
                if self._state != PENDING:
                    for lane in self._lanes_taken:
                        _lane_taken(lane)
                raise
            if self._state == PENDING:
                raise RuntimeError("await wasn't used with future")
        if self._lanes_taken:
            for lane in self._lanes_taken:
                _lane_taken(lane)
        return _future_result(self)

    __iter__ = __await__


# What the natives of Future hand over: every case but the common one.
def _py_cancelled(self):
    return self._state == CANCELLED


def _py_done(self):
    return self._state != PENDING


def _py_result(self):
    if self._state == CANCELLED:
        raise self._make_cancelled_error()
    if self._state != FINISHED:
        raise InvalidStateError('Result is not set.')
    if self._log_traceback:
        self._log_traceback = False
        _unwatch(self)
    if self._exception is not None:
        raise self._exception
    return self._result


def _py_exception(self):
    if self._state == CANCELLED:
        raise self._make_cancelled_error()
    if self._state != FINISHED:
        raise InvalidStateError('Exception is not set.')
    if self._log_traceback:
        self._log_traceback = False
        _unwatch(self)
    return self._exception


def _py_add_done_callback(self, fn, *, context=None):
    if self._state != PENDING:
        _call_soon(self._loop, fn, (self,))
    else:
        self._callbacks.append(fn)


def _py_set_result(self, result):
    if self._state != PENDING:
        raise InvalidStateError('invalid state')
    self._result = result
    self._state = FINISHED
    self._schedule_callbacks()


def _py_schedule_callbacks(self):
    callbacks = self._callbacks
    if not callbacks:
        return
    self._callbacks = []
    loop = self._loop
    for callback in callbacks:
        _call_soon(loop, callback, (self,))


def _py_set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def wrap_future(future, *, loop=None):
    return future


# ----- tasks --------------------------------------------------------------------------------------

def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_task_of(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in _live_tasks() if t._loop is loop and not t.done()}


def _py_enter_task(loop, task):
    current = _current_task_of(loop)
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another task {current!r} is being executed.")
    _set_current_task(loop, task)
    _context_enter(task)


def _py_leave_task(loop, task):
    current = _current_task_of(loop)
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match the current task {current!r}.")
    _set_current_task(loop, None)
    _context_leave()


class Task(Future):
    __module__ = '_asyncio'
    _must_cancel = False
    _fut_waiter = None
    _num_cancels_requested = 0

    # A native for the common case (a loop given, a coroutine); _py_task_init does the rest.
    __init__ = _task_init

    def _repr_parts(self):
        info = Future._repr_parts(self)
        if self._num_cancels_requested > 0 and not self.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % self._name)
        info.insert(2, f'coro=<{_format_coroutine(self._coro)}>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return info

    def _watch_exception(self):
        global _watching
        _watching = True
        header = 'Task exception was never retrieved\nfuture: ' + repr(self)
        _watch(self, (header, self._exception))

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        # A pending task's coroutine frame, as CPython gives it (a finished task's exception
        # keeps no traceback objects here: no frames).
        if self.done() or limit == 0:
            return []
        name, filename, line, first = _coro_info(self._coro)
        if filename is None:
            return []
        return [_Frame(self._coro.cr_code, filename, line)]

    def print_stack(self, *, limit=None, file=None):
        import sys
        frames = self.get_stack(limit=limit)
        exc = self.exception() if self.done() and not self.cancelled() else None
        if not frames:
            print(f'No stack for {self!r}', file=file)
        elif exc is not None:
            print(f'Traceback for {self!r} (most recent call last):', file=file)
        else:
            print(f'Stack for {self!r} (most recent call last):', file=file)
        out = sys.stderr if file is None else file
        for frame in frames:
            code = frame.f_code
            out.write(f'  File "{code.co_filename}", line {frame.f_lineno}, in {code.co_name}\n')
            text = _source_line(code.co_filename, frame.f_lineno)
            if text:
                out.write(f'    {text}\n')
        if exc is not None:
            print(f'{type(exc).__name__}: {exc}' if str(exc) else type(exc).__name__,
                  file=file)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    # A step and a wake-up are natives (asyncio_fast.rs); what they cannot do natively is below.
    task_step = _task_step
    task_wakeup = _task_wakeup

    _end_lane = _task_end_lane


# What the natives of a task's step hand over (see asyncio_fast.rs).
def _py_task_init(self, coro, *, loop=None, name=None, context=None):
    global _task_counter
    # Past the playground's memory limit a new task is where the program hears of it.
    _check_memory()
    if loop is None:
        loop = get_event_loop()
    self._loop = loop
    self._callbacks = []
    if not iscoroutine(coro):
        raise TypeError(f"a coroutine was expected, got {coro!r}")
    if name is None:
        _task_counter += 1
        self._name = f'Task-{_task_counter}'
    else:
        self._name = str(name)
    self._coro = coro
    if _copy_context is not None:
        # As CPython: the task runs in a copy of the context current when it was made.
        self._context = _copy_context() if context is None else context
    self._lane = _lane_new(coro, self._name)
    self._lanes_taken = (self._lane,)
    _call_soon(loop, self.task_step, ())
    _register_task(self)


def _py_task_step(self, exc=None):
    if self._state != PENDING:
        raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
    if self._must_cancel:
        if not isinstance(exc, CancelledError):
            exc = self._make_cancelled_error()
        self._must_cancel = False
    coro = self._coro
    self._fut_waiter = None
    loop = self._loop
    _task_enter(loop, self)
    try:
        if exc is None:
            result = coro.send(None)
        else:
            result = coro.throw(exc)
    except StopIteration as stop:
        if self._must_cancel:
            self._must_cancel = False
            Future.cancel(self, msg=self._cancel_message)
        else:
            Future.set_result(self, stop.value)
    except CancelledError as cancelled:
        self._cancelled_exc = cancelled
        Future.cancel(self)
    except (KeyboardInterrupt, SystemExit) as error:
        Future.set_exception(self, error)
        _unwatch(self)
        raise
    except BaseException as error:
        Future.set_exception(self, error)
    else:
        _task_yielded(self, result)
    finally:
        _task_leave(loop, self)

def _py_task_wakeup(self, future):
    # The step runs outside the `except` clause, as CPython's C task runs it: the coroutine
    # must not see the future's exception as one being handled (the __context__ of its next).
    error = None
    try:
        future.result()
    except BaseException as exc:
        error = exc
    if error is None:
        self.task_step()
    else:
        self.task_step(error)


# The rest of a step the VM took natively, in the cases it does not finish itself: the
# coroutine raised, returned with a cancellation pending, or yielded something unusual.
def _task_step_raised(self, exc):
    try:
        if isinstance(exc, CancelledError):
            self._cancelled_exc = exc
            Future.cancel(self)
        elif isinstance(exc, (KeyboardInterrupt, SystemExit)):
            Future.set_exception(self, exc)
            # The exception ends the loop and keeps the task alive to the program's end:
            # CPython never gets to report it as never retrieved.
            _unwatch(self)
            raise exc
        else:
            Future.set_exception(self, exc)
    finally:
        _task_leave(self._loop, self)


def _task_step_returned(self, value):
    try:
        if self._must_cancel:
            self._must_cancel = False
            Future.cancel(self, msg=self._cancel_message)
        else:
            Future.set_result(self, value)
    finally:
        _task_leave(self._loop, self)


def _task_step_yielded(self, result):
    try:
        _py_task_yielded(self, result)
    finally:
        _task_leave(self._loop, self)


def _py_task_enter(loop, task):
    _py_enter_task(loop, task)
    _lane_enter(task._lane, task)


def _py_task_leave(loop, task):
    _py_leave_task(loop, task)
    _lane_leave(task._lane, task._fut_waiter)
    if task._state != PENDING:
        task._end_lane()


def _py_task_yielded(self, result):
    loop = self._loop
    blocking = getattr(result, '_asyncio_future_blocking', None)
    if blocking is not None:
        if result._loop is not loop:
            new_exc = RuntimeError(f'Task {self!r} got Future {result!r} attached to a different loop')
            _call_soon(loop, self.task_step, (new_exc,))
        elif blocking:
            if result is self:
                new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                _call_soon(loop, self.task_step, (new_exc,))
            else:
                result._asyncio_future_blocking = False
                result.add_done_callback(self.task_wakeup)
                self._fut_waiter = result
                if self._must_cancel:
                    if self._fut_waiter.cancel(msg=self._cancel_message):
                        self._must_cancel = False
        else:
            new_exc = RuntimeError(f'yield was used instead of yield from in task {self!r} with {result!r}')
            _call_soon(loop, self.task_step, (new_exc,))
    elif result is None:
        _call_soon(loop, self.task_step, ())
    else:
        new_exc = RuntimeError(f'Task got bad yield: {result!r}')
        _call_soon(loop, self.task_step, (new_exc,))


def iscoroutine_or_future(obj):
    return iscoroutine(obj) or isfuture(obj)


def _py_ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError('The future belongs to a different loop than the one specified as the loop argument')
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        return _py_ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _wrap_awaitable(awaitable):
    return await awaitable


def _py_create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    task = loop.create_task(coro, context=context)
    if name is not None:
        task.set_name(name)
    return task


class _Sleep0:
    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        _lane_sleep0()
        await _Sleep0()
        return result
    armed = _sleep_arm(delay, result)
    if armed is None:
        loop = get_running_loop()
        future = Future(loop=loop)
        future._wait_label = f'sleep({delay!r})'
        future._wait_until = _time() + delay
        handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    else:
        future, handle = armed
    try:
        return await future
    finally:
        handle.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False
        self._wait_label = 'gather(' + ', '.join(_label_of(c) for c in children[:3]) + (', …)' if len(children) > 3 else ')')

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def _label_of(fut):
    coro = getattr(fut, '_coro', None)
    if coro is not None:
        name, filename, line, first = _coro_info(coro)
        return name + '()'
    return type(fut).__name__


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    # What the children's callback counts; a native counts a child that finished with a
    # result and is not the last (asyncio_fast.rs), `_done_callback` does everything else.
    state = _GatherState()
    state.nfuts = 0
    state.nfinished = 0
    state.outer = None
    children = []

    def _done_callback(fut):
        state.nfinished += 1
        outer = state.outer
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer._lanes_taken = fut._lanes_taken
                    outer.set_exception(exc)
                    return
        if state.nfinished == state.nfuts:
            # Every child with a result, read natively; any other case, child by child.
            results = _gather_results(children)
            if results is None:
                results = []
                for child in children:
                    if child.cancelled():
                        res = CancelledError('' if child._cancel_message is None else child._cancel_message)
                    else:
                        res = child.exception()
                        if res is None:
                            res = child.result()
                    results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer._lanes_taken = _lanes_taken_by(children)
                outer.set_result(results)

    done_callback = _gather_callback(state, _done_callback)
    # Each argument's future (the same one for an argument given twice), counted, watched
    # by done_callback and appended to children: a native loop (asyncio_fast.rs).
    loop = _gather_children(coros_or_futures, state, done_callback, children)
    state.outer = _GatheringFuture(children, loop=loop)
    return state.outer


class _GatherState:
    pass


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = get_running_loop()
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    fs = {ensure_future(f, loop=loop) for f in fs}
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    waiter._wait_label = 'wait(' + str(len(fs)) + ' tasks)'
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    cb = _Partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = _Partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)
    waiter._wait_label = _label_of(fut)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    done = Queue()
    loop = _get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        for lane in f._lanes_taken:
            _lane_taken(lane)
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


_NO_THREADS = ('the playground runs one thread: call the function directly, and simulate its '
               'waiting with `await asyncio.sleep(...)`')
_NO_NETWORK = 'the playground has no network: simulate the I/O with `await asyncio.sleep(...)`'
_NO_PROCESSES = ('the playground cannot start processes: simulate the work with '
                 '`await asyncio.sleep(...)`')


def run_coroutine_threadsafe(coro, loop):
    raise RuntimeError('asyncio.run_coroutine_threadsafe() is not available here: ' + _NO_THREADS)


async def to_thread(func, *args, **kwargs):
    raise RuntimeError('asyncio.to_thread() is not available here: ' + _NO_THREADS)


async def open_connection(host=None, port=None, **kwargs):
    raise RuntimeError('asyncio.open_connection() is not available here: ' + _NO_NETWORK)


async def start_server(client_connected_cb, host=None, port=None, **kwargs):
    raise RuntimeError('asyncio.start_server() is not available here: ' + _NO_NETWORK)


async def open_unix_connection(path=None, **kwargs):
    raise RuntimeError('asyncio.open_unix_connection() is not available here: ' + _NO_NETWORK)


async def start_unix_server(client_connected_cb, path=None, **kwargs):
    raise RuntimeError('asyncio.start_unix_server() is not available here: ' + _NO_NETWORK)


async def create_subprocess_exec(program, *args, **kwargs):
    raise RuntimeError('asyncio.create_subprocess_exec() is not available here: ' + _NO_PROCESSES)


async def create_subprocess_shell(cmd, **kwargs):
    raise RuntimeError('asyncio.create_subprocess_shell() is not available here: ' + _NO_PROCESSES)


class BaseProtocol:
    """The protocol classes exist so that a program defining one runs up to the loop call that
    would need the network."""

    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass


class Protocol(BaseProtocol):
    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class BufferedProtocol(BaseProtocol):
    pass


class DatagramProtocol(BaseProtocol):
    pass


class SubprocessProtocol(BaseProtocol):
    pass


class StreamReader:
    def __init__(self, *args, **kwargs):
        raise RuntimeError('asyncio.StreamReader is not available here: ' + _NO_NETWORK)


class StreamWriter(StreamReader):
    pass


class IncompleteReadError(EOFError):
    __module__ = 'asyncio.exceptions'

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


# ----- timeouts -----------------------------------------------------------------------------------

class Timeout:
    __module__ = 'asyncio.timeouts'

    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'active':
            if self._state == 'created':
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = ['']
        if self._state == 'active':
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        info_str = ' '.join(info)
        return f"<Timeout [{self._state}]{info_str}>"

    async def __aenter__(self):
        if self._state != 'created':
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = 'active'
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            # (CPython 3.11.7's: a cancellation requested before the block is not ours.)
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# ----- task groups --------------------------------------------------------------------------------

class TaskGroup:
    __module__ = 'asyncio.taskgroups'

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has been already entered")
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        propagate_cancellation_error = None
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if et is not None:
            if et is CancelledError:
                if self._parent_cancel_requested and not self._parent_task.uncancel():
                    pass
                else:
                    propagate_cancellation_error = exc
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
                self._on_completed_fut._wait_label = 'TaskGroup'
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error is not None:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            me = BaseExceptionGroup('unhandled errors in a TaskGroup', errors)
            raise me from None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro, context=context)
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# ----- synchronization ----------------------------------------------------------------------------

class _LoopBound:
    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _base_repr(obj):
    return f'<{type(obj).__module__}.{type(obj).__qualname__} object at {hex(id(obj))}>'


class Lock(_ContextManagerMixin, _LoopBound):
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        res = _base_repr(self)
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._get_loop().create_future()
        fut._wait_label = 'Lock'
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBound):
    __module__ = 'asyncio.locks'
    # What the timeline says a task waiting on it awaits.
    _timeline_label = 'Event'

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        res = _base_repr(self)
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        fut._wait_label = self._timeline_label
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBound):
    __module__ = 'asyncio.locks'

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []
        self._label = 'Condition'

    def __repr__(self):
        res = _base_repr(self)
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            fut._wait_label = self._label
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, _LoopBound):
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        res = _base_repr(self)
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._get_loop().create_future()
        fut._wait_label = 'Semaphore'
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)


class Barrier(_LoopBound):
    """Holds `parties` tasks at `wait()` until the last one arrives, then lets them all go.
    Its state is one of 'filling', 'draining' (the last arrived: the others leave),
    'resetting' and 'broken', as CPython names them in its repr."""
    __module__ = 'asyncio.locks'

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._cond._label = 'Barrier'
        self._parties = parties
        self._state = 'filling'
        self._count = 0

    def __repr__(self):
        res = _base_repr(self)
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{res[1:-1]} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._state = 'draining'
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state != 'filling')
                    if self._state in ('broken', 'resetting'):
                        raise BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(lambda: self._state not in ('draining', 'resetting'))
        if self._state == 'broken':
            raise BrokenBarrierError('Barrier aborted')

    def _exit(self):
        if self._count == 0:
            if self._state in ('resetting', 'draining'):
                self._state = 'filling'
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                self._state = 'resetting'
            else:
                self._state = 'filling'
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = 'broken'
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == 'filling' else 0

    @property
    def broken(self):
        return self._state == 'broken'


# ----- queues -------------------------------------------------------------------------------------

class Queue(_LoopBound):
    __module__ = 'asyncio.queues'

    def __class_getitem__(cls, item):
        # `asyncio.Queue[int]` in annotations.
        from types import GenericAlias
        return GenericAlias(cls, item)

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished._timeline_label = 'Queue.join'
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        item = self._queue[self._head]
        self._head += 1
        if self._head > 32 and self._head * 2 > len(self._queue):
            del self._queue[:self._head]
            self._head = 0
        return item

    def _put(self, item):
        self._queue.append(item)

    def _items(self):
        return self._queue[self._head:]

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {hex(id(self))} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if self.qsize():
            result += f' _queue={self._items()!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue) - self._head

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return self.qsize() == 0

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            putter._wait_label = 'Queue.put'
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = self._get_loop().create_future()
            getter._wait_label = 'Queue.get'
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


def _heappush(heap, item):
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    returned = heap[0]
    endpos = len(heap)
    pos = 0
    childpos = 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = last
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if last < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = last
    return returned


class PriorityQueue(Queue):
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)

    def _items(self):
        return list(self._queue)


class LifoQueue(Queue):
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()

    def _items(self):
        return list(self._queue)


# ----- running ------------------------------------------------------------------------------------

def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class Runner:
    __module__ = 'asyncio.runners'

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _running_loop is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = 'initialized'


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _run_cell(coro):
    """A notebook cell with a top-level await: it runs on an event loop of its own."""
    return new_event_loop().run_until_complete(coro)


def coroutine(func):
    return func


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = BaseDefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy


# ----- async generators: the built-ins anext() and aiter(), aclose() -----------------------------

def aiter(async_iterable):
    try:
        method = type(async_iterable).__aiter__
    except AttributeError:
        raise TypeError(f"'{type(async_iterable).__name__}' object is not an async iterable") from None
    return method(async_iterable)


def anext(async_iterator, *default):
    if len(default) > 1:
        raise TypeError(f"anext expected at most 2 arguments, got {len(default) + 1}")
    try:
        method = type(async_iterator).__anext__
    except AttributeError:
        raise TypeError(f"'{type(async_iterator).__name__}' object is not an async iterator") from None
    step = method(async_iterator)
    if not default:
        return step
    return _anext_default(step, default[0])


async def _anext_default(step, default):
    try:
        return await step
    except StopAsyncIteration:
        return default


async def _agen_aclose(step):
    try:
        await step
    except (GeneratorExit, StopAsyncIteration):
        return None
    raise RuntimeError("async generator ignored GeneratorExit")


# ----- except*: what the compiled clauses call -----------------------------------------------

class _ExceptStar:
    """One `try … except*` handling an exception: the clauses take their parts of the group,
    then `finish` says what goes on (as CPython's reraise-star does)."""

    def __init__(self, exc):
        self.original = exc
        self.naked = not isinstance(exc, BaseExceptionGroup)
        if self.naked:
            wrap = ExceptionGroup if isinstance(exc, Exception) else BaseExceptionGroup
            self.rest = wrap("", (exc,))
            self.rest.__traceback__ = exc.__traceback__
        else:
            self.rest = exc
        self.current = None
        # What the clauses raised, in clause order: (exception, it is the clause's own part).
        self.outcomes = []

    def take(self, kinds):
        for kind in (kinds if isinstance(kinds, tuple) else (kinds,)):
            if isinstance(kind, type) and issubclass(kind, BaseExceptionGroup):
                raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
        if self.rest is None:
            return None
        if self.naked:
            # The wrapped exception is taken whole, its wrapper as the clause's part.
            if isinstance(self.original, kinds):
                self.current, self.rest = self.rest, None
            else:
                self.current = None
            return self.current
        self.current, self.rest = self.rest.split(kinds)
        return self.current

    def raised_in_clause(self, exc):
        self.outcomes.append((exc, exc is self.current))

    def finish(self):
        if self.naked:
            if self.outcomes:
                return self.outcomes[0][0]
            return self.original if self.rest is not None else None
        raised = [exc for exc, own in self.outcomes if not own]
        kept = [exc for exc, own in self.outcomes if own]
        if self.rest is not None:
            kept.append(self.rest)
        keep = None
        if kept:
            leaves = []
            for group in kept:
                _leaves(group, leaves)
            keep = self.original.subgroup(lambda e: not isinstance(e, BaseExceptionGroup) and any(e is leaf for leaf in leaves))
        if not raised:
            return keep
        if keep is not None:
            raised.append(keep)
        return ExceptionGroup("", raised) if all(isinstance(e, Exception) for e in raised) else BaseExceptionGroup("", raised)


def _leaves(exc, into):
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            _leaves(inner, into)
    else:
        into.append(exc)
