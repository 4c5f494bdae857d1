//! Helpers of the `serve` tests: a fixture site, the server as a child
//! process, and a plain HTTP/1.1 client that sends paths exactly as given
//! (ordinary clients normalise `..` away before a server sees it).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// The repository's example site (site.yaml and its five articles) copied
/// into a temporary folder, with the digests paged by 2 so that pagination
/// moves when articles come and go.
pub fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(repo.join("site.yaml")).unwrap();
    std::fs::write(dir.path().join("site.yaml"), paged(&config)).unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    for entry in std::fs::read_dir(repo.join("content")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("content").join(entry.file_name()),
        )
        .unwrap();
    }
    dir
}

/// `site.yaml` with `digest.page_size: 2`, whether or not it has a `digest:`.
fn paged(config: &str) -> String {
    let mut out: String = config
        .split_inclusive('\n')
        .filter(|l| !l.trim_start().starts_with("page_size:"))
        .collect();
    match out.find("\ndigest:\n") {
        Some(at) => out.insert_str(at + "\ndigest:\n".len(), "  page_size: 2\n"),
        None => out.push_str("\ndigest:\n  page_size: 2\n"),
    }
    out
}

pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// Write as editors do: a temporary file beside it, renamed over it.
pub fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_file_name(format!(
        ".{}.swp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

pub struct Server {
    pub child: Child,
    pub url: String,
    pub addr: String,
    stdout: Option<BufReader<ChildStdout>>,
}

impl Server {
    pub fn start(root: &Path) -> Server {
        Self::start_with(root, &[])
    }

    pub fn start_with(root: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("serve")
            .arg("--root")
            .arg(root)
            .args(["--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let url = loop {
            line.clear();
            if stdout.read_line(&mut line).unwrap() == 0 {
                panic!("the server stopped before printing its address");
            }
            if let Some(at) = line.find("http://") {
                break line[at..].split_whitespace().next().unwrap().to_string();
            }
        };
        let addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        // Keep reading stdout, so the server never blocks on a full pipe.
        let mut rest = stdout;
        std::thread::spawn(move || {
            let mut line = String::new();
            while rest.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                eprint!("[serve] {line}");
                line.clear();
            }
        });
        Server {
            child,
            url,
            addr,
            stdout: None,
        }
    }

    pub fn get(&self, path: &str) -> Response {
        request(&self.addr, "GET", path)
    }

    pub fn events(&self) -> Events {
        Events::open(&self.addr)
    }

    /// Wait until `path` answers with a body holding `needle`.
    pub fn wait_for(&self, path: &str, needle: &str) -> Response {
        let start = Instant::now();
        loop {
            let r = self.get(path);
            if r.text().contains(needle) {
                return r;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("{path} never showed {needle:?}; last answer:\n{}", r.text());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}

/// Stop a server as Ctrl-C does, so that it removes its scratch folder
/// (`/tmp/dossier-serve-*`), and kill it only if it does not stop.
pub fn stop(child: &mut std::process::Child) {
    // SAFETY: signalling our own child by its pid.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One request, the path sent byte for byte as given.
pub fn request(addr: &str, method: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    // Read the head, then as much body as it announces (some servers keep
    // the connection open whatever the request says).
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    let split = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "the connection closed before a complete response head"
        );
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let find = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let length: Option<usize> = find("content-length").and_then(|v| v.parse().ok());
    let chunked = find("transfer-encoding").is_some_and(|v| v.contains("chunked"));
    if method == "HEAD" || status == 304 || status == 204 {
        body.clear();
    } else if let Some(length) = length {
        while body.len() < length {
            let n = stream.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buf[..n]);
        }
        body.truncate(length);
    } else if chunked {
        while !body.ends_with(b"0\r\n\r\n") {
            let n = stream.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buf[..n]);
        }
        body = dechunk(&body);
    } else {
        stream.read_to_end(&mut body).unwrap();
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&data[..end])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

/// A server-sent events stream.
pub struct Events {
    reader: BufReader<TcpStream>,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub event: String,
    pub data: serde_json::Value,
}

impl Events {
    fn open(addr: &str) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(
            stream,
            "GET /__dossier/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut reader = BufReader::new(stream);
        // The response head.
        let mut line = String::new();
        loop {
            line.clear();
            read_line(&mut reader, &mut line, Duration::from_secs(10));
            if line == "\r\n" || line.is_empty() {
                break;
            }
        }
        Events { reader }
    }

    /// The next event of the given kind, within `timeout`.
    pub fn next(&mut self, kind: &str, timeout: Duration) -> Option<Message> {
        let deadline = Instant::now() + timeout;
        let mut event = String::new();
        let mut data = String::new();
        let mut line = String::new();
        while Instant::now() < deadline {
            line.clear();
            if !read_line(&mut self.reader, &mut line, deadline - Instant::now()) {
                continue;
            }
            let l = line.trim_end_matches(['\r', '\n']);
            // Chunk sizes of the chunked encoding come on lines of their own.
            if let Some(v) = l.strip_prefix("event:") {
                event = v.trim().to_string();
            } else if let Some(v) = l.strip_prefix("data:") {
                data.push_str(v.trim());
            } else if l.is_empty() && !data.is_empty() {
                if event == kind {
                    return Some(Message {
                        event: event.clone(),
                        data: serde_json::from_str(&data).unwrap(),
                    });
                }
                event.clear();
                data.clear();
            }
        }
        None
    }
}

/// Read one line, giving up after `timeout`; whether a line was read.
fn read_line(reader: &mut BufReader<TcpStream>, line: &mut String, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        match reader.read_line(line) {
            Ok(0) => return false,
            Ok(_) if line.ends_with('\n') => return true,
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => panic!("reading events: {e}"),
        }
        if Instant::now() >= deadline {
            return false;
        }
    }
}

/// The text of the built-in theme's template `name`.
pub fn builtin_template(name: &str) -> String {
    dossier::render::Theme::embedded()
        .templates
        .into_iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("the built-in theme has {name}"))
        .text
}

/// Override the theme's article template in the site at `root` with one
/// that says it was edited.
pub fn edit_article_template(root: &Path) {
    let article_tpl = builtin_template("article.html");
    write(
        &root.join("templates/article.html"),
        &article_tpl.replace(
            "{% block content %}",
            "{% block content %}<p class=\"edited\">Edited template</p>",
        ),
    );
}

/// Files by path, as [`tree`] gives them.
pub type Tree = std::collections::BTreeMap<String, Vec<u8>>;

/// Two outputs hold the same files with the same bytes; `step` and the
/// outputs' names say which in a failure. `built` is the full build's.
#[track_caller]
pub fn assert_same_files(step: &str, name: &str, output: &Tree, built: &Tree) {
    let only_output: Vec<_> = output.keys().filter(|k| !built.contains_key(*k)).collect();
    let only_built: Vec<_> = built.keys().filter(|k| !output.contains_key(*k)).collect();
    assert!(
        only_output.is_empty() && only_built.is_empty(),
        "{step}: files only in the {name}: {only_output:?}; only in the full build: {only_built:?}"
    );
    let differ: Vec<_> = built
        .iter()
        .filter(|(k, v)| output[*k] != **v)
        .map(|(k, _)| k.as_str())
        .collect();
    assert!(
        differ.is_empty(),
        "{step}: {} files of the {name} differ from a full build: {differ:?}",
        differ.len()
    );
}

/// Every file under `dir`, by path relative to it.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn article_path(root: &Path, name: &str) -> PathBuf {
    root.join("content").join(name)
}
