//! One article: tokens, sentences, quotation classification and the speaker sieve.
//!
//! The sieve tries the most precise rule first and stops at the first that finds a speaker:
//!
//! 1. `after`: the attribution right after the quotation, when the quotation ends with a
//!    comma (or ?, !, dash): `"Q," X said`, `"Q," said X`, `"Q," X told reporters`,
//!    `"Q," Tass quoted X as saying`, `"Q," said a statement of ORG`, `"Q," according to X`,
//!    `"Q," X's spokeswoman, Name, told`, `"Q," said one resident, Name`.
//! 2. `before`: the nearest reporting verb before the quotation in its sentence, and its
//!    subject: `X said: "Q"`, `X said that "Q"`, `X said the plan was "Q"`, `X's statement read`;
//!    or a characterising verb right before it: `X called the budget "Q"`.
//! 3. `after-short`: a short attribution after a quotation that ends its sentence: `"Q." X said.`
//! 4. `according-to`: `according to X` anywhere in the quotation's sentence.
//! 5. `before: subject: quote`: a colon right before the quotation gives it to the subject of
//!    the sentence, whatever the verb: `Fane was blunt: "Q"`; also when that sentence ends the
//!    previous paragraph and the quotation opens the next (`She recalls the winter:¶"Q"`).
//! 6. `continuation`: the previous quotation of the same paragraph, or of the previous
//!    paragraph when this one opens with the quotation; or (`continuation: subject`) the
//!    person the text made a subject after that quotation, in the same places: `Castell said
//!    the vote was hard.¶"Q"`, `Voss spoke to the crowd:¶"Q"`, `Askeland shrugs. "Q"`.
//! 7. `sentence-subject` (partials and fragments only): the registry actor, pronoun or known
//!    name that opens the sentence, before its first reporting verb.
//!
//! Subjects may carry appositives (`Okonkwo, 52, told`, `His spokeswoman, Clara Nyberg,
//! said`); a clause between commas (`Brecht, speaking in Port Lisle, said`) or a relative
//! clause (`Halvorsen, who has called …`) is skipped. Candidates resolve through article
//! state: `he`/`she` to the last person (a singular anonymous source included) named as a
//! speaker of a full quotation, as a subject, or introduced in full where a subject or an
//! appositive stands (`Brandt's neighbour, Ingrid Sollie, runs`, `its campaign chief, Leopold
//! Harms.`; not after a verb or preposition, `alongside Pieter Halvorsen`), passing over
//! people an earlier pronoun showed to be of the other gender; `it` and `the company` to the last organisation
//! reported as a subject or speaker; `the official` to the last anonymous source with the
//! same head noun; `the president` / `the minister` to the last person with that title (in
//! the registry or written before a name, the title phrase running over its object: `Deputy
//! Minister of Internal Affairs Major General Rasmus Kiel`); `the ministry` / `the statement` / `a council
//! statement` to the last organisation mentioned (by the last word of its name); and short
//! names (`Cook`) to a full name seen in the article (`Peter Cook`). A name after a
//! preposition of place (`a banner at Ferrin Gap read:`) is not a subject; a proper name after
//! the article is an institution's, all its capitalised words included (`the Maren Estuary
//! Trust`). A quotation in title case (`the study, "Storm Surges and Harbour Defences"`) is a
//! title, a fragment; one right after a quotation that ends its sentence stands alone.
//! An indefinite source described by its employer (`a spokeswoman for the authority`) is
//! anonymous, described in full. `the statement of the ministry`, `according to the union`
//! resolve the organisation noun like `the ministry said`; `the group` prefers an organisation
//! the text introduced with that noun (`the campaign group Clean Air Vessen`) when no other
//! organisation has been a subject or speaker since. A definite title with no earlier holder
//! (a lede's `what the judge called "Q"`) means the first person later named with it.

use std::collections::HashMap;

use crate::lexicon::{Hit, Target};
use crate::scan::{self, RawQuote};
use crate::text::{char_at, count_words_upto};
use crate::words::{
    VerbForm, is_anonymous_head, is_characterising_verb, is_employer_preposition, is_indefinite,
    is_name_particle, is_naming_word, is_not_name, is_organisation_noun, is_person_pronoun,
    is_place_preposition, is_quoting_verb, is_singular_noun, is_skippable_adverb,
    is_statement_noun, is_title, lowered, opens_clause, reporting_verb,
};
use crate::{
    ActorKind, Analysis, Lexicon, Mention, NewSpeaker, Options, Quote, QuoteKind, Span, Speaker,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Punct(char),
    /// A whole quotation span in this paragraph (index into the article's quotations).
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
}

struct Para<'a> {
    idx: usize,
    text: &'a str,
    toks: Vec<Tok>,
    /// Sentence number of each token.
    sent: Vec<u32>,
    /// Registry actor hits (names, aliases, roles), sorted.
    hits: Vec<Hit>,
}

