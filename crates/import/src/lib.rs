//! The text heuristics of `dossier import`: raw article text, as an analyst
//! copies it from a web page or a wire, to a content file with front matter.
//!
//! What it finds, and where:
//!
//! - **title**: the first line that is not furniture or metadata; a final
//!   period is dropped, and a browser-tab suffix naming a known outlet
//!   (`... | Reuters`) is cut off (and taken as the source).
//! - **source**, strongest first: `--source`; an outlet-date line
//!   (`Xinhua, February 21, 2016`) or `Source: Xinhua`; a byline naming an
//!   outlet (`By Tom Miles, Reuters`); the outlet's own furniture (`Join ST's
//!   Telegram channel`, a copyright line) or a tab-title suffix; the agency of
//!   the dateline (`MOSCOW (AFP) -`); a photo credit (`Reuters/Andrew Kelly`).
//!   An outlet merely named in the body ("Tass news agency quoted") is never
//!   taken.
//! - **date**, strongest first: `--date`; a date line at the top; the date of
//!   the dateline; else inferred from a dated anchor (a photo caption's date,
//!   "this Friday, Dec 18") and the weekday the body reports from ("said
//!   Thursday", "Earlier Tuesday"). A missing year is the year that fits the
//!   weekday nearest the site's other articles (`context_dates`), else before
//!   `today`.
//! - **furniture**: lines and line ends of page furniture, photo captions
//!   (paragraphs closed by a credit), credit-only lines, bylines; listed in
//!   `removed`.
//!
//! Everything inferred rather than read or given carries its reason, which
//! `to_markdown` writes as a YAML comment for the analyst to check.

use chrono::{Datelike, NaiveDate};
use std::fmt;

mod dates;
pub mod feed;
mod furniture;
pub mod html;
mod markdown;
mod meta;
mod names;
mod outlets;
mod text;

pub use names::{CONTENT_EXTENSIONS, MAX_SLUG, free_content_name, free_name, slugify, write_new};
pub use text::MAX_BYTES;

use dates::{DateMention, Marker};

/// What the caller knows beside the text.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `--source`: wins over anything found.
    pub source: Option<String>,
    /// `--date`: wins over anything found.
    pub date: Option<NaiveDate>,
    /// `--url`.
    pub url: Option<String>,
    /// `--title`: the headline, when the text has none on its first line
    /// (the first line is then body, unless it is this same headline).
    pub title: Option<String>,
    /// Today, for year inference when nothing else tells the year; a date
    /// after today is never inferred.
    pub today: NaiveDate,
    /// Dates of the site's other articles (and of texts already imported in
    /// the same run): a missing year is taken nearest to them. Without them,
    /// `Dec 18` that is a Friday is the latest such year before `today`.
    pub context_dates: Vec<NaiveDate>,
    /// Extra furniture patterns from `site.yaml`: case-insensitive, `*` for
    /// any text, a pattern without `*` matches lines starting with it.
    pub extra_furniture: Vec<String>,
}

impl ImportOptions {
    pub fn new(today: NaiveDate) -> Self {
        ImportOptions {
            today,
            ..ImportOptions::default()
        }
    }
}

