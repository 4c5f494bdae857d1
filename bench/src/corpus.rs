//! The corpus model: a registry of actors and topics, a pool of statements
//! with Zipf-like popularity, and the generator of one article.
//!
//! Everything is a pure function of (seed, number of articles): the world is
//! built from `Rng::new(seed)`, article `i` from `Rng::stream(seed, i)`.

use crate::rng::{Rng, Zipf};
use crate::util::{cap_first, civil_from_days, days_from_civil, lower_first, thousands};
use crate::words::{self, COUNTRIES, OUTLETS, TOPICS};
use dossier_text::slug::slugify;
use dossier_text::yaml;

/// Bump when the output for a given seed changes (invalidates caches).
pub const GENERATOR_VERSION: u32 = 1;

pub const FIRST_YEAR: i64 = 2019;
pub const LAST_YEAR: i64 = 2025;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organisation,
}

#[derive(Clone, Debug)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// Persons: the surname. Organisations: the name.
    pub short: String,
    /// The registry's `role`.
    pub role: Option<String>,
    /// Persons: a title put before the name ("Freedonian Foreign Minister").
    pub title: Option<String>,
    /// Role descriptions used in the text ("the foreign minister of Freedonia").
    pub descriptions: Vec<String>,
    /// The registry's aliases.
    pub aliases: Vec<String>,
    pub female: bool,
    pub country: Option<usize>,
    /// Organisations whose name takes "the".
    pub the: bool,
}

#[derive(Clone, Debug)]
pub struct TopicWorld {
    pub countries: Vec<usize>,
    pub persons: Vec<usize>,
    pub person_zipf: Zipf,
    pub orgs: Vec<usize>,
    /// Statement ids, most popular first.
    pub pool: Vec<usize>,
    pub pool_zipf: Zipf,
}

