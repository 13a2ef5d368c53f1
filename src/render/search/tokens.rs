//! The tokeniser of the site's search: how record text becomes the terms of the index. The
//! script of the search box (`templates/search.js`) folds and splits a query the same way, so
//! a query's terms are looked up exactly (Chinese) or as prefixes (Latin words and digits).
//!
//! * Folding: compatibility decomposition (full-width and half-width forms alike), accents
//!   dropped, lower case.
//! * Chinese (and kana): every character and every pair of neighbouring characters, so that any
//!   substring of two or more characters is found through its pairs.
//! * Latin letters and digits: words. Groups of digits separated by a space, a dash or a dot
//!   are one number (`138 0013-8000` is `13800138000`), indexed from each group on, so a
//!   number is found whether it is typed with or without its country code or spacing.
//! * Names also by pinyin: the full syllables and their initials, from each syllable on
//!   (`hdqc`, `huadong`, `qiche` find 华东汽车).

use pinyin::ToPinyin;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` folded for search: compatibility forms decomposed, accents dropped, lower case.
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    fold_into(text, &mut out);
    out
}

/// Appends `text`, folded as [`fold`] does, to `out`. ASCII and the common Han ideographs
/// (U+4E00 to U+9FFF: no decomposition, no case, combining class 0) are copied as they are (ASCII
/// lower-cased), and only the runs of other characters go through the decomposition: the same
/// result, since a decomposition splits exactly before any character of combining class 0.
fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        fold_run(text, true, out);
        return;
    }
    // The text alternates between runs copied as they are and runs decomposed; `from` is where
    // the current run starts, `copied` whether it is one to copy.
    let (mut from, mut copied) = (0, true);
    for (at, c) in text.char_indices() {
        let copy = c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c);
        if copy != copied {
            fold_run(&text[from..at], copied, out);
            (from, copied) = (at, copy);
        }
    }
    fold_run(&text[from..], copied, out);
}

/// Appends one run of [`fold_into`]: copied with ASCII lower-cased, or decomposed.
fn fold_run(run: &str, copied: bool, out: &mut String) {
    if copied {
        let start = out.len();
        out.push_str(run);
        out[start..].make_ascii_lowercase();
    } else {
        decompose(run, out);
    }
}

/// Appends `text` decomposed, accents dropped, in lower case, to `out`.
fn decompose(text: &str, out: &mut String) {
    if !text.is_empty() {
        out.extend(text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase));
    }
}

/// Whether `c` is written without spaces between words (Han ideographs, kana), so that it is
/// indexed by characters and pairs instead of words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// What may stand between two groups of digits of one number (each one byte long).
fn joins_digits(byte: u8) -> bool {
    matches!(byte, b' ' | b'-' | b'.')
}

/// The terms of `text`, in order of appearance (with repeats).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |term| out.push(term.to_string()));
    out
}

/// Calls `f` with each term of `text`, in order of appearance (with repeats).
pub fn for_each_term(text: &str, f: impl FnMut(&str)) {
    Tokeniser::default().each_term(text, f);
}

/// The tokeniser with its buffers, kept from one text to the next: the index tokenises every
/// record, and terms are handed out as slices of the folded text, so a text costs no
/// allocation once the buffers have grown.
#[derive(Default)]
pub struct Tokeniser {
    /// The text being tokenised, folded.
    folded: String,
    /// The digits of a number written in groups.
    number: String,
    /// Where each group of such a number starts, in `folded`.
    groups: Vec<usize>,
}

impl Tokeniser {
    /// Calls `f` with each term of `text`, in order of appearance (with repeats): of a run of
    /// Chinese its characters, then its pairs.
    pub fn each_term(&mut self, text: &str, mut f: impl FnMut(&str)) {
        self.folded.clear();
        fold_into(text, &mut self.folded);
        let Tokeniser { folded, number, groups } = self;
        let text = folded.as_str();
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            if is_cjk(c) {
                let end = run_end(text, at, is_cjk);
                let run = &text[at..end];
                run.char_indices().for_each(|(k, c)| f(&run[k..k + c.len_utf8()]));
                let mut starts = run.char_indices().map(|(k, _)| k).skip(1).peekable();
                let mut from = 0;
                while let Some(next) = starts.next() {
                    let to = starts.peek().copied().unwrap_or(run.len());
                    f(&run[from..to]);
                    from = next;
                }
                at = end;
            } else if c.is_alphanumeric() {
                at = word_terms(text, at, number, groups, &mut f);
            } else {
                at += c.len_utf8();
            }
        }
    }
}

/// Where the run of characters that satisfy `is` and starts at byte `from` of `text` ends.
fn run_end(text: &str, from: usize, is: impl Fn(char) -> bool) -> usize {
    text[from..].char_indices().find(|(_, c)| !is(*c)).map_or(text.len(), |(k, _)| from + k)
}

/// Whether `c` is part of a word of letters and digits.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// The word that starts at byte `start` of `text`; a number made of several groups also from
/// each later group on, built in `number` (the groups' starts in `groups`). Returns where the
/// word ends.
fn word_terms(
    text: &str,
    start: usize,
    number: &mut String,
    groups: &mut Vec<usize>,
    f: &mut impl FnMut(&str),
) -> usize {
    let digits = |from: usize, to: usize| text.as_bytes()[from..to].iter().all(u8::is_ascii_digit);
    let mut end = run_end(text, start, is_word);
    if !digits(start, end) {
        f(&text[start..end]);
        return end;
    }
    groups.clear();
    groups.push(start);
    loop {
        let next = end + 1;
        let joined = text.as_bytes().get(end).is_some_and(|b| joins_digits(*b)) && next < text.len();
        let next_end = if joined { run_end(text, next, is_word) } else { next };
        if !joined || next_end == next || !digits(next, next_end) {
            break;
        }
        groups.push(next);
        end = next_end;
    }
    if groups.len() == 1 {
        f(&text[start..end]);
        return end;
    }
    number.clear();
    number.extend(text[start..end].chars().filter(char::is_ascii_digit));
    let mut skipped = 0;
    for group in groups.iter() {
        f(&number[skipped..]);
        skipped += text.as_bytes()[*group..end].iter().take_while(|b| b.is_ascii_digit()).count();
    }
    end
}

/// The pinyin terms of a name: for each run of Chinese, its syllables joined and their
/// initials, each from every syllable on.
pub fn pinyin_terms(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut syllables: Vec<&'static str> = Vec::new();
    let mut flush = |syllables: &mut Vec<&'static str>| {
        for from in 0..syllables.len() {
            out.push(syllables[from..].concat());
            if syllables.len() - from > 1 {
                out.push(syllables[from..].iter().filter_map(|s| s.get(..1)).collect());
            }
        }
        syllables.clear();
    };
    for (c, reading) in name.chars().zip(name.to_pinyin()) {
        match reading {
            Some(p) if is_cjk(c) => syllables.push(p.plain()),
            _ => flush(&mut syllables),
        }
    }
    flush(&mut syllables);
    out
}

#[cfg(test)]
mod tests;
