//! What the article has said so far (speakers, subjects, organisations, titles), through
//! which candidates resolve to speakers.

use super::*;
use crate::names::kind_of;

/// A person in the article's salience record (for pronouns).
#[derive(Debug, Clone)]
pub(super) struct Event {
    pub(super) pos: (usize, usize),
    pub(super) speaker: Speaker,
}

/// A description at a (paragraph, byte) position.
pub(super) type Positioned = ((usize, usize), String);

pub(super) struct State<'l> {
    pub(super) lexicon: &'l Lexicon,
    pub(super) events: Vec<Event>,
    /// People as subjects of the text's sentences (a subset of `events`, which also holds
    /// every person named in full), for a quotation the text gives no other speaker.
    pub(super) subjects: Vec<Event>,
    pub(super) quote_events: Vec<Event>,
    /// singular head noun -> indefinite descriptions with it, with their positions
    pub(super) anons: HashMap<String, Vec<Positioned>>,
    /// registry mentions (paragraph, start, actor), sorted
    pub(super) mentions: Vec<(usize, usize, usize)>,
    /// short form -> full name
    pub(super) short: HashMap<String, String>,
    /// (full, short) pairs actually used
    pub(super) used_short: Vec<(String, String)>,
    /// People a pronoun already referred to, and whether it was `she`.
    pub(super) genders: Vec<(Speaker, bool)>,
    /// Organisations as subjects of the text and as speakers of quotations (for `it said`,
    /// `the company said`), each sorted by position.
    pub(super) org_events: Vec<Event>,
    pub(super) org_quote_events: Vec<Event>,
    /// (position, lower-case title, full name) of names written after a title, in text order.
    pub(super) titled: Vec<((usize, usize), String, String)>,
    /// (position, common noun, name) of organisations the text introduces with a common noun
    /// (`the campaign group Clean Air Vessen`), in text order: what a later `the group` means.
    pub(super) org_intros: Vec<((usize, usize), String, String)>,
    /// While a quotation is attributed: the side its editorial gloss puts the people it
    /// talks about on (`them (U.S. counterparts)` -> `US`); the speaker is not of that side.
    pub(super) other_side: Option<String>,
}

/// `We familiarized them (U.S. counterparts) with …`: an editor's gloss naming who `them`
/// are. Returns its first word without periods (`US`), if it is a proper name.
pub(super) fn gloss_side(text: &str) -> Option<String> {
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
pub(super) fn is_generic_org_noun(w: &str) -> bool {
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
pub(super) fn anon_head(desc: &str) -> Option<&str> {
    let before = [" for ", " at ", " of ", " from "]
        .iter()
        .filter_map(|p| desc.find(p))
        .min()
        .map_or(desc, |k| &desc[..k]);
    before.rsplit(' ').next()
}

pub(super) fn singular(h: &str) -> &str {
    if h == "people" {
        return "person";
    }
    h.strip_suffix('s').unwrap_or(h)
}

impl State<'_> {
    pub(super) fn is_person(&self, s: &Speaker) -> bool {
        match s {
            Speaker::Actor { index } => self
                .lexicon
                .actors()
                .get(*index)
                .is_some_and(|a| a.kind == ActorKind::Person),
            // (an organisation is no one's `he` or `she`: `Global Response Staff`, `FBI`)
            Speaker::Named { name } => {
                name.contains(' ')
                    && !name.rsplit(' ').next().is_some_and(is_organisation_noun)
                    && kind_of(name) == ActorKind::Person
            }
            // "a senior official" is one person a later "she said" can mean; "officials" is not
            Speaker::Anonymous { description } => {
                anon_head(description).is_some_and(|h| is_anonymous_head(h) && is_singular_noun(h))
            }
        }
    }

    pub(super) fn is_org(&self, s: &Speaker) -> bool {
        match s {
            Speaker::Actor { index } => self
                .lexicon
                .actors()
                .get(*index)
                .is_some_and(|a| a.kind == ActorKind::Organisation),
            // (`Business Insider`: an outlet is what a later `the company said` means)
            Speaker::Named { name } => {
                name.rsplit(' ').next().is_some_and(is_organisation_noun)
                    || dossier_text::outlets::names_outlet(name)
            }
            Speaker::Anonymous { .. } => false,
        }
    }

    /// The last organisation before `pos` reported as a subject or speaker whose name ends with
    /// `head` (`the union` -> `Kessel Bay Stevedores' Union`), or any, for a generic `head`
    /// (`the company`) or none (`it`).
    pub(super) fn org_event_ref(&self, head: Option<&str>, pos: (usize, usize)) -> Option<Speaker> {
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

    pub(super) fn gender(&self, s: &Speaker) -> Option<bool> {
        self.genders.iter().find(|(p, _)| p == s).map(|(_, f)| *f)
    }

    pub(super) fn expand(&mut self, name: &str) -> String {
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
    pub(super) fn last_person_before(&self, pos: (usize, usize), female: bool) -> Option<Speaker> {
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
    pub(super) fn on_other_side(&self, s: &Speaker) -> bool {
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

    pub(super) fn add_anon(&mut self, head: &str, desc: &str, at: (usize, usize)) {
        self.anons
            .entry(singular(head).to_string())
            .or_default()
            .push((at, desc.to_string()));
    }

    /// `the ministry` -> the last organisation mentioned before `at` whose name or an alias
    /// ends with that noun; `the statement` -> the last organisation mentioned.
    pub(super) fn org_ref(&self, head: &str, at: (usize, usize)) -> Option<usize> {
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
    pub(super) fn org_intro_ref(&self, head: &str, at: (usize, usize)) -> Option<Speaker> {
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
    pub(super) fn title_ref(&self, head: &str, at: (usize, usize)) -> Option<Speaker> {
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
    pub(super) fn resolve(&mut self, c: Cand, at: (usize, usize)) -> Option<Speaker> {
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
