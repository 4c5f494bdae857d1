//! Small helpers: calendar arithmetic, slugs, YAML scalars, directory sizes.

use std::path::Path;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A URL-safe slug: lowercase ASCII letters and digits separated by `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// Uppercase the first letter, skipping leading quotation marks (our `«`/`‹`
/// markers and real ones).
pub fn cap_first(s: &mut String) {
    let mut idx = None;
    for (i, c) in s.char_indices() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                idx = Some((i, c));
            }
            break;
        }
        if !matches!(c, '«' | '‹' | '"' | '\'' | '“' | '‘' | '*') {
            break;
        }
    }
    if let Some((i, c)) = idx {
        let up: String = c.to_uppercase().collect();
        s.replace_range(i..i + c.len_utf8(), &up);
    }
}

/// Lowercase the first letter (for `said that "we ..."`).
pub fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !first.is_ascii_alphabetic() {
        return false;
    }
    if s.ends_with(':') || s.ends_with(' ') || s.contains(": ") || s.contains(" #") {
        return false;
    }
    if s.chars().any(|c| {
        matches!(c, '"' | '\\' | '\n' | '\t' | '`' | '{' | '}' | '[' | ']')
            || (flow && c == ',')
            || !(c.is_ascii() || c.is_alphabetic() || matches!(c, '’' | '‘' | '“' | '”'))
    }) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    !matches!(
        lower.as_str(),
        "yes" | "no" | "true" | "false" | "on" | "off" | "null" | "y" | "n" | "~"
    )
}

/// A YAML scalar for `s`: plain where that is safe, else double-quoted.
pub fn yaml_str(s: &str, out: &mut String) {
    if plain_ok(s, false) {
        out.push_str(s);
    } else {
        yaml_quoted(s, out);
    }
}

/// A YAML scalar safe inside a flow sequence `[a, b]`.
pub fn yaml_flow_item(s: &str, out: &mut String) {
    if plain_ok(s, true) {
        out.push_str(s);
    } else {
        yaml_quoted(s, out);
    }
}

pub fn yaml_quoted(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A single-quoted YAML scalar (`'` doubled).
pub fn yaml_single_quoted(s: &str, out: &mut String) {
    out.push('\'');
    for c in s.chars() {
        if c == '\'' {
            out.push('\'');
        }
        out.push(c);
    }
    out.push('\'');
}

/// Total bytes and number of regular files under `dir` (0, 0 when absent).
pub fn dir_size(dir: &Path) -> (u64, u64) {
    let mut bytes = 0;
    let mut files = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                stack.push(e.path());
            } else if ft.is_file() {
                files += 1;
                bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    (bytes, files)
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bytes in a human unit.
pub fn human_bytes(b: u64) -> String {
    const K: f64 = 1024.0;
    let f = b as f64;
    if f >= K * K * K {
        format!("{:.2} GiB", f / (K * K * K))
    } else if f >= K * K {
        format!("{:.1} MiB", f / (K * K))
    } else if f >= K {
        format!("{:.1} KiB", f / K)
    } else {
        format!("{b} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        let a = days_from_civil(2019, 1, 1);
        let b = days_from_civil(2025, 12, 31);
        assert_eq!(b - a + 1, 365 * 7 + 2); // 2020 and 2024 are leap years
        for z in a..=b {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }

    #[test]
    fn slugs_and_caps() {
        assert_eq!(
            slugify("Freedonian People's Party"),
            "freedonian-people-s-party"
        );
        assert_eq!(slugify("  Analysis: what now? "), "analysis-what-now");
        let mut s = String::from("«the minister»");
        cap_first(&mut s);
        assert_eq!(s, "«The minister»");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn yaml_scalars() {
        let q = |s: &str| {
            let mut o = String::new();
            yaml_str(s, &mut o);
            o
        };
        assert_eq!(q("Plain title"), "Plain title");
        assert_eq!(q("Analysis: what"), "\"Analysis: what\"");
        assert_eq!(q("Varkov: \"No\""), "\"Varkov: \\\"No\\\"\"");
        assert_eq!(q("yes"), "\"yes\"");
        let mut o = String::new();
        yaml_flow_item("a, b", &mut o);
        assert_eq!(o, "\"a, b\"");
    }
}
