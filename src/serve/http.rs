//! The HTTP side: the in-memory pages, the extra outputs from their folder,
//! the live-reload script and its event stream.
//!
//! A request path is percent-decoded one segment at a time, and a segment
//! that decodes to `.`, `..`, or anything holding a slash, a backslash or a
//! NUL is refused: no path can name anything but an output file. Pages come
//! from a map of the output, which holds nothing else; the extra outputs are
//! read from their own temporary folder only after the resolved file is
//! checked to be inside it.

use crate::site::routes;
use crate::text::{escape_html, percent_decode};
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::watch;

use super::live::{Files, Pending, Shown};

pub const EVENTS: &str = "/__dossier/events";
pub const SCRIPT: &str = "/__dossier/live.js";
const SCRIPT_BODY: &str = include_str!("live.js");

/// What open pages are told.
#[derive(Debug, Clone, Default)]
pub struct LiveState {
    /// Counts good rebuilds that changed something.
    pub build: u64,
    /// Output paths the last build changed (`None`: too many to list).
    pub changed: Option<Arc<Vec<String>>>,
    /// The overlay of the failed rebuild, if the last one failed.
    pub error: Option<Arc<str>>,
    /// The build the extra outputs are up to date with.
    pub extras: u64,
    /// Counts batches of pending pages served (`live::Pending`): a request
    /// waiting for one looks again.
    pub settled: u64,
}

#[derive(Clone)]
pub struct AppState {
    pub files: Files,
    pub pending: Pending,
    pub shown: Shown,
    pub extras_dir: Arc<PathBuf>,
    pub live: watch::Receiver<LiveState>,
    pub shutdown: watch::Receiver<bool>,
    /// The address the server listens on: its host is one of the names a
    /// request may be addressed to.
    pub bound: SocketAddr,
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route(EVENTS, get(events))
        .route(SCRIPT, get(script))
        .fallback(file)
        .layer(middleware::from_fn_with_state(state.clone(), local_only))
        .with_state(state)
}

/// Answer only requests addressed to this machine by a name no one else
/// controls: against DNS rebinding, where a web page makes its own host
/// name resolve to 127.0.0.1 and then reads the preview (drafts included)
/// as same-origin. Such a request still names the attacker's host, so the
/// `Host` header tells them apart, as Vite and webpack-dev-server check it.
/// Every route is guarded, the live-reload stream too.
async fn local_only(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let host = request
        .uri()
        .authority()
        .map(|a| a.as_str().to_string())
        .or_else(|| {
            request
                .headers()
                .get(header::HOST)
                .map(|h| String::from_utf8_lossy(h.as_bytes()).into_owned())
        });
    match host {
        Some(host) if local_host(&host, state.bound) => next.run(request).await,
        host => forbidden_host(host.as_deref(), state.bound),
    }
}

/// Whether `host` (a `Host` header: a name or address, maybe with a port)
/// names this server: `localhost`, the loopback addresses, or the address
/// it is bound to. Bound to every interface (`--bind 0.0.0.0`), any IP
/// address passes too: DNS rebinding needs a name, and the user asked to be
/// reached from the network, where a phone knows the machine by its address.
pub fn local_host(host: &str, bound: SocketAddr) -> bool {
    let name = host_name(host).trim_end_matches('.').to_ascii_lowercase();
    if name == "localhost" {
        return true;
    }
    let Ok(ip) = name.parse::<IpAddr>() else {
        return false;
    };
    ip == IpAddr::V4(Ipv4Addr::LOCALHOST)
        || ip == IpAddr::V6(Ipv6Addr::LOCALHOST)
        || ip == bound.ip()
        || bound.ip().is_unspecified()
}

