//! What Python's operators, attributes, subscripts, iteration and hashing do on each kind of
//! value, with CPython's error messages. User classes take part through their dunder methods,
//! called as nested runs.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};
use super::bigint::BigInt;
use super::dict::{Dict, Namespace};
use super::format;
use super::value::*;
use super::vm::{Flow, Res, Vm, MAX_SIZE};

// ----- types --------------------------------------------------------------------------------

pub fn kind_of(value: &Value) -> Kind {
    match value {
        Value::Undefined | Value::None => Kind::NoneType,
        Value::NotImplemented => Kind::NotImplementedType,
        Value::Ellipsis => Kind::Ellipsis,
        Value::Bool(_) => Kind::Bool,
        Value::Int(_) | Value::Big(_) => Kind::Int,
        Value::Float(_) => Kind::Float,
        Value::Str(_) => Kind::Str,
        Value::Bytes(_) => Kind::Bytes,
        Value::List(_) => Kind::List,
        Value::Tuple(_) => Kind::Tuple,
        Value::Dict(_) => Kind::Dict,
        Value::Set(s) => {
            if s.frozen {
                Kind::FrozenSet
            } else {
                Kind::Set
            }
        }
        Value::Range(_) => Kind::Range,
        Value::Slice(_) => Kind::Slice,
        Value::Func(_) => Kind::Function,
        Value::Builtin(_) => Kind::BuiltinFunction,
        Value::Method(_) => Kind::Method,
        Value::Type(_) => Kind::Type,
        Value::Object(_) => Kind::Object,
        Value::Gen(g) => match g.kind {
            GenKind::Generator => Kind::Generator,
            GenKind::Coroutine => Kind::Coroutine,
            GenKind::AsyncGenerator => Kind::AsyncGenerator,
        },
        Value::Iter(_) => Kind::Iterator,
        Value::Module(_) => Kind::Module,
        Value::Cell(_) => Kind::Cell,
        Value::Code(_) => Kind::Code,
    }
}

pub fn type_of(vm: &Vm, value: &Value) -> Rc<Type> {
    match value {
        Value::Object(o) => o.class.clone(),
        Value::Type(t) if t.meta.is_some() => t.meta.clone().unwrap_or_else(|| t.clone()),
        Value::Iter(iter) => vm.types.of(iter_kind(&iter.borrow())),
        other => vm.types.of(kind_of(other)),
    }
}

/// A method the class's metaclass defines in Python for `name` (`__iter__`, `__len__`…), if any.
pub fn meta_method(class: &Type, symbol: Symbol) -> Option<Value> {
    let meta = class.meta.as_ref()?;
    match meta.lookup(symbol) {
        Some(method @ Value::Func(_)) => Some(method),
        _ => None,
    }
}

/// An attribute a class takes from its metaclass (a method bound to the class, a property
/// read on it).
fn meta_attribute(vm: &mut Vm, class: &Rc<Type>, object: &Value, symbol: Symbol) -> Res<Value> {
    let found = class.meta.as_ref().and_then(|meta| meta.lookup(symbol));
    match found {
        Some(Value::Func(f)) => Ok(Value::Method(Rc::new((Value::Func(f), object.clone())))),
        Some(Value::Object(d)) => {
            let getter = match &*d.native.borrow() {
                Native::Property(getter, _) => Some(getter.clone()),
                _ => None,
            };
            match getter {
                Some(getter) => vm.call_nested(getter, vec![object.clone()]),
                None => Ok(Value::Object(d.clone())),
            }
        }
        Some(other) => Ok(other),
        None => {
            let name = vm.name(symbol);
            vm.err(
                "AttributeError",
                format!("type object '{}' has no attribute '{name}'", class.name),
            )
        }
    }
}

/// The name of an iterator's type, as `type()` shows it.
fn iter_kind(_iter: &Iter) -> Kind {
    Kind::Iterator
}

pub fn type_name(vm: &Vm, value: &Value) -> Rc<str> {
    match value {
        Value::Iter(iter) => iter_type_name(&iter.borrow()).into(),
        _ => type_of(vm, value).name.clone(),
    }
}

pub fn iter_type_name(iter: &Iter) -> &'static str {
    match iter {
        Iter::Seq(Value::List(_), _) => "list_iterator",
        Iter::Seq(Value::Tuple(_), _) => "tuple_iterator",
        Iter::Seq(..) | Iter::Chars(..) => "str_ascii_iterator",
        Iter::Range { .. } => "range_iterator",
        Iter::Dict(_, _, DictView::Keys, _) => "dict_keyiterator",
        Iter::Dict(_, _, DictView::Values, _) => "dict_valueiterator",
        Iter::Dict(_, _, DictView::Items, _) => "dict_itemiterator",
        Iter::Set(..) => "set_iterator",
        Iter::Reversed(..) => "list_reverseiterator",
        Iter::Enumerate(..) => "enumerate",
        Iter::Zip(..) => "zip",
        Iter::Values(..) => "list_iterator",
        Iter::Count(..) => "itertools.count",
        Iter::Wrapped(_) => "iterator",
        Iter::Map(..) => "map",
        Iter::Filter(..) => "filter",
        Iter::Done => "iterator",
    }
}

// ----- truth, hashing, equality -------------------------------------------------------------

pub fn truthy(vm: &mut Vm, value: &Value) -> Res<bool> {
    Ok(match value {
        Value::None | Value::Undefined => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Big(b) => !b.is_zero(),
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) => !d.borrow().is_empty(),
        Value::Set(s) => !s.table.borrow().is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Object(o) => {
            let bool_ = vm.symbols.bool_;
            let len = vm.symbols.len;
            if let Some(method) = o.class.lookup(bool_) {
                let result = vm.call_nested(method, vec![value.clone()])?;
                return match result {
                    Value::Bool(b) => Ok(b),
                    other => {
                        let name = type_name(vm, &other);
                        vm.type_error(format!("__bool__ should return bool, returned {name}"))
                    }
                };
            }
            if let Some(method) = o.class.lookup(len) {
                let result = vm.call_nested(method, vec![value.clone()])?;
                return Ok(!matches!(result, Value::Int(0)));
            }
            if let Native::DictView(dict, _) = &*o.native.borrow() {
                return Ok(!dict.borrow().is_empty());
            }
            if let Some(base) = base_of(value) {
                return truthy(vm, &base);
            }
            true
        }
        _ => true,
    })
}

/// A string's hash for dict lookups (FNV-1a: stable across runs, so iteration orders are too).
/// A string's hash: the same number `hash()` gives it, so that an object whose `__hash__`
/// returns `hash(its_name)` finds the entries that name keys (a StrEnum member and its value).
pub fn hash_str(s: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash >> 1
}

/// The same as [`hash_str`] for an ASCII text's bytes, as in CPython.
fn hash_bytes(b: &[u8]) -> u64 {
    match std::str::from_utf8(b) {
        Ok(text) if text.is_ascii() => hash_str(text),
        _ => b.iter().fold(0xcbf2_9ce4_8422_2325, |h, &byte| {
            (h ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
        }),
    }
}

fn hash_int(i: i64) -> u64 {
    i as u64
}

pub fn hash(vm: &mut Vm, value: &Value) -> Res<u64> {
    Ok(match value {
        Value::Int(i) => hash_int(*i),
        Value::Bool(b) => hash_int(i64::from(*b)),
        Value::Str(s) => hash_str(s),
        Value::Bytes(b) => hash_bytes(b),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                hash_int(*f as i64)
            } else if f.fract() == 0.0 && f.is_finite() {
                hash_big(&BigInt::from_f64(*f))
            } else {
                f.to_bits().wrapping_mul(0x9E37_79B9_7F4A_7C15)
            }
        }
        Value::Big(b) => hash_big(b),
        Value::None => 0x5bd1_e995,
        Value::Tuple(items) => {
            let mut acc: u64 = 0x345678;
            for item in items.iter() {
                let h = hash(vm, item)?;
                acc = (acc ^ h).wrapping_mul(1_000_003).rotate_left(7);
            }
            acc
        }
        Value::List(_) | Value::Dict(_) => return unhashable(vm, value),
        Value::Set(s) => {
            if !s.frozen {
                return unhashable(vm, value);
            }
            let table = s.table.borrow();
            let mut acc: u64 = 0;
            for (key, _) in table.iter() {
                acc ^= key_hash_of(key).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            }
            acc
        }
        Value::Object(o) => match own_hash(vm, value, o)? {
            Some(Value::Int(i)) => hash_int(i),
            Some(Value::Big(b)) => hash_big(&b),
            _ => match base_of(value) {
                Some(base) => return hash(vm, &base),
                None => value.id() as u64,
            },
        },
        other => other.id() as u64,
    })
}

/// The hash a key already in a table was stored with cannot be recomputed without the VM;
/// frozensets combine their keys' cheap hashes instead.
fn key_hash_of(value: &Value) -> u64 {
    match value {
        Value::Int(i) => hash_int(*i),
        Value::Str(s) => hash_str(s),
        Value::Bytes(b) => hash_bytes(b),
        other => other.id() as u64,
    }
}

fn hash_big(b: &BigInt) -> u64 {
    let mut acc: u64 = if b.is_negative() { 1 } else { 0 };
    for &w in b.magnitude_words() {
        acc = acc.rotate_left(32) ^ u64::from(w);
    }
    acc
}

/// What an object's class says of its hash: the int its own `__hash__` returns, None for the
/// default (by identity), an error if it is unhashable (a class defining `__eq__` alone has
/// `__hash__ = None`, from `make_class`).
pub fn own_hash(vm: &mut Vm, value: &Value, object: &Object) -> Res<Option<Value>> {
    let own = match &*object.native.borrow() {
        // The built-in type's hash comes before the classes after it (Enum's, for a StrEnum).
        Native::Base(_) => object
            .class
            .lineage()
            .take_while(|t| t.builtin.is_none())
            .find_map(|t| t.dict.borrow().get(vm.symbols.hash).cloned()),
        _ => object.class.lookup(vm.symbols.hash),
    };
    match own {
        Some(Value::None) => unhashable(vm, value),
        Some(method) if !matches!(method, Value::Builtin(_)) => {
            match vm.call_nested(method, vec![value.clone()])? {
                result @ (Value::Int(_) | Value::Big(_)) => Ok(Some(result)),
                _ => vm.type_error("__hash__ method should return an integer"),
            }
        }
        _ => Ok(None),
    }
}

fn unhashable<T>(vm: &mut Vm, value: &Value) -> Res<T> {
    let name = type_name(vm, value);
    vm.type_error(format!("unhashable type: '{name}'"))
}

/// `a == b`.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> Res<bool> {
    use Value::*;
    Ok(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(_) | Bool(_) | Float(_) | Big(_), Int(_) | Bool(_) | Float(_) | Big(_)) => {
            num_cmp(a, b) == Some(Ordering::Equal)
        }
        (Tuple(x), Tuple(y)) => seq_eq(vm, x, y)?,
        (List(x), List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_eq(vm, &x, &y)?
        }
        (Dict(x), Dict(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (key, value) in x.iter() {
                match dict_get(vm, &y, key)? {
                    Some(other) => {
                        if !eq(vm, value, &other)? {
                            return Ok(false);
                        }
                    }
                    Option::None => return Ok(false),
                }
            }
            true
        }
        (Set(x), Set(y)) => {
            let (x, y) = (x.table.borrow().clone(), y.table.borrow().clone());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (key, _) in x.iter() {
                if dict_get(vm, &y, key)?.is_none() {
                    return Ok(false);
                }
            }
            true
        }
        (Method(x), Method(y)) => x.0.is(&y.0) && x.1.is(&y.1),
        (Range(x), Range(y)) => {
            x.len() == y.len()
                && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)))
        }
        (Object(_), _) | (_, Object(_)) => {
            let eq_symbol = vm.symbols.eq;
            match rich_compare(vm, a, b, eq_symbol, eq_symbol)? {
                Some(result) => truthy(vm, &result)?,
                Option::None => match unwrapped_pair(a, b) {
                    Some((a, b)) => eq(vm, &a, &b)?,
                    Option::None => a.is(b),
                },
            }
        }
        _ => a.is(b),
    })
}