#[derive(Clone, Debug)]
pub struct Statement {
    pub speaker: usize,
    pub topic: usize,
    pub sentences: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct World {
    pub seed: u64,
    pub articles: usize,
    pub actors: Vec<Actor>,
    pub topics: Vec<TopicWorld>,
    pub statements: Vec<Statement>,
    pub topic_zipf: Zipf,
    pub outlet_zipf: Zipf,
    pub first_day: i64,
    pub days: usize,
}

fn expand(tpl: &str, out: &mut String, mut f: impl FnMut(&str, &mut String)) {
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').expect("unclosed placeholder");
        f(&after[..close], out);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

fn country_expand(tpl: &str, c: usize) -> String {
    let mut s = String::new();
    expand(tpl, &mut s, |k, o| match k {
        "C" => o.push_str(COUNTRIES[c].name),
        "Adj" => o.push_str(COUNTRIES[c].adj),
        _ => unreachable!("{k}"),
    });
    s
}

/// The number of statements in the pool for a corpus of `n` articles.
pub fn pool_size(n: usize) -> usize {
    (n * 3 / 10).clamp(300, 30_000)
}

impl World {
    pub fn new(seed: u64, articles: usize) -> World {
        let mut rng = Rng::new(seed);
        let mut actors: Vec<Actor> = Vec::new();

        // Surnames: unique combinations of invented syllables.
        let mut surnames: Vec<String> = Vec::new();
        for h in words::SURNAME_HEADS {
            for t in words::SURNAME_TAILS {
                surnames.push(format!("{h}{t}"));
            }
        }
        rng.shuffle(&mut surnames);
        let mut surnames = surnames.into_iter();

        let mut person = |rng: &mut Rng,
                          actors: &mut Vec<Actor>,
                          title: String,
                          role: String,
                          descriptions: Vec<String>,
                          country: Option<usize>| {
            let female = rng.chance(0.45);
            let first = if female {
                rng.pick(words::FEMALE_FIRST)
            } else {
                rng.pick(words::MALE_FIRST)
            };
            let surname = surnames.next().expect("enough surnames");
            let name = format!("{first} {surname}");
            let mut aliases = vec![surname.clone()];
            if rng.chance(0.5) {
                aliases.push(descriptions[0].clone());
            }
            if rng.chance(0.2) {
                aliases.push(format!("{}. {surname}", &first[..1]));
            }
            actors.push(Actor {
                id: slugify(&name),
                name,
                kind: Kind::Person,
                short: surname,
                role: Some(role),
                title: Some(title),
                descriptions,
                aliases,
                female,
                country,
                the: false,
            });
        };

        // Persons: the three key offices of every country, and four more.
        for c in 0..COUNTRIES.len() {
            let mut roles: Vec<usize> = (3..words::ROLES.len()).collect();
            rng.shuffle(&mut roles);
            let mut mine = vec![0, 1, 2];
            mine.extend_from_slice(&roles[..4]);
            for r in mine {
                let role = &words::ROLES[r];
                let descriptions = role
                    .descriptions
                    .iter()
                    .map(|d| country_expand(d, c))
                    .collect();
                person(
                    &mut rng,
                    &mut actors,
                    country_expand(role.title, c),
                    country_expand(role.role, c),
                    descriptions,
                    Some(c),
                );
            }
        }
        for (title, role, desc) in words::INTL_PERSON_ROLES {
            person(
                &mut rng,
                &mut actors,
                title.to_string(),
                role.to_string(),
                vec![desc.to_string()],
                None,
            );
        }
        // Organisations: each country's foreign ministry and one more body.
        for c in 0..COUNTRIES.len() {
            let other = 1 + rng.below(words::COUNTRY_ORGS.len() - 1);
            for o in [0, other] {
                let (name, aliases) = words::COUNTRY_ORGS[o];
                let name = country_expand(name, c);
                let aliases: Vec<String> = aliases.iter().map(|a| country_expand(a, c)).collect();
                actors.push(Actor {
                    id: slugify(&name),
                    short: name.clone(),
                    descriptions: aliases.clone(),
                    name,
                    kind: Kind::Organisation,
                    role: None,
                    title: None,
                    aliases,
                    female: false,
                    country: Some(c),
                    the: true,
                });
            }
        }
        for (name, aliases) in words::INTL_ORGS {
            actors.push(Actor {
                id: slugify(name),
                name: name.to_string(),
                kind: Kind::Organisation,
                short: name.to_string(),
                role: None,
                title: None,
                descriptions: aliases.iter().map(|s| s.to_string()).collect(),
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                female: false,
                country: None,
                the: !name.starts_with("Valdor"),
            });
        }

        // Topics: three countries each, their people and bodies, a few
        // international ones.
        let intl_persons: Vec<usize> = (0..actors.len())
            .filter(|&a| actors[a].kind == Kind::Person && actors[a].country.is_none())
            .collect();
        let intl_orgs: Vec<usize> = (0..actors.len())
            .filter(|&a| actors[a].kind == Kind::Organisation && actors[a].country.is_none())
            .collect();
        let mut topics = Vec::new();
        let per_topic = pool_size(articles).div_ceil(TOPICS.len());
        let mut statements = Vec::new();
        for t in 0..TOPICS.len() {
            let mut cs: Vec<usize> = (0..COUNTRIES.len()).collect();
            rng.shuffle(&mut cs);
            cs.truncate(3);
            let mut persons: Vec<usize> = (0..actors.len())
                .filter(|&a| {
                    actors[a].kind == Kind::Person
                        && actors[a].country.is_some_and(|c| cs.contains(&c))
                })
                .collect();
            for _ in 0..2 {
                let p = *rng.pick(&intl_persons);
                if !persons.contains(&p) {
                    persons.push(p);
                }
            }
            rng.shuffle(&mut persons);
            let mut orgs: Vec<usize> = (0..actors.len())
                .filter(|&a| {
                    actors[a].kind == Kind::Organisation
                        && actors[a].country.is_some_and(|c| cs.contains(&c))
                })
                .collect();
            for _ in 0..2 {
                let o = *rng.pick(&intl_orgs);
                if !orgs.contains(&o) {
                    orgs.push(o);
                }
            }
            rng.shuffle(&mut orgs);
            let person_zipf = Zipf::new(persons.len(), 0.9);
            let mut pool = Vec::with_capacity(per_topic);
            for _ in 0..per_topic {
                let speaker = if rng.chance(0.85) {
                    persons[person_zipf.sample(&mut rng)]
                } else {
                    *rng.pick(&orgs)
                };
                let sentences = statement(&actors, &cs, t, speaker, &mut rng);
                pool.push(statements.len());
                statements.push(Statement {
                    speaker,
                    topic: t,
                    sentences,
                });
            }
            topics.push(TopicWorld {
                countries: cs,
                persons,
                person_zipf,
                orgs,
                pool_zipf: Zipf::new(pool.len(), 1.0),
                pool,
            });
        }

        let first_day = days_from_civil(FIRST_YEAR, 1, 1);
        let days = (days_from_civil(LAST_YEAR, 12, 31) - first_day + 1) as usize;
        World {
            seed,
            articles,
            actors,
            topics,
            statements,
            topic_zipf: Zipf::new(TOPICS.len(), 0.8),
            outlet_zipf: Zipf::new(OUTLETS.len(), 0.7),
            first_day,
            days,
        }
    }

    /// `site.yaml` of the corpus (SPEC section 2).
    pub fn site_yaml(&self) -> String {
        let mut s = String::with_capacity(64 * 1024);
        s.push_str(&format!(
            "# Generated by dossier-bench (generator {GENERATOR_VERSION}, seed {}, {} articles).\n",
            self.seed, self.articles
        ));
        s.push_str(&format!(
            "title: Benchmark Briefing ({} articles)\n",
            thousands(self.articles as u64)
        ));
        s.push_str("base_url: https://bench.example.org\n");
        s.push_str("description: A generated corpus of news on the invented states of the Amber Sea region\n");
        s.push_str("language: en\ntheme: default\noutput_dir: public\ntimezone: UTC\n\n");
        s.push_str("actors:\n");
        for a in &self.actors {
            s.push_str("  ");
            s.push_str(&a.id);
            s.push_str(":\n    name: ");
            s.push_str(&yaml::scalar(&a.name));
            s.push_str("\n    aliases: [");
            for (i, al) in a.aliases.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&yaml::flow_item(al));
            }
            s.push_str("]\n");
            if let Some(r) = &a.role {
                s.push_str("    role: ");
                s.push_str(&yaml::scalar(r));
                s.push('\n');
            }
            s.push_str(match a.kind {
                Kind::Person => "    kind: person\n",
                Kind::Organisation => "    kind: organisation\n",
            });
        }
        s.push_str("\ntopics:\n");
        for t in TOPICS {
            s.push_str("  ");
            s.push_str(t.id);
            s.push_str(":\n    title: ");
            s.push_str(&yaml::scalar(t.title));
            s.push_str("\n    keywords: [");
            for (i, k) in t.keywords.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&yaml::flow_item(k));
            }
            s.push_str("]\n");
        }
        s.push_str("\nquotes:\n  min_words: 4\ndigest:\n  recent: 20\n");
        s
    }
}

