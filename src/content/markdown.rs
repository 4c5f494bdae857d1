//! Markdown bodies: CommonMark plus tables, footnotes, strikethrough, smart
//! punctuation and heading attributes, parsed once into events so that the
//! same parse feeds both extraction (plain paragraphs) and rendering (HTML
//! with quotations marked).
//!
//! A fenced block with the info string `comment` is the editor's commentary:
//! its content is Markdown, rendered inside `<aside class="commentary">`.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::highlight;
use crate::slug::slugify;

/// A quotation span to mark in the rendered HTML: a byte range of one of the
/// document's paragraphs, and the index of the quotation it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub quote: usize,
}

/// Private-use characters that survive Markdown rendering, sanitising and
/// escaping untouched; `render::link_quotes` turns them into links once the site
/// knows each quotation's id. Open: `OPEN digits OPEN_END`; close: `CLOSE`.
pub const MARK_OPEN: char = '\u{E000}';
pub const MARK_OPEN_END: char = '\u{E001}';
pub const MARK_CLOSE: char = '\u{E002}';

pub const COMMENTARY_INFO: &str = "comment";

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Where a text event's characters sit in the plain paragraphs.
#[derive(Debug, Clone, Copy)]
struct TextPlace {
    event: usize,
    paragraph: usize,
    offset: usize,
    len: usize,
}

pub struct Document<'a> {
    events: Vec<Event<'a>>,
    paragraphs: Vec<String>,
    places: Vec<TextPlace>,
    has_raw_html: bool,
}

