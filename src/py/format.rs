//! Values as text, exactly as CPython writes them: `repr` and `str`, f-string and `format()`
//! specs, `%`-formatting, `str.format`, and tracebacks.

use std::fmt::Write;
use std::rc::Rc;

use super::ops::{self, type_name};
use super::value::*;
use super::vm::{Flow, Res, Vm, MAX_SIZE};
use crate::pyvalue::{float_repr, str_repr};

/// Where the interpreter's own Python code (the asyncio prelude) lives: its frames stay out of
/// tracebacks.
pub const PRELUDE_FILE: &str = "<asyncio>";

pub fn repr(vm: &mut Vm, value: &Value) -> Res<String> {
    let mut out = String::new();
    let mut seen = Vec::new();
    write_repr(vm, value, &mut out, &mut seen)?;
    Ok(out)
}

pub fn str_of(vm: &mut Vm, value: &Value) -> Res<String> {
    match value {
        Value::Str(s) => Ok(s.to_string()),
        Value::Object(o) => {
            let symbol = vm.symbols.str_;
            if let Some(method) = user_dunder(o, symbol) {
                return expect_str(vm, method, value, "__str__");
            }
            if o.class.base == Base::Exception {
                return exception_str(vm, value);
            }
            if let Some(base) = base_of(value) {
                if user_dunder(o, vm.symbols.repr).is_none() {
                    return str_of(vm, &base);
                }
            }
            repr(vm, value)
        }
        other => repr(vm, other),
    }
}

fn user_dunder(o: &Rc<Object>, symbol: Symbol) -> Option<Value> {
    o.class
        .lineage()
        .take_while(|t| t.builtin.is_none())
        .find_map(|t| t.dict.borrow().get(symbol).cloned())
}

/// `time.struct_time(tm_year=2026, …, tm_isdst=0)`.
fn write_struct_time(vm: &mut Vm, object: &Object, out: &mut String) -> Res<()> {
    out.push_str("time.struct_time(");
    for (i, name) in [
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
        "tm_isdst",
    ]
    .into_iter()
    .enumerate()
    {
        let symbol = vm.sym(name);
        let value = object
            .attrs
            .borrow()
            .get(symbol)
            .cloned()
            .unwrap_or(Value::None);
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{name}={}", repr(vm, &value)?);
    }
    out.push(')');
    Ok(())
}

fn expect_str(vm: &mut Vm, method: Value, value: &Value, what: &str) -> Res<String> {
    let result = vm.call_nested(method, vec![value.clone()])?;
    match result {
        Value::Str(s) => Ok(s.to_string()),
        other => {
            let name = type_name(vm, &other);
            vm.type_error(format!("{what} returned non-string (type {name})"))
        }
    }
}

/// `str(exception)`: its one argument, or the tuple of its arguments.
pub fn exception_str(vm: &mut Vm, exc: &Value) -> Res<String> {
    let args = super::builtins::exception_args(vm, exc);
    if vm.is_named(exc, "UnicodeError") {
        if let Some(text) = super::bytes::unicode_error_str(&args) {
            return Ok(text);
        }
    }
    if vm.is_named(exc, "OSError") {
        if let Some(text) = os_error_str(vm, exc, args.len())? {
            return Ok(text);
        }
    }
    let is_key_error = vm.is_named(exc, "KeyError");
    match args.as_slice() {
        [] => Ok(String::new()),
        [one] if is_key_error => repr(vm, one),
        [one] => str_of(vm, one),
        many => repr(vm, &Value::tuple(many.to_vec())),
    }
}

/// `[Errno 2] No such file or directory: 'data.txt'`: an OSError with an error number (made
/// with two to five arguments) or a filename; None for one shown as any exception.
fn os_error_str(vm: &mut Vm, exc: &Value, arg_count: usize) -> Res<Option<String>> {
    let mut field = |name: &str| {
        let symbol = vm.sym(name);
        super::ops::getattr(vm, exc, symbol).unwrap_or(Value::None)
    };
    let [errno, strerror, filename, filename2] =
        ["errno", "strerror", "filename", "filename2"].map(&mut field);
    let mut text = format!("[Errno {}] {}", str_of(vm, &errno)?, str_of(vm, &strerror)?);
    if !filename.is_none() {
        text = format!("{text}: {}", repr(vm, &filename)?);
        if !filename2.is_none() {
            text = format!("{text} -> {}", repr(vm, &filename2)?);
        }
    } else if !(2..=5).contains(&arg_count) {
        return Ok(None);
    }
    Ok(Some(text))
}

/// `BaseException.__repr__`: the class's name and its arguments (`ValueError('x')`).
pub fn exception_repr(vm: &mut Vm, exc: &Rc<Object>) -> Res<String> {
    let mut out = String::new();
    write_exception_repr(vm, exc, &mut out, &mut Vec::new())?;
    Ok(out)
}

fn write_exception_repr(
    vm: &mut Vm,
    exc: &Rc<Object>,
    out: &mut String,
    seen: &mut Vec<usize>,
) -> Res<()> {
    let args = super::builtins::exception_args(vm, &Value::Object(exc.clone()));
    out.push_str(&exc.class.name);
    if args.len() == 1 {
        out.push('(');
        write_repr(vm, &args[0], out, seen)?;
        out.push(')');
    } else {
        write_repr(vm, &Value::tuple(args), out, seen)?;
    }
    Ok(())
}

