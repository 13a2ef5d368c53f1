//! A writer that fails once told to stop, so that a long rendering (Tera writes a whole page
//! into one writer: the agenda of 10,000 customers is megabytes) stops in the middle of a
//! page instead of at its end.

use std::io::{self, Write};

use super::Stop;

/// How many bytes are written between two questions to the stop.
const EVERY: usize = 64 * 1024;

/// Writes into `out`, asking `stop` every [`EVERY`] bytes; fails once it says to stop.
pub struct StoppingWriter<'s, W> {
    out: W,
    stop: Option<Stop<'s>>,
    written: usize,
    next_question: usize,
}

impl<'s, W: Write> StoppingWriter<'s, W> {
    /// Writes into `out`; never stops without a `stop`.
    pub fn new(out: W, stop: Option<Stop<'s>>) -> Self {
        StoppingWriter { out, stop, written: 0, next_question: EVERY }
    }
}

impl<W: Write> Write for StoppingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written >= self.next_question {
            if self.stop.is_some_and(|stop| stop()) {
                return Err(io::Error::other("the rendering was stopped"));
            }
            self.next_question = self.written + EVERY;
        }
        let n = self.out.write(buf)?;
        self.written += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;

    #[test]
    fn a_long_write_fails_soon_after_the_stop_and_a_short_one_is_not_asked() {
        let stopped = AtomicBool::new(false);
        let stop = || stopped.load(Ordering::SeqCst);
        let mut out = Vec::new();
        let mut writer = StoppingWriter::new(&mut out, Some(&stop));
        let chunk = [b'x'; 1000];
        for _ in 0..100 {
            writer.write_all(&chunk).unwrap();
        }
        stopped.store(true, Ordering::SeqCst);
        let failed = (0..100).position(|_| writer.write_all(&chunk).is_err());
        let written = out.len();
        assert!(failed.is_some(), "told to stop, the writer fails");
        assert!(written < 100_000 + EVERY + 1000, "within one interval of the stop: {written} bytes");

        let mut short = Vec::new();
        let mut writer = StoppingWriter::new(&mut short, Some(&stop));
        writer.write_all(&chunk).unwrap();
        assert_eq!(short.len(), 1000, "a page shorter than the interval is written whole");
        let mut never = Vec::new();
        let mut writer = StoppingWriter::new(&mut never, None);
        (0..200).for_each(|_| writer.write_all(&chunk).unwrap());
        assert_eq!(never.len(), 200_000);
    }
}
