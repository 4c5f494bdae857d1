//! `dossier import`: pasted article text to content files with front matter.

use std::path::PathBuf;

use clap::Args;

use crate::report::Reporter;
use crate::text::plural;

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
