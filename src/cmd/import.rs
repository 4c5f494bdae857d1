//! `dossier import`: pasted article text, saved web pages, URLs and feeds to content files
//! with front matter.

use std::path::PathBuf;

use clap::Args;

use crate::import::Done;
use crate::report::Reporter;
use crate::text::plural;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// What to import: text files of articles as copied from a web page or wire, saved web
    /// pages (.html), RSS or Atom feeds (one article per item), or web addresses of any of
    /// these; `-` reads standard input.
    #[arg(required = true, value_name = "SOURCE")]
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
    /// Feeds: only the items published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "D")]
    pub since: Option<chrono::NaiveDate>,
    /// Feeds: at most this many items of each feed, newest first.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Seconds to wait for each web page or feed.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
}

pub fn run(args: ImportArgs, out: &Reporter) -> bool {
    let request = crate::import::ImportRequest {
        root: args.root,
        files: args.files,
        source: args.source,
        date: args.date,
        url: args.url,
        title: args.title,
        into: args.into,
        dry_run: args.dry_run,
        since: args.since,
        limit: args.limit,
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
    };
    let outcomes = match crate::import::import(&request) {
        Ok(outcomes) => outcomes,
        Err(problems) => {
            out.failed("import", &problems);
            return false;
        }
    };
    let mut failed = 0;
    let mut skipped = 0;
    for outcome in &outcomes {
        match &outcome.result {
            Ok(Done::Written(written)) => {
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
                        "new: {} -> {}{renamed}",
                        outcome.input,
                        written.path.display()
                    ));
                }
            }
            Ok(Done::Skipped(s)) => {
                skipped += 1;
                out.info(format!(
                    "skipped: {}: \"{}\" is already in {} ({})",
                    outcome.input,
                    s.title,
                    s.existing.display(),
                    s.why
                ));
            }
            Err(d) => {
                failed += 1;
                eprintln!("{d}\n");
            }
        }
    }
    let new = outcomes.len() - skipped - failed;
    if outcomes.len() > 1 || skipped > 0 || failed > 0 {
        out.info(format!(
            "import: {new} new, {skipped} skipped (already in the site), {failed} failed."
        ));
    }
    if failed > 0 {
        eprintln!(
            "import: {failed} of {} article{} could not be imported.",
            outcomes.len(),
            plural(outcomes.len())
        );
    }
    failed == 0
}
