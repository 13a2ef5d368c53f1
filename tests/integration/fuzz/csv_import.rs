//! CSV import on arbitrary bytes (the table reader) and on grammar-built spreadsheets of every
//! kind (the whole plan: columns, rows, record edits, validation): no panic, sane positions.

use cardfile::diagnostics;
use cardfile::import::{self, Kind};
use cardfile::records;
use proptest::prelude::*;
use proptest::sample::select;

use super::{demo, empty_records, fuzz, today};

#[test]
fn csv_tables_read_arbitrary_bytes() {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..1024),
        prop::collection::vec(select(b"abc,;\t\"\n\r \xef\xbb\xbf\xff\xfe\x81\x30\xd6\xd0=".as_slice()), 0..1024),
    ];
    fuzz(1.0, bytes, |bytes| {
        let (table, problems) = import::table::read(&bytes);
        for (row, _) in &table.rows {
            prop_assert!(*row >= 2, "a data row numbered {row}");
        }
        for p in &problems {
            prop_assert!(p.row >= 1 && p.column >= 1, "a problem at {}:{}", p.row, p.column);
        }
        Ok(())
    });
}

/// A CSV file for `kind`: a header of its columns (English or Chinese names, some unknown or
/// repeated), then rows of odd cells.
fn grammar_csv(kind: Kind) -> impl Strategy<Value = Vec<u8>> {
    let mut headers: Vec<&'static str> =
        kind.fields().iter().flat_map(|f| [f.key].into_iter().chain(f.aliases.iter().copied())).collect();
    headers.extend(["", "unknown", "金额 ", "ID"]);
    #[rustfmt::skip]
    const CELLS: &[&str] = &[
        "", "acme", "new-co", "Bad Id", "a--", "zhang", "nobody", "2026-11-01", "2026/11/01", "2026-02-30",
        "11/1/2026", "2027-01-01", "1,234.50", "¥100", "-5", "1e9", "99999999999999999999999999999", "0", "3", "6",
        "visit", "拜访", "电话", "person", "company", "a;b;c", "\"quoted, \"\"cell\"\"\"", "\"multi\nline\"",
        "=HYPERLINK(\"x\")", "+1", "@SUM(1)", "<script>", "\u{202E}", "华东", "SO-1", "SO-1", " padded ",
        "\"1,50\"", "\"1,2,3\"", "\"1.234,56\"", "12,50", "1.250", "\"1,234,567.5\"", "￥ 1,200元", "", "\n",
    ];
    let delimiter = select(&[",", ";", "\t"][..]);
    let header = prop::collection::vec(select(headers), 1..8);
    // Most rows have as many cells as the header (the others are problems of their own).
    let row = (prop::collection::vec(select(CELLS), 0..9), prop::bool::weighted(0.8));
    let rows = prop::collection::vec(row, 0..6);
    (delimiter, header, rows, prop::bool::weighted(0.2)).prop_map(|(d, header, rows, gbk)| {
        let mut text = header.join(d);
        for (mut row, fit) in rows {
            if fit {
                row.resize(header.len(), "");
            }
            text.push_str(if row.len() % 3 == 0 { "\r\n\r\n" } else { "\r\n" });
            text.push_str(&row.join(d));
        }
        if gbk { encoding_rs::GB18030.encode(&text).0.into_owned() } else { text.into_bytes() }
    })
}

#[test]
fn csv_imports_plan_without_panics() {
    let dir = empty_records("fuzz-import");
    for rel in ["customers/east/changzhou-wujin-gear.toml", "customers/north/liu-guoqiang.toml"] {
        let text = std::fs::read_to_string(demo(rel)).unwrap_or_default();
        dir.write(&format!("records/{rel}"), &text);
    }
    let root = dir.path().join("records");
    let base = records::load(&root, today());
    assert!(base.diagnostics.iter().all(|d| d.severity() == diagnostics::Severity::Warning), "{:?}", base.diagnostics);
    let kinds = [Kind::Customers, Kind::Orders, Kind::Interactions, Kind::Payments];
    let strategy = (0..kinds.len()).prop_flat_map(move |k| (Just(kinds[k]), grammar_csv(kinds[k])));
    fuzz(0.5, strategy, |(kind, csv)| {
        let plan = import::plan(&root, &base, &csv, kind, &[], today(), import::Options::default());
        // Every problem is on a line of the file (blank lines and quoted line breaks counted).
        let lines = csv.iter().filter(|&&b| b == b'\n').count() + 1;
        for p in &plan.problems {
            prop_assert!(p.row >= 1 && p.column >= 1, "a problem at {}:{}: {}", p.row, p.column, p.message);
            prop_assert!(p.row <= lines, "a problem on line {} of {lines}: {}", p.row, p.message);
        }
        for rel in plan.files.keys() {
            prop_assert!(rel.starts_with("customers/") && rel.ends_with(".toml") && !rel.contains(".."), "{rel}");
        }
        Ok(())
    });
}
