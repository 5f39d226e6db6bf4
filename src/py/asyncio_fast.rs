//! What every future and task does several times per step — `done()`, `result()`,
//! `add_done_callback`, `set_result`, entering and leaving a step — done natively. Each native
//! handles the common case and hands anything else (a wrong state, an error to raise, odd
//! arguments) to the Python method it stands for (`_py_result`…, in `lib/asyncio.py`), so
//! CPython's behaviour and messages stay written once, in Python.

use super::builtins::{Args, Kwargs};
use super::ops;
use super::value::*;
use super::vm::{Flow, Res, Vm};

/// The names these natives read, interned once per interpreter.
pub struct FutureSymbols {
    pub(super) state: Symbol,
    pub(super) result: Symbol,
    pub(crate) exception: Symbol,
    pub(super) callbacks: Symbol,
    pub(super) loop_: Symbol,
    pub(super) log_traceback: Symbol,
    pub(super) current_tasks: Symbol,
    pub(super) lane: Symbol,
    pub(super) fut_waiter: Symbol,
    pub(super) must_cancel: Symbol,
    pub(super) add_done_callback: Symbol,
    pub(super) task_wakeup: Symbol,
    pub(super) task_step: Symbol,
    pub(super) set_result: Symbol,
    pub(super) cancelled: Symbol,
    pub(super) exception_method: Symbol,
    pub(super) result_method: Symbol,
    pub(super) lanes_taken: Symbol,
    pub(super) outer: Symbol,
    pub(super) nfinished: Symbol,
    pub(super) nfuts: Symbol,
    pub(super) coro: Symbol,
    pub(super) watching: Symbol,
    pub(super) context: Symbol,
    pub(super) running_loop: Symbol,
    pub(super) default_loop: Symbol,
    pub(super) future_class: Symbol,
    pub(super) task_class: Symbol,
    pub(super) set_result_unless_cancelled: Symbol,
    pub(super) closed: Symbol,
    pub(super) wait_label: Symbol,
    pub(super) wait_until: Symbol,
    pub(super) name: Symbol,
    pub(super) task_counter: Symbol,
    pub(super) pending: Symbol,
    pub(super) finished: Symbol,
}

impl FutureSymbols {
    pub fn new(intern: &mut impl FnMut(&str) -> Symbol) -> FutureSymbols {
        FutureSymbols {
            state: intern("_state"),
            result: intern("_result"),
            exception: intern("_exception"),
            callbacks: intern("_callbacks"),
            loop_: intern("_loop"),
            log_traceback: intern("_log_traceback"),
            current_tasks: intern("_current_tasks"),
            lane: intern("_lane"),
            fut_waiter: intern("_fut_waiter"),
            must_cancel: intern("_must_cancel"),
            add_done_callback: intern("add_done_callback"),
            task_wakeup: intern("task_wakeup"),
            task_step: intern("task_step"),
            set_result: intern("set_result"),
            cancelled: intern("cancelled"),
            exception_method: intern("exception"),
            result_method: intern("result"),
            lanes_taken: intern("_lanes_taken"),
            outer: intern("outer"),
            nfinished: intern("nfinished"),
            nfuts: intern("nfuts"),
            coro: intern("_coro"),
            watching: intern("_watching"),
            context: intern("_context"),
            running_loop: intern("_running_loop"),
            default_loop: intern("_UnixSelectorEventLoop"),
            future_class: intern("Future"),
            task_class: intern("Task"),
            set_result_unless_cancelled: intern("_set_result_unless_cancelled"),
            closed: intern("_closed"),
            wait_label: intern("_wait_label"),
            wait_until: intern("_wait_until"),
            name: intern("_name"),
            task_counter: intern("_task_counter"),
            pending: intern("PENDING"),
            finished: intern("FINISHED"),
        }
    }
}

/// The three states of `lib/asyncio.py` (`PENDING`…), as their strings.
#[derive(PartialEq)]
enum State {
    Pending,
    Cancelled,
    Finished,
    Other,
}

fn state(vm: &mut Vm, future: &Value) -> Res<State> {
    fn named(value: &Value) -> State {
        match value {
            Value::Str(s) => match &**s {
                "PENDING" => State::Pending,
                "CANCELLED" => State::Cancelled,
                "FINISHED" => State::Finished,
                _ => State::Other,
            },
            _ => State::Other,
        }
    }
    if let Value::Object(object) = future {
        // Read in place: the state is asked for several times in every step.
        if let Some(value) = object.attrs.borrow().get(vm.symbols.future.state) {
            return Ok(named(value));
        }
    }
    Ok(named(&field(vm, future, |s| s.state)?))
}

/// A future's attribute. Those read here (`_state`, `_result`…) are plain attributes that
/// asyncio's futures keep on the instance (or, for a few, a default on the class): read from
/// the instance at once, else as Python reads them.
fn field(vm: &mut Vm, future: &Value, pick: fn(&FutureSymbols) -> Symbol) -> Res<Value> {
    let symbol = pick(&vm.symbols.future);
    if let Value::Object(object) = future {
        if let Some(value) = object.attrs.borrow().get(symbol) {
            return Ok(value.clone());
        }
        // A plain value the class gives as default (a pending future's `_state`).
        if let Some(
            value
            @ (Value::Str(_) | Value::Int(_) | Value::Bool(_) | Value::None | Value::Tuple(_)),
        ) = object.class.lookup(symbol)
        {
            return Ok(value);
        }
    }
    ops::getattr(vm, future, symbol)
}

