//! Shared quotations: the same statement in several articles becomes one
//! `Quotation` with an appearance per article.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::{Appearance, Article, ArticleIdx, Quotation, QuoteKind, Speaker};

/// A quote of one article, waiting to be grouped.
#[derive(Debug, Clone)]
pub struct Pending {
    pub article: ArticleIdx,
    pub ordinal: usize,
    pub date: DateTime<FixedOffset>,
    pub slug: String,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
}

/// Group quotes into quotations, most reported first.
pub fn group(pending: Vec<Pending>, articles: &[Article]) -> Vec<Quotation> {
    let mut groups: HashMap<String, Vec<Pending>> = HashMap::new();
    for p in pending {
        groups.entry(normalise(&p.text)).or_default().push(p);
    }
    let mut quotations: Vec<Quotation> = groups
        .into_iter()
        .map(|(key, mut members)| {
            members.sort_by(|a, b| {
                a.date
                    .cmp(&b.date)
                    .then_with(|| a.slug.cmp(&b.slug))
                    .then(a.ordinal.cmp(&b.ordinal))
            });
            let fullest = members
                .iter()
                .max_by_key(|m| m.text.len())
                .expect("a group has members");
            let speaker = members.iter().find_map(|m| m.speaker.clone());
            let mut outlets: Vec<_> = members.iter().map(|m| articles[m.article].source).collect();
            outlets.sort_unstable();
            outlets.dedup();
            Quotation {
                id: stable_id(&key),
                text: fullest.text.clone(),
                kind: members
                    .iter()
                    .map(|m| m.kind)
                    .min()
                    .expect("a group has members"),
                speaker,
                topics: Vec::new(),
                first_date: members[0].date,
                outlets: outlets.len(),
                appearances: members
                    .into_iter()
                    .map(|m| Appearance {
                        article: m.article,
                        text: m.text,
                        ordinal: m.ordinal,
                    })
                    .collect(),
            }
        })
        .collect();
    quotations.sort_by(|a, b| {
        b.appearances
            .len()
            .cmp(&a.appearances.len())
            .then(a.first_date.cmp(&b.first_date))
            .then_with(|| a.id.cmp(&b.id))
    });
    quotations
}

pub fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// FNV-1a: unlike std's hasher, the same on every Rust release and machine.
fn stable_id(key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", hash >> 16)
}
