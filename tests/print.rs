//! Printable digests: `dossier print` on a copy of the example site, the
//! document's structure read with a real HTML parser, the build's /print/
//! pages, and PDFs made by headless Chromium and read back with pdftotext.
//!
//! The PDF tests need `chromium` and `pdftotext` (Debian: `apt-get install
//! chromium poppler-utils`, which `.ci/run` does). Without them they skip with
//! a message, except under `CI=true`, where they fail.

mod common;
use common::*;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command as Std;

use scraper::{Html, Selector};

/// The Syria articles of the example site, oldest first.
const SYRIA_TITLES: &[&str] = &[
    "Sergei Lavrov John Kerry",
    "Kerry, Lavrov meet with Syria on agenda",
    "Syria talks to go ahead on Friday in New York: Lavrov, Kerry",
    "Russia, U.S. discuss Syrian peaceful settlement issues",
    "Coordination of Moscow and Washington's efforts in fighting with terrorists in Syria was the main issue on the agenda",
];

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .map(|e| squash(&e.text().collect::<String>()))
        .collect()
}

/// White space folded, typographic quotes made plain: text as compared.
fn squash(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `dossier print ARGS --root SITE`, run in the site's folder.
fn print(site: &Site, args: &[&str]) -> assert_cmd::assert::Assert {
    dossier()
        .current_dir(site.path())
        .arg("print")
        .args(args)
        .arg("--root")
        .arg(site.path())
        .assert()
}

fn parse(site: &Site, rel: &str) -> Html {
    Html::parse_document(&site.read(rel))
}

/// Every id of the document is unique, and every in-document link names one.
fn assert_ids_unique_and_links_resolve(doc: &Html) {
    let mut ids: HashMap<String, usize> = HashMap::new();
    for e in doc.select(&sel("[id]")) {
        *ids.entry(e.value().attr("id").unwrap().to_string())
            .or_default() += 1;
    }
    let dupes: Vec<_> = ids.iter().filter(|(_, n)| **n > 1).collect();
    assert!(dupes.is_empty(), "ids used more than once: {dupes:?}");
    let mut broken = BTreeSet::new();
    for a in doc.select(&sel("a[href^='#']")) {
        let target = &a.value().attr("href").unwrap()[1..];
        if !ids.contains_key(target) {
            broken.insert(target.to_string());
        }
    }
    assert!(broken.is_empty(), "in-document links to no id: {broken:?}");
}

/// The example site, with one more Syria article whose body has links, a
/// footnote and headings that another article of the selection also has.
fn example_with_links() -> Site {
    let site = Site::example();
    site.write(
        "content/darayya-evacuation.md",
        "---\ntitle: Darayya evacuation agreed\ndate: 2016-08-27\nsource: Test Wire\ntopics: [syria]\n---\n\
         The evacuation of Darayya was agreed, [the UN said](https://un.example/darayya?a=1&b=2) and \
         [the digest](/topics/syria/) shows.[^1] See [below](#operation-in-darayya).\n\n\
         ## Operation in Darayya\n\nBuses left in the morning. <https://bare.example/x>\n\n\
         ## Coordination\n\nMore.\n\n[^1]: A footnote with [a source](https://source.example/note).\n",
    );
    site.write(
        "content/darayya-followup.md",
        "---\ntitle: Darayya, the day after\ndate: 2016-08-28\nsource: Test Wire\ntopics: [syria]\n---\n\
         A follow-up.[^1] [Back up](#operation-in-darayya).\n\n## Operation in Darayya\n\nQuiet.\n\n\
         [^1]: Same footnote number, other article.\n",
    );
    site
}

#[test]
fn the_document_has_cover_contents_summary_and_every_article_in_date_order() {
    let site = Site::example();
    print(&site, &["topic:syria", "-o", "out/syria.html"])
        .success()
        .stdout(predicates::str::contains("5 articles"));
    let doc = parse(&site, "out/syria.html");

    let cover = texts(&doc, "#cover").join(" ");
    for expected in [
        "Syria Talks Briefing",
        "Topic digest",
        "Syria",
        "1 October 2015",
        "26 August 2016",
        "Made ",
    ] {
        assert!(
            cover.contains(expected),
            "cover lacks {expected:?}: {cover}"
        );
    }
    assert_eq!(texts(&doc, "#contents h2"), ["Contents"]);
    assert_eq!(texts(&doc, "#summary h2"), ["Summary"]);

    // Every article, oldest first, each once, each linked from the contents.
    let titles = texts(&doc, "article.print-article h2");
    let expected: Vec<String> = SYRIA_TITLES.iter().map(|t| squash(t)).collect();
    assert_eq!(titles, expected);
    let toc: Vec<String> = doc
        .select(&sel("#contents a[href^='#article-']"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let articles: Vec<String> = doc
        .select(&sel("article.print-article"))
        .map(|a| format!("#{}", a.value().attr("id").unwrap()))
        .collect();
    assert_eq!(toc, articles);
    let dates: Vec<String> = doc
        .select(&sel("article.print-article .article-meta time"))
        .map(|t| t.value().attr("datetime").unwrap().to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "articles are oldest first");

    // Quotations are marked in the text and attributed in each article's list.
    assert!(doc.select(&sel(".article-body .quotation-quote")).count() > 10);
    let attributed = texts(&doc, ".article-quotes li .attribution").join(" | ");
    assert!(attributed.contains("Sergei Lavrov"), "{attributed}");
    // The editor's commentary stays set apart.
    assert!(
        doc.select(&sel("article.print-article aside.commentary"))
            .count()
            >= 1
    );
    // The summary: counts, key actors, most reported quotations.
    let summary = texts(&doc, "#summary").join(" ");
    assert!(summary.contains("5 articles"), "{summary}");
    assert!(summary.contains("John Kerry"), "{summary}");
    assert!(doc.select(&sel("#summary .top-quotes li")).count() > 0);
    // Paged media: paper size and page numbers in the margins.
    let style = texts(&doc, "style").join("\n");
    assert!(style.contains("size: A4"), "{style}");
    assert!(style.contains("counter(pages)"), "{style}");
    assert!(style.contains("page: cover"), "{style}");
    assert_ids_unique_and_links_resolve(&doc);
}

#[test]
fn ids_stay_unique_and_links_become_endnotes() {
    let site = example_with_links();
    print(&site, &["topic:syria", "-o", "syria.html"]).success();
    let doc = parse(&site, "syria.html");
    assert_ids_unique_and_links_resolve(&doc);

    // The two new articles are the last two (7 in all), each with its own
    // "operation-in-darayya" heading and its own footnote.
    assert_eq!(doc.select(&sel("article.print-article")).count(), 7);
    for n in [6, 7] {
        let heading = format!("#a{n}-operation-in-darayya");
        assert_eq!(doc.select(&sel(&heading)).count(), 1, "{heading}");
        let link = format!("#article-{n} a[href='{heading}']");
        assert_eq!(doc.select(&sel(&link)).count(), 1, "{link}");
        assert_eq!(
            doc.select(&sel(&format!("#article-{n} a[href='#a{n}-1']")))
                .count(),
            1
        );
    }
    // The "coordination" heading of article 5 and 6 keep apart too.
    assert_eq!(doc.select(&sel("#a5-coordination")).count(), 1);
    assert_eq!(doc.select(&sel("#a6-coordination")).count(), 1);

    // Links away: numbered notes with their full URLs, in the article's
    // notes, each reference and note linked both ways.
    let notes = texts(&doc, "#article-6 .endnotes li .url");
    assert_eq!(
        notes,
        [
            "https://un.example/darayya?a=1&b=2",
            "https://briefing.example.org/topics/syria/",
            "https://source.example/note",
        ]
    );
    for note in doc.select(&sel("#article-6 .endnotes li")) {
        let id = note.value().attr("id").unwrap();
        assert_eq!(
            doc.select(&sel(&format!(".endnote-ref a[href='#{id}']")))
                .count(),
            1,
            "{id}"
        );
    }
    // A bare URL is already printed: no note for it.
    assert!(!notes.iter().any(|n| n.contains("bare.example")));
    // The original article's address is printed in its header.
    let urls = texts(&doc, "#article-1 .article-url").join(" ");
    assert!(
        urls.contains("https://news.example/reuters-2015-10-01-lavrov-kerry"),
        "{urls}"
    );
}

/// Each article's body ids start with its own prefix (`aN-` in
/// `#article-N`), but for the references to notes, which are numbered 1,
/// 2, ... through the whole document, like the notes.
fn assert_numbered_within(doc: &Html, what: &str) {
    for article in doc.select(&sel("article.print-article")) {
        let anchor = article.value().attr("id").unwrap();
        let prefix = format!("a{}-", anchor.strip_prefix("article-").unwrap());
        for e in article.select(&sel(".article-body [id]")) {
            let id = e.value().attr("id").unwrap();
            if id.starts_with("noteref-") {
                continue;
            }
            assert!(id.starts_with(&prefix), "{what}: {id} in #{anchor}");
        }
    }
    let notes: Vec<String> = doc
        .select(&sel(".endnotes li"))
        .map(|li| li.value().attr("id").unwrap().to_string())
        .collect();
    let expected: Vec<String> = (1..=notes.len()).map(|n| format!("note-{n}")).collect();
    assert_eq!(notes, expected, "{what}");
    let refs = texts(doc, ".endnote-ref a");
    let expected: Vec<String> = (1..=refs.len()).map(|n| n.to_string()).collect();
    assert_eq!(refs, expected, "{what}");
    assert_eq!(refs.len(), notes.len(), "{what}");
}

/// The example with links, where the article with links and a footnote is
/// in two digests: Syria's, where it follows articles without notes, and
/// Ukraine's, after an article with a note of its own.
fn darayya_in_two_digests() -> Site {
    let site = example_with_links();
    let path = "content/darayya-evacuation.md";
    site.write(
        path,
        site.read(path)
            .replace("topics: [syria]", "topics: [syria, ukraine]"),
    );
    site.write(
        "content/ukraine-link.md",
        "---\ntitle: A link about Ukraine\ndate: 2016-08-20\nsource: Test Wire\ntopics: [ukraine]\n---\n\
         Talks on Ukraine, [reported here](https://ukraine.example/talks).\n",
    );
    site
}

#[test]
fn an_article_printed_in_two_pages_takes_each_pages_numbers() {
    let site = darayya_in_two_digests();
    site.build().success();
    let syria = parse(&site, "public/print/topics/syria/index.html");
    let ukraine = parse(&site, "public/print/topics/ukraine/index.html");
    let numbers = |doc: &Html| -> (String, String) {
        let article = doc
            .select(&sel("article.print-article"))
            .find(|a| {
                a.select(&sel("h2"))
                    .any(|h| h.text().collect::<String>() == "Darayya evacuation agreed")
            })
            .expect("the Darayya article is printed");
        let first_id = |css: &str| -> String {
            let e = article.select(&sel(css)).next().unwrap();
            e.value().attr("id").unwrap().to_string()
        };
        let heading = first_id(".article-body h3");
        let note = first_id(".endnotes li");
        (heading, note)
    };
    let (syria_heading, syria_note) = numbers(&syria);
    let (ukraine_heading, ukraine_note) = numbers(&ukraine);
    assert_ne!(syria_heading, ukraine_heading, "the same prefix in both");
    assert_eq!(syria_note, "note-1");
    assert_eq!(ukraine_note, "note-2");
    for (what, doc) in [("syria", &syria), ("ukraine", &ukraine)] {
        assert_ids_unique_and_links_resolve(doc);
        assert_numbered_within(doc, what);
    }
}

/// The article sections of a document as (number, total, title, note ids)
/// from the test's `partials/print_article.html`.
fn own_sections(doc: &Html) -> Vec<(String, String)> {
    doc.select(&sel("section.mine"))
        .map(|s| {
            let notes: Vec<&str> = s
                .select(&sel("i"))
                .map(|i| i.value().attr("id").unwrap())
                .collect();
            (
                squash(&s.text().collect::<String>()),
                format!("{} {}", s.value().attr("id").unwrap(), notes.join(" ")),
            )
        })
        .collect()
}

#[test]
fn a_site_override_of_the_article_section_prints_with_each_documents_numbers() {
    let site = darayya_in_two_digests();
    site.write(
        "templates/partials/print_article.html",
        "<section class=\"mine\" id=\"{{ a.anchor }}\">{{ a.number }} of {{ print.articles }}: {{ a.title | upper }}{% for n in a.notes %}<i id=\"{{ n.id }}\">{{ n.number }}</i>{% endfor %}</section>\n",
    );
    site.build().success();
    let syria = parse(&site, "public/print/topics/syria/index.html");
    let ukraine = parse(&site, "public/print/topics/ukraine/index.html");
    let darayya = |doc: &Html| {
        own_sections(doc)
            .into_iter()
            .find(|(text, _)| text.contains("DARAYYA EVACUATION AGREED"))
            .expect("the override prints the Darayya article")
    };
    let (in_syria, in_ukraine) = (own_sections(&syria), own_sections(&ukraine));
    let total = |list: &[(String, String)]| list.len();
    for (list, doc) in [(&in_syria, &syria), (&in_ukraine, &ukraine)] {
        assert_eq!(
            total(list),
            doc.select(&sel(".toc-article")).count(),
            "every article through the override"
        );
        for (i, (text, _)) in list.iter().enumerate() {
            let head = format!("{} of {}: ", i + 1, total(list));
            assert!(text.starts_with(&head), "{text:?} is not {head:?}");
        }
    }
    // One article, two documents, each with its own numbers.
    let (syria_text, syria_ids) = darayya(&syria);
    let (ukraine_text, ukraine_ids) = darayya(&ukraine);
    assert_ne!(syria_text, ukraine_text);
    assert!(syria_ids.contains("note-1"), "{syria_ids}");
    assert!(ukraine_ids.contains("note-2"), "{ukraine_ids}");
    assert!(syria_ids.starts_with("article-"));

    // A section that computes with its number gets the document's own.
    site.write(
        "templates/partials/print_article.html",
        "<section class=\"mine\" id=\"{{ a.anchor }}\">{% if a.number == 1 %}first {% endif %}{{ a.number }}</section>\n",
    );
    site.build().success();
    let syria = parse(&site, "public/print/topics/syria/index.html");
    let texts: Vec<String> = own_sections(&syria).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts[0], "first 1");
    assert_eq!(texts[1], "2");
}

#[test]
fn a_date_window_selects_articles_and_the_cover_states_it() {
    let site = Site::example();
    print(
        &site,
        &[
            "topic:syria",
            "--from",
            "2015-12-01",
            "--to",
            "2016-03-01",
            "-o",
            "w.html",
        ],
    )
    .success()
    .stdout(predicates::str::contains("3 articles"));
    let doc = parse(&site, "w.html");
    let titles = texts(&doc, "article.print-article h2");
    assert_eq!(
        titles,
        SYRIA_TITLES[1..4]
            .iter()
            .map(|t| squash(t))
            .collect::<Vec<_>>()
    );
    let period = texts(&doc, "#cover .cover-period").join(" ");
    assert_eq!(period, "1 December 2015 – 1 March 2016");

    // A window with nothing in it says what dates there are.
    let out = print(&site, &["topic:syria", "--from", "2020-01-01"]).failure();
    let err = stderr(&out);
    assert!(err.contains("no articles on or after 2020-01-01"), "{err}");
    assert!(err.contains("2015-10-01 to 2016-08-26"), "{err}");
    // And backwards dates are refused.
    let err = stderr(
        &print(
            &site,
            &["all", "--from", "2016-02-01", "--to", "2016-01-01"],
        )
        .failure(),
    );
    assert!(err.contains("after"), "{err}");
}

#[test]
fn actors_and_everything_print_too() {
    let site = Site::example();
    print(&site, &["actor:sergei-lavrov"]).success();
    let doc = parse(&site, "actor-sergei-lavrov.html");
    let cover = texts(&doc, "#cover").join(" ");
    assert!(
        cover.contains("Sergei Lavrov") && cover.contains("Foreign Minister of Russia"),
        "{cover}"
    );
    // An actor's summary quotes them.
    let speakers = texts(&doc, "#summary .top-quotes .attribution strong");
    assert!(
        !speakers.is_empty() && speakers.iter().all(|s| s == "Sergei Lavrov"),
        "{speakers:?}"
    );
    assert_ids_unique_and_links_resolve(&doc);

    print(&site, &["all", "-o", "all.html"]).success();
    let doc = parse(&site, "all.html");
    assert_eq!(doc.select(&sel("article.print-article")).count(), 5);
    assert_ids_unique_and_links_resolve(&doc);

    // An actor can be named by an alias as well.
    print(&site, &["actor:lavrov", "-o", "lavrov.html"]).success();
}

#[test]
fn unknown_ids_and_bad_selectors_are_explained() {
    let site = Site::example();
    let err = stderr(&print(&site, &["topic:syra"]).failure());
    assert!(err.contains("no topic `syra`"), "{err}");
    assert!(err.contains("topic:syria"), "{err}");
    let err = stderr(&print(&site, &["actor:nobody-at-all"]).failure());
    assert!(err.contains("no actor `nobody-at-all`"), "{err}");
    assert!(err.contains("actor:"), "{err}");

    let out = print(&site, &["syria"]).failure().code(2);
    assert!(stderr(&out).contains("topic:ID"), "{}", stderr(&out));
    let out = print(&site, &["all", "--from", "21/02/2016"])
        .failure()
        .code(2);
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
}

#[test]
fn letter_paper_comes_from_site_yaml() {
    let site = Site::example();
    let yaml = site.read("site.yaml").replace("paper: A4", "paper: Letter");
    site.write("site.yaml", yaml);
    print(&site, &["topic:syria", "-o", "l.html"]).success();
    let doc = parse(&site, "l.html");
    assert!(texts(&doc, "style").join("\n").contains("size: Letter"));
    assert!(doc.select(&sel("body.paper-letter")).count() == 1);
}

#[test]
fn a_theme_without_a_print_template_prints_with_the_built_in_one() {
    let site = Site::example();
    std::fs::remove_file(site.path().join("themes/default/templates/print.html")).unwrap();
    std::fs::remove_file(site.path().join("themes/default/static/print.css")).unwrap();
    print(&site, &["topic:syria", "-o", "s.html"]).success();
    let doc = parse(&site, "s.html");
    assert_eq!(doc.select(&sel("article.print-article")).count(), 5);
    // A site's own print.html wins over the theme's.
    site.write(
        "templates/print.html",
        "<html><body><h1>Custom {{ print.title }}</h1>{% for a in articles %}<p>{{ a.title }}</p>{% endfor %}</body></html>",
    );
    print(&site, &["topic:syria", "-o", "c.html"]).success();
    assert!(site.read("c.html").contains("<h1>Custom Syria</h1>"));
}

#[test]
fn the_build_writes_print_pages_that_digests_link_to() {
    let site = Site::example();
    site.build().success();
    for (section, id) in [
        ("topics", "syria"),
        ("actors", "sergei-lavrov"),
        ("topics", "ukraine"),
    ] {
        let digest = site.read(&format!("public/{section}/{id}/index.html"));
        let link = format!("href=\"/print/{section}/{id}/\"");
        assert!(digest.contains(&link), "{section}/{id} lacks {link}");
        assert!(digest.contains("Print this digest"));
        let doc = parse(&site, &format!("public/print/{section}/{id}/index.html"));
        assert_eq!(doc.select(&sel("#cover")).count(), 1, "{section}/{id}");
        assert!(doc.select(&sel("article.print-article")).count() >= 1);
        // A page of the site: a way back to the digest.
        assert_eq!(
            doc.select(&sel(&format!(".print-toolbar a[href$='/{section}/{id}/']")))
                .count(),
            1
        );
        assert_ids_unique_and_links_resolve(&doc);
    }
    let syria = parse(&site, "public/print/topics/syria/index.html");
    assert_eq!(syria.select(&sel("article.print-article")).count(), 5);
    // Every registry topic and actor with articles has one.
    let yaml: serde_yaml::Value = serde_yaml::from_str(&site.read("site.yaml")).unwrap();
    for id in yaml["topics"].as_mapping().unwrap().keys() {
        let id = id.as_str().unwrap();
        if site
            .path()
            .join(format!("public/topics/{id}/index.html"))
            .exists()
        {
            assert!(
                site.path()
                    .join(format!("public/print/topics/{id}/index.html"))
                    .exists(),
                "no print page for topic {id}"
            );
        }
    }
}

#[test]
fn without_chromium_the_message_says_how_to_install_it_and_the_html_is_written() {
    let site = Site::example();
    let out = print(
        &site,
        &[
            "topic:syria",
            "--pdf",
            "--chromium",
            "/nonexistent/chromium",
            "-o",
            "x.pdf",
        ],
    )
    .failure();
    let err = stderr(&out);
    assert!(err.contains("/nonexistent/chromium"), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    assert!(err.contains("x.html"), "{err}");
    assert!(site.path().join("x.html").exists());
    assert!(!site.path().join("x.pdf").exists());

    // Nothing on PATH and nothing named.
    let out = dossier()
        .current_dir(site.path())
        .env("PATH", "")
        .env_remove("DOSSIER_CHROMIUM")
        .args(["print", "topic:syria", "--pdf", "--root"])
        .arg(site.path())
        .assert()
        .failure();
    let err = stderr(&out);
    assert!(err.contains("no Chromium or Chrome found"), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    assert!(err.contains("DOSSIER_CHROMIUM"), "{err}");
    assert!(site.path().join("topic-syria.html").exists());
}

// ---- with Chromium -------------------------------------------------------

fn pdf_text(pdf: &Path) -> String {
    let out = Std::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    squash(&String::from_utf8_lossy(&out.stdout))
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = Std::new("pdfinfo").arg(pdf).output();
    if let Ok(out) = out
        && out.status.success()
    {
        let info = String::from_utf8_lossy(&out.stdout);
        if let Some(line) = info.lines().find(|l| l.starts_with("Pages:")) {
            return line[6..].trim().parse().unwrap();
        }
    }
    // Without pdfinfo: pdftotext ends each page with a form feed.
    let text = Std::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap()
        .stdout;
    text.iter().filter(|&&b| b == 0x0c).count()
}

#[test]
fn a_pdf_of_the_syria_digest() {
    let Some(browser) = pdf_tools_or_skip() else {
        return;
    };
    let site = Site::example();
    dossier()
        .current_dir(site.path())
        .args(["print", "topic:syria", "--pdf", "--chromium"])
        .arg(&browser)
        .arg("--root")
        .arg(site.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("topic-syria.pdf"));
    let pdf = site.path().join("topic-syria.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let pages = pdf_pages(&pdf);
    assert!(pages >= 8, "{pages} pages");
    let text = pdf_text(&pdf);
    assert!(text.contains("Contents"), "no contents");
    assert!(text.contains("Summary"));
    for title in SYRIA_TITLES {
        assert!(text.contains(&squash(title)), "the PDF lacks {title:?}");
    }
    assert!(
        text.contains(&format!("Page 2 of {pages}")),
        "no page numbers"
    );
    assert!(
        text.contains("Syria Talks Briefing · Topic digest: Syria"),
        "no running header"
    );
    // Bookmarks: the outline names the articles.
    assert!(
        bytes.windows(9).any(|w| w == b"/Outlines"),
        "no PDF outline"
    );
    // The temporary profile is gone.
    let leftovers: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("dossier-chromium-{}-", std::process::id()))
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_pdf_of_a_date_window_leaves_out_the_articles_outside_it() {
    let Some(browser) = pdf_tools_or_skip() else {
        return;
    };
    let site = Site::example();
    dossier()
        .current_dir(site.path())
        .env("DOSSIER_CHROMIUM", &browser)
        .args([
            "print",
            "topic:syria",
            "--from",
            "2015-12-01",
            "--to",
            "2016-03-01",
            "-o",
            "window.pdf",
            "--root",
        ])
        .arg(site.path())
        .assert()
        .success();
    let text = pdf_text(&site.path().join("window.pdf"));
    for title in &SYRIA_TITLES[1..4] {
        assert!(text.contains(&squash(title)), "the PDF lacks {title:?}");
    }
    for title in [SYRIA_TITLES[0], SYRIA_TITLES[4]] {
        assert!(
            !text.contains(&squash(title)),
            "the PDF has {title:?}, outside the window"
        );
    }
    assert!(
        text.contains("1 December 2015 – 1 March 2016"),
        "the cover's period"
    );
}
