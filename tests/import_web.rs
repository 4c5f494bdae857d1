//! `dossier import` from the web, with no network: a local server in the test serves
//! fixture pages written for it (a news layout with navigation, ads, a cookie banner and
//! related links; JSON-LD; a Russian page), a feed with relative links and entities, a
//! redirect, a 404, a slow reply and a huge one.

mod common;
use common::*;

use std::time::Duration;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/web").join(name)).unwrap()
}

/// A server on a free local port, answering until the test process ends. Returns its
/// address (`http://127.0.0.1:PORT`).
fn serve() -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", server.server_addr().to_ip().unwrap());
    let pages = [
        ("/news/talks.html", fixture("article.html")),
        ("/news/russian.html", fixture("russian.html")),
        ("/feed.xml", fixture("feed.xml")),
    ];
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let url = request.url().to_string();
            let ua = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("User-Agent"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            // Each reply on its own thread: the slow one must not hold up the others.
            let pages = pages.clone();
            std::thread::spawn(move || {
                let html = |s: String| {
                    tiny_http::Response::from_string(s).with_header(
                        "Content-Type: text/html; charset=utf-8"
                            .parse::<tiny_http::Header>()
                            .unwrap(),
                    )
                };
                let response = match url.as_str() {
                    _ if !ua.starts_with("dossier/") => {
                        html("who are you?".into()).with_status_code(403)
                    }
                    "/old-address" => html(String::new()).with_status_code(301).with_header(
                        "Location: /news/talks.html"
                            .parse::<tiny_http::Header>()
                            .unwrap(),
                    ),
                    "/slow" => {
                        std::thread::sleep(Duration::from_secs(4));
                        html(fixture("article.html"))
                    }
                    "/huge" => html(format!(
                        "<html><body><p>{}</p></body></html>",
                        "word ".repeat(2 * 1024 * 1024)
                    )),
                    path => match pages.iter().find(|(p, _)| *p == path) {
                        Some((_, body)) => html(body.clone()),
                        None => html("<h1>Not found</h1>".into()).with_status_code(404),
                    },
                };
                let _ = request.respond(response);
            });
        }
    });
    addr
}

