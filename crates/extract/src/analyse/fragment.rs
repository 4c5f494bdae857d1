//! Who used a fragment's words. A scare quote, a single word or a catchword in quotation
//! marks is often the writer's own (`the "establishment" candidate`, `ended in a "virtual
//! tie"`): it keeps a speaker only where its sentence says who used the words, by a verb of
//! saying or naming (`Roe called the count "rigged"`, `"Rigged," Roe said`), not merely
//! because someone is the subject of the sentence it stands in.

use super::*;

/// Whether the speaker that `rule` found for the fragment at token `qt` of `pa` is one the
/// sentence shows using its words. Rules that read an attribution (a verb of speech next to
/// the quotation, `according to`, a headline's `Name: "Q"`) do; the sentence's subject and
/// the subject the text set up before do only with such a verb before the quotation.
///
/// A fragment that is a question or exclamation of its own (`"Blacklisted?"`) after its speaker's sentence
/// continues that speaker as a full quotation would. A headline that opens with a fragment
/// right before a capitalised word (`'Harbour Lights' Star Jane Roe Is Back`, `'Lisle
/// First' Takes Over`) names something (a show, a movement) with it unless it says who said
/// it (`'Rigged' Roe Says`).
pub(super) fn says_who_used(pa: &Para, qt: usize, rule: Option<&str>, own_question: bool) -> bool {
    if named_thing(pa, qt) {
        return false;
    }
    match rule {
        Some("continuation: subject") if own_question => true,
        Some("sentence-subject" | "continuation: subject") => verb_of_use_before(pa, qt),
        Some("headline: name verb") => !names_in_headline(pa, qt) && headline_speaks(pa),
        _ => true,
    }
}

/// Whether a headline says someone spoke or took a stand (`Roe Slams Levy's "Q"`, `Roe
/// Delivers Defense Of "Q"`), not merely what someone did (`Harbor Board Assembles "A
/// Sizable Fleet"`, `Levy Plan Dies Amid "Poison Pills"`): only then is a fragment in it
/// the subject's word.
fn headline_speaks(pa: &Para) -> bool {
    (0..pa.toks.len()).any(|k| {
        pa.word(k).is_some_and(|w| {
            lowered(w, |l| {
                reporting_verb(l).is_some()
                    || is_characterising_verb(l)
                    || matches!(
                        l,
                        "slams"
                            | "blasts"
                            | "rips"
                            | "mocks"
                            | "mocked"
                            | "mocking"
                            | "praises"
                            | "urges"
                            | "warns"
                            | "accuses"
                            | "defends"
                            | "defense"
                            | "declares"
                            | "denies"
                            | "blames"
                            | "pins"
                            | "hints"
                            | "heckles"
                            | "rebuffs"
                            | "sees"
                            | "promises"
                            | "vows"
                            | "touts"
                            | "debunks"
                            | "insults"
                            | "quotes"
                            | "questioned"
                            | "frame"
                            | "frames"
                            | "addresses"
                            | "announces"
                            | "announced"
                            | "calling"
                            | "speech"
                            | "talk"
                            | "talks"
                            | "takes"
                            | "sides"
                            | "endorses"
                            | "insulted"
                            | "feel"
                            | "felt"
                            // a headline in the first person is someone speaking
                            | "i"
                    )
            })
        })
    })
}

/// A fragment opening a headline (after a list number at most) and followed by a
/// capitalised word, with no verb of saying in the headline after it.
fn names_in_headline(pa: &Para, qt: usize) -> bool {
    let number = pa
        .word(0)
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    let opens = qt == 0 || (number && (qt == 1 || (qt == 2 && pa.is_punct(1, &['.', ')']))));
    opens
        && pa.word(qt + 1).is_some_and(starts_upper)
        && !(qt + 1..pa.toks.len()).any(|k| {
            pa.word(k)
                .is_some_and(|w| lowered(w, |l| reporting_verb(l) == Some(VerbForm::Finite)))
        })
}

