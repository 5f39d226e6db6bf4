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
    state: Symbol,
    result: Symbol,
    exception: Symbol,
    callbacks: Symbol,
    loop_: Symbol,
    log_traceback: Symbol,
    current_tasks: Symbol,
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
    let symbol = vm.symbols.future.state;
    Ok(match ops::getattr(vm, future, symbol)? {
        Value::Str(s) => match &*s {
            "PENDING" => State::Pending,
            "CANCELLED" => State::Cancelled,
            "FINISHED" => State::Finished,
            _ => State::Other,
        },
        _ => State::Other,
    })
}

fn field(vm: &mut Vm, future: &Value, pick: fn(&FutureSymbols) -> Symbol) -> Res<Value> {
    let symbol = pick(&vm.symbols.future);
    ops::getattr(vm, future, symbol)
}

fn set_field(
    vm: &mut Vm,
    future: &Value,
    pick: fn(&FutureSymbols) -> Symbol,
    value: Value,
) -> Res<()> {
    let symbol = pick(&vm.symbols.future);
    ops::setattr(vm, future, symbol, value)
}

/// Hands the call to the Python method `name` of the asyncio module, unchanged.
fn in_python(vm: &mut Vm, name: &str, args: Args, kwargs: Kwargs) -> Res<Value> {
    let symbol = vm.sym(name);
    let function = match &vm.asyncio {
        Some(Value::Module(m)) => m.get(symbol),
        _ => None,
    };
    match function {
        Some(function) => Err(Flow::Call(function, args, kwargs)),
        None => vm.err("RuntimeError", format!("asyncio has no {name}")),
    }
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
    let soon = vec![
        event_loop,
        callback.clone(),
        Value::tuple(vec![future.clone()]),
    ];
    super::asyncio::call_soon(vm, &Value::None, soon, Vec::new())?;
    Ok(Value::None)
}

fn schedule_callbacks(vm: &mut Vm, future: &Value) -> Res<()> {
    let callbacks = match field(vm, future, |s| s.callbacks)? {
        Value::List(list) => list.borrow().clone(),
        _ => return Ok(()),
    };
    if callbacks.is_empty() {
        return Ok(());
    }
    set_field(vm, future, |s| s.callbacks, Value::list(Vec::new()))?;
    let event_loop = field(vm, future, |s| s.loop_)?;
    for callback in callbacks {
        let soon = vec![
            event_loop.clone(),
            callback,
            Value::tuple(vec![future.clone()]),
        ];
        super::asyncio::call_soon(vm, &Value::None, soon, Vec::new())?;
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
    let future = &args[0];
    set_field(vm, future, |s| s.result, args[1].clone())?;
    set_field(vm, future, |s| s.state, Value::str("FINISHED"))?;
    schedule_callbacks(vm, future)?;
    Ok(Value::None)
}

/// `_current_tasks`, the running task of each loop.
fn current_tasks(vm: &mut Vm) -> Option<std::rc::Rc<std::cell::RefCell<super::dict::Dict>>> {
    let symbol = vm.symbols.future.current_tasks;
    match &vm.asyncio {
        Some(Value::Module(m)) => match m.get(symbol) {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn enter_task(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if plain(&args, &kwargs, 2) {
        if let Some(tasks) = current_tasks(vm) {
            let running = ops::dict_lookup(vm, &tasks, &args[0])?;
            let idle = match running {
                None => true,
                Some(slot) => matches!(tasks.borrow().entry_value(slot), Some(Value::None)),
            };
            if idle {
                ops::dict_set_shared(vm, &tasks, args[0].clone(), args[1].clone())?;
                return Ok(Value::None);
            }
        }
    }
    in_python(vm, "_py_enter_task", args, kwargs)
}

fn leave_task(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if plain(&args, &kwargs, 2) {
        if let Some(tasks) = current_tasks(vm) {
            if let Some(slot) = ops::dict_lookup(vm, &tasks, &args[0])? {
                let same = matches!(
                    (tasks.borrow().entry_value(slot), &args[1]),
                    (Some(Value::Object(a)), Value::Object(b)) if std::rc::Rc::ptr_eq(a, b)
                );
                if same {
                    let removed = tasks.borrow_mut().remove_at(slot);
                    drop(removed);
                    return Ok(Value::None);
                }
            }
        }
    }
    in_python(vm, "_py_leave_task", args, kwargs)
}

/// The natives, by the names `lib/asyncio.py` gives them.
pub const NATIVES: &[(&str, super::vm::NativeFn)] = &[
    ("_future_done", future_done),
    ("_future_cancelled", future_cancelled),
    ("_future_result", future_result),
    ("_future_exception", future_exception),
    ("_future_add_done_callback", future_add_done_callback),
    ("_future_schedule_callbacks", future_schedule_callbacks),
    ("_future_set_result", future_set_result),
    ("_enter_task", enter_task),
    ("_leave_task", leave_task),
];
