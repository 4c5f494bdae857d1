//! site.yaml, front matter and the output folder as a careless user or an
//! attacker writes them: every problem is refused with its file:line:column,
//! all problems of a run come at once, and neither the previous output nor
//! any file of the site changes.

mod common;
use std::collections::BTreeMap;

use common::*;

/// Line numbers of the fixture's site.yaml (see `Site::new`): a key appended
/// to it is on line 12.
const APPENDED: usize = 12;

/// A built site that also holds a static file and template folders, the
/// inputs an output folder must never replace.
fn site_with_inputs() -> Site {
    let site = built_site();
    site.write("static/keep.txt", "the site's own file");
    site.write("themes/default/templates/.keep", "");
    site.write("templates/.keep", "");
    site.build().success();
    site
}

/// Every file under the site's folder but the output and its staging.
fn inputs(site: &Site) -> BTreeMap<String, Vec<u8>> {
    snapshot(site.path())
        .into_iter()
        .filter(|(path, _)| !path.starts_with("public/") && !path.starts_with(".public"))
        .collect()
}

/// Run `dossier ARGS --root SITE` twice on a spoilt site; each run must fail
/// with exit code 1 and every `expected` text, and change nothing.
fn refused(site: &Site, args: &[&str], expected: &[&str]) -> String {
    let output_before = site.output();
    let inputs_before = inputs(site);
    let mut err = String::new();
    for _ in 0..2 {
        let run = dossier()
            .args(args)
            .arg("--root")
            .arg(site.path())
            .current_dir(site.path())
            .assert();
        err = refused_with(run, expected);
        assert_eq!(site.output(), output_before, "the previous output changed");
        assert_eq!(inputs(site), inputs_before, "a file of the site changed");
    }
    err
}

fn append_setting(site: &Site, line: &str) {
    site.write("site.yaml", site.read("site.yaml") + line + "\n");
}

// Item 2: the output folder may not destroy the site's own files.

#[test]
fn output_flag_may_not_be_an_input_of_the_site() {
    let site = site_with_inputs();
    for (dir, what) in [
        ("themes", "is themes/, an input of the site"),
        ("static", "is static/, an input of the site"),
        ("templates", "is templates/, an input of the site"),
        ("content", "is content/, an input of the site"),
        ("site.yaml", "is site.yaml, an input of the site"),
        ("static/sub", "is inside static/"),
    ] {
        refused(
            &site,
            &["build", "-o", dir],
            &["`--output`", what, "--output public"],
        );
    }
}

#[test]
fn output_flag_resolves_dot_dot_and_links() {
    let site = site_with_inputs();
    // A folder that does not exist yet, then `..`: create_dir_all would make
    // `new` and land on static/.
    refused(&site, &["build", "-o", "new/../static"], &["is static/"]);
    refused(
        &site,
        &["build", "-o", "content/../themes"],
        &["is themes/"],
    );
    std::os::unix::fs::symlink(site.path().join("static"), site.path().join("link")).unwrap();
    refused(&site, &["build", "-o", "link"], &["is static/"]);
    refused(&site, &["build", "-o", "link/sub"], &["is inside static/"]);
    refused(&site, &["build", "-o", ".."], &["parent of the site root"]);
    refused(&site, &["build", "-o", "."], &["is the site root"]);
}

#[test]
fn output_flag_may_not_replace_a_file_or_someone_elses_folder() {
    let site = site_with_inputs();
    site.write("notes.txt", "mine");
    refused(
        &site,
        &["build", "-o", "notes.txt"],
        &["is a file, not a folder"],
    );
    // A checkout of a web host's repository: the second build would delete it.
    site.write("www/.git/HEAD", "ref: refs/heads/main");
    refused(
        &site,
        &["build", "-o", "www"],
        &["holds files that dossier did not write"],
    );
}

#[test]
fn output_dir_setting_names_its_line_and_column() {
    let site = site_with_inputs();
    append_setting(&site, "output_dir: site.yaml");
    let place = format!("site.yaml:{APPENDED}:13");
    refused(
        &site,
        &["build"],
        &[&place, "`output_dir`", "is site.yaml", "output_dir: public"],
    );
    // check finds what build would.
    refused(&site, &["check"], &[&place, "is site.yaml"]);
}

#[test]
fn output_dir_into_static_is_refused_by_build_and_check() {
    let site = site_with_inputs();
    append_setting(&site, "output_dir: static");
    let place = format!("site.yaml:{APPENDED}:13");
    refused(&site, &["build"], &[&place, "is static/"]);
    refused(&site, &["check"], &[&place, "is static/"]);
}

