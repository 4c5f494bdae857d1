//! The search page in a real browser: headless Chromium loads
//! `/search/?q=WORD` from a local static server and the results name the
//! article, its date and its outlet. Skipped (with a message) where Chromium
//! is missing, except under CI=true, where that is a failure.

mod common;
use common::*;

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

/// A static file server over `dir`; returns its address and the paths it
/// served.
fn serve(dir: &Path) -> (String, Arc<Mutex<Vec<String>>>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", server.server_addr().to_ip().unwrap());
    let dir = dir.to_path_buf();
    let served = Arc::new(Mutex::new(Vec::new()));
    let log = served.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let url = request.url().split('?').next().unwrap_or("/").to_string();
            let mut path = dir.join(url.trim_start_matches('/'));
            if url.ends_with('/') {
                path.push("index.html");
            }
            let kind = match path.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("json") => "application/json",
                Some("css") => "text/css",
                Some("xml") => "application/xml",
                _ => "application/octet-stream",
            };
            let response = match std::fs::read(&path) {
                Ok(bytes) => {
                    log.lock().unwrap().push(url);
                    tiny_http::Response::from_data(bytes)
                        .with_header(tiny_http::Header::from_bytes("Content-Type", kind).unwrap())
                }
                Err(_) => {
                    tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404)
                }
            };
            let _ = request.respond(response);
        }
    });
    (addr, served)
}

fn dump_dom(chromium: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--virtual-time-budget=15000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The result items of a dumped search page.
fn results(dom: &str) -> Vec<&str> {
    dom.split("<li class=\"search-result ")
        .skip(1)
        .map(|s| s.split("</li>").next().unwrap())
        .collect()
}

#[test]
fn a_search_finds_an_article_by_a_word_of_its_body() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let site = Site::example();
    site.build().success();
    let (addr, served) = serve(&site.path().join("public"));

    // "speding" is in the body of one article only (a typo in the source).
    let dom = dump_dom(&chromium, &format!("{addr}/search/?q=speding"));
    assert!(dom.contains("data-state=\"done\""), "{dom}");
    let found = results(&dom);
    assert_eq!(found.len(), 1, "{dom}");
    let item = found[0];
    assert!(item.starts_with("search-result-article"), "{item}");
    assert!(
        item.contains("href=\"/articles/lavrov-kerry-geneva-talks/\""),
        "{item}"
    );
    assert!(
        item.contains("Coordination of Moscow and Washington"),
        "{item}"
    );
    assert!(item.contains("datetime=\"2016-08-26\""), "{item}");
    assert!(item.contains("26 August 2016"), "{item}");
    assert!(
        item.contains("<span class=\"search-source\">TASS</span>"),
        "{item}"
    );
    assert!(dom.contains("1 result for"), "{dom}");

    // Only the shard of the word and one docs file were fetched.
    let fetched: Vec<String> = served.lock().unwrap().clone();
    let index: Vec<&String> = fetched
        .iter()
        .filter(|p| p.starts_with("/search/index/"))
        .collect();
    assert_eq!(index, ["/search/index/sp.json"], "{fetched:?}");
    assert_eq!(
        fetched
            .iter()
            .filter(|p| p.starts_with("/search/docs/"))
            .count(),
        1,
        "{fetched:?}"
    );

    // Several words, accents and case folded, a prefix for the last word;
    // quotations and actors are found too.
    let dom = dump_dom(&chromium, &format!("{addr}/search/?q=S%C3%A9rgei%20LAVRO"));
    let found = results(&dom);
    assert!(
        found.iter().any(|i| i.starts_with("search-result-actor")
            && i.contains("href=\"/actors/sergei-lavrov/\"")),
        "{dom}"
    );
    assert!(
        found.iter().any(|i| i.starts_with("search-result-article")),
        "{dom}"
    );

    let dom = dump_dom(&chromium, &format!("{addr}/search/?q=zzyzx"));
    assert!(dom.contains("No results for"), "{dom}");
    assert!(results(&dom).is_empty());
}
