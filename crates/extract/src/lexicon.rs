//! The registry compiled into one Aho-Corasick automaton: actor names, aliases and roles
//! (case-aware) and topic keywords (case-insensitive), found in one pass over a paragraph.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use crate::text::{
    apostrophe_variants, at_sentence_start, capitalise_first, char_at, char_before, is_word_char,
};
use crate::words::is_title;

/// A person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Organisation,
}

/// One actor of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorDef {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub kind: ActorKind,
}

/// One topic of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDef {
    pub id: String,
    pub title: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// An actor by name or alias.
    Actor(usize),
    /// An actor by its role description ("Foreign Minister of Russia").
    Role(usize),
    Topic(usize),
}

#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    /// The exact bytes an actor pattern must have (actors are case-aware); None for topics.
    exact: Option<String>,
    /// The capitalised form of a lower-case alias: valid only at a sentence start.
    sentence_start_only: bool,
}

/// The registry, compiled once per site. `Send + Sync`: share it by reference across threads.
#[derive(Debug, Clone)]
pub struct Lexicon {
    actors: Vec<ActorDef>,
    topics: Vec<TopicDef>,
    automaton: Option<AhoCorasick>,
    /// Pattern id -> the entries that share its (ASCII case-folded) text.
    entries: Vec<Vec<Entry>>,
}

/// A raw hit of the automaton after the boundary and case checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

impl Lexicon {
    /// Compiles names, aliases, roles and keywords into one automaton.
    pub fn new(actors: &[ActorDef], topics: &[TopicDef]) -> Lexicon {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut seen_exact: HashMap<String, Target> = HashMap::new();

        let mut add = |text: &str, entry: Entry| {
            if text.trim().is_empty() {
                return;
            }
            // An exact actor form claimed by an earlier actor stays with it.
            if let Some(exact) = &entry.exact {
                match seen_exact.get(exact) {
                    Some(_) => return,
                    None => {
                        seen_exact.insert(exact.clone(), entry.target);
                    }
                }
            }
            let key = text.to_ascii_lowercase();
            let id = *by_key.entry(key).or_insert_with(|| {
                patterns.push(text.to_string());
                entries.push(Vec::new());
                patterns.len() - 1
            });
            entries[id].push(entry);
        };

        for (i, a) in actors.iter().enumerate() {
            let mut forms: Vec<(&str, Target)> = vec![(a.name.as_str(), Target::Actor(i))];
            forms.extend(a.aliases.iter().map(|s| (s.as_str(), Target::Actor(i))));
            let possessive_roles = a.role.as_deref().map(possessive_role).unwrap_or_default();
            if let Some(role) = &a.role {
                forms.push((role.as_str(), Target::Role(i)));
            }
            forms.extend(
                possessive_roles
                    .iter()
                    .map(|s| (s.as_str(), Target::Role(i))),
            );
            for (form, target) in forms {
                let form = form.trim();
                for v in apostrophe_variants(form) {
                    add(
                        &v,
                        Entry {
                            target,
                            exact: Some(v.clone()),
                            sentence_start_only: false,
                        },
                    );
                    let cap = capitalise_first(&v);
                    if cap != v {
                        add(
                            &cap,
                            Entry {
                                target,
                                exact: Some(cap.clone()),
                                sentence_start_only: true,
                            },
                        );
                    }
                }
            }
        }
        for (i, t) in topics.iter().enumerate() {
            for k in &t.keywords {
                for v in apostrophe_variants(k.trim()) {
                    add(
                        &v,
                        Entry {
                            target: Target::Topic(i),
                            exact: None,
                            sentence_start_only: false,
                        },
                    );
                }
            }
        }

        let automaton = if patterns.is_empty() {
            None
        } else {
            let build = |kind: Option<AhoCorasickKind>| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(kind)
                    .build(&patterns)
                    .ok()
            };
            // A DFA is the fastest scan; very large registries fall back to the automatic choice.
            let dfa = if patterns.len() <= 5000 {
                build(Some(AhoCorasickKind::DFA))
            } else {
                None
            };
            dfa.or_else(|| build(None))
        };
        Lexicon {
            actors: actors.to_vec(),
            topics: topics.to_vec(),
            automaton,
            entries,
        }
    }

    pub fn actors(&self) -> &[ActorDef] {
        &self.actors
    }

    pub fn topics(&self) -> &[TopicDef] {
        &self.topics
    }

    /// Every valid hit in `text`: whole words, case as written (or capitalised at a
    /// sentence start), before the longest-match selection.
    pub(crate) fn raw_hits(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let bounded = char_before(text, s).is_none_or(|c| !is_word_char(c))
                && char_at(text, e).is_none_or(|c| !is_word_char(c));
            if !bounded {
                continue;
            }
            let found = &text[s..e];
            for entry in &self.entries[m.pattern().as_usize()] {
                if let Some(exact) = &entry.exact {
                    if exact != found {
                        continue;
                    }
                    if entry.sentence_start_only && !at_sentence_start(text, s) {
                        continue;
                    }
                }
                hits.push(Hit {
                    start: s,
                    end: e,
                    target: entry.target,
                });
            }
        }
        hits
    }

    /// Actor hits (names, aliases, roles) with the longest match winning, and topic hits
    /// (also longest-first, independently of actors), both sorted by position.
    pub(crate) fn find(&self, text: &str) -> (Vec<Hit>, Vec<Hit>) {
        let hits = self.raw_hits(text);
        let (actor_hits, topic_hits): (Vec<Hit>, Vec<Hit>) = hits
            .into_iter()
            .partition(|h| !matches!(h.target, Target::Topic(_)));
        (longest_first(actor_hits), longest_first(topic_hits))
    }
}

