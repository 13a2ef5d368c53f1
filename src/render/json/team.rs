//! The export's top-level `team` object (SPEC 12.2): the team's figures, as the analysis
//! computed them once, in a fixed key order (docs/site.md, section 6).

use serde::Serialize;

use super::keeping::{ComplaintsOnTimeView, DeliveriesOnTimeView, PromisesKeptView, RetentionView};
use super::review;
use super::{ser_money, ser_opt_money};
use crate::analysis::Analysis;
use crate::analysis::explain::Why;
use crate::analysis::team::Team;
use crate::format::date;
use crate::records::model::{Money, Records};
use crate::records::settings::Settings;

/// Customers and revenue of one class.
#[derive(Serialize)]
pub struct ClassView {
    class: &'static str,
    customers: usize,
    #[serde(serialize_with = "ser_money")]
    revenue: Money,
}

/// Customers at one lifecycle stage.
#[derive(Serialize)]
pub struct LifecycleView {
    lifecycle: &'static str,
    customers: usize,
}

/// Customers in one completeness band.
#[derive(Serialize)]
pub struct BandView {
    from: u8,
    to: u8,
    customers: usize,
}

/// The latest satisfaction of one class's customers.
#[derive(Serialize)]
pub struct SatisfactionView {
    class: &'static str,
    scores: [usize; 5],
    not_scored: usize,
}

/// One member's agenda load.
#[derive(Serialize)]
pub struct LoadView<'a> {
    owner: &'a str,
    overdue: usize,
    weeks: [usize; 4],
}

/// Unpaid amounts in one ageing bucket.
#[derive(Serialize)]
pub struct AgeingView {
    bucket: &'static str,
    #[serde(serialize_with = "ser_money")]
    amount: Money,
}

/// One owner's receivables.
#[derive(Serialize)]
pub struct OwnerReceivablesView<'a> {
    owner: &'a str,
    #[serde(serialize_with = "ser_money")]
    exposure: Money,
    #[serde(serialize_with = "ser_money")]
    overdue: Money,
}

/// The revenue of one month.
#[derive(Serialize)]
pub struct MonthView {
    month: String,
    #[serde(serialize_with = "ser_money")]
    revenue: Money,
}

/// The complaints of one category.
#[derive(Serialize)]
pub struct CategoryView {
    category: &'static str,
    complaints: usize,
    open: usize,
    #[serde(serialize_with = "ser_opt_money")]
    median_resolution_days: Option<Money>,
}

/// A customer with more than one complaint in the window.
#[derive(Serialize)]
pub struct RepeatView<'a> {
    customer: &'a str,
    complaints: usize,
}

/// The lost customers of one reason.
#[derive(Serialize)]
pub struct LossView {
    reason: Option<&'static str>,
    customers: usize,
    #[serde(serialize_with = "ser_money")]
    lifetime_revenue: Money,
}

/// One lost customer.
#[derive(Serialize)]
pub struct LostView<'a> {
    customer: &'a str,
    date: Option<String>,
    reason: Option<&'static str>,
    #[serde(serialize_with = "ser_money")]
    lifetime_revenue: Money,
    archived: bool,
}

/// The open opportunities of one stage.
#[derive(Serialize)]
pub struct StageView {
    stage: &'static str,
    opportunities: usize,
    #[serde(serialize_with = "ser_money")]
    amount: Money,
}

/// One owner's pipeline.
#[derive(Serialize)]
pub struct OwnerPipelineView<'a> {
    owner: &'a str,
    #[serde(serialize_with = "ser_money")]
    amount: Money,
}

/// The `team` object.
#[derive(Serialize)]
pub struct TeamView<'a> {
    customers: usize,
    #[serde(serialize_with = "ser_money")]
    revenue: Money,
    #[serde(serialize_with = "ser_money")]
    revenue_prev: Money,
    #[serde(serialize_with = "ser_opt_money")]
    trend: Option<Money>,
    #[serde(serialize_with = "ser_money")]
    receivables: Money,
    #[serde(serialize_with = "ser_money")]
    overdue: Money,
    open_complaints: usize,
    retention: RetentionView,
    complaints_on_time: ComplaintsOnTimeView,
    promises_kept: PromisesKeptView,
    deliveries_on_time: DeliveriesOnTimeView,
    due_this_week: usize,
    classes: Vec<ClassView>,
    lifecycle: Vec<LifecycleView>,
    completeness_bands: Vec<BandView>,
    satisfaction_by_class: Vec<SatisfactionView>,
    agenda_load: Vec<LoadView<'a>>,
    ageing: Vec<AgeingView>,
    receivables_by_owner: Vec<OwnerReceivablesView<'a>>,
    revenue_by_month: Vec<MonthView>,
    complaint_categories: Vec<CategoryView>,
    #[serde(serialize_with = "ser_opt_money")]
    median_resolution_days: Option<Money>,
    repeat_complainers: Vec<RepeatView<'a>>,
    losses: Vec<LossView>,
    lost_customers: Vec<LostView<'a>>,
    #[serde(serialize_with = "ser_money")]
    lost_revenue: Money,
    #[serde(serialize_with = "ser_money")]
    pipeline: Money,
    #[serde(serialize_with = "ser_money")]
    won: Money,
    pipeline_by_stage: Vec<StageView>,
    pipeline_by_owner: Vec<OwnerPipelineView<'a>>,
    won_lost: review::OutcomesView<'a>,
    week: review::WeekView<'a>,
    /// How each SPEC 12.2 figure was computed (only with `export --explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<Why>,
}

