//! Try the heuristics by hand: `cargo run -p dossier-import --example import
//! -- [--today YYYY-MM-DD] [--context YYYY-MM-DD,...] FILE...` prints each
//! file's content file and what was removed, as `dossier import --dry-run`.

use chrono::NaiveDate;
use dossier_import::{ImportOptions, import_all};

fn main() {
    let mut opts = ImportOptions::new(chrono::Local::now().date_naive());
    let mut args = std::env::args().skip(1);
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--today" => {
                opts.today = args
                    .next()
                    .and_then(|d| d.parse().ok())
                    .expect("--today DATE")
            }
            "--context" => {
                opts.context_dates = args
                    .next()
                    .expect("--context DATES")
                    .split(',')
                    .map(|d| d.parse::<NaiveDate>().expect("a date"))
                    .collect()
            }
            "--source" => opts.source = args.next(),
            "--date" => opts.date = args.next().and_then(|d| d.parse().ok()),
            _ => files.push(a),
        }
    }
    let inputs: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("readable file"))
        .collect();
    for (f, result) in files.iter().zip(import_all(&inputs, &opts)) {
        println!("==> {f}");
        match result {
            Ok(imp) => {
                print!("{}", imp.to_markdown(&[], &[]));
                for r in &imp.removed {
                    println!("  [removed] {r}");
                }
                for n in &imp.notes {
                    println!("  [note] {n}");
                }
            }
            Err(e) => println!("error: {e}"),
        }
    }
}
