//! An article body made fit to share one document with other articles: every
//! element id prefixed with the article's own prefix (and kept unique), every
//! in-page link (`href="#x"`) rewritten to match, headings moved below the
//! article's title, and every link to elsewhere followed by a numbered note
//! whose URL is printed at the end of the article.
//!
//! The input is HTML that dossier made itself (pulldown-cmark, then ammonia
//! where the article had raw HTML): well-formed tags, attribute values in
//! quotes. The scanner below reads tags and their attributes, quoted values
//! included, and copies everything else through untouched.
//!
//! A build prints an article in many documents (every actor and topic it is
//! in), each giving it another prefix and another first note number. So the
//! scan runs once per article ([`prepare`]) and leaves holes where those go;
//! each document fills them ([`Prepared::fill`]), which only copies.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::Serialize;

use crate::content::html::Tag;
use crate::text::{decode_entities, escape_html};

/// A link of the body, printed as a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note<N = usize> {
    /// The note's number (in a section rendered once per article, a
    /// placeholder: `print::section`).
    pub number: N,
    /// The URL as a reader types it (entities decoded; escaped again on output).
    pub url: String,
    /// The note's element id (`note-12`).
    pub id: String,
    /// The id of the reference in the text (`noteref-12`).
    pub ref_id: String,
}

/// Where the body's links lead.
pub struct Links<'a> {
    /// Where root-relative links point (`https://site.example`, no trailing
    /// slash); empty leaves them as they are.
    pub base_url: &'a str,
    /// The article's own address, for relative links (`https://x/articles/a/`).
    pub page_url: &'a str,
    /// Ids (before prefixing) the document gives the article elsewhere
    /// (`quote-1`): a body id equal to one of them gets a suffix instead.
    pub reserved: &'a [String],
}

/// A body rewritten but for the prefix of its ids and the numbers of its
/// notes.
#[derive(Debug)]
pub struct Prepared {
    /// The HTML without the holes.
    text: String,
    /// Where each hole goes (a byte offset in `text`), in order.
    holes: Vec<(usize, Hole)>,
    /// The notes' URLs, in order (entities decoded).
    notes: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
enum Hole {
    /// The document's prefix of the article's ids (`a3`).
    Prefix,
    /// The reference to the note at this index of `notes`.
    NoteRef(usize),
}

/// An `<a>` being copied: whether it gets a note, and where its text began.
struct OpenLink {
    note: Option<usize>,
    text_start: usize,
}

/// Scan a body once: everything of the rewrite but the prefix and the note
/// numbers, which [`Prepared::fill`] puts in.
pub fn prepare(html: &str, opts: &Links<'_>) -> Prepared {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut holes: Vec<(usize, Hole)> = Vec::new();
    // Every note found, and whether it is kept (a link whose text is its
    // own address needs none).
    let mut found: Vec<(String, bool)> = Vec::new();
    // Ids are unique within the article before prefixing, hence after.
    let mut seen: HashSet<String> = opts.reserved.iter().cloned().collect();
    let mut links: Vec<OpenLink> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").map_or(comment.len(), |e| e + 3);
            out.push_str(&rest[..4 + end]);
            rest = &comment[end..];
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            // A lone `<` (never made by dossier's renderer): keep it as text.
            out.push_str("&lt;");
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        let name = tag.name.to_ascii_lowercase();
        if tag.closing {
            match name.as_str() {
                "a" => {
                    out.push_str("</a>");
                    if let Some(link) = links.pop()
                        && let Some(index) = link.note
                    {
                        let text = decode_entities(&strip_tags(&out[link.text_start..]));
                        if same_address(&text, &found[index].0) {
                            found[index].1 = false;
                        } else {
                            holes.push((out.len(), Hole::NoteRef(index)));
                        }
                    }
                }
                _ => {
                    let _ = write!(out, "</{}>", heading(&name).unwrap_or(tag.name));
                }
            }
            continue;
        }
        let mut note = None;
        out.push('<');
        out.push_str(heading(&name).unwrap_or(tag.name));
        for (attr, value) in &tag.attrs {
            let lower = attr.to_ascii_lowercase();
            let Some(value) = value else {
                let _ = write!(out, " {attr}");
                continue;
            };
            let _ = write!(out, " {attr}=\"");
            match lower.as_str() {
                "id" => {
                    holes.push((out.len(), Hole::Prefix));
                    out.push('-');
                    out.push_str(&unique(&mut seen, value.to_string()));
                }
                "href" if name == "a" => match link_target(value, opts) {
                    Target::InPage(fragment) => {
                        out.push('#');
                        holes.push((out.len(), Hole::Prefix));
                        out.push('-');
                        out.push_str(&fragment);
                    }
                    Target::Keep => out.push_str(value),
                    Target::Away(url) => {
                        found.push((decode_entities(&url), true));
                        note = Some(found.len() - 1);
                        out.push_str(&url);
                    }
                },
                "src" => match link_target(value, opts) {
                    Target::Away(url) => out.push_str(&url),
                    _ => out.push_str(value),
                },
                _ => out.push_str(value),
            }
            out.push('"');
        }
        if tag.self_closing {
            out.push_str(" /");
        }
        out.push('>');
        if name == "a" && !tag.self_closing {
            links.push(OpenLink {
                note,
                text_start: out.len(),
            });
        }
    }
    out.push_str(rest);
    // The notes left out leave gaps: the kept ones are numbered in order.
    let mut kept = Vec::with_capacity(found.len());
    let mut renumbered = Vec::with_capacity(found.len());
    for (url, keep) in found {
        renumbered.push(kept.len());
        if keep {
            kept.push(url);
        }
    }
    for (_, hole) in &mut holes {
        if let Hole::NoteRef(index) = hole {
            *index = renumbered[*index];
        }
    }
    Prepared {
        text: out,
        holes,
        notes: kept,
    }
}

