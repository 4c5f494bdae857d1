//! Quotation markers placed so that the HTML stays well formed.
//!
//! A quotation is a stretch of a paragraph's text; its two markers (see
//! `content::markdown`) become `<span ...>` and `</span><sup><a ...>`. When
//! the stretch starts or ends inside inline markup (`He said *"We* go."`)
//! or inside a link, markers placed where the quotation marks stand would
//! cross element boundaries or nest a link in a link. This pass moves each
//! marker outward to the nearest place where both of its pair sit in the
//! same element, outside any link: the span then covers the elements it
//! cut through, whole.
//!
//! The markers themselves are defined here, the lowest place that knows them,
//! and never leave `content`: once placed, [`take_spans`] takes them out of
//! the HTML and hands on the quotations as [`QuoteSpan`]s.

use std::borrow::Cow;

/// Private-use characters that survive Markdown rendering, sanitising and
/// escaping untouched (article text is cleaned of them on input). Open:
/// `OPEN digits OPEN_END`; close: `CLOSE`.
pub(super) const MARK_OPEN: char = '\u{E000}';
pub(super) const MARK_OPEN_END: char = '\u{E001}';
pub(super) const MARK_CLOSE: char = '\u{E002}';

/// How far up the element tree the search for a pair's common element goes;
/// past it (only in absurdly nested HTML) the pair is dropped, so that the
/// pass stays linear.
const MAX_CLIMB: usize = 512;

const NONE: u32 = u32::MAX;

/// An element of the HTML, by its byte range.
struct Node<'a> {
    name: &'a str,
    parent: u32,
    depth: u32,
    /// The `<` of its start tag.
    start: usize,
    /// Just after its end tag (the end of the text while still open).
    end: usize,
    /// The outermost link it is in, itself included, or `NONE`.
    link: u32,
}

struct Marker {
    /// Its bytes in the HTML.
    at: usize,
    len: usize,
    open: bool,
    /// The element it stands in, or `NONE` at the top.
    node: u32,
}

/// `html` (dossier's own rendering: well formed, attribute values quoted)
/// with its quotation markers moved where their spans nest properly. Borrowed
/// when nothing moves, as in most articles.
pub(super) fn balance_markers(html: &str) -> Cow<'_, str> {
    let (nodes, markers) = read(html);
    let targets = targets(&nodes, &markers);
    let unmoved = markers.iter().zip(&targets).all(|(m, t)| *t == Some(m.at));
    if unmoved {
        return Cow::Borrowed(html);
    }
    Cow::Owned(rewrite(html, &markers, &targets))
}

/// Where one quotation stands in an article's HTML: `render::link_quotes`
/// wraps `open..close` in a span once the site knows the quotation's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuoteSpan {
    /// The quotation's index among the article's marks.
    pub quote: u32,
    /// Byte offsets in the HTML, on character boundaries; `open <= close`.
    pub open: usize,
    pub close: usize,
}

/// `html` (markers placed, see [`balance_markers`]) without its markers, and
/// the spans they marked in the HTML left: in the order they open, which is
/// the order of their offsets. Spans nest; where one closes and another
/// opens at the same offset, the close comes first. A marker without its
/// partner is dropped.
pub(super) fn take_spans(html: String) -> (String, Vec<QuoteSpan>) {
    if !html.contains([MARK_OPEN, MARK_CLOSE]) {
        return (html, Vec::new());
    }
    let mut out = String::with_capacity(html.len());
    let mut spans: Vec<QuoteSpan> = Vec::new();
    // Indices into `spans` of the spans still open, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut rest = html.as_str();
    while let Some(at) = rest.find([MARK_OPEN, MARK_CLOSE]) {
        out.push_str(&rest[..at]);
        let marker = &rest[at..];
        if let Some(after) = marker.strip_prefix(MARK_OPEN) {
            let (digits, after) = after.split_once(MARK_OPEN_END).unwrap_or(("", after));
            open.push(spans.len());
            spans.push(QuoteSpan {
                quote: digits.parse().unwrap_or(u32::MAX),
                open: out.len(),
                close: usize::MAX,
            });
            rest = after;
        } else {
            if let Some(k) = open.pop() {
                spans[k].close = out.len();
            }
            rest = &marker[MARK_CLOSE.len_utf8()..];
        }
    }
    out.push_str(rest);
    spans.retain(|s| s.close != usize::MAX);
    (out, spans)
}

