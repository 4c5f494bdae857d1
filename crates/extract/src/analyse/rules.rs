//! The sieve's rules that find a candidate speaker in the text around one quotation, and
//! the classification of a quotation as quote, partial or fragment.

use super::*;

/// Which sieve rule found a candidate.
pub(super) type Found = (Cand, &'static str);

/// Rules 1 and 3: the attribution right after the quotation token `qt`.
pub(super) fn after_rule(pa: &Para, qt: usize, comma_style: bool) -> Option<Found> {
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
    if pa.reports_after_quote(j) {
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
    // (room for a long appositive: "\"Q,\" Jane Roe, 67, a retired teacher in Allentown, Pa., said")
    for v in j + 1..n.min(j + 40) {
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
        if pa.reports_after_quote(v) {
            // "\"Q,\" since so many cases were close, said Lee Roe": the verb's object,
            // after a clause that carries the quotation on
            let object = || {
                (comma_style && pa.is_punct(v - 1, &[',']))
                    .then(|| pa.object_after(v))
                    .flatten()
                    .filter(|(c, _)| matches!(c, Cand::Named(_) | Cand::Actor(_)))
                    .map(|(c, _)| (c, "after: quote, clause, verb speaker"))
            };
            // "…for the harbour, said Jonas Brandt": after a comma the verb comes first, and
            // a name right after it is its subject (not after a verb that takes a hearer:
            // "Roe, 69, told MSNBC")
            if pa.is_punct(v - 1, &[','])
                && pa.word(v + 1).is_some_and(starts_upper)
                && !takes_hearer(vw)
                && let Some(found) = object()
            {
                return Some(found);
            }
            let Some((c, first)) = pa.subject_before(v) else {
                return object();
            };
            // the subject starts the attribution, or is named in an appositive right after
            // the words that start it: "Q," Brecht's spokeswoman, Petra Lindahl, told reporters
            // (a sign inside a name counts as a word: "Fight for $15 organiser Ann Roe told")
            let words = |a: usize, b: usize| {
                (a..b).all(|k| {
                    pa.toks[k].kind == TokKind::Word || pa.is_punct(k, &['$', '%', '&', '#'])
                })
            };
            let appositive = first > j + 1 && pa.is_punct(first - 1, &[',']) && words(j, first - 1);
            // (only descriptors and titles before the subject: in "\"Q\" and Doe says", Doe
            // starts a clause of its own)
            let conjunction = (j..first).any(|k| {
                pa.word(k).is_some_and(|w| {
                    matches!(
                        w,
                        "and"
                            | "but"
                            | "or"
                            | "while"
                            | "whereas"
                            | "because"
                            | "when"
                            | "until"
                            | "unless"
                            | "although"
                            | "though"
                    )
                })
            });
            // (a name after a preposition is not the subject: in "\"Q,\" one of the lawyers
            // for Jonas Brandt said", Brandt did not say it)
            let object_of_preposition = first > j
                && !appositive
                && pa.word(first - 1).is_some_and(|w| {
                    matches!(w, "for" | "of" | "to" | "with" | "by" | "against" | "about")
                });
            // two people who wrote it together: the first named ("\"Q,\" Ann Roe and Jon Doe
            // wrote")
            if conjunction
                && first >= j + 2
                && pa.word(first - 1) == Some("and")
                && matches!(c, Cand::Named(_) | Cand::Actor(_))
                && let Some((n, f)) = pa.name_left(first - 2)
                && f == j
                && !pa.introduces_next(v)
            {
                let c = match pa.hit_ending_in(first - 2) {
                    Some(h) => Cand::Actor(actor_of(h.target)),
                    None => Cand::Named(n),
                };
                return short_ok(v, v).then_some((c, "after: quote, speaker and speaker verb"));
            }
            if first < j || conjunction || object_of_preposition || !(words(j, first) || appositive)
            {
                return object();
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

/// `told MSNBC`, `asked Roe`: verbs of speech whose object is the hearer, not the speaker.
/// `said Roe, whose book features "Q"`, `said Doe, a plaintiff who waited in an "Q"`: a
/// relative clause between a verb-first speaker and the quotation (tokens `from..qt`) that
/// describes the speaker and says nothing of their words (no verb of saying in it, as in
/// `said Roe, who called it "Q"`).
fn clause_about_speaker(pa: &Para, from: usize, qt: usize) -> bool {
    let Some(rel) = (from..qt).find(|&k| {
        pa.word(k)
            .is_some_and(|w| matches!(w, "who" | "whose" | "which"))
    }) else {
        return false;
    };
    !(rel + 1..qt).any(|k| {
        matches!(pa.toks[k].kind, TokKind::Quote(_))
            || pa.word(k).is_some_and(|w| {
                reporting_verb(w).is_some()
                    || is_characterising_verb(w)
                    || lowered(w, |l| {
                        matches!(
                            l,
                            "calling" | "used" | "uses" | "using" | "referring" | "describing"
                        )
                    })
            })
    })
}

fn takes_hearer(w: &str) -> bool {
    matches!(
        w,
        "told"
            | "tells"
            | "asked"
            | "asks"
            | "informed"
            | "assured"
            | "reminded"
            | "urged"
            | "warned"
            | "promised"
            | "thanked"
            | "congratulated"
    )
}

impl Para<'_> {
    /// `"Q?" Mara Quist, a deckhand from Lisle, said`: a name at token `k` (after any title)
    /// is the subject of a verb of speech later in its sentence, past an appositive.
    pub(super) fn name_then_verb(&self, k: usize) -> bool {
        let s = self.sent[k];
        (k + 1..(k + 30).min(self.toks.len()))
            .take_while(|&v| self.sent[v] == s && !matches!(self.toks[v].kind, TokKind::Quote(_)))
            .find(|&v| self.reports_after_quote(v))
            .and_then(|v| self.subject_before(v))
            .is_some_and(|(_, f)| (k..=k + 3).contains(&f))
    }

    /// A finite reporting verb at token `v`, or one that reports speech only right after a
    /// quotation: `"Q," Roe continued`, `"Q," Doe shot back`, `"Q," Roe went on`.
    pub(super) fn reports_after_quote(&self, v: usize) -> bool {
        let Some(w) = self.word(v) else { return false };
        if reporting_verb(w) == Some(VerbForm::Finite) {
            return !self.passive(v) && !self.nominal(v);
        }
        match w {
            "continued" | "continues" | "pressed" | "started" | "began" | "cracked" | "offered"
            | "reacted" | "agreed" | "agrees" => true,
            "pointed" => self.word(v + 1) == Some("out"),
            "shot" | "fired" | "hit" | "pushed" => self.word(v + 1) == Some("back"),
            "went" | "goes" => self.word(v + 1) == Some("on"),
            _ => false,
        }
    }

    /// `Roe's remarks`, `his comments`, `the reports`: a verb form after a possessive or a
    /// determiner is a noun; so after a proper name used as an adjective behind a
    /// preposition and an article (`After the Lisle attacks, Roe said`; not `"Q," the
    /// Ledger reports`).
    pub(super) fn nominal(&self, v: usize) -> bool {
        let determiner = |b: &str| {
            is_possessive(b)
                || matches!(
                    b,
                    "the"
                        | "The"
                        | "a"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "your"
                        | "these"
                        | "those"
                        | "such"
                )
        };
        let before = |k: usize| k.checked_sub(1).and_then(|b| self.word(b));
        // a plural noun after a name that a number or determiner opens: "22 Roe emails",
        // "his Doe tweets" (the name qualifies the noun; "The FBI notes" stays a verb)
        let counted = |b: &str| {
            b.chars().all(|c| c.is_ascii_digit() || c == ',')
                || matches!(
                    b,
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "many"
                        | "more"
                        | "some"
                        | "his"
                        | "her"
                        | "their"
                        | "these"
                        | "those"
                )
        };
        let plural_noun = self.word(v).is_some_and(|w| {
            matches!(
                w,
                "emails"
                    | "tweets"
                    | "posts"
                    | "notes"
                    | "comments"
                    | "remarks"
                    | "claims"
                    | "texts"
                    | "calls"
                    | "statements"
                    | "letters"
                    | "messages"
            )
        });
        if plural_noun
            && v >= 2
            && before(v).is_some_and(starts_upper)
            && before(v - 1).is_some_and(counted)
        {
            return true;
        }
        before(v).is_some_and(determiner)
            || (v >= 3
                && before(v).is_some_and(starts_upper)
                && before(v - 1).is_some_and(|b| matches!(b, "the" | "a"))
                && before(v - 2).is_some_and(|b| {
                    lowered(b, |x| {
                        matches!(
                            x,
                            "after" | "before" | "since" | "following" | "during" | "amid" | "over"
                        )
                    })
                }))
    }

    /// `Roe was criticized for "Q"`: a passive reporting verb, its subject not the speaker.
    pub(super) fn passive(&self, v: usize) -> bool {
        let Some(w) = self.word(v) else { return false };
        w.ends_with("ed")
            && !matches!(w, "quoted" | "cited")
            && v.checked_sub(1)
                .and_then(|b| self.word(b))
                .is_some_and(|b| {
                    matches!(b, "was" | "were" | "been" | "being" | "is" | "are" | "be")
                })
    }
}

/// `The scheme has been called "strategic ambiguity" by Roe`, `labelled as a "witch hunt" by
/// Democrats`: a passive labelling verb shortly before the quotation, its agent right after.
pub(super) fn passive_label_rule(pa: &Para, qt: usize) -> Option<Found> {
    if pa.word(qt + 1) != Some("by") {
        return None;
    }
    let label = (qt.saturating_sub(4)..qt).find(|&k| {
        pa.sent[k] == pa.sent[qt]
            && pa.word(k).is_some_and(|w| {
                matches!(
                    w,
                    "called"
                        | "labeled"
                        | "labelled"
                        | "dubbed"
                        | "termed"
                        | "branded"
                        | "described"
                )
            })
    })?;
    if !(label + 1..qt).all(|k| {
        pa.word(k)
            .is_some_and(|w| matches!(w, "as" | "a" | "an" | "the"))
    }) {
        return None;
    }
    match pa.name_right(qt + 2)? {
        (c @ (Cand::Named(_) | Cand::Actor(_)), _) => Some((c, "after: quote, by speaker")),
        _ => None,
    }
}

/// `Doe's pledge to be "neutral"`, `Roe's claim that the plan "failed"`: the owner of a noun
/// of speech shortly before the quotation, with no verb of speech between.
pub(super) fn possessive_claim_rule(pa: &Para, qt: usize) -> Option<Found> {
    let s = pa.sent[qt];
    // the quotation inside the phrase: `Roe's "read my lips" pledge`
    if qt > 0
        && pa.sent[qt - 1] == s
        && pa.word(qt + 1).is_some_and(is_claim_noun)
        && let Some(x) = pa.word(qt - 1)
        && is_possessive(x)
    {
        if let Some(h) = pa.hit_ending_in(qt - 1) {
            return Some((Cand::Actor(actor_of(h.target)), "before: X's claim, quote"));
        }
        let (n, _) = pa.name_left(qt - 1)?;
        return Some((Cand::Named(n), "before: X's claim, quote"));
    }
    let stop = qt.saturating_sub(14);
    let mut k = qt;
    while k > stop {
        k -= 1;
        if pa.sent[k] != s || matches!(pa.toks[k].kind, TokKind::Quote(_)) {
            return None;
        }
        let Some(w) = pa.word(k) else { continue };
        // (many of the nouns are verbs too: "pledge", "claim"; a participle of speech gives
        // the quotation to its own clause: "Roe's comments, saying they were \"Q\"")
        if !is_claim_noun(w) {
            if reporting_verb(w).is_some() {
                return None;
            }
            continue;
        }
        // "Roe's comments are \"Q\"": the quotation judges the claim, it is not the claim;
        // but "Roe's claim is that …", "Roe's response was: \"Q\"" give its content
        if pa
            .word(k + 1)
            .is_some_and(|x| matches!(x, "is" | "are" | "was" | "were"))
            && !(pa.word(k + 2) == Some("that") || pa.is_punct(k + 2, &[':', ',']))
        {
            return None;
        }
        // up to two adjectives between the owner and the noun: "Roe's controversial pledge",
        // "Roe's Facebook post"
        let mut m = k;
        for _ in 0..3 {
            m = m.checked_sub(1)?;
            let x = pa.word(m)?;
            if is_possessive(x) {
                if let Some(h) = pa.hit_ending_in(m) {
                    return Some((Cand::Actor(actor_of(h.target)), "before: X's claim, quote"));
                }
                let (n, _) = pa.name_left(m)?;
                return Some((Cand::Named(n), "before: X's claim, quote"));
            }
            if (starts_upper(x) && m + 1 != k) || is_stop_word(x) {
                return None;
            }
        }
        return None;
    }
    None
}

fn is_claim_noun(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "pledge"
            | "promise"
            | "accusation"
            | "suggestion"
            | "assertion"
            | "insistence"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "warning"
            | "dictum"
            | "charge"
            | "vow"
            | "boast"
            | "quip"
            | "retort"
            | "description"
            | "characterization"
            | "characterisation"
            | "declaration"
            | "broadside"
            | "rejection"
            | "denunciation"
            | "swipe"
            | "jab"
            | "plea"
            | "prediction"
            | "slogan"
            | "mantra"
            | "catchphrase"
            | "response"
            | "reply"
            | "answer"
            | "call"
            | "argument"
            | "conclusion"
            | "assessment"
            | "verdict"
            | "post"
            | "tweet"
            | "message"
            | "refrain"
            | "motto"
            | "threat"
            | "complaint"
            | "explanation"
            | "excuse"
            | "admission"
            | "advice"
    )
}

/// Rule 2: the nearest reporting verb before the quotation in its sentence.
pub(super) fn before_rule(pa: &Para, qt: usize) -> Option<Found> {
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
        // (not a numbered text cited: "citing Exodus 18:21", "quoting Article 5")
        if is_quoting_verb(w)
            && let Some((c, end)) = pa.object_after(i)
            && !pa
                .word(end + 1)
                .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()))
        {
            return Some((c, "before: quoted X as saying"));
        }
        // X called the budget "Q", X described it as "Q": the words are X's; with `as` the
        // object may be a longer noun phrase ("described some of the huts put up for the
        // pickers as \"Q\"")
        // (the object may hold a number or a possessive: "called Ford's $1.6 billion plant
        // \"Q\""; `as` may come before an article: "described his skills as a \"Q\"")
        let as_before = (qt.saturating_sub(3)..qt).any(|k| pa.word(k) == Some("as"));
        if is_characterising_verb(w)
            && qt - i <= 20
            && (as_before || !is_labelling_as_verb(w))
            && (i + 1..qt).all(|k| {
                !matches!(pa.toks[k].kind, TokKind::Quote(_))
                    && !pa.is_punct(k, &[',', ';', ':', '(', ')'])
            })
            && !pa.passive(i)
            && let Some((c, first)) = pa.subject_before(i)
        {
            return Some((
                reporter_of(pa, c, first, i),
                "before: speaker called it, quote",
            ));
        }
        // "Roe shot back, \"Q\"", "Doe fired back:"
        if matches!(w, "shot" | "fired" | "hit")
            && pa.word(i + 1) == Some("back")
            && let Some((c, _)) = pa.subject_before(i)
        {
            return Some((c, "before: speaker verb, quote"));
        }
        // "Roe continued: \"Q\"", "Doe cracked, \"Q\"": verbs that report speech only right
        // before (or after) the quotation
        if i + 2 == qt
            && pa.is_punct(i + 1, &[',', ':'])
            && matches!(w, "continued" | "cracked" | "pressed" | "quipped" | "joked")
            && let Some((c, _)) = pa.subject_before(i)
        {
            return Some((c, "before: speaker verb, quote"));
        }
        // "Roe expressed frustration that …", "expressed a deep regret for \"Q\"": a feeling
        // voiced (not "expressed interest in", "expressed his support")
        if matches!(w, "expressed" | "expresses")
            && (i + 1..(i + 4).min(qt)).any(|k| {
                pa.word(k).is_some_and(|x| {
                    matches!(
                        x,
                        "frustration"
                            | "regret"
                            | "concern"
                            | "concerns"
                            | "hope"
                            | "doubt"
                            | "doubts"
                            | "disappointment"
                            | "dismay"
                            | "anger"
                            | "outrage"
                            | "surprise"
                            | "confidence"
                            | "optimism"
                            | "skepticism"
                            | "sympathy"
                            | "desire"
                            | "wish"
                    )
                })
            })
            && !pa.passive(i)
            && let Some((c, _)) = pa.subject_before(i)
        {
            return Some((c, "before: speaker verb, quote"));
        }
        // "As the Ledger pointed out, \"Q\""
        if i + 3 == qt
            && w == "pointed"
            && pa.word(i + 1) == Some("out")
            && pa.is_punct(i + 2, &[',', ':'])
            && let Some((c, _)) = pa.subject_before(i)
        {
            return Some((c, "before: speaker verb, quote"));
        }
        // a participle of speech nearer the quotation has its own subject: "…, with Senator
        // Jon Doe telling reporters he viewed Roe as \"Q\"" (not a verb before it)
        if reporting_verb(w) == Some(VerbForm::Participle)
            && participle_before(pa, qt) == Some(i)
            && let Some(c) = participle_own_subject(pa, i)
        {
            return Some((c, "before: X participle, quote"));
        }
        // a hypothetical saying reported by an earlier verb: "Roe said she expected voters
        // will say \"no\"" (Roe's words)
        if reporting_verb(w) == Some(VerbForm::Finite)
            && i > 0
            && pa
                .word(i - 1)
                .is_some_and(|m| matches!(m, "will" | "would" | "could" | "might" | "may" | "can"))
            && (stop..i - 1).any(|k| {
                pa.sent[k] == s
                    && pa
                        .word(k)
                        .is_some_and(|x| reporting_verb(x) == Some(VerbForm::Finite))
            })
        {
            continue;
        }
        match reporting_verb(w) {
            Some(VerbForm::Finite) if !pa.passive(i) && !pa.nominal(i) => {
                // a parenthetical attribution, verb first between commas: "The trouble with
                // the levy, says Carl Berg, a historian at the institute, is that it was \"Q\""
                if i > 0
                    && pa.is_punct(i - 1, &[','])
                    && pa.word(i + 1).is_some_and(starts_upper)
                    && !takes_hearer(w)
                    && let Some((c @ (Cand::Named(_) | Cand::Actor(_)), end)) = pa.object_after(i)
                    && pa.is_punct(end + 1, &[','])
                {
                    return Some((c, "before: , verb speaker,"));
                }
                if let Some((c, first)) = pa.subject_before(i) {
                    return Some((reporter_of(pa, c, first, i), "before: speaker verb, quote"));
                }
                // verb first: said Kerry: "Q" (not after a word that would be its subject:
                // in "King says Ali \"Q\"", King's name was not read as one; not a verb
                // whose object is the hearer: in "Doe's aides told the Post, \"Q\"", the Post
                // is no speaker; not across a clause about the speaker: in "said Roe, whose
                // book praises \"Q\" people", the words are the writer's)
                if let Some((c, end)) = pa.object_after(i)
                    && (pa.is_punct(end + 1, &[':', ',']) || end + 1 == qt)
                    && !(i > 0 && pa.sent[i - 1] == s && pa.word(i - 1).is_some_and(starts_upper))
                    && !takes_hearer(w)
                    && !clause_about_speaker(pa, end + 1, qt)
                {
                    return Some((c, "before: verb speaker, quote"));
                }
            }
            _ => {}
        }
    }
    None
}

/// `After Roe said the plan was "Q," Doe said …`: the quotation closes a subordinate clause
/// opening the sentence, whose own verb of speech comes before it (no comma between); the
/// attribution after the quotation belongs to the main clause, not to these words.
pub(super) fn speech_in_opening_clause(pa: &Para, qt: usize) -> bool {
    let s = pa.sent[qt];
    let start = pa.sent.partition_point(|&x| x < s);
    if qt <= start + 2
        || !pa.word(start).is_some_and(|w| {
            lowered(w, |l| {
                matches!(
                    l,
                    "after"
                        | "when"
                        | "while"
                        | "although"
                        | "though"
                        | "because"
                        | "before"
                        | "since"
                        | "once"
                        | "until"
                        | "whereas"
                )
            })
        })
    {
        return false;
    }
    !(start + 1..qt)
        .any(|k| pa.is_punct(k, &[',', ';', ':']) || matches!(pa.toks[k].kind, TokKind::Quote(_)))
        && (start + 1..qt).any(|k| {
            pa.word(k)
                .is_some_and(|w| reporting_verb(w) == Some(VerbForm::Finite))
                && !pa.passive(k)
                && !pa.nominal(k)
        })
}

/// Who reports the words of the clause whose subject `c` (at token `first`) has the verb
/// `v`: an outer reporter ([`outer_reporter`]), or one in a parenthesis between the subject
/// and its verb (`The Ledger, Roe said, called the vote "Q"`: Roe's account), or the
/// subject.
fn reporter_of(pa: &Para, c: Cand, first: usize, v: usize) -> Cand {
    if let Some(o) = outer_reporter(pa, first) {
        return o;
    }
    (first + 1..v)
        .find_map(|k| {
            if !(pa.is_punct(k + 1, &[','])
                && pa
                    .word(k)
                    .is_some_and(|w| reporting_verb(w) == Some(VerbForm::Finite)))
            {
                return None;
            }
            let (r, f) = pa.subject_before(k)?;
            (f > first + 1
                && pa.is_punct(f - 1, &[','])
                && matches!(r, Cand::Named(_) | Cand::Actor(_) | Cand::Pronoun { .. }))
            .then_some(r)
        })
        .unwrap_or(c)
}

/// `Acknowledging that Doe "says a lot of odd things," Roe argued …`: a participle of speech
/// opening the sentence, the quotation inside its clause; the speaker is the main clause's
/// subject right after it.
pub(super) fn fronted_participle_rule(pa: &Para, qt: usize) -> Option<Found> {
    let s = pa.sent[qt];
    let start = pa.sent.partition_point(|&x| x < s);
    if !pa.word(start).is_some_and(|w| {
        starts_upper(w) && lowered(w, |l| reporting_verb(l) == Some(VerbForm::Participle))
    }) || (start + 1..qt)
        .any(|k| pa.is_punct(k, &[',', ';', ':']) || matches!(pa.toks[k].kind, TokKind::Quote(_)))
    {
        return None;
    }
    // the clause ends with the quotation (its comma inside the marks or after them)
    let mut k = qt + 1;
    let mut comma = quote_ends_with_comma(&pa.text[pa.toks[qt].start..pa.toks[qt].end]);
    while k < qt + 6 {
        if pa.is_punct(k, &[',']) {
            comma = true;
        } else if !pa
            .word(k)
            .is_some_and(|w| matches!(w, "though" | "however" | "too" | "also"))
        {
            break;
        }
        k += 1;
    }
    if !comma || pa.sent.get(k) != Some(&s) {
        return None;
    }
    if pa.word(k).is_some_and(is_person_pronoun) {
        return Some((pa.pronoun(k), "before: fronted participle, quote, subject"));
    }
    match pa.name_right(k)? {
        (c @ (Cand::Named(_) | Cand::Actor(_)), end)
            if pa.word(end + 1).is_some_and(|w| !starts_upper(w)) =>
        {
            Some((c, "before: fronted participle, quote, subject"))
        }
        _ => None,
    }
}

/// `Roe said Doe had told donors "Q"`, `Roe pointed out that Doe calls it "Q"`: a clause
/// reporting speech that is itself the object of a reporting verb. Its words reach the reader
/// through the outer reporter, who is the quotation's source (the inner speaker's subject
/// opens the outer verb's object, `that` between them at most). Returns the outermost such
/// reporter's subject.
fn outer_reporter(pa: &Para, inner_first: usize) -> Option<Cand> {
    let s = *pa.sent.get(inner_first)?;
    let mut at = inner_first;
    let mut outer = None;
    // (a few levels at most: "Roe said Doe claimed Poe told …")
    for _ in 0..3 {
        let Some(mut v) = at.checked_sub(1) else {
            break;
        };
        // the inner subject's honorific: "said Mr. Doe had told"
        while v > 0
            && (pa.word(v).is_some_and(|w| {
                is_honorific(w) || (starts_upper(w) && (is_title(w) || all_caps(w)))
            }) || (pa.is_punct(v, &['.']) && pa.word(v - 1).is_some_and(is_honorific)))
        {
            v -= 1;
        }
        if pa.word(v) == Some("that") {
            let Some(b) = v.checked_sub(1) else { break };
            v = b;
        } else if pa
            .word(v)
            .is_some_and(|w| matches!(w, "because" | "since" | "although" | "though"))
        {
            // a reason or concession the outer clause gives (not a time: in "He tweeted
            // when Roe ended the debate remarking \"Q\"", the words are Roe's): "Roe said talks failed because Doe
            // called the offer \"Q\"" (the outer verb a few words back, nothing but words
            // between)
            let lo = v.saturating_sub(16);
            let Some(r) = (lo..v).rev().find(|&k| {
                pa.word(k)
                    .is_some_and(|w| reporting_verb(w) == Some(VerbForm::Finite))
                    && !pa.passive(k)
                    && !pa.nominal(k)
            }) else {
                break;
            };
            if pa.sent[r] != s
                || (r + 1..v).any(|k| pa.toks[k].kind != TokKind::Word || pa.word(k) == Some("and"))
            {
                break;
            }
            let Some((c, first)) = pa.subject_before(r) else {
                break;
            };
            outer = Some(c);
            at = first;
            continue;
        }
        // "pointed out that"
        if pa.word(v) == Some("out") && v > 0 && pa.word(v - 1) == Some("pointed") {
            v -= 1;
        } else if pa.sent[v] != s
            || !pa
                .word(v)
                .is_some_and(|w| reporting_verb(w) == Some(VerbForm::Finite))
            || pa.passive(v)
            || pa.nominal(v)
        {
            break;
        }
        let Some((c, first)) = pa.subject_before(v) else {
            break;
        };
        outer = Some(c);
        at = first;
    }
    outer
}

/// `Roe compared the plan to a tax, saying: "Q"`, `Doe issued a statement saying "Q"`,
/// `Roe went after Doe, calling him "Q"`: a participle of speech (or of labelling, right
/// before its object) shortly before the quotation. Returns the participle's token; its
/// subject is the sentence's.
pub(super) fn participle_before(pa: &Para, qt: usize) -> Option<usize> {
    let s = pa.sent[qt];
    let mut k = qt;
    let stop = qt.saturating_sub(14);
    while k > stop {
        k -= 1;
        if pa.sent[k] != s || matches!(pa.toks[k].kind, TokKind::Quote(_)) {
            return None;
        }
        let Some(w) = pa.word(k) else {
            // only the punctuation of an introduction: "saying, \"Q\"", "writing: \"Q\""
            if pa.is_punct(k, &[',', ':']) && k + 1 == qt {
                continue;
            }
            return None;
        };
        // "was prompted to say, \"Q\"", "for Roe to tweet \"Q\"": an infinitive of speech
        let infinitive = k > 0
            && pa.word(k - 1) == Some("to")
            && matches!(
                w,
                "say" | "tweet" | "write" | "declare" | "ask" | "tell" | "add" | "insist"
            );
        if infinitive || reporting_verb(w) == Some(VerbForm::Participle) {
            let close = (k + 1..qt).all(|m| {
                pa.is_punct(m, &[',', ':']) || pa.word(m).is_some_and(|x| x == "that" || x == "it")
            });
            // or a short clause of its own: "saying they were \"Q\"", "telling reporters in
            // May that he was \"Q\""
            let clause = (k + 1..qt).all(|m| pa.toks[m].kind == TokKind::Word);
            return (close || clause).then_some(k);
        }
        if is_labelling_participle(w) && qt - k <= 6 {
            return Some(k);
        }
        // "The union issued a statement on Monday, offering \"Q\"": any participle right
        // before the quotation, after a statement its subject put out, carries the statement
        if k + 3 >= qt
            && (k + 1..qt).all(|m| pa.is_punct(m, &[',', ':']))
            && w.len() > 5
            && w.ends_with("ing")
            && !starts_upper(w)
            && put_out_statement_before(pa, k)
        {
            return Some(k);
        }
        if reporting_verb(w) == Some(VerbForm::Finite) {
            return None;
        }
    }
    None
}

/// `…, with union chief Ilse Marr calling it "Q"`, `…, Roe saying she was "Q" and Doe
/// calling it "Q"`: a name right before the participle at `v` is its own subject, when the
/// name opens an absolute phrase (after a comma, a dash, `with`, `and`, `while`, or the start
/// of the sentence, lower-case descriptors apart).
pub(super) fn participle_own_subject(pa: &Para, v: usize) -> Option<Cand> {
    let mut last = v.checked_sub(1)?;
    // "with Roe recently promising to \"Q\""
    if pa
        .word(last)
        .is_some_and(|w| w.ends_with("ly") && !starts_upper(w))
    {
        last = last.checked_sub(1)?;
    }
    let (cand, first) = if let Some(h) = pa.hit_ending_in(last) {
        (Cand::Actor(actor_of(h.target)), pa.tok_at(h.start))
    } else {
        let (n, f) = pa.name_left(last)?;
        (Cand::Named(n), f)
    };
    let mut b = first;
    for _ in 0..4 {
        let Some(k) = b.checked_sub(1) else {
            return Some(cand);
        };
        if pa.sent[k] != pa.sent[v] {
            return Some(cand);
        }
        if pa.is_punct(k, &[',', '—', '–', ';']) {
            return Some(cand);
        }
        let w = pa.word(k)?;
        if matches!(w, "with" | "With" | "and" | "while") {
            return Some(cand);
        }
        // "union chief", "Sen.": descriptors and titles of the name (a proper adjective
        // before a title too: "Republican Senator Jon Doe")
        let descriptor = if starts_upper(w) {
            is_title(w) || is_honorific(w) || pa.word(b).is_some_and(is_title)
        } else {
            !is_stop_word(w) && reporting_verb(w).is_none() && !is_place_preposition(w)
        };
        if !descriptor {
            return None;
        }
        b = k;
    }
    None
}

/// `issued a statement`, `released a joint statement`: a verb of putting out and its
/// statement noun in the sentence before token `k`.
fn put_out_statement_before(pa: &Para, k: usize) -> bool {
    let s = pa.sent[k];
    let start = k.saturating_sub(16);
    (start..k).any(|v| {
        pa.sent[v] == s
            && pa.word(v).is_some_and(|w| {
                matches!(w, "issued" | "released" | "published" | "posted" | "sent")
            })
            && (v + 1..(v + 4).min(k)).any(|n| pa.word(n).is_some_and(is_statement_noun))
    })
}

/// A capitalised title of office written right before a surname (`President Roe`, `Senator
/// Doe`): the surname is a person's. (Not a descriptor such as `Former`, which may stand
/// before a party: `Former Republican candidate`.)
fn is_office_before_name(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "President"
            | "Senator"
            | "Governor"
            | "Mayor"
            | "Secretary"
            | "Speaker"
            | "Judge"
            | "Justice"
            | "General"
            | "Gen"
            | "Chairman"
            | "Chairwoman"
            | "Ambassador"
            | "Minister"
            | "Representative"
            | "Congressman"
            | "Congresswoman"
            | "Admiral"
            | "Adm"
            | "Pastor"
            | "Professor"
            | "Chancellor"
    )
}

