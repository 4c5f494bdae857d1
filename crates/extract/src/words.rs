//! Word lists: reporting verbs with their inflections, anonymous-source nouns, titles,
//! and capitalised words that are not names.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Calls `f` with `w` ASCII-lower-cased, without allocating for words up to 32 bytes.
pub(crate) fn lowered<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII lower-casing keeps UTF-8 valid
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&w.to_ascii_lowercase())
    }
}

/// A small multiplicative hasher (FxHash-like) for the word tables: the keys are fixed
/// words, not attacker-chosen, and SipHash dominated the profile.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            // a whole chunk is read directly; a short tail byte by byte (a `copy_from_slice`
            // of a few bytes is a memcpy call, and nearly every word ends in one)
            let v = match <[u8; 8]>::try_from(chunk) {
                Ok(a) => u64::from_le_bytes(a),
                Err(_) => chunk
                    .iter()
                    .rev()
                    .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
            };
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// How a reporting verb form behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbForm {
    /// said, says, told, added…: a finite form.
    Finite,
    /// adding, saying, noting…: a participle that takes its subject from the clause before.
    Participle,
}

/// Base forms of reporting verbs (regular inflection generated; irregulars below).
const REGULAR: &[&str] = &[
    "add",
    "acknowledge",
    "admit",
    "affirm",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "boast",
    "brief",
    "caution",
    "charge",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "continue",
    "counter",
    "declare",
    "demand",
    "deny",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "exhort",
    "explain",
    "highlight",
    "hint",
    "indicate",
    "inform",
    "insist",
    "instruct",
    "joke",
    "lament",
    "maintain",
    "mention",
    "muse",
    "note",
    "object",
    "observe",
    "opine",
    "plead",
    "pledge",
    "point",
    "post",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "quip",
    "recall",
    "recount",
    "reiterate",
    "remark",
    "remind",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "scoff",
    "shout",
    "signal",
    "state",
    "stress",
    "suggest",
    "testify",
    "tweet",
    "underline",
    "underscore",
    "urge",
    "vow",
    "warn",
    "whisper",
    "quote",
    "cite",
    "summarise",
    "summarize",
    "recommend",
    "acknowledge",
    "agree",
    // the tone of speech: "\"Q,\" Roe sighed", "Doe fumed: \"Q\""
    "beam",
    "fume",
    "bark",
    "boom",
    "gush",
    "sigh",
    "implore",
    "interject",
    "sneer",
    "mock",
    "tease",
    "thunder",
    "scream",
    "yell",
    "crow",
    "rant",
    "marvel",
    "grumble",
    "confide",
    "question",
    "interrupt",
    "decry",
    "deride",
    "blast",
    "praise",
    "hail",
    "denounce",
    "condemn",
    "tout",
    "chant",
    "email",
    "intone",
    "murmur",
    "mutter",
    "groan",
    "moan",
    "whine",
    "exult",
    "vent",
    "concur",
    "echo",
    "reason",
    "surmise",
    "speculate",
    "theorize",
    "advise",
    "accuse",
    "attack",
    "chime",
    "rail",
    "reassure",
    "proclaim",
    "pronounce",
    "wonder",
    "cry",
];

/// Irregular forms: (finite forms, participle).
const IRREGULAR: &[(&[&str], &str)] = &[
    (&["say", "says", "said"], "saying"),
    (&["tell", "tells", "told"], "telling"),
    (&["write", "writes", "wrote", "written"], "writing"),
    (&["speak", "speaks", "spoke"], "speaking"),
    (&["read", "reads"], "reading"),
    (&["put", "puts"], "putting"),
    (&["admitted", "admits"], "admitting"),
    (&["quipped", "quips"], "quipping"),
    (&["pleaded", "pled"], "pleading"),
    (&["snapped", "snaps"], "snapping"),
    (&["begged", "begs"], "begging"),
    (&["bragged", "brags"], "bragging"),
    (&["slammed", "slams"], "slamming"),
    (&["ripped", "rips"], "ripping"),
    (&["e-mailed", "emailed"], "emailing"),
    (&["texted", "texts"], "texting"),
];

