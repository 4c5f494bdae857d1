//! `dossier import`: articles from pasted text, saved web pages, URLs and RSS/Atom feeds to
//! content files. The heuristics (headline, date, outlet, dateline, page furniture, a
//! page's metadata and article text, a feed's items) are the `dossier-import` crate; this
//! module reads and fetches the inputs, gives the heuristics the site's registry and the
//! dates of its articles, leaves out what `content/` already has, and writes (never
//! overwrites) the files.

mod fetch;
mod known;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier_import::feed::{self, FeedItem};
use dossier_import::html::{self, PageMeta};
use dossier_import::{ImportOptions, Imported, import_all, write_new};

use crate::config::Config;
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Extractor;
use crate::limits;

use fetch::Fetcher;
pub use fetch::is_url;
use known::Known;

pub struct ImportRequest {
    pub root: PathBuf,
    /// Files, web addresses or `-` (standard input) to import.
    pub files: Vec<PathBuf>,
    pub source: Option<String>,
    pub date: Option<chrono::NaiveDate>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Where to write, relative to the root (default `content`).
    pub into: Option<PathBuf>,
    pub dry_run: bool,
    /// Feed items published before this day are left out.
    pub since: Option<chrono::NaiveDate>,
    /// At most this many items of each feed.
    pub limit: Option<usize>,
    /// The time limit of each web request.
    pub timeout: Duration,
}

/// One article's result: the file written (or that would be), one already in the site, or
/// a problem.
pub struct Outcome {
    /// The input as the user named it (a feed's item: the feed and the item's address).
    pub input: String,
    pub result: Result<Done, Diagnostic>,
}

pub enum Done {
    Written(Box<Written>),
    /// The site has this article already.
    Skipped(Skipped),
}

pub struct Written {
    pub path: PathBuf,
    pub markdown: String,
    pub imported: Imported,
    /// Set when the natural name was taken and another was chosen.
    pub renamed_from: Option<PathBuf>,
}

pub struct Skipped {
    pub title: String,
    /// The article file that has it, relative to the site root.
    pub existing: PathBuf,
    /// What they share: "the same address", "the same title, source and date".
    pub why: &'static str,
}

/// What an input is, once read.
enum Input {
    /// Pasted text: imported together, so one text's date helps date the others.
    Text(Vec<u8>),
    /// A web page, with the address it came from.
    Page {
        bytes: Vec<u8>,
        url: Option<String>,
    },
    Feed {
        bytes: Vec<u8>,
        url: Option<String>,
    },
}

pub fn import(req: &ImportRequest) -> Result<Vec<Outcome>, Diagnostics> {
    // A registry is welcome but not required: import works on loose files.
    let config = match Config::load(&req.root) {
        Ok(config) => Some(config),
        Err(problems) if req.root.join(crate::config::CONFIG_FILE).exists() => {
            return Err(problems);
        }
        Err(_) => None,
    };
    let mut opts = ImportOptions::new(chrono::Local::now().date_naive());
    opts.source = req.source.clone();
    opts.date = req.date;
    opts.url = req.url.clone();
    opts.title = req.title.clone();
    let timezone = config.as_ref().map_or(chrono_tz::UTC, |c| c.timezone);
    let articles = site_articles(&req.root, timezone);
    if let Some(config) = &config {
        opts.extra_furniture = config.site.import.furniture.clone();
        opts.context_dates = articles.iter().map(|a| a.meta.date.date_naive()).collect();
    }
    let mut run = Run {
        req,
        opts,
        config: config.as_ref(),
        extractor: config.as_ref().map(|c| Extractor::new(&c.site)),
        fetcher: Fetcher::new(req.timeout),
        known: Known::of(&articles),
        into: req.root.join(
            req.into
                .clone()
                .unwrap_or_else(|| PathBuf::from(content::CONTENT_DIR)),
        ),
        outcomes: Vec::new(),
    };

    let inputs: Vec<(String, Result<Input, Diagnostic>)> = req
        .files
        .iter()
        .map(|file| {
            let name = file.display().to_string();
            let input = run.read(file);
            (name, input)
        })
        .collect();
    let texts: Vec<&[u8]> = inputs
        .iter()
        .filter_map(|(_, i)| match i {
            Ok(Input::Text(bytes)) => Some(bytes.as_slice()),
            _ => None,
        })
        .collect();
    let mut text_results = import_all(&texts, &run.opts).into_iter();
    for (name, input) in inputs {
        match input {
            Err(d) => run.outcomes.push(Outcome {
                input: name,
                result: Err(d),
            }),
            Ok(Input::Text(_)) => {
                let result = text_results
                    .next()
                    .expect("one result per text input")
                    .map_err(|e| {
                        Diagnostic::error(e.to_string()).in_file(&name).help(
                            "check that this is the text of a news article: headline first, then paragraphs",
                        )
                    });
                run.finish(name, result);
            }
            Ok(Input::Page { bytes, url }) => {
                let result = run.page(&name, &bytes, url.as_deref(), &PageMeta::default());
                run.finish(name, result);
            }
            Ok(Input::Feed { bytes, url }) => run.feed(&name, &bytes, url.as_deref()),
        }
    }
    Ok(run.outcomes)
}