/// The host part of a `Host` header: `[::1]:8080` is `::1`, `x:80` is `x`.
fn host_name(host: &str) -> &str {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((ip, "")) => ip,
            Some((ip, port)) if port.starts_with(':') => ip,
            _ => host,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

fn forbidden_host(host: Option<&str>, bound: SocketAddr) -> Response {
    let local = super::local_url(bound);
    let named = match host {
        Some(h) => format!("it was addressed to `{}`", h.escape_debug()),
        None => "it named no host".to_string(),
    };
    let text = format!(
        "403 Forbidden: dossier's preview server answers only requests addressed to localhost, \
         127.0.0.1, [::1] or the address it listens on; {named}.\n\
         Open {local} instead. (This guards the preview against DNS rebinding: a web page \
         that makes its own name point at this machine.)\n"
    );
    let mut r = Response::new(Body::from(text));
    *r.status_mut() = StatusCode::FORBIDDEN;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

async fn script() -> Response {
    let mut r = Response::new(Body::from(SCRIPT_BODY));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

async fn events(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // The page this stream is for is shown for as long as the stream lasts.
    let showing = query
        .as_deref()
        .and_then(shown_page)
        .map(|page| Showing::new(state.shown.clone(), page));
    let rx = state.live.clone();
    let first = rx.borrow().clone();
    let hello = stream::iter([Ok(state_event(&first, None))]);
    let updates = stream::unfold((rx, first, showing), |(mut rx, last, showing)| async move {
        rx.changed().await.ok()?;
        let now = rx.borrow_and_update().clone();
        let mut events = Vec::new();
        if now.build != last.build || now.error.as_deref() != last.error.as_deref() {
            events.push(Ok(state_event(&now, Some(&last))));
        }
        if now.extras != last.extras {
            events.push(Ok(Event::default()
                .event("extras")
                .data(format!("{{\"build\":{}}}", now.extras))));
        }
        Some((stream::iter(events), (rx, now, showing)))
    })
    .flatten();
    let mut shutdown = state.shutdown.clone();
    let stop = async move {
        let _ = shutdown.wait_for(|stop| *stop).await;
    };
    Sse::new(hello.chain(updates).take_until(stop))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// The output path of the page a live-reload stream is for, from its query
/// (`path=articles%2Fx%2Findex.html`, as `live.js` sends it), if it names
/// one. Only compared with the paths of pages, never opened.
fn shown_page(query: &str) -> Option<String> {
    let value = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("path="))?;
    percent_decode(value).filter(|page| !page.is_empty())
}

/// A page shown by one live-reload stream, counted in `Shown` until the
/// stream ends.
struct Showing {
    shown: Shown,
    page: String,
}

impl Showing {
    fn new(shown: Shown, page: String) -> Showing {
        *shown
            .lock()
            .expect("no panics while holding the lock")
            .entry(page.clone())
            .or_default() += 1;
        Showing { shown, page }
    }
}

impl Drop for Showing {
    fn drop(&mut self) {
        let mut shown = self.shown.lock().expect("no panics while holding the lock");
        if let Some(n) = shown.get_mut(&self.page) {
            *n -= 1;
            if *n == 0 {
                shown.remove(&self.page);
            }
        }
    }
}

fn state_event(now: &LiveState, last: Option<&LiveState>) -> Event {
    // The paths changed are only news to a page one build behind.
    let changed = match (&now.changed, last) {
        (Some(list), Some(last)) if now.build == last.build + 1 => {
            serde_json::to_string(list.as_slice()).expect("strings serialise")
        }
        _ => "null".to_string(),
    };
    let error = match &now.error {
        Some(html) => serde_json::to_string(&**html).expect("strings serialise"),
        None => "null".to_string(),
    };
    Event::default().event("state").data(format!(
        "{{\"build\":{},\"changed\":{changed},\"error\":{error}}}",
        now.build
    ))
}

/// The path a request names, relative to the output, or `None` when it
/// tries to leave it. The flag says whether it names a folder.
pub fn clean_path(raw: &str) -> Option<(String, bool)> {
    let raw = raw.strip_prefix('/')?;
    let mut parts: Vec<String> = Vec::new();
    let segments: Vec<&str> = raw.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if segment.is_empty() {
            if i == last {
                continue;
            }
            return None;
        }
        let decoded = percent_decode(segment)?;
        if decoded == "."
            || decoded == ".."
            || decoded.contains(['/', '\\', '\0'])
            || decoded.contains(':') && cfg!(windows)
        {
            return None;
        }
        parts.push(decoded);
    }
    let folder = raw.is_empty() || raw.ends_with('/');
    Some((parts.join("/"), folder))
}

enum Found {
    Page(Bytes),
    Extra(Bytes),
    Redirect(String),
}

async fn file(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut r = Response::new(Body::from("method not allowed\n"));
        *r.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let head = method == Method::HEAD;
    let found = match clean_path(uri.path()) {
        Some((key, folder)) => find(&state, &key, folder, uri.query()).await,
        None => None,
    };
    let (status, path, bytes, extra) = match found {
        Some((path, Found::Page(bytes))) => (StatusCode::OK, path, bytes, false),
        Some((path, Found::Extra(bytes))) => (StatusCode::OK, path, bytes, true),
        Some((_, Found::Redirect(to))) => {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::PERMANENT_REDIRECT;
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            return r;
        }
        None => {
            let page = state.files.read().expect("lock").get("404.html").cloned();
            let bytes = page.unwrap_or_else(|| {
                Bytes::from_static(b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>")
            });
            (StatusCode::NOT_FOUND, "404.html".to_string(), bytes, false)
        }
    };
    respond(&state, status, &path, bytes, extra, head)
}

async fn find(
    state: &AppState,
    key: &str,
    folder: bool,
    query: Option<&str>,
) -> Option<(String, Found)> {
    let index = routes::folder_index;
    let candidate = if folder { index(key) } else { key.to_string() };
    let mut live = state.live.clone();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    // Past the deadline, or with the rebuild thread gone, the page is
    // served as it is rather than waited for any longer.
    let mut given_up = false;
    loop {
        live.borrow_and_update();
        {
            // Pending, then files, as the rebuild takes them: a page is
            // either served as the new site has it or waited for.
            let pending = state.pending.read().expect("lock");
            let waits = pending.contains(&candidate) || !folder && pending.contains(&index(key));
            if !waits || given_up {
                let files = state.files.read().expect("lock");
                if let Some(bytes) = files.get(&candidate) {
                    return Some((candidate, Found::Page(bytes.clone())));
                }
                if !folder && files.contains_key(&index(key)) {
                    return Some((candidate, Found::Redirect(redirect(key, query))));
                }
                break;
            }
        }
        given_up = !matches!(
            tokio::time::timeout_at(deadline, live.changed()).await,
            Ok(Ok(()))
        );
    }
    // Not a page: the extra outputs, once they are up to date.
    let mut live = state.live.clone();
    let wanted = live.borrow().build;
    let _ = tokio::time::timeout(
        Duration::from_secs(120),
        live.wait_for(|s| s.extras >= wanted),
    )
    .await;
    let dir = state.extras_dir.clone();
    let key = key.to_string();
    let query = query.map(str::to_string);
    tokio::task::spawn_blocking(move || {
        let target = dir.join(&candidate);
        if !folder && target.is_dir() {
            return inside(&dir, &dir.join(routes::folder_index(&candidate)))
                .then(|| (candidate, Found::Redirect(redirect(&key, query.as_deref()))));
        }
        read_inside(&dir, &target).map(|b| (candidate, Found::Extra(b)))
    })
    .await
    .ok()
    .flatten()
}

fn redirect(key: &str, query: Option<&str>) -> String {
    let mut to = String::with_capacity(key.len() + 2);
    to.push('/');
    for (i, part) in key.split('/').enumerate() {
        if i > 0 {
            to.push('/');
        }
        to.push_str(&percent_encode(part));
    }
    to.push('/');
    if let Some(q) = query {
        to.push('?');
        to.push_str(q);
    }
    to
}

/// What a path segment of a redirect keeps as it is: RFC 3986's unreserved
/// characters and sub-delimiters, `:` and `@`.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

fn percent_encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}

/// Whether `path`, with every link resolved, is a file inside `dir`.
fn inside(dir: &Path, path: &Path) -> bool {
    match (dir.canonicalize(), path.canonicalize()) {
        (Ok(dir), Ok(real)) => real.starts_with(dir) && real.is_file(),
        _ => false,
    }
}

fn read_inside(dir: &Path, path: &Path) -> Option<Bytes> {
    if !inside(dir, path) {
        return None;
    }
    std::fs::read(path).ok().map(Bytes::from)
}

fn respond(
    state: &AppState,
    status: StatusCode,
    path: &str,
    bytes: Bytes,
    extra: bool,
    head: bool,
) -> Response {
    let mime = content_type(path);
    let body = if mime.starts_with("text/html") {
        let live = state.live.borrow().clone();
        Bytes::from(inject(&bytes, live.build, extra, live.error.as_deref()))
    } else {
        bytes
    };
    let len = body.len();
    let mut r = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&mime) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r.into_response()
}

/// The content type of an output file, with the character set of text.
pub fn content_type(path: &str) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let essence = match mime.essence_str() {
        // mime_guess says text/javascript for .js and .mjs, and the same for
        // .json is application/json; a few of ours it does not know.
        _ if path.ends_with(".webmanifest") => "application/manifest+json",
        _ if path.ends_with("atom.xml") => "application/atom+xml",
        other => other,
    }
    .to_string();
    let text = essence.starts_with("text/")
        || essence.ends_with("json")
        || essence.ends_with("xml")
        || essence == "application/javascript";
    if text {
        format!("{essence}; charset=utf-8")
    } else {
        essence
    }
}

