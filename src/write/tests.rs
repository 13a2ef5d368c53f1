//! The output directory under failure: a sink that fails midway, leftovers of killed builds.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Result, bail};

use super::{Output, safe_relative};
use crate::render::Sink;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cardfile-write-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("records")).expect("scratch dir");
    dir
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("list").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.insert(path.clone(), fs::read(&path).expect("read"));
        }
    }
    out
}

/// The names directly in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).expect("list").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Passes files on to the output and fails on the `fail_at`th, the way a full disk does.
struct Failing<'a> {
    output: &'a Output,
    fail_at: usize,
    seen: AtomicUsize,
}

impl Sink for Failing<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        if self.seen.fetch_add(1, Ordering::SeqCst) + 1 == self.fail_at {
            bail!("writing {path}: No space left on device (simulated)");
        }
        self.output.put(path, bytes)
    }
}

fn write_site(sink: &dyn Sink, version: &str) -> Result<()> {
    for i in 0..10 {
        sink.put(&format!("pages/{i}.html"), format!("{version} {i}").as_bytes())?;
    }
    Ok(())
}

#[test]
fn only_plain_relative_paths_are_safe() {
    assert!(safe_relative("customers/acme.html"));
    assert!(!safe_relative("../x"));
    assert!(!safe_relative("/etc/passwd"));
    assert!(!safe_relative("a/../../b"));
    assert!(!safe_relative(""));
}