fn inflect(base: &str) -> [String; 4] {
    let b = base;
    let (s, ed, ing) = if let Some(stem) = b
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{b}ing"),
        )
    } else if let Some(stem) = b.strip_suffix('e') {
        (format!("{b}s"), format!("{b}d"), format!("{stem}ing"))
    } else if b.ends_with("ss")
        || b.ends_with("sh")
        || b.ends_with("ch")
        || b.ends_with('x')
        || b.ends_with('z')
    {
        (format!("{b}es"), format!("{b}ed"), format!("{b}ing"))
    } else if b == "admit" || b == "quip" || b == "object" {
        (format!("{b}s"), format!("{b}ted"), format!("{b}ting"))
    } else {
        (format!("{b}s"), format!("{b}ed"), format!("{b}ing"))
    };
    [b.to_string(), s, ed, ing]
}

fn verbs() -> &'static WordMap<VerbForm> {
    static V: OnceLock<WordMap<VerbForm>> = OnceLock::new();
    V.get_or_init(|| {
        let mut m = WordMap::default();
        for b in REGULAR {
            let [base, s, ed, ing] = inflect(b);
            m.insert(base, VerbForm::Finite);
            m.insert(s, VerbForm::Finite);
            m.insert(ed, VerbForm::Finite);
            m.insert(ing, VerbForm::Participle);
        }
        for (forms, ing) in IRREGULAR {
            for f in *forms {
                m.insert(f.to_string(), VerbForm::Finite);
            }
            m.insert(ing.to_string(), VerbForm::Participle);
        }
        // Base forms that are more often nouns or other words in news prose.
        for w in [
            "post",
            "point",
            "object",
            "counter",
            "state",
            "report",
            "brief",
            "quote",
            "cite",
            "signal",
            "charge",
            "note",
            "comment",
            "promise",
            "answer",
            "reply",
            "tweet",
            "estimate",
            "agree",
            "demand",
            "protest",
            "joke",
            "highlight",
            "hint",
            // nouns or adjectives far more often than speech
            "beam",
            "bark",
            "boom",
            "sigh",
            "mock",
            "thunder",
            "scream",
            "yell",
            "crow",
            "rant",
            "marvel",
            "question",
            "blast",
            "praise",
            "hail",
            "tout",
            "chant",
            "email",
            "moan",
            "groan",
            "vent",
            "echo",
            "reason",
            "attack",
            "chime",
            "rail",
            "wonder",
            "cry",
            "cries",
            "reasoned",
            "reasoning",
            "questioning",
            "wondering",
            "railing",
            "railed",
            "crying",
            "beaming",
            "booming",
            "venting",
            "marveling",
        ] {
            m.remove(w);
        }
        // "agreed" reports a position, not words.
        for w in [
            "agreed",
            "agrees",
            "agreeing",
            "pointed",
            "points",
            "objected",
            "objects",
            "objecting",
            "posting",
            "briefing",
            "briefs",
            "charging",
            "continue",
            "continuing",
            "continues",
            "continued",
            "quoting",
            "citing",
            "signaled",
            "signals",
        ] {
            m.remove(w);
        }
        m
    })
}

/// The verb form of a reporting verb (lower-case `word`), if it is one.
pub(crate) fn reporting_verb(word: &str) -> Option<VerbForm> {
    // Only lower-case ASCII forms: a capitalised "Said" is far more often a name than a verb.
    let first = *word.as_bytes().first()?;
    if !first.is_ascii_lowercase() || word.len() < 3 || word.len() > 14 {
        return None;
    }
    verbs().get(word).copied()
}

/// Number of distinct reporting-verb forms (for tests and docs).
#[cfg(test)]
pub(crate) fn verb_form_count() -> usize {
    verbs().len()
}

