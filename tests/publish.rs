//! Publishing outputs on the example site and on a generated corpus: Atom
//! feeds, sitemap and robots.txt, page metadata, JSON data, the search index,
//! and the publishing states (drafts, future dates, expiry).

mod common;
use common::*;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn built_example() -> Site {
    let site = Site::example();
    site.build().success();
    site
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn text_of(node: roxmltree::Node, name: &str) -> String {
    child(node, name)
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("<{name}> missing or empty in <{}>", node.tag_name().name()))
        .to_string()
}

/// Parse an Atom feed and check what RFC 4287 and issue 7 require; returns
/// the entries' ids.
fn check_feed(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    for required in ["id", "title", "updated"] {
        assert!(!text_of(feed, required).is_empty());
    }
    assert!(
        feed.children()
            .any(|c| c.tag_name().name() == "link" && c.attribute("rel") == Some("self")),
        "{xml}"
    );
    chrono::DateTime::parse_from_rfc3339(&text_of(feed, "updated")).expect("RFC 3339 updated");
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    assert!(entries.len() <= 50);
    entries
        .iter()
        .map(|entry| {
            for required in ["id", "title", "updated", "summary"] {
                assert!(!text_of(*entry, required).is_empty(), "{required}");
            }
            chrono::DateTime::parse_from_rfc3339(&text_of(*entry, "updated")).unwrap();
            let link = child(*entry, "link").expect("an entry link");
            assert!(link.attribute("href").unwrap().starts_with("https://"));
            let author = child(*entry, "author").expect("an author");
            assert!(!text_of(author, "name").is_empty());
            text_of(*entry, "id")
        })
        .collect()
}

#[test]
fn example_feeds_are_valid_atom_and_linked_from_pages() {
    let site = built_example();
    let ids = check_feed(&site.read("public/atom.xml"));
    assert_eq!(ids.len(), 5);
    assert_eq!(
        ids[0],
        "https://briefing.example.org/articles/lavrov-kerry-geneva-talks/"
    );
    let atom = site.read("public/atom.xml");
    assert!(
        atom.contains("<author><name>TASS</name></author>"),
        "{atom}"
    );
    // Apostrophes and ampersands are escaped, not dropped.
    assert!(atom.contains("Washington&apos;s"), "{atom}");

    let syria = check_feed(&site.read("public/topics/syria/atom.xml"));
    assert_eq!(syria.len(), 5);
    check_feed(&site.read("public/actors/sergei-lavrov/atom.xml"));
    let sources: Value = serde_json::from_str(&site.read("public/data/articles.json")).unwrap();
    let tass = sources["articles"][0]["source"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        check_feed(&site.read(&format!("public/sources/{tass}/atom.xml"))).len(),
        1
    );

    let topic = site.read("public/topics/syria/index.html");
    assert!(
        topic.contains(r#"<link rel="alternate" type="application/atom+xml" title="Syria · Syria Talks Briefing" href="/topics/syria/atom.xml">"#),
        "{topic}"
    );
    let home = site.read("public/index.html");
    assert!(
        home.contains(
            r#"type="application/atom+xml" title="Syria Talks Briefing" href="/atom.xml""#
        ),
        "{home}"
    );
}

#[test]
fn every_page_has_canonical_description_and_open_graph() {
    let site = built_example();
    let output = site.output();
    let pages: Vec<&String> = output
        .keys()
        .filter(|p| p.ends_with(".html") && !p.starts_with("print/"))
        .collect();
    assert!(pages.len() > 50);
    for page in pages {
        let html = String::from_utf8_lossy(&output[page]);
        for needle in [
            "<link rel=\"canonical\" href=\"https://briefing.example.org/",
            "<meta name=\"description\" content=\"",
            "<meta property=\"og:title\" content=\"",
            "<meta property=\"og:description\" content=\"",
            "<meta property=\"og:url\" content=\"https://briefing.example.org/",
            "<meta property=\"og:type\" content=\"",
            "application/atom+xml",
            "role=\"search\"",
        ] {
            assert!(html.contains(needle), "{page} lacks {needle}");
        }
        assert!(!html.contains("content=\"\""), "{page} has empty meta");
    }
    assert!(output.contains_key("404.html"));
}

#[test]
fn sitemap_lists_every_page_and_robots_points_to_it() {
    let site = built_example();
    let xml = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "urlset");
    let locs: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "loc")
        .map(|n| n.text().unwrap().to_string())
        .collect();
    let pages: BTreeSet<String> = site
        .output()
        .keys()
        .filter(|p| {
            p.ends_with("index.html") && !p.starts_with("print/") && !p.starts_with("search/")
        })
        .map(|p| {
            format!(
                "https://briefing.example.org/{}",
                p.trim_end_matches("index.html")
            )
        })
        .collect();
    assert_eq!(locs, pages);
    assert!(xml.contains(
        "<url><loc>https://briefing.example.org/articles/lavrov-kerry-geneva-talks/</loc><lastmod>2016-08-26</lastmod></url>"
    ));
    assert_eq!(
        site.read("public/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://briefing.example.org/sitemap.xml\n"
    );
}

