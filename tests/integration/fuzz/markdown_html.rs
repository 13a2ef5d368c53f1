//! The Markdown renderer on grammar-built HTML-ish and Markdown-ish text and on arbitrary text:
//! no panic, and no element, attribute or link that could run a script.

use cardfile::render::html::markdown;
use proptest::prelude::*;
use proptest::sample::select;

use super::fuzz;

/// Fragments of Markdown and HTML that a hostile or careless note may hold.
#[rustfmt::skip]
const MARKDOWN: &[&str] = &[
    "<script>alert(1)</script>", "<SCRIPT SRC=//x>", "<scr<script>ipt>", "<img src=x onerror=alert(1)>", "<IMG",
    "<iframe src=javascript:alert(1)>", "<svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
    "<div onclick=\"x()\">", "</div>", "<!-- c -->", "<![CDATA[x]]>", "<?php ?>", "<style>*{}</style>", "<", ">", "&",
    "&lt;", "&#106;avascript:", "&#x6A;", "\"", "'", "`", "```\n", "```html\n", "    code\n", "\n", "\n\n", "# ",
    "> ", "- ", "1. ", "- [ ] ", "| a | b |\n|---|---|\n", "**", "_", "~~", "[", "]", "(", ")", "![", "](",
    "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](java\tscript:x)", "[x]( javascript:x)",
    "[x](&#106;avascript:x)", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](DATA:x)", "[x](vbscript:x)",
    "[x](https://example.com \"t onclick=x\")", "[x](<javascript:x>)", "<javascript:alert(1)>", "<data:text/html,x>",
    "<https://example.com/a>", "<a@b.c>", "![i](https://e.com/i.png)", "![i](javascript:x)",
    "[r]: javascript:alert(1)\n", "[r]", "[r][]", "[x][r]", "\\", "\\<script>", "onerror=", " onload=x ", "\u{202E}",
    "𠀀", "😀", "\u{0}", "\u{1b}[31m", "\r", "\t", "javascript:", "data:",
];

fn markdown_input() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => select(MARKDOWN).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
        1 => "[a-zA-Z :/=]{0,8}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

/// What is wrong with the HTML the Markdown renderer produced, if anything: a dangerous element,
/// an event-handler attribute, or a link to a script or data URL. Every `<` in text is escaped
/// by the renderer, so each `<` followed by a letter starts a real element.
fn unsafe_html(html: &str) -> Option<String> {
    let lower = html.to_lowercase();
    for element in ["<script", "<img", "<iframe", "<svg", "<object", "<embed", "<style", "<form", "<base", "<meta"] {
        if lower.contains(element) {
            return Some(format!("an element {element}"));
        }
    }
    let mut rest = lower.as_str();
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let (tag, after) = rest.split_at(rest.find('>').unwrap_or(rest.len()));
        rest = after;
        for (name, value) in attributes(tag) {
            if name.starts_with("on") {
                return Some(format!("an event handler {name}= in <{tag}>"));
            }
            if matches!(name.as_str(), "href" | "src" | "action" | "formaction") {
                let url: String =
                    decode_entities(&value).chars().filter(|c| !c.is_ascii_control() && *c != ' ').collect();
                if ["javascript:", "data:", "vbscript:"].iter().any(|s| url.starts_with(s)) {
                    return Some(format!("a {name}={value:?} in <{tag}>"));
                }
            }
        }
    }
    None
}

/// The attributes of a start tag's inside (after `<`, before `>`), values unquoted.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_end = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let (v, r) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => after.split_at(after.find(|c: char| c.is_ascii_whitespace()).unwrap_or(after.len())),
            };
            value = v.to_string();
            rest = r;
        }
        out.push((name, value));
    }
}

/// `text` with HTML character references decoded, enough to read a URL the way a browser does.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let code = match entity.strip_prefix('#') {
                Some(n) => match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                },
                None => [("amp", 38), ("lt", 60), ("gt", 62), ("quot", 34), ("apos", 39), ("colon", 58), ("tab", 9)]
                    .iter()
                    .find(|(n, _)| *n == entity)
                    .map(|(_, c)| *c),
            };
            Some((char::from_u32(code?)?, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_unsafe_html_detector_detects() {
    assert!(
        unsafe_html("<p>hi &lt;script&gt; onload=x <a href=\"https://e.com\" title=\"a onclick=b\">x</a></p>")
            .is_none()
    );
    for bad in [
        "<p><SCRIPT>x</script></p>",
        "<a href=\"x\" onclick=\"y\">",
        "<a href='&#106;avascript:x'>",
        "<a href=\"\tJavaScript:x\">",
        "<a href=data:text/html,x>",
        "<p><img src=x></p>",
    ] {
        assert!(unsafe_html(bad).is_some(), "missed {bad}");
    }
}

#[test]
fn markdown_never_emits_script_handlers_or_script_links() {
    fuzz(4.0, markdown_input(), |input| {
        let html = markdown::render(&input);
        prop_assert!(unsafe_html(&html).is_none(), "{:?} in\n{html}\nfrom {input:?}", unsafe_html(&html));
        let excerpt = markdown::plain_excerpt(&input, 40);
        prop_assert!(excerpt.chars().count() <= 41, "the excerpt is too long: {excerpt:?}");
        Ok(())
    });
}

#[test]
fn markdown_never_panics_on_arbitrary_text() {
    fuzz(4.0, any::<String>(), |input| {
        let html = markdown::render(&input);
        prop_assert!(unsafe_html(&html).is_none(), "{:?} in\n{html}", unsafe_html(&html));
        Ok(())
    });
}
