//! Output: the new site is built beside the output and swapped in whole, so
//! a failed build leaves the previous output exactly as it was and a reader
//! never sees half a site.
//!
//! Two trees take turns: the live output (`public/`) and the previous
//! generation (`.public.previous/`). A build brings the previous tree up to
//! date, writing only the files whose content changed (a manifest of content
//! hashes beside each tree says what it holds), then exchanges the two in one
//! atomic rename. Rewriting unchanged files, or deleting and recreating a
//! whole tree, costs more than rendering on most file systems: every new
//! file is a new inode.

use std::collections::HashMap;
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// What the manifest knows of one file: the hash of its content, and the
/// size and modification time it had when written, which show whether anyone
/// changed it since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    hash: u64,
    len: u64,
    mtime: i128,
}

/// Where a build's files go: `build` writes into a [`Staging`] tree, `serve`
/// keeps them in memory ([`Collected`]). Whatever makes files writes them
/// through this, so both see the same files.
pub trait Output: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;

    /// The folder the files go to, for a problem's place (none in memory).
    fn dir(&self) -> Option<&Path> {
        None
    }

    /// A file copied as it is (a theme's or the site's static file).
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.write(rel, &std::fs::read(from)?)
    }
}

impl Output for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        Staging::write(self, rel, bytes)
    }

    fn dir(&self) -> Option<&Path> {
        Some(Staging::dir(self))
    }
}

/// Files kept in memory, in the order written (`serve`'s assets).
#[derive(Default)]
pub struct Collected {
    files: Mutex<Vec<(String, Vec<u8>)>>,
}

impl Collected {
    pub fn into_files(self) -> Vec<(String, Vec<u8>)> {
        self.files
            .into_inner()
            .expect("no writer panics holding the lock")
    }
}

impl Output for Collected {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let clean = safe_relative(rel)?;
        let key = clean.to_string_lossy().replace('\\', "/");
        self.files
            .lock()
            .expect("no writer panics holding the lock")
            .push((key, bytes.to_vec()));
        Ok(())
    }
}

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    manifest_live: PathBuf,
    manifest_previous: PathBuf,
    /// What the staging tree held when the build began.
    old: HashMap<String, Entry>,
    /// What it holds of the new site.
    new: Mutex<HashMap<String, Entry>>,
    /// What the live output holds, read on first use: only a build that
    /// keeps files of the live output ([`Staging::keep`]) asks.
    live: OnceLock<Live>,
    committed: bool,
    _lock: std::fs::File,
}

impl Staging {
    /// The tree the new site is built in, next to `target` (same file system,
    /// so the final exchange is a rename).
    pub fn new(target: &Path) -> io::Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let lock = lock(&parent.join(format!(".{name}.lock")))?;
        let dir = parent.join(format!(".{name}.previous"));
        let manifest_previous = parent.join(format!(".{name}.previous.manifest"));
        let manifest_live = parent.join(format!(".{name}.manifest"));
        let old = if dir.is_dir() {
            match read_manifest(&manifest_previous) {
                Some(old) => old,
                None => {
                    // Unknown content: start from nothing rather than trust it.
                    std::fs::remove_dir_all(&dir)?;
                    HashMap::new()
                }
            }
        } else {
            HashMap::new()
        };
        // From here on the tree changes; until `commit` or `drop` records
        // what it holds, no manifest may claim to know.
        let _ = std::fs::remove_file(&manifest_previous);
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            manifest_live,
            manifest_previous,
            old,
            new: Mutex::new(HashMap::new()),
            live: OnceLock::new(),
            committed: false,
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Write one file, unless the tree already holds exactly these bytes.
    /// `rel` comes from slugs and ids, which cannot hold `..` or separators,
    /// but this is the last line of defence: nothing may land outside.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let clean = safe_relative(rel)?;
        let key = clean.to_string_lossy().replace('\\', "/");
        let path = self.dir.join(&clean);
        let hash = xxhash_rust::xxh3::xxh3_64(bytes);
        if let Some(old) = self.old.get(&key)
            && old.hash == hash
            && old.len == bytes.len() as u64
            && entry_of(&path, hash).is_some_and(|now| now == *old)
        {
            self.record(key, *old);
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = std::fs::File::create(&path)?;
        file.write_all(bytes)?;
        let entry = entry_of_file(&file, hash)?;
        self.record(key, entry);
        Ok(())
    }

