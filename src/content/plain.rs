//! Plain-text bodies (`.txt`): the first line is the title, every other
//! non-empty line a paragraph. Nothing in them is markup.

use super::markdown::{Mark, insert_markers};
use super::marks::{MARK_CLOSE, MARK_OPEN, MARK_OPEN_END};

pub struct Document {
    paragraphs: Vec<String>,
}

/// The title line and the rest of the text.
pub fn split_title(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    match text.split_once('\n') {
        Some((title, rest)) => (title.trim(), rest),
        None => (text.trim(), ""),
    }
}

impl Document {
    pub fn parse(body: &str) -> Document {
        let paragraphs = body
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        Document { paragraphs }
    }

    pub fn paragraphs(&self) -> &[String] {
        &self.paragraphs
    }

    /// The HTML of the paragraphs, and where each of `marks` stands in it.
    pub fn render(self, marks: &[Mark]) -> super::Body {
        super::Body::from_marked(self.render_marked(marks))
    }

    /// The HTML with the quotation markers of `content::marks` in it.
    fn render_marked(self, marks: &[Mark]) -> String {
        let mut html = String::with_capacity(self.paragraphs.iter().map(|p| p.len() + 8).sum());
        // Each paragraph's marks, found in one pass over them all.
        let mut by_paragraph: Vec<Vec<(usize, String)>> = vec![Vec::new(); self.paragraphs.len()];
        for m in marks {
            if let Some(inserts) = by_paragraph.get_mut(m.paragraph) {
                inserts.push((m.start, format!("{MARK_OPEN}{}{MARK_OPEN_END}", m.quote)));
                inserts.push((m.end, MARK_CLOSE.to_string()));
            }
        }
        for (paragraph, mut inserts) in self.paragraphs.iter().zip(by_paragraph) {
            let marked = if inserts.is_empty() {
                std::borrow::Cow::Borrowed(paragraph.as_str())
            } else {
                std::borrow::Cow::Owned(insert_markers(paragraph, &mut inserts))
            };
            html.push_str("<p>");
            pulldown_cmark_escape::escape_html_body_text(&mut html, &marked)
                .expect("writing to a String cannot fail");
            html.push_str("</p>\n");
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_paragraphs_and_nothing_is_markup() {
        let doc = Document::parse("\nOne *not em* <b>x</b>\n\nTwo\nThree\n");
        assert_eq!(doc.paragraphs(), &["One *not em* <b>x</b>", "Two", "Three"]);
        let html = doc.render(&[]).html;
        assert!(
            html.contains("<p>One *not em* &lt;b&gt;x&lt;/b&gt;</p>"),
            "{html}"
        );
    }

    #[test]
    fn title_is_the_first_line() {
        assert_eq!(
            split_title("\nTitle here\n\nBody\n"),
            ("Title here", "\nBody\n")
        );
    }
}
