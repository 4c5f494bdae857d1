//! Content: finding article files under `content/`, reading them safely, and
//! parsing their metadata and bodies.
//!
//! An article is either `NAME.md` with `---` YAML front matter, or `NAME.txt`
//! (first line the title) with its metadata in `NAME.yaml` beside it.

pub mod frontmatter;
pub mod highlight;
pub mod html;
pub mod markdown;
pub mod marks;
pub mod plain;
pub mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::limits;
pub use frontmatter::{Listed, Meta};
pub use marks::QuoteSpan;

/// An article's body as rendered: its HTML, clean of any marker, and where
/// each quotation stands in it (in the order the spans open).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Body {
    pub html: Arc<str>,
    pub spans: Arc<[QuoteSpan]>,
}

impl Body {
    /// The body out of HTML with the markers of `marks` still in it.
    fn from_marked(html: String) -> Body {
        let (html, spans) = marks::take_spans(html);
        Body {
            html: html.into(),
            spans: spans.into(),
        }
    }
}

pub const CONTENT_DIR: &str = "content";

/// Articles larger than this are almost certainly not articles (a pasted
/// database dump, a log); refusing them keeps one mistake from eating memory.
pub const MAX_ARTICLE_BYTES: u64 = limits::MAX_INPUT_BYTES;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    Markdown,
    /// Plain text with its metadata in the `.yaml` file at `meta`.
    Plain {
        meta: PathBuf,
    },
}

/// One article file found under `content/`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// As the user knows it: relative to the site root, e.g. `content/a.md`.
    pub path: PathBuf,
    pub format: Format,
}

/// The article files of a site, in a stable order, and every problem met on
/// the way (unknown files, `.txt` without metadata, symlink loops).
pub fn discover(root: &Path) -> (Vec<SourceFile>, Diagnostics) {
    let mut files = Vec::new();
    let mut problems = Diagnostics::new();
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        problems.push(
            Diagnostic::warning("there is no content/ folder: the site has no articles")
                .in_file(&content)
                .help("put articles in content/ as NAME.md, or NAME.txt with NAME.yaml beside it"),
        );
        return (files, problems);
    }
    // follow_links makes walkdir detect loops (it reports them as errors)
    // instead of walking a cycle forever.
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")));
    let mut metas = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| content.clone());
                let message = if err.loop_ancestor().is_some() {
                    "symbolic link loop: this folder links back to one of its parents".to_string()
                } else {
                    format!("cannot read: {err}")
                };
                problems.push(
                    Diagnostic::warning(message).in_file(path).help(
                        "remove the link or point it elsewhere; the rest of the site is built",
                    ),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = relative(root, path);
        match path.extension().and_then(|e| e.to_str()) {
            Some("md" | "markdown") => files.push(SourceFile {
                path: rel,
                format: Format::Markdown,
            }),
            Some("txt") => match meta_beside(path) {
                Some(meta) => files.push(SourceFile {
                    path: rel,
                    format: Format::Plain {
                        meta: relative(root, &meta),
                    },
                }),
                None => problems.push(
                    Diagnostic::error("a .txt article needs its metadata in a .yaml file beside it")
                        .in_file(&rel)
                        .help(format!(
                            "create {} with at least `date: YYYY-MM-DD` and `source: OUTLET`",
                            rel.with_extension("yaml").display()
                        )),
                ),
            },
            Some("yaml" | "yml") => metas.push(rel),
            _ => problems.push(
                Diagnostic::error("not an article: content/ holds .md files, and .txt files with a .yaml beside them")
                    .in_file(&rel)
                    .help("move images and other files to static/, which is copied to the output as it is"),
            ),
        }
    }
    let articles: std::collections::HashSet<&Path> =
        files.iter().map(|f| f.path.as_path()).collect();
    for meta in &metas {
        let stem = meta.with_extension("txt");
        if !articles.contains(stem.as_path()) {
            problems.push(
                Diagnostic::warning(
                    "metadata without an article: no .txt of the same name beside it",
                )
                .in_file(meta)
                .help(format!("add {} or remove this file", stem.display())),
            );
        }
    }
    (files, problems)
}

