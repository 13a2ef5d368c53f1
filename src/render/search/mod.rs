//! The site's search index (docs/site.md, section 14): every customer, contact, order,
//! complaint, interaction, set of notes and change in the history, as script files under
//! `search/` that the search box loads with `<script>` tags on first use (no `fetch`, so it
//! works from `file://`).
//!
//! * `search/index.js`: how many buckets, and the first document of each chunk.
//! * `search/b<n>.js`: the terms of one bucket (by a hash of their first two characters), each
//!   with the documents that hold it, as ascending ids written as differences.
//! * `search/d<n>.js`: a chunk of documents in id order: kind, customer name, text, customer
//!   id and anchor (the link is `customers/<id>.html#<anchor>`).
//!
//! A query reads the manifest, one bucket per term and the chunks of the results it shows;
//! buckets and chunks are sized so that this stays small at 10,000 customers.

mod documents;
mod postings;
mod site_documents;
mod tokens;

use std::collections::HashMap;

use anyhow::Result;
use rayon::prelude::*;

pub use documents::{Anchor, Doc, Documents, Kind};
pub use postings::Postings;
pub use site_documents::{SiteDocuments, documents};
pub use tokens::{Tokeniser, fold, for_each_term, pinyin_terms, terms};

use super::html::Site;
use super::{Sink, Stop};

/// About how many bytes one bucket holds.
const BUCKET_BYTES: usize = 96 * 1024;

/// About how many bytes one chunk of documents holds.
const CHUNK_BYTES: usize = 48 * 1024;

/// Documents tokenised together into one small index before the indexes are merged.
const BATCH: usize = 512;

/// The index: every term with the ascending ids of the documents that hold it.
pub struct Index<D> {
    /// The documents, by id.
    pub docs: D,
    /// The terms.
    pub terms: Terms,
}

/// Terms with the documents that hold them.
/// Hashed with FNV-1a, quicker than the default for short keys (the order of the map is never
/// seen: every file sorts its terms).
pub type Terms = HashMap<String, Postings, fnv::FnvBuildHasher>;

/// Adds to `terms` the document `id`: the terms of its text, of the customer's name for a
/// customer, of the pinyin of its name; each once, and none that holds a withheld value.
fn add_doc(terms: &mut Terms, tokeniser: &mut Tokeniser, id: u32, doc: &Doc<'_>) {
    let mut add = |term: &str| {
        if doc.withheld.iter().any(|w| term.contains(w.as_str())) {
            return;
        }
        match terms.get_mut(term) {
            Some(ids) => ids.push(id),
            None => {
                let mut ids = Postings::default();
                ids.push(id);
                terms.insert(term.to_string(), ids);
            }
        }
    };
    tokeniser.each_term(&doc.text, &mut add);
    if doc.kind == Kind::Customer {
        tokeniser.each_term(doc.title, &mut add);
    }
    pinyin_terms(doc.name).iter().for_each(|t| add(t));
}

impl<D: Documents> Index<D> {
    /// Indexes `docs`: batches of documents tokenised in parallel, each into its own small
    /// index, merged in order (a later batch's ids follow an earlier one's, so every list stays
    /// ascending).
    pub fn new(docs: D) -> Index<D> {
        let never: Stop<'_> = &|| false;
        let terms = Index::terms_unless_stopped(&docs, never).unwrap_or_default();
        Index { docs, terms }
    }

    /// Indexes `docs` as [`Index::new`] does; `None` when `stop` said to stop (asked before
    /// each batch).
    pub fn unless_stopped(docs: D, stop: Stop<'_>) -> Option<Index<D>> {
        Index::terms_unless_stopped(&docs, stop).map(|terms| Index { docs, terms })
    }

    /// The terms of `docs`; `None` when `stop` said to stop.
    fn terms_unless_stopped(docs: &D, stop: Stop<'_>) -> Option<Terms> {
        let count = docs.count();
        let terms = (0..count.div_ceil(BATCH))
            .into_par_iter()
            .map(|b| {
                let mut local = Terms::default();
                if stop() {
                    return local;
                }
                let mut tokeniser = Tokeniser::default();
                for id in b * BATCH..count.min((b + 1) * BATCH) {
                    add_doc(&mut local, &mut tokeniser, id as u32, &docs.doc(id));
                }
                local
            })
            .reduce(Terms::default, |mut earlier, later| {
                for (term, ids) in later {
                    earlier.entry(term).or_default().append(ids);
                }
                earlier
            });
        (!stop()).then_some(terms)
    }

    /// The number of buckets: a power of two, about [`BUCKET_BYTES`] each.
    fn buckets(&self) -> usize {
        let bytes: usize = self.terms.iter().map(|(t, ids)| t.len() + 4 + ids.len() * 4).sum();
        bytes.div_ceil(BUCKET_BYTES).max(1).next_power_of_two()
    }

