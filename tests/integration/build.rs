//! `cardfile build`: required paths, links, determinism, atomic replacement, refusals,
//! template overrides, redaction and page snapshots (a build over an old site: `rebuild`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{TODAY, TempDir, assert_matches_expected, exit_code, fixture, run, stderr, stdout};

/// The demo records of the repository.
pub fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

/// Runs `cardfile build` of `records` into `out` on [`TODAY`], with `extra` arguments.
pub fn build(records: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let (records, out) = (records.to_string_lossy().into_owned(), out.to_string_lossy().into_owned());
    let mut args = vec!["build", "--records", &records, "--out", &out, "--today", TODAY];
    args.extend_from_slice(extra);
    run(&args)
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// A copy of the demo records in `tmp`, and where its site goes.
pub fn demo_copy(tmp: &TempDir) -> (PathBuf, PathBuf) {
    let records = tmp.path().join("records");
    copy_tree(&demo(), &records);
    (records, tmp.path().join("site"))
}

/// Copies every file under `from` to the same place under `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in tree(from) {
        let target = to.join(&rel);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, bytes).unwrap();
    }
}

#[test]
fn the_demo_site_has_every_stable_path() {
    let tmp = TempDir::new("build-paths");
    let out = tmp.path().join("site");
    let result = build(&demo(), &out, &[]);
    assert_eq!(exit_code(&result), 0, "{}", stderr(&result));
    let files = tree(&out);
    for path in [
        "index.html",
        "agenda.html",
        "customers/index.html",
        "customers/huadong-auto-parts.html",
        "owners/index.html",
        "owners/zhang.html",
        "owners/zhang.ics",
        "regions/index.html",
        "receivables.html",
        "complaints.html",
        "archived.html",
        "cards/index.html",
        "cards/zhang.html",
        "agenda.ics",
        "data/cardfile.json",
        "data/customers.csv",
        "data/agenda.csv",
        "assets/style.css",
    ] {
        assert!(files.contains_key(path), "missing {path}");
    }
    for csv in ["data/customers.csv", "data/agenda.csv"] {
        assert!(
            files[csv].starts_with(b"\xEF\xBB\xBFid,") || files[csv].starts_with(b"\xEF\xBB\xBFdate,"),
            "{csv} must start with a BOM (SPEC 8)"
        );
    }
    let export = run(&["export", "--records", &demo().to_string_lossy(), "--today", TODAY, "--format", "json"]);
    assert_eq!(
        String::from_utf8_lossy(&files["data/cardfile.json"]),
        stdout(&export),
        "data/cardfile.json differs from export"
    );
    let cards = String::from_utf8_lossy(&files["cards/index.html"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&export)).unwrap();
    let customers = json["customers"].as_array().unwrap().len();
    assert_eq!(cards.matches("<article class=\"card\">").count(), customers, "one card per non-archived customer");
    assert!(!files.contains_key("customers/shaoxing-textile-machinery.html"), "archived customers get no page");
}

