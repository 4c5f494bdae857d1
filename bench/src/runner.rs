//! `dossier-bench run`: generate (or reuse) a corpus per size, time
//! `dossier build` on it, and Hugo on the same corpus, in turn.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::generate::{GenOptions, generate, is_cached};
use crate::util::{dir_size, human_bytes, thousands};

/// The stages `dossier build --timings` reports, in pipeline order.
pub const STAGES: &[&str] = &[
    "load", "markdown", "extract", "link", "render", "write", "search", "total",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HugoMode {
    /// When `hugo` is on PATH.
    Auto,
    /// Always (an error is reported when it cannot run).
    On,
    Off,
}

#[derive(Clone, Debug)]
pub struct RunOptions {
    pub sizes: Vec<usize>,
    pub seed: u64,
    /// None: `target/release/dossier` of the workspace, built first.
    pub dossier: Option<PathBuf>,
    pub build_dossier: bool,
    pub hugo: HugoMode,
    pub hugo_bin: PathBuf,
    /// Skip Hugo above this many articles.
    pub hugo_max: Option<usize>,
    pub runs: usize,
    pub warmup: usize,
    pub work: PathBuf,
    /// Where both tools write their output [default: inside each corpus].
    /// Creating inodes costs differently from one filesystem to another
    /// (see docs/benchmark.md); a tmpfs takes that out of the comparison.
    pub out_root: Option<PathBuf>,
    pub workspace: PathBuf,
}

/// One timed run of one tool.
#[derive(Clone, Debug, Serialize)]
pub struct Measurement {
    pub ok: bool,
    pub exit_code: Option<i32>,
    pub wall_s: f64,
    pub peak_rss_bytes: u64,
    pub user_s: f64,
    pub sys_s: f64,
    pub stages_ms: BTreeMap<String, f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ToolResult {
    pub tool: String,
    pub command: Vec<String>,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub runs: Vec<Measurement>,
    pub median_wall_s: Option<f64>,
    pub articles_per_s: Option<f64>,
    pub median_peak_rss_bytes: Option<u64>,
    pub median_cpu_s: Option<f64>,
    pub output_bytes: u64,
    pub output_files: u64,
    /// Median over successful runs of each stage reported.
    pub stages_ms: BTreeMap<String, f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SizeResult {
    pub articles: usize,
    pub corpus_dir: PathBuf,
    /// Seconds to generate, or None when the cached corpus was reused.
    pub generate_s: Option<f64>,
    pub corpus_bytes: u64,
    pub corpus_files: u64,
    pub dossier: ToolResult,
    /// `dossier build` with its build cache, each run after a body edit of
    /// one article (after the clean builds, which leave the cache warm).
    pub dossier_cached: Option<ToolResult>,
    /// The same, each run after a new quotation in that article (a new
    /// statement: its quotation page, the indexes and digests that count
    /// quotations change too).
    pub dossier_cached_quote: Option<ToolResult>,
    pub hugo: Option<ToolResult>,
    /// dossier / hugo, median wall time.
    pub ratio_time: Option<f64>,
    /// dossier / hugo, median peak RSS.
    pub ratio_memory: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub seed: u64,
    pub runs: usize,
    pub warmup: usize,
    pub cpus: usize,
    pub dossier: String,
    pub dossier_version: Option<String>,
    pub hugo: Option<String>,
    pub hugo_version: Option<String>,
    /// 1-minute load average before and after: other work on the machine
    /// shows here.
    pub load_before: Option<f64>,
    pub load_after: Option<f64>,
    pub sizes: Vec<SizeResult>,
}

/// The 1-minute load average (Linux).
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

impl Report {
    /// Did every build that was tried succeed?
    pub fn all_ok(&self) -> bool {
        self.sizes.iter().all(|s| s.tools().all(|t| t.ok))
    }
}

impl SizeResult {
    /// The results of every tool run, in the table's order.
    pub fn tools(&self) -> impl Iterator<Item = &ToolResult> {
        std::iter::once(&self.dossier)
            .chain(self.dossier_cached.as_ref())
            .chain(self.dossier_cached_quote.as_ref())
            .chain(self.hugo.as_ref())
    }
}

/// Parse `timing <stage> <milliseconds>` lines (an `ms` suffix is allowed).
pub fn parse_timings(stderr: &str) -> BTreeMap<String, f64> {
    let mut m = BTreeMap::new();
    for line in stderr.lines() {
        let mut it = line.split_whitespace();
        if it.next() != Some("timing") {
            continue;
        }
        let (Some(stage), Some(ms)) = (it.next(), it.next()) else {
            continue;
        };
        if let Ok(v) = ms.trim_end_matches("ms").parse::<f64>() {
            *m.entry(stage.to_string()).or_insert(0.0) += v;
        }
    }
    m
}

pub fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

fn tv_secs(tv: libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

/// Run `cmd` to completion: wall time, and peak RSS and CPU time of the
/// child from `wait4`.
pub fn measure(cmd: &mut Command) -> Measurement {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Measurement {
                ok: false,
                exit_code: None,
                wall_s: 0.0,
                peak_rss_bytes: 0,
                user_s: 0.0,
                sys_s: 0.0,
                stages_ms: BTreeMap::new(),
                error: Some(format!("cannot start {:?}: {e}", cmd.get_program())),
            };
        }
    };
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: valid pointers to locals; pid is our child, not yet reaped.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
        if r == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            break;
        }
    }
    let wall_s = start.elapsed().as_secs_f64();
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr);
    let exit_code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let ok = exit_code == Some(0);
    let error = (!ok).then(|| {
        let how = match exit_code {
            Some(c) => format!("exit code {c}"),
            None if libc::WIFSIGNALED(status) => {
                format!("killed by signal {}", libc::WTERMSIG(status))
            }
            None => "unknown status".to_string(),
        };
        let stdout = String::from_utf8_lossy(&stdout);
        let mut tail: Vec<&str> = stderr
            .lines()
            .chain(stdout.lines())
            .filter(|l| !l.starts_with("timing "))
            .collect();
        let n = tail.len();
        tail.drain(..n.saturating_sub(12));
        format!("{how}\n{}", tail.join("\n"))
    });
    Measurement {
        ok,
        exit_code,
        wall_s,
        // ru_maxrss is in KiB on Linux.
        peak_rss_bytes: ru.ru_maxrss.max(0) as u64 * 1024,
        user_s: tv_secs(ru.ru_utime),
        sys_s: tv_secs(ru.ru_stime),
        stages_ms: parse_timings(&stderr),
        error,
    }
}

