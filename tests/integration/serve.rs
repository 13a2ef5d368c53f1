//! `serve` on loopback: only this machine's preview names are answered (DNS rebinding),
//! only GET and HEAD, no CORS, `Origin` checked on the live-reload endpoint; the live-reload
//! long poll; a burst of saves ends in one rebuild of the final content; a failing or
//! panicking rebuild shows the diagnostics page and the next save recovers; fifty clients
//! during twenty rebuilds see only whole pages of complete builds; a client that pipelines
//! and never reads does not hold up another. Every wait is bounded; nothing asserts a time.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{TODAY, TempDir, exit_code, stderr};

const TEAM: &str = "[[member]]\nid = \"zhang\"\nname = \"Zhang Wei\"\n\n[[member]]\nid = \"li\"\nname = \"Li Qiang\"\n";

fn acme(name: &str) -> String {
    format!(
        "name = \"{name}\"\nowner = \"zhang\"\nphone = \"0512-1234\"\n\n[[order]]\ndate = 2026-09-01\namount = 12000\n\n\
         [[interaction]]\ndate = 2026-10-03\nkind = \"visit\"\nsummary = \"Brought samples.\"\n"
    )
}

const BOLT: &str = "name = \"Bolt Works\"\nowner = \"li\"\n\n[[order]]\ndate = 2026-08-01\namount = 3000\n";

/// A records tree with a team of two and two customers.
fn records(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("records/team.toml", TEAM);
    dir.write("records/customers/east/acme.toml", &acme("Acme Tools"));
    dir.write("records/customers/east/bolt.toml", BOLT);
    dir
}

/// The server process, killed when the test ends however it ends, with what it printed on
/// standard error so far.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// The lines of standard error that start with `prefix`.
    fn logged(&self, prefix: &str) -> Vec<String> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).iter().filter(|l| l.starts_with(prefix)).cloned().collect()
    }
}

fn serve(dir: &TempDir, env: &[(&str, &str)]) -> Server {
    let mut command = crate::cardfile();
    command.args(["serve", "--port", "0", "--today", TODAY, "--records", "records"]).current_dir(dir.path());
    for (name, value) in env {
        command.env(name, value);
    }
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot start cardfile serve: {err}"));
    let mut server = Server { child, port: 0, log: Arc::default() };
    let Some(out) = server.child.stdout.take() else { panic!("no stdout") };
    let Some(err) = server.child.stderr.take() else { panic!("no stderr") };
    let log = server.log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            log.lock().unwrap_or_else(|e| e.into_inner()).push(line);
        }
    });
    let mut line = String::new();
    BufReader::new(out).read_line(&mut line).unwrap_or_else(|err| panic!("reading the URL: {err}"));
    server.port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no URL in {line:?}"));
    server
}

/// A response: status, head (lowercase) and body.
struct Answer {
    status: u16,
    head: String,
    body: String,
}

/// Sends `request` as written (its head without the final blank line) and reads the answer.
fn send(port: u16, request: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap_or_else(|err| panic!("connect: {err}"));
    let _ = stream.set_read_timeout(Some(Duration::from_secs(40)));
    stream.write_all(format!("{request}\r\n\r\n").as_bytes()).unwrap_or_else(|err| panic!("send: {err}"));
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap_or_else(|err| panic!("receive: {err}"));
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    Answer { status, head: head.to_ascii_lowercase(), body: body.to_string() }
}

