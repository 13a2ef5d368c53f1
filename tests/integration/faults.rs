//! Faults: builds killed at random moments, an unwritable or full output directory, two builds
//! into one directory at once, and records that no reading command ever changes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::{TODAY, TempDir, exit_code, fixture, run, stderr};

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

fn build_command(records: &Path, out: &Path) -> Command {
    let mut command = crate::cardfile();
    command.args(["build", "--today", TODAY]).arg("--records").arg(records).arg("--out").arg(out);
    command
}

fn build(records: &Path, out: &Path) -> std::process::Output {
    build_command(records, out).output().unwrap_or_else(|err| panic!("cannot run cardfile build: {err}"))
}

/// Every file under `dir` with its bytes, by `/`-separated relative path; directories end in `/`.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|err| panic!("cannot list {}: {err}", d.display())).flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                out.insert(format!("{rel}/"), Vec::new());
                stack.push(path);
            } else {
                let bytes = fs::read(&path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
                out.insert(rel, bytes);
            }
        }
    }
    out
}

/// Panics with the paths that are missing, extra or different in `actual`.
fn assert_same_tree(actual: &BTreeMap<String, Vec<u8>>, expected: &BTreeMap<String, Vec<u8>>, when: &str) {
    if actual == expected {
        return;
    }
    assert!(!actual.is_empty(), "{when}: the site is missing or empty");
    let missing: Vec<&String> = expected.keys().filter(|k| !actual.contains_key(*k)).collect();
    let extra: Vec<&String> = actual.keys().filter(|k| !expected.contains_key(*k)).collect();
    let differ: Vec<&String> = expected.keys().filter(|k| actual.get(*k).is_some_and(|b| b != &expected[*k])).collect();
    panic!(
        "{when}: the site is not the complete site ({} files instead of {})\n  missing: {missing:?}\n  extra: {extra:?}\n  different: {differ:?}",
        actual.len(),
        expected.len()
    );
}

/// What builds leave beside `--out` (staging directories, old sites, the lock).
fn leftovers(parent: &Path, out_name: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{out_name}.")))
        .collect();
    names.sort();
    names
}

/// Runs `mount ARGS… target`; `false` (and a note on stderr) when the system does not allow it.
fn mount(args: &[&str], target: &Path) -> bool {
    let done = Command::new("mount").args(args).arg(target).stdout(Stdio::null()).stderr(Stdio::piped()).output();
    match done {
        Ok(o) if o.status.success() => true,
        Ok(o) => {
            eprintln!("note: `mount {}` failed: {}", args.join(" "), String::from_utf8_lossy(&o.stderr).trim());
            false
        }
        Err(err) => {
            eprintln!("note: cannot run `mount`: {err}");
            false
        }
    }
}

/// A mount for one test, unmounted on drop.
struct Mount(PathBuf);

