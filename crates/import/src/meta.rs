//! Lines and openings that carry metadata rather than body: outlet-date lines
//! (`Xinhua, February 21, 2016`), date lines (`PUBLISHED DEC 15, 2015, 9:07
//! PM SGT`), bylines (`By Tom Miles, Reuters`) and datelines (`MOSCOW (AFP) -`).

use crate::dates::{self, DateMention};
use crate::outlets::{self, Outlet};
use regex::Regex;
use std::sync::LazyLock;

pub(crate) struct MetaLine {
    pub date: Option<DateMention>,
    pub outlet: Option<&'static Outlet>,
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?|\(?\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?|\b(?:GMT|UTC|SGT|MSK|EST|EDT|CST|CDT|PST|PDT|CET|CEST|EET|EEST|BST|IST|JST|HKT|AEST|AEDT)\b",
    )
    .expect("valid regex")
});
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:first |last )?(?:published|updated|posted|modified)|released|date|dated|time|on|at)(?:\s+(?:on|at))?\s*:?$",
    )
    .expect("valid regex")
});
static EDITOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:editor|edited by|web editor)\s*:?.*$").expect("valid regex")
});
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:source|from)\s*:\s*(?P<o>.+)$").expect("valid regex"));

/// The line as metadata, when all of it is a date, a time, an outlet and
/// labels; `None` when anything else is on it.
pub(crate) fn meta_line(line: &str) -> Option<MetaLine> {
    if line.split_whitespace().count() > 16 {
        return None;
    }
    let found = dates::find_dates(line);
    let mut residue = line.to_string();
    for d in found.iter().rev() {
        residue.replace_range(d.start..d.end, " , ");
    }
    let residue = TIME.replace_all(&residue, " , ");
    let mut outlet = None;
    let mut labelled_source = false;
    for seg in residue.split(['|', ',', ';', '·', '•', '–', '—']) {
        let seg = seg
            .trim()
            .trim_matches(|c: char| c == '-' || c == '.' || c == ':' || c == '(' || c == ')')
            .trim();
        if seg.is_empty() || LABEL.is_match(seg) || EDITOR.is_match(seg) {
            continue;
        }
        if let Some(c) = SOURCE.captures(seg)
            && let Some(o) = outlets::outlet_exact(&c["o"])
        {
            outlet = Some(o);
            labelled_source = true;
            continue;
        }
        match outlets::outlet_exact(seg) {
            Some(o) if outlet.is_none() => outlet = Some(o),
            _ => return None,
        }
    }
    let date = found.into_iter().next();
    if date.is_none() && !labelled_source {
        return None;
    }
    Some(MetaLine { date, outlet })
}

pub(crate) struct Byline {
    pub outlet: Option<&'static Outlet>,
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:By|BY|by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|la|le|di|da|and|&)){0,6})\s*(?:(?:,|\||–|—|-|/|\bfor\b|\bof\b)\s*(?P<rest>.{2,80}))?$",
    )
    .expect("valid regex")
});

/// `By Tom Miles, Reuters`, `By AFP`, `BY ANDREW OSBORN`.
pub(crate) fn byline(line: &str) -> Option<Byline> {
    if line.split_whitespace().count() > 14 {
        return None;
    }
    let c = BYLINE.captures(line)?;
    if let Some(rest) = c.name("rest")
        && rest.as_str().trim_end().ends_with(['.', '!', '?'])
        && rest.as_str().split_whitespace().count() > 4
    {
        return None; // a sentence: "By Friday, the talks had ended."
    }
    let outlet = outlets::outlet_exact(&c["name"])
        .or_else(|| outlets::outlet_within(&c["name"]))
        .or_else(|| {
            c.name("rest")
                .and_then(|r| outlets::outlet_within(r.as_str()))
        });
    // "By Friday, ..." is not a byline.
    if dates::weekday_from(&c["name"]).is_some() && c["name"].split_whitespace().count() == 1 {
        return None;
    }
    Some(Byline { outlet })
}

pub(crate) struct Dateline {
    /// As written, without the dash: `MOSCOW (AFP)`.
    pub text: String,
    pub outlet: Option<&'static Outlet>,
    pub date: Option<DateMention>,
    /// Byte offset in the paragraph where the body starts.
    pub body_start: usize,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<city>[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,3})(?P<region>,\s+[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2})?(?P<date>,\s+[^()/\-–—,]{3,25}(?:,\s+\d{4})?)?(?:\s*(?:\((?P<ag>[^()]{2,40})\)|/(?P<ag2>[^/]{2,30})/\.?)\s*(?P<dash1>--|-|–|—|:)?|\s*(?P<dash2>--|-|–|—|:))\s+(?P<rest>\S)",
    )
    .expect("valid regex")
});

