//! RSS and Atom feeds (and RSS 1.0, JSON Feed): their items, each with what the feed tells
//! of it and its text when the feed carries the whole article. Parsed by `feed-rs`, which
//! resolves relative links against the feed's address and `xml:base`, and decodes entities.

use chrono::NaiveDate;
use dom_query::Document;

use crate::html::{Block, PageMeta, blocks};

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The title, date, link and language the feed gives (the source is the feed's title).
    pub meta: PageMeta,
    /// The item's text: its content, else its summary, as blocks.
    pub blocks: Vec<Block>,
    /// Whether the text is the whole article (a content element, or a long description)
    /// rather than a summary, after which the linked page has the article.
    pub full_text: bool,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
}

/// Fewer words than this in an item is a summary, not the article.
const FULL_TEXT_WORDS: usize = 150;

/// Whether `bytes` look like a feed: an `<rss`, `<feed` or `<rdf:RDF` root near the start.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('<') {
        return false;
    }
    ["<rss", "<feed", "<rdf:rdf"].iter().any(|root| {
        head.find(root)
            .is_some_and(|at| !head[..at].contains("<html") && !head[..at].contains("<body"))
    })
}

/// Parse a feed. `base` is its address, for relative links.
pub fn parse_feed(bytes: &[u8], base: Option<&str>) -> Result<Feed, String> {
    let parsed = feed_rs::parser::Builder::new()
        .base_uri(base)
        .build()
        .parse(bytes)
        .map_err(|e| format!("this is not a readable RSS or Atom feed: {e}"))?;
    let source = parsed.title.as_ref().map(|t| t.content.trim().to_string());
    let language = parsed.language.clone();
    let items = parsed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone())
                .or_else(|| Some(entry.id.clone()).filter(|id| id.starts_with("http")));
            let content = entry.content.as_ref().and_then(|c| c.body.clone());
            let summary = entry.summary.as_ref().map(|s| s.content.clone());
            let text = content.clone().or(summary).unwrap_or_default();
            let blocks = blocks(&Document::from(text.as_str()));
            let words: usize = blocks
                .iter()
                .map(|b| b.text.split_whitespace().count())
                .sum();
            FeedItem {
                meta: PageMeta {
                    title: entry
                        .title
                        .map(|t| clean_text(&t.content))
                        .filter(|t| !t.is_empty()),
                    date: entry.published.or(entry.updated).map(|d| d.date_naive()),
                    source: source.clone().filter(|s| !s.is_empty()),
                    url: link,
                    language: entry.language.clone().or_else(|| language.clone()),
                },
                full_text: content.is_some_and(|c| !c.trim().is_empty())
                    || words >= FULL_TEXT_WORDS,
                blocks,
            }
        })
        .collect();
    Ok(Feed {
        title: source,
        items,
    })
}

/// A title as text: the inline markup some feeds put in titles dropped (`<em>`), white
/// space collapsed. A title is text by the specifications, so `<Geneva>` stays.
fn clean_text(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    let inline_tag = [
        "b", "i", "em", "strong", "span", "a", "br", "sup", "sub", "q", "cite",
    ]
    .iter()
    .any(|t| {
        [
            format!("<{t}>"),
            format!("<{t} "),
            format!("</{t}>"),
            format!("<{t}/>"),
        ]
        .iter()
        .any(|p| lower.contains(p.as_str()))
    });
    let text = if inline_tag {
        Document::from(s).text().to_string()
    } else {
        s.to_string()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The items published on or after `since` (items without a date are kept: nothing says
/// they are old), newest first as feeds list them, at most `limit`.
pub fn select_items(
    items: Vec<FeedItem>,
    since: Option<NaiveDate>,
    limit: Option<usize>,
) -> Vec<FeedItem> {
    items
        .into_iter()
        .filter(|i| match (since, i.meta.date) {
            (Some(s), Some(d)) => d >= s,
            _ => true,
        })
        .take(limit.unwrap_or(usize::MAX))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire &amp; Co</title><link>https://wire.example/</link>
<language>en-us</language>
<item><title>Talks resume in &lt;Geneva&gt;</title><link>/news/talks</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>Short &amp;amp; sweet summary.</description></item>
<item><title>Older item</title><link>https://wire.example/news/old</link>
<pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate><description>Old.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_with_relative_links_and_entities() {
        assert!(looks_like_feed(RSS.as_bytes()));
        assert!(!looks_like_feed(
            b"<!doctype html><html><body>rss</body></html>"
        ));
        let feed = parse_feed(RSS.as_bytes(), Some("https://wire.example/feed.xml")).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Example Wire & Co"));
        let first = &feed.items[0];
        assert_eq!(
            first.meta.title.as_deref(),
            Some("Talks resume in <Geneva>")
        );
        assert_eq!(
            first.meta.url.as_deref(),
            Some("https://wire.example/news/talks")
        );
        assert_eq!(first.meta.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert!(!first.full_text);
        assert_eq!(clean_text("A <em>big</em>  day"), "A big day");
        let since = select_items(
            feed.items.clone(),
            NaiveDate::from_ymd_opt(2024, 3, 2),
            None,
        );
        assert_eq!(since.len(), 1);
        assert_eq!(select_items(feed.items, None, Some(1)).len(), 1);
    }

    #[test]
    fn atom_content_is_full_text() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
<title>Example Blog</title><id>urn:x</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Post</title><id>urn:1</id><link href="one.html"/><updated>2024-03-05T00:00:00Z</updated>
<content type="html">&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content></entry></feed>"#;
        let feed = parse_feed(atom.as_bytes(), None).unwrap();
        let item = &feed.items[0];
        assert_eq!(
            item.meta.url.as_deref(),
            Some("https://blog.example/posts/one.html")
        );
        assert!(item.full_text);
        assert_eq!(item.blocks.len(), 2);
    }

    #[test]
    fn not_a_feed() {
        assert!(parse_feed(b"<rss><channel><item>", None).is_err());
    }
}
