//! Writing a built-in page without the template engine: markup as is, text escaped exactly
//! as `{{ value }}` in a template escapes it, and the frame of `base.html` around it.

use std::fmt::Display;
use std::io::Write as _;

use crate::i18n::{Language, Text};

/// The output of one page being written.
pub struct Html<'o> {
    out: &'o mut Vec<u8>,
    lang: Language,
}

impl<'o> Html<'o> {
    /// Writes into `out`, the site's words in `lang`.
    pub fn new(out: &'o mut Vec<u8>, lang: Language) -> Self {
        Html { out, lang }
    }

    /// Markup, as is.
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.extend_from_slice(markup.as_bytes());
        self
    }

    /// Text, escaped for HTML by the same function the templates' output goes through.
    pub fn text(&mut self, text: &str) -> &mut Self {
        // Writing into a vector does not fail.
        let _ = tera::escape_html(text, self.out);
        self
    }

    /// A word of the site's catalogue (`{{ t.key }}`), escaped.
    pub fn word(&mut self, word: Text) -> &mut Self {
        self.text(word.get(self.lang))
    }

    /// A number as a template shows it.
    pub fn num(&mut self, number: impl Display) -> &mut Self {
        let _ = write!(self.out, "{number}");
        self
    }

    /// `markup` when `cond` holds (`{% if cond %}markup{% endif %}`).
    pub fn raw_if(&mut self, cond: bool, markup: &str) -> &mut Self {
        if cond {
            self.raw(markup);
        }
        self
    }
}

/// `base.html` as it frames a page of one folder of the site, rendered once with the page's
/// title and content left out: a page is the three parts with its title and content between.
/// With it, what the page's own part reads of the pages' shared context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The site's language.
    pub lang: Language,
    /// The prefix from the folder's pages to the site's root (`{{ root }}`).
    pub root: String,
    /// Whether the site shows the records' history (`{{ has_history }}`).
    pub has_history: bool,
    /// Up to the page's title.
    pub before_title: String,
    /// From after the title up to the page's content.
    pub before_content: String,
    /// From after the content to the end.
    pub after_content: String,
}

/// What stands for the title when the frame is rendered: two private-use characters, which
/// the escaping leaves as they are, found again and cut out. The frame is cut before any
/// page's title goes in, so a title may hold them; only the frame's own text could clash (a
/// company name holding them), and then [`Frame::cut`] finds the mark twice and gives `None`.
pub const TITLE_MARK: &str = "\u{F8FF}\u{F8FE}";

/// Where the content goes in the built-in `base.html` (its block `content` is empty).
const CONTENT_MARK: &str = "<main>\n\n</main>";

impl Frame {
    /// Cuts the frame out of `base.html` rendered with [`TITLE_MARK`] as the title and no
    /// content; `None` unless each mark is there exactly once.
    pub fn cut(rendered: &str, lang: Language, root: &str, has_history: bool) -> Option<Frame> {
        let (before_title, rest) = split_once_only(rendered, TITLE_MARK)?;
        let (head, tail) = split_once_only(rest, CONTENT_MARK)?;
        Some(Frame {
            lang,
            root: root.to_string(),
            has_history,
            before_title: before_title.to_string(),
            before_content: format!("{head}<main>\n"),
            after_content: format!("\n</main>{tail}"),
        })
    }

    /// Writes the page: the frame around `title` and what `content` writes.
    pub fn page(&self, out: &mut Vec<u8>, title: &str, content: impl FnOnce(&mut Html<'_>)) {
        let mut html = Html::new(out, self.lang);
        html.raw(&self.before_title).text(title).raw(&self.before_content);
        content(&mut html);
        html.raw(&self.after_content);
    }
}

/// The text before and after the one place `mark` is in `text`; `None` when it is not there
/// or there more than once.
fn split_once_only<'t>(text: &'t str, mark: &str) -> Option<(&'t str, &'t str)> {
    let (before, after) = text.split_once(mark)?;
    (!after.contains(mark)).then_some((before, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_markup_is_not() {
        let mut out = Vec::new();
        Html::new(&mut out, Language::En).raw("<b>").text("<i>&\"'</i>").raw("</b>").num(-3);
        assert_eq!(String::from_utf8(out).unwrap(), "<b>&lt;i&gt;&amp;&quot;&#39;&lt;/i&gt;</b>-3");
    }

    #[test]
    fn a_frame_is_cut_only_where_each_mark_is_there_once() {
        let base = format!("<title>{TITLE_MARK} · Co</title><main>\n\n</main><footer>");
        let cut = |text: &str| Frame::cut(text, Language::En, "../", false);
        let frame = cut(&base).expect("both marks once");
        let mut out = Vec::new();
        frame.page(&mut out, "A & B", |h| {
            h.raw("<p>hi</p>");
        });
        assert_eq!(String::from_utf8(out).unwrap(), "<title>A &amp; B · Co</title><main>\n<p>hi</p>\n</main><footer>");
        assert_eq!(cut(&format!("{base}{TITLE_MARK}")), None, "the title twice");
        assert_eq!(cut(&base.replace("<main>\n\n</main>", "<main></main>")), None, "no content place");
        assert_eq!(cut(&format!("{base}<main>\n\n</main>")), None, "two content places");
        assert_eq!(cut("<main>\n\n</main>"), None, "no title");
    }
}
