//! The site: articles linked to the actors, topics, outlets and quotations
//! found in them, with every cross-reference precomputed once so that pages
//! only read it.
//!
//! Everything refers to everything else by index into the site's vectors;
//! ids (slugs) are for URLs and files.

mod link;
pub mod pictures;
mod processed;
pub mod quotes;
mod relink;
pub mod routes;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use typed_index_collections::TiVec;

use crate::config::ActorKind;
use crate::content::Listed;
pub use crate::extract::QuoteKind;
pub use dossier_extract::Attribution;
pub use link::{LinkIndex, link, link_indexed, ranked};
pub use processed::Processed;
pub use relink::{Laps, relink};

/// A position in one of the site's tables. Each table has its own index
/// type, so an actor's index cannot pick an article: the tables are
/// `TiVec`s, indexed by their type alone.
///
/// ```
/// use dossier::site::{ArticleIdx, Site};
/// fn title(site: &Site, article: ArticleIdx) -> &str {
///     &site.articles[article].title
/// }
/// ```
///
/// ```compile_fail
/// use dossier::site::{ActorIdx, Site};
/// fn title(site: &Site, actor: ActorIdx) -> &str {
///     &site.articles[actor].title
/// }
/// ```
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(usize);

        impl From<usize> for $name {
            fn from(index: usize) -> Self {
                $name(index)
            }
        }

        impl From<$name> for usize {
            fn from(index: $name) -> usize {
                index.0
            }
        }
    };
}

index_type!(
    /// An article's place in `Site::articles`.
    ArticleIdx
);
index_type!(
    /// An actor's place in `Site::actors`; the registry's actors come first,
    /// in `site.yaml`'s order.
    ActorIdx
);
index_type!(
    /// A topic's place in `Site::topics`; the registry's first.
    TopicIdx
);
index_type!(
    /// An outlet's place in `Site::sources`.
    SourceIdx
);
index_type!(
    /// A quotation's place in `Site::quotations`.
    QuotationIdx
);

impl QuotationIdx {
    /// A quote not yet grouped into a quotation (see `link::make_article`).
    pub(crate) const UNGROUPED: QuotationIdx = QuotationIdx(usize::MAX);
}

/// Cloning a site is cheap (every part is shared), so that `serve` can patch
/// one article's body into a copy while the last site is still in use.
#[derive(Debug, Clone)]
pub struct Site {
    /// Newest first; ties by slug, so the order never depends on the disk.
    pub articles: TiVec<ArticleIdx, Arc<Article>>,
    pub actors: Arc<TiVec<ActorIdx, Actor>>,
    pub topics: Arc<TiVec<TopicIdx, Topic>>,
    pub sources: Arc<TiVec<SourceIdx, Source>>,
    /// Most reported first; each shared with the sites `relink` makes from
    /// this one, until it changes.
    pub quotations: Arc<TiVec<QuotationIdx, Arc<Quotation>>>,
    pub actor_ids: Arc<HashMap<String, ActorIdx>>,
    pub topic_ids: Arc<HashMap<String, TopicIdx>>,
    pub article_slugs: Arc<HashMap<String, ArticleIdx>>,
    /// The pictures laid out so far (see `Drawn`).
    pub pictures: pictures::Drawn,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    /// The file it came from, relative to the site root.
    pub file: PathBuf,
    pub title: String,
    pub date: DateTime<FixedOffset>,
    pub updated: Option<DateTime<FixedOffset>>,
    pub source: Option<SourceIdx>,
    pub url: Option<String>,
    pub dateline: Option<String>,
    /// `language:` of the front matter; `None` is the site's.
    pub language: Option<String>,
    /// The front matter's summary, else the lede.
    pub summary: String,
    /// The first paragraph.
    pub lede: String,
    /// The body's HTML and where its quotations stand in it.
    pub body: crate::content::Body,
    pub word_count: usize,
    pub draft: bool,
    pub actors: Vec<ActorIdx>,
    pub topics: Vec<TopicIdx>,
    pub quotes: Vec<ArticleQuote>,
    pub listed_actors: Vec<Listed>,
    pub listed_topics: Vec<Listed>,
}

