//! `asyncio`: its Python part (`lib/asyncio.py`, written for the playground after CPython 3.11's
//! semantics) runs on these natives — the event loop's ready queue and timer heap (the same
//! [`EventLoop`] the step engine used, so `_run_once` is CPython's, on the logical clock), loop
//! handles, and the timeline's events.

use std::rc::{Rc, Weak};

use super::builtins::{add_method, arity, native, set_global, Args, Kwargs};
use super::format;
use super::ops;
use super::value::*;
use super::vm::{Flow, NativeFn, Res, RunEvent, Vm};
use crate::event_loop::{EventLoop, Handle, Next};
use crate::program_history::CallbackWhat;

/// A callback in the loop's queues: the handle object the program sees, and its data.
#[derive(Clone)]
pub struct PyHandle {
    object: Value,
    data: Rc<HandleData>,
}

impl Handle for PyHandle {
    fn cancelled(&self) -> bool {
        self.data.cancelled.get()
    }

    fn id(&self) -> u32 {
        self.data.id
    }
}

/// The state behind a loop object.
pub struct LoopCore {
    pub events: EventLoop<PyHandle>,
    /// The handle whose callback runs now; None while the loop itself works.
    running: Value,
    /// The task whose step runs now (`asyncio.current_task()`); None between steps.
    pub current_task: Value,
}

impl LoopCore {
    /// The ready callbacks (for the time-travel view): their handle objects, in order.
    pub fn ready_handles(&self) -> Vec<Value> {
        self.events.ready().map(|h| h.object.clone()).collect()
    }
}

/// `f` on the loop's state; what it changed in the queue and the heap goes to the journal when
/// the host records the loop.
fn with_core<T>(vm: &mut Vm, loop_value: &Value, f: impl FnOnce(&mut LoopCore) -> T) -> Res<T> {
    if let Value::Object(o) = loop_value {
        let done = match &mut *o.native.borrow_mut() {
            Native::Loop(core) => {
                let result = f(core);
                Some((result, core.events.take_changes()))
            }
            _ => None,
        };
        if let Some((result, changes)) = done {
            for change in changes {
                vm.event(RunEvent::Loop(change));
            }
            return Ok(result);
        }
    }
    vm.type_error("not an event loop")
}

fn loop_init(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_loop_init", &args, 1, 1)?;
    if let Value::Object(o) = &args[0] {
        let mut events = EventLoop::new();
        if vm.records_loop {
            events.record_changes();
        }
        // The loop's clock is the program's one clock.
        events.catch_up(vm.now);
        *o.native.borrow_mut() = Native::Loop(Box::new(LoopCore {
            events,
            running: Value::None,
            current_task: Value::None,
        }));
    }
    Ok(Value::None)
}

/// A handle's arguments, as `_call_soon` and `_call_at` are given them (a tuple).
fn handle_args_of(vm: &mut Vm, args: Value) -> Res<Vec<Value>> {
    match args {
        Value::Tuple(t) => Ok(t.to_vec()),
        Value::None => Ok(Vec::new()),
        other => ops::collect(vm, other),
    }
}

fn make_handle(
    vm: &mut Vm,
    loop_value: &Value,
    callback: Value,
    args: Vec<Value>,
    when: Option<f64>,
) -> Res<(Value, Rc<HandleData>)> {
    let loop_ref = match loop_value {
        Value::Object(o) => Rc::downgrade(o),
        _ => Weak::new(),
    };
    let id = vm.next_handle;
    vm.next_handle = vm.next_handle.wrapping_add(1);
    if vm.records_loop {
        let what = describe_callback(vm, &callback, &args);
        vm.event(RunEvent::Scheduled { handle: id, what });
    }
    let data = Rc::new(HandleData {
        id,
        callback,
        args,
        cancelled: std::cell::Cell::new(false),
        when,
        scheduled: std::cell::Cell::new(when.is_some()),
        loop_ref,
    });
    let class = vm.types.named(if when.is_some() {
        "TimerHandle"
    } else {
        "Handle"
    });
    let object = Value::Object(Object::new(class, Native::Handle(data.clone())));
    Ok((object, data))
}

/// Async generators dropped before their end get a task that closes them, scheduled (as by
/// CPython's finalizer hook, with `call_soon_threadsafe`) before anything the loop schedules
/// after the drop; the hook's write to the self-pipe wakes the loop's next select.
fn close_dropped_async_generators(vm: &mut Vm, event_loop: &Value) -> Res<()> {
    let dropped = UNFINISHED_ASYNC_GENERATORS.with(|list| std::mem::take(&mut *list.borrow_mut()));
    if dropped.is_empty() {
        return Ok(());
    }
    let symbol = vm.sym("_read_from_self");
    let read_from_self = ops::getattr(vm, event_loop, symbol)?;
    let (reader, reader_data) = make_handle(vm, event_loop, read_from_self, Vec::new(), None)?;
    for gen in dropped {
        let closing =
            super::methods::agen_aclose(vm, &Value::None, vec![Value::Gen(gen)], Vec::new())?;
        let symbol = vm.sym("create_task");
        let create_task = ops::getattr(vm, event_loop, symbol)?;
        let (object, data) = make_handle(vm, event_loop, create_task, vec![closing], None)?;
        with_core(vm, event_loop, |core| {
            core.events.call_soon(PyHandle { object, data })
        })?;
    }
    with_core(vm, event_loop, |core| {
        core.events.write_to_self(PyHandle {
            object: reader,
            data: reader_data,
        })
    })
}