fn set_field(
    vm: &mut Vm,
    future: &Value,
    pick: fn(&FutureSymbols) -> Symbol,
    value: Value,
) -> Res<()> {
    let symbol = pick(&vm.symbols.future);
    set_attribute(vm, future, symbol, value)
}

/// Sets an attribute of a future: straight into an instance of asyncio's own `Future` or
/// `Task` (no property, `__setattr__` or `__slots__` of a subclass to ask), else as Python does.
fn set_attribute(vm: &mut Vm, future: &Value, symbol: Symbol, value: Value) -> Res<()> {
    if let Value::Object(object) = future {
        if is_stock(vm, object) {
            object.attrs.borrow_mut().set(symbol, value);
            return Ok(());
        }
    }
    ops::setattr(vm, future, symbol, value)
}

/// Whether `object` is an instance of asyncio's own `Future` or `Task` (not of a subclass).
fn is_stock(vm: &Vm, object: &Object) -> bool {
    vm.stock_futures
        .iter()
        .any(|class| std::rc::Rc::ptr_eq(class, &object.class))
}

/// The asyncio module's function `name` (the Python a native hands a case over to).
pub(super) fn python(vm: &mut Vm, name: &str) -> Res<Value> {
    let symbol = vm.sym(name);
    let function = match &vm.asyncio {
        Some(Value::Module(m)) => m.get(symbol),
        _ => None,
    };
    match function {
        Some(function) => Ok(function),
        None => vm.err("RuntimeError", format!("asyncio has no {name}")),
    }
}

/// Hands the call to the Python method `name` of the asyncio module, unchanged.
fn in_python(vm: &mut Vm, name: &str, args: Args, kwargs: Kwargs) -> Res<Value> {
    Err(Flow::Call(python(vm, name)?, args, kwargs))
}

/// Whether the prelude's `_watching` is set: a future failed, and the loop must look for
/// dropped ones after the callback that ran.
pub(super) fn watching(vm: &Vm) -> bool {
    match &vm.asyncio {
        Some(Value::Module(m)) => !matches!(
            m.get(vm.symbols.future.watching),
            Some(Value::Bool(false)) | None
        ),
        _ => true,
    }
}

/// Whether `object`'s class has, under `symbol`, the native `func` (not a subclass's own).
/// asyncio's own `Future` and `Task` always do (as CPython's C types, whose methods a program
/// cannot replace).
fn is_native(vm: &Vm, object: &Object, symbol: Symbol, func: super::vm::NativeFn) -> bool {
    if is_stock(vm, object) {
        return true;
    }
    matches!(
        object.class.lookup(symbol),
        Some(Value::Builtin(b)) if std::ptr::fn_addr_eq(b.func, func)
    )
}

/// `loop.call_soon(callback, *args)`.
fn call_soon(vm: &mut Vm, event_loop: Value, callback: Value, args: Vec<Value>) -> Res<()> {
    super::asyncio::schedule_soon(vm, &event_loop, callback, args)?;
    Ok(())
}

/// Only `self` and the positional arguments a method takes, no keywords: the fast path's case.
fn plain(args: &Args, kwargs: &Kwargs, count: usize) -> bool {
    args.len() == count && kwargs.is_empty()
}

fn future_done(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !plain(&args, &kwargs, 1) {
        return in_python(vm, "_py_done", args, kwargs);
    }
    Ok(Value::Bool(state(vm, &args[0])? != State::Pending))
}

fn future_cancelled(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !plain(&args, &kwargs, 1) {
        return in_python(vm, "_py_cancelled", args, kwargs);
    }
    Ok(Value::Bool(state(vm, &args[0])? == State::Cancelled))
}

/// Whether a finished future's outcome may be read without the Python method: its exception
/// is not waiting to be reported as never retrieved.
fn quietly_finished(vm: &mut Vm, future: &Value) -> Res<bool> {
    if state(vm, future)? != State::Finished {
        return Ok(false);
    }
    let log_traceback = field(vm, future, |s| s.log_traceback)?;
    Ok(!ops::truthy(vm, &log_traceback)?)
}

fn future_result(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if plain(&args, &kwargs, 1) && quietly_finished(vm, &args[0])? {
        let exception = field(vm, &args[0], |s| s.exception)?;
        if exception.is_none() {
            return field(vm, &args[0], |s| s.result);
        }
    }
    in_python(vm, "_py_result", args, kwargs)
}

fn future_exception(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if plain(&args, &kwargs, 1) && quietly_finished(vm, &args[0])? {
        return field(vm, &args[0], |s| s.exception);
    }
    in_python(vm, "_py_exception", args, kwargs)
}

