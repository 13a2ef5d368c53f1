//! What every writer of records (`new`, `log`, `import --write`) guarantees: links are never
//! followed or replaced, one lock for the records, and an import lands whole or not at all —
//! even when it is killed — leaving no lock, temporary or staging file behind.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

const TEAM: &str = "[[member]]\nid = \"alex\"\nname = \"Alex\"\n";
const ACME: &str = "name = \"Acme\"   # kept\nowner = \"alex\"\nphone = \"1\"\n";

/// A records tree `records/` with member `alex` and customer `acme`.
fn records(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("records/team.toml", TEAM);
    dir.write("records/customers/acme.toml", ACME);
    dir
}

/// Every path under `dir` (links included, not followed) with its bytes or link target.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_string_lossy().into_owned();
        let what = if entry.path_is_symlink() {
            format!("-> {}", fs::read_link(entry.path()).map(|t| t.display().to_string()).unwrap_or_default())
        } else if entry.file_type().is_file() {
            String::from_utf8_lossy(&fs::read(entry.path()).unwrap_or_default()).into_owned()
        } else {
            "<dir>".to_string()
        };
        out.insert(rel, what);
    }
    out
}

/// The names under `dir` that start with a dot (locks, temporary files, staging, journal).
fn dot_files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path().strip_prefix(dir).unwrap_or(e.path()).display().to_string())
        .collect()
}