/// Find a program on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    let p = Path::new(name);
    if p.components().count() > 1 {
        return p.is_file().then(|| p.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|c| c.is_file())
}

fn version_of(prog: &Path, arg: &str) -> Option<String> {
    let out = Command::new(prog)
        .arg(arg)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let s = String::from_utf8_lossy(&out.stdout);
    let line = s.lines().next()?.trim().to_string();
    (out.status.success() && !line.is_empty()).then_some(line)
}

/// The dossier binary to time: the given one, or the workspace's release
/// build (built first).
/// The dossier binary to time: `--dossier`, or the workspace's release
/// build (built first unless `build_dossier` is off and it exists).
pub fn resolve_dossier(opts: &RunOptions) -> Result<PathBuf> {
    if let Some(p) = &opts.dossier {
        if p.components().count() == 1
            && !p.exists()
            && let Some(found) = which(&p.to_string_lossy())
        {
            return Ok(found);
        }
        return Ok(std::path::absolute(p)?);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| {
            if t.is_absolute() {
                t
            } else {
                opts.workspace.join(t)
            }
        })
        .unwrap_or_else(|| opts.workspace.join("target"));
    let bin = target.join("release").join("dossier");
    if opts.build_dossier || !bin.exists() {
        eprintln!("building dossier: cargo build --release -p dossier");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        let st = Command::new(cargo)
            .args(["build", "--release", "-p", "dossier"])
            .current_dir(&opts.workspace)
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .status();
        match st {
            Ok(s) if s.success() => {}
            Ok(s) if bin.exists() => {
                eprintln!(
                    "warning: cargo build failed ({s}); timing the existing {}",
                    bin.display()
                )
            }
            Ok(s) => bail!("cargo build --release -p dossier failed ({s})"),
            Err(e) => bail!("cannot run cargo: {e}"),
        }
    }
    Ok(bin)
}

