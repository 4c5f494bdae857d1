//! What every part of dossier relies on when it uses these helpers, checked
//! on examples and on arbitrary text.

use dossier_text::html::{decode_entities, escape_html};
use dossier_text::percent::percent_decode;
use dossier_text::shorten::{first_words, shorten};
use dossier_text::slug::slugify;
use dossier_text::yaml;
use proptest::prelude::*;

#[test]
fn shortening_cuts_at_words_and_counts_characters() {
    assert_eq!(shorten("short", 10), "short");
    assert_eq!(shorten("one two, three four", 12), "one two…");
    assert_eq!(shorten("one two three four", 12), "one two…");
    assert_eq!(shorten("ééééééééé", 4), "éééé…");
    // Room counted in characters: a text of many-byte letters is cut at its
    // last space in range, not the first one past half its bytes.
    assert_eq!(shorten("ééé ééé ééé ééé", 11), "ééé ééé…");
    assert_eq!(shorten("  padded  ", 10), "padded");
    assert_eq!(
        shorten("talks with (Syrian) rebels", 20),
        "talks with (Syrian)…"
    );
    assert_eq!(shorten("he said: “we will not go”", 11), "he said…");
}

#[test]
fn first_words_counts_words() {
    assert_eq!(first_words("a b c", 3), "a b c");
    assert_eq!(first_words("a b c d", 2), "a b…");
}

#[test]
fn escaping_takes_the_five_characters() {
    assert_eq!(escape_html("a/b é"), "a/b é");
    assert_eq!(
        escape_html("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}

#[test]
fn references_decode() {
    assert_eq!(
        decode_entities("a &lt;b&gt; &#39;c&#x27; &bogus; & &amp;amp; &nbsp;"),
        "a <b> 'c' &bogus; & &amp; \u{a0}"
    );
}

#[test]
fn percent_escapes_decode_and_stray_percents_are_refused() {
    assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
    assert_eq!(percent_decode("%D0%BB").as_deref(), Some("л"));
    assert_eq!(percent_decode("100%"), None);
    assert_eq!(percent_decode("%zz"), None);
    assert_eq!(percent_decode("%FF"), None, "not UTF-8");
}

proptest! {
    #[test]
    fn decoding_undoes_escaping(s in "\\PC*") {
        prop_assert_eq!(decode_entities(&escape_html(&s)), s);
    }

    #[test]
    fn escaped_text_holds_no_markup(s in "\\PC*") {
        let e = escape_html(&s);
        prop_assert!(!e.contains(['<', '>', '"', '\'']));
    }

    #[test]
    fn a_shortened_text_fits_and_starts_the_text(s in "\\PC{0,80}", max in 1usize..40) {
        let short = shorten(&s, max);
        prop_assert!(short.chars().count() <= max + 1, "{:?}", short);
        let head = short.strip_suffix('…').unwrap_or(&short);
        prop_assert!(s.trim().starts_with(head), "{:?} is not a start of {:?}", head, s);
    }

    #[test]
    fn a_slug_is_a_slug_of_itself(s in "\\PC{0,60}") {
        let slug = slugify(&s);
        prop_assert_eq!(slugify(&slug), slug.clone());
        prop_assert!(!slug.contains(['/', '\\', '.', ' ']), "{:?}", slug);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{:?}", slug);
    }

    #[test]
    fn yaml_scalars_read_back_as_written(s in "\\PC{0,40}") {
        let doc = format!("a: {}\nb: [{}]\n", yaml::scalar(&s), yaml::flow_item(&s));
        let read: std::collections::BTreeMap<String, serde_yaml::Value> =
            serde_yaml::from_str(&doc).map_err(|e| TestCaseError::fail(format!("{doc}: {e}")))?;
        prop_assert_eq!(read["a"].as_str(), Some(s.as_str()), "{}", doc);
        prop_assert_eq!(read["b"][0].as_str(), Some(s.as_str()), "{}", doc);
    }

    #[test]
    fn percent_decoding_never_panics(s in "[a-z%0-9A-F]{0,20}") {
        if let Some(d) = percent_decode(&s) {
            prop_assert!(d.len() <= s.len());
        }
    }
}