fn write_repr(vm: &mut Vm, value: &Value, out: &mut String, seen: &mut Vec<usize>) -> Res<()> {
    if out.len() > MAX_SIZE {
        return vm.err("MemoryError", "");
    }
    match value {
        Value::Undefined => out.push_str("<undefined>"),
        Value::None => out.push_str("None"),
        Value::NotImplemented => out.push_str("NotImplemented"),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Big(b) => {
            let digits = b.to_decimal();
            if digits.len() > 4300 {
                return vm.err(
                    "ValueError",
                    "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                );
            }
            out.push_str(&digits);
        }
        Value::Float(f) => out.push_str(&float_repr(*f)),
        Value::Str(s) => out.push_str(&str_repr(s)),
        Value::Bytes(b) => out.push_str(&super::bytes::repr(b)),
        Value::List(items) => {
            let id = value.id();
            if seen.contains(&id) {
                out.push_str("[...]");
                return Ok(());
            }
            seen.push(id);
            let items = items.borrow().clone();
            out.push('[');
            write_items(vm, &items, out, seen)?;
            out.push(']');
            seen.pop();
        }
        Value::Tuple(items) => {
            out.push('(');
            write_items(vm, items, out, seen)?;
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Value::Dict(d) => {
            let id = value.id();
            if seen.contains(&id) {
                out.push_str("{...}");
                return Ok(());
            }
            seen.push(id);
            let pairs: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            out.push('{');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(vm, k, out, seen)?;
                out.push_str(": ");
                write_repr(vm, v, out, seen)?;
            }
            out.push('}');
            seen.pop();
        }
        Value::Set(s) => {
            let items = ops::set_items(vm, s);
            if items.is_empty() {
                out.push_str(if s.frozen { "frozenset()" } else { "set()" });
                return Ok(());
            }
            if s.frozen {
                out.push_str("frozenset(");
            }
            out.push('{');
            write_items(vm, &items, out, seen)?;
            out.push('}');
            if s.frozen {
                out.push(')');
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                let _ = write!(out, "range({}, {})", r.start, r.stop);
            } else {
                let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
            }
        }
        Value::Slice(s) => {
            out.push_str("slice(");
            write_items(vm, &s[..], out, seen)?;
            out.push(')');
        }
        Value::Func(f) => {
            let _ = write!(
                out,
                "<function {} at {:#x}>",
                f.qualname.borrow(),
                value.id()
            );
        }
        Value::Builtin(b) => match &b.receiver {
            Value::None | Value::Undefined => {
                let _ = write!(out, "<built-in function {}>", b.name);
            }
            receiver => {
                let name = type_name(vm, receiver);
                let _ = write!(
                    out,
                    "<built-in method {} of {name} object at {:#x}>",
                    b.name,
                    receiver.id()
                );
            }
        },
        Value::Method(m) => {
            let name = match &m.0 {
                Value::Func(f) => f.qualname.borrow().clone(),
                Value::Builtin(b) => b.name.clone(),
                _ => "?".into(),
            };
            out.push_str("<bound method ");
            out.push_str(&name);
            out.push_str(" of ");
            write_repr(vm, &m.1.clone(), out, seen)?;
            out.push('>');
        }
        Value::Type(t) if super::ops::meta_method(t, vm.symbols.repr).is_some() => {
            let method = super::ops::meta_method(t, vm.symbols.repr).unwrap_or(Value::None);
            out.push_str(&expect_str(vm, method, value, "__repr__")?);
        }
        Value::Type(t) => {
            if t.builtin.is_some() && &*t.module == "builtins" {
                let _ = write!(out, "<class '{}'>", t.name);
            } else {
                let _ = write!(out, "<class '{}.{}'>", t.module, t.qualname);
            }
        }
        Value::Object(o) => {
            let symbol = vm.symbols.repr;
            if let Some(method) = user_dunder(o, symbol) {
                let id = value.id();
                if seen.contains(&id) {
                    out.push_str("...");
                    return Ok(());
                }
                seen.push(id);
                let text = expect_str(vm, method, value, "__repr__");
                seen.pop();
                out.push_str(&text?);
                return Ok(());
            }
            if let Some(base) = base_of(value) {
                return write_repr(vm, &base, out, seen);
            }
            if &*o.class.name == "struct_time"
                && Rc::ptr_eq(&o.class, &vm.types.named("struct_time"))
            {
                return write_struct_time(vm, o, out);
            }
            if o.class.base == Base::Exception {
                return write_exception_repr(vm, o, out, seen);
            }
            let view = match &*o.native.borrow() {
                Native::DictView(d, view) => Some((d.clone(), *view)),
                _ => None,
            };
            if let Some((dict, view)) = view {
                let items: Vec<Value> = dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| match view {
                        DictView::Keys => k.clone(),
                        DictView::Values => v.clone(),
                        DictView::Items => Value::tuple(vec![k.clone(), v.clone()]),
                    })
                    .collect();
                out.push_str(&o.class.name);
                out.push_str("([");
                write_items(vm, &items, out, seen)?;
                out.push_str("])");
                return Ok(());
            }
            // Built-in classes written in the prelude (`Task`, `Future`…) have a `_repr`.
            let symbol = vm.sym("_repr_info");
            if let Some(method) = o.class.lookup(symbol) {
                let text = expect_str(vm, method, value, "_repr_info")?;
                out.push_str(&text);
                return Ok(());
            }
            let module = &o.class.module;
            if &**module == "builtins" {
                let _ = write!(out, "<{} object at {:#x}>", o.class.qualname, value.id());
            } else {
                let _ = write!(
                    out,
                    "<{}.{} object at {:#x}>",
                    module,
                    o.class.qualname,
                    value.id()
                );
            }
        }
        Value::Gen(g) => {
            let what = match g.kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            let _ = write!(out, "<{what} object {} at {:#x}>", g.qualname, value.id());
        }
        Value::Iter(iter) => {
            let name = ops::iter_type_name(&iter.borrow());
            let _ = write!(out, "<{name} object at {:#x}>", value.id());
        }
        Value::Module(m) => {
            if &*m.name == "builtins"
                || &*m.name == "sys"
                || &*m.name == "time"
                || &*m.name == "math"
            {
                let _ = write!(out, "<module '{}' (built-in)>", m.name);
            } else {
                let _ = write!(out, "<module '{}'>", m.name);
            }
        }
        Value::Cell(_) => {
            let _ = write!(out, "<cell at {:#x}>", value.id());
        }
        Value::Code(c) => {
            let _ = write!(
                out,
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name,
                value.id(),
                c.filename,
                c.first_line
            );
        }
    }
    Ok(())
}

