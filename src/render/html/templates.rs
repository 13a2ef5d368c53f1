//! The templates: built into the binary, each replaceable by a file of the same name in
//! `records/templates/`. One function resolves them.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use tera::Tera;

/// The built-in templates and assets, by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../../templates/base.html")),
    ("partials/customer_table.html", include_str!("../../../templates/partials/customer_table.html")),
    ("partials/agenda_list.html", include_str!("../../../templates/partials/agenda_list.html")),
    ("partials/unpaid_table.html", include_str!("../../../templates/partials/unpaid_table.html")),
    ("dashboard.html", include_str!("../../../templates/dashboard.html")),
    ("agenda.html", include_str!("../../../templates/agenda.html")),
    ("customers.html", include_str!("../../../templates/customers.html")),
    ("customer.html", include_str!("../../../templates/customer.html")),
    ("owners.html", include_str!("../../../templates/owners.html")),
    ("owner.html", include_str!("../../../templates/owner.html")),
    ("regions.html", include_str!("../../../templates/regions.html")),
    ("region.html", include_str!("../../../templates/region.html")),
    ("receivables.html", include_str!("../../../templates/receivables.html")),
    ("complaints.html", include_str!("../../../templates/complaints.html")),
    ("archived.html", include_str!("../../../templates/archived.html")),
    ("lost.html", include_str!("../../../templates/lost.html")),
    ("scorecard.html", include_str!("../../../templates/scorecard.html")),
    ("pipeline.html", include_str!("../../../templates/pipeline.html")),
    ("week.html", include_str!("../../../templates/week.html")),
    ("changes.html", include_str!("../../../templates/changes.html")),
    ("cards.html", include_str!("../../../templates/cards.html")),
    ("card.html", include_str!("../../../templates/card.html")),
];

/// Static assets copied into `assets/` (CSS and the small script).
pub const ASSETS: &[(&str, &str)] = [
    ("style.css", include_str!("../../../templates/style.css")),
    ("site.js", include_str!("../../../templates/site.js")),
    ("search.js", include_str!("../../../templates/search.js")),
]
.as_slice();

/// The team's overrides: every file under `records/templates/`, at any depth, by its path
/// relative to that folder (`customer.html`, `partials/agenda_list.html`).
pub fn overrides(records: &Path) -> Result<BTreeMap<String, String>> {
    let dir = records.join("templates");
    let mut out = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        // Only text the site uses; an image or other file beside the templates is left alone.
        let text_file = entry.path().extension().is_some_and(|e| ["html", "css", "js"].iter().any(|t| e == *t));
        if !entry.file_type().is_file() || !text_file {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(&dir).unwrap_or(path);
        let name = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        let text = std::fs::read_to_string(path).with_context(|| format!("reading template {}", path.display()))?;
        out.insert(name, text);
    }
    Ok(out)
}

/// The text of a template or asset: the team's file when there is one, else the built-in.
pub fn resolve<'a>(
    name: &str,
    overrides: &'a BTreeMap<String, String>,
    built_in: &'a [(&str, &str)],
) -> Option<&'a str> {
    overrides.get(name).map(String::as_str).or_else(|| built_in.iter().find(|(n, _)| *n == name).map(|(_, t)| *t))
}

/// Whether the team's file `name` replaces the built-in one: it is there and says something
/// else (a copy of the built-in file, as `cardfile init --templates` writes it, replaces nothing).
pub fn replaced(name: &str, overrides: &BTreeMap<String, String>) -> bool {
    overrides.get(name).is_some_and(|text| BUILT_IN.iter().all(|(n, built_in)| *n != name || built_in != text))
}

/// Compiles every template, built-in or overridden, plus any extra `.html` the team added.
pub fn compile(overrides: &BTreeMap<String, String>) -> Result<Tera> {
    let mut tera = Tera::default();
    let mut all: BTreeMap<&str, &str> = BUILT_IN.iter().map(|(n, t)| (*n, *t)).collect();
    for (name, text) in overrides.iter().filter(|(n, _)| n.ends_with(".html")) {
        all.insert(name, text);
    }
    tera.register_filter("tel", |phone: tera::StringInput, _: tera::Kwargs, _: &tera::State| dial(phone.as_str()));
    tera.add_raw_templates(all).map_err(|e| anyhow::anyhow!("{e}")).context("compiling the site's templates")?;
    Ok(tera)
}

