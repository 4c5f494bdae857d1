//! Atom feeds (RFC 4287): the site's newest articles at `/atom.xml`, and one
//! feed per topic, actor and outlet beside its digest page. Each entry names
//! the outlet as its author. Feeds hold the newest [`ENTRIES`] articles.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rayon::prelude::*;

use super::Out;
use super::xml::{element, escape_into};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::routes;
use crate::site::{Article, ArticleIdx, Site};

/// Entries per feed, newest first.
pub const ENTRIES: usize = 50;

/// One feed: where it goes, which page it accompanies, and its articles
/// (newest first; only the first [`ENTRIES`] are written).
struct Feed<'a> {
    /// The feed's folder (`""`, `topics/syria/`), relative to the output.
    dir: String,
    title: String,
    articles: &'a [ArticleIdx],
}

impl Feed<'_> {
    fn path(&self) -> String {
        routes::feed(&self.dir)
    }
}

fn all<'a>(config: &Config, site: &'a Site, everything: &'a [ArticleIdx]) -> Vec<Feed<'a>> {
    let site_title = &config.site.title;
    let mut feeds = vec![Feed {
        dir: String::new(),
        title: site_title.clone(),
        articles: everything,
    }];
    feeds.extend(site.topics.iter().map(|t| Feed {
        dir: routes::topic(&t.id),
        title: format!("{} · {site_title}", t.title),
        articles: &t.articles,
    }));
    feeds.extend(site.actors.iter().map(|a| Feed {
        dir: routes::actor(&a.id),
        title: format!("{} · {site_title}", a.name),
        articles: &a.articles,
    }));
    feeds.extend(site.sources.iter().map(|s| Feed {
        dir: routes::source(&s.id),
        title: format!("{} · {site_title}", s.name),
        articles: &s.articles,
    }));
    feeds
}

/// Every feed into `out`. With the cache (`cached`), each feed's
/// fingerprint is returned, and a feed whose fingerprint is the one in
/// `last` (the live output's feeds) is kept from the live output instead of
/// being made again.
pub fn write(
    config: &Config,
    site: &Site,
    out: Out,
    cached: bool,
    last: Option<&HashMap<String, u64>>,
) -> Result<HashMap<String, u64>, Diagnostics> {
    let everything: Vec<ArticleIdx> = site.articles.keys().take(ENTRIES).collect();
    let feeds = all(config, site, &everything);
    let entries: Vec<u64> = match cached {
        true => site
            .articles
            .raw
            .par_iter()
            .map(|a| entry_key(site, a))
            .collect(),
        false => Vec::new(),
    };
    let results: Vec<Result<(String, u64), Diagnostic>> = feeds
        .par_iter()
        .map(|feed| {
            let path = feed.path();
            let fingerprint = if cached {
                fingerprint(feed, &entries)
            } else {
                0
            };
            let same = last.is_some_and(|l| l.get(&path) == Some(&fingerprint));
            if !(same && out.keep(&path)) {
                out.write(&path, render(config, site, feed).as_bytes())?;
            }
            Ok((path, fingerprint))
        })
        .collect();
    let mut made = HashMap::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok((path, fingerprint)) => {
                made.insert(path, fingerprint);
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(made)
    } else {
        Err(errors.into())
    }
}

/// What a feed is made of besides site.yaml (in the cache's setup key): its
/// folder, title and entries.
fn fingerprint(feed: &Feed, entries: &[u64]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    (&feed.dir, &feed.title).hash(&mut h);
    for &a in &feed.articles[..feed.articles.len().min(ENTRIES)] {
        entries[usize::from(a)].hash(&mut h);
    }
    h.finish()
}

/// What a feed entry shows of an article (see [`render`]).
fn entry_key(site: &Site, article: &Article) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::default();
    (
        &article.slug,
        &article.title,
        &article.url,
        &article.summary,
    )
        .hash(&mut h);
    // A date's hash leaves out its offset, which the feed shows.
    for d in std::iter::once(article.date).chain(article.updated) {
        (
            d.timestamp(),
            d.timestamp_subsec_nanos(),
            d.offset().local_minus_utc(),
        )
            .hash(&mut h);
    }
    article.updated.is_some().hash(&mut h);
    article.source.map(|s| &site.sources[s].name).hash(&mut h);
    for &t in &article.topics {
        (&site.topics[t].id, &site.topics[t].title).hash(&mut h);
    }
    h.finish()
}

