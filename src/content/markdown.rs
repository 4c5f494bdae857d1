//! Markdown bodies: CommonMark plus tables, footnotes, strikethrough, smart
//! punctuation and heading attributes, parsed once into events so that the
//! same parse feeds both extraction (plain paragraphs) and rendering (HTML
//! with quotations marked).
//!
//! A fenced block with the info string `comment` is the editor's commentary:
//! its content is Markdown, rendered inside `<aside class="commentary">`.

use std::borrow::Cow;
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

use super::marks::{MARK_CLOSE, MARK_OPEN, MARK_OPEN_END};

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
    /// Part of an image's description, which is an attribute in HTML: no
    /// marker may go there.
    in_image: bool,
    /// Part of a link's text: a quotation's own link may not go there.
    in_link: bool,
}

pub struct Document<'a> {
    events: Vec<Event<'a>>,
    paragraphs: Vec<String>,
    places: Vec<TextPlace>,
    /// Byte ranges of the paragraphs that are not prose (inline code, image
    /// descriptions) and hold a quotation mark: hidden from extraction.
    not_prose: Vec<(usize, Range<usize>)>,
    has_raw_html: bool,
    /// How deep the raw HTML so far nests (elements opened, not closed).
    raw_depth: usize,
    problems: Vec<BodyProblem>,
}

/// Raw HTML elements may nest this deep. Real articles stay far below it;
/// the HTML parser behind the sanitiser checks the open elements for every
/// new one, so that unbounded nesting (`<div>` 50,000 times) would cost time
/// quadratic in its length.
pub const MAX_RAW_HTML_DEPTH: usize = 256;

/// Something in a body that would not render as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyProblem {
    /// An HTML comment (or `<script>`, `<style>`) opened and never closed:
    /// CommonMark makes the rest of the body part of it, hidden.
    Unclosed {
        /// Byte offset in the body.
        offset: usize,
        /// What closes it, e.g. `-->`.
        closer: &'static str,
    },
    /// Raw HTML nests deeper than [`MAX_RAW_HTML_DEPTH`] here.
    TooDeep { offset: usize },
}

