//! `dossier serve` against hostile input (issue 14): requests addressed to
//! a foreign host name (DNS rebinding), static links that leave the site,
//! and folders written to without end, the server's own log among them.

#![cfg(unix)]

mod serve_support;
use serve_support::*;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// One request with the given `Host` header: the status and the body.
fn get_as(addr: &str, host: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

#[test]
fn only_requests_addressed_to_a_local_name_are_answered() {
    let dir = fixture();
    let server = Server::start(dir.path());
    let port = server.addr.rsplit(':').next().unwrap().to_string();
    for host in [
        format!("127.0.0.1:{port}"),
        "127.0.0.1".to_string(),
        format!("localhost:{port}"),
        "localhost".to_string(),
        format!("[::1]:{port}"),
    ] {
        let (status, _) = get_as(&server.addr, &host, "/");
        assert_eq!(status, 200, "Host: {host}");
    }
    for host in [
        format!("attacker.example:{port}"),
        "attacker.example".to_string(),
        format!("127.0.0.1.attacker.example:{port}"),
        format!("localhost.attacker.example:{port}"),
    ] {
        for path in ["/", "/index.html", "/atom.xml", "/__dossier/live.js"] {
            let (status, text) = get_as(&server.addr, &host, path);
            assert_eq!(status, 403, "Host: {host} {path}");
            assert!(
                text.contains("DNS rebinding") && text.contains(&server.url),
                "{text}"
            );
            assert!(!text.contains("<html"), "a page was served: {text}");
        }
    }
    // The live-reload stream as well: it tells what changed.
    let (status, _) = get_as(
        &server.addr,
        &format!("attacker.example:{port}"),
        "/__dossier/events",
    );
    assert_eq!(status, 403);
}

/// A server whose standard output and error go to `log` (a file), as a
/// user's `dossier serve > log 2>&1` does; its address once it is up.
fn serve_logging_to(root: &Path, log: &Path) -> (Stop, String) {
    let file = std::fs::File::create(log).unwrap();
    let child = Stop(
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("serve")
            .arg("--root")
            .arg(root)
            .args(["--port", "0"])
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(at) = text.find("http://") {
            let url = text[at..].split_whitespace().next().unwrap();
            let addr = url
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string();
            return (child, addr);
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server never said where it listens:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Stop(Child);

impl Drop for Stop {
    fn drop(&mut self) {
        stop(&mut self.0);
    }
}

fn rebuilds(log: &Path) -> usize {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("rebuilt ") || l.starts_with("rebuild failed"))
        .count()
}

/// Append a line to `file` every few milliseconds for `how_long`.
fn keep_writing(file: &Path, how_long: Duration) {
    let started = Instant::now();
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
        .unwrap();
    let mut i = 0;
    while started.elapsed() < how_long {
        writeln!(out, "line {i}").unwrap();
        i += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_linked_folder_receiving_the_servers_own_log_sets_off_no_rebuilds() {
    // The reported case: static/logs links to a folder where the server's
    // log goes; it rebuilt 30 times a second, forever.
    let dir = fixture();
    let logs = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("static")).unwrap();
    symlink(logs.path(), dir.path().join("static/logs")).unwrap();
    let log = logs.path().join("serve.log");
    let (_server, _addr) = serve_logging_to(dir.path(), &log);
    let before = std::fs::read_to_string(&log).unwrap();
    assert!(
        before.contains("--> static/logs") && before.contains("leads out of static/"),
        "{before}"
    );
    // Another program's log there too, written to without pause.
    keep_writing(&logs.path().join("other.log"), Duration::from_secs(3));
    std::thread::sleep(Duration::from_millis(500));
    let n = rebuilds(&log);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(n <= 1, "{n} rebuilds:\n{text}");
    assert!(
        text.len() < 20_000,
        "the log grew to {} bytes:\n{text}",
        text.len()
    );
}

#[test]
fn the_servers_own_log_inside_static_is_no_input() {
    let dir = fixture();
    let log = dir.path().join("static/serve.log");
    write(&log, "");
    let (_server, addr) = serve_logging_to(dir.path(), &log);
    // One real edit: one rebuild, whose report lands in static/.
    let article = article_path(dir.path(), "kerry-lavrov-meet-syria-agenda.md");
    let text = std::fs::read_to_string(&article).unwrap();
    save_by_rename(&article, &text.replace("Kerry", "Kerry (edited)"));
    let started = Instant::now();
    while rebuilds(&log) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the edit was not seen"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_secs(2));
    let n = rebuilds(&log);
    assert_eq!(
        n,
        1,
        "its own report set off more:\n{}",
        std::fs::read_to_string(&log).unwrap()
    );
    // Still serving, and the edit is there.
    let r = request(&addr, "GET", "/articles/kerry-lavrov-meet-syria-agenda/");
    assert!(r.text().contains("Kerry (edited)"));
}

#[test]
fn changes_that_never_stop_slow_rebuilds_down_instead_of_spinning() {
    let dir = fixture();
    let log_dir = tempfile::tempdir().unwrap();
    let log = log_dir.path().join("serve.log");
    let (_server, _addr) = serve_logging_to(dir.path(), &log);
    // A program rewriting a published file every 5 ms for 10 s: a real
    // input each time, 2,000 writes. After a few seconds at full speed,
    // rebuilds come at most about once a second.
    let data = dir.path().join("static/data.txt");
    write(&data, "");
    keep_writing(&data, Duration::from_secs(5));
    let at_5s = rebuilds(&log);
    keep_writing(&data, Duration::from_secs(5));
    let n = rebuilds(&log) - at_5s;
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(n <= 7, "{n} rebuilds in the last 5 s:\n{text}");
    assert!(text.contains("changes keep coming"), "{text}");
    // Once they stop, the next edit is rebuilt at once again.
    std::thread::sleep(Duration::from_millis(1500));
    let before = rebuilds(&log);
    let article = article_path(dir.path(), "kerry-lavrov-meet-syria-agenda.md");
    let body = std::fs::read_to_string(&article).unwrap();
    save_by_rename(&article, &body.replace("Kerry", "Kerry (again)"));
    let started = Instant::now();
    while rebuilds(&log) == before {
        assert!(started.elapsed() < Duration::from_secs(10), "not rebuilt");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn links_out_of_static_are_named_and_not_served() {
    let dir = fixture();
    let outside = tempfile::tempdir().unwrap();
    write(&outside.path().join("secret.txt"), "TOP SECRET\n");
    write(&dir.path().join("static/ok.txt"), "fine\n");
    write(
        &dir.path().join("content/draft.md"),
        "---\ntitle: Draft\ndate: 2016-02-21\ndraft: true\n---\nSECRET DRAFT TEXT\n",
    );
    let s = dir.path().join("static");
    symlink(outside.path().join("secret.txt"), s.join("passwd")).unwrap();
    symlink("../content", s.join("src")).unwrap();
    symlink(".", s.join("loop")).unwrap();
    symlink("ok.txt", s.join("same.txt")).unwrap();
    let log_dir = tempfile::tempdir().unwrap();
    let log = log_dir.path().join("serve.log");
    let (_server, addr) = serve_logging_to(dir.path(), &log);
    let text = std::fs::read_to_string(&log).unwrap();
    for link in ["static/passwd", "static/src"] {
        assert!(text.contains(&format!("--> {link}\n")), "{link}:\n{text}");
    }
    for path in ["/passwd", "/src/draft.md", "/src/", "/loop/ok.txt"] {
        let r = request(&addr, "GET", path);
        assert_eq!(r.status, 404, "{path}");
        let body = r.text();
        assert!(
            !body.contains("TOP SECRET") && !body.contains("SECRET DRAFT"),
            "{path}"
        );
    }
    assert_eq!(request(&addr, "GET", "/ok.txt").text(), "fine\n");
    assert_eq!(request(&addr, "GET", "/same.txt").text(), "fine\n");
}

#[test]
fn a_theme_linked_in_from_elsewhere_is_still_watched() {
    // Links are no longer followed under themes/, but a theme folder that
    // is itself a link is watched through it.
    let dir = fixture();
    let elsewhere = tempfile::tempdir().unwrap();
    write(&elsewhere.path().join("static/theme.css"), "one\n");
    std::fs::create_dir_all(dir.path().join("themes")).unwrap();
    symlink(elsewhere.path(), dir.path().join("themes/mine")).unwrap();
    let config = std::fs::read_to_string(dir.path().join("site.yaml")).unwrap();
    write(
        &dir.path().join("site.yaml"),
        &config.replace("theme: default", "theme: mine"),
    );
    let server = Server::start(dir.path());
    assert_eq!(server.get("/theme.css").text(), "one\n");
    save_by_rename(&elsewhere.path().join("static/theme.css"), "two\n");
    server.wait_for("/theme.css", "two");
}
