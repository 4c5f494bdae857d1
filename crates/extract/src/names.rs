//! Name identity: whether a speaker's name found in the text is a name a reader can use,
//! what kind of actor it names, and when two names mean the same actor.
//!
//! The sieve reads a name off the text around a quotation; on newsroom text that name is
//! sometimes not one: a place (`Florida said`), a sentence opener glued to a surname
//! (`Besides Sexton`), a name cut at its middle initial (`Richard J`), a description
//! (`Utah Republican`). [`clean_speaker`] turns such a name into the one the article
//! supports, or into nothing: no speaker is better than a wrong one. It also tells a person
//! from an organisation (`Fox News`, `FBI`, `State Department`).
//!
//! [`SiteNames`] then joins the variants of one person across a site (`Donald J. Trump`,
//! `Donald Trump`, `Mr. Trump`) unless the site holds two people the short form could mean
//! (two Clintons). Parsing and comparing people's names (given names and nicknames, middle
//! names and initials, surname particles) is the `human_name` crate's; this module adds what
//! it leaves to its caller: telling names from other capitalised words.

use std::collections::{HashMap, HashSet};

use dossier_text::outlets::names_outlet;
use human_name::Name;
use rustc_hash::FxHashSet;

use crate::ActorKind;
use crate::words::{is_name_particle, is_name_suffix, is_organisation_noun, is_statement_noun};

/// A speaker's name as the article supports it, and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanName {
    pub name: String,
    pub kind: ActorKind,
}

/// What one article says about names: the words it writes in lower case (so not names),
/// and its runs of capitalised words (where full names stand), for repairing a name the
/// sieve cut short. Read off the tokens the analysis made (see `analyse`), only for an
/// article with a speaker to check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleNames {
    /// (A fast hash: every lower-case word of the article is looked up here once, while
    /// the analysis reads it.)
    lower: FxHashSet<String>,
    runs: Vec<Run>,
    /// Capitalised words inside headlines (not their first): every word is capitalised
    /// there, but it shows a word standing where no sentence opens.
    in_headlines: FxHashSet<String>,
    /// Organisations' names joined by `of` (`Illinois Board of Elections`): a run ending
    /// with an organisation's noun, `of`, and the capitalised words after it.
    of_names: Vec<Vec<String>>,
    /// The person a title line opens with, before a colon (`Ann Roe: 'Q'`): it completes
    /// a surname the body writes alone, and makes no actor of its own.
    title_names: Vec<Vec<String>>,
}

/// Capitalised words in a row, outside quotation marks and headlines.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    words: Vec<String>,
    /// Its first word opens a sentence (so may be capitalised for that alone).
    opens_sentence: bool,
}