fn seq_eq(vm: &mut Vm, x: &[Value], y: &[Value]) -> Res<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !p.is(q) && !eq(vm, p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Calls `a.method(b)`, then `b.reflected(a)`, skipping `NotImplemented`; `None` when neither
/// side answers.
fn rich_compare(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    method: Symbol,
    reflected: Symbol,
) -> Res<Option<Value>> {
    if let Some(function) = user_method(vm, a, method) {
        let result = vm.call_nested(function, vec![a.clone(), b.clone()])?;
        if !matches!(result, Value::NotImplemented) {
            return Ok(Some(result));
        }
    }
    if let Some(function) = user_method(vm, b, reflected) {
        let result = vm.call_nested(function, vec![b.clone(), a.clone()])?;
        if !matches!(result, Value::NotImplemented) {
            return Ok(Some(result));
        }
    }
    Ok(None)
}

/// A method a user class defines (not one inherited from a built-in type).
pub fn user_method(_vm: &Vm, value: &Value, symbol: Symbol) -> Option<Value> {
    let Value::Object(o) = value else {
        return None;
    };
    o.class
        .lineage()
        .take_while(|t| t.builtin.is_none() || t.builtin == Some(Kind::BaseException))
        .find_map(|t| t.dict.borrow().get(symbol).cloned())
        .filter(|m| !matches!(m, Value::Builtin(_)))
}

/// Both operands with any instance of a subclass of a built-in data type replaced by its
/// built-in value; None when neither is one.
fn unwrapped_pair(a: &Value, b: &Value) -> Option<(Value, Value)> {
    match (base_of(a), base_of(b)) {
        (None, None) => None,
        (x, y) => Some((
            x.unwrap_or_else(|| a.clone()),
            y.unwrap_or_else(|| b.clone()),
        )),
    }
}

// ----- numbers --------------------------------------------------------------------------------

enum Num {
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
}

fn as_num(value: &Value) -> Option<Num> {
    match value {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(i64::from(*b))),
        Value::Big(b) => Some(Num::Big(b.clone())),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn big_of(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from_i64(*i),
        Num::Big(b) => (**b).clone(),
        Num::Float(f) => BigInt::from_f64(*f),
    }
}

pub fn to_f64(vm: &mut Vm, value: &Value) -> Res<f64> {
    match value {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::Float(f) => Ok(*f),
        Value::Big(b) => big_to_f64(vm, b),
        other => match base_of(other) {
            Some(base) => to_f64(vm, &base),
            None => {
                let name = type_name(vm, other);
                vm.type_error(format!("must be real number, not {name}"))
            }
        },
    }
}

fn big_to_f64(vm: &mut Vm, b: &BigInt) -> Res<f64> {
    let f = b.to_f64();
    if f.is_infinite() {
        return vm.err("OverflowError", "int too large to convert to float");
    }
    Ok(f)
}

fn num_f64(vm: &mut Vm, n: &Num) -> Res<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => big_to_f64(vm, b),
        Num::Float(f) => Ok(*f),
    }
}

/// Compares two numbers exactly (an int against a float compares their true values).
pub fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    let (x, y) = (as_num(a)?, as_num(b)?);
    match (&x, &y) {
        (Num::Int(p), Num::Int(q)) => Some(p.cmp(q)),
        (Num::Float(p), Num::Float(q)) => p.partial_cmp(q),
        (Num::Float(p), other) => int_float_cmp(other, *p).map(Ordering::reverse),
        (other, Num::Float(q)) => int_float_cmp(other, *q),
        _ => Some(big_of(&x).cmp(&big_of(&y))),
    }
}

fn int_float_cmp(int: &Num, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let big = big_of(int);
    let floor = f.floor();
    match big.cmp(&BigInt::from_f64(floor)) {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        other => Some(other),
    }
}

fn int_result(vm: &mut Vm, big: BigInt) -> Res<Value> {
    if big.bit_length() > 8 * MAX_SIZE as u64 {
        return vm.err("MemoryError", "");
    }
    Ok(Value::from_big(big))
}

fn arith(vm: &mut Vm, op: BinOp, a: &Num, b: &Num) -> Res<Value> {
    if let (Num::Float(_), _) | (_, Num::Float(_)) = (a, b) {
        if !matches!(
            op,
            BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
        ) {
            let x = num_f64(vm, a)?;
            let y = num_f64(vm, b)?;
            return float_arith(vm, op, x, y);
        }
        return Err(Flow::Raise(Value::NotImplemented));
    }
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let quick = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv if y != 0 => x.checked_div(y).map(|q| {
                if x % y != 0 && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }
            }),
            BinOp::Mod if y != 0 => {
                let r = x.checked_rem(y);
                r.map(|r| {
                    if r != 0 && ((r < 0) != (y < 0)) {
                        r + y
                    } else {
                        r
                    }
                })
            }
            BinOp::BitAnd => Some(x & y),
            BinOp::BitOr => Some(x | y),
            BinOp::BitXor => Some(x ^ y),
            BinOp::RShift if y >= 0 => Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }),
            BinOp::LShift if (0..63).contains(&y) => x.checked_mul(1i64 << y),
            _ => None,
        };
        if let Some(v) = quick {
            return Ok(Value::Int(v));
        }
        if op == BinOp::Div {
            if y == 0 {
                return vm.err("ZeroDivisionError", "division by zero");
            }
            return Ok(Value::Float(x as f64 / y as f64));
        }
    }
    let (x, y) = (big_of(a), big_of(b));
    match op {
        BinOp::Add => int_result(vm, x.add(&y)),
        BinOp::Sub => int_result(vm, x.sub(&y)),
        BinOp::Mul => {
            if x.bit_length() + y.bit_length() > 8 * MAX_SIZE as u64 {
                return vm.err("MemoryError", "");
            }
            int_result(vm, x.mul(&y))
        }
        BinOp::Div => {
            if y.is_zero() {
                return vm.err("ZeroDivisionError", "division by zero");
            }
            let (p, q) = (x.to_f64(), y.to_f64());
            if p.is_finite() && q.is_finite() {
                return Ok(Value::Float(p / q));
            }
            vm.err(
                "OverflowError",
                "integer division result too large for a float",
            )
        }
        BinOp::FloorDiv | BinOp::Mod => match x.divmod(&y) {
            Some((q, r)) => int_result(vm, if op == BinOp::FloorDiv { q } else { r }),
            None if op == BinOp::Mod => vm.err("ZeroDivisionError", "integer modulo by zero"),
            None => vm.err("ZeroDivisionError", "integer division or modulo by zero"),
        },
        BinOp::Pow => {
            if y.is_negative() {
                let (p, q) = (num_f64(vm, a)?, num_f64(vm, b)?);
                return float_arith(vm, BinOp::Pow, p, q);
            }
            let Some(exponent) = y.to_i64() else {
                return vm.err("MemoryError", "");
            };
            if x.bit_length().saturating_mul(exponent as u64) > 8 * MAX_SIZE as u64 {
                return vm.err("MemoryError", "");
            }
            int_result(vm, x.pow(exponent as u64))
        }
        BinOp::LShift | BinOp::RShift => {
            if y.is_negative() {
                return vm.err("ValueError", "negative shift count");
            }
            let shift = y.to_i64().unwrap_or(i64::MAX) as u64;
            if op == BinOp::LShift {
                if shift > 8 * MAX_SIZE as u64 {
                    return vm.err("MemoryError", "");
                }
                int_result(vm, x.shl(shift))
            } else {
                int_result(vm, x.shr(shift))
            }
        }
        BinOp::BitAnd => int_result(vm, x.bitwise(&y, |p, q| p & q)),
        BinOp::BitOr => int_result(vm, x.bitwise(&y, |p, q| p | q)),
        BinOp::BitXor => int_result(vm, x.bitwise(&y, |p, q| p ^ q)),
        BinOp::MatMul => Err(Flow::Raise(Value::NotImplemented)),
    }
}

fn float_arith(vm: &mut Vm, op: BinOp, x: f64, y: f64) -> Res<Value> {
    let value = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return vm.err("ZeroDivisionError", "float division by zero");
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return vm.err("ZeroDivisionError", "float floor division by zero");
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return vm.err("ZeroDivisionError", "float modulo");
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return vm.err(
                    "ZeroDivisionError",
                    "0.0 cannot be raised to a negative power",
                );
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return vm.err("ValueError", "math domain error");
            }
            let result = x.powf(y);
            if result.is_infinite() && x.is_finite() && y.is_finite() {
                return vm.err("OverflowError", "(34, 'Numerical result out of range')");
            }
            result
        }
        _ => return Err(Flow::Raise(Value::NotImplemented)),
    };
    Ok(Value::Float(value))
}

/// Python's float `divmod`: the remainder takes the divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

fn repeat_count(vm: &mut Vm, count: &Value, len: usize) -> Res<usize> {
    let n = match count {
        Value::Int(n) => *n,
        Value::Bool(b) => i64::from(*b),
        // As CPython, a count past a machine word is refused, negative or not.
        Value::Big(_) => {
            return vm.err(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )
        }
        _ => unreachable_count(),
    };
    let n = n.max(0) as usize;
    if len.saturating_mul(n) > MAX_SIZE {
        return vm.err("MemoryError", "");
    }
    Ok(n)
}

fn unreachable_count() -> i64 {
    0
}

fn is_int(value: &Value) -> bool {
    matches!(value, Value::Int(_) | Value::Bool(_) | Value::Big(_))
}

/// `left op right` (or `left op= right` when `inplace`).
pub fn binary(vm: &mut Vm, op: BinOp, left: Value, right: Value, inplace: bool) -> Res<Value> {
    // `True & False` and friends stay booleans.
    if let (Value::Bool(x), Value::Bool(y)) = (&left, &right) {
        match op {
            BinOp::BitAnd => return Ok(Value::Bool(*x & *y)),
            BinOp::BitOr => return Ok(Value::Bool(*x | *y)),
            BinOp::BitXor => return Ok(Value::Bool(*x ^ *y)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_num(&left), as_num(&right)) {
        match arith(vm, op, &a, &b) {
            Err(Flow::Raise(Value::NotImplemented)) => {}
            other => return other,
        }
    } else {
        match (&left, &right, op) {
            (Value::Str(a), Value::Str(b), BinOp::Add) => {
                if a.len() + b.len() > MAX_SIZE {
                    return vm.err("MemoryError", "");
                }
                let mut s = String::with_capacity(a.len() + b.len());
                s.push_str(a);
                s.push_str(b);
                return Ok(Value::Str(s.into()));
            }
            (Value::Str(a), n, BinOp::Mul) | (n, Value::Str(a), BinOp::Mul) if is_int(n) => {
                let count = repeat_count(vm, n, a.len())?;
                return Ok(Value::Str(a.repeat(count).into()));
            }
            (Value::Str(a), _, BinOp::Mod) => {
                let text = format::percent_format(vm, a, &right)?;
                return Ok(Value::Str(text.into()));
            }
            (Value::Bytes(a), _, BinOp::Mod) => {
                return super::bytes::percent_format(vm, a, &right);
            }
            (Value::Bytes(a), Value::Bytes(b), BinOp::Add) => {
                if a.len() + b.len() > MAX_SIZE {
                    return vm.err("MemoryError", "");
                }
                return Ok(Value::Bytes([&a[..], &b[..]].concat().into()));
            }
            (Value::Bytes(a), n, BinOp::Mul) | (n, Value::Bytes(a), BinOp::Mul) if is_int(n) => {
                let count = repeat_count(vm, n, a.len())?;
                return Ok(Value::Bytes(a.repeat(count).into()));
            }
            (Value::List(a), Value::List(b), BinOp::Add) => {
                if inplace {
                    let items = b.borrow().clone();
                    a.borrow_mut().extend(items);
                    return Ok(left.clone());
                }
                let mut items = a.borrow().clone();
                items.extend(b.borrow().iter().cloned());
                return Ok(Value::list(items));
            }
            (Value::List(a), _, BinOp::Add) if inplace => {
                let items = collect(vm, right.clone())?;
                a.borrow_mut().extend(items);
                return Ok(left.clone());
            }
            (Value::List(a), n, BinOp::Mul) | (n, Value::List(a), BinOp::Mul) if is_int(n) => {
                let items = a.borrow().clone();
                let count = repeat_count(vm, n, items.len())?;
                let repeated: Vec<Value> = items
                    .iter()
                    .cloned()
                    .cycle()
                    .take(items.len() * count)
                    .collect();
                if inplace && matches!(left, Value::List(_)) {
                    *a.borrow_mut() = repeated;
                    return Ok(left.clone());
                }
                return Ok(Value::list(repeated));
            }
            (Value::Tuple(a), Value::Tuple(b), BinOp::Add) => {
                let mut items = a.to_vec();
                items.extend(b.iter().cloned());
                return Ok(Value::tuple(items));
            }
            (Value::Tuple(a), n, BinOp::Mul) | (n, Value::Tuple(a), BinOp::Mul) if is_int(n) => {
                let count = repeat_count(vm, n, a.len())?;
                let items: Vec<Value> = a.iter().cloned().cycle().take(a.len() * count).collect();
                return Ok(Value::tuple(items));
            }
            (
                Value::Set(a),
                Value::Set(b),
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            ) => {
                return set_operation(vm, op, a, b, inplace.then_some(&left));
            }
            (Value::Dict(a), Value::Dict(b), BinOp::BitOr) => {
                let target = if inplace {
                    a.clone()
                } else {
                    Rc::new(RefCell::new(a.borrow().clone()))
                };
                dict_update(vm, &target, &Value::Dict(b.clone()), false)?;
                return Ok(Value::Dict(target));
            }
            _ => {}
        }
    }
    // User classes: __iop__, then __op__, then the reflected __rop__.
    let (forward, reflected, in_place) = dunder(op);
    if inplace {
        let symbol = vm.sym(in_place);
        if let Some(function) = user_method(vm, &left, symbol) {
            let result = vm.call_nested(function, vec![left.clone(), right.clone()])?;
            if !matches!(result, Value::NotImplemented) {
                return Ok(result);
            }
        }
    }
    let (forward, reflected) = (vm.sym(forward), vm.sym(reflected));
    if let Some(result) = rich_compare(vm, &left, &right, forward, reflected)? {
        return Ok(result);
    }
    if let Some((a, b)) = unwrapped_pair(&left, &right) {
        let changed_in_place = inplace && base_of(&left).is_some();
        let result = binary(vm, op, a.clone(), b, inplace)?;
        // `stack += [4]` on a list subclass extends it and keeps it.
        if changed_in_place && result.is(&a) {
            return Ok(left);
        }
        return Ok(result);
    }
    if op == BinOp::BitOr && is_union_operand(&left, &right) {
        return type_union(vm, left, right);
    }
    if let Some(result) = view_set_operation(vm, op, &left, &right)? {
        return Ok(result);
    }
    binary_type_error(vm, op, &left, &right, inplace)
}

/// Whether a value is a dict's keys or items view (they behave as sets; values do not).
fn is_set_like_view(value: &Value) -> bool {
    match value {
        Value::Object(o) => matches!(
            &*o.native.borrow(),
            Native::DictView(_, DictView::Keys | DictView::Items)
        ),
        _ => false,
    }
}

/// `d.keys() & other`, `other - d.items()`…: a view and any iterable give a set.
fn view_set_operation(vm: &mut Vm, op: BinOp, left: &Value, right: &Value) -> Res<Option<Value>> {
    if !matches!(
        op,
        BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor
    ) || !(is_set_like_view(left) || is_set_like_view(right))
    {
        return Ok(None);
    }
    let (left, right) = (as_set(vm, left)?, as_set(vm, right)?);
    binary(vm, op, left, right, false).map(Some)
}

/// A set of an iterable's items.
fn as_set(vm: &mut Vm, iterable: &Value) -> Res<Value> {
    let items = collect(vm, iterable.clone())?;
    new_set(vm, items, false)
}

/// `int | None`: two classes (or a class and None) make a `types.UnionType`.
fn is_union_operand(left: &Value, right: &Value) -> bool {
    matches!(
        (left, right),
        (Value::Type(_), Value::Type(_) | Value::None) | (Value::None, Value::Type(_))
    )
}

fn type_union(vm: &mut Vm, left: Value, right: Value) -> Res<Value> {
    types_function(vm, "_union", vec![left, right])
}

/// Calls what the `types` module (written in Python) defines under `name`.
fn types_function(vm: &mut Vm, name: &str, args: Vec<Value>) -> Res<Value> {
    let Value::Module(types) = super::builtins::import(vm, "types")? else {
        return vm.err("SystemError", "types is not a module");
    };
    let symbol = vm.sym(name);
    let Some(function) = types.get(symbol) else {
        return vm.err("SystemError", format!("types.{name} is missing"));
    };
    vm.call_nested(function, args)
}

fn binary_type_error<T>(
    vm: &mut Vm,
    op: BinOp,
    left: &Value,
    right: &Value,
    inplace: bool,
) -> Res<T> {
    let (a, b) = (type_name(vm, left), type_name(vm, right));
    match (left, op) {
        (Value::Str(_), BinOp::Add) => {
            return vm.type_error(format!("can only concatenate str (not \"{b}\") to str"))
        }
        (Value::Bytes(_), BinOp::Add) => {
            return vm.type_error(format!("can't concat {b} to bytes"))
        }
        (Value::List(_), BinOp::Add) => {
            return vm.type_error(format!("can only concatenate list (not \"{b}\") to list"))
        }
        (Value::Tuple(_), BinOp::Add) => {
            return vm.type_error(format!("can only concatenate tuple (not \"{b}\") to tuple"))
        }
        (Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_), BinOp::Mul) => {
            return vm.type_error(format!("can't multiply sequence by non-int of type '{b}'"))
        }
        _ => {}
    }
    if let (Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_), BinOp::Mul) =
        (right, op)
    {
        return vm.type_error(format!("can't multiply sequence by non-int of type '{a}'"));
    }
    let symbol = op_symbol(op);
    let symbol = if inplace && op != BinOp::Pow {
        format!("{symbol}=")
    } else {
        symbol.to_owned()
    };
    vm.type_error(format!(
        "unsupported operand type(s) for {symbol}: '{a}' and '{b}'"
    ))
}

