//! The virtual machine: frames on an explicit stack (a Python call never recurses in Rust), so
//! that any coroutine can suspend at `await`, the whole program can stop to wait for the event
//! loop's next timer, and a long computation can pause to let the browser breathe.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};
use super::code::{Code, CodeKind, Instr};
use super::dict::Dict;
use super::value::*;

/// A built-in function: the receiver (bound object or data), positional and keyword arguments.
pub type NativeFn = fn(&mut Vm, &Value, Vec<Value>, Vec<(Rc<str>, Value)>) -> Result<Value, Flow>;

/// How a native function (or an operation) does not simply return a value.
pub enum Flow {
    /// An exception.
    Raise(Value),
    /// Continue by calling this Python callable; its result is the native's result.
    Call(Value, Vec<Value>, Vec<(Rc<str>, Value)>),
    /// The event loop has nothing to do before this time (seconds on the logical clock): the
    /// whole program waits, then the same call is made again.
    Wait(f64),
    /// A blocking call (`time.sleep`) holds the loop this many seconds.
    Block(f64),
    /// Resume this generator with a value (or an exception to throw): its next yield is the
    /// call's result (`send`, `throw`, `next`).
    Resume(Rc<Gen>, Result<Value, Value>),
    /// The native pushed a frame whose result is the call's result (a class body).
    Pushed,
    /// A task's step (`asyncio_fast::task_step`): resume its coroutine; what the coroutine then
    /// yields, returns or raises goes to the task (`asyncio_fast::step_yielded`…), and the
    /// call's result is None.
    Step(Value, Rc<Gen>, Result<Value, Value>),
}

impl From<Value> for Flow {
    fn from(exc: Value) -> Flow {
        Flow::Raise(exc)
    }
}

pub type Res<T> = Result<T, Flow>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    Except,
    Finally,
}

#[derive(Clone, Copy, Debug)]
struct Block {
    kind: BlockKind,
    handler: u32,
    depth: usize,
    /// How many exceptions the frame was handling when the block began: an exception raised
    /// inside a handler and caught by this block ends that handling (no stale context).
    handled: usize,
}

/// What the caller of a frame expects when it ends.
#[derive(Clone)]
pub enum OnReturn {
    /// The value goes on the caller's stack.
    Push,
    /// `__init__` ended: the new instance goes on the caller's stack.
    Instance(Value),
    /// A class body ended: the class is made from its namespace.
    BuildClass {
        name: Rc<str>,
        bases: Vec<Value>,
        namespace: Rc<RefCell<Attrs>>,
        keywords: Vec<(Rc<str>, Value)>,
    },
    /// The program itself ended.
    Program,
    /// A nested run (a native calling Python) ends here.
    Nested,
    /// A generator or coroutine resumed by the caller's instruction.
    Resumed(Resume),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// By `for`: a yielded value is the next item; the end jumps to the loop's exit.
    ForIter(u32),
    /// By `yield from` / `await` in a delegating frame.
    Delegate,
    /// By `send()`, `next()` or `throw()`: a yielded value is the call's result; the end raises
    /// `StopIteration`.
    Method,
    /// By native code iterating (nested run).
    Nested,
    /// By a task's step: the outcome goes to the task stepping it (`Vm::stepping`).
    Task,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub ip: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Value>,
    pub cells: Vec<Rc<RefCell<Value>>>,
    pub globals: Rc<Module>,
    /// A class body's namespace.
    pub namespace: Option<Rc<RefCell<Attrs>>>,
    blocks: Vec<Block>,
    /// Exceptions being handled (innermost last), for bare `raise` and implicit chaining.
    handled: Vec<Value>,
    pub gen: Option<Rc<Gen>>,
    pub on_return: OnReturn,
    /// An exception to raise where the frame resumes (`throw()`).
    throw_on_resume: Option<Value>,
    /// Suspended inside `yield from`/`await`: resuming re-enters the delegate.
    in_yield_from: bool,
    /// The traceback entry of this frame is already on the exception being unwound.
    traced: Option<usize>,
}

impl Frame {
    /// Suspended inside `await`/`yield from`: the delegate is on top of its stack.
    pub fn is_delegating(&self) -> bool {
        self.in_yield_from
    }

    /// The line being executed (or last executed).
    pub fn current_line(&self) -> u32 {
        self.line()
    }

    fn line(&self) -> u32 {
        let at = self
            .ip
            .saturating_sub(1)
            .min(self.code.lines.len().saturating_sub(1));
        self.code
            .lines
            .get(at)
            .copied()
            .unwrap_or(self.code.first_line)
    }
}

/// What `run` stopped for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    /// The event loop waits for its next timer, due at this logical time (seconds).
    WaitUntil(f64),
    /// The instruction budget ran out: let the browser paint, then run again.
    Yielded,
    /// The program ended: 0, or 1 after an uncaught exception.
    Finished(i32),
}

/// Where output and run events go, and what the VM knows about time.
pub trait Host {
    /// A complete line written to stdout (false) or stderr (true).
    fn line(&mut self, vm: &VmInfo, stderr: bool, text: &str);
    /// `time.sleep` or CPU-bound code held the loop: a real clock busy-waits.
    fn block(&mut self, seconds: f64);
    /// Something for the timeline happened.
    fn event(&mut self, vm: &VmInfo, event: RunEvent);
    /// Seconds since the Unix epoch when the program started (for `time.time()`).
    fn epoch(&self) -> f64;
    /// The local time zone's offset from UTC, in seconds (for `time.localtime`).
    fn utc_offset(&self, epoch_seconds: f64) -> i64;
    /// Whether the host keeps the loop's journal (time travel): the VM then also reports every
    /// callback made and run and every change to the loop's queue and heap.
    fn records_loop(&self) -> bool {
        false
    }
}

/// What a host may read about the VM when something happens.
pub struct VmInfo {
    /// The logical clock, seconds.
    pub now: f64,
    /// The lane (task) running now, if any.
    pub lane: Option<u32>,
}

/// Timeline events from the interpreter.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    /// A task (or a coroutine with a lane of its own) appeared: its coroutine call and name.
    LaneCreated {
        lane: u32,
        label: Rc<str>,
        name: Rc<str>,
    },
    /// One step of the task (or inline coroutine) runs.
    Stepping {
        lane: u32,
    },
    /// The task suspended, waiting on what the text describes (`sleep(1)`, a task, a queue…);
    /// `until` for a sleep.
    Waiting {
        lane: u32,
        on: Rc<str>,
        until: Option<f64>,
        /// The program's line where the task stands (its innermost frame in the program's own
        /// code); only when the loop is recorded.
        line: Option<u32>,
    },
    AwaitEnter {
        lane: u32,
        label: Rc<str>,
    },
    AwaitExit {
        lane: u32,
        /// The message of the exception the awaited coroutine raised, if it did.
        raised: Option<Rc<str>>,
    },
    BlockStart {
        lane: Option<u32>,
        seconds: f64,
    },
    BlockEnd {
        lane: Option<u32>,
    },
    Returned {
        lane: u32,
        value: Rc<str>,
    },
    Raised {
        lane: u32,
        /// The exception's repr, and its message (`str()`).
        error: Rc<str>,
        message: Rc<str>,
    },
    Cancelled {
        lane: u32,
    },
    /// Another task took this task's result.
    ResultTaken {
        lane: u32,
    },
    /// A task's own coroutine caught an exception (`except …:` in its body).
    Caught {
        lane: u32,
        message: Rc<str>,
    },
    /// A loop handle was made (`call_soon`, `call_at`): its number and what it will do. This
    /// and the three below only when the host records the loop.
    Scheduled {
        handle: u32,
        what: crate::program_history::CallbackWhat<u32>,
    },
    /// The loop's ready queue or timer heap changed.
    Loop(crate::event_loop::LoopChange),
    HandleCancelled {
        handle: u32,
    },
    /// The loop runs the callback of handle `handle`, in its `iteration`-th `_run_once`.
    Callback {
        handle: u32,
        iteration: u64,
        now: f64,
    },
}

/// Built-in type objects, by kind.
pub struct Types {
    pub by_kind: Vec<(Kind, Rc<Type>)>,
    pub object: Rc<Type>,
    pub type_: Rc<Type>,
    pub base_exception: Rc<Type>,
    /// Looked at for every exception made (its arguments become `errno`, `strerror`…).
    pub os_error: Rc<Type>,
    pub exceptions: Vec<(&'static str, Rc<Type>)>,
    /// Other built-in classes (`dict_keys`, loop handles…).
    pub named: Vec<(&'static str, Rc<Type>)>,
}

impl Types {
    pub fn of(&self, kind: Kind) -> Rc<Type> {
        self.by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| self.object.clone())
    }

    pub fn named(&self, name: &str) -> Rc<Type> {
        self.named
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| self.object.clone())
    }

    pub fn exception(&self, name: &str) -> Rc<Type> {
        self.exceptions
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| self.base_exception.clone())
    }
}

/// The recursion limit of CPython (`sys.getrecursionlimit()`).
pub const RECURSION_LIMIT: usize = 1000;

pub struct Vm {
    pub interner: Interner,
    pub types: Types,
    pub builtins: Rc<Module>,
    pub modules: Vec<(Rc<str>, Value)>,
    pub frames: Vec<Frame>,
    pub host: Box<dyn Host>,
    /// The logical clock: seconds, moved by the event loop's waits and by blocking calls.
    pub now: f64,
    pub stdout: String,
    pub stderr: String,
    /// The running task (set by the event loop as a task steps) and its lane.
    pub current_task: Value,
    pub lane: Option<u32>,
    pub lanes_created: u32,
    /// Nesting of awaited coroutines per lane.
    pub await_depth: Vec<u32>,
    pub symbols: Symbols,
    pub exit_status: Option<i32>,
    /// The exception that ended the program, once printed.
    pub uncaught: Option<Value>,
    pub next_type_id: Cell<usize>,
    /// Whether some class of the program defines `__setattr__` (only then does setting an
    /// attribute look for one).
    pub classes_set_attributes: bool,
    /// Whether any class defines `__getattribute__`: until one does, attribute reads skip
    /// looking for it.
    pub classes_get_attributes: bool,
    /// Whether any class defined `__slots__` (its instances then take only those names).
    pub classes_have_slots: bool,
    /// `contextvars`: the current `Context` (None until the program reads one), and those a
    /// task's step set aside when it entered its own. Tasks switch contexts only once the
    /// program imported `contextvars`.
    pub context: Value,
    pub outer_contexts: Vec<Value>,
    pub contexts_on: bool,
    pub random: super::stdlib::Random,
    pub filename: Rc<str>,
    pub source_lines: Vec<String>,
    /// Python functions whose coroutines draw on a lane of their own when awaited inline
    /// (a step scenario's tasks under `sequential`).
    pub lane_functions: Vec<(Rc<str>, u32)>,
    pub asyncio: Option<Value>,
    /// The value a generator resumed by native code just yielded.
    nested_yield: Option<Value>,
    /// The tasks whose step is under way, innermost last: each one's coroutine frame is on
    /// the stack, resumed with `Resume::Task`.
    stepping: Vec<Value>,
    /// Finished futures whose exception nobody retrieved yet, and what to log if the program
    /// drops them so.
    pub unretrieved: Vec<(std::rc::Weak<Object>, Value)>,
    /// Warnings already shown (CPython shows each once per place).
    warned: Vec<String>,
    /// A never-awaited warning printed its tracemalloc hint (CPython imported `tracemalloc`).
    hint_printed: bool,
    /// The warnings of the program's end print that hint too (see `finish`).
    hint_at_exit: bool,
    /// Every task made (weakly: `asyncio.all_tasks`).
    pub tasks: Vec<std::rc::Weak<Object>>,
    /// Every async generator that started (weakly): the loop closes those still suspended when
    /// `asyncio.run` ends (`shutdown_asyncgens`), as CPython's first-iteration hook lets it.
    pub async_generators: Vec<std::rc::Weak<Gen>>,
    /// The host keeps the loop's journal ([`Host::records_loop`]).
    pub records_loop: bool,
    /// The delay of the last `asyncio.sleep` and its label on the timeline (`sleep(1)`).
    pub last_sleep_label: Option<(Value, Rc<str>)>,
    /// asyncio's own `Future` and `Task` classes (their methods are the natives).
    pub stock_futures: Vec<Rc<Type>>,
    /// The number the next loop handle gets.
    pub next_handle: u32,
    /// When set, the loop as the VM holds it at the start of every callback (tests check the
    /// journal's rebuilt views against it).
    pub loop_views: Option<super::asyncio::LoopViews>,
    /// Emptied stacks and locals of returned frames, reused by the next calls: a call then
    /// costs no allocation.
    spare_vecs: Vec<Vec<Value>>,
}

