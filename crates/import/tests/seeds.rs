//! The five seed articles, as pasted, against the example site's hand-made
//! content files: same title, date and source, and the same body with no
//! page furniture left.

use chrono::NaiveDate;
use dossier_import::{How, ImportOptions, Imported, import_all, import_bytes, import_text};
use serde_yaml::Value;
use std::fs;
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn read(path: &str) -> String {
    fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// The hand-made truth of one article: front matter (or the `.yaml` beside a
/// `.txt`) and body lines.
struct Truth {
    meta: Value,
    title: String,
    body: Vec<String>,
}

fn truth(content: &str) -> Truth {
    if let Some(stem) = content.strip_suffix(".txt") {
        let text = read(&format!("content/{content}"));
        let meta: Value = serde_yaml::from_str(&read(&format!("content/{stem}.yaml"))).unwrap();
        let mut lines = text.lines();
        let title = lines.next().unwrap().trim().to_string();
        Truth {
            meta,
            title,
            body: body_lines(&lines.collect::<Vec<_>>().join("\n")),
        }
    } else {
        let text = read(&format!("content/{content}"));
        let (fm, body) = split_front_matter(&text);
        let meta: Value = serde_yaml::from_str(fm).unwrap();
        let title = meta["title"].as_str().unwrap().to_string();
        Truth {
            meta,
            title,
            body: body_lines(body),
        }
    }
}

/// Non-empty lines, without the editor's ```comment fences: one paragraph
/// or heading a line in these files.
fn body_lines(body: &str) -> Vec<String> {
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("```"))
        .map(str::to_string)
        .collect()
}

fn split_front_matter(md: &str) -> (&str, &str) {
    let rest = md
        .strip_prefix("---\n")
        .expect("front matter opens the file");
    let end = rest.find("\n---\n").expect("front matter closes");
    (&rest[..end + 1], &rest[end + 5..])
}

fn str_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).map(|x| match x {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other).unwrap().trim().to_string(),
    })
}

const FURNITURE: &[&str] = &[
    "Adjust font size",
    "Endit",
    "Join ST's",
    "Telegram channel",
    "PHOTO:",
    "Reuters/Andrew Kelly",
    "MOSCOW (AFP)",
    "Xinhua, February 21, 2016",
];

struct Seed {
    file: &'static str,
    content: &'static str,
    source: Option<&'static str>,
    date: Option<&'static str>,
}

const SEEDS: &[Seed] = &[
    Seed {
        file: "000_70847b509b632991.txt",
        content: "lavrov-kerry-un-objectives.txt",
        source: None,
        date: None,
    },
    Seed {
        file: "001_c402f43847703fb2.txt",
        content: "russia-us-discuss-syrian-settlement.txt",
        source: None,
        date: None,
    },
    Seed {
        file: "002_057f908a9744bf04.txt",
        content: "lavrov-kerry-geneva-talks.md",
        source: Some("TASS"),
        date: Some("2016-08-26"),
    },
    Seed {
        file: "003_3078dc3f04c4738e.txt",
        content: "kerry-lavrov-meet-syria-agenda.md",
        source: None,
        date: Some("2015-12-15"),
    },
    Seed {
        file: "004_58b9108ddbc716e4.txt",
        content: "syria-talks-go-ahead-new-york.md",
        source: None,
        date: None,
    },
];

fn seed_bytes(seed: &Seed) -> Vec<u8> {
    fs::read(repo(&format!("tests/fixtures/seeds/{}", seed.file))).unwrap()
}

fn options(seed: &Seed, today: &str, context: Vec<NaiveDate>) -> ImportOptions {
    ImportOptions {
        source: seed.source.map(str::to_string),
        date: seed.date.map(date),
        today: date(today),
        context_dates: context,
        ..ImportOptions::default()
    }
}

/// The dates of the example site's articles other than `except`.
fn site_dates(except: &str) -> Vec<NaiveDate> {
    SEEDS
        .iter()
        .filter(|s| s.content != except)
        .filter_map(|s| str_of(&truth(s.content).meta, "date"))
        .map(|d| date(&d))
        .collect()
}

