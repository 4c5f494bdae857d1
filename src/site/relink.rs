//! Relinking after one article changed: the last site patched, equal to what
//! `link` makes of all the articles, without linking them all again.
//!
//! It applies when the article keeps its file, slug, date, outlet and listed
//! actors (so its place among the articles and every actor made from front
//! matter stay), lists no topic outside the registry other than those it
//! listed before (so every topic made from front matter stays), and names no
//! new speaker outside the registry other than those it named before. Its
//! quotes, title, summary and registry topics may change freely.
//!
//! Quotations: the shingle graph of every wording is kept (`quotes::Wordings`)
//! with the edited article's quotes replaced, and joined again exactly as
//! `group_quotations` joins it (the same `Joins`, the same order; each
//! wording keeps its node, so the joins run over node lists kept ready).
//! That is cheap; building quotations is not. A set of the new joins that
//! holds the same wordings as an old quotation, none of them the edited
//! article's, has the same quotes, so the old quotation is kept (shared with
//! the last site, not copied); only the other sets are made into quotations
//! again, and all are merged in rank order. (Joining only the edited
//! wordings into the last joins would not be exact: a join that a speaker
//! refuses depends on which sets met before, so a new wording that meets one
//! set early can keep two others apart later. Nor is the graph local enough
//! to join one connected part again: on the benchmark corpus nearly every
//! wording is in one.)
//!
//! An edit that quotes the same words by the same speakers (a title, a
//! summary, a topic changed) leaves the graph and every quotation as they
//! were: only the topics of the article's quotations are counted again.
//!
//! Digest lists are counted again for the actors and topics the article was
//! or is in, when it changed its actors or topics; every actor's and topic's
//! quotation list is rebuilt (indices move when a quotation comes or goes).

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use typed_index_collections::{TiSlice, TiVec};

use super::link::{
    LinkIndex, NameTables, Names, actor_lists, make_article, quotation_lists, quotation_topics,
    topic_lists,
};
use super::quotes::{self, Pending, Wordings};
use super::*;
use crate::extract::FoundSpeaker;
use crate::slug::slugify;

/// The site linked again with `after` in place of `before`, or `None` when
/// the edit is not one `relink` handles (then `index` may be out of date:
/// link the whole site again). `old` must be the site `index` belongs to, and
/// the published articles must be the same.
pub fn relink(
    old: &Site,
    index: &mut LinkIndex,
    before: &Processed,
    after: &Processed,
    laps: &mut Laps,
) -> Option<Site> {
    if before.slug != after.slug || before.file != after.file || !same_place(before, after) {
        return None;
    }
    let at = *old.article_slugs.get(&after.slug)?;
    let old_article = &old.articles[at];
    if old_article.file != after.file
        || new_speakers(before, &index.names.registry_actors)
            != new_speakers(after, &index.names.registry_actors)
        || topics_made(before, &index.names.topics, &old.topics)
            != topics_made(after, &index.names.topics, &old.topics)
    {
        return None;
    }
    let article = relinked_article(after, old_article.source, &index.names)?;
    laps.lap("relink: article");
    let (articles, quotations) = if same_quotes(before, after) {
        keep_quotations(old, at, article)
    } else {
        let (articles, quotations) = regroup(old, index, at, before, after, article, laps)?;
        (articles, Arc::new(quotations))
    };
    laps.lap("relink: quotations");

    let mut actors: TiVec<ActorIdx, Actor> = old.actors.as_ref().clone();
    let mut topics: TiVec<TopicIdx, Topic> = old.topics.as_ref().clone();
    let (was, now) = (&old.articles[at], &articles[at]);
    // Digest lists count the actors and topics of their articles: only an
    // article that changed those changes them.
    let same_entities = was.actors == now.actors && was.topics == now.topics;
    let touched_actors = move_membership(&was.actors, &now.actors, at, &mut actors, |a| {
        &mut a.articles
    });
    let touched_topics = move_membership(&was.topics, &now.topics, at, &mut topics, |t| {
        &mut t.articles
    });
    laps.lap("relink: clone");
    quotation_lists(&quotations, &mut actors, &mut topics);
    laps.lap("relink: quotation lists");
    if !same_entities {
        for a in touched_actors {
            actor_lists(a, &mut actors[a], &articles);
        }
        for t in touched_topics {
            topic_lists(t, &mut topics[t], &articles);
        }
    }
    laps.lap("relink: digest lists");

    Some(Site {
        articles,
        actors: Arc::new(actors),
        topics: Arc::new(topics),
        sources: Arc::clone(&old.sources),
        quotations,
        actor_ids: Arc::clone(&old.actor_ids),
        topic_ids: Arc::clone(&old.topic_ids),
        article_slugs: Arc::clone(&old.article_slugs),
        // Each layout is checked against its input before use: those of
        // the networks the edit leaves alone serve again.
        pictures: old.pictures.clone(),
    })
}

