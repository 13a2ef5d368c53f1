//! Record files changed on disk outside the editor (a `git pull`, a `cardfile log` in a
//! terminal, a file deleted): when the client can watch files for the server, the server asks
//! it to report every change to a `.toml` file (`workspace/didChangeWatchedFiles`, registered
//! once the handshake is done), and loads the records directory of each such file again, as
//! after an edit in the editor. A client that cannot is not asked, and the server then sees
//! the disk again at the next edit or save.

use std::path::PathBuf;

use lsp_server::{Notification, Request, RequestId};
use lsp_types::notification::{DidChangeWatchedFiles, Notification as _};
use lsp_types::request::{RegisterCapability, Request as _};
use lsp_types::{
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    InitializeParams, Registration, RegistrationParams,
};

use super::documents::uri_to_path;

/// Whether the client can watch files for the server (dynamic registration of
/// `workspace/didChangeWatchedFiles`).
pub fn supported(params: &InitializeParams) -> bool {
    let watched = params.capabilities.workspace.as_ref().and_then(|w| w.did_change_watched_files.as_ref());
    watched.and_then(|w| w.dynamic_registration).unwrap_or(false)
}

/// The request that asks the client to report changes to every `.toml` file.
pub fn registration() -> Request {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher { glob_pattern: GlobPattern::String("**/*.toml".into()), kind: None }],
    };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "cardfile-records".into(),
            method: DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    Request::new(RequestId::from("cardfile/watch-records".to_string()), RegisterCapability::METHOD.into(), params)
}

/// The files a `workspace/didChangeWatchedFiles` notification says changed (`None` for
/// another notification).
pub fn changed(n: &Notification) -> Option<Vec<PathBuf>> {
    if n.method != DidChangeWatchedFiles::METHOD {
        return None;
    }
    let params: DidChangeWatchedFilesParams = serde_json::from_value(n.params.clone()).ok()?;
    Some(params.changes.iter().filter_map(|change| uri_to_path(&change.uri)).collect())
}
