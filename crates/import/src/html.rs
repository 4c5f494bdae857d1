//! A saved web page (or a fetched one) to an article: the metadata from the page's JSON-LD
//! (`NewsArticle` and its kin), then OpenGraph, then plain `<meta>` and `<link>` tags, in
//! that order; the article's text by `dom_smoothie`, a port of Mozilla's Readability, which
//! drops navigation, ads, related links and cookie banners; then the text heuristics of
//! [`crate::import_text`] over the paragraphs, for what furniture is left inside the
//! article and for a dateline.

use chrono::NaiveDate;
use dom_query::{Document, NodeRef};
use serde_json::Value;

use crate::{Field, How, ImportError, ImportOptions, Imported};

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    /// The outlet: the publisher, or the site's name.
    pub source: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// A language tag (`ru`, `en-GB`).
    pub language: Option<String>,
}

impl PageMeta {
    /// Each field of `self`, else of `other`.
    pub fn or(self, other: PageMeta) -> PageMeta {
        PageMeta {
            title: self.title.or(other.title),
            date: self.date.or(other.date),
            source: self.source.or(other.source),
            url: self.url.or(other.url),
            language: self.language.or(other.language),
        }
    }
}

/// A block of the article's text: a paragraph or a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub heading: bool,
}

/// Types of JSON-LD that describe the article itself (schema.org's `Article` and the
/// kinds news sites use), strongest first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "Article",
    "BlogPosting",
    "Report",
    "WebPage",
];

/// The most elements a page may have for the article search (a real news page has a few
/// thousand; the search is quadratic in the worst case).
const MAX_ELEMENTS: usize = 60_000;

/// Import a web page. `page_url` is where it came from (relative links and a missing
/// canonical address are resolved with it); `known` fills what the page's metadata lacks
/// (a feed item's title and date). The caller's flags win over the page's metadata, which
/// wins over what the text heuristics find.
pub fn import_html(
    html: &str,
    page_url: Option<&str>,
    known: &PageMeta,
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let doc = Document::from(html);
    let mut meta = page_meta(&doc).or(known.clone());
    let blocks = article_blocks(html, page_url, &mut meta)?;
    if meta.url.is_none() {
        meta.url = page_url.map(str::to_string);
    }
    import_blocks(&meta, &blocks, opts)
}