fn is_labelling_participle(w: &str) -> bool {
    matches!(
        w,
        "calling" | "describing" | "labeling" | "labelling" | "dubbing" | "branding" | "deeming"
    )
}

/// A quotation in the title line: `Roe: 'Q'` (the name that opens the line before a colon),
/// else the name right before the line's first verb of speech, capitalised or not (`Roe Says
/// Doe Is 'Q'`, `'Q,' Roe hints`, `Doe calls plan 'Q'`).
pub(super) fn headline_rule(pa: &Para, qt: usize) -> Option<Found> {
    let n = pa.toks.len();
    if let Some(c) = (0..qt.min(8)).find(|&k| pa.is_punct(k, &[':']))
        && let Some(cand) = c
            .checked_sub(1)
            .and_then(|k| pa.headline_name_left(k))
            .filter(|&(_, first)| {
                (0..first).all(|k| pa.word(k).is_some_and(|w| is_title(w) || all_caps(w)))
            })
            .map(|(cand, _)| cand)
    {
        return Some((cand, "headline: name: quote"));
    }
    // "'Q' Roe Is Like A Sailor, Doe Says.": an attribution closing the headline after a
    // comma names the speaker of what comes before it
    if let Some(v) = (qt + 1..n).rev().find(|&v| {
        pa.word(v)
            .is_some_and(|w| lowered(w, |l| reporting_verb(l) == Some(VerbForm::Finite)))
    }) && let Some((cand, first)) = v.checked_sub(1).and_then(|k| pa.headline_name_left(k))
        && first > qt
        && pa.is_punct(first - 1, &[','])
    {
        return Some((cand, "headline: , name says"));
    }
    let verbs = (0..n).filter(|&v| pa.word(v).is_some_and(is_headline_verb));
    for v in verbs {
        if let Some((cand, _)) = v.checked_sub(1).and_then(|k| pa.headline_name_left(k)) {
            return Some((cand, "headline: name verb"));
        }
    }
    None
}

