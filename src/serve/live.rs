//! The site as `serve` keeps it between rebuilds: each article processed
//! once and cached by the hash of its file, the rendered pages in memory, and
//! each page's fingerprint (see `deps`). A rebuild re-reads only the files
//! that changed, links the whole site again (linear and cheap), and renders
//! only the pages whose fingerprint changed.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use axum::body::Bytes;
use rayon::prelude::*;

use super::deps;
use crate::build::{self, BuildOptions};
use crate::config::Config;
use crate::content::{self, Format, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Extractor;
use crate::render::theme::StaticFile;
use crate::render::{Renderer, Theme};
use crate::site::{self, Processed, Site};

/// The served files that live in memory: pages and the theme's files, by
/// their path in the output (`articles/x/index.html`).
pub type Files = Arc<RwLock<HashMap<String, Bytes>>>;

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
    result: Result<Option<Processed>, Vec<Diagnostic>>,
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
    fingerprints: HashMap<String, u64>,
    /// Render every page at the next rebuild (after `site.yaml` changed).
    render_all: bool,
    assets: HashSet<String>,
    output: Files,
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
            fingerprints: HashMap::new(),
            render_all: true,
            assets: HashSet::new(),
            output: Files::default(),
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
    pub fn rebuild(&mut self, changes: &Changes) -> Result<Rebuilt, Vec<Diagnostic>> {
        let started = Instant::now();
        let mut steps = Vec::new();
        let mut step = |name: &'static str, since: &mut Instant| {
            let now = Instant::now();
            steps.push((name, now - *since));
            *since = now;
        };
        let mut t = Instant::now();
        self.generation += 1;
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
            step("config", &mut t);
        } else if changes.theme || self.theme_stale {
            self.theme_stale = true;
            let setup = self.setup.as_mut().expect("loaded above");
            setup.reload_theme(&self.opts)?;
            self.theme_stale = false;
            assets_changed = true;
            step("theme", &mut t);
        }

        let processed = self.update_content(changes)?;
        step("read", &mut t);
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
        let now = chrono::Utc::now().fixed_offset();
        let published: Vec<&Processed> = self
            .files
            .values()
            .filter_map(|c| c.result.as_ref().ok()?.as_ref())
            .filter(|p| build::published(p, &self.opts, now))
            .collect();
        let articles: Vec<Processed> = published.par_iter().map(|p| (*p).clone()).collect();
        build::check_slugs(&articles, &mut problems);
        if problems.has_errors() {
            return Err(problems.sorted());
        }
        step("clone", &mut t);
        let site = Arc::new(site::link(&setup.config.site, articles));
        step("link", &mut t);

        let hashes: HashMap<PathBuf, u64> = self
            .files
            .iter()
            .filter_map(|(path, c)| Some((path.clone(), c.hash?)))
            .collect();
        let plan = deps::plan(
            &setup.config,
            &setup.renderer,
            &site,
            &hashes,
            &setup.templates,
            self.generation,
        );
        step("plan", &mut t);
        let todo: Vec<&deps::Planned> = plan
            .iter()
            .filter(|p| self.render_all || self.fingerprints.get(&p.path) != Some(&p.fingerprint))
            .collect();
        let results: Vec<Result<(String, Bytes), Diagnostic>> = todo
            .par_iter()
            .map(|p| {
                setup
                    .renderer
                    .render(&setup.config, &site, p.page)
                    .map(|html| (p.path.clone(), Bytes::from(html)))
            })
            .collect();
        let mut rendered = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(page) => rendered.push(page),
                Err(d) => problems.push(d),
            }
        }
        if problems.has_errors() {
            return Err(problems.sorted());
        }
        step("render", &mut t);

        let assets = if assets_changed {
            Some(read_assets(&self.opts.root, &setup.theme, &mut problems))
        } else {
            None
        };
        let new_paths: HashSet<&str> = plan.iter().map(|p| p.path.as_str()).collect();
        let mut changed: Vec<String> = Vec::with_capacity(rendered.len());
        {
            let mut out = self
                .output
                .write()
                .expect("no panics while holding the lock");
            for old in self.fingerprints.keys() {
                if !new_paths.contains(old.as_str()) && !self.assets.contains(old) {
                    out.remove(old);
                    changed.push(old.clone());
                }
            }
            if let Some(assets) = assets {
                for old in self.assets.drain() {
                    if !new_paths.contains(old.as_str()) {
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
        self.render_all = false;
        self.fingerprints = plan
            .iter()
            .map(|p| (p.path.clone(), p.fingerprint))
            .collect();
        self.snapshot = Some(Snapshot {
            config: setup.config.clone(),
            theme: setup.theme.clone(),
            renderer: setup.renderer.clone(),
            site,
        });
        step("apply", &mut t);
        Ok(Rebuilt {
            full,
            processed,
            rendered: todo.len(),
            pages: plan.len(),
            changed,
            warnings: problems.sorted(),
            elapsed: started.elapsed(),
            steps,
        })
    }

    /// Bring the article cache up to date; the number of files processed.
    fn update_content(&mut self, changes: &Changes) -> Result<usize, Vec<Diagnostic>> {
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
        if !self.discovered || changes.rescan || structural {
            let (found, problems) = content::discover(&root);
            self.discover_problems = problems.sorted();
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
        let mut processed = 0;
        for (path, cached) in results {
            if let Some(cached) = cached {
                processed += 1;
                self.files.insert(path, cached);
            }
        }
        Ok(processed)
    }
}

impl Setup {
    fn load(opts: &BuildOptions) -> Result<Setup, Vec<Diagnostic>> {
        let mut config = Config::load(&opts.root)?;
        if let Some(base_url) = &opts.base_url {
            config = config.with_base_url(base_url);
        }
        let theme = Theme::load(&opts.root, &config.site.theme).map_err(|d| vec![d])?;
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

    fn reload_theme(&mut self, opts: &BuildOptions) -> Result<(), Vec<Diagnostic>> {
        let theme = Theme::load(&opts.root, &self.config.site.theme).map_err(|d| vec![d])?;
        let renderer = Renderer::new(&self.config, &theme)?;
        self.templates = deps::template_closures(&theme);
        self.theme = Arc::new(theme);
        self.renderer = Arc::new(renderer);
        Ok(())
    }
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

/// The theme's and the site's static files and the highlighting style
/// sheet, as a build writes them. A static file that is a symbolic link to
/// something outside the site is left out: serve never hands out a file from
/// outside the site, whatever links point where.
fn read_assets(root: &Path, theme: &Theme, problems: &mut Diagnostics) -> Vec<(String, Bytes)> {
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut out = Vec::with_capacity(theme.statics.len() + 1);
    for file in &theme.statics {
        match file {
            StaticFile::Embedded { path, bytes } => {
                out.push((path.clone(), Bytes::from_static(bytes)));
            }
            StaticFile::Disk { path, file } => {
                let inside = file
                    .canonicalize()
                    .is_ok_and(|real| real.starts_with(&real_root));
                if !inside {
                    problems.push(
                        Diagnostic::warning(
                            "not served: this static file links to a file outside the site",
                        )
                        .in_file(content::relative(root, file))
                        .help("copy the file into static/ instead of linking to it"),
                    );
                    continue;
                }
                match std::fs::read(file) {
                    Ok(bytes) => out.push((path.clone(), Bytes::from(bytes))),
                    Err(e) => problems.push(
                        Diagnostic::warning(format!("cannot read: {e}"))
                            .in_file(content::relative(root, file)),
                    ),
                }
            }
        }
    }
    out.push((
        content::highlight::STYLESHEET_PATH.to_string(),
        Bytes::from(content::highlight::stylesheet().into_bytes()),
    ));
    out
}
