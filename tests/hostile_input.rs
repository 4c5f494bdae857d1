//! Hostile input (issue 14): symbolic links that leave `static/`, endless
//! and huge inputs, YAML nested deep enough to make the parser quadratic.
//! Each case runs the binary on a fixture and checks what the user sees: a
//! message naming the file (and line and column), promptly, and nothing
//! from outside the site in the output.

#![cfg(unix)]

mod common;
use common::*;

use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

/// Far above what any case below needs once fixed; the cases that hung or
/// took a minute before never come near it.
const PROMPTLY: Duration = Duration::from_secs(60);

fn built_with_links() -> (Site, tempfile::TempDir, String) {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    site.write(
        "content/draft.md",
        "---\ntitle: Draft\ndate: 2024-01-03\ndraft: true\n---\nSECRET DRAFT TEXT\n",
    );
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "TOP SECRET\n").unwrap();
    site.write("static/ok.txt", "fine\n");
    site.write("static/real/x.txt", "inside\n");
    let s = site.path().join("static");
    symlink(outside.path().join("secret.txt"), s.join("passwd")).unwrap();
    symlink(outside.path(), s.join("etc")).unwrap();
    std::fs::create_dir_all(s.join("sub")).unwrap();
    symlink("../../", s.join("sub/up")).unwrap();
    symlink("../content", s.join("src")).unwrap();
    symlink(".", s.join("loop")).unwrap();
    symlink("nowhere", s.join("broken")).unwrap();
    // Links that stay inside static/ are followed.
    symlink("ok.txt", s.join("same.txt")).unwrap();
    symlink("../real", s.join("sub/inside")).unwrap();
    let assert = dossier()
        .arg("build")
        .arg("--root")
        .arg(site.path())
        .timeout(PROMPTLY)
        .assert()
        .success();
    let err = stderr(&assert);
    (site, outside, err)
}

#[test]
fn links_out_of_static_are_refused_by_name_and_never_published() {
    let (site, _outside, err) = built_with_links();
    for link in ["static/passwd", "static/etc", "static/sub/up", "static/src"] {
        assert!(
            err.contains(&format!("--> {link}\n")),
            "no warning names {link}:\n{err}"
        );
    }
    assert!(err.contains("leads out of static/"), "{err}");
    assert!(err.contains("static/loop"), "{err}");
    assert!(err.contains("static/broken"), "{err}");
    let output = site.output();
    for (path, bytes) in &output {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("TOP SECRET") && !text.contains("SECRET DRAFT TEXT"),
            "{path} holds a file from outside static/"
        );
        assert!(
            !path.starts_with("passwd")
                && !path.starts_with("etc")
                && !path.starts_with("src")
                && !path.starts_with("sub/up")
                && !path.starts_with("loop"),
            "{path} was published"
        );
    }
    assert_eq!(output["ok.txt"], b"fine\n");
    assert_eq!(output["same.txt"], b"fine\n");
    assert_eq!(output["real/x.txt"], b"inside\n");
    assert_eq!(output["sub/inside/x.txt"], b"inside\n");
}

#[test]
fn links_out_of_a_themes_static_folder_are_refused_too() {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    let config = site.read("site.yaml");
    site.write("site.yaml", format!("{config}theme: mine\n"));
    site.write("themes/mine/static/theme.css", "body{}\n");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("key"), "PRIVATE KEY\n").unwrap();
    symlink(
        outside.path().join("key"),
        site.path().join("themes/mine/static/key"),
    )
    .unwrap();
    let assert = site.build().success();
    let err = stderr(&assert);
    assert!(
        err.contains("--> themes/mine/static/key\n") && err.contains("leads out of"),
        "{err}"
    );
    let output = site.output();
    assert!(output.contains_key("theme.css"));
    assert!(!output.contains_key("key"));
}

