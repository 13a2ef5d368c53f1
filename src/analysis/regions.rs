//! The regions pages' figures: per region, its customers and their revenue.

use std::collections::BTreeMap;

use super::Facts;
use crate::records::model::{Money, Records};

/// One region's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionFigures {
    /// The region, as the records write it.
    pub region: String,
    /// How many analysed (non-archived) customers are in it.
    pub customers: usize,
    /// The sum of their revenue in the window.
    pub revenue: Money,
}

/// Every region that has an analysed customer, in text order; customers without a region
/// are in none.
pub fn regions(records: &Records, facts: &[Facts]) -> Vec<RegionFigures> {
    let mut sums: BTreeMap<&str, (usize, Money)> = BTreeMap::new();
    for f in facts {
        if let Some(region) = records.customers[f.index].region.as_deref().filter(|r| !r.is_empty()) {
            let entry = sums.entry(region).or_default();
            entry.0 += 1;
            entry.1 += f.ledger.revenue;
        }
    }
    sums.into_iter()
        .map(|(region, (customers, revenue))| RegionFigures { region: region.to_string(), customers, revenue })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::testing::{customer, d, m, order};
    use crate::records::settings::Settings;

    fn located(id: &str, region: Option<&str>, amount: &str, archived: bool) -> crate::records::model::Customer {
        let mut c = customer(id);
        c.region = region.map(str::to_string);
        c.orders = vec![order("2026-06-01", amount, None), order("2024-01-01", "1000", None)];
        c.archived = archived;
        c
    }

    #[test]
    fn a_region_sums_its_customers_revenue_in_the_window_in_text_order_without_the_archived_or_unplaced() {
        let customers = vec![
            located("a", Some("华东"), "10", false),
            located("b", Some("North"), "5.5", false),
            located("c", Some("North"), "4.5", false),
            located("d", Some("North"), "99", true),
            located("e", None, "7", false),
            located("f", Some("East"), "0", false),
        ];
        let analysis = analyse(&Records::new(Vec::new(), customers), &Settings::default(), d("2026-11-25"));
        let got: Vec<(&str, usize, Money)> =
            analysis.team.regions.iter().map(|r| (r.region.as_str(), r.customers, r.revenue)).collect();
        assert_eq!(got, [("East", 1, m("0")), ("North", 2, m("10")), ("华东", 1, m("10"))]);
    }
}