/// Verbs that put a quoted name on something: `X called the budget "a tax on drivers"`,
/// `described it as "Q"`. Their subject is the speaker of a quotation right after the object.
pub(crate) fn is_characterising_verb(word: &str) -> bool {
    // (tried on every word before a quotation: most fail on the first byte)
    matches!(
        word.as_bytes().first(),
        Some(b'b' | b'c' | b'd' | b'l' | b't' | b'r' | b'i' | b'p' | b'h' | b'm' | b's' | b'a')
    ) && (matches!(
        word,
        "called"
            | "calls"
            | "described"
            | "describes"
            | "dubbed"
            | "dubs"
            | "labelled"
            | "labeled"
            | "labels"
            | "branded"
            | "brands"
            | "termed"
    ) || is_labelling_as_verb(word))
}

/// Verbs that label something only with `as` before the quoted words: `referred to her as
/// "Q"`, `criticized the pope as "Q"`, `dismissed the report as "Q"`.
pub(crate) fn is_labelling_as_verb(word: &str) -> bool {
    matches!(
        word,
        "referred"
            | "refers"
            | "characterized"
            | "characterised"
            | "portrayed"
            | "identified"
            | "criticized"
            | "criticised"
            | "criticizes"
            | "dismissed"
            | "dismisses"
            | "painted"
            | "hailed"
            | "touted"
            | "denounced"
            | "mocked"
            | "derided"
            | "slammed"
            | "blasted"
            | "praised"
            | "attacked"
            | "cast"
            | "casts"
    )
}

/// `quoted X as saying`, `cited X as saying`: the speaker is the object.
pub(crate) fn is_quoting_verb(word: &str) -> bool {
    matches!(
        word,
        "quoted" | "quotes" | "quote" | "cited" | "cites" | "quoting" | "citing"
    )
}

/// Head nouns of anonymous-source descriptions.
pub(crate) fn is_anonymous_head(word: &str) -> bool {
    lowered(word, |x| {
        matches!(
            x,
            "official"
                | "officials"
                | "source"
                | "sources"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "spokespeople"
                | "spokesmen"
                | "diplomat"
                | "diplomats"
                | "aide"
                | "aides"
                | "adviser"
                | "advisers"
                | "advisor"
                | "advisors"
                | "analyst"
                | "analysts"
                | "observer"
                | "observers"
                | "insider"
                | "insiders"
                | "officer"
                | "officers"
                | "representative"
                | "representatives"
                | "envoy"
                | "negotiator"
                | "negotiators"
                | "minister"
                | "ministers"
                | "lawmaker"
                | "lawmakers"
                | "expert"
                | "experts"
                | "person"
                | "people"
                | "resident"
                | "residents"
                | "witness"
                | "witnesses"
                | "staffer"
                | "staffers"
                | "member"
                | "members"
                | "executive"
                | "banker"
                | "commander"
                | "employee"
                | "worker"
                | "activist"
                | "activists"
                | "militant"
                | "militants"
                | "researcher"
                | "delegate"
                | "delegates"
                | "lawyer"
                | "lawyers"
                | "attorney"
                | "attorneys"
                | "colleague"
                | "colleagues"
                | "ally"
                | "allies"
                | "figure"
                | "figures"
                | "legislator"
                | "legislators"
                | "strategist"
                | "campaigner"
                | "campaigners"
                | "organiser"
                | "organizer"
                | "protester"
                | "protesters"
                | "demonstrator"
                | "demonstrators"
                | "student"
                | "students"
                | "teacher"
                | "doctor"
                | "doctors"
                | "nurse"
                | "farmer"
                | "farmers"
                | "fisherman"
                | "fishermen"
                | "driver"
                | "passenger"
                | "passengers"
                | "shopkeeper"
                | "owner"
                | "victim"
                | "survivor"
                | "survivors"
                | "parent"
                | "parents"
                | "mother"
                | "father"
                | "neighbour"
                | "neighbor"
                | "villager"
                | "villagers"
                | "citizen"
                | "citizens"
                | "voter"
                | "voters"
                | "soldier"
                | "soldiers"
                | "fighter"
                | "fighters"
                | "rebel"
                | "rebels"
                | "man"
                | "woman"
                | "men"
                | "women"
                | "critic"
                | "critics"
                | "opponent"
                | "opponents"
                | "supporter"
                | "supporters"
                | "leader"
                | "leaders"
                | "chief"
                | "director"
                | "economist"
                | "economists"
                | "trader"
                | "traders"
                | "investor"
                | "investors"
                | "journalist"
                | "reporter"
                | "author"
        )
    })
}