fn check(seed: &Seed, imp: &Imported) {
    let t = truth(seed.content);
    let who = seed.file;
    assert_eq!(imp.title, t.title, "{who}: title");
    assert_eq!(
        imp.date.as_ref().map(|d| d.value.to_string()),
        str_of(&t.meta, "date"),
        "{who}: date"
    );
    assert_eq!(
        imp.source.as_ref().map(|s| s.value.clone()),
        str_of(&t.meta, "source"),
        "{who}: source"
    );
    assert_eq!(
        imp.dateline.as_ref().map(|s| s.value.clone()),
        str_of(&t.meta, "dateline"),
        "{who}: dateline"
    );
    for p in &imp.paragraphs {
        for f in FURNITURE {
            assert!(!p.contains(f), "{who}: furniture {f:?} left in {p:?}");
        }
    }
    // The body is the hand-made body, paragraph for paragraph.
    let md = imp.to_markdown(&[], &[]);
    let (_, body) = split_front_matter(&md);
    assert_eq!(body_lines(body), t.body, "{who}: body");
}

#[test]
fn seeds_match_the_example_site() {
    for seed in SEEDS {
        let imp = import_bytes(&seed_bytes(seed), &options(seed, "2016-09-01", vec![]))
            .unwrap_or_else(|e| panic!("{}: {e}", seed.file));
        check(seed, &imp);
    }
}

#[test]
fn seeds_match_today_with_the_site_as_context() {
    // Years later, the site's other articles tell the year that today no
    // longer can.
    for seed in SEEDS {
        let opts = options(seed, "2026-11-21", site_dates(seed.content));
        let imp = import_bytes(&seed_bytes(seed), &opts).unwrap();
        check(seed, &imp);
    }
}

#[test]
fn a_batch_dates_itself() {
    // No site around: the dates read or given in the batch date the rest.
    let inputs: Vec<Vec<u8>> = SEEDS.iter().map(seed_bytes).collect();
    let results: Vec<Imported> = SEEDS
        .iter()
        .zip(&inputs)
        .map(|(seed, input)| {
            let opts = options(seed, "2026-11-21", vec![]);
            import_all(std::slice::from_ref(input), &opts)
                .remove(0)
                .unwrap()
        })
        .collect();
    // One at a time, 004's Dec 18 falls on the latest Friday before today.
    assert_eq!(results[4].date.as_ref().unwrap().value, date("2020-12-15"));
    // Together (same options for all: no per-file flags), 001's read date
    // pulls it back to 2015.
    let together = import_all(&inputs, &ImportOptions::new(date("2026-11-21")));
    let imp = together[4].as_ref().unwrap();
    assert_eq!(imp.date.as_ref().unwrap().value, date("2015-12-15"));
}

#[test]
fn how_each_value_was_found() {
    let get = |i: usize, today: &str| {
        import_bytes(&seed_bytes(&SEEDS[i]), &options(&SEEDS[i], today, vec![])).unwrap()
    };
    let s0 = get(0, "2016-09-01");
    let d = s0.date.unwrap();
    match &d.how {
        How::Inferred(why) => {
            assert!(
                why.contains("Sept. 30, 2015") && why.contains("Thursday"),
                "{why}"
            )
        }
        other => panic!("000 date should be inferred, is {other:?}"),
    }
    assert!(
        s0.source.unwrap().is_inferred(),
        "Reuters comes from a photo credit"
    );
    assert!(
        s0.removed
            .iter()
            .any(|r| r.ends_with("Reuters/Andrew Kelly"))
    );

    let s1 = get(1, "2016-09-01");
    assert_eq!(s1.date.unwrap().how, How::Read);
    assert_eq!(s1.source.unwrap().how, How::Read);
    assert!(
        s1.removed
            .contains(&"Xinhua, February 21, 2016 Adjust font size:".to_string())
    );
    assert!(s1.removed.contains(&"Endit".to_string()));
    assert!(
        s1.paragraphs
            .last()
            .unwrap()
            .ends_with("aggressive actions.\"")
    );

    let s2 = get(2, "2016-09-01");
    assert_eq!(s2.date.unwrap().how, How::Given);
    assert_eq!(s2.source.unwrap().how, How::Given);
    let heads: Vec<&str> = s2
        .subheads
        .iter()
        .map(|&i| s2.paragraphs[i].as_str())
        .collect();
    assert_eq!(
        heads[..2],
        [
            "Coordination",
            "Separation of the opposition from terrorists"
        ]
    );

    let s3 = get(3, "2016-09-01");
    assert!(s3.source.is_none(), "TASS is quoted in 003, not its outlet");

    let s4 = get(4, "2016-09-01");
    match &s4.date.as_ref().unwrap().how {
        How::Inferred(why) => assert!(
            why.contains("Tuesday") && why.contains("Dec 18") && why.contains("2015"),
            "{why}"
        ),
        other => panic!("004 date should be inferred, is {other:?}"),
    }
    assert_eq!(s4.dateline.as_ref().unwrap().how, How::Read);
    assert!(s4.paragraphs[0].starts_with("Russia and the United States said"));
}