/// A verb of saying, naming or using in the quotation's sentence before it: `Roe, speaking
/// in Lisle, described the levy as "Q"`, `Roe has used the phrase "Q"`.
fn verb_of_use_before(pa: &Para, qt: usize) -> bool {
    verb_of_use_within(pa, qt, SENTENCE_REACH)
}

/// How far back in its sentence a verb still says who used a fragment's words (a bound, so
/// that a sentence of many quotations is not read once per quotation).
const SENTENCE_REACH: usize = 40;

/// [`verb_of_use_before`] among the `reach` tokens before the quotation.
pub(super) fn verb_of_use_within(pa: &Para, qt: usize, reach: usize) -> bool {
    let Some(&s) = pa.sent.get(qt) else {
        return false;
    };
    let from = pa
        .sent
        .partition_point(|&x| x < s)
        .max(qt.saturating_sub(reach));
    if named_thing(pa, qt) {
        return false;
    }
    // the sentence's first word, capitalised: "Asked by Doe whether Roe \"Q\""
    let first = pa.sent.partition_point(|&x| x < s);
    in_the_view_of(pa, first)
        || (from..qt).any(|k| {
            !passive(pa, k)
                && pa.word(k).is_some_and(|w| {
                    reporting_verb(w).is_some()
                        || is_characterising_verb(w)
                        || lowered(w, |x| {
                            matches!(
                                x,
                                "calling"
                            | "describing"
                            | "dubbing"
                            | "labelling"
                            | "labeling"
                            | "branding"
                            | "terming"
                            | "referring"
                            | "used"
                            | "uses"
                            | "using"
                            | "repeated"
                            | "invoked"
                            | "invoking"
                            | "chanted"
                            | "chanting"
                            | "nicknamed"
                            // verbs of taking a stand, whose object is the speaker's wording:
                            // "Roe blamed the closure on \"harbor politics\""
                            | "blamed"
                            | "blames"
                            | "blaming"
                            | "promised"
                            | "promises"
                            | "promising"
                            | "promise"
                            | "pushed"
                            | "pushes"
                            | "defended"
                            | "defends"
                            | "defending"
                            | "defense"
                            | "heralded"
                            | "touting"
                            | "praising"
                            | "supports"
                            | "proposed"
                            | "proposes"
                            | "proposing"
                            | "accused"
                            | "accuses"
                            | "accusing"
                            | "charging"
                            | "portraying"
                            | "characterizing"
                            | "characterising"
                            | "characterizes"
                            | "characterises"
                            | "casting"
                            | "dismissing"
                            | "mocking"
                            | "slamming"
                            | "attacking"
                            | "talked"
                            | "talks"
                            | "sees"
                            | "saw"
                            | "considers"
                            | "considered"
                            // naming, and the sentence-opening participle of saying:
                            // "what we call \"Q\"", "Saying to people \"Q\""
                            | "call"
                            | "saying"
                            | "assailed"
                            | "professing"
                            | "pointed"
                            | "criticism"
                            | "intimated"
                            | "intimates"
                            // listing and coaching: "Roe ticked off her issues, from \"Q\"",
                            // "Roe coached Doe to \"Q\""
                            | "ticked"
                            | "coached"
                            // setting out and answering: "Roe laid out a vision for \"Q\"",
                            // "advisers like Roe to counter that \"Q\""
                            | "laid"
                            | "lays"
                            | "outlined"
                            | "outlines"
                            | "counter"
                            )
                        })
                        || (k == first && lowered(w, |l| reporting_verb(l).is_some()))
                        || shows_right_before(pa, k, qt)
                        || comment_that(pa, k, qt)
                        || made_clear(pa, k)
                        || goes_by(pa, k, qt)
                })
        })
}

