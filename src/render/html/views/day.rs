//! The owner's day (the top of `owners/<id>.html`, read on a phone before a visit): each
//! customer with a follow-up overdue or due today, with what to know before calling.

use std::collections::HashMap;

use serde::Serialize;

use super::super::Site;
use super::customer::{InteractionView, OrderView};
use super::keeping::{ComplaintView, PromiseView};
use super::{AgendaRow, Labelled};
use crate::analysis::agenda::Status;

/// One customer to call today.
#[derive(Debug, Clone, Serialize)]
pub struct DayCard {
    /// The customer's id.
    pub customer: String,
    /// Its name.
    pub name: String,
    /// The most urgent status of its follow-ups (overdue before today).
    pub status: Labelled,
    /// The phone to call (empty when redacted or none).
    pub phone: String,
    /// Its follow-ups overdue or due today, in agenda order.
    pub items: Vec<AgendaRow>,
    /// The latest interaction up to today, with a plain excerpt.
    pub last: Option<InteractionView>,
    /// Its open complaints.
    pub complaints: Vec<ComplaintView>,
    /// Its unpaid orders, newest first.
    pub unpaid: Vec<OrderView>,
    /// Its promises not yet kept, the earliest due first.
    pub promises: Vec<PromiseView>,
}

impl Site<'_> {
    /// The day of the member `owner`: the customers of their follow-ups overdue or due today,
    /// in the order of their first such follow-up in the agenda.
    pub fn my_day(&self, owner: &str) -> Vec<DayCard> {
        let mut cards: Vec<DayCard> = Vec::new();
        // Each customer's card by id: an owner of thousands of customers has thousands of cards.
        let mut card_of: HashMap<&str, usize> = HashMap::new();
        let urgent = self
            .analysis
            .agenda
            .iter()
            .filter(|i| i.owner == owner && matches!(i.status, Status::Overdue | Status::Today));
        for item in urgent {
            if let Some(card) = card_of.get(item.customer.as_str()).and_then(|&i| cards.get_mut(i)) {
                card.items.push(self.agenda_row(item));
                continue;
            }
            let (Some(c), Some(f)) = (self.customer_by_id(&item.customer), self.facts_by_id(&item.customer)) else {
                continue;
            };
            let row = self.agenda_row(item);
            card_of.insert(item.customer.as_str(), cards.len());
            cards.push(DayCard {
                customer: c.id.clone(),
                name: c.name.clone(),
                status: row.status,
                phone: row.phone.clone(),
                items: vec![row],
                last: self.interactions(c, 1, true).into_iter().next(),
                complaints: self.complaints(f).into_iter().filter(|k| k.open).collect(),
                unpaid: self.unpaid_order_views(c),
                promises: self.promises(f, true).into_iter().filter(|p| p.open).collect(),
            });
        }
        cards
    }
}