pub(super) fn call_soon(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_call_soon", &args, 3, 3)?;
    let callback_args = handle_args_of(vm, args[2].clone())?;
    schedule_soon(vm, &args[0], args[1].clone(), callback_args)
}

/// `loop.call_soon(callback, *args)`: the handle, at the end of the ready queue.
pub(super) fn schedule_soon(
    vm: &mut Vm,
    event_loop: &Value,
    callback: Value,
    args: Vec<Value>,
) -> Res<Value> {
    close_dropped_async_generators(vm, event_loop)?;
    let (object, data) = make_handle(vm, event_loop, callback, args, None)?;
    let handle = PyHandle {
        object: object.clone(),
        data,
    };
    with_core(vm, event_loop, |core| core.events.call_soon(handle))?;
    Ok(object)
}

pub(super) fn call_at(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_call_at", &args, 4, 4)?;
    let when = ops::to_f64(vm, &args[1])?;
    let callback_args = handle_args_of(vm, args[3].clone())?;
    schedule_at(vm, &args[0], when, args[2].clone(), callback_args)
}

/// `loop.call_at(when, callback, *args)`: the handle, in the timer heap.
pub(super) fn schedule_at(
    vm: &mut Vm,
    event_loop: &Value,
    when: f64,
    callback: Value,
    args: Vec<Value>,
) -> Res<Value> {
    let (object, data) = make_handle(vm, event_loop, callback, args, Some(when))?;
    let handle = PyHandle {
        object: object.clone(),
        data,
    };
    with_core(vm, event_loop, |core| core.events.call_at(when, handle))?;
    Ok(object)
}

/// At most this many native callbacks (a sleep's timer, a future's `set_result`) run in one
/// turn of `run_forever` before it goes round again.
const NATIVE_CALLBACKS_PER_TURN: usize = 256;

/// One turn of `run_forever`: the next ready callback runs (a Python one as a tail call, so
/// its exception reaches the loop's `try`), its handle kept for the error report
/// (`_running_handle`). Native callbacks that end at once run here one after the other, as
/// many turns of the loop in one. When the loop stops, this returns `stop` (the prelude's
/// `_STOP`); after a wait, False.
fn run_next(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_run_next", &args, 2, 2)?;
    for _ in 0..NATIVE_CALLBACKS_PER_TURN {
        let handle = match begin_callback(vm, &args[0])? {
            Some(handle) => handle,
            None => return Ok(args[1].clone()),
        };
        let data = handle_data(vm, &handle)?;
        data.scheduled.set(false);
        let (native, mut call_args) = match &data.callback {
            Value::Builtin(b) => (b.clone(), Vec::new()),
            Value::Method(m) => match &m.0 {
                Value::Builtin(b) => (b.clone(), vec![m.1.clone()]),
                _ => return Err(callback_call(&data)),
            },
            _ => return Err(callback_call(&data)),
        };
        call_args.extend(data.args.iter().cloned());
        // A native handing over to Python, resuming a coroutine or raising: as a tail call.
        (native.func)(vm, &native.receiver, call_args, Vec::new())?;
        if super::asyncio_fast::watching(vm) {
            // The loop's Python reports the futures whose exception nobody retrieved.
            return Ok(Value::None);
        }
    }
    Ok(Value::None)
}

/// The next ready handle, marked as the one running (and journaled), or None once the loop
/// stops.
fn begin_callback(vm: &mut Vm, event_loop: &Value) -> Res<Option<Value>> {
    let args = [event_loop.clone()];
    // None while the loop itself works: an exception then is the loop's, not a callback's.
    with_core(vm, &args[0], |core| core.running = Value::None)?;
    let handle = next_handle(vm, &Value::None, vec![args[0].clone()], Vec::new())?;
    if handle.is_none() {
        return Ok(None);
    }
    let iteration = with_core(vm, &args[0], |core| {
        core.running = handle.clone();
        core.events.iterations()
    })?;
    let wanted = vm.loop_views.as_mut().is_some_and(|views| {
        views.callbacks += 1;
        views
            .wanted
            .as_ref()
            .is_none_or(|w| w.contains(&views.callbacks))
    });
    if wanted {
        let view = live_view(vm, &args[0], &handle);
        if let Some(views) = &mut vm.loop_views {
            views.taken.push((views.callbacks, view));
        }
    }
    if vm.records_loop {
        let id = handle_data(vm, &handle)?.id;
        let now = vm.now;
        vm.event(RunEvent::Callback {
            handle: id,
            iteration,
            now,
        });
    }
    Ok(Some(handle))
}

/// The loop as the VM holds it at the start of chosen callbacks (tests check the journal's
/// rebuilt views against it).
#[derive(Default)]
pub struct LoopViews {
    /// The callbacks (1-based) to look at; `None`: every one.
    pub wanted: Option<Vec<usize>>,
    /// Callbacks begun so far.
    pub callbacks: usize,
    /// By callback: the loop then.
    pub taken: Vec<(usize, LiveView)>,
}

