//! Record text in the Markdown of a hover: shown as written, never read as Markdown or HTML
//! (a customer's name cannot become a link, an image or markup).

/// `text` with every character Markdown or HTML gives a meaning escaped, and line breaks and
/// other control characters shown as spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.' | '!' | '|' | '~'
            | '"' | '\'' | ':' | '=' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_and_html_in_record_text_are_shown_as_written() {
        assert_eq!(escape("[x](http://e) <b>&"), "\\[x\\]\\(http\\://e\\) &lt;b&gt;&amp;");
        assert_eq!(escape("**华东**\n# h"), "\\*\\*华东\\*\\* \\# h");
        assert_eq!(escape("Acme"), "Acme");
    }
}
