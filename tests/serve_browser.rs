//! `dossier serve` with a real browser: headless Chromium opens an article,
//! the article's file is edited, and the page changes by itself (the live
//! reload script reloads it; the test never does).
//!
//! Driven over the DevTools protocol. Without Chromium (`apt-get install
//! chromium`) the test skips with a message, except under `CI=true`, where it
//! fails.

mod serve_support;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use serve_support::{Server, fixture, request, save_by_rename};
use tungstenite::{Message, WebSocket, stream::MaybeTlsStream};

/// The browser dossier itself would use (`DOSSIER_CHROMIUM`, else PATH).
fn chromium() -> Option<String> {
    dossier::print::chromium::find(None)
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    devtools: String,
}

impl Browser {
    fn start(binary: &str, url: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(line[at..].trim().to_string());
                    }
                }
            }
        });
        let ws = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium prints its DevTools address");
        // ws://127.0.0.1:PORT/devtools/browser/ID
        let devtools = ws
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        Browser {
            child,
            _profile: profile,
            devtools,
        }
    }

    /// The DevTools socket of the tab showing `url`.
    fn page(&self, url: &str) -> Page {
        let start = Instant::now();
        loop {
            let list = request(&self.devtools, "GET", "/json/list");
            let targets: Value = serde_json::from_slice(&list.body).unwrap_or(Value::Null);
            let found = targets.as_array().into_iter().flatten().find(|t| {
                t["type"] == "page" && t["url"].as_str().is_some_and(|u| u.starts_with(url))
            });
            if let Some(t) = found {
                let ws = t["webSocketDebuggerUrl"].as_str().unwrap();
                let (socket, _) = tungstenite::connect(ws).expect("DevTools socket");
                return Page { socket, next: 0 };
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no tab shows {url}: {targets}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Page {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next: u64,
}

impl Page {
    /// Evaluate `expression` in the page; `None` while the page is between
    /// documents.
    fn eval(&mut self, expression: &str) -> Option<Value> {
        self.next += 1;
        let id = self.next;
        let call = json!({
            "id": id,
            "method": "Runtime.evaluate",
            "params": {"expression": expression, "returnByValue": true},
        });
        self.socket
            .send(Message::text(call.to_string()))
            .expect("send to DevTools");
        loop {
            let message = self.socket.read().expect("read from DevTools");
            let Message::Text(text) = message else {
                continue;
            };
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            if v["id"].as_u64() != Some(id) {
                continue; // an event
            }
            if v.get("error").is_some() || v["result"].get("exceptionDetails").is_some() {
                return None;
            }
            return Some(v["result"]["result"]["value"].clone());
        }
    }

    fn wait_for(&mut self, expression: &str, want: impl Fn(&Value) -> bool, what: &str) -> Value {
        let start = Instant::now();
        loop {
            if let Some(v) = self.eval(expression)
                && want(&v)
            {
                return v;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the page never showed {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn an_edit_shows_in_the_browser_without_a_manual_reload() {
    let Some(binary) = chromium() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but chromium is not installed: apt-get install chromium");
        }
        eprintln!(
            "SKIPPED an_edit_shows_in_the_browser_without_a_manual_reload: no chromium on PATH (apt-get install chromium)"
        );
        return;
    };
    let dir = fixture();
    let server = Server::start(dir.path());
    let url = format!("{}articles/kerry-lavrov-meet-syria-agenda/", server.url);
    let browser = Browser::start(&binary, &url);
    let mut page = browser.page(&url);

    let title = "document.readyState === 'complete' && document.querySelector('h1') ? document.querySelector('h1').textContent : null";
    page.wait_for(
        title,
        |v| v.as_str() == Some("Kerry, Lavrov meet with Syria on agenda"),
        "the article",
    );
    // Wait for the live-reload connection, then mark this document: a
    // reload makes a new one without the mark.
    std::thread::sleep(Duration::from_millis(300));
    page.eval("window.__marked = true; true").unwrap();

    let path = dir.path().join("content/kerry-lavrov-meet-syria-agenda.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let saved = Instant::now();
    save_by_rename(
        &path,
        &text.replace(
            "Kerry, Lavrov meet with Syria on agenda",
            "Kerry and Lavrov put Syria first",
        ),
    );
    page.wait_for(
        title,
        |v| v.as_str() == Some("Kerry and Lavrov put Syria first"),
        "the edited title",
    );
    eprintln!(
        "the browser showed the edit {} ms after the save",
        saved.elapsed().as_millis()
    );
    assert_eq!(
        page.eval("window.__marked === true").unwrap(),
        Value::Bool(false),
        "the page was reloaded by the live-reload script"
    );

    // A broken save shows the overlay in the page; the fix removes it.
    save_by_rename(
        &path,
        &text.replacen("date: 2015-12-15", "date: not-a-date", 1),
    );
    let overlay = "document.getElementById('__dossier-overlay') ? document.getElementById('__dossier-overlay').textContent : null";
    let shown = page.wait_for(overlay, |v| v.is_string(), "the error overlay");
    assert!(
        shown
            .as_str()
            .unwrap()
            .contains("content/kerry-lavrov-meet-syria-agenda.md"),
        "{shown}"
    );
    save_by_rename(&path, &text);
    page.wait_for(
        title,
        |v| v.as_str() == Some("Kerry, Lavrov meet with Syria on agenda"),
        "the fixed article",
    );
    page.wait_for(overlay, Value::is_null, "no overlay after the fix");
}
