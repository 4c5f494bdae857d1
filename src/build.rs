//! The build: every stage in order, parallel where the work is per article,
//! collecting every problem of the run before deciding whether to write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cache;
use crate::config::Config;
use crate::content::{self, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Extractor;
use crate::output::{self, Output, Staging};
use crate::render::{Renderer, Theme};
use crate::site::routes::Page;
use crate::site::{self, Processed, Site};
use crate::slug::slugify;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `output_dir` of site.yaml.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    pub drafts: bool,
    pub future: bool,
    /// Render everything but write nothing (`dossier check`).
    pub dry_run: bool,
}

/// The time spent in each stage. Per-article stages run on every core; their
/// figures are the sum over threads, so they can exceed the wall time.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    fn add(&mut self, stage: &'static str, d: Duration) {
        self.stages.push((stage, d));
    }
}

#[derive(Debug)]
pub struct BuildReport {
    pub articles: usize,
    pub actors: usize,
    pub topics: usize,
    pub quotations: usize,
    pub pages: usize,
    pub output: PathBuf,
    pub warnings: Vec<Diagnostic>,
    pub timings: Timings,
    pub elapsed: Duration,
    /// What the build cache spared, when it was used.
    pub cached: Option<CacheUse>,
}

/// What a build took from the build cache instead of doing again.
#[derive(Debug, Clone, Copy, Default)]
pub struct CacheUse {
    /// Articles whose stored result was used: not read and analysed again.
    pub articles: usize,
    /// Pages kept from the live output: not rendered again.
    pub pages: usize,
    /// Whether the feeds, sitemap, data and search index were kept as a
    /// whole.
    pub extras: bool,
    /// Print pages kept from the live output, and print pages in all.
    pub print: (usize, usize),
}

/// Everything loaded, linked and ready to render: what `build`, `check`,
/// `serve` and `print` share.
pub struct Loaded {
    pub config: Config,
    pub theme: Theme,
    pub site: Site,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// The site's configuration, with the command line's overrides; every
/// problem of site.yaml and of the flags at once.
pub fn load_config(opts: &BuildOptions) -> Result<Config, Diagnostics> {
    let mut problems = Diagnostics::new();
    match load_config_into(opts, &mut problems) {
        Some(config) if !problems.has_errors() => Ok(config),
        _ => Err(problems.sorted()),
    }
}

/// [`load_config`] as far as it goes: problems go into `problems`, wrong
/// settings keep their defaults so the run can go on to the content. `None`
/// only when there is no site.yaml to read.
pub fn load_config_into(opts: &BuildOptions, problems: &mut Diagnostics) -> Option<Config> {
    let config = Config::load_into(&opts.root, problems)?;
    let Some(base_url) = &opts.base_url else {
        return Some(config);
    };
    match crate::config::base_url_problem(base_url) {
        Some(why) => {
            problems.push(
                Diagnostic::error(format!("`--base-url {base_url}` cannot be the site's address: {why}"))
                    .help("pass the address the site is served from, e.g. `--base-url https://briefing.example.org`, or a path such as `--base-url /briefing`"),
            );
            Some(config)
        }
        None => Some(config.with_base_url(base_url)),
    }
}

/// Load, process and link a site. Errors come back all together: those of
/// site.yaml with those of the content.
pub fn load_site(opts: &BuildOptions) -> Result<Loaded, Diagnostics> {
    let mut problems = Diagnostics::new();
    let Some(config) = load_config_into(opts, &mut problems) else {
        return Err(problems.sorted());
    };
    load_site_with(config, opts, problems)
}

/// `load_site` for a configuration already read, with the problems found so
/// far (site.yaml's, the output folder's): they fail the run together with
/// the content's.
pub fn load_site_with(
    config: Config,
    opts: &BuildOptions,
    problems: Diagnostics,
) -> Result<Loaded, Diagnostics> {
    load_site_cached(config, opts, problems, None).map(|(loaded, _)| loaded)
}

/// What the build cache gave the articles and keeps of them.
struct ArticleCache<'a> {
    /// The hash of each article file's bytes (with its metadata file).
    hashes: HashMap<PathBuf, u64>,
    /// The articles file for the next build, when it differs from the one
    /// read.
    next: Option<NextArticles<'a>>,
    /// Articles whose stored result was used.
    hits: usize,
}

/// The articles file of the next build, being written: the articles
/// processed this time are in it already, those taken from the cache are
/// still to be added.
struct NextArticles<'a> {
    writer: cache::Writer,
    kept: Vec<cache::Entry<'a>>,
}

