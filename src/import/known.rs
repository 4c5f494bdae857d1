//! What the site has already: an article is not imported twice. Two articles are the same
//! when they have the same address (the canonical URL, scheme, `www.`, a trailing slash and
//! a fragment aside), or the same title, source and date.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_import::Imported;

use super::Skipped;
use crate::content::Loaded;

#[derive(Default)]
pub struct Known {
    urls: HashMap<String, PathBuf>,
    stories: HashMap<(String, String, NaiveDate), PathBuf>,
}

impl Known {
    /// The articles of `content/`, by their files' paths.
    pub fn of(articles: &[Loaded]) -> Known {
        let mut known = Known::default();
        for a in articles {
            let title = a.meta.title.as_deref().or(a.title_line.as_deref());
            known.insert(
                a.meta.url.as_deref(),
                title,
                a.meta.source.as_deref(),
                Some(a.meta.date.date_naive()),
                a.file.path.clone(),
            );
        }
        known
    }

    /// An article just imported, so that the rest of the run does not import it again.
    pub fn add(&mut self, imported: &Imported, path: PathBuf) {
        self.insert(
            imported.url.as_deref(),
            Some(&imported.title),
            imported.source.as_ref().map(|s| s.value.as_str()),
            imported.date.as_ref().map(|d| d.value),
            path,
        );
    }

    fn insert(
        &mut self,
        url: Option<&str>,
        title: Option<&str>,
        source: Option<&str>,
        date: Option<NaiveDate>,
        path: PathBuf,
    ) {
        if let Some(url) = url {
            self.urls
                .entry(url_key(url))
                .or_insert_with(|| path.clone());
        }
        if let Some(key) = story_key(title, source, date) {
            self.stories.entry(key).or_insert(path);
        }
    }

    /// The file that has the article at `url`.
    pub fn by_url(&self, url: &str) -> Option<&Path> {
        self.urls.get(&url_key(url)).map(PathBuf::as_path)
    }

    /// The file that already has `imported`, and why it is the same.
    pub fn find(&self, imported: &Imported) -> Option<Skipped> {
        let skipped = |existing: &Path, why| Skipped {
            title: imported.title.clone(),
            existing: existing.to_path_buf(),
            why,
        };
        if let Some(existing) = imported.url.as_deref().and_then(|u| self.by_url(u)) {
            return Some(skipped(existing, "the same address"));
        }
        let key = story_key(
            Some(&imported.title),
            imported.source.as_ref().map(|s| s.value.as_str()),
            imported.date.as_ref().map(|d| d.value),
        )?;
        self.stories
            .get(&key)
            .map(|existing| skipped(existing, "the same title, source and date"))
    }
}

/// An address without what does not change the page: the scheme, a `www.`, the case of
/// the host, a fragment, a trailing slash.
fn url_key(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

/// Title and source by their slugs (the one slug rule: case, accents and punctuation
/// aside), with the date.
fn story_key(
    title: Option<&str>,
    source: Option<&str>,
    date: Option<NaiveDate>,
) -> Option<(String, String, NaiveDate)> {
    let title = crate::slug::slugify(title?);
    let source = crate::slug::slugify(source?);
    (!title.is_empty() && !source.is_empty()).then_some((title, source, date?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_address() {
        assert_eq!(
            url_key("https://www.News.example/a/b/#top"),
            url_key("http://news.example/a/b")
        );
        assert_ne!(
            url_key("https://news.example/a"),
            url_key("https://news.example/b")
        );
        assert_ne!(
            url_key("https://news.example/a?id=1"),
            url_key("https://news.example/a?id=2")
        );
    }

    #[test]
    fn same_story() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 2);
        assert_eq!(
            story_key(Some("Talks Resume!"), Some("Reuters"), d),
            story_key(Some("talks resume"), Some("REUTERS"), d)
        );
        assert_eq!(story_key(Some("Talks"), None, d), None);
    }
}