/// The elements and markers of `html`, in one pass.
fn read(html: &str) -> (Vec<Node<'_>>, Vec<Marker>) {
    let bytes = html.as_bytes();
    let mut nodes: Vec<Node> = Vec::new();
    let mut markers = Vec::new();
    let mut current = NONE;
    let mut i = 0;
    while let Some(step) = bytes[i..].iter().position(|&b| b == b'<' || b == 0xEE) {
        i += step;
        if bytes[i] == 0xEE {
            let c = html[i..].chars().next().expect("a char starts here");
            let len = match c {
                MARK_OPEN => html[i..]
                    .find(MARK_OPEN_END)
                    .map_or(c.len_utf8(), |e| e + MARK_OPEN_END.len_utf8()),
                MARK_CLOSE => c.len_utf8(),
                _ => {
                    i += c.len_utf8();
                    continue;
                }
            };
            markers.push(Marker {
                at: i,
                len,
                open: c == MARK_OPEN,
                node: current,
            });
            i += len;
            continue;
        }
        let rest = &html[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i += comment.find("-->").map_or(rest.len(), |e| 4 + e + 3);
            continue;
        }
        let Some(tag) = scan_tag(rest) else {
            i += 1;
            continue;
        };
        let tag_end = i + tag.len;
        if tag.closing {
            // Well-formed input: the end tag closes the current element.
            if current != NONE && nodes[current as usize].name.eq_ignore_ascii_case(tag.name) {
                nodes[current as usize].end = tag_end;
                current = nodes[current as usize].parent;
            }
        } else if !tag.self_closing && !is_void(tag.name) {
            let index = nodes.len() as u32;
            let (depth, parent_link) = match current {
                NONE => (0, NONE),
                p => (nodes[p as usize].depth + 1, nodes[p as usize].link),
            };
            let link = if parent_link == NONE && tag.name.eq_ignore_ascii_case("a") {
                index
            } else {
                parent_link
            };
            nodes.push(Node {
                name: tag.name,
                parent: current,
                depth,
                start: i,
                end: html.len(),
                link,
            });
            current = index;
        }
        i = tag_end;
    }
    (nodes, markers)
}

/// Where each marker goes: its byte position in the HTML (a marker is put
/// just before the byte there), or none when it is dropped.
fn targets(nodes: &[Node], markers: &[Marker]) -> Vec<Option<usize>> {
    let mut targets: Vec<Option<usize>> = vec![None; markers.len()];
    let mut open: Vec<usize> = Vec::new();
    for (k, marker) in markers.iter().enumerate() {
        if marker.open {
            open.push(k);
            continue;
        }
        let Some(o) = open.pop() else { continue };
        if let Some((from, to)) = placement(nodes, &markers[o], marker) {
            targets[o] = Some(from);
            targets[k] = Some(to);
        }
    }
    targets
}

/// Where the markers of one pair go so that both stand in one element and
/// outside any link.
fn placement(nodes: &[Node], open: &Marker, close: &Marker) -> Option<(usize, usize)> {
    let depth = |n: u32| {
        if n == NONE {
            0
        } else {
            nodes[n as usize].depth + 1
        }
    };
    let parent = |n: u32| nodes[n as usize].parent;
    let (mut a, mut b) = (open.node, close.node);
    // The children of the common element on each side, once known.
    let (mut below_a, mut below_b) = (NONE, NONE);
    let mut climbed = 0;
    while a != b {
        climbed += 1;
        if climbed > MAX_CLIMB {
            return None;
        }
        if depth(a) >= depth(b) {
            below_a = a;
            a = parent(a);
        } else {
            below_b = b;
            b = parent(b);
        }
    }
    let common = a;
    if common != NONE && nodes[common as usize].link != NONE {
        let link = &nodes[nodes[common as usize].link as usize];
        return Some((link.start, link.end));
    }
    let from = if below_a == NONE {
        open.at
    } else {
        nodes[below_a as usize].start
    };
    let to = if below_b == NONE {
        close.at
    } else {
        nodes[below_b as usize].end
    };
    Some((from, to))
}

