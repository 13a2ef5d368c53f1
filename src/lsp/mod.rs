//! `cardfile lsp`: a language server (LSP 3.17 over standard input and output) for the
//! record files. It publishes `cardfile check`'s diagnostics as the buffers change, computed
//! on the records directory with the open buffers over the disk, and answers completion,
//! hover, go to definition and code actions (docs/editor.md). Files changed on disk outside
//! the editor are loaded again when the client reports them ([`watching`]).
//!
//! One thread reads the messages in order. Changes only mark their records directory as
//! changed; it is loaded again (through [`crate::project::Project::reload`], parsing only
//! what changed) and its diagnostics sent once no further message is waiting, and before a
//! code action is worked out (completion, hover and definition answer from the last load at
//! once). Every request is answered inside a catch: a bug answers
//! `InternalError` and the server goes on.

mod actions;
mod completion;
mod context;
mod definition;
mod diagnostics;
mod documents;
mod hover;
mod keydocs;
mod markdown;
mod requests;
mod watching;
mod workspace;

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverProviderCapability,
    InitializeParams, OneOf, PositionEncodingKind, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use documents::{Documents, Encoding, uri_to_path};
use workspace::{Workspace, records_root};

/// How the server is started.
#[derive(Debug, Clone, Default)]
pub struct LspConfig {
    /// The reference date; `None`: the local date, at each load.
    pub today: Option<NaiveDate>,
}

/// Serves one client on standard input and output until it exits. Returns whether the
/// exit was clean (a `shutdown` request came before `exit`), as the protocol asks the exit
/// code to say.
pub fn run(config: LspConfig) -> Result<bool> {
    let (connection, io) = Connection::stdio();
    let clean = serve(&connection, config)?;
    drop(connection);
    // A client that sent something that is not JSON-RPC stopped the reader: nothing to add.
    let _ = io.join();
    Ok(clean)
}

/// Serves one client on `connection`: the initialize handshake, then messages until `exit`
/// (or the client going away).
pub fn serve(connection: &Connection, config: LspConfig) -> Result<bool> {
    let (id, params) = connection.initialize_start().context("waiting for the client's initialize")?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let offered = params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    let encoding = if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let snippets = params
        .capabilities
        .text_document
        .as_ref()
        .and_then(|t| t.completion.as_ref())
        .and_then(|c| c.completion_item.as_ref())
        .and_then(|i| i.snippet_support)
        .unwrap_or(false);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo { name: "cardfile".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    connection.initialize_finish(id, result).context("finishing the initialize handshake")?;
    if watching::supported(&params) {
        // The client's answer is a response, which the loop ignores; a refusal only means
        // that changes on disk are seen at the next edit.
        let _ = connection.sender.send(watching::registration().into());
    }
    let mut server = Server {
        connection,
        encoding,
        snippets,
        today: config.today,
        documents: Documents::default(),
        workspaces: BTreeMap::new(),
        changed: BTreeSet::new(),
        shut_down: false,
    };
    server.run()
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..TextDocumentSyncOptions::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "=".into(), "[".into()]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::REFACTOR_REWRITE]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The server's state between messages.
struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    snippets: bool,
    today: Option<NaiveDate>,
    documents: Documents,
    /// The records directories of the files opened, by path.
    workspaces: BTreeMap<PathBuf, Workspace>,
    /// Records directories changed since their diagnostics were last sent.
    changed: BTreeSet<PathBuf>,
    shut_down: bool,
}

