//! Reading the site on a phone, a tablet and a desktop: at each width no page scrolls
//! sideways (except inside the boxes made to scroll, `.table-wrap`), no table cell squeezes its
//! text (narrower than 48 pixels, its text taller than four lines), and on a phone the menu is
//! collapsed behind its button and the tap targets are large enough.
//!
//! Headless Chromium lays a window out at least 500 pixels wide, so each page is shown in an
//! `<iframe>` of the width under test (its style sheet sees that width, as a phone's would):
//! one frame page holds every page under test, and a probe in each page posts what it found
//! to the frame page, for `--dump-dom` to show.

use std::fs;
use std::path::{Path, PathBuf};

/// The widths under test: a phone, a tablet, a desktop.
pub const WIDTHS: [u32; 3] = [360, 768, 1280];

/// The widest a phone is: the style sheet's phone rules apply up to here.
const PHONE_MAX: u32 = 700;

/// The probe, run once a page has loaded: what sticks out, which cells are squeezed, which tap
/// targets are too small; posted to the frame page as one line.
const PROBE: &str = r#"window.addEventListener('load', function () {
  var width = document.documentElement.clientWidth, problems = [];
  function name(e) { return e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + (e.id ? '#' + e.id : ''); }
  function shown(e) { return e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && e.getClientRects().length > 0; }
  var toggle = document.querySelector('.menu-toggle'), nav = document.getElementById('site-nav');
  if (width <= PHONE_MAX) {
    if (!toggle || !shown(toggle)) problems.push('no menu button on a phone');
    else if (nav && shown(nav)) problems.push('the menu is open before its button is tapped');
    else toggle.click();
    if (nav && !shown(nav)) problems.push('the menu does not open');
  }
  if (document.documentElement.scrollWidth > width) problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide');
  var wide = [];
  document.querySelectorAll('body *').forEach(function (e) {
    if (e.getBoundingClientRect().right > width + 0.5 && !e.closest('.table-wrap') && shown(e)) wide.push(name(e));
  });
  if (wide.length) problems.push('wider than the screen: ' + wide.slice(0, 4).join(' '));
  document.querySelectorAll('td, th, dd').forEach(function (e) {
    var r = e.getBoundingClientRect(), s = getComputedStyle(e), range = document.createRange();
    range.selectNodeContents(e);
    var line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.2;
    var text = range.getBoundingClientRect().height;
    if (shown(e) && e.textContent.trim() && r.width < 48 && text > 4 * line + 1) problems.push('a squeezed cell (' + Math.round(r.width) + ' × ' + Math.round(r.height) + ' px): ' + name(e) + ' ' + e.textContent.trim().slice(0, 20));
  });
  if (width <= PHONE_MAX) {
    document.querySelectorAll('.search input, .menu-toggle, .nav a, a.call, a.tel, button, select, input').forEach(function (e) {
      var main = e.matches('.search input, .menu-toggle, .nav a, a.call'), least = main ? 44 : 32;
      var h = e.getBoundingClientRect().height;
      if (shown(e) && h < least - 0.5) problems.push('a tap target of ' + Math.round(h) + ' px (at least ' + least + '): ' + name(e));
    });
  }
  parent.postMessage(location.pathname.split('/site/').pop() + '\t' + (problems.length ? problems.slice(0, 8).join(' | ') : 'none'), '*');
});
"#;

/// Writes the probe and, beside each of `pages`, a copy that runs it; then one frame page per
/// width that shows every copy in a frame of that width. Returns the frame pages, by width.
pub fn frame_pages(site: &Path, pages: &[String]) -> Vec<(u32, PathBuf)> {
    fs::write(site.join("assets/narrow-probe.js"), PROBE.replace("PHONE_MAX", &PHONE_MAX.to_string()))
        .expect("writing the probe");
    let copies: Vec<String> = pages
        .iter()
        .map(|page| {
            let html = fs::read_to_string(site.join(page)).unwrap_or_else(|err| panic!("{page}: {err}"));
            let root = "../".repeat(page.matches('/').count());
            let probed =
                html.replacen("</body>", &format!("<script src=\"{root}assets/narrow-probe.js\"></script></body>"), 1);
            assert_ne!(probed, html, "{page}: no </body>");
            let copy = format!("{page}.narrow.html");
            fs::write(site.join(&copy), probed).expect("writing the probed copy");
            copy
        })
        .collect();
    WIDTHS
        .iter()
        .map(|width| {
            let frames: String = copies
                .iter()
                .map(|c| format!("<iframe src=\"{c}\" style=\"width:{width}px;height:800px;border:0;display:block\"></iframe>\n"))
                .collect();
            let html = format!(
                "<!doctype html><html><body style=\"margin:0\"><pre id=\"found\"></pre>\n{frames}\
                 <script>addEventListener('message', function (e) {{ document.getElementById('found').textContent += e.data + '\\n'; }});</script>\
                 </body></html>"
            );
            let frame_page = site.join(format!("frames-{width}.html"));
            fs::write(&frame_page, html).expect("writing the frame page");
            (*width, frame_page)
        })
        .collect()
}

/// What the probes posted to a frame page: each probed page with its problems (`None` when it
/// had none), by page; a page whose probe did not post is missing.
pub fn found(dom: &str) -> Vec<(String, Option<String>)> {
    let start = dom.find("<pre id=\"found\">").map_or(dom.len(), |at| at + "<pre id=\"found\">".len());
    let text = &dom[start..];
    let text = &text[..text.find("</pre>").unwrap_or(text.len())];
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(page, problems)| {
            let page = page.trim_end_matches(".narrow.html").to_string();
            let problems = problems.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            (page, (problems != "none").then_some(problems))
        })
        .collect()
}
