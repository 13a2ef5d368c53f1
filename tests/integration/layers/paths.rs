//! The `crate::…` and `super::…` paths of a Rust file: in `use` lines (grouped ones too,
//! `use crate::{a, b::{c, d}}`) and inline (`impl crate::records::reader::Choice for …`,
//! `crate::format::date(x)`), each made absolute from the crate root.

/// One path written in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathUse {
    /// The line it is written on (1-based).
    pub line: usize,
    /// Its segments from the crate root: `crate::records::model::Customer` is
    /// `["records", "model", "Customer"]`, and so is `super::model::Customer` in `records/load.rs`.
    pub segments: Vec<String>,
}

/// The module path of a file under `src/`: `records/load.rs` is `["records", "load"]`,
/// `records/mod.rs` is `["records"]`, `lib.rs` and `main.rs` are the root `[]`.
pub fn module_of(file: &str) -> Vec<String> {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = stem.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") || (parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main")) {
        parts.pop();
    }
    parts
}

/// Every `crate::…`/`super::…` path in `text`, the source of the module `module`.
pub fn paths(module: &[String], text: &str) -> Vec<PathUse> {
    let tokens = tokens(&code_only(text));
    let mut out = Vec::new();
    // Inline modules (`mod tests { … }`) change what `super` means: (name, brace depth).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut pending: Option<String> = None;
    let mut depth = 0;
    for i in 0..tokens.len() {
        match &tokens[i].kind {
            Kind::Open => {
                depth += 1;
                if let Some(name) = pending.take() {
                    inline.push((name, depth));
                }
            }
            Kind::Close => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Kind::Ident(word) if word == "mod" => {
                if let (Some(Kind::Ident(name)), Some(Kind::Open)) =
                    (tokens.get(i + 1).map(|t| &t.kind), tokens.get(i + 2).map(|t| &t.kind))
                {
                    pending = Some(name.clone());
                }
            }
            Kind::Ident(word) if (word == "crate" || word == "super") && starts_path(&tokens, i) => {
                let mut here: Vec<String> = module.to_vec();
                here.extend(inline.iter().map(|(name, _)| name.clone()));
                let (base, next) = base_of(&tokens, i, here);
                for segments in tail(&tokens, next, base).0 {
                    out.push(PathUse { line: tokens[i].line, segments });
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `crate`/`super` at `i` begins a path: followed by `::`, not preceded by one.
fn starts_path(tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|t| t.kind == Kind::Colons) && (i == 0 || tokens[i - 1].kind != Kind::Colons)
}

/// The module `crate`/`super` (with any `::super` after it) names, and the index after it.
fn base_of(tokens: &[Token], i: usize, here: Vec<String>) -> (Vec<String>, usize) {
    let Kind::Ident(first) = &tokens[i].kind else { return (Vec::new(), i + 1) };
    if first == "crate" {
        return (Vec::new(), i + 1);
    }
    let mut base = here;
    base.pop();
    let mut next = i + 1;
    while tokens.get(next).is_some_and(|t| t.kind == Kind::Colons)
        && tokens.get(next + 1).is_some_and(|t| t.kind == Kind::Ident("super".into()))
    {
        base.pop();
        next += 2;
    }
    (base, next)
}

/// The paths that continue `segments` from `i` (a `::` or the end of the path), and the index
/// after them.
fn tail(tokens: &[Token], i: usize, mut segments: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let mut i = i;
    loop {
        if tokens.get(i).map(|t| &t.kind) != Some(&Kind::Colons) {
            return (vec![segments], i);
        }
        match tokens.get(i + 1).map(|t| &t.kind) {
            Some(Kind::Ident(word)) => {
                segments.push(word.clone());
                i += 2;
            }
            Some(Kind::Open) => return group(tokens, i + 2, &segments),
            Some(Kind::Star) => return (vec![segments], i + 2),
            _ => return (vec![segments], i + 1),
        }
    }
}

/// The items of a group `{a, b::c, self, d::{e}}` starting at `i` (after the `{`), each
/// continuing `base`, and the index after the closing `}`.
fn group(tokens: &[Token], mut i: usize, base: &[String]) -> (Vec<Vec<String>>, usize) {
    let mut out = Vec::new();
    while let Some(token) = tokens.get(i) {
        match &token.kind {
            Kind::Close => return (out, i + 1),
            Kind::Ident(word) if word == "self" => {
                out.push(base.to_vec());
                i += 1;
            }
            Kind::Ident(word) => {
                let mut start = base.to_vec();
                start.push(word.clone());
                let (found, next) = tail(tokens, i + 1, start);
                out.extend(found);
                i = next;
            }
            Kind::Star => {
                out.push(base.to_vec());
                i += 1;
            }
            _ => i += 1,
        }
        // `as name` and anything else up to the next item.
        while let Some(t) = tokens.get(i) {
            if matches!(t.kind, Kind::Comma | Kind::Close) {
                break;
            }
            i += 1;
        }
        if tokens.get(i).is_some_and(|t| t.kind == Kind::Comma) {
            i += 1;
        }
    }
    (out, i)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Ident(String),
    Colons,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

#[derive(Debug)]
struct Token {
    kind: Kind,
    line: usize,
}

fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let kind = match c {
            '\n' => {
                line += 1;
                i += 1;
                continue;
            }
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push(Token { kind: Kind::Ident(chars[start..i].iter().collect()), line });
                continue;
            }
            ':' if chars.get(i + 1) == Some(&':') => {
                i += 1;
                Kind::Colons
            }
            '{' => Kind::Open,
            '}' => Kind::Close,
            ',' => Kind::Comma,
            '*' => Kind::Star,
            _ => Kind::Other,
        };
        out.push(Token { kind, line });
        i += 1;
    }
    out
}

/// `text` with comments, string literals and character literals blanked out (newlines kept,
/// so lines still count), leaving only code: a path in a doc comment or a string is no import.
pub fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, from: &[char]| {
        out.extend(from.iter().map(|&c| if c == '\n' { '\n' } else { ' ' }));
    };
    while i < chars.len() {
        let end = match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => find(&chars, i, |c, j| c[j] == '\n').unwrap_or(chars.len()),
            '/' if chars.get(i + 1) == Some(&'*') => block_comment_end(&chars, i),
            '"' => string_end(&chars, i + 1),
            'r' | 'b' if !ident_before(&chars, i) => match raw_string(&chars, i) {
                Some(end) => end,
                None => {
                    out.push(chars[i]);
                    i += 1;
                    continue;
                }
            },
            '\'' => match char_literal_end(&chars, i) {
                Some(end) => end,
                None => {
                    out.push('\'');
                    i += 1;
                    continue;
                }
            },
            c => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        blank(&mut out, &chars[i..end]);
        i = end;
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn find(chars: &[char], from: usize, at: impl Fn(&[char], usize) -> bool) -> Option<usize> {
    (from..chars.len()).find(|&j| at(chars, j))
}

/// The index after a (nested) block comment starting at `i`.
fn block_comment_end(chars: &[char], i: usize) -> usize {
    let (mut j, mut depth) = (i, 0);
    while j < chars.len() {
        if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
            depth += 1;
            j += 2;
        } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j += 1;
        }
    }
    chars.len()
}

/// The index after the closing quote of a string whose text starts at `from`.
fn string_end(chars: &[char], from: usize) -> usize {
    let mut j = from;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            '"' => return j + 1,
            _ => j += 1,
        }
    }
    chars.len()
}

/// A raw (or byte) string `r"…"`, `r#"…"#`, `b"…"`, `br#"…"#` starting at `i`: the index after it.
fn raw_string(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    if chars[j] == 'b' {
        j += 1;
        if chars.get(j) == Some(&'"') {
            return Some(string_end(chars, j + 1));
        }
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    j += hashes;
    if chars.get(j) != Some(&'"') {
        return None;
    }
    let close = find(chars, j + 1, |c, k| {
        c[k] == '"' && c[k + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes
    })?;
    Some(close + 1 + hashes)
}

/// A character literal (`'x'`, `'\n'`, `'"'`, `'\u{7f}'`) at `i`: the index after it; `None`
/// for a lifetime (`'a`).
fn char_literal_end(chars: &[char], i: usize) -> Option<usize> {
    match chars.get(i + 1) {
        Some('\\') => find(chars, i + 3, |c, k| c[k] == '\'').map(|k| k + 1),
        Some(_) if chars.get(i + 2) == Some(&'\'') => Some(i + 3),
        _ => None,
    }
}