impl NextArticles<'_> {
    /// Finish the file. A cache that cannot be written costs the next build
    /// time, nothing else.
    fn save(self) {
        for e in &self.kept {
            self.writer.add(&e.path, e.content, e.payload);
        }
        let _ = self.writer.finish();
    }
}

/// One article file through the cache: its stored result when the cache
/// holds one for these bytes, else processed (and written to the next
/// build's cache as it is).
struct Outcome<'a> {
    result: Result<Option<Processed>, Diagnostics>,
    /// The hash of the file's bytes, when they could be read.
    content: Option<u64>,
    /// The stored result used, to write back into the next build's cache.
    hit: Option<cache::Entry<'a>>,
}

fn process_cached<'a>(
    root: &Path,
    file: &SourceFile,
    config: &Config,
    extractor: &Extractor,
    clock: &StageClock,
    store: Option<&'a cache::Articles>,
    next: Option<&cache::Writer>,
) -> Outcome<'a> {
    let mut t = Instant::now();
    let read = content::read(root, file);
    lap(&clock.load, &mut t);
    let Some(store) = store else {
        return Outcome {
            result: process(file, read, config, extractor, clock),
            content: None,
            hit: None,
        };
    };
    // The bytes just read, hashed before they are turned into the article.
    let content = read.files(file).map(cache::deps::bytes_hash);
    if let Some(content) = content
        && let Some((processed, payload)) = store.get(&file.path, content)
    {
        return Outcome {
            result: Ok(Some(processed)),
            content: Some(content),
            hit: Some(cache::Entry {
                path: file.path.clone(),
                content,
                payload,
            }),
        };
    }
    let result = process(file, read, config, extractor, clock);
    if let (Ok(Some(p)), Some(content), Some(next)) = (&result, content, next)
        && let Some(payload) = cache::encode(p)
    {
        next.add(&file.path, content, &payload);
    }
    Outcome {
        result,
        content,
        hit: None,
    }
}

/// [`load_site_with`], taking each article's result from `store` where it
/// holds one for the file's bytes. Returns what the cache needs besides.
/// `store` comes with the cache folder and the setup key to write the next
/// build's articles file with.
fn load_site_cached<'a>(
    config: Config,
    opts: &BuildOptions,
    mut problems: Diagnostics,
    store: Option<(&'a cache::Articles, &'a Path, u64)>,
) -> Result<(Loaded, ArticleCache<'a>), Diagnostics> {
    let mut timings = Timings::default();
    let theme = match Theme::load(&opts.root, &config.site.theme) {
        Ok(theme) => {
            problems.extend(theme.warnings.iter().cloned());
            Some(theme)
        }
        Err(d) => {
            problems.push(d);
            None
        }
    };

    let start = Instant::now();
    let (files, found) = content::discover(&opts.root);
    problems.extend(found);
    timings.add("discover", start.elapsed());

    let start = Instant::now();
    let extractor = Extractor::new(&config.site);
    let clock = StageClock::default();
    let now = chrono::Utc::now().fixed_offset();
    let writer = store.and_then(|(_, dir, setup)| cache::Writer::create(dir, setup).ok());
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|file| {
            let read = store.map(|(store, ..)| store);
            let next = writer.as_ref();
            process_cached(&opts.root, file, &config, &extractor, &clock, read, next)
        })
        .collect();
    clock.report(&mut timings);
    let mut processed = Vec::with_capacity(outcomes.len());
    let mut hashes = HashMap::with_capacity(outcomes.len());
    let mut hits = Vec::new();
    let mut written = 0;
    for (file, outcome) in files.iter().zip(outcomes) {
        if let Some(content) = outcome.content {
            hashes.insert(file.path.clone(), content);
        }
        match (outcome.hit, &outcome.result) {
            (Some(hit), _) => hits.push(hit),
            (None, Ok(Some(_))) if outcome.content.is_some() => written += 1,
            _ => {}
        }
        match outcome.result {
            Ok(Some(p)) if published(&p, opts, now) => processed.push(p),
            Ok(_) => {}
            Err(ds) => problems.extend(ds),
        }
    }
    // The file is written again only when it would not hold the same
    // entries: an article processed anew, or one gone.
    let changed = store.is_some_and(|(store, ..)| written > 0 || hits.len() != store.len());
    let kept = ArticleCache {
        hashes,
        hits: hits.len(),
        next: writer
            .filter(|_| changed)
            .map(|writer| NextArticles { writer, kept: hits }),
    };
    timings.add("process (wall)", start.elapsed());
    let processed: Vec<&Processed> = processed.iter().collect();
    check_slugs(&processed, &mut problems);
    let (Some(theme), false) = (theme, problems.has_errors()) else {
        return Err(problems.sorted());
    };

    let start = Instant::now();
    let site = site::link(&config.site, processed);
    timings.add("link", start.elapsed());
    let loaded = Loaded {
        config,
        theme,
        site,
        warnings: problems,
        timings,
    };
    Ok((loaded, kept))
}

