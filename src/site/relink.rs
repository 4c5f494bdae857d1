//! Relinking after one article changed: the last site patched, equal to what
//! `link` makes of all the articles, without linking them all again.
//!
//! It applies when the article keeps its file, slug and front matter (so its
//! place among the articles, its outlet and every actor and topic made from
//! front matter stay) and names no new speaker outside the registry other
//! than those it named before. Its quotes may change freely: the quotations
//! they can regroup are found in the kept shingle graph (`quotes::Wordings`),
//! grouped again, and merged with the others in rank order; the digest lists
//! of the actors and topics the article touches are counted again.
//!
//! Why regrouping a region is exact: `group_quotations` joins wordings that
//! share a shingle held by at most `SHINGLE_CAP` wordings, in an order that
//! only depends on the wordings, so each connected part of that graph is
//! grouped as if it were alone. The edit changes the graph only around the
//! wordings it adds or removes, and around the shingles they hold (a shingle
//! may cross the cap). Every part that holds one of those is grouped again
//! (the region); every other part, and so every other quotation, is as it
//! was.

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::Arc;

use dossier_extract::SHINGLE_CAP;

use super::link::{
    NameTables, Names, Processed, actor_lists, make_article, quotation_lists, quotation_topics,
    topic_lists,
};
use super::quotes::{self, Pending, Wordings};
use super::*;
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

/// The site linked again with `after` in place of `before`, or `None` when
/// the edit is not one `relink` handles (then `index` may be out of date:
/// link the whole site again). `old` must be the site `index` belongs to, and
/// the published articles must be the same.
pub fn relink(
    old: &Site,
    index: &mut LinkIndex,
    before: &Processed,
    after: &Processed,
) -> Option<Site> {
    if before.slug != after.slug || before.file != after.file || before.meta != after.meta {
        return None;
    }
    let at = *old.article_slugs.get(&after.slug)?;
    let old_article = &old.articles[at];
    if old_article.file != after.file
        || new_speakers(before, &index.names.registry_actors)
            != new_speakers(after, &index.names.registry_actors)
    {
        return None;
    }
    let article = relinked_article(after, old_article.source, &index.names)?;

    let region = regroup_region(&mut index.wordings, at, before, after);
    let mut dropped: HashSet<QuotationIdx> =
        old_article.quotes.iter().map(|q| q.quotation).collect();
    for &wording in &region {
        for &(a, ordinal) in index.wordings.quotes(wording) {
            if a != at {
                dropped.insert(old.articles[a].quotes[ordinal].quotation);
            }
        }
    }
    let article_at =
        |a: ArticleIdx| -> &Article { if a == at { &article } else { &old.articles[a] } };
    let mut pending: Vec<Pending> = Vec::new();
    for &wording in &region {
        let key = index.wordings.key(wording)?;
        for &(a, ordinal) in index.wordings.quotes(wording) {
            let host = article_at(a);
            let quote = host.quotes.get(ordinal)?;
            pending.push(Pending {
                article: a,
                ordinal,
                date: host.date,
                slug: &host.slug,
                text: &quote.text,
                key,
                kind: quote.kind,
                speaker: quote.speaker.clone(),
            });
        }
    }
    let mut regrouped = quotes::group(pending, &|a| article_at(a).source, &old.actors);

    let mut articles = old.articles.clone();
    articles[at] = Arc::new(article);
    for quotation in &mut regrouped {
        quotation.topics = quotation_topics(quotation, &articles);
    }
    let kept = old
        .quotations
        .iter()
        .enumerate()
        .filter(|(qi, _)| !dropped.contains(qi))
        .map(|(_, q)| q.clone());
    let quotations = merge_ranked(kept, regrouped);
    for (qi, quotation) in quotations.iter().enumerate() {
        for ap in &quotation.appearances {
            if articles[ap.article].quotes[ap.ordinal].quotation != qi {
                Arc::make_mut(&mut articles[ap.article]).quotes[ap.ordinal].quotation = qi;
            }
        }
    }

    let mut actors: Vec<Actor> = old.actors.as_ref().clone();
    let mut topics: Vec<Topic> = old.topics.as_ref().clone();
    let (was, now) = (&old.articles[at], &articles[at]);
    let touched_actors = move_membership(&was.actors, &now.actors, at, &mut actors, |a| {
        &mut a.articles
    });
    let touched_topics = move_membership(&was.topics, &now.topics, at, &mut topics, |t| {
        &mut t.articles
    });
    quotation_lists(&quotations, &mut actors, &mut topics);
    for a in touched_actors {
        actor_lists(a, &mut actors[a], &articles);
    }
    for t in touched_topics {
        topic_lists(t, &mut topics[t], &articles);
    }

    Some(Site {
        articles,
        actors: Arc::new(actors),
        topics: Arc::new(topics),
        sources: Arc::clone(&old.sources),
        quotations: Arc::new(quotations),
        actor_ids: Arc::clone(&old.actor_ids),
        topic_ids: Arc::clone(&old.topic_ids),
        article_slugs: Arc::clone(&old.article_slugs),
    })
}