/// A piece of a paragraph as the analysis tokenised it: what [`ArticleNames`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// A word, with its inner hyphens and apostrophes, and the full stop of `Mr.`, `Jr.`
    /// or `U.S.`.
    Word(&'a str),
    Punct(char),
    /// A quoted stretch, marks included: no name stands in it (nor in a book's or show's
    /// title in quotation marks).
    Quote(&'a str),
}

impl ArticleNames {
    /// One paragraph's pieces.
    pub(crate) fn read(&mut self, pieces: &[Piece]) {
        let headline = is_headline(pieces);
        let mut run = Run {
            words: Vec::new(),
            opens_sentence: true,
        };
        let mut sentence_start = true;
        // the word before a full stop: `J.` and `St.` go on with the name
        let mut previous: Option<&str> = None;
        for (k, piece) in pieces.iter().enumerate() {
            let raw = match *piece {
                Piece::Quote(quoted) => {
                    self.end_run(&mut run);
                    sentence_start = ends_with_full_stop(quoted);
                    previous = None;
                    continue;
                }
                Piece::Punct(c) => {
                    let in_name = c == '.' && previous.is_some_and(keeps_full_stop);
                    // an initial keeps its full stop in the run: `John A. Roe`, not the
                    // article of `A Roe fund`
                    if in_name
                        && previous.is_some_and(is_initial)
                        && let Some(last) = run.words.last_mut()
                        && is_initial(last)
                    {
                        last.push('.');
                    }
                    if !in_name {
                        self.end_run(&mut run);
                        sentence_start |= matches!(c, '.' | '!' | '?' | '…');
                    }
                    previous = None;
                    continue;
                }
                Piece::Word(w) => w,
            };
            let (word, possessive) = match strip_possessive(raw) {
                Some(w) => (w, true),
                None => (raw, false),
            };
            let word = word.trim_end_matches('.');
            previous = Some(word);
            if word.is_empty() {
                continue;
            }
            let at_start = std::mem::replace(&mut sentence_start, false);
            if word == "of" && !headline {
                self.read_of_name(&run.words, &pieces[k + 1..]);
            }
            if !starts_upper(word) {
                if word
                    .chars()
                    .all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’'))
                    && !self.lower.contains(word)
                {
                    self.lower.insert(word.to_string());
                }
                // a particle inside a name: `Bill de Blasio`
                let inside = !run.words.is_empty()
                    && is_name_particle(word)
                    && matches!(pieces.get(k + 1), Some(Piece::Word(n)) if starts_upper(n));
                if !inside {
                    self.end_run(&mut run);
                    continue;
                }
            }
            if headline {
                continue;
            }
            if run.words.is_empty() {
                run.opens_sentence = at_start;
            }
            run.words.push(word.to_string());
            if possessive {
                self.end_run(&mut run);
            }
        }
        self.end_run(&mut run);
        if headline {
            let words = pieces.iter().filter_map(|p| match p {
                Piece::Word(w) => Some(w.to_lowercase()),
                _ => None,
            });
            self.in_headlines.extend(words.skip(1));
        }
    }

    /// `Illinois Board` `of` `Elections`: after a run ending with an organisation's noun, the
    /// capitalised words (joined by `and`: `Department of Health and Human Services`) that
    /// `of` brings into its name.
    fn read_of_name(&mut self, run: &[String], after: &[Piece]) {
        if !run
            .last()
            .is_some_and(|w| is_organisation_noun(&w.to_lowercase()))
        {
            return;
        }
        let mut tail: Vec<String> = Vec::new();
        for (i, piece) in after.iter().enumerate() {
            match *piece {
                Piece::Word(w) if starts_upper(w) && strip_possessive(w).is_none() => {
                    tail.push(w.trim_end_matches('.').to_string());
                }
                Piece::Word("and")
                    if !tail.is_empty()
                        && matches!(after.get(i + 1), Some(Piece::Word(n)) if starts_upper(n)) =>
                {
                    tail.push("and".to_string());
                }
                _ => break,
            }
        }
        if tail.is_empty() || tail.len() > 5 {
            return;
        }
        let mut full = run.to_vec();
        if full[0].eq_ignore_ascii_case("the") {
            full.remove(0);
        }
        full.push("of".to_string());
        full.extend(tail);
        if !self.of_names.contains(&full) {
            self.of_names.push(full);
        }
    }

    /// A title line's pieces: only the person it opens with, before a colon (`Ann Roe:
    /// 'Q'`, not `Roe Says 'Q'`: a headline's capitals name no one).
    pub(crate) fn read_title(&mut self, pieces: &[Piece]) {
        let mut words: Vec<String> = Vec::new();
        for piece in pieces {
            match *piece {
                Piece::Word(w) if starts_upper(w) && words.len() < 4 => {
                    words.push(w.trim_end_matches('.').to_string());
                }
                Piece::Punct('.') if words.last().is_some_and(|w| is_initial(w)) => {}
                Piece::Punct(':') => break,
                _ => return,
            }
        }
        let name_words = words.iter().filter(|w| !is_initial(w)).count();
        if name_words >= 2
            && words
                .iter()
                .all(|w| looks_like_name_word(w) || is_initial(w))
            && !is_organisation(&words)
            && !is_non_name_phrase(&words)
            && !words.iter().any(|w| {
                is_title(w) || is_opener(w) || is_non_name(w) || is_non_name_word(&w.to_lowercase())
            })
        {
            self.title_names.push(words);
        }
    }

    /// `Roe` -> `Ann Roe` when the title line opens with that name (`Ann Roe: 'Q'`) and the
    /// body writes no other full name ending so.
    fn completed_by_title(&self, words: &[String]) -> Option<Vec<String>> {
        let found: Vec<Vec<String>> = self
            .title_names
            .iter()
            .filter(|t| {
                t.len() > words.len()
                    && same_words(&t[t.len() - words.len()..], words)
                    && t[..t.len() - words.len()]
                        .iter()
                        .all(|w| is_initial(w) || self.may_open_name(w))
            })
            .cloned()
            .collect();
        one_person(found)
    }

    /// `Illinois Board` -> `Illinois Board of Elections`, as the article writes it; every
    /// such place agreeing.
    fn completed_of(&self, words: &[String]) -> Option<Vec<String>> {
        let mut found: Option<&[String]> = None;
        for full in &self.of_names {
            let of = full.iter().position(|w| w == "of")?;
            if ends_with_words(&full[..of], words).is_some() {
                let tail = &full[of..];
                if found.is_some_and(|f| f != tail) {
                    return None;
                }
                found = Some(tail);
            }
        }
        let mut name = words.to_vec();
        name.extend_from_slice(found?);
        Some(name)
    }

    /// An organisation's name as completely as the article writes it: on the left (`Street
    /// Journal` -> `Wall Street Journal`), then over `of` (`Illinois Board of Elections`).
    fn completed_organisation_name(&self, words: Vec<String>) -> Vec<String> {
        let words = self.completed_organisation(&words).unwrap_or(words);
        self.completed_of(&words).unwrap_or(words)
    }

    /// The article writes `words` in full with an organisation's noun after them (`Echo
    /// Point Books`, `Ardent Gray Media`) and never their last word alone, as a person's
    /// surname would be (`Trump Foundation` beside `Trump`): an organisation's short name.
    fn short_for_organisation(&self, words: &[String]) -> bool {
        let n = words.len();
        let Some(last) = words.last() else {
            return false;
        };
        n >= 2
            && self.runs.iter().any(|run| {
                let w = &run.words;
                (0..w.len().saturating_sub(n)).any(|at| {
                    same_words(&w[at..at + n], words)
                        && (at == 0 || !self.may_open_name(&w[at - 1]))
                        && is_organisation_noun(&w[at + n].to_lowercase())
                })
            })
            && !self
                .runs
                .iter()
                .any(|run| matches!(run.words.as_slice(), [w] if w == last))
    }

    fn end_run(&mut self, run: &mut Run) {
        if !run.words.is_empty() {
            self.runs.push(Run {
                words: std::mem::take(&mut run.words),
                opens_sentence: run.opens_sentence,
            });
        }
    }

    /// The article writes `words` after a capitalised `The` (`The Hill`), as an outlet's name.
    fn writes_with_the(&self, words: &[String]) -> bool {
        self.runs.iter().any(|run| {
            let w = &run.words;
            (1..(w.len() + 1).saturating_sub(words.len()))
                .any(|at| w[at - 1] == "The" && same_words(&w[at..at + words.len()], words))
        })
    }

    /// The article writes this word in lower case somewhere: a common word, not a name.
    fn writes_lower(&self, word: &str) -> bool {
        self.lower.contains(&word.to_lowercase())
    }

    /// Where the article writes `words`, each time at the opening of a sentence, where any
    /// word is capitalised (`Given Sanders`, `Technology`); false if it never writes them.
    fn only_opening_sentences(&self, words: &[String]) -> bool {
        if let [word] = words
            && self.in_headlines.contains(&word.to_lowercase())
        {
            return false;
        }
        let mut seen = false;
        for run in &self.runs {
            for at in 0..run.words.len().saturating_sub(words.len() - 1) {
                if same_words(&run.words[at..at + words.len()], words) {
                    if at > 0 || !run.opens_sentence {
                        return false;
                    }
                    seen = true;
                }
            }
        }
        seen
    }

    /// The full name `words` is the end of wherever the article writes it in full
    /// (`Wasserman Schultz` -> `Debbie Wasserman Schultz`, `Sexton` -> `Buck Sexton`), when
    /// every such place agrees on one person.
    fn completed_left(&self, words: &[String]) -> Option<Vec<String>> {
        self.completed_left_by(words, |w| self.may_open_name(w))
    }

    /// Whether the article writes `word` as the surname of a full name (`Ann Roe` for `Roe`),
    /// not only after a people's name (`American Legion`).
    fn gives_surname(&self, word: &str) -> bool {
        self.runs.iter().any(|run| {
            let w = &run.words;
            w.len() >= 2
                && w[w.len() - 1] == word
                && !DEMONYMS.contains(&w[0].to_lowercase().as_str())
                && self.may_open_name(&w[0])
        })
    }

    /// `Affairs Roe` of `the Office of Public Affairs Roe had opened`: an organisation's last
    /// word glued to a surname the article writes alone or gives someone else (`Ann Roe`), and
    /// that it never writes so but at the end of an organisation's name joined by `of`.
    fn glued_to_of_name(&self, words: &[String]) -> bool {
        let [glued, surname] = words else {
            return false;
        };
        self.of_names
            .iter()
            .any(|full| full.len() > 3 && ends_with_words(full, words).is_some())
            && !self.runs.iter().any(|run| same_words(&run.words, words))
            && self.runs.iter().any(|run| match run.words.as_slice() {
                [alone] => alone == surname,
                [.., given, last] => last == surname && given != glued && self.may_open_name(given),
                [] => false,
            })
    }

    /// The article writes `word` only before a middle initial (`Jock A. Roe`).
    fn cut_before_initial(&self, word: &str) -> bool {
        let mut seen = false;
        for run in &self.runs {
            for (at, w) in run.words.iter().enumerate() {
                if w == word {
                    if !run.words.get(at + 1).is_some_and(|n| is_initial(n)) {
                        return false;
                    }
                    seen = true;
                }
            }
        }
        seen
    }

    /// The capitalised words after an organisation's `of` (`Harbour Affairs` of `Office of
    /// Harbour Affairs`).
    fn is_of_tail(&self, run: &[String]) -> bool {
        self.of_names.iter().any(|full| {
            full.iter()
                .position(|w| w == "of")
                .is_some_and(|of| same_words(&full[of + 1..], run))
        })
    }

    /// `Roes` where the article gives `Roe` as someone's surname (`Ann Roe`): a family, no one.
    fn is_family(&self, words: &[String]) -> bool {
        match words {
            [word] => word
                .strip_suffix('s')
                .is_some_and(|stem| stem.len() > 2 && self.gives_surname(stem)),
            _ => false,
        }
    }

    /// An organisation's name cut on the left, as the article writes it in full: `Street
    /// Journal` -> `Wall Street Journal`, `News` -> `NBC News`; every such place agreeing.
    fn completed_organisation(&self, words: &[String]) -> Option<Vec<String>> {
        self.completed_left_by(words, |w| {
            self.may_open_name(w) || is_acronym(w) || describes_organisation(w)
        })
        .filter(|full| is_organisation(full))
    }

    /// [`ArticleNames::completed_left`] with the words that `may_open` the full name.
    fn completed_left_by(
        &self,
        words: &[String],
        may_open: impl Fn(&str) -> bool,
    ) -> Option<Vec<String>> {
        let mut found: Vec<Vec<String>> = Vec::new();
        for run in &self.runs {
            let run = &run.words;
            let Some(at) = ends_with_words(run, words) else {
                continue;
            };
            // (`of Harbour Affairs Roe`: an organisation's name, a surname glued to it)
            if self.is_of_tail(run) {
                continue;
            }
            let mut from = at;
            while from > 0 && may_open(&run[from - 1]) && at + words.len() - from < 5 {
                from -= 1;
            }
            if from < at {
                found.push(run[from..].to_vec());
            }
        }
        one_person(found)
    }

    /// `Richard J` -> `Richard J. Roe`, `Bob` -> `Bob Samuels` when the article writes that
    /// (and not `Roe Foundation`, `Roe Tower`); every such place must agree on one person.
    fn completed_right(&self, words: &[String]) -> Option<Vec<String>> {
        let mut found: Vec<Vec<String>> = Vec::new();
        for run in &self.runs {
            let run = &run.words;
            for at in 0..run.len() {
                if run.len() > at + words.len()
                    && same_words(&run[at..at + words.len()], words)
                    && (at == 0 || !self.may_open_name(&run[at - 1]))
                {
                    let end = (at + words.len() + 3).min(run.len());
                    let rest = &run[at + words.len()..end];
                    let mut tail: Vec<String> = rest
                        .iter()
                        .take_while(|w| is_initial(w) || self.may_close_name(w))
                        .cloned()
                        .collect();
                    // `Jason C. Ervin`, not `Jason C.`
                    while tail.last().is_some_and(|w| is_initial(w)) {
                        tail.pop();
                    }
                    let mut full = run[at..at + words.len()].to_vec();
                    full.extend(tail);
                    if full.len() > words.len()
                        && !is_organisation(&full)
                        && !is_non_name_phrase(&full)
                    {
                        found.push(full);
                    }
                }
            }
        }
        one_person(found)
    }

    /// A word that may stand before a surname in a person's full name: not a title, an
    /// opener, a place, a common word the article writes in lower case.
    fn may_open_name(&self, word: &str) -> bool {
        (is_initial(word) || looks_like_name_word(word))
            && !is_title(word)
            && !is_opener(word)
            && !is_sentence_adverb(word)
            && !is_non_name(word)
            && !is_descriptive(word)
            && !self.writes_lower(word)
    }

    fn may_close_name(&self, word: &str) -> bool {
        is_name_suffix(word) || self.may_open_name(word) && !is_initial(word)
    }
}

/// A title-case line (a headline) capitalises verbs too: its runs are not names. Its
/// lower-case words are short ones (`of`, `the`, `and`).
/// (The words of its quotations count: `"Q," NEA President Ann Roe said` is no headline.)
fn is_headline(pieces: &[Piece]) -> bool {
    let words = pieces
        .iter()
        .flat_map(|piece| match piece {
            Piece::Word(text) | Piece::Quote(text) => text.split_whitespace(),
            Piece::Punct(_) => "".split_whitespace(),
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let (mut count, mut capitals) = (0, 0);
    for w in words {
        count += 1;
        if starts_upper(w) {
            capitals += 1;
        } else if w.chars().count() > 4 {
            return false;
        }
    }
    count >= 4 && capitals * 10 >= count * 7
}

/// `"Q."`, `"Q.”`: a quotation that ends its sentence (`"Q!" Cruz said` goes on).
fn ends_with_full_stop(quoted: &str) -> bool {
    quoted
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .ends_with('.')
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `Roe's` -> `Roe`.
fn strip_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// A word whose full stop does not end the name or the sentence: an initial (`J.`), a
/// suffix (`Jr.`), an abbreviated title (`St.`).
fn keeps_full_stop(word: &str) -> bool {
    is_initial(word) || is_name_suffix(word) || is_abbreviated_title(word)
}

/// What the text's name for a speaker stands for: the name the article supports, or `None`
/// when it is not a name (a place, a month, a description, a common word).
pub fn clean_speaker(raw: &str, article: &ArticleNames) -> Option<CleanName> {
    let mut words = words_of(raw);
    let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if definite {
        words.remove(0);
    }
    // a show, a book, a party's members (`Democrats`, `GOPers`): no one's name
    if is_work(&words) || is_party_group(raw) {
        return None;
    }
    // `The Hill`, also where the sieve left its `The` off: the outlet, under its own name
    if let Some(outlet) = the_outlet(&words)
        && (definite || article.writes_with_the(&words))
    {
        return Some(CleanName {
            name: outlet,
            kind: ActorKind::Organisation,
        });
    }
    while words.len() > 1 && is_opener(&words[0]) {
        words.remove(0);
    }
    // `Clinton-run State Department`: what describes it comes off
    if let Some(i) = words.iter().rposition(|w| is_descriptive(w))
        && i + 1 < words.len()
    {
        words.drain(..=i);
    }
    if words.is_empty() || is_place(&words.join(" ").to_lowercase()) {
        return None;
    }
    // before titles come off: `State Department`, `House Committee`; (`News` alone may
    // be `NBC News`, as the article writes it)
    // `Filipino Clinton staffers`: a people before a person's surname describes followers
    if let [people, surname] = words.as_slice()
        && DEMONYMS.contains(&people.to_lowercase().as_str())
        && article.gives_surname(surname)
    {
        return None;
    }
    if is_organisation(&words) && !is_bare_noun(&words) {
        return Some(CleanName {
            name: article.completed_organisation_name(words).join(" "),
            kind: ActorKind::Organisation,
        });
    }
    let honorific = words.first().is_some_and(|w| is_honorific(w));
    let described = strip_descriptions(&mut words);
    if definite && !described && !is_non_name_phrase(&words) {
        return Some(CleanName {
            name: words.join(" "),
            kind: ActorKind::Organisation,
        });
    }
    person(words, article, honorific, described)
}

/// `Hill` -> `The Hill`: an outlet known only with its `The`, the rest too common a word to
/// be the outlet alone (`Anita Hill`).
fn the_outlet(words: &[String]) -> Option<String> {
    let rest = words.join(" ");
    let name = format!("The {rest}");
    (!words.is_empty() && !names_outlet(&rest) && names_outlet(&name)).then_some(name)
}

/// `Celebrating`, `Interestingly`: no given name ends so, written in lower case.
fn is_participle_or_adverb(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() > 5 && (w.ends_with("ing") || w.ends_with("ly"))
}

/// `Interestingly`, `Reportedly`: an adverb whatever the article writes (not `Beverly`).
fn is_sentence_adverb(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() > 7
        && ["ingly", "ally", "edly", "ously", "ively", "ately"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// A show, a book, a document: a title, not an actor (`Morning Joe`, `The Kelly File`).
fn is_work(words: &[String]) -> bool {
    let whole = words.join(" ").to_lowercase();
    WORKS.contains(&whole.as_str()) || ROLE_ABBREVIATIONS.contains(&whole.as_str())
}

/// Whether the text's name for a speaker is what it cites rather than who: a show, a book, a
/// document, a role's abbreviation (`Clinton Cash`, `VP`). The quotation keeps it as written,
/// as it would a description; no actor stands for it.
pub fn is_cited_work(raw: &str) -> bool {
    let mut words = words_of(raw);
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    is_work(&words)
}

/// Whether the text's name for a speaker is a party's members (`Democrats`, `Senate
/// Republicans`, `The Whigs`): a group, no actor, but what the text says spoke.
pub fn is_party_group(raw: &str) -> bool {
    words_of(raw).last().is_some_and(|w| {
        let w = w.to_lowercase();
        w.ends_with('s') && is_party(&w)
    })
}

/// Whether the text's name for a speaker is a family the article names a member of (`the
/// Okafors`, with `Ann Okafor`): a group, no actor, but what the text says spoke.
pub fn is_family(raw: &str, article: &ArticleNames) -> bool {
    let mut words = words_of(raw);
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    article.is_family(&words)
}

/// An organisation's noun alone (`News`, `Club`, `Committee`) or a statement's (`Message`):
/// whose, the text does not say.
fn is_bare_noun(words: &[String]) -> bool {
    match words {
        [word] => {
            let w = word.to_lowercase();
            (is_organisation_noun(&w) || is_weak_organisation_noun(&w) || is_statement_noun(&w))
                && !KNOWN_ORGANISATIONS.contains(&w.as_str())
        }
        _ => false,
    }
}

/// A name's words, without surrounding punctuation or a possessive: `Roe's,` -> `Roe`.
fn words_of(raw: &str) -> Vec<String> {
    raw.split_whitespace()
        // `Facebook/Ann Roe`: the name after the slash
        .map(|w| w.rsplit('/').next().unwrap_or(w))
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Takes off what describes the person before their name: titles and offices (`Texas Sen.`,
/// `Senate Minority Leader`, `Actress`, `Clinton Senior Adviser`), places and openers
/// (`Florida`, `Besides`), weekdays, descriptions (`Texas-based`). True if it took any.
fn strip_descriptions(words: &mut Vec<String>) -> bool {
    let before = words.len();
    // the last title with a name after it: everything up to it describes
    let name_after = |i: usize, words: &[String]| {
        words[i + 1..]
            .iter()
            .any(|w| looks_like_name_word(w) && !is_name_suffix(w))
    };
    if let Some(i) = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&i| (is_title(&words[i]) || is_descriptive(&words[i])) && name_after(i, words))
    {
        words.drain(..=i);
    }
    while words.len() > 1
        && (is_title(&words[0])
            || is_opener(&words[0])
            || is_weekday(&words[0])
            || is_descriptive(&words[0])
            || (words.len() > 2 && is_non_name(&words[0])))
    {
        words.remove(0);
    }
    words.len() < before
}

/// The person `words` names, as completely as the article writes it.
fn person(
    mut words: Vec<String>,
    article: &ArticleNames,
    honorific: bool,
    described: bool,
) -> Option<CleanName> {
    // `Affairs Roe`: the end of `Office of Public Affairs`, and Ann Roe
    if article.glued_to_of_name(&words) {
        words.remove(0);
    }
    let last = words.len().checked_sub(1)?;
    if is_non_name_phrase(&words)
        || words[..last].iter().any(|w| is_opener(w))
        || words
            .iter()
            .any(|w| is_descriptive(w) || is_non_name_word(&w.to_lowercase()))
        || (last == 0 && (is_title(&words[0]) || is_party(&words[0].to_lowercase())))
        || (last > 0 && is_office(&words[last]))
    {
        return None;
    }
    if article.is_family(&words) {
        return None;
    }
    // A common word capitalised because it opens the sentence: `Given Sanders said`.
    // A participle or an adverb the article writes in lower case opens no name, wherever it
    // stands (`Celebrating Clinton`, `Interestingly Roe`).
    if last > 0
        && ((article.writes_lower(&words[0])
            && (article.only_opening_sentences(&words) || is_participle_or_adverb(&words[0])))
            || is_sentence_adverb(&words[0]))
    {
        words.remove(0);
    }
    if words.last().is_some_and(|w| is_initial(w)) {
        match article.completed_right(&words) {
            Some(full) => words = full,
            None => {
                words.pop();
            }
        }
    }
    let name_words = words
        .iter()
        .filter(|w| !is_initial(w) && !is_name_suffix(w))
        .count();
    let mut completed = false;
    if name_words < 3 {
        if let Some(full) = article.completed_left(&words) {
            words = full;
            completed = true;
        } else if name_words == 1
            && described
            && let Some(full) = article.completed_right(&words)
        {
            // the sieve stopped at a title's given name: `Agriculture Secretary Tom`
            words = full;
            completed = true;
        } else if name_words == 1
            && article.cut_before_initial(&words[0])
            && let Some(full) = article.completed_right(&words)
        {
            // the sieve stopped at a middle initial's full stop: `Jock` of `Jock A. Roe`
            words = full;
            completed = true;
        } else if name_words == 1
            && let Some(full) = article.completed_by_title(&words)
        {
            // `Roe said` under the title `Ann Roe: 'Q'`
            words = full;
        }
    }
    if words.is_empty() || is_non_name_phrase(&words) {
        return None;
    }
    // what the sieve cut short may be an organisation's name: `Lives Matter`
    if completed && is_organisation(&words) {
        return Some(CleanName {
            name: article.completed_organisation_name(words).join(" "),
            kind: ActorKind::Organisation,
        });
    }
    if is_bare_noun(&words) {
        // `NBC News` as the article writes it, else no one's
        return article
            .completed_organisation(&words)
            .map(|full| CleanName {
                name: article.completed_organisation_name(full).join(" "),
                kind: ActorKind::Organisation,
            });
    }
    // Every word a common one the article writes in lower case: a phrase, not a name
    // (`Presidential Elections`); a single one is a name only after an honorific (`Mr. Rice`).
    let single = words.len() == 1;
    if words.iter().all(|w| article.writes_lower(w)) && !(honorific && single) {
        return None;
    }
    if (single && !honorific && article.only_opening_sentences(&words))
        || !words.iter().any(|w| looks_like_name_word(w))
        || is_organisation(&words)
    {
        return None;
    }
    if !honorific && article.short_for_organisation(&words) {
        return Some(CleanName {
            name: written(&words),
            kind: ActorKind::Organisation,
        });
    }
    Some(CleanName {
        name: written(&words),
        kind: ActorKind::Person,
    })
}

/// Words back into a name, initials with their full stop: `Richard J. Roe`.
fn written(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            if (is_initial(w) || matches!(w.as_str(), "Jr" | "Sr")) && !w.ends_with('.') {
                format!("{w}.")
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a name (as written, titles included) is: an organisation when it is an acronym
/// (`FBI`, `RT`), ends with an organisation's noun (`Fox News`, `State Department`), holds
/// one joined by `of`/`for` (`Department of Justice`) or is a well-known organisation.
pub fn kind_of(name: &str) -> ActorKind {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if is_organisation(&words) {
        ActorKind::Organisation
    } else {
        ActorKind::Person
    }
}

fn is_organisation(words: &[String]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let n = lower.len();
    let joined = lower
        .iter()
        .any(|w| matches!(w.as_str(), "of" | "for" | "on" | "to" | "and"));
    let known = |from: usize| {
        KNOWN_ORGANISATIONS.contains(&lower[from..].join(" ").as_str())
            || names_outlet(&words[from..].join(" "))
    };
    (n == 1 && (is_acronym(last) || is_brand(last)))
        || known(0)
        // `Cleveland Plain Dealer`, `New Hampshire Union Leader`: a place before an outlet
        // (of two words or more: `Steve Forbes` is no `Forbes`)
        || (1..n.saturating_sub(1)).any(known)
        || (n > 1 && is_acronym(last))
        || is_organisation_noun(&lower[n - 1])
        // `Chicago Sun-Times`
        || lower[n - 1]
            .rsplit_once('-')
            .is_some_and(|(_, noun)| is_organisation_noun(noun))
        || (is_weak_organisation_noun(&lower[n - 1])
            && (n > 2 || n == 2 && describes_organisation(&words[0])))
        || (joined && lower.iter().any(|w| is_organisation_noun(w)))
        // `American Legion`: a nation's body, not `American Jews`
        || (n >= 2
            && DEMONYMS.contains(&lower[0].as_str())
            && !SURNAME_DEMONYMS.contains(&lower[0].as_str())
            && !lower[n - 1].ends_with('s')
            && !is_title(&lower[n - 1])
            && looks_like_name_word(last))
}

/// A word before `Post` or `Press` that makes it an outlet's name (`Denver Post`,
/// `Associated Press`) rather than a surname (`Emily Post`).
fn describes_organisation(word: &str) -> bool {
    let w = word.to_lowercase();
    is_acronym(word)
        || is_place(&w)
        || DEMONYMS.contains(&w.as_str())
        || ORGANISATION_ADJECTIVES.contains(&w.as_str())
}

/// A brand written as one word with a capital inside after a syllable: `ProPublica`,
/// `HuffPo`, `AZCentral` (not `McCain`, `DiPietro`, `LeBron`: their first syllable is short).
fn is_brand(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let leading_capitals = chars.iter().take_while(|c| c.is_uppercase()).count();
    if leading_capitals >= 2 && chars.iter().any(|c| c.is_lowercase()) {
        return true;
    }
    let mut lower_run = 0;
    for c in chars.iter().skip(1) {
        if c.is_uppercase() && lower_run >= 3 {
            return true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    false
}

/// `FBI`, `CNN`, `RT`, `U.N.`, `AT&T`: capitals only, two or more, no lower-case letter.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '&' | '-') || c.is_ascii_digit())
        && !is_name_suffix(word)
}

/// Titles that say the name after them is a person's, whatever it looks like: `Mr. Rice`.
fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "sen"
            | "senator"
            | "rep"
            | "gov"
            | "governor"
            | "prof"
            | "rev"
            | "gen"
            | "president"
            | "pres"
    )
}

/// Titles written short with a full stop that does not end the sentence: `Sen. Doe`.
fn is_abbreviated_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Gen"
            | "Maj"
            | "Adm"
            | "Capt"
            | "Sgt"
            | "Cmdr"
            | "Rev"
            | "Fr"
            | "Prof"
            | "St"
            | "Supt"
            | "Pres"
            | "Sens"
            | "Reps"
    )
}

/// Offices that end a description, not a name: `Atlantic City Mayor`, `South Carolina Gov`.
fn is_office(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_lowercase().as_str(),
        "mayor"
            | "governor"
            | "senator"
            | "president"
            | "secretary"
            | "minister"
            | "director"
            | "chairman"
            | "chairwoman"
            | "spokesman"
            | "spokeswoman"
            | "leader"
            | "commissioner"
            | "candidate"
            | "nominee"
            | "official"
            | "adviser"
            | "advisor"
            | "aide"
            | "manager"
            | "gov"
            | "sen"
            | "rep"
            | "whip"
            | "officials"
            | "leaders"
            | "fathers"
            | "mothers"
            | "voters"
            | "supporters"
    )
}

/// A word that describes rather than names: `Texas-based`, `Korean-born`, `Trump-style`,
/// `T-shirts` (a hyphen and then a lower-case letter; names have capitals after theirs:
/// `Ocasio-Cortez`).
fn is_descriptive(word: &str) -> bool {
    word.split('-')
        .skip(1)
        .any(|part| part.chars().next().is_some_and(char::is_lowercase))
}

/// A whole name that is no one: a place, a month, a weekday, a nationality or party
/// (`Florida`, `South Carolina`, `Utah Republican`, `Japanese`), or ending in one.
fn is_non_name_phrase(words: &[String]) -> bool {
    let whole = words.join(" ").to_lowercase();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    is_place(&whole)
        || is_non_name_word(&whole)
        || DEMONYMS.contains(&whole.as_str())
        || is_non_name_word(&last)
        || is_month(&whole)
        || (words.len() > 1 && words.iter().all(|w| is_place(&w.to_lowercase())))
        || (words.len() > 1
            && is_place(&words[..words.len() - 1].join(" ").to_lowercase())
            && is_party(&last))
        || (words.len() > 1 && PLACE_NOUNS.contains(&last.as_str()))
        // `Popular Christian`, `Young Catholic`: a believer described; `Islamic` alone
        || RELIGIONS.contains(&last.as_str())
        // `Fort Pierce`, `Port Lisle`, `Mount Vernon`
        || (words.len() == 2 && PLACE_PREFIXES.contains(&words[0].to_lowercase().as_str()))
        // `South Florida`, `Upstate New York`
        || (words.len() > 1
            && DIRECTIONS.contains(&words[0].to_lowercase().as_str())
            && is_place(&words[1..].join(" ").to_lowercase()))
        // `Sunshine State`, `Carolina State`: a place or a college, no person
        || (words.len() > 1 && last == "state")
        || is_common_noun(&last)
}

/// A word that ends no one's name: laws, wars and abstract nouns by their ending (`Act`,
/// `Cold War`, `Nation`, `Partnership`, `Studies`).
fn is_common_noun(word: &str) -> bool {
    // not `-ment`: `Clement`
    const ENDINGS: &[&str] = &["ship", "ism", "ness", "tion", "sion", "ities", "dies"];
    matches!(
        word,
        "act"
            | "war"
            | "treaty"
            | "agreement"
            | "accord"
            | "amendment"
            | "effect"
            | "world"
            | "things"
            | "behind"
            | "republic"
            | "one"
            | "age"
            | "policy"
            | "security"
            | "statement"
            // written capitalised by some styles: `Web sites`, `Netizens`
            | "web"
            | "internet"
            | "netizens"
    ) || ENDINGS
        .iter()
        .any(|e| word.len() > e.len() + 1 && word.ends_with(e))
}

fn is_non_name(word: &str) -> bool {
    let w = word.to_lowercase();
    is_place(&w) || is_non_name_word(&w) || is_month(&w)
}

/// Words that end no person's name: weekdays, nationalities, parties (not those that are
/// surnames as well: `David French`).
fn is_non_name_word(w: &str) -> bool {
    let demonym = DEMONYMS.contains(&w)
        || DEMONYMS.contains(&w.trim_end_matches('s'))
        // `Ohioan`, `Kenyans`: a place's people
        || ["an", "ans", "n", "ns"]
            .iter()
            .any(|e| w.strip_suffix(e).is_some_and(|place| place.len() > 3 && is_place(place)));
    is_weekday(w) || is_party(w) || demonym && !SURNAME_DEMONYMS.contains(&w)
}

fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains(&w.to_lowercase().as_str())
}

fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

fn is_party(w: &str) -> bool {
    PARTIES.contains(&w)
}

fn is_place(w: &str) -> bool {
    US_STATES.contains(&w) || COUNTRIES.contains(&w) || CITIES.contains(&w) || REGIONS.contains(&w)
}

/// `J`, `J.`: a single capital, a middle initial.
fn is_initial(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

/// A capital and then a lower-case letter somewhere: `Sexton`, `McCain`, `O'Rourke`,
/// `Ocasio-Cortez`; not `FBI`, not `3`.
fn looks_like_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Titles and honorifics before a name, with or without their full stop.
fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str()) || w.strip_suffix('s').is_some_and(|w| TITLES.contains(&w))
}

/// Capitalised words that open sentences, never names: `Besides`, `Although`, `Does`.
fn is_opener(word: &str) -> bool {
    let w = word.to_lowercase();
    OPENERS.contains(&w.as_str())
}

/// Where `words` ends `run` (a generational suffix may follow), its start.
fn ends_with_words(run: &[String], words: &[String]) -> Option<usize> {
    let mut end = run.len();
    if end > 0 && is_name_suffix(&run[end - 1]) && !words.last().is_some_and(|w| is_name_suffix(w))
    {
        end -= 1;
    }
    let at = end.checked_sub(words.len())?;
    same_words(&run[at..end], words).then_some(at)
}

fn same_words(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.trim_end_matches('.')
                .eq_ignore_ascii_case(y.trim_end_matches('.'))
        })
}

/// The one person a set of full names means (the most written form), or `None` when they
/// are two people or there are none.
fn one_person(found: Vec<Vec<String>>) -> Option<Vec<String>> {
    let mut counts: Vec<(Vec<String>, usize)> = Vec::new();
    for f in found {
        match counts.iter_mut().find(|(c, _)| same_words(c, &f)) {
            Some((_, n)) => *n += 1,
            None => counts.push((f, 1)),
        }
    }
    let parsed: Vec<Option<Name>> = counts
        .iter()
        .map(|(c, _)| Name::parse(&c.join(" ")))
        .collect();
    for (i, a) in parsed.iter().enumerate() {
        for b in &parsed[i + 1..] {
            match (a, b) {
                (Some(a), Some(b)) if same_person(a, b) => {}
                _ => return None,
            }
        }
    }
    // most written first; ties to the first written
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, usize::MAX - i))?;
    Some(best.1.0.clone())
}

