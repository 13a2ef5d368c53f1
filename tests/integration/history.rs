//! The git history on the site and in the export (SPEC 11.1), in repositories the tests make.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::git::GitRepo;
use crate::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

const TEAM: &str = "[[member]]\nid = \"li\"\nname = \"Li Na\"\n\n[[member]]\nid = \"zhang\"\nname = \"Zhang Wei\"\n";

const ACME: &str = r#"name = "Acme"
owner = "li"
phone = "0512-1"
credit_limit = 50000

[[order]]
ref = "SO-1"
date = 2026-10-01
amount = 12000
due = 2026-10-31
"#;

const VISIT: &str = "\n[[interaction]]\ndate = 2026-11-02\nkind = \"visit\"\nsummary = \"Showed the new line\"\n";

/// A repository with a story: created, a visit, a payment, a handover, a move, a team change.
fn story() -> GitRepo {
    let repo = GitRepo::new("history");
    repo.write("records/team.toml", TEAM);
    repo.write("records/customers/acme.toml", ACME);
    repo.commit("Li Na", "2026-10-20T09:00:00+08:00", "Add Acme");
    let visited = format!("{ACME}{VISIT}");
    repo.write("records/customers/acme.toml", &visited);
    repo.commit("Zhang Wei", "2026-11-02T18:00:00+08:00", "Visit Acme");
    // Late in the evening in New York: the author date as recorded is the 20th, though it is
    // already the 21st in UTC.
    let paid = visited.replace("due = 2026-10-31", "due = 2026-10-31\npaid = 2026-11-20");
    repo.write("records/customers/acme.toml", &paid);
    repo.commit("Li Na", "2026-11-20T23:30:00-05:00", "Acme paid SO-1\n\nBank transfer.");
    let handed =
        paid.replace("owner = \"li\"", "owner = \"zhang\"").replace("50000", "80000").replace("0512-1", "0512-2");
    repo.write("records/customers/acme.toml", &handed);
    repo.commit("Zhang Wei", "2026-11-24T10:00:00+08:00", "Handover of Acme to Zhang");
    fs::create_dir_all(repo.records().join("customers/east")).unwrap();
    repo.git(&["mv", "records/customers/acme.toml", "records/customers/east/acme.toml"]);
    repo.commit("Li Na", "2026-11-25T08:00:00+08:00", "Acme is in the east");
    repo.write("records/team.toml", &format!("{TEAM}\n[[member]]\nid = \"wang\"\nname = \"Wang\"\n"));
    repo.commit("Zhang Wei", "2026-11-25T09:00:00+08:00", "Wang joins");
    repo
}

fn build(repo: &Path, extra: &[&str]) -> (std::process::Output, BTreeMap<String, String>) {
    build_at(repo, TODAY, extra)
}

fn build_at(repo: &Path, today: &str, extra: &[&str]) -> (std::process::Output, BTreeMap<String, String>) {
    let mut args = vec!["build", "--today", today, "--out", "site"];
    args.extend_from_slice(extra);
    let output = run_in(repo, &args);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    (output, read_tree(&repo.join("site")))
}

fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in walkdir(dir) {
        let rel = entry.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        files.insert(rel, String::from_utf8_lossy(&fs::read(&entry).unwrap()).into_owned());
    }
    files
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() { out.extend(walkdir(&path)) } else { out.push(path) }
    }
    out
}

/// The text of a page's element with `id`, tags stripped and white space folded.
fn section(html: &str, id: &str) -> String {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let end = html[start..].find("</section>").map_or(html.len(), |e| start + e);
    text_of(&html[start..end])
}

fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ").replace("&gt;", ">")
}

