//! Linking: from processed articles to the site model, resolving names to
//! actors and topics, grouping shared quotations and computing each digest's
//! lists. Linear in the number of articles (plus the few actors per article).

use std::borrow::Borrow;
use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use typed_index_collections::{TiSlice, TiVec};

use super::quotes::Wordings;
use super::*;
use crate::config::SiteConfig;
use crate::extract::FoundSpeaker;
use crate::slug::slugify;

/// What `relink` keeps of the last link: the name tables and the quotations'
/// shingle graph. Valid for the site it was made with, and for the sites
/// `relink` (or a body-only patch) made from it.
#[derive(Debug, Clone)]
pub struct LinkIndex {
    pub(super) names: NameTables,
    pub(super) wordings: Wordings,
}

/// Names that refer to registry entries (and, after linking, to the actors
/// and topics made from front matter and speakers), compared without case.
#[derive(Debug, Clone)]
pub(super) struct Names<I> {
    by_name: HashMap<String, I>,
}

impl<I> Default for Names<I> {
    fn default() -> Self {
        Names {
            by_name: HashMap::new(),
        }
    }
}

impl<I: Copy> Names<I> {
    pub(super) fn get(&self, name: &str) -> Option<I> {
        self.by_name.get(&name.trim().to_lowercase()).copied()
    }
    fn insert(&mut self, name: &str, index: I) {
        self.by_name
            .entry(name.trim().to_lowercase())
            .or_insert(index);
    }
}

/// The name tables of one link: the registry's alone, and the final ones
/// with every actor and topic made while linking. `relink` resolves an
/// edited article's names with them.
#[derive(Debug, Clone)]
pub(super) struct NameTables {
    pub registry_actors: Names<ActorIdx>,
    pub actors: Names<ActorIdx>,
    pub topics: Names<TopicIdx>,
}

pub fn link(config: &SiteConfig, processed: Vec<&Processed>) -> Site {
    link_site(config, processed, false).0
}

/// `link`, and what `relink` needs to patch the result after a one-article
/// edit (`serve` keeps it between rebuilds; a build does not pay for it).
pub fn link_indexed(config: &SiteConfig, processed: Vec<&Processed>) -> (Site, LinkIndex) {
    let (site, index) = link_site(config, processed, true);
    (site, index.expect("asked for"))
}

