//! An article's plain text, read back from its rendered body.
//!
//! The site keeps each body once, as HTML. Search and the data files want
//! the words without markup; keeping a plain-text copy beside every body
//! would hold the site's text twice (about 450 MB at 100,000 articles), so
//! the text is read out of the HTML when it is needed, a batch at a time.
//!
//! The reading matches what extraction saw: the text of paragraphs and list
//! items, in order, one blank line between them; soft and hard breaks are
//! spaces; image descriptions are text; headings, code blocks, footnote
//! numbers and the commentary label are not; quotation markers are dropped.

use super::html::Tag;
use crate::text::char_reference;

/// Elements whose content is not part of the plain text.
fn skipped(tag: &Tag, name: &str) -> bool {
    match name {
        "pre" | "script" | "style" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => true,
        "sup" => tag.attr("class") == Some("footnote-reference"),
        "p" => tag.attr("class") == Some("commentary-label"),
        _ => false,
    }
}

/// The paragraphs of `html` (a body made by `content::markdown` or
/// `content::plain`) as plain text, joined by blank lines.
pub fn plain_text(html: &str) -> String {
    let mut reader = Reader {
        out: String::with_capacity(html.len()),
        paragraph: String::new(),
        open: false,
        paragraphs: 0,
        skip: None,
    };
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        reader.text(&rest[..at]);
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        match Tag::parse(rest) {
            Some(tag) => {
                rest = &rest[tag.len..];
                reader.tag(&tag);
            }
            None => {
                // A lone `<` (never made by dossier's renderers): text.
                reader.text("<");
                rest = &rest[1..];
            }
        }
    }
    reader.text(rest);
    reader.flush();
    reader.out
}

struct Reader {
    out: String,
    /// The paragraph being read, `\n` kept until it ends.
    paragraph: String,
    open: bool,
    paragraphs: usize,
    /// Inside a skipped element: its name and how deep it nests in itself.
    skip: Option<(String, usize)>,
}

impl Reader {
    fn text(&mut self, text: &str) {
        if self.open && self.skip.is_none() {
            decode_into(text, &mut self.paragraph);
        }
    }

    fn flush(&mut self) {
        if !self.open {
            return;
        }
        self.open = false;
        if self.paragraphs > 0 {
            self.out.push_str("\n\n");
        }
        self.paragraphs += 1;
        // The writer's own line ends (before a nested list, after a break)
        // are not the author's; inside a paragraph they were breaks.
        let paragraph = self.paragraph.trim_matches('\n');
        for (i, line) in paragraph.split('\n').enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.out.push_str(line);
        }
        self.paragraph.clear();
    }

    fn tag(&mut self, tag: &Tag) {
        let lowered;
        let name = if tag.name.bytes().any(|b| b.is_ascii_uppercase()) {
            lowered = tag.name.to_ascii_lowercase();
            lowered.as_str()
        } else {
            tag.name
        };
        if let Some((skipping, depth)) = &mut self.skip {
            if skipping == name {
                if tag.closing {
                    *depth -= 1;
                } else if !tag.self_closing {
                    *depth += 1;
                }
                if *depth == 0 {
                    self.skip = None;
                }
            }
            return;
        }
        if tag.closing {
            if name == "p" || name == "li" {
                self.flush();
            }
            return;
        }
        if skipped(tag, name) {
            self.skip = Some((name.to_string(), 1));
            return;
        }
        match name {
            "p" | "li" => {
                self.flush();
                self.open = true;
            }
            "img" if self.open => {
                if let Some(alt) = tag.attr("alt") {
                    decode_into(alt, &mut self.paragraph);
                }
            }
            _ => {}
        }
    }
}

/// Append `text` with character references decoded.
fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match char_reference(rest) {
            Some((decoded, len)) => {
                out.push(decoded);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown::{Document, Mark};

    /// What extraction read, against what is read back from the HTML.
    fn round_trip(md: &str, marks: &[Mark]) -> (String, String) {
        let doc = Document::parse(md);
        let read = doc.paragraphs().join("\n\n");
        (read, plain_text(&doc.render(marks).html))
    }

    #[test]
    fn markdown_reads_back_as_extraction_read_it() {
        let md = "# Head\n\nSaid *he*: \"We `x` go & 1 < 2.\"\nNext line.  \nHard break.\n\n\
                  - one\n- two\n  - nested\n\n> Quoted **words**.\n\n\
                  ```rust\nfn main() {}\n```\n\n\
                  Text[^1] with ![a *map*](m.png \"t\") and [a link](https://x.org/?a=1&b=2).\n\n\
                  [^1]: The note.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                  ```comment\nEditor's *view*.\n```\n\n1. first\n2. second\n";
        let (read, back) = round_trip(md, &[]);
        assert_eq!(back, read);
        assert!(
            back.contains("Said he: “We x go & 1 < 2.” Next line. Hard break."),
            "{back:?}"
        );
        assert!(!back.contains("Head"), "{back}");
    }

    #[test]
    fn quotation_markers_are_left_out() {
        let md = "He said \"one *two* three\" today.";
        let doc = Document::parse(md);
        let p = doc.paragraphs()[0].clone();
        let start = p.find('“').unwrap();
        let end = p.find('”').unwrap() + '”'.len_utf8();
        let (read, back) = round_trip(
            md,
            &[Mark {
                paragraph: 0,
                start,
                end,
                quote: 12,
            }],
        );
        assert_eq!(back, read);
    }

    #[test]
    fn sanitised_raw_html_reads_as_its_text() {
        let (read, back) = round_trip(
            "Hi <b onclick=\"x()\">bold</b> &amp; <i title='a>b'>it</i>\u{a0}x\n\n<script>alert(1)</script>\n",
            &[],
        );
        assert_eq!(back, read);
        assert_eq!(back, "Hi bold & it\u{a0}x");
    }

    #[test]
    fn plain_bodies_read_back_too() {
        let doc = crate::content::plain::Document::parse("One <b>&amp;</b>\n\nTwo  words\n");
        let read = doc.paragraphs().join("\n\n");
        assert_eq!(plain_text(&doc.render(&[]).html), read);
    }

    #[test]
    fn references_decode() {
        let mut out = String::new();
        decode_into("a &lt;b&gt; &#39;c&#x27; &bogus; & d", &mut out);
        assert_eq!(out, "a <b> 'c' &bogus; & d");
    }
}

#[cfg(test)]
mod seeds {
    use std::path::Path;

    use super::plain_text;
    use crate::config::Config;
    use crate::extract::Extractor;

    /// The example site's five real articles, quotation marks and all.
    #[test]
    fn the_seeds_read_back_as_extraction_read_them() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = Config::load(root).expect("the example site loads");
        let extractor = Extractor::new(&config.site);
        let (files, _) = crate::content::discover(root);
        assert_eq!(files.len(), 5);
        for file in &files {
            let loaded = crate::content::load(root, file, config.timezone).expect("a seed loads");
            let document = loaded.document();
            let read = document.paragraphs().join("\n\n");
            let (_, marks) = extractor.analyse(&document.prose());
            assert!(!marks.is_empty(), "{}", file.path.display());
            let body = document.render(&marks);
            assert_eq!(plain_text(&body.html), read, "{}", file.path.display());
        }
    }
}
