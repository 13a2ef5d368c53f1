//! Text printed to a terminal: record text may hold control characters (an escape sequence
//! that clears the screen or sets the window title, a carriage return that forges a line) and
//! bidirectional overrides that reorder what is shown. Everything cardfile prints for people
//! goes through [`escape`] (or, for source text shown under a diagnostic, [`placeholders`]).

use std::borrow::Cow;

/// Whether a character must not reach a terminal as it is: C0 controls (but tab), DEL, C1
/// controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t') || ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The text with every unsafe character shown visibly as `\u{1b}`; line breaks (`\n`) are kept
/// when `lines` is true (text meant to run over lines), else shown as `\u{a}` too.
pub fn escape_with(text: &str, lines: bool) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) && !(lines && c == '\n');
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text for a terminal: every unsafe character, line breaks included, shown as
/// `\u{…}`.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_with(text, false)
}

/// Source text for a snippet: each unsafe character (but a line break, and the CR of a CRLF)
/// replaced by a visible one of the same length in bytes and in characters (`?`, `¿`, `�`),
/// so that byte offsets into the text, and columns, stay right.
pub fn placeholders(text: &str) -> Cow<'_, str> {
    let bad = |c: char, next: Option<char>| is_unsafe(c) && c != '\n' && !(c == '\r' && next == Some('\n'));
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any |= bad(c, chars.peek().copied());
    }
    if !any {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if bad(c, chars.peek().copied()) {
            out.push(match c.len_utf8() {
                1 => '?',
                2 => '¿',
                _ => '\u{FFFD}',
            });
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "A\u{1b}[2J\u{1b}]0;x\u{7}\r\nFAKE\u{7f}\u{9b}\u{202e}\u{2066}\tok";

    #[test]
    fn controls_and_bidi_overrides_are_shown_visibly() {
        assert_eq!(escape(HOSTILE), "A\\u{1b}[2J\\u{1b}]0;x\\u{7}\\u{d}\\u{a}FAKE\\u{7f}\\u{9b}\\u{202e}\\u{2066}\tok");
        assert_eq!(escape_with("a\nb\u{1b}", true), "a\nb\\u{1b}");
        assert!(matches!(escape("华东 plain"), Cow::Borrowed(_)));
        assert!(!escape(HOSTILE).chars().any(is_unsafe));
    }

    #[test]
    fn placeholders_keep_byte_offsets_and_character_counts() {
        let text = "x = \"\u{1b}[2J\u{9b}\u{202e}\"\r\ny = 1\n\rz";
        let safe = placeholders(text);
        assert_eq!(safe.len(), text.len());
        assert_eq!(safe.chars().count(), text.chars().count());
        assert_eq!(safe, "x = \"?[2J¿\u{FFFD}\"\r\ny = 1\n?z");
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\r'));
    }
}
