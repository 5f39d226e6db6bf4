//! The syntax tree of a program, as the parser builds it and the compiler reads it.

use std::rc::Rc;

/// Where a node starts: line and 1-based column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// An integer literal's digits (decimal, or with its `0x`/`0o`/`0b` prefix).
    Int(Rc<str>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<str>),
    Ellipsis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// A piece of an f-string: literal text, or `{value!conversion:format_spec}`.
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    Text(Rc<str>),
    Value {
        value: Box<Expr>,
        /// `r`, `s` or `a` after `!`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (`{x:{width}}`).
        spec: Option<Vec<FPart>>,
        /// `{x=}`: the text of the expression and the `=`, printed before the value.
        debug: Option<Rc<str>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// `None` for `**mapping`.
    pub name: Option<Rc<str>>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Constant(Constant),
    FString(Vec<FPart>),
    Name(Rc<str>),
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    UnaryOp(UnaryOp, Box<Expr>),
    /// `and` (true) or `or` (false) over two or more values.
    BoolOp(bool, Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute(Box<Expr>, Rc<str>),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Starred(Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// Keys are `None` for `**mapping`.
    Dict(Vec<(Option<Expr>, Expr)>),
    Set(Vec<Expr>),
    ListComp(Box<Expr>, Vec<Comprehension>),
    SetComp(Box<Expr>, Vec<Comprehension>),
    DictComp(Box<Expr>, Box<Expr>, Vec<Comprehension>),
    GeneratorExp(Box<Expr>, Vec<Comprehension>),
    Lambda(Rc<Arguments>, Box<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    NamedExpr(Box<Expr>, Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: Rc<str>,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arguments {
    /// Positional parameters (positional-only ones first), with their defaults.
    pub args: Vec<Arg>,
    pub posonly: usize,
    pub vararg: Option<Rc<str>>,
    pub kwonly: Vec<Arg>,
    pub kwarg: Option<Rc<str>>,
    /// The parameters' annotations (`x: int`), in CPython's order: positional, `*args`,
    /// keyword-only, `**kwargs`.
    pub annotations: Vec<(Rc<str>, Expr)>,
    /// Every parameter's name where it is written, in order (for CPython's error on a name
    /// given twice).
    pub written: Vec<(Rc<str>, Pos)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Handler {
    pub pos: Pos,
    /// `except*`: the clause takes the part of an exception group that matches.
    pub star: bool,
    pub kind: Option<Expr>,
    pub name: Option<Rc<str>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: Rc<str>,
    pub asname: Option<Rc<str>>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: Rc<str>,
    pub args: Rc<Arguments>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub is_async: bool,
    /// The return annotation (`-> int`).
    pub returns: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`.
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    /// `x: int = value`: target, annotation, value.
    AnnAssign(Expr, Expr, Option<Expr>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    FunctionDef(Rc<FunctionDef>),
    ClassDef {
        name: Rc<str>,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorators: Vec<Expr>,
    },
    Return(Option<Expr>),
    Pass,
    Break,
    Continue,
    Raise(Option<Expr>, Option<Expr>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        /// Shared: it is compiled once per way out of the `try`, and its nested scopes are
        /// found by their nodes' addresses.
        finalbody: Rc<Vec<Stmt>>,
    },
    With {
        items: Vec<(Expr, Option<Expr>)>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    Import(Vec<Alias>),
    ImportFrom(Rc<str>, Vec<Alias>),
    Global(Vec<Rc<str>>),
    Nonlocal(Vec<Rc<str>>),
    Assert(Expr, Option<Expr>),
    Delete(Vec<Expr>),
    /// `match subject:` and its `case` clauses.
    Match(Expr, Vec<MatchCase>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pos: Pos,
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

/// A `case` pattern (PEP 634).
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    /// A literal or a dotted name, compared with `==` (`is` for None, True and False).
    Value(Expr),
    /// A name that takes the value; `None` for the wildcard `_`.
    Capture(Option<Rc<str>>),
    /// `[a, *rest]`, `(a, b)`, `a, b`.
    Sequence(Vec<Pattern>),
    /// `*name` (or `*_`) inside a sequence pattern.
    Star(Option<Rc<str>>),
    /// `{key: pattern, **rest}`.
    Mapping {
        keys: Vec<Expr>,
        values: Vec<Pattern>,
        rest: Option<Rc<str>>,
    },
    /// `Point(x, y=0)`.
    Class {
        class: Expr,
        args: Vec<Pattern>,
        keywords: Vec<(Rc<str>, Pattern)>,
    },
    Or(Vec<Pattern>),
    As(Box<Pattern>, Rc<str>),
}

/// Whether a module starts with `from __future__ import annotations` (after its docstring
/// and other `__future__` imports, the only place such an import is allowed).
pub fn has_future_annotations(module: &[Stmt]) -> bool {
    for (index, stmt) in module.iter().enumerate() {
        match &stmt.kind {
            StmtKind::ImportFrom(name, aliases) if &**name == "__future__" => {
                if aliases.iter().any(|alias| &*alias.name == "annotations") {
                    return true;
                }
            }
            StmtKind::Expr(Expr {
                kind: ExprKind::Constant(Constant::Str(_)),
                ..
            }) if index == 0 => {}
            _ => return false,
        }
    }
    false
}

/// An annotation as the text CPython keeps under `from __future__ import annotations`
/// (its own unparsing: `list[int]`, `dict[str, int]`, `int | None`, `'Node'`).
pub fn unparse(expr: &Expr) -> String {
    let mut out = String::new();
    write_expr(expr, &mut out, false);
    out
}

fn write_expr(expr: &Expr, out: &mut String, in_subscript: bool) {
    let joined = |items: &[Expr], out: &mut String| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_expr(item, out, false);
        }
    };
    match &expr.kind {
        ExprKind::Constant(constant) => match constant {
            Constant::None => out.push_str("None"),
            Constant::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Constant::Int(digits) => out.push_str(digits),
            Constant::Float(f) => out.push_str(&crate::pyvalue::float_repr(*f)),
            Constant::Str(s) => out.push_str(&crate::pyvalue::str_repr(s)),
            Constant::Bytes(b) => out.push_str(&format!("b{}", crate::pyvalue::str_repr(b))),
            Constant::Ellipsis => out.push_str("..."),
        },
        ExprKind::Name(name) => out.push_str(name),
        ExprKind::Attribute(value, name) => {
            write_expr(value, out, false);
            out.push('.');
            out.push_str(name);
        }
        ExprKind::Subscript(value, index) => {
            write_expr(value, out, false);
            out.push('[');
            write_expr(index, out, true);
            out.push(']');
        }
        ExprKind::Tuple(items) if in_subscript && !items.is_empty() => joined(items, out),
        ExprKind::Tuple(items) => {
            out.push('(');
            joined(items, out);
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ExprKind::List(items) => {
            out.push('[');
            joined(items, out);
            out.push(']');
        }
        ExprKind::BinOp(left, BinOp::BitOr, right) => {
            write_expr(left, out, false);
            out.push_str(" | ");
            write_expr(right, out, false);
        }
        ExprKind::Call { func, args, .. } => {
            write_expr(func, out, false);
            out.push('(');
            joined(args, out);
            out.push(')');
        }
        ExprKind::Starred(value) => {
            out.push('*');
            write_expr(value, out, false);
        }
        // Anything else in an annotation is rare enough to keep as a placeholder.
        _ => out.push_str("..."),
    }
}
