//! Reading one customer file into a [`Customer`], with every per-file rule of SPEC 3 and 10.1.

use chrono::NaiveDate;
use toml::Spanned;

use super::choices::{
    Choice, ComplaintCategory, CustomerKind, LossReason, OutcomeReason, Relationship, Severity, Stage,
};
use super::entries::{RefsSeen, contacts, handover_rules, warn_if_future};
use super::keeping::{not_before, plan, promise};
use super::model::{Complaint, Contract, Customer, Handover, Interaction, Loss, Opportunity, Order, ShortText};
use super::reader::{Ctx, Table};
use crate::diagnostics::Code;

/// Reads a customer whose id is `id` from its parsed top-level table.
pub fn read_customer(cx: &mut Ctx<'_>, top: &Table<'_, '_>, id: &str, today: NaiveDate) -> Customer {
    let name = top.required_string(cx, "name").map(Spanned::into_inner).unwrap_or_default();
    let owner = top.required_string(cx, "owner").unwrap_or_else(|| Spanned::new(0..0, String::new()));
    let kind = top.choice(cx, "kind").unwrap_or(CustomerKind::Company);
    let birthday = top.date(cx, "birthday");
    if let (Some(b), CustomerKind::Company) = (&birthday, kind) {
        cx.report(Code::BirthdayOnCompany, b.span(), "a birthday on a company customer is ignored").help =
            Some("put the birthday on a [[contact]], or set kind = \"person\"".to_string());
    }
    let loss = top.table(cx, "loss", "[loss]").and_then(|t| loss(cx, t));
    let lost_on = loss.as_ref().map(|l| l.date);
    let mut refs = RefsSeen::default();
    let mut customer = Customer {
        id: id.to_string(),
        file: cx.file.to_string(),
        source: None,
        name,
        kind,
        owner,
        region: top.text(cx, "region"),
        tags: top.string_list(cx, "tags"),
        since: top.date(cx, "since").map(Spanned::into_inner),
        relationship: top.choice(cx, "relationship").unwrap_or(Relationship::Reactive),
        prospect: top.integer(cx, "prospect", 1, 5).map_or(3, |n| n as u8),
        credit_limit: top.money(cx, "credit_limit").map(Spanned::into_inner),
        cadence_days: top.integer(cx, "cadence_days", 1, 3650).map(|n| n as u32),
        phone: top.text(cx, "phone"),
        email: top.text(cx, "email"),
        wechat: top.text(cx, "wechat"),
        address: top.text(cx, "address"),
        birthday: birthday.filter(|_| kind == CustomerKind::Person).map(Spanned::into_inner),
        archived: top.boolean(cx, "archived").unwrap_or(false),
        notes: top.text(cx, "notes"),
        referred_by: top.string(cx, "referred_by"),
        loss,
        contacts: contacts(cx, top),
        interactions: each(cx, top, "interaction", "[[interaction]]", |cx, t| interaction(cx, t, today)),
        orders: each(cx, top, "order", "[[order]]", |cx, t| order(cx, t, today, lost_on, &mut refs)),
        complaints: each(cx, top, "complaint", "[[complaint]]", |cx, t| complaint(cx, t, today)),
        contracts: each(cx, top, "contract", "[[contract]]", contract),
        opportunities: each(cx, top, "opportunity", "[[opportunity]]", |cx, t| opportunity(cx, t, today)),
        handovers: Vec::new(),
        promises: each(cx, top, "promise", "[[promise]]", |cx, t| promise(cx, t, today)),
        plan: top.table(cx, "plan", "[plan]").and_then(|t| plan(cx, t)),
    };
    let handovers = each(cx, top, "handover", "[[handover]]", |cx, t| handover(cx, t, today));
    customer.handovers = handover_rules(cx, handovers, &customer.owner, today);
    warn_unreachable(cx, &customer, today);
    customer
}

