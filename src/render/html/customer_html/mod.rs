//! The built-in `customer.html` written without the template engine: the same markup, from
//! the same [`CustomerPage`], byte for byte (a test renders every fixture both ways). A team
//! that replaces `customer.html` or `base.html` gets its template rendered instead.
//!
//! The parts below write `templates/customer.html` in its order (`head`: from the name to the
//! follow-ups, `tables`: from the promises to the history); a change to that template is a
//! change here too.

mod head;
mod parts;
mod tables;

use super::html_writer::Frame;
use super::views::customer_page::CustomerPage;

/// Writes the page of one customer into `out`.
pub fn write(out: &mut Vec<u8>, frame: &Frame, p: &CustomerPage) {
    let root = frame.root.as_str();
    frame.page(out, &p.title, |h| {
        head::head(h, root, p);
        head::profile_and_computed(h, p);
        head::alerts(h, p);
        head::care(h, root, p);
        head::agenda(h, p);
        tables::promises(h, p);
        tables::contacts(h, p);
        tables::interactions(h, p);
        tables::orders(h, p);
        tables::deliveries(h, p);
        tables::complaints(h, p);
        tables::contracts(h, p);
        tables::opportunities(h, p);
        tables::handovers(h, p);
        tables::notes_and_history(h, p, frame.has_history);
    });
}
