//! The site as `serve` keeps it between rebuilds: each article processed
//! once and cached by the hash of its file, the rendered pages in memory, and
//! each page's fingerprint (see `deps`). A rebuild re-reads only the files
//! that changed, relinks only what a one-article edit can change
//! (`site::relink`, against the kept grouping index; other edits link the
//! whole site), and renders only the pages whose fingerprint changed.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock, RwLockWriteGuard};
use std::time::{Duration, Instant, SystemTime};

use axum::body::Bytes;
use rayon::prelude::*;

use crate::build::{self, BuildOptions};
use crate::cache::deps;
use crate::config::Config;
use crate::content::{self, Format, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Extractor;
use crate::output::Collected;
use crate::render::{Renderer, Theme};
use crate::site::routes::Page;
use crate::site::{self, ArticleIdx, LinkIndex, Processed, Site};

/// The served files that live in memory: pages and the theme's files, by
/// their path in the output (`articles/x/index.html`).
pub type Files = Arc<RwLock<HashMap<String, Bytes>>>;

/// The served pages a rebuild has planned but not rendered yet (see
/// [`LiveSite::finish`]): a request for one waits until it is, so that a
/// reader never sees a page of the last site beside one of the new.
pub type Pending = Arc<RwLock<HashSet<String>>>;

/// The pages open in a browser, by output path, with how many live-reload
/// streams show each (see `http::events`). A rebuild renders those before
/// the reload and leaves the rest for after it (see [`LiveSite::finish`]).
pub type Shown = Arc<Mutex<HashMap<String, usize>>>;

/// What changed on disk since the last rebuild.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// `site.yaml`: everything is loaded again.
    pub config: bool,
    /// Templates or static files of the site or its theme.
    pub theme: bool,
    /// Files under `content/`, relative to the site root.
    pub content: BTreeSet<PathBuf>,
    /// Events were lost or a folder changed: look at every file.
    pub rescan: bool,
}