    /// Hands the files of the index to `sink`, by path under the site's root, each as soon as
    /// it is written: the buckets (in parallel; the terms are dropped after them), then the
    /// chunks of documents, then the manifest. So the index's files, 73 MB at 10,000
    /// customers, are never all in memory at once.
    pub fn write(self, sink: &dyn Sink) -> Result<()> {
        let buckets = self.buckets();
        let mut split: Vec<Vec<(&str, &Postings)>> = vec![Vec::new(); buckets];
        for (term, ids) in &self.terms {
            split[bucket(term, buckets)].push((term, ids));
        }
        split.into_par_iter().enumerate().try_for_each(|(n, mut terms)| {
            terms.sort_unstable_by_key(|(t, _)| *t);
            sink.put(&format!("search/b{n}.js"), bucket_file(n, &terms).as_bytes())
        })?;
        let Index { docs, terms } = self;
        drop(terms);
        let mut firsts = Vec::new();
        let mut chunk = String::new();
        let mut id = 0;
        for start in (0..docs.count()).step_by(ROWS_AT_ONCE) {
            let end = docs.count().min(start + ROWS_AT_ONCE);
            let rows: Vec<String> = (start..end).into_par_iter().map(|id| row(&docs.doc(id))).collect();
            for row in rows {
                if chunk.is_empty() {
                    firsts.push(id);
                }
                chunk.push_str(if chunk.is_empty() { "[" } else { "," });
                chunk.push_str(&row);
                if chunk.len() >= CHUNK_BYTES {
                    put_chunk(sink, firsts.len() - 1, &mut chunk)?;
                }
                id += 1;
            }
        }
        if !chunk.is_empty() {
            put_chunk(sink, firsts.len() - 1, &mut chunk)?;
        }
        let manifest = serde_json::json!({ "buckets": buckets, "chunks": firsts, "docs": docs.count() });
        sink.put("search/index.js", format!("cardfileSearch.put(\"index\",{});\n", script_json(&manifest)).as_bytes())
    }
}

/// Documents turned into rows of a chunk together, in parallel, before they are cut into chunks.
const ROWS_AT_ONCE: usize = 4096;

/// The row of one document in a chunk: kind, title, text shown, customer id and anchor.
fn row(doc: &Doc<'_>) -> String {
    script_json(&(doc.kind as u8, doc.title, doc.shown(), doc.customer, doc.anchor))
}

/// The file of bucket `n`: each term with its ids as differences (the first as is).
fn bucket_file(n: usize, terms: &[(&str, &Postings)]) -> String {
    let mut out = format!("cardfileSearch.put(\"b{n}\",{{");
    for (i, (term, ids)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&script_json(term));
        out.push_str(":[");
        let mut digits = itoa::Buffer::new();
        for (j, difference) in ids.differences().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(digits.format(difference));
        }
        out.push(']');
    }
    out.push_str("});\n");
    out
}

/// Hands `sink` chunk `n`, made of the rows gathered in `chunk` (then emptied).
fn put_chunk(sink: &dyn Sink, n: usize, chunk: &mut String) -> Result<()> {
    let file = format!("cardfileSearch.put(\"d{n}\",{chunk}]);\n");
    chunk.clear();
    sink.put(&format!("search/d{n}.js"), file.as_bytes())
}

/// The bucket of `term` among `buckets` (a power of two): FNV-1a over the code points of its
/// first two characters, as the search box's script computes it.
pub fn bucket(term: &str, buckets: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for c in term.chars().take(2) {
        hash = (hash ^ c as u32).wrapping_mul(0x0100_0193);
    }
    hash as usize & (buckets - 1)
}

/// `value` as JSON that stays inert inside a script: `<`, `>`, `&` and the line separators
/// U+2028 and U+2029 escaped.
pub fn script_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    // Most values hold none of them (0xE2 starts U+2028 and U+2029): then the JSON is the answer.
    if !json.bytes().any(|b| matches!(b, b'<' | b'>' | b'&' | 0xE2)) {
        return json;
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes the search index of `site` into `sink`; `false` when `stop` said to stop first
/// (asked between the steps).
pub fn render(site: &Site<'_>, sink: &dyn Sink, stop: Stop<'_>) -> Result<bool> {
    let docs = documents(site);
    let Some(index) = (!stop()).then(|| Index::unless_stopped(docs, stop)).flatten() else { return Ok(false) };
    if stop() {
        return Ok(false);
    }
    index.write(sink)?;
    Ok(true)
}

#[cfg(test)]
mod tests;