fn future_add_done_callback(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let context_only = kwargs.iter().all(|(name, _)| &**name == "context");
    if args.len() != 2 || !context_only {
        return in_python(vm, "_py_add_done_callback", args, kwargs);
    }
    let (future, callback) = (&args[0], &args[1]);
    if state(vm, future)? == State::Pending {
        if let Value::List(callbacks) = field(vm, future, |s| s.callbacks)? {
            callbacks.borrow_mut().push(callback.clone());
            return Ok(Value::None);
        }
        return in_python(vm, "_py_add_done_callback", args, kwargs);
    }
    let event_loop = field(vm, future, |s| s.loop_)?;
    call_soon(vm, event_loop, callback.clone(), vec![future.clone()])?;
    Ok(Value::None)
}

fn schedule_callbacks(vm: &mut Vm, future: &Value) -> Res<()> {
    // Taken out of the future's list, which stays (empty), as CPython's C future clears it.
    let callbacks = match field(vm, future, |s| s.callbacks)? {
        Value::List(list) => std::mem::take(&mut *list.borrow_mut()),
        _ => return Ok(()),
    };
    if callbacks.is_empty() {
        return Ok(());
    }
    let event_loop = field(vm, future, |s| s.loop_)?;
    for callback in callbacks {
        call_soon(vm, event_loop.clone(), callback, vec![future.clone()])?;
    }
    Ok(())
}

fn future_schedule_callbacks(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !plain(&args, &kwargs, 1) {
        return in_python(vm, "_py_schedule_callbacks", args, kwargs);
    }
    schedule_callbacks(vm, &args[0])?;
    Ok(Value::None)
}

fn future_set_result(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !plain(&args, &kwargs, 2) || state(vm, &args[0])? != State::Pending {
        return in_python(vm, "_py_set_result", args, kwargs);
    }
    finish_pending(vm, &args[0], args[1].clone())?;
    Ok(Value::None)
}

/// A pending future gets its result: `Future.set_result` once its checks have passed.
fn finish_pending(vm: &mut Vm, future: &Value, result: Value) -> Res<()> {
    set_field(vm, future, |s| s.result, result)?;
    let finished = module_global(vm, |s| s.finished);
    set_field(vm, future, |s| s.state, finished)?;
    schedule_callbacks(vm, future)
}

fn enter_task(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if try_enter_task(vm, &args, &kwargs)? {
        return Ok(Value::None);
    }
    in_python(vm, "_py_enter_task", args, kwargs)
}

/// `_enter_task` when nothing is wrong; false leaves the rest (raising) to Python.
fn try_enter_task(vm: &mut Vm, args: &Args, kwargs: &Kwargs) -> Res<bool> {
    if !plain(args, kwargs, 2) || !super::asyncio::current_task(vm, &args[0])?.is_none() {
        return Ok(false);
    }
    super::asyncio::put_current_task(vm, &args[0], args[1].clone())?;
    enter_context(vm, &args[1]);
    Ok(true)
}

fn leave_task(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if try_leave_task(vm, &args, &kwargs)? {
        return Ok(Value::None);
    }
    in_python(vm, "_py_leave_task", args, kwargs)
}

/// `_leave_task` when nothing is wrong; false leaves the rest (raising) to Python.
fn try_leave_task(vm: &mut Vm, args: &Args, kwargs: &Kwargs) -> Res<bool> {
    if !plain(args, kwargs, 2) {
        return Ok(false);
    }
    let same = matches!(
        (super::asyncio::current_task(vm, &args[0])?, &args[1]),
        (Value::Object(a), Value::Object(b)) if std::rc::Rc::ptr_eq(&a, b)
    );
    if same {
        super::asyncio::put_current_task(vm, &args[0], Value::None)?;
        leave_context(vm);
    }
    Ok(same)
}