/// Nouns for a written statement: `X's statement read`, `a statement of X said`.
pub(crate) fn is_statement_noun(word: &str) -> bool {
    lowered(word, |x| {
        matches!(
            x,
            "statement"
                | "statements"
                | "communique"
                | "communiqué"
                | "release"
                | "tweet"
                | "post"
                | "posting"
                | "note"
                | "letter"
                | "memo"
                | "message"
                | "email"
                | "website"
                | "account"
                | "readout"
                | "transcript"
                | "announcement"
                | "declaration"
        )
    })
}

/// Determiners that open an anonymous description: `a senior official`, `one diplomat`.
pub(crate) fn is_indefinite(word: &str) -> bool {
    lowered(word, |x| {
        matches!(
            x,
            "a" | "an"
                | "one"
                | "another"
                | "two"
                | "three"
                | "four"
                | "several"
                | "some"
                | "many"
                | "other"
                | "few"
        )
    })
}

/// `a spokesman for`, `an official at`, `a source from`: what links an anonymous source to
/// whom it works for.
pub(crate) fn is_employer_preposition(word: &str) -> bool {
    matches!(word, "for" | "at" | "of" | "from" | "to")
}

/// Titles stripped from the front of a name: `spokesperson Peter Cook` -> `Peter Cook`.
pub(crate) fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    lowered(w, |x| {
        matches!(
            x,
            "mr" | "mrs"
                | "ms"
                | "miss"
                | "dr"
                | "prof"
                | "professor"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "president"
                | "vice"
                | "prime"
                | "minister"
                | "secretary"
                | "foreign"
                | "defense"
                | "defence"
                | "deputy"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "envoy"
                | "special"
                | "ambassador"
                | "general"
                | "gen"
                | "lt"
                | "col"
                | "colonel"
                | "major"
                | "maj"
                | "capt"
                | "captain"
                | "admiral"
                | "adm"
                | "sgt"
                | "sergeant"
                | "commander"
                | "chancellor"
                | "senator"
                | "sen"
                | "rep"
                | "representative"
                | "congressman"
                | "congresswoman"
                | "governor"
                | "gov"
                | "mayor"
                | "councillor"
                | "councilor"
                | "chairman"
                | "chairwoman"
                | "chair"
                | "director"
                | "chief"
                | "head"
                | "king"
                | "queen"
                | "prince"
                | "princess"
                | "pope"
                | "sheikh"
                | "judge"
                | "justice"
                | "attorney"
                | "speaker"
                | "leader"
                | "premier"
                | "emir"
                | "sultan"
                | "ayatollah"
                | "imam"
                | "rabbi"
                | "father"
                | "bishop"
                | "cardinal"
                | "coach"
                | "executive"
                | "ceo"
                | "cfo"
                | "founder"
                | "analyst"
                | "economist"
                | "official"
                | "adviser"
                | "advisor"
                | "aide"
                | "interior"
                | "finance"
                | "state"
                | "trade"
                | "economy"
                | "health"
                | "justice's"
                | "un"
                | "u.n"
                | "us"
                | "u.s"
                | "eu"
                | "nato"
                | "white"
                | "house"
                | "pentagon"
                | "kremlin"
                | "press"
                | "senior"
                | "former"
                | "acting"
                | "assistant"
                | "associate"
                | "undersecretary"
                | "under-secretary"
                | "sens"
                | "reps"
                | "govs"
                | "gens"
                | "senators"
                | "rev"
                | "reverend"
                | "hon"
                | "cmdr"
                | "atty"
                | "supt"
                | "messrs"
                | "lieutenant"
                | "congressmen"
        )
    })
}