/// Build the site into its output folder, or (dry run) only render it.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_with(opts, false)
}

/// [`build`], with the build cache (`.dossier-cache/` in the site, see
/// `cache`) when `use_cache`: articles whose bytes did not change are not
/// read and analysed again, and pages whose inputs did not change are taken
/// from the live output instead of being rendered. The output is the same.
pub fn build_with(opts: &BuildOptions, use_cache: bool) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let mut problems = Diagnostics::new();
    let Some(config) = load_config_into(opts, &mut problems) else {
        return Err(problems.sorted());
    };
    let output_dir = output_folder(opts, &config, !opts.dry_run, &mut problems);
    let cache_dir = cache::dir(&opts.root);
    let use_cache = use_cache && !opts.dry_run && !overlaps(&cache_dir, &output_dir);
    let setup = cache::setup_key(&opts.root, opts.base_url.as_deref());
    let t = Instant::now();
    let store = use_cache.then(|| cache::Articles::read(&cache_dir, setup));
    let last = use_cache
        .then(|| cache::PageState::read(&cache_dir, setup))
        .flatten();
    let cache_read = t.elapsed();
    let (loaded, articles) = load_site_cached(
        config,
        opts,
        problems,
        store.as_ref().map(|s| (s, cache_dir.as_path(), setup)),
    )?;
    let Loaded {
        config,
        theme,
        site,
        warnings,
        mut timings,
    } = loaded;
    if use_cache {
        timings.add("cache read", cache_read);
    }

    let t = Instant::now();
    let staging = if opts.dry_run {
        None
    } else {
        Some(Staging::new(&output_dir).map_err(|e| {
            vec![
                Diagnostic::error(format!("cannot create the output folder: {e}"))
                    .in_file(&output_dir),
            ]
        })?)
    };
    timings.add("staging", t.elapsed());
    let (pages, state, spared) = std::thread::scope(|scope| {
        // Finished while the pages render; only the next build reads it.
        let saving = articles.next.map(|next| scope.spawn(|| next.save()));
        let rendered = match (&staging, use_cache) {
            (Some(staging), true) => {
                let cached = Cached {
                    hashes: &articles.hashes,
                    last,
                    output: output_key(&output_dir),
                    dir: &cache_dir,
                    setup,
                };
                render_cached(&config, &theme, &site, staging, cached, &mut timings).map(
                    |(n, state, mut spared)| {
                        spared.articles = articles.hits;
                        (n, Some(state), Some(spared))
                    },
                )
            }
            _ => render_all(&config, &theme, &site, staging.as_ref(), &mut timings)
                .map(|n| (n, None, None)),
        };
        if let Some(saving) = saving {
            let _ = saving.join();
        }
        rendered
    })?;
    if let Some(staging) = staging {
        let t = Instant::now();
        let manifest = staging.commit_live().map_err(|e| {
            vec![
                Diagnostic::error(format!("cannot put the new site in place: {e}"))
                    .in_file(&output_dir)
                    .help(
                        "check that nothing holds the output folder open and that it is writable",
                    ),
            ]
        })?;
        timings.add("commit", t.elapsed());
        if let Some(mut state) = state {
            let t = Instant::now();
            state.manifest = manifest;
            let _ = state.write(&cache_dir, setup);
            timings.add("cache write", t.elapsed());
        }
    }
    timings.add("total", started.elapsed());
    Ok(BuildReport {
        articles: site.articles.len(),
        actors: site.actors.len(),
        topics: site.topics.len(),
        quotations: site.quotations.len(),
        pages,
        output: output_dir,
        warnings: warnings.sorted().into(),
        timings,
        elapsed: started.elapsed(),
        cached: spared,
    })
}

