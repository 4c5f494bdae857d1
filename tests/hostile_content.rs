//! Hostile content (issue 14): script through Markdown, ids that would
//! overwrite index pages, quotations that broke markup, and raw HTML that
//! took quadratic time. Each case runs the binary on a fixture site and
//! reads what it wrote or said.

mod common;
use common::*;

use scraper::{Html, Selector};

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector).map(|e| e.html()).collect()
}

/// The body of an article page: what the article's own Markdown produced,
/// without the theme around it.
fn article_body(site: &Site, slug: &str) -> Html {
    let page = Html::parse_document(&site.read(&format!("public/articles/{slug}/index.html")));
    let body = select(&page, "div.body");
    assert_eq!(body.len(), 1, "one body on the page");
    Html::parse_fragment(&body[0])
}

/// Event handlers, `javascript:`-like URLs and scripts in `html`.
fn unsafe_parts(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for element in html
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let el = element.value();
        if matches!(
            el.name(),
            "script" | "iframe" | "object" | "embed" | "style"
        ) {
            found.push(format!("<{}>", el.name()));
        }
        for (name, value) in el.attrs() {
            let url: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.to_ascii_lowercase().starts_with("on")
                || name.eq_ignore_ascii_case("style")
                || ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| url.starts_with(s))
            {
                found.push(format!("{name}={value:?} on <{}>", el.name()));
            }
        }
    }
    found
}

#[test]
fn no_markdown_feature_carries_script() {
    let site = Site::new();
    site.article(
        "a",
        "Hostile",
        "2024-01-02",
        concat!(
            "## Read more {#more onmouseover=alert(document.cookie) style=\"position:fixed;inset:0\"}\n\n",
            "## Two {#x\"onclick=y .c\"onload=z .fine}\n\n",
            "[a](javascript:alert(1)) [b](<java\tscript:alert(1)>) [c](&#106;avascript:alert(1))\n",
            "[d](JaVaScRiPt:alert(1)) [e](data:text/html,<script>alert(1)</script>) [f](vbscript:x)\n",
            "<javascript:alert(1)> [g][ref] ![h](javascript:alert(1)) ![<script>alert(1)</script>](/x.png)\n",
            "[i](/y \"a\\\" onmouseover=\\\"alert(1)\") Note[^a\"><script>alert(1)</script>]\n\n",
            "[ref]: javascript:alert(1) \"t\"\n",
            "[^a\"><script>alert(1)</script>]: <img src=x onerror=alert(1)>\n\n",
            "<svg onload=alert(1)><a href=\"javascript:alert(1)\">x</a></svg> <b onclick=\"x()\">bold</b>\n\n",
            "<script>alert(1)</script>\n\n",
            "```comment\n[z](javascript:alert(1)) <i onmouseover=x>i</i>\n```\n",
        ),
    );
    site.build().success();
    let body = article_body(&site, "a");
    assert_eq!(unsafe_parts(&body), Vec::<String>::new());
    // What is harmless is kept: the heading's id and its plain class.
    assert_eq!(select(&body, "h2#more").len(), 1, "{}", body.html());
    assert_eq!(select(&body, "h2.fine").len(), 1, "{}", body.html());
    assert_eq!(select(&body, "b").len(), 1, "{}", body.html());
}

fn article_with(front: &str) -> impl FnOnce(&Site) + '_ {
    move |s: &Site| {
        s.write(
            "content/bad.md",
            format!("---\ntitle: Bad\ndate: 2024-01-01\n{front}---\nText.\n"),
        )
    }
}

