//! What each page depends on, as one number: a page is rendered again when
//! its fingerprint changes, and only then.
//!
//! A fingerprint hashes everything the page's context is built from (see
//! `render::Renderer::render` and `render::views`): the entities it shows,
//! through the same fields their cards show, plus the texts of every template
//! its root template extends, includes or imports. It is computed from the
//! newly linked site, never from what changed, so it cannot miss a knock-on
//! effect: an article added to a topic moves the topic's later pages along,
//! a quotation reported once more changes its count on every page that shows
//! it, and each of those pages sees a different fingerprint.
//!
//! Where a page shows the first N of a list, more than N are hashed, so that a
//! view showing a few more items stays right; a page kind this module does not
//! know is rendered on every rebuild. The incremental-against-full test in
//! `tests/serve_incremental.rs` guards the rest: a view that starts reading a
//! field hashed nowhere here makes it fail.

mod replan;

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use typed_index_collections::TiVec;

use crate::config::Config;
use crate::render::{Renderer, Theme};
use crate::site::pictures;
use crate::site::routes::Page;
use crate::site::{
    ActorIdx, ArticleIdx, QuotationIdx, QuoteKind, Site, SourceIdx, Speaker, TopicIdx,
};

pub use replan::{Replan, fingerprint_all, replan};

/// The hash of fingerprints: 64 bits of xxh3, quick on the many small
/// writes a page's inputs make.
type Fingerprinter = xxhash_rust::xxh3::Xxh3Default;

/// Hashes of the cards of every entity, computed once per rebuild.
pub struct Cards {
    article: TiVec<ArticleIdx, u64>,
    actor: TiVec<ActorIdx, u64>,
    topic: TiVec<TopicIdx, u64>,
    quote: TiVec<QuotationIdx, u64>,
    source: TiVec<SourceIdx, u64>,
    /// Actors and topics as tags (`views::ActorTag`, `TopicTag`): no counts.
    actor_tag: TiVec<ActorIdx, u64>,
    topic_tag: TiVec<TopicIdx, u64>,
    /// Who is in each article: its actors' tags, in order. Networks are
    /// drawn from these, and a digest's first page hashes them for each of
    /// its articles (thousands for a large topic).
    in_article: TiVec<ArticleIdx, u64>,
}

/// A page, where it is written, and its fingerprint.
pub struct Planned {
    pub page: Page,
    pub path: String,
    pub fingerprint: u64,
}

/// What a fingerprint is made from besides the site: `files` maps an
/// article's file to the hash of its bytes (everything an article takes from
/// its own file); `templates` maps a root template to the hash of its
/// closure; `always` goes into pages that are rendered on every rebuild.
pub struct Inputs<'a> {
    pub config: &'a Config,
    pub renderer: &'a Renderer,
    pub files: &'a HashMap<PathBuf, u64>,
    pub templates: &'a HashMap<String, u64>,
    pub always: u64,
}

/// Fingerprints of every page of `site`.
pub fn plan(inputs: &Inputs, site: &Site, cards: &Cards) -> Vec<Planned> {
    inputs
        .renderer
        .pages(site)
        .into_par_iter()
        .map(|page| fingerprint(inputs, site, cards, page))
        .collect()
}

/// The fingerprint of one page.
pub fn fingerprint(inputs: &Inputs, site: &Site, cards: &Cards, page: Page) -> Planned {
    let path = page.output_path(site);
    let mut h = Fingerprinter::default();
    path.hash(&mut h);
    let always = inputs.always;
    inputs
        .templates
        .get(page.template())
        .copied()
        .unwrap_or(always)
        .hash(&mut h);
    let page_size = inputs.config.site.digest.page_size.max(1);
    page_inputs(site, cards, inputs.files, page_size, page, always, &mut h);
    Planned {
        page,
        path,
        fingerprint: h.finish(),
    }
}

