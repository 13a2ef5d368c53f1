//! The list of made pages: what it takes from an old site and what it refuses.

use std::fs::{self, File};
use std::path::Path;
use std::time::Duration;

use super::*;

/// A site holding `page.html` (`bytes`) and `other.html`, listed as made for keys 7 and 8.
fn site(bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a scratch directory");
    fs::write(dir.path().join("page.html"), bytes).unwrap();
    fs::write(dir.path().join("other.html"), b"other").unwrap();
    let made = Made::default();
    made.add("page.html", 7, bytes.len() as u64);
    made.add("other.html", 8, 5);
    made.write(dir.path()).unwrap();
    dir
}

fn set_modified(path: &Path, time: SystemTime) {
    File::options().write(true).open(path).unwrap().set_modified(time).unwrap();
}

#[test]
fn a_page_is_taken_only_for_its_key_its_length_and_while_unmodified() {
    let dir = site(b"<p>page</p>");
    let (root, page) = (dir.path(), dir.path().join("page.html"));
    let made = Made::read(root);
    assert_eq!(made.kept("page.html", 7, &page), Some(11));
    assert_eq!(made.kept("page.html", 8, &page), None, "another key: made from other data");
    assert_eq!(made.kept("missing.html", 7, &root.join("missing.html")), None);

    fs::write(&page, b"<p>page, longer</p>").unwrap();
    let written = fs::metadata(root.join(PAGES)).unwrap().modified().unwrap();
    set_modified(&page, written);
    assert_eq!(Made::read(root).kept("page.html", 7, &page), None, "another length: changed by hand");

    fs::write(&page, b"<p>PAGE</p>").unwrap();
    set_modified(&page, written + Duration::from_secs(1));
    assert_eq!(Made::read(root).kept("page.html", 7, &page), None, "modified after the list: changed by hand");
    set_modified(&page, written);
    assert_eq!(Made::read(root).kept("page.html", 7, &page), Some(11), "as written then, by its stamp");
}

#[test]
fn a_link_is_never_taken_nor_a_list_read_through_one() {
    let dir = site(b"<p>page</p>");
    let root = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("secret.html");
    fs::write(&target, b"<p>other</p>").unwrap();
    let written = fs::metadata(root.join(PAGES)).unwrap().modified().unwrap();
    set_modified(&target, written - Duration::from_secs(5));
    fs::remove_file(root.join("page.html")).unwrap();
    std::os::unix::fs::symlink(&target, root.join("page.html")).unwrap();
    assert_eq!(Made::read(root).kept("page.html", 7, &root.join("page.html")), None);

    let linked = tempfile::tempdir().unwrap();
    fs::write(linked.path().join("page.html"), b"<p>page</p>").unwrap();
    std::os::unix::fs::symlink(root.join(PAGES), linked.path().join(PAGES)).unwrap();
    let page = linked.path().join("page.html");
    set_modified(&page, written - Duration::from_secs(5));
    assert_eq!(Made::read(linked.path()).kept("page.html", 7, &page), None, "the list is a link");
}

#[test]
fn another_programs_list_or_none_takes_nothing() {
    let dir = site(b"<p>page</p>");
    let (root, page) = (dir.path(), dir.path().join("page.html"));
    let list = root.join(PAGES);
    let text = fs::read_to_string(&list).unwrap();
    let written = fs::metadata(&list).unwrap().modified().unwrap();
    fs::write(&list, text.replacen("cardfile pages 1 ", "cardfile pages 1 0", 1)).unwrap();
    set_modified(&page, written - Duration::from_secs(5));
    assert_eq!(Made::read(root).kept("page.html", 7, &page), None, "made by another program");
    fs::remove_file(&list).unwrap();
    assert_eq!(Made::read(root).kept("page.html", 7, &page), None, "no list");
}

#[test]
fn the_list_is_in_path_order_whatever_order_pages_came_in() {
    let lists: Vec<String> = [["b.html", "a.html"], ["a.html", "b.html"]]
        .iter()
        .map(|order| {
            let dir = tempfile::tempdir().unwrap();
            let made = Made::default();
            for path in order {
                made.add(path, if *path == "a.html" { 1 } else { 255 }, 10);
            }
            made.write(dir.path()).unwrap();
            fs::read_to_string(dir.path().join(PAGES)).unwrap()
        })
        .collect();
    assert_eq!(lists[0], lists[1]);
    assert_eq!(lists[0], format!("{}{:0>32} 10 a.html\n{:0>32} 10 b.html\n", header(), "1", "ff"));
}
