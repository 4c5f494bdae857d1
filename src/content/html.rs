//! Reading the HTML dossier renders itself (pulldown-cmark, then ammonia
//! where an article had raw HTML): well-formed tags with their attribute
//! values in quotes, and text that holds only the few character references
//! an HTML writer emits. Printing rewrites bodies with it, plain text is read
//! out of them with it, and the link checker reads every page's links and ids
//! with it. (lol_html was measured for these at 10,000 articles: 2.3 to 2.8
//! times slower over the rendered pages, and it reads `<noscript>` as raw
//! text, so links there go unchecked; see issue 15.)

use std::borrow::Cow;

/// One start or end tag.
pub struct Tag<'a> {
    pub name: &'a str,
    pub closing: bool,
    pub self_closing: bool,
    /// Attribute names and raw (still escaped) values, in order; a value
    /// written in single quotes has its `"` escaped, so that every value can
    /// be written back in double quotes.
    pub attrs: Vec<(&'a str, Option<Cow<'a, str>>)>,
    /// Bytes of the tag in the input.
    pub len: usize,
}

impl<'a> Tag<'a> {
    /// The tag at the start of `s` (which starts with `<`), or none when
    /// this `<` does not open a tag.
    pub fn parse(s: &'a str) -> Option<Tag<'a>> {
        let bytes = s.as_bytes();
        let mut i = 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
            return None;
        }
        let name = &s[name_start..i];
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i)? {
                b'>' => {
                    i += 1;
                    break;
                }
                b'/' => {
                    self_closing = true;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let attr_start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            if i == attr_start {
                // A stray character such as `"`: skip it.
                i += 1;
                continue;
            }
            let attr = &s[attr_start..i];
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') {
                attrs.push((attr, None));
                continue;
            }
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = match bytes.get(i)? {
                &q @ (b'"' | b'\'') => {
                    let end = i + 1 + s[i + 1..].find(q as char)?;
                    let raw = &s[i + 1..end];
                    i = end + 1;
                    if q == b'\'' && raw.contains('"') {
                        Cow::Owned(raw.replace('"', "&quot;"))
                    } else {
                        Cow::Borrowed(raw)
                    }
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    let raw = &s[start..i];
                    if raw.contains('"') {
                        Cow::Owned(raw.replace('"', "&quot;"))
                    } else {
                        Cow::Borrowed(raw)
                    }
                }
            };
            self_closing = false;
            attrs.push((attr, Some(value)));
        }
        Some(Tag {
            name,
            closing,
            self_closing,
            attrs,
            len: i,
        })
    }

    /// The raw value of attribute `name` (any case).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.as_deref())
    }
}

/// Call `f` for every start and end tag of `html`, in order. Comments and
/// the contents of `script` and `style` are passed over; a `<` that opens no
/// tag is text. The link checker reads every rendered page with it.
pub fn for_each_tag<'a>(html: &'a str, mut f: impl FnMut(&Tag<'a>)) {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        f(&tag);
        if !tag.closing
            && ["script", "style"]
                .iter()
                .any(|r| tag.name.eq_ignore_ascii_case(r))
        {
            // Raw text up to its end tag, which may be written in any case.
            let close = format!("</{}", tag.name);
            rest = rest
                .as_bytes()
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
                .map_or("", |end| &rest[end..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_outside_comments_and_scripts() {
        let html = "<p id=a>x < y<!-- <a href=no> --><SCRIPT>if (a<b) '<a href=no>'</script><a href='yes'>z</a>";
        let mut seen = Vec::new();
        for_each_tag(html, |t| {
            seen.push(format!("{}{}", if t.closing { "/" } else { "" }, t.name))
        });
        assert_eq!(seen, ["p", "SCRIPT", "/script", "a", "/a"]);
    }

    #[test]
    fn tags_and_attributes() {
        let tag = Tag::parse("<IMG alt='a \"map\"' src=x.png />rest").unwrap();
        assert_eq!(tag.name, "IMG");
        assert!(!tag.closing && tag.self_closing);
        assert_eq!(tag.attr("ALT"), Some("a &quot;map&quot;"));
        assert_eq!(tag.attr("src"), Some("x.png"));
        assert_eq!(&"<IMG alt='a \"map\"' src=x.png />rest"[tag.len..], "rest");
        let close = Tag::parse("</p>").unwrap();
        assert!(close.closing && close.name == "p");
        assert!(Tag::parse("< p>").is_none());
        assert!(Tag::parse("<!-- x -->").is_none());
    }
}