pub fn unary(vm: &mut Vm, op: UnaryOp, value: Value) -> Res<Value> {
    match (op, &value) {
        (UnaryOp::Not, _) => return Ok(Value::Bool(!truthy(vm, &value)?)),
        (UnaryOp::Neg, Value::Int(i)) => {
            return Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_big(BigInt::from_i64(*i).neg()),
            })
        }
        (UnaryOp::Neg, Value::Bool(b)) => return Ok(Value::Int(-i64::from(*b))),
        (UnaryOp::Neg, Value::Big(b)) => return Ok(Value::from_big(b.neg())),
        (UnaryOp::Neg, Value::Float(f)) => return Ok(Value::Float(-f)),
        (UnaryOp::Pos, Value::Int(_) | Value::Big(_) | Value::Float(_)) => return Ok(value),
        (UnaryOp::Pos, Value::Bool(b)) => return Ok(Value::Int(i64::from(*b))),
        (UnaryOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!i64::from(*b))),
        (UnaryOp::Invert, Value::Big(b)) => {
            return Ok(Value::from_big(b.neg().sub(&BigInt::from_i64(1))))
        }
        _ => {}
    }
    let (name, symbol) = match op {
        UnaryOp::Neg => ("__neg__", "-"),
        UnaryOp::Pos => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    let method = vm.sym(name);
    if let Some(function) = user_method(vm, &value, method) {
        return vm.call_nested(function, vec![value]);
    }
    if let Some(base) = base_of(&value) {
        return unary(vm, op, base);
    }
    let type_name = type_name(vm, &value);
    vm.type_error(format!(
        "bad operand type for unary {symbol}: '{type_name}'"
    ))
}

/// `left op right` for comparisons (`in` and `is` included).
pub fn compare(vm: &mut Vm, op: CmpOp, left: &Value, right: &Value) -> Res<Value> {
    let result = match op {
        CmpOp::Is => left.is(right),
        CmpOp::IsNot => !left.is(right),
        CmpOp::In => contains(vm, right, left)?,
        CmpOp::NotIn => !contains(vm, right, left)?,
        CmpOp::Eq => {
            if let Value::Object(_) = left {
                return object_compare(vm, op, left, right);
            }
            if let Value::Object(_) = right {
                return object_compare(vm, op, left, right);
            }
            eq(vm, left, right)?
        }
        CmpOp::NotEq => {
            if matches!(left, Value::Object(_)) || matches!(right, Value::Object(_)) {
                return object_compare(vm, op, left, right);
            }
            !eq(vm, left, right)?
        }
        _ => {
            if matches!(left, Value::Object(_)) || matches!(right, Value::Object(_)) {
                return object_compare(vm, op, left, right);
            }
            let ordering = order(vm, op, left, right)?;
            match ordering {
                None => false,
                Some(o) => match op {
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::LtE => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                },
            }
        }
    };
    Ok(Value::Bool(result))
}

fn cmp_symbol(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("<", "__lt__", "__gt__"),
        CmpOp::LtE => ("<=", "__le__", "__ge__"),
        CmpOp::Gt => (">", "__gt__", "__lt__"),
        CmpOp::GtE => (">=", "__ge__", "__le__"),
        CmpOp::Eq => ("==", "__eq__", "__eq__"),
        _ => ("!=", "__ne__", "__ne__"),
    }
}

fn object_compare(vm: &mut Vm, op: CmpOp, left: &Value, right: &Value) -> Res<Value> {
    let (symbol, forward, reflected) = cmp_symbol(op);
    let (f, r) = (vm.sym(forward), vm.sym(reflected));
    if let Some(result) = rich_compare(vm, left, right, f, r)? {
        return Ok(result);
    }
    if let Some((a, b)) = unwrapped_pair(left, right) {
        return compare(vm, op, &a, &b);
    }
    let set_like = |v: &Value| matches!(v, Value::Set(_)) || is_set_like_view(v);
    if (is_set_like_view(left) || is_set_like_view(right)) && set_like(left) && set_like(right) {
        let (a, b) = (as_set(vm, left)?, as_set(vm, right)?);
        return compare(vm, op, &a, &b);
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(left.is(right))),
        CmpOp::NotEq => {
            // `!=` falls back on the inverse of a user `__eq__`.
            let eq_symbol = vm.symbols.eq;
            match rich_compare(vm, left, right, eq_symbol, eq_symbol)? {
                Some(result) => Ok(Value::Bool(!truthy(vm, &result)?)),
                None => Ok(Value::Bool(!left.is(right))),
            }
        }
        _ => {
            let (a, b) = (type_name(vm, left), type_name(vm, right));
            vm.type_error(format!(
                "'{symbol}' not supported between instances of '{a}' and '{b}'"
            ))
        }
    }
}

/// The ordering of two values for `<` and friends (and `sorted`); `None` when unordered (NaN).
pub fn order(vm: &mut Vm, op: CmpOp, left: &Value, right: &Value) -> Res<Option<Ordering>> {
    use Value::*;
    match (left, right) {
        (Int(a), Int(b)) => Ok(Some(a.cmp(b))),
        (Str(a), Str(b)) => Ok(Some(a.cmp(b))),
        (Bytes(a), Bytes(b)) => Ok(Some(a.cmp(b))),
        (Int(_) | Bool(_) | Float(_) | Big(_), Int(_) | Bool(_) | Float(_) | Big(_)) => {
            Ok(num_cmp(left, right))
        }
        (Tuple(a), Tuple(b)) => seq_order(vm, op, a, b),
        (List(a), List(b)) => {
            let (a, b) = (a.borrow().clone(), b.borrow().clone());
            seq_order(vm, op, &a, &b)
        }
        (Set(a), Set(b)) => {
            let a_in_b = subset(vm, a, b)?;
            let b_in_a = subset(vm, b, a)?;
            Ok(match (a_in_b, b_in_a) {
                (true, true) => Some(Ordering::Equal),
                (true, false) => Some(Ordering::Less),
                (false, true) => Some(Ordering::Greater),
                _ => Option::None,
            })
        }
        (Object(_), _) | (_, Object(_)) => {
            let lt = compare(vm, CmpOp::Lt, left, right)?;
            if truthy(vm, &lt)? {
                return Ok(Some(Ordering::Less));
            }
            let gt = compare(vm, CmpOp::Lt, right, left)?;
            if truthy(vm, &gt)? {
                return Ok(Some(Ordering::Greater));
            }
            Ok(Some(Ordering::Equal))
        }
        _ => {
            let (symbol, _, _) = cmp_symbol(op);
            let (a, b) = (type_name(vm, left), type_name(vm, right));
            vm.type_error(format!(
                "'{symbol}' not supported between instances of '{a}' and '{b}'"
            ))
        }
    }
}

fn seq_order(vm: &mut Vm, op: CmpOp, a: &[Value], b: &[Value]) -> Res<Option<Ordering>> {
    for (x, y) in a.iter().zip(b.iter()) {
        if x.is(y) || eq(vm, x, y)? {
            continue;
        }
        return order(vm, op, x, y);
    }
    Ok(Some(a.len().cmp(&b.len())))
}

