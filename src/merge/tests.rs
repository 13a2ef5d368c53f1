use super::*;

fn clean(base: &str, ours: &str, theirs: &str) -> String {
    let merged = merge(base, ours, theirs, None);
    assert_eq!(merged.conflicts, 0, "{}", merged.text);
    assert!(!merged.line_based);
    merged.text
}

const BASE: &str = r#"# Acme
name = "Acme"
owner = "zhang"
phone = "111" # office

[[interaction]]
date = 2026-10-01
kind = "visit"
summary = "first"

[[order]]
ref = "SO-1"
date = 2026-09-01
amount = 12000
due = 2026-10-01
"#;

#[test]
fn both_sides_add_interactions() {
    let ours = BASE.replace("summary = \"first\"\n", "summary = \"first\"\n\n[[interaction]]\ndate = 2026-10-02\nkind = \"call\"\nsummary = \"ours\"\n");
    let theirs = format!("{BASE}\n[[interaction]]\ndate = 2026-10-03\nkind = \"visit\"\nsummary = \"theirs\"\n");
    let text = clean(BASE, &ours, &theirs);
    let expected = BASE.replace(
        "summary = \"first\"\n",
        "summary = \"first\"\n\n[[interaction]]\ndate = 2026-10-02\nkind = \"call\"\nsummary = \"ours\"\n\n[[interaction]]\ndate = 2026-10-03\nkind = \"visit\"\nsummary = \"theirs\"\n",
    );
    assert_eq!(text, expected);
}
