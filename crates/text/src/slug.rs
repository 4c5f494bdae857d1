//! Slugs: the URL-safe names of articles, actors, topics and outlets, and
//! the checks every id passes before a page is written under it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The most bytes a slug may have: it is a folder name in the output, and
/// file systems (ext4, APFS, NTFS) allow 255 bytes for one name.
pub const MAX_SLUG_BYTES: usize = 255;

/// Letters and digits of any script, lowercased, and single hyphens.
/// Latin letters with accents are folded ("Mélenchon" -> "melenchon") so
/// such URLs stay readable; letters of other scripts are kept as they are
/// ("Сергей Лавров" -> "сергей-лавров", "習近平" -> "習近平"). Anything that
/// would let a slug climb out of its folder (`/`, `.`, `\`) becomes a hyphen.
pub fn slugify(text: &str) -> String {
    let mut slug = Slug {
        text: String::with_capacity(text.len()),
        pending_hyphen: false,
        after_kept_letter: false,
    };
    // NFC first, so that "й" written as и + breve is the one letter it
    // reads as (ASCII is NFC already: most names skip the work).
    let composed: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfc())
    };
    for c in composed {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase(), false);
            } else if c != '\'' {
                slug.break_word();
            }
            // an apostrophe is dropped without a break: "Russia's" -> "russias"
        } else if c == '’' {
        } else if let Some(folded) = ascii_folding(c) {
            for f in folded.chars() {
                slug.push(f.to_ascii_lowercase(), false);
            }
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                slug.push(lower, true);
            }
        } else if is_combining_mark(c) {
            // A vowel sign or point of a kept letter (Devanagari, Hebrew,
            // Arabic) is part of it; an accent left on an ASCII letter is not.
            if slug.after_kept_letter {
                slug.text.push(c);
            }
        } else {
            slug.break_word();
        }
    }
    slug.text
}

struct Slug {
    text: String,
    pending_hyphen: bool,
    /// The last character pushed is a non-ASCII letter.
    after_kept_letter: bool,
}

impl Slug {
    fn push(&mut self, c: char, kept_letter: bool) {
        if self.pending_hyphen && !self.text.is_empty() {
            self.text.push('-');
        }
        self.pending_hyphen = false;
        self.text.push(c);
        self.after_kept_letter = kept_letter;
    }

    fn break_word(&mut self) {
        self.pending_hyphen = true;
        self.after_kept_letter = false;
    }
}

/// The ASCII letters and digits a character folds to by compatibility
/// decomposition, accents left out ("é" -> "e", "ﬁ" -> "fi", "Ａ" -> "A"),
/// or none when it is not a Latin letter or digit in disguise.
fn ascii_folding(c: char) -> Option<String> {
    let mut folded = String::new();
    let mut ascii = true;
    decompose_compatible(c, |d| {
        if d.is_ascii_alphanumeric() {
            folded.push(d);
        } else if !is_combining_mark(d) {
            ascii = false;
        }
    });
    (ascii && !folded.is_empty()).then_some(folded)
}

/// What is wrong with an id that names a page's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Nothing is left of it as a slug ("!!!", "../"): its page would be the
    /// index of its kind.
    Empty,
    /// Longer than a file name may be; the number of bytes.
    TooLong(usize),
}

impl IdProblem {
    /// `what` names the thing, e.g. "the topic `...`"; the sentence says
    /// what is wrong and why it matters.
    pub fn describe(self, what: &str) -> String {
        match self {
            IdProblem::Empty => format!(
                "{what} has no letters or digits, so it has no URL of its own: its page would replace the index"
            ),
            IdProblem::TooLong(bytes) => format!(
                "{what} makes a URL name of {bytes} bytes; a file name may have at most {MAX_SLUG_BYTES}"
            ),
        }
    }
}

/// Whether `slug` (already a slug) can name a folder of the output.
pub fn check_slug(slug: &str) -> Result<(), IdProblem> {
    if slug.is_empty() {
        Err(IdProblem::Empty)
    } else if slug.len() > MAX_SLUG_BYTES {
        Err(IdProblem::TooLong(slug.len()))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Sergei Lavrov"), "sergei-lavrov");
        assert_eq!(slugify("  The Straits Times! "), "the-straits-times");
        assert_eq!(
            slugify("Russia’s foreign ministry"),
            "russias-foreign-ministry"
        );
        assert_eq!(slugify("Mélenchon"), "melenchon");
        assert_eq!(slugify("Me\u{301}lenchon"), "melenchon");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("!!!"), "");
        assert_eq!(slugify("..."), "");
        assert_eq!(slugify("../"), "");
    }

    #[test]
    fn every_script_keeps_its_letters() {
        assert_eq!(slugify("Сергей Лавров"), "сергей-лавров");
        assert_eq!(slugify("Серге\u{438}\u{306}"), "сергей");
        assert_eq!(slugify("習近平"), "習近平");
        assert_eq!(slugify("東京 タワー"), "東京-タワー");
        assert_eq!(slugify("서울"), "서울");
        assert_eq!(slugify("हिन्दी"), "हिन्दी");
        assert_eq!(slugify("Łukasz Straße"), "łukasz-straße");
        assert_eq!(slugify("ＡＢＣ ﬁle"), "abc-file");
        assert_eq!(slugify("Αθήνα"), "αθήνα");
    }

    #[test]
    fn ids_that_cannot_name_a_folder() {
        assert_eq!(check_slug(""), Err(IdProblem::Empty));
        assert_eq!(check_slug(&"a".repeat(256)), Err(IdProblem::TooLong(256)));
        assert_eq!(check_slug(&"a".repeat(255)), Ok(()));
    }
}
