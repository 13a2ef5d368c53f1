//! Analysis: what customer-management practice computes from the records (SPEC 5–7).
//! Pure functions of the records, the settings and today; nothing here reads a file.

pub mod abc;
pub mod agenda;
pub mod complaints;
pub mod completeness;
pub mod coverage;
pub mod credit;
pub mod deliveries;
mod exact;
pub mod explain;
pub mod ledger;
pub mod lifecycle;
pub mod losses;
pub mod outcomes;
pub mod owners;
pub mod pipeline;
pub mod promises;
pub mod rate;
pub mod reasons;
pub mod receivables;
pub mod regions;
pub mod retention;
pub mod risk;
pub mod satisfaction;
pub mod score;
pub mod team;
#[cfg(test)]
pub mod testing;
pub mod week;
pub mod window;

use chrono::NaiveDate;
use rayon::prelude::*;
use rust_decimal::Decimal;

use abc::{Class, Ranked};
use agenda::AgendaItem;
use credit::Credit;
use ledger::Ledger;
use lifecycle::Lifecycle;
use score::{Score, ScoreInputs, ScoreScale};
use window::Window;

use crate::history::History;
use crate::records::model::{Customer, Money, Records};
use crate::records::settings::Settings;

/// Everything computed for one (non-archived) customer.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Index of the customer in `Records::customers`.
    pub index: usize,
    /// Orders and revenue.
    pub ledger: Ledger,
    /// ABC class with its ranking.
    pub rank: Ranked,
    /// Lifecycle stage.
    pub lifecycle: Lifecycle,
    /// Credit standing.
    pub credit: Credit,
    /// The composite score.
    pub score: Score,
    /// Which of the eight data-card items are present.
    pub completeness_items: [bool; 8],
    /// Completeness in percent.
    pub completeness: u8,
    /// Latest interaction up to today.
    pub last_contact: Option<NaiveDate>,
    /// The regular contact item: its date and why.
    pub contact: (NaiveDate, String),
    /// Customer care beyond the ledger (SPEC 10.2).
    pub care: Care,
    /// Promises, complaint targets and deliveries (SPEC 12.2).
    pub keeping: Keeping,
    /// The latest commit that changed the customer's file (SPEC 11.1); `None` outside git.
    pub changed: Option<Changed>,
}

/// When a customer's file was last changed, and by whom (from the git history).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Changed {
    /// The author date of the latest commit that changed the file.
    pub date: NaiveDate,
    /// Its author's name.
    pub by: String,
}

/// The values of SPEC 10.2 for one customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Care {
    /// revenue / revenue_prev − 1, rounded to 3 decimals.
    pub trend: Option<Decimal>,
    /// Latest satisfaction score and its date.
    pub satisfaction: Option<(u8, NaiveDate)>,
    /// Coverage of the buying organisation.
    pub coverage: Option<coverage::Coverage>,
    /// Why the customer is at risk (A and B only).
    pub risk: Vec<risk::Risk>,
    /// Open opportunities.
    pub pipeline: Money,
    /// Opportunities won in the window.
    pub won: Money,
    /// Customers this one referred.
    pub referrals: Vec<String>,
}

/// The values of SPEC 12.2 for one customer: what was promised and whether it was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keeping {
    /// The promises made up to today, in file order, with their status.
    pub promises: Vec<promises::PromiseFacts>,
    /// How many of them are not kept.
    pub promises_open: usize,
    /// The complaints opened up to today, in file order, against their targets.
    pub complaints: Vec<complaints::ComplaintTargets>,
    /// The orders dated up to today that have a promised delivery date, in file order.
    pub deliveries: Vec<deliveries::Delivery>,
}

impl Keeping {
    /// The values of customer `c` as of `today`.
    pub fn of(c: &Customer, settings: &Settings, today: NaiveDate) -> Keeping {
        let promises = promises::promises(c, today);
        Keeping {
            promises_open: promises::open_count(&promises),
            promises,
            complaints: complaints::all_targets(&c.complaints, &settings.complaints, today),
            deliveries: deliveries::deliveries(c, today),
        }
    }
}

impl Facts {
    /// The ABC class.
    pub fn class(&self) -> Class {
        self.rank.class
    }
}

/// The analysis of a whole records tree.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The reference date and window.
    pub window: Window,
    /// One entry per non-archived customer, in id order.
    pub customers: Vec<Facts>,
    /// What scores are scaled by.
    pub scale: ScoreScale,
    /// The follow-up agenda, sorted by date, kind, customer.
    pub agenda: Vec<AgendaItem>,
    /// One summary per team member (SPEC 10.2), by id.
    pub owners: Vec<owners::OwnerSummary>,
    /// The team's figures (SPEC 12.2's `team` object and what the team pages show).
    pub team: team::Team,
}

