//! The search index: a prefix-sharded inverted index that a small script
//! (`search.js`, written beside it) queries in the reader's browser, with no
//! server. A query loads only the shards of its terms and the metadata of the
//! results it shows, so the index may grow with the site while one query
//! stays small.
//!
//! ```text
//! search/meta.json        counts, outlets, stop words, the list of shard keys
//! search/index/KEY.json   {"term": [doc, weight, doc-delta, weight, ...], ...}
//! search/docs/N.json      documents N*chunk .. N*chunk+chunk-1:
//!                         [[kind, title, url, date, outlet or -1, snippet], ...]
//! search/search.js        the client
//! ```
//!
//! Terms are lowercased, with accents and other marks removed (NFKD), split at
//! anything but letters and digits, and at least two characters long. Terms
//! start in the shard of their first two characters; a shard larger than
//! [`SHARD_BYTES`] is split by one more character, down to [`MAX_KEY`]. A term
//! lives in the shard of the longest listed key that is a prefix of it.
//!
//! Documents are the articles (title, summary, text, outlet), the quotations
//! (wording and speaker; not fragments), the actors (name, aliases, role) and
//! the topics (title, keywords). Their postings carry a small weight: for a
//! term in the title, 30 (actor's or topic's name), 12 (article) or 8
//! (quotation's speaker); plus one to five by how often it occurs elsewhere.

use std::fmt::Write as _;

use rayon::prelude::*;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::Out;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::routes;
use crate::site::{Site, SourceIdx};
use crate::text::shorten;

/// Documents per metadata file.
pub const DOCS_PER_CHUNK: usize = 25;
/// A shard past this size is split by one more character of its terms.
pub const SHARD_BYTES: usize = 32 * 1024;
/// The longest shard key, in characters.
pub const MAX_KEY: usize = 12;
/// The weight of a term in the title, by kind of document: a name is the
/// best answer to a query for it, then an article's title, then the speaker
/// of a quotation.
const TITLE_WEIGHT: [u32; 4] = [12, 8, 30, 30];
const SNIPPET_CHARS: usize = 180;

const CLIENT: &str = include_str!("search.js");

/// Words left out of the index of an English site: present in nearly every
/// article, they would make the largest shards and rank nothing. Sorted.
const STOP_EN: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "in", "is", "it", "its", "not", "of", "on", "or", "said", "she", "that",
    "the", "their", "they", "this", "to", "was", "were", "which", "will", "with",
];

/// The kinds of documents, as numbered in the docs files.
pub const KINDS: [&str; 4] = ["article", "quotation", "actor", "topic"];

struct Doc {
    kind: u8,
    title: String,
    /// Relative to the site's base path.
    url: String,
    date: String,
    source: Option<SourceIdx>,
    snippet: String,
}

/// A document's text by how much it counts.
struct Fields<'a> {
    title: Vec<&'a str>,
    body: Vec<&'a str>,
    /// An article's body, read as plain text only when it is weighed, so
    /// that only a batch of texts exists at a time.
    body_html: Option<&'a str>,
}

/// Append the search terms of `text` (see the module's notes) to `out`.
pub fn terms(text: &str, mut emit: impl FnMut(&str)) {
    let mut word = String::with_capacity(32);
    let mut flush = |word: &mut String| {
        if word.chars().nth(1).is_some() && word.len() <= 64 {
            emit(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else {
                flush(&mut word);
            }
            continue;
        }
        decompose_compatible(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            for l in d.to_lowercase() {
                if is_combining_mark(l) {
                    continue;
                }
                if l.is_alphanumeric() {
                    word.push(l);
                } else {
                    flush(&mut word);
                }
            }
        });
    }
    flush(&mut word);
}

fn stop_words(config: &Config) -> &'static [&'static str] {
    let lang = config.site.language.to_ascii_lowercase();
    if lang.is_empty() || lang == "en" || lang.starts_with("en-") {
        STOP_EN
    } else {
        &[]
    }
}