#[test]
fn a_new_or_empty_output_folder_is_fine() {
    let site = site_with_inputs();
    std::fs::create_dir_all(site.path().join("empty")).unwrap();
    for dir in ["empty", "fresh/site"] {
        dossier()
            .args(["build", "-q", "-o", dir, "--root"])
            .arg(site.path())
            .current_dir(site.path())
            .assert()
            .success();
        assert!(site.path().join(dir).join("index.html").exists());
    }
    // Built once, the folder is dossier's: the next build may replace it.
    dossier()
        .args(["build", "-q", "-o", "empty", "--root"])
        .arg(site.path())
        .current_dir(site.path())
        .assert()
        .success();
}

#[test]
fn print_output_may_not_land_in_the_site() {
    let site = site_with_inputs();
    refused(
        &site,
        &["print", "all", "-o", "site.yaml"],
        &["is site.yaml"],
    );
    refused(
        &site,
        &["print", "all", "-o", "content/digest.html"],
        &["is inside content/"],
    );
    // With --pdf the HTML goes beside the PDF: that one is checked too.
    refused(
        &site,
        &["print", "all", "--pdf", "-o", "static/keep.txt"],
        &["is inside static/"],
    );
}

// Item 7: base_url is a web address or a path, nothing a browser would run.

#[test]
fn base_url_with_a_script_is_refused_at_its_place() {
    let site = site_with_inputs();
    for (url, why) in [
        ("\"javascript:alert(1)//\"", "neither a web address"),
        ("\"data:text/html,<b>x</b>\"", "quotes, `<`"),
        ("//evil.example", "another site's address"),
        ("\"https://\"", "no host name"),
        ("\"https://x.example/?a=1\"", "no query"),
    ] {
        let yaml = site.read("site.yaml").replace(
            "base_url: https://test.example",
            &format!("base_url: {url}"),
        );
        site.write("site.yaml", &yaml);
        refused(&site, &["build"], &["site.yaml:2:11", "`base_url`", why]);
        refused(&site, &["check"], &["site.yaml:2:11", why]);
        let yaml = yaml.replace(
            &format!("base_url: {url}"),
            "base_url: https://test.example",
        );
        site.write("site.yaml", yaml);
    }
}

#[test]
fn base_url_flag_with_a_script_is_refused() {
    let site = site_with_inputs();
    refused(
        &site,
        &["build", "--base-url", "javascript:alert(1)//"],
        &[
            "`--base-url javascript:alert(1)//`",
            "neither a web address",
        ],
    );
}

#[test]
fn base_url_may_be_a_path() {
    let site = site_with_inputs();
    let yaml = site
        .read("site.yaml")
        .replace("base_url: https://test.example", "base_url: /briefing");
    site.write("site.yaml", yaml);
    site.build().success();
    let index = site.read("public/index.html");
    assert!(index.contains("href=\"/briefing/"), "{index}");
    assert!(!index.contains("javascript:"));
}

// Item 10: every problem, at its place, in one run.

#[test]
fn every_problem_of_site_yaml_and_content_in_one_run() {
    let site = site_with_inputs();
    site.write(
        "site.yaml",
        "title: T\ntimezone: Europe/Pari\nthem: x\ndigest:\n  page_size: many\nprint:\n  paper: A5\n",
    );
    site.write(
        "content/bad.md",
        "---\ntitle: B\ndate: 2024-13-01\n---\nBody\n",
    );
    let expected = [
        "site.yaml:2:11",
        "unknown timezone `Europe/Pari`",
        "did you mean `timezone: Europe/Paris`?",
        "site.yaml:3:1",
        "unknown field `them`",
        "did you mean `theme`?",
        "site.yaml:5:14",
        "`page_size` must be a whole number",
        "site.yaml:7:10",
        "`paper` cannot be `A5`",
        "content/bad.md:3:7",
        "no month 13",
        "5 errors",
    ];
    refused(&site, &["build"], &expected);
    let err = refused(&site, &["check"], &expected[..expected.len() - 1]);
    assert!(err.contains("check found 5 errors"), "{err}");
}

#[test]
fn every_front_matter_problem_of_an_article_at_once() {
    let site = site_with_inputs();
    site.write(
        "content/bad.md",
        "---\ntitle: [a list]\ndate: 2024-02-30\nsoruce: Wire\ndraft: maybe\nurl: ftp://x\ntopics: syria\n---\nBody\n",
    );
    refused(
        &site,
        &["build"],
        &[
            "content/bad.md:2:8",
            "`title` must be text",
            "content/bad.md:3:7",
            "no day 30",
            "content/bad.md:4:1",
            "did you mean `source`?",
            "content/bad.md:5:8",
            "`draft` must be true or false",
            "content/bad.md:6:6",
            "not a web address",
            "content/bad.md:7:9",
            "`topics` must be a list",
            "6 errors",
        ],
    );
}

#[test]
fn front_matter_of_a_txt_article_has_its_places_too() {
    let site = site_with_inputs();
    site.write("content/wire.txt", "Headline\n\nBody.\n");
    site.write("content/wire.yaml", "date: 2024-01-01\nslug: Not A Slug\n");
    refused(
        &site,
        &["build"],
        &["content/wire.yaml:2:7", "not a valid slug", "not-a-slug"],
    );
}