struct Run<'a> {
    req: &'a ImportRequest,
    opts: ImportOptions,
    config: Option<&'a Config>,
    extractor: Option<Extractor>,
    fetcher: Fetcher,
    known: Known,
    into: PathBuf,
    outcomes: Vec<Outcome>,
}

impl Run<'_> {
    /// Read (or fetch) one input and tell what it is.
    fn read(&self, file: &Path) -> Result<Input, Diagnostic> {
        let name = file.display().to_string();
        if is_url(&name) {
            let fetched = self
                .fetcher
                .get(&name)
                .map_err(|why| fetch_failed(&name, &why))?;
            return Ok(kind_of(fetched.bytes, Some(fetched.url), false));
        }
        // Capped, whatever the input is: `/dev/zero` or an endless pipe would otherwise
        // fill the memory.
        let bytes = if name == "-" {
            limits::read_capped(std::io::stdin().lock())
                .map_err(|e| e.diagnostic(Path::new("(standard input)"), "an article to import"))?
        } else {
            limits::read_file(file).map_err(|e| e.diagnostic(file, "an article to import"))?
        };
        let html_name = matches!(
            file.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("html" | "htm" | "xhtml")
        );
        Ok(kind_of(bytes, None, html_name))
    }

    /// A web page (saved or fetched) to an article; `known` fills what the page omits.
    fn page(
        &self,
        name: &str,
        bytes: &[u8],
        url: Option<&str>,
        known: &PageMeta,
    ) -> Result<Imported, Diagnostic> {
        let text = html::decode_page(bytes);
        html::import_html(&text, url, known, &self.opts).map_err(|e| {
            Diagnostic::error(e.to_string())
                .in_file(name)
                .help("import the article's own page (not a home page or an index), or copy its text into a .txt file")
        })
    }

    /// Every item of a feed (after --since and --limit): its text when the feed has the
    /// whole article, else its page, fetched.
    fn feed(&mut self, name: &str, bytes: &[u8], url: Option<&str>) {
        let parsed = match feed::parse_feed(bytes, url) {
            Ok(parsed) => parsed,
            Err(why) => {
                self.outcomes.push(Outcome {
                    input: name.to_string(),
                    result: Err(Diagnostic::error(why)
                        .in_file(name)
                        .help("check that the address or file is the feed itself (RSS or Atom)")),
                });
                return;
            }
        };
        for item in feed::select_items(parsed.items, self.req.since, self.req.limit) {
            let label = format!(
                "{name}: {}",
                item.meta
                    .url
                    .clone()
                    .or_else(|| item.meta.title.clone())
                    .unwrap_or_else(|| "an item".to_string())
            );
            if let Some(existing) = item.meta.url.as_deref().and_then(|u| self.known.by_url(u)) {
                // Known already: no need to fetch its page.
                let skipped = Skipped {
                    title: item.meta.title.clone().unwrap_or_default(),
                    existing: existing.to_path_buf(),
                    why: "the same address",
                };
                self.outcomes.push(Outcome {
                    input: label,
                    result: Ok(Done::Skipped(skipped)),
                });
                continue;
            }
            let result = self.item(&label, &item);
            self.finish(label, result);
        }
    }

    fn item(&self, label: &str, item: &FeedItem) -> Result<Imported, Diagnostic> {
        if item.full_text || item.meta.url.is_none() {
            return html::import_blocks(&item.meta, &item.blocks, &self.opts).map_err(|e| {
                Diagnostic::error(e.to_string())
                    .in_file(label)
                    .help("this feed item holds too little text and no link to its page")
            });
        }
        let url = item.meta.url.as_deref().unwrap_or_default();
        let fetched = self
            .fetcher
            .get(url)
            .map_err(|why| fetch_failed(url, &why).in_file(label))?;
        self.page(label, &fetched.bytes, Some(&fetched.url), &item.meta)
    }

    /// The article's actors and topics, the duplicate check, and the file.
    fn finish(&mut self, input: String, result: Result<Imported, Diagnostic>) {
        let result = result.and_then(|imported| {
            if let Some(skipped) = self.known.find(&imported) {
                return Ok(Done::Skipped(skipped));
            }
            let (actors, topics) = self.detect(&imported);
            let markdown = imported.to_markdown(&actors, &topics);
            let stem = dossier_import::slugify(&imported.title);
            let written = write(&self.into, &stem, markdown, imported, self.req.dry_run)
                .map_err(|e| {
                    Diagnostic::error(format!("cannot write: {e}"))
                        .in_file(&self.into)
                        .help("check that the folder exists and is writable, or choose another with --into")
                })?;
            let shown = written
                .path
                .strip_prefix(&self.req.root)
                .unwrap_or(&written.path)
                .to_path_buf();
            self.known.add(&written.imported, shown);
            Ok(Done::Written(Box::new(written)))
        });
        self.outcomes.push(Outcome { input, result });
    }

    fn detect(&self, imported: &Imported) -> (Vec<String>, Vec<String>) {
        let (Some(x), Some(c)) = (&self.extractor, self.config) else {
            return (Vec::new(), Vec::new());
        };
        let (findings, _) = x.analyse_in(imported.language.as_deref(), None, &imported.paragraphs);
        let actor_ids: Vec<&String> = c.site.actors.keys().collect();
        let topic_ids: Vec<&String> = c.site.topics.keys().collect();
        (
            findings
                .actors
                .iter()
                .map(|&i| actor_ids[i].clone())
                .collect(),
            findings
                .topics
                .iter()
                .map(|&i| topic_ids[i].clone())
                .collect(),
        )
    }
}

