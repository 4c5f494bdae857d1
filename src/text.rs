//! Small helpers on text shared by every stage.

/// The plural ending of a count: `format!("{n} article{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `input` escaped for HTML text and quoted attributes. Only these five
/// characters need it; tera's default escaper also escapes `/`, which turns
/// every URL into `&#x2F;` soup.
pub fn escape_html(input: &str) -> String {
    let bytes = input.as_bytes();
    let needs = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    let Some(first) = bytes.iter().position(needs) else {
        return input.to_string();
    };
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    out.push_str(&input[..first]);
    let mut last = first;
    for (i, b) in bytes.iter().enumerate().skip(first) {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // Every special character is ASCII, so `i` is a char boundary.
        out.push_str(&input[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&input[last..]);
    out
}

/// `text` cut at a word boundary to at most `max` characters, `…` after;
/// the cut leaves no dangling separator or opening mark (a closing one, as
/// in `(Syrian)`, stays). A word longer than half the room is cut inside.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return text.to_string();
    };
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || DANGLING.contains(&c))
    )
}

const DANGLING: &[char] = &[
    ',', ';', ':', '.', '!', '?', '-', '–', '—', '(', '[', '{', '"', '“', '‘', '«', '\'',
];

/// The first `n` words of `text`, `…` after if there were more.
pub fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        text.to_string()
    } else {
        format!("{}…", words[..n].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_endings() {
        assert_eq!(format!("{} article{}", 1, plural(1)), "1 article");
        assert_eq!(format!("{} article{}", 0, plural(0)), "0 articles");
        assert_eq!(format!("{} article{}", 2, plural(2)), "2 articles");
    }

    #[test]
    fn shortening_cuts_at_words_and_counts_characters() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two, three four", 12), "one two…");
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten("ééééééééé", 4), "éééé…");
        // Room counted in characters: a text of many-byte letters is cut at
        // its last space in range, not the first one past half its bytes.
        assert_eq!(shorten("ééé ééé ééé ééé", 11), "ééé ééé…");
        assert_eq!(shorten("  padded  ", 10), "padded");
        assert_eq!(
            shorten("talks with (Syrian) rebels", 20),
            "talks with (Syrian)…"
        );
        assert_eq!(shorten("he said: “we will not go”", 11), "he said…");
    }

    #[test]
    fn first_words_counts_words() {
        assert_eq!(first_words("a b c", 3), "a b c");
        assert_eq!(first_words("a b c d", 2), "a b…");
    }

    #[test]
    fn escaping_takes_the_five_characters() {
        assert_eq!(escape_html("a/b é"), "a/b é");
        assert_eq!(
            escape_html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
