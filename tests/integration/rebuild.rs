//! `cardfile build` over the site it built before: files whose bytes did not change are the
//! old files, and a customer's page made from the same data is taken from the old site
//! instead of being rendered again (`.cardfile-pages`).

use std::fs::{self, File};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::build::{build, demo_copy, tree};
use crate::{TempDir, exit_code};

#[test]
fn a_rebuild_keeps_unchanged_files_and_rewrites_changed_ones() {
    let tmp = TempDir::new("build-incremental");
    let (records, out) = demo_copy(&tmp);
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    let inode = |rel: &str| fs::metadata(out.join(rel)).unwrap().ino();
    let (same_before, changed_before) =
        (inode("customers/lingnan-mould.html"), inode("customers/huadong-auto-parts.html"));
    let file = records.join("customers/east/wuxi/huadong-auto-parts.toml");
    let text = fs::read_to_string(&file).expect("the demo customer file");
    fs::write(&file, text.replacen("name = \"华东汽车零部件股份有限公司\"", "name = \"华东汽车零部件集团\"", 1))
        .unwrap();
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    assert_eq!(inode("customers/lingnan-mould.html"), same_before, "an unchanged page was written again");
    assert_ne!(inode("customers/huadong-auto-parts.html"), changed_before, "a changed page was not rewritten");
    assert!(fs::read_to_string(out.join("customers/huadong-auto-parts.html")).unwrap().contains("华东汽车零部件集团"));
}

/// The record file of the customer `id` under `records`.
fn record(records: &Path, id: &str) -> PathBuf {
    let rel = tree(records).into_keys().find(|rel| rel.ends_with(&format!("/{id}.toml"))).expect("the customer");
    records.join(rel)
}

/// Changes the page at `page` by hand without changing its length; with `same_stamp`, its
/// modification time is set back to what it was.
fn tamper(page: &Path, same_stamp: bool) {
    let stamp = fs::metadata(page).unwrap().modified().unwrap();
    let html = fs::read_to_string(page).unwrap();
    fs::write(page, html.replacen("<html", "<HTML", 1)).unwrap();
    if same_stamp {
        File::options().write(true).open(page).unwrap().set_modified(stamp).unwrap();
    }
}

fn tampered(page: &Path) -> bool {
    fs::read_to_string(page).unwrap().contains("<HTML")
}

#[test]
fn a_page_made_from_the_same_data_is_taken_from_the_old_site_and_not_rendered_again() {
    let tmp = TempDir::new("rebuild-taken");
    let (records, out) = demo_copy(&tmp);
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    let page = out.join("customers/lingnan-mould.html");

    // Changed by hand with its stamp kept: only a page that is not rendered stays so.
    tamper(&page, true);
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    assert!(tampered(&page), "the page made from the same data was rendered again");

    let file = record(&records, "lingnan-mould");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("name = \"", "name = \"New ", 1)).unwrap();
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    assert!(!tampered(&page), "the page of a changed record was taken from the old site");
    assert!(fs::read_to_string(&page).unwrap().contains("New "));

    tamper(&page, false);
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    assert!(!tampered(&page), "a page changed by hand after the build was taken from the old site");

    tamper(&page, true);
    let list = out.join(".cardfile-pages");
    let listed = fs::read_to_string(&list).unwrap();
    fs::write(&list, listed.replacen("cardfile pages 1 ", "cardfile pages 1 0", 1)).unwrap();
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    assert!(!tampered(&page), "a page listed by another program was taken from the old site");
}

#[test]
fn a_build_over_an_old_site_is_the_fresh_build_of_the_same_records() {
    let tmp = TempDir::new("rebuild-fresh");
    let (records, out) = demo_copy(&tmp);
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    let fresh = tmp.path().join("fresh");
    let edits = [
        // Referred by hengtong-machinery and referring zhou-jianguo: their pages show its name.
        (record(&records, "wujiang-precision"), "name = \"", "name = \"New "),
        (records.join("cardfile.toml"), "company = \"", "company = \"Renamed "),
        // A new customer, first of all in the files' order.
        (records.join("customers/aaa-first.toml"), "", "name = \"AAA\"\nowner = \"chen\"\nsince = 2025-01-01\n"),
    ];
    for (path, from, to) in edits {
        let text = fs::read_to_string(&path).unwrap_or_default();
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        assert_eq!(exit_code(&build(&records, &out, &[])), 0);
        let _ = fs::remove_dir_all(&fresh);
        assert_eq!(exit_code(&build(&records, &fresh, &[])), 0);
        let (over, new) = (tree(&out), tree(&fresh));
        assert_eq!(over.keys().collect::<Vec<_>>(), new.keys().collect::<Vec<_>>());
        let differing: Vec<&String> =
            over.iter().filter(|(rel, bytes)| new.get(*rel) != Some(*bytes)).map(|(rel, _)| rel).collect();
        assert!(
            differing.is_empty(),
            "after editing {}, these files differ from a fresh build: {differing:?}",
            path.display()
        );
    }
}
