//! Data for other tools: `data/articles.json`, `data/quotes.json` (SPEC
//! section 5, the shape of `dossier quotes --json`), `data/actors.json` and
//! `data/topics.json`. Shapes are documented in `docs/data.md`.
//!
//! Each file is streamed item by item through a buffered writer: no file is
//! ever held in memory whole, however large the site.

use std::collections::HashMap;
use std::io::Write;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Out;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::routes;
use crate::site::{Actor, Article, Quotation, QuoteKind, Site, Speaker, Topic};

/// One item of a data file as a build wrote it: the hash of its JSON (an
/// article's without its text, with its body instead, see [`article_key`])
/// and where its bytes are in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub key: u64,
    pub start: u64,
    pub len: u64,
}

/// A data file's items, in order, as a build wrote them.
pub type Pieces = Vec<Piece>;

/// The four data files, each with the pieces the last build wrote it with
/// (`last`, when it describes the live output): an item whose key is one of
/// the last build's is copied from the live file instead of being
/// serialised again, and a file whose items are all the same, in the same
/// order, is kept whole. Returns each file's pieces.
pub fn write(
    config: &Config,
    site: &Site,
    out: Out,
    cached: bool,
    last: Option<&[(String, Pieces)]>,
) -> Result<Vec<(String, Pieces)>, Diagnostics> {
    let last_of = |path: &str| {
        last.and_then(|l| l.iter().find(|(p, _)| p == path))
            .map(|(_, pieces)| pieces.as_slice())
    };
    let files = [
        (
            routes::DATA_ARTICLES,
            array_file(
                out,
                (routes::DATA_ARTICLES, "articles"),
                (cached, last_of(routes::DATA_ARTICLES)),
                &site.articles.raw,
                |a| article_key(config, site, a),
                |a, w| Ok(serde_json::to_writer(w, &article(config, site, a))?),
            ),
        ),
        (
            routes::DATA_QUOTES,
            array_file(
                out,
                (routes::DATA_QUOTES, "quotes"),
                (cached, last_of(routes::DATA_QUOTES)),
                &site.quotations.raw,
                |q| quote_key(site, q),
                |q, w| Ok(serde_json::to_writer(w, &quote_json(config, site, q))?),
            ),
        ),
        (
            routes::DATA_ACTORS,
            json_file(
                out,
                (routes::DATA_ACTORS, "actors"),
                (cached, last_of(routes::DATA_ACTORS)),
                &site.actors.raw,
                |a| actor(config, site, a),
            ),
        ),
        (
            routes::DATA_TOPICS,
            json_file(
                out,
                (routes::DATA_TOPICS, "topics"),
                (cached, last_of(routes::DATA_TOPICS)),
                &site.topics.raw,
                |t| topic(config, site, t),
            ),
        ),
    ];
    let mut made = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for (path, result) in files {
        match result {
            Ok(pieces) => made.push((path.to_string(), pieces)),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(made)
    } else {
        Err(errors.into())
    }
}

/// [`array_file`] of items whose key is the hash of their JSON.
fn json_file<'a, T: Sync, J: Serialize>(
    out: Out,
    file: (&str, &str),
    last: (bool, Option<&[Piece]>),
    items: &'a [T],
    json: impl Fn(&'a T) -> J + Sync + Send,
) -> Result<Pieces, Diagnostic> {
    array_file(
        out,
        file,
        last,
        items,
        |x| json_key(&json(x)),
        |x, w| Ok(serde_json::to_writer(w, &json(x))?),
    )
}

/// The hash of an item's JSON, made without keeping it.
fn json_key(item: &impl Serialize) -> u64 {
    let mut h = Hashing(xxhash_rust::xxh3::Xxh3Default::default());
    // Plain data: serialising it cannot fail, and a failure would only
    // make an item that is never reused.
    let _ = serde_json::to_writer(&mut h, item);
    h.0.digest()
}

/// A quotation's key: everything [`quote_json`] shows of it (dates with
/// their offset, which the JSON shows them in; permalinks from the site's
/// address, in the cache's setup key). Hashed from the site rather than from
/// the JSON: serialising every quotation to hash it would cost most of what
/// writing them costs.
fn quote_key(site: &Site, q: &Quotation) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    let date = |d: &chrono::DateTime<chrono::FixedOffset>,
                h: &mut xxhash_rust::xxh3::Xxh3Default| {
        (d.timestamp(), d.offset().local_minus_utc()).hash(h)
    };
    (&q.id, &q.text, std::mem::discriminant(&q.kind)).hash(&mut h);
    match &q.speaker {
        None => 0u8.hash(&mut h),
        Some(s) => {
            let id = match s {
                Speaker::Actor(a) => Some(site.actors[*a].id.as_str()),
                Speaker::Anonymous(_) => None,
            };
            (1u8, id, site.speaker_name(s)).hash(&mut h);
        }
    }
    for &t in &q.topics {
        site.topics[t].id.hash(&mut h);
    }
    date(&q.first_date, &mut h);
    q.appearances.len().hash(&mut h);
    for ap in &q.appearances {
        let article = &site.articles[ap.article];
        (&article.slug, ap.ordinal, &ap.text).hash(&mut h);
        article.source.map(|s| &site.sources[s].name).hash(&mut h);
        date(&article.date, &mut h);
    }
    h.finish()
}

