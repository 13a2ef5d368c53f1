//! Lifecycle stage from the order dates (SPEC 6; `[loss]` from SPEC 10.2).

use chrono::NaiveDate;
use serde::Serialize;

use super::ledger::Ledger;
use crate::i18n::{Label, Text, labels};
use crate::records::settings::LifecycleConfig;

/// Where a customer stands in its lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lifecycle {
    /// No orders yet.
    Prospect,
    /// First order recently.
    New,
    /// Ordering.
    Active,
    /// No order for a while.
    Dormant,
    /// No order for a long time, or a recorded loss.
    Lost,
}

impl Lifecycle {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Prospect => "prospect",
            Lifecycle::New => "new",
            Lifecycle::Active => "active",
            Lifecycle::Dormant => "dormant",
            Lifecycle::Lost => "lost",
        }
    }

    /// Every stage, in display order.
    pub const ALL: [Lifecycle; 5] =
        [Lifecycle::Prospect, Lifecycle::New, Lifecycle::Active, Lifecycle::Dormant, Lifecycle::Lost];
}

impl Label for Lifecycle {
    fn key(self) -> &'static str {
        self.as_str()
    }

    fn label(self) -> Text {
        match self {
            Lifecycle::Prospect => labels::LIFECYCLE_PROSPECT,
            Lifecycle::New => labels::LIFECYCLE_NEW,
            Lifecycle::Active => labels::LIFECYCLE_ACTIVE,
            Lifecycle::Dormant => labels::LIFECYCLE_DORMANT,
            Lifecycle::Lost => labels::LIFECYCLE_LOST,
        }
    }
}

/// The stage: lost when a loss is recorded on or before today; else prospect without orders;
/// new within `new_days` of the first order; lost or dormant by recency; else active.
pub fn lifecycle(ledger: &Ledger, loss: Option<NaiveDate>, today: NaiveDate, config: &LifecycleConfig) -> Lifecycle {
    if loss.is_some_and(|d| d <= today) {
        return Lifecycle::Lost;
    }
    let (Some(first), Some(recency)) = (ledger.first_order, ledger.recency_days) else {
        return Lifecycle::Prospect;
    };
    if (today - first).num_days() < config.new_days {
        Lifecycle::New
    } else if recency >= config.lost_days {
        Lifecycle::Lost
    } else if recency >= config.dormant_days {
        Lifecycle::Dormant
    } else {
        Lifecycle::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ledger::ledger;
    use crate::analysis::testing::{customer, d, order};
    use crate::analysis::window::Window;
    use crate::records::settings::Settings;

    fn stage(orders: &[&str], loss: Option<&str>) -> Lifecycle {
        let mut c = customer("a");
        c.orders = orders.iter().map(|s| order(s, "1", None)).collect();
        let today = d("2026-11-25");
        let l = ledger(&c, &Window::new(today, 365));
        lifecycle(&l, loss.map(d), today, &Settings::default().lifecycle)
    }

    #[test]
    fn no_orders_is_a_prospect() {
        assert_eq!(stage(&[], None), Lifecycle::Prospect);
        assert_eq!(stage(&["2026-12-01"], None), Lifecycle::Prospect);
    }

    #[test]
    fn new_for_89_days_after_the_first_order_then_active() {
        assert_eq!(stage(&["2026-08-28"], None), Lifecycle::New); // 89 days
        assert_eq!(stage(&["2026-08-27"], None), Lifecycle::Active); // 90 days
    }

    #[test]
    fn dormant_at_180_days_lost_at_365() {
        assert_eq!(stage(&["2020-01-01", "2026-05-30"], None), Lifecycle::Active); // 179
        assert_eq!(stage(&["2020-01-01", "2026-05-29"], None), Lifecycle::Dormant); // 180
        assert_eq!(stage(&["2020-01-01", "2025-11-26"], None), Lifecycle::Dormant); // 364
        assert_eq!(stage(&["2020-01-01", "2025-11-25"], None), Lifecycle::Lost); // 365
    }

    #[test]
    fn a_recorded_loss_wins_once_its_day_has_come() {
        assert_eq!(stage(&["2026-11-01"], Some("2026-11-25")), Lifecycle::Lost);
        assert_eq!(stage(&["2026-11-01"], Some("2026-11-26")), Lifecycle::New);
    }
}
