//! Headless Chromium (and poppler's `pdfinfo`) as the browser tests use them: found on the
//! `PATH`, started with a fresh profile and no background services, killed after a timeout.
//!
//! When a tool is missing, a test fails if `CI` is `true` (`scripts/test` installs them with
//! apt-get), and otherwise prints a loud warning and passes without checking anything.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::TempDir;

/// How long one Chromium run may take before it is killed: a bound for a hung browser, not a
/// measure. A page of frames at one width took over 60 s with three Chromiums and the rest of
/// the tests sharing two cores.
const TIMEOUT: Duration = Duration::from_secs(180);

/// How many Chromiums [`Chromium::load_each`] runs at once.
const PARALLEL: usize = 3;

/// The flags every run gets: headless, fresh profile, no background services. The host
/// resolver rule makes every name lookup fail on the spot, so that even a request the page
/// should not make never leaves the machine; the net log still records it.
const FLAGS: [&str; 17] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
    "--window-size=1280,900",
    "--enable-logging=stderr",
    "--v=0",
];

/// The initiator Chromium gives the requests it makes on its own (updates, sign-in, clock).
const BROWSER_INITIATOR: &str = "not an origin";

/// What loading one page did.
pub struct Load {
    /// The DOM after the page's scripts ran (`--dump-dom`).
    pub dom: String,
    /// The page's console messages (`CONSOLE` lines of Chromium's log).
    pub console: Vec<String>,
    /// `http(s)://` and `ws(s)://` URLs the page asked for, from the net log.
    pub requests: Vec<String>,
}

/// A Chromium binary.
pub struct Chromium(PathBuf);

impl Chromium {
    /// `$CHROMIUM`, else the first of `chromium`, `chromium-browser`, `google-chrome` on the
    /// `PATH`; `None` (after the warning, or a panic in CI) when there is none.
    pub fn find() -> Option<Chromium> {
        let exe = std::env::var_os("CHROMIUM")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| ["chromium", "chromium-browser", "google-chrome"].into_iter().find_map(on_path));
        match exe {
            Some(exe) => Some(Chromium(exe)),
            None => missing("chromium (nor chromium-browser, google-chrome or $CHROMIUM)"),
        }
    }

    /// Loads `page` from `file://`, recording the network log and the console, and returns
    /// the DOM as it is once the page has loaded.
    pub fn load(&self, page: &Path) -> Load {
        self.load_with(page, &[])
    }

    /// [`Chromium::load`] with `extra` flags, which win over the common ones (such as
    /// `--window-size=360,800`).
    fn load_with(&self, page: &Path, extra: &[&str]) -> Load {
        let run = TempDir::new("chromium-load");
        let net_log = run.path().join("net-log.json");
        let mut args: Vec<OsString> = extra.iter().map(OsString::from).collect();
        args.extend([
            arg("--log-net-log=", &net_log),
            "--net-log-capture-mode=Everything".into(),
            "--dump-dom".into(),
            file_url(page).into(),
        ]);
        let (dom, log) = self.run(&run, &args, page);
        let console = log.lines().filter(|l| l.contains(":CONSOLE")).map(str::to_string).collect();
        let requests = page_requests(&net_log, page);
        Load { dom, console, requests }
    }

    /// [`Chromium::load`] for each of `pages`, a few at a time (one Chromium mostly waits).
    pub fn load_each(&self, pages: &[PathBuf]) -> Vec<Load> {
        self.load_each_with(pages, &[])
    }

    /// [`Chromium::load_each`] with `extra` flags (see [`Chromium::load_with`]).
    pub fn load_each_with(&self, pages: &[PathBuf], extra: &[&str]) -> Vec<Load> {
        let next = AtomicUsize::new(0);
        let mut loads: Vec<(usize, Load)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..PARALLEL)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(page) = pages.get(i) else { break mine };
                            mine.push((i, self.load_with(page, extra)));
                        }
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
        });
        loads.sort_by_key(|(i, _)| *i);
        loads.into_iter().map(|(_, load)| load).collect()
    }

    /// Prints `page` to the PDF file `pdf`, without header and footer.
    pub fn print_to_pdf(&self, page: &Path, pdf: &Path) {
        let run = TempDir::new("chromium-pdf");
        self.run(&run, &[arg("--print-to-pdf=", pdf), "--no-pdf-header-footer".into(), file_url(page).into()], page);
    }

    /// Takes a screenshot of `page` (1280 pixels wide) into the PNG file `png`.
    pub fn screenshot(&self, page: &Path, png: &Path) {
        let run = TempDir::new("chromium-shot");
        self.run(&run, &[arg("--screenshot=", png), file_url(page).into()], page);
    }

    /// Runs Chromium with the common flags, a fresh profile in `run` and `args`; returns its
    /// standard output and standard error. Kills its whole process group after [`TIMEOUT`].
    fn run(&self, run: &TempDir, args: &[OsString], page: &Path) -> (String, String) {
        use std::os::unix::process::CommandExt;
        let (out_path, err_path) = (run.path().join("stdout"), run.path().join("stderr"));
        let open = |p: &Path| fs::File::create(p).unwrap_or_else(|err| panic!("cannot create {}: {err}", p.display()));
        let mut child = Command::new(&self.0)
            .args(FLAGS)
            .arg(arg("--user-data-dir=", &run.path().join("profile")))
            .args(args)
            .stdin(Stdio::null())
            .stdout(open(&out_path))
            .stderr(open(&err_path))
            .process_group(0)
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {}: {err}", self.0.display()));
        let group = -(child.id() as i32);
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if started.elapsed() < TIMEOUT => sleep(Duration::from_millis(25)),
                _ => break None,
            }
        };
        // The group is ours alone: this ends the renderer and helpers, and Chromium itself on
        // a timeout.
        // SAFETY: kill(2) with a process group id we created; it touches no memory.
        unsafe { libc::kill(group, libc::SIGKILL) };
        let _ = child.wait();
        let read = |p: &Path| String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
        let (stdout, stderr) = (read(&out_path), read(&err_path));
        match status {
            None => panic!("{}: Chromium did not finish within {TIMEOUT:?}; its log:\n{stderr}", page.display()),
            Some(s) if !s.success() => panic!("{}: Chromium failed ({s}); its log:\n{stderr}", page.display()),
            Some(_) => (stdout, stderr),
        }
    }
}

