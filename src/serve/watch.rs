//! Watching the site: `content/`, `templates/`, `themes/` and `static/`
//! recursively, the root itself for `site.yaml` and for those folders
//! appearing. Events are debounced (editors save by writing a temporary file
//! and renaming it over the old one, a burst of events for one save) and
//! turned into [`Changes`].

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::live::Changes;
use crate::config::CONFIG_FILE;
use crate::content::{CONTENT_DIR, is_ignored};

pub const WATCHED: &[&str] = &[CONTENT_DIR, "templates", "themes", "static"];

/// How long a burst of events may last; a save is seen this long after it.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// Changes, with the time the first of their events was seen.
pub type Batch = (Changes, Instant);

pub struct Watcher {
    root: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    watched: HashSet<PathBuf>,
}

impl Watcher {
    /// `root` must be absolute.
    pub fn start(root: &Path, tx: Sender<Batch>) -> notify::Result<Watcher> {
        let events_root = root.to_path_buf();
        let debouncer = new_debouncer(
            DEBOUNCE,
            Some(Duration::from_millis(5)),
            move |result: DebounceEventResult| {
                let batch = match result {
                    Ok(events) => {
                        let first = events.iter().map(|e| e.time).min();
                        let mut changes = Changes::default();
                        for event in &events {
                            if event.need_rescan() {
                                changes.rescan = true;
                            }
                            if !writes(&event.kind) {
                                continue;
                            }
                            for path in &event.paths {
                                classify(&events_root, path, &mut changes);
                            }
                        }
                        (changes, first.unwrap_or_else(Instant::now))
                    }
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
        )?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            debouncer,
            watched: HashSet::new(),
        };
        watcher.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        watcher.refresh();
        Ok(watcher)
    }

    /// Watch the folders that exist now and were not watched yet (a
    /// `templates/` made after the server started); forget removed ones.
    pub fn refresh(&mut self) {
        for name in WATCHED {
            let dir = self.root.join(name);
            if dir.is_dir() {
                if !self.watched.contains(&dir)
                    && self.debouncer.watch(&dir, RecursiveMode::Recursive).is_ok()
                {
                    self.watched.insert(dir);
                }
            } else if self.watched.remove(&dir) {
                let _ = self.debouncer.unwatch(&dir);
            }
        }
    }
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

/// What a changed path means for the site.
pub fn classify(root: &Path, path: &Path, changes: &mut Changes) {
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
        [first, ..] if *first == CONTENT_DIR => {
            changes.content.insert(rel.to_path_buf());
        }
        [first, ..] if ["templates", "themes", "static"].contains(first) => changes.theme = true,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let root = Path::new("/site");
        let mut c = Changes::default();
        for p in [
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/content/#a.md#",
            "/site/public/index.html",
            "/elsewhere/site.yaml",
            "/site/content/.git/x",
        ] {
            classify(root, Path::new(p), &mut c);
        }
        assert!(c.is_empty(), "{c:?}");
        classify(root, Path::new("/site/content/a.md"), &mut c);
        classify(root, Path::new("/site/templates/base.html"), &mut c);
        classify(root, Path::new("/site/site.yaml"), &mut c);
        assert!(c.config && c.theme);
        assert_eq!(
            c.content.iter().collect::<Vec<_>>(),
            [Path::new("content/a.md")]
        );
    }
}
