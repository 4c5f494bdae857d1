//! Shared quotations across a site: the same statement reported by several articles.
//!
//! Each occurrence's wording is reduced once to a [`QuoteKey`] (the hash of its normalised
//! text, its word count and the hashes of its 8-word shingles), in the per-article stage that
//! runs on every core; grouping a site then touches no text. Equal normalised texts are one
//! node. Nodes that share a shingle are joined by a union-find whose sets remember their
//! speaker, so a join only happens when the speakers agree or one is unknown. Shingles
//! carried by very many distinct wordings (boilerplate) are skipped. Everything runs in a
//! canonical order (nodes by wording hash, shingles by hash), so the result does not depend
//! on the order of the input.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::Attribution;

/// Words in a shingle: a shared run of this many words joins two wordings.
pub const SHINGLE_WORDS: usize = 8;
/// Shingles shared by more distinct wordings than this are ignored as boilerplate.
pub const SHINGLE_CAP: usize = 64;

/// What grouping needs of one wording. Computing it is the costly part (normalising,
/// hashing every word), so callers make it where the text is, once per occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuoteKey {
    /// Hash of the normalised wording: equal wordings, equal hashes.
    pub wording: u64,
    /// Words in the normalised wording.
    pub words: u32,
    /// Hashes of its 8-word shingles, sorted, without repeats; empty under 8 words.
    pub shingles: Box<[u64]>,
}

impl QuoteKey {
    pub fn new(text: &str) -> QuoteKey {
        QuoteKey::of_normalised(&normalise(text))
    }

    /// The key of an occurrence whose speaker the article names (an actor id or a name;
    /// None when unknown). A short wording (under [`SHINGLE_WORDS`] words: a scare quote,
    /// a slogan, a one-line retort) is a different statement in another speaker's mouth:
    /// "extremely careless" from an investigator and from a senator are two quotations, and
    /// neither takes the other's speaker. Its key mixes the speaker in; longer wordings and
    /// unknown speakers keep the key of their text.
    pub fn spoken(text: &str, speaker: Option<&str>) -> QuoteKey {
        let mut key = QuoteKey::new(text);
        if let Some(speaker) = speaker
            && (key.words as usize) < SHINGLE_WORDS
        {
            let normalised = normalise(speaker);
            key.wording = mix(key.wording ^ fnv1a(normalised.as_bytes()));
        }
        key
    }

    /// The key of a wording that is a quotation of one article only: a scare quote, a single
    /// word or a catchword (a fragment) written in four articles is four writers' choice of
    /// word, not one statement reported four times. The article's name is mixed into the
    /// wording's hash, so it joins no other article's by equality, and its shingles are
    /// dropped, so it joins none by a shared run of words either.
    pub fn in_article(mut self, article: &str) -> QuoteKey {
        self.wording = mix(self.wording ^ mix(fnv1a(article.as_bytes())));
        self.shingles = Box::default();
        self
    }

    /// The key of a text already passed through [`normalise`].
    pub fn of_normalised(normalised: &str) -> QuoteKey {
        let word_hashes: Vec<u64> = normalised
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| fnv1a(w.as_bytes()))
            .collect();
        let mut shingles: Vec<u64> = word_hashes
            .windows(SHINGLE_WORDS)
            .map(|win| {
                win.iter()
                    .fold(0xcbf2_9ce4_8422_2325, |h: u64, w| mix(h ^ w))
            })
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        QuoteKey {
            wording: fnv1a(normalised.as_bytes()),
            words: word_hashes.len() as u32,
            shingles: shingles.into_boxed_slice(),
        }
    }

    /// The quotation id this wording gives when it is a group's earliest occurrence.
    pub fn id(&self) -> String {
        id_of_hash(self.wording)
    }
}

/// Where an occurrence stands: in time, then by article and position. The earliest
/// occurrence names its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence<'a> {
    /// Any monotonic time, such as seconds since 1970.
    pub time: i64,
    /// A stable name of the article, such as its slug.
    pub article: &'a str,
    /// The quote's position in its article.
    pub ordinal: u32,
}

/// One quotation occurrence, as the caller knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef<'a> {
    /// The wording as found.
    pub text: &'a str,
    /// `QuoteKey::new(text)`.
    pub key: &'a QuoteKey,
    /// A stable key for the speaker (an actor id, or a new speaker's name); None if unknown.
    pub speaker: Option<&'a str>,
    /// How the article gives the speaker (meaningless when there is none).
    pub attribution: Attribution,
    pub at: Occurrence<'a>,
}