    /// Write one file through a buffered writer, for outputs too large to
    /// hold in memory whole. Recorded in the manifest like any other file
    /// (so a stream the next build no longer makes is removed), but always
    /// written: its hash is known only at the end.
    pub fn stream(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let clean = safe_relative(rel)?;
        let key = clean.to_string_lossy().replace('\\', "/");
        let path = self.dir.join(&clean);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut writer = Hashing {
            inner: io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&path)?),
            hasher: xxhash_rust::xxh3::Xxh3::new(),
        };
        fill(&mut writer)?;
        let file = writer.inner.into_inner().map_err(|e| e.into_error())?;
        let entry = entry_of_file(&file, writer.hasher.digest())?;
        self.record(key, entry);
        Ok(())
    }

    pub fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.write(rel, &std::fs::read(from)?)
    }

    /// Put the live output's file `rel` into the new site as it is, without
    /// its bytes: for a file whose inputs did not change since the live
    /// output was built (the build cache knows). Returns false when that
    /// cannot be done safely (the live output has no such file, or it was
    /// changed since it was written): the caller makes the file instead.
    pub fn keep(&self, rel: &str) -> bool {
        let Ok(clean) = safe_relative(rel) else {
            return false;
        };
        let key = clean.to_string_lossy().replace('\\', "/");
        let Some(want) = self.live().entries.get(&key).copied() else {
            return false;
        };
        let path = self.dir.join(&clean);
        // The staging tree (the generation before last) may hold it already.
        if let Some(old) = self.old.get(&key)
            && (old.hash, old.len) == (want.hash, want.len)
            && entry_of(&path, old.hash).is_some_and(|now| now == *old)
        {
            self.record(key, *old);
            return true;
        }
        let from = self.target.join(&clean);
        if entry_of(&from, want.hash) != Some(want) {
            return false;
        }
        if let Some(parent) = path.parent()
            && std::fs::create_dir_all(parent).is_err()
        {
            return false;
        }
        // A copy, never a hard link: the next build writes into this tree in
        // place, which through a link would change the live output under
        // its readers.
        if std::fs::copy(&from, &path).is_err() {
            return false;
        }
        match entry_of(&path, want.hash) {
            Some(entry) if entry.len == want.len => {
                self.record(key, entry);
                true
            }
            _ => false,
        }
    }

    /// The live output's file `rel`, open for reading, if it is still the
    /// file its manifest describes (same length and modification time): a
    /// build may then copy parts of it whose inputs did not change (the
    /// data files, see `publish::data`). `None` when it is not there or was
    /// changed since it was written.
    pub fn live_file(&self, rel: &str) -> Option<std::fs::File> {
        let clean = safe_relative(rel).ok()?;
        let key = clean.to_string_lossy().replace('\\', "/");
        let want = self.live().entries.get(&key).copied()?;
        let file = std::fs::File::open(self.target.join(&clean)).ok()?;
        let now = entry_of_file(&file, want.hash).ok()?;
        (now == want).then_some(file)
    }

    /// The hash of the live output's manifest as the build found it (`None`
    /// when there is none): which generation of the output is live.
    pub fn live_manifest(&self) -> Option<u64> {
        self.live().hash
    }

    /// The paths of the new site so far.
    pub fn recorded(&self) -> Vec<String> {
        self.new
            .lock()
            .expect("no writer panics holding the lock")
            .keys()
            .cloned()
            .collect()
    }

    fn live(&self) -> &Live {
        self.live.get_or_init(|| {
            let text = std::fs::read_to_string(&self.manifest_live).ok();
            let entries = text.as_deref().and_then(parse_manifest);
            Live {
                hash: entries
                    .is_some()
                    .then(|| xxhash_rust::xxh3::xxh3_64(text.unwrap_or_default().as_bytes())),
                entries: entries.unwrap_or_default(),
            }
        })
    }

    fn record(&self, key: String, entry: Entry) {
        self.new
            .lock()
            .expect("no writer panics holding the lock")
            .insert(key, entry);
    }

    /// Put the new site in place of the old output.
    pub fn commit(self) -> io::Result<()> {
        self.commit_live().map(|_| ())
    }

    /// [`Staging::commit`], returning the hash of the new live manifest
    /// (what [`Staging::live_manifest`] will say at the next build).
    pub fn commit_live(mut self) -> io::Result<u64> {
        let new = std::mem::take(&mut *self.new.lock().expect("no writer panics holding the lock"));
        // Files of the old generation that the new site no longer has.
        let mut dirs: Vec<PathBuf> = Vec::new();
        for key in self.old.keys().filter(|k| !new.contains_key(*k)) {
            let path = self.dir.join(key);
            let _ = std::fs::remove_file(&path);
            dirs.extend(path.parent().map(Path::to_path_buf));
        }
        dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        dirs.dedup();
        for dir in dirs {
            // Only succeeds for folders left empty.
            let _ = std::fs::remove_dir(dir);
        }
        if self.target.exists() {
            swap(&self.dir, &self.target)?;
            // The old output is now the previous generation; its manifest follows it.
            if std::fs::rename(&self.manifest_live, &self.manifest_previous).is_err() {
                let _ = std::fs::remove_file(&self.manifest_previous);
            }
        } else {
            std::fs::rename(&self.dir, &self.target)?;
        }
        let hash = write_manifest(&self.manifest_live, &new)?;
        self.committed = true;
        Ok(hash)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        // A failed build: the live output was never touched. Record what the
        // staging tree now holds so the next build can still reuse it.
        let new = self.new.get_mut().map(std::mem::take).unwrap_or_default();
        let mut holds = std::mem::take(&mut self.old);
        holds.extend(new);
        let _ = write_manifest(&self.manifest_previous, &holds);
    }
}

