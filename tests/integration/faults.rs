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
    let seed: u64 =
        std::env::var("CARDFILE_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| fastrand::u64(..));
    eprintln!("a_build_killed_at_any_moment: seed {seed} (rerun with CARDFILE_KILL_SEED={seed})");
    let mut rng = fastrand::Rng::with_seed(seed);
    let (runs, mut killed, mut stale_locks) = (50, 0, 0);
    for run in 0..runs {
        stale_locks += usize::from(tmp.path().join(".site.lock").exists());
        let mut child = build_command(&demo(), &out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start cardfile build: {err}"));
        // Up to 90% of one build's time, so that most runs are killed before they finish.
        std::thread::sleep(Duration::from_millis(rng.u64(0..=duration * 9 / 10)));
        // SIGKILL; it fails only when the build has already exited (and is reaped by `wait`).
        let _ = child.kill();
        let status = child.wait().expect("wait for the build");
        match status.code() {
            None => killed += 1,
            Some(0) => {}
            Some(code) => panic!("run {run}: an unkilled build exited with {code} (a stale lock?)"),
        }
        assert_same_tree(&tree(&out), &reference, &format!("after run {run} ({status}, seed {seed})"));
    }
    eprintln!(
        "{killed} of {runs} builds killed within 0..{duration} ms; {stale_locks} started beside a killed build's lock file"
    );
    assert!(killed * 2 > runs, "only {killed} of {runs} builds were killed before they finished (seed {seed})");
    let last = build(&demo(), &out);
    assert_eq!(exit_code(&last), 0, "a killed build's lock blocked the next: {}", stderr(&last));
    assert_same_tree(&tree(&out), &reference, "after the final build");
    assert_eq!(leftovers(tmp.path(), "site"), Vec::<String>::new(), "the next build did not clean up");
}

#[test]
fn a_build_stopped_at_each_stage_of_its_swap_leaves_one_whole_site() {
    // The new site is the demo's, the old one the credit fixture's, so that each is known.
    let reference = TempDir::new("faults-stage-reference");
    assert_eq!(exit_code(&build(&demo(), &reference.path().join("site"))), 0);
    let new = tree(&reference.path().join("site"));
    let old_records = fixture("fixtures/credit/records");
    for stage in ["before-swap", "mid-swap", "before-cleanup"] {
        let tmp = TempDir::new("faults-stage");
        let out = tmp.path().join("site");
        assert_eq!(exit_code(&build(&old_records, &out)), 0);
        let old = tree(&out);
        let stopped = build_command(&demo(), &out).env("CARDFILE_FAULT", stage).output().expect("build");
        assert_eq!(exit_code(&stopped), -1, "{stage}: the fault did not stop the build: {}", stderr(&stopped));
        assert!(!leftovers(tmp.path(), "site").is_empty(), "{stage}: stopped, yet nothing beside the site");
        match stage {
            "before-swap" => assert_same_tree(&tree(&out), &old, "stopped before the swap"),
            "before-cleanup" => assert_same_tree(&tree(&out), &new, "stopped before the cleanup"),
            _ => {
                // Between the two renames: the old site waits beside `--out` for the next build.
                assert!(!out.exists(), "mid-swap: the site is there");
                let aside = leftovers(tmp.path(), "site").into_iter().find(|n| n.starts_with(".site.old-"));
                let aside = aside.unwrap_or_else(|| panic!("mid-swap: the old site is not beside --out"));
                assert_same_tree(&tree(&tmp.path().join(aside)), &old, "the old site set aside");
            }
        }
        // The next build first puts back a site set aside (stopped here before its own swap,
        // the site is the one the stopped build left: old, or new after its swap).
        let again = build_command(&demo(), &out).env("CARDFILE_FAULT", "before-swap").output().expect("build");
        assert_eq!(exit_code(&again), -1, "{stage}: {}", stderr(&again));
        let left = if stage == "before-cleanup" { &new } else { &old };
        assert_same_tree(&tree(&out), left, &format!("the next build's start, after one stopped at {stage}"));
        let next = build(&demo(), &out);
        assert_eq!(exit_code(&next), 0, "{stage}: the next build failed: {}", stderr(&next));
        assert_same_tree(&tree(&out), &new, &format!("the build after one stopped at {stage}"));
        assert_eq!(leftovers(tmp.path(), "site"), Vec::<String>::new(), "{stage}: the next build did not clean up");
    }
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

    // A read-only parent of an existing site (chmod 555); as root, whom permissions do not
    // stop, the build runs as the user nobody.
    let parent = tmp.path().join("shared");
    let out = parent.join("site");
    assert_eq!(exit_code(&build(&demo(), &out)), 0);
    let before = tree(&out);
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    }
    let (records, site) = (demo().to_string_lossy().into_owned(), out.to_string_lossy().into_owned());
    let args = ["build", "--today", TODAY, "--records", &records, "--out", &site];
    let Some(mut command) = crate::unprivileged(tmp.path(), &args) else { return };
    let result = command.output().unwrap_or_else(|err| panic!("cannot run cardfile build: {err}"));
    assert_eq!(exit_code(&result), 2, "{}", stderr(&result));
    let message = stderr(&result);
    assert!(message.contains(&*parent.to_string_lossy()), "the message names no path: {message}");
    assert!(message.contains("Permission denied"), "{message}");
    assert_same_tree(&tree(&out), &before, "after a build into a read-only directory");
}

#[test]
fn a_full_disk_is_a_clear_error_and_keeps_the_old_site() {
    use std::os::unix::process::CommandExt;
    let tmp = TempDir::new("faults-full");
    let out = tmp.path().join("site");
    // The disk is "full" at 48 KiB a file (RLIMIT_FSIZE, which binds root too; SIGXFSZ ignored,
    // so that the write fails with EFBIG instead of killing the build): the small site of the
    // credit fixture fits (its largest file is about 38 KB), the demo's (60 KB pages) does not.
    let full = |records: &Path| {
        let mut command = build_command(records, &out);
        // SAFETY: setrlimit and signal are async-signal-safe; nothing else runs before exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit { rlim_cur: 48 * 1024, rlim_max: 48 * 1024 };
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
        command.output().unwrap_or_else(|err| panic!("cannot run cardfile build: {err}"))
    };
    let small = full(&fixture("fixtures/credit/records"));
    assert_eq!(exit_code(&small), 0, "the small site does not fit: {}", stderr(&small));
    let before = tree(&out);
    let result = full(&demo());
    assert_eq!(exit_code(&result), 2, "{}", stderr(&result));
    let message = stderr(&result);
    assert!(message.contains("File too large") || message.contains("No space left"), "{message}");
    assert!(message.contains(&*out.to_string_lossy()) && message.contains("unchanged"), "{message}");
    assert_same_tree(&tree(&out), &before, "after a build into a full disk");
    assert_eq!(leftovers(tmp.path(), "site"), Vec::<String>::new(), "the failed build left files behind");
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
