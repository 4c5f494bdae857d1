//! `dossier serve`: build the site into memory, serve it on the loopback,
//! watch its files, rebuild what a change affects and reload open pages.
//!
//! Three threads share the work:
//! - the rebuild thread owns the [`LiveSite`]: it takes debounced changes
//!   from the watcher, rebuilds (incrementally, see `live` and `deps`),
//!   updates the pages in memory and tells open pages (`http::LiveState`),
//!   then renders the pages the rebuild left pending, those no browser
//!   shows (a request for one of them waits until it is rendered);
//! - the extras thread writes the outputs beyond pages (feeds, data, search,
//!   printable digests) into a temporary folder after each good rebuild, on
//!   one core, so that a reload never waits for them; a request for one of
//!   them waits until they are up to date;
//! - the HTTP server (axum on tokio) answers from memory and that folder.
//!
//! The user's output folder is never touched, and `base_url` becomes the
//! local address.

pub mod http;
pub mod live;
mod watch;

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tokio::sync::watch as tokio_watch;

use crate::build::BuildOptions;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Staging;
use crate::report::Reporter;
use crate::text::plural;
use http::LiveState;
pub use live::{Changes, LiveSite, Rebuilt, Snapshot};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
    pub drafts: bool,
    pub future: bool,
}

/// Run the server until Ctrl-C. An error is a message for the user.
pub fn run(opts: &ServeOptions, out: &Reporter) -> Result<(), Diagnostic> {
    let root = std::path::absolute(&opts.root).unwrap_or_else(|_| opts.root.clone());
    let config_file = root.join(crate::config::CONFIG_FILE);
    if !config_file.is_file() {
        return Err(Diagnostic::error("there is no site here: no site.yaml")
            .in_file(&config_file)
            .help("run `dossier serve` in a site's folder, or name it with `--root DIR`; `dossier init` makes a new site"));
    }
    let listener = std::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port))
        .map_err(|e| bind_error(opts, &e))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Diagnostic::error(format!("cannot use the socket: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Diagnostic::error(format!("cannot use the socket: {e}")))?;
    let url = local_url(addr);

    let scratch = tempfile::Builder::new()
        .prefix("dossier-serve-")
        .tempdir()
        .map_err(|e| Diagnostic::error(format!("cannot make a temporary folder: {e}")))?;
    let extras_dir = scratch.path().join("extras");
    std::fs::create_dir_all(&extras_dir)
        .map_err(|e| Diagnostic::error(format!("cannot make a temporary folder: {e}")))?;

    let mut site = LiveSite::new(BuildOptions {
        root: root.clone(),
        output: None,
        base_url: Some(url.trim_end_matches('/').to_string()),
        drafts: opts.drafts,
        future: opts.future,
        dry_run: false,
    });
    let files = site.files();
    let pending = site.pending();
    let shown = site.shown();
    let (live_tx, live_rx) = tokio_watch::channel(LiveState::default());
    let (shutdown_tx, shutdown_rx) = tokio_watch::channel(false);
    let extras = Extras::start(extras_dir.clone(), live_tx.clone());

    out.progress(format!("Building {}…", root.display()));
    let started = Instant::now();
    let result = site.rebuild(&Changes::full());
    match &result {
        Ok(r) => {
            out.problems(&r.warnings);
            out.info(format!(
                "Built {} pages in {} ms.",
                r.pages,
                started.elapsed().as_millis()
            ));
        }
        Err(problems) => {
            out.failed("build", problems);
            eprintln!("The server runs on: the pages show the problems until a save fixes them.");
        }
    }
    publish(&site, &result, &live_tx, &extras);

    let (tx, rx) = mpsc::channel();
    let watcher = watch::Watcher::start(&root, tx)
        .map_err(|e| Diagnostic::error(format!("cannot watch the site's files: {e}")))?;
    let quiet = out.quiet;
    std::thread::Builder::new()
        .name("dossier-rebuild".into())
        .spawn(move || rebuild_loop(site, watcher, rx, live_tx, extras, quiet))
        .map_err(|e| Diagnostic::error(format!("cannot start a thread: {e}")))?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start the server: {e}")))?;
    let state = http::AppState {
        files,
        pending,
        shown,
        extras_dir: Arc::new(extras_dir),
        live: live_rx,
        shutdown: shutdown_rx,
        bound: addr,
    };
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        // Take over Ctrl-C before announcing the address: a signal that comes
        // after the line but before the handler exists would kill the process
        // without cleaning up the scratch folder.
        let stop_signal = StopSignal::install()?;
        // The one line a script waits for; stdout may be a pipe.
        println!("Serving {} at {url} (Ctrl-C to stop)", root.display());
        let _ = std::io::stdout().flush();
        if opts.open {
            let url = url.clone();
            std::thread::spawn(move || {
                if let Err(e) = open::that(&url) {
                    eprintln!("warning: cannot open a browser ({e}); open {url} yourself");
                }
            });
        }
        let stop = async move {
            stop_signal.recv().await;
            let _ = shutdown_tx.send(true);
        };
        axum::serve(listener, http::router(state))
            .with_graceful_shutdown(stop)
            .await
    });
    runtime.shutdown_timeout(Duration::from_secs(1));
    drop(scratch);
    served.map_err(|e| Diagnostic::error(format!("the server stopped: {e}")))?;
    out.info("Stopped.");
    Ok(())
}

