//! HTML text: escaping for text and quoted attributes, and the character
//! references that HTML writers emit, decoded. One copy for the site's pages,
//! its print pages, the link checker and `dossier import`.

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

/// `s` with its character references decoded (see [`char_reference`]);
/// an `&` that starts none is kept as it is. The reverse of [`escape_html`].
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match char_reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `text` stands for, and the
/// reference's length. Only what HTML writers emit is known: the five XML
/// entities, `&nbsp;`, and decimal and hex references.
pub fn char_reference(text: &str) -> Option<(char, usize)> {
    let end = text.get(1..)?.find(';')? + 1;
    if end > 10 {
        return None;
    }
    let c = match &text[1..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        name => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}
