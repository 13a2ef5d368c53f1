//! `init`, `new`, `log` and `schema`: the commands that write records.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).unwrap_or_else(|e| panic!("read {}: {e}", entry.path().display()));
            out.insert(entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_path_buf(), bytes);
        }
    }
    out
}

/// A fresh repository made by `cardfile init` in `<tmp>/repo`.
fn repo(name: &str, language: &str) -> (TempDir, PathBuf) {
    let tmp = TempDir::new(name);
    let out = run_in(tmp.path(), &["init", "repo", "--language", language, "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "init failed: {}", stderr(&out));
    let dir = tmp.path().join("repo");
    (tmp, dir)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

#[test]
fn init_makes_a_repository_that_checks_and_builds() {
    for language in ["en", "zh-CN"] {
        let tmp = TempDir::new("init");
        let out = run_in(tmp.path(), &["init", "repo", "--language", language, "--templates", "--today", TODAY]);
        assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
        assert!(stdout(&out).contains("git config core.hooksPath .githooks"));
        let dir = tmp.path().join("repo");
        for file in [
            "records/cardfile.toml",
            "records/team.toml",
            "records/customers/example.toml",
            ".gitignore",
            ".github/workflows/cardfile.yml",
            ".gitlab-ci.yml",
            ".githooks/pre-commit",
            ".taplo.toml",
            ".cardfile/schema/customer.json",
            ".cardfile/schema/team.json",
            ".cardfile/schema/settings.json",
            "records/templates/customer.html",
            "records/templates/style.css",
        ] {
            assert!(dir.join(file).is_file(), "{language}: {file} missing");
        }
        assert!(read(&dir.join(".gitignore")).lines().any(|l| l == "site/"));
        assert!(read(&dir.join(".github/workflows/cardfile.yml")).contains("cardfile check --format github"));
        assert!(read(&dir.join(".gitlab-ci.yml")).contains("cardfile build"));
        assert!(read(&dir.join("records/cardfile.toml")).contains(&format!("language = \"{language}\"")));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.join(".githooks/pre-commit")).map(|m| m.permissions().mode()).unwrap_or(0);
            assert_eq!(mode & 0o111, 0o111, "the hook is not executable");
        }
        for kind in ["customer", "team", "settings"] {
            let text = read(&dir.join(format!(".cardfile/schema/{kind}.json")));
            serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{kind}.json: {e}"));
        }
        let check = run_in(&dir, &["check", "--today", TODAY, "--deny-warnings"]);
        assert_eq!(exit_code(&check), 0, "{language}: check: {}", stderr(&check));
        let build = run_in(&dir, &["build", "--today", TODAY]);
        assert_eq!(exit_code(&build), 0, "{language}: build: {}", stderr(&build));
        assert!(dir.join("site/index.html").is_file());
    }
}

#[test]
fn init_refuses_a_non_empty_directory_unless_forced() {
    let tmp = TempDir::new("init-refuse");
    tmp.write("repo/notes.txt", "ours");
    let before = snapshot(tmp.path());
    let out = run_in(tmp.path(), &["init", "repo"]);
    assert_eq!(exit_code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("not empty"));
    assert_eq!(snapshot(tmp.path()), before, "init wrote into a non-empty directory");
    let forced = run_in(tmp.path(), &["init", "repo", "--force"]);
    assert_eq!(exit_code(&forced), 0, "{}", stderr(&forced));
    assert_eq!(read(&tmp.path().join("repo/notes.txt")), "ours");
    assert!(tmp.path().join("repo/records/team.toml").is_file());
}

#[test]
fn new_creates_a_customer_that_checks() {
    let (_tmp, dir) = repo("new", "en");
    let out = run_in(
        &dir,
        &["new", "acme", "--name", "Acme \"Tools\" Ltd.", "--owner", "sam", "--region", "south", "--phone", "555"],
    );
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let text = read(&dir.join("records/customers/south/acme.toml"));
    assert!(text.contains("name = 'Acme \"Tools\" Ltd.'"), "{text}");
    assert!(text.contains("owner = \"sam\"") && text.contains("region = \"south\""));
    let check = run_in(&dir, &["check", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));
    // The commented [plan] is valid once its lines are filled in.
    assert!(text.contains("\n# [plan]\n# goal = \"\""), "{text}");
    let planned = text
        .replace("# [plan]", "[plan]")
        .replace("# goal = \"\"", "goal = \"First supplier\"")
        .replace("# review = 2027-03-31", "review = 2027-03-31");
    fs::write(dir.join("records/customers/south/acme.toml"), &planned).unwrap_or_else(|e| panic!("write: {e}"));
    let check = run_in(&dir, &["check", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&check), 0, "{planned}\n{}", stderr(&check));
}

#[test]
fn new_refuses_bad_ids_taken_ids_and_strangers_and_writes_nothing() {
    let (_tmp, dir) = repo("new-refuse", "en");
    let before = snapshot(&dir);
    let cases: &[(&[&str], &str)] = &[
        (&["new", "Acme", "--name", "A", "--owner", "alex"], "E015"),
        (&["new", "../escape", "--name", "A", "--owner", "alex"], "E015"),
        (&["new", "example", "--name", "A", "--owner", "alex", "--region", "west"], "E016"),
        (&["new", "acme", "--name", "A", "--owner", "nobody"], "E017"),
        (&["new", "acme", "--name", "A", "--owner", "alex", "--kind", "robot"], "E013"),
    ];
    for (args, code) in cases {
        let out = run_in(&dir, args);
        assert_eq!(exit_code(&out), 1, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(code), "{args:?}: expected {code} in {}", stderr(&out));
        assert_eq!(snapshot(&dir), before, "{args:?} changed the repository");
    }
    let out = run_in(&dir, &["new", "acme", "--name", "A", "--owner", "alex", "--records", "missing"]);
    assert_eq!(exit_code(&out), 2);
}

/// The example customer's file, after `log`.
fn example(dir: &Path) -> String {
    read(&dir.join("records/customers/example.toml"))
}

#[test]
fn log_appends_an_interaction_keeping_the_file() {
    let (_tmp, dir) = repo("log-visit", "zh-CN");
    let before = example(&dir);
    let out = run_in(
        &dir,
        &[
            "log",
            "example",
            "--kind",
            "call",
            "--summary",
            "确认报价\n下周发货",
            "--next",
            "2026-12-01",
            "--satisfaction",
            "5",
            "--by",
            "li",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let after = example(&dir);
    assert!(after.starts_with(&before), "the original text is not kept");
    assert_eq!(
        &after[before.len()..],
        "\n[[interaction]]\ndate = 2026-11-25\nkind = \"call\"\nby = \"li\"\nsummary = \"\"\"\n确认报价\n下周发货\"\"\"\nnext = 2026-12-01\nsatisfaction = 5\n"
    );
    let check = run_in(&dir, &["check", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));
}

#[test]
fn log_orders_payments_complaints_and_resolutions() {
    let (_tmp, dir) = repo("log-order", "en");
    let original = example(&dir);
    let args = ["log", "example", "--order", "1500.50", "--ref", "SO-2001", "--due", "2026-12-20", "--today", TODAY];
    assert_eq!(exit_code(&run_in(&dir, &args)), 0);
    let ordered = example(&dir);
    assert!(ordered.starts_with(&original));
    assert_eq!(
        &ordered[original.len()..],
        "\n[[order]]\ndate = 2026-11-25\namount = 1500.5\nref = \"SO-2001\"\ndue = 2026-12-20\n"
    );

    let out = run_in(&dir, &["log", "example", "--payment", "SO-2001", "--paid", "2026-11-25", "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert_eq!(example(&dir), format!("{ordered}paid = 2026-11-25\n"));

    let paid = example(&dir);
    let out = run_in(&dir, &["log", "example", "--complaint", "Wrong size", "--severity", "high", "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let complained = example(&dir);
    assert_eq!(
        &complained[paid.len()..],
        "\n[[complaint]]\nopened = 2026-11-25\nsummary = \"Wrong size\"\nseverity = \"high\"\n"
    );

    let out = run_in(&dir, &["log", "example", "--resolve", "2", "--resolution", "Replaced", "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert_eq!(example(&dir), format!("{complained}resolved = 2026-11-25\nresolution = \"Replaced\"\n"));

    let check = run_in(&dir, &["check", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));
}

#[test]
fn log_that_would_make_the_file_invalid_changes_nothing() {
    let (_tmp, dir) = repo("log-refuse", "en");
    let before = snapshot(&dir);
    let cases: &[(&[&str], i32, &str)] = &[
        (&["log", "example", "--kind", "visit", "--summary", "Hi", "--by", "nobody"], 1, "E017"),
        (&["log", "example", "--kind", "visti", "--summary", "Hi"], 1, "E013"),
        (&["log", "example", "--kind", "visit", "--summary", "Hi", "--satisfaction", "9"], 1, "E014"),
        (&["log", "example", "--order", "-5"], 1, "E020"),
        (&["log", "example", "--resolve", "1", "--date", "2020-01-01"], 1, "E018"),
        (&["log", "example", "--payment", "SO-9", "--paid", "2026-11-01"], 2, "SO-9"),
        (&["log", "example", "--resolve", "7"], 2, "no complaint 7"),
        (&["log", "nobody", "--kind", "visit", "--summary", "Hi"], 2, "no customer"),
        (&["log", "example", "--summary", "Hi"], 2, "--kind"),
    ];
    for (args, code, text) in cases {
        let mut all = args.to_vec();
        all.extend(["--today", TODAY]);
        let out = run_in(&dir, &all);
        assert_eq!(exit_code(&out), *code, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(text), "{args:?}: expected {text} in {}", stderr(&out));
        assert_eq!(snapshot(&dir), before, "{args:?} changed the repository");
    }
}

#[test]
fn log_keeps_a_bom_and_crlf() {
    let (_tmp, dir) = repo("log-crlf", "en");
    let path = dir.join("records/customers/example.toml");
    let crlf = format!("\u{feff}{}", example(&dir).replace('\n', "\r\n"));
    fs::write(&path, &crlf).unwrap_or_else(|e| panic!("write: {e}"));
    let out =
        run_in(&dir, &["log", "example", "--kind", "email", "--summary", "Sent the price list", "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let after = read(&path);
    assert!(after.starts_with(&crlf));
    assert_eq!(
        &after[crlf.len()..],
        "\r\n[[interaction]]\r\ndate = 2026-11-25\r\nkind = \"email\"\r\nsummary = \"Sent the price list\"\r\n"
    );
}

#[test]
fn twenty_logs_at_once_keep_every_entry() {
    let (_tmp, dir) = repo("log-parallel", "en");
    let before = example(&dir).matches("[[interaction]]").count();
    let children: Vec<_> = (0..20)
        .map(|i| {
            crate::cardfile()
                .args(["log", "example", "--kind", "call", "--summary", &format!("call number {i}"), "--today", TODAY])
                .current_dir(&dir)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("spawn: {e}"))
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("wait: {e}"));
        assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    }
    let after = example(&dir);
    assert_eq!(after.matches("[[interaction]]").count(), before + 20);
    for i in 0..20 {
        assert!(after.contains(&format!("summary = \"call number {i}\"\n")), "call {i} lost");
    }
    let leftovers: Vec<_> = snapshot(&dir.join("records/customers")).into_keys().collect();
    assert_eq!(leftovers, vec![PathBuf::from("example.toml")], "lock or temporary files left behind");
    let check = run_in(&dir, &["check", "--today", TODAY]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));
}

#[test]
fn schema_prints_json_with_every_key() {
    let tmp = TempDir::new("schema");
    let out = run_in(tmp.path(), &["schema"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("not JSON: {e}"));
    let props = &schema["properties"];
    for key in cardfile::records::keys::CUSTOMER {
        assert!(props.get(*key).is_some(), "{key} missing");
    }
    for key in cardfile::records::keys::ORDER {
        assert!(props["order"]["items"]["properties"].get(*key).is_some(), "order.{key} missing");
    }
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(props["prospect"]["maximum"], 5);

    let out = run_in(tmp.path(), &["schema", "--kind", "settings"]);
    let settings: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert!(settings["properties"]["reminders"]["properties"]["handover_days"].is_object());

    let out = run_in(tmp.path(), &["schema", "--out", "schemas"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    for kind in ["customer", "team", "settings"] {
        let text = read(&tmp.path().join(format!("schemas/{kind}.json")));
        serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{kind}.json: {e}"));
    }
    let bad = run_in(tmp.path(), &["schema", "--kind", "orders"]);
    assert_eq!(exit_code(&bad), 2);
}