/// A page's bytes as text: UTF-8 (with or without a BOM) as it is; else the encoding its
/// `<meta charset>` names (`windows-1251`, `iso-8859-1`, `shift_jis`), else Windows-1252,
/// as browsers read a page that does not say.
pub fn decode_page(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let named = head.find("charset=").and_then(|at| {
        let rest = head[at + "charset=".len()..].trim_start_matches(['"', '\'']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    named
        .unwrap_or(encoding_rs::WINDOWS_1252)
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// The article's blocks found by readability; its title fills a missing one.
fn article_blocks(
    html: &str,
    page_url: Option<&str>,
    meta: &mut PageMeta,
) -> Result<Vec<Block>, ImportError> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let absolute = page_url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let page = without_ads_and_banners(html);
    let mut readability = dom_smoothie::Readability::new(page, absolute, Some(config))
        .map_err(|e| not_an_article(&e.to_string()))?;
    let article = readability
        .parse()
        .map_err(|e| not_an_article(&e.to_string()))?;
    if meta.title.is_none() && !article.title.trim().is_empty() {
        meta.title = Some(clean(&article.title));
    }
    Ok(blocks(&Document::from(article.content)))
}

/// The page without its ad slots and consent banners, which readability keeps when they
/// stand inside the article's container (its list of unlikely names misses `ad` alone,
/// `ad-leaderboard`, `cookie-consent`).
fn without_ads_and_banners(html: &str) -> String {
    let doc = Document::from(html);
    let furniture: Vec<NodeRef> = doc
        .select("[class], [id]")
        .nodes()
        .iter()
        .filter(|n| {
            // a page's or article's container names what the page has (`ads-enabled`),
            // and an ad slot or a banner holds a few sentences at most
            let container = n.node_name().is_some_and(|t| {
                matches!(
                    t.to_ascii_lowercase().as_str(),
                    "html" | "body" | "main" | "article"
                )
            });
            if container || n.text().len() > MAX_FURNITURE_TEXT {
                return false;
            }
            let names = [n.attr("class"), n.attr("id")];
            names
                .iter()
                .flatten()
                .flat_map(|v| {
                    v.split_whitespace()
                        .map(str::to_ascii_lowercase)
                        .collect::<Vec<_>>()
                })
                .any(|name| is_furniture_name(&name))
        })
        .cloned()
        .collect();
    if furniture.is_empty() {
        return html.to_string();
    }
    for node in furniture {
        node.remove_from_parent();
    }
    doc.html().to_string()
}

/// The most text an element removed as an ad slot or a banner may hold, in bytes.
const MAX_FURNITURE_TEXT: usize = 1500;

/// A class or id of an ad slot or a consent banner: `ad`, `ads`, `ad-slot`, `advert…`,
/// `…cookie…`, `…consent…`, `gdpr…`.
fn is_furniture_name(name: &str) -> bool {
    matches!(name, "ad" | "ads" | "adsbygoogle" | "dfp")
        || name.starts_with("ad-")
        || name.starts_with("ads-")
        || name.starts_with("advert")
        || name.contains("cookie")
        || name.contains("consent")
        || name.starts_with("gdpr")
}

fn not_an_article(why: &str) -> ImportError {
    ImportError::NotText {
        reason: format!(
            "no article text was found in this web page ({why}); save the article's own page, or copy its text into a .txt file"
        ),
    }
}

/// An article from its blocks and what is known of it (a page's metadata, or a feed
/// item's).
pub fn import_blocks(
    meta: &PageMeta,
    blocks: &[Block],
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let title = opts.title.clone().or_else(|| meta.title.clone());
    let mut text = String::new();
    if let Some(t) = &title {
        text.push_str(t);
        text.push_str("\n\n");
    }
    let mut rest = blocks.iter().peekable();
    // The page's own headline inside the article is the title again.
    while let (Some(t), Some(b)) = (&title, rest.peek()) {
        if !same_words(t, &b.text) {
            break;
        }
        rest.next();
    }
    for b in rest {
        text.push_str(&b.text);
        text.push_str("\n\n");
    }
    let mut inner = opts.clone();
    inner.title = title;
    if opts.url.is_none() {
        inner.url.clone_from(&meta.url);
    }
    let mut imported = crate::import_text(&text, &inner).map_err(|e| match e {
        ImportError::NoBody { .. } | ImportError::NoHeadline { .. } => {
            not_an_article("only a headline and page furniture are left")
        }
        e => e,
    })?;
    if opts.date.is_none()
        && let Some(date) = meta.date
    {
        imported.date = Some(Field::new(date, How::Read));
        imported.notes.retain(|n| !n.starts_with("no date"));
    }
    if opts.source.is_none()
        && let Some(source) = &meta.source
    {
        imported.source = Some(Field::new(source.clone(), How::Read));
    }
    if imported.source.is_none() {
        imported
            .notes
            .push("no source: the page names no publisher or site; pass --source".to_string());
    }
    // The page marks its headings: those are the subheadings, not short lines by guess.
    let headings: Vec<&str> = blocks
        .iter()
        .filter(|b| b.heading)
        .map(|b| b.text.as_str())
        .collect();
    imported.subheads = (0..imported.paragraphs.len())
        .filter(|&i| headings.contains(&imported.paragraphs[i].as_str()))
        .collect();
    imported.language.clone_from(&meta.language);
    if imported.language.is_none() {
        imported.notes.push(
            "no language: the page does not say its language; the site's is used (add `language:` if it differs)"
                .to_string(),
        );
    }
    Ok(imported)
}

/// Whether two texts have the same words (case, punctuation and spacing aside).
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

/// White space collapsed and trimmed; entities are already decoded by the parser.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: impl AsRef<str>) -> Option<String> {
    let s = clean(s.as_ref());
    (!s.is_empty()).then_some(s)
}

// ---------------------------------------------------------------------------
// Metadata

/// The page's metadata: JSON-LD first, then OpenGraph, then `<meta>`, `<link>` and `<html
/// lang>`.
pub fn page_meta(doc: &Document) -> PageMeta {
    json_ld(doc).or(open_graph(doc)).or(plain_meta(doc))
}

/// The article object of the page's JSON-LD scripts: the first of the strongest type.
fn json_ld(doc: &Document) -> PageMeta {
    let mut found: Vec<(usize, Value)> = Vec::new();
    for script in doc.select("script[type='application/ld+json']").iter() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue; // a broken script says nothing
        };
        collect_articles(&value, &mut found, 0);
    }
    found.sort_by_key(|(rank, _)| *rank);
    let Some((_, article)) = found.into_iter().next() else {
        return PageMeta::default();
    };
    PageMeta {
        title: string_of(&article["headline"]).or_else(|| string_of(&article["name"])),
        date: string_of(&article["datePublished"])
            .or_else(|| string_of(&article["dateCreated"]))
            .and_then(|d| parse_date(&d)),
        source: name_of(&article["publisher"]).or_else(|| name_of(&article["sourceOrganization"])),
        url: string_of(&article["url"])
            .or_else(|| string_of(&article["mainEntityOfPage"]["@id"]))
            .or_else(|| string_of(&article["mainEntityOfPage"]))
            .filter(|u| is_web_address(u)),
        language: string_of(&article["inLanguage"]).and_then(|l| language_tag(&l)),
    }
}

