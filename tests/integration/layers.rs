//! The layers of `src/` (docs/architecture.md): every `crate::…` and `super::…` path of every
//! file, `use` lines and inline paths alike, resolved to the file it names; then no cycle
//! between files, none between top-level modules, and no top-level module using a module of
//! its own layer or a higher one.

mod graph;
mod paths;

mod tests;

use std::fs;
use std::path::Path;

use graph::{Exception, Rules, problems};

/// Each top-level module of `src/` and its layer, bottom to top: a module may use only
/// modules of lower layers (and itself). The same table is in docs/architecture.md.
const LAYERS: &[(&str, u32)] = &[
    // Leaves: they use nothing of the crate.
    ("terminal", 0),
    ("fault", 0),
    ("i18n", 0),
    ("lock", 0),
    // Diagnostics and formatting of values.
    ("diagnostics", 1),
    ("format", 1),
    // The records: TOML reader, settings, model, loader, validation.
    ("records", 2),
    ("history", 3),
    ("analysis", 4),
    ("render", 5),
    ("write", 6),
    ("progress", 6),
    // What changes or explains records, each on its own.
    ("edit", 7),
    ("merge", 7),
    ("review", 7),
    ("schema", 7),
    ("import", 8),
    ("scaffold", 8),
    // The driver, the preview server and the language server, the command line.
    ("project", 9),
    ("serve", 10),
    ("lsp", 10),
    ("cli", 11),
];

/// Imports that break the layers today, each to be removed by a change under way. The test
/// fails when one of them is gone, so that this table never allows more than it must.
const EXCEPTIONS: &[Exception] = &[];

/// Every `.rs` file under `src/`: its path relative to `src/` (with `/`) and its text.
fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: Vec<(String, String)> = super::walk(&src)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && p.is_file())
        .map(|p| {
            let rel = p.strip_prefix(&src).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            let text = fs::read_to_string(&p).unwrap_or_else(|err| panic!("cannot read {}: {err}", p.display()));
            (rel, text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_layers_of_src_hold() {
    let sources = sources();
    assert!(sources.len() > 50, "found only {} files under src/", sources.len());
    let found = problems(&sources, &Rules { layers: LAYERS, exceptions: EXCEPTIONS });
    assert!(found.is_empty(), "the import structure of src/ is broken:\n  {}", found.join("\n  "));
}

#[test]
fn docs_architecture_md_shows_the_same_layers() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md");
    let text = fs::read_to_string(&path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    // Rows like "| 5 | `render` | …".
    let mut shown: Vec<(String, u32)> = text
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let layer = cells.get(1)?.parse().ok()?;
            Some((cells.get(2)?.trim_matches('`').to_string(), layer))
        })
        .collect();
    let mut table: Vec<(String, u32)> = LAYERS.iter().map(|(m, l)| (m.to_string(), *l)).collect();
    shown.sort();
    table.sort();
    assert_eq!(shown, table, "the layer table of docs/architecture.md differs from LAYERS in this test");
}
