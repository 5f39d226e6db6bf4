//! Methods of the built-in types: `str`, `list`, `dict`, `set`, `tuple`, numbers, generators.
//! Each native receives the object as its first argument.

use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::{
    add_method, arity, expect_str, int_arg, kwarg, only_kwargs, sort_values, Args, Kwargs,
};
use super::dict::Dict;
use super::format;
use super::ops::{self, type_name};
use super::value::*;
use super::vm::{Flow, NativeFn, Res, Vm, MAX_SIZE};

pub fn install(vm: &mut Vm) {
    let str_methods: &[(&str, NativeFn)] = &[
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("swapcase", str_swapcase),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("join", str_join),
        ("replace", str_replace),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("format", str_format),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("isdigit", str_isdigit),
        ("isnumeric", str_isnumeric),
        ("isascii", str_isascii),
        ("isdecimal", str_isdigit),
        ("isnumeric", str_isdigit),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isupper", str_isupper),
        ("istitle", str_istitle),
        ("islower", str_islower),
        ("isidentifier", str_isidentifier),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("encode", str_encode),
        ("expandtabs", str_expandtabs),
        ("format_map", str_format_map),
        ("isprintable", str_isprintable),
        ("maketrans", str_maketrans),
        ("translate", str_translate),
    ];
    let str_type = vm.types.of(Kind::Str);
    for (name, func) in str_methods {
        add_method(vm, &str_type, name, *func);
    }
    let bytes_type = vm.types.of(Kind::Bytes);
    for (name, func) in super::bytes::METHODS {
        add_method(vm, &bytes_type, name, *func);
    }
    let list_methods: &[(&str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", seq_index),
        ("count", seq_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
    ];
    let list_type = vm.types.of(Kind::List);
    for (name, func) in list_methods {
        add_method(vm, &list_type, name, *func);
    }
    let tuple_type = vm.types.of(Kind::Tuple);
    add_method(vm, &tuple_type, "index", seq_index);
    add_method(vm, &tuple_type, "count", seq_count);
    let dict_methods: &[(&str, NativeFn)] = &[
        ("get", dict_get),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("fromkeys", dict_fromkeys),
    ];
    let dict_type = vm.types.of(Kind::Dict);
    for (name, func) in dict_methods {
        add_method(vm, &dict_type, name, *func);
    }
    let set_methods: &[(&str, NativeFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("copy", set_copy),
    ];
    for kind in [Kind::Set, Kind::FrozenSet] {
        let set_type = vm.types.of(kind);
        for (name, func) in set_methods {
            if kind == Kind::FrozenSet
                && matches!(
                    *name,
                    "add" | "remove" | "discard" | "pop" | "clear" | "update"
                )
            {
                continue;
            }
            add_method(vm, &set_type, name, *func);
        }
    }
    let int_type = vm.types.of(Kind::Int);
    add_method(vm, &int_type, "bit_length", int_bit_length);
    add_method(vm, &int_type, "__index__", int_index);
    add_method(vm, &int_type, "bit_count", int_bit_count);
    add_method(vm, &int_type, "to_bytes", super::bytes::int_to_bytes);
    add_method(vm, &int_type, "from_bytes", super::bytes::int_from_bytes);
    add_method(vm, &int_type, "conjugate", int_index);
    add_method(vm, &int_type, "as_integer_ratio", int_as_integer_ratio);
    let float_type = vm.types.of(Kind::Float);
    add_method(vm, &float_type, "is_integer", float_is_integer);
    add_method(vm, &float_type, "as_integer_ratio", float_as_integer_ratio);
    for kind in [Kind::Generator, Kind::Coroutine] {
        let gen_type = vm.types.of(kind);
        add_method(vm, &gen_type, "send", gen_send);
        add_method(vm, &gen_type, "throw", gen_throw);
        add_method(vm, &gen_type, "close", gen_close);
        if kind == Kind::Generator {
            add_method(vm, &gen_type, "__next__", gen_next);
            add_method(vm, &gen_type, "__iter__", identity);
        } else {
            add_method(vm, &gen_type, "__await__", coroutine_await);
        }
    }
    let agen_type = vm.types.of(Kind::AsyncGenerator);
    add_method(vm, &agen_type, "__aiter__", identity);
    add_method(vm, &agen_type, "__anext__", agen_anext);
    add_method(vm, &agen_type, "asend", agen_asend);
    add_method(vm, &agen_type, "athrow", agen_athrow);
    add_method(vm, &agen_type, "aclose", agen_aclose);
    let iter_type = vm.types.of(Kind::Iterator);
    add_method(vm, &iter_type, "__next__", iterator_next);
    add_method(vm, &iter_type, "__iter__", identity);
    for name in ["dict_keys", "dict_items"] {
        let view_type = vm.types.named(name);
        add_method(vm, &view_type, "isdisjoint", view_isdisjoint);
    }
    let stream = vm.types.named("_Stream");
    add_method(vm, &stream, "write", super::builtins::stream_write);
    add_method(vm, &stream, "flush", super::builtins::stream_flush);
}

fn this_str(vm: &mut Vm, args: &Args, name: &str) -> Res<Rc<str>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => {
            let type_name = type_name(vm, other);
            vm.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{type_name}' object"
            ))
        }
        None => vm.type_error(format!("unbound method str.{name}() needs an argument")),
    }
}