impl<'a> Document<'a> {
    pub fn parse(source: &'a str) -> Document<'a> {
        let mut doc = Document {
            events: Vec::with_capacity(source.len() / 16),
            paragraphs: Vec::new(),
            places: Vec::new(),
            not_prose: Vec::new(),
            has_raw_html: false,
            raw_depth: 0,
            problems: Vec::new(),
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
                    level, id, classes, ..
                }) => {
                    b.flush(&mut self.paragraphs);
                    self.push_heading(&mut parser, level, id, classes, base);
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
                Event::Start(Tag::Link { .. }) => {
                    b.link_depth += 1;
                    self.events.push(safe_urls(event));
                }
                Event::Start(Tag::Image { .. }) => {
                    b.image_depth += 1;
                    self.events.push(safe_urls(event));
                }
                Event::End(TagEnd::Image) => {
                    b.image_depth = b.image_depth.saturating_sub(1);
                    self.events.push(event);
                }
                Event::End(TagEnd::Link) => {
                    b.link_depth = b.link_depth.saturating_sub(1);
                    self.events.push(event);
                }
                Event::Text(text) => {
                    if b.open {
                        if b.image_depth > 0 {
                            self.not_prose_text(b, &text);
                        }
                        self.places.push(TextPlace {
                            event: self.events.len(),
                            paragraph: self.paragraphs.len(),
                            offset: b.text.len(),
                            len: text.len(),
                            in_image: b.image_depth > 0,
                            in_link: b.link_depth > 0,
                        });
                        b.text.push_str(&text);
                    }
                    self.events.push(Event::Text(text));
                }
                Event::Code(code) => {
                    if b.open {
                        self.not_prose_text(b, &code);
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
                Event::Start(Tag::HtmlBlock) => {
                    self.has_raw_html = true;
                    self.events.push(event);
                    self.push_html_block(&mut parser, base);
                }
                Event::Html(ref html) | Event::InlineHtml(ref html) => {
                    self.has_raw_html = true;
                    self.note_raw_html(html, base + range.start);
                    self.events.push(event);
                }
                other => self.events.push(other),
            }
        }
    }

    /// The raw HTML of a block, noting a comment, script or style that is
    /// never closed: it would hide everything after it without a word.
    fn push_html_block<I>(&mut self, parser: &mut I, base: usize)
    where
        I: Iterator<Item = (Event<'a>, Range<usize>)>,
    {
        let mut opener: Option<(&'static str, usize)> = None;
        let mut closed = false;
        let mut first = true;
        for (event, range) in parser.by_ref() {
            if let Event::Html(html) = &event {
                if first {
                    opener = unclosable_opener(html).map(|c| (c, base + range.start));
                    first = false;
                }
                if let Some((closer, _)) = opener {
                    closed = closed || contains_ignore_ascii_case(html, closer);
                }
                self.note_raw_html(html, base + range.start);
            }
            let end = matches!(event, Event::End(TagEnd::HtmlBlock));
            self.events.push(event);
            if end {
                break;
            }
        }
        if let (Some((closer, offset)), false) = (opener, closed) {
            self.problems.push(BodyProblem::Unclosed { offset, closer });
        }
    }

    /// Count the elements `html` opens and closes; note where the raw HTML
    /// first nests deeper than [`MAX_RAW_HTML_DEPTH`].
    fn note_raw_html(&mut self, html: &str, offset: usize) {
        if self.raw_depth > MAX_RAW_HTML_DEPTH {
            return;
        }
        self.raw_depth = raw_depth_after(self.raw_depth, html);
        if self.raw_depth > MAX_RAW_HTML_DEPTH {
            self.problems.push(BodyProblem::TooDeep { offset });
        }
    }

    /// `text` (inline code or an image's description) joins the paragraph
    /// but is no prose: a quotation mark in it is hidden from extraction.
    fn not_prose_text(&mut self, b: &Builder, text: &str) {
        if has_quote_mark(text) {
            let start = b.text.len();
            self.not_prose
                .push((self.paragraphs.len(), start..start + text.len()));
        }
    }

    /// Headings get an id (from `{#id}` or their text) so they can be linked.
    fn push_heading<I>(
        &mut self,
        parser: &mut I,
        level: HeadingLevel,
        id: Option<CowStr<'a>>,
        classes: Vec<CowStr<'a>>,
        base: usize,
    ) where
        I: Iterator<Item = (Event<'a>, Range<usize>)>,
    {
        let mut inner = Vec::new();
        let mut text = String::new();
        for (event, range) in parser.by_ref() {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(ref t) | Event::Code(ref t) => text.push_str(t),
                Event::Html(ref html) | Event::InlineHtml(ref html) => {
                    self.has_raw_html = true;
                    self.note_raw_html(html, base + range.start);
                }
                _ => {}
            }
            // A link or image in a heading passes the same URL check as
            // anywhere else (`## <javascript:...>` is an autolink).
            inner.push(safe_urls(event));
        }
        // `{#id .class key=value}`: the id and plain class names pass, any
        // other attribute (`onmouseover=`, `style=`) was dropped by the caller.
        let id = id.filter(|id| is_plain_name(id)).or_else(|| {
            let slug = slugify(&text);
            (!slug.is_empty()).then(|| CowStr::from(slug))
        });
        let classes = classes.into_iter().filter(|c| is_plain_name(c)).collect();
        self.events.push(Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs: Vec::new(),
        }));
        self.events.extend(inner);
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    pub fn paragraphs(&self) -> &[String] {
        &self.paragraphs
    }

    /// The paragraphs as extraction reads them: quotation marks in inline
    /// code and image descriptions are masked (see [`mask_quote_marks`]), so
    /// that quotations are found in prose only. Offsets are those of
    /// [`Document::paragraphs`].
    pub fn prose(&self) -> Cow<'_, [String]> {
        if self.not_prose.is_empty() {
            return Cow::Borrowed(&self.paragraphs);
        }
        let mut prose = self.paragraphs.clone();
        for (paragraph, range) in &self.not_prose {
            let text = &mut prose[*paragraph];
            let masked = mask_quote_marks(&text[range.clone()]);
            text.replace_range(range.clone(), &masked);
        }
        Cow::Owned(prose)
    }

    /// What in the body would not render as written.
    pub fn problems(&self) -> &[BodyProblem] {
        &self.problems
    }

    /// The HTML of the body, raw HTML sanitised, and where each of `marks`
    /// stands in it.
    pub fn render(self, marks: &[Mark]) -> super::Body {
        super::Body::from_marked(self.render_marked(marks))
    }

    /// The HTML with the quotation markers of `content::marks` in it.
    fn render_marked(mut self, marks: &[Mark]) -> String {
        let (inserts, crossing) = self.marker_inserts(marks);
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
        let html = if self.has_raw_html {
            sanitise(&html)
        } else {
            html
        };
        if !crossing {
            return html;
        }
        match super::marks::balance_markers(&html) {
            Cow::Borrowed(_) => html,
            Cow::Owned(balanced) => balanced,
        }
    }

    /// For every mark whose both ends fall inside text (not inside inline
    /// code), the text events and offsets where its markers go; and whether
    /// a mark crosses markup or stands in a link, so that its markers must
    /// be moved (see `content::marks`). Most marks do neither, and the HTML
    /// is then not read again.
    fn marker_inserts(&self, marks: &[Mark]) -> (Vec<(usize, usize, String)>, bool) {
        let mut inserts = Vec::with_capacity(marks.len() * 2);
        let mut crossing = false;
        for mark in marks {
            let start = self.locate(mark.paragraph, mark.start, false);
            let end = self.locate(mark.paragraph, mark.end, true);
            if let (Some(start), Some(end)) = (start, end) {
                crossing = crossing
                    || start.2
                    || end.2
                    || self.events[start.0 + 1..end.0.max(start.0 + 1)]
                        .iter()
                        .any(|e| {
                            !matches!(
                                e,
                                Event::Text(_)
                                    | Event::SoftBreak
                                    | Event::HardBreak
                                    | Event::Code(_)
                            )
                        });
                inserts.push((
                    start.0,
                    start.1,
                    format!("{MARK_OPEN}{}{MARK_OPEN_END}", mark.quote),
                ));
                inserts.push((end.0, end.1, MARK_CLOSE.to_string()));
            }
        }
        (inserts, crossing)
    }

    /// The text event and the offset in it of `offset` of a paragraph, and
    /// whether that text is in a link.
    fn locate(
        &self,
        paragraph: usize,
        offset: usize,
        is_end: bool,
    ) -> Option<(usize, usize, bool)> {
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
                (p.paragraph == paragraph && inside && !p.in_image)
                    .then(|| (p.event, offset - p.offset, p.in_link))
            })
    }
}

