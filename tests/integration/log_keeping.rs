//! `log` for SPEC 12's keys: promises made and kept, orders promised and delivered, complaints
//! answered. Each changes one line or appends one entry, keeps comments, and writes nothing
//! when the number, ref or date is wrong.

use std::fs;

use super::{TODAY, TempDir, exit_code, run_in, stderr};

const TEAM: &str = "[[member]]\nid = \"alex\"\nname = \"Alex\"\n\n[[member]]\nid = \"sam\"\nname = \"Sam\"\n";
const ACME: &str = "name = \"Acme\"   # kept\nowner = \"alex\"\nphone = \"1\"\n\n\
[[order]]   # the first one\ndate = 2026-11-01\namount = 900\nref = \"SO-1\"\npromised = 2026-11-10 # by road\n\n\
[[complaint]]\nopened = 2026-11-02\nsummary = \"Wrong size\"\nseverity = \"high\" # angry\n";

/// A records tree with members `alex` and `sam` and customer `acme`.
fn records(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("records/team.toml", TEAM);
    dir.write("records/customers/acme.toml", ACME);
    dir
}

fn acme(dir: &TempDir) -> String {
    fs::read_to_string(dir.path().join("records/customers/acme.toml")).unwrap_or_default()
}

/// Runs `cardfile log acme ARGS --today TODAY` and expects `code`.
fn log(dir: &TempDir, args: &[&str], code: i32) -> String {
    let mut all = vec!["log", "acme"];
    all.extend(args);
    all.extend(["--today", TODAY]);
    let out = run_in(dir.path(), &all);
    assert_eq!(exit_code(&out), code, "{args:?}: {}", stderr(&out));
    stderr(&out)
}