fn write_items(vm: &mut Vm, items: &[Value], out: &mut String, seen: &mut Vec<usize>) -> Res<()> {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(vm, item, out, seen)?;
    }
    Ok(())
}

/// A value as a call's argument in a timeline label, without running Python code.
pub fn short_repr(value: &Value) -> String {
    match value {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Big(b) => b.to_decimal(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => {
            if s.chars().count() > 24 {
                let cut: String = s.chars().take(21).collect();
                format!("{}…", str_repr(&cut).trim_end_matches(['\'', '"']))
            } else {
                str_repr(s)
            }
        }
        Value::List(items) => {
            let items = items.borrow();
            if items.is_empty() {
                "[]".into()
            } else if items.len() <= 3 {
                let inner: Vec<String> = items.iter().map(short_repr).collect();
                format!("[{}]", inner.join(", "))
            } else {
                format!("[{}, …]", short_repr(&items[0]))
            }
        }
        Value::Tuple(items) => {
            let inner: Vec<String> = items.iter().take(3).map(short_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else if items.len() > 3 {
                format!("({}, …)", inner.join(", "))
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Value::Dict(d) => if d.borrow().is_empty() { "{}" } else { "{…}" }.into(),
        Value::Func(f) => f.code.name.to_string(),
        Value::Gen(g) => format!("{}()", g.code.name),
        Value::Object(o) => match &*o.native.borrow() {
            Native::Exception(_) => format!("{}(…)", o.class.name),
            _ => format!("<{}>", o.class.name),
        },
        Value::Type(t) => t.name.to_string(),
        _ => "…".into(),
    }
}

// ----- format specs ---------------------------------------------------------------------------

/// An f-string replacement field: `!s`/`!r`/`!a` conversion, then the format spec.
pub fn format_value(vm: &mut Vm, value: Value, conversion: u8, spec: Option<Value>) -> Res<String> {
    let value = match conversion {
        1 => Value::Str(str_of(vm, &value)?.into()),
        2 => Value::Str(repr(vm, &value)?.into()),
        3 => Value::Str(ascii(&repr(vm, &value)?).into()),
        _ => value,
    };
    let spec = match spec {
        Some(Value::Str(s)) => s,
        _ => "".into(),
    };
    format(vm, &value, &spec)
}

/// `ascii()`: a repr with every non-ASCII character escaped.
pub fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(c);
        } else if code < 0x100 {
            let _ = write!(out, "\\x{code:02x}");
        } else if code < 0x10000 {
            let _ = write!(out, "\\u{code:04x}");
        } else {
            let _ = write!(out, "\\U{code:08x}");
        }
    }
    out
}

/// `format(value, spec)`.
pub fn format(vm: &mut Vm, value: &Value, spec: &str) -> Res<String> {
    if spec.is_empty() {
        return str_of(vm, value);
    }
    if let Value::Object(o) = value {
        let symbol = vm.sym("__format__");
        if let Some(method) = user_dunder(o, symbol) {
            let result = vm.call_nested(method, vec![value.clone(), Value::Str(spec.into())])?;
            return match result {
                Value::Str(s) => Ok(s.to_string()),
                _ => vm.type_error("__format__ must return a str"),
            };
        }
    }
    if let Some(base) = base_of(value) {
        return format(vm, &base, spec);
    }
    let parsed = match Spec::parse(spec) {
        Some(parsed) => parsed,
        None => return vm.err("ValueError", "Invalid format specifier"),
    };
    match value {
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => format_int(vm, value, &parsed, spec),
        Value::Float(f) => format_float(vm, *f, &parsed, spec),
        Value::Str(s) => format_str(vm, s, &parsed, spec, "str"),
        other => {
            let name = type_name(vm, other);
            vm.type_error(format!(
                "unsupported format string passed to {name}.__format__"
            ))
        }
    }
}

#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

impl Spec {
    fn parse(spec: &str) -> Option<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut s = Spec::default();
        let mut i = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        if chars.len() >= 2 && is_align(chars[1]) {
            s.fill = Some(chars[0]);
            s.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            s.align = Some(chars[0]);
            i = 1;
        }
        if let Some(&c) = chars.get(i) {
            if matches!(c, '+' | '-' | ' ') {
                s.sign = Some(c);
                i += 1;
            }
        }
        if chars.get(i) == Some(&'z') {
            i += 1;
        }
        if chars.get(i) == Some(&'#') {
            s.alternate = true;
            i += 1;
        }
        if chars.get(i) == Some(&'0') {
            s.zero = true;
            i += 1;
        }
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i > start {
            s.width = chars[start..i].iter().collect::<String>().parse().ok()?;
        }
        if let Some(&c) = chars.get(i) {
            if c == ',' || c == '_' {
                s.grouping = Some(c);
                i += 1;
            }
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            let start = i;
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
            s.precision = Some(chars[start..i].iter().collect::<String>().parse().ok()?);
        }
        if let Some(&c) = chars.get(i) {
            s.kind = Some(c);
            i += 1;
        }
        if i != chars.len() {
            return None;
        }
        Some(s)
    }
}