// Generous limits: the views show the first 40 key quotations, 40 actors and
// 20 related topics of a topic; 30 topics and 20 co-actors of an actor.
const KEY_QUOTES: usize = 100;
const TOPIC_ACTORS: usize = 100;
const RELATED: usize = 50;
const ACTOR_TOPICS: usize = 75;
const CO_ACTORS: usize = 50;

fn page_inputs(
    site: &Site,
    cards: &Cards,
    files: &HashMap<PathBuf, u64>,
    page_size: usize,
    page: Page,
    always: u64,
    h: &mut Fingerprinter,
) {
    let slice = |list: &[ArticleIdx], n: usize| -> (usize, usize) {
        let start = ((n.max(1) - 1) * page_size).min(list.len());
        (start, (start + page_size).min(list.len()))
    };
    let timeline = |list: &[ArticleIdx], n: usize, h: &mut Fingerprinter| {
        list.len().hash(h);
        n.hash(h);
        let (from, to) = slice(list, n);
        for &a in &list[from..to] {
            cards.article[a].hash(h);
        }
        // The period covered: the newest and the oldest.
        if let (Some(&first), Some(&last)) = (list.first(), list.last()) {
            date(&site.articles[first].date, h);
            date(&site.articles[last].date, h);
        }
    };
    match page {
        Page::Home => always.hash(h),
        Page::NotFound => {}
        Page::Article(i) => {
            let a = &site.articles[i];
            article_in_full(site, cards, files, i, always, h);
            for &x in &a.actors {
                cards.actor_tag[x].hash(h);
            }
            0xffu8.hash(h);
            for &t in &a.topics {
                cards.topic_tag[t].hash(h);
            }
        }
        Page::Topics => {
            cards.topic.hash(h);
            site_span(site, h);
            for topic in site.topics.iter() {
                dates(site, &topic.articles, h);
            }
        }
        Page::Topic(t, n) => {
            let topic = &site.topics[t];
            cards.topic[t].hash(h);
            topic.sources.hash(h);
            timeline(&topic.articles, n, h);
            for &q in topic
                .quotations
                .iter()
                .filter(|&&q| site.quotations[q].kind.is_statement())
                .take(KEY_QUOTES)
            {
                cards.quote[q].hash(h);
            }
            0xffu8.hash(h);
            for &(a, c) in topic.actors.iter().take(TOPIC_ACTORS) {
                (cards.actor_tag[a], c).hash(h);
            }
            0xffu8.hash(h);
            for &(r, c) in topic.related.iter().take(RELATED) {
                (cards.topic_tag[r], c).hash(h);
            }
            if n == 1 {
                // The pictures: coverage, who speaks, the network.
                dates(site, &topic.articles, h);
                for &q in &topic.quotations {
                    let quotation = &site.quotations[q];
                    date(&quotation.first_date, h);
                    speaker(site, quotation.speaker.as_ref(), h);
                }
                article_actors(cards, &topic.articles, h);
            }
        }
        Page::Actors => {
            cards.actor.hash(h);
            site_span(site, h);
            for actor in site.actors.iter() {
                dates(site, &actor.articles, h);
            }
        }
        Page::Actor(a, n) => {
            let actor = &site.actors[a];
            cards.actor[a].hash(h);
            timeline(&actor.articles, n, h);
            // The first page lists their most reported statements and the
            // words and phrases they are quoted using (read from all their
            // quotations), the others only count them.
            actor.quotations.len().hash(h);
            if n == 1 {
                for &q in &actor.quotations {
                    cards.quote[q].hash(h);
                }
            }
            0xffu8.hash(h);
            for &(t, c) in actor.topics.iter().take(ACTOR_TOPICS) {
                (cards.topic_tag[t], c).hash(h);
            }
            0xffu8.hash(h);
            for &(x, c) in actor.co_actors.iter().take(CO_ACTORS) {
                (cards.actor_tag[x], c).hash(h);
            }
            if n == 1 {
                // The pictures: coverage, the topics they speak on, their
                // neighbourhood.
                dates(site, &actor.articles, h);
                for &q in &actor.quotations {
                    let quotation = &site.quotations[q];
                    date(&quotation.first_date, h);
                    for &t in &quotation.topics {
                        cards.topic_tag[t].hash(h);
                    }
                    0xffu8.hash(h);
                }
                article_actors(cards, &actor.articles, h);
            }
        }
        Page::Sources => {
            for (s, source) in site.sources.iter_enumerated() {
                cards.source[s].hash(h);
                source.articles.len().hash(h);
                if let Some(&first) = source.articles.first() {
                    date(&site.articles[first].date, h);
                }
            }
        }
        Page::Source(s, n) => {
            let articles = &site.sources[s].articles;
            cards.source[s].hash(h);
            timeline(articles, n, h);
            if n == 1 {
                // The coverage as drawn: the articles' dates (where its bars
                // link) and the counts per period. Not the quotations
                // themselves: rewording one leaves the outlet's chart as it
                // was, and its page is not rendered again.
                dates(site, articles, h);
                let quotations = pictures::quotations_in(site, articles);
                pictures::Timeline::of(site, articles, &quotations, None).hash(h);
            }
        }
        Page::Quotes(n) => {
            cards.quote.len().hash(h);
            n.hash(h);
            let from = ((n.max(1) - 1) * page_size).min(cards.quote.len());
            let to = (from + page_size).min(cards.quote.len());
            cards.quote.raw[from..to].hash(h);
        }
        Page::Quote(q) => {
            let quotation = &site.quotations[q];
            cards.quote[q].hash(h);
            for ap in &quotation.appearances {
                cards.article[ap.article].hash(h);
                ap.text.hash(h);
                ap.ordinal.hash(h);
                speaker(site, site.own_speaker(quotation, ap), h);
            }
            0xffu8.hash(h);
            for &t in &quotation.topics {
                cards.topic_tag[t].hash(h);
            }
        }
        #[allow(unreachable_patterns)]
        _ => always.hash(h),
    }
}

