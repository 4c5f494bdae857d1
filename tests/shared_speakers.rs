//! One statement reported by several articles is one quotation with one
//! speaker, even when the articles do not agree on who spoke: the speaker an
//! article names where it quotes the words outranks one another article only
//! reads from its context, and each article that gives the words someone else
//! says so on the quotation's page and in `quotes.json`.

mod common;
use common::*;

const STATEMENT: &str = "We will publish every test result before the vote in March";

/// Three articles carry the statement. The earliest gives it no attribution
/// of its own: it follows a quotation of Tom Reyes, so its speaker is read
/// from there. The second names Ann Vale for it, the third Tom Reyes.
fn disputed_site() -> Site {
    let site = Site::new();
    let bodies = [
        (
            "harbour-first",
            "\"Any harbour levy this year would hurt the small crews most,\" Tom Reyes said. \
             \"STATEMENT.\"",
        ),
        (
            "vale-second",
            "Ann Vale spoke to the council on Monday.\n\n\"STATEMENT,\" Vale said.",
        ),
        (
            "reyes-third",
            "The council met again on Thursday.\n\n\"STATEMENT,\" Tom Reyes said.",
        ),
    ];
    for (n, (slug, body)) in bodies.iter().enumerate() {
        site.article(
            slug,
            &format!("The audit, day {}", n + 1),
            &format!("2024-03-0{}", n + 1),
            &body.replace("STATEMENT", STATEMENT),
        );
    }
    site.build().success();
    site
}

fn the_statement(site: &Site) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/data/quotes.json")).unwrap();
    let quotes = json["quotes"].as_array().unwrap();
    let carrying: Vec<&serde_json::Value> = quotes
        .iter()
        .filter(|q| q["text"].as_str().unwrap().starts_with(STATEMENT))
        .collect();
    assert_eq!(carrying.len(), 1, "one quotation: {carrying:?}");
    carrying[0].clone()
}

#[test]
fn a_named_speaker_outranks_one_read_from_another_articles_context() {
    let site = disputed_site();
    let q = the_statement(&site);
    // the earliest article's guess does not decide; the earliest that names a
    // speaker where it quotes the words does
    assert_eq!(q["speaker"]["id"], "ann-vale", "{q}");
    let appearances = q["appearances"].as_array().unwrap();
    assert_eq!(appearances.len(), 3);
    let own = |slug: &str| {
        appearances
            .iter()
            .find(|a| a["article"] == slug)
            .unwrap_or_else(|| panic!("no appearance in {slug}: {q}"))
            .get("speaker")
            .cloned()
    };
    // an article that gives the words someone else says so; one that agrees
    // with the quotation adds nothing
    assert_eq!(own("harbour-first").unwrap()["name"], "Tom Reyes");
    assert_eq!(own("reyes-third").unwrap()["name"], "Tom Reyes");
    assert_eq!(own("vale-second"), None);

    // her digest has the statement; the quotation page names her and says
    // which articles give the words to someone else
    let digest = site.read("public/actors/ann-vale/index.html");
    assert!(digest.contains(STATEMENT), "not in her digest");
    let id = q["id"].as_str().unwrap();
    let page = site.read(&format!("public/quotes/{id}/index.html"));
    assert_eq!(
        page.matches("This article attributes the words to").count(),
        2,
        "{page}"
    );
    assert!(page.contains("Tom Reyes"));
}

#[test]
fn dossier_quotes_json_names_each_articles_own_speaker_where_it_differs() {
    let site = disputed_site();
    let out = dossier()
        .args(["quotes", "--json", "--root"])
        .arg(site.path())
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let q = json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(STATEMENT))
        .unwrap()
        .clone();
    assert_eq!(q, the_statement(&site));
}

#[test]
fn dossier_quotes_table_names_each_articles_own_speaker_where_it_differs() {
    let site = disputed_site();
    let out = dossier()
        .args(["quotes", "--root"])
        .arg(site.path())
        .assert()
        .success();
    let table = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let block = table
        .split("\n\n")
        .find(|b| b.contains(STATEMENT))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(block.starts_with("quote     Ann Vale"), "{block}");
    assert!(
        block.contains(
            "harbour-first (there: Tom Reyes), vale-second, reyes-third (there: Tom Reyes)"
        ),
        "{block}"
    );
}
