//! Tokens to a syntax tree: a recursive-descent parser for the Python this playground runs,
//! with CPython 3.11's messages for the mistakes learners make most.

use std::rc::Rc;

use super::ast::*;
use super::error::SyntaxError;
use super::lexer::{tokenize, StrKind, Tok, Token};

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn parse_program(source: &str) -> Result<Vec<Stmt>, SyntaxError> {
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        lines: source.lines().map(str::to_owned).collect(),
        depth: 0,
    };
    let mut body = Vec::new();
    while !parser.at(&Tok::End) {
        if parser.at(&Tok::Indent) {
            return Err(parser.error_here("unexpected indent").indentation());
        }
        if parser.eat(&Tok::Newline) {
            continue;
        }
        body.extend(parser.statement()?);
    }
    Ok(body)
}

/// Parses one expression (an f-string's `{…}`), its positions shifted to where it stands.
fn parse_expression_at(
    text: &str,
    line: u32,
    col: u32,
    source_line: &str,
) -> Result<Expr, SyntaxError> {
    let shift = |mut e: SyntaxError| {
        e.line = line;
        e.col += col;
        e.text = source_line.to_owned();
        // CPython 3.11 says where the error is: in an f-string's expression.
        if !e.message.starts_with("f-string") {
            e.message = format!("f-string: {}", e.message);
        }
        e
    };
    let tokens = tokenize(&format!("({text})")).map_err(shift)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        lines: vec![source_line.to_owned()],
        depth: 0,
    };
    let expr = parser.star_expressions().map_err(shift)?;
    parser.skip_newlines();
    if !parser.at(&Tok::End) {
        return Err(shift(parser.error_here("f-string: expecting '}'")));
    }
    Ok(relocate(expr, line, col))
}

fn relocate(mut expr: Expr, line: u32, col: u32) -> Expr {
    expr.pos = Pos {
        line,
        col: col + expr.pos.col.saturating_sub(1),
    };
    expr
}

/// How deep expressions may nest before the parser refuses (CPython: "too many nested
/// parentheses"), so that hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 150;

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    lines: Vec<String>,
    depth: usize,
}

type Parsed<T> = Result<T, SyntaxError>;

impl Parser {
    fn tok(&self) -> &Tok {
        &self.tokens[self.pos.min(self.tokens.len() - 1)].tok
    }

