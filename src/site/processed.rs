//! An article as the per-file stages leave it, before linking: what `link`,
//! `relink` and quotation grouping read.

use std::path::PathBuf;

use crate::content::Meta;
use crate::extract::Findings;

/// One article after the per-file, parallel stages (load, Markdown,
/// extraction): everything linking needs, nothing borrowed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Processed {
    pub file: PathBuf,
    pub slug: String,
    pub title: String,
    pub meta: Meta,
    /// Shared with the site's `Article`: `serve` keeps every processed
    /// article between rebuilds and links them again without copying bodies.
    pub body: crate::content::Body,
    pub lede: String,
    pub word_count: usize,
    pub findings: Findings,
}

impl Processed {
    /// Whether linking `self` in place of `other` gives the same site except
    /// for this article's own body (HTML, text, word count): everything that
    /// linking reads or a card shows is equal. Quote positions may move; the
    /// quotes themselves may not.
    pub fn same_but_body(&self, other: &Processed) -> bool {
        self.file == other.file
            && self.slug == other.slug
            && self.title == other.title
            && self.lede == other.lede
            && self.meta == other.meta
            && self.findings.actors == other.findings.actors
            && self.findings.topics == other.findings.topics
            && self.findings.quotes.len() == other.findings.quotes.len()
            && self
                .findings
                .quotes
                .iter()
                .zip(&other.findings.quotes)
                .all(|(a, b)| a.text == b.text && a.kind == b.kind && a.speaker == b.speaker)
    }
}
