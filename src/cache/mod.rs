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
    let (len, fill) = weighed.encoded();
    write_checked_with(&dir.join(SEARCH), setup, len, fill)
}

/// [`write_checked`] of the `len` bytes `fill` writes, streamed to the file
/// (and the checksum) as they come instead of held whole.
fn write_checked_with(
    path: &Path,
    setup: u64,
    len: usize,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    /// A writer that hashes what goes through it the way [`checksum`] does.
    struct Summing<W> {
        inner: W,
        sum: xxhash_rust::xxh3::Xxh3,
        written: usize,
    }
    impl<W: std::io::Write> std::io::Write for Summing<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.sum.update(&buf[..n]);
            self.written += n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let tmp = tempfile::NamedTempFile::new_in(parent)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
    std::io::Write::write_all(&mut out, &header(setup))?;
    let mut sum = xxhash_rust::xxh3::Xxh3::new();
    sum.update(&(len as u64).to_le_bytes());
    let mut data = Summing {
        inner: out,
        sum,
        written: 0,
    };
    fill(&mut data)?;
    if data.written != len {
        return Err(std::io::Error::other("the data is not the length it said"));
    }
    let mut out = data.inner;
    std::io::Write::write_all(&mut out, &data.sum.digest().to_le_bytes())?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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

    #[test]
    fn a_streamed_cache_file_is_the_file_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let data = b"terms and postings ".repeat(10_000);
        let (streamed, whole) = (dir.path().join("streamed"), dir.path().join("whole"));
        write_checked_with(&streamed, 7, data.len(), |out| out.write_all(&data)).unwrap();
        write_checked(&whole, 7, &data).unwrap();
        let bytes = std::fs::read(&streamed).unwrap();
        assert!(bytes == std::fs::read(&whole).unwrap());
        assert_eq!(read_checked(&bytes, 7), Some(&data[..]));
        // A writer that writes less than it said leaves no file.
        let short = dir.path().join("short");
        let written = write_checked_with(&short, 7, data.len(), |out| out.write_all(&data[1..]));
        assert!(written.is_err());
        assert!(!short.exists());
    }
}
