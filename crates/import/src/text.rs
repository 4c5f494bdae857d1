//! From bytes or a string to clean lines: encodings, binary detection,
//! white space, invisible characters.

use crate::ImportError;

/// The largest input `import_bytes` accepts. A pasted article is a few
/// kilobytes; megabytes mean a wrong file.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Decode bytes as text: UTF-8 (with or without BOM), UTF-16 (with BOM, or
/// without one when every other byte is zero), else Windows-1252, the usual
/// encoding of text saved by older Windows programs. Returns the text and a
/// note when it was not UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Option<String>), ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_string(), None)),
            Err(e) => Err(not_utf8(e)),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false).map(|s| (s, Some("decoded as UTF-16".to_string())));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true).map(|s| (s, Some("decoded as UTF-16".to_string())));
    }
    if bytes.len() >= 4 && bytes.len().is_multiple_of(2) {
        let (even, odd) = bytes.chunks(2).fold((0usize, 0usize), |(e, o), c| {
            (e + usize::from(c[0] == 0), o + usize::from(c[1] == 0))
        });
        let half = bytes.len() / 2;
        if odd == half && even == 0 {
            return utf16(bytes, false).map(|s| (s, Some("decoded as UTF-16".to_string())));
        }
        if even == half && odd == 0 {
            return utf16(bytes, true).map(|s| (s, Some("decoded as UTF-16".to_string())));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(e) => {
            if bytes.contains(&0) {
                return Err(ImportError::NotText {
                    reason: "it contains NUL bytes, as binary files (PDF, Word, images) do"
                        .to_string(),
                });
            }
            let _ = e;
            Ok((
                bytes.iter().map(|&b| cp1252(b)).collect(),
                Some(
                    "not valid UTF-8: decoded as Windows-1252; check the accented letters"
                        .to_string(),
                ),
            ))
        }
    }
}

fn not_utf8(e: std::str::Utf8Error) -> ImportError {
    ImportError::NotText {
        reason: format!(
            "it starts with a UTF-8 byte order mark but is not valid UTF-8 (byte {})",
            e.valid_up_to()
        ),
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, ImportError> {
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| ImportError::NotText {
            reason: "it looks like UTF-16 but holds invalid characters".to_string(),
        })
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Refuse what is not article text: nothing at all, binary data, markup.
pub(crate) fn check(raw: &str) -> Result<(), ImportError> {
    let invisible = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
    };
    if raw.chars().all(invisible) {
        return Err(ImportError::Empty);
    }
    if raw.contains('\0') {
        return Err(ImportError::NotText {
            reason: "it contains NUL bytes, as binary files (PDF, Word, images) do".to_string(),
        });
    }
    let total = raw.chars().count();
    let control = raw
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    let replacement = raw.chars().filter(|&c| c == '\u{FFFD}').count();
    if (control + replacement) * 20 > total {
        return Err(ImportError::NotText {
            reason: format!(
                "{} of its {} characters are control or undecodable characters",
                control + replacement,
                total
            ),
        });
    }
    let head: String = raw
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return Err(ImportError::NotText {
            reason: "it is an HTML or XML page, not the article's text".to_string(),
        });
    }
    if head.starts_with("%pdf") || head.starts_with("pk\u{3}\u{4}") || head.starts_with("{\\rtf") {
        return Err(ImportError::NotText {
            reason: "it is a PDF, Word or RTF document".to_string(),
        });
    }
    Ok(())
}

/// Clean one line: spaces of every kind to one plain space, invisible
/// characters out, ends trimmed.
pub(crate) fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        let c = match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c if c.is_whitespace() => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The text as clean lines; blank lines are kept as empty strings.
pub(crate) fn lines(raw: &str) -> Vec<String> {
    let unified = raw.replace("\r\n", "\n");
    let mut out: Vec<String> = Vec::new();
    for l in unified.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        let l = clean_line(l);
        // Runs of blank lines are one paragraph break.
        if !(l.is_empty() && out.last().is_some_and(String::is_empty)) {
            out.push(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode(b"abc").unwrap().0, "abc");
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().0, "abc");
        let (s, note) = decode(b"caf\xe9 \x93ok\x94").unwrap();
        assert_eq!(s, "café “ok”");
        assert!(note.is_some());
        let utf16: Vec<u8> = "Hi there"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&utf16).unwrap().0, "Hi there");
        assert!(matches!(
            decode(b"\x89PNG\0\0\x01\xff"),
            Err(ImportError::NotText { .. })
        ));
    }

    #[test]
    fn checks() {
        assert!(matches!(check(" \n\t\n"), Err(ImportError::Empty)));
        assert!(matches!(check("a\0b"), Err(ImportError::NotText { .. })));
        assert!(matches!(
            check("\u{1}\u{2}\u{3}ab"),
            Err(ImportError::NotText { .. })
        ));
        assert!(matches!(
            check("<!DOCTYPE html><p>x"),
            Err(ImportError::NotText { .. })
        ));
        assert!(check("Title\nBody.").is_ok());
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean_line("  a\u{a0}\u{a0}b\u{200b}c\t "), "a bc");
        assert_eq!(lines("a\r\n\r\nb\r\nc"), vec!["a", "", "b", "c"]);
    }
}
