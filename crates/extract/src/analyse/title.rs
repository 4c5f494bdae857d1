//! Titles are not speech: the name of a show, book, film, song, campaign or slogan in quotation
//! marks (`appeared on "Meet the Press"`, `his book, "Crippled Lands: A Memoir"`, `the "Keep
//! the Harbor Open" signs`) is a [`QuoteKind::Title`], which has no speaker. A writer sets
//! such names in marks the way others set them in italics; counting them as anyone's
//! quotation puts a television programme at the top of a politician's digest.

use super::*;

/// Whether the quotation whose single span is token `qt` of `pa` names a work or a slogan
/// rather than reporting speech. `text` is its wording without the marks.
/// `titled` tells whether an earlier quotation of the article (by index) is a title.
pub(super) fn is_title(
    pa: &Para,
    qt: usize,
    text: &str,
    title_line: bool,
    titled: impl Fn(usize) -> bool,
) -> bool {
    let Some(case) = title_case(text) else {
        // a lowercase stretch is a work's name only right after a word that says it is a
        // wording: `the slogan "keep it local"`; not past a comma or colon (`the program,
        // "states were losing money"` is speech about it), and not after a show or a
        // programme, which people describe (`called the show "the best on the air"`)
        return qt
            .checked_sub(1)
            .and_then(|k| pa.word(k))
            .is_some_and(is_wording_noun);
    };
    // `"There it is. There it is,"`: two sentences are speech
    if holds_two_sentences(text) {
        return false;
    }
    // `"Mr. Halvorsen,"`: a person addressed or named, not a work
    if text
        .split(['.', ' '])
        .next()
        .is_some_and(is_title_abbreviation)
    {
        return false;
    }
    if work_noun_before(pa, qt) || modifies_work_noun(pa, qt) || listed_after_title(pa, qt, titled)
    {
        return true;
    }
    // `on "Face the Nation"`, `the star of "The Harbor Hour"`, `ABC's "This Week"`: a name
    // in Title Case where a noun phrase stands; a sentence opening a quotation ("We will win")
    // has lowercase words and is no title
    if opens_name_slot(pa, qt, text, &case, pa.headline || title_line) {
        return true;
    }
    // a headline or a line written as one is all Title Case and says nothing by it; a
    // quotation that opens its sentence is said by someone more often than not
    if pa.headline || title_line || qt == 0 || pa.sent[qt - 1] != pa.sent[qt] {
        return false;
    }
    // `jobs from "Lisle to Vessen"`: a stretch from one place to another, in someone's
    // words; `"Is Roe Off the Ballot?"` is a question someone asked
    if is_range_from(pa, qt, text) || text.trim_end().ends_with('?') {
        return false;
    }
    // a stretch of two or more capitalised words inside a sentence that says nobody used
    // it: `"Hand-Seeded Mats for Eelgrass Restoration in a Temperate Estuary"`, `a joke
    // about "Harbor Days"`, `the "Quay Four" group`: a name, not words someone is quoted
    // using (`called him "Little Admiral"` is)
    // (a verb of saying far back in a long sentence is no naming: "Roe said she would
    // be on Sunday's "Harbor Morning" again")
    case.capitalised >= 2 && !super::fragment::verb_of_use_within(pa, qt, NAMING_REACH)
}

/// Whether a sentence ends inside `text` and another begins: `There it is. There it is`.
fn holds_two_sentences(text: &str) -> bool {
    text.match_indices(['.', '?']).any(|(i, _)| {
        let rest = &text[i + 1..];
        rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase)
    }) && !text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.strip_suffix('.').is_some_and(is_title_abbreviation))
}

/// The possessive owner of a show that is a broadcaster: `the Harbor Channel's "Roe"`.
fn is_broadcaster_noun(w: &str) -> bool {
    matches!(
        w,
        "Channel" | "Network" | "TV" | "Radio" | "News" | "Television" | "Broadcasting"
    )
}

