//! Times the site's search index alone (the part of `cardfile build` that issue 14 added),
//! apart from loading, analysing and rendering the pages.
//!
//! ```text
//! cargo run --release --example search_index -- target/bench-data/10000 [RUNS]
//! ```
//!
//! Prints the median of RUNS (default 5) runs of building the index and its files in memory,
//! and the bytes and number of files it makes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result};
use cardfile::project::Project;
use cardfile::render::Sink;
use cardfile::render::html::Site;

/// A sink that only counts what it is given.
#[derive(Default)]
struct Counting {
    files: AtomicUsize,
    bytes: AtomicUsize,
}

impl Sink for Counting {
    fn put(&self, _path: &str, bytes: &[u8]) -> Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len(), Ordering::Relaxed);
        Ok(())
    }
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().context("usage: search_index RECORDS [RUNS]")?);
    let runs: usize = args.next().map_or(Ok(5), |r| r.parse()).context("RUNS is a number")?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).context("a date")?;
    let project = Project::load(&root, today);
    let analysis = project.analyse();
    let loaded = &project.loaded;
    let site = Site::new(&loaded.records, &analysis, &loaded.settings, None, project.site_options(false, None)?)?;
    let mut times = Vec::new();
    let mut made = (0, 0);
    for _ in 0..runs {
        let sink = Counting::default();
        let start = Instant::now();
        cardfile::render::search::render(&site, &sink, &|| false)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        made = (sink.files.into_inner(), sink.bytes.into_inner());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let all: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!(
        "search index of {} customers: median {median:.0} ms of {runs} runs ({} ms); {} files, {} bytes",
        loaded.records.customers.len(),
        all.join(", "),
        made.0,
        made.1
    );
    Ok(())
}