/// Folders that `clean` set aside, removed when the whole run is over.
static SET_ASIDE: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// The name of the folder, beside what is cleaned, that holds it until the
/// end of the run.
const SET_ASIDE_DIR: &str = ".bench-set-aside";

/// Make way for a clean build: move the last output (and caches) aside
/// rather than delete it. Deleting tens of thousands of files just before a
/// timed run charges the next run for them: a file system may skip the
/// inodes freed in the last minutes when it allocates new ones (ext4 without
/// a journal does, for up to five minutes), which then costs every file the
/// run creates, and costs most the tool that creates most. What was set
/// aside is deleted by [`empty_set_aside`] once nothing is timed any more.
fn clean(path: &Path) {
    if !path.exists() && !path.is_symlink() {
        return;
    }
    let aside = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(SET_ASIDE_DIR);
    let mut list = SET_ASIDE.lock().unwrap_or_else(|e| e.into_inner());
    let target = aside.join(format!("{}-{}", std::process::id(), list.len()));
    let moved = std::fs::create_dir_all(&aside).is_ok() && std::fs::rename(path, &target).is_ok();
    if moved {
        list.push(target);
    } else if path.is_dir() {
        let _ = std::fs::remove_dir_all(path);
    } else {
        let _ = std::fs::remove_file(path);
    }
}

/// Delete what `clean` set aside during the run, and whatever an earlier
/// run that was cut short left in the same folders.
fn empty_set_aside() {
    let mut list = SET_ASIDE.lock().unwrap_or_else(|e| e.into_inner());
    let mut folders: Vec<PathBuf> = list
        .drain(..)
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        let _ = std::fs::remove_dir_all(folder);
    }
}

struct Tool {
    name: &'static str,
    program: Option<PathBuf>,
    args: Vec<OsString>,
    cwd: Option<PathBuf>,
    /// Folders removed before each run (the output, caches).
    clean: Vec<PathBuf>,
    output: PathBuf,
    runs: Vec<Measurement>,
    error: Option<String>,
}

impl Tool {
    fn command_line(&self) -> Vec<String> {
        let mut v: Vec<String> = vec![
            self.program
                .as_ref()
                .map_or_else(|| self.name.to_string(), |p| p.display().to_string()),
        ];
        v.extend(self.args.iter().map(|a| a.to_string_lossy().into_owned()));
        v
    }

    fn run_once(&mut self) -> Option<&Measurement> {
        let program = self.program.as_ref()?;
        for d in &self.clean {
            clean(d);
        }
        let mut cmd = Command::new(program);
        cmd.args(&self.args);
        if let Some(c) = &self.cwd {
            cmd.current_dir(c);
        }
        let m = measure(&mut cmd);
        // A dossier without --timings yet: time it without.
        if !m.ok
            && self.name == "dossier"
            && self.args.iter().any(|a| a == "--timings")
            && m.error.as_deref().is_some_and(|e| e.contains("--timings"))
        {
            eprintln!("  dossier does not accept --timings; timing it without stage times");
            self.args.retain(|a| a != "--timings");
            return self.run_once();
        }
        if let Some(e) = &m.error {
            eprintln!(
                "  {} failed: {}",
                self.name,
                e.lines().collect::<Vec<_>>().join("\n    ")
            );
        }
        self.runs.push(m);
        self.runs.last()
    }