/// Ctrl-C, and on Unix a polite `kill` (SIGTERM), registered at once rather
/// than on first poll.
struct StopSignal {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl StopSignal {
    fn install() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Self {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Self {})
    }

    async fn recv(mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
        #[cfg(not(unix))]
        {
            let _ = &mut self;
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

fn bind_error(opts: &ServeOptions, e: &std::io::Error) -> Diagnostic {
    match e.kind() {
        std::io::ErrorKind::AddrInUse => Diagnostic::error(format!(
            "port {} on {} is already in use",
            opts.port, opts.bind
        ))
        .help("stop the program using it (another `dossier serve`?), or choose another port: `--port 0` takes any free one"),
        std::io::ErrorKind::PermissionDenied => Diagnostic::error(format!(
            "not allowed to listen on port {} of {}",
            opts.port, opts.bind
        ))
        .help("ports below 1024 need special rights: choose another with `--port`, or `--port 0` for any free one"),
        _ => Diagnostic::error(format!("cannot listen on {}:{}: {e}", opts.bind, opts.port))
            .help("check the `--bind` address, or use `--port 0` for any free port"),
    }
}

/// The address links point at: the bound one, or the loopback when bound to
/// every interface.
fn local_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]),
        ip => ip,
    };
    match ip {
        IpAddr::V4(ip) => format!("http://{ip}:{}/", addr.port()),
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", addr.port()),
    }
}

