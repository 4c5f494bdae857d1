//! The route table: where every page of the site lives, which template draws
//! it, which feed goes with it, and where the other kinds of file (feeds,
//! print pages, sitemaps, data, the search index) go. This is the one place
//! a site path is formatted; render, publish (feeds, sitemap, data, search,
//! the link checker), serve and print all ask here.
//!
//! Paths are relative to the output folder and use `/`. A page's *folder*
//! (`topics/syria/`) is also its URL path below the site's base; the file is
//! that folder's `index.html`.
//!
//! To add a kind of page: a variant of [`Page`], its folder in
//! [`Page::list_dir`], its template in [`Page::template`] (and the template
//! in the theme and in [`TEMPLATES`]), its entry in [`Page::all`], and its
//! view in `render`.

use super::{ActorIdx, ArticleIdx, QuotationIdx, Site, SourceIdx, TopicIdx};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// One page of the site. List pages carry their page number (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Article(ArticleIdx),
    Topics,
    /// A topic digest and its page number.
    Topic(TopicIdx, usize),
    Actors,
    Actor(ActorIdx, usize),
    Sources,
    Source(SourceIdx, usize),
    Quotes(usize),
    Quote(QuotationIdx),
    NotFound,
    Search,
}

/// Every template a page is drawn with, and `base.html` they extend.
pub const TEMPLATES: &[&str] = &[
    "base.html",
    "index.html",
    "article.html",
    "topics.html",
    "topic.html",
    "actors.html",
    "actor.html",
    "sources.html",
    "source.html",
    "quotes.html",
    "quote.html",
    "404.html",
    "search.html",
];

/// The file name of a feed in its page's folder (and of the site's feed).
pub const FEED: &str = "atom.xml";

pub const TOPICS: &str = "topics/";
pub const ACTORS: &str = "actors/";
pub const SOURCES: &str = "sources/";
pub const QUOTES: &str = "quotes/";
pub const SEARCH: &str = "search/";
pub const NOT_FOUND: &str = "404.html";
/// Print pages: `print/topics/ID/`, `print/actors/ID/`.
pub const PRINT: &str = "print/";

/// The files beyond pages: the sitemap (or the sitemaps' index), robots.txt,
/// the JSON data, and the search index's own files.
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
pub const DATA_ARTICLES: &str = "data/articles.json";
pub const DATA_QUOTES: &str = "data/quotes.json";
pub const DATA_ACTORS: &str = "data/actors.json";
pub const DATA_TOPICS: &str = "data/topics.json";
pub const SEARCH_META: &str = "search/meta.json";
pub const SEARCH_SCRIPT: &str = "search/search.js";

/// The `n`-th (1-based) sitemap when the pages fill more than one.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The `n`-th (0-based) chunk of the search index's documents.
pub fn search_docs(n: usize) -> String {
    format!("{SEARCH}docs/{n}.json")
}

/// The search index's shard of the terms that start with `name`.
pub fn search_shard(name: &str) -> String {
    format!("{SEARCH}index/{name}.json")
}

pub fn article(slug: &str) -> String {
    format!("articles/{slug}/")
}

pub fn topic(id: &str) -> String {
    format!("{TOPICS}{id}/")
}

pub fn actor(id: &str) -> String {
    format!("{ACTORS}{id}/")
}

pub fn source(id: &str) -> String {
    format!("{SOURCES}{id}/")
}

pub fn quote(id: &str) -> String {
    format!("{QUOTES}{id}/")
}

/// The anchor of an article's `ordinal`-th quotation (0-based) on its page:
/// `q1`, `q2`, ...
pub fn quote_anchor(ordinal: usize) -> String {
    format!("q{}", ordinal + 1)
}

/// Where a quotation stands in the article that carries it.
pub fn appearance(slug: &str, ordinal: usize) -> String {
    format!("{}#{}", article(slug), quote_anchor(ordinal))
}

/// Page `n` (1-based) of a list in `dir` (`topics/syria/`): page 1 is the
/// folder itself, later pages `dir/page/N/`. These URLs stay put as long as
/// the page size does.
pub fn numbered(dir: &str, n: usize) -> String {
    if n <= 1 {
        dir.to_string()
    } else {
        format!("{dir}page/{n}/")
    }
}

