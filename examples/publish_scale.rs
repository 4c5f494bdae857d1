//! Measurements of the publishing outputs on a large site (time of each
//! step, size of the search index, what a search downloads), for the notes
//! in docs/data.md. A measuring tool of the benchmark, not a test: run it on
//! a generated corpus with
//!
//! ```text
//! cargo run --release -p dossier-bench -- gen --articles 10000 --seed 1 --out /tmp/corpus
//! cargo run --release --example publish_scale -- /tmp/corpus
//! ```

use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

use dossier::build::{BuildOptions, load_site};
use dossier::publish::{self, Out, search};
use dossier::render::Renderer;
use dossier::site::routes;

/// What the search client downloads for `query`: meta.json, the shards of
/// its words, the docs files of the first 20 results.
fn fetched(files: &HashMap<String, Vec<u8>>, query: &str) -> (usize, usize, usize) {
    let meta: serde_json::Value = serde_json::from_slice(&files[routes::SEARCH_META]).unwrap();
    let keys: BTreeSet<String> = meta["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    let stop: BTreeSet<String> = meta["stop"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    let docs_n = meta["docs"].as_u64().unwrap() as f64;
    let chunk = meta["chunk"].as_u64().unwrap() as usize;
    let mut words = Vec::new();
    search::terms(query, |t| {
        if !stop.contains(t) && !words.iter().any(|w| w == t) {
            words.push(t.to_string())
        }
    });
    let mut bytes = files[routes::SEARCH_META].len();
    let mut shards_loaded = BTreeSet::new();
    let mut scores: Option<HashMap<usize, f64>> = None;
    for (i, word) in words.iter().enumerate() {
        let prefix = i == words.len() - 1 && word.chars().count() >= 3;
        let chars: Vec<char> = word.chars().collect();
        let mut wanted: BTreeSet<String> = (2..=chars.len().min(search::MAX_KEY))
            .rev()
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|k| keys.contains(k))
            .into_iter()
            .collect();
        if prefix {
            wanted.extend(
                keys.iter()
                    .filter(|k| k.len() > word.len() && k.starts_with(word.as_str()))
                    .cloned(),
            );
        }
        let mut these: HashMap<usize, f64> = HashMap::new();
        for key in wanted {
            let path = routes::search_shard(&search::file_name(&key));
            if shards_loaded.insert(path.clone()) {
                bytes += files[&path].len();
            }
            let shard: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(&files[&path]).unwrap();
            for (term, postings) in shard {
                let exact = term == *word;
                if !(exact || prefix && term.starts_with(word.as_str())) {
                    continue;
                }
                let p = postings.as_array().unwrap();
                let idf =
                    (1.0 + docs_n / (p.len() / 2) as f64).ln() * if exact { 1.0 } else { 0.5 };
                let mut doc = 0;
                for pair in p.chunks(2) {
                    doc += pair[0].as_u64().unwrap() as usize;
                    *these.entry(doc).or_default() += pair[1].as_f64().unwrap() * idf;
                }
            }
        }
        scores = Some(match scores {
            None => these,
            Some(prev) => prev
                .into_iter()
                .filter_map(|(d, s)| these.get(&d).map(|t| (d, s + t)))
                .collect(),
        });
    }
    let mut ranked: Vec<(usize, f64)> = scores.unwrap_or_default().into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let chunks: BTreeSet<usize> = ranked.iter().take(20).map(|(d, _)| d / chunk).collect();
    for c in &chunks {
        bytes += files[&format!("search/docs/{c}.json")].len();
    }
    (ranked.len(), shards_loaded.len() + chunks.len() + 1, bytes)
}

fn main() {
    let Some(root) = std::env::args_os().nth(1) else {
        eprintln!("usage: publish_scale SITE_FOLDER (a corpus from `dossier-bench gen`)");
        std::process::exit(2);
    };
    let loaded = load_site(&BuildOptions {
        root: root.into(),
        ..BuildOptions::default()
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let (config, site) = (&loaded.config, &loaded.site);
    let renderer = Renderer::new(config, &loaded.theme).unwrap();
    println!(
        "{} articles, {} quotations, {} actors, {} topics, {} outlets",
        site.articles.len(),
        site.quotations.len(),
        site.actors.len(),
        site.topics.len(),
        site.sources.len()
    );
    let out = Out::new(None);
    type Step<'a> = Box<dyn Fn() -> Result<(), dossier::diagnostics::Diagnostics> + 'a>;
    let steps: Vec<(&str, Step)> = vec![
        (
            "feeds",
            Box::new(|| publish::feeds::write(config, site, out, false, None).map(|_| ())),
        ),
        (
            "sitemap",
            Box::new(|| publish::sitemap::write(config, site, &renderer, out)),
        ),
        (
            "data",
            Box::new(|| publish::data::write(config, site, out, false, None).map(|_| ())),
        ),
        (
            "search",
            Box::new(|| publish::search::write(config, site, out, false, None, None).map(|_| ())),
        ),
    ];
    for (name, run) in steps {
        let t = Instant::now();
        run().unwrap();
        println!("{name}: {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    }
    let files: HashMap<String, Vec<u8>> = search::files(config, site).into_iter().collect();
    let total: usize = files.values().map(Vec::len).sum();
    let shards: Vec<usize> = files
        .iter()
        .filter(|(p, _)| p.starts_with("search/index/"))
        .map(|(_, b)| b.len())
        .collect();
    let docs: usize = files
        .iter()
        .filter(|(p, _)| p.starts_with("search/docs/"))
        .map(|(_, b)| b.len())
        .sum();
    let mut sorted = shards.clone();
    sorted.sort();
    println!(
        "search index: {} files, {total} bytes ({} shards: {} bytes, median {}, largest {}; docs {docs} bytes; meta {} bytes)",
        files.len(),
        shards.len(),
        shards.iter().sum::<usize>(),
        sorted[sorted.len() / 2],
        sorted.last().unwrap(),
        files[routes::SEARCH_META].len(),
    );
    // Words of different frequency: a rare one from an article's body, a name,
    // common words, and a prefix.
    let rare = {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for a in &site.articles {
            search::terms(&a.text(), |t| {
                *counts.entry(t.to_string()).or_default() += 1
            });
        }
        let rarest = counts
            .iter()
            .filter(|(t, _)| t.len() > 6)
            .map(|(t, c)| (*c, t))
            .min();
        rarest.map(|(_, t)| t.to_string()).unwrap_or_default()
    };
    let name = site
        .actors
        .first()
        .map(|a| a.name.clone())
        .unwrap_or_default();
    for query in [
        rare.as_str(),
        name.as_str(),
        "minister",
        "government talks",
        "minis",
        "ceasefire agreement",
    ] {
        let (results, requests, bytes) = fetched(&files, query);
        println!("query {query:?}: {results} results; {requests} files, {bytes} bytes fetched");
    }
}
