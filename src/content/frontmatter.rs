//! Article metadata: YAML front matter of `.md` files, or the `.yaml` beside a
//! `.txt` file. Both have the same fields.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml::{self, Node, Reader};

const FIELDS: &[&str] = &[
    "title", "date", "updated", "source", "url", "topics", "actors", "summary", "draft", "slug",
    "dateline", "expires", "language",
];

/// A value listed in front matter, with the line it is on so that `check`
/// can point at it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Listed {
    pub value: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The metadata of one article, validated.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    #[serde(with = "exact_date")]
    pub date: DateTime<FixedOffset>,
    #[serde(with = "exact_date::option")]
    pub updated: Option<DateTime<FixedOffset>>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub topics: Vec<Listed>,
    pub actors: Vec<Listed>,
    pub summary: Option<String>,
    pub draft: bool,
    pub slug: Option<String>,
    pub dateline: Option<String>,
    #[serde(with = "exact_date::option")]
    pub expires: Option<DateTime<FixedOffset>>,
    /// `language:`, a BCP 47 tag (`ru`, `fr-CA`); `None` is the site's.
    pub language: Option<String>,
}

/// Dates stored (in the build cache) as the instant and the offset in
/// seconds: RFC 3339 text, chrono's serde form, rounds an offset to minutes,
/// and a cached article must come back exactly as it was read.
mod exact_date {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    type Parts = (i64, u32, i32);

    fn parts(d: &DateTime<FixedOffset>) -> Parts {
        (
            d.timestamp(),
            d.timestamp_subsec_nanos(),
            d.offset().local_minus_utc(),
        )
    }

    fn from_parts<E: Error>((secs, nanos, offset): Parts) -> Result<DateTime<FixedOffset>, E> {
        let offset = FixedOffset::east_opt(offset).ok_or_else(|| E::custom("bad offset"))?;
        let utc = DateTime::from_timestamp(secs, nanos).ok_or_else(|| E::custom("bad date"))?;
        Ok(utc.with_timezone(&offset))
    }

    pub fn serialize<S: Serializer>(d: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        parts(d).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        from_parts(Parts::deserialize(d)?)
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(
            d: &Option<DateTime<FixedOffset>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            d.as_ref().map(parts).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
            Option::<Parts>::deserialize(d)?.map(from_parts).transpose()
        }
    }
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
            language: None,
        }
    }

    /// `file` names the file for messages; `first_line` is the line of the
    /// file on which `yaml` starts. Every problem of the metadata comes back,
    /// each at its line and column.
    pub fn parse(
        file: &Path,
        yaml: &str,
        first_line: usize,
        timezone: chrono_tz::Tz,
    ) -> Result<Meta, Diagnostics> {
        crate::limits::check_yaml(file, yaml, first_line)?;
        let mut r = Reader::new(file, first_line - 1);
        let root = match yaml::parse(yaml) {
            Ok(root) => root,
            Err(err) => {
                r.syntax(&err);
                return Err(r.problems.into());
            }
        };
        let mut meta = Meta::undated(DateTime::UNIX_EPOCH.fixed_offset());
        let mut date = None;
        let mut date_given = false;
        let listed = |values: Vec<(String, &Node)>| -> Vec<Listed> {
            values
                .into_iter()
                .filter(|(v, _)| !v.trim().is_empty())
                .map(|(value, node)| Listed {
                    value,
                    line: Some(node.line + first_line - 1),
                    column: Some(node.column),
                })
                .collect()
        };
        for (key, _, value) in r.mapping(&root, "the article's metadata", FIELDS) {
            match key {
                "title" => meta.title = r.string(key, value).filter(|t| !t.trim().is_empty()),
                "date" => {
                    date_given = !value.is_null();
                    date = date_field(&mut r, key, value, timezone);
                }
                "updated" => meta.updated = date_field(&mut r, key, value, timezone),
                "expires" => meta.expires = date_field(&mut r, key, value, timezone),
                "source" => {
                    meta.source = r.string(key, value).filter(|s| !s.trim().is_empty());
                    if let Some(source) = &meta.source {
                        let what = format!("the source \"{}\"", short(source));
                        page_name(&mut r, key, &what, &crate::slug::slugify(source), value);
                    }
                }
                "url" => meta.url = web_address(&mut r, value),
                "topics" | "actors" => {
                    let values = r.strings(key, value);
                    let kind = key.trim_end_matches('s');
                    for (name, node) in values.iter().filter(|(v, _)| !v.trim().is_empty()) {
                        let what = format!("the {kind} \"{}\"", short(name));
                        page_name(&mut r, key, &what, &crate::slug::slugify(name), node);
                    }
                    let values = listed(values);
                    if key == "topics" {
                        meta.topics = values;
                    } else {
                        meta.actors = values;
                    }
                }
                "summary" => meta.summary = r.string(key, value),
                "draft" => meta.draft = r.boolean(key, value).unwrap_or(false),
                "slug" => meta.slug = slug_field(&mut r, value),
                "language" => meta.language = language_field(&mut r, value),
                _ => meta.dateline = r.string(key, value),
            }
        }
        if !date_given {
            let d = r.place(
                &root,
                Diagnostic::error("missing `date`: every article needs the date it was published")
                    .help("add a line `date: YYYY-MM-DD` to the metadata"),
            );
            r.problems.push(d);
        }
        match date {
            Some(date) if r.problems.is_empty() => Ok(Meta { date, ..meta }),
            _ => Err(r.problems.into()),
        }
    }
}