/// Whose digest a print page prints (`print::Subject`).
#[derive(Debug, Clone, Copy)]
pub enum PrintSubject {
    Topic(TopicIdx),
    Actor(ActorIdx),
    All,
}

/// How many key actors and topics a print page's summary shows
/// (`print::Printer::summary`).
const PRINT_KEY_ACTORS: usize = 12;
const PRINT_TOPICS: usize = 10;

/// The fingerprint of a print page (`print::Printer::build_selections`):
/// `base` is what every print page reads besides the site (templates, style
/// sheet, the day it is made); then what the page shows, and only that: the
/// subject as a tag (its name, role), its network (drawn from who is in each
/// of its articles), how many articles it has, the articles printed, each in
/// full with its quotations and its actors, topics and speakers as tags, and
/// the key actors and topics the summary lists, as tags (no site-wide
/// counts), with their counts in the selection, in its order. A quotation
/// edit thus re-renders the pages that print its article, not every page of
/// the topics and actors it touches.
pub fn print_fingerprint(
    base: u64,
    subject: PrintSubject,
    site: &Site,
    cards: &Cards,
    files: &HashMap<PathBuf, u64>,
    articles: &[ArticleIdx],
    total: usize,
) -> u64 {
    one(|h| {
        (base, total, articles.len()).hash(h);
        match subject {
            PrintSubject::Topic(t) => {
                (0u8, cards.topic_tag[t]).hash(h);
                article_actors(cards, &site.topics[t].articles, h);
            }
            PrintSubject::Actor(a) => {
                (1u8, cards.actor_tag[a]).hash(h);
                article_actors(cards, &site.actors[a].articles, h);
            }
            PrintSubject::All => 2u8.hash(h),
        }
        let mut actor_counts: HashMap<ActorIdx, usize> = HashMap::new();
        let mut topic_counts: HashMap<TopicIdx, usize> = HashMap::new();
        for &i in articles {
            let a = &site.articles[i];
            article_in_full(site, cards, files, i, never(), h);
            for &x in &a.actors {
                cards.actor_tag[x].hash(h);
                *actor_counts.entry(x).or_default() += 1;
            }
            0xffu8.hash(h);
            for &t in &a.topics {
                cards.topic_tag[t].hash(h);
                *topic_counts.entry(t).or_default() += 1;
            }
            0xffu8.hash(h);
            // Who speaks, with their role.
            for q in &a.quotes {
                if let Some(Speaker::Actor(x)) = &q.speaker {
                    cards.actor_tag[*x].hash(h);
                }
            }
            0xffu8.hash(h);
        }
        // The summary's key actors and topics, ranked as it ranks them.
        let (actor, topic) = match subject {
            PrintSubject::Actor(a) => (Some(a), None),
            PrintSubject::Topic(t) => (None, Some(t)),
            PrintSubject::All => (None, None),
        };
        listed(
            actor_counts,
            actor,
            PRINT_KEY_ACTORS,
            |x| cards.actor_tag[x],
            h,
        );
        0xffu8.hash(h);
        listed(topic_counts, topic, PRINT_TOPICS, |t| cards.topic_tag[t], h);
    })
}

