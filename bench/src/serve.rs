//! `dossier-bench serve`: edit-to-reload of `dossier serve` on a corpus, the
//! time from saving an article to the moment the server tells open pages to
//! reload, as the server reports it on each rebuild ("N ms after the save").
//!
//! Kinds of edit to one article (`Kind`), each repeated: a body edit (a new
//! paragraph without quotations, names or topics: only the article's page
//! changes), quotation edits (a new statement, anonymous or by an actor of
//! the registry, or one taken out: its quotation page, the article's digests
//! and the indexes change too) and front-matter edits (title, topics). The
//! article is restored afterwards, whatever happens.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde::Serialize;

pub struct ServeOptions {
    pub corpus: PathBuf,
    pub dossier: PathBuf,
    /// Edits of each kind.
    pub edits: usize,
    /// Pause after each rebuild, so that edits do not pile up.
    pub pause: Duration,
    /// The kinds of edit, in the order they are made.
    pub kinds: Vec<Kind>,
}

/// A kind of edit to the article, each made `edits` times in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A new paragraph with no quotation, name or topic.
    Body,
    /// A new paragraph with a statement attributed to "an official".
    Quotation,
    /// A new paragraph with a statement by an actor of the registry.
    Speaker,
    /// One of the `speaker` paragraphs taken out again, the last first
    /// (after `speaker`; otherwise an original quotation of the article).
    Unquote,
    /// The title in the front matter changed.
    Title,
    /// A topic added to the front matter, taken out at the next edit.
    Topic,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Body => "body",
            Kind::Quotation => "quotation",
            Kind::Speaker => "speaker",
            Kind::Unquote => "unquote",
            Kind::Title => "title",
            Kind::Topic => "topic",
        }
    }
}

/// The article's text as the edits leave it.
struct Edits {
    text: String,
    /// The paragraphs `speaker` added and `unquote` has not taken out.
    spoken: Vec<String>,
    /// A topic of the registry the article is not in.
    topic: String,
    /// The text before `topic` added it, until the next `topic` edit.
    before_topic: Option<String>,
}

impl Edits {
    fn apply(&mut self, kind: Kind, i: usize) -> Result<()> {
        match kind {
            Kind::Body => self.text.push_str(&format!(
                "\n\nThe session number {i} ended late in the evening.\n"
            )),
            Kind::Quotation => self.text.push_str(&format!(
                "\n\n\"We will study proposal number {i} with great care before we answer,\" an official said.\n"
            )),
            Kind::Speaker => {
                let paragraph = format!(
                    "\n\n\"Our delegation will table amendment number {i} at the next session,\" said Greta Garich.\n"
                );
                self.text.push_str(&paragraph);
                self.spoken.push(paragraph);
            }
            Kind::Unquote => match self.spoken.pop() {
                Some(paragraph) => self.text = self.text.replacen(&paragraph, "", 1),
                None => self.text = without_a_quotation(&self.text)?,
            },
            Kind::Title => {
                let line = self
                    .text
                    .lines()
                    .find(|l| l.starts_with("title:"))
                    .context("the article has no title line")?
                    .to_string();
                let title = format!("title: \"Edited headline number {i} on the talks\"");
                self.text = self.text.replacen(&line, &title, 1);
            }
            Kind::Topic => match self.before_topic.take() {
                Some(text) => self.text = text,
                None => {
                    let with = with_topic(&self.text, &self.topic)?;
                    self.before_topic = Some(std::mem::replace(&mut self.text, with));
                }
            },
        }
        Ok(())
    }
}

/// The text without its first paragraph that opens with a quotation mark.
fn without_a_quotation(text: &str) -> Result<String> {
    let start = ["\n\n“", "\n\n\""]
        .iter()
        .filter_map(|open| text.find(open))
        .min()
        .context("the article has no paragraph opening with a quotation")?;
    let end = text[start + 2..]
        .find("\n\n")
        .map_or(text.len(), |e| start + 2 + e);
    Ok(format!("{}{}", &text[..start], &text[end..]))
}

/// The text with `topic` first in its front matter's topics.
fn with_topic(text: &str, topic: &str) -> Result<String> {
    let end = text
        .match_indices("\n---")
        .map(|(i, _)| i)
        .find(|&i| i > 0)
        .context("the article has no front matter")?;
    let front = &text[..end];
    Ok(match front.find("\ntopics:\n") {
        Some(at) => {
            let at = at + "\ntopics:".len();
            format!("{}\n  - {topic}{}", &text[..at], &text[at..])
        }
        None => format!("{front}\ntopics:\n  - {topic}{}", &text[end..]),
    })
}

