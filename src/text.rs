//! Small helpers on text shared by every stage. The ones `dossier import`
//! and the benchmark must agree on live in `crates/text` (`dossier_text`)
//! and are re-exported here, so the site has one name for each: escaping
//! and decoding HTML, shortening, slugs (`crate::slug`), percent-decoding.

pub use dossier_text::html::{char_reference, decode_entities, escape_html};
pub use dossier_text::percent::percent_decode;
pub use dossier_text::shorten::{first_words, shorten};

/// The plural ending of a count: `format!("{n} article{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_endings() {
        assert_eq!(format!("{} article{}", 1, plural(1)), "1 article");
        assert_eq!(format!("{} article{}", 0, plural(0)), "0 articles");
        assert_eq!(format!("{} article{}", 2, plural(2)), "2 articles");
    }
}
