//! The hostile records of the browser tests are the committed corpus `tests/hostile/records/`
//! (every text field of every kind of record holds markup, script URLs, template syntax, CSS
//! escapes, control characters, a right-to-left override and characters outside the Basic
//! Multilingual Plane; ids and dates stay valid, so the tree builds). Its payloads try to run
//! [`PWN`]; tests/integration/hostile.rs checks the same corpus without a browser.

/// The script every hostile payload tries to run: it marks the document.
pub const PWN: &str = "document.documentElement.setAttribute('data-pwned','1')";