/// A writer that hashes what passes through it, as `write` hashes a whole
/// file, so streamed files get the same manifest entries.
struct Hashing<W> {
    inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
}

impl<W: io::Write> io::Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn entry_of(path: &Path, hash: u64) -> Option<Entry> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Entry {
        hash,
        len: meta.len(),
        mtime: mtime(&meta),
    })
}

fn entry_of_file(file: &std::fs::File, hash: u64) -> io::Result<Entry> {
    let meta = file.metadata()?;
    Ok(Entry {
        hash,
        len: meta.len(),
        mtime: mtime(&meta),
    })
}

fn mtime(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

const MANIFEST_HEADER: &str = "dossier output manifest 1";

/// The live output as its manifest describes it.
struct Live {
    entries: HashMap<String, Entry>,
    hash: Option<u64>,
}

fn read_manifest(path: &Path) -> Option<HashMap<String, Entry>> {
    parse_manifest(&std::fs::read_to_string(path).ok()?)
}

fn parse_manifest(text: &str) -> Option<HashMap<String, Entry>> {
    let mut lines = text.lines();
    if lines.next()? != MANIFEST_HEADER {
        return None;
    }
    lines
        .map(|line| {
            let mut parts = line.splitn(4, '\t');
            let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
            let len = parts.next()?.parse().ok()?;
            let mtime = parts.next()?.parse().ok()?;
            let key = parts.next()?.to_string();
            Some((key, Entry { hash, len, mtime }))
        })
        .collect()
}

/// Write a manifest; returns the hash of its text.
fn write_manifest(path: &Path, entries: &HashMap<String, Entry>) -> io::Result<u64> {
    let mut text = String::with_capacity(entries.len() * 64 + 32);
    text.push_str(MANIFEST_HEADER);
    text.push('\n');
    for (key, e) in entries {
        text.push_str(&format!("{:016x}\t{}\t{}\t{key}\n", e.hash, e.len, e.mtime));
    }
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, &text)?;
    std::fs::rename(tmp, path)?;
    Ok(xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// One build at a time per output folder; the lock goes with the process.
fn lock(path: &Path) -> io::Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: flock on a file descriptor we own for the lifetime of `file`.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "another dossier build is writing this output folder right now",
            ));
        }
    }
    Ok(file)
}