/// Where a relink spends its time, step by step (shown by `serve` with
/// `DOSSIER_SERVE_TIMINGS`).
pub struct Laps {
    pub steps: Vec<(&'static str, Duration)>,
    since: Instant,
}

impl Default for Laps {
    fn default() -> Self {
        Laps {
            steps: Vec::new(),
            since: Instant::now(),
        }
    }
}

impl Laps {
    /// The time since the last lap (or since `default`), named `step`.
    pub fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        self.steps.push((step, now - self.since));
        self.since = now;
    }
}

/// Whether the front matter of `after` keeps the article where `before` had
/// it: its date (its place among the articles), its outlet, whether and until
/// when it is published, and the actors it lists (which name people across
/// the site, see `link::site_names`). Its title, summary, dateline, address,
/// language, update date and topics may change; the topics as
/// `topics_made` allows.
fn same_place(before: &Processed, after: &Processed) -> bool {
    let (b, a) = (&before.meta, &after.meta);
    let values = |listed: &[crate::content::Listed]| -> Vec<String> {
        listed.iter().map(|l| l.value.clone()).collect()
    };
    b.date == a.date
        && b.source == a.source
        && b.draft == a.draft
        && b.expires == a.expires
        && b.slug == a.slug
        && values(&b.actors) == values(&a.actors)
}

/// The topics an article lists that are not in the registry, in order:
/// linking makes them in the order articles first list them, so an edit
/// keeps the site's topics only if it keeps this list. Registry topics may
/// come and go.
fn topics_made<'a>(
    p: &'a Processed,
    names: &Names<TopicIdx>,
    topics: &TiSlice<TopicIdx, Topic>,
) -> Vec<&'a str> {
    p.meta
        .topics
        .iter()
        .map(|l| l.value.as_str())
        .filter(|value| !lookup(names, value).is_some_and(|t| topics[t].in_registry))
        .collect()
}

/// The site's articles, each shared until changed.
type Articles = TiVec<ArticleIdx, Arc<Article>>;

/// The site's quotations, each shared until changed.
type Quotations = TiVec<QuotationIdx, Arc<Quotation>>;

