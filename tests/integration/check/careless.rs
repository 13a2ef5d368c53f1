//! `check` on careless and hostile input built at test time: links that must never be opened,
//! files too large, UTF-16, names Windows or the site reserve, a `--records` that is a file,
//! and pathological files (a 2 MB line, thousands of unknown keys) whose output stays small.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{assert_unknown_owner_still_reported, check_json, only_about, tree_with_one_error};
use crate::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

/// Runs cardfile in `dir`, killing it (and failing) when it takes longer than 30 s.
fn run_within_30s(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cardfile"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cardfile");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("cardfile {args:?} did not finish within 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    (exit_code(&output), format!("{}{}", stdout(&output), stderr(&output)))
}

#[cfg(unix)]
#[test]
fn a_refused_link_is_never_opened_by_any_command() {
    let dir = tree_with_one_error("link-never-read");
    dir.write("records/customers/acme.toml", "name = \"Acme\"\nowner = \"zhang\"\nphone = \"1\"\n");
    let secret = dir.write("outside/secret.txt", "TOKEN=hunter2-from-outside\n");
    let fifo = dir.path().join("outside/fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    let customers = dir.path().join("records/customers");
    std::os::unix::fs::symlink(&secret, customers.join("pw.toml")).expect("symlink");
    std::os::unix::fs::symlink("/dev/zero", customers.join("zero.toml")).expect("symlink");
    std::os::unix::fs::symlink(&fifo, customers.join("fifo.toml")).expect("symlink");
    let commands: [&[&str]; 5] = [
        &["check", "--records", "records", "--today", TODAY],
        &["check", "--records", "records", "--today", TODAY, "--format", "json"],
        &["export", "--records", "records", "--today", TODAY, "--format", "json"],
        &["due", "--records", "records", "--today", TODAY],
        &["build", "--records", "records", "--today", TODAY, "--out", "site"],
    ];
    for args in commands {
        let (exit, output) = run_within_30s(dir.path(), args);
        assert_eq!(exit, 1, "{args:?}: {output}");
        assert!(!output.contains("TOKEN") && !output.contains("hunter2"), "{args:?} showed the target: {output}");
        assert_eq!(output.matches("symbolic link leads outside").count(), 3, "{args:?}: {output}");
    }
    // `log` checks only the file it changes: it finishes, and shows nothing of the targets.
    let log = ["log", "acme", "--kind", "call", "--summary", "x", "--records", "records", "--today", TODAY];
    let (exit, output) = run_within_30s(dir.path(), &log);
    assert_eq!(exit, 0, "{output}");
    assert!(!output.contains("TOKEN"), "{output}");
}

#[test]
fn a_file_over_64_mib_is_an_error_naming_its_size() {
    let dir = tree_with_one_error("too-large");
    let big = dir.write("records/customers/big.toml", "name = \"Big\"\n");
    fs::File::options().write(true).open(&big).and_then(|f| f.set_len(70 * 1024 * 1024)).expect("grow the file");
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 1, "{diagnostics:#?}");
    let d = only_about(&diagnostics, "customers/big.toml");
    assert_eq!(d["code"], "E007");
    assert!(d["message"].as_str().unwrap_or_default().starts_with("the file is 70.0 MiB (73400320 bytes)"), "{d}");
    assert_unknown_owner_still_reported(&diagnostics);
}

// Pathological inputs (timed in benches/cliffs.sh, not here) ---------------------------------

#[test]
fn a_long_line_shows_a_window_of_itself() {
    let dir = tree_with_one_error("long-line");
    dir.write("records/customers/long.toml", &format!("name = \"Long{}", "x".repeat(2_000_000)));
    let output = run_in(dir.path(), &["check", "--records", "records", "--today", TODAY]);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    let text = stderr(&output);
    assert!(text.len() < 4_000, "printed {} bytes for one error on a 2 MB line", text.len());
    let (_, diagnostics) = check_json(&dir);
    let column = only_about(&diagnostics, "customers/long.toml")["column"].as_u64().unwrap_or_default();
    assert_eq!(column, 2_000_013, "the end of the line");
    assert!(text.contains(&format!("customers/long.toml:1:{column}")), "the column is the file's own:\n{text}");
    assert!(text.contains("│ …xxxxxxxx"), "{text}");
}

