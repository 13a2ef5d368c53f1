use super::*;
use crate::analysis::agenda::Status;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn item(date: &str, kind: Kind, customer: &str, reason: &str) -> AgendaItem {
    AgendaItem {
        date: d(date),
        status: Status::Soon,
        kind,
        customer: customer.into(),
        owner: "wang".into(),
        reason: reason.into(),
        key: String::new(),
    }
}

fn meta() -> CalendarMeta<'static> {
    CalendarMeta { name: "Agenda, team; east", today: d("2026-11-25") }
}

/// Undoes folding (RFC 5545 3.1) and splits into logical lines.
fn unfold(ics: &str) -> Vec<String> {
    let body = ics.strip_suffix("\r\n").expect("ends with CRLF");
    body.replace("\r\n ", "").split("\r\n").map(str::to_string).collect()
}

/// The values of every logical line named `name` (parameters ignored).
fn values(ics: &str, name: &str) -> Vec<String> {
    unfold(ics)
        .into_iter()
        .filter_map(|l| {
            let (head, value) = l.split_once(':')?;
            (head.split(';').next() == Some(name)).then(|| value.to_string())
        })
        .collect()
}

fn assert_well_formed(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for line in ics.strip_suffix("\r\n").unwrap_or(ics).split("\r\n") {
        assert!(!line.contains('\r') && !line.contains('\n'), "bare line break in {line:?}");
        assert!(line.len() <= MAX_LINE, "{} octets: {line:?}", line.len());
        assert!(!line.is_empty(), "empty line");
    }
    assert!(!ics.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF");
    let known = [
        "BEGIN",
        "END",
        "VERSION",
        "PRODID",
        "CALSCALE",
        "METHOD",
        "NAME",
        "X-WR-CALNAME",
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
        "CATEGORIES",
        "URL",
        "TRANSP",
    ];
    for line in unfold(ics) {
        let name = line.split([':', ';']).next().unwrap_or("");
        assert!(known.contains(&name), "unexpected property in {line:?}");
    }
}

const LONG_ZH: &str = "上次联系 2026-10-01；A 类客户每 30 天联系一次。客户反映包装破损，需要上门查看并商谈赔偿方案，\
                       同时确认下一季度的订货计划与付款条件😀，并请财务部门核对对账单。";

#[test]
fn lines_end_with_crlf_and_fit() {
    let a = item("2026-11-26", Kind::Complaint, "acme", LONG_ZH);
    let url = format!("https://example.com/sub/path/customers/{}.html", "acme".repeat(30));
    let event =
        IcsEvent {
            label: Some("投诉跟进"), url: Some(&url), ..IcsEvent::new(&a, "北京长城贸易有限公司华东分公司")
        };
    let ics = calendar(&[event], &meta());
    assert_well_formed(&ics);
    assert!(ics.lines().count() > 15, "long values were folded");
    assert_eq!(values(&ics, "URL"), [url]);
}

#[test]
fn folding_is_reversible_and_keeps_characters_whole() {
    for pad in 0..6 {
        let reason = format!("{}{LONG_ZH}{LONG_ZH}", "x".repeat(pad));
        let a = item("2026-11-26", Kind::Complaint, "acme", &reason);
        let ics = calendar(&[IcsEvent::new(&a, "客户")], &meta());
        assert_well_formed(&ics);
        for line in ics.as_bytes().split(|&b| b == b'\n') {
            assert!(std::str::from_utf8(line).is_ok(), "a line splits a character");
        }
        assert_eq!(values(&ics, "DESCRIPTION"), [text(&reason)]);
    }
}

#[test]
fn fold_limits() {
    let mut out = String::new();
    fold_into(&mut out, &"a".repeat(75));
    assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
    out.clear();
    fold_into(&mut out, &"a".repeat(76));
    assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
    out.clear();
    fold_into(&mut out, &"中".repeat(30));
    let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
    assert_eq!(lines[0].len(), 75);
    assert_eq!(lines[1], format!(" {}", "中".repeat(5)));
}

#[test]
fn escapes_text() {
    assert_eq!(text(r"a;b,c\d"), r"a\;b\,c\\d");
    assert_eq!(text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
    assert_eq!(text("tab\there\u{0}\u{7}\u{7f}\u{85}!"), "tab here!");
    let a = item("2026-11-26", Kind::Collection, "acme", "collect ¥1,200; ask for\nthe \\ manager");
    let ics = calendar(&[IcsEvent::new(&a, "A, B; C")], &meta());
    assert_eq!(values(&ics, "DESCRIPTION"), [r"collect ¥1\,200\; ask for\nthe \\ manager"]);
    assert_eq!(values(&ics, "SUMMARY"), [r"collection: A\, B\; C"]);
    assert_eq!(values(&ics, "X-WR-CALNAME"), [r"Agenda\, team\; east"]);
}

#[test]
fn hostile_text_cannot_add_lines() {
    let evil = "x\r\nBEGIN:VEVENT\r\nUID:evil\nEND:VCALENDAR\rX-EVIL:1\u{0}";
    let a = item("2026-11-26", Kind::Complaint, "acme", evil);
    let event = IcsEvent {
        label: Some(evil),
        url: Some("https://ex.com/a b\r\nX-EVIL:1"),
        key: Some(evil),
        ..IcsEvent::new(&a, "<script>alert(1)</script>\r\nSUMMARY:x")
    };
    let meta = CalendarMeta { name: evil, ..meta() };
    let ics = calendar(&[event], &meta);
    assert_well_formed(&ics);
    let lines = unfold(&ics);
    assert_eq!(lines.iter().filter(|l| l.as_str() == "BEGIN:VEVENT").count(), 1);
    assert_eq!(lines.iter().filter(|l| l.starts_with("END:")).count(), 2);
    assert!(!lines.iter().any(|l| l.starts_with("UID:evil") || l.starts_with("X-EVIL")));
    assert_eq!(values(&ics, "SUMMARY").len(), 1);
    assert!(values(&ics, "SUMMARY")[0].contains("<script>alert(1)</script>\\nSUMMARY:x"));
    assert_eq!(values(&ics, "URL"), ["https://ex.com/a%20bX-EVIL:1"]);
}

#[test]
fn event_properties() {
    let a = item("2026-12-31", Kind::Renewal, "acme", "service contract ends 2027-01-30");
    let event = IcsEvent {
        label: Some("Renewal"),
        url: Some("https://crm.example/customers/acme.html"),
        ..IcsEvent::new(&a, "Acme")
    };
    let ics = calendar(&[event], &meta());
    assert_well_formed(&ics);
    let lines = unfold(&ics);
    for expected in [
        "DTSTART;VALUE=DATE:20261231",
        "DTEND;VALUE=DATE:20270101",
        "DTSTAMP:20261125T000000Z",
        "SUMMARY:Renewal: Acme",
        "DESCRIPTION:service contract ends 2027-01-30",
        "CATEGORIES:renewal",
        "URL:https://crm.example/customers/acme.html",
        "TRANSP:TRANSPARENT",
    ] {
        assert!(lines.iter().any(|l| l == expected), "missing {expected}");
    }
    let no_url = calendar(&[IcsEvent::new(&a, "Acme")], &meta());
    assert!(values(&no_url, "URL").is_empty());
    assert_eq!(values(&no_url, "SUMMARY"), ["renewal: Acme"]);
}

#[test]
fn uids_are_unique_and_survive_date_changes() {
    let reasons = ["a", "b"];
    let before = [
        item("2026-11-26", Kind::Contact, "acme", "last contact 2026-10-27; every 30 days"),
        item("2026-11-27", Kind::Collection, "acme", reasons[0]),
        item("2026-11-28", Kind::Collection, "acme", reasons[1]),
        item("2026-11-28", Kind::Contact, "beta", "never contacted"),
        item("2026-11-29", Kind::Birthday, "acme", "李娜 12月1日 生日"),
        item("2026-11-29", Kind::Birthday, "acme", "李娜 12月1日 生日"),
    ];
    let events: Vec<_> = before.iter().map(|i| IcsEvent::new(i, "x")).collect();
    let first = uids(&events);
    assert_eq!(first[0], "contact-acme@cardfile");
    assert_eq!(first[3], "contact-beta@cardfile");
    assert_eq!(first[5], first[4].replace("@cardfile", "-2@cardfile"));
    assert_eq!(first.iter().collect::<BTreeSet<_>>().len(), first.len(), "{first:?}");
    assert!(first[1].starts_with("collection-acme-") && first[1].len() == "collection-acme-".len() + 16 + 9);

    let mut after = before.clone();
    after[0].date = d("2026-12-20");
    after[0].reason = "next follow-up agreed at the visit on 2026-11-20".into();
    after[1].date = d("2027-01-05");
    let events: Vec<_> = after.iter().map(|i| IcsEvent::new(i, "y")).collect();
    assert_eq!(uids(&events), first);
    assert_eq!(values(&calendar(&events, &meta()), "UID"), first);
}

#[test]
fn the_plan_is_one_per_customer_and_promises_escalations_and_deliveries_are_keyed() {
    let plan = item("2026-11-25", Kind::Plan, "acme", "key customer without a plan");
    let mut reviewed = plan.clone();
    reviewed.date = d("2027-03-17");
    reviewed.reason = "review the key customer's plan by 2027-03-31".into();
    for event in [&plan, &reviewed] {
        assert_eq!(uids(&[IcsEvent::new(event, "x")]), ["plan-acme@cardfile"], "the plan's UID survives its review");
    }
    let keyed = |kind: Kind, key: &'static str, reason: &str| {
        let mut i = item("2026-11-30", kind, "acme", reason);
        i.key = key.into();
        i
    };
    let before = [
        keyed(Kind::Promise, "2026-11-12#0", "promised on 2026-11-12: samples, due 2026-11-30"),
        keyed(Kind::Escalate, "2026-11-01#2", "open 24 days, target 14: escalate (late)"),
        keyed(Kind::Delivery, "SO-1", "deliver SO-1, promised for 2026-11-30"),
    ];
    let mut after = before.clone();
    after[1].reason = "open 25 days, target 14: escalate (late)".into();
    after[0].reason = "2026-11-12 承诺：samples，2026-11-30 到期".into();
    let uid = |items: &[AgendaItem]| {
        uids(&items.iter().map(|i| IcsEvent { key: Some(&i.key), ..IcsEvent::new(i, "x") }).collect::<Vec<_>>())
    };
    let first = uid(&before);
    assert_eq!(uid(&after), first, "a reason that changes day by day or with the language keeps the UID");
    assert!(first[0].starts_with("promise-acme-") && first[1].starts_with("escalate-acme-"));
    assert!(first[2].starts_with("delivery-acme-"));
}

#[test]
fn uid_key_overrides_reason() {
    let a = item("2026-11-27", Kind::Collection, "acme", "collect ¥100, due 2026-11-27");
    let b = item("2026-11-27", Kind::Collection, "acme", "催收 ¥100，2026-11-27 到期");
    let ka = IcsEvent { key: Some("PO-7"), ..IcsEvent::new(&a, "x") };
    let kb = IcsEvent { key: Some("PO-7"), ..IcsEvent::new(&b, "x") };
    assert_eq!(uids(&[ka]), uids(&[kb]));
    assert_ne!(uids(&[IcsEvent::new(&a, "x")]), uids(&[IcsEvent::new(&b, "x")]));
}

#[test]
fn fnv1a_is_the_published_function() {
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn empty_calendar_is_complete() {
    let ics = calendar(&[], &meta());
    assert_well_formed(&ics);
    assert_eq!(
        ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cardfile//cardfile//EN\r\nCALSCALE:GREGORIAN\r\n\
         METHOD:PUBLISH\r\nNAME:Agenda\\, team\\; east\r\nX-WR-CALNAME:Agenda\\, team\\; east\r\nEND:VCALENDAR\r\n"
    );
}

#[test]
fn output_is_deterministic() {
    let items = [
        item("2026-11-26", Kind::Contact, "acme", LONG_ZH),
        item("2026-11-27", Kind::Holiday, "beta", "春节（2027-02-06）：A 类客户节日问候"),
    ];
    let events: Vec<_> = items.iter().map(|i| IcsEvent::new(i, "名字")).collect();
    let one = calendar(&events, &meta());
    assert_eq!(one, calendar(&events, &meta()));
    assert_eq!(values(&one, "DTSTAMP"), ["20261125T000000Z", "20261125T000000Z"]);
    let later = CalendarMeta { today: d("2026-11-26"), ..meta() };
    assert_ne!(one, calendar(&events, &later));
}