/// GETs `path` with `Host: 127.0.0.1:PORT` and the extra header lines `extra`.
fn get_with(port: u16, path: &str, extra: &str) -> Answer {
    send(port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close{extra}"))
}

fn get(port: u16, path: &str) -> Answer {
    get_with(port, path, "")
}

/// Polls `path` until `ok` holds for the answer, for at most thirty seconds.
fn wait_for(port: u16, path: &str, what: &str, ok: impl Fn(&Answer) -> bool) -> Answer {
    let started = Instant::now();
    loop {
        let answer = get(port, path);
        if ok(&answer) {
            return answer;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{what}: still {} after 30 s:\n{}",
            answer.status,
            answer.body
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The site `cardfile build` writes of the records as they are now, in `dir`'s folder `name`.
fn built(dir: &TempDir, name: &str) -> std::path::PathBuf {
    let out = dir.path().join(name);
    let build = crate::cardfile()
        .args(["build", "--today", TODAY, "--records", "records", "--out"])
        .arg(&out)
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|err| panic!("cannot run build: {err}"));
    assert_eq!(exit_code(&build), 0, "{}", stderr(&build));
    out
}

/// The page as a build writes it: the reload script tag `serve` adds taken out.
fn without_script(page: &str) -> String {
    match (page.find("<script src=\"/__cardfile/reload.js?v="), page.rfind("</body>")) {
        (Some(at), Some(end)) if at < end => format!("{}{}", &page[..at], &page[end..]),
        _ => page.to_string(),
    }
}

#[test]
fn serve_answers_only_this_machines_names_and_only_get_and_head() {
    let dir = records("serve-hosts");
    let server = serve(&dir, &[]);
    let port = server.port;
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let answer = send(port, &format!("GET /data/cardfile.json HTTP/1.1\r\nHost: {host}\r\nConnection: close"));
        assert_eq!(answer.status, 200, "{host}: {}", answer.body);
        assert!(answer.body.contains("Acme Tools"), "{host}");
    }
    for host in [
        "attacker.example".to_string(),
        format!("attacker.example:{port}"),
        format!("127.0.0.1.attacker.example:{port}"),
        "127.0.0.1.attacker.example".to_string(),
        format!("localhost.attacker.example:{port}"),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        format!("[::1]:{}", port.wrapping_add(1)),
        "[::1]".to_string(),
        format!("[::ffff:127.0.0.1]:{port}"),
        format!("[0:0:0:0:0:0:0:1]:{port}"),
    ] {
        let answer = send(port, &format!("GET /data/cardfile.json HTTP/1.1\r\nHost: {host}\r\nConnection: close"));
        assert_eq!(answer.status, 403, "{host}: {}", answer.body);
        assert!(!answer.body.contains("Acme"), "{host}: the data leaked");
        assert_eq!(answer.body.trim_end().lines().count(), 1, "{host}: one line: {}", answer.body);
        assert!(answer.body.contains("refused"), "{host}: {}", answer.body);
    }
    // No Host at all (HTTP/1.0 allows it; HTTP/1.1 does not).
    for request in ["GET /data/cardfile.json HTTP/1.0", "GET /data/cardfile.json HTTP/1.1\r\nConnection: close"] {
        let answer = send(port, request);
        assert!(answer.status == 403 || answer.status == 400, "{request:?}: {} {}", answer.status, answer.body);
        assert!(!answer.body.contains("Acme"), "{request:?}: the data leaked");
    }
    // An absolute target naming another host, even with a good Host.
    let answer = send(
        port,
        &format!(
            "GET http://attacker.example/data/cardfile.json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close"
        ),
    );
    assert_eq!(answer.status, 403, "{}", answer.body);

    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let answer = send(
            port,
            &format!("{method} / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close"),
        );
        assert_eq!(answer.status, 405, "{method}: {}", answer.body);
        assert!(answer.head.contains("allow: get, head"), "{method}: {}", answer.head);
    }
    let head = send(port, &format!("HEAD / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close"));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD has no body: {}", head.body);

    // No CORS header, whatever the request says it comes from.
    let page = get_with(port, "/data/cardfile.json", "\r\nOrigin: http://attacker.example");
    assert_eq!(page.status, 200);
    assert!(!page.head.contains("access-control-"), "{}", page.head);

    // The live-reload endpoint: the preview's own pages only.
    let reload = "/__cardfile/version?js";
    assert_eq!(get(port, reload).status, 200, "a script element of our page sends no Origin");
    assert_eq!(get_with(port, reload, &format!("\r\nOrigin: http://127.0.0.1:{port}")).status, 200);
    for origin in ["http://attacker.example", &format!("http://127.0.0.1.attacker.example:{port}"), "null"] {
        let answer = get_with(port, reload, &format!("\r\nOrigin: {origin}"));
        assert_eq!(answer.status, 403, "{origin}: {}", answer.body);
        assert!(!answer.head.contains("access-control-"), "{}", answer.head);
    }
    assert_eq!(get_with(port, reload, "\r\nSec-Fetch-Site: cross-site").status, 403);
}

#[test]
fn live_reload_answers_when_the_next_version_is_served() {
    let dir = records("serve-reload");
    let server = serve(&dir, &[]);
    let port = server.port;
    let seen: u64 = get(port, "/__cardfile/version").body.trim().parse().unwrap_or_else(|_| panic!("no version"));
    let waiting = std::thread::spawn(move || get(port, &format!("/__cardfile/version?js&v={seen}&t=1")));
    dir.write("records/customers/east/acme.toml", &acme("Acme Precision"));
    let answer = waiting.join().unwrap_or_else(|_| panic!("the long poll failed"));
    assert_eq!(answer.status, 200);
    let announced: u64 = answer
        .body
        .split("__cardfileVersion(")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no version in {}", answer.body));
    assert_ne!(announced, seen, "a new version");
    let served: u64 = get(port, "/__cardfile/version").body.trim().parse().unwrap_or_default();
    assert!(served >= announced, "announced only once served: {served} < {announced}");
    wait_for(port, "/customers/acme.html", "the saved page", |a| a.status == 200 && a.body.contains("Acme Precision"));
}

#[test]
fn a_burst_of_saves_ends_in_one_rebuild_of_the_final_content() {
    let dir = records("serve-burst");
    let server = serve(&dir, &[]);
    let port = server.port;
    let new_versions = || server.logged("rebuild done").iter().filter(|l| !l.contains("unchanged")).count();
    let before = new_versions();
    let path = dir.path().join("records/customers/east/acme.toml");
    for i in 1..=5 {
        std::fs::write(&path, acme(&format!("Acme Burst {i}"))).unwrap_or_else(|err| panic!("write: {err}"));
    }
    wait_for(port, "/customers/acme.html", "the final content", |a| a.status == 200 && a.body.contains("Acme Burst 5"));
    // Every rebuild started ends, superseded or done; wait until they all have.
    let started = Instant::now();
    while server.logged("rebuild started").len()
        != server.logged("rebuild superseded").len() + server.logged("rebuild done").len()
    {
        assert!(started.elapsed() < Duration::from_secs(30), "a rebuild never ended: {:?}", server.logged("rebuild"));
        std::thread::sleep(Duration::from_millis(20));
    }
    // What a burst must not do is show (and reload open pages for) a version per write: a
    // rebuild that ends with what is already served publishes nothing.
    let shown = new_versions() - before;
    assert!((1..=2).contains(&shown), "{shown} new versions for one burst: {:?}", server.logged("rebuild"));
    assert!(get(port, "/customers/acme.html").body.contains("Acme Burst 5"));
}

#[test]
fn a_failing_save_shows_the_diagnostics_and_the_next_good_save_recovers() {
    let dir = records("serve-failing");
    let server = serve(&dir, &[]);
    let port = server.port;
    dir.write(
        "records/customers/east/acme.toml",
        &acme("Acme Tools").replace("owner = \"zhang\"", "owner = \"<b>nobody</b>\""),
    );
    // A save is several writes; the page may show the half-written file for a moment.
    let page =
        wait_for(port, "/customers/acme.html", "the error page", |a| a.status == 500 && a.body.contains("nobody"));
    assert!(page.body.contains("the records have errors"), "{}", page.body);
    assert!(page.body.contains("&lt;b&gt;nobody&lt;/b&gt;") && !page.body.contains("<b>nobody</b>"), "{}", page.body);
    assert_eq!(get(port, "/").status, 500, "every page is the error page");
    dir.write("records/customers/east/acme.toml", &acme("Acme Again"));
    wait_for(port, "/customers/acme.html", "the page after the fix", |a| {
        a.status == 200 && a.body.contains("Acme Again")
    });
}

#[test]
fn a_rebuild_that_panics_is_shown_and_the_next_save_rebuilds() {
    let dir = records("serve-panic");
    // A debug-build test hook: a customer named `panic` makes the rebuild panic.
    let server = serve(&dir, &[("CARDFILE_FAULT", "serve-rebuild-panic")]);
    let port = server.port;
    dir.write("records/customers/east/acme.toml", &acme("panic"));
    let page = wait_for(port, "/customers/acme.html", "the failure page", |a| {
        a.status == 500 && a.body.contains("unexpectedly")
    });
    assert!(page.body.contains("failed unexpectedly"), "{}", page.body);
    dir.write("records/customers/east/acme.toml", &acme("Acme Survived"));
    wait_for(port, "/customers/acme.html", "the page after the panic", |a| {
        a.status == 200 && a.body.contains("Acme Survived")
    });
    assert!(!server.logged("rebuild failed").is_empty(), "{:?}", server.logged(""));
}

#[test]
fn fifty_clients_during_twenty_rebuilds_see_only_whole_pages_of_complete_builds() {
    const CLIENTS: usize = 50;
    const REBUILDS: usize = 20;
    let dir = records("serve-load");
    let server = serve(&dir, &[]);
    let port = server.port;
    // Pages, and exports (finished after the pages: a request for one waits for them).
    let paths = ["/customers/acme.html", "/", "/customers/", "/data/customers.csv", "/search/index.js"];
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut seen = Vec::new();
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::SeqCst) && n < 400 {
                    let path = paths[(i + n) % paths.len()];
                    let answer = get(port, path);
                    seen.push((path, answer.status, without_script(&answer.body)));
                    n += 1;
                }
                seen
            })
        })
        .collect();
    let name = |n: usize| format!("Acme Load {n:02}");
    for n in 1..=REBUILDS {
        // Saved as many editors save: written aside, then renamed over the file (so that
        // every state of the records is a whole one, and each is one complete build).
        let aside = dir.write("records/customers/east/.acme.toml.new", &acme(&name(n)));
        std::fs::rename(&aside, dir.path().join("records/customers/east/acme.toml"))
            .unwrap_or_else(|err| panic!("rename: {err}"));
        wait_for(port, "/customers/acme.html", "a rebuild under load", |a| a.body.contains(&name(n)));
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let seen: Vec<(&str, u16, String)> =
        clients.into_iter().flat_map(|c| c.join().unwrap_or_else(|_| panic!("a client failed"))).collect();
    assert!(seen.len() >= CLIENTS, "every client was answered");

    // Every page each complete build of the states the records went through would write.
    let mut whole: BTreeSet<(String, String)> = BTreeSet::new();
    for n in std::iter::once(None).chain((1..=REBUILDS).map(Some)) {
        let text = n.map_or_else(|| acme("Acme Tools"), |n| acme(&name(n)));
        dir.write("records/customers/east/acme.toml", &text);
        let out = built(&dir, &format!("built-{}", n.unwrap_or(0)));
        for (path, file) in [
            ("/customers/acme.html", "customers/acme.html"),
            ("/", "index.html"),
            ("/customers/", "customers/index.html"),
            ("/data/customers.csv", "data/customers.csv"),
            ("/search/index.js", "search/index.js"),
        ] {
            let page = std::fs::read_to_string(out.join(file)).unwrap_or_else(|err| panic!("{file}: {err}"));
            whole.insert((path.to_string(), page));
        }
    }
    for (path, status, body) in &seen {
        assert_eq!(*status, 200, "{path}: {body}");
        assert!(whole.contains(&(path.to_string(), body.clone())), "{path}: a page no complete build writes:\n{body}");
    }
}

