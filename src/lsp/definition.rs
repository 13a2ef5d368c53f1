//! Go to definition: from a member id (`owner`, `by`, `from`, `to`) to its `[[member]]` in
//! team.toml, and from `referred_by` to that customer's file.

use std::ops::Range;

use super::completion::MEMBER_KEYS;
use super::context::{Cursor, Place, top_table};
use crate::records::Records;

/// Where a definition is: a file relative to the records directory and the bytes in it.
#[derive(Debug, PartialEq, Eq)]
pub struct Target {
    /// The file, relative to the records directory.
    pub rel: String,
    /// The bytes of the definition (the member's id; the start of a customer file).
    pub span: Range<usize>,
}

/// The definition of what the cursor is on in file `rel` (`text` is its buffer).
pub fn definition(cursor: &Cursor, rel: &str, text: &str, records: &Records) -> Option<Target> {
    if !std::ptr::eq(top_table(rel)?, crate::schema::customer()) {
        return None;
    }
    let Place::Value { key, string: Some(span), .. } = &cursor.place else { return None };
    let id = text.get(span.clone())?;
    if MEMBER_KEYS.contains(&key.as_str()) {
        let member = records.member(id)?;
        return Some(Target { rel: "team.toml".to_string(), span: member.id.span() });
    }
    if key == "referred_by" && cursor.table.is_empty() {
        let customer = records.customers.iter().find(|c| c.id == id)?;
        return Some(Target { rel: customer.file.clone(), span: 0..0 });
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::lsp::context;
    use crate::records::load_texts;

    #[test]
    fn an_owner_leads_to_its_member_and_a_referral_to_its_customer() {
        let team = "[[member]]\nid = \"li\"\nname = \"Li\"\n";
        let acme = "name = \"Acme\"\nowner = \"li\"\nreferred_by = \"bolt\"\n";
        let files = BTreeMap::from([
            ("team.toml".to_string(), team.to_string()),
            ("customers/acme.toml".to_string(), acme.to_string()),
            ("customers/east/bolt.toml".to_string(), "name = \"Bolt\"\nowner = \"li\"\n".to_string()),
        ]);
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let records = load_texts(&files, day).records;
        let on = |needle: &str| {
            let cursor = context::at(acme, acme.find(needle).unwrap() + 1);
            definition(&cursor, "customers/acme.toml", acme, &records)
        };
        let member = on("li\"").unwrap();
        assert_eq!((member.rel.as_str(), &team[member.span]), ("team.toml", "\"li\""));
        assert_eq!(on("bolt"), Some(Target { rel: "customers/east/bolt.toml".into(), span: 0..0 }));
        assert_eq!(on("Acme"), None);
    }
}