#[test]
fn repeated_diagnostics_of_one_file_are_capped_with_a_count() {
    let dir = tree_with_one_error("many-keys");
    let mut text = String::from("name = \"Many\"\nowner = \"zhang\"\nphone = \"1\"\n");
    for i in 0..5_000 {
        text.push_str(&format!("unknown_{i} = 1\n"));
    }
    dir.write("records/customers/many.toml", &text);
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 1);
    let about: Vec<&Value> = diagnostics.iter().filter(|d| d["file"] == "customers/many.toml").collect();
    assert_eq!(about.len(), 101, "100 diagnostics and one count");
    assert!(about[..100].iter().all(|d| d["code"] == "E010"));
    assert_eq!(about[99]["line"], 103, "the first 100 in file order");
    let last = about[100]["message"].as_str().unwrap_or_default();
    assert_eq!(about[100]["code"], "E010");
    assert!(last.starts_with("and 4900 more like the above in this file"), "{last}");
    assert_unknown_owner_still_reported(&diagnostics);
}

// Careless inputs (issue 20, item 20) -------------------------------------------------------

#[test]
fn a_utf16_file_is_named_as_such_and_shows_no_nul_bytes() {
    let dir = tree_with_one_error("utf16");
    let text = "name = \"Wide\"\nowner = \"zhang\"\nphone = \"1\"\n";
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    fs::write(dir.path().join("records/customers/wide.toml"), le).expect("write");
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    fs::write(dir.path().join("records/customers/wide-be.toml"), be).expect("write");
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 1, "{diagnostics:#?}");
    for file in ["customers/wide.toml", "customers/wide-be.toml"] {
        let d = only_about(&diagnostics, file);
        assert_eq!(d["code"], "E002");
        let message = d["message"].as_str().unwrap_or_default();
        assert!(message.contains("it is UTF-16") && !message.contains("GBK"), "{message}");
    }
    let output = run_in(dir.path(), &["check", "--records", "records", "--today", TODAY]);
    assert!(!stderr(&output).contains('\0'), "{}", stderr(&output));
}

#[test]
fn careless_names_and_places_get_a_clear_word() {
    let dir = tree_with_one_error("careless");
    for id in ["con", "lpt1", "aux"] {
        dir.write(&format!("records/customers/{id}.toml"), "name = \"X\"\nowner = \"zhang\"\nphone = \"1\"\n");
    }
    dir.write("records/customers/upper.TOML", "name = \"Upper\"\nowner = \"zhang\"\nphone = \"1\"\n");
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 1, "{diagnostics:#?}");
    for id in ["con", "lpt1", "aux"] {
        let d = only_about(&diagnostics, &format!("customers/{id}.toml"));
        assert_eq!((d["code"].as_str(), d["severity"].as_str()), (Some("W008"), Some("warning")), "{d}");
    }
    let d = only_about(&diagnostics, "customers/upper.TOML");
    assert_eq!(d["code"], "W004");
    assert!(d["message"].as_str().unwrap_or_default().contains("lower-case `.toml`"), "{d}");
    assert_unknown_owner_still_reported(&diagnostics);
}

#[test]
fn a_team_toml_that_is_a_directory_is_not_also_missing() {
    let dir = TempDir::new("team-dir");
    fs::create_dir_all(dir.path().join("records/team.toml")).expect("mkdir");
    dir.write("records/customers/acme.toml", "name = \"Acme\"\nowner = \"zhang\"\nphone = \"1\"\n");
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 2, "{diagnostics:#?}");
    let d = only_about(&diagnostics, "team.toml");
    assert_eq!(d["code"], "E001", "a directory, not a missing file: {d}");
    assert!(diagnostics.iter().all(|d| !d["message"].as_str().unwrap_or_default().ends_with("the team is ")));

    fs::remove_dir(dir.path().join("records/team.toml")).expect("rmdir");
    dir.write("records/team.toml", "# nobody yet\n");
    let (_, diagnostics) = check_json(&dir);
    let d = only_about(&diagnostics, "customers/acme.toml");
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .ends_with("team.toml has no valid [[member]]: add one (id, name) per person"),
        "{d}"
    );
}

#[test]
fn a_records_path_that_is_a_file_and_negative_days_are_usage_errors() {
    let dir = tree_with_one_error("records-file");
    dir.write("afile", "x");
    for command in ["check", "build", "export", "due", "log", "new"] {
        let mut args = vec![command, "--records", "afile"];
        match command {
            "export" => args.extend(["--format", "json"]),
            "log" => args.extend(["acme", "--kind", "call", "--summary", "x"]),
            "new" => args.extend(["beta", "--name", "B", "--owner", "zhang"]),
            _ => {}
        }
        let output = run_in(dir.path(), &args);
        assert_eq!(exit_code(&output), 2, "{command}");
        assert!(stderr(&output).contains("--records afile is not a directory"), "{command}: {}", stderr(&output));
    }
    for days in ["--days=-3", "--days=-1"] {
        let output = run_in(dir.path(), &["due", "--records", "records", "--today", TODAY, days]);
        assert_eq!(exit_code(&output), 2, "{days}: {}", stderr(&output));
        assert!(stderr(&output).contains("is not in 0.."), "{}", stderr(&output));
    }
}