/// Whether one of two folders is, or holds, the other: the cache is never
/// written into the output, nor the output into the cache.
fn overlaps(a: &Path, b: &Path) -> bool {
    let (a, b) = (output_key(a), output_key(b));
    Path::new(&a).starts_with(&b) || Path::new(&b).starts_with(&a)
}

/// The output folder as the cache names it: absolute.
fn output_key(dir: &Path) -> String {
    std::path::absolute(dir)
        .unwrap_or_else(|_| dir.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// What a cached build knows of the last one.
struct Cached<'a> {
    /// The hash of each article file's bytes.
    hashes: &'a HashMap<PathBuf, u64>,
    /// The pages of the last build with the cache, if it describes the live
    /// output of this folder.
    last: Option<cache::PageState>,
    output: String,
    /// The cache folder and the setup key its files are written with.
    dir: &'a Path,
    setup: u64,
}

/// [`render_all`] into `staging` for a cached build: every page's
/// fingerprint is computed (see `cache::deps`); a page whose fingerprint is
/// the one the live output was rendered with is kept from it, the others
/// are rendered. The outputs beyond pages are kept the same way, as a whole,
/// when nothing they read changed. Returns the pages and what the next
/// build needs to know (its `manifest` to fill in at the commit).
fn render_cached(
    config: &Config,
    theme: &Theme,
    site: &Site,
    staging: &Staging,
    cached: Cached,
    timings: &mut Timings,
) -> Result<(usize, cache::PageState, CacheUse), Diagnostics> {
    let start = Instant::now();
    let renderer = Renderer::new(config, theme)?;
    let all = renderer.pages(site);
    crate::site::routes::check_unique(site, &all)?;
    check_statics(theme, site, &all)?;
    let last = cached
        .last
        .filter(|l| l.output == cached.output && Some(l.manifest) == staging.live_manifest());
    let templates = cache::deps::template_closures(theme);
    let inputs = cache::deps::Inputs {
        config,
        renderer: &renderer,
        files: cached.hashes,
        templates: &templates,
        always: unique(),
    };
    let cards = cache::deps::cards(site);
    let plan = cache::deps::plan(&inputs, site, &cards);
    timings.add("plan", start.elapsed());
    let t = Instant::now();
    let todo: Vec<Page> = plan
        .par_iter()
        .filter(|p| {
            let same = last
                .as_ref()
                .is_some_and(|l| l.pages.get(&p.path) == Some(&p.fingerprint));
            !(same && staging.keep(&p.path))
        })
        .map(|p| p.page)
        .collect();
    timings.add("keep pages", t.elapsed());
    let extras = extras_fingerprint(theme, site, cached.hashes);
    let clock = StageClock::default();
    let print_inputs = PrintInputs {
        deps: &inputs,
        cards: &cards,
        last: last.as_ref(),
        base: extras_fingerprint(theme, site, &HashMap::new()),
    };
    let (errors, beyond) = rayon::join(
        || render_pages(config, site, &renderer, &todo, Some(staging), None, &clock),
        || {
            let start = Instant::now();
            let kept = last.as_ref().is_some_and(|l| {
                l.extras == extras && l.extra_files.par_iter().all(|f| staging.keep(f))
            });
            let mut publish = Duration::ZERO;
            let published = match (kept, last.as_ref()) {
                (true, Some(last)) => Ok(crate::publish::Made {
                    layout: last.layout.clone(),
                    weighed: None,
                }),
                _ => {
                    let t = Instant::now();
                    // The search documents' terms the last build weighed
                    // (megabytes), read only when they are of use, and
                    // while the pages render.
                    let weighed = cache::read_weighed(cached.dir, cached.setup);
                    let previous = crate::publish::Previous {
                        layout: last.as_ref().map(|l| &l.layout),
                        weighed: weighed.as_ref(),
                    };
                    let published = crate::publish::write_reusing(
                        config,
                        site,
                        &renderer,
                        crate::publish::Out::new(Some(staging)),
                        Some(previous),
                    )
                    .map(|mut made| {
                        // Written now rather than after the commit, so that
                        // it is not held while the pages render: the terms
                        // are true of the documents, whatever becomes of
                        // this build. A file that cannot be written costs
                        // the next build time, nothing else.
                        if let Some(weighed) = made.weighed.take() {
                            let _ = cache::write_weighed(cached.dir, cached.setup, &weighed);
                        }
                        made
                    });
                    publish = t.elapsed();
                    published
                }
            };
            let printed = published.and_then(|made| {
                print_cached(config, theme, site, &renderer, staging, &print_inputs)
                    .map(|print| (made, print))
            });
            (printed, kept, publish, start.elapsed())
        },
    );
    clock.report(timings);
    let (beyond, kept_extras, publish, beyond_elapsed) = beyond;
    let (beyond, made, (print, print_kept)) = match beyond {
        Ok((made, print)) => (Ok(()), Some(made), print),
        Err(problems) => (Err(problems), None, (HashMap::new(), 0)),
    };
    if !kept_extras {
        timings.add("extras publish (wall)", publish);
    }
    timings.add(
        "extras print (wall)",
        beyond_elapsed.saturating_sub(publish),
    );
    timings.add("extras (wall)", beyond_elapsed);
    timings.add("render+write (wall)", start.elapsed());
    let pages: HashMap<String, u64> = plan.into_iter().map(|p| (p.path, p.fingerprint)).collect();
    // What is recorded before the theme's files and is neither a page nor a
    // print page: the outputs of `publish`.
    let extra_files: Vec<String> = staging
        .recorded()
        .into_iter()
        .filter(|f| !pages.contains_key(f) && !print.contains_key(f))
        .collect();
    finish(errors, beyond, theme, Some(staging))?;
    let count = pages.len();
    let spared = CacheUse {
        articles: 0,
        pages: count - todo.len(),
        extras: kept_extras,
        print: (print_kept, print.len()),
    };
    let made = made.unwrap_or_else(|| crate::publish::Made {
        layout: Default::default(),
        weighed: None,
    });
    let state = cache::PageState {
        output: cached.output,
        manifest: 0,
        pages,
        extras,
        extra_files,
        print,
        layout: made.layout,
    };
    Ok((count, state, spared))
}

/// What a cached build's print pages are fingerprinted with.
struct PrintInputs<'a> {
    deps: &'a cache::deps::Inputs<'a>,
    cards: &'a cache::deps::Cards,
    last: Option<&'a cache::PageState>,
    /// What every print page reads besides the site and its style sheet.
    base: u64,
}

