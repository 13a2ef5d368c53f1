//! The index files: terms by bucket with their documents, documents by chunk, and text that
//! stays inert inside a script.

use super::*;
use crate::render::MemorySink;

/// The files `index` writes, by path.
fn files<D: Documents>(index: Index<D>) -> Vec<(String, String)> {
    let sink = MemorySink::default();
    index.write(&sink).unwrap();
    sink.into_files().into_iter().map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap())).collect()
}

fn doc<'a>(kind: Kind, title: &'a str, text: &str) -> Doc<'a> {
    Doc {
        kind,
        title,
        text: text.to_string().into(),
        customer: "x",
        anchor: Anchor::default(),
        name: "",
        withheld: &[],
    }
}

/// The ids of `term` read back from the bucket files (differences added up).
fn ids_in_files(files: &[(String, String)], term: &str, buckets: usize) -> Vec<u32> {
    let (_, text) = files.iter().find(|(p, _)| *p == format!("search/b{}.js", bucket(term, buckets))).unwrap();
    let json = text.strip_prefix(&format!("cardfileSearch.put(\"b{}\",", bucket(term, buckets))).unwrap();
    let value: serde_json::Value = serde_json::from_str(json.trim_end().strip_suffix(");").unwrap()).unwrap();
    let mut last = 0;
    value[term].as_array().map_or_else(Vec::new, |ids| {
        ids.iter()
            .map(|d| {
                last += d.as_u64().unwrap() as u32;
                last
            })
            .collect()
    })
}

#[test]
fn each_term_lists_the_documents_that_hold_it_in_id_order() {
    let docs = vec![
        doc(Kind::Customer, "华东汽车", "huadong"),
        doc(Kind::Interaction, "华东汽车", "blades were late"),
        doc(Kind::Interaction, "Acme", "new blades ordered"),
    ];
    let index = Index::new(docs);
    let buckets = index.buckets();
    let files = files(index);
    assert_eq!(ids_in_files(&files, "blades", buckets), [1, 2]);
    assert_eq!(ids_in_files(&files, "华东", buckets), [0], "a customer's name is indexed for the customer only");
    assert_eq!(ids_in_files(&files, "late", buckets), [1]);
    assert!(ids_in_files(&files, "blade", buckets).is_empty(), "prefixes are the script's work");
}

#[test]
fn documents_are_cut_into_chunks_that_the_manifest_lists() {
    let long = "x".repeat(300);
    let titles: Vec<String> = (0..400).map(|i| format!("c{i}")).collect();
    let docs: Vec<Doc> = titles.iter().map(|title| doc(Kind::Note, title, &long)).collect();
    let files = files(Index::new(docs));
    let chunks: Vec<&(String, String)> = files.iter().filter(|(p, _)| p.starts_with("search/d")).collect();
    assert!(chunks.len() >= 2, "{} chunk(s)", chunks.len());
    assert!(chunks.iter().all(|(_, text)| text.len() < CHUNK_BYTES + 1024));
    let (_, manifest) = files.iter().find(|(p, _)| p == "search/index.js").unwrap();
    let firsts = manifest.split("\"chunks\":[").nth(1).unwrap().split(']').next().unwrap();
    assert_eq!(firsts.split(',').count(), chunks.len());
    assert!(firsts.starts_with("0,"), "{firsts}");
}

#[test]
fn the_same_documents_give_the_same_files() {
    let docs =
        || (0..300).map(|i| doc(Kind::Interaction, "n", &format!("visit {i} 华东 {}", i * 7))).collect::<Vec<_>>();
    assert_eq!(files(Index::new(docs())), files(Index::new(docs())));
}

#[test]
fn record_text_stays_inert_inside_a_script() {
    let json = script_json("</script><b>&\u{2028}\u{2029}");
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        assert!(!json.contains(bad), "{json} holds {bad:?}");
    }
    assert_eq!(serde_json::from_str::<String>(&json).unwrap(), "</script><b>&\u{2028}\u{2029}");
    // Each alone too: a text holding only one of them must not pass as one that needs nothing.
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        let json = script_json(&format!("a{bad}b"));
        assert!(!json.contains(bad), "{json} holds {bad:?}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), format!("a{bad}b"));
    }
    assert_eq!(script_json("plain 华东 text"), "\"plain 华东 text\"");
}

#[test]
fn a_bucket_depends_on_the_first_two_characters_only() {
    assert_eq!(bucket("blade", 64), bucket("blades", 64));
    assert_eq!(bucket("华东汽车", 64), bucket("华东", 64));
    assert_eq!(bucket("anything", 1), 0);
    // The script computes the same: FNV-1a of "ab" is 0x4d2505ca.
    assert_eq!(bucket("ab", 1 << 31), 0x4d25_05ca & 0x7fff_ffff);
}

#[test]
fn no_term_holds_a_withheld_value() {
    let mut contact = doc(Kind::Contact, "Acme", "费振华 · 经理");
    contact.name = "费振华";
    let withheld = ["feizhenhua".to_string()];
    contact.withheld = &withheld;
    let index = Index::new(vec![contact]);
    assert!(!index.terms.contains_key("feizhenhua"), "the pinyin spells the redacted WeChat id");
    assert!(index.terms.contains_key("fzh") && index.terms.contains_key("费振"), "the rest of the name is indexed");
}

#[test]
fn an_index_told_to_stop_is_not_made() {
    let docs = || (0..2000).map(|i| doc(Kind::Interaction, "n", &format!("visit {i}"))).collect::<Vec<_>>();
    assert!(Index::unless_stopped(docs(), &|| true).is_none());
    let asked = std::sync::atomic::AtomicUsize::new(0);
    // Told to stop after the first batch has started: what was made is dropped.
    let late = || asked.fetch_add(1, std::sync::atomic::Ordering::SeqCst) > 0;
    assert!(Index::unless_stopped(docs(), &late).is_none());
    let whole = Index::unless_stopped(docs(), &|| false).map(files);
    assert_eq!(whole, Some(files(Index::new(docs()))));
}
