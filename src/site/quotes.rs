//! Shared quotations: the same statement in several articles becomes one
//! `Quotation` with an appearance per article. The matching (normalised
//! equality, or a shared run of 8+ words) is `dossier_extract::group_quotations`.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use typed_index_collections::{TiSlice, TiVec};

use dossier_extract::{Joins, Occurrence, QuotationGroup, QuoteKey, QuoteRef};

use super::processed::Processed;
use super::{
    Actor, ActorIdx, Appearance, Article, ArticleIdx, ArticleQuote, Attribution, Quotation,
    QuotationIdx, QuoteKind, SourceIdx, Speaker,
};

impl QuoteKind {
    /// Whether a quotation of this kind is a statement someone made, which
    /// digests rank and count as such: a full quote, or a partial (a quoted
    /// clause of `min_words` or more, which stands alone). Fragments (scare
    /// quotes, single words, catchwords) are the words and phrases a speaker
    /// is quoted using; titles are nobody's.
    pub fn is_statement(self) -> bool {
        matches!(self, QuoteKind::Quote | QuoteKind::Partial)
    }
}

/// Makes the fragments and titles of one article (`slug`) quotations of that
/// article only (see `QuoteKey::in_article`): the same word in several
/// articles is not a statement several outlets reported. Run where an article
/// is processed, before anything groups its quotes.
pub fn keep_fragments_local(findings: &mut crate::extract::Findings, slug: &str) {
    for q in &mut findings.quotes {
        if !q.kind.is_statement() {
            q.key = std::mem::replace(&mut q.key, QuoteKey::of_normalised("")).in_article(slug);
        }
    }
}

/// A quote of one article, waiting to be grouped.
#[derive(Debug, Clone)]
pub struct Pending<'a> {
    pub article: ArticleIdx,
    pub ordinal: usize,
    pub date: DateTime<FixedOffset>,
    pub slug: &'a str,
    pub text: &'a Arc<str>,
    pub key: &'a QuoteKey,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub attribution: Option<Attribution>,
}

/// The quotes of one article, `p` as linked into `article`, waiting to be grouped.
pub fn pending_of<'a>(index: ArticleIdx, article: &Article, p: &'a Processed) -> Vec<Pending<'a>> {
    p.findings
        .quotes
        .iter()
        .zip(&article.quotes)
        .enumerate()
        .map(|(ordinal, (found, quote))| Pending {
            article: index,
            ordinal,
            date: p.meta.date,
            slug: &p.slug,
            text: &found.text,
            key: &found.key,
            kind: quote.kind,
            speaker: quote.speaker.clone(),
            attribution: quote.attribution,
        })
        .collect()
}

/// Group quotes into quotations, most reported first. `source_of` gives an
/// article's outlet.
pub fn group(
    pending: Vec<Pending>,
    source_of: &dyn Fn(ArticleIdx) -> Option<SourceIdx>,
    actors: &TiSlice<ActorIdx, Actor>,
) -> TiVec<QuotationIdx, Quotation> {
    let refs = refs_of(&pending, actors);
    let groups = dossier_extract::group_quotations(&refs);
    drop(refs);
    quotations_of(pending, groups, source_of)
}

/// The quotes as grouping sees them.
pub fn refs_of<'a>(
    pending: &'a [Pending],
    actors: &'a TiSlice<ActorIdx, Actor>,
) -> Vec<QuoteRef<'a>> {
    pending
        .iter()
        .map(|p| QuoteRef {
            text: p.text,
            key: p.key,
            speaker: speaker_key(p.speaker.as_ref(), actors),
            attribution: p.attribution.unwrap_or(Attribution::Explicit),
            // In time, then by slug: ids do not depend on the order files were read in.
            at: Occurrence {
                time: p.date.timestamp(),
                article: p.slug,
                ordinal: p.ordinal as u32,
            },
        })
        .collect()
}

