//! The runner, on a small corpus, against stub `dossier` and `hugo` commands.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).unwrap();
    p
}

/// A stand-in for `dossier build --root DIR --timings -q`: logs its
/// arguments, writes three output files, reports stage times.
const DOSSIER_STUB: &str = r#"
echo "dossier $*" >> "$LOG"
[ "$1" = build ] && [ "$2" = --root ] || { echo "bad args: $*" >&2; exit 64; }
test -f "$3/site.yaml" || { echo "no site.yaml in $3" >&2; exit 65; }
n=$(find "$3/content" -name '*.md' -o -name '*.txt' | wc -l)
[ -e "$3/public" ] && echo "kept" >> "$LOG.outputs" || echo "clean" >> "$LOG.outputs"
ls "$3/.bench-set-aside" 2>/dev/null | wc -l | tr -d ' ' >> "$LOG.aside"
mkdir -p "$3/public/articles"
echo "<html>$n</html>" > "$3/public/index.html"
echo a > "$3/public/articles/a.html"
echo b > "$3/public/articles/b.html"
echo "timing load 12" >&2
echo "timing markdown 20.5" >&2
echo "timing total 40" >&2
"#;

const HUGO_STUB: &str = r#"
echo "hugo $*" >> "$LOG"
test -f config.toml || { echo "not a hugo site" >&2; exit 1; }
mkdir -p public && echo hi > public/index.html
"#;

fn bench() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier-bench"))
}

fn run_json(args: &[&str], log: &Path) -> (Option<i32>, Value, String) {
    let out = bench().args(args).env("LOG", log).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}); stderr:\n{stderr}"));
    (out.status.code(), json, stderr)
}

/// `run --json` on 50 articles with both stub tools, and `extra` options.
fn both_tools(runs: usize, d: &Path, h: &Path, work: &Path, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["run", "--sizes", "50", "--runs", &runs.to_string()]
        .iter()
        .map(|a| a.to_string())
        .collect();
    for (flag, path) in [("--dossier", d), ("--hugo-bin", h), ("--work", work)] {
        args.push(flag.to_string());
        args.push(path.display().to_string());
    }
    args.push("--hugo".to_string());
    args.extend(extra.iter().map(|a| a.to_string()));
    args.push("--json".to_string());
    args
}

