//! One article: tokens, sentences, quotation classification and the speaker sieve.
//!
//! [`analyse`] runs the parts over an article: `tokens` (words, punctuation, quotation
//! spans and sentences of a paragraph), `phrases` (names, noun phrases, the subjects and
//! objects of reporting verbs), `rules` (the sieve's rules around one quotation, and its
//! kind), `state` (what the article has said so far, through which candidates resolve).
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

mod fragment;
mod phrases;
mod repeat;
mod rules;
mod state;
mod subhead;
#[cfg(test)]
mod tests;
mod title;
mod tokens;

use std::collections::HashMap;

use crate::lexicon::{Hit, Target};
use crate::names::{ArticleNames, Piece};
use crate::scan::{self, RawQuote};
use crate::text::{char_at, count_words_upto};
use crate::words::{
    VerbForm, is_abbreviated_month, is_anonymous_head, is_characterising_verb,
    is_employer_preposition, is_honorific, is_indefinite, is_labelling_as_verb, is_name_particle,
    is_name_suffix, is_naming_word, is_not_name, is_organisation_noun, is_person_pronoun,
    is_place_preposition, is_quoting_verb, is_singular_noun, is_skippable_adverb,
    is_statement_noun, is_title, lowered, opens_clause, reporting_verb,
};
use crate::{
    ActorKind, Analysis, Attribution, Lexicon, Mention, NewSpeaker, Options, Quote, QuoteKind,
    Span, Speaker,
};

use rules::*;
use state::*;
use tokens::*;

/// Analyses one article: actor mentions, topics, quotations with kind and speaker, and
/// speakers the registry does not list. `paragraphs` are plain text.
pub fn analyse(paragraphs: &[&str], lexicon: &Lexicon, opts: &Options) -> Analysis {
    analyse_article(paragraphs, false, lexicon, opts)
}

/// [`analyse`] for an article with a title line (a headline): the title is scanned for
/// quotations too, and stands as paragraph 0 of every span and mention (the body's
/// paragraphs count from 1). A quotation in the title goes to the headline's speaker (`Roe:
/// 'Q'`, `Roe Says Doe 'Q'`, `'Q,' Roe says`) or to no one; the title's capitalised words
/// name no one for the body.
pub fn analyse_titled(
    title: &str,
    paragraphs: &[&str],
    lexicon: &Lexicon,
    opts: &Options,
) -> Analysis {
    let mut all: Vec<&str> = Vec::with_capacity(paragraphs.len() + 1);
    all.push(title);
    all.extend_from_slice(paragraphs);
    analyse_article(&all, true, lexicon, opts)
}