/// Hidden files and the droppings of editors (`foo.md~`, `.foo.md.swp`,
/// `#foo.md#`, `foo.md.tmp`) are never content: an editor may be mid-save.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with(".crdownload")
}

fn meta_beside(txt: &Path) -> Option<PathBuf> {
    ["yaml", "yml"]
        .iter()
        .map(|ext| txt.with_extension(ext))
        .find(|p| p.is_file())
}

pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The text of a file, or a diagnostic that says why it is not usable text.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    read_bytes(root, rel).and_then(|bytes| text_of(rel, bytes))
}

/// The bytes of a file (at most [`MAX_ARTICLE_BYTES`]), or a diagnostic that
/// says why they could not be read.
fn read_bytes(root: &Path, rel: &Path) -> Result<Vec<u8>, Diagnostic> {
    limits::read_file(&root.join(rel)).map_err(|e| match e {
        limits::ReadError::TooLarge { .. } => e
            .diagnostic(rel, "an article")
            .help("split it into articles, or move it to static/ if it is an attachment"),
        limits::ReadError::Io(_) => e.diagnostic(rel, "an article"),
    })
}

/// The bytes of the file `rel` as text, or a diagnostic that says why they
/// are not usable text.
fn text_of(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.contains(&0) {
        return Err(Diagnostic::error("binary file: articles are text")
            .in_file(rel)
            .help("save the article as UTF-8 text; put binary files in static/"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Diagnostic::error("not UTF-8 text: the byte here is not valid UTF-8")
            .in_file(rel)
            .at(line, column)
            .help("save the file as UTF-8 (most editors offer it under \"Save with encoding\"; `iconv -f latin1 -t utf-8` converts Latin-1)")
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error("empty file")
            .in_file(rel)
            .help("write the article, or delete the file"));
    }
    Ok(text)
}

/// The body of an article, ready for extraction and then rendering.
pub enum Document<'a> {
    Markdown(markdown::Document<'a>),
    Plain(plain::Document),
}

impl Document<'_> {
    /// The paragraphs as plain text: what extraction reads.
    pub fn paragraphs(&self) -> &[String] {
        match self {
            Document::Markdown(d) => d.paragraphs(),
            Document::Plain(d) => d.paragraphs(),
        }
    }

    /// The paragraphs as extraction reads them: prose only (see
    /// [`markdown::Document::prose`]).
    pub fn prose(&self) -> std::borrow::Cow<'_, [String]> {
        match self {
            Document::Markdown(d) => d.prose(),
            Document::Plain(d) => std::borrow::Cow::Borrowed(d.paragraphs()),
        }
    }

    /// HTML, and where the given quotations stand in it (see [`markdown::Mark`]).
    pub fn render(self, marks: &[markdown::Mark]) -> Body {
        match self {
            Document::Markdown(d) => d.render(marks),
            Document::Plain(d) => d.render(marks),
        }
    }
}

/// An article file read and split into metadata and body, not yet parsed.
pub struct Loaded {
    pub file: SourceFile,
    pub meta: Meta,
    pub body: String,
    /// For `.txt`: the title line, which the metadata may override.
    pub title_line: Option<String>,
    /// The line of the file on which the body starts.
    pub body_line: usize,
}