/// Honorifics that stand only before a name, never alone as a noun: `Mr. King`, `Sen. Major`.
pub(crate) fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "Messrs" | "Prof" | "Rev" | "Hon"
    )
}

/// Suffixes after a surname: `Joseph Biden Jr.`, `Henry Ford II`.
pub(crate) fn is_name_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Jr" | "Sr" | "II" | "III" | "IV" | "JR" | "SR"
    )
}

/// Name particles that may stand lower-case inside a name: `Staffan de Mistura`.
pub(crate) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "abu"
            | "dos"
            | "du"
            | "ter"
    )
}

/// A month as newsrooms abbreviate it (`Sept. 11`, `Jan 5`): the one list the tokenizer
/// (a date's full stop ends no sentence), the names (no month is a name) and the surnames
/// (`Ai Jun`) read.
pub(crate) fn is_abbreviated_month(word: &str) -> bool {
    matches!(
        word,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Capitalised words that do not start or belong to a person's name.
pub(crate) fn is_not_name(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "However"
            | "Meanwhile"
            | "Also"
            | "Asked"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "According"
            | "Earlier"
            | "Later"
            | "Then"
            | "Yet"
            | "Still"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "Its"
            | "My"
            | "There"
            | "Here"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "If"
            | "As"
            | "For"
            | "With"
            | "From"
            | "By"
            | "To"
            | "Of"
            | "Not"
            | "No"
            | "Yes"
            | "Both"
            | "All"
            | "Some"
            | "Many"
            | "Most"
            | "Comment"
            | "Reuters"
            | "AFP"
            | "AP"
            | "Photo"
            | "PHOTO"
            | "Above"
            | "Below"
            | "Speaking"
            | "Separately"
            | "Instead"
            | "Given"
            | "Despite"
            | "During"
            | "Under"
            | "Unlike"
            | "Like"
            | "Among"
            | "Amid"
            | "Until"
            | "Since"
            | "Because"
            | "Although"
            | "Though"
            | "Even"
            | "Just"
            | "Only"
            | "Thus"
            | "Indeed"
    ) || is_abbreviated_month(word)
}

/// Words that may stand between a subject and its verb: `Lavrov also said`, `Putin on Saturday claimed`.
pub(crate) fn is_skippable_adverb(word: &str) -> bool {
    let lower_case = word.starts_with(|c: char| c.is_ascii_lowercase());
    lowered(word, |x| {
        // any adverb of manner or degree: "Roe has increasingly decried", "Doe sharply said"
        (lower_case
            && x.len() > 5
            && x.ends_with("ly")
            && !matches!(
                x,
                "family"
                    | "italy"
                    | "assembly"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "early"
                    | "only"
                    | "supply"
                    | "rally"
                    | "ally"
                    | "emily"
                    | "kelly"
                    | "holly"
                    | "reilly"
                    | "bully"
            ))
            || matches!(
                x,
                "also"
                    | "then"
                    | "later"
                    | "earlier"
                    | "again"
                    | "further"
                    | "today"
                    | "yesterday"
                    | "recently"
                    | "previously"
                    | "once"
                    | "finally"
                    | "repeatedly"
                    | "publicly"
                    | "reportedly"
                    | "subsequently"
                    | "separately"
                    | "on"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "last"
                    | "this"
                    | "week"
                    | "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "openly"
                    | "simply"
                    | "flatly"
                    | "firmly"
                    | "bluntly"
                    | "quietly"
                    | "angrily"
                    | "calmly"
                    | "briefly"
                    | "just"
                    | "only"
                    | "even"
                    | "still"
            )
            // auxiliaries only in lower case: a capitalised one before a verb is a name
            // ("\"Q,\" Will wrote": the columnist George Will)
            || (lower_case
                && matches!(
                    x,
                    "has" | "had" | "have" | "had've" | "would" | "will" | "was" | "is"
                ))
    })
}

/// Words that open a clause or a prepositional phrase rather than a noun phrase: between
/// commas after a subject they describe it (`Brecht, speaking in Port Lisle, said`, `Ardell,
/// who represents the island, said`), they do not name it.
pub(crate) fn opens_clause(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if !first.is_lowercase() {
        return false;
    }
    (word.len() > 4 && word.ends_with("ing"))
        || matches!(
            word,
            "who"
                | "whose"
                | "which"
                | "where"
                | "when"
                | "while"
                | "after"
                | "before"
                | "in"
                | "at"
                | "on"
                | "from"
                | "during"
                | "with"
                | "without"
                | "like"
                | "unlike"
                | "despite"
                | "though"
                | "although"
                | "apparently"
                | "visibly"
                // (a fronted phrase or a clause in apposition: "Amid the uproar, Roe …",
                // "Roe, asked about the vote, said")
                | "amid"
                | "asked"
                | "following"
                | "since"
                | "because"
                | "if"
                | "until"
                | "under"
                | "among"
                | "for"
                | "by"
        )
}

/// The last word of an organisation's name: `Tessarian Trawler Federation`, `Gantry
/// Holdings`, `Illinois Board`, `Fox News`. A name ending so is not a person (no `he`/`she`
/// refers to it) and may run to more words than a person's name. (One that ends people's
/// names too, `Denver Post` and `Emily Post`, is `names`' weak organisation noun.)
pub(crate) fn is_organisation_noun(word: &str) -> bool {
    // (a hashed set: the analysis asks of nearly every capitalised word)
    static NOUNS: OnceLock<WordMap<()>> = OnceLock::new();
    let nouns = NOUNS.get_or_init(|| {
        ORGANISATION_NOUNS
            .iter()
            .map(|w| (w.to_string(), ()))
            .collect()
    });
    lowered(word, |x| nouns.contains_key(x))
}

#[rustfmt::skip]
const ORGANISATION_NOUNS: &[&str] = &[
    "committee", "commission", "council", "department", "ministry", "agency", "administration",
    "bureau", "office", "service", "services", "campaign", "party", "institute", "institution",
    "foundation", "fund", "center", "centre", "university", "college", "school", "association",
    "society", "union", "unions", "federation", "league", "alliance", "coalition", "caucus",
    "network", "networks", "group", "organization", "organisation", "corporation", "corp",
    "company", "co", "inc", "llc", "ltd", "plc", "research", "footwear", "consulting",
    "consultants", "strategies", "markets", "bank", "board", "court", "senate", "congress",
    "parliament", "assembly", "legislature", "government", "police", "army", "navy", "times",
    "journal", "news", "tribune", "herald", "magazine", "gazette", "chronicle", "weekly",
    "radio", "television", "tv", "channel", "wire", "media", "project", "initiative",
    "partners", "partnership", "industries", "holdings", "club", "cabinet", "embassy",
    "tribunal", "pac", "international", "authority", "reserve", "command", "forces", "workers",
    "teamsters", "secretariat", "conference", "institutes", "laboratory", "newspaper",
    "broadcasting", "studios", "enterprises", "academy", "hospital", "clinic", "directorate",
    "museum", "convention", "legion", "library", "staff", "team", "force", "unit", "corps",
    "squad", "brigade", "battalion", "regiment", "books", "publishers", "publishing", "front",
    "movement", "confederation", "energy", "airlines", "airways", "ferries", "railways", "rail",
    "shipping", "works", "athletic", "rovers", "united",
];

/// Words right before a quoted title or name rather than speech: `the inscription "To the
/// builder of the fleet"`, `a book titled "…"`, `under the slogan "…"`.
pub(crate) fn is_naming_word(word: &str) -> bool {
    lowered(word, |x| {
        matches!(
            x,
            "inscription"
                | "inscribed"
                | "slogan"
                | "slogans"
                | "motto"
                | "headline"
                | "headlined"
                | "caption"
                | "captioned"
                | "banner"
                | "hashtag"
                | "nickname"
                | "nicknamed"
                | "titled"
                | "entitled"
                | "named"
                | "codenamed"
                | "code-named"
                | "dubbed"
                | "song"
                | "album"
                | "film"
                | "book"
                | "operation"
        )
    })
}

/// A singular noun by its ending: `official`, `witness`; not `officials`, `spokesmen`, `people`.
pub(crate) fn is_singular_noun(word: &str) -> bool {
    lowered(word, |x| {
        !((x.ends_with('s') && !x.ends_with("ss")) || x.ends_with("men") || x == "people")
    })
}

/// Prepositions of place and direction: a name right after one (`at Ferrin Gap`, `in Port
/// Lisle`) is a place in a phrase, not the subject of the sentence nor a person.
pub(crate) fn is_place_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "on"
            | "from"
            | "to"
            | "into"
            | "across"
            | "near"
            | "off"
            | "outside"
            | "inside"
            | "via"
            | "towards"
            | "toward"
            | "through"
            | "around"
            | "of"
            | "In"
            | "At"
            | "From"
            | "Across"
            | "Near"
            | "Outside"
            | "Inside"
    )
}

