//! Shared quotations: the same statement in several articles becomes one
//! `Quotation` with an appearance per article. The matching (normalised
//! equality, or a shared run of 8+ words) is `dossier_extract::group_quotations`.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use dossier_extract::{Occurrence, QuoteKey};

use super::{Actor, Appearance, Article, ArticleIdx, Quotation, QuoteKind, Speaker};

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
}

/// Group quotes into quotations, most reported first.
pub fn group(pending: Vec<Pending>, articles: &[Article], actors: &[Actor]) -> Vec<Quotation> {
    let refs: Vec<dossier_extract::QuoteRef> = pending
        .iter()
        .map(|p| dossier_extract::QuoteRef {
            text: p.text,
            key: p.key,
            // Anonymous sources count as unknown: "an official" may be anyone.
            speaker: match &p.speaker {
                Some(Speaker::Actor(a)) => Some(actors[*a].id.as_str()),
                _ => None,
            },
            // In time, then by slug: ids do not depend on the order files were read in.
            at: Occurrence {
                time: p.date.timestamp(),
                article: p.slug,
                ordinal: p.ordinal as u32,
            },
        })
        .collect();
    let groups = dossier_extract::group_quotations(&refs);
    drop(refs);
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
            let speaker = members
                .iter()
                .find_map(|m| {
                    matches!(m.speaker, Some(Speaker::Actor(_)))
                        .then(|| m.speaker.clone())
                        .flatten()
                })
                .or_else(|| members.iter().find_map(|m| m.speaker.clone()));
            let mut outlets: Vec<_> = members.iter().map(|m| articles[m.article].source).collect();
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
                appearances: members
                    .into_iter()
                    .map(|m| Appearance {
                        article: m.article,
                        text: Arc::clone(m.text),
                        ordinal: m.ordinal,
                    })
                    .collect(),
            }
        })
        .collect();
    quotations.sort_by(|a, b| {
        b.outlets
            .cmp(&a.outlets)
            .then(b.appearances.len().cmp(&a.appearances.len()))
            .then(a.first_date.cmp(&b.first_date))
            .then_with(|| a.id.cmp(&b.id))
    });
    quotations
}