#[test]
fn data_files_parse_and_quotes_json_has_the_spec_shape() {
    let site = built_example();
    let articles: Value = serde_json::from_str(&site.read("public/data/articles.json")).unwrap();
    let articles = articles["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let first = &articles[0];
    assert_eq!(first["slug"], "lavrov-kerry-geneva-talks");
    assert_eq!(first["date"], "2016-08-26");
    assert!(first["text"].as_str().unwrap().contains("Lavrov"));
    assert!(
        first["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "syria")
    );

    let quotes: Value = serde_json::from_str(&site.read("public/data/quotes.json")).unwrap();
    let obj = quotes.as_object().unwrap();
    assert_eq!(obj.keys().collect::<Vec<_>>(), ["quotes"]);
    let list = quotes["quotes"].as_array().unwrap();
    assert!(list.len() > 10);
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    let set = |k: &[&str]| -> BTreeSet<String> { k.iter().map(|s| s.to_string()).collect() };
    let mut named = 0;
    for q in list {
        assert_eq!(
            keys(q),
            set(&[
                "id",
                "text",
                "kind",
                "speaker",
                "topics",
                "first_date",
                "appearances"
            ])
        );
        assert!(["quote", "partial", "fragment", "title"].contains(&q["kind"].as_str().unwrap()));
        if !q["speaker"].is_null() {
            assert_eq!(keys(&q["speaker"]), set(&["id", "name"]));
            named += 1;
        }
        for ap in q["appearances"].as_array().unwrap() {
            assert_eq!(keys(ap), set(&["article", "url", "source", "date", "text"]));
            let url = ap["url"].as_str().unwrap();
            assert!(
                url.starts_with("https://briefing.example.org/articles/"),
                "{url}"
            );
        }
    }
    assert!(named > 5);
    // The same as `dossier quotes --json`.
    let cli = dossier()
        .args(["quotes", "--json", "--root"])
        .arg(site.path())
        .assert()
        .success();
    let cli: Value = serde_json::from_slice(&cli.get_output().stdout).unwrap();
    assert_eq!(cli, quotes);

    let actors: Value = serde_json::from_str(&site.read("public/data/actors.json")).unwrap();
    let lavrov = actors["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "sergei-lavrov")
        .unwrap();
    assert_eq!(lavrov["name"], "Sergei Lavrov");
    assert_eq!(lavrov["kind"], "person");
    assert_eq!(lavrov["articles"].as_array().unwrap().len(), 5);
    let topics: Value = serde_json::from_str(&site.read("public/data/topics.json")).unwrap();
    assert!(
        topics["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == "syria" && t["articles"].as_array().unwrap().len() == 5)
    );
}

/// The search index as the client reads it.
struct Index {
    meta: Value,
    shards: BTreeMap<String, Value>,
    docs: Vec<Value>,
}

fn file_name(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c.to_string()
            } else {
                format!("_{:x}_", c as u32)
            }
        })
        .collect()
}

impl Index {
    fn load(output: &BTreeMap<String, Vec<u8>>) -> Index {
        let json = |p: &str| -> Value {
            serde_json::from_slice(output.get(p).unwrap_or_else(|| panic!("{p} missing")))
                .unwrap_or_else(|e| panic!("{p}: {e}"))
        };
        let meta = json("search/meta.json");
        let shards = meta["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                let k = k.as_str().unwrap().to_string();
                let v = json(&format!("search/index/{}.json", file_name(&k)));
                (k, v)
            })
            .collect();
        let n = meta["docs"].as_u64().unwrap() as usize;
        let chunk = meta["chunk"].as_u64().unwrap() as usize;
        let docs: Vec<Value> = (0..n.div_ceil(chunk))
            .flat_map(|c| {
                json(&format!("search/docs/{c}.json"))
                    .as_array()
                    .unwrap()
                    .clone()
            })
            .collect();
        assert_eq!(docs.len(), n);
        Index { meta, shards, docs }
    }

    /// The documents of a term, as the client finds them.
    fn lookup(&self, term: &str) -> Vec<&Value> {
        let chars: Vec<char> = term.chars().collect();
        let max = self.meta["maxkey"].as_u64().unwrap() as usize;
        let key = (2..=chars.len().min(max))
            .rev()
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|k| self.shards.contains_key(k));
        let Some(postings) = key.and_then(|k| self.shards[&k].get(term)) else {
            return Vec::new();
        };
        let postings = postings.as_array().unwrap();
        let mut doc = 0;
        postings
            .chunks(2)
            .map(|p| {
                doc += p[0].as_u64().unwrap() as usize;
                &self.docs[doc]
            })
            .collect()
    }
}

