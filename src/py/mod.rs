//! A Python interpreter for the asyncio programs learners write: parse, compile to bytecode,
//! run on a VM whose coroutines are scheduled by CPython's event loop algorithm on the page's
//! logical clock.

// Index loops read best in the numeric and argument-binding code here.
#![allow(clippy::needless_range_loop)]

pub mod ast;
pub mod asyncio;
pub mod asyncio_fast;
pub mod bigint;
pub mod builtins;
pub mod bytes;
pub mod code;
pub mod compile;
pub mod dict;
pub mod error;
pub mod format;
pub mod lexer;
pub mod matching;
pub mod memory;
pub mod methods;
pub mod ops;
pub mod parser;
pub mod regex;
pub mod run;
pub mod stdlib;
pub mod symtable;
pub mod value;
pub mod vm;
