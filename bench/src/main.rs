use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use dossier_bench::generate::{GenOptions, generate, is_cached};
use dossier_bench::runner::{self, HugoMode, RunOptions};
use dossier_bench::serve;
use dossier_bench::util::{human_bytes, thousands};

/// Benchmark for dossier: generate a realistic news corpus, time builds.
#[derive(Parser)]
#[command(name = "dossier-bench", version)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Generate a deterministic corpus as a complete dossier site.
    Gen(GenArgs),
    /// Time `dossier build` (and Hugo, where installed) at several sizes.
    Run(RunArgs),
    /// Time `dossier serve`'s edit-to-reload on one corpus.
    Serve(ServeArgs),
}

#[derive(Args)]
struct ServeArgs {
    /// Corpus size.
    #[arg(long, short = 'n', default_value_t = 10000)]
    articles: usize,
    /// Random seed of the corpus.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Edits of each kind; the median is reported.
    #[arg(long, default_value_t = 5)]
    edits: usize,
    /// The kinds of edit, in this order (`unquote` takes out what `speaker`
    /// added).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "body,quotation,speaker,unquote,title,topic"
    )]
    kinds: Vec<serve::Kind>,
    /// Pause after each rebuild, in milliseconds.
    #[arg(long, default_value_t = 3000)]
    pause_ms: u64,
    /// The dossier binary [default: target/release/dossier of the workspace,
    /// built first].
    #[arg(long, value_name = "PATH")]
    dossier: Option<PathBuf>,
    /// Do not run `cargo build` for the default dossier binary.
    #[arg(long)]
    no_build: bool,
    /// Where corpora are generated and cached [default: target/dossier-bench].
    #[arg(long, value_name = "DIR")]
    work: Option<PathBuf>,
}

#[derive(Args)]
struct GenArgs {
    /// Number of articles.
    #[arg(long, short = 'n', default_value_t = 1000)]
    articles: usize,
    /// Random seed: the same seed gives byte-identical output.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Output folder of the dossier site (site.yaml, content/).
    #[arg(long, short = 'o')]
    out: PathBuf,
    /// Also write the corpus as a plain Hugo site into this folder.
    #[arg(long, value_name = "DIR")]
    hugo_out: Option<PathBuf>,
    /// Generator threads (0: all cores; the output does not depend on it).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Write into a non-empty folder that is not a corpus of ours.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct RunArgs {
    /// Corpus sizes, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
    sizes: Vec<usize>,
    /// Random seed of the corpora.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The dossier binary [default: target/release/dossier of the
    /// workspace, built with `cargo build --release -p dossier` first].
    #[arg(long, value_name = "PATH")]
    dossier: Option<PathBuf>,
    /// Do not run `cargo build` for the default dossier binary (it is still
    /// built when missing).
    #[arg(long)]
    no_build: bool,
    /// Also build the corpus with Hugo (default: when `hugo` is on PATH).
    #[arg(long, conflicts_with = "no_hugo")]
    hugo: bool,
    /// Never run Hugo.
    #[arg(long)]
    no_hugo: bool,
    /// The Hugo binary.
    #[arg(long, value_name = "PATH", default_value = "hugo")]
    hugo_bin: PathBuf,
    /// Run Hugo only on corpora of at most this many articles (Hugo needs
    /// about 1.5 GiB per 10,000 articles).
    #[arg(long, value_name = "N")]
    hugo_max: Option<usize>,
    /// Timed runs per tool and size (the median is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Untimed runs before the timed ones.
    #[arg(long, default_value_t = 0)]
    warmup: usize,
    /// Where corpora are generated and cached (by size and seed)
    /// [default: target/dossier-bench of the workspace].
    #[arg(long, value_name = "DIR")]
    work: Option<PathBuf>,
    /// Where both tools write their output [default: inside each corpus
    /// folder]. `/dev/shm` takes the filesystem's cost of creating files out
    /// of the comparison.
    #[arg(long, value_name = "DIR")]
    out_root: Option<PathBuf>,
    /// Print the results as JSON on stdout (the table goes to stderr).
    #[arg(long)]
    json: bool,
}

