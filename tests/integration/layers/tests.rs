//! The checker on small made-up crates: it must see a cycle, an upward import, a grouped
//! `use` and an inline path, and not be fooled by comments, strings or inline modules.

use super::graph::{Exception, Rules, problems};
use super::paths::{code_only, module_of, paths};

const LAYERS: &[(&str, u32)] = &[("low", 0), ("mid", 1), ("high", 2)];

fn crate_of(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files.iter().map(|(f, t)| (f.to_string(), t.to_string())).collect()
}

fn check(files: &[(&str, &str)]) -> Vec<String> {
    problems(&crate_of(files), &Rules { layers: LAYERS, exceptions: &[] })
}

fn segments(module: &str, text: &str) -> Vec<String> {
    let module: Vec<String> = module.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect();
    paths(&module, text).into_iter().map(|p| p.segments.join("::")).collect()
}

#[test]
fn files_are_modules() {
    assert_eq!(module_of("records/load.rs"), ["records", "load"]);
    assert_eq!(module_of("records/mod.rs"), ["records"]);
    assert_eq!(module_of("lib.rs"), Vec::<String>::new());
    assert_eq!(module_of("project.rs"), ["project"]);
}

#[test]
fn grouped_uses_give_every_path() {
    let found = segments("high", "use crate::{low::a, mid::{b::C, d as e}, low::{self}};\nuse crate::mid::*;");
    assert_eq!(found, ["low::a", "mid::b::C", "mid::d", "low", "mid"]);
    let found = segments("high", "use crate::mid::{\n    x::{Y, Z},\n    w,\n};");
    assert_eq!(found, ["mid::x::Y", "mid::x::Z", "mid::w"]);
}

#[test]
fn inline_paths_count_and_comments_and_strings_do_not() {
    let text = "impl crate::low::reader::Choice for X {}\n\
                fn f() { let d = crate::mid::format::date(x); }\n\
                /// See [`crate::high::nothing`].\n\
                // crate::high::nothing\n\
                /* crate::high::nothing /* nested */ crate::high::nothing */\n\
                const S: &str = \"crate::high::nothing\";\n\
                const R: &str = r#\"crate::high::\"nothing\"#;\n\
                const Q: char = '\"'; fn g<'a>(x: &'a str) { crate::low::q(x) }\n\
                pub(crate) fn h() {}\n";
    assert_eq!(segments("mid", text), ["low::reader::Choice", "mid::format::date", "low::q"]);
    assert_eq!(code_only("a // b\nc").lines().count(), 2, "lines are kept");
}

#[test]
fn super_is_the_parent_also_inside_inline_modules() {
    assert_eq!(segments("mid/a", "use super::b::C;\nuse super::super::low::D;"), ["mid::b::C", "low::D"]);
    let text = "mod tests {\n    use super::*;\n    use super::super::lock;\n}\nuse super::after;";
    assert_eq!(segments("edit/journal", text), ["edit::journal", "edit::lock", "edit::after"]);
}

#[test]
fn a_clean_crate_has_no_problems() {
    let files = [
        ("lib.rs", "pub mod low; pub mod mid; pub mod high;"),
        ("low.rs", "pub fn a() {}"),
        ("mid/mod.rs", "use crate::low::a;\nmod b;"),
        ("mid/b.rs", "use super::super::low;\nuse super::C;"),
        ("high.rs", "use crate::{low::a, mid::{self, C}};"),
    ];
    assert_eq!(check(&files), Vec::<String>::new());
}

#[test]
fn a_cycle_between_files_is_named_with_its_imports() {
    let files = [
        ("mid/mod.rs", "mod a; mod b;"),
        ("mid/a.rs", "use super::b::X;"),
        ("mid/b.rs", "fn f() { crate::mid::a::g() }"),
    ];
    assert_eq!(
        check(&files),
        ["import cycle between files mid/a.rs → mid/b.rs → mid/a.rs: mid/a.rs:1 uses crate::mid::b::X; \
          mid/b.rs:1 uses crate::mid::a::g"]
    );
}

#[test]
fn an_upward_import_and_the_module_cycle_it_makes_are_named() {
    let files = [("low.rs", "impl crate::high::T for X {}"), ("high.rs", "use crate::low::X;")];
    assert_eq!(
        check(&files),
        [
            "import cycle between files high.rs → low.rs → high.rs: high.rs:1 uses crate::low::X; \
             low.rs:1 uses crate::high::T",
            "import cycle between modules high → low → high: high.rs:1 uses crate::low::X; low.rs:1 uses crate::high::T",
            "upward import: low.rs:1 uses crate::high::T — `low` (layer 0) may use only lower layers, and `high` is layer 2",
        ]
    );
}

#[test]
fn a_module_of_the_same_layer_or_without_one_is_refused() {
    let layers = &[("a", 1), ("b", 1)];
    let files = crate_of(&[("a.rs", "use crate::b::X;"), ("b.rs", ""), ("c.rs", "use crate::a::Y;")]);
    let found = problems(&files, &Rules { layers, exceptions: &[] });
    assert_eq!(
        found,
        [
            "upward import: a.rs:1 uses crate::b::X — `a` (layer 1) may use only lower layers, and `b` is layer 1",
            "the top-level module `c` has no layer: add it to the table in tests/integration/layers.rs",
        ]
    );
}

#[test]
fn an_exception_allows_one_import_and_must_still_be_needed() {
    let files = crate_of(&[("low.rs", "use crate::high::Language;"), ("high.rs", "")]);
    let exceptions = &[
        Exception { file: "low.rs", path: "high::Language", why: "moves down" },
        Exception { file: "low.rs", path: "high::Gone", why: "already moved" },
    ];
    let found = problems(&files, &Rules { layers: LAYERS, exceptions });
    assert_eq!(
        found,
        ["the exception for low.rs using high::Gone is no longer needed (already moved): remove it from the table"]
    );
}