fn text(s: impl Into<Rc<str>>) -> Value {
    Value::Str(s.into())
}

fn str_upper(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "upper")?;
    arity(vm, "upper", &args, 1, 1)?;
    Ok(text(s.to_uppercase()))
}

fn str_lower(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "lower")?;
    Ok(text(s.to_lowercase()))
}

/// Lower case, and the full case folds of Unicode's CaseFolding.txt that differ from it in
/// Latin and Greek text (ß, ẞ, ſ, ς and the ligatures).
fn str_casefold(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "casefold")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ſ' => out.push('s'),
            'ς' => out.push('σ'),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            'µ' => out.push('μ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Ok(text(out))
}

fn str_title(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "title")?;
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for c in s.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = c.is_alphabetic();
    }
    Ok(text(out))
}

fn str_capitalize(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "capitalize")?;
    let mut chars = s.chars();
    let out = match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect::<String>(),
        None => String::new(),
    };
    Ok(text(out))
}

fn str_swapcase(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "swapcase")?;
    let out: String = s
        .chars()
        .flat_map(|c| -> Vec<char> {
            if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    Ok(text(out))
}

fn strip_chars(vm: &mut Vm, args: &Args, name: &str) -> Res<Option<Vec<char>>> {
    arity(vm, name, args, 1, 2)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(chars)) => Ok(Some(chars.chars().collect())),
        Some(_) => vm.type_error(format!("{name} arg must be None or str")),
    }
}

fn str_strip_side(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> Res<Value> {
    let s = this_str(vm, &args, name)?;
    let chars = strip_chars(vm, &args, name)?;
    let matches = |c: char| match &chars {
        None => c.is_whitespace(),
        Some(set) => set.contains(&c),
    };
    let mut out: &str = &s;
    if left {
        out = out.trim_start_matches(matches);
    }
    if right {
        out = out.trim_end_matches(matches);
    }
    Ok(text(out))
}

fn str_strip(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    str_strip_side(vm, args, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    str_strip_side(vm, args, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    str_strip_side(vm, args, "rstrip", false, true)
}

fn split_args(
    vm: &mut Vm,
    args: &Args,
    kwargs: &Kwargs,
    name: &str,
) -> Res<(Option<Rc<str>>, i64)> {
    only_kwargs(vm, name, kwargs, &["sep", "maxsplit"])?;
    arity(vm, name, args, 1, 3)?;
    let sep = match args.get(1).cloned().or_else(|| kwarg(kwargs, "sep")) {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.is_empty() {
                return vm.err("ValueError", "empty separator");
            }
            Some(s)
        }
        Some(other) => {
            let type_name = type_name(vm, &other);
            return vm.type_error(format!("must be str or None, not {type_name}"));
        }
    };
    let max = match args.get(2).cloned().or_else(|| kwarg(kwargs, "maxsplit")) {
        Some(v) => int_arg(vm, &v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn str_split(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "split")?;
    let (sep, max) = split_args(vm, &args, &kwargs, "split")?;
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            if max < 0 {
                s.split(&*sep).map(text).collect()
            } else {
                s.splitn(max as usize + 1, &*sep).map(text).collect()
            }
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(text(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(text(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            parts
        }
    };
    Ok(Value::list(parts))
}

fn str_rsplit(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "rsplit")?;
    let (sep, max) = split_args(vm, &args, &kwargs, "rsplit")?;
    let mut parts: Vec<Value> = match sep {
        Some(sep) => {
            if max < 0 {
                s.rsplit(&*sep).map(text).collect()
            } else {
                s.rsplitn(max as usize + 1, &*sep).map(text).collect()
            }
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(text(rest));
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                parts.push(text(&rest[start..]));
                rest = rest[..start].trim_end();
            }
            parts
        }
    };
    parts.reverse();
    Ok(Value::list(parts))
}

fn str_splitlines(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "splitlines")?;
    let keepends = kwargs
        .iter()
        .find(|(k, _)| &**k == "keepends")
        .map(|(_, v)| v.clone());
    let keep = match args.get(1).cloned().or(keepends) {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (at, c) = bytes[i];
        if matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            let mut end = at + c.len_utf8();
            if c == '\r' && bytes.get(i + 1).map(|b| b.1) == Some('\n') {
                end += 1;
                i += 1;
            }
            out.push(text(if keep { &s[start..end] } else { &s[start..at] }));
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(text(&s[start..]));
    }
    Ok(Value::list(out))
}

fn str_join(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "join")?;
    arity(vm, "join", &args, 2, 2)?;
    let items = ops::collect(vm, args[1].clone())?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&s);
        }
        match item {
            Value::Str(part) => out.push_str(part),
            other => {
                let type_name = type_name(vm, other);
                return vm.type_error(format!(
                    "sequence item {i}: expected str instance, {type_name} found"
                ));
            }
        }
        if out.len() > MAX_SIZE {
            return vm.err("MemoryError", "");
        }
    }
    Ok(text(out))
}

fn str_replace(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "replace")?;
    arity(vm, "replace", &args, 3, 4)?;
    let old = expect_str(vm, &args[1], "replace() argument 1")?;
    let new = expect_str(vm, &args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let estimated = s.len() + new.len().saturating_mul(s.len() / old.len().max(1) + 1);
    if estimated > MAX_SIZE {
        return vm.err("MemoryError", "");
    }
    let out = if count < 0 {
        s.replace(&*old, &new)
    } else {
        s.replacen(&*old, &new, count as usize)
    };
    Ok(text(out))
}

