//! Writing the content file: YAML front matter that any YAML parser reads
//! back to the same values, and a Markdown body that renders as the text.

use crate::{How, Imported};
use dossier_text::yaml;

/// `  # inferred: why`, on one line.
fn comment(how: &How) -> String {
    match how {
        How::Inferred(why) => {
            let why: String = why
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            format!("  # inferred: {why}")
        }
        How::Given | How::Read => String::new(),
    }
}

/// Escape what would make a plain paragraph render as something else: a
/// heading, list, quote block, code fence, thematic break or HTML block.
pub(crate) fn escape_block(p: &str) -> String {
    let starts_list = |rest: &str| rest.is_empty() || rest.starts_with(' ');
    let mut chars = p.char_indices();
    let escaped = match chars.next() {
        Some((_, '#' | '>' | '<' | '=' | '|')) => true,
        Some((_, '-' | '+' | '*')) => {
            starts_list(&p[1..]) || p.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '))
        }
        Some((_, '`' | '~')) => p.starts_with("```") || p.starts_with("~~~"),
        Some((_, '_')) => p.chars().all(|c| c == '_' || c == ' '),
        Some((_, c)) if c.is_ascii_digit() => {
            let digits = p.chars().take_while(char::is_ascii_digit).count();
            let after = &p[digits..];
            digits <= 9
                && (after.starts_with(". ")
                    || after.starts_with(") ")
                    || after == "."
                    || after == ")")
        }
        _ => false,
    };
    if !escaped {
        return p.to_string();
    }
    let first = p.chars().next().expect("non-empty");
    if first.is_ascii_digit() {
        let digits = p.chars().take_while(char::is_ascii_digit).count();
        format!("{}\\{}", &p[..digits], &p[digits..])
    } else {
        format!("\\{p}")
    }
}

pub(crate) fn render(imp: &Imported, actors: &[String], topics: &[String]) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml::double_quoted(&imp.title)));
    if let Some(d) = &imp.date {
        out.push_str(&format!(
            "date: {}{}\n",
            d.value.format("%Y-%m-%d"),
            comment(&d.how)
        ));
    }
    if let Some(s) = &imp.source {
        out.push_str(&format!(
            "source: {}{}\n",
            yaml::scalar(&s.value),
            comment(&s.how)
        ));
    }
    if let Some(d) = &imp.dateline {
        out.push_str(&format!(
            "dateline: {}{}\n",
            yaml::scalar(&d.value),
            comment(&d.how)
        ));
    }
    if let Some(u) = &imp.url {
        out.push_str(&format!("url: {}\n", yaml::scalar(u)));
    }
    if let Some(l) = &imp.language {
        out.push_str(&format!("language: {}\n", yaml::scalar(l)));
    }
    for (key, list) in [("actors", actors), ("topics", topics)] {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(|s| yaml::flow_item(s)).collect();
            out.push_str(&format!("{key}: [{}]\n", items.join(", ")));
        }
    }
    out.push_str("---\n");
    let mut first = true;
    for (i, p) in imp.paragraphs.iter().enumerate() {
        if !first {
            out.push('\n');
        }
        first = false;
        if imp.subheads.contains(&i) {
            out.push_str("## ");
            out.push_str(p);
        } else {
            out.push_str(&escape_block(p));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks() {
        assert_eq!(escape_block("# not a heading"), "\\# not a heading");
        assert_eq!(escape_block("- item"), "\\- item");
        assert_eq!(escape_block("-- end"), "-- end");
        assert_eq!(escape_block("---"), "\\---");
        assert_eq!(escape_block("1. first"), "1\\. first");
        assert_eq!(escape_block("2016. A year"), "2016\\. A year");
        assert_eq!(escape_block("<script>"), "\\<script>");
        assert_eq!(escape_block("Plain text."), "Plain text.");
        assert_eq!(escape_block("17-nation group"), "17-nation group");
    }
}