/// Exchange two paths. On Linux one atomic `renameat2(RENAME_EXCHANGE)`: at no
/// moment is there no output. Elsewhere two renames.
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let ca = CString::new(a.as_os_str().as_bytes())?;
        let cb = CString::new(b.as_os_str().as_bytes())?;
        // SAFETY: both are valid NUL-terminated paths; AT_FDCWD resolves them
        // relative to the working directory, as std's rename does.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                ca.as_ptr(),
                libc::AT_FDCWD,
                cb.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if rc == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        // Some file systems do not support the exchange: fall back.
        if !matches!(err.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
            return Err(err);
        }
    }
    let old = a.with_extension("swap");
    std::fs::rename(b, &old)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&old, b);
        return Err(e);
    }
    std::fs::rename(&old, a)
}

/// A relative path with no way out: no root, no `..`, no drive prefix.
pub fn safe_relative(rel: &str) -> io::Result<PathBuf> {
    let path = Path::new(rel);
    let mut clean = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => clean.push(part),
            Component::CurDir => {}
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("refusing to write outside the output folder: {rel}"),
                ));
            }
        }
    }
    if clean.as_os_str().is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "empty output path",
        ));
    }
    Ok(clean)
}

/// What the site is made of: a build that replaced any of them with its
/// output would destroy the site.
pub const SITE_INPUTS: &[&str] = &["site.yaml", "content", "templates", "themes", "static"];

/// Why a path cannot take the output: a build replaces the output folder whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// The output would be the site root itself.
    SiteRoot,
    /// The output would hold the site: a parent of its root.
    HoldsSite,
    /// The output would be one of [`SITE_INPUTS`].
    Input(&'static str),
    /// The output would be inside one of [`SITE_INPUTS`].
    InsideInput(&'static str),
    /// The output would hold an input of the site that lives elsewhere (through a link).
    HoldsInput(&'static str),
    /// A file is there, not a folder.
    NotAFolder,
    /// A folder of other files is there, which the build would take for its own.
    NotOurs,
}

impl std::fmt::Display for Unfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |input: &str| {
            if input.contains('.') {
                input.to_string()
            } else {
                format!("{input}/")
            }
        };
        match self {
            Unfit::SiteRoot => write!(f, "is the site root"),
            Unfit::HoldsSite => write!(f, "holds the site: it is a parent of the site root"),
            Unfit::Input(input) => write!(f, "is {}, an input of the site", shown(input)),
            Unfit::InsideInput(input) => {
                write!(f, "is inside {}, an input of the site", shown(input))
            }
            Unfit::HoldsInput(input) => write!(f, "holds {} of the site", shown(input)),
            Unfit::NotAFolder => write!(f, "is a file, not a folder"),
            Unfit::NotOurs => write!(
                f,
                "holds files that dossier did not write (no .NAME.manifest or .NAME.lock beside it)"
            ),
        }
    }
}

/// Whether `output` may take the built site: not the site root, a parent of
/// it, an input of the site or inside one, and not a file or a folder of
/// files dossier did not write, all of which a build would replace whole.
/// Paths are compared resolved (relative, `..`, symbolic links), also when
/// the output does not exist yet.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Unfit> {
    if let Some(clash) = site_clash(root, output) {
        return Err(clash);
    }
    match std::fs::metadata(output) {
        Ok(meta) if !meta.is_dir() => Err(Unfit::NotAFolder),
        Ok(_) if !is_empty_dir(output) && !built_by_us(output) => Err(Unfit::NotOurs),
        _ => Ok(()),
    }
}