/// A statement of 1-3 sentences by `speaker` on topic `t`.
fn statement(
    actors: &[Actor],
    cs: &[usize],
    t: usize,
    speaker: usize,
    rng: &mut Rng,
) -> Vec<String> {
    let c = actors[speaker].country.unwrap_or(cs[0]);
    let c2 = cs.iter().copied().find(|&x| x != c).unwrap_or(cs[1]);
    let kws = TOPICS[t].keywords;
    let fill = |k: &str, o: &mut String, rng: &mut Rng| match k {
        "kw" => o.push_str(rng.pick_str(kws)),
        "C" => o.push_str(COUNTRIES[c].name),
        "C2" => o.push_str(COUNTRIES[c2].name),
        "Adj" => o.push_str(COUNTRIES[c].adj),
        "Adj2" => o.push_str(COUNTRIES[c2].adj),
        "city" => {
            let cc = if rng.chance(0.5) { c } else { c2 };
            o.push_str(COUNTRIES[cc].capital)
        }
        "sq" => o.push_str(rng.pick_str(words::SCARE)),
        _ => unreachable!("statement placeholder {k}"),
    };
    let mut out = Vec::new();
    let mut words_total = 0;
    let n = match rng.below(100) {
        0..45 => 1,
        45..85 => 2,
        _ => 3,
    };
    while out.len() < n || words_total < 10 {
        let mut s = String::with_capacity(160);
        let r = rng.below(100);
        if r < 12 {
            s.push_str(rng.pick_str(words::ST_SHORT));
        } else if r < 15 {
            let tpl = *rng.pick(words::ST_NESTED);
            expand(tpl, &mut s, |k, o| fill(k, o, rng));
        } else {
            if rng.chance(0.3) {
                s.push_str(rng.pick_str(words::ST_OPENERS));
                s.push(' ');
            }
            let clauses = if rng.chance(0.4) { 2 } else { 1 };
            for i in 0..clauses {
                if i > 0 {
                    s.push_str(rng.pick_str(words::ST_CONNECTORS));
                    s.push(' ');
                }
                let parts = [
                    *rng.pick(words::ST_SUBJECTS),
                    *rng.pick(words::ST_VERBS),
                    *rng.pick(words::ST_OBJECTS),
                    *rng.pick(words::ST_TAILS),
                ];
                for (j, p) in parts.iter().enumerate() {
                    if p.is_empty() {
                        continue;
                    }
                    if j > 0 {
                        s.push(' ');
                    }
                    expand(p, &mut s, |k, o| fill(k, o, rng));
                }
            }
            s.push('.');
            cap_first(&mut s);
        }
        words_total += s.split_whitespace().count();
        out.push(s);
    }
    out
}

// ---- one article ----------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

/// A generated article, before it is written in one format or another.
#[derive(Debug)]
pub struct Article {
    pub index: usize,
    pub year: i64,
    pub month: u32,
    pub day: u32,
    /// `YYYY-MM-DD` or an RFC 3339 date-time.
    pub date: String,
    pub stem: String,
    pub format: Format,
    pub title: String,
    pub source: &'static str,
    pub url: String,
    pub curly: bool,
    /// Front matter lists as written (ids and the odd free-form name).
    pub fm_topics: Option<Vec<String>>,
    pub fm_actors: Option<Vec<String>>,
    pub summary: Option<String>,
    pub dateline: Option<String>,
    pub slug: Option<String>,
    pub draft: bool,
    /// Ground truth for the Hugo taxonomies: topic ids and actor ids/names.
    pub topics: Vec<String>,
    pub actors: Vec<String>,
    pub blocks: Vec<Block>,
    pub words: usize,
    pub quotes: usize,
}

#[derive(Debug)]
pub enum Block {
    Para(String),
    Heading(String),
    List(Vec<String>),
    Code(&'static str, String),
    BlockQuote(String),
    Table(String),
    Footnote(String),
}

struct Ctx<'w> {
    w: &'w World,
    rng: Rng,
    topic: usize,
    topic2: Option<usize>,
    c: usize,
    c2: usize,
    year: i64,
    persons: Vec<usize>,
    orgs: Vec<usize>,
    mentioned: Vec<usize>,
    last_person: Option<usize>,
    quoted: Vec<usize>,
    outsiders: Vec<String>,
    markdown: bool,
    scare_left: usize,
    outlet: usize,
    /// Bit k: PROSE[k] was used.
    used_prose: u64,
}

fn count_words(s: &str) -> usize {
    s.split_whitespace().count()
}

