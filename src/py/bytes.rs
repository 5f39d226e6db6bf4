//! `bytes`: immutable sequences of byte values, as CPython's — literals, `repr`, `str.encode`
//! and `decode` (UTF-8, ASCII, Latin-1, with CPython's error messages), `hex`/`fromhex`, and
//! the searching, splitting and padding methods. Those work on the bytes read as Latin-1 text
//! (one character a byte, so positions agree) through `str`'s own methods; what differs for
//! bytes (ASCII-only cases and classes, whitespace) is written here. `bytearray` is not
//! supported.

use std::rc::Rc;

use super::bigint::BigInt;
use super::builtins::{arity, kwarg, Args, Kwargs};
use super::ops::type_name;
use super::value::*;
use super::vm::{NativeFn, Res, Vm};

/// `b'...'` as CPython writes it: single quotes unless only double ones avoid escaping.
pub fn repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in data {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out
}

/// A literal's text (escapes already read, each a character below 256) as bytes.
pub fn from_latin1(text: &str) -> Rc<[u8]> {
    text.chars().map(|c| c as u32 as u8).collect()
}

fn latin1(data: &[u8]) -> Rc<str> {
    data.iter().map(|&b| b as char).collect::<String>().into()
}

/// The bytes as text, one character a byte (`int(b'42')`, `float(b'1.5')`).
pub fn latin1_text(data: &[u8]) -> Value {
    Value::Str(latin1(data))
}

/// `data % values`: `%`-formatting with the template and the bytes among the values read as
/// Latin-1 text; a str value is refused, as CPython refuses it.
pub fn percent_format(vm: &mut Vm, data: &[u8], values: &Value) -> Res<Value> {
    let convert = |vm: &mut Vm, value: &Value| -> Res<Value> {
        match value {
            Value::Bytes(b) => Ok(Value::Str(latin1(b))),
            Value::Str(_) => vm.type_error(
                "%b requires a bytes-like object, or an object that implements __bytes__, not 'str'",
            ),
            other => Ok(other.clone()),
        }
    };
    let values = match values {
        Value::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                out.push(convert(vm, item)?);
            }
            Value::tuple(out)
        }
        other => convert(vm, other)?,
    };
    let text = super::format::percent_format(vm, &latin1(data), &values)?;
    Ok(Value::Bytes(from_latin1(&text)))
}

fn bytes_value(data: impl Into<Rc<[u8]>>) -> Value {
    Value::Bytes(data.into())
}

/// The canonical name of an encoding the playground knows, or CPython's `LookupError`.
fn encoding_name(vm: &mut Vm, encoding: &str) -> Res<&'static str> {
    let normal = encoding.to_ascii_lowercase().replace('_', "-");
    Ok(match normal.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us-ascii" | "646" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" | "cp819" => "latin-1",
        _ => return vm.err("LookupError", format!("unknown encoding: {encoding}")),
    })
}

/// The `encoding` and `errors` arguments of `encode`, `decode`, `bytes()` and `str()`: each a
/// str (else CPython's TypeError, naming the function and the argument), `'utf-8'` and
/// `'strict'` when left out.
pub fn codec_args(
    vm: &mut Vm,
    function: &str,
    encoding: Option<Value>,
    errors: Option<Value>,
) -> Res<(Rc<str>, Rc<str>)> {
    let mut text = |value: Option<Value>, name: &str, default: &str| match value {
        None => Ok(Rc::from(default)),
        Some(Value::Str(s)) => Ok(s),
        Some(other) => {
            let type_name = type_name(vm, &other);
            vm.type_error(format!(
                "{function}() argument '{name}' must be str, not {type_name}"
            ))
        }
    };
    Ok((
        text(encoding, "encoding", "utf-8")?,
        text(errors, "errors", "strict")?,
    ))
}