#[test]
fn ids_without_letters_never_replace_an_index() {
    for (front, place, what) in [
        (
            "source: Wire\ntopics: [\"!!!\"]\n",
            "content/bad.md:5:10",
            "topic \"!!!\"",
        ),
        (
            "source: Wire\ntopics:\n  - \"../\"\n",
            "content/bad.md:6:5",
            "topic \"../\"",
        ),
        (
            "source: Wire\nactors: [\"...\"]\n",
            "content/bad.md:5:10",
            "actor \"...\"",
        ),
        ("source: \"../\"\n", "content/bad.md:4:9", "source \"../\""),
    ] {
        let err = fails_keeping_output(article_with(front), &[place, what, "no letters or digits"]);
        assert!(err.contains("replace the index"), "{err}");
    }
}

#[test]
fn an_empty_registry_id_is_refused() {
    fails_keeping_output(
        |s| {
            s.write(
                "site.yaml",
                "title: T\ntopics:\n  \"\":\n    title: Nothing\n",
            )
        },
        &["site.yaml", "the id ``", "no letters or digits"],
    );
}

#[test]
fn overlong_slugs_and_names_are_caught_by_check_and_build() {
    let long = "a".repeat(300);
    let words = "word ".repeat(60);
    for (front, place) in [
        (
            format!("source: Wire\nslug: {long}\n"),
            "content/bad.md:5:7",
        ),
        (
            format!("source: Wire\nactors: [\"{words}\"]\n"),
            "content/bad.md:5:10",
        ),
        (format!("source: {long}\n"), "content/bad.md:4:9"),
    ] {
        let err = fails_keeping_output(article_with(&front), &[place, "at most 255"]);
        assert!(!err.contains("File name too long"), "{err}");
        let site = Site::new();
        article_with(&front)(&site);
        let check = dossier()
            .arg("check")
            .arg("--root")
            .arg(site.path())
            .assert()
            .failure();
        assert!(stderr(&check).contains(place), "{}", stderr(&check));
    }
    fails_keeping_output(
        |s| {
            s.write(
                "site.yaml",
                format!("title: T\nactors:\n  {long}:\n    name: Long\n"),
            )
        },
        &["site.yaml", "at most 255"],
    );
}

#[test]
fn slugs_keep_letters_of_every_script() {
    let site = Site::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 2024-01-01\nsource: Ведомости\nactors: [\"Сергей Лавров\"]\ntopics: [\"東京\", \"서울\"]\n---\nText.\n",
    );
    site.build().success();
    assert!(
        site.read("public/actors/сергей-лавров/index.html")
            .contains("Сергей Лавров")
    );
    assert!(site.read("public/topics/東京/index.html").contains("東京"));
    assert!(site.read("public/topics/서울/index.html").contains("서울"));
    assert!(
        site.read("public/sources/ведомости/index.html")
            .contains("Ведомости")
    );
    // The indexes are still the indexes.
    assert!(
        site.read("public/topics/index.html")
            .contains("/topics/東京/")
    );
    assert!(
        site.read("public/actors/index.html")
            .contains("/actors/сергей-лавров/")
    );
}

/// Every quotation an article lists has its anchor in the body, and the
/// body nests no link in a link.
fn assert_anchors_and_nesting(site: &Site, slug: &str) -> Html {
    let page = Html::parse_document(&site.read(&format!("public/articles/{slug}/index.html")));
    let body = article_body(site, slug);
    for reference in select(&page, ".article-quotes a.ref") {
        let target = reference
            .split("href=\"#")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_string();
        assert_eq!(
            select(&body, &format!("span.quotation#{target}")).len(),
            1,
            "no anchor #{target} in {}",
            body.html()
        );
    }
    assert!(
        select(&body, "a a").is_empty(),
        "a link in a link: {}",
        body.html()
    );
    body
}

