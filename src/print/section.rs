//! An article's section of a print document, rendered once per article
//! rather than once per document that holds it.
//!
//! The section (`partials/print_article.html`) of an article prints the same
//! in every document but for a few numbers: the article's number and the
//! document's count of articles, its notes' numbers, and the numbers of the
//! other articles of the document that report its quotations ("also in").
//! The partial is rendered with placeholders in their place — each a code
//! between NUL characters, which no escaping touches — and each document
//! fills them in. How many "also in" references each quotation has changes
//! the markup around them, so a section is kept per such shape.
//!
//! A template that computes with a placeholder (changes its case, compares
//! it) leaves codes this does not read back; the article is then rendered
//! with each document's own values, as a theme would expect.

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::{ArticleRef, Note, Prepared, PrintArticle, PrintQuote, SharedQuote};

/// The template of an article's section.
pub const SECTION: &str = "partials/print_article.html";

/// The character around each placeholder's code: no text of an article has
/// it (the check is `has_nul`), and escaping leaves it alone.
const MARK: char = '\0';

/// How many "also in" references each quotation of the article has in a
/// document: sections of the same shape differ only in their numbers.
pub type Shape = Vec<u32>;

/// The sections rendered for one article, by shape.
#[derive(Default)]
pub struct Sections(Mutex<Vec<(Shape, Arc<Section>)>>);

impl Sections {
    /// The section of `shape`, made by `make` the first time it is asked for.
    pub fn get(&self, shape: &Shape, make: impl FnOnce() -> Section) -> Arc<Section> {
        if let Some(found) = self.find(shape) {
            return found;
        }
        // Rendered outside the lock: another thread may make the same one,
        // and the first kept wins.
        let made = Arc::new(make());
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, found)) = list.iter().find(|(s, _)| s == shape) {
            return found.clone();
        }
        list.push((shape.clone(), made.clone()));
        made
    }

    fn find(&self, shape: &Shape) -> Option<Arc<Section>> {
        let list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        list.iter()
            .find(|(s, _)| s == shape)
            .map(|(_, section)| section.clone())
    }
}

/// A per-document number in a rendered section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The article's number in the document.
    Number,
    /// How many articles the document prints.
    Total,
    /// The body, filled with the document's prefix and note numbers.
    Body,
    /// The number of the article's note `i` (from 0).
    Note(usize),
    /// The number of reference `j` of quotation `q`'s "also in".
    Ref(usize, usize),
}

impl Slot {
    fn code(self) -> String {
        match self {
            Slot::Number => format!("{MARK}n{MARK}"),
            Slot::Total => format!("{MARK}t{MARK}"),
            Slot::Body => format!("{MARK}b{MARK}"),
            Slot::Note(i) => format!("{MARK}N{i}{MARK}"),
            Slot::Ref(q, j) => format!("{MARK}R{q}_{j}{MARK}"),
        }
    }

    fn read(code: &str) -> Option<Slot> {
        let index = |s: &str| s.parse::<usize>().ok();
        match code {
            "n" => Some(Slot::Number),
            "t" => Some(Slot::Total),
            "b" => Some(Slot::Body),
            _ => {
                if let Some(i) = code.strip_prefix('N') {
                    return index(i).map(Slot::Note);
                }
                let (q, j) = code.strip_prefix('R')?.split_once('_')?;
                Some(Slot::Ref(index(q)?, index(j)?))
            }
        }
    }
}

/// An article's section as rendered once: the text around the placeholders
/// and where each goes; or `Own` where it must be rendered per document.
pub enum Section {
    Filled {
        text: String,
        slots: Vec<(usize, Slot)>,
    },
    Own,
}

impl Section {
    /// The section read back from `rendered`, checked against what the
    /// article has (`notes` notes, `shape` references per quotation).
    pub fn read(rendered: &str, notes: usize, shape: &Shape) -> Section {
        let fits = |slot: Slot| match slot {
            Slot::Note(i) => i < notes,
            Slot::Ref(q, j) => shape.get(q).is_some_and(|&n| j < n as usize),
            _ => true,
        };
        let mut text = String::with_capacity(rendered.len());
        let mut slots = Vec::new();
        let mut parts = rendered.split(MARK);
        if let Some(first) = parts.next() {
            text.push_str(first);
        }
        while let Some(code) = parts.next() {
            // A code without its closing mark is no placeholder of ours.
            let (Some(slot), Some(after)) = (Slot::read(code), parts.next()) else {
                return Section::Own;
            };
            if !fits(slot) {
                return Section::Own;
            }
            slots.push((text.len(), slot));
            text.push_str(after);
        }
        Section::Filled { text, slots }
    }

