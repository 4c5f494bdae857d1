//! Planning again after one article was relinked (`site::relink`): the
//! pages whose inputs may have changed, found by comparing the new site with
//! the last one entity by entity, fingerprinted again; every other page keeps
//! its last fingerprint. At 10,000 articles that is a few hundred pages of
//! some 40,000.
//!
//! It must find every page `plan` would give a new fingerprint, so each
//! rule below follows what `page_inputs` hashes for the page:
//!
//! - an article's own inputs (its card, file, quotes and their speakers, its
//!   actors and topics): its page, the quotation pages it appears on, and
//!   every digest listing it (the timeline's cards, the charts' dates, the
//!   network's edges);
//! - a quotation (its card, appearances or topics; one that is new or gone):
//!   its page, the pages of the articles it was or is in, the outlets of
//!   those articles (their charts count quotations), and every digest whose
//!   quotation list shows it;
//! - an actor's or a topic's card or lists: all its pages;
//! - the index pages and the pages of the quotation index, which read every
//!   entity: always.
//!
//! Quotations move in the table when one comes or goes, so they are matched
//! by id: a new quotation's old self is the old quotation of one of its
//! quotes with the same id. Anything this cannot compare (tables of another
//! length, another registry, a template without a known closure) makes
//! `replan` give up, and the caller plans every page.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use typed_index_collections::{TiSlice, TiVec};

use super::{Cards, Inputs, Planned, fingerprint};
use crate::site::routes::Page;
use crate::site::{
    ActorIdx, Appearance, Article, ArticleIdx, QuotationIdx, Site, SourceIdx, TopicIdx,
};

/// The pages of a new site whose inputs may differ from the last one's.
pub struct Replan {
    /// Those pages, to fingerprint from the new site (see [`fingerprint`]):
    /// every other page's fingerprint is the last one's. Left to the caller,
    /// which may fingerprint the pages a reader waits for first.
    pub pages: Vec<Page>,
    /// Output paths of the last site's pages that the new site no longer has.
    pub gone: Vec<String>,
}

/// The pages of `site` whose fingerprint may differ from their fingerprint
/// in `old` (whose cards are `old_cards`), or `None` when the two sites
/// cannot be compared page by page. `reread` holds the article files read
/// again since `old` (their bytes are in the fingerprints of their pages);
/// every article's file must have its hash in `inputs.files` (a page of one
/// without is rendered on every rebuild, which only `plan` knows to do).
pub fn replan(
    inputs: &Inputs,
    old: &Site,
    old_cards: &Cards,
    site: &Site,
    cards: &Cards,
    reread: &[&Path],
) -> Option<Replan> {
    if !same_tables(old, old_cards, site, cards) || !templates_known(inputs) {
        return None;
    }
    let articles = ArticleChanges::of(old, old_cards, site, cards, reread);
    let quotations = QuotationChanges::of(old, old_cards, site, cards);
    let touched = touched_articles(old, old_cards, site, cards, &articles, &quotations);
    let page_size = inputs.config.site.digest.page_size.max(1);
    let pages_of = |n: usize| n.div_ceil(page_size).max(1);

    // The site-wide pages and the quotation index read every entity.
    let mut pages: Vec<Page> = Page::SITE_WIDE.to_vec();
    let mut gone: Vec<String> = Vec::new();
    // Every page of an entity, and the old site's pages beyond its new count.
    let mut numbered = |count_old: usize, count_new: usize, page: &dyn Fn(usize) -> Page| {
        let (before, now) = (pages_of(count_old), pages_of(count_new));
        pages.extend((1..=now).map(page));
        gone.extend((now + 1..=before).map(|n| page(n).output_path(old)));
    };

    numbered(old.quotations.len(), site.quotations.len(), &Page::Quotes);
    // A digest shows something new if its card, its lists or its
    // quotations changed, or an article it lists did.
    let digest_changed = |card_changed: bool,
                          same_lists: bool,
                          (was, now): (&[QuotationIdx], &[QuotationIdx]),
                          listed: &[ArticleIdx]| {
        card_changed
            || !same_lists
            || !quotations.same_list(old_cards, cards, was, now)
            || listed.iter().any(|&i| articles.changed[i])
    };
    for (t, topic) in site.topics.iter_enumerated() {
        let was = &old.topics[t];
        if digest_changed(
            old_cards.topic[t] != cards.topic[t],
            (&was.articles, was.sources, &was.actors, &was.related)
                == (
                    &topic.articles,
                    topic.sources,
                    &topic.actors,
                    &topic.related,
                ),
            (&was.quotations, &topic.quotations),
            &topic.articles,
        ) {
            numbered(was.articles.len(), topic.articles.len(), &|n| {
                Page::Topic(t, n)
            });
        }
    }
    for (a, actor) in site.actors.iter_enumerated() {
        let was = &old.actors[a];
        if digest_changed(
            old_cards.actor[a] != cards.actor[a],
            (&was.articles, &was.topics, &was.co_actors)
                == (&actor.articles, &actor.topics, &actor.co_actors),
            (&was.quotations, &actor.quotations),
            &actor.articles,
        ) {
            numbered(was.articles.len(), actor.articles.len(), &|n| {
                Page::Actor(a, n)
            });
        }
    }
    for (s, source) in site.sources.iter_enumerated() {
        let was = &old.sources[s];
        let dirty = was.articles != source.articles || source.articles.iter().any(|&i| touched[i]);
        if dirty {
            numbered(was.articles.len(), source.articles.len(), &|n| {
                Page::Source(s, n)
            });
        }
    }
    pages.extend(
        touched
            .iter_enumerated()
            .filter(|(_, t)| **t)
            .map(|(i, _)| Page::Article(i)),
    );
    for (q, quotation) in site.quotations.iter_enumerated() {
        let dirty = quotations.changed[q]
            || quotation
                .appearances
                .iter()
                .any(|ap| articles.changed[ap.article]);
        if dirty {
            pages.push(Page::Quote(q));
        }
    }
    gone.extend(
        quotations
            .gone(old, site)
            .map(|q| Page::Quote(q).output_path(old)),
    );

    Some(Replan { pages, gone })
}