/// A speaker as grouping knows it: an actor's id. Anonymous sources count as
/// unknown: "an official" may be anyone.
pub fn speaker_key<'a>(
    speaker: Option<&Speaker>,
    actors: &'a TiSlice<ActorIdx, Actor>,
) -> Option<&'a str> {
    actor_of(speaker).map(|a| actors[a].id.as_str())
}

/// The actor a speaker is, if any.
fn actor_of(speaker: Option<&Speaker>) -> Option<ActorIdx> {
    match speaker {
        Some(Speaker::Actor(a)) => Some(*a),
        _ => None,
    }
}

/// What one quote says of its wording's speaker in the joins: its actor, and
/// how its article gives it (see `Wordings::set_speaker`).
pub type Vote = Option<(ActorIdx, Attribution)>;

/// The vote of a quote as linked into its article.
pub fn vote_of(quote: &ArticleQuote) -> Vote {
    vote(quote.speaker.as_ref(), quote.attribution)
}

fn vote(speaker: Option<&Speaker>, attribution: Option<Attribution>) -> Vote {
    Some((
        actor_of(speaker)?,
        attribution.unwrap_or(Attribution::Explicit),
    ))
}

/// A quotation's speaker from the speakers its articles give it: an actor
/// before an anonymous source; among those, one an article names where it
/// quotes the words before one read from an article's context (another
/// speaker's quotation just before, the subject of the sentence), so an
/// article's own `"...," Roe said` is not overruled by another's guess; then
/// the earliest.
fn speaker_of(members: &[Pending]) -> Option<Speaker> {
    members
        .iter()
        .filter(|m| m.speaker.is_some())
        .min_by_key(|m| {
            (
                !matches!(m.speaker, Some(Speaker::Actor(_))),
                m.attribution.unwrap_or(Attribution::Explicit),
            )
        })
        .and_then(|m| m.speaker.clone())
}

/// The quotations of `groups` (made from `pending`), most reported first.
pub fn quotations_of(
    pending: Vec<Pending>,
    groups: Vec<QuotationGroup>,
    source_of: &dyn Fn(ArticleIdx) -> Option<SourceIdx>,
) -> TiVec<QuotationIdx, Quotation> {
    let mut slots: Vec<Option<Pending>> = pending.into_iter().map(Some).collect();
    let mut quotations: Vec<Quotation> = groups
        .into_iter()
        .map(|group| {
            let representative = slots[group.representative]
                .as_ref()
                .map(|p| (Arc::clone(p.text), p.kind));
            let members: Vec<Pending> = group
                .members
                .iter()
                .filter_map(|&m| slots[m].take())
                .collect();
            let (text, kind) =
                representative.unwrap_or_else(|| (Arc::clone(members[0].text), members[0].kind));
            let speaker = speaker_of(&members);
            let mut outlets: Vec<_> = members.iter().map(|m| source_of(m.article)).collect();
            outlets.sort_unstable();
            outlets.dedup();
            Quotation {
                id: group.id,
                text,
                // A statement reported in full anywhere is a quote.
                kind: members.iter().map(|m| m.kind).min().unwrap_or(kind),
                speaker,
                topics: Vec::new(),
                first_date: members[0].date,
                outlets: outlets.len(),
                // From borrowed members: collected from owned ones, the
                // list would keep their larger buffer.
                appearances: members
                    .iter()
                    .map(|m| Appearance {
                        article: m.article,
                        text: Arc::clone(m.text),
                        ordinal: m.ordinal,
                    })
                    .collect(),
            }
        })
        .collect();
    quotations.sort_by(by_rank);
    TiVec::from(quotations)
}

/// The order of the site's quotations: most reported first (outlets, then
/// appearances), then the oldest, then as the first article reporting them
/// has them (so one article's quotations keep the order it gives them), then
/// by id.
pub fn by_rank(a: &Quotation, b: &Quotation) -> Ordering {
    let first_place = |q: &Quotation| q.appearances.first().map(|x| (x.article, x.ordinal));
    b.outlets
        .cmp(&a.outlets)
        .then(b.appearances.len().cmp(&a.appearances.len()))
        .then(a.first_date.cmp(&b.first_date))
        .then_with(|| first_place(a).cmp(&first_place(b)))
        .then_with(|| a.id.cmp(&b.id))
}