    /// The section of `article` in its document (`total` articles), or None
    /// where it is to be rendered for the document.
    pub fn fill(&self, article: &PrintArticle, total: usize) -> Option<String> {
        let Section::Filled { text, slots } = self else {
            return None;
        };
        let mut out = String::with_capacity(text.len() + article.body.len() + 64);
        let mut at = 0;
        for &(offset, slot) in slots {
            out.push_str(&text[at..offset]);
            at = offset;
            match slot {
                Slot::Number => write!(out, "{}", article.number),
                Slot::Total => write!(out, "{total}"),
                Slot::Body => Ok(out.push_str(&article.body)),
                Slot::Note(i) => write!(out, "{}", article.notes[i].number),
                Slot::Ref(q, j) => write!(out, "{}", article.quotes[q].also[j].number),
            }
            .ok()?;
        }
        out.push_str(&text[at..]);
        Some(out)
    }
}

/// What the section's template sees: `a`, the article with placeholders
/// for its per-document numbers, and `print.articles`, the count of them.
#[derive(Serialize)]
pub struct Placeholders<'a, 'p> {
    pub a: PrintArticle<'a, 'p, String>,
    pub print: PrintCount<String>,
}

/// The part of the document's `print` a section sees.
#[derive(Serialize)]
pub struct PrintCount<N> {
    pub articles: N,
}

impl<'a, 'p> Placeholders<'a, 'p> {
    /// The placeholder view of an article whose quotations have `shape`
    /// references in the document.
    pub fn new(prepared: &'p Prepared<'a>, shape: &Shape) -> Placeholders<'a, 'p> {
        let number = Slot::Number.code();
        let prefix = format!("a{number}");
        let quotes = prepared
            .quotes
            .iter()
            .zip(shape)
            .enumerate()
            .map(|(q, (shared, &refs))| quote(&prefix, q, shared, refs))
            .collect();
        let notes = (0..prepared.body.note_count())
            .map(|i| {
                let n = Slot::Note(i).code();
                Note {
                    url: prepared.body.note_url(i).to_string(),
                    id: format!("note-{n}"),
                    ref_id: format!("noteref-{n}"),
                    number: n,
                }
            })
            .collect();
        Placeholders {
            a: PrintArticle {
                anchor: format!("article-{number}"),
                number,
                prefix,
                shared: prepared,
                body: Slot::Body.code(),
                notes,
                quotes,
                html: None,
            },
            print: PrintCount {
                articles: Slot::Total.code(),
            },
        }
    }
}

fn quote<'a, 'p>(
    prefix: &str,
    q: usize,
    shared: &'p SharedQuote<'a>,
    refs: u32,
) -> PrintQuote<'a, 'p, String> {
    PrintQuote {
        shared,
        number: q + 1,
        anchor: format!("{prefix}-q{}", q + 1),
        list_anchor: format!("{prefix}-quote-{}", q + 1),
        also: (0..refs as usize)
            .map(|j| {
                let n = Slot::Ref(q, j).code();
                ArticleRef {
                    anchor: format!("article-{n}"),
                    number: n,
                }
            })
            .collect(),
    }
}

/// Whether any text of the article has the placeholders' mark (it could be
/// read as a placeholder; such an article is rendered per document).
pub fn has_nul(prepared: &Prepared) -> bool {
    let value = serde_json::to_value(prepared).unwrap_or_default();
    let quotes = serde_json::to_value(&prepared.quotes).unwrap_or_default();
    any_nul(&value) || any_nul(&quotes)
}

fn any_nul(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => s.contains(MARK),
        Value::Array(list) => list.iter().any(any_nul),
        Value::Object(map) => map.iter().any(|(k, v)| k.contains(MARK) || any_nul(v)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_read_back() {
        let shape = vec![0, 2];
        let text = format!(
            "<p id=\"article-{}\">{} of {}</p>{}<a>{}</a><a>{}</a><sup>{}</sup>",
            Slot::Number.code(),
            Slot::Number.code(),
            Slot::Total.code(),
            Slot::Body.code(),
            Slot::Ref(1, 0).code(),
            Slot::Ref(1, 1).code(),
            Slot::Note(0).code(),
        );
        let Section::Filled { text, slots } = Section::read(&text, 1, &shape) else {
            panic!("not read back");
        };
        assert_eq!(text, "<p id=\"article-\"> of </p><a></a><a></a><sup></sup>");
        assert_eq!(
            slots.iter().map(|(_, s)| *s).collect::<Vec<_>>(),
            [
                Slot::Number,
                Slot::Number,
                Slot::Total,
                Slot::Body,
                Slot::Ref(1, 0),
                Slot::Ref(1, 1),
                Slot::Note(0)
            ]
        );
    }

    #[test]
    fn changed_or_unknown_placeholders_are_not_read() {
        let shape = vec![1];
        // Upper-cased by a filter, cut short, or beyond what the article has.
        for text in [
            Slot::Number.code().to_uppercase(),
            format!("x{MARK}n"),
            Slot::Note(1).code(),
            Slot::Ref(0, 1).code(),
            Slot::Ref(1, 0).code(),
        ] {
            assert!(
                matches!(Section::read(&text, 1, &shape), Section::Own),
                "{text:?}"
            );
        }
    }
}
