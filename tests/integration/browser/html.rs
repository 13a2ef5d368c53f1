//! Just enough HTML reading for the browser tests: the tags and attributes of a DOM as Chromium
//! serialises it (`--dump-dom`), and its text. Chromium's serialisation is regular (attribute
//! values in double quotes, `<`, `>` and `&` in text escaped), so no HTML parser is needed.

/// One start tag: its lower-case name and its attributes, values with entities decoded.
#[derive(Debug)]
pub struct Tag {
    /// The element's name, lower case.
    pub name: String,
    /// `(name, value)` pairs in document order; names lower case.
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Whether the `class` attribute holds the token `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split_ascii_whitespace().any(|t| t == class))
    }

    /// A short form of the tag for failure messages.
    pub fn describe(&self) -> String {
        let attrs: String = self.attrs.iter().map(|(n, v)| format!(" {n}=\"{}\"", shorten(v, 80))).collect();
        format!("<{}{attrs}>", self.name)
    }
}

/// Elements whose content is raw text, not markup.
const RAW_TEXT: [&str; 2] = ["script", "style"];

/// The start tags of `html`, in document order (comments, doctype and end tags are skipped).
pub fn tags(html: &str) -> Vec<Tag> {
    scan(html).0
}

/// The text of `html` outside tags, comments, scripts and styles, entities decoded.
pub fn text(html: &str) -> String {
    scan(html).1
}

/// One pass over `html`: its start tags and its text.
fn scan(html: &str) -> (Vec<Tag>, String) {
    let mut tags = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let is_name_start = rest[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        if !is_name_start {
            // An end tag, a doctype, or a stray `<`.
            if rest[1..].starts_with(['/', '!', '?']) {
                rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            } else {
                text.push('<');
                rest = &rest[1..];
            }
            continue;
        }
        let (tag, after) = start_tag(&rest[1..]);
        rest = after;
        if RAW_TEXT.contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            rest = find_ignore_case(rest, &close).map_or("", |at| &rest[at..]);
        }
        tags.push(tag);
    }
    text.push_str(&decode(rest));
    (tags, text)
}

/// Parses a start tag after its `<`; returns it and the text after its `>`.
fn start_tag(s: &str) -> (Tag, &str) {
    let name_end = s.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(s.len());
    let name = s[..name_end].to_ascii_lowercase();
    let mut rest = &s[name_end..];
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('>') {
            rest = after;
            break;
        }
        let end =
            rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(rest.len());
        let attr = rest[..end.max(1)].to_ascii_lowercase();
        rest = &rest[end.max(1)..];
        let value = match rest.trim_start().strip_prefix('=') {
            Some(v) => {
                let v = v.trim_start();
                let (raw, after) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let close = v[1..].find(q).map_or(v.len(), |i| i + 1);
                        (&v[1..close], v.get(close + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = v.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(v.len());
                        (&v[..end], &v[end..])
                    }
                };
                rest = after;
                decode(raw)
            }
            None => String::new(),
        };
        attrs.push((attr, value));
    }
    (Tag { name, attrs }, rest)
}

/// Decodes the character references Chromium writes and numeric ones.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
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

/// The byte offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

#[test]
fn the_scanner_reads_tags_attributes_and_text() {
    let html = "<!doctype html><html data-x=\"1\"><head><title>a &lt;b&gt;</title>\
                <script>if (a<b) x('<img src=y>')</script></head><body class=\"card  big\">\
                <!-- <img src=c> --><img src=x onerror='go()' alt=\"&quot;q&quot; &#x1F600;\"> t&amp;t</body></html>";
    let tags = tags(html);
    let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["html", "head", "title", "script", "body", "img"]);
    assert_eq!(tags[0].attr("data-x"), Some("1"));
    assert!(tags[4].has_class("card") && !tags[4].has_class("car"));
    assert_eq!(tags[5].attr("src"), Some("x"));
    assert_eq!(tags[5].attr("onerror"), Some("go()"));
    assert_eq!(tags[5].attr("alt"), Some("\"q\" 😀"));
    assert_eq!(text(html), "a <b> t&t");
}