/// `To Roe, the levy is a "Q"`: a sentence opening with `To` and a name before a comma
/// gives that person's view, in their words.
fn in_the_view_of(pa: &Para, first: usize) -> bool {
    pa.word(first) == Some("To")
        && (first + 2..first + 5).any(|c| pa.is_punct(c, &[',']))
        && (first + 1..first + 5)
            .take_while(|&k| !pa.is_punct(k, &[',']))
            .all(|k| pa.word(k).is_some_and(starts_upper))
}

/// `Roe is showing "respect"`, `continued to portray his "Q"`: a verb of showing right
/// before the quotation (a determiner between at most); further off, its object is
/// another (`polls showing her behind`).
fn shows_right_before(pa: &Para, k: usize, qt: usize) -> bool {
    let showing = pa.word(k).is_some_and(|w| {
        matches!(
            w,
            "showing" | "shows" | "showed" | "show" | "portray" | "portrays" | "portrayed"
        )
    });
    showing
        && (k + 1 == qt
            || (k + 2 == qt
                && pa.word(k + 1).is_some_and(|w| {
                    matches!(
                        w,
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
                    )
                })))
}

/// `Roe stood by her comment on Monday that "Q"`: a statement noun whose `that` opens the
/// quotation.
fn comment_that(pa: &Para, k: usize, qt: usize) -> bool {
    matches!(
        pa.word(k),
        Some("comment" | "comments" | "remark" | "remarks")
    ) && qt >= 1
        && pa.word(qt - 1) == Some("that")
        && qt - k <= 5
}

/// Whether `text` speaks in the first person (`I`, `my`, `we`, ...): someone's speech, not
/// a writer's phrase.
pub(super) fn first_person(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.split('\'').next().unwrap_or(w))
        .any(|w| {
            w == "I"
                || lowered(w, |l| {
                    matches!(l, "my" | "me" | "we" | "our" | "us" | "mine" | "ours")
                })
        })
}

/// `Roe made clear her aim to "Q"`: `clear` after a form of `make`.
fn made_clear(pa: &Para, k: usize) -> bool {
    pa.word(k) == Some("clear")
        && k.checked_sub(1)
            .and_then(|j| pa.word(j))
            .is_some_and(|w| matches!(w, "made" | "make" | "makes" | "making"))
}

/// `Roe, who goes by "Q"`: a name someone uses for themself.
fn goes_by(pa: &Para, k: usize, qt: usize) -> bool {
    k + 1 == qt
        && pa.word(k) == Some("by")
        && k.checked_sub(1)
            .and_then(|j| pa.word(j))
            .is_some_and(|w| matches!(w, "goes" | "go" | "went"))
}

/// `a class called "Q"`: the words name a thing, whoever the sentence is about and
/// whatever they said.
fn named_thing(pa: &Para, qt: usize) -> bool {
    (qt.saturating_sub(2)..qt).any(|k| names_a_thing(pa, k, qt))
}

/// `what has been described as "Q"`, `is nicknamed "Q"`: a participle after a form of `be`
/// says someone else used the words, not the sentence's subject.
fn passive(pa: &Para, k: usize) -> bool {
    pa.word(k).is_some_and(|w| w.ends_with("ed"))
        && k.checked_sub(1)
            .and_then(|j| pa.word(j))
            .is_some_and(|w| matches!(w, "been" | "being" | "be" | "is" | "was" | "are" | "were"))
}

/// `a class called "Q"`, `an account named the "Q"`: a participle of naming right after a
/// common noun and right before the quotation names that thing; it says nothing of who used
/// the words.
fn names_a_thing(pa: &Para, k: usize, qt: usize) -> bool {
    let naming = pa
        .word(k)
        .is_some_and(|w| matches!(w, "called" | "named" | "dubbed" | "titled" | "nicknamed"));
    let next_is_quote = k + 1 == qt
        || (k + 2 == qt
            && pa
                .word(k + 1)
                .is_some_and(|w| matches!(w, "the" | "a" | "an")));
    naming
        && next_is_quote
        && k.checked_sub(1).and_then(|j| pa.word(j)).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && !matches!(
                    w,
                    "what"
                        | "who"
                        | "which"
                        | "that"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                        | "you"
                        | "it"
                        | "has"
                        | "have"
                        | "had"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "be"
                        | "been"
                        | "being"
                        | "also"
                        | "once"
                        | "repeatedly"
                        | "publicly"
                        | "then"
                        | "later"
                        | "even"
                        | "just"
                        | "often"
                )
                && !w.ends_with("ly")
        })
}