fn subset(vm: &mut Vm, a: &Rc<SetObj>, b: &Rc<SetObj>) -> Res<bool> {
    let (a, b) = (a.table.borrow().clone(), b.table.borrow().clone());
    for (key, _) in a.iter() {
        if dict_get(vm, &b, key)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> Res<bool> {
    match container {
        Value::Bytes(data) => super::bytes::contains(vm, data, item),
        Value::Str(s) => match item {
            Value::Str(needle) => Ok(s.contains(&**needle)),
            other => {
                let name = type_name(vm, other);
                vm.type_error(format!(
                    "'in <string>' requires string as left operand, not {name}"
                ))
            }
        },
        Value::List(items) => {
            let items = items.borrow().clone();
            for x in items.iter() {
                if x.is(item) || eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Tuple(items) => {
            for x in items.iter() {
                if x.is(item) || eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(d) => {
            let d = d.clone();
            if d.borrow().has_owner() {
                refresh_namespace_dict(vm, &d);
            }
            let found = dict_lookup(vm, &d, item)?;
            Ok(found.is_some())
        }
        Value::Set(s) => {
            // A set looked up as a member is looked up as the frozenset it equals.
            let item = match item {
                Value::Set(inner) if !inner.frozen => Value::Set(Rc::new(SetObj {
                    frozen: true,
                    table: RefCell::new(inner.table.borrow().clone()),
                })),
                other => other.clone(),
            };
            Ok(dict_lookup(vm, &s.table, &item)?.is_some())
        }
        Value::Range(r) => Ok(match item {
            Value::Int(i) => {
                let i = *i;
                if r.step > 0 {
                    i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                } else {
                    i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                }
            }
            _ => false,
        }),
        Value::Object(o) => {
            let symbol = vm.symbols.contains;
            if let Some(method) = o.class.lookup(symbol) {
                let result = vm.call_nested(method, vec![container.clone(), item.clone()])?;
                return truthy(vm, &result);
            }
            let view = match &*o.native.borrow() {
                Native::DictView(d, view) => Some((d.clone(), *view)),
                _ => None,
            };
            if let Some((dict, view)) = view {
                return match view {
                    DictView::Keys => Ok(dict_lookup(vm, &dict, item)?.is_some()),
                    _ => {
                        let items = collect(vm, container.clone())?;
                        contains(vm, &Value::list(items), item)
                    }
                };
            }
            if let Some(base) = base_of(container) {
                return contains(vm, &base, item);
            }
            iter_contains(vm, container, item)
        }
        Value::Iter(_) | Value::Gen(_) => iter_contains(vm, container, item),
        Value::Type(t) if t.meta.is_some() => match meta_method(t, vm.symbols.contains) {
            Some(method) => {
                let result = vm.call_nested(method, vec![container.clone(), item.clone()])?;
                truthy(vm, &result)
            }
            None => iter_contains(vm, container, item),
        },
        other => {
            let name = type_name(vm, other);
            vm.type_error(format!("argument of type '{name}' is not iterable"))
        }
    }
}

fn iter_contains(vm: &mut Vm, container: &Value, item: &Value) -> Res<bool> {
    let iterator = get_iter(vm, container.clone())?;
    while let Some(x) = vm.next_item(&iterator)? {
        if x.is(item) || eq(vm, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ----- dicts and sets -------------------------------------------------------------------------

/// Where `key` is in `dict` (the dict is read afresh after any `__eq__` call).
pub fn dict_lookup(vm: &mut Vm, dict: &RefCell<Dict>, key: &Value) -> Res<Option<usize>> {
    let h = hash(vm, key)?;
    // Quick path: keys compared without running Python code.
    // A key that needs Python's `==` stops it: the keys before the one found are compared
    // in order, as CPython does, each `__eq__` called.
    let quick = dict.borrow().find(h, key, &mut |k: &Value, q: &Value| {
        simple_eq(k, q).ok_or(())
    });
    if let Ok(answer) = quick {
        return Ok(answer);
    }
    let table = dict.borrow().clone();
    let mut error = None;
    let found = table.find(h, key, &mut |k: &Value, q: &Value| -> Result<bool, ()> {
        if let Some(known) = simple_eq(k, q) {
            return Ok(known);
        }
        match eq(vm, k, q) {
            Ok(e) => Ok(e),
            Err(flow) => {
                error = Some(flow);
                Err(())
            }
        }
    });
    if let Some(flow) = error {
        return Err(flow);
    }
    Ok(found.ok().flatten())
}

/// Equality without the VM: when neither side is a user object, or both are the same one.
fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x == y),
        (Str(x), Str(y)) => Some(x == y),
        (Bytes(x), Bytes(y)) => Some(x == y),
        // As CPython's dicts and sets: the same object is the key, whatever its `__eq__` says.
        (Object(x), Object(y)) if Rc::ptr_eq(x, y) => Some(true),
        (Object(_), _) | (_, Object(_)) => Option::None,
        (Tuple(x), Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !simple_eq(p, q)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        (Int(_) | Bool(_) | Float(_) | Big(_), Int(_) | Bool(_) | Float(_) | Big(_)) => {
            Some(num_cmp(a, b) == Some(Ordering::Equal))
        }
        (List(_) | Dict(_) | Set(_), _) | (_, List(_) | Dict(_) | Set(_)) => Option::None,
        _ => Some(a.is(b)),
    }
}

pub fn dict_get(vm: &mut Vm, dict: &Dict, key: &Value) -> Res<Option<Value>> {
    let shared = Rc::new(RefCell::new(dict.clone()));
    let slot = dict_lookup(vm, &shared, key)?;
    Ok(slot.and_then(|s| dict.entry_value(s).cloned()))
}

/// `dict[key]` from native code: the value, or `None` when absent.
pub fn dict_get_shared(vm: &mut Vm, dict: &Rc<RefCell<Dict>>, key: &Value) -> Res<Option<Value>> {
    let slot = dict_lookup(vm, dict, key)?;
    Ok(slot.and_then(|s| dict.borrow().entry_value(s).cloned()))
}

/// `dict[key] = value` on a table the caller holds.
pub fn dict_set(vm: &mut Vm, dict: &mut Dict, key: Value, value: Value) -> Res<()> {
    let h = hash(vm, &key)?;
    let found = match dict.find(h, &key, &mut |k: &Value, q: &Value| -> Result<bool, ()> {
        simple_eq(k, q).ok_or(())
    }) {
        Ok(found) => found,
        Err(()) => {
            let copy = Rc::new(RefCell::new(dict.clone()));
            dict_lookup(vm, &copy, &key)?
        }
    };
    match found {
        Some(slot) => dict.set_at(slot, value),
        None => {
            if dict.len() >= MAX_SIZE {
                return vm.err("MemoryError", "");
            }
            dict.push(h, key, value)
        }
    }
    Ok(())
}

pub fn dict_set_shared(vm: &mut Vm, dict: &Rc<RefCell<Dict>>, key: Value, value: Value) -> Res<()> {
    // An object's `__dict__` is rare: one look says whether this write concerns one.
    let instance_dict = dict.borrow().has_owner();
    if instance_dict {
        refresh_namespace_dict(vm, dict);
    }
    let h = hash(vm, &key)?;
    match dict_lookup(vm, dict, &key)? {
        Some(slot) => dict.borrow_mut().set_at(slot, value),
        None => {
            if dict.borrow().len() >= MAX_SIZE {
                return vm.err("MemoryError", "");
            }
            dict.borrow_mut().push(h, key, value)
        }
    }
    if instance_dict {
        sync_namespace_dict(vm, dict);
    }
    Ok(())
}

/// Before a write to an object's `__dict__` or to `globals()`: what the namespace holds now
/// (it may have changed since the dict was read), so that the write loses nothing.
pub fn refresh_namespace_dict(vm: &mut Vm, dict: &Rc<RefCell<Dict>>) {
    let Some(owner) = dict.borrow().owner() else {
        return;
    };
    let fresh = match &owner {
        Namespace::Object(o) => namespace_dict(vm, &o.attrs.borrow()),
        Namespace::Module(m) => module_dict(vm, m),
    };
    let Value::Dict(fresh) = fresh else {
        return;
    };
    let mut fresh = fresh.borrow().clone();
    fresh.set_owner(&owner);
    *dict.borrow_mut() = fresh;
}

/// After a write to an object's `__dict__` (`self.__dict__.update(kwargs)`) or to
/// `globals()`: the namespace becomes what the dict holds (its string keys), as CPython's live
/// namespaces.
pub fn sync_namespace_dict(vm: &mut Vm, dict: &Rc<RefCell<Dict>>) {
    let Some(owner) = dict.borrow().owner() else {
        return;
    };
    let pairs: Vec<(Symbol, Value)> = dict
        .borrow()
        .iter()
        .filter_map(|(key, value)| match key {
            Value::Str(name) => Some((vm.interner.intern(name), value.clone())),
            _ => None,
        })
        .collect();
    match owner {
        Namespace::Object(o) => *o.attrs.borrow_mut() = Attrs::from_pairs(pairs),
        Namespace::Module(m) => {
            let mut globals = m.globals.borrow_mut();
            let gone: Vec<Symbol> = globals.keys().collect();
            for symbol in gone {
                globals.remove(&symbol);
            }
            for (symbol, value) in pairs {
                globals.insert(symbol, value);
            }
        }
    }
}

/// A module's names as a dict (for `globals()`): written to, it writes back to the module.
pub fn module_dict(vm: &Vm, module: &Rc<Module>) -> Value {
    let mut dict = Dict::new();
    for (key, value) in module.globals.borrow().iter() {
        let key = vm.name(key);
        dict.push(hash_str(&key), Value::Str(key), value.clone());
    }
    dict.set_owner(&Namespace::Module(module.clone()));
    Value::dict(dict)
}

/// `target.update(other)` (or `{**other}` when `merge`, which refuses duplicate keys).
pub fn dict_update(vm: &mut Vm, target: &Rc<RefCell<Dict>>, other: &Value, merge: bool) -> Res<()> {
    let pairs: Vec<(Value, Value)> = match other {
        Value::Dict(d) => d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        Value::Object(_) if !merge => {
            let keys_symbol = vm.sym("keys");
            match getattr(vm, other, keys_symbol) {
                Ok(keys) => {
                    let keys = vm.call_nested(keys, Vec::new())?;
                    let keys = collect(vm, keys)?;
                    let mut pairs = Vec::new();
                    for key in keys {
                        let value = subscript(vm, other.clone(), key.clone())?;
                        pairs.push((key, value));
                    }
                    pairs
                }
                Err(_) => pairs_of(vm, other)?,
            }
        }
        _ if merge => {
            let name = type_name(vm, other);
            return vm.type_error(format!("'{name}' object is not a mapping"));
        }
        _ => pairs_of(vm, other)?,
    };
    for (key, value) in pairs {
        dict_set_shared(vm, target, key, value)?;
    }
    Ok(())
}

/// The (key, value) pairs of an iterable of pairs (`dict([('a', 1)])`).
fn pairs_of(vm: &mut Vm, iterable: &Value) -> Res<Vec<(Value, Value)>> {
    let items = collect(vm, iterable.clone())?;
    let mut pairs = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let pair = match collect(vm, item.clone()) {
            Ok(pair) => pair,
            Err(_) => {
                return vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ));
            }
        };
        if pair.len() != 2 {
            return vm.err(
                "ValueError",
                format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                ),
            );
        }
        let mut pair = pair.into_iter();
        if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
            pairs.push((k, v));
        }
    }
    Ok(pairs)
}

pub fn new_set(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> Res<Value> {
    let mut table = Dict::new();
    for item in items {
        dict_set(vm, &mut table, item, Value::None)?;
    }
    Ok(Value::Set(Rc::new(SetObj {
        frozen,
        table: RefCell::new(table),
    })))
}

pub fn set_add(vm: &mut Vm, set: &Rc<SetObj>, item: Value) -> Res<()> {
    let mut table = std::mem::take(&mut *set.table.borrow_mut());
    let result = dict_set(vm, &mut table, item, Value::None);
    *set.table.borrow_mut() = table;
    result
}

/// A set's items in the order it iterates them: CPython's table order where CPython's is the
/// same on every run (numbers and tuples of them), else the order they were added.
pub fn set_items(vm: &mut Vm, set: &SetObj) -> Vec<Value> {
    let items: Vec<Value> = set.table.borrow().iter().map(|(k, _)| k.clone()).collect();
    cpython_set_order(vm, items)
}

/// Whether CPython hashes `value` the same way on every run (strings and objects it does not).
fn hash_is_stable(value: &Value) -> bool {
    match value {
        Value::Int(_) | Value::Bool(_) | Value::Big(_) => true,
        Value::Float(f) => !f.is_nan(),
        Value::Tuple(items) => items.iter().all(hash_is_stable),
        _ => false,
    }
}

/// The order CPython's set table (`Objects/setobject.c`: 8 slots to start, linear probes of up
/// to 9 then perturbed jumps, grown to four times its use when two thirds full) holds `keys`
/// added in this order, nothing removed.
fn cpython_set_order(vm: &mut Vm, keys: Vec<Value>) -> Vec<Value> {
    if keys.len() < 2 || !keys.iter().all(hash_is_stable) {
        return keys;
    }
    let mut hashes = Vec::with_capacity(keys.len());
    for key in &keys {
        match super::builtins::python_hash(vm, key) {
            Ok(h) => hashes.push(h as u64),
            Err(_) => return keys,
        }
    }
    fn place(table: &mut [Option<usize>], index: usize, hash: u64) {
        let mask = (table.len() - 1) as u64;
        let (mut i, mut perturb) = (hash & mask, hash);
        loop {
            let room = if i + 9 <= mask { 9 } else { 0 };
            for slot in i..=i + room {
                if table[slot as usize].is_none() {
                    table[slot as usize] = Some(index);
                    return;
                }
            }
            perturb >>= 5;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
    }
    let mut table: Vec<Option<usize>> = vec![None; 8];
    for (index, &hash) in hashes.iter().enumerate() {
        place(&mut table, index, hash);
        let (fill, mask) = (index + 1, table.len() - 1);
        if fill * 5 >= mask * 3 {
            let wanted = if fill > 50_000 { fill * 2 } else { fill * 4 };
            let mut size = 8;
            while size <= wanted {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for entry in old.into_iter().flatten() {
                place(&mut table, entry, hashes[entry]);
            }
        }
    }
    table
        .into_iter()
        .flatten()
        .map(|i| keys[i].clone())
        .collect()
}

fn set_operation(
    vm: &mut Vm,
    op: BinOp,
    a: &Rc<SetObj>,
    b: &Rc<SetObj>,
    inplace: Option<&Value>,
) -> Res<Value> {
    let (left, right) = (set_items(vm, a), set_items(vm, b));
    // Copies: looking items up may run a program's `__eq__`, which may change the sets.
    let right_table = RefCell::new(b.table.borrow().clone());
    let left_table = RefCell::new(a.table.borrow().clone());
    let mut out = Vec::new();
    match op {
        BinOp::BitOr => {
            out.extend(left);
            out.extend(right);
        }
        BinOp::BitAnd => {
            for item in left {
                if dict_lookup(vm, &right_table, &item)?.is_some() {
                    out.push(item);
                }
            }
        }
        BinOp::Sub => {
            for item in left {
                if dict_lookup(vm, &right_table, &item)?.is_none() {
                    out.push(item);
                }
            }
        }
        _ => {
            for item in left {
                if dict_lookup(vm, &right_table, &item)?.is_none() {
                    out.push(item);
                }
            }
            for item in right {
                if dict_lookup(vm, &left_table, &item)?.is_none() {
                    out.push(item);
                }
            }
        }
    }
    let result = new_set(vm, out, a.frozen)?;
    if let (Some(target), Value::Set(new)) = (inplace, &result) {
        let table = new.table.borrow().clone();
        *a.table.borrow_mut() = table;
        return Ok(target.clone());
    }
    Ok(result)
}

// ----- subscripts -------------------------------------------------------------------------------

/// An index as an `i64` (ints, bools, or objects with `__index__`).
pub fn index_of(vm: &mut Vm, value: &Value) -> Res<i64> {
    match value {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Big(_) => vm.err("IndexError", "cannot fit 'int' into an index-sized integer"),
        other if base_of(other).is_some() => {
            let base = base_of(other).unwrap_or(Value::None);
            index_of(vm, &base)
        }
        other => match index_value(vm, other)? {
            Some(number) => index_of(vm, &number),
            None => {
                let name = type_name(vm, other);
                vm.type_error(format!(
                    "'{name}' object cannot be interpreted as an integer"
                ))
            }
        },
    }
}

/// What an object's `__index__` gives (it must be an int), or None without one.
pub fn index_value(vm: &mut Vm, value: &Value) -> Res<Option<Value>> {
    let Value::Object(o) = value else {
        return Ok(None);
    };
    let Some(method) = o.class.lookup(vm.sym("__index__")) else {
        return Ok(None);
    };
    let number = vm.call_nested(method, vec![value.clone()])?;
    match number {
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => Ok(Some(number)),
        other => {
            let name = type_name(vm, &other);
            vm.type_error(format!("__index__ returned non-int (type {name})"))
        }
    }
}

fn normalize(index: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if index < 0 { index + len } else { index };
    (0..len).contains(&i).then_some(i as usize)
}

/// The positions a slice selects in a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, slice: &[Value; 3], len: usize) -> Res<(i64, i64, i64)> {
    let step = match &slice[2] {
        Value::None => 1,
        other => index_of(vm, other)?,
    };
    if step == 0 {
        return vm.err("ValueError", "slice step cannot be zero");
    }
    let len = len as i64;
    let bound = |vm: &mut Vm, value: &Value, default: i64| -> Res<i64> {
        match value {
            Value::None => Ok(default),
            other => {
                let i = index_of(vm, other)?;
                Ok(if i < 0 {
                    (i + len).max(if step < 0 { -1 } else { 0 })
                } else if step < 0 {
                    i.min(len - 1)
                } else {
                    i.min(len)
                })
            }
        }
    };
    let (start_default, stop_default) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let start = bound(vm, &slice[0], start_default)?;
    let stop = bound(vm, &slice[1], stop_default)?;
    Ok((start, stop, step))
}

fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let at = i as usize;
            i += step;
            Some(at)
        } else {
            None
        }
    })
}

