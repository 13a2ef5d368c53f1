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
    let folded: Vec<char> = fold(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        if is_cjk(c) {
            let start = i;
            while i < folded.len() && is_cjk(folded[i]) {
                i += 1;
            }
            cjk_terms(&folded[start..i], &mut out);
        } else if c.is_alphanumeric() {
            i = word_terms(&folded, i, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// Every character of a run of Chinese, and every pair.
fn cjk_terms(run: &[char], out: &mut Vec<String>) {
    out.extend(run.iter().map(|c| c.to_string()));
    out.extend(run.windows(2).map(|pair| pair.iter().collect()));
}

/// The word that starts at `start`, pushed to `out`; a number made of several groups also from
/// each later group on. Returns where the word ends.
fn word_terms(chars: &[char], start: usize, out: &mut Vec<String>) -> usize {
    let word_end = |from: usize| {
        let mut end = from;
        while end < chars.len() && chars[end].is_alphanumeric() && !is_cjk(chars[end]) {
            end += 1;
        }
        end
    };
    let digits = |from: usize, to: usize| chars[from..to].iter().all(char::is_ascii_digit);
    let mut end = word_end(start);
    if !digits(start, end) {
        out.push(chars[start..end].iter().collect());
        return end;
    }
    let mut groups = vec![start];
    loop {
        let next = end + 1;
        let joined = end < chars.len() && joins_digits(chars[end]) && next < chars.len();
        let next_end = if joined { word_end(next) } else { next };
        if !joined || next_end == next || !digits(next, next_end) {
            break;
        }
        groups.push(next);
        end = next_end;
    }
    let number: String = chars[start..end].iter().filter(|c| c.is_ascii_digit()).collect();
    let mut skipped = 0;
    for group in &groups {
        out.push(number[skipped..].to_string());
        skipped += chars[*group..end].iter().take_while(|c| c.is_ascii_digit()).count();
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
