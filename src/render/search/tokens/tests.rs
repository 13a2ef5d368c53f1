//! The tokeniser's rules, each at its boundaries.

use super::*;

fn has(terms: &[String], term: &str) -> bool {
    terms.iter().any(|t| t == term)
}

#[test]
fn chinese_is_indexed_by_every_character_and_every_pair() {
    let t = terms("华东汽车");
    assert_eq!(t, ["华", "东", "汽", "车", "华东", "东汽", "汽车"]);
    assert!(!has(&t, "华东汽"), "no triples: a longer substring is found through its pairs");
    assert_eq!(terms("华"), ["华"], "a single character is its own term");
}

#[test]
fn a_run_of_chinese_ends_at_latin_text_and_punctuation() {
    let t = terms("华东，ABC汽车");
    assert!(has(&t, "华东") && has(&t, "汽车") && has(&t, "abc"), "{t:?}");
    assert!(!has(&t, "东汽"), "the comma separates the runs: {t:?}");
}

#[test]
fn full_width_and_half_width_forms_fold_alike() {
    assert_eq!(terms("ＡＢＣ　１２３"), terms("abc 123"));
    assert_eq!(fold("ｶﾀｶﾅ"), fold("カタカナ"), "half-width kana are the full-width ones");
}

#[test]
fn latin_is_case_and_accent_folded() {
    assert_eq!(terms("Müller CAFÉ"), ["muller", "cafe"]);
    assert_eq!(terms("Ångström"), ["angstrom"]);
}

#[test]
fn a_number_in_groups_is_one_term_indexed_from_each_group_on() {
    assert_eq!(terms("+86 138-0013 8000"), ["8613800138000", "13800138000", "00138000", "8000"]);
    assert_eq!(terms("13800138000"), ["13800138000"], "typed without spaces: one term");
    assert_eq!(terms("12 ab"), ["12", "ab"], "a word of letters does not join a number");
    assert_eq!(terms("2026-"), ["2026"], "a trailing dash joins nothing");
    assert_eq!(terms("1 - 2"), ["1", "2"], "a dash with spaces around it separates");
}

#[test]
fn references_keep_letters_and_join_their_digits() {
    assert_eq!(terms("PO-2026-0042"), ["po", "20260042", "0042"]);
    assert_eq!(terms("A7x"), ["a7x"]);
}

#[test]
fn names_match_by_pinyin_and_initials_from_each_syllable() {
    let t = pinyin_terms("华东汽车");
    for term in ["huadongqiche", "hdqc", "dongqiche", "dqc", "qiche", "qc", "che"] {
        assert!(has(&t, term), "{term} missing from {t:?}");
    }
    assert!(!has(&t, "c"), "no single initial: {t:?}");
    assert!(pinyin_terms("Acme Ltd").is_empty());
    let mixed = pinyin_terms("上海ABC机械");
    assert!(has(&mixed, "shanghai") && has(&mixed, "jixie") && !has(&mixed, "shanghaijixie"), "{mixed:?}");
}

/// The decomposition over the whole text, as `fold` was first written.
fn fold_whole(text: &str) -> String {
    text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

#[test]
fn folding_by_runs_is_folding_the_whole_text() {
    for text in ["e\u{301}", "E\u{301}\u{323}x", "华\u{301}东", "Ｅ\u{300}a", "ǅ华", "ﬁ汽\u{0345}A", "\u{301}", "한국"]
    {
        assert_eq!(fold(text), fold_whole(text), "{text:?}");
    }
    let pieces = "aZ9 -.华东\u{4E00}\u{9FFF}\u{9FFE}\u{3400}éÉ\u{301}\u{323}\u{345}ＡｶﾞǅßİΣﬁ①한";
    let chars = proptest::collection::vec(proptest::sample::select(pieces.chars().collect::<Vec<_>>()), 0..12);
    proptest::proptest!(|(text in chars)| {
        let text: String = text.into_iter().collect();
        proptest::prop_assert_eq!(fold(&text), fold_whole(&text));
    });
}