/// A speaker candidate before resolution against the article state.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cand {
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

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// `PORT`, `LISLE`, `TASS`: an all-capitals word of two or more letters.
fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn is_stop_word(w: &str) -> bool {
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
            | "of"
            | "by"
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

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// `Fishermen's`, `Workers'`: a group's possessive, as inside an organisation's name (a
/// person's possessive, `Brecht's`, starts a different noun phrase).
fn is_plural_possessive(w: &str) -> bool {
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

fn actor_of(t: Target) -> usize {
    match t {
        Target::Actor(i) | Target::Role(i) | Target::Topic(i) => i,
    }
}

/// Splits a paragraph into words, punctuation and whole quotation spans.
fn tokenize(p: &str, quotes: &[(usize, usize, usize)]) -> Vec<Tok> {
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
            if d.is_alphanumeric() {
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
                '.' => {
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

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof", "Jr", "Sr",
    "No", "Mt", "Capt", "Sgt", "Adm", "Maj", "vs", "Vol", "Ft", "Rev", "Hon",
];

fn sentence_ids(p: &str, toks: &[Tok]) -> Vec<u32> {
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
                        };
                    cur_opens && !abbrev
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
fn quote_ends_sentence(span_text: &str) -> bool {
    let inner = span_text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | '`') || c.is_whitespace()
    });
    inner.ends_with(['.', '!', '?', '…'])
}

impl<'a> Para<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Word).then(|| &self.text[t.start..t.end])
    }

    fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        matches!(self.toks.get(i), Some(Tok { kind: TokKind::Punct(c), .. }) if chars.contains(c))
    }

    /// The registry hit that ends inside token `i`.
    fn hit_ending_in(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        // hits are sorted and never overlap: their ends are sorted too
        let k = self.hits.partition_point(|h| h.end <= t.start);
        self.hits.get(k).filter(|h| h.end <= t.end).copied()
    }

    /// The registry hit that starts inside token `i`.
    fn hit_starting_in(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let k = self.hits.partition_point(|h| h.start < t.start);
        self.hits.get(k).filter(|h| h.start < t.end).copied()
    }

    /// Index of the token that contains byte `b` (or the next one).
    fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.end <= b)
    }

    /// The pronoun at token `i` as a candidate.
    fn pronoun(&self, i: usize) -> Cand {
        let female = self
            .word(i)
            .is_some_and(|w| matches!(w, "she" | "She" | "her" | "Her"));
        Cand::Pronoun {
            pos: self.toks[i].start,
            female,
        }
    }

    fn slice(&self, from: usize, to: usize) -> String {
        self.text[self.toks[from].start..self.toks[to].end].to_string()
    }

    /// A name running leftwards from token `i` (capitalised words, particles, initials; at most
    /// two capitalised words; stops at titles): `spokesperson Peter Cook` -> `Peter Cook`.
    /// An organisation's name may run to four words, titles and a plural possessive
    /// included: `Tessarian Trawler Federation`, `Sarrow Fishermen's Association`.
    fn name_left(&self, i: usize) -> Option<(String, usize)> {
        let w = self.word(i)?;
        let w0 = strip_possessive(w);
        if !starts_upper(w0) || is_not_name(w0) || is_title(w0) || all_caps(w0) {
            return None;
        }
        // (decided only when a name runs past two words: most do not)
        let mut org: Option<bool> = None;
        let mut is_org = || *org.get_or_insert_with(|| is_organisation_noun(w0));
        let mut j = i;
        let mut caps = 1;
        while j > 0 {
            let k = j - 1;
            if self.hit_ending_in(k).is_some() {
                break;
            }
            // an initial: "John F. Kennedy"
            if self.is_punct(k, &['.']) && k > 0 {
                if let Some(x) = self.word(k - 1)
                    && x.chars().count() == 1
                    && starts_upper(x)
                    && self.toks[k - 1].end == self.toks[k].start
                {
                    j = k - 1;
                    continue;
                }
                break;
            }
            let Some(x) = self.word(k) else { break };
            if is_name_particle(x) {
                j = k;
                continue;
            }
            if (caps < 2 || (caps < 4 && is_org()))
                && starts_upper(x)
                && !all_caps(x)
                && !is_not_name(x)
                && (!is_title(x) || is_org())
                && (!is_possessive(x) || (is_plural_possessive(x) && is_org()))
            {
                caps += 1;
                j = k;
                continue;
            }
            break;
        }
        // a proper name after the article, or after a common noun for an organisation, is an
        // institution's, all its capitalised words with it: "the Maren Estuary Trust", "the
        // campaign group Clean Air Vessen" (people's names take no article)
        if caps == 2 && j >= 2 && self.word(j - 1).is_some_and(starts_upper) {
            let mut k = j - 1;
            while k > 0
                && j - k < 3
                && self.hit_ending_in(k).is_none()
                && self
                    .word(k)
                    .is_some_and(|x| starts_upper(x) && !is_not_name(x) && !is_possessive(x))
            {
                k -= 1;
            }
            if self.word(k).is_some_and(|x| {
                x.eq_ignore_ascii_case("the") || (!starts_upper(x) && is_organisation_noun(x))
            }) && k + 1 < j
            {
                j = k + 1;
            }
        }
        // never start on a particle
        while j < i && self.word(j).is_some_and(is_name_particle) {
            j += 1;
        }
        let s = &self.text[self.toks[j].start..self.toks[i].end];
        Some((strip_possessive(s).to_string(), j))
    }

    /// True when the word before token `first` is a preposition of place: a name there is a
    /// place in a phrase, not a subject ("A sign at Vester Quay said").
    fn after_preposition(&self, first: usize) -> bool {
        first
            .checked_sub(1)
            .and_then(|b| self.word(b))
            .is_some_and(is_place_preposition)
    }

    /// A name running rightwards from token `j`, after any titles.
    fn name_right(&self, j: usize) -> Option<(Cand, usize)> {
        let mut k = j;
        while self.word(k).is_some_and(|w| is_title(w) && starts_upper(w))
            && self.hit_starting_in(k).is_none()
        {
            k += 1;
        }
        if let Some(h) = self.hit_starting_in(k) {
            return Some((
                Cand::Actor(actor_of(h.target)),
                self.tok_at(h.end.saturating_sub(1)),
            ));
        }
        let w = self.word(k)?;
        if !starts_upper(w) || is_not_name(w) {
            return None;
        }
        let mut end = k;
        let mut caps = 1;
        loop {
            let n = end + 1;
            if self.is_punct(n, &['.']) && self.word(end).is_some_and(|x| x.chars().count() == 1) {
                end = n;
                continue;
            }
            let Some(x) = self.word(n) else { break };
            if is_name_particle(x) && self.word(n + 1).is_some_and(starts_upper) {
                end = n;
                continue;
            }
            if caps < 3 && starts_upper(x) && !is_not_name(x) {
                caps += 1;
                end = n;
                if is_possessive(x) {
                    break;
                }
                continue;
            }
            break;
        }
        let s = &self.text[self.toks[k].start..self.toks[end].end];
        Some((Cand::Named(strip_possessive(s).to_string()), end))
    }

    /// An anonymous description ending at its head noun `i`: `a senior State Department official`.
    fn anon_left(&self, i: usize) -> Option<(Cand, usize)> {
        let head = lower(self.word(i)?);
        let mut j = i;
        let mut det: Option<bool> = None; // Some(true) = definite
        for _ in 0..8 {
            if j == 0 {
                break;
            }
            let k = j - 1;
            let Some(w) = self.word(k) else { break };
            if reporting_verb(w).is_some() {
                break;
            }
            let lw = lower(w);
            if matches!(lw.as_str(), "the" | "this" | "that") {
                det = Some(true);
                j = k;
                break;
            }
            if is_indefinite(&lw) {
                det = Some(false);
                j = k;
                break;
            }
            if is_possessive(w) {
                det = Some(false);
                j = k;
                // with its own article: "the company's chief executive"
                if k > 0
                    && self
                        .word(k - 1)
                        .is_some_and(|d| matches!(d, "the" | "The" | "a" | "A"))
                {
                    j = k - 1;
                }
                break;
            }
            if matches!(
                lw.as_str(),
                "and"
                    | "or"
                    | "but"
                    | "said"
                    | "of"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "with"
                    | "who"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
            ) {
                break;
            }
            j = k;
        }
        if det.is_none() {
            // no determiner: keep at most two modifiers ("Kremlin spokesman", "senior officials")
            j = j.max(i.saturating_sub(2));
        }
        let desc = self.slice(j, i);
        Some((
            Cand::Anon {
                desc,
                head,
                definite: det == Some(true),
            },
            j,
        ))
    }

    /// The noun phrase that ends at token `i` as a speaker candidate, and its first token.
    /// `a spokeswoman for the authority`, `an official at Gantry Holdings`: an indefinite
    /// source described by whom it works for is anonymous, its description kept whole.
    fn np_ending_at(&self, i: usize) -> Option<(Cand, usize)> {
        let (c, first) = self.np_core(i)?;
        if first >= 2
            && matches!(c, Cand::Actor(_) | Cand::Named(_) | Cand::OrgRef { .. })
            && self.word(first - 1).is_some_and(is_employer_preposition)
            && self.word(first - 2).is_some_and(is_anonymous_head)
            && let Some((
                Cand::Anon {
                    head,
                    definite: false,
                    ..
                },
                j,
            )) = self.anon_left(first - 2)
            && self.word(j).is_some_and(|d| is_indefinite(&lower(d)))
        {
            let desc = self.slice(j, i);
            return Some((
                Cand::Anon {
                    desc,
                    head,
                    definite: false,
                },
                j,
            ));
        }
        Some((c, first))
    }

    /// `, for Gantry Holdings`, `.. at the ministry` after an anonymous head `last`: the end of
    /// the employer's noun phrase, when there is one.
    fn employer_after(&self, last: usize) -> Option<usize> {
        if !self.word(last + 1).is_some_and(is_employer_preposition) {
            return None;
        }
        let k = last + 2;
        if let Some(h) = self.hit_starting_in(k) {
            return Some(self.tok_at(h.end.saturating_sub(1)));
        }
        let w = self.word(k)?;
        if w == "the"
            && let Some(x) = self.word(k + 1)
            && !starts_upper(x)
            && x.chars().all(char::is_alphabetic)
            && reporting_verb(x).is_none()
        {
            return Some(k + 1);
        }
        let k = if w == "the" { k + 1 } else { k };
        self.name_right(k).map(|(_, e)| e)
    }

    fn np_core(&self, i: usize) -> Option<(Cand, usize)> {
        let w = self.word(i)?;
        if let Some(h) = self.hit_ending_in(i) {
            return Some((Cand::Actor(actor_of(h.target)), self.tok_at(h.start)));
        }
        if is_person_pronoun(w) {
            return Some((self.pronoun(i), i));
        }
        if matches!(w, "it" | "It") {
            return Some((Cand::OrgPronoun(self.toks[i].start), i));
        }
        if is_statement_noun(w) {
            // X's statement, X's written statement
            for k in [i.checked_sub(1), i.checked_sub(2)].into_iter().flatten() {
                let Some(pw) = self.word(k) else { break };
                if is_possessive(pw) {
                    if let Some(h) = self.hit_ending_in(k) {
                        return Some((Cand::Actor(actor_of(h.target)), self.tok_at(h.start)));
                    }
                    return self.name_left(k).map(|(n, j)| (Cand::Named(n), j));
                }
            }
            if i > 0
                && self
                    .word(i - 1)
                    .is_some_and(|d| d.eq_ignore_ascii_case("the"))
            {
                return Some((
                    Cand::OrgRef {
                        head: lower(w),
                        pos: self.toks[i].start,
                    },
                    i - 1,
                ));
            }
            // "a Kremlin statement", "a council statement": the organisation it names
            if let Some(h) = i.checked_sub(1).and_then(|k| self.hit_ending_in(k)) {
                return Some((Cand::Actor(actor_of(h.target)), self.tok_at(h.start)));
            }
            if let Some(m) = self.word(i.wrapping_sub(1))
                && is_organisation_noun(m)
                && !starts_upper(m)
            {
                return Some((
                    Cand::OrgRef {
                        head: lower(m),
                        pos: self.toks[i - 1].start,
                    },
                    i - 1,
                ));
            }
            return None;
        }
        if is_anonymous_head(w) {
            return self.anon_left(i);
        }
        if i > 0
            && self
                .word(i - 1)
                .is_some_and(|d| d.eq_ignore_ascii_case("the"))
            && is_title(w)
        {
            return Some((
                Cand::TitleRef {
                    head: lower(w),
                    pos: self.toks[i].start,
                },
                i - 1,
            ));
        }
        if !starts_upper(w)
            && i > 0
            && self
                .word(i - 1)
                .is_some_and(|d| d.eq_ignore_ascii_case("the"))
            && w.chars().all(char::is_alphabetic)
        {
            return Some((
                Cand::OrgRef {
                    head: lower(w),
                    pos: self.toks[i].start,
                },
                i - 1,
            ));
        }
        if starts_upper(w) {
            return self.name_left(i).map(|(n, j)| (Cand::Named(n), j));
        }
        None
    }

    /// The subject of the reporting verb at token `v`: the noun phrase right before it,
    /// after skipping adverbs (`also`, `on Saturday`).
    fn subject_before(&self, v: usize) -> Option<(Cand, usize)> {
        let mut i = v.checked_sub(1)?;
        let mut skipped = 0;
        while skipped < 4
            && self.word(i).is_some_and(is_skippable_adverb)
            && self.hit_ending_in(i).is_none()
        {
            i = i.checked_sub(1)?;
            skipped += 1;
        }
        if self.sent[i] != self.sent[v] {
            return None;
        }
        if self.is_punct(i, &[',']) {
            return self.appositive_subject(i);
        }
        // a relative clause: "Pieter Halvorsen, who has called the plan …"
        if self.word(i) == Some("who") && i > 0 && self.is_punct(i - 1, &[',']) {
            return self.appositive_subject(i - 1);
        }
        let (c, first) = self.np_ending_at(i)?;
        // a place in a prepositional phrase is not the subject: "A sign at Vester Quay said"
        if matches!(c, Cand::Named(_)) && self.after_preposition(first) {
            return None;
        }
        // "read" only reports a written statement: "X's statement read"
        if self.word(v) == Some("read") && !self.word(i).is_some_and(is_statement_noun) {
            return None;
        }
        Some((c, first))
    }

    /// `Okonkwo, 52, told`, `Strand, the prime minister, said`, `His spokeswoman, Clara Nyberg,
    /// said`, `A council official, who asked not to be named, said`: the comma at `c` closes an
    /// appositive. A name inside it wins; else the noun phrase before it; else the appositive.
    fn appositive_subject(&self, c: usize) -> Option<(Cand, usize)> {
        // (a relative clause may be long: "A senior official, who asked not to be named
        // because she was not authorised to speak to the media, told us")
        let from = c.saturating_sub(24);
        let open = (from..c)
            .rev()
            .find(|&k| self.is_punct(k, &[',']) && self.sent[k] == self.sent[c])
            .filter(|&o| (o + 1..c).all(|k| !matches!(self.toks[k].kind, TokKind::Quote(_))));
        let before_open = || {
            open.and_then(|o| o.checked_sub(1))
                .and_then(|k| self.np_ending_at(k))
        };
        // A clause between the commas describes the subject, it does not name it: a name in
        // it is a place or an employer ("Brecht, speaking in Port Lisle, said", "Ardell, who
        // sits on Kessel Bay District Council, said").
        if open.is_some_and(|o| self.word(o + 1).is_some_and(opens_clause))
            && let Some(found) = before_open()
        {
            return Some(found);
        }
        let inner = c.checked_sub(1).and_then(|k| self.np_ending_at(k));
        if let Some((cand @ (Cand::Named(_) | Cand::Actor(_)), first)) = &inner {
            return Some((cand.clone(), *first));
        }
        before_open().or(inner)
    }

    /// The speaker after the verb at token `v`: `said X`, `said a statement of X`,
    /// `quoted X as saying`, `according to X`.
    fn object_after(&self, v: usize) -> Option<(Cand, usize)> {
        let (c, end) = self.object_np(v)?;
        // a name in apposition names the speaker the noun phrase describes: "said one
        // resident, 81-year-old Ilse Marr", "said the council's chief executive, Mia Lund"
        let possessive_hit =
            matches!(c, Cand::Actor(_)) && self.word(end).is_some_and(is_possessive);
        if matches!(c, Cand::Anon { .. }) || possessive_hit {
            let mut e = end;
            while possessive_hit
                && e < end + 4
                && self.word(e + 1).is_some_and(|x| {
                    x.chars().all(char::is_lowercase)
                        && !is_stop_word(x)
                        && reporting_verb(x).is_none()
                })
            {
                e += 1;
            }
            if let Some(found) = self.appositive_name_after(e) {
                return Some(found);
            }
        }
        Some((c, end))
    }

    /// `, Ilse Marr.` after token `e`: a name set off by a comma that ends the clause.
    fn appositive_name_after(&self, e: usize) -> Option<(Cand, usize)> {
        if !self.is_punct(e + 1, &[',']) {
            return None;
        }
        let mut k = e + 2;
        // an age: "81-year-old Ilse Marr"
        if self
            .word(k)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        {
            k += 1;
        }
        let (c, end) = self.name_right(k)?;
        let closes = end + 1 >= self.toks.len()
            || self.sent[end + 1] != self.sent[end]
            || self.is_punct(end + 1, &['.', ',', ';', ':']);
        closes.then_some((c, end))
    }

    /// The noun phrase right after the verb at token `v` (see [`Para::object_after`]).
    fn object_np(&self, v: usize) -> Option<(Cand, usize)> {
        let j = v + 1;
        let w = self.word(j)?;
        if let Some(h) = self.hit_starting_in(j) {
            // "said an online statement of the Russian Foreign Ministry" starts with a hit only
            // when the hit is the whole phrase.
            return Some((
                Cand::Actor(actor_of(h.target)),
                self.tok_at(h.end.saturating_sub(1)),
            ));
        }
        if is_person_pronoun(w) || matches!(w, "him" | "her") {
            return Some((self.pronoun(j), j));
        }
        let lw = lower(w);
        if is_indefinite(&lw) || lw == "the" {
            let mut last = j;
            let mut k = j + 1;
            while k <= j + 10 {
                let Some(x) = self.word(k) else { break };
                let lx = lower(x);
                if is_statement_noun(x)
                    && matches!(self.word(k + 1), Some("of" | "by" | "from" | "issued"))
                {
                    for m in k + 2..=k + 4 {
                        // "the statement of the ministry": the organisation named before
                        if let Some(found) = self.org_noun_ref(m) {
                            return Some(found);
                        }
                        if let Some(h) = self.hit_starting_in(m) {
                            return Some((
                                Cand::Actor(actor_of(h.target)),
                                self.tok_at(h.end.saturating_sub(1)),
                            ));
                        }
                        if self.word(m).is_some_and(starts_upper) {
                            return self.name_right(m);
                        }
                    }
                    return None;
                }
                if matches!(
                    lx.as_str(),
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
                        | "speaking"
                        | "familiar"
                ) || reporting_verb(x).is_some()
                {
                    break;
                }
                last = k;
                k += 1;
            }
            let head = self.word(last)?;
            if let Some(h) = self.hit_ending_in(last) {
                return Some((Cand::Actor(actor_of(h.target)), last));
            }
            if is_anonymous_head(head) {
                let end = match self.employer_after(last) {
                    Some(e) if lw != "the" => e,
                    _ => last,
                };
                return Some((
                    Cand::Anon {
                        desc: self.slice(j, end),
                        head: lower(head),
                        definite: lw == "the",
                    },
                    end,
                ));
            }
            // "according to the ministry", "said the union": the organisation named before
            if lw == "the"
                && last == j + 1
                && let Some(found) = self.org_noun_ref(j)
            {
                return Some(found);
            }
            if lw == "the" && last == j + 1 && is_title(head) {
                return Some((
                    Cand::TitleRef {
                        head: lower(head),
                        pos: self.toks[last].start,
                    },
                    last,
                ));
            }
            return None;
        }
        if starts_upper(w) {
            return self.name_right(j);
        }
        // said union secretary Rafael Ortiz
        let mut k = j;
        while k < j + 4
            && self.word(k).is_some_and(|x| {
                !starts_upper(x) && !is_stop_word(x) && reporting_verb(x).is_none()
            })
        {
            k += 1;
        }
        if k > j && self.word(k).is_some_and(starts_upper) {
            return self.name_right(k);
        }
        None
    }

    /// `the ministry`, `the union` at token `m`: the article and a lower-case organisation
    /// noun refer to an organisation the text named before.
    fn org_noun_ref(&self, m: usize) -> Option<(Cand, usize)> {
        let x = self.word(m + 1)?;
        (self.word(m) == Some("the") && !starts_upper(x) && is_organisation_noun(x)).then(|| {
            (
                Cand::OrgRef {
                    head: lower(x),
                    pos: self.toks[m + 1].start,
                },
                m + 1,
            )
        })
    }

    /// `according to X` in the sentence of token `q`.
    fn according_to(&self, q: usize) -> Option<Cand> {
        let s = self.sent[q];
        let from = self.sent.partition_point(|&x| x < s);
        let to = self.sent.partition_point(|&x| x <= s);
        for k in from..to.saturating_sub(1) {
            if self
                .word(k)
                .is_some_and(|w| w.eq_ignore_ascii_case("according"))
                && self.word(k + 1) == Some("to")
                && let Some((c, _)) = self.object_after(k + 1)
            {
                return Some(c);
            }
        }
        None
    }

    /// True when the verb at `v` introduces what follows (`said:`, `told reporters: "…"`).
    fn introduces_next(&self, v: usize) -> bool {
        for k in v + 1..(v + 4).min(self.toks.len()) {
            match self.toks[k].kind {
                TokKind::Punct(':') | TokKind::Quote(_) => return true,
                TokKind::Punct(_) => return false,
                TokKind::Word => {}
            }
        }
        false
    }
}

