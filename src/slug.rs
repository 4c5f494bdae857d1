//! Slugs: the URL-safe names of articles, actors, topics and outlets.

use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII letters, digits and single hyphens. Accents are folded
/// ("Mélenchon" -> "melenchon") so URLs stay readable; anything that would
/// let a slug climb out of its folder (`/`, `.`, `\`) becomes a hyphen.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) || c == '\'' || c == '’' {
            // dropped without a break: "Russia's" -> "russias"
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Sergei Lavrov"), "sergei-lavrov");
        assert_eq!(slugify("  The Straits Times! "), "the-straits-times");
        assert_eq!(
            slugify("Russia’s foreign ministry"),
            "russias-foreign-ministry"
        );
        assert_eq!(slugify("Mélenchon"), "melenchon");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("!!!"), "");
    }
}