impl Prepared {
    /// How many notes the body has.
    pub fn note_count(&self) -> usize {
        self.notes.len()
    }

    /// The body in one document: its ids prefixed with `prefix` (`a3`
    /// makes `q1` into `a3-q1`), its notes numbered from `first_note`.
    /// The URL of note `i` (from 0), entities decoded.
    pub fn note_url(&self, i: usize) -> &str {
        &self.notes[i]
    }

    pub fn fill(&self, prefix: &str, first_note: usize) -> (String, Vec<Note>) {
        let mut out = String::with_capacity(self.text.len() + self.holes.len() * 64);
        let mut at = 0;
        for &(offset, hole) in &self.holes {
            out.push_str(&self.text[at..offset]);
            at = offset;
            match hole {
                Hole::Prefix => out.push_str(prefix),
                Hole::NoteRef(index) => {
                    let number = first_note + index;
                    let _ = write!(
                        out,
                        "<sup class=\"endnote-ref\"><a href=\"#note-{number}\" id=\"noteref-{number}\">{number}</a></sup>"
                    );
                }
            }
        }
        out.push_str(&self.text[at..]);
        let notes = self
            .notes
            .iter()
            .enumerate()
            .map(|(i, url)| {
                let number = first_note + i;
                Note {
                    number,
                    url: url.clone(),
                    id: format!("note-{number}"),
                    ref_id: format!("noteref-{number}"),
                }
            })
            .collect();
        (out, notes)
    }
}

/// Body headings sit below the article's title (an `h2` of the document):
/// `h1` and `h2` become `h3`, the others one level down, at most `h6`.
fn heading(name: &str) -> Option<&'static str> {
    Some(match name {
        "h1" | "h2" => "h3",
        "h3" => "h4",
        "h4" => "h5",
        "h5" | "h6" => "h6",
        _ => return None,
    })
}