/// `pages` fingerprinted from `site`, in parallel.
pub fn fingerprint_all(
    inputs: &Inputs,
    site: &Site,
    cards: &Cards,
    pages: &[Page],
) -> Vec<Planned> {
    pages
        .par_iter()
        .map(|&page| fingerprint(inputs, site, cards, page))
        .collect()
}

/// Whether `site` has the articles, actors, topics and outlets of `old`, in
/// the same places and named the same: what a relink keeps.
fn same_tables(old: &Site, old_cards: &Cards, site: &Site, cards: &Cards) -> bool {
    old.articles.len() == site.articles.len()
        && Arc::ptr_eq(&old.article_slugs, &site.article_slugs)
        && Arc::ptr_eq(&old.actor_ids, &site.actor_ids)
        && Arc::ptr_eq(&old.topic_ids, &site.topic_ids)
        && old.actors.len() == site.actors.len()
        && old.topics.len() == site.topics.len()
        && old.sources.len() == site.sources.len()
        && old_cards.actor_tag == cards.actor_tag
        && old_cards.topic_tag == cards.topic_tag
        && old_cards.source == cards.source
        && old
            .articles
            .iter()
            .zip(&site.articles)
            .all(|(a, b)| a.source == b.source)
}

/// Whether every kind of page has a template whose closure is known: a page
/// without one is rendered on every rebuild, which only `plan` knows to do.
fn templates_known(inputs: &Inputs) -> bool {
    let (a, t, s) = (ArticleIdx::from(0), TopicIdx::from(0), SourceIdx::from(0));
    [
        Page::Home,
        Page::Article(a),
        Page::Topics,
        Page::Topic(t, 1),
        Page::Actors,
        Page::Actor(ActorIdx::from(0), 1),
        Page::Sources,
        Page::Source(s, 1),
        Page::Quotes(1),
        Page::Quote(QuotationIdx::from(0)),
        Page::NotFound,
        Page::Search,
    ]
    .iter()
    .all(|p| inputs.templates.contains_key(p.template()))
}

/// Which articles' own inputs changed.
struct ArticleChanges {
    /// What the article's own page and its cards elsewhere show of it: its
    /// card, its file, its quotes as it gives them, its actors and topics.
    changed: TiVec<ArticleIdx, bool>,
}

impl ArticleChanges {
    fn of(
        old: &Site,
        old_cards: &Cards,
        site: &Site,
        cards: &Cards,
        reread: &[&Path],
    ) -> ArticleChanges {
        let reread: HashSet<&Path> = reread.iter().copied().collect();
        let changed = site
            .articles
            .iter_enumerated()
            .map(|(i, article)| {
                let was = &old.articles[i];
                !Arc::ptr_eq(was, article)
                    && (reread.contains(article.file.as_path())
                        || old_cards.article[i] != cards.article[i]
                        || !same_own_inputs(was, article))
            })
            .collect();
        ArticleChanges { changed }
    }
}

/// Whether two versions of an article show the same of themselves
/// (`article_in_full` and the tags beside it), their quotations aside.
fn same_own_inputs(a: &Article, b: &Article) -> bool {
    a.file == b.file
        && a.url == b.url
        && a.word_count == b.word_count
        && a.updated == b.updated
        && a.actors == b.actors
        && a.topics == b.topics
        && a.quotes.len() == b.quotes.len()
        && a.quotes
            .iter()
            .zip(&b.quotes)
            .all(|(x, y)| x.text == y.text && x.kind == y.kind && x.speaker == y.speaker)
}

