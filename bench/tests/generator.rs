//! The corpus generator: deterministic, the right number of articles in both
//! formats, valid YAML, quotations that recur across articles.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use dossier_bench::generate::{GenOptions, generate, is_cached};
use serde_yaml::Value;

fn make(dir: &Path, n: usize, seed: u64, threads: usize) {
    generate(&GenOptions {
        articles: n,
        seed,
        out: Some(dir.to_path_buf()),
        hugo_out: None,
        threads,
        force: false,
    })
    .unwrap();
}

fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

/// (front matter or sidecar YAML, body without title) of every article.
fn articles(root: &Path) -> Vec<(PathBuf, Value, String)> {
    let mut out = Vec::new();
    for (rel, bytes) in files(&root.join("content")) {
        let text = String::from_utf8(bytes).expect("UTF-8");
        match rel.extension().and_then(|e| e.to_str()) {
            Some("md") => {
                let rest = text.strip_prefix("---\n").expect("front matter");
                let end = rest.find("\n---\n").expect("front matter end");
                let fm: Value = serde_yaml::from_str(&rest[..end])
                    .unwrap_or_else(|e| panic!("{}: {e}\n{}", rel.display(), &rest[..end]));
                out.push((rel, fm, rest[end + 5..].to_string()));
            }
            Some("txt") => {
                let side = root.join("content").join(rel.with_extension("yaml"));
                let y = fs::read_to_string(&side).expect("a .yaml beside the .txt");
                let meta: Value = serde_yaml::from_str(&y)
                    .unwrap_or_else(|e| panic!("{}: {e}\n{y}", side.display()));
                let (title, body) = text.split_once('\n').unwrap();
                let mut meta = meta;
                meta.as_mapping_mut()
                    .unwrap()
                    .insert("title".into(), title.into());
                out.push((rel, meta, body.to_string()));
            }
            Some("yaml") => {}
            other => panic!("unexpected file {} ({other:?})", rel.display()),
        }
    }
    out
}

#[test]
fn same_seed_same_bytes_whatever_the_threads() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let c = tempfile::tempdir().unwrap();
    make(a.path(), 300, 7, 1);
    make(b.path(), 300, 7, 3);
    make(c.path(), 300, 8, 2);
    let fa = files(a.path());
    let fb = files(b.path());
    assert!(fa.len() > 300);
    assert_eq!(
        fa.keys().collect::<Vec<_>>(),
        fb.keys().collect::<Vec<_>>(),
        "same file names"
    );
    for (k, v) in &fa {
        assert!(fb[k] == *v, "{} differs between two runs", k.display());
    }
    let fc = files(c.path());
    let same = fa.iter().filter(|(k, v)| fc.get(*k) == Some(v)).count();
    assert!(
        same <= 2,
        "another seed gives another corpus ({same} same files)"
    );
    assert!(is_cached(a.path(), 300, 7));
    assert!(!is_cached(a.path(), 300, 8));
    assert!(!is_cached(a.path(), 301, 7));
}

#[test]
fn regenerating_into_the_same_folder_replaces_the_corpus() {
    let a = tempfile::tempdir().unwrap();
    make(a.path(), 120, 1, 0);
    make(a.path(), 40, 2, 0);
    assert_eq!(articles(a.path()).len(), 40);
    // A folder that is not ours is refused.
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("notes.txt"), "mine").unwrap();
    let r = generate(&GenOptions {
        articles: 5,
        seed: 1,
        out: Some(other.path().to_path_buf()),
        hugo_out: None,
        threads: 0,
        force: false,
    });
    assert!(r.is_err());
    assert!(other.path().join("notes.txt").exists());
}

#[test]
fn site_yaml_has_the_registry() {
    let d = tempfile::tempdir().unwrap();
    make(d.path(), 50, 42, 0);
    let site: Value =
        serde_yaml::from_str(&fs::read_to_string(d.path().join("site.yaml")).unwrap()).unwrap();
    assert!(site["title"].as_str().unwrap().contains("50 articles"));
    assert!(site["base_url"].as_str().unwrap().starts_with("https://"));
    let actors = site["actors"].as_mapping().unwrap();
    assert!(
        (180..=220).contains(&actors.len()),
        "{} actors",
        actors.len()
    );
    let mut persons = 0;
    let mut with_role_alias = 0;
    for (id, a) in actors {
        let id = id.as_str().unwrap();
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        );
        let name = a["name"].as_str().unwrap();
        let aliases: Vec<&str> = a["aliases"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!((1..=3).contains(&aliases.len()), "{id}: {aliases:?}");
        match a["kind"].as_str().unwrap() {
            "person" => {
                persons += 1;
                let surname = name.rsplit(' ').next().unwrap();
                assert!(
                    aliases.contains(&surname),
                    "{id}: surname among {aliases:?}"
                );
                assert!(a["role"].as_str().is_some());
                if aliases.iter().any(|x| x.starts_with("the ")) {
                    with_role_alias += 1;
                }
            }
            "organisation" => {}
            k => panic!("kind {k}"),
        }
    }
    assert!((120..=170).contains(&persons), "{persons} persons");
    assert!(
        with_role_alias > 30,
        "role descriptions as aliases: {with_role_alias}"
    );
    let topics = site["topics"].as_mapping().unwrap();
    assert_eq!(topics.len(), 20);
    for (_, t) in topics {
        assert!(t["title"].as_str().is_some());
        let k = t["keywords"].as_sequence().unwrap().len();
        assert!((3..=8).contains(&k));
    }
}