#[test]
fn small_run_against_stubs() {
    let t = tempfile::tempdir().unwrap();
    let log = t.path().join("log");
    let d = script(t.path(), "dossier", DOSSIER_STUB);
    let h = script(t.path(), "hugo", HUGO_STUB);
    let work = t.path().join("work");
    let args = both_tools(2, &d, &h, &work, &[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, j, stderr) = run_json(&args, &log);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("articles"),
        "the table goes to stderr with --json"
    );
    let s = &j["sizes"][0];
    assert_eq!(s["articles"], 50);
    assert!(s["generate_s"].as_f64().is_some());
    assert!(s["corpus_files"].as_u64().unwrap() >= 50);
    let dz = &s["dossier"];
    assert_eq!(dz["ok"], true, "{dz}");
    assert_eq!(dz["runs"].as_array().unwrap().len(), 2);
    assert!(dz["median_wall_s"].as_f64().unwrap() > 0.0);
    assert!(dz["articles_per_s"].as_f64().unwrap() > 0.0);
    assert!(dz["median_peak_rss_bytes"].as_u64().unwrap() > 0);
    assert_eq!(dz["stages_ms"]["load"], 12.0);
    assert_eq!(dz["stages_ms"]["markdown"], 20.5);
    assert_eq!(dz["output_files"], 3);
    assert!(dz["output_bytes"].as_u64().unwrap() > 0);
    let hz = &s["hugo"];
    assert_eq!(hz["ok"], true, "{hz}");
    assert_eq!(hz["output_files"], 1);
    assert!(s["ratio_time"].as_f64().unwrap() > 0.0);
    assert!(s["ratio_memory"].as_f64().unwrap() > 0.0);

    // The cached builds, one edit before each, after the clean ones.
    let cz = &s["dossier_cached"];
    assert_eq!(cz["ok"], true, "{cz}");
    assert_eq!(cz["runs"].as_array().unwrap().len(), 2);
    assert_eq!(cz["tool"], "cached");
    // Then the same after a new quotation each run.
    let qz = &s["dossier_cached_quote"];
    assert_eq!(qz["ok"], true, "{qz}");
    assert_eq!(qz["runs"].as_array().unwrap().len(), 2);
    assert_eq!(qz["tool"], "cached+q");

    // The exact command, and the two tools alternating: d h, then h d; then
    // the cached builds (two after body edits, two after new quotations).
    let lines: Vec<String> = fs::read_to_string(&log)
        .unwrap()
        .lines()
        .filter(|l| !l.ends_with("version"))
        .map(String::from)
        .collect();
    assert_eq!(lines.len(), 8, "{lines:?}");
    assert!(lines[4..].iter().all(|l| *l == lines[0]), "{lines:?}");
    let corpus = work.join("corpus-50-seed42");
    assert_eq!(
        lines[0],
        format!("dossier build --root {} --timings -q", corpus.display())
    );
    assert_eq!(lines[1], "hugo --quiet");
    assert_eq!(lines[2], "hugo --quiet");
    assert!(lines[3].starts_with("dossier build"));
    // The edited article is put back as it was.
    let edited: Vec<_> = walk_md(&corpus.join("content"))
        .into_iter()
        .filter(|p| {
            let t = fs::read_to_string(p).unwrap();
            t.contains("of the benchmark") || t.contains("proposal number")
        })
        .collect();
    assert!(edited.is_empty(), "left edited: {edited:?}");
    // The stub saw 50 articles.
    let index = fs::read_to_string(corpus.join("public/index.html")).unwrap();
    assert_eq!(index.trim(), "<html>50</html>");

    // Each clean build found no output, the last ones having been set aside
    // (not deleted: deleting just before a timed run charges it for the
    // deletion), and nothing set aside is left once the run is over.
    let outputs = fs::read_to_string(log.with_extension("outputs")).unwrap();
    assert_eq!(
        outputs.lines().collect::<Vec<_>>(),
        ["clean", "clean", "kept", "kept", "kept", "kept"],
        "clean builds, then the cached ones into the last output"
    );
    let aside: Vec<usize> = fs::read_to_string(log.with_extension("aside"))
        .unwrap()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    assert!(
        aside[1] > aside[0],
        "the first output was set aside: {aside:?}"
    );
    assert!(!corpus.join(".bench-set-aside").exists());
    assert!(work.join("hugo-50-seed42/public").exists());
    assert!(!work.join("hugo-50-seed42/.bench-set-aside").exists());

    // A second run reuses the cached corpus.
    let (code, j, _) = run_json(&args, &log);
    assert_eq!(code, Some(0));
    assert!(j["sizes"][0]["generate_s"].is_null());
}

