//! Property tests of the quotation scanner and the analysis around it: for
//! any text, no panic, spans that are real places of the text, outermost
//! quotations that never overlap, and time linear in the length (checked
//! with a generous bound on a long repetition of the generated text).

mod common;

use std::time::{Duration, Instant};

use common::*;
use dossier_extract::{Options, analyse};
use proptest::prelude::*;

/// Pieces that exercise the scanner: every quotation mark it knows, the
/// context around them, names of the seed registry and words of attribution.
const PIECES: &[&str] = &[
    "\"",
    "'",
    "''",
    "``",
    "`",
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
    ",",
    ".",
    ":",
    "—",
    "(",
    ")",
    "said",
    "Lavrov",
    "Kerry said",
    "a senior official",
    "according to",
    "We",
    "are",
    "close",
    "Russia's",
    "é",
    "\u{301}",
    "😀",
    "\u{1}",
    "\u{E010}",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,8}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(paragraph(), 0..6)
}

fn check_spans(paragraphs: &[&str], min_words: usize) {
    let lexicon = seed_lexicon();
    let analysis = analyse(
        paragraphs,
        &lexicon,
        &Options {
            min_words,
            ..Options::default()
        },
    );
    let mut last: Option<(usize, usize)> = None;
    for quote in &analysis.quotes {
        assert!(!quote.spans.is_empty());
        for span in &quote.spans {
            let p = paragraphs[span.paragraph];
            assert!(
                span.start < span.end && span.end <= p.len(),
                "{span:?} in {p:?}"
            );
            assert!(p.is_char_boundary(span.start) && p.is_char_boundary(span.end));
            // Outermost quotations only, in text order: no overlap.
            if let Some(end) = last {
                assert!(
                    (span.paragraph, span.start) >= end,
                    "{span:?} overlaps in {paragraphs:?}"
                );
            }
            last = Some((span.paragraph, span.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_gives_quotations_at_real_places(paragraphs in paragraphs(), min_words in 0usize..6) {
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        check_spans(&refs, min_words);
    }
}

/// The fastest of two runs of `f`.
fn timed(mut f: impl FnMut()) -> Duration {
    (0..2)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .expect("two runs")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    /// Four times the text takes about four times as long: 64 KB of a
    /// generated paragraph, repeated as paragraphs, against 16 KB may take
    /// at most ten times as long (a quadratic step makes it sixteen), unless
    /// both are quick anyway; and never more than a generous bound. One long
    /// paragraph is not linear today: see `one_long_paragraph_takes_linear_time`.
    #[test]
    fn time_is_linear_in_the_text(unit in paragraph().prop_filter("not empty", |p| !p.is_empty())) {
        prop_assert_eq!(linear(&unit, true), Ok(()));
    }
}

/// Whether `unit` repeated to 64 KB takes at most ten times as long as to
/// 16 KB, as paragraphs (`split`) or as one paragraph.
fn linear(unit: &str, split: bool) -> Result<(), String> {
    let lexicon = seed_lexicon();
    let sized = |bytes: usize| -> Vec<String> {
        let n = bytes / unit.len() + 1;
        if split {
            vec![unit.to_string(); n]
        } else {
            vec![unit.repeat(n)]
        }
    };
    let (small, large) = (sized(16 * 1024), sized(64 * 1024));
    let run = |text: &[String]| {
        let refs: Vec<&str> = text.iter().map(String::as_str).collect();
        analyse(&refs, &lexicon, &Options::default());
    };
    let t_small = timed(|| run(&small));
    let t_large = timed(|| run(&large));
    if t_large > Duration::from_secs(30)
        || (t_large > Duration::from_millis(300) && t_large > t_small * 10)
    {
        return Err(format!(
            "16 KB {t_small:?}, 64 KB {t_large:?} for {unit:?} (split {split})"
        ));
    }
    Ok(())
}

/// Found by the property above, not fixed here (issue 14): in one long
/// paragraph with many quotations, `Para::according_to` (analyse/phrases.rs)
/// takes time quadratic in the paragraph, 86% of the run in a profile.
/// Optimised: 16 KB 2 ms, 64 KB 33 ms, 256 KB 462 ms (4,230 quotations);
/// an 8 MiB article would take minutes. Run with `--ignored` once fixed.
#[test]
#[ignore = "quadratic in Para::according_to; see the comment"]
fn one_long_paragraph_takes_linear_time() {
    let unit = "\"\u{301}saidaccording to*»*>ፀ*😀\u{113c2}*\"MoPrWe ,‘,😀`😀—";
    assert_eq!(linear(unit, false), Ok(()));
}
