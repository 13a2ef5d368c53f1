//! What cardfile prints for people never obeys record text: escape sequences (clear the
//! screen, set the title), carriage returns that forge a line, C1 controls and bidi overrides
//! are shown as `\u{…}` in `due`, `import`, `check` (messages and source snippets) and in
//! error messages; `--format json` and `github` stay valid.

use crate::{TODAY, TempDir, exit_code, fixture, run, run_in, stderr, stdout};

/// The name that once cleared the screen, set the title and forged a line of `due`.
const FORGERY: &str = "A\\u001b[2J\\u001b]0;x\\u0007\\r\\nFAKE\\u009b31m\\u202e";

/// Whether a printed text holds a character a terminal would obey: a C0 control but tab and
/// line feed, DEL, a C1 control, or a bidi override or isolate.
fn obeyed(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\t' && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

fn tree() -> TempDir {
    let dir = TempDir::new("terminal");
    dir.write("records/team.toml", "[[member]]\nid = \"alex\"\nname = \"Alex\"\n");
    dir.write(
        "records/customers/acme.toml",
        &format!(
            "name = \"{FORGERY}\"\nowner = \"alex\"\nphone = \"1\\u001b[31m\"\n\n[[interaction]]\ndate = 2026-01-01\n\
             kind = \"call\"\nsummary = \"x\"\n\n[[order]]\ndate = 2026-01-02\namount = 5\nref = \"R\\u001b]0;t\\u0007\"\n"
        ),
    );
    dir
}

fn assert_shown_not_obeyed(what: &str, text: &str) {
    assert!(obeyed(text).is_none(), "{what} printed {:?} raw:\n{text}", obeyed(text));
}

#[test]
fn due_shows_record_text_without_obeying_it() {
    let dir = tree();
    let output = run_in(dir.path(), &["due", "--records", "records", "--today", TODAY]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert_shown_not_obeyed("due", &text);
    assert!(text.contains("A\\u{1b}[2J\\u{1b}]0;x\\u{7}\\u{d}\\u{a}FAKE\\u{9b}31m\\u{202e}"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("FAKE")).count(), 0, "{text}");
}

#[test]
fn the_hostile_corpus_is_shown_safely_by_due() {
    let output = run(&["due", "--records", "tests/hostile/records", "--today", TODAY, "--days", "400"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("FAKE"), "the corpus lost its forged line:\n{text}");
    assert_shown_not_obeyed("due on the corpus", &text);
    let corpus = std::fs::read_to_string(fixture("hostile/records/customers/evil/evil-co.toml")).expect("corpus");
    assert!(corpus.contains("\\u001b[2J\\u001b]0;x\\u0007\\r\\nFAKE"), "the corpus lost its terminal forgery");
}

#[test]
fn check_shows_messages_and_snippets_without_obeying_them() {
    let dir = tree();
    // Raw control bytes on a line with a syntax error, and a bidi override in a file name.
    dir.write("records/customers/bad.toml", "name = \"x\u{1b}[2J\u{1b}]0;x\u{7} \u{202e}\"\nowner = \"alex\n");
    dir.write("records/customers/b\u{1b}[2Jad\u{202e}.toml", "name = \"y\"\nowner = \"alex\"\nphone = \"1\"\n");
    let output = run_in(dir.path(), &["check", "--records", "records", "--today", TODAY]);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    let text = stderr(&output);
    assert_shown_not_obeyed("check", &text);
    assert!(text.contains("name = \"x?[2J?]0;x? \u{FFFD}\""), "the snippet keeps its shape:\n{text}");
    assert!(text.contains("customers/bad.toml:1:10"), "{text}");
    assert!(text.contains("customers/b\\u{1b}[2Jad\\u{202e}.toml"), "{text}");

    let output = run_in(dir.path(), &["check", "--records", "records", "--today", TODAY, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert!(json.as_array().is_some_and(|a| !a.is_empty()));
    let output = run_in(dir.path(), &["check", "--records", "records", "--today", TODAY, "--format", "github"]);
    let text = stdout(&output);
    assert_shown_not_obeyed("check --format github", &text);
    assert!(text.lines().all(|l| l.starts_with("::") || l.ends_with(" files")), "one annotation a line:\n{text}");
}

#[test]
fn import_and_error_messages_show_record_text_without_obeying_it() {
    let dir = tree();
    dir.write("people.csv", "id,name,owner,phone\nzed,\"Z\u{1b}[2J\u{202e}\rFAKE\",alex,1\n\"y\u{1b}z\",Y,alex,2\n");
    let output =
        run_in(dir.path(), &["import", "people.csv", "--as", "customers", "--records", "records", "--today", TODAY]);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert_shown_not_obeyed("import", &text);
    assert!(text.contains("Z\\u{1b}[2J\\u{202e}\\u{d}FAKE"), "{text}");
    assert!(text.contains("`y\\u{1b}z` is not an id"), "{text}");

    // An error that quotes the refs of the file.
    let args = ["log", "acme", "--payment", "nope", "--paid", TODAY, "--records", "records", "--today", TODAY];
    let output = run_in(dir.path(), &args);
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    assert_shown_not_obeyed("log's error", &stderr(&output));
    assert!(stderr(&output).contains("R\\u{1b}]0;t\\u{7}"), "{}", stderr(&output));
}

#[test]
fn a_reader_that_stops_early_ends_cardfile_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = crate::cardfile()
        .args(["export", "--format", "json", "--records", "records", "--today", TODAY])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cardfile");
    drop(child.stdout.take());
    let mut errors = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut errors).expect("read stderr");
    child.wait().expect("wait");
    assert!(errors.is_empty(), "a closed pipe made cardfile complain:\n{errors}");
}
