//! Times the phases of one `serve` rebuild after an edit of one customer, at the size of the
//! tree given: reloading the records (only the edited file parsed again), analysing, and each
//! part of rendering the site into memory, in the order `serve` publishes them: the assets and
//! the customers' pages, the other pages, then the exports (search index, data files,
//! calendars).
//!
//! ```text
//! cargo run --release --example rebuild_phases -- target/bench-data/10000 [RUNS] [--fresh]
//! ```
//!
//! Works on a copy of the tree in a scratch directory; prints the median of RUNS (default 5)
//! rebuilds for each phase, in milliseconds. With `--fresh`, no page is reused: every run
//! renders the whole site, as `cardfile build` does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use cardfile::project::Project;
use cardfile::records::ParseCache;
use cardfile::render::SharedSink;
use cardfile::render::html::{PageMemo, Site};

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Runs `f`, adding its time in milliseconds to `phase` of `times`.
fn timed<T>(times: &mut BTreeMap<&'static str, Vec<f64>>, phase: &'static str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = f();
    times.entry(phase).or_default().push(start.elapsed().as_secs_f64() * 1000.0);
    value
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let source = PathBuf::from(args.next().context("usage: rebuild_phases RECORDS [RUNS]")?);
    let rest: Vec<String> = args.collect();
    let fresh = rest.iter().any(|a| a == "--fresh");
    let runs: usize = rest.iter().find(|a| *a != "--fresh").map_or(Ok(5), |r| r.parse()).context("RUNS is a number")?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).context("a date")?;
    let scratch = tempfile::tempdir()?;
    let root = scratch.path().join("records");
    copy(&source, &root)?;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![root.join("customers")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    let edited = files.first().context("no customer files")?.clone();
    let mut cache = ParseCache::new();
    let mut memo = PageMemo::default();
    let mut times: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    for run in 0..=runs {
        if run > 0 {
            let text = std::fs::read_to_string(&edited)?;
            let line = text.lines().find(|l| l.starts_with("name = ")).context("no name")?.to_string();
            std::fs::write(&edited, text.replacen(&line, &format!("name = \"Edit {run}\""), 1))?;
        }
        let all = Instant::now();
        let project = timed(&mut times, "1 reload", || Project::reload(&mut cache, &root, today, &BTreeMap::new()));
        let options = project.site_options(false, None)?;
        let analysis = timed(&mut times, "2 analyse", || project.analyse_for_site(None, &options));
        if fresh {
            memo = PageMemo::default();
        }
        memo.begin();
        {
            let loaded = &project.loaded;
            let site = timed(&mut times, "3 site and page keys", || {
                Site::new(&loaded.records, &analysis, &loaded.settings, None, options).map(|s| s.reusing(&memo))
            })?;
            let sink = SharedSink::default();
            timed(&mut times, "4 customer pages", || site.render_customer_pages(&sink))?;
            timed(&mut times, "5 other pages", || site.render_other_pages(&sink))?;
            timed(&mut times, "6 exports", || cardfile::render::exports(&site, &sink, &|| false))?;
            timed(&mut times, "7 drop files", || drop(sink.into_files()));
        }
        memo.finish();
        if run == runs {
            let (rendered, reused) = memo.counts();
            println!("last rebuild: {rendered} renderings made, {reused} reused");
        }
        timed(&mut times, "8 drop project", || drop((analysis, project)));
        times.entry("0 all").or_default().push(all.elapsed().as_secs_f64() * 1000.0);
        if run == 0 {
            times.clear();
        }
    }
    println!("rebuild after an edit of one customer, median of {runs} (ms):");
    for (phase, mut values) in times {
        values.sort_by(f64::total_cmp);
        println!("  {phase:<24} {:>8.1}", values[values.len() / 2]);
    }
    Ok(())
}
