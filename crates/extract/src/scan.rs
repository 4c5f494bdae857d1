//! The quotation scanner: a small state machine over the marks of each paragraph.
//!
//! Each candidate mark is classified by what stands on either side of it (like CommonMark's
//! flanking rules) into "can open" and/or "can close"; apostrophes (`Let’s`, `it'll`) are
//! dropped there. A stack pairs the marks, so nested quotes of the same kind work
//! (`“… “Let’s Make a Deal” …”`). Single marks only pair with single marks and an unclosed
//! single mark is forgotten at the paragraph end (it was an apostrophe: `terrorists'`,
//! `’90s`). An unclosed double mark continues into the next paragraph when that paragraph
//! opens with a mark (the news convention for long quotations); otherwise it ends at its
//! paragraph's end, so an unbalanced mark never swallows the rest of the article.

use crate::Span;
use crate::text::{char_at, char_before};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkKind {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    pub pos: usize,
    pub len: usize,
    pub kind: MarkKind,
    pub open: bool,
    pub close: bool,
}

/// A quotation found by the scanner, before classification and attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Per paragraph: the span including the marks.
    pub spans: Vec<Span>,
    /// Per paragraph: the byte range of the wording inside the marks.
    pub inner: Vec<Span>,
    /// False when the closing mark was missing and the quote was cut at a paragraph end.
    pub closed: bool,
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '`'
    ) || is_other_language_mark(c)
}

/// The marks of other languages beyond `«»` and `„`: `‹›` (French, Russian), `‚` (German,
/// Czech, closed by `‘`), and the CJK corner brackets `「」『』`.
fn is_other_language_mark(c: char) -> bool {
    matches!(c, '‹' | '›' | '‚' | '「' | '」' | '『' | '』')
}

fn is_open_ctx(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/') || is_quote_char(c)
}

fn is_close_ctx(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/'
    ) || is_quote_char(c)
}

/// Every quotation mark of a paragraph with what it can do. Apostrophes are left out.
pub(crate) fn marks(p: &str) -> Vec<Mark> {
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast skip: every mark starts with one of these bytes.
        if !matches!(b, b'"' | b'\'' | b'`' | 0xE2 | 0xC2 | 0xE3) {
            i += 1;
            continue;
        }
        let (kind, len, class) = match b {
            b'"' => (MarkKind::Double, 1, 'd'),
            // ''' closing a quotation within a quotation: the inner ' closes first
            // (''We are told, 'It is special,''' he said.)
            b'\''
                if bytes.get(i + 1) == Some(&b'\'')
                    && bytes.get(i + 2) == Some(&b'\'')
                    && !char_before(p, i).is_none_or(char::is_whitespace) =>
            {
                (MarkKind::Single, 1, 's')
            }
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => (MarkKind::Double, 2, 'd'),
            b'\'' => (MarkKind::Single, 1, 's'),
            b'`' if bytes.get(i + 1) == Some(&b'`') => (MarkKind::Double, 2, 'o'),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) => (MarkKind::Double, 3, '('), // “
                Some(0x9D) => (MarkKind::Double, 3, ')'), // ”
                Some(0x9E) => (MarkKind::Double, 3, 'o'), // „
                Some(0x98) => (MarkKind::Single, 3, '['), // ‘
                Some(0x99) => (MarkKind::Single, 3, 's'), // ’
                Some(0x9A) => (MarkKind::Single, 3, 'o'), // ‚ (German, Czech)
                Some(0xB9) => (MarkKind::Single, 3, 'g'), // ‹
                Some(0xBA) => (MarkKind::Single, 3, 'G'), // ›
                _ => {
                    i += 1;
                    continue;
                }
            },
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => (MarkKind::Double, 2, 'g'), // «
                Some(0xBB) => (MarkKind::Double, 2, 'G'), // »
                _ => {
                    i += 1;
                    continue;
                }
            },
            // CJK corner brackets: 「」 and, inside them, 『』
            0xE3 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x8C | 0x8E) => (MarkKind::Double, 3, '<'),
                Some(0x8D | 0x8F) => (MarkKind::Double, 3, '>'),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let prev = char_before(p, i);
        let next = char_at(p, i + len);
        let pw = prev.is_none_or(char::is_whitespace);
        let po = prev.is_some_and(is_open_ctx);
        let nw = next.is_none_or(char::is_whitespace);
        let np = next.is_some_and(is_close_ctx);
        let pa = prev.is_some_and(char::is_alphanumeric);
        let na = next.is_some_and(char::is_alphanumeric);
        let left = !nw && (pw || po);
        let right = !pw && (nw || np);
        let (open, close) = match class {
            // straight marks: by flanking; between two words either (the stack decides)
            'd' => {
                if !left && !right && !pw && !nw {
                    (true, true)
                } else if pw && nw && closes_after_inner_single(p, i) {
                    // `… like, 'this is important,' " Roe said`: set apart from the
                    // single mark it closes after
                    (false, true)
                } else {
                    (left, right)
                }
            }
            // “ opens, unless it clearly stands at a word's end
            '(' => {
                if right && !left && !po {
                    (false, true)
                } else {
                    (true, false)
                }
            }
            // ” closes, unless it clearly stands at a word's start
            ')' => {
                if left && !right {
                    (true, false)
                } else {
                    (false, true)
                }
            }
            'o' => (!nw, false),
            // « and ‹ open (French and Russian, also with a space inside: `« Q »`), unless
            // they clearly close after a word (Danish `»Q«`)
            'g' => {
                if right && !po {
                    (false, true)
                } else {
                    (true, false)
                }
            }
            // » and › close, unless they stand before a word after a space (Danish `»Q«`)
            'G' => {
                if (pw || po) && next.is_some_and(char::is_alphanumeric) {
                    (true, false)
                } else {
                    (false, true)
                }
            }
            // CJK brackets have one direction each, with no spaces around them to judge by
            '<' => (true, false),
            '>' => (false, true),
            // ‘ opens a single quotation, unless it clearly closes one after a word (the
            // German `‚Q‘`)
            '[' => {
                if right && !left && !po {
                    (false, true)
                } else {
                    (!nw, false)
                }
            }
            // ' and ’: an apostrophe between letters, else by flanking
            _ => {
                if pa && na {
                    i += len;
                    continue;
                }
                (left, right)
            }
        };
        if open || close {
            out.push(Mark {
                pos: i,
                len,
                kind,
                open,
                close,
            });
        }
        i += len;
    }
    out
}