/// How many emptied vectors the VM keeps for reuse.
const SPARE_VECS: usize = 64;

/// Names the VM looks up often, interned once.
pub struct Symbols {
    pub init: Symbol,
    pub new: Symbol,
    pub call: Symbol,
    pub repr: Symbol,
    pub str_: Symbol,
    pub await_: Symbol,
    pub iter: Symbol,
    pub next: Symbol,
    pub aiter: Symbol,
    pub anext: Symbol,
    pub enter: Symbol,
    pub exit: Symbol,
    pub aenter: Symbol,
    pub aexit: Symbol,
    pub eq: Symbol,
    pub hash: Symbol,
    pub bool_: Symbol,
    pub len: Symbol,
    pub getitem: Symbol,
    pub setitem: Symbol,
    pub delitem: Symbol,
    pub contains: Symbol,
    pub get: Symbol,
    pub set: Symbol,
    pub name: Symbol,
    pub qualname: Symbol,
    pub module: Symbol,
    pub class: Symbol,
    pub dict: Symbol,
    pub args: Symbol,
    pub doc: Symbol,
    pub getattr: Symbol,
    pub getattribute: Symbol,
    pub setattr: Symbol,
    pub slots: Symbol,
    pub get_descriptor: Symbol,
    pub set_descriptor: Symbol,
    pub delete_descriptor: Symbol,
    pub main: Symbol,
    pub builtins: Symbol,
    pub file: Symbol,
    pub annotations: Symbol,
    pub asyncio_future_blocking: Symbol,
    pub future: super::asyncio_fast::FutureSymbols,
}

fn symbols(interner: &mut Interner) -> Symbols {
    let mut s = |name: &str| interner.intern(name);
    Symbols {
        init: s("__init__"),
        new: s("__new__"),
        call: s("__call__"),
        repr: s("__repr__"),
        str_: s("__str__"),
        await_: s("__await__"),
        iter: s("__iter__"),
        next: s("__next__"),
        aiter: s("__aiter__"),
        anext: s("__anext__"),
        enter: s("__enter__"),
        exit: s("__exit__"),
        aenter: s("__aenter__"),
        aexit: s("__aexit__"),
        eq: s("__eq__"),
        hash: s("__hash__"),
        bool_: s("__bool__"),
        len: s("__len__"),
        getitem: s("__getitem__"),
        setitem: s("__setitem__"),
        delitem: s("__delitem__"),
        contains: s("__contains__"),
        get: s("__get__"),
        set: s("__set__"),
        name: s("__name__"),
        qualname: s("__qualname__"),
        module: s("__module__"),
        class: s("__class__"),
        dict: s("__dict__"),
        args: s("args"),
        doc: s("__doc__"),
        getattr: s("__getattr__"),
        getattribute: s("__getattribute__"),
        setattr: s("__setattr__"),
        slots: s("__slots__"),
        get_descriptor: s("__get__"),
        set_descriptor: s("__set__"),
        delete_descriptor: s("__delete__"),
        main: s("__main__"),
        builtins: s("__builtins__"),
        file: s("__file__"),
        annotations: s("__annotations__"),
        asyncio_future_blocking: s("_asyncio_future_blocking"),
        future: super::asyncio_fast::FutureSymbols::new(&mut s),
    }
}

/// How many instructions run between two looks at the memory the program holds.
const MEMORY_CHECK_INTERVAL: u64 = 1 << 12;

/// The largest list or string a program may build (elements or bytes): beyond, `MemoryError`.
pub const MAX_SIZE: usize = 50_000_000;

impl Vm {
    pub fn new(host: Box<dyn Host>, filename: &str, source: &str) -> Vm {
        LIVE_VMS.with(|live| live.set(live.get() + 1));
        let mut interner = Interner::default();
        let symbols = symbols(&mut interner);
        let types = super::builtins::make_types();
        let builtins = Module::new("builtins");
        let mut vm = Vm {
            interner,
            types,
            builtins,
            modules: Vec::new(),
            frames: Vec::new(),
            spare_vecs: Vec::new(),
            host,
            now: 0.0,
            stdout: String::new(),
            stderr: String::new(),
            current_task: Value::None,
            lane: None,
            lanes_created: 0,
            await_depth: Vec::new(),
            symbols,
            exit_status: None,
            uncaught: None,
            next_type_id: Cell::new(1000),
            classes_set_attributes: false,
            classes_get_attributes: false,
            classes_have_slots: false,
            context: Value::None,
            outer_contexts: Vec::new(),
            contexts_on: false,
            random: super::stdlib::Random::new(),
            filename: filename.into(),
            source_lines: source.lines().map(str::to_owned).collect(),
            lane_functions: Vec::new(),
            asyncio: None,
            nested_yield: None,
            stepping: Vec::new(),
            unretrieved: Vec::new(),
            warned: Vec::new(),
            hint_printed: false,
            hint_at_exit: false,
            tasks: Vec::new(),
            async_generators: Vec::new(),
            records_loop: false,
            last_sleep_label: None,
            stock_futures: Vec::new(),
            next_handle: 0,
            loop_views: None,
        };
        vm.records_loop = vm.host.records_loop();
        super::builtins::install(&mut vm);
        vm
    }

    pub fn info(&self) -> VmInfo {
        VmInfo {
            now: self.now,
            lane: self.lane,
        }
    }