/// `UnicodeEncodeError`/`UnicodeDecodeError` with CPython's five arguments; its text is
/// made by [`unicode_error_str`].
fn unicode_error<T>(
    vm: &mut Vm,
    class: &str,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> Res<T> {
    let class = vm.types.exception(class);
    let args = vec![
        Value::str(encoding),
        object,
        Value::Int(start as i64),
        Value::Int(end as i64),
        Value::str(reason),
    ];
    Err(super::vm::Flow::Raise(vm.new_exception(class, args)))
}

/// `'ascii' codec can't encode character '\xe9' in position 3: ordinal not in range(128)`.
pub fn unicode_error_str(args: &[Value]) -> Option<String> {
    let [Value::Str(encoding), object, Value::Int(start), Value::Int(end), Value::Str(reason)] =
        args
    else {
        return None;
    };
    let (start, end) = (usize::try_from(*start).ok()?, usize::try_from(*end).ok()?);
    Some(match object {
        Value::Str(text) if end == start + 1 => {
            let c = text.chars().nth(start)?;
            let code = c as u32;
            let shown = match code {
                0..=0xff => format!("\\x{code:02x}"),
                0x100..=0xffff => format!("\\u{code:04x}"),
                _ => format!("\\U{code:08x}"),
            };
            format!(
                "'{encoding}' codec can't encode character '{shown}' in position {start}: {reason}"
            )
        }
        Value::Str(_) => format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        ),
        Value::Bytes(data) if end == start + 1 => format!(
            "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data.get(start)?
        ),
        Value::Bytes(_) => format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        ),
        _ => return None,
    })
}

/// `text.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, text: &Rc<str>, encoding: &str, errors: &str) -> Res<Value> {
    let encoding = encoding_name(vm, encoding)?;
    if encoding == "utf-8" {
        return Ok(bytes_value(text.as_bytes()));
    }
    let limit: u32 = if encoding == "ascii" { 0x80 } else { 0x100 };
    let reason = if encoding == "ascii" {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            at += 1;
            continue;
        }
        let end = (at..chars.len())
            .find(|&i| (chars[i] as u32) < limit)
            .unwrap_or(chars.len());
        match errors {
            "strict" => {
                let object = Value::Str(text.clone());
                return unicode_error(vm, "UnicodeEncodeError", encoding, object, at, end, reason);
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - at)),
            "backslashreplace" => {
                for &c in &chars[at..end] {
                    let code = c as u32;
                    let escaped = match code {
                        0..=0xff => format!("\\x{code:02x}"),
                        0x100..=0xffff => format!("\\u{code:04x}"),
                        _ => format!("\\U{code:08x}"),
                    };
                    out.extend(escaped.bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[at..end] {
                    out.extend(format!("&#{};", c as u32).bytes());
                }
            }
            other => {
                return vm.err(
                    "LookupError",
                    format!("unknown error handler name '{other}'"),
                )
            }
        }
        at = end;
    }
    Ok(bytes_value(out))
}

/// `data.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, data: &Rc<[u8]>, encoding: &str, errors: &str) -> Res<Value> {
    let encoding = encoding_name(vm, encoding)?;
    match encoding {
        "latin-1" => Ok(Value::Str(latin1(data))),
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (at, &byte) in data.iter().enumerate() {
                if byte < 0x80 {
                    out.push(byte as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        let object = Value::Bytes(data.clone());
                        let reason = "ordinal not in range(128)";
                        return unicode_error(
                            vm,
                            "UnicodeDecodeError",
                            "ascii",
                            object,
                            at,
                            at + 1,
                            reason,
                        );
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{byte:02x}")),
                    other => {
                        return vm.err(
                            "LookupError",
                            format!("unknown error handler name '{other}'"),
                        )
                    }
                }
            }
            Ok(Value::str(&out))
        }
        _ => decode_utf8(vm, data, errors),
    }
}

fn decode_utf8(vm: &mut Vm, data: &Rc<[u8]>, errors: &str) -> Res<Value> {
    let mut out = String::with_capacity(data.len());
    let mut rest: &[u8] = data;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.push_str(valid);
                return Ok(Value::str(&out));
            }
            Err(error) => {
                let good = error.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad = error.error_len().unwrap_or(rest.len() - good);
                let start = offset + good;
                if errors == "strict" {
                    let first = rest[good];
                    let reason = if error.error_len().is_none() {
                        "unexpected end of data"
                    } else if (0xc2..=0xf4).contains(&first) {
                        "invalid continuation byte"
                    } else {
                        "invalid start byte"
                    };
                    let object = Value::Bytes(data.clone());
                    return unicode_error(
                        vm,
                        "UnicodeDecodeError",
                        "utf-8",
                        object,
                        start,
                        start + bad,
                        reason,
                    );
                }
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for byte in &rest[good..good + bad] {
                            out.push_str(&format!("\\x{byte:02x}"));
                        }
                    }
                    other => {
                        return vm.err(
                            "LookupError",
                            format!("unknown error handler name '{other}'"),
                        )
                    }
                }
                rest = &rest[good + bad..];
                offset = start + bad;
            }
        }
    }
}