fn pad(body: &str, sign: &str, spec: &Spec, default_align: char) -> String {
    let (fill, align) = if spec.zero && spec.align.is_none() {
        ('0', '=')
    } else {
        (
            spec.fill.unwrap_or(' '),
            spec.align.unwrap_or(default_align),
        )
    };
    let len = body.chars().count() + sign.chars().count();
    if len >= spec.width {
        return format!("{sign}{body}");
    }
    let padding = spec.width - len;
    let fills = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", fills(padding)),
        '^' => format!(
            "{}{sign}{body}{}",
            fills(padding / 2),
            fills(padding - padding / 2)
        ),
        '=' => format!("{sign}{}{body}", fills(padding)),
        _ => format!("{}{sign}{body}", fills(padding)),
    }
}

fn group_digits(digits: &str, separator: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % every == 0 {
            out.push(separator);
        }
        out.push(*c);
    }
    out
}

fn sign_of(negative: bool, spec: &Spec) -> &'static str {
    match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_int(vm: &mut Vm, value: &Value, spec: &Spec, raw: &str) -> Res<String> {
    let big = match value {
        Value::Int(i) => super::bigint::BigInt::from_i64(*i),
        Value::Bool(b) => super::bigint::BigInt::from_i64(i64::from(*b)),
        Value::Big(b) => (**b).clone(),
        _ => super::bigint::BigInt::zero(),
    };
    match spec.kind {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = ops::to_f64(vm, value)?;
            return format_float(vm, f, spec, raw);
        }
        Some('s') => {
            let name = type_name(vm, value);
            return vm.err(
                "ValueError",
                format!("Unknown format code 's' for object of type '{name}'"),
            );
        }
        _ => {}
    }
    if spec.precision.is_some() {
        return vm.err(
            "ValueError",
            "Precision not allowed in integer format specifier",
        );
    }
    let negative = big.is_negative();
    let magnitude = big.abs();
    let (digits, prefix) = match spec.kind {
        None | Some('d') | Some('n') => (magnitude.to_decimal(), ""),
        Some('c') => {
            let code = big.to_i64().unwrap_or(-1);
            let c = u32::try_from(code).ok().and_then(char::from_u32);
            return match c {
                Some(c) => Ok(pad(&c.to_string(), "", spec, '<')),
                None => vm.err("OverflowError", "%c arg not in range(0x110000)"),
            };
        }
        Some(kind @ ('x' | 'X' | 'o' | 'b')) => {
            let radix = match kind {
                'x' | 'X' => 16,
                'o' => 8,
                _ => 2,
            };
            let mut text = to_radix(&magnitude, radix);
            if kind == 'X' {
                text = text.to_uppercase();
            }
            let prefix = if spec.alternate {
                match kind {
                    'x' => "0x",
                    'X' => "0X",
                    'o' => "0o",
                    _ => "0b",
                }
            } else {
                ""
            };
            (text, prefix)
        }
        Some(other) => {
            let name = type_name(vm, value);
            return vm.err(
                "ValueError",
                format!("Unknown format code '{other}' for object of type '{name}'"),
            );
        }
    };
    let digits = match spec.grouping {
        Some(sep) => {
            let every = if matches!(spec.kind, Some('x' | 'X' | 'o' | 'b')) {
                4
            } else {
                3
            };
            group_digits(&digits, sep, every)
        }
        None => digits,
    };
    let sign = format!("{}{prefix}", sign_of(negative, spec));
    Ok(pad(&digits, &sign, spec, '>'))
}

