//! Small character helpers shared by the lexicon, the scanner and the attribution sieve.

/// A letter, digit or underscore: the characters a whole-word match may not touch.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The char that ends just before byte `i` of `s`.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i.checked_sub(1)?)?;
    if b < 128 {
        // an ASCII byte is always a whole char
        return Some(b as char);
    }
    s.get(..i).and_then(|p| p.chars().next_back())
}

/// The char that starts at byte `i` of `s`.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 128 {
        return Some(b as char);
    }
    s.get(i..).and_then(|p| p.chars().next())
}

/// Opening quotation marks and brackets that may stand between a sentence boundary and its first word.
#[inline]
pub(crate) fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '{' | '—' | '–'
    ) || matches!(c, '‚' | '‹' | '「' | '『')
}

/// True when byte `i` of `s` starts a sentence: only white space, opening marks or
/// brackets stand between it and the paragraph start or a `.`, `!`, `?` or `:`.
pub(crate) fn at_sentence_start(s: &str, i: usize) -> bool {
    let mut prefix = &s[..i];
    loop {
        match prefix.chars().next_back() {
            None => return true,
            Some(c) if c.is_whitespace() || is_opening_punct(c) => {
                prefix = &prefix[..prefix.len() - c.len_utf8()];
            }
            Some('.' | '!' | '?' | ':' | ';' | '•') => return true,
            Some(c) if matches!(c, '"' | '”' | '’' | ')' | ']') => {
                // "…done." The minister … : a closing mark after sentence punctuation.
                let rest = &prefix[..prefix.len() - c.len_utf8()];
                return matches!(rest.chars().next_back(), Some('.' | '!' | '?'));
            }
            Some(_) => return false,
        }
    }
}

/// Capitalises the first character of `s` (as written elsewhere).
pub(crate) fn capitalise_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Both apostrophe spellings of `s`: straight `'` and curly `’`.
pub(crate) fn apostrophe_variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if s.contains('\'') {
        out.push(s.replace('\'', "’"));
    }
    if s.contains('’') {
        out.push(s.replace('’', "'"));
    }
    out
}

/// Counts words (runs of letters or digits, hyphens and apostrophes inside).
#[cfg(test)]
pub(crate) fn count_words(s: &str) -> usize {
    count_words_upto(s, usize::MAX)
}

/// Chinese characters and Japanese kana: written without spaces between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Counts words like [`count_words`], stopping once `limit` is reached. In Chinese and
/// Japanese, which put no spaces between words, two characters count as one word (about
/// their average word length), so a quotation there is a `quote` or a `fragment` by its
/// length as elsewhere.
pub(crate) fn count_words_upto(s: &str, limit: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut unspaced_run = 0usize;
    for c in s.chars() {
        if is_unspaced_script(c) {
            if unspaced_run.is_multiple_of(2) {
                n += 1;
                if n >= limit {
                    return n;
                }
            }
            unspaced_run += 1;
            in_word = false;
            continue;
        }
        unspaced_run = 0;
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                if n >= limit {
                    return n;
                }
                in_word = true;
            }
        } else if !(in_word && matches!(c, '-' | '\'' | '’')) {
            in_word = false;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_start() {
        let s = "He spoke. The minister said: “The plan";
        assert!(at_sentence_start(s, 0));
        assert!(at_sentence_start(s, s.find("The minister").unwrap()));
        assert!(at_sentence_start(s, s.find("The plan").unwrap()));
        assert!(!at_sentence_start(s, s.find("minister").unwrap()));
        let t = "“It is done.” The minister left";
        assert!(at_sentence_start(t, t.find("The").unwrap()));
        let u = "“It is done,” The minister";
        assert!(!at_sentence_start(u, u.find("The").unwrap()));
    }

    #[test]
    fn words() {
        assert_eq!(count_words("war of words"), 3);
        assert_eq!(count_words("co-convenor"), 1);
        assert_eq!(count_words("Let’s Make a Deal"), 4);
        assert_eq!(count_words("  "), 0);
        assert_eq!(count_words("it's - done"), 2);
        assert_eq!(count_words("我们准备好了"), 3);
        assert_eq!(count_words("交渉の準備ができている"), 6);
    }

    #[test]
    fn variants() {
        assert_eq!(apostrophe_variants("Russia's x").len(), 2);
        assert_eq!(apostrophe_variants("Lavrov").len(), 1);
        assert_eq!(capitalise_first("the minister"), "The minister");
        assert_eq!(capitalise_first(""), "");
    }
}
