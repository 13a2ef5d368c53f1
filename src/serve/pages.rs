//! What `serve` adds to the site: the reload script, its tag in every HTML page, and the page
//! shown instead of the site while the records have errors.

use crate::diagnostics::line_col;
use crate::records::Loaded;

/// The path of the reload script (same origin, so the pages' `script-src 'self'` allows it).
pub const RELOAD_JS: &str = "/__cardfile/reload.js";

/// The path of the live-reload endpoint: `?js&v=N` is held until the version is not `N` (or
/// for a while), then answered with a script calling back with the version.
pub const VERSION: &str = "/__cardfile/version";

/// Asks the live-reload endpoint, again and again, for the version after the page's, and
/// reloads the page when it comes (a long poll: the answer comes as soon as a rebuild is
/// served). The pages' Content-Security-Policy has `default-src 'none'`, which forbids
/// `fetch` and `EventSource`; loading a script from the same origin is allowed, so each ask is
/// a script element calling back.
pub const RELOAD_SCRIPT: &str = r#"(function () {
  "use strict";
  var me = document.currentScript;
  var seen = me ? new URL(me.src).searchParams.get("v") : null;
  if (seen === null) { return; }
  function ask(delay) {
    setTimeout(function () {
      var s = document.createElement("script");
      s.src = "/__cardfile/version?js&v=" + encodeURIComponent(seen) + "&t=" + Date.now();
      s.onload = function () { s.remove(); };
      s.onerror = function () { s.remove(); ask(1000); };
      document.head.appendChild(s);
    }, delay);
  }
  window.__cardfileVersion = function (v) {
    if (String(v) !== seen) { location.reload(); } else { ask(0); }
  };
  ask(0);
})();
"#;

/// Adds the reload script to an HTML page, before `</body>` (or at the end).
pub fn inject(html: &[u8], version: u64) -> Vec<u8> {
    let tag = format!("<script src=\"{RELOAD_JS}?v={version}\" defer></script>\n");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One problem as a line of the error page: `file:line:column: severity: message`.
fn line(loaded: &Loaded, d: &crate::diagnostics::Diagnostic) -> String {
    let (line, column) = match (&d.span, loaded.texts.get(&d.file)) {
        (Some(span), Some(text)) => {
            let pos = line_col(text, span.start);
            (pos.line, pos.column)
        }
        _ => (1, 1),
    };
    let help = d.help.as_deref().map(|h| format!("<br><small>help: {}</small>", escape(h))).unwrap_or_default();
    format!(
        "<li class=\"{sev}\"><code>{file}:{line}:{column}</code> {sev}[{code}]: {message}{help}</li>\n",
        sev = d.severity().as_str(),
        file = escape(&d.file),
        code = d.code.as_str(),
        message = escape(&d.message),
    )
}

/// The page shown for every request while the records have errors (or the site cannot be
/// rendered): every diagnostic, escaped.
pub fn errors_page(loaded: Option<&Loaded>, fatal: Option<&str>) -> String {
    let mut items = String::new();
    if let Some(loaded) = loaded {
        for d in &loaded.diagnostics {
            items.push_str(&line(loaded, d));
        }
    }
    if let Some(fatal) = fatal {
        items.push_str(&format!("<li class=\"error\">{}</li>\n", escape(fatal)));
    }
    format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'self'\">\n\
         <title>cardfile: the records have errors</title>\n\
         <style>body{{font-family:sans-serif;margin:2em;max-width:60em}}li{{margin:.5em 0}}\
         .error code{{color:#b00}}.warning code{{color:#a60}}</style>\n</head>\n<body>\n\
         <h1>The records have errors</h1>\n<p>The site is not shown until they are fixed; \
         this page reloads by itself after the next save.</p>\n<ul>\n{items}</ul>\n</body>\n</html>\n"
    )
}

/// The Content-Type of a site file, by extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_body_ends() {
        let page = inject(b"<html><body><p>x</p></body></html>", 3);
        assert_eq!(
            String::from_utf8_lossy(&page),
            "<html><body><p>x</p><script src=\"/__cardfile/reload.js?v=3\" defer></script>\n</body></html>"
        );
    }

    #[test]
    fn the_error_page_escapes() {
        let page = errors_page(None, Some("<script>alert(1)</script>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("<script>alert"));
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("agenda.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("a/b.PNG"), "image/png");
    }
}
