//! The owner scorecard (SPEC 10.2 and 12.2): one summary per team member.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Facts;
use super::abc::Class;
use super::agenda::{AgendaItem, Status};
use super::promises::PromiseStatus;
use super::rate::{self, Rate};
use super::window::Window;
use crate::records::choices::Stage;
use crate::records::model::{Money, Records};

/// One team member's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerSummary {
    /// Team id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The day the member left.
    pub left: Option<NaiveDate>,
    /// Customers owned (non-archived).
    pub customers: usize,
    /// Of those, class A, B and C.
    pub abc: [usize; 3],
    /// Of those, at risk.
    pub at_risk: usize,
    /// Mean completeness of their customers, rounded halves up; `None` with no customers.
    pub completeness: Option<u8>,
    /// Their agenda items with status overdue.
    pub overdue: usize,
    /// Interactions by them (or without `by` on their customers) in the last 30 days.
    pub contacts_30: usize,
    /// Sum of their customers' overdue receivables.
    pub receivables_overdue: Money,
    /// Sum of their customers' pipelines.
    pub pipeline: Money,
    /// Their revenue target for the window.
    pub target: Option<Money>,
    /// Sum of their customers' revenue in the window.
    pub revenue: Money,
    /// revenue / target, rounded to 3 decimals; `None` without a target (or with a target of 0).
    pub attainment: Option<Decimal>,
    /// Promises due in the window made by them (`by`, else the customer's owner), and of
    /// them those kept on time.
    pub promises_kept: Rate,
    /// Their customers' opportunities won and lost with `closed` in the window.
    pub won: usize,
    /// See `won`.
    pub lost: usize,
    /// won / (won + lost), rounded to 3 decimals; `None` when none was closed in the window.
    pub win_rate: Option<Decimal>,
}

/// Summaries of every member, sorted by id.
pub fn summaries(records: &Records, facts: &[Facts], agenda: &[AgendaItem], window: &Window) -> Vec<OwnerSummary> {
    let mut out: Vec<OwnerSummary> = records
        .members
        .iter()
        .map(|m| OwnerSummary {
            id: m.id.get_ref().clone(),
            name: m.name.clone(),
            left: m.left,
            customers: 0,
            abc: [0; 3],
            at_risk: 0,
            completeness: None,
            overdue: 0,
            contacts_30: 0,
            receivables_overdue: Money::ZERO,
            pipeline: Money::ZERO,
            target: m.target,
            revenue: Money::ZERO,
            attainment: None,
            promises_kept: Rate::new(0, 0),
            won: 0,
            lost: 0,
            win_rate: None,
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    let find = |out: &mut Vec<OwnerSummary>, id: &str| out.binary_search_by(|o| o.id.as_str().cmp(id)).ok();
    let mut completeness_sum = vec![0u32; out.len()];
    let mut promises = vec![(0, 0); out.len()];
    for f in facts {
        let c = &records.customers[f.index];
        if let Some(i) = find(&mut out, c.owner.get_ref()) {
            let o = &mut out[i];
            o.customers += 1;
            o.abc[match f.class() {
                Class::A => 0,
                Class::B => 1,
                Class::C => 2,
            }] += 1;
            o.at_risk += usize::from(!f.care.risk.is_empty());
            completeness_sum[i] += u32::from(f.completeness);
            o.receivables_overdue += f.credit.overdue;
            o.pipeline += f.care.pipeline;
            o.revenue += f.ledger.revenue;
            for x in c
                .opportunities
                .iter()
                .filter(|x| x.opened <= window.today && x.closed.is_some_and(|d| window.contains(d)))
            {
                o.won += usize::from(x.stage == Stage::Won);
                o.lost += usize::from(x.stage == Stage::Lost);
            }
        }
        for p in f.keeping.promises.iter().filter(|p| window.contains(p.due)) {
            if let Some(i) = find(&mut out, &p.by) {
                promises[i].0 += usize::from(p.status == PromiseStatus::Kept);
                promises[i].1 += 1;
            }
        }
        for interaction in c.interactions.iter().filter(|i| (0..=30).contains(&window.days_since(i.date))) {
            let by = interaction.by.as_ref().map_or(c.owner.get_ref(), |b| b.get_ref());
            if let Some(i) = find(&mut out, by) {
                out[i].contacts_30 += 1;
            }
        }
    }
    for item in agenda.iter().filter(|i| i.status == Status::Overdue) {
        if let Some(i) = find(&mut out, &item.owner) {
            out[i].overdue += 1;
        }
    }
    for ((o, sum), (kept, due)) in out.iter_mut().zip(completeness_sum).zip(promises) {
        // Mean rounded halves up: floor((2·sum + n) / (2·n)).
        let n = o.customers as u32;
        o.completeness = (n > 0).then(|| ((2 * sum + n) / (2 * n)) as u8);
        o.attainment = o.target.and_then(|t| rate::quotient(o.revenue, t));
        o.promises_kept = Rate::new(kept, due);
        o.win_rate = rate::share(o.won, o.won + o.lost);
    }
    out
}

#[cfg(test)]
mod tests;