/// One of the asyncio module's globals (None if it has none).
fn module_global(vm: &Vm, pick: fn(&FutureSymbols) -> Symbol) -> Value {
    let symbol = pick(&vm.symbols.future);
    match &vm.asyncio {
        Some(Value::Module(m)) => m.get(symbol).unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// `sleep(delay, result)` with a positive delay, on asyncio's own running loop: the future it
/// awaits (named for the timeline) and the timer that sets its result, as `Future(loop=loop)`
/// and `loop.call_later(delay, _set_result_unless_cancelled, future, result)` make them, without
/// their Python frames. None for anything else (no running loop, a closed loop, another kind
/// of loop): `sleep` then does it all in Python, errors included.
fn sleep_arm(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let [delay, result] = &args[..] else {
        return Ok(Value::None);
    };
    let running = module_global(vm, |s| s.running_loop);
    let Value::Type(future_class) = module_global(vm, |s| s.future_class) else {
        return Ok(Value::None);
    };
    if !default_open_loop(vm, &running) {
        return Ok(Value::None);
    }
    let seconds = ops::to_f64(vm, delay)?;
    let label = sleep_label(vm, delay)?;
    let until = Value::Float(vm.now + seconds);
    let future = Object::new(future_class, Native::None);
    let mut fields = pending_fields(vm, &running);
    let symbols = &vm.symbols.future;
    fields.extend([
        (vm.symbols.asyncio_future_blocking, Value::Bool(false)),
        (symbols.callbacks, Value::list(Vec::new())),
        (symbols.wait_label, Value::Str(label)),
        (symbols.wait_until, until),
    ]);
    *future.attrs.borrow_mut() = Attrs::from_pairs(fields);
    let future = Value::Object(future);
    let callback = module_global(vm, |s| s.set_result_unless_cancelled);
    let timer_args = vec![future.clone(), result.clone()];
    let handle = super::asyncio::schedule_at(vm, &running, vm.now + seconds, callback, timer_args)?;
    Ok(Value::tuple(vec![future, handle]))
}

/// The fields every step reads of a pending future of `event_loop` (the class's defaults, on
/// the instance, first: no class lookup for them), room left for a task's or a sleep's own.
fn pending_fields(vm: &Vm, event_loop: &Value) -> Vec<(Symbol, Value)> {
    let pending = module_global(vm, |s| s.pending);
    let symbols = &vm.symbols.future;
    let mut fields = Vec::with_capacity(16);
    fields.extend([
        (symbols.state, pending),
        (symbols.loop_, event_loop.clone()),
        (symbols.exception, Value::None),
        (symbols.log_traceback, Value::Bool(false)),
        (symbols.result, Value::None),
    ]);
    fields
}

/// `sleep(1)`, what the timeline says a sleeping task waits on: made once for a run of sleeps
/// of the same delay.
fn sleep_label(vm: &mut Vm, delay: &Value) -> Res<std::rc::Rc<str>> {
    let same = |a: &Value, b: &Value| match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => false,
    };
    if let Some((last, label)) = &vm.last_sleep_label {
        if same(last, delay) {
            return Ok(label.clone());
        }
    }
    let label: std::rc::Rc<str> = format!("sleep({})", super::format::repr(vm, delay)?).into();
    if matches!(delay, Value::Int(_) | Value::Float(_)) {
        vm.last_sleep_label = Some((delay.clone(), label.clone()));
    }
    Ok(label)
}

/// `Task.__init__(coro, *, loop, name=None, context=None)` with a loop given, a coroutine and
/// a str name or none, contexts not in use: the attributes `_py_task_init` sets, its lane, its
/// first step scheduled and the task registered, in the same order. Anything else (no loop,
/// not a coroutine, a name to convert, a context) is `_py_task_init`'s.
fn task_init(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let mut event_loop = Value::None;
    let mut name = Value::None;
    let mut plain = args.len() == 2;
    for (key, value) in &kwargs {
        match &**key {
            "loop" => event_loop = value.clone(),
            "name" => name = value.clone(),
            "context" => plain &= value.is_none(),
            _ => plain = false,
        }
    }
    if !plain
        || !args.get(1).is_some_and(is_coroutine)
        || vm.contexts_on
        || !matches!(event_loop, Value::Object(_))
        || !matches!(name, Value::None | Value::Str(_))
    {
        return in_python(vm, "_py_task_init", args, kwargs);
    }
    let (task, coro) = (args[0].clone(), args[1].clone());
    super::asyncio::check_memory(vm, &Value::None, Vec::new(), Vec::new())?;
    if let Value::Object(object) = &task {
        if object.attrs.borrow().iter().next().is_none() {
            let mut fields = pending_fields(vm, &event_loop);
            let symbols = &vm.symbols.future;
            fields.extend([
                (symbols.must_cancel, Value::Bool(false)),
                (symbols.fut_waiter, Value::None),
            ]);
            *object.attrs.borrow_mut() = Attrs::from_pairs(fields);
        }
    }
    set_field(vm, &task, |s| s.callbacks, Value::list(Vec::new()))?;
    if name.is_none() {
        let counter = vm.symbols.future.task_counter;
        let Some(Value::Module(module)) = vm.asyncio.clone() else {
            return in_python(vm, "_py_task_init", args, kwargs);
        };
        let next = match module.get(counter) {
            Some(Value::Int(n)) => n + 1,
            _ => return in_python(vm, "_py_task_init", args, kwargs),
        };
        module.set(counter, Value::Int(next));
        name = Value::Str(format!("Task-{next}").into());
    }
    let name_symbol = vm.symbols.future.name;
    ops::setattr(vm, &task, name_symbol, name.clone())?;
    set_field(vm, &task, |s| s.coro, coro.clone())?;
    let lane = super::asyncio::lane_new(vm, &Value::None, vec![coro, name], Vec::new())?;
    set_field(vm, &task, |s| s.lane, lane.clone())?;
    set_field(vm, &task, |s| s.lanes_taken, Value::tuple(vec![lane]))?;
    let step = field(vm, &task, |s| s.task_step)?;
    call_soon(vm, event_loop, step, Vec::new())?;
    super::asyncio::register_task(vm, &Value::None, vec![task], Vec::new())?;
    Ok(Value::None)
}

/// Whether `event_loop` is asyncio's own kind of loop, open: natives may then make its tasks
/// and timers as its Python methods would.
fn default_open_loop(vm: &mut Vm, event_loop: &Value) -> bool {
    let (Value::Object(o), Value::Type(default_loop)) =
        (event_loop, module_global(vm, |s| s.default_loop))
    else {
        return false;
    };
    let closed = o.attrs.borrow().get(vm.symbols.future.closed).cloned();
    std::rc::Rc::ptr_eq(&o.class, &default_loop) && matches!(closed, Some(Value::Bool(false)))
}

/// A task of `Task` itself for a coroutine on asyncio's own open loop, as
/// `loop.create_task(coro)` makes it; None for anything else (the Python then decides).
fn native_task(vm: &mut Vm, coro: &Value, event_loop: &Value) -> Res<Option<Value>> {
    if !is_coroutine(coro) || !default_open_loop(vm, event_loop) {
        return Ok(None);
    }
    let class = module_global(vm, |s| s.task_class);
    let kwargs = vec![("loop".into(), event_loop.clone())];
    vm.call_nested_kw(class, vec![coro.clone()], kwargs)
        .map(Some)
}

fn is_coroutine(value: &Value) -> bool {
    matches!(value, Value::Gen(g) if g.kind == GenKind::Coroutine)
}

/// `ensure_future(coro, loop=loop)` for a coroutine and asyncio's own open loop (what gather
/// does for each child): the task, made natively; everything else is `_py_ensure_future`'s.
fn ensure_future(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if let ([coro], [(key, event_loop)]) = (&args[..], &kwargs[..]) {
        if &**key == "loop" {
            if let Some(task) = native_task(vm, coro, event_loop)? {
                return Ok(task);
            }
        }
    }
    in_python(vm, "_py_ensure_future", args, kwargs)
}

/// `asyncio.create_task(coro)` (no name, no context) on asyncio's own running loop.
fn create_task(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let plain_kwargs = kwargs
        .iter()
        .all(|(k, v)| matches!(&**k, "name" | "context") && v.is_none());
    if let ([coro], true) = (&args[..], plain_kwargs) {
        let running = module_global(vm, |s| s.running_loop);
        if let Some(task) = native_task(vm, coro, &running)? {
            return Ok(task);
        }
    }
    in_python(vm, "_py_create_task", args, kwargs)
}

/// `gather`'s loop over its arguments: each one's future (a task for a coroutine; the same
/// future for an argument given twice), counted in `state.nfuts`, watched by `done_callback`
/// and appended to `children`. Returns the loop of the first.
fn gather_children(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let [items, state, done_callback, Value::List(children)] = &args[..] else {
        return vm.type_error("_gather_children(items, state, done_callback, children)");
    };
    let items = ops::collect(vm, items.clone())?;
    let seen = std::rc::Rc::new(std::cell::RefCell::new(super::dict::Dict::new()));
    let mut event_loop = Value::None;
    let mut added = 0;
    for arg in items {
        if let Some(slot) = ops::dict_lookup(vm, &seen, &arg)? {
            let known = seen
                .borrow()
                .entry_value(slot)
                .cloned()
                .unwrap_or(Value::None);
            children.borrow_mut().push(known);
            continue;
        }
        let future = match native_task(vm, &arg, &event_loop)? {
            Some(task) => task,
            None => {
                let ensure = python(vm, "_py_ensure_future")?;
                let kwargs = vec![("loop".into(), event_loop.clone())];
                vm.call_nested_kw(ensure, vec![arg.clone()], kwargs)?
            }
        };
        if event_loop.is_none() {
            event_loop = field(vm, &future, |s| s.loop_)?;
        }
        added += 1;
        ops::dict_set_shared(vm, &seen, arg, future.clone())?;
        let add = ops::getattr(vm, &future, vm.symbols.future.add_done_callback)?;
        vm.call_nested(add, vec![done_callback.clone()])?;
        children.borrow_mut().push(future);
    }
    let counted = match field(vm, state, |s| s.nfuts)? {
        Value::Int(n) => n + added,
        _ => added,
    };
    set_field(vm, state, |s| s.nfuts, Value::Int(counted))?;
    Ok(event_loop)
}

/// A task's step runs in the task's own `contextvars.Context` (`Task._context`), once the
/// program uses them.
pub(super) fn enter_context(vm: &mut Vm, task: &Value) {
    if !vm.contexts_on {
        return;
    }
    let own = match task {
        Value::Object(o) => o.attrs.borrow().get(vm.symbols.future.context).cloned(),
        _ => None,
    };
    let outer = match own {
        Some(context) => std::mem::replace(&mut vm.context, context),
        None => vm.context.clone(),
    };
    vm.outer_contexts.push(outer);
}

/// The step ends: the context current before it is current again.
pub(super) fn leave_context(vm: &mut Vm) {
    if let Some(outer) = vm.outer_contexts.pop() {
        vm.context = outer;
    }
}

/// `_context_enter(task)` / `_context_leave()`: the same for the Python `_enter_task`.
fn context_enter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if let Some(task) = args.first() {
        enter_context(vm, task);
    }
    Ok(Value::None)
}