impl Mount {
    fn new(args: &[&str], target: &Path) -> Option<Mount> {
        mount(args, target).then(|| Mount(target.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_whole() {
    let tmp = TempDir::new("faults-kill");
    let out = tmp.path().join("site");
    let first = build(&demo(), &out);
    assert_eq!(exit_code(&first), 0, "{}", stderr(&first));
    let reference = tree(&out);
    // A rebuild over the complete site, as in the loop: how long a whole run takes.
    let started = Instant::now();
    assert_eq!(exit_code(&build(&demo(), &out)), 0);
    let duration = started.elapsed().as_millis().max(20) as u64;
    let (runs, mut killed, mut stale_locks) = (50, 0, 0);
    for run in 0..runs {
        stale_locks += usize::from(tmp.path().join(".site.lock").exists());
        let mut child = build_command(&demo(), &out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start cardfile build: {err}"));
        std::thread::sleep(Duration::from_millis(fastrand::u64(0..=duration)));
        // SIGKILL; it fails only when the build has already exited (and is reaped by `wait`).
        let _ = child.kill();
        let status = child.wait().expect("wait for the build");
        match status.code() {
            None => killed += 1,
            Some(0) => {}
            Some(code) => panic!("run {run}: an unkilled build exited with {code} (a stale lock?)"),
        }
        assert_same_tree(&tree(&out), &reference, &format!("after run {run} ({status})"));
    }
    eprintln!(
        "{killed} of {runs} builds killed within 0..{duration} ms; {stale_locks} started beside a killed build's lock file"
    );
    let last = build(&demo(), &out);
    assert_eq!(exit_code(&last), 0, "a killed build's lock blocked the next: {}", stderr(&last));
    assert_same_tree(&tree(&out), &reference, "after the final build");
    assert_eq!(leftovers(tmp.path(), "site"), Vec::<String>::new(), "the next build did not clean up");
}

#[test]
fn an_unwritable_output_directory_is_a_clear_error_and_keeps_the_old_site() {
    let tmp = TempDir::new("faults-unwritable");
    // A file where the parent directory should be: no permission trick, so root fails as well.
    let file = tmp.write("notes.txt", "not a directory");
    let result = build(&demo(), &file.join("site"));
    assert_eq!(exit_code(&result), 2, "{}", stderr(&result));
    assert!(stderr(&result).contains(&*file.to_string_lossy()), "the message names no path: {}", stderr(&result));
    assert!(stderr(&result).contains("not a directory"), "{}", stderr(&result));
    assert_eq!(fs::read_to_string(&file).unwrap(), "not a directory");

    // A read-only parent of an existing site: chmod, or (as root, whom permissions do not stop)
    // a read-only bind mount of the directory onto itself.
    let parent = tmp.path().join("shared");
    let out = parent.join("site");
    assert_eq!(exit_code(&build(&demo(), &out)), 0);
    let before = tree(&out);
    let _mount;
    if is_root() {
        _mount = Mount::new(&["--bind", &parent.to_string_lossy()], &parent);
        if _mount.is_none() || !mount(&["-o", "remount,bind,ro"], &parent) {
            eprintln!("note: skipping the read-only parent: root, and no read-only bind mount here");
            return;
        }
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    }
    let result = build(&demo(), &out);
    assert_eq!(exit_code(&result), 2, "{}", stderr(&result));
    let message = stderr(&result);
    assert!(message.contains(&*parent.to_string_lossy()), "the message names no path: {message}");
    assert!(message.contains("Read-only file system") || message.contains("Permission denied"), "{message}");
    assert_same_tree(&tree(&out), &before, "after a build into a read-only directory");
}

#[test]
fn a_full_disk_is_a_clear_error_and_keeps_the_old_site() {
    let tmp = TempDir::new("faults-full");
    let disk = tmp.path().join("disk");
    fs::create_dir_all(&disk).unwrap();
    // 1 MiB: the small site of the credit fixture fits, the demo's (about 1.1 MB) does not.
    let Some(_mount) = Mount::new(&["-t", "tmpfs", "-o", "size=1m", "tmpfs"], &disk) else {
        eprintln!(
            "note: skipping the full disk: cannot mount a small tmpfs (src/write/tests.rs covers a failing sink)"
        );
        return;
    };
    let out = disk.join("site");
    let small = build(&fixture("fixtures/credit/records"), &out);
    assert_eq!(exit_code(&small), 0, "the small site does not fit: {}", stderr(&small));
    let before = tree(&out);
    let result = build(&demo(), &out);
    assert_eq!(exit_code(&result), 2, "{}", stderr(&result));
    let message = stderr(&result);
    assert!(message.contains("No space left"), "{message}");
    assert!(message.contains(&*out.to_string_lossy()) && message.contains("unchanged"), "{message}");
    assert_same_tree(&tree(&out), &before, "after a build into a full disk");
    assert_eq!(leftovers(&disk, "site"), Vec::<String>::new(), "the failed build left files behind");
}

/// Every file under `dir` with its bytes and modification time; directories too.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    for (rel, bytes) in tree(dir) {
        let modified = fs::metadata(dir.join(&rel)).and_then(|m| m.modified()).unwrap();
        out.insert(rel, (bytes, modified));
    }
    out
}

#[test]
fn check_build_export_and_due_never_change_the_records() {
    let tmp = TempDir::new("faults-records");
    let records = tmp.path().join("records");
    for (rel, bytes) in tree(&demo()) {
        if let Some(dir) = rel.strip_suffix('/') {
            fs::create_dir_all(records.join(dir)).unwrap();
        } else {
            fs::create_dir_all(records.join(&rel).parent().unwrap()).unwrap();
            fs::write(records.join(&rel), bytes).unwrap();
        }
    }
    let (r, site) = (records.to_string_lossy().into_owned(), tmp.path().join("site").to_string_lossy().into_owned());
    let commands: [&[&str]; 8] = [
        &["check", "--records", &r, "--today", TODAY],
        &["check", "--records", &r, "--today", TODAY, "--format", "json"],
        &["build", "--records", &r, "--today", TODAY, "--out", &site],
        &["build", "--records", &r, "--today", TODAY, "--out", &site, "--redact"],
        &["export", "--records", &r, "--today", TODAY, "--format", "json", "--explain"],
        &["export", "--records", &r, "--today", TODAY, "--format", "csv", "--excel"],
        &["export", "--records", &r, "--today", TODAY, "--format", "csv", "--agenda"],
        &["due", "--records", &r, "--today", TODAY, "--days", "30"],
    ];
    for errors in [false, true] {
        if errors {
            let broken = "name = \"Broken\"\nowner = \"nobody\"\namout = 1\n[[order]]\ndate = 2026-13-01\n";
            tmp.write("records/customers/broken.toml", broken);
            tmp.write("records/customers/east/unparsable.toml", "name = \"unterminated\n");
        }
        let before = snapshot(&records);
        for args in commands {
            let result = run(args);
            let code = exit_code(&result);
            let expected: &[i32] = if errors { &[1, 2] } else { &[0] };
            assert!(expected.contains(&code), "{args:?} exited with {code}: {}", stderr(&result));
            let after = snapshot(&records);
            assert!(after == before, "{args:?} changed the records (errors present: {errors})");
        }
    }
}

#[test]
fn two_builds_at_once_end_with_one_complete_site() {
    let tmp = TempDir::new("faults-concurrent");
    let reference_dir = tmp.path().join("reference");
    assert_eq!(exit_code(&build(&demo(), &reference_dir)), 0);
    let reference = tree(&reference_dir);
    let mut refused = 0;
    for round in 0..8 {
        let name = format!("site-{round}");
        let out = tmp.path().join(&name);
        if round % 2 == 1 {
            assert_eq!(exit_code(&build(&demo(), &out)), 0, "the old site of round {round}");
        }
        let spawn = || {
            build_command(&demo(), &out)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap_or_else(|err| panic!("cannot start cardfile build: {err}"))
        };
        let (a, b) = (spawn(), spawn());
        let results = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        for result in &results {
            match exit_code(result) {
                0 => {}
                2 => {
                    refused += 1;
                    let message = stderr(result);
                    assert!(
                        message.contains("another cardfile build")
                            && message.contains("is writing")
                            && message.contains(&*out.to_string_lossy()),
                        "round {round}: an unclear refusal: {message}"
                    );
                }
                code => panic!("round {round}: a build exited with {code}: {}", stderr(result)),
            }
        }
        assert!(results.iter().any(|r| exit_code(r) == 0), "round {round}: neither build succeeded");
        assert_same_tree(&tree(&out), &reference, &format!("round {round}"));
        assert_eq!(leftovers(tmp.path(), &name), Vec::<String>::new(), "round {round}: left behind");
    }
    eprintln!("{refused} of 16 builds found the other's lock");
}

#[test]
fn a_held_lock_refuses_a_build_and_a_released_one_does_not() {
    let tmp = TempDir::new("faults-lock");
    let out = tmp.path().join("site");
    assert_eq!(exit_code(&build(&demo(), &out)), 0);
    let before = tree(&out);
    // This test process plays the other build: it holds the OS lock and names itself in it.
    let lock_path = tmp.path().join(".site.lock");
    let lock = fs::File::create(&lock_path).unwrap();
    lock.lock().expect("take the lock");
    // Locked, before the holder has written its process id: an empty file is no stale lock.
    let result = build(&demo(), &out);
    assert_eq!(exit_code(&result), 2, "a build took an empty, locked lock file for stale: {}", stderr(&result));
    assert!(stderr(&result).contains("another cardfile build is writing"), "{}", stderr(&result));
    fs::write(&lock_path, std::process::id().to_string()).unwrap();
    let result = build(&demo(), &out);
    assert_eq!(exit_code(&result), 2, "a build ignored the lock: {}", stderr(&result));
    let wanted = format!("another cardfile build (process {}) is writing {}", std::process::id(), out.display());
    assert!(stderr(&result).contains(&wanted), "{}", stderr(&result));
    assert_same_tree(&tree(&out), &before, "after a refused build");
    assert_eq!(leftovers(tmp.path(), "site"), [".site.lock"], "the refused build touched the directory");
    // Released, the file still names a live process (ours), as a killed build's file names a
    // process id that may be in use again: it must not block.
    drop(lock);
    let result = build(&demo(), &out);
    assert_eq!(exit_code(&result), 0, "a lock file without a holder blocked the build: {}", stderr(&result));
    assert_eq!(leftovers(tmp.path(), "site"), Vec::<String>::new());
}
