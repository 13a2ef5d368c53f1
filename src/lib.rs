//! cardfile: a git repository of plain-text customer records, checked like a compiler,
//! analysed as customer-management practice asks, and rendered as a team's website.
#![warn(missing_docs)]

pub mod analysis;
pub mod cli;
pub mod diagnostics;
pub mod edit;
pub mod fault;
pub mod format;
pub mod history;
pub mod i18n;
pub mod import;
pub mod lock;
pub mod lsp;
pub mod merge;
pub mod progress;
pub mod project;
pub mod records;
pub mod render;
pub mod review;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod terminal;
pub mod write;