/// The print pages of a cached build: each one whose fingerprint is the one
/// the live output was made with is kept from it, the others are rendered.
/// Returns every print page's fingerprint and how many were kept.
fn print_cached(
    config: &Config,
    theme: &Theme,
    site: &Site,
    renderer: &Renderer,
    staging: &Staging,
    inputs: &PrintInputs,
) -> Result<(HashMap<String, u64>, usize), Diagnostics> {
    use std::hash::{Hash, Hasher};
    let printer = crate::print::Printer::new(config, theme, site, renderer)?;
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    // The cover's "Made" date as it shows it: a build later the same day
    // keeps the page.
    let made = printer.made_shown();
    (inputs.base, printer.style(), made.iso, made.human).hash(&mut h);
    let base = h.finish();
    let fingerprints: HashMap<String, u64> = printer
        .build_selections()
        .into_par_iter()
        .map(|(path, selection)| {
            let subject = match selection.subject {
                crate::print::Subject::Topic(t) => cache::deps::PrintSubject::Topic(t),
                crate::print::Subject::Actor(a) => cache::deps::PrintSubject::Actor(a),
                crate::print::Subject::All => cache::deps::PrintSubject::All,
            };
            let fingerprint = cache::deps::print_fingerprint(
                base,
                subject,
                site,
                inputs.cards,
                inputs.deps.files,
                &selection.articles,
                selection.total,
            );
            (path, fingerprint)
        })
        .collect();
    let kept = std::sync::atomic::AtomicUsize::new(0);
    let keep = |path: &str, _: &crate::print::Selection| {
        let same = inputs
            .last
            .is_some_and(|l| l.print.get(path) == fingerprints.get(path));
        let taken = same && staging.keep(path);
        kept.fetch_add(usize::from(taken), Ordering::Relaxed);
        taken
    };
    printer.write_pages_keeping(Some(staging), &keep)?;
    Ok((fingerprints, kept.into_inner()))
}

/// A value no build had before: the fingerprint input of pages rendered on
/// every build (the home page; a kind of page `cache::deps` does not know).
fn unique() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    xxhash_rust::xxh3::xxh3_64(&now.as_nanos().to_le_bytes()) ^ u64::from(std::process::id())
}

