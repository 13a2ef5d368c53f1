//! The built site in a real browser (headless Chromium), SPEC 8: no request leaves the machine,
//! the site's own script runs under its Content-Security-Policy from `file://`, hostile record
//! text runs no script and shows as text, printed cards take one page each, and the dashboard
//! renders. Skipped with a loud warning when Chromium is missing, unless `CI=true`.

mod chromium;
mod hostile;
pub mod html;
mod narrow;
mod search;

use std::fs;
use std::path::{Path, PathBuf};

use chromium::{Chromium, Load, pdf_pages};
use hostile::PWN;
use html::{Tag, shorten, tags, text};

use crate::{TODAY, TempDir, exit_code, run, stderr};

/// Builds the records under `records` (relative to the package root, or absolute) into a new
/// temporary directory at [`TODAY`].
fn build(records: &Path, name: &str) -> TempDir {
    let out = TempDir::new(name);
    let site = out.path().join("site");
    let args = ["build", "--records", path_str(records), "--out", path_str(&site), "--today", TODAY];
    let output = run(&args);
    assert_eq!(exit_code(&output), 0, "cardfile {args:?} failed:\n{}", stderr(&output));
    out
}

/// `path` as UTF-8 (every path of these tests is).
fn path_str(path: &Path) -> &str {
    path.to_str().unwrap_or_else(|| panic!("not UTF-8: {}", path.display()))
}

