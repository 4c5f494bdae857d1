//! Data for other tools: `data/articles.json`, `data/quotes.json` (SPEC
//! section 5, the shape of `dossier quotes --json`), `data/actors.json` and
//! `data/topics.json`. Shapes are documented in `docs/data.md`.
//!
//! Each file is streamed item by item through a buffered writer: no file is
//! ever held in memory whole, however large the site.

use std::cell::RefCell;
use std::io::Write;

use serde::{Serialize, Serializer};

use super::Out;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::routes;
use crate::site::{Actor, Article, Quotation, QuoteKind, Site, Speaker, Topic};

/// Serialises an iterator as a JSON array without collecting it.
struct Stream<I>(RefCell<Option<I>>);

fn stream<I: IntoIterator>(items: I) -> Stream<I::IntoIter> {
    Stream(RefCell::new(Some(items.into_iter())))
}

impl<I> Serialize for Stream<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| serde::ser::Error::custom("a stream serialises once"))?;
        serializer.collect_seq(items)
    }
}

/// `{"NAME": [items...]}` followed by a newline.
fn write_wrapped<I>(w: &mut dyn Write, name: &str, items: I) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Serialize,
{
    // `{"name":` by hand, then the stream, so nothing is collected.
    write!(w, "{{{}:", serde_json::to_string(name)?)?;
    serde_json::to_writer(&mut *w, &stream(items))?;
    w.write_all(b"}\n")
}

pub fn write(config: &Config, site: &Site, out: Out) -> Result<(), Diagnostics> {
    let results = [
        out.stream(routes::DATA_ARTICLES, |w| {
            write_wrapped(
                w,
                "articles",
                site.articles.iter().map(|a| article(config, site, a)),
            )
        }),
        out.stream(routes::DATA_QUOTES, |w| {
            write_wrapped(
                w,
                "quotes",
                site.quotations.iter().map(|q| quote_json(config, site, q)),
            )
        }),
        out.stream(routes::DATA_ACTORS, |w| {
            write_wrapped(
                w,
                "actors",
                site.actors.iter().map(|a| actor(config, site, a)),
            )
        }),
        out.stream(routes::DATA_TOPICS, |w| {
            write_wrapped(
                w,
                "topics",
                site.topics.iter().map(|t| topic(config, site, t)),
            )
        }),
    ];
    let errors: Vec<Diagnostic> = results.into_iter().filter_map(Result::err).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into())
    }
}

#[derive(Serialize)]
struct IdName<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Counted<'a> {
    id: &'a str,
    articles: usize,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    slug: &'a str,
    title: &'a str,
    url: String,
    /// `YYYY-MM-DD`
    date: String,
    /// RFC 3339
    datetime: String,
    updated: Option<String>,
    source: Option<IdName<'a>>,
    original_url: Option<&'a str>,
    dateline: Option<&'a str>,
    summary: &'a str,
    lede: &'a str,
    text: String,
    word_count: usize,
    topics: Vec<&'a str>,
    actors: Vec<&'a str>,
    quotes: Vec<&'a str>,
    file: String,
}

fn article<'a>(config: &Config, site: &'a Site, a: &'a Article) -> ArticleJson<'a> {
    ArticleJson {
        slug: &a.slug,
        title: &a.title,
        url: config.permalink(&routes::article(&a.slug)),
        date: a.date.format("%Y-%m-%d").to_string(),
        datetime: a.date.to_rfc3339(),
        updated: a.updated.map(|d| d.to_rfc3339()),
        source: a.source.map(|s| IdName {
            id: &site.sources[s].id,
            name: &site.sources[s].name,
        }),
        original_url: a.url.as_deref(),
        dateline: a.dateline.as_deref(),
        summary: &a.summary,
        lede: &a.lede,
        text: a.text(),
        word_count: a.word_count,
        topics: a
            .topics
            .iter()
            .map(|&t| site.topics[t].id.as_str())
            .collect(),
        actors: a
            .actors
            .iter()
            .map(|&x| site.actors[x].id.as_str())
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| site.quotations[q.quotation].id.as_str())
            .collect(),
        file: a.file.to_string_lossy().replace('\\', "/"),
    }
}

/// `quotes.json` (also what `dossier quotes --json` prints): `{"quotes": [...]}`, most reported first.
#[derive(Serialize)]
pub struct QuotesJson<'a> {
    pub quotes: Vec<QuoteJson<'a>>,
}

#[derive(Serialize)]
pub struct QuoteJson<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub kind: QuoteKind,
    pub speaker: Option<SpeakerJson<'a>>,
    pub topics: Vec<&'a str>,
    pub first_date: String,
    pub appearances: Vec<AppearanceJson<'a>>,
}