/// One shared quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotationGroup {
    /// Stable id: 12 lower-case base32 characters derived from the normalised wording of the
    /// earliest occurrence. Independent of input order and of other groups.
    pub id: String,
    /// Indices into the input, earliest first.
    pub members: Vec<usize>,
    /// Index of the fullest wording (most words; earliest on ties).
    pub representative: usize,
    /// The speaker key shared by the members that have one.
    pub speaker: Option<String>,
}

/// Unicode NFKC, curly marks to straight, case folded, apostrophes dropped, every other run of
/// punctuation and white space collapsed to one space, trimmed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut push = |c: char, out: &mut String| {
        let c = match c {
            '‘' | '’' | '‛' | '′' | '`' | '´' | '‚' | '‹' | '›' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '「' | '」' | '『' | '』' => {
                '"'
            }
            c => c,
        };
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c != '\'' && !c.is_mark() {
            gap = true;
        }
    };
    if text.is_ascii() {
        for c in text.chars() {
            push(c, &mut out);
        }
    } else {
        for c in text.nfkc() {
            push(c, &mut out);
        }
    }
    out
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    /// Combining marks left after NFKC stay with their letter.
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
    }
}

/// A hasher for keys that are hashes already (wordings, shingles): callers
/// that keep maps of them use it too.
#[derive(Default)]
pub struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The stable id of a quotation from its normalised wording: 12 lower-case base32 characters.
pub fn quotation_id(normalised: &str) -> String {
    id_of_hash(fnv1a(normalised.as_bytes()))
}

fn id_of_hash(wording: u64) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let h = mix(wording);
    (0..12)
        .map(|i| ALPHABET[((h >> (64 - 5 * (i + 1))) & 31) as usize] as char)
        .collect()
}

/// The union-find of grouping: sets of wordings (nodes, numbered in wording-hash order) that
/// remember their speaker, so that a join only happens when the speakers agree or one is
/// unknown. `K` is whatever names a speaker; callers that keep the shingle graph between
/// builds replay the joins with it (see `run`).
pub struct Joins<K> {
    parent: Vec<usize>,
    speaker: Vec<Option<K>>,
}

impl<K: PartialEq + Copy> Joins<K> {
    /// One set per node, with the node's speaker.
    pub fn new(speakers: Vec<Option<K>>) -> Joins<K> {
        Joins {
            parent: (0..speakers.len()).collect(),
            speaker: speakers,
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// The speaker of a set, by its root.
    pub fn speaker(&self, root: usize) -> Option<K> {
        self.speaker[root]
    }

    /// The nodes that hold one shingle, in node order; shingles must come in hash order.
    /// They are joined unless more than `SHINGLE_CAP` hold it (boilerplate).
    pub fn run(&mut self, nodes: &[u32]) {
        if nodes.len() > SHINGLE_CAP {
            return;
        }
        for k in 1..nodes.len() {
            let (a, b) = (nodes[0] as usize, nodes[k] as usize);
            if !self.union(a, b) {
                self.union(nodes[k - 1] as usize, b);
            }
        }
    }

    /// Joins the sets of `a` and `b` when their speakers agree or one is unknown.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let compatible = match (self.speaker[ra], self.speaker[rb]) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        if !compatible {
            return false;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        if self.speaker[root].is_none() {
            self.speaker[root] = self.speaker[child];
        }
        true
    }
}

/// Groups the quotations of a whole site. Near-linear in the total number of shingles;
/// deterministic and independent of the order of `items`.
pub fn group_quotations(items: &[QuoteRef]) -> Vec<QuotationGroup> {
    // Distinct wordings in canonical order; a node per wording.
    let mut wordings: Vec<u64> = items.iter().map(|q| q.key.wording).collect();
    wordings.sort_unstable();
    wordings.dedup();
    let node_of = |wording: u64| {
        wordings
            .binary_search(&wording)
            .expect("every wording is a node")
    };
    let item_node: Vec<usize> = items.iter().map(|q| node_of(q.key.wording)).collect();

    let mut sets = Joins::new(node_speakers(items, &item_node, wordings.len()));

    // Shingle -> nodes, for the shingles that more than one node has. Most shingles belong
    // to one wording only: the map remembers the first node (and whether it is listed yet),
    // and only shingles seen again are listed.
    let mut first: HashMap<u64, (u32, bool), BuildHasherDefault<PreHashed>> = HashMap::default();
    let mut shared: Vec<(u64, u32)> = Vec::new();
    let mut seen = vec![false; wordings.len()];
    for (i, q) in items.iter().enumerate() {
        let node = item_node[i];
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        for &shingle in &q.key.shingles {
            match first.entry(shingle) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert((node as u32, false));
                }
                std::collections::hash_map::Entry::Occupied(mut e) => {
                    let (first_node, listed) = e.get_mut();
                    if !*listed {
                        shared.push((shingle, *first_node));
                        *listed = true;
                    }
                    shared.push((shingle, node as u32));
                }
            }
        }
    }
    drop(first);
    shared.sort_unstable();
    let mut nodes: Vec<u32> = Vec::new();
    for run in shared.chunk_by(|a, b| a.0 == b.0) {
        nodes.clear();
        nodes.extend(run.iter().map(|&(_, node)| node));
        sets.run(&nodes);
    }

    let roots: Vec<usize> = item_node.iter().map(|&n| sets.find(n)).collect();
    groups_of_sets(items, &roots, |root| sets.speaker(root).map(str::to_string))
}