/// `html` with every marker taken out and put back at its target.
fn rewrite(html: &str, markers: &[Marker], targets: &[Option<usize>]) -> String {
    // At one position: closing markers first, then opening ones, each in
    // their order in the text, so that pairs stay nested.
    let mut placed: Vec<(usize, bool, usize)> = markers
        .iter()
        .zip(targets)
        .enumerate()
        .filter_map(|(k, (m, t))| t.map(|t| (t, m.open, k)))
        .collect();
    placed.sort_unstable();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut skips = markers.iter().peekable();
    for (target, _, k) in placed {
        copy_until(html, &mut copied, target, &mut skips, &mut out);
        let m = &markers[k];
        out.push_str(&html[m.at..m.at + m.len]);
    }
    copy_until(html, &mut copied, html.len(), &mut skips, &mut out);
    out
}

/// Copy `html` from `copied` up to `until`, leaving out the markers.
fn copy_until<'m>(
    html: &str,
    copied: &mut usize,
    until: usize,
    skips: &mut std::iter::Peekable<impl Iterator<Item = &'m Marker>>,
    out: &mut String,
) {
    while let Some(m) = skips.peek() {
        if m.at >= until {
            break;
        }
        out.push_str(&html[*copied..m.at]);
        *copied = m.at + m.len;
        skips.next();
    }
    if *copied < until {
        out.push_str(&html[*copied..until]);
        *copied = until;
    }
}

struct ScannedTag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    len: usize,
}

/// The tag at the start of `s` (which starts with `<`): its name, whether
/// it closes or closes itself, and its length; quoted attribute values are
/// skipped whole.
fn scan_tag(s: &str) -> Option<ScannedTag<'_>> {
    let bytes = s.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let mut i = name_start + name_len;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (None, b'>') => {
                return Some(ScannedTag {
                    name: &s[name_start..name_start + name_len],
                    closing,
                    self_closing: bytes[i - 1] == b'/',
                    len: i + 1,
                });
            }
            (None, _) => {}
        }
        i += 1;
    }
    None
}

fn is_void(name: &str) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &str) -> String {
        s.replace('[', "\u{E000}0\u{E001}").replace(']', "\u{E002}")
    }

    fn shown(s: &str) -> String {
        s.replace("\u{E000}0\u{E001}", "[").replace('\u{E002}', "]")
    }

    fn balanced(html: &str) -> String {
        shown(&balance_markers(&marked(html)))
    }

    #[test]
    fn spans_are_taken_out_with_their_offsets() {
        let (html, spans) = take_spans(marked("<p>a [b] c [[d]]</p> [e"));
        assert_eq!(html, "<p>a b c d</p> e");
        let at = |quote, open, close| QuoteSpan { quote, open, close };
        assert_eq!(spans, [at(0, 5, 6), at(0, 9, 10), at(0, 9, 10)]);
        let (html, spans) = take_spans("\u{E000}12\u{E001}x\u{E002}".to_string());
        assert_eq!((html.as_str(), spans), ("x", vec![at(12, 0, 1)]));
    }

    #[test]
    fn pairs_in_one_element_stay() {
        let html = marked("<p>He said [“one <em>two</em> three”] today.</p>");
        assert!(matches!(balance_markers(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn a_pair_crossing_an_element_covers_it() {
        assert_eq!(
            balanced("<p>He said <em>[“We</em> go.”] Then</p>"),
            "<p>He said [<em>“We</em> go.”] Then</p>"
        );
        assert_eq!(
            balanced("<p>[“We <strong>go.”] now</strong> x</p>"),
            "<p>[“We <strong>go.” now</strong>] x</p>"
        );
        assert_eq!(
            balanced("<p><em>a [“b</em> c <b>d”] e</b></p>"),
            "<p>[<em>a “b</em> c <b>d” e</b>]</p>"
        );
    }

    #[test]
    fn a_pair_in_a_link_goes_around_it() {
        assert_eq!(
            balanced("<p>See <a href=\"x\">[“the words”]</a>.</p>"),
            "<p>See [<a href=\"x\">“the words”</a>].</p>"
        );
        assert_eq!(
            balanced("<p><a href=\"x\" title=\"a > b\">[“in</a> out”]</p>"),
            "<p>[<a href=\"x\" title=\"a > b\">“in</a> out”]</p>"
        );
    }
}