/// Every `.html` file under `dir`, as paths relative to it, sorted.
fn html_pages(dir: &Path) -> Vec<String> {
    let mut pages: Vec<String> = crate::walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| p.strip_prefix(dir).map(|r| r.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    pages.sort();
    pages
}

/// The pages of every kind of SPEC 8: every page at the top (the dashboard, the agenda,
/// receivables, complaints, archived, and whatever pages are added there), and in each folder
/// its index and its largest other page.
fn one_page_of_each_kind(site: &Path) -> Vec<String> {
    let mut pages: Vec<String> = html_pages(site).into_iter().filter(|p| !p.contains('/')).collect();
    for required in ["index.html", "agenda.html", "receivables.html", "complaints.html", "archived.html", "week.html"] {
        assert!(pages.iter().any(|p| p == required), "the demo site has no {required} (SPEC 8)");
    }
    for folder in ["customers", "owners", "regions", "cards"] {
        pages.push(format!("{folder}/index.html"));
        let largest = html_pages(&site.join(folder))
            .into_iter()
            .filter(|p| p != "index.html")
            .max_by_key(|p| (fs::metadata(site.join(folder).join(p)).map_or(0, |m| m.len()), p.clone()));
        pages.push(format!("{folder}/{}", largest.unwrap_or_else(|| panic!("no page under {folder}/ but index.html"))));
    }
    pages
}

#[test]
fn no_request_leaves_the_machine_and_the_sites_script_runs() {
    let Some(chromium) = Chromium::find() else { return };
    let out = build(Path::new("records"), "browser-demo");
    let site = out.path().join("site");
    let mut problems = Vec::new();
    let pages = one_page_of_each_kind(&site);
    let loads = chromium.load_each(&pages.iter().map(|p| site.join(p)).collect::<Vec<_>>());
    for (page, load) in pages.into_iter().zip(loads) {
        let mut found = page_problems(&site, &page, &load);
        found.extend(csp_problems(&load.dom));
        found.extend(load.console.iter().map(|line| format!("console message: {line}")));
        if page == "agenda.html" {
            found.extend(script_did_not_run(&load.dom, "data-agenda-filters", |t| t.attr("hidden").is_some()));
        }
        if page == "customers/index.html" {
            found.extend(script_did_not_run(&load.dom, "data-sort", |t| t.attr("tabindex").is_none()));
        }
        problems.extend(found.into_iter().map(|p| format!("{page}: {p}")));
    }
    let css = fs::read_to_string(site.join("assets/style.css")).unwrap_or_default().to_ascii_lowercase();
    for needle in ["@import", "url(http", "url(\"http", "url('http", "url(//", "url(\"//", "url('//"] {
        if css.contains(needle) {
            problems.push(format!("assets/style.css: loads from outside the site ({needle})"));
        }
    }
    assert!(problems.is_empty(), "{} problem(s) in the demo site:\n  {}", problems.len(), problems.join("\n  "));
}

/// The demo records with the site in `lang` (`zh-CN` or `en`), copied under `dir`.
fn demo_in(dir: &Path, lang: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let to = dir.join(format!("records-{lang}"));
    for file in crate::walk(&from).into_iter().filter(|f| f.is_file()) {
        let target = to.join(file.strip_prefix(&from).unwrap_or(&file));
        fs::create_dir_all(target.parent().unwrap_or(&to)).unwrap_or_else(|err| panic!("{}: {err}", to.display()));
        fs::copy(&file, &target).unwrap_or_else(|err| panic!("{}: {err}", file.display()));
    }
    let settings = to.join("cardfile.toml");
    let text = fs::read_to_string(&settings).unwrap_or_default();
    assert!(text.contains("language = \"zh-CN\""), "the demo's settings no longer say language = \"zh-CN\"");
    fs::write(&settings, text.replace("language = \"zh-CN\"", &format!("language = \"{lang}\"")))
        .unwrap_or_else(|err| panic!("{err}"));
    to
}

#[test]
fn no_page_scrolls_sideways_or_squeezes_a_cell_on_a_phone_a_tablet_or_a_desktop_in_either_language() {
    let Some(chromium) = Chromium::find() else { return };
    let mut problems = Vec::new();
    for lang in ["zh-CN", "en"] {
        let scratch = TempDir::new("browser-widths-records");
        let out = build(&demo_in(scratch.path(), lang), "browser-widths");
        let site = out.path().join("site");
        let pages = html_pages(&site);
        assert!(pages.len() > 40, "the demo site has only {} pages", pages.len());
        let frame_pages = narrow::frame_pages(&site, &pages);
        let paths: Vec<PathBuf> = frame_pages.iter().map(|(_, p)| p.clone()).collect();
        let flags = ["--window-size=1300,900", "--virtual-time-budget=30000"];
        let mut founds: Vec<_> =
            chromium.load_each_with(&paths, &flags).iter().map(|load| narrow::found(&load.dom)).collect();
        // A frame whose probe did not report (its page not loaded in time on a loaded
        // machine) is loaded once more; what it reports is judged as strictly.
        let silent: Vec<usize> =
            (0..founds.len()).filter(|i| pages.iter().any(|page| !founds[*i].iter().any(|(p, _)| p == page))).collect();
        let again: Vec<PathBuf> = silent.iter().map(|i| paths[*i].clone()).collect();
        for (i, load) in silent.iter().zip(chromium.load_each_with(&again, &flags)) {
            founds[*i] = narrow::found(&load.dom);
        }
        for ((width, _), found) in frame_pages.iter().zip(founds) {
            for page in &pages {
                match found.iter().find(|(p, _)| p == page) {
                    None => problems.push(format!("{lang} {width} px {page}: the probe did not report")),
                    Some((_, Some(wrong))) => problems.push(format!("{lang} {width} px {page}: {wrong}")),
                    Some((_, None)) => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} page(s) do not read well:\n  {}", problems.len(), problems.join("\n  "));
}

/// A problem when site.js left its mark on no element with attribute `attr`, i.e. `untouched`
/// holds for one of them (or none exists).
fn script_did_not_run(dom: &str, attr: &str, untouched: impl Fn(&Tag) -> bool) -> Option<String> {
    let tags = tags(dom);
    let marked: Vec<&Tag> = tags.iter().filter(|t| t.attr(attr).is_some()).collect();
    match marked.iter().find(|t| untouched(t)) {
        _ if marked.is_empty() => Some(format!("no element with {attr} to tell whether assets/site.js ran")),
        Some(tag) => Some(format!(
            "assets/site.js did not run under file:// (its CSP blocked it, or it failed): {} is untouched",
            tag.describe()
        )),
        None => None,
    }
}

/// Problems with the page's Content-Security-Policy: missing, or allowing other scripts.
fn csp_problems(dom: &str) -> Option<String> {
    let tags = tags(dom);
    let csp = tags
        .iter()
        .filter(|t| t.name == "meta")
        .find(|t| t.attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-security-policy")));
    let Some(policy) = csp.and_then(|t| t.attr("content")) else {
        return Some("no Content-Security-Policy meta tag".into());
    };
    let script_src = policy.split(';').map(str::trim).find(|d| d.starts_with("script-src"));
    (script_src != Some("script-src 'self'"))
        .then(|| format!("the Content-Security-Policy allows more scripts than the site's own: {policy:?}"))
}

/// What is wrong with a loaded page: requests off the machine, resources outside the site,
/// inline scripts, event-handler attributes, script URLs.
fn page_problems(site: &Path, page: &str, load: &Load) -> Vec<String> {
    let mut problems: Vec<String> =
        load.requests.iter().map(|url| format!("the page requested {url} (a request off the machine)")).collect();
    let dir = site.join(page).parent().map(Path::to_path_buf).unwrap_or_default();
    for tag in tags(&load.dom) {
        if tag.name == "script" && tag.attr("src").is_none() {
            problems.push("an inline <script> (only assets/site.js is allowed)".into());
        }
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                problems.push(format!("an event-handler attribute: {}", tag.describe()));
            }
            if name == "data-pwned" {
                problems.push(format!("a hostile script ran: {}", tag.describe()));
            }
            let scheme: String =
                value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).take(11).collect::<String>();
            let scheme = scheme.to_ascii_lowercase();
            if ["javascript:", "vbscript:", "data:text"].iter().any(|s| scheme.starts_with(s)) {
                problems.push(format!("a script URL in {name}: {}", tag.describe()));
            }
            if name == "style" && value.to_ascii_lowercase().contains("url(") {
                problems.push(format!("a style attribute with url(): {}", tag.describe()));
            }
        }
        for url in resource_urls(&tag) {
            if let Some(why) = outside_site(site, &dir, url) {
                problems.push(format!("{} loads {url:?}, {why}", tag.describe()));
            }
        }
    }
    problems
}

/// The URLs `tag` makes the browser load (not links a person follows).
fn resource_urls(tag: &Tag) -> Vec<&str> {
    let attrs: &[&str] = match tag.name.as_str() {
        "link" if tag.attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r == "alternate")) => &[],
        "link" | "use" | "image" => &["href", "xlink:href"],
        "script" | "iframe" | "frame" | "embed" | "input" | "track" => &["src"],
        "img" | "source" => &["src", "srcset"],
        "video" | "audio" => &["src", "poster"],
        "object" => &["data"],
        "meta" if tag.attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh")) => &["content"],
        "base" => &["href"],
        _ => &[],
    };
    attrs.iter().filter_map(|a| tag.attr(a)).collect()
}