fn context_leave(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    leave_context(vm);
    Ok(Value::None)
}

/// A task's step begins: `_enter_task(loop, task)`, then its lane on the timeline.
fn task_enter(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !enter_step(vm, &args, &kwargs)? {
        return in_python(vm, "_py_task_enter", args, kwargs);
    }
    Ok(Value::None)
}

/// `_task_enter(loop, task)` when nothing is wrong; false leaves the rest (raising) to Python.
fn enter_step(vm: &mut Vm, args: &Args, kwargs: &Kwargs) -> Res<bool> {
    if !try_enter_task(vm, args, kwargs)? {
        return Ok(false);
    }
    let lane = field(vm, &args[1], |s| s.lane)?;
    super::asyncio::lane_enter(vm, &Value::None, vec![lane, args[1].clone()], Vec::new())?;
    Ok(true)
}

/// A task's step ends: `_leave_task(loop, task)`, its lane waits on what it awaits, and ends
/// if the task is done.
fn task_leave(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !try_leave_task(vm, &args, &kwargs)? {
        return in_python(vm, "_py_task_leave", args, kwargs);
    }
    let task = &args[1];
    let lane = field(vm, task, |s| s.lane)?;
    let waiter = field(vm, task, |s| s.fut_waiter)?;
    super::asyncio::lane_leave(vm, &Value::None, vec![lane, waiter], Vec::new())?;
    if state(vm, task)? == State::Pending {
        return Ok(Value::None);
    }
    end_lane(vm, task)?;
    Ok(Value::None)
}