/// `bytes(...)`: empty, zeroes, from byte values, from a string and its encoding, a copy.
pub fn construct(vm: &mut Vm, args: Args, kwargs: Kwargs) -> Res<Value> {
    let mut args = args;
    let encoding = kwarg(&kwargs, "encoding").or_else(|| args.get(1).cloned());
    let errors = kwarg(&kwargs, "errors").or_else(|| args.get(2).cloned());
    if args.len() > 3 {
        return vm.type_error(format!(
            "bytes() takes at most 3 arguments ({} given)",
            args.len()
        ));
    }
    let Some(source) = (!args.is_empty()).then(|| args.remove(0)) else {
        if encoding.is_some() || errors.is_some() {
            return vm.type_error("encoding or errors without sequence argument");
        }
        return Ok(bytes_value(Vec::new()));
    };
    if let Value::Str(text) = &source {
        let Some(encoding) = encoding else {
            return vm.type_error("string argument without an encoding");
        };
        let (encoding, errors) = codec_args(vm, "bytes", Some(encoding), errors)?;
        return encode(vm, text, &encoding, &errors);
    }
    if encoding.is_some() {
        return vm.type_error("encoding without a string argument");
    }
    if errors.is_some() {
        return vm.type_error("errors without a string argument");
    }
    match &source {
        Value::Bytes(_) => Ok(source),
        Value::Int(n) => {
            if *n < 0 {
                return vm.err("ValueError", "negative count");
            }
            let n = *n as usize;
            if n > super::vm::MAX_SIZE {
                return vm.err("MemoryError", "");
            }
            Ok(bytes_value(vec![0u8; n]))
        }
        Value::Float(_) | Value::None => {
            let name = type_name(vm, &source);
            vm.type_error(format!("cannot convert '{name}' object to bytes"))
        }
        _ => {
            let items = match super::ops::collect(vm, source.clone()) {
                Ok(items) => items,
                Err(_) => {
                    let name = type_name(vm, &source);
                    return vm.type_error(format!("cannot convert '{name}' object to bytes"));
                }
            };
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(byte_value(vm, &item)?);
            }
            Ok(bytes_value(out))
        }
    }
}

/// An integer, or what an object's `__index__` gives; None for anything else.
fn integer(vm: &mut Vm, item: &Value) -> Res<Option<Value>> {
    match item {
        Value::Int(_) | Value::Big(_) => Ok(Some(item.clone())),
        Value::Bool(b) => Ok(Some(Value::Int(i64::from(*b)))),
        _ => super::ops::index_value(vm, item),
    }
}

/// An item of `bytes([...])` or `x in data`: an integer in range(0, 256).
fn byte_value(vm: &mut Vm, item: &Value) -> Res<u8> {
    match integer(vm, item)? {
        Some(Value::Int(n)) if (0..256).contains(&n) => Ok(n as u8),
        Some(_) => vm.err("ValueError", "bytes must be in range(0, 256)"),
        None => {
            let name = type_name(vm, item);
            vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            ))
        }
    }
}

/// `needle in data`: a byte value or a run of bytes.
pub fn contains(vm: &mut Vm, data: &[u8], needle: &Value) -> Res<bool> {
    match needle {
        Value::Bytes(part) => {
            Ok(part.is_empty() || data.windows(part.len()).any(|w| w == &part[..]))
        }
        Value::Int(_) | Value::Bool(_) | Value::Big(_) => {
            let byte = match integer(vm, needle)? {
                Some(Value::Int(n)) if (0..256).contains(&n) => n as u8,
                _ => return vm.err("ValueError", "byte must be in range(0, 256)"),
            };
            Ok(data.contains(&byte))
        }
        other => {
            let name = type_name(vm, other);
            vm.type_error(format!("a bytes-like object is required, not '{name}'"))
        }
    }
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Res<Rc<[u8]>> {
    match args.first() {
        Some(Value::Bytes(data)) => Ok(data.clone()),
        Some(other) => {
            let type_name = type_name(vm, other);
            vm.type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{type_name}' object"
            ))
        }
        None => vm.type_error(format!("unbound method bytes.{name}() needs an argument")),
    }
}