fn documents(site: &Site) -> Vec<(Doc, Fields<'_>)> {
    let mut docs = Vec::with_capacity(
        site.articles.len() + site.quotations.len() + site.actors.len() + site.topics.len(),
    );
    let iso = |d: &chrono::DateTime<chrono::FixedOffset>| d.format("%Y-%m-%d").to_string();
    for a in &site.articles {
        let mut body = vec![a.summary.as_str()];
        if let Some(s) = a.source {
            body.push(&site.sources[s].name);
        }
        if let Some(d) = &a.dateline {
            body.push(d);
        }
        docs.push((
            Doc {
                kind: 0,
                title: a.title.clone(),
                url: routes::article(&a.slug),
                date: iso(&a.date),
                source: a.source,
                snippet: shorten(&a.summary, SNIPPET_CHARS),
            },
            Fields {
                title: vec![&a.title],
                body,
                body_html: Some(&a.body.html),
            },
        ));
    }
    for q in site.quotations.iter().filter(|q| q.kind.is_statement()) {
        let speaker = q.speaker.as_ref().map(|s| site.speaker_name(s));
        docs.push((
            Doc {
                kind: 1,
                title: format!("“{}”", shorten(&q.text, SNIPPET_CHARS)),
                url: routes::quote(&q.id),
                date: iso(&q.first_date),
                source: q
                    .appearances
                    .first()
                    .and_then(|ap| site.articles[ap.article].source),
                snippet: speaker.unwrap_or("Unattributed").to_string(),
            },
            Fields {
                title: speaker.into_iter().collect(),
                body: vec![&q.text],
                body_html: None,
            },
        ));
    }
    for a in site.actors.iter() {
        let mut title = vec![a.name.as_str()];
        title.extend(a.aliases.iter().map(String::as_str));
        docs.push((
            Doc {
                kind: 2,
                title: a.name.clone(),
                url: routes::actor(&a.id),
                date: a
                    .articles
                    .first()
                    .map(|&x| iso(&site.articles[x].date))
                    .unwrap_or_default(),
                source: None,
                snippet: a.role.clone().unwrap_or_else(|| {
                    format!(
                        "{} article{}",
                        a.articles.len(),
                        crate::text::plural(a.articles.len())
                    )
                }),
            },
            Fields {
                title,
                body: a.role.as_deref().into_iter().collect(),
                body_html: None,
            },
        ));
    }
    for t in site.topics.iter() {
        docs.push((
            Doc {
                kind: 3,
                title: t.title.clone(),
                url: routes::topic(&t.id),
                date: t
                    .articles
                    .first()
                    .map(|&x| iso(&site.articles[x].date))
                    .unwrap_or_default(),
                source: None,
                snippet: format!(
                    "{} article{}",
                    t.articles.len(),
                    crate::text::plural(t.articles.len())
                ),
            },
            Fields {
                title: vec![&t.title],
                body: t.keywords.iter().map(String::as_str).collect(),
                body_html: None,
            },
        ));
    }
    docs
}

/// A document's terms with their weights.
fn weigh(kind: u8, fields: &Fields, stop: &[&str]) -> Vec<(String, u8)> {
    let mut counts: FxHashMap<String, (u32, u32)> = FxHashMap::default();
    let plain = fields.body_html.map(crate::content::text::plain_text);
    let body: Vec<&str> = fields
        .body
        .iter()
        .copied()
        .chain(plain.as_deref())
        .collect();
    for (texts, title) in [(&fields.title, true), (&body, false)] {
        for text in texts {
            terms(text, |t| {
                // The list is sorted, its longest word five letters.
                if t.len() <= 5 && stop.binary_search(&t).is_ok() {
                    return;
                }
                match counts.get_mut(t) {
                    Some(c) => {
                        if title {
                            c.0 += 1
                        } else {
                            c.1 += 1
                        }
                    }
                    None => {
                        counts.insert(t.to_string(), if title { (1, 0) } else { (0, 1) });
                    }
                }
            });
        }
    }
    counts
        .into_iter()
        .map(|(term, (title, body))| {
            let body_weight = match body {
                0 => 0,
                1 => 1,
                2..=3 => 2,
                4..=7 => 3,
                8..=15 => 4,
                _ => 5,
            };
            let weight = if title > 0 {
                TITLE_WEIGHT[kind as usize]
            } else {
                0
            } + body_weight;
            (term, weight as u8)
        })
        .collect()
}

