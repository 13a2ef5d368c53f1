//! Requests to responses: the path resolved inside the site (never outside it), the file
//! served with its Content-Type, HTML pages given the reload script.

use super::pages::{self, RELOAD_JS, RELOAD_SCRIPT, VERSION};
use super::{Content, Snapshot};

/// A response, before it becomes HTTP.
#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The Content-Type.
    pub content_type: &'static str,
    /// Where to go instead (for a 301).
    pub location: Option<String>,
    /// Whether to say which methods are allowed (for a 405).
    pub allow: bool,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply { status, content_type, location: None, allow: false, body: body.into() }
    }

    /// A plain-text reply.
    pub fn text(status: u16, body: &str) -> Reply {
        Reply::new(status, "text/plain; charset=utf-8", body)
    }
}

/// Decodes `%XX` escapes; `None` when they do not make UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The site file a URL path names: `/` is `index.html`, a folder is its `index.html`.
/// `None` for paths that try to leave the site (`..`, backslashes, NUL).
pub fn site_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path)?;
    if path.contains('\\') || path.contains('\0') {
        return None;
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
    if segments.contains(&"..") {
        return None;
    }
    let mut rel = segments.join("/");
    if rel.is_empty() || path.ends_with('/') {
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str("index.html");
    }
    Some(rel)
}

/// The version a live-reload request says its page shows (`?js&v=7`): the request is held
/// until the version differs. `None` when it says none (answered at once).
pub fn seen_version(url: &str) -> Option<u64> {
    let (_, query) = url.split_once('?')?;
    query.split('&').find_map(|pair| pair.strip_prefix("v=")).and_then(|v| v.parse().ok())
}

/// Answers one GET request from the current snapshot.
pub fn respond(url: &str, snapshot: &Snapshot) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path == RELOAD_JS {
        return Reply::new(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT);
    }
    if path == VERSION {
        return if url.contains("?js") {
            let body = format!("window.__cardfileVersion && window.__cardfileVersion({});\n", snapshot.version);
            Reply::new(200, "text/javascript; charset=utf-8", body)
        } else {
            Reply::text(200, &snapshot.version.to_string())
        };
    }
    let Some(rel) = site_path(url) else {
        return Reply::text(400, "bad path: it must stay inside the site");
    };
    if let Content::Errors(page) = &snapshot.content {
        return Reply::new(500, "text/html; charset=utf-8", pages::inject(page.as_bytes(), snapshot.version));
    }
    match snapshot.file(&rel) {
        Some(bytes) if rel.ends_with(".html") => {
            Reply::new(200, pages::content_type(&rel), pages::inject(&bytes, snapshot.version))
        }
        Some(bytes) => Reply::new(200, pages::content_type(&rel), bytes.to_vec()),
        None if snapshot.file(&format!("{rel}/index.html")).is_some() => {
            Reply { location: Some(format!("{path}/")), ..Reply::text(301, "moved") }
        }
        None => Reply::new(
            404,
            "text/html; charset=utf-8",
            format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head>\
                 <body><h1>Not found</h1><p><code>{}</code> is not part of the site. \
                 <a href=\"/\">Back to the dashboard</a></p></body></html>",
                pages::escape(&rel)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/customers/").as_deref(), Some("customers/index.html"));
        assert_eq!(site_path("/customers/acme.html?x=1").as_deref(), Some("customers/acme.html"));
        assert_eq!(site_path("/regions/%E5%8D%8E%E4%B8%9C.html").as_deref(), Some("regions/华东.html"));
        assert_eq!(site_path("/../etc/passwd"), None);
        assert_eq!(site_path("/a/%2e%2e/%2e%2e/x"), None);
        assert_eq!(site_path("/a\\..\\b"), None);
    }

    #[test]
    fn pages_get_the_script_and_other_files_do_not() {
        let mut files = BTreeMap::new();
        files.insert("index.html".to_string(), Arc::from(&b"<body></body>"[..]));
        files.insert("style.css".to_string(), Arc::from(&b"body{}"[..]));
        let pages = BTreeMap::from([("customers/index.html".to_string(), Arc::from(&b"<body></body>"[..]))]);
        let exports = BTreeMap::from([("data/x.csv".to_string(), Arc::from(&b"a,b"[..]))]);
        let later = [pages, exports].map(|files| super::super::state::Later::finished(Arc::new(files))).into();
        let snapshot = Snapshot { version: 7, content: Content::Site(Arc::new(files)), later };
        let page = respond("/", &snapshot);
        assert_eq!((page.status, page.content_type), (200, "text/html; charset=utf-8"));
        assert!(String::from_utf8_lossy(&page.body).contains("reload.js?v=7"));
        assert_eq!(respond("/style.css", &snapshot).body, b"body{}");
        assert_eq!(respond("/data/x.csv", &snapshot).body, b"a,b", "a later part is served as the first is");
        assert_eq!(respond("/customers", &snapshot).location.as_deref(), Some("/customers/"));
        assert_eq!(respond("/customers/", &snapshot).status, 200);
        assert_eq!(respond("/nope.html", &snapshot).status, 404);
        assert_eq!(respond("/__cardfile/version", &snapshot).body, b"7");
        let script = respond("/__cardfile/version?js&v=6&t=1", &snapshot);
        assert_eq!(script.body, b"window.__cardfileVersion && window.__cardfileVersion(7);\n");
    }

    #[test]
    fn the_version_a_page_has_seen() {
        assert_eq!(seen_version("/__cardfile/version?js&v=12&t=99"), Some(12));
        assert_eq!(seen_version("/__cardfile/version?js"), None);
        assert_eq!(seen_version("/__cardfile/version?js&v=x"), None);
        assert_eq!(seen_version("/__cardfile/version"), None);
    }
}