fn prefix_test(vm: &mut Vm, args: Args, name: &str, start: bool) -> Res<Value> {
    let s = this_str(vm, &args, name)?;
    arity(vm, name, &args, 2, 4)?;
    let (begin, end) = char_range(vm, &s, args.get(2), args.get(3))?;
    let window = substring(&s, begin, end);
    let test = |p: &str| {
        if start {
            window.starts_with(p)
        } else {
            window.ends_with(p)
        }
    };
    match &args[1] {
        Value::Str(p) => Ok(Value::Bool(test(p))),
        Value::Tuple(options) => {
            for option in options.iter() {
                match option {
                    Value::Str(p) if test(p) => return Ok(Value::Bool(true)),
                    Value::Str(_) => {}
                    other => {
                        let type_name = type_name(vm, other);
                        return vm.type_error(format!(
                            "tuple for {name} must only contain str, not {type_name}"
                        ));
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let type_name = type_name(vm, other);
            vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {type_name}"
            ))
        }
    }
}

fn str_startswith(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    prefix_test(vm, args, "startswith", true)
}

fn str_endswith(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    prefix_test(vm, args, "endswith", false)
}

/// Character positions (not bytes) of optional start/end arguments, clamped like slices.
fn char_range(
    vm: &mut Vm,
    s: &str,
    start: Option<&Value>,
    end: Option<&Value>,
) -> Res<(usize, usize)> {
    let len = s.chars().count() as i64;
    let clamp = |i: i64| -> usize { (if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize };
    let begin = match start {
        None | Some(Value::None) => 0,
        Some(v) => clamp(int_arg(vm, v)?),
    };
    let finish = match end {
        None | Some(Value::None) => len as usize,
        Some(v) => clamp(int_arg(vm, v)?),
    };
    Ok((begin, finish))
}

fn substring(s: &str, begin: usize, end: usize) -> &str {
    if begin >= end {
        return "";
    }
    let mut indices = s
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()));
    let start_byte = indices.nth(begin).unwrap_or(s.len());
    let end_byte = s
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .nth(end)
        .unwrap_or(s.len());
    &s[start_byte..end_byte]
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn find_in(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> Res<i64> {
    let s = this_str(vm, args, name)?;
    arity(vm, name, args, 2, 4)?;
    let needle = match &args[1] {
        Value::Str(n) => n.clone(),
        other => {
            let type_name = type_name(vm, other);
            return vm.type_error(format!("must be str, not {type_name}"));
        }
    };
    let (begin, end) = char_range(vm, &s, args.get(2), args.get(3))?;
    let window = substring(&s, begin, end);
    let found = if reverse {
        window.rfind(&*needle)
    } else {
        window.find(&*needle)
    };
    Ok(match found {
        Some(byte) => begin as i64 + char_index(window, byte),
        None => -1,
    })
}

fn str_find(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::Int(find_in(vm, &args, "find", false)?))
}

fn str_rfind(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::Int(find_in(vm, &args, "rfind", true)?))
}

fn str_index(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    match find_in(vm, &args, "index", false)? {
        -1 => vm.err("ValueError", "substring not found"),
        i => Ok(Value::Int(i)),
    }
}

fn str_rindex(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    match find_in(vm, &args, "rindex", true)? {
        -1 => vm.err("ValueError", "substring not found"),
        i => Ok(Value::Int(i)),
    }
}

fn str_count(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "count")?;
    arity(vm, "count", &args, 2, 4)?;
    let needle = expect_str(vm, &args[1], "count() argument 1")?;
    let (begin, end) = char_range(vm, &s, args.get(2), args.get(3))?;
    let window = substring(&s, begin, end);
    let n = if needle.is_empty() {
        window.chars().count() + 1
    } else {
        window.matches(&*needle).count()
    };
    Ok(Value::Int(n as i64))
}

fn str_format(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "format")?;
    Ok(text(format::format_method(vm, &s, &args[1..], &kwargs)?))
}

fn str_format_map(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "format_map")?;
    arity(vm, "format_map", &args, 2, 2)?;
    let Value::Dict(mapping) = &args[1] else {
        return vm.type_error("format_map() argument must be a mapping (a dict here)");
    };
    let mut kwargs: Kwargs = Vec::new();
    for (key, value) in mapping.borrow().iter() {
        if let Value::Str(key) = key {
            kwargs.push((key.clone(), value.clone()));
        }
    }
    Ok(text(format::format_method(vm, &s, &[], &kwargs)?))
}

fn str_isprintable(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "isprintable")?;
    Ok(Value::Bool(s.chars().all(|c| !c.is_control())))
}