/// A term's postings, in document order: each the distance from the
/// document before (the first, from 0) as a variable-length number
/// (postcard's), then the term's weight in it, one byte. Most take two
/// bytes, and the site's index holds tens of millions of them at 100,000
/// articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Postings {
    bytes: Vec<u8>,
    last: u32,
}

impl Postings {
    /// Weights are at most 35 (a title term plus five).
    const MAX_WEIGHT: u8 = 63;

    /// Add `doc`, which comes after every document already in.
    fn push(&mut self, doc: u32, weight: u8) {
        let delta = doc - self.last;
        let bytes = std::mem::take(&mut self.bytes);
        self.bytes = postcard::to_extend(&delta, bytes).expect("a Vec takes every byte");
        self.bytes.push(weight.min(Self::MAX_WEIGHT));
        self.last = doc;
    }

    /// Each posting as (distance from the document before, weight).
    fn deltas(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut rest = self.bytes.as_slice();
        std::iter::from_fn(move || {
            let (delta, after) = postcard::take_from_bytes::<u32>(rest).ok()?;
            let (&weight, after) = after.split_first()?;
            rest = after;
            Some((delta, weight))
        })
    }
}

/// A term and its postings, in document order.
type Term<'a> = (&'a str, &'a Postings);

/// Postings in doc order as `[doc, weight, delta, weight, ...]`.
fn encode_postings(out: &mut String, postings: &Postings) {
    out.push('[');
    for (i, (delta, weight)) in postings.deltas().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut number = itoa::Buffer::new();
        out.push_str(number.format(delta));
        out.push(',');
        out.push_str(number.format(weight));
    }
    out.push(']');
}

fn encode_shard(terms: &[Term]) -> String {
    let mut out = String::with_capacity(terms.len() * 32);
    out.push('{');
    for (i, (term, postings)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(term).expect("a string serialises"));
        out.push(':');
        encode_postings(&mut out, postings);
    }
    out.push('}');
    out
}

fn prefix(term: &str, chars: usize) -> &str {
    match term.char_indices().nth(chars) {
        Some((i, _)) => &term[..i],
        None => term,
    }
}

/// Shards of `terms` (sorted, all starting with `key`): one, or split by one
/// more character while too large.
fn shard(key: &str, terms: &[Term], out: &mut Vec<(String, String)>) {
    let json = encode_shard(terms);
    let depth = key.chars().count();
    if json.len() <= SHARD_BYTES || depth >= MAX_KEY {
        out.push((key.to_string(), json));
        return;
    }
    // The term that is the key itself stays; longer ones go one level down.
    let (here, longer): (Vec<_>, Vec<_>) =
        terms.iter().partition(|(t, _)| t.chars().count() == depth);
    if !here.is_empty() {
        out.push((key.to_string(), encode_shard(&here)));
    }
    let mut start = 0;
    while start < longer.len() {
        let k = prefix(longer[start].0, depth + 1);
        let end = start
            + longer[start..]
                .iter()
                .take_while(|(t, _)| t.starts_with(k))
                .count();
        shard(k, &longer[start..end], out);
        start = end;
    }
}

/// A shard key as a file name: letters a-z and digits as they are, any other
/// character as `_HEX_` of its code point (the client does the same).
pub fn file_name(key: &str) -> String {
    let mut name = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            let _ = write!(name, "_{:x}_", c as u32);
        }
    }
    name
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    docs: usize,
    chunk: usize,
    maxkey: usize,
    kinds: [&'static str; 4],
    sources: Vec<&'a str>,
    stop: &'a [&'a str],
    shards: Vec<&'a str>,
}

/// Each search document's terms with their weights as a build weighed them,
/// by the hash of what they were weighed from ([`doc_key`]): a build after
/// an edit weighs again only the documents it does not find here. Stored
/// in its own compact form ([`Weighed::to_bytes`]): millions of pairs at
/// 10,000 articles, read on every build.
#[derive(Debug, Default, PartialEq)]
pub struct Weighed {
    /// Every term, once: documents name them by place.
    terms: Vec<String>,
    /// Each document's key and its run of pairs.
    docs: Vec<(u64, u32, u32)>,
    /// The (term, weight) pairs of every document, one after the other, as
    /// two lists: five bytes a pair rather than eight (tens of millions of
    /// pairs at 100,000 articles).
    pair_terms: Vec<u32>,
    pair_weights: Vec<u8>,
}

