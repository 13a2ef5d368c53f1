//! The crate as `cargo package` would publish it, and `cardfile --version`.

use std::path::Path;
use std::process::Command;

use crate::{run, stderr, stdout};

#[test]
fn the_package_holds_the_source_and_templates_and_no_tests_or_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    // --allow-dirty: the list is the same for a work tree with changes not yet committed.
    let output = Command::new(cargo)
        .args(["package", "--locked", "--list", "--allow-dirty"])
        .current_dir(root)
        .output()
        .unwrap_or_else(|e| panic!("cargo package: {e}"));
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = stdout(&output);
    let files: Vec<&str> = listed.lines().collect();
    for want in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "build.rs",
        "src/main.rs",
        "src/lib.rs",
    ] {
        assert!(files.contains(&want), "{want} is missing:\n{listed}");
    }
    let templates = root.join("templates");
    for entry in walkdir::WalkDir::new(&templates).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        assert!(files.contains(&rel.as_str()), "the embedded template {rel} is missing:\n{listed}");
    }
    for file in &files {
        let top = file.split('/').next().unwrap_or_default();
        assert!(
            !["tests", "records", "docs", "benches", "scripts", "examples", ".ci", "target"].contains(&top),
            "{file} does not belong in the crate"
        );
    }
}

#[test]
fn the_version_names_the_commit_it_was_built_from() {
    let output = run(&["--version"]);
    let text = stdout(&output);
    let prefix = format!("cardfile {}", env!("CARGO_PKG_VERSION"));
    let rest = text.trim_end().strip_prefix(&prefix).unwrap_or_else(|| panic!("{text}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let git = |args: &[&str]| {
        let out = Command::new("git").arg("-C").arg(root).args(args).output().ok()?;
        out.status.success().then(|| stdout(&out).trim().to_string())
    };
    let top = git(&["rev-parse", "--show-toplevel"]).and_then(|t| std::fs::canonicalize(t).ok());
    match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(head) if top.as_deref() == std::fs::canonicalize(root).ok().as_deref() => {
            assert_eq!(rest, format!(" (commit {head})"), "{text}");
        }
        // Built outside a git work tree: the version alone, or the commit a packager gave.
        _ => assert!(rest.is_empty() || rest.starts_with(" (commit "), "{text}"),
    }
}