/// The tags of the first `n` of `counts` as `site::ranked` lists them,
/// `left_out` left out, each with its count.
fn listed<I: Ord + Copy>(
    counts: HashMap<I, usize>,
    left_out: Option<I>,
    n: usize,
    tag: impl Fn(I) -> u64,
    h: &mut Fingerprinter,
) {
    for (i, count) in crate::site::ranked(counts)
        .into_iter()
        .filter(|&(i, _)| Some(i) != left_out)
        .take(n)
    {
        (tag(i), count).hash(h);
    }
}

/// What an article's own page and a print page take of it: its card, its
/// file's bytes (the body), and its quotations as it reports them. `missing`
/// stands for what the cache does not know.
fn article_in_full(
    site: &Site,
    cards: &Cards,
    files: &HashMap<PathBuf, u64>,
    i: ArticleIdx,
    missing: u64,
    h: &mut Fingerprinter,
) {
    let a = &site.articles[i];
    cards.article[i].hash(h);
    files.get(&a.file).copied().unwrap_or(missing).hash(h);
    (&a.file, &a.url, a.word_count).hash(h);
    if let Some(u) = &a.updated {
        date(u, h);
    }
    for q in &a.quotes {
        q.text.hash(h);
        kind(q.kind).hash(h);
        speaker(site, q.speaker.as_ref(), h);
        cards
            .quote
            .get(q.quotation)
            .copied()
            .unwrap_or(missing)
            .hash(h);
    }
    0xffu8.hash(h);
}

/// A value no fingerprint of a past build holds.
fn never() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    xxhash_rust::xxh3::xxh3_64(&now.as_nanos().to_le_bytes())
}

/// The hash of every entity's card: what lists of articles, actors, topics,
/// quotations and outlets show of each.
pub fn cards(site: &Site) -> Cards {
    cards_since(None, site)
}