#[test]
fn a_sink_failing_midway_keeps_the_old_site_and_removes_the_staging_directory() {
    let dir = scratch("failing");
    let (records, out) = (dir.join("records"), dir.join("site"));
    let output = Output::begin(&out, &records).expect("begin");
    write_site(&output, "old").expect("the first site");
    output.commit().expect("commit");
    let before = files(&out);
    for fail_at in [1, 2, 7, 10] {
        let output = Output::begin(&out, &records).expect("begin");
        let staging = output.staging().to_path_buf();
        let failing = Failing { output: &output, fail_at, seen: AtomicUsize::new(0) };
        assert!(write_site(&failing, "new").is_err(), "the sink did not fail at file {fail_at}");
        assert!(staging.exists(), "nothing was staged before file {fail_at}");
        // What `?` does in `build`: the output is dropped without a commit.
        drop(output);
        assert!(!staging.exists(), "the staging directory survived a failure at file {fail_at}");
        assert_eq!(files(&out), before, "the old site changed after a failure at file {fail_at}");
        assert_eq!(names(&dir), ["records", "site"], "left behind after a failure at file {fail_at}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn leftovers_and_a_stale_lock_of_any_process_are_cleared() {
    let dir = scratch("leftovers");
    let (records, out) = (dir.join("records"), dir.join("site"));
    // Process 1 is alive, as a reused process id of a killed build can be: its leftovers go
    // all the same, because only the holder of the lock writes a staging directory.
    fs::create_dir_all(dir.join(".site.new-1/pages")).expect("leftover");
    fs::write(dir.join(".site.new-1/pages/0.html"), "half").expect("leftover");
    fs::write(dir.join(".site.lock"), "1").expect("stale lock");
    let output = Output::begin(&out, &records).expect("a stale lock file does not block a build");
    assert!(!dir.join(".site.new-1").exists(), "the leftover staging directory survived");
    write_site(&output, "new").expect("write");
    output.commit().expect("commit");
    assert_eq!(names(&dir), ["records", "site"]);
    assert_eq!(fs::read_to_string(out.join("pages/3.html")).expect("read"), "new 3");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_held_lock_refuses_a_second_build_with_the_holders_process_id() {
    let dir = scratch("held");
    let (records, out) = (dir.join("records"), dir.join("site"));
    let first = Output::begin(&out, &records).expect("begin");
    let err = Output::begin(&out, &records).err().expect("a second build while the first holds the lock");
    let message = format!("{err:#}");
    assert!(
        message.contains(&format!("another cardfile build (process {}) is writing", std::process::id())),
        "{message}"
    );
    assert!(first.staging().exists(), "the refused build removed the first build's staging directory");
    drop(first);
    assert!(Output::begin(&out, &records).is_ok(), "the lock was not released");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn two_outputs_with_one_path_are_an_error_not_an_overwrite() {
    let dir = scratch("one-path-twice");
    let (records, out) = (dir.join("records"), dir.join("site"));
    let output = Output::begin(&out, &records).expect("begin");
    output.put("customers/index.html", b"the list").expect("the first page");
    let err = output.put("customers/index.html", b"a customer").expect_err("the second page with that path");
    assert!(err.to_string().contains("two pages of the site would both be customers/index.html"), "{err}");
    assert_eq!(fs::read(output.staging().join("customers/index.html")).expect("kept"), b"the list");
    drop(output);
    let memory = crate::render::MemorySink::default();
    memory.put("regions/index.html", b"x").expect("the first page");
    assert!(memory.put("regions/index.html", b"y").is_err());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn an_output_through_a_link_is_checked_where_it_leads() {
    let dir = scratch("out-through-link");
    let records = dir.join("records");
    std::os::unix::fs::symlink(&records, dir.join("rl")).expect("symlink");
    for out in ["rl/site", "rl/new/../site", "rl/a/b/site", "other/../rl/site"] {
        let err = Output::begin(&dir.join(out), &records).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("refusing to write the site inside the records directory"), "{out}: {err:?}");
    }
    assert_eq!(names(&records), Vec::<String>::new(), "nothing was written into the records");
    assert!(!dir.join("other").exists());
    assert_eq!(super::resolved(&dir.join("rl/x/../y")), fs::canonicalize(&records).expect("records").join("y"));
    let _ = fs::remove_dir_all(&dir);
}

/// Writes `bytes` through [`Sink::put_streamed`] in pieces of `piece` bytes.
fn put_streamed(output: &Output, path: &str, bytes: &[u8], piece: usize) -> Result<()> {
    output.put_streamed(path, &mut |out| {
        for chunk in bytes.chunks(piece) {
            out.write_all(chunk)?;
        }
        Ok(())
    })
}

#[test]
fn a_streamed_page_that_did_not_change_is_the_old_file_and_one_that_did_is_new() {
    use std::os::unix::fs::MetadataExt;
    let dir = scratch("streamed");
    let (records, out) = (dir.join("records"), dir.join("site"));
    // Longer than the writer's buffer, so that a change can come after bytes already compared.
    let long: Vec<u8> = (0..200_000u32).map(|i| b'a' + (i % 23) as u8).collect();
    let mut late = long.clone();
    late[150_000] = b'!';
    let mut early = long.clone();
    early[3] = b'!';
    let cases: [(&str, &[u8]); 7] = [
        ("same.html", &long),
        ("late.html", &late),
        ("early.html", &early),
        ("shorter.html", &long[..199_999]),
        ("longer.html", &[long.as_slice(), b"+"].concat()),
        ("empty.html", b""),
        ("nothing-before.html", b"new"),
    ];
    let output = Output::begin(&out, &records).expect("begin");
    for (path, _) in &cases[..6] {
        put_streamed(&output, path, &long, 1000).expect("the first site");
    }
    output.commit().expect("commit");
    let inode = |path: &str| fs::metadata(out.join(path)).map(|m| m.ino()).ok();
    let before: Vec<Option<u64>> = cases.iter().map(|(path, _)| inode(path)).collect();
    let output = Output::begin(&out, &records).expect("begin");
    for (path, bytes) in &cases {
        put_streamed(&output, path, bytes, 777).expect("the second site");
    }
    output.commit().expect("commit");
    for ((path, bytes), before) in cases.iter().zip(before) {
        assert_eq!(fs::read(out.join(path)).expect("read"), *bytes, "{path}");
        let linked = inode(path) == before;
        assert_eq!(linked, *path == "same.html", "{path} linked: {linked}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_streamed_page_over_a_link_in_the_old_site_does_not_follow_it() {
    let dir = scratch("streamed-link");
    let (records, out) = (dir.join("records"), dir.join("site"));
    let output = Output::begin(&out, &records).expect("begin");
    output.commit().expect("commit");
    fs::write(dir.join("elsewhere"), "secret").expect("a file outside the site");
    std::os::unix::fs::symlink(dir.join("elsewhere"), out.join("page.html")).expect("symlink");
    let output = Output::begin(&out, &records).expect("begin");
    put_streamed(&output, "page.html", b"secret", 2).expect("the page");
    output.commit().expect("commit");
    let page = fs::symlink_metadata(out.join("page.html")).expect("the page");
    assert!(page.is_file(), "the page is a file of its own, not the link");
    assert_eq!(fs::read(out.join("page.html")).expect("read"), b"secret");
    assert_eq!(fs::read(dir.join("elsewhere")).expect("read"), b"secret");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_streamed_page_that_fails_midway_leaves_the_old_site_whole() {
    let dir = scratch("streamed-fail");
    let (records, out) = (dir.join("records"), dir.join("site"));
    let output = Output::begin(&out, &records).expect("begin");
    put_streamed(&output, "page.html", b"old page", 3).expect("the first site");
    output.commit().expect("commit");
    let output = Output::begin(&out, &records).expect("begin");
    let failed = output.put_streamed("page.html", &mut |out| {
        out.write_all(b"new")?;
        bail!("No space left on device (simulated)")
    });
    assert!(failed.is_err());
    drop(output);
    assert_eq!(names(&dir), ["records", "site"]);
    assert_eq!(fs::read(out.join("page.html")).expect("read"), b"old page");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_page_is_taken_from_the_old_site_only_from_inside_it() {
    let dir = scratch("keep");
    let (out, records) = (dir.join("site"), dir.join("records"));
    let output = Output::begin(&out, &records).expect("begin");
    output.put_made("customers/a.html", b"<p>a</p>", 7).expect("put");
    output.commit().expect("commit");
    // A list changed to also name a file beside the site, of the same length and older.
    fs::write(dir.join("outside.html"), b"<p>x</p>").expect("write");
    let list = out.join(".cardfile-pages");
    let text = fs::read_to_string(&list).expect("the list");
    fs::write(&list, format!("{text}{:032x} 8 ../outside.html\n", 7)).expect("write");
    let output = Output::begin(&out, &records).expect("begin");
    assert!(output.keep("customers/a.html", 7).expect("keep"), "the page inside the site is taken");
    assert!(!output.keep("../outside.html", 7).expect("not an error"), "a path outside the site is not taken");
    drop(output);
    let _ = fs::remove_dir_all(&dir);
}