/// A verb as headlines write it (any case): `Says`, `Calls`, `slams`, `Tells`, and the
/// copula and adverbs that follow a headline's subject (`Roe Is`, `Roe Just Announced`).
fn is_headline_verb(w: &str) -> bool {
    lowered(w, |l| {
        reporting_verb(l) == Some(VerbForm::Finite)
            || matches!(
                l,
                "calls"
                    | "called"
                    | "slams"
                    | "blasts"
                    | "rips"
                    | "praises"
                    | "endorses"
                    | "urges"
                    | "warns"
                    | "accuses"
                    | "defends"
                    | "declares"
                    | "denies"
                    | "issues"
                    | "pins"
                    | "sides"
                    | "blames"
                    | "heckles"
                    | "rebuffs"
                    | "hints"
                    | "stirs"
                    | "sees"
                    | "promises"
                    | "takes"
                    | "makes"
                    | "addresses"
                    | "announces"
                    | "announced"
                    | "debunks"
                    | "mocks"
                    | "insults"
                    | "finds"
                    | "delivers"
                    | "wants"
                    | "explained"
                    | "questioned"
                    | "got"
                    | "just"
                    | "is"
                    | "to"
                    | "on"
                    | "backs"
                    | "touts"
                    | "vows"
            )
    })
}