/// The article's quotes replaced in the shingle graph and the quotations
/// whose sets changed grouped again (see the module's comment): the
/// articles, each quote pointing at its quotation, and the quotations.
fn regroup(
    old: &Site,
    index: &mut LinkIndex,
    at: ArticleIdx,
    before: &Processed,
    after: &Processed,
    article: Article,
    laps: &mut Laps,
) -> Option<(Articles, Quotations)> {
    let article_at =
        |a: ArticleIdx| -> &Article { if a == at { &article } else { &old.articles[a] } };
    let edited = replace_quotes(
        &mut index.wordings,
        at,
        before,
        after,
        &article_at,
        &old.actors,
    );
    laps.lap("relink: replace");
    let (roots, joins) = index.wordings.join();
    laps.lap("relink: join");
    let sets = Sets::compare(old, at, &index.wordings, &roots, &edited);
    laps.lap("relink: sets");

    // The quotes of the sets that changed, grouped as `group_quotations` would.
    let mut pending: Vec<Pending> = Vec::new();
    let mut item_roots: Vec<usize> = Vec::new();
    for (node, wording) in index.wordings.nodes().iter().enumerate() {
        let Some(wording) = *wording else {
            continue;
        };
        if sets.kept[roots[node]].is_some() {
            continue;
        }
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
                attribution: quote.attribution,
            });
            item_roots.push(roots[node]);
        }
    }
    let refs = quotes::refs_of(&pending, &old.actors);
    let groups = dossier_extract::groups_of_sets(&refs, &item_roots, |root| {
        joins.speaker(root).map(|a| old.actors[a].id.clone())
    });
    drop(refs);
    let mut regrouped = quotes::quotations_of(pending, groups, &|a| article_at(a).source);
    laps.lap("relink: group");

    let mut articles = old.articles.clone();
    articles[at] = Arc::new(article);
    for quotation in &mut regrouped {
        quotation.topics = quotation_topics(quotation, &articles);
    }
    let mut kept_old: TiVec<QuotationIdx, bool> = vec![false; old.quotations.len()].into();
    for &q in sets.kept.iter().flatten() {
        kept_old[q] = true;
    }
    // Shared with the last site, not copied.
    let kept = old
        .quotations
        .iter_enumerated()
        .filter(|&(qi, _)| kept_old[qi])
        .map(|(qi, q)| (qi, Arc::clone(q)));
    let (quotations, was) = merge_ranked(kept, regrouped.into_iter().map(Arc::new).collect());
    laps.lap("relink: merge");
    for (qi, quotation) in quotations.iter_enumerated() {
        if was[qi] == Some(qi) {
            // Kept in its place: its quotes, none of them the edited
            // article's, point at it already.
            continue;
        }
        for ap in &quotation.appearances {
            if articles[ap.article].quotes[ap.ordinal].quotation != qi {
                Arc::make_mut(&mut articles[ap.article]).quotes[ap.ordinal].quotation = qi;
            }
        }
    }
    let old_count = old.quotations.len();
    note_quotations(
        &mut index.wordings,
        &roots,
        &sets,
        &was,
        old_count,
        &articles,
    );
    laps.lap("relink: repoint");
    Some((articles, quotations))
}

/// Note each node's quotation in the relinked site, for the next relink: a
/// kept set's is where its old quotation went, another's that of a quote of
/// its wording (repointed by then).
fn note_quotations(
    wordings: &mut Wordings,
    roots: &[usize],
    sets: &Sets,
    was: &TiSlice<QuotationIdx, Option<QuotationIdx>>,
    old_count: usize,
    articles: &Articles,
) {
    let mut moved_to: TiVec<QuotationIdx, Option<QuotationIdx>> = vec![None; old_count].into();
    for (qi, &old) in was.iter_enumerated() {
        if let Some(old) = old {
            moved_to[old] = Some(qi);
        }
    }
    let table = wordings
        .nodes()
        .iter()
        .enumerate()
        .map(|(node, wording)| {
            let wording = (*wording)?;
            match sets.kept[roots[node]] {
                Some(old) => moved_to[old],
                None => {
                    let &(a, ordinal) = wordings.quotes(wording).first()?;
                    Some(articles[a].quotes.get(ordinal)?.quotation)
                }
            }
        })
        .collect();
    wordings.set_quotations(table);
}

/// Whether the article quotes the same words in the same order, by the same
/// speakers: then the shingle graph, the grouping and every quotation stay.
fn same_quotes(before: &Processed, after: &Processed) -> bool {
    let (b, a) = (&before.findings.quotes, &after.findings.quotes);
    b.len() == a.len()
        && b.iter().zip(a).all(|(b, a)| {
            b.text == a.text && b.kind == a.kind && b.speaker == a.speaker && b.key == a.key
        })
}