#[test]
fn search_index_finds_words_of_bodies_quotes_and_actors() {
    let site = built_example();
    let output = site.output();
    let index = Index::load(&output);
    assert!(output.contains_key("search/index.html"));
    assert!(output.contains_key("search/search.js"));
    // Every term is in the shard the client looks in.
    for (key, shard) in &index.shards {
        for term in shard.as_object().unwrap().keys() {
            assert!(term.starts_with(key.as_str()), "{term} in {key}");
            let longer = index
                .shards
                .keys()
                .any(|k| k.len() > key.len() && term.starts_with(k.as_str()));
            assert!(!longer, "{term} is in {key} but a longer key matches");
        }
    }
    // A word only in the body of one article ("speding", a typo in the source).
    let found = index.lookup("speding");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0][0], 0);
    assert_eq!(found[0][2], "articles/lavrov-kerry-geneva-talks/");
    assert_eq!(found[0][3], "2016-08-26");
    let outlet = found[0][4].as_i64().unwrap() as usize;
    assert_eq!(index.meta["sources"][outlet], "TASS");
    // Accents and case folded; actors and quotations are documents too.
    let lavrov = index.lookup("lavrov");
    let kinds: BTreeSet<&str> = lavrov
        .iter()
        .map(|d| {
            index.meta["kinds"][d[0].as_u64().unwrap() as usize]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        kinds,
        ["actor", "article", "quotation"].into_iter().collect()
    );
    assert!(index.lookup("the").is_empty(), "stop words are not indexed");
}

