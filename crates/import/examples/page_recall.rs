//! How well the web-page import recovers an article: for each folder of `DIR` holding
//! `source.html` (a saved page) and `expected.html` (the text a reader should get, as in
//! Mozilla Readability's test pages), the share of the expected words the import keeps
//! (recall) and the share of the imported words that are not the article's (furniture).
//!
//! ```text
//! cargo run --release -p dossier-import --example page_recall -- DIR [NAME...]
//! ```
//!
//! Words are compared as multisets of lower-cased runs of letters and digits; the title is
//! left out on both sides (the expected text has none).

use std::collections::HashMap;
use std::path::Path;

use dom_query::Document;
use dossier_import::ImportOptions;
use dossier_import::html::{PageMeta, blocks, import_html};

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// (recall, furniture share, expected words, imported words)
fn measure(dir: &Path) -> Result<(f64, f64, usize, usize), String> {
    let source = std::fs::read(dir.join("source.html")).map_err(|e| e.to_string())?;
    let expected = std::fs::read_to_string(dir.join("expected.html")).map_err(|e| e.to_string())?;
    let expected: Vec<String> = blocks(&Document::from(expected.as_str()))
        .iter()
        .flat_map(|b| words(&b.text))
        .collect();
    let opts = ImportOptions::new(chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
    let source = dossier_import::html::decode_page(&source);
    let imported = import_html(
        &source,
        Some("http://fakehost/test/page.html"),
        &PageMeta::default(),
        &opts,
    )
    .map_err(|e| e.to_string())?;
    let got: Vec<String> = imported.paragraphs.iter().flat_map(|p| words(p)).collect();
    let mut want: HashMap<&str, usize> = HashMap::new();
    for w in &expected {
        *want.entry(w).or_default() += 1;
    }
    let mut matched = 0usize;
    for w in &got {
        if let Some(n) = want.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            matched += 1;
        }
    }
    let recall = matched as f64 / expected.len().max(1) as f64;
    let furniture = (got.len() - matched) as f64 / got.len().max(1) as f64;
    Ok((recall, furniture, expected.len(), got.len()))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: page_recall DIR [NAME...]");
        std::process::exit(2);
    };
    let root = Path::new(&root);
    let mut names: Vec<String> = args.collect();
    if names.is_empty() {
        names = std::fs::read_dir(root)
            .expect("DIR is readable")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("source.html").exists())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
    }
    println!(
        "{:<22} {:>7} {:>9} {:>8} {:>8}",
        "page", "recall", "furniture", "expected", "imported"
    );
    let (mut recall_sum, mut furniture_sum, mut n) = (0.0, 0.0, 0usize);
    for name in &names {
        match measure(&root.join(name)) {
            Ok((recall, furniture, want, got)) => {
                println!("{name:<22} {recall:>7.3} {furniture:>9.3} {want:>8} {got:>8}");
                recall_sum += recall;
                furniture_sum += furniture;
            }
            Err(e) => {
                // A page that fails counts as nothing recovered.
                println!("{name:<22} {:>7.3} {:>9} failed: {e}", 0.0, "-");
            }
        }
        n += 1;
    }
    let n = n.max(1) as f64;
    println!(
        "{:<22} {:>7.3} {:>9.3}   ({} pages)",
        "mean",
        recall_sum / n,
        furniture_sum / n,
        names.len()
    );
}
