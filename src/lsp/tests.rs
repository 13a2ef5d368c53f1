//! No input stops the server: every request's work, at every byte of buffers that are not
//! valid TOML (or barely), answers without a panic.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::completion::{Scope, items};
use super::documents::{Encoding, Lines};
use super::{actions, context, definition, hover};
use crate::i18n::Language;
use crate::records::load_texts;

const BUFFERS: &[&str] = &[
    "",
    "=",
    "\"",
    "[[",
    "[[order]]\npaid = \"",
    "owner = \"li",
    "name = '华东😀\n[[order\n= =\nkind = \"\"\"\nx\n\"\"\"\n",
    "\r\n\r\n[loss]\r\nreason = \"pri",
    "a.b.c = 1\n[complaints.respond_days]\nhigh = \n",
    "referred_by = \"\u{202e}\"\n[[interaction]]\nby = \"\"\nkind = visit\n",
    "contact = [{ name = \"王\", titel = \"经理\" }]\n[[handover]]\nto = \"wu\"\nfrom = \"",
];

#[test]
fn every_request_at_every_byte_of_broken_buffers_answers() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let team = "[[member]]\nid = \"li\"\nname = \"Li\"\n".to_string();
    for rel in ["customers/acme.toml", "team.toml", "cardfile.toml", "notes.toml"] {
        for text in BUFFERS {
            let files = BTreeMap::from([("team.toml".to_string(), team.clone()), (rel.to_string(), text.to_string())]);
            let loaded = load_texts(&files, day);
            let analysis = crate::analysis::analyse(&loaded.records, &loaded.settings, day);
            let own: Vec<&crate::diagnostics::Diagnostic> = loaded.diagnostics.iter().collect();
            let lines = Lines::new(text, Encoding::Utf16);
            for offset in 0..=text.len() + 1 {
                let cursor = context::at(text, offset);
                let scope =
                    Scope { rel, records: Some(&loaded.records), today: day, lang: Language::ZhCn, snippets: true };
                items(&cursor, &scope, &lines);
                hover::hover(&cursor, rel, text, Some(&loaded), || Some(&analysis));
                definition::definition(&cursor, rel, text, &loaded.records);
                let end = (offset + 3).min(text.len());
                actions::actions(rel, text, offset.min(end)..end, &cursor, &own, day, Language::En);
                lines.offset(lines.position(offset));
            }
        }
    }
}
