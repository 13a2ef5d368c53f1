//! `import` (dry run, `--write`, all or nothing, GB18030, appending, payments) and `serve`
//! (pages, paths, rebuild on save, the error page).

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use super::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

const TEAM: &str = "[[member]]\nid = \"zhang\"\nname = \"张伟\"\n\n[[member]]\nid = \"li\"\nname = \"李强\"\n";

const ACME: &str = "# A customer kept by hand: comments and spacing must survive imports.\n\
name = \"Acme Tools\"   # the name on the invoices\n\
owner = \"zhang\"\n\
phone = \"0512-1234\"\n\
\n\
[[order]]\n\
date = 2026-09-01\n\
amount = 12000\n\
ref = \"SO-1\"\n\
due = 2026-10-01   # 30 days\n\
\n\
[[interaction]]\n\
date = 2026-10-03\n\
kind = \"visit\"\n\
summary = \"Brought samples.\"\n";

/// A records tree with a team of two and one customer.
fn records() -> TempDir {
    let dir = TempDir::new("import");
    dir.write("records/team.toml", TEAM);
    dir.write("records/customers/east/acme.toml", ACME);
    dir
}

fn import(dir: &TempDir, csv: &str, kind: &str, write: bool) -> std::process::Output {
    let mut args = vec!["import", csv, "--as", kind, "--today", TODAY];
    if write {
        args.push("--write");
    }
    run_in(dir.path(), &args)
}

/// Every file under `dir` with its bytes, to show that nothing changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir(dir).into_iter().map(|p| (p.clone(), read(dir, &p))).collect();
    out.sort();
    out
}

fn walkdir(dir: &Path) -> Vec<String> {
    super::walk(dir)
        .into_iter()
        .filter(|p| p.is_file())
        .filter_map(|p| p.strip_prefix(dir).ok().map(|r| r.to_string_lossy().into_owned()))
        .collect()
}

fn read(dir: &Path, rel: &str) -> Vec<u8> {
    fs::read(dir.join(rel)).unwrap_or_else(|err| panic!("cannot read {rel}: {err}"))
}

#[test]
fn a_gb18030_customer_list_with_chinese_headers_is_planned_then_written() {
    let dir = records();
    let text = "编号,客户名称,负责人,区域,电话,标签,客户起始\r\n\
                xin-da,鑫达五金有限公司,li,east,021-5555,五金;批发、高端,2026/3/4\r\n\
                ren-he,仁和机电,zhang,华北,010-6666,,2025年12月1日\r\n";
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    fs::write(dir.path().join("customers.csv"), &bytes).unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&dir.path().join("records"));

    let dry = import(&dir, "customers.csv", "customers", false);
    assert_eq!(exit_code(&dry), 0, "{}", stderr(&dry));
    let plan = stdout(&dry);
    assert!(plan.contains("row 2: create customers/east/xin-da.toml (鑫达五金有限公司)"), "{plan}");
    assert!(plan.contains("row 3: create customers/华北/ren-he.toml (仁和机电)"), "{plan}");
    assert!(plan.contains("dry run"), "{plan}");
    assert_eq!(snapshot(&dir.path().join("records")), before, "a dry run writes nothing");

    let wrote = import(&dir, "customers.csv", "customers", true);
    assert_eq!(exit_code(&wrote), 0, "{}", stderr(&wrote));
    let xin = String::from_utf8(read(dir.path(), "records/customers/east/xin-da.toml")).unwrap_or_default();
    assert!(xin.contains("name = \"鑫达五金有限公司\""), "{xin}");
    assert!(xin.contains("tags = [\"五金\", \"批发\", \"高端\"]"), "{xin}");
    assert!(xin.contains("since = 2026-03-04"), "{xin}");
    let ren = String::from_utf8(read(dir.path(), "records/customers/华北/ren-he.toml")).unwrap_or_default();
    assert!(ren.contains("since = 2025-12-01"), "{ren}");
    let check = run_in(dir.path(), &["check", "--today", TODAY]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));
    assert!(walkdir(dir.path()).iter().all(|p| !p.contains(".tmp") && !p.ends_with(".lock")), "temp files left");
}

#[test]
fn one_bad_row_stops_everything_and_every_problem_has_its_place() {
    let dir = records();
    dir.write(
        "orders.csv",
        "customer,date,amount,ref\n\
         acme,2026-11-01,500,SO-2\n\
         acme,2026-13-01,12k,SO-3\n\
         nobody,2026-11-02,100,\n\
         acme,2026-11-03,\"1,200.50\",SO-1\n",
    );
    let before = snapshot(&dir.path().join("records"));
    for write in [false, true] {
        let out = import(&dir, "orders.csv", "orders", write);
        assert_eq!(exit_code(&out), 1, "{}", stderr(&out));
        let err = stderr(&out);
        for place in ["orders.csv:3:2:", "orders.csv:3:3:", "orders.csv:4:1:", "orders.csv:5:4:"] {
            assert!(err.contains(place), "missing {place} in:\n{err}");
        }
        assert!(err.contains("nothing was written"), "{err}");
        assert_eq!(snapshot(&dir.path().join("records")), before, "nothing may be written (write = {write})");
    }
}

