//! Never panic, whatever the input: random char soup biased towards quotation marks,
//! apostrophes and punctuation, and truncations of the seeds at every char boundary.

mod common;

use common::*;
use dossier_extract::{
    Occurrence, Options, QuoteKey, QuoteRef, analyse, group_quotations, normalise,
};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const ATOMS: &[&str] = &[
    "\"",
    "'",
    "''",
    "``",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    " ",
    " ",
    " ",
    "\n",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "[",
    "]",
    "—",
    "-",
    "said",
    "he",
    "she",
    "Lavrov",
    "Kerry",
    "the Russian minister",
    "Russia's",
    "Russia’s foreign ministry",
    "a senior official",
    "the official",
    "according to",
    "quoted",
    "as saying",
    "Peter Cook",
    "Cook",
    "told reporters",
    "US Department of Defense",
    "é",
    "ß",
    "😀",
    "\u{301}",
    "İ",
    "ﬁ",
    "a",
    "b",
    "We",
    "are",
    "close",
    "U.S.",
    "Mr.",
    "s",
];

fn soup(rng: &mut Rng, len: usize) -> String {
    let mut s = String::new();
    for _ in 0..len {
        match rng.below(10) {
            0 => s.push(char::from_u32(rng.below(0x3000) as u32).unwrap_or('x')),
            _ => s.push_str(ATOMS[rng.below(ATOMS.len())]),
        }
    }
    s
}

fn check(paragraphs: &[&str], lex: &dossier_extract::Lexicon) {
    for min_words in [0, 1, 4] {
        let a = analyse(
            paragraphs,
            lex,
            &Options {
                min_words,
                ..Options::default()
            },
        );
        for q in &a.quotes {
            assert!(!q.spans.is_empty());
            for s in &q.spans {
                let p = paragraphs[s.paragraph];
                assert!(s.start < s.end && s.end <= p.len(), "span {s:?} in {p:?}");
                assert!(p.is_char_boundary(s.start) && p.is_char_boundary(s.end));
            }
        }
        for m in &a.actors {
            let p = paragraphs[m.paragraph];
            assert!(m.end <= p.len() && p.is_char_boundary(m.start) && p.is_char_boundary(m.end));
        }
        let keys: Vec<QuoteKey> = a.quotes.iter().map(|q| QuoteKey::new(&q.text)).collect();
        let refs: Vec<QuoteRef> = a
            .quotes
            .iter()
            .zip(&keys)
            .enumerate()
            .map(|(i, (q, key))| QuoteRef {
                text: &q.text,
                key,
                speaker: None,
                attribution: dossier_extract::Attribution::Explicit,
                at: Occurrence {
                    time: 0,
                    article: "k",
                    ordinal: i as u32,
                },
            })
            .collect();
        let groups = group_quotations(&refs);
        assert_eq!(
            groups.iter().map(|g| g.members.len()).sum::<usize>(),
            refs.len()
        );
    }
}

#[test]
fn random_soup_never_panics() {
    let lex = seed_lexicon();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..1500 {
        let n = 1 + rng.below(5);
        let paras: Vec<String> = (0..n)
            .map(|_| {
                let len = rng.below(60);
                soup(&mut rng, len)
            })
            .collect();
        let ps: Vec<&str> = paras.iter().map(String::as_str).collect();
        check(&ps, &lex);
        for p in &ps {
            let _ = normalise(p);
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let lex = seed_lexicon();
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        let s = String::from_utf8_lossy(&bytes).into_owned();
        check(&[&s, &s], &lex);
    }
}

#[test]
fn truncated_seeds_never_panic() {
    let lex = seed_lexicon();
    let doc = seed_docs()
        .into_iter()
        .find(|d| d.name.starts_with("003"))
        .expect("seed");
    let text = doc.paragraphs.join("\n");
    for (i, _) in text.char_indices().step_by(7) {
        let cut = &text[..i];
        let ps: Vec<&str> = cut.split('\n').collect();
        check(&ps, &lex);
    }
}

#[test]
fn pathological_nesting_is_linear_enough() {
    let lex = seed_lexicon();
    let deep = "“".repeat(20_000) + &"”".repeat(20_000);
    let marks = "\" ".repeat(20_000);
    let apos = "'a ".repeat(20_000);
    let t = std::time::Instant::now();
    check(&[&deep, &marks, &apos], &lex);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}