/// How a value was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// From a command-line flag.
    Given,
    /// Found verbatim in the text (`Xinhua, February 21, 2016`).
    Read,
    /// Worked out; the string says how, for the analyst to check.
    Inferred(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<T> {
    pub value: T,
    pub how: How,
}

impl<T> Field<T> {
    fn new(value: T, how: How) -> Self {
        Field { value, how }
    }
    pub fn is_inferred(&self) -> bool {
        matches!(self.how, How::Inferred(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub title: String,
    pub date: Option<Field<NaiveDate>>,
    pub source: Option<Field<String>>,
    pub dateline: Option<Field<String>>,
    pub url: Option<String>,
    /// The language tag a web page gave (`ru`, `en-GB`); `None` for pasted text.
    pub language: Option<String>,
    /// The body without furniture, one plain-text paragraph each (no
    /// Markdown escapes; `to_markdown` adds those).
    pub paragraphs: Vec<String>,
    /// Indices into `paragraphs` of the short lines that are subheadings
    /// ("Coordination", "Operation in Darayya"); `to_markdown` writes them
    /// as `## ` headings.
    pub subheads: Vec<usize>,
    /// Furniture removed, as it was in the text (for `--dry-run`).
    pub removed: Vec<String>,
    /// What the analyst should know: an encoding guess, a flag that
    /// disagrees with the text, a date that could not be worked out.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but white space.
    Empty,
    /// Binary data, markup or undecodable bytes.
    NotText { reason: String },
    /// The text does not start with a headline.
    NoHeadline { first_line: String, why: String },
    /// A headline and nothing else once furniture is gone.
    NoBody { title: String },
    /// More than `MAX_BYTES`.
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(
                f,
                "the text is empty: paste the article (headline on the first line, then the body) and import again"
            ),
            ImportError::NotText { reason } => write!(
                f,
                "this is not plain text: {reason}; copy the article's text from the page or document and save it as a .txt file"
            ),
            ImportError::NoHeadline { first_line, why } => write!(
                f,
                "no headline: {why} (the first line is \"{}\"); put the headline on the first line, or pass --title",
                furniture::ellipsis(first_line, 60)
            ),
            ImportError::NoBody { title } => write!(
                f,
                "the text has a headline (\"{}\") but no body once page furniture is removed; paste the whole article",
                furniture::ellipsis(title, 60)
            ),
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {bytes} bytes, more than the {limit} a pasted article can be; is it the right file?"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl Imported {
    /// The content file: YAML front matter (title, date, source, dateline,
    /// url, actors, topics; inferred values with a `# inferred: ...` comment)
    /// and the body paragraphs separated by blank lines.
    pub fn to_markdown(&self, actors: &[String], topics: &[String]) -> String {
        markdown::render(self, actors, topics)
    }

    /// The body as plain text, paragraphs separated by blank lines: what
    /// actor and topic detection should read.
    pub fn body_text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Import raw bytes: decode them (UTF-8, UTF-16, else Windows-1252 with a
/// note), refuse binary and oversized input, then `import_text`.
pub fn import_bytes(raw: &[u8], opts: &ImportOptions) -> Result<Imported, ImportError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let (text, note) = text::decode(raw)?;
    let mut imported = import_text(&text, opts)?;
    if let Some(note) = note {
        imported.notes.insert(0, note);
    }
    Ok(imported)
}

/// Import several texts as one run (`dossier import a.txt b.txt ...`): the
/// dates read in some texts (or given) join `context_dates` for the year
/// inference of the others, so a batch from one period dates itself.
/// Results are in input order; one bad input does not stop the others.
pub fn import_all<T: AsRef<[u8]>>(
    inputs: &[T],
    opts: &ImportOptions,
) -> Vec<Result<Imported, ImportError>> {
    let first: Vec<Result<Imported, ImportError>> = inputs
        .iter()
        .map(|i| import_bytes(i.as_ref(), opts))
        .collect();
    let known: Vec<NaiveDate> = first
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .filter_map(|imp| imp.date.as_ref())
        .filter(|d| !d.is_inferred())
        .map(|d| d.value)
        .collect();
    if known.is_empty() {
        return first;
    }
    let mut wider = opts.clone();
    wider.context_dates.extend(known);
    first
        .into_iter()
        .zip(inputs)
        .map(|(r, input)| match &r {
            Ok(imp) if imp.date.as_ref().is_none_or(Field::is_inferred) => {
                import_bytes(input.as_ref(), &wider)
            }
            _ => r,
        })
        .collect()
}

/// A source candidate; lower rank wins.
struct SourceSignal {
    rank: u8,
    name: &'static str,
    how: How,
}

/// Lines of the body before paragraphs are formed.
enum Piece {
    Line(String),
    Break,
}

/// How many non-blank lines after the headline may still be metadata.
const TOP_ZONE: usize = 5;

/// Import one article's text.
pub fn import_text(raw: &str, opts: &ImportOptions) -> Result<Imported, ImportError> {
    text::check(raw)?;
    let extra = furniture::compile_extra(&opts.extra_furniture);
    let lines = text::lines(raw);
    let mut removed: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut sources: Vec<SourceSignal> = Vec::new();
    let mut meta_dates: Vec<(DateMention, String)> = Vec::new();

    // What a line is, when it is not body.
    enum Kind {
        Furniture,
        Credit(String),
        Signature(furniture::Signature),
        Meta(meta::MetaLine),
        Byline(meta::Byline),
    }
    let classify = |line: &str, top: bool| -> Option<Kind> {
        if let Some((start, credit)) = furniture::trailing_credit(line, true)
            && start <= 1
        {
            return Some(Kind::Credit(credit));
        }
        if let Some(sig) = furniture::signature(line) {
            return Some(Kind::Signature(sig));
        }
        if furniture::is_furniture_line(line, &extra) {
            return Some(Kind::Furniture);
        }
        if let Some(m) = meta::meta_line(line)
            && (top || m.date.is_none())
        {
            return Some(Kind::Meta(m));
        }
        if top && let Some(b) = meta::byline(line) {
            return Some(Kind::Byline(b));
        }
        None
    };
    let take = |kind: Kind,
                original: &str,
                removed: &mut Vec<String>,
                sources: &mut Vec<SourceSignal>,
                meta_dates: &mut Vec<(DateMention, String)>| {
        removed.push(original.to_string());
        match kind {
            Kind::Furniture => {}
            Kind::Credit(credit) => {
                if let Some(o) = outlets::outlet_in_credit(&credit) {
                    sources.push(SourceSignal {
                        rank: 5,
                        name: o.name,
                        how: How::Inferred(format!("from the credit line \"{credit}\"")),
                    });
                }
            }
            Kind::Signature(sig) => sources.push(SourceSignal {
                rank: 3,
                name: sig.outlet.name,
                how: How::Inferred(sig.why),
            }),
            Kind::Meta(m) => {
                if let Some(o) = m.outlet {
                    sources.push(SourceSignal {
                        rank: 1,
                        name: o.name,
                        how: How::Read,
                    });
                }
                if let Some(d) = m.date {
                    meta_dates.push((d, original.to_string()));
                }
            }
            Kind::Byline(b) => {
                if let Some(o) = b.outlet {
                    sources.push(SourceSignal {
                        rank: 2,
                        name: o.name,
                        how: How::Inferred(format!("from the byline \"{original}\"")),
                    });
                }
            }
        }
    };

    // 1. The headline: the first line that is neither furniture nor metadata.
    let mut idx = 0;
    let mut headline: Option<String> = None;
    while idx < lines.len() {
        let line = &lines[idx];
        idx += 1;
        if line.is_empty() {
            continue;
        }
        let (rest, tails) = furniture::strip_tails(line);
        if rest.is_empty() {
            removed.extend(tails);
            continue;
        }
        if !rest.chars().any(char::is_alphanumeric) {
            removed.push(line.clone()); // decoration: "* * *", "#", "---"
            continue;
        }
        if let Some(kind) = classify(&rest, true) {
            take(kind, line, &mut removed, &mut sources, &mut meta_dates);
            continue;
        }
        removed.extend(tails);
        headline = Some(rest);
        break;
    }
    let title = match (&opts.title, headline) {
        (Some(given), found) => {
            let given = given.trim().to_string();
            if let Some(found) = found
                && !same_headline(&found, &given)
            {
                idx -= 1; // the first line is body
            }
            given
        }
        (None, Some(found)) => {
            let (title, suffix) = headline_from(&found)?;
            if let Some((outlet, text)) = suffix {
                sources.push(SourceSignal {
                    rank: 3,
                    name: outlet,
                    how: How::Inferred(format!("from the headline's suffix \"{text}\"")),
                });
            }
            title
        }
        (None, None) => {
            return Err(ImportError::NoHeadline {
                first_line: lines
                    .iter()
                    .find(|l| !l.is_empty())
                    .cloned()
                    .unwrap_or_default(),
                why: "every line is page furniture or metadata".to_string(),
            });
        }
    };

    // 2. The body's lines: furniture out, metadata at the top taken.
    let mut pieces: Vec<Piece> = Vec::new();
    let mut seen = 0usize;
    for line in &lines[idx..] {
        if line.is_empty() {
            pieces.push(Piece::Break);
            continue;
        }
        seen += 1;
        let (rest, tails) = furniture::strip_tails(line);
        if rest.is_empty() {
            removed.extend(tails);
            continue;
        }
        if let Some(kind) = classify(&rest, seen <= TOP_ZONE) {
            take(kind, line, &mut removed, &mut sources, &mut meta_dates);
            continue;
        }
        removed.extend(tails);
        pieces.push(Piece::Line(rest));
    }

    // 3. Paragraphs.
    let mut paragraphs = paragraphs_of(&pieces);

    // 4. Photo captions: paragraphs closed by a credit.
    let mut captions: Vec<String> = Vec::new();
    paragraphs.retain(|p| {
        let words = p.split_whitespace().count();
        match furniture::trailing_credit(p, false) {
            Some((_, credit)) if words <= 120 => {
                if let Some(o) = outlets::outlet_in_credit(&credit) {
                    sources.push(SourceSignal {
                        rank: 5,
                        name: o.name,
                        how: How::Inferred(format!("from the photo credit \"{credit}\"")),
                    });
                }
                removed.push(p.clone());
                captions.push(p.clone());
                false
            }
            _ => true,
        }
    });

    // 5. The dateline opening the first paragraph.
    let mut dateline: Option<meta::Dateline> = None;
    if let Some(first) = paragraphs.first_mut()
        && let Some(d) = meta::dateline(first)
    {
        let rest = first[d.body_start..].to_string();
        if let Some(o) = d.outlet {
            sources.push(SourceSignal {
                rank: 4,
                name: o.name,
                how: How::Inferred(format!("from the dateline \"{}\"", d.text)),
            });
        }
        *first = rest;
        dateline = Some(d);
    }
    paragraphs.retain(|p| !p.is_empty());
    if paragraphs.is_empty() {
        return Err(ImportError::NoBody { title });
    }

    // 6. Subheadings.
    let subheads = subheads_of(&paragraphs);

    // 7. The source.
    sources.sort_by_key(|s| s.rank);
    let found_source = sources.first();
    let source = match (&opts.source, found_source) {
        (Some(given), found) => {
            let given = given.trim().to_string();
            if let Some(f) = found
                && !f.name.eq_ignore_ascii_case(&given)
            {
                notes.push(format!(
                    "--source {given} kept, though the text suggests {} ({})",
                    f.name,
                    match &f.how {
                        How::Inferred(why) => why.clone(),
                        _ => "read from the text".to_string(),
                    }
                ));
            }
            Some(Field::new(given, How::Given))
        }
        (None, Some(f)) => Some(Field::new(f.name.to_string(), f.how.clone())),
        (None, None) => None,
    };

    // 8. The date.
    let found_date = find_date(
        &meta_dates,
        dateline.as_ref(),
        &captions,
        &paragraphs,
        &subheads,
        opts,
    );
    let date = match (opts.date, found_date) {
        (Some(given), found) => {
            if let Ok(Some(f)) = &found
                && f.value != given
            {
                notes.push(format!(
                    "--date {given} kept, though the text suggests {}{}",
                    f.value,
                    match &f.how {
                        How::Inferred(why) => format!(" ({why})"),
                        _ => " (read from the text)".to_string(),
                    }
                ));
            }
            Some(Field::new(given, How::Given))
        }
        (None, Ok(found)) => found,
        (None, Err(why)) => {
            notes.push(format!("no date: {why}; pass --date"));
            None
        }
    };

    Ok(Imported {
        title,
        date,
        source,
        dateline: dateline.map(|d| Field::new(d.text, How::Read)),
        url: opts
            .url
            .as_ref()
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty()),
        language: None,
        paragraphs,
        subheads,
        removed,
        notes,
    })
}

fn same_headline(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.trim()
            .trim_end_matches('.')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Abbreviations whose period stays at the end of a headline.
const ABBREVIATIONS: &[&str] = &[
    "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "St.", "etc.", "Mr.", "Mrs.", "Dr.", "Gen.",
    "Col.", "Lt.", "No.", "vs.", "Bros.",
];

/// The title from the headline line, and a tab-title suffix naming an
/// outlet (`... | Reuters`, `... - The Straits Times`).
#[allow(clippy::type_complexity)]
fn headline_from(line: &str) -> Result<(String, Option<(&'static str, String)>), ImportError> {
    let mut title = line.trim().trim_start_matches('#').trim().to_string();
    let words = title.split_whitespace().count();
    if let Some(d) = meta::dateline(&title)
        && d.body_start < title.len()
        && (d.outlet.is_some() || d.date.is_some())
    {
        return Err(ImportError::NoHeadline {
            first_line: line.to_string(),
            why: format!(
                "the first line opens with the dateline \"{}\", which starts the body",
                d.text
            ),
        });
    }
    if !title.chars().any(char::is_alphanumeric) {
        return Err(ImportError::NoHeadline {
            first_line: line.to_string(),
            why: "the first line has no words".to_string(),
        });
    }
    if title.chars().count() > 250 || words > 40 {
        return Err(ImportError::NoHeadline {
            first_line: line.to_string(),
            why: format!("the first line has {words} words: a paragraph, not a headline"),
        });
    }
    let mut suffix = None;
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && let Some(o) = outlets::outlet_exact(tail)
            && !head.trim().is_empty()
            && tail.chars().count() >= 3
        {
            suffix = Some((o.name, format!("{}{}", sep.trim_start(), tail)));
            title = head.trim().to_string();
            break;
        }
    }
    if title.ends_with('.') && !title.ends_with("..") {
        let last = title.split_whitespace().last().unwrap_or("");
        let inner_dot = last[..last.len() - 1].contains('.');
        if !inner_dot && !ABBREVIATIONS.contains(&last) {
            title.pop();
        }
    }
    Ok((title, suffix))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '\'', ')', ']', '…'])
}

/// Paragraphs from body lines: each line is a paragraph, except that a line
/// not ending a sentence joins a next line that starts in lower case (a hard
/// wrap), and text hard-wrapped throughout (blank lines between blocks of
/// short lines) joins every block.
fn paragraphs_of(pieces: &[Piece]) -> Vec<String> {
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for p in pieces {
        match p {
            Piece::Break => {
                if !blocks.last().is_some_and(Vec::is_empty) {
                    blocks.push(Vec::new());
                }
            }
            Piece::Line(l) => blocks.last_mut().expect("one block").push(l),
        }
    }
    blocks.retain(|b| !b.is_empty());
    // Wrapped lines: all but the last line of multi-line blocks.
    let wrapped: Vec<usize> = blocks
        .iter()
        .filter(|b| b.len() > 1)
        .flat_map(|b| b[..b.len() - 1].iter().map(|l| l.chars().count()))
        .collect();
    let hard_wrapped = wrapped.len() >= 3
        && wrapped.iter().filter(|&&n| n <= 80).count() * 10 >= wrapped.len() * 9
        && wrapped.iter().filter(|&&n| n >= 40).count() * 2 >= wrapped.len();
    let mut out: Vec<String> = Vec::new();
    for block in blocks {
        if hard_wrapped {
            out.push(block.join(" "));
            continue;
        }
        let mut current: Option<String> = None;
        for line in block {
            match current.take() {
                Some(mut c)
                    if !ends_sentence(&c)
                        && line.chars().next().is_some_and(char::is_lowercase) =>
                {
                    c.push(' ');
                    c.push_str(line);
                    current = Some(c);
                }
                Some(c) => {
                    out.push(c);
                    current = Some(line.to_string());
                }
                None => current = Some(line.to_string()),
            }
        }
        out.extend(current);
    }
    out
}

/// Short lines between paragraphs that read as subheadings: a capital first
/// letter, at most 12 words, no sentence-ending or quotation mark, followed
/// by a longer paragraph, and not the first paragraph.
fn subheads_of(paragraphs: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for i in 1..paragraphs.len().saturating_sub(1) {
        let p = &paragraphs[i];
        let words = p.split_whitespace().count();
        let next = &paragraphs[i + 1];
        let ok = words <= 12
            && p.chars().count() <= 100
            && p.chars().next().is_some_and(char::is_uppercase)
            && !ends_sentence(p)
            && !p.ends_with(',')
            && !p.contains(['"', '“', '”'])
            && next.split_whitespace().count() > words
            && ends_sentence(next)
            && !out.contains(&(i - 1));
        if ok {
            out.push(i);
        }
    }
    out
}

/// Which way an anchor date points from the article's date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The article is on or after it (a photo caption, "last Friday").
    After,
    /// The article is before it ("this Friday, Dec 18").
    Before,
}

fn find_date(
    meta_dates: &[(DateMention, String)],
    dateline: Option<&meta::Dateline>,
    captions: &[String],
    paragraphs: &[String],
    subheads: &[usize],
    opts: &ImportOptions,
) -> Result<Option<Field<NaiveDate>>, String> {
    let today = opts.today;
    let ctx = &opts.context_dates;
    // A date line at the top.
    if let Some((d, line)) = meta_dates.first() {
        if let Some(full) = d.full() {
            return Ok(Some(Field::new(full, How::Read)));
        }
        if let Some((date, why)) = dates::infer_year(d.month, d.day, d.weekday, today, ctx, Some) {
            return Ok(Some(Field::new(
                date,
                How::Inferred(format!("\"{line}\" gives {} without a year; {why}", d.text)),
            )));
        }
    }
    // The dateline's date.
    if let Some(dl) = dateline
        && let Some(d) = &dl.date
    {
        if let Some(full) = d.full() {
            return Ok(Some(Field::new(full, How::Read)));
        }
        if let Some((date, why)) = dates::infer_year(d.month, d.day, d.weekday, today, ctx, Some) {
            return Ok(Some(Field::new(
                date,
                How::Inferred(format!("the dateline \"{}\" has no year; {why}", dl.text)),
            )));
        }
    }
    // Anchors and weekdays.
    let body: Vec<&String> = paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| !subheads.contains(i))
        .map(|(_, p)| p)
        .collect();
    let mut weekdays = Vec::new();
    let mut body_anchors: Vec<DateMention> = Vec::new();
    for p in &body {
        let found = dates::find_dates(p);
        weekdays.extend(dates::find_weekdays(p, &found));
        body_anchors.extend(found);
    }
    let caption_anchor = captions
        .iter()
        .flat_map(|c| dates::find_dates(c))
        .next()
        .map(|d| (d, Direction::After, "the date in the photo caption"));
    let body_anchor = || {
        let pick = |m: Marker| body_anchors.iter().find(|d| d.marker == m).cloned();
        pick(Marker::Ahead)
            .map(|d| (d, Direction::Before, "the date ahead in the text"))
            .or_else(|| {
                pick(Marker::Back).map(|d| (d, Direction::After, "the date past in the text"))
            })
            .or_else(|| {
                body_anchors
                    .iter()
                    .rev()
                    .find(|d| d.marker == Marker::Unmarked)
                    .cloned()
                    .map(|d| (d, Direction::After, "the latest date in the text"))
            })
    };
    let Some((anchor, direction, what)) = caption_anchor.or_else(body_anchor) else {
        return match weekdays.first() {
            Some(w) => Err(format!(
                "the text says \"{}\" but gives no date to count from",
                w.phrase
            )),
            None => Err("the text gives no date".to_string()),
        };
    };
    let anchor_weekday = anchor.weekday.or(anchor.full().map(|d| d.weekday()));
    let except = match direction {
        Direction::Before => anchor_weekday,
        Direction::After => None,
    };
    let reported = dates::main_weekday(&weekdays, except);
    let is_caption = what.contains("caption");
    if reported.is_none() && !is_caption {
        return Err(format!(
            "the text mentions {} but no weekday that dates the article from it",
            anchor.text
        ));
    }
    let article_of = |a: NaiveDate| -> Option<NaiveDate> {
        match (&reported, direction) {
            (Some((w, _)), Direction::Before) => Some(dates::weekday_before(a, *w)),
            (Some((w, _)), Direction::After) => Some(dates::weekday_on_or_after(a, *w)),
            (None, _) => Some(a),
        }
    };
    let anchor_words = if anchor.marker == Marker::Unmarked {
        anchor.text.clone()
    } else {
        anchor.phrase.clone()
    };
    let (anchor_date, year_why) = match anchor.full() {
        Some(d) => (d, None),
        None => {
            let (d, why) = dates::infer_year(
                anchor.month,
                anchor.day,
                anchor.weekday,
                today,
                &opts.context_dates,
                article_of,
            )
            .ok_or_else(|| format!("no year fits \"{anchor_words}\" before today"))?;
            (d, Some(why))
        }
    };
    let article = article_of(anchor_date).expect("always some");
    if article > today {
        return Err(format!("{anchor_words} would date the article after today"));
    }
    let year_note = year_why.map(|y| format!("; {y}")).unwrap_or_default();
    let why = match (&reported, direction) {
        (Some((w, phrase)), Direction::Before) => format!(
            "\"{phrase}\" taken as the {} before \"{anchor_words}\" ({what}{year_note})",
            dates::weekday_name(*w)
        ),
        (Some((w, phrase)), Direction::After) => format!(
            "\"{phrase}\" taken as the first {} on or after {anchor_words} ({what}{}{year_note})",
            dates::weekday_name(*w),
            anchor_weekday
                .map(|a| format!(", a {}", dates::weekday_name(a)))
                .unwrap_or_default()
        ),
        (None, _) => format!("{what}, {anchor_words}{year_note}"),
    };
    Ok(Some(Field::new(article, How::Inferred(why))))
}