fn analyse_article(
    paragraphs: &[&str],
    titled: bool,
    lexicon: &Lexicon,
    opts: &Options,
) -> Analysis {
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
    let spans_by_para = spans_by_para(&raw, paragraphs.len());
    let paras: Vec<Para> = paragraphs
        .iter()
        .enumerate()
        .zip(para_hits)
        .zip(&spans_by_para)
        .map(|(((pi, p), hits), qs)| {
            let toks = tokenize(p, qs);
            let sent = sentence_ids(p, &toks);
            Para {
                headline: titled && pi == 0,
                idx: pi,
                text: p,
                toks,
                sent,
                hits,
                surnames: Vec::new(),
                according: Default::default(),
                ends: Default::default(),
                end_found: Default::default(),
            }
        })
        .collect();
    let mut paras = paras;
    let surnames = preposition_surnames(&paras);
    if !surnames.is_empty() {
        for pa in &mut paras {
            pa.surnames = surnames.clone();
        }
    }
    let paras = paras;
    // The body's lines written as headlines (one sentence in Title Case), once per paragraph
    // that holds a quotation.
    let title_lines: Vec<bool> = paras
        .iter()
        .zip(&spans_by_para)
        .map(|(pa, qs)| {
            !pa.headline
                && !qs.is_empty()
                && pa.sent.last() == pa.sent.first()
                && is_title_case(pa.text)
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
    // names written after a gendered honorific, and whether it is a woman's
    let mut gendered: Vec<(String, bool)> = Vec::new();
    for pa in paras.iter().filter(|pa| !pa.headline) {
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
                } else if let Some(f) = fronted_phrase_end(pa, k, pa.toks.len()) {
                    // a fronted participle: "Preceded at the lectern by Doe, the mayor, Roe
                    // launched into …" is Roe's sentence
                    from = f;
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
                    // or the short form of one seen before: "Vasko, 46, had been …"; an
                    // apposition between dashes describes it ("Ann Roe – a Harbour Gulls fan
                    // – said": the team is no subject)
                    if pa.word(m).is_some_and(starts_upper)
                        && (pa.is_punct(m + 1, &[',', '–', '—', '-'])
                            || pa
                                .word(m + 1)
                                .is_some_and(|x| !starts_upper(x) && !is_stop_word(x)))
                        && let Some((n, first)) = pa.name_left(m)
                        && (n.contains(' ') || names.contains_key(&n))
                        && !pa.after_preposition(first)
                    {
                        // a name that only qualifies the description of another: "Roe
                        // campaign manager Jon Doe released …" is Doe's sentence
                        let c = pa.role_name_after(m).map_or(Cand::Named(n), |(c, _)| c);
                        verb_subjects.push(((pa.idx, pa.toks[first].start), c));
                        break;
                    }
                }
            }
            if t.kind != TokKind::Word {
                continue;
            }
            let w = &pa.text[t.start..t.end];
            // "Mrs. Roe", "Mr. Doe": whom a later "he" or "she" cannot mean
            if let Some(female) = honorific_gender(w)
                && let Some((Cand::Named(n), _)) =
                    pa.name_right(k + 1 + usize::from(pa.is_punct(k + 1, &['.'])))
            {
                gendered.push((n, female));
            }
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
            if reporting_verb(w) != Some(VerbForm::Finite) || pa.nominal(k) {
                continue;
            }
            if let Some((c, first)) = pa.subject_before(k) {
                verb_subjects.push(((pa.idx, pa.toks[first].start), c));
                // "A asked B whether …": B is the one who answers next
                // (not a proper adjective before a noun: "asked Republican politicians")
                if w == "asked"
                    && let Some((o @ (Cand::Actor(_) | Cand::Named(_)), e)) = pa.object_after(k)
                    && !pa.word(e + 1).is_some_and(|x| {
                        x.chars().all(char::is_lowercase)
                            && !is_stop_word(x)
                            && !matches!(x, "whether" | "why" | "how" | "what" | "about")
                    })
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
    // a person the text gives both honorifics ("Mr. Roe" and "Mrs. Roe" are two people with
    // one short name) gets no gender from them
    let mut by_honorific: Vec<(Speaker, Option<bool>)> = Vec::new();
    for (n, female) in gendered {
        let sp = Speaker::Named {
            name: state.expand(&n),
        };
        match by_honorific.iter_mut().find(|(s, _)| *s == sp) {
            Some((_, g)) if *g != Some(female) => *g = None,
            Some(_) => {}
            None => by_honorific.push((sp, Some(female))),
        }
    }
    for (sp, g) in by_honorific {
        if let Some(female) = g {
            state.genders.push((sp, female));
        }
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
        // a show's, book's or slogan's name in marks is nobody's speech: no sieve for it
        if first.paragraph == last.paragraph
            && title::is_title(pf, tf, &text, title_lines[first.paragraph], |i| {
                out.get(i)
                    .is_some_and(|o: &Quote| o.kind == QuoteKind::Title)
            })
        {
            out.push(Quote {
                text,
                kind: QuoteKind::Title,
                speaker: None,
                spans: q.spans.clone(),
                closed: q.closed,
                rule: None,
                inferred: false,
            });
            continue;
        }
        let kind = classify(pf, tf, &text, opts);
        let ends = quote_ends_sentence(&pl.text[last.start..last.end]);
        // a question or exclamation before its attribution stands where a comma would:
        // "\"Q?\" Roe asked", "\"Out!\" Doe yelled"
        let comma_style = !ends
            || pl.is_punct(tl + 1, &[','])
            || (text.trim_end().ends_with(['?', '!'])
                // (not after a colon: in "Roe answered: \"Q?\" Her critics cited it", the
                // colon gave the quotation its speaker)
                && !introduced_by_speech(pf, tf)
                && pl.word(tl + 1).is_some_and(|w| {
                    !starts_upper(w)
                        || (tl + 2..tl + 8)
                            .take_while(|&k| {
                                pl.toks.get(k).is_some_and(|t| t.kind == TokKind::Word)
                            })
                            .any(|k| pl.reports_after_quote(k))
                        || pl.name_then_verb(tl + 1)
                }));

        let mut found: Option<(Found, (usize, usize))> = None;
        // a line of the body written as a headline ("Roe Explained Why She Felt 'Q'", a
        // listicle's item) is read as one
        let headline_like = first.paragraph == last.paragraph && title_lines[first.paragraph];
        if pf.headline || headline_like {
            // a headline's own rule or no speaker: its Title Case defeats the others
            found = headline_rule(pf, tf).map(|f| (f, (pf.idx, first.start)));
        }
        // "called him a \"Q1\" and a \"Q2\"": a quotation joined to the one before it in
        // its sentence by a conjunction has that one's source
        let coordinated = if !pf.headline
            && tf > 0
            && let Some(prev) = out.last()
            && prev.speaker.is_some()
            && let Some(ps) = prev.spans.last()
            && ps.paragraph == first.paragraph
            && let Some(pt) = (0..tf)
                .rev()
                .find(|&k| matches!(pf.toks[k].kind, TokKind::Quote(_)))
            && pf.toks[pt].start == ps.start
            && pf.sent[pt] == pf.sent[tf]
            && (pt + 1..tf).all(|k| {
                pf.is_punct(k, &[','])
                    || pf.word(k).is_some_and(|w| {
                        matches!(w, "and" | "or" | "a" | "an" | "the" | "yes" | "then")
                    })
            })
            && (pt + 1..tf).any(|k| pf.word(k).is_some_and(|w| matches!(w, "and" | "or")))
        {
            prev.speaker.clone().map(|sp| (sp, prev.attribution()))
        } else {
            None
        };
        // a transcript's label inside the quotation: "\"Jane Roe: Seriously, …\""
        if found.is_none()
            && !pf.headline
            && kind != QuoteKind::Fragment
            && let Some(label) = transcript_label(&text)
        {
            found = Some((
                (Cand::Named(label.to_string()), "quote: label: words"),
                (pf.idx, first.start),
            ));
        }
        // "what Judge Roe called \"Q,\" Doe said": a labelling verb right before the
        // quotation gives it to its subject, not to the attribution after it
        let labelled =
            tf > 0 && pf.word(tf - 1).is_some_and(is_characterising_verb) && !pf.passive(tf - 1);
        if found.is_none()
            && !pf.headline
            && comma_style
            && !labelled
            && !(first.paragraph == last.paragraph && speech_in_opening_clause(pf, tf))
        {
            found = after_rule(pl, tl, true).map(|f| (f, (pl.idx, last.start)));
        }
        // "\"Q\" and against the levy, Roe said.": the quotation's sentence runs on after it
        // and ends with its attribution
        if found.is_none() && !pf.headline && comma_style {
            found = sentence_end_rule(pl, tl).map(|f| (f, (pl.idx, last.start)));
        }
        if found.is_none() && !pf.headline {
            found = passive_label_rule(pl, tl).map(|f| (f, (pl.idx, last.start)));
        }
        if found.is_none() && !pf.headline {
            found = before_rule(pf, tf).map(|f| (f, (pf.idx, first.start)));
        }
        if found.is_none() && !pf.headline && first.paragraph == last.paragraph {
            found = fronted_participle_rule(pf, tf).map(|f| (f, (pf.idx, first.start)));
        }
        // an outlet that reports the whole sentence at its end outranks the speaker inside it
        if !pf.headline
            && let Some(f) = reported_at_end_rule(pl, tl)
        {
            found = Some((f, (pl.idx, last.start)));
        }
        // a quotation that ends its paragraph, signed on the next line: "\"Q\"¶- Roe."
        if found.is_none()
            && !pf.headline
            && (tl + 1..pl.toks.len()).all(|k| matches!(pl.toks[k].kind, TokKind::Punct(_)))
            && let Some(next) = paras.get(last.paragraph + 1)
            && next.is_punct(0, &['-', '—', '–'])
            && let Some((c @ (Cand::Named(_) | Cand::Actor(_)), e)) = next.name_right(1)
            // (a signature, not a subheading: "– Ready to quiz Doe –")
            && next.word(e + 1).is_none_or(starts_upper)
        {
            found = Some(((c, "after: quote, dash speaker"), (next.idx, 0)));
        }
        if found.is_none() && !pf.headline && kind != QuoteKind::Quote {
            found = sentence_end_rule(pl, tl).map(|f| (f, (pl.idx, last.start)));
        }
        if found.is_none() && !comma_style && !pf.headline {
            found = after_rule(pl, tl, false).map(|f| (f, (pl.idx, last.start)));
        }
        if found.is_none() && !pf.headline {
            found = possessive_claim_rule(pf, tf).map(|f| (f, (pf.idx, first.start)));
        }
        if found.is_none()
            && !pf.headline
            && let Some(v) = participle_before(pf, tf)
        {
            found = participle_own_subject(pf, v)
                .map(|c| (c, "before: X participle, quote"))
                .or_else(|| {
                    sentence_subject(pf, v, &state.short)
                        .map(|c| (c, "before: subject, participle, quote"))
                })
                .map(|f| (f, (pf.idx, first.start)));
        }
        // `according to X` in the quotation's sentence names who reported it, and the report is
        // the source even over the subject of a verb before the quotation: in "Roe said the
        // levy was \"Q\", according to the Lisle Ledger", the words reach the reader through
        // the Ledger. So too right after "\"Q,\" Roe said, according to the Ledger"; but an
        // attribution after the quotation that runs on stays ("\"Q\", Roe told Doe at the start
        // of their meeting in Lisle, according to the Ledger": Roe's words, as quoted)
        if !pf.headline
            && let Some((c @ (Cand::Named(_) | Cand::Actor(_)), at)) = pf.according_to_at(tf)
            && found.as_ref().is_none_or(|((_, r), _)| {
                !r.starts_with("after")
                    || (first.paragraph == last.paragraph && at > tl && at - tl <= 10)
                    // a short attribution after a quotation that ends its sentence stands in
                    // the next one: "According to the Ledger, a sign read, \"Q.\" Another
                    // advised, …"
                    || (*r == "after-short" && at < tf)
            })
        {
            found = Some(((c, "according-to"), (pf.idx, first.start)));
        }
        if found.is_none() && !pf.headline {
            found = pf
                .according_to(tf)
                .map(|c| ((c, "according-to"), (pf.idx, first.start)));
        }
        // "More from Roe: \"Q\"", "Polls missed the swing - Roe: \"Q\"": the name right before
        // the colon, opening its sentence or after `from` or a dash
        if found.is_none()
            && !pf.headline
            && tf >= 2
            && pf.is_punct(tf - 1, &[':'])
            && let Some((n, nf)) = pf.name_left(tf - 2)
            && (nf == 0
                || pf.sent[nf - 1] != pf.sent[nf]
                || pf
                    .word(nf - 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("from"))
                || pf.is_punct(nf - 1, &['-', '—', '–']))
        {
            found = Some((
                (Cand::Named(n), "before: name: quote"),
                (pf.idx, first.start),
            ));
        }
        if found.is_none()
            && !pf.headline
            && tf > 0
            && pf.is_punct(tf - 1, &[':'])
            && !pf.byline_before(tf - 1)
        {
            // a colon hands the sentence's subject the floor, whatever the verb: "Fane was
            // blunt: \"Q\"", "Fane disagreed: \"Q\""
            found = sentence_subject(pf, tf, &state.short)
                .map(|c| ((c, "before: subject: quote"), (pf.idx, first.start)));
        }
        // the same when the sentence ends its paragraph and the quotation opens the next:
        // "She recalls the first winter:¶\"Q\""
        if found.is_none()
            && tf == 0
            && !pf.headline
            && let Some(pp) = first.paragraph.checked_sub(1).map(|k| &paras[k])
            && let Some(c) = pp.toks.len().checked_sub(1)
            && pp.is_punct(c, &[':'])
        {
            // "Cruz continued:¶\"Q\"": the subject of a verb of speech right before the colon,
            // known name or not
            let verb_subject = c
                .checked_sub(1)
                .filter(|&v| pp.reports_after_quote(v))
                .and_then(|v| pp.subject_before(v))
                .map(|(s, _)| s);
            found = verb_subject
                .or_else(|| sentence_subject(pp, c, &state.short))
                .or_else(|| last_clause_subject(pp, c))
                .map(|s| ((s, "before: subject: quote"), (pp.idx, pp.toks[c].start)));
        }
        let mut speaker = None;
        let mut rule = None;
        let mut inferred = false;
        if let Some((sp, attribution)) = coordinated {
            speaker = Some(sp);
            rule = Some("coordinated quotation");
            inferred = attribution == Some(Attribution::Inferred);
        } else if let Some(((c, r), para)) = found {
            let pronoun = matches!(c, Cand::Pronoun { .. } | Cand::OrgPronoun(_));
            if matches!(c, Cand::Pronoun { .. }) {
                state.other_side = gloss_side(&text);
            }
            speaker = state.resolve(c, para);
            state.other_side = None;
            rule = Some(r);
            inferred = pronoun && speaker.is_some();
        }
        // a short quotation that is a sentence of its own ("\"Okay, great!\"") continues the
        // speaker like a full one
        let sentence_like = kind != QuoteKind::Fragment
            || (starts_upper(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
                && text.trim_end().ends_with(['.', '!', '?'])
                && (tf == 0 || pf.sent[tf - 1] != pf.sent[tf]));
        if speaker.is_none() && sentence_like && !pf.headline {
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
            // (after the sentence that holds the previous quotation and its attribution: in
            // "\"Q,\" Roe said after Doe spoke.", Doe is no new subject)
            let after = prev
                .and_then(|p| p.spans.last())
                .map(|s| (s.paragraph, paras[s.paragraph].sentence_end(s.start)));
            let k = state
                .subjects
                .partition_point(|e| e.pos < (first.paragraph, first.start));
            if let Some(e) = state.subjects[..k].last()
                && e.pos.0 >= from
                && after.is_none_or(|a| e.pos > a)
                && speaker.as_ref() != Some(&e.speaker)
                && (kind != QuoteKind::Partial
                    || fragment::first_person(&text)
                    || !inside_another_sentence(pf, tf, e.pos))
            {
                speaker = Some(e.speaker.clone());
                rule = Some("continuation: subject");
            }
        }
        if speaker.is_none()
            && kind != QuoteKind::Quote
            && !pf.headline
            && let Some(c) = sentence_subject(pf, tf, &state.short)
        {
            speaker = state.resolve(c, (pf.idx, first.start));
            rule = speaker.as_ref().map(|_| "sentence-subject");
        }
        // a scare quote is the writer's unless its sentence says who used the words
        if kind == QuoteKind::Fragment
            && !fragment::says_who_used(
                pf,
                tf,
                rule,
                sentence_like && text.trim_end().ends_with(['?', '!']),
            )
        {
            speaker = None;
            rule = None;
            inferred = false;
        }
        // so is a partial given only its sentence's subject: `She took her phone everywhere
        // she went, "sending and receiving mail"` is the writer's phrase (one in the first
        // person is someone's speech: `Roe said on Monday, "I will win"`)
        if kind == QuoteKind::Partial
            && rule == Some("sentence-subject")
            && !fragment::verb_of_use_within(pf, tf, 40)
            && !fragment::first_person(&text)
        {
            speaker = None;
            rule = None;
            inferred = false;
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
        // "Guns are \"Q1\" and \"Q2,\" Roe said": the attribution after the second of two
        // quotations joined by a conjunction in one sentence is the first one's too
        if let Some(sp) = &speaker
            && rule.is_some_and(|r| r.starts_with("after"))
            && let Some(prev) = out.last_mut()
            && prev.speaker.is_none()
            && prev.kind != QuoteKind::Title
            && joined_to_next(pf, tf, prev)
        {
            prev.speaker = Some(sp.clone());
            prev.rule = Some("coordinated quotation: attribution after");
            prev.inferred = inferred;
        }
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
            inferred,
        });
    }

    // `a new "Twin Peaks"` after `a chapter of "Twin Peaks"`: a name the article already set
    // as a title is one wherever else it stands
    title::same_name_again(&mut out);

    // Other languages' reporting verbs (none for English, whose rules are the sieve's).
    crate::foreign::attribute(paragraphs, opts.language, &analysis.actors, &mut out);

    // a subheading in headline marks quotes no one there
    subhead::unsay_subheadings(&mut out, paragraphs);

    // a headline's or pull quote's copy of words the body attributes is the same speaker's
    repeat::share_speakers(&mut out, paragraphs);
    repeat::prefer_attributed_copies(&mut out);

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
    // read once here, off the tokens already made, for cleaning the new speakers' names
    if !new.is_empty() {
        analysis.names = names_of_paras(&paras);
    }
    analysis.quotes = out;
    analysis.new_speakers = new;
    analysis
}

// Made here rather than in `names`, which reads pieces and knows nothing of how the
// analysis tokenises: `names` stays below `analyse`.
impl ArticleNames {
    /// The names of plain-text paragraphs, read off the tokens the analysis would make.
    pub fn new(paragraphs: &[&str]) -> ArticleNames {
        let raw = scan::scan(paragraphs);
        let spans = spans_by_para(&raw, paragraphs.len());
        let mut names = ArticleNames::default();
        for (p, qs) in paragraphs.iter().zip(&spans) {
            names.read(&pieces(p, &tokenize(p, qs)));
        }
        names
    }

    /// [`ArticleNames::new`] under a title line.
    #[cfg(test)]
    pub(crate) fn titled(title: &str, paragraphs: &[&str]) -> ArticleNames {
        let mut names = ArticleNames::new(paragraphs);
        names.read_title(&pieces(title, &tokenize(title, &[])));
        names
    }
}

/// The body's names (not the title line's: its capitals name no one, but for the person
/// it may open with, `Ann Roe: 'Q'`).
fn names_of_paras(paras: &[Para]) -> ArticleNames {
    let mut names = ArticleNames::default();
    for pa in paras {
        if pa.headline {
            names.read_title(&pieces(pa.text, &pa.toks));
        } else {
            names.read(&pieces(pa.text, &pa.toks));
        }
    }
    names
}

fn pieces<'a>(p: &'a str, toks: &[Tok]) -> Vec<Piece<'a>> {
    toks.iter()
        .map(|t| match t.kind {
            TokKind::Word => Piece::Word(&p[t.start..t.end]),
            TokKind::Punct(c) => Piece::Punct(c),
            TokKind::Quote(_) => Piece::Quote(&p[t.start..t.end]),
        })
        .collect()
}