fn to_radix(big: &super::bigint::BigInt, radix: u32) -> String {
    if let Some(i) = big.to_i64() {
        return match radix {
            16 => format!("{i:x}"),
            8 => format!("{i:o}"),
            _ => format!("{i:b}"),
        };
    }
    let bits = match radix {
        16 => 4,
        8 => 3,
        _ => 1,
    };
    let words = big.magnitude_words();
    let total = words.len() * 32;
    let bit = |i: usize| (words[i / 32] >> (i % 32)) & 1;
    let mut out = String::new();
    let mut i = total.div_ceil(bits) * bits;
    while i > 0 {
        i -= bits;
        let mut digit = 0;
        for b in (0..bits).rev() {
            let at = i + b;
            digit = digit * 2 + if at < total { bit(at) } else { 0 };
        }
        if !(out.is_empty() && digit == 0) {
            out.push(char::from_digit(digit, radix).unwrap_or('0'));
        }
    }
    if out.is_empty() {
        out.push('0');
    }
    out
}

/// `x` in scientific notation with `precision` digits after the point, exponent as Python
/// writes it (`e+05`).
pub fn exp_format(x: f64, precision: usize, upper: bool) -> String {
    let text = format!("{:.*e}", precision, x);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{mantissa}{e}{}{:02}",
        if exponent < 0 { '-' } else { '+' },
        exponent.abs()
    )
}