/// `Roe's backing will carry "a great deal of weight" with voters, DFA spokesman Ned Harlow
/// said.`: the attribution that ends the quotation's sentence after a comma (the subject
/// and a finite verb of speech, at most three words after it).
pub(super) fn sentence_end_rule(pa: &Para, qt: usize) -> Option<Found> {
    sentence_end_attribution(pa, qt, "reports", |v| pa.reports_after_quote(v))
}

/// `Roe conceded the fees were "a cost of business," the Lisle Ledger reported in 1994.`:
/// an outlet that reports the sentence at its end is its source, whoever the sentence
/// says spoke before it.
pub(super) fn reported_at_end_rule(pa: &Para, qt: usize) -> Option<Found> {
    // the verb first: "\"Q,\" said Roe, reports the Lisle Ledger."
    let s = pa.sent[qt];
    let end = pa.sent.partition_point(|&x| x <= s);
    // (the outlet's name is every capitalised word to the end: "reports USA Today.")
    if let Some(comma) = pa.closing_commas(qt).plain_comma.filter(|&c| c > qt)
        && matches!(pa.word(comma + 1), Some("reports" | "reported"))
    {
        let from = comma + 2 + usize::from(pa.word(comma + 2) == Some("the"));
        let caps = (from..end)
            .take_while(|&k| pa.word(k).is_some_and(|w| starts_upper(w) && !is_title(w)))
            .take(5)
            .count();
        let last = from + caps;
        if (1..=4).contains(&caps)
            && (last >= end || (last + 1 >= end && pa.is_punct(last, &['.'])))
        {
            return Some((
                Cand::Named(pa.slice(from, last - 1)),
                "sentence end: , reports outlet.",
            ));
        }
    }
    let reported = |v: usize| {
        matches!(pa.word(v), Some("reported" | "reports"))
            && pa.word(v + 1).is_none_or(|w| w != "that")
    };
    // (`first reported`: the adverb stands where the verb would)
    sentence_end_attribution(pa, qt, "reported", |v| {
        reported(v)
            || (matches!(pa.word(v), Some("first" | "originally" | "initially")) && reported(v + 1))
    })
    .map(|(c, _)| (c, "sentence end: , outlet reported."))
}