/// True when the straight double mark at byte `i` stands after one space that follows a
/// closing single mark: `,' "`.
fn closes_after_inner_single(p: &str, i: usize) -> bool {
    let before = &p[..i];
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let Some(inner) = rest.strip_suffix('\'').or_else(|| rest.strip_suffix('’')) else {
        return false;
    };
    inner.ends_with(['.', ',', '?', '!'])
}

#[derive(Debug, Clone, Copy)]
struct Open {
    pos: usize,
    len: usize,
    kind: MarkKind,
    /// Index of the multi-paragraph builder this open mark continues.
    continued: Option<usize>,
}

/// One candidate range in a paragraph, tied to the builder of its quotation.
struct Cand {
    start: usize,
    end: usize,
    builder: usize,
}

/// `'They talk about the dockers' future as if it were theirs,' she said`: a single mark after
/// an `s` and before a lower-case word is a plural possessive, not the closing mark, when the
/// next single mark of the paragraph that is no such possessive itself closes: possessives
/// may come in a row (`'Workers' rights and growers' profits are at stake,' he said`).
fn possessive_before_close(p: &str, ms: &[Mark], i: usize) -> bool {
    let plural_possessive = |m: &Mark| {
        m.kind == MarkKind::Single
            && matches!(char_before(p, m.pos), Some('s' | 'S'))
            && char_at(p, m.pos + m.len) == Some(' ')
            && char_at(p, m.pos + m.len + 1).is_some_and(char::is_lowercase)
    };
    if !plural_possessive(&ms[i]) {
        return false;
    }
    // bounded: a paragraph of many marks must not make this quadratic
    ms[i + 1..]
        .iter()
        .take(64)
        .find(|n| n.kind == MarkKind::Single && !plural_possessive(n))
        .is_some_and(|n| n.close && !n.open)
}

fn trimmed_end(p: &str) -> usize {
    p.trim_end().len()
}