/// The feed of a page's folder (`""` for the site's own).
pub fn feed(dir: &str) -> String {
    format!("{dir}{FEED}")
}

/// The file of a page in `dir`.
pub fn index_file(dir: &str) -> String {
    format!("{dir}index.html")
}

/// The file a folder's URL is served from: `key/index.html`, or
/// `index.html` for the root (`key` without its trailing `/`).
pub fn folder_index(key: &str) -> String {
    if key.is_empty() {
        index_file("")
    } else {
        format!("{key}/index.html")
    }
}

/// The print page of a topic's digest.
pub fn print_topic(id: &str) -> String {
    format!("{PRINT}{}", topic(id))
}

/// The print page of an actor's digest.
pub fn print_actor(id: &str) -> String {
    format!("{PRINT}{}", actor(id))
}

impl Page {
    /// Every page of the site, with `page_size` entries per list page.
    /// The pages of the site as a whole, one of each, whatever it holds.
    pub const SITE_WIDE: [Page; 6] = [
        Page::Home,
        Page::Topics,
        Page::Actors,
        Page::Sources,
        Page::NotFound,
        Page::Search,
    ];

    pub fn all(site: &Site, page_size: usize) -> Vec<Page> {
        let pages_of = |n: usize| n.div_ceil(page_size.max(1)).max(1);
        let mut pages = Page::SITE_WIDE.to_vec();
        pages.extend(site.articles.keys().map(Page::Article));
        for (i, t) in site.topics.iter_enumerated() {
            pages.extend((1..=pages_of(t.articles.len())).map(|p| Page::Topic(i, p)));
        }
        for (i, a) in site.actors.iter_enumerated() {
            pages.extend((1..=pages_of(a.articles.len())).map(|p| Page::Actor(i, p)));
        }
        for (i, s) in site.sources.iter_enumerated() {
            pages.extend((1..=pages_of(s.articles.len())).map(|p| Page::Source(i, p)));
        }
        pages.extend((1..=pages_of(site.quotations.len())).map(Page::Quotes));
        pages.extend(site.quotations.keys().map(Page::Quote));
        pages
    }

    /// The folder of the first page of this page's list (the page itself
    /// for pages that are not numbered): what a pager counts from.
    pub fn list_dir(self, site: &Site) -> String {
        match self {
            Page::Home => String::new(),
            Page::NotFound => String::new(),
            Page::Search => SEARCH.into(),
            Page::Article(i) => article(&site.articles[i].slug),
            Page::Topics => TOPICS.into(),
            Page::Topic(i, _) => topic(&site.topics[i].id),
            Page::Actors => ACTORS.into(),
            Page::Actor(i, _) => actor(&site.actors[i].id),
            Page::Sources => SOURCES.into(),
            Page::Source(i, _) => source(&site.sources[i].id),
            Page::Quotes(_) => QUOTES.into(),
            Page::Quote(i) => quote(&site.quotations[i].id),
        }
    }

    /// The page's number in its list (1 for pages that are not numbered).
    pub fn number(self) -> usize {
        match self {
            Page::Topic(_, n) | Page::Actor(_, n) | Page::Source(_, n) | Page::Quotes(n) => n,
            _ => 1,
        }
    }

    /// The file the page is written to, relative to the output folder.
    pub fn output_path(self, site: &Site) -> String {
        match self {
            Page::NotFound => NOT_FOUND.into(),
            _ => index_file(&numbered(&self.list_dir(site), self.number())),
        }
    }

    /// The page's URL path below the site's base (`topics/syria/page/2/`).
    pub fn url_path(self, site: &Site) -> String {
        match self {
            Page::NotFound => NOT_FOUND.into(),
            _ => numbered(&self.list_dir(site), self.number()),
        }
    }