impl Changes {
    pub fn full() -> Changes {
        Changes {
            config: true,
            ..Changes::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.config && !self.theme && !self.rescan && self.content.is_empty()
    }

    pub fn merge(&mut self, other: Changes) {
        self.config |= other.config;
        self.theme |= other.theme;
        self.rescan |= other.rescan;
        self.content.extend(other.content);
    }
}

/// What reading the changed files did.
struct Update {
    /// The content folder was walked again: files may have come or gone.
    rediscovered: bool,
    /// Files processed again, with what the cache held for them before.
    replaced: Vec<(PathBuf, Option<Cached>)>,
}

/// A new body for an article of the last good site.
struct BodyEdit {
    index: ArticleIdx,
    file: PathBuf,
    hash: Option<u64>,
    body: crate::content::Body,
    word_count: usize,
}

/// What a rebuild did.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    pub full: bool,
    /// Articles read and processed again.
    pub processed: usize,
    /// Pages rendered again.
    pub rendered: usize,
    pub pages: usize,
    /// Output paths that were written or removed.
    pub changed: Vec<String>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// The time of each step, for `--timings`-like reports.
    pub steps: Vec<(&'static str, Duration)>,
    /// Pages left for [`LiveSite::finish`] (counted in `changed`, not in
    /// `rendered`): after a relink, those no browser shows that may have
    /// changed, some of which `finish` finds unchanged and only releases.
    pub later: usize,
    /// Pages whose fingerprint was computed again: after a relink only those
    /// whose inputs may have changed (`deps::replan`; those no browser shows
    /// are fingerprinted by [`LiveSite::finish`]), else every page.
    pub planned: usize,
}

/// What a rebuild replaced, kept until after the reload: freeing the last
/// site's tables (tens of thousands of strings at 10,000 articles) is no
/// part of showing the new one. Never read: only dropped.
#[allow(dead_code)]
struct Retired {
    cards: Option<Arc<deps::Cards>>,
    snapshot: Option<Snapshot>,
}

/// What [`LiveSite::finish`] did: pages rendered, and pending paths whose
/// fingerprint turned out unchanged.
struct Finished {
    rendered: usize,
    unchanged: Vec<String>,
}

/// Pages a rebuild left to render after the reload: those no browser shows
/// (the later pages of lists, which one quotation or article more or less
/// shifts by hundreds, digests with their charts, quotation pages), with the
/// site they are rendered from.
struct Later {
    site: Arc<Site>,
    pages: Vec<deps::Planned>,
    /// Pages a relink may have changed, not fingerprinted yet: those whose
    /// fingerprint turns out unchanged are only released.
    unplanned: Vec<Unplanned>,
}

/// A page that is pending before its fingerprint is known.
struct Unplanned {
    page: Page,
    path: String,
}

/// The pages a rebuild fingerprinted, and the last site's pages it no
/// longer has. The pages not in `planned` keep their last fingerprint.
struct Plan {
    planned: Vec<deps::Planned>,
    gone: Vec<String>,
}

impl Plan {
    /// Every page planned: the last site's pages not among them are gone.
    fn whole(planned: Vec<deps::Planned>, last: &HashMap<String, u64>) -> Plan {
        let paths: HashSet<&str> = planned.iter().map(|p| p.path.as_str()).collect();
        let gone = last
            .keys()
            .filter(|old| !paths.contains(old.as_str()))
            .cloned()
            .collect();
        Plan { planned, gone }
    }
}

/// Everything a rebuild of the extra outputs needs, shared with the thread
/// that writes them.
#[derive(Clone)]
pub struct Snapshot {
    pub config: Arc<Config>,
    pub theme: Arc<Theme>,
    pub renderer: Arc<Renderer>,
    pub site: Arc<Site>,
}

struct Setup {
    config: Arc<Config>,
    theme: Arc<Theme>,
    renderer: Arc<Renderer>,
    templates: HashMap<String, u64>,
    extractor: Extractor,
}

struct Cached {
    format: Format,
    /// Size and modification time of the file (and its metadata file).
    stamp: Vec<Option<(u64, SystemTime)>>,
    hash: Option<u64>,
    result: Result<Option<Processed>, Diagnostics>,
}

pub struct LiveSite {
    opts: BuildOptions,
    setup: Option<Setup>,
    /// The theme must be loaded again (a change came while it was broken).
    theme_stale: bool,
    /// Article files by path relative to the root, in discovery order.
    files: BTreeMap<PathBuf, Cached>,
    discovered: bool,
    discover_problems: Vec<Diagnostic>,
    /// The hash of each file of `files` that could be read (see
    /// `deps::Inputs::files`), kept up to date with it.
    hashes: HashMap<PathBuf, u64>,
    fingerprints: HashMap<String, u64>,
    /// The card hashes of the last good site, for rebuilds that keep its model.
    cards: Option<Arc<deps::Cards>>,
    /// What linking the last good site left for relinking it after an edit.
    index: Option<LinkIndex>,
    /// The last rebuild succeeded: the output matches the files as read.
    clean: bool,
    /// Render every page at the next rebuild (after `site.yaml` changed).
    render_all: bool,
    assets: HashSet<String>,
    output: Files,
    pending: Pending,
    shown: Shown,
    later: Option<Later>,
    retired: Option<Retired>,
    snapshot: Option<Snapshot>,
    generation: u64,
}

impl LiveSite {
    /// `opts.base_url` should be the address the site is served at.
    pub fn new(opts: BuildOptions) -> LiveSite {
        LiveSite {
            opts,
            setup: None,
            theme_stale: false,
            files: BTreeMap::new(),
            discovered: false,
            discover_problems: Vec::new(),
            hashes: HashMap::new(),
            fingerprints: HashMap::new(),
            cards: None,
            index: None,
            clean: false,
            render_all: true,
            assets: HashSet::new(),
            output: Files::default(),
            pending: Pending::default(),
            shown: Shown::default(),
            later: None,
            retired: None,
            snapshot: None,
            generation: 0,
        }
    }

    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    /// The served files in memory (shared: rebuilds update them in place).
    pub fn files(&self) -> Files {
        self.output.clone()
    }

    /// The pages planned but not rendered yet (shared, like `files`).
    pub fn pending(&self) -> Pending {
        self.pending.clone()
    }

    /// The pages open in a browser (shared, like `files`).
    pub fn shown(&self) -> Shown {
        self.shown.clone()
    }

    /// The last good site, for the outputs beyond pages.
    pub fn snapshot(&self) -> Option<Snapshot> {
        self.snapshot.clone()
    }

    /// The output path of every page of the last good site.
    pub fn page_paths(&self) -> impl Iterator<Item = &String> {
        self.fingerprints.keys()
    }

    /// Bring the output up to date with `changes`. On error the output stays
    /// as it was, and the next rebuild tries again.
    pub fn rebuild(&mut self, changes: &Changes) -> Result<Rebuilt, Diagnostics> {
        let mut rebuilt = self.rebuild_first(changes)?;
        if let Some(more) = self.finish_later(|| {})? {
            rebuilt.rendered += more.rendered;
            rebuilt.later = 0;
            // Pending until fingerprinted, they did not change after all.
            let unchanged: HashSet<String> = more.unchanged.into_iter().collect();
            rebuilt.changed.retain(|p| !unchanged.contains(p));
        }
        Ok(rebuilt)
    }

