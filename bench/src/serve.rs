//! `dossier-bench serve`: edit-to-reload of `dossier serve` on a corpus, the
//! time from saving an article to the moment the server tells open pages to
//! reload, as the server reports it on each rebuild ("N ms after the save").
//!
//! Two kinds of edit to one article, each repeated: a body edit (a new
//! paragraph without quotations, names or topics: only the article's page
//! changes) and a quotation edit (a new paragraph with a new statement: its
//! quotation page, the article's digests and the indexes change too). The
//! article is restored afterwards, whatever happens.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::Serialize;

pub struct ServeOptions {
    pub corpus: PathBuf,
    pub dossier: PathBuf,
    /// Edits of each kind.
    pub edits: usize,
    /// Pause after each rebuild, so that edits do not pile up.
    pub pause: Duration,
}

#[derive(Debug, Serialize)]
pub struct EditKind {
    pub kind: &'static str,
    /// Milliseconds from the save to the reload message, one per edit.
    pub after_save_ms: Vec<f64>,
    /// Pages rendered again, one per edit.
    pub pages: Vec<u64>,
}

impl EditKind {
    pub fn median_ms(&self) -> Option<f64> {
        crate::runner::median(self.after_save_ms.clone())
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
    fn drop(&mut self) {
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
    wait_for(&lines, "Serving", Duration::from_secs(900))?;
    std::thread::sleep(opts.pause);

    let mut text = original;
    let mut results = Vec::new();
    for kind in ["body", "quotation"] {
        let mut result = EditKind {
            kind,
            after_save_ms: Vec::new(),
            pages: Vec::new(),
        };
        for i in 1..=opts.edits {
            text.push_str(&match kind {
                "body" => format!("\n\nThe session number {i} ended late in the evening.\n"),
                _ => format!(
                    "\n\n\"We will study proposal number {i} with great care before we answer,\" an official said.\n"
                ),
            });
            std::fs::write(&article, &text)?;
            let line = wait_for(&lines, "rebuilt ", Duration::from_secs(120))?;
            let (pages, ms) = parse_rebuilt(&line)
                .with_context(|| format!("unexpected line from dossier serve: {line}"))?;
            eprintln!("serve: {kind} edit {i}: {ms} ms after the save, {pages} page(s)");
            result.after_save_ms.push(ms);
            result.pages.push(pages);
            std::thread::sleep(opts.pause);
        }
        results.push(result);
    }
    drop(restore);
    Ok(results)
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
    let before = line.split(" ms after the save").next()?;
    let ms = before.rsplit(' ').next()?.parse().ok()?;
    Some((pages, ms))
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
        assert_eq!(parse_rebuilt("Serving x"), None);
    }
}
