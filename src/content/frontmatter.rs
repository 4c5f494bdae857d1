//! Article metadata: YAML front matter of `.md` files, or the `.yaml` beside a
//! `.txt` file. Both have the same fields.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, yaml_error};

const FIELDS: &[&str] = &[
    "title", "date", "updated", "source", "url", "topics", "actors", "summary", "draft", "slug",
    "dateline", "expires",
];

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    title: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    source: Option<String>,
    url: Option<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    actors: Vec<String>,
    summary: Option<String>,
    #[serde(default)]
    draft: bool,
    slug: Option<String>,
    dateline: Option<String>,
    expires: Option<String>,
}

/// A value listed in front matter, with the line it is on so that `check`
/// can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub value: String,
    pub line: Option<usize>,
}

/// The metadata of one article, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: DateTime<FixedOffset>,
    pub updated: Option<DateTime<FixedOffset>>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub topics: Vec<Listed>,
    pub actors: Vec<Listed>,
    pub summary: Option<String>,
    pub draft: bool,
    pub slug: Option<String>,
    pub dateline: Option<String>,
    pub expires: Option<DateTime<FixedOffset>>,
}

/// Split `---\nYAML\n---\nBODY`. Returns the YAML, the body, and the line of
/// the file on which the YAML starts.
pub fn split(text: &str) -> Result<(&str, &str, usize), Diagnostic> {
    let missing = || {
        Diagnostic::error("a Markdown article starts with YAML front matter between `---` lines")
            .at_line(1)
            .help("begin the file with:\n---\ntitle: ...\ndate: YYYY-MM-DD\nsource: ...\n---")
    };
    let first_line_end = text.find('\n').ok_or_else(missing)?;
    if text[..first_line_end].trim_end() != "---" {
        return Err(missing());
    }
    let rest = &text[first_line_end + 1..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((yaml, body, 2));
        }
        offset += line.len();
    }
    let lines = text.lines().count();
    Err(
        Diagnostic::error("the front matter is not closed: no `---` line after it")
            .at_line(lines)
            .help("end the metadata with a line of three hyphens `---`, then the article text"),
    )
}

impl Meta {
    /// Metadata for a file that has none (loose files given to `dossier quotes`).
    pub fn undated(date: DateTime<FixedOffset>) -> Meta {
        Meta {
            title: None,
            date,
            updated: None,
            source: None,
            url: None,
            topics: Vec::new(),
            actors: Vec::new(),
            summary: None,
            draft: false,
            slug: None,
            dateline: None,
            expires: None,
        }
    }

