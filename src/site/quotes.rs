//! Shared quotations: the same statement in several articles becomes one
//! `Quotation` with an appearance per article. The matching (normalised
//! equality, or a shared run of 8+ words) is `dossier_extract::group_quotations`.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use typed_index_collections::{TiSlice, TiVec};

use dossier_extract::{Joins, Occurrence, QuotationGroup, QuoteKey, QuoteRef, SHINGLE_CAP};

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

/// Every distinct wording of the site with the quotes that carry it, and
/// every shingle with the wordings that have it: the graph that
/// `group_quotations` joins, kept so that `relink` can join it again after an
/// edit without reading every quote.
#[derive(Debug, Clone, Default)]
pub struct Wordings {
    wordings: ByHash<Wording>,
    /// Every wording, in hash order: a wording's node in the joins.
    order: Vec<u64>,
    shingles: ByHash<Holders>,
    /// The shingles two or more wordings have, in hash order.
    shared: BTreeSet<u64>,
}

#[derive(Debug, Clone)]
struct Wording {
    key: QuoteKey,
    /// (article, ordinal) of each quote with this wording.
    quotes: Vec<(ArticleIdx, usize)>,
    /// Its speaker in the joins (`dossier_extract::wording_speaker`).
    speaker: Option<ActorIdx>,
}

/// The wordings that have one shingle, in hash order: most shingles belong
/// to one wording only, which needs no list of its own.
#[derive(Debug, Clone)]
enum Holders {
    One(u64),
    Many(Vec<u64>),
}

impl Holders {
    fn as_slice(&self) -> &[u64] {
        match self {
            Holders::One(w) => std::slice::from_ref(w),
            Holders::Many(ws) => ws,
        }
    }
}

impl Wordings {
    /// The graph of a site's quotes; `actors` names their speakers.
    pub fn of(pending: &[Pending], actors: &TiSlice<ActorIdx, Actor>) -> Wordings {
        let mut index = Wordings::default();
        for p in pending {
            index.add(p.key, (p.article, p.ordinal));
        }
        index.order = index.wordings.keys().copied().collect();
        index.order.sort_unstable();
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

    /// Every wording, in node order.
    pub fn order(&self) -> &[u64] {
        &self.order
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
        if let Some(w) = self.wordings.get_mut(&wording) {
            w.speaker = speaker;
        }
    }

    /// Join the wordings as `group_quotations` does: the set of each node
    /// (by its root), and the joins for the sets' speakers.
    pub fn join(&self) -> (Vec<usize>, Joins<ActorIdx>) {
        let speakers = self
            .order
            .iter()
            .map(|w| self.wordings[w].speaker)
            .collect();
        let mut joins = Joins::new(speakers);
        let mut nodes: Vec<u32> = Vec::new();
        for shingle in &self.shared {
            let holders = self.shingles[shingle].as_slice();
            if holders.len() > SHINGLE_CAP {
                continue;
            }
            nodes.clear();
            nodes.extend(
                holders
                    .iter()
                    .filter_map(|w| self.order.binary_search(w).ok().map(|n| n as u32)),
            );
            joins.run(&nodes);
        }
        let roots = (0..self.order.len()).map(|n| joins.find(n)).collect();
        (roots, joins)
    }

    /// Add a quote. A new wording gets no speaker until `set_speaker`, and
    /// its node only in `of` or `add_quote`.
    fn add(&mut self, key: &QuoteKey, quote: (ArticleIdx, usize)) {
        let wording = self.wordings.entry(key.wording).or_insert_with(|| Wording {
            key: key.clone(),
            quotes: Vec::new(),
            speaker: None,
        });
        let new = wording.quotes.is_empty();
        wording.quotes.push(quote);
        if !new {
            return;
        }
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
                            self.shared.insert(s);
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

    /// Add a quote of an edited article.
    pub fn add_quote(&mut self, key: &QuoteKey, quote: (ArticleIdx, usize)) {
        self.add(key, quote);
        if let Err(at) = self.order.binary_search(&key.wording) {
            self.order.insert(at, key.wording);
        }
    }

    /// Remove a quote of an edited article; its wording goes with its last quote.
    pub fn remove_quote(&mut self, wording: u64, quote: (ArticleIdx, usize)) {
        let Some(entry) = self.wordings.get_mut(&wording) else {
            return;
        };
        entry.quotes.retain(|&q| q != quote);
        if !entry.quotes.is_empty() {
            return;
        }
        let entry = self.wordings.remove(&wording).expect("looked up above");
        if let Ok(at) = self.order.binary_search(&wording) {
            self.order.remove(at);
        }
        for s in entry.key.shingles.iter() {
            let std::collections::hash_map::Entry::Occupied(mut e) = self.shingles.entry(*s) else {
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
                        self.shared.remove(s);
                    }
                }
            }
        }
    }
}