#[test]
fn duplicate_keys_are_errors() {
    let site = site_with_inputs();
    append_setting(&site, "title: Again");
    refused(
        &site,
        &["build"],
        &[
            &format!("site.yaml:{APPENDED}:1"),
            "`title` is given twice",
            "first on line 1",
        ],
    );
    let yaml = site.read("site.yaml").replace("title: Again\n", "");
    site.write(
        "site.yaml",
        yaml.replace(
            "topics:\n",
            "  ann-vale:\n    name: Someone Else\ntopics:\n",
        ),
    );
    refused(
        &site,
        &["check"],
        &[
            "site.yaml:8:3",
            "`ann-vale` is given twice",
            "first on line 4",
        ],
    );
    site.write("site.yaml", yaml);
    site.write(
        "content/dup.md",
        "---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\nBody\n",
    );
    refused(
        &site,
        &["build"],
        &["content/dup.md:4:1", "`title` is given twice"],
    );
}

#[test]
fn byte_order_mark_in_site_yaml_is_fine() {
    let site = site_with_inputs();
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("\u{feff}{yaml}"));
    site.build().success();
    dossier()
        .args(["check", "--root"])
        .arg(site.path())
        .assert()
        .success();
}

#[test]
fn two_documents_in_site_yaml_name_the_second() {
    let site = site_with_inputs();
    append_setting(&site, "---\ntitle: Other");
    refused(
        &site,
        &["build"],
        &[&format!("site.yaml:{APPENDED}:1"), "second YAML document"],
    );
}

#[test]
fn empty_slug_is_blamed_on_the_slug_line() {
    let site = site_with_inputs();
    site.write(
        "content/bad.md",
        "---\ntitle: B\ndate: 2024-01-01\nslug: \"\"\n---\nBody\n",
    );
    let err = refused(
        &site,
        &["build"],
        &["content/bad.md:4:7", "`slug` is empty"],
    );
    assert!(
        !err.contains("cannot make a slug from this file name"),
        "{err}"
    );
}

#[test]
fn registry_problems_have_line_and_column() {
    let site = site_with_inputs();
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        yaml.replace(
            "topics:\n",
            "  Bad Id:\n    name: X\n  no-name:\n    role: Y\ntopics:\n",
        ),
    );
    refused(
        &site,
        &["build"],
        &[
            "site.yaml:8:3",
            "`Bad Id` cannot be an id",
            "bad-id",
            "site.yaml:10:3",
            "actor `no-name` has no `name`",
        ],
    );
}

#[test]
fn unknown_theme_and_a_theme_path_have_line_and_column() {
    let site = site_with_inputs();
    append_setting(&site, "theme: fancy");
    let place = format!("site.yaml:{APPENDED}:8");
    refused(&site, &["build"], &[&place, "theme `fancy` not found"]);
    refused(&site, &["check"], &[&place, "theme `fancy` not found"]);
    let yaml = site
        .read("site.yaml")
        .replace("theme: fancy", "theme: ../../etc");
    site.write("site.yaml", yaml);
    refused(&site, &["build"], &[&place, "not the name of a folder"]);
}

#[test]
fn settings_of_the_wrong_shape() {
    let site = site_with_inputs();
    site.write("site.yaml", "- a list\n");
    refused(
        &site,
        &["build"],
        &["site.yaml:1:1", "must be a mapping", "`title` is missing"],
    );
    site.write("site.yaml", "");
    refused(&site, &["build"], &["site.yaml:1:1", "site.yaml is empty"]);
}

#[test]
fn hostile_yaml_is_refused_quickly() {
    let site = site_with_inputs();
    let mut bomb =
        String::from("title: T\nimport:\n  furniture: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        let items = vec![format!("*{prev}"); 10].join(", ");
        bomb.push_str(&format!("description: &l{i} [{items}]\n"));
    }
    site.write("site.yaml", &bomb);
    let started = std::time::Instant::now();
    refused(&site, &["build"], &["site.yaml:", "YAML aliases"]);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
    let deep = format!(
        "title: T\n{}",
        (0..200)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect::<String>()
    );
    site.write("site.yaml", deep);
    refused(&site, &["build"], &["site.yaml:", "nested more than"]);
}

#[test]
fn site_language_must_be_a_language_tag() {
    let site = site_with_inputs();
    append_setting(&site, "language: 'en\" onload=\"alert(1)'");
    let place = format!("site.yaml:{APPENDED}:11");
    refused(
        &site,
        &["build"],
        &[&place, "`language`", "is not a language tag", "`pt-BR`"],
    );
    refused(&site, &["check"], &[&place, "is not a language tag"]);
}