#[derive(Serialize)]
pub struct SpeakerJson<'a> {
    /// The actor's id; null for anonymous sources.
    pub id: Option<&'a str>,
    pub name: &'a str,
}

#[derive(Serialize)]
pub struct AppearanceJson<'a> {
    pub article: &'a str,
    pub url: String,
    pub source: Option<&'a str>,
    pub date: String,
    pub text: &'a str,
    /// The speaker this article gives the words, only where it is not the
    /// quotation's (`Site::own_speaker`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerJson<'a>>,
}

fn speaker_json<'a>(site: &'a Site, s: &'a Speaker) -> SpeakerJson<'a> {
    SpeakerJson {
        id: match s {
            Speaker::Actor(a) => Some(site.actors[*a].id.as_str()),
            Speaker::Anonymous(_) => None,
        },
        name: site.speaker_name(s),
    }
}

pub fn to_json<'a>(config: &Config, site: &'a Site) -> QuotesJson<'a> {
    QuotesJson {
        quotes: site
            .quotations
            .iter()
            .map(|q| quote_json(config, site, q))
            .collect(),
    }
}

/// One quotation as `quotes.json` has it.
pub fn quote_json<'a>(config: &Config, site: &'a Site, q: &'a Quotation) -> QuoteJson<'a> {
    QuoteJson {
        id: &q.id,
        text: &q.text,
        kind: q.kind,
        speaker: q.speaker.as_ref().map(|s| speaker_json(site, s)),
        topics: q
            .topics
            .iter()
            .map(|&t| site.topics[t].id.as_str())
            .collect(),
        first_date: q.first_date.format("%Y-%m-%d").to_string(),
        appearances: q
            .appearances
            .iter()
            .map(|ap| {
                let article = &site.articles[ap.article];
                AppearanceJson {
                    article: &article.slug,
                    url: config.permalink(&routes::appearance(&article.slug, ap.ordinal)),
                    source: article.source.map(|s| site.sources[s].name.as_str()),
                    date: article.date.format("%Y-%m-%d").to_string(),
                    text: &ap.text,
                    speaker: site.own_speaker(q, ap).map(|s| speaker_json(site, s)),
                }
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    role: Option<&'a str>,
    kind: crate::config::ActorKind,
    in_registry: bool,
    url: String,
    articles: Vec<&'a str>,
    quotations: Vec<&'a str>,
    topics: Vec<Counted<'a>>,
    co_actors: Vec<Counted<'a>>,
}

fn actor<'a>(config: &Config, site: &'a Site, a: &'a Actor) -> ActorJson<'a> {
    ActorJson {
        id: &a.id,
        name: &a.name,
        aliases: &a.aliases,
        role: a.role.as_deref(),
        kind: a.kind,
        in_registry: a.in_registry,
        url: config.permalink(&routes::actor(&a.id)),
        articles: a
            .articles
            .iter()
            .map(|&x| site.articles[x].slug.as_str())
            .collect(),
        quotations: a
            .quotations
            .iter()
            .map(|&q| site.quotations[q].id.as_str())
            .collect(),
        topics: a
            .topics
            .iter()
            .map(|&(t, n)| Counted {
                id: &site.topics[t].id,
                articles: n,
            })
            .collect(),
        co_actors: a
            .co_actors
            .iter()
            .map(|&(x, n)| Counted {
                id: &site.actors[x].id,
                articles: n,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct TopicJson<'a> {
    id: &'a str,
    title: &'a str,
    keywords: &'a [String],
    in_registry: bool,
    url: String,
    articles: Vec<&'a str>,
    quotations: Vec<&'a str>,
    actors: Vec<Counted<'a>>,
    related: Vec<Counted<'a>>,
    /// How many outlets reported on it.
    sources: usize,
}

fn topic<'a>(config: &Config, site: &'a Site, t: &'a Topic) -> TopicJson<'a> {
    TopicJson {
        id: &t.id,
        title: &t.title,
        keywords: &t.keywords,
        in_registry: t.in_registry,
        url: config.permalink(&routes::topic(&t.id)),
        articles: t
            .articles
            .iter()
            .map(|&x| site.articles[x].slug.as_str())
            .collect(),
        quotations: t
            .quotations
            .iter()
            .map(|&q| site.quotations[q].id.as_str())
            .collect(),
        actors: t
            .actors
            .iter()
            .map(|&(x, n)| Counted {
                id: &site.actors[x].id,
                articles: n,
            })
            .collect(),
        related: t
            .related
            .iter()
            .map(|&(x, n)| Counted {
                id: &site.topics[x].id,
                articles: n,
            })
            .collect(),
        sources: t.sources,
    }
}