    /// [`LiveSite::rebuild`] up to the reload: the pages no browser shows
    /// (see [`LiveSite::shown`]) are left pending (`Rebuilt::later`), for
    /// [`LiveSite::finish`].
    /// Until then a request for one of them waits (see `http`): every page a
    /// reader can get is the new site's.
    pub fn rebuild_first(&mut self, changes: &Changes) -> Result<Rebuilt, Diagnostics> {
        // Whatever a rebuild left is rendered before the next one plans.
        self.finish(|| {})?;
        let started = Instant::now();
        let mut steps = Vec::new();
        let mut t = Instant::now();
        self.generation += 1;
        let was_clean = std::mem::take(&mut self.clean);
        let full = changes.config || self.setup.is_none();
        let mut assets_changed = false;
        if full {
            self.setup = None;
            self.files.clear();
            self.render_all = true;
            self.discovered = false;
            self.setup = Some(Setup::load(&self.opts)?);
            self.theme_stale = false;
            assets_changed = true;
            lap(&mut steps, "config", &mut t);
        } else if changes.theme || self.theme_stale {
            self.theme_stale = true;
            let setup = self.setup.as_mut().expect("loaded above");
            setup.reload_theme(&self.opts)?;
            self.theme_stale = false;
            assets_changed = true;
            lap(&mut steps, "theme", &mut t);
        }

        let update = self.update_content(changes)?;
        let processed = update.replaced.len();
        // Kept only with the site it was made for: a failed rebuild drops it.
        let last_index = self.index.take();
        lap(&mut steps, "read", &mut t);
        let setup = self.setup.as_ref().expect("loaded above");

        let mut problems = Diagnostics::new();
        problems.extend(self.discover_problems.iter().cloned());
        for cached in self.files.values() {
            if let Err(ds) = &cached.result {
                problems.extend(ds.iter().cloned());
            }
        }
        if problems.has_errors() {
            return Err(problems.sorted());
        }
        if !assets_changed && let Some(edits) = self.body_only_edits(&update, was_clean) {
            let (changed, rendered) = self.patch_bodies(edits)?;
            lap(&mut steps, "patch", &mut t);
            // Bodies are not in the index: it still fits the patched site.
            self.index = last_index;
            self.clean = true;
            return Ok(Rebuilt {
                full: false,
                processed,
                rendered,
                pages: self.fingerprints.len(),
                changed,
                warnings: problems.sorted().into(),
                elapsed: started.elapsed(),
                steps,
                later: 0,
                planned: processed,
            });
        }
        let (site, index, relinked) =
            match self.relink_one(&update, was_clean, assets_changed, last_index) {
                Some((site, index, laps)) => {
                    lap(&mut steps, "relink", &mut t);
                    steps.extend(laps.steps);
                    (site, index, true)
                }
                None => {
                    let now = chrono::Utc::now().fixed_offset();
                    let published: Vec<&Processed> = self
                        .files
                        .values()
                        .filter_map(|c| c.result.as_ref().ok()?.as_ref())
                        .filter(|p| build::published(p, &self.opts, now))
                        .collect();
                    build::check_slugs(&published, &mut problems);
                    if problems.has_errors() {
                        return Err(problems.sorted());
                    }
                    let (mut linked, index) = site::link_indexed(&setup.config.site, published);
                    if let Some(last) = &self.snapshot {
                        // Checked against their input before use (see
                        // `pictures::Drawn`): the unchanged networks serve again.
                        linked.pictures = last.site.pictures.clone();
                    }
                    lap(&mut steps, "link", &mut t);
                    (linked, index, false)
                }
            };
        let site = Arc::new(site);

        let inputs = setup.inputs(&self.hashes, self.generation);
        let last = match (&self.snapshot, &self.cards) {
            (Some(last), Some(cards)) if relinked => Some((last.site.as_ref(), cards.as_ref())),
            _ => None,
        };
        let cards = deps::cards_since(last, &site);
        lap(&mut steps, "cards", &mut t);
        // After the first build, the pages no browser shows wait for the
        // reload (a request for one waits until it is rendered).
        let may_wait = !full && !self.render_all;
        let shown = self.shown_now();
        // After a relink, only the pages whose inputs may have changed.
        // (A file without a hash is new to every fingerprint: only `plan`
        // knows to render its article's page again.)
        let all_hashed = self.hashes.len() == self.files.len();
        let replanned = match (&self.snapshot, &self.cards) {
            (Some(last), Some(last_cards)) if relinked && !self.render_all && all_hashed => {
                let reread: Vec<&Path> = update.replaced.iter().map(|(p, _)| p.as_path()).collect();
                deps::replan(&inputs, &last.site, last_cards, &site, &cards, &reread)
            }
            _ => None,
        };
        // The pages a relink may have changed that no browser shows are not
        // even fingerprinted before the reload: they are pending until
        // `finish` fingerprints them (and renders those that changed).
        let (Plan { planned, gone }, unplanned, whole) = match replanned {
            Some(deps::Replan { pages, gone }) => {
                let (first, unplanned): (Vec<Unplanned>, Vec<Unplanned>) = pages
                    .into_iter()
                    .map(|page| Unplanned {
                        path: page.output_path(&site),
                        page,
                    })
                    .partition(|p| !may_wait || shown.contains(&p.path));
                let first: Vec<Page> = first.into_iter().map(|p| p.page).collect();
                let planned = deps::fingerprint_all(&inputs, &site, &cards, &first);
                (Plan { planned, gone }, unplanned, false)
            }
            None => (
                Plan::whole(deps::plan(&inputs, &site, &cards), &self.fingerprints),
                Vec::new(),
                true,
            ),
        };
        // A static file may not take a page's path: every page's after a
        // whole plan (the static files may have changed), else the pages the
        // last site did not have.
        let claimed: Vec<Page> = planned
            .iter()
            .map(|p| (p.page, &p.path))
            .chain(unplanned.iter().map(|p| (p.page, &p.path)))
            .filter(|(_, path)| whole || !self.fingerprints.contains_key(*path))
            .map(|(page, _)| page)
            .collect();
        if let Err(clashes) = build::check_statics(&setup.theme, &site, &claimed) {
            problems.extend(clashes);
            return Err(problems.sorted());
        }
        lap(&mut steps, "plan", &mut t);
        let (todo, later): (Vec<&deps::Planned>, Vec<&deps::Planned>) = planned
            .iter()
            .filter(|p| self.render_all || self.fingerprints.get(&p.path) != Some(&p.fingerprint))
            .partition(|p| !(may_wait && can_wait(p, &shown)));
        let (rendered, failed) = render_pages(setup, &site, &todo);
        problems.extend(failed);
        if problems.has_errors() {
            return Err(problems.sorted());
        }
        lap(&mut steps, "render", &mut t);

        let assets = if assets_changed {
            Some(read_assets(&self.opts.root, &setup.theme, &mut problems))
        } else {
            None
        };
        let rendered_count = todo.len();
        let planned_count = planned.len() + unplanned.len();
        let later: HashSet<String> = later
            .into_iter()
            .map(|p| p.path.clone())
            .chain(unplanned.iter().map(|p| p.path.clone()))
            .collect();
        let mut waiting = Vec::with_capacity(later.len());
        for p in &gone {
            self.fingerprints.remove(p);
        }
        let mut changed: Vec<String> = Vec::with_capacity(rendered.len() + later.len());
        changed.extend(later.iter().cloned());
        for p in planned {
            if later.contains(&p.path) {
                // The output holds the last version until `finish` renders it.
                waiting.push(p);
            } else if self.fingerprints.get(&p.path) != Some(&p.fingerprint) {
                self.fingerprints.insert(p.path, p.fingerprint);
            }
        }
        let pages = self.fingerprints.len()
            + waiting
                .iter()
                .map(|p| &p.path)
                .chain(unplanned.iter().map(|p| &p.path))
                .filter(|path| !self.fingerprints.contains_key(*path))
                .count();
        {
            let (mut pending, mut out) = lock_served(&self.pending, &self.output);
            *pending = later;
            for old in gone {
                if !self.assets.contains(&old) {
                    out.remove(&old);
                    changed.push(old);
                }
            }
            if let Some(assets) = assets {
                for old in self.assets.drain() {
                    if !self.fingerprints.contains_key(&old) {
                        out.remove(&old);
                    }
                    changed.push(old);
                }
                for (path, bytes) in assets {
                    self.assets.insert(path.clone());
                    out.insert(path.clone(), bytes);
                    changed.push(path);
                }
            }
            for (path, html) in rendered {
                // The theme's files win over pages, as in a build.
                if !self.assets.contains(&path) {
                    out.insert(path.clone(), html);
                }
                changed.push(path);
            }
        }
        changed.sort_unstable();
        changed.dedup();
        let later_count = waiting.len() + unplanned.len();
        self.later = (later_count > 0).then(|| Later {
            site: site.clone(),
            pages: waiting,
            unplanned,
        });
        self.render_all = false;
        // The last site's tables are freed after the reload (`finish`).
        self.retired = Some(Retired {
            cards: self.cards.replace(Arc::new(cards)),
            snapshot: self.snapshot.replace(Snapshot {
                config: setup.config.clone(),
                theme: setup.theme.clone(),
                renderer: setup.renderer.clone(),
                site,
            }),
        });
        self.index = Some(index);
        self.clean = true;
        lap(&mut steps, "apply", &mut t);
        Ok(Rebuilt {
            full,
            processed,
            rendered: rendered_count,
            pages,
            changed,
            warnings: problems.sorted().into(),
            elapsed: started.elapsed(),
            steps,
            later: later_count,
            planned: planned_count,
        })
    }