impl Ctx<'_> {
    fn kw(&mut self) -> &'static str {
        self.rng.pick_str(TOPICS[self.topic].keywords)
    }

    fn kw2(&mut self) -> &'static str {
        match self.topic2 {
            Some(t) if self.rng.chance(0.7) => self.rng.pick_str(TOPICS[t].keywords),
            _ => self.kw(),
        }
    }

    fn city(&mut self) -> &'static str {
        let c = if self.rng.chance(0.75) {
            self.c
        } else {
            self.c2
        };
        let k = &COUNTRIES[c];
        if self.rng.chance(0.7) {
            k.capital
        } else {
            self.rng.pick_str(&k.cities)
        }
    }

    fn pick_person(&mut self, not: Option<usize>) -> usize {
        for _ in 0..8 {
            // Favour the first (main) people of the article.
            let i = self.rng.below(self.persons.len());
            let i = self.rng.below(i + 1);
            let p = self.persons[i];
            if Some(p) != not {
                return p;
            }
        }
        self.persons
            .iter()
            .copied()
            .find(|&p| Some(p) != not)
            .unwrap_or(self.persons[0])
    }

    fn mention(&mut self, a: usize) -> bool {
        if self.mentioned.contains(&a) {
            false
        } else {
            self.mentioned.push(a);
            true
        }
    }

    /// A reference to a person: full title and name at first, then surname,
    /// role description, pronoun.
    fn person_ref(&mut self, a: usize, pronoun_ok: bool, out: &mut String) {
        let actor = &self.w.actors[a];
        let first = self.mention(a);
        let r = self.rng.below(100);
        if first {
            match (r, &actor.title) {
                (0..55, Some(t)) => {
                    out.push_str(t);
                    out.push(' ');
                    out.push_str(&actor.name);
                }
                _ => out.push_str(&actor.name),
            }
        } else if pronoun_ok && self.last_person == Some(a) && r < 35 {
            out.push_str(if actor.female { "she" } else { "he" });
        } else if r < 65 {
            out.push_str(&actor.short);
        } else if r < 80 {
            let d = self.rng.pick(&actor.descriptions);
            out.push_str(d);
        } else {
            out.push_str(&actor.name);
        }
        self.last_person = Some(a);
    }

    fn org_ref(&mut self, a: usize, out: &mut String) {
        let actor = &self.w.actors[a];
        let first = self.mention(a);
        if first || self.rng.chance(0.6) {
            if actor.the {
                out.push_str("the ");
            }
            out.push_str(&actor.name);
        } else {
            out.push_str(self.rng.pick(&actor.descriptions).as_str());
        }
    }

    /// Expand a prose template into a sentence.
    fn sentence(&mut self, tpl: &str) -> String {
        let mut s = String::with_capacity(tpl.len() + 64);
        let starts_with_p = tpl.starts_with("{P}");
        let mut p1 = None;
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            s.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}').expect("unclosed placeholder");
            let key = &after[..close];
            rest = &after[close + 1..];
            let at_start = starts_with_p && open == 0 && s.is_empty();
            self.fill(key, &mut s, &mut p1, at_start);
        }
        s.push_str(rest);
        cap_first(&mut s);
        s
    }

    fn fill(&mut self, key: &str, o: &mut String, p1: &mut Option<usize>, pronoun_ok: bool) {
        match key {
            "P" => {
                let p = self.pick_person(None);
                *p1 = Some(p);
                self.person_ref(p, pronoun_ok, o);
            }
            "P2" => {
                let p = self.pick_person(*p1);
                self.person_ref(p, false, o);
            }
            "S" | "S2" => {
                let p = if key == "S" {
                    self.persons[0]
                } else {
                    self.pick_person(Some(self.persons[0]))
                };
                o.push_str(&self.w.actors[p].short);
            }
            "O" => {
                let a = *self.rng.pick(&self.orgs);
                self.org_ref(a, o);
            }
            "On" => {
                let a = self.orgs[0];
                o.push_str(&self.w.actors[a].name);
            }
            "C" => o.push_str(COUNTRIES[self.c].name),
            "C2" => o.push_str(COUNTRIES[self.c2].name),
            "Adj" => o.push_str(COUNTRIES[self.c].adj),
            "Adj2" => o.push_str(COUNTRIES[self.c2].adj),
            "city" => {
                let c = self.city();
                o.push_str(c)
            }
            "kw" => {
                let k = self.kw();
                o.push_str(k)
            }
            "kw2" => {
                let k = self.kw2();
                o.push_str(k)
            }
            "kwC" => {
                let mut k = self.kw().to_string();
                cap_first(&mut k);
                o.push_str(&k)
            }
            "n" => o.push_str(&self.rng.range(2, 14).to_string()),
            "N" => o.push_str(&thousands(self.rng.range(10, 500) as u64 * 100)),
            "pct" => o.push_str(&self.rng.range(3, 40).to_string()),
            "day" => o.push_str(self.rng.pick_str(words::WEEKDAYS)),
            "month" => o.push_str(self.rng.pick_str(words::MONTHS)),
            "year" => o.push_str(&(self.year - self.rng.range(1, 4) as i64).to_string()),
            "ord" => o.push_str(self.rng.pick_str(words::ORDINALS)),
            "src" => {
                let mut k = self.rng.below(OUTLETS.len());
                if k == self.outlet {
                    k = (k + 1) % OUTLETS.len();
                }
                if self.markdown && self.rng.chance(0.3) {
                    o.push('*');
                    o.push_str(OUTLETS[k].name);
                    o.push('*');
                } else {
                    o.push_str(OUTLETS[k].name);
                }
            }
            "sq" => {
                o.push('«');
                o.push_str(self.rng.pick_str(words::SCARE));
                o.push('»');
            }
            "tq" => {
                o.push('«');
                let s = self.rng.pick(words::ST_SHORT);
                o.push_str(s.trim_end_matches('.'));
                o.push('»');
            }
            _ => unreachable!("placeholder {key}"),
        }
    }

    fn prose_para(&mut self) -> String {
        let n = self.rng.range(1, 4);
        let mut p = String::with_capacity(500);
        for i in 0..n {
            if i > 0 {
                p.push(' ');
            }
            let s = if self.scare_left > 0 && self.rng.chance(0.25) {
                self.scare_left -= 1;
                let tpl = self.rng.pick_str(words::SCARE_PROSE);
                self.sentence(tpl)
            } else if self.rng.chance(0.35) {
                // Subject, verb, object, time: thousands of combinations.
                let mut tpl = String::with_capacity(120);
                tpl.push_str(self.rng.pick_str(words::PG_SUBJECTS));
                tpl.push(' ');
                tpl.push_str(self.rng.pick_str(words::PG_VERBS));
                tpl.push(' ');
                tpl.push_str(self.rng.pick_str(words::PG_OBJECTS));
                let t = self.rng.pick_str(words::PG_TIMES);
                if !t.is_empty() {
                    tpl.push(' ');
                    tpl.push_str(t);
                }
                tpl.push('.');
                self.sentence(&tpl)
            } else {
                // A fixed template, not one this article has used already.
                let mut k = self.rng.below(words::PROSE.len());
                for _ in 0..4 {
                    if self.used_prose & (1u64 << k) == 0 {
                        break;
                    }
                    k = self.rng.below(words::PROSE.len());
                }
                self.used_prose |= 1u64 << k;
                self.sentence(words::PROSE[k])
            };
            p.push_str(&s);
        }
        p
    }

    /// A statement and its speaker: from the pool (with a small change in
    /// wording now and then) or fresh for this article.
    fn pick_statement(&mut self) -> (Speaker, Vec<String>) {
        let tw = &self.w.topics[self.topic];
        if self.rng.chance(0.6) {
            let id = tw.pool[tw.pool_zipf.sample(&mut self.rng)];
            let st = &self.w.statements[id];
            let sentences = variant(&st.sentences, &mut self.rng);
            return (Speaker::Actor(st.speaker), sentences);
        }
        let r = self.rng.below(100);
        let speaker = if r < 75 {
            Speaker::Actor(self.pick_person(None))
        } else if r < 85 {
            Speaker::Actor(*self.rng.pick(&self.orgs))
        } else if r < 93 {
            if self.outsiders.is_empty() || self.rng.chance(0.3) {
                let name = format!(
                    "{} {}",
                    self.rng.pick(words::OUTSIDER_FIRST),
                    self.rng.pick(words::OUTSIDER_LAST)
                );
                self.outsiders.push(name);
            }
            Speaker::Outsider(self.outsiders.len() - 1)
        } else {
            Speaker::Anonymous
        };
        let speaker_actor = match speaker {
            Speaker::Actor(a) => a,
            _ => self.persons[0],
        };
        let cs = &self.w.topics[self.topic].countries;
        let s = statement(&self.w.actors, cs, self.topic, speaker_actor, &mut self.rng);
        (speaker, s)
    }

    /// One quotation in one of the patterns news uses; may add a second
    /// paragraph (a continuation, or a quote that runs across paragraphs).
    /// Returns the paragraphs and the number of quotations used.
    fn quote_paras(&mut self, allow_two: bool) -> (Vec<String>, usize) {
        let (speaker, sentences) = self.pick_statement();
        let mut paras = Vec::new();
        let mut used = 1;
        let q = sentences.join(" ");
        let mut p = String::with_capacity(q.len() + 100);
        match speaker {
            Speaker::Actor(a) if self.w.actors[a].kind == Kind::Person => {
                let again = self.quoted.contains(&a);
                let r = self.rng.below(100);
                if sentences.len() >= 2 && r < 22 {
                    let rest = sentences[1..].join(" ");
                    if r < 4 && allow_two {
                        // Runs across two paragraphs: no closing mark in the first.
                        let mut p1 = String::new();
                        self.person_ref(a, true, &mut p1);
                        p1.push_str(" said: «");
                        p1.push_str(&sentences[0]);
                        cap_first(&mut p1);
                        paras.push(p1);
                        p.push('«');
                        p.push_str(&rest);
                        p.push('»');
                    } else {
                        p.push('«');
                        p.push_str(&with_comma(&sentences[0]));
                        p.push_str("» ");
                        self.person_ref(a, true, &mut p);
                        if r < 13 {
                            p.push_str(" said. «");
                            p.push_str(&rest);
                        } else {
                            p.push_str(" said, «");
                            p.push_str(&lower_first(&rest));
                        }
                        p.push('»');
                    }
                } else if r < 52 {
                    p.push('«');
                    p.push_str(&with_comma(&q));
                    p.push_str("» ");
                    self.person_ref(a, true, &mut p);
                    p.push(' ');
                    p.push_str(match self.rng.below(12) {
                        0..6 => "said",
                        6 => "told reporters",
                        7 => "stressed",
                        8 if again => "added",
                        8 => "warned",
                        9 => "insisted",
                        10 => "noted",
                        _ => "said on Twitter",
                    });
                    p.push('.');
                } else if r < 67 {
                    p.push('«');
                    p.push_str(&with_comma(&q));
                    p.push_str("» said ");
                    let first = !self.mentioned.contains(&a);
                    if first && self.rng.chance(0.5) {
                        let actor = &self.w.actors[a];
                        self.mention(a);
                        p.push_str(&actor.name);
                        p.push_str(", ");
                        p.push_str(self.rng.pick(&actor.descriptions).as_str());
                        p.push('.');
                        self.last_person = Some(a);
                    } else {
                        self.person_ref(a, false, &mut p);
                        p.push('.');
                    }
                } else if r < 84 {
                    self.person_ref(a, true, &mut p);
                    p.push_str(match self.rng.below(4) {
                        0 => " told reporters: «",
                        1 => " said: «",
                        2 => " said in a statement: «",
                        _ => " wrote on social media: «",
                    });
                    p.push_str(&q);
                    p.push('»');
                } else if r < 92 && lowerable(&q) {
                    p.push_str("According to ");
                    self.person_ref(a, false, &mut p);
                    p.push_str(", «");
                    p.push_str(&lower_first(&q));
                    p.push('»');
                } else if lowerable(&q) {
                    self.person_ref(a, true, &mut p);
                    p.push_str(" said that «");
                    p.push_str(&lower_first(&q));
                    p.push('»');
                } else {
                    p.push('«');
                    p.push_str(&with_comma(&q));
                    p.push_str("» ");
                    self.person_ref(a, true, &mut p);
                    p.push_str(" said.");
                }
                cap_first(&mut p);
                self.quoted.push(a);
                paras.push(p);
                // Continuation by the same speaker: "he added".
                if allow_two && paras.len() == 1 && self.rng.chance(0.3) {
                    let cs = &self.w.topics[self.topic].countries;
                    let more = statement(&self.w.actors, cs, self.topic, a, &mut self.rng);
                    let more = more.join(" ");
                    used += 1;
                    if self.rng.chance(0.5) {
                        let p = paras.last_mut().unwrap();
                        p.push_str(" «");
                        p.push_str(&more);
                        p.push('»');
                    } else {
                        let actor = &self.w.actors[a];
                        let mut p2 = String::new();
                        p2.push('«');
                        p2.push_str(&with_comma(&more));
                        p2.push_str("» ");
                        p2.push_str(if actor.female { "she" } else { "he" });
                        p2.push_str(" added.");
                        paras.push(p2);
                    }
                }
            }
            Speaker::Actor(a) => {
                let mut who = String::new();
                self.org_ref(a, &mut who);
                match self.rng.below(4) {
                    0 => {
                        p.push('«');
                        p.push_str(&with_comma(&q));
                        p.push_str("» ");
                        p.push_str(&who);
                        p.push_str(" said in a statement.");
                    }
                    1 => {
                        p.push('«');
                        p.push_str(&with_comma(&q));
                        p.push_str("» said an online statement of ");
                        p.push_str(&who);
                        p.push('.');
                    }
                    2 => {
                        p.push_str(&who);
                        p.push_str("'s statement read: «");
                        p.push_str(&q);
                        p.push('»');
                    }
                    _ => {
                        p.push_str("In a statement, ");
                        p.push_str(&who);
                        p.push_str(" said: «");
                        p.push_str(&q);
                        p.push('»');
                    }
                }
                cap_first(&mut p);
                paras.push(p);
            }
            Speaker::Outsider(k) => {
                let name = self.outsiders[k].clone();
                p.push('«');
                p.push_str(&with_comma(&q));
                p.push_str("» said ");
                if self.quoted_outsider(k) {
                    p.push_str(name.rsplit(' ').next().unwrap());
                    p.push('.');
                } else {
                    p.push_str(&name);
                    p.push_str(", an analyst at the ");
                    p.push_str(self.rng.pick_str(words::INSTITUTES));
                    p.push('.');
                }
                paras.push(p);
            }
            Speaker::Anonymous => {
                let anon = *self.rng.pick(words::ANONYMOUS);
                p.push('«');
                p.push_str(&with_comma(&q));
                p.push_str("» ");
                let mut a = String::new();
                expand(anon, &mut a, |k, o| match k {
                    "Adj" => o.push_str(COUNTRIES[self.c].adj),
                    "city" => o.push_str(COUNTRIES[self.c].capital),
                    _ => unreachable!(),
                });
                p.push_str(&a);
                p.push('.');
                paras.push(p);
            }
        }
        (paras, used)
    }

    fn quoted_outsider(&mut self, k: usize) -> bool {
        let key = usize::MAX - k;
        if self.quoted.contains(&key) {
            true
        } else {
            self.quoted.push(key);
            false
        }
    }
}

