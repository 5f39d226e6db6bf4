//! Python's values and objects: the [`Value`] every instruction works on, and the types,
//! functions, instances, generators and modules behind it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::bigint::BigInt;
use super::code::Code;
use super::dict::{Dict, IdentityHasher};
use super::vm::{Frame, NativeFn};

/// An interned name (identifiers, attribute names): compared and hashed as a number.
pub type Symbol = u32;

/// Names to symbols and back, for the whole interpreter.
#[derive(Default)]
pub struct Interner {
    map: HashMap<Rc<str>, Symbol>,
    names: Vec<Rc<str>>,
}

impl Interner {
    pub fn intern(&mut self, name: &str) -> Symbol {
        if let Some(&symbol) = self.map.get(name) {
            return symbol;
        }
        let symbol = self.names.len() as Symbol;
        let name: Rc<str> = name.into();
        self.names.push(name.clone());
        self.map.insert(name, symbol);
        symbol
    }

    pub fn lookup(&self, name: &str) -> Option<Symbol> {
        self.map.get(name).copied()
    }

    pub fn name(&self, symbol: Symbol) -> Rc<str> {
        self.names
            .get(symbol as usize)
            .cloned()
            .unwrap_or_else(|| "?".into())
    }
}

/// Attributes by symbol, in the order they were set (instances hold a handful).
#[derive(Clone, Debug, Default)]
pub struct Attrs(Vec<(Symbol, Value)>);

impl Attrs {
    /// Attributes set in one go (no growing one by one).
    pub fn from_pairs(pairs: Vec<(Symbol, Value)>) -> Attrs {
        Attrs(pairs)
    }

    pub fn get(&self, symbol: Symbol) -> Option<&Value> {
        self.0.iter().find(|(s, _)| *s == symbol).map(|(_, v)| v)
    }

    pub fn set(&mut self, symbol: Symbol, value: Value) {
        match self.0.iter_mut().find(|(s, _)| *s == symbol) {
            Some(slot) => slot.1 = value,
            None => self.0.push((symbol, value)),
        }
    }

    pub fn remove(&mut self, symbol: Symbol) -> Option<Value> {
        let at = self.0.iter().position(|(s, _)| *s == symbol)?;
        Some(self.0.remove(at).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = &(Symbol, Value)> {
        self.0.iter()
    }
}

pub type Globals = RefCell<Slots>;

/// A module's names, in a slot per symbol: reading a global is an index, not a hash lookup
/// (symbols are small, dense numbers, and a program has a few thousand at most).
#[derive(Default)]
pub struct Slots {
    values: Vec<Value>,
}

impl Slots {
    pub fn get(&self, symbol: &Symbol) -> Option<&Value> {
        match self.values.get(*symbol as usize) {
            None | Some(Value::Undefined) => None,
            found => found,
        }
    }

    pub fn insert(&mut self, symbol: Symbol, value: Value) -> Option<Value> {
        let at = symbol as usize;
        if at >= self.values.len() {
            self.values.resize(at + 1, Value::Undefined);
        }
        match std::mem::replace(&mut self.values[at], value) {
            Value::Undefined => None,
            old => Some(old),
        }
    }

    pub fn remove(&mut self, symbol: &Symbol) -> Option<Value> {
        match self.values.get_mut(*symbol as usize) {
            Some(slot) => match std::mem::replace(slot, Value::Undefined) {
                Value::Undefined => None,
                old => Some(old),
            },
            None => None,
        }
    }

    /// The names set, in the order they were first interned.
    pub fn keys(&self) -> impl Iterator<Item = Symbol> + '_ {
        self.iter().map(|(symbol, _)| symbol)
    }

    pub fn iter(&self) -> impl Iterator<Item = (Symbol, &Value)> + '_ {
        self.values
            .iter()
            .enumerate()
            .filter(|(_, v)| !matches!(v, Value::Undefined))
            .map(|(i, v)| (i as Symbol, v))
    }

    pub fn drain(&mut self) -> impl Iterator<Item = (Symbol, Value)> + '_ {
        self.values
            .drain(..)
            .enumerate()
            .filter(|(_, v)| !matches!(v, Value::Undefined))
            .map(|(i, v)| (i as Symbol, v))
    }
}

pub struct Module {
    pub name: Rc<str>,
    pub globals: Globals,
}

impl Module {
    pub fn new(name: &str) -> Rc<Module> {
        Rc::new(Module {
            name: name.into(),
            globals: RefCell::default(),
        })
    }

    pub fn get(&self, symbol: Symbol) -> Option<Value> {
        self.globals.borrow().get(&symbol).cloned()
    }

    pub fn set(&self, symbol: Symbol, value: Value) {
        self.globals.borrow_mut().insert(symbol, value);
    }
}