fn import(site: &Site, args: &[&str]) -> assert_cmd::assert::Assert {
    dossier()
        .args(["import", "--timeout", "2", "--root"])
        .arg(site.path())
        .args(args)
        .assert()
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

fn content_files(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.path().join("content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The furniture of the fixture page: none of it may reach the article.
const FURNITURE: &[&str] = &[
    "cookies",
    "Accept all",
    "Subscribe now",
    "Advertisement",
    "Related stories",
    "Treasury signals",
    "All rights reserved",
    "About us",
    "By Rosa Marin",
];

fn assert_clean_article(text: &str) {
    assert!(
        text.contains("title: \"Vale opens test season with warning on budgets\""),
        "{text}"
    );
    assert!(text.contains("date: 2024-03-05\n"), "{text}");
    assert!(text.contains("source: The Example Ledger\n"), "{text}");
    assert!(
        text.contains("url: \"https://ledger.example/politics/vale-test-season\"\n"),
        "{text}"
    );
    assert!(text.contains("language: en\n"), "{text}");
    assert!(text.contains("actors: [ann-vale]"), "{text}");
    assert!(
        text.contains("## A formula from another decade\n"),
        "{text}"
    );
    assert!(
        text.contains("\"We cannot keep asking the laboratories to do more with less money every single year,\" Vale said"),
        "{text}"
    );
    assert!(text.contains("phased in over three years"), "{text}");
    for furniture in FURNITURE {
        assert!(!text.contains(furniture), "{furniture:?} left in:\n{text}");
    }
}

#[test]
fn a_url_becomes_a_clean_article_that_builds() {
    let addr = serve();
    let site = Site::new();
    let out = import(&site, &[&format!("{addr}/news/talks.html")]).success();
    let said = stderr(&out) + &stdout(&out);
    assert!(said.contains("new: "), "{said}");
    let files = content_files(&site);
    assert_eq!(files, ["vale-opens-test-season-with-warning-on-budgets.md"]);
    assert_clean_article(&site.read(&format!("content/{}", files[0])));

    site.build().success();
    let page =
        site.read("public/articles/vale-opens-test-season-with-warning-on-budgets/index.html");
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    assert!(
        page.contains("class=\"quotation"),
        "the quotations are marked: {page}"
    );
}

#[test]
fn a_saved_page_imports_once_and_the_second_time_is_skipped() {
    let site = Site::new();
    site.write("saved/talks.html", fixture("article.html"));
    let page = site.path().join("saved/talks.html");
    let page = page.to_str().unwrap();
    import(&site, &[page]).success();
    let files = content_files(&site);
    assert_eq!(files.len(), 1);
    assert_clean_article(&site.read(&format!("content/{}", files[0])));

    // The same article again, and the same story under another address: both skipped.
    let moved = fixture("article.html").replace(
        "https://ledger.example/politics/vale-test-season",
        "https://ledger.example/amp/vale-test-season",
    );
    site.write("saved/moved.html", moved);
    let moved = site.path().join("saved/moved.html");
    let out = import(&site, &[page, moved.to_str().unwrap()]).success();
    let said = stderr(&out) + &stdout(&out);
    assert!(
        said.contains("is already in content/vale-opens-test-season-with-warning-on-budgets.md (the same address)"),
        "{said}"
    );
    assert!(said.contains("(the same title, source and date)"), "{said}");
    assert!(said.contains("0 new, 2 skipped"), "{said}");
    assert_eq!(content_files(&site).len(), 1);
}

#[test]
fn a_feed_gives_one_article_per_item_since_a_date() {
    let addr = serve();
    let site = Site::new();
    let out = import(
        &site,
        &[&format!("{addr}/feed.xml"), "--since", "2024-03-01"],
    )
    .success();
    let said = stderr(&out) + &stdout(&out);
    // The old item is left out; the summary-only item's page was fetched through its
    // relative link; the full-text item was read from the feed.
    assert!(said.contains("2 new, 0 skipped"), "{said}");
    assert!(!said.contains("old.html"), "{said}");
    let files = content_files(&site);
    assert_eq!(
        files,
        [
            "brandt-staff-welcome-overdue-review.md",
            "vale-opens-test-season-with-warning-on-budgets.md"
        ]
    );
    assert_clean_article(&site.read("content/vale-opens-test-season-with-warning-on-budgets.md"));
    let brandt = site.read("content/brandt-staff-welcome-overdue-review.md");
    assert!(
        brandt.contains("title: \"Brandt & staff welcome \\\"overdue\\\" review\""),
        "{brandt}"
    );
    assert!(brandt.contains("date: 2024-03-06\n"), "{brandt}");
    assert!(
        brandt.contains(&format!("url: \"{addr}/news/brandt.html\"")),
        "{brandt}"
    );
    assert!(
        brandt.contains("source: \"The Example Ledger – Politics\""),
        "{brandt}"
    );
    site.build().success();

    // Again: both are known now (the first by its address, without fetching it).
    let again = import(&site, &[&format!("{addr}/feed.xml"), "--limit", "2"]).success();
    let said = stderr(&again) + &stdout(&again);
    assert!(said.contains("0 new, 2 skipped"), "{said}");
}

#[test]
fn each_failing_address_is_an_error_and_the_others_go_on() {
    let addr = serve();
    let site = Site::new();
    let out = import(
        &site,
        &[
            &format!("{addr}/missing"),
            &format!("{addr}/slow"),
            &format!("{addr}/huge"),
            &format!("{addr}/old-address"),
            "http://127.0.0.1:9/refused",
        ],
    )
    .failure()
    .code(1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "cannot fetch {addr}/missing: the server answered 404 Not Found"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "cannot fetch {addr}/slow: no answer within the time limit"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "cannot fetch {addr}/huge: the page is larger than 8 MiB"
        )),
        "{err}"
    );
    assert!(
        err.contains("cannot fetch http://127.0.0.1:9/refused: cannot connect"),
        "{err}"
    );
    let said = stdout(&out);
    assert!(
        said.contains("1 new, 0 skipped (already in the site), 4 failed"),
        "{said}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // The redirect was followed, and the page's canonical address kept.
    let files = content_files(&site);
    assert_eq!(files, ["vale-opens-test-season-with-warning-on-budgets.md"]);
    assert_clean_article(&site.read(&format!("content/{}", files[0])));
}

#[test]
fn a_page_that_is_no_article_is_refused_with_its_name() {
    let site = Site::new();
    site.write("saved/empty.html", "<!DOCTYPE html><html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
    site.write(
        "saved/broken.xml",
        "<?xml version=\"1.0\"?><rss><channel><item><title>x",
    );
    let out = import(
        &site,
        &[
            site.path().join("saved/empty.html").to_str().unwrap(),
            site.path().join("saved/broken.xml").to_str().unwrap(),
        ],
    )
    .failure()
    .code(1);
    let err = stderr(&out);
    assert!(err.contains("empty.html"), "{err}");
    assert!(err.contains("no article text was found"), "{err}");
    assert!(err.contains("broken.xml"), "{err}");
    assert!(err.contains("not a readable RSS or Atom feed"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(content_files(&site).is_empty());
}

#[test]
fn a_russian_page_keeps_its_language_marks_and_speakers() {
    let addr = serve();
    let site = Site::new();
    import(&site, &[&format!("{addr}/news/russian.html")]).success();
    let files = content_files(&site);
    assert_eq!(files, ["лавров-и-керри-обсудили-сирию.md"]);
    let text = site.read(&format!("content/{}", files[0]));
    assert!(text.contains("language: ru\n"), "{text}");
    assert!(text.contains("source: Пример Новости\n"), "{text}");
    assert!(text.contains("date: 2016-02-21\n"), "{text}");

    site.build().success();
    let page = site.read("public/articles/лавров-и-керри-обсудили-сирию/index.html");
    assert!(page.contains("<html lang=\"ru\">"), "{page}");
    let quotes = dossier()
        .current_dir(site.path())
        .args(["quotes", "--json"])
        .arg(site.path().join("content").join(&files[0]))
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&quotes.get_output().stdout).unwrap();
    let found: Vec<(String, String)> = json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap_or_default().to_string(),
                q["speaker"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&(
            "Мы договорились продолжить работу над условиями прекращения огня".to_string(),
            "Сергей Лавров".to_string()
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "Мы рассчитываем на скорый результат и на участие всех сторон".to_string(),
            "Керри".to_string()
        )),
        "{found:?}"
    );
}