/// The loop as the VM holds it when a callback starts.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveView {
    /// The handle about to run.
    pub running: u32,
    /// The ready queue behind it and the pending timers (deadline, handle) in the order the
    /// heap holds them now, cancelled ones left out.
    pub ready: Vec<u32>,
    pub timers: Vec<(f64, u32)>,
    /// Each task with a lane, in the order made: its lane and state, as its attributes say.
    pub tasks: Vec<(u32, crate::time_travel::TaskState)>,
}

fn live_view(vm: &mut Vm, loop_value: &Value, running: &Value) -> LiveView {
    use crate::time_travel::TaskState;
    let (ready, timers): (Vec<Value>, Vec<(f64, Value)>) = match loop_value {
        Value::Object(o) => match &*o.native.borrow() {
            Native::Loop(core) => (
                core.ready_handles(),
                core.events
                    .timers_in_order(usize::MAX)
                    .into_iter()
                    .map(|(when, h)| (when, h.object))
                    .collect(),
            ),
            _ => (Vec::new(), Vec::new()),
        },
        _ => (Vec::new(), Vec::new()),
    };
    let data = |h: &Value| match h {
        Value::Object(o) => match &*o.native.borrow() {
            Native::Handle(d) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    };
    let live_ids = |handles: &[Value]| -> Vec<u32> {
        handles
            .iter()
            .filter_map(data)
            .filter(|d| !d.cancelled.get())
            .map(|d| d.id)
            .collect()
    };
    // The task a handle steps: the receiver of its bound `task_step` / `task_wakeup`.
    let steps = |h: &Value| -> Option<usize> {
        let d = data(h)?;
        if d.cancelled.get() {
            return None;
        }
        match &d.callback {
            Value::Method(m) => match (&m.0, &m.1) {
                (Value::Builtin(b), Value::Object(task))
                    if matches!(&*b.name, "Task.task_step" | "Task.task_wakeup") =>
                {
                    Some(Rc::as_ptr(task) as usize)
                }
                _ => None,
            },
            _ => None,
        }
    };
    let queued: Vec<usize> = ready.iter().filter_map(steps).collect();
    let running_task = steps(running);
    let (state_symbol, exception_symbol, lane_symbol, coro_symbol) = (
        vm.sym("_state"),
        vm.sym("_exception"),
        vm.sym("_lane"),
        vm.sym("_coro"),
    );
    let mut tasks = Vec::new();
    for task in vm.tasks.iter().filter_map(std::rc::Weak::upgrade) {
        let attrs = task.attrs.borrow();
        let Some(Value::Int(lane)) = attrs.get(lane_symbol) else {
            continue;
        };
        let state = match attrs.get(state_symbol) {
            Some(Value::Str(s)) if &**s == "CANCELLED" => TaskState::Cancelled,
            Some(Value::Str(s)) if &**s == "FINISHED" => match attrs.get(exception_symbol) {
                Some(Value::None) | None => TaskState::Done,
                Some(_) => TaskState::Failed,
            },
            _ => {
                let address = Rc::as_ptr(&task) as usize;
                let started =
                    matches!(attrs.get(coro_symbol), Some(Value::Gen(g)) if g.started.get());
                if running_task == Some(address) {
                    TaskState::Running
                } else if !started {
                    TaskState::Pending
                } else if queued.contains(&address) {
                    TaskState::Ready
                } else {
                    TaskState::Waiting
                }
            }
        };
        tasks.push((*lane as u32, state));
    }
    LiveView {
        running: data(running).map_or(u32::MAX, |d| d.id),
        ready: live_ids(&ready),
        timers: timers
            .iter()
            .filter_map(|(when, h)| Some((*when, data(h)?)))
            .filter(|(_, d)| !d.cancelled.get())
            .map(|(when, d)| (when, d.id))
            .collect(),
        tasks,
    }
}

/// The handle of the callback that just ended (None if the loop's own work failed), which the
/// loop no longer holds from then on.
fn running_handle(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_running_handle", &args, 1, 1)?;
    with_core(vm, &args[0], |core| {
        std::mem::replace(&mut core.running, Value::None)
    })
}

/// The loop's next callback: its handle; `None` once `stop()` took effect; `False` after a
/// wait for the next timer (call again). Waiting suspends the whole program.
fn next_handle(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_next_handle", &args, 1, 1)?;
    vm.report_never_awaited();
    close_dropped_async_generators(vm, &args[0])?;
    let now = vm.now;
    let next = with_core(vm, &args[0], |core| {
        core.events.catch_up(now);
        core.events.next_step()
    })?;
    match next {
        Next::Run(handle) => Ok(handle.object),
        Next::Stopped => Ok(Value::None),
        Next::WaitUntil(t) => Err(Flow::Wait(t)),
        Next::Idle => vm.err(
            "RuntimeError",
            "the event loop would wait forever: nothing is ready and no timer is set",
        ),
    }
}

fn handle_data(vm: &mut Vm, value: &Value) -> Res<Rc<HandleData>> {
    if let Value::Object(o) = value {
        if let Native::Handle(data) = &*o.native.borrow() {
            return Ok(data.clone());
        }
    }
    vm.type_error("not a loop handle")
}

/// A handle's callback called with its arguments, as a tail call of the native running it.
fn callback_call(data: &HandleData) -> Flow {
    Flow::Call(data.callback.clone(), data.args.clone(), Vec::new())
}

fn loop_stop(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_loop_stop", &args, 1, 1)?;
    with_core(vm, &args[0], |core| core.events.stop())?;
    Ok(Value::None)
}

fn loop_clear(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_loop_clear", &args, 1, 1)?;
    with_core(vm, &args[0], |core| core.events.clear())?;
    Ok(Value::None)
}

fn loop_time(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::Float(vm.now))
}