impl Server<'_> {
    fn run(&mut self) -> Result<bool> {
        loop {
            let message = if self.changed.is_empty() {
                self.connection.receiver.recv().ok()
            } else {
                match self.connection.receiver.try_recv() {
                    Ok(message) => Some(message),
                    Err(_) => {
                        self.refresh_changed();
                        continue;
                    }
                }
            };
            let Some(message) = message else { return Ok(false) };
            match message {
                Message::Request(request) => self.request(request),
                Message::Notification(n) if n.method == "exit" => return Ok(self.shut_down),
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
    }

    /// Today for a load: `--today`, else the local date.
    fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    fn send(&self, message: Message) {
        // The client went away: the loop ends at the next receive.
        let _ = self.connection.sender.send(message);
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        if self.shut_down {
            let message = "the server is shut down: only exit is expected".to_string();
            return self.send(Response::new_err(id, ErrorCode::InvalidRequest as i32, message).into());
        }
        if request.method == "shutdown" {
            self.shut_down = true;
            return self.send(Response::new_ok(id, ()).into());
        }
        // A code action edits spans of the last load's diagnostics: they must be the buffer's.
        // Completion, hover and definition answer from the last load at once (at most one
        // keystroke behind), and the load follows as soon as nothing is waiting.
        if request.method == <lsp_types::request::CodeActionRequest as lsp_types::request::Request>::METHOD {
            self.refresh_changed();
        }
        let answer = catch_unwind(AssertUnwindSafe(|| requests::answer(self, &request)));
        let response = match answer {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(requests::Failure { code, message })) => Response::new_err(id, code as i32, message),
            Err(_) => {
                let message = format!("{} failed inside cardfile (a bug: please report it)", request.method);
                Response::new_err(id, ErrorCode::InternalError as i32, message)
            }
        };
        self.send(response.into());
    }

    fn notification(&mut self, n: Notification) {
        if let Some(paths) = watching::changed(&n) {
            // Only the records directories of files opened are loaded at all.
            let roots = paths.iter().filter_map(|path| records_root(path));
            let known: Vec<PathBuf> = roots.filter(|root| self.workspaces.contains_key(root)).collect();
            self.changed.extend(known);
            return;
        }
        let method = n.method.clone();
        let path = match method.as_str() {
            DidOpenTextDocument::METHOD => n.extract::<DidOpenTextDocumentParams>(&method).ok().and_then(|p| {
                let path = uri_to_path(&p.text_document.uri)?;
                self.documents.open(path.clone(), p.text_document.text);
                Some(path)
            }),
            DidChangeTextDocument::METHOD => {
                n.extract::<DidChangeTextDocumentParams>(&method).ok().and_then(|p| {
                    let path = uri_to_path(&p.text_document.uri)?;
                    // Full synchronisation: the last change holds the whole text.
                    let text = p.content_changes.into_iter().next_back()?.text;
                    self.documents.open(path.clone(), text);
                    Some(path)
                })
            }
            DidCloseTextDocument::METHOD => n.extract::<DidCloseTextDocumentParams>(&method).ok().and_then(|p| {
                let path = uri_to_path(&p.text_document.uri)?;
                self.documents.close(&path);
                Some(path)
            }),
            DidSaveTextDocument::METHOD => {
                n.extract::<DidSaveTextDocumentParams>(&method).ok().and_then(|p| uri_to_path(&p.text_document.uri))
            }
            _ => None,
        };
        if let Some(root) = path.as_deref().and_then(records_root) {
            self.workspaces.entry(root.clone()).or_insert_with(|| Workspace::new(root.clone()));
            self.changed.insert(root);
        }
    }

    /// Loads every changed records directory again and sends its diagnostics.
    fn refresh_changed(&mut self) {
        for root in std::mem::take(&mut self.changed) {
            self.refresh(&root);
        }
    }

    fn refresh(&mut self, root: &Path) {
        let today = self.today();
        let overlay = self.documents.overlay(root);
        let encoding = self.encoding;
        let Some(ws) = self.workspaces.get_mut(root) else { return };
        let loaded = catch_unwind(AssertUnwindSafe(|| {
            let project = ws.reload(today, &overlay);
            diagnostics::by_file(&project.loaded, root, encoding)
        }));
        let Ok(now) = loaded else {
            // A bug while loading: keep what was sent, and say so where the editor logs.
            eprintln!("cardfile lsp: loading {} failed inside cardfile (a bug: please report it)", root.display());
            *ws = Workspace::new(root.to_path_buf());
            return;
        };
        let sent = diagnostics::publications(&now, &ws.published, root);
        ws.published = now;
        for params in sent {
            self.send(Notification::new(PublishDiagnostics::METHOD.to_string(), params).into());
        }
    }

    /// The workspace of the file at `path`, loaded (created and loaded on first use).
    fn workspace_of(&mut self, path: &Path) -> Option<&mut Workspace> {
        let root = records_root(path)?;
        let loaded = self.workspaces.get(&root).is_some_and(|ws| ws.project.is_some());
        if !loaded {
            self.workspaces.entry(root.clone()).or_insert_with(|| Workspace::new(root.clone()));
            self.changed.remove(&root);
            self.refresh(&root);
        }
        self.workspaces.get_mut(&root)
    }
}

#[cfg(test)]
mod tests;