fn rebuild_loop(
    mut site: LiveSite,
    mut watcher: watch::Watcher,
    rx: mpsc::Receiver<watch::Batch>,
    live: tokio_watch::Sender<LiveState>,
    extras: Extras,
    quiet: bool,
) {
    let mut pace = Pace::default();
    while let Ok((mut changes, mut since)) = rx.recv() {
        if let Some(wait) = pace.before(since) {
            if !quiet && pace.tell() {
                println!("{}", Pace::note(&changes));
            }
            std::thread::sleep(wait);
        }
        while let Ok((more, t)) = rx.try_recv() {
            changes.merge(more);
            since = since.min(t);
        }
        watcher.refresh();
        pace.start();
        let result = site.rebuild_first(&changes);
        publish(&site, &result, &live, &extras);
        let told = since.elapsed();
        match result {
            Ok(r) => {
                for w in &r.warnings {
                    eprintln!("{w}\n");
                }
                if !quiet {
                    let later = if r.later > 0 {
                        format!("; {} later page{} to follow", r.later, plural(r.later))
                    } else {
                        String::new()
                    };
                    println!(
                        "rebuilt {} page{} in {} ms ({} article{} read{}{later}; {} ms after the save)",
                        r.rendered,
                        plural(r.rendered),
                        r.elapsed.as_millis(),
                        r.processed,
                        plural(r.processed),
                        if r.full { ", full rebuild" } else { "" },
                        told.as_millis()
                    );
                    if std::env::var_os("DOSSIER_SERVE_TIMINGS").is_some() {
                        for (step, d) in &r.steps {
                            println!("  {step} {:.1} ms", d.as_secs_f64() * 1000.0);
                        }
                    }
                }
            }
            Err(problems) => {
                for p in &problems {
                    eprintln!("{p}\n");
                }
                let errors = problems.iter().filter(|d| d.is_error()).count();
                eprintln!(
                    "rebuild failed: {errors} error{}; still serving the last good build",
                    plural(errors)
                );
            }
        }
        let _ = std::io::stdout().flush();
        finish(&mut site, &live, since, quiet);
        pace.end();
    }
}

/// Render the pages the rebuild left for after the reload, waking the
/// requests that wait for them after each batch.
fn finish(site: &mut LiveSite, live: &tokio_watch::Sender<LiveState>, since: Instant, quiet: bool) {
    let started = Instant::now();
    match site.finish(|| live.send_modify(|s| s.settled += 1)) {
        Ok(None) => {}
        Ok(Some(n)) => {
            if !quiet {
                println!(
                    "finished {n} more page{} in {} ms ({} ms after the save)",
                    plural(n),
                    started.elapsed().as_millis(),
                    since.elapsed().as_millis()
                );
            }
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}\n");
            }
            eprintln!(
                "rendering the pages left for after the reload failed; they show their last version"
            );
            let html: Arc<str> = http::overlay(&problems).into();
            live.send_modify(|s| s.error = Some(html));
        }
    }
    let _ = std::io::stdout().flush();
}

/// Keeps `serve` from spinning when changes never stop coming: something
/// that writes into the site on every rebuild (a log, a tool that reacts to
/// the server's output). A rebuild follows the last back to back when its
/// change came while that one ran or right after it; once rebuilds have run
/// back to back for [`Pace::STREAK`], each waits after the last one ends at
/// least [`Pace::SLOW`] and four times as long as it took, so the processor
/// is mostly idle, until a change comes after a pause again. A person's
/// edits never come that fast that long.
#[derive(Default)]
struct Pace {
    /// When the current run of back-to-back rebuilds began.
    streak_since: Option<Instant>,
    last: Option<(Instant, Instant)>,
    started: Option<Instant>,
    told: bool,
}

impl Pace {
    const STREAK: Duration = Duration::from_secs(2);
    /// A change seen within this of the end of the last rebuild follows it
    /// back to back.
    const CLOSE: Duration = Duration::from_millis(100);
    const SLOW: Duration = Duration::from_secs(1);

    /// How long to wait before a rebuild for changes first seen at `since`.
    fn before(&mut self, since: Instant) -> Option<Duration> {
        let (last_start, last_end) = self.last?;
        if since > last_end + Self::CLOSE {
            self.streak_since = None;
            self.told = false;
            return None;
        }
        let streak_since = *self.streak_since.get_or_insert(last_start);
        if last_end.duration_since(streak_since) < Self::STREAK {
            return None;
        }
        let rest = Self::SLOW.max((last_end - last_start) * 4);
        (last_end + rest).checked_duration_since(Instant::now())
    }

    fn start(&mut self) {
        self.started = Some(Instant::now());
    }

    fn end(&mut self) {
        let now = Instant::now();
        self.last = Some((self.started.unwrap_or(now), now));
    }

