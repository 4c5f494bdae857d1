//! Linking: from processed articles to the site model, resolving names to
//! actors and topics, grouping shared quotations and computing each digest's
//! lists. Linear in the number of articles (plus the few actors per article).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::*;
use crate::config::SiteConfig;
use crate::content::Meta;
use crate::extract::{Findings, FoundSpeaker};
use crate::slug::slugify;

/// One article after the per-file, parallel stages (load, Markdown,
/// extraction): everything linking needs, nothing borrowed.
#[derive(Debug, Clone)]
pub struct Processed {
    pub file: PathBuf,
    pub slug: String,
    pub title: String,
    pub meta: Meta,
    /// Shared with the site's `Article`: `serve` keeps every processed
    /// article between rebuilds and links them again without copying bodies.
    pub body_html: Arc<str>,
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

/// Names that refer to registry entries, compared without case.
struct Names {
    by_name: HashMap<String, usize>,
}

impl Names {
    fn get(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name.trim().to_lowercase()).copied()
    }
    fn insert(&mut self, name: &str, index: usize) {
        self.by_name
            .entry(name.trim().to_lowercase())
            .or_insert(index);
    }
}

pub fn link(config: &SiteConfig, mut processed: Vec<&Processed>) -> Site {
    processed.sort_by(|a, b| {
        b.meta
            .date
            .cmp(&a.meta.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });

    let mut actors: Vec<Actor> = Vec::with_capacity(config.actors.len());
    let mut actor_names = Names {
        by_name: HashMap::new(),
    };
    for (id, entry) in &config.actors {
        let index = actors.len();
        actors.push(Actor::new(id.clone(), entry.name.clone(), entry.kind, true));
        let actor = actors.last_mut().expect("just pushed");
        actor.aliases = entry.aliases.clone();
        actor.role = entry.role.clone();
        actor_names.insert(id, index);
        actor_names.insert(&entry.name, index);
    }
    // Aliases after every id and name, so an alias never shadows a name.
    for (index, entry) in config.actors.values().enumerate() {
        for alias in &entry.aliases {
            actor_names.insert(alias, index);
        }
    }
    let mut topics: Vec<Topic> = Vec::with_capacity(config.topics.len());
    let mut topic_names = Names {
        by_name: HashMap::new(),
    };
    for (id, entry) in &config.topics {
        topic_names.insert(id, topics.len());
        topic_names.insert(&entry.title, topics.len());
        topics.push(Topic::new(id.clone(), entry.title.clone(), true));
        topics.last_mut().expect("just pushed").keywords = entry.keywords.clone();
    }

    let mut sources: Vec<Source> = Vec::new();
    let mut source_ids: HashMap<String, SourceIdx> = HashMap::new();
    let mut articles: Vec<Article> = Vec::with_capacity(processed.len());
    let mut pending_quotes: Vec<quotes::Pending> = Vec::new();

    for (index, p) in processed.iter().enumerate() {
        let mut article_actors: Vec<ActorIdx> = p.findings.actors.clone();
        for listed in &p.meta.actors {
            article_actors.push(resolve_actor(&listed.value, &mut actors, &mut actor_names));
        }
        let mut article_topics: Vec<TopicIdx> = p.findings.topics.clone();
        for listed in &p.meta.topics {
            let value = &listed.value;
            let topic = topic_names.get(value).unwrap_or_else(|| {
                let id = slugify(value);
                topic_names.get(&id).unwrap_or_else(|| {
                    topics.push(Topic::new(id.clone(), value.trim().to_string(), false));
                    topic_names.insert(&id, topics.len() - 1);
                    topic_names.insert(value, topics.len() - 1);
                    topics.len() - 1
                })
            });
            article_topics.push(topic);
        }
        let mut article_quotes = Vec::with_capacity(p.findings.quotes.len());
        for (ordinal, quote) in p.findings.quotes.iter().enumerate() {
            let speaker = quote.speaker.as_ref().map(|s| match s {
                FoundSpeaker::Registry(i) => Speaker::Actor(*i),
                FoundSpeaker::Named(name) => {
                    Speaker::Actor(resolve_actor(name, &mut actors, &mut actor_names))
                }
                FoundSpeaker::Anonymous(description) => Speaker::Anonymous(description.clone()),
            });
            if let Some(Speaker::Actor(i)) = speaker {
                article_actors.push(i);
            }
            pending_quotes.push(quotes::Pending {
                article: index,
                ordinal,
                date: p.meta.date,
                slug: &p.slug,
                text: &quote.text,
                key: &quote.key,
                kind: quote.kind,
                speaker: speaker.clone(),
            });
            article_quotes.push(ArticleQuote {
                quotation: usize::MAX,
                text: quote.text.clone(),
                kind: quote.kind,
                speaker,
            });
        }
        dedup_in_order(&mut article_actors);
        dedup_in_order(&mut article_topics);

        let source = p.meta.source.as_deref().map(|name| {
            let id = slugify(name);
            *source_ids.entry(id.clone()).or_insert_with(|| {
                sources.push(Source {
                    id,
                    name: name.trim().to_string(),
                    articles: Vec::new(),
                });
                sources.len() - 1
            })
        });
        if let Some(s) = source {
            sources[s].articles.push(index);
        }
        let summary = p.meta.summary.clone().unwrap_or_else(|| p.lede.clone());
        articles.push(Article {
            slug: p.slug.clone(),
            file: p.file.clone(),
            title: p.title.clone(),
            date: p.meta.date,
            updated: p.meta.updated,
            source,
            url: p.meta.url.clone(),
            dateline: p.meta.dateline.clone(),
            summary,
            lede: p.lede.clone(),
            body_html: Arc::clone(&p.body_html),
            word_count: p.word_count,
            draft: p.meta.draft,
            actors: article_actors,
            topics: article_topics,
            quotes: article_quotes,
            listed_actors: p.meta.actors.clone(),
            listed_topics: p.meta.topics.clone(),
        });
    }

    let mut quotations = quotes::group(pending_quotes, &articles, &actors);
    for (qi, quotation) in quotations.iter().enumerate() {
        for appearance in &quotation.appearances {
            articles[appearance.article].quotes[appearance.ordinal].quotation = qi;
        }
    }

    // Digest lists.
    for (ai, article) in articles.iter().enumerate() {
        for &a in &article.actors {
            actors[a].articles.push(ai);
        }
        for &t in &article.topics {
            topics[t].articles.push(ai);
        }
    }
    for (qi, quotation) in quotations.iter_mut().enumerate() {
        let mut topic_counts: HashMap<TopicIdx, usize> = HashMap::new();
        for appearance in &quotation.appearances {
            for &t in &articles[appearance.article].topics {
                *topic_counts.entry(t).or_default() += 1;
            }
        }
        quotation.topics = ranked(topic_counts).into_iter().map(|(t, _)| t).collect();
        for &t in &quotation.topics {
            topics[t].quotations.push(qi);
        }
        if let Some(Speaker::Actor(a)) = quotation.speaker {
            actors[a].quotations.push(qi);
        }
    }
    for (me, actor) in actors.iter_mut().enumerate() {
        let mut topic_counts: HashMap<TopicIdx, usize> = HashMap::new();
        let mut co: HashMap<ActorIdx, usize> = HashMap::new();
        for &ai in &actor.articles {
            for &t in &articles[ai].topics {
                *topic_counts.entry(t).or_default() += 1;
            }
            for &other in &articles[ai].actors {
                *co.entry(other).or_default() += 1;
            }
        }
        co.retain(|&other, _| other != me);
        actor.topics = ranked(topic_counts);
        actor.co_actors = ranked(co);
    }
    for (ti, topic) in topics.iter_mut().enumerate() {
        let mut actor_counts: HashMap<ActorIdx, usize> = HashMap::new();
        let mut related: HashMap<TopicIdx, usize> = HashMap::new();
        let mut outlets: Vec<SourceIdx> = Vec::new();
        for &ai in &topic.articles {
            for &a in &articles[ai].actors {
                *actor_counts.entry(a).or_default() += 1;
            }
            for &t in &articles[ai].topics {
                if t != ti {
                    *related.entry(t).or_default() += 1;
                }
            }
            outlets.extend(articles[ai].source);
        }
        outlets.sort_unstable();
        outlets.dedup();
        topic.sources = outlets.len();
        topic.actors = ranked(actor_counts);
        topic.related = ranked(related);
    }

    let actor_ids = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let topic_ids = topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let article_slugs = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.slug.clone(), i))
        .collect();
    Site {
        articles: articles.into_iter().map(Arc::new).collect(),
        actors: Arc::new(actors),
        topics: Arc::new(topics),
        sources: Arc::new(sources),
        quotations: Arc::new(quotations),
        actor_ids: Arc::new(actor_ids),
        topic_ids: Arc::new(topic_ids),
        article_slugs: Arc::new(article_slugs),
    }
}

/// A name from front matter or a speaker: a registry id, name or alias, or a
/// new actor whose id is the slug of the name.
fn resolve_actor(value: &str, actors: &mut Vec<Actor>, names: &mut Names) -> ActorIdx {
    if let Some(i) = names.get(value) {
        return i;
    }
    let id = slugify(value);
    if let Some(i) = names.get(&id) {
        return i;
    }
    actors.push(Actor::new(
        id.clone(),
        value.trim().to_string(),
        ActorKind::Person,
        false,
    ));
    let i = actors.len() - 1;
    names.insert(&id, i);
    names.insert(value, i);
    i
}

/// Most first, ties by index so output is stable.
fn ranked(counts: HashMap<usize, usize>) -> Vec<(usize, usize)> {
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}

fn dedup_in_order(list: &mut Vec<usize>) {
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
            actors: Vec::new(),
            related: Vec::new(),
            sources: 0,
        }
    }
}