/// [`cards`], taking the cards of the articles `site` shares with `last`
/// (a site and its cards) from those instead of hashing them again.
pub fn cards_since(last: Option<(&Site, &Cards)>, site: &Site) -> Cards {
    let source: TiVec<SourceIdx, u64> = site
        .sources
        .iter()
        .map(|s| one(|h| (&s.id, &s.name).hash(h)))
        .collect();
    let first_date = |list: &[ArticleIdx], h: &mut Fingerprinter| match list.first() {
        Some(&a) => date(&site.articles[a].date, h),
        None => 0u8.hash(h),
    };
    // An article the last site shares, from an outlet whose card is the
    // same, has the same card.
    let last = last
        .filter(|(old, cards)| old.articles.len() == site.articles.len() && cards.source == source);
    let article: Vec<u64> = site
        .articles
        .raw
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            if let Some((old, cards)) = last
                && Arc::ptr_eq(&old.articles.raw[i], a)
            {
                return cards.article.raw[i];
            }
            one(|h| {
                (&a.slug, &a.title, &a.dateline, &a.summary, &a.lede).hash(h);
                a.language.hash(h);
                date(&a.date, h);
                a.source.map(|s| source[s]).hash(h);
                a.quotes.len().hash(h);
            })
        })
        .collect();
    let actor = site
        .actors
        .iter()
        .map(|a| {
            one(|h| {
                (&a.id, &a.name, &a.role, &a.aliases).hash(h);
                format!("{:?}", a.kind).hash(h);
                (a.articles.len(), a.quotations.len(), a.quote_counts).hash(h);
                first_date(&a.articles, h);
            })
        })
        .collect();
    let topic = site
        .topics
        .iter()
        .map(|t| {
            one(|h| {
                (&t.id, &t.title, &t.keywords).hash(h);
                (t.articles.len(), t.quotations.len(), t.quote_counts).hash(h);
                first_date(&t.articles, h);
            })
        })
        .collect();
    let quote: Vec<u64> = site
        .quotations
        .raw
        .par_iter()
        .map(|q| {
            one(|h| {
                (&q.id, &q.text, kind(q.kind)).hash(h);
                speaker(site, q.speaker.as_ref(), h);
                date(&q.first_date, h);
                (q.appearances.len(), q.outlets).hash(h);
            })
        })
        .collect();
    let actor_tag = site
        .actors
        .iter()
        .map(|a| one(|h| (&a.id, &a.name, &a.role, format!("{:?}", a.kind)).hash(h)))
        .collect();
    let topic_tag = site
        .topics
        .iter()
        .map(|t| one(|h| (&t.id, &t.title).hash(h)))
        .collect();
    let in_article = who_is_in(site, &actor_tag);
    Cards {
        article: article.into(),
        actor,
        topic,
        quote: quote.into(),
        source,
        actor_tag,
        topic_tag,
        in_article,
    }
}

/// The hash of each article's actors as tags (`Cards::in_article`).
fn who_is_in(site: &Site, actor_tag: &TiVec<ActorIdx, u64>) -> TiVec<ArticleIdx, u64> {
    site.articles
        .iter()
        .map(|a| {
            one(|h| {
                for &x in &a.actors {
                    actor_tag[x].hash(h);
                }
            })
        })
        .collect()
}

fn one(f: impl FnOnce(&mut Fingerprinter)) -> u64 {
    let mut h = Fingerprinter::default();
    f(&mut h);
    h.finish()
}

/// Every date of a list of articles, in order: what a coverage chart or a
/// sparkline counts, and where its bars link.
fn dates(site: &Site, articles: &[ArticleIdx], h: &mut Fingerprinter) {
    articles.len().hash(h);
    for &a in articles {
        date(&site.articles[a].date, h);
    }
}

/// The first and last article of the site: the axis the index pages'
/// sparklines share.
fn site_span(site: &Site, h: &mut Fingerprinter) {
    for a in [site.articles.first(), site.articles.last()]
        .into_iter()
        .flatten()
    {
        date(&a.date, h);
    }
}

/// Who is in each of the articles: what a network's edges count.
fn article_actors(cards: &Cards, articles: &[ArticleIdx], h: &mut Fingerprinter) {
    articles.len().hash(h);
    for &a in articles {
        h.write_u64(cards.in_article[a]);
    }
}

/// The instant and the offset: pages show dates in the article's own offset.
fn date(d: &DateTime<FixedOffset>, h: &mut Fingerprinter) {
    (
        d.timestamp(),
        d.timestamp_subsec_nanos(),
        d.offset().local_minus_utc(),
    )
        .hash(h);
}

