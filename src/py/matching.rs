//! `match` statements at run time: a case's pattern, as the compiler encodes it (a tuple tree,
//! `compile::encode_pattern`), tried against the subject; what it captures goes into slots the
//! compiler then stores in the case's names.
//!
//! The encoding, one tuple per pattern node, its first item a tag:
//! `(WILDCARD,)`, `(CAPTURE, slot)`, `(VALUE, value, identity)`,
//! `(SEQUENCE, (items…), star index or -1, star slot or -1)`,
//! `(MAPPING, (key values…), (patterns…), rest slot or -1)`,
//! `(CLASS, class value, (positional…), (keyword names…), (keyword patterns…))`,
//! `(OR, (alternatives…))`, `(AS, pattern, slot)`. Values (literals, dotted names, classes) are
//! indices into the values the case evaluated just before matching.

use std::rc::Rc;

use super::dict::Dict;
use super::ops;
use super::value::*;
use super::vm::{Res, Vm};

pub const WILDCARD: i64 = 0;
pub const CAPTURE: i64 = 1;
pub const VALUE: i64 = 2;
pub const SEQUENCE: i64 = 3;
pub const MAPPING: i64 = 4;
pub const CLASS: i64 = 5;
pub const OR: i64 = 6;
pub const AS: i64 = 7;