/// Which sieve rule found a candidate.
type Found = (Cand, &'static str);

/// Rules 1 and 3: the attribution right after the quotation token `qt`.
fn after_rule(pa: &Para, qt: usize, comma_style: bool) -> Option<Found> {
    let n = pa.toks.len();
    let mut j = qt + 1;
    while j < n && pa.is_punct(j, &[',', '—', '–', '-']) {
        j += 1;
    }
    let w = pa.word(j)?;
    if w.eq_ignore_ascii_case("according") && pa.word(j + 1) == Some("to") {
        return pa.object_after(j + 1).map(|(c, _)| (c, "according-to"));
    }
    let short_ok = |v: usize, end: usize| -> bool {
        // "Q." X said. / "Q." X said on Friday.
        comma_style || {
            let mut k = end + 1;
            let mut words = 0;
            while k < n && pa.sent[k] == pa.sent[v] && pa.toks[k].kind == TokKind::Word {
                words += 1;
                k += 1;
            }
            words <= 3 && (k >= n || pa.sent[k] != pa.sent[v] || pa.is_punct(k, &['.', ',']))
        }
    };
    if reporting_verb(w) == Some(VerbForm::Finite) {
        let (c, end) = pa.object_after(j)?;
        if pa.introduces_next(end) && !comma_style {
            return None;
        }
        return short_ok(j, end).then_some((
            c,
            if comma_style {
                "after: quote, verb speaker"
            } else {
                "after-short"
            },
        ));
    }
    for v in j + 1..n.min(j + 12) {
        if pa.sent[v] != pa.sent[j] || matches!(pa.toks[v].kind, TokKind::Quote(_)) {
            break;
        }
        let Some(vw) = pa.word(v) else { continue };
        if is_quoting_verb(vw) {
            // "Q," Russia's Tass news agency quoted Lavrov as saying
            if let Some((c, _)) = pa.object_after(v) {
                return Some((c, "after: quoted X as saying"));
            }
            // passive: "Q," the cabinet member was quoted as saying
            return pa
                .subject_before(v)
                .map(|(c, _)| (c, "after: X was quoted as saying"));
        }
        if reporting_verb(vw) == Some(VerbForm::Finite) {
            let (c, first) = pa.subject_before(v)?;
            // the subject starts the attribution, or is named in an appositive right after
            // the words that start it: "Q," Brecht's spokeswoman, Petra Lindahl, told reporters
            let words = |a: usize, b: usize| (a..b).all(|k| pa.toks[k].kind == TokKind::Word);
            let appositive = first > j + 1 && pa.is_punct(first - 1, &[',']) && words(j, first - 1);
            if first < j || !(words(j, first) || appositive) {
                return None;
            }
            if pa.introduces_next(v) && !comma_style {
                return None;
            }
            return short_ok(v, v).then_some((
                c,
                if comma_style {
                    "after: quote, speaker verb"
                } else {
                    "after-short"
                },
            ));
        }
    }
    None
}

/// Rule 2: the nearest reporting verb before the quotation in its sentence.
fn before_rule(pa: &Para, qt: usize) -> Option<Found> {
    let s = pa.sent[qt];
    let mut i = qt;
    // bounded: a very long "sentence" of marks must not make this quadratic
    let stop = qt.saturating_sub(80);
    while i > stop {
        i -= 1;
        if pa.sent[i] != s {
            break;
        }
        let Some(w) = pa.word(i) else { continue };
        if is_quoting_verb(w)
            && let Some((c, _)) = pa.object_after(i)
        {
            return Some((c, "before: quoted X as saying"));
        }
        // X called the budget "Q", X described it as "Q": the words are X's; with `as` the
        // object may be a longer noun phrase ("described some of the huts put up for the
        // pickers as \"Q\"")
        if is_characterising_verb(w)
            && (qt - i <= 8 || (qt - i <= 14 && pa.word(qt - 1) == Some("as")))
            && (i + 1..qt).all(|k| pa.toks[k].kind == TokKind::Word)
            && let Some((c, _)) = pa.subject_before(i)
        {
            return Some((c, "before: speaker called it, quote"));
        }
        match reporting_verb(w) {
            Some(VerbForm::Finite) => {
                if let Some((c, _)) = pa.subject_before(i) {
                    return Some((c, "before: speaker verb, quote"));
                }
                // verb first: said Kerry: "Q"
                if let Some((c, end)) = pa.object_after(i)
                    && (pa.is_punct(end + 1, &[':', ',']) || end + 1 == qt)
                {
                    return Some((c, "before: verb speaker, quote"));
                }
            }
            Some(VerbForm::Participle) | None => {}
        }
    }
    None
}

/// Rule 6: the registry actor or pronoun that opens the quotation's sentence.
fn sentence_subject(pa: &Para, qt: usize, known: &HashMap<String, String>) -> Option<Cand> {
    let s = pa.sent[qt];
    let from = pa.sent.partition_point(|&x| x < s);
    let mut depth = 0i32;
    for k in from..qt.min(from + 16) {
        // nothing inside brackets is a subject: "PORT LISLE (Veldoria Wire) - …"
        if pa.is_punct(k, &['(', '[']) {
            depth += 1;
        } else if pa.is_punct(k, &[')', ']']) {
            depth -= 1;
        }
        if depth > 0 {
            continue;
        }
        if let Some(h) = pa.hit_starting_in(k) {
            return Some(Cand::Actor(actor_of(h.target)));
        }
        let Some(w) = pa.word(k) else { continue };
        if is_person_pronoun(w) {
            return Some(pa.pronoun(k));
        }
        // the subject stands before its verb: in "The club said that Vasko had been
        // relieved", Vasko is not who spoke
        if reporting_verb(w) == Some(VerbForm::Finite) {
            return None;
        }
        // a name seen in full elsewhere in the article: "Ortiz dismissed …"; not a place in
        // a prepositional phrase: "A banner … at Ferrin Gap read: …"
        if starts_upper(w)
            && !pa.word(k + 1).is_some_and(starts_upper)
            && let Some((n, first)) = pa.name_left(k)
            && (n.contains(' ') || known.contains_key(&n))
            && !pa.after_preposition(first)
        {
            return Some(Cand::Named(n));
        }
    }
    None
}

/// `Hand-Seeded Biodegradable Mats for Eelgrass Restoration in a Temperate Estuary`: four or
/// more words, every one longer than three letters capitalised, as in the title of a work or
/// a programme; speech is not written so.
fn is_title_case(text: &str) -> bool {
    let mut long = 0;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.len() > 3 {
            if !starts_upper(w) {
                return false;
            }
            long += 1;
        }
    }
    long >= 4
}