/// `dossier ARGS`, which must fail within [`PROMPTLY`] with every needle in
/// its error output; the time it took.
fn fails_promptly(args: &[&str], root: &std::path::Path, needles: &[&str]) -> Duration {
    let started = Instant::now();
    let assert = dossier()
        .args(args)
        .current_dir(root)
        .timeout(PROMPTLY)
        .assert()
        .failure();
    let took = started.elapsed();
    let err = stderr(&assert);
    assert!(!err.contains("panicked"), "{err}");
    for needle in needles {
        assert!(err.contains(needle), "expected {needle:?} in:\n{err}");
    }
    assert!(took < PROMPTLY, "took {took:?}");
    took
}

#[test]
fn endless_inputs_are_read_only_up_to_the_limit() {
    let site = Site::new();
    fails_promptly(
        &["quotes", "/dev/zero"],
        site.path(),
        &["/dev/zero", "more than 8 MiB", "at most 8 MiB"],
    );
    fails_promptly(
        &["import", "/dev/zero", "--dry-run"],
        site.path(),
        &["/dev/zero", "more than 8 MiB"],
    );
    // Standard input too: 20 MiB piped in.
    let assert = dossier()
        .args(["import", "-", "--dry-run"])
        .current_dir(site.path())
        .write_stdin(vec![b'a'; 20 * 1024 * 1024])
        .timeout(PROMPTLY)
        .assert()
        .failure();
    let err = stderr(&assert);
    assert!(
        err.contains("(standard input)") && err.contains("at most 8 MiB"),
        "{err}"
    );
}

#[test]
fn a_huge_site_yaml_or_template_is_refused_without_reading_it_all() {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    let config = site.read("site.yaml");
    // The case that wrote 9.8 GB: a 60 MB description.
    let huge = format!("{config}description: {}\n", "x".repeat(60_000_000));
    site.write("site.yaml", &huge);
    fails_promptly(
        &["build"],
        site.path(),
        &["site.yaml", "file is 57 MiB", "at most 8 MiB"],
    );
    assert!(!site.path().join("public").exists());
    site.write("site.yaml", &config);
    site.write("templates/base.html", "x".repeat(9 * 1024 * 1024));
    fails_promptly(
        &["build"],
        site.path(),
        &["templates/base.html", "file is 9 MiB"],
    );
}

