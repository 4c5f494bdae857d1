//! Extraction: the actors, topics and quotations found in one article's text.
//!
//! The text analysis itself lives in the `dossier-extract` crate
//! (`crates/extract`), a library with no knowledge of sites or files; this
//! module adapts the site's registry to it and its findings to the site model.

use crate::config::SiteConfig;
use crate::content::markdown::Mark;

/// What extraction found in one article, in the terms of the site's registry.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Registry actors mentioned in the text (indices into the registry).
    pub actors: Vec<usize>,
    /// Registry topics whose keywords occur.
    pub topics: Vec<usize>,
    pub quotes: Vec<FoundQuote>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Quote,
    Partial,
    Fragment,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FoundSpeaker {
    /// A registry actor.
    Registry(usize),
    /// A person or body not in the registry, by the full name as written.
    Named(String),
    /// "a senior State Department official": kept as written, never a name.
    Anonymous(String),
}

#[derive(Debug, Clone)]
pub struct FoundQuote {
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<FoundSpeaker>,
    /// Where it stands in the paragraphs, for marking in the HTML. Each mark's
    /// `quote` is this quote's index in `Findings::quotes`.
    pub marks: Vec<Mark>,
}

/// Built once per build from the registry, shared by every article's analysis.
pub struct Extractor {
    _min_words: usize,
}

impl Extractor {
    pub fn new(config: &SiteConfig) -> Extractor {
        Extractor {
            _min_words: config.quotes.min_words,
        }
    }

    pub fn analyse(&self, _paragraphs: &[String]) -> Findings {
        Findings::default()
    }
}
