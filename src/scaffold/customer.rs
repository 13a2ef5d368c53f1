//! The file `cardfile new` writes: the given keys, and the common optional ones commented
//! out, ready to fill in.

use toml_edit::Value;

use crate::i18n::{Language, Text, cli};
use crate::records::choices::{ContactRole, Relationship, Stance};
use crate::schema::names;

/// What `cardfile new` was told about the customer.
pub struct NewCustomer<'a> {
    /// The id (the file name).
    pub id: &'a str,
    /// `name`.
    pub name: &'a str,
    /// `owner`.
    pub owner: &'a str,
    /// `kind`, when given.
    pub kind: Option<&'a str>,
    /// `region`, when given.
    pub region: Option<&'a str>,
    /// `phone`, when given.
    pub phone: Option<&'a str>,
    /// `email`, when given.
    pub email: Option<&'a str>,
    /// `wechat`, when given.
    pub wechat: Option<&'a str>,
}

fn quoted(s: &str) -> String {
    Value::from(s).decorated("", "").to_string()
}

fn line(out: &mut String, key: &str, value: Option<&str>, placeholder: &str, note: &str) {
    let text = match value {
        Some(v) => format!("{key} = {}", quoted(v)),
        None => format!("# {key} = {placeholder}"),
    };
    if note.is_empty() {
        out.push_str(&format!("{text}\n"));
    } else {
        out.push_str(&format!("{text:<32}# {note}\n"));
    }
}

/// A new customer's file in `language` (`en` or `zh-CN`).
pub fn new_customer(c: &NewCustomer<'_>, language: &str) -> String {
    let lang = Language::from_spelling(language).unwrap_or(Language::En);
    let t = |text: Text| text.get(lang);
    let list = |v: Vec<&str>| v.join(" | ");
    let mut out = String::new();
    out.push_str(&format!("# {}\n", cli::new_customer_head(lang, c.id)));
    line(&mut out, "name", Some(c.name), "", "");
    line(&mut out, "kind", c.kind, "\"company\"", "company | person");
    line(&mut out, "owner", Some(c.owner), "", t(cli::NEW_OWNER));
    line(&mut out, "region", c.region, "\"\"", "");
    line(&mut out, "tags", None, "[]", "");
    line(&mut out, "since", None, "2026-01-31", t(cli::NEW_SINCE));
    line(&mut out, "relationship", None, "\"reactive\"", &list(names::<Relationship>()));
    line(&mut out, "prospect", None, "3", t(cli::NEW_PROSPECT));
    line(&mut out, "credit_limit", None, "50000", "");
    line(&mut out, "phone", c.phone, "\"\"", "");
    line(&mut out, "email", c.email, "\"\"", "");
    line(&mut out, "wechat", c.wechat, "\"\"", "");
    line(&mut out, "address", None, "\"\"", "");
    out.push_str(&format!("\n# {}\n", t(cli::NEW_CONTACTS)));
    out.push_str("# [[contact]]\n");
    line(&mut out, "name", None, "\"\"", "");
    line(&mut out, "title", None, "\"\"", "");
    line(&mut out, "role", None, "\"other\"", &list(names::<ContactRole>()));
    line(&mut out, "stance", None, "\"unknown\"", &list(names::<Stance>()));
    line(&mut out, "phone", None, "\"\"", "");
    out.push_str(&format!("\n# {}\n", t(cli::NEW_PLAN)));
    out.push_str("# [plan]\n");
    line(&mut out, "goal", None, "\"\"", t(cli::NEW_PLAN_GOAL));
    line(&mut out, "review", None, "2027-03-31", t(cli::NEW_PLAN_REVIEW));
    out
}
