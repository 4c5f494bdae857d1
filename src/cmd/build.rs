//! `dossier build`: the whole site into the output folder.

use std::path::PathBuf;

use clap::Args;

use super::SiteArgs;
use crate::build::{self, BuildOptions};
use crate::report::Reporter;
use crate::text::plural;

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
    /// Build everything anew, without reading or writing the build cache (`.dossier-cache/`).
    #[arg(long)]
    pub no_cache: bool,
}

pub fn run(args: &BuildArgs, out: &Reporter) -> bool {
    out.progress(format!("Building {}…", args.site.root.display()));
    let opts = BuildOptions {
        root: args.site.root.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.site.drafts,
        future: args.site.future,
        dry_run: false,
    };
    match build::build_with(&opts, !args.no_cache) {
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
            if let Some(spared) = report.cached {
                out.info(format!(
                    "From the build cache: {} article{} not analysed again, {} of {} pages and {} of {} print pages not rendered again{}.",
                    spared.articles,
                    plural(spared.articles),
                    spared.pages,
                    report.pages,
                    spared.print.0,
                    spared.print.1,
                    if spared.extras {
                        ", feeds, sitemap, data and search unchanged"
                    } else {
                        ""
                    }
                ));
            }
            true
        }
        Err(problems) => {
            out.failed("build", &problems);
            false
        }
    }
}
