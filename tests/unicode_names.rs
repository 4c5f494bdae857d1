//! One slug rule for the whole program: article files, actors, topics and sources named in
//! Cyrillic, Greek, CJK and accented Latin build, link (the link checker finds every link
//! between them), import to the name the build then accepts, and are served at their
//! percent-encoded addresses.

mod serve_support;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// What a path segment keeps unencoded (RFC 3986's unreserved characters).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
use serve_support::{Server, write};

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("site.yaml"),
        "title: Многоязычный брифинг\nbase_url: https://test.example\nactors:\n  сергей-лавров:\n    name: Сергей Лавров\n    aliases: [Лавров]\n  αλέξης-τσίπρας:\n    name: Αλέξης Τσίπρας\n  岸田文雄:\n    name: 岸田文雄\n  jean-luc-melenchon:\n    name: Jean-Luc Mélenchon\n    aliases: [Mélenchon]\ntopics:\n  сирия:\n    title: Сирия\n    keywords: [Сирия, Сирии]\n  東京:\n    title: 東京\n    keywords: [東京]\n",
    );
    let article = |name: &str, title: &str, source: &str, body: &str| {
        write(
            &root.join("content").join(name),
            &format!("---\ntitle: {title}\ndate: 2016-02-21\nsource: {source}\n---\n{body}\n"),
        );
    };
    article(
        "лавров-и-керри.md",
        "Лавров и Керри обсудили Сирию",
        "Ведомости",
        "«Мы договорились продолжить работу», — заявил Сергей Лавров.\n\nСм. также [Афины](/articles/αθήνα-σύνοδος/) и [Токио](/articles/東京会議/).",
    );
    article(
        "αθήνα-σύνοδος.md",
        "Σύνοδος στην Αθήνα",
        "Καθημερινή",
        "Ο Αλέξης Τσίπρας μίλησε στη σύνοδο.\n\n[Лавров](/articles/лавров-и-керри/), [Mélenchon](/articles/melenchon-a-paris/).",
    );
    article(
        "東京会議.md",
        "東京で会議",
        "朝日新聞",
        "岸田文雄首相は東京で「交渉の準備はできている」と述べた。",
    );
    article(
        "Mélenchon à Paris.md",
        "Mélenchon à Paris",
        "Le Monde",
        "Jean-Luc Mélenchon a parlé à Paris. [Лавров](/articles/лавров-и-керри/)",
    );
    dir
}

fn encoded(path: &str) -> String {
    path.split('/')
        .map(|part| utf8_percent_encode(part, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn names_of_every_script_build_link_and_serve() {
    let dir = site();
    let root = dir.path();
    let dossier = || assert_cmd::Command::cargo_bin("dossier").unwrap();
    dossier()
        .arg("build")
        .arg("--root")
        .arg(root)
        .assert()
        .success();
    // The link checker finds every page the links point at.
    let check = dossier()
        .arg("check")
        .arg("--root")
        .arg(root)
        .assert()
        .success();
    let said = String::from_utf8_lossy(&check.get_output().stderr).into_owned();
    assert!(!said.contains("broken link"), "{said}");

    let pages = [
        "/articles/лавров-и-керри/",
        "/articles/αθήνα-σύνοδος/",
        "/articles/東京会議/",
        // accented Latin is folded, as in Hugo and Zola
        "/articles/melenchon-a-paris/",
        "/actors/сергей-лавров/",
        "/actors/αλέξης-τσίπρας/",
        "/actors/岸田文雄/",
        "/actors/jean-luc-melenchon/",
        "/topics/сирия/",
        "/topics/東京/",
        "/sources/ведомости/",
        "/sources/καθημερινή/",
        "/sources/朝日新聞/",
    ];
    for page in pages {
        let file = root
            .join("public")
            .join(page.trim_matches('/'))
            .join("index.html");
        assert!(file.exists(), "{} was not written", file.display());
    }
    let greek =
        std::fs::read_to_string(root.join("public/articles/αθήνα-σύνοδος/index.html")).unwrap();
    // the Markdown link, percent-encoded as links are
    assert!(
        greek.contains(&format!(
            "href=\"{}\"",
            encoded("/articles/лавров-и-керри/")
        )),
        "{greek}"
    );

    let server = Server::start(root);
    for page in pages {
        let r = server.get(&encoded(page));
        assert_eq!(r.status, 200, "{page} ({})", encoded(page));
    }
    let r = server.get(&encoded("/articles/лавров-и-керри/"));
    assert!(r.text().contains("Лавров и Керри обсудили Сирию"));
}

#[test]
fn an_imported_russian_text_is_named_so_that_the_build_accepts_it() {
    let dir = site();
    let root = dir.path();
    let pasted = root.join("pasted.txt");
    write(
        &pasted,
        "Лавров и Керри обсудили Сирию по телефону\n\nМосква, 21 февраля 2016 года.\n\nМинистр иностранных дел России Сергей Лавров обсудил с Джоном Керри ситуацию в Сирии.\n",
    );
    assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .args([
            "import",
            "--source",
            "ТАСС",
            "--date",
            "2016-02-21",
            "--root",
        ])
        .arg(root)
        .arg(&pasted)
        .assert()
        .success();
    assert!(
        root.join("content/лавров-и-керри-обсудили-сирию-по-телефону.md")
            .exists()
    );
    assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .arg("build")
        .arg("--root")
        .arg(root)
        .assert()
        .success();
    assert!(
        root.join("public/articles/лавров-и-керри-обсудили-сирию-по-телефону/index.html")
            .exists()
    );
}
