//! The regular expressions of `re`: Python's syntax (classes, groups — named, non-capturing,
//! look-around —, backreferences, greedy and lazy repeats, alternation, inline flags) parsed
//! into a tree and matched by backtracking over the text's characters, as CPython's `sre`
//! matches: the same leftmost match, the same groups. `lib/re.py` builds `Pattern` and `Match`
//! on the natives at the end of this file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::builtins::{arity, Args, Kwargs};
use super::value::*;
use super::vm::{Res, Vm};

pub const IGNORECASE: i64 = 2;
pub const MULTILINE: i64 = 8;
pub const DOTALL: i64 = 16;
pub const VERBOSE: i64 = 64;
pub const ASCII: i64 = 256;

/// How deep matching may nest (each repeat of a group, each element of a sequence): past it,
/// the search raises RecursionError rather than overflowing the stack. A worker's stack holds
/// about 700 in Chromium (measured: `(ab)*` over 400 pairs overflowed it, 350 did not).
const MAX_DEPTH: usize = 400;
/// How many steps one search may take before it gives up (catastrophic backtracking).
const MAX_STEPS: u64 = 20_000_000;

#[derive(Clone, Debug)]
enum ClassItem {
    Char(char),
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug)]
enum Node {
    Char(char),
    /// Characters in a row (`hello`), matched in one step.
    Literal(Vec<char>),
    Any,
    Class(Vec<ClassItem>, bool),
    Start,
    End,
    StringStart,
    StringEnd,
    WordBoundary(bool),
    Group(Option<usize>, Box<Node>),
    Backref(usize),
    Look(bool, bool, Box<Node>, usize),
    Repeat(Box<Node>, usize, Option<usize>, bool),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
}

pub struct Regex {
    root: Node,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub flags: i64,
}

/// A pattern that does not compile: CPython's message and position.
pub struct PatternError {
    pub message: String,
    pub pos: usize,
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    flags: i64,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
}