    /// `file` names the file for messages; `first_line` is the line of the
    /// file on which `yaml` starts.
    pub fn parse(
        file: &Path,
        yaml: &str,
        first_line: usize,
        timezone: chrono_tz::Tz,
    ) -> Result<Meta, Vec<Diagnostic>> {
        let raw: RawMeta = if yaml.trim().is_empty() {
            RawMeta::default()
        } else {
            serde_yaml::from_str(yaml)
                .map_err(|e| vec![yaml_error(file, &e, first_line - 1, FIELDS)])?
        };
        let mut problems = Vec::new();
        let line_of = |key: &str| key_line(yaml, key).map(|l| l + first_line - 1);
        let mut date_field = |key: &str, value: &Option<String>| -> Option<DateTime<FixedOffset>> {
            let value = value.as_deref()?;
            match parse_date(value, timezone) {
                Ok(date) => Some(date),
                Err(why) => {
                    let mut d = Diagnostic::error(format!("invalid `{key}` \"{value}\": {why}"))
                        .in_file(file)
                        .help("write a date as YYYY-MM-DD (2016-02-21) or an RFC 3339 date-time (2016-02-21T14:30:00+01:00)");
                    if let Some(line) = line_of(key) {
                        d = d.at(line, key.len() + 3);
                    }
                    problems.push(d);
                    None
                }
            }
        };
        let date = date_field("date", &raw.date);
        let updated = date_field("updated", &raw.updated);
        let expires = date_field("expires", &raw.expires);
        if raw.date.is_none() {
            problems.push(
                Diagnostic::error("missing `date`: every article needs the date it was published")
                    .in_file(file)
                    .help("add a line `date: YYYY-MM-DD` to the metadata"),
            );
        }
        if let Some(slug) = &raw.slug
            && crate::slug::slugify(slug) != *slug
        {
            let mut d = Diagnostic::error(format!("`slug` \"{slug}\" is not a valid slug"))
                .in_file(file)
                .help(format!(
                    "use lowercase letters, digits and hyphens, e.g. `{}`",
                    crate::slug::slugify(slug)
                ));
            if let Some(line) = line_of("slug") {
                d = d.at_line(line);
            }
            problems.push(d);
        }
        problems.extend(id_problems(file, yaml, first_line, &raw));
        if let Some(url) = &raw.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            let mut d = Diagnostic::error(format!("`url` \"{url}\" is not a web address"))
                .in_file(file)
                .help("give the article's original address, starting with https:// or http://");
            if let Some(line) = line_of("url") {
                d = d.at_line(line);
            }
            problems.push(d);
        }
        let (Some(date), true) = (date, problems.is_empty()) else {
            return Err(problems);
        };
        let listed = |values: Vec<String>| {
            values
                .into_iter()
                .filter(|v| !v.trim().is_empty())
                .map(|value| Listed {
                    line: value_line(yaml, &value).map(|l| l + first_line - 1),
                    value,
                })
                .collect()
        };
        Ok(Meta {
            title: raw.title.filter(|t| !t.trim().is_empty()),
            date,
            updated,
            source: raw.source.filter(|s| !s.trim().is_empty()),
            url: raw.url,
            topics: listed(raw.topics),
            actors: listed(raw.actors),
            summary: raw.summary,
            draft: raw.draft,
            slug: raw.slug,
            dateline: raw.dateline,
            expires,
        })
    }
}

/// A date, or an RFC 3339 date-time; dates and offset-less date-times are in
/// the site's timezone.
pub fn parse_date(value: &str, timezone: chrono_tz::Tz) -> Result<DateTime<FixedOffset>, String> {
    let value = value.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(value) {
        return Ok(dt);
    }
    let local = if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        d.and_hms_opt(0, 0, 0).expect("midnight exists")
    } else {
        [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
        .ok_or_else(|| explain_bad_date(value))?
    };
    timezone
        .from_local_datetime(&local)
        .earliest()
        .map(|dt| dt.fixed_offset())
        .ok_or_else(|| "that local time does not exist in the site's timezone".to_string())
}

fn explain_bad_date(value: &str) -> String {
    let parts: Vec<&str> = value.get(..10).unwrap_or(value).split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
    {
        if !(1..=12).contains(&m) {
            return format!("there is no month {m}");
        }
        if NaiveDate::from_ymd_opt(y, m, d).is_none() {
            return format!("there is no day {d} in {y}-{m:02}");
        }
    }
    "not a date".to_string()
}