#[test]
fn orders_are_appended_after_the_original_text() {
    let dir = records();
    dir.write("orders.csv", "客户,日期,金额,单号,产品,到期日\nacme,2026/11/3,\"¥12,000.50\",SO-7,铣刀,2026-12-03\n");
    let out = import(&dir, "orders.csv", "orders", true);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("row 2: add order 2026-11-03 12000.5 SO-7 to acme"), "{}", stdout(&out));
    let after = String::from_utf8(read(dir.path(), "records/customers/east/acme.toml")).unwrap_or_default();
    assert!(after.starts_with(ACME), "the original text must be a prefix:\n{after}");
    assert!(after[ACME.len()..].contains("[[order]]\ndate = 2026-11-03\namount = 12000.5\nref = \"SO-7\""), "{after}");
    let check = run_in(dir.path(), &["check", "--today", TODAY]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));
}

#[test]
fn payments_set_paid_on_the_order_with_that_ref() {
    let dir = records();
    dir.write("payments.csv", "单号,付款日\nSO-1,2026年10月5日\n");
    let out = import(&dir, "payments.csv", "payments", true);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let after = String::from_utf8(read(dir.path(), "records/customers/east/acme.toml")).unwrap_or_default();
    assert!(after.contains("due = 2026-10-01   # 30 days\npaid = 2026-10-05\n"), "{after}");
    assert!(after.starts_with("# A customer kept by hand"), "{after}");
    let check = run_in(dir.path(), &["check", "--today", TODAY]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));

    dir.write("late.csv", "ref,paid\nSO-1,2026-08-01\nSO-404,2026-10-05\n");
    let out = import(&dir, "late.csv", "payments", true);
    assert_eq!(exit_code(&out), 1);
    assert!(stderr(&out).contains("late.csv:2:2:"), "{}", stderr(&out));
    assert!(stderr(&out).contains("late.csv:3:1:"), "{}", stderr(&out));
}

/// The server process, killed when the test ends however it ends.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dir: &TempDir) -> Server {
    let child = crate::cardfile()
        .args(["serve", "--port", "0", "--today", TODAY])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot start cardfile serve: {err}"));
    let mut server = Server { child, port: 0 };
    let Some(out) = server.child.stdout.take() else { panic!("no stdout") };
    let mut line = String::new();
    BufReader::new(out).read_line(&mut line).unwrap_or_else(|err| panic!("reading the URL: {err}"));
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no URL in {line:?}"));
    server.port = port;
    server
}

/// GETs `path` from the server (raw, so that `..` reaches it as written): status and body.
fn get(server: &Server, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap_or_else(|err| panic!("connect: {err}"));
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n", server.port)
        .unwrap_or_else(|err| panic!("send: {err}"));
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap_or_else(|err| panic!("receive: {err}"));
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// Polls `path` until `ok` holds for the response, for at most ten seconds.
fn wait_for(server: &Server, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let (status, body) = get(server, path);
        if ok(status, &body) {
            return body;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{what}: still {status} after 10 s:\n{body}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_shows_the_site_rebuilds_on_save_and_shows_errors() {
    let dir = records();
    let server = serve(&dir);

    let (status, home) = get(&server, "/");
    assert_eq!(status, 200, "{home}");
    assert!(home.contains("<html") && home.contains("/__cardfile/reload.js?v="), "{home}");
    let (status, page) = get(&server, "/customers/acme.html");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Acme Tools"), "{page}");
    let (status, _) = get(&server, "/../records/team.toml");
    assert_eq!(status, 400);
    let (status, script) = get(&server, "/__cardfile/reload.js");
    assert_eq!(status, 200);
    assert!(script.contains("location.reload()"));

    dir.write("records/customers/east/acme.toml", &ACME.replace("Acme Tools", "Acme Precision"));
    wait_for(&server, "/customers/acme.html", "the page after a save", |s, b| s == 200 && b.contains("Acme Precision"));

    dir.write("records/customers/east/acme.toml", &ACME.replace("owner = \"zhang\"", "owner = \"<b>nobody</b>\""));
    // A save is several writes; the page may show the half-written file for a moment.
    let page = wait_for(&server, "/customers/acme.html", "the error page", |s, b| s == 500 && b.contains("nobody"));
    assert!(page.contains("the records have errors"), "{page}");
    assert!(page.contains("&lt;b&gt;nobody&lt;/b&gt;") && !page.contains("<b>nobody</b>"), "{page}");
    assert!(page.contains("customers/east/acme.toml:3:"), "{page}");
}

#[test]
fn serve_out_writes_the_site_build_writes() {
    let dir = TempDir::new("serve-out");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    for redact in [false, true] {
        let (served, built) = (dir.path().join(format!("served-{redact}")), dir.path().join(format!("built-{redact}")));
        let mut serve = crate::cardfile();
        serve.args(["serve", "--port", "0", "--today", TODAY]).arg("--records").arg(&demo).arg("--out").arg(&served);
        let mut build = crate::cardfile();
        build.args(["build", "--today", TODAY]).arg("--records").arg(&demo).arg("--out").arg(&built);
        if redact {
            serve.arg("--redact");
            build.arg("--redact");
        }
        let child = serve
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start cardfile serve: {err}"));
        let mut server = Server { child, port: 0 };
        let Some(out) = server.child.stdout.take() else { panic!("no stdout") };
        // The address is printed once the first build has been written.
        let mut line = String::new();
        BufReader::new(out).read_line(&mut line).unwrap_or_else(|err| panic!("reading the URL: {err}"));
        assert!(line.contains("http://127.0.0.1:"), "{line}");
        drop(server);
        let output = build.output().unwrap_or_else(|err| panic!("cannot run cardfile build: {err}"));
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
        assert!(served.join("index.html").is_file(), "serve --out wrote no site");
        assert!(snapshot(&served) == snapshot(&built), "serve --out (redact: {redact}) wrote another site than build");
    }
}