/// What a `tel:` link dials for a phone as written (`{{ c.phone | tel }}`): its digits, after a
/// `+` when the number starts with one; a contact's name before the number, spaces, dashes and
/// anything else are left out.
pub fn dial(phone: &str) -> String {
    let digits = phone.trim_start().trim_start_matches(|c: char| !c.is_ascii_digit() && c != '+');
    let plus = if digits.starts_with('+') { "+" } else { "" };
    format!("{plus}{}", phone.chars().filter(char::is_ascii_digit).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, strings};

    /// The keys of the site's words a template reads: `customers` of `{{ t.customers }}`.
    fn words_read(template: &str) -> Vec<&str> {
        let is_key = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let mut keys = Vec::new();
        for (at, _) in template.match_indices("t.") {
            if template[..at].chars().next_back().is_some_and(|c| is_key(c) || c == '.') {
                continue;
            }
            let rest = &template[at + 2..];
            keys.push(&rest[..rest.find(|c: char| !is_key(c)).unwrap_or(rest.len())]);
        }
        keys
    }

    #[test]
    fn every_word_a_template_reads_is_in_the_catalogue() {
        let t = strings(Language::En);
        let mut read = 0;
        for (name, text) in BUILT_IN {
            for key in words_read(text) {
                assert!(t.contains_key(key), "{name} reads `t.{key}`, which the catalogue does not have");
                read += 1;
            }
        }
        assert!(read > 100, "the templates read the site's words as `t.<key>`");
        assert_eq!(words_read("{{ t.a }} {{ at.b }} {{ x.t.c }} {% if t.d_2 %}"), ["a", "d_2"]);
    }

    #[test]
    fn a_word_missing_from_the_catalogue_stops_the_render_rather_than_showing_nothing() {
        let overrides = BTreeMap::from([("page.html".to_string(), "<h1>{{ t.no_such_word }}</h1>".to_string())]);
        let mut tera = compile(&overrides).unwrap();
        tera.global_context().insert("t", &strings(Language::ZhCn));
        let err = tera.render("page.html", &tera::Context::new()).unwrap_err();
        assert!(format!("{err:?}").contains("no_such_word"), "{err:?}");
        tera.add_raw_template("page.html", "<h1>{{ t.customers }}</h1>").unwrap();
        assert_eq!(tera.render("page.html", &tera::Context::new()).unwrap(), "<h1>客户</h1>");
    }

    #[test]
    fn a_tel_link_dials_the_digits_only() {
        assert_eq!(dial("+86 138-0013 8000"), "+8613800138000");
        assert_eq!(dial("郑晓峰 139 0296 0178"), "13902960178", "the contact's name is not dialled");
        assert_eq!(dial("0510-8532 6600"), "051085326600");
        assert_eq!(dial("<script>1</script> +2"), "12", "a plus inside the text is not a country code");
        assert_eq!(dial("none"), "");
    }

    #[test]
    fn only_a_file_that_says_something_else_replaces_a_built_in_one() {
        let built_in = resolve("customer.html", &BTreeMap::new(), BUILT_IN).unwrap().to_string();
        let team = |text: &str| BTreeMap::from([("customer.html".to_string(), text.to_string())]);
        assert!(!replaced("customer.html", &BTreeMap::new()), "no file");
        assert!(!replaced("customer.html", &team(&built_in)), "a copy of the built-in file");
        assert!(replaced("customer.html", &team(&format!("{built_in} "))), "one more space");
        let mine = BTreeMap::from([("mine.html".to_string(), "x".to_string())]);
        assert!(replaced("mine.html", &mine), "a page of the team's own");
    }

    #[test]
    fn built_in_templates_compile() {
        compile(&BTreeMap::new()).unwrap();
    }

    #[test]
    fn an_override_wins_over_the_built_in() {
        let overrides = BTreeMap::from([("style.css".to_string(), "body{}".to_string())]);
        assert_eq!(resolve("style.css", &overrides, ASSETS), Some("body{}"));
        assert!(resolve("site.js", &overrides, ASSETS).is_some_and(|t| t.len() > 10));
        assert_eq!(resolve("nope.css", &overrides, ASSETS), None);
    }
}