pub fn subscript(vm: &mut Vm, container: Value, index: Value) -> Res<Value> {
    let index = sequence_index(vm, &container, index)?;
    match (&container, &index) {
        (Value::List(items), Value::Int(i)) => {
            let items = items.borrow();
            match normalize(*i, items.len()) {
                Some(at) => Ok(items[at].clone()),
                None => {
                    drop(items);
                    vm.err("IndexError", "list index out of range")
                }
            }
        }
        (Value::Tuple(items), Value::Int(i)) => match normalize(*i, items.len()) {
            Some(at) => Ok(items[at].clone()),
            None => vm.err("IndexError", "tuple index out of range"),
        },
        (Value::Str(s), Value::Int(i)) => {
            let at = if *i < 0 {
                let count = s.chars().count() as i64;
                *i + count
            } else {
                *i
            };
            match (at >= 0).then(|| s.chars().nth(at as usize)).flatten() {
                Some(c) => Ok(Value::Str(c.to_string().into())),
                None => vm.err("IndexError", "string index out of range"),
            }
        }
        (Value::Dict(d), _) => {
            if d.borrow().has_owner() {
                // A namespace's dict read after the namespace changed: what it holds now.
                refresh_namespace_dict(vm, d);
            }
            match dict_get_shared(vm, d, &index)? {
                Some(value) => Ok(value),
                None => Err(Flow::Raise(key_error(vm, index.clone()))),
            }
        }
        (Value::Range(r), Value::Int(i)) => match normalize(*i, r.len() as usize) {
            Some(at) => Ok(Value::Int(r.start + at as i64 * r.step)),
            None => vm.err("IndexError", "range object index out of range"),
        },
        (Value::List(items), Value::Slice(slice)) => {
            // The bounds first (an `__index__` may run), then only the items taken.
            let length = items.borrow().len();
            let (start, stop, step) = slice_indices(vm, slice, length)?;
            let items = items.borrow();
            Ok(Value::list(
                slice_positions(start, stop, step)
                    .filter_map(|i| items.get(i).cloned())
                    .collect(),
            ))
        }
        (Value::Tuple(items), Value::Slice(slice)) => {
            let (start, stop, step) = slice_indices(vm, slice, items.len())?;
            Ok(Value::tuple(
                slice_positions(start, stop, step)
                    .map(|i| items[i].clone())
                    .collect(),
            ))
        }
        (Value::Bytes(data), Value::Int(i)) => match normalize(*i, data.len()) {
            Some(at) => Ok(Value::Int(i64::from(data[at]))),
            None => vm.err("IndexError", "index out of range"),
        },
        (Value::Bytes(data), Value::Slice(slice)) => {
            let (start, stop, step) = slice_indices(vm, slice, data.len())?;
            Ok(Value::Bytes(
                slice_positions(start, stop, step)
                    .map(|i| data[i])
                    .collect(),
            ))
        }
        (Value::Str(s), Value::Slice(slice)) => {
            let ascii = s.is_ascii();
            let length = if ascii { s.len() } else { s.chars().count() };
            let (start, stop, step) = slice_indices(vm, slice, length)?;
            if step == 1 {
                // A run of characters: cut at their byte offsets, without copying the rest.
                if start >= stop {
                    return Ok(Value::str(""));
                }
                let (start, stop) = (start as usize, stop as usize);
                let text = if ascii {
                    &s[start..stop]
                } else {
                    let mut offsets = s.char_indices().map(|(at, _)| at).chain([s.len()]);
                    let from = offsets.nth(start).unwrap_or(s.len());
                    let to = offsets.nth(stop - start - 1).unwrap_or(s.len());
                    &s[from..to]
                };
                return Ok(Value::str(text));
            }
            let chars: Vec<char> = s.chars().collect();
            Ok(Value::Str(
                slice_positions(start, stop, step)
                    .map(|i| chars[i])
                    .collect::<String>()
                    .into(),
            ))
        }
        (Value::Range(r), Value::Slice(slice)) => {
            let (start, stop, step) = slice_indices(vm, slice, r.len() as usize)?;
            Ok(Value::Range(Rc::new(Range {
                start: r.start + start * r.step,
                stop: r.start + stop * r.step,
                step: r.step * step,
            })))
        }
        (
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_),
            _,
        ) => {
            let (a, b) = (type_name(vm, &container), type_name(vm, &index));
            let what = if a.as_ref() == "str" {
                "string".into()
            } else {
                a
            };
            vm.type_error(format!(
                "{what} indices must be integers or slices, not {b}"
            ))
        }
        (Value::Object(o), _) => {
            let symbol = vm.symbols.getitem;
            match o.class.lookup(symbol) {
                Some(method) => vm.call_nested(method, vec![container.clone(), index]),
                None => match base_of(&container) {
                    Some(base) => base_subscript(vm, &container, base, index),
                    None => not_subscriptable(vm, &container),
                },
            }
        }
        // `list[int]`: a `types.GenericAlias` for the containers, as in CPython.
        (Value::Type(t), _)
            if t.builtin.is_some()
                && matches!(
                    &*t.name,
                    "list" | "dict" | "tuple" | "set" | "frozenset" | "type"
                ) =>
        {
            types_function(vm, "GenericAlias", vec![container.clone(), index])
        }
        (Value::Type(t), _) if t.builtin.is_some() => Ok(container.clone()),
        (Value::Type(t), _) => {
            if let Some(method) = meta_method(t, vm.symbols.getitem) {
                return vm.call_nested(method, vec![container.clone(), index]);
            }
            let symbol = vm.sym("__class_getitem__");
            match t.lookup(symbol).and_then(implicit_class_method) {
                Some(function) => vm.call_nested(function, vec![container.clone(), index]),
                None => not_subscriptable(vm, &container),
            }
        }
        _ => not_subscriptable(vm, &container),
    }
}

/// An index into a built-in sequence: an int subclass's value, or what an object's
/// `__index__` gives.
fn sequence_index(vm: &mut Vm, container: &Value, index: Value) -> Res<Value> {
    if !matches!(
        (container, &index),
        (
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_),
            Value::Object(_)
        )
    ) {
        return Ok(index);
    }
    if let Some(base) = base_of(&index) {
        return Ok(base);
    }
    Ok(index_value(vm, &index)?.unwrap_or(index))
}

/// `object[index]` for an instance of a subclass of a built-in type: its built-in value's item,
/// or for a dict's missing key, what the class's `__missing__` says.
pub fn base_subscript(vm: &mut Vm, object: &Value, base: Value, index: Value) -> Res<Value> {
    if let Value::Dict(dict) = &base {
        if dict_lookup(vm, dict, &index)?.is_none() {
            let symbol = vm.sym("__missing__");
            if let Some(missing) = user_method(vm, object, symbol) {
                return vm.call_nested(missing, vec![object.clone(), index]);
            }
        }
    }
    subscript(vm, base, index)
}

fn not_subscriptable<T>(vm: &mut Vm, value: &Value) -> Res<T> {
    let name = type_name(vm, value);
    vm.type_error(format!("'{name}' object is not subscriptable"))
}

pub fn key_error(vm: &mut Vm, key: Value) -> Value {
    let class = vm.types.exception("KeyError");
    vm.new_exception(class, vec![key])
}

pub fn store_subscript(vm: &mut Vm, container: Value, index: Value, value: Value) -> Res<()> {
    let index = sequence_index(vm, &container, index)?;
    match (&container, &index) {
        (Value::List(items), Value::Int(i)) => {
            let len = items.borrow().len();
            match normalize(*i, len) {
                Some(at) => {
                    items.borrow_mut()[at] = value;
                    Ok(())
                }
                None => vm.err("IndexError", "list assignment index out of range"),
            }
        }
        (Value::Dict(d), _) => dict_set_shared(vm, d, index.clone(), value),
        (Value::List(items), Value::Slice(slice)) => {
            let len = items.borrow().len();
            let (start, stop, step) = slice_indices(vm, slice, len)?;
            let new_items = collect(vm, value)?;
            if step == 1 {
                let stop = stop.max(start);
                items
                    .borrow_mut()
                    .splice(start as usize..stop as usize, new_items);
                return Ok(());
            }
            let positions: Vec<usize> = slice_positions(start, stop, step).collect();
            if positions.len() != new_items.len() {
                return vm.err(
                    "ValueError",
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        positions.len()
                    ),
                );
            }
            let mut list = items.borrow_mut();
            for (at, item) in positions.into_iter().zip(new_items) {
                list[at] = item;
            }
            Ok(())
        }
        (Value::Object(o), _) => {
            let symbol = vm.symbols.setitem;
            match o.class.lookup(symbol) {
                Some(method) => {
                    vm.call_nested(method, vec![container.clone(), index, value])?;
                    Ok(())
                }
                None => match base_of(&container) {
                    Some(base) => store_subscript(vm, base, index, value),
                    None => {
                        let name = type_name(vm, &container);
                        vm.type_error(format!("'{name}' object does not support item assignment"))
                    }
                },
            }
        }
        (Value::List(_), _) => {
            let name = type_name(vm, &index);
            vm.type_error(format!(
                "list indices must be integers or slices, not {name}"
            ))
        }
        _ => {
            let name = type_name(vm, &container);
            vm.type_error(format!("'{name}' object does not support item assignment"))
        }
    }
}

pub fn delete_subscript(vm: &mut Vm, container: Value, index: Value) -> Res<()> {
    let index = sequence_index(vm, &container, index)?;
    match (&container, &index) {
        (Value::List(items), Value::Int(i)) => {
            let len = items.borrow().len();
            match normalize(*i, len) {
                Some(at) => {
                    items.borrow_mut().remove(at);
                    Ok(())
                }
                None => vm.err("IndexError", "list assignment index out of range"),
            }
        }
        (Value::List(items), Value::Slice(slice)) => {
            let len = items.borrow().len();
            let (start, stop, step) = slice_indices(vm, slice, len)?;
            let mut positions: Vec<usize> = slice_positions(start, stop, step).collect();
            positions.sort_unstable();
            let mut list = items.borrow_mut();
            for at in positions.into_iter().rev() {
                list.remove(at);
            }
            Ok(())
        }
        (Value::Dict(d), _) => {
            refresh_namespace_dict(vm, d);
            match dict_lookup(vm, d, &index)? {
                Some(slot) => {
                    d.borrow_mut().remove_at(slot);
                    sync_namespace_dict(vm, d);
                    Ok(())
                }
                None => Err(Flow::Raise(key_error(vm, index.clone()))),
            }
        }
        (Value::Object(o), _) => {
            let symbol = vm.symbols.delitem;
            match o.class.lookup(symbol) {
                Some(method) => {
                    vm.call_nested(method, vec![container.clone(), index])?;
                    Ok(())
                }
                None => match base_of(&container) {
                    Some(base) => delete_subscript(vm, base, index),
                    None => {
                        let name = type_name(vm, &container);
                        vm.type_error(format!("'{name}' object does not support item deletion"))
                    }
                },
            }
        }
        _ => {
            let name = type_name(vm, &container);
            vm.type_error(format!("'{name}' object does not support item deletion"))
        }
    }
}

// ----- iteration ------------------------------------------------------------------------------

pub fn new_iter(iter: Iter) -> Value {
    Value::Iter(Rc::new(RefCell::new(iter)))
}