/// The view of the team's figures; customers are named by id. With `explain`, the figures
/// of SPEC 12.2 say how they were computed.
pub fn team_view<'a>(records: &'a Records, analysis: &'a Analysis, explain: Option<&Settings>) -> TeamView<'a> {
    let t: &Team = &analysis.team;
    let id = |i: usize| records.customers[i].id.as_str();
    TeamView {
        customers: t.customers,
        revenue: t.revenue,
        revenue_prev: t.revenue_prev,
        trend: t.trend,
        receivables: t.receivables,
        overdue: t.overdue,
        open_complaints: t.open_complaints,
        retention: (&t.retention).into(),
        complaints_on_time: (&t.complaints_on_time).into(),
        promises_kept: (&t.promises_kept).into(),
        deliveries_on_time: (&t.deliveries_on_time).into(),
        due_this_week: t.due_this_week,
        classes: t
            .classes
            .iter()
            .map(|c| ClassView { class: c.class.as_str(), customers: c.customers, revenue: c.revenue })
            .collect(),
        lifecycle: t
            .lifecycle
            .iter()
            .map(|l| LifecycleView { lifecycle: l.lifecycle.as_str(), customers: l.customers })
            .collect(),
        completeness_bands: t
            .completeness_bands
            .iter()
            .map(|b| BandView { from: b.from, to: b.to, customers: b.customers })
            .collect(),
        satisfaction_by_class: t
            .satisfaction_by_class
            .iter()
            .map(|c| SatisfactionView { class: c.class.as_str(), scores: c.scores, not_scored: c.not_scored })
            .collect(),
        agenda_load: t
            .agenda_load
            .iter()
            .map(|l| LoadView { owner: &l.owner, overdue: l.overdue, weeks: l.weeks })
            .collect(),
        ageing: t.ageing.iter().map(|s| AgeingView { bucket: s.bucket.as_str(), amount: s.amount }).collect(),
        receivables_by_owner: t
            .receivables_by_owner
            .iter()
            .map(|o| OwnerReceivablesView { owner: &o.owner, exposure: o.exposure, overdue: o.overdue })
            .collect(),
        revenue_by_month: t
            .revenue_by_month
            .iter()
            .map(|m| MonthView { month: format!("{:04}-{:02}", m.year, m.month), revenue: m.revenue })
            .collect(),
        complaint_categories: t
            .complaints
            .categories
            .iter()
            .map(|k| CategoryView {
                category: k.category.as_str(),
                complaints: k.complaints,
                open: k.open,
                median_resolution_days: k.median_resolution_days,
            })
            .collect(),
        median_resolution_days: t.complaints.median_resolution_days,
        repeat_complainers: t
            .complaints
            .repeat_complainers
            .iter()
            .map(|r| RepeatView { customer: id(r.customer), complaints: r.complaints })
            .collect(),
        losses: t
            .losses
            .by_reason
            .iter()
            .map(|g| LossView {
                reason: g.reason.map(|r| r.as_str()),
                customers: g.customers,
                lifetime_revenue: g.lifetime_revenue,
            })
            .collect(),
        lost_customers: t
            .losses
            .customers
            .iter()
            .map(|l| LostView {
                customer: id(l.customer),
                date: l.date.map(date),
                reason: l.reason.map(|r| r.as_str()),
                lifetime_revenue: l.lifetime_revenue,
                archived: l.archived,
            })
            .collect(),
        lost_revenue: t.losses.lifetime_revenue,
        pipeline: t.pipeline.open,
        won: t.pipeline.won,
        pipeline_by_stage: t
            .pipeline
            .by_stage
            .iter()
            .map(|s| StageView { stage: s.stage.as_str(), opportunities: s.opportunities, amount: s.amount })
            .collect(),
        pipeline_by_owner: t
            .pipeline
            .by_owner
            .iter()
            .map(|o| OwnerPipelineView { owner: &o.owner, amount: o.amount })
            .collect(),
        won_lost: review::outcomes_view(&t.outcomes),
        week: review::week_view(&t.week),
        why: explain.map(|s| crate::analysis::explain::team(analysis, s)),
    }
}