/// Where a sentence's closing attribution may begin, read once per sentence: a sentence
/// with many quotations would otherwise be read again for each (quadratic).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SentenceEnd {
    /// The last comma, or quotation ending with one (`… his show, "Harbour Hour," the
    /// Ledger reported.`).
    comma: Option<usize>,
    /// The last comma token.
    plain_comma: Option<usize>,
    /// The last verb that reports a quotation before `comma`: another attribution.
    report: Option<usize>,
}

impl Para<'_> {
    fn closing_commas(&self, qt: usize) -> SentenceEnd {
        let s = self.sent[qt];
        *self.ends.borrow_mut().entry(s).or_insert_with(|| {
            let from = self.sent.partition_point(|&x| x < s);
            let end = self.sent.partition_point(|&x| x <= s);
            let comma = (from..end).rev().find(|&k| {
                self.is_punct(k, &[','])
                    || (matches!(self.toks[k].kind, TokKind::Quote(_))
                        && quote_ends_with_comma(&self.text[self.toks[k].start..self.toks[k].end]))
            });
            SentenceEnd {
                comma,
                plain_comma: (from..end).rev().find(|&k| self.is_punct(k, &[','])),
                // (not a verb after a modal or `to`: in `"Q" that would respond to Doe, Roe
                // wrote`, nothing reports the quotation before the comma)
                report: comma.and_then(|c| {
                    (from..c).rev().find(|&k| {
                        self.reports_after_quote(k)
                            && !k
                                .checked_sub(1)
                                .and_then(|b| self.word(b))
                                .is_some_and(|b| {
                                    matches!(
                                        b,
                                        "would"
                                            | "will"
                                            | "could"
                                            | "can"
                                            | "should"
                                            | "may"
                                            | "might"
                                            | "must"
                                            | "to"
                                    )
                                })
                    })
                }),
            }
        })
    }
}