/// A map keyed by hashes already (wordings, shingles).
type ByHash<V> = HashMap<u64, V, BuildHasherDefault<dossier_extract::PreHashed>>;

/// A wording's number in the joins. Numbers are stable: a wording keeps its
/// node for as long as it is in the site, and the node of a wording that
/// goes is given to the next new one. The joins do not depend on the
/// numbers: a set's members and speaker come out the same whichever node is
/// its root (a join keeps the one speaker the two sets agree on), so only
/// the order of the joins matters, and that is fixed by the hashes (shingles
/// in hash order, the wordings of a shingle in hash order).
pub type Node = u32;

/// Every distinct wording of the site with the quotes that carry it, and
/// every shingle with the wordings that have it: the graph that
/// `group_quotations` joins, kept so that `relink` can join it again after an
/// edit without reading every quote.
#[derive(Debug, Clone, Default)]
pub struct Wordings {
    wordings: ByHash<Wording>,
    /// The wording of each node; `None` for a free node.
    nodes: Vec<Option<u64>>,
    /// Each node's speaker in the joins (`dossier_extract::wording_speaker`).
    speakers: Vec<Option<ActorIdx>>,
    /// Nodes no wording has, for the next new ones.
    free: Vec<Node>,
    /// Each node's quotation in the site last grouped from the graph (see
    /// `note_quotations`); `None` for a node new since.
    quotations: Vec<Option<QuotationIdx>>,
    shingles: ByHash<Holders>,
    /// Each shingle two or more wordings have, in hash order, with their
    /// nodes in the order of their wordings' hashes: the joins, ready to run.
    shared: BTreeMap<u64, Vec<Node>>,
}

#[derive(Debug, Clone)]
struct Wording {
    key: QuoteKey,
    /// (article, ordinal) of each quote with this wording.
    quotes: Vec<(ArticleIdx, usize)>,
    node: Node,
}

/// The wordings that have one shingle, in hash order: most shingles belong
/// to one wording only, which needs no list of its own.
#[derive(Debug, Clone)]
enum Holders {
    One(u64),
    Many(Vec<u64>),
}

impl Wordings {
    /// The graph of a site's quotes; `actors` names their speakers.
    pub fn of(pending: &[Pending], actors: &TiSlice<ActorIdx, Actor>) -> Wordings {
        let mut index = Wordings::default();
        for p in pending {
            index.add(p.key, (p.article, p.ordinal));
        }
        index.shared = index
            .shingles
            .iter()
            .filter_map(|(&s, holders)| match holders {
                Holders::Many(list) => Some((s, index.nodes_of(list))),
                Holders::One(_) => None,
            })
            .collect();
        let mut speakers: ByHash<Vec<Vote>> = ByHash::default();
        for p in pending {
            speakers
                .entry(p.key.wording)
                .or_default()
                .push(vote(p.speaker.as_ref(), p.attribution));
        }
        for (wording, votes) in speakers {
            index.set_speaker(wording, &votes, actors);
        }
        index
    }

    /// The key of a wording of the site.
    pub fn key(&self, wording: u64) -> Option<&QuoteKey> {
        self.wordings.get(&wording).map(|w| &w.key)
    }

    /// The quotes that carry a wording.
    pub fn quotes(&self, wording: u64) -> &[(ArticleIdx, usize)] {
        self.wordings
            .get(&wording)
            .map_or(&[], |w| w.quotes.as_slice())
    }

    /// The node of a wording of the site.
    pub fn node(&self, wording: u64) -> Option<Node> {
        self.wordings.get(&wording).map(|w| w.node)
    }

    /// The wording of each node (`None`: a free node, alone in its set).
    pub fn nodes(&self) -> &[Option<u64>] {
        &self.nodes
    }

    /// A node's quotation in the site last grouped from the graph, if it
    /// had this node's wording.
    pub fn quotation(&self, node: usize) -> Option<QuotationIdx> {
        self.quotations.get(node).copied().flatten()
    }