#[test]
fn without_flags_002_and_003_get_no_date_and_no_source() {
    for i in [2, 3] {
        let imp = import_bytes(
            &seed_bytes(&SEEDS[i]),
            &ImportOptions::new(date("2016-09-01")),
        )
        .unwrap();
        assert!(imp.source.is_none(), "{}: {:?}", SEEDS[i].file, imp.source);
        assert!(imp.date.is_none(), "{}: {:?}", SEEDS[i].file, imp.date);
        assert!(
            imp.notes.iter().any(|n| n.contains("--date")),
            "{}: the analyst is told to pass --date: {:?}",
            SEEDS[i].file,
            imp.notes
        );
    }
}

#[test]
fn dry_run_markdown_parses_back() {
    for seed in SEEDS {
        let opts = ImportOptions {
            url: Some("https://news.example/a?b=c#d".to_string()),
            ..options(seed, "2016-09-01", vec![])
        };
        let imp = import_bytes(&seed_bytes(seed), &opts).unwrap();
        let actors = vec!["sergei-lavrov".to_string(), "john-kerry".to_string()];
        let topics = vec!["syria".to_string(), "a, b: c".to_string()];
        let md = imp.to_markdown(&actors, &topics);
        let (fm, _) = split_front_matter(&md);
        let v: Value =
            serde_yaml::from_str(fm).unwrap_or_else(|e| panic!("{}: {e}\n{fm}", seed.file));
        assert_eq!(v["title"].as_str(), Some(imp.title.as_str()));
        assert_eq!(
            str_of(&v, "date"),
            imp.date.as_ref().map(|d| d.value.to_string())
        );
        assert_eq!(
            str_of(&v, "source"),
            imp.source.as_ref().map(|d| d.value.clone())
        );
        assert_eq!(
            str_of(&v, "dateline"),
            imp.dateline.as_ref().map(|d| d.value.clone())
        );
        assert_eq!(v["url"].as_str(), Some("https://news.example/a?b=c#d"));
        let list = |k: &str| -> Vec<String> {
            v[k].as_sequence()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(list("actors"), actors);
        assert_eq!(list("topics"), topics);
        // Inferred values, and only they, carry a comment.
        for line in fm.lines() {
            let key = line.split(':').next().unwrap();
            let inferred = match key {
                "date" => imp.date.as_ref().is_some_and(|d| d.is_inferred()),
                "source" => imp.source.as_ref().is_some_and(|d| d.is_inferred()),
                _ => false,
            };
            assert_eq!(
                line.contains("  # inferred: "),
                inferred,
                "{}: {line}",
                seed.file
            );
        }
    }
}

#[test]
fn awkward_titles_survive_yaml() {
    for title in [
        "Syria: talks \"on\" # maybe",
        "- a list?",
        "yes",
        "2016",
        "back\\slash and 'quotes'",
        "[brackets] {braces} & *star* | pipe > more %",
        "@at `tick`",
    ] {
        let raw = format!("{title}\nThe body of the article is here.");
        let imp = import_text(&raw, &ImportOptions::new(date("2016-09-01"))).unwrap();
        let md = imp.to_markdown(&[], &[]);
        let (fm, _) = split_front_matter(&md);
        let v: Value = serde_yaml::from_str(fm).unwrap_or_else(|e| panic!("{title}: {e}\n{fm}"));
        assert_eq!(v["title"].as_str(), Some(imp.title.as_str()), "{fm}");
    }
}
