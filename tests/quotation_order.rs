//! Quotations that rank alike (as often reported, first reported the same
//! day) are listed in the order their article gives them, so a reader of the
//! quotation index or `quotes.json` reads one article's statements as the
//! article tells them.

mod common;
use common::*;

const STATEMENTS: [(&str, &str); 6] = [
    (
        "Ann Vale",
        "The harbour levy will fall on the small crews first",
    ),
    (
        "Tom Reyes",
        "Our budget leaves nothing for the new pier this year",
    ),
    (
        "Ida Brook",
        "We asked the council three times and heard nothing back",
    ),
    (
        "Omar Stiles",
        "Every boat owner deserves a vote on the levy",
    ),
    (
        "Lena Marsh",
        "The ferry timetable must not change before the summer",
    ),
    (
        "Paul Okafor",
        "I will publish the audit of the harbour accounts in May",
    ),
];

#[test]
fn quotations_of_equal_rank_keep_their_articles_order() {
    let site = Site::new();
    let body: Vec<String> = STATEMENTS
        .iter()
        .map(|(who, words)| format!("\"{words},\" {who} said."))
        .collect();
    site.article(
        "harbour-meeting",
        "The harbour meeting",
        "2024-03-01",
        &body.join("\n\n"),
    );
    site.build().success();

    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/data/quotes.json")).unwrap();
    let listed: Vec<&str> = json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = STATEMENTS.iter().map(|(_, words)| *words).collect();
    assert_eq!(listed, expected, "quotes.json in the article's order");

    let index = site.read("public/quotes/index.html");
    let places: Vec<usize> = expected
        .iter()
        .map(|words| {
            index
                .find(words)
                .unwrap_or_else(|| panic!("{words} listed"))
        })
        .collect();
    assert!(
        places.windows(2).all(|w| w[0] < w[1]),
        "the quotation index in the article's order: {places:?}"
    );
}
