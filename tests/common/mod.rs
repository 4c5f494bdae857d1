//! Shared helpers for the integration tests: fixture sites in temp folders
//! and the `dossier` binary run on them.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn dossier() -> Command {
    Command::cargo_bin("dossier").expect("the dossier binary is built")
}

/// The repository root: the example site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Site {
    pub dir: tempfile::TempDir,
}

#[allow(clippy::new_without_default)]
impl Site {
    /// A minimal site with a registry and no articles.
    pub fn new() -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("a temp folder"),
        };
        site.write(
            "site.yaml",
            "title: Test Briefing\nbase_url: https://test.example\nactors:\n  ann-vale:\n    name: Ann Vale\n    aliases: [Vale]\n    role: Minister of Tests\ntopics:\n  tests:\n    title: Tests\n    keywords: [test]\n",
        );
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        site
    }

    /// A copy of the example site at the repository root.
    pub fn example() -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("a temp folder"),
        };
        copy_dir(&repo().join("content"), &site.path().join("content"));
        copy_dir(&repo().join("themes"), &site.path().join("themes"));
        std::fs::copy(repo().join("site.yaml"), site.path().join("site.yaml")).unwrap();
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn article(&self, name: &str, title: &str, date: &str, body: &str) {
        self.write(
            &format!("content/{name}.md"),
            format!("---\ntitle: {title}\ndate: {date}\nsource: Test Wire\n---\n{body}\n"),
        );
    }

    pub fn build(&self) -> assert_cmd::assert::Assert {
        dossier()
            .arg("build")
            .arg("--root")
            .arg(self.path())
            .assert()
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.path().join(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// Every file of the output, by relative path.
    pub fn output(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.path().join("public"))
    }
}

pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// What a command that must refuse a spoilt site printed: exit code 1, every
/// `expected` text, a `help:` line saying what would be right, and no panic.
/// Returns its standard error.
pub fn refused_with(assert: assert_cmd::assert::Assert, expected: &[&str]) -> String {
    let err = stderr(&assert.failure().code(1));
    assert!(!err.contains("panicked"), "panic: {err}");
    for needle in expected {
        assert!(err.contains(needle), "expected {needle:?} in:\n{err}");
    }
    assert!(err.contains("help:"), "no help in:\n{err}");
    err
}

/// A site with one good article, built, so that there is a previous output
/// to keep.
pub fn built_site() -> Site {
    let site = Site::new();
    site.article(
        "good",
        "A good article",
        "2024-01-02",
        "Ann Vale said \"this is a fine test of the system\".",
    );
    site.build().success();
    assert!(site.output().contains_key("articles/good/index.html"));
    site
}

/// Build a good site, break it with `spoil`: the build must be refused
/// (see [`refused_with`]) and leave the previous output exactly as it was,
/// with no staging folder behind.
pub fn fails_keeping_output(spoil: impl FnOnce(&Site), expected: &[&str]) -> String {
    let site = built_site();
    let before = site.output();
    spoil(&site);
    let err = refused_with(site.build(), expected);
    assert_eq!(site.output(), before, "the previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
    err
}

/// Chromium as dossier itself would find it (`DOSSIER_CHROMIUM`, else PATH), or a
/// visible skip; under CI=true its absence fails the test, since `.ci/run` installs it.
pub fn chromium_or_skip() -> Option<PathBuf> {
    match dossier::print::chromium::find(None) {
        Ok(path) => Some(path),
        Err(_) => missing("Chromium (apt-get install chromium)"),
    }
}

/// Chromium and `pdftotext`, or a visible skip (a failure under CI=true).
pub fn pdf_tools_or_skip() -> Option<PathBuf> {
    let browser = chromium_or_skip()?;
    match which::which("pdftotext") {
        Ok(_) => Some(browser),
        Err(_) => missing("pdftotext (apt-get install poppler-utils)"),
    }
}

fn missing<T>(what: &str) -> Option<T> {
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{what} is required under CI=true: .ci/run installs it");
    }
    eprintln!("SKIPPED: {what} not found");
    None
}