/// Classification by the quotation's opening context (SPEC 4).
fn classify(pa: &Para, qt: usize, text: &str, opts: &Options) -> QuoteKind {
    if count_words_upto(text, opts.min_words.max(1)) < opts.min_words.max(1) {
        return QuoteKind::Fragment;
    }
    // a title or a name, not speech: the inscription "To the builder of the fleet"
    if qt > 0 && pa.word(qt - 1).is_some_and(is_naming_word) {
        return QuoteKind::Fragment;
    }
    // a title in title case, not speech: the study, "Hand-Seeded Mats for Eelgrass Restoration"
    if is_title_case(text) {
        return QuoteKind::Fragment;
    }
    let standalone = qt == 0
        || pa.sent[qt - 1] != pa.sent[qt]
        || pa.is_punct(qt - 1, &[':'])
        // right after a quotation that ends its sentence: "… burned nothing." "He was …"
        || (matches!(pa.toks[qt - 1].kind, TokKind::Quote(_))
            && quote_ends_sentence(&pa.text[pa.toks[qt - 1].start..pa.toks[qt - 1].end]))
        || {
        let upper = starts_upper(text.trim_start_matches(|c: char| !c.is_alphanumeric()));
        let mut k = qt - 1;
        let comma = pa.is_punct(k, &[',']);
        if comma && k > 0 {
            k -= 1;
        }
        if !comma && pa.word(k) == Some("that") && k > 0 {
            k -= 1;
        }
        let verb_at = |k: usize| pa.word(k).is_some_and(|w| reporting_verb(w).is_some());
        // According to him, "Not less than …": a sentence of its own after the source
        let according = |k: usize| {
            pa.word(k)
                .is_some_and(|w| w.eq_ignore_ascii_case("according"))
                && pa.word(k + 1) == Some("to")
        };
        if comma {
            // he said, "Q" / said Kerry, "Q" / Kerry told reporters, "Q"
            (k.saturating_sub(3)..=k).any(verb_at)
                || (upper && (k.saturating_sub(5)..k).any(according))
        } else {
            // said "Q" / said that "Q", when Q opens like a sentence
            upper && verb_at(k)
        }
    };
    if standalone {
        QuoteKind::Quote
    } else {
        QuoteKind::Partial
    }
}

/// A person in the article's salience record (for pronouns).
#[derive(Debug, Clone)]
struct Event {
    pos: (usize, usize),
    speaker: Speaker,
}

/// A description at a (paragraph, byte) position.
type Positioned = ((usize, usize), String);

struct State<'l> {
    lexicon: &'l Lexicon,
    events: Vec<Event>,
    /// People as subjects of the text's sentences (a subset of `events`, which also holds
    /// every person named in full), for a quotation the text gives no other speaker.
    subjects: Vec<Event>,
    quote_events: Vec<Event>,
    /// singular head noun -> indefinite descriptions with it, with their positions
    anons: HashMap<String, Vec<Positioned>>,
    /// registry mentions (paragraph, start, actor), sorted
    mentions: Vec<(usize, usize, usize)>,
    /// short form -> full name
    short: HashMap<String, String>,
    /// (full, short) pairs actually used
    used_short: Vec<(String, String)>,
    /// People a pronoun already referred to, and whether it was `she`.
    genders: Vec<(Speaker, bool)>,
    /// Organisations as subjects of the text and as speakers of quotations (for `it said`,
    /// `the company said`), each sorted by position.
    org_events: Vec<Event>,
    org_quote_events: Vec<Event>,
    /// (position, lower-case title, full name) of names written after a title, in text order.
    titled: Vec<((usize, usize), String, String)>,
    /// (position, common noun, name) of organisations the text introduces with a common noun
    /// (`the campaign group Clean Air Vessen`), in text order: what a later `the group` means.
    org_intros: Vec<((usize, usize), String, String)>,
    /// While a quotation is attributed: the side its editorial gloss puts the people it
    /// talks about on (`them (U.S. counterparts)` -> `US`); the speaker is not of that side.
    other_side: Option<String>,
}

/// `We familiarized them (U.S. counterparts) with …`: an editor's gloss naming who `them`
/// are. Returns its first word without periods (`US`), if it is a proper name.
fn gloss_side(text: &str) -> Option<String> {
    // nearly every quotation has no bracket at all
    if !text.as_bytes().contains(&b'(') {
        return None;
    }
    for pat in ["them (", "they (", "him (", "her ("] {
        let Some(i) = text.find(pat) else { continue };
        if i > 0 && !text[..i].ends_with(' ') {
            continue;
        }
        let inner = &text[i + pat.len()..];
        let word = inner.split([' ', ')']).next()?;
        let side = word.replace('.', "");
        if side.len() >= 2 && side.starts_with(|c: char| c.is_uppercase()) {
            return Some(side);
        }
    }
    None
}

/// Nouns that can mean any organisation: `the company said`, `the group said`.
fn is_generic_org_noun(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "group"
            | "operator"
            | "organisation"
            | "organization"
            | "business"
            | "developer"
            | "club"
            | "body"
            | "statement"
            | "statements"
    )
}

/// The head noun of an anonymous description, before any employer: `a spokesman for
/// Northwind Ferries` -> `spokesman`.
fn anon_head(desc: &str) -> Option<&str> {
    let before = [" for ", " at ", " of ", " from "]
        .iter()
        .filter_map(|p| desc.find(p))
        .min()
        .map_or(desc, |k| &desc[..k]);
    before.rsplit(' ').next()
}

fn singular(h: &str) -> &str {
    if h == "people" {
        return "person";
    }
    h.strip_suffix('s').unwrap_or(h)
}