/// `str.maketrans(x[, y[, z]])`: the table `translate` reads (code point to code point, text
/// or None).
fn str_maketrans(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let mut table = super::dict::Dict::new();
    let put = |vm: &mut Vm, table: &mut super::dict::Dict, from: char, to: Value| -> Res<()> {
        let key = Value::Int(from as i64);
        let hash = ops::hash(vm, &key)?;
        table.push(hash, key, to);
        Ok(())
    };
    match args.as_slice() {
        [Value::Dict(d)] => {
            let entries: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (key, value) in entries {
                let from = match &key {
                    Value::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                    Value::Int(i) => char::from_u32(*i as u32).unwrap_or(' '),
                    _ => {
                        return vm.type_error("keys in translate table must be strings or integers")
                    }
                };
                let to = match value {
                    Value::Str(s) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().unwrap_or(' ') as i64)
                    }
                    other => other,
                };
                put(vm, &mut table, from, to)?;
            }
        }
        [Value::Str(x), Value::Str(y), rest @ ..] => {
            if x.chars().count() != y.chars().count() {
                return vm.err(
                    "ValueError",
                    "the first two maketrans arguments must have equal length",
                );
            }
            for (a, b) in x.chars().zip(y.chars()) {
                put(vm, &mut table, a, Value::Int(b as i64))?;
            }
            if let Some(Value::Str(z)) = rest.first() {
                for c in z.chars() {
                    put(vm, &mut table, c, Value::None)?;
                }
            }
        }
        _ => return vm.type_error("maketrans() takes a dict, or two or three strings"),
    }
    Ok(Value::dict(table))
}

fn str_translate(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "translate")?;
    arity(vm, "translate", &args, 2, 2)?;
    let Value::Dict(table) = &args[1] else {
        return vm.type_error("translate() table must be a dict here");
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match ops::dict_get_shared(vm, table, &Value::Int(c as i64))? {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Int(i)) => out.extend(char::from_u32(i as u32)),
            Some(Value::Str(t)) => out.push_str(&t),
            Some(_) => return vm.type_error("character mapping must return integer, None or str"),
        }
    }
    Ok(text(out))
}

fn justify(vm: &mut Vm, args: Args, name: &str, align: char) -> Res<Value> {
    let s = this_str(vm, &args, name)?;
    arity(vm, name, &args, 2, 3)?;
    let width = int_arg(vm, &args[1])?.max(0) as usize;
    if width > MAX_SIZE {
        return vm.err("MemoryError", "");
    }
    let fill = match args.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => return vm.type_error("The fill character must be exactly one character long"),
        None => ' ',
    };
    let len = s.chars().count();
    if len >= width {
        return Ok(Value::Str(s));
    }
    let padding = width - len;
    let fills = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    let out = match align {
        '<' => format!("{s}{}", fills(padding)),
        '>' => format!("{}{s}", fills(padding)),
        _ => {
            // CPython's center puts the odd extra fill on the left when the width is odd.
            let left = padding / 2 + (padding & width & 1);
            format!("{}{s}{}", fills(left), fills(padding - left))
        }
    };
    Ok(text(out))
}

fn str_center(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    justify(vm, args, "center", '^')
}

fn str_ljust(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    justify(vm, args, "ljust", '<')
}

fn str_rjust(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    justify(vm, args, "rjust", '>')
}

fn str_zfill(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "zfill")?;
    arity(vm, "zfill", &args, 2, 2)?;
    let width = int_arg(vm, &args[1])?.max(0) as usize;
    let len = s.chars().count();
    if len >= width {
        return Ok(Value::Str(s));
    }
    let zeros = "0".repeat(width - len);
    let out = match s.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    };
    Ok(text(out))
}

fn char_test(vm: &mut Vm, args: Args, name: &str, test: fn(char) -> bool) -> Res<Value> {
    let s = this_str(vm, &args, name)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(test)))
}

fn str_isdigit(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    char_test(vm, args, "isdigit", |c| c.is_numeric())
}

fn str_isnumeric(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    char_test(vm, args, "isnumeric", char::is_numeric)
}

fn str_isascii(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}

fn str_isalpha(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    char_test(vm, args, "isalpha", char::is_alphabetic)
}

fn str_isalnum(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    char_test(vm, args, "isalnum", char::is_alphanumeric)
}

fn str_isspace(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    char_test(vm, args, "isspace", char::is_whitespace)
}

fn str_isupper(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "isupper")?;
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}

/// Capitals only at the start of words, small letters only after cased letters.
fn str_istitle(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "istitle")?;
    let (mut cased, mut after_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if after_cased {
                return Ok(Value::Bool(false));
            }
            (cased, after_cased) = (true, true);
        } else if c.is_lowercase() {
            if !after_cased {
                return Ok(Value::Bool(false));
            }
            (cased, after_cased) = (true, true);
        } else {
            after_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn str_islower(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "islower")?;
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}

fn str_isidentifier(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "isidentifier")?;
    let mut chars = s.chars();
    let ok = chars.next().is_some_and(super::lexer::is_name_start)
        && chars.all(super::lexer::is_name_char);
    Ok(Value::Bool(ok))
}

fn partition(vm: &mut Vm, args: Args, name: &str, reverse: bool) -> Res<Value> {
    let s = this_str(vm, &args, name)?;
    arity(vm, name, &args, 2, 2)?;
    let sep = expect_str(vm, &args[1], &format!("{name}() argument"))?;
    if sep.is_empty() {
        return vm.err("ValueError", "empty separator");
    }
    let found = if reverse {
        s.rfind(&*sep)
    } else {
        s.find(&*sep)
    };
    Ok(Value::tuple(match found {
        Some(at) => vec![
            text(&s[..at]),
            Value::Str(sep.clone()),
            text(&s[at + sep.len()..]),
        ],
        None if reverse => vec![text(""), text(""), Value::Str(s.clone())],
        None => vec![Value::Str(s.clone()), text(""), text("")],
    }))
}

