//! Dates in running text: `February 21, 2016`, `Sept. 30, 2015`, `Dec 18`,
//! `21 February 2016`, `2016-02-21`, `26.08.2016`, with an attached weekday
//! (`Friday, Dec 18`); weekday words (`said Thursday`); and the inference of
//! a missing year or of the article's day from them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
const WEEKDAYS: &str = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<wd>{WEEKDAYS}),?\s+)?(?P<mon>{MONTHS})(?:\.|\b)\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    ))
    .expect("valid regex")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<wd>{WEEKDAYS}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{MONTHS})(?:\.|\b)(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    ))
    .expect("valid regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b").expect("valid regex")
});
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
        .expect("valid regex")
});
static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b").expect("valid regex")
});
static WEEKDAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?P<wd>{WEEKDAYS})\b(?P<poss>['’]s)?")).expect("valid regex")
});

/// Whether a date mention points ahead of the article ("this Friday, Dec 18"),
/// back from it ("last Friday, Dec 11"), or neither is said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Ahead,
    Back,
    Unmarked,
}

#[derive(Debug, Clone)]
pub(crate) struct DateMention {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub weekday: Option<Weekday>,
    pub text: String,
    pub marker: Marker,
    /// The text with the marker word before it: `this Friday, Dec 18`.
    pub phrase: String,
}

impl DateMention {
    pub fn full(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }
}