#[test]
fn the_exports_asked_for_right_after_a_save_are_those_of_the_saved_records() {
    let dir = records("serve-exports");
    // A debug-build test hook: the exports are rendered half a second after the pages.
    let server = serve(&dir, &[("CARDFILE_FAULT", "serve-slow-exports")]);
    let port = server.port;
    dir.write("records/customers/east/acme.toml", &acme("Acme Exported"));
    wait_for(port, "/customers/acme.html", "the page", |a| a.body.contains("Acme Exported"));
    // Asked as soon as the page shows the change: answered once the exports are there.
    let served: Vec<(&str, Answer)> = ["data/cardfile.json", "data/customers.csv", "agenda.ics", "search/d0.js"]
        .into_iter()
        .map(|file| (file, get(port, &format!("/{file}"))))
        .collect();
    let out = built(&dir, "built");
    for (file, answer) in served {
        let expected = std::fs::read_to_string(out.join(file)).unwrap_or_else(|err| panic!("{file}: {err}"));
        assert_eq!(answer.status, 200, "{file}");
        assert!(answer.body == expected, "{file} is not the one build writes:\n{}", answer.body);
    }
    assert!(get(port, "/data/customers.csv").body.contains("Acme Exported"));
    assert_eq!(get(port, "/data/nothing.csv").status, 404, "a missing export is still a 404");
}

#[test]
fn a_client_that_pipelines_and_never_reads_does_not_hold_up_another() {
    let dir = records("serve-pipeline");
    let server = serve(&dir, &[]);
    let port = server.port;
    let mut greedy = TcpStream::connect(("127.0.0.1", port)).unwrap_or_else(|err| panic!("connect: {err}"));
    let requests: String =
        (0..300).map(|_| format!("GET /customers/acme.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n")).collect();
    // Written from a thread: once the server stops reading, the write may block.
    let _ = greedy.set_write_timeout(Some(Duration::from_secs(30)));
    let writer = std::thread::spawn(move || {
        let _ = greedy.write_all(requests.as_bytes());
        greedy
    });
    std::thread::sleep(Duration::from_millis(200));
    for _ in 0..3 {
        let answer = get(port, "/");
        assert_eq!(answer.status, 200, "another client is served while one never reads: {}", answer.body);
    }
    drop(writer);
}