    fn token(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek_tok(&self, ahead: usize) -> &Tok {
        &self.tokens[(self.pos + ahead).min(self.tokens.len() - 1)].tok
    }

    fn here(&self) -> Pos {
        let t = self.token();
        Pos {
            line: t.line,
            col: t.col,
        }
    }

    fn at(&self, tok: &Tok) -> bool {
        self.tok() == tok
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn at_keyword(&self, word: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if &**n == word)
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if self.at(tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_keyword(&mut self, word: &str) -> bool {
        if self.at_keyword(word) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn skip_newlines(&mut self) {
        while self.eat(&Tok::Newline) {}
    }

    fn line_text(&self, line: u32) -> String {
        self.lines
            .get((line as usize).wrapping_sub(1))
            .cloned()
            .unwrap_or_default()
    }

    fn error_at(&self, message: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError::new(message, pos.line, pos.col, self.line_text(pos.line))
    }

    fn error_here(&self, message: impl Into<String>) -> SyntaxError {
        self.error_at(message, self.here())
    }

    /// "invalid syntax" at the current token, or a more precise message when one applies.
    fn invalid(&self) -> SyntaxError {
        self.error_here("invalid syntax")
    }

    fn expect_op(&mut self, op: &str) -> Parsed<()> {
        if self.eat_op(op) {
            Ok(())
        } else if op == ":" {
            Err(self.error_here("expected ':'"))
        } else {
            Err(self.invalid())
        }
    }

    fn expect_keyword(&mut self, word: &str) -> Parsed<()> {
        if self.eat_keyword(word) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    fn name(&mut self) -> Parsed<Rc<str>> {
        match self.tok().clone() {
            Tok::Name(name) if !KEYWORDS.contains(&&*name) => {
                self.pos += 1;
                Ok(name)
            }
            _ => Err(self.invalid()),
        }
    }

    fn enter(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("too many nested parentheses"));
        }
        Ok(())
    }

    // ----- statements -------------------------------------------------------------------

    fn statement(&mut self) -> Parsed<Vec<Stmt>> {
        let pos = self.here();
        let compound = match self.tok() {
            Tok::Name(word) => match &**word {
                "if" => Some(self.if_statement()?),
                "while" => Some(self.while_statement()?),
                "for" => Some(self.for_statement(false, pos)?),
                "try" => Some(self.try_statement()?),
                "with" => Some(self.with_statement(false, pos)?),
                "def" => Some(self.function_def(Vec::new(), false, pos)?),
                "class" => Some(self.class_def(Vec::new())?),
                "async" => Some(self.async_statement()?),
                "match" if self.starts_match() => Some(self.match_statement()?),
                "match" => {
                    self.match_without_colon()?;
                    None
                }
                _ => None,
            },
            Tok::Op("@") => Some(self.decorated()?),
            _ => None,
        };
        if let Some(stmt) = compound {
            return Ok(vec![stmt]);
        }
        let mut stmts = vec![self.simple_statement()?];
        while self.eat_op(";") {
            if self.at(&Tok::Newline) {
                break;
            }
            stmts.push(self.simple_statement()?);
        }
        if !self.eat(&Tok::Newline) {
            return Err(self.invalid());
        }
        Ok(stmts)
    }

    /// A block after `:`: an indented suite, or simple statements on the same line.
    fn block(&mut self, after: &str, line: u32) -> Parsed<Vec<Stmt>> {
        // As CPython's grammar: a header that ends in an expression says "expected ':'" only
        // when the line ends there; `def`, `try`, `else` and `finally` always say it.
        let always_expected = matches!(
            after,
            "function definition" | "'try' statement" | "'else' statement" | "'finally' statement"
        );
        if !always_expected && !self.at_op(":") && !self.at(&Tok::Newline) {
            return Err(self.invalid());
        }
        self.expect_op(":")?;
        if self.eat(&Tok::Newline) {
            if !self.eat(&Tok::Indent) {
                return Err(self
                    .error_here(format!(
                        "expected an indented block after {after} on line {line}"
                    ))
                    .indentation());
            }
            let mut body = Vec::new();
            while !self.eat(&Tok::Dedent) {
                if self.at(&Tok::End) {
                    break;
                }
                if self.at(&Tok::Indent) {
                    return Err(self.error_here("unexpected indent").indentation());
                }
                body.extend(self.statement()?);
            }
            Ok(body)
        } else {
            let mut body = vec![self.simple_statement()?];
            while self.eat_op(";") {
                if self.at(&Tok::Newline) {
                    break;
                }
                body.push(self.simple_statement()?);
            }
            if !self.eat(&Tok::Newline) {
                return Err(self.invalid());
            }
            Ok(body)
        }
    }

    fn if_statement(&mut self) -> Parsed<Stmt> {
        let pos = self.here();
        let keyword = if self.eat_keyword("if") {
            "if"
        } else {
            self.pos += 1;
            "elif"
        };
        let test = self.condition()?;
        let body = self.block(&format!("'{keyword}' statement"), pos.line)?;
        let orelse = if self.at_keyword("elif") {
            vec![self.if_statement()?]
        } else if self.at_keyword("else") {
            let line = self.here().line;
            self.pos += 1;
            self.block("'else' statement", line)?
        } else {
            Vec::new()
        };
        Ok(Stmt {
            pos,
            kind: StmtKind::If(test, body, orelse),
        })
    }

    /// The condition of `if`/`while`: `if x = 1:` says what was probably meant.
    fn condition(&mut self) -> Parsed<Expr> {
        let test = self.named_expression()?;
        if self.at_op("=") {
            return Err(
                self.error_here("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            );
        }
        Ok(test)
    }

    fn while_statement(&mut self) -> Parsed<Stmt> {
        let pos = self.here();
        self.pos += 1;
        let test = self.condition()?;
        let body = self.block("'while' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            pos,
            kind: StmtKind::While(test, body, orelse),
        })
    }

    /// After the name `match`, a token that can begin a subject: a name, a literal, or one of
    /// `( [ { - * ~` (not `=`, `.`, `:` or the line's end).
    fn subject_follows_match(&self) -> bool {
        let next = self.peek_tok(1);
        !matches!(next, Tok::Newline | Tok::End)
            && !matches!(next, Tok::Op(op) if !matches!(*op, "(" | "[" | "{" | "-" | "*" | "~"))
    }

    /// `match` is a keyword only where a match statement can start: a line that begins with it,
    /// goes on with an expression (not `=`, `.`, `:`…) and ends with `:`.
    fn starts_match(&self) -> bool {
        if !self.subject_follows_match() {
            return false;
        }
        let mut depth = 0i32;
        let mut last = None;
        for token in &self.tokens[self.pos..] {
            match &token.tok {
                Tok::Op("(" | "[" | "{") => depth += 1,
                Tok::Op(")" | "]" | "}") => depth -= 1,
                Tok::Newline | Tok::End if depth <= 0 => break,
                _ => {}
            }
            last = Some(&token.tok);
        }
        matches!(last, Some(Tok::Op(":")))
    }

    /// `match subject` and the line's end: CPython's "expected ':'" (anything else that starts
    /// with the name `match` is parsed as the expression or assignment it is).
    fn match_without_colon(&mut self) -> Parsed<()> {
        let start = self.pos;
        if self.subject_follows_match() {
            self.pos += 1;
            let parsed = self.star_expressions();
            if parsed.is_ok() && self.at(&Tok::Newline) {
                return Err(self.error_here("expected ':'"));
            }
        }
        self.pos = start;
        Ok(())
    }

    fn match_statement(&mut self) -> Parsed<Stmt> {
        let pos = self.here();
        self.pos += 1;
        let subject = self.star_expressions()?;
        self.expect_op(":")?;
        if !self.eat(&Tok::Newline) || !self.eat(&Tok::Indent) {
            return Err(self
                .error_here(format!(
                    "expected an indented block after 'match' statement on line {}",
                    pos.line
                ))
                .indentation());
        }
        let mut cases = Vec::new();
        while !self.eat(&Tok::Dedent) {
            if self.at(&Tok::End) {
                break;
            }
            let case_pos = self.here();
            if !self.eat_keyword("case") {
                return Err(self.invalid());
            }
            let pattern = self.case_patterns()?;
            let guard = if self.eat_keyword("if") {
                Some(self.named_expression()?)
            } else {
                None
            };
            let body = self.block("'case' statement", case_pos.line)?;
            cases.push(MatchCase {
                pos: case_pos,
                pattern,
                guard,
                body,
            });
        }
        Ok(Stmt {
            pos,
            kind: StmtKind::Match(subject, cases),
        })
    }

    /// A case's patterns: `a, b` without brackets is a sequence pattern.
    fn case_patterns(&mut self) -> Parsed<Pattern> {
        let first = self.maybe_star_pattern()?;
        if !self.at_op(",") {
            if matches!(first, Pattern::Star(_)) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") || self.at_keyword("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern::Sequence(items))
    }

    fn maybe_star_pattern(&mut self) -> Parsed<Pattern> {
        if self.eat_op("*") {
            let name = self.name()?;
            return Ok(Pattern::Star((&*name != "_").then_some(name)));
        }
        self.pattern()
    }

    /// `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> Parsed<Pattern> {
        self.enter()?;
        let mut alternatives = vec![self.closed_pattern()?];
        while self.eat_op("|") {
            alternatives.push(self.closed_pattern()?);
        }
        let mut pattern = if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Pattern::Or(alternatives)
        };
        if self.eat_keyword("as") {
            let at = self.here();
            let name = self.name()?;
            if &*name == "_" {
                return Err(self.error_at("cannot use '_' as a target", at));
            }
            pattern = Pattern::As(Box::new(pattern), name);
        }
        self.depth -= 1;
        Ok(pattern)
    }

    fn closed_pattern(&mut self) -> Parsed<Pattern> {
        let pos = self.here();
        match self.tok().clone() {
            Tok::Op("(") => {
                self.pos += 1;
                if self.eat_op(")") {
                    return Ok(Pattern::Sequence(Vec::new()));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat_op(")") {
                    if matches!(first, Pattern::Star(_)) {
                        return Ok(Pattern::Sequence(vec![first]));
                    }
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op(")") {
                        break;
                    }
                    items.push(self.maybe_star_pattern()?);
                }
                self.expect_op(")")?;
                Ok(Pattern::Sequence(items))
            }
            Tok::Op("[") => {
                self.pos += 1;
                let mut items = Vec::new();
                while !self.eat_op("]") {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat_op(",") {
                        self.expect_op("]")?;
                        break;
                    }
                }
                Ok(Pattern::Sequence(items))
            }
            Tok::Op("{") => {
                self.pos += 1;
                let mut keys = Vec::new();
                let mut values = Vec::new();
                let mut rest = None;
                while !self.eat_op("}") {
                    if self.eat_op("**") {
                        rest = Some(self.name()?);
                    } else {
                        keys.push(self.pattern_value()?);
                        self.expect_op(":")?;
                        values.push(self.pattern()?);
                    }
                    if !self.eat_op(",") {
                        self.expect_op("}")?;
                        break;
                    }
                }
                Ok(Pattern::Mapping { keys, values, rest })
            }
            Tok::Name(name) if !matches!(&*name, "None" | "True" | "False") => {
                if KEYWORDS.contains(&&*name) {
                    return Err(self.invalid());
                }
                self.pos += 1;
                let mut target = Expr {
                    pos,
                    kind: ExprKind::Name(name.clone()),
                };
                let mut dotted = false;
                while self.eat_op(".") {
                    let attribute = self.name()?;
                    target = Expr {
                        pos,
                        kind: ExprKind::Attribute(Box::new(target), attribute),
                    };
                    dotted = true;
                }
                if self.eat_op("(") {
                    return self.class_pattern(target);
                }
                if dotted {
                    return Ok(Pattern::Value(target));
                }
                Ok(Pattern::Capture((&*name != "_").then_some(name)))
            }
            _ => Ok(Pattern::Value(self.pattern_value()?)),
        }
    }

    /// A literal (a signed number, strings, None, True, False) or a dotted name.
    fn pattern_value(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        match self.tok().clone() {
            Tok::Op("-") => {
                self.pos += 1;
                match self.tok() {
                    Tok::Int(_) | Tok::Float(_) => {}
                    _ => return Err(self.invalid()),
                }
                let number = self.atom()?;
                Ok(Expr {
                    pos,
                    kind: ExprKind::UnaryOp(UnaryOp::Neg, Box::new(number)),
                })
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => self.atom(),
            Tok::Name(name) if matches!(&*name, "None" | "True" | "False") => self.atom(),
            Tok::Name(_) => {
                let mut target = self.atom()?;
                if !self.at_op(".") {
                    return Err(self.invalid());
                }
                while self.eat_op(".") {
                    let attribute = self.name()?;
                    target = Expr {
                        pos,
                        kind: ExprKind::Attribute(Box::new(target), attribute),
                    };
                }
                Ok(target)
            }
            _ => Err(self.invalid()),
        }
    }

    /// After `Class(`: positional patterns, then `name=pattern`.
    fn class_pattern(&mut self, class: Expr) -> Parsed<Pattern> {
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        while !self.eat_op(")") {
            let keyword = match (self.tok().clone(), self.peek_tok(1)) {
                (Tok::Name(name), Tok::Op("=")) => Some(name),
                _ => None,
            };
            if let Some(name) = keyword {
                self.pos += 2;
                keywords.push((name, self.pattern()?));
            } else {
                if !keywords.is_empty() {
                    return Err(self.error_here("positional patterns follow keyword patterns"));
                }
                args.push(self.pattern()?);
            }
            if !self.eat_op(",") {
                self.expect_op(")")?;
                break;
            }
        }
        Ok(Pattern::Class {
            class,
            args,
            keywords,
        })
    }

    fn else_block(&mut self) -> Parsed<Vec<Stmt>> {
        if self.at_keyword("else") {
            let line = self.here().line;
            self.pos += 1;
            self.block("'else' statement", line)
        } else {
            Ok(Vec::new())
        }
    }

    fn for_statement(&mut self, is_async: bool, pos: Pos) -> Parsed<Stmt> {
        self.expect_keyword("for")?;
        let target = self.target_list()?;
        self.expect_keyword("in")?;
        let iter = self.star_expressions()?;
        let body = self.block("'for' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            pos,
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
        })
    }

    /// The target of `for` or of a comprehension: names, attributes, subscripts, tuples.
    fn target_list(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let mut items = vec![self.target_item()?];
        let mut tuple = false;
        while self.eat_op(",") {
            tuple = true;
            if self.at_keyword("in") || self.at_op("=") {
                break;
            }
            items.push(self.target_item()?);
        }
        let target = if tuple || items.len() > 1 {
            Expr {
                pos,
                kind: ExprKind::Tuple(items),
            }
        } else {
            items.remove(0)
        };
        self.check_target(&target, "assign")?;
        Ok(target)
    }

    fn target_item(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        if self.eat_op("*") {
            let inner = self.bitwise_or()?;
            return Ok(Expr {
                pos,
                kind: ExprKind::Starred(Box::new(inner)),
            });
        }
        self.bitwise_or()
    }

    fn try_statement(&mut self) -> Parsed<Stmt> {
        let pos = self.here();
        self.pos += 1;
        let body = self.block("'try' statement", pos.line)?;
        let mut handlers = Vec::new();
        while self.at_keyword("except") {
            let hpos = self.here();
            self.pos += 1;
            let star = self.eat_op("*");
            if let Some(first) = handlers.first() {
                let first: &Handler = first;
                if first.star != star {
                    return Err(self.error_at(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        hpos,
                    ));
                }
            }
            if star && self.at_op(":") {
                return Err(self.error_here("expected one or more exception types"));
            }
            let (kind, name) = if self.at_op(":") {
                (None, None)
            } else {
                let kind = self.expression()?;
                let kind = if self.at_op(",") {
                    let mut items = vec![kind];
                    while self.eat_op(",") {
                        if self.at_op(":") || self.at_keyword("as") {
                            break;
                        }
                        items.push(self.expression()?);
                    }
                    if self.at_keyword("as") || self.at_op(":") {
                        return Err(
                            self.error_at("multiple exception types must be parenthesized", hpos)
                        );
                    }
                    Expr {
                        pos: hpos,
                        kind: ExprKind::Tuple(items),
                    }
                } else {
                    kind
                };
                let name = if self.eat_keyword("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                (Some(kind), name)
            };
            let body = self.block("'except' statement", hpos.line)?;
            handlers.push(Handler {
                pos: hpos,
                star,
                kind,
                name,
                body,
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            Vec::new()
        };
        let finalbody = if self.at_keyword("finally") {
            let line = self.here().line;
            self.pos += 1;
            self.block("'finally' statement", line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_here("expected 'except' or 'finally' block"));
        }
        Ok(Stmt {
            pos,
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody: Rc::new(finalbody),
            },
        })
    }

    fn with_statement(&mut self, is_async: bool, pos: Pos) -> Parsed<Stmt> {
        self.expect_keyword("with")?;
        let mut items = Vec::new();
        let parenthesized = self.at_op("(") && self.with_items_are_parenthesized();
        if parenthesized {
            self.pos += 1;
        }
        loop {
            let context = self.expression()?;
            let target = if self.eat_keyword("as") {
                let target = self.target_item()?;
                self.check_target(&target, "assign")?;
                Some(target)
            } else {
                None
            };
            items.push((context, target));
            if !self.eat_op(",") {
                break;
            }
            if parenthesized && self.at_op(")") {
                break;
            }
        }
        if parenthesized {
            self.expect_op(")")?;
        }
        let body = self.block("'with' statement", pos.line)?;
        Ok(Stmt {
            pos,
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
        })
    }

    /// `with (a as b, c as d):` — parentheses around the items, not around one expression.
    fn with_items_are_parenthesized(&self) -> bool {
        let mut depth = 0;
        let mut i = self.pos;
        while i < self.tokens.len() {
            match &self.tokens[i].tok {
                Tok::Op("(" | "[" | "{") => depth += 1,
                Tok::Op(")" | "]" | "}") => {
                    depth -= 1;
                    if depth == 0 {
                        return matches!(
                            self.tokens.get(i + 1).map(|t| &t.tok),
                            Some(Tok::Op(":"))
                        );
                    }
                }
                Tok::Name(n) if depth == 1 && &**n == "as" => return true,
                Tok::Newline | Tok::End => return false,
                _ => {}
            }
            i += 1;
        }
        false
    }

    fn async_statement(&mut self) -> Parsed<Stmt> {
        let pos = self.here();
        self.pos += 1;
        match self.tok() {
            Tok::Name(n) if &**n == "def" => self.function_def(Vec::new(), true, pos),
            Tok::Name(n) if &**n == "for" => self.for_statement(true, pos),
            Tok::Name(n) if &**n == "with" => self.with_statement(true, pos),
            _ => Err(self.invalid()),
        }
    }

    fn decorated(&mut self) -> Parsed<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if !self.eat(&Tok::Newline) {
                return Err(self.invalid());
            }
        }
        let pos = self.here();
        if self.eat_keyword("async") {
            return self.function_def(decorators, true, pos);
        }
        if self.at_keyword("def") {
            return self.function_def(decorators, false, pos);
        }
        if self.at_keyword("class") {
            return self.class_def(decorators);
        }
        Err(self.invalid())
    }

    fn function_def(&mut self, decorators: Vec<Expr>, is_async: bool, pos: Pos) -> Parsed<Stmt> {
        self.expect_keyword("def")?;
        let name = self.name()?;
        if !self.at_op("(") {
            return Err(self.error_here("expected '('"));
        }
        self.pos += 1;
        let args = self.parameters(")")?;
        self.expect_op(")")?;
        let returns = if self.eat_op("->") {
            Some(self.expression()?)
        } else {
            None
        };
        let body = self.block("function definition", pos.line)?;
        Ok(Stmt {
            pos,
            kind: StmtKind::FunctionDef(Rc::new(FunctionDef {
                name,
                args: Rc::new(args),
                body,
                decorators,
                is_async,
                returns,
            })),
        })
    }

    /// A parameter's name, noted with where it is written in `args.written`.
    fn parameter_name(&mut self, args: &mut Arguments) -> Parsed<Rc<str>> {
        let at = self.here();
        let name = self.name()?;
        args.written.push((name.clone(), at));
        Ok(name)
    }

    /// Parameters up to `end` (`)` for `def`, `:` for `lambda`, which has no annotations).
    fn parameters(&mut self, end: &str) -> Parsed<Arguments> {
        let annotated = end == ")";
        let mut args = Arguments::default();
        let mut star_seen = false;
        let mut default_seen = false;
        let mut slash_seen = false;
        // A bare `*` must be followed by a keyword-only parameter.
        let mut bare_star = None;
        while !self.at_op(end) {
            let pos = self.here();
            if args.kwarg.is_some() {
                return Err(self.error_at("arguments cannot follow var-keyword argument", pos));
            }
            if self.eat_op("**") {
                if let Some(star) = bare_star {
                    return Err(self.error_at("named arguments must follow bare *", star));
                }
                let name = self.parameter_name(&mut args)?;
                if annotated && self.eat_op(":") {
                    args.annotations.push((name.clone(), self.expression()?));
                }
                if self.at_op("=") {
                    return Err(self.error_here("var-keyword argument cannot have default value"));
                }
                args.kwarg = Some(name);
            } else if self.eat_op("*") {
                if star_seen {
                    return Err(self.error_at("* argument may appear only once", pos));
                }
                star_seen = true;
                if !self.at_op(",") && !self.at_op(end) {
                    let name = self.parameter_name(&mut args)?;
                    if annotated && self.eat_op(":") {
                        args.annotations.push((name.clone(), self.expression()?));
                    }
                    if self.at_op("=") {
                        return Err(
                            self.error_here("var-positional argument cannot have default value")
                        );
                    }
                    args.vararg = Some(name);
                } else {
                    bare_star = Some(pos);
                }
            } else if self.eat_op("/") {
                if slash_seen {
                    return Err(self.error_at("/ may appear only once", pos));
                }
                if star_seen {
                    return Err(self.error_at("/ must be ahead of *", pos));
                }
                if args.args.is_empty() {
                    return Err(self.error_at("invalid syntax", pos));
                }
                slash_seen = true;
                args.posonly = args.args.len();
            } else {
                bare_star = None;
                let name = self.parameter_name(&mut args)?;
                if annotated && self.eat_op(":") {
                    args.annotations.push((name.clone(), self.expression()?));
                }
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                let arg = Arg { name, default };
                if star_seen {
                    args.kwonly.push(arg);
                } else {
                    if arg.default.is_some() {
                        default_seen = true;
                    } else if default_seen {
                        return Err(
                            self.error_at("non-default argument follows default argument", pos)
                        );
                    }
                    args.args.push(arg);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let Some(star) = bare_star {
            return Err(self.error_at("named arguments must follow bare *", star));
        }
        Ok(args)
    }

    fn class_def(&mut self, decorators: Vec<Expr>) -> Parsed<Stmt> {
        let pos = self.here();
        self.expect_keyword("class")?;
        let name = self.name()?;
        let (bases, keywords) = if self.eat_op("(") {
            let (args, keywords) = self.call_arguments()?;
            (args, keywords)
        } else {
            (Vec::new(), Vec::new())
        };
        let body = self.block("class definition", pos.line)?;
        Ok(Stmt {
            pos,
            kind: StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
            },
        })
    }

    fn simple_statement(&mut self) -> Parsed<Stmt> {
        let pos = self.here();
        let kind = match self.tok().clone() {
            Tok::Name(word) => match &*word {
                "pass" => {
                    self.pos += 1;
                    StmtKind::Pass
                }
                "break" => {
                    self.pos += 1;
                    StmtKind::Break
                }
                "continue" => {
                    self.pos += 1;
                    StmtKind::Continue
                }
                "return" => {
                    self.pos += 1;
                    let value = if self.at_statement_end() {
                        None
                    } else {
                        Some(self.star_expressions()?)
                    };
                    StmtKind::Return(value)
                }
                "raise" => {
                    self.pos += 1;
                    if self.at_statement_end() {
                        StmtKind::Raise(None, None)
                    } else {
                        let exc = self.expression()?;
                        let cause = if self.eat_keyword("from") {
                            Some(self.expression()?)
                        } else {
                            None
                        };
                        StmtKind::Raise(Some(exc), cause)
                    }
                }
                "global" | "nonlocal" => {
                    self.pos += 1;
                    let mut names = vec![self.name()?];
                    while self.eat_op(",") {
                        names.push(self.name()?);
                    }
                    if &*word == "global" {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    }
                }
                "assert" => {
                    self.pos += 1;
                    let test = self.expression()?;
                    let message = if self.eat_op(",") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Assert(test, message)
                }
                "del" => {
                    self.pos += 1;
                    let mut targets = vec![self.bitwise_or()?];
                    while self.eat_op(",") {
                        if self.at_statement_end() {
                            break;
                        }
                        targets.push(self.bitwise_or()?);
                    }
                    for target in &targets {
                        self.check_target(target, "delete")?;
                    }
                    StmtKind::Delete(targets)
                }
                "import" => {
                    self.pos += 1;
                    let mut names = Vec::new();
                    loop {
                        let apos = self.here();
                        let name = self.dotted_name()?;
                        let asname = if self.eat_keyword("as") {
                            Some(self.name()?)
                        } else {
                            None
                        };
                        names.push(Alias {
                            name,
                            asname,
                            pos: apos,
                        });
                        if !self.eat_op(",") {
                            break;
                        }
                    }
                    StmtKind::Import(names)
                }
                "from" => {
                    self.pos += 1;
                    let mut dots = String::new();
                    while self.at_op(".") || self.at_op("...") {
                        if let Tok::Op(op) = self.tok() {
                            dots.push_str(op);
                        }
                        self.pos += 1;
                    }
                    let module = if self.at_keyword("import") {
                        dots.clone()
                    } else {
                        format!("{dots}{}", self.dotted_name()?)
                    };
                    self.expect_keyword("import")?;
                    let mut names = Vec::new();
                    let parenthesized = self.eat_op("(");
                    loop {
                        let apos = self.here();
                        if self.at_op("*") {
                            // `*` stands alone, without parentheses.
                            if parenthesized || !names.is_empty() {
                                return Err(self.invalid());
                            }
                            self.pos += 1;
                            names.push(Alias {
                                name: "*".into(),
                                asname: None,
                                pos: apos,
                            });
                            break;
                        } else {
                            let name = self.name()?;
                            let asname = if self.eat_keyword("as") {
                                Some(self.name()?)
                            } else {
                                None
                            };
                            names.push(Alias {
                                name,
                                asname,
                                pos: apos,
                            });
                        }
                        if !self.eat_op(",") {
                            break;
                        }
                        if parenthesized && self.at_op(")") {
                            break;
                        }
                    }
                    if parenthesized {
                        self.expect_op(")")?;
                    }
                    StmtKind::ImportFrom(module.into(), names)
                }
                "print"
                    if matches!(
                        self.peek_tok(1),
                        Tok::Str { .. } | Tok::Int(_) | Tok::Float(_)
                    ) || matches!(self.peek_tok(1), Tok::Name(n) if !KEYWORDS.contains(&&**n)) =>
                {
                    return Err(self.error_here(
                        "Missing parentheses in call to 'print'. Did you mean print(...)?",
                    ));
                }
                _ => self.expression_statement()?,
            },
            _ => self.expression_statement()?,
        };
        Ok(Stmt { pos, kind })
    }

    fn at_statement_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::End) || self.at_op(";")
    }

    fn dotted_name(&mut self) -> Parsed<Rc<str>> {
        let mut name = self.name()?.to_string();
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name.into())
    }

    fn expression_statement(&mut self) -> Parsed<StmtKind> {
        let first_pos = self.here();
        let first = if self.at_keyword("yield") {
            self.yield_expression()?
        } else {
            self.star_expressions()?
        };
        if self.at_op("=") {
            let mut targets = vec![first];
            let first_equals = self.pos;
            let mut equals = Vec::new();
            let mut value;
            loop {
                equals.push(self.here());
                self.pos += 1;
                value = if self.at_keyword("yield") {
                    self.yield_expression()?
                } else {
                    self.star_expressions()?
                };
                if self.at_op("=") {
                    targets.push(value);
                } else {
                    break;
                }
            }
            self.check_assignment(&targets, &value, first_equals, &equals)?;
            return Ok(StmtKind::Assign(targets, value));
        }
        if let Tok::Op(op) = self.tok() {
            if let Some(bin) = augmented(op) {
                if !matches!(
                    first.kind,
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
                ) {
                    return Err(self.error_at(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            describe(&first)
                        ),
                        first_pos,
                    ));
                }
                self.pos += 1;
                let value = if self.at_keyword("yield") {
                    self.yield_expression()?
                } else {
                    self.star_expressions()?
                };
                return Ok(StmtKind::AugAssign(first, bin, value));
            }
        }
        if self.at_op(":") {
            self.pos += 1;
            self.check_target(&first, "annotate")?;
            let annotation = self.expression()?;
            let value = if self.eat_op("=") {
                Some(self.star_expressions()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign(first, annotation, value));
        }
        if !self.at_statement_end() {
            return Err(self.invalid());
        }
        Ok(StmtKind::Expr(first))
    }

    /// The targets of `targets = value` (`equals`: where each `=` is, the first one at token
    /// `first_equals`), refused with the message CPython's grammar gives.
    fn check_assignment(
        &self,
        targets: &[Expr],
        value: &Expr,
        first_equals: usize,
        equals: &[Pos],
    ) -> Parsed<()> {
        let maybe_equals = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
        // `x = a < b = 1`: CPython takes the first `=` for a mistyped `==` or `:=`.
        if let (ExprKind::Name(_), Some(second)) = (&targets[0].kind, targets.get(1)) {
            if matches!(
                second.kind,
                ExprKind::Compare(..) | ExprKind::BoolOp(..) | ExprKind::IfExp(..)
            ) {
                return Err(self.error_at(maybe_equals, targets[0].pos));
            }
        }
        let single = targets.len() == 1;
        // `f(), a = 1, 2`: the same, read at the tuple's last name (not in parentheses).
        let parenthesized = matches!(
            self.tokens
                .get(first_equals.wrapping_sub(1))
                .map(|t| &t.tok),
            Some(Tok::Op(")"))
        );
        if let (true, false, ExprKind::Tuple(items)) = (single, parenthesized, &targets[0].kind) {
            if let Some(last) = items.last().filter(|l| matches!(l.kind, ExprKind::Name(_))) {
                if !items.iter().all(is_plain_target) && is_operand(value) {
                    return Err(self.error_at(maybe_equals, last.pos));
                }
            }
        }
        for (target, eq) in targets.iter().zip(equals) {
            self.check_assign_target(target, *eq, single.then_some(value))?;
        }
        Ok(())
    }

    /// A target of `=`. `value` is the assigned value when this is the statement's one
    /// target: as CPython's grammar, an operand-like target (or a tuple's last item) right
    /// before an operand-like value is likely a mistyped `==`, and the message says so.
    fn check_assign_target(&self, target: &Expr, eq: Pos, value: Option<&Expr>) -> Parsed<()> {
        if matches!(target.kind, ExprKind::Yield(..) | ExprKind::YieldFrom(..)) {
            return Err(self.error_at("assignment to yield expression not possible", target.pos));
        }
        let before_equals = match &target.kind {
            ExprKind::Tuple(items) => items.last().unwrap_or(target),
            _ => target,
        };
        let valid = is_plain_target(before_equals);
        let excluded = matches!(
            before_equals.kind,
            ExprKind::GeneratorExp(..) | ExprKind::Constant(Constant::None | Constant::Bool(_))
        );
        if !valid && !excluded && is_operand(before_equals) && value.is_some_and(is_operand) {
            return Err(self.error_at(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    describe(before_equals)
                ),
                before_equals.pos,
            ));
        }
        self.check_target(target, "assign").map_err(|mut e| {
            if e.line == 0 {
                e.line = eq.line;
            }
            e
        })
    }

    /// Refuses what cannot be assigned to (or deleted), as CPython words it.
    fn check_target(&self, target: &Expr, verb: &str) -> Parsed<()> {
        match &target.kind {
            ExprKind::Name(name) => {
                if matches!(&**name, "__debug__") {
                    return Err(self.error_at("cannot assign to __debug__", target.pos));
                }
                Ok(())
            }
            ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Starred(inner) if verb == "assign" => self.check_target(inner, verb),
            ExprKind::Tuple(items) | ExprKind::List(items)
                if verb != "augmented assign" && verb != "annotate" =>
            {
                for item in items {
                    self.check_target(item, verb)?;
                }
                Ok(())
            }
            ExprKind::Tuple(_) | ExprKind::List(_) => Ok(()),
            _ if verb == "delete" => {
                Err(self.error_at(format!("cannot delete {}", describe(target)), target.pos))
            }
            _ => Err(self.error_at(format!("cannot {verb} to {}", describe(target)), target.pos)),
        }
    }

    // ----- expressions ------------------------------------------------------------------

    /// Expressions separated by commas, `*` allowed: a tuple when there is a comma.
    fn star_expressions(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_expression_end() {
                break;
            }
            items.push(self.star_expression()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(items),
        })
    }