#[derive(Default)]
struct Builder {
    open: bool,
    text: String,
    /// Inside an image: its text is its description.
    image_depth: usize,
    /// Inside a link.
    link_depth: usize,
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
pub(super) fn insert_markers(text: &str, inserts: &mut [(usize, String)]) -> String {
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

/// The URL schemes a link or image may use (ammonia's list for raw HTML,
/// so that Markdown and HTML links pass alike); a URL without a scheme is
/// within the site. Anything else (`javascript:`, `data:`, `vbscript:`)
/// becomes `#`.
const URL_SCHEMES: &[&str] = &[
    "bitcoin",
    "ftp",
    "ftps",
    "geo",
    "http",
    "https",
    "im",
    "irc",
    "ircs",
    "magnet",
    "mailto",
    "mms",
    "mx",
    "news",
    "nntp",
    "openpgp4fpr",
    "sip",
    "sms",
    "smsto",
    "ssh",
    "tel",
    "url",
    "webcal",
    "wtai",
    "xmpp",
];

/// Links may only go to the web, mail, or within the site: never run code.
/// `event` with the URL of a link or image start passed through [`safe_url`].
fn safe_urls(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    match url_scheme(&url) {
        Some(scheme) if !URL_SCHEMES.contains(&scheme.as_str()) => CowStr::from("#"),
        _ => url,
    }
}

/// The scheme of `url` as a browser reads it (leading spaces and controls
/// skipped, tabs and line breaks anywhere ignored, any case), or none for a
/// relative URL. A scheme longer than any known one is returned as it is,
/// so it is refused.
fn url_scheme(url: &str) -> Option<String> {
    let mut scheme = String::new();
    for c in url.chars().skip_while(|&c| c <= ' ') {
        match c {
            '\t' | '\n' | '\r' => {}
            ':' => return (!scheme.is_empty()).then_some(scheme),
            c if c.is_ascii_alphabetic()
                || (!scheme.is_empty() && matches!(c, '0'..='9' | '+' | '-' | '.')) =>
            {
                if scheme.len() > 32 {
                    return Some(scheme);
                }
                scheme.push(c.to_ascii_lowercase());
            }
            _ => return None,
        }
    }
    None
}

/// An id or class name written in a heading's `{...}`: letters, digits,
/// `-` and `_` only, so it can neither break out of its attribute nor be
/// read as anything but a name.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The quotation marks of the extractor's scanner and what each is masked
/// as: a character of the same UTF-8 length that the scanner ignores, and
/// that no text holds (`content::load` replaces them, see
/// [`RESERVED_CHARS`]).
const QUOTE_MASKS: &[(char, char)] = &[
    ('"', '\u{1}'),
    ('\'', '\u{2}'),
    ('`', '\u{3}'),
    ('«', '\u{81}'),
    ('»', '\u{82}'),
    ('“', '\u{E010}'),
    ('”', '\u{E011}'),
    ('‘', '\u{E012}'),
    ('’', '\u{E013}'),
    ('„', '\u{E014}'),
    ('‚', '\u{E015}'),
    ('‹', '\u{E016}'),
    ('›', '\u{E017}'),
    ('「', '\u{E018}'),
    ('」', '\u{E019}'),
    ('『', '\u{E01A}'),
    ('』', '\u{E01B}'),
];

fn has_quote_mark(text: &str) -> bool {
    text.contains(|c| QUOTE_MASKS.iter().any(|&(q, _)| q == c))
}

/// `text` with its quotation marks masked; the same length in bytes.
pub fn mask_quote_marks(text: &str) -> String {
    text.chars()
        .map(|c| {
            QUOTE_MASKS
                .iter()
                .find(|&&(q, _)| q == c)
                .map_or(c, |&(_, m)| m)
        })
        .collect()
}

/// The reverse of [`mask_quote_marks`], for wordings extraction returns.
pub fn unmask_quote_marks(text: String) -> String {
    if !may_hold_reserved(&text) {
        return text;
    }
    text.chars()
        .map(|c| {
            QUOTE_MASKS
                .iter()
                .find(|&&(_, m)| m == c)
                .map_or(c, |&(q, _)| q)
        })
        .collect()
}

/// Characters that mean something to dossier inside a body (quotation
/// markers and the masks of non-prose quotation marks) and so may not come
/// from the author: `content::load` turns them into U+FFFD.
pub fn is_reserved_char(c: char) -> bool {
    matches!(
        c,
        '\u{1}'..='\u{3}' | '\u{81}' | '\u{82}' | '\u{E000}'..='\u{E002}' | '\u{E010}'..='\u{E01B}'
    )
}

/// Whether `text` holds a reserved character, read from its bytes: the
/// UTF-8 of each is a byte below 4, `C2 81`, `C2 82`, `EE 80 80..82` or
/// `EE 80 90..9B`. One pass, no decoding.
pub fn may_hold_reserved(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes[from..]
        .iter()
        .position(|&b| b < 4 || b == 0xC2 || b == 0xEE)
    {
        let at = from + k;
        let reserved = match bytes[at] {
            0xC2 => matches!(bytes.get(at + 1), Some(0x81 | 0x82)),
            0xEE => {
                bytes.get(at + 1) == Some(&0x80)
                    && matches!(bytes.get(at + 2), Some(0x80..=0x82 | 0x90..=0x9B))
            }
            _ => true,
        };
        if reserved {
            return true;
        }
        from = at + 1;
    }
    false
}

/// What closes an HTML block that, left open, hides the rest of the body:
/// a comment, or a script or style element (whose content the sanitiser
/// drops).
fn unclosable_opener(html: &str) -> Option<&'static str> {
    let start = html.trim_start();
    let lower = start.get(..8).unwrap_or(start).to_ascii_lowercase();
    if lower.starts_with("<!--") {
        Some("-->")
    } else if lower.starts_with("<script") {
        Some("</script>")
    } else if lower.starts_with("<style") {
        Some("</style>")
    } else {
        None
    }
}

/// The nesting depth after `html`, starting at `depth`: a guard, not a
/// parser. A start tag opens an element, an end tag closes one; the scan
/// reads each byte once (a tag runs to its next `>`). Void elements, and
/// those an HTML parser closes by itself when the next one starts (`<p>`,
/// `<li>`, `<td>`, `<a>`, ...), do not nest and are not counted, so that
/// HTML written without their end tags is no error.
fn raw_depth_after(mut depth: usize, html: &str) -> usize {
    const FLAT: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody",
        "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "caption", "a",
    ];
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        let name = &rest[name_start..name_start + name_len];
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let self_closing = rest[..gt].ends_with('/');
        rest = &rest[gt + 1..];
        if self_closing || FLAT.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
        }
    }
    depth
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
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
        Document::parse(md).render(&[]).html.to_string()
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
    fn links_in_headings_pass_the_url_check() {
        for md in [
            "## <javascript:alert(1)>\n",
            "## [x](javascript:alert(1)) ![y](data:text/html,z)\n",
            "```comment\n\n## <javascript:alert(1)>\n```\n",
        ] {
            let html = render(md);
            assert!(!html.contains("href=\"javascript:"), "{md:?}: {html}");
            assert!(!html.contains("src=\"data:"), "{md:?}: {html}");
        }
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
        let html = doc.render(&[]).html;
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
        let html = doc.render_marked(&[Mark {
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
    fn reserved_characters_are_found_by_their_bytes() {
        for c in [
            '\u{1}', '\u{3}', '\u{81}', '\u{82}', MARK_OPEN, MARK_CLOSE, '\u{E010}', '\u{E014}',
            '\u{E01B}',
        ] {
            assert!(may_hold_reserved(&format!("a «b» {c} é")), "{c:?}");
            assert!(is_reserved_char(c));
        }
        for text in [
            "«plain» “text” é \u{a0} \u{E003} \u{E00F} \u{E01C}",
            "",
            "\u{4}",
        ] {
            assert!(!may_hold_reserved(text), "{text:?}");
        }
    }

    #[test]
    fn code_is_highlighted_by_class() {
        let html = render("```rust\nfn main() {}\n```\n");
        assert!(html.contains("class=\"hl-"), "{html}");
    }
}
