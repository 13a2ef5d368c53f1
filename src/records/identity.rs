//! Which entries of an array of tables are "the same entry" in two versions of a customer
//! file (SPEC 11.2). History summaries and the merge driver both pair entries this way.

/// The keys whose values identify an entry of the array of tables `array` (`order`,
/// `contact`, …), or `None` when an entry is identified by its whole content.
///
/// An `[[order]]` is identified by its `ref` only when it has one: callers fall back to the
/// whole content for an order without `ref`.
pub fn identity_keys(array: &str) -> Option<&'static [&'static str]> {
    match array {
        "order" => Some(&["ref"]),
        "contact" => Some(&["name"]),
        "opportunity" => Some(&["opened", "title"]),
        "complaint" => Some(&["opened", "summary"]),
        "promise" => Some(&["made", "what"]),
        "handover" => Some(&["date"]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::identity_keys;

    #[test]
    fn identities_follow_spec_11_2() {
        assert_eq!(identity_keys("order"), Some(&["ref"][..]));
        assert_eq!(identity_keys("contact"), Some(&["name"][..]));
        assert_eq!(identity_keys("opportunity"), Some(&["opened", "title"][..]));
        assert_eq!(identity_keys("complaint"), Some(&["opened", "summary"][..]));
        assert_eq!(identity_keys("promise"), Some(&["made", "what"][..]));
        assert_eq!(identity_keys("handover"), Some(&["date"][..]));
        assert_eq!(identity_keys("interaction"), None);
        assert_eq!(identity_keys("contract"), None);
    }
}