/// Everything the outputs beyond pages (feeds, sitemap, data, search, print)
/// read besides site.yaml (in the cache's setup key): the published articles
/// with their bytes and every template. Not the clock: only print pages
/// read it, and their fingerprints take the day their cover shows
/// (`print_cached`).
fn extras_fingerprint(theme: &Theme, site: &Site, hashes: &HashMap<PathBuf, u64>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    for t in &theme.templates {
        (&t.name, &t.text).hash(&mut h);
    }
    for a in site.articles.iter() {
        (&a.file, hashes.get(&a.file)).hash(&mut h);
    }
    h.finish()
}

/// Render every page, writing each into `staging` when there is one.
pub fn render_all(
    config: &Config,
    theme: &Theme,
    site: &Site,
    staging: Option<&Staging>,
    timings: &mut Timings,
) -> Result<usize, Diagnostics> {
    render_all_with(config, theme, site, staging, timings, None)
}

/// A page as it is rendered: its output path and its HTML.
pub type PageSink<'a> = &'a (dyn Fn(&str, &str) + Sync);

/// [`render_all`], handing each page to `inspect` as well (`check` reads the
/// links of the pages this way, without rendering them twice).
pub fn render_all_with(
    config: &Config,
    theme: &Theme,
    site: &Site,
    staging: Option<&Staging>,
    timings: &mut Timings,
    inspect: Option<PageSink>,
) -> Result<usize, Diagnostics> {
    let start = Instant::now();
    let renderer = Renderer::new(config, theme)?;
    let pages = renderer.pages(site);
    crate::site::routes::check_unique(site, &pages)?;
    check_statics(theme, site, &pages)?;
    let clock = StageClock::default();
    // The files beyond the pages (search, data, feeds, print) are made
    // alongside them: each has a serial part (one data file is one stream,
    // the search index is merged batch by batch) that the pages' parallel
    // work hides.
    let (errors, beyond) = rayon::join(
        || {
            let out = staging.map(|s| s as &dyn Output);
            render_pages(config, site, &renderer, &pages, out, inspect, &clock)
        },
        || {
            let start = Instant::now();
            let result = outputs_beyond_pages(config, theme, site, &renderer, staging);
            (result, start.elapsed())
        },
    );
    clock.report(timings);
    let (beyond, beyond_elapsed) = beyond;
    timings.add("extras (wall)", beyond_elapsed);
    timings.add("render+write (wall)", start.elapsed());
    finish(errors, beyond, theme, staging)?;
    Ok(pages.len())
}

/// The end of a build's rendering: the problems of the pages (the same
/// template error shows up on every page that uses it), else those of the
/// outputs beyond them, else the theme's files written into `staging`.
fn finish(
    errors: Vec<Diagnostic>,
    beyond: Result<(), Diagnostics>,
    theme: &Theme,
    staging: Option<&Staging>,
) -> Result<(), Diagnostics> {
    if !errors.is_empty() {
        let mut all = Diagnostics::new();
        all.extend(errors);
        return Err(all.sorted());
    }
    beyond?;
    let Some(staging) = staging else {
        return Ok(());
    };
    let failed: Vec<Diagnostic> = write_assets(staging, theme)
        .into_iter()
        .map(|(file, e)| {
            Diagnostic::error(format!("cannot write the theme's files: {e}")).in_file(file)
        })
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.into())
    }
}

/// Render `pages` in parallel, writing each into `out` when there is one: a
/// build's `Staging`, or `serve`'s memory (`Collected`), which renders only
/// the pages an edit changed. Returns the problems.
pub(crate) fn render_pages(
    config: &Config,
    site: &Site,
    renderer: &Renderer,
    pages: &[Page],
    out: Option<&dyn Output>,
    inspect: Option<PageSink>,
    clock: &StageClock,
) -> Vec<Diagnostic> {
    pages
        .par_iter()
        .filter_map(|&page| {
            let t = Instant::now();
            let html = match renderer.render(config, site, page) {
                Ok(html) => html,
                Err(d) => return Some(d),
            };
            clock
                .render
                .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
            if let Some(inspect) = inspect {
                inspect(&page.output_path(site), &html);
            }
            let out = out?;
            let t = Instant::now();
            let path = page.output_path(site);
            let result = out.write(&path, html.as_bytes());
            clock
                .write
                .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
            result.err().map(|e| {
                let problem = Diagnostic::error(format!("cannot write {path}: {e}"));
                match out.dir() {
                    Some(dir) => problem.in_file(dir),
                    None => problem,
                }
            })
        })
        .collect()
}

