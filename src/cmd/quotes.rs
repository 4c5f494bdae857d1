//! `dossier quotes`: the quotations of a site or of loose files, with speakers.

use std::path::PathBuf;

use clap::Args;

use crate::report::Reporter;

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

pub fn run(args: &QuotesArgs, out: &Reporter) -> bool {
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
