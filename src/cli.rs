//! The command line. Each verb is a thin layer over the library; this file
//! only parses arguments, reports, and chooses the exit code.
//!
//! Exit codes: 0 success; 1 the site has problems (all reported); 2 the
//! command line is wrong.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::build::{self, BuildOptions};
use crate::diagnostics::Diagnostic;
use crate::report::Reporter;
use crate::text::plural;

#[derive(Parser, Debug)]
#[command(name = "dossier", version, about = "Build a briefing site from news articles: digests per topic and actor, shared quotations, feeds, search and printable digests.", long_about = None)]
pub struct Cli {
    /// Print nothing but errors and warnings.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new site: site.yaml and an example article.
    Init(InitArgs),
    /// Build the whole site into the output folder.
    Build(BuildArgs),
    /// Serve the site locally, rebuild what a change affects, reload the browser.
    Serve(crate::serve::ServeArgs),
    /// Load and render everything, write nothing, report every problem.
    Check(CheckArgs),
    /// Turn pasted article text into content files with front matter.
    Import(ImportArgs),
    /// A printable digest (HTML, and PDF with --pdf): `topic:ID`, `actor:ID` or `all`.
    Print(crate::print::cli::PrintArgs),
    /// List quotations with their speakers: the site's, or those of the given files.
    Quotes(QuotesArgs),
}

