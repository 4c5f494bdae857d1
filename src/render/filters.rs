//! Filters that replace Tera's built-in ones of the same name, with the same
//! results, where the built-in one is slow on the pages dossier makes.

use std::collections::HashMap;

use tera::{Tera, Value};
use unicode_segmentation::UnicodeSegmentation;

pub fn register(tera: &mut Tera) {
    tera.register_filter("truncate", truncate);
}

/// Tera's `truncate`: the first `length` (default 255) grapheme clusters,
/// then `end` (default `…`) if anything was cut. Tera's own splits the whole
/// string into a vector of graphemes first; every page's description goes
/// through it twice, and quotations and ledes can be long. This stops at
/// the cut.
fn truncate(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let Some(text) = value.as_str() else {
        return Err(tera::Error::msg(format!(
            "Filter `truncate` was called on an incorrect value: got `{value}` but expected a String"
        )));
    };
    let length = match args.get("length") {
        None => 255,
        Some(l) => l.as_u64().map(|l| l as usize).ok_or_else(|| {
            tera::Error::msg(format!(
                "Filter `truncate` received an incorrect type for arg `length`: got `{l}` but expected a usize"
            ))
        })?,
    };
    let end = match args.get("end") {
        None => "…",
        Some(e) => e.as_str().ok_or_else(|| {
            tera::Error::msg(format!(
                "Filter `truncate` received an incorrect type for arg `end`: got `{e}` but expected a String"
            ))
        })?,
    };
    // A cluster is at least one character: nothing to cut in a short text.
    if text.len() <= length || text.chars().nth(length).is_none() {
        return Ok(value.clone());
    }
    // Between two ASCII characters (but CR LF) there is always a cluster
    // boundary, so a leading ASCII run is one cluster per byte and only the
    // rest needs the segmenter.
    let ascii = text
        .bytes()
        .take(length + 1)
        .take_while(|&b| b.is_ascii() && b != b'\r')
        .count();
    let sure = ascii.saturating_sub(1);
    let cut = if ascii > length {
        Some(length)
    } else {
        text[sure..]
            .grapheme_indices(true)
            .nth(length - sure)
            .map(|(i, _)| sure + i)
    };
    Ok(match cut {
        Some(cut) => Value::String(format!("{}{end}", &text[..cut])),
        None => value.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, length: Option<u64>, end: Option<&str>) -> tera::Result<Value> {
        let mut args = HashMap::new();
        if let Some(l) = length {
            args.insert("length".to_string(), Value::from(l));
        }
        if let Some(e) = end {
            args.insert("end".to_string(), Value::from(e));
        }
        truncate(&Value::from(text), &args)
    }

    #[test]
    fn cuts_at_grapheme_clusters_like_tera() {
        assert_eq!(run("hello world", Some(5), None).unwrap(), "hello…");
        assert_eq!(run("hello", Some(5), None).unwrap(), "hello");
        assert_eq!(run("hello", Some(9), None).unwrap(), "hello");
        assert_eq!(
            run("héllo wörld", Some(7), Some("...")).unwrap(),
            "héllo w..."
        );
        // One cluster: an e and a combining accent.
        assert_eq!(run("e\u{301}tude", Some(1), None).unwrap(), "e\u{301}…");
        assert_eq!(
            run(&"x".repeat(300), None, Some("")).unwrap(),
            "x".repeat(255)
        );
    }

    #[test]
    fn the_same_as_teras_own() {
        let mut tera = Tera::default();
        tera.add_raw_template(
            "t",
            "{{ s | truncate(length=n) }}|{{ s | truncate(length=n, end='~') }}",
        )
        .unwrap();
        let mut ours = Tera::default();
        ours.add_raw_template(
            "t",
            "{{ s | truncate(length=n) }}|{{ s | truncate(length=n, end='~') }}",
        )
        .unwrap();
        register(&mut ours);
        for s in [
            "",
            "a",
            "Lavrov said “we will go”.",
            "🇺🇸🇷🇺 talks",
            "e\u{301}e\u{301}e\u{301}",
        ] {
            for n in 0..8 {
                let mut context = tera::Context::new();
                context.insert("s", s);
                context.insert("n", &n);
                assert_eq!(
                    ours.render("t", &context).unwrap(),
                    tera.render("t", &context).unwrap(),
                    "{s:?} {n}"
                );
            }
        }
    }

    #[test]
    fn wrong_values_are_errors() {
        assert!(truncate(&Value::from(3), &HashMap::new()).is_err());
        assert!(run("abc", None, None).is_ok());
        let mut args = HashMap::new();
        args.insert("length".to_string(), Value::from("x"));
        assert!(truncate(&Value::from("abc"), &args).is_err());
    }
}