/// The quotations of the last site kept for an edit that quotes the same
/// (a title, a summary, a topic): the article's quotes point where they
/// pointed, and its quotations count its topics again if they changed.
fn keep_quotations(
    old: &Site,
    at: ArticleIdx,
    mut article: Article,
) -> (Articles, Arc<Quotations>) {
    for (quote, was) in article.quotes.iter_mut().zip(&old.articles[at].quotes) {
        quote.quotation = was.quotation;
    }
    let topics_changed = article.topics != old.articles[at].topics;
    let mut articles = old.articles.clone();
    articles[at] = Arc::new(article);
    let mut quotations = Arc::clone(&old.quotations);
    if topics_changed {
        let mut mine: Vec<QuotationIdx> = articles[at].quotes.iter().map(|q| q.quotation).collect();
        mine.sort_unstable();
        mine.dedup();
        let all = Arc::make_mut(&mut quotations);
        for q in mine {
            let topics = quotation_topics(&all[q], &articles);
            Arc::make_mut(&mut all[q]).topics = topics;
        }
    }
    (articles, quotations)
}

/// The speakers an article names that are not in the registry, in order:
/// linking makes actors of them, so an edit keeps the site's actors only if
/// it keeps this list.
fn new_speakers<'a>(p: &'a Processed, registry: &Names<ActorIdx>) -> Vec<&'a str> {
    p.findings
        .quotes
        .iter()
        .filter_map(|q| match &q.speaker {
            Some(FoundSpeaker::Named { name, .. }) => Some(name.as_str()),
            _ => None,
        })
        .filter(|name| lookup(registry, name).is_none())
        .collect()
}

/// A name as `link` resolves it, without making anything.
fn lookup<I: Copy>(names: &Names<I>, value: &str) -> Option<I> {
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
        &mut |name, _| {
            lookup(&names.actors, name).unwrap_or_else(|| {
                missing.set(true);
                ActorIdx::from(0)
            })
        },
        &mut |value| {
            lookup(&names.topics, value).unwrap_or_else(|| {
                missing.set(true);
                TopicIdx::from(0)
            })
        },
        // a name `link` gave no page is not in its tables: the lookup above
        // misses it, and the whole site is linked again
        &|_| true,
    );
    (!missing.get()).then_some(article)
}

/// Replace the article's quotes in the shingle graph, and return the
/// wordings they had or have (their speakers counted again).
fn replace_quotes<'a>(
    wordings: &mut Wordings,
    at: ArticleIdx,
    before: &Processed,
    after: &Processed,
    article_at: &dyn Fn(ArticleIdx) -> &'a Article,
    actors: &TiSlice<ActorIdx, Actor>,
) -> HashSet<u64> {
    for (ordinal, q) in before.findings.quotes.iter().enumerate() {
        wordings.remove_quote(q.key.wording, (at, ordinal));
    }
    for (ordinal, q) in after.findings.quotes.iter().enumerate() {
        wordings.add_quote(&q.key, (at, ordinal));
    }
    let edited: HashSet<u64> = before
        .findings
        .quotes
        .iter()
        .chain(&after.findings.quotes)
        .map(|q| q.key.wording)
        .collect();
    for &wording in &edited {
        let votes: Vec<quotes::Vote> = wordings
            .quotes(wording)
            .iter()
            .map(|&(a, ordinal)| quotes::vote_of(article_at(a).quotes.get(ordinal)?))
            .collect();
        wordings.set_speaker(wording, &votes, actors);
    }
    edited
}

/// The sets of the new joins against the quotations of the last site.
struct Sets {
    /// The sets that are exactly an old quotation, by root (a node index),
    /// with its index: the same wordings, none of them edited, so the same
    /// quotes.
    kept: Vec<Option<QuotationIdx>>,
}

/// What a set or an old quotation was seen with so far: nothing yet, one
/// thing, or more than one. Tables indexed by node and by quotation rather
/// than maps: every wording of the site is looked at on every relink.
#[derive(Clone, Copy, PartialEq)]
enum Seen<T> {
    Nothing,
    One(T),
    Mixed,
}

