//! The build cache: what `dossier build` keeps between runs in the site's
//! `.dossier-cache/` folder so that a build after a small edit redoes only
//! what the edit changes, and writes the same files a clean build writes.
//!
//! Three files, each written whole to a temporary name and renamed into place:
//!
//! - `articles`: each article as reading and analysing it left it
//!   ([`Processed`]), keyed by its path and the hash of its bytes, each entry
//!   with its own checksum (a bad entry is processed again, never trusted);
//! - `pages`: the fingerprint of every page and every print page of the last
//!   build (see [`deps`]), the fingerprint of the feeds, sitemap, data and
//!   search index (kept as a whole when it is unchanged) and the files they
//!   made, where each data file's items are and each feed's fingerprint
//!   (`publish::Layout`: an unchanged item is copied from the live file, an
//!   unchanged feed kept), and which output generation (the hash of its
//!   manifest) they describe.
//!   A page or print page whose fingerprint is unchanged is taken from the
//!   live output instead of being rendered (`output::Staging::keep`).
//!
//! - `search`: each search document's terms as the last build weighed
//!   them, by the hash of the document's texts (`publish::search::Weighed`):
//!   an edit weighs only the documents it changed again.
//!
//! All start with a header: the cache format, the dossier version and
//! the [`setup_key`] (site.yaml and what overrides it). Any difference, or a
//! file that cannot be read whole, discards the file: the build then does
//! everything, as with `--no-cache`, and writes a new cache.

mod articles;
pub mod deps;
mod pages;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

pub use articles::{Articles, Entry, Writer, encode};
pub use pages::PageState;

/// The cache folder, under the site root.
pub const DIR: &str = ".dossier-cache";

/// The layout of the cache files. Raise it whenever what they hold changes
/// shape (a field of `Processed`, say): old files are then discarded.
const FORMAT: u32 = 3;

/// The first bytes of every cache file.
const MAGIC: &[u8; 8] = b"dossierC";

/// The dossier version, in every header: a cache is never read by another
/// version.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What every cached result was made with, besides its own file: the bytes
/// of site.yaml (settings and the registry the analysis matches), the
/// `--base-url` override, and the program itself (its size and time, so a
/// rebuilt dossier of the same version does not trust the old one's
/// results).
pub fn setup_key(root: &Path, base_url: Option<&str>) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    FORMAT.hash(&mut h);
    VERSION.hash(&mut h);
    std::fs::read(root.join(crate::config::CONFIG_FILE))
        .ok()
        .hash(&mut h);
    base_url.hash(&mut h);
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
        .map(|m| (m.len(), m.modified().ok()));
    program.hash(&mut h);
    h.finish()
}

/// The cache folder of the site at `root`.
pub fn dir(root: &Path) -> PathBuf {
    root.join(DIR)
}

/// The header every cache file starts with.
fn header(setup: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(VERSION.len() as u32).to_le_bytes());
    out.extend_from_slice(VERSION.as_bytes());
    out.extend_from_slice(&setup.to_le_bytes());
    out
}

/// The rest of `bytes` after a header made for `setup`, or `None` when the
/// header is another one (another format, version or setup) or broken.
fn after_header(bytes: &[u8], setup: u64) -> Option<&[u8]> {
    let expected = header(setup);
    bytes.strip_prefix(expected.as_slice())
}

/// Write `parts`, one after the other, to `path` whole or not at all: into a
/// temporary file beside it, then renamed over it. A reader never sees half
/// a file.
fn write_atomically(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    for part in parts {
        std::io::Write::write_all(&mut tmp, part)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The value a cache file holds after its header (postcard, then the
/// checksum of those bytes), if the file is intact and made for `setup`.
fn read_value<T: serde::de::DeserializeOwned>(path: &Path, setup: u64) -> Option<T> {
    let bytes = std::fs::read(path).ok()?;
    postcard::from_bytes(read_checked(&bytes, setup)?).ok()
}

/// Write `value` as the cache file at `path` for `setup` (see [`read_value`]).
fn write_value<T: serde::Serialize>(path: &Path, setup: u64, value: &T) -> std::io::Result<()> {
    let data = postcard::to_stdvec(value).map_err(std::io::Error::other)?;
    write_checked(path, setup, &data)
}

/// Write `data` as a cache file for `setup`: the header, `data`, its checksum
/// (never copied into one buffer: `data` is tens of megabytes at 10,000
/// articles).
fn write_checked(path: &Path, setup: u64, data: &[u8]) -> std::io::Result<()> {
    let sum = checksum(&[data]).to_le_bytes();
    write_atomically(path, &[&header(setup), data, &sum])
}

/// The data of a cache file written by [`write_checked`], if it is intact and
/// made for `setup`.
fn read_checked(bytes: &[u8], setup: u64) -> Option<&[u8]> {
    let body = after_header(bytes, setup)?;
    let (data, sum) = body.split_at_checked(body.len().checked_sub(8)?)?;
    let sum = u64::from_le_bytes(sum.try_into().ok()?);
    (checksum(&[data]) == sum).then_some(data)
}

/// The search documents' terms the last build weighed (see
/// `publish::search::Weighed`), if the cache holds them intact.
pub fn read_weighed(dir: &Path, setup: u64) -> Option<crate::publish::search::Weighed> {
    let bytes = std::fs::read(dir.join(SEARCH)).ok()?;
    crate::publish::search::Weighed::from_bytes(read_checked(&bytes, setup)?)
}

pub fn write_weighed(
    dir: &Path,
    setup: u64,
    weighed: &crate::publish::search::Weighed,
) -> std::io::Result<()> {
    write_checked(&dir.join(SEARCH), setup, &weighed.to_bytes())
}

/// The file of the search documents' terms.
const SEARCH: &str = "search";

/// The checksum of an entry or a file's body.
fn checksum(parts: &[&[u8]]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part);
    }
    h.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_for_another_setup_is_not_ours() {
        let mut file = header(7);
        file.extend_from_slice(b"rest");
        assert_eq!(after_header(&file, 7), Some(&b"rest"[..]));
        assert_eq!(after_header(&file, 8), None);
        assert_eq!(after_header(&file[..5], 7), None);
        assert_eq!(after_header(b"garbage that is long enough", 7), None);
    }
}