/// `Task._end_lane()`: the task's lane on the timeline ends as the task did.
fn end_lane(vm: &mut Vm, task: &Value) -> Res<()> {
    use super::asyncio::LaneEnd;
    let lane = field(vm, task, |s| s.lane)?;
    let (how, detail) = if state(vm, task)? == State::Cancelled {
        (LaneEnd::Cancelled, Value::None)
    } else {
        let exception = field(vm, task, |s| s.exception)?;
        if exception.is_none() {
            (LaneEnd::Returned, field(vm, task, |s| s.result)?)
        } else {
            (LaneEnd::Raised, exception)
        }
    };
    super::asyncio::end_lane(vm, &lane, how, &detail)
}

fn task_end_lane(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    match args.first() {
        Some(task) if args.len() == 1 => end_lane(vm, task)?,
        _ => return vm.type_error("_end_lane() takes exactly one argument"),
    }
    Ok(Value::None)
}

/// `_set_result_unless_cancelled(fut, result)`, what a sleep's timer calls: a pending future
/// of asyncio's own gets its result here; anything else goes to the Python function.
fn set_result_unless_cancelled(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if plain(&args, &kwargs, 2) {
        if let Value::Object(future) = &args[0] {
            if is_native(vm, future, vm.symbols.future.set_result, future_set_result) {
                match state(vm, &args[0])? {
                    State::Cancelled => return Ok(Value::None),
                    State::Pending => {
                        finish_pending(vm, &args[0], args[1].clone())?;
                        return Ok(Value::None);
                    }
                    _ => {}
                }
            }
        }
    }
    in_python(vm, "_py_set_result_unless_cancelled", args, kwargs)
}

fn is_true(value: &Value) -> bool {
    matches!(value, Value::Bool(true))
}

/// What a task's step does with what its coroutine yielded, in the two common cases: a future
/// of its loop to wait for (the task wakes when it is done), or None (`sleep(0)`: step again
/// soon). Anything else — a cancellation pending, a future of another loop, a bad yield — is
/// `_py_task_yielded`'s.
fn task_yielded(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !plain(&args, &kwargs, 2) {
        return in_python(vm, "_py_task_yielded", args, kwargs);
    }
    let (task, result) = (&args[0], &args[1]);
    let must_cancel = field(vm, task, |s| s.must_cancel)?;
    if !matches!(must_cancel, Value::Bool(false)) {
        return in_python(vm, "_py_task_yielded", args, kwargs);
    }
    let event_loop = field(vm, task, |s| s.loop_)?;
    if result.is_none() {
        let step = field(vm, task, |s| s.task_step)?;
        call_soon(vm, event_loop, step, Vec::new())?;
        return Ok(Value::None);
    }
    let (Value::Object(future), Value::Object(this)) = (result, task) else {
        return in_python(vm, "_py_task_yielded", args, kwargs);
    };
    let blocking = future
        .attrs
        .borrow()
        .get(vm.symbols.asyncio_future_blocking)
        .cloned();
    let same_loop = match (field(vm, result, |s| s.loop_)?, &event_loop) {
        (Value::Object(a), Value::Object(b)) => std::rc::Rc::ptr_eq(&a, b),
        _ => false,
    };
    let adds_natively = is_native(
        vm,
        future,
        vm.symbols.future.add_done_callback,
        future_add_done_callback,
    );
    if !blocking.as_ref().is_some_and(is_true)
        || !same_loop
        || std::rc::Rc::ptr_eq(future, this)
        || !adds_natively
    {
        return in_python(vm, "_py_task_yielded", args, kwargs);
    }
    let blocking = vm.symbols.asyncio_future_blocking;
    set_attribute(vm, result, blocking, Value::Bool(false))?;
    let wakeup = field(vm, task, |s| s.task_wakeup)?;
    future_add_done_callback(vm, &Value::None, vec![result.clone(), wakeup], Vec::new())?;
    set_field(vm, task, |s| s.fut_waiter, result.clone())?;
    Ok(Value::None)
}