/// The groups of occurrences already sorted into sets: `roots[i]` names the set of
/// `items[i]`, `speaker` gives a set's speaker by its root. Groups in time order.
pub fn groups_of_sets(
    items: &[QuoteRef],
    roots: &[usize],
    speaker: impl Fn(usize) -> Option<String>,
) -> Vec<QuotationGroup> {
    // Members of each set, earliest first.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        roots[a]
            .cmp(&roots[b])
            .then_with(|| items[a].at.cmp(&items[b].at))
            .then_with(|| items[a].key.wording.cmp(&items[b].key.wording))
            .then_with(|| items[a].text.cmp(items[b].text))
            .then(a.cmp(&b))
    });
    let mut groups: Vec<QuotationGroup> = order
        .chunk_by(|&a, &b| roots[a] == roots[b])
        .map(|members| {
            let earliest = members[0];
            // The fullest wording; the earliest among equals.
            let fullness = |m: usize| (items[m].key.words, items[m].text.len());
            let mut representative = earliest;
            for &m in members {
                if fullness(m) > fullness(representative) {
                    representative = m;
                }
            }
            QuotationGroup {
                id: items[earliest].key.id(),
                members: members.to_vec(),
                representative,
                speaker: speaker(roots[earliest]),
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        items[a.members[0]]
            .at
            .cmp(&items[b.members[0]].at)
            .then_with(|| a.id.cmp(&b.id))
    });
    groups
}

/// The speaker of one wording from the speakers its occurrences are given, as grouping
/// decides it: of the votes of the strongest attribution among them (an article that says who
/// spoke outranks one that leaves it to the context), the most frequent, the smallest key on
/// ties.
pub fn wording_speaker<'a>(
    votes: impl IntoIterator<Item = Option<(&'a str, Attribution)>>,
) -> Option<&'a str> {
    let mut votes: Vec<(Attribution, &str)> = votes
        .into_iter()
        .flatten()
        .map(|(speaker, attribution)| (attribution, speaker))
        .collect();
    let strongest = votes.iter().map(|&(attribution, _)| attribution).min()?;
    votes.retain(|&(attribution, _)| attribution == strongest);
    votes.sort_unstable();
    let mut best: Option<(&str, usize)> = None;
    for run in votes.chunk_by(|a, b| a == b) {
        // Runs come in key order, so a later run wins only with strictly more votes.
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0].1, run.len()));
        }
    }
    best.map(|(speaker, _)| speaker)
}