#[test]
fn quotation_marks_outside_prose_are_no_quotations() {
    let site = Site::new();
    site.article(
        "a",
        "Marks",
        "2024-01-02",
        "Type `say \"hello to the whole world now\" loudly` here.\n\n\
         See ![a sign reading \"we want peace and bread now\"](/x.png) here.\n\n\
         Ann Vale said \"this is a fine test of the system\" today.",
    );
    site.build().success();
    let body = assert_anchors_and_nesting(&site, "a");
    let html = body.html();
    assert_eq!(select(&body, "span.quotation").len(), 1, "{html}");
    assert!(select(&body, "code span").is_empty(), "{html}");
    let img = select(&body, "img");
    assert!(
        img[0].contains("alt=\"a sign reading \\\"we want") || img[0].contains("we want peace"),
        "{html}"
    );
    assert!(!img[0].contains("span"), "{html}");
    let page = site.read("public/articles/a/index.html");
    assert!(
        !page.contains("hello to the whole world now</a>"),
        "a quotation from code"
    );
}

#[test]
fn quotations_across_markup_keep_the_html_well_formed() {
    let site = Site::new();
    site.article(
        "a",
        "Across",
        "2024-01-02",
        "Ann Vale said *\"We will never* give up this fight,\" today.\n\n\
         See [the words \"we will never give up this fight\"](/y) there.\n\n\
         Ann Vale said \"we **will not** be moved by threats\" again.",
    );
    site.build().success();
    let body = assert_anchors_and_nesting(&site, "a");
    let html = body.html();
    assert_eq!(select(&body, "span.quotation").len(), 3, "{html}");
    // Each span holds the elements it crosses whole.
    assert_eq!(select(&body, "span.quotation > em").len(), 1, "{html}");
    assert_eq!(select(&body, "span.quotation > a").len(), 1, "{html}");
    assert_eq!(select(&body, "span.quotation > strong").len(), 1, "{html}");
    assert!(html.contains("<span class=\"quotation quotation-quote\" id=\"q1\"><em>“We will never</em> give up this fight,”</span>"), "{html}");
}

#[test]
fn an_unclosed_comment_or_script_is_an_error_at_its_place() {
    for (body, what) in [
        (
            "Before.\n\n<!-- TODO: check this\n\nAfter the comment.",
            "comment",
        ),
        ("Before.\n\n<script>\n\nAfter the script.", "element"),
    ] {
        let err = fails_keeping_output(
            |s| {
                s.write(
                    "content/bad.md",
                    format!("---\ntitle: Bad\ndate: 2024-01-01\nsource: Wire\n---\n{body}\n"),
                )
            },
            &["content/bad.md:8:1", "never closed", what],
        );
        assert!(err.contains("hidden"), "{err}");
    }
    // A closed comment is fine, and hides only itself.
    let site = Site::new();
    site.article("a", "A", "2024-01-02", "Before.\n\n<!-- note -->\n\nAfter.");
    site.build().success();
    let body = article_body(&site, "a").html();
    assert!(body.contains("After.") && !body.contains("note"), "{body}");
}

#[test]
fn deeply_nested_raw_html_fails_fast() {
    let started = std::time::Instant::now();
    fails_keeping_output(
        |s| {
            s.write(
                "content/bad.md",
                format!(
                    "---\ntitle: Bad\ndate: 2024-01-01\nsource: Wire\n---\nHello.\n\n{}\n\nAfter.\n",
                    "<div>".repeat(50_000)
                ),
            )
        },
        &["content/bad.md:8:1", "nests more than 256"],
    );
    // Three builds; before the fix one took 7 s in release.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    // Elements that close themselves when the next starts do not nest, and
    // nesting as deep as real articles get is fine.
    let site = Site::new();
    site.article(
        "flat",
        "Flat",
        "2024-01-02",
        &format!(
            "<ul>{}</ul>\n\n{}\n\nAfter.",
            "<li>item".repeat(5_000),
            "<p>para".repeat(5_000)
        ),
    );
    site.build().success();
    let site = Site::new();
    site.article(
        "a",
        "A",
        "2024-01-02",
        &format!(
            "{}\n\nAfter.\n\n{}",
            "<div>".repeat(200),
            "</div>".repeat(200)
        ),
    );
    site.build().success();
    assert!(article_body(&site, "a").html().contains("After."));
}