/// The first topic of `site.yaml`'s registry the article is not in: neither
/// listed in its front matter nor named in its text by the topic's title or
/// one of its keywords (those put an article in a topic too).
fn unused_topic(site_yaml: &Path, article: &str) -> Result<String> {
    let yaml = std::fs::read_to_string(site_yaml)
        .with_context(|| format!("reading {}", site_yaml.display()))?;
    let front = article.split("\n---").next().unwrap_or_default();
    let text = article.to_lowercase();
    let mut topics: Vec<(String, Vec<String>)> = Vec::new();
    for line in yaml
        .lines()
        .skip_while(|l| *l != "topics:")
        .skip(1)
        .take_while(|l| l.is_empty() || l.starts_with(' '))
    {
        if let Some(id) = line.strip_prefix("  ").and_then(|l| l.strip_suffix(':'))
            && !id.starts_with(' ')
        {
            topics.push((id.to_string(), Vec::new()));
        } else if let Some((_, words)) = topics.last_mut() {
            let line = line.trim();
            if let Some(title) = line.strip_prefix("title:") {
                words.push(title.trim().to_lowercase());
            } else if let Some(list) = line.strip_prefix("keywords:") {
                let list = list.trim().trim_start_matches('[').trim_end_matches(']');
                words.extend(list.split(',').map(|k| k.trim().to_lowercase()));
            }
        }
    }
    topics
        .into_iter()
        .find(|(id, words)| {
            !front.lines().any(|l| l.trim() == format!("- {id}"))
                && !words
                    .iter()
                    .any(|w| !w.is_empty() && text.contains(w.as_str()))
        })
        .map(|(id, _)| id)
        .context("no topic of the registry is left to add")
}

#[derive(Debug, Serialize)]
pub struct EditKind {
    pub kind: &'static str,
    /// Milliseconds from the save to the reload message, one per edit.
    pub after_save_ms: Vec<f64>,
    /// Pages rendered again before the reload, one per edit.
    pub pages: Vec<u64>,
    /// Milliseconds from the save until every page is up to date, one per
    /// edit: the same as `after_save_ms` unless the server renders the later
    /// pages of lists after the reload (`finished N more pages`).
    pub settled_ms: Vec<f64>,
}

impl EditKind {
    pub fn median_ms(&self) -> Option<f64> {
        crate::runner::median(self.after_save_ms.clone())
    }

    pub fn median_settled_ms(&self) -> Option<f64> {
        crate::runner::median(self.settled_ms.clone())
    }
}

/// Puts the article back as it was when dropped.
struct Restore {
    path: PathBuf,
    text: String,
}

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.path, &self.text);
    }
}

/// Stops the server when dropped.
struct Server(Child);