enum Speaker {
    Actor(usize),
    Outsider(usize),
    Anonymous,
}

/// `"Q."` becomes `"Q,"` before an attribution; `?` and `!` stay.
fn with_comma(q: &str) -> String {
    match q.strip_suffix('.') {
        Some(s) => format!("{s},"),
        None => q.to_string(),
    }
}

/// Can the quote start in lowercase after "said that"? Not if it opens with
/// a name or "I".
fn lowerable(q: &str) -> bool {
    let w = q.split_whitespace().next().unwrap_or("");
    matches!(
        w,
        "We" | "Our"
            | "The"
            | "Nobody"
            | "My"
            | "This"
            | "Everyone"
            | "There"
            | "Time"
            | "Words"
            | "That"
            | "They"
            | "It's"
    )
}

/// A small change in wording: truncated, a word changed, re-punctuated; or
/// the statement as it is.
pub fn variant(sentences: &[String], rng: &mut Rng) -> Vec<String> {
    let r = rng.below(100);
    let mut out = sentences.to_vec();
    if r < 50 {
        return out;
    }
    if r < 65 {
        // Truncated.
        if out.len() >= 2 {
            if rng.chance(0.5) {
                out.remove(0);
            } else {
                out.pop();
            }
        } else {
            let words: Vec<&str> = out[0].split(' ').collect();
            if words.len() >= 14 {
                let keep = rng.range(10, words.len() - 3);
                let mut s = words[..keep].join(" ");
                while s.ends_with([',', ':', ';']) {
                    s.pop();
                }
                s.push('.');
                out[0] = s;
            }
        }
        return out;
    }
    if r < 82 {
        // One word changed.
        let mut cands = Vec::new();
        for (si, s) in out.iter().enumerate() {
            for (wi, w) in s.split(' ').enumerate() {
                let bare = w.trim_end_matches([',', '.', ':']);
                if let Some((_, to)) = words::SYNONYMS.iter().find(|(from, _)| *from == bare) {
                    cands.push((si, wi, *to));
                }
            }
        }
        if !cands.is_empty() {
            let (si, wi, to) = *rng.pick(&cands);
            let s: Vec<String> = out[si]
                .split(' ')
                .enumerate()
                .map(|(i, w)| {
                    if i == wi {
                        let bare = w.trim_end_matches([',', '.', ':']);
                        format!("{to}{}", &w[bare.len()..])
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            out[si] = s.join(" ");
        }
        return out;
    }
    // Re-punctuated.
    let si = rng.below(out.len());
    let s = &mut out[si];
    if let Some(i) = s.find(", ") {
        if rng.chance(0.5) {
            s.replace_range(i..i + 2, " - ");
        } else {
            s.replace_range(i..i + 1, "");
        }
    } else if out.len() >= 2 {
        let second = out.remove(1);
        let first = out[0].trim_end_matches('.').to_string();
        out[0] = format!("{first}; {}", lower_first(&second));
    } else if let Some(s) = out[0].strip_suffix('.') {
        out[0] = format!("{s}!");
    }
    out
}

const _: () = assert!(words::PROSE.len() <= 64);

/// Generate article `i` of the world.
pub fn article(w: &World, i: usize) -> Article {
    let mut rng = Rng::stream(w.seed, i as u64);
    let z = w.first_day + rng.below(w.days) as i64;
    let (year, month, day) = civil_from_days(z);
    let topic = w.topic_zipf.sample(&mut rng);
    let topic2 = if rng.chance(0.35) {
        let t = rng.below(TOPICS.len());
        (t != topic).then_some(t)
    } else {
        None
    };
    let outlet = w.outlet_zipf.sample(&mut rng);
    let curly = OUTLETS[outlet].curly ^ rng.chance(0.08);
    let format = if rng.chance(0.7) {
        Format::Markdown
    } else {
        Format::Text
    };
    let tw = &w.topics[topic];
    let c = *rng.pick(&tw.countries);
    let c2 = *tw
        .countries
        .iter()
        .filter(|&&x| x != c)
        .nth(rng.below(tw.countries.len() - 1))
        .unwrap();
    let np = rng.range(2, 4);
    let mut persons = Vec::new();
    while persons.len() < np {
        let p = tw.persons[tw.person_zipf.sample(&mut rng)];
        if !persons.contains(&p) {
            persons.push(p);
        }
    }
    let no = rng.range(1, 2);
    let mut orgs = Vec::new();
    while orgs.len() < no {
        let o = *rng.pick(&tw.orgs);
        if !orgs.contains(&o) {
            orgs.push(o);
        }
    }
    let mut ctx = Ctx {
        w,
        rng,
        topic,
        topic2,
        c,
        c2,
        year,
        persons,
        orgs,
        mentioned: Vec::new(),
        last_person: None,
        quoted: Vec::new(),
        outsiders: Vec::new(),
        markdown: format == Format::Markdown,
        scare_left: 0,
        outlet,
        used_prose: 0,
    };
    ctx.scare_left = match ctx.rng.below(10) {
        0..3 => 0,
        3..8 => 1,
        _ => 2,
    };

    // Title (no people are "mentioned" by it: the body introduces them).
    let title = {
        let tpl = *ctx.rng.pick(words::TITLES);
        let mut t = ctx.sentence(tpl);
        t = render_marks(&t, curly);
        t
    };
    let target = 500 + (0..4).map(|_| ctx.rng.below(101)).sum::<usize>();
    let nq = ctx.rng.range(3, 6);
    let mut blocks = Vec::new();
    let mut words_n = 0;

    // Lede, with a wire dateline.
    let mut lede = String::new();
    if OUTLETS[outlet].wire && ctx.rng.chance(0.7) {
        let city = ctx.city().to_uppercase();
        lede.push_str(&format!(
            "{city}, {} {day} ({}) - ",
            words::MONTHS[month as usize - 1],
            OUTLETS[outlet].name
        ));
    }
    let tpl = *ctx.rng.pick(words::LEDES);
    lede.push_str(&ctx.sentence(tpl));
    words_n += count_words(&lede);
    blocks.push(Block::Para(lede));

    let md = ctx.markdown;
    let mut quotes_left = nq;
    let mut quotes = 0;
    let heading_at = [ctx.rng.range(3, 6), ctx.rng.range(7, 11)];
    let headings = if md {
        ctx.rng.below(3)
    } else if ctx.rng.chance(0.2) {
        1
    } else {
        0
    };
    let want_list = md && ctx.rng.chance(0.3);
    let want_code = md && ctx.rng.chance(0.04);
    let want_link = md && ctx.rng.chance(0.25);
    let want_bq = md && ctx.rng.chance(0.05);
    let want_table = md && ctx.rng.chance(0.02);
    let want_footnote = md && ctx.rng.chance(0.02);
    let mut para_i = 1;
    while words_n < target || quotes_left > 0 {
        if para_i > 60 {
            break;
        }
        if para_i < 60 && heading_at[..headings].contains(&para_i) {
            let tpl = *ctx.rng.pick(words::HEADINGS);
            let h = ctx.sentence(tpl);
            words_n += count_words(&h);
            blocks.push(Block::Heading(h));
        }
        let left_paras = (target.saturating_sub(words_n) / 55).max(1);
        let p_quote = quotes_left as f64 / left_paras as f64;
        if quotes_left > 0 && (words_n >= target || ctx.rng.chance(p_quote.min(0.9))) {
            let (ps, used) = ctx.quote_paras(quotes_left >= 2);
            quotes_left = quotes_left.saturating_sub(used);
            quotes += used;
            for p in ps {
                words_n += count_words(&p);
                blocks.push(Block::Para(p));
            }
        } else {
            let mut p = ctx.prose_para();
            if want_link && para_i == 4 {
                let a = ctx.orgs[0];
                let url = format!(
                    "https://{}/statements/{}-{}",
                    OUTLETS[outlet].domain, w.actors[a].id, z
                );
                p.push_str(&format!(
                    " The full text was published on [the website of the {}]({url}).",
                    w.actors[a].name
                ));
            }
            if md && ctx.rng.chance(0.08) {
                // Emphasis on a phrase.
                if let Some(i) = p.find(" the ") {
                    let end = p[i + 5..].find(' ').map(|e| i + 5 + e);
                    if let Some(e) = end {
                        p.insert(e, '*');
                        p.insert(i + 5, '*');
                    }
                }
            }
            if want_footnote && para_i == 2 {
                p.push_str("[^1]");
            }
            words_n += count_words(&p);
            blocks.push(Block::Para(p));
        }
        if want_list && para_i == 3 {
            blocks.push(Block::Para("Key points of the agreement:".into()));
            let n = ctx.rng.range(3, 5);
            let mut items = Vec::new();
            for _ in 0..n {
                let tpl = *ctx.rng.pick(words::LIST_ITEMS);
                let s = ctx.sentence(tpl);
                words_n += count_words(&s);
                items.push(s);
            }
            blocks.push(Block::List(items));
        }
        if want_bq && para_i == 5 {
            let kw = ctx.kw();
            let text = format!(
                "The parties agree to continue consultations on {kw} and to refrain from unilateral steps until the next round of talks."
            );
            words_n += count_words(&text);
            blocks.push(Block::BlockQuote(text));
        }
        if want_table && para_i == 6 {
            let mut t = String::from("| Country | Delegates | Proposals |\n| --- | ---: | ---: |");
            for &cc in &w.topics[topic].countries {
                t.push_str(&format!(
                    "\n| {} | {} | {} |",
                    COUNTRIES[cc].name,
                    ctx.rng.range(3, 40),
                    ctx.rng.range(1, 9)
                ));
            }
            blocks.push(Block::Table(t));
        }
        para_i += 1;
    }
    if want_code {
        let kw = ctx.kw();
        let (lang, code) = match ctx.rng.below(3) {
            0 => (
                "json",
                format!(
                    "{{\n  \"topic\": \"{kw}\",\n  \"countries\": [\"{}\", \"{}\"],\n  \"round\": {},\n  \"agreed\": false\n}}",
                    COUNTRIES[c].name,
                    COUNTRIES[c2].name,
                    ctx.rng.range(2, 9)
                ),
            ),
            1 => (
                "yaml",
                format!(
                    "meeting:\n  venue: {}\n  topic: {kw}\n  delegations: {}",
                    COUNTRIES[c].capital,
                    ctx.rng.range(2, 6)
                ),
            ),
            _ => (
                "bash",
                format!(
                    "curl -s https://data.example/{}/{year}.csv | head -n {}",
                    slugify(kw),
                    ctx.rng.range(5, 20)
                ),
            ),
        };
        blocks.push(Block::Para("The data released with the statement:".into()));
        blocks.push(Block::Code(lang, code));
    }
    if want_footnote {
        let mut f = String::from("Figures from ");
        let a = ctx.orgs[0];
        ctx.org_ref(a, &mut f);
        f.push('.');
        blocks.push(Block::Footnote(f));
    }

    // Metadata.
    let stem = {
        let mut s = slugify(&title);
        if s.len() > 60 {
            let cut = s[..60].rfind('-').unwrap_or(60);
            s.truncate(cut);
        }
        format!("{s}-{i}")
    };
    let r = &mut ctx.rng;
    let date = if r.chance(0.05) {
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:00{}",
            r.range(6, 22),
            r.below(60),
            if r.chance(0.5) { "Z" } else { "+02:00" }
        )
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    };
    let url = format!(
        "https://{}/{year}/{month:02}/{}",
        OUTLETS[outlet].domain,
        slugify(&title)
    );
    let mut topics = vec![TOPICS[topic].id.to_string()];
    if let Some(t2) = topic2 {
        topics.push(TOPICS[t2].id.to_string());
    }
    let fm_topics = if r.chance(0.4) {
        let mut t = topics.clone();
        if r.chance(0.05) {
            let free = r.pick(words::FREE_TOPICS).to_string();
            topics.push(free.clone());
            t.push(free);
        }
        Some(t)
    } else {
        None
    };
    let mut actors: Vec<String> = ctx
        .mentioned
        .iter()
        .map(|&a| w.actors[a].id.clone())
        .collect();
    let fm_actors = if r.chance(0.35) {
        let mut a: Vec<String> = ctx
            .persons
            .iter()
            .chain(ctx.orgs.iter())
            .filter(|&&a| ctx.mentioned.contains(&a) || r.chance(0.2))
            .map(|&a| w.actors[a].id.clone())
            .collect();
        for x in &a {
            if !actors.contains(x) {
                actors.push(x.clone());
            }
        }
        if r.chance(0.07) {
            let free = format!(
                "{} {}",
                r.pick(words::OUTSIDER_FIRST),
                r.pick(words::OUTSIDER_LAST)
            );
            actors.push(free.clone());
            a.push(free);
        }
        Some(a)
    } else {
        None
    };
    let summary = r.chance(0.25).then(|| {
        let p = &w.actors[ctx.persons[0]];
        let kw = r.pick(TOPICS[topic].keywords);
        match r.below(3) {
            0 => format!("{} on the state of talks on {kw}.", p.name),
            1 => format!(
                "{} and {} remain divided over {kw}.",
                COUNTRIES[c].name, COUNTRIES[c2].name
            ),
            _ => format!(
                "What the latest round means for {kw}: the view from {}.",
                COUNTRIES[c].capital
            ),
        }
    });
    let dateline = r.chance(0.15).then(|| COUNTRIES[c].capital.to_string());
    let slug = r
        .chance(0.03)
        .then(|| format!("{}-story-{i}", slugify(OUTLETS[outlet].name)));
    let draft = r.chance(0.01);

    Article {
        index: i,
        year,
        month,
        day,
        date,
        stem,
        format,
        title,
        source: OUTLETS[outlet].name,
        url,
        curly,
        fm_topics,
        fm_actors,
        summary,
        dateline,
        slug,
        draft,
        topics,
        actors,
        blocks,
        words: words_n,
        quotes,
    }
}

/// Replace the quotation-mark markers by straight or curly marks.
pub fn render_marks(s: &str, curly: bool) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    render_marks_into(s, curly, &mut out);
    out
}

pub fn render_marks_into(s: &str, curly: bool, out: &mut String) {
    for c in s.chars() {
        match (c, curly) {
            ('«', false) => out.push('"'),
            ('»', false) => out.push('"'),
            ('‹', false) => out.push('\''),
            ('›', false) => out.push('\''),
            ('«', true) => out.push('“'),
            ('»', true) => out.push('”'),
            ('‹', true) => out.push('‘'),
            ('›', true) | ('\'', true) => out.push('’'),
            (c, _) => out.push(c),
        }
    }
}

impl Article {
    /// The body as Markdown (also used for the Hugo copy of a `.txt`).
    pub fn body_markdown(&self, out: &mut String) {
        let mut first = true;
        for b in &self.blocks {
            if !first {
                out.push_str("\n\n");
            }
            first = false;
            match b {
                Block::Para(p) => render_marks_into(p, self.curly, out),
                Block::Heading(h) => {
                    out.push_str("## ");
                    render_marks_into(h, self.curly, out);
                }
                Block::List(items) => {
                    for (i, it) in items.iter().enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str("- ");
                        render_marks_into(it, self.curly, out);
                    }
                }
                Block::Code(lang, code) => {
                    out.push_str("```");
                    out.push_str(lang);
                    out.push('\n');
                    out.push_str(code);
                    out.push_str("\n```");
                }
                Block::BlockQuote(t) => {
                    out.push_str("> ");
                    render_marks_into(t, self.curly, out);
                }
                Block::Table(t) => out.push_str(t),
                Block::Footnote(t) => {
                    out.push_str("[^1]: ");
                    render_marks_into(t, self.curly, out);
                }
            }
        }
        out.push('\n');
    }

    /// The body as plain text: paragraphs only, separated by blank lines
    /// (now and then by single newlines).
    pub fn body_text(&self, out: &mut String) {
        let sep = if self.index % 10 == 7 { "\n" } else { "\n\n" };
        let mut first = true;
        for b in &self.blocks {
            let text: String = match b {
                Block::Para(p) | Block::Heading(p) | Block::BlockQuote(p) => p.clone(),
                Block::List(items) => items.join(" "),
                _ => continue,
            };
            if !first {
                out.push_str(sep);
            }
            first = false;
            render_marks_into(&text, self.curly, out);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_and_pool_sizes() {
        let w = World::new(42, 10_000);
        let persons = w.actors.iter().filter(|a| a.kind == Kind::Person).count();
        assert_eq!(persons, 148);
        assert_eq!(w.actors.len() - persons, 50);
        let ids: std::collections::HashSet<&str> = w.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), w.actors.len(), "unique ids");
        assert_eq!(w.statements.len(), pool_size(10_000));
        for st in &w.statements {
            let words: usize = st.sentences.iter().map(|s| count_words(s)).sum();
            assert!(words >= 10, "{:?}", st.sentences);
        }
    }

    #[test]
    fn about_forty_percent_of_reused_statements_change() {
        let w = World::new(1, 10_000);
        let mut rng = Rng::new(9);
        let mut changed = 0;
        let n = 20_000;
        for i in 0..n {
            let st = &w.statements[i % w.statements.len()];
            if variant(&st.sentences, &mut rng) != st.sentences {
                changed += 1;
            }
        }
        let share = changed as f64 / n as f64;
        assert!((0.3..0.5).contains(&share), "{share}");
    }
}