fn unique(seen: &mut HashSet<String>, id: String) -> String {
    if seen.insert(id.clone()) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| seen.insert(candidate.clone()))
        .expect("some suffix is free")
}

enum Target {
    InPage(String),
    Keep,
    /// An address outside the document, made absolute where it can be.
    Away(String),
}

fn link_target(value: &str, opts: &Links<'_>) -> Target {
    let trimmed = value.trim();
    if let Some(fragment) = trimmed.strip_prefix('#') {
        return if fragment.is_empty() {
            Target::Keep
        } else {
            Target::InPage(fragment.to_string())
        };
    }
    if trimmed.is_empty() {
        return Target::Keep;
    }
    let has_scheme = trimmed
        .split_once(':')
        .is_some_and(|(scheme, _)| is_scheme(scheme));
    if has_scheme {
        return Target::Away(trimmed.to_string());
    }
    if trimmed.starts_with("//") {
        return Target::Away(format!("https:{trimmed}"));
    }
    if trimmed.starts_with('/') {
        if opts.base_url.is_empty() {
            return Target::Away(trimmed.to_string());
        }
        return Target::Away(format!(
            "{}{}",
            escape_html(opts.base_url.trim_end_matches('/')),
            trimmed
        ));
    }
    // Relative to the article's own page.
    Target::Away(format!("{}{trimmed}", escape_html(opts.page_url)))
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn same_address(text: &str, url: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim();
        let s = s.strip_prefix("mailto:").unwrap_or(s);
        let s = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s);
        s.trim_end_matches('/').to_string()
    };
    !text.trim().is_empty() && norm(text) == norm(url)
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Out {
        html: String,
        notes: Vec<Note>,
    }

    /// The body as the third article of a document whose earlier articles
    /// have 4 notes prints it.
    fn rewrite(html: &str, reserved: &[String]) -> Out {
        let links = Links {
            base_url: "https://site.example",
            page_url: "https://site.example/articles/one/",
            reserved,
        };
        let (html, notes) = prepare(html, &links).fill("a3", 5);
        Out { html, notes }
    }

    #[test]
    fn ids_and_in_page_links_are_prefixed() {
        let html = "<h2 id=\"operation-in-darayya\">Operation</h2><p><span class=\"quotation\" id=\"q1\">“x”</span><sup class=\"quote-ref\"><a href=\"#quote-1\" title=\"A &gt; B\">1</a></sup> <a href=\"#operation-in-darayya\">up</a></p>";
        let out = rewrite(html, &[]);
        assert_eq!(
            out.html,
            "<h3 id=\"a3-operation-in-darayya\">Operation</h3><p><span class=\"quotation\" id=\"a3-q1\">“x”</span><sup class=\"quote-ref\"><a href=\"#a3-quote-1\" title=\"A &gt; B\">1</a></sup> <a href=\"#a3-operation-in-darayya\">up</a></p>"
        );
        assert!(out.notes.is_empty());
    }

    #[test]
    fn duplicate_and_reserved_ids_get_suffixes() {
        let reserved = vec!["quote-1".to_string()];
        let out = rewrite(
            "<h2 id=\"x\">A</h2><h2 id=\"x\">B</h2><p id=\"quote-1\">C</p>",
            &reserved,
        );
        assert_eq!(
            out.html,
            "<h3 id=\"a3-x\">A</h3><h3 id=\"a3-x-2\">B</h3><p id=\"a3-quote-1-2\">C</p>"
        );
    }

    #[test]
    fn links_away_become_numbered_notes() {
        let html = "<p>See <a href=\"https://news.example/a?x=1&amp;y=2\">the report</a>, <a href=\"/topics/syria/\">Syria</a>, <a href=\"other/\">other</a> and <a href=\"https://bare.example/\">https://bare.example</a>.</p>";
        let out = rewrite(html, &[]);
        let urls: Vec<_> = out.notes.iter().map(|n| n.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://news.example/a?x=1&y=2",
                "https://site.example/topics/syria/",
                "https://site.example/articles/one/other/"
            ]
        );
        assert_eq!(
            out.notes.iter().map(|n| n.number).collect::<Vec<_>>(),
            [5, 6, 7]
        );
        assert!(out.html.contains("the report</a><sup class=\"endnote-ref\"><a href=\"#note-5\" id=\"noteref-5\">5</a></sup>"), "{}", out.html);
        assert!(
            out.html
                .contains("<a href=\"#note-7\" id=\"noteref-7\">7</a>"),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("https://bare.example</a>."),
            "{}",
            out.html
        );
        assert!(!out.html.contains("note-8"), "{}", out.html);
    }

    #[test]
    fn one_scan_fills_any_document() {
        let html = "<h2 id=\"x\">A</h2><p><a href=\"https://a.example/\">a</a> <a href=\"https://b.example/\">https://b.example</a> <a href=\"#x\">up</a> <a href=\"https://c.example/\">c</a></p>";
        let links = Links {
            base_url: "",
            page_url: "https://site.example/articles/one/",
            reserved: &[],
        };
        let prepared = prepare(html, &links);
        assert_eq!(prepared.note_count(), 2);
        let (first, first_notes) = prepared.fill("a1", 1);
        let (later, later_notes) = prepared.fill("a12", 40);
        assert_eq!(
            first,
            "<h3 id=\"a1-x\">A</h3><p><a href=\"https://a.example/\">a</a><sup class=\"endnote-ref\"><a href=\"#note-1\" id=\"noteref-1\">1</a></sup> <a href=\"https://b.example/\">https://b.example</a> <a href=\"#a1-x\">up</a> <a href=\"https://c.example/\">c</a><sup class=\"endnote-ref\"><a href=\"#note-2\" id=\"noteref-2\">2</a></sup></p>"
        );
        assert_eq!(
            later,
            "<h3 id=\"a12-x\">A</h3><p><a href=\"https://a.example/\">a</a><sup class=\"endnote-ref\"><a href=\"#note-40\" id=\"noteref-40\">40</a></sup> <a href=\"https://b.example/\">https://b.example</a> <a href=\"#a12-x\">up</a> <a href=\"https://c.example/\">c</a><sup class=\"endnote-ref\"><a href=\"#note-41\" id=\"noteref-41\">41</a></sup></p>"
        );
        let urls = |notes: &[Note]| -> Vec<(usize, String)> {
            notes.iter().map(|n| (n.number, n.url.clone())).collect()
        };
        assert_eq!(
            urls(&first_notes),
            [
                (1, "https://a.example/".into()),
                (2, "https://c.example/".into())
            ]
        );
        assert_eq!(
            urls(&later_notes),
            [
                (40, "https://a.example/".into()),
                (41, "https://c.example/".into())
            ]
        );
        assert_eq!(later_notes[1].id, "note-41");
        assert_eq!(later_notes[1].ref_id, "noteref-41");
    }

    #[test]
    fn footnotes_resolve_inside_the_article() {
        let html = "<p>Text<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup></p>\n<div class=\"footnote-definition\" id=\"1\"><sup class=\"footnote-definition-label\">1</sup><p>Note.</p></div>";
        let out = rewrite(html, &[]);
        assert!(out.html.contains("href=\"#a3-1\""));
        assert!(out.html.contains("id=\"a3-1\""));
    }

    #[test]
    fn odd_markup_passes_through() {
        let html =
            "<p>a < b <!-- <a href=\"#x\"> --> <img src=\"/i.png\" alt='say \"hi\"'/> <br> c</p>";
        let out = rewrite(html, &[]);
        assert_eq!(
            out.html,
            "<p>a &lt; b <!-- <a href=\"#x\"> --> <img src=\"https://site.example/i.png\" alt=\"say &quot;hi&quot;\" /> <br> c</p>"
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&amp;b&#39;c&#x27;&bogus; &"),
            "a&b'c'&bogus; &"
        );
    }
}
