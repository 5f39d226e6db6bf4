//! Python source to tokens: logical lines with INDENT/DEDENT, names, numbers, strings (with
//! their prefixes; f-strings keep their text for the parser) and operators. Errors carry
//! CPython's wording where the tokenizer is where CPython finds them.

use std::rc::Rc;

use super::error::SyntaxError;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(Rc<str>),
    Int(Rc<str>),
    Float(f64),
    /// A string literal: its value, and whether it is an f-string (then the value is the raw
    /// text between the quotes) or bytes.
    Str {
        value: Rc<str>,
        kind: StrKind,
    },
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrKind {
    Plain,
    Bytes,
    /// `f"..."`: the text still holds its `{expressions}`; `raw` when also `r`.
    Format {
        raw: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
    /// 1-based column of the token's first character.
    pub col: u32,
    pub end_col: u32,
}

const OPERATORS: [&str; 47] = [
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
];

pub fn tokenize(source: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut lexer = Lexer {
        chars: source.chars().collect(),
        pos: 0,
        line: 1,
        line_start: 0,
        tokens: Vec::new(),
        indents: vec![0],
        brackets: Vec::new(),
        lines: source.lines().map(str::to_owned).collect(),
    };
    lexer.run()?;
    Ok(lexer.tokens)
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token>,
    indents: Vec<usize>,
    /// Open brackets: the character, its line and column.
    brackets: Vec<(char, u32, u32)>,
    lines: Vec<String>,
}

impl Lexer {
    fn col(&self) -> u32 {
        (self.pos - self.line_start) as u32 + 1
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn error(&self, message: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError::new(message, line, col, self.line_text(line))
    }

    fn line_text(&self, line: u32) -> String {
        self.lines
            .get(line as usize - 1)
            .cloned()
            .unwrap_or_default()
    }

    fn push(&mut self, tok: Tok, line: u32, col: u32) {
        let end_col = if line == self.line {
            self.col()
        } else {
            col + 1
        };
        self.tokens.push(Token {
            tok,
            line,
            col,
            end_col,
        });
    }

    fn newline(&mut self) {
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.brackets.is_empty() {
                if !self.indentation()? {
                    break;
                }
                at_line_start = false;
            }
            let Some(c) = self.peek(0) else {
                break;
            };
            let (line, col) = (self.line, self.col());
            match c {
                ' ' | '\t' | '\x0c' => self.pos += 1,
                '#' => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.pos += 1;
                    }
                }
                '\r' => self.pos += 1,
                '\n' => {
                    self.pos += 1;
                    if self.brackets.is_empty() {
                        self.push(Tok::Newline, line, col);
                        at_line_start = true;
                    }
                    self.newline();
                }
                '\\' if matches!(self.peek(1), Some('\n')) => {
                    self.pos += 2;
                    self.newline();
                }
                '\\' if matches!(self.peek(1), Some('\r'))
                    && matches!(self.peek(2), Some('\n')) =>
                {
                    self.pos += 3;
                    self.newline();
                }
                '\\' => {
                    return Err(self.error(
                        "unexpected character after line continuation character",
                        line,
                        col + 1,
                    ))
                }
                c if c.is_ascii_digit()
                    || (c == '.' && self.peek(1).is_some_and(|d| d.is_ascii_digit())) =>
                {
                    self.number()?
                }
                c if is_name_start(c) => {
                    let start = self.pos;
                    while self.peek(0).is_some_and(is_name_char) {
                        self.pos += 1;
                    }
                    let word: String = self.chars[start..self.pos].iter().collect();
                    if matches!(self.peek(0), Some('\'' | '"')) {
                        if let Some(kind) = string_prefix(&word) {
                            self.string(kind, line, col)?;
                            continue;
                        }
                    }
                    self.push(Tok::Name(word.into()), line, col);
                }
                '\'' | '"' => self.string((StrKind::Plain, false), line, col)?,
                _ => self.operator(line, col)?,
            }
        }
        if let Some(&(open, line, col)) = self.brackets.last() {
            return Err(self.error(format!("'{open}' was never closed"), line, col));
        }
        let (line, col) = (self.line, self.col());
        if !matches!(
            self.tokens.last().map(|t| &t.tok),
            None | Some(Tok::Newline | Tok::Dedent)
        ) {
            self.push(Tok::Newline, line, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, line, col);
        }
        self.push(Tok::End, line, col);
        Ok(())
    }

    /// Reads the indentation of a new line; `false` at the end of the source. Blank lines and
    /// comment lines do not count.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        loop {
            let mut width = 0;
            while let Some(c) = self.peek(0) {
                match c {
                    ' ' => width += 1,
                    '\t' => width = (width / 8 + 1) * 8,
                    '\x0c' => width = 0,
                    _ => break,
                }
                self.pos += 1;
            }
            match self.peek(0) {
                None => return Ok(false),
                Some('#') => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.pos += 1;
                    }
                }
                Some('\r') => self.pos += 1,
                Some('\n') => {
                    self.pos += 1;
                    self.newline();
                }
                Some(_) => {
                    let current = *self.indents.last().unwrap_or(&0);
                    let (line, col) = (self.line, self.col());
                    if width > current {
                        self.indents.push(width);
                        self.push(Tok::Indent, line, col);
                    } else {
                        while width < *self.indents.last().unwrap_or(&0) {
                            self.indents.pop();
                            self.push(Tok::Dedent, line, col);
                        }
                        if width != *self.indents.last().unwrap_or(&0) {
                            // CPython points past the end of the line.
                            let end = self.line_text(line).trim_end().chars().count() as u32 + 1;
                            return Err(self
                                .error(
                                    "unindent does not match any outer indentation level",
                                    line,
                                    end,
                                )
                                .indentation());
                        }
                    }
                    return Ok(true);
                }
            }
        }
    }

    /// A keyword right after a number (`1if x else 2`), which CPython 3.11 still reads.
    fn keyword_follows(&self) -> bool {
        ["and", "else", "for", "if", "in", "is", "not", "or"]
            .iter()
            .any(|word| {
                let length = word.chars().count();
                word.chars()
                    .enumerate()
                    .all(|(i, c)| self.peek(i) == Some(c))
                    && !self.peek(length).is_some_and(is_name_char)
            })
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let (line, col) = (self.line, self.col());
        let start = self.pos;
        let take_digits = |lexer: &mut Lexer, valid: fn(char) -> bool| {
            while let Some(c) = lexer.peek(0) {
                if valid(c) || (c == '_' && lexer.peek(1).is_some_and(valid)) {
                    lexer.pos += 1;
                } else {
                    break;
                }
            }
        };
        if self.peek(0) == Some('0')
            && matches!(self.peek(1), Some('x' | 'X' | 'o' | 'O' | 'b' | 'B'))
        {
            let radix = match self.peek(1) {
                Some('x' | 'X') => 16,
                Some('o' | 'O') => 8,
                _ => 2,
            };
            self.pos += 2;
            let digits_start = self.pos;
            take_digits(
                self,
                match radix {
                    16 => |c: char| c.is_ascii_hexdigit(),
                    8 => |c: char| ('0'..='7').contains(&c),
                    _ => |c: char| c == '0' || c == '1',
                },
            );
            let digits: String = self.chars[digits_start..self.pos]
                .iter()
                .filter(|c| **c != '_')
                .collect();
            let kind = match radix {
                16 => "hexadecimal",
                8 => "octal",
                _ => "binary",
            };
            // As CPython's tokenizer: a decimal digit out of the base is named; a digit
            // after an underscore is one too (`0o1_8`).
            let next = match self.peek(0) {
                Some('_') => self.peek(1),
                other => other,
            };
            if let Some(digit) = next.filter(|c| c.is_ascii_digit() && radix != 16) {
                let at = self.col() + u32::from(self.peek(0) == Some('_'));
                return Err(self.error(
                    format!("invalid digit '{digit}' in {kind} literal"),
                    line,
                    at,
                ));
            }
            if digits.is_empty()
                || self
                    .peek(0)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(self.error(format!("invalid {kind} literal"), line, col));
            }
            let literal = format!(
                "{}{digits}",
                match radix {
                    16 => "0x",
                    8 => "0o",
                    _ => "0b",
                }
            );
            self.push(Tok::Int(literal.into()), line, col);
            return Ok(());
        }
        take_digits(self, |c| c.is_ascii_digit());
        let mut is_float = false;
        if self.peek(0) == Some('.') {
            is_float = true;
            self.pos += 1;
            take_digits(self, |c| c.is_ascii_digit());
        }
        if matches!(self.peek(0), Some('e' | 'E')) && !self.keyword_follows() {
            let sign = usize::from(matches!(self.peek(1), Some('+' | '-')));
            if self.peek(1 + sign).is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                self.pos += 1 + sign;
                take_digits(self, |c| c.is_ascii_digit());
            }
        }
        if matches!(self.peek(0), Some('j' | 'J')) {
            return Err(self.error("complex numbers are not supported here", line, col));
        }
        if self.peek(0).is_some_and(is_name_char) && !self.keyword_follows() {
            return Err(self.error("invalid decimal literal", line, self.col()));
        }
        let text: String = self.chars[start..self.pos]
            .iter()
            .filter(|c| **c != '_')
            .collect();
        if is_float {
            let value = text.parse::<f64>().unwrap_or(f64::INFINITY);
            self.push(Tok::Float(value), line, col);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.bytes().any(|b| b != b'0') {
                return Err(self.error(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line,
                    col,
                ));
            }
            self.push(Tok::Int(text.into()), line, col);
        }
        Ok(())
    }

    fn string(
        &mut self,
        (kind, raw): (StrKind, bool),
        line: u32,
        col: u32,
    ) -> Result<(), SyntaxError> {
        let quote = self.peek(0).unwrap_or('"');
        let triple = self.peek(1) == Some(quote) && self.peek(2) == Some(quote);
        self.pos += if triple { 3 } else { 1 };
        let mut text = String::new();
        loop {
            let Some(c) = self.peek(0) else {
                return Err(if triple {
                    self.error(
                        format!(
                            "unterminated triple-quoted string literal (detected at line {})",
                            // CPython counts the lines the file has: a last newline ends one.
                            self.line - u32::from(self.chars.last() == Some(&'\n'))
                        ),
                        line,
                        col,
                    )
                } else {
                    self.error(
                        format!("unterminated string literal (detected at line {line})"),
                        line,
                        col,
                    )
                });
            };
            if c == quote
                && (!triple || (self.peek(1) == Some(quote) && self.peek(2) == Some(quote)))
            {
                self.pos += if triple { 3 } else { 1 };
                break;
            }
            if c == '\n' {
                if !triple {
                    return Err(self.error(
                        format!("unterminated string literal (detected at line {line})"),
                        line,
                        col,
                    ));
                }
                text.push('\n');
                self.pos += 1;
                self.newline();
                continue;
            }
            if c == '\\' {
                let next = self.peek(1);
                if raw || matches!(kind, StrKind::Format { .. }) {
                    // Kept as written: raw strings, and f-strings whose escapes are read with
                    // their expressions.
                    text.push('\\');
                    if let Some(next) = next {
                        text.push(next);
                        self.pos += 2;
                        if next == '\n' {
                            self.newline();
                        }
                    } else {
                        self.pos += 1;
                    }
                    continue;
                }
                self.pos += 2;
                match next {
                    Some('\n') => self.newline(),
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some('r') => text.push('\r'),
                    Some('\\') => text.push('\\'),
                    Some('\'') => text.push('\''),
                    Some('"') => text.push('"'),
                    Some('a') => text.push('\x07'),
                    Some('b') => text.push('\x08'),
                    Some('f') => text.push('\x0c'),
                    Some('v') => text.push('\x0b'),
                    Some('0'..='7') => {
                        let mut code = 0u32;
                        let mut count = 0;
                        self.pos -= 1;
                        while count < 3 && self.peek(0).is_some_and(|d| ('0'..='7').contains(&d)) {
                            code = code * 8 + self.peek(0).and_then(|d| d.to_digit(8)).unwrap_or(0);
                            self.pos += 1;
                            count += 1;
                        }
                        text.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    // Bytes know only `\x`: `\u`, `\U` and `\N` stay as written.
                    Some(x @ ('u' | 'U' | 'N')) if kind == StrKind::Bytes => {
                        text.push('\\');
                        text.push(x);
                    }
                    Some(x @ ('x' | 'u' | 'U')) => {
                        let digits = match x {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let hex: String = (0..digits).filter_map(|i| self.peek(i)).collect();
                        let code = (hex.len() == digits)
                            .then(|| u32::from_str_radix(&hex, 16).ok())
                            .flatten();
                        match code.and_then(char::from_u32) {
                            Some(c) => {
                                text.push(c);
                                self.pos += digits;
                            }
                            None => {
                                let what = match x {
                                    'x' => "truncated \\xXX escape",
                                    'u' => "truncated \\uXXXX escape",
                                    _ => "truncated \\UXXXXXXXX escape",
                                };
                                return Err(self.error(
                                    format!("(unicode error) 'unicodeescape' codec can't decode bytes: {what}"),
                                    line,
                                    col,
                                ));
                            }
                        }
                    }
                    Some('N') => {
                        return Err(self.error(
                            "\\N{...} escapes are not supported here",
                            line,
                            col,
                        ))
                    }
                    Some(other) => {
                        text.push('\\');
                        text.push(other);
                    }
                    None => {}
                }
                continue;
            }
            if kind == StrKind::Bytes && !c.is_ascii() {
                return Err(self.error(
                    "bytes can only contain ASCII literal characters",
                    line,
                    col,
                ));
            }
            text.push(c);
            self.pos += 1;
        }
        self.push(
            Tok::Str {
                value: text.into(),
                kind,
            },
            line,
            col,
        );
        Ok(())
    }

    fn operator(&mut self, line: u32, col: u32) -> Result<(), SyntaxError> {
        let found = OPERATORS
            .iter()
            .find(|op| op.chars().enumerate().all(|(i, c)| self.peek(i) == Some(c)));
        let Some(&op) = found else {
            let c = self.peek(0).unwrap_or(' ');
            let message = if c == '!' || c == '$' || c == '?' || c == '`' {
                "invalid syntax".to_owned()
            } else {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            };
            return Err(self.error(message, line, col));
        };
        self.pos += op.chars().count();
        match op {
            "(" | "[" | "{" => self
                .brackets
                .push((op.chars().next().unwrap_or('('), line, col)),
            ")" | "]" | "}" => {
                let close = op.chars().next().unwrap_or(')');
                match self.brackets.pop() {
                    None => return Err(self.error(format!("unmatched '{close}'"), line, col)),
                    Some((open, open_line, _)) if matching(open) != close => {
                        let message = if open_line == line {
                            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
                        } else {
                            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {open_line}")
                        };
                        return Err(self.error(message, line, col));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), line, col);
        Ok(())
    }
}

fn matching(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// `f`, `rb`, `Rf`…: what kind of literal the prefix makes, and whether it is raw.
fn string_prefix(word: &str) -> Option<(StrKind, bool)> {
    let lower = word.to_ascii_lowercase();
    Some(match lower.as_str() {
        "r" => (StrKind::Plain, true),
        "u" => (StrKind::Plain, false),
        "b" => (StrKind::Bytes, false),
        "br" | "rb" => (StrKind::Bytes, true),
        "f" => (StrKind::Format { raw: false }, false),
        "fr" | "rf" => (StrKind::Format { raw: true }, true),
        _ => return None,
    })
}

pub fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

pub fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(source: &str) -> Vec<Tok> {
        tokenize(source)
            .expect("tokens")
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn indentation_becomes_indent_and_dedent() {
        let t = toks("if x:\n    y = 1\n\n    # note\nz\n");
        assert_eq!(
            t,
            [
                Tok::Name("if".into()),
                Tok::Name("x".into()),
                Tok::Op(":"),
                Tok::Newline,
                Tok::Indent,
                Tok::Name("y".into()),
                Tok::Op("="),
                Tok::Int("1".into()),
                Tok::Newline,
                Tok::Dedent,
                Tok::Name("z".into()),
                Tok::Newline,
                Tok::End,
            ]
        );
    }

    #[test]
    fn numbers_strings_and_brackets() {
        let t = toks("f(1_000, 0x1F, 2.5e-3, .5, 'a\\n', r'a\\n', f'{x}',\n  b'z')");
        assert!(t.contains(&Tok::Int("1000".into())));
        assert!(t.contains(&Tok::Int("0x1F".into())));
        assert!(t.contains(&Tok::Float(0.0025)));
        assert!(t.contains(&Tok::Float(0.5)));
        assert!(t.contains(&Tok::Str {
            value: "a\n".into(),
            kind: StrKind::Plain
        }));
        assert!(t.contains(&Tok::Str {
            value: "a\\n".into(),
            kind: StrKind::Plain
        }));
        assert!(t.contains(&Tok::Str {
            value: "{x}".into(),
            kind: StrKind::Format { raw: false }
        }));
        assert_eq!(
            t.iter().filter(|t| **t == Tok::Newline).count(),
            1,
            "no newline inside brackets"
        );
    }

    #[test]
    fn errors_read_like_cpythons() {
        let message = |source: &str| tokenize(source).expect_err(source).message;
        assert_eq!(
            message("x = 'abc\n"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(message("print((1)\n"), "'(' was never closed");
        assert_eq!(message("x = 1)\n"), "unmatched ')'");
        assert_eq!(
            message("(1]\n"),
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(message("x = 012\n"), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        assert_eq!(
            message("if x:\n    a\n  b\n"),
            "unindent does not match any outer indentation level"
        );
        assert_eq!(message("x = 1abc\n"), "invalid decimal literal");
    }
}
