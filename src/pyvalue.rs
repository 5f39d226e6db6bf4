//! Python values as a scenario's `returns` can hold them, and how CPython writes them:
//! `repr()` (what `print(results)` shows inside a list) and `str()` (what `print('Result:', v)` shows).

use std::fmt::Write as _;

/// A Python scalar. Integers keep their digits so that `10**30` prints exactly as CPython does.
#[derive(Clone, Debug, PartialEq)]
pub enum PyValue {
    None,
    Bool(bool),
    Int(String),
    Float(f64),
    Str(String),
    /// A value known only by its `repr()` (what a Python program's task returned).
    Repr(String),
}

impl PyValue {
    /// Python's `repr(value)`.
    pub fn repr(&self) -> String {
        match self {
            PyValue::None => "None".to_owned(),
            PyValue::Bool(true) => "True".to_owned(),
            PyValue::Bool(false) => "False".to_owned(),
            PyValue::Int(digits) => digits.clone(),
            PyValue::Float(x) => float_repr(*x),
            PyValue::Str(s) => str_repr(s),
            PyValue::Repr(text) => text.clone(),
        }
    }

    /// Python's `str(value)`.
    pub fn str(&self) -> String {
        match self {
            PyValue::Str(s) => s.clone(),
            other => other.repr(),
        }
    }
}

/// Python's `repr(list)`: `[1, 'two', None]`.
pub fn list_repr(items: &[PyValue]) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item.repr());
    }
    out.push(']');
    out
}

/// Python's `repr(float)`: the shortest digits that round-trip, in fixed notation when the
/// decimal exponent is in -4..16 and in scientific notation (`1e+16`, `1e-05`) otherwise.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    // Rust's `{:e}` also prints the shortest round-trip digits: "1.2345e-5", "1e16".
    let scientific = format!("{:e}", x.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if (-4..16).contains(&exponent) {
        if exponent >= 0 {
            let int_len = exponent as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', int_len - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exponent - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(
            out,
            "e{}{:02}",
            if exponent < 0 { '-' } else { '+' },
            exponent.abs()
        );
    }
    out
}

/// Python's `repr(str)`: single quotes unless the text has a `'` and no `"`, with the same
/// escapes CPython uses for the backslash, the quote, `\t \n \r` and non-printable characters.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => {
                let code = c as u32;
                let _ = if code < 0x100 {
                    write!(out, "\\x{code:02x}")
                } else if code < 0x10000 {
                    write!(out, "\\u{code:04x}")
                } else {
                    write!(out, "\\U{code:08x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one character: false for control, format, separator (but the
/// ASCII space), private-use and non-characters. Unassigned code points are not known here
/// (no Unicode tables are shipped) and count as printable.
fn is_printable(c: char) -> bool {
    let code = c as u32;
    !matches!(code,
        0x00..=0x1f | 0x7f..=0xa0 | 0xad
        | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2
        | 0x1680 | 0x180e | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064
        | 0x2066..=0x206f | 0x3000 | 0xd800..=0xf8ff | 0xfdd0..=0xfdef | 0xfeff
        | 0xfff9..=0xfffb | 0x110bd | 0x110cd | 0x13430..=0x1343f | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f | 0xf0000..=0x10ffff)
        && (code & 0xfffe) != 0xfffe
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every expected string below is what CPython 3.11 prints for the same value.
    #[test]
    fn floats_print_like_python() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (2.5, "2.5"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (123456789.125, "123456789.125"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0 / 3.0 * 1e-7, "6.666666666666665e-08"),
            (1e22, "1e+22"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (5e-324, "5e-324"),
        ];
        for (value, python) in cases {
            assert_eq!(float_repr(value), python, "repr({value:?})");
        }
    }

    #[test]
    fn strings_quote_like_python() {
        let cases = [
            ("hello", "'hello'"),
            ("it's", "\"it's\""),
            ("say \"hi\"", "'say \"hi\"'"),
            ("both ' and \"", "'both \\' and \"'"),
            ("tab\tnew\nline\r", "'tab\\tnew\\nline\\r'"),
            ("back\\slash", "'back\\\\slash'"),
            ("bell\x07", "'bell\\x07'"),
            ("nbsp\u{a0}", "'nbsp\\xa0'"),
            ("zero\u{200b}width", "'zero\\u200bwidth'"),
            ("é ü 日本 🐍", "'é ü 日本 🐍'"),
            ("", "''"),
        ];
        for (value, python) in cases {
            assert_eq!(str_repr(value), python, "repr({value:?})");
        }
    }

    #[test]
    fn lists_and_scalars_print_like_python() {
        let values = vec![
            PyValue::Str("it's".into()),
            PyValue::None,
            PyValue::Bool(true),
            PyValue::Float(2.5),
            PyValue::Int("1000000000000000000000000000000".into()),
            PyValue::Bool(false),
        ];
        assert_eq!(
            list_repr(&values),
            "[\"it's\", None, True, 2.5, 1000000000000000000000000000000, False]"
        );
        assert_eq!(list_repr(&[]), "[]");
        assert_eq!(PyValue::Str("hello".into()).str(), "hello");
        assert_eq!(PyValue::Float(1e16).str(), "1e+16");
        assert_eq!(PyValue::None.str(), "None");
    }
}
