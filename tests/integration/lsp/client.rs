//! A small language client for the tests: it starts `cardfile lsp`, frames JSON-RPC messages
//! on its standard input and output, and keeps the notifications that arrive while it waits
//! for something else.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::super::{TODAY, cardfile, fixture};

/// How long to wait for one message before the test fails (a deadline against hanging, not
/// a measure of speed: benches/lsp.sh measures that).
const PATIENCE: Duration = Duration::from_secs(60);

/// A language client talking to one `cardfile lsp`.
pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Notifications received while waiting for something else.
    pub pending: VecDeque<Value>,
    next_id: i64,
}

/// Reads `Content-Length`-framed messages until the stream ends.
fn read_messages(stdout: impl Read, out: std::sync::mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.expect("a Content-Length header")];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let message = serde_json::from_slice(&body).expect("the server writes JSON");
        if out.send(message).is_err() {
            return;
        }
    }
}

impl Client {
    /// Starts the server and does the initialize handshake with these client capabilities;
    /// returns the client and the server's `initialize` result.
    pub fn start(capabilities: Value) -> (Client, Value) {
        Client::start_with(capabilities, None)
    }

    /// [`Client::start`] with `CARDFILE_FAULT` set to `fault` (see `src/fault.rs`).
    pub fn start_with(capabilities: Value, fault: Option<&str>) -> (Client, Value) {
        let mut command = cardfile();
        if let Some(fault) = fault {
            command.env("CARDFILE_FAULT", fault).env("RUST_BACKTRACE", "0");
        }
        let mut child = command
            .args(["lsp", "--today", TODAY])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cannot start cardfile lsp");
        let stdout = child.stdout.take().expect("piped stdout");
        let (sender, messages) = channel();
        std::thread::spawn(move || read_messages(stdout, sender));
        let stdin = child.stdin.take();
        let mut client = Client { child, stdin, messages, pending: VecDeque::new(), next_id: 0 };
        let root = uri(&records());
        let result =
            client.request("initialize", json!({ "processId": null, "rootUri": root, "capabilities": capabilities }));
        client.notify("initialized", json!({}));
        (client, result["result"].clone())
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        let stdin = self.stdin.as_mut().expect("the server's input is open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("writing to the server");
        stdin.flush().expect("writing to the server");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn receive(&mut self) -> Value {
        match self.messages.recv_timeout(PATIENCE) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server in {PATIENCE:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server stopped (status {:?})", self.child.try_wait()),
        }
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message["id"] == json!(id) && message.get("method").is_none() {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    /// The next `publishDiagnostics` for the file `rel` of the fixture, skipping others.
    pub fn diagnostics_of(&mut self, rel: &str) -> Vec<Value> {
        self.diagnostics_at(&records().join(rel))
    }

    /// The next `publishDiagnostics` for the file at `path`, skipping others.
    pub fn diagnostics_at(&mut self, path: &Path) -> Vec<Value> {
        let wanted = uri(path);
        let rel = path.display();
        let deadline = Instant::now() + PATIENCE;
        loop {
            let message = match self.pending.iter().position(|m| is_publication(m, &wanted)) {
                Some(i) => self.pending.remove(i).unwrap_or_default(),
                None => self.receive(),
            };
            if is_publication(&message, &wanted) {
                return message["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
            }
            self.pending.push_back(message);
            assert!(Instant::now() < deadline, "no diagnostics for {rel}");
        }
    }

    /// The next message from the server with `method` (a request or a notification), skipping
    /// others.
    pub fn next_from_server(&mut self, method: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let message = match self.pending.iter().position(|m| m["method"] == method) {
                Some(i) => self.pending.remove(i).unwrap_or_default(),
                None => self.receive(),
            };
            if message["method"] == method {
                return message;
            }
            self.pending.push_back(message);
            assert!(Instant::now() < deadline, "no {method} from the server");
        }
    }

    /// Whether a message with `method` came from the server and was not taken yet.
    pub fn has_pending(&self, method: &str) -> bool {
        self.pending.iter().any(|m| m["method"] == method)
    }

    pub fn open(&mut self, rel: &str, text: &str) {
        self.open_at(&records().join(rel), text);
    }

    pub fn open_at(&mut self, path: &Path, text: &str) {
        let uri = uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "toml", "version": 1, "text": text } }),
        );
    }

    pub fn change(&mut self, rel: &str, version: i64, text: &str) {
        let uri = uri(&records().join(rel));
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    /// A request at a position of the fixture's file `rel`.
    pub fn at(&mut self, method: &str, rel: &str, line: u32, character: u32) -> Value {
        let uri = uri(&records().join(rel));
        let params = json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } });
        self.request(method, params)["result"].clone()
    }

    /// Shuts the server down as an editor does; returns its exit status code.
    pub fn shut_down(mut self) -> Option<i32> {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        assert!(answer.get("error").is_none(), "{answer}");
        self.notify("exit", Value::Null);
        self.wait()
    }

    pub fn wait(mut self) -> Option<i32> {
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("waiting for the server") {
                return status.code();
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_publication(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

/// The fixture records directory.
pub fn records() -> PathBuf {
    fixture("lsp/records")
}

/// The `file:` URI of a path (the fixture's paths hold no character to escape).
pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}
