//! Rendering pages: into the per-thread buffer of [`Site::page_memoized`], and streamed.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use tera::Context;

use super::{Site, SiteOptions};
use crate::render::{MemorySink, Sink};

/// A sink that renders another page while it stores the first, on the same thread.
struct Rendering<'s, 'a> {
    site: &'s Site<'a>,
    inner: MemorySink,
}

impl Sink for Rendering<'_, '_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        if path == "outer.html" {
            let mut cx = Context::new();
            cx.insert("word", "inner");
            self.site.page_memoized(&self.inner, "inner.html", "page.html", "x", None, || cx)?;
        }
        self.inner.put(path, bytes)
    }
}

/// Runs `test` on the demo records' site, with a `page.html` template that shows `word`.
fn with_demo_site(test: impl FnOnce(&Site<'_>)) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
    let loaded = crate::records::load(&root, today);
    let analysis = crate::analysis::analyse(&loaded.records, &loaded.settings, today);
    let overrides = BTreeMap::from([("page.html".to_string(), "<p>{{ word }}</p>".to_string())]);
    let options = SiteOptions { redact: false, base_url: None, overrides };
    test(&Site::new(&loaded.records, &analysis, &loaded.settings, None, options).expect("a site"));
}

#[test]
fn a_page_rendered_while_another_is_being_stored_gets_its_own_buffer() {
    with_demo_site(|site| {
        let sink = Rendering { site, inner: MemorySink::default() };
        let mut cx = Context::new();
        cx.insert("word", "outer");
        site.page_memoized(&sink, "outer.html", "page.html", "x", None, || cx).expect("both pages render");
        let files = sink.inner.into_files();
        assert_eq!(files.get("outer.html").map(Vec::as_slice), Some(b"<p>outer</p>".as_slice()));
        assert_eq!(files.get("inner.html").map(Vec::as_slice), Some(b"<p>inner</p>".as_slice()));
    });
}

#[test]
fn a_streamed_page_is_the_page_rendered_into_a_buffer() {
    with_demo_site(|site| {
        let sink = MemorySink::default();
        for (path, word) in [("streamed.html", "<both>"), ("buffered.html", "<both>")] {
            let mut cx = Context::new();
            cx.insert("word", word);
            let put = if path == "streamed.html" {
                site.page(&sink, path, "page.html", "x", cx)
            } else {
                site.page_memoized(&sink, path, "page.html", "x", None, || cx)
            };
            put.expect("the page renders");
        }
        let files = sink.into_files();
        assert_eq!(files.get("streamed.html").map(Vec::as_slice), Some(b"<p>&lt;both&gt;</p>".as_slice()));
        assert_eq!(files.get("streamed.html"), files.get("buffered.html"));
    });
}

#[test]
fn my_day_has_one_card_per_customer_with_its_urgent_follow_ups_in_agenda_order() {
    use crate::analysis::agenda::Status;
    with_demo_site(|site| {
        let mut several = 0;
        for m in &site.records.members {
            let owner = m.id.get_ref();
            let urgent: Vec<_> = site
                .analysis
                .agenda
                .iter()
                .filter(|i| &i.owner == owner && matches!(i.status, Status::Overdue | Status::Today))
                .collect();
            let mut first_seen: Vec<&str> = Vec::new();
            for item in &urgent {
                if !first_seen.contains(&item.customer.as_str()) {
                    first_seen.push(&item.customer);
                }
            }
            let day = site.my_day(owner);
            let customers: Vec<&str> = day.iter().map(|card| card.customer.as_str()).collect();
            assert_eq!(customers, first_seen, "{owner}: one card per customer, in order of its first follow-up");
            for card in &day {
                let mine: Vec<&str> =
                    urgent.iter().filter(|i| i.customer == card.customer).map(|i| i.reason.as_str()).collect();
                let shown: Vec<&str> = card.items.iter().map(|row| row.reason.as_str()).collect();
                assert_eq!(shown, mine, "{owner}, {}: its follow-ups, in agenda order", card.customer);
                several += usize::from(shown.len() > 1);
            }
        }
        assert!(several > 0, "the demo has a customer with two urgent follow-ups");
    });
}