/// Reads every entry of an array of tables, keeping those without errors. The list is
/// allocated at its length: the records are held for a whole build, and a list collected from
/// the tables would keep their larger allocation or its growth slack.
fn each<T>(
    cx: &mut Ctx<'_>,
    top: &Table<'_, '_>,
    key: &str,
    name: &'static str,
    mut read: impl FnMut(&mut Ctx<'_>, Table<'_, '_>) -> Option<T>,
) -> Vec<T> {
    let tables = top.tables(cx, key, name);
    let mut entries = Vec::with_capacity(tables.len());
    for t in tables {
        entries.extend(read(cx, t));
    }
    entries.shrink_to_fit();
    entries
}

fn warn_unreachable(cx: &mut Ctx<'_>, c: &Customer, today: NaiveDate) {
    let own = c.phone.is_some() || c.email.is_some() || c.wechat.is_some();
    if !own && !c.contacts.iter().any(|p| !p.has_left(today) && p.reachable()) {
        let who = if c.name.is_empty() { &c.id } else { &c.name };
        cx.report(Code::Unreachable, 0..0, format!("no way to reach {who}: no phone, e-mail or WeChat")).help =
            Some("add `phone`, `email` or `wechat` to the customer or to a [[contact]]".to_string());
    }
}

fn loss(cx: &mut Ctx<'_>, t: Table<'_, '_>) -> Option<Loss> {
    let date = t.required_date(cx, "date");
    let reason = t.choice(cx, "reason").unwrap_or(LossReason::Other);
    let notes = t.text(cx, "notes");
    t.finish(cx);
    Some(Loss { date: date?.into_inner(), reason, notes })
}

/// Reports `key` as missing when the table lacks it.
fn t_has(t: &Table<'_, '_>, cx: &mut Ctx<'_>, key: &str) -> bool {
    t.required_string(cx, key).is_some()
}

fn interaction(cx: &mut Ctx<'_>, t: Table<'_, '_>, today: NaiveDate) -> Option<Interaction> {
    let date = t.required_date(cx, "date");
    let kind = if t_has(&t, cx, "kind") { t.choice(cx, "kind") } else { None };
    let summary = t.required_string(cx, "summary");
    warn_if_future(cx, date.as_ref(), "interaction", today);
    let item = Interaction {
        date: *date.as_ref()?.get_ref(),
        kind: kind?,
        by: t.string(cx, "by"),
        summary: summary?.into_inner(),
        next: t.date(cx, "next").map(Spanned::into_inner),
        satisfaction: t.integer(cx, "satisfaction", 1, 5).map(|n| n as u8),
    };
    t.finish(cx);
    Some(item)
}

/// Reads one order; `lost_on` is the customer's `[loss]` date, which an order should not follow.
/// The ref of an order that is kept is checked against the refs of the orders kept before it.
fn order(
    cx: &mut Ctx<'_>,
    t: Table<'_, '_>,
    today: NaiveDate,
    lost_on: Option<NaiveDate>,
    refs: &mut RefsSeen,
) -> Option<Order> {
    let date = t.required_date(cx, "date");
    let amount = t.required_money(cx, "amount");
    let cost = t.money(cx, "cost").map(Spanned::into_inner);
    let reference = t.string(cx, "ref");
    let product = t.text(cx, "product").map(ShortText::from);
    let due = t.date(cx, "due");
    let paid = t.date(cx, "paid");
    let promised = t.date(cx, "promised");
    let delivered = t.date(cx, "delivered");
    t.finish(cx);
    warn_if_future(cx, date.as_ref(), "order", today);
    let date = date?;
    if let Some(lost_on) = lost_on.filter(|l| date.get_ref() > l && *date.get_ref() <= today) {
        cx.report(
            Code::OrderAfterLoss,
            date.span(),
            format!("the customer is recorded as lost on {lost_on}, but ordered on {}", date.get_ref()),
        )
        .help = Some("remove [loss] if the customer came back".to_string());
    }
    for (key, later) in [("due", &due), ("paid", &paid), ("promised", &promised), ("delivered", &delivered)] {
        if let Some(later) = later.as_ref().filter(|l| *l.get_ref() < *date.get_ref()) {
            cx.report(
                Code::DateOrder,
                later.span(),
                format!("`{key}` ({}) is before the order `date` ({})", later.get_ref(), date.get_ref()),
            )
            .with_label_here(date.span(), "the order is dated here");
        }
    }
    if let (Some(p), None) = (&paid, &due) {
        cx.report(
            Code::PaidWithoutDue,
            p.span(),
            "`paid` without `due`: the order was not sold on credit, so `paid` is ignored",
        )
        .help = Some("add `due` if the order was sold on credit, or remove `paid`".to_string());
    }
    let amount = amount?.into_inner();
    if let Some(reference) = &reference {
        refs.check(cx, reference);
    }
    Some(Order {
        date: date.into_inner(),
        amount,
        cost,
        reference: reference.map(|r| ShortText::from(r.into_inner())),
        product,
        due: due.map(Spanned::into_inner),
        paid: paid.map(Spanned::into_inner),
        promised: promised.map(Spanned::into_inner),
        delivered: delivered.map(Spanned::into_inner),
    })
}

fn complaint(cx: &mut Ctx<'_>, t: Table<'_, '_>, today: NaiveDate) -> Option<Complaint> {
    let opened = t.required_date(cx, "opened");
    warn_if_future(cx, opened.as_ref(), "complaint", today);
    let summary = t.required_string(cx, "summary");
    let resolved = t.date(cx, "resolved");
    let responded = t.date(cx, "responded");
    let item = Complaint {
        opened: *opened.as_ref()?.get_ref(),
        summary: summary?.into_inner(),
        severity: t.choice(cx, "severity").unwrap_or(Severity::Medium),
        resolved: resolved.as_ref().map(|r| *r.get_ref()),
        resolution: t.text(cx, "resolution"),
        category: t.choice(cx, "category").unwrap_or(ComplaintCategory::Other),
        by: t.string(cx, "by"),
        responded: responded.as_ref().map(|r| *r.get_ref()),
    };
    t.finish(cx);
    if let Some(o) = &opened {
        for (key, later) in [("resolved", &resolved), ("responded", &responded)] {
            if let Some(later) = later {
                not_before(cx, (key, later), ("opened", o), "opened here");
            }
        }
    }
    Some(item)
}

fn contract(cx: &mut Ctx<'_>, t: Table<'_, '_>) -> Option<Contract> {
    let kind = t.required_string(cx, "kind");
    let start = t.date(cx, "start");
    let end = t.required_date(cx, "end");
    t.finish(cx);
    if let (Some(s), Some(e)) = (&start, &end)
        && e.get_ref() < s.get_ref()
    {
        cx.report(Code::DateOrder, e.span(), format!("`end` ({}) is before `start` ({})", e.get_ref(), s.get_ref()))
            .with_label_here(s.span(), "starts here");
    }
    Some(Contract { kind: kind?.into_inner(), start: start.map(Spanned::into_inner), end: end?.into_inner() })
}

fn opportunity(cx: &mut Ctx<'_>, t: Table<'_, '_>, today: NaiveDate) -> Option<Opportunity> {
    let opened = t.required_date(cx, "opened");
    warn_if_future(cx, opened.as_ref(), "opportunity", today);
    let title = t.required_string(cx, "title");
    let amount = t.money(cx, "amount").map(Spanned::into_inner);
    let stage = t.choice(cx, "stage").unwrap_or(Stage::Lead);
    let expected = t.date(cx, "expected").map(Spanned::into_inner);
    let closed = t.date(cx, "closed");
    let reason = t.choice(cx, "reason");
    let competitor = t.text(cx, "competitor");
    let objections = t.string_list(cx, "objections");
    let header = t.span.clone();
    let has_reason = t.get("reason").is_some();
    t.finish(cx);
    if stage.is_closed() && !has_reason {
        cx.report(
            Code::MissingReason,
            header.clone(),
            format!("a {} opportunity without `reason`: why it was {} is not recorded", stage.as_str(), stage.as_str()),
        )
        .help = Some(format!("add `reason = \"price\"`; the reasons are {}", reason_names()));
    }
    if stage.is_closed() && closed.is_none() {
        cx.report(
            Code::MissingClosed,
            header,
            format!("a {} opportunity needs `closed`, the day it was decided", stage.as_str()),
        )
        .help = Some("add `closed = 2026-03-04`".to_string());
    }
    if let (Some(o), Some(c)) = (&opened, &closed)
        && c.get_ref() < o.get_ref()
    {
        cx.report(
            Code::DateOrder,
            c.span(),
            format!("`closed` ({}) is before `opened` ({})", c.get_ref(), o.get_ref()),
        )
        .with_label_here(o.span(), "opened here");
    }
    Some(Opportunity {
        opened: opened?.into_inner(),
        title: title?.into_inner(),
        amount,
        stage,
        expected,
        closed: closed.map(Spanned::into_inner),
        reason,
        competitor,
        objections,
    })
}

/// The spellings of `reason` in `[[opportunity]]`, for a hint.
fn reason_names() -> String {
    OutcomeReason::ALL.iter().map(|(name, _)| format!("\"{name}\"")).collect::<Vec<_>>().join(", ")
}

fn handover(cx: &mut Ctx<'_>, t: Table<'_, '_>, today: NaiveDate) -> Option<Handover> {
    let date = t.required_date(cx, "date");
    warn_if_future(cx, date.as_ref(), "handover", today);
    let from = t.required_string(cx, "from");
    let to = t.required_string(cx, "to");
    t.finish(cx);
    Some(Handover { date: date?.into_inner(), from: from?, to: to? })
}
