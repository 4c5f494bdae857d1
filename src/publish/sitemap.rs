//! `sitemap.xml` (sitemaps.org 0.9) with every page, and `robots.txt`
//! pointing to it. Past [`MAX_URLS`] pages the sitemap is split into
//! `sitemap-1.xml`, `sitemap-2.xml`, ... and `sitemap.xml` is their index.

use chrono::{DateTime, FixedOffset};

use super::Out;
use super::xml::escape_into;
use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::render::Renderer;
use crate::site::routes::Page;
use crate::site::{ArticleIdx, Site};

pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// The most URLs one sitemap file may hold.
pub const MAX_URLS: usize = 50_000;

const XMLNS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// A page's full URL and when it last changed, where that is known.
pub struct Entry {
    pub loc: String,
    pub lastmod: Option<DateTime<FixedOffset>>,
}

/// Every page worth indexing: all but the 404 and search pages.
pub fn entries(config: &Config, site: &Site, renderer: &Renderer) -> Vec<Entry> {
    let newest = |articles: &[ArticleIdx]| articles.first().map(|&a| changed(site, a));
    renderer
        .pages(site)
        .into_iter()
        .filter(|page| page.in_sitemap())
        .map(|page| {
            let lastmod = match page {
                Page::Home => site.articles.first_key().map(|a| changed(site, a)),
                Page::Article(a) => Some(changed(site, a)),
                Page::Topic(i, 1) => newest(&site.topics[i].articles),
                Page::Actor(i, 1) => newest(&site.actors[i].articles),
                Page::Source(i, 1) => newest(&site.sources[i].articles),
                _ => None,
            };
            Entry {
                loc: config.permalink(&page.url_path(site)),
                lastmod,
            }
        })
        .collect()
}

fn changed(site: &Site, a: ArticleIdx) -> DateTime<FixedOffset> {
    let article = &site.articles[a];
    article.updated.unwrap_or(article.date).max(article.date)
}

pub fn write(
    config: &Config,
    site: &Site,
    renderer: &Renderer,
    out: Out,
) -> Result<(), Diagnostics> {
    let entries = entries(config, site, renderer);
    let mut errors = Vec::new();
    for (path, xml) in files(config, &entries, MAX_URLS) {
        if let Err(e) = out.write(&path, xml.as_bytes()) {
            errors.push(e);
        }
    }
    if let Err(e) = out.write(ROBOTS, robots(config).as_bytes()) {
        errors.push(e);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into())
    }
}

pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.permalink(SITEMAP)
    )
}

/// The sitemap files: one `sitemap.xml` when the pages fit in one, else
/// numbered sitemaps of at most `max` URLs and `sitemap.xml` as their index.
pub fn files(config: &Config, entries: &[Entry], max: usize) -> Vec<(String, String)> {
    let max = max.max(1);
    if entries.len() <= max {
        return vec![(SITEMAP.to_string(), urlset(entries))];
    }
    let mut files: Vec<(String, String)> = entries
        .chunks(max)
        .enumerate()
        .map(|(n, chunk)| (format!("sitemap-{}.xml", n + 1), urlset(chunk)))
        .collect();
    let mut index =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"{XMLNS}\">\n");
    for (path, _) in &files {
        index.push_str("  <sitemap><loc>");
        escape_into(&mut index, &config.permalink(path));
        index.push_str("</loc></sitemap>\n");
    }
    index.push_str("</sitemapindex>\n");
    files.push((SITEMAP.to_string(), index));
    files
}

fn urlset(entries: &[Entry]) -> String {
    let mut xml = String::with_capacity(128 + entries.len() * 110);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"");
    xml.push_str(XMLNS);
    xml.push_str("\">\n");
    for entry in entries {
        xml.push_str("  <url><loc>");
        escape_into(&mut xml, &entry.loc);
        xml.push_str("</loc>");
        if let Some(d) = entry.lastmod {
            xml.push_str("<lastmod>");
            xml.push_str(&d.format("%Y-%m-%d").to_string());
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_past_the_limit() {
        let config = Config::parse(
            std::path::Path::new("site.yaml"),
            "title: T\nbase_url: https://x.org/b\n",
        )
        .unwrap();
        let entries: Vec<Entry> = (0..5)
            .map(|i| Entry {
                loc: config.permalink(&format!("articles/a{i}/")),
                lastmod: None,
            })
            .collect();
        let one = files(&config, &entries, 5);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].1.matches("<url>").count(), 5);
        let split = files(&config, &entries, 2);
        let names: Vec<&str> = split.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let index = &split[3].1;
        assert!(index.contains("<sitemapindex"), "{index}");
        assert!(
            index.contains("<loc>https://x.org/b/sitemap-3.xml</loc>"),
            "{index}"
        );
        assert_eq!(split[2].1.matches("<url>").count(), 1);
        assert_eq!(
            robots(&config),
            "User-agent: *\nAllow: /\n\nSitemap: https://x.org/b/sitemap.xml\n"
        );
    }
}