/// Scans all paragraphs of an article and returns the outermost quotations in order.
pub(crate) fn scan(paragraphs: &[&str]) -> Vec<RawQuote> {
    let all_marks: Vec<Vec<Mark>> = paragraphs.iter().map(|p| marks(p)).collect();
    let mut builders: Vec<RawQuote> = Vec::new();
    let mut keep: Vec<bool> = Vec::new();
    // Builder carried into the next paragraph by an unclosed double mark.
    let mut carry: Option<usize> = None;

    for (pi, p) in paragraphs.iter().enumerate() {
        let ms = &all_marks[pi];
        let mut stack: Vec<Open> = Vec::new();
        // Number of double marks on the stack (kept so each mark costs O(1)).
        let mut doubles = 0usize;
        let mut cands: Vec<Cand> = Vec::new();
        let mut first = 0;
        if let Some(b) = carry.take() {
            // The paragraph was checked to open with a double mark: that mark continues `b`.
            let m = ms[0];
            stack.push(Open {
                pos: m.pos,
                len: m.len,
                kind: MarkKind::Double,
                continued: Some(b),
            });
            doubles += 1;
            first = 1;
        }
        for (mi, m) in ms.iter().enumerate().skip(first) {
            match m.kind {
                MarkKind::Double => {
                    if m.close && doubles > 0 {
                        // Close the innermost double; unclosed singles above it were apostrophes.
                        while let Some(o) = stack.pop() {
                            if o.kind == MarkKind::Double {
                                doubles -= 1;
                                let span = Span {
                                    paragraph: pi,
                                    start: o.pos,
                                    end: m.pos + m.len,
                                };
                                let inner = Span {
                                    paragraph: pi,
                                    start: o.pos + o.len,
                                    end: m.pos,
                                };
                                let b = match o.continued {
                                    Some(b) => {
                                        builders[b].spans.push(span);
                                        builders[b].inner.push(inner);
                                        builders[b].closed = true;
                                        b
                                    }
                                    None => {
                                        builders.push(RawQuote {
                                            spans: vec![span],
                                            inner: vec![inner],
                                            closed: true,
                                        });
                                        keep.push(true);
                                        builders.len() - 1
                                    }
                                };
                                cands.push(Cand {
                                    start: span.start,
                                    end: span.end,
                                    builder: b,
                                });
                                break;
                            }
                        }
                    } else if m.open {
                        stack.push(Open {
                            pos: m.pos,
                            len: m.len,
                            kind: MarkKind::Double,
                            continued: None,
                        });
                        doubles += 1;
                    }
                }
                MarkKind::Single => {
                    let top_single = stack.last().is_some_and(|o| o.kind == MarkKind::Single);
                    if m.close && top_single && !possessive_before_close(p, ms, mi) {
                        let o = stack.pop().expect("top exists");
                        builders.push(RawQuote {
                            spans: vec![Span {
                                paragraph: pi,
                                start: o.pos,
                                end: m.pos + m.len,
                            }],
                            inner: vec![Span {
                                paragraph: pi,
                                start: o.pos + o.len,
                                end: m.pos,
                            }],
                            closed: true,
                        });
                        keep.push(true);
                        cands.push(Cand {
                            start: o.pos,
                            end: m.pos + m.len,
                            builder: builders.len() - 1,
                        });
                    } else if m.open {
                        stack.push(Open {
                            pos: m.pos,
                            len: m.len,
                            kind: MarkKind::Single,
                            continued: None,
                        });
                    }
                }
            }
        }
        // Paragraph end: forget single marks; the outermost unclosed double either continues
        // into the next paragraph or ends here.
        if let Some(o) = stack.into_iter().find(|o| o.kind == MarkKind::Double) {
            let end = trimmed_end(p).max(o.pos + o.len);
            let span = Span {
                paragraph: pi,
                start: o.pos,
                end,
            };
            let inner = Span {
                paragraph: pi,
                start: o.pos + o.len,
                end,
            };
            let b = match o.continued {
                Some(b) => {
                    builders[b].spans.push(span);
                    builders[b].inner.push(inner);
                    b
                }
                None => {
                    builders.push(RawQuote {
                        spans: vec![span],
                        inner: vec![inner],
                        closed: false,
                    });
                    keep.push(true);
                    builders.len() - 1
                }
            };
            cands.push(Cand {
                start: span.start,
                end: span.end,
                builder: b,
            });
            let continues = all_marks
                .get(pi + 1)
                .and_then(|n| n.first())
                .is_some_and(|m| {
                    m.kind == MarkKind::Double
                        && m.open
                        && paragraphs[pi + 1][..m.pos].trim().is_empty()
                });
            if continues {
                carry = Some(b);
            } else {
                builders[b].closed = false;
            }
        }
        // Only the outermost quotations of the paragraph survive.
        cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut reach = 0;
        let mut any = false;
        for c in &cands {
            if any && c.end <= reach {
                keep[c.builder] = false;
            } else {
                reach = c.end;
                any = true;
            }
        }
    }

    let mut out: Vec<RawQuote> = builders
        .into_iter()
        .zip(keep)
        .filter_map(|(b, k)| k.then_some(b))
        .filter(|b| {
            b.inner
                .iter()
                .any(|s| !paragraphs[s.paragraph][s.start..s.end].trim().is_empty())
        })
        .collect();
    out.sort_by_key(|q| (q.spans[0].paragraph, q.spans[0].start));
    out
}