/// Two full names of one person: consistent given names (nicknames included), middle
/// names and initials, and the same generation (`Donald Trump` is not `Donald Trump Jr.`).
///
/// Given names must be the same where both are written (`human_name` takes a nickname for
/// its full name, but `Gary` and `Garrett Roe` may be two people), except between a
/// newsroom's formal first reference and its everyday form of one name: `Joseph R. Biden
/// Jr.` and `Joe Biden`, `Edward G. Rendell` and `Ed Rendell`. The formal one has a middle
/// name or initial; the everyday one has none and no suffix, and a nickname of the formal
/// given name. (`Donald Trump` is no everyday form of `Donald J. Trump Jr.`: the same given
/// name written out is no nickname.)
fn same_person(a: &Name, b: &Name) -> bool {
    if !a.consistent_with(b) {
        return false;
    }
    let same_given = match (a.given_name(), b.given_name()) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    if same_given {
        return a.generational_suffix() == b.generational_suffix();
    }
    let (formal, everyday) = if a.middle_initials().is_some() {
        (a, b)
    } else {
        (b, a)
    };
    formal.middle_initials().is_some()
        && everyday.middle_initials().is_none()
        && everyday.generational_suffix().is_none()
}

/// The people and organisations of a site under one name each: variants of a person's full
/// name (`Donald J. Trump`, `Donald Trump`) and their surname alone (`Trump`, after
/// `Mr. Trump` lost its title) join the most used full name, unless the site names two
/// people the variant could mean.
#[derive(Debug, Default)]
pub struct SiteNames {
    /// Lower-cased variant -> the name it stands for.
    canonical: HashMap<String, String>,
    /// Lower-cased names that stand for no one the reader could tell: a given name alone
    /// that people of the site bear (`Bob`).
    no_one: HashSet<String>,
}