    fn at_expression_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::End)
            || self.at_op("=")
            || self.at_op(")")
            || self.at_op("]")
            || self.at_op("}")
            || self.at_op(":")
            || self.at_op(";")
            || augmented_op(self.tok())
    }

    fn star_expression(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        if self.eat_op("*") {
            let inner = self.bitwise_or()?;
            return Ok(Expr {
                pos,
                kind: ExprKind::Starred(Box::new(inner)),
            });
        }
        self.named_expression()
    }

    fn named_expression(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        if matches!(self.tok(), Tok::Name(_)) && matches!(self.peek_tok(1), Tok::Op(":=")) {
            let name = self.name()?;
            self.pos += 1;
            let value = self.expression()?;
            return Ok(Expr {
                pos,
                kind: ExprKind::NamedExpr(
                    Box::new(Expr {
                        pos,
                        kind: ExprKind::Name(name),
                    }),
                    Box::new(value),
                ),
            });
        }
        self.expression()
    }

    fn expression(&mut self) -> Parsed<Expr> {
        self.enter()?;
        let result = self.expression_inner();
        self.depth -= 1;
        result
    }

    fn expression_inner(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        if self.at_keyword("lambda") {
            self.pos += 1;
            let args = self.parameters(":")?;
            if !self.eat_op(":") {
                return Err(self.invalid());
            }
            let body = self.expression()?;
            return Ok(Expr {
                pos,
                kind: ExprKind::Lambda(Rc::new(args), Box::new(body)),
            });
        }
        let body = self.disjunction()?;
        if self.at_keyword("if") {
            self.pos += 1;
            let test = self.disjunction()?;
            if !self.eat_keyword("else") {
                return Err(self.error_here("expected 'else' after 'if' expression"));
            }
            let orelse = self.expression()?;
            return Ok(Expr {
                pos,
                kind: ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(orelse)),
            });
        }
        Ok(body)
    }

    fn disjunction(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let first = self.conjunction()?;
        if !self.at_keyword("or") {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_keyword("or") {
            values.push(self.conjunction()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::BoolOp(false, values),
        })
    }

    fn conjunction(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let first = self.inversion()?;
        if !self.at_keyword("and") {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_keyword("and") {
            values.push(self.inversion()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::BoolOp(true, values),
        })
    }

    fn inversion(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        if self.eat_keyword("not") {
            self.enter()?;
            let operand = self.inversion();
            self.depth -= 1;
            return Ok(Expr {
                pos,
                kind: ExprKind::UnaryOp(UnaryOp::Not, Box::new(operand?)),
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::NotEq,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::LtE,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::GtE,
                Tok::Name(n) if &**n == "in" => CmpOp::In,
                Tok::Name(n) if &**n == "is" => {
                    if matches!(self.peek_tok(1), Tok::Name(m) if &**m == "not") {
                        self.pos += 1;
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Name(n)
                    if &**n == "not"
                        && matches!(self.peek_tok(1), Tok::Name(m) if &**m == "in") =>
                {
                    self.pos += 1;
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.pos += 1;
            ops.push((op, self.bitwise_or()?));
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Compare(Box::new(left), ops),
        })
    }

    fn binary(
        &mut self,
        next: fn(&mut Parser) -> Parsed<Expr>,
        ops: &[(&str, BinOp)],
    ) -> Parsed<Expr> {
        let pos = self.here();
        let mut left = next(self)?;
        'outer: loop {
            for (text, op) in ops {
                if self.at_op(text) {
                    self.pos += 1;
                    let right = next(self)?;
                    left = Expr {
                        pos,
                        kind: ExprKind::BinOp(Box::new(left), *op, Box::new(right)),
                    };
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    fn bitwise_or(&mut self) -> Parsed<Expr> {
        self.binary(Parser::bitwise_xor, &[("|", BinOp::BitOr)])
    }

    fn bitwise_xor(&mut self) -> Parsed<Expr> {
        self.binary(Parser::bitwise_and, &[("^", BinOp::BitXor)])
    }

    fn bitwise_and(&mut self) -> Parsed<Expr> {
        self.binary(Parser::shift, &[("&", BinOp::BitAnd)])
    }

    fn shift(&mut self) -> Parsed<Expr> {
        self.binary(Parser::sum, &[("<<", BinOp::LShift), (">>", BinOp::RShift)])
    }

    fn sum(&mut self) -> Parsed<Expr> {
        self.binary(Parser::term, &[("+", BinOp::Add), ("-", BinOp::Sub)])
    }

    fn term(&mut self) -> Parsed<Expr> {
        self.binary(
            Parser::factor,
            &[
                ("*", BinOp::Mul),
                ("/", BinOp::Div),
                ("//", BinOp::FloorDiv),
                ("%", BinOp::Mod),
                ("@", BinOp::MatMul),
            ],
        )
    }

    fn factor(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let op = match self.tok() {
            Tok::Op("-") => UnaryOp::Neg,
            Tok::Op("+") => UnaryOp::Pos,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        self.pos += 1;
        self.enter()?;
        let operand = self.factor();
        self.depth -= 1;
        Ok(Expr {
            pos,
            kind: ExprKind::UnaryOp(op, Box::new(operand?)),
        })
    }

    fn power(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let base = self.await_primary()?;
        if self.eat_op("**") {
            self.enter()?;
            let exponent = self.factor();
            self.depth -= 1;
            return Ok(Expr {
                pos,
                kind: ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(exponent?)),
            });
        }
        Ok(base)
    }

    fn await_primary(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        if self.eat_keyword("await") {
            let value = self.primary()?;
            return Ok(Expr {
                pos,
                kind: ExprKind::Await(Box::new(value)),
            });
        }
        self.primary()
    }

    fn primary(&mut self) -> Parsed<Expr> {
        let mut expr = self.atom()?;
        loop {
            let pos = expr.pos;
            if self.eat_op(".") {
                let name = match self.tok().clone() {
                    Tok::Name(name) => {
                        self.pos += 1;
                        name
                    }
                    _ => return Err(self.invalid()),
                };
                expr = Expr {
                    pos,
                    kind: ExprKind::Attribute(Box::new(expr), name),
                };
            } else if self.at_op("(") {
                self.pos += 1;
                let (args, keywords) = self.call_arguments()?;
                expr = Expr {
                    pos,
                    kind: ExprKind::Call {
                        func: Box::new(expr),
                        args,
                        keywords,
                    },
                };
            } else if self.at_op("[") {
                self.pos += 1;
                let index = self.subscript()?;
                self.expect_op("]")?;
                expr = Expr {
                    pos,
                    kind: ExprKind::Subscript(Box::new(expr), Box::new(index)),
                };
            } else {
                return Ok(expr);
            }
        }
    }

    /// Arguments after `(`, up to and including `)`.
    fn call_arguments(&mut self) -> Parsed<(Vec<Expr>, Vec<Keyword>)> {
        self.enter()?;
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        // Where a generator expression stands without its own parentheses.
        let mut bare_generator = None;
        while !self.at_op(")") {
            let pos = self.here();
            if self.eat_op("**") {
                let value = self.expression()?;
                keywords.push(Keyword { name: None, value });
            } else if self.eat_op("*") {
                if keywords.iter().any(|k| k.name.is_none()) {
                    return Err(self.error_at(
                        "iterable argument unpacking follows keyword argument unpacking",
                        pos,
                    ));
                }
                let value = self.expression()?;
                args.push(Expr {
                    pos,
                    kind: ExprKind::Starred(Box::new(value)),
                });
            } else if matches!(self.tok(), Tok::Name(_)) && matches!(self.peek_tok(1), Tok::Op("="))
            {
                let name = self.name()?;
                self.pos += 1;
                let value = self.expression()?;
                if keywords.iter().any(|k| k.name.as_deref() == Some(&*name)) {
                    return Err(self.error_at(format!("keyword argument repeated: {name}"), pos));
                }
                keywords.push(Keyword {
                    name: Some(name),
                    value,
                });
            } else {
                let value = self.named_expression()?;
                if self.at_keyword("for") || self.at_keyword("async") {
                    let generators = self.comprehension_clauses()?;
                    bare_generator.get_or_insert(pos);
                    args.push(Expr {
                        pos,
                        kind: ExprKind::GeneratorExp(Box::new(value), generators),
                    });
                } else {
                    if self.at_op("=") {
                        return Err(self.error_at(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            value.pos,
                        ));
                    }
                    if !keywords.is_empty() && keywords.iter().any(|k| k.name.is_some()) {
                        return Err(
                            self.error_at("positional argument follows keyword argument", pos)
                        );
                    }
                    if keywords.iter().any(|k| k.name.is_none()) {
                        return Err(self.error_at(
                            "positional argument follows keyword argument unpacking",
                            pos,
                        ));
                    }
                    args.push(value);
                }
            }
            if !self.eat_op(",") {
                if !self.at_op(")") && self.starts_expression() {
                    return Err(self.error_here("invalid syntax. Perhaps you forgot a comma?"));
                }
                break;
            }
        }
        if let Some(pos) = bare_generator.filter(|_| args.len() + keywords.len() > 1) {
            return Err(self.error_at("Generator expression must be parenthesized", pos));
        }
        self.expect_op(")")?;
        self.depth -= 1;
        Ok((args, keywords))
    }

    fn starts_expression(&self) -> bool {
        match self.tok() {
            Tok::Name(n) => {
                !KEYWORDS.contains(&&**n)
                    || matches!(&**n, "True" | "False" | "None" | "not" | "lambda" | "await")
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => true,
            Tok::Op(op) => matches!(*op, "(" | "[" | "{" | "-" | "+" | "~"),
            _ => false,
        }
    }

    fn subscript(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(items),
        })
    }

    fn slice_item(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let lower = if self.at_op(":") {
            None
        } else {
            let item = self.star_expression()?;
            if !self.at_op(":") {
                return Ok(item);
            }
            Some(Box::new(item))
        };
        self.expect_op(":")?;
        let bound = |p: &mut Parser| -> Parsed<Option<Box<Expr>>> {
            if p.at_op(":") || p.at_op("]") || p.at_op(",") {
                Ok(None)
            } else {
                Ok(Some(Box::new(p.expression()?)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat_op(":") { bound(self)? } else { None };
        Ok(Expr {
            pos,
            kind: ExprKind::Slice(lower, upper, step),
        })
    }

    fn comprehension_clauses(&mut self) -> Parsed<Vec<Comprehension>> {
        let mut generators = Vec::new();
        loop {
            let is_async = self.eat_keyword("async");
            if !self.eat_keyword("for") {
                if is_async {
                    return Err(self.invalid());
                }
                break;
            }
            let target = self.target_list()?;
            self.expect_keyword("in")?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_keyword("if") {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    fn yield_expression(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        self.expect_keyword("yield")?;
        if self.eat_keyword("from") {
            let value = self.expression()?;
            return Ok(Expr {
                pos,
                kind: ExprKind::YieldFrom(Box::new(value)),
            });
        }
        let value = if self.at_expression_end() {
            None
        } else {
            Some(Box::new(self.star_expressions()?))
        };
        Ok(Expr {
            pos,
            kind: ExprKind::Yield(value),
        })
    }

    fn atom(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let constant = |c| {
            Ok(Expr {
                pos,
                kind: ExprKind::Constant(c),
            })
        };
        match self.tok().clone() {
            Tok::Name(name) => {
                self.pos += 1;
                match &*name {
                    "True" => constant(Constant::Bool(true)),
                    "False" => constant(Constant::Bool(false)),
                    "None" => constant(Constant::None),
                    _ if KEYWORDS.contains(&&*name) => {
                        self.pos -= 1;
                        Err(self.invalid())
                    }
                    _ => Ok(Expr {
                        pos,
                        kind: ExprKind::Name(name),
                    }),
                }
            }
            Tok::Int(digits) => {
                self.pos += 1;
                constant(Constant::Int(digits))
            }
            Tok::Float(value) => {
                self.pos += 1;
                constant(Constant::Float(value))
            }
            Tok::Str { .. } => self.strings(),
            Tok::Op("...") => {
                self.pos += 1;
                constant(Constant::Ellipsis)
            }
            Tok::Op("(") => {
                self.pos += 1;
                self.enter()?;
                let result = self.parenthesized(pos);
                self.depth -= 1;
                result
            }
            Tok::Op("[") => {
                self.pos += 1;
                self.enter()?;
                let result = self.list_display(pos);
                self.depth -= 1;
                result
            }
            Tok::Op("{") => {
                self.pos += 1;
                self.enter()?;
                let result = self.brace_display(pos);
                self.depth -= 1;
                result
            }
            Tok::Newline | Tok::End => Err(self.invalid()),
            _ => Err(self.invalid()),
        }
    }

    fn parenthesized(&mut self, pos: Pos) -> Parsed<Expr> {
        self.skip_newlines();
        if self.eat_op(")") {
            return Ok(Expr {
                pos,
                kind: ExprKind::Tuple(Vec::new()),
            });
        }
        if self.at_keyword("yield") {
            let value = self.yield_expression()?;
            self.expect_op(")")?;
            return Ok(value);
        }
        let first = self.star_expression()?;
        if self.at_keyword("for") || self.at_keyword("async") {
            let generators = self.comprehension_clauses()?;
            self.expect_op(")")?;
            return Ok(Expr {
                pos,
                kind: ExprKind::GeneratorExp(Box::new(first), generators),
            });
        }
        if self.eat_op(")") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.error_at("cannot use starred expression here", first.pos));
            }
            return Ok(Expr { pos, ..first });
        }
        if !self.at_op(",") {
            if self.starts_expression() {
                return Err(self.error_here("invalid syntax. Perhaps you forgot a comma?"));
            }
            return Err(self.invalid());
        }
        let items = self.display_items(first, ")")?;
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(items),
        })
    }

    fn list_display(&mut self, pos: Pos) -> Parsed<Expr> {
        if self.eat_op("]") {
            return Ok(Expr {
                pos,
                kind: ExprKind::List(Vec::new()),
            });
        }
        let first = self.star_expression()?;
        if self.at_keyword("for") || self.at_keyword("async") {
            let generators = self.comprehension_clauses()?;
            self.expect_op("]")?;
            return Ok(Expr {
                pos,
                kind: ExprKind::ListComp(Box::new(first), generators),
            });
        }
        let items = self.display_items(first, "]")?;
        Ok(Expr {
            pos,
            kind: ExprKind::List(items),
        })
    }

    fn brace_display(&mut self, pos: Pos) -> Parsed<Expr> {
        if self.eat_op("}") {
            return Ok(Expr {
                pos,
                kind: ExprKind::Dict(Vec::new()),
            });
        }
        if self.eat_op("**") {
            let value = self.bitwise_or()?;
            return self.dict_rest(pos, vec![(None, value)]);
        }
        let first = self.star_expression()?;
        if self.eat_op(":") {
            let value = self.expression()?;
            if self.at_keyword("for") || self.at_keyword("async") {
                let generators = self.comprehension_clauses()?;
                self.expect_op("}")?;
                return Ok(Expr {
                    pos,
                    kind: ExprKind::DictComp(Box::new(first), Box::new(value), generators),
                });
            }
            return self.dict_rest(pos, vec![(Some(first), value)]);
        }
        if self.at_keyword("for") || self.at_keyword("async") {
            let generators = self.comprehension_clauses()?;
            self.expect_op("}")?;
            return Ok(Expr {
                pos,
                kind: ExprKind::SetComp(Box::new(first), generators),
            });
        }
        let items = self.display_items(first, "}")?;
        Ok(Expr {
            pos,
            kind: ExprKind::Set(items),
        })
    }

    /// The items of a tuple, list or set display after the first, up to and with `closer`.
    fn display_items(&mut self, first: Expr, closer: &str) -> Parsed<Vec<Expr>> {
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(closer) {
                break;
            }
            items.push(self.star_expression()?);
        }
        if !self.at_op(closer) && self.starts_expression() {
            return Err(self.error_here("invalid syntax. Perhaps you forgot a comma?"));
        }
        self.expect_op(closer)?;
        Ok(items)
    }

    fn dict_rest(&mut self, pos: Pos, mut items: Vec<(Option<Expr>, Expr)>) -> Parsed<Expr> {
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                items.push((None, self.bitwise_or()?));
            } else {
                let key = self.expression()?;
                if !self.eat_op(":") {
                    return Err(self.error_here("':' expected after dictionary key"));
                }
                items.push((Some(key), self.expression()?));
            }
        }
        self.expect_op("}")?;
        Ok(Expr {
            pos,
            kind: ExprKind::Dict(items),
        })
    }

    /// Adjacent string literals, concatenated; f-strings among them make an f-string.
    fn strings(&mut self) -> Parsed<Expr> {
        let pos = self.here();
        let mut parts: Vec<FPart> = Vec::new();
        let mut formatted = false;
        let mut bytes: Option<bool> = None;
        while let Tok::Str { value, kind } = self.tok().clone() {
            let token = self.token().clone();
            self.pos += 1;
            let is_bytes = kind == StrKind::Bytes;
            if bytes.is_some_and(|b| b != is_bytes) {
                return Err(self.error_at("cannot mix bytes and nonbytes literals", pos));
            }
            bytes = Some(is_bytes);
            match kind {
                StrKind::Format { raw } => {
                    formatted = true;
                    parts.extend(self.fstring(&value, raw, &token)?);
                }
                _ => parts.push(FPart::Text(value)),
            }
        }
        if bytes == Some(true) {
            let text: String = parts
                .iter()
                .map(|p| match p {
                    FPart::Text(t) => t.to_string(),
                    _ => String::new(),
                })
                .collect();
            return Ok(Expr {
                pos,
                kind: ExprKind::Constant(Constant::Bytes(text.into())),
            });
        }
        if !formatted {
            let text: String = parts
                .iter()
                .map(|p| match p {
                    FPart::Text(t) => t.to_string(),
                    _ => String::new(),
                })
                .collect();
            return Ok(Expr {
                pos,
                kind: ExprKind::Constant(Constant::Str(text.into())),
            });
        }
        Ok(Expr {
            pos,
            kind: ExprKind::FString(merge_text(parts)),
        })
    }

    /// The parts of an f-string's text: literal text (escapes read here) and `{…}` fields.
    fn fstring(&self, text: &str, raw: bool, token: &Token) -> Parsed<Vec<FPart>> {
        let chars: Vec<char> = text.chars().collect();
        let source_line = self.line_text(token.line);
        let error =
            |message: &str| SyntaxError::new(message, token.line, token.col, source_line.clone());
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    literal.push('{');
                    i += 2;
                    continue;
                }
                if !literal.is_empty() {
                    parts.push(FPart::Text(unescape(&literal, raw).into()));
                    literal.clear();
                }
                let (part, next) = self.fstring_field(&chars, i + 1, raw, token, &source_line)?;
                parts.push(part);
                i = next;
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    literal.push('}');
                    i += 2;
                    continue;
                }
                return Err(error("f-string: single '}' is not allowed"));
            } else {
                literal.push(c);
                i += 1;
            }
        }
        if !literal.is_empty() {
            parts.push(FPart::Text(unescape(&literal, raw).into()));
        }
        Ok(parts)
    }

    /// One `{expression!conversion:spec}` starting after its `{`: the part, and where the text
    /// goes on after its `}`.
    fn fstring_field(
        &self,
        chars: &[char],
        start: usize,
        raw: bool,
        token: &Token,
        source_line: &str,
    ) -> Parsed<(FPart, usize)> {
        let error = |message: &str| {
            SyntaxError::new(message, token.line, token.col, source_line.to_owned())
        };
        let mut depth = 0;
        let mut quote: Option<char> = None;
        let mut i = start;
        let mut end = None;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
            } else {
                match c {
                    '\'' | '"' => quote = Some(c),
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' if depth > 0 => depth -= 1,
                    '}' | ':' if depth == 0 => {
                        end = Some(i);
                        break;
                    }
                    '!' if depth == 0 && chars.get(i + 1) != Some(&'=') => {
                        end = Some(i);
                        break;
                    }
                    '=' if depth == 0
                        && chars.get(i + 1) != Some(&'=')
                        && i > start
                        && !matches!(chars[i - 1], '=' | '!' | '<' | '>') =>
                    {
                        end = Some(i);
                        break;
                    }
                    '\\' => {
                        return Err(error("f-string expression part cannot include a backslash"))
                    }
                    '#' => return Err(error("f-string expression part cannot include '#'")),
                    _ => {}
                }
            }
            i += 1;
        }
        let Some(mut end) = end else {
            return Err(error("f-string: expecting '}'"));
        };
        let expression: String = chars[start..end].iter().collect();
        if expression.trim().is_empty() {
            return Err(error("f-string: empty expression not allowed"));
        }
        let value = parse_expression_at(&expression, token.line, token.col, source_line)?;
        let mut debug = None;
        if chars[end] == '=' {
            let mut text: String = chars[start..=end].iter().collect();
            end += 1;
            while chars.get(end).is_some_and(|c| c.is_whitespace()) {
                text.push(chars[end]);
                end += 1;
            }
            debug = Some(text.into());
        }
        let mut conversion = None;
        if chars.get(end) == Some(&'!') {
            match chars.get(end + 1) {
                Some(&c @ ('r' | 's' | 'a')) => conversion = Some(c),
                _ => {
                    return Err(error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            }
            end += 2;
        }
        if debug.is_some() && conversion.is_none() && chars.get(end) != Some(&':') {
            conversion = Some('r');
        }
        let mut spec = None;
        if chars.get(end) == Some(&':') {
            let mut j = end + 1;
            let mut spec_parts = Vec::new();
            let mut literal = String::new();
            while j < chars.len() {
                let c = chars[j];
                if c == '{' {
                    if !literal.is_empty() {
                        spec_parts.push(FPart::Text(unescape(&literal, raw).into()));
                        literal.clear();
                    }
                    let (part, next) = self.fstring_field(chars, j + 1, raw, token, source_line)?;
                    spec_parts.push(part);
                    j = next;
                    continue;
                }
                if c == '}' {
                    break;
                }
                literal.push(c);
                j += 1;
            }
            if !literal.is_empty() {
                spec_parts.push(FPart::Text(unescape(&literal, raw).into()));
            }
            spec = Some(spec_parts);
            end = j;
        }
        if chars.get(end) != Some(&'}') {
            return Err(error("f-string: expecting '}'"));
        }
        Ok((
            FPart::Value {
                value: Box::new(value),
                conversion,
                spec,
                debug,
            },
            end + 1,
        ))
    }
}

/// Literal pieces next to each other become one.
fn merge_text(parts: Vec<FPart>) -> Vec<FPart> {
    let mut merged: Vec<FPart> = Vec::new();
    for part in parts {
        match (merged.last_mut(), part) {
            (Some(FPart::Text(previous)), FPart::Text(text)) => {
                *previous = format!("{previous}{text}").into();
            }
            (_, part) => merged.push(part),
        }
    }
    merged
}

/// The escapes of an f-string's literal text (kept as written by the lexer).
fn unescape(text: &str, raw: bool) -> String {
    if raw || !text.contains('\\') {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some('\n') => {}
            Some('a') => out.push('\x07'),
            Some('b') => out.push('\x08'),
            Some('f') => out.push('\x0c'),
            Some('v') => out.push('\x0b'),
            Some(x @ ('x' | 'u' | 'U')) => {
                let digits = match x {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..digits).filter_map(|_| chars.next()).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => {
                        out.push('\\');
                        out.push(x);
                        out.push_str(&hex);
                    }
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn augmented(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "@=" => BinOp::MatMul,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        _ => return None,
    })
}

fn augmented_op(tok: &Tok) -> bool {
    matches!(tok, Tok::Op(op) if augmented(op).is_some())
}

/// What may stand left of `=` as it is written (a tuple's or list's items are checked in turn).
fn is_plain_target(expr: &Expr) -> bool {
    matches!(
        expr.kind,
        ExprKind::Name(_)
            | ExprKind::Attribute(..)
            | ExprKind::Subscript(..)
            | ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::Starred(_)
    )
}

/// An expression CPython's grammar reads as a `bitwise_or` (an operand of a comparison).
fn is_operand(expr: &Expr) -> bool {
    !matches!(
        expr.kind,
        ExprKind::Compare(..)
            | ExprKind::BoolOp(..)
            | ExprKind::IfExp(..)
            | ExprKind::Lambda(..)
            | ExprKind::Yield(..)
            | ExprKind::YieldFrom(..)
            | ExprKind::Starred(..)
            | ExprKind::UnaryOp(UnaryOp::Not, _)
    )
}

/// How CPython names an expression in "cannot assign to …".
fn describe(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None | Constant::Bool(_)) => match &expr.kind {
            ExprKind::Constant(Constant::None) => "None",
            ExprKind::Constant(Constant::Bool(true)) => "True",
            _ => "False",
        },
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::BinOp(..) | ExprKind::UnaryOp(..) => "expression",
        ExprKind::BoolOp(..) => "expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Lambda(..) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Await(..) => "await expression",
        ExprKind::Yield(..) | ExprKind::YieldFrom(..) => "yield expression",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::SetComp(..) => "set comprehension",
        ExprKind::DictComp(..) => "dict comprehension",
        ExprKind::GeneratorExp(..) => "generator expression",
        ExprKind::Dict(..) => "dict literal",
        ExprKind::Set(..) => "set display",
        ExprKind::Tuple(..) => "tuple",
        ExprKind::List(..) => "list",
        ExprKind::NamedExpr(..) => "named expression",
        ExprKind::Starred(..) => "starred",
        _ => "expression",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(source: &str) -> SyntaxError {
        parse_program(source).expect_err(source)
    }

    #[test]
    fn parses_an_asyncio_program() {
        let source = "import asyncio\n\nasync def say_after(delay, what):\n    await asyncio.sleep(delay)\n    print(f\"{what} at {delay:.2f}\")\n\nasync def main():\n    await asyncio.gather(*(say_after(i, 'x') for i in range(3)))\n\nasyncio.run(main())\n";
        let body = parse_program(source).expect("parsed");
        assert_eq!(body.len(), 4);
        let StmtKind::FunctionDef(def) = &body[1].kind else {
            panic!("def")
        };
        assert!(def.is_async);
        assert_eq!(def.args.args.len(), 2);
    }

    #[test]
    fn syntax_errors_read_like_cpythons() {
        assert_eq!(error("if x\n    pass\n").message, "expected ':'");
        let e = error("def f():\nreturn 1\n");
        assert_eq!(
            (e.kind, e.message.as_str()),
            (
                "IndentationError",
                "expected an indented block after function definition on line 1"
            )
        );
        assert_eq!(error("x = 1\n  y = 2\n").message, "unexpected indent");
        for display in ["x = (1 2)\n", "x = [1 2]\n", "x = {1 2}\n"] {
            assert_eq!(
                error(display).message,
                "invalid syntax. Perhaps you forgot a comma?",
                "{display}"
            );
        }
        assert_eq!(
            error("try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n")
                .message,
            "cannot have both 'except' and 'except*' on the same 'try'"
        );
        assert_eq!(
            error("try:\n    pass\nexcept*:\n    pass\n").message,
            "expected one or more exception types"
        );
        // CPython's report: no caret for an unexpected indent; past the line's end for a bad
        // unindent.
        assert_eq!(
            error("x = 1\n  y = 2\n").report("f.py"),
            "  File \"f.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
        );
        assert_eq!(
            error("class A:\n    def m(self):\n        pass\n   def n(self):\n        pass\n")
                .report("f.py"),
            "  File \"f.py\", line 4\n    def n(self):\n                ^\n\
             IndentationError: unindent does not match any outer indentation level\n"
        );
        assert_eq!(
            error("print 'hi'\n").message,
            "Missing parentheses in call to 'print'. Did you mean print(...)?"
        );
        assert_eq!(
            error("f() = 1\n").message,
            "cannot assign to function call here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(
            error("if x = 1:\n    pass\n").message,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
        );
        assert_eq!(
            error("f(a b)\n").message,
            "invalid syntax. Perhaps you forgot a comma?"
        );
        assert_eq!(error("x = = 1\n").message, "invalid syntax");
        assert_eq!(
            error("f'{}'\n").message,
            "f-string: empty expression not allowed"
        );
        let e = error("\n\nx = (1,\n");
        assert_eq!((e.line, e.message.as_str()), (3, "'(' was never closed"));
    }

    #[test]
    fn fstrings_split_into_text_and_fields() {
        let body = parse_program("f'a{x!r:>{w}}b{{c}}{y=}'\n").expect("parsed");
        let StmtKind::Expr(Expr {
            kind: ExprKind::FString(parts),
            ..
        }) = &body[0].kind
        else {
            panic!("f-string")
        };
        assert_eq!(parts.len(), 4);
        assert!(matches!(
            &parts[1],
            FPart::Value {
                conversion: Some('r'),
                spec: Some(_),
                ..
            }
        ));
        assert_eq!(parts[2], FPart::Text("b{c}".into()));
        assert!(matches!(&parts[3], FPart::Value { debug: Some(d), .. } if &**d == "y="));
    }
}