/// The built-in types an object's class may come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Object,
    Exception,
}

pub struct Type {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Type>>,
    /// The method resolution order after this type itself.
    pub mro: Vec<Rc<Type>>,
    /// Read it freely; change it only through [`Type::set_attr`] and friends, which keep
    /// [`Type::lookup`]'s memo right.
    pub dict: RefCell<Attrs>,
    pub lookups: LookupMemo,
    /// What instances are at bottom: plain objects, or exceptions.
    pub base: Base,
    /// The built-in kind of value this type describes (`int`, `list`…), if any.
    pub builtin: Option<Kind>,
    pub id: usize,
    /// Its metaclass, when not `type`: the class's own `len()`, iteration, `in`, `[]`, `repr`,
    /// calls and missing attributes go to the metaclass's methods (an `Enum`'s).
    pub meta: Option<Rc<Type>>,
}

impl Type {
    /// This type, then its ancestors in method resolution order.
    pub fn lineage(self: &Rc<Self>) -> impl Iterator<Item = &Rc<Type>> {
        std::iter::once(self).chain(self.mro.iter())
    }

    /// The attribute `symbol` of this type or the first ancestor that has it. Every attribute
    /// read on an instance asks this (data descriptors come first), so answers are memoized
    /// per type until any class changes.
    pub fn lookup(self: &Rc<Self>, symbol: Symbol) -> Option<Value> {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        let mut memo = self.lookups.0.borrow_mut();
        if memo.0 != epoch {
            memo.0 = epoch;
            memo.1.clear();
        }
        if let Some(found) = memo.1.get(&symbol) {
            return found.clone();
        }
        let found = self
            .lineage()
            .find_map(|t| t.dict.borrow().get(symbol).cloned());
        memo.1.insert(symbol, found.clone());
        found
    }

    pub fn set_attr(&self, symbol: Symbol, value: Value) {
        self.dict.borrow_mut().set(symbol, value);
        CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
    }

    pub fn remove_attr(&self, symbol: Symbol) -> Option<Value> {
        let removed = self.dict.borrow_mut().remove(symbol);
        CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
        removed
    }

    /// Empties the type (at the end of a run, to break reference cycles).
    pub fn clear_attrs(&self) {
        let _ = std::mem::take(&mut *self.dict.borrow_mut());
        let _ = std::mem::take(&mut *self.lookups.0.borrow_mut());
        CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
    }

    pub fn is_subtype(self: &Rc<Self>, other: &Rc<Type>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|t| Rc::ptr_eq(t, other))
    }
}

/// Bumped whenever a class's attributes change: every type's lookup memo is stale then.
static CLASS_EPOCH: AtomicU64 = AtomicU64::new(0);

/// [`Type::lookup`]'s answers since the epoch it holds.
#[derive(Default)]
pub struct LookupMemo(RefCell<(u64, SymbolMap<Option<Value>>)>);

type SymbolMap<V> = HashMap<Symbol, V, BuildHasherDefault<IdentityHasher>>;

/// The kinds of built-in values, each with its type object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Generator,
    Coroutine,
    AsyncGenerator,
    Iterator,
    Module,
    Cell,
    Code,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    BaseException,
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Module>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Symbol, Value)>,
    pub closure: Vec<Rc<RefCell<Value>>>,
    pub qualname: RefCell<Rc<str>>,
    pub attrs: RefCell<Attrs>,
}

pub struct Builtin {
    pub name: Rc<str>,
    pub func: NativeFn,
    /// The object it is bound to (`"a".upper`), or the data it was made with.
    pub receiver: Value,
}