impl<T: PartialEq + Copy> Seen<T> {
    fn see(&mut self, value: T) {
        *self = match *self {
            Seen::Nothing => Seen::One(value),
            Seen::One(v) if v == value => Seen::One(v),
            _ => Seen::Mixed,
        };
    }
}

impl Sets {
    fn compare(
        old: &Site,
        at: ArticleIdx,
        wordings: &Wordings,
        roots: &[usize],
        edited: &HashSet<u64>,
    ) -> Sets {
        // Quotations that lost or gained quotes: the edited article's, and
        // those of wordings it has or had (their nodes' last quotations).
        let mut dirty: TiVec<QuotationIdx, bool> = vec![false; old.quotations.len()].into();
        for q in &old.articles[at].quotes {
            dirty[q.quotation] = true;
        }
        let mut edited_node = vec![false; roots.len()];
        for &w in edited {
            if let Some(node) = wordings.node(w) {
                edited_node[node as usize] = true;
                if let Some(q) = wordings.quotation(node as usize) {
                    dirty[q] = true;
                }
            }
        }
        // Per set: its one old quotation, or mixed when it has several or an
        // edited or new wording; per old quotation: its one set, or mixed
        // when split. (Free nodes are sets of their own, seen with nothing.)
        let mut of_set: Vec<Seen<Option<QuotationIdx>>> = vec![Seen::Nothing; roots.len()];
        let mut of_quotation: TiVec<QuotationIdx, Seen<usize>> =
            vec![Seen::Nothing; old.quotations.len()].into();
        for (node, wording) in wordings.nodes().iter().enumerate() {
            if wording.is_none() {
                continue;
            }
            let root = roots[node];
            // A wording's quotes were all in one quotation: the node's.
            let q = if edited_node[node] {
                None
            } else {
                wordings.quotation(node)
            };
            of_set[root].see(q);
            if let Some(q) = q {
                of_quotation[q].see(root);
            }
        }
        let kept = of_set
            .iter()
            .enumerate()
            .map(|(root, seen)| match *seen {
                Seen::One(Some(q)) if !dirty[q] && of_quotation[q] == Seen::One(root) => Some(q),
                _ => None,
            })
            .collect();
        Sets { kept }
    }
}

/// Two lists in rank order merged into one: the kept quotations (each with
/// its index in the last site) and the new ones. Returns the list and each
/// quotation's index in the last site, if kept.
fn merge_ranked(
    kept: impl Iterator<Item = (QuotationIdx, Arc<Quotation>)>,
    new: Quotations,
) -> (Quotations, TiVec<QuotationIdx, Option<QuotationIdx>>) {
    let mut kept = kept.peekable();
    let mut new = new.into_iter().peekable();
    let capacity = kept.size_hint().0 + new.len();
    let mut out = TiVec::with_capacity(capacity);
    let mut was = TiVec::with_capacity(capacity);
    loop {
        let take_new = match (kept.peek(), new.peek()) {
            (Some((_, k)), Some(n)) => quotes::by_rank(n, k).is_lt(),
            (None, Some(_)) => true,
            (_, None) => false,
        };
        let next = if take_new {
            new.next().map(|q| (None, q))
        } else {
            kept.next().map(|(qi, q)| (Some(qi), q))
        };
        match next {
            Some((old, q)) => {
                out.push(q);
                was.push(old);
            }
            None => break,
        }
    }
    (out, was)
}

/// Move article `at` from the lists of the entities it left to those of the
/// entities it joined (each list in article order), and return every entity
/// it was or is in.
fn move_membership<I: Copy + Ord + Into<usize>, E>(
    was: &[I],
    now: &[I],
    at: ArticleIdx,
    entities: &mut TiSlice<I, E>,
    list_of: impl Fn(&mut E) -> &mut Vec<ArticleIdx>,
) -> Vec<I> {
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
    let mut touched: Vec<I> = was.iter().chain(now).copied().collect();
    touched.sort_unstable();
    touched.dedup();
    touched
}
