//! Hover: a key's documentation; on a customer file's `name`, the customer's computed card
//! (class, lifecycle, score, credit grade, exposure, completeness, risk, the next
//! follow-ups with their reasons); on a member id, the member's name and customer count.

use std::ops::Range;

use super::completion::MEMBER_KEYS;
use super::context::{Cursor, Place, table_spec, top_table};
use super::keydocs;
use super::markdown::escape;
use crate::analysis::Analysis;
use crate::format;
use crate::i18n::{Label, Language, editor as words, ui};
use crate::records::Loaded;

/// How many follow-ups the card lists.
const FOLLOW_UPS: usize = 5;

/// What a hover shows: Markdown, and the span of the file it is about.
pub struct Shown {
    /// The text, in Markdown.
    pub markdown: String,
    /// The bytes it is about.
    pub span: Option<Range<usize>>,
}

/// The hover at `cursor` of the file `rel` (`text` is its buffer); `analysis` gives the
/// computed values, worked out only when a card is shown.
pub fn hover<'a>(
    cursor: &Cursor,
    rel: &str,
    text: &str,
    loaded: Option<&Loaded>,
    analysis: impl FnOnce() -> Option<&'a Analysis>,
) -> Option<Shown> {
    let top = top_table(rel)?;
    let spec = table_spec(top, &cursor.table)?;
    let lang = loaded.map_or(Language::En, |l| l.settings.language);
    let is_customer = std::ptr::eq(top, crate::schema::customer());
    match &cursor.place {
        Place::Key { word, span } => {
            let key = spec.key(word)?;
            let mut markdown = keydocs::markdown(key, spec, lang);
            if is_customer && cursor.table.is_empty() && word == "name" {
                markdown = format!("{}\n\n---\n\n{markdown}", card(rel, loaded?, analysis()?)?);
            }
            Some(Shown { markdown, span: Some(span.clone()) })
        }
        Place::Value { key, string, .. } => {
            let value = string.clone().map(|s| (text.get(s.clone()).unwrap_or_default(), s));
            if is_customer && cursor.table.is_empty() && key == "name" {
                let markdown = card(rel, loaded?, analysis()?)?;
                return Some(Shown { markdown, span: value.map(|(_, s)| s) });
            }
            let (id, span) = value?;
            if is_customer && MEMBER_KEYS.contains(&key.as_str()) {
                let records = &loaded?.records;
                let member = records.member(id)?;
                let owned = records.customers.iter().filter(|c| c.owner.get_ref() == id).count();
                let markdown =
                    format!("**{}**\n\n{}", escape(id), words::member_customers(lang, escape(&member.name), owned));
                return Some(Shown { markdown, span: Some(span) });
            }
            None
        }
        Place::Header { .. } => None,
    }
}

/// The computed card of the customer of file `rel`.
fn card(rel: &str, loaded: &Loaded, analysis: &Analysis) -> Option<String> {
    let lang = loaded.settings.language;
    let records = &loaded.records;
    let index = records.customers.iter().position(|c| c.file == rel)?;
    let customer = &records.customers[index];
    let mut out = format!("### {}\n\n", escape(&customer.name));
    if loaded.diagnostics.iter().any(|d| d.file == rel && d.severity() == crate::diagnostics::Severity::Error) {
        out.push_str(&format!("*{}*\n\n", words::HAS_ERRORS.get(lang)));
    }
    let Some(facts) = analysis.customers.iter().find(|f| f.index == index) else {
        out.push_str(words::ARCHIVED.get(lang));
        return Some(out);
    };
    let currency = &loaded.settings.currency;
    let risks: Vec<&str> = facts.care.risk.iter().map(|r| r.label().get(lang)).collect();
    let risk = if risks.is_empty() { ui::NONE.get(lang).to_string() } else { crate::i18n::list(lang, &risks) };
    let rows = [
        (ui::CLASS, facts.class().as_str().to_string()),
        (ui::LIFECYCLE, facts.lifecycle.label().get(lang).to_string()),
        (ui::SCORE, facts.score.value.to_string()),
        (ui::CREDIT_GRADE, facts.credit.grade.as_str().to_string()),
        (ui::EXPOSURE, format::money(facts.credit.exposure, currency)),
        (ui::COMPLETENESS, format!("{} %", facts.completeness)),
        (ui::RISK, risk),
    ];
    out.push_str("| | |\n|---|---|\n");
    for (label, value) in rows {
        out.push_str(&format!("| {} | {} |\n", label.get(lang), escape(&value)));
    }
    out.push_str(&format!("\n**{}**\n\n", words::NEXT_FOLLOW_UPS.get(lang)));
    let mut due: Vec<_> = analysis.agenda.iter().filter(|i| i.customer == customer.id).collect();
    due.sort_by_key(|i| i.date);
    if due.is_empty() {
        out.push_str(words::NOTHING_DUE.get(lang));
    }
    for item in due.iter().take(FOLLOW_UPS) {
        out.push_str(&format!(
            "- {} · {} · {}\n",
            format::date(item.date),
            item.kind.label().get(lang),
            escape(&item.reason)
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::lsp::context;
    use crate::records::load_texts;

    const ACME: &str = "name = \"[Acme](http://x.invalid)\"\nowner = \"li\"\nphone = \"1\"\n\n[[order]]\ndate = 2026-02-01\namount = 500\ndue = 2026-02-20\n";

    fn loaded() -> Loaded {
        let files = BTreeMap::from([
            ("team.toml".to_string(), "[[member]]\nid = \"li\"\nname = \"Li <b>\"\n".to_string()),
            ("customers/acme.toml".to_string(), ACME.to_string()),
        ]);
        load_texts(&files, day())
    }

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn shown(at: &str, loaded: &Loaded) -> Option<String> {
        let analysis = crate::analysis::analyse(&loaded.records, &loaded.settings, day());
        let cursor = context::at(ACME, ACME.find(at).unwrap() + 1);
        hover(&cursor, "customers/acme.toml", ACME, Some(loaded), || Some(&analysis)).map(|s| s.markdown)
    }

    #[test]
    fn the_name_shows_the_computed_card_with_the_record_text_escaped() {
        let loaded = loaded();
        let card = shown("name", &loaded).unwrap();
        assert!(card.starts_with("### \\[Acme\\]\\(http\\://x\\.invalid\\)\n"), "{card}");
        for row in ["| Class | A |", "| Credit grade |", "| Unpaid | ¥500 |", "| Risk |", "**Next follow-ups**"] {
            assert!(card.contains(row), "`{row}` not in:\n{card}");
        }
        assert!(card.contains(" · Collection · "), "the overdue payment is a follow-up:\n{card}");
        assert!(card.contains("**`name`** (the customer)"), "the key's documentation follows:\n{card}");
    }

    #[test]
    fn an_owner_shows_the_member_and_a_key_in_a_table_its_documentation() {
        let loaded = loaded();
        assert_eq!(shown("li\"", &loaded).unwrap(), "**li**\n\nLi &lt;b&gt;: owner of 1 customers");
        let due = shown("due =", &loaded).unwrap();
        assert!(due.starts_with("**`due`** ([[order]])"), "{due}");
        assert_eq!(shown("500", &loaded), None, "an amount has nothing to show");
    }
}