    pub fn template(self) -> &'static str {
        match self {
            Page::Home => "index.html",
            Page::Article(_) => "article.html",
            Page::Topics => "topics.html",
            Page::Topic(..) => "topic.html",
            Page::Actors => "actors.html",
            Page::Actor(..) => "actor.html",
            Page::Sources => "sources.html",
            Page::Source(..) => "source.html",
            Page::Quotes(_) => "quotes.html",
            Page::Quote(_) => "quote.html",
            Page::NotFound => "404.html",
            Page::Search => "search.html",
        }
    }

    /// The folder of the feed that goes with this page beside the site's
    /// own: a digest's or outlet's feed.
    pub fn feed_dir(self, site: &Site) -> Option<String> {
        match self {
            Page::Topic(..) | Page::Actor(..) | Page::Source(..) => Some(self.list_dir(site)),
            _ => None,
        }
    }

    /// What a page is, for a message: "the article content/a.md", "the topic
    /// `x`", "the list of topics".
    pub fn describe(self, site: &Site) -> String {
        match self {
            Page::Home => "the home page".into(),
            Page::NotFound => "the page-not-found page".into(),
            Page::Search => "the search page".into(),
            Page::Article(i) => format!("the article {}", site.articles[i].file.display()),
            Page::Topics => "the list of topics".into(),
            Page::Topic(i, _) => format!("the digest of topic `{}`", site.topics[i].title),
            Page::Actors => "the list of actors".into(),
            Page::Actor(i, _) => format!("the digest of actor `{}`", site.actors[i].name),
            Page::Sources => "the list of sources".into(),
            Page::Source(i, _) => format!("the digest of source `{}`", site.sources[i].name),
            Page::Quotes(_) => "the list of quotations".into(),
            Page::Quote(i) => format!("the quotation {}", site.quotations[i].id),
        }
    }

    /// Whether the page belongs in the sitemap: every page a reader can
    /// arrive at, not the error page or the search form.
    pub fn in_sitemap(self) -> bool {
        !matches!(self, Page::NotFound | Page::Search)
    }
}

/// No two pages may claim one output path. Ids are checked where they
/// are written (front matter, site.yaml), so this holds by construction;
/// the check makes sure that whatever slips past those fails the build,
/// naming both claimants, instead of overwriting a page.
pub fn check_unique(site: &Site, pages: &[Page]) -> Result<(), Diagnostics> {
    let mut claimed: std::collections::HashMap<String, Page> =
        std::collections::HashMap::with_capacity(pages.len());
    let mut problems = Vec::new();
    for &page in pages {
        use std::collections::hash_map::Entry;
        let taken = match claimed.entry(file_system_path(page.output_path(site))) {
            Entry::Vacant(free) => {
                free.insert(page);
                continue;
            }
            Entry::Occupied(taken) => taken,
        };
        let first = *taken.get();
        let mut d = Diagnostic::error(format!(
            "two pages would be written to {}: {} and {}",
            taken.key(),
            first.describe(site),
            page.describe(site)
        ))
        .help("give one of them another id, name or `slug:`");
        if let Some(file) = [first, page].iter().find_map(|p| match p {
            Page::Article(i) => Some(&site.articles[*i].file),
            _ => None,
        }) {
            d = d.in_file(file);
        }
        problems.push(d);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into())
    }
}