fn handle_cancel(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "cancel", &args, 1, 1)?;
    let data = handle_data(vm, &args[0])?;
    if !data.cancelled.get() {
        data.cancelled.set(true);
        if vm.records_loop {
            vm.event(RunEvent::HandleCancelled { handle: data.id });
        }
        if data.scheduled.get() {
            if let Some(loop_object) = data.loop_ref.upgrade() {
                if let Native::Loop(core) = &mut *loop_object.native.borrow_mut() {
                    core.events.timer_cancelled();
                }
            }
        }
    }
    Ok(Value::None)
}

fn handle_cancelled(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "cancelled", &args, 1, 1)?;
    let data = handle_data(vm, &args[0])?;
    Ok(Value::Bool(data.cancelled.get()))
}

/// `MemoryError` when the program holds more memory than it may (see `py::memory`).
pub(super) fn check_memory(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_check_memory", &args, 0, 0)?;
    if super::memory::exhausted() {
        return vm.err("MemoryError", "");
    }
    Ok(Value::None)
}

/// The callback, for the loop's reports (`Exception in callback boom()`).
fn handle_callback(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_callback_for_repr", &args, 1, 1)?;
    Ok(handle_data(vm, &args[0])?.callback.clone())
}

fn handle_args(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_args_for_repr", &args, 1, 1)?;
    Ok(Value::tuple(handle_data(vm, &args[0])?.args.clone()))
}

/// `repr(handle)`: the prelude's `_handle_repr`, as CPython's `Handle.__repr__`
/// (`<TimerHandle when=1.0 tick() at main.py:3>`).
fn handle_repr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_repr_info", &args, 1, 1)?;
    let handle_repr = super::asyncio_fast::python(vm, "_handle_repr")?;
    Err(Flow::Call(handle_repr, args, Vec::new()))
}

fn handle_when(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "when", &args, 1, 1)?;
    let data = handle_data(vm, &args[0])?;
    Ok(data.when.map_or(Value::None, Value::Float))
}

fn is_coroutine(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "iscoroutine", &args, 1, 1)?;
    Ok(Value::Bool(
        matches!(&args[0], Value::Gen(g) if g.kind == GenKind::Coroutine),
    ))
}

fn is_coroutine_function(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "iscoroutinefunction", &args, 1, 1)?;
    let function = match &args[0] {
        Value::Method(m) => m.0.clone(),
        other => other.clone(),
    };
    Ok(Value::Bool(
        matches!(&function, Value::Func(f) if f.code.kind == super::code::CodeKind::Coroutine),
    ))
}

/// `(qualname, filename, line or None once finished, first line)` of a coroutine, for reprs.
fn coro_info(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_coro_info", &args, 1, 1)?;
    let Value::Gen(g) = &args[0] else {
        let text = format::repr(vm, &args[0])?;
        return Ok(Value::tuple(vec![
            Value::Str(text.into()),
            Value::None,
            Value::None,
            Value::None,
        ]));
    };
    let line = if g.finished.get() {
        Value::None
    } else if !g.started.get() {
        Value::Int(i64::from(g.code.first_line))
    } else {
        let suspended = g.frame.borrow().as_ref().map(|f| f.current_line());
        // A running coroutine's frame is on the VM's stack: the line it is at now.
        let running = || {
            vm.frames
                .iter()
                .rev()
                .find(|f| f.gen.as_ref().is_some_and(|own| Rc::ptr_eq(own, g)))
                .map(|f| f.current_line())
        };
        Value::Int(i64::from(
            suspended.or_else(running).unwrap_or(g.code.first_line),
        ))
    };
    Ok(Value::tuple(vec![
        Value::Str(g.qualname.clone()),
        Value::Str(g.code.filename.clone()),
        line,
        Value::Int(i64::from(g.code.first_line)),
    ]))
}

/// `_source_line(filename, lineno)`: the program's line, stripped, as a stack shows it ('' for
/// another file's).
fn source_line(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_source_line", &args, 2, 2)?;
    let (Value::Str(filename), Value::Int(line)) = (&args[0], &args[1]) else {
        return Ok(Value::str(""));
    };
    let text = u32::try_from(*line)
        .ok()
        .and_then(|line| vm.source_line(filename, line))
        .unwrap_or("");
    Ok(Value::str(text))
}

/// How a coroutine or generator was called (`ticks(3)`), or its name.
fn gen_label(gen: &Gen) -> Rc<str> {
    gen.label
        .borrow()
        .clone()
        .unwrap_or_else(|| format!("{}()", gen.qualname).into())
}

