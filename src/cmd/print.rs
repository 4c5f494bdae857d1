//! `dossier print`: the arguments and the run.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use clap::Args;

use super::SiteArgs;
use crate::build;
use crate::diagnostics::Diagnostic;
use crate::print::{Printer, Selector, Window, chromium, select};
use crate::render::Renderer;
use crate::report::Reporter;
use crate::text::plural;

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  dossier print topic:syria --pdf\n  dossier print actor:sergei-lavrov --from 2016-01-01 --to 2016-06-30 -o lavrov.pdf\n  dossier print all -o briefing.html"
)]
pub struct PrintArgs {
    /// What to print: `topic:ID`, `actor:ID` or `all`.
    #[arg(value_name = "SELECTOR", value_parser = parse_selector)]
    pub selector: Selector,
    #[command(flatten)]
    pub site: SiteArgs,
    /// Only articles dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Only articles dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Also make a PDF with headless Chromium.
    #[arg(long)]
    pub pdf: bool,
    /// The file to write: the HTML, or with --pdf (or a name ending in .pdf)
    /// the PDF, its HTML beside it. Default: `topic-ID.html` here.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The Chromium or Chrome to run (default: DOSSIER_CHROMIUM, else the
    /// first of chromium, chromium-browser, google-chrome on PATH).
    #[arg(long, value_name = "PATH")]
    pub chromium: Option<PathBuf>,
    /// Stop Chromium after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    pub timeout: u64,
}

fn parse_selector(s: &str) -> Result<Selector, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2016-02-21"))
}

/// Where the HTML and (with --pdf) the PDF go.
fn outputs(args: &PrintArgs) -> (PathBuf, Option<PathBuf>) {
    let is_pdf = |p: &Path| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    match &args.output {
        Some(file) if is_pdf(file) => (file.with_extension("html"), Some(file.clone())),
        Some(file) if args.pdf => (file.clone(), Some(file.with_extension("pdf"))),
        Some(file) => (file.clone(), None),
        None => {
            let mut name = match &args.selector {
                Selector::Topic(id) => format!("topic-{}", crate::slug::slugify(id)),
                Selector::Actor(id) => format!("actor-{}", crate::slug::slugify(id)),
                Selector::All => "all".to_string(),
            };
            if let Some(from) = args.from {
                name.push_str(&format!("-from-{from}"));
            }
            if let Some(to) = args.to {
                name.push_str(&format!("-to-{to}"));
            }
            let html = PathBuf::from(format!("{name}.html"));
            let pdf = args.pdf.then(|| html.with_extension("pdf"));
            (html, pdf)
        }
    }
}

/// `-o` may not name a file of the site or one inside its inputs: writing
/// the document there would overwrite site.yaml, or put it among the articles.
fn check_outputs(args: &PrintArgs) -> Vec<Diagnostic> {
    let (html, pdf) = outputs(args);
    [Some(html), pdf]
        .into_iter()
        .flatten()
        .filter_map(|path| {
            let unfit = crate::output::check_output_file(&args.site.root, &path).err()?;
            Some(
                Diagnostic::error(format!(
                    "`--output`: the document would be written to {}, which {unfit}",
                    path.display()
                ))
                .help("write the document outside content/, templates/, themes/ and static/, e.g. `-o digest.pdf` or `-o public/digest.html`"),
            )
        })
        .collect()
}

pub fn run(args: &PrintArgs, out: &Reporter) -> bool {
    let clashes = check_outputs(args);
    if !clashes.is_empty() {
        out.failed("print", &clashes);
        return false;
    }
    let opts = args.site.load_options();
    out.progress(format!("Loading {}…", args.site.root.display()));
    let loaded = match build::load_site(&opts) {
        Ok(loaded) => loaded,
        Err(problems) => {
            out.failed("print", &problems);
            return false;
        }
    };
    let window = Window {
        from: args.from,
        to: args.to,
    };
    let selection = match select(&loaded.site, &args.selector, window) {
        Ok(selection) => selection,
        Err(d) => {
            out.failed("print", &[d]);
            return false;
        }
    };
    let renderer = match Renderer::new(&loaded.config, &loaded.theme) {
        Ok(r) => r,
        Err(problems) => {
            out.failed("print", &problems);
            return false;
        }
    };
    let document = Printer::new(&loaded.config, &loaded.theme, &loaded.site, &renderer)
        .and_then(|printer| printer.render(&selection, true));
    let html = match document {
        Ok(html) => html,
        Err(d) => {
            out.failed("print", &[d]);
            return false;
        }
    };
    let (html_path, pdf_path) = outputs(args);
    if let Err(e) = write(&html_path, html.as_bytes()) {
        out.failed(
            "print",
            &[Diagnostic::error(format!("cannot write the document: {e}")).in_file(&html_path)],
        );
        return false;
    }
    let n = selection.articles.len();
    out.info(format!(
        "Wrote {} ({n} article{}).",
        html_path.display(),
        plural(n)
    ));
    let Some(pdf_path) = pdf_path else {
        return true;
    };
    let browser = match chromium::find(args.chromium.as_deref()) {
        Ok(browser) => browser,
        Err(e) => {
            eprintln!(
                "{}\n",
                Diagnostic::error(e.to_string()).help(chromium::INSTALL_HELP)
            );
            eprintln!(
                "print failed: no PDF was made. The HTML is at {}: open it in a browser and print it to PDF.",
                html_path.display()
            );
            return false;
        }
    };
    out.progress(format!("Printing to PDF with {}…", browser.display()));
    let limit = Duration::from_secs(args.timeout.max(1));
    match chromium::print_to_pdf(&browser, &html_path, &pdf_path, limit) {
        Ok(()) => {
            let pages = chromium::page_count(&pdf_path)
                .map(|p| format!(", {p} page{}", plural(p)))
                .unwrap_or_default();
            out.info(format!("Wrote {}{pages}.", pdf_path.display()));
            true
        }
        Err(e) => {
            let mut d = Diagnostic::error(e.to_string()).in_file(&browser);
            if matches!(e, chromium::Error::Timeout { .. }) {
                d = d.help("give it longer with --timeout SECONDS, or check that the browser starts: run it with --headless --dump-dom about:blank");
            } else if e.is_not_found() {
                d = d.help(chromium::INSTALL_HELP);
            } else {
                d = d.help("check that the browser runs headless on this machine (`--chromium` names another one)");
            }
            eprintln!("{d}\n");
            eprintln!(
                "print failed: no PDF was made. The HTML is at {}.",
                html_path.display()
            );
            false
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}