impl State<'_> {
    fn is_person(&self, s: &Speaker) -> bool {
        match s {
            Speaker::Actor { index } => self
                .lexicon
                .actors()
                .get(*index)
                .is_some_and(|a| a.kind == ActorKind::Person),
            Speaker::Named { name } => {
                name.contains(' ') && !name.rsplit(' ').next().is_some_and(is_organisation_noun)
            }
            // "a senior official" is one person a later "she said" can mean; "officials" is not
            Speaker::Anonymous { description } => {
                anon_head(description).is_some_and(|h| is_anonymous_head(h) && is_singular_noun(h))
            }
        }
    }

    fn is_org(&self, s: &Speaker) -> bool {
        match s {
            Speaker::Actor { index } => self
                .lexicon
                .actors()
                .get(*index)
                .is_some_and(|a| a.kind == ActorKind::Organisation),
            Speaker::Named { name } => name.rsplit(' ').next().is_some_and(is_organisation_noun),
            Speaker::Anonymous { .. } => false,
        }
    }

    /// The last organisation before `pos` reported as a subject or speaker whose name ends with
    /// `head` (`the union` -> `Kessel Bay Stevedores' Union`), or any, for a generic `head`
    /// (`the company`) or none (`it`).
    fn org_event_ref(&self, head: Option<&str>, pos: (usize, usize)) -> Option<Speaker> {
        let fits = |e: &&Event| match head {
            None => true,
            Some(h) if is_generic_org_noun(h) => true,
            Some(h) => match &e.speaker {
                Speaker::Named { name } => name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|l| l.eq_ignore_ascii_case(h)),
                // registry organisations are found by their mentions
                _ => false,
            },
        };
        let last = |v: &[Event]| {
            let k = v.partition_point(|e| e.pos < pos);
            v[..k].iter().rev().take(32).find(fits).cloned()
        };
        match (last(&self.org_events), last(&self.org_quote_events)) {
            (Some(a), Some(b)) => Some(if a.pos > b.pos { a } else { b }.speaker),
            (a, b) => a.or(b).map(|e| e.speaker),
        }
    }

    fn gender(&self, s: &Speaker) -> Option<bool> {
        self.genders.iter().find(|(p, _)| p == s).map(|(_, f)| *f)
    }

    fn expand(&mut self, name: &str) -> String {
        if !name.contains(' ')
            && let Some(full) = self.short.get(name)
        {
            let full = full.clone();
            if !self.used_short.iter().any(|(f, s)| f == &full && s == name) {
                self.used_short.push((full.clone(), name.to_string()));
            }
            return full;
        }
        name.to_string()
    }

    /// The last person before `pos` that `he` (or `she`, when `female`) can mean: the newest
    /// subject or speaker, passing over people an earlier pronoun showed to be of the other
    /// gender ("Varga … he said" … "she answered" is not Varga).
    fn last_person_before(&self, pos: (usize, usize), female: bool) -> Option<Speaker> {
        // both lists are sorted by position: walk them back together, newest first
        let mut a = &self.events[..self.events.partition_point(|e| e.pos < pos)];
        let mut b = &self.quote_events[..self.quote_events.partition_point(|e| e.pos < pos)];
        // bounded: a long article of one gender must not make each pronoun linear
        for _ in 0..12 {
            let e = match (a.split_last(), b.split_last()) {
                (Some((x, ra)), Some((y, _))) if x.pos > y.pos => {
                    a = ra;
                    x
                }
                (_, Some((y, rb))) => {
                    b = rb;
                    y
                }
                (Some((x, ra)), None) => {
                    a = ra;
                    x
                }
                (None, None) => return None,
            };
            if self.gender(&e.speaker) != Some(!female) && !self.on_other_side(&e.speaker) {
                return Some(e.speaker.clone());
            }
        }
        None
    }

    /// True when the registry lists `s` (by name, alias or role) on the side that the current
    /// quotation's bracketed gloss names as the speaker's counterparts.
    fn on_other_side(&self, s: &Speaker) -> bool {
        let (Some(side), Speaker::Actor { index }) = (&self.other_side, s) else {
            return false;
        };
        let def = &self.lexicon.actors()[*index];
        std::iter::once(&def.name)
            .chain(&def.aliases)
            .chain(&def.role)
            .flat_map(|n| n.split(' '))
            .any(|w| w.len() > 1 && w.replace('.', "") == *side)
    }

    fn add_anon(&mut self, head: &str, desc: &str, at: (usize, usize)) {
        self.anons
            .entry(singular(head).to_string())
            .or_default()
            .push((at, desc.to_string()));
    }

    /// `the ministry` -> the last organisation mentioned before `at` whose name or an alias
    /// ends with that noun; `the statement` -> the last organisation mentioned.
    fn org_ref(&self, head: &str, at: (usize, usize)) -> Option<usize> {
        let k = self.mentions.partition_point(|m| (m.0, m.1) < at);
        let statement = is_statement_noun(head);
        self.mentions[..k].iter().rev().map(|m| m.2).find(|&a| {
            let def = &self.lexicon.actors()[a];
            def.kind == ActorKind::Organisation
                && (statement
                    || std::iter::once(&def.name).chain(&def.aliases).any(|n| {
                        n.rsplit(' ')
                            .next()
                            .is_some_and(|l| l.eq_ignore_ascii_case(head))
                    }))
        })
    }

    /// `the group` -> the organisation the text last introduced before `at` as `the campaign
    /// group X`, when no organisation has been a subject or speaker since.
    fn org_intro_ref(&self, head: &str, at: (usize, usize)) -> Option<Speaker> {
        let k = self.org_intros.partition_point(|t| t.0 < at);
        let (p, _, name) = self.org_intros[..k].iter().rev().find(|t| t.1 == head)?;
        let since = |v: &[Event]| v.iter().any(|e| e.pos > *p && e.pos < at);
        (!since(&self.org_events) && !since(&self.org_quote_events))
            .then(|| Speaker::Named { name: name.clone() })
    }

    /// `the president`, `the minister` -> the last person before `at` with that title: a
    /// registry person whose name, an alias or the role has the word (`President Brecht`,
    /// `Finance Minister of Veldoria`), or a name written after it (`Tessarian President Ivo
    /// Dravik`), whichever came last.
    fn title_ref(&self, head: &str, at: (usize, usize)) -> Option<Speaker> {
        let k = self.mentions.partition_point(|m| (m.0, m.1) < at);
        let actors = self.lexicon.actors();
        // each actor checked once: an article names the same few people over and over
        let mut checked: Vec<usize> = Vec::new();
        let registry = self.mentions[..k].iter().rev().take(64).find(|m| {
            let def = &actors[m.2];
            if def.kind != ActorKind::Person || checked.contains(&m.2) {
                return false;
            }
            checked.push(m.2);
            std::iter::once(&def.name)
                .chain(&def.aliases)
                .chain(&def.role)
                .any(|n| n.split(' ').any(|w| w.eq_ignore_ascii_case(head)))
        });
        let k = self.titled.partition_point(|t| t.0 < at);
        let named = self.titled[..k].iter().rev().find(|t| t.1 == head);
        match (registry, named) {
            (Some(m), Some(t)) if t.0 > (m.0, m.1) => Some(Speaker::Named { name: t.2.clone() }),
            (Some(m), _) => Some(Speaker::Actor { index: m.2 }),
            (None, Some(t)) => Some(Speaker::Named { name: t.2.clone() }),
            // a lede's "the judge" before the text names anyone so: the first person it
            // later names with that title ("Judge Miriam Holt said …")
            (None, None) => self.titled[k..]
                .iter()
                .find(|t| t.1 == head)
                .map(|t| Speaker::Named { name: t.2.clone() }),
        }
    }

    /// Resolves a candidate found for a quotation at `at` (paragraph, byte).
    fn resolve(&mut self, c: Cand, at: (usize, usize)) -> Option<Speaker> {
        match c {
            Cand::Actor(i) => Some(Speaker::Actor { index: i }),
            Cand::Named(n) => Some(Speaker::Named {
                name: self.expand(&n),
            }),
            Cand::Pronoun { pos, female } => {
                let sp = self.last_person_before((at.0, pos), female)?;
                if self.gender(&sp).is_none() {
                    self.genders.push((sp.clone(), female));
                }
                Some(sp)
            }
            Cand::OrgRef { head, pos } => self
                .org_intro_ref(&head, (at.0, pos))
                .or_else(|| {
                    self.org_ref(&head, (at.0, pos))
                        .map(|index| Speaker::Actor { index })
                })
                .or_else(|| self.org_event_ref(Some(&head), (at.0, pos))),
            Cand::OrgPronoun(pos) => self.org_event_ref(None, (at.0, pos)).or_else(|| {
                self.org_ref("statement", (at.0, pos))
                    .map(|index| Speaker::Actor { index })
            }),
            Cand::TitleRef { head, pos } => self.title_ref(&head, (at.0, pos)),
            Cand::Anon {
                desc,
                head,
                definite,
            } => {
                if definite {
                    let h = singular(&head);
                    let earlier = self
                        .anons
                        .get(h)
                        .and_then(|v| v.iter().filter(|(p, _)| *p < at).max_by_key(|(p, _)| *p));
                    if let Some((_, d)) = earlier {
                        return Some(Speaker::Anonymous {
                            description: d.clone(),
                        });
                    }
                    // "the minister" after "Finance Minister Amara Okonkwo"
                    if let Some(sp) = self.title_ref(&head, at) {
                        return Some(sp);
                    }
                } else {
                    self.add_anon(&head, &desc, at);
                }
                Some(Speaker::Anonymous { description: desc })
            }
        }
    }
}