/// The subject of a verb (`is_verb`, that of `rule`) that ends the quotation's sentence
/// after a comma. Other quotations of the sentence may stand between, another attribution
/// not; past the comma, what is found depends on the sentence alone, so is found once.
fn sentence_end_attribution(
    pa: &Para,
    qt: usize,
    rule: &'static str,
    is_verb: impl Fn(usize) -> bool,
) -> Option<Found> {
    let ends = pa.closing_commas(qt);
    let comma = ends.comma.filter(|&c| c > qt)?;
    if ends.report.is_some_and(|r| r > qt) {
        return None;
    }
    let key = (pa.sent[qt], rule);
    if let Some(found) = pa.end_found.borrow().get(&key) {
        return found.clone();
    }
    let found = attribution_after_comma(pa, qt, comma, is_verb);
    pa.end_found.borrow_mut().insert(key, found.clone());
    found
}

/// `, the Ledger reported.`: the subject of the verb after the sentence's last comma.
fn attribution_after_comma(
    pa: &Para,
    qt: usize,
    comma: usize,
    is_verb: impl Fn(usize) -> bool,
) -> Option<Found> {
    let end = pa.sent.partition_point(|&x| x <= pa.sent[qt]);
    let v = (comma + 1..end).find(|&k| is_verb(k))?;
    let last_word = (v + 1..end)
        .take_while(|&k| pa.toks[k].kind == TokKind::Word)
        .count();
    if v + 1 + last_word < end.saturating_sub(1) || last_word > 4 {
        return None;
    }
    let (c, first) = pa.subject_before(v)?;
    let after_comma = first == comma + 1
        || (first == comma + 2
            && pa
                .word(comma + 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("the")));
    if after_comma || pa.opens_clause_at(first) {
        return Some((c, "sentence end: , speaker verb."));
    }
    // a middle name written out: ", counsel Mara Lind Quist wrote." (a name is read as at most
    // two capitalised words; the third before them opens the clause)
    let given = first.checked_sub(1)?;
    let w = pa.word(given)?;
    let Cand::Named(n) = c else { return None };
    (starts_upper(w)
        && !all_caps(w)
        && !is_title(w)
        && !is_possessive(w)
        && !pa.not_name(w)
        && (given == comma + 1 || pa.opens_clause_at(given)))
    .then(|| {
        (
            Cand::Named(format!("{w} {n}")),
            "sentence end: , speaker verb.",
        )
    })
}

