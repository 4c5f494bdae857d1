//! Single-threaded extractor throughput over the seed articles, repeated.
//!
//! `cargo run --release -p dossier-extract --example throughput [-- MEGABYTES]`
//!
//! Prints MB/s for `analyse` alone (actors, topics, quotations, speakers) and for
//! `group_quotations` over every quotation found.

use std::path::PathBuf;
use std::time::Instant;

use dossier_extract::{
    ActorDef, ActorKind, Lexicon, Occurrence, Options, QuoteKey, QuoteRef, TopicDef, analyse,
    group_quotations,
};

fn registry() -> Lexicon {
    let a = |id: &str, name: &str, aliases: &[&str], role: Option<&str>, kind| ActorDef {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        role: role.map(str::to_string),
        kind,
    };
    use ActorKind::*;
    let actors = vec![
        a(
            "sergei-lavrov",
            "Sergei Lavrov",
            &[
                "Sergey Lavrov",
                "Lavrov",
                "Russian Foreign Minister",
                "the Russian minister",
                "Minister Lavrov",
            ],
            Some("Foreign Minister of Russia"),
            Person,
        ),
        a(
            "john-kerry",
            "John Kerry",
            &[
                "Kerry",
                "Secretary Kerry",
                "the top US diplomat",
                "U.S. Secretary of State",
                "US Secretary of State",
            ],
            Some("US Secretary of State"),
            Person,
        ),
        a(
            "vladimir-putin",
            "Vladimir Putin",
            &["Putin", "President Vladimir Putin", "Russian President"],
            None,
            Person,
        ),
        a(
            "bashar-al-assad",
            "Bashar al-Assad",
            &["Bashar Assad", "Assad"],
            None,
            Person,
        ),
        a(
            "staffan-de-mistura",
            "Staffan de Mistura",
            &["de Mistura"],
            None,
            Person,
        ),
        a(
            "sergei-ryabkov",
            "Sergei Ryabkov",
            &["Ryabkov"],
            None,
            Person,
        ),
        a(
            "russian-foreign-ministry",
            "Russian Foreign Ministry",
            &["Russia's foreign ministry", "the Russian Foreign Ministry"],
            None,
            Organisation,
        ),
        a(
            "us-state-department",
            "State Department",
            &["U.S. State Department"],
            None,
            Organisation,
        ),
        a(
            "pentagon",
            "Pentagon",
            &["US Department of Defense"],
            None,
            Organisation,
        ),
        a("kremlin", "Kremlin", &["the Kremlin"], None, Organisation),
    ];
    let t = |id: &str, k: &[&str]| TopicDef {
        id: id.into(),
        title: id.into(),
        keywords: k.iter().map(|s| s.to_string()).collect(),
    };
    let topics = vec![
        t("syria", &["Syria", "Syrian", "Damascus", "Aleppo", "Assad"]),
        t(
            "counter-terrorism",
            &["ISIS", "ISIL", "Islamic State", "Nusra", "terrorist"],
        ),
        t("ukraine", &["Ukraine", "Minsk"]),
    ];
    Lexicon::new(&actors, &topics)
}

fn main() {
    let megabytes: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20.0);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seeds");
    let mut articles: Vec<Vec<String>> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let text = std::fs::read_to_string(&p).expect("seed");
        articles.push(
            text.lines()
                .skip(1)
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        );
    }
    let seed_bytes: usize = articles.iter().flatten().map(String::len).sum();
    let reps = ((megabytes * 1e6) / seed_bytes as f64).ceil() as usize;
    let lexicon = registry();
    let opts = Options::default();

    let refs: Vec<Vec<&str>> = articles
        .iter()
        .map(|a| a.iter().map(String::as_str).collect())
        .collect();
    // warm up
    for a in &refs {
        std::hint::black_box(analyse(a, &lexicon, &opts));
    }
    let start = Instant::now();
    let mut quotes = 0;
    let mut all_quotes: Vec<String> = Vec::new();
    for r in 0..reps {
        for a in &refs {
            let out = analyse(a, &lexicon, &opts);
            quotes += out.quotes.len();
            if r < 200 {
                all_quotes.extend(out.quotes.into_iter().map(|q| q.text));
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let bytes = (seed_bytes * reps) as f64;
    println!(
        "analyse: {:.1} MB in {:.3} s = {:.1} MB/s single-threaded ({} articles, {} quotations)",
        bytes / 1e6,
        secs,
        bytes / 1e6 / secs,
        reps * refs.len(),
        quotes
    );

    let qbytes: usize = all_quotes.iter().map(String::len).sum();
    let start = Instant::now();
    let keys: Vec<QuoteKey> = all_quotes.iter().map(|t| QuoteKey::new(t)).collect();
    let keyed = start.elapsed().as_secs_f64();
    let items: Vec<QuoteRef> = all_quotes
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(i, (t, key))| QuoteRef {
            text: t,
            key,
            speaker: None,
            attribution: dossier_extract::Attribution::Explicit,
            at: Occurrence {
                time: i as i64,
                article: "a",
                ordinal: 0,
            },
        })
        .collect();
    let grouping = Instant::now();
    let groups = group_quotations(&items);
    println!(
        "QuoteKey::new {:.3} s, group_quotations {:.3} s",
        keyed,
        grouping.elapsed().as_secs_f64()
    );
    let secs = start.elapsed().as_secs_f64();
    println!(
        "group_quotations: {} quotations ({:.1} MB) into {} groups in {:.3} s = {:.1} MB/s",
        items.len(),
        qbytes as f64 / 1e6,
        groups.len(),
        secs,
        qbytes as f64 / 1e6 / secs
    );
}