/// A new timeline lane for a task running `coro`: its number.
pub(super) fn lane_new(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_lane_new", &args, 2, 2)?;
    let label: Rc<str> = match &args[0] {
        // The loop's own housekeeping is not the program's: no lane, but for the task that
        // closes an async generator (dropped half-way, or left at `asyncio.run`'s end), whose
        // `finally` is the program's code.
        Value::Gen(g) if *g.code.filename == *format::PRELUDE_FILE => {
            let closed = g
                .frame
                .borrow()
                .as_deref()
                .and_then(super::vm::aclose_target);
            match closed {
                Some(generator) => format!("{}.aclose()", gen_label(&generator)).into(),
                None => return Ok(Value::None),
            }
        }
        Value::Gen(g) => gen_label(g),
        other => format::short_repr(other).into(),
    };
    // A coroutine with a lane of its own (a step scenario's task) keeps it as a task; one
    // that already ran (another task's, handed to a second task) does not.
    let lane = match &args[0] {
        Value::Gen(g) => match g.lane.get() {
            Some(lane)
                if lane & super::vm::NESTED_LANE == 0
                    && lane & super::vm::INLINE_LANE == 0
                    && !g.started.get() =>
            {
                lane
            }
            _ => vm.new_lane(),
        },
        _ => vm.new_lane(),
    };
    if let Value::Gen(g) = &args[0] {
        g.lane.set(Some(lane));
    }
    let name: Rc<str> = match &args[1] {
        Value::Str(s) => s.clone(),
        _ => "".into(),
    };
    vm.event(RunEvent::LaneCreated { lane, label, name });
    Ok(Value::Int(i64::from(lane)))
}

fn lane_of(value: &Value) -> Option<u32> {
    match value {
        Value::Int(i) => u32::try_from(*i).ok(),
        _ => None,
    }
}

/// A task's step begins.
pub(super) fn lane_enter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_lane_enter", &args, 2, 2)?;
    let Some(lane) = lane_of(&args[0]) else {
        return Ok(Value::None);
    };
    vm.lane = Some(lane);
    vm.current_task = args[1].clone();
    vm.event(RunEvent::Stepping { lane });
    Ok(Value::None)
}

/// A task's step ends, waiting on `waiter` (a future, or None when it is done or ready).
pub(super) fn lane_leave(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_lane_leave", &args, 2, 2)?;
    let Some(lane) = lane_of(&args[0]) else {
        return Ok(Value::None);
    };
    let waiter = &args[1];
    if !waiter.is_none() {
        let (on, until) = describe_waiter(vm, waiter)?;
        let line = if vm.records_loop {
            program_line(vm, &vm.current_task.clone())
        } else {
            None
        };
        vm.event(RunEvent::Waiting {
            lane,
            on,
            until,
            line,
        });
    }
    vm.lane = None;
    vm.current_task = Value::None;
    Ok(Value::None)
}

/// The line of the program where a suspended task stands: its coroutine's innermost frame (down
/// the chain of `await`s) that runs the program's own code, not the asyncio prelude's.
fn program_line(vm: &mut Vm, task: &Value) -> Option<u32> {
    let mut gen = task_coroutine(vm, task)?;
    let mut line = None;
    // A chain of awaits is short; the bound only guards against a cycle.
    for _ in 0..1000 {
        let next = {
            let frame = gen.frame.borrow();
            let frame = frame.as_ref()?;
            if *frame.code.filename != *format::PRELUDE_FILE {
                line = Some(frame.current_line());
            }
            match frame.stack.last() {
                Some(Value::Gen(inner)) if frame.is_delegating() => inner.clone(),
                _ => break,
            }
        };
        gen = next;
    }
    line
}