pub fn get_iter(vm: &mut Vm, value: Value) -> Res<Value> {
    let iter = match &value {
        Value::List(_) | Value::Tuple(_) => Iter::Seq(value.clone(), 0),
        Value::Str(s) => Iter::Chars(s.clone(), 0),
        Value::Bytes(data) => Iter::Values(byte_values(data).into(), 0),
        Value::Dict(d) => Iter::Dict(d.clone(), 0, DictView::Keys, d.borrow().len()),
        Value::Set(s) => Iter::Set(s.clone(), set_items(vm, s).into(), 0),
        Value::Range(r) => Iter::Range {
            next: r.start,
            stop: r.stop,
            step: r.step,
        },
        Value::Iter(_) => return Ok(value),
        Value::Gen(g) if g.kind == GenKind::Generator => return Ok(value),
        Value::Type(t) if t.meta.is_some() => match meta_method(t, vm.symbols.iter) {
            Some(method) => {
                let iterator = vm.call_nested(method, vec![value.clone()])?;
                return get_iter(vm, iterator);
            }
            None => return not_iterable(vm, &value),
        },
        Value::Object(o) if matches!(&*o.native.borrow(), Native::AwaitOf(_)) => {
            return match &*o.native.borrow() {
                Native::AwaitOf(gen) => Ok(Value::Gen(gen.clone())),
                _ => Ok(Value::None),
            };
        }
        Value::Object(o) => {
            let view = match &*o.native.borrow() {
                Native::DictView(d, view) => Some((d.clone(), *view)),
                _ => None,
            };
            if let Some((dict, view)) = view {
                let len = dict.borrow().len();
                Iter::Dict(dict, 0, view, len)
            } else {
                let symbol = vm.symbols.iter;
                let getitem = vm.symbols.getitem;
                match o.class.lookup(symbol) {
                    Some(method) => {
                        let iterator = vm.call_nested(method, vec![value.clone()])?;
                        let next = vm.symbols.next;
                        let is_iterator = match &iterator {
                            Value::Iter(_) => true,
                            Value::Gen(g) => g.kind == GenKind::Generator,
                            other => lookup_special(vm, other, next).is_some(),
                        };
                        if !is_iterator {
                            let name = type_name(vm, &iterator);
                            return vm.type_error(format!(
                                "iter() returned non-iterator of type '{name}'"
                            ));
                        }
                        return Ok(iterator);
                    }
                    None if o.class.lookup(getitem).is_some() => {
                        // The old protocol: items by index until IndexError.
                        let mut items = Vec::new();
                        for i in 0.. {
                            match subscript(vm, value.clone(), Value::Int(i)) {
                                Ok(item) => items.push(item),
                                Err(Flow::Raise(e)) if vm.is_named(&e, "IndexError") => break,
                                Err(other) => return Err(other),
                            }
                        }
                        Iter::Values(items.into(), 0)
                    }
                    None => match base_of(&value) {
                        Some(base) => return get_iter(vm, base),
                        None => return not_iterable(vm, &value),
                    },
                }
            }
        }
        _ => return not_iterable(vm, &value),
    };
    Ok(new_iter(iter))
}

fn not_iterable<T>(vm: &mut Vm, value: &Value) -> Res<T> {
    let name = type_name(vm, value);
    vm.type_error(format!("'{name}' object is not iterable"))
}

/// The next item of a built-in iterator; `None` when it is exhausted.
pub fn iter_next(vm: &mut Vm, iter: &Rc<RefCell<Iter>>) -> Res<Option<Value>> {
    let mut state = iter.borrow_mut();
    let item = match &mut *state {
        Iter::Seq(seq, at) => {
            let item = match seq {
                Value::List(items) => items.borrow().get(*at).cloned(),
                Value::Tuple(items) => items.get(*at).cloned(),
                _ => None,
            };
            *at += 1;
            item
        }
        Iter::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let value = *next;
                *next = next.saturating_add(*step);
                Some(Value::Int(value))
            } else {
                None
            }
        }
        Iter::Chars(s, at) => match s[*at..].chars().next() {
            Some(c) => {
                *at += c.len_utf8();
                Some(Value::Str(c.to_string().into()))
            }
            None => None,
        },
        Iter::Set(set, items, at) => {
            if set.table.borrow().len() != items.len() {
                *state = Iter::Done;
                drop(state);
                return vm.err("RuntimeError", "Set changed size during iteration");
            }
            let item = items.get(*at).cloned();
            *at += 1;
            item
        }
        Iter::Dict(dict, at, view, size) => {
            let table = dict.borrow();
            if table.len() != *size {
                drop(table);
                *state = Iter::Done;
                drop(state);
                return vm.err("RuntimeError", "dictionary changed size during iteration");
            }
            let mut found = None;
            while let Some(entry) = table.at(*at) {
                *at += 1;
                if let Some((k, v)) = entry {
                    found = Some(match view {
                        DictView::Keys => k.clone(),
                        DictView::Values => v.clone(),
                        DictView::Items => Value::tuple(vec![k.clone(), v.clone()]),
                    });
                    break;
                }
            }
            found
        }
        Iter::Reversed(seq, left) => {
            if *left == 0 {
                None
            } else {
                *left -= 1;
                match seq {
                    Value::List(items) => items.borrow().get(*left).cloned(),
                    Value::Tuple(items) => items.get(*left).cloned(),
                    Value::Str(s) => s
                        .chars()
                        .nth(*left)
                        .map(|c| Value::Str(c.to_string().into())),
                    Value::Range(r) => Some(Value::Int(r.start + *left as i64 * r.step)),
                    _ => None,
                }
            }
        }
        Iter::Values(values, at) => {
            let item = values.get(*at).cloned();
            *at += 1;
            item
        }
        Iter::Count(next, step) => {
            let value = *next;
            *next += *step;
            Some(Value::Int(value))
        }
        Iter::Done => None,
        Iter::Enumerate(..)
        | Iter::Zip(..)
        | Iter::Wrapped(_)
        | Iter::Map(..)
        | Iter::Filter(..) => {
            drop(state);
            return compound_next(vm, iter);
        }
    };
    Ok(item)
}

/// `enumerate`, `zip` and wrapped Python iterators: the inner iterators may run Python code,
/// so the state is not borrowed while they advance.
fn compound_next(vm: &mut Vm, iter: &Rc<RefCell<Iter>>) -> Res<Option<Value>> {
    let filter = match &*iter.borrow() {
        Iter::Filter(function, inner) => Some((function.clone(), inner.clone())),
        _ => None,
    };
    if let Some((function, inner)) = filter {
        while let Some(item) = vm.next_item(&inner)? {
            let keep = if function.is_none() {
                truthy(vm, &item)?
            } else {
                let verdict = vm.call_nested(function.clone(), vec![item.clone()])?;
                truthy(vm, &verdict)?
            };
            if keep {
                return Ok(Some(item));
            }
        }
        *iter.borrow_mut() = Iter::Done;
        return Ok(None);
    }
    let (inner, function): (Vec<Value>, Option<Value>) = match &*iter.borrow() {
        Iter::Enumerate(inner, _) | Iter::Wrapped(inner) => (vec![inner.clone()], None),
        Iter::Zip(inners, _) => (inners.clone(), None),
        Iter::Map(function, inners) => (inners.clone(), Some(function.clone())),
        _ => return Ok(None),
    };
    let mut items = Vec::with_capacity(inner.len());
    for (index, iterator) in inner.iter().enumerate() {
        match vm.next_item(iterator)? {
            Some(item) => items.push(item),
            None => {
                let strict = matches!(&*iter.borrow(), Iter::Zip(_, true));
                *iter.borrow_mut() = Iter::Done;
                if strict {
                    return zip_strict_end(vm, &inner, index);
                }
                return Ok(None);
            }
        }
    }
    if let Some(function) = function {
        return vm.call_nested(function, items).map(Some);
    }
    let mut state = iter.borrow_mut();
    Ok(match &mut *state {
        Iter::Enumerate(_, count) => {
            let n = *count;
            *count += 1;
            Some(Value::tuple(vec![
                Value::Int(n),
                items.pop().unwrap_or(Value::None),
            ]))
        }
        Iter::Wrapped(_) => items.pop(),
        _ => Some(Value::tuple(items)),
    })
}

/// `zip(strict=True)` found argument `index` exhausted: the others must be too.
fn zip_strict_end(vm: &mut Vm, inner: &[Value], index: usize) -> Res<Option<Value>> {
    let before = |n: usize| {
        if n == 1 {
            "argument 1".to_owned()
        } else {
            format!("arguments 1-{n}")
        }
    };
    if index > 0 {
        return vm.err(
            "ValueError",
            format!(
                "zip() argument {} is shorter than {}",
                index + 1,
                before(index)
            ),
        );
    }
    for (other, iterator) in inner.iter().enumerate().skip(1) {
        if vm.next_item(iterator)?.is_some() {
            return vm.err(
                "ValueError",
                format!(
                    "zip() argument {} is longer than {}",
                    other + 1,
                    before(other)
                ),
            );
        }
    }
    Ok(None)
}

/// All items of an iterable.
/// The items of a bytes object: its byte values as ints.
fn byte_values(data: &[u8]) -> Vec<Value> {
    data.iter().map(|&b| Value::Int(i64::from(b))).collect()
}

pub fn collect(vm: &mut Vm, iterable: Value) -> Res<Vec<Value>> {
    match &iterable {
        Value::Bytes(data) => return Ok(byte_values(data)),
        Value::List(items) => return Ok(items.borrow().clone()),
        Value::Tuple(items) => return Ok(items.to_vec()),
        Value::Str(s) => {
            return Ok(s
                .chars()
                .map(|c| Value::Str(c.to_string().into()))
                .collect())
        }
        Value::Range(r) => {
            if r.len() as usize > MAX_SIZE {
                return vm.err("MemoryError", "");
            }
            return Ok((0..r.len())
                .map(|i| Value::Int(r.start + i * r.step))
                .collect());
        }
        Value::Dict(d) => return Ok(d.borrow().iter().map(|(k, _)| k.clone()).collect()),
        Value::Set(s) => return Ok(set_items(vm, s)),
        _ => {}
    }
    let iterator = get_iter(vm, iterable)?;
    let mut items = Vec::new();
    while let Some(item) = vm.next_item(&iterator)? {
        if items.len() >= MAX_SIZE {
            return vm.err("MemoryError", "");
        }
        items.push(item);
    }
    Ok(items)
}

/// `a, b = value`: exactly `n` items.
pub fn unpack(vm: &mut Vm, value: Value, n: usize) -> Res<Vec<Value>> {
    let items = match &value {
        Value::Tuple(items) => items.to_vec(),
        Value::List(items) => items.borrow().clone(),
        Value::Int(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::None
        | Value::Big(_)
        | Value::Func(_) => {
            let name = type_name(vm, &value);
            return vm.type_error(format!("cannot unpack non-iterable {name} object"));
        }
        _ => {
            let iterator = match get_iter(vm, value.clone()) {
                Ok(it) => it,
                Err(Flow::Raise(_)) => {
                    let name = type_name(vm, &value);
                    return vm.type_error(format!("cannot unpack non-iterable {name} object"));
                }
                Err(other) => return Err(other),
            };
            let mut items = Vec::new();
            while let Some(item) = vm.next_item(&iterator)? {
                items.push(item);
                if items.len() > n {
                    break;
                }
            }
            items
        }
    };
    match items.len().cmp(&n) {
        Ordering::Equal => Ok(items),
        Ordering::Greater => vm.err(
            "ValueError",
            format!("too many values to unpack (expected {n})"),
        ),
        Ordering::Less => vm.err(
            "ValueError",
            format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            ),
        ),
    }
}

// ----- attributes -------------------------------------------------------------------------------

/// A special method looked up on the type (not the instance), as Python does.
pub fn lookup_special(vm: &Vm, value: &Value, symbol: Symbol) -> Option<Value> {
    type_of(vm, value).lookup(symbol)
}

/// `obj.name` for a call: the plain function and `obj` when it is a method (no bound method
/// made), else `None`.
pub fn lookup_method(vm: &mut Vm, object: &Value, symbol: Symbol) -> Res<Option<Value>> {
    match object {
        Value::Object(o) => {
            if matches!(&*o.native.borrow(), Native::Super(..) | Native::Base(_)) {
                // `getattr` decides (a built-in type's method binds to the built-in value).
                return Ok(None);
            }
            if o.attrs.borrow().get(symbol).is_some() {
                return Ok(None);
            }
            if vm.classes_get_attributes && own_getattribute(vm, &o.class).is_some() {
                return Ok(None);
            }
            match o.class.lookup(symbol) {
                Some(f @ (Value::Func(_) | Value::Builtin(_))) => Ok(Some(f)),
                _ => Ok(None),
            }
        }
        Value::Type(_) | Value::Module(_) | Value::Func(_) => Ok(None),
        other => {
            let class = type_of(vm, other);
            match class.lookup(symbol) {
                Some(f @ Value::Builtin(_)) => Ok(Some(f)),
                _ => Ok(None),
            }
        }
    }
}

/// A method of the descriptor protocol (`__get__`, `__set__`…) a Python class gives `object`.
fn descriptor_method(
    vm: &Vm,
    object: &Rc<Object>,
    pick: fn(&super::vm::Symbols) -> Symbol,
) -> Option<Value> {
    if object.class.builtin.is_some() {
        return None;
    }
    object
        .class
        .lookup(pick(&vm.symbols))
        .filter(|method| !matches!(method, Value::Builtin(_)))
}

/// The `__get__` of a data descriptor (one whose class also defines `__set__` or `__delete__`).
fn data_descriptor_get(vm: &Vm, object: &Rc<Object>) -> Option<Value> {
    let get = descriptor_method(vm, object, |s| s.get_descriptor)?;
    let data = descriptor_method(vm, object, |s| s.set_descriptor).is_some()
        || descriptor_method(vm, object, |s| s.delete_descriptor).is_some();
    data.then_some(get)
}