    /// The module `name` if the program has imported it.
    pub fn imported(&self, name: &str) -> Option<Value> {
        self.modules
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, module)| module.clone())
    }

    pub fn sym(&mut self, name: &str) -> Symbol {
        self.interner.intern(name)
    }

    pub fn name(&self, symbol: Symbol) -> Rc<str> {
        self.interner.name(symbol)
    }

    pub fn event(&mut self, event: RunEvent) {
        let info = self.info();
        self.host.event(&info, event);
    }

    // ----- output -----------------------------------------------------------------------

    /// Writes text to stdout or stderr: each completed line goes to the host.
    pub fn write(&mut self, stderr: bool, text: &str) {
        let buffer = if stderr {
            &mut self.stderr
        } else {
            &mut self.stdout
        };
        buffer.push_str(text);
        if !buffer.contains('\n') {
            return;
        }
        let content = std::mem::take(buffer);
        let mut parts: Vec<&str> = content.split('\n').collect();
        let rest = parts.pop().unwrap_or_default().to_owned();
        let info = self.info();
        for part in parts {
            self.host.line(&info, stderr, part);
        }
        if stderr {
            self.stderr = rest;
        } else {
            self.stdout = rest;
        }
    }

    /// The last unterminated lines, at the program's end.
    pub fn flush(&mut self) {
        let info = self.info();
        for stderr in [false, true] {
            let rest = std::mem::take(if stderr {
                &mut self.stderr
            } else {
                &mut self.stdout
            });
            if !rest.is_empty() {
                self.host.line(&info, stderr, &rest);
            }
        }
    }

    // ----- exceptions -------------------------------------------------------------------

    /// A new exception of the built-in type `name` with this message.
    pub fn exc(&mut self, name: &str, message: impl Into<String>) -> Value {
        let class = self.types.exception(name);
        let message: String = message.into();
        let args = if message.is_empty() && name == "StopIteration" {
            Vec::new()
        } else {
            vec![Value::Str(message.into())]
        };
        self.new_exception(class, args)
    }

    pub fn new_exception(&mut self, class: Rc<Type>, mut args: Vec<Value>) -> Value {
        let is_os_error = class.is_subtype(&self.types.os_error);
        let class = match is_os_error {
            true => super::builtins::os_error_class(self, class, &args),
            false => class,
        };
        let object = Object::new(class, Native::Exception(ExceptionData::default()));
        if is_os_error {
            args = super::builtins::os_error_fields(self, &object, args);
        }
        let symbol = self.symbols.args;
        object.attrs.borrow_mut().set(symbol, Value::tuple(args));
        Value::Object(object)
    }

    pub fn err<T>(&mut self, name: &str, message: impl Into<String>) -> Res<T> {
        Err(Flow::Raise(self.exc(name, message)))
    }

    pub fn type_error<T>(&mut self, message: impl Into<String>) -> Res<T> {
        self.err("TypeError", message)
    }

    pub fn is_exception_type(&self, t: &Rc<Type>) -> bool {
        t.base == Base::Exception
    }

    pub fn exception_matches(&self, exc: &Value, class: &Rc<Type>) -> bool {
        match exc {
            Value::Object(o) => o.class.is_subtype(class),
            _ => false,
        }
    }

    pub fn exception_name(&self, exc: &Value) -> Rc<str> {
        match exc {
            Value::Object(o) => o.class.name.clone(),
            _ => "Exception".into(),
        }
    }

    // ----- frames -----------------------------------------------------------------------

    fn new_frame(
        &mut self,
        function: &Function,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> Res<Frame> {
        let code = function.code.clone();
        let mut locals = self.spare_vecs.pop().unwrap_or_default();
        locals.resize(code.varnames.len(), Value::Undefined);
        let stack = match self.spare_vecs.pop() {
            Some(stack) => stack,
            None => Vec::with_capacity(8),
        };
        self.bind_arguments(function, &mut locals, args, kwargs)?;
        let mut cells: Vec<Rc<RefCell<Value>>> = (0..code.cellvars.len())
            .map(|_| Rc::new(RefCell::new(Value::Undefined)))
            .collect();
        for &(local, cell) in &code.cell_args {
            if let (Some(value), Some(slot)) =
                (locals.get(local as usize), cells.get(cell as usize))
            {
                *slot.borrow_mut() = value.clone();
            }
        }
        cells.extend(function.closure.iter().cloned());
        Ok(Frame {
            code,
            ip: 0,
            stack,
            locals,
            cells,
            globals: function.globals.clone(),
            namespace: None,
            blocks: Vec::new(),
            handled: Vec::new(),
            gen: None,
            on_return: OnReturn::Push,
            throw_on_resume: None,
            in_yield_from: false,
            traced: None,
        })
    }

    fn bind_arguments(
        &mut self,
        function: &Function,
        locals: &mut [Value],
        mut args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> Res<()> {
        let code = &function.code;
        let name = function.qualname.borrow().clone();
        let argcount = code.argcount as usize;
        let kwonly = code.kwonly as usize;
        let given = args.len();
        let extra: Vec<Value> = if given > argcount {
            if !code.varargs {
                let takes = if function.defaults.is_empty() {
                    format!(
                        "{argcount} positional argument{}",
                        if argcount == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "from {} to {argcount} positional arguments",
                        argcount - function.defaults.len()
                    )
                };
                let was = if given == 1 { "was" } else { "were" };
                return self.type_error(format!("{name}() takes {takes} but {given} {was} given"));
            }
            args.split_off(argcount)
        } else {
            Vec::new()
        };
        for (i, value) in args.into_iter().enumerate() {
            locals[i] = value;
        }
        let mut slot = argcount;
        if code.varargs {
            locals[argcount + kwonly] = Value::tuple(extra);
        }
        let varkw_slot = argcount + kwonly + usize::from(code.varargs);
        let mut extra_kw = Dict::new();
        for (key, value) in kwargs {
            let position = code.varnames[..argcount + kwonly]
                .iter()
                .position(|v| **v == *key)
                .filter(|&p| p >= code.posonly as usize);
            match position {
                Some(p) => {
                    if !matches!(locals[p], Value::Undefined) {
                        return self.type_error(format!(
                            "{name}() got multiple values for argument '{key}'"
                        ));
                    }
                    locals[p] = value;
                }
                None if code.varkw => {
                    let key_value = Value::Str(key.clone());
                    let hash = super::ops::hash_str(&key);
                    extra_kw.push(hash, key_value, value);
                }
                None => {
                    return self.type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    ));
                }
            }
        }
        if code.varkw {
            locals[varkw_slot] = Value::dict(extra_kw);
        }
        // Defaults for the missing positional ones, then the missing list.
        let first_default = argcount - function.defaults.len();
        let mut missing = Vec::new();
        for i in 0..argcount {
            if matches!(locals[i], Value::Undefined) {
                if i >= first_default {
                    locals[i] = function.defaults[i - first_default].clone();
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return self.type_error(format!(
                "{name}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            ));
        }
        slot += 0;
        let mut missing_kw = Vec::new();
        for i in argcount..argcount + kwonly {
            if matches!(locals[i], Value::Undefined) {
                let symbol = self.sym(&code.varnames[i]);
                match function.kwdefaults.iter().find(|(s, _)| *s == symbol) {
                    Some((_, default)) => locals[i] = default.clone(),
                    None => missing_kw.push(code.varnames[i].clone()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return self.type_error(format!(
                "{name}() missing {} required keyword-only argument{}: {}",
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                name_list(&missing_kw)
            ));
        }
        let _ = slot;
        Ok(())
    }

    /// Calls `func`: a native result comes back at once; a Python function's frame is pushed
    /// (its result arrives through `on_return`). `None` means a frame was pushed.
    pub fn call(
        &mut self,
        func: Value,
        mut args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
        on_return: OnReturn,
    ) -> Res<Option<Value>> {
        match func {
            Value::Func(function) => {
                if self.depth() >= RECURSION_LIMIT {
                    return self.err("RecursionError", "maximum recursion depth exceeded");
                }
                let mut frame = self.new_frame(&function, args, kwargs)?;
                match function.code.kind {
                    CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator => {
                        let kind = match function.code.kind {
                            CodeKind::Generator => GenKind::Generator,
                            CodeKind::Coroutine => GenKind::Coroutine,
                            _ => GenKind::AsyncGenerator,
                        };
                        let label = if kind == GenKind::Coroutine {
                            Some(self.call_label(&function, &frame))
                        } else {
                            None
                        };
                        let lane = self
                            .lane_functions
                            .iter()
                            .find(|(n, _)| **n == *function.code.name)
                            .map(|(_, l)| *l);
                        let gen = Rc::new(Gen {
                            kind,
                            code: function.code.clone(),
                            frame: RefCell::new(None),
                            running: Cell::new(false),
                            finished: Cell::new(false),
                            started: Cell::new(false),
                            qualname: function.qualname.borrow().clone(),
                            label: RefCell::new(label),
                            awaited: Cell::new(false),
                            lane: Cell::new(lane),
                            pending: RefCell::new(None),
                        });
                        // The suspended frame does not hold its generator (no cycle): it gets
                        // it back when resumed.
                        *gen.frame.borrow_mut() = Some(Box::new(frame));
                        Ok(Some(Value::Gen(gen)))
                    }
                    _ => {
                        frame.on_return = on_return;
                        self.frames.push(frame);
                        Ok(None)
                    }
                }
            }
            Value::Builtin(builtin) => {
                let receiver = builtin.receiver.clone();
                match (builtin.func)(self, &receiver, args, kwargs) {
                    Ok(value) => Ok(Some(value)),
                    Err(Flow::Call(func, args, kwargs)) => self.call(func, args, kwargs, on_return),
                    Err(Flow::Resume(gen, sent)) => match on_return {
                        OnReturn::Nested => match self.resume_nested(&gen, sent)? {
                            GenStep::Yielded(value) => Ok(Some(value)),
                            GenStep::Returned(value) => {
                                Err(Flow::Raise(self.stop_iteration(value)))
                            }
                        },
                        _ => {
                            self.resume(&gen, sent, Resume::Method)?;
                            Ok(None)
                        }
                    },
                    Err(Flow::Pushed) => Ok(None),
                    Err(Flow::Step(task, gen, sent)) => {
                        self.start_step(task, &gen, sent, on_return)
                    }
                    Err(other) => Err(other),
                }
            }
            Value::Method(method) => {
                let (func, receiver) = (method.0.clone(), method.1.clone());
                args.insert(0, receiver);
                self.call(func, args, kwargs, on_return)
            }
            Value::Type(class) => {
                // A metaclass's own `__call__` makes the instance.
                if let Some(meta) = &class.meta {
                    let symbol = self.symbols.call;
                    if let Some(call) = super::builtins::metaclass_own(meta, symbol) {
                        args.insert(0, Value::Type(class.clone()));
                        return self.call(call, args, kwargs, on_return);
                    }
                }
                self.instantiate(class, args, kwargs, on_return)
            }
            Value::Object(ref object) => {
                let call = self.symbols.call;
                match object.class.lookup(call) {
                    Some(method) => {
                        args.insert(0, func.clone());
                        self.call(method, args, kwargs, on_return)
                    }
                    None => {
                        let name = object.class.name.clone();
                        self.type_error(format!("'{name}' object is not callable"))
                    }
                }
            }
            other => {
                let name = super::ops::type_name(self, &other);
                self.type_error(format!("'{name}' object is not callable"))
            }
        }
    }

    /// `say_after(1, 'hello')`: the call that made a coroutine, for the timeline.
    fn call_label(&self, function: &Function, frame: &Frame) -> Rc<str> {
        let code = &function.code;
        let count = code.argcount as usize;
        let mut out = String::new();
        out.push_str(&code.name);
        out.push('(');
        let mut first = true;
        for value in frame.locals.iter().take(count) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(&super::format::short_repr(value));
            if out.len() > 60 {
                out.push('…');
                break;
            }
        }
        out.push(')');
        out.into()
    }

    fn instantiate(
        &mut self,
        class: Rc<Type>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
        on_return: OnReturn,
    ) -> Res<Option<Value>> {
        if let Some(kind) = class.builtin {
            return super::builtins::construct(self, kind, &class, args, kwargs).map(Some);
        }
        if class.base == Base::Exception && class.lookup(self.symbols.init).is_none() {
            if !kwargs.is_empty() {
                let name = class.name.clone();
                return self.type_error(format!("{name}() takes no keyword arguments"));
            }
            return Ok(Some(self.new_exception(class, args)));
        }
        // A class's own `__new__` makes the object (it may return another kind of object).
        let user_new = class
            .lineage()
            .take_while(|t| t.builtin.is_none())
            .find_map(|t| t.dict.borrow().get(self.symbols.new).cloned());
        let object = match user_new {
            Some(new) => {
                let new = super::ops::static_function(new);
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(Value::Type(class.clone()));
                full.extend(args.iter().cloned());
                let object = self.call_nested_kw(new, full, kwargs.clone())?;
                let of_class = matches!(&object, Value::Object(o) if o.class.is_subtype(&class));
                if !of_class {
                    return Ok(Some(object));
                }
                object
            }
            None => super::builtins::new_instance(self, &class, &args, &kwargs)?,
        };
        let init = self.symbols.init;
        match class.lookup(init) {
            Some(init) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(object.clone());
                full.extend(args);
                let on_return = match on_return {
                    OnReturn::Push => OnReturn::Instance(object.clone()),
                    OnReturn::Nested => {
                        // From native code: `__init__` runs to its end here.
                        let result = match self.call(init, full, kwargs, OnReturn::Nested)? {
                            Some(value) => value,
                            None => self.run_nested()?,
                        };
                        if !result.is_none() {
                            let name = super::ops::type_name(self, &result);
                            return self.type_error(format!(
                                "__init__() should return None, not '{name}'"
                            ));
                        }
                        return Ok(Some(object));
                    }
                    other => other,
                };
                match self.call(init, full, kwargs, on_return)? {
                    Some(_) => Ok(Some(object)),
                    None => Ok(None),
                }
            }
            None => {
                if !args.is_empty() || !kwargs.is_empty() {
                    let name = class.name.clone();
                    return self.type_error(format!("{name}() takes no arguments"));
                }
                Ok(Some(object))
            }
        }
    }

    /// Calls Python code from native code and runs it to its end (it cannot suspend).
    pub fn call_nested(&mut self, func: Value, args: Vec<Value>) -> Res<Value> {
        self.call_nested_kw(func, args, Vec::new())
    }

    /// `class(*args, **kwargs)` run to its end, as `type.__call__` makes it.
    pub fn instantiate_nested(
        &mut self,
        class: Rc<Type>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> Res<Value> {
        match self.instantiate(class, args, kwargs, OnReturn::Nested)? {
            Some(value) => Ok(value),
            None => self.run_nested(),
        }
    }

    pub fn call_nested_kw(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> Res<Value> {
        match self.call(func, args, kwargs, OnReturn::Nested)? {
            Some(value) => Ok(value),
            None => self.run_nested(),
        }
    }

    /// Runs the frame just pushed (and whatever it calls) until it returns.
    fn run_nested(&mut self) -> Res<Value> {
        let floor = self.frames.len().saturating_sub(1);
        loop {
            match self.execute(u64::MAX, floor)? {
                Exit::Nested(value) => return Ok(value),
                Exit::Raised(exc) => return Err(Flow::Raise(exc)),
                Exit::Suspended(Flow::Wait(_)) => {
                    return self.err(
                        "RuntimeError",
                        "the event loop cannot wait here (inside a call from native code)",
                    )
                }
                Exit::Suspended(other) => return Err(other),
                Exit::Finished => {
                    return self.err("SystemError", "a nested call ended without a result")
                }
                Exit::Budget => {}
            }
        }
    }

    /// Next item of an iterator from native code: `None` at its end. Python iterators run
    /// nested (they cannot suspend).
    pub fn next_item(&mut self, iterator: &Value) -> Res<Option<Value>> {
        if let Value::Iter(iter) = iterator {
            return super::ops::iter_next(self, iter);
        }
        if let Value::Gen(gen) = iterator {
            if gen.kind == GenKind::Generator && !gen.running.get() && gen.frame.borrow().is_none()
            {
                return Ok(None);
            }
            return match self.resume_nested(gen, Ok(Value::None))? {
                GenStep::Yielded(v) => Ok(Some(v)),
                GenStep::Returned(_) => Ok(None),
            };
        }
        let next = self.symbols.next;
        match super::ops::lookup_special(self, iterator, next) {
            Some(method) => match self.call_nested(method, vec![iterator.clone()]) {
                Ok(v) => Ok(Some(v)),
                Err(Flow::Raise(exc)) if self.is_named(&exc, "StopIteration") => Ok(None),
                Err(other) => Err(other),
            },
            None => {
                let name = super::ops::type_name(self, iterator);
                self.type_error(format!("'{name}' object is not an iterator"))
            }
        }
    }

    pub fn is_named(&self, exc: &Value, name: &str) -> bool {
        let class = self.types.exception(name);
        self.exception_matches(exc, &class)
    }

    /// `StopIteration(value)`, as a generator's return raises it.
    pub fn stop_iteration(&mut self, value: Value) -> Value {
        let stop = self.types.exception("StopIteration");
        let args = if value.is_none() {
            Vec::new()
        } else {
            vec![value.clone()]
        };
        let exc = self.new_exception(stop, args);
        if let Value::Object(o) = &exc {
            let symbol = self.sym("value");
            o.attrs.borrow_mut().set(symbol, value);
        }
        exc
    }

    /// `generator.close()`: throws `GeneratorExit` in; it must not yield again.
    pub fn close_generator(&mut self, gen: &Rc<Gen>, exit: Value) -> Res<Value> {
        match self.resume_nested(gen, Err(exit)) {
            Ok(GenStep::Yielded(_)) => self.err("RuntimeError", "generator ignored GeneratorExit"),
            Ok(GenStep::Returned(_)) => Ok(Value::None),
            Err(Flow::Raise(exc))
                if self.is_named(&exc, "GeneratorExit") || self.is_named(&exc, "StopIteration") =>
            {
                Ok(Value::None)
            }
            Err(other) => Err(other),
        }
    }

    /// A class body runs in a frame of its own; its namespace becomes the class.
    pub fn push_class_body(
        &mut self,
        body: Value,
        name: Rc<str>,
        bases: Vec<Value>,
        keywords: Vec<(Rc<str>, Value)>,
    ) -> Res<()> {
        let Value::Func(function) = body else {
            return self.type_error("__build_class__: func must be a function");
        };
        let mut frame = self.new_frame(&function, Vec::new(), Vec::new())?;
        let namespace = Rc::new(RefCell::new(Attrs::default()));
        frame.namespace = Some(namespace.clone());
        frame.on_return = OnReturn::BuildClass {
            name,
            bases,
            namespace,
            keywords,
        };
        self.frames.push(frame);
        Ok(())
    }

    /// A module body with a top-level `await`, as a coroutine (a notebook cell).
    pub fn make_coroutine(&mut self, function: &Value) -> Res<Value> {
        let Value::Func(function) = function else {
            return self.type_error("not a function");
        };
        let frame = self.new_frame(function, Vec::new(), Vec::new())?;
        let gen = Rc::new(Gen {
            kind: GenKind::Coroutine,
            code: function.code.clone(),
            frame: RefCell::new(None),
            running: Cell::new(false),
            finished: Cell::new(false),
            started: Cell::new(false),
            qualname: function.code.qualname.clone(),
            label: RefCell::new(Some("<module>".into())),
            awaited: Cell::new(false),
            lane: Cell::new(None),
            pending: RefCell::new(None),
        });
        *gen.frame.borrow_mut() = Some(Box::new(frame));
        Ok(Value::Gen(gen))
    }

    /// `NameError: name 'x' is not defined`, with the name CPython would suggest.
    fn name_error<T>(&mut self, symbol: Symbol) -> Res<T> {
        let name = self.name(symbol);
        let exc = self.exc("NameError", format!("name '{name}' is not defined"));
        let mut candidates: Vec<Rc<str>> = Vec::new();
        if let Some(frame) = self.frames.last() {
            if frame.code.kind != CodeKind::Module {
                candidates.extend(frame.code.varnames.iter().cloned());
            }
        }
        let mut suggestion = super::builtins::closest_name(&name, &candidates);
        if suggestion.is_none() {
            let globals: Vec<Symbol> = self
                .frames
                .last()
                .map(|f| f.globals.globals.borrow().keys().collect())
                .unwrap_or_default();
            let names: Vec<Rc<str>> = globals.iter().map(|s| self.name(*s)).collect();
            suggestion = super::builtins::closest_name(&name, &names);
        }
        if suggestion.is_none() {
            let builtins: Vec<Symbol> = self.builtins.globals.borrow().keys().collect();
            let names: Vec<Rc<str>> = builtins.iter().map(|s| self.name(*s)).collect();
            suggestion = super::builtins::closest_name(&name, &names);
        }
        if let Value::Object(o) = &exc {
            let name_symbol = self.sym("name");
            o.attrs.borrow_mut().set(name_symbol, Value::Str(name));
            if let Some(suggestion) = suggestion {
                let symbol = self.sym("_suggestion");
                o.attrs.borrow_mut().set(symbol, Value::Str(suggestion));
            }
        }
        Err(Flow::Raise(exc))
    }

    /// What CPython reports the moment an object is freed: a coroutine never awaited, a task
    /// whose exception nobody retrieved. Checked where a value may be dropped.
    #[inline]
    fn report_drops(&mut self) {
        if !self.unretrieved.is_empty() {
            super::asyncio::log_dropped_tasks(self);
        }
        if NEVER_AWAITED.with(|list| !list.borrow().is_empty()) {
            self.report_never_awaited();
        }
    }

    /// CPython's `RuntimeWarning` for each coroutine dropped without ever running, once per
    /// place in the program.
    pub fn report_never_awaited(&mut self) {
        let names: Vec<Rc<str>> =
            NEVER_AWAITED.with(|list| std::mem::take(&mut *list.borrow_mut()));
        for name in names {
            let place = self
                .frames
                .iter()
                .rev()
                .find(|f| *f.code.filename != *super::format::PRELUDE_FILE)
                .map(|f| (f.code.filename.clone(), f.line()));
            let (header, source) = match &place {
                Some((file, line)) => (
                    format!("{file}:{line}"),
                    self.source_line(file, *line).map(str::to_owned),
                ),
                None => ("sys:1".to_owned(), None),
            };
            let key = format!("{header} {name}");
            if self.warned.contains(&key) {
                continue;
            }
            self.warned.push(key);
            let mut text =
                format!("{header}: RuntimeWarning: coroutine '{name}' was never awaited\n");
            if let Some(source) = source.filter(|s| !s.is_empty()) {
                text.push_str(&format!("  {source}\n"));
            }
            // With no frame left the program has ended: CPython is finalizing, and warns
            // through its C fallback, without the hint of the `warnings` module.
            if place.is_some() || self.hint_at_exit {
                self.hint_printed = true;
                text.push_str(
                    "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                );
            }
            self.write(true, &text);
        }
    }

    /// Line `line` of `filename`, stripped, as tracebacks and warnings show it: the program's
    /// own lines only (none for another file's).
    pub fn source_line(&self, filename: &str, line: u32) -> Option<&str> {
        if *filename != *self.filename {
            return None;
        }
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.source_lines.get(index).map(|text| text.trim())
    }

    /// A new timeline lane's number.
    pub fn new_lane(&mut self) -> u32 {
        let lane = self.lanes_created;
        self.lanes_created += 1;
        lane
    }

    /// Gives the frame on top what a native answered for the call it made, as the call's own
    /// instruction would: a value now, a hand-over to Python (`Flow::Call`) when that
    /// function's frame returns.
    pub fn give_to_caller(&mut self, outcome: Res<Value>) -> Res<()> {
        let value = match outcome {
            Ok(value) => value,
            Err(Flow::Call(func, args, kwargs)) => {
                match self.call(func, args, kwargs, OnReturn::Push)? {
                    Some(value) => value,
                    None => return Ok(()),
                }
            }
            Err(other) => return Err(other),
        };
        push(self, value);
        Ok(())
    }

    /// How deep CPython's stack would be here, for its recursion limit: the frames on the
    /// stack, and inside a task's step the four CPython has between the loop's `run_forever`
    /// and the coroutine (`_run_once`, `Handle._run`, `Context.run`, `Task.__step`).
    fn depth(&self) -> usize {
        self.frames.len() + if self.stepping.is_empty() { 0 } else { 4 }
    }

    /// A task's step resumes its coroutine (`Flow::Step`). Only a call whose result goes on
    /// the caller's stack can wait for the coroutine's outcome; any other, and a coroutine
    /// that cannot be resumed, take the step in Python (`_py_task_step`).
    fn start_step(
        &mut self,
        task: Value,
        gen: &Rc<Gen>,
        sent: Result<Value, Value>,
        on_return: OnReturn,
    ) -> Res<Option<Value>> {
        if matches!(on_return, OnReturn::Push) {
            self.stepping.push(task.clone());
            match self.resume(gen, sent, Resume::Task) {
                Ok(()) => return Ok(None),
                Err(Flow::Raise(exc)) => {
                    self.stepping.pop();
                    super::asyncio_fast::step_raised(self, task, exc)?;
                    return Ok(None);
                }
                Err(other) => {
                    self.stepping.pop();
                    return Err(other);
                }
            }
        }
        let args = match sent {
            Ok(_) => vec![task],
            Err(exc) => vec![task, exc],
        };
        let step = super::asyncio_fast::python_step(self)?;
        self.call(step, args, Vec::new(), on_return)
    }

    fn resume_nested(&mut self, gen: &Rc<Gen>, sent: Result<Value, Value>) -> Res<GenStep> {
        self.resume(gen, sent, Resume::Nested)?;
        let floor = self.frames.len().saturating_sub(1);
        loop {
            match self.execute(u64::MAX, floor)? {
                Exit::Nested(v) => {
                    return Ok(match self.nested_yield.take() {
                        Some(yielded) => GenStep::Yielded(yielded),
                        None => GenStep::Returned(v),
                    })
                }
                Exit::Raised(exc) => return Err(Flow::Raise(exc)),
                Exit::Suspended(Flow::Wait(_)) => {
                    return self.err(
                        "RuntimeError",
                        "the event loop cannot wait here (inside a call from native code)",
                    )
                }
                Exit::Suspended(other) => return Err(other),
                Exit::Finished => {
                    return self.err("SystemError", "a nested generator ended without a result")
                }
                Exit::Budget => {}
            }
        }
    }

    /// Puts a generator's frame on the stack to go on with `sent` (a value, or an exception to
    /// throw where it stopped).
    pub fn resume(&mut self, gen: &Rc<Gen>, sent: Result<Value, Value>, how: Resume) -> Res<()> {
        if gen.running.get() {
            let what = if gen.kind == GenKind::Coroutine {
                "coroutine"
            } else {
                "generator"
            };
            return self.err("ValueError", format!("{what} already executing"));
        }
        let frame = gen.frame.borrow_mut().take();
        let sent = match (sent, &frame) {
            // `aclose()`'s coroutine thrown into before it ran (a task cancelled at once): as
            // into CPython's `athrow` object, the exception goes into the generator, which the
            // coroutine then awaits.
            (Err(exc), Some(frame)) if !gen.started.get() => match aclose_target(frame) {
                Some(generator) => {
                    *generator.pending.borrow_mut() = Some(Err(exc));
                    Ok(Value::None)
                }
                None => Err(exc),
            },
            (sent, _) => sent,
        };
        let Some(mut frame) = frame else {
            return match sent {
                Err(exc) => Err(Flow::Raise(exc)),
                Ok(_) if gen.kind == GenKind::Coroutine => {
                    self.err("RuntimeError", "cannot reuse already awaited coroutine")
                }
                Ok(_) if gen.kind == GenKind::AsyncGenerator => self.err("StopAsyncIteration", ""),
                Ok(_) => self.err("StopIteration", ""),
            };
        };
        if !gen.started.get() {
            if let Ok(value) = &sent {
                if !value.is_none() {
                    *gen.frame.borrow_mut() = Some(frame);
                    let what = if gen.kind == GenKind::Coroutine {
                        "coroutine"
                    } else {
                        "generator"
                    };
                    return self.type_error(format!(
                        "can't send non-None value to a just-started {what}"
                    ));
                }
            }
            gen.started.set(true);
            if gen.kind == GenKind::AsyncGenerator {
                if self.async_generators.len() >= 64
                    && self.async_generators.len().is_power_of_two()
                {
                    self.async_generators.retain(|g| g.strong_count() > 0);
                }
                self.async_generators.push(Rc::downgrade(gen));
            }
            self.enter_coroutine(gen);
        } else if let Ok(value) = &sent {
            frame.stack.push(value.clone());
        }
        if let Err(exc) = sent {
            frame.throw_on_resume = Some(exc);
        }
        gen.running.set(true);
        gen.awaited.set(true);
        frame.gen = Some(gen.clone());
        frame.on_return = OnReturn::Resumed(how);
        if self.depth() >= RECURSION_LIMIT {
            frame.gen = None;
            *gen.frame.borrow_mut() = Some(frame);
            gen.running.set(false);
            return self.err("RecursionError", "maximum recursion depth exceeded");
        }
        self.frames.push(*frame);
        Ok(())
    }

    /// A coroutine starts: if it runs inside another task's coroutine, the timeline draws a
    /// nested await (or its own lane, for a step scenario's task run inline).
    fn enter_coroutine(&mut self, gen: &Rc<Gen>) {
        // `asyncio.sleep` and the like are what a task waits on, not nested awaits.
        if gen.kind != GenKind::Coroutine || *gen.code.filename == *super::format::PRELUDE_FILE {
            return;
        }
        let inside_coroutine = self
            .frames
            .last()
            .and_then(|f| f.gen.as_ref())
            .is_some_and(|g| g.kind == GenKind::Coroutine);
        if !inside_coroutine {
            return;
        }
        if let Some(lane) = gen.lane.get() {
            // A step scenario's task, awaited inline: it draws on its own lane.
            let label = gen
                .label
                .borrow()
                .clone()
                .unwrap_or_else(|| gen.qualname.clone());
            self.event(RunEvent::LaneCreated {
                lane,
                label,
                name: "".into(),
            });
            self.event(RunEvent::Stepping { lane });
            gen.lane.set(Some(lane | INLINE_LANE));
            return;
        }
        if let Some(lane) = self.lane {
            let label = gen
                .label
                .borrow()
                .clone()
                .unwrap_or_else(|| gen.qualname.clone());
            self.event(RunEvent::AwaitEnter { lane, label });
            gen.lane.set(Some(lane | NESTED_LANE));
        }
    }

    // ----- the dispatch loop -------------------------------------------------------------

    /// Runs at most `budget` instructions of the program.
    pub fn run(&mut self, budget: u64) -> Progress {
        if let Some(status) = self.exit_status {
            return Progress::Finished(status);
        }
        match self.execute(budget, 0) {
            Ok(Exit::Budget) => Progress::Yielded,
            Ok(Exit::Finished) | Ok(Exit::Nested(_)) => self.finish(0),
            Ok(Exit::Raised(exc)) => {
                self.report_uncaught(&exc);
                self.finish(1)
            }
            Ok(Exit::Suspended(Flow::Wait(t))) => Progress::WaitUntil(t),
            Ok(Exit::Suspended(_)) => Progress::Yielded,
            Err(Flow::Raise(exc)) => {
                self.report_uncaught(&exc);
                self.finish(1)
            }
            Err(_) => self.finish(1),
        }
    }

    fn release_tasks_kept(&mut self) {
        let symbol = self.symbols.future.exception;
        let tasks: Vec<Rc<Object>> = self.tasks.iter().filter_map(|t| t.upgrade()).collect();
        let mut released = Vec::new();
        for task in tasks {
            let exception = task.attrs.borrow().get(symbol).cloned();
            if let Some(exc) = exception {
                released.extend(release_kept(&exc));
            }
        }
        drop(released);
    }

    fn drop_unawaited_globals(&mut self) {
        let Some(Value::Module(main)) = self.imported("__main__") else {
            return;
        };
        let unawaited: Vec<Symbol> = main
            .globals
            .borrow()
            .iter()
            .filter(|(_, value)| {
                matches!(value, Value::Gen(g) if g.kind == GenKind::Coroutine && !g.started.get())
            })
            .map(|(symbol, _)| symbol)
            .collect();
        let mut dropped = Vec::new();
        for symbol in unawaited {
            dropped.extend(main.globals.borrow_mut().remove(&symbol));
        }
        drop(dropped);
    }

    fn finish(&mut self, status: i32) -> Progress {
        let status = self.exit_status.unwrap_or(status);
        self.frames.clear();
        self.stepping.clear();
        if let Some(exc) = self.uncaught.clone() {
            // What the uncaught exception kept goes as CPython finalizes: clearing
            // `sys.last_value` (its `warnings` can still import `tracemalloc` if a warning
            // imported it before), or in its last collection for a task's (too late for that).
            let ended_a_task = match &exc {
                Value::Object(o) => match &*o.native.borrow() {
                    Native::Exception(data) => data.ended_a_task,
                    _ => false,
                },
                _ => false,
            };
            self.hint_at_exit = self.hint_printed && !ended_a_task;
            drop(release_kept(&exc));
        }
        // Coroutines dropped while the program ran are reported; those its globals still hold
        // go with the interpreter, after the output (as CPython warns at exit).
        self.report_never_awaited();
        // What failed tasks' exceptions kept goes as CPython's last collection frees it (a
        // cycle through a task would otherwise outlive the program).
        self.hint_at_exit = false;
        self.release_tasks_kept();
        self.report_never_awaited();
        // Then the main module's globals go (CPython clears them last): a coroutine a global
        // names, never awaited, is reported at `sys:1`.
        self.drop_unawaited_globals();
        self.report_never_awaited();
        self.flush();
        self.exit_status = Some(status);
        Progress::Finished(status)
    }

    /// Prints an uncaught exception as CPython does (traceback on stderr); `SystemExit` sets
    /// the exit status instead.
    pub fn report_uncaught(&mut self, exc: &Value) {
        if self.is_named(exc, "SystemExit") {
            let code = super::builtins::exception_args(self, exc);
            let status = match code.first() {
                None | Some(Value::None) => 0,
                Some(Value::Int(n)) => *n as i32,
                Some(other) => {
                    let text = super::format::str_of(self, other).unwrap_or_default();
                    self.write(true, &format!("{text}\n"));
                    1
                }
            };
            self.exit_status = Some(status);
            return;
        }
        let text = super::format::traceback_text(self, exc);
        self.write(true, &text);
        self.uncaught = Some(exc.clone());
    }

    /// Executes instructions until the budget runs out, the program ends, or the frame stack
    /// drops to `floor` (a nested run).
    fn execute(&mut self, budget: u64, floor: usize) -> Res<Exit> {
        let mut steps = 0u64;
        loop {
            if self.frames.len() <= floor {
                return Ok(Exit::Finished);
            }
            if steps >= budget {
                return Ok(Exit::Budget);
            }
            steps += 1;
            // A program past its memory limit gets `MemoryError` in its own code, never in the
            // middle of the library's bookkeeping (a new task checks too, in `Task.__init__`).
            let step = if steps % MEMORY_CHECK_INTERVAL == 0
                && self.in_program_code()
                && super::memory::exhausted()
            {
                self.err("MemoryError", "")
            } else {
                self.step(floor)
            };
            match step {
                Ok(None) => {}
                Ok(Some(exit)) => return Ok(exit),
                Err(Flow::Raise(exc)) => {
                    self.chain_context(&exc);
                    if let Some(exit) = self.unwind(exc, floor) {
                        return Ok(exit);
                    }
                }
                Err(Flow::Wait(t)) => {
                    if floor > 0 {
                        let exc = self.exc(
                            "RuntimeError",
                            "the event loop cannot wait here (inside a call from native code)",
                        );
                        if let Some(exit) = self.unwind(exc, floor) {
                            return Ok(exit);
                        }
                        continue;
                    }
                    // The call that waited returns False once the wait is over.
                    push(self, Value::Bool(false));
                    return Ok(Exit::Suspended(Flow::Wait(t)));
                }
                Err(Flow::Block(seconds)) => {
                    // `time.sleep` returns None once the clock has moved on.
                    push(self, Value::None);
                    self.block(seconds);
                    if floor == 0 && seconds > 0.0 {
                        return Ok(Exit::Suspended(Flow::Wait(self.now)));
                    }
                }
                Err(Flow::Call(..) | Flow::Resume(..) | Flow::Pushed | Flow::Step(..)) => {}
            }
        }
    }

    /// Whether the running frame is the program's own code, not the library's.
    fn in_program_code(&self) -> bool {
        self.frames
            .last()
            .is_some_and(|frame| *frame.code.filename == *self.filename)
    }

    /// Implicit chaining: an exception raised while another is handled remembers it.
    fn chain_context(&mut self, exc: &Value) {
        let Some(handled) = self.handled_exception() else {
            return;
        };
        if exc.is(&handled) {
            return;
        }
        if let Value::Object(o) = exc {
            if let Native::Exception(data) = &mut *o.native.borrow_mut() {
                if data.context.is_none() {
                    data.context = Some(handled);
                }
            }
        }
    }

    /// `time.sleep`: the loop is held; the logical clock moves on by as much.
    pub fn block(&mut self, seconds: f64) {
        if seconds <= 0.0 {
            return;
        }
        let lane = self.lane;
        self.event(RunEvent::BlockStart { lane, seconds });
        self.host.block(seconds);
        self.now += seconds;
        self.event(RunEvent::BlockEnd { lane });
    }

    /// An exception leaves the current instruction: the nearest handler takes it, or the frame
    /// ends and its caller receives it. `Some` when it leaves the run.
    fn unwind(&mut self, mut exc: Value, floor: usize) -> Option<Exit> {
        loop {
            if self.frames.len() <= floor {
                return Some(Exit::Raised(exc));
            }
            let depth = self.frames.len();
            let Some(frame) = self.frames.last_mut() else {
                return Some(Exit::Raised(exc));
            };
            // The frame's line joins the traceback once per unwinding through it.
            if frame.traced != Some(depth) {
                let entry = TracebackEntry {
                    filename: frame.code.filename.clone(),
                    name: frame.code.name.clone(),
                    line: frame.line(),
                };
                if let Value::Object(o) = &exc {
                    if let Native::Exception(data) = &mut *o.native.borrow_mut() {
                        data.traceback.insert(0, entry);
                    }
                }
            }
            if let Some(block) = frame.blocks.pop() {
                // A task's own coroutine catching an exception: the timeline says so.
                let caught_in_task = match (&frame.gen, block.kind) {
                    (Some(gen), BlockKind::Except) => gen
                        .lane
                        .get()
                        .filter(|lane| lane & (NESTED_LANE | INLINE_LANE) == 0),
                    _ => None,
                };
                frame.stack.truncate(block.depth);
                // What the unwound part of the stack held dies here, at the raising line (a
                // coroutine never awaited is reported there, as CPython reports it).
                self.report_drops();
                let Some(frame) = self.frames.last_mut() else {
                    return Some(Exit::Raised(exc));
                };
                frame.stack.push(exc.clone());
                frame.handled.truncate(block.handled);
                frame.handled.push(exc.clone());
                frame.ip = block.handler as usize;
                // An exception the handler raises anew gets this frame's line again; the caught
                // one re-raised (`Reraise`) does not.
                frame.traced = None;
                if let Some(lane) = caught_in_task {
                    let message = super::format::str_of(self, &exc).unwrap_or_default().into();
                    self.event(RunEvent::Caught { lane, message });
                }
                return None;
            }
            let mut frame = self.frames.pop()?;
            keep_with(&exc, &mut frame);
            let on_return = frame.on_return.clone();
            if let Some(gen) = &frame.gen {
                gen.running.set(false);
                gen.finished.set(true);
                self.leave_coroutine(gen, Some(&exc));
                // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
                if self.is_named(&exc, "StopIteration") {
                    let what = if gen.kind == GenKind::Coroutine {
                        "coroutine"
                    } else {
                        "generator"
                    };
                    let replacement =
                        self.exc("RuntimeError", format!("{what} raised StopIteration"));
                    set_cause(&replacement, Some(exc.clone()), true);
                    exc = replacement;
                }
            }
            match on_return {
                OnReturn::Nested | OnReturn::Resumed(Resume::Nested) => {
                    return Some(Exit::Raised(exc))
                }
                OnReturn::Program => return Some(Exit::Raised(exc)),
                OnReturn::Resumed(Resume::Task) => {
                    // A task keeps its exception, with what its frames held (as CPython's
                    // traceback keeps the frames): until the exception goes, or the program
                    // ends (where CPython's collector would break a cycle through the task).
                    if let Value::Object(o) = &exc {
                        if let Native::Exception(data) = &mut *o.native.borrow_mut() {
                            data.ended_a_task = true;
                        }
                    }
                    if let Some(task) = self.stepping.pop() {
                        if let Some(caller) = self.frames.last_mut() {
                            caller.traced = None;
                        }
                        match super::asyncio_fast::step_raised(self, task, exc) {
                            Ok(()) => return None,
                            Err(Flow::Raise(next)) => {
                                exc = next;
                                continue;
                            }
                            Err(_) => return None,
                        }
                    }
                }
                _ => {
                    // The caller raises it at its current instruction.
                    if let Some(caller) = self.frames.last_mut() {
                        caller.traced = None;
                        if let OnReturn::Resumed(Resume::Delegate) = on_return {
                            caller.in_yield_from = false;
                            caller.stack.pop();
                        }
                    }
                }
            }
        }
    }

    /// A coroutine ends: the nested await (or inline lane) it drew closes.
    fn leave_coroutine(&mut self, gen: &Rc<Gen>, raised: Option<&Value>) {
        let Some(lane) = gen.lane.get() else {
            return;
        };
        if lane & NESTED_LANE != 0 {
            let raised =
                raised.map(|exc| super::format::str_of(self, exc).unwrap_or_default().into());
            self.event(RunEvent::AwaitExit {
                lane: lane & LANE_MASK,
                raised,
            });
        } else if lane & INLINE_LANE != 0 {
            let lane = lane & LANE_MASK;
            self.event(RunEvent::ResultTaken { lane });
        }
    }

    /// Executes one instruction of the top frame. `Some` ends the run.
    #[inline(always)]
    fn step(&mut self, floor: usize) -> Res<Option<Exit>> {
        let Some(frame) = self.frames.last_mut() else {
            return Ok(Some(Exit::Finished));
        };
        if let Some(exc) = frame.throw_on_resume.take() {
            if frame.in_yield_from {
                // Thrown into a delegating frame: the delegate gets it first.
                if let Some(Value::Gen(sub)) = frame.stack.last().cloned() {
                    self.resume(&sub, Err(exc), Resume::Delegate)?;
                    return Ok(None);
                }
                frame.in_yield_from = false;
            }
            return Err(Flow::Raise(exc));
        }
        let Some(&instr) = frame.code.instrs.get(frame.ip) else {
            return self.return_value(Value::None, floor);
        };
        #[cfg(debug_assertions)]
        if trace_enabled() {
            eprintln!(
                "{}:{} {:?} stack={}",
                frame.code.qualname,
                frame.ip,
                instr,
                frame.stack.len()
            );
        }
        frame.ip += 1;
        match instr {
            Instr::Nop => {}
            Instr::LoadConst(i) => {
                let value = frame.code.consts[i as usize].clone();
                frame.stack.push(value);
            }
            Instr::LoadFast(i) => {
                let value = frame.locals[i as usize].clone();
                if let Value::Undefined = value {
                    let name = frame.code.varnames[i as usize].clone();
                    return self.err(
                        "UnboundLocalError",
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    );
                }
                frame.stack.push(value);
            }
            Instr::StoreFast(i) => {
                let value = pop(frame);
                frame.locals[i as usize] = value;
                self.report_drops();
            }
            Instr::DeleteFast(i) => {
                if let Value::Undefined = frame.locals[i as usize] {
                    let name = frame.code.varnames[i as usize].clone();
                    return self.err(
                        "UnboundLocalError",
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    );
                }
                frame.locals[i as usize] = Value::Undefined;
                self.report_drops();
            }
            Instr::LoadDeref(i) => {
                let value = frame.cells[i as usize].borrow().clone();
                if let Value::Undefined = value {
                    let index = i as usize;
                    let name = frame
                        .code
                        .cellvars
                        .iter()
                        .chain(frame.code.freevars.iter())
                        .nth(index)
                        .cloned()
                        .unwrap_or_else(|| "?".into());
                    return self.err(
                        "NameError",
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    );
                }
                frame.stack.push(value);
            }
            Instr::StoreDeref(i) => {
                let value = pop(frame);
                *frame.cells[i as usize].borrow_mut() = value;
            }
            Instr::LoadClosure(i) => {
                let cell = frame.cells[i as usize].clone();
                frame.stack.push(Value::Cell(cell));
            }
            Instr::LoadGlobal(symbol) => {
                let found = frame
                    .globals
                    .get(symbol)
                    .or_else(|| self.builtins.get(symbol));
                match found {
                    Some(value) => frame.stack.push(value),
                    None => return self.name_error(symbol),
                }
            }
            Instr::StoreGlobal(symbol) => {
                let value = pop(frame);
                frame.globals.set(symbol, value);
                self.report_drops();
            }
            Instr::DeleteGlobal(symbol) => {
                if frame.globals.globals.borrow_mut().remove(&symbol).is_none() {
                    let name = self.name(symbol);
                    return self.err("NameError", format!("name '{name}' is not defined"));
                }
                self.report_drops();
            }
            Instr::LoadName(symbol) => {
                let globals = frame.globals.clone();
                let found = frame
                    .namespace
                    .as_ref()
                    .and_then(|ns| ns.borrow().get(symbol).cloned())
                    .or_else(|| globals.get(symbol))
                    .or_else(|| self.builtins.get(symbol));
                match found {
                    Some(value) => push(self, value),
                    None => return self.name_error(symbol),
                }
            }
            Instr::StoreName(symbol) => {
                let value = pop(frame);
                match &frame.namespace {
                    Some(ns) => ns.borrow_mut().set(symbol, value),
                    None => frame.globals.set(symbol, value),
                }
                self.report_drops();
            }
            Instr::DeleteName(symbol) => {
                let removed = match &frame.namespace {
                    Some(ns) => ns.borrow_mut().remove(symbol).is_some(),
                    None => frame.globals.globals.borrow_mut().remove(&symbol).is_some(),
                };
                if !removed {
                    let name = self.name(symbol);
                    return self.err("NameError", format!("name '{name}' is not defined"));
                }
                self.report_drops();
            }
            Instr::LoadAttr(symbol) => {
                let object = pop(frame);
                let value = super::ops::getattr(self, &object, symbol)?;
                push(self, value);
            }
            Instr::StoreAttr(symbol) => {
                let object = pop(frame);
                let value = pop(frame);
                super::ops::setattr(self, &object, symbol, value)?;
            }
            Instr::DeleteAttr(symbol) => {
                let object = pop(frame);
                super::ops::delattr(self, &object, symbol)?;
            }
            Instr::LoadMethod(symbol) => {
                let object = pop(frame);
                match super::ops::lookup_method(self, &object, symbol)? {
                    Some(function) => {
                        let frame = top(self);
                        frame.stack.push(function);
                        frame.stack.push(object);
                    }
                    None => {
                        let value = super::ops::getattr(self, &object, symbol)?;
                        let frame = top(self);
                        frame.stack.push(value);
                        frame.stack.push(Value::Undefined);
                    }
                }
            }
            Instr::CallMethod(argc) => {
                let at = frame.stack.len() - argc as usize - 2;
                let mut args: Vec<Value> = frame.stack.drain(at..).collect();
                let func = args.remove(0);
                if let Value::Undefined = args[0] {
                    args.remove(0);
                }
                return self.call_and_push(func, args, Vec::new());
            }
            Instr::Subscript => {
                let index = pop(frame);
                let container = pop(frame);
                let value = super::ops::subscript(self, container, index)?;
                push(self, value);
            }
            Instr::StoreSubscript => {
                let index = pop(frame);
                let container = pop(frame);
                let value = pop(frame);
                super::ops::store_subscript(self, container, index, value)?;
            }
            Instr::DeleteSubscript => {
                let index = pop(frame);
                let container = pop(frame);
                super::ops::delete_subscript(self, container, index)?;
            }
            Instr::Binary(op) | Instr::Inplace(op) => {
                let right = pop(frame);
                let left = pop(frame);
                // The common cases stay here, without a call.
                if let (Value::Int(a), Value::Int(b)) = (&left, &right) {
                    let quick = match op {
                        BinOp::Add => a.checked_add(*b),
                        BinOp::Sub => a.checked_sub(*b),
                        BinOp::Mul => a.checked_mul(*b),
                        _ => None,
                    };
                    if let Some(result) = quick {
                        frame.stack.push(Value::Int(result));
                        return Ok(None);
                    }
                }
                let inplace = matches!(instr, Instr::Inplace(_));
                let value = super::ops::binary(self, op, left, right, inplace)?;
                push(self, value);
            }
            Instr::Unary(op) => {
                let value = pop(frame);
                let value = super::ops::unary(self, op, value)?;
                push(self, value);
            }
            Instr::Compare(op) => {
                let right = pop(frame);
                let left = pop(frame);
                if let (Value::Int(a), Value::Int(b)) = (&left, &right) {
                    let quick = match op {
                        CmpOp::Lt => Some(a < b),
                        CmpOp::LtE => Some(a <= b),
                        CmpOp::Gt => Some(a > b),
                        CmpOp::GtE => Some(a >= b),
                        CmpOp::Eq => Some(a == b),
                        CmpOp::NotEq => Some(a != b),
                        _ => None,
                    };
                    if let Some(result) = quick {
                        frame.stack.push(Value::Bool(result));
                        return Ok(None);
                    }
                }
                let result = super::ops::compare(self, op, &left, &right)?;
                push(self, result);
            }
            Instr::Pop => {
                frame.stack.pop();
                self.report_drops();
            }
            Instr::Dup => {
                let value = frame.stack.last().cloned().unwrap_or(Value::None);
                frame.stack.push(value);
            }
            Instr::Dup2 => {
                let n = frame.stack.len();
                let (a, b) = (frame.stack[n - 2].clone(), frame.stack[n - 1].clone());
                frame.stack.push(a);
                frame.stack.push(b);
            }
            Instr::Rot2 => {
                let n = frame.stack.len();
                frame.stack.swap(n - 1, n - 2);
            }
            Instr::Rot3 => {
                let top = pop(frame);
                let n = frame.stack.len();
                frame.stack.insert(n - 2, top);
            }
            Instr::Rot4 => {
                let top = pop(frame);
                let n = frame.stack.len();
                frame.stack.insert(n - 3, top);
            }
            Instr::Jump(target) => frame.ip = target as usize,
            Instr::PopJumpIfFalse(target) => {
                let value = pop(frame);
                let truth = match value {
                    Value::Bool(b) => b,
                    other => super::ops::truthy(self, &other)?,
                };
                if !truth {
                    top(self).ip = target as usize;
                }
            }
            Instr::PopJumpIfTrue(target) => {
                let value = pop(frame);
                let truth = match value {
                    Value::Bool(b) => b,
                    other => super::ops::truthy(self, &other)?,
                };
                if truth {
                    top(self).ip = target as usize;
                }
            }
            Instr::JumpIfFalseOrPop(target) | Instr::JumpIfTrueOrPop(target) => {
                let value = frame.stack.last().cloned().unwrap_or(Value::None);
                let truth = super::ops::truthy(self, &value)?;
                let jump = truth == matches!(instr, Instr::JumpIfTrueOrPop(_));
                let frame = top(self);
                if jump {
                    frame.ip = target as usize;
                } else {
                    frame.stack.pop();
                }
            }
            Instr::GetIter => {
                let value = pop(frame);
                let iterator = super::ops::get_iter(self, value)?;
                push(self, iterator);
            }
            Instr::ForIter(exit) => {
                let iterator = frame.stack.last().cloned().unwrap_or(Value::None);
                match &iterator {
                    Value::Iter(iter) => match super::ops::iter_next(self, iter)? {
                        Some(value) => push(self, value),
                        None => {
                            let frame = top(self);
                            frame.stack.pop();
                            frame.ip = exit as usize;
                        }
                    },
                    Value::Gen(gen) if !gen.running.get() && gen.frame.borrow().is_none() => {
                        // An exhausted generator: the loop ends.
                        frame.stack.pop();
                        frame.ip = exit as usize;
                    }
                    Value::Gen(gen) => {
                        frame.ip -= 1;
                        let gen = gen.clone();
                        self.resume(&gen, Ok(Value::None), Resume::ForIter(exit))?;
                    }
                    other => match self.next_item(other)? {
                        Some(value) => push(self, value),
                        None => {
                            let frame = top(self);
                            frame.stack.pop();
                            frame.ip = exit as usize;
                        }
                    },
                }
            }
            Instr::BuildList(n) => {
                let at = frame.stack.len() - n as usize;
                let items: Vec<Value> = frame.stack.drain(at..).collect();
                frame.stack.push(Value::list(items));
            }
            Instr::BuildTuple(n) => {
                let at = frame.stack.len() - n as usize;
                let items: Vec<Value> = frame.stack.drain(at..).collect();
                frame.stack.push(Value::tuple(items));
            }
            Instr::BuildSet(n) => {
                let at = frame.stack.len() - n as usize;
                let items: Vec<Value> = frame.stack.drain(at..).collect();
                let set = super::ops::new_set(self, items, false)?;
                push(self, set);
            }
            Instr::BuildMap(n) => {
                let at = frame.stack.len() - 2 * n as usize;
                let items: Vec<Value> = frame.stack.drain(at..).collect();
                let mut dict = Dict::new();
                for pair in items.chunks(2) {
                    super::ops::dict_set(self, &mut dict, pair[0].clone(), pair[1].clone())?;
                }
                push(self, Value::dict(dict));
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { pop(frame) } else { Value::None };
                let upper = pop(frame);
                let lower = pop(frame);
                frame
                    .stack
                    .push(Value::Slice(Rc::new([lower, upper, step])));
            }
            Instr::ListAppend(depth) => {
                let value = pop(frame);
                let n = frame.stack.len();
                if let Value::List(list) = &frame.stack[n - depth as usize] {
                    list.borrow_mut().push(value);
                }
            }
            Instr::SetAdd(depth) => {
                let value = pop(frame);
                let n = frame.stack.len();
                let set = frame.stack[n - depth as usize].clone();
                if let Value::Set(set) = set {
                    super::ops::set_add(self, &set, value)?;
                }
            }
            Instr::MapAdd(depth) => {
                let value = pop(frame);
                let key = pop(frame);
                let n = frame.stack.len();
                let dict = frame.stack[n - depth as usize].clone();
                if let Value::Dict(dict) = dict {
                    super::ops::dict_set_shared(self, &dict, key, value)?;
                }
            }
            Instr::ListExtend => {
                let iterable = pop(frame);
                let items = super::ops::collect(self, iterable)?;
                if let Some(Value::List(list)) = top(self).stack.last() {
                    list.borrow_mut().extend(items);
                }
            }
            Instr::SetUpdate => {
                let iterable = pop(frame);
                let items = super::ops::collect(self, iterable)?;
                if let Some(Value::Set(set)) = top(self).stack.last().cloned() {
                    for item in items {
                        super::ops::set_add(self, &set, item)?;
                    }
                }
            }
            Instr::DictUpdate | Instr::DictMerge => {
                let other = pop(frame);
                let target = frame.stack.last().cloned();
                if let Some(Value::Dict(dict)) = target {
                    super::ops::dict_update(
                        self,
                        &dict,
                        &other,
                        matches!(instr, Instr::DictMerge),
                    )?;
                }
            }
            Instr::ListToTuple => {
                if let Some(Value::List(list)) = frame.stack.pop() {
                    let items = list.borrow().clone();
                    frame.stack.push(Value::tuple(items));
                }
            }
            Instr::UnpackSequence(n) => {
                let value = pop(frame);
                let items = super::ops::unpack(self, value, n as usize)?;
                let frame = top(self);
                frame.stack.extend(items.into_iter().rev());
            }
            Instr::UnpackEx(before, after) => {
                let value = pop(frame);
                let items = super::ops::collect(self, value)?;
                let (before, after) = (before as usize, after as usize);
                if items.len() < before + after {
                    return self.err(
                        "ValueError",
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        ),
                    );
                }
                let middle = items[before..items.len() - after].to_vec();
                let frame = top(self);
                for item in items[items.len() - after..].iter().rev() {
                    frame.stack.push(item.clone());
                }
                frame.stack.push(Value::list(middle));
                for item in items[..before].iter().rev() {
                    frame.stack.push(item.clone());
                }
            }
            Instr::Call(argc) => {
                let at = frame.stack.len() - argc as usize - 1;
                let mut args: Vec<Value> = frame.stack.drain(at..).collect();
                let func = args.remove(0);
                return self.call_and_push(func, args, Vec::new());
            }
            Instr::CallKw(argc) => {
                let names = pop(frame);
                let at = frame.stack.len() - argc as usize - 1;
                let mut args: Vec<Value> = frame.stack.drain(at..).collect();
                let func = args.remove(0);
                let names: Vec<Rc<str>> = match names {
                    Value::Tuple(t) => t
                        .iter()
                        .map(|n| match n {
                            Value::Str(s) => s.clone(),
                            _ => "".into(),
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let split = args.len() - names.len();
                let values = args.split_off(split);
                let kwargs = names.into_iter().zip(values).collect();
                return self.call_and_push(func, args, kwargs);
            }
            Instr::CallEx(has_kwargs) => {
                let kwargs = if has_kwargs { pop(frame) } else { Value::None };
                let args = pop(frame);
                let func = pop(frame);
                let args = match args {
                    Value::Tuple(t) => t.to_vec(),
                    other => super::ops::collect(self, other)?,
                };
                let kwargs = match kwargs {
                    Value::Dict(d) => {
                        let mut out = Vec::new();
                        for (k, v) in d.borrow().iter() {
                            match k {
                                Value::Str(s) => out.push((s.clone(), v.clone())),
                                _ => return self.type_error("keywords must be strings"),
                            }
                        }
                        out
                    }
                    _ => Vec::new(),
                };
                return self.call_and_push(func, args, kwargs);
            }
            Instr::MakeFunction(flags) => {
                let code = pop(frame);
                let closure = if flags & 4 != 0 {
                    pop(frame)
                } else {
                    Value::None
                };
                let annotations = (flags & 8 != 0).then(|| pop(frame));
                let kwdefaults = if flags & 2 != 0 {
                    pop(frame)
                } else {
                    Value::None
                };
                let defaults = if flags & 1 != 0 {
                    pop(frame)
                } else {
                    Value::None
                };
                let globals = frame.globals.clone();
                let Value::Code(code) = code else {
                    return self.err("SystemError", "bad code object");
                };
                let defaults = match defaults {
                    Value::Tuple(t) => t.to_vec(),
                    _ => Vec::new(),
                };
                let mut kw = Vec::new();
                if let Value::Dict(d) = kwdefaults {
                    for (k, v) in d.borrow().iter() {
                        if let Value::Str(name) = k {
                            kw.push((self.interner.intern(name), v.clone()));
                        }
                    }
                }
                let closure = match closure {
                    Value::Tuple(t) => t
                        .iter()
                        .filter_map(|c| match c {
                            Value::Cell(cell) => Some(cell.clone()),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let function = Function {
                    qualname: RefCell::new(code.qualname.clone()),
                    code,
                    globals,
                    defaults,
                    kwdefaults: kw,
                    closure,
                    attrs: RefCell::default(),
                };
                if let Some(annotations) = annotations {
                    let symbol = self.symbols.annotations;
                    function.attrs.borrow_mut().set(symbol, annotations);
                }
                push(self, Value::Func(Rc::new(function)));
            }
            Instr::Return => {
                let value = pop(frame);
                return self.return_value(value, floor);
            }
            Instr::Yield => {
                let value = pop(frame);
                return self.yield_value(value, floor);
            }
            Instr::YieldFrom => {
                let sent = pop(frame);
                let delegate = frame.stack.last().cloned().unwrap_or(Value::None);
                match delegate {
                    Value::Gen(gen) => {
                        frame.ip -= 1;
                        frame.in_yield_from = true;
                        let sent = gen.pending.borrow_mut().take().unwrap_or(Ok(sent));
                        self.resume(&gen, sent, Resume::Delegate)?;
                    }
                    Value::Iter(iter) => {
                        // A built-in iterator: its items are yielded one by one.
                        match super::ops::iter_next(self, &iter)? {
                            Some(value) => {
                                let frame = top(self);
                                frame.ip -= 1;
                                frame.in_yield_from = true;
                                return self.yield_value(value, floor);
                            }
                            None => {
                                let frame = top(self);
                                frame.in_yield_from = false;
                                frame.stack.pop();
                                frame.stack.push(Value::None);
                            }
                        }
                    }
                    other => match self.next_item(&other)? {
                        Some(value) => {
                            let frame = top(self);
                            frame.ip -= 1;
                            frame.in_yield_from = true;
                            return self.yield_value(value, floor);
                        }
                        None => {
                            let frame = top(self);
                            frame.in_yield_from = false;
                            frame.stack.pop();
                            frame.stack.push(Value::None);
                        }
                    },
                }
            }
            Instr::GetAwaitable => {
                let value = pop(frame);
                let awaitable = super::ops::get_awaitable(self, value)?;
                push(self, awaitable);
            }
            Instr::CheckContextManager(is_async) => {
                let value = top(self).stack.last().cloned().unwrap_or(Value::None);
                let (enter, exit, kind) = if is_async {
                    (
                        self.symbols.aenter,
                        self.symbols.aexit,
                        "asynchronous context manager",
                    )
                } else {
                    (self.symbols.enter, self.symbols.exit, "context manager")
                };
                let has =
                    |vm: &Vm, symbol| super::ops::lookup_special(vm, &value, symbol).is_some();
                let missing = match (has(self, enter), has(self, exit)) {
                    (false, _) => Some(""),
                    (true, false) if is_async => Some(" (missed __aexit__ method)"),
                    (true, false) => Some(" (missed __exit__ method)"),
                    (true, true) => None,
                };
                if let Some(missing) = missing {
                    let name = super::ops::type_name(self, &value);
                    return self.type_error(format!(
                        "'{name}' object does not support the {kind} protocol{missing}"
                    ));
                }
            }
            Instr::GetAiter => {
                let value = pop(frame);
                let symbol = self.symbols.aiter;
                let Some(method) = super::ops::lookup_special(self, &value, symbol) else {
                    let name = super::ops::type_name(self, &value);
                    return self.type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {name}"
                    ));
                };
                let iterator = self.call_nested(method, vec![value])?;
                push(self, iterator);
            }
            Instr::GetAnext => {
                let iterator = frame.stack.last().cloned().unwrap_or(Value::None);
                let symbol = self.symbols.anext;
                let Some(method) = super::ops::lookup_special(self, &iterator, symbol) else {
                    let name = super::ops::type_name(self, &iterator);
                    return self.type_error(format!(
                        "'async for' requires an iterator with __anext__ method, got {name}"
                    ));
                };
                let awaitable = self.call_nested(method, vec![iterator])?;
                let awaitable = super::ops::get_awaitable(self, awaitable)?;
                push(self, awaitable);
            }
            Instr::SetupExcept(handler) | Instr::SetupFinally(handler) => {
                let depth = frame.stack.len();
                let kind = if matches!(instr, Instr::SetupExcept(_)) {
                    BlockKind::Except
                } else {
                    BlockKind::Finally
                };
                let handled = frame.handled.len();
                frame.blocks.push(Block {
                    kind,
                    handler,
                    depth,
                    handled,
                });
            }
            Instr::PopBlock => {
                frame.blocks.pop();
            }
            Instr::PopExcept => {
                // The handler is done with the exception: what it kept of the frames it
                // escaped goes now.
                if let Some(done) = frame.handled.pop() {
                    let kept = release_kept(&done);
                    if !kept.is_empty() {
                        drop(kept);
                        self.report_drops();
                    }
                }
            }
            Instr::PushExcInfo => {
                let exc = pop(frame);
                frame.handled.push(exc);
            }
            Instr::Reraise => {
                let exc = pop(frame);
                frame.handled.pop();
                let depth = self.frames.len();
                top(self).traced = Some(depth);
                return Err(Flow::Raise(exc));
            }
            Instr::Raise(n) => {
                return self.raise(n);
            }
            Instr::ExceptionMatch => {
                let class = pop(frame);
                let exc = frame.stack.last().cloned().unwrap_or(Value::None);
                let matched = super::ops::exception_match(self, &exc, &class)?;
                push(self, Value::Bool(matched));
            }
            Instr::MatchCase(index) => {
                let header = frame.code.consts.get(index as usize).cloned();
                let (count, slots, pattern) = match &header {
                    Some(Value::Tuple(parts)) if parts.len() == 3 => match (&parts[0], &parts[1]) {
                        (Value::Int(count), Value::Int(slots)) => {
                            (*count as usize, *slots as usize, parts[2].clone())
                        }
                        _ => (0, 0, Value::None),
                    },
                    _ => (0, 0, Value::None),
                };
                let at = frame.stack.len().saturating_sub(count);
                let values = frame.stack.split_off(at);
                let subject = frame.stack.last().cloned().unwrap_or(Value::None);
                let mut captured = vec![Value::None; slots];
                if super::matching::matches(self, &subject, &pattern, &values, &mut captured)? {
                    push(self, Value::tuple(captured));
                    push(self, Value::Bool(true));
                } else {
                    push(self, Value::Bool(false));
                }
            }
            Instr::ExcInfo => {
                let exc = pop(frame);
                let class = match &exc {
                    Value::Object(o) => Value::Type(o.class.clone()),
                    _ => Value::None,
                };
                frame.stack.push(class);
                frame.stack.push(exc);
                frame.stack.push(Value::None);
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 {
                    Some(pop(frame))
                } else {
                    None
                };
                let value = pop(frame);
                let text = super::format::format_value(self, value, flags & 3, spec)?;
                push(self, Value::Str(text.into()));
            }
            Instr::BuildString(n) => {
                let at = frame.stack.len() - n as usize;
                let mut out = String::new();
                for part in frame.stack.drain(at..) {
                    if let Value::Str(s) = part {
                        out.push_str(&s);
                    }
                }
                frame.stack.push(Value::Str(out.into()));
            }
            Instr::ImportName(symbol) => {
                let name = self.name(symbol);
                let module = super::builtins::import(self, &name)?;
                push(self, module);
            }
            Instr::ImportFrom(symbol) => {
                let module = frame.stack.last().cloned().unwrap_or(Value::None);
                let value = match super::ops::getattr(self, &module, symbol) {
                    Ok(v) => v,
                    Err(Flow::Raise(_)) => {
                        let name = self.name(symbol);
                        let module_name = match &module {
                            Value::Module(m) => m.name.clone(),
                            _ => "?".into(),
                        };
                        return self.err(
                            "ImportError",
                            format!("cannot import name '{name}' from '{module_name}'"),
                        );
                    }
                    Err(other) => return Err(other),
                };
                push(self, value);
            }
            Instr::ImportStar => {
                let module = pop(frame);
                if let Value::Module(m) = module {
                    let items: Vec<(Symbol, Value)> = m
                        .globals
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k, v.clone()))
                        .collect();
                    let public: Vec<(Symbol, Value)> = items
                        .into_iter()
                        .filter(|(k, _)| !self.interner.name(*k).starts_with('_'))
                        .collect();
                    let frame = top(self);
                    for (k, v) in public {
                        frame.globals.set(k, v);
                    }
                }
            }
            Instr::LoadBuildClass => {
                let build = super::builtins::build_class_value();
                frame.stack.push(build);
            }
            Instr::LoadClassCell => {
                let index = frame.code.cellvars.iter().position(|c| &**c == "__class__");
                let cell = index
                    .map(|i| Value::Cell(frame.cells[i].clone()))
                    .unwrap_or(Value::None);
                frame.stack.push(cell);
            }
            Instr::LoadAssertionError => {
                let class = self.types.exception("AssertionError");
                push(self, Value::Type(class));
            }
        }
        Ok(None)
    }

    /// Keeps an emptied vector's allocation for a later frame.
    fn recycle(&mut self, values: &mut Vec<Value>) {
        if self.spare_vecs.len() < SPARE_VECS && values.capacity() > 0 {
            let mut kept = std::mem::take(values);
            kept.clear();
            self.spare_vecs.push(kept);
        }
    }

    fn call_and_push(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> Res<Option<Exit>> {
        if let Some(value) = self.call(func, args, kwargs, OnReturn::Push)? {
            push(self, value);
        }
        Ok(None)
    }

    fn raise(&mut self, n: u8) -> Res<Option<Exit>> {
        let frame = top(self);
        let cause = if n == 2 { Some(pop(frame)) } else { None };
        let exc = if n >= 1 {
            pop(frame)
        } else {
            // Bare `raise`: the exception being handled, in this frame or a caller's.
            let handled = self
                .frames
                .iter()
                .rev()
                .find_map(|f| f.handled.last().cloned());
            return match handled {
                Some(exc) => {
                    // As CPython's bare `raise`: the exception goes on with its traceback as it
                    // is, this frame's line not added; the callers' are.
                    let depth = self.frames.len();
                    if let Some(frame) = self.frames.last_mut() {
                        frame.traced = Some(depth);
                    }
                    Err(Flow::Raise(exc))
                }
                None => self.err("RuntimeError", "No active exception to reraise"),
            };
        };
        let exc = self.make_exception(exc)?;
        if let Some(cause) = cause {
            let cause = match cause {
                Value::None => None,
                other => Some(self.make_exception(other)?),
            };
            set_cause(&exc, cause, true);
        }
        Err(Flow::Raise(exc))
    }

    /// What `raise x` raises: an instance, or an instance of the class `x`.
    pub fn make_exception(&mut self, value: Value) -> Res<Value> {
        match value {
            Value::Object(ref o) if o.class.base == Base::Exception => Ok(value),
            Value::Type(class) if class.base == Base::Exception => {
                match self.call(Value::Type(class), Vec::new(), Vec::new(), OnReturn::Push)? {
                    Some(exc) => Ok(exc),
                    None => {
                        let exc = self.run_nested()?;
                        Ok(exc)
                    }
                }
            }
            _ => self.type_error("exceptions must derive from BaseException"),
        }
    }

    /// The exception being handled where the code runs now (for implicit chaining).
    pub fn handled_exception(&self) -> Option<Value> {
        self.frames
            .iter()
            .rev()
            .find_map(|f| f.handled.last().cloned())
    }

    fn return_value(&mut self, value: Value, floor: usize) -> Res<Option<Exit>> {
        let Some(mut frame) = self.frames.pop() else {
            return Ok(Some(Exit::Finished));
        };
        self.recycle(&mut frame.stack);
        self.recycle(&mut frame.locals);
        if let Some(gen) = &frame.gen {
            gen.running.set(false);
            gen.finished.set(true);
            self.leave_coroutine(gen, None);
        }
        let _ = floor;
        match frame.on_return {
            OnReturn::Push => push(self, value),
            OnReturn::Instance(object) => {
                if !value.is_none() {
                    let name = super::ops::type_name(self, &value);
                    return self.type_error(format!("__init__() should return None, not '{name}'"));
                }
                push(self, object);
            }
            OnReturn::BuildClass {
                name,
                bases,
                namespace,
                keywords,
            } => {
                let class =
                    super::builtins::make_class(self, name, bases, namespace, value, keywords)?;
                push(self, class);
            }
            OnReturn::Program => return Ok(Some(Exit::Finished)),
            OnReturn::Nested => return Ok(Some(Exit::Nested(value))),
            OnReturn::Resumed(how) => match how {
                Resume::ForIter(exit) => {
                    let caller = top(self);
                    caller.stack.pop();
                    caller.ip = exit as usize;
                }
                Resume::Delegate if frame.code.kind == CodeKind::AsyncGenerator => {
                    // The async generator ran to its end: the step awaiting it raises.
                    let caller = top(self);
                    caller.in_yield_from = false;
                    caller.stack.pop();
                    return self.err("StopAsyncIteration", "");
                }
                Resume::Delegate => {
                    let caller = top(self);
                    caller.in_yield_from = false;
                    caller.stack.pop();
                    caller.stack.push(value);
                    caller.ip += 1;
                }
                Resume::Method => {
                    let stop = self.types.exception("StopIteration");
                    let args = if value.is_none() {
                        Vec::new()
                    } else {
                        vec![value.clone()]
                    };
                    let exc = self.new_exception(stop, args);
                    if let Value::Object(o) = &exc {
                        let symbol = self.sym("value");
                        o.attrs.borrow_mut().set(symbol, value);
                    }
                    return Err(Flow::Raise(exc));
                }
                Resume::Nested => return Ok(Some(Exit::Nested(value))),
                Resume::Task => {
                    if let Some(task) = self.stepping.pop() {
                        super::asyncio_fast::step_returned(self, task, value)?;
                    }
                }
            },
        }
        Ok(None)
    }

    /// A generator frame yields: it goes back into its generator, and whoever resumed it gets
    /// the value (a delegating frame yields it in turn).
    fn yield_value(&mut self, value: Value, floor: usize) -> Res<Option<Exit>> {
        let mut value = value;
        let mut yielding_frame = true;
        loop {
            let Some(frame) = self.frames.pop() else {
                return Ok(Some(Exit::Finished));
            };
            let mut frame = frame;
            let Some(gen) = frame.gen.take() else {
                return self.err("SystemError", "yield outside a generator");
            };
            gen.running.set(false);
            let how = match frame.on_return {
                OnReturn::Resumed(how) => how,
                _ => Resume::Method,
            };
            *gen.frame.borrow_mut() = Some(Box::new(frame));
            if yielding_frame && gen.kind == GenKind::AsyncGenerator {
                // An async generator's `yield`: the step awaited by its consumer is over,
                // with this value as its result.
                if let Resume::Delegate = how {
                    let caller = top(self);
                    caller.in_yield_from = false;
                    caller.stack.pop();
                    caller.stack.push(value);
                    caller.ip += 1;
                    return Ok(None);
                }
            }
            yielding_frame = false;
            match how {
                Resume::ForIter(_) | Resume::Method => {
                    let caller = top(self);
                    caller.stack.push(value);
                    if let Resume::ForIter(_) = how {
                        caller.ip += 1;
                    }
                    return Ok(None);
                }
                Resume::Nested => {
                    self.nested_yield = Some(value);
                    let _ = floor;
                    return Ok(Some(Exit::Nested(Value::Undefined)));
                }
                Resume::Task => {
                    if let Some(task) = self.stepping.pop() {
                        super::asyncio_fast::step_yielded(self, task, value)?;
                    }
                    return Ok(None);
                }
                Resume::Delegate => {
                    // The delegating frame (on top now) yields the same value.
                    if let Some(caller) = self.frames.last_mut() {
                        caller.in_yield_from = true;
                    }
                    value = value.clone();
                    continue;
                }
            }
        }
    }
}

#[cfg(debug_assertions)]
fn trace_enabled() -> bool {
    thread_local! {
        static TRACE: bool = std::env::var_os("PY_TRACE").is_some();
    }
    TRACE.with(|t| *t)
}

impl Drop for Vm {
    /// Objects refer to each other in cycles (a module's functions hold the module): the
    /// program's namespaces are emptied so that everything it made is freed with it.
    fn drop(&mut self) {
        LIVE_VMS.with(|live| live.set(live.get().saturating_sub(1)));
        self.frames.clear();
        let mut modules: Vec<Rc<Module>> = self
            .modules
            .drain(..)
            .filter_map(|(_, m)| match m {
                Value::Module(m) => Some(m),
                _ => None,
            })
            .collect();
        modules.push(self.builtins.clone());
        let mut values: Vec<Value> = Vec::new();
        for module in &modules {
            values.extend(module.globals.borrow_mut().drain().map(|(_, v)| v));
        }
        self.asyncio = None;
        self.current_task = Value::None;
        for value in &values {
            match value {
                Value::Type(t) => {
                    t.clear_attrs();
                }
                Value::Func(f) => {
                    let _ = std::mem::take(&mut *f.attrs.borrow_mut());
                }
                _ => {}
            }
        }
        drop(values);
        NEVER_AWAITED.with(|list| list.borrow_mut().clear());
        UNFINISHED_ASYNC_GENERATORS.with(|list| list.borrow_mut().clear());
    }
}

/// The async generator an unstarted `aclose()` coroutine (the prelude's `_agen_aclose`) is
/// about to close.
pub fn aclose_target(frame: &Frame) -> Option<Rc<Gen>> {
    if &*frame.code.name != "_agen_aclose" {
        return None;
    }
    match frame.locals.first() {
        Some(Value::Object(o)) => match &*o.native.borrow() {
            Native::AsyncGenStep(generator) => Some(generator.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Lane flags kept on a coroutine: it draws a nested await, or its own lane, while it runs.
pub const NESTED_LANE: u32 = 1 << 30;
pub const INLINE_LANE: u32 = 1 << 29;
pub const LANE_MASK: u32 = (1 << 29) - 1;

pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

/// Why `execute` stopped.
pub enum Exit {
    Budget,
    Finished,
    Nested(Value),
    Raised(Value),
    Suspended(Flow),
}

#[inline(always)]
fn pop(frame: &mut Frame) -> Value {
    match frame.stack.pop() {
        Some(value) => value,
        None => Value::None,
    }
}

fn top(vm: &mut Vm) -> &mut Frame {
    let n = vm.frames.len();
    &mut vm.frames[n - 1]
}

#[inline(always)]
fn push(vm: &mut Vm, value: Value) {
    if let Some(frame) = vm.frames.last_mut() {
        frame.stack.push(value);
    }
}

/// What an exception kept of the frames it escaped, taken from it.
fn release_kept(exc: &Value) -> Vec<Value> {
    match exc {
        Value::Object(o) => match &mut *o.native.borrow_mut() {
            Native::Exception(data) => std::mem::take(&mut data.kept),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Moves into the exception what a frame it escaped held that may matter when it is dropped
/// (objects, coroutines, containers: not numbers or strings).
fn keep_with(exc: &Value, frame: &mut Frame) {
    let Value::Object(o) = exc else {
        return;
    };
    if let Native::Exception(data) = &mut *o.native.borrow_mut() {
        let held = frame.locals.drain(..).chain(frame.stack.drain(..));
        data.kept.extend(held.filter(|value| {
            !matches!(
                value,
                Value::None
                    | Value::Undefined
                    | Value::Bool(_)
                    | Value::Int(_)
                    | Value::Float(_)
                    | Value::Str(_)
            )
        }));
    }
}

pub fn set_cause(exc: &Value, cause: Option<Value>, suppress: bool) {
    if let Value::Object(o) = exc {
        if let Native::Exception(data) = &mut *o.native.borrow_mut() {
            data.cause = cause;
            data.suppress_context = suppress;
        }
    }
}

fn name_list(names: &[Rc<str>]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[allow(dead_code)]
fn unused(_: UnaryOp) {}
