//! Phrases around a quotation: names, noun phrases, subjects and objects of reporting verbs.

use super::*;

impl<'a> Para<'a> {
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Word).then(|| &self.text[t.start..t.end])
    }

    /// Whether the capitalised words before `colon` are a byline, `by Times' Ada Roe:`: the
    /// author of the piece a roundup has just named, whose excerpt follows, not a speaker.
    pub(super) fn byline_before(&self, colon: usize) -> bool {
        for k in (colon.saturating_sub(7)..colon).rev() {
            match self.word(k) {
                Some("by") => return k + 1 < colon,
                Some(w) if w.starts_with(char::is_uppercase) || w == "the" => {}
                Some(_) => return false,
                None if self.is_punct(k, &['\'', '\u{2019}', '.']) => {}
                None => return false,
            }
        }
        false
    }

    pub(super) fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        matches!(self.toks.get(i), Some(Tok { kind: TokKind::Punct(c), .. }) if chars.contains(c))
    }

    /// The registry hit that ends inside token `i`.
    pub(super) fn hit_ending_in(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        // hits are sorted and never overlap: their ends are sorted too
        let k = self.hits.partition_point(|h| h.end <= t.start);
        self.hits.get(k).filter(|h| h.end <= t.end).copied()
    }

    /// The registry hit that starts inside token `i`.
    pub(super) fn hit_starting_in(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let k = self.hits.partition_point(|h| h.start < t.start);
        self.hits.get(k).filter(|h| h.start < t.end).copied()
    }

    /// The byte where the sentence holding byte `b` ends.
    pub(super) fn sentence_end(&self, b: usize) -> usize {
        let t = self.tok_at(b);
        let Some(&s) = self.sent.get(t) else {
            return b;
        };
        let last = self.sent.partition_point(|&x| x <= s);
        self.toks.get(last.saturating_sub(1)).map_or(b, |t| t.end)
    }

    /// Index of the token that contains byte `b` (or the next one).
    pub(super) fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.end <= b)
    }

    /// The pronoun at token `i` as a candidate.
    pub(super) fn pronoun(&self, i: usize) -> Cand {
        let female = self
            .word(i)
            .is_some_and(|w| matches!(w, "she" | "She" | "her" | "Her"));
        Cand::Pronoun {
            pos: self.toks[i].start,
            female,
        }
    }

    /// `is_not_name` for the word `w` of this article: no name, unless the article writes it
    /// as a surname (`Al From`).
    pub(super) fn not_name(&self, w: &str) -> bool {
        is_not_name(w) && !self.surnames.contains(&w)
    }

    pub(super) fn slice(&self, from: usize, to: usize) -> String {
        self.text[self.toks[from].start..self.toks[to].end].to_string()
    }

    /// A name running leftwards from token `i` (capitalised words, particles, initials; at most
    /// two capitalised words; stops at titles): `spokesperson Peter Cook` -> `Peter Cook`.
    /// An organisation's name may run to four words, titles and a plural possessive
    /// included: `Tessarian Trawler Federation`, `Sarrow Fishermen's Association`.
    pub(super) fn name_left(&self, i: usize) -> Option<(String, usize)> {
        let w = self.word(i)?;
        let w0 = strip_possessive(w);
        // (a suffix in capitals ends a name: "Brent Bozell III")
        if !starts_upper(w0) || self.not_name(w0) || (all_caps(w0) && !is_name_suffix(w0)) {
            return None;
        }
        // an initial never ends a name: "Carlton W. Reeves"
        if w0.chars().count() == 1 && self.is_punct(i + 1, &['.']) {
            return None;
        }
        // a name made an adjective: "a Roe-style retort", "the Doe-era rules" (not
        // "Hans-Peter", "Ocasio-Cortez")
        if w0
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
        {
            return None;
        }
        // "the White House said": the president's office, though both words are titles
        // elsewhere ("White House Press Secretary Jon Doe"); only right before a verb
        // ("the slaves who built the White House, …" is the building)
        if w0 == "House"
            && i >= 2
            && self
                .word(i + 1)
                .is_some_and(|x| x.starts_with(char::is_lowercase))
            && self.word(i - 1) == Some("White")
            && self
                .word(i - 2)
                .is_some_and(|x| x.eq_ignore_ascii_case("the"))
        {
            return Some(("White House".to_string(), i - 1));
        }
        // a title word is a surname after an honorific or a first name: "Mr. King",
        // "Pete King", "Matthew Prince"; not "the President", "Foreign Minister"
        // (unless the article wrote it as someone's surname: "Pete King ... King said")
        let title = is_title(w0) && !self.surnames.contains(&w0);
        if title
            && !i
                .checked_sub(1)
                .and_then(|k| self.word(k))
                .is_some_and(|x| {
                    is_honorific(x)
                        || (starts_upper(x) && !is_title(x) && !is_not_name(x) && !all_caps(x))
                })
            // or after an initial: "Peter T. King"
            && !(i >= 2
                && self.is_punct(i - 1, &['.'])
                && self
                    .word(i - 2)
                    .is_some_and(|x| x.chars().count() == 1 && starts_upper(x)))
        {
            return None;
        }
        // (decided only when a name runs past two words: most do not)
        let mut org: Option<bool> = None;
        let mut is_org = || *org.get_or_insert_with(|| is_organisation_noun(w0));
        let mut j = i;
        // a suffix is not one of the two capitalised words: "Joseph Biden Jr."
        let mut caps = usize::from(!is_name_suffix(w0));
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
            // initials written together: "G.K. Butterfield"
            if is_joined_initials(x) {
                j = k;
                continue;
            }
            // an acronym opens an outlet's name: "CBS News", "NBC Nightly" (one word after it)
            if caps == 1
                && all_caps(x)
                && (2..=5).contains(&x.len())
                && x.chars().all(|c| c.is_ascii_uppercase())
                && !is_title(x)
                && !is_name_suffix(x)
                && !self.not_name(x)
                && self.is_outlet_word(w0)
            {
                caps += 1;
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
        // campaign group Clean Air Vessen" (people's names take no article; a title says a
        // person's follows: "the party convention Sen. Elena Varga said")
        if caps == 2 && j >= 2 && self.word(j - 1).is_some_and(starts_upper) {
            let mut k = j - 1;
            while k > 0
                && j - k < 3
                && self.hit_ending_in(k).is_none()
                && self.word(k).is_some_and(|x| {
                    starts_upper(x) && !is_not_name(x) && !is_possessive(x) && !is_title(x)
                })
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

    /// The word an outlet's name ends with after an acronym: `CBS News`, `NPR Radio`.
    pub(super) fn is_outlet_word(&self, w: &str) -> bool {
        matches!(
            w,
            "News" | "Radio" | "Television" | "Politics" | "Online" | "Network" | "Channel"
        )
    }

    /// In a headline: the name ending at token `i`, read leftwards over at most two
    /// capitalised words (initials apart), after any title (`OK Gov Fallin` -> `Fallin`,
    /// `Dr. Ben Carson` -> `Ben Carson`); not a possessive (`Roe's Plan`). Returns the name
    /// and its first token.
    pub(super) fn headline_name_left(&self, i: usize) -> Option<(Cand, usize)> {
        if let Some(h) = self.hit_ending_in(i) {
            return Some((Cand::Actor(actor_of(h.target)), self.tok_at(h.start)));
        }
        let w = self.word(i)?;
        if !starts_upper(w) || is_possessive(w) || is_not_name(w) || is_title(w) {
            return None;
        }
        let mut j = i;
        let mut caps = 1;
        while j > 0 && caps < 2 {
            let Some(x) = self.word(j - 1) else { break };
            if !starts_upper(x) || is_not_name(x) || is_title(x) || is_possessive(x) {
                break;
            }
            if x.trim_end_matches('.').chars().count() > 1 {
                caps += 1;
            }
            j -= 1;
        }
        // "The Levy Is 'Q'": a thing, not a speaker
        if j.checked_sub(1)
            .and_then(|b| self.word(b))
            .is_some_and(|b| matches!(b, "The" | "the" | "A" | "a" | "An" | "an"))
        {
            return None;
        }
        let s = &self.text[self.toks[j].start..self.toks[i].end];
        Some((Cand::Named(s.to_string()), j))
    }

    /// True when the word before token `first` is a preposition of place: a name there is a
    /// place in a phrase, not a subject ("A sign at Vester Quay said").
    pub(super) fn after_preposition(&self, first: usize) -> bool {
        first
            .checked_sub(1)
            .and_then(|b| self.word(b))
            .is_some_and(is_place_preposition)
    }

    /// A name running rightwards from token `j`, after any titles.
    pub(super) fn name_right(&self, j: usize) -> Option<(Cand, usize)> {
        let mut k = j;
        // (a title with no name after it is the name: "said Mr. King")
        while self.word(k).is_some_and(|w| is_title(w) && starts_upper(w))
            && self.word(k + 1).is_some_and(starts_upper)
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
        if !starts_upper(w) || self.not_name(w) {
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
            // a title inside the run starts the name again: "UC-AFT President Bob Samuels"
            if is_title(x) && !is_honorific(x) && self.word(n + 1).is_some_and(starts_upper) {
                k = n + 1;
                end = n + 1;
                caps = 1;
                continue;
            }
            // a long proper description before a title and a name: "said East Lisle Harbour
            // Workers Union Chairman Jonas Brandt"
            if caps >= 3
                && starts_upper(x)
                && let Some(t) = (n..n + 5)
                    .take_while(|&m| self.word(m).is_some_and(starts_upper))
                    .find(|&m| {
                        self.word(m)
                            .is_some_and(|y| is_title(y) && !is_honorific(y))
                            && self.word(m + 1).is_some_and(starts_upper)
                    })
            {
                k = t + 1;
                end = t + 1;
                caps = 1;
                continue;
            }
            if (caps < 3 || is_name_suffix(x)) && starts_upper(x) && !self.not_name(x) {
                // initials and suffixes are not among the three: "Harold T. Brenner Jr."
                if x.chars().count() > 1 && !is_name_suffix(x) {
                    caps += 1;
                }
                end = n;
                if is_possessive(x) {
                    break;
                }
                continue;
            }
            break;
        }
        // a proper adjective or a name that only qualifies a description before the name:
        // "said Democratic pollster Stan Greenberg", "said Huckabee campaign spokesman Hogan
        // Gidley", "said Clinton's top aide Jake Sullivan"
        if let Some(found) = self.described_name_after(end) {
            return Some(found);
        }
        let s = &self.text[self.toks[k].start..self.toks[end].end];
        Some((Cand::Named(strip_possessive(s).to_string()), end))
    }

    /// After a capitalised word at `end`, up to five lower-case words of description and then
    /// a name of two or more words: that name.
    pub(super) fn described_name_after(&self, end: usize) -> Option<(Cand, usize)> {
        let mut m = end + 1;
        while m <= end + 5
            && self.word(m).is_some_and(|x| {
                !starts_upper(x)
                    && x.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !is_stop_word(x)
                    && !is_name_particle(x)
                    && reporting_verb(x).is_none()
            })
        {
            m += 1;
        }
        if m == end + 1 || !self.word(m).is_some_and(starts_upper) {
            return None;
        }
        let (c, e) = self.name_right(m)?;
        match &c {
            Cand::Named(n) if n.contains(' ') => Some((c, e)),
            Cand::Actor(_) => Some((c, e)),
            _ => None,
        }
    }

    /// [`Para::described_name_after`] when the words between name a role (`Roe campaign
    /// manager Jon Doe`, `Roe speechwriter Jon Doe`, `Roe advisers like Jon Doe`), not when
    /// they may be a verb and its object (`Roe endorsed Jon Doe`).
    pub(super) fn role_name_after(&self, end: usize) -> Option<(Cand, usize)> {
        let (c, e) = self.described_name_after(end)?;
        let between = (end + 1..e)
            .map_while(|k| self.word(k))
            .take_while(|w| !starts_upper(w));
        let mut role = false;
        for w in between {
            if w.ends_with("ed") || w.ends_with("ly") {
                return None;
            }
            role |= is_title(w)
                || is_anonymous_head(w)
                || w.ends_with("writer")
                || matches!(
                    w,
                    "manager" | "strategist" | "pollster" | "director" | "chief" | "counsel"
                );
        }
        role.then_some((c, e))
    }

    /// An anonymous description ending at its head noun `i`: `a senior State Department official`.
    pub(super) fn anon_left(&self, i: usize) -> Option<(Cand, usize)> {
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
                    // a clause's opener is no part of the description after it:
                    // `What officials called a "deal" ...` is the officials' word
                    | "what"
                    | "which"
                    | "whose"
                    | "when"
                    | "while"
                    | "because"
                    | "if"
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
    pub(super) fn np_ending_at(&self, i: usize) -> Option<(Cand, usize)> {
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
            && (self.word(j).is_some_and(|d| is_indefinite(&lower(d)))
                // a bare plural opening its clause: "Lawyers for Roe said", "Aides to Doe"
                || (j + 2 == first && !is_singular_noun(&head) && self.opens_clause_at(j)))
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
    pub(super) fn employer_after(&self, last: usize) -> Option<usize> {
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

    pub(super) fn np_core(&self, i: usize) -> Option<(Cand, usize)> {
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
        // (a capitalised one after a capitalised word ends a name: "The Washington Post")
        if is_statement_noun(w)
            && !(starts_upper(w)
                && i > 0
                && self
                    .word(i - 1)
                    .is_some_and(|p| starts_upper(p) && !is_possessive(p)))
        {
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
            // an acronym as the subject: "ESPN said", "the FBI's notes said"
            let bare = strip_possessive(w);
            if all_caps(bare)
                && !is_not_name(bare)
                && !is_title(bare)
                && !is_name_suffix(bare)
                && bare.chars().all(char::is_alphabetic)
            {
                return Some((Cand::Named(bare.to_string()), i));
            }
            return self.name_left(i).map(|(n, j)| (Cand::Named(n), j));
        }
        None
    }

    /// The subject of the reporting verb at token `v`: the noun phrase right before it,
    /// after skipping adverbs (`also`, `on Saturday`).
    pub(super) fn subject_before(&self, v: usize) -> Option<(Cand, usize)> {
        let mut i = v.checked_sub(1)?;
        let mut skipped = 0;
        while skipped < 4
            && self.word(i).is_some_and(is_skippable_adverb)
            && self.hit_ending_in(i).is_none()
        {
            i = i.checked_sub(1)?;
            skipped += 1;
        }
        // a party tag between the name and its verb: "Sen. Jane Roe (D-Lisle) said"
        let i = self.before_brackets(i);
        if self.sent[i] != self.sent[v] {
            return None;
        }
        if self.is_punct(i, &[',']) {
            return self.appositive_subject(i);
        }
        // a second verb of the same subject: "Roe referred to Doe as \"Q\" but described …"
        if self.word(i).is_some_and(|w| matches!(w, "but" | "and")) {
            return self.clause_opening_name(i);
        }
        // a relative clause: "Pieter Halvorsen, who has called the plan …"
        if self.word(i) == Some("who") && i > 0 && self.is_punct(i - 1, &[',']) {
            return self.appositive_subject(i - 1);
        }
        let (c, first) = self.np_ending_at(i)?;
        // the hearer of a written statement: in "Roe's email to her supporters notes", the
        // email speaks
        if first >= 2
            && self.word(first - 1) == Some("to")
            && self.word(first - 2).is_some_and(is_statement_noun)
        {
            return self.np_ending_at(first - 2);
        }
        // "Jane Roe of the Lisle Fishing Cooperative said": the person the phrase describes
        if let Some(found) = self.person_before_of(first) {
            return Some(found);
        }
        // "Jane Roe of Lisle, East Harbour says": the region after a town
        if matches!(c, Cand::Named(_))
            && first >= 2
            && self.is_punct(first - 1, &[','])
            && let Some((_, town)) = self.name_left(first - 2)
            && let Some(found) = self.person_before_of(town)
        {
            return Some(found);
        }
        // "Jane Roe, who chairs the Lisle Trust said": a relative clause the writer did not
        // close with a comma
        if let Some(found) = self.unclosed_relative_subject(first) {
            return Some(found);
        }
        // a place in a prepositional phrase is not the subject: "A sign at Vester Quay said"
        if matches!(c, Cand::Named(_)) && self.after_preposition(first) {
            return None;
        }
        // nor the agent of a participle: in "A letter from the union obtained by the Lisle
        // Ledger warns", the Ledger warns of nothing
        let before = first
            .checked_sub(1)
            .filter(|&b| !self.word(b).is_some_and(|w| w.eq_ignore_ascii_case("the")))
            .or_else(|| first.checked_sub(2));
        if matches!(c, Cand::Named(_) | Cand::Actor(_))
            && before.is_some_and(|b| self.word(b) == Some("by"))
        {
            return None;
        }
        // "read" only reports a written statement: "X's statement read"
        if self.word(v) == Some("read") && !self.word(i).is_some_and(is_statement_noun) {
            return None;
        }
        Some((c, first))
    }

    /// The name that opens the sentence of token `i` (after a fronted phrase that a comma
    /// ends) and stands right before a lower-case word, as the subject of its first verb.
    pub(super) fn clause_opening_name(&self, i: usize) -> Option<(Cand, usize)> {
        let s = self.sent[i];
        let start = self.sent.partition_point(|&x| x < s);
        let mut from = start;
        if let Some(c) = (start..i).find(|&k| self.is_punct(k, &[','])) {
            if self.word(start).is_some_and(|w| lowered(w, opens_clause)) {
                from = c + 1;
                // a relative clause closing the fronted phrase: "Speaking in Lisle, which
                // votes next, Roe praised … but said"
                if self
                    .word(from)
                    .is_some_and(|w| matches!(w, "which" | "where" | "who" | "whose"))
                    && let Some(c2) = (from + 1..i).find(|&k| self.is_punct(k, &[',']))
                {
                    from = c2 + 1;
                }
            } else if c < start + 2 {
                return None;
            }
        }
        // (the first word before a verb: "Republican candidate Jane Roe said … and said")
        let k = (from..i).find(|&k| {
            self.word(k + 1).is_some_and(|x| {
                x.chars().all(|c| c.is_lowercase())
                    && (reporting_verb(x) == Some(VerbForm::Finite)
                        || (x.len() > 4 && x.ends_with("ed"))
                        || matches!(x, "has" | "had" | "was" | "is" | "also"))
            })
        })?;
        if let Some(h) = self.hit_ending_in(k) {
            return Some((Cand::Actor(actor_of(h.target)), self.tok_at(h.start)));
        }
        if self.word(k).is_some_and(is_person_pronoun) {
            return Some((self.pronoun(k), k));
        }
        if let Some((n, f)) = self.name_left(k)
            && (f == from || self.opens_clause_at(f))
        {
            return Some((Cand::Named(n), f));
        }
        // an unnamed source described by its employer: "A spokesman for the Lisle Trust
        // declined to comment on the vote but said …"
        self.np_ending_at(k)
            .filter(|(c, f)| *f == from && matches!(c, Cand::Anon { .. }))
    }

    /// `Jane Roe of East Lisle`, `Jon Wick of the Centre for Harbour Studies`: when the name
    /// at token `first` stands after `of` (`for`, `at`, `with`, with any article) and a
    /// person's full name opens the phrase before it, that person (over up to three such
    /// links: `Ann Berg of the Institute for Studies of Ports`). An institution's own name
    /// (`Bank of Lisle`, one word before `of`) is no person.
    pub(super) fn person_before_of(&self, first: usize) -> Option<(Cand, usize)> {
        let mut at = first;
        for _ in 0..3 {
            let mut p = at.checked_sub(1)?;
            if self.word(p).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                p = p.checked_sub(1)?;
            }
            if !self
                .word(p)
                .is_some_and(|w| matches!(w, "of" | "for" | "at" | "with"))
            {
                return None;
            }
            let before = p.checked_sub(1)?;
            if self.sent[before] != self.sent[first] {
                return None;
            }
            if let Some(h) = self.hit_ending_in(before) {
                let i = actor_of(h.target);
                let start = self.tok_at(h.start);
                // (a registry organisation too: "the Harbor Council of Lisle said")
                if self.opens_clause_at(start) {
                    return Some((Cand::Actor(i), start));
                }
                at = start;
                continue;
            }
            let (n, f) = self.name_left(before)?;
            let person = n.contains(' ')
                && !n.rsplit(' ').next().is_some_and(is_organisation_noun)
                && !self
                    .word(f.wrapping_sub(1))
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"));
            if person && self.opens_clause_at(f) {
                return Some((Cand::Named(n), f));
            }
            at = f;
        }
        None
    }

    /// `Jane Roe, who chairs the Lisle Trust said`: the words from token `first` back to
    /// `, who` (or `, whose`) hold no punctuation, and a name stands before the comma.
    pub(super) fn unclosed_relative_subject(&self, first: usize) -> Option<(Cand, usize)> {
        let mut k = first;
        for _ in 0..14 {
            k = k.checked_sub(1)?;
            if self.sent[k] != self.sent[first] {
                return None;
            }
            let w = self.word(k)?;
            if matches!(w, "who" | "whose") {
                if !self.is_punct(k.checked_sub(1)?, &[',']) {
                    return None;
                }
                let (c, f) = self.np_ending_at(k.checked_sub(2)?)?;
                return (matches!(c, Cand::Named(_) | Cand::Actor(_)) && self.opens_clause_at(f))
                    .then_some((c, f));
            }
        }
        None
    }

    /// `Okonkwo, 52, told`, `Strand, the prime minister, said`, `His spokeswoman, Clara Nyberg,
    /// said`, `A council official, who asked not to be named, said`: the comma at `c` closes an
    /// appositive. A name inside it wins; else the noun phrase before it; else the appositive.
    /// The token before a bracketed aside that ends at token `k` (`Rep. Zoe Lofgren
    /// (D-Calif.)` -> `Lofgren`), else `k` itself.
    pub(super) fn before_brackets(&self, k: usize) -> usize {
        if !self.is_punct(k, &[')']) {
            return k;
        }
        (k.saturating_sub(10)..k)
            .rev()
            .take_while(|&m| self.sent[m] == self.sent[k])
            .find(|&m| self.is_punct(m, &['(']))
            .and_then(|m| m.checked_sub(1))
            .unwrap_or(k)
    }

    pub(super) fn appositive_subject(&self, c: usize) -> Option<(Cand, usize)> {
        if let Some(found) = self.opening_name(c) {
            return Some(found);
        }
        // (a relative clause may be long: "A senior official, who asked not to be named
        // because she was not authorised to speak to the media, told us")
        let from = c.saturating_sub(24);
        let open = (from..c)
            .rev()
            .find(|&k| self.is_punct(k, &[',']) && self.sent[k] == self.sent[c])
            .filter(|&o| (o + 1..c).all(|k| !matches!(self.toks[k].kind, TokKind::Quote(_))));
        let before_open = || {
            open.and_then(|o| o.checked_sub(1))
                .and_then(|k| self.np_ending_at(self.before_brackets(k)))
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

    /// `Rep. Jane Doe, a California Democrat, said`, `Purner, 67, a retired teacher in
    /// Allentown, Pa., said`: before the comma at `c`, the name that opens the phrase, however
    /// many commas and capitals its description holds: the leftmost name or registry actor
    /// that stands right before a comma and opens its clause.
    pub(super) fn opening_name(&self, c: usize) -> Option<(Cand, usize)> {
        let s = self.sent[c];
        let from = c.saturating_sub(40);
        let mut commas: Vec<usize> = Vec::new();
        let mut k = c;
        while k > from {
            k -= 1;
            if self.sent[k] != s || matches!(self.toks[k].kind, TokKind::Quote(_)) {
                break;
            }
            if self.is_punct(k, &[',']) {
                commas.push(k);
            }
        }
        commas.iter().rev().find_map(|&o| {
            let (cand, first) = self.np_ending_at(self.before_brackets(o.checked_sub(1)?))?;
            if !matches!(cand, Cand::Named(_) | Cand::Actor(_)) {
                return None;
            }
            if self.opens_clause_at(first) {
                return Some((cand, first));
            }
            // a name of three words ("Ana Maria Roe, the editor of the Ledger, said"): the
            // given name before the two read opens the clause
            let Cand::Named(n) = &cand else { return None };
            let given = first.checked_sub(1)?;
            let w = self.word(given)?;
            (starts_upper(w)
                && !all_caps(w)
                && !is_title(w)
                && !is_possessive(w)
                && !self.not_name(w)
                && self.opens_clause_at(given))
            .then(|| (Cand::Named(format!("{w} {n}")), given))
        })
    }

    /// True when the noun phrase whose name starts at token `first` opens its clause: only
    /// titles and lower-case descriptors (`Pentagon spokesman`, `Sen.`) stand between it and
    /// the start of the paragraph, the sentence, a quotation, a comma or a colon.
    pub(super) fn opens_clause_at(&self, first: usize) -> bool {
        let mut k = first;
        // (six words: "Justice Department senior trial counsel Jane Roe")
        for _ in 0..6 {
            let Some(b) = k.checked_sub(1) else {
                return true;
            };
            if self.sent[b] != self.sent[first] {
                return true;
            }
            match self.toks[b].kind {
                TokKind::Quote(_) => return true,
                TokKind::Punct(p) => return matches!(p, ',' | ':' | '—' | '–' | '(' | ';'),
                TokKind::Word => {
                    let w = self.word(b).unwrap_or_default();
                    // a subordinate clause that opens the sentence: "As Jane Roe, an expert on
                    // tides at the Lisle Institute, noted, \"Q\"" (its subject is the name)
                    if lowered(w, is_subordinator) {
                        // (any conjunction but `as`, which is a preposition too: "such as
                        // Jane Roe", "as Jane Roe's aide"; "shown Monday when Jane Roe of
                        // Lisle spoke": the clause is hers)
                        return !w.eq_ignore_ascii_case("as") || self.opens_clause_at(b);
                    }
                    // (proper adjectives before a lower-case descriptor too: "Republican
                    // candidate Jane Roe", "Harbour Party candidate Jon Doe")
                    let descriptor = if starts_upper(w) {
                        is_title(w)
                            || is_honorific(w)
                            || all_caps(w)
                            || is_possessive(w)
                            || (b + 1..first)
                                .any(|m| self.word(m).is_some_and(|x| !starts_upper(x)))
                    } else {
                        !lowered(w, is_stop_word) && reporting_verb(w).is_none()
                    };
                    if !descriptor {
                        return false;
                    }
                    k = b;
                }
            }
        }
        false
    }

    /// The speaker after the verb at token `v`: `said X`, `said a statement of X`,
    /// `quoted X as saying`, `according to X`.
    pub(super) fn object_after(&self, v: usize) -> Option<(Cand, usize)> {
        let (c, end) = self.object_np(v)?;
        // a name in apposition names the speaker the noun phrase describes: "said one
        // resident, 81-year-old Ilse Marr", "said the council's chief executive, Mia Lund"
        // (a name's possessive too: "exhorted Roe's introducer, actress Jane Doe")
        let possessive_hit = matches!(c, Cand::Actor(_) | Cand::Named(_))
            && self.word(end).is_some_and(is_possessive);
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
    pub(super) fn appositive_name_after(&self, e: usize) -> Option<(Cand, usize)> {
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
        // a descriptor before it: "actress Ilse Marr", "former aide Jon Doe"
        let mut d = k;
        while d < k + 3
            && self.word(d).is_some_and(|w| {
                w.chars().all(char::is_lowercase) && !is_stop_word(w) && reporting_verb(w).is_none()
            })
        {
            d += 1;
        }
        if d > k && self.word(d).is_some_and(starts_upper) {
            k = d;
        }
        let (c, end) = self.name_right(k)?;
        let closes = end + 1 >= self.toks.len()
            || self.sent[end + 1] != self.sent[end]
            || self.is_punct(end + 1, &['.', ',', ';', ':']);
        closes.then_some((c, end))
    }

    /// The noun phrase right after the verb at token `v` (see [`Para::object_after`]).
    pub(super) fn object_np(&self, v: usize) -> Option<(Cand, usize)> {
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
                if ends_phrase(&lx)
                    || matches!(lx.as_str(), "speaking" | "familiar")
                    || reporting_verb(x).is_some()
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
            // "according to The Federalist", "said the Harbour Trust": a proper name after
            // the article is an institution's
            if lw == "the"
                && let Some(x) = self.word(j + 1)
                && starts_upper(x)
                && !is_title(x)
                && let Some((c @ Cand::Named(_), e)) = self.name_right(j + 1)
            {
                return Some((c, e));
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
    pub(super) fn org_noun_ref(&self, m: usize) -> Option<(Cand, usize)> {
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
    pub(super) fn according_to(&self, q: usize) -> Option<Cand> {
        self.according_to_at(q).map(|(c, _)| c)
    }

    /// [`Para::according_to`], with the token of `according`.
    ///
    /// What it finds depends on the sentence alone, so each sentence is read once: a long
    /// sentence with many quotations would otherwise be read again for each (quadratic).
    pub(super) fn according_to_at(&self, q: usize) -> Option<(Cand, usize)> {
        let s = self.sent[q];
        let mut memo = self.according.borrow_mut();
        if let Some(found) = memo.get(&s) {
            return found.clone();
        }
        let found = self.according_to_in_sentence(s);
        memo.insert(s, found.clone());
        found
    }

    fn according_to_in_sentence(&self, s: u32) -> Option<(Cand, usize)> {
        let from = self.sent.partition_point(|&x| x < s);
        let to = self.sent.partition_point(|&x| x <= s);
        for k in from..to.saturating_sub(1) {
            if self
                .word(k)
                .is_some_and(|w| w.eq_ignore_ascii_case("according"))
                && self.word(k + 1) == Some("to")
            {
                if let Some((c, _)) = self.object_after(k + 1) {
                    return Some((c, k));
                }
                // a news agency, never a person's name, is still a source: "according to
                // Reuters."
                if let Some(w) = self.word(k + 2)
                    && matches!(w, "Reuters" | "AFP" | "AP")
                    && self.word(k + 3).is_none_or(|x| !starts_upper(x))
                {
                    return Some((Cand::Named(w.to_string()), k));
                }
            }
        }
        None
    }

    /// True when the verb at `v` introduces what follows (`said:`, `told reporters: "…"`).
    pub(super) fn introduces_next(&self, v: usize) -> bool {
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

/// Conjunctions that open a subordinate clause whose subject follows them: `As Roe noted`,
/// `While Doe, a farmer, agreed`.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "as" | "while" | "when" | "though" | "although" | "because" | "since" | "once" | "whereas"
    )
}