    /// Render the pages the last rebuild left pending, a batch at a time,
    /// calling `settled` after each batch is served. Returns how many were
    /// rendered, `None` when none were left. On error the pages that failed
    /// keep their last version and the next rebuild links everything again.
    pub fn finish(&mut self, settled: impl FnMut()) -> Result<Option<usize>, Diagnostics> {
        Ok(self.finish_later(settled)?.map(|f| f.rendered))
    }

    /// [`LiveSite::finish`], with the pending paths that turned out
    /// unchanged (fingerprinted only now, and not rendered).
    fn finish_later(&mut self, mut settled: impl FnMut()) -> Result<Option<Finished>, Diagnostics> {
        /// Pages per batch: a reader waiting for one gets it this soon.
        const BATCH: usize = 64;
        drop(self.retired.take());
        let Some(mut later) = self.later.take() else {
            return Ok(None);
        };
        let setup = self.setup.as_ref().expect("loaded with every good site");
        let unchanged = self.plan_later(&mut later);
        if !unchanged.is_empty() {
            let mut pending = self
                .pending
                .write()
                .expect("no panics while holding the lock");
            for path in &unchanged {
                pending.remove(path);
            }
            drop(pending);
            settled();
        }
        let mut problems = Vec::new();
        for batch in later.pages.chunks(BATCH) {
            let refs: Vec<&deps::Planned> = batch.iter().collect();
            let (rendered, failed) = render_pages(setup, &later.site, &refs);
            let failed_paths: HashSet<&str> = if failed.is_empty() {
                HashSet::new()
            } else {
                let done: HashSet<&str> = rendered.iter().map(|(p, _)| p.as_str()).collect();
                batch
                    .iter()
                    .map(|p| p.path.as_str())
                    .filter(|p| !done.contains(p))
                    .collect()
            };
            {
                let (mut pending, mut out) = lock_served(&self.pending, &self.output);
                for (path, html) in rendered {
                    if !self.assets.contains(&path) {
                        out.insert(path.clone(), html);
                    }
                    pending.remove(&path);
                }
                for p in batch {
                    if failed_paths.contains(p.path.as_str()) {
                        pending.remove(&p.path);
                    } else {
                        self.fingerprints.insert(p.path.clone(), p.fingerprint);
                    }
                }
            }
            problems.extend(failed);
            settled();
        }
        if problems.is_empty() {
            Ok(Some(Finished {
                rendered: later.pages.len(),
                unchanged,
            }))
        } else {
            self.clean = false;
            Err(problems.into())
        }
    }