#[cfg(test)]
mod tests {
    use crate::{
        ActorDef, ActorKind, Lexicon, Options, Quote, QuoteKind, Speaker, analyse, analyse_titled,
    };

    fn lexicon() -> Lexicon {
        let brecht = ActorDef {
            id: "brecht".into(),
            name: "Tomas Brecht".into(),
            aliases: vec!["Brecht".into()],
            role: None,
            kind: ActorKind::Person,
        };
        Lexicon::new(&[brecht], &[])
    }

    fn run(paragraphs: &[&str]) -> Vec<Quote> {
        analyse(paragraphs, &lexicon(), &Options::default()).quotes
    }

    const BRECHT: Option<Speaker> = Some(Speaker::Actor { index: 0 });

    /// The speaker of the fragment `words` in `paragraphs`.
    fn speaker_of(paragraphs: &[&str], words: &str) -> Option<Speaker> {
        let quotes = run(paragraphs);
        let q = quotes
            .iter()
            .find(|q| q.text.contains(words))
            .unwrap_or_else(|| panic!("no quotation {words} in {paragraphs:?}"));
        assert_eq!(q.kind, QuoteKind::Fragment, "{paragraphs:?}");
        q.speaker.clone()
    }

    #[test]
    fn showing_portraying_and_a_comment_say_who_used_the_words() {
        for (p, w) in [
            (
                "Brecht is being polite and showing \"respect\" to the board.",
                "respect",
            ),
            (
                "Brecht continued to portray \"reckless\" spending as the harbor's ruin.",
                "reckless",
            ),
            (
                "Brecht stood by his comment on Monday that \"Lisle lies.\"",
                "Lisle",
            ),
            (
                "Brecht made clear his aim to \"fix the quay\" by spring.",
                "fix",
            ),
            (
                "Brecht coached his deputy to \"breathe, breathe\" before the vote.",
                "breathe",
            ),
        ] {
            assert_eq!(speaker_of(&[p], w), BRECHT, "{p}");
        }
    }

    #[test]
    fn showing_with_another_object_says_nothing_of_the_words() {
        let p = "Despite polls showing him behind, Brecht won the vote that made him the \"comeback mayor\" of Lisle.";
        assert_eq!(speaker_of(&[p], "comeback"), None);
    }

    #[test]
    fn goes_by_names_only_the_name_right_after_it() {
        let p = "Brecht, who goes by \"Tommy,\" was among the board's \"old guard\" for years.";
        assert_eq!(speaker_of(&[p], "Tommy"), BRECHT);
        assert_eq!(speaker_of(&[p], "old guard"), None);
    }

    #[test]
    fn a_thing_called_so_is_no_ones_word() {
        let p = "Brecht shared the syllabus of a class called \"Harbors\" on Monday.";
        assert_eq!(speaker_of(&[p], "Harbors"), None);
        // whatever else the sentence's subject did
        let p = "Brecht tweeted a video from an account called \"harborwatch\" on Monday.";
        assert_eq!(speaker_of(&[p], "harborwatch"), None);
        // nor does a passive participle say the subject used the words
        let p = "Brecht won the port by sending what has been described as a \"harbor army\" to the docks.";
        assert_eq!(speaker_of(&[p], "harbor army"), None);
        // a person who called something so did use the word
        let p = "Brecht called the levy \"tricky\" on Monday.";
        assert_eq!(speaker_of(&[p], "tricky"), BRECHT);
    }