/// The page with the live-reload script (and the error overlay) before its
/// closing `</body>`.
fn inject(html: &[u8], build: u64, extra: bool, error: Option<&str>) -> Vec<u8> {
    let mut snippet = format!(
        "<script src=\"{SCRIPT}\" data-build=\"{build}\"{}></script>",
        if extra { " data-extra=\"1\"" } else { "" }
    );
    if let Some(error) = error {
        snippet.push_str(error);
    }
    let at = find_last_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if haystack.len() < needle.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The overlay that shows a failed rebuild's problems in the page.
pub fn overlay(problems: &[crate::diagnostics::Diagnostic]) -> String {
    let mut html = String::from(
        "<div id=\"__dossier-overlay\" role=\"alertdialog\" aria-label=\"Build error\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(24,24,27,.95);color:#f4f4f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;padding:2rem;text-align:left\">\
         <button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right;font:inherit;background:#3f3f46;color:inherit;border:0;padding:.3rem .8rem;cursor:pointer\">Dismiss</button>\
         <h2 style=\"margin:0 0 1rem;color:#f87171;font-size:1.2rem\">dossier: the last change did not build</h2>\
         <p style=\"margin:0 0 1.5rem;color:#a1a1aa\">The page shows the last good build. Save a fix and it reloads.</p>",
    );
    for d in problems.iter().filter(|d| d.is_error()).take(50) {
        html.push_str("<div class=\"__dossier-problem\" style=\"margin:0 0 1.2rem;padding:.8rem 1rem;border-left:4px solid #f87171;background:#27272a;white-space:pre-wrap\">");
        html.push_str("<strong style=\"color:#f87171\">error</strong>: ");
        html.push_str(&escape_html(&d.message));
        if let Some(location) = d.location() {
            html.push_str("\n  --> <span class=\"__dossier-location\" style=\"color:#93c5fd\">");
            html.push_str(&escape_html(&location));
            html.push_str("</span>");
        }
        if let Some(help) = &d.help {
            html.push_str("\n  = help: ");
            html.push_str(&escape_html(help));
        }
        html.push_str("</div>");
    }
    html.push_str("</div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_output() {
        assert_eq!(clean_path("/"), Some((String::new(), true)));
        assert_eq!(
            clean_path("/articles/a%20b/"),
            Some(("articles/a b".into(), true))
        );
        assert_eq!(clean_path("/style.css"), Some(("style.css".into(), false)));
        for bad in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/%2E%2E/site.yaml",
            "/articles/..%2f..%2fsite.yaml",
            "/articles/%2e%2e%5csite.yaml",
            "/a//b",
            "/./x",
            "/x%00",
            "/%zz",
            "relative",
        ] {
            assert_eq!(clean_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_local_host_names_pass() {
        let loopback: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for ok in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "localhost",
            "LOCALHOST:1111",
            "localhost.",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(local_host(ok, loopback), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "127.0.0.2",
            "192.168.1.5:1111",
            "",
            "[::1",
        ] {
            assert!(!local_host(bad, loopback), "{bad}");
        }
        let lan: SocketAddr = "192.168.1.5:1111".parse().unwrap();
        assert!(local_host("192.168.1.5:1111", lan));
        assert!(!local_host("10.0.0.1", lan));
        let every: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert!(local_host("10.0.0.1:1111", every));
        assert!(!local_host("evil.example", every));
    }

    #[test]
    fn a_stream_shows_its_page_while_it_lasts() {
        assert_eq!(
            shown_page("path=articles%2Fcaf%C3%A9%2Findex.html").as_deref(),
            Some("articles/café/index.html")
        );
        assert_eq!(
            shown_page("x=1&path=index.html").as_deref(),
            Some("index.html")
        );
        assert_eq!(shown_page("path="), None);
        assert_eq!(shown_page("other=1"), None);
        let shown = Shown::default();
        let one = Showing::new(shown.clone(), "index.html".into());
        let two = Showing::new(shown.clone(), "index.html".into());
        assert_eq!(shown.lock().unwrap().get("index.html"), Some(&2));
        drop(one);
        assert_eq!(shown.lock().unwrap().get("index.html"), Some(&1));
        drop(two);
        assert!(shown.lock().unwrap().is_empty());
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(
            content_type("data/quotes.json"),
            "application/json; charset=utf-8"
        );
        assert_eq!(content_type("a.png"), "image/png");
        assert_eq!(content_type("font.woff2"), "font/woff2");
    }

    /// A page the rebuild has not rendered yet is held until it has, then
    /// served as the new site has it; the others are served at once.
    #[tokio::test]
    async fn a_pending_page_is_served_once_rendered() {
        let files = Files::default();
        let pending = Pending::default();
        let page = "quotes/page/2/index.html";
        files
            .write()
            .unwrap()
            .insert(page.into(), Bytes::from("old"));
        files
            .write()
            .unwrap()
            .insert("index.html".into(), Bytes::from("home"));
        pending.write().unwrap().insert(page.into());
        let (live_tx, live) = watch::channel(LiveState::default());
        let (_stop, shutdown) = watch::channel(false);
        let state = AppState {
            files: files.clone(),
            pending: pending.clone(),
            shown: Default::default(),
            extras_dir: Arc::new(PathBuf::from("/nonexistent")),
            live,
            shutdown,
            bound: "127.0.0.1:1111".parse().unwrap(),
        };
        let home = find(&state, "", true, None).await;
        assert!(matches!(home, Some((_, Found::Page(b))) if b == "home"));

        let held = tokio::spawn({
            let state = state.clone();
            async move { find(&state, "quotes/page/2", true, None).await }
        });
        for _ in 0..20 {
            tokio::task::yield_now().await;
        }
        assert!(!held.is_finished(), "a pending page was served");
        // Another batch settles, not this page: still held.
        live_tx.send_modify(|s| s.settled += 1);
        for _ in 0..20 {
            tokio::task::yield_now().await;
        }
        assert!(!held.is_finished(), "a pending page was served");

        {
            let mut pending = pending.write().unwrap();
            files
                .write()
                .unwrap()
                .insert(page.into(), Bytes::from("new"));
            pending.remove(page);
        }
        live_tx.send_modify(|s| s.settled += 1);
        let served = held.await.unwrap();
        assert!(matches!(served, Some((_, Found::Page(b))) if b == "new"));
    }

    #[test]
    fn injects_before_body_end() {
        let out = inject(b"<html><body>x</BODY></html>", 3, false, None);
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("<html><body>x<script src=\"/__dossier/live.js\" data-build=\"3\">")
        );
        assert!(out.ends_with("</script></BODY></html>"));
    }
}
