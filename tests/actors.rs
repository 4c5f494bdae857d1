//! Actors discovered from the text of a site with no registry: real names
//! only, the right kind, and one actor per person across the site.

mod common;
use common::*;
use serde_json::Value;

/// Articles whose quotations the text attributes to junk or variant names.
fn site_without_registry() -> Site {
    let site = Site::new();
    site.write(
        "site.yaml",
        "title: Coast Briefing\nbase_url: https://coast.example\n",
    );
    let articles = [
        (
            "harbour-bill",
            "Harbour bill splits the council",
            "2024-03-01",
            "\"I have never seen the water come up this fast in my whole life,\" said Ruth Ames of Columbia, South Carolina.\n\n\
             \"We will not back down on the harbour bill, whatever the cost turns out to be,\" said Harold J. Brandt, the council leader.\n\n\
             Besides Okafor, nobody on the panel had read the report. \"The report is thin and it came far too late for us,\" Okafor said.",
        ),
        (
            "brandt-answers",
            "Brandt answers his critics",
            "2024-03-02",
            "Harold Brandt has led the council since the spring. \"We have the money and we have the workers to do it,\" Harold Brandt told reporters.\n\n\
             \"Nobody in the town has ever paid more for less than this,\" Richard J said, and Richard J. Okafor nodded.",
        ),
        (
            "roe-family",
            "Two of the Roe family speak",
            "2024-03-03",
            "Ann Roe runs the ferry company; her brother Tom Roe runs the fish market.\n\n\
             \"The ferry will keep running all through the winter months,\" Ann Roe said.\n\n\
             \"The market has never had a better season than this one,\" Tom Roe said.",
        ),
        (
            "storm-season",
            "Storm season on the coast",
            "2024-03-04",
            "\"The roads to the coast will be closed for at least a week,\" Dallas said on Monday.\n\n\
             \"Our boats will stay in the harbour until the storm has passed,\" the Harbor Times said.\n\n\
             \"Nobody here remembers a storm like this one in fifty years,\" Rubbing Japanese said.\n\n\
             \"We have asked the state for more sandbags and more trucks,\" Although Okafor said.\n\n\
             \"The ferry timetable will change again in the spring for everyone,\" Roe said.",
        ),
        (
            "ferry-union",
            "The ferry union votes",
            "2024-03-05",
            "\"The union will vote on the new timetable before the end of the month,\" said Joseph R. Halloran Jr., the union's president.\n\n\
             \"We expect the vote to pass by a wide margin this time,\" Joe Halloran said.\n\n\
             \"The night crew was never asked what it wanted from the timetable,\" said Ann Lewis, a deckhand.\n\n\
             \"I will vote against it, and so will most of the night crew,\" Ann said.\n\n\
             \"Nobody at the landing has heard a word about the new timetable,\" Fort Lisle said.",
        ),
        (
            "ferry-show",
            "The ferry on the morning show",
            "2024-03-06",
            "\"The ferry debate airs on the show next week,\" Morning Joe said.\n\n\
             \"The boats from the south are always late,\" South Florida said.\n\n\
             \"We have new boats at last,\" said Celebrating Marlow, who was celebrating all week.\n\n\
             \"The ferry must stay in public hands,\" Harbour Democrats said.",
        ),
    ];
    for (name, title, date, body) in articles {
        site.article(name, title, date, body);
    }
    site.build().success();
    site
}

fn json(site: &Site, file: &str) -> Value {
    serde_json::from_str(&site.read(file)).unwrap()
}

/// The speaker's name of the quotation that starts with `start`.
fn speaker_of(quotes: &Value, start: &str) -> Value {
    let quote = quotes["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no quotation starts with {start:?}"));
    quote["speaker"]["name"].clone()
}

#[test]
fn actors_from_the_text_are_real_names_of_the_right_kind() {
    let site = site_without_registry();
    let actors = json(&site, "public/data/actors.json");
    let actors = actors["actors"].as_array().unwrap();
    let kind_of = |id: &str| {
        actors
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["kind"].as_str().unwrap().to_string())
    };
    let ids: Vec<&str> = actors.iter().map(|a| a["id"].as_str().unwrap()).collect();
    for junk in [
        "dallas",
        "south-carolina",
        "rubbing-japanese",
        "japanese",
        "besides-okafor",
        "although-okafor",
        "richard-j",
        "harold-brandt",
        // a place; a given name people of the site bear
        "fort-lisle",
        "ann",
        // a show, a region, a participle glued to a name
        "morning-joe",
        "south-florida",
        "celebrating-marlow",
        "harbour-democrats",
    ] {
        assert!(!ids.contains(&junk), "{junk} in {ids:?}");
    }
    for (id, kind) in [
        ("ruth-ames", "person"),
        ("marlow", "person"),
        ("harold-j-brandt", "person"),
        ("richard-j-okafor", "person"),
        ("ann-roe", "person"),
        ("tom-roe", "person"),
        ("roe", "person"),
        ("harbor-times", "organisation"),
    ] {
        assert_eq!(kind_of(id).as_deref(), Some(kind), "{id} in {ids:?}");
    }
    let page = site.read("public/actors/harbor-times/index.html");
    assert!(page.contains("Organisation"), "the page names the kind");
}

#[test]
fn variants_of_one_name_are_one_actor_unless_two_people_share_it() {
    let site = site_without_registry();
    let quotes = json(&site, "public/data/quotes.json");
    // `Harold Brandt` and `Harold J. Brandt`: one man
    assert_eq!(speaker_of(&quotes, "We have the money"), "Harold J. Brandt");
    // a name cut at its initial takes the full name the article writes; an
    // opener glued to the surname comes off, and the surname alone is the one
    // Okafor of the site
    for start in ["Nobody in the town", "The report is thin", "We have asked"] {
        assert_eq!(speaker_of(&quotes, start), "Richard J. Okafor", "{start}");
    }
    // two Roes in the site: `Roe` alone is neither
    assert_eq!(speaker_of(&quotes, "The ferry timetable"), "Roe");
    assert_eq!(speaker_of(&quotes, "The ferry will keep"), "Ann Roe");
    // a place and a glued nationality are no speakers at all
    assert_eq!(speaker_of(&quotes, "The roads to the coast"), Value::Null);
    assert_eq!(speaker_of(&quotes, "Nobody here remembers"), Value::Null);
    assert_eq!(speaker_of(&quotes, "I have never seen"), "Ruth Ames");
    // a show the text cites keeps its name, as a description: no actor behind it
    assert_eq!(speaker_of(&quotes, "The ferry debate airs"), "Morning Joe");
    // a party's members: as written, no actor
    assert_eq!(
        speaker_of(&quotes, "The ferry must stay"),
        "Harbour Democrats"
    );
    // a given name several people bear: as written, no page
    assert_eq!(speaker_of(&quotes, "I will vote against it"), "Ann");
    // a formal first reference and its everyday form: one man
    assert_eq!(
        speaker_of(&quotes, "We expect the vote"),
        speaker_of(&quotes, "The union will vote")
    );
}
