//! Tokens and sentences of a paragraph, and the speaker candidates the rules produce.

use super::*;
use unicode_normalization::char::is_combining_mark;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Punct(char),
    /// A whole quotation span in this paragraph (index into the article's quotations).
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokKind,
}

pub(super) struct Para<'a> {
    /// The article's title line.
    pub(super) headline: bool,
    pub(super) idx: usize,
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    /// Sentence number of each token.
    pub(super) sent: Vec<u32>,
    /// Registry actor hits (names, aliases, roles), sorted.
    pub(super) hits: Vec<Hit>,
    /// Capitalised function words and titles the article writes as a surname (`Al From`,
    /// `Pete King`): names here.
    pub(super) surnames: Vec<&'a str>,
    /// `according to X` by sentence, as found (see `Para::according_to_at`).
    pub(super) according: std::cell::RefCell<HashMap<u32, Option<(Cand, usize)>>>,
    /// Each sentence's end as the sentence-end rules read it, and what each rule found
    /// there (see `rules::sentence_end_attribution`).
    pub(super) ends: std::cell::RefCell<HashMap<u32, super::rules::SentenceEnd>>,
    pub(super) end_found:
        std::cell::RefCell<HashMap<(u32, &'static str), Option<super::rules::Found>>>,
}

/// A capitalised preposition or month that some people carry as a name: `Al From`, `Ai Jun`.
fn is_preposition_surname(w: &str) -> bool {
    matches!(
        w,
        "From" | "By" | "With" | "For" | "Of" | "Like" | "Since" | "Under" | "Until" | "Among"
    ) || is_abbreviated_month(w)
}

/// The capitalised prepositions of `paras` written as surnames: after a capitalised given
/// name and before a comma, the end of the sentence or a verb of speech (`said Al From, who
/// founded it`); and the title words written as surnames (see `is_title_surname`).
pub(super) fn preposition_surnames<'a>(paras: &[Para<'a>]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for pa in paras.iter().filter(|pa| !pa.headline) {
        for k in 1..pa.toks.len() {
            let Some(w) = pa.word(k) else { continue };
            // (one pass over every word of the article: the cheap test first)
            if !starts_upper(w) || out.contains(&w) {
                continue;
            }
            if !is_preposition_surname(w) {
                if is_title_surname(pa, k, w) {
                    out.push(w);
                }
                continue;
            }
            let given = pa.word(k - 1).is_some_and(|g| {
                starts_upper(g) && !all_caps(g) && !is_not_name(g) && !is_title(g)
            }) && pa.sent[k - 1] == pa.sent[k]
                && !pa.word(k.wrapping_sub(2)).is_some_and(starts_upper);
            // (before a comma or the sentence's end, or a verb of speech: "Ai Jun wrote")
            let ends = k + 1 == pa.toks.len()
                || pa.is_punct(k + 1, &[',', ';', ')'])
                || (pa.is_punct(k + 1, &['.']) && w.len() > 3)
                || pa
                    .word(k + 1)
                    .is_some_and(|v| reporting_verb(v) == Some(VerbForm::Finite));
            if given && ends {
                out.push(w);
            }
        }
    }
    out
}

/// Whether the title word `w` at token `k` is written as a person's surname: after one or
/// two capitalised given names (`Billie Jean King`, `Pete King`), the name ending there (a
/// comma, the sentence's end or a lower-case word follows, not `of`: `Roe Chief of Staff`).
/// A later `King says` is then that person, not a title standing alone.
fn is_title_surname(pa: &Para, k: usize, w: &str) -> bool {
    if !pa.word(k - 1).is_some_and(starts_upper) || pa.sent[k - 1] != pa.sent[k] {
        return false;
    }
    let ends = k + 1 == pa.toks.len()
        || pa.is_punct(k + 1, &[',', ';', ')', '.'])
        || pa
            .word(k + 1)
            .is_some_and(|v| v.starts_with(char::is_lowercase) && v != "of");
    let given = |k: usize| {
        pa.word(k).is_some_and(|g| {
            starts_upper(g)
                && !all_caps(g)
                && !is_not_name(g)
                && !is_title(g)
                && !is_honorific(g)
                && g.chars().count() > 1
        })
    };
    if !ends || !is_title(w) || is_honorific(w) || !given(k - 1) {
        return false;
    }
    // the given names open the name: nothing capitalised before them
    let first = if k >= 2 && given(k - 2) && pa.sent[k - 2] == pa.sent[k] {
        k - 2
    } else {
        k - 1
    };
    // (not a place's or a body's name: "the White House")
    !first
        .checked_sub(1)
        .and_then(|b| pa.word(b))
        .is_some_and(|b| starts_upper(b) || matches!(b, "the" | "a" | "an"))
}