impl Weighed {
    /// `terms` (postcard) with its length, then the documents and the pairs
    /// as fixed-width little-endian numbers, each list after its length.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (len, write) = self.encoded();
        let mut out = Vec::with_capacity(len);
        write(&mut out).expect("a Vec takes every write");
        out
    }

    /// The length of [`Weighed::to_bytes`] and what writes those bytes into
    /// a writer, so that a cache file streams them instead of holding them
    /// whole (tens of megabytes at 10,000 articles).
    pub fn encoded(
        &self,
    ) -> (
        usize,
        impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        let terms = postcard::to_stdvec(&self.terms).unwrap_or_default();
        let len = terms.len() + 24 + self.docs.len() * 16 + self.pair_terms.len() * 5;
        let write = move |out: &mut dyn std::io::Write| {
            out.write_all(&(terms.len() as u64).to_le_bytes())?;
            out.write_all(&terms)?;
            out.write_all(&(self.docs.len() as u64).to_le_bytes())?;
            for &(key, start, len) in &self.docs {
                out.write_all(&key.to_le_bytes())?;
                out.write_all(&start.to_le_bytes())?;
                out.write_all(&len.to_le_bytes())?;
            }
            out.write_all(&(self.pair_terms.len() as u64).to_le_bytes())?;
            for &term in &self.pair_terms {
                out.write_all(&term.to_le_bytes())?;
            }
            out.write_all(&self.pair_weights)
        };
        (len, write)
    }

    /// What [`Weighed::to_bytes`] made, if `bytes` are that and consistent
    /// (every run inside the pairs, every term number a term).
    pub fn from_bytes(bytes: &[u8]) -> Option<Weighed> {
        let mut rest = bytes;
        let mut take = |n: usize| -> Option<&[u8]> {
            let (head, tail) = rest.split_at_checked(n)?;
            rest = tail;
            Some(head)
        };
        let u64_of = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or([0; 4]));
        let terms_len = usize::try_from(u64_of(take(8)?)).ok()?;
        let terms: Vec<String> = postcard::from_bytes(take(terms_len)?).ok()?;
        let docs_len = usize::try_from(u64_of(take(8)?)).ok()?;
        let docs: Vec<(u64, u32, u32)> = take(docs_len.checked_mul(16)?)?
            .chunks_exact(16)
            .map(|d| (u64_of(&d[..8]), u32_of(&d[8..12]), u32_of(&d[12..])))
            .collect();
        let pairs = usize::try_from(u64_of(take(8)?)).ok()?;
        let numbers = take(pairs.checked_mul(4)?)?;
        let weights = take(pairs)?;
        let pair_terms: Vec<u32> = numbers.chunks_exact(4).map(u32_of).collect();
        let consistent = rest.is_empty()
            && pair_terms.iter().all(|&t| (t as usize) < terms.len())
            && docs
                .iter()
                .all(|&(_, start, len)| start as usize + len as usize <= pairs);
        consistent.then(|| Weighed {
            terms,
            docs,
            pair_terms,
            pair_weights: weights.to_vec(),
        })
    }
}

/// How many documents a build may weigh again without leaving its terms for
/// the next build (at least; or one in a hundred).
const STALE_DOCS: usize = 64;

/// Every file of the index, by path relative to the output folder.
pub fn files(config: &Config, site: &Site) -> Vec<(String, Vec<u8>)> {
    let files = std::sync::Mutex::new(Vec::new());
    build(
        config,
        site,
        |path, bytes| {
            files
                .lock()
                .expect("no panics holding the lock")
                .push((path, bytes));
            Ok(())
        },
        false,
        None,
        (None, &|_| false),
    );
    files.into_inner().expect("no panics holding the lock")
}

/// What a document is weighed from: its kind, its texts and the stop words.
fn doc_key(kind: u8, fields: &Fields, stop: &[&str]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    (kind, &fields.title, &fields.body, fields.body_html, stop).hash(&mut h);
    h.finish()
}

/// A document's terms: weighed now, or as the last build weighed them.
enum Terms {
    Fresh(u64, Vec<(String, u8)>),
    Known(u64, std::ops::Range<usize>),
}