/// What an object carries besides its attributes.
pub enum Native {
    None,
    /// An exception's traceback: (code name, file, line) of each frame, innermost last.
    Exception(ExceptionData),
    /// `property(fget, fset)`.
    Property(Value, Value),
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super()` bound to a type and an object.
    Super(Rc<Type>, Value),
    /// A handle of the event loop (`loop.call_soon` / `call_later`).
    Handle(Rc<HandleData>),
    /// The event loop's own state.
    Loop(Box<super::asyncio::LoopCore>),
    /// `dict.keys()`, `values()`, `items()`: a live view of the dict.
    DictView(Rc<RefCell<super::dict::Dict>>, DictView),
    /// What an async generator's `__anext__()`, `asend()` or `athrow()` returns: awaiting it
    /// runs the generator to its next `yield`.
    AsyncGenStep(Rc<Gen>),
    /// What a coroutine's `__await__()` returns (CPython's `coroutine_wrapper`): awaiting it,
    /// returning it from an `__await__` or `yield from` it runs the coroutine.
    AwaitOf(Rc<Gen>),
    /// The generator state of a `random.Random` instance.
    Random(Box<super::stdlib::Random>),
    /// The built-in value an instance of a subclass of `int`, `str`, `list`, `dict`… is: the
    /// built-in type's operations and methods work on it.
    Base(Value),
    /// An exception's `__traceback__`: its frames from this one inward (`tb_next` holds the
    /// rest), so that it can be given to another exception.
    Traceback(Rc<[TracebackEntry]>),
}

/// The built-in value `value` stands for, if it is an instance of a subclass of a built-in
/// data type (`class Name(str)`).
pub fn base_of(value: &Value) -> Option<Value> {
    match value {
        Value::Object(o) => match &*o.native.borrow() {
            Native::Base(base) => Some(base.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The built-in data type a class derives from (`str` for `class Name(str)`), if any.
pub fn data_base_kind(class: &Rc<Type>) -> Option<Kind> {
    class.lineage().find_map(|t| {
        t.builtin.filter(|kind| {
            matches!(
                kind,
                Kind::Int
                    | Kind::Float
                    | Kind::Str
                    | Kind::List
                    | Kind::Tuple
                    | Kind::Dict
                    | Kind::Set
                    | Kind::FrozenSet
            )
        })
    })
}

#[derive(Clone, Debug, Default)]
pub struct ExceptionData {
    pub traceback: Vec<TracebackEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// What the frames it escaped still held, kept (as CPython's traceback keeps those frames)
    /// until the handler that caught it ends: a coroutine among them that was never awaited is
    /// reported at the handler's last line, as in CPython.
    pub kept: Vec<Value>,
    /// It ended a task: CPython's task and the exception's frames then form a cycle, which only
    /// its collector frees at exit, after the `warnings` module can import anything.
    pub ended_a_task: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TracebackEntry {
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub line: u32,
}

pub struct HandleData {
    /// Its number in the loop's journal (time travel).
    pub id: u32,
    pub callback: Value,
    pub args: Vec<Value>,
    pub cancelled: Cell<bool>,
    /// Its deadline, for a timer.
    pub when: Option<f64>,
    /// Whether it is still in the loop's timer heap.
    pub scheduled: Cell<bool>,
    /// The loop object (not kept alive by its own handles).
    pub loop_ref: std::rc::Weak<Object>,
}

pub struct Object {
    pub class: Rc<Type>,
    pub attrs: RefCell<Attrs>,
    pub native: RefCell<Native>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct Gen {
    pub kind: GenKind,
    pub code: Rc<Code>,
    /// The suspended frame; `None` while it runs and once it has finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub finished: Cell<bool>,
    pub started: Cell<bool>,
    pub qualname: Rc<str>,
    /// How the coroutine was called (`say_after(1, 'hello')`), for the timeline.
    pub label: RefCell<Option<Rc<str>>>,
    /// Whether it was ever awaited or driven (else CPython warns it never was).
    pub awaited: Cell<bool>,
    /// The timeline lane it draws on when it runs inside another coroutine, if any.
    pub lane: Cell<Option<u32>>,
    /// An async generator's `asend(v)` or `athrow(e)`: what its next step starts with.
    pub pending: RefCell<Option<Result<Value, Value>>>,
}

thread_local! {
    /// Coroutines dropped before they ever ran (CPython warns about each: "never awaited").
    pub static NEVER_AWAITED: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
    /// Async generators dropped half-way: as CPython's loop does, each is closed by a task
    /// running its `aclose()` (revived here, since its frame must still run its `finally`).
    pub static UNFINISHED_ASYNC_GENERATORS: RefCell<Vec<Rc<Gen>>> = const { RefCell::new(Vec::new()) };
    /// How many VMs are alive. With none, a coroutine or generator dropped (kept by an exception
    /// its caller held) has no program left to warn or loop left to close it, and is let go.
    pub static LIVE_VMS: Cell<usize> = const { Cell::new(0) };
}

impl Drop for Gen {
    fn drop(&mut self) {
        if LIVE_VMS.with(Cell::get) == 0 {
            return;
        }
        if self.kind == GenKind::Coroutine && !self.started.get() && self.frame.borrow().is_some() {
            let name = self.qualname.clone();
            NEVER_AWAITED.with(|list| list.borrow_mut().push(name));
        }
        if self.kind == GenKind::AsyncGenerator && self.started.get() && !self.finished.get() {
            if let Some(frame) = self.frame.borrow_mut().take() {
                let revived = Rc::new(Gen {
                    kind: self.kind,
                    code: self.code.clone(),
                    frame: RefCell::new(Some(frame)),
                    running: Cell::new(false),
                    finished: Cell::new(false),
                    started: Cell::new(true),
                    qualname: self.qualname.clone(),
                    label: RefCell::new(self.label.borrow().clone()),
                    awaited: Cell::new(true),
                    lane: Cell::new(self.lane.get()),
                    pending: RefCell::new(None),
                });
                UNFINISHED_ASYNC_GENERATORS.with(|list| list.borrow_mut().push(revived));
            }
        }
    }
}

/// Built-in iterators, advanced without running Python code.
pub enum Iter {
    /// A list, tuple or string, by position (a list may grow while iterated).
    Seq(Value, usize),
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Keys, values or items of a dict (or a set's keys), by raw position.
    Dict(Rc<RefCell<Dict>>, usize, DictView, usize),
    /// A set's items in its order when iteration began (a change of its size is an error).
    Set(Rc<SetObj>, Rc<[Value]>, usize),
    Chars(Rc<str>, usize),
    Reversed(Value, usize),
    /// The iterator it wraps and the next count.
    Enumerate(Value, i64),
    /// The iterators it advances together.
    /// `zip(..., strict=True)` when `strict` is true: unequal lengths raise `ValueError`.
    Zip(Vec<Value>, bool),
    /// A Python-level iterator, advanced by calling `__next__`.
    Wrapped(Value),
    /// `map(function, *iterators)`.
    Map(Value, Vec<Value>),
    /// `filter(function or None, iterator)`.
    Filter(Value, Value),
    /// Values computed up front (an old-style `__getitem__` sequence's items).
    Values(Rc<[Value]>, usize),
    Count(i64, i64),
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictView {
    Keys,
    Values,
    Items,
}

pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

pub struct SetObj {
    pub frozen: bool,
    pub table: RefCell<Dict>,
}

#[derive(Clone)]
pub enum Value {
    /// An unbound local, or "no value" on the stack; never seen by programs.
    Undefined,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<SetObj>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Func(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A bound method: the function and the object it is bound to.
    Method(Rc<(Value, Value)>),
    Type(Rc<Type>),
    Object(Rc<Object>),
    Gen(Rc<Gen>),
    Iter(Rc<RefCell<Iter>>),
    Module(Rc<Module>),
    Cell(Rc<RefCell<Value>>),
    Code(Rc<Code>),
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::format::short_repr(self))
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(s.into())
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(items.into())
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn dict(dict: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(dict)))
    }

    pub fn from_big(big: BigInt) -> Value {
        match big.to_i64() {
            Some(small) => Value::Int(small),
            None => Value::Big(Rc::new(big)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Undefined, Undefined)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            // CPython keeps one object for `b''` and for each single byte.
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Big(a), Big(b)) => Rc::ptr_eq(a, b),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Func(a), Func(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Method(a), Method(b)) => Rc::ptr_eq(a, b),
            (Type(a), Type(b)) => Rc::ptr_eq(a, b),
            (Object(a), Object(b)) => Rc::ptr_eq(a, b),
            (Gen(a), Gen(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// An address for `id()` and the default `repr` (`<object at 0x…>`).
    pub fn id(&self) -> usize {
        use Value::*;
        match self {
            Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            Bytes(b) => Rc::as_ptr(b) as *const u8 as usize,
            Big(b) => Rc::as_ptr(b) as usize,
            List(l) => Rc::as_ptr(l) as usize,
            Tuple(t) => Rc::as_ptr(t) as *const u8 as usize,
            Dict(d) => Rc::as_ptr(d) as usize,
            Set(s) => Rc::as_ptr(s) as usize,
            Range(r) => Rc::as_ptr(r) as usize,
            Slice(s) => Rc::as_ptr(s) as *const u8 as usize,
            Func(f) => Rc::as_ptr(f) as usize,
            Builtin(b) => Rc::as_ptr(b) as usize,
            Method(m) => Rc::as_ptr(m) as *const u8 as usize,
            Type(t) => Rc::as_ptr(t) as usize,
            Object(o) => Rc::as_ptr(o) as usize,
            Gen(g) => Rc::as_ptr(g) as usize,
            Iter(i) => Rc::as_ptr(i) as usize,
            Module(m) => Rc::as_ptr(m) as usize,
            Cell(c) => Rc::as_ptr(c) as usize,
            Code(c) => Rc::as_ptr(c) as usize,
            Int(i) => *i as usize,
            Float(f) => f.to_bits() as usize,
            Bool(b) => 0x1000 + usize::from(*b),
            None => 0x2000,
            NotImplemented => 0x2008,
            Ellipsis => 0x2010,
            Undefined => 0,
        }
    }

    pub fn as_object(&self) -> Option<&Rc<Object>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
}

impl Object {
    pub fn new(class: Rc<Type>, native: Native) -> Rc<Object> {
        Rc::new(Object {
            class,
            attrs: RefCell::default(),
            native: RefCell::new(native),
        })
    }
}
