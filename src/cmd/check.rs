//! `dossier check`: load and render everything, write nothing, report every problem.

use clap::Args;

use super::SiteArgs;
use crate::report::Reporter;
use crate::text::plural;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Also request every link to another site (one request at a time per host; results kept for a week in .dossier-cache/).
    #[arg(long)]
    pub external: bool,
}

pub fn run(args: &CheckArgs, out: &Reporter) -> bool {
    let opts = args.site.load_options();
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