/// The index being merged: each term by number, its postings, and what the
/// next build will reuse.
struct Merge<'a> {
    last: &'a Weighed,
    /// The last build's term numbers to this build's.
    renumber: Vec<u32>,
    numbers: FxHashMap<String, u32>,
    terms: Vec<String>,
    postings: Vec<Postings>,
    /// What the next build will reuse; `None` in a build without the cache,
    /// which would only drop it (a pair for every posting: hundreds of
    /// megabytes at 100,000 articles).
    next: Option<Weighed>,
}

impl Merge<'_> {
    fn number(&mut self, term: &str) -> u32 {
        if let Some(&n) = self.numbers.get(term) {
            return n;
        }
        let n = self.terms.len() as u32;
        self.numbers.insert(term.to_string(), n);
        self.terms.push(term.to_string());
        self.postings.push(Postings::default());
        n
    }

    fn add(&mut self, doc: u32, terms: Terms) {
        let start = self.next.as_ref().map_or(0, |n| n.pair_terms.len() as u32);
        let key = match terms {
            Terms::Fresh(key, terms) => {
                for (term, weight) in terms {
                    let n = self.number(&term);
                    self.post(doc, n, weight);
                }
                key
            }
            Terms::Known(key, range) => {
                let last = self.last;
                let pairs = last.pair_terms[range.clone()].iter();
                for (&old, &weight) in pairs.zip(&last.pair_weights[range]) {
                    let n = match self.renumber.get(old as usize) {
                        Some(&n) if n != u32::MAX => n,
                        _ => {
                            let n = self.number(&last.terms[old as usize]);
                            self.renumber[old as usize] = n;
                            n
                        }
                    };
                    self.post(doc, n, weight);
                }
                key
            }
        };
        if let Some(next) = &mut self.next {
            let len = next.pair_terms.len() as u32 - start;
            next.docs.push((key, start, len));
        }
    }

    fn post(&mut self, doc: u32, term: u32, weight: u8) {
        self.postings[term as usize].push(doc, weight);
        if let Some(next) = &mut self.next {
            next.pair_terms.push(term);
            next.pair_weights.push(weight);
        }
    }
}