/// Every value of the metadata that names a page's folder (the slug, the
/// source, each topic and actor) must make a slug that can: not empty (its
/// page would replace the index of its kind) and not longer than a file
/// name may be. A registry name without letters, or longer than that, is
/// refused here too; no such name is worth a page.
fn id_problems(file: &Path, yaml: &str, first_line: usize, raw: &RawMeta) -> Vec<Diagnostic> {
    use crate::slug::{IdProblem, MAX_SLUG_BYTES, check_slug, slugify};
    let mut problems = Vec::new();
    let mut check = |key: &str, value: &str, what: String, slug: String| {
        let Err(problem) = check_slug(&slug) else {
            return;
        };
        let help = match problem {
            IdProblem::Empty => format!(
                "write `{key}` with letters or digits (of any script), e.g. a word for what it names"
            ),
            IdProblem::TooLong(_) => format!(
                "shorten it: its slug may have at most {MAX_SLUG_BYTES} bytes (`slug: ...` sets an article's own)"
            ),
        };
        let mut d = Diagnostic::error(problem.describe(&what))
            .in_file(file)
            .help(help);
        if let Some((line, column)) = value_place(yaml, key, value) {
            d = d.at(line + first_line - 1, column);
        }
        problems.push(d);
    };
    if let Some(slug) = &raw.slug
        && slugify(slug) == *slug
    {
        check(
            "slug",
            slug,
            format!("`slug` \"{}\"", short(slug)),
            slug.clone(),
        );
    }
    if let Some(source) = raw.source.as_deref().filter(|s| !s.trim().is_empty()) {
        let what = format!("the source \"{}\"", short(source));
        check("source", source, what, slugify(source));
    }
    for (key, kind, values) in [
        ("topics", "topic", &raw.topics),
        ("actors", "actor", &raw.actors),
    ] {
        for value in values.iter().filter(|v| !v.trim().is_empty()) {
            let what = format!("the {kind} \"{}\"", short(value));
            check(key, value, what, slugify(value));
        }
    }
    problems
}

/// A value as a message quotes it: at most 60 characters.
fn short(value: &str) -> String {
    match value.char_indices().nth(60) {
        Some((cut, _)) => format!("{}...", &value[..cut]),
        None => value.to_string(),
    }
}

/// The 1-based line and column of `value` as written under `key`: on the
/// key's line (`key: value`, `key: [a, b]`) or on a later one (`- value`).
fn value_place(yaml: &str, key: &str, value: &str) -> Option<(usize, usize)> {
    let key_at = key_line(yaml, key)?;
    yaml.lines()
        .enumerate()
        .skip(key_at - 1)
        .find_map(|(i, line)| {
            let from = if i + 1 == key_at { key.len() + 1 } else { 0 };
            let column = line.get(from..)?.find(value)? + from;
            Some((i + 1, line[..column].chars().count() + 1))
        })
        .or(Some((key_at, key.len() + 3)))
}

/// The 1-based line of a top-level `key:` in a YAML text.
fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// The 1-based line on which a listed value is written.
fn value_line(yaml: &str, value: &str) -> Option<usize> {
    yaml.lines().position(|l| l.contains(value)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let (yaml, body, line) = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(yaml, "title: A\n");
        assert_eq!(body, "Body\n");
        assert_eq!(line, 2);
        assert!(split("title: A\n").is_err());
        assert!(split("---\ntitle: A\n").is_err());
    }

    #[test]
    fn dates() {
        let tz = chrono_tz::UTC;
        assert_eq!(
            parse_date("2016-02-21", tz).unwrap().to_rfc3339(),
            "2016-02-21T00:00:00+00:00"
        );
        assert_eq!(
            parse_date("2016-02-21T10:00:00+03:00", tz)
                .unwrap()
                .to_rfc3339(),
            "2016-02-21T10:00:00+03:00"
        );
        assert_eq!(
            parse_date("2016-02-21 10:00", chrono_tz::Europe::Moscow)
                .unwrap()
                .to_rfc3339(),
            "2016-02-21T10:00:00+03:00"
        );
        assert_eq!(
            parse_date("2016-02-30", tz).unwrap_err(),
            "there is no day 30 in 2016-02"
        );
        assert_eq!(
            parse_date("2016-13-01", tz).unwrap_err(),
            "there is no month 13"
        );
        assert_eq!(parse_date("yesterday", tz).unwrap_err(), "not a date");
    }

    #[test]
    fn bad_date_points_at_its_line() {
        let err = Meta::parse(
            Path::new("a.md"),
            "title: A\ndate: 2016-02-30\n",
            2,
            chrono_tz::UTC,
        )
        .unwrap_err();
        assert_eq!(err[0].line, Some(3));
        assert!(err[0].message.contains("no day 30"));
    }
}