fn month_number(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let n = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

pub(crate) fn weekday_from(s: &str) -> Option<Weekday> {
    Some(match s.to_ascii_lowercase().get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A month name counts only when written as a name: `Dec`, `DEC`, not `dec`
/// or the verb `may`.
fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    // A month-day without a year is valid when it exists in a leap year.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
}

/// The last word before byte `at` in `s`, lowercased.
fn word_before(s: &str, at: usize) -> String {
    s[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

fn marker_before(s: &str, at: usize) -> Marker {
    match word_before(s, at).as_str() {
        "this" | "next" | "coming" | "upcoming" | "until" | "till" | "by" | "before" => {
            Marker::Ahead
        }
        "last" | "past" | "since" | "previous" | "after" => Marker::Back,
        _ => Marker::Unmarked,
    }
}

/// Every date in `s`, in order, without overlaps.
pub(crate) fn find_dates(s: &str) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    for re in [&*MDY, &*DMY] {
        for c in re.captures_iter(s) {
            let m = c.get(0).expect("group 0");
            let mon = c.name("mon").expect("month group");
            if !capitalised(mon.as_str()) {
                continue;
            }
            let Some(month) = month_number(mon.as_str()) else {
                continue;
            };
            let Ok(day) = c["day"].parse::<u32>() else {
                continue;
            };
            let year = c.name("year").and_then(|y| y.as_str().parse::<i32>().ok());
            if !valid_day(year, month, day) {
                continue;
            }
            let weekday = c
                .name("wd")
                .filter(|w| capitalised(w.as_str()))
                .and_then(|w| weekday_from(w.as_str()));
            // "May" alone at a sentence start followed by a number is rare; a
            // bare "May 5" is kept. A weekday that the regex took without a
            // capital is not part of the date.
            let start = match (c.name("wd"), weekday) {
                (Some(_), None) => c
                    .name("day")
                    .map(|d| d.start())
                    .into_iter()
                    .chain(Some(mon.start()))
                    .min()
                    .unwrap_or(m.start()),
                _ => m.start(),
            };
            found.push(DateMention {
                start,
                end: m.end(),
                year,
                month,
                day,
                weekday,
                text: s[start..m.end()].to_string(),
                marker: marker_before(s, start),
                phrase: String::new(),
            });
        }
    }
    for c in ISO.captures_iter(s).chain(DOTTED.captures_iter(s)) {
        let m = c.get(0).expect("group 0");
        let (Ok(year), Ok(month), Ok(day)) = (
            c["year"].parse::<i32>(),
            c["mon"].parse::<u32>(),
            c["day"].parse::<u32>(),
        ) else {
            continue;
        };
        if !valid_day(Some(year), month, day) {
            continue;
        }
        found.push(DateMention {
            start: m.start(),
            end: m.end(),
            year: Some(year),
            month,
            day,
            weekday: None,
            text: m.as_str().to_string(),
            marker: marker_before(s, m.start()),
            phrase: String::new(),
        });
    }
    for c in SLASHED.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        let (Ok(a), Ok(b), Ok(year)) = (
            c["a"].parse::<u32>(),
            c["b"].parse::<u32>(),
            c["year"].parse::<i32>(),
        ) else {
            continue;
        };
        // Only when unambiguous: 21/02/2016 or 02/21/2016, never 02/03/2016.
        let (month, day) = match (a > 12, b > 12) {
            (true, false) => (b, a),
            (false, true) => (a, b),
            _ => continue,
        };
        if !valid_day(Some(year), month, day) {
            continue;
        }
        found.push(DateMention {
            start: m.start(),
            end: m.end(),
            year: Some(year),
            month,
            day,
            weekday: None,
            text: m.as_str().to_string(),
            marker: marker_before(s, m.start()),
            phrase: String::new(),
        });
    }
    // Keep the longest of overlapping mentions, then order by position.
    found.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    let mut out: Vec<DateMention> = Vec::new();
    for d in found {
        if let Some(last) = out.last()
            && d.start < last.end
        {
            if d.end - d.start > last.end - last.start {
                out.pop();
            } else {
                continue;
            }
        }
        out.push(d);
    }
    for d in &mut out {
        d.phrase = match d.marker {
            Marker::Unmarked => d.text.clone(),
            _ => {
                let before = s[..d.start].trim_end();
                let word_start = before
                    .rfind(|c: char| !c.is_alphanumeric())
                    .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                format!("{} {}", &before[word_start..], d.text)
            }
        };
    }
    out
}

/// A weekday word in running text, not part of a date.
#[derive(Debug, Clone)]
pub(crate) struct WeekdayMention {
    pub weekday: Weekday,
    /// Reporting use ("said Thursday", "Earlier Tuesday") weighs more than a
    /// plain mention ("on Friday", which may be ahead).
    pub weight: u32,
    /// The word before and the weekday, for the explanation.
    pub phrase: String,
}

/// Weekday words of `s` outside the spans of `dates`, except those that
/// point to another week ("last Friday", "next Monday", "every Sunday").
pub(crate) fn find_weekdays(s: &str, dates: &[DateMention]) -> Vec<WeekdayMention> {
    let mut out = Vec::new();
    for c in WEEKDAY_WORD.captures_iter(s) {
        let m = c.name("wd").expect("weekday group");
        if dates.iter().any(|d| m.start() < d.end && d.start < m.end()) {
            continue;
        }
        let before = word_before(s, m.start());
        if matches!(
            before.as_str(),
            "last" | "next" | "this" | "coming" | "every" | "following" | "previous" | "past"
        ) {
            continue;
        }
        let after = s[m.end()..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        const REPORTING: &[&str] = &[
            "said",
            "says",
            "told",
            "announced",
            "stated",
            "added",
            "stressed",
            "noted",
            "earlier",
            "later",
            "late",
            "early",
            "confirmed",
            "reported",
            "warned",
        ];
        let weight = if REPORTING.contains(&before.as_str()) || REPORTING.contains(&after.as_str())
        {
            3
        } else {
            1
        };
        let phrase_start = s[..m.start()]
            .trim_end()
            .rfind(|c: char| !c.is_alphanumeric())
            .map(|i| i + 1)
            .unwrap_or(0);
        let phrase_start = if before.is_empty() {
            m.start()
        } else {
            phrase_start
        };
        let phrase = s[phrase_start..m.end()].trim().to_string();
        out.push(WeekdayMention {
            weekday: weekday_from(m.as_str()).expect("weekday word"),
            weight,
            phrase,
        });
    }
    out
}

/// The weekday the text reports from: the heaviest weekday, `except` one;
/// ties go to the first mentioned. Returns the weekday and its best phrase.
pub(crate) fn main_weekday(
    mentions: &[WeekdayMention],
    except: Option<Weekday>,
) -> Option<(Weekday, String)> {
    let mut totals: Vec<(Weekday, u32, usize, &WeekdayMention)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if Some(m.weekday) == except {
            continue;
        }
        match totals.iter_mut().find(|t| t.0 == m.weekday) {
            Some(t) => {
                t.1 += m.weight;
                if m.weight > t.3.weight {
                    t.3 = m;
                }
            }
            None => totals.push((m.weekday, m.weight, i, m)),
        }
    }
    totals
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(w, _, _, m)| (w, m.phrase.clone()))
}

/// The month-day as the text wrote it, for explanations: `Dec 18`.
pub(crate) fn short(month: u32, day: u32) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {}", NAMES[(month - 1) as usize], day)
}

/// The year of a month-day with no year. Candidates are the last 60 years up
/// to `today`, with the mention's weekday where it has one, and such that
/// `article(candidate)` is not after `today`. With `context` (dates of the
/// site's other articles), the candidate nearest them wins; else the latest.
/// Returns the dated mention and the reason, as `year 2015: ...`.
pub(crate) fn infer_year(
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
    today: NaiveDate,
    context: &[NaiveDate],
    article: impl Fn(NaiveDate) -> Option<NaiveDate>,
) -> Option<(NaiveDate, String)> {
    let candidates: Vec<NaiveDate> = ((today.year() - 60)..=today.year())
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|d| weekday.is_none_or(|w| d.weekday() == w))
        .filter(|d| article(*d).is_some_and(|a| a <= today))
        .collect();
    let md = short(month, day);
    let what = match weekday {
        Some(w) => format!("in which {md} is a {}", weekday_name(w)),
        None => format!("with a {md} not after today"),
    };
    if !context.is_empty() {
        let distance = |d: &NaiveDate| {
            context
                .iter()
                .map(|c| (*d - *c).num_days().abs())
                .min()
                .unwrap_or(i64::MAX)
        };
        let best = candidates.iter().min_by_key(|d| (distance(d), -d.year()))?;
        return Some((
            *best,
            format!(
                "year {}: the year nearest the other articles' dates {what}",
                best.year()
            ),
        ));
    }
    let best = candidates.last()?;
    let why = if weekday.is_some() {
        format!("year {}: the latest year before today {what}", best.year())
    } else {
        format!("year {}: the latest year {what}", best.year())
    };
    Some((*best, why))
}

