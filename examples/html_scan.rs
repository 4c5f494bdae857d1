//! Measurement for issue 15, item 7: the link checker's scan of every
//! rendered page, by `PageLinks::scan` (on `content::html::Tag`) and by
//! lol_html, on a built site's pages. Prints each one's time (best of 5) and
//! whether their findings agree page by page. (The scanner `links.rs` had
//! before, `scan_html`, measured 1.36-1.50 s at 10,000 articles where Tag
//! took 1.20-1.23 s and lol_html 3.1-4.2 s.)
//!
//! cargo run --release --example html_scan -- OUTPUT_DIR

use std::cell::RefCell;
use std::time::{Duration, Instant};

use dossier::publish::links::PageLinks;
use dossier::text::decode_entities;

fn pages(dir: &std::path::Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

fn by_lol(path: &str, html: &str) -> PageLinks {
    let page = RefCell::new(PageLinks {
        path: path.to_string(),
        ..PageLinks::default()
    });
    let settings =
        lol_html::Settings::new().append_element_content_handler(lol_html::element!("*", |el| {
            let mut page = page.borrow_mut();
            let is_a = el.tag_name() == "a";
            for attr in el.attributes() {
                match attr.name().as_str() {
                    "href" | "src" => page.links.push(decode_entities(&attr.value())),
                    "id" => page.ids.push(decode_entities(&attr.value())),
                    "name" if is_a => page.ids.push(decode_entities(&attr.value())),
                    _ => {}
                }
            }
            Ok(())
        }));
    let mut rewriter = lol_html::HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html.as_bytes()).unwrap();
    rewriter.end().unwrap();
    page.into_inner()
}

fn best(
    pages: &[(String, String)],
    scan: impl Fn(&str, &str) -> PageLinks,
) -> (Duration, Vec<PageLinks>) {
    let mut best = Duration::MAX;
    let mut out = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        out = pages.iter().map(|(p, h)| scan(p, h)).collect();
        best = best.min(start.elapsed());
    }
    (best, out)
}

fn agree(a: &[PageLinks], b: &[PageLinks]) -> usize {
    a.iter()
        .zip(b)
        .filter(|(x, y)| x.links != y.links || x.ids != y.ids)
        .count()
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("an output folder"));
    let pages = pages(&dir);
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    println!("{} pages, {:.1} MB", pages.len(), bytes as f64 / 1e6);
    let (hand, a) = best(&pages, PageLinks::scan);
    let (lol, c) = best(&pages, by_lol);
    let links: usize = a.iter().map(|p| p.links.len() + p.ids.len()).sum();
    println!(
        "PageLinks::scan: {:>8.1} ms ({links} links and ids)",
        hand.as_secs_f64() * 1e3
    );
    println!(
        "lol_html:        {:>8.1} ms, pages that differ: {}",
        lol.as_secs_f64() * 1e3,
        agree(&a, &c)
    );
    if let Some((x, y)) = a
        .iter()
        .zip(&c)
        .find(|(x, y)| x.links != y.links || x.ids != y.ids)
    {
        let l: Vec<_> = x
            .links
            .iter()
            .zip(&y.links)
            .filter(|(p, q)| p != q)
            .take(3)
            .collect();
        let i: Vec<_> = x
            .ids
            .iter()
            .zip(&y.ids)
            .filter(|(p, q)| p != q)
            .take(3)
            .collect();
        println!(
            "first difference ({}): links {l:?} ids {i:?} counts {}/{} {}/{}",
            x.path,
            x.links.len(),
            y.links.len(),
            x.ids.len(),
            y.ids.len()
        );
    }
}