/// One quotation as it appears in one article.
#[derive(Debug, Clone)]
pub struct ArticleQuote {
    pub quotation: QuotationIdx,
    pub text: Arc<str>,
    pub kind: QuoteKind,
    /// The speaker this article gives it, which may not be its quotation's.
    pub speaker: Option<Speaker>,
    /// How the article gives that speaker (see `dossier_extract::Attribution`).
    pub attribution: Option<Attribution>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Speaker {
    Actor(ActorIdx),
    Anonymous(String),
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub kind: ActorKind,
    /// Listed in `site.yaml`, rather than made from front matter or a speaker.
    pub in_registry: bool,
    /// Newest first.
    pub articles: Vec<ArticleIdx>,
    /// Their quotations, most reported first: statements, the words and
    /// phrases they are quoted using (fragments) and all.
    pub quotations: Vec<QuotationIdx>,
    /// What `quotations` holds, by kind.
    pub quote_counts: QuoteCounts,
    /// Topics of their articles, with how many articles, most first.
    pub topics: Vec<(TopicIdx, usize)>,
    /// Actors in the same articles, with how many articles, most first.
    pub co_actors: Vec<(ActorIdx, usize)>,
}

/// How many of a digest's quotations are statements (quotes and partials,
/// see `QuoteKind::is_statement`) and how many are quoted words and phrases
/// (fragments); titles are neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct QuoteCounts {
    pub statements: usize,
    pub phrases: usize,
}

impl QuoteCounts {
    /// Counts one quotation of kind `kind`.
    pub fn add(&mut self, kind: QuoteKind) {
        match kind {
            QuoteKind::Quote | QuoteKind::Partial => self.statements += 1,
            QuoteKind::Fragment => self.phrases += 1,
            QuoteKind::Title => {}
        }
    }
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub keywords: Vec<String>,
    pub in_registry: bool,
    /// Newest first.
    pub articles: Vec<ArticleIdx>,
    /// Quotations in its articles, most reported first (every kind).
    pub quotations: Vec<QuotationIdx>,
    /// What `quotations` holds, by kind.
    pub quote_counts: QuoteCounts,
    /// Actors of its articles, with how many articles, most first.
    pub actors: Vec<(ActorIdx, usize)>,
    /// Topics sharing articles with it, with how many, most first.
    pub related: Vec<(TopicIdx, usize)>,
    pub sources: usize,
}

/// An outlet.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// Newest first.
    pub articles: Vec<ArticleIdx>,
}

/// A statement, with every article that reports it.
#[derive(Debug, Clone)]
pub struct Quotation {
    pub id: String,
    /// The fullest wording.
    pub text: Arc<str>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub topics: Vec<TopicIdx>,
    pub first_date: DateTime<FixedOffset>,
    /// Oldest first.
    pub appearances: Vec<Appearance>,
    /// Distinct outlets that reported it.
    pub outlets: usize,
}

#[derive(Debug, Clone)]
pub struct Appearance {
    pub article: ArticleIdx,
    /// The wording in that article.
    pub text: Arc<str>,
    /// Its position among the article's quotes (for the `#qN` anchor).
    pub ordinal: usize,
}

impl Article {
    /// The body as plain text, for search and data files: read out of the
    /// HTML on demand rather than kept beside it (see `content::text`).
    pub fn text(&self) -> String {
        crate::content::text::plain_text(&self.body.html)
    }
}

impl Site {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_ids.get(id).map(|&i| &self.actors[i])
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topic_ids.get(id).map(|&i| &self.topics[i])
    }

    /// The speaker the article of `appearance` gives the words, where it
    /// gives one that is not `quotation`'s: one statement reported by several
    /// articles has one speaker, and an article may name another (someone
    /// reading the words out, a source it credits) or read another from its
    /// context. None where the article gives the quotation's speaker or none.
    pub fn own_speaker(&self, quotation: &Quotation, appearance: &Appearance) -> Option<&Speaker> {
        let own = self.articles[appearance.article]
            .quotes
            .get(appearance.ordinal)?
            .speaker
            .as_ref()?;
        (quotation.speaker.as_ref() != Some(own)).then_some(own)
    }

    pub fn speaker_name<'a>(&'a self, speaker: &'a Speaker) -> &'a str {
        match speaker {
            Speaker::Actor(i) => &self.actors[*i].name,
            Speaker::Anonymous(description) => description,
        }
    }
}