/// The latest `w` strictly before `d`.
pub(crate) fn weekday_before(d: NaiveDate, w: Weekday) -> NaiveDate {
    (1..=7)
        .map(|k| d - Duration::days(k))
        .find(|x| x.weekday() == w)
        .expect("a week has every weekday")
}

/// The first `w` on or after `d`.
pub(crate) fn weekday_on_or_after(d: NaiveDate, w: Weekday) -> NaiveDate {
    (0..7)
        .map(|k| d + Duration::days(k))
        .find(|x| x.weekday() == w)
        .expect("a week has every weekday")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> DateMention {
        let v = find_dates(s);
        assert_eq!(v.len(), 1, "{s:?} gave {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn formats() {
        let d = one("Xinhua, February 21, 2016 Adjust");
        assert_eq!((d.year, d.month, d.day), (Some(2016), 2, 21));
        let d = one("at the United Nations, Sept. 30, 2015. Reuters");
        assert_eq!((d.year, d.month, d.day), (Some(2015), 9, 30));
        assert_eq!(d.text, "Sept. 30, 2015");
        let d = one("this Friday, Dec 18,\" Lavrov said");
        assert_eq!(
            (d.year, d.month, d.day, d.weekday),
            (None, 12, 18, Some(Weekday::Fri))
        );
        assert_eq!(d.marker, Marker::Ahead);
        let d = one("on 21 February 2016 in");
        assert_eq!((d.year, d.month, d.day), (Some(2016), 2, 21));
        let d = one("Posted 2016-08-26 10:00");
        assert_eq!((d.year, d.month, d.day), (Some(2016), 8, 26));
        let d = one("MOSCOW, 26.08.2016");
        assert_eq!((d.year, d.month, d.day), (Some(2016), 8, 26));
        let d = one("PUBLISHED DEC 15, 2015, 9:07 PM SGT");
        assert_eq!((d.year, d.month, d.day), (Some(2015), 12, 15));
        assert!(find_dates("02/03/2016").is_empty(), "ambiguous");
        assert_eq!(one("21/02/2016").month, 2);
    }

    #[test]
    fn not_dates() {
        assert!(find_dates("he may 5 times").is_empty());
        assert!(find_dates("the 17-nation group met in March").is_empty());
        assert!(find_dates("February 30, 2016").is_empty());
        assert!(find_dates("Mayor 12 said").is_empty());
    }

    #[test]
    fn weekdays() {
        let s = "Lavrov said Thursday that. Earlier Tuesday, he met. Last Friday too. On Tuesday.";
        let dates = find_dates(s);
        let w = find_weekdays(s, &dates);
        assert_eq!(w.len(), 3);
        let (wd, phrase) = main_weekday(&w, None).unwrap();
        assert_eq!(wd, Weekday::Tue);
        assert_eq!(phrase, "Earlier Tuesday");
        let (wd, _) = main_weekday(&w, Some(Weekday::Tue)).unwrap();
        assert_eq!(wd, Weekday::Thu);
    }

    #[test]
    fn year_inference() {
        let today = NaiveDate::from_ymd_opt(2016, 6, 1).unwrap();
        let (d, why) = infer_year(12, 18, Some(Weekday::Fri), today, &[], |d| {
            Some(weekday_before(d, Weekday::Tue))
        })
        .unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(2015, 12, 18).unwrap());
        assert!(why.starts_with("year 2015"), "{why}");
        // Later, without context, the latest such year wins...
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let (d, _) = infer_year(12, 18, Some(Weekday::Fri), today, &[], Some).unwrap();
        assert_eq!(d.year(), 2020);
        // ...and the site's other articles pull it to their years.
        let ctx = [NaiveDate::from_ymd_opt(2016, 2, 21).unwrap()];
        let (d, why) = infer_year(12, 18, Some(Weekday::Fri), today, &ctx, Some).unwrap();
        assert_eq!(d.year(), 2015, "{why}");
        // Without a weekday: the latest month-day not after today.
        let (d, _) = infer_year(12, 18, None, today, &[], Some).unwrap();
        assert_eq!(d.year(), 2025);
    }
}
