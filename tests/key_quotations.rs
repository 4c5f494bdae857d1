//! Key quotations are statements: digests, the home page and print rank what
//! an actor said, most reported first; the words and phrases they are quoted
//! using are a compact list apart, titles of shows and books are nobody's, and
//! counts say what they count.

mod common;
use common::*;

/// Four articles from four outlets about Ann Vale (the registry of
/// `Site::new`): each quotes her calling the audit "rigged" and mentions the
/// show she appeared on; one statement is reported by two outlets, another
/// by one.
fn vale_site() -> Site {
    let site = Site::new();
    let shared = "\"We will publish every test result before the vote,\" Vale said.";
    let bodies = [
        ("north", "North Wire", shared),
        ("south", "South Post", shared),
        (
            "east",
            "East Ledger",
            "\"The budget for testing doubles next year,\" Vale told reporters.",
        ),
        ("west", "West Courier", "She gave no figures."),
    ];
    for (n, (slug, outlet, said)) in bodies.iter().enumerate() {
        site.write(
            &format!("content/{slug}.md"),
            format!(
                "---\ntitle: Vale in the {slug}\ndate: 2024-03-0{}\nsource: {outlet}\n---\n\
                 Ann Vale appeared on \"Morning Desk Live\" to talk about the test audit.\n\n\
                 Vale called the audit \"rigged\" twice.\n\n{said}\n",
                n + 1
            ),
        );
    }
    site.build().success();
    site
}

/// The texts of a page's `<blockquote>`s, in order, tags removed.
fn blockquotes(html: &str) -> Vec<String> {
    html.split("<blockquote")
        .skip(1)
        .filter_map(|s| s.split_once('>').map(|(_, rest)| rest))
        .filter_map(|s| s.split("</blockquote>").next())
        .map(|s| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in s.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect()
}

fn quotes_json(site: &Site) -> Vec<serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/data/quotes.json")).unwrap();
    json["quotes"].as_array().unwrap().clone()
}

#[test]
fn an_actor_digest_ranks_statements_most_reported_first() {
    let site = vale_site();
    let page = site.read("public/actors/ann-vale/index.html");
    let quotes = blockquotes(&page);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(
        quotes[0].contains("We will publish every test result"),
        "{quotes:?}"
    );
    assert!(
        quotes[1].contains("The budget for testing doubles"),
        "{quotes:?}"
    );
    assert!(page.contains("reported by 2 outlets"));
}

#[test]
fn words_she_is_quoted_using_are_a_compact_list_with_their_count() {
    let site = vale_site();
    let page = site.read("public/actors/ann-vale/index.html");
    let (_, phrases) = page
        .split_once("<ul class=\"phrases\">")
        .expect("a list of words and phrases");
    let phrases = phrases.split("</ul>").next().unwrap();
    assert!(
        phrases.contains("“rigged”</a> <span class=\"count\">4</span>"),
        "{phrases}"
    );
    assert!(
        !phrases.contains("Morning Desk"),
        "a show is no phrase of hers"
    );
}

#[test]
fn counts_say_what_they_count() {
    let site = vale_site();
    let actor = site.read("public/actors/ann-vale/index.html");
    assert!(
        actor.contains("4 articles · 2 statements · 4 quoted words and phrases"),
        "{actor}"
    );
    let topic = site.read("public/topics/tests/index.html");
    assert!(
        topic.contains("2 statements · 4 quoted words and phrases"),
        "{topic}"
    );
    let home = site.read("public/index.html");
    assert!(
        home.contains("2 statements · 4 quoted words and phrases"),
        "{home}"
    );
}

#[test]
fn the_home_page_and_the_topic_digest_show_statements_only() {
    let site = vale_site();
    for page in ["public/index.html", "public/topics/tests/index.html"] {
        let quotes = blockquotes(&site.read(page));
        assert!(!quotes.is_empty(), "{page}");
        assert!(
            quotes
                .iter()
                .all(|q| !q.contains("rigged") && !q.contains("Morning Desk")),
            "{page}: {quotes:?}"
        );
    }
}

#[test]
fn a_word_in_four_articles_is_four_quotations_not_one_shared_statement() {
    let site = vale_site();
    let quotes = quotes_json(&site);
    let rigged: Vec<_> = quotes.iter().filter(|q| q["text"] == "rigged").collect();
    assert_eq!(rigged.len(), 4, "{rigged:?}");
    for q in rigged {
        assert_eq!(q["kind"], "fragment");
        assert_eq!(q["appearances"].as_array().unwrap().len(), 1);
        // the sentence says who used the word
        assert_eq!(q["speaker"]["id"], "ann-vale");
    }
    // a statement is still shared across outlets
    let shared = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with("We will publish"))
        .unwrap();
    assert_eq!(shared["appearances"].as_array().unwrap().len(), 2);
}

#[test]
fn a_show_is_a_title_with_no_speaker_in_quotes_json() {
    let site = vale_site();
    let titles: Vec<_> = quotes_json(&site)
        .into_iter()
        .filter(|q| q["text"] == "Morning Desk Live")
        .collect();
    assert_eq!(titles.len(), 4);
    for q in titles {
        assert_eq!(q["kind"], "title");
        assert!(q["speaker"].is_null(), "{q}");
    }
}

#[test]
fn the_printed_digest_counts_statements_and_phrases() {
    let site = vale_site();
    let print = site.read("public/print/actors/ann-vale/index.html");
    assert!(print.contains("2 statements"), "{print}");
    assert!(print.contains("4 quoted words and phrases"), "{print}");
    let quotes = blockquotes(&print);
    assert!(quotes.iter().all(|q| !q.contains("rigged")), "{quotes:?}");
}