/// Third-person singular pronouns that refer back to a person.
pub(crate) fn is_person_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "He" | "She")
}

/// Reporting verbs of the languages beyond English, lower-case, as they stand in the two
/// basic shapes `«Q», said X` and `X said: «Q»`: past and present finite forms and the
/// participles that follow an auxiliary (French `a déclaré`, German `hat gesagt`, Spanish
/// `ha dicho`). Each list is its language's own: a French article is read with the French
/// list only.
const FRENCH_VERBS: &[&str] = &[
    "dit",
    "déclaré",
    "déclare",
    "affirmé",
    "affirme",
    "ajouté",
    "ajoute",
    "souligné",
    "souligne",
    "expliqué",
    "explique",
    "estimé",
    "estime",
    "indiqué",
    "indique",
    "précisé",
    "précise",
    "assuré",
    "assure",
    "répondu",
    "répond",
    "annoncé",
    "annonce",
    "écrit",
    "écrit",
    "confié",
    "confie",
    "martelé",
    "martèle",
    "insisté",
    "insiste",
    "lancé",
    "lance",
    "averti",
    "prévenu",
    "rappelé",
    "rappelle",
    "reconnu",
    "reconnaît",
    "commenté",
    "commente",
    "déclarait",
    "disait",
    "a-t-il",
    "a-t-elle",
];
const GERMAN_VERBS: &[&str] = &[
    "sagte",
    "sagten",
    "sagt",
    "gesagt",
    "erklärte",
    "erklärten",
    "erklärt",
    "betonte",
    "betont",
    "meinte",
    "meint",
    "schrieb",
    "schreibt",
    "geschrieben",
    "warnte",
    "warnt",
    "bekräftigte",
    "unterstrich",
    "kritisierte",
    "kritisiert",
    "versicherte",
    "versichert",
    "antwortete",
    "antwortet",
    "fügte",
    "ergänzte",
    "ergänzt",
    "sagen",
    "so",
];
const SPANISH_VERBS: &[&str] = &[
    "dijo",
    "dice",
    "dicho",
    "afirmó",
    "afirma",
    "afirmado",
    "declaró",
    "declara",
    "declarado",
    "señaló",
    "señala",
    "señalado",
    "aseguró",
    "asegura",
    "asegurado",
    "explicó",
    "explica",
    "explicado",
    "añadió",
    "añade",
    "agregó",
    "agrega",
    "subrayó",
    "subraya",
    "destacó",
    "destaca",
    "indicó",
    "indica",
    "sostuvo",
    "sostiene",
    "manifestó",
    "advirtió",
    "advierte",
    "apuntó",
    "precisó",
    "insistió",
    "insiste",
    "respondió",
    "responde",
    "escribió",
    "comentó",
    "expresó",
    "aseveró",
];
const RUSSIAN_VERBS: &[&str] = &[
    "сказал",
    "сказала",
    "сказали",
    "заявил",
    "заявила",
    "заявили",
    "заявляет",
    "отметил",
    "отметила",
    "отметили",
    "отмечает",
    "подчеркнул",
    "подчеркнула",
    "подчеркнули",
    "подчеркивает",
    "подчёркивает",
    "добавил",
    "добавила",
    "добавили",
    "сообщил",
    "сообщила",
    "сообщили",
    "сообщает",
    "пояснил",
    "пояснила",
    "пояснили",
    "заметил",
    "заметила",
    "указал",
    "указала",
    "признал",
    "признала",
    "ответил",
    "ответила",
    "написал",
    "написала",
    "заверил",
    "заверила",
    "констатировал",
    "констатировала",
    "утверждает",
    "говорит",
    "говорил",
    "говорила",
    "считает",
    "предупредил",
    "предупредила",
];
/// Auxiliaries before a participle: `a déclaré`, `hat gesagt`, `ha dicho`.
const AUXILIARIES: &[(crate::Language, &[&str])] = &[
    (crate::Language::French, &["a", "ont", "avait", "avaient"]),
    (
        crate::Language::German,
        &["hat", "haben", "hatte", "hatten"],
    ),
    (crate::Language::Spanish, &["ha", "han", "había", "habían"]),
];