    fn result(self, articles: usize, counted: usize) -> ToolResult {
        let counted: Vec<&Measurement> = self.runs.iter().rev().take(counted).collect();
        let good: Vec<&&Measurement> = counted.iter().filter(|m| m.ok).collect();
        let ok = self.error.is_none() && !counted.is_empty() && good.len() == counted.len();
        let error = self.error.clone().or_else(|| {
            counted
                .iter()
                .find_map(|m| m.error.clone())
                .or_else(|| counted.is_empty().then(|| "not run".to_string()))
        });
        let median_wall_s = median(good.iter().map(|m| m.wall_s).collect());
        let median_peak = median(good.iter().map(|m| m.peak_rss_bytes as f64).collect());
        let median_cpu_s = median(good.iter().map(|m| m.user_s + m.sys_s).collect());
        let mut stages: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for m in &good {
            for (k, v) in &m.stages_ms {
                stages.entry(k.clone()).or_default().push(*v);
            }
        }
        let stages_ms = stages
            .into_iter()
            .filter_map(|(k, v)| median(v).map(|m| (k, m)))
            .collect();
        let (output_bytes, output_files) = if good.is_empty() {
            (0, 0)
        } else {
            dir_size(&self.output)
        };
        let command = self.command_line();
        ToolResult {
            tool: self.name.to_string(),
            command,
            ok,
            error,
            runs: counted.into_iter().rev().cloned().collect(),
            articles_per_s: median_wall_s.map(|w| articles as f64 / w.max(1e-9)),
            median_wall_s,
            median_peak_rss_bytes: median_peak.map(|b| b as u64),
            median_cpu_s,
            output_bytes,
            output_files,
            stages_ms,
        }
    }
}

/// What a cached run changes in the article before it builds.
#[derive(Clone, Copy)]
enum CachedEdit {
    /// A new paragraph with no quotation, name or topic: the article's page
    /// and the lists that show its text change.
    Body,
    /// A new statement by an anonymous source, one per run (they add up):
    /// a new quotation page, and every count of quotations that takes it.
    Quotation,
}

impl CachedEdit {
    fn tool(self) -> &'static str {
        match self {
            CachedEdit::Body => "cached",
            CachedEdit::Quotation => "cached+q",
        }
    }

    fn what(self) -> &'static str {
        match self {
            CachedEdit::Body => "a body edit",
            CachedEdit::Quotation => "a new quotation",
        }
    }

    /// The article after run `r` (from 1) of this kind.
    fn apply(self, original: &[u8], r: usize) -> Vec<u8> {
        let mut edited = original.to_vec();
        match self {
            CachedEdit::Body => edited.extend_from_slice(
                format!("\n\nEdit {r} of the benchmark, in the article's body.\n").as_bytes(),
            ),
            CachedEdit::Quotation => {
                for i in 1..=r {
                    edited.extend_from_slice(
                        format!(
                            "\n\n\"We will study proposal number {i} with great care before we answer,\" an official said.\n"
                        )
                        .as_bytes(),
                    );
                }
            }
        }
        edited
    }
}

/// `dossier build` with its cache (warm from the clean runs of `clean`), each
/// run after one edit of `article`; the article is put back afterwards.
fn time_cached_edits(
    clean: &Tool,
    article: &Path,
    edit: CachedEdit,
    label: &str,
    runs: usize,
    articles: usize,
) -> ToolResult {
    let mut c = Tool {
        name: edit.tool(),
        program: clean.program.clone(),
        args: clean.args.clone(),
        cwd: None,
        clean: Vec::new(),
        output: clean.output.clone(),
        runs: Vec::new(),
        error: None,
    };
    let original = std::fs::read(article).unwrap_or_default();
    for r in 1..=runs {
        let _ = std::fs::write(article, edit.apply(&original, r));
        if let Some(m) = c.run_once() {
            eprintln!(
                "{label} cached, {}, run {r}/{runs}: {}{:.2} s",
                edit.what(),
                if m.ok { "" } else { "FAILED after " },
                m.wall_s
            );
        }
    }
    let _ = std::fs::write(article, original);
    c.result(articles, runs)
}