/// A date field, reported at its value when it is not a date.
fn date_field(
    r: &mut Reader,
    key: &str,
    node: &Node,
    timezone: chrono_tz::Tz,
) -> Option<DateTime<FixedOffset>> {
    let value = r.string(key, node)?;
    match parse_date(&value, timezone) {
        Ok(date) => Some(date),
        Err(why) => {
            r.error(
                node,
                format!("invalid `{key}` \"{value}\": {why}"),
                "write a date as YYYY-MM-DD (2016-02-21) or an RFC 3339 date-time (2016-02-21T14:30:00+01:00)",
            );
            None
        }
    }
}

/// `url:`, which must be a web address: it becomes a link on the article's page.
fn web_address(r: &mut Reader, node: &Node) -> Option<String> {
    let url = r.string("url", node)?;
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Some(url);
    }
    r.error(
        node,
        format!("`url` \"{url}\" is not a web address"),
        "give the article's original address, starting with https:// or http://",
    );
    None
}

/// `slug:`, which names the article's folder in the output.
/// `language:`, a language tag as HTML's `lang` takes it: a primary language of two or
/// three letters and optional subtags (`ru`, `pt-BR`, `zh-Hant`).
fn language_field(r: &mut Reader, node: &Node) -> Option<String> {
    let tag = r.string("language", node)?;
    if crate::config::is_language_tag(&tag) {
        Some(tag)
    } else {
        r.error(
            node,
            format!("`language` \"{}\" is not a language tag", short(&tag)),
            "write the language's code, e.g. `ru`, `fr`, `de`, `es` or `pt-BR`, or remove the line to use the site's",
        );
        None
    }
}

fn slug_field(r: &mut Reader, node: &Node) -> Option<String> {
    let slug = r.string("slug", node)?;
    let clean = crate::slug::slugify(&slug);
    if slug.is_empty() {
        r.error(
            node,
            "`slug` is empty",
            "give a slug of lowercase letters, digits and hyphens, or remove the line to use the file name",
        );
        return None;
    }
    if clean != slug {
        let help = if clean.is_empty() {
            "use lowercase letters, digits and hyphens, e.g. `my-article`".to_string()
        } else {
            format!("use lowercase letters, digits and hyphens, e.g. `{clean}`")
        };
        r.error(node, format!("`slug` \"{slug}\" is not a valid slug"), help);
        return None;
    }
    let what = format!("`slug` \"{}\"", short(&slug));
    page_name(r, "slug", &what, &slug, node).then_some(slug)
}

/// Whether a value that names a page's folder (an article's slug, a source,
/// a topic or actor) makes one: not empty (its page would replace the index
/// of its kind) and not longer than a file name may be. Reported at the
/// value otherwise.
fn page_name(r: &mut Reader, key: &str, what: &str, slug: &str, node: &Node) -> bool {
    use crate::slug::{IdProblem, MAX_SLUG_BYTES, check_slug};
    let Err(problem) = check_slug(slug) else {
        return true;
    };
    let help = match problem {
        IdProblem::Empty => format!(
            "write `{key}` with letters or digits (of any script), e.g. a word for what it names"
        ),
        IdProblem::TooLong(_) => format!(
            "shorten it: its slug may have at most {MAX_SLUG_BYTES} bytes (`slug: ...` sets an article's own)"
        ),
    };
    r.error(node, problem.describe(what), help);
    false
}

/// A value as a message quotes it: at most 60 characters.
fn short(value: &str) -> String {
    match value.char_indices().nth(60) {
        Some((cut, _)) => format!("{}...", &value[..cut]),
        None => value.to_string(),
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
