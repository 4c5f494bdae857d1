//! Just enough XML writing for feeds and sitemaps: escaped text and
//! attributes, with the characters XML 1.0 forbids left out (pasted articles
//! can carry control characters, and one would make a whole feed unreadable).

/// Append `text` escaped for element content or a double-quoted attribute.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// XML 1.0's `Char` production.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `<name>text</name>` on a line of its own.
pub fn element(out: &mut String, indent: &str, name: &str, text: &str) {
    out.push_str(indent);
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a<b> & \"c\" 'd'\u{0}\u{1b}\u{FFFE}é"),
            "a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;é"
        );
    }
}