/// Analyses one article: actor mentions, topics, quotations with kind and speaker, and
/// speakers the registry does not list. `paragraphs` are plain text.
pub fn analyse(paragraphs: &[&str], lexicon: &Lexicon, opts: &Options) -> Analysis {
    let mut analysis = Analysis::default();
    let mut topic_seen = vec![false; lexicon.topics().len()];
    let mut para_hits: Vec<Vec<Hit>> = Vec::with_capacity(paragraphs.len());
    for (pi, p) in paragraphs.iter().enumerate() {
        let (actors, topics) = lexicon.find(p);
        for h in &topics {
            topic_seen[actor_of(h.target)] = true;
        }
        for h in &actors {
            analysis.actors.push(Mention {
                actor: actor_of(h.target),
                paragraph: pi,
                start: h.start,
                end: h.end,
                by_role: matches!(h.target, Target::Role(_)),
            });
        }
        para_hits.push(actors);
    }
    analysis.topics = topic_seen
        .iter()
        .enumerate()
        .filter_map(|(i, &s)| s.then_some(i))
        .collect();

    let raw: Vec<RawQuote> = scan::scan(paragraphs);
    if raw.is_empty() {
        return analysis;
    }

    // Tokens per paragraph, with each quotation span as one token.
    let mut spans_by_para: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); paragraphs.len()];
    for (qi, q) in raw.iter().enumerate() {
        for s in &q.spans {
            spans_by_para[s.paragraph].push((s.start, s.end, qi));
        }
    }
    let paras: Vec<Para> = paragraphs
        .iter()
        .enumerate()
        .zip(para_hits)
        .zip(&spans_by_para)
        .map(|(((pi, p), hits), qs)| {
            let toks = tokenize(p, qs);
            let sent = sentence_ids(p, &toks);
            Para {
                idx: pi,
                text: p,
                toks,
                sent,
                hits,
            }
        })
        .collect();
    // Token index of each quotation's first and last span.
    let qtok = |span: &Span| -> usize { paras[span.paragraph].tok_at(span.start) };

    let mut state = State {
        lexicon,
        events: Vec::new(),
        subjects: Vec::new(),
        quote_events: Vec::new(),
        anons: HashMap::new(),
        mentions: analysis
            .actors
            .iter()
            .map(|m| (m.paragraph, m.start, m.actor))
            .collect(),
        short: HashMap::new(),
        used_short: Vec::new(),
        genders: Vec::new(),
        org_events: Vec::new(),
        org_quote_events: Vec::new(),
        other_side: None,
        titled: Vec::new(),
        org_intros: Vec::new(),
    };

    // Pre-pass: every reporting verb's subject (full names for short forms; people for
    // pronouns) and each sentence's opening person.
    let mut verb_subjects: Vec<((usize, usize), Cand)> = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    // full names written anywhere (people a pronoun may mean; not subjects of anything)
    let mut mentioned: Vec<((usize, usize), Cand)> = Vec::new();
    for pa in &paras {
        let mut last_sent = u32::MAX;
        for (k, t) in pa.toks.iter().enumerate() {
            if pa.sent[k] != last_sent {
                last_sent = pa.sent[k];
                // the first person-ish token of the sentence
                // (twelve tokens: room for an appositive title, "Her Tessarian counterpart,
                // Deputy Foreign Minister Emil Varga, struck …"), after an introductory
                // phrase ("Asked about Halvorsen, Voss laughed": Halvorsen is not the subject)
                let mut from = k;
                if pa
                    .word(k)
                    .is_some_and(|w| lowered(w, opens_clause) || w == "Asked")
                {
                    let end = (k + 12).min(pa.toks.len());
                    from = (k..end)
                        .find(|&m| pa.is_punct(m, &[',']))
                        .map_or(end, |c| c + 1);
                }
                for m in from..(from + 12).min(pa.toks.len()) {
                    if pa.sent[m] != last_sent {
                        break;
                    }
                    if let Some(h) = pa.hit_starting_in(m) {
                        let i = actor_of(h.target);
                        if lexicon.actors()[i].kind == ActorKind::Person {
                            verb_subjects.push(((pa.idx, h.start), Cand::Actor(i)));
                        }
                        break;
                    }
                    if pa.word(m).is_some_and(is_person_pronoun)
                        || matches!(pa.toks[m].kind, TokKind::Quote(_))
                    {
                        break;
                    }
                    // a full name as the subject: "Opposition leader Pieter Halvorsen was …",
                    // or the short form of one seen before: "Vasko, 46, had been …"
                    if pa.word(m).is_some_and(starts_upper)
                        && (pa.is_punct(m + 1, &[','])
                            || pa
                                .word(m + 1)
                                .is_some_and(|x| !starts_upper(x) && !is_stop_word(x)))
                        && let Some((n, first)) = pa.name_left(m)
                        && (n.contains(' ') || names.contains_key(&n))
                        && !pa.after_preposition(first)
                    {
                        verb_subjects.push(((pa.idx, pa.toks[first].start), Cand::Named(n)));
                        break;
                    }
                }
            }
            if t.kind != TokKind::Word {
                continue;
            }
            let w = &pa.text[t.start..t.end];
            // full names anywhere outside quotations, for short forms
            if starts_upper(w)
                && k > 0
                && pa
                    .word(k - 1)
                    .is_some_and(|x| starts_upper(x) || is_name_particle(x))
                && !pa.word(k + 1).is_some_and(starts_upper)
                && let Some((n, j)) = pa.name_left(k)
                && let Some((_, last)) = n.rsplit_once(' ')
            {
                // its titles, for "the president" later: "Tessarian President Ivo Dravik"; a
                // title phrase runs over the office's object too: "Deputy Minister of Internal
                // Affairs Major General Rasmus Kiel", "the chairman of the Harbor Council Edvin Rask"
                let mut t = j;
                while t > 0 && j - t < 9 {
                    let Some(x) = pa.word(t - 1) else { break };
                    if is_title(x) {
                        let title = lower(x);
                        state
                            .titled
                            .push(((pa.idx, pa.toks[j].start), title, n.clone()));
                    } else if !(starts_upper(x) && !is_not_name(x)
                        || matches!(x, "of" | "the" | "for"))
                    {
                        break;
                    }
                    t -= 1;
                }
                // a person introduced in full (opening a clause, in apposition, after a title:
                // "its campaign chief, Leopold Harms.") is who a later "he" or "she" may mean;
                // not a name after a verb or a preposition ("met Rook", "at Ferrin Gap",
                // "alongside Pieter Halvorsen") nor an institution's after the article ("the
                // Lisle Ledger")
                let before = j.checked_sub(1).and_then(|b| pa.word(b));
                // an organisation introduced with a common noun: "the campaign group Clean Air
                // Vessen" is what a later "the group" means
                if let Some(b) = before
                    && !starts_upper(b)
                    && is_organisation_noun(b)
                {
                    state
                        .org_intros
                        .push(((pa.idx, pa.toks[j].start), lower(b), n.clone()));
                }
                if !before.is_some_and(|b| !starts_upper(b) && !is_title(b))
                    && pa.hit_ending_in(k).is_none()
                {
                    mentioned.push(((pa.idx, pa.toks[j].start), Cand::Named(n.clone())));
                }
                names.entry(last.to_string()).or_insert(n);
            }
            if is_quoting_verb(w) {
                if let Some((c, _)) = pa.object_after(k) {
                    verb_subjects.push(((pa.idx, pa.toks[k].start), c));
                }
                continue;
            }
            if reporting_verb(w) != Some(VerbForm::Finite) {
                continue;
            }
            if let Some((c, first)) = pa.subject_before(k) {
                verb_subjects.push(((pa.idx, pa.toks[first].start), c));
                // "A asked B whether …": B is the one who answers next
                if w == "asked"
                    && let Some((o @ (Cand::Actor(_) | Cand::Named(_)), _)) = pa.object_after(k)
                {
                    verb_subjects.push(((pa.idx, pa.toks[k + 1].start), o));
                }
            } else if k > 0
                && (matches!(pa.toks[k - 1].kind, TokKind::Quote(_)) || pa.is_punct(k - 1, &[',']))
                && let Some((c, _)) = pa.object_after(k)
            {
                verb_subjects.push(((pa.idx, pa.toks[k].start), c));
            }
        }
    }
    for (_, c) in &verb_subjects {
        if let Cand::Named(n) = c
            && let Some((_, last)) = n.rsplit_once(' ')
        {
            state
                .short
                .entry(last.to_string())
                .or_insert_with(|| n.clone());
        }
    }
    // names seen only outside attributions come after those of speakers
    for (last, full) in names {
        state.short.entry(last).or_insert(full);
    }
    verb_subjects.sort_by_key(|(p, _)| *p);
    for (pos, c) in verb_subjects {
        if let Cand::Anon {
            desc,
            head,
            definite: false,
        } = &c
        {
            state.add_anon(head, desc, pos);
        }
        let sp = match c {
            Cand::Actor(i) => Speaker::Actor { index: i },
            Cand::Named(n) => Speaker::Named {
                name: state.expand(&n),
            },
            Cand::Anon {
                desc,
                definite: false,
                ..
            } => Speaker::Anonymous { description: desc },
            _ => continue,
        };
        if state.is_person(&sp) {
            state.subjects.push(Event {
                pos,
                speaker: sp.clone(),
            });
            state.events.push(Event { pos, speaker: sp });
        } else if state.is_org(&sp) {
            state.org_events.push(Event { pos, speaker: sp });
        }
    }
    for (pos, c) in mentioned {
        let Cand::Named(n) = c else { continue };
        let sp = Speaker::Named {
            name: state.expand(&n),
        };
        if state.is_person(&sp) {
            state.events.push(Event { pos, speaker: sp });
        }
    }
    state.events.sort_by_key(|e| e.pos);
    state.used_short.clear();

    // Classification and the sieve, in text order.
    let mut out: Vec<Quote> = Vec::with_capacity(raw.len());
    let mut last_full: Option<usize> = None;
    for (qi, q) in raw.iter().enumerate() {
        let first = q.spans[0];
        let last = *q.spans.last().expect("a quotation has a span");
        let (pf, pl) = (&paras[first.paragraph], &paras[last.paragraph]);
        let (tf, tl) = (qtok(&first), qtok(&last));
        let text = scan::wording(paragraphs, q);
        let kind = classify(pf, tf, &text, opts);
        let ends = quote_ends_sentence(&pl.text[last.start..last.end]);
        let comma_style = !ends || pl.is_punct(tl + 1, &[',']);

        let mut found: Option<(Found, (usize, usize))> = None;
        if comma_style {
            found = after_rule(pl, tl, true).map(|f| (f, (pl.idx, last.start)));
        }
        if found.is_none() {
            found = before_rule(pf, tf).map(|f| (f, (pf.idx, first.start)));
        }
        if found.is_none() && !comma_style {
            found = after_rule(pl, tl, false).map(|f| (f, (pl.idx, last.start)));
        }
        if found.is_none() {
            found = pf
                .according_to(tf)
                .map(|c| ((c, "according-to"), (pf.idx, first.start)));
        }
        if found.is_none() && tf > 0 && pf.is_punct(tf - 1, &[':']) {
            // a colon hands the sentence's subject the floor, whatever the verb: "Fane was
            // blunt: \"Q\"", "Fane disagreed: \"Q\""
            found = sentence_subject(pf, tf, &state.short)
                .map(|c| ((c, "before: subject: quote"), (pf.idx, first.start)));
        }
        // the same when the sentence ends its paragraph and the quotation opens the next:
        // "She recalls the first winter:¶\"Q\""
        if found.is_none()
            && tf == 0
            && let Some(pp) = first.paragraph.checked_sub(1).map(|k| &paras[k])
            && let Some(c) = pp.toks.len().checked_sub(1)
            && pp.is_punct(c, &[':'])
        {
            found = sentence_subject(pp, c, &state.short)
                .map(|s| ((s, "before: subject: quote"), (pp.idx, pp.toks[c].start)));
        }
        let mut speaker = None;
        let mut rule = None;
        if let Some(((c, r), para)) = found {
            if matches!(c, Cand::Pronoun { .. }) {
                state.other_side = gloss_side(&text);
            }
            speaker = state.resolve(c, para);
            state.other_side = None;
            rule = Some(r);
        }
        if speaker.is_none() && kind != QuoteKind::Fragment {
            // continuation: the previous quotation (not a fragment) of this paragraph, or of
            // the previous paragraph when this quotation opens its paragraph
            let prev = last_full.map(|k| &out[k]);
            if let Some(p) = prev {
                let pl_para = p.spans.last().map_or(usize::MAX, |s| s.paragraph);
                let same = pl_para == first.paragraph;
                let opens = tf == 0 && pl_para + 1 == first.paragraph;
                if (same || opens) && p.speaker.is_some() {
                    speaker = p.speaker.clone();
                    rule = Some("continuation");
                }
            }
            // or the person the text last made the subject, when that comes after the previous
            // quotation: in this paragraph ("Askeland shrugs. \"Q\""), or in the previous one
            // when the quotation opens its paragraph ("Castell said the vote was hard.¶\"Q\"")
            let from = if tf == 0 {
                first.paragraph.saturating_sub(1)
            } else {
                first.paragraph
            };
            let after = prev
                .and_then(|p| p.spans.last())
                .map(|s| (s.paragraph, s.end));
            let k = state
                .subjects
                .partition_point(|e| e.pos < (first.paragraph, first.start));
            if let Some(e) = state.subjects[..k].last()
                && e.pos.0 >= from
                && after.is_none_or(|a| e.pos > a)
                && speaker.as_ref() != Some(&e.speaker)
            {
                speaker = Some(e.speaker.clone());
                rule = Some("continuation: subject");
            }
        }
        if speaker.is_none()
            && kind != QuoteKind::Quote
            && let Some(c) = sentence_subject(pf, tf, &state.short)
        {
            speaker = state.resolve(c, (pf.idx, first.start));
            rule = speaker.as_ref().map(|_| "sentence-subject");
        }
        // A full quotation's speaker is who a later "he said" most likely means; a partial's
        // may sit in a side clause ("alongside Halvorsen, who has called her plans \"…\"")
        // and main-clause subjects are already events.
        if let Some(sp) = &speaker
            && kind == QuoteKind::Quote
            && state.is_person(sp)
        {
            state.quote_events.push(Event {
                pos: (first.paragraph, first.start),
                speaker: sp.clone(),
            });
        }
        if let Some(sp) = &speaker
            && state.is_org(sp)
        {
            state.org_quote_events.push(Event {
                pos: (first.paragraph, first.start),
                speaker: sp.clone(),
            });
        }
        let _ = qi;
        if kind != QuoteKind::Fragment {
            last_full = Some(out.len());
        }
        out.push(Quote {
            text,
            kind,
            speaker,
            spans: q.spans.clone(),
            closed: q.closed,
            rule,
        });
    }

    // Speakers the registry lacks, with the short forms used for them.
    let mut new: Vec<NewSpeaker> = Vec::new();
    for q in &out {
        if let Some(Speaker::Named { name }) = &q.speaker
            && !new.iter().any(|n| &n.name == name)
        {
            let short_forms = state
                .used_short
                .iter()
                .filter(|(f, _)| f == name)
                .map(|(_, s)| s.clone())
                .collect();
            new.push(NewSpeaker {
                name: name.clone(),
                short_forms,
            });
        }
    }
    analysis.quotes = out;
    analysis.new_speakers = new;
    analysis
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorDef, TopicDef};

    fn reg() -> Lexicon {
        let p = |id: &str, name: &str, aliases: &[&str], role: Option<&str>| ActorDef {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            role: role.map(str::to_string),
            kind: ActorKind::Person,
        };
        let o = |id: &str, name: &str, aliases: &[&str]| ActorDef {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            role: None,
            kind: ActorKind::Organisation,
        };
        Lexicon::new(
            &[
                p(
                    "okonkwo",
                    "Amara Okonkwo",
                    &["Okonkwo", "the finance minister"],
                    Some("Finance Minister of Veldoria"),
                ),
                p(
                    "brecht",
                    "Tomas Brecht",
                    &["Brecht", "President Brecht"],
                    None,
                ),
                o("council", "Harbor Council", &["the Harbor Council"]),
            ],
            &[TopicDef {
                id: "port".into(),
                title: "Port".into(),
                keywords: vec!["harbour".into()],
            }],
        )
    }

    fn run(ps: &[&str]) -> Vec<Quote> {
        analyse(ps, &reg(), &Options::default()).quotes
    }

    fn actor(i: usize) -> Option<Speaker> {
        Some(Speaker::Actor { index: i })
    }

    #[test]
    fn tokens_and_sentences() {
        let p =
            "Cook told RIA Novosti.Kerry said the U.S. team, Mr. Smith and John F. Kennedy left.";
        let toks = tokenize(p, &[]);
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| &p[t.start..t.end])
            .collect();
        assert!(words.contains(&"U.S."));
        assert!(words.contains(&"Novosti"));
        let sent = sentence_ids(p, &toks);
        assert_eq!(*sent.last().unwrap(), 1, "{sent:?}");
    }

    #[test]
    fn rule_quote_comma_speaker_verb() {
        let q = run(&["\"We will not raise taxes this year,\" Okonkwo said."]);
        assert_eq!(q[0].speaker, actor(0));
        assert_eq!(q[0].kind, QuoteKind::Quote);
    }

    #[test]
    fn rule_quote_comma_verb_speaker() {
        let q = run(&["\"Expect delays on every route,\" warned the Harbor Council."]);
        assert_eq!(q[0].speaker, actor(2));
        let q = run(&["\"The data are clear and alarming,\" said Deputy Governor Nadia Ferreira."]);
        assert_eq!(
            q[0].speaker,
            Some(Speaker::Named {
                name: "Nadia Ferreira".into()
            })
        );
    }

    #[test]
    fn rule_speaker_said_colon_and_that() {
        let q = run(&["Brecht wrote on social media: \"We stand with the families tonight.\""]);
        assert_eq!(q[0].speaker, actor(1));
        assert_eq!(q[0].kind, QuoteKind::Quote);
        let q = run(&["Okonkwo said that \"Veldoria will meet every obligation.\""]);
        assert_eq!(q[0].speaker, actor(0));
        assert_eq!(q[0].kind, QuoteKind::Quote);
    }

    #[test]
    fn rule_told_reporters_and_according_to() {
        let q = run(&["\"We are ready for the storm,\" Okonkwo told reporters on Monday."]);
        assert_eq!(q[0].speaker, actor(0));
        let q = run(&["\"The port will reopen on Friday,\" according to Tomas Brecht."]);
        assert_eq!(q[0].speaker, actor(1));
        let q = run(&["According to Brecht, \"the reforms are irreversible and will go on.\""]);
        assert_eq!(q[0].speaker, actor(1));
        assert_eq!(q[0].kind, QuoteKind::Partial);
    }

    #[test]
    fn rule_quoted_as_saying() {
        let q = run(&[
            "\"There will be no early election,\" the Veldoria Herald quoted Brecht as saying.",
        ]);
        assert_eq!(q[0].speaker, actor(1));
    }

    #[test]
    fn rule_statement_read_and_statement_of() {
        let q = run(&["\"We regret the delay to travellers,\" Okonkwo's statement read."]);
        assert_eq!(q[0].speaker, actor(0));
        let q = run(&[
            "\"Ferries will resume at dawn tomorrow,\" said a statement from the Harbor Council.",
        ]);
        assert_eq!(q[0].speaker, actor(2));
    }

    #[test]
    fn rule_continuation() {
        let q = run(&[
            "\"We will rebuild the bridge,\" Brecht said. \"It will take two years to finish.\"",
        ]);
        assert_eq!(q[1].speaker, actor(1));
        assert_eq!(q[1].rule, Some("continuation"));
        let q = run(&[
            "\"The harbour is safe again,\" Okonkwo told reporters.",
            "\"We thank the crews who worked all night.\"",
        ]);
        assert_eq!(q[1].speaker, actor(0));
        // not across an unrelated paragraph
        let q = run(&[
            "\"The harbour is safe again,\" Okonkwo said.",
            "Markets rose.",
            "\"We thank the crews who worked all night.\"",
        ]);
        assert_eq!(q[1].speaker, None);
    }

    #[test]
    fn rule_pronoun() {
        let q = run(&[
            "Brecht met Okonkwo on Tuesday.",
            "\"The talks were long but useful,\" he said.",
        ]);
        assert_eq!(q[0].speaker, actor(1));
        let q = run(&[
            "\"We are ready,\" Brecht said.",
            "Okonkwo disagreed with the president on Monday.",
            "\"We are not ready at all,\" she said.",
        ]);
        assert_eq!(q[1].speaker, actor(0));
        // no antecedent: no speaker rather than a guess
        let q = run(&["\"We are not ready at all,\" he said."]);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn rule_role_description() {
        let q = run(&["\"We expect growth by spring,\" the finance minister told reporters."]);
        assert_eq!(q[0].speaker, actor(0));
        let q = run(&["The finance minister said: \"We cannot spend money we lack.\""]);
        assert_eq!(q[0].speaker, actor(0));
        let q =
            run(&["\"Growth will return next spring,\" the Finance Minister of Veldoria said."]);
        assert_eq!(q[0].speaker, actor(0));
    }

    #[test]
    fn rule_anonymous() {
        let q = run(&[
            "\"Nobody expected the vote to pass,\" a senior Harbor Council aide said.",
            "\"It was a surprise to everyone here,\" the aide added.",
        ]);
        let anon = Some(Speaker::Anonymous {
            description: "a senior Harbor Council aide".into(),
        });
        assert_eq!(q[0].speaker, anon);
        assert_eq!(q[1].speaker, anon);
        let q = run(&[
            "\"The minister knew about it for weeks,\" one official said, speaking on condition of anonymity.",
        ]);
        assert_eq!(
            q[0].speaker,
            Some(Speaker::Anonymous {
                description: "one official".into()
            })
        );
    }

    #[test]
    fn rule_new_speaker_short_form() {
        let a = analyse(
            &[
                "Port spokesman Ivo Marchetti told local radio that ships were waiting.",
                "\"We need two more days to clear the backlog,\" Marchetti said.",
            ],
            &reg(),
            &Options::default(),
        );
        assert_eq!(
            a.quotes[0].speaker,
            Some(Speaker::Named {
                name: "Ivo Marchetti".into()
            })
        );
        assert_eq!(
            a.new_speakers,
            vec![NewSpeaker {
                name: "Ivo Marchetti".into(),
                short_forms: vec!["Marchetti".into()]
            }]
        );
    }

    fn named(n: &str) -> Option<Speaker> {
        Some(Speaker::Named { name: n.into() })
    }

    #[test]
    fn rule_appositive_name_after_quote() {
        let q = run(&[
            "\"The president supports every line of it,\" President Brecht's spokeswoman, Clara Nyberg, told reporters.",
        ]);
        assert_eq!(q[0].speaker, named("Clara Nyberg"));
    }

    #[test]
    fn rule_parenthetical_clause_is_not_the_subject() {
        let q = run(&[
            "Brecht, speaking in Port Lisle, said he was \"patient, but not infinitely patient\" with the talks.",
        ]);
        assert_eq!(q[0].speaker, actor(1));
        let q = run(&[
            "Councillor Sabine Ardell, who sits on Kessel Bay District Council, said she would ask. \"The pier is public property,\" she said.",
        ]);
        assert_eq!(q[0].speaker, named("Sabine Ardell"));
    }

    #[test]
    fn rule_pronoun_gender() {
        let q = run(&[
            "\"We will open the port this week,\" Okonkwo told reporters.",
            "Ivo Marchetti, the harbour master, agreed. \"The port is ready for ships,\" he said.",
            "\"We expect the first ferry on Monday,\" she added.",
        ]);
        assert_eq!(q[1].speaker, named("Ivo Marchetti"));
        assert_eq!(q[2].speaker, actor(0));
    }

    #[test]
    fn rule_pronoun_anonymous_and_asked() {
        let q = run(&[
            "A senior official, who asked not to be named, told us two people were missing.",
            "\"We are still hoping they went to relatives,\" she said.",
        ]);
        assert_eq!(
            q[0].speaker,
            Some(Speaker::Anonymous {
                description: "A senior official".into()
            })
        );
        let q = run(&[
            "A journalist asked Okonkwo whether taxes would rise. \"Would you raise them in a recession?\" she answered.",
        ]);
        assert_eq!(q[0].speaker, actor(0));
    }

    #[test]
    fn rule_title_and_organisation_references() {
        let q = run(&[
            "President Brecht visited the shipyard.",
            "\"The icebreaker is a symbol of our strength,\" the President said.",
        ]);
        assert_eq!(q[0].speaker, actor(1));
        let q = run(&[
            "The Harbor Council closed the port.",
            "A council statement read: \"Safety comes before every commercial consideration.\"",
        ]);
        assert_eq!(q[0].speaker, actor(2));
    }

    #[test]
    fn rule_organisation_names() {
        let q = run(&[
            "The Tessarian Trawler Federation urged its government to stand firm: \"Our members have fished these waters for centuries.\"",
        ]);
        assert_eq!(q[0].speaker, named("Tessarian Trawler Federation"));
        let q = run(&[
            "The Sarrow Fishermen's Association said in a statement that it \"remains concerned about cable laying on shellfish beds\".",
        ]);
        assert_eq!(q[0].speaker, named("Sarrow Fishermen's Association"));
    }

    #[test]
    fn rule_characterising_verb_and_relative_clause() {
        let q = run(&[
            "\"We will not raise taxes this year,\" Okonkwo replied.",
            "Asked about a coalition with Pieter Halvorsen, who has called her plans \"a fairy tale with a spreadsheet attached,\" Okonkwo laughed.",
            "\"Pieter and I disagree about many things,\" she said.",
        ]);
        assert_eq!(q[1].speaker, named("Pieter Halvorsen"));
        // the partial's speaker in a side clause is not who "she" means
        assert_eq!(q[2].speaker, actor(0));
    }

    #[test]
    fn rule_short_form_subject_is_an_antecedent() {
        let q = run(&[
            "The club sacked manager Teodor Vasko on Sunday.",
            "The club said that Vasko had been relieved \"with immediate effect\" on Sunday.",
            "Vasko, 46, had been in charge for a year. \"I have never walked away from a job,\" he said.",
        ]);
        // the subject stands before its verb: the club's words, not Vasko's
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[1].speaker, named("Teodor Vasko"));
    }

    #[test]
    fn rule_organisation_pronoun_and_generic_noun() {
        let q = run(&[
            "Gantry Holdings rejected the union's demands on Monday. \"The automation plan is essential to our survival,\" the company said in a statement.",
            "\"We will keep talking to the union,\" it said.",
        ]);
        assert_eq!(q[0].speaker, named("Gantry Holdings"));
        assert_eq!(q[1].speaker, named("Gantry Holdings"));
        let q = run(&[
            "The Harbor Council said the quay was safe. \"There is no cause for alarm in the port,\" it said.",
        ]);
        assert_eq!(q[0].speaker, actor(2));
    }

    #[test]
    fn rule_name_in_apposition_after_verb() {
        let q = run(&[
            "\"I was born here and I will die here,\" said one resident, 81-year-old Ilse Marr.",
        ]);
        assert_eq!(q[0].speaker, named("Ilse Marr"));
        let q = run(&[
            "\"We cannot afford another winter like the last,\" said the Harbor Council's chief executive, Mia Lund.",
        ]);
        assert_eq!(q[0].speaker, named("Mia Lund"));
    }

    #[test]
    fn rule_anonymous_with_possessive() {
        let q = run(&[
            "\"Profits will fall by a third this year,\" the company's chief executive said.",
        ]);
        assert_eq!(
            q[0].speaker,
            Some(Speaker::Anonymous {
                description: "the company's chief executive".into()
            })
        );
    }

    #[test]
    fn rule_gloss_names_the_other_side() {
        // the editor's gloss says "them" are Veldorian: "he" is not the Veldorian minister
        let q = run(&[
            "\"We will sign the treaty,\" Brecht said.",
            "Okonkwo outlined the plan.",
            "\"We showed them (Veldoria officials) all our figures,\" he said.",
        ]);
        assert_eq!(q[1].speaker, actor(1));
        assert_eq!(
            gloss_side("told them (U.S. counterparts TASS) that"),
            Some("US".into())
        );
        assert_eq!(gloss_side("told them (sic) that"), None);
    }

    #[test]
    fn rule_title_of_a_name_outside_the_registry() {
        let q = run(&[
            "President Brecht flew to Genevre. He met Tessarian President Ivo Dravik at the palace.",
            "\"We have found common ground on quotas,\" the president said.",
        ]);
        assert_eq!(q[0].speaker, named("Ivo Dravik"));
    }

    fn anon(d: &str) -> Option<Speaker> {
        Some(Speaker::Anonymous {
            description: d.into(),
        })
    }

    #[test]
    fn rule_anonymous_source_for_an_organisation() {
        let q = run(&[
            "Tolvane Rail will close two depots. An official at Tolvane Rail said the decision came late.",
            "\"Nobody asked the drivers what they thought of any of this,\" the official said.",
        ]);
        assert_eq!(q[0].speaker, anon("An official at Tolvane Rail"));
        let q = run(&[
            "The Harbor Council met on Monday. A spokesman for the council told the Ledger: \"The budget is final and the vote will stand.\"",
            "\"We will publish the figures next week,\" said a spokeswoman for the Harbor Council.",
        ]);
        assert_eq!(q[0].speaker, anon("A spokesman for the council"));
        assert_eq!(q[1].speaker, anon("a spokeswoman for the Harbor Council"));
    }

    #[test]
    fn rule_statement_of_and_according_to_an_organisation_noun() {
        let q = run(&[
            "The Harbor Council met late on Tuesday.",
            "\"The dredging contract has been suspended until the audit is complete,\" reads the statement of the council posted on its website.",
            "According to the council, the audit \"will take no more than six weeks.\"",
        ]);
        assert_eq!(q[0].speaker, actor(2));
        assert_eq!(q[1].speaker, actor(2));
    }

    #[test]
    fn rule_colon_ending_the_previous_paragraph() {
        let q = run(&[
            "Marta Ilves kept the lighthouse for thirty years. \"It was never lonely,\" she says.",
            "Her brother, who lives in the city, calls it \"a strange sort of devotion.\"",
            "She remembers the great storm of 1987 best of all:",
            "\"The lamp went out at midnight and I climbed the stairs with a torch in my teeth.",
            "\"By morning the sea had taken the jetty and half the garden.\"",
        ]);
        assert_eq!(q[2].speaker, named("Marta Ilves"));
    }

    #[test]
    fn rule_characterising_verb_with_a_long_object_before_as() {
        let q = run(&[
            "A harbour official, who asked not to be named, described the new timetable drawn up by the operator as \"a work of pure fiction\".",
        ]);
        assert_eq!(q[0].speaker, anon("A harbour official"));
    }

    #[test]
    fn rule_title_in_a_lede_refers_forward() {
        let q = run(&[
            "The prison was closed on Monday over what the governor called \"reckless disregard for the rules of the sea\".",
            "Governor Hanne Skovgaard said the building had failed three inspections.",
        ]);
        assert_eq!(q[0].speaker, named("Hanne Skovgaard"));
        // nobody named so later: no speaker
        let q = run(&["It was what the governor called \"a sorry tale\". The court rose."]);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn rule_organisation_introduced_with_a_common_noun() {
        let q = run(&[
            "The Harbor Council said it would review the plans.",
            "Walkers from the charity group Save Vessen Dunes said the path had been closed for months. \"Nobody told us, and nobody has said when it will reopen,\" the group wrote in a newsletter.",
        ]);
        assert_eq!(q[0].speaker, named("Save Vessen Dunes"));
        // a subject since then is what "the group" means
        let q = run(&[
            "Members of the campaign group Open Shore Vessen marched on Friday.",
            "The Harbor Council said it was listening. \"We will meet anyone who asks,\" the council said.",
        ]);
        assert_eq!(q[0].speaker, actor(2));
    }

    #[test]
    fn rule_colon_after_subject() {
        let q = run(&[
            "Rupert Fane runs the port. \"The strike will go on,\" said Dagny Holt. Fane disagreed: \"The union is holding the region hostage.\"",
        ]);
        assert_eq!(q[1].speaker, named("Rupert Fane"));
        let q = run(&["The plan has three parts: \"A new quay, a new crane and a new ferry.\""]);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn rule_institution_name_after_the_article() {
        let q = run(&[
            "The Grey Fjord Rowing Trust, which trains young crews, called the closure \"a slow death for the sport\".",
        ]);
        assert_eq!(q[0].speaker, named("Grey Fjord Rowing Trust"));
        // a person's name takes no article: two words, as before
        let q = run(&["Dagny Holt called the plan \"a tax on the harbour\"."]);
        assert_eq!(q[0].speaker, named("Dagny Holt"));
    }

    #[test]
    fn rule_person_introduced_in_apposition_is_an_antecedent() {
        // "she" is the person the text introduced last, not the earlier speaker
        let q = run(&[
            "\"We sail at dawn,\" says Arvid Lund, a ferryman.",
            "Lund's sister, Marit Lund-Oy, keeps the books. \"The ledger is empty by March,\" she says.",
        ]);
        assert_eq!(q[1].speaker, named("Marit Lund-Oy"));
        // an apposition at the end of a sentence, then "he told"
        let q = run(&[
            "Reaction came first from the port's harbourmaster, Gustav Eide. \"The cranes stay idle until Friday,\" he told the radio.",
        ]);
        assert_eq!(q[0].speaker, named("Gustav Eide"));
        // a name after a verb or a preposition is not introduced as a subject
        let q = run(&[
            "Brecht spoke to reporters. \"I trust the courts,\" he said.",
            "Later Brecht travelled alongside Jonas Weller, who has criticised him. \"We will see,\" he said.",
        ]);
        assert_eq!(q[1].speaker, actor(1));
    }

    #[test]
    fn rule_title_phrase_before_a_name() {
        let q = run(&[
            "Deputy Director of Coastal Surveys Colonel Signe Aas opened the session.",
            "\"Every wreck will be charted by spring,\" the deputy director added.",
        ]);
        assert_eq!(q[0].speaker, named("Signe Aas"));
        let q = run(&[
            "The spokesman of the Harbor Council Olav Dahl, for his part, welcomed the plan. \"It was overdue,\" he said.",
        ]);
        assert_eq!(q[0].speaker, named("Olav Dahl"));
    }

    #[test]
    fn rule_unattributed_quotation_after_a_subject() {
        // a quotation alone in a paragraph continues the person the previous one made speak
        let q = run(&[
            "Harbourmaster Gustav Eide said the storm had cost the port a week.",
            "\"We lost three moorings and one crane. Nobody was hurt, and that is what counts.\"",
        ]);
        assert_eq!(q[0].speaker, named("Gustav Eide"));
        // a paragraph ending with a colon hands the next one's quotation to its subject
        let q = run(&[
            "Okonkwo has just stepped out of the cabinet room:",
            "\"The budget is agreed. It will be published tomorrow.\"",
        ]);
        assert_eq!(q[0].speaker, actor(0));
        // an action beat in the same paragraph: "Eide shrugs. \"Q\""
        let q = run(&[
            "Gustav Eide runs the harbour. Asked about the strike, Eide shrugs. \"What can I do? The ships are late.\"",
        ]);
        assert_eq!(q[0].speaker, named("Gustav Eide"));
        // no subject: nobody
        let q = run(&["\"Nothing moves tonight. Nothing at all.\""]);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn rule_place_in_a_prepositional_phrase_is_not_the_subject() {
        let q = run(&[
            "A sign nailed to the gate at Vester Quay said: \"No entry for lorries after dark.\"",
        ]);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn classification_titles_and_quotation_after_quotation() {
        let q = run(&[
            "The report, \"Storm Surges and Harbour Defences in Northern Waters,\" is out today.",
        ]);
        assert_eq!(q[0].kind, QuoteKind::Fragment);
        let q = run(&[
            "Her old teacher remembers a girl who \"never sat still.\" \"She was the most restless pupil I ever had,\" he says.",
        ]);
        assert_eq!(q[1].kind, QuoteKind::Quote);
    }

    #[test]
    fn classification_according_to_and_names() {
        let q = run(&[
            "Brecht spoke at the yard. According to him, \"Not less than seventy percent must be built at home.\"",
        ]);
        assert_eq!(q[0].kind, QuoteKind::Quote);
        assert_eq!(q[0].speaker, actor(1));
        let q = run(&[
            "Workers gave him a model with the inscription \"To the builder of the fleet\".",
        ]);
        assert_eq!(q[0].kind, QuoteKind::Fragment);
    }

    #[test]
    fn classification() {
        let q = run(&[
            "Okonkwo said the reforms would \"put the economy back on a sustainable path\" within a year.",
        ]);
        assert_eq!(q[0].kind, QuoteKind::Partial);
        assert_eq!(q[0].speaker, actor(0));
        let q = run(&["The so-called \"peace dividend\" has not arrived."]);
        assert_eq!(q[0].kind, QuoteKind::Fragment);
        let q = run(&["He said, \"We will go home now.\""]);
        assert_eq!(q[0].kind, QuoteKind::Quote);
        let opts = Options { min_words: 2 };
        let a = analyse(
            &["The so-called \"peace dividend\" has not arrived."],
            &reg(),
            &opts,
        );
        assert_eq!(a.quotes[0].kind, QuoteKind::Partial);
    }

    #[test]
    fn topics_and_mentions() {
        let a = analyse(
            &["The HARBOUR closed; Okonkwo and the Finance Minister of Veldoria spoke."],
            &reg(),
            &Options::default(),
        );
        assert_eq!(a.topics, vec![0]);
        assert_eq!(a.actors.len(), 2);
        assert!(a.actors[1].by_role);
        assert_eq!(a.actor_indices(), vec![0]);
    }
}
