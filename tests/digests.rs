//! The example site's digests, quotation pages and their links, and a
//! generated site with free-form names and a paginated topic.

mod common;
use common::*;

fn built_example() -> Site {
    let site = Site::example();
    site.build().success();
    site
}

/// The hrefs of a page, in order.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn a_page_per_registry_actor_and_topic() {
    let site = built_example();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&site.read("site.yaml")).unwrap();
    for section in ["actors", "topics"] {
        let map = yaml[section].as_mapping().unwrap();
        assert!(map.len() >= 8, "{section}: {}", map.len());
        for id in map.keys() {
            let id = id.as_str().unwrap();
            let page = site.read(&format!("public/{section}/{id}/index.html"));
            assert!(page.contains("<h1>"), "{section}/{id}");
        }
    }
}

#[test]
fn syria_digest_lists_all_five_articles_newest_first() {
    let site = built_example();
    let page = site.read("public/topics/syria/index.html");
    let order: Vec<String> = links(&page)
        .into_iter()
        .filter(|l| l.starts_with("/articles/"))
        .collect();
    let expected = [
        "/articles/lavrov-kerry-geneva-talks/",
        "/articles/russia-us-discuss-syrian-settlement/",
        "/articles/kerry-lavrov-meet-syria-agenda/",
        "/articles/syria-talks-go-ahead-new-york/",
        "/articles/lavrov-kerry-un-objectives/",
    ];
    let timeline: Vec<&str> = order
        .iter()
        .map(String::as_str)
        .filter(|l| expected.contains(l))
        .collect();
    let mut dedup = timeline.clone();
    dedup.dedup();
    assert_eq!(&dedup[..5], &expected, "{page}");
    assert!(
        page.contains("<time datetime=\"2015-10-01\">"),
        "dates are <time>"
    );
    assert!(
        page.contains("1 October 2015") && page.contains("26 August 2016"),
        "the period"
    );
    assert!(page.contains("Key quotations"));
    assert!(page.contains("/actors/sergei-lavrov/"), "actors involved");
}

#[test]
fn lavrov_page_lists_his_articles_and_quotations() {
    let site = built_example();
    let page = site.read("public/actors/sergei-lavrov/index.html");
    assert!(page.contains("Foreign Minister of Russia"));
    assert!(page.contains("Sergey Lavrov"), "aliases");
    for slug in [
        "lavrov-kerry-geneva-talks",
        "russia-us-discuss-syrian-settlement",
        "lavrov-kerry-un-objectives",
    ] {
        assert!(
            page.contains(&format!("/articles/{slug}/")),
            "{slug} missing"
        );
    }
    assert!(
        page.contains("We have reached specific understandings"),
        "his quotations"
    );
    assert!(page.contains("/actors/john-kerry/"), "appears with Kerry");
}

#[test]
fn links_run_both_ways() {
    let site = built_example();
    let article = site.read("public/articles/syria-talks-go-ahead-new-york/index.html");
    assert!(article.contains("href=\"/actors/john-kerry/\""));
    assert!(article.contains("href=\"/topics/syria/\""));
    let quote_link = links(&article)
        .into_iter()
        .find(|l| l.starts_with("/quotes/") && l.len() > "/quotes/".len())
        .expect("a quotation link");
    let quote_page = site.read(&format!("public{quote_link}index.html"));
    assert!(
        quote_page.contains("/articles/syria-talks-go-ahead-new-york/#q"),
        "quotation links back to the article"
    );
    assert!(
        site.read("public/topics/syria/index.html")
            .contains("/articles/syria-talks-go-ahead-new-york/")
    );
    assert!(
        site.read("public/sources/the-straits-times/index.html")
            .contains("/articles/syria-talks-go-ahead-new-york/")
    );
}

#[test]
fn article_marks_quotations_and_attributes_them() {
    let site = built_example();
    let page = site.read("public/articles/lavrov-kerry-geneva-talks/index.html");
    assert!(
        page.contains("class=\"quotation quotation-quote\" id=\"q1\""),
        "marked"
    );
    assert!(
        page.contains("<aside class=\"commentary\">"),
        "commentary set apart"
    );
    // Peter Cook is not in the registry: he becomes an actor under his full name.
    assert!(page.contains("href=\"/actors/peter-cook/\""), "Peter Cook");
    assert!(
        site.read("public/actors/peter-cook/index.html")
            .contains("durable solutions")
    );
    let anonymous = site.read("public/articles/kerry-lavrov-meet-syria-agenda/index.html");
    assert!(
        anonymous.contains("a senior State Department official"),
        "anonymous source kept"
    );
}