/// `Finance Minister of Veldoria` is also written `Veldoria's finance minister` (and
/// `Veldoria's Finance Minister`): the possessive forms of an `X of Y` role whose `Y` is a
/// proper name (not `Secretary of State`).
fn possessive_role(role: &str) -> Vec<String> {
    let Some((x, y)) = role.trim().split_once(" of ") else {
        return Vec::new();
    };
    let proper = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && !is_title(w);
    if x.is_empty() || !y.split(' ').all(proper) {
        return Vec::new();
    }
    let mut out = vec![format!("{y}'s {x}")];
    let low = x.to_lowercase();
    if low != x {
        out.push(format!("{y}'s {low}"));
    }
    out
}

/// Greedy selection: longest first (leftmost on ties), dropping any hit that overlaps a chosen one.
fn longest_first(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut chosen: Vec<Hit> = Vec::with_capacity(hits.len());
    if hits.len() <= 16 {
        for h in hits {
            if chosen.iter().all(|c| h.end <= c.start || h.start >= c.end) {
                chosen.push(h);
            }
        }
    } else {
        // Many hits: an occupancy map keeps the selection linear in the matched bytes.
        let lo = hits.iter().map(|h| h.start).min().unwrap_or(0);
        let hi = hits.iter().map(|h| h.end).max().unwrap_or(0);
        let mut taken = vec![false; hi - lo];
        for h in hits {
            let r = h.start - lo..h.end - lo;
            if !taken[r.clone()].iter().any(|&t| t) {
                taken[r].iter_mut().for_each(|t| *t = true);
                chosen.push(h);
            }
        }
    }
    chosen.sort_by_key(|h| (h.start, h.end));
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str, aliases: &[&str], role: Option<&str>) -> ActorDef {
        ActorDef {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            role: role.map(str::to_string),
            kind: ActorKind::Person,
        }
    }

    fn lex() -> Lexicon {
        let actors = vec![
            person(
                "lavrov",
                "Sergei Lavrov",
                &["Lavrov", "Russian Foreign Minister", "the Russian minister"],
                Some("Foreign Minister of Russia"),
            ),
            ActorDef {
                id: "mfa".into(),
                name: "Russian Foreign Ministry".into(),
                aliases: vec!["Russia's foreign ministry".into()],
                role: None,
                kind: ActorKind::Organisation,
            },
        ];
        let topics = vec![TopicDef {
            id: "syria".into(),
            title: "Syria".into(),
            keywords: vec!["Syria".into(), "Islamic State".into()],
        }];
        Lexicon::new(&actors, &topics)
    }

    fn actor_spans(l: &Lexicon, t: &str) -> Vec<(String, Target)> {
        l.find(t)
            .0
            .into_iter()
            .map(|h| (t[h.start..h.end].to_string(), h.target))
            .collect()
    }

    #[test]
    fn longest_match_wins() {
        let l = lex();
        assert_eq!(
            actor_spans(
                &l,
                "Russian Foreign Minister Sergei Lavrov met the Russian Foreign Ministry."
            ),
            vec![
                ("Russian Foreign Minister".into(), Target::Actor(0)),
                ("Sergei Lavrov".into(), Target::Actor(0)),
                ("Russian Foreign Ministry".into(), Target::Actor(1)),
            ]
        );
    }

    #[test]
    fn whole_words_and_case() {
        let l = lex();
        assert!(actor_spans(&l, "Lavrovian ideas; LAVROV; lavrov").is_empty());
        assert_eq!(actor_spans(&l, "said the Russian minister").len(), 1);
        assert_eq!(
            actor_spans(&l, "He left. The Russian minister said").len(),
            1
        );
        // capitalised alias only at a sentence start
        assert!(actor_spans(&l, "and The Russian minister said").is_empty());
    }

    #[test]
    fn apostrophes_equivalent() {
        let l = lex();
        assert_eq!(
            actor_spans(&l, "Russia’s foreign ministry said")[0].1,
            Target::Actor(1)
        );
        assert_eq!(
            actor_spans(&l, "Russia's foreign ministry said")[0].1,
            Target::Actor(1)
        );
        assert_eq!(actor_spans(&l, "Lavrov’s speech")[0].0, "Lavrov");
    }

    #[test]
    fn failed_boundary_does_not_hide_other_matches() {
        let l = lex();
        // "Russian Foreign Minister" fails its boundary inside "Ministryx"; nothing else matches
        assert!(actor_spans(&l, "Russian Foreign Ministryx").is_empty());
        // a shorter alias inside a failed longer one is still found
        assert_eq!(
            actor_spans(&l, "the Russian ministers and Lavrov")[0].0,
            "Lavrov"
        );
    }

    #[test]
    fn roles_and_topics() {
        let l = lex();
        assert_eq!(
            actor_spans(&l, "the Foreign Minister of Russia said")[0].1,
            Target::Role(0)
        );
        // the possessive form of an "X of Y" role
        for t in [
            "Russia's foreign minister said",
            "Russia’s Foreign Minister said",
        ] {
            assert_eq!(actor_spans(&l, t)[0].1, Target::Role(0), "{t}");
        }
        assert!(possessive_role("US Secretary of State").is_empty());
        let (_, topics) = l.find("SYRIA and the islamic state; Syrian");
        assert_eq!(topics.len(), 2);
    }

    #[test]
    fn empty_registry() {
        let l = Lexicon::new(&[], &[]);
        assert!(l.find("anything at all").0.is_empty());
    }
}