fn str_partition(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    partition(vm, args, "partition", false)
}

fn str_rpartition(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    partition(vm, args, "rpartition", true)
}

fn str_removeprefix(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "removeprefix")?;
    arity(vm, "removeprefix", &args, 2, 2)?;
    let prefix = expect_str(vm, &args[1], "removeprefix() argument")?;
    Ok(text(s.strip_prefix(&*prefix).unwrap_or(&s)))
}

fn str_removesuffix(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "removesuffix")?;
    arity(vm, "removesuffix", &args, 2, 2)?;
    let suffix = expect_str(vm, &args[1], "removesuffix() argument")?;
    Ok(text(s.strip_suffix(&*suffix).unwrap_or(&s)))
}

fn str_encode(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "encode")?;
    arity(vm, "encode", &args, 1, 3)?;
    let encoding = args.get(1).cloned().or_else(|| kwarg(&kwargs, "encoding"));
    let errors = args.get(2).cloned().or_else(|| kwarg(&kwargs, "errors"));
    let (encoding, errors) = super::bytes::codec_args(vm, "encode", encoding, errors)?;
    super::bytes::encode(vm, &s, &encoding, &errors)
}

fn str_expandtabs(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let s = this_str(vm, &args, "expandtabs")?;
    let size = match args.get(1) {
        Some(v) => int_arg(vm, v)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut column = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - column % size;
                    out.extend(std::iter::repeat_n(' ', n));
                    column += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(text(out))
}

// ----- list and tuple ---------------------------------------------------------------------------

/// The value a method of a built-in type works on: for an instance of a subclass
/// (`dict.update(counter, …)`), the built-in value it carries.
fn receiver_base(value: &Value) -> Value {
    base_of(value).unwrap_or_else(|| value.clone())
}

fn this_list(vm: &mut Vm, args: &Args, name: &str) -> Res<Rc<RefCell<Vec<Value>>>> {
    match args.first().map(receiver_base) {
        Some(Value::List(l)) => Ok(l),
        _ => vm.type_error(format!("descriptor '{name}' requires a 'list' object")),
    }
}

fn list_append(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "append")?;
    if args.len() != 2 {
        return vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        ));
    }
    let mut items = list.borrow_mut();
    if items.len() >= MAX_SIZE {
        drop(items);
        return vm.err("MemoryError", "");
    }
    items.push(args[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "extend")?;
    arity(vm, "extend", &args, 2, 2)?;
    let items = ops::collect(vm, args[1].clone())?;
    if list.borrow().len() + items.len() > MAX_SIZE {
        return vm.err("MemoryError", "");
    }
    list.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "insert")?;
    if args.len() != 3 {
        return vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len() - 1
        ));
    }
    let index = int_arg(vm, &args[1])?;
    let mut items = list.borrow_mut();
    let len = items.len() as i64;
    let at = if index < 0 {
        (index + len).max(0)
    } else {
        index.min(len)
    } as usize;
    items.insert(at, args[2].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "pop")?;
    arity(vm, "pop", &args, 1, 2)?;
    let index = match args.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let mut items = list.borrow_mut();
    if items.is_empty() {
        drop(items);
        return vm.err("IndexError", "pop from empty list");
    }
    let len = items.len() as i64;
    let at = if index < 0 { index + len } else { index };
    if at < 0 || at >= len {
        drop(items);
        return vm.err("IndexError", "pop index out of range");
    }
    Ok(items.remove(at as usize))
}

fn list_remove(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "remove")?;
    arity(vm, "remove", &args, 2, 2)?;
    let items = list.borrow().clone();
    for (i, item) in items.iter().enumerate() {
        if item.is(&args[1]) || ops::eq(vm, item, &args[1])? {
            list.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    vm.err("ValueError", "list.remove(x): x not in list")
}

fn seq_items(vm: &mut Vm, value: &Value) -> Res<Vec<Value>> {
    match value {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        _ => vm.type_error("descriptor requires a sequence"),
    }
}

fn seq_index(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "index", &args, 2, 4)?;
    let items = seq_items(vm, &args[0])?;
    let len = items.len() as i64;
    let clamp = |i: i64| (if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize;
    let start = match args.get(2) {
        Some(v) => clamp(int_arg(vm, v)?),
        None => 0,
    };
    let end = match args.get(3) {
        Some(v) => clamp(int_arg(vm, v)?),
        None => items.len(),
    };
    for i in start..end.max(start) {
        if items[i].is(&args[1]) || ops::eq(vm, &items[i], &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    if let Value::Tuple(_) = args[0] {
        return vm.err("ValueError", "tuple.index(x): x not in tuple");
    }
    let shown = format::repr(vm, &args[1])?;
    vm.err("ValueError", format!("{shown} is not in list"))
}

fn seq_count(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "count", &args, 2, 2)?;
    let items = seq_items(vm, &args[0])?;
    let mut n = 0;
    for item in &items {
        if item.is(&args[1]) || ops::eq(vm, item, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "sort")?;
    if args.len() > 1 {
        return vm.type_error("sort() takes no positional arguments");
    }
    only_kwargs(vm, "sort", &kwargs, &["key", "reverse"])?;
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(&kwargs, "reverse") {
        Some(r) => ops::truthy(vm, &r)?,
        None => false,
    };
    // CPython empties the list while sorting: changes made meanwhile are detected.
    let items = std::mem::take(&mut *list.borrow_mut());
    let result = sort_values(vm, items.clone(), key, reverse);
    let modified = !list.borrow().is_empty();
    match result {
        Ok(sorted) => {
            *list.borrow_mut() = sorted;
            if modified {
                return vm.err("ValueError", "list modified during sort");
            }
            Ok(Value::None)
        }
        Err(flow) => {
            *list.borrow_mut() = items;
            Err(flow)
        }
    }
}

fn list_reverse(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "reverse")?;
    list.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "copy")?;
    let items = list.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let list = this_list(vm, &args, "clear")?;
    list.borrow_mut().clear();
    Ok(Value::None)
}

// ----- dict ---------------------------------------------------------------------------------------

fn this_dict(vm: &mut Vm, args: &Args, name: &str) -> Res<Rc<RefCell<Dict>>> {
    match args.first().map(receiver_base) {
        Some(Value::Dict(d)) => Ok(d),
        _ => vm.type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to this object"
        )),
    }
}