    /// Fingerprint the pages `later` left unplanned: those that changed join
    /// its pages to render, the paths of the others are returned.
    fn plan_later(&self, later: &mut Later) -> Vec<String> {
        if later.unplanned.is_empty() {
            return Vec::new();
        }
        let setup = self.setup.as_ref().expect("loaded with every good site");
        let cards = self.cards.as_ref().expect("kept with every good site");
        let inputs = setup.inputs(&self.hashes, self.generation);
        let pages: Vec<Page> = later.unplanned.iter().map(|p| p.page).collect();
        later.unplanned.clear();
        let mut unchanged = Vec::new();
        for p in deps::fingerprint_all(&inputs, &later.site, cards, &pages) {
            if self.fingerprints.get(&p.path) == Some(&p.fingerprint) {
                unchanged.push(p.path);
            } else {
                later.pages.push(p);
            }
        }
        unchanged
    }

    /// Bring the article cache up to date.
    fn update_content(&mut self, changes: &Changes) -> Result<Update, Diagnostics> {
        let root = self.opts.root.clone();
        let mut to_read: BTreeSet<PathBuf> = BTreeSet::new();
        let structural = changes.content.iter().any(|p| {
            match self.files.get(p) {
                // A known article: still there?
                Some(_) => !root.join(p).is_file(),
                // The metadata of a known `.txt`?
                None => !self
                    .files
                    .values()
                    .any(|c| matches!(&c.format, Format::Plain { meta } if meta == p)),
            }
        });
        let rediscover = !self.discovered || changes.rescan || structural;
        if rediscover {
            let (found, problems) = content::discover(&root);
            self.discover_problems = problems.sorted().into();
            let mut files = BTreeMap::new();
            for SourceFile { path, format } in found {
                let entry = match self.files.remove(&path) {
                    Some(cached) if cached.format == format => cached,
                    _ => {
                        to_read.insert(path.clone());
                        Cached {
                            format,
                            stamp: Vec::new(),
                            hash: None,
                            result: Ok(None),
                        }
                    }
                };
                files.insert(path, entry);
            }
            self.files = files;
            if changes.rescan {
                // Events may have been lost: trust size and time, not events.
                for (path, cached) in &self.files {
                    if stamp(&root, path, &cached.format) != cached.stamp {
                        to_read.insert(path.clone());
                    }
                }
            }
            self.discovered = true;
        }
        for p in &changes.content {
            if self.files.contains_key(p) {
                to_read.insert(p.clone());
            }
            for (path, cached) in &self.files {
                if matches!(&cached.format, Format::Plain { meta } if meta == p) {
                    to_read.insert(path.clone());
                }
            }
        }

        let setup = self.setup.as_ref().expect("loaded before content");
        let jobs: Vec<(PathBuf, Format, Option<u64>)> = to_read
            .into_iter()
            .filter_map(|p| {
                let c = self.files.get(&p)?;
                Some((p, c.format.clone(), c.hash))
            })
            .collect();
        let results: Vec<(PathBuf, Option<Cached>)> = jobs
            .into_par_iter()
            .map(|(path, format, old_hash)| {
                let stamp = stamp(&root, &path, &format);
                let mut parts: Vec<&Path> = vec![&path];
                if let Format::Plain { meta } = &format {
                    parts.push(meta);
                }
                let hash = deps::file_hash(&root, &parts);
                if hash.is_some() && hash == old_hash {
                    return (path, None);
                }
                let file = SourceFile {
                    path: path.clone(),
                    format: format.clone(),
                };
                let result = build::process_file(&root, &file, &setup.config, &setup.extractor);
                (
                    path,
                    Some(Cached {
                        format,
                        stamp,
                        hash,
                        result,
                    }),
                )
            })
            .collect();
        let mut replaced = Vec::new();
        for (path, cached) in results {
            if let Some(cached) = cached {
                match cached.hash {
                    Some(hash) => self.hashes.insert(path.clone(), hash),
                    None => self.hashes.remove(&path),
                };
                let old = self.files.insert(path.clone(), cached);
                replaced.push((path, old));
            }
        }
        if rediscover {
            // Files may have come or gone.
            self.hashes = self
                .files
                .iter()
                .filter_map(|(path, c)| Some((path.clone(), c.hash?)))
                .collect();
        }
        Ok(Update {
            rediscovered: rediscover,
            replaced,
        })
    }