fn cardfile(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cardfile"));
    command.args(args).current_dir(dir).stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

fn output(mut command: Command) -> Output {
    command.output().unwrap_or_else(|e| panic!("cannot run cardfile: {e}"))
}

#[test]
fn a_record_that_is_a_link_is_never_replaced_or_written_through() {
    let dir = records("writers-link");
    // A link inside the records (one out of them is refused by the loader already).
    dir.write("records/customers/real/acme.txt", ACME);
    fs::remove_file(dir.path().join("records/customers/acme.toml")).expect("remove");
    std::os::unix::fs::symlink("real/acme.txt", dir.path().join("records/customers/acme.toml")).expect("symlink");
    dir.write("orders.csv", "customer,date,amount\nacme,2026-03-01,12\n");
    let before = snapshot(dir.path());
    for args in [
        &["log", "acme", "--kind", "call", "--summary", "x", "--today", TODAY][..],
        &["import", "orders.csv", "--as", "orders", "--write", "--today", TODAY][..],
    ] {
        let out = run_in(dir.path(), args);
        assert_eq!(exit_code(&out), 2, "{args:?}: {}{}", stdout(&out), stderr(&out));
        assert!(stderr(&out).contains("is a symbolic link"), "{args:?}: {}", stderr(&out));
        assert_eq!(snapshot(dir.path()), before, "{args:?} changed something");
    }
}

#[test]
fn a_link_at_the_lock_name_is_not_followed() {
    let dir = records("writers-lock-link");
    std::os::unix::fs::symlink("../victim", dir.path().join("records/.cardfile.lock")).expect("symlink");
    dir.write("new.csv", "id,name,owner\nbeta,Beta,alex\n");
    for args in [
        &["log", "acme", "--kind", "call", "--summary", "x", "--today", TODAY][..],
        &["new", "beta", "--name", "Beta", "--owner", "alex", "--today", TODAY][..],
        &["import", "new.csv", "--as", "customers", "--write", "--today", TODAY][..],
    ] {
        let out = run_in(dir.path(), args);
        assert_eq!(exit_code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(!dir.path().join("victim").exists(), "{args:?} created the link's target");
        assert_eq!(fs::read_to_string(dir.path().join("records/customers/acme.toml")).unwrap_or_default(), ACME);
        assert!(!dir.path().join("records/customers/beta.toml").exists());
    }
}

/// A customers CSV of `n` new customers (`c00000` …), some in region folders.
fn customers_csv(n: usize) -> String {
    let mut csv = String::from("id,name,owner,region,phone\n");
    for i in 0..n {
        csv.push_str(&format!("c{i:05},Customer {i},alex,{},{i}\n", ["east", "west", "", "north"][i % 4]));
    }
    csv
}

#[test]
fn a_large_import_holds_one_lock_under_a_low_open_file_limit() {
    let dir = records("writers-nofile");
    dir.write("new.csv", &customers_csv(1500));
    let mut command = cardfile(dir.path(), &["import", "new.csv", "--as", "customers", "--write", "--today", TODAY]);
    // SAFETY: `setrlimit` is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: 256, rlim_max: 256 };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let out = output(command);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let files = walkdir::WalkDir::new(dir.path().join("records/customers")).into_iter().flatten();
    assert_eq!(files.filter(|e| e.file_type().is_file()).count(), 1501);
    assert_eq!(dot_files(dir.path()), Vec::<String>::new(), "left behind");
}

#[test]
fn an_import_stopped_before_or_during_its_apply_is_undone_or_finished_by_the_next_writer() {
    // `import-staged`: killed with everything staged but nothing committed → no change.
    // `import-mid-apply`: killed after the commit and one rename → the next writer finishes.
    for (fault, lands) in [("import-staged", false), ("import-mid-apply", true)] {
        let dir = records("writers-fault");
        dir.write("new.csv", &customers_csv(40));
        let before = snapshot(&dir.path().join("records"));
        let mut command =
            cardfile(dir.path(), &["import", "new.csv", "--as", "customers", "--write", "--today", TODAY]);
        command.env("CARDFILE_FAULT", fault);
        let out = output(command);
        assert_eq!(exit_code(&out), -1, "{fault}: the fault did not stop it: {}", stderr(&out));
        assert!(!dot_files(dir.path()).is_empty(), "{fault}: the import stopped with nothing staged");
        // Any writer recovers: here a `log` of another customer.
        let out = run_in(dir.path(), &["log", "acme", "--kind", "call", "--summary", "x", "--today", TODAY]);
        assert_eq!(exit_code(&out), 0, "{fault}: {}", stderr(&out));
        assert_eq!(dot_files(dir.path()), Vec::<String>::new(), "{fault}: left behind");
        let customers = walkdir::WalkDir::new(dir.path().join("records/customers")).into_iter().flatten();
        let count = customers.filter(|e| e.file_type().is_file()).count();
        assert_eq!(count, if lands { 41 } else { 1 }, "{fault}: not all or nothing");
        let after = snapshot(&dir.path().join("records"));
        if !lands {
            let unchanged = |s: &BTreeMap<String, String>| s.iter().filter(|(k, _)| !k.contains("acme")).count();
            assert_eq!(unchanged(&after), unchanged(&before), "{fault}");
        }
    }
}

#[test]
fn an_import_killed_at_any_moment_lands_whole_or_not_at_all() {
    let seed: u64 = std::env::var("CARDFILE_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand_seed);
    eprintln!("an_import_killed_at_any_moment: seed {seed} (rerun with CARDFILE_KILL_SEED={seed})");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = records("writers-kill");
    dir.write("new.csv", &customers_csv(400));
    let args = ["import", "new.csv", "--as", "customers", "--write", "--today", TODAY];
    let root = dir.path().join("records");
    let before = snapshot(&root);
    // The whole change, and how long an import takes (the faster of two runs: the machine may
    // be busy with other tests, and a kill after the end proves nothing).
    let (mut took, mut writing) = (Duration::MAX, Duration::MAX);
    let mut whole = BTreeMap::new();
    for _ in 0..2 {
        let scratch = records("writers-kill-reference");
        scratch.write("new.csv", &customers_csv(400));
        let started = Instant::now();
        let mut child = cardfile(scratch.path(), &args).spawn().unwrap_or_else(|e| panic!("spawn: {e}"));
        let staged = wait_for(&scratch.path().join("records"), ".cardfile-import-", &mut child);
        let status = child.wait().unwrap_or_else(|e| panic!("wait: {e}"));
        assert!(status.success(), "the reference import failed");
        took = took.min(started.elapsed());
        writing = writing.min(staged.map_or(Duration::ZERO, |t| t.elapsed()));
        whole = snapshot(&scratch.path().join("records"));
    }
    const RUNS: usize = 18;
    let (mut killed, mut committed) = (0, 0);
    // How long after the journal appears a kill may come.
    let mut moving = Duration::from_millis(3);
    for run in 0..RUNS {
        // A third of the runs is killed at any moment, a third while it stages its files (after
        // its staging folder appears), a third while it moves them (after the journal appears).
        let window = match run % 3 {
            0 => took,
            1 => writing,
            _ => moving,
        };
        let delay = Duration::from_micros(rng.u64(0..=window.as_micros() as u64 * 9 / 10));
        let mut child = cardfile(dir.path(), &args).spawn().unwrap_or_else(|e| panic!("spawn: {e}"));
        match run % 3 {
            0 => None,
            1 => wait_for(&root, ".cardfile-import-", &mut child),
            _ => wait_for(&root, ".cardfile-import.journal", &mut child),
        };
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap_or_else(|e| panic!("wait: {e}"));
        killed += usize::from(status.code().is_none());
        // A run that finished before its kill had too long a window (the machine got faster
        // than when it was measured): the next run of its kind gets half of it.
        if status.code().is_some() {
            match run % 3 {
                0 => took /= 2,
                1 => writing /= 2,
                _ => moving /= 2,
            }
        }
        let now = snapshot(&root);
        let journal = root.join(".cardfile-import.journal").exists();
        committed += usize::from(journal);
        let records_only = |s: &BTreeMap<String, String>| -> BTreeMap<String, String> {
            let hidden = |k: &str| k.split('/').any(|c| c.starts_with('.')) || k == "customers/acme.toml";
            s.iter().filter(|(k, _)| !hidden(k)).map(|(k, v)| (k.clone(), v.clone())).collect()
        };
        let seen = records_only(&now);
        let (old, new) = (records_only(&before), records_only(&whole));
        assert!(
            journal || seen == old || seen == new,
            "run {run} (seed {seed}, killed after {delay:?}): partial, no journal"
        );
        // The next writer (here a `log` of the one customer the import does not touch) finishes
        // or undoes it: no change or the whole change, and nothing left behind.
        let out = run_in(dir.path(), &["log", "acme", "--kind", "call", "--summary", "x", "--today", TODAY]);
        assert_eq!(exit_code(&out), 0, "run {run} (seed {seed}): {}", stderr(&out));
        let seen = records_only(&snapshot(&root));
        assert!(seen == old || seen == new, "run {run} (seed {seed}, killed after {delay:?}): not all or nothing");
        assert_eq!(dot_files(dir.path()), Vec::<String>::new(), "run {run} (seed {seed}): left behind");
        // Running the import again completes it (or finds nothing to do).
        let out = output(cardfile(dir.path(), &args));
        assert_eq!(exit_code(&out), 0, "run {run} (seed {seed}): {}", stderr(&out));
        assert_eq!(records_only(&snapshot(&root)), new, "run {run} (seed {seed}): not the whole change");
        assert_eq!(dot_files(dir.path()), Vec::<String>::new(), "run {run} (seed {seed}): left behind");
        // Back to the start for the next run.
        for entry in fs::read_dir(root.join("customers")).into_iter().flatten().flatten() {
            if entry.file_name() != "acme.toml" {
                let path = entry.path();
                if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) }.expect("reset");
            }
        }
        fs::write(root.join("customers/acme.toml"), ACME).expect("reset");
        assert_eq!(snapshot(&root), before, "the reset failed");
    }
    eprintln!("an_import_killed_at_any_moment: {killed} of {RUNS} runs killed, {committed} of them after the commit");
    assert!(killed * 2 > RUNS, "only {killed} of {RUNS} runs were killed before they finished (seed {seed})");
}

/// Waits until an import running in `child` has created a file or folder whose name starts
/// with `prefix` in `root` (or has ended); returns when it appeared.
fn wait_for(root: &Path, prefix: &str, child: &mut std::process::Child) -> Option<Instant> {
    loop {
        let staging = fs::read_dir(root)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(prefix));
        if staging {
            return Some(Instant::now());
        }
        if child.try_wait().ok().flatten().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn rand_seed() -> u64 {
    fastrand::u64(..)
}