fn dict_get(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let dict = this_dict(vm, &args, "get")?;
    arity(vm, "get", &args, 2, 3)?;
    Ok(ops::dict_get_shared(vm, &dict, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: &Args, name: &str, which: DictView) -> Res<Value> {
    let dict = this_dict(vm, args, name)?;
    let type_name = match which {
        DictView::Keys => "dict_keys",
        DictView::Values => "dict_values",
        DictView::Items => "dict_items",
    };
    let class = vm.types.named(type_name);
    Ok(Value::Object(Object::new(
        class,
        Native::DictView(dict, which),
    )))
}

fn dict_keys(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    view(vm, &args, "keys", DictView::Keys)
}

fn dict_values(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    view(vm, &args, "values", DictView::Values)
}

fn dict_items(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    view(vm, &args, "items", DictView::Items)
}

fn dict_pop(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let dict = this_dict(vm, &args, "pop")?;
    ops::refresh_namespace_dict(vm, &dict);
    arity(vm, "pop", &args, 2, 3)?;
    match ops::dict_lookup(vm, &dict, &args[1])? {
        Some(slot) => {
            let removed = dict.borrow_mut().remove_at(slot);
            ops::sync_namespace_dict(vm, &dict);
            Ok(removed.map(|(_, v)| v).unwrap_or(Value::None))
        }
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(Flow::Raise(ops::key_error(vm, args[1].clone()))),
        },
    }
}

fn dict_popitem(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let dict = this_dict(vm, &args, "popitem")?;
    ops::refresh_namespace_dict(vm, &dict);
    let slot = dict.borrow().last_slot();
    let removed = slot.and_then(|s| dict.borrow_mut().remove_at(s));
    ops::sync_namespace_dict(vm, &dict);
    match removed {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => {
            let exc = ops::key_error(vm, Value::str("popitem(): dictionary is empty"));
            Err(Flow::Raise(exc))
        }
    }
}

fn dict_setdefault(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let dict = this_dict(vm, &args, "setdefault")?;
    arity(vm, "setdefault", &args, 2, 3)?;
    if let Some(value) = ops::dict_get_shared(vm, &dict, &args[1])? {
        return Ok(value);
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    ops::dict_set_shared(vm, &dict, args[1].clone(), default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let dict = this_dict(vm, &args, "update")?;
    arity(vm, "update", &args, 1, 2)?;
    if let Some(other) = args.get(1) {
        ops::dict_update(vm, &dict, other, false)?;
    }
    for (key, value) in kwargs {
        ops::dict_set_shared(vm, &dict, Value::Str(key), value)?;
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let dict = this_dict(vm, &args, "copy")?;
    let copy = dict.borrow().clone();
    Ok(Value::dict(copy))
}

fn dict_clear(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let dict = this_dict(vm, &args, "clear")?;
    ops::refresh_namespace_dict(vm, &dict);
    dict.borrow_mut().clear();
    ops::sync_namespace_dict(vm, &dict);
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    // Called on the class (`dict.fromkeys(keys)`) or an instance: the keys come next.
    let rest: Vec<Value> = match args.first() {
        Some(Value::Dict(_)) | Some(Value::Type(_)) => args[1..].to_vec(),
        _ => args.clone(),
    };
    if rest.is_empty() || rest.len() > 2 {
        return vm.type_error(format!(
            "fromkeys expected at least 1 argument, got {}",
            rest.len()
        ));
    }
    let keys = ops::collect(vm, rest[0].clone())?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let mut dict = Dict::new();
    for key in keys {
        ops::dict_set(vm, &mut dict, key, value.clone())?;
    }
    Ok(Value::dict(dict))
}

// ----- set ----------------------------------------------------------------------------------------

fn this_set(vm: &mut Vm, args: &Args, name: &str) -> Res<Rc<SetObj>> {
    match args.first().map(receiver_base) {
        Some(Value::Set(s)) => Ok(s),
        _ => vm.type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to this object"
        )),
    }
}

fn set_add(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let set = this_set(vm, &args, "add")?;
    arity(vm, "add", &args, 2, 2)?;
    ops::set_add(vm, &set, args[1].clone())?;
    Ok(Value::None)
}

fn set_remove_item(vm: &mut Vm, args: &Args, name: &str, must_exist: bool) -> Res<Value> {
    let set = this_set(vm, args, name)?;
    arity(vm, name, args, 2, 2)?;
    match ops::dict_lookup(vm, &set.table, &args[1])? {
        Some(slot) => {
            set.table.borrow_mut().remove_at(slot);
            Ok(Value::None)
        }
        None if must_exist => Err(Flow::Raise(ops::key_error(vm, args[1].clone()))),
        None => Ok(Value::None),
    }
}

fn set_remove(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    set_remove_item(vm, &args, "remove", true)
}

fn set_discard(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    set_remove_item(vm, &args, "discard", false)
}

fn set_pop(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let set = this_set(vm, &args, "pop")?;
    let slot = set.table.borrow().first_slot();
    match slot.and_then(|s| set.table.borrow_mut().remove_at(s)) {
        Some((k, _)) => Ok(k),
        None => {
            let exc = ops::key_error(vm, Value::str("pop from an empty set"));
            Err(Flow::Raise(exc))
        }
    }
}

fn set_clear(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let set = this_set(vm, &args, "clear")?;
    set.table.borrow_mut().clear();
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let set = this_set(vm, &args, "update")?;
    for other in &args[1..] {
        for item in ops::collect(vm, other.clone())? {
            ops::set_add(vm, &set, item)?;
        }
    }
    Ok(Value::None)
}

fn set_combine(vm: &mut Vm, args: &Args, name: &str, op: super::ast::BinOp) -> Res<Value> {
    let set = this_set(vm, args, name)?;
    let mut result = Value::Set(set.clone());
    let mut first = true;
    for other in &args[1..] {
        let items = ops::collect(vm, other.clone())?;
        let other_set = ops::new_set(vm, items, false)?;
        let left = if first {
            let items = ops::set_items(vm, &set);
            ops::new_set(vm, items, set.frozen)?
        } else {
            result.clone()
        };
        first = false;
        result = ops::binary(vm, op, left, other_set, false)?;
    }
    if first {
        let items = ops::set_items(vm, &set);
        return ops::new_set(vm, items, set.frozen);
    }
    Ok(result)
}

fn set_union(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    set_combine(vm, &args, "union", super::ast::BinOp::BitOr)
}

fn set_intersection(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    set_combine(vm, &args, "intersection", super::ast::BinOp::BitAnd)
}

fn set_difference(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    set_combine(vm, &args, "difference", super::ast::BinOp::Sub)
}

fn set_symmetric_difference(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    set_combine(vm, &args, "symmetric_difference", super::ast::BinOp::BitXor)
}

fn set_relation(vm: &mut Vm, args: &Args, name: &str) -> Res<(Value, Value)> {
    let set = this_set(vm, args, name)?;
    arity(vm, name, args, 2, 2)?;
    let items = ops::collect(vm, args[1].clone())?;
    let other = ops::new_set(vm, items, false)?;
    Ok((Value::Set(set), other))
}

fn set_issubset(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let (a, b) = set_relation(vm, &args, "issubset")?;
    ops::compare(vm, super::ast::CmpOp::LtE, &a, &b)
}

fn set_issuperset(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let (a, b) = set_relation(vm, &args, "issuperset")?;
    ops::compare(vm, super::ast::CmpOp::GtE, &a, &b)
}

fn set_isdisjoint(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let (a, b) = set_relation(vm, &args, "isdisjoint")?;
    let both = ops::binary(vm, super::ast::BinOp::BitAnd, a, b, false)?;
    Ok(Value::Bool(!ops::truthy(vm, &both)?))
}

/// `d.keys().isdisjoint(other)`: no key (item) of the view is in `other`, any iterable.
fn view_isdisjoint(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "isdisjoint", &args, 2, 2)?;
    let other = ops::collect(vm, args[1].clone())?;
    for item in other {
        if ops::contains(vm, &args[0], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_copy(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let set = this_set(vm, &args, "copy")?;
    let items = ops::set_items(vm, &set);
    ops::new_set(vm, items, set.frozen)
}

// ----- numbers ----------------------------------------------------------------------------------

fn int_bit_length(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "bit_length", &args, 1, 1)?;
    Ok(Value::Int(match &args[0] {
        Value::Int(i) => 64 - i64::from(i.unsigned_abs().leading_zeros()),
        Value::Bool(b) => i64::from(*b),
        Value::Big(b) => b.bit_length() as i64,
        _ => 0,
    }))
}

fn int_index(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__index__", &args, 1, 1)?;
    Ok(match &args[0] {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        other => other.clone(),
    })
}

/// The number of ones in the absolute value's binary form.
fn int_bit_count(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "bit_count", &args, 1, 1)?;
    Ok(Value::Int(match &args[0] {
        Value::Int(i) => i64::from(i.unsigned_abs().count_ones()),
        Value::Bool(b) => i64::from(*b),
        Value::Big(b) => b
            .magnitude_words()
            .iter()
            .map(|word| i64::from(word.count_ones()))
            .sum(),
        _ => 0,
    }))
}

fn int_as_integer_ratio(vm: &mut Vm, this: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let value = int_index(vm, this, args, kwargs)?;
    Ok(Value::tuple(vec![value, Value::Int(1)]))
}

fn float_is_integer(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "is_integer", &args, 1, 1)?;
    let f = ops::to_f64(vm, &args[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "as_integer_ratio", &args, 1, 1)?;
    let f = ops::to_f64(vm, &args[0])?;
    if !f.is_finite() {
        return vm.err("OverflowError", "cannot convert Infinity to integer ratio");
    }
    let mut numerator = f;
    let mut denominator: i64 = 1;
    while numerator.fract() != 0.0 && denominator < (1 << 52) {
        numerator *= 2.0;
        denominator *= 2;
    }
    let n = super::builtins::float_to_int(vm, numerator)?;
    Ok(Value::tuple(vec![n, Value::Int(denominator)]))
}

// ----- generators and iterators --------------------------------------------------------------

fn this_gen(vm: &mut Vm, args: &Args, name: &str) -> Res<Rc<Gen>> {
    match args.first() {
        Some(Value::Gen(g)) => Ok(g.clone()),
        _ => vm.type_error(format!("descriptor '{name}' requires a generator")),
    }
}

fn gen_send(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let gen = this_gen(vm, &args, "send")?;
    arity(vm, "send", &args, 2, 2)?;
    Err(Flow::Resume(gen, Ok(args[1].clone())))
}

fn gen_next(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let gen = this_gen(vm, &args, "__next__")?;
    Err(Flow::Resume(gen, Ok(Value::None)))
}

fn gen_throw(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let gen = this_gen(vm, &args, "throw")?;
    arity(vm, "throw", &args, 2, 4)?;
    let exc = match (&args[1], args.get(2)) {
        (Value::Type(class), Some(value)) if !value.is_none() => {
            if ops::isinstance(vm, value, class) {
                value.clone()
            } else {
                let exc = vm.call_nested(args[1].clone(), vec![value.clone()])?;
                vm.make_exception(exc)?
            }
        }
        (other, _) => vm.make_exception(other.clone())?,
    };
    Err(Flow::Resume(gen, Err(exc)))
}

fn this_agen(vm: &mut Vm, args: &Args, name: &str) -> Res<Rc<Gen>> {
    match args.first() {
        Some(Value::Gen(g)) if g.kind == GenKind::AsyncGenerator => Ok(g.clone()),
        _ => vm.type_error(format!(
            "descriptor '{name}' requires an 'async_generator' object"
        )),
    }
}

/// `coroutine.__await__()`: its wrapper, which runs it when awaited or delegated to.
fn coroutine_await(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    match args.first() {
        Some(Value::Gen(g)) if g.kind == GenKind::Coroutine && args.len() == 1 => {
            let class = vm.types.named("coroutine_wrapper");
            Ok(Value::Object(Object::new(
                class,
                Native::AwaitOf(g.clone()),
            )))
        }
        _ => vm.type_error("descriptor '__await__' requires a 'coroutine' object"),
    }
}

/// The awaitable of an async generator's next step, starting with `pending` (a value sent in,
/// an exception thrown in).
fn agen_step(vm: &mut Vm, gen: Rc<Gen>, pending: Option<Result<Value, Value>>) -> Value {
    *gen.pending.borrow_mut() = pending;
    let class = vm.types.named("async_generator_asend");
    Value::Object(Object::new(class, Native::AsyncGenStep(gen)))
}

fn agen_anext(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__anext__", &args, 1, 1)?;
    let gen = this_agen(vm, &args, "__anext__")?;
    Ok(agen_step(vm, gen, None))
}

fn agen_asend(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "asend", &args, 2, 2)?;
    let gen = this_agen(vm, &args, "asend")?;
    Ok(agen_step(vm, gen, Some(Ok(args[1].clone()))))
}

fn agen_athrow(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "athrow", &args, 2, 3)?;
    let gen = this_agen(vm, &args, "athrow")?;
    let exc = match (&args[1], args.get(2)) {
        (Value::Type(_), Some(value)) if !value.is_none() => {
            let exc = vm.call_nested(args[1].clone(), vec![value.clone()])?;
            vm.make_exception(exc)?
        }
        (other, _) => vm.make_exception(other.clone())?,
    };
    Ok(agen_step(vm, gen, Some(Err(exc))))
}

