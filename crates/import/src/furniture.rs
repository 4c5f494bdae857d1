//! Page furniture: what a web page or a wire puts around an article and a
//! copy-paste brings along. Whole lines ("Share this article", "Join ST's
//! Telegram channel ..."), ends of lines (" Endit", "Adjust font size:"),
//! photo credits and the captions they close.

use crate::outlets::{self, Outlet};
use dossier_text::shorten::shorten;
use regex::Regex;
use std::sync::LazyLock;

/// A furniture line that also tells who published the page.
pub(crate) struct Signature {
    pub outlet: &'static Outlet,
    pub why: String,
}

/// Whole-line patterns (case-insensitive, matched against the trimmed line).
/// Each has a word limit so that a body sentence that happens to start the
/// same way ("Copyright law ...") is not taken.
const LINE_PATTERNS: &[(&str, usize)] = &[
    (r"join st'?s (telegram|whatsapp) channel.*", 30),
    (
        r"(share|share this|share this (article|story|page)|share on (facebook|twitter|x|whatsapp|linkedin))[.!:]?",
        6,
    ),
    (
        r"(facebook|twitter|whatsapp|linkedin|email|e-mail|print|reddit|telegram)([ ,|/]+(facebook|twitter|whatsapp|linkedin|email|e-mail|print|reddit|telegram))*",
        10,
    ),
    (r"click here (to|for) .*", 30),
    (
        r"(copyright|©|\(c\))\s*(©|\(c\))?\s*(?-i:\d{4}|[A-Z]).*",
        25,
    ),
    (r".*\ball rights reserved\.?", 30),
    (
        r"(read more|read also|also read|related|related stories|related articles|related news|see also|recommended|recommended stories|more from \S+( \S+)?|most read|most popular|trending|trending now|more on this|more stories|latest news|top stories)\s*(:.*)?",
        20,
    ),
    (
        r"(advertisement|advertising|sponsored( content)?|ad|scroll to continue( with content)?|story continues below( advertisement)?)",
        6,
    ),
    (r"sign up (for|to) .*", 30),
    (r"subscribe (to|now|for|today).*", 30),
    (
        r"follow (us|\S+( \S+)?) on (twitter|facebook|x|instagram|telegram|google news|whatsapp|linkedin|youtube).*",
        30,
    ),
    (r"(download|get) (the|our) .*\bapp\b.*", 30),
    (
        r"get the latest .* (delivered|straight|in your inbox).*",
        30,
    ),
    (r"(adjust )?font size:?( [-+a]+)*", 6),
    (
        r"(print|email|e-mail|print this (article|page)|email this (article|story)|save article|bookmark)",
        4,
    ),
    (
        r"(\d+ )?comments?( \(\d+\))?|leave a comment|view comments|show comments",
        4,
    ),
    (r"listen to (this )?(article|story).*", 12),
    (r"\d+\s*(min|mins|minute|minutes) read", 4),
    (
        r"\(?(reporting|writing|editing|additional reporting|compiled) by .*\)?",
        40,
    ),
    (r"endit|\(end\)|-30-|###|\* \* \*|\*\*\*|-- end --", 3),
    (r"(tags|topics|keywords|filed under)\s*:.*", 30),
    (
        r"loading\.*|skip to (main )?content|back to top|top of page",
        5,
    ),
    (r"we use cookies.*|this (site|website) uses cookies.*", 40),
    (
        r"this (story|article) (has been|was) (published|generated|auto-generated) from .*",
        40,
    ),
    (
        r"(breaking news|breaking|exclusive|live|watch|video|photos|gallery|listen)\s*:?",
        2,
    ),
    (
        r"(image|photo|picture|photograph|caption|credit|photo credit|file photo|illustration)\s*:.*",
        30,
    ),
    (r"(next|previous) (article|story)\s*:?.*", 20),
    (
        r"(enlarge this image|toggle caption|hide caption|expand)",
        4,
    ),
];

static LINES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    LINE_PATTERNS
        .iter()
        .map(|(p, _)| Regex::new(&format!("(?i)^(?:{p})$")).expect("valid furniture regex"))
        .collect()
});

/// Ends of lines that are furniture: what is left before them stays.
static TAILS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"\s*\b(?:Endit|ENDIT|endit)\.?$",
        r"\s*\((?:END|End|end)\)\.?$",
        r"(?i)\s*\badjust font size:?$",
        r"(?i)\s*\bfont size:?\s*(?:[-+]\s*)*$",
        r"(?i)\s*\bshare this article$",
        r"(?i)\s*\bclick here to (?:read|see|watch) more\.?$",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid tail regex"))
    .collect()
});