impl<'a> Document<'a> {
    pub fn parse(source: &'a str) -> Document<'a> {
        let mut doc = Document {
            events: Vec::with_capacity(source.len() / 16),
            paragraphs: Vec::new(),
            places: Vec::new(),
            has_raw_html: false,
        };
        let mut builder = Builder::default();
        doc.push_events(source, 0, &mut builder);
        builder.flush(&mut doc.paragraphs);
        doc
    }

    fn push_events(&mut self, source: &'a str, base: usize, b: &mut Builder) {
        let mut parser = Parser::new_ext(source, options()).into_offset_iter();
        while let Some((event, range)) = parser.next() {
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match &kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_string()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    let (code, inner) = collect_code(&mut parser, source);
                    if lang == COMMENTARY_INFO {
                        b.flush(&mut self.paragraphs);
                        self.events.push(Event::Html(
                            "<aside class=\"commentary\"><p class=\"commentary-label\">Editor’s comment</p>\n".into(),
                        ));
                        if let Some(inner) = inner {
                            self.push_events(&source[inner.clone()], base + inner.start, b);
                        }
                        b.flush(&mut self.paragraphs);
                        self.events.push(Event::Html("</aside>\n".into()));
                    } else if let Some(html) = (!lang.is_empty())
                        .then(|| highlight::highlight(&code, &lang))
                        .flatten()
                    {
                        self.events.push(Event::Html(html.into()));
                    } else {
                        self.events.push(Event::Start(Tag::CodeBlock(kind)));
                        self.events.push(Event::Text(code.into()));
                        self.events.push(Event::End(TagEnd::CodeBlock));
                    }
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    b.flush(&mut self.paragraphs);
                    self.push_heading(&mut parser, level, id, classes, attrs);
                }
                Event::Start(Tag::Paragraph) => {
                    b.flush(&mut self.paragraphs);
                    b.open = true;
                    self.events.push(Event::Start(Tag::Paragraph));
                }
                Event::Start(Tag::Item) => {
                    b.flush(&mut self.paragraphs);
                    b.open = true;
                    self.events.push(Event::Start(Tag::Item));
                }
                Event::End(end @ (TagEnd::Paragraph | TagEnd::Item)) => {
                    b.flush(&mut self.paragraphs);
                    self.events.push(Event::End(end));
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    self.events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: safe_url(dest_url),
                        title,
                        id,
                    }));
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    self.events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url: safe_url(dest_url),
                        title,
                        id,
                    }));
                }
                Event::Text(text) => {
                    if b.open {
                        self.places.push(TextPlace {
                            event: self.events.len(),
                            paragraph: self.paragraphs.len(),
                            offset: b.text.len(),
                            len: text.len(),
                        });
                        b.text.push_str(&text);
                    }
                    self.events.push(Event::Text(text));
                }
                Event::Code(code) => {
                    if b.open {
                        b.text.push_str(&code);
                    }
                    self.events.push(Event::Code(code));
                }
                Event::SoftBreak | Event::HardBreak => {
                    if b.open {
                        b.text.push(' ');
                    }
                    self.events.push(event);
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.has_raw_html = true;
                    self.events.push(event);
                }
                other => self.events.push(other),
            }
            let _ = (&range, base);
        }
    }

    /// Headings get an id (from `{#id}` or their text) so they can be linked.
    fn push_heading<I>(
        &mut self,
        parser: &mut I,
        level: HeadingLevel,
        id: Option<CowStr<'a>>,
        classes: Vec<CowStr<'a>>,
        attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    ) where
        I: Iterator<Item = (Event<'a>, Range<usize>)>,
    {
        let mut inner = Vec::new();
        let mut text = String::new();
        for (event, _) in parser.by_ref() {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(ref t) | Event::Code(ref t) => text.push_str(t),
                Event::Html(_) | Event::InlineHtml(_) => self.has_raw_html = true,
                _ => {}
            }
            inner.push(event);
        }
        let id = id.or_else(|| {
            let slug = slugify(&text);
            (!slug.is_empty()).then(|| CowStr::from(slug))
        });
        self.events.push(Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }));
        self.events.extend(inner);
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    pub fn paragraphs(&self) -> &[String] {
        &self.paragraphs
    }

    /// The HTML of the body, quotation spans marked, raw HTML sanitised.
    pub fn render(mut self, marks: &[Mark]) -> String {
        let inserts = self.marker_inserts(marks);
        // Apply from the back so earlier event indices stay valid.
        for (event, mut at) in group_by_event(inserts).into_iter().rev() {
            if let Event::Text(text) = &self.events[event] {
                let marked = insert_markers(text, &mut at);
                self.events[event] = Event::Text(marked.into());
            }
        }
        let mut html = String::with_capacity(
            self.paragraphs.iter().map(String::len).sum::<usize>() * 5 / 4 + 256,
        );
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        if self.has_raw_html {
            sanitise(&html)
        } else {
            html
        }
    }

    /// For every mark whose both ends fall inside text (not inside inline
    /// code), the text events and offsets where its markers go.
    fn marker_inserts(&self, marks: &[Mark]) -> Vec<(usize, usize, String)> {
        let mut inserts = Vec::with_capacity(marks.len() * 2);
        for mark in marks {
            let start = self.locate(mark.paragraph, mark.start, false);
            let end = self.locate(mark.paragraph, mark.end, true);
            if let (Some(start), Some(end)) = (start, end) {
                inserts.push((
                    start.0,
                    start.1,
                    format!("{MARK_OPEN}{}{MARK_OPEN_END}", mark.quote),
                ));
                inserts.push((end.0, end.1, MARK_CLOSE.to_string()));
            }
        }
        inserts
    }

    fn locate(&self, paragraph: usize, offset: usize, is_end: bool) -> Option<(usize, usize)> {
        let i = self
            .places
            .partition_point(|p| (p.paragraph, p.offset) <= (paragraph, offset));
        // The place starting at or before `offset`; an end offset may also
        // sit exactly at the end of the previous text.
        let candidates = [i.checked_sub(1), i.checked_sub(2)];
        candidates
            .into_iter()
            .flatten()
            .map(|k| self.places[k])
            .find_map(|p| {
                let inside = if is_end {
                    p.offset < offset && offset <= p.offset + p.len
                } else {
                    p.offset <= offset && offset < p.offset + p.len
                };
                (p.paragraph == paragraph && inside).then(|| (p.event, offset - p.offset))
            })
    }
}

#[derive(Default)]
struct Builder {
    open: bool,
    text: String,
}

impl Builder {
    fn flush(&mut self, paragraphs: &mut Vec<String>) {
        if self.open {
            paragraphs.push(std::mem::take(&mut self.text));
            self.open = false;
        }
    }
}

