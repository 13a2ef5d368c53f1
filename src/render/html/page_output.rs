//! How a page leaves the site: rendered from a template or written by a built-in writer,
//! into this thread's buffer or streamed, and taken from the last build when its key says
//! it is made from the same data.

use anyhow::{Result, anyhow};
use tera::Context;

use super::memo::Key;
use super::{MAX_KEPT_BUFFER, PAGE_BUFFER, Site, paths};
use crate::render::Sink;
use crate::render::stopping::StoppingWriter;

impl Site<'_> {
    /// Renders `template` with `context` to `path`, adding the page's root prefix. The page
    /// goes to the sink as it is rendered ([`Sink::put_streamed`]): a list page of 100,000
    /// customers is never whole in memory.
    pub fn page(&self, sink: &dyn Sink, path: &str, template: &str, active: &str, context: Context) -> Result<()> {
        self.go_on()?;
        let context = framed(context, path, active);
        sink.put_streamed(path, &mut |out| {
            self.tera
                .render_to(template, &context, StoppingWriter::new(out, self.stop))
                .map_err(|e| anyhow!("rendering {template} for {path}: {e}"))
        })
    }

    /// Renders `template` with `context` (framed for `path`) into `html`.
    fn render_into(&self, html: &mut Vec<u8>, template: &str, path: &str, context: &Context) -> Result<()> {
        self.tera
            .render_to(template, context, StoppingWriter::new(html, self.stop))
            .map_err(|e| anyhow!("rendering {template} for {path}: {e}"))
    }

    /// Puts the page `path` that `make` writes: made into this thread's buffer, kept between
    /// pages, and handed to the sink as bytes, so no allocation per page and no second UTF-8
    /// check of our own output. A page made while the buffer is in use on this thread (a sink
    /// that renders) gets a buffer of its own.
    fn put_small(
        &self,
        sink: &dyn Sink,
        path: &str,
        key: Option<Key>,
        make: impl FnOnce(&mut Vec<u8>) -> Result<()>,
    ) -> Result<()> {
        let put = |html: &mut Vec<u8>| {
            html.clear();
            make(html)?;
            let put = match key {
                Some(key) => sink.put_made(path, html, key.value()),
                None => sink.put(path, html),
            };
            if html.capacity() > MAX_KEPT_BUFFER {
                // A page larger than most is not held for the pages after it.
                *html = Vec::new();
            }
            put
        };
        PAGE_BUFFER.with(|buffer| match buffer.try_borrow_mut() {
            Ok(mut html) => put(&mut html),
            Err(_) => put(&mut Vec::new()),
        })
    }

    /// Puts the page `path` that `make` writes, or takes the last complete build's when `key`
    /// says it is made from the same data: from the memo (`serve`'s rebuilds), else from the
    /// sink ([`Sink::keep`]: the old site of a build over it). `make` runs only when the page
    /// is made again.
    pub fn page_made(
        &self,
        sink: &dyn Sink,
        path: &str,
        key: Option<Key>,
        make: impl FnOnce(&mut Vec<u8>) -> Result<()>,
    ) -> Result<()> {
        self.go_on()?;
        let (Some(memo), Some(key)) = (self.memo, key) else {
            if let Some(key) = key
                && sink.keep(path, key.value())?
            {
                return Ok(());
            }
            return self.put_small(sink, path, key, make);
        };
        let html = memo.get_or_render(path, key, || {
            let mut html = Vec::new();
            make(&mut html)?;
            String::from_utf8(html).map_err(|e| anyhow!("{path} was made as text that is not UTF-8: {e}"))
        })?;
        sink.put_shared(path, html.into())
    }

    /// Renders `template` to `path` as [`Site::page_made`] puts a page. `context` is built
    /// only when the page is rendered.
    pub fn page_memoized(
        &self,
        sink: &dyn Sink,
        path: &str,
        template: &str,
        active: &str,
        key: Option<Key>,
        context: impl FnOnce() -> Context,
    ) -> Result<()> {
        self.page_made(sink, path, key, |html| self.render_into(html, template, path, &framed(context(), path, active)))
    }

    /// Renders `template` with `context` to a string (a fragment such as one card).
    pub fn fragment(&self, template: &str, context: &Context) -> Result<String> {
        self.tera.render(template, context).map_err(|e| anyhow!("rendering {template}: {e}"))
    }
}

/// `context` with what every page adds: the prefix to the site's root and the active tab.
pub(super) fn framed(mut context: Context, path: &str, active: &str) -> Context {
    context.insert("root", &paths::root_of(path));
    context.insert("active", active);
    context
}