/// One person of the site: their names, the first the one shown.
struct Cluster {
    names: Vec<(String, Name)>,
    /// Led by a registry name.
    fixed: bool,
    /// How often the site gives its names.
    count: usize,
}

impl SiteNames {
    /// `fixed` are names that stand for themselves and others (the registry's); `found` the
    /// names the site's articles give speakers, with how often.
    pub fn new<'a>(
        fixed: impl IntoIterator<Item = &'a str>,
        found: impl IntoIterator<Item = (&'a str, usize)>,
    ) -> SiteNames {
        let mut counted: HashMap<&str, usize> = HashMap::new();
        for (name, n) in found {
            *counted.entry(name).or_default() += n;
        }
        let mut order: Vec<(&str, usize, bool)> = fixed
            .into_iter()
            .map(|n| (n, usize::MAX, true))
            .chain(counted.into_iter().map(|(n, c)| (n, c, false)))
            .collect();
        // the registry's first, then the most used, the fuller first; ties by name, so
        // the result never depends on the order of the articles
        order.sort_by(|a, b| {
            (b.2.cmp(&a.2))
                .then(b.1.cmp(&a.1))
                .then(b.0.len().cmp(&a.0.len()))
                .then(a.0.cmp(b.0))
        });
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        let mut single: Vec<&str> = Vec::new();
        for &(name, count, fixed) in &order {
            if kind_of(name) == ActorKind::Organisation {
                continue;
            }
            let Some(parsed) = Name::parse(name) else {
                if !name.contains(' ') {
                    single.push(name);
                }
                continue;
            };
            let key = parsed.surname().to_lowercase();
            let candidates = by_surname.entry(key).or_default();
            let matching: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&c| {
                    clusters[c]
                        .names
                        .iter()
                        .all(|(_, n)| same_person(n, &parsed))
                })
                .collect();
            match matching.as_slice() {
                [one] => {
                    clusters[*one].names.push((name.to_string(), parsed));
                    clusters[*one].count = clusters[*one].count.saturating_add(count);
                }
                _ => {
                    candidates.push(clusters.len());
                    clusters.push(Cluster {
                        names: vec![(name.to_string(), parsed)],
                        fixed,
                        count,
                    });
                }
            }
        }
        let mut canonical = HashMap::new();
        let tails = Tails::new(&clusters);
        for (i, cluster) in clusters.iter().enumerate() {
            let shown = match tails.of(i, &clusters) {
                Some(whole) => &clusters[whole].names[0].0,
                None => &cluster.names[0].0,
            };
            for (name, _) in &cluster.names {
                if name != shown {
                    canonical.insert(name.to_lowercase(), shown.clone());
                }
            }
        }
        // a surname alone: the one person of the site who bears it (a surname written
        // as several words counts by its last: `Schultz`)
        let mut people_by_last: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, cluster) in clusters.iter().enumerate() {
            let mut lasts: Vec<String> = cluster
                .names
                .iter()
                .flat_map(|(_, n)| {
                    let surname = n.surname().to_lowercase();
                    let last = surname.rsplit(' ').next().unwrap_or_default().to_string();
                    [surname, last]
                })
                .collect();
            lasts.sort();
            lasts.dedup();
            for l in lasts {
                people_by_last.entry(l).or_default().push(i);
            }
        }
        let people_by_given = people_by_given(&clusters);
        let mut no_one = HashSet::new();
        for name in single {
            let key = name.to_lowercase();
            match people_by_last.get(&key).map(Vec::as_slice) {
                Some([one]) => {
                    canonical.insert(key, clusters[*one].names[0].0.clone());
                }
                Some(many) => {
                    if let Some(one) = dominant(many, &clusters) {
                        canonical.insert(key, clusters[one].names[0].0.clone());
                    }
                }
                // A given name alone, no one's surname: it may be the site's one `Hillary`,
                // or a surname written first (`Mr. Lou` of `Lou Jiwei`), or any of several
                // `Bob`s. It joins no one and gets no page of its own.
                None if people_by_given.contains_key(&key) => {
                    no_one.insert(key);
                }
                None => {}
            }
        }
        // a name joined to one that was itself joined: to the last
        let keys: Vec<String> = canonical.keys().cloned().collect();
        for key in keys {
            let mut shown = canonical[&key].clone();
            for _ in 0..4 {
                match canonical.get(&shown.to_lowercase()) {
                    Some(next) if *next != shown => shown = next.clone(),
                    _ => break,
                }
            }
            canonical.insert(key, shown);
        }
        SiteNames { canonical, no_one }
    }

    /// Whether `name` may be an actor of its own: not a given name alone that people of the
    /// site bear (`Bob`), which tells the reader no more than `a man`.
    pub fn names_someone(&self, name: &str) -> bool {
        !self.no_one.contains(&name.trim().to_lowercase())
    }

    /// The name `name` stands for in the site, if not itself.
    ///
    /// (A name cut on the left, `Rodham Clinton`, is its own cluster to `human_name`, which
    /// reads `Rodham` as a given name: `Tails` joins it to the one fuller name it ends.)
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.canonical
            .get(&name.trim().to_lowercase())
            .map(String::as_str)
    }
}