#[test]
fn articles_in_both_formats_with_valid_metadata() {
    let d = tempfile::tempdir().unwrap();
    let n = 600;
    make(d.path(), n, 42, 0);
    let arts = articles(d.path());
    assert_eq!(arts.len(), n);
    let md = arts
        .iter()
        .filter(|(p, ..)| p.extension().unwrap() == "md")
        .count();
    let share = md as f64 / n as f64;
    assert!((0.62..0.78).contains(&share), "share of .md: {share}");
    let site: Value =
        serde_yaml::from_str(&fs::read_to_string(d.path().join("site.yaml")).unwrap()).unwrap();
    let actor_ids: HashSet<&str> = site["actors"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|k| k.as_str().unwrap())
        .collect();
    let mut years = HashSet::new();
    let mut sources = HashSet::new();
    let mut words = 0;
    let (mut listed_actors, mut free_names, mut listed_topics) = (0, 0, 0);
    let mut in_subfolders = 0;
    let mut slugs = HashSet::new();
    for (p, meta, body) in &arts {
        let title = meta["title"].as_str().unwrap();
        assert!(!title.is_empty());
        // YAML may read a bare date as a string; either way it starts YYYY-MM-DD.
        let date = meta["date"].as_str().unwrap();
        let y: i32 = date[..4].parse().unwrap();
        assert!((2019..=2025).contains(&y), "{date}");
        assert_eq!(&date[4..5], "-");
        years.insert(y);
        sources.insert(meta["source"].as_str().unwrap().to_string());
        assert!(meta["url"].as_str().unwrap().starts_with("https://"));
        if let Some(a) = meta["actors"].as_sequence() {
            listed_actors += 1;
            for x in a {
                if !actor_ids.contains(x.as_str().unwrap()) {
                    free_names += 1;
                }
            }
        }
        if meta["topics"].as_sequence().is_some() {
            listed_topics += 1;
        }
        if p.components().count() >= 3 {
            in_subfolders += 1;
        }
        assert!(
            slugs.insert(p.file_stem().unwrap().to_owned()),
            "duplicate stem {}",
            p.display()
        );
        words += body.split_whitespace().count();
    }
    assert_eq!(years.len(), 7, "dates over 2019..2025: {years:?}");
    assert!(sources.len() >= 25, "{} outlets", sources.len());
    let avg = words / n;
    assert!((600..=820).contains(&avg), "average words {avg}");
    assert!(listed_actors > n / 5 && listed_actors < n / 2);
    assert!(listed_topics > n / 4 && listed_topics < n * 6 / 10);
    assert!(free_names > 0, "some free-form actor names");
    assert_eq!(in_subfolders, n);

    // Markdown features and both quotation styles somewhere in the corpus.
    let all_md: String = arts
        .iter()
        .filter(|(p, ..)| p.extension().unwrap() == "md")
        .map(|(_, _, b)| b.as_str())
        .collect();
    for needle in [
        "\n## ",
        "\n- ",
        "\n```json",
        "](https://",
        "*",
        "“",
        "”",
        "\"",
    ] {
        assert!(
            all_md.contains(needle),
            "no {needle:?} in the Markdown articles"
        );
    }
    let all_txt: String = arts
        .iter()
        .filter(|(p, ..)| p.extension().unwrap() == "txt")
        .map(|(_, _, b)| b.as_str())
        .collect();
    assert!(!all_txt.contains("\n## ") && !all_txt.contains("```"));
}

