//! Large and pathological inputs, generated at test time (nothing big is committed): a 10 MB
//! customer file, 100,000 orders in one file, 10,000-deep nested arrays, inline tables and
//! dotted keys, and a 1 MB line. `check` must answer with a result or a diagnostic: no panic,
//! no stack overflow, no hang. The time limit is a hang detector, not a performance test.

use std::fmt::Write as _;
use std::fs::File;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{TODAY, TempDir};

/// How long one command may take before it counts as hung (a debug build on a slow machine).
const HANG: Duration = Duration::from_secs(60);

/// What a watched command did.
struct Watched {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A records tree with one member, `zhang`, and the customer file `customers/<id>.toml`.
fn records(name: &str, id: &str, customer: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("records/team.toml", "[[member]]\nid = \"zhang\"\nname = \"张伟\"\n");
    dir.write(&format!("records/customers/{id}.toml"), customer);
    dir
}

/// Runs the binary with `args` in `dir`, output to files, and fails the test when it has not
/// finished within [`HANG`] (it is killed first) or died of a signal (a stack overflow aborts).
fn watched(dir: &Path, args: &[&str]) -> Watched {
    let (out, err) = (dir.join("stdout.txt"), dir.join("stderr.txt"));
    let create = |p: &Path| File::create(p).unwrap_or_else(|e| panic!("cannot create {}: {e}", p.display()));
    let mut child = crate::cardfile()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(create(&out))
        .stderr(create(&err))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run cardfile {args:?}: {e}"));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > HANG => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("cardfile {args:?} hung: still running after {HANG:?}");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("cannot wait for cardfile {args:?}: {e}"),
        }
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    let watched = Watched { code: status.code().unwrap_or(-1), stdout: read(&out), stderr: read(&err) };
    let tail: String = watched.stderr.chars().rev().take(2000).collect::<Vec<_>>().into_iter().rev().collect();
    assert!(
        matches!(watched.code, 0 | 1) && !watched.stderr.contains("panicked") && !watched.stderr.contains("overflow"),
        "cardfile {args:?} crashed (exit code {}), stderr ends:\n{tail}",
        watched.code
    );
    watched
}

/// Runs `check` on the tree in `dir`.
fn check(dir: &TempDir) -> Watched {
    watched(dir.path(), &["check", "--records", "records", "--today", TODAY])
}

const HEAD: &str = "name = \"Big\"\nowner = \"zhang\"\nphone = \"1\"\n";

/// A paragraph of Markdown with every construct the renderer knows, about 1.2 kB.
fn long_markdown(i: usize) -> String {
    let mut md = String::new();
    for j in 0..6 {
        let _ = write!(
            md,
            "## Visit {i}.{j}\n\nTalked about **the order** and _the delivery_, see [the quote](https://example.com/{i}) \
             and `SO-{i}`.\n\n- one\n- two <b>raw</b>\n\n| a | b |\n|---|---|\n| {i} | {j} |\n\n"
        );
    }
    md
}

#[test]
fn a_ten_megabyte_customer_file_is_checked_and_built() {
    let mut text = HEAD.to_string();
    let mut i = 0;
    while text.len() < 10_000_000 {
        let _ = write!(
            text,
            "\n[[interaction]]\ndate = 2026-{:02}-{:02}\nkind = \"visit\"\nsummary = \"\"\"\n{}\"\"\"\n",
            i % 10 + 1,
            i % 28 + 1,
            long_markdown(i)
        );
        i += 1;
    }
    let dir = records("large-10mb", "big", &text);
    let checked = check(&dir);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    let built = watched(dir.path(), &["build", "--records", "records", "--out", "site", "--today", TODAY]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let page = std::fs::read_to_string(dir.path().join("site/customers/big.html")).unwrap_or_default();
    assert!(page.contains("Visit 0.0") && !page.contains("<b>raw</b>"), "the page lacks the interactions or is unsafe");
}

#[test]
fn a_hundred_thousand_orders_are_checked_and_exported() {
    let mut text = HEAD.to_string();
    for i in 0..100_000 {
        let _ = write!(
            text,
            "\n[[order]]\ndate = 2026-{:02}-{:02}\namount = {}\nref = \"SO-{i}\"\ndue = 2026-12-01\n",
            i % 10 + 1,
            i % 28 + 1,
            i % 1000 + 1
        );
    }
    // One duplicate at the very end: the duplicate-ref rule must still find it (in linear time).
    let duplicate = "\n[[order]]\ndate = 2026-01-01\namount = 1\nref = \"SO-7\"\n";
    let dir = records("large-orders", "big", &format!("{text}{duplicate}"));
    let checked = check(&dir);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(checked.stderr.contains("order ref \"SO-7\" is used twice"), "{}", checked.stderr);
    assert!(checked.stderr.contains("1 error, 0 warnings"), "{}", &checked.stderr[checked.stderr.len() - 300..]);

    let dir = records("large-orders-export", "big", &text);
    let exported = watched(dir.path(), &["export", "--format", "csv", "--records", "records", "--today", TODAY]);
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    assert!(exported.stdout.lines().nth(1).is_some_and(|row| row.starts_with("big,Big,")), "{}", exported.stdout);
}

/// Nestings far deeper than any record needs. Each is either refused by the TOML parser with a
/// positioned syntax error, or parsed and then refused as an unknown key or a wrong type.
#[test]
fn ten_thousand_deep_nestings_are_diagnosed_not_overflowed() {
    let n = 10_000;
    let arrays = format!("x = {}{}\n", "[".repeat(n), "]".repeat(n));
    let tags = format!("tags = {}\"a\"{}\n", "[".repeat(n), "]".repeat(n));
    let inline = format!("x = {}1{}\n", "{a = ".repeat(n), "}".repeat(n));
    let dotted = format!("{} = 1\n", vec!["x"; n].join("."));
    let header = format!("[{}]\ny = 1\n", vec!["x"; n].join("."));
    let array_tables = format!("[[{}]]\ny = 1\n", vec!["order"; n].join("."));
    let unclosed = format!("x = {}\n", "[".repeat(n));
    for (what, body) in [
        ("arrays", arrays),
        ("a tags array", tags),
        ("inline tables", inline),
        ("dotted keys", dotted),
        ("a table header", header),
        ("an array-of-tables header", array_tables),
        ("unclosed arrays", unclosed),
    ] {
        let dir = records("large-deep", "deep", &format!("{HEAD}{body}"));
        let checked = check(&dir);
        assert_eq!(checked.code, 1, "{what}: expected an error, got:\n{}", checked.stderr);
        assert!(checked.stderr.contains("customers/deep.toml:"), "{what}: the error has no position:\n{}", {
            checked.stderr.chars().take(2000).collect::<String>()
        });
    }
}

#[test]
fn a_one_megabyte_line_is_checked_and_built() {
    let value = "word ".repeat(200_000);
    let dir = records("large-line", "long", &format!("{HEAD}notes = \"{value}\"\n"));
    let checked = check(&dir);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    let built = watched(dir.path(), &["build", "--records", "records", "--out", "site", "--today", TODAY]);
    assert_eq!(built.code, 0, "{}", built.stderr);

    // The same line with an error at its end: the diagnostic points at the right column.
    let dir = records("large-line-error", "long", &format!("{HEAD}notes = \"{value}\" x\n"));
    let checked = check(&dir);
    assert_eq!(checked.code, 1, "{}", checked.stderr.chars().take(500).collect::<String>());
    assert!(checked.stderr.contains("customers/long.toml:4:"), "no position on line 4");
}