/// Build the index and hand each file to `emit` as soon as it is made, so
/// that the shards of a large site are never all in memory at once. With
/// the cache (`cached`; `last`, what the last build weighed, if anything),
/// the documents `last` knows are not weighed again, and what this build
/// weighed is returned when it differs. Returns what `emit` reported.
fn build<E>(
    config: &Config,
    site: &Site,
    emit: E,
    cached: bool,
    last: Option<&Weighed>,
    (last_groups, keep): (Option<&Groups>, KeepFile),
) -> (Vec<Diagnostic>, Option<Weighed>, Groups)
where
    E: Fn(String, Vec<u8>) -> Result<(), Diagnostic> + Sync,
{
    let stop = stop_words(config);
    let docs = documents(site);
    let doc_count = docs.len();
    // The documents' rows go out first; of each document only what is
    // weighed is kept.
    let mut errors: Vec<Diagnostic> = docs
        .par_chunks(DOCS_PER_CHUNK)
        .enumerate()
        .filter_map(|(n, chunk)| {
            let rows: Vec<_> = chunk
                .iter()
                .map(|(d, _)| {
                    (
                        d.kind,
                        &d.title,
                        &d.url,
                        &d.date,
                        d.source.map_or(-1, |s| usize::from(s) as i64),
                        &d.snippet,
                    )
                })
                .collect();
            emit(
                routes::search_docs(n),
                serde_json::to_vec(&rows).expect("plain data serialises"),
            )
            .err()
        })
        .collect();
    // Extended, not collected: a collect would reuse the rows' buffer,
    // three times the size, for as long as the index is merged.
    let mut fields: Vec<(u8, Fields)> = Vec::with_capacity(doc_count);
    fields.extend(docs.into_iter().map(|(d, f)| (d.kind, f)));
    let docs = fields;
    let empty = Weighed::default();
    let last = last.unwrap_or(&empty);
    let known: FxHashMap<u64, std::ops::Range<usize>> = last
        .docs
        .iter()
        .map(|&(key, start, len)| (key, start as usize..(start + len) as usize))
        .collect();
    let pairs_expected = last.pair_terms.len() + last.pair_terms.len() / 8;
    let mut merge = Merge {
        last,
        renumber: vec![u32::MAX; last.terms.len()],
        numbers: FxHashMap::default(),
        terms: Vec::with_capacity(last.terms.len()),
        postings: Vec::with_capacity(last.terms.len()),
        next: cached.then(|| Weighed {
            docs: Vec::with_capacity(doc_count),
            pair_terms: Vec::with_capacity(pairs_expected),
            pair_weights: Vec::with_capacity(pairs_expected),
            ..Weighed::default()
        }),
    };
    // Documents are weighed in parallel a batch at a time and merged into
    // the index before the next batch: every document's term list at once
    // would hold each term as many times as documents have it.
    const BATCH: usize = 256;
    let mut fresh = 0;
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let weighed_now: Vec<Terms> = batch
            .par_iter()
            .map(|(kind, f)| {
                let key = if cached { doc_key(*kind, f, stop) } else { 0 };
                match known.get(&key) {
                    Some(range) if cached => Terms::Known(key, range.clone()),
                    _ => Terms::Fresh(key, weigh(*kind, f, stop)),
                }
            })
            .collect();
        for (i, terms) in weighed_now.into_iter().enumerate() {
            fresh += usize::from(matches!(terms, Terms::Fresh(..)));
            merge.add((b * BATCH + i) as u32, terms);
        }
    }
    let mut sorted: Vec<Term> = merge
        .terms
        .iter()
        .zip(&merge.postings)
        .map(|(t, p)| (t.as_str(), p))
        .collect();
    sorted.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut groups: Vec<&[Term]> = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let k = prefix(sorted[start].0, 2);
        let end = start
            + sorted[start..]
                .iter()
                .take_while(|(t, _)| t.starts_with(k))
                .count();
        groups.push(&sorted[start..end]);
        start = end;
    }
    // A group of terms (their first two characters) whose terms and
    // postings are the last build's made the same shard files: they are
    // kept from the live output instead of being encoded again.
    let made: Vec<(String, u64, Vec<String>, Vec<Diagnostic>)> = groups
        .par_iter()
        .map(|group| {
            let first = prefix(group[0].0, 2);
            let fingerprint = if cached { group_fingerprint(group) } else { 0 };
            if let Some((last, keys)) = last_groups.and_then(|g| g.get(first))
                && *last == fingerprint
                && keys
                    .iter()
                    .all(|k| keep(&routes::search_shard(&file_name(k))))
            {
                return (first.to_string(), fingerprint, keys.clone(), Vec::new());
            }
            let mut out = Vec::new();
            shard(first, group, &mut out);
            let (mut keys, mut errors) = (Vec::with_capacity(out.len()), Vec::new());
            for (key, json) in out {
                match emit(routes::search_shard(&file_name(&key)), json.into_bytes()) {
                    Ok(()) => keys.push(key),
                    Err(d) => errors.push(d),
                }
            }
            (first.to_string(), fingerprint, keys, errors)
        })
        .collect();
    let mut keys = Vec::with_capacity(made.len());
    let mut next_groups = Groups::with_capacity(made.len());
    for (first, fingerprint, group_keys, group_errors) in made {
        keys.extend(group_keys.iter().cloned());
        errors.extend(group_errors);
        if cached {
            next_groups.insert(first, (fingerprint, group_keys));
        }
    }
    let meta = Meta {
        version: 1,
        docs: doc_count,
        chunk: DOCS_PER_CHUNK,
        maxkey: MAX_KEY,
        kinds: KINDS,
        sources: site.sources.iter().map(|s| s.name.as_str()).collect(),
        stop,
        shards: keys.iter().map(String::as_str).collect(),
    };
    for (path, bytes) in [
        (
            routes::SEARCH_META.to_string(),
            serde_json::to_vec(&meta).expect("plain data serialises"),
        ),
        (
            routes::SEARCH_SCRIPT.to_string(),
            CLIENT.as_bytes().to_vec(),
        ),
    ] {
        errors.extend(emit(path, bytes).err());
    }
    drop(sorted);
    // A few documents weighed again are not worth writing the whole cache
    // for (megabytes at 10,000 articles): the last one stays right for every
    // other document, and the next build weighs those few again.
    let changed = fresh > STALE_DOCS.max(doc_count / 100) || last.docs.is_empty();
    let Merge { terms, next, .. } = merge;
    let next = next.filter(|_| changed).map(|mut next| {
        next.terms = terms;
        next
    });
    (errors, next, next_groups)
}