fn fail<T>(message: impl Into<String>, pos: usize) -> Result<T, PatternError> {
    Err(PatternError {
        message: message.into(),
        pos,
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// A group's name: where it starts, and its text up to `end` (not taken).
    fn name_until(&mut self, end: char) -> (usize, String) {
        let start = self.at;
        while self.peek().is_some_and(|c| c != end) {
            self.at += 1;
        }
        (start, self.chars[start..self.at].iter().collect())
    }

    fn skip_verbose(&mut self) {
        if self.flags & VERBOSE == 0 {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.at += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.at += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.sequence()?];
        while self.eat('|') {
            branches.push(self.sequence()?);
        }
        if branches.len() == 1 {
            return Ok(branches.pop().unwrap_or(Node::Seq(Vec::new())));
        }
        // `a|b|[cd]`: one character of a set, which a repeat counts without recursion.
        let mut set = Vec::new();
        for branch in &branches {
            match branch {
                Node::Char(c) => set.push(ClassItem::Char(*c)),
                Node::Class(items, false) => set.extend(items.iter().cloned()),
                _ => return Ok(Node::Alt(branches)),
            }
        }
        Ok(Node::Class(set, false))
    }

    fn sequence(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|') => break,
                Some(')') => {
                    if self.open.is_empty() {
                        return fail("unbalanced parenthesis", self.at);
                    }
                    break;
                }
                _ => {}
            }
            let atom = self.atom()?;
            let atom = self.quantified(atom)?;
            items.push(atom);
        }
        let items = literal_runs(items);
        Ok(if items.len() == 1 {
            items.into_iter().next().unwrap_or(Node::Seq(Vec::new()))
        } else {
            Node::Seq(items)
        })
    }

    fn number(&mut self) -> Option<usize> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let text: String = self.chars[start..self.at].iter().collect();
        text.parse().ok()
    }

    /// `{m,n}` here: its bounds, read through the `}`; None, with nothing read, when the `{`
    /// is a literal one (`{}`, `{x}`, no `}`).
    fn braces(&mut self) -> Option<(Option<usize>, Option<usize>)> {
        let at = self.at;
        if !self.eat('{') {
            return None;
        }
        let min = self.number();
        let comma = self.eat(',');
        let max = if comma { self.number() } else { min };
        if !self.eat('}') || (min.is_none() && !comma) {
            self.at = at;
            return None;
        }
        Some((min, max))
    }

    /// Whether a repeat (`*`, `+`, `?`, `{m,n}`) starts here.
    fn repeat_follows(&mut self) -> bool {
        let at = self.at;
        let found = matches!(self.peek(), Some('*' | '+' | '?')) || self.braces().is_some();
        self.at = at;
        found
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, PatternError> {
        self.skip_verbose();
        let at = self.at;
        let (min, max) = match self.peek() {
            Some(c @ ('*' | '+' | '?')) => {
                self.at += 1;
                match c {
                    '*' => (0, None),
                    '+' => (1, None),
                    _ => (0, Some(1)),
                }
            }
            Some('{') => match self.braces() {
                None => return Ok(atom),
                Some((min, max)) => {
                    let min = min.unwrap_or(0);
                    if max.is_some_and(|m| m < min) {
                        return fail("min repeat greater than max repeat", at + 1);
                    }
                    (min, max)
                }
            },
            _ => return Ok(atom),
        };
        if matches!(
            atom,
            Node::Start | Node::End | Node::StringStart | Node::StringEnd | Node::WordBoundary(_)
        ) || matches!(&atom, Node::Seq(s) if s.is_empty())
        {
            return fail("nothing to repeat", at);
        }
        let lazy = self.eat('?');
        if self.repeat_follows() {
            return fail("multiple repeat", self.at);
        }
        Ok(Node::Repeat(Box::new(atom), min, max, !lazy))
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let at = self.at;
        let Some(c) = self.peek() else {
            return fail("unexpected end of pattern", at);
        };
        self.at += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '[' => self.class(at)?,
            '(' => self.group(at)?,
            '\\' => self.escape(at)?,
            '*' | '+' | '?' => return fail("nothing to repeat", at),
            '{' => Node::Char('{'),
            _ => Node::Char(c),
        })
    }

    fn group(&mut self, at: usize) -> Result<Node, PatternError> {
        let mut capture = true;
        let mut name = None;
        let mut look: Option<(bool, bool)> = None;
        if self.eat('?') {
            match self.peek() {
                Some(':') => {
                    self.at += 1;
                    capture = false;
                }
                Some('P') => {
                    self.at += 1;
                    if self.eat('<') {
                        let (start, text) = self.name_until('>');
                        if !self.eat('>') {
                            return fail("missing >, unterminated name", start);
                        }
                        let valid = text
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_alphabetic() || c == '_')
                            && text.chars().all(|c| c.is_alphanumeric() || c == '_');
                        if !valid {
                            return fail(format!("bad character in group name '{text}'"), start);
                        }
                        if let Some((_, was)) = self.names.iter().find(|(n, _)| *n == text) {
                            return fail(
                                format!(
                                    "redefinition of group name '{text}' as group {}; was group {was}",
                                    self.groups + 1
                                ),
                                start,
                            );
                        }
                        name = Some(text);
                    } else if self.eat('=') {
                        let (start, text) = self.name_until(')');
                        if !self.eat(')') {
                            return fail("missing ), unterminated name", start);
                        }
                        return match self.names.iter().find(|(n, _)| *n == text) {
                            Some((_, index)) => Ok(Node::Backref(*index)),
                            None => fail(format!("unknown group name '{text}'"), start),
                        };
                    } else {
                        return fail("unknown extension ?P", at + 1);
                    }
                }
                Some('=') => {
                    self.at += 1;
                    look = Some((true, false));
                }
                Some('!') => {
                    self.at += 1;
                    look = Some((false, false));
                }
                Some('<') if matches!(self.chars.get(self.at + 1), Some('=' | '!')) => {
                    let positive = self.chars[self.at + 1] == '=';
                    self.at += 2;
                    look = Some((positive, true));
                }
                Some('#') => {
                    while self.peek().is_some_and(|c| c != ')') {
                        self.at += 1;
                    }
                    if !self.eat(')') {
                        return fail("missing ), unterminated comment", at);
                    }
                    return Ok(Node::Seq(Vec::new()));
                }
                Some(c) if "aiLmsux".contains(c) => {
                    let mut flags = 0;
                    while let Some(c) = self.peek() {
                        let flag = match c {
                            'i' => IGNORECASE,
                            'm' => MULTILINE,
                            's' => DOTALL,
                            'x' => VERBOSE,
                            'a' => ASCII,
                            'u' | 'L' => 0,
                            _ => break,
                        };
                        flags |= flag;
                        self.at += 1;
                    }
                    if self.eat(')') {
                        if at != 0 {
                            return fail("global flags not at the start of the expression", at);
                        }
                        self.flags |= flags;
                        return Ok(Node::Seq(Vec::new()));
                    }
                    if self.eat(':') {
                        // Scoped flags: applied while this group is read.
                        let saved = self.flags;
                        self.flags |= flags;
                        self.open.push(at);
                        let inner = self.alternation()?;
                        self.open.pop();
                        self.flags = saved;
                        if !self.eat(')') {
                            return fail("missing ), unterminated subpattern", at);
                        }
                        return Ok(Node::Group(None, Box::new(self.with_case(inner, flags))));
                    }
                    return fail("missing -, : or )", self.at);
                }
                _ => {
                    let c = self.peek().map(String::from).unwrap_or_default();
                    return fail(format!("unknown extension ?{c}"), at + 1);
                }
            }
        }
        let index = if capture && look.is_none() {
            self.groups += 1;
            if let Some(name) = name {
                self.names.push((name, self.groups));
            }
            Some(self.groups)
        } else {
            None
        };
        self.open.push(at);
        let inner = self.alternation()?;
        self.open.pop();
        if !self.eat(')') {
            return fail("missing ), unterminated subpattern", at);
        }
        if index.is_none() && look.is_none() && Matcher::single(&inner) {
            // `(?:a|b)`: the character itself.
            return Ok(inner);
        }
        if let Some((positive, behind)) = look {
            let width = if behind {
                match fixed_width(&inner) {
                    Some(w) => w,
                    // CPython names no position for this one.
                    None => return fail("look-behind requires fixed-width pattern", usize::MAX),
                }
            } else {
                0
            };
            return Ok(Node::Look(positive, behind, Box::new(inner), width));
        }
        Ok(Node::Group(index, Box::new(inner)))
    }

    /// A scoped `(?i:...)`: its characters compared without case.
    fn with_case(&self, node: Node, flags: i64) -> Node {
        if flags & IGNORECASE == 0 {
            return node;
        }
        fold_node(node)
    }

    fn escape_char(
        &mut self,
        at: usize,
        in_class: bool,
    ) -> Result<Result<char, ClassItem>, PatternError> {
        let Some(c) = self.peek() else {
            return fail("bad escape (end of pattern)", at);
        };
        self.at += 1;
        Ok(Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            'b' if in_class => '\x08',
            '0' => {
                let mut code = 0;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|d| ('0'..='7').contains(&d)) {
                    code = code * 8 + self.peek().and_then(|d| d.to_digit(8)).unwrap_or(0);
                    self.at += 1;
                    n += 1;
                }
                char::from_u32(code).unwrap_or('\0')
            }
            'x' | 'u' | 'U' => {
                let digits = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = self.chars[self.at..].iter().take(digits).collect();
                let code = (hex.len() == digits)
                    .then(|| u32::from_str_radix(&hex, 16).ok())
                    .flatten();
                match code.and_then(char::from_u32) {
                    Some(ch) => {
                        self.at += digits;
                        ch
                    }
                    None => return fail(format!("incomplete escape \\{c}{hex}"), at),
                }
            }
            'd' => return Ok(Err(ClassItem::Digit(true))),
            'D' => return Ok(Err(ClassItem::Digit(false))),
            'w' => return Ok(Err(ClassItem::Word(true))),
            'W' => return Ok(Err(ClassItem::Word(false))),
            's' => return Ok(Err(ClassItem::Space(true))),
            'S' => return Ok(Err(ClassItem::Space(false))),
            c if c.is_ascii_alphanumeric() => return fail(format!("bad escape \\{c}"), at),
            c => c,
        }))
    }

    fn escape(&mut self, at: usize) -> Result<Node, PatternError> {
        match self.peek() {
            Some('A') => {
                self.at += 1;
                return Ok(Node::StringStart);
            }
            Some('Z') => {
                self.at += 1;
                return Ok(Node::StringEnd);
            }
            Some('b') => {
                self.at += 1;
                return Ok(Node::WordBoundary(true));
            }
            Some('B') => {
                self.at += 1;
                return Ok(Node::WordBoundary(false));
            }
            Some(d) if d.is_ascii_digit() && d != '0' => {
                let mut number = 0usize;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    number = number * 10
                        + self.peek().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
                    self.at += 1;
                    n += 1;
                }
                if number > self.groups {
                    return fail(format!("invalid group reference {number}"), at + 1);
                }
                return Ok(Node::Backref(number));
            }
            _ => {}
        }
        Ok(match self.escape_char(at, false)? {
            Ok(c) => Node::Char(c),
            Err(item) => Node::Class(vec![item], false),
        })
    }

    fn class(&mut self, at: usize) -> Result<Node, PatternError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return fail("unterminated character set", at);
            };
            if c == ']' && !first {
                self.at += 1;
                break;
            }
            first = false;
            let item_at = self.at;
            self.at += 1;
            let low = if c == '\\' {
                match self.escape_char(item_at, true)? {
                    Ok(ch) => ch,
                    Err(item) => {
                        items.push(item);
                        continue;
                    }
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.chars.get(self.at + 1).is_some_and(|&n| n != ']') {
                self.at += 1;
                let high_at = self.at;
                let Some(next) = self.peek() else {
                    return fail("unterminated character set", at);
                };
                self.at += 1;
                let high = if next == '\\' {
                    match self.escape_char(high_at, true)? {
                        Ok(ch) => ch,
                        Err(_) => {
                            let text: String = self.chars[item_at..self.at].iter().collect();
                            return fail(format!("bad character range {text}"), item_at);
                        }
                    }
                } else {
                    next
                };
                if high < low {
                    let text: String = self.chars[item_at..self.at].iter().collect();
                    return fail(format!("bad character range {text}"), item_at);
                }
                items.push(ClassItem::Range(low, high));
            } else {
                items.push(ClassItem::Char(low));
            }
        }
        Ok(Node::Class(items, negated))
    }
}

