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

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::Serialize;

use crate::content::html::Tag;
use crate::text::{decode_entities, escape_html};

/// A link of the body, printed as a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub number: usize,
    /// The URL as a reader types it (entities decoded; escaped again on output).
    pub url: String,
    /// The note's element id (`note-12`).
    pub id: String,
    /// The id of the reference in the text (`noteref-12`).
    pub ref_id: String,
}

pub struct Rewrite<'a> {
    /// Put before every id of the body: `a3` makes `q1` into `a3-q1`.
    pub prefix: &'a str,
    /// Where root-relative links point (`https://site.example`, no trailing
    /// slash); empty leaves them as they are.
    pub base_url: &'a str,
    /// The article's own address, for relative links (`https://x/articles/a/`).
    pub page_url: &'a str,
    /// The number of the first note.
    pub first_note: usize,
    /// Ids (after prefixing) the document uses elsewhere: a body id equal to
    /// one of them gets a suffix instead.
    pub reserved: &'a [String],
}

pub struct Rewritten {
    pub html: String,
    pub notes: Vec<Note>,
}

/// An `<a>` being copied: whether it gets a note, and where its text began.
struct OpenLink {
    note: Option<usize>,
    text_start: usize,
}

pub fn rewrite(html: &str, opts: &Rewrite<'_>) -> Rewritten {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut notes: Vec<Note> = Vec::new();
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
                        let number = notes[index].number;
                        // A link whose text is its own address needs no note.
                        let text = decode_entities(&strip_tags(&out[link.text_start..]));
                        if same_address(&text, &notes[index].url) {
                            notes.remove(index);
                        } else {
                            let _ = write!(
                                out,
                                "<sup class=\"endnote-ref\"><a href=\"#note-{number}\" id=\"noteref-{number}\">{number}</a></sup>"
                            );
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
            let value = match lower.as_str() {
                "id" => unique(&mut seen, format!("{}-{value}", opts.prefix)),
                "href" if name == "a" => match link_target(value, opts) {
                    Target::InPage(fragment) => format!("#{}-{fragment}", opts.prefix),
                    Target::Keep => value.to_string(),
                    Target::Away(url) => {
                        let number = opts.first_note + notes.len();
                        notes.push(Note {
                            number,
                            url: decode_entities(&url),
                            id: format!("note-{number}"),
                            ref_id: format!("noteref-{number}"),
                        });
                        note = Some(notes.len() - 1);
                        url
                    }
                },
                "src" => match link_target(value, opts) {
                    Target::Away(url) => url,
                    _ => value.to_string(),
                },
                _ => value.to_string(),
            };
            let _ = write!(out, " {attr}=\"{value}\"");
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
    // Notes removed above leave gaps: number them again in order, and the
    // references with them.
    let renumbered = renumber(&out, &mut notes, opts.first_note);
    Rewritten {
        html: renumbered,
        notes,
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

fn link_target(value: &str, opts: &Rewrite<'_>) -> Target {
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

/// Number the notes from `first` in their order, rewriting the references.
fn renumber(html: &str, notes: &mut [Note], first: usize) -> String {
    if notes.iter().enumerate().all(|(i, n)| n.number == first + i) {
        return html.to_string();
    }
    let mut out = html.to_string();
    for (i, note) in notes.iter_mut().enumerate() {
        let old = note.number;
        let new = first + i;
        if old == new {
            continue;
        }
        out = out.replacen(
            &format!("<a href=\"#note-{old}\" id=\"noteref-{old}\">{old}</a>"),
            &format!("<a href=\"#note-{new}\" id=\"noteref-{new}\">{new}</a>"),
            1,
        );
        note.number = new;
        note.id = format!("note-{new}");
        note.ref_id = format!("noteref-{new}");
    }
    out
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

    fn opts<'a>(reserved: &'a [String]) -> Rewrite<'a> {
        Rewrite {
            prefix: "a3",
            base_url: "https://site.example",
            page_url: "https://site.example/articles/one/",
            first_note: 5,
            reserved,
        }
    }

    #[test]
    fn ids_and_in_page_links_are_prefixed() {
        let html = "<h2 id=\"operation-in-darayya\">Operation</h2><p><span class=\"quotation\" id=\"q1\">“x”</span><sup class=\"quote-ref\"><a href=\"#quote-1\" title=\"A &gt; B\">1</a></sup> <a href=\"#operation-in-darayya\">up</a></p>";
        let out = rewrite(html, &opts(&[]));
        assert_eq!(
            out.html,
            "<h3 id=\"a3-operation-in-darayya\">Operation</h3><p><span class=\"quotation\" id=\"a3-q1\">“x”</span><sup class=\"quote-ref\"><a href=\"#a3-quote-1\" title=\"A &gt; B\">1</a></sup> <a href=\"#a3-operation-in-darayya\">up</a></p>"
        );
        assert!(out.notes.is_empty());
    }

    #[test]
    fn duplicate_and_reserved_ids_get_suffixes() {
        let reserved = vec!["a3-quote-1".to_string()];
        let out = rewrite(
            "<h2 id=\"x\">A</h2><h2 id=\"x\">B</h2><p id=\"quote-1\">C</p>",
            &opts(&reserved),
        );
        assert_eq!(
            out.html,
            "<h3 id=\"a3-x\">A</h3><h3 id=\"a3-x-2\">B</h3><p id=\"a3-quote-1-2\">C</p>"
        );
    }

    #[test]
    fn links_away_become_numbered_notes() {
        let html = "<p>See <a href=\"https://news.example/a?x=1&amp;y=2\">the report</a>, <a href=\"/topics/syria/\">Syria</a>, <a href=\"other/\">other</a> and <a href=\"https://bare.example/\">https://bare.example</a>.</p>";
        let out = rewrite(html, &opts(&[]));
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
    fn footnotes_resolve_inside_the_article() {
        let html = "<p>Text<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup></p>\n<div class=\"footnote-definition\" id=\"1\"><sup class=\"footnote-definition-label\">1</sup><p>Note.</p></div>";
        let out = rewrite(html, &opts(&[]));
        assert!(out.html.contains("href=\"#a3-1\""));
        assert!(out.html.contains("id=\"a3-1\""));
    }

    #[test]
    fn odd_markup_passes_through() {
        let html =
            "<p>a < b <!-- <a href=\"#x\"> --> <img src=\"/i.png\" alt='say \"hi\"'/> <br> c</p>";
        let out = rewrite(html, &opts(&[]));
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
