//! Bytecode: the instructions a function compiles to, and the code object that holds them.

use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};
use super::value::{Symbol, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// A cell or free variable, by index in `cellvars` then `freevars`.
    LoadDeref(u32),
    StoreDeref(u32),
    /// Pushes the cell itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(Symbol),
    StoreGlobal(Symbol),
    DeleteGlobal(Symbol),
    /// Module and class bodies: the namespace, then globals, then builtins.
    LoadName(Symbol),
    StoreName(Symbol),
    DeleteName(Symbol),
    LoadAttr(Symbol),
    StoreAttr(Symbol),
    DeleteAttr(Symbol),
    /// `obj.method`: pushes the function and `obj` (unbound), or the attribute and Undefined.
    LoadMethod(Symbol),
    /// Calls what `LoadMethod` left, with this many arguments above it.
    CallMethod(u32),
    Subscript,
    StoreSubscript,
    DeleteSubscript,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Pop,
    Dup,
    Dup2,
    Rot2,
    Rot3,
    Rot4,
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Next item of the iterator on top, or pop it and jump when exhausted.
    ForIter(u32),
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// This many key/value pairs.
    BuildMap(u32),
    /// Two or three values (step).
    BuildSlice(u32),
    /// Comprehensions: append to the collection this deep in the stack.
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend,
    SetUpdate,
    DictUpdate,
    DictMerge,
    ListToTuple,
    UnpackSequence(u32),
    /// `a, *b, c = …`: items before and after the starred one.
    UnpackEx(u16, u16),
    Call(u32),
    /// Arguments, then a tuple of keyword names (a constant) naming the last ones.
    CallKw(u32),
    /// The function, a tuple of positional arguments, and a dict of keywords when `true`.
    CallEx(bool),
    /// A function from the code constant on top; flags: 1 defaults tuple, 2 kw-defaults dict,
    /// 4 closure tuple.
    MakeFunction(u8),
    Return,
    Yield,
    /// Delegates to the iterator under the value to send (`yield from`, `await`).
    YieldFrom,
    /// Turns the value on top into something to `await`.
    GetAwaitable,
    GetAiter,
    /// Before `with` (false) or `async with` (true): the value on top must have the
    /// context manager's two special methods on its type, else CPython's TypeError.
    CheckContextManager(bool),
    GetAnext,
    /// Handlers: on an exception, the stack drops to this depth and execution goes on there.
    SetupExcept(u32),
    SetupFinally(u32),
    PopBlock,
    /// Leaves an `except` block: the exception being handled is no longer current.
    PopExcept,
    /// `except*`: the part of the group a clause takes becomes the exception being handled.
    PushExcInfo,
    /// Re-raises the exception on top (end of a `finally` reached by an exception).
    Reraise,
    /// `raise`, `raise x`, `raise x from y` (0, 1 or 2 operands).
    Raise(u8),
    /// Whether the exception under the top matches the type(s) on top (pops the types).
    ExceptionMatch,
    /// f-strings: 0 plain, 1 `!s`, 2 `!r`, 3 `!a`; +4 when a format spec is on top.
    FormatValue(u8),
    BuildString(u32),
    ImportName(Symbol),
    ImportFrom(Symbol),
    ImportStar,
    LoadBuildClass,
    /// The class body's `__class__` cell, returned so the class can fill it.
    LoadClassCell,
    /// `AssertionError`, whatever the program named so.
    LoadAssertionError,
    /// Replaces the exception on top with `type(e), e, None` (arguments of `__exit__`).
    ExcInfo,
    /// A `case`: the pattern is the constant (`matching`), the values it compares with on top
    /// of the subject. Pops them; pushes the captures and True, or False (the subject stays).
    MatchCase(u32),
}

/// Whether a code object is a plain function, a generator, a coroutine or an async generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Function,
    Generator,
    Coroutine,
    AsyncGenerator,
    Module,
    Class,
}

pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub kind: CodeKind,
    pub instrs: Vec<Instr>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    /// Local variables: arguments first.
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// Which locals (by index) are also cells: arguments captured by a closure.
    pub cell_args: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
    /// `True` for a top-level `await` (a notebook cell): the module runs as a coroutine.
    pub top_level_await: bool,
    pub first_line: u32,
    /// A function's docstring (`__doc__`).
    pub doc: Option<Rc<str>>,
}
