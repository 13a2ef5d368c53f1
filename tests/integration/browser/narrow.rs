//! Reading the site on a phone: no page is wider than a 360-pixel screen, except inside the
//! boxes made to scroll sideways (`.table-wrap`).
//!
//! Headless Chromium lays `--dump-dom` pages out at least 500 pixels wide, so the probe makes
//! the page itself 360 pixels wide (the phone rules of the style sheet already apply below
//! 700) and lists every element whose right edge goes past it.

use std::fs;
use std::path::{Path, PathBuf};

/// The window of a phone (Chromium makes it at least 500 pixels wide).
pub const PHONE: &str = "--window-size=360,800";

/// The probe: run at the end of a page's body, it writes what sticks out into `data-too-wide`.
const PROBE: &str = r#"var page = document.documentElement;
page.style.width = '360px';
var wide = [];
document.querySelectorAll('body *').forEach(function (e) {
  if (e.getBoundingClientRect().right > 360.5 && !e.closest('.table-wrap')) {
    wide.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
  }
});
document.body.setAttribute('data-too-wide', wide.length ? wide.slice(0, 6).join(' ') : 'none');
"#;

/// Writes the probe into `site/assets/` and, beside each of `pages`, a copy that runs it;
/// returns the copies' paths.
pub fn probed_copies(site: &Path, pages: &[String]) -> Vec<PathBuf> {
    fs::write(site.join("assets/narrow-probe.js"), PROBE).expect("writing the probe");
    pages
        .iter()
        .map(|page| {
            let html = fs::read_to_string(site.join(page)).unwrap_or_else(|err| panic!("{page}: {err}"));
            let root = "../".repeat(page.matches('/').count());
            let probed =
                html.replacen("</body>", &format!("<script src=\"{root}assets/narrow-probe.js\"></script></body>"), 1);
            assert_ne!(probed, html, "{page}: no </body>");
            let copy = site.join(format!("{page}.narrow.html"));
            fs::write(&copy, probed).expect("writing the probed copy");
            copy
        })
        .collect()
}

/// What the probe found in a loaded page's DOM: `None` when nothing sticks out.
pub fn too_wide(dom: &str) -> Result<Option<String>, String> {
    let at = dom.find("data-too-wide=\"").ok_or("the probe did not run")?;
    let rest = &dom[at + "data-too-wide=\"".len()..];
    let found = &rest[..rest.find('"').unwrap_or(rest.len())];
    Ok((found != "none").then(|| found.to_string()))
}