/// A photo credit closing a line or paragraph: `PHOTO: AFP`,
/// `Reuters/Andrew Kelly`, `(AP Photo/Name)`, `Photo by Name/AFP`.
static CREDIT_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[.!?”\x22)]\s+|\(|\s[|–—-]\s)\(?(?P<credit>(?i:photo|photos|image|picture|photograph|credit|photo credit|file photo|pic)\s*:\s*[^.:!?]{2,80}?)\)?\.?$",
    )
    .expect("valid regex")
});
static CREDIT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[.!?”\x22)]\s+|\()\(?(?P<credit>(?i:photo|photograph|picture|image)s?\s+(?i:by|courtesy of|courtesy)\s+[^.:!?]{2,80}?)\)?\.?$",
    )
    .expect("valid regex")
});
static CREDIT_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[.!?”\x22)]\s+|\s)\(?(?P<credit>(?P<agency>[A-Z][A-Za-z-]*(?:\s[A-Z][A-Za-z-]*){0,2})\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+via\s+[A-Z][\w ]{1,30})?)\)?\.?$",
    )
    .expect("valid regex")
});
static CREDIT_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.!?”\x22)]\s+)\(?(?P<credit>Getty Images|AFP PHOTO|AFP Photo|AFP|Reuters|REUTERS|AP|EPA|EPA-EFE|Xinhua)\)?$")
        .expect("valid regex")
});

/// A credit found at the end of `s`: (byte where it starts, the credit text).
/// A bare agency name (`... Sept. 30. AFP`) counts only when `bare_ok`.
pub(crate) fn trailing_credit(s: &str, bare_ok: bool) -> Option<(usize, String)> {
    for re in [&*CREDIT_LABELLED, &*CREDIT_BY] {
        if let Some(c) = re.captures(s) {
            let m = c.name("credit").expect("credit group");
            return Some((m.start(), m.as_str().trim().to_string()));
        }
    }
    if let Some(c) = CREDIT_SLASH.captures(s) {
        let agency = c.name("agency").expect("agency group").as_str();
        if outlets::is_credit_agency(agency) {
            let m = c.name("credit").expect("credit group");
            return Some((m.start(), m.as_str().trim().to_string()));
        }
    }
    if bare_ok && let Some(c) = CREDIT_BARE.captures(s) {
        let m = c.name("credit").expect("credit group");
        return Some((m.start(), m.as_str().trim().to_string()));
    }
    None
}

/// The user's own patterns (from `site.yaml`): `*` stands for any text; a
/// pattern with no `*` matches every line that starts with it. Case is
/// ignored, and the whole trimmed line must match.
pub(crate) fn compile_extra(patterns: &[String]) -> Vec<(String, Regex)> {
    patterns
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let body = p
                .split('*')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(".*");
            let body = if p.contains('*') {
                body
            } else {
                format!("{body}.*")
            };
            let re = Regex::new(&format!("(?i)^(?:{body})$")).expect("escaped pattern is valid");
            (p.to_string(), re)
        })
        .collect()
}

/// Whether the whole line is furniture.
pub(crate) fn is_furniture_line(line: &str, extra: &[(String, Regex)]) -> bool {
    let words = line.split_whitespace().count();
    if extra.iter().any(|(_, re)| re.is_match(line)) {
        return true;
    }
    LINES
        .iter()
        .zip(LINE_PATTERNS)
        .any(|(re, (_, max_words))| words <= *max_words && re.is_match(line))
        || trailing_credit(line, true).is_some_and(|(start, _)| start <= 1)
}

/// Strip furniture from the end of a line, repeatedly. Returns the rest and
/// the pieces taken off (in reading order).
pub(crate) fn strip_tails(line: &str) -> (String, Vec<String>) {
    let mut rest = line.to_string();
    let mut taken = Vec::new();
    'outer: loop {
        for re in TAILS.iter() {
            if let Some(m) = re.find(&rest)
                && !m.as_str().trim().is_empty()
            {
                taken.insert(0, m.as_str().trim().to_string());
                rest.truncate(m.start());
                rest = rest.trim_end().to_string();
                continue 'outer;
            }
        }
        break;
    }
    (rest, taken)
}