/// The number of pages of the PDF file `pdf`, by `pdfinfo`; `None` (after the warning, or a
/// panic in CI) when `pdfinfo` is not installed.
pub fn pdf_pages(pdf: &Path) -> Option<usize> {
    let Some(pdfinfo) = on_path("pdfinfo") else {
        return missing("pdfinfo (Debian package poppler-utils)");
    };
    let out = Command::new(pdfinfo).arg(pdf).output().unwrap_or_else(|err| panic!("cannot run pdfinfo: {err}"));
    let info = String::from_utf8_lossy(&out.stdout);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok());
    Some(pages.unwrap_or_else(|| {
        panic!("pdfinfo {} gave no page count: {info}{}", pdf.display(), String::from_utf8_lossy(&out.stderr))
    }))
}

/// The off-machine URLs the page asked for, read from Chromium's net log: a JSON object whose
/// `events` of type `URL_REQUEST_START_JOB` (a number, named in `constants.logEventTypes`) carry
/// `params.url` and `params.initiator`, one per request (including WebSockets). Requests
/// Chromium makes on its own have the initiator "not an origin" and no `file://` isolation key;
/// every other one is the page's. (`<link rel=preconnect>` and the like open no request: the
/// DOM checks catch those.)
fn page_requests(net_log: &Path, page: &Path) -> Vec<String> {
    let text = fs::read_to_string(net_log)
        .unwrap_or_else(|err| panic!("{}: no net log at {}: {err}", page.display(), net_log.display()));
    let log: Value = serde_json::from_str(&text)
        .unwrap_or_else(|err| panic!("{}: the net log {} is not JSON: {err}", page.display(), net_log.display()));
    let events = log["events"].as_array().unwrap_or_else(|| panic!("{}: the net log has no events", page.display()));
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_u64()
        .unwrap_or_else(|| panic!("{}: the net log names no URL_REQUEST_START_JOB event type", page.display()));
    let mut urls: Vec<String> = events
        .iter()
        .filter(|event| event["type"].as_u64() == Some(start_job))
        .filter_map(|event| {
            let params = event.get("params")?;
            let url = params.get("url")?.as_str()?;
            let scheme = url.split_once("://")?.0.to_ascii_lowercase();
            let off_machine = matches!(scheme.as_str(), "http" | "https" | "ws" | "wss");
            let initiator = params.get("initiator").and_then(Value::as_str).unwrap_or("");
            let isolation = params.get("network_isolation_key").and_then(Value::as_str).unwrap_or("");
            let browser_own = initiator == BROWSER_INITIATOR && !isolation.contains("file:");
            (off_machine && !browser_own).then(|| url.to_string())
        })
        .collect();
    urls.sort();
    urls.dedup();
    urls
}

/// Reports a missing tool: a panic when `CI` is `true`, else a loud warning, written past the
/// test harness's capture so that it shows in a passing run. Returns `None`.
fn missing<T>(what: &str) -> Option<T> {
    use std::io::Write;
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{what} not found, and CI=true: the browser tests must run in CI (scripts/test installs it)");
    }
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        let warning = format!(
            "\n!!! SKIPPING browser tests: {what} not found. Install chromium and poppler-utils \
             (scripts/test does, as root) to run them. !!!\n"
        );
        let _ = std::io::stderr().lock().write_all(warning.as_bytes());
    });
    None
}

/// The first executable file called `name` in a directory of `$PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

/// `flag` followed by `path`, as one argument.
fn arg(flag: &str, path: &Path) -> OsString {
    let mut arg = OsString::from(flag);
    arg.push(path);
    arg
}

/// The `file://` URL of `path`, made absolute, with bytes outside a safe set percent-encoded.
pub fn file_url(path: &Path) -> String {
    let path = fs::canonicalize(path).unwrap_or_else(|err| panic!("cannot resolve {}: {err}", path.display()));
    let mut url = String::from("file://");
    for &b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => url.push(b as char),
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}