fn bind(vm: &mut Vm, attribute: Value, object: &Value, class: &Rc<Type>) -> Res<Value> {
    Ok(match attribute {
        Value::Func(_) | Value::Builtin(_) => Value::Method(Rc::new((attribute, object.clone()))),
        Value::Object(ref descriptor) => {
            let native = match &*descriptor.native.borrow() {
                Native::Property(getter, _) => Some((0, getter.clone())),
                Native::StaticMethod(f) => Some((1, f.clone())),
                Native::ClassMethod(f) => Some((2, f.clone())),
                _ => None,
            };
            match native {
                Some((0, getter)) => {
                    if getter.is_none() {
                        return vm.err("AttributeError", "property has no getter");
                    }
                    return vm.call_nested(getter, vec![object.clone()]);
                }
                Some((1, f)) => f,
                Some((_, f)) => Value::Method(Rc::new((f, Value::Type(class.clone())))),
                None => match descriptor_method(vm, descriptor, |s| s.get_descriptor) {
                    Some(get) => {
                        let owner = Value::Type(class.clone());
                        return vm.call_nested(get, vec![attribute, object.clone(), owner]);
                    }
                    None => attribute,
                },
            }
        }
        other => other,
    })
}

pub fn getattr(vm: &mut Vm, object: &Value, symbol: Symbol) -> Res<Value> {
    if let (true, Value::Object(o)) = (vm.classes_get_attributes, object) {
        if let Some(hook) = own_getattribute(vm, &o.class) {
            let name = Value::Str(vm.name(symbol));
            return match vm.call_nested(hook, vec![object.clone(), name.clone()]) {
                Err(Flow::Raise(exc)) if vm.is_named(&exc, "AttributeError") => {
                    match o.class.lookup(vm.symbols.getattr) {
                        Some(fallback) => vm.call_nested(fallback, vec![object.clone(), name]),
                        None => Err(Flow::Raise(exc)),
                    }
                }
                other => other,
            };
        }
    }
    generic_getattr(vm, object, symbol, true)
}

/// A `__getattribute__` a program's class defines (every class has `object`'s).
pub fn own_getattribute(vm: &Vm, class: &Rc<Type>) -> Option<Value> {
    match class.lookup(vm.symbols.getattribute) {
        Some(hook @ Value::Func(_)) => Some(hook),
        _ => None,
    }
}