/// A speaker candidate before resolution against the article state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cand {
    Actor(usize),
    Named(String),
    /// he / she (`female`), at this byte position of its paragraph.
    Pronoun {
        pos: usize,
        female: bool,
    },
    Anon {
        desc: String,
        head: String,
        definite: bool,
    },
    /// `the ministry`, `the council`, `the statement`: an organisation named earlier.
    OrgRef {
        head: String,
        pos: usize,
    },
    /// `it said`: the organisation last reported as speaking, at this byte position.
    OrgPronoun(usize),
    /// `the President`: a registry person named earlier whose name, alias or role has the title.
    TitleRef {
        head: String,
        pos: usize,
    },
}

pub(super) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// `…Ã`, `…Â`: the lead letter of UTF-8 read as Latin-1, also written decomposed (`A` and
/// a combining tilde or circumflex).
fn ends_with_mojibake_lead(before: &str) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        Some('Ã' | 'Â') => true,
        Some('\u{303}' | '\u{302}') => back.next() == Some('A'),
        _ => false,
    }
}

/// `PORT`, `LISLE`, `TASS`: an all-capitals word of two or more letters.
pub(super) fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// `G.K.`, `J.R.`: a person's initials written as one word; not the abbreviations of
/// places and bodies written the same way (`U.S.`, `D.C.`).
pub(super) fn is_joined_initials(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
        && !matches!(
            w,
            "U.S." | "U.N." | "U.K." | "D.C." | "E.U." | "L.A." | "N.Y." | "N.J."
        )
}

pub(super) fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// Words that end a noun phrase read rightwards: a relative pronoun, a
/// preposition or a conjunction starts something else.
pub(super) fn ends_phrase(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "which"
            | "that"
            | "in"
            | "at"
            | "on"
            | "with"
            | "to"
            | "for"
            | "during"
            | "after"
            | "as"
            | "and"
            | "but"
    )
}

pub(super) fn is_stop_word(w: &str) -> bool {
    ends_phrase(w)
        || matches!(
            w,
            "of" | "by"
                | "from"
                | "the"
                | "a"
                | "an"
                | "it"
                | "they"
                | "we"
                | "he"
                | "she"
                | "this"
                | "last"
                | "earlier"
                | "later"
                | "before"
                | "when"
                | "while"
                | "if"
        )
}

pub(super) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

