//! Bad input: every case fails with a message that names the file (and the
//! line and column where there is one) and says what would be right, never
//! panics, and leaves the previous output byte for byte as it was.

mod common;
use common::*;

#[test]
fn malformed_front_matter() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/bad.md",
                "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nBody\n",
            )
        },
        &["content/bad.md:", "error:"],
    );
}

#[test]
fn bad_date_names_line_and_column() {
    let err = fails_keeping_output(
        |s| {
            s.write(
                "content/bad.md",
                "---\ntitle: Bad\ndate: 2024-02-30\n---\nBody\n",
            )
        },
        &["content/bad.md:3:", "no day 30", "YYYY-MM-DD"],
    );
    assert!(err.contains("invalid `date`"), "{err}");
}

#[test]
fn unknown_key_in_site_yaml_suggests_the_right_one() {
    fails_keeping_output(
        |s| {
            let yaml = s.read("site.yaml").replace("base_url:", "base_ulr:");
            s.write("site.yaml", yaml)
        },
        &[
            "site.yaml:2:",
            "unknown field `base_ulr`",
            "did you mean `base_url`?",
        ],
    );
}

#[test]
fn unknown_key_in_front_matter() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/bad.md",
                "---\ntitle: Bad\ndate: 2024-01-01\nsoruce: Wire\n---\nBody\n",
            )
        },
        &["content/bad.md:4:", "soruce", "did you mean `source`?"],
    );
}

#[test]
fn duplicate_slug_names_both_files() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/2024/good.md",
                "---\ntitle: Other\ndate: 2024-01-01\n---\nBody\n",
            );
        },
        &[
            "duplicate slug `good`",
            "content/good.md",
            "content/2024/good.md",
        ],
    );
}

#[test]
fn non_utf8_file() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/latin.md",
                b"---\ntitle: Caf\xe9\ndate: 2024-01-01\n---\n".as_slice(),
            )
        },
        &["content/latin.md:2:", "not UTF-8", "UTF-8"],
    );
}

#[test]
fn empty_file() {
    fails_keeping_output(
        |s| s.write("content/empty.md", ""),
        &["content/empty.md", "empty file"],
    );
}

#[test]
fn binary_file_in_content() {
    fails_keeping_output(
        |s| {
            s.write(
                "content/photo.jpg",
                [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F'],
            )
        },
        &["content/photo.jpg", "not an article", "static/"],
    );
}

#[test]
fn binary_file_named_like_an_article() {
    fails_keeping_output(
        |s| s.write("content/data.md", [0x7f, b'E', b'L', b'F', 0, 0, 1]),
        &["content/data.md", "binary file"],
    );
}

#[test]
fn txt_without_its_yaml() {
    fails_keeping_output(
        |s| s.write("content/wire.txt", "Headline\n\nBody text.\n"),
        &[
            "content/wire.txt",
            ".yaml file beside it",
            "content/wire.yaml",
        ],
    );
}

#[test]
fn output_folder_equal_to_site_root() {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    let assert = dossier()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path())
        .assert()
        .failure()
        .code(1);
    let err = stderr(&assert);
    assert!(err.contains("the site root"), "{err}");
    assert!(err.contains("help:"), "{err}");
    assert!(
        site.path().join("site.yaml").exists(),
        "the site was touched"
    );
    assert!(
        site.path().join("content/good.md").exists(),
        "the site was touched"
    );
}

#[test]
fn output_folder_inside_content() {
    let site = Site::new();
    site.write(
        "site.yaml",
        site.read("site.yaml") + "output_dir: content/out\n",
    );
    let err = stderr(&site.build().failure());
    assert!(err.contains("is inside content/"), "{err}");
    assert!(err.contains("site.yaml:12:13"), "{err}");
}

#[test]
fn every_problem_of_a_run_is_reported() {
    let err = fails_keeping_output(
        |s| {
            s.write(
                "content/a.md",
                "---\ntitle: A\ndate: 2024-13-01\n---\nBody\n",
            );
            s.write("content/b.md", "");
            s.write("content/c.txt", "Title\nBody\n");
        },
        &["content/a.md", "content/b.md", "content/c.txt"],
    );
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn check_reports_problems_and_writes_nothing() {
    let site = Site::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 2024-13-01\n---\nBody\n",
    );
    let assert = dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .assert()
        .failure()
        .code(1);
    assert!(stderr(&assert).contains("content/a.md:3:"));
    assert!(!site.path().join("public").exists());
}

#[test]
fn symlink_loop_does_not_hang() {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.path().join("content"),
        site.path().join("content/loop"),
    )
    .unwrap();
    let assert = site.build().success();
    let err = stderr(&assert);
    assert!(err.contains("loop"), "{err}");
    assert!(site.path().join("public/articles/good/index.html").exists());
}

#[test]
fn hidden_and_editor_files_are_ignored() {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    site.write("content/.good.md.swp", [0u8, 1, 2]);
    site.write("content/good.md~", "junk");
    site.write("content/#good.md#", "junk");
    site.write("content/.hidden/x.md", "junk");
    site.build().success();
}

#[test]
fn template_error_names_template_and_line() {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    site.build().success();
    let before = site.output();
    site.write("templates/article.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ article.title \n{% endblock content %}\n");
    let err = stderr(&site.build().failure().code(1));
    assert!(err.contains("templates/article.html:"), "{err}");
    assert!(err.contains("template error"), "{err}");
    assert_eq!(site.output(), before);
}

#[test]
fn missing_site_yaml_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let err = stderr(
        &dossier()
            .arg("build")
            .arg("--root")
            .arg(dir.path())
            .assert()
            .failure()
            .code(1),
    );
    assert!(err.contains("site.yaml"), "{err}");
    assert!(err.contains("dossier init"), "{err}");
}

#[test]
fn a_theme_copied_from_an_older_version_still_builds() {
    let site = Site::new();
    site.article("good", "Good", "2024-01-02", "Body.");
    // A disk theme with only the old templates: the rest come from the built-in theme.
    for name in ["base.html", "index.html", "article.html", "404.html"] {
        let builtin =
            std::fs::read_to_string(repo().join("themes/default/templates").join(name)).unwrap();
        site.write(&format!("themes/default/templates/{name}"), builtin);
    }
    site.write(
        "themes/default/templates/partials/article_item.html",
        "<li>{{ a.title }}</li>",
    );
    site.build().success();
    assert!(site.path().join("public/topics/tests/index.html").exists());
}