/// Python's `'g'` format (and repr-like formats with a precision).
pub fn general_format(
    x: f64,
    precision: usize,
    alternate: bool,
    upper: bool,
    at_least_one_decimal: bool,
) -> String {
    let p = precision.max(1);
    if x == 0.0 {
        let base = if alternate {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
        let base = if at_least_one_decimal && !base.contains('.') {
            format!("{base}.0")
        } else {
            base
        };
        let base = if alternate && !base.contains('.') {
            format!("{base}.")
        } else {
            base
        };
        return if x.is_sign_negative() {
            format!("-{base}")
        } else {
            base
        };
    }
    let scientific = format!("{:.*e}", p - 1, x);
    let exponent: i32 = scientific
        .split_once('e')
        .map_or(0, |(_, e)| e.parse().unwrap_or(0));
    let mut out = if exponent >= -4 && exponent < p as i32 {
        let decimals = (p as i32 - 1 - exponent).max(0) as usize;
        let fixed = format!("{:.*}", decimals, x);
        if alternate {
            fixed
        } else {
            strip_zeros(&fixed)
        }
    } else {
        let text = exp_format(x, p - 1, upper);
        if alternate {
            text
        } else {
            let (mantissa, exp) = text.split_once(['e', 'E']).unwrap_or((&text, ""));
            format!(
                "{}{}{exp}",
                strip_zeros(mantissa),
                if upper { 'E' } else { 'e' }
            )
        }
    };
    if at_least_one_decimal && !out.contains(['.', 'e', 'E', 'n', 'i']) {
        out.push_str(".0");
    }
    // The alternate form always has a decimal point (`255.`, `3.e+02`).
    if alternate && !out.contains('.') {
        let at = out.find(['e', 'E']).unwrap_or(out.len());
        out.insert(at, '.');
    }
    out
}

fn strip_zeros(text: &str) -> String {
    if !text.contains('.') {
        return text.to_owned();
    }
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn format_float(vm: &mut Vm, x: f64, spec: &Spec, _raw: &str) -> Res<String> {
    if let Some(other) = spec
        .kind
        .filter(|k| !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n'))
    {
        return vm.err(
            "ValueError",
            format!("Unknown format code '{other}' for object of type 'float'"),
        );
    }
    let negative = x.is_sign_negative() && !x.is_nan();
    let magnitude = x.abs();
    let upper = matches!(spec.kind, Some('E' | 'F' | 'G'));
    let mut body = if !magnitude.is_finite() {
        let text = if magnitude.is_nan() { "nan" } else { "inf" };
        let text = if upper {
            text.to_uppercase()
        } else {
            text.to_owned()
        };
        if spec.kind == Some('%') {
            format!("{text}%")
        } else {
            text
        }
    } else {
        match spec.kind {
            Some('f' | 'F') => format!("{:.*}", spec.precision.unwrap_or(6), magnitude),
            Some('e' | 'E') => exp_format(magnitude, spec.precision.unwrap_or(6), upper),
            Some('g' | 'G') => general_format(
                magnitude,
                spec.precision.unwrap_or(6),
                spec.alternate,
                upper,
                false,
            ),
            Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), magnitude * 100.0),
            None => match spec.precision {
                Some(p) => general_format(magnitude, p, spec.alternate, false, true),
                None => float_repr(magnitude),
            },
            // `n`: every other code was refused at the top.
            Some(_) => general_format(
                magnitude,
                spec.precision.unwrap_or(6),
                spec.alternate,
                false,
                false,
            ),
        }
    };
    if spec.alternate && matches!(spec.kind, Some('f' | 'F' | 'e' | 'E')) && !body.contains('.') {
        let split = body.find(['e', 'E', '%']).unwrap_or(body.len());
        body.insert(split, '.');
    }
    if let Some(sep) = spec.grouping {
        let end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let grouped = group_digits(&body[..end], sep, 3);
        body = format!("{grouped}{}", &body[end..]);
    }
    Ok(pad(&body, sign_of(negative, spec), spec, '>'))
}

fn format_str(vm: &mut Vm, s: &str, spec: &Spec, _raw: &str, type_name: &str) -> Res<String> {
    match spec.kind {
        None | Some('s') => {}
        Some(other) => {
            return vm.err(
                "ValueError",
                format!("Unknown format code '{other}' for object of type '{type_name}'"),
            );
        }
    }
    match spec.sign {
        Some(' ') => return vm.err("ValueError", "Space not allowed in string format specifier"),
        Some(_) => return vm.err("ValueError", "Sign not allowed in string format specifier"),
        None => {}
    }
    if spec.align == Some('=') {
        return vm.err(
            "ValueError",
            "'=' alignment not allowed in string format specifier",
        );
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_owned(),
    };
    Ok(pad(&text, "", spec, '<'))
}

// ----- %-formatting -----------------------------------------------------------------------------

/// `format % args`.
pub fn percent_format(vm: &mut Vm, format: &str, args: &Value) -> Res<String> {
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(items) => (items.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        other => (vec![other.clone()], None),
    };
    let mut next = 0;
    let mut out = String::new();
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return vm.err("ValueError", "incomplete format key");
            }
            key = Some(chars[start..j - 1].iter().collect::<String>());
            i = j;
        }
        let mut spec = Spec::default();
        while let Some(&flag) = chars.get(i) {
            match flag {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut take_arg = |vm: &mut Vm| -> Res<Value> {
            if let (Some(key), Some(mapping)) = (&key, &mapping) {
                return ops::subscript(vm, mapping.clone(), Value::Str(key.as_str().into()));
            }
            match items.get(next) {
                Some(v) => {
                    next += 1;
                    Ok(v.clone())
                }
                None => vm.type_error("not enough arguments for format string"),
            }
        };
        if chars.get(i) == Some(&'*') {
            i += 1;
            let width = take_arg(vm)?;
            spec.width = ops::index_of(vm, &width)?.max(0) as usize;
        } else {
            let start = i;
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            if i > start {
                spec.width = chars[start..i]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
            }
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            let start = i;
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            spec.precision = Some(
                chars[start..i]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0),
            );
        }
        let Some(&kind) = chars.get(i) else {
            return vm.err("ValueError", "incomplete format");
        };
        i += 1;
        if spec.align == Some('<') {
            spec.zero = false;
        }
        if kind == '%' {
            out.push('%');
            continue;
        }
        let value = take_arg(vm)?;
        let text = match kind {
            's' | 'r' | 'a' => {
                let text = if kind == 's' {
                    str_of(vm, &value)?
                } else {
                    repr(vm, &value)?
                };
                let text: String = match spec.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                spec.zero = false;
                pad(&text, "", &spec, '>')
            }
            'd' | 'i' | 'u' => {
                let int = match &value {
                    Value::Float(f) => super::builtins::float_to_int(vm, *f)?,
                    Value::Int(_) | Value::Big(_) | Value::Bool(_) => value.clone(),
                    other => {
                        let name = type_name(vm, other);
                        return vm.type_error(format!(
                            "%{kind} format: a real number is required, not {name}"
                        ));
                    }
                };
                spec.kind = Some('d');
                let precision = spec.precision.take();
                let text = format_int(vm, &int, &spec, "")?;
                let _ = precision;
                text
            }
            'x' | 'X' | 'o' => {
                if !matches!(value, Value::Int(_) | Value::Big(_) | Value::Bool(_)) {
                    let name = type_name(vm, &value);
                    return vm.type_error(format!(
                        "%{kind} format: an integer is required, not {name}"
                    ));
                }
                spec.kind = Some(kind);
                format_int(vm, &value, &spec, "")?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = match &value {
                    Value::Int(_) | Value::Big(_) | Value::Bool(_) | Value::Float(_) => {
                        ops::to_f64(vm, &value)?
                    }
                    other => {
                        let name = type_name(vm, other);
                        return vm.type_error(format!("must be real number, not {name}"));
                    }
                };
                spec.kind = Some(kind);
                if spec.precision.is_none() {
                    spec.precision = Some(6);
                }
                format_float(vm, f, &spec, "")?
            }
            'c' => match &value {
                Value::Str(s) if s.chars().count() == 1 => pad(s, "", &spec, '>'),
                Value::Int(code) => match u32::try_from(*code).ok().and_then(char::from_u32) {
                    Some(c) => pad(&c.to_string(), "", &spec, '>'),
                    None => return vm.err("OverflowError", "%c arg not in range(0x110000)"),
                },
                _ => return vm.type_error("%c requires int or char"),
            },
            other => {
                return vm.err(
                    "ValueError",
                    format!(
                        "unsupported format character '{other}' ({:#x}) at index {}",
                        other as u32,
                        i - 1
                    ),
                );
            }
        };
        out.push_str(&text);
        if out.len() > MAX_SIZE {
            return vm.err("MemoryError", "");
        }
    }
    if mapping.is_none() && next < items.len() && matches!(args, Value::Tuple(_)) {
        return vm.type_error("not all arguments converted during string formatting");
    }
    // As CPython: a lone argument that can be subscripted (a list, a range, a mapping) is taken
    // for a mapping, and left unused without complaint.
    let subscriptable = match args {
        Value::List(_) | Value::Range(_) | Value::Dict(_) => true,
        Value::Object(o) => o.class.lookup(vm.symbols.getitem).is_some(),
        _ => false,
    };
    if mapping.is_none()
        && next == 0
        && !items.is_empty()
        && !matches!(args, Value::Tuple(_))
        && !subscriptable
    {
        return vm.type_error("not all arguments converted during string formatting");
    }
    Ok(out)
}

