//! `dossier quotes`: the quotations of a site, or of loose article files (no
//! site needed), as a table for people or as JSON in the shape of
//! `data/quotes.json` (`publish::data`, docs/data.md).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::build::{self, BuildOptions};
use crate::config::{Config, SiteConfig};
use crate::content::{self, Meta, frontmatter, markdown, plain};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::{Extractor, QuoteKind};
use crate::site::{self, Processed, Site};

/// A plain-text table, one quotation a block, for reading in a terminal.
pub fn to_table(site: &Site) -> String {
    let mut out = String::new();
    for q in site.quotations.iter() {
        let speaker = q
            .speaker
            .as_ref()
            .map_or("(unattributed)", |s| site.speaker_name(s));
        let kind = match q.kind {
            QuoteKind::Quote => "quote",
            QuoteKind::Partial => "partial",
            QuoteKind::Fragment => "fragment",
            QuoteKind::Title => "title",
        };
        // each article, with the speaker it gives the words where that is not the quotation's
        let articles: Vec<String> = q
            .appearances
            .iter()
            .map(|a| {
                let slug = &site.articles[a.article].slug;
                match site.own_speaker(q, a) {
                    Some(own) => format!("{slug} (there: {})", site.speaker_name(own)),
                    None => slug.clone(),
                }
            })
            .collect();
        out.push_str(&format!(
            "{kind:<8}  {speaker}\n          “{}”\n          in: {}\n\n",
            q.text,
            articles.join(", ")
        ));
    }
    out.push_str(&format!(
        "{} quotation{} ({} quotes, {} partial, {} fragments, {} titles)\n",
        site.quotations.len(),
        crate::text::plural(site.quotations.len()),
        site.quotations
            .iter()
            .filter(|q| q.kind == QuoteKind::Quote)
            .count(),
        site.quotations
            .iter()
            .filter(|q| q.kind == QuoteKind::Partial)
            .count(),
        site.quotations
            .iter()
            .filter(|q| q.kind == QuoteKind::Fragment)
            .count(),
        site.quotations
            .iter()
            .filter(|q| q.kind == QuoteKind::Title)
            .count(),
    ));
    out
}

/// The site's quotations.
pub fn of_site(root: &Path) -> Result<(Config, Site), Diagnostics> {
    let loaded = build::load_site(&BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    })?;
    Ok((loaded.config, loaded.site))
}

/// The quotations of loose `.md` or `.txt` files. The registry of the site
/// at `root` is used when there is one; each file's `article` is its stem.
pub fn of_files(root: &Path, paths: &[PathBuf]) -> Result<(Config, Site), Diagnostics> {
    let config = if root.join(crate::config::CONFIG_FILE).exists() {
        Config::load(root)?
    } else {
        let site: SiteConfig =
            serde_yaml::from_str("title: Quotations").expect("a valid minimal config");
        Config::new(Path::new(crate::config::CONFIG_FILE), site)?
    };
    let extractor = Extractor::new(&config.site);
    let mut processed = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match loose_file(path, &config, &extractor) {
            Ok(p) => processed.push(p),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Err(problems.into());
    }
    let site = site::link(&config.site, processed.iter().collect());
    Ok((config, site))
}

fn loose_file(
    path: &Path,
    config: &Config,
    extractor: &Extractor,
) -> Result<Processed, Diagnostic> {
    let text = content::read_text(Path::new(""), path)?;
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let markdown = !matches!(path.extension().and_then(|e| e.to_str()), Some("txt"));
    // Front matter is optional here; when present its date is used.
    let (body, meta) = match frontmatter::split(&text) {
        Ok((yaml, body, line)) if markdown => {
            (body, Meta::parse(path, yaml, line, config.timezone).ok())
        }
        _ => (text.as_str(), None),
    };
    let date = meta
        .as_ref()
        .map(|m| m.date)
        .unwrap_or_else(|| modified(path));
    let (title, body) = if markdown {
        (stem.clone(), body)
    } else {
        let (title, body) = plain::split_title(body);
        (title.to_string(), body)
    };
    let document = if markdown {
        content::Document::Markdown(markdown::Document::parse(body))
    } else {
        content::Document::Plain(plain::Document::parse(body))
    };
    let prose = document.prose();
    let language = meta.as_ref().and_then(|m| m.language.as_deref());
    let title_line = (!markdown).then_some(title.as_str());
    let (mut findings, _) = extractor.analyse_in(language, title_line, &prose);
    site::quotes::keep_fragments_local(&mut findings, &stem);
    let paragraphs = document.paragraphs();
    Ok(Processed {
        file: path.to_path_buf(),
        slug: stem,
        title: meta.as_ref().and_then(|m| m.title.clone()).unwrap_or(title),
        lede: paragraphs.first().cloned().unwrap_or_default(),
        word_count: 0,
        body: Default::default(),
        meta: meta.unwrap_or_else(|| Meta::undated(date)),
        findings,
    })
}

fn modified(path: &Path) -> DateTime<FixedOffset> {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(|t| DateTime::<chrono::Utc>::from(t).fixed_offset())
        .unwrap_or_else(|_| chrono::Utc::now().fixed_offset())
}
