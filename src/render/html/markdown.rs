//! Markdown from records to HTML, safely: raw HTML is shown as text, only harmless link
//! schemes survive, and images become links (a page must not load anything remote).

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

/// Whether a link destination is safe to keep: relative, or http(s), mailto or tel.
fn safe_url(url: &str) -> bool {
    let lower: String =
        url.trim().chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect::<String>().to_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => matches!(scheme, "http" | "https" | "mailto" | "tel"),
        _ => true,
    }
}

/// Whether Markdown source is one line of plain text that Markdown leaves as it is: it starts
/// with a letter, has no character Markdown or HTML gives a meaning to (`* _ [ ] < > & # ! ~
/// | \\ ` and the like), no control character, no run of spaces and no whitespace at its end.
/// Most interaction summaries are; they skip the parser.
fn plain(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    let starts_plain = bytes.first().is_some_and(|&b| !b.is_ascii() || b.is_ascii_alphabetic());
    if !starts_plain || bytes.last() == Some(&b' ') || markdown.contains("  ") {
        return false;
    }
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if !ORDINARY_ASCII[usize::from(b)] {
                return false;
            }
            at += 1;
        } else if (0xE4..=0xE9).contains(&b) {
            // U+4000 to U+9FFF (the common Chinese characters): neither whitespace nor control.
            at += 3;
        } else {
            let Some(c) = markdown.get(at..).and_then(|rest| rest.chars().next()) else { return false };
            if c.is_whitespace() || c.is_control() {
                return false;
            }
            at += c.len_utf8();
        }
    }
    true
}

/// The ASCII characters that plain text may hold: letters, digits, the space and punctuation
/// that Markdown and HTML give no meaning to inside a line.
const ORDINARY_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b' ' | b','
                    | b'.'
                    | b';'
                    | b':'
                    | b'?'
                    | b'%'
                    | b'/'
                    | b'('
                    | b')'
                    | b'\''
                    | b'"'
                    | b'-'
                    | b'+'
                    | b'='
                    | b'@'
            );
        b += 1;
    }
    table
};

/// Renders Markdown to HTML with every raw HTML fragment escaped.
pub fn render(markdown: &str) -> String {
    if plain(markdown) {
        // What the parser writes for one paragraph of text with nothing to escape.
        return format!("<p>{markdown}</p>\n");
    }
    parse_and_render(markdown)
}

fn parse_and_render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let dest_url = if safe_url(&dest_url) { dest_url } else { CowStr::Borrowed("#") };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        Event::Start(Tag::Image { dest_url, title, id, .. }) => {
            let dest_url = if safe_url(&dest_url) { dest_url } else { CowStr::Borrowed("#") };
            Event::Start(Tag::Link { link_type: LinkType::Inline, dest_url, title, id })
        }
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// The first `limit` characters of Markdown source as plain text (for cards).
pub fn plain_excerpt(markdown: &str, limit: usize) -> String {
    let text = plain_words(markdown);
    if text.chars().count() > limit {
        format!("{}…", text.chars().take(limit).collect::<String>())
    } else {
        text.into()
    }
}

/// Markdown source as plain text, its words separated by single spaces: the source itself when
/// it is one line of plain text spaced so (most summaries), without a copy.
pub fn plain_words(markdown: &str) -> Cow<'_, str> {
    if plain(markdown) {
        // `plain` allows no whitespace but single spaces between words.
        return Cow::Borrowed(markdown);
    }
    let mut text = String::new();
    plain_text(markdown, &mut text);
    Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The text of Markdown source, a space for each break, paragraph and list item.
fn plain_text(markdown: &str, text: &mut String) {
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => {
                text.push(' ')
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_skips_the_parser_and_comes_out_as_the_parser_writes_it() {
        let texts = [
            "吴建华来电询问培训安排，比较满意。已记录需求，计划准备合同草稿。",
            "客户反映包装机 PK-3出现问题，要求尽快处理。",
            "Called Anna: she's \"happy\" (mostly), 50% off / 2 = ok; see www.example.com or a@b.cn?",
            "x = y + z - 1",
            "邮件发送 2026 年价格表。",
            "㐀䶿一鿿 and ａ full-width letter",
            // Not plain: each is parsed, and the fast path must not take it.
            "1. first",
            "- item",
            "+ item",
            "= x",
            "在**西部制博会**上认识雷科长",
            "a  b",
            "two\nlines",
            "ends with a space ",
            " starts with one",
            "tab\there",
            "a <b> & c",
            "[ ] task",
            "# heading",
            "a | b",
            "~~gone~~",
            "back\\slash",
            "`code`",
            "　全角空格",
            "中文\u{3000}空格",
            "no\u{a0}break",
            "next\u{85}line",
            "c1\u{9b}control",
            "nul\0byte",
            "",
        ];
        for text in texts {
            assert_eq!(render(text), parse_and_render(text), "{text:?}");
            let mut parsed = String::new();
            plain_text(text, &mut parsed);
            let parsed = parsed.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(plain_excerpt(text, 1000), parsed, "{text:?}");
        }
        assert!(
            plain(texts[0]) && plain(texts[2]) && plain(texts[3]) && plain(texts[5]),
            "ordinary text takes the fast path"
        );
        assert!(texts[6..].iter().all(|t| !plain(t)), "marked-up text is parsed");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("hi <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn block_html_is_shown_as_text() {
        let html = render("<div onclick=\"x()\">\nhello\n</div>\n");
        assert!(!html.contains("<div"), "{html}");
    }

    #[test]
    fn unsafe_link_schemes_are_removed() {
        for bad in
            ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>", "vbscript:x"]
        {
            let html = render(&format!("[x]({bad})")).to_lowercase();
            let hrefs: Vec<&str> = html.split("href=\"").skip(1).collect();
            assert!(hrefs.iter().all(|h| h.starts_with('#')), "{bad}: {html}");
        }
        assert!(render("[x](https://example.com/a?b=c)").contains("href=\"https://example.com/a?b=c\""));
        assert!(render("[x](../a.html#top)").contains("href=\"../a.html#top\""));
        assert!(render("[x](mailto:a@b.c)").contains("mailto:a@b.c"));
    }

    #[test]
    fn images_become_links_so_nothing_is_loaded() {
        let html = render("![logo](https://cdn.example.com/x.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("<a href=\"https://cdn.example.com/x.png\">logo</a>"), "{html}");
    }

    #[test]
    fn excerpts_are_plain_and_bounded() {
        assert_eq!(plain_excerpt("**粗体** and <b>x</b>\n\n- a\n- b", 100), "粗体 and <b>x</b> a b");
        assert_eq!(plain_excerpt("abcdef", 3), "abc…");
    }
}