/// `from "Lisle to Vessen"`: two names joined by `to` after `from` span a range (of places,
/// of people), which is how a speaker put it, not a work's name.
fn is_range_from(pa: &Para, qt: usize, text: &str) -> bool {
    let after_from = qt
        .checked_sub(1)
        .and_then(|k| pa.word(k))
        .is_some_and(|w| w == "from");
    after_from && text.split_whitespace().filter(|w| *w == "to").count() == 1
}

/// Makes every fragment of `quotes` (one article's) whose wording is that of one of its
/// titles a title too, with no speaker: a show named once by its slot (`on "Harbor Days"`)
/// is the same show where the sentence says less (`a new "Harbor Days"`).
pub(super) fn same_name_again(quotes: &mut [Quote]) {
    let titles: Vec<String> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Title)
        .map(|q| crate::normalise(&q.text))
        .collect();
    if titles.is_empty() {
        return;
    }
    for q in quotes.iter_mut() {
        if q.kind == QuoteKind::Fragment && titles.contains(&crate::normalise(&q.text)) {
            q.kind = QuoteKind::Title;
            q.speaker = None;
            q.rule = None;
        }
    }
}

/// How many tokens before a quotation a verb of saying or naming makes it words someone
/// used rather than a name: `called his rival "Little Admiral"`.
const NAMING_REACH: usize = 6;

/// How a stretch is capitalised, when it is in Title Case: its first word and every word
/// longer than three letters start with a capital (`Face the Nation`, `The Apprentice`).
struct TitleCase {
    /// Capitalised words.
    capitalised: usize,
}

fn title_case(text: &str) -> Option<TitleCase> {
    // capitals throughout are shouting, not a name: "THIS IS NOT OK."
    if !text.chars().any(char::is_lowercase) {
        return None;
    }
    let mut capitalised = 0;
    let mut first = true;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let upper = starts_upper(w) || w.starts_with(|c: char| c.is_ascii_digit());
        if (first || (w.chars().count() > 3 && !is_small_word(w))) && !upper {
            return None;
        }
        capitalised += usize::from(upper);
        first = false;
    }
    (capitalised > 0).then_some(TitleCase { capitalised })
}

/// Longer prepositions a title leaves in lower case: `The Nightly Show with Jon Roe`.
fn is_small_word(w: &str) -> bool {
    matches!(
        w,
        "with" | "from" | "into" | "over" | "upon" | "about" | "than" | "under" | "without"
    )
}

/// `starred in "Harbor Days" and "The Quay"`: a name in Title Case listed right after a
/// title is another.
fn listed_after_title(pa: &Para, qt: usize, titled: impl Fn(usize) -> bool) -> bool {
    let Some(k) = qt.checked_sub(1) else {
        return false;
    };
    let joined = pa.is_punct(k, &[','])
        || pa
            .word(k)
            .is_some_and(|w| matches!(w, "and" | "or" | "nor"));
    let before = if pa.is_punct(k.wrapping_sub(1), &[',']) {
        k.checked_sub(2)
    } else {
        k.checked_sub(1)
    };
    joined && before.is_some_and(|b| matches!(pa.toks[b].kind, TokKind::Quote(i) if titled(i)))
}

/// Nouns that name a work, a programme or a slogan: the stretch right after one is its name.
fn is_work_noun(w: &str) -> bool {
    // a capitalised one is a name more often: "Dr. Paul Song"
    !starts_upper(w)
        && lowered(w, |x| {
            matches!(
                x,
                "show"
                    | "shows"
                    | "program"
                    | "programme"
                    | "series"
                    | "sitcom"
                    | "podcast"
                    | "book"
                    | "books"
                    | "bestseller"
                    | "memoir"
                    | "memoirs"
                    | "autobiography"
                    | "biography"
                    | "novel"
                    | "film"
                    | "movie"
                    | "documentary"
                    | "song"
                    | "album"
                    | "anthem"
                    | "musical"
                    | "play"
                    | "episode"
                    | "sketch"
                    | "column"
                    | "essay"
                    | "op-ed"
                    | "magazine"
                    | "newspaper"
                    | "slogan"
                    | "slogans"
                    | "motto"
                    | "hashtag"
                    | "headline"
                    | "headlined"
                    | "titled"
                    | "entitled"
                    | "caption"
                    | "captioned"
                    | "banner"
                    | "inscription"
                    | "inscribed"
                    | "operation"
            )
        })
}