/// `target/dossier-bench` of the workspace (or of `CARGO_TARGET_DIR`).
fn default_work(workspace: &std::path::Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("target"))
        .join("dossier-bench")
}

/// The workspace root: where this crate was built from, else the current
/// folder.
fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match here.parent() {
        Some(p) if p.join("Cargo.toml").exists() => p.to_path_buf(),
        _ => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    }
}

fn main() -> ExitCode {
    match real_main() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn real_main() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Gen(a) => {
            let rep = generate(&GenOptions {
                articles: a.articles,
                seed: a.seed,
                out: Some(a.out.clone()),
                hugo_out: a.hugo_out,
                threads: a.threads,
                force: a.force,
            })?;
            eprintln!(
                "{} articles ({} .md, {} .txt, {} drafts), {} words, {} quotations, {} in {:.2} s -> {}",
                thousands(rep.articles as u64),
                thousands(rep.markdown as u64),
                thousands(rep.text as u64),
                rep.drafts,
                thousands(rep.words),
                thousands(rep.quotes),
                human_bytes(rep.bytes),
                rep.seconds,
                a.out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Serve(a) => {
            let workspace = workspace_root();
            let work = std::path::absolute(a.work.unwrap_or_else(|| default_work(&workspace)))?;
            let corpus = runner::corpus_dir(&work, a.articles, a.seed);
            if !is_cached(&corpus, a.articles, a.seed) {
                eprintln!("generating {} articles", thousands(a.articles as u64));
                generate(&GenOptions {
                    articles: a.articles,
                    seed: a.seed,
                    out: Some(corpus.clone()),
                    hugo_out: None,
                    threads: 0,
                    force: false,
                })?;
            }
            let dossier = runner::resolve_dossier(&RunOptions {
                sizes: vec![a.articles],
                seed: a.seed,
                dossier: a.dossier,
                build_dossier: !a.no_build,
                hugo: HugoMode::Off,
                hugo_bin: PathBuf::from("hugo"),
                hugo_max: None,
                runs: 1,
                warmup: 0,
                work: work.clone(),
                out_root: None,
                workspace,
            })?;
            let kinds = serve::run(&serve::ServeOptions {
                corpus,
                dossier,
                edits: a.edits,
                pause: std::time::Duration::from_millis(a.pause_ms),
                kinds: a.kinds,
            })?;
            println!(
                "\nedit-to-reload, {} articles, {} edits each (load {}):",
                thousands(a.articles as u64),
                a.edits,
                runner::load_average().map_or("?".into(), |l| format!("{l:.1}"))
            );
            for k in &kinds {
                println!(
                    "  {:<10} median {:>7.0} ms   all: {:?} ms   pages: {:?}",
                    k.kind,
                    k.median_ms().unwrap_or(f64::NAN),
                    k.after_save_ms,
                    k.pages
                );
                if k.settled_ms != k.after_save_ms {
                    println!(
                        "  {:<10} every page up to date: median {:>7.0} ms   all: {:?} ms",
                        "",
                        k.median_settled_ms().unwrap_or(f64::NAN),
                        k.settled_ms
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Run(a) => {
            let workspace = workspace_root();
            let work = a.work.unwrap_or_else(|| default_work(&workspace));
            let opts = RunOptions {
                sizes: a.sizes,
                seed: a.seed,
                dossier: a.dossier,
                build_dossier: !a.no_build,
                hugo: if a.no_hugo {
                    HugoMode::Off
                } else if a.hugo {
                    HugoMode::On
                } else {
                    HugoMode::Auto
                },
                hugo_bin: a.hugo_bin,
                hugo_max: a.hugo_max,
                runs: a.runs,
                warmup: a.warmup,
                work,
                out_root: a.out_root,
                workspace,
            };
            let rep = runner::run(&opts)?;
            let table = runner::table(&rep);
            if a.json {
                eprint!("\n{table}");
                println!("{}", serde_json::to_string_pretty(&rep)?);
            } else {
                print!("\n{table}");
            }
            Ok(if rep.all_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
    }
}
