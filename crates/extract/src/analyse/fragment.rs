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
pub(super) fn says_who_used(pa: &Para, qt: usize, rule: Option<&str>) -> bool {
    match rule {
        Some("sentence-subject" | "continuation: subject") => verb_of_use_before(pa, qt),
        _ => true,
    }
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
    (from..qt).any(|k| {
        pa.word(k).is_some_and(|w| {
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
                    )
                })
        })
    })
}
