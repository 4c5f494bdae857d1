//! Known wires and outlets, and the places where an outlet's name means "this
//! is who published the text": datelines, credit lines, outlet-date lines,
//! bylines and outlet furniture. A name merely mentioned in the body
//! ("Russia's Tass news agency quoted") is never taken from here.

pub(crate) use dossier_text::outlets::{OUTLETS, Outlet, outlet_exact};

/// Photo agencies and credits that are not outlets: a credit line naming only
/// them still marks a caption, but gives no source.
pub(crate) const PHOTO_AGENCIES: &[&str] = &[
    "Getty Images",
    "Getty",
    "EPA",
    "EPA-EFE",
    "Shutterstock",
    "Pool",
    "Pool Photo",
    "Handout",
    "Sipa",
    "Sipa USA",
    "ZUMA",
    "Zuma Press",
    "Alamy",
    "Bloomberg via Getty Images",
];

/// The first known outlet named as a whole word anywhere in `s`. Used only
/// on lines that are already known to be credit, copyright or byline lines.
pub(crate) fn outlet_within(s: &str) -> Option<&'static Outlet> {
    let mut best: Option<(usize, usize, &'static Outlet)> = None; // (start, -len, outlet)
    for outlet in OUTLETS {
        for sp in outlet.spellings {
            if let Some(start) = find_word(s, sp) {
                let better = match best {
                    None => true,
                    Some((bs, blen, _)) => start < bs || (start == bs && sp.len() > blen),
                };
                if better {
                    best = Some((start, sp.len(), outlet));
                }
            }
        }
    }
    best.map(|(_, _, o)| o)
}

/// Where `word` occurs in `s` as a whole word (case rules as `dossier_text::outlets::outlet_exact`'s).
fn find_word(s: &str, word: &str) -> Option<usize> {
    let case_sensitive = word.chars().count() <= 3;
    let (hay, needle) = if case_sensitive {
        (s.to_string(), word.to_string())
    } else {
        (s.to_lowercase(), word.to_lowercase())
    };
    // Lowercasing can change byte lengths outside ASCII; positions are only
    // used for ordering, so an approximate position is good enough.
    let mut from = 0;
    while let Some(pos) = hay[from..].find(&needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(start);
        }
        from = start + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// The outlet named in a photo credit such as `Reuters/Andrew Kelly`,
/// `AFP`, `(AP Photo/Pablo Martinez)`, `Name/AFP via Getty Images`.
pub(crate) fn outlet_in_credit(credit: &str) -> Option<&'static Outlet> {
    credit
        .split(['/', '(', ')', ',', ';', '|'])
        .flat_map(|part| part.split(" via "))
        .map(|part| {
            part.trim()
                .trim_end_matches(" Photo")
                .trim_end_matches(" PHOTO")
                .trim_start_matches("Photo ")
                .trim_start_matches("PHOTO ")
        })
        .find_map(outlet_exact)
}

/// Whether `s` (a credit's first part) is a known outlet or photo agency.
pub(crate) fn is_credit_agency(s: &str) -> bool {
    let s = s.trim().trim_start_matches('(').trim();
    let s = s
        .strip_suffix(" Photo")
        .or_else(|| s.strip_suffix(" PHOTO"))
        .or_else(|| s.strip_suffix(" Images"))
        .unwrap_or(s);
    outlet_exact(s).is_some()
        || PHOTO_AGENCIES
            .iter()
            .any(|a| a.eq_ignore_ascii_case(s) || a.eq_ignore_ascii_case(&format!("{s} Images")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_names() {
        assert_eq!(outlet_exact("Xinhua").unwrap().name, "Xinhua");
        assert_eq!(outlet_exact("Tass").unwrap().name, "TASS");
        assert_eq!(outlet_exact("(AFP)").unwrap().name, "AFP");
        assert_eq!(
            outlet_exact("Straits Times").unwrap().name,
            "The Straits Times"
        );
        assert!(
            outlet_exact("ap").is_none(),
            "short spellings are case-sensitive"
        );
        assert!(outlet_exact("Moscow").is_none());
    }

    #[test]
    fn credits() {
        assert_eq!(
            outlet_in_credit("Reuters/Andrew Kelly").unwrap().name,
            "Reuters"
        );
        assert_eq!(
            outlet_in_credit("REUTERS/Andrew Kelly").unwrap().name,
            "Reuters"
        );
        assert_eq!(
            outlet_in_credit("(AP Photo/Pablo Martinez)").unwrap().name,
            "AP"
        );
        assert_eq!(
            outlet_in_credit("Jane Doe/AFP via Getty Images")
                .unwrap()
                .name,
            "AFP"
        );
        assert!(outlet_in_credit("Getty Images").is_none());
        assert!(is_credit_agency("Getty"));
        assert!(is_credit_agency("AP Photo"));
    }

    #[test]
    fn within() {
        assert_eq!(
            outlet_within("Copyright 2015 The Associated Press. All rights reserved.")
                .unwrap()
                .name,
            "AP"
        );
        assert!(
            outlet_within("Rapid growth").is_none(),
            "AP inside a word is no match"
        );
    }
}