/// Why `url` (in a page of folder `dir`) is not a file of the site, if it is not.
fn outside_site(site: &Path, dir: &Path, url: &str) -> Option<String> {
    let path = url.split(['#', '?']).next().unwrap_or("");
    if url.starts_with("data:image/") || path.is_empty() {
        return None;
    }
    if path.contains(':') || path.starts_with('/') || path.starts_with('\\') {
        return Some("which is not a relative path inside the site".into());
    }
    let mut resolved = dir.to_path_buf();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                resolved.pop();
            }
            _ => resolved.push(part),
        }
    }
    if !resolved.starts_with(site) {
        Some("which is outside the site's folder".into())
    } else if !resolved.is_file() {
        Some(format!("which does not exist ({})", resolved.display()))
    } else {
        None
    }
}

#[test]
fn hostile_record_text_runs_no_script_and_shows_as_text() {
    let Some(chromium) = Chromium::find() else { return };
    let out = build(Path::new("tests/hostile/records"), "browser-hostile-site");
    let site = out.path().join("site");
    let pages = html_pages(&site);
    assert!(pages.len() >= 10, "expected the hostile site to have at least 10 pages, got {pages:?}");
    let mut problems = Vec::new();
    // Without the CSP, a payload that escaping let through would run: the probes test escaping
    // itself, not the CSP that backs it up.
    let mut probes = Vec::new();
    for page in &pages {
        let original = fs::read_to_string(site.join(page)).unwrap_or_default();
        let Some(stripped) = without_csp(&original) else {
            problems.push(format!("{page}: no Content-Security-Policy meta tag"));
            continue;
        };
        let probe = site.join(format!("{page}.no-csp.html"));
        fs::write(&probe, stripped).unwrap_or_else(|err| panic!("cannot write {}: {err}", probe.display()));
        probes.push((page, probe));
    }
    let loads = chromium.load_each(&probes.iter().map(|(_, probe)| probe.clone()).collect::<Vec<_>>());
    for ((page, _), load) in probes.into_iter().zip(loads) {
        let mut found = page_problems(&site, page, &load);
        found.extend(load.console.iter().map(|line| format!("console message: {line}")));
        if page == "customers/evil-co.html" {
            let shown = text(&load.dom);
            for expected in [format!("<script>{PWN}</script>"), "\u{202E}gnp.exe 😀 𠀀".into(), "{{ 7*7 }}".into()]
            {
                if !shown.contains(&expected) {
                    found.push(format!("the hostile text {expected:?} is not shown as text"));
                }
            }
        }
        problems.extend(found.into_iter().map(|p| format!("{page}: {}", shorten(&p, 600))));
    }
    assert!(
        pages.contains(&"customers/evil-co.html".to_string()),
        "no customers/evil-co.html among the hostile site's pages: {pages:?}"
    );
    assert!(problems.is_empty(), "{} problem(s) with hostile text:\n  {}", problems.len(), problems.join("\n  "));
}

