use super::*;
use crate::i18n::Language;
use crate::records::reader::{Ctx, Table};
use crate::records::settings::{Settings, read_settings};

fn read(text: &str) -> (Settings, Vec<crate::diagnostics::Diagnostic>) {
    let parsed = crate::records::tree::parse(text).expect("valid TOML");
    let mut cx = Ctx::new("cardfile.toml");
    let settings = read_settings(&mut cx, &Table::new(&parsed, 0..0, "the settings"));
    (settings, cx.diagnostics)
}

#[test]
fn the_settings_file_is_valid_and_holds_the_defaults() {
    for (language, expected) in [("en", Language::En), ("zh-CN", Language::ZhCn)] {
        let text = settings_file(language);
        let (settings, diagnostics) = read(&text);
        assert!(diagnostics.is_empty(), "{language}: {diagnostics:?}");
        assert_eq!(settings, Settings { language: expected, ..Settings::default() });
    }
}

#[test]
fn the_settings_file_names_every_setting() {
    let text = settings_file("en");
    for key in crate::schema::settings().keys {
        assert!(text.contains(&format!("{} =", key.name)) || text.contains(&format!("[{}]", key.name)), "{}", key.name);
    }
    let holiday = text.lines().filter(|l| l.starts_with("# [[holiday]]")).count();
    assert_eq!(holiday, 1);
}

#[test]
fn the_repository_has_its_files() {
    let files = repository("en", chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date"), true);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for want in [
        "records/cardfile.toml",
        "records/team.toml",
        "records/customers/example.toml",
        ".gitignore",
        ".gitattributes",
        "README.md",
        ".github/workflows/cardfile.yml",
        ".gitlab-ci.yml",
        ".githooks/pre-commit",
        ".taplo.toml",
        ".cardfile/schema/customer.json",
        "records/templates/base.html",
        "records/templates/style.css",
    ] {
        assert!(paths.contains(&want), "{want} missing");
    }
    assert!(files.iter().any(|f| f.executable && f.path == ".githooks/pre-commit"));
}

#[test]
fn the_hook_shows_how_to_register_the_merge_driver() {
    let hook = repository("en", chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date"), false)
        .into_iter()
        .find(|f| f.path == ".githooks/pre-commit")
        .expect("hook");
    for line in driver_lines() {
        assert!(hook.text.contains(&format!("#   {line}\n")), "{line}");
    }
}
