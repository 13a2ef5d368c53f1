use chrono::NaiveDate;

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

const FILE: &str = "name = \"Acme\"\nowner = \"zhang\"\n\n\
[[promise]]   # the samples\nmade = 2026-11-02\ndue = 2026-11-30\nwhat = \"20 片刀片送检\"\n\n\
[[promise]]\nmade = 2026-11-03\ndue = 2026-11-10\nwhat = \"Price list\"\nkept = 2026-11-09 # on time\n\n\
[[promise]]\nmade = 2026-11-04\ndue = 2026-12-01\nwhat = \"\"\"\nCall back about the\nsecond line\"\"\"\n\n\
[[order]]\ndate = 2026-09-01\namount = 100\nref = \"SO-1\"\npromised = 2026-09-10\n\n\
[[order]]\ndate = 2026-09-02\namount = 200\nref = \"SO-2\"\ndelivered = 2026-09-05\n\n\
[[order]]\ndate = 2026-09-03\namount = 300\n\n\
[[complaint]]\nopened = 2026-10-01\nsummary = \"Late\"\nresponded = 2026-10-02\n\n\
[[complaint]]\nopened = 2026-10-05\nsummary = \"Wrong size\" # ouch\n";

fn message(result: Result<String>) -> String {
    result.expect_err("refused").to_string()
}

#[test]
fn keeping_a_promise_adds_one_line_after_its_last_key() {
    let out = keep_promise(FILE, 1, day("2026-11-28")).expect("kept");
    let want = FILE.replace("what = \"20 片刀片送检\"\n", "what = \"20 片刀片送检\"\nkept = 2026-11-28\n");
    assert_eq!(out, want);
    let out = keep_promise(FILE, 3, day("2026-11-28")).expect("kept");
    assert_eq!(out, FILE.replace("second line\"\"\"\n", "second line\"\"\"\nkept = 2026-11-28\n"));
}

#[test]
fn a_wrong_or_kept_promise_lists_the_open_ones() {
    let open = "the open ones are: 1 (due 2026-11-30: 20 片刀片送检); 3 (due 2026-12-01: Call back about the…)";
    assert_eq!(
        message(keep_promise(FILE, 4, day("2026-11-28"))),
        format!("there is no promise 4: the file has 3 (number them from 1, in file order); {open}")
    );
    assert!(message(keep_promise(FILE, 0, day("2026-11-28"))).starts_with("there is no promise 0"));
    assert_eq!(
        message(keep_promise(FILE, 2, day("2026-11-28"))),
        format!("promise 2 was kept on 2026-11-09 already; {open}")
    );
    assert_eq!(
        message(keep_promise("name = \"A\"\n", 1, day("2026-11-28"))),
        "there is no promise 1: the file has 0 (number them from 1, in file order); none is open"
    );
}

#[test]
fn delivering_an_order_by_its_ref() {
    let out = deliver_order(FILE, "SO-1", day("2026-09-12")).expect("delivered");
    assert_eq!(out, FILE.replace("promised = 2026-09-10\n", "promised = 2026-09-10\ndelivered = 2026-09-12\n"));
    assert_eq!(
        message(deliver_order(FILE, "SO-9", day("2026-09-12"))),
        "no [[order]] has ref \"SO-9\" (not delivered yet: SO-1 (promised 2026-09-10))"
    );
    assert_eq!(
        message(deliver_order(FILE, "SO-2", day("2026-09-12"))),
        "order SO-2 was delivered on 2026-09-05 already (not delivered yet: SO-1 (promised 2026-09-10))"
    );
    assert_eq!(
        message(deliver_order("name = \"A\"\n", "SO-1", day("2026-09-12"))),
        "no [[order]] has ref \"SO-1\" (no order with a ref is waiting for delivery)"
    );
}

#[test]
fn answering_a_complaint_keeps_its_comments() {
    let out = answer_complaint(FILE, 2, day("2026-10-06")).expect("answered");
    assert_eq!(out, format!("{FILE}responded = 2026-10-06\n"));
    let waiting = "not answered yet: 2 (opened 2026-10-05: Wrong size)";
    assert_eq!(
        message(answer_complaint(FILE, 1, day("2026-10-06"))),
        format!("complaint 1 was answered on 2026-10-02 already; {waiting}")
    );
    assert_eq!(
        message(answer_complaint(FILE, 3, day("2026-10-06"))),
        format!("there is no complaint 3: the file has 2 (number them from 1, in file order); {waiting}")
    );
}

#[test]
fn inline_arrays_and_crlf_are_kept() {
    let text = "name = \"A\"\r\npromise = [{ made = 2026-11-01, due = 2026-11-05, what = \"x\" }]\r\n";
    let out = keep_promise(text, 1, day("2026-11-04")).expect("kept");
    assert_eq!(
        out,
        "name = \"A\"\r\npromise = [{ made = 2026-11-01, due = 2026-11-05, what = \"x\", kept = 2026-11-04 }]\r\n"
    );
    let crlf = FILE.replace('\n', "\r\n");
    let out = answer_complaint(&crlf, 2, day("2026-10-06")).expect("answered");
    assert_eq!(out, format!("{crlf}responded = 2026-10-06\r\n"));
}