/// An article's key: its JSON without the text, and the body the text is
/// read from (reading it is most of an article's cost).
fn article_key(config: &Config, site: &Site, a: &Article) -> u64 {
    let mut h = Hashing(xxhash_rust::xxh3::Xxh3Default::default());
    let json = article_with(config, site, a, String::new());
    let _ = serde_json::to_writer(&mut h, &json);
    h.0.update(a.body.html.as_bytes());
    h.0.digest()
}

/// A writer into a hash.
struct Hashing(xxhash_rust::xxh3::Xxh3Default);

impl Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `{"NAME":[item,...]}` and a newline, as `serde_json` writes it: with
/// the cache (`cached`), each item copied from the live file where `last`
/// has its key, else serialised, and the pieces returned for the next
/// build (without the cache, none).
fn array_file<'a, T: Sync>(
    out: Out,
    (path, name): (&str, &str),
    (cached, last): (bool, Option<&[Piece]>),
    items: &'a [T],
    key: impl Fn(&'a T) -> u64 + Sync + Send,
    json: impl Fn(&'a T, &mut dyn Write) -> std::io::Result<()>,
) -> Result<Pieces, Diagnostic> {
    let keys: Vec<u64> = if cached {
        items.par_iter().map(key).collect()
    } else {
        Vec::new()
    };
    if let Some(last) = last
        && last.len() == keys.len()
        && last.iter().zip(&keys).all(|(p, k)| p.key == *k)
        && out.keep(path)
    {
        return Ok(last.to_vec());
    }
    let live = last.and_then(|_| out.live_file(path));
    let reuse: HashMap<u64, Piece> = match (&live, last) {
        (Some(_), Some(last)) => last.iter().map(|p| (p.key, *p)).collect(),
        _ => HashMap::new(),
    };
    let mut pieces = Vec::new();
    let mut write = |reuse: &HashMap<u64, Piece>| {
        out.stream(path, |w| {
            pieces = write_array(w, name, items, &keys, reuse, live.as_ref(), &json)?;
            Ok(())
        })
    };
    // The live file could not be read after all: everything anew.
    write(&reuse).or_else(|_| write(&HashMap::new()))?;
    Ok(pieces)
}

/// The items of [`array_file`] into `w`; returns where each one is.
fn write_array<'a, T>(
    w: &mut dyn Write,
    name: &str,
    items: &'a [T],
    keys: &[u64],
    reuse: &HashMap<u64, Piece>,
    live: Option<&std::fs::File>,
    json: impl Fn(&'a T, &mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<Pieces> {
    let mut pieces = Vec::with_capacity(keys.len());
    let mut w = Counting { inner: w, at: 0 };
    write!(w, "{{{}:[", serde_json::to_string(name)?)?;
    let mut copy = Run::default();
    for (i, item) in items.iter().enumerate() {
        let key = keys.get(i).copied().unwrap_or_default();
        let known = reuse.get(&key).filter(|_| live.is_some());
        if i > 0 {
            if let Some(p) = known
                && copy.len > 0
                && copy.start + copy.len + 1 == p.start
            {
                // Next to the last one in the live file, the comma between.
                pieces.push(Piece {
                    key,
                    start: w.at + copy.len + 1,
                    len: p.len,
                });
                copy.len += 1 + p.len;
                continue;
            }
            copy.flush(&mut w, live)?;
            w.write_all(b",")?;
        }
        let start = w.at;
        let len = match known {
            Some(p) => {
                (copy.start, copy.len) = (p.start, p.len);
                p.len
            }
            None => {
                json(item, &mut w)?;
                w.at - start
            }
        };
        pieces.push(Piece { key, start, len });
    }
    copy.flush(&mut w, live)?;
    w.write_all(b"]}\n")?;
    Ok(pieces)
}

/// A writer that counts the bytes written through it.
struct Counting<'a> {
    inner: &'a mut dyn Write,
    at: u64,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.at += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Bytes of the live file still to copy: items next to each other there are
/// copied in one run.
#[derive(Default)]
struct Run {
    start: u64,
    len: u64,
}

impl Run {
    fn flush(&mut self, w: &mut Counting, live: Option<&std::fs::File>) -> std::io::Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        let live = live.ok_or_else(|| std::io::Error::other("no live file to copy from"))?;
        let mut buf = vec![0u8; (self.len as usize).min(1 << 20)];
        let (mut at, end) = (self.start, self.start + self.len);
        while at < end {
            let n = ((end - at) as usize).min(buf.len());
            read_at(live, &mut buf[..n], at)?;
            w.write_all(&buf[..n])?;
            at += n as u64;
        }
        self.len = 0;
        Ok(())
    }
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(not(unix))]
fn read_at(mut file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek};
    file.seek(std::io::SeekFrom::Start(at))?;
    file.read_exact(buf)
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
    article_with(config, site, a, a.text())
}

/// An article's entry with `text` for its text.
fn article_with<'a>(
    config: &Config,
    site: &'a Site,
    a: &'a Article,
    text: String,
) -> ArticleJson<'a> {
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
        text,
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