    /// Whether to say so (once a streak).
    fn tell(&mut self) -> bool {
        !std::mem::replace(&mut self.told, true)
    }

    fn note(changes: &Changes) -> String {
        let mut what: Vec<String> = changes
            .content
            .iter()
            .take(3)
            .map(|p| p.display().to_string())
            .collect();
        if changes.theme {
            what.push("templates/, themes/ or static/".to_string());
        }
        if changes.config {
            what.push(crate::config::CONFIG_FILE.to_string());
        }
        format!(
            "changes keep coming, each right after the last rebuild, for {} s: rebuilding at most once a second until they stop. Is a program writing into the site ({})?",
            Self::STREAK.as_secs(),
            what.join(", ")
        )
    }
}

/// Tell open pages what the rebuild did, and start the extra outputs.
fn publish(
    site: &LiveSite,
    result: &Result<Rebuilt, Diagnostics>,
    live: &tokio_watch::Sender<LiveState>,
    extras: &Extras,
) {
    match result {
        Ok(r) => {
            let mut started_extras = None;
            live.send_modify(|s| {
                let was_error = s.error.take().is_some();
                if !r.changed.is_empty() || r.full {
                    s.build += 1;
                    s.changed = (r.changed.len() <= 500).then(|| Arc::new(r.changed.clone()));
                    started_extras = Some(s.build);
                } else if was_error {
                    s.changed = Some(Arc::new(Vec::new()));
                }
            });
            // A rebuild that changed no page may still change a feed (an
            // article's text is in the search index): always refresh them.
            let build = started_extras.unwrap_or_else(|| live.borrow().build);
            if let Some(snapshot) = site.snapshot() {
                extras.request(build, snapshot);
            }
        }
        Err(problems) => {
            let html: Arc<str> = http::overlay(problems).into();
            live.send_modify(|s| s.error = Some(html));
        }
    }
}

/// The thread that writes the outputs beyond pages.
struct Extras {
    tx: mpsc::Sender<(u64, Snapshot)>,
}

impl Extras {
    fn start(dir: PathBuf, live: tokio_watch::Sender<LiveState>) -> Extras {
        let (tx, rx) = mpsc::channel::<(u64, Snapshot)>();
        std::thread::Builder::new()
            .name("dossier-extras".into())
            .spawn(move || {
                // One core, at a low priority: a rebuild comes first.
                lower_priority();
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .start_handler(|_| lower_priority())
                    .build()
                    .ok();
                while let Ok(mut job) = rx.recv() {
                    while let Ok(newer) = rx.try_recv() {
                        job = newer;
                    }
                    let (build, snapshot) = job;
                    let write = || write_extras(&dir, &snapshot);
                    let result = match &pool {
                        Some(pool) => pool.install(write),
                        None => write(),
                    };
                    live.send_modify(|s| {
                        s.extras = s.extras.max(build);
                        if let Err(problems) = &result {
                            s.error = Some(http::overlay(problems).into());
                        }
                    });
                    if let Err(problems) = result {
                        for p in &problems {
                            eprintln!("{p}\n");
                        }
                    }
                }
            })
            .expect("a thread can be started");
        Extras { tx }
    }

    fn request(&self, build: u64, snapshot: Snapshot) {
        let _ = self.tx.send((build, snapshot));
    }
}

/// Let the calling thread yield the processor to rebuilds.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on our own thread id only changes its nice value.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

fn write_extras(dir: &Path, s: &Snapshot) -> Result<(), Diagnostics> {
    let staging = Staging::new(dir).map_err(|e| {
        Diagnostic::error(format!("cannot write the extra outputs: {e}")).in_file(dir)
    })?;
    crate::build::outputs_beyond_pages(&s.config, &s.theme, &s.site, &s.renderer, Some(&staging))?;
    staging.commit().map_err(|e| {
        Diagnostic::error(format!("cannot write the extra outputs: {e}"))
            .in_file(dir)
            .into()
    })
}