/// `aclose()`: `GeneratorExit` thrown in, as the prelude's `_agen_aclose` awaits it.
pub fn agen_aclose(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "aclose", &args, 1, 1)?;
    let gen = this_agen(vm, &args, "aclose")?;
    let exit = vm.exc("GeneratorExit", "");
    let step = agen_step(vm, gen, Some(Err(exit)));
    let asyncio = vm.asyncio.clone().unwrap_or(Value::None);
    let symbol = vm.sym("_agen_aclose");
    let helper = ops::getattr(vm, &asyncio, symbol)?;
    vm.call_nested(helper, vec![step])
}

fn gen_close(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let gen = this_gen(vm, &args, "close")?;
    if !gen.started.get() || gen.finished.get() {
        *gen.frame.borrow_mut() = None;
        gen.finished.set(true);
        return Ok(Value::None);
    }
    let exit = vm.exc("GeneratorExit", "");
    vm.close_generator(&gen, exit)
}

fn iterator_next(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__next__", &args, 1, 1)?;
    match &args[0] {
        Value::Iter(iter) => match ops::iter_next(vm, iter)? {
            Some(v) => Ok(v),
            None => vm.err("StopIteration", ""),
        },
        _ => vm.type_error("descriptor '__next__' requires an iterator"),
    }
}

fn identity(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__iter__", &args, 1, 1)?;
    Ok(args[0].clone())
}