/// `object.__getattribute__`: the attribute found the usual way; `fallback` says whether a
/// class's `__getattr__` is asked when it is not found.
pub fn generic_getattr(vm: &mut Vm, object: &Value, symbol: Symbol, fallback: bool) -> Res<Value> {
    match object {
        Value::Object(o) => {
            let bound_super = match &*o.native.borrow() {
                Native::Super(class, this) => Some((class.clone(), this.clone())),
                _ => None,
            };
            if let Some((class, this)) = bound_super {
                if symbol == vm.symbols.class {
                    return Ok(Value::Type(o.class.clone()));
                }
                return super::builtins::super_getattr(vm, &class, &this, symbol);
            }
            let class_attribute = o.class.lookup(symbol);
            // Data descriptors (properties, objects whose class defines `__set__`) come before
            // the instance's own attributes.
            if let Some(Value::Object(d)) = &class_attribute {
                if matches!(&*d.native.borrow(), Native::Property(..)) {
                    let attribute = class_attribute.clone().unwrap_or(Value::None);
                    return bind(vm, attribute, object, &o.class.clone());
                }
                if let Some(get) = data_descriptor_get(vm, d) {
                    let descriptor = Value::Object(d.clone());
                    let owner = Value::Type(o.class.clone());
                    return vm.call_nested(get, vec![descriptor, object.clone(), owner]);
                }
            }
            if let Some(value) = o.attrs.borrow().get(symbol) {
                return Ok(value.clone());
            }
            if let Some(value) = special_object_attribute(vm, o, symbol) {
                return Ok(value);
            }
            if let Some(attribute) = class_attribute {
                // A built-in type's method works on the built-in value of its subclass's
                // instance (`Name("bob").upper()`).
                if let Value::Builtin(_) = &attribute {
                    if let Some(base) = base_of(object) {
                        let owner = o
                            .class
                            .lineage()
                            .find(|t| t.dict.borrow().get(symbol).is_some());
                        if owner.is_some_and(|t| data_base_kind(t).is_some()) {
                            return Ok(Value::Method(Rc::new((attribute, base))));
                        }
                    }
                }
                return bind(vm, attribute, object, &o.class.clone());
            }
            let getattr_symbol = vm.symbols.getattr;
            if let (true, Some(hook)) = (fallback, o.class.lookup(getattr_symbol)) {
                let name = Value::Str(vm.name(symbol));
                return vm.call_nested(hook, vec![object.clone(), name]);
            }
            attribute_error(vm, object, symbol)
        }
        Value::Type(t) => {
            if let Some(value) = t.lookup(symbol) {
                return match value {
                    Value::Object(ref d) => {
                        let inner = match &*d.native.borrow() {
                            Native::StaticMethod(f) => Some((false, f.clone())),
                            Native::ClassMethod(f) => Some((true, f.clone())),
                            _ => None,
                        };
                        Ok(match inner {
                            Some((false, f)) => f,
                            Some((true, f)) => Value::Method(Rc::new((f, object.clone()))),
                            // A descriptor read from its class: `__get__(None, cls)`.
                            None => match descriptor_method(vm, d, |s| s.get_descriptor) {
                                Some(get) => {
                                    let call = vec![value.clone(), Value::None, object.clone()];
                                    return vm.call_nested(get, call);
                                }
                                None => value,
                            },
                        })
                    }
                    other => Ok(other),
                };
            }
            let name = vm.name(symbol);
            match &*name {
                "__name__" => Ok(Value::Str(t.name.clone())),
                "__qualname__" => Ok(Value::Str(t.qualname.clone())),
                "__module__" => Ok(Value::Str(t.module.clone())),
                "__doc__" => Ok(Value::None),
                "__mro__" => Ok(Value::tuple(
                    t.lineage().map(|c| Value::Type(c.clone())).collect(),
                )),
                "__bases__" => Ok(Value::tuple(
                    t.bases.iter().map(|c| Value::Type(c.clone())).collect(),
                )),
                // The base whose layout the class extends: one with a built-in type's (a
                // `dict`, an exception) over plain classes, else the first.
                "__base__" => Ok(t
                    .bases
                    .iter()
                    .find(|b| {
                        b.lineage()
                            .any(|c| c.builtin.is_some() && !c.bases.is_empty())
                    })
                    .or(t.bases.first())
                    .map_or(Value::None, |b| Value::Type(b.clone()))),
                "__class__" => Ok(Value::Type(type_of(vm, object))),
                // A copy of the class's own namespace (CPython's is a read-only view).
                "__dict__" => Ok(namespace_dict(vm, &t.dict.borrow())),
                _ if t.meta.is_some() => meta_attribute(vm, t, object, symbol),
                _ => match super::builtins::builtin_dunder(vm, t, symbol) {
                    Some(dunder) => Ok(dunder),
                    None => vm.err(
                        "AttributeError",
                        format!("type object '{}' has no attribute '{name}'", t.name),
                    ),
                },
            }
        }
        Value::Module(m) => match m.get(symbol) {
            Some(value) => Ok(value),
            None => {
                let name = vm.name(symbol);
                vm.err(
                    "AttributeError",
                    format!("module '{}' has no attribute '{name}'", m.name),
                )
            }
        },
        Value::Func(f) => {
            if let Some(value) = f.attrs.borrow().get(symbol) {
                return Ok(value.clone());
            }
            let name = vm.name(symbol);
            match &*name {
                "__name__" => Ok(Value::Str(f.code.name.clone())),
                "__qualname__" => Ok(Value::Str(f.qualname.borrow().clone())),
                "__module__" => Ok(Value::Str(f.globals.name.clone())),
                "__doc__" => Ok(f.code.doc.clone().map_or(Value::None, Value::Str)),
                "__code__" => Ok(Value::Code(f.code.clone())),
                "__defaults__" => Ok(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__kwdefaults__" => Ok(if f.kwdefaults.is_empty() {
                    Value::None
                } else {
                    let mut dict = Dict::new();
                    for (name, value) in &f.kwdefaults {
                        let name = vm.name(*name);
                        dict.push(hash_str(&name), Value::Str(name), value.clone());
                    }
                    Value::dict(dict)
                }),
                // Made on first read and kept, as CPython's.
                "__annotations__" => {
                    let annotations = Value::dict(Dict::new());
                    f.attrs.borrow_mut().set(symbol, annotations.clone());
                    Ok(annotations)
                }
                "__class__" => Ok(Value::Type(type_of(vm, object))),
                // Calling it calls the function (CPython's is a method-wrapper).
                "__call__" => Ok(object.clone()),
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        Value::Builtin(b) => {
            let name = vm.name(symbol);
            match &*name {
                "__name__" | "__qualname__" => Ok(Value::Str(b.name.clone())),
                "__self__" => Ok(b.receiver.clone()),
                "__call__" => Ok(object.clone()),
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        Value::Method(m) => {
            let name = vm.name(symbol);
            match &*name {
                "__self__" => Ok(m.1.clone()),
                "__func__" => Ok(m.0.clone()),
                _ => getattr(vm, &m.0.clone(), symbol),
            }
        }
        Value::Gen(g) => {
            let name = vm.name(symbol);
            match &*name {
                "__name__" => Ok(Value::Str(g.code.name.clone())),
                "__qualname__" => Ok(Value::Str(g.qualname.clone())),
                "cr_running" | "gi_running" => Ok(Value::Bool(g.running.get())),
                "cr_code" | "gi_code" => Ok(Value::Code(g.code.clone())),
                "cr_frame" | "gi_frame" => Ok(if g.finished.get() {
                    Value::None
                } else {
                    Value::Bool(true)
                }),
                "cr_await" | "gi_yieldfrom" => Ok(Value::None),
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        Value::Code(c) => {
            let name = vm.name(symbol);
            match &*name {
                "co_name" => Ok(Value::Str(c.name.clone())),
                "co_filename" => Ok(Value::Str(c.filename.clone())),
                "co_firstlineno" => Ok(Value::Int(i64::from(c.first_line))),
                "co_argcount" => Ok(Value::Int(i64::from(c.argcount))),
                "co_kwonlyargcount" => Ok(Value::Int(i64::from(c.kwonly))),
                "co_flags" => {
                    // CPython's flags: OPTIMIZED | NEWLOCALS, VARARGS, VARKEYWORDS, and the kind.
                    use super::code::CodeKind;
                    let mut flags = 0x3;
                    flags |= if c.varargs { 0x4 } else { 0 } | if c.varkw { 0x8 } else { 0 };
                    flags |= match c.kind {
                        CodeKind::Generator => 0x20,
                        CodeKind::Coroutine => 0x80,
                        CodeKind::AsyncGenerator => 0x200,
                        _ => 0,
                    };
                    Ok(Value::Int(flags))
                }
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        Value::Slice(s) => {
            let name = vm.name(symbol);
            match &*name {
                "start" => Ok(s[0].clone()),
                "stop" => Ok(s[1].clone()),
                "step" => Ok(s[2].clone()),
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        Value::Range(r) => {
            let name = vm.name(symbol);
            match &*name {
                "start" => Ok(Value::Int(r.start)),
                "stop" => Ok(Value::Int(r.stop)),
                "step" => Ok(Value::Int(r.step)),
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        Value::Int(_) | Value::Bool(_) | Value::Big(_) => {
            let name = vm.name(symbol);
            match &*name {
                "real" | "numerator" => Ok(match object {
                    Value::Bool(b) => Value::Int(i64::from(*b)),
                    other => other.clone(),
                }),
                "imag" => Ok(Value::Int(0)),
                "denominator" => Ok(Value::Int(1)),
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        Value::Float(f) => {
            let name = vm.name(symbol);
            match &*name {
                "real" => Ok(Value::Float(*f)),
                "imag" => Ok(Value::Float(0.0)),
                _ => builtin_type_attribute(vm, object, symbol),
            }
        }
        _ => builtin_type_attribute(vm, object, symbol),
    }
}

/// `__dict__` of an object or a class: a copy of its namespace, in the order names were set.
pub fn namespace_dict(vm: &Vm, attrs: &Attrs) -> Value {
    let mut dict = Dict::new();
    for (key, value) in attrs.iter() {
        let key = vm.name(*key);
        dict.push(hash_str(&key), Value::Str(key), value.clone());
    }
    Value::dict(dict)
}

/// The function a `staticmethod` wraps (as `__new__` may be), or the value itself.
pub fn static_function(value: Value) -> Value {
    if let Value::Object(o) = &value {
        if let Native::StaticMethod(function) = &*o.native.borrow() {
            return function.clone();
        }
    }
    value
}

/// The function of a method that is a class method even undecorated (`__init_subclass__`,
/// `__class_getitem__`): the function itself, or the one a `classmethod` wraps.
pub fn implicit_class_method(value: Value) -> Option<Value> {
    match &value {
        Value::Func(_) => Some(value),
        Value::Object(o) => match &*o.native.borrow() {
            Native::ClassMethod(function) => Some(function.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `exception.__traceback__`: None, or the frames it went through, outermost first.
pub fn traceback_object(vm: &Vm, entries: &[TracebackEntry]) -> Value {
    if entries.is_empty() {
        return Value::None;
    }
    let class = vm.types.named("traceback");
    Value::Object(Object::new(class, Native::Traceback(entries.into())))
}

/// The frames of a traceback object, or None for anything else.
pub fn traceback_entries(value: &Value) -> Option<Rc<[TracebackEntry]>> {
    match value {
        Value::Object(o) => match &*o.native.borrow() {
            Native::Traceback(entries) => Some(entries.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Gives `exc` the frames of `tb` (a traceback object, or None for none), as assigning
/// `__traceback__` or calling `with_traceback` does.
pub fn set_traceback(vm: &mut Vm, exc: &Value, tb: &Value) -> Res<()> {
    let entries = match tb {
        Value::None => Vec::new(),
        other => match traceback_entries(other) {
            Some(entries) => entries.to_vec(),
            None => return vm.type_error("__traceback__ must be a traceback or None"),
        },
    };
    if let Value::Object(o) = exc {
        if let Native::Exception(data) = &mut *o.native.borrow_mut() {
            data.traceback = entries;
        }
    }
    Ok(())
}

/// Attributes every object of a user class has without storing them.
fn special_object_attribute(vm: &mut Vm, o: &Rc<Object>, symbol: Symbol) -> Option<Value> {
    if symbol == vm.symbols.class {
        return Some(Value::Type(o.class.clone()));
    }
    let name = vm.name(symbol);
    match &*name {
        // Instances of a class with `__slots__` all the way up have no `__dict__`.
        "__dict__" if vm.classes_have_slots && !slots_allow(vm, &o.class, symbol) => None,
        "__dict__" => {
            let dict = namespace_dict(vm, &o.attrs.borrow());
            if let Value::Dict(d) = &dict {
                d.borrow_mut().set_owner(&Namespace::Object(o.clone()));
            }
            Some(dict)
        }
        "__traceback__" | "__cause__" | "__context__" | "__suppress_context__" => {
            match &*o.native.borrow() {
                Native::Exception(data) => Some(match &*name {
                    "__cause__" => data.cause.clone().unwrap_or(Value::None),
                    "__context__" => data.context.clone().unwrap_or(Value::None),
                    "__suppress_context__" => Value::Bool(data.suppress_context),
                    _ => traceback_object(vm, &data.traceback),
                }),
                _ => None,
            }
        }
        "tb_lineno" | "tb_next" => match &*o.native.borrow() {
            Native::Traceback(entries) => Some(match &*name {
                "tb_lineno" => Value::Int(entries.first().map_or(0, |e| i64::from(e.line))),
                _ => traceback_object(vm, entries.get(1..).unwrap_or_default()),
            }),
            _ => None,
        },
        // `SystemExit.code`: the exit status (or message) it was raised with.
        "code" if vm.is_named(&Value::Object(o.clone()), "SystemExit") => {
            let args = super::builtins::exception_args(vm, &Value::Object(o.clone()));
            Some(match args.as_slice() {
                [] => Value::None,
                [one] => one.clone(),
                many => Value::tuple(many.to_vec()),
            })
        }
        "fget" | "fset" => match &*o.native.borrow() {
            Native::Property(getter, setter) => Some(match &*name {
                "fget" => getter.clone(),
                _ => setter.clone(),
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Methods of built-in values (`"a".upper`), bound to the value.
fn builtin_type_attribute(vm: &mut Vm, object: &Value, symbol: Symbol) -> Res<Value> {
    let class = type_of(vm, object);
    if symbol == vm.symbols.class {
        return Ok(Value::Type(class));
    }
    match class.lookup(symbol) {
        Some(attribute) => bind(vm, attribute, object, &class),
        // `[1, 2].__len__()`, `"ab".__contains__("a")`: the data type's special methods.
        None => match super::builtins::builtin_dunder(vm, &class, symbol) {
            Some(method) => Ok(Value::Method(Rc::new((method, object.clone())))),
            None => attribute_error(vm, object, symbol),
        },
    }
}

pub fn attribute_error<T>(vm: &mut Vm, object: &Value, symbol: Symbol) -> Res<T> {
    let name = vm.name(symbol);
    let type_name = type_name(vm, object);
    let exc = vm.exc(
        "AttributeError",
        format!("'{type_name}' object has no attribute '{name}'"),
    );
    if let Value::Object(o) = &exc {
        let name_symbol = vm.sym("name");
        let obj_symbol = vm.sym("obj");
        o.attrs.borrow_mut().set(name_symbol, Value::Str(name));
        o.attrs.borrow_mut().set(obj_symbol, object.clone());
    }
    Err(Flow::Raise(exc))
}

/// Whether instances of `class` may take the attribute `symbol`: every class of its lineage
/// (but `object`) names its attributes in `__slots__`, and none names it nor `__dict__`.
fn slots_allow(vm: &Vm, class: &Rc<Type>, symbol: Symbol) -> bool {
    // Most classes have no `__slots__` anywhere: one memoized lookup says so.
    if class.lookup(vm.symbols.slots).is_none() {
        return true;
    }
    let name = vm.name(symbol);
    for t in class.lineage() {
        if t.builtin.is_some() {
            if t.base == Base::Exception || t.builtin != Some(Kind::Object) {
                return true;
            }
            continue;
        }
        let slots = t.dict.borrow().get(vm.symbols.slots).cloned();
        let names: Vec<Value> = match slots {
            None => return true,
            Some(Value::Str(one)) => vec![Value::Str(one)],
            Some(Value::Tuple(items)) => items.to_vec(),
            Some(Value::List(items)) => items.borrow().clone(),
            Some(Value::Dict(items)) => items.borrow().iter().map(|(k, _)| k.clone()).collect(),
            Some(_) => return true,
        };
        let named = |wanted: &str| {
            names
                .iter()
                .any(|n| matches!(n, Value::Str(s) if &**s == wanted))
        };
        if named("__dict__") || named(&name) {
            return true;
        }
    }
    false
}

pub fn setattr(vm: &mut Vm, object: &Value, symbol: Symbol, value: Value) -> Res<()> {
    match object {
        Value::Object(o) => {
            // A class's own `__setattr__` (a frozen dataclass's) decides.
            let own_setattr = match vm.classes_set_attributes {
                true => o.class.lookup(vm.symbols.setattr),
                false => None,
            };
            if let Some(method @ Value::Func(_)) = own_setattr {
                let name = Value::Str(vm.name(symbol));
                vm.call_nested(method, vec![object.clone(), name, value])?;
                return Ok(());
            }
            if let Some(Value::Object(d)) = o.class.lookup(symbol) {
                let setter = match &*d.native.borrow() {
                    Native::Property(_, setter) => Some(setter.clone()),
                    _ => None,
                };
                if let Some(setter) = setter {
                    if setter.is_none() {
                        let name = vm.name(symbol);
                        let class = o.class.name.clone();
                        return vm.err(
                            "AttributeError",
                            format!("property '{name}' of '{class}' object has no setter"),
                        );
                    }
                    vm.call_nested(setter, vec![object.clone(), value])?;
                    return Ok(());
                }
                if let Some(set) = descriptor_method(vm, &d, |s| s.set_descriptor) {
                    vm.call_nested(set, vec![Value::Object(d.clone()), object.clone(), value])?;
                    return Ok(());
                }
            }
            if o.class.builtin.is_some()
                && o.class.base != Base::Exception
                && o.class.builtin != Some(Kind::Object)
            {
                return attribute_error(vm, object, symbol);
            }
            if Rc::ptr_eq(&o.class, &vm.types.object) {
                return attribute_error(vm, object, symbol);
            }
            if vm.classes_have_slots && !slots_allow(vm, &o.class, symbol) {
                return attribute_error(vm, object, symbol);
            }
            let is_exception = matches!(&*o.native.borrow(), Native::Exception(_));
            if is_exception && &*vm.interner.name(symbol) == "__traceback__" {
                return set_traceback(vm, object, &value);
            }
            if let Native::Exception(data) = &mut *o.native.borrow_mut() {
                let name = vm.interner.name(symbol);
                match &*name {
                    "__cause__" => {
                        data.cause = (!value.is_none()).then(|| value.clone());
                        data.suppress_context = true;
                        return Ok(());
                    }
                    "__context__" => {
                        data.context = (!value.is_none()).then(|| value.clone());
                        return Ok(());
                    }
                    _ => {}
                }
            }
            o.attrs.borrow_mut().set(symbol, value);
            Ok(())
        }
        Value::Type(t) if t.builtin.is_none() => {
            vm.classes_set_attributes |= symbol == vm.symbols.setattr;
            vm.classes_get_attributes |= symbol == vm.symbols.getattribute;
            t.set_attr(symbol, value);
            Ok(())
        }
        Value::Type(t) => {
            let name = vm.name(symbol);
            vm.type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                t.name
            ))
        }
        Value::Module(m) => {
            m.set(symbol, value);
            Ok(())
        }
        Value::Func(f) => {
            let name = vm.name(symbol);
            if &*name == "__qualname__" {
                if let Value::Str(s) = &value {
                    *f.qualname.borrow_mut() = s.clone();
                }
                return Ok(());
            }
            f.attrs.borrow_mut().set(symbol, value);
            Ok(())
        }
        other => attribute_error(vm, other, symbol),
    }
}

pub fn delattr(vm: &mut Vm, object: &Value, symbol: Symbol) -> Res<()> {
    if let Value::Object(o) = object {
        let hook = o.class.lookup(vm.sym("__delattr__"));
        if let Some(hook @ Value::Func(_)) = hook {
            let name = Value::Str(vm.name(symbol));
            vm.call_nested(hook, vec![object.clone(), name])?;
            return Ok(());
        }
    }
    generic_delattr(vm, object, symbol)
}

/// `object.__delattr__`: a property's deleter, a descriptor's `__delete__`, or the attribute
/// itself.
pub fn generic_delattr(vm: &mut Vm, object: &Value, symbol: Symbol) -> Res<()> {
    if let Value::Object(o) = object {
        if let Some(Value::Object(d)) = o.class.lookup(symbol) {
            if matches!(&*d.native.borrow(), Native::Property(..)) {
                let fdel = vm.sym("fdel");
                let deleter = d.attrs.borrow().get(fdel).cloned().unwrap_or(Value::None);
                if deleter.is_none() {
                    let (name, class) = (vm.name(symbol), o.class.name.clone());
                    return vm.err(
                        "AttributeError",
                        format!("property '{name}' of '{class}' object has no deleter"),
                    );
                }
                vm.call_nested(deleter, vec![object.clone()])?;
                return Ok(());
            }
            let delete = d.class.lookup(vm.sym("__delete__"));
            if let Some(delete) = delete {
                vm.call_nested(delete, vec![Value::Object(d.clone()), object.clone()])?;
                return Ok(());
            }
        }
    }
    let removed = match object {
        Value::Object(o) => o.attrs.borrow_mut().remove(symbol).is_some(),
        Value::Type(t) if t.builtin.is_none() => t.remove_attr(symbol).is_some(),
        Value::Module(m) => m.globals.borrow_mut().remove(&symbol).is_some(),
        Value::Func(f) => f.attrs.borrow_mut().remove(symbol).is_some(),
        _ => false,
    };
    if removed {
        Ok(())
    } else {
        attribute_error(vm, object, symbol)
    }
}

// ----- awaiting and exceptions --------------------------------------------------------------

/// What `await value` iterates: a coroutine itself, or the iterator its `__await__` returns.
pub fn get_awaitable(vm: &mut Vm, value: Value) -> Res<Value> {
    match &value {
        Value::Gen(g) if g.kind == GenKind::Coroutine => {
            if g.running.get() || (g.started.get() && g.frame.borrow().is_none()) {
                return vm.err("RuntimeError", "cannot reuse already awaited coroutine");
            }
            Ok(value)
        }
        Value::Object(o)
            if matches!(
                &*o.native.borrow(),
                Native::AsyncGenStep(_) | Native::AwaitOf(_)
            ) =>
        {
            match &*o.native.borrow() {
                Native::AsyncGenStep(gen) | Native::AwaitOf(gen) => Ok(Value::Gen(gen.clone())),
                _ => Ok(Value::None),
            }
        }
        _ => {
            let symbol = vm.symbols.await_;
            match lookup_special(vm, &value, symbol) {
                Some(method) => {
                    let iterator = vm.call_nested(method, vec![value.clone()])?;
                    match &iterator {
                        Value::Gen(g) if g.kind == GenKind::Coroutine => {
                            vm.type_error("__await__() returned a coroutine")
                        }
                        Value::Object(o) if matches!(&*o.native.borrow(), Native::AwaitOf(_)) => {
                            get_awaitable(vm, iterator.clone())
                        }
                        Value::Gen(_) | Value::Iter(_) => Ok(iterator),
                        other => {
                            let name = type_name(vm, other);
                            vm.type_error(format!(
                                "__await__() returned non-iterator of type '{name}'"
                            ))
                        }
                    }
                }
                None => {
                    let name = type_name(vm, &value);
                    vm.type_error(format!("object {name} can't be used in 'await' expression"))
                }
            }
        }
    }
}

/// `except class:` — whether `exc` is an instance of the class (or of one in a tuple).
pub fn exception_match(vm: &mut Vm, exc: &Value, class: &Value) -> Res<bool> {
    match class {
        Value::Type(t) if t.base == Base::Exception => Ok(vm.exception_matches(exc, t)),
        Value::Tuple(classes) => {
            for class in classes.iter() {
                if exception_match(vm, exc, class)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            vm.type_error("catching classes that do not inherit from BaseException is not allowed")
        }
    }
}

/// `isinstance(value, class)`.
pub fn isinstance(vm: &Vm, value: &Value, class: &Rc<Type>) -> bool {
    let own = type_of(vm, value);
    if own.is_subtype(class) {
        return true;
    }
    // bool is an int.
    matches!(value, Value::Bool(_)) && class.builtin == Some(Kind::Int)
}
