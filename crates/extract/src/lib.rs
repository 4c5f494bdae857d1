//! `dossier-extract`: the text analysis behind dossier.
//!
//! - [`Lexicon`]: the actor and topic registry compiled once into one Aho-Corasick automaton.
//! - [`analyse`]: everything found in one article: actor mentions, topics, quotations with
//!   their kind (quote / partial / fragment / title) and speaker, and speakers the registry lacks.
//! - [`group_quotations`] and [`normalise`]: the same statement across articles.
//!
//! The crate is pure: no I/O, no global state beyond lazily built word lists; everything is
//! `Send + Sync`, so one `Lexicon` serves every rayon thread of a build.

mod analyse;
mod foreign;
mod group;
mod lexicon;
mod names;
mod scan;
mod text;
mod words;

use serde::{Deserialize, Serialize};

pub use analyse::{analyse, analyse_titled};
pub use group::{
    Joins, Occurrence, PreHashed, QuotationGroup, QuoteKey, QuoteRef, SHINGLE_CAP,
    group_quotations, groups_of_sets, normalise, quotation_id, wording_speaker,
};
pub use lexicon::{ActorDef, ActorKind, Lexicon, TopicDef};
pub use names::{
    ArticleNames, CleanName, SiteNames, clean_speaker, is_cited_work, is_family, is_party_group,
    kind_of,
};

/// Settings of the extractor (`quotes:` in site.yaml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Quoted stretches shorter than this many words are fragments (scare quotes).
    pub min_words: usize,
    /// The article's language: it picks the reporting verbs speakers are found by.
    pub language: Language,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_words: 4,
            language: Language::English,
        }
    }
}

/// The languages whose reporting verbs the extractor knows. Any other language gets the
/// quotation marks of every language and no speakers beyond the registry's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    French,
    German,
    Spanish,
    Russian,
    /// Any other language: quotations are found, speakers only by the English rules'
    /// registry matches.
    Other,
}

impl Language {
    /// The language of a BCP 47 tag (`ru`, `fr-CA`, `de_DE`, `EN`); English when empty.
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "" | "en" => Language::English,
            "fr" => Language::French,
            "de" => Language::German,
            "es" => Language::Spanish,
            "ru" => Language::Russian,
            _ => Language::Other,
        }
    }
}

/// A byte range in one paragraph, on char boundaries. For a quotation it includes the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// One occurrence of a registry actor in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Index into [`Lexicon::actors`].
    pub actor: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// Found by the actor's role description ("Foreign Minister of Russia") rather than a
    /// name or alias. Roles outlive their holders: an integrator may want to ignore these
    /// for "mentions", they are mainly there for speaker attribution.
    pub by_role: bool,
}

/// What kind of quoted stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A full statement: `min_words` or more, not embedded in a clause.
    Quote,
    /// A quoted clause inside reported speech: `said the majority had the same vision "enshrined in the Geneva Communique"`.
    Partial,
    /// A scare quote or other short stretch: `"war of words"`.
    Fragment,
    /// The name of a show, book, film, song, campaign or slogan (`appeared on "Meet the
    /// Press"`): not speech, never given a speaker.
    Title,
}

/// Who said it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Speaker {
    /// A registry actor: index into [`Lexicon::actors`].
    Actor { index: usize },
    /// Someone the registry does not list, by the full name as written ("Peter Cook"),
    /// also when the text used a short form ("Cook said").
    Named { name: String },
    /// An unnamed source, as described ("a senior State Department official").
    Anonymous { description: String },
}

/// One quotation of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The wording without the outer marks; a multi-paragraph quotation joined with a space.
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// One span per paragraph the quotation covers, each including its marks.
    pub spans: Vec<Span>,
    /// False when the closing mark was missing and the quotation was cut at its paragraph end.
    pub closed: bool,
    /// Which rule of the sieve found the speaker (for debugging and reports).
    pub rule: Option<&'static str>,
    /// The speaker was read from the text around a rule's attribution rather than named
    /// there: a pronoun's antecedent (`he said`), or the source of the quotation this one is
    /// joined to when that one's was (see [`Quote::attribution`]).
    pub(crate) inferred: bool,
}

/// How an article gives a quotation its speaker: whether it names who spoke where it quotes
/// the words, or leaves the reader to work it out from the text around them. Stronger first,
/// so the least of several is the one to trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// The article names the speaker in the quotation's own attribution: `"Q," Roe said`,
    /// `according to the ministry`, `Roe: "Q"`, `the finance minister told reporters`, an
    /// unnamed source as described, or another copy of the same words in the article that does.
    Explicit,
    /// The speaker is read from the context: a pronoun's antecedent (`"Q," he said`), the
    /// previous quotation's speaker, the person last made the subject, the subject of the
    /// quotation's sentence, or a later copy's speaker given to a headline's words.
    Inferred,
}

/// Rules that find a speaker in the context around a quotation rather than in an attribution
/// of its own: the previous quotation's speaker, the last subject, the sentence's subject.
pub(crate) const CONTEXT_RULES: [&str; 3] =
    ["continuation", "continuation: subject", "sentence-subject"];

impl Quote {
    /// How the article gives this quotation its speaker; None when it has none.
    pub fn attribution(&self) -> Option<Attribution> {
        self.speaker.as_ref()?;
        let from_context = self
            .rule
            .is_some_and(|rule| CONTEXT_RULES.contains(&rule) || rule == "repeat");
        Some(if from_context || self.inferred {
            Attribution::Inferred
        } else {
            Attribution::Explicit
        })
    }
}

/// A speaker found in the article that the registry does not list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewSpeaker {
    /// The full name as written: "Peter Cook".
    pub name: String,
    /// Short forms in the same article that mean this speaker: ["Cook"].
    pub short_forms: Vec<String>,
}

/// Everything found in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// Registry actor mentions in text order (longest match wins, no overlaps).
    pub actors: Vec<Mention>,
    /// Indices into [`Lexicon::topics`] whose keywords occur, ascending, deduplicated.
    pub topics: Vec<usize>,
    /// Quotations in text order (outermost only: nested quotes are part of their quotation's text).
    pub quotes: Vec<Quote>,
    /// Speakers of this article's quotations that the registry does not list.
    pub new_speakers: Vec<NewSpeaker>,
    /// What the article says about names, for [`clean_speaker`]: read off the analysis's
    /// tokens when there are `new_speakers` (empty otherwise).
    #[serde(skip)]
    pub names: ArticleNames,
}

impl Analysis {
    /// Indices of the registry actors mentioned (by name or alias, not by role), ascending.
    pub fn actor_indices(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .actors
            .iter()
            .filter(|m| !m.by_role)
            .map(|m| m.actor)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn lexicon_is_send_sync() {
        assert_send_sync::<Lexicon>();
        assert_send_sync::<Analysis>();
    }
}
