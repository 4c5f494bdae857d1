//! The command line, on top of the library: each command's arguments, what
//! it tells the person at the terminal, and its exit code. Nothing below
//! imports this module (tests/layering.rs keeps it so).
//!
//! Exit codes: 0 success; 1 the site has problems (all reported); 2 the
//! command line is wrong.

mod build;
mod check;
mod import;
mod init;
mod print;
mod quotes;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::report::Reporter;

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
    Init(init::InitArgs),
    /// Build the whole site into the output folder.
    Build(build::BuildArgs),
    /// Serve the site locally, rebuild what a change affects, reload the browser.
    Serve(serve::ServeArgs),
    /// Load and render everything, write nothing, report every problem.
    Check(check::CheckArgs),
    /// Turn pasted article text into content files with front matter.
    Import(import::ImportArgs),
    /// A printable digest (HTML, and PDF with --pdf): `topic:ID`, `actor:ID` or `all`.
    Print(print::PrintArgs),
    /// List quotations with their speakers: the site's, or those of the given files.
    Quotes(quotes::QuotesArgs),
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

impl SiteArgs {
    /// What the library needs of these flags to load the site, writing nothing.
    fn load_options(&self) -> crate::build::BuildOptions {
        crate::build::BuildOptions {
            root: self.root.clone(),
            drafts: self.drafts,
            future: self.future,
            dry_run: true,
            ..crate::build::BuildOptions::default()
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Reporter { quiet: cli.quiet };
    let ok = match cli.command {
        Command::Init(args) => init::run(&args, &out),
        Command::Build(args) => build::run(&args, &out),
        Command::Check(args) => check::run(&args, &out),
        Command::Serve(args) => serve::run(&args, &out),
        Command::Import(args) => import::run(args, &out),
        Command::Print(args) => print::run(&args, &out),
        Command::Quotes(args) => quotes::run(&args, &out),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