/// Whether a file written at `path` (the document `dossier print` makes)
/// would overwrite or land in the site's inputs.
pub fn check_output_file(root: &Path, path: &Path) -> Result<(), Unfit> {
    site_clash(root, path).map_or(Ok(()), Err)
}

/// How `path` clashes with the site at `root`, comparing both ways of
/// reading `..` (by the text, and as the file system does through links).
fn site_clash(root: &Path, path: &Path) -> Option<Unfit> {
    let root_forms = [absolute(root), resolve(root)];
    let path_forms = [absolute(path), resolve(path)];
    for path in &path_forms {
        for root in &root_forms {
            if path == root {
                return Some(Unfit::SiteRoot);
            }
            if root.starts_with(path) {
                return Some(Unfit::HoldsSite);
            }
        }
        for input in SITE_INPUTS {
            for root in &root_forms {
                let lexical = root.join(input);
                for at in [absolute(&lexical), resolve(&lexical)] {
                    if *path == at {
                        return Some(Unfit::Input(input));
                    }
                    if path.starts_with(&at) {
                        return Some(Unfit::InsideInput(input));
                    }
                    if at.starts_with(path) {
                        return Some(Unfit::HoldsInput(input));
                    }
                }
            }
        }
    }
    None
}

fn is_empty_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// A folder a build wrote leaves its lock and manifest beside it.
fn built_by_us(dir: &Path) -> bool {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return false;
    };
    let name = name.to_string_lossy();
    [
        format!(".{name}.manifest"),
        format!(".{name}.previous.manifest"),
        format!(".{name}.lock"),
    ]
    .iter()
    .any(|marker| parent.join(marker).exists())
}

/// An absolute path with `..` and `.` taken by the text, then symbolic links
/// resolved for the part that exists: what `create_dir_all` and the renames
/// of a build reach when the path does not exist yet.
fn absolute(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut lexical = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    resolve(&lexical)
}

