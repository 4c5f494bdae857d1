//! Subheadings written as quotations: `'A healthy environment.'` on a line of its own.

use crate::Quote;

/// Takes the speaker from a quotation that is a whole paragraph below the first line and
/// set in single marks in an article that marks its quotations with double ones. Headline
/// style sets quotations in single marks; on a line of its own in the body that is a
/// subheading, which labels the section below with words from it rather than reporting
/// anyone's speech there. An article in single marks throughout gives no such hint.
pub(super) fn unsay_subheadings(quotes: &mut [Quote], paragraphs: &[&str]) {
    let opening = |q: &Quote| {
        let span = q.spans.first()?;
        let p = paragraphs.get(span.paragraph)?;
        p.get(span.start..)
    };
    let doubled = quotes.iter().filter_map(opening).any(|o| !opens_single(o));
    if !doubled {
        return;
    }
    for q in quotes.iter_mut() {
        if q.speaker.is_some()
            && opening(q).is_some_and(opens_single)
            && super::repeat::stands_alone(q, paragraphs)
        {
            q.speaker = None;
            q.rule = None;
            q.inferred = false;
        }
    }
}

/// `'Q'` or `‘Q’`, not `''Q''` (two apostrophes stand for a double mark).
fn opens_single(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('\u{2018}') => true,
        Some('\'') => chars.next() != Some('\''),
        _ => false,
    }
}