/// The wording of a quotation: inner texts trimmed and joined with a space, without
/// trailing commas, colons or semicolons.
pub(crate) fn wording(paragraphs: &[&str], q: &RawQuote) -> String {
    let mut s = String::new();
    for sp in &q.inner {
        let t = paragraphs[sp.paragraph][sp.start..sp.end].trim();
        if t.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(t);
    }
    let t = s.trim_end_matches(|c: char| matches!(c, ',' | ';' | ':') || c.is_whitespace());
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(ps: &[&str]) -> Vec<String> {
        scan(ps).iter().map(|q| wording(ps, q)).collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            texts(&["\"We are close,\" Kerry said."]),
            vec!["We are close"]
        );
        assert_eq!(
            texts(&["“We are close,” Kerry said."]),
            vec!["We are close"]
        );
        assert_eq!(
            texts(&["«Nous sommes prêts», a-t-il dit."]),
            vec!["Nous sommes prêts"]
        );
    }

    #[test]
    fn marks_of_other_languages() {
        // French and Russian guillemets, with or without the French spaces inside
        assert_eq!(
            texts(&["« Nous sommes prêts », a-t-il dit."]),
            vec!["Nous sommes prêts"]
        );
        assert_eq!(
            texts(&["Лавров заявил: «Мы готовы к переговорам»."]),
            vec!["Мы готовы к переговорам"]
        );
        assert_eq!(
            texts(&["Il a parlé d’un ‹ accord › puis de «la paix»."]),
            vec!["accord", "la paix"]
        );
        // German low-high marks, double and single, nested
        assert_eq!(
            texts(&["„Wir sind bereit“, sagte Merkel, „und ‚sofort‘ dazu.“"]),
            vec!["Wir sind bereit", "und ‚sofort‘ dazu."]
        );
        assert_eq!(
            texts(&["Er sprach von einer ‚Wende‘ in der Politik."]),
            vec!["Wende"]
        );
        // Danish reversed guillemets
        assert_eq!(
            texts(&["»Vi er klar«, sagde hun, og ›alle‹ nikkede."]),
            vec!["Vi er klar", "alle"]
        );
        // CJK corner brackets, the inner pair kept inside the outer quotation
        assert_eq!(
            texts(&["外相は「交渉の準備ができている『今すぐに』」と述べた。"]),
            vec!["交渉の準備ができている『今すぐに』"]
        );
        assert_eq!(texts(&["他说：「我们准备好了。」"]), vec!["我们准备好了。"]);
    }

    #[test]
    fn spans_include_marks() {
        let p = "He said “common ground” today.";
        let q = &scan(&[p])[0];
        assert_eq!(&p[q.spans[0].start..q.spans[0].end], "“common ground”");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            texts(&["Let’s see Russia’s plan, the terrorists' base, it'll be fine, ’90s music"])
                .is_empty()
        );
        assert_eq!(
            texts(&["It's the workers' money, 'they said' today."]),
            vec!["they said"]
        );
    }

    #[test]
    fn single_quotes_as_quotes() {
        assert_eq!(
            texts(&["the US line on 'barrel bombs' and 'caution' too"]),
            vec!["barrel bombs", "caution"]
        );
        assert_eq!(
            texts(&["He said: ‘We will never abandon them.’"]),
            vec!["We will never abandon them."]
        );
    }

    #[test]
    fn nested_same_kind() {
        assert_eq!(
            texts(&["“We are not playing “Let’s Make a Deal” here”, the official said."]),
            vec!["We are not playing “Let’s Make a Deal” here"]
        );
        assert_eq!(
            texts(&["a “revision” in US policy “dividing terrorists into “bad” and “good” ones”."]),
            vec!["revision", "dividing terrorists into “bad” and “good” ones"]
        );
        assert_eq!(
            texts(&["\"They call it a \"reform\" but it is a tax,\" she said."]),
            vec!["They call it a \"reform\" but it is a tax"]
        );
    }

    #[test]
    fn multi_paragraph() {
        let ps = [
            "“The first phase is done. We hired inspectors.",
            "“The second phase starts soon,” she said.",
            "Next.",
        ];
        let qs = scan(&ps);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].spans.len(), 2);
        assert!(qs[0].closed);
        assert_eq!(
            wording(&ps, &qs[0]),
            "The first phase is done. We hired inspectors. The second phase starts soon"
        );
        assert_eq!(
            qs[0].spans[0],
            Span {
                paragraph: 0,
                start: 0,
                end: ps[0].len()
            }
        );
    }

    #[test]
    fn three_paragraphs_straight() {
        let ps = [
            "\"One two three.",
            "\"Four five six.",
            "\"Seven,\" he said.",
        ];
        let qs = scan(&ps);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].spans.len(), 3);
    }

    #[test]
    fn double_single_convention() {
        assert_eq!(
            texts(&["''We have done everything,'' Brecht said."]),
            vec!["We have done everything"]
        );
        assert_eq!(
            texts(&["``We have done it,'' he said."]),
            vec!["We have done it"]
        );
        // a quotation within, closed at the same place: the inner mark closes first
        assert_eq!(
            texts(&["''We hear it all the time, 'This case is special,''' Vale said."]),
            vec!["We hear it all the time, 'This case is special,'"]
        );
    }

    #[test]
    fn unbalanced_stays_in_paragraph() {
        let ps = [
            "Voss said the plan was \"dead on arrival and everyone knows it.",
            "Markets rose.",
            "\"Prices will settle,\" she said.",
        ];
        let qs = scan(&ps);
        assert_eq!(qs.len(), 2);
        assert!(!qs[0].closed);
        assert_eq!(qs[0].spans[0].paragraph, 0);
        assert_eq!(wording(&ps, &qs[1]), "Prices will settle");
        // a stray closing mark is ignored
        assert_eq!(
            texts(&["The figures” were revised. “The new numbers are better,” she added."]),
            vec!["The new numbers are better"]
        );
    }

    #[test]
    fn quote_inside_single_apostrophe_region() {
        // the '90s opening is never closed: the double quote inside still counts
        assert_eq!(
            texts(&["In the '90s he said \"we were young then\" and left."]),
            vec!["we were young then"]
        );
    }

    #[test]
    fn plural_possessive_inside_single_quotes() {
        assert_eq!(
            texts(&[
                "'They talk about the dockers' future as if it were theirs to spend,' she said."
            ]),
            vec!["They talk about the dockers' future as if it were theirs to spend"]
        );
        // two quotations, each closing after an s
        assert_eq!(
            texts(&["He said 'the workers' and then 'the bosses' in turn."]),
            vec!["the workers", "the bosses"]
        );
        // possessives in a row, curly marks
        assert_eq!(
            texts(&["‘Tenants’ savings and landlords’ margins both shrink,’ she said."]),
            vec!["Tenants’ savings and landlords’ margins both shrink"]
        );
    }

    #[test]
    fn double_mark_after_a_space_closes_a_nested_single() {
        let t = texts(&["\"They ask, 'Is this the plan?' \" Roe said. \"Not now.\""]);
        assert_eq!(t, ["They ask, 'Is this the plan?'", "Not now."]);
    }

    #[test]
    fn inches_and_empty() {
        assert!(texts(&["He is 6'2\" tall."]).is_empty());
        assert!(texts(&["\"\" and “ ”"]).is_empty());
        assert!(texts(&[""]).is_empty());
    }
}