fn bytes_decode(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let data = this(vm, &args, "decode")?;
    arity(vm, "decode", &args, 1, 3)?;
    let encoding = kwarg(&kwargs, "encoding").or_else(|| args.get(1).cloned());
    let errors = kwarg(&kwargs, "errors").or_else(|| args.get(2).cloned());
    let (encoding, errors) = codec_args(vm, "decode", encoding, errors)?;
    decode(vm, &data, &encoding, &errors)
}

fn bytes_hex(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let data = this(vm, &args, "hex")?;
    arity(vm, "hex", &args, 1, 3)?;
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let sep = kwarg(&kwargs, "sep").or_else(|| args.get(1).cloned());
    let Some(sep) = sep else {
        return Ok(Value::str(&digits.concat()));
    };
    let sep = match &sep {
        Value::Str(s) if s.chars().count() == 1 => s.to_string(),
        Value::Bytes(b) if b.len() == 1 => (b[0] as char).to_string(),
        _ => return vm.err("ValueError", "sep must be length 1."),
    };
    let per = match kwarg(&kwargs, "bytes_per_sep").or_else(|| args.get(2).cloned()) {
        Some(Value::Int(n)) => n,
        _ => 1,
    };
    let group = per.unsigned_abs().max(1) as usize;
    let chunks: Vec<String> = if per < 0 {
        digits.chunks(group).map(|c| c.concat()).collect()
    } else {
        let first = digits.len() % group;
        let mut chunks = Vec::new();
        if first > 0 {
            chunks.push(digits[..first].concat());
        }
        chunks.extend(digits[first..].chunks(group).map(|c| c.concat()));
        chunks
    };
    Ok(Value::str(&chunks.join(&sep)))
}

/// `bytes.fromhex('de ad')`: pairs of hex digits, spaces between pairs allowed.
fn bytes_fromhex(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let text = match args.last() {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            let name = type_name(vm, other);
            return vm.type_error(format!("fromhex() argument must be str, not {name}"));
        }
        None => return vm.type_error("fromhex() takes exactly one argument (0 given)"),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if chars[at].is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let high = chars[at].to_digit(16);
        let low = chars.get(at + 1).and_then(|c| c.to_digit(16));
        match (high, low) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) if at + 1 >= chars.len() || !chars[at + 1].is_ascii_whitespace() => {
                let position = at + 1;
                return vm.err(
                    "ValueError",
                    format!("non-hexadecimal number found in fromhex() arg at position {position}"),
                );
            }
            _ => {
                let position = if high.is_some() { at + 1 } else { at };
                return vm.err(
                    "ValueError",
                    format!("non-hexadecimal number found in fromhex() arg at position {position}"),
                );
            }
        }
        at += 2;
    }
    Ok(bytes_value(out))
}

fn bytes_join(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let sep = this(vm, &args, "join")?;
    arity(vm, "join", &args, 2, 2)?;
    let items = super::ops::collect(vm, args[1].clone())?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Bytes(part) = item else {
            let name = type_name(vm, item);
            return vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {name} found"
            ));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(part);
    }
    Ok(bytes_value(out))
}

fn ascii_map(vm: &mut Vm, args: Args, name: &str, map: fn(&[u8]) -> Vec<u8>) -> Res<Value> {
    let data = this(vm, &args, name)?;
    arity(vm, name, &args, 1, 1)?;
    Ok(bytes_value(map(&data)))
}

fn bytes_upper(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_map(vm, args, "upper", |d| d.to_ascii_uppercase())
}

fn bytes_lower(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_map(vm, args, "lower", |d| d.to_ascii_lowercase())
}

fn bytes_swapcase(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_map(vm, args, "swapcase", |d| {
        d.iter()
            .map(|b| match b {
                b'a'..=b'z' => b.to_ascii_uppercase(),
                b'A'..=b'Z' => b.to_ascii_lowercase(),
                _ => *b,
            })
            .collect()
    })
}

fn bytes_capitalize(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_map(vm, args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| match i {
                0 => b.to_ascii_uppercase(),
                _ => b.to_ascii_lowercase(),
            })
            .collect()
    })
}

