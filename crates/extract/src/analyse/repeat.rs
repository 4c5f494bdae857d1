//! Repeated wording within one article: a headline's or lede's copy of a quotation whose
//! speaker the sieve found further on, and a copy whose speaker was only guessed from its
//! context where another copy names its own.

use crate::{CONTEXT_RULES, Quote, QuoteKind, Speaker};

/// Fewest words a repeat must have to take a speaker: shorter stretches (`"fake news"`) are
/// stock phrases more often than echoes of one person's words.
const MIN_REPEAT_WORDS: usize = 3;

/// Gives a quotation with no speaker the speaker of a later quotation of the same article
/// whose wording equals or wholly contains its own (both normalised), so a headline's `'Q'`
/// or a lede's teaser has the speaker the attributed copy has. Only a later copy gives:
/// words echoed after their speaker was named are the writer's mention of them (`what "go
/// after them" means`), and a subheading made of them labels a section. Titles neither
/// take nor give one (a name in marks is nobody's speech). When the copies that could give
/// one disagree, an equal wording outranks a containing one; if those still disagree, the
/// quotation stays without a speaker, since the article does not say which was meant.
pub(super) fn share_speakers(quotes: &mut [Quote], paragraphs: &[&str]) {
    let takers: Vec<usize> = (0..quotes.len())
        .filter(|&i| takes(&quotes[i], paragraphs))
        .collect();
    let Some(&first) = takers.first() else {
        return;
    };
    let givers: Vec<usize> = (first + 1..quotes.len())
        .filter(|&g| quotes[g].speaker.is_some() && quotes[g].kind != QuoteKind::Title)
        .collect();
    if givers.is_empty() {
        return;
    }
    // normalised and padded with spaces, so that containment is of whole words
    let words: Vec<String> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let wanted = takers.contains(&i) || givers.contains(&i);
            if wanted {
                format!(" {} ", crate::normalise(&q.text))
            } else {
                String::new()
            }
        })
        .collect();
    for &i in &takers {
        if words[i].trim().split(' ').count() < MIN_REPEAT_WORDS {
            continue;
        }
        let later = |g: usize| start(&quotes[g]) > start(&quotes[i]);
        let equal: Vec<&Speaker> =
            speakers_of(quotes, &givers, |g| later(g) && words[g] == words[i]);
        let pick = match agreed(&equal) {
            Some(sp) => Some(sp),
            None if equal.is_empty() => {
                let containing = speakers_of(quotes, &givers, |g| {
                    later(g) && words[g].len() > words[i].len() && words[g].contains(&words[i])
                });
                agreed(&containing)
            }
            None => None,
        };
        if let Some(sp) = pick.cloned() {
            quotes[i].speaker = Some(sp);
            quotes[i].rule = Some("repeat");
        }
    }
}

/// Gives a quotation whose speaker was only guessed from its context the speaker of another
/// copy of the same wording in the article (equal once normalised, before or after it) that
/// has an attribution of its own: the article quotes one statement twice (a pull quote, a
/// summary above the story), and the copy that names its speaker outranks the guess. When
/// the attributed copies disagree, the guess stays.
pub(super) fn prefer_attributed_copies(quotes: &mut [Quote]) {
    let guessed =
        |q: &Quote| q.speaker.is_some() && q.rule.is_some_and(|r| CONTEXT_RULES.contains(&r));
    let attributed = |q: &Quote| {
        q.speaker.is_some()
            && q.kind != QuoteKind::Title
            && q.rule
                .is_some_and(|r| !CONTEXT_RULES.contains(&r) && r != "repeat")
    };
    let takers: Vec<usize> = (0..quotes.len()).filter(|&i| guessed(&quotes[i])).collect();
    if takers.is_empty() {
        return;
    }
    // normalised only where a copy could be equal: the wordings differ in marks and case
    // alone, so their lengths are close
    let close = |a: &str, b: &str| a.len().abs_diff(b.len()) <= 8 + a.len() / 8;
    let letters: Vec<Option<Vec<u8>>> = quotes.iter().map(|q| letters_of(&q.text)).collect();
    let mut words: Vec<Option<String>> = vec![None; quotes.len()];
    for i in takers {
        let wanted: Vec<usize> = (0..quotes.len())
            .filter(|&g| {
                g != i
                    && attributed(&quotes[g])
                    && close(&quotes[i].text, &quotes[g].text)
                    && may_be_copies(&letters[i], &letters[g])
            })
            .collect();
        if wanted.is_empty() {
            continue;
        }
        for &k in wanted.iter().chain([&i]) {
            if words[k].is_none() {
                words[k] = Some(crate::normalise(&quotes[k].text));
            }
        }
        let mine = words[i].as_deref().unwrap_or_default();
        if mine.split(' ').count() < MIN_REPEAT_WORDS {
            continue;
        }
        let copies: Vec<&Speaker> = wanted
            .iter()
            .filter(|&&g| words[g].as_deref() == Some(mine))
            .filter_map(|&g| quotes[g].speaker.as_ref())
            .collect();
        if let Some(sp) = agreed(&copies).cloned() {
            // named there if any copy names the speaker where it quotes the words
            let inferred = wanted
                .iter()
                .filter(|&&g| words[g].as_deref() == Some(mine))
                .all(|&g| quotes[g].inferred);
            quotes[i].speaker = Some(sp);
            quotes[i].rule = Some("repeat: attributed copy");
            quotes[i].inferred = inferred;
        }
    }
}

