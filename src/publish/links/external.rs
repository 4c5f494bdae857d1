//! External links, for `dossier check --external`: each address is requested
//! (HEAD, or GET where a server refuses HEAD), one request at a time per host
//! and a few hosts at once, each request within a time limit. Results are
//! kept in `.dossier-cache/links.json` in the site root, so the next run asks
//! again only about new addresses and those whose result has grown old.
//! Broken external links are warnings: the author cannot always fix them, and
//! a site that was down for a minute should not fail a build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;

/// The cache, relative to the site root.
pub const CACHE: &str = ".dossier-cache/links.json";

#[derive(Debug, Clone)]
pub struct Options {
    /// The longest one request may take, connection and redirects included.
    pub timeout: Duration,
    /// Hosts checked at once (requests to one host are never parallel).
    pub hosts_at_once: usize,
    /// How long a working link's result is kept.
    pub keep_ok: Duration,
    /// How long a broken link's result is kept.
    pub keep_broken: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(10),
            hosts_at_once: 8,
            keep_ok: Duration::from_secs(7 * 24 * 3600),
            keep_broken: Duration::from_secs(3600),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// The final HTTP status, after redirects.
    pub status: Option<u16>,
    /// Why there is no status (no such host, timeout, TLS, ...).
    pub error: Option<String>,
    /// Seconds since 1970.
    pub checked: u64,
}

impl Entry {
    pub fn ok(&self) -> bool {
        self.status.is_some_and(|s| s < 400)
    }

    fn describe(&self) -> String {
        match (self.status, &self.error) {
            (Some(s), _) => format!("the server answers {s}{}", reason(s)),
            (None, Some(e)) => e.clone(),
            (None, None) => "no answer".into(),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        401 => " Unauthorized",
        403 => " Forbidden",
        404 => " Not Found",
        410 => " Gone",
        429 => " Too Many Requests",
        500 => " Internal Server Error",
        502 => " Bad Gateway",
        503 => " Service Unavailable",
        504 => " Gateway Timeout",
        _ => "",
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    version: u32,
    links: BTreeMap<String, Entry>,
}

#[derive(Debug, Default)]
pub struct Report {
    /// Addresses requested in this run.
    pub requested: usize,
    /// Addresses answered from the cache.
    pub cached: usize,
    pub problems: Vec<Diagnostic>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The host of an http(s) address, lowercased (with its port).
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    authority.rsplit_once('@').map_or(authority, |(_, h)| h)
}

/// Check `links` (address -> the files that link to it).
pub fn check(root: &Path, links: &BTreeMap<String, Vec<PathBuf>>, opts: &Options) -> Report {
    let mut report = Report::default();
    let cache_path = root.join(CACHE);
    let mut cache: Cache = match std::fs::read(&cache_path) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            report.problems.push(
                Diagnostic::warning(format!(
                    "the link cache is unreadable ({e}); starting afresh"
                ))
                .in_file(CACHE),
            );
            Cache::default()
        }),
        Err(_) => Cache::default(),
    };
    let now = now();
    let fresh = |e: &Entry| {
        let keep = if e.ok() {
            opts.keep_ok
        } else {
            opts.keep_broken
        };
        now.saturating_sub(e.checked) < keep.as_secs()
    };
    let mut by_host: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for url in links.keys() {
        match cache.links.get(url) {
            Some(e) if fresh(e) => report.cached += 1,
            _ => by_host
                .entry(host(url).to_ascii_lowercase())
                .or_default()
                .push(url),
        }
    }
    report.requested = by_host.values().map(Vec::len).sum();
    if !by_host.is_empty() {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(opts.timeout))
            .http_status_as_error(false)
            .user_agent(concat!("dossier-link-check/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let queue = Mutex::new(by_host.into_values().collect::<Vec<_>>());
        let results = Mutex::new(Vec::new());
        let workers = opts
            .hosts_at_once
            .max(1)
            .min(queue.lock().expect("fresh lock").len());
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    // The lock is released before the requests.
                    let next = || queue.lock().ok().and_then(|mut q| q.pop());
                    while let Some(urls) = next() {
                        for url in urls {
                            let entry = request(&agent, url);
                            if let Ok(mut r) = results.lock() {
                                r.push((url.to_string(), entry));
                            }
                        }
                    }
                });
            }
        });
        for (url, entry) in results.into_inner().unwrap_or_default() {
            cache.links.insert(url, entry);
        }
        cache.version = 1;
        let saved = cache_path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| {
                std::fs::write(
                    &cache_path,
                    serde_json::to_vec_pretty(&cache).expect("plain data serialises"),
                )
            });
        if let Err(e) = saved {
            report.problems.push(
                Diagnostic::warning(format!("cannot save the link cache: {e}"))
                    .in_file(CACHE)
                    .help("the next run will ask every server again"),
            );
        }
    }
    for (url, files) in links {
        let Some(entry) = cache.links.get(url) else {
            continue;
        };
        if entry.ok() {
            continue;
        }
        for file in files {
            let mut d = Diagnostic::warning(format!(
                "external link `{url}` is broken: {}",
                entry.describe()
            ))
            .in_file(file)
            .help("update or remove the link; if the site was only down, `dossier check --external` asks again in an hour");
            if let Some(line) = std::fs::read_to_string(root.join(file))
                .ok()
                .and_then(|t| t.lines().position(|l| l.contains(url.as_str())))
            {
                d = d.at_line(line + 1);
            }
            report.problems.push(d);
        }
    }
    report
}

fn request(agent: &ureq::Agent, url: &str) -> Entry {
    let checked = now();
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| {
        r.map(|resp| resp.status().as_u16())
    };
    let mut result = status(agent.head(url).call());
    // Some servers refuse HEAD, or answer it wrongly: ask again with GET (the
    // body is never read).
    if matches!(result, Ok(400 | 403 | 404 | 405 | 501)) {
        result = status(agent.get(url).call());
    }
    match result {
        Ok(code) => Entry {
            status: Some(code),
            error: None,
            checked,
        },
        Err(e) => Entry {
            status: None,
            error: Some(describe_error(&e)),
            checked,
        },
    }
}

fn describe_error(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer within the time limit".into(),
        ureq::Error::HostNotFound => "no such host".into(),
        ureq::Error::Io(io) => format!("cannot connect: {io}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host("https://News.example:8080/a?b"), "News.example:8080");
        assert_eq!(host("http://user@x.org"), "x.org");
    }
}