/// A feed, a web page or text, by the bytes (and a file name ending in `.html`).
fn kind_of(bytes: Vec<u8>, url: Option<String>, html_name: bool) -> Input {
    if feed::looks_like_feed(&bytes) {
        Input::Feed { bytes, url }
    } else if html_name || url.is_some() || looks_like_html(&bytes) {
        Input::Page { bytes, url }
    } else {
        Input::Text(bytes)
    }
}

/// A document that opens with an HTML doctype or `<html>` (after white space and a BOM).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn fetch_failed(url: &str, why: &str) -> Diagnostic {
    Diagnostic::error(format!("cannot fetch {url}: {why}"))
        .help("check the address in a browser; save the page and import the file if the site refuses programs")
}

fn write(
    into: &Path,
    stem: &str,
    markdown: String,
    imported: Imported,
    dry_run: bool,
) -> std::io::Result<Written> {
    let natural = into.join(format!("{stem}.md"));
    let path = if dry_run {
        dossier_import::free_content_name(into, stem)
    } else {
        std::fs::create_dir_all(into)?;
        write_new(into, stem, &markdown)?
    };
    Ok(Written {
        renamed_from: (path != natural).then_some(natural),
        path,
        markdown,
        imported,
    })
}

/// The site's articles as they load (those that do not are the build's to report).
fn site_articles(root: &Path, timezone: chrono_tz::Tz) -> Vec<content::Loaded> {
    let (files, _) = content::discover(root);
    files
        .iter()
        .filter_map(|f| content::load(root, f, timezone).ok())
        .collect()
}