/// `Roe answered: "Q"`, `Roe responds to Doe with, "Q"`: the quotation at `qt` follows a colon,
/// or a comma shortly after a verb of speech in its sentence.
pub(super) fn introduced_by_speech(pa: &Para, qt: usize) -> bool {
    let Some(b) = qt.checked_sub(1) else {
        return false;
    };
    pa.is_punct(b, &[':'])
        || (pa.is_punct(b, &[','])
            && (b.saturating_sub(5)..b).any(|k| {
                pa.sent[k] == pa.sent[qt]
                    && (pa.word(k).is_some_and(|w| reporting_verb(w).is_some())
                        || pa.reports_after_quote(k))
            }))
}

/// `Brandt went on to say`, `Quist has clashed with Doe, saying`, `Roe compared herself to
/// Doe, saying`: a surname the article has not written in full, opening its sentence (token
/// `k` at `from`) before a verb (a past tense among them).
fn opens_with_a_verb(pa: &Para, from: usize, k: usize) -> bool {
    k == from
        && pa.word(k + 1).is_some_and(|v| {
            matches!(v, "has" | "had" | "was" | "went" | "then" | "also")
                || reporting_verb(v) == Some(VerbForm::Finite)
                || (v.len() > 4 && v.ends_with("ed") && v.chars().all(|c| c.is_ascii_lowercase()))
        })
}

