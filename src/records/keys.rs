//! The keys each table of the record format knows, and "did you mean" hints for the rest.

/// Keys of a customer file's top level.
pub const CUSTOMER: &[&str] = &[
    "name",
    "kind",
    "owner",
    "region",
    "tags",
    "since",
    "relationship",
    "prospect",
    "credit_limit",
    "cadence_days",
    "phone",
    "email",
    "wechat",
    "address",
    "birthday",
    "archived",
    "notes",
    "referred_by",
    "loss",
    "contact",
    "interaction",
    "order",
    "complaint",
    "contract",
    "opportunity",
    "handover",
    "promise",
    "plan",
];
/// Keys of `[[contact]]`.
pub const CONTACT: &[&str] = &["name", "title", "role", "stance", "phone", "email", "wechat", "birthday", "left"];
/// Keys of `[[interaction]]`.
pub const INTERACTION: &[&str] = &["date", "kind", "by", "summary", "next", "satisfaction"];
/// Keys of `[[order]]`.
pub const ORDER: &[&str] = &["date", "amount", "cost", "ref", "product", "due", "paid", "promised", "delivered"];
/// Keys of `[[complaint]]`.
pub const COMPLAINT: &[&str] =
    &["opened", "summary", "severity", "resolved", "resolution", "category", "by", "responded"];
/// Keys of `[[contract]]`.
pub const CONTRACT: &[&str] = &["kind", "start", "end"];
/// Keys of `[[opportunity]]`.
pub const OPPORTUNITY: &[&str] =
    &["opened", "title", "amount", "stage", "expected", "closed", "reason", "competitor", "objections"];
/// Keys of `[[handover]]`.
pub const HANDOVER: &[&str] = &["date", "from", "to"];
/// Keys of `[[promise]]`.
pub const PROMISE: &[&str] = &["made", "due", "what", "by", "kept"];
/// Keys of `[plan]`.
pub const PLAN: &[&str] = &["goal", "review"];
/// Keys of `[loss]`.
pub const LOSS: &[&str] = &["date", "reason", "notes"];
/// Keys of team.toml's top level.
pub const TEAM: &[&str] = &["member"];
/// Keys of `[[member]]`.
pub const MEMBER: &[&str] = &["id", "name", "email", "region", "left", "target"];

/// Every table of a customer file with its keys, for hints across tables.
const CUSTOMER_TABLES: &[(&str, &[&str])] = &[
    ("the customer", CUSTOMER),
    ("[[contact]]", CONTACT),
    ("[[interaction]]", INTERACTION),
    ("[[order]]", ORDER),
    ("[[complaint]]", COMPLAINT),
    ("[[contract]]", CONTRACT),
    ("[[opportunity]]", OPPORTUNITY),
    ("[[handover]]", HANDOVER),
    ("[loss]", LOSS),
    ("[[promise]]", PROMISE),
    ("[plan]", PLAN),
];

/// How far (in edits) a misspelling may be from the word meant.
fn max_distance(word: &str) -> usize {
    (word.chars().count() / 3).clamp(1, 3)
}

/// The candidate closest to `word` by edit distance, if any is close enough.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), *c))
        .filter(|(d, _)| *d <= max_distance(word))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The hint for an unknown key: a near spelling in this table, the same key in another
/// table (`summary` written in an order), a near spelling elsewhere, or the list of keys.
pub fn hint_for_unknown(key: &str, table: &str, known: &[&str], is_table: bool) -> String {
    if let Some(best) = closest(key, known) {
        return format!("did you mean `{best}`?");
    }
    let others: Vec<&(&str, &[&str])> = CUSTOMER_TABLES.iter().filter(|(name, _)| *name != table).collect();
    if CUSTOMER_TABLES.iter().any(|(_, keys)| *keys == known) {
        if let Some((name, _)) = others.iter().find(|(_, keys)| keys.contains(&key)) {
            return format!("`{key}` is a key of {name}, not of {table}");
        }
        for (name, keys) in &others {
            if let Some(best) = closest(key, keys) {
                return format!("did you mean `{best}` (a key of {name})?");
            }
        }
    }
    let mut list = known.to_vec();
    list.sort_unstable();
    let what = if is_table { "tables and keys" } else { "keys" };
    format!("the {what} of {table} are: {}", list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_in_the_same_table_is_suggested() {
        assert_eq!(hint_for_unknown("amout", "[[order]]", ORDER, false), "did you mean `amount`?");
        assert_eq!(hint_for_unknown("sumary", "[[interaction]]", INTERACTION, false), "did you mean `summary`?");
    }

    #[test]
    fn a_key_of_another_table_is_named_as_such() {
        assert_eq!(
            hint_for_unknown("summary", "[[order]]", ORDER, false),
            "`summary` is a key of [[interaction]], not of [[order]]"
        );
    }

    #[test]
    fn a_typo_of_another_tables_key_is_suggested_with_its_table() {
        assert_eq!(
            hint_for_unknown("resolutoin", "[[order]]", ORDER, false),
            "did you mean `resolution` (a key of [[complaint]])?"
        );
    }

    #[test]
    fn nothing_close_lists_the_keys() {
        let hint = hint_for_unknown("zzzzzzzz", "[[contract]]", CONTRACT, false);
        assert_eq!(hint, "the keys of [[contract]] are: end, kind, start");
    }

    #[test]
    fn closest_is_case_insensitive_and_bounded() {
        assert_eq!(closest("Visit", &["visit", "call"]), Some("visit"));
        assert_eq!(closest("telephone", &["visit", "call"]), None);
    }
}
