//! Shared quotations across a site: the same statement reported by several articles.
//!
//! Wordings are normalised ([`normalise`]); equal normalised texts are one node. Nodes with
//! 8 or more words are indexed by their 8-word shingles; nodes that share a shingle are
//! joined by a union-find whose sets remember their speaker, so a join only happens when the
//! speakers agree or one is unknown. Shingles carried by very many distinct wordings
//! (boilerplate) are skipped. Everything runs in a canonical order (nodes sorted by text,
//! shingles by hash), so the result does not depend on the order of the input.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Words in a shingle: a shared run of this many words joins two wordings.
pub const SHINGLE_WORDS: usize = 8;
/// Shingles shared by more distinct wordings than this are ignored as boilerplate.
pub const SHINGLE_CAP: usize = 64;

/// One quotation occurrence, as the caller knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef<'a> {
    /// The wording as found (normalised inside).
    pub text: &'a str,
    /// A stable key for the speaker (an actor id, or a new speaker's name); None if unknown.
    pub speaker: Option<&'a str>,
    /// Sorts the occurrences in time, e.g. `"2016-02-21/russia-us-discuss/003"`
    /// (date, article slug, ordinal). The earliest occurrence names the group.
    pub sort_key: &'a str,
}

/// One shared quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotationGroup {
    /// Stable id: 12 lower-case base32 characters derived from the normalised wording of the
    /// earliest occurrence (by `sort_key`). Independent of input order and of other groups.
    pub id: String,
    /// Indices into the input, sorted by `sort_key`.
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
            '‘' | '’' | '‛' | '′' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
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

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct PreHashed(u64);

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
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let h = mix(fnv1a(normalised.as_bytes()));
    (0..12)
        .map(|i| ALPHABET[((h >> (64 - 5 * (i + 1))) & 31) as usize] as char)
        .collect()
}

struct Sets {
    parent: Vec<usize>,
    speaker: Vec<Option<String>>,
}

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b` when their speakers agree or one is unknown.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let compatible = match (&self.speaker[ra], &self.speaker[rb]) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        if !compatible {
            return false;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        if self.speaker[root].is_none() {
            self.speaker[root] = self.speaker[child].take();
        }
        true
    }
}

/// Groups the quotations of a whole site. Near-linear in the total number of words;
/// deterministic and independent of the order of `items`.
pub fn group_quotations(items: &[QuoteRef]) -> Vec<QuotationGroup> {
    let norms: Vec<String> = items.iter().map(|q| normalise(q.text)).collect();

    // Distinct wordings in canonical (sorted) order.
    let mut distinct: Vec<&str> = norms.iter().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let node_of: HashMap<&str, usize> = distinct.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let item_node: Vec<usize> = norms.iter().map(|n| node_of[n.as_str()]).collect();

    // A node's speaker: its most frequent known speaker (smallest key on ties).
    let mut votes: Vec<HashMap<&str, usize>> = vec![HashMap::new(); distinct.len()];
    for (i, q) in items.iter().enumerate() {
        if let Some(s) = q.speaker {
            *votes[item_node[i]].entry(s).or_default() += 1;
        }
    }
    let speaker: Vec<Option<String>> = votes
        .iter()
        .map(|v| {
            v.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string())
        })
        .collect();
    let mut sets = Sets {
        parent: (0..distinct.len()).collect(),
        speaker,
    };

    // 8-word shingles -> nodes. Each word is hashed once; a window's hash
    // combines its eight word hashes. The keys are already well mixed, so
    // the map does not hash them again.
    let mut postings: HashMap<u64, Vec<usize>, BuildHasherDefault<PreHashed>> = HashMap::default();
    let mut word_hashes: Vec<u64> = Vec::new();
    for (node, text) in distinct.iter().enumerate() {
        word_hashes.clear();
        word_hashes.extend(
            text.split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| fnv1a(w.as_bytes())),
        );
        if word_hashes.len() < SHINGLE_WORDS {
            continue;
        }
        for win in word_hashes.windows(SHINGLE_WORDS) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for w in win {
                h = mix(h ^ w);
            }
            let list = postings.entry(h).or_default();
            if list.last() != Some(&node) {
                list.push(node);
            }
        }
    }
    let mut shingles: Vec<(u64, Vec<usize>)> = postings
        .into_iter()
        .filter(|(_, v)| v.len() > 1 && v.len() <= SHINGLE_CAP)
        .collect();
    shingles.sort_unstable_by_key(|(h, _)| *h);
    for (_, nodes) in &shingles {
        for k in 1..nodes.len() {
            if !sets.union(nodes[0], nodes[k]) {
                sets.union(nodes[k - 1], nodes[k]);
            }
        }
    }

    // Collect groups.
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &node) in item_node.iter().enumerate() {
        let r = sets.find(node);
        by_root.entry(r).or_default().push(i);
    }
    // Normalised text has single spaces between words and none at the ends.
    let words_of: Vec<usize> = norms
        .iter()
        .map(|n| {
            if n.is_empty() {
                0
            } else {
                n.bytes().filter(|&b| b == b' ').count() + 1
            }
        })
        .collect();
    let word_count = |i: usize| words_of[i];
    let mut groups: Vec<(String, QuotationGroup)> = by_root
        .into_iter()
        .map(|(root, mut members)| {
            members.sort_by(|&a, &b| {
                items[a]
                    .sort_key
                    .cmp(items[b].sort_key)
                    .then(norms[a].cmp(&norms[b]))
                    .then(items[a].text.cmp(items[b].text))
                    .then(a.cmp(&b))
            });
            let earliest = members[0];
            // the fullest wording; the earliest among equals
            let mut representative = earliest;
            for &m in &members {
                if (word_count(m), items[m].text.len())
                    > (word_count(representative), items[representative].text.len())
                {
                    representative = m;
                }
            }
            let first_key = items[earliest].sort_key.to_string();
            let g = QuotationGroup {
                id: quotation_id(&norms[earliest]),
                members,
                representative,
                speaker: sets.speaker[root].clone(),
            };
            (first_key, g)
        })
        .collect();
    groups.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    groups.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r<'a>(text: &'a str, speaker: Option<&'a str>, key: &'a str) -> QuoteRef<'a> {
        QuoteRef {
            text,
            speaker,
            sort_key: key,
        }
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
        let g = group_quotations(&items);
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
        assert_eq!(group_quotations(&items).len(), 2);
        // equal wording is one quotation whatever the speakers
        let items = [r(FULL, Some("kerry"), "1"), r(FULL, Some("lavrov"), "2")];
        assert_eq!(group_quotations(&items).len(), 1);
    }

    #[test]
    fn seven_words_are_not_enough() {
        let items = [
            r("one two three four five six seven alpha beta", None, "1"),
            r("one two three four five six seven gamma delta", None, "2"),
        ];
        assert_eq!(group_quotations(&items).len(), 2);
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
        let a = group_quotations(&items);
        let mut rev = items.clone();
        rev.reverse();
        let b = group_quotations(&rev);
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
        let items: Vec<QuoteRef> = texts.iter().map(|t| r(t, None, "k")).collect();
        assert_eq!(group_quotations(&items).len(), SHINGLE_CAP + 5);
    }

    #[test]
    fn empty_input() {
        assert!(group_quotations(&[]).is_empty());
    }
}