impl Drop for Server {
    /// As Ctrl-C does, so that the server removes its scratch folder (a
    /// killed one leaves it in the temporary folder: hundreds of megabytes
    /// at 10,000 articles); killed only if it does not stop in 5 s.
    fn drop(&mut self) {
        // SAFETY: signalling our own child by its pid.
        unsafe {
            libc::kill(self.0.id() as i32, libc::SIGINT);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run(opts: &ServeOptions) -> Result<Vec<EditKind>> {
    let article = pick_article(&opts.corpus.join("content"))?;
    let original = std::fs::read_to_string(&article)
        .with_context(|| format!("reading {}", article.display()))?;
    let restore = Restore {
        path: article.clone(),
        text: original.clone(),
    };
    eprintln!(
        "serve: {} on {}; editing {}",
        opts.dossier.display(),
        opts.corpus.display(),
        article.display()
    );
    let mut child = Command::new(&opts.dossier)
        .args(["serve", "--port", "0", "--root"])
        .arg(&opts.corpus)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", opts.dossier.display()))?;
    let stdout = child.stdout.take().context("no stdout")?;
    let _server = Server(child);
    let (tx, lines) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let serving = wait_for(&lines, "Serving", Duration::from_secs(900))?;
    // The article's page open in a browser, as it is while one edits it: the
    // server renders the pages shown before it tells them to reload.
    let _viewer = Viewer::open(&serving, &article)?;
    std::thread::sleep(opts.pause);

    let topic = unused_topic(&opts.corpus.join("site.yaml"), &original)?;
    let mut edits = Edits {
        text: original,
        spoken: Vec::new(),
        topic,
        before_topic: None,
    };
    let mut results = Vec::new();
    for &kind in &opts.kinds {
        let mut result = EditKind {
            kind: kind.name(),
            after_save_ms: Vec::new(),
            pages: Vec::new(),
            settled_ms: Vec::new(),
        };
        for i in 1..=opts.edits {
            edits.apply(kind, i)?;
            // What the server said since the last edit is no answer to this one.
            while lines.try_recv().is_ok() {}
            std::fs::write(&article, &edits.text)?;
            let (line, pages, ms) = loop {
                let line = wait_for(&lines, "rebuilt ", Duration::from_secs(120))?;
                let (pages, ms) = parse_rebuilt(&line)
                    .with_context(|| format!("unexpected line from dossier serve: {line}"))?;
                // Every edit changes the article's page: a rebuild of no page
                // answers a second event of the last save (the file system
                // may report one write twice), not this edit.
                if pages > 0 {
                    break (line, pages, ms);
                }
            };
            let settled = if line.contains(" to follow;") {
                let line = wait_for(&lines, "finished ", Duration::from_secs(120))?;
                parse_after_save(&line)
                    .with_context(|| format!("unexpected line from dossier serve: {line}"))?
            } else {
                ms
            };
            eprintln!(
                "serve: {} edit {i}: {ms} ms after the save, {pages} page(s); all pages {settled} ms after",
                kind.name()
            );
            result.after_save_ms.push(ms);
            result.pages.push(pages);
            result.settled_ms.push(settled);
            std::thread::sleep(opts.pause);
        }
        results.push(result);
    }
    drop(restore);
    Ok(results)
}

/// The live-reload stream of the edited article's page, open as a browser
/// showing the page keeps it (see the server's `live.js`); closed on drop.
struct Viewer(std::net::TcpStream);

impl Viewer {
    /// `serving` is the server's `Serving ... at http://HOST:PORT/ ...` line.
    fn open(serving: &str, article: &Path) -> Result<Viewer> {
        use std::io::{Read, Write};
        let host = serving
            .split_whitespace()
            .find_map(|word| word.strip_prefix("http://"))
            .map(|rest| rest.trim_end_matches('/'))
            .with_context(|| format!("no address in: {serving}"))?;
        let slug = article
            .file_stem()
            .and_then(|s| s.to_str())
            .context("an article file name that is not UTF-8")?;
        let mut stream =
            std::net::TcpStream::connect(host).with_context(|| format!("connecting to {host}"))?;
        write!(
            stream,
            "GET /__dossier/events?path=articles%2F{slug}%2Findex.html HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n"
        )?;
        let mut reader = stream.try_clone()?;
        // Read what the server sends, so that its writes never block.
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while matches!(reader.read(&mut buf), Ok(n) if n > 0) {}
        });
        Ok(Viewer(stream))
    }
}

impl Drop for Viewer {
    fn drop(&mut self) {
        let _ = self.0.shutdown(std::net::Shutdown::Both);
    }
}

/// A Markdown article from the middle of the corpus, the same every time.
fn pick_article(content: &Path) -> Result<PathBuf> {
    let mut files: Vec<PathBuf> = walk(content)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    match files.get(files.len() / 2) {
        Some(p) => Ok(p.clone()),
        None => bail!("no .md article under {}", content.display()),
    }
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

fn wait_for(lines: &mpsc::Receiver<String>, prefix: &str, limit: Duration) -> Result<String> {
    let deadline = std::time::Instant::now() + limit;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) if line.starts_with(prefix) => return Ok(line),
            // A rebuild's step times (`DOSSIER_SERVE_TIMINGS`), shown as they come.
            Ok(line) if line.starts_with("  ") => eprintln!("serve: {}", line.trim_start()),
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                bail!("dossier serve printed no `{prefix}` line within {limit:?}")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => bail!("dossier serve stopped"),
        }
    }
}

/// `rebuilt 3 pages in 12 ms (1 article read; 40 ms after the save)`.
fn parse_rebuilt(line: &str) -> Option<(u64, f64)> {
    let pages = line
        .strip_prefix("rebuilt ")?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    Some((pages, parse_after_save(line)?))
}