/// Each node's speaker, from its occurrences' (see [`wording_speaker`]).
fn node_speakers<'a>(
    items: &[QuoteRef<'a>],
    item_node: &[usize],
    nodes: usize,
) -> Vec<Option<&'a str>> {
    let mut votes: Vec<(usize, &str, Attribution)> = items
        .iter()
        .zip(item_node)
        .filter_map(|(q, &node)| Some((node, q.speaker?, q.attribution)))
        .collect();
    votes.sort_unstable_by_key(|&(node, _, _)| node);
    let mut speaker = vec![None; nodes];
    for run in votes.chunk_by(|a, b| a.0 == b.0) {
        speaker[run[0].0] = wording_speaker(
            run.iter()
                .map(|&(_, name, attribution)| Some((name, attribution))),
        );
    }
    speaker
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An occurrence as the tests write it: wording, speaker, and an article name
    /// that orders occurrences.
    #[derive(Clone, Copy)]
    struct Item<'a>(&'a str, Option<&'a str>, &'a str);

    fn r<'a>(text: &'a str, speaker: Option<&'a str>, key: &'a str) -> Item<'a> {
        Item(text, speaker, key)
    }

    fn group(items: &[Item]) -> Vec<QuotationGroup> {
        let keys: Vec<QuoteKey> = items.iter().map(|i| QuoteKey::new(i.0)).collect();
        let refs: Vec<QuoteRef> = items
            .iter()
            .zip(&keys)
            .map(|(i, key)| QuoteRef {
                text: i.0,
                key,
                speaker: i.1,
                attribution: Attribution::Explicit,
                at: Occurrence {
                    time: 0,
                    article: i.2,
                    ordinal: 0,
                },
            })
            .collect();
        group_quotations(&refs)
    }

    #[test]
    fn normalise_examples() {
        assert_eq!(
            normalise("“We are NOT playing ‘Let’s Make a Deal’ here”,"),
            "we are not playing lets make a deal here"
        );
        assert_eq!(normalise("  Hello,\n  world!  "), "hello world");
        assert_eq!(normalise("ﬁne Ｆｕｌｌ"), "fine full");
        assert_eq!(normalise("Let's"), normalise("Let’s"));
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("Café"), normalise("Cafe\u{301}"));
    }

    #[test]
    fn ids_are_short_and_stable() {
        let id = quotation_id("we are close");
        assert_eq!(id.len(), 12);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        );
        assert_eq!(id, quotation_id("we are close"));
        assert_ne!(id, quotation_id("we are closer"));
    }

    const FULL: &str = "We are close. But we are not going to rush to an agreement until it satisfies fully the needs of the Syrian people.";
    const CUT: &str = "we are not going to rush to an agreement until it satisfies";

    #[test]
    fn exact_and_contained() {
        let items = [
            r(FULL, Some("kerry"), "2016-08-26/a/1"),
            r(
                "“We are close. But we are NOT going to rush to an agreement until it satisfies fully the needs of the Syrian people”",
                None,
                "2016-08-27/b/1",
            ),
            r(CUT, None, "2016-08-28/c/4"),
            r("We are close", Some("lavrov"), "2016-08-26/a/2"),
        ];
        let g = group(&items);
        assert_eq!(g.len(), 2);
        let big = g.iter().find(|g| g.members.len() == 3).unwrap();
        assert_eq!(big.members, vec![0, 1, 2]);
        assert_eq!(big.speaker.as_deref(), Some("kerry"));
        assert!(big.representative == 0 || big.representative == 1);
        assert_eq!(big.id, quotation_id(&normalise(FULL)));
    }

    #[test]
    fn different_speakers_do_not_join() {
        let items = [r(FULL, Some("kerry"), "1"), r(CUT, Some("lavrov"), "2")];
        assert_eq!(group(&items).len(), 2);
        // equal wording is one quotation whatever the speakers
        let items = [r(FULL, Some("kerry"), "1"), r(FULL, Some("lavrov"), "2")];
        assert_eq!(group(&items).len(), 1);
    }

    #[test]
    fn seven_words_are_not_enough() {
        let items = [
            r("one two three four five six seven alpha beta", None, "1"),
            r("one two three four five six seven gamma delta", None, "2"),
        ];
        assert_eq!(group(&items).len(), 2);
    }

    #[test]
    fn independent_of_order() {
        let items = vec![
            r(FULL, Some("kerry"), "2016-08-26/a/1"),
            r(CUT, None, "2016-08-28/c/4"),
            r(
                "We had a good discussion on Ukraine",
                Some("kerry"),
                "2015-12-15/d/1",
            ),
            r(
                "we had a good discussion on ukraine!",
                None,
                "2015-12-16/e/1",
            ),
            r("Such is the reality.", Some("lavrov"), "2016-08-26/a/9"),
        ];
        let a = group(&items);
        let mut rev = items.clone();
        rev.reverse();
        let b = group(&rev);
        let n = items.len();
        let canon = |gs: &[QuotationGroup], flip: bool| -> Vec<(String, Vec<usize>, usize)> {
            gs.iter()
                .map(|g| {
                    let f = |i: usize| if flip { n - 1 - i } else { i };
                    let mut m: Vec<usize> = g.members.iter().map(|&i| f(i)).collect();
                    m.sort();
                    (g.id.clone(), m, f(g.representative))
                })
                .collect()
        };
        assert_eq!(canon(&a, false), canon(&b, true));
    }

    #[test]
    fn frequent_shingles_are_capped() {
        let texts: Vec<String> = (0..SHINGLE_CAP + 5)
            .map(|i| {
                format!(
                    "in accordance with the relevant resolutions of the council number {i} and more"
                )
            })
            .collect();
        let items: Vec<Item> = texts.iter().map(|t| r(t, None, "k")).collect();
        assert_eq!(group(&items).len(), SHINGLE_CAP + 5);
    }

    /// Occurrences of `text` in one article, one per key, with those speakers, in time order.
    fn occurrences<'a>(
        text: &'a str,
        keys: &'a [QuoteKey],
        speakers: &[(Option<&'a str>, Attribution)],
    ) -> Vec<QuoteRef<'a>> {
        keys.iter()
            .zip(speakers)
            .enumerate()
            .map(|(i, (key, &(speaker, attribution)))| QuoteRef {
                text,
                key,
                speaker,
                attribution,
                at: Occurrence {
                    time: i as i64,
                    article: "a",
                    ordinal: 0,
                },
            })
            .collect()
    }

    #[test]
    fn short_wordings_of_different_speakers_are_different_quotations() {
        let roe = QuoteKey::spoken("extremely careless", Some("jane-roe"));
        let doe = QuoteKey::spoken("Extremely careless!", Some("john-doe"));
        let roe_again = QuoteKey::spoken("“Extremely careless”", Some("jane-roe"));
        let unknown = QuoteKey::spoken("extremely careless", None);
        assert_ne!(roe.wording, doe.wording);
        assert_eq!(roe, roe_again);
        assert_eq!(unknown, QuoteKey::new("extremely careless"));
        // a longer wording is one statement whoever is named for it
        let long = "we will not raise the harbour levy again this year or next";
        assert_eq!(
            QuoteKey::spoken(long, Some("jane-roe")),
            QuoteKey::spoken(long, Some("john-doe"))
        );
        let keys = [roe, doe, roe_again];
        let named = |s| (Some(s), Attribution::Explicit);
        let items = occurrences(
            "extremely careless",
            &keys,
            &[named("jane-roe"), named("john-doe"), named("jane-roe")],
        );
        let groups = group_quotations(&items);
        assert_eq!(groups.len(), 2);
        assert_ne!(groups[0].id, groups[1].id);
        assert_eq!(groups[0].members, vec![0, 2]);
        assert_eq!(groups[0].speaker.as_deref(), Some("jane-roe"));
        assert_eq!(groups[1].speaker.as_deref(), Some("john-doe"));
    }

    #[test]
    fn a_named_speaker_outranks_speakers_read_from_the_context() {
        // Two articles carry the words after another speaker's quotation (and so give them
        // that speaker), one says who spoke them.
        let keys = [
            QuoteKey::new(FULL),
            QuoteKey::new(FULL),
            QuoteKey::new(FULL),
        ];
        let votes = [
            (Some("lavrov"), Attribution::Inferred),
            (Some("kerry"), Attribution::Explicit),
            (Some("lavrov"), Attribution::Inferred),
        ];
        let groups = group_quotations(&occurrences(FULL, &keys, &votes));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].speaker.as_deref(), Some("kerry"));
        // among votes of one strength, the most frequent
        let inferred = |s| Some((s, Attribution::Inferred));
        assert_eq!(
            wording_speaker([
                inferred("lavrov"),
                None,
                inferred("kerry"),
                inferred("lavrov")
            ]),
            Some("lavrov")
        );
        assert_eq!(wording_speaker([None, None]), None);
    }

    #[test]
    fn empty_input() {
        assert!(group(&[]).is_empty());
    }
}
