//! Small helpers on text shared by every stage.

/// The plural ending of a count: `format!("{n} article{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
}
