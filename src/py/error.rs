//! Why a program is refused before it runs: a syntax error (as CPython words it, with its line
//! and column), or something this playground does not run (an unknown module, `open`…).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// `SyntaxError`, `IndentationError`, or `ImportError` for what cannot run here.
    pub kind: &'static str,
    pub message: String,
    pub line: u32,
    /// 1-based column of the offending place.
    pub col: u32,
    /// The source line, as written.
    pub text: String,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, line: u32, col: u32, text: String) -> SyntaxError {
        SyntaxError {
            kind: "SyntaxError",
            message: message.into(),
            line,
            col,
            text,
        }
    }

    pub fn indentation(mut self) -> SyntaxError {
        self.kind = "IndentationError";
        self
    }

    /// The report CPython prints for it (`File "…", line N`, the line, a caret, the message).
    pub fn report(&self, filename: &str) -> String {
        let mut out = format!("  File \"{filename}\", line {}\n", self.line);
        // CPython shows no caret for an unexpected indent.
        let caret_shown = !(self.kind == "IndentationError" && self.message == "unexpected indent");
        if !self.text.trim().is_empty() {
            let stripped = self.text.trim_start();
            let removed = self.text.chars().count() - stripped.chars().count();
            let caret = (self.col as usize)
                .saturating_sub(1)
                .saturating_sub(removed);
            out.push_str(&format!("    {}\n", stripped.trim_end()));
            if caret_shown {
                out.push_str(&format!("    {}^\n", " ".repeat(caret)));
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind, self.message));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.kind, self.message)
    }
}