/// Of the people of the site who bear one surname, the one it quotes so much more often than
/// all the others together (ten times) that the surname alone is theirs: `Roe` for the
/// Ann Roe of a hundred quotations, not for the Tom Roe of two; none when two are quoted
/// alike (the Clintons). Never a registry actor's namesake over the registry actor.
fn dominant(people: &[usize], clusters: &[Cluster]) -> Option<usize> {
    const TIMES: usize = 10;
    let top = *people.iter().max_by_key(|&&i| clusters[i].count)?;
    let others: usize = people
        .iter()
        .filter(|&&i| i != top)
        .map(|&i| clusters[i].count)
        .fold(0usize, usize::saturating_add);
    let fixed_other = people.iter().any(|&i| i != top && clusters[i].fixed);
    (!fixed_other && clusters[top].count >= others.saturating_mul(TIMES).max(1)).then_some(top)
}

/// Each lower-cased given name (`hillary`), the clusters of the people who bear it.
fn people_by_given(clusters: &[Cluster]) -> HashMap<String, Vec<usize>> {
    let mut by_given: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, cluster) in clusters.iter().enumerate() {
        for (_, name) in &cluster.names {
            if let Some(given) = name.given_name() {
                let list = by_given.entry(given.to_lowercase()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    by_given
}

/// The one other cluster, more used, whose names end this cluster's (`Hillary Rodham
/// Clinton` for `Rodham Clinton`: cut on the left) or are ended by them (`Ted Cruz` for
/// `Using Ted Cruz`: a word glued on the left); none for the registry's.
struct Tails {
    /// Each cluster's names as lower-case words.
    words: Vec<Vec<Vec<String>>>,
    /// Clusters by the last word of any of their names: the only ones a name can end.
    by_last: HashMap<String, Vec<usize>>,
}

impl Tails {
    fn new(clusters: &[Cluster]) -> Tails {
        let words: Vec<Vec<Vec<String>>> = clusters
            .iter()
            .map(|c| {
                c.names
                    .iter()
                    .map(|(n, _)| {
                        n.split_whitespace()
                            .map(|w| w.trim_end_matches('.').to_lowercase())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, names) in words.iter().enumerate() {
            for last in names.iter().filter_map(|w| w.last()) {
                let list = by_last.entry(last.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Tails { words, by_last }
    }

    fn of(&self, i: usize, clusters: &[Cluster]) -> Option<usize> {
        let mine = &self.words[i];
        if clusters[i].fixed || mine.iter().any(|w| w.len() < 2) {
            return None;
        }
        let related = |a: &[String], b: &[String]| {
            b.len() >= 2 && a.len() != b.len() && (a.ends_with(b) || b.ends_with(a))
        };
        let candidates = self.by_last.get(mine.first()?.last()?)?;
        let mut wholes = candidates.iter().copied().filter(|&j| {
            j != i
                && (clusters[j].fixed || clusters[j].count > clusters[i].count)
                && mine
                    .iter()
                    .all(|m| self.words[j].iter().any(|n| related(m, n)))
        });
        let whole = wholes.next()?;
        wholes.next().is_none().then_some(whole)
    }
}

// Word lists: compact and general (no names of particular people).

#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "pres",
    "rev", "reverend", "fr", "father", "sen", "senator", "sens", "rep", "representative",
    "reps", "congressman", "congresswoman", "gov", "governor", "lt", "col", "colonel", "gen",
    "general", "maj", "major", "adm", "admiral", "capt", "captain", "sgt", "sergeant", "cmdr",
    "commander", "president", "vice", "secretary", "minister", "mayor", "judge", "justice",
    "chief", "speaker", "chairman", "chairwoman", "chair", "ambassador", "candidate", "former",
    "state", "attorney", "king", "queen", "prince", "princess", "pope", "sheikh", "sheik",
    "rabbi", "imam", "bishop", "archbishop", "cardinal", "nominee", "frontrunner",
    "front-runner", "republican", "democratic", "democrat", "independent", "gop", "host",
    "anchor", "co-anchor", "leader", "majority", "minority", "house", "senate", "deputy",
    "acting", "assistant", "councilman", "councilwoman", "alderman", "assemblyman",
    "assemblywoman", "delegate", "superintendent", "detective", "officer", "sheriff", "trooper",
    "pastor", "coach", "whip", "commissioner", "director", "manager", "spokesman",
    "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "counsel", "counselor",
    "advocate", "strategist", "pollster", "consultant", "analyst", "economist", "lawyer", "activist",
    "organizer", "blogger", "commentator", "columnist", "correspondent", "journalist",
    "reporter", "editor", "publisher", "producer", "filmmaker", "actor", "actress", "singer",
    "rapper", "comedian", "author", "writer", "novelist", "historian", "scientist", "founder",
    "co-founder", "ceo", "executive", "chancellor", "recorder", "clerk", "treasurer", "auditor",
    "registrar", "billionaire", "businessman", "businesswoman", "celebrities", "celebrity",
    "team", "staff", "communications", "communication", "political", "senior", "junior",
    "investigative", "managing", "editor-in-chief", "agriculture", "defense", "labor",
    "commerce", "treasury", "interior", "education", "energy", "transportation", "homeland",
    "health",
   "longtime", "veteran", "presidential", "congressional", "federal", "national", "political",
];

#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "then", "than", "so",
    "but", "and", "or", "nor", "yet", "for", "if", "as", "at", "by", "in", "on", "of", "to",
    "from", "with", "without", "into", "onto", "upon", "about", "above", "after", "against",
    "along", "among", "amid", "around", "before", "behind", "below", "beside", "besides",
    "between", "beyond", "despite", "during", "except", "inside", "like", "unlike", "near",
    "off", "outside", "over", "past", "per", "since", "through", "throughout", "toward",
    "towards", "under", "until", "till", "via", "within", "although", "though", "because",
    "while", "whereas", "whether", "unless", "once", "when", "whenever", "where", "why", "what",
    "which", "who", "whom", "whose", "how", "however", "meanwhile", "moreover", "furthermore",
    "nevertheless", "nonetheless", "otherwise", "instead", "indeed", "perhaps", "maybe",
    "still", "also", "even", "only", "just", "plus", "thus", "hence", "therefore", "again",
    "already", "always", "never", "often", "sometimes", "now", "today", "tonight", "yesterday",
    "tomorrow", "finally", "next", "both", "either", "neither", "each", "every", "all", "any",
    "some", "many", "much", "more", "most", "few", "several", "other", "another", "such", "no",
    "not", "yes", "oh", "ok", "okay", "well", "dear", "hey", "please", "thanks", "see", "says",
    "say", "asked", "ask", "tell", "told", "does", "do", "did", "is", "are", "was", "were",
    "be", "been", "has", "have", "had", "would", "can", "could", "should", "might", "must",
    "shall", "let", "consider", "watch", "look", "read", "listen", "take", "meet", "he", "she",
    "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "him",
    "them", "us", "me", "according", "earlier", "later", "last", "first", "speaking",
    "including", "sources", "officials", "critics", "supporters", "voters", "reporters",
    "aides", "advisers", "experts", "analysts", "others", "everyone", "nobody", "somebody",
    "someone", "anyone", "people", "citizens", "residents", "said", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "year", "using", "given", "absent",
    "team", "continued", "important", "across", "atop", "beneath", "sorry", "top", "dear",
    "thanks",
];

#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
const PARTIES: &[&str] = &[
    "republican", "republicans", "democrat", "democrats", "democratic", "independent",
    "independents", "libertarian", "libertarians", "conservative", "conservatives", "liberal",
    "liberals", "progressive", "progressives", "tory", "tories", "socialist", "socialists",
    "evangelical", "evangelicals", "whig", "whigs", "gopers",
];

#[rustfmt::skip]
const DEMONYMS: &[&str] = &[
    "american", "british", "english", "french", "german", "russian", "chinese", "japanese",
    "mexican", "canadian", "israeli", "palestinian", "iranian", "iraqi", "syrian", "saudi",
    "turkish", "indian", "pakistani", "afghan", "korean", "cuban", "italian", "spanish",
    "european", "asian", "african", "arab", "muslim", "jewish", "catholic", "latino", "latina",
    "hispanic", "ukrainian", "greek", "irish", "scottish", "welsh", "brazilian", "venezuelan",
    "egyptian", "libyan", "yemeni", "australian", "dutch", "swedish", "polish", "nigerian",
    "kurdish", "lebanese", "jordanian", "qatari", "emirati", "vietnamese", "filipino", "thai",
    "argentine", "colombian", "chilean", "peruvian", "haitian", "puerto rican", "texan",
    "californian", "floridian", "southern", "northern", "western", "eastern", "midwestern",
    "americans", "middle eastern", "latin american", "swiss", "belgian", "austrian",
    "danish", "norwegian", "finnish", "romanian", "hungarian", "czech", "serbian", "somali",
    "ethiopian", "kenyan", "indonesian", "taiwanese",
];

#[rustfmt::skip]
const US_STATES: &[&str] = &[
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
    "wisconsin", "wyoming", "district of columbia", "puerto rico", "guam",
];

#[rustfmt::skip]
const COUNTRIES: &[&str] = &[
    "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil",
    "britain", "great britain", "bulgaria", "cambodia", "cameroon", "canada", "chile", "china",
    "colombia", "congo", "costa rica", "croatia", "cuba", "cyprus", "czech republic", "denmark",
    "ecuador", "egypt", "el salvador", "england", "estonia", "ethiopia", "finland", "france",
    "germany", "ghana", "greece", "guatemala", "haiti", "honduras", "hungary", "iceland",
    "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan",
    "jordan", "kazakhstan", "kenya", "korea", "north korea", "south korea", "kosovo", "kuwait",
    "latvia", "lebanon", "libya", "lithuania", "luxembourg", "malaysia", "mali", "mexico",
    "moldova", "mongolia", "morocco", "myanmar", "nepal", "netherlands", "holland",
    "new zealand", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan", "palestine",
    "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania",
    "russia", "rwanda", "saudi arabia", "scotland", "senegal", "serbia", "singapore",
    "slovakia", "slovenia", "somalia", "south africa", "spain", "sri lanka", "sudan",
    "south sudan", "sweden", "switzerland", "syria", "taiwan", "tanzania", "thailand",
    "tunisia", "turkey", "uganda", "ukraine", "united arab emirates", "united kingdom",
    "united states", "america", "uruguay", "uzbekistan", "venezuela", "vietnam", "wales",
    "yemen", "zimbabwe", "u.s", "us", "usa", "u.s.a", "uk", "u.k",
];

#[rustfmt::skip]
const CITIES: &[&str] = &[
    "new york city", "los angeles", "chicago", "houston", "phoenix", "philadelphia",
    "san antonio", "san diego", "dallas", "san jose", "austin", "jacksonville", "san francisco",
    "columbus", "fort worth", "indianapolis", "charlotte", "seattle", "denver", "boston",
    "el paso", "detroit", "nashville", "memphis", "portland", "oklahoma city", "las vegas",
    "louisville", "baltimore", "milwaukee", "albuquerque", "tucson", "fresno", "sacramento",
    "kansas city", "atlanta", "miami", "raleigh", "omaha", "minneapolis", "cleveland", "tampa",
    "orlando", "pittsburgh", "cincinnati", "st. louis", "st louis", "new orleans", "buffalo",
    "des moines", "manchester", "charleston", "richmond", "salt lake city", "honolulu",
    "anchorage", "london", "paris", "berlin", "moscow", "beijing", "tokyo", "rome", "madrid",
    "brussels", "vienna", "geneva", "kiev", "kyiv", "jerusalem", "tel aviv", "cairo", "baghdad",
    "damascus", "tehran", "istanbul", "ankara", "riyadh", "dubai", "mumbai", "delhi",
    "new delhi", "shanghai", "hong kong", "seoul", "pyongyang", "havana", "mexico city",
    "toronto", "montreal", "ottawa", "vancouver", "sydney", "rio de janeiro", "sao paulo",
    "buenos aires", "aleppo", "mosul", "kabul", "islamabad", "beirut", "athens",
];

#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "europe", "asia", "africa", "americas", "north america", "south america", "latin america",
    "central america", "middle east", "the middle east", "midwest", "the midwest", "northeast",
    "southeast", "southwest", "northwest", "new england", "the south", "the west", "the east",
    "silicon valley", "wall street", "main street", "capitol hill", "hollywood", "broadway",
    "appalachia", "rust belt", "bible belt", "sun belt", "west coast", "east coast",
    "gulf coast", "west bank", "gaza", "crimea", "scandinavia", "balkans", "caribbean",
    "pacific", "atlantic", "arctic",
];

/// The last word of an organisation's name, or of a person's: `Denver Post`, `Emily Post`.
fn is_weak_organisation_noun(w: &str) -> bool {
    WEAK_ORGANISATION_NOUNS.contains(&w)
}

#[rustfmt::skip]
const WEAK_ORGANISATION_NOUNS: &[&str] = &[
    "post", "press", "church", "guard", "watch", "trust", "mission", "review", "report", "daily",
    "today", "forum", "globe", "star", "sun", "mirror", "sentinel", "observer", "inquirer",
    "dispatch", "courier", "examiner", "register", "bee", "express", "standard", "record",
    "bulletin", "monitor",
];

/// The last word of a place's name: `Salt Lake City`, `Madison Square Garden`.
#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "city", "county", "street", "avenue", "road", "square", "garden", "gardens", "park", "bay",
    "river", "valley", "beach", "island", "islands", "hall", "hotel", "tower", "airport",
    "station", "stadium", "arena", "sea", "ocean", "mountain", "mountains", "lake", "hills",
    "heights", "falls", "springs", "village", "township", "room", "bowl", "bridge", "plaza",
    "boulevard", "memorial", "cathedral", "building", "capitol", "coast", "desert",
];

const RELIGIONS: &[&str] = &[
    "christian",
    "christians",
    "catholic",
    "catholics",
    "muslim",
    "muslims",
    "jewish",
    "jew",
    "jews",
    "protestant",
    "protestants",
    "mormon",
    "mormons",
    "hindu",
    "buddhist",
    "islamic",
];

const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "upstate",
    "downstate",
    "downtown",
    "greater",
];

/// Shows, books and documents that texts quote or cite as if they spoke.
#[rustfmt::skip]
const WORKS: &[&str] = &[
    "morning joe", "kelly file", "meet the press", "face the nation", "fox news sunday",
    "state of the union", "hardball", "the view", "good morning america", "daily show",
    "real time", "situation room", "o'reilly factor", "special report", "this week",
    "new day", "morning edition", "all things considered", "fresh air", "vermont edition",
    "clinton cash", "sharon statement", "grand slam", "off message", "exodus", "genesis",
    "psalms", "proverbs", "romans", "corinthians", "revelation",
];

/// A role or a state written short: `VP`, `OH`.
const ROLE_ABBREVIATIONS: &[&str] = &["vp", "oh"];

const PLACE_PREFIXES: &[&str] = &["fort", "port", "mount", "lake", "cape", "camp"];

#[rustfmt::skip]
const ORGANISATION_ADJECTIVES: &[&str] = &[
    "national", "associated", "free", "international", "federal", "united", "public", "royal",
    "coast", "first", "global", "human", "financial", "daily", "weekly", "morning", "evening",
    "sunday", "catholic", "methodist", "baptist", "presbyterian", "orthodox", "huffington",
    "world", "civil", "state", "city", "county", "community", "policy", "budget", "fiscal",
    "judicial", "pew",
];

#[rustfmt::skip]
const SURNAME_DEMONYMS: &[&str] = &[
    "french", "english", "welsh", "german", "dutch", "polish", "southern", "northern",
    "western", "eastern", "irish", "cuban", "greek",
];

#[rustfmt::skip]
const KNOWN_ORGANISATIONS: &[&str] = &[
    // (news outlets are `dossier_text::outlets`, one list with `dossier import`'s)
    "gallup", "quinnipiac", "twitter", "facebook", "google", "microsoft", "youtube", "instagram",
    "wikileaks", "pentagon", "kremlin", "vatican", "hamas", "hezbollah", "taliban", "al qaeda",
    "al-qaeda", "isis", "isil", "islamic state", "planned parenthood", "black lives matter",
    "white house", "downing street", "telegraph", "fox", "amnesty", "greenpeace", "interpol",
    "europol", "gazprom", "rosneft", "nasa", "gannett", "the onion", "pew", "nielsen", "amazon",
    "verizon", "walmart", "netflix", "boeing", "exxon", "exxonmobil", "exxon mobil", "apple",
    "hurun", "carrier", "judicial watch", "cambridge analytica", "allergan",
    "united technologies", "america rising", "melville house", "pando", "berenberg",
    "air force", "vox populi", "comcast", "xfinity", "comcast xfinity", "l'osservatore romano",
    "boko haram", "al-shabaab", "muslim brotherhood", "united nations", "european union",
    "world bank", "red cross",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> ArticleNames {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        ArticleNames::new(&paragraphs)
    }

    fn clean(raw: &str, text: &str) -> Option<(String, ActorKind)> {
        clean_speaker(raw, &article(text)).map(|c| (c.name, c.kind))
    }

    fn person(name: &str) -> Option<(String, ActorKind)> {
        Some((name.to_string(), ActorKind::Person))
    }

    fn organisation(name: &str) -> Option<(String, ActorKind)> {
        Some((name.to_string(), ActorKind::Organisation))
    }

    #[test]
    fn places_months_and_weekdays_are_no_one() {
        let text = "The storm reached the coast on Friday.";
        for raw in [
            "Cold War",
            "Presidential",
            "Nation",
            "International Studies",
            "National Championship",
            "Harbour Protection Act",
            "Salt Lake City",
            "Madison Square Garden",
            "Florida",
            "Dallas",
            "South Carolina",
            "New Hampshire",
            "March",
            "Tuesday",
            "Europe",
            "Japanese",
            "Republican",
            "Utah Republican",
            "Ohio Democrats",
            "Middle East",
        ] {
            assert_eq!(clean(raw, text), None, "{raw}");
        }
    }

    #[test]
    fn a_party_s_members_are_a_group() {
        for raw in ["Democrats", "Senate Republicans", "The Whigs"] {
            assert!(is_party_group(raw), "{raw}");
            assert_eq!(clean(raw, "The vote was close."), None, "{raw}");
        }
        assert!(!is_party_group("Jane Roe"));
        assert!(!is_party_group("Republican"));
    }

    #[test]
    fn places_shows_and_bare_nouns_are_no_one() {
        let text = "The crowd in the square was loud.";
        for raw in [
            "Fort Pierce",
            "Port Lisle",
            "Dominican Republic",
            "Ferguson Effect",
            "Harbour World",
            "Important Things",
            "Popular Christian",
            "Force One",
            "Message",
            "Child Left Behind",
            "News",
            "Club",
            // shows, books, documents
            "Morning Joe",
            "Romans",
            "The Kelly File",
            "Sharon Statement",
            // places and descriptions
            "South Florida",
            "Sunshine State",
            "Middle Eastern",
            "Harbour Policy",
            "Social Security",
            "Across Asia",
            "Islamic",
            "Muslim",
            "Whigs",
        ] {
            assert_eq!(clean(raw, text), None, "{raw}");
        }
        // a verb that opens the sentence comes off the name after it
        assert_eq!(clean("Continued Stone", text), person("Stone"));
        // so does a participle or an adverb the article writes in lower case, anywhere
        let text =
            "They were celebrating and sorry, interestingly. \"Yes,\" Celebrating Okafor said.";
        assert_eq!(clean("Celebrating Okafor", text), person("Okafor"));
        assert_eq!(clean("Interestingly Okafor", text), person("Okafor"));
        assert_eq!(clean("Reportedly Okafor", text), person("Okafor"));
        assert_eq!(clean("Beverly Okafor", text), person("Beverly Okafor"));
        // a place's people before a name
        assert_eq!(clean("Ohioan Ann Okafor", text), person("Ann Okafor"));
        // a people before a surname the article gives a person: followers described
        let text = "Ann Okafor spoke. Filipino Okafor staffers cooked. The American Legion met.";
        assert_eq!(clean("Filipino Okafor", text), None);
        assert_eq!(
            clean("American Legion", text),
            organisation("American Legion")
        );
        assert_eq!(clean("Sorry Ann Okafor", text), person("Ann Okafor"));
        // an organisation cut on the left is the one the article names in full
        let text = "The Harbour Street Journal asked. \"No,\" the Street Journal wrote.";
        assert_eq!(
            clean("Street Journal", text),
            organisation("Harbour Street Journal")
        );
        // a noun alone is the organisation the article names in full
        let text = "A report by the Lisle Daily News came out. News said it was sure.";
        assert_eq!(clean("News", text), organisation("Lisle Daily News"));
        let text = "The Ledger will call you a liar and WRXL News will mock you.";
        assert_eq!(clean("News", text), organisation("WRXL News"));
        // an outlet after its city's possessive
        let text = "\"Stay home,\" wrote Lisle's Plain Dealer.";
        assert_eq!(
            clean("Lisle's Plain Dealer", text),
            organisation("Lisle Plain Dealer")
        );
    }

    #[test]
    fn openers_glued_to_a_name_come_off() {
        let text =
            "Besides Hollis, the firm hired Marta Quill.\n\nAlthough Dorn was late, Dorn spoke.";
        assert_eq!(clean("Although Dorn", text), person("Dorn"));
        assert_eq!(clean("Besides Hollis", text), person("Hollis"));
        assert_eq!(clean("Does Quill", text), person("Marta Quill"));
        assert_eq!(clean("Tuesday Dorn", text), person("Dorn"));
        assert_eq!(clean("Rubbing Japanese", text), None);
    }

    #[test]
    fn a_phrase_of_common_words_is_not_a_name() {
        let text = "The presidential elections were near, and the elections were close.";
        assert_eq!(clean("Presidential Elections", text), None);
        // a name whose words are also common ones stays a name when not all are
        let text = "He signed the bill, and his aide Bill Hart said so.";
        assert_eq!(clean("Bill Hart", text), person("Bill Hart"));
        // `Law` ends laws and people
        let text = "The law passed, and Steven Law welcomed it.";
        assert_eq!(clean("Steven Law", text), person("Steven Law"));
    }

    #[test]
    fn a_name_cut_at_its_middle_initial_is_completed_or_trimmed() {
        let text = "The report by Richard J. Halloran was released on Monday.";
        assert_eq!(clean("Richard J", text), person("Richard J. Halloran"));
        let text = "Alderman Jason C. Ervin and the officer, Jason Van Dyke, met.";
        assert_eq!(clean("Alderman Jason", text), None.or(person("Jason")));
        assert_eq!(
            clean("Joseph R", "Nothing here names him."),
            person("Joseph")
        );
    }

    #[test]
    fn a_surname_or_a_name_cut_on_the_left_takes_the_full_name_the_article_writes() {
        let text = "Debbie Wasserman Schultz spoke first. Then Lena Ortiz Brandt spoke.";
        assert_eq!(
            clean("Wasserman Schultz", text),
            person("Debbie Wasserman Schultz")
        );
        assert_eq!(clean("Brandt", text), person("Lena Ortiz Brandt"));
        // titles, openers and lower-case words do not join: `Sen.`, `Florida`, `candidate`
        let text = "Florida Sen. Mara Coll met candidate Ivo Penn.";
        assert_eq!(clean("Mr. Penn", text), person("Ivo Penn"));
        assert_eq!(clean("Coll", text), person("Mara Coll"));
        // two people of one surname: the surname alone stays as it is
        let text = "Ann Roe and her husband Tom Roe arrived.";
        assert_eq!(clean("Mrs. Roe", text), person("Roe"));
        // two forms of one person: the most written
        let text = "Ann Roe spoke. Ann B. Roe spoke. Ann Roe left.";
        assert_eq!(clean("Roe", text), person("Ann Roe"));
    }

    #[test]
    fn an_organisation_cut_before_of_takes_its_whole_name() {
        let text = "The panel, the Ostland Board of Harbour Works, met on Monday.\n\nThe Ostland Board of Harbour Works was clear in its ruling.";
        assert_eq!(
            clean("Ostland Board", text),
            organisation("Ostland Board of Harbour Works")
        );
        assert_eq!(
            clean("the Ostland Board", text),
            organisation("Ostland Board of Harbour Works")
        );
        let text = "She wrote to the Vessen Department of Health and Human Services on Friday.";
        assert_eq!(
            clean("Vessen Department", text),
            organisation("Vessen Department of Health and Human Services")
        );
        // two boards of one place: the article does not say which
        let text = "The Lisle Board of Ports and the Lisle Board of Roads disagreed.";
        assert_eq!(clean("Lisle Board", text), organisation("Lisle Board"));
        // a person's name before `of` is not completed
        let text = "Mara Coll of Ostland arrived.";
        assert_eq!(clean("Mara Coll", text), person("Mara Coll"));
    }

    #[test]
    fn a_unit_or_a_publisher_is_an_organisation() {
        let text = "The guards, known inside the agency as the Harbour Response Staff, left.";
        assert_eq!(
            clean("Harbour Response Staff", text),
            organisation("Harbour Response Staff")
        );
        assert_eq!(
            clean("Ostland Task Force", "Nothing."),
            organisation("Ostland Task Force")
        );
        assert_eq!(
            clean("Marine Corps", "Nothing."),
            organisation("Marine Corps")
        );
        assert_eq!(
            clean("Red Kite Books", "Nothing."),
            organisation("Red Kite Books")
        );
        assert_eq!(kind_of("Harbour Response Staff"), ActorKind::Organisation);
    }

    #[test]
    fn a_short_name_the_article_writes_in_full_with_an_organisation_noun_is_one() {
        let text = "He took an offer from Red Kite Books & Media, a small publisher.\n\nRed Kite is now raising money.";
        assert_eq!(clean("Red Kite", text), organisation("Red Kite"));
        // a person's surname stands alone too: the foundation is named after the person
        let text = "The Ada Roe Foundation paid. Ada Roe said so. Roe left.";
        assert_eq!(clean("Ada Roe", text), person("Ada Roe"));
    }

    #[test]
    fn a_title_line_opened_by_a_name_completes_a_surname() {
        let title = "Ilse Varga: 'The harbour stays open.'";
        let body = [
            "The council met again.",
            "Varga said the port would stay open.",
        ];
        let names = ArticleNames::titled(title, &body);
        let clean = |raw: &str| clean_speaker(raw, &names).map(|c| (c.name, c.kind));
        assert_eq!(clean("Varga"), person("Ilse Varga"));
        // the title's other capitals name no one
        let names = ArticleNames::titled("Varga Says The Harbour Stays Open", &body);
        assert_ne!(
            clean_speaker("Varga", &names).map(|c| c.name),
            Some("Ilse Varga".to_string())
        );
        // the body's full name leads
        let body = ["Tom Varga said the port would stay open.", "Varga left."];
        let names = ArticleNames::titled(title, &body);
        assert_eq!(
            clean_speaker("Varga", &names).map(|c| c.name),
            Some("Tom Varga".to_string())
        );
    }

    #[test]
    fn headlines_do_not_complete_names() {
        let text = "Voters Rally Behind Dorn In Final Days\n\nThe mayor, Dorn, said little.";
        assert_eq!(clean("Dorn", text), person("Dorn"));
    }

    #[test]
    fn a_quotation_and_its_attribution_are_no_headline() {
        // outside its quotation the line is all capitals, but the quotation is prose
        let text = "“That is what the teachers want to hear,” NEA President Lily Ann Roe said.";
        assert_eq!(clean("Ann Roe", text), person("Lily Ann Roe"));
        let text = "“We are a swing state,” said Democratic Rep. Dina Tarr. “We know it.”";
        assert_eq!(clean("Democratic Rep. Dina", text), person("Dina Tarr"));
    }

    #[test]
    fn a_name_after_a_quotation_does_not_open_a_sentence() {
        let text = "Dorn spoke.\n\n“We will be careful,” Dorn said.";
        assert_eq!(clean("Dorn", text), person("Dorn"));
        let text = "Sorry,This video is gone.";
        assert_eq!(clean("Sorry", text), None);
        let text = "“It is offensive!” Dorn said.";
        assert_eq!(clean("Dorn", text), person("Dorn"));
        let text = "Voters Back Dorn On The Plan\n\nDorn was asked. Dorn agreed.";
        assert_eq!(clean("Dorn", text), person("Dorn"));
    }

    #[test]
    fn a_word_capitalised_only_where_sentences_open_is_no_name() {
        let text = "Technology moves fast. Technology, said the panel, is cheap.";
        assert_eq!(clean("Technology", text), None);
        // a common word that opens the sentence before a surname comes off
        let text = "He was given a chance. Given Hart's record, few objected. Hart smiled.";
        assert_eq!(clean("Given Hart", text), person("Hart"));
    }

    #[test]
    fn titles_come_off_and_a_title_alone_is_no_one() {
        let text = "The senator spoke.";
        assert_eq!(clean("Sen. Jane Doe", text), person("Jane Doe"));
        assert_eq!(clean("President", text), None);
        assert_eq!(clean("Mr. Rice", "He ate rice."), person("Rice"));
        assert_eq!(clean("Rice", "He ate rice."), None);
    }

    #[test]
    fn outlets_agencies_and_acronyms_are_organisations() {
        let text = "Nothing.";
        assert_eq!(
            clean("Vale-run State Department", text),
            organisation("State Department")
        );
        assert_eq!(
            clean("Orlando Sentinel", text),
            organisation("Orlando Sentinel")
        );
        assert_eq!(clean("FBI", text), organisation("FBI"));
        assert_eq!(clean("RT", text), organisation("RT"));
        assert_eq!(clean("Fox News", text), organisation("Fox News"));
        assert_eq!(
            clean("the Daily Ledger", text),
            organisation("Daily Ledger")
        );
        assert_eq!(
            clean("State Department", text),
            organisation("State Department")
        );
        assert_eq!(
            clean("Department of Energy", text),
            organisation("Department of Energy")
        );
        assert_eq!(clean("Reuters", text), organisation("Reuters"));
        assert_eq!(
            clean("Brookfield Institute", text),
            organisation("Brookfield Institute")
        );
        assert_eq!(
            clean("Harlan for Mayor Campaign", text),
            organisation("Harlan for Mayor Campaign")
        );
        assert_eq!(clean("ProPublica", text), organisation("ProPublica"));
        for outlet in [
            "Pew Research",
            "Judicial Watch",
            "Forbes",
            "Marlow Footwear",
            "Chicago Sun-Times",
            "Plain Dealer",
            "Lisle Estate Consulting",
            "Daily Caller",
            "Cambridge Analytica",
            "Agence France-Presse",
            "Comcast Xfinity",
            "L'Osservatore Romano",
            "Lisle Capital Markets",
        ] {
            assert_eq!(clean(outlet, text), organisation(outlet), "{outlet}");
        }
        assert_eq!(
            clean("United Nations", text),
            organisation("United Nations")
        );
        assert_eq!(
            clean("American Legion", text),
            organisation("American Legion")
        );
        assert_eq!(clean("American Jews", text), None);
        let text = "The Black Lives Matter movement grew; its lives matter, they said.";
        assert_eq!(
            clean("Lives Matter", text),
            organisation("Black Lives Matter")
        );
        assert_eq!(kind_of("Joseph R. Biden Jr."), ActorKind::Person);
        assert_eq!(kind_of("John McCain"), ActorKind::Person);
        assert_eq!(kind_of("Emily Post"), ActorKind::Person);
        assert_eq!(kind_of("Denver Post"), ActorKind::Organisation);
        assert_eq!(kind_of("Peter Cook"), ActorKind::Person);
    }

    #[test]
    fn an_organisation_s_last_word_glued_to_a_surname_comes_off() {
        let text = "Ann Okafor spoke in Lisle. She backed a new Office of Harbour Affairs \
                    Okafor had proposed in May.";
        assert_eq!(clean("Affairs Okafor", text), person("Ann Okafor"));
        let text = "Okafor spoke in Lisle. She backed a new Office of Harbour Affairs \
                    Okafor had proposed in May.";
        assert_eq!(clean("Affairs Okafor", text), person("Okafor"));
        // a name the article writes so elsewhere stays whole
        let text = "The Office of Harbour Affairs Okafor ran was shut. Affairs Okafor spoke. \
                    Ann Okafor left.";
        assert_eq!(clean("Affairs Okafor", text), person("Affairs Okafor"));
    }

    #[test]
    fn a_family_a_people_and_a_style_word_are_no_one() {
        let text = "Ann Okafor and her husband Tom Okafor spoke. The Okafors left early.";
        assert_eq!(clean("Okafors", text), None);
        assert!(is_family("the Okafors", &article(text)));
        assert!(!is_family("Okafor", &article(text)));
        let text = "Netizens mocked it. Web sites ran it. GOPers agreed.";
        for raw in ["Netizens", "Web", "GOPers"] {
            assert_eq!(clean(raw, text), None, "{raw}");
        }
        // a surname ending in s is a person's all the same
        let text = "Ann Roberts spoke. Roberts said no.";
        assert_eq!(clean("Roberts", text), person("Ann Roberts"));
    }

    #[test]
    fn a_name_cut_at_a_middle_initial_s_full_stop_is_completed() {
        // the initial is no article: `John A. Okafor` completes `Okafor`
        let text = "The fund of John A. Okafor grew. A Okafor fund fell. Mr. Okafor said so.";
        assert_eq!(clean("Okafor", text), person("John A. Okafor"));
        // a given name the article writes only before an initial and a surname
        let text = "\"We were not happy,\" said Jock A. Okafor, head of policy.";
        assert_eq!(clean("Jock", text), person("Jock A. Okafor"));
        // not a given name written alone too
        let text = "Jock A. Okafor spoke. Later, Jock left.";
        assert_eq!(clean("Jock", text), person("Jock"));
    }

    #[test]
    fn a_sentence_adverb_opens_no_full_name() {
        // `Interestingly Okafor` does not stand beside `Ann Okafor` as another person
        let text = "The rise of Ann Okafor was fast. Interestingly Okafor, a banker, led. \
                    Okafor stayed.";
        assert_eq!(clean("Okafor", text), person("Ann Okafor"));
        // `Pres.` is a title
        assert_eq!(
            clean("Pres. Okafor", "Pres. Okafor spoke."),
            person("Okafor")
        );
    }

    #[test]
    fn news_outlets_are_organisations() {
        let text = "The paper ran the story first.";
        assert_eq!(
            clean("Business Insider", text),
            organisation("Business Insider")
        );
        assert_eq!(
            clean("Harbour Plain Dealer", text),
            organisation("Harbour Plain Dealer")
        );
        assert_eq!(kind_of("Daily Beast"), ActorKind::Organisation);
        // an outlet's one word is a person's surname too
        assert_eq!(kind_of("Steve Forbes"), ActorKind::Person);
        assert_eq!(kind_of("Bloomberg"), ActorKind::Person);
        // `The Hill`, also when the sieve left `The` off, but not Anita Hill
        assert_eq!(clean("The Hill", text), organisation("The Hill"));
        let text = "As The Hill reported, the vote slipped.";
        assert_eq!(clean("Hill", text), organisation("The Hill"));
        let text = "Anita Hill spoke at noon. Hill said the vote slipped.";
        assert_eq!(clean("Hill", text), person("Anita Hill"));
    }

    #[test]
    fn descriptions_before_a_name_come_off() {
        let text = "Nothing here.";
        for (raw, name) in [
            ("Senate Minority Leader Harry M. Reid", "Harry M. Reid"),
            ("Clinton Senior Adviser Mara Coll", "Mara Coll"),
            ("Actress Lena Ortiz", "Lena Ortiz"),
            ("Texas-based Ivo Penn", "Ivo Penn"),
            ("Florida Rick Dorn", "Rick Dorn"),
            ("Sens Ann Roe", "Ann Roe"),
            ("Longtime Ann Roe", "Ann Roe"),
            ("Senators Roe", "Roe"),
            ("Facebook/Ann Roe", "Ann Roe"),
        ] {
            assert_eq!(clean(raw, text), person(name), "{raw}");
        }
        for raw in [
            "Atlantic City Mayor",
            "Founding Fathers",
            "Trump-style",
            "Latinos Feel",
        ] {
            assert_eq!(clean(raw, text), None, "{raw}");
        }
        // a given name left after a title: the full name the article writes
        let text = "Agriculture Secretary Tom Vale spoke. Vale Farms grew.";
        assert_eq!(clean("Agriculture Secretary Tom", text), person("Tom Vale"));
    }

    #[test]
    fn a_book_title_in_quotation_marks_completes_no_name() {
        let text = "He wrote \"The Real Ivo Penn.\" Penn, he said, was kind.";
        assert_eq!(clean("Ivo Penn", text), person("Ivo Penn"));
    }

    #[test]
    fn suffixes_and_particles_stay() {
        let text = "Joseph F. Dunford Jr. spoke. Bill de Blasio spoke.";
        assert_eq!(
            clean("F. Dunford Jr", text),
            person("Joseph F. Dunford Jr.")
        );
        assert_eq!(clean("de Blasio", text), person("Bill de Blasio"));
    }

    fn site(found: &[(&str, usize)]) -> SiteNames {
        SiteNames::new([], found.iter().copied())
    }

    #[test]
    fn one_person_under_the_most_used_full_name() {
        let names = site(&[("Donald Trump", 9), ("Donald J. Trump", 2), ("Trump", 3)]);
        assert_eq!(names.canonical("Donald J. Trump"), Some("Donald Trump"));
        assert_eq!(names.canonical("Trump"), Some("Donald Trump"));
        assert_eq!(names.canonical("Donald Trump"), None);
    }

    #[test]
    fn of_names_used_as_often_the_fuller_leads() {
        let names = site(&[("Ann Roe", 2), ("Ann B. Roe", 2)]);
        assert_eq!(names.canonical("Ann Roe"), Some("Ann B. Roe"));
    }

    #[test]
    fn two_people_of_one_surname_keep_the_surname_apart() {
        let names = site(&[
            ("Hillary Clinton", 9),
            ("Bill Clinton", 4),
            ("Clinton", 3),
            ("Hillary Rodham Clinton", 1),
        ]);
        assert_eq!(names.canonical("Clinton"), None);
        assert_eq!(names.canonical("Bill Clinton"), None);
        assert_eq!(
            names.canonical("Hillary Rodham Clinton"),
            Some("Hillary Clinton")
        );
    }

    #[test]
    fn a_surname_alone_joins_the_one_bearer_the_site_quotes_far_more() {
        let names = site(&[("Ann Okafor", 40), ("Tom Okafor", 2), ("Okafor", 5)]);
        assert_eq!(names.canonical("Okafor"), Some("Ann Okafor"));
        // two bearers quoted alike keep it apart
        let names = site(&[("Ann Okafor", 40), ("Tom Okafor", 9), ("Okafor", 5)]);
        assert_eq!(names.canonical("Okafor"), None);
    }

    #[test]
    fn a_name_cut_on_the_left_joins_the_one_it_ends() {
        let names = site(&[
            ("Rodham Clinton", 7),
            ("Hillary Clinton", 20),
            ("Hillary Rodham Clinton", 1),
            ("Bill Clinton", 3),
        ]);
        assert_eq!(names.canonical("Rodham Clinton"), Some("Hillary Clinton"));
        let names = site(&[("Lee Roe", 2), ("Ann Lee Roe", 1), ("Tom Lee Roe", 1)]);
        assert_eq!(names.canonical("Lee Roe"), None);
        // a word glued on the left: the more used name it ends
        let names = site(&[("Ted Cruz", 9), ("Using Ted Cruz", 1)]);
        assert_eq!(names.canonical("Using Ted Cruz"), Some("Ted Cruz"));
    }

    #[test]
    fn a_son_of_the_same_name_is_another_person() {
        let names = site(&[("Donald Trump", 9), ("Donald Trump Jr.", 2)]);
        assert_eq!(names.canonical("Donald Trump Jr."), None);
    }

    #[test]
    fn the_registry_name_leads_and_a_nickname_keeps_its_own_actor() {
        let names = SiteNames::new(["William Hart"], [("William J. Hart", 5), ("Hart", 2)]);
        assert_eq!(names.canonical("William J. Hart"), Some("William Hart"));
        assert_eq!(names.canonical("Hart"), Some("William Hart"));
        // `Gary` may be short for `Garrett`, or another man
        let names = site(&[("Gary Roe", 9), ("Garrett Roe", 1)]);
        assert_eq!(names.canonical("Garrett Roe"), None);
    }

    #[test]
    fn a_formal_name_and_its_everyday_form_are_one_person() {
        let names = site(&[("Joe Biden", 9), ("Joseph R. Biden Jr.", 3)]);
        assert_eq!(names.canonical("Joseph R. Biden Jr."), Some("Joe Biden"));
        let names = site(&[("Edward G. Rendell", 5), ("Ed Rendell", 2)]);
        assert_eq!(names.canonical("Ed Rendell"), Some("Edward G. Rendell"));
        // the same given name written out is no everyday form: father and son
        let names = site(&[("Donald Trump", 9), ("Donald J. Trump Jr.", 2)]);
        assert_eq!(names.canonical("Donald J. Trump Jr."), None);
        // with no middle name, a nickname may be another man
        let names = site(&[("Gary Roe", 9), ("Garrett Roe", 1)]);
        assert_eq!(names.canonical("Garrett Roe"), None);
    }

    #[test]
    fn a_given_name_alone_names_no_one() {
        let names = site(&[
            ("Hillary Clinton", 9),
            ("Bill Clinton", 3),
            ("Hillary", 1),
            ("Bob Roe", 2),
            ("Bob Doe", 2),
            ("Bob", 1),
            ("Maddow", 2),
        ]);
        // (it may be the one Hillary; or a surname written first, `Mr. Lou` of `Lou Jiwei`)
        assert_eq!(names.canonical("Hillary"), None);
        assert!(!names.names_someone("Hillary"));
        assert!(!names.names_someone("Bob"));
        // a surname alone, or a given name of no one here, stays someone
        assert!(names.names_someone("Roe"));
        assert!(names.names_someone("Maddow"));
        assert!(names.names_someone("Bob Roe"));
    }

    #[test]
    fn an_initial_that_fits_two_people_joins_neither() {
        let names = site(&[("Ann Roe", 3), ("Alan Roe", 3), ("A. Roe", 1)]);
        assert_eq!(names.canonical("A. Roe"), None);
    }

    #[test]
    fn organisations_are_not_joined_by_their_last_word() {
        let names = site(&[("Washington Post", 3), ("Post", 1), ("Emily Post", 2)]);
        assert_eq!(names.canonical("Post"), Some("Emily Post"));
        assert_eq!(names.canonical("Washington Post"), None);
    }
}
