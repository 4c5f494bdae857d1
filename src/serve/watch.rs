//! Watching the site: its inputs only (`content/`, `templates/`, `themes/`
//! and `static/` recursively, the root itself for `site.yaml` and for those
//! folders appearing). Events are debounced (editors save by writing a
//! temporary file and renaming it over the old one, a burst of events for
//! one save) and turned into [`Changes`].
//!
//! What a rebuild itself causes must never set off another one, or `serve`
//! spins (a folder linked into the site that receives the server's own log
//! once made thirty rebuilds a second). So:
//! - `templates/`, `themes/` and `static/` are watched without following
//!   symbolic links: a link that leaves `static/` is not published (see
//!   `Theme::load`), so what happens behind it is no input; `content/` is
//!   watched with its links followed, as `content::discover` reads it;
//! - under `content/`, a file that is no article (a log) counts when it
//!   comes or goes (the build reports it), not when it is written to;
//! - the server's own standard output and error are never an input, even
//!   when they are redirected into a watched folder;
//! - and `rebuild_loop` slows down when changes keep coming regardless.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer_opt,
};

use super::live::Changes;
use crate::config::CONFIG_FILE;
use crate::content::{CONTENT_DIR, is_ignored};

pub const WATCHED: &[&str] = &[CONTENT_DIR, "templates", "themes", "static"];

/// How long a burst of events may last; a save is seen this long after it.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// Changes, with the time the first of their events was seen.
pub type Batch = (Changes, Instant);

type FileWatcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

pub struct Watcher {
    root: PathBuf,
    /// `content/`, links followed.
    content: FileWatcher,
    /// The root (not recursively) and the theme folders, links not followed.
    rest: FileWatcher,
    watched: HashSet<PathBuf>,
}

impl Watcher {
    /// `root` must be absolute.
    pub fn start(root: &Path, tx: Sender<Batch>) -> notify::Result<Watcher> {
        let own = Arc::new(OwnOutput::of_this_process());
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            content: debouncer(root, tx.clone(), own.clone(), true)?,
            rest: debouncer(root, tx, own, false)?,
            watched: HashSet::new(),
        };
        watcher.rest.watch(root, RecursiveMode::NonRecursive)?;
        watcher.refresh();
        Ok(watcher)
    }

    /// Watch the folders that exist now and were not watched yet (a
    /// `templates/` made after the server started); forget removed ones.
    pub fn refresh(&mut self) {
        for name in WATCHED {
            let dir = self.root.join(name);
            let debouncer = if *name == CONTENT_DIR {
                &mut self.content
            } else {
                &mut self.rest
            };
            if dir.is_dir() {
                if !self.watched.contains(&dir)
                    && debouncer.watch(&dir, RecursiveMode::Recursive).is_ok()
                {
                    self.watched.insert(dir);
                }
            } else if self.watched.remove(&dir) {
                let _ = debouncer.unwatch(&dir);
            }
        }
        self.refresh_linked_themes();
    }

    /// A theme linked in from elsewhere (`themes/mine -> ~/src/mine`) is
    /// watched through its link, since links are not followed under
    /// `themes/`; links inside it still are not.
    fn refresh_linked_themes(&mut self) {
        let themes = self.root.join("themes");
        let linked: HashSet<PathBuf> = std::fs::read_dir(&themes)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_symlink() && p.is_dir())
            .collect();
        for dir in &linked {
            if !self.watched.contains(dir) && self.rest.watch(dir, RecursiveMode::Recursive).is_ok()
            {
                self.watched.insert(dir.clone());
            }
        }
        let gone: Vec<PathBuf> = self
            .watched
            .iter()
            .filter(|d| d.parent() == Some(themes.as_path()) && !linked.contains(*d))
            .cloned()
            .collect();
        for dir in gone {
            self.watched.remove(&dir);
            let _ = self.rest.unwatch(&dir);
        }
    }
}

fn debouncer(
    root: &Path,
    tx: Sender<Batch>,
    own: Arc<OwnOutput>,
    follow_links: bool,
) -> notify::Result<FileWatcher> {
    let root = root.to_path_buf();
    new_debouncer_opt(
        DEBOUNCE,
        Some(Duration::from_millis(5)),
        move |result: DebounceEventResult| {
            let batch = match result {
                Ok(events) => batch(&root, &events, &own),
                Err(_) => (
                    Changes {
                        rescan: true,
                        theme: true,
                        ..Changes::default()
                    },
                    Instant::now(),
                ),
            };
            if !batch.0.is_empty() {
                let _ = tx.send(batch);
            }
        },
        RecommendedCache::new(),
        notify::Config::default().with_follow_symlinks(follow_links),
    )
}