/// `page` without its Content-Security-Policy meta tag, or `None` when it has none.
fn without_csp(page: &str) -> Option<String> {
    let start = page.find("<meta http-equiv=\"Content-Security-Policy\"")?;
    let end = start + page[start..].find('>')? + 1;
    Some(format!("{}{}", &page[..start], &page[end..]))
}

/// The records under `records/customers` that are not archived.
fn active_demo_customers() -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("records/customers");
    crate::walk(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap_or_default();
            !text.lines().any(|l| l.split('#').next().unwrap_or("").replace(' ', "") == "archived=true")
        })
        .count()
}

#[test]
fn printed_cards_take_one_page_each() {
    let Some(chromium) = Chromium::find() else { return };
    let out = build(Path::new("records"), "browser-cards");
    let site = out.path().join("site");
    let mut problems = Vec::new();
    let mut pages: Vec<String> = html_pages(&site.join("cards")).into_iter().map(|p| format!("cards/{p}")).collect();
    pages.sort_by_key(|p| p != "cards/index.html");
    for page in &pages {
        let source = fs::read_to_string(site.join(page)).unwrap_or_default();
        let cards = tags(&source).iter().filter(|t| t.has_class("card")).count();
        if page == "cards/index.html" && cards != active_demo_customers() {
            problems.push(format!(
                "{page}: {cards} element(s) of class card, but the demo has {} non-archived customers",
                active_demo_customers()
            ));
        }
        let pdf = out.path().join(page.replace('/', "-") + ".pdf");
        chromium.print_to_pdf(&site.join(page), &pdf);
        // Without pdfinfo (a failure under CI=true) the page count is not checked, but the card
        // counts found so far still are.
        let Some(printed) = pdf_pages(&pdf) else { continue };
        // A page with no card prints its "nothing due" notice on one page.
        if printed != cards.max(1) {
            problems.push(format!("{page}: {cards} card(s) printed on {printed} page(s), not one page per card"));
        }
    }
    assert!(pages.len() >= 2, "expected cards/index.html and owner card pages, got {pages:?}");
    assert!(problems.is_empty(), "{} problem(s) printing cards:\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn the_dashboard_renders_a_screenshot() {
    let Some(chromium) = Chromium::find() else { return };
    let out = build(Path::new("records"), "browser-shot");
    let png: PathBuf = out.path().join("index.png");
    chromium.screenshot(&out.path().join("site/index.html"), &png);
    let bytes = fs::read(&png).unwrap_or_else(|err| panic!("index.html: no screenshot at {}: {err}", png.display()));
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "index.html: the screenshot {} is not a PNG", png.display());
    let width = bytes.get(16..20).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    assert_eq!(width, Some(1280), "index.html: the screenshot is not 1280 pixels wide");
    // A blank 1280×900 page compresses to a few kilobytes; the dashboard's text and charts do not.
    assert!(bytes.len() > 30_000, "index.html: the screenshot is only {} bytes: is the page blank?", bytes.len());
}

#[test]
fn the_detectors_catch_a_planted_request_and_script() {
    let Some(chromium) = Chromium::find() else { return };
    let dir = TempDir::new("browser-control");
    // Port 9 is one Chromium refuses to connect to, so nothing is sent even from here.
    let page = dir.write(
        "control.html",
        &format!(
            "<!doctype html><html><head><title>t</title></head><body>\
             <img src=\"http://127.0.0.1:9/probe.png\"><img src=\"x\" onerror=\"{PWN}\"></body></html>"
        ),
    );
    let load = chromium.load(&page);
    let problems = page_problems(dir.path(), "control.html", &load);
    let joined = problems.join("\n");
    assert_eq!(load.requests, ["http://127.0.0.1:9/probe.png"], "the net-log reading missed the planted request");
    assert!(joined.contains("a hostile script ran"), "the planted script did not run or was missed:\n{joined}");
    assert!(joined.contains("event-handler attribute"), "the planted onerror was missed:\n{joined}");
    assert!(joined.contains("does not exist"), "the missing image was not reported:\n{joined}");
}