fn link_site(
    config: &SiteConfig,
    mut processed: Vec<&Processed>,
    keep_index: bool,
) -> (Site, Option<LinkIndex>) {
    processed.sort_by(|a, b| {
        b.meta
            .date
            .cmp(&a.meta.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });

    let (mut actors, mut topics, registry_actors, mut topic_names) = registry(config);
    let mut actor_names = registry_actors.clone();
    let site_names = site_names(config, &processed);

    let mut sources: TiVec<SourceIdx, Source> = TiVec::new();
    let mut source_ids: HashMap<String, SourceIdx> = HashMap::new();
    let mut articles: TiVec<ArticleIdx, Article> = TiVec::with_capacity(processed.len());
    let mut pending_quotes: Vec<quotes::Pending> = Vec::new();

    for p in &processed {
        let index = articles.next_key();
        let source = p.meta.source.as_deref().map(|name| {
            let id = slugify(name);
            *source_ids.entry(id.clone()).or_insert_with(|| {
                sources.push_and_get_key(Source {
                    id,
                    name: name.trim().to_string(),
                    articles: Vec::new(),
                })
            })
        });
        if let Some(s) = source {
            sources[s].articles.push(index);
        }
        let article = make_article(
            p,
            source,
            &mut |name, kind| resolve_actor(name, kind, &mut actors, &mut actor_names, &site_names),
            &mut |value| resolve_topic(value, &mut topics, &mut topic_names),
            &|name| site_names.names_someone(name),
        );
        pending_quotes.extend(quotes::pending_of(index, &article, p));
        articles.push(article);
    }

    let mut index = keep_index.then(|| LinkIndex {
        names: NameTables {
            registry_actors,
            actors: actor_names,
            topics: topic_names,
        },
        wordings: quotes::Wordings::of(&pending_quotes, &actors),
    });
    let sources_of: TiVec<ArticleIdx, Option<SourceIdx>> =
        articles.iter().map(|a| a.source).collect();
    let mut quotations = quotes::group(pending_quotes, &|a| sources_of[a], &actors);
    for (qi, quotation) in quotations.iter_enumerated() {
        for appearance in &quotation.appearances {
            articles[appearance.article].quotes[appearance.ordinal].quotation = qi;
        }
    }
    if let Some(index) = &mut index {
        index
            .wordings
            .note_quotations(|a, ordinal| articles[a].quotes[ordinal].quotation);
    }

    // Digest lists.
    for (ai, article) in articles.iter_enumerated() {
        for &a in &article.actors {
            actors[a].articles.push(ai);
        }
        for &t in &article.topics {
            topics[t].articles.push(ai);
        }
    }
    // Each list reads the articles and writes only its own owner's: the
    // counting runs in parallel.
    quotations
        .raw
        .par_iter_mut()
        .for_each(|quotation| quotation.topics = quotation_topics(quotation, &articles));
    quotation_lists(&quotations, &mut actors, &mut topics);
    actors
        .raw
        .par_iter_mut()
        .enumerate()
        .for_each(|(me, actor)| actor_lists(me.into(), actor, &articles));
    topics
        .raw
        .par_iter_mut()
        .enumerate()
        .for_each(|(ti, topic)| topic_lists(ti.into(), topic, &articles));

    let actor_ids = actors
        .iter_enumerated()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let topic_ids = topics
        .iter_enumerated()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let article_slugs = articles
        .iter_enumerated()
        .map(|(i, a)| (a.slug.clone(), i))
        .collect();
    // Extended, not collected: a collect would keep the articles' own
    // buffer (hundreds of bytes an article) to hold the pointers.
    let mut shared = TiVec::with_capacity(articles.len());
    shared.extend(articles.into_iter().map(Arc::new));
    let site = Site {
        articles: shared,
        actors: Arc::new(actors),
        topics: Arc::new(topics),
        sources: Arc::new(sources),
        quotations: Arc::new(quotations.into_iter().map(Arc::new).collect()),
        actor_ids: Arc::new(actor_ids),
        topic_ids: Arc::new(topic_ids),
        article_slugs: Arc::new(article_slugs),
        pictures: Default::default(),
    };
    (site, index)
}

/// The registry's actors and topics, and the names that refer to them.
#[allow(clippy::type_complexity)]
fn registry(
    config: &SiteConfig,
) -> (
    TiVec<ActorIdx, Actor>,
    TiVec<TopicIdx, Topic>,
    Names<ActorIdx>,
    Names<TopicIdx>,
) {
    let mut actors: TiVec<ActorIdx, Actor> = TiVec::with_capacity(config.actors.len());
    let mut actor_names = Names::default();
    for (id, entry) in &config.actors {
        let index =
            actors.push_and_get_key(Actor::new(id.clone(), entry.name.clone(), entry.kind, true));
        let actor = &mut actors[index];
        actor.aliases = entry.aliases.clone();
        actor.role = entry.role.clone();
        actor_names.insert(id, index);
        actor_names.insert(&entry.name, index);
    }
    // Aliases after every id and name, so an alias never shadows a name.
    for (index, entry) in config.actors.values().enumerate() {
        for alias in &entry.aliases {
            actor_names.insert(alias, ActorIdx::from(index));
        }
    }
    let mut topics: TiVec<TopicIdx, Topic> = TiVec::with_capacity(config.topics.len());
    let mut topic_names = Names::default();
    for (id, entry) in &config.topics {
        let index = topics.push_and_get_key(Topic::new(id.clone(), entry.title.clone(), true));
        topic_names.insert(id, index);
        topic_names.insert(&entry.title, index);
        topics[index].keywords = entry.keywords.clone();
    }
    (actors, topics, actor_names, topic_names)
}

/// The people of the site under one name each (`dossier_extract::SiteNames`):
/// the registry's names lead, then the names speakers and front matter give.
fn site_names(config: &SiteConfig, processed: &[&Processed]) -> dossier_extract::SiteNames {
    let fixed = config
        .actors
        .values()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str());
    let found = processed.iter().flat_map(|p| {
        let listed = p.meta.actors.iter().map(|l| (l.value.as_str(), 1));
        let speakers = p.findings.quotes.iter().filter_map(|q| match &q.speaker {
            Some(FoundSpeaker::Named {
                name,
                kind: dossier_extract::ActorKind::Person,
            }) => Some((name.as_str(), 1)),
            _ => None,
        });
        listed.chain(speakers)
    });
    dossier_extract::SiteNames::new(fixed, found)
}