/// What a callback does, for the journal: a task's step, a sleep's end, a done-callback of
/// `gather` / `as_completed` / `wait`, the loop's stop, or else its name and arguments.
fn describe_callback(vm: &mut Vm, callback: &Value, args: &[Value]) -> CallbackWhat<u32> {
    let lane_symbol = vm.symbols.future.lane;
    let lane_of_task = |value: &Value| -> Option<u32> {
        match value {
            Value::Object(o) => match o.attrs.borrow().get(lane_symbol) {
                Some(Value::Int(i)) => u32::try_from(*i).ok(),
                _ => None,
            },
            _ => None,
        }
    };
    let (function, receiver) = match callback {
        Value::Method(m) => (&m.0, Some(&m.1)),
        other => (other, None),
    };
    let prelude = match function {
        Value::Func(f) => *f.code.filename == *format::PRELUDE_FILE,
        // The natives standing for the prelude's functions (a task's step, a sleep's end).
        Value::Builtin(b) => {
            *b.name == *super::asyncio_fast::GATHER_CALLBACK
                || super::asyncio_fast::NATIVES
                    .iter()
                    .any(|(_, shown, _)| **shown == *b.name)
        }
        _ => false,
    };
    let qualname: Rc<str> = match function {
        Value::Func(f) => f.qualname.borrow().clone(),
        Value::Builtin(b) => b.name.clone(),
        other => format::short_repr(other).into(),
    };
    if prelude {
        let task = receiver.and_then(lane_of_task);
        let child = args.first().and_then(lane_of_task);
        match &*qualname {
            "Task.task_step" => match task {
                Some(lane) => return CallbackWhat::Step(lane),
                // A task of asyncio's own (`asyncio.run`'s clean-up): named by its coroutine.
                None => {
                    if let Some(coroutine) = receiver.and_then(|t| task_coroutine(vm, t)) {
                        return CallbackWhat::Call(format!("{}()", coroutine.qualname).into());
                    }
                }
            },
            "Task.task_wakeup" => {
                if let Some(lane) = task {
                    return CallbackWhat::Wakeup(lane);
                }
            }
            "_set_result_unless_cancelled" => return CallbackWhat::SleepEnds(vm.lane),
            "_run_until_complete_cb" => {
                let name: Rc<str> = match args.first() {
                    Some(Value::Object(o)) => {
                        match o.attrs.borrow().get(vm.symbols.future.wait_label) {
                            Some(Value::Str(label)) => label.clone(),
                            _ => "asyncio.run's clean-up".into(),
                        }
                    }
                    _ => "the future".into(),
                };
                return CallbackWhat::StopLoop { task: child, name };
            }
            name => {
                if let Some((by, "_done_callback" | "_on_completion")) = name
                    .split_once(".<locals>.")
                    .map(|(outer, inner)| (outer.rsplit('.').next().unwrap_or(outer), inner))
                {
                    if matches!(by, "gather" | "as_completed" | "wait" | "_wait") {
                        return CallbackWhat::ChildDone {
                            by: by.trim_start_matches('_').into(),
                            child,
                        };
                    }
                }
            }
        }
    }
    let shown: Vec<String> = args.iter().take(3).map(format::short_repr).collect();
    let more = if args.len() > 3 { ", …" } else { "" };
    CallbackWhat::Call(format!("{qualname}({}{more})", shown.join(", ")).into())
}