/// The code inside a code block and its byte range in `source`.
fn collect_code<'a, I>(parser: &mut I, _source: &'a str) -> (String, Option<Range<usize>>)
where
    I: Iterator<Item = (Event<'a>, Range<usize>)>,
{
    let mut code = String::new();
    let mut range: Option<Range<usize>> = None;
    for (event, r) in parser.by_ref() {
        match event {
            Event::End(TagEnd::CodeBlock) => break,
            Event::Text(text) => {
                code.push_str(&text);
                range = Some(match range {
                    Some(prev) => prev.start..r.end,
                    None => r,
                });
            }
            _ => {}
        }
    }
    (code, range)
}

fn group_by_event(mut inserts: Vec<(usize, usize, String)>) -> Vec<(usize, Vec<(usize, String)>)> {
    inserts
        .sort_by_key(|(event, offset, marker)| (*event, *offset, !marker.starts_with(MARK_CLOSE)));
    let mut grouped: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
    for (event, offset, marker) in inserts {
        match grouped.last_mut() {
            Some((e, list)) if *e == event => list.push((offset, marker)),
            _ => grouped.push((event, vec![(offset, marker)])),
        }
    }
    grouped
}

/// `text` with each marker inserted at its byte offset. Closing markers sort
/// before opening ones at the same offset so adjacent quotations nest right.
pub fn insert_markers(text: &str, inserts: &mut [(usize, String)]) -> String {
    inserts.sort_by_key(|(offset, marker)| (*offset, !marker.starts_with(MARK_CLOSE)));
    let mut out = String::with_capacity(text.len() + inserts.len() * 8);
    let mut last = 0;
    for (offset, marker) in inserts.iter() {
        let offset = (*offset).min(text.len());
        if offset < last || !text.is_char_boundary(offset) {
            continue;
        }
        out.push_str(&text[last..offset]);
        out.push_str(marker);
        last = offset;
    }
    out.push_str(&text[last..]);
    out
}

/// Links may only go to the web, mail, or within the site: never run code.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let dangerous = ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| lower.starts_with(s));
    if dangerous { CowStr::from("#") } else { url }
}

/// Articles may carry raw HTML; it is cleaned of scripts, event handlers and
/// `javascript:` URLs, keeping the classes dossier's own markup relies on.
fn sanitise(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut b = ammonia::Builder::default();
            b.add_tags(["aside", "figure", "figcaption", "mark", "time"])
                .add_generic_attributes(["class", "id"])
                .add_tag_attributes("pre", ["data-lang"])
                .add_tag_attributes("time", ["datetime"]);
            b
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        Document::parse(md).render(&[])
    }

    #[test]
    fn extensions_are_on() {
        let html = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ \"new\"\n\nText[^1]\n\n[^1]: Note.\n\n# Title {#top}\n",
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("“new”"), "{html}");
        assert!(html.contains("footnote"), "{html}");
        assert!(html.contains("<h1 id=\"top\">"), "{html}");
    }

    #[test]
    fn headings_get_ids() {
        assert!(render("## Operation in Darayya\n").contains("<h2 id=\"operation-in-darayya\">"));
    }

    #[test]
    fn raw_html_is_sanitised() {
        let html = render(
            "Hi <script>alert(1)</script> <b onclick=\"x()\">bold</b>\n\n<img src=x onerror=alert(1)>\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("<b>bold</b>"), "{html}");
    }

    #[test]
    fn javascript_links_are_neutralised() {
        let html = render("[x](javascript:alert(1)) [y]( JaVaScRiPt:alert(1))");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
    }

    #[test]
    fn paragraphs_are_plain_text() {
        let doc =
            Document::parse("# Head\n\nSaid *he*: \"We `x` go.\"\nNext line.\n\n- one\n- two\n");
        assert_eq!(
            doc.paragraphs(),
            &["Said he: “We x go.” Next line.", "one", "two"]
        );
    }

    #[test]
    fn commentary_is_set_apart_and_still_read() {
        let doc = Document::parse(
            "Before.\n\n```comment\nComment: *this* matters.\n\nSecond.\n```\n\nAfter.\n",
        );
        assert_eq!(
            doc.paragraphs(),
            &["Before.", "Comment: this matters.", "Second.", "After."]
        );
        let html = doc.render(&[]);
        assert!(html.contains("<aside class=\"commentary\">"), "{html}");
        assert!(html.contains("<em>this</em>"), "{html}");
    }

    #[test]
    fn marks_wrap_quotation_spans_across_inline_markup() {
        let md = "He said \"one *two* three\" today.";
        let doc = Document::parse(md);
        let p = &doc.paragraphs()[0];
        let start = p.find('“').unwrap();
        let end = p.find('”').unwrap() + '”'.len_utf8();
        let html = doc.render(&[Mark {
            paragraph: 0,
            start,
            end,
            quote: 7,
        }]);
        assert!(
            html.contains("\u{E000}7\u{E001}“one <em>two</em> three”\u{E002}"),
            "{html:?}"
        );
    }

    #[test]
    fn code_is_highlighted_by_class() {
        let html = render("```rust\nfn main() {}\n```\n");
        assert!(html.contains("class=\"hl-"), "{html}");
    }
}
