//! What the page of one customer is made from: the context of `customer.html`, which the
//! built-in writer reads too.

use serde::Serialize;

use super::super::history_pages::{HistoryRow, LastChanged};
use super::customer::{CareView, ContactView, ContractView, InteractionView, OrderView, Profile};
use super::keeping::{ComplaintView, DeliveryView, PromiseView};
use super::{AgendaRow, CustomerRow, Explained};

/// What `customer.html` is rendered from (the template's context, field by field; see
/// `docs/site.md`, section 13).
#[derive(Serialize)]
pub struct CustomerPage {
    /// The page title: the customer's name.
    pub title: String,
    /// The profile.
    pub c: Profile,
    /// The customer's row as the lists show it (class, lifecycle, grade).
    pub row: CustomerRow,
    /// The computed values, each with its "why".
    pub computed: Vec<Explained>,
    /// Unpaid amount, formatted.
    pub exposure: String,
    /// Overdue amount, formatted.
    pub overdue: String,
    /// Whether the unpaid amount is over the credit limit.
    pub over_limit: bool,
    /// The people inside the customer.
    pub contacts: Vec<ContactView>,
    /// Every interaction, newest first.
    pub interactions: Vec<InteractionView>,
    /// Every order, newest first.
    pub orders: Vec<OrderView>,
    /// The lifetime revenue, formatted.
    pub orders_total: String,
    /// The orders' sparkline (SVG), or empty.
    pub sparkline: String,
    /// The complaints.
    pub complaints: Vec<ComplaintView>,
    /// The promises.
    pub promises: Vec<PromiseView>,
    /// The deliveries.
    pub deliveries: Vec<DeliveryView>,
    /// The contracts.
    pub contracts: Vec<ContractView>,
    /// The customer's follow-ups, in agenda order.
    pub agenda: Vec<AgendaRow>,
    /// The notes as HTML (empty when redacted or none).
    pub notes_html: String,
    /// Customer care (section 10 of the specification).
    pub care: CareView,
    /// The last commit that changed the file, when the history was read.
    pub last_changed: Option<LastChanged>,
    /// The file's history, newest first.
    pub history: Vec<HistoryRow>,
    /// A link to edit the file (the settings' `edit_url` and the file), or empty.
    pub edit_url: String,
}
