//! The two ways to declare entries of the catalogue.
//!
//! `words!` declares texts without parameters, each a [`Text`](super::Text) constant:
//!
//! ```text
//! words! {
//!     DASHBOARD "dashboard" = "Dashboard", "总览";
//! }
//! ```
//!
//! and `WORDS`, the list of them. `messages!` declares texts with parameters, each a function
//! that takes the language and one value per parameter, in the declared order:
//!
//! ```text
//! messages! {
//!     winback(days, date) = "no order for {days} days (last {date})", "已 {days} 天未下单（上次 {date}）";
//! }
//! ```
//!
//! so `winback(lang, 30, "2026-11-02")` fills the placeholders of `lang`'s text only. Tests
//! check every entry: both languages written, and each text's placeholders those declared.

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

/// Declares one function per message with parameters, and (for the tests) `MESSAGES`.
macro_rules! messages {
    ($($func:ident($($param:ident),*) = $en:literal, $zh:literal;)*) => {
        $(
            #[doc = concat!("“", $en, "” / “", $zh, "”.")]
            #[allow(clippy::too_many_arguments, reason = "one parameter per placeholder")]
            pub fn $func(lang: $crate::i18n::Language, $($param: impl std::fmt::Display),*) -> String {
                $crate::i18n::Text::new(concat!(module_path!(), "::", stringify!($func)), $en, $zh)
                    .fill(lang, &[$((stringify!($param), &$param as &dyn std::fmt::Display)),*])
            }
        )*
        /// Every message of this part of the catalogue, with its parameters.
        #[cfg(test)]
        pub(crate) const MESSAGES: &[$crate::i18n::entries::Message] = &[$(
            $crate::i18n::entries::Message {
                text: $crate::i18n::Text::new(concat!(module_path!(), "::", stringify!($func)), $en, $zh),
                params: &[$(stringify!($param)),*],
            }
        ),*];
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