/// Every object of an article type in `value` (arrays, `@graph`), with its type's rank.
fn collect_articles(value: &Value, found: &mut Vec<(usize, Value)>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_articles(item, found, depth + 1);
            }
        }
        Value::Object(map) => {
            let types: Vec<&str> = match map.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if let Some(rank) = types
                .iter()
                .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
                .min()
            {
                found.push((rank, value.clone()));
            }
            if let Some(graph) = map.get("@graph") {
                collect_articles(graph, found, depth + 1);
            }
        }
        _ => {}
    }
}

/// A JSON-LD text value: a string, or the first of a list. Entities are decoded: a script's
/// text is not, by the HTML parser, and many sites escape their JSON-LD as HTML.
fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(decode_entities(s)),
        Value::Array(items) => items.iter().find_map(string_of),
        _ => None,
    }
}

/// The name of a JSON-LD person or organisation: an object's `name`, or a plain string.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Object(_) => string_of(&v["name"]),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// `<meta property="og:...">`.
fn open_graph(doc: &Document) -> PageMeta {
    PageMeta {
        title: meta_content(doc, &["og:title"]),
        date: meta_content(
            doc,
            &["article:published_time", "og:article:published_time"],
        )
        .and_then(|d| parse_date(&d)),
        source: meta_content(doc, &["og:site_name"]),
        url: meta_content(doc, &["og:url"]).filter(|u| is_web_address(u)),
        language: meta_content(doc, &["og:locale"]).and_then(|l| language_tag(&l)),
    }
}

/// Plain `<meta name>` tags, `<link rel=canonical>`, `<html lang>`.
fn plain_meta(doc: &Document) -> PageMeta {
    let canonical = doc
        .select("link[rel='canonical']")
        .attr("href")
        .and_then(|h| non_empty(&*h))
        .filter(|u| is_web_address(u));
    PageMeta {
        title: meta_content(doc, &["title", "dc.title", "twitter:title"]),
        date: meta_content(
            doc,
            &[
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "article.published",
                "parsely-pub-date",
                "sailthru.date",
            ],
        )
        .and_then(|d| parse_date(&d)),
        source: meta_content(doc, &["application-name", "publisher", "dc.publisher"]),
        url: canonical,
        language: doc
            .select("html")
            .attr("lang")
            .and_then(|l| language_tag(&l))
            .or_else(|| {
                meta_content(doc, &["content-language", "language", "dc.language"])
                    .and_then(|l| language_tag(&l))
            }),
    }
}

/// The `content` of the first `<meta>` whose `property`, `name` or `http-equiv` is one of
/// `keys` (case aside), in the order of `keys`.
fn meta_content(doc: &Document, keys: &[&str]) -> Option<String> {
    let metas = doc.select("meta");
    for key in keys {
        for m in metas.iter() {
            let named = ["property", "name", "http-equiv", "itemprop"]
                .iter()
                .filter_map(|a| m.attr(a))
                .any(|v| v.trim().eq_ignore_ascii_case(key));
            if named && let Some(content) = m.attr("content").and_then(|c| non_empty(&*c)) {
                return Some(content);
            }
        }
    }
    None
}

/// `&amp;`, `&quot;`, `&#39;`, `&#x2019;` and the like decoded; anything else kept.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_web_address(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The date of an ISO 8601 or RFC 2822 date or date-time, as written (the publisher's own
/// day, not converted to another time zone).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(day) = s.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d")
    {
        return Some(d);
    }
    chrono::DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|d| d.date_naive())
}

/// A language tag from `en_US`, `ru-RU`, `fr`: the primary language in lower case and a
/// region in upper case; `None` for anything that is not one.
fn language_tag(raw: &str) -> Option<String> {
    let raw = raw.trim().replace('_', "-");
    let mut parts = raw.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    match parts.next() {
        Some(region) if region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(format!("{primary}-{}", region.to_ascii_uppercase()))
        }
        _ => Some(primary),
    }
}

// ---------------------------------------------------------------------------
// Blocks

/// Elements whose text is never the article's.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "button", "form", "nav", "aside", "iframe",
    "select", "textarea", "math",
];

/// Elements that start a new block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "body",
    "html",
];

/// The paragraphs and headings of an HTML fragment or document, in order: each run of
/// text between block boundaries is one block, its white space collapsed.
pub fn blocks(doc: &Document) -> Vec<Block> {
    let mut out = Blocks::default();
    for root in doc.root().children() {
        out.walk(&root, false, 0);
    }
    out.flush();
    out.blocks
}

#[derive(Default)]
struct Blocks {
    current: String,
    heading: bool,
    blocks: Vec<Block>,
}

