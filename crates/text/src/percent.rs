//! Percent-decoding of URL paths, as the preview server and the link checker
//! read them (the `percent-encoding` crate underneath).

/// `s` with its `%XX` escapes decoded, or `None` when the result is not
/// UTF-8 or a `%` starts no escape: taken literally, such a `%` would give
/// one file two spellings.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let well_formed = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'%')
        .all(|(i, _)| {
            bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
        });
    if !well_formed {
        return None;
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}