/// Stand-ins that write where `--output` / `--destination` say.
const DOSSIER_STUB_OUT: &str = r#"
echo "dossier $*" >> "$LOG"
out="$3/public"
while [ $# -gt 0 ]; do [ "$1" = --output ] && out="$2"; shift; done
mkdir -p "$out" && echo d > "$out/index.html"
"#;

const HUGO_STUB_OUT: &str = r#"
echo "hugo $*" >> "$LOG"
out=public
while [ $# -gt 0 ]; do [ "$1" = --destination ] && out="$2"; shift; done
mkdir -p "$out" && echo h > "$out/index.html" && echo h > "$out/2.html"
"#;

#[test]
fn out_root_puts_both_outputs_there() {
    let t = tempfile::tempdir().unwrap();
    let log = t.path().join("log");
    let d = script(t.path(), "dossier", DOSSIER_STUB_OUT);
    let h = script(t.path(), "hugo", HUGO_STUB_OUT);
    let work = t.path().join("work");
    let out = t.path().join("out");
    let args = both_tools(1, &d, &h, &work, &["--out-root", out.to_str().unwrap()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, j, stderr) = run_json(&args, &log);
    assert_eq!(code, Some(0), "{stderr}");
    let (d_out, h_out) = (out.join("dossier-50-seed42"), out.join("hugo-50-seed42"));
    let lines = fs::read_to_string(&log).unwrap();
    assert!(
        lines.contains(&format!("--output {} --timings -q", d_out.display())),
        "{lines}"
    );
    assert!(
        lines.contains(&format!("hugo --quiet --destination {}", h_out.display())),
        "{lines}"
    );
    assert_eq!(fs::read_to_string(d_out.join("index.html")).unwrap(), "d\n");
    assert!(h_out.join("2.html").is_file());
    assert!(!work.join("corpus-50-seed42/public").exists());
    // Sizes are read where the outputs are.
    assert_eq!(j["sizes"][0]["dossier"]["output_files"], 1);
    assert_eq!(j["sizes"][0]["hugo"]["output_files"], 2);
}

#[test]
fn a_failing_build_is_reported_and_the_run_goes_on() {
    let t = tempfile::tempdir().unwrap();
    let log = t.path().join("log");
    let d = script(
        t.path(),
        "dossier",
        "echo 'error: content/x.md: boom' >&2; exit 1",
    );
    let work = t.path().join("work");
    let (code, j, stderr) = run_json(
        &[
            "run",
            "--sizes",
            "20,30",
            "--runs",
            "1",
            "--dossier",
            d.to_str().unwrap(),
            "--no-hugo",
            "--work",
            work.to_str().unwrap(),
            "--json",
        ],
        &log,
    );
    assert_eq!(code, Some(2), "non-zero when a build failed");
    assert!(stderr.contains("boom"), "{stderr}");
    assert!(stderr.contains("FAILED"), "{stderr}");
    let sizes = j["sizes"].as_array().unwrap();
    assert_eq!(sizes.len(), 2, "both sizes were tried");
    for s in sizes {
        assert_eq!(s["dossier"]["ok"], false);
        assert!(s["dossier"]["error"].as_str().unwrap().contains("boom"));
        assert!(s["dossier"]["median_wall_s"].is_null());
        assert!(s["hugo"].is_null());
    }
}

#[test]
fn a_dossier_without_timings_is_timed_without_them() {
    let t = tempfile::tempdir().unwrap();
    let log = t.path().join("log");
    let d = script(
        t.path(),
        "dossier",
        r#"for a in "$@"; do [ "$a" = --timings ] && { echo "error: unexpected argument '--timings' found" >&2; exit 2; }; done
echo "dossier $*" >> "$LOG"; mkdir -p "$3/public"; echo x > "$3/public/index.html""#,
    );
    let work = t.path().join("work");
    let (code, j, stderr) = run_json(
        &[
            "run",
            "--sizes",
            "10",
            "--runs",
            "2",
            "--dossier",
            d.to_str().unwrap(),
            "--no-hugo",
            "--work",
            work.to_str().unwrap(),
            "--json",
        ],
        &log,
    );
    assert_eq!(code, Some(0), "{stderr}");
    let dz = &j["sizes"][0]["dossier"];
    assert_eq!(dz["ok"], true);
    assert_eq!(dz["runs"].as_array().unwrap().len(), 2);
    assert!(dz["stages_ms"].as_object().unwrap().is_empty());
    assert_eq!(dz["output_files"], 1);
}

#[test]
fn the_table_shows_every_figure() {
    let t = tempfile::tempdir().unwrap();
    let log = t.path().join("log");
    let d = script(t.path(), "dossier", DOSSIER_STUB);
    let work = t.path().join("work");
    let out = bench()
        .args([
            "run",
            "--sizes",
            "25",
            "--runs",
            "1",
            "--dossier",
            d.to_str().unwrap(),
            "--no-hugo",
            "--work",
            work.to_str().unwrap(),
        ])
        .env("LOG", &log)
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    for col in [
        "articles",
        "wall",
        "art/s",
        "peak RSS",
        "output",
        "load ms",
        "markdown ms",
        "total ms",
    ] {
        assert!(table.contains(col), "no {col} in\n{table}");
    }
    // Stages the stub does not report are not columns.
    assert!(!table.contains("render ms"), "{table}");
    let row = table
        .lines()
        .find(|l| l.trim_start().starts_with("25 "))
        .unwrap_or_else(|| panic!("no row for 25 articles in\n{table}"));
    assert!(row.contains(" dossier "), "{row}");
    assert!(row.contains(" 12 ") && row.contains(" 40"), "{row}");
}

/// Every Markdown file under `dir`.
fn walk_md(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk_md(&p));
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
    out
}