/// `Task.task_step(exc=None)`: a pending task with no cancellation to deliver enters its step
/// and resumes its coroutine on the VM's own stack (`Flow::Step`); the coroutine's outcome
/// comes back to `step_yielded`, `step_returned` or `step_raised`, so no Python frame and no
/// `StopIteration` stand between the loop and the coroutine. Every other case is
/// `_py_task_step`'s, CPython's `__step` written in Python.
fn task_step(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let plain_call = kwargs.is_empty() && matches!(args.len(), 1 | 2);
    if !plain_call {
        return in_python(vm, "_py_task_step", args, kwargs);
    }
    let task = &args[0];
    let sent = match args.get(1) {
        None | Some(Value::None) => Ok(Value::None),
        Some(exc) => Err(exc.clone()),
    };
    let must_cancel = field(vm, task, |s| s.must_cancel)?;
    let coroutine = match field(vm, task, |s| s.coro)? {
        Value::Gen(gen) if gen.kind == GenKind::Coroutine => Some(gen),
        _ => None,
    };
    let steppable = state(vm, task)? == State::Pending && matches!(must_cancel, Value::Bool(false));
    let (Some(coroutine), true) = (coroutine, steppable) else {
        return in_python(vm, "_py_task_step", args, kwargs);
    };
    set_field(vm, task, |s| s.fut_waiter, Value::None)?;
    let event_loop = field(vm, task, |s| s.loop_)?;
    if !enter_step(vm, &vec![event_loop, task.clone()], &Vec::new())? {
        return in_python(vm, "_py_task_step", args, kwargs);
    }
    Err(Flow::Step(task.clone(), coroutine, sent))
}

/// `_py_task_step`, for a step the VM cannot wait on natively.
pub fn python_step(vm: &mut Vm) -> Res<Value> {
    python(vm, "_py_task_step")
}

/// The coroutine of a stepping task yielded `result`: what `__step` does after `send()`
/// returned, then leaving the step.
pub fn step_yielded(vm: &mut Vm, task: Value, result: Value) -> Res<()> {
    let handled = task_yielded(
        vm,
        &Value::None,
        vec![task.clone(), result.clone()],
        Vec::new(),
    );
    if handled.is_err() {
        // A case of `_py_task_yielded`'s (nothing was changed yet): all of it in Python.
        let rest = in_python(vm, "_task_step_yielded", vec![task, result], Vec::new());
        return vm.give_to_caller(rest);
    }
    leave_step(vm, task)
}

/// The coroutine of a stepping task returned `value` (`StopIteration` in CPython's `__step`).
pub fn step_returned(vm: &mut Vm, task: Value, value: Value) -> Res<()> {
    let must_cancel = field(vm, &task, |s| s.must_cancel)?;
    if !matches!(must_cancel, Value::Bool(false)) || state(vm, &task)? != State::Pending {
        let rest = in_python(vm, "_task_step_returned", vec![task, value], Vec::new());
        return vm.give_to_caller(rest);
    }
    finish_pending(vm, &task, value)?;
    leave_step(vm, task)
}

/// The coroutine of a stepping task raised `exc` (or could not be resumed).
pub fn step_raised(vm: &mut Vm, task: Value, exc: Value) -> Res<()> {
    let rest = in_python(vm, "_task_step_raised", vec![task, exc], Vec::new());
    vm.give_to_caller(rest)
}

/// The step's end (`_task_leave` in `__step`'s `finally`), the step's call's result.
fn leave_step(vm: &mut Vm, task: Value) -> Res<()> {
    let event_loop = field(vm, &task, |s| s.loop_)?;
    let left = task_leave(vm, &Value::None, vec![event_loop, task], Vec::new());
    vm.give_to_caller(left)
}

/// `Task.task_wakeup(future)`: the future it waited for is done; a result (not an exception)
/// steps the task at once, anything else is `_py_task_wakeup`'s.
fn task_wakeup(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if plain(&args, &kwargs, 2) && quietly_finished(vm, &args[1])? {
        let exception = field(vm, &args[1], |s| s.exception)?;
        if exception.is_none() {
            return task_step(vm, &Value::None, vec![args[0].clone()], Vec::new());
        }
    }
    in_python(vm, "_py_task_wakeup", args, kwargs)
}

/// Whether `future`'s class reads its outcome with the natives here (not a subclass's own).
fn reads_natively(vm: &Vm, future: &Object) -> bool {
    let symbols = &vm.symbols.future;
    is_native(vm, future, symbols.cancelled, future_cancelled)
        && is_native(vm, future, symbols.exception_method, future_exception)
        && is_native(vm, future, symbols.result_method, future_result)
}

/// `gather`'s results when every child finished with a result (no exception, not cancelled)
/// and reads it as asyncio's futures do; otherwise None, and `gather` asks each child.
fn gather_results(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let Some(Value::List(children)) = args.first() else {
        return Ok(Value::None);
    };
    let children = children.borrow().clone();
    let mut results = Vec::with_capacity(children.len());
    for child in &children {
        let Value::Object(object) = child else {
            return Ok(Value::None);
        };
        if !reads_natively(vm, object) || !quietly_finished(vm, child)? {
            return Ok(Value::None);
        }
        if !field(vm, child, |s| s.exception)?.is_none() {
            return Ok(Value::None);
        }
        results.push(field(vm, child, |s| s.result)?);
    }
    Ok(Value::list(results))
}

