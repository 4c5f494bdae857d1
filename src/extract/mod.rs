//! Extraction: the actors, topics and quotations found in one article's text.
//!
//! The text analysis itself lives in the `dossier-extract` crate
//! (`crates/extract`), a library with no knowledge of sites or files; this
//! module adapts the site's registry to it and its findings to the site model.

use std::collections::HashMap;

use dossier_extract as dx;

use crate::config::{ActorKind, SiteConfig};
use crate::content::markdown::{Mark, unmask_quote_marks};

/// What extraction found in one article, in the terms of the site's registry.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Findings {
    /// Registry actors mentioned by name or alias (indices into the registry,
    /// in `site.yaml` order).
    pub actors: Vec<usize>,
    /// Registry topics whose keywords occur.
    pub topics: Vec<usize>,
    pub quotes: Vec<FoundQuote>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Quote,
    Partial,
    Fragment,
    /// A show's, book's or slogan's name in marks: no one's speech.
    Title,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum FoundSpeaker {
    /// A registry actor.
    Registry(usize),
    /// A person or body not in the registry, by the full name the article
    /// writes (see `dossier_extract::clean_speaker`), and which of the two.
    Named { name: String, kind: dx::ActorKind },
    /// "a senior State Department official": kept as written, never a name.
    Anonymous(String),
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FoundQuote {
    /// Shared with the site's quotations and appearances, not copied.
    pub text: std::sync::Arc<str>,
    pub kind: QuoteKind,
    pub speaker: Option<FoundSpeaker>,
    /// How the article gives the speaker: where it quotes the words, or only
    /// through the context (None when there is no speaker).
    pub attribution: Option<dx::Attribution>,
    /// What grouping shared quotations needs of the wording, made here, where
    /// every article is processed in parallel.
    pub key: dx::QuoteKey,
}

/// Built once per build from the registry (the automata are compiled here),
/// shared by every article's analysis across threads.
pub struct Extractor {
    lexicon: dx::Lexicon,
    options: dx::Options,
}

impl Extractor {
    pub fn new(config: &SiteConfig) -> Extractor {
        let actors: Vec<dx::ActorDef> = config
            .actors
            .iter()
            .map(|(id, a)| dx::ActorDef {
                id: id.clone(),
                name: a.name.clone(),
                aliases: a.aliases.clone(),
                role: a.role.clone(),
                kind: match a.kind {
                    ActorKind::Person => dx::ActorKind::Person,
                    ActorKind::Organisation => dx::ActorKind::Organisation,
                },
            })
            .collect();
        let topics: Vec<dx::TopicDef> = config
            .topics
            .iter()
            .map(|(id, t)| dx::TopicDef {
                id: id.clone(),
                title: t.title.clone(),
                keywords: t.keywords.clone(),
            })
            .collect();
        Extractor {
            lexicon: dx::Lexicon::new(&actors, &topics),
            options: dx::Options {
                min_words: config.quotes.min_words,
                language: dx::Language::from_tag(&config.language),
            },
        }
    }

    /// What the paragraphs hold, and where each quotation stands in them
    /// (for marking in the HTML; each mark's `quote` is an index into
    /// `Findings::quotes`). The marks are used once, so they are not kept
    /// with the findings.
    ///
    /// `paragraphs` may be masked (see `content::markdown::Document::prose`):
    /// the wordings and names found are unmasked here.
    pub fn analyse(&self, paragraphs: &[String]) -> (Findings, Vec<Mark>) {
        self.analyse_titled(None, paragraphs)
    }

    /// [`Extractor::analyse`] with the article's title line (a `.txt` article's first
    /// line), which is scanned for quotations too; the marks stay in the body's paragraphs.
    pub fn analyse_titled(
        &self,
        title: Option<&str>,
        paragraphs: &[String],
    ) -> (Findings, Vec<Mark>) {
        self.analyse_in(None, title, paragraphs)
    }

    /// [`Extractor::analyse_titled`] for an article in `language` (its front matter's
    /// `language:`, a language tag; `None` is the site's), whose reporting verbs find the
    /// speakers.
    pub fn analyse_in(
        &self,
        language: Option<&str>,
        title: Option<&str>,
        paragraphs: &[String],
    ) -> (Findings, Vec<Mark>) {
        let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let options = dx::Options {
            language: language.map_or(self.options.language, dx::Language::from_tag),
            ..self.options.clone()
        };
        let mut analysis = match title {
            Some(t) => dx::analyse_titled(t, &paragraphs, &self.lexicon, &options),
            None => dx::analyse(&paragraphs, &self.lexicon, &options),
        };
        // with a title, the title is paragraph 0: a quotation there has no mark
        let shift = usize::from(title.is_some());
        let actors = analysis.actor_indices();
        let marks = analysis
            .quotes
            .iter()
            .enumerate()
            .flat_map(|(index, q)| {
                q.spans.iter().filter_map(move |s| {
                    Some(Mark {
                        paragraph: s.paragraph.checked_sub(shift)?,
                        start: s.start,
                        end: s.end,
                        quote: index,
                    })
                })
            })
            .collect();
        let mut names = SpeakerNames::new(std::mem::take(&mut analysis.names));
        // A name cut short is repaired from the article's runs of capitalised words in
        // English only: in a language that inflects names (`Джоном Керри` for `Керри`) or
        // capitalises nouns, a longer run is not the same name.
        let repair = options.language == dx::Language::English;
        let quotes = analysis
            .quotes
            .into_iter()
            .map(|q| {
                let attribution = q.attribution();
                let text = unmask_quote_marks(q.text);
                let speaker = q.speaker.and_then(|s| match s {
                    dx::Speaker::Actor { index } => Some(FoundSpeaker::Registry(index)),
                    dx::Speaker::Named { name } if !repair => {
                        let name = unmask_quote_marks(name);
                        Some(FoundSpeaker::Named {
                            kind: dx::kind_of(&name),
                            name,
                        })
                    }
                    dx::Speaker::Named { name } => names.clean(&unmask_quote_marks(name)),
                    dx::Speaker::Anonymous { description } => {
                        Some(FoundSpeaker::Anonymous(unmask_quote_marks(description)))
                    }
                });
                // A short wording is keyed with its speaker (see `QuoteKey::spoken`):
                // the speaker as the site will know it, after cleaning.
                let spoken_by = match &speaker {
                    Some(FoundSpeaker::Registry(index)) => {
                        Some(self.lexicon.actors()[*index].id.as_str())
                    }
                    Some(FoundSpeaker::Named { name, .. }) => Some(name.as_str()),
                    _ => None,
                };
                FoundQuote {
                    key: dx::QuoteKey::spoken(&text, spoken_by),
                    text: text.into(),
                    kind: match q.kind {
                        dx::QuoteKind::Quote => QuoteKind::Quote,
                        dx::QuoteKind::Partial => QuoteKind::Partial,
                        dx::QuoteKind::Fragment => QuoteKind::Fragment,
                        dx::QuoteKind::Title => QuoteKind::Title,
                    },
                    attribution: attribution.filter(|_| speaker.is_some()),
                    speaker,
                }
            })
            .collect();
        (
            Findings {
                actors,
                topics: analysis.topics,
                quotes,
            },
            marks,
        )
    }
}

/// The speakers one article names outside the registry, each as the article
/// supports it: a junk name (a place, a month, a sentence opener) gives the
/// quote no speaker rather than a wrong one. What the article says about names
/// comes with the analysis, read off its tokens.
struct SpeakerNames {
    article: dx::ArticleNames,
    cleaned: HashMap<String, Option<FoundSpeaker>>,
}

impl SpeakerNames {
    fn new(article: dx::ArticleNames) -> SpeakerNames {
        SpeakerNames {
            article,
            cleaned: HashMap::new(),
        }
    }

    fn clean(&mut self, raw: &str) -> Option<FoundSpeaker> {
        if let Some(done) = self.cleaned.get(raw) {
            return done.clone();
        }
        // a show or a book the text cites stays as written, with no actor behind it
        let found = if dx::is_cited_work(raw) {
            Some(FoundSpeaker::Anonymous(raw.trim().to_string()))
        } else {
            match dx::clean_speaker(raw, &self.article) {
                Some(c) => Some(FoundSpeaker::Named {
                    name: c.name,
                    kind: c.kind,
                }),
                // a party's members or a family spoke: the text's words, with no actor
                // behind them
                None if dx::is_party_group(raw) || dx::is_family(raw, &self.article) => {
                    Some(FoundSpeaker::Anonymous(raw.trim().to_string()))
                }
                None => None,
            }
        };
        self.cleaned.insert(raw.to_string(), found.clone());
        found
    }
}