    /// The rebuild for body-only edits: the last good site with the new
    /// bodies, and the pages of those articles rendered again. Returns the
    /// changed paths and how many pages were rendered.
    fn patch_bodies(&mut self, edits: Vec<BodyEdit>) -> Result<(Vec<String>, usize), Diagnostics> {
        let setup = self.setup.as_ref().expect("loaded before content");
        let cards = self.cards.clone().expect("kept with every good site");
        let snapshot = self.snapshot.take().expect("checked by body_only_edits");
        // A shallow copy: only the edited articles are copied.
        let mut site = Site::clone(&snapshot.site);
        for e in &edits {
            let article = Arc::make_mut(&mut site.articles[e.index]);
            article.body = e.body.clone();
            article.word_count = e.word_count;
        }
        let site = Arc::new(site);
        let files: HashMap<PathBuf, u64> = edits
            .iter()
            .filter_map(|e| Some((e.file.clone(), e.hash?)))
            .collect();
        let inputs = deps::Inputs {
            config: &setup.config,
            renderer: &setup.renderer,
            files: &files,
            templates: &setup.templates,
            always: self.generation,
        };
        let planned: Vec<deps::Planned> = edits
            .iter()
            .map(|e| deps::fingerprint(&inputs, &site, &cards, Page::Article(e.index)))
            .filter(|p| self.fingerprints.get(&p.path) != Some(&p.fingerprint))
            .collect();
        let refs: Vec<&deps::Planned> = planned.iter().collect();
        let (rendered, failed) = render_pages(setup, &site, &refs);
        let snapshot = Snapshot { site, ..snapshot };
        if !failed.is_empty() {
            // The output keeps the old pages; the next rebuild is a full one.
            self.snapshot = Some(snapshot);
            return Err(failed.into());
        }
        let count = rendered.len();
        let mut changed = Vec::with_capacity(count);
        {
            let mut out = self
                .output
                .write()
                .expect("no panics while holding the lock");
            for (path, html) in rendered {
                if !self.assets.contains(&path) {
                    out.insert(path.clone(), html);
                }
                changed.push(path);
            }
        }
        for p in planned {
            self.fingerprints.insert(p.path, p.fingerprint);
        }
        self.snapshot = Some(snapshot);
        Ok((changed, count))
    }