/// `tuple(lane for child in children for lane in child._lanes_taken)`: the lanes whose
/// results the gathering future hands on.
fn lanes_taken_by(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let Some(Value::List(children)) = args.first() else {
        return vm.type_error("_lanes_taken_by() expects a list");
    };
    let children = children.borrow().clone();
    let symbol = vm.symbols.future.lanes_taken;
    let mut lanes = Vec::new();
    for child in &children {
        match ops::getattr(vm, child, symbol)? {
            Value::Tuple(taken) => lanes.extend(taken.iter().cloned()),
            other => {
                let name = ops::type_name(vm, &other);
                return vm.type_error(format!("'{name}' object is not iterable"));
            }
        }
    }
    Ok(Value::tuple(lanes))
}

/// What `gather` puts on each child, shown as CPython names it: a native bound to the
/// gather's state and its Python `_done_callback`.
pub const GATHER_CALLBACK: &str = "gather.<locals>._done_callback";

fn gather_callback(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if args.len() != 2 {
        return vm.type_error("_gather_callback() takes 2 arguments");
    }
    let bound = Value::tuple(args);
    Ok(super::builtins::native_with(
        GATHER_CALLBACK,
        gather_child_done,
        bound,
    ))
}

/// A gathered child is done: one that finished with a result while others are still running
/// is only counted; anything else (the last child, a failure, a cancellation, the gathering
/// future already done) is `_done_callback`'s.
fn gather_child_done(vm: &mut Vm, bound: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let Value::Tuple(bound) = bound else {
        return vm.type_error("a gather callback without its state");
    };
    let (state, slow) = (&bound[0], &bound[1]);
    if plain(&args, &kwargs, 1) && counted_natively(vm, state, &args[0])? {
        return Ok(Value::None);
    }
    Err(Flow::Call(slow.clone(), args, kwargs))
}

fn counted_natively(vm: &mut Vm, state: &Value, child: &Value) -> Res<bool> {
    let (outer, nfinished, nfuts) = {
        let symbols = &vm.symbols.future;
        (symbols.outer, symbols.nfinished, symbols.nfuts)
    };
    let outer = ops::getattr(vm, state, outer)?;
    if outer.is_none() || self::state(vm, &outer)? != State::Pending {
        return Ok(false);
    }
    let Value::Object(object) = child else {
        return Ok(false);
    };
    if !reads_natively(vm, object)
        || !quietly_finished(vm, child)?
        || !field(vm, child, |s| s.exception)?.is_none()
    {
        return Ok(false);
    }
    let (Value::Int(done), Value::Int(all)) = (
        ops::getattr(vm, state, nfinished)?,
        ops::getattr(vm, state, nfuts)?,
    ) else {
        return Ok(false);
    };
    if done + 1 >= all {
        return Ok(false);
    }
    ops::setattr(vm, state, nfinished, Value::Int(done + 1))?;
    Ok(true)
}

/// The natives: the name `lib/asyncio.py` knows each by, and the name it shows
/// (`fut.result.__name__` is `result`, as in CPython).
pub const NATIVES: &[(&str, &str, super::vm::NativeFn)] = &[
    ("_gather_children", "_gather_children", gather_children),
    ("ensure_future", "ensure_future", ensure_future),
    ("create_task", "create_task", create_task),
    ("_task_init", "__init__", task_init),
    ("_sleep_arm", "_sleep_arm", sleep_arm),
    ("_context_enter", "_context_enter", context_enter),
    ("_context_leave", "_context_leave", context_leave),
    ("_future_done", "done", future_done),
    ("_future_cancelled", "cancelled", future_cancelled),
    ("_future_result", "result", future_result),
    ("_future_exception", "exception", future_exception),
    (
        "_future_add_done_callback",
        "add_done_callback",
        future_add_done_callback,
    ),
    (
        "_future_schedule_callbacks",
        "_schedule_callbacks",
        future_schedule_callbacks,
    ),
    ("_future_set_result", "set_result", future_set_result),
    ("_enter_task", "_enter_task", enter_task),
    ("_leave_task", "_leave_task", leave_task),
    ("_task_enter", "_task_enter", task_enter),
    ("_task_leave", "_task_leave", task_leave),
    ("_task_yielded", "_task_yielded", task_yielded),
    // Named as the methods they are, as the loop's callbacks show them.
    ("_task_step", "Task.task_step", task_step),
    ("_task_wakeup", "Task.task_wakeup", task_wakeup),
    ("_task_end_lane", "_end_lane", task_end_lane),
    ("_gather_results", "_gather_results", gather_results),
    ("_lanes_taken_by", "_lanes_taken_by", lanes_taken_by),
    ("_gather_callback", "_gather_callback", gather_callback),
    (
        "_set_result_unless_cancelled",
        "_set_result_unless_cancelled",
        set_result_unless_cancelled,
    ),
];