fn checks(dir: &TempDir) {
    let out = run_in(dir.path(), &["check", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_promise_is_appended_then_kept_in_place() {
    let dir = records("keeping-promise");
    let said = log(
        &dir,
        &["--promise", "Send 20 inserts for testing", "--promise-due", "2026-12-05", "--date", "2026-11-20"],
        0,
    );
    assert!(said.contains("logged a promise due 2026-12-05"), "{said}");
    log(&dir, &["--promise", "送检报告\n**两份**", "--promise-due", "2026-11-30", "--by", "sam"], 0);
    let made = acme(&dir);
    assert_eq!(
        &made[ACME.len()..],
        "\n[[promise]]\nmade = 2026-11-20\ndue = 2026-12-05\nwhat = \"Send 20 inserts for testing\"\n\
         \n[[promise]]\nmade = 2026-11-25\ndue = 2026-11-30\nwhat = \"\"\"\n送检报告\n**两份**\"\"\"\nby = \"sam\"\n"
    );
    checks(&dir);
    let said = log(&dir, &["--kept", "1", "--date", "2026-11-24"], 0);
    assert!(said.contains("marked promise 1 kept on 2026-11-24"), "{said}");
    let kept = acme(&dir);
    assert_eq!(
        kept,
        made.replace(
            "what = \"Send 20 inserts for testing\"\n",
            "what = \"Send 20 inserts for testing\"\nkept = 2026-11-24\n"
        )
    );
    // The numbers stay: promise 2 is still 2 once 1 is kept.
    log(&dir, &["--kept", "2"], 0);
    assert_eq!(acme(&dir), format!("{kept}kept = 2026-11-25\n"));
    checks(&dir);
}

#[test]
fn an_order_is_delivered_and_a_complaint_answered_keeping_comments() {
    let dir = records("keeping-delivered");
    let said = log(&dir, &["--delivered", "SO-1", "--date", "2026-11-12"], 0);
    assert!(said.contains("marked order SO-1 delivered on 2026-11-12"), "{said}");
    let delivered =
        ACME.replace("promised = 2026-11-10 # by road\n", "promised = 2026-11-10 # by road\ndelivered = 2026-11-12\n");
    assert_eq!(acme(&dir), delivered);
    let said = log(&dir, &["--responded", "1", "--date", "2026-11-03"], 0);
    assert!(said.contains("marked complaint 1 answered on 2026-11-03"), "{said}");
    assert_eq!(acme(&dir), format!("{delivered}responded = 2026-11-03\n"));
    checks(&dir);
    // An order logged with its promised delivery date.
    let before = acme(&dir);
    log(&dir, &["--order", "1200", "--ref", "SO-2", "--promised", "2026-12-10"], 0);
    assert_eq!(
        &acme(&dir)[before.len()..],
        "\n[[order]]\ndate = 2026-11-25\namount = 1200\nref = \"SO-2\"\npromised = 2026-12-10\n"
    );
    checks(&dir);
}

#[test]
fn a_wrong_number_ref_or_date_changes_nothing_and_says_what_could_be_meant() {
    let dir = records("keeping-refuse");
    log(&dir, &["--promise", "Call back", "--promise-due", "2026-11-28", "--date", "2026-11-20"], 0);
    log(&dir, &["--promise", "Samples", "--promise-due", "2026-12-01", "--date", "2026-11-21"], 0);
    log(&dir, &["--kept", "1", "--date", "2026-11-22"], 0);
    log(&dir, &["--order", "50", "--ref", "SO-2", "--date", "2026-11-20", "--promised", "2026-11-30"], 0);
    log(&dir, &["--delivered", "SO-1", "--date", "2026-11-12"], 0);
    log(&dir, &["--responded", "1", "--date", "2026-11-03"], 0);
    let before = acme(&dir);
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["--kept", "3"],
            2,
            "there is no promise 3: the file has 2 (number them from 1, in file order); the open ones are: 2 (due 2026-12-01: Samples)",
        ),
        (&["--kept", "0"], 2, "there is no promise 0"),
        (
            &["--kept", "1"],
            2,
            "promise 1 was kept on 2026-11-22 already; the open ones are: 2 (due 2026-12-01: Samples)",
        ),
        (&["--kept", "2", "--date", "2026-11-01"], 1, "E018"),
        (&["--delivered", "SO-9"], 2, "no [[order]] has ref \"SO-9\" (not delivered yet: SO-2 (promised 2026-11-30))"),
        (&["--delivered", "SO-1"], 2, "order SO-1 was delivered on 2026-11-12 already (not delivered yet: SO-2"),
        (&["--delivered", "SO-2", "--date", "2026-11-19"], 1, "E018"),
        (
            &["--responded", "2"],
            2,
            "there is no complaint 2: the file has 1 (number them from 1, in file order); every complaint is answered",
        ),
        (&["--responded", "1"], 2, "complaint 1 was answered on 2026-11-03 already"),
        (&["--promise", "Late", "--promise-due", "2026-11-01", "--date", "2026-11-20"], 1, "E018"),
        (&["--promise", "Someone", "--promise-due", "2026-12-01", "--by", "nobody"], 1, "E017"),
        (&["--promise", "No day"], 2, "--promise-due"),
        (&["--promise-due", "2026-12-01"], 2, "--promise"),
        (&["--promise", "Bad day", "--promise-due", "2026-12-32"], 2, "2026-12-32"),
        (&["--kept", "2", "--date", "2026-02-30"], 2, "2026-02-30"),
        (&["--promised", "2026-12-01"], 2, "--order"),
    ];
    for (args, code, text) in cases {
        let said = log(&dir, args, *code);
        assert!(said.contains(text), "{args:?}: expected {text} in {said}");
        assert_eq!(acme(&dir), before, "{args:?} changed the file");
    }
    let fresh = records("keeping-refuse-complaint");
    let said = log(&fresh, &["--responded", "1", "--date", "2026-11-01"], 1);
    assert!(said.contains("E018") && said.contains("acme.toml was not changed"), "{said}");
    assert_eq!(acme(&fresh), ACME);
    let said = log(&fresh, &["--responded", "3"], 2);
    assert!(said.contains("not answered yet: 1 (opened 2026-11-02: Wrong size)"), "{said}");
}