/// Whether a file of the live output could be kept as it is (see
/// `output::Staging::keep`); never without one.
type KeepFile<'a> = &'a (dyn Fn(&str) -> bool + Sync);

/// The shard files of each group of terms (by its first two characters)
/// as a build made them: the hash of the group's terms and postings, and
/// the keys of its shards.
pub type Groups = std::collections::HashMap<String, (u64, Vec<String>)>;

/// What a group's shard files are made from: its terms and their postings.
fn group_fingerprint(group: &[Term]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    for (term, postings) in group {
        term.hash(&mut h);
        postings.bytes.hash(&mut h);
    }
    h.finish()
}

/// The index into `out`. With the cache (`cached`; `last`, what the last
/// build weighed, if anything; `groups`, the live output's shards), what
/// this build weighed, when it differs from `last`, and its shards.
pub fn write(
    config: &Config,
    site: &Site,
    out: Out,
    cached: bool,
    last: Option<&Weighed>,
    groups: Option<&Groups>,
) -> Result<(Option<Weighed>, Groups), Diagnostics> {
    let (errors, weighed, groups) = build(
        config,
        site,
        |path, bytes| out.write(&path, &bytes),
        cached,
        last,
        (groups, &|path| out.keep(path)),
    );
    if errors.is_empty() {
        Ok((weighed, groups))
    } else {
        Err(errors.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        terms(text, |t| v.push(t.to_string()));
        v
    }

    #[test]
    fn terms_fold_case_and_accents() {
        assert_eq!(
            all("Lavrov's talks in Genève, 12-hour «Überraschung» a"),
            [
                "lavrov",
                "talks",
                "in",
                "geneve",
                "12",
                "hour",
                "uberraschung"
            ]
        );
        assert_eq!(all("ＡＢＣ Ⅻ"), ["abc", "xii"]);
    }

    #[test]
    fn shards_split_when_large_and_keep_their_terms() {
        let mut postings = Postings::default();
        for d in 0..3000 {
            postings.push(d * 7, 1);
        }
        let owned: Vec<String> = ["ab", "abc", "abd", "abdx", "ac"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let terms: Vec<Term> = owned[..4].iter().map(|t| (t.as_str(), &postings)).collect();
        let mut out = Vec::new();
        shard("ab", &terms, &mut out);
        let keys: Vec<&str> = out.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["ab", "abc", "abd"]);
        let abd: serde_json::Value = serde_json::from_str(&out[2].1).unwrap();
        assert!(abd.get("abd").is_some() && abd.get("abdx").is_some());
        assert_eq!(abd["abd"][0], 0);
        assert_eq!(abd["abd"][2], 7);
    }

    #[test]
    fn stop_words_are_sorted_and_short() {
        assert!(STOP_EN.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_EN.iter().all(|w| w.len() <= 5));
    }

    #[test]
    fn weighed_terms_read_back_as_written_and_broken_ones_do_not() {
        let weighed = Weighed {
            terms: vec!["talks".into(), "genève".into()],
            docs: vec![(7, 0, 2), (9, 2, 1)],
            pair_terms: vec![0, 1, 1],
            pair_weights: vec![13, 1, 30],
        };
        let bytes = weighed.to_bytes();
        assert_eq!(Weighed::from_bytes(&bytes), Some(weighed));
        assert_eq!(Weighed::from_bytes(&bytes[..bytes.len() - 1]), None);
        let mut wrong_term = bytes.clone();
        // The first pair's term number, past the terms.
        let at = bytes.len() - 3 - 3 * 4;
        wrong_term[at] = 5;
        assert_eq!(Weighed::from_bytes(&wrong_term), None);
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_name("ab12"), "ab12");
        assert_eq!(file_name("éa"), "_e9_a");
        assert_eq!(file_name("мо"), "_43c__43e_");
    }
}