/// Files beyond the HTML pages (feeds, data, search, printable digests). Each
/// module that adds outputs has one call here; with no staging (a dry run)
/// they still run, so `check` reports their errors.
fn extra_outputs(
    config: &Config,
    site: &Site,
    renderer: &Renderer,
    staging: Option<&Staging>,
) -> Result<(), Diagnostics> {
    crate::publish::write_all(config, site, renderer, staging)
}

/// Every output but the pages and the theme's files: what `extra_outputs`
/// adds and the printable digests. `serve` renders pages itself and calls this.
pub fn outputs_beyond_pages(
    config: &Config,
    theme: &Theme,
    site: &Site,
    renderer: &Renderer,
    staging: Option<&Staging>,
) -> Result<(), Diagnostics> {
    extra_outputs(config, site, renderer, staging)?;
    crate::print::write_pages(config, theme, site, renderer, staging)
}

/// The folder the site is written to: `--output`, else `output_dir` of
/// site.yaml under the root. With `check`, one that a build would destroy
/// the site (or anything else) by replacing is reported, at the flag or at
/// `output_dir` in site.yaml.
pub fn output_folder(
    opts: &BuildOptions,
    config: &Config,
    check: bool,
    problems: &mut Diagnostics,
) -> PathBuf {
    let (dir, from_flag) = match &opts.output {
        Some(dir) => (dir.clone(), true),
        None => (opts.root.join(&config.site.output_dir), false),
    };
    if !check {
        return dir;
    }
    if let Err(unfit) = output::check_output_dir(&opts.root, &dir) {
        let problem = format!(
            "the output folder {} {unfit}; a build replaces the output folder whole, so it would be lost",
            dir.display()
        );
        let right =
            "a new or empty folder of its own, outside content/, templates/, themes/ and static/";
        problems.push(if from_flag {
            Diagnostic::error(format!("`--output`: {problem}"))
                .help(format!("pass {right}, e.g. `--output public`"))
        } else {
            config.places.at(
                "output_dir",
                Diagnostic::error(format!("`output_dir`: {problem}"))
                    .help(format!("name {right}, e.g. `output_dir: public`")),
            )
        });
    }
    dir
}

/// A static file (the site's or its theme's) on a path the site writes
/// itself would silently replace a page, a feed or a data file: an error
/// naming both, before anything is written.
pub fn check_statics(theme: &Theme, site: &Site, pages: &[Page]) -> Result<(), Diagnostics> {
    let on_disk = || {
        theme.statics.iter().filter_map(|s| match s {
            crate::render::theme::StaticFile::Disk { path, file } => Some((path, file)),
            crate::render::theme::StaticFile::Embedded { .. } => None,
        })
    };
    if on_disk().next().is_none() {
        return Ok(());
    }
    let claims = crate::site::routes::Claims::new(site, pages);
    let problems: Vec<Diagnostic> = on_disk()
        .filter_map(|(path, file)| {
            let what = claims.claimant(path)?;
            let shown = file.strip_prefix(".").unwrap_or(file);
            Some(
                Diagnostic::error(format!(
                    "this static file would replace {what}, which the site writes at {path}"
                ))
                .in_file(shown)
                .help(
                    "move or rename it: static files may not take a path of the site's own \
                     pages, feeds, data, search index or print pages (to change how a page \
                     looks, put a template of the same name in templates/)",
                ),
            )
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into())
    }
}

/// The theme's and the site's static files and the highlighting style
/// sheet, into `out`: the staging tree of a build, or serve's memory. Links
/// out of a static folder were left out when the theme was loaded (its
/// warnings say so). Returns the files that could not be written, each with
/// why; the others are written all the same.
pub fn write_assets(out: &dyn Output, theme: &Theme) -> Vec<(PathBuf, std::io::Error)> {
    let mut failed = Vec::new();
    for file in &theme.statics {
        let (result, from) = match file {
            crate::render::theme::StaticFile::Embedded { path, bytes } => {
                (out.write(path, bytes), PathBuf::from(path))
            }
            crate::render::theme::StaticFile::Disk { path, file } => {
                (out.copy(path, file), file.clone())
            }
        };
        if let Err(e) = result {
            failed.push((from, e));
        }
    }
    if let Err(e) = out.write(
        content::highlight::STYLESHEET_PATH,
        content::highlight::stylesheet().as_bytes(),
    ) {
        failed.push((PathBuf::from(content::highlight::STYLESHEET_PATH), e));
    }
    failed
}

/// Summed time of the per-article stages across threads.
#[derive(Default)]
pub(crate) struct StageClock {
    load: AtomicU64,
    markdown: AtomicU64,
    extract: AtomicU64,
    render: AtomicU64,
    write: AtomicU64,
}

