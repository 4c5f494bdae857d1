//! File names: slugs from titles, and names that never overwrite.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The longest slug, in bytes; cut at a word boundary.
pub const MAX_SLUG: usize = 80;

/// `Syria talks to go ahead on Friday in New York: Lavrov, Kerry` ->
/// `syria-talks-to-go-ahead-on-friday-in-new-york-lavrov-kerry`: the site's
/// own slug (`dossier_text::slug`, so an imported file's name is the slug its
/// article gets), with apostrophes and dots inside words joined (`U.S.` ->
/// `us`), cut at a word boundary to [`MAX_SLUG`] bytes. Never empty: `article`.
pub fn slugify(title: &str) -> String {
    let joined: String = title
        .char_indices()
        .filter(|&(i, c)| {
            let inside = title[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && title[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            !(inside && matches!(c, '.' | '’' | 'ʼ' | '‘'))
        })
        .map(|(_, c)| c)
        .collect();
    let mut slug = dossier_text::slug::slugify(&joined);
    if slug.len() > MAX_SLUG {
        let mut cut = MAX_SLUG;
        while !slug.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &slug[..cut];
        let at_word = if slug[cut..].starts_with('-') {
            head
        } else {
            head.rsplit_once('-').map(|(h, _)| h).unwrap_or(head)
        };
        slug = at_word.trim_end_matches('-').to_string();
    }
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
}

fn taken(p: &Path) -> bool {
    // symlink_metadata: a dangling symlink is taken too.
    fs::symlink_metadata(p).is_ok()
}

fn numbered(stem: &str, n: u32, ext: &str) -> String {
    let stem = if stem.is_empty() { "article" } else { stem };
    let ext = ext.trim_start_matches('.');
    let base = if n <= 1 {
        stem.to_string()
    } else {
        format!("{stem}-{n}")
    };
    if ext.is_empty() {
        base
    } else {
        format!("{base}.{ext}")
    }
}

/// `dir/stem.ext` if nothing is there, else `dir/stem-2.ext`,
/// `dir/stem-3.ext`, ... : the first name not taken.
pub fn free_name(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    (1..)
        .map(|n| dir.join(numbered(stem, n, ext)))
        .find(|p| !taken(p))
        .expect("some number is free")
}

/// The extensions under which a content article of a given stem may exist.
pub const CONTENT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "yaml", "yml"];

/// Like `free_name` with `.md`, but a stem counts as taken when any content
/// file of that stem exists (`stem.txt` beside `stem.yaml` is an article
/// with that slug too), so the new article never shares a slug in `dir`.
pub fn free_content_name(dir: &Path, stem: &str) -> PathBuf {
    (1..)
        .find(|&n| {
            CONTENT_EXTENSIONS
                .iter()
                .all(|ext| !taken(&dir.join(numbered(stem, n, ext))))
        })
        .map(|n| dir.join(numbered(stem, n, "md")))
        .expect("some number is free")
}

/// Write `contents` to a new file `dir/stem[-N].md` (as `free_content_name`
/// picks), created exclusively: even a file that appears between the choice
/// of name and the write is never overwritten; the next number is taken.
pub fn write_new(dir: &Path, stem: &str, contents: &str) -> io::Result<PathBuf> {
    let mut n = 1u32;
    loop {
        let taken_stem = CONTENT_EXTENSIONS
            .iter()
            .any(|ext| taken(&dir.join(numbered(stem, n, ext))));
        if !taken_stem {
            let path = dir.join(numbered(stem, n, "md"));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    f.write_all(contents.as_bytes())?;
                    f.sync_all()?;
                    return Ok(path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        n = n
            .checked_add(1)
            .ok_or_else(|| io::Error::other("no free file name left for this stem"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Syria talks to go ahead on Friday in New York: Lavrov, Kerry"),
            "syria-talks-to-go-ahead-on-friday-in-new-york-lavrov-kerry"
        );
        assert_eq!(
            slugify("Russia, U.S. discuss Syrian peaceful settlement issues"),
            "russia-us-discuss-syrian-peaceful-settlement-issues"
        );
        assert_eq!(slugify("Washington's “red line”"), "washingtons-red-line");
        assert_eq!(
            slugify("Sergueï Lavrov à Genève"),
            "serguei-lavrov-a-geneve"
        );
        assert_eq!(slugify("  ***  "), "article");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        let long = slugify(&"word ".repeat(40));
        assert!(long.len() <= MAX_SLUG && !long.ends_with('-') && long.ends_with("word"));
        assert_eq!(slugify("Лавров и Керри"), "лавров-и-керри");
    }
}