#[test]
fn every_relative_link_points_at_a_file_of_the_site() {
    let tmp = TempDir::new("build-links");
    let out = tmp.path().join("site");
    assert_eq!(exit_code(&build(&demo(), &out, &[])), 0);
    let mut broken = Vec::new();
    for (rel, bytes) in tree(&out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(
            html.contains("assets/style.css") && html.contains("class=\"nav\""),
            "{rel}: no stylesheet or navigation"
        );
        for attr in ["href=\"", "src=\""] {
            for link in html.split(attr).skip(1).filter_map(|s| s.split('"').next()) {
                if link.starts_with('#') || link.contains(':') {
                    assert!(!link.starts_with("http"), "{rel}: absolute link {link}");
                    continue;
                }
                let target = Path::new(&rel).parent().unwrap_or(Path::new("")).join(link.split('#').next().unwrap());
                if !out.join(&target).exists() {
                    broken.push(format!("{rel} -> {link}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn two_builds_of_the_same_records_are_byte_identical() {
    let tmp = TempDir::new("build-determinism");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(exit_code(&build(&demo(), &a, &[])), 0);
    assert_eq!(exit_code(&build(&demo(), &b, &[])), 0);
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(bytes == &tb[path], "{path} differs between two builds");
    }
}

#[test]
fn a_failing_build_keeps_the_old_site_and_leaves_nothing_behind() {
    let tmp = TempDir::new("build-failing");
    let (records, out) = demo_copy(&tmp);
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    let before = tree(&out);
    fs::write(records.join("customers/broken.toml"), "name = \"x\"\nowner = \"nobody\"\n").unwrap();
    let result = build(&records, &out, &[]);
    assert_eq!(exit_code(&result), 1, "{}", stderr(&result));
    assert!(stderr(&result).contains("unchanged"), "{}", stderr(&result));
    assert!(tree(&out) == before, "the old site changed");
    let leftovers: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn a_rebuild_replaces_the_whole_site() {
    let tmp = TempDir::new("build-replace");
    let out = tmp.path().join("site");
    assert_eq!(exit_code(&build(&demo(), &out, &[])), 0);
    fs::write(out.join("stale.html"), "old").unwrap();
    assert_eq!(exit_code(&build(&demo(), &out, &[])), 0);
    assert!(!out.join("stale.html").exists(), "files of the old site survived the swap");
}

#[test]
fn dangerous_output_directories_are_refused() {
    let tmp = TempDir::new("build-refuse");
    let records = tmp.path().join("records");
    copy_tree(&demo(), &records);
    let foreign = tmp.write("documents/thesis.txt", "precious");
    for out in [records.clone(), records.join("site"), PathBuf::from("/"), foreign.parent().unwrap().to_path_buf()] {
        let result = build(&records, &out, &[]);
        assert_eq!(exit_code(&result), 2, "--out {} was accepted: {}", out.display(), stderr(&result));
        assert!(
            stderr(&result).contains("refusing") || stderr(&result).contains("not written by cardfile"),
            "{}",
            stderr(&result)
        );
    }
    assert_eq!(fs::read_to_string(foreign).unwrap(), "precious");
    assert!(records.join("team.toml").exists());
}

#[cfg(unix)]
#[test]
fn an_output_through_a_link_into_the_records_is_refused() {
    let tmp = TempDir::new("build-out-link");
    let records = tmp.path().join("records");
    copy_tree(&fixture("check/fine/records"), &records);
    std::os::unix::fs::symlink(&records, tmp.path().join("rl")).expect("symlink");
    let before = tree(&records);
    for out in ["rl/site", "rl/new/site", "gone/../rl/site"] {
        let result = build(&records, &tmp.path().join(out), &[]);
        assert_eq!(exit_code(&result), 2, "--out {out} was accepted: {}", stderr(&result));
        assert!(stderr(&result).contains("refusing to write the site inside the records"), "{}", stderr(&result));
    }
    assert_eq!(tree(&records), before, "nothing was written into the records");
    assert!(!records.join("site").exists() && !records.join("new").exists());
}

/// A tree whose ids and regions are named like the site's own pages.
fn pages_named_like_lists() -> TempDir {
    let tmp = TempDir::new("build-one-path");
    tmp.write("records/team.toml", "[[member]]\nid = \"alex\"\nname = \"Alex\"\n");
    for (id, region) in [("acme", "index"), ("beta", "r-e58d8ee4b89c"), ("gamma", "华东"), ("delta", "east")] {
        tmp.write(
            &format!("records/customers/{id}.toml"),
            &format!("name = \"{id}\"\nowner = \"alex\"\nphone = \"1\"\nregion = \"{region}\"\n"),
        );
    }
    tmp
}

#[test]
fn ids_named_index_are_refused_and_no_page_replaces_another() {
    let tmp = pages_named_like_lists();
    let records = tmp.path().join("records");
    let site = tmp.path().join("site");
    let result = build(&records, &site, &[]);
    assert_eq!(exit_code(&result), 0, "{}", stderr(&result));
    let pages: Vec<String> = tree(&site).into_keys().filter(|p| p.starts_with("regions/")).collect();
    // The list, and one page for each of the four regions (none is the list, none shares one).
    assert_eq!(pages.len(), 5, "{pages:?}");
    let list = fs::read_to_string(site.join("regions/index.html")).expect("the list of regions");
    for region in ["index", "r-e58d8ee4b89c", "华东", "east"] {
        assert!(list.contains(region), "the list lost {region}");
    }

    tmp.write("records/customers/index.toml", "name = \"Index\"\nowner = \"alex\"\nphone = \"1\"\n");
    tmp.write(
        "records/team.toml",
        "[[member]]\nid = \"index\"\nname = \"I\"\n[[member]]\nid = \"alex\"\nname = \"A\"\n",
    );
    let result = run(&["check", "--records", &records.to_string_lossy(), "--today", TODAY, "--format", "json"]);
    assert_eq!(exit_code(&result), 1, "{}", stdout(&result));
    let out = stdout(&result);
    assert!(
        out.contains("customer id \\\"index\\\" is reserved") && out.contains("member id \\\"index\\\" is reserved"),
        "{out}"
    );
}

#[test]
fn a_team_overrides_templates_and_css_from_records_templates() {
    let tmp = TempDir::new("build-override");
    let records = tmp.path().join("records");
    copy_tree(&fixture("fixtures/credit/records"), &records);
    fs::create_dir_all(records.join("templates/partials")).unwrap();
    fs::write(records.join("templates/style.css"), "body { color: rebeccapurple; }").unwrap();
    fs::write(records.join("templates/partials/agenda_list.html"), "OUR AGENDA LIST").unwrap();
    fs::write(
        records.join("templates/archived.html"),
        "{% extends \"base.html\" %}{% block content %}OUR ARCHIVE{% endblock content %}",
    )
    .unwrap();
    let out = tmp.path().join("site");
    let result = build(&records, &out, &[]);
    assert_eq!(exit_code(&result), 0, "{}", stderr(&result));
    assert_eq!(fs::read_to_string(out.join("assets/style.css")).unwrap(), "body { color: rebeccapurple; }");
    assert!(fs::read_to_string(out.join("archived.html")).unwrap().contains("OUR ARCHIVE"));
    let agenda = fs::read_to_string(out.join("agenda.html")).unwrap();
    assert!(agenda.contains("class=\"nav\"") && agenda.contains("OUR AGENDA LIST"), "{agenda}");
}

#[test]
fn a_broken_template_override_is_a_clear_error_and_changes_nothing() {
    let tmp = TempDir::new("build-bad-template");
    let records = tmp.path().join("records");
    copy_tree(&fixture("fixtures/credit/records"), &records);
    fs::create_dir_all(records.join("templates")).unwrap();
    fs::write(records.join("templates/archived.html"), "{% if %}").unwrap();
    let out = tmp.path().join("site");
    let result = build(&records, &out, &[]);
    assert_eq!(exit_code(&result), 2);
    assert!(stderr(&result).contains("template"), "{}", stderr(&result));
    assert!(!out.exists());
}

#[test]
fn redaction_leaves_contact_details_out() {
    let tmp = TempDir::new("build-redact");
    let out = tmp.path().join("site");
    assert_eq!(exit_code(&build(&demo(), &out, &["--redact"])), 0);
    let customer = fs::read_to_string(out.join("customers/huadong-auto-parts.html")).unwrap();
    assert!(!customer.contains("0510-8532 6600"), "a phone number is on the redacted page");
    assert!(!customer.contains("hdap.example.com"), "an e-mail address is on the redacted page");
}

#[test]
fn representative_pages_match_their_snapshots() {
    let tmp = TempDir::new("build-snapshots");
    let out = tmp.path().join("site");
    let result = build(&fixture("fixtures/credit/records"), &out, &[]);
    assert_eq!(exit_code(&result), 0, "{}", stderr(&result));
    for page in ["index.html", "customers/index.html", "agenda.html", "receivables.html", "agenda.ics"] {
        let actual = fs::read_to_string(out.join(page)).unwrap();
        let expected = fixture(&format!("build/snapshots/{}", page.replace('/', "_")));
        assert_matches_expected(&actual, &expected);
    }
}

/// Every phone, e-mail, WeChat id, address, birthday and piece of notes text in a records
/// tree (loss notes included), for checking that a redacted site holds none of them.
fn secrets(records: &Path) -> Vec<String> {
    fn walk(value: &toml::Value, key: &str, out: &mut Vec<String>) {
        match value {
            toml::Value::Table(t) => t.iter().for_each(|(k, v)| walk(v, k, out)),
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, key, out)),
            toml::Value::String(s) if matches!(key, "phone" | "email" | "wechat" | "address") => out.push(s.clone()),
            toml::Value::Datetime(d) if key == "birthday" => out.push(d.to_string()),
            toml::Value::String(s) if key == "notes" => out.extend(
                s.lines().map(str::trim).filter(|l| l.chars().count() >= 12).map(|l| l.chars().take(12).collect()),
            ),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (rel, bytes) in tree(records).iter().filter(|(p, _)| p.starts_with("customers/")) {
        let value: toml::Value =
            toml::from_str(&String::from_utf8_lossy(bytes)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        walk(&value, "", &mut out);
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_redacted_site_holds_no_contact_details_birthdays_or_notes_anywhere() {
    let secrets = secrets(&demo());
    assert!(secrets.len() > 100, "the demo should have many contact details to hide, found {}", secrets.len());
    let tmp = TempDir::new("build-redact-all");
    let (plain, redacted) = (tmp.path().join("plain"), tmp.path().join("redacted"));
    assert_eq!(exit_code(&build(&demo(), &plain, &[])), 0);
    assert_eq!(exit_code(&build(&demo(), &redacted, &["--redact"])), 0);
    let shown = tree(&plain).values().map(|b| String::from_utf8_lossy(b).into_owned()).collect::<Vec<_>>().join("\n");
    assert!(secrets.iter().filter(|s| shown.contains(s.as_str())).count() > 50, "the unredacted site should show them");
    let mut leaks = Vec::new();
    for (rel, bytes) in tree(&redacted) {
        let text = String::from_utf8_lossy(&bytes);
        leaks.extend(secrets.iter().filter(|s| text.contains(s.as_str())).map(|s| format!("{rel}: {s}")));
    }
    assert!(leaks.is_empty(), "a redacted site shows:\n{}", leaks.join("\n"));
}