/// What a burst of events means for the site.
fn batch(root: &Path, events: &[DebouncedEvent], own: &OwnOutput) -> Batch {
    let first = events.iter().map(|e| e.time).min();
    let mut changes = Changes::default();
    for event in events {
        if event.need_rescan() {
            changes.rescan = true;
        }
        if !writes(&event.kind) {
            continue;
        }
        for path in &event.paths {
            if own.is(path) {
                continue;
            }
            classify(root, path, &event.kind, &mut changes);
        }
    }
    (changes, first.unwrap_or_else(Instant::now))
}

/// Whether an event may mean new content: reading a file (as a rebuild
/// does) must not set off another rebuild.
fn writes(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Other => false,
        _ => true,
    }
}

/// Whether an event says a file came, went or was renamed, rather than
/// that it was written to.
fn comes_or_goes(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
    ) || matches!(kind, EventKind::Any)
}

/// Whether a file under `content/` is read by the build: an article or
/// its metadata (or a folder, which has no extension as a rule).
fn read_by_build(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => ["md", "markdown", "txt", "yaml", "yml"].contains(&ext),
    }
}

/// What a changed path means for the site.
pub fn classify(root: &Path, path: &Path, kind: &EventKind, changes: &mut Changes) {
    let Ok(rel) = path.strip_prefix(root) else {
        return;
    };
    let names: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect();
    if names.iter().any(|n| is_ignored(n)) {
        return;
    }
    match names.as_slice() {
        [] => {}
        [file] if *file == CONFIG_FILE => changes.config = true,
        [first, ..] if *first == CONTENT_DIR && (read_by_build(rel) || comes_or_goes(kind)) => {
            changes.content.insert(rel.to_path_buf());
        }
        [first, ..] if ["templates", "themes", "static"].contains(first) => changes.theme = true,
        _ => {}
    }
}

/// The files this process writes its standard output and error to, when
/// they are files: a server whose log goes into `static/` must not take
/// each line it writes for an edit.
struct OwnOutput {
    files: Vec<(u64, u64)>,
}

impl OwnOutput {
    fn of_this_process() -> OwnOutput {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            use std::os::unix::fs::MetadataExt;
            let identity = |fd: std::os::fd::BorrowedFd<'_>| {
                let file = std::fs::File::from(fd.try_clone_to_owned().ok()?);
                let meta = file.metadata().ok()?;
                meta.is_file().then(|| (meta.dev(), meta.ino()))
            };
            let files = [
                identity(std::io::stdout().as_fd()),
                identity(std::io::stderr().as_fd()),
            ]
            .into_iter()
            .flatten()
            .collect();
            OwnOutput { files }
        }
        #[cfg(not(unix))]
        OwnOutput { files: Vec::new() }
    }

    fn is(&self, path: &Path) -> bool {
        if self.files.is_empty() {
            return false;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path).is_ok_and(|m| self.files.contains(&(m.dev(), m.ino())))
        }
        #[cfg(not(unix))]
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let root = Path::new("/site");
        let write = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
        let mut c = Changes::default();
        for p in [
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/content/#a.md#",
            "/site/public/index.html",
            "/elsewhere/site.yaml",
            "/site/content/.git/x",
        ] {
            classify(root, Path::new(p), &write, &mut c);
        }
        assert!(c.is_empty(), "{c:?}");
        // Written to: a log under content/ is no input, an article is.
        classify(
            root,
            Path::new("/site/content/logs/serve.log"),
            &write,
            &mut c,
        );
        assert!(c.is_empty(), "{c:?}");
        classify(root, Path::new("/site/content/a.md"), &write, &mut c);
        classify(root, Path::new("/site/templates/base.html"), &write, &mut c);
        classify(root, Path::new("/site/site.yaml"), &write, &mut c);
        assert!(c.config && c.theme);
        assert_eq!(
            c.content.iter().collect::<Vec<_>>(),
            [Path::new("content/a.md")]
        );
        // A log that comes or goes under content/ is a problem to report.
        let mut c = Changes::default();
        let created = EventKind::Create(notify::event::CreateKind::File);
        classify(root, Path::new("/site/content/serve.log"), &created, &mut c);
        assert_eq!(c.content.len(), 1);
    }
}