fn export(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["export", "--format", "json", "--today", TODAY];
    args.extend_from_slice(extra);
    let output = run_in(dir, &args);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn a_customer_page_shows_its_history_newest_first() {
    let repo = story();
    let (_, site) = build(repo.path(), &[]);
    let history = section(&site["customers/acme.html"], "history");
    let expected = [
        "2026-11-25 Li Na",
        "Acme is in the east",
        "moved customers/acme.toml → customers/east/acme.toml",
        "2026-11-24 Zhang Wei",
        "Handover of Acme to Zhang",
        "owner li → zhang",
        "phone 0512-1 → 0512-2",
        "credit_limit 50000 → 80000",
        "2026-11-20 Li Na",
        "Acme paid SO-1",
        "order SO-1 paid 2026-11-20",
        "2026-11-02 Zhang Wei",
        "+1 interaction 2026-11-02 visit",
        "2026-10-20 Li Na",
        "created",
    ];
    let mut at = 0;
    for part in expected {
        let found = history[at..].find(part).unwrap_or_else(|| panic!("`{part}` missing after {at} in: {history}"));
        at += found + part.len();
    }
    assert!(!history.contains("Bank transfer"), "only the first line of a message: {history}");
    assert!(site["customers/acme.html"].contains("Last changed 2026-11-25 by Li Na"));
    assert!(site["cards/index.html"].contains("Last changed 2026-11-25 by Li Na"));
}

#[test]
fn the_export_says_when_and_by_whom() {
    let repo = story();
    let json = export(repo.path(), &[]);
    let acme = &json["customers"][0];
    assert_eq!(acme["changed"], "2026-11-25");
    assert_eq!(acme["changed_by"], "Li Na");
}

#[test]
fn changes_page_lists_the_window_and_other_files() {
    let repo = story();
    let (_, site) = build(repo.path(), &[]);
    let page = text_of(&site["changes.html"]);
    // Default 30 days: 2026-10-20 is 36 days before today; the rest are within.
    assert!(!page.contains("Add Acme"), "{page}");
    for subject in ["Visit Acme", "Acme paid SO-1", "Handover of Acme to Zhang", "Acme is in the east", "Wang joins"] {
        assert!(page.contains(subject), "{subject} missing: {page}");
    }
    assert!(page.contains("team.toml"), "{page}");
    let newest = page.find("Wang joins").unwrap();
    assert!(newest < page.find("Acme is in the east").unwrap(), "newest first");
    assert!(site["index.html"].contains("changes.html"), "the navigation links the page");
}

#[test]
fn the_changes_window_is_today_minus_days_exclusive() {
    let repo = story();
    // The visit is dated 2026-11-02: 23 days before 2026-11-25.
    repo.write("records/cardfile.toml", "[history]\ndays = 23\n");
    let (_, site) = build(repo.path(), &[]);
    assert!(!site["changes.html"].contains("Visit Acme"), "23 days ago is outside a 23-day window");
    repo.write("records/cardfile.toml", "[history]\ndays = 24\n");
    let (_, site) = build(repo.path(), &[]);
    assert!(site["changes.html"].contains("Visit Acme"), "…and inside a 24-day window");
    // A commit dated after today is not listed (0 ≤ today − d).
    let (_, site) = build_at(repo.path(), "2026-11-24", &[]);
    assert!(!site["changes.html"].contains("Wang joins"));
}

#[test]
fn redacted_values_never_appear_in_the_history() {
    let repo = story();
    let (_, site) = build(repo.path(), &["--redact"]);
    let history = section(&site["customers/acme.html"], "history");
    assert!(history.contains("phone changed"), "{history}");
    assert!(history.contains("owner li → zhang"), "{history}");
    for (path, text) in &site {
        assert!(!text.contains("0512-1") && !text.contains("0512-2"), "a phone number in {path}");
    }
}

#[test]
fn history_is_deterministic() {
    let repo = story();
    let (_, first) = build(repo.path(), &[]);
    let (_, second) = build(repo.path(), &[]);
    assert_eq!(first, second);
}

#[test]
fn chinese_site_summaries_are_in_chinese() {
    let repo = story();
    repo.write("records/cardfile.toml", "language = \"zh-CN\"\n");
    let (_, site) = build(repo.path(), &[]);
    let history = section(&site["customers/acme.html"], "history");
    assert!(history.contains("订单 SO-1 已于 2026-11-20 付款"), "{history}");
    assert!(history.contains("新建"), "{history}");
    assert!(history.contains("+1 跟进记录 2026-11-02 拜访"), "the kind in the site's words: {history}");
}

#[test]
fn outside_git_or_without_history_nothing_changes() {
    let repo = story();
    let plain = TempDir::new("no-git");
    copy_tree(&repo.records(), &plain.path().join("records"));
    let outside = export(plain.path(), &[]);
    assert!(outside["customers"][0]["changed"].is_null());
    assert!(outside["customers"][0]["changed_by"].is_null());
    assert_eq!(export(repo.path(), &["--no-history"]), outside);
    repo.write("records/cardfile.toml", "[history]\nenabled = false\n");
    fs::write(plain.path().join("records/cardfile.toml"), "[history]\nenabled = false\n").unwrap();
    assert_eq!(export(repo.path(), &[]), export(plain.path(), &[]));
    let (_, in_repo) = build(repo.path(), &[]);
    let (_, out_of_repo) = build(plain.path(), &[]);
    assert_eq!(in_repo, out_of_repo, "the site is the same as outside git");
    assert!(!in_repo.contains_key("changes.html"));
    assert!(!in_repo["customers/acme.html"].contains("id=\"history\""));
}

fn copy_tree(from: &Path, to: &Path) {
    for file in walkdir(from) {
        let target = to.join(file.strip_prefix(from).unwrap());
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(&file, &target).unwrap();
    }
}

#[test]
fn a_shallow_clone_warns_once_and_builds() {
    let repo = story();
    let clone = TempDir::new("shallow");
    let url = format!("file://{}", repo.path().display());
    repo.git(&["clone", "-q", "--depth", "2", &url, &clone.path().join("c").to_string_lossy()]);
    let (output, site) = build(&clone.path().join("c"), &[]);
    let err = stderr(&output);
    assert_eq!(err.matches("the clone is shallow").count(), 1, "{err}");
    assert!(err.contains("history starts at"), "{err}");
    // Only the newest commit is compared with its parent; the boundary has no parent here.
    assert!(site["changes.html"].contains("Wang joins"));
    assert!(!site["changes.html"].contains("Acme is in the east"));
}

#[test]
fn an_old_version_that_did_not_parse_is_named_and_the_build_goes_on() {
    let repo = story();
    repo.write("records/customers/east/acme.toml", "name = \"Acme\"\n<<<<<<< ours\n");
    repo.commit("Li Na", "2026-11-25T10:00:00+08:00", "Broken");
    let fixed = ACME.replace("owner = \"li\"", "owner = \"zhang\"");
    repo.write("records/customers/east/acme.toml", &fixed);
    repo.commit("Li Na", "2026-11-25T11:00:00+08:00", "Fixed");
    let (_, site) = build(repo.path(), &[]);
    let history = section(&site["customers/acme.html"], "history");
    assert!(history.contains("did not parse"), "{history}");
}

#[test]
fn a_merge_is_listed_when_it_differs_from_every_parent() {
    let repo = GitRepo::new("merge-history");
    repo.write("records/team.toml", TEAM);
    repo.write("records/customers/acme.toml", ACME);
    repo.write("records/customers/bolt.toml", &ACME.replace("Acme", "Bolt"));
    repo.commit("Li Na", "2026-11-01T09:00:00+08:00", "Start");
    repo.git(&["checkout", "-q", "-b", "visit"]);
    repo.write("records/customers/acme.toml", &format!("{ACME}{VISIT}"));
    repo.write("records/customers/bolt.toml", &format!("{}{VISIT}", ACME.replace("Acme", "Bolt")));
    repo.commit("Zhang Wei", "2026-11-10T09:00:00+08:00", "Visits");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("records/customers/acme.toml", &ACME.replace("0512-1", "0512-3"));
    repo.commit("Li Na", "2026-11-20T09:00:00+08:00", "New phone");
    repo.git_as("Li Na", "2026-11-21T09:00:00+08:00", &["merge", "-q", "--no-ff", "-m", "Merge visits", "visit"]);
    let (_, site) = build(repo.path(), &[]);
    let acme = section(&site["customers/acme.html"], "history");
    // Acme's merged file differs from both parents: the merge is in its history.
    assert!(acme.contains("Merge visits"), "{acme}");
    assert!(acme.contains("Visits") && acme.contains("New phone"), "{acme}");
    // Bolt's merged file is the visit branch's: the merge did not change it.
    let bolt = section(&site["customers/bolt.html"], "history");
    assert!(!bolt.contains("Merge visits"), "{bolt}");
    assert!(bolt.contains("+1 interaction 2026-11-02 visit"), "{bolt}");
}

#[test]
fn a_broken_repository_is_a_warning_and_the_site_is_built_without_history() {
    let repo = story();
    // A missing object: the newest commit's tree can no longer be read.
    let tree = repo.git(&["rev-parse", "HEAD^{tree}"]);
    let tree = tree.trim();
    let object = repo.path().join(".git/objects").join(&tree[..2]).join(&tree[2..]);
    fs::remove_file(&object).unwrap_or_else(|err| panic!("{}: {err}", object.display()));
    let (output, site) = build(repo.path(), &[]);
    assert!(stderr(&output).contains("warning: the git history was not read"), "{}", stderr(&output));
    assert!(!site.contains_key("changes.html"));
    // A HEAD that is not a reference at all.
    fs::write(repo.path().join(".git/HEAD"), "garbage\n").unwrap();
    let (output, _) = build(repo.path(), &[]);
    assert!(stderr(&output).contains("warning: the git history was not read"), "{}", stderr(&output));
}

#[test]
fn a_repository_without_commits_has_no_history_yet() {
    let repo = GitRepo::new("empty-history");
    repo.write("records/team.toml", TEAM);
    repo.write("records/customers/acme.toml", ACME);
    let json = export(repo.path(), &[]);
    assert!(json["customers"][0]["changed"].is_null());
    let (output, site) = build(repo.path(), &[]);
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
    assert!(site["changes.html"].contains("No commit changed the records"));
}

#[test]
fn a_detached_head_shows_the_history_up_to_it() {
    let repo = story();
    repo.git(&["checkout", "-q", "--detach", "HEAD~2"]);
    let (output, site) = build(repo.path(), &[]);
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
    let history = section(&site["customers/acme.html"], "history");
    assert!(history.contains("Handover of Acme to Zhang") && !history.contains("Acme is in the east"), "{history}");
}