/// Whether `subject` matches `pattern`; captures are written to `slots`.
pub fn matches(
    vm: &mut Vm,
    subject: &Value,
    pattern: &Value,
    values: &[Value],
    slots: &mut [Value],
) -> Res<bool> {
    let node: &[Value] = match pattern {
        Value::Tuple(items) => items,
        _ => return Ok(false),
    };
    let int = |i: usize| match node.get(i) {
        Some(Value::Int(n)) => *n,
        _ => -1,
    };
    let items = |i: usize| -> &[Value] {
        match node.get(i) {
            Some(Value::Tuple(items)) => items,
            _ => &[],
        }
    };
    let value = |i: usize| values.get(int(i) as usize).cloned().unwrap_or(Value::None);
    match int(0) {
        WILDCARD => Ok(true),
        CAPTURE => {
            store(slots, int(1), subject.clone());
            Ok(true)
        }
        VALUE => {
            let expected = value(1);
            if int(2) == 1 {
                // None, True and False: compared by identity.
                return Ok(same_singleton(subject, &expected));
            }
            ops::eq(vm, subject, &expected)
        }
        SEQUENCE => {
            let Some(elements) = sequence_items(subject) else {
                return Ok(false);
            };
            let patterns = items(1);
            let star = int(2);
            if star < 0 {
                if elements.len() != patterns.len() {
                    return Ok(false);
                }
                for (element, pattern) in elements.iter().zip(patterns) {
                    if !matches(vm, element, pattern, values, slots)? {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
            let star = star as usize;
            let after = patterns.len() - star - 1;
            if elements.len() < star + after {
                return Ok(false);
            }
            for (element, pattern) in elements[..star].iter().zip(&patterns[..star]) {
                if !matches(vm, element, pattern, values, slots)? {
                    return Ok(false);
                }
            }
            let tail = elements.len() - after;
            for (element, pattern) in elements[tail..].iter().zip(&patterns[star + 1..]) {
                if !matches(vm, element, pattern, values, slots)? {
                    return Ok(false);
                }
            }
            store(slots, int(3), Value::list(elements[star..tail].to_vec()));
            Ok(true)
        }
        MAPPING => {
            // A dict subclass's instance matches as its dict.
            let base = base_of(subject);
            let Value::Dict(dict) = base.as_ref().unwrap_or(subject) else {
                return Ok(false);
            };
            let keys: Vec<Value> = items(1)
                .iter()
                .map(|k| match k {
                    Value::Int(i) => values.get(*i as usize).cloned().unwrap_or(Value::None),
                    _ => Value::None,
                })
                .collect();
            for (key, pattern) in keys.iter().zip(items(2)) {
                let Some(found) = ops::dict_get_shared(vm, dict, key)? else {
                    return Ok(false);
                };
                if !matches(vm, &found, pattern, values, slots)? {
                    return Ok(false);
                }
            }
            if int(3) >= 0 {
                let mut rest = Dict::new();
                let entries: Vec<(Value, Value)> = dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (key, item) in entries {
                    let mut taken = false;
                    for matched in &keys {
                        if ops::eq(vm, &key, matched)? {
                            taken = true;
                            break;
                        }
                    }
                    if !taken {
                        let hash = ops::hash(vm, &key)?;
                        rest.push(hash, key, item);
                    }
                }
                store(slots, int(3), Value::dict(rest));
            }
            Ok(true)
        }
        CLASS => class_matches(vm, subject, node, values, slots),
        OR => {
            for alternative in items(1) {
                if matches(vm, subject, alternative, values, slots)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        AS => {
            let inner = node.get(1).cloned().unwrap_or(Value::None);
            if !matches(vm, subject, &inner, values, slots)? {
                return Ok(false);
            }
            store(slots, int(2), subject.clone());
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn store(slots: &mut [Value], slot: i64, value: Value) {
    if let Some(place) = usize::try_from(slot).ok().and_then(|s| slots.get_mut(s)) {
        *place = value;
    }
}

fn same_singleton(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        _ => false,
    }
}

/// The items of a subject a sequence pattern can match: lists, tuples and ranges (not
/// strings, which CPython never matches as sequences).
fn sequence_items(subject: &Value) -> Option<Vec<Value>> {
    match subject {
        Value::List(list) => Some(list.borrow().clone()),
        Value::Tuple(items) => Some(items.to_vec()),
        Value::Range(r) => {
            let mut out = Vec::new();
            let mut i = r.start;
            while (r.step > 0 && i < r.stop) || (r.step < 0 && i > r.stop) {
                out.push(Value::Int(i));
                i += r.step;
            }
            Some(out)
        }
        // A list or tuple subclass's instance matches as its items.
        Value::Object(_) => base_of(subject)
            .filter(|base| matches!(base, Value::List(_) | Value::Tuple(_)))
            .and_then(|base| sequence_items(&base)),
        _ => None,
    }
}

/// Built-in classes whose one positional sub-pattern matches the subject itself (`int(n)`), and
/// their subclasses (which inherit that, as in CPython).
fn matches_itself(class: &Rc<Type>) -> bool {
    class.builtin == Some(Kind::Bool) || data_base_kind(class).is_some()
}

fn class_matches(
    vm: &mut Vm,
    subject: &Value,
    node: &[Value],
    values: &[Value],
    slots: &mut [Value],
) -> Res<bool> {
    let class = match node.get(1) {
        Some(Value::Int(i)) => values.get(*i as usize).cloned().unwrap_or(Value::None),
        _ => Value::None,
    };
    let Value::Type(class) = class else {
        return vm.type_error("called match pattern must be a class");
    };
    if !ops::isinstance(vm, subject, &class) {
        return Ok(false);
    }
    let tuple = |i: usize| -> Vec<Value> {
        match node.get(i) {
            Some(Value::Tuple(items)) => items.to_vec(),
            _ => Vec::new(),
        }
    };
    let positional = tuple(2);
    let mut names: Vec<Rc<str>> = Vec::new();
    if !positional.is_empty() {
        if matches_itself(&class) {
            if positional.len() > 1 {
                return vm.type_error(format!(
                    "{}() accepts 1 positional sub-pattern ({} given)",
                    class.name,
                    positional.len()
                ));
            }
            return matches(vm, subject, &positional[0], values, slots);
        }
        let symbol = vm.sym("__match_args__");
        let declared = match class.lookup(symbol) {
            Some(Value::Tuple(items)) => items.to_vec(),
            Some(Value::List(items)) => items.borrow().clone(),
            Some(_) => {
                return vm.type_error(format!("{}.__match_args__ must be a tuple", class.name))
            }
            None => Vec::new(),
        };
        if positional.len() > declared.len() {
            let n = declared.len();
            return vm.type_error(format!(
                "{}() accepts {n} positional sub-pattern{} ({} given)",
                class.name,
                if n == 1 { "" } else { "s" },
                positional.len()
            ));
        }
        for name in declared.iter().take(positional.len()) {
            match name {
                Value::Str(s) => names.push(s.clone()),
                _ => return vm.type_error("__match_args__ elements must be strings"),
            }
        }
    }
    for name in tuple(3) {
        if let Value::Str(s) = name {
            names.push(s);
        }
    }
    let patterns: Vec<Value> = positional.into_iter().chain(tuple(4)).collect();
    for (name, pattern) in names.iter().zip(&patterns) {
        let symbol = vm.sym(name);
        let attribute = match ops::getattr(vm, subject, symbol) {
            Ok(value) => value,
            Err(flow) => {
                if is_attribute_error(vm, &flow) {
                    return Ok(false);
                }
                return Err(flow);
            }
        };
        if !matches(vm, &attribute, pattern, values, slots)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn is_attribute_error(vm: &Vm, flow: &super::vm::Flow) -> bool {
    match flow {
        super::vm::Flow::Raise(exc) => {
            let class = vm.types.exception("AttributeError");
            ops::isinstance(vm, exc, &class)
        }
        _ => false,
    }
}