#[test]
fn deep_yaml_is_an_error_at_its_place_before_the_parser_sees_it() {
    let cases = [
        // 100,000 nested sequences took 56 s; 50,000 nested maps 20 s.
        (
            format!("topics: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
            "content/deep.md:4:",
        ),
        (
            format!("topics: {}b{}\n", "{a: ".repeat(50_000), "}".repeat(50_000)),
            "content/deep.md:4:",
        ),
        (
            format!("topics:\n{}x\n", "- ".repeat(50_000)),
            "content/deep.md:5:",
        ),
    ];
    for (yaml, place) in cases {
        let site = Site::new();
        site.write(
            "content/deep.md",
            format!("---\ntitle: Deep\ndate: 2024-01-02\n{yaml}---\nBody.\n"),
        );
        let took = fails_promptly(
            &["check"],
            site.path(),
            &[place, "YAML nested more than 64 levels deep", "help:"],
        );
        assert!(took < Duration::from_secs(20), "{place}: took {took:?}");
    }
    // site.yaml as well, with the line and column of the opening too deep.
    let site = Site::new();
    let config = site.read("site.yaml");
    let line = config.lines().count() + 1;
    site.write(
        "site.yaml",
        format!("{config}description: {}\n", "[".repeat(100_000)),
    );
    fails_promptly(
        &["check"],
        site.path(),
        &[&format!("site.yaml:{line}:"), "YAML nested more than 64"],
    );
}

#[test]
fn aliases_cannot_multiply_a_small_file() {
    // 2,000 aliases of a 1 MB title: 4 GB and over a minute before.
    let site = Site::new();
    let aliases = vec!["*t"; 2000].join(", ");
    site.write(
        "content/bomb.md",
        format!(
            "---\ntitle: &t {}\ndate: 2024-01-02\ntopics: [{aliases}]\n---\nBody.\n",
            "x".repeat(1_000_000)
        ),
    );
    let took = fails_promptly(
        &["check"],
        site.path(),
        &["content/bomb.md:4:", "more than 16 YAML aliases"],
    );
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn ordinary_nesting_still_passes() {
    let site = Site::new();
    site.write(
        "content/ok.md",
        "---\ntitle: \"[[[[ not [ nesting {{{{\"\ndate: 2024-01-02\ntopics: [tests, \"[[[[ brackets\"]\nsummary: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\nBody.\n",
    );
    dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .assert()
        .success();
}

#[test]
fn a_long_list_of_topics_stays_linear() {
    // 200,000 topics on one line: finding each one's line by searching the
    // whole front matter took minutes; one pass takes a second or two.
    let site = Site::new();
    let topics = vec!["tests"; 200_000].join(", ");
    site.write(
        "content/many.md",
        format!("---\ntitle: Many\ndate: 2024-01-02\ntopics: [{topics}]\n---\nBody.\n"),
    );
    let started = Instant::now();
    dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .timeout(PROMPTLY)
        .assert()
        .success();
    assert!(started.elapsed() < PROMPTLY);
}

#[test]
fn many_broken_links_are_placed_in_one_pass() {
    // 20,000 broken links in one article: each looked for in the whole
    // article and its file took 18 s for 10,000 (release), four times as
    // long for twice as many.
    let site = Site::new();
    let body: Vec<String> = (0..20_000)
        .map(|i| format!("See [this](/nope-{i}/) now."))
        .collect();
    site.write(
        "content/links.md",
        format!(
            "---\ntitle: Links\ndate: 2024-01-02\n---\n{}\n",
            body.join("\n\n")
        ),
    );
    let took = fails_promptly(
        &["check"],
        site.path(),
        &[
            "broken link `/nope-19999/`",
            // Line 5 holds the first; every other line the next.
            "content/links.md:40003",
        ],
    );
    assert!(took < Duration::from_secs(40), "took {took:?}");
}

/// A file of `static/` on a path the site writes itself (a page, the
/// sitemap, the search index's folder) would silently replace it: the build
/// is refused naming the file and what it would replace, and the previous
/// output stays as it was.
#[test]
fn static_files_may_not_replace_the_sites_own_pages() {
    let clashes = [
        (
            "static/articles/good/index.html",
            "the article content/good.md",
        ),
        ("static/sitemap.xml", "dossier's sitemap.xml"),
        ("static/atom.xml", "an Atom feed"),
        ("static/search/docs/0.json", "the search index"),
        ("static/print/actors/x/index.html", "the printable digests"),
        ("static/sitemap-3.xml", "a part of the sitemap"),
    ];
    for (file, what) in clashes {
        let err = fails_keeping_output(
            |site| site.write(file, "<p>mine</p>\n"),
            &[file, what, "static files may not take a path"],
        );
        assert_eq!(err.matches("error:").count(), 1, "{err}");
    }
}

/// Static files beside the site's paths, and the site's own static files
/// overriding the theme's (its style sheet), are published as before.
#[test]
fn static_files_beside_the_sites_pages_are_published() {
    let site = built_site();
    site.write("static/articles/good/chart.png", "png");
    site.write("static/sitemap-extra.xml", "<urlset/>");
    site.write("static/style.css", "body{color:red}\n");
    site.build().success();
    let out = site.output();
    assert_eq!(out["articles/good/chart.png"], b"png");
    assert_eq!(out["sitemap-extra.xml"], b"<urlset/>");
    assert_eq!(out["style.css"], b"body{color:red}\n");
    assert!(String::from_utf8_lossy(&out["articles/good/index.html"]).contains("A good article"));
}