/// A text's letters and digits, lower-cased, in order: what normalising keeps of them, so
/// two texts whose letters differ cannot be equal once normalised, and comparing letters
/// spares normalising (the costly part of comparing copies). That holds as read here for
/// ASCII and for the punctuation newsrooms use beyond it (curly marks, dashes, ellipses,
/// guillemets, no-break spaces), which Unicode normalisation turns into no letter; any other
/// character could become one (`™`, `½`, a ligature): `None`, left for `normalise`.
fn letters_of(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase() as u8);
        } else if !(c.is_ascii()
            || ('\u{2000}'..='\u{206f}').contains(&c)
            || matches!(c, '\u{a0}' | '\u{ab}' | '\u{bb}'))
        {
            return None;
        }
    }
    Some(out)
}

/// False only where two texts cannot be equal once normalised (see [`letters_of`]).
fn may_be_copies(a: &Option<Vec<u8>>, b: &Option<Vec<u8>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// A quotation that could take a speaker from a copy: none yet, no title, no subheading,
/// and enough words as written to be more than a stock phrase.
fn takes(q: &Quote, paragraphs: &[&str]) -> bool {
    q.speaker.is_none()
        && q.kind != QuoteKind::Title
        && q.text
            .split_whitespace()
            .nth(MIN_REPEAT_WORDS - 1)
            .is_some()
        && !stands_alone(q, paragraphs)
}

fn speakers_of<'q>(
    quotes: &'q [Quote],
    givers: &[usize],
    matches: impl Fn(usize) -> bool,
) -> Vec<&'q Speaker> {
    givers
        .iter()
        .filter(|&&g| matches(g))
        .filter_map(|&g| quotes[g].speaker.as_ref())
        .collect()
}

/// The one speaker all of `speakers` name, if there is one.
fn agreed<'q>(speakers: &[&'q Speaker]) -> Option<&'q Speaker> {
    let first = *speakers.first()?;
    speakers.iter().all(|&s| s == first).then_some(first)
}

fn start(q: &Quote) -> (usize, usize) {
    q.spans.first().map_or((0, 0), |s| (s.paragraph, s.start))
}

/// A quotation that is its whole paragraph, less marks and punctuation, below the first line:
/// a subheading, a label for what follows rather than anyone's speech.
pub(super) fn stands_alone(q: &Quote, paragraphs: &[&str]) -> bool {
    let [span] = q.spans.as_slice() else {
        return false;
    };
    if span.paragraph == 0 {
        return false;
    }
    let Some(p) = paragraphs.get(span.paragraph) else {
        return false;
    };
    let outside = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
    outside(&p[..span.start.min(p.len())]) && outside(&p[span.end.min(p.len())..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The letters test never rules out two texts that normalise alike, and rules out
    /// the ones whose letters differ.
    #[test]
    fn letters_rule_out_only_what_normalising_would() {
        let pairs = [
            (
                "“We will win,” she said — again…",
                "we will WIN she said again",
                true,
            ),
            ("It’s «done»", "Its done", true),
            ("We will win", "We will lose", false),
            ("We will win", "We will win too", false),
        ];
        for (a, b, alike) in pairs {
            let (la, lb) = (letters_of(a), letters_of(b));
            assert_eq!(may_be_copies(&la, &lb), alike, "{a:?} / {b:?}");
            if crate::normalise(a) == crate::normalise(b) {
                assert!(may_be_copies(&la, &lb), "{a:?} / {b:?}");
            }
        }
        // Characters that Unicode normalisation may turn into letters are left to it.
        assert_eq!(letters_of("the ﬁrst ™"), None);
        assert!(may_be_copies(
            &letters_of("the ﬁrst"),
            &letters_of("the first")
        ));
        assert_eq!(crate::normalise("the ﬁrst"), crate::normalise("the first"));
    }
}