/// The first article of a corpus's `content/` (by name, folder by folder):
/// the one the cached runs edit.
fn first_article(content: &Path) -> Option<PathBuf> {
    let mut dir = content.to_path_buf();
    loop {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .ok()?
            .filter_map(|e| Some(e.ok()?.path()))
            .collect();
        entries.sort();
        if let Some(md) = entries
            .iter()
            .find(|p| p.extension().is_some_and(|x| x == "md"))
        {
            return Some(md.clone());
        }
        dir = entries.into_iter().find(|p| p.is_dir())?;
    }
}

pub fn corpus_dir(work: &Path, articles: usize, seed: u64) -> PathBuf {
    work.join(format!("corpus-{articles}-seed{seed}"))
}

pub fn hugo_dir(work: &Path, articles: usize, seed: u64) -> PathBuf {
    work.join(format!("hugo-{articles}-seed{seed}"))
}

pub fn run(opts: &RunOptions) -> Result<Report> {
    if opts.runs == 0 {
        bail!("--runs must be at least 1");
    }
    std::fs::create_dir_all(&opts.work)
        .with_context(|| format!("creating {}", opts.work.display()))?;
    let work = std::path::absolute(&opts.work)?;
    let out_root = match &opts.out_root {
        Some(root) => {
            std::fs::create_dir_all(root)
                .with_context(|| format!("creating {}", root.display()))?;
            Some(std::path::absolute(root)?)
        }
        None => None,
    };
    let dossier = resolve_dossier(opts);
    let (dossier_bin, dossier_err) = match dossier {
        Ok(p) => (Some(p), None),
        Err(e) => {
            eprintln!("error: {e:#}; the dossier builds are skipped");
            (None, Some(format!("{e:#}")))
        }
    };
    let dossier_version = dossier_bin
        .as_deref()
        .and_then(|p| version_of(p, "--version"));
    let hugo_bin = match opts.hugo {
        HugoMode::Off => None,
        HugoMode::Auto => which(&opts.hugo_bin.to_string_lossy()),
        HugoMode::On => {
            Some(which(&opts.hugo_bin.to_string_lossy()).unwrap_or_else(|| opts.hugo_bin.clone()))
        }
    };
    let hugo_version = hugo_bin.as_deref().and_then(|p| version_of(p, "version"));
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load_before = load_average();
    eprintln!(
        "dossier-bench: seed {}, {} run(s) (+{} warm-up), {cpus} cpu(s)",
        opts.seed, opts.runs, opts.warmup
    );
    eprintln!(
        "dossier: {}{}",
        dossier_bin
            .as_ref()
            .map_or("unavailable".into(), |p| p.display().to_string()),
        dossier_version
            .as_ref()
            .map_or(String::new(), |v| format!(" ({v})"))
    );
    match (&hugo_bin, opts.hugo) {
        (Some(h), _) => eprintln!(
            "hugo: {}{}",
            h.display(),
            hugo_version
                .as_ref()
                .map_or(String::new(), |v| format!(" ({v})"))
        ),
        (None, HugoMode::Off) => eprintln!("hugo: off"),
        (None, _) => eprintln!("hugo: not found on PATH; comparison skipped"),
    }

    let mut sizes = Vec::new();
    for &n in &opts.sizes {
        let label = format!("[{}]", thousands(n as u64));
        let dir = corpus_dir(&work, n, opts.seed);
        let hdir = hugo_dir(&work, n, opts.seed);
        let hugo_here = hugo_bin
            .as_ref()
            .filter(|_| opts.hugo_max.is_none_or(|m| n <= m));
        if hugo_bin.is_some() && hugo_here.is_none() {
            eprintln!("{label} hugo skipped (--hugo-max)");
        }
        let need_hugo = hugo_here.is_some();
        let have = is_cached(&dir, n, opts.seed);
        let have_hugo = !need_hugo || is_cached(&hdir, n, opts.seed);
        let generate_s = if have && have_hugo {
            eprintln!("{label} reusing the corpus in {}", dir.display());
            None
        } else {
            eprintln!("{label} generating {} articles", thousands(n as u64));
            let rep = generate(&GenOptions {
                articles: n,
                seed: opts.seed,
                out: (!have).then(|| dir.clone()),
                hugo_out: (need_hugo && !have_hugo).then(|| hdir.clone()),
                threads: 0,
                force: false,
            })?;
            eprintln!(
                "{label} generated in {:.2} s ({} words, {} quotations)",
                rep.seconds,
                thousands(rep.words),
                thousands(rep.quotes)
            );
            Some(rep.seconds)
        };
        let (corpus_bytes, corpus_files) = dir_size(&dir.join("content"));

        let (d_parent, d_name) = match &out_root {
            Some(root) => (root.clone(), format!("dossier-{n}-seed{}", opts.seed)),
            None => (dir.clone(), "public".to_string()),
        };
        let d_out = d_parent.join(&d_name);
        let mut d_args: Vec<OsString> = vec!["build".into(), "--root".into(), dir.clone().into()];
        if out_root.is_some() {
            d_args.extend(["--output".into(), d_out.clone().into()]);
        }
        d_args.extend(["--timings".into(), "-q".into()]);
        let mut d = Tool {
            name: "dossier",
            program: dossier_bin.clone(),
            args: d_args,
            cwd: None,
            // A clean full build: also the previous generation dossier keeps
            // beside the output to write only changed files next time, and
            // the build cache in the site (`.dossier-cache/`).
            clean: vec![
                d_out.clone(),
                dir.join(".dossier-cache"),
                d_parent.join(format!(".{d_name}.previous")),
                d_parent.join(format!(".{d_name}.manifest")),
                d_parent.join(format!(".{d_name}.previous.manifest")),
                d_parent.join(format!(".{d_name}.lock")),
            ],
            output: d_out,
            runs: Vec::new(),
            error: dossier_err.clone(),
        };
        let h_out = match &out_root {
            Some(root) => root.join(format!("hugo-{n}-seed{}", opts.seed)),
            None => hdir.join("public"),
        };
        let mut h = hugo_here.map(|hb| Tool {
            name: "hugo",
            program: Some(hb.clone()),
            args: if out_root.is_some() {
                vec![
                    "--quiet".into(),
                    "--destination".into(),
                    h_out.clone().into(),
                ]
            } else {
                vec!["--quiet".into()]
            },
            cwd: Some(hdir.clone()),
            clean: vec![h_out.clone(), hdir.join("resources")],
            output: h_out.clone(),
            runs: Vec::new(),
            error: None,
        });
        let total = opts.warmup + opts.runs;
        for r in 0..total {
            let tag = if r < opts.warmup {
                format!("warm-up {}", r + 1)
            } else {
                format!("run {}/{}", r + 1 - opts.warmup, opts.runs)
            };
            // Alternate the order, so that noise and caches hit both alike.
            let mut line = Vec::new();
            let order: [usize; 2] = if r % 2 == 0 { [0, 1] } else { [1, 0] };
            for which in order {
                let tool = if which == 0 { Some(&mut d) } else { h.as_mut() };
                let Some(tool) = tool else { continue };
                let name = tool.name;
                if let Some(m) = tool.run_once() {
                    line.push(format!(
                        "{} {}{:.2} s, {}",
                        name,
                        if m.ok { "" } else { "FAILED after " },
                        m.wall_s,
                        human_bytes(m.peak_rss_bytes)
                    ));
                }
            }
            if line.is_empty() {
                line.push("nothing to run".to_string());
            }
            eprintln!("{label} {tag}: {}", line.join(" | "));
        }
        let cached_edit = |edit: CachedEdit| {
            dossier_bin
                .as_ref()
                .and_then(|_| first_article(&dir.join("content")))
                .map(|article| time_cached_edits(&d, &article, edit, &label, opts.runs, n))
        };
        let cached_res = cached_edit(CachedEdit::Body);
        let cached_quote_res = cached_edit(CachedEdit::Quotation);
        let dossier_res = d.result(n, opts.runs);
        let hugo_res = h.map(|t| t.result(n, opts.runs));
        let (ratio_time, ratio_memory) = match &hugo_res {
            Some(hr) => (
                dossier_res
                    .median_wall_s
                    .zip(hr.median_wall_s)
                    .map(|(a, b)| a / b.max(1e-9)),
                dossier_res
                    .median_peak_rss_bytes
                    .zip(hr.median_peak_rss_bytes)
                    .map(|(a, b)| a as f64 / (b as f64).max(1.0)),
            ),
            None => (None, None),
        };
        sizes.push(SizeResult {
            articles: n,
            corpus_dir: dir,
            generate_s,
            corpus_bytes,
            corpus_files,
            dossier: dossier_res,
            dossier_cached: cached_res,
            dossier_cached_quote: cached_quote_res,
            hugo: hugo_res,
            ratio_time,
            ratio_memory,
        });
    }
    empty_set_aside();
    Ok(Report {
        seed: opts.seed,
        runs: opts.runs,
        warmup: opts.warmup,
        cpus,
        dossier: dossier_bin.map_or("unavailable".into(), |p| p.display().to_string()),
        dossier_version,
        hugo: hugo_bin.map(|p| p.display().to_string()),
        hugo_version,
        load_before,
        load_after: load_average(),
        sizes,
    })
}