impl Analysis {
    /// Removes the birthday follow-ups, whose dates and reasons give birthdays away (for a
    /// redacted site), and counts the team's agenda figures again without them.
    pub fn drop_birthdays(&mut self) {
        self.agenda.retain(|i| i.kind != agenda::Kind::Birthday);
        self.team.due_this_week = team::due_this_week(&self.agenda);
        let owners: Vec<String> = self.team.agenda_load.iter().map(|l| l.owner.clone()).collect();
        self.team.agenda_load = team::agenda_load(&owners, &self.agenda, self.window.today);
    }

    /// Notes, for each customer, the latest commit of `history` that changed its file.
    pub fn note_history(&mut self, records: &Records, history: &History) {
        for f in &mut self.customers {
            f.changed = history
                .last(&records.customers[f.index].id)
                .map(|commit| Changed { date: commit.date, by: commit.author.clone() });
        }
    }

    /// The facts of the customer at `index` in the records, if it is analysed.
    pub fn facts_of(&self, index: usize) -> Option<&Facts> {
        self.customers.binary_search_by_key(&index, |f| f.index).ok().map(|i| &self.customers[i])
    }
}

/// Analyses the records as of `today`.
pub fn analyse(records: &Records, settings: &Settings, today: NaiveDate) -> Analysis {
    let window = Window::new(today, settings.window_days);
    let active: Vec<(usize, &Customer)> =
        records.customers.iter().map(|c| &**c).enumerate().filter(|(_, c)| !c.archived).collect();
    let ledgers: Vec<Ledger> = active.par_iter().map(|(_, c)| ledger::ledger(c, &window)).collect();
    let revenues: Vec<(&str, Money)> =
        active.iter().zip(&ledgers).map(|((_, c), l)| (c.id.as_str(), l.revenue)).collect();
    let ranks = abc::classify(&revenues, &settings.abc);
    let scale = ScoreScale {
        max_revenue: ledgers.iter().map(|l| l.revenue).max().unwrap_or(Money::ZERO),
        max_profit: ledgers.iter().filter_map(|l| l.profit).max().unwrap_or(Money::ZERO).max(Money::ZERO),
        use_profit: active.iter().any(|(_, c)| c.orders.iter().any(|o| o.cost.is_some() && window.known(o.date))),
    };
    let referrals = pipeline::referrals(records);
    let reasons = reasons::Reasons::new(settings.language, &settings.currency);
    let customers: Vec<Facts> = active
        .par_iter()
        .zip(ledgers)
        .zip(ranks)
        .map(|(((index, c), ledger), rank)| {
            let credit = credit::credit(c, &window, &settings.credit);
            let inputs = ScoreInputs {
                revenue: ledger.revenue,
                profit: ledger.profit,
                grade: credit.grade,
                prospect: c.prospect,
            };
            let items = completeness::items(c, today);
            let lifecycle = lifecycle::lifecycle(&ledger, c.loss.as_ref().map(|l| l.date), today, &settings.lifecycle);
            let last_contact = c.interactions.iter().map(|i| i.date).filter(|d| *d <= today).max();
            let contact = agenda::contact_item(c, rank.class, &ledger, last_contact, settings, &window, &reasons);
            let satisfaction = satisfaction::latest(c, today);
            let keeping = Keeping::of(c, settings, today);
            let risk_inputs = risk::RiskInputs {
                class: rank.class,
                revenue: ledger.revenue,
                revenue_prev: ledger.revenue_prev,
                contact_due: contact.0,
                satisfaction: satisfaction.map(|s| s.0),
                lifecycle,
                promise_overdue: keeping.promises.iter().any(|p| p.status == promises::PromiseStatus::Overdue),
                delivery_overdue: keeping.deliveries.iter().any(|x| x.is_overdue(today)),
            };
            let care = Care {
                trend: risk::trend(ledger.revenue, ledger.revenue_prev),
                satisfaction,
                coverage: coverage::coverage(c, today),
                risk: risk::risk(c, &risk_inputs, settings.risk_drop, today),
                pipeline: pipeline::pipeline(c, &window),
                won: pipeline::won(c, &window),
                referrals: referrals.get(c.id.as_str()).cloned().unwrap_or_default(),
            };
            Facts {
                index: *index,
                lifecycle,
                score: score::score(&inputs, &scale, &settings.weights),
                completeness: completeness::percent(&items),
                completeness_items: items,
                last_contact,
                contact,
                care,
                keeping,
                changed: None,
                credit,
                rank,
                ledger,
            }
        })
        .collect();
    let agenda = agenda::agenda(records, &customers, settings, &window);
    let (owners, team) = rayon::join(
        || owners::summaries(records, &customers, &agenda, &window),
        || team::team(records, &customers, &agenda, &window),
    );
    Analysis { window, customers, scale, agenda, owners, team }
}