/// The speakers an article names that are not in the registry, in order:
/// linking makes actors of them, so an edit keeps the site's actors only if
/// it keeps this list.
fn new_speakers<'a>(p: &'a Processed, registry: &Names) -> Vec<&'a str> {
    p.findings
        .quotes
        .iter()
        .filter_map(|q| match &q.speaker {
            Some(FoundSpeaker::Named(name)) => Some(name.as_str()),
            _ => None,
        })
        .filter(|name| lookup(registry, name).is_none())
        .collect()
}

/// A name as `link` resolves it, without making anything.
fn lookup(names: &Names, value: &str) -> Option<usize> {
    names.get(value).or_else(|| names.get(&slugify(value)))
}

/// The edited article as `link` would make it, its names resolved in the
/// last link's tables; `None` if one is not there.
fn relinked_article(
    p: &Processed,
    source: Option<SourceIdx>,
    names: &NameTables,
) -> Option<Article> {
    let missing = Cell::new(false);
    let article = make_article(
        p,
        source,
        &mut |name| {
            lookup(&names.actors, name).unwrap_or_else(|| {
                missing.set(true);
                0
            })
        },
        &mut |value| {
            lookup(&names.topics, value).unwrap_or_else(|| {
                missing.set(true);
                0
            })
        },
    );
    (!missing.get()).then_some(article)
}

/// Replace the article's quotes in the shingle graph, and return the
/// wordings whose grouping may change: every part of the graph that holds a
/// wording added or removed, or a shingle whose holders changed.
fn regroup_region(
    wordings: &mut Wordings,
    at: ArticleIdx,
    before: &Processed,
    after: &Processed,
) -> HashSet<u64> {
    let keys = before.findings.quotes.iter().chain(&after.findings.quotes);
    let edited: HashSet<u64> = keys.clone().map(|q| q.key.wording).collect();
    let shingles: HashSet<u64> = keys.flat_map(|q| q.key.shingles.iter().copied()).collect();
    let was_joining: HashSet<u64> = shingles
        .iter()
        .copied()
        .filter(|&s| wordings.holders(s).len() <= SHINGLE_CAP)
        .collect();
    for (ordinal, q) in before.findings.quotes.iter().enumerate() {
        wordings.remove(q.key.wording, (at, ordinal));
    }
    for (ordinal, q) in after.findings.quotes.iter().enumerate() {
        wordings.add(&q.key, (at, ordinal));
    }

    let mut region: HashSet<u64> = edited
        .into_iter()
        .filter(|&w| wordings.key(w).is_some())
        .collect();
    for &s in &shingles {
        let holders = wordings.holders(s);
        if was_joining.contains(&s) || holders.len() <= SHINGLE_CAP {
            region.extend(holders);
        }
    }
    let mut todo: Vec<u64> = region.iter().copied().collect();
    while let Some(wording) = todo.pop() {
        let Some(key) = wordings.key(wording) else {
            continue;
        };
        for &s in key.shingles.iter() {
            let holders = wordings.holders(s);
            if holders.len() > SHINGLE_CAP {
                continue;
            }
            for &other in holders {
                if region.insert(other) {
                    todo.push(other);
                }
            }
        }
    }
    region
}

/// Two lists in rank order merged into one.
fn merge_ranked(kept: impl Iterator<Item = Quotation>, new: Vec<Quotation>) -> Vec<Quotation> {
    let mut kept = kept.peekable();
    let mut new = new.into_iter().peekable();
    let mut out = Vec::with_capacity(kept.size_hint().0 + new.len());
    loop {
        let take_new = match (kept.peek(), new.peek()) {
            (Some(k), Some(n)) => quotes::by_rank(n, k).is_lt(),
            (None, Some(_)) => true,
            (_, None) => false,
        };
        match if take_new { new.next() } else { kept.next() } {
            Some(q) => out.push(q),
            None => break,
        }
    }
    out
}

/// Move article `at` from the lists of the entities it left to those of the
/// entities it joined (each list in article order), and return every entity
/// it was or is in.
fn move_membership<E>(
    was: &[usize],
    now: &[usize],
    at: ArticleIdx,
    entities: &mut [E],
    list_of: impl Fn(&mut E) -> &mut Vec<ArticleIdx>,
) -> Vec<usize> {
    for &e in was.iter().filter(|e| !now.contains(e)) {
        let list = list_of(&mut entities[e]);
        if let Ok(pos) = list.binary_search(&at) {
            list.remove(pos);
        }
    }
    for &e in now.iter().filter(|e| !was.contains(e)) {
        let list = list_of(&mut entities[e]);
        if let Err(pos) = list.binary_search(&at) {
            list.insert(pos, at);
        }
    }
    let mut touched: Vec<usize> = was.iter().chain(now).copied().collect();
    touched.sort_unstable();
    touched.dedup();
    touched
}