    /// Note each node's quotation in the site just grouped, from the
    /// quotation of a quote of its wording (all are in the same one).
    pub fn note_quotations(&mut self, quotation_of: impl Fn(ArticleIdx, usize) -> QuotationIdx) {
        self.quotations = vec![None; self.nodes.len()];
        for w in self.wordings.values() {
            if let Some(&(a, ordinal)) = w.quotes.first() {
                self.quotations[w.node as usize] = Some(quotation_of(a, ordinal));
            }
        }
    }

    /// Note each node's quotation, by node.
    pub fn set_quotations(&mut self, quotations: Vec<Option<QuotationIdx>>) {
        self.quotations = quotations;
    }

    /// Set a wording's speaker from the votes of its quotes, decided on
    /// their ids as grouping decides it.
    pub fn set_speaker(&mut self, wording: u64, votes: &[Vote], actors: &TiSlice<ActorIdx, Actor>) {
        let ids = votes
            .iter()
            .map(|v| v.map(|(a, attribution)| (actors[a].id.as_str(), attribution)));
        // The winner is one of the votes: find its index among them, not
        // among all the site's actors.
        let speaker = dossier_extract::wording_speaker(ids).and_then(|id| {
            votes
                .iter()
                .flatten()
                .map(|&(a, _)| a)
                .find(|&a| actors[a].id == id)
        });
        if let Some(node) = self.node(wording) {
            self.speakers[node as usize] = speaker;
        }
    }

    /// Join the wordings as `group_quotations` does: the set of each node
    /// (by its root), and the joins for the sets' speakers.
    pub fn join(&self) -> (Vec<usize>, Joins<ActorIdx>) {
        let mut joins = Joins::new(self.speakers.clone());
        for nodes in self.shared.values() {
            joins.run(nodes);
        }
        let roots = (0..self.nodes.len()).map(|n| joins.find(n)).collect();
        (roots, joins)
    }

    /// The nodes of wordings of the site, in the order given.
    fn nodes_of(&self, wordings: &[u64]) -> Vec<Node> {
        wordings
            .iter()
            .filter_map(|w| self.wordings.get(w).map(|w| w.node))
            .collect()
    }