/// Work nouns whose name is a wording, set in marks even in lower case: `the slogan "keep
/// it local"`, `a headline, "harbor closes"`.
fn is_wording_noun(w: &str) -> bool {
    is_work_noun(w)
        && lowered(w, |x| {
            matches!(
                x,
                "slogan"
                    | "slogans"
                    | "motto"
                    | "hashtag"
                    | "headline"
                    | "headlined"
                    | "titled"
                    | "entitled"
                    | "caption"
                    | "captioned"
                    | "banner"
                    | "inscription"
                    | "inscribed"
            )
        })
}

/// Nouns a work's name or a slogan is written before, as a modifier: `the "Keep the Harbor
/// Open" signs`, `a "Harbor Hour" sketch`. Nouns of speech (`comment`, `remark`) are not
/// among them: `the "basket of crabs" remark` quotes someone.
fn is_modified_work_noun(w: &str) -> bool {
    is_work_noun(w)
        || lowered(w, |x| {
            matches!(
                x,
                "hat"
                    | "hats"
                    | "cap"
                    | "caps"
                    | "shirt"
                    | "shirts"
                    | "t-shirt"
                    | "t-shirts"
                    | "sign"
                    | "signs"
                    | "sticker"
                    | "stickers"
                    | "button"
                    | "buttons"
                    | "chant"
                    | "chants"
                    | "campaign"
                    | "movement"
                    | "tour"
                    | "rally"
                    | "rallies"
                    | "segment"
                    | "host"
                    | "star"
                    | "appearance"
                    | "set"
                    | "stage"
                    | "cast"
                    | "website"
                    | "ad"
                    | "ads"
                    | "advert"
                    | "commercial"
                    | "brand"
                    | "bill"
                    | "act"
                    | "franchise"
            )
        })
}

/// Whether a work noun stands right before the quotation, past a comma, a colon, a year or
/// a possessive: `the film "X"`, `his 2015 book, "X"`, `the slogan: "X"`.
fn work_noun_before(pa: &Para, qt: usize) -> bool {
    let mut k = qt;
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        k = prev;
        if pa.is_punct(k, &[',', ':']) {
            continue;
        }
        let Some(w) = pa.word(k) else { return false };
        if is_work_noun(w) {
            return true;
        }
        if !(w.chars().all(|c| c.is_ascii_digit()) || is_possessive(w)) {
            return false;
        }
    }
    false
}

/// `the "X" signs`, `a "X" sketch`: a determiner before the quotation and a work noun after.
fn modifies_work_noun(pa: &Para, qt: usize) -> bool {
    let determiner = qt.checked_sub(1).and_then(|k| pa.word(k)).is_some_and(|w| {
        is_possessive(w)
            || lowered(w, |x| {
                matches!(
                    x,
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "your" | "my"
                )
            })
    });
    determiner && pa.word(qt + 1).is_some_and(is_modified_work_noun)
}

