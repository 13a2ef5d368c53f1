//! The views of the customer-care pages of SPEC 10.4: complaints, lost customers, the owner
//! scorecard and the pipeline.

use serde::Serialize;

use super::Labelled;
use super::customer::OpportunityRow;
use super::keeping::ComplaintView;
use crate::analysis::explain::Why;

/// A complaint on the complaints page: the customer's complaint with who it is from.
#[derive(Debug, Serialize)]
pub struct ComplaintRow {
    /// Customer id.
    pub customer: String,
    /// Customer name.
    pub name: String,
    /// The customer's owner's name.
    pub owner_name: String,
    /// The complaint (its fields appear at this level).
    #[serde(flatten)]
    pub complaint: ComplaintView,
}

/// The complaints of one category.
#[derive(Debug, Serialize)]
pub struct CategoryRow {
    /// The category.
    pub category: Labelled,
    /// Complaints opened up to today.
    pub total: usize,
    /// Of those, still open.
    pub open: usize,
    /// The median resolution time in days (`—` when none is resolved).
    pub median_days: String,
}

/// A customer who complained more than once in the window.
#[derive(Debug, Serialize)]
pub struct RepeatRow {
    /// Customer id.
    pub id: String,
    /// Customer name.
    pub name: String,
    /// Complaints in the window.
    pub complaints: usize,
}

/// The lost customers of one reason.
#[derive(Debug, Serialize)]
pub struct LossSummaryRow {
    /// The reason (`unrecorded` when no `[loss]` says why).
    pub reason: Labelled,
    /// How many customers.
    pub customers: usize,
    /// Their lifetime revenue, formatted.
    pub lifetime: String,
}

/// A lost customer.
#[derive(Debug, Serialize)]
pub struct LostRow {
    /// Customer id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Owner name.
    pub owner_name: String,
    /// The loss date, or the last order when the loss is not recorded.
    pub date: String,
    /// The reason.
    pub reason: Labelled,
    /// Lifetime revenue, formatted.
    pub lifetime: String,
    /// Whether the customer is archived (it then has no page to link to).
    pub archived: bool,
    /// The loss notes as safe HTML (empty when none or redacted).
    pub notes_html: String,
}

/// A team member on the scorecard.
#[derive(Debug, Serialize)]
pub struct ScorecardRow {
    /// Team id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The day they left (empty when they have not).
    pub left: String,
    /// Customers owned.
    pub customers: usize,
    /// Of those, class A.
    pub a: usize,
    /// Class B.
    pub b: usize,
    /// Class C.
    pub c: usize,
    /// Customers at risk.
    pub at_risk: usize,
    /// Mean completeness (`—` with no customers).
    pub completeness: String,
    /// Their overdue agenda items.
    pub overdue: usize,
    /// Contacts in the last 30 days.
    pub contacts_30: usize,
    /// Their customers' overdue receivables, formatted.
    pub receivables_overdue: String,
    /// Their customers' pipeline, formatted.
    pub pipeline: String,
    /// Their revenue target for the window, formatted (empty without one).
    pub target: String,
    /// Their customers' revenue in the window, formatted.
    pub revenue: String,
    /// revenue / target as a percentage (`—` without a target).
    pub attainment: String,
    /// The share of their promises due in the window kept on time (`—` when none was due).
    pub promises_kept: String,
    /// Its base: `4 of 5`, or that none was due.
    pub promises_base: String,
    /// won / (won + lost) in the window as a percentage (`—` when none was decided).
    pub win_rate: String,
    /// Its base: `2 of 3`, or that none was decided.
    pub win_base: String,
    /// How `revenue`, `attainment`, `promises_kept`, `win_rate` and `overdue` were reached.
    pub why: Why,
}

/// The opportunities won and lost in the window for one reason.
#[derive(Debug, Serialize)]
pub struct ReasonRow {
    /// The reason (key `unrecorded` when none was recorded).
    pub reason: Labelled,
    /// How many were won.
    pub won: usize,
    /// The amount won, formatted.
    pub won_amount: String,
    /// How many were lost.
    pub lost: usize,
    /// The amount lost, formatted.
    pub lost_amount: String,
}

/// An objection and how many opportunities raised it.
#[derive(Debug, Serialize)]
pub struct ObjectionRow {
    /// The objection as written.
    pub text: String,
    /// How many open or decided opportunities list it.
    pub opportunities: usize,
}

/// The open opportunities of one stage.
#[derive(Debug, Serialize)]
pub struct StageRow {
    /// The stage.
    pub stage: Labelled,
    /// How many open opportunities.
    pub opportunities: usize,
    /// The sum of their amounts, formatted.
    pub amount: String,
}

/// One owner's pipeline.
#[derive(Debug, Serialize)]
pub struct OwnerPipelineRow {
    /// Team id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The sum of their customers' pipelines, formatted.
    pub amount: String,
}

/// An opportunity on the pipeline page: the customer's opportunity with whose it is.
#[derive(Debug, Serialize)]
pub struct PipelineRow {
    /// Customer id.
    pub customer: String,
    /// Customer name.
    pub name: String,
    /// Owner id.
    pub owner: String,
    /// Owner name.
    pub owner_name: String,
    /// The opportunity (its fields appear at this level).
    #[serde(flatten)]
    pub opportunity: OpportunityRow,
}
