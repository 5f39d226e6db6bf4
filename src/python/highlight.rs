//! Splits Python source into tokens for colouring; joined back, the tokens give the source.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Keyword,
    Builtin,
    String,
    Number,
    Comment,
    Name,
    Other,
}

const KEYWORDS: &[&str] = &[
    "async", "await", "def", "return", "raise", "import", "try", "except", "for", "in", "as",
    "pass", "None", "True", "False", "if", "else", "from",
];
const BUILTINS: &[&str] = &["print", "Exception", "asyncio", "time", "sys"];

pub fn tokens(source: &str) -> Vec<(TokenKind, &str)> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(first) = rest.chars().next() {
        let (kind, length) = if first == '#' {
            (TokenKind::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if first == '\''
            || first == '"'
            || (first == 'f' && rest[1..].starts_with(['\'', '"']))
        {
            let start = if first == 'f' { 1 } else { 0 };
            let quote = rest[start..].chars().next().unwrap_or('\'');
            let mut end = rest.len();
            let mut escaped = false;
            for (i, c) in rest.char_indices().skip(start + 1) {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == quote || c == '\n' {
                    end = i + c.len_utf8();
                    break;
                }
            }
            (TokenKind::String, end)
        } else if first.is_ascii_digit() {
            let end = rest
                .char_indices()
                .find(|(i, c)| {
                    !(c.is_ascii_alphanumeric()
                        || *c == '.'
                        || ((*c == '+' || *c == '-') && rest[..*i].ends_with(['e', 'E'])))
                })
                .map_or(rest.len(), |(i, _)| i);
            (TokenKind::Number, end)
        } else if first.is_alphabetic() || first == '_' {
            let end = rest
                .char_indices()
                .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
                .map_or(rest.len(), |(i, _)| i);
            let word = &rest[..end];
            let kind = if KEYWORDS.contains(&word) {
                TokenKind::Keyword
            } else if BUILTINS.contains(&word) {
                TokenKind::Builtin
            } else {
                TokenKind::Name
            };
            (kind, end)
        } else {
            (TokenKind::Other, first.len_utf8())
        };
        let length = length.max(first.len_utf8());
        out.push((kind, &rest[..length]));
        rest = &rest[length..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_source_and_find_keywords_strings_and_numbers() {
        let source =
            "async def f():  # 'x'\n    print('it\\'s', \"é\")\n    await asyncio.sleep(1.5e-05)\n";
        let tokens = tokens(source);
        assert_eq!(tokens.iter().map(|t| t.1).collect::<String>(), source);
        assert!(tokens.contains(&(TokenKind::Keyword, "async")));
        assert!(tokens.contains(&(TokenKind::Comment, "# 'x'")));
        assert!(tokens.contains(&(TokenKind::String, "'it\\'s'")));
        assert!(tokens.contains(&(TokenKind::String, "\"é\"")));
        assert!(tokens.contains(&(TokenKind::Number, "1.5e-05")));
        assert!(tokens.contains(&(TokenKind::Builtin, "print")));
    }
}