/// Characters in a row joined into one literal, so that matching them nests no deeper.
fn literal_runs(items: Vec<Node>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(items.len());
    for item in items {
        match (out.last_mut(), item) {
            (Some(Node::Literal(run)), Node::Char(c)) => run.push(c),
            (Some(last @ Node::Char(_)), Node::Char(c)) => {
                if let Node::Char(first) = *last {
                    *last = Node::Literal(vec![first, c]);
                }
            }
            (_, item) => out.push(item),
        }
    }
    out
}

/// Characters compared without case inside a scoped `(?i:...)`.
fn fold_node(node: Node) -> Node {
    match node {
        Node::Char(c) => {
            let (lower, upper) = (lower(c), upper(c));
            if lower == upper {
                Node::Char(c)
            } else {
                Node::Class(vec![ClassItem::Char(lower), ClassItem::Char(upper)], false)
            }
        }
        Node::Class(items, negated) => {
            let mut folded = items.clone();
            for item in items {
                match item {
                    ClassItem::Char(c) => {
                        folded.push(ClassItem::Char(lower(c)));
                        folded.push(ClassItem::Char(upper(c)));
                    }
                    ClassItem::Range(a, b) if (b as u32) - (a as u32) < 2_000 => {
                        for code in a as u32..=b as u32 {
                            if let Some(c) = char::from_u32(code) {
                                folded.push(ClassItem::Char(lower(c)));
                                folded.push(ClassItem::Char(upper(c)));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Node::Class(folded, negated)
        }
        Node::Literal(run) => {
            Node::Seq(run.into_iter().map(|c| fold_node(Node::Char(c))).collect())
        }
        Node::Group(i, inner) => Node::Group(i, Box::new(fold_node(*inner))),
        Node::Look(p, b, inner, w) => Node::Look(p, b, Box::new(fold_node(*inner)), w),
        Node::Repeat(inner, a, b, g) => Node::Repeat(Box::new(fold_node(*inner)), a, b, g),
        Node::Seq(items) => Node::Seq(items.into_iter().map(fold_node).collect()),
        Node::Alt(items) => Node::Alt(items.into_iter().map(fold_node).collect()),
        other => other,
    }
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// How many characters `node` always matches, if that is fixed (for a look-behind).
fn fixed_width(node: &Node) -> Option<usize> {
    match node {
        Node::Char(_) | Node::Any | Node::Class(..) => Some(1),
        Node::Literal(run) => Some(run.len()),
        Node::Start
        | Node::End
        | Node::StringStart
        | Node::StringEnd
        | Node::WordBoundary(_)
        | Node::Look(..) => Some(0),
        Node::Group(_, inner) => fixed_width(inner),
        Node::Backref(_) => None,
        Node::Repeat(inner, min, max, _) if Some(*min) == *max => Some(fixed_width(inner)? * min),
        Node::Repeat(..) => None,
        Node::Seq(items) => items.iter().map(fixed_width).sum(),
        Node::Alt(items) => {
            let first = fixed_width(items.first()?)?;
            items
                .iter()
                .all(|i| fixed_width(i) == Some(first))
                .then_some(first)
        }
    }
}

pub fn compile(pattern: &str, flags: i64) -> Result<Regex, PatternError> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut parser = Parser {
        chars: &chars,
        at: 0,
        flags,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
    };
    let root = parser.alternation()?;
    if parser.at < chars.len() {
        return fail("unbalanced parenthesis", parser.at);
    }
    Ok(Regex {
        root,
        groups: parser.groups,
        names: parser.names,
        flags: parser.flags,
    })
}

/// Group spans: `caps[2 * i]`, `caps[2 * i + 1]`, `usize::MAX` for unset.
type Caps = Vec<usize>;
const UNSET: usize = usize::MAX;

struct Matcher<'a> {
    regex: &'a Regex,
    text: &'a [char],
    end: usize,
    steps: u64,
    depth: usize,
    too_complex: bool,
}

impl Matcher<'_> {
    fn is_word(&self, c: char) -> bool {
        if self.regex.flags & ASCII != 0 {
            c.is_ascii_alphanumeric() || c == '_'
        } else {
            c.is_alphanumeric() || c == '_'
        }
    }

    fn item_matches(&self, item: &ClassItem, c: char) -> bool {
        let ascii = self.regex.flags & ASCII != 0;
        match item {
            ClassItem::Char(x) => *x == c,
            ClassItem::Range(a, b) => *a <= c && c <= *b,
            ClassItem::Digit(yes) => {
                (c.is_ascii_digit() || (!ascii && is_unicode_decimal(c))) == *yes
            }
            ClassItem::Word(yes) => self.is_word(c) == *yes,
            ClassItem::Space(yes) => {
                (if ascii {
                    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
                } else {
                    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
                }) == *yes
            }
        }
    }

    fn char_matches(&self, node: &Node, c: char) -> bool {
        let fold = self.regex.flags & IGNORECASE != 0;
        match node {
            Node::Char(x) => *x == c || (fold && lower(*x) == lower(c)),
            Node::Any => c != '\n' || self.regex.flags & DOTALL != 0,
            Node::Class(items, negated) => {
                let found = items.iter().any(|item| self.item_matches(item, c))
                    || (fold
                        && items.iter().any(|item| {
                            self.item_matches(item, lower(c)) || self.item_matches(item, upper(c))
                        }));
                found != *negated
            }
            _ => false,
        }
    }

    fn single(node: &Node) -> bool {
        matches!(node, Node::Char(_) | Node::Any | Node::Class(..))
    }

    /// Matches `node` at `pos`, then the continuation `k`; true once `k` accepts.
    fn m(
        &mut self,
        node: &Node,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS || self.depth > MAX_DEPTH {
            self.too_complex = true;
            return false;
        }
        if self.too_complex {
            return false;
        }
        self.depth += 1;
        let found = self.step(node, pos, caps, k);
        self.depth -= 1;
        found
    }

    fn step(
        &mut self,
        node: &Node,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        let multiline = self.regex.flags & MULTILINE != 0;
        match node {
            Node::Char(_) | Node::Any | Node::Class(..) => {
                pos < self.end && self.char_matches(node, self.text[pos]) && k(self, pos + 1, caps)
            }
            Node::Literal(run) => {
                let fold = self.regex.flags & IGNORECASE != 0;
                pos + run.len() <= self.end
                    && run.iter().enumerate().all(|(i, &c)| {
                        let t = self.text[pos + i];
                        t == c || (fold && lower(t) == lower(c))
                    })
                    && k(self, pos + run.len(), caps)
            }
            Node::Start => {
                (pos == 0 || (multiline && self.text[pos - 1] == '\n')) && k(self, pos, caps)
            }
            Node::End => {
                let at_end = pos == self.end
                    || (pos + 1 == self.end && self.text[pos] == '\n')
                    || (multiline && pos < self.end && self.text[pos] == '\n');
                at_end && k(self, pos, caps)
            }
            Node::StringStart => pos == 0 && k(self, pos, caps),
            Node::StringEnd => pos == self.end && k(self, pos, caps),
            Node::WordBoundary(yes) => {
                let before = pos > 0 && self.is_word(self.text[pos - 1]);
                let after = pos < self.end && self.is_word(self.text[pos]);
                ((before != after) == *yes) && k(self, pos, caps)
            }
            Node::Group(index, inner) => match index {
                None => self.m(inner, pos, caps, k),
                Some(i) => {
                    let i = *i;
                    let saved = (caps[2 * i], caps[2 * i + 1]);
                    let found = self.m(
                        inner,
                        pos,
                        caps,
                        &mut |me: &mut Self, end, caps: &mut Caps| {
                            let inner_saved = (caps[2 * i], caps[2 * i + 1]);
                            caps[2 * i] = pos;
                            caps[2 * i + 1] = end;
                            if k(me, end, caps) {
                                return true;
                            }
                            caps[2 * i] = inner_saved.0;
                            caps[2 * i + 1] = inner_saved.1;
                            false
                        },
                    );
                    if !found {
                        caps[2 * i] = saved.0;
                        caps[2 * i + 1] = saved.1;
                    }
                    found
                }
            },
            Node::Backref(i) => {
                let (start, end) = (caps[2 * i], caps[2 * i + 1]);
                if start == UNSET {
                    return false;
                }
                let len = end - start;
                if pos + len > self.end {
                    return false;
                }
                let fold = self.regex.flags & IGNORECASE != 0;
                let same = (0..len).all(|j| {
                    let (a, b) = (self.text[start + j], self.text[pos + j]);
                    a == b || (fold && lower(a) == lower(b))
                });
                same && k(self, pos + len, caps)
            }
            Node::Look(positive, behind, inner, width) => {
                let start = if *behind {
                    match pos.checked_sub(*width) {
                        Some(s) => s,
                        None => return !*positive && k(self, pos, caps),
                    }
                } else {
                    pos
                };
                let mut trial = caps.clone();
                let target = pos;
                let matched = self.m(
                    inner,
                    start,
                    &mut trial,
                    &mut |_: &mut Self, end, _: &mut Caps| !*behind || end == target,
                );
                if matched != *positive {
                    return false;
                }
                if *positive {
                    let saved = caps.clone();
                    *caps = trial;
                    if k(self, pos, caps) {
                        return true;
                    }
                    *caps = saved;
                    false
                } else {
                    k(self, pos, caps)
                }
            }
            Node::Seq(items) => self.seq(items, 0, pos, caps, k),
            Node::Alt(branches) => {
                for branch in branches {
                    if self.m(branch, pos, caps, k) {
                        return true;
                    }
                    if self.too_complex {
                        return false;
                    }
                }
                false
            }
            Node::Repeat(inner, min, max, greedy) => {
                if Self::single(inner) {
                    // One character at a time: counted, no recursion per repeat.
                    let limit = max.unwrap_or(usize::MAX);
                    let mut count = 0;
                    if *greedy {
                        while count < limit && self.single_at(inner, pos + count) {
                            count += 1;
                        }
                        if count < *min {
                            return false;
                        }
                        loop {
                            if let Some(found) = self.attempt(pos + count, caps, k) {
                                return found;
                            }
                            if count == *min {
                                return false;
                            }
                            count -= 1;
                        }
                    }
                    while count < *min {
                        if !self.single_at(inner, pos + count) {
                            return false;
                        }
                        count += 1;
                    }
                    loop {
                        if let Some(found) = self.attempt(pos + count, caps, k) {
                            return found;
                        }
                        if count >= limit || !self.single_at(inner, pos + count) {
                            return false;
                        }
                        count += 1;
                    }
                }
                self.repeat(inner, *min, *max, *greedy, 0, pos, usize::MAX, caps, k)
            }
        }
    }

    /// Whether the one-character `node` matches the character at `at`.
    fn single_at(&self, node: &Node, at: usize) -> bool {
        at < self.end && self.char_matches(node, self.text[at])
    }

    /// One try of the continuation at `end`, counted: the search's answer once it is settled
    /// (matched, or given up), None to go on trying.
    fn attempt(
        &mut self,
        end: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> Option<bool> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            self.too_complex = true;
            return Some(false);
        }
        if k(self, end, caps) {
            return Some(true);
        }
        self.too_complex.then_some(false)
    }

    fn seq(
        &mut self,
        items: &[Node],
        index: usize,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        match items.get(index) {
            None => k(self, pos, caps),
            Some(item) => self.m(
                item,
                pos,
                caps,
                &mut |me: &mut Self, next, caps: &mut Caps| me.seq(items, index + 1, next, caps, k),
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat(
        &mut self,
        inner: &Node,
        min: usize,
        max: Option<usize>,
        greedy: bool,
        count: usize,
        pos: usize,
        last: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        let can_more = max.is_none_or(|m| count < m) && pos != last;
        let more = |me: &mut Self,
                    caps: &mut Caps,
                    k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool| {
            can_more
                && me.m(
                    inner,
                    pos,
                    caps,
                    &mut |me: &mut Self, next, caps: &mut Caps| {
                        // An empty repeat ends the loop (as sre does), past the minimum.
                        if next == pos && count + 1 > min {
                            return false;
                        }
                        me.repeat(inner, min, max, greedy, count + 1, next, pos, caps, k)
                    },
                )
        };
        if count < min {
            return more(self, caps, k);
        }
        if greedy {
            more(self, caps, k) || (!self.too_complex && k(self, pos, caps))
        } else {
            k(self, pos, caps) || (!self.too_complex && more(self, caps, k))
        }
    }
}

fn is_unicode_decimal(c: char) -> bool {
    // Decimal digits of other scripts (Arabic-Indic, Devanagari…): numeric with a digit value.
    !c.is_ascii() && c.is_numeric() && {
        let code = c as u32;
        [
            0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
            0xe50, 0xed0, 0xf20, 0x1040, 0xff10,
        ]
        .iter()
        .any(|&zero| (zero..zero + 10).contains(&code))
    }
}

pub enum Outcome {
    Found(Caps),
    Missing,
    TooComplex,
}

/// The first match at or after `pos` (only at `pos` when `anchored`; the whole of
/// `text[pos..end]` when `full`), not an empty one at `not_empty_at`.
pub fn search(
    regex: &Regex,
    text: &[char],
    pos: usize,
    end: usize,
    anchored: bool,
    full: bool,
    not_empty_at: Option<usize>,
) -> Outcome {
    let mut matcher = Matcher {
        regex,
        text,
        end,
        steps: 0,
        depth: 0,
        too_complex: false,
    };
    let mut start = pos;
    loop {
        let mut caps = vec![UNSET; 2 * (regex.groups + 1)];
        let found = matcher.m(
            &regex.root,
            start,
            &mut caps,
            &mut |_: &mut Matcher, stop, caps: &mut Caps| {
                if full && stop != end {
                    return false;
                }
                if not_empty_at == Some(start) && stop == start {
                    return false;
                }
                caps[0] = start;
                caps[1] = stop;
                true
            },
        );
        if matcher.too_complex {
            return Outcome::TooComplex;
        }
        if found {
            return Outcome::Found(caps);
        }
        if anchored || start >= end {
            return Outcome::Missing;
        }
        start += 1;
    }
}

// ----- natives for lib/re.py ------------------------------------------------------------------

/// The patterns compiled so far, and where each (pattern, flags) is among them.
#[derive(Default)]
struct Compiled {
    patterns: Vec<Rc<Regex>>,
    numbers: HashMap<(String, i64), usize>,
}

/// The characters of the text searched last (a `finditer` searches the same text again and
/// again).
#[derive(Default)]
struct LastText {
    text: Option<Rc<str>>,
    chars: Rc<[char]>,
}

thread_local! {
    static COMPILED: RefCell<Compiled> = RefCell::default();
    static TEXT: RefCell<LastText> = RefCell::default();
}

fn compiled(vm: &mut Vm, index: &Value) -> Res<Rc<Regex>> {
    let Value::Int(i) = index else {
        return vm.type_error("a compiled pattern number");
    };
    match COMPILED.with(|c| c.borrow().patterns.get(*i as usize).cloned()) {
        Some(regex) => Ok(regex),
        None => vm.err("ValueError", "no such compiled pattern"),
    }
}

fn text_chars(text: &Rc<str>) -> Rc<[char]> {
    TEXT.with(|last| {
        let mut last = last.borrow_mut();
        if last.text.as_ref().is_some_and(|t| Rc::ptr_eq(t, text)) {
            return last.chars.clone();
        }
        let chars: Rc<[char]> = text.chars().collect();
        *last = LastText {
            text: Some(text.clone()),
            chars: chars.clone(),
        };
        chars
    })
}

/// `_compile(pattern, flags)`: the compiled pattern's number, its group count, its named
/// groups and its flags; or `(message, position)` of CPython's `re.error`.
pub fn re_compile(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_compile", &args, 2, 2)?;
    let (Value::Str(pattern), Value::Int(flags)) = (&args[0], &args[1]) else {
        return vm.type_error("_compile(pattern, flags)");
    };
    let key = (pattern.to_string(), *flags);
    if let Some(found) = COMPILED.with(|c| c.borrow().numbers.get(&key).copied()) {
        return describe(vm, found);
    }
    match compile(pattern, *flags) {
        Ok(regex) => {
            let index = COMPILED.with(|c| {
                let mut c = c.borrow_mut();
                c.patterns.push(Rc::new(regex));
                let index = c.patterns.len() - 1;
                c.numbers.insert(key, index);
                index
            });
            describe(vm, index)
        }
        Err(error) => Ok(Value::tuple(vec![
            Value::str(&error.message),
            Value::Int(i64::try_from(error.pos).unwrap_or(-1)),
        ])),
    }
}

fn describe(vm: &mut Vm, index: usize) -> Res<Value> {
    let regex = compiled(vm, &Value::Int(index as i64))?;
    let mut names = super::dict::Dict::new();
    for (name, group) in &regex.names {
        super::ops::dict_set(vm, &mut names, Value::str(name), Value::Int(*group as i64))?;
    }
    Ok(Value::tuple(vec![
        Value::Int(index as i64),
        Value::Int(regex.groups as i64),
        Value::dict(names),
        Value::Int(regex.flags),
    ]))
}

/// `_search(number, text, pos, endpos, mode, not_empty_at)`: mode 0 matches at `pos`, 1
/// searches, 2 matches the whole; the spans of the groups (start, end, …; -1 for a group
/// that took no part), or None.
pub fn re_search(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "_search", &args, 6, 6)?;
    let regex = compiled(vm, &args[0])?;
    let Value::Str(text) = &args[1] else {
        let name = super::ops::type_name(vm, &args[1]);
        return vm.type_error(format!(
            "expected string or bytes-like object, got '{name}'"
        ));
    };
    let chars = text_chars(text);
    let number = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    };
    let len = chars.len() as i64;
    let pos = number(&args[2]).unwrap_or(0).clamp(0, len) as usize;
    let end = number(&args[3]).unwrap_or(len).clamp(0, len) as usize;
    let mode = number(&args[4]).unwrap_or(1);
    let not_empty_at = number(&args[5]).and_then(|n| usize::try_from(n).ok());
    if pos > end {
        return Ok(Value::None);
    }
    match search(&regex, &chars, pos, end, mode != 1, mode == 2, not_empty_at) {
        Outcome::Found(caps) => Ok(Value::tuple(
            caps.iter()
                .map(|&c| Value::Int(if c == UNSET { -1 } else { c as i64 }))
                .collect(),
        )),
        Outcome::Missing => Ok(Value::None),
        Outcome::TooComplex => vm.err(
            "RecursionError",
            "maximum recursion depth exceeded while matching the regular expression (the playground backtracks at most so far)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(pattern: &str, text: &str) -> Option<Vec<Option<(usize, usize)>>> {
        let regex = compile(pattern, 0).ok()?;
        let chars: Vec<char> = text.chars().collect();
        match search(&regex, &chars, 0, chars.len(), false, false, None) {
            Outcome::Found(caps) => Some(
                caps.chunks(2)
                    .map(|c| (c[0] != UNSET).then_some((c[0], c[1])))
                    .collect(),
            ),
            _ => None,
        }
    }

    #[test]
    fn the_leftmost_match_and_its_groups_as_sre_finds_them() {
        assert_eq!(
            first(r"(\w+)@(\w+)\.com", "mail bob@ex.com"),
            Some(vec![Some((5, 15)), Some((5, 8)), Some((9, 11))])
        );
        assert_eq!(first(r"a*?b", "aaab"), Some(vec![Some((0, 4))]));
        assert_eq!(
            first(r"(a|ab)(c|bcd)", "abcd"),
            Some(vec![Some((0, 4)), Some((0, 1)), Some((1, 4))])
        );
        assert_eq!(first(r"(a)|b", "b"), Some(vec![Some((0, 1)), None]));
        assert_eq!(first(r"(?<=\$)\d+", "cost $42"), Some(vec![Some((6, 8))]));
        assert_eq!(
            first(r"(\w)\1", "abccd"),
            Some(vec![Some((2, 4)), Some((2, 3))])
        );
        assert!(first(r"x{2,3}", "axb").is_none());
    }

    #[test]
    fn a_bad_pattern_says_what_cpython_says() {
        let error = |p: &str| compile(p, 0).err().map(|e| (e.message, e.pos));
        assert_eq!(
            error("(ab"),
            Some(("missing ), unterminated subpattern".into(), 0))
        );
        assert_eq!(error("ab)"), Some(("unbalanced parenthesis".into(), 2)));
        assert_eq!(error("*a"), Some(("nothing to repeat".into(), 0)));
        assert_eq!(error("[a-"), Some(("unterminated character set".into(), 0)));
        assert_eq!(error("[z-a]"), Some(("bad character range z-a".into(), 1)));
    }
}
