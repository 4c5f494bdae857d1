//! `dossier import`: pasted article text to content files. The heuristics
//! (headline, date, outlet, dateline, page furniture) are the
//! `dossier-import` crate; this module gives them the site's registry and
//! the dates of its articles, and writes (never overwrites) the files.

use std::path::{Path, PathBuf};

use dossier_import::{ImportOptions, Imported, import_all, write_new};

use crate::config::Config;
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Extractor;
use crate::limits;

pub struct ImportRequest {
    pub root: PathBuf,
    /// Files to import; `-` is standard input.
    pub files: Vec<PathBuf>,
    pub source: Option<String>,
    pub date: Option<chrono::NaiveDate>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Where to write, relative to the root (default `content`).
    pub into: Option<PathBuf>,
    pub dry_run: bool,
}

/// One input's result: the file written (or that would be), or a problem.
pub struct Outcome {
    pub input: String,
    pub result: Result<Written, Diagnostic>,
}

pub struct Written {
    pub path: PathBuf,
    pub markdown: String,
    pub imported: Imported,
    /// Set when the natural name was taken and another was chosen.
    pub renamed_from: Option<PathBuf>,
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
    if let Some(config) = &config {
        opts.extra_furniture = config.site.import.furniture.clone();
        opts.context_dates = site_dates(&req.root, config);
    }
    let extractor = config.as_ref().map(|c| Extractor::new(&c.site));

    let mut inputs: Vec<(String, Result<Vec<u8>, Diagnostic>)> = Vec::new();
    for file in &req.files {
        let name = file.display().to_string();
        // Capped, whatever the input is: `/dev/zero` or an endless pipe
        // would otherwise fill the memory.
        let bytes = if name == "-" {
            limits::read_capped(std::io::stdin().lock())
                .map_err(|e| e.diagnostic(Path::new("(standard input)"), "an article to import"))
        } else {
            limits::read_file(file).map_err(|e| e.diagnostic(file, "an article to import"))
        };
        inputs.push((name, bytes));
    }
    let readable: Vec<&[u8]> = inputs
        .iter()
        .filter_map(|(_, b)| b.as_ref().ok().map(Vec::as_slice))
        .collect();
    let mut results = import_all(&readable, &opts).into_iter();
    let into = req.root.join(
        req.into
            .clone()
            .unwrap_or_else(|| PathBuf::from(content::CONTENT_DIR)),
    );

    let mut outcomes = Vec::new();
    for (input, bytes) in inputs {
        let result = match bytes {
            Err(d) => Err(d),
            Ok(_) => match results.next().expect("one result per readable input") {
                Err(e) => Err(Diagnostic::error(e.to_string())
                    .in_file(&input)
                    .help("check that this is the text of a news article: headline first, then paragraphs")),
                Ok(imported) => {
                    let (actors, topics) = match (&extractor, &config) {
                        (Some(x), Some(c)) => {
                            let (findings, _) = x.analyse(&imported.paragraphs);
                            let actor_ids: Vec<&String> = c.site.actors.keys().collect();
                            let topic_ids: Vec<&String> = c.site.topics.keys().collect();
                            (
                                findings.actors.iter().map(|&i| actor_ids[i].clone()).collect(),
                                findings.topics.iter().map(|&i| topic_ids[i].clone()).collect(),
                            )
                        }
                        _ => (Vec::new(), Vec::new()),
                    };
                    let markdown = imported.to_markdown(&actors, &topics);
                    let stem = dossier_import::slugify(&imported.title);
                    write(&into, &stem, markdown, imported, req.dry_run).map_err(|e| {
                        Diagnostic::error(format!("cannot write: {e}"))
                            .in_file(&into)
                            .help("check that the folder exists and is writable, or choose another with --into")
                    })
                }
            },
        };
        outcomes.push(Outcome { input, result });
    }
    Ok(outcomes)
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

/// The dates of the site's articles: they settle the year of "Dec 18".
fn site_dates(root: &Path, config: &Config) -> Vec<chrono::NaiveDate> {
    let (files, _) = content::discover(root);
    files
        .iter()
        .filter_map(|f| content::load(root, f, config.timezone).ok())
        .map(|l| l.meta.date.date_naive())
        .collect()
}