pub(super) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// `Fishermen's`, `Workers'`: a group's possessive, as inside an organisation's name (a
/// person's possessive, `Brecht's`, starts a different noun phrase).
pub(super) fn is_plural_possessive(w: &str) -> bool {
    [
        "men's",
        "men’s",
        "people's",
        "people’s",
        "children's",
        "children’s",
        "s'",
        "s’",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

pub(super) fn actor_of(t: Target) -> usize {
    match t {
        Target::Actor(i) | Target::Role(i) | Target::Topic(i) => i,
    }
}

/// Splits a paragraph into words, punctuation and whole quotation spans.
pub(super) fn tokenize(p: &str, quotes: &[(usize, usize, usize)]) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(p.len() / 5 + 4);
    let mut qi = 0;
    let mut i = 0;
    while i < p.len() {
        if qi < quotes.len() && i >= quotes[qi].0 {
            let (s, e, q) = quotes[qi];
            toks.push(Tok {
                start: s,
                end: e,
                kind: TokKind::Quote(q),
            });
            i = e.max(i);
            qi += 1;
            continue;
        }
        let next_quote = quotes.get(qi).map_or(usize::MAX, |q| q.0);
        let Some(c) = char_at(p, i) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if !c.is_alphanumeric() {
            toks.push(Tok {
                start: i,
                end: i + cl,
                kind: TokKind::Punct(c),
            });
            i += cl;
            continue;
        }
        let start = i;
        let mut j = i + cl;
        let mut seg_start = start;
        while j < next_quote {
            let Some(d) = char_at(p, j) else { break };
            // a combining accent belongs to its letter: `José` written decomposed is one word
            if d.is_alphanumeric() || (!d.is_ascii() && is_combining_mark(d)) {
                j += d.len_utf8();
                continue;
            }
            let after = j + d.len_utf8();
            let next = char_at(p, after);
            match d {
                '-' | '\'' | '’'
                    if next.is_some_and(char::is_alphanumeric) && after < next_quote =>
                {
                    j = after;
                }
                // UTF-8 read as Latin-1 inside a name: `PeÃ±a`, `SarukhÃÂ¡n` (a lead `Ã` or
                // `Â`, then a sign of the Latin-1 block, stays one word)
                '\u{A1}'..='\u{BF}' if ends_with_mojibake_lead(&p[..j]) && after < next_quote => {
                    j = after;
                }
                '.' => {
                    // Mr., Sen., Gov.: a title's period belongs to the title and does not end
                    // the name or the sentence ("\"Q,\" Mr. Smith said")
                    if seg_start == start && is_title_abbreviation(&p[start..j]) {
                        j = after;
                        break;
                    }
                    // U.S., U.N.: single capitals joined by periods.
                    let seg = &p[seg_start..j];
                    let single = seg.chars().count() == 1 && starts_upper(seg);
                    if single
                        && next.is_some_and(char::is_uppercase)
                        && char_at(p, after + next.map_or(0, char::len_utf8)) == Some('.')
                    {
                        j = after;
                        seg_start = j;
                    } else if single && p[start..j].contains('.') {
                        j = after;
                        break;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        toks.push(Tok {
            start,
            end: j,
            kind: TokKind::Word,
        });
        i = j;
    }
    toks
}

/// Abbreviated titles and name suffixes written with a period (`Mr.`, `Sen.`, `Lt.`, `Jr.`):
/// the period is part of the word.
pub(super) fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Messrs"
            | "Dr"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Gov"
            | "Govs"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Cmdr"
            | "Sgt"
            | "Adm"
            | "Maj"
            | "Rev"
            | "Prof"
            | "Hon"
            | "Atty"
            | "Supt"
            | "Pres"
            | "Jr"
            | "Sr"
    )
}

pub(super) const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof", "Jr", "Sr",
    "No", "Mt", "Capt", "Sgt", "Adm", "Maj", "vs", "Vol", "Ft", "Rev", "Hon", "Sens", "Reps",
];

pub(super) fn sentence_ids(p: &str, toks: &[Tok]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(toks.len());
    let mut id = 0u32;
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            let prev = toks[i - 1];
            let cur_text = &p[t.start..t.end];
            let cur_opens = match t.kind {
                TokKind::Quote(_) => true,
                TokKind::Word => cur_text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
                TokKind::Punct(c) => matches!(c, '(' | '['),
            };
            let boundary = match prev.kind {
                TokKind::Punct('.' | '!' | '?' | '…') => {
                    let abbrev = i >= 2
                        && toks[i - 2].kind == TokKind::Word
                        && toks[i - 2].end == prev.start
                        && {
                            let w = &p[toks[i - 2].start..toks[i - 2].end];
                            ABBREVIATIONS.contains(&w)
                                || (w.chars().count() == 1 && starts_upper(w))
                                // "on Sept. 11", "by Feb. 1": a date goes on
                                || (is_abbreviated_month(w)
                                    && cur_text.starts_with(|c: char| c.is_ascii_digit()))
                        };
                    // a decimal point: "$1.6 billion"
                    let decimal = i >= 2
                        && toks[i - 2].end == prev.start
                        && t.start == prev.end
                        && p[..prev.start].ends_with(|c: char| c.is_ascii_digit())
                        && cur_text.starts_with(|c: char| c.is_ascii_digit());
                    cur_opens && !abbrev && !decimal
                }
                TokKind::Quote(_) => {
                    t.kind == TokKind::Word
                        && starts_upper(cur_text)
                        && quote_ends_sentence(&p[prev.start..prev.end])
                }
                _ => false,
            };
            if boundary {
                id += 1;
            }
        }
        ids.push(id);
    }
    ids
}

/// True when the quoted text ends with sentence punctuation just inside its closing mark.
pub(super) fn quote_ends_sentence(span_text: &str) -> bool {
    let inner = span_text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | '`') || c.is_whitespace()
    });
    inner.ends_with(['.', '!', '?', '…'])
}
