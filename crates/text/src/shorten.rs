//! Text made shorter for a snippet, a title or a message: one rule, counted
//! in characters, never cutting inside one.

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