impl StageClock {
    fn report(&self, timings: &mut Timings) {
        for (name, counter) in [
            ("load", &self.load),
            ("markdown", &self.markdown),
            ("extract", &self.extract),
            ("render", &self.render),
            ("write", &self.write),
        ] {
            let nanos = counter.swap(0, Ordering::Relaxed);
            if nanos > 0 {
                timings.add(name, Duration::from_nanos(nanos));
            }
        }
    }
}

fn lap(counter: &AtomicU64, since: &mut Instant) {
    let now = Instant::now();
    counter.fetch_add((now - *since).as_nanos() as u64, Ordering::Relaxed);
    *since = now;
}

/// One article through load, Markdown and extraction, whether published or
/// not (`serve` re-processes the files that changed with it).
pub fn process_file(
    root: &Path,
    file: &SourceFile,
    config: &Config,
    extractor: &Extractor,
) -> Result<Option<Processed>, Diagnostics> {
    let read = content::read(root, file);
    process(file, read, config, extractor, &StageClock::default())
}

/// One article, its bytes `read`, through load, Markdown and extraction.
fn process(
    file: &SourceFile,
    read: content::Read,
    config: &Config,
    extractor: &Extractor,
    clock: &StageClock,
) -> Result<Option<Processed>, Diagnostics> {
    let mut t = Instant::now();
    let loaded = content::load_read(file, read, config.timezone)?;
    let title = match loaded
        .meta
        .title
        .clone()
        .or_else(|| loaded.title_line.clone())
    {
        Some(title) => title,
        None => {
            return Err(Diagnostic::error("missing `title`")
                .in_file(&file.path)
                .at_line(2)
                .help("add `title: ...` to the front matter")
                .into());
        }
    };
    let slug = match &loaded.meta.slug {
        Some(slug) => slug.clone(),
        None => slugify(&file.path.file_stem().unwrap_or_default().to_string_lossy()),
    };
    if let Err(crate::slug::IdProblem::TooLong(bytes)) = crate::slug::check_slug(&slug) {
        return Err(Diagnostic::error(format!(
            "this file name makes a slug of {bytes} bytes; a file name may have at most {}",
            crate::slug::MAX_SLUG_BYTES
        ))
        .in_file(&file.path)
        .help("rename the file, or set a shorter `slug:` in its metadata")
        .into());
    }
    if slug.is_empty() {
        return Err(Diagnostic::error("cannot make a slug from this file name")
            .in_file(&file.path)
            .help("rename the file with letters or digits, or set `slug:` in its metadata")
            .into());
    }
    lap(&clock.load, &mut t);
    let document = loaded.document();
    let body_problems = loaded.body_problems(&document);
    if !body_problems.is_empty() {
        return Err(body_problems.into());
    }
    lap(&clock.markdown, &mut t);
    let language = loaded.meta.language.as_deref();
    let (mut findings, marks) = extractor.analyse_in(language, None, &document.prose());
    crate::site::quotes::keep_fragments_local(&mut findings, &slug);
    lap(&clock.extract, &mut t);
    let paragraphs = document.paragraphs();
    let lede = paragraphs.first().cloned().unwrap_or_default();
    let word_count = paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    let body = document.render(&marks);
    lap(&clock.markdown, &mut t);
    Ok(Some(Processed {
        file: file.path.clone(),
        slug,
        title,
        meta: loaded.meta,
        body,
        lede,
        word_count,
        findings,
    }))
}

/// Hugo's publishing states: drafts only with `--drafts`, future dates only
/// with `--future`, and nothing past its `expires`.
pub fn published(
    p: &Processed,
    opts: &BuildOptions,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> bool {
    (opts.drafts || !p.meta.draft)
        && (opts.future || p.meta.date <= now)
        && p.meta.expires.is_none_or(|e| e > now)
}

pub fn check_slugs(processed: &[&Processed], problems: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Path> = HashMap::with_capacity(processed.len());
    for p in processed {
        if let Some(first) = seen.insert(&p.slug, &p.file) {
            problems.push(
                Diagnostic::error(format!(
                    "duplicate slug `{}`: {} and {} would both be /articles/{}/",
                    p.slug,
                    first.display(),
                    p.file.display(),
                    p.slug
                ))
                .in_file(&p.file)
                .help("rename one of the files, or give one a different `slug:` in its metadata"),
            );
        }
    }
}