#[derive(Args, Debug)]
pub struct QuotesArgs {
    /// Article files (.md or .txt) to read instead of the site; no site is needed.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The site folder (its registry names the speakers).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Print JSON in the shape of data/quotes.json instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future.
    #[arg(long)]
    pub future: bool,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: `output_dir` of site.yaml, `public`).
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The address the site will be served from (overrides site.yaml).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Print the time of each stage, one `timing STAGE MILLISECONDS` line each, to stderr.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Also request every link to another site (one request at a time per host; results kept for a week in .dossier-cache/).
    #[arg(long)]
    pub external: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Text files of articles as copied from a web page or wire; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The site folder, whose registry names the actors and topics.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// The outlet, when the text does not say it.
    #[arg(long, value_name = "S")]
    pub source: Option<String>,
    /// The publication date (YYYY-MM-DD), when the text does not say it.
    #[arg(long, value_name = "D")]
    pub date: Option<chrono::NaiveDate>,
    /// The article's original address.
    #[arg(long, value_name = "U")]
    pub url: Option<String>,
    /// The headline, when the text has none.
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// The folder to write into, relative to the site root.
    #[arg(long, value_name = "content/DIR")]
    pub into: Option<PathBuf>,
    /// Print the content files instead of writing them.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create (it may exist, but must not hold a site.yaml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Also copy the built-in theme into themes/default/ to edit it.
    #[arg(long)]
    pub theme: bool,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Reporter { quiet: cli.quiet };
    let ok = match cli.command {
        Command::Init(args) => init(&args, &out),
        Command::Build(args) => run_build(&args, &out),
        Command::Check(args) => run_check(&args, &out),
        Command::Serve(args) => crate::serve::cli(&args, &out),
        Command::Import(args) => run_import(args, &out),
        Command::Print(args) => crate::print::cli::run(&args, &out),
        Command::Quotes(args) => run_quotes(&args, &out),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_build(args: &BuildArgs, out: &Reporter) -> bool {
    out.progress(format!("Building {}…", args.site.root.display()));
    let opts = BuildOptions {
        root: args.site.root.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.site.drafts,
        future: args.site.future,
        dry_run: false,
    };
    match build::build(&opts) {
        Ok(report) => {
            out.problems(&report.warnings);
            if args.timings {
                for (stage, d) in &report.timings.stages {
                    eprintln!(
                        "timing {} {:.3}",
                        stage.replace(' ', "_"),
                        d.as_secs_f64() * 1000.0
                    );
                }
            }
            out.info(format!(
                "Built {} article{}, {} actors, {} topics, {} quotations: {} pages in {} ({} ms).",
                report.articles,
                plural(report.articles),
                report.actors,
                report.topics,
                report.quotations,
                report.pages,
                report.output.display(),
                report.elapsed.as_millis()
            ));
            true
        }
        Err(problems) => {
            out.failed("build", &problems);
            false
        }
    }
}

fn run_check(args: &CheckArgs, out: &Reporter) -> bool {
    let opts = BuildOptions {
        root: args.site.root.clone(),
        drafts: args.site.drafts,
        future: args.site.future,
        dry_run: true,
        ..BuildOptions::default()
    };
    let with = crate::check::CheckOptions {
        external: args.external,
    };
    if args.external {
        out.progress("Checking links to other sites…");
    }
    match crate::check::check_with(&opts, &with) {
        Ok(report) => {
            out.problems(&report.problems);
            let warnings = report.problems.len();
            let errors = report.problems.iter().filter(|d| d.is_error()).count();
            if errors > 0 {
                eprintln!("check found {errors} error{}.", plural(errors));
                return false;
            }
            out.info(format!(
                "Checked {} articles and {} pages: no errors{}.",
                report.articles,
                report.pages,
                if warnings > 0 {
                    format!(", {warnings} warning{}", plural(warnings))
                } else {
                    String::new()
                }
            ));
            true
        }
        Err(problems) => {
            out.problems(&problems);
            let errors = problems.iter().filter(|d| d.is_error()).count();
            eprintln!("check found {errors} error{}.", plural(errors));
            false
        }
    }
}

fn run_quotes(args: &QuotesArgs, out: &Reporter) -> bool {
    let loaded = if args.paths.is_empty() {
        crate::quotes::of_site(&args.root)
    } else {
        crate::quotes::of_files(&args.root, &args.paths)
    };
    match loaded {
        Ok((config, site)) => {
            if args.json {
                let json =
                    serde_json::to_string_pretty(&crate::publish::data::to_json(&config, &site))
                        .expect("plain data serialises");
                println!("{json}");
            } else {
                print!("{}", crate::quotes::to_table(&site));
            }
            true
        }
        Err(problems) => {
            out.failed("quotes", &problems);
            false
        }
    }
}

fn run_import(args: ImportArgs, out: &Reporter) -> bool {
    let request = crate::import::ImportRequest {
        root: args.root,
        files: args.files,
        source: args.source,
        date: args.date,
        url: args.url,
        title: args.title,
        into: args.into,
        dry_run: args.dry_run,
    };
    let outcomes = match crate::import::import(&request) {
        Ok(outcomes) => outcomes,
        Err(problems) => {
            out.failed("import", &problems);
            return false;
        }
    };
    let mut failed = 0;
    for outcome in &outcomes {
        match &outcome.result {
            Ok(written) => {
                if request.dry_run {
                    println!("==> {} -> {}", outcome.input, written.path.display());
                    print!("{}", written.markdown);
                    for line in &written.imported.removed {
                        println!("# removed: {line}");
                    }
                    for note in &written.imported.notes {
                        println!("# note: {note}");
                    }
                    println!();
                } else {
                    for note in &written.imported.notes {
                        eprintln!("note: {}: {note}", outcome.input);
                    }
                    let renamed = written
                        .renamed_from
                        .as_ref()
                        .map(|n| format!(" ({} exists)", n.display()))
                        .unwrap_or_default();
                    out.info(format!(
                        "{} -> {}{renamed}",
                        outcome.input,
                        written.path.display()
                    ));
                }
            }
            Err(d) => {
                failed += 1;
                eprintln!("{d}\n");
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "import: {failed} of {} file{} could not be imported.",
            outcomes.len(),
            plural(outcomes.len())
        );
    }
    failed == 0
}

const EXAMPLE_CONFIG: &str = r#"# The site's settings and its registry of actors and topics.
# Reference: https://github.com/ (docs/configuration.md in the dossier repository)
title: My Briefing
base_url: https://briefing.example.org
description: What happened, who said what, and who reported it.
language: en
timezone: UTC

actors:
  jane-doe:
    name: Jane Doe
    aliases: [Doe, the minister]
    role: Minister of Examples
    kind: person

topics:
  examples:
    title: Examples
    keywords: [example, examples]
"#;

const EXAMPLE_ARTICLE: &str = r#"---
title: Minister Jane Doe presents the first example
date: 2024-01-15
source: Example Times
url: https://news.example/first-example
---
Minister Jane Doe presented the first example on Monday.

"This example shows how a briefing grows, one article at a time," Doe told reporters.

Drop more articles into content/ as `NAME.md` (like this one), or as `NAME.txt` with a
`NAME.yaml` beside it, then run `dossier build`.
"#;

fn init(args: &InitArgs, out: &Reporter) -> bool {
    let dir = &args.dir;
    let config = dir.join(crate::config::CONFIG_FILE);
    if config.exists() {
        eprintln!(
            "{}",
            Diagnostic::error("there is already a site here")
                .in_file(&config)
                .help("choose an empty folder: `dossier init my-briefing`")
        );
        return false;
    }
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(dir.join("content"))?;
        std::fs::write(&config, EXAMPLE_CONFIG)?;
        let article = dir.join("content/first-example.md");
        if !article.exists() {
            std::fs::write(article, EXAMPLE_ARTICLE)?;
        }
        if args.theme {
            for (path, bytes) in crate::render::Theme::embedded_files() {
                let target = dir.join("themes/default").join(path);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(target, bytes)?;
            }
        }
        let gitignore = dir.join(".gitignore");
        if !gitignore.exists() {
            std::fs::write(gitignore, "/public\n/.public.*\n/.dossier-cache\n")?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => {
            out.info(format!(
                "Created a site in {}.\nNext: `dossier build --root {}` writes it to {}.",
                dir.display(),
                dir.display(),
                dir.join("public").display()
            ));
            true
        }
        Err(e) => {
            eprintln!(
                "{}",
                Diagnostic::error(format!("cannot create the site: {e}")).in_file(dir)
            );
            false
        }
    }
}
