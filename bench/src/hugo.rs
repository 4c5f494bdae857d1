//! The corpus as a plain Hugo site: every article a content page with
//! `title`, `date`, and the `topics` and `actors` taxonomies; a minimal
//! layout (baseof, single, list, taxonomy, term, home) that lists pages.
//! Hugo's defaults otherwise (RSS feeds, sitemap, Chroma highlighting).

use std::fs;
use std::path::Path;

use anyhow::Result;

use crate::corpus::{Article, World};
use crate::util::thousands;
use dossier_text::yaml;

const CONFIG: &str = r#"baseURL = "https://bench.example.org/"
languageCode = "en"
title = "TITLE"
disableHugoGeneratorInject = true

[taxonomies]
  topic = "topics"
  actor = "actors"
"#;

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#;

const SINGLE: &str = r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta">{{ .Date.Format "2006-01-02" }} · {{ .Params.source }} · <a href="{{ .Params.source_url }}">original</a></p>
{{ with .GetTerms "topics" }}<ul class="topics">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .GetTerms "actors" }}<ul class="actors">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}
</article>
{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ end }}
"#;

const TAXONOMY: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
"#;

const TERM: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> {{ .Params.source }}</li>
{{ end }}</ul>
{{ end }}
"#;

const HOME: &str = r#"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<h2>Latest</h2>
<ul>
{{ range first 50 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
<h2>Topics</h2>
<ul>
{{ range .Site.Taxonomies.topics.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
"#;

/// config.toml and the layouts.
pub fn write_skeleton(dir: &Path, world: &World) -> Result<()> {
    let title = format!(
        "Benchmark Briefing ({} articles)",
        thousands(world.articles as u64)
    );
    fs::write(dir.join("config.toml"), CONFIG.replace("TITLE", &title))?;
    let d = dir.join("layouts/_default");
    fs::create_dir_all(&d)?;
    fs::write(d.join("baseof.html"), BASEOF)?;
    fs::write(d.join("single.html"), SINGLE)?;
    fs::write(d.join("list.html"), LIST)?;
    fs::write(d.join("taxonomy.html"), TAXONOMY)?;
    fs::write(d.join("term.html"), TERM)?;
    fs::write(dir.join("layouts/index.html"), HOME)?;
    Ok(())
}

fn list(key: &str, items: &[String], out: &mut String) {
    out.push_str(key);
    out.push_str(": [");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&yaml::flow_item(it));
    }
    out.push_str("]\n");
}

/// One content page. Topics and actors are the ones the article is about
/// (what dossier detects from keywords and names), so both tools build the
/// same taxonomy.
pub fn write_article(dir: &Path, a: &Article, buf: &mut String) -> Result<()> {
    buf.clear();
    buf.push_str("---\ntitle: ");
    buf.push_str(&yaml::scalar(&a.title));
    buf.push_str("\ndate: ");
    buf.push_str(&a.date);
    buf.push_str("\nsource: ");
    buf.push_str(&yaml::scalar(a.source));
    // `url` would set the page's own URL in Hugo.
    buf.push_str("\nsource_url: ");
    buf.push_str(&a.url);
    buf.push('\n');
    list("topics", &a.topics, buf);
    list("actors", &a.actors, buf);
    if let Some(s) = &a.summary {
        buf.push_str("summary: ");
        buf.push_str(&yaml::scalar(s));
        buf.push('\n');
    }
    if a.draft {
        buf.push_str("draft: true\n");
    }
    buf.push_str("---\n");
    a.body_markdown(buf);
    let path = dir
        .join("content")
        .join(format!("{}", a.year))
        .join(format!("{:02}", a.month))
        .join(format!("{}.md", a.stem));
    fs::write(path, buf.as_bytes())?;
    Ok(())
}
