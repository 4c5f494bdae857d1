//! Speakers in news of other languages than English, by the two shapes every one of them
//! writes: the verb after the quotation and the speaker after the verb (`«Q», a déclaré
//! Macron`, `„Q“, sagte Merkel`, `«Q», — заявил Лавров`, `«Q», dijo Sánchez`), and the speaker
//! before the verb and a colon before the quotation (`Лавров заявил: «Q»`). The verbs are the
//! article's language's ([`crate::words::is_reporting_verb_in`]); a speaker's name is a run
//! of capitalised words. A name the registry knows (an actor mention overlaps it) is that
//! actor; any other is kept as written.

use crate::words::{is_auxiliary_in, is_reporting_verb_in};
use crate::{Language, Mention, Quote, Speaker};

/// A word of a paragraph: its byte range.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// The most words a name may have (`José Luis Rodríguez Zapatero`).
const MAX_NAME_WORDS: usize = 4;

/// Lower-case words that may stand inside a name (`Ursula von der Leyen`, `Charles de
/// Gaulle`, `Luis de Guindos`).
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "du" | "des" | "la" | "le" | "von" | "van" | "der" | "den" | "zu" | "del" | "y"
    )
}

/// Finds the speakers of the quotations that the English rules left without one (or, in a
/// language they do not read, gave one by a pattern that is not there), by the shapes above.
pub(crate) fn attribute(
    paragraphs: &[&str],
    language: Language,
    mentions: &[Mention],
    quotes: &mut [Quote],
) {
    if matches!(language, Language::English | Language::Other) {
        return;
    }
    for q in quotes.iter_mut() {
        let (Some(first), Some(last)) = (q.spans.first(), q.spans.last()) else {
            continue;
        };
        let found = after(paragraphs[last.paragraph], last.end, language)
            .map(|w| (last.paragraph, w, "foreign-after"))
            .or_else(|| {
                before(paragraphs[first.paragraph], first.start, language)
                    .map(|w| (first.paragraph, w, "foreign-before"))
            });
        if let Some((paragraph, name, rule)) = found {
            let text = &paragraphs[paragraph][name.start..name.end];
            let actor = mentions
                .iter()
                .find(|m| m.paragraph == paragraph && m.start < name.end && name.start < m.end);
            q.speaker = Some(match actor {
                Some(m) => Speaker::Actor { index: m.actor },
                None => Speaker::Named {
                    name: text.to_string(),
                },
            });
            q.rule = Some(rule);
            q.inferred = false;
        }
    }
}