/// Whether `word` (lower-case) is a reporting verb of `language` (not English: the English
/// verbs are [`reporting_verb`]'s).
pub(crate) fn is_reporting_verb_in(language: crate::Language, word: &str) -> bool {
    let list: &[&str] = match language {
        crate::Language::French => FRENCH_VERBS,
        crate::Language::German => GERMAN_VERBS,
        crate::Language::Spanish => SPANISH_VERBS,
        crate::Language::Russian => RUSSIAN_VERBS,
        crate::Language::English | crate::Language::Other => &[],
    };
    list.contains(&word)
}

/// Whether `word` (lower-case) is an auxiliary of `language` that a participle follows.
pub(crate) fn is_auxiliary_in(language: crate::Language, word: &str) -> bool {
    AUXILIARIES
        .iter()
        .any(|(l, words)| *l == language && words.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_verbs_with_inflections() {
        assert!(verb_form_count() >= 200, "{}", verb_form_count());
        for w in [
            "said",
            "says",
            "saying",
            "stressed",
            "added",
            "adding",
            "noted",
            "told",
            "insisted",
            "warned",
            "wrote",
            "tweeted",
            "claimed",
            "urged",
            "stated",
            "replied",
            "emphasized",
            "emphasised",
            "admitted",
            "quipped",
            "asked",
        ] {
            assert!(reporting_verb(w).is_some(), "{w}");
        }
        assert_eq!(reporting_verb("adding"), Some(VerbForm::Participle));
        assert_eq!(reporting_verb("told"), Some(VerbForm::Finite));
        for w in [
            "Said",
            "agreed",
            "state",
            "report",
            "the",
            "president",
            "sadly",
        ] {
            assert!(reporting_verb(w).is_none(), "{w}");
        }
    }

    #[test]
    fn lists() {
        assert!(is_anonymous_head("official"));
        assert!(is_title("spokesperson"));
        assert!(is_title("Dr."));
        assert!(is_not_name("Saturday"));
        assert!(!is_not_name("Cook"));
        assert!(is_name_particle("de"));
        assert!(is_indefinite("a"));
        assert!(is_statement_noun("statement"));
        assert!(is_skippable_adverb("also"));
    }
}