impl Loaded {
    pub fn document(&self) -> Document<'_> {
        match self.file.format {
            Format::Markdown => Document::Markdown(markdown::Document::parse(&self.body)),
            Format::Plain { .. } => Document::Plain(plain::Document::parse(&self.body)),
        }
    }

    /// What in the body of `document` (made by [`Loaded::document`]) would
    /// not render as written, at its line and column in the file.
    pub fn body_problems(&self, document: &Document) -> Vec<Diagnostic> {
        let Document::Markdown(doc) = document else {
            return Vec::new();
        };
        doc.problems()
            .iter()
            .map(|problem| {
                let (d, offset) = match *problem {
                    markdown::BodyProblem::Unclosed { offset, closer } => (
                        Diagnostic::error(format!(
                            "this HTML {} is never closed: everything after it would be hidden",
                            if closer == "-->" { "comment" } else { "element" }
                        ))
                        .help(format!(
                            "close it with `{closer}`, or write `&lt;` for its `<` to show it as text"
                        )),
                        offset,
                    ),
                    markdown::BodyProblem::TooDeep { offset } => (
                        Diagnostic::error(format!(
                            "raw HTML nests more than {} elements deep here",
                            markdown::MAX_RAW_HTML_DEPTH
                        ))
                        .help("close the elements the HTML opens (`<div>` needs `</div>`), or write the text in Markdown"),
                        offset,
                    ),
                };
                let (line, column) = line_and_column(&self.body, offset);
                d.in_file(&self.file.path)
                    .at(self.body_line + line - 1, column)
            })
            .collect()
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The line of `text` on which `suffix`, a tail of it, starts.
fn line_of_tail(text: &str, suffix: &str) -> usize {
    text[..text.len() - suffix.len()].matches('\n').count() + 1
}

/// `body` with the characters dossier reserves (see
/// [`markdown::is_reserved_char`]) replaced by U+FFFD: they may not come
/// from the author.
fn without_reserved(body: &str) -> String {
    if markdown::may_hold_reserved(body) {
        body.replace(markdown::is_reserved_char, "\u{FFFD}")
    } else {
        body.to_string()
    }
}

/// The bytes of one article's files as read, before anything in them is
/// checked: what [`load_read`] makes an article of, and what the build cache
/// hashes without reading the files a second time.
pub struct Read {
    /// The article file's bytes, or why they could not be read.
    text: Result<Vec<u8>, Diagnostic>,
    /// For a `.txt`, its metadata file's path and bytes.
    meta: Option<(PathBuf, Result<Vec<u8>, Diagnostic>)>,
}

impl Read {
    /// Each file of the article (the article first) with its bytes, when
    /// every one of them could be read.
    pub fn files<'a>(&'a self, file: &'a SourceFile) -> Option<Vec<(&'a Path, &'a [u8])>> {
        let mut files = vec![(file.path.as_path(), self.text.as_deref().ok()?)];
        if let Some((path, bytes)) = &self.meta {
            files.push((path.as_path(), bytes.as_deref().ok()?));
        }
        Some(files)
    }
}

/// Read the bytes of one article file (and of its `.yaml`).
pub fn read(root: &Path, file: &SourceFile) -> Read {
    Read {
        text: read_bytes(root, &file.path),
        meta: match &file.format {
            Format::Markdown => None,
            Format::Plain { meta } => Some((meta.clone(), read_bytes(root, meta))),
        },
    }
}

/// Read one article file (and its `.yaml`), checking everything a user can get
/// wrong in it. All problems of the file are returned, not only the first.
pub fn load(
    root: &Path,
    file: &SourceFile,
    timezone: chrono_tz::Tz,
) -> Result<Loaded, Diagnostics> {
    load_read(file, read(root, file), timezone)
}

/// [`load`] of the bytes [`read`] gave.
pub fn load_read(
    file: &SourceFile,
    read: Read,
    timezone: chrono_tz::Tz,
) -> Result<Loaded, Diagnostics> {
    let Read { text, meta } = read;
    // `read` read a `.txt`'s metadata file, and only a `.txt`'s.
    match meta {
        None => {
            let text = text.and_then(|bytes| text_of(&file.path, bytes))?;
            let (yaml, body, yaml_line) =
                frontmatter::split(&text).map_err(|d| vec![d.in_file(&file.path)])?;
            let meta = Meta::parse(&file.path, yaml, yaml_line, timezone)?;
            Ok(Loaded {
                file: file.clone(),
                meta,
                body: without_reserved(body),
                title_line: None,
                body_line: line_of_tail(&text, body),
            })
        }
        Some((meta_path, yaml)) => {
            let text = text.and_then(|bytes| text_of(&file.path, bytes));
            let yaml = yaml.and_then(|bytes| text_of(&meta_path, bytes));
            let (text, yaml) = match (text, yaml) {
                (Ok(t), Ok(y)) => (t, y),
                (t, y) => return Err(t.err().into_iter().chain(y.err()).collect()),
            };
            let meta = Meta::parse(&meta_path, &yaml, 1, timezone)?;
            let (title, body) = plain::split_title(&text);
            Ok(Loaded {
                file: file.clone(),
                meta,
                body: without_reserved(body),
                title_line: Some(title.to_string()),
                body_line: line_of_tail(&text, body),
            })
        }
    }
}