/// The human-readable table.
pub fn table(rep: &Report) -> String {
    let mut stages: Vec<String> = STAGES.iter().map(|s| s.to_string()).collect();
    for s in &rep.sizes {
        for t in s.tools() {
            for k in t.stages_ms.keys() {
                if !stages.contains(k) {
                    stages.push(k.clone());
                }
            }
        }
    }
    let seen: Vec<&String> = stages
        .iter()
        .filter(|k| {
            rep.sizes
                .iter()
                .any(|s| s.tools().any(|t| t.stages_ms.contains_key(*k)))
        })
        .collect();

    let mut o = String::new();
    o.push_str(&format!(
        "dossier build{}: median of {} run(s), seed {}, {} cpu(s), load average {} before, {} after\n",
        if rep.hugo.is_some() { " vs hugo" } else { "" },
        rep.runs,
        rep.seed,
        rep.cpus,
        rep.load_before.map_or("?".into(), |l| format!("{l:.2}")),
        rep.load_after.map_or("?".into(), |l| format!("{l:.2}")),
    ));
    o.push_str(&format!(
        "  dossier: {}{}\n",
        rep.dossier,
        rep.dossier_version
            .as_ref()
            .map_or(String::new(), |v| format!(" ({v})"))
    ));
    if let Some(h) = &rep.hugo {
        o.push_str(&format!(
            "  hugo:    {h}{}\n",
            rep.hugo_version
                .as_ref()
                .map_or(String::new(), |v| format!(" ({v})"))
        ));
    }
    o.push('\n');
    let mut header = format!(
        "{:>9}  {:<8} {:>9} {:>8} {:>9} {:>11} {:>11} {:>8}",
        "articles", "tool", "wall", "cpu", "art/s", "peak RSS", "output", "files"
    );
    let widths: Vec<usize> = seen.iter().map(|k| (k.len() + 3).max(9)).collect();
    for (k, w) in seen.iter().zip(&widths) {
        header.push_str(&format!(" {:>w$}", format!("{k} ms")));
    }
    o.push_str(&header);
    o.push('\n');
    o.push_str(&"-".repeat(header.len()));
    o.push('\n');
    for s in &rep.sizes {
        let generated = match s.generate_s {
            Some(g) => format!("generated in {g:.2} s"),
            None => "cached".to_string(),
        };
        for t in s.tools() {
            if let Some(w) = t.median_wall_s {
                let mut line = format!(
                    "{:>9}  {:<8} {:>9} {:>8} {:>9} {:>11} {:>11} {:>8}",
                    thousands(s.articles as u64),
                    t.tool,
                    format!("{w:.3} s"),
                    format!("{:.1} s", t.median_cpu_s.unwrap_or(0.0)),
                    thousands(t.articles_per_s.unwrap_or(0.0).round() as u64),
                    human_bytes(t.median_peak_rss_bytes.unwrap_or(0)),
                    human_bytes(t.output_bytes),
                    thousands(t.output_files),
                );
                for (k, w) in seen.iter().zip(&widths) {
                    match t.stages_ms.get(*k) {
                        Some(v) => line.push_str(&format!(" {v:>w$.0}")),
                        None => line.push_str(&format!(" {:>w$}", "-")),
                    }
                }
                if !t.ok {
                    line.push_str("  (some runs failed)");
                }
                o.push_str(&line);
            } else {
                let err = t.error.as_deref().unwrap_or("failed");
                let first = err.lines().next().unwrap_or("failed");
                o.push_str(&format!(
                    "{:>9}  {:<8} FAILED: {first}",
                    thousands(s.articles as u64),
                    t.tool
                ));
            }
            o.push('\n');
        }
        let mut extra = format!(
            "{:>9}  corpus {} in {} files, {generated}",
            "",
            human_bytes(s.corpus_bytes),
            thousands(s.corpus_files)
        );
        if let (Some(rt), Some(rm)) = (s.ratio_time, s.ratio_memory) {
            extra.push_str(&format!("; dossier/hugo: time {rt:.2}x, memory {rm:.2}x"));
        }
        o.push_str(&extra);
        o.push('\n');
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_edit_adds_one_statement_per_run() {
        let original = b"---\ntitle: T\n---\nText.\n";
        let third = String::from_utf8(CachedEdit::Quotation.apply(original, 3)).unwrap();
        assert!(third.starts_with("---\ntitle: T\n---\nText.\n"));
        assert_eq!(third.matches("an official said.").count(), 3);
        assert!(third.contains("proposal number 3 "));
        let body = String::from_utf8(CachedEdit::Body.apply(original, 2)).unwrap();
        assert!(body.ends_with("\n\nEdit 2 of the benchmark, in the article's body.\n"));
        assert!(!body.contains('"'));
    }

    #[test]
    fn timings_are_parsed() {
        let m = parse_timings(
            "warning: x\ntiming load 12.5\ntiming markdown 30ms\n  timing total 100\ntiming bad x\n",
        );
        assert_eq!(m.get("load"), Some(&12.5));
        assert_eq!(m.get("markdown"), Some(&30.0));
        assert_eq!(m.get("total"), Some(&100.0));
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn measure_reports_exit_and_rss() {
        let m = measure(Command::new("sh").args(["-c", "echo 'timing load 5' >&2; exit 0"]));
        assert!(m.ok, "{m:?}");
        assert_eq!(m.stages_ms.get("load"), Some(&5.0));
        assert!(m.peak_rss_bytes > 0);
        let m = measure(Command::new("sh").args(["-c", "echo boom >&2; exit 3"]));
        assert!(!m.ok);
        assert_eq!(m.exit_code, Some(3));
        assert!(m.error.unwrap().contains("boom"));
        let m = measure(&mut Command::new("/nonexistent/dossier"));
        assert!(!m.ok);
    }
}