/// `path` as the file system reads it: empty and `.` segments dropped, `..`
/// taking the one before it away (`topics//index.html` is
/// `topics/index.html`). Paths made of good ids are returned as they are.
fn file_system_path(path: String) -> String {
    if !path.contains("//") && !path.contains("/.") && !path.starts_with(['.', '/']) {
        return path;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// Every feed file: the site's, then each topic's, actor's and outlet's.
pub fn feeds(site: &Site) -> Vec<String> {
    let mut paths = vec![feed("")];
    paths.extend(site.topics.iter().map(|t| feed(&topic(&t.id))));
    paths.extend(site.actors.iter().map(|a| feed(&actor(&a.id))));
    paths.extend(site.sources.iter().map(|s| feed(&source(&s.id))));
    paths
}

/// Every file beyond the pages that a page may link to, relative to the
/// output folder: the feeds, the sitemap, robots.txt, the data, the search
/// index's metadata, and the print page of every digest with articles. The
/// link checker takes this list, since a dry run writes no files.
pub fn linkable_files(site: &Site) -> Vec<String> {
    let mut paths = feeds(site);
    paths.extend(
        [
            SITEMAP,
            ROBOTS,
            DATA_ARTICLES,
            DATA_QUOTES,
            DATA_ACTORS,
            DATA_TOPICS,
            SEARCH_META,
            SEARCH_SCRIPT,
        ]
        .map(String::from),
    );
    paths.extend(
        (site.topics.iter().filter(|t| !t.articles.is_empty()))
            .map(|t| index_file(&print_topic(&t.id))),
    );
    paths.extend(
        (site.actors.iter().filter(|a| !a.articles.is_empty()))
            .map(|a| index_file(&print_actor(&a.id))),
    );
    paths
}

/// Folders whose every file dossier writes (their names vary with the
/// content, so they are claimed whole): the search index, the data files
/// and the printable digests.
const OWNED_FOLDERS: &[(&str, &str)] = &[
    (SEARCH, "the search index"),
    ("data/", "the site's data files"),
    (PRINT, "the printable digests"),
];

/// Every path dossier writes for `site`, with what is written there, so a
/// file of `static/` that would silently replace one can be named instead.
pub struct Claims {
    exact: std::collections::HashMap<String, String>,
}

impl Claims {
    pub fn new(site: &Site, pages: &[Page]) -> Claims {
        let mut exact: std::collections::HashMap<String, String> = pages
            .iter()
            .map(|p| (p.output_path(site), p.describe(site)))
            .collect();
        for path in linkable_files(site) {
            let what = if path.ends_with(FEED) {
                "an Atom feed".to_string()
            } else {
                format!("dossier's {path}")
            };
            exact.entry(path).or_insert(what);
        }
        Claims { exact }
    }

    /// What the site writes at `path` (relative to the output folder), if
    /// anything.
    pub fn claimant(&self, path: &str) -> Option<String> {
        if let Some(what) = self.exact.get(path) {
            return Some(what.clone());
        }
        if let Some((_, what)) = OWNED_FOLDERS.iter().find(|(dir, _)| path.starts_with(dir)) {
            return Some((*what).to_string());
        }
        let sitemap_part = path
            .strip_prefix("sitemap-")
            .and_then(|rest| rest.strip_suffix(".xml"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        sitemap_part.then(|| "a part of the sitemap".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_pages_keep_the_first_at_the_folder() {
        assert_eq!(numbered("topics/syria/", 1), "topics/syria/");
        assert_eq!(numbered("topics/syria/", 3), "topics/syria/page/3/");
        assert_eq!(index_file(&numbered("", 1)), "index.html");
    }

    #[test]
    fn print_pages_live_under_print() {
        assert_eq!(print_topic("syria"), "print/topics/syria/");
        assert_eq!(print_actor("sergei-lavrov"), "print/actors/sergei-lavrov/");
        assert_eq!(feed(&topic("syria")), "topics/syria/atom.xml");
        assert_eq!(appearance("talks", 0), "articles/talks/#q1");
        assert_eq!(folder_index(""), "index.html");
        assert_eq!(folder_index("topics/syria"), "topics/syria/index.html");
        assert_eq!(search_docs(0), "search/docs/0.json");
        assert_eq!(search_shard("sy"), "search/index/sy.json");
        assert_eq!(sitemap_part(2), "sitemap-2.xml");
    }

    /// Ids are checked where they are written, so two pages cannot claim one
    /// path from content; should one slip past, the build fails naming both.
    #[test]
    fn two_pages_on_one_path_are_an_error_naming_both() {
        let topic = |id: &str, title: &str| crate::site::Topic {
            id: id.into(),
            title: title.into(),
            keywords: Vec::new(),
            in_registry: false,
            articles: Vec::new(),
            quotations: Vec::new(),
            quote_counts: Default::default(),
            actors: Vec::new(),
            related: Vec::new(),
            sources: 0,
        };
        let site = Site {
            articles: Default::default(),
            actors: Default::default(),
            topics: std::sync::Arc::new(vec![topic("x", "First"), topic("", "Empty")].into()),
            sources: Default::default(),
            quotations: Default::default(),
            actor_ids: Default::default(),
            topic_ids: Default::default(),
            article_slugs: Default::default(),
            pictures: Default::default(),
        };
        let pages = Page::all(&site, 10);
        let errors = check_unique(&site, &pages).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let text = errors[0].to_string();
        assert!(text.contains("topics/index.html"), "{text}");
        assert!(
            text.contains("the list of topics") && text.contains("topic `Empty`"),
            "{text}"
        );
        let fine = Site {
            topics: std::sync::Arc::new(vec![topic("x", "First"), topic("y", "Second")].into()),
            ..site
        };
        assert!(check_unique(&fine, &Page::all(&fine, 10)).is_ok());
    }
}