// ----- str.format -------------------------------------------------------------------------------

/// `template.format(*args, **kwargs)`.
pub fn format_method(
    vm: &mut Vm,
    template: &str,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> Res<String> {
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut manual = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return vm.err("ValueError", "Single '}' encountered in format string");
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // A replacement field: up to the matching brace (specs may nest one level).
        let start = i + 1;
        let mut depth = 1;
        let mut j = start;
        while j < chars.len() {
            match chars[j] {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return vm.err("ValueError", "Single '{' encountered in format string");
        }
        let field: String = chars[start..j].iter().collect();
        i = j + 1;
        let (name_part, spec) = match field.find(':') {
            Some(at) => (&field[..at], &field[at + 1..]),
            None => (&field[..], ""),
        };
        let (name, conversion) = match name_part.find('!') {
            Some(at) => (&name_part[..at], Some(&name_part[at + 1..])),
            None => (name_part, None),
        };
        // The first part of the name: an index, a keyword, or nothing (automatic numbering).
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut value = if first.is_empty() {
            if manual {
                return vm.err(
                    "ValueError",
                    "cannot switch from manual field specification to automatic field numbering",
                );
            }
            let index = auto;
            auto += 1;
            match args.get(index) {
                Some(v) => v.clone(),
                None => {
                    return vm.err(
                        "IndexError",
                        format!("Replacement index {index} out of range for positional args tuple"),
                    )
                }
            }
        } else if let Ok(index) = first.parse::<usize>() {
            if auto > 0 {
                return vm.err(
                    "ValueError",
                    "cannot switch from automatic field numbering to manual field specification",
                );
            }
            manual = true;
            match args.get(index) {
                Some(v) => v.clone(),
                None => {
                    return vm.err(
                        "IndexError",
                        format!("Replacement index {index} out of range for positional args tuple"),
                    )
                }
            }
        } else {
            match kwargs.iter().find(|(k, _)| &**k == first) {
                Some((_, v)) => v.clone(),
                None => return Err(Flow::Raise(ops::key_error(vm, Value::Str(first.into())))),
            }
        };
        // Then attributes and indexes.
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('.') {
                let end = after.find(['.', '[']).unwrap_or(after.len());
                let symbol = vm.sym(&after[..end]);
                value = ops::getattr(vm, &value, symbol)?;
                rest = &after[end..];
            } else if let Some(after) = rest.strip_prefix('[') {
                let end = after.find(']').unwrap_or(after.len());
                let key = &after[..end];
                let key = match key.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::Str(key.into()),
                };
                value = ops::subscript(vm, value, key)?;
                rest = after.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let value = match conversion {
            Some("r") | Some("a") => Value::Str(repr(vm, &value)?.into()),
            Some("s") => Value::Str(str_of(vm, &value)?.into()),
            Some(other) => {
                return vm.err(
                    "ValueError",
                    format!("Unknown conversion specifier {other}"),
                );
            }
            None => value,
        };
        // A nested field in the spec (`{:{width}}`).
        let spec = if spec.contains('{') {
            format_method(vm, spec, &args[auto.min(args.len())..], kwargs)?
        } else {
            spec.to_owned()
        };
        out.push_str(&format(vm, &value, &spec)?);
        if out.len() > MAX_SIZE {
            return vm.err("MemoryError", "");
        }
    }
    Ok(out)
}

// ----- tracebacks --------------------------------------------------------------------------------

/// An uncaught exception as CPython prints it, its causes and contexts first.
pub fn traceback_text(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    write_chain(vm, exc, &mut out, &mut seen, "");
    out
}

fn exception_data(exc: &Value) -> ExceptionData {
    match exc {
        Value::Object(o) => match &*o.native.borrow() {
            Native::Exception(data) => data.clone(),
            _ => ExceptionData::default(),
        },
        _ => ExceptionData::default(),
    }
}

fn write_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>, margin: &str) {
    seen.push(exc.id());
    let data = exception_data(exc);
    if let Some(cause) = &data.cause {
        if !seen.contains(&cause.id()) {
            write_chain(vm, cause, out, seen, margin);
            let _ = write!(out, "{margin}\n{margin}The above exception was the direct cause of the following exception:\n{margin}\n");
        }
    } else if let (Some(context), false) = (&data.context, data.suppress_context) {
        if !seen.contains(&context.id()) {
            write_chain(vm, context, out, seen, margin);
            let _ = write!(out, "{margin}\n{margin}During handling of the above exception, another exception occurred:\n{margin}\n");
        }
    }
    write_one(vm, exc, &data, out, margin);
}