/// One article of the site, its quotations not yet grouped (their
/// `quotation` is `QuotationIdx::UNGROUPED`). Names are resolved by the callers' functions
/// (with the kind extraction found, for a speaker): `link` makes actors and
/// topics for new names, `relink` only looks up.
pub(super) fn make_article(
    p: &Processed,
    source: Option<SourceIdx>,
    resolve_actor: &mut dyn FnMut(&str, Option<ActorKind>) -> ActorIdx,
    resolve_topic: &mut dyn FnMut(&str) -> TopicIdx,
    names_someone: &dyn Fn(&str) -> bool,
) -> Article {
    // The registry's actors and topics come first in the site's tables, in
    // the order extraction numbers them.
    let mut article_actors: Vec<ActorIdx> = p
        .findings
        .actors
        .iter()
        .map(|&i| ActorIdx::from(i))
        .collect();
    for listed in &p.meta.actors {
        article_actors.push(resolve_actor(&listed.value, None));
    }
    let mut article_topics: Vec<TopicIdx> = p
        .findings
        .topics
        .iter()
        .map(|&i| TopicIdx::from(i))
        .collect();
    for listed in &p.meta.topics {
        article_topics.push(resolve_topic(&listed.value));
    }
    let mut article_quotes = Vec::with_capacity(p.findings.quotes.len());
    for quote in &p.findings.quotes {
        let speaker = quote.speaker.as_ref().map(|s| match s {
            FoundSpeaker::Registry(i) => Speaker::Actor(ActorIdx::from(*i)),
            // A name that makes no usable URL (no letters, or longer than a
            // file name), or that names no one a reader could tell (`Bob`, when
            // people of the site are called so), gets no page: the
            // speaker stays as written.
            FoundSpeaker::Named { name, .. }
                if crate::slug::check_slug(&slugify(name)).is_err() || !names_someone(name) =>
            {
                Speaker::Anonymous(name.clone())
            }
            FoundSpeaker::Named { name, kind } => {
                Speaker::Actor(resolve_actor(name, Some(actor_kind(*kind))))
            }
            FoundSpeaker::Anonymous(description) => Speaker::Anonymous(description.clone()),
        });
        if let Some(Speaker::Actor(i)) = speaker {
            article_actors.push(i);
        }
        article_quotes.push(ArticleQuote {
            quotation: QuotationIdx::UNGROUPED,
            text: quote.text.clone(),
            kind: quote.kind,
            attribution: quote.attribution.filter(|_| speaker.is_some()),
            speaker,
        });
    }
    dedup_in_order(&mut article_actors);
    dedup_in_order(&mut article_topics);
    let summary = p.meta.summary.clone().unwrap_or_else(|| p.lede.clone());
    Article {
        slug: p.slug.clone(),
        file: p.file.clone(),
        title: p.title.clone(),
        date: p.meta.date,
        updated: p.meta.updated,
        source,
        url: p.meta.url.clone(),
        dateline: p.meta.dateline.clone(),
        language: p.meta.language.clone(),
        summary,
        lede: p.lede.clone(),
        body: p.body.clone(),
        word_count: p.word_count,
        draft: p.meta.draft,
        actors: article_actors,
        topics: article_topics,
        quotes: article_quotes,
        listed_actors: p.meta.actors.clone(),
        listed_topics: p.meta.topics.clone(),
    }
}

/// A quotation's topics: those of the articles reporting it, most first.
pub(super) fn quotation_topics<A: Borrow<Article>>(
    quotation: &Quotation,
    articles: &TiSlice<ArticleIdx, A>,
) -> Vec<TopicIdx> {
    let mut topic_counts: HashMap<TopicIdx, usize> = HashMap::new();
    for appearance in &quotation.appearances {
        for &t in &articles[appearance.article].borrow().topics {
            *topic_counts.entry(t).or_default() += 1;
        }
    }
    ranked(topic_counts).into_iter().map(|(t, _)| t).collect()
}

/// Each topic's and actor's quotations, in the quotations' order.
pub(super) fn quotation_lists<Q: Borrow<Quotation>>(
    quotations: &TiSlice<QuotationIdx, Q>,
    actors: &mut TiSlice<ActorIdx, Actor>,
    topics: &mut TiSlice<TopicIdx, Topic>,
) {
    for actor in actors.iter_mut() {
        actor.quotations.clear();
        actor.quote_counts = QuoteCounts::default();
    }
    for topic in topics.iter_mut() {
        topic.quotations.clear();
        topic.quote_counts = QuoteCounts::default();
    }
    for (qi, quotation) in quotations.iter_enumerated() {
        let quotation = quotation.borrow();
        for &t in &quotation.topics {
            topics[t].quotations.push(qi);
            topics[t].quote_counts.add(quotation.kind);
        }
        if let Some(Speaker::Actor(a)) = quotation.speaker {
            actors[a].quotations.push(qi);
            actors[a].quote_counts.add(quotation.kind);
        }
    }
}

/// An actor's topics and co-actors, from their articles.
pub(super) fn actor_lists<A: Borrow<Article>>(
    me: ActorIdx,
    actor: &mut Actor,
    articles: &TiSlice<ArticleIdx, A>,
) {
    let mut topic_counts: HashMap<TopicIdx, usize> = HashMap::new();
    let mut co: HashMap<ActorIdx, usize> = HashMap::new();
    for &ai in &actor.articles {
        let article = articles[ai].borrow();
        for &t in &article.topics {
            *topic_counts.entry(t).or_default() += 1;
        }
        for &other in &article.actors {
            *co.entry(other).or_default() += 1;
        }
    }
    co.retain(|&other, _| other != me);
    actor.topics = ranked(topic_counts);
    actor.co_actors = ranked(co);
}

