//! Deterministic fault injection for the tests: `CARDFILE_FAULT=NAME` makes the process abort
//! (as a kill would stop it) when it reaches the point of that name. Compiled into debug builds
//! only (the test builds); in a release build [`point`] does nothing and reads no variable.
//!
//! The points: `before-swap`, `mid-swap`, `before-cleanup` (a build replacing its site, see
//! [`crate::write`]); `import-staged`, `import-mid-apply` (an `import --write`, see
//! [`crate::edit::journal`]); `lsp-request` makes the language server's answer to a request
//! panic instead of aborting (see [`crate::lsp`]), to show that the server goes on;
//! `serve-slow-exports` makes each of `serve`'s rebuilds wait half a second between publishing
//! its pages and rendering its exports, so that a test asks for an export while it is pending;
//! `serve-rebuild-panic` makes a rebuild of records holding a customer named `panic` panic.

/// Whether `CARDFILE_FAULT` names this point (always `false` in a release build).
pub fn active(name: &str) -> bool {
    #[cfg(debug_assertions)]
    return std::env::var_os("CARDFILE_FAULT").is_some_and(|v| v == name);
    #[cfg(not(debug_assertions))]
    {
        let _ = name;
        false
    }
}

/// Aborts the process when `CARDFILE_FAULT` names this point (debug builds only).
pub fn point(name: &str) {
    if active(name) {
        eprintln!("cardfile: fault injected at {name}");
        std::process::abort();
    }
}