#[test]
fn drafts_future_and_expired_articles_are_left_out() {
    let site = Site::new();
    site.article(
        "published",
        "Vale opens the tests",
        "2020-01-01",
        "Minister Ann Vale opened the test season.",
    );
    site.write(
        "content/draft.md",
        "---\ntitle: Draft about zebras\ndate: 2020-01-02\nsource: Test Wire\ndraft: true\n---\nZebras are not yet published.\n",
    );
    site.write(
        "content/future.md",
        "---\ntitle: Future about yaks\ndate: 2999-01-01\nsource: Test Wire\n---\nYaks are reported from the future.\n",
    );
    site.write(
        "content/expired.md",
        "---\ntitle: Expired about gnus\ndate: 2020-01-03\nexpires: 2020-02-01\nsource: Test Wire\n---\nGnus expired long ago.\n",
    );
    let everywhere = |site: &Site, slug: &str, word: &str| -> Vec<&'static str> {
        let out = site.output();
        let text = |p: &str| String::from_utf8_lossy(&out[p]).into_owned();
        let mut found = Vec::new();
        if out.contains_key(&format!("articles/{slug}/index.html")) {
            found.push("page");
        }
        if text("atom.xml").contains(word) {
            found.push("feed");
        }
        if text("sitemap.xml").contains(&format!("/articles/{slug}/")) {
            found.push("sitemap");
        }
        if text("data/articles.json").contains(word) {
            found.push("data");
        }
        if !Index::load(&out).lookup(&word.to_lowercase()).is_empty() {
            found.push("search");
        }
        if text("index.html").contains(word) {
            found.push("home");
        }
        found
    };
    let all = ["page", "feed", "sitemap", "data", "search", "home"];
    site.build().success();
    assert_eq!(everywhere(&site, "published", "Vale"), all);
    assert!(everywhere(&site, "draft", "Zebras").is_empty());
    assert!(everywhere(&site, "future", "Yaks").is_empty());
    assert!(everywhere(&site, "expired", "Gnus").is_empty());

    dossier()
        .arg("build")
        .arg("--root")
        .arg(site.path())
        .arg("--drafts")
        .assert()
        .success();
    assert_eq!(everywhere(&site, "draft", "Zebras"), all);
    assert!(everywhere(&site, "future", "Yaks").is_empty());

    dossier()
        .arg("build")
        .arg("--root")
        .arg(site.path())
        .arg("--future")
        .assert()
        .success();
    assert!(everywhere(&site, "draft", "Zebras").is_empty());
    assert_eq!(everywhere(&site, "future", "Yaks"), all);
    assert!(everywhere(&site, "expired", "Gnus").is_empty());
}

/// A generated corpus (the benchmark's generator) builds with every output
/// in place and parseable.
#[test]
fn generated_corpus_outputs_parse() {
    let dir = tempfile::tempdir().unwrap();
    dossier_bench::generate::generate(&dossier_bench::generate::GenOptions {
        articles: 300,
        seed: 7,
        out: Some(dir.path().to_path_buf()),
        hugo_out: None,
        threads: 1,
        force: true,
    })
    .unwrap();
    dossier()
        .arg("build")
        .arg("--root")
        .arg(dir.path())
        .assert()
        .success();
    let output = snapshot(&dir.path().join("public"));
    let articles: Value = serde_json::from_slice(&output["data/articles.json"]).unwrap();
    let n = articles["articles"].as_array().unwrap().len();
    assert!(n > 250, "{n} articles published");
    for (path, bytes) in &output {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".xml") {
            let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            if path.ends_with("atom.xml") {
                check_feed(&text);
            } else {
                assert!(["urlset", "sitemapindex"].contains(&doc.root_element().tag_name().name()));
            }
        } else if path.ends_with(".json") {
            serde_json::from_slice::<Value>(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    let feeds = output.keys().filter(|p| p.ends_with("atom.xml")).count();
    assert!(feeds > 10, "{feeds} feeds");
    // Every article can be found by a rare word of its own body.
    let index = Index::load(&output);
    let sitemap = String::from_utf8_lossy(&output["sitemap.xml"]).into_owned();
    for a in articles["articles"].as_array().unwrap().iter().take(40) {
        let slug = a["slug"].as_str().unwrap();
        assert!(sitemap.contains(&format!("/articles/{slug}/")), "{slug}");
        let word = a["title"]
            .as_str()
            .unwrap()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 5 && w.is_ascii())
            .max_by_key(|w| w.len())
            .map(str::to_lowercase);
        if let Some(word) = word {
            let docs = index.lookup(&word);
            assert!(
                docs.iter().any(|d| d[2] == format!("articles/{slug}/")),
                "`{word}` does not find {slug}"
            );
        }
    }
}
