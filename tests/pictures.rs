//! The pictures (coverage, who speaks, the actor network) as a reader gets
//! them: each SVG of the built pages parsed, its bars and nodes checked
//! against the digest's own counts in `data/*.json`; then in headless
//! Chromium (the pictures have size and are visible, no two network labels
//! overlap) and in the PDF (pdftotext finds the pictures' labels).
//!
//! The browser and PDF tests need `chromium` and `pdftotext`; without them
//! they skip with a message, except under `CI=true`, where they fail.

mod common;
use common::*;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command as Std;

use dossier::build::BuildOptions;
use dossier::serve::{Changes, LiveSite};
use serde_json::Value;

/// First names and surnames of the fixture's people: 36 of them.
const FIRST: [&str; 6] = ["Ada", "Bram", "Cora", "Dov", "Elin", "Fay"];
const LAST: [&str; 6] = ["Quill", "Rook", "Sable", "Thorn", "Umber", "Vance"];
/// A name longer than a network label: drawn cut, with an ellipsis.
const LONG_NAME: &str = "Maximiliana Theodora Quillfeather";

fn people() -> Vec<String> {
    let mut names: Vec<String> = LAST
        .iter()
        .flat_map(|l| FIRST.iter().map(move |f| format!("{f} {l}")))
        .collect();
    names[1] = LONG_NAME.to_string();
    names
}

/// A site of 40 articles over 20 months on one topic, each naming four of
/// 36 people (one of them, the hub, in most) and quoting one of 14: more
/// actors than a network shows and more speakers than the ranking names.
fn crowded_site() -> Site {
    let site = Site::new();
    let names = people();
    for i in 0..40usize {
        let actors = [
            names[0].clone(),
            names[1 + i % 35].clone(),
            names[1 + (i * 7 + 3) % 35].clone(),
            names[1 + (i * 11 + 5) % 35].clone(),
        ];
        let speaker = &names[if i % 3 == 0 { 0 } else { 1 + i % 13 }];
        let day = chrono::NaiveDate::from_ymd_opt(2016, 1, 4).unwrap()
            + chrono::Duration::days(i as i64 * 15);
        site.write(
            &format!("content/story-{i:02}.md"),
            format!(
                "---\ntitle: Test story number {i}\ndate: {day}\nsource: Wire {w}\ntopics: [tests]\nactors: [{actors}]\n---\nThe committee met again on the test plan for the {i}th time.\n\n“We will keep testing the plan number {i} until it holds,” {speaker} said on the day.\n",
                w = i % 3,
                actors = actors.join(", "),
            ),
        );
    }
    site
}

fn json(site: &Site, rel: &str) -> Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The entry of `list` (`topics`, `actors`) with `id` in `data/LIST.json`.
fn entry(site: &Site, list: &str, id: &str) -> Value {
    json(site, &format!("public/data/{list}.json"))[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {list}.json"))
        .clone()
}

/// The SVG of the `<figure class="picture KIND">` of a page, if any.
fn figure_svg(html: &str, kind: &str) -> Option<String> {
    let start = html.find(&format!("<figure class=\"picture {kind}\">"))?;
    let rest = &html[start..];
    let svg = rest.find("<svg")?;
    let end = rest.find("</svg>")? + "</svg>".len();
    Some(rest[svg..end].to_string())
}

/// The numbers a picture carries: `data-count` of each `element` whose
/// class (or whose parent's) contains `class`, in document order.
fn counts(svg: &str, element: &str, class: &str) -> Vec<usize> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.tag_name().name() == element)
        .filter(|n| {
            let own = n.attribute("class").unwrap_or("");
            let group = n
                .ancestors()
                .find_map(|a| a.attribute("class"))
                .unwrap_or("");
            class.is_empty() || own.contains(class) || group.contains(class)
        })
        .map(|n| {
            n.attribute("data-count")
                .unwrap_or_else(|| panic!("no data-count on {n:?}"))
                .parse()
                .unwrap()
        })
        .collect()
}

/// The text of every `element` (`title`, `text`) of an SVG.
fn texts(svg: &str, element: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == element)
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