fn kind(k: QuoteKind) -> u8 {
    match k {
        QuoteKind::Quote => 0,
        QuoteKind::Partial => 1,
        QuoteKind::Fragment => 2,
        QuoteKind::Title => 3,
    }
}

fn speaker(site: &Site, s: Option<&Speaker>, h: &mut Fingerprinter) {
    match s {
        None => 0u8.hash(h),
        Some(Speaker::Actor(a)) => {
            1u8.hash(h);
            let actor = &site.actors[*a];
            (&actor.id, &actor.name).hash(h);
        }
        Some(Speaker::Anonymous(d)) => {
            2u8.hash(h);
            d.hash(h);
        }
    }
}

/// For each template, the hash of its text and of every template it
/// extends, includes or imports, transitively. A template naming another in
/// a way this scan does not follow would only be missed if the other one
/// changes alone; tera's `extends`, `include` and `import` all take literal
/// names.
pub fn template_closures(theme: &Theme) -> HashMap<String, u64> {
    let texts: HashMap<&str, &str> = theme
        .templates
        .iter()
        .map(|t| (t.name.as_str(), t.text.as_str()))
        .collect();
    let direct: HashMap<&str, Vec<String>> = texts
        .iter()
        .map(|(&name, &text)| (name, referenced(text)))
        .collect();
    texts
        .keys()
        .map(|&root| {
            let mut seen: HashSet<&str> = HashSet::new();
            let mut stack = vec![root];
            while let Some(name) = stack.pop() {
                if !seen.insert(name) {
                    continue;
                }
                for next in direct.get(name).into_iter().flatten() {
                    if let Some((&known, _)) = texts.get_key_value(next.as_str()) {
                        stack.push(known);
                    }
                }
            }
            let mut names: Vec<&str> = seen.into_iter().collect();
            names.sort_unstable();
            let hash = one(|h| {
                for name in names {
                    (name, texts[name]).hash(h);
                }
            });
            (root.to_string(), hash)
        })
        .collect()
}

/// The template names in the `extends`, `include` and `import` tags of a
/// template's text.
fn referenced(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{%") {
        rest = &rest[open + 2..];
        let end = rest.find("%}").unwrap_or(rest.len());
        let tag = rest[..end].trim_start_matches('-').trim_start();
        if ["extends", "include", "import"]
            .iter()
            .any(|k| tag.starts_with(k))
        {
            // Every quoted string of the tag: `include ["a", "b"]` names two.
            let mut parts = tag.split(['"', '\'']);
            parts.next();
            for (i, part) in parts.enumerate() {
                if i % 2 == 0 {
                    names.push(part.to_string());
                }
            }
        }
        rest = &rest[end..];
    }
    names
}

/// The hash of one article's files (the article and, for a `.txt`, its
/// `.yaml`) with the path, or `None` when one of them cannot be read.
pub fn file_hash(root: &Path, files: &[&Path]) -> Option<u64> {
    let bytes = files
        .iter()
        .map(|f| crate::limits::read_file(&root.join(f)).ok())
        .collect::<Option<Vec<_>>>()?;
    Some(bytes_hash(
        files.iter().copied().zip(bytes.iter().map(Vec::as_slice)),
    ))
}

/// [`file_hash`] of files already read, each path with its bytes: a build
/// hashes the bytes it reads the article from.
pub fn bytes_hash<'a>(files: impl IntoIterator<Item = (&'a Path, &'a [u8])>) -> u64 {
    let mut h = Fingerprinter::default();
    for (path, bytes) in files {
        path.hash(&mut h);
        bytes.hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_referenced_templates() {
        let text = r#"{% extends "base.html" %}{%- import 'partials/macros.html' as m -%}
        {% include ["a.html", "b.html"] ignore missing %}{{ "not.html" }}{% if x %}{% endif %}"#;
        assert_eq!(
            referenced(text),
            ["base.html", "partials/macros.html", "a.html", "b.html"]
        );
    }
}
