//! The HTTP/1.1 server: hyper on a current-thread tokio runtime, each connection a task of
//! its own (a client that sends and never reads stalls only its own connection), at most
//! [`MAX_CONNECTIONS`] at once (the next ones wait to be accepted), each given
//! [`HEADER_TIMEOUT`] to send a request's headers and [`CONNECTION_TIME`] in all.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::{Notify, Semaphore};

use super::guard::{self, Asked};
use super::http::{self, Reply};
use super::pages::VERSION;
use super::state::Shared;

/// How many connections are served at once.
pub const MAX_CONNECTIONS: usize = 128;

/// How long a client has to send the headers of a request (also the wait for the next
/// request on a kept-alive connection).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a connection may last in all; a browser opens another one when it needs to.
pub const CONNECTION_TIME: Duration = Duration::from_secs(120);

/// How long the live-reload endpoint holds a request while nothing changes.
pub const LONG_POLL: Duration = Duration::from_secs(25);

/// How long a request for an export (the search index, a data file, a calendar) waits for
/// the rebuild under way to finish the exports.
pub const EXPORTS_WAIT: Duration = Duration::from_secs(60);

/// The biggest request head read (the preview takes no bodies).
const MAX_BUFFER: usize = 64 * 1024;

/// Serves `listener` until `stop` is notified.
pub fn serve(listener: std::net::TcpListener, shared: Arc<Shared>, stop: Arc<Notify>) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .context("starting the HTTP runtime")?;
    runtime.block_on(async move {
        listener.set_nonblocking(true).context("setting up the listening socket")?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let listener = tokio::net::TcpListener::from_std(listener).context("setting up the listening socket")?;
        let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        loop {
            let next = async { (slots.clone().acquire_owned().await, listener.accept().await) };
            let (slot, accepted) = tokio::select! {
                next = next => next,
                () = stop.notified() => return Ok(()),
            };
            let Ok(slot) = slot else { return Ok(()) };
            // A connection that failed before it was accepted is the client's problem.
            let Ok((stream, _)) = accepted else { continue };
            let shared = shared.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request| answer(request, shared.clone(), port));
                let mut builder = hyper::server::conn::http1::Builder::new();
                builder.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT).max_buf_size(MAX_BUFFER);
                let connection = builder.serve_connection(TokioIo::new(stream), service);
                // A client that went away, sent garbage or took too long is not our problem.
                let _ = tokio::time::timeout(CONNECTION_TIME, connection).await;
                drop(slot);
            });
        }
    })
}

/// A header as text, when it is there and is text.
fn text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Answers one request: refused unless it passes [`guard::check`]; the live-reload endpoint
/// waits for a new version; anything else is [`http::respond`]'s.
async fn answer(
    request: Request<Incoming>,
    shared: Arc<Shared>,
    port: u16,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let url = request.uri().path_and_query().map_or("/", |p| p.as_str()).to_string();
    let live_reload = request.uri().path() == VERSION;
    let headers = request.headers();
    let host = if headers.get_all(header::HOST).iter().count() > 1 { None } else { text(headers, header::HOST) };
    let asked = Asked {
        method: request.method().as_str(),
        host,
        authority: request.uri().authority().map(|a| a.as_str()),
        origin: text(headers, header::ORIGIN),
        fetch_site: text(headers, header::HeaderName::from_static("sec-fetch-site")),
        live_reload,
    };
    if let Err(refused) = guard::check(&asked, port) {
        let mut reply = Reply::text(refused.status, &format!("{}\n", refused.message));
        if refused.status == 405 {
            reply.allow = true;
        }
        return Ok(response(reply));
    }
    if let Some(seen) = http::seen_version(&url).filter(|_| live_reload) {
        let mut versions = shared.versions();
        // Time out with the same version: the script asks again.
        let _ = tokio::time::timeout(LONG_POLL, versions.wait_for(|v| *v != seen)).await;
    }
    let snapshot = match http::site_path(&url).filter(|_| !request_path_is_the_previews(&url)) {
        // A file that is not a page may be an export still being rendered: wait for it.
        Some(rel) => shared.snapshot_for(&rel, EXPORTS_WAIT).await,
        None => shared.snapshot(),
    };
    Ok(response(http::respond(&url, &snapshot)))
}

/// Whether `url` is one of the preview's own (`/__cardfile/…`), not the site's.
fn request_path_is_the_previews(url: &str) -> bool {
    url.starts_with("/__cardfile/")
}

/// The HTTP response of a reply: never a CORS header, never cached, never sniffed.
fn response(reply: Reply) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(reply.body)));
    *response.status_mut() = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(reply.content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if reply.allow {
        headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    if let Some(location) = reply.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        headers.insert(header::LOCATION, location);
    }
    response
}