fn accessible(svg: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"), "{svg}");
    let first: Vec<&str> = root
        .children()
        .filter(|n| n.is_element())
        .take(2)
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(first, ["title", "desc"], "{svg}");
    assert!(root.attribute("viewBox").is_some() && root.attribute("width").is_some());
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_topic_digest_draws_its_coverage_speakers_and_network_from_its_own_counts() {
    let site = crowded_site();
    site.build().success();
    let topic = entry(&site, "topics", "tests");
    let articles = ids(&topic["articles"]);
    let quotations = ids(&topic["quotations"]);
    assert_eq!(articles.len(), 40);
    let html = site.read("public/topics/tests/index.html");

    // Coverage: every article and quotation in one bar each, by month (the
    // span is over half a year).
    let coverage = figure_svg(&html, "coverage").expect("a coverage chart");
    accessible(&coverage);
    let bars = counts(&coverage, "rect", "bar-articles");
    assert_eq!(bars.iter().sum::<usize>(), articles.len());
    assert_eq!(
        counts(&coverage, "rect", "bar-quotations")
            .iter()
            .sum::<usize>(),
        quotations.len()
    );
    assert!(texts(&coverage, "title")[0].starts_with("Coverage by month"));
    assert!(texts(&coverage, "text").contains(&"2017".to_string()));
    // A bar links to its month's section of the timeline, on the right page.
    assert!(
        html.contains("<a href=\"/topics/tests/#m-2016-01\">")
            || html.contains("<a href=\"/topics/tests/page/"),
        "{coverage}"
    );

    // Who speaks: ten named, the rest summed, all the topic's quotations.
    let speakers = figure_svg(&html, "ranking").expect("a speakers chart");
    accessible(&speakers);
    let named = counts(&speakers, "rect", "bar-speaker");
    let others = counts(&speakers, "rect", "bar-others");
    let unattributed = counts(&speakers, "rect", "bar-unattributed");
    assert_eq!(named.len(), 10, "{speakers}");
    assert_eq!(others.len(), 1, "{speakers}");
    assert_eq!(
        named
            .iter()
            .chain(&others)
            .chain(&unattributed)
            .sum::<usize>(),
        quotations.len()
    );
    let quotes = json(&site, "public/data/quotes.json");
    let by_speaker = |name: &str| {
        quotes["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| quotations.contains(&q["id"].as_str().unwrap().to_string()))
            .filter(|q| q["speaker"]["name"] == name)
            .count()
    };
    let labels = texts(&speakers, "text");
    let hub = &people()[0];
    let at = labels
        .iter()
        .position(|l| l == hub)
        .expect("the hub speaks");
    // Labels and counts alternate: name, count.
    assert_eq!(labels[at + 1].parse::<usize>().unwrap(), by_speaker(hub));
    assert_eq!(named[0], by_speaker(hub), "the hub speaks most");

    // The network: the 25 actors in most of its articles, sized by their
    // count, the rest named under it.
    let network = figure_svg(&html, "network").expect("a network");
    accessible(&network);
    let nodes = counts(&network, "circle", "");
    let actors = topic["actors"].as_array().unwrap();
    assert!(actors.len() > 25);
    let expected: Vec<usize> = actors
        .iter()
        .take(25)
        .map(|a| a["articles"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(nodes, expected);
    let drawn = texts(&network, "text");
    assert!(
        drawn.contains(&"Maximiliana Theodora Qu…".to_string()),
        "{drawn:?}"
    );
    let last = entry(&site, "actors", actors[26]["id"].as_str().unwrap());
    let rest = &html[html.find("class=\"network-rest\"").expect("the rest named")..];
    assert!(rest.contains(last["name"].as_str().unwrap()));

    // Each line's weight is the articles its two actors share.
    let all = json(&site, "public/data/articles.json");
    let name_of = |id: &str| {
        entry(&site, "actors", id)["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let names: HashMap<String, String> = actors
        .iter()
        .take(25)
        .map(|a| {
            let id = a["id"].as_str().unwrap();
            (name_of(id), id.to_string())
        })
        .collect();
    let edges = texts(&network, "title");
    let lines: Vec<&String> = edges.iter().filter(|t| t.contains(" and ")).collect();
    assert!(!lines.is_empty());
    for line in lines {
        let (pair, weight) = line.rsplit_once(": ").unwrap();
        let (a, b) = pair.split_once(" and ").unwrap();
        let (a, b) = (&names[a], &names[b]);
        let shared = all["articles"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| {
                let actors = ids(&x["actors"]);
                actors.contains(a) && actors.contains(b)
            })
            .count();
        assert_eq!(
            weight.split(' ').next().unwrap().parse::<usize>().unwrap(),
            shared,
            "{line}"
        );
    }
}

#[test]
fn an_actor_digest_draws_their_coverage_topics_and_neighbourhood() {
    let site = crowded_site();
    site.build().success();
    let hub = entry(&site, "actors", "ada-quill");
    let html = site.read("public/actors/ada-quill/index.html");
    let coverage = figure_svg(&html, "coverage").expect("a coverage chart");
    assert_eq!(
        counts(&coverage, "rect", "bar-articles")
            .iter()
            .sum::<usize>(),
        hub["articles"].as_array().unwrap().len()
    );
    assert_eq!(
        counts(&coverage, "rect", "bar-quotations")
            .iter()
            .sum::<usize>(),
        hub["quotations"].as_array().unwrap().len()
    );
    let topics = figure_svg(&html, "ranking").expect("what they speak on");
    assert_eq!(
        counts(&topics, "rect", "bar-topic"),
        [hub["quotations"].as_array().unwrap().len()]
    );
    assert!(texts(&topics, "text").contains(&"Tests".to_string()));
    // Them in the middle of the 12 they appear with most.
    let network = figure_svg(&html, "network").expect("a neighbourhood");
    let mut expected = vec![hub["articles"].as_array().unwrap().len()];
    expected.extend(
        hub["co_actors"]
            .as_array()
            .unwrap()
            .iter()
            .take(12)
            .map(|a| a["articles"].as_u64().unwrap() as usize),
    );
    assert_eq!(counts(&network, "circle", ""), expected);
}

#[test]
fn the_home_page_sources_and_indexes_draw_coverage_and_the_same_site_draws_the_same() {
    let site = crowded_site();
    site.build().success();
    let home = site.read("public/index.html");
    let coverage = figure_svg(&home, "coverage").expect("the home page's coverage");
    assert_eq!(
        counts(&coverage, "rect", "bar-articles")
            .iter()
            .sum::<usize>(),
        40
    );
    let source = site.read("public/sources/wire-0/index.html");
    let coverage = figure_svg(&source, "coverage").expect("a source's coverage");
    assert_eq!(
        counts(&coverage, "rect", "bar-articles")
            .iter()
            .sum::<usize>(),
        14
    );
    // One sparkline per row of the indexes.
    let topics = site.read("public/topics/index.html");
    assert_eq!(topics.matches("<svg class=\"spark\"").count(), 1);
    assert!(topics.contains("<title>40 articles over the site"));
    let actors = site.read("public/actors/index.html");
    let rows = json(&site, "public/data/actors.json")["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !a["articles"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(actors.matches("<svg class=\"spark\"").count(), rows);

    // Built again from scratch: the same pictures, byte for byte.
    let first = site.read("public/topics/tests/index.html");
    std::fs::remove_dir_all(site.path().join("public")).unwrap();
    site.build().success();
    assert_eq!(
        figure_svg(&first, "network"),
        figure_svg(&site.read("public/topics/tests/index.html"), "network")
    );
}

#[test]
fn a_digest_without_quotations_or_actors_draws_no_empty_pictures() {
    let site = Site::new();
    site.article(
        "quiet",
        "A quiet test day",
        "2016-03-01",
        "Nothing was said about the test.",
    );
    site.build().success();
    let html = site.read("public/topics/tests/index.html");
    assert!(figure_svg(&html, "coverage").is_some());
    assert!(figure_svg(&html, "ranking").is_none(), "{html}");
    assert!(figure_svg(&html, "network").is_none(), "{html}");
    // A span of one day counts by week.
    assert!(html.contains("Coverage by week"));
}

// ---- in serve ---------------------------------------------------------------

const BASE: &str = "http://127.0.0.1:1111";

/// serve's rebuild after `changed` was saved: the pages it rendered again.
fn rebuild(live: &mut LiveSite, changed: &str) -> Vec<String> {
    let r = live
        .rebuild(&Changes {
            content: [PathBuf::from(changed)].into(),
            ..Changes::default()
        })
        .unwrap();
    r.changed
        .into_iter()
        .filter(|p| p.ends_with(".html"))
        .collect()
}

/// The pages serve holds that differ from a full build's.
fn stale_pages(live: &LiveSite, root: &Path) -> Vec<String> {
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("full");
    dossier::build::build(&BuildOptions {
        root: root.to_path_buf(),
        output: Some(out.clone()),
        base_url: Some(BASE.into()),
        ..BuildOptions::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let files = live.files();
    let served = files.read().unwrap();
    served
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .filter(|(path, bytes)| {
            std::fs::read(out.join(path.as_str())).ok().as_deref() != Some(&bytes[..])
        })
        .map(|(path, _)| path.clone())
        .collect()
}

#[test]
fn in_serve_a_quotation_edit_renders_again_only_the_pages_whose_pictures_change() {
    let site = crowded_site();
    let mut live = LiveSite::new(BuildOptions {
        root: site.path().to_path_buf(),
        base_url: Some(BASE.into()),
        ..BuildOptions::default()
    });
    live.rebuild(&Changes::full()).unwrap();
    let story = "content/story-05.md";
    let text = site.read(story);

    // Reworded: the counts, dates and speakers the pictures draw are as they
    // were, so no outlet's page and no index is rendered again for them (the
    // article, its quotation, its topic and speaker list the words).
    site.write(
        story,
        text.replace("until it holds", "until it truly holds"),
    );
    let rendered = rebuild(&mut live, story);
    assert_eq!(stale_pages(&live, site.path()), Vec::<String>::new());
    let beyond: Vec<&String> = rendered
        .iter()
        .filter(|p| {
            p.starts_with("sources/")
                || ["topics/index.html", "actors/index.html"].contains(&p.as_str())
        })
        .collect();
    assert!(beyond.is_empty(), "rendered again: {rendered:?}");
    assert_eq!(
        rendered.iter().filter(|p| p.starts_with("actors/")).count(),
        1,
        "only the speaker's digest: {rendered:?}"
    );

    // A quotation added: its outlet's coverage counts it, and that page is
    // rendered again; the served site stays the same as a full build.
    site.write(
        story,
        format!("{text}\n“The test plan is ready for its next stage,” Ada Quill said.\n"),
    );
    let rendered = rebuild(&mut live, story);
    assert_eq!(stale_pages(&live, site.path()), Vec::<String>::new());
    for page in ["sources/wire-2/index.html", "topics/tests/index.html"] {
        assert!(rendered.contains(&page.to_string()), "{rendered:?}");
    }
}

// ---- in a browser and on paper -------------------------------------------

/// What the probe script reports of each picture: its box, whether it is
/// shown, and whether any two network labels overlap.
const PROBE: &str = r#"<script>
addEventListener("load", () => {
  const shown = e => { const s = getComputedStyle(e); return s.display !== "none" && s.visibility === "visible" && Number(s.opacity) > 0; };
  const pictures = [...document.querySelectorAll("figure.picture svg, svg.spark")].map(svg => {
    const r = svg.getBoundingClientRect();
    const marks = svg.querySelectorAll("rect:not(.bar-hit), circle").length;
    return { kind: svg.closest("figure") ? svg.closest("figure").className : "spark", width: r.width, height: r.height, shown: shown(svg), marks };
  });
  const labels = [...document.querySelectorAll("figure.network .nodes text")].map(t => t.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const a = labels[i], b = labels[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
  }
  document.body.setAttribute("data-probe", JSON.stringify({ pictures, labels: labels.length, overlaps, viewport: document.documentElement.clientWidth }));
});
</script>"#;

/// The page at `rel` of the built site, with the probe, as Chromium lays it
/// out: absolute links are made relative to the output folder so that the
/// page loads from disk with its stylesheet.
fn probe(chromium: &Path, public: &Path, rel: &str, width: u32) -> Value {
    let html = std::fs::read_to_string(public.join(rel)).unwrap();
    let probed = html
        .replace("href=\"/", &format!("href=\"file://{}/", public.display()))
        .replace("</body>", &format!("{PROBE}</body>"));
    let page = public.join(rel).with_file_name("probe.html");
    std::fs::write(&page, probed).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = Std::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--window-size={width},900"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let at = dom
        .find("data-probe=\"")
        .unwrap_or_else(|| panic!("the probe did not run: {dom}"))
        + "data-probe=\"".len();
    let raw = &dom[at..at + dom[at..].find('"').unwrap()];
    serde_json::from_str(&raw.replace("&quot;", "\"").replace("&amp;", "&")).unwrap()
}

#[test]
fn in_a_browser_the_pictures_have_size_are_visible_and_labels_do_not_overlap() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    for (site, page, kinds) in [
        (
            Site::example(),
            "topics/syria/index.html",
            &["picture coverage", "picture ranking", "picture network"][..],
        ),
        (
            crowded_site(),
            "topics/tests/index.html",
            &["picture coverage", "picture ranking", "picture network"][..],
        ),
        (crowded_site(), "actors/index.html", &["spark"][..]),
    ] {
        site.build().success();
        let public = site.path().join("public");
        // Chromium keeps a window at least 500 pixels wide.
        for width in [1280, 500] {
            let report = probe(&chromium, &public, page, width);
            let viewport = report["viewport"].as_f64().unwrap();
            let pictures = report["pictures"].as_array().unwrap();
            for kind in kinds {
                let found: Vec<&Value> = pictures.iter().filter(|p| p["kind"] == *kind).collect();
                assert!(!found.is_empty(), "no {kind} on {page}: {report}");
                for p in found {
                    assert!(p["shown"] == true, "{kind} hidden on {page}: {p}");
                    assert!(
                        p["width"].as_f64().unwrap() >= 60.0,
                        "{kind} at {width}px: {p}"
                    );
                    assert!(
                        p["height"].as_f64().unwrap() >= 16.0,
                        "{kind} at {width}px: {p}"
                    );
                    assert!(
                        p["marks"].as_u64().unwrap() > 0,
                        "{kind} draws nothing: {p}"
                    );
                    assert!(
                        p["width"].as_f64().unwrap() <= viewport,
                        "{kind} wider than the window at {width}px: {p}"
                    );
                }
            }
            if kinds.contains(&"picture network") {
                assert!(report["labels"].as_u64().unwrap() > 1, "{report}");
            }
            assert_eq!(
                report["overlaps"], 0,
                "labels overlap on {page} at {width}px: {report}"
            );
        }
    }
}

#[test]
fn the_pdf_of_a_digest_has_the_pictures_as_text_and_vectors() {
    let Some(browser) = pdf_tools_or_skip() else {
        return;
    };
    let site = crowded_site();
    dossier()
        .current_dir(site.path())
        .args(["print", "topic:tests", "--pdf", "--chromium"])
        .arg(&browser)
        .arg("--root")
        .arg(site.path())
        .assert()
        .success();
    let pdf = site.path().join("topic-tests.pdf");
    let out = Std::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // The cut label exists only in the network; the legend only under the
    // coverage chart.
    assert!(text.contains("Maximiliana Theodora Qu…"), "{text}");
    assert!(
        text.to_lowercase().contains("who appears with whom"),
        "{text}"
    );
    assert!(text.contains("Quotations, by month"), "{text}");
    for name in ["Cora Quill", "Fay Quill"] {
        assert!(text.contains(name), "{name} not in the PDF");
    }
    // Drawn as vectors: the fixture has no images, so the PDF has none.
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        !bytes.windows(14).any(|w| w == b"/Subtype /Image"),
        "the PDF holds a raster image"
    );
}