fn write_one(vm: &mut Vm, exc: &Value, data: &ExceptionData, out: &mut String, margin: &str) {
    let group = exception_group_members(vm, exc);
    let frames: Vec<&TracebackEntry> = data
        .traceback
        .iter()
        .filter(|e| &*e.filename != PRELUDE_FILE)
        .collect();
    if let Some(members) = group {
        let inner = format!("{margin}  | ");
        let _ = writeln!(
            out,
            "{margin}  + Exception Group Traceback (most recent call last):"
        );
        write_frames(vm, &frames, out, &inner);
        let _ = writeln!(out, "{inner}{}", last_line(vm, exc));
        write_notes(vm, exc, out, &inner);
        let count = members.len();
        for (i, member) in members.iter().enumerate() {
            let header = if i == 0 {
                format!("{margin}  +-+")
            } else {
                format!("{margin}    +")
            };
            let _ = writeln!(out, "{header}---------------- {} ----------------", i + 1);
            let mut seen = Vec::new();
            let mut text = String::new();
            write_chain(vm, member, &mut text, &mut seen, "");
            for line in text.lines() {
                let _ = writeln!(out, "{margin}    | {line}");
            }
            let _ = i;
            let _ = count;
        }
        let _ = writeln!(out, "{margin}    +------------------------------------");
        return;
    }
    // CPython prints the header for any traceback, even one of its library's frames alone.
    if !data.traceback.is_empty() {
        let _ = writeln!(out, "{margin}Traceback (most recent call last):");
        write_frames(vm, &frames, out, margin);
    }
    let _ = writeln!(out, "{margin}{}", last_line(vm, exc));
    write_notes(vm, exc, out, margin);
}

/// `ValueError: message`, then each line of the exception's notes, as a traceback ends.
pub fn exception_only(vm: &mut Vm, exc: &Value) -> Vec<String> {
    let mut lines = vec![format!("{}\n", last_line(vm, exc))];
    lines.extend(note_lines(vm, exc));
    lines
}

fn write_notes(vm: &mut Vm, exc: &Value, out: &mut String, margin: &str) {
    for line in note_lines(vm, exc) {
        out.push_str(margin);
        out.push_str(&line);
    }
}

/// The notes `add_note` gave an exception, as Python 3.11 prints them under its last line:
/// each item's `str()` of a sequence `__notes__` (a string's characters too), line by line;
/// anything else as its repr, without a newline.
fn note_lines(vm: &mut Vm, exc: &Value) -> Vec<String> {
    let symbol = vm.sym("__notes__");
    let Ok(notes) = ops::getattr(vm, exc, symbol) else {
        return Vec::new();
    };
    match &notes {
        Value::None => Vec::new(),
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => {
            let items = ops::collect(vm, notes.clone()).unwrap_or_default();
            let mut lines = Vec::new();
            for note in &items {
                let text = str_of(vm, note).unwrap_or_else(|_| "<note str() failed>".into());
                lines.extend(text.split('\n').map(|line| format!("{line}\n")));
            }
            lines
        }
        other => vec![repr(vm, other).unwrap_or_else(|_| "<__notes__ repr() failed>".into())],
    }
}

/// The lines of these frames in a traceback (`traceback.format_tb`).
pub fn frames_text(vm: &Vm, entries: &[TracebackEntry]) -> String {
    let frames: Vec<&TracebackEntry> = entries
        .iter()
        .filter(|e| &*e.filename != PRELUDE_FILE)
        .collect();
    let mut out = String::new();
    write_frames(vm, &frames, &mut out, "");
    out
}

fn write_frames(vm: &Vm, frames: &[&TracebackEntry], out: &mut String, margin: &str) {
    // CPython folds a run of the same frame repeated more than three times.
    let mut i = 0;
    while i < frames.len() {
        let entry = frames[i];
        let mut run = 1;
        while i + run < frames.len() && frames[i + run] == entry {
            run += 1;
        }
        let shown = run.min(3);
        for _ in 0..shown {
            write_frame(vm, entry, out, margin);
        }
        if run > 3 {
            let more = run - 3;
            let _ = writeln!(
                out,
                "{margin}  [Previous line repeated {more} more time{}]",
                if more == 1 { "" } else { "s" }
            );
        }
        i += run;
    }
}

fn write_frame(vm: &Vm, entry: &TracebackEntry, out: &mut String, margin: &str) {
    let _ = writeln!(
        out,
        "{margin}  File \"{}\", line {}, in {}",
        entry.filename, entry.line, entry.name
    );
    if let Some(source) = vm.source_line(&entry.filename, entry.line) {
        if !source.is_empty() {
            let _ = writeln!(out, "{margin}    {source}");
        }
    }
}

/// `ValueError: message` (and CPython's "Did you mean" hints for names).
pub fn last_line(vm: &mut Vm, exc: &Value) -> String {
    let class = match exc {
        Value::Object(o) => o.class.clone(),
        _ => return "Exception".into(),
    };
    let name = if &*class.module == "builtins" || &*class.module == "__main__" {
        class.qualname.to_string()
    } else {
        format!("{}.{}", class.module, class.qualname)
    };
    let message = str_of(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into());
    let hint = super::builtins::suggestion(vm, exc)
        .map(|s| format!(". Did you mean: '{s}'?"))
        .unwrap_or_default();
    if message.is_empty() && hint.is_empty() {
        name
    } else {
        format!("{name}: {message}{hint}")
    }
}

/// The exceptions of an `ExceptionGroup`, if `exc` is one.
fn exception_group_members(vm: &mut Vm, exc: &Value) -> Option<Vec<Value>> {
    let group = vm.types.exception("BaseExceptionGroup");
    if !vm.exception_matches(exc, &group) {
        return None;
    }
    let symbol = vm.sym("exceptions");
    let members = ops::getattr(vm, exc, symbol).ok()?;
    match members {
        Value::Tuple(items) => Some(items.to_vec()),
        _ => None,
    }
}
