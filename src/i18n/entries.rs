//! How entries of the catalogue are declared.
//!
//! `words!` declares texts without parameters, each a [`Text`](super::Text) constant:
//!
//! ```text
//! words! {
//!     DASHBOARD "dashboard" = "Dashboard", "总览";
//! }
//! ```
//!
//! and `WORDS`, the list of them. Tests check every entry: both languages written, and the
//! same placeholders in each.

/// Declares [`Text`](super::Text) constants and `WORDS`, the list of them in order.
macro_rules! words {
    ($($name:ident $key:literal = $en:literal, $zh:literal;)*) => {
        $(
            #[doc = concat!("`", $key, "`: “", $en, "” / “", $zh, "”.")]
            pub const $name: $crate::i18n::Text = $crate::i18n::Text::new($key, $en, $zh);
        )*
        /// Every entry of this part of the catalogue, in order.
        pub const WORDS: &[$crate::i18n::Text] = &[$($name),*];
    };
}

/// A message as the tests see it: its texts and its declared parameters.
#[cfg(test)]
pub(crate) struct Message {
    /// The texts.
    pub text: super::Text,
    /// The parameters, in the order the function takes them.
    pub params: &'static [&'static str],
}
