//! The build cache (`.dossier-cache/`): a build that uses it writes, file for
//! file, what a clean `--no-cache` build writes, after every kind of edit and
//! whatever state the cache is found in; and it lives in the site's root,
//! never in the output.

mod serve_support;

use std::path::Path;

use serve_support::{Tree, assert_same_files, edit_article_template, fixture, tree, write};

const CACHE: &str = ".dossier-cache";
/// Pages rendered on every build: the home page (it shows the latest of
/// everything) and the search page (the planner knows no inputs of it).
const ALWAYS_RENDERED: usize = 2;
const EDITED: &str = "content/kerry-lavrov-meet-syria-agenda.md";

fn dossier() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("dossier").unwrap()
}

/// A build of the site at `root` with the cache, into its `public/`; what it
/// printed.
fn cached_build(root: &Path) -> String {
    cached_build_with(dossier(), root)
}

/// [`cached_build`] with `command` (set up with an environment, say).
fn cached_build_with(mut command: assert_cmd::Command, root: &Path) -> String {
    let out = command
        .args(["build", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "cached build failed: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A build of the site at `root` into `out`, with `flags`, that succeeds.
fn build_into(root: &Path, out: &Path, flags: &[&str]) {
    dossier()
        .arg("build")
        .args(flags)
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .assert()
        .success();
}

/// A clean build without the cache, into a folder of its own.
fn clean_build(root: &Path) -> Tree {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("clean");
    build_into(root, &out, &["--no-cache"]);
    tree(&out)
}

/// Build with the cache and check the output against a clean build, file
/// for file; returns what the cached build printed.
#[track_caller]
fn build_and_compare(step: &str, root: &Path) -> String {
    let printed = cached_build(root);
    let cached = tree(&root.join("public"));
    let clean = clean_build(root);
    assert_same_files(step, "cached build", &cached, &clean);
    printed
}

/// The numbers of the cache line of a build's report: articles not
/// analysed again, pages kept, pages in all.
fn spared(printed: &str) -> (usize, usize, usize) {
    let numbers = cache_line(printed);
    (numbers[0], numbers[1], numbers[2])
}

/// The numbers of the cache line of a build's report, in order.
fn cache_line(printed: &str) -> Vec<usize> {
    let line = printed
        .lines()
        .find(|l| l.starts_with("From the build cache:"))
        .unwrap_or_else(|| panic!("no cache line in {printed}"));
    line.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The print pages of a build's cache line: kept, and in all.
fn print_spared(printed: &str) -> (usize, usize) {
    let numbers = cache_line(printed);
    (numbers[3], numbers[4])
}

/// A file of the site at `root`'s `public/`.
fn output_file(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join("public").join(rel))
        .unwrap_or_else(|e| panic!("no {rel} in the output: {e}"))
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    write(path, &text.replacen(from, to, 1));
}

#[test]
fn cached_builds_equal_clean_builds_after_every_kind_of_edit() {
    let dir = fixture();
    let root = dir.path();
    build_and_compare("first build", root);
    assert!(root.join(CACHE).is_dir());

    let printed = build_and_compare("nothing changed", root);
    let (articles, kept, pages) = spared(&printed);
    assert_eq!(articles, 5, "{printed}");
    assert_eq!(kept + ALWAYS_RENDERED, pages, "{printed}");
    assert!(printed.contains("feeds, sitemap, data and search unchanged"));
    let (kept, all) = print_spared(&printed);
    assert!(all > 0 && kept == all, "{printed}");

    let a = root.join(EDITED);
    edit(
        &a,
        "Russian Federation says",
        "It was cold and snowy in Moscow. Russian Federation says",
    );
    let data_before = output_file(root, "data/articles.json");
    let printed = build_and_compare("body edit", root);
    // The edited body reaches the article's data entry (copied from the
    // live file around it) and the search index.
    let data_after = output_file(root, "data/articles.json");
    assert_ne!(
        data_before, data_after,
        "the body edit left the data as it was"
    );
    assert!(data_after.contains("It was cold and snowy in Moscow."));
    assert!(
        search_has(root, "snowy"),
        "the new word is not in the index"
    );
    let (articles, kept, pages) = spared(&printed);
    assert_eq!(articles, 4, "{printed}");
    assert!(
        kept * 2 > pages,
        "a body edit rendered most pages: {printed}"
    );
    // The edited article is printed in the print pages of its actors and
    // topics, and only there.
    let (kept, all) = print_spared(&printed);
    assert!(0 < kept && kept < all, "{printed}");

    // The first paragraph is the article's summary in the feeds.
    let feed = output_file(root, "atom.xml");
    edit(
        &a,
        "The US Secretary of State John Kerry is meeting",
        "US Secretary of State John Kerry met",
    );
    build_and_compare("summary edit", root);
    let edited_feed = output_file(root, "atom.xml");
    assert_ne!(
        feed, edited_feed,
        "the summary edit left the feed as it was"
    );
    assert!(edited_feed.contains("US Secretary of State John Kerry met"));

    let lavrov = "print/actors/sergei-lavrov/index.html";
    let print_before = output_file(root, lavrov);
    let data_before = output_file(root, "data/articles.json");

    let text = std::fs::read_to_string(&a).unwrap();
    write(
        &a,
        &format!(
            "{text}\n“We will keep talking until the guns fall silent, whatever it takes”, Lavrov told reporters.\n"
        ),
    );
    let printed = build_and_compare("quotation added", root);
    let print_after = output_file(root, lavrov);
    assert_ne!(
        print_before, print_after,
        "the new quotation is not printed"
    );
    assert!(print_after.contains("until the guns fall silent"));
    assert_ne!(data_before, output_file(root, "data/articles.json"));
    // The print pages that do not print the article are kept: their
    // summaries name actors and topics without site-wide counts.
    let (kept, all) = print_spared(&printed);
    assert!(0 < kept && kept < all, "{printed}");

    edit(&a, "Lavrov told reporters", "Kerry told reporters");
    build_and_compare("speaker changed", root);
    assert!(output_file(root, lavrov).contains("the guns fall silent"));

    edit(
        &a,
        "title: \"Kerry, Lavrov meet with Syria on agenda\"",
        "title: \"Kerry and Lavrov meet, Syria on the agenda\"",
    );
    build_and_compare("title changed", root);
    assert!(output_file(root, lavrov).contains("Kerry and Lavrov meet, Syria on the agenda"));

    edit(
        &a,
        "date: 2015-12-15\n",
        "date: 2015-12-15\ntopics: [Ceasefire monitoring]\n",
    );
    build_and_compare("topic list changed", root);
    assert!(
        output_file(root, "topics/ceasefire-monitoring/index.html")
            .contains("Kerry and Lavrov meet")
    );

    write(
        &root.join("content/new-round.md"),
        "---\ntitle: A new round of talks\ndate: 2016-03-01\nsource: Example Wire\nactors: [Jane Roe]\n---\n\
         Sergei Lavrov and John Kerry spoke again on Tuesday.\n\n\
         “We will keep talking until the guns fall silent,” Jane Roe said.\n",
    );
    build_and_compare("article added", root);
    assert!(output_file(root, "data/articles.json").contains("A new round of talks"));
    assert!(output_file(root, "atom.xml").contains("A new round of talks"));

    std::fs::rename(
        root.join("content/new-round.md"),
        root.join("content/renamed-round.md"),
    )
    .unwrap();
    build_and_compare("article renamed", root);

    std::fs::remove_file(root.join("content/renamed-round.md")).unwrap();
    build_and_compare("article removed", root);
    assert!(!output_file(root, "data/articles.json").contains("A new round of talks"));
    assert!(!output_file(root, "atom.xml").contains("A new round of talks"));

    edit(&a, "date: 2015-12-15", "date: 2016-02-02");
    build_and_compare("front matter changed", root);

    edit_article_template(root);
    build_and_compare("template changed", root);

    edit(
        &root.join("site.yaml"),
        "title: Syria Talks Briefing",
        "title: Syria Talks",
    );
    let printed = build_and_compare("site.yaml changed", root);
    assert_eq!(spared(&printed), (0, 0, spared(&printed).2), "{printed}");
}

/// A cached build of the site at `root` made at `epoch` (the day a print
/// page's cover says it was made); what it printed.
fn build_at(root: &Path, epoch: i64) -> String {
    let mut command = dossier();
    command.env("SOURCE_DATE_EPOCH", epoch.to_string());
    cached_build_with(command, root)
}

#[test]
fn print_pages_are_made_again_when_the_day_they_show_changes_and_only_then() {
    let dir = fixture();
    let root = dir.path();
    // 14 November 2023, 22:13:20 UTC (the fixture's time zone).
    let epoch = 1_700_000_000;
    build_at(root, epoch);
    let lavrov = "print/actors/sergei-lavrov/index.html";
    assert!(output_file(root, lavrov).contains("14 November 2023"));

    // Twenty minutes later: another quarter of an hour, the same day.
    let printed = build_at(root, epoch + 20 * 60);
    let (kept, all) = print_spared(&printed);
    assert!(all > 0 && kept == all, "{printed}");

    // The next day, which every cover shows.
    let printed = build_at(root, epoch + 2 * 60 * 60);
    let (kept, _) = print_spared(&printed);
    assert_eq!(kept, 0, "{printed}");
    let page = output_file(root, lavrov);
    assert!(page.contains("15 November 2023"), "{page}");
    assert!(!page.contains("14 November 2023"), "{page}");
}

/// The fixture site built twice with the cache: its output and cache as
/// any later build finds them.
fn built_twice() -> tempfile::TempDir {
    let dir = fixture();
    cached_build(dir.path());
    cached_build(dir.path());
    dir
}

/// Whether a shard of the search index of the site at `root` lists `term`.
fn search_has(root: &Path, term: &str) -> bool {
    let index = root.join("public/search/index");
    std::fs::read_dir(&index)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .any(|shard| shard.contains(&format!("\"{term}\":")))
}

/// A data file changed by hand in the output is not a source of pieces for
/// the next build: the build after an edit writes it whole again.
#[test]
fn a_hand_edited_data_file_is_not_copied_from() {
    let dir = built_twice();
    let root = dir.path();
    let data = root.join("public/data/articles.json");
    let text = std::fs::read_to_string(&data).unwrap();
    write(&data, &text.replacen("Kerry", "Kerri", 1));
    let a = root.join(EDITED);
    let text = std::fs::read_to_string(&a).unwrap();
    write(&a, &format!("{text}\nTalks went on.\n"));
    build_and_compare("data file edited by hand", root);
}

#[test]
fn a_hand_edited_output_file_is_made_again() {
    let dir = built_twice();
    let root = dir.path();
    let page = root.join("public/articles/kerry-lavrov-meet-syria-agenda/index.html");
    write(&page, "edited by hand");
    build_and_compare("output edited by hand", root);
}

/// Each way a cache file can be found broken: the build notices, does the
/// work again, and writes the same site and a good cache.
#[test]
fn a_corrupt_or_stale_cache_is_rebuilt_not_trusted() {
    let dir = fixture();
    let root = dir.path();
    cached_build(root);
    cached_build(root);
    let cache = root.join(CACHE);
    let files = ["articles", "pages", "search"];
    for file in files {
        assert!(cache.join(file).is_file(), "no {file} in the cache");
    }
    type Damage = fn(&mut Vec<u8>);
    let damages: [(&str, Damage); 5] = [
        ("truncated", |b| b.truncate(b.len() / 2)),
        ("emptied", |b| b.clear()),
        ("garbage", |b| {
            *b = (0..b.len().max(64)).map(|i| (i * 7 + 3) as u8).collect()
        }),
        // The format number, right after the 8-byte mark.
        ("another format version", |b| b[8] ^= 0xff),
        ("one byte flipped in the middle", |b| {
            let at = b.len() / 2;
            b[at] ^= 0x55
        }),
    ];
    for (n, (what, damage)) in damages.into_iter().enumerate() {
        for file in files {
            let path = cache.join(file);
            let mut bytes = std::fs::read(&path).unwrap();
            damage(&mut bytes);
            std::fs::write(&path, bytes).unwrap();
            // An edit as well, so that a trusted bad entry would show.
            let a = root.join(EDITED);
            let text = std::fs::read_to_string(&a).unwrap();
            write(&a, &format!("{text}\nTalks went on ({n}, {file}).\n"));
            build_and_compare(&format!("{file} {what}"), root);
            // The cache was written anew: the next build uses it whole.
            let printed = build_and_compare(&format!("after {file} {what}"), root);
            let (articles, kept, pages) = spared(&printed);
            assert_eq!(
                (articles, kept + ALWAYS_RENDERED),
                (5, pages),
                "{file} {what}: {printed}"
            );
        }
    }
}

/// A build that fails (here on an article that is not text) writes no
/// cache: the next build after the fix finds the last good one whole, and
/// nothing half-written is left in the cache folder.
#[test]
fn a_failed_build_leaves_the_cache_as_it_was() {
    let dir = fixture();
    let root = dir.path();
    cached_build(root);
    let cache = root.join(CACHE);
    let before = std::fs::read(cache.join("articles")).unwrap();
    let article = root.join(EDITED);
    let text = std::fs::read(&article).unwrap();
    let mut broken = text.clone();
    broken.extend_from_slice(b"\0");
    std::fs::write(&article, broken).unwrap();
    dossier()
        .args(["build", "--root"])
        .arg(root)
        .assert()
        .code(1);
    let mut names: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["articles", "pages", "search"]);
    assert!(std::fs::read(cache.join("articles")).unwrap() == before);
    std::fs::write(&article, text).unwrap();
    let (articles, ..) = spared(&build_and_compare("fixed", root));
    assert_eq!(articles, 5);
}

#[test]
fn the_cache_is_in_the_site_root_and_never_in_the_output() {
    let dir = fixture();
    let root = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("site");
    for _ in 0..2 {
        build_into(root, &out, &[]);
    }
    assert!(root.join(CACHE).join("articles").is_file());
    // Beside the output: only the output and its own bookkeeping.
    for entry in std::fs::read_dir(elsewhere.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "site" || name.starts_with(".site."),
            "{name} written beside the output"
        );
    }
    assert!(
        tree(&out).keys().all(|k| !k.contains(CACHE)),
        "the cache is in the output"
    );

    // An output inside the cache folder: the build does without the cache.
    let inside = root.join(CACHE).join("out");
    build_into(root, &inside, &[]);
    assert!(
        tree(&inside)
            .keys()
            .all(|k| k != "articles" && k != "pages")
    );

    // Without the cache, none is made.
    let other = fixture();
    dossier()
        .args(["build", "--no-cache", "--root"])
        .arg(other.path())
        .assert()
        .success();
    assert!(!other.path().join(CACHE).exists());
}