    /// The last good site relinked after an edit of one article (see
    /// `site::relink`), with its index, or `None` when the edit needs a full
    /// link. `index` is the last good site's.
    /// The paths of the pages open in a browser now.
    fn shown_now(&self) -> HashSet<String> {
        self.shown
            .lock()
            .expect("no panics while holding the lock")
            .keys()
            .cloned()
            .collect()
    }

    fn relink_one(
        &self,
        update: &Update,
        was_clean: bool,
        assets_changed: bool,
        index: Option<LinkIndex>,
    ) -> Option<(Site, LinkIndex, site::Laps)> {
        if assets_changed || update.rediscovered || !was_clean || self.render_all {
            return None;
        }
        let [(path, old)] = update.replaced.as_slice() else {
            return None;
        };
        let mut index = index?;
        let site = &self.snapshot.as_ref()?.site;
        let mut laps = site::Laps::default();
        if !self.publishes_same_articles(site) {
            return None;
        }
        laps.lap("relink: published");
        let before = old.as_ref()?.result.as_ref().ok()?.as_ref()?;
        let after = self.files.get(path)?.result.as_ref().ok()?.as_ref()?;
        let relinked = site::relink(site, &mut index, before, after, &mut laps)?;
        Some((relinked, index, laps))
    }

    /// Whether the articles published now are those of `site`, from the same
    /// files. Time alone may publish an article (its date comes) or withdraw
    /// one (it expires).
    fn publishes_same_articles(&self, site: &Site) -> bool {
        let now = chrono::Utc::now().fixed_offset();
        let mut published = 0;
        for p in self
            .files
            .values()
            .filter_map(|c| c.result.as_ref().ok()?.as_ref())
            .filter(|p| build::published(p, &self.opts, now))
        {
            match site.article_slugs.get(&p.slug) {
                Some(&index) if site.articles[index].file == p.file => published += 1,
                _ => return false,
            }
        }
        published == site.articles.len()
    }