/// Where a name in Title Case is a name: after a preposition (`on "Face the Nation"`, `the
/// star of "The Harbor Hour"`, `in "The Long Quay"`, `an interview with "Harbor Morning"`),
/// a possessive (`ABC's "This Week"`, `Sunday's "Harbor Morning Live"`), `told` (`told
/// "Harbor Morning"`), `including` or a verb of performing (`sang "Lanterns on the Water"`).
fn opens_name_slot(pa: &Para, qt: usize, text: &str, case: &TitleCase, headline: bool) -> bool {
    let Some(w) = qt.checked_sub(1).and_then(|k| pa.word(k)) else {
        return false;
    };
    if is_possessive(w) {
        let owner = strip_possessive(w);
        // `VBC's "Morning Desk"`, `the Harbor Channel's "Roe"`; in a headline, where every
        // word is capitalised, `Roe: Doe's "Hateful Talk"` is the words of one of them
        let broadcaster = all_caps(owner) || is_broadcaster_noun(owner);
        return broadcaster || (case.capitalised >= 2 && !headline);
    }
    let several = case.capitalised >= 2;
    // lower case only: in a headline's Title Case, "On" says nothing
    match w {
        "on" | "of" | "onto" | "told" | "hosted" | "hosting" => true,
        "in" | "at" | "from" | "to" | "with" | "for" => {
            (several && text.starts_with("The "))
                || (w == "with"
                    && qt
                        .checked_sub(2)
                        .and_then(|k| pa.word(k))
                        .is_some_and(|v| matches!(v, "interview" | "appearance" | "conversation")))
        }
        "including" => several,
        _ => lowered(w, |x| {
            matches!(
                x,
                "sang" | "sing" | "sings" | "singing" | "performed" | "perform" | "performing"
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::{ActorDef, ActorKind, Lexicon, Options, Quote, QuoteKind, Speaker, analyse};

    fn run(paragraphs: &[&str]) -> Vec<Quote> {
        let brecht = ActorDef {
            id: "brecht".into(),
            name: "Tomas Brecht".into(),
            aliases: vec!["Brecht".into()],
            role: None,
            kind: ActorKind::Person,
        };
        analyse(
            paragraphs,
            &Lexicon::new(&[brecht], &[]),
            &Options::default(),
        )
        .quotes
    }

    /// The only quotation of `paragraph`: its kind and whether it has a speaker.
    fn only(paragraph: &str) -> (QuoteKind, Option<Speaker>) {
        let quotes = run(&[paragraph]);
        assert_eq!(quotes.len(), 1, "{paragraph}");
        (quotes[0].kind, quotes[0].speaker.clone())
    }

    #[test]
    fn a_programme_after_on_is_a_title_with_no_speaker() {
        for p in [
            "Brecht appeared on \"Harbor Morning Live\" to defend the levy.",
            "Brecht said on \"Today\" that the levy would pass.",
            "Brecht, the former host of \"The Quay Hour,\" spoke first.",
        ] {
            assert_eq!(only(p), (QuoteKind::Title, None), "{p}");
        }
    }

    #[test]
    fn a_programme_after_a_possessive_is_a_title() {
        for p in [
            "Brecht told VBC's \"Morning Desk\" he had no regrets.",
            "Brecht said he would be back on Sunday's \"Harbor Morning Live\" soon.",
        ] {
            assert_eq!(only(p), (QuoteKind::Title, None), "{p}");
        }
    }

    #[test]
    fn a_name_after_in_the_with_an_interview_including_or_a_song_verb_is_a_title() {
        for p in [
            "Brecht once had a small part in \"The Long Quay\" as a boy.",
            "Brecht said so in an interview with \"Harbor Morning\" last week.",
            "The band Brecht hired played old songs, including \"Lanterns on the Water\" twice.",
            "At the dinner Brecht sang \"Home Across the Bay\" with the choir.",
        ] {
            assert_eq!(only(p), (QuoteKind::Title, None), "{p}");
        }
    }

    #[test]
    fn a_title_listed_after_a_title_is_one_too() {
        let quotes =
            run(&["Brecht was the voice of \"Quay Street\" and \"Harbor Days\" on the radio."]);
        let kinds: Vec<_> = quotes.iter().map(|q| q.kind).collect();
        assert_eq!(kinds, [QuoteKind::Title, QuoteKind::Title]);
    }

    #[test]
    fn a_work_named_by_its_noun_is_a_title() {
        for p in [
            "In his 2014 book, \"Tides of the North: Why the Harbor Matters,\" Brecht wrote of his father.",
            "Brecht quoted the song \"Lanterns on the Water\" at the rally.",
            "The campaign slogan \"A Harbor for Everyone\" was Brecht's idea.",
        ] {
            assert_eq!(only(p), (QuoteKind::Title, None), "{p}");
        }
    }

    #[test]
    fn a_slogan_written_before_its_object_is_a_title() {
        for p in [
            "Supporters of Brecht wore the \"Keep the Harbor Open\" caps all week.",
            "Brecht mocked a \"Harbor Hour\" sketch about him.",
        ] {
            assert_eq!(only(p), (QuoteKind::Title, None), "{p}");
        }
    }

    #[test]
    fn a_long_stretch_in_title_case_is_a_title() {
        let p =
            "Brecht's office released \"A Plan for Safer Harbors and Cleaner Water\" on Monday.";
        assert_eq!(only(p), (QuoteKind::Title, None));
    }

    #[test]
    fn a_scare_quote_keeps_a_speaker_only_where_the_sentence_says_who_used_it() {
        // the writer's word: Brecht is the subject, but nothing says he used it
        let (kind, speaker) = only("Brecht faces a \"tricky\" week at the harbor.");
        assert_eq!((kind, speaker), (QuoteKind::Fragment, None));
        // a verb of saying or taking a stand says who used it
        for p in [
            "Brecht called the levy \"tricky\" on Monday.",
            "Brecht blamed the delay on \"harbor politics\" again.",
            "\"Tricky,\" Brecht said of the levy.",
        ] {
            assert_eq!(only(p).1, Some(Speaker::Actor { index: 0 }), "{p}");
        }
    }

    #[test]
    fn a_show_after_a_broadcasters_possessive_or_for_the_is_a_title() {
        for p in [
            "Brecht said so on the Harbor Channel's \"Quayside\" last night.",
            "Brecht once wrote jokes for \"The Late Tide\" in Lisle.",
        ] {
            assert_eq!(only(p), (QuoteKind::Title, None), "{p}");
        }
    }

    #[test]
    fn a_headlines_possessive_is_no_name_slot() {
        // `Name: Other's "Words"` quotes the first about the second
        let quotes = run(&["Brecht: Doe's \"Reckless Harbor Plan\""]);
        assert_ne!(quotes[0].kind, QuoteKind::Title);
    }

    #[test]
    fn capitalised_speech_is_not_a_title() {
        for p in [
            // a range from one place to another
            "Brecht noted the Sept. 11 floods and his work to bring jobs from \"Lisle to Vessen.\"",
            // two sentences
            "Brecht kept repeating \"There it is. There it is,\" to the crowd in the hall.",
            // a question
            "Brecht's answer to the crowd in the hall was: \"Is Doe Off the Ballot?\"",
            // a person addressed
            "Brecht kept turning to his rival in the hall and saying \"Mr. Doe,\" again.",
        ] {
            assert_ne!(only(p).0, QuoteKind::Title, "{p}");
        }
    }

    #[test]
    fn a_description_of_a_show_is_not_its_title() {
        for p in [
            "Brecht called the show \"the finest hour on the dial.\"",
            "The harbor program \"is gaining ground every week,\" Brecht said.",
        ] {
            assert_ne!(only(p).0, QuoteKind::Title, "{p}");
        }
        // a slogan's noun makes even a lowercase stretch a name
        assert_eq!(
            only("Brecht's slogan \"keep it local\" was everywhere.").0,
            QuoteKind::Title
        );
    }

    #[test]
    fn a_name_set_as_a_title_once_is_one_again_later() {
        let quotes = run(&[
            "Brecht once starred in \"The Long Quay\" on the radio.",
            "Brecht said he wanted a new \"Long Quay\" and then a new \"The Long Quay\" soon.",
        ]);
        let kinds: Vec<_> = quotes
            .iter()
            .map(|q| (q.kind, q.speaker.is_some()))
            .collect();
        assert_eq!(kinds[0], (QuoteKind::Title, false));
        // a different wording stays what it was
        assert_eq!(kinds[1].0, QuoteKind::Fragment);
        assert_eq!(kinds[2], (QuoteKind::Title, false));
    }

    #[test]
    fn speech_and_nicknames_are_not_titles() {
        let (kind, speaker) = only("\"We will keep the harbor open,\" Brecht said.");
        assert_eq!(kind, QuoteKind::Quote);
        assert!(speaker.is_some());
        // a nickname someone gave is a fragment of theirs
        let (kind, speaker) = only("Brecht called his rival \"Little Admiral\" again.");
        assert_eq!(kind, QuoteKind::Fragment);
        assert_eq!(speaker, Some(Speaker::Actor { index: 0 }));
        // a sentence in capitals after `on` has lowercase words: speech
        let (kind, _) = only("Brecht insisted on \"Keeping the harbor open for all of us.\"");
        assert_ne!(kind, QuoteKind::Title);
    }
}