#[test]
fn free_form_names_get_pages_and_a_big_topic_paginates() {
    let site = Site::new();
    site.write(
        "site.yaml",
        site.read("site.yaml") + "digest:\n  page_size: 10\n",
    );
    for i in 0..120 {
        let month = i % 12 + 1;
        let day = i % 27 + 1;
        site.write(
            &format!("content/{}/a{i:03}.md", 2020 + i % 3),
            format!(
                "---\ntitle: Article {i}\ndate: {}-{month:02}-{day:02}\nsource: Wire {}\nactors: [Person {}, Ann Vale]\ntopics: [tests, Theme {}]\n---\n\"This is statement number {} of the test corpus,\" Person {} said.\n",
                2020 + i % 3,
                i % 7,
                i % 30,
                i % 5,
                i % 40,
                i % 30
            ),
        );
    }
    site.build().success();
    for p in 0..30 {
        let page = site.read(&format!("public/actors/person-{p}/index.html"));
        assert!(page.contains(&format!("<h1>Person {p}</h1>")));
    }
    // 120 articles at 10 a page: 12 pages, stable URLs, grouped by month.
    let first = site.read("public/topics/tests/index.html");
    assert!(first.contains("href=\"/topics/tests/page/2/\""), "pager");
    assert!(first.contains("class=\"month\""));
    assert!(
        site.path()
            .join("public/topics/tests/page/12/index.html")
            .exists()
    );
    assert!(
        !site
            .path()
            .join("public/topics/tests/page/13/index.html")
            .exists()
    );
    let last = site.read("public/topics/tests/page/12/index.html");
    assert!(last.contains("href=\"/topics/tests/page/11/\""));
    // Shared statements: statement 3 is reported by several articles.
    let quotes = site.read("public/quotes/index.html");
    assert!(quotes.contains("reported by"), "{quotes}");
}

#[test]
fn check_warns_of_likely_typos_with_file_and_line() {
    let site = Site::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 2024-01-01\nactors:\n  - Ann Vael\ntopics: [tsets]\n---\nBody.\n",
    );
    let assert = dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .assert()
        .success();
    let err = stderr(&assert);
    assert!(err.contains("content/a.md:5"), "{err}");
    assert!(err.contains("did you mean `Ann Vale`?"), "{err}");
    assert!(err.contains("content/a.md:6"), "{err}");
    assert!(err.contains("did you mean `tests`?"), "{err}");
}

/// What `dossier quotes --json ARGS`, run in `dir`, prints.
fn quotes_json(dir: &std::path::Path, args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let assert = dossier()
        .current_dir(dir)
        .arg("quotes")
        .arg("--json")
        .args(args)
        .assert()
        .success();
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

#[test]
fn quotes_command_reads_loose_files_without_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let file = repo().join("tests/fixtures/seeds/003_3078dc3f04c4738e.txt");
    let json = quotes_json(dir.path(), &[file.as_os_str()]);
    let quotes = json["quotes"].as_array().unwrap();
    let deal = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("Let’s Make a Deal"))
        .expect("the nested quote");
    assert_eq!(deal["kind"], "quote");
    assert_eq!(deal["speaker"]["id"], serde_json::Value::Null);
    assert_eq!(
        deal["speaker"]["name"],
        "a senior State Department official"
    );
    assert_eq!(deal["appearances"][0]["article"], "003_3078dc3f04c4738e");
    let table = dossier()
        .current_dir(dir.path())
        .arg("quotes")
        .arg(&file)
        .assert()
        .success();
    assert!(
        String::from_utf8_lossy(&table.get_output().stdout)
            .contains("I look forward to making real progress")
    );
}

#[test]
fn quotes_command_scans_the_title_line_of_a_text_article() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("levy.txt");
    std::fs::write(
        &file,
        "Vale: 'We Will Not Back Down On The Levy'\n\nOrrin Vale spoke to the harbour board on Monday.\n",
    )
    .unwrap();
    let json = quotes_json(dir.path(), &[file.as_os_str()]);
    let quotes = json["quotes"].as_array().unwrap();
    let q = quotes
        .iter()
        .find(|q| q["text"] == "We Will Not Back Down On The Levy")
        .unwrap_or_else(|| panic!("the title's quotation in {json}"));
    assert_eq!(q["speaker"]["name"], "Orrin Vale");
}

#[test]
fn site_quotes_json_has_the_spec_shape() {
    let site = Site::example();
    let json = quotes_json(site.path(), &["--root".as_ref(), site.path().as_os_str()]);
    let q = &json["quotes"][0];
    for key in [
        "id",
        "text",
        "kind",
        "speaker",
        "topics",
        "first_date",
        "appearances",
    ] {
        assert!(q.get(key).is_some(), "{key} missing in {q}");
    }
    for key in ["article", "url", "source", "date", "text"] {
        assert!(q["appearances"][0].get(key).is_some(), "{key} missing");
    }
}
