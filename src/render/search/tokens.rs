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
    text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// Whether `c` is written without spaces between words (Han ideographs, kana), so that it is
/// indexed by characters and pairs instead of words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// What may stand between two groups of digits of one number.
fn joins_digits(c: char) -> bool {
    matches!(c, ' ' | '-' | '.')
}

/// The terms of `text`, in order of appearance (with repeats).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |term| out.push(term.to_string()));
    out
}

/// Calls `f` with each term of `text`, in order of appearance (with repeats), most of them
/// slices of the folded text (no allocation per term: the index calls this for every record).
pub fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    let folded = if text.is_ascii() { text.to_ascii_lowercase() } else { fold(text) };
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(folded.len(), |(byte, _)| *byte);
    let mut number = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if is_cjk(c) {
            let start = i;
            while i < chars.len() && is_cjk(chars[i].1) {
                i += 1;
            }
            (start..i).for_each(|k| f(&folded[at(k)..at(k + 1)]));
            (start..i.saturating_sub(1)).for_each(|k| f(&folded[at(k)..at(k + 2)]));
        } else if c.is_alphanumeric() {
            i = word_terms(&chars, i, &mut number, |from, to| &folded[at(from)..at(to)], &mut f);
        } else {
            i += 1;
        }
    }
}

/// The word that starts at `start` of `chars` (`slice` gives the text between two of its
/// indexes); a number made of several groups also from each later group on, built in
/// `number`. Returns where the word ends.
fn word_terms<'a>(
    chars: &[(usize, char)],
    start: usize,
    number: &mut String,
    slice: impl Fn(usize, usize) -> &'a str,
    f: &mut impl FnMut(&str),
) -> usize {
    let is_word = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_alphanumeric() && !is_cjk(*c));
    let word_end = |from: usize| (from..).find(|i| !is_word(*i)).unwrap_or(from);
    let digits = |from: usize, to: usize| chars[from..to].iter().all(|(_, c)| c.is_ascii_digit());
    let mut end = word_end(start);
    if !digits(start, end) {
        f(slice(start, end));
        return end;
    }
    let mut groups = vec![start];
    loop {
        let next = end + 1;
        let joined = chars.get(end).is_some_and(|(_, c)| joins_digits(*c)) && next < chars.len();
        let next_end = if joined { word_end(next) } else { next };
        if !joined || next_end == next || !digits(next, next_end) {
            break;
        }
        groups.push(next);
        end = next_end;
    }
    if groups.len() == 1 {
        f(slice(start, end));
        return end;
    }
    number.clear();
    number.extend(chars[start..end].iter().map(|(_, c)| *c).filter(char::is_ascii_digit));
    let mut skipped = 0;
    for group in &groups {
        f(&number[skipped..]);
        skipped += chars[*group..end].iter().take_while(|(_, c)| c.is_ascii_digit()).count();
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