/// An absolute path resolved as the file system does: the longest part that
/// exists through its symbolic links (and `..` after them), the rest by text.
fn resolve(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let components: Vec<Component> = joined.components().collect();
    for split in (1..=components.len()).rev() {
        let head: PathBuf = components[..split].iter().collect();
        let Ok(mut out) = head.canonicalize() else {
            continue;
        };
        for component in &components[split..] {
            match component {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                other => out.push(other),
            }
        }
        return out;
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_way_out() {
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../x").is_err());
        assert_eq!(
            safe_relative("a/./b.html").unwrap(),
            PathBuf::from("a/b.html")
        );
    }

    #[test]
    fn output_may_not_hold_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(root.join("static")).unwrap();
        std::fs::write(root.join("site.yaml"), "title: X").unwrap();
        let unfit = |out: &Path| check_output_dir(root, out).err();
        assert_eq!(unfit(root), Some(Unfit::SiteRoot));
        assert_eq!(unfit(&root.join("content")), Some(Unfit::Input("content")));
        assert_eq!(
            unfit(&root.join("content/x")),
            Some(Unfit::InsideInput("content"))
        );
        assert_eq!(
            unfit(&root.join("site.yaml")),
            Some(Unfit::Input("site.yaml"))
        );
        assert_eq!(unfit(&root.join("themes")), Some(Unfit::Input("themes")));
        assert_eq!(
            unfit(&root.join("new/../static")),
            Some(Unfit::Input("static"))
        );
        assert_eq!(unfit(root.parent().unwrap()), Some(Unfit::HoldsSite));
        assert_eq!(unfit(&root.join("public/..")), Some(Unfit::SiteRoot));
        assert_eq!(unfit(&root.join("public")), None);
        std::os::unix::fs::symlink(root.join("static"), root.join("link")).unwrap();
        assert_eq!(unfit(&root.join("link")), Some(Unfit::Input("static")));
        assert_eq!(
            unfit(&root.join("link/sub")),
            Some(Unfit::InsideInput("static"))
        );
        std::fs::write(root.join("notes.txt"), "mine").unwrap();
        assert_eq!(unfit(&root.join("notes.txt")), Some(Unfit::NotAFolder));
        std::fs::create_dir_all(root.join("www/.git")).unwrap();
        assert_eq!(unfit(&root.join("www")), Some(Unfit::NotOurs));
        std::fs::write(root.join(".www.lock"), "").unwrap();
        assert_eq!(unfit(&root.join("www")), None);
    }

    #[test]
    fn commit_swaps_and_failure_keeps_old() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();
        {
            let staging = Staging::new(&target).unwrap();
            staging.write("new.html", b"new").unwrap();
            // dropped without commit
        }
        assert_eq!(
            std::fs::read_to_string(target.join("old.html")).unwrap(),
            "old"
        );
        assert!(!target.join("new.html").exists());
        let staging = Staging::new(&target).unwrap();
        staging.write("a/new.html", b"new").unwrap();
        staging.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert!(
            !target.join("new.html").exists(),
            "a file of the failed build leaked"
        );
        assert_eq!(
            std::fs::read_to_string(target.join("a/new.html")).unwrap(),
            "new"
        );
    }

    #[test]
    fn streamed_files_are_in_the_manifest_and_go_when_no_longer_made() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let build = |streams: &[&str]| {
            let staging = Staging::new(&target).unwrap();
            staging.write("index.html", b"home").unwrap();
            for path in streams {
                staging.stream(path, |w| w.write_all(b"[1, 2, 3]")).unwrap();
            }
            staging.commit().unwrap();
        };
        // Twice, so both trees have held the stream.
        build(&["data/big.json"]);
        build(&["data/big.json"]);
        assert_eq!(
            std::fs::read_to_string(target.join("data/big.json")).unwrap(),
            "[1, 2, 3]"
        );
        assert!(
            std::fs::read_to_string(dir.path().join(".public.manifest"))
                .unwrap()
                .contains("data/big.json")
        );
        build(&[]);
        build(&[]);
        assert!(!target.join("data/big.json").exists());
        assert!(target.join("index.html").exists());
    }

    #[test]
    fn unchanged_files_are_not_rewritten_and_stale_ones_go() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let build = |files: &[(&str, &str)]| {
            let staging = Staging::new(&target).unwrap();
            for (path, text) in files {
                staging.write(path, text.as_bytes()).unwrap();
            }
            staging.commit().unwrap();
        };
        build(&[("a/index.html", "A"), ("b/index.html", "B")]);
        build(&[("a/index.html", "A"), ("b/index.html", "B")]);
        let inode = |p: &str| {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(target.join(p)).unwrap().ino()
        };
        let before = inode("a/index.html");
        // The third build updates the first build's tree: same bytes, same file.
        build(&[("a/index.html", "A"), ("c/index.html", "C")]);
        assert_eq!(
            std::fs::read_to_string(target.join("a/index.html")).unwrap(),
            "A"
        );
        assert_eq!(
            std::fs::read_to_string(target.join("c/index.html")).unwrap(),
            "C"
        );
        assert!(!target.join("b").exists(), "stale page and folder removed");
        build(&[("a/index.html", "A"), ("c/index.html", "C")]);
        assert_eq!(
            inode("a/index.html"),
            before,
            "unchanged file was rewritten"
        );
        // A file changed by hand in the tree is rewritten, whatever the manifest says.
        std::fs::write(target.join("c/index.html"), "hand edit").unwrap();
        build(&[("a/index.html", "A"), ("c/index.html", "C")]);
        build(&[("a/index.html", "A"), ("c/index.html", "C")]);
        assert_eq!(
            std::fs::read_to_string(target.join("c/index.html")).unwrap(),
            "C"
        );
    }
}
