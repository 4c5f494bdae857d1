//! The cached articles: one file of entries, each the result of reading and
//! analysing one article file, kept as the bytes it was stored as so that a
//! build after an edit writes the unchanged entries back without encoding
//! them again.
//!
//! ```text
//! header (see `cache::header`)
//! entry*: path length u32 | path | content hash u64 | payload length u32 | payload | checksum u64
//! ```
//!
//! The payload is the `Processed` article in postcard; the checksum covers
//! path, content hash and payload. Reading stops at the first entry that does
//! not fit in the file (a truncated file keeps the entries before the cut);
//! an entry whose checksum or payload is wrong is left out when looked up.

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::site::Processed;

const FILE: &str = "articles";

/// The cached articles of a site, as read at the start of a build.
#[derive(Default)]
pub struct Articles {
    bytes: Vec<u8>,
    /// Path -> (content hash, payload range, checksum).
    entries: HashMap<PathBuf, Stored>,
}

struct Stored {
    content: u64,
    payload: std::ops::Range<usize>,
    checksum: u64,
}

/// One article to keep for the next build: its file, the hash of its bytes,
/// and the stored result (postcard) as the cache read held it.
pub struct Entry<'a> {
    pub path: PathBuf,
    pub content: u64,
    pub payload: &'a [u8],
}

impl Articles {
    /// What the cache folder holds for a site of this `setup` (see
    /// `cache::setup_key`); empty when there is nothing usable.
    pub fn read(dir: &Path, setup: u64) -> Articles {
        // The cache's own file, not an input of the site: it may be larger
        // than any article, and it is checked entry by entry below.
        let Ok(bytes) = std::fs::read(dir.join(FILE)) else {
            return Articles::default();
        };
        let Some(body) = super::after_header(&bytes, setup) else {
            return Articles::default();
        };
        let start = bytes.len() - body.len();
        let entries = parse(&bytes, start);
        Articles { bytes, entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The stored result for the file at `path` whose bytes hash to
    /// `content`, with its payload, if the entry is intact.
    pub fn get(&self, path: &Path, content: u64) -> Option<(Processed, &[u8])> {
        let stored = self.entries.get(path)?;
        if stored.content != content {
            return None;
        }
        let payload = &self.bytes[stored.payload.clone()];
        let key = path.as_os_str().as_encoded_bytes();
        if super::checksum(&[key, &content.to_le_bytes(), payload]) != stored.checksum {
            return None;
        }
        let processed: Processed = postcard::from_bytes(payload).ok()?;
        (processed.file == path).then_some((processed, payload))
    }
}

/// The articles file of the next build, written entry by entry as the
/// articles are processed (from any thread) instead of held until the end:
/// at 100,000 articles the entries are most of a gigabyte. It is a temporary
/// file until [`Writer::finish`] renames it into place; dropped unfinished,
/// it is deleted and the cache stays as it was.
pub struct Writer {
    /// The file, or `None` once a write failed (the cache is then left as it was).
    out: std::sync::Mutex<Option<BufWriter<tempfile::NamedTempFile>>>,
    path: PathBuf,
}

impl Writer {
    /// A new articles file for a site of this `setup` in the cache folder
    /// `dir`, its header written.
    pub fn create(dir: &Path, setup: u64) -> std::io::Result<Writer> {
        std::fs::create_dir_all(dir)?;
        let tmp = tempfile::NamedTempFile::new_in(dir)?;
        let mut out = BufWriter::with_capacity(1 << 16, tmp);
        out.write_all(&super::header(setup))?;
        Ok(Writer {
            out: std::sync::Mutex::new(Some(out)),
            path: dir.join(FILE),
        })
    }

    /// Add one article: its file, the hash of its bytes, the stored result
    /// (see [`encode`]). A failed write gives up the file, not the build.
    pub fn add(&self, path: &Path, content: u64, payload: &[u8]) {
        let key = path.as_os_str().as_encoded_bytes();
        let content = content.to_le_bytes();
        let sum = super::checksum(&[key, &content, payload]).to_le_bytes();
        let mut guard = self.out.lock().unwrap_or_else(|e| e.into_inner());
        let Some(out) = guard.as_mut() else {
            return;
        };
        let written = (|| {
            out.write_all(&(key.len() as u32).to_le_bytes())?;
            out.write_all(key)?;
            out.write_all(&content)?;
            out.write_all(&(payload.len() as u32).to_le_bytes())?;
            out.write_all(payload)?;
            out.write_all(&sum)
        })();
        if written.is_err() {
            *guard = None;
        }
    }

    /// Put the file in place of the cache's articles file, whole.
    pub fn finish(self) -> std::io::Result<()> {
        let out = self.out.into_inner().unwrap_or_else(|e| e.into_inner());
        let out = out.ok_or_else(|| std::io::Error::other("a cache entry could not be written"))?;
        let tmp = out.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Encode one article for the cache.
pub fn encode(p: &Processed) -> Option<Vec<u8>> {
    postcard::to_stdvec(p).ok()
}

/// The entries of `bytes` from `at` on, as far as they fit.
fn parse(bytes: &[u8], mut at: usize) -> HashMap<PathBuf, Stored> {
    let mut entries = HashMap::new();
    let take = |at: &mut usize, n: usize| -> Option<std::ops::Range<usize>> {
        let end = at.checked_add(n).filter(|&e| e <= bytes.len())?;
        let range = *at..end;
        *at = end;
        Some(range)
    };
    let u32_at =
        |r: std::ops::Range<usize>| u32::from_le_bytes(bytes[r].try_into().unwrap_or([0; 4]));
    let u64_at =
        |r: std::ops::Range<usize>| u64::from_le_bytes(bytes[r].try_into().unwrap_or([0; 8]));
    while at < bytes.len() {
        let Some(entry) = (|| {
            let key_len = u32_at(take(&mut at, 4)?) as usize;
            let key = take(&mut at, key_len)?;
            let content = u64_at(take(&mut at, 8)?);
            let payload_len = u32_at(take(&mut at, 4)?) as usize;
            let payload = take(&mut at, payload_len)?;
            let checksum = u64_at(take(&mut at, 8)?);
            let path = path_of(&bytes[key])?;
            Some((
                path,
                Stored {
                    content,
                    payload,
                    checksum,
                },
            ))
        })() else {
            break;
        };
        entries.insert(entry.0, entry.1);
    }
    entries
}

/// A path back from the bytes `as_encoded_bytes` gave, if they are a path
/// this platform could have written.
fn path_of(bytes: &[u8]) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(bytes).ok().map(PathBuf::from)
    }
}