fn bytes_title(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_map(vm, args, "title", |d| {
        let mut after_letter = false;
        d.iter()
            .map(|b| {
                let out = match after_letter {
                    true => b.to_ascii_lowercase(),
                    false => b.to_ascii_uppercase(),
                };
                after_letter = b.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn ascii_test(vm: &mut Vm, args: Args, name: &str, test: fn(&[u8]) -> bool) -> Res<Value> {
    let data = this(vm, &args, name)?;
    arity(vm, name, &args, 1, 1)?;
    Ok(Value::Bool(test(&data)))
}

fn is_bytes_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn bytes_isdigit(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_test(vm, args, "isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}

fn bytes_isalpha(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_test(vm, args, "isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}

fn bytes_isalnum(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_test(vm, args, "isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn bytes_isspace(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_test(vm, args, "isspace", |d| {
        !d.is_empty() && d.iter().all(is_bytes_space)
    })
}

fn bytes_isascii(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_test(vm, args, "isascii", |d| d.is_ascii())
}

fn bytes_isupper(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_test(vm, args, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn bytes_islower(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    ascii_test(vm, args, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

/// `strip`, `lstrip`, `rstrip` of ASCII whitespace or of the bytes given.
fn strip_side(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> Res<Value> {
    let data = this(vm, &args, name)?;
    arity(vm, name, &args, 1, 2)?;
    let chars: Option<Rc<[u8]>> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Bytes(b)) => Some(b.clone()),
        Some(other) => {
            let type_name = type_name(vm, other);
            return vm.type_error(format!(
                "a bytes-like object is required, not '{type_name}'"
            ));
        }
    };
    let strips = |b: &u8| match &chars {
        Some(set) => set.contains(b),
        None => is_bytes_space(b),
    };
    let mut start = 0;
    let mut end = data.len();
    if left {
        while start < end && strips(&data[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strips(&data[end - 1]) {
            end -= 1;
        }
    }
    Ok(bytes_value(&data[start..end]))
}

fn bytes_strip(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    strip_side(vm, args, "strip", true, true)
}

fn bytes_lstrip(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    strip_side(vm, args, "lstrip", true, false)
}

fn bytes_rstrip(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    strip_side(vm, args, "rstrip", false, true)
}

/// `split()`/`rsplit()` on runs of ASCII whitespace; with a separator, as `str`'s.
fn split_whitespace(
    vm: &mut Vm,
    args: Args,
    kwargs: Kwargs,
    name: &str,
    from_right: bool,
) -> Res<Value> {
    let sep = kwarg(&kwargs, "sep").or_else(|| args.get(1).cloned());
    if !matches!(sep, None | Some(Value::None)) {
        return through_str(vm, args, kwargs, name);
    }
    let data = this(vm, &args, name)?;
    let limit = match kwarg(&kwargs, "maxsplit").or_else(|| args.get(2).cloned()) {
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        _ => None,
    };
    let mut words: Vec<&[u8]> = Vec::new();
    let mut rest: &[u8] = &data;
    loop {
        let trimmed = if from_right {
            let end = rest
                .iter()
                .rposition(|b| !is_bytes_space(b))
                .map_or(0, |i| i + 1);
            &rest[..end]
        } else {
            let start = rest
                .iter()
                .position(|b| !is_bytes_space(b))
                .unwrap_or(rest.len());
            &rest[start..]
        };
        if trimmed.is_empty() {
            break;
        }
        if limit.is_some_and(|l| words.len() >= l) {
            words.push(trimmed);
            break;
        }
        if from_right {
            let start = trimmed
                .iter()
                .rposition(is_bytes_space)
                .map_or(0, |i| i + 1);
            words.push(&trimmed[start..]);
            rest = &trimmed[..start];
        } else {
            let end = trimmed
                .iter()
                .position(is_bytes_space)
                .unwrap_or(trimmed.len());
            words.push(&trimmed[..end]);
            rest = &trimmed[end..];
        }
    }
    if from_right {
        words.reverse();
    }
    Ok(Value::list(words.into_iter().map(bytes_value).collect()))
}

fn bytes_split(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    split_whitespace(vm, args, kwargs, "split", false)
}

fn bytes_rsplit(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    split_whitespace(vm, args, kwargs, "rsplit", true)
}

/// A method of `str` run on the bytes read as Latin-1 text, its answer made bytes again.
fn through_str(vm: &mut Vm, args: Args, kwargs: Kwargs, name: &str) -> Res<Value> {
    this(vm, &args, name)?;
    let finds = matches!(name, "find" | "rfind" | "index" | "rindex" | "count");
    let mut text_args = Vec::with_capacity(args.len());
    for (i, arg) in args.iter().enumerate() {
        text_args.push(as_text(vm, arg, i == 1 && finds)?);
    }
    let mut text_kwargs = Vec::with_capacity(kwargs.len());
    for (key, value) in &kwargs {
        text_kwargs.push((key.clone(), as_text(vm, value, false)?));
    }
    let symbol = vm.sym(name);
    let method = vm.types.of(Kind::Str).lookup(symbol).unwrap_or(Value::None);
    let answer = vm.call_nested_kw(method, text_args, text_kwargs)?;
    Ok(as_bytes(answer))
}

fn as_text(vm: &mut Vm, value: &Value, byte_allowed: bool) -> Res<Value> {
    Ok(match value {
        Value::Bytes(data) => Value::Str(latin1(data)),
        Value::Int(n) if byte_allowed => match u8::try_from(*n) {
            Ok(byte) => Value::Str((byte as char).to_string().into()),
            Err(_) => return vm.err("ValueError", "byte must be in range(0, 256)"),
        },
        Value::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                out.push(as_text(vm, item, false)?);
            }
            Value::tuple(out)
        }
        Value::Str(_) => {
            let message = if byte_allowed {
                "argument should be integer or bytes-like object, not 'str'"
            } else {
                "a bytes-like object is required, not 'str'"
            };
            return vm.type_error(message);
        }
        other => other.clone(),
    })
}

fn as_bytes(value: Value) -> Value {
    match value {
        Value::Str(text) => Value::Bytes(from_latin1(&text)),
        Value::List(items) => {
            let items = items.borrow().iter().cloned().map(as_bytes).collect();
            Value::list(items)
        }
        Value::Tuple(items) => Value::tuple(items.iter().cloned().map(as_bytes).collect()),
        other => other,
    }
}

macro_rules! through_str_methods {
    ($($function:ident => $name:literal),* $(,)?) => {
        $(
            fn $function(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
                through_str(vm, args, kwargs, $name)
            }
        )*
    };
}

through_str_methods! {
    bytes_find => "find",
    bytes_rfind => "rfind",
    bytes_index => "index",
    bytes_rindex => "rindex",
    bytes_count => "count",
    bytes_startswith => "startswith",
    bytes_endswith => "endswith",
    bytes_replace => "replace",
    bytes_partition => "partition",
    bytes_rpartition => "rpartition",
    bytes_removeprefix => "removeprefix",
    bytes_removesuffix => "removesuffix",
    bytes_center => "center",
    bytes_ljust => "ljust",
    bytes_rjust => "rjust",
    bytes_zfill => "zfill",
    bytes_splitlines => "splitlines",
    bytes_expandtabs => "expandtabs",
}

fn byteorder(vm: &mut Vm, value: Option<Value>) -> Res<bool> {
    match value {
        None => Ok(true),
        Some(Value::Str(s)) if &*s == "big" => Ok(true),
        Some(Value::Str(s)) if &*s == "little" => Ok(false),
        Some(Value::Str(_)) => vm.err("ValueError", "byteorder must be either 'little' or 'big'"),
        Some(other) => {
            let name = type_name(vm, &other);
            vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {name}"
            ))
        }
    }
}

fn as_big(value: &Value) -> Option<BigInt> {
    match value {
        Value::Int(i) => Some(BigInt::from_i64(*i)),
        Value::Bool(b) => Some(BigInt::from_i64(i64::from(*b))),
        Value::Big(b) => Some((**b).clone()),
        _ => None,
    }
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    arity(vm, "to_bytes", &args, 1, 3)?;
    let Some(n) = as_big(&args[0]) else {
        return vm.type_error("descriptor 'to_bytes' requires an 'int' object");
    };
    let length = match kwarg(&kwargs, "length").or_else(|| args.get(1).cloned()) {
        None => 1,
        Some(Value::Int(l)) if l >= 0 => l as u64,
        Some(Value::Int(_)) => return vm.err("ValueError", "length argument must be non-negative"),
        Some(other) => {
            let name = type_name(vm, &other);
            return vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            ));
        }
    };
    let big_endian = byteorder(
        vm,
        kwarg(&kwargs, "byteorder").or_else(|| args.get(2).cloned()),
    )?;
    let signed = match kwarg(&kwargs, "signed") {
        Some(flag) => super::ops::truthy(vm, &flag)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return vm.err("OverflowError", "can't convert negative int to unsigned");
    }
    let bits = length.saturating_mul(8);
    let fits = if signed && bits == 0 {
        n.is_zero()
    } else if signed {
        // -2**(bits-1) <= n < 2**(bits-1)
        let bound = BigInt::from_i64(1).shl(bits - 1);
        n.sub(&bound).is_negative() && !n.add(&bound).is_negative()
    } else {
        n.bit_length() <= bits
    };
    if !fits || length > super::vm::MAX_SIZE as u64 {
        return vm.err("OverflowError", "int too big to convert");
    }
    // Two's complement of a negative number: n + 2**bits.
    let value = if n.is_negative() {
        n.add(&BigInt::from_i64(1).shl(bits))
    } else {
        n
    };
    let mut out: Vec<u8> = value
        .magnitude_words()
        .iter()
        .flat_map(|word| word.to_le_bytes())
        .chain(std::iter::repeat(0))
        .take(length as usize)
        .collect();
    if big_endian {
        out.reverse();
    }
    Ok(bytes_value(out))
}

/// `int.from_bytes(data, byteorder='big', *, signed=False)`.
pub fn int_from_bytes(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    // Called on the class, or on an int (whose value does not count).
    let args: Vec<Value> = match args.first() {
        Some(Value::Type(_) | Value::Int(_) | Value::Bool(_) | Value::Big(_)) => args[1..].to_vec(),
        _ => args,
    };
    let data = match kwarg(&kwargs, "bytes").or_else(|| args.first().cloned()) {
        Some(Value::Bytes(data)) => data,
        Some(other) => match construct(vm, vec![other], Vec::new())? {
            Value::Bytes(data) => data,
            _ => return vm.type_error("cannot convert to bytes"),
        },
        None => return vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"),
    };
    let big_endian = byteorder(
        vm,
        kwarg(&kwargs, "byteorder").or_else(|| args.get(1).cloned()),
    )?;
    let signed = match kwarg(&kwargs, "signed") {
        Some(flag) => super::ops::truthy(vm, &flag)?,
        None => false,
    };
    let mut ordered: Vec<u8> = data.to_vec();
    if !big_endian {
        ordered.reverse();
    }
    let mut value = BigInt::zero();
    for byte in &ordered {
        value = value.shl(8).add(&BigInt::from_i64(i64::from(*byte)));
    }
    if signed && ordered.first().is_some_and(|b| b & 0x80 != 0) {
        value = value.sub(&BigInt::from_i64(1).shl(8 * ordered.len() as u64));
    }
    Ok(Value::from_big(value))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("decode", bytes_decode),
    ("hex", bytes_hex),
    ("fromhex", bytes_fromhex),
    ("join", bytes_join),
    ("upper", bytes_upper),
    ("lower", bytes_lower),
    ("swapcase", bytes_swapcase),
    ("capitalize", bytes_capitalize),
    ("title", bytes_title),
    ("isdigit", bytes_isdigit),
    ("isalpha", bytes_isalpha),
    ("isalnum", bytes_isalnum),
    ("isspace", bytes_isspace),
    ("isascii", bytes_isascii),
    ("isupper", bytes_isupper),
    ("islower", bytes_islower),
    ("strip", bytes_strip),
    ("lstrip", bytes_lstrip),
    ("rstrip", bytes_rstrip),
    ("split", bytes_split),
    ("rsplit", bytes_rsplit),
    ("find", bytes_find),
    ("rfind", bytes_rfind),
    ("index", bytes_index),
    ("rindex", bytes_rindex),
    ("count", bytes_count),
    ("startswith", bytes_startswith),
    ("endswith", bytes_endswith),
    ("replace", bytes_replace),
    ("partition", bytes_partition),
    ("rpartition", bytes_rpartition),
    ("removeprefix", bytes_removeprefix),
    ("removesuffix", bytes_removesuffix),
    ("center", bytes_center),
    ("ljust", bytes_ljust),
    ("rjust", bytes_rjust),
    ("zfill", bytes_zfill),
    ("splitlines", bytes_splitlines),
    ("expandtabs", bytes_expandtabs),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repr_escapes_as_cpython_does() {
        assert_eq!(repr(b"hello"), "b'hello'");
        assert_eq!(repr(b"it's"), "b\"it's\"");
        assert_eq!(repr(b"'\""), "b'\\'\"'");
        assert_eq!(
            repr(b"\x00\t\n\r\\\x7f\xff"),
            "b'\\x00\\t\\n\\r\\\\\\x7f\\xff'"
        );
    }
}