/// Each paragraph's quotation spans: (start, end, quotation).
fn spans_by_para(raw: &[RawQuote], paragraphs: usize) -> Vec<Vec<(usize, usize, usize)>> {
    let mut spans_by_para: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); paragraphs];
    for (qi, q) in raw.iter().enumerate() {
        for s in &q.spans {
            spans_by_para[s.paragraph].push((s.start, s.end, qi));
        }
    }
    spans_by_para
}

/// The name that opens the last clause before the colon at token `colon` (after a dash, a
/// semicolon or a comma) right before its lower-case verb: in "When the crowd jeered —
/// and how it jeered! — Roe turned on them:", Roe.
fn last_clause_subject(pa: &Para, colon: usize) -> Option<Cand> {
    let s = pa.sent[colon];
    let open = (0..colon)
        .rev()
        .take_while(|&k| pa.sent[k] == s || pa.is_punct(k, &['—', '–']))
        .find(|&k| pa.is_punct(k, &['—', '–', ';', ',']))?;
    let mut k = open + 1;
    while pa.word(k + 1).is_some_and(starts_upper) {
        k += 1;
    }
    let verb = pa.word(k + 1)?;
    if !verb.chars().all(char::is_lowercase) || is_stop_word(verb) {
        return None;
    }
    let (n, first) = pa.name_left(k)?;
    (first == open + 1).then_some(Cand::Named(n))
}