const NOT_CITIES: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "WATCH",
    "VIDEO",
    "LIVE",
    "PHOTOS",
    "NOTE",
    "CORRECTION",
    "ISIS",
    "ISIL",
    "NATO",
    "UN",
    "US",
    "USA",
    "UK",
    "EU",
    "FSA",
    "SDF",
    "YPG",
    "AND",
    "THE",
    "BUT",
    "COMMENT",
    "Q",
    "A",
];

/// The dateline opening a paragraph: `MOSCOW (AFP) - `,
/// `WASHINGTON, Dec 15 (Reuters) - `, `MOSCOW, August 26. /TASS/. `,
/// `GENEVA — `, `BEIRUT, Lebanon (AP) — `.
pub(crate) fn dateline(p: &str) -> Option<Dateline> {
    let c = DATELINE.captures(p)?;
    let city = c["city"].trim();
    let letters: String = city.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.chars().count() < 2 || NOT_CITIES.contains(&city.trim_end_matches('.')) {
        return None;
    }
    let agency = c.name("ag").or(c.name("ag2")).map(|m| m.as_str().trim());
    let dash_match = c.name("dash1").or(c.name("dash2"));
    let dash = dash_match.map(|m| m.as_str());
    let date = match c.name("date") {
        Some(d) => {
            let found = dates::find_dates(d.as_str());
            // The part after the city must be a date, or it is not a dateline.
            Some(found.into_iter().next()?)
        }
        None => None,
    };
    if agency.is_none() && dash.is_none() {
        return None;
    }
    // Without an agency or a date, only a city of four letters or more:
    // "GENEVA —", "NEW DELHI:", never "ISIS -" or "UN:".
    if agency.is_none() && date.is_none() && letters.chars().count() < 4 {
        return None;
    }
    let outlet = agency.and_then(outlets::outlet_exact);
    if let Some(a) = agency
        && outlet.is_none()
        && a.split_whitespace().count() > 4
    {
        return None; // "(a long aside)", not an agency
    }
    let rest = c.name("rest").expect("rest group");
    let text_end = dash_match.map(|m| m.start()).unwrap_or(rest.start());
    let text = p[..text_end]
        .trim()
        .trim_end_matches(['.', ','])
        .trim()
        .to_string();
    Some(Dateline {
        text,
        outlet,
        date,
        body_start: rest.start(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_lines() {
        let m = meta_line("Xinhua, February 21, 2016").unwrap();
        assert_eq!(m.outlet.unwrap().name, "Xinhua");
        assert_eq!(m.date.unwrap().day, 21);
        let m = meta_line("PUBLISHED DEC 15, 2015, 9:07 PM SGT").unwrap();
        assert!(m.outlet.is_none());
        assert_eq!(m.date.unwrap().month, 12);
        let m = meta_line("Source: Xinhua| 2016-02-21 23:01:19|Editor: huaxia").unwrap();
        assert_eq!(m.outlet.unwrap().name, "Xinhua");
        assert!(meta_line("Moscow, February 21, 2016").is_none());
        assert!(meta_line("Coordination").is_none());
        assert!(meta_line("On February 21, 2016 the talks ended.").is_none());
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Tom Miles, Reuters")
                .unwrap()
                .outlet
                .unwrap()
                .name,
            "Reuters"
        );
        assert_eq!(byline("By AFP").unwrap().outlet.unwrap().name, "AFP");
        assert!(byline("By ANDREW OSBORN").unwrap().outlet.is_none());
        assert!(byline("By Friday, the talks had ended in a deal on aid.").is_none());
        assert!(byline("Byzantine politics").is_none());
    }

    #[test]
    fn datelines() {
        let p = "MOSCOW (AFP) - Russia and the United States said";
        let d = dateline(p).unwrap();
        assert_eq!(d.text, "MOSCOW (AFP)");
        assert_eq!(d.outlet.unwrap().name, "AFP");
        assert_eq!(&p[d.body_start..], "Russia and the United States said");
        let p = "WASHINGTON, Dec 15 (Reuters) - The U.S. said";
        let d = dateline(p).unwrap();
        assert_eq!(d.text, "WASHINGTON, Dec 15 (Reuters)");
        assert_eq!(d.date.unwrap().day, 15);
        let p = "MOSCOW, August 26. /TASS/. Russia said";
        let d = dateline(p).unwrap();
        assert_eq!(d.outlet.unwrap().name, "TASS");
        assert_eq!(&p[d.body_start..], "Russia said");
        let p = "BEIRUT, Lebanon (AP) — Syrian troops";
        assert_eq!(dateline(p).unwrap().text, "BEIRUT, Lebanon (AP)");
        assert_eq!(dateline("GENEVA — Talks").unwrap().text, "GENEVA");
        assert!(dateline("ISIS - the group").is_none());
        assert!(dateline("U.S. officials said").is_none());
        assert!(dateline("Russia and the US").is_none());
        assert!(dateline("UPDATE: talks").is_none());
        assert!(dateline("A number of countries").is_none());
    }
}