impl Blocks {
    fn walk(&mut self, node: &NodeRef, in_heading: bool, depth: usize) {
        if node.is_text() {
            self.current.push_str(&node.text());
            self.heading |= in_heading;
            return;
        }
        if !node.is_element() || depth > 200 {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || node.has_attr("hidden") {
            return;
        }
        let block = BLOCKS.contains(&name.as_str());
        let heading =
            in_heading || matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if block {
            self.flush();
        }
        for child in node.children() {
            self.walk(&child, heading, depth + 1);
        }
        if block {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let text = clean(&self.current);
        if text.chars().any(char::is_alphanumeric) {
            self.blocks.push(Block {
                text,
                heading: self.heading,
            });
        }
        self.current.clear();
        self.heading = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_in_order_json_ld_open_graph_meta() {
        let html = r#"<html lang="en-gb"><head>
            <title>Page title | Example Times</title>
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="Example Times">
            <meta name="date" content="2024-03-01">
            <link rel="canonical" href="https://news.example/a">
            <script type="application/ld+json">
              {"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"Example"},
                {"@type":"NewsArticle","headline":"LD &amp; headline","datePublished":"2024-03-02T23:30:00-05:00",
                 "publisher":{"@type":"Organization","name":"The Example Times"},
                 "inLanguage":"fr_FR"}]}
            </script></head><body></body></html>"#;
        let meta = page_meta(&Document::from(html));
        assert_eq!(meta.title.as_deref(), Some("LD & headline"));
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(meta.source.as_deref(), Some("The Example Times"));
        assert_eq!(meta.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(meta.language.as_deref(), Some("fr-FR"));

        let no_ld = html.replace("application/ld+json", "text/plain");
        let meta = page_meta(&Document::from(no_ld.as_str()));
        assert_eq!(meta.title.as_deref(), Some("OG title"));
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(meta.source.as_deref(), Some("Example Times"));
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let html = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script>
            <meta property="og:title" content="Fine"></head></html>"#;
        assert_eq!(
            page_meta(&Document::from(html)).title.as_deref(),
            Some("Fine")
        );
    }

    #[test]
    fn blocks_split_at_block_elements() {
        let doc = Document::from(
            "<div><h2>Sub <b>head</b></h2><p>One <a href='#'>link</a> here.</p>loose<br>text<script>x()</script><ul><li>item</li></ul></div>",
        );
        let got: Vec<(String, bool)> = blocks(&doc)
            .into_iter()
            .map(|b| (b.text, b.heading))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Sub head".to_string(), true),
                ("One link here.".to_string(), false),
                ("loose".to_string(), false),
                ("text".to_string(), false),
                ("item".to_string(), false),
            ]
        );
    }

    #[test]
    fn ad_slots_go_but_a_page_that_allows_ads_stays() {
        let body = "<p>The council voted on Tuesday to close the old bridge to heavy traffic while engineers study the cracks found in two of its supports last month.</p>".repeat(4);
        let html = format!(
            "<html class=\"ads-enabled\"><body class=\"ads\"><div class=\"cookie-banner\">We use cookies. Accept all</div><article><h1>Bridge closes</h1><div class=\"ad ad-slot\">Advertisement: buy now</div>{body}</article></body></html>"
        );
        let cleaned = without_ads_and_banners(&html);
        assert!(!cleaned.contains("buy now"), "{cleaned}");
        assert!(!cleaned.contains("cookies"), "{cleaned}");
        assert!(cleaned.contains("The council voted"), "{cleaned}");
        let imported = import_html(
            &html,
            None,
            &PageMeta::default(),
            &ImportOptions::new(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
        )
        .unwrap();
        assert_eq!(imported.title, "Bridge closes");
        assert_eq!(imported.paragraphs.len(), 4);
    }

    #[test]
    fn pages_in_other_encodings_are_decoded() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<html><head><meta charset=\"windows-1251\"></head><body><p>Лавров</p></body></html>",
        );
        assert!(decode_page(&cp1251).contains("<p>Лавров</p>"));
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("<p>Mélenchon</p>");
        assert_eq!(decode_page(&latin), "<p>Mélenchon</p>");
        assert_eq!(decode_page("<p>é</p>".as_bytes()), "<p>é</p>");
    }

    #[test]
    fn dates_and_tags() {
        assert_eq!(
            parse_date("2016-02-21"),
            NaiveDate::from_ymd_opt(2016, 2, 21)
        );
        assert_eq!(
            parse_date("Sun, 21 Feb 2016 10:00:00 +0300"),
            NaiveDate::from_ymd_opt(2016, 2, 21)
        );
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(language_tag("ru_RU").as_deref(), Some("ru-RU"));
        assert_eq!(language_tag("de").as_deref(), Some("de"));
        assert_eq!(language_tag("\"><script>"), None);
    }
}
