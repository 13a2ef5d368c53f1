//! `cardfile completions SHELL` and `cardfile man`: a script for every shell, which bash parses,
//! loads and completes with; manual pages that `man -l` (or groff) renders without a warning.

use std::process::Command;

use crate::{TempDir, cannot_run, exit_code, run, stderr, stdout};

#[test]
fn every_shell_gets_a_completion_script_and_bash_completes_with_it() {
    let tmp = TempDir::new("completions");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = run(&["completions", shell]);
        assert_eq!(exit_code(&output), 0, "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        assert!(script.contains("cardfile") && script.contains("git-setup"), "{shell}:\n{script}");
        tmp.write(&format!("cardfile.{shell}"), &script);
    }
    let script = tmp.path().join("cardfile.bash");
    let syntax = Command::new("bash").arg("-n").arg(&script).output().unwrap_or_else(|e| panic!("bash: {e}"));
    assert!(syntax.status.success(), "bash -n: {}", stderr(&syntax));
    // Loaded, it registers itself, and `cardfile ch<TAB>` offers `check`.
    let session = r#"source "$1" && complete -p cardfile && COMP_WORDS=(cardfile ch) COMP_CWORD=1 \
        COMP_LINE="cardfile ch" COMP_POINT=11 && _cardfile cardfile ch cardfile && printf '%s\n' "${COMPREPLY[@]}""#;
    let loaded =
        Command::new("bash").args(["-c", session, "bash"]).arg(&script).output().unwrap_or_else(|e| panic!("{e}"));
    let text = stdout(&loaded);
    assert!(loaded.status.success(), "{text}{}", stderr(&loaded));
    assert!(text.contains("-F _cardfile cardfile"), "complete -p: {text}");
    assert!(text.lines().any(|l| l == "check"), "completions of `cardfile ch`: {text}");
}

/// Renders a manual page: `man -l` (its pager `cat`), else groff; `None` with neither.
fn render(page: &std::path::Path) -> Option<(bool, String, String)> {
    let man = Command::new("man").arg("-l").arg(page).env("MANPAGER", "cat").env("MANWIDTH", "100").output();
    let output = match man {
        Ok(output) => output,
        Err(_) => Command::new("groff").args(["-man", "-Tutf8", "-ww"]).arg(page).output().ok()?,
    };
    Some((output.status.success(), stdout(&output), stderr(&output)))
}

#[test]
fn the_manual_pages_render() {
    let output = run(&["man"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let tmp = TempDir::new("man");
    let page = tmp.write("cardfile.1", &stdout(&output));
    let Some((ok, text, warnings)) = render(&page) else {
        cannot_run("neither man nor groff is installed, so the manual page was not rendered");
        return;
    };
    assert!(ok && warnings.is_empty(), "{warnings}");
    for want in ["NAME", "SYNOPSIS", "cardfile-check(1)", "cardfile-completions(1)", env!("CARGO_PKG_VERSION")] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    let pages = tmp.path().join("pages");
    let out = run(&["man", "--out", pages.to_str().unwrap_or_default()]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let (ok, text, warnings) = render(&pages.join("cardfile-check.1")).unwrap_or_default();
    assert!(ok && warnings.is_empty(), "{warnings}");
    assert!(text.contains("--deny-warnings") && text.contains("sarif"), "{text}");
    let count = std::fs::read_dir(&pages).map(|d| d.count()).unwrap_or(0);
    assert!(count >= 16, "a page for cardfile and each subcommand: {count}");
}