/// A topic's actors, related topics and outlets, from its articles.
pub(super) fn topic_lists<A: Borrow<Article>>(
    ti: TopicIdx,
    topic: &mut Topic,
    articles: &TiSlice<ArticleIdx, A>,
) {
    let mut actor_counts: HashMap<ActorIdx, usize> = HashMap::new();
    let mut related: HashMap<TopicIdx, usize> = HashMap::new();
    let mut outlets: Vec<SourceIdx> = Vec::new();
    for &ai in &topic.articles {
        let article = articles[ai].borrow();
        for &a in &article.actors {
            *actor_counts.entry(a).or_default() += 1;
        }
        for &t in &article.topics {
            if t != ti {
                *related.entry(t).or_default() += 1;
            }
        }
        outlets.extend(article.source);
    }
    outlets.sort_unstable();
    outlets.dedup();
    topic.sources = outlets.len();
    topic.actors = ranked(actor_counts);
    topic.related = ranked(related);
}

/// A topic named in front matter: a registry id or title, or a new topic
/// whose id is the slug of the name.
fn resolve_topic(
    value: &str,
    topics: &mut TiVec<TopicIdx, Topic>,
    names: &mut Names<TopicIdx>,
) -> TopicIdx {
    names.get(value).unwrap_or_else(|| {
        let id = slugify(value);
        names.get(&id).unwrap_or_else(|| {
            let index =
                topics.push_and_get_key(Topic::new(id.clone(), value.trim().to_string(), false));
            names.insert(&id, index);
            names.insert(value, index);
            index
        })
    })
}

/// A name from front matter or a speaker: a registry id, name or alias, the
/// actor another form of the same person's name made (`site_names`), or a new
/// actor whose id is the slug of the name. Every form is remembered under the
/// actor it resolved to, so `relink` finds it by looking up.
fn resolve_actor(
    value: &str,
    kind: Option<ActorKind>,
    actors: &mut TiVec<ActorIdx, Actor>,
    names: &mut Names<ActorIdx>,
    site_names: &dossier_extract::SiteNames,
) -> ActorIdx {
    if let Some(i) = names.get(value) {
        return i;
    }
    let id = slugify(value);
    if let Some(i) = names.get(&id) {
        return i;
    }
    let shown = site_names.canonical(value).unwrap_or(value);
    let shown_id = slugify(shown);
    if let Some(i) = names.get(shown).or_else(|| names.get(&shown_id)) {
        names.insert(value, i);
        return i;
    }
    let kind = match kind {
        Some(kind) if shown == value => kind,
        _ => actor_kind(dossier_extract::kind_of(shown)),
    };
    let i = actors.push_and_get_key(Actor::new(
        shown_id.clone(),
        shown.trim().to_string(),
        kind,
        false,
    ));
    names.insert(&shown_id, i);
    names.insert(shown, i);
    names.insert(value, i);
    i
}

fn actor_kind(kind: dossier_extract::ActorKind) -> ActorKind {
    match kind {
        dossier_extract::ActorKind::Person => ActorKind::Person,
        dossier_extract::ActorKind::Organisation => ActorKind::Organisation,
    }
}

/// Most first, ties by index so output is stable.
pub fn ranked<I: Ord>(counts: HashMap<I, usize>) -> Vec<(I, usize)> {
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}

fn dedup_in_order<I: Copy + Eq + std::hash::Hash>(list: &mut Vec<I>) {
    let mut seen = std::collections::HashSet::with_capacity(list.len());
    list.retain(|x| seen.insert(*x));
}

impl Actor {
    fn new(id: String, name: String, kind: ActorKind, in_registry: bool) -> Actor {
        Actor {
            id,
            name,
            aliases: Vec::new(),
            role: None,
            kind,
            in_registry,
            articles: Vec::new(),
            quotations: Vec::new(),
            quote_counts: QuoteCounts::default(),
            topics: Vec::new(),
            co_actors: Vec::new(),
        }
    }
}

impl Topic {
    fn new(id: String, title: String, in_registry: bool) -> Topic {
        Topic {
            id,
            title,
            keywords: Vec::new(),
            in_registry,
            articles: Vec::new(),
            quotations: Vec::new(),
            quote_counts: QuoteCounts::default(),
            actors: Vec::new(),
            related: Vec::new(),
            sources: 0,
        }
    }
}