/// Whether `prev`, the quotation before the one at token `qt` of `pa`, ends in the same
/// sentence of the same paragraph with nothing between the two but commas and a
/// conjunction (`"Q1" and "Q2"`, `"Q1," or "Q2"`).
fn joined_to_next(pa: &Para, qt: usize, prev: &Quote) -> bool {
    let [ps] = prev.spans.as_slice() else {
        return false;
    };
    if ps.paragraph != pa.idx || qt == 0 {
        return false;
    }
    let Some(pt) = (0..qt)
        .rev()
        .find(|&k| matches!(pa.toks[k].kind, TokKind::Quote(_)))
    else {
        return false;
    };
    pa.toks[pt].start == ps.start
        && pa.sent[pt] == pa.sent[qt]
        && (pt + 1..qt).all(|k| {
            pa.is_punct(k, &[',']) || pa.word(k).is_some_and(|w| matches!(w, "and" | "or"))
        })
        && (pt + 1..qt).any(|k| pa.word(k).is_some_and(|w| matches!(w, "and" | "or")))
}

/// Whether the quotation at token `qt` of `pa` stands inside a sentence (not opening it)
/// that began after `subject` (a subject's position): a partial in the middle of a
/// sentence of its own (`The plan would be funded by "closing loopholes"`) belongs to
/// that sentence, not to the person an earlier sentence was about.
fn inside_another_sentence(pa: &Para, qt: usize, subject: (usize, usize)) -> bool {
    let Some(&s) = pa.sent.get(qt) else {
        return false;
    };
    let first = pa.sent.partition_point(|&x| x < s);
    let opens = first == qt;
    !opens && subject < (pa.idx, pa.toks[first].start)
}

/// Whether an honorific names a woman (`Mrs.`, `Ms.`, `Miss`) or a man (`Mr.`).
fn honorific_gender(w: &str) -> Option<bool> {
    match w.trim_end_matches('.') {
        "Mrs" | "Ms" | "Miss" => Some(true),
        "Mr" => Some(false),
        _ => None,
    }
}
