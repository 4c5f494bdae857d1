//! YAML scalars as dossier writes them (front matter of imported articles,
//! the benchmark's corpus): strings any YAML parser reads back as the same
//! strings, plain where that is safe and reads well, else quoted.

/// A scalar for a block mapping value: plain where that is safe and reads
/// back as the same string, else double-quoted with escapes.
pub fn scalar(s: &str) -> String {
    if plain_ok(s, false) {
        s.to_string()
    } else {
        double_quoted(s)
    }
}

/// A scalar inside a flow sequence (`[a, b]`): stricter, as `,`, `[` and
/// `]` end a plain item there.
pub fn flow_item(s: &str) -> String {
    if plain_ok(s, true) {
        s.to_string()
    } else {
        double_quoted(s)
    }
}

/// Whether `s` reads back as itself unquoted: it starts with a letter (not a
/// number, date or indicator), has no `: ` or ` #`, is no YAML 1.1 boolean or
/// null, and holds only letters, digits and harmless punctuation.
fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !first.is_alphabetic() {
        return false; // numbers, dates, indicators (- ? : & * ! | > ' " % @ `)
    }
    if s != s.trim() || s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "y" | "n" | "yes" | "no" | "true" | "false" | "on" | "off" | "null" | "nan" | "inf"
    ) {
        return false;
    }
    s.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                ' ' | '.' | '\'' | '’' | '(' | ')' | '-' | '_' | '/' | '&' | '+'
            )
            || (!flow && c == ',')
    })
}

/// `"..."`, with `"`, `\`, line breaks and every control character escaped.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `'...'`, `'` doubled: the other quoted style, for a string without line
/// breaks or control characters (which it cannot escape); else double-quoted.
pub fn single_quoted(s: &str) -> String {
    if s.chars().any(|c| c.is_control()) {
        return double_quoted(s);
    }
    format!("'{}'", s.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars() {
        assert_eq!(scalar("Xinhua"), "Xinhua");
        assert_eq!(scalar("MOSCOW (AFP)"), "MOSCOW (AFP)");
        assert_eq!(scalar("The Straits Times"), "The Straits Times");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("2016"), "\"2016\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
        assert_eq!(scalar("tab\there"), "\"tab\\there\"");
        assert_eq!(scalar("bell\u{7}"), "\"bell\\u0007\"");
        assert_eq!(flow_item("a, b"), "\"a, b\"");
        assert_eq!(flow_item("sergei-lavrov"), "sergei-lavrov");
        assert_eq!(single_quoted("Roe's"), "'Roe''s'");
        assert_eq!(single_quoted("two\nlines"), "\"two\\nlines\"");
    }
}
