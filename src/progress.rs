//! Progress of the long commands (`build`, `import`) on standard error: a spinner per stage
//! with its count and time, then one line saying what the stage did. Shown only when standard
//! error is a terminal, so CI logs and pipes stay clean; `--quiet` hides it and the command's
//! summary line too (errors are printed all the same).

use std::fmt::Display;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use anyhow::Result;
use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::render::{Sink, Writing};

/// The progress of one command.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    shown: bool,
    quiet: bool,
}

impl Progress {
    /// Progress on standard error when it is a terminal; none at all with `quiet`.
    pub fn new(quiet: bool) -> Progress {
        Progress { shown: !quiet && std::io::stderr().is_terminal(), quiet }
    }

    /// Starts a stage named `name` ("loading records"): a spinner and the time so far.
    pub fn stage(&self, name: &str) -> Stage {
        self.start(name, None)
    }

    /// Starts a stage that counts what it does (`unit`: "files"), one [`Stage::inc`] at a time.
    pub fn counting(&self, name: &str, unit: &'static str) -> Stage {
        self.start(name, Some(unit))
    }

    fn start(&self, name: &str, unit: Option<&'static str>) -> Stage {
        let bar = if self.shown {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let template = match unit {
                Some(unit) => format!("{{spinner}} {{prefix}}: {{human_pos}} {unit} ({{elapsed}})"),
                None => "{spinner} {prefix} ({elapsed})".to_string(),
            };
            bar.set_style(style(&template));
            bar.set_prefix(name.to_string());
            bar.enable_steady_tick(Duration::from_millis(100));
            bar
        } else {
            ProgressBar::hidden()
        };
        Stage { bar, name: name.to_string(), unit, shown: self.shown, started: Instant::now() }
    }

    /// Prints the command's summary line on standard error, unless `--quiet`.
    pub fn summary(&self, line: impl Display) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner())
}

/// One stage of a command's progress; a stage dropped before [`Stage::done`] (on an error)
/// clears its line, so that the error starts on a line of its own.
pub struct Stage {
    bar: ProgressBar,
    name: String,
    unit: Option<&'static str>,
    shown: bool,
    started: Instant,
}

impl Stage {
    /// Counts one more thing done.
    pub fn inc(&self) {
        self.bar.inc(1);
    }

    /// A sink that counts each file put into `inner`.
    pub fn sink<'a>(&'a self, inner: &'a dyn Sink) -> Counted<'a> {
        Counted { stage: self, inner }
    }

    /// Ends the stage with a line saying what it did: "✓ NAME: WHAT (time)". A counting stage
    /// says its count first; `what` may then be empty.
    pub fn done(self, what: impl Display) {
        let what = what.to_string();
        let count = self.unit.map(|unit| format!("{} {unit}", HumanCount(self.bar.position())));
        let text = match (count, what.is_empty()) {
            (Some(count), true) => count,
            (Some(count), false) => format!("{count}, {what}"),
            (None, _) => what,
        };
        // The spinner's line is cleared and the stage's line printed in its place, so that
        // whatever comes next (diagnostics, the next stage) starts on a clean line.
        self.bar.finish_and_clear();
        if self.shown {
            eprintln!("✓ {}: {text} ({:.1} s)", self.name, self.started.elapsed().as_secs_f64());
        }
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if !self.bar.is_finished() {
            self.bar.finish_and_clear();
        }
    }
}

/// A [`Sink`] that counts the files put into another one, for a stage's progress.
pub struct Counted<'a> {
    stage: &'a Stage,
    inner: &'a dyn Sink,
}

impl Sink for Counted<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.inner.put(path, bytes)?;
        self.stage.inc();
        Ok(())
    }

    fn put_streamed(&self, path: &str, write: &mut Writing<'_>) -> Result<()> {
        self.inner.put_streamed(path, write)?;
        self.stage.inc();
        Ok(())
    }

    fn put_made(&self, path: &str, bytes: &[u8], key: u128) -> Result<()> {
        self.inner.put_made(path, bytes, key)?;
        self.stage.inc();
        Ok(())
    }

    fn keep(&self, path: &str, key: u128) -> Result<bool> {
        let kept = self.inner.keep(path, key)?;
        if kept {
            self.stage.inc();
        }
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::MemorySink;

    #[test]
    fn a_counted_sink_counts_and_passes_every_file_on() {
        let progress = Progress { shown: false, quiet: true };
        let stage = progress.counting("rendering", "files");
        let memory = MemorySink::default();
        let sink = stage.sink(&memory);
        sink.put("a.html", b"a").unwrap();
        sink.put("b.html", b"b").unwrap();
        assert!(sink.put("a.html", b"again").is_err(), "the inner sink's refusal is passed on");
        assert_eq!(stage.bar.position(), 2);
        stage.done("");
        assert_eq!(memory.into_files().len(), 2);
    }
}