/// Quoted stretches of 4 words or more, normalised.
fn quotes(body: &str) -> Vec<String> {
    let body = body.replace(['“', '”'], "\"");
    let mut out = Vec::new();
    for para in body.split("\n\n") {
        let parts: Vec<&str> = para.split('"').collect();
        for (i, q) in parts.iter().enumerate() {
            if i % 2 == 1 && i + 1 < parts.len() {
                let norm: String = q
                    .to_lowercase()
                    .replace('’', "'")
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || c == '\'' {
                            c
                        } else {
                            ' '
                        }
                    })
                    .collect();
                let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
                if norm.split(' ').count() >= 4 {
                    out.push(norm);
                }
            }
        }
    }
    out
}

#[test]
fn quotations_recur_across_articles_with_small_changes() {
    let d = tempfile::tempdir().unwrap();
    let n = 1000;
    make(d.path(), n, 42, 0);
    let arts = articles(d.path());
    let mut by_quote: HashMap<String, HashSet<usize>> = HashMap::new();
    let mut per_article = Vec::new();
    for (i, (_, _, body)) in arts.iter().enumerate() {
        let qs = quotes(body);
        per_article.push(qs.len());
        for q in qs {
            by_quote.entry(q).or_default().insert(i);
        }
    }
    let avg = per_article.iter().sum::<usize>() as f64 / n as f64;
    assert!((3.0..=7.0).contains(&avg), "quotations per article {avg}");
    let mut counts: Vec<usize> = by_quote.values().map(|s| s.len()).collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    // Zipf-like: a head of statements in many articles, a long tail of one-offs.
    assert!(
        counts[0] >= 15,
        "most reported statement in {} articles",
        counts[0]
    );
    let shared = counts.iter().filter(|&&c| c >= 2).count();
    let single = counts.iter().filter(|&&c| c == 1).count();
    assert!(shared >= 50, "{shared} statements in two articles or more");
    assert!(
        single > shared,
        "long tail: {single} single vs {shared} shared"
    );

    // Variants: a shared statement also appears with a small change (one
    // wording contains the other, or they differ by one word).
    let popular: Vec<&String> = by_quote
        .iter()
        .filter(|(_, s)| s.len() >= 5)
        .map(|(q, _)| q)
        .collect();
    let all: Vec<&String> = by_quote.keys().collect();
    let mut truncated = 0;
    let mut one_word = 0;
    for p in &popular {
        let pw: Vec<&str> = p.split(' ').collect();
        for q in &all {
            if q == p {
                continue;
            }
            if q.len() > 40 && p.contains(q.as_str()) {
                truncated += 1;
            }
            let qw: Vec<&str> = q.split(' ').collect();
            if qw.len() == pw.len() && qw.iter().zip(&pw).filter(|(a, b)| a != b).count() == 1 {
                one_word += 1;
            }
        }
    }
    eprintln!(
        "quotes/article {avg:.2}, top counts {:?}, shared {shared}, single {single}, truncated {truncated}, one-word {one_word}",
        &counts[..10]
    );
    assert!(truncated >= 5, "truncated variants: {truncated}");
    assert!(one_word >= 5, "one-word variants: {one_word}");
}

#[test]
fn hugo_site_mirrors_the_corpus() {
    let d = tempfile::tempdir().unwrap();
    let h = d.path().join("hugo");
    generate(&GenOptions {
        articles: 80,
        seed: 3,
        out: Some(d.path().join("site")),
        hugo_out: Some(h.clone()),
        threads: 0,
        force: false,
    })
    .unwrap();
    assert!(h.join("config.toml").exists());
    for l in ["baseof", "single", "list", "taxonomy", "term"] {
        assert!(h.join(format!("layouts/_default/{l}.html")).exists(), "{l}");
    }
    let pages: Vec<_> = files(&h.join("content")).into_iter().collect();
    assert_eq!(pages.len(), 80);
    for (p, bytes) in &pages {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let rest = text.strip_prefix("---\n").unwrap();
        let end = rest.find("\n---\n").unwrap();
        let fm: Value =
            serde_yaml::from_str(&rest[..end]).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert!(fm["title"].as_str().is_some());
        assert!(!fm["topics"].as_sequence().unwrap().is_empty());
        assert!(!fm["actors"].as_sequence().unwrap().is_empty());
        assert!(fm.get("url").is_none(), "url would move the page in Hugo");
    }

    // Where Hugo is installed, it builds the site.
    if let Some(hugo) = dossier_bench::runner::which("hugo") {
        let st = std::process::Command::new(hugo)
            .arg("--quiet")
            .current_dir(&h)
            .status()
            .unwrap();
        assert!(st.success());
        assert!(h.join("public/index.html").exists());
        assert!(h.join("public/topics/index.html").exists());
        assert!(h.join("public/actors/index.html").exists());
    } else {
        eprintln!("hugo not on PATH: the Hugo build is not checked");
    }
}