/// The `Y` of `... Y ms after the save)`.
fn parse_after_save(line: &str) -> Option<f64> {
    let (before, _) = line.split_once(" ms after the save")?;
    before.rsplit([' ', '(']).next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_rebuilt_line() {
        assert_eq!(
            parse_rebuilt("rebuilt 1 page in 2 ms (1 article read; 24 ms after the save)"),
            Some((1, 24.0))
        );
        assert_eq!(
            parse_rebuilt(
                "rebuilt 21725 pages in 6959 ms (1 article read, full rebuild; 7008 ms after the save)"
            ),
            Some((21725, 7008.0))
        );
        assert_eq!(
            parse_rebuilt(
                "rebuilt 14 pages in 60 ms (1 article read; 710 later pages to follow; 85 ms after the save)"
            ),
            Some((14, 85.0))
        );
        assert_eq!(
            parse_after_save("finished 710 more pages in 400 ms (490 ms after the save)"),
            Some(490.0)
        );
        assert_eq!(parse_rebuilt("Serving x"), None);
    }

    fn edits(text: &str) -> Edits {
        Edits {
            text: text.to_string(),
            spoken: Vec::new(),
            topic: "sanctions".to_string(),
            before_topic: None,
        }
    }

    #[test]
    fn a_topic_edit_adds_the_topic_then_restores_the_text() {
        let listed = "---\ntitle: \"T\"\ntopics:\n  - elections\n---\nBody.\n";
        let bare = "---\ntitle: \"T\"\n---\nBody.\n";
        for (text, added) in [
            (
                listed,
                "---\ntitle: \"T\"\ntopics:\n  - sanctions\n  - elections\n---\nBody.\n",
            ),
            (
                bare,
                "---\ntitle: \"T\"\ntopics:\n  - sanctions\n---\nBody.\n",
            ),
        ] {
            let mut e = edits(text);
            e.apply(Kind::Topic, 1).unwrap();
            assert_eq!(e.text, added);
            e.apply(Kind::Topic, 2).unwrap();
            assert_eq!(e.text, text);
        }
    }

    #[test]
    fn unquote_takes_out_the_last_speaker_paragraph_then_an_original_one() {
        let text = "---\ntitle: \"T\"\n---\nFirst.\n\n“Words here,” she said.\n\nLast.\n";
        let mut e = edits(text);
        e.apply(Kind::Speaker, 1).unwrap();
        e.apply(Kind::Speaker, 2).unwrap();
        assert!(e.text.contains("amendment number 2"));
        e.apply(Kind::Unquote, 1).unwrap();
        assert!(e.text.contains("amendment number 1") && !e.text.contains("number 2"));
        e.apply(Kind::Unquote, 2).unwrap();
        assert_eq!(e.text, text);
        e.apply(Kind::Unquote, 3).unwrap();
        assert_eq!(e.text, "---\ntitle: \"T\"\n---\nFirst.\n\nLast.\n");
    }

    #[test]
    fn a_title_edit_replaces_the_title_line() {
        let mut e = edits("---\ntitle: \"Old\"\n---\nBody.\n");
        e.apply(Kind::Title, 3).unwrap();
        assert_eq!(
            e.text,
            "---\ntitle: \"Edited headline number 3 on the talks\"\n---\nBody.\n"
        );
    }

    #[test]
    fn the_unused_topic_is_the_first_the_article_does_not_list() {
        let dir = tempfile::tempdir().unwrap();
        let yaml = dir.path().join("site.yaml");
        std::fs::write(
            &yaml,
            "title: x\ntopics:\n  elections:\n    title: Elections\n  sanctions:\n    title: Sanctions\n    keywords: [embargo, asset freezes]\n  migration:\n    title: Migration\nquotes:\n  min_words: 4\n",
        )
        .unwrap();
        let article = "---\ntopics:\n  - elections\n---\nBody.\n";
        assert_eq!(unused_topic(&yaml, article).unwrap(), "sanctions");
        let keyword = "---\ntopics:\n  - elections\n---\nAn embargo.\n";
        assert_eq!(unused_topic(&yaml, keyword).unwrap(), "migration");
        assert_eq!(
            unused_topic(&yaml, "---\n---\nBody.\n").unwrap(),
            "elections"
        );
    }
}