/// An Atom id must be an absolute IRI: the permalink when `base_url` is a
/// full address, else a URN made of the path.
fn iri(config: &Config, path: &str) -> String {
    let permalink = config.permalink(path);
    if permalink.contains("://") {
        permalink
    } else {
        format!("urn:dossier:{}", permalink.trim_start_matches('/'))
    }
}

fn timestamp(d: &DateTime<FixedOffset>) -> String {
    d.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn render(config: &Config, site: &Site, feed: &Feed) -> String {
    let entries = &feed.articles[..feed.articles.len().min(ENTRIES)];
    let mut xml = String::with_capacity(1024 + entries.len() * 900);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    if !config.site.language.is_empty() {
        xml.push_str(" xml:lang=\"");
        escape_into(&mut xml, &config.site.language);
        xml.push('"');
    }
    xml.push_str(">\n");
    element(&mut xml, "  ", "title", &feed.title);
    if !config.site.description.is_empty() {
        element(&mut xml, "  ", "subtitle", &config.site.description);
    }
    let feed_path = feed.path();
    element(&mut xml, "  ", "id", &iri(config, &feed_path));
    link(
        &mut xml,
        "  ",
        "self",
        "application/atom+xml",
        &config.permalink(&feed_path),
    );
    link(
        &mut xml,
        "  ",
        "alternate",
        "text/html",
        &config.permalink(&feed.dir),
    );
    // The newest change among the entries; a fixed date for an empty feed,
    // so that the same content always gives the same file.
    let updated = entries
        .iter()
        .map(|&a| {
            let article = &site.articles[a];
            article.updated.unwrap_or(article.date).max(article.date)
        })
        .max();
    element(
        &mut xml,
        "  ",
        "updated",
        &updated.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| timestamp(&d)),
    );
    // Every entry has an author, but a feed without one at its top level is
    // still invalid to some readers when it has no entries.
    xml.push_str("  <author><name>");
    escape_into(&mut xml, &config.site.title);
    xml.push_str("</name></author>\n");
    xml.push_str("  <generator>dossier</generator>\n");
    for &a in entries {
        let article = &site.articles[a];
        let path = routes::article(&article.slug);
        xml.push_str("  <entry>\n");
        element(&mut xml, "    ", "title", &article.title);
        link(
            &mut xml,
            "    ",
            "alternate",
            "text/html",
            &config.permalink(&path),
        );
        if let Some(original) = &article.url {
            link(&mut xml, "    ", "related", "text/html", original);
        }
        element(&mut xml, "    ", "id", &iri(config, &path));
        element(&mut xml, "    ", "published", &timestamp(&article.date));
        element(
            &mut xml,
            "    ",
            "updated",
            &timestamp(&article.updated.unwrap_or(article.date).max(article.date)),
        );
        xml.push_str("    <author><name>");
        match article.source {
            Some(s) => escape_into(&mut xml, &site.sources[s].name),
            None => escape_into(&mut xml, &config.site.title),
        }
        xml.push_str("</name></author>\n");
        for &t in &article.topics {
            let topic = &site.topics[t];
            xml.push_str("    <category term=\"");
            escape_into(&mut xml, &topic.id);
            xml.push_str("\" label=\"");
            escape_into(&mut xml, &topic.title);
            xml.push_str("\"/>\n");
        }
        element(&mut xml, "    ", "summary", &article.summary);
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

fn link(xml: &mut String, indent: &str, rel: &str, kind: &str, href: &str) {
    xml.push_str(indent);
    xml.push_str("<link rel=\"");
    xml.push_str(rel);
    xml.push_str("\" type=\"");
    xml.push_str(kind);
    xml.push_str("\" href=\"");
    escape_into(xml, href);
    xml.push_str("\"/>\n");
}