    /// The articles of `update` whose new version differs from the one in
    /// the last good site only in its own body (HTML, text, word count), or
    /// `None` when anything else changed. Such an edit leaves every digest,
    /// quotation and index as it was: only the article's page changes.
    fn body_only_edits(&self, update: &Update, was_clean: bool) -> Option<Vec<BodyEdit>> {
        if update.rediscovered || !was_clean || self.render_all {
            return None;
        }
        let site = &self.snapshot.as_ref()?.site;
        let edits: Vec<BodyEdit> = update
            .replaced
            .iter()
            .map(|(path, old)| {
                let old = old.as_ref()?.result.as_ref().ok()?.as_ref()?;
                let cached = self.files.get(path)?;
                let new = cached.result.as_ref().ok()?.as_ref()?;
                if !new.same_but_body(old) {
                    return None;
                }
                let index = *site.article_slugs.get(&new.slug)?;
                (site.articles[index].file == new.file).then(|| BodyEdit {
                    index,
                    file: new.file.clone(),
                    hash: cached.hash,
                    body: new.body.clone(),
                    word_count: new.word_count,
                })
            })
            .collect::<Option<_>>()?;
        // Checked last: it reads every file (and a quotation edit, which
        // fails the checks above, checks it again to relink).
        self.publishes_same_articles(site).then_some(edits)
    }
}

impl Setup {
    /// What fingerprints read besides the site, for the rebuild `generation`.
    fn inputs<'a>(
        &'a self,
        hashes: &'a HashMap<PathBuf, u64>,
        generation: u64,
    ) -> deps::Inputs<'a> {
        deps::Inputs {
            config: &self.config,
            renderer: &self.renderer,
            files: hashes,
            templates: &self.templates,
            always: generation,
        }
    }

    fn load(opts: &BuildOptions) -> Result<Setup, Diagnostics> {
        // As a build reads it: every problem of site.yaml and the flags.
        let config = crate::build::load_config(opts)?;
        let theme = Theme::load(&opts.root, &config.site.theme)?;
        let renderer = Renderer::new(&config, &theme)?;
        let extractor = Extractor::new(&config.site);
        Ok(Setup {
            templates: deps::template_closures(&theme),
            config: Arc::new(config),
            theme: Arc::new(theme),
            renderer: Arc::new(renderer),
            extractor,
        })
    }

    fn reload_theme(&mut self, opts: &BuildOptions) -> Result<(), Diagnostics> {
        let theme = Theme::load(&opts.root, &self.config.site.theme)?;
        let renderer = Renderer::new(&self.config, &theme)?;
        self.templates = deps::template_closures(&theme);
        self.theme = Arc::new(theme);
        self.renderer = Arc::new(renderer);
        Ok(())
    }
}

/// The pending set and the served files, locked for writing in the order
/// readers take them (`http::find`): a reader sees a page either as the new
/// site has it or as pending.
fn lock_served<'a>(
    pending: &'a Pending,
    output: &'a Files,
) -> (
    RwLockWriteGuard<'a, HashSet<String>>,
    RwLockWriteGuard<'a, HashMap<String, Bytes>>,
) {
    let pending = pending.write().expect("no panics while holding the lock");
    let output = output.write().expect("no panics while holding the lock");
    (pending, output)
}

/// Whether a page may be rendered after the reload: one no browser shows.
/// The reload tells open pages to load again; only those must be ready then.
/// (One quotation more shifts every quotation page after its rank, one
/// article more in a topic every page of the topic's digest, and a digest's
/// first page draws its charts: what no one looks at need not hold the
/// reload up.)
fn can_wait(page: &deps::Planned, shown: &HashSet<String>) -> bool {
    !shown.contains(&page.path)
}

/// Render pages in parallel, each with its output path.
/// The pages rendered as a build renders them (`build::render_pages`), kept
/// in memory: each page's path and HTML, by path, and the problems.
fn render_pages(
    setup: &Setup,
    site: &Site,
    pages: &[&deps::Planned],
) -> (Vec<(String, Bytes)>, Vec<Diagnostic>) {
    let pages: Vec<Page> = pages.iter().map(|p| p.page).collect();
    let out = Collected::default();
    let problems = build::render_pages(
        &setup.config,
        site,
        &setup.renderer,
        &pages,
        Some(&out),
        None,
        &build::StageClock::default(),
    );
    let mut rendered: Vec<(String, Bytes)> = out
        .into_files()
        .into_iter()
        .map(|(path, html)| (path, Bytes::from(html)))
        .collect();
    rendered.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (rendered, problems)
}

fn lap(steps: &mut Vec<(&'static str, Duration)>, name: &'static str, since: &mut Instant) {
    let now = Instant::now();
    steps.push((name, now - *since));
    *since = now;
}

fn stamp(root: &Path, path: &Path, format: &Format) -> Vec<Option<(u64, SystemTime)>> {
    let one = |p: &Path| {
        let m = std::fs::metadata(root.join(p)).ok()?;
        Some((m.len(), m.modified().ok()?))
    };
    let mut out = vec![one(path)];
    if let Format::Plain { meta } = format {
        out.push(one(meta));
    }
    out
}

/// The assets as a build writes them (`build::write_assets`), kept in
/// memory; a file that cannot be read is a warning here, the server goes on.
fn read_assets(root: &Path, theme: &Theme, problems: &mut Diagnostics) -> Vec<(String, Bytes)> {
    problems.extend(theme.warnings.iter().cloned());
    let assets = Collected::default();
    for (file, e) in crate::build::write_assets(&assets, theme) {
        problems.push(
            Diagnostic::warning(format!("cannot read: {e}"))
                .in_file(content::relative(root, &file)),
        );
    }
    assets
        .into_files()
        .into_iter()
        .map(|(path, bytes)| (path, Bytes::from(bytes)))
        .collect()
}
