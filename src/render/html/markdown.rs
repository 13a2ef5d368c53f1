//! Markdown from records to HTML, safely: raw HTML is shown as text, only harmless link
//! schemes survive, and images become links (a page must not load anything remote).

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

/// Renders Markdown to HTML with every raw HTML fragment escaped.
pub fn render(markdown: &str) -> String {
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
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => {
                text.push(' ')
            }
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > limit { format!("{}…", text.chars().take(limit).collect::<String>()) } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

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
