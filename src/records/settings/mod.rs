//! cardfile.toml: the team's settings, every key defaulted as in SPEC 4.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::i18n::Language;
use crate::records::choices::Severity;

mod read;

pub use read::read_settings;

/// The ABC (Pareto) shares.
#[derive(Debug, Clone, PartialEq)]
pub struct AbcConfig {
    /// Cumulative share below which a customer is A.
    pub a_share: Decimal,
    /// Cumulative share below which a customer is B.
    pub b_share: Decimal,
}

/// Days between contacts, by class.
#[derive(Debug, Clone, PartialEq)]
pub struct CadenceConfig {
    /// Class A.
    pub a: i64,
    /// Class B.
    pub b: i64,
    /// Class C.
    pub c: i64,
    /// Customers with no orders at all.
    pub prospect: i64,
}

/// Lifecycle thresholds in days.
#[derive(Debug, Clone, PartialEq)]
pub struct LifecycleConfig {
    /// A customer is new for this many days after the first order.
    pub new_days: i64,
    /// No order for this many days: dormant.
    pub dormant_days: i64,
    /// No order for this many days: lost.
    pub lost_days: i64,
}

/// Credit grade thresholds in days late.
#[derive(Debug, Clone, PartialEq)]
pub struct CreditConfig {
    /// Up to this many days late is still grade A.
    pub grace_days: i64,
    /// Up to this many: B.
    pub b_max_days: i64,
    /// Up to this many: C; more: D.
    pub c_max_days: i64,
}

/// Weights of the composite score.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightsConfig {
    /// Revenue component.
    pub revenue: Decimal,
    /// Profit component.
    pub profit: Decimal,
    /// Credit component.
    pub credit: Decimal,
    /// Prospect component.
    pub prospect: Decimal,
}

/// How far ahead and how early follow-ups are scheduled, in days.
#[derive(Debug, Clone, PartialEq)]
pub struct RemindersConfig {
    /// How far ahead the agenda looks.
    pub horizon_days: i64,
    /// Birthday greetings this many days early.
    pub birthday_days_before: i64,
    /// Contract renewals this many days before the end.
    pub contract_days_before: i64,
    /// Complaints are followed up this many days after they were opened.
    pub complaint_days: i64,
    /// Welcome calls this many days after the first order.
    pub welcome_days: i64,
    /// Satisfaction surveys of A customers every this many days.
    pub survey_days: i64,
    /// Check back this many days after a complaint was resolved.
    pub checkback_days: i64,
    /// After-sale calls this many days after an order.
    pub aftersale_days: i64,
    /// Handovers are introduced within this many days.
    pub handover_days: i64,
    /// A key customer's plan is reviewed from this many days before its `review` date.
    pub plan_days: i64,
}

/// A number of days for each complaint severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeverityDays {
    /// For a `high` complaint.
    pub high: i64,
    /// For a `medium` complaint.
    pub medium: i64,
    /// For a `low` complaint.
    pub low: i64,
}

impl SeverityDays {
    /// The days for a complaint of `severity`.
    pub fn of(self, severity: Severity) -> i64 {
        match severity {
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
        }
    }
}

/// Targets for answering and resolving complaints, by severity (`[complaints]`, SPEC 12.1).
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintsConfig {
    /// Days from opening to the first answer.
    pub respond_days: SeverityDays,
    /// Days from opening to the resolution.
    pub resolve_days: SeverityDays,
}

/// A holiday on which customers of some classes get a greeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Holiday {
    /// Its name.
    pub name: String,
    /// Its date.
    pub date: NaiveDate,
    /// The classes greeted ("A", "B", "C").
    pub classes: Vec<String>,
}

/// Every setting, with SPEC 4's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Shown in the site header.
    pub company: String,
    /// Language of every UI string.
    pub language: Language,
    /// Currency code.
    pub currency: String,
    /// Length of the analysis window in days.
    pub window_days: i64,
    /// ABC shares.
    pub abc: AbcConfig,
    /// Contact cadence.
    pub cadence: CadenceConfig,
    /// Lifecycle thresholds.
    pub lifecycle: LifecycleConfig,
    /// Credit thresholds.
    pub credit: CreditConfig,
    /// Score weights.
    pub weights: WeightsConfig,
    /// Follow-up timing.
    pub reminders: RemindersConfig,
    /// Complaint targets.
    pub complaints: ComplaintsConfig,
    /// Holidays with greetings.
    pub holidays: Vec<Holiday>,
    /// Revenue drop (a share) that puts a key customer at risk.
    pub risk_drop: Decimal,
    /// Leave contact details and notes out of the site.
    pub redact: bool,
    /// Prefix of an "edit this file" link: the file's path relative to the records is appended.
    pub edit_url: Option<String>,
    /// Paper size of the printed cards.
    pub paper: Paper,
    /// The git history on the site.
    pub history: HistoryConfig,
}

/// Whether and how far the site shows the git history (`[history]`, SPEC 11).
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryConfig {
    /// Read the history at all (`false` is `--no-history` for every build).
    pub enabled: bool,
    /// How many days back `changes.html` lists commits.
    pub days: i64,
}

/// Paper size of the printed customer cards (`[cards] paper`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 148 × 210 mm (the default: a card a salesperson carries).
    A5,
    /// 105 × 148 mm.
    A6,
}

impl crate::records::choices::Choice for Paper {
    const ALL: &'static [(&'static str, Self)] = &[("A4", Paper::A4), ("A5", Paper::A5), ("A6", Paper::A6)];
}

impl Paper {
    /// The CSS `@page` size name.
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A5 => "A5",
            Paper::A6 => "A6",
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            company: String::new(),
            language: Language::En,
            currency: "CNY".to_string(),
            window_days: 365,
            abc: AbcConfig { a_share: Decimal::new(80, 2), b_share: Decimal::new(95, 2) },
            cadence: CadenceConfig { a: 14, b: 30, c: 60, prospect: 30 },
            lifecycle: LifecycleConfig { new_days: 90, dormant_days: 180, lost_days: 365 },
            credit: CreditConfig { grace_days: 7, b_max_days: 30, c_max_days: 90 },
            weights: WeightsConfig {
                revenue: Decimal::new(4, 1),
                profit: Decimal::new(3, 1),
                credit: Decimal::new(2, 1),
                prospect: Decimal::new(1, 1),
            },
            reminders: RemindersConfig {
                horizon_days: 30,
                birthday_days_before: 7,
                contract_days_before: 30,
                complaint_days: 2,
                welcome_days: 7,
                survey_days: 180,
                checkback_days: 7,
                aftersale_days: 7,
                handover_days: 14,
                plan_days: 14,
            },
            complaints: ComplaintsConfig {
                respond_days: SeverityDays { high: 1, medium: 2, low: 3 },
                resolve_days: SeverityDays { high: 7, medium: 14, low: 30 },
            },
            holidays: Vec::new(),
            risk_drop: Decimal::new(3, 1),
            redact: false,
            edit_url: None,
            paper: Paper::A5,
            history: HistoryConfig { enabled: true, days: 30 },
        }
    }
}