/// The words of `text` (runs of letters and digits, with `-` and apostrophes inside), as
/// byte ranges shifted by `offset`.
fn words(text: &str, offset: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_end = 0;
    for (i, c) in text.char_indices() {
        let inner = matches!(c, '-' | '\'' | '’') && start.is_some();
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
            prev_end = i + c.len_utf8();
        } else if let Some(s) = start.take() {
            out.push(Word {
                start: offset + s,
                end: offset + prev_end,
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: offset + s,
            end: offset + prev_end,
        });
    }
    for w in &mut out {
        // a trailing hyphen or apostrophe is not part of the word
        let t = &text[w.start - offset..w.end - offset];
        w.end -= t.len() - t.trim_end_matches(['-', '\'', '’']).len();
    }
    out
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Only spaces between two byte offsets of `p` (a name does not run across punctuation).
fn spaced(p: &str, from: usize, to: usize) -> bool {
    p[from..to].chars().all(char::is_whitespace)
}

/// `«Q», a déclaré X` / `«Q», — заявил X`: the verb right after the quotation's end (only
/// a comma, dash and spaces between), an auxiliary before it allowed, then the name.
fn after(p: &str, end: usize, language: Language) -> Option<Word> {
    let rest = &p[end..];
    let gap = rest
        .find(|c: char| !(c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-')))
        .unwrap_or(rest.len());
    let ws = words(&rest[gap..], end + gap);
    let mut k = 0;
    let word = |k: usize| ws.get(k).map(|w| p[w.start..w.end].to_lowercase());
    if word(0).is_some_and(|w| is_auxiliary_in(language, &w))
        && word(1).is_some_and(|w| is_reporting_verb_in(language, &w))
    {
        k = 1;
    }
    let verb = word(k)?;
    // the first word right after the gap: `«Q», dijo Sánchez`, never `«Q» y dijo`
    if ws.first()?.start != end + gap || !is_reporting_verb_in(language, &verb) {
        return None;
    }
    if verb.contains('-') {
        return None; // `a-t-il dit`: a pronoun, not a name
    }
    name_from(p, &ws[k + 1..])
}

/// `X заявил: «Q»` / `X a déclaré : «Q»`: a colon before the quotation, the verb before the
/// colon (an auxiliary before it allowed), the name right before that, at a clause start.
fn before(p: &str, start: usize, language: Language) -> Option<Word> {
    let head = p[..start].trim_end();
    let head = head.strip_suffix(':')?.trim_end();
    let ws = words(head, 0);
    subject_verb(p, head, &ws, language).or_else(|| verb_subject(p, head, &ws, language))
}

/// `Am Montag sagte Scholz: „Q“`, `Затем заявил Лавров: «Q»`: the verb, then the name
/// ending at the colon.
fn verb_subject(p: &str, head: &str, ws: &[Word], language: Language) -> Option<Word> {
    let verb_at = ws
        .iter()
        .rposition(|w| is_reporting_verb_in(language, &p[w.start..w.end].to_lowercase()))?;
    let name = name_from(p, &ws[verb_at + 1..])?;
    (name.end == head.len()).then_some(name)
}

/// `Лавров заявил: «Q»`: the name, then the verb ending at the colon.
fn subject_verb(p: &str, head: &str, ws: &[Word], language: Language) -> Option<Word> {
    let n = ws.len();
    let verb = ws.last()?;
    if verb.end != head.len()
        || !is_reporting_verb_in(language, &p[verb.start..verb.end].to_lowercase())
    {
        return None;
    }
    let mut name_end = n - 1;
    if name_end > 0 {
        let w = ws[name_end - 1];
        if is_auxiliary_in(language, &p[w.start..w.end].to_lowercase()) {
            name_end -= 1;
        }
    }
    // the capitalised run right before the verb, joined by spaces only
    let mut name_start = name_end;
    while name_start > 0 && name_end - name_start < MAX_NAME_WORDS {
        let w = ws[name_start - 1];
        let text = &p[w.start..w.end];
        let joined = spaced(p, w.end, ws[name_start].start);
        if !joined || !(starts_upper(text) || (is_particle(text) && name_start < name_end)) {
            break;
        }
        name_start -= 1;
    }
    // a particle does not start a name
    while name_start < name_end && !starts_upper(&p[ws[name_start].start..ws[name_start].end]) {
        name_start += 1;
    }
    if name_start == name_end {
        return None;
    }
    // the name opens its clause: the paragraph start, or punctuation before it
    let opens = name_start == 0 || !spaced(p, ws[name_start - 1].end, ws[name_start].start);
    let last_name_word = ws[name_end - 1];
    (opens && spaced(p, last_name_word.end, ws[name_end].start)).then_some(Word {
        start: ws[name_start].start,
        end: last_name_word.end,
    })
}

/// The capitalised run at the start of `ws` (particles inside), joined by spaces only.
fn name_from(p: &str, ws: &[Word]) -> Option<Word> {
    let first = ws.first()?;
    if !starts_upper(&p[first.start..first.end]) {
        return None;
    }
    let mut last = 0;
    for k in 1..ws.len().min(MAX_NAME_WORDS) {
        let w = ws[k];
        let text = &p[w.start..w.end];
        if !spaced(p, ws[k - 1].end, w.start) {
            break;
        }
        if starts_upper(text) {
            last = k;
        } else if !is_particle(text) {
            break;
        }
    }
    Some(Word {
        start: first.start,
        end: ws[last].end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_after(p: &str, quote_end: &str, language: Language) -> Option<String> {
        let end = p.find(quote_end).unwrap() + quote_end.len();
        after(p, end, language).map(|w| p[w.start..w.end].to_string())
    }

    fn name_before(p: &str, quote_start: &str, language: Language) -> Option<String> {
        let start = p.find(quote_start).unwrap();
        before(p, start, language).map(|w| p[w.start..w.end].to_string())
    }

    #[test]
    fn verb_then_name() {
        use Language::*;
        let cases = [
            (
                "«Nous sommes prêts», a déclaré Emmanuel Macron.",
                French,
                "Emmanuel Macron",
            ),
            (
                "« Nous sommes prêts », dit Charles de Gaulle.",
                French,
                "Charles de Gaulle",
            ),
            (
                "„Wir sind bereit“, sagte Ursula von der Leyen am Montag.",
                German,
                "Ursula von der Leyen",
            ),
            ("„Wir sind bereit“, so Scholz.", German, "Scholz"),
            (
                "«Estamos listos», dijo Pedro Sánchez en Madrid.",
                Spanish,
                "Pedro Sánchez",
            ),
            (
                "«Мы готовы», — заявил Сергей Лавров.",
                Russian,
                "Сергей Лавров",
            ),
        ];
        for (p, language, name) in cases {
            let close = if p.contains('“') { "“" } else { "»" };
            assert_eq!(name_after(p, close, language).as_deref(), Some(name), "{p}");
        }
    }

    #[test]
    fn name_then_verb_and_colon() {
        use Language::*;
        let cases = [
            ("Лавров заявил: «Мы готовы».", Russian, "«", "Лавров"),
            (
                "Emmanuel Macron a déclaré : « Nous sommes prêts ».",
                French,
                "«",
                "Emmanuel Macron",
            ),
            (
                "Olaf Scholz hat gesagt: „Wir sind bereit.“",
                German,
                "„",
                "Olaf Scholz",
            ),
            (
                "Am Montag sagte Scholz: „Wir sind bereit.“",
                German,
                "„",
                "Scholz",
            ),
            (
                "Luis de Guindos ha dicho: «Estamos listos».",
                Spanish,
                "«",
                "Luis de Guindos",
            ),
        ];
        for (p, language, open, name) in cases {
            assert_eq!(name_before(p, open, language).as_deref(), Some(name), "{p}");
        }
    }

    #[test]
    fn no_speaker_without_the_shape() {
        use Language::*;
        // a pronoun, a verb of another language, no verb, a verb not right after the quote
        assert_eq!(name_after("«Prêts», a-t-il dit.", "»", French), None);
        assert_eq!(name_after("«Готовы», said Lavrov.", "»", Russian), None);
        assert_eq!(name_after("«Готовы», Лавров.", "»", Russian), None);
        assert_eq!(
            name_after("«Готовы» и потом заявил Лавров.", "»", Russian),
            None
        );
        assert_eq!(
            name_after("„Bereit“, sagte der Minister.", "“", German),
            None
        );
        assert_eq!(name_before("Он сказал Лаврову «нет».", "«", Russian), None);
        // English is left to the English rules
        let mut quotes = vec![];
        attribute(&["x"], English, &[], &mut quotes);
        assert!(quotes.is_empty());
    }
}