    /// Add a quote. A new wording gets a node without a speaker (until
    /// `set_speaker`), and its shingles their holders; `shared` is brought
    /// up to date by the caller.
    fn add(&mut self, key: &QuoteKey, quote: (ArticleIdx, usize)) {
        if let Some(w) = self.wordings.get_mut(&key.wording) {
            w.quotes.push(quote);
            return;
        }
        let node = match self.free.pop() {
            Some(node) => {
                self.nodes[node as usize] = Some(key.wording);
                self.speakers[node as usize] = None;
                if let Some(q) = self.quotations.get_mut(node as usize) {
                    *q = None;
                }
                node
            }
            None => {
                self.nodes.push(Some(key.wording));
                self.speakers.push(None);
                (self.nodes.len() - 1) as Node
            }
        };
        self.wordings.insert(
            key.wording,
            Wording {
                key: key.clone(),
                quotes: vec![quote],
                node,
            },
        );
        for &s in &key.shingles {
            match self.shingles.entry(s) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(Holders::One(key.wording));
                }
                std::collections::hash_map::Entry::Occupied(mut e) => {
                    let holders = e.get_mut();
                    match holders {
                        Holders::One(first) => {
                            let (a, b) = ((*first).min(key.wording), (*first).max(key.wording));
                            *holders = Holders::Many(vec![a, b]);
                        }
                        Holders::Many(list) => {
                            if let Err(at) = list.binary_search(&key.wording) {
                                list.insert(at, key.wording);
                            }
                        }
                    }
                }
            }
        }
    }

    /// The joins of shingle `s` made again from its holders.
    fn reshare(&mut self, s: u64) {
        match self.shingles.get(&s) {
            Some(Holders::Many(list)) => {
                let nodes = self.nodes_of(list);
                self.shared.insert(s, nodes);
            }
            _ => {
                self.shared.remove(&s);
            }
        }
    }

    /// Add a quote of an edited article.
    pub fn add_quote(&mut self, key: &QuoteKey, quote: (ArticleIdx, usize)) {
        let new = !self.wordings.contains_key(&key.wording);
        self.add(key, quote);
        if new {
            for &s in &key.shingles {
                self.reshare(s);
            }
        }
    }

    /// Remove a quote of an edited article; its wording goes with its last
    /// quote, and its node is free for the next new wording.
    pub fn remove_quote(&mut self, wording: u64, quote: (ArticleIdx, usize)) {
        let Some(entry) = self.wordings.get_mut(&wording) else {
            return;
        };
        entry.quotes.retain(|&q| q != quote);
        if !entry.quotes.is_empty() {
            return;
        }
        let entry = self.wordings.remove(&wording).expect("looked up above");
        self.nodes[entry.node as usize] = None;
        self.speakers[entry.node as usize] = None;
        self.free.push(entry.node);
        for &s in entry.key.shingles.iter() {
            let std::collections::hash_map::Entry::Occupied(mut e) = self.shingles.entry(s) else {
                continue;
            };
            match e.get_mut() {
                Holders::One(_) => {
                    e.remove();
                }
                Holders::Many(list) => {
                    list.retain(|&w| w != wording);
                    if list.len() == 1 {
                        let only = list[0];
                        e.insert(Holders::One(only));
                    }
                }
            }
            self.reshare(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::QuoteCounts;
    use std::collections::BTreeSet;

    /// A small deterministic generator: the test needs variety, not chance.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % n
        }
    }

    fn actor(id: &str) -> Actor {
        Actor {
            id: id.into(),
            name: id.into(),
            aliases: Vec::new(),
            role: None,
            kind: crate::config::ActorKind::Person,
            in_registry: true,
            articles: Vec::new(),
            quotations: Vec::new(),
            quote_counts: QuoteCounts::default(),
            topics: Vec::new(),
            co_actors: Vec::new(),
        }
    }

    /// One quote of the test site: its article, ordinal, text and speaker.
    #[derive(Clone)]
    struct Quote {
        article: ArticleIdx,
        ordinal: usize,
        text: Arc<str>,
        key: QuoteKey,
        speaker: Option<Speaker>,
        attribution: Option<Attribution>,
    }

    /// Statements that share runs of eight words or more in many ways, so
    /// that wordings join across quotes and speakers disagree.
    fn statements() -> Vec<String> {
        let heads = [
            "we are not going to rush to an agreement until it satisfies",
            "the talks will continue next week in geneva with all the parties",
            "there is no military solution to this conflict and there never was",
        ];
        let tails = [
            "the needs of the people",
            "every side at the table",
            "",
            "the council and the region",
        ];
        let mut out = Vec::new();
        for h in heads {
            for t in tails {
                out.push(format!("{h} {t}").trim().to_string());
                out.push(format!("indeed {h} {t}").trim().to_string());
            }
        }
        // Bridges: the end of one head and the start of another.
        out.push(format!("{} {}", &heads[0][30..], &heads[1][..40]));
        out.push(format!("{} {}", &heads[1][35..], &heads[2][..45]));
        out.push("a short one".into());
        out
    }

    fn random_quotes(
        rng: &mut Lcg,
        article: ArticleIdx,
        texts: &[String],
        actors: usize,
    ) -> Vec<Quote> {
        (0..rng.below(4))
            .map(|ordinal| {
                let text: Arc<str> = texts[rng.below(texts.len())].as_str().into();
                let speaker = match rng.below(actors + 2) {
                    n if n < actors => Some(Speaker::Actor(ActorIdx::from(n))),
                    n if n == actors => Some(Speaker::Anonymous("an official".into())),
                    _ => None,
                };
                let attribution = match rng.below(3) {
                    0 => None,
                    1 => Some(Attribution::Explicit),
                    _ => Some(Attribution::Inferred),
                };
                Quote {
                    article,
                    ordinal,
                    key: QuoteKey::new(&text),
                    text,
                    speaker,
                    attribution,
                }
            })
            .collect()
    }

    fn pending(quotes: &[Quote]) -> Vec<Pending<'_>> {
        quotes
            .iter()
            .map(|q| Pending {
                article: q.article,
                ordinal: q.ordinal,
                date: chrono::DateTime::from_timestamp(q.article.0 as i64 * 3600, 0)
                    .unwrap()
                    .fixed_offset(),
                slug: "a",
                text: &q.text,
                key: &q.key,
                kind: QuoteKind::Quote,
                speaker: q.speaker.clone(),
                attribution: q.attribution,
            })
            .collect()
    }

    /// The sets of a join: each as its wordings with its speaker's id.
    type Partition = BTreeSet<(Vec<u64>, Option<String>)>;

    fn sets_of_join(wordings: &Wordings, actors: &TiSlice<ActorIdx, Actor>) -> Partition {
        let (roots, joins) = wordings.join();
        let mut sets: HashMap<usize, Vec<u64>> = HashMap::new();
        for (node, wording) in wordings.nodes().iter().enumerate() {
            if let Some(w) = wording {
                sets.entry(roots[node]).or_default().push(*w);
            }
        }
        sets.into_iter()
            .map(|(root, mut ws)| {
                ws.sort_unstable();
                let speaker = joins.speaker(root).map(|a| actors[a].id.clone());
                (ws, speaker)
            })
            .collect()
    }

    fn sets_of_grouping(quotes: &[Quote], actors: &TiSlice<ActorIdx, Actor>) -> Partition {
        let pending = pending(quotes);
        let refs = refs_of(&pending, actors);
        dossier_extract::group_quotations(&refs)
            .into_iter()
            .map(|g| {
                let mut ws: Vec<u64> = g.members.iter().map(|&m| refs[m].key.wording).collect();
                ws.sort_unstable();
                ws.dedup();
                (ws, g.speaker)
            })
            .collect()
    }

    /// Articles edited one at a time (quotes added, taken out, given to
    /// another speaker, worded so that they join other quotations or leave
    /// them), the graph patched as `relink` patches it: after every edit its
    /// joins are those of a graph made afresh, and the sets those of
    /// grouping the whole site.
    #[test]
    fn patched_graph_joins_as_a_fresh_one() {
        let actors: TiVec<ActorIdx, Actor> =
            vec![actor("kerry"), actor("lavrov"), actor("putin")].into();
        let texts = statements();
        let mut rng = Lcg(7);
        let articles = 12;
        let mut site: Vec<Vec<Quote>> = (0..articles)
            .map(|a| random_quotes(&mut rng, ArticleIdx::from(a), &texts, actors.len()))
            .collect();
        let all = |site: &[Vec<Quote>]| -> Vec<Quote> { site.iter().flatten().cloned().collect() };
        let mut wordings = Wordings::of(&pending(&all(&site)), &actors);
        for edit in 0..200 {
            let at = rng.below(articles);
            let before = std::mem::take(&mut site[at]);
            let after = random_quotes(&mut rng, ArticleIdx::from(at), &texts, actors.len());
            for q in &before {
                wordings.remove_quote(q.key.wording, (q.article, q.ordinal));
            }
            for q in &after {
                wordings.add_quote(&q.key, (q.article, q.ordinal));
            }
            site[at] = after.clone();
            let quotes = all(&site);
            let edited: BTreeSet<u64> =
                before.iter().chain(&after).map(|q| q.key.wording).collect();
            for w in edited {
                let votes: Vec<Vote> = quotes
                    .iter()
                    .filter(|q| q.key.wording == w)
                    .map(|q| vote(q.speaker.as_ref(), q.attribution))
                    .collect();
                wordings.set_speaker(w, &votes, &actors);
            }
            let patched = sets_of_join(&wordings, &actors);
            let fresh = sets_of_join(&Wordings::of(&pending(&quotes), &actors), &actors);
            assert_eq!(patched, fresh, "edit {edit}");
            assert_eq!(patched, sets_of_grouping(&quotes, &actors), "edit {edit}");
        }
    }
}
