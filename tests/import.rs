//! `dossier import` end to end: seeds in, content files out, nothing overwritten.

mod common;
use common::*;

fn seed(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures/seeds").join(name)
}

#[test]
fn dry_run_shows_clean_files_matching_the_example_site() {
    let site = Site::example();
    // The example site has these articles: without them, they are new.
    std::fs::remove_dir_all(site.path().join("content")).unwrap();
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    let assert = dossier()
        .args(["import", "--dry-run", "--root"])
        .arg(site.path())
        .arg(seed("001_c402f43847703fb2.txt"))
        .arg(seed("004_58b9108ddbc716e4.txt"))
        .assert()
        .success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        out.contains("title: \"Russia, U.S. discuss Syrian peaceful settlement issues\""),
        "{out}"
    );
    assert!(out.contains("date: 2016-02-21\n"), "{out}");
    assert!(out.contains("source: Xinhua\n"), "{out}");
    assert!(out.contains("date: 2015-12-15  # inferred"), "{out}");
    assert!(
        out.contains("source: The Straits Times  # inferred"),
        "{out}"
    );
    assert!(out.contains("dateline: MOSCOW (AFP)"), "{out}");
    assert!(out.contains("actors: ["), "registry actors detected: {out}");
    assert!(out.contains("sergei-lavrov"), "{out}");
    // The bodies: after each file's closing `---`, without the `# removed:` report.
    let bodies: String = out
        .split("==> ")
        .filter_map(|file| file.splitn(3, "---\n").nth(2))
        .flat_map(|body| body.lines().filter(|l| !l.starts_with('#')))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(bodies.contains("Lavrov"), "{bodies}");
    for furniture in [
        "Adjust font size",
        "Endit",
        "Join ST's Telegram",
        "PHOTO: AFP",
    ] {
        assert!(!bodies.contains(furniture), "{furniture} left in:\n{out}");
    }
    assert!(
        !site
            .path()
            .join("content/syria-talks-to-go-ahead-on-friday-in-new-york-lavrov-kerry.md")
            .exists(),
        "dry run wrote"
    );
}

#[test]
fn import_writes_never_overwrites_and_the_result_builds() {
    let site = Site::new();
    // The same headline on another day is another article; the same one again is skipped.
    for date in ["2016-02-21", "2016-02-22", "2016-02-22"] {
        dossier()
            .args(["import", "--date", date, "--root"])
            .arg(site.path())
            .arg(seed("001_c402f43847703fb2.txt"))
            .assert()
            .success();
    }
    let first = site.read("content/russia-us-discuss-syrian-peaceful-settlement-issues.md");
    let second = site.read("content/russia-us-discuss-syrian-peaceful-settlement-issues-2.md");
    assert!(first.contains("date: 2016-02-21\n"), "{first}");
    assert!(second.contains("date: 2016-02-22\n"), "{second}");
    assert!(
        !site
            .path()
            .join("content/russia-us-discuss-syrian-peaceful-settlement-issues-3.md")
            .exists()
    );
    // Two articles with one headline have two slugs, so the site builds.
    site.build().success();
    assert!(
        site.read(
            "public/articles/russia-us-discuss-syrian-peaceful-settlement-issues-2/index.html"
        )
        .contains("Xinhua")
    );
}

#[test]
fn empty_and_binary_inputs_are_refused_and_the_others_go_on() {
    let site = Site::new();
    site.write("empty.txt", "");
    site.write("photo.txt", [0u8, 159, 146, 150, 0, 1]);
    let assert = dossier()
        .args(["import", "--root"])
        .arg(site.path())
        .arg(site.path().join("empty.txt"))
        .arg(site.path().join("photo.txt"))
        .arg(seed("003_3078dc3f04c4738e.txt"))
        .args(["--date", "2015-12-15"])
        .assert()
        .failure()
        .code(1);
    let err = stderr(&assert);
    assert!(err.contains("empty.txt"), "{err}");
    assert!(err.contains("photo.txt"), "{err}");
    assert!(err.contains("2 of 3 articles"), "{err}");
    assert!(
        site.path()
            .join("content/kerry-lavrov-meet-with-syria-on-agenda.md")
            .exists()
    );
}

#[test]
fn reads_standard_input() {
    let site = Site::new();
    let text = std::fs::read_to_string(seed("001_c402f43847703fb2.txt")).unwrap();
    let assert = dossier()
        .args(["import", "-", "--dry-run", "--root"])
        .arg(site.path())
        .write_stdin(text)
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&assert.get_output().stdout).contains("source: Xinhua"));
}