/// A task's coroutine (its `_coro`).
fn task_coroutine(vm: &mut Vm, task: &Value) -> Option<Rc<Gen>> {
    let symbol = vm.symbols.future.coro;
    match task {
        Value::Object(o) => match o.attrs.borrow().get(symbol) {
            Some(Value::Gen(g)) => Some(g.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// What a task waits on, for the timeline: `sleep(1)` (and its deadline), a task's coroutine,
/// or the kind of future.
fn describe_waiter(vm: &mut Vm, waiter: &Value) -> Res<(Rc<str>, Option<f64>)> {
    let Value::Object(o) = waiter else {
        return Ok(("?".into(), None));
    };
    let label_symbol = vm.symbols.future.wait_label;
    let until_symbol = vm.symbols.future.wait_until;
    let coro_symbol = vm.symbols.future.coro;
    let attrs = o.attrs.borrow();
    let until = match attrs.get(until_symbol) {
        Some(Value::Float(f)) => Some(*f),
        _ => None,
    };
    if let Some(Value::Str(label)) = attrs.get(label_symbol) {
        return Ok((label.clone(), until));
    }
    if let Some(Value::Gen(g)) = attrs.get(coro_symbol) {
        let label = g
            .label
            .borrow()
            .clone()
            .unwrap_or_else(|| format!("{}()", g.qualname).into());
        return Ok((label, until));
    }
    Ok((o.class.name.clone(), until))
}

/// A task ended: `kind` is "result", "exception" or "cancelled"; `detail` its text.
pub(super) fn lane_end(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_lane_end", &args, 3, 3)?;
    let how = match &args[1] {
        Value::Str(k) if &**k == "exception" => LaneEnd::Raised,
        Value::Str(k) if &**k == "cancelled" => LaneEnd::Cancelled,
        _ => LaneEnd::Returned,
    };
    end_lane(vm, &args[0], how, &args[2])?;
    Ok(Value::None)
}

/// How a task's lane ends on the timeline.
pub(super) enum LaneEnd {
    Returned,
    Raised,
    Cancelled,
}

/// The lane ends: the task returned `detail`, raised it, or was cancelled.
pub(super) fn end_lane(vm: &mut Vm, lane: &Value, how: LaneEnd, detail: &Value) -> Res<()> {
    let Some(lane) = lane_of(lane) else {
        return Ok(());
    };
    let shown: Rc<str> = match detail {
        Value::Str(s) => s.clone(),
        other => format::short_repr(other).into(),
    };
    let event = match how {
        LaneEnd::Cancelled => RunEvent::Cancelled { lane },
        LaneEnd::Raised => RunEvent::Raised {
            lane,
            error: shown,
            message: format::str_of(vm, detail)?.into(),
        },
        LaneEnd::Returned => RunEvent::Returned { lane, value: shown },
    };
    vm.event(event);
    Ok(())
}

/// `await asyncio.sleep(0)`: the task yields, back of the ready queue.
fn lane_sleep0(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_lane_sleep0", &args, 0, 0)?;
    if let Some(lane) = vm.lane {
        let until = Some(vm.now);
        // The task runs: its line is that of the innermost frame of the program's own code
        // (looked for only when the loop is recorded: `sleep(0)` in a loop is a hot path).
        let line = if vm.records_loop {
            vm.frames
                .iter()
                .rev()
                .find(|f| *f.code.filename != *format::PRELUDE_FILE)
                .map(|f| f.current_line())
        } else {
            None
        };
        vm.event(RunEvent::Waiting {
            lane,
            on: "sleep(0)".into(),
            until,
            line,
        });
    }
    Ok(Value::None)
}

/// A task's result was taken by another (for the timeline's arrows).
fn lane_taken(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_lane_taken", &args, 1, 1)?;
    if let Some(lane) = lane_of(&args[0]) {
        vm.event(RunEvent::ResultTaken { lane });
    }
    Ok(Value::None)
}

/// An error the loop logs (an exception in a callback, a task's exception never retrieved):
/// the message, then the exception's traceback, on stderr.
fn log_error(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_log_error", &args, 2, 2)?;
    let message = format::str_of(vm, &args[0])?;
    let mut text = format!("{message}\n");
    if !args[1].is_none() {
        text.push_str(&format::traceback_text(vm, &args[1]));
    }
    vm.write(true, &text);
    Ok(Value::None)
}

/// The module `name` if the program has imported it, else None (asyncio logs through
/// `logging` only then).
fn imported(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_imported", &args, 1, 1)?;
    let name = format::str_of(vm, &args[0])?;
    Ok(vm.imported(&name).unwrap_or(Value::None))
}

/// Watches a finished task whose exception nobody has retrieved yet: when the program drops
/// the task without retrieving it, CPython logs "Task exception was never retrieved".
fn watch(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_watch", &args, 2, 2)?;
    if let Value::Object(o) = &args[0] {
        vm.unretrieved.push((Rc::downgrade(o), args[1].clone()));
    }
    Ok(Value::None)
}

fn unwatch(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_unwatch", &args, 1, 1)?;
    if let Value::Object(o) = &args[0] {
        let pointer = Rc::as_ptr(o);
        vm.unretrieved.retain(|(weak, _)| weak.as_ptr() != pointer);
    }
    Ok(Value::None)
}

/// The watched tasks the program no longer holds: their log messages.
fn collect_unretrieved(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    let mut dropped = Vec::new();
    vm.unretrieved.retain(|(weak, message)| {
        if weak.strong_count() == 0 {
            dropped.push(message.clone());
            false
        } else {
            true
        }
    });
    Ok(Value::list(dropped))
}

/// Logs "Task exception was never retrieved" for each watched task the program just dropped.
pub fn log_dropped_tasks(vm: &mut Vm) {
    if vm
        .unretrieved
        .iter()
        .all(|(weak, _)| weak.strong_count() > 0)
    {
        return;
    }
    let Ok(Value::List(dropped)) = collect_unretrieved(vm, &Value::None, Vec::new(), Vec::new())
    else {
        return;
    };
    let dropped: Vec<Value> = dropped.borrow().clone();
    // Through the program's `logging` if it imported it, or to its loop's exception handler
    // (the prelude's `_report_dropped`).
    let handler_set = !matches!(
        super::asyncio_fast::python(vm, "_handler_loop"),
        Ok(Value::None) | Err(_)
    );
    if vm.imported("logging").is_some() || handler_set {
        if let Ok(report) = super::asyncio_fast::python(vm, "_report_dropped") {
            let _ = vm.call_nested(report, vec![Value::list(dropped)]);
        }
        return;
    }
    for message in dropped {
        if let Value::Tuple(parts) = message {
            if parts.len() == 2 {
                let _ = log_error(
                    vm,
                    &Value::None,
                    vec![parts[0].clone(), parts[1].clone()],
                    Vec::new(),
                );
            }
        }
    }
}

/// Tasks are registered weakly, as CPython's `_all_tasks` is a weak set.
pub(super) fn register_task(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_register_task", &args, 1, 1)?;
    if let Value::Object(o) = &args[0] {
        if vm.tasks.len() > 64 && vm.tasks.len().is_power_of_two() {
            vm.tasks.retain(|t| t.strong_count() > 0);
        }
        vm.tasks.push(Rc::downgrade(o));
    }
    Ok(Value::None)
}

fn live_tasks(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    vm.tasks.retain(|t| t.strong_count() > 0);
    let live: Vec<Value> = vm
        .tasks
        .iter()
        .filter_map(|t| t.upgrade())
        .map(Value::Object)
        .collect();
    Ok(Value::list(live))
}

/// The async generators still suspended half-way, in the order they started, handed to
/// `shutdown_asyncgens` to close (and forgotten here).
fn live_async_generators(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    let live: Vec<Value> = std::mem::take(&mut vm.async_generators)
        .iter()
        .filter_map(std::rc::Weak::upgrade)
        .filter(|g| !g.finished.get() && g.frame.borrow().is_some())
        .map(Value::Gen)
        .collect();
    Ok(Value::list(live))
}

/// A coroutine with the lane of a step scenario's task.
fn set_lane_function(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let _ = (vm, args);
    Ok(Value::None)
}

const PRELUDE: &str = include_str!("lib/asyncio.py");

/// The `asyncio` module: the natives, then the Python part run over them.
/// The running task of a loop: asyncio's loops keep it natively; any other object stands for
/// a loop through `_current_tasks`, the dict CPython keeps them in.
pub(super) fn current_task(vm: &mut Vm, event_loop: &Value) -> Res<Value> {
    if let Value::Object(o) = event_loop {
        if let Native::Loop(core) = &*o.native.borrow() {
            return Ok(core.current_task.clone());
        }
    }
    match other_loops_tasks(vm) {
        Some(tasks) => Ok(match ops::dict_lookup(vm, &tasks, event_loop)? {
            Some(slot) => tasks
                .borrow()
                .entry_value(slot)
                .cloned()
                .unwrap_or(Value::None),
            None => Value::None,
        }),
        None => Ok(Value::None),
    }
}

/// Makes `task` (None: no task) the running task of `event_loop`.
pub(super) fn put_current_task(vm: &mut Vm, event_loop: &Value, task: Value) -> Res<()> {
    if let Value::Object(o) = event_loop {
        if let Native::Loop(core) = &mut *o.native.borrow_mut() {
            core.current_task = task;
            return Ok(());
        }
    }
    let Some(tasks) = other_loops_tasks(vm) else {
        return Ok(());
    };
    if task.is_none() {
        if let Some(slot) = ops::dict_lookup(vm, &tasks, event_loop)? {
            let removed = tasks.borrow_mut().remove_at(slot);
            drop(removed);
        }
        return Ok(());
    }
    ops::dict_set_shared(vm, &tasks, event_loop.clone(), task)
}

/// `_current_tasks`: the running task of each loop that is not one of asyncio's own.
fn other_loops_tasks(vm: &Vm) -> Option<Rc<std::cell::RefCell<super::dict::Dict>>> {
    let symbol = vm.symbols.future.current_tasks;
    match &vm.asyncio {
        Some(Value::Module(m)) => match m.get(symbol) {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn current_task_of(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_current_task_of", &args, 1, 1)?;
    current_task(vm, &args[0])
}

fn set_current_task(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_set_current_task", &args, 2, 2)?;
    put_current_task(vm, &args[0], args[1].clone())?;
    Ok(Value::None)
}

pub fn module(vm: &mut Vm) -> Res<Value> {
    if let Some(module) = vm.asyncio.clone() {
        return Ok(module);
    }
    let handle = vm.types.named("Handle");
    let timer = vm.types.named("TimerHandle");
    for class in [&handle, &timer] {
        add_method(vm, class, "cancel", handle_cancel);
        add_method(vm, class, "cancelled", handle_cancelled);
        add_method(vm, class, "_callback_for_repr", handle_callback);
        add_method(vm, class, "_args_for_repr", handle_args);
        add_method(vm, class, "_repr_info", handle_repr);
    }
    add_method(vm, &timer, "when", handle_when);
    let natives: &[(&str, NativeFn)] = &[
        ("_loop_init", loop_init),
        ("_call_soon", call_soon),
        ("_call_at", call_at),
        ("_run_next", run_next),
        ("_running_handle", running_handle),
        ("_loop_stop", loop_stop),
        ("_loop_clear", loop_clear),
        ("_time", loop_time),
        ("iscoroutine", is_coroutine),
        ("iscoroutinefunction", is_coroutine_function),
        ("_coro_info", coro_info),
        ("_source_line", source_line),
        ("_lane_new", lane_new),
        ("_lane_enter", lane_enter),
        ("_lane_leave", lane_leave),
        ("_lane_end", lane_end),
        ("_lane_taken", lane_taken),
        ("_lane_sleep0", lane_sleep0),
        ("_log_error", log_error),
        ("_imported", imported),
        ("_watch", watch),
        ("_unwatch", unwatch),
        ("_collect_unretrieved", collect_unretrieved),
        ("_set_lane_function", set_lane_function),
        ("_register_task", register_task),
        ("_live_tasks", live_tasks),
        ("_live_async_generators", live_async_generators),
        ("_check_memory", check_memory),
        ("_current_task_of", current_task_of),
        ("_set_current_task", set_current_task),
    ];
    let module = Module::new("asyncio");
    for (name, func) in natives {
        set_global(vm, &module, name, native(name, *func));
    }
    for (name, shown, func) in super::asyncio_fast::NATIVES {
        set_global(vm, &module, name, native(shown, *func));
    }
    set_global(vm, &module, "Handle", Value::Type(handle));
    set_global(vm, &module, "TimerHandle", Value::Type(timer));
    let value = super::run::run_module_source(vm, module, PRELUDE, format::PRELUDE_FILE)?;
    vm.asyncio = Some(value.clone());
    if let Value::Module(m) = &value {
        let symbols = &vm.symbols.future;
        for symbol in [symbols.future_class, symbols.task_class] {
            if let Some(Value::Type(class)) = m.get(symbol) {
                vm.stock_futures.push(class);
            }
        }
    }
    // `ExceptionGroup` and friends, `anext` and `aiter` live in the prelude but are built-ins.
    if let Value::Module(m) = &value {
        for (name, builtin) in [
            ("BaseExceptionGroup", "BaseExceptionGroup"),
            ("ExceptionGroup", "ExceptionGroup"),
            ("anext", "anext"),
            ("aiter", "aiter"),
            ("_ExceptStar", "__except_star"),
        ] {
            let symbol = vm.sym(name);
            if let Some(value) = m.get(symbol) {
                let builtin = vm.sym(builtin);
                vm.builtins.set(builtin, value);
            }
        }
    }
    Ok(value)
}