    #[test]
    fn to_someone_opens_their_view_in_their_words() {
        let p = "To Brecht, the levy is a \"tax grab\" and nothing more.";
        assert_eq!(speaker_of(&[p], "tax grab"), BRECHT);
        // a sentence about the levy with no one's view stays the writer's
        let p = "Brecht toured a quay that the levy left a \"ghost town\" last year.";
        assert_eq!(speaker_of(&[p], "ghost town"), None);
    }

    #[test]
    fn a_question_of_its_own_continues_the_speaker_a_noun_phrase_does_not() {
        let ps = [
            "Brecht wrote on his blog that the board had shut him out for a year. \"Blacklisted?\"",
        ];
        assert_eq!(speaker_of(&ps, "Blacklisted"), BRECHT);
        let ps = ["Brecht wrote on his blog that the board had shut him out. \"Harbor chief.\""];
        assert_eq!(speaker_of(&ps, "Harbor chief"), None);
    }

    #[test]
    fn a_headline_opening_with_a_name_in_marks_gives_it_no_speaker() {
        let body = ["Tomas Brecht spoke at the harbor on Monday."];
        let q = analyse_titled(
            "'Harbor Lights' Star Tomas Brecht Is Ready For 'Home'",
            &body,
            &lexicon(),
            &Options::default(),
        )
        .quotes;
        assert_eq!(
            (q[0].text.as_str(), q[0].speaker.clone()),
            ("Harbor Lights", None)
        );
        // unless the headline says who said it
        let q = analyse_titled(
            "'Rigged' Levy Vote, Tomas Brecht Says",
            &body,
            &lexicon(),
            &Options::default(),
        )
        .quotes;
        assert_eq!(q[0].speaker, BRECHT);
    }

    #[test]
    fn a_fragment_in_a_headline_is_the_subjects_only_where_the_headline_says_they_spoke() {
        let body = ["Tomas Brecht spoke at the harbor on Monday."];
        let speaker = |title: &str| {
            analyse_titled(title, &body, &lexicon(), &Options::default()).quotes[0]
                .speaker
                .clone()
        };
        assert_eq!(speaker("Tomas Brecht Is Ready To Go 'Home'"), None);
        assert_eq!(speaker("Tomas Brecht Slams Levy's 'Harbor Tax'"), BRECHT);
        assert_eq!(
            speaker("Tomas Brecht Endorses Doe: I Am 'Thrilled'"),
            BRECHT
        );
    }

    /// The kind and speaker of the only quotation of `paragraphs`.
    fn partial_speaker(paragraphs: &[&str]) -> Option<Speaker> {
        let quotes = run(paragraphs);
        assert_eq!(quotes.len(), 1, "{paragraphs:?}");
        assert_eq!(quotes[0].kind, QuoteKind::Partial, "{paragraphs:?}");
        quotes[0].speaker.clone()
    }

    #[test]
    fn a_partial_takes_its_sentences_subject_only_with_a_verb_of_use() {
        let p = "Brecht spoke at the quay. He took his phone everywhere he went, \"sending and receiving mail at all hours.\"";
        assert_eq!(partial_speaker(&[p]), None);
        let p = "Brecht laid out a plan for \"a harbor that works for everyone\" on Monday.";
        assert_eq!(partial_speaker(&[p]), BRECHT);
    }

    #[test]
    fn a_partial_inside_a_later_sentence_is_not_the_earlier_subjects() {
        let p = "Brecht toured the quay on Monday. The plan would be paid for by \"closing loopholes for harbor firms.\"";
        assert_eq!(partial_speaker(&[p]), None);
        // unless it speaks in the first person
        let p = "Brecht toured the quay on Monday. It was a plan that \"my whole team wrote in a week.\"";
        assert_eq!(partial_speaker(&[p]), BRECHT);
    }

    #[test]
    fn first_person_words() {
        assert!(super::first_person("I will win"));
        assert!(super::first_person("a plan my team wrote"));
        assert!(super::first_person("we'll see"));
        assert!(!super::first_person("India wins it"));
        assert!(!super::first_person("the harbor, inside out"));
    }
}