/// `East Harbour, Roe went`: a run of capitalised words from token `k` that ends at a comma.
fn name_then_comma(pa: &Para, k: usize) -> bool {
    let end = (k..(k + 4).min(pa.toks.len()))
        .find(|&m| !pa.word(m).is_some_and(starts_upper))
        .unwrap_or(k);
    end > k && pa.is_punct(end, &[','])
}

/// `"Harbour Hour,"`: a quotation whose words end with a comma.
fn quote_ends_with_comma(span_text: &str) -> bool {
    span_text
        .trim_end_matches(|c: char| {
            matches!(c, '"' | '\'' | '”' | '’' | '»' | '`') || c.is_whitespace()
        })
        .ends_with(',')
}

/// Rule 6: the registry actor or pronoun that opens the quotation's sentence.
/// Where the clause after a fronted phrase at `from` starts (the token after its comma), when
/// the sentence opens with one (`At the meeting of the Harbor Council, Roe …`, `Preceded at
/// the lectern by Doe, the mayor, Roe …`), looking no further than `until`: the first comma
/// followed by a capitalised word or a pronoun, not a place's that runs on to another comma.
pub(super) fn fronted_phrase_end(pa: &Para, from: usize, until: usize) -> Option<usize> {
    let fronted = pa.word(from).is_some_and(|w| {
        lowered(w, opens_clause)
            || (w.len() > 5
                && (w.ends_with("ed") || w.ends_with("ing"))
                && pa.word(from + 1).is_some_and(|x| !starts_upper(x)))
            // an adverb before the conjunction: "Ever since she joined, Roe has …", "Even
            // though …", "Shortly after …"
            || (lowered(w, |l| {
                matches!(l, "ever" | "even" | "shortly" | "soon" | "long" | "just")
            }) && pa.word(from + 1).is_some_and(|x| {
                matches!(
                    x,
                    "since" | "though" | "after" | "before" | "as" | "when" | "while" | "if"
                )
            }))
    });
    if !fronted {
        return None;
    }
    (from + 1..until.min(from + 20))
        .find(|&k| {
            pa.is_punct(k, &[','])
                && pa
                    .word(k + 1)
                    .is_some_and(|x| starts_upper(x) || is_person_pronoun(x))
                && !name_then_comma(pa, k + 1)
        })
        .map(|c| c + 1)
}

pub(super) fn sentence_subject(
    pa: &Para,
    qt: usize,
    known: &HashMap<String, String>,
) -> Option<Cand> {
    let s = pa.sent[qt];
    let mut from = pa.sent.partition_point(|&x| x < s);
    // a fronted phrase holds no subject: "At the meeting of the Harbor Council, Roe used her
    // speech to offer \"Q\"", "Preceded at the lectern by Doe, Roe launched into \"Q\""
    // (the subject is the first capitalised word or pronoun after a comma of it, and the
    // quotation stands after that: in "When Roe used the words, \"Q\"", the quotation is the
    // fronted clause's; in "During the vote Roe, angered by Doe, walked out" no comma ends it)
    // (a fronted participle too: "Speaking at a town hall in Lisle, East Harbour, Roe went
    // after Doe": the comma before the subject is the one whose name runs on to a lower-case
    // word, not a place's that runs on to another comma)
    if let Some(f) = fronted_phrase_end(pa, from, qt)
        && f < qt
    {
        from = f;
    }
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
        // (a possessive names an owner, not the subject: "Roe's comments")
        if starts_upper(w)
            && !is_possessive(w)
            && !pa.word(k + 1).is_some_and(starts_upper)
            && let Some((n, first)) = pa.name_left(k)
            && (n.contains(' ')
                || known.contains_key(&n)
                || opens_with_a_verb(pa, from, k)
                // "Mr. Roe tries to …", "President Roe released …": an honorific or a
                // capitalised title makes a surname a person's
                || (first > 0
                    && pa
                        .word(first - 1)
                        .is_some_and(|x| is_honorific(x) || is_office_before_name(x)))
                // "Band member Roe posted …": a lower-case descriptor before it that opens the
                // sentence makes a surname a person's too
                || (first > from
                    && pa.word(first - 1).is_some_and(|x| !starts_upper(x))
                    && pa.opens_clause_at(first)))
            && !pa.after_preposition(first)
        {
            // "Roe campaign manager Jon Doe released a memo": Doe, whom the name describes
            if let Some((c, _)) = pa.role_name_after(k) {
                return Some(c);
            }
            // "Lawyers for Roe appeared to …": the lawyers, described by whom they work for
            if first >= 2
                && pa.word(first - 1).is_some_and(is_employer_preposition)
                && let Some((c @ Cand::Anon { .. }, _)) = pa.np_ending_at(k)
            {
                return Some(c);
            }
            return Some(Cand::Named(n));
        }
    }
    None
}

/// `Hand-Seeded Biodegradable Mats for Eelgrass Restoration in a Temperate Estuary`: four or
/// more words, every one longer than three letters capitalised, as in the title of a work or
/// a programme; speech is not written so.
pub(super) fn is_title_case(text: &str) -> bool {
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
pub(super) fn classify(pa: &Para, qt: usize, text: &str, opts: &Options) -> QuoteKind {
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

/// `"Jane Roe: Seriously, about this …"`: a quotation that opens with a speaker's label, as a
/// transcript does (two or three capitalised words and a colon). Returns the name.
pub(super) fn transcript_label(text: &str) -> Option<&str> {
    let (label, rest) = text.split_once(": ")?;
    let words: Vec<&str> = label.split(' ').collect();
    let named = (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            starts_upper(w)
                && !all_caps(w)
                && !is_not_name(w)
                && !is_title(w)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
        });
    // (not a work's title and subtitle: "Lost Tycoon: The Many Lives of Jon Doe")
    (named && !rest.trim().is_empty() && !is_title_case(rest)).then_some(label)
}