/// A furniture line that names the outlet publishing the page.
pub(crate) fn signature(line: &str) -> Option<Signature> {
    static ST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^join st'?s\b").expect("valid regex"));
    static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(copyright|\(c\)|©)|all rights reserved").expect("valid regex")
    });
    static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\(?source\s*:\s*(?P<o>[^|()]{2,40})\)?\.?$").expect("valid regex")
    });
    if ST.is_match(line) {
        return Some(Signature {
            outlet: outlets::outlet_exact("The Straits Times").expect("known outlet"),
            why: format!("from the outlet's own line \"{}\"", shorten(line, 60)),
        });
    }
    if COPYRIGHT.is_match(line)
        && let Some(outlet) = outlets::outlet_within(line)
    {
        return Some(Signature {
            outlet,
            why: format!("from the copyright line \"{}\"", shorten(line, 40)),
        });
    }
    if let Some(c) = SOURCE.captures(line)
        && let Some(outlet) = outlets::outlet_exact(&c["o"])
    {
        return Some(Signature {
            outlet,
            why: format!("from the line \"{line}\""),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture(s: &str) -> bool {
        is_furniture_line(s, &[])
    }

    #[test]
    fn lines() {
        for s in [
            "Join ST's Telegram channel and get the latest breaking news delivered to you.",
            "Share this article",
            "Click here to read more",
            "Copyright 2015 The Associated Press. All rights reserved.",
            "© 2016 Reuters",
            "Read more: Putin meets Kerry",
            "Advertisement",
            "Sign up for our newsletter",
            "PHOTO: AFP",
            "Reuters/Andrew Kelly",
            "(AP Photo/Pablo Martinez Monsivais)",
            "Adjust font size:",
            "Endit",
            "(Reporting by Lesley Wroughton; Editing by James Dalgleish)",
            "3 min read",
            "Facebook Twitter Email",
        ] {
            assert!(furniture(s), "should be furniture: {s:?}");
        }
        for s in [
            "Copyright law was debated in the Duma on Tuesday as lawmakers argued over the scope of the new bill and its effect on foreign publishers and their local partners.",
            "Kerry said the talks were constructive.",
            "Coordination",
            "Kurds",
            "Russia's Tass news agency quoted Lavrov as saying.",
            "Comment: Kerry's comments:",
        ] {
            assert!(!furniture(s), "should not be furniture: {s:?}");
        }
    }

    #[test]
    fn extra_patterns() {
        let extra = compile_extra(&[
            "Follow the briefing".to_string(),
            "*sponsored by*".to_string(),
        ]);
        assert!(is_furniture_line("Follow the briefing on Mastodon", &extra));
        assert!(is_furniture_line("This page is Sponsored by ACME", &extra));
        assert!(!is_furniture_line("We follow the briefing closely", &extra));
    }

    #[test]
    fn tails() {
        let (rest, taken) = strip_tails("Xinhua, February 21, 2016 Adjust font size:");
        assert_eq!(rest, "Xinhua, February 21, 2016");
        assert_eq!(taken, vec!["Adjust font size:"]);
        let (rest, taken) = strip_tails("any provocation and aggressive actions.\" Endit");
        assert_eq!(rest, "any provocation and aggressive actions.\"");
        assert_eq!(taken, vec!["Endit"]);
        let (rest, taken) = strip_tails("The vendit price rose.");
        assert_eq!(rest, "The vendit price rose.");
        assert!(taken.is_empty());
    }

    #[test]
    fn credits() {
        let (_, c) = trailing_credit(
            "at the United Nations, Sept. 30, 2015. Reuters/Andrew Kelly",
            false,
        )
        .unwrap();
        assert_eq!(c, "Reuters/Andrew Kelly");
        let (_, c) = trailing_credit("Kerry speaks with Lavrov. PHOTO: AFP", false).unwrap();
        assert_eq!(c, "PHOTO: AFP");
        assert!(trailing_credit("He met Kerry and/or Lavrov", false).is_none());
        assert!(trailing_credit("the talks would go on, said Kerry/Lavrov", false).is_none());
        assert!(trailing_credit("Talks ended. AFP", false).is_none());
        assert!(trailing_credit("Talks ended. AFP", true).is_some());
    }

    #[test]
    fn signatures() {
        let s = signature(
            "Join ST's Telegram channel and get the latest breaking news delivered to you.",
        )
        .unwrap();
        assert_eq!(s.outlet.name, "The Straits Times");
        assert_eq!(signature("Source: Xinhua").unwrap().outlet.name, "Xinhua");
        assert!(signature("Share this article").is_none());
    }
}