/// The new site's quotations against the old one's.
struct QuotationChanges {
    /// Each new quotation's old self (the same id), if it had one.
    old_of: TiVec<QuotationIdx, Option<QuotationIdx>>,
    /// New, or different from its old self in anything a page shows of it.
    changed: TiVec<QuotationIdx, bool>,
    /// Old quotations no new one was matched with.
    unmatched: Vec<QuotationIdx>,
}

impl QuotationChanges {
    fn of(old: &Site, old_cards: &Cards, site: &Site, cards: &Cards) -> QuotationChanges {
        let old_of: TiVec<QuotationIdx, Option<QuotationIdx>> = site
            .quotations
            .iter()
            .map(|q| {
                q.appearances.iter().find_map(|ap| {
                    let was = old.articles.get(ap.article)?.quotes.get(ap.ordinal)?;
                    let candidate = old.quotations.get(was.quotation)?;
                    (candidate.id == q.id).then_some(was.quotation)
                })
            })
            .collect();
        let changed = site
            .quotations
            .iter_enumerated()
            .map(|(q, quotation)| match old_of[q] {
                None => true,
                Some(o) => {
                    let was = &old.quotations[o];
                    old_cards.quote[o] != cards.quote[q]
                        || was.topics != quotation.topics
                        || !same_appearances(&was.appearances, &quotation.appearances)
                }
            })
            .collect();
        let mut claimed: TiVec<QuotationIdx, bool> = vec![false; old.quotations.len()].into();
        for o in old_of.iter().flatten() {
            claimed[*o] = true;
        }
        let unmatched = claimed
            .iter_enumerated()
            .filter(|(_, c)| !**c)
            .map(|(o, _)| o)
            .collect();
        QuotationChanges {
            old_of,
            changed,
            unmatched,
        }
    }

    /// Whether two lists of quotations show the same: the same cards in the
    /// same order, none of them changed.
    fn same_list(
        &self,
        old_cards: &Cards,
        cards: &Cards,
        was: &[QuotationIdx],
        now: &[QuotationIdx],
    ) -> bool {
        was.len() == now.len()
            && was
                .iter()
                .zip(now)
                .all(|(&o, &n)| old_cards.quote[o] == cards.quote[n] && !self.changed[n])
    }

    /// The old quotations whose page the new site does not have: unmatched,
    /// and no new quotation unmatched either has their id.
    fn gone<'a>(
        &'a self,
        old: &'a Site,
        site: &'a Site,
    ) -> impl Iterator<Item = QuotationIdx> + 'a {
        let new_ids: HashSet<&str> = self
            .old_of
            .iter_enumerated()
            .filter(|(_, o)| o.is_none())
            .map(|(q, _)| site.quotations[q].id.as_str())
            .collect();
        self.unmatched
            .iter()
            .copied()
            .filter(move |&o| !new_ids.contains(old.quotations[o].id.as_str()))
    }
}

fn same_appearances(a: &[Appearance], b: &[Appearance]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.article == y.article && x.ordinal == y.ordinal && x.text == y.text)
}

/// The articles whose own page may show something new: those whose own
/// inputs changed, those a changed, new or gone quotation is or was in, and
/// those one of whose quotes now belongs to a quotation that shows
/// differently.
fn touched_articles(
    old: &Site,
    old_cards: &Cards,
    site: &Site,
    cards: &Cards,
    articles: &ArticleChanges,
    quotations: &QuotationChanges,
) -> TiVec<ArticleIdx, bool> {
    let mut touched = articles.changed.clone();
    let mark = |appearances: &[Appearance], touched: &mut TiSlice<ArticleIdx, bool>| {
        for ap in appearances {
            if let Some(t) = touched.get_mut(ap.article) {
                *t = true;
            }
        }
    };
    for (q, quotation) in site.quotations.iter_enumerated() {
        if quotations.changed[q] {
            mark(&quotation.appearances, &mut touched);
            if let Some(o) = quotations.old_of[q] {
                mark(&old.quotations[o].appearances, &mut touched);
            }
        }
    }
    for &o in &quotations.unmatched {
        mark(&old.quotations[o].appearances, &mut touched);
    }
    for (i, article) in site.articles.iter_enumerated() {
        let was = &old.articles[i];
        if touched[i] || Arc::ptr_eq(was, article) {
            continue;
        }
        let card = |cards: &Cards, q: QuotationIdx| cards.quote.get(q).copied();
        touched[i] = was.quotes.len() != article.quotes.len()
            || was
                .quotes
                .iter()
                .zip(&article.quotes)
                .any(|(x, y)| card(old_cards, x.quotation) != card(cards, y.quotation));
    }
    touched
}
