//! The link checker of `dossier check`: every `href` and `src` of every
//! rendered page is resolved against the site that would be written; links to
//! no page, or to an anchor the page lacks, are errors naming the article
//! file (and line) they come from. With `--external`, links to other sites
//! are requested too (see [`external`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::html::for_each_tag;
use crate::diagnostics::Diagnostic;
use crate::render::Theme;
use crate::site::{ArticleIdx, Site, routes};
use crate::text::{decode_entities, percent_decode};

pub mod external;

/// What the checker keeps of a rendered page: its ids and its links.
#[derive(Debug, Default, Clone)]
pub struct PageLinks {
    /// Relative to the output folder, e.g. `articles/x/index.html`.
    pub path: String,
    pub ids: Vec<String>,
    pub links: Vec<String>,
}

impl PageLinks {
    /// Every `href` and `src` of the page, and every id (`id`, and `name` on
    /// an `a`), entities decoded.
    pub fn scan(path: &str, html: &str) -> PageLinks {
        let mut page = PageLinks {
            path: path.to_string(),
            ..PageLinks::default()
        };
        for_each_tag(html, |tag| {
            for (name, value) in &tag.attrs {
                let Some(value) = value else { continue };
                let list = if name.eq_ignore_ascii_case("href") || name.eq_ignore_ascii_case("src")
                {
                    &mut page.links
                } else if name.eq_ignore_ascii_case("id")
                    || (name.eq_ignore_ascii_case("name") && tag.name.eq_ignore_ascii_case("a"))
                {
                    &mut page.ids
                } else {
                    continue;
                };
                list.push(decode_entities(value));
            }
        });
        page
    }
}

/// A link's path or fragment decoded; one that does not decode (a stray
/// `%`, bytes that are not UTF-8) is looked up as written.
fn decoded(path: &str) -> String {
    percent_decode(path).unwrap_or_else(|| path.to_string())
}

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the site, relative to the output folder, and an anchor.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// Another site's http(s) address.
    External(String),
    /// Above the site's base path: not the site's to check.
    Outside(String),
    /// `mailto:`, `tel:`, `data:`, ...
    Other,
}

/// Resolve `link` found on the page at `page` (relative to the output
/// folder, e.g. `articles/x/index.html`).
pub fn resolve(config: &Config, page: &str, link: &str) -> Target {
    let link = link.trim();
    let (link, fragment) = match link.split_once('#') {
        Some((l, f)) => (l, Some(decoded(f)).filter(|f| !f.is_empty())),
        None => (link, None),
    };
    let link = link.split_once('?').map_or(link, |(l, _)| l);
    let lower = link.to_ascii_lowercase();
    let site_path: String = if link.is_empty() {
        // `#anchor` or `?q`: this page.
        return Target::Internal {
            path: page.to_string(),
            fragment,
        };
    } else if lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
    {
        let absolute = if link.starts_with("//") {
            format!("https:{link}")
        } else {
            link.to_string()
        };
        let base = config.base_url.trim_end_matches('/');
        let own = base.contains("://")
            && (absolute == base
                || absolute
                    .strip_prefix(base)
                    .is_some_and(|rest| rest.starts_with('/')));
        if !own {
            return Target::External(absolute);
        }
        let rest = &absolute[base.len()..];
        format!("{}{}", config.base_path, rest.trim_start_matches('/'))
    } else if lower.contains(':') && lower.find(':') < lower.find('/').or(Some(usize::MAX)) {
        return Target::Other;
    } else if link.starts_with('/') {
        link.to_string()
    } else {
        // Relative to the page's folder.
        let dir = page.rfind('/').map_or("", |i| &page[..=i]);
        format!("{}{dir}{link}", config.base_path)
    };
    let decoded = decoded(&site_path);
    let Some(inside) = decoded.strip_prefix(config.base_path.as_str()).or_else(|| {
        (decoded.trim_end_matches('/') == config.base_path.trim_end_matches('/')).then_some("")
    }) else {
        return Target::Outside(decoded);
    };
    // Normalise `.` and `..`.
    let mut parts: Vec<&str> = Vec::new();
    for part in inside.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::Outside(decoded.clone());
                }
            }
            p => parts.push(p),
        }
    }
    let mut path = parts.join("/");
    if inside.is_empty() || inside.ends_with('/') {
        path = routes::folder_index(&path);
    }
    Target::Internal { path, fragment }
}

/// The links the checker found wanting, as diagnostics.
pub struct Checker<'a> {
    config: &'a Config,
    /// The site root, which article files are relative to.
    root: &'a Path,
    site: &'a Site,
    /// Page path -> ids on it.
    pages: HashMap<String, HashSet<String>>,
    /// Other files the build writes (feeds, data, theme files).
    files: HashSet<String>,
}

impl<'a> Checker<'a> {
    pub fn new(
        config: &'a Config,
        root: &'a Path,
        site: &'a Site,
        theme: &Theme,
        pages: &[PageLinks],
    ) -> Checker<'a> {
        let mut files: HashSet<String> = routes::linkable_files(site).into_iter().collect();
        files.extend(theme.statics.iter().map(|s| s.output_path().to_string()));
        files.insert(crate::content::highlight::STYLESHEET_PATH.to_string());
        Checker {
            config,
            root,
            site,
            pages: pages
                .iter()
                .map(|p| (p.path.clone(), p.ids.iter().cloned().collect()))
                .collect(),
            files,
        }
    }

    fn exists(&self, path: &str) -> bool {
        self.pages.contains_key(path) || self.files.contains(path)
    }

    /// Check the internal links of every page. External links are returned,
    /// each with the pages (and article files) that carry it.
    pub fn check(
        &self,
        pages: &[PageLinks],
        problems: &mut Vec<Diagnostic>,
    ) -> BTreeMap<String, Vec<PathBuf>> {
        let articles: HashMap<String, ArticleIdx> = self
            .site
            .articles
            .iter_enumerated()
            .map(|(i, a)| (routes::index_file(&routes::article(&a.slug)), i))
            .collect();
        let mut external: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
        // Broken links of templates show on many pages: one report each.
        let mut elsewhere: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
        for page in pages {
            let article = articles.get(&page.path).map(|&i| &self.site.articles[i]);
            let mut seen = HashSet::new();
            // An article's broken links, placed in its text all at once.
            let mut in_article: Vec<(&str, String)> = Vec::new();
            for link in &page.links {
                if !seen.insert(link.as_str()) {
                    continue;
                }
                let problem = match resolve(self.config, &page.path, link) {
                    Target::Internal { path, fragment } => {
                        self.internal(&path, fragment.as_deref())
                    }
                    Target::External(url) => {
                        let file =
                            article.map_or_else(|| PathBuf::from(&page.path), |a| a.file.clone());
                        let files = external.entry(url).or_default();
                        if !files.contains(&file) {
                            files.push(file);
                        }
                        None
                    }
                    Target::Outside(path) => Some(format!(
                        "it leads to {path}, outside the site's base path {}",
                        self.config.base_path
                    )),
                    Target::Other => None,
                };
                let Some(problem) = problem else { continue };
                match article {
                    Some(_) => in_article.push((link, problem)),
                    None => elsewhere
                        .entry((link.clone(), problem))
                        .or_default()
                        .push(&page.path),
                }
            }
            let Some(a) = article else { continue };
            let links: Vec<&str> = in_article.iter().map(|(link, _)| *link).collect();
            let places = self.places(a, &links);
            for ((link, problem), place) in in_article.into_iter().zip(places) {
                match place {
                    Some(line) => problems.push(self.article_problem(a, link, &problem, line)),
                    None => elsewhere
                        .entry((link.to_string(), problem))
                        .or_default()
                        .push(&page.path),
                }
            }
        }
        for ((link, problem), on) in elsewhere {
            let more = if on.len() > 1 {
                format!(
                    " and {} other page{}",
                    on.len() - 1,
                    crate::text::plural(on.len() - 1)
                )
            } else {
                String::new()
            };
            problems.push(
                Diagnostic::error(format!("broken link `{link}` on /{}{more}: {problem}", on[0].trim_end_matches("index.html")))
                    .help("the link comes from a template or the site's data: fix the template, or the front matter it is made from"),
            );
        }
        external
    }

    /// For each of `links`, whether it is in the article's own text (else
    /// it came from a template) and then the line of its source file it is
    /// first written on. One pass over the body and one over the file for
    /// all of them: a search per link was quadratic (10,000 broken links
    /// in one article took 18 s).
    fn places(&self, article: &crate::site::Article, links: &[&str]) -> Vec<Option<Option<usize>>> {
        if links.is_empty() {
            return Vec::new();
        }
        // Each link as written and with `&` escaped, as the HTML has it.
        let mut in_body = vec![false; links.len()];
        let patterns = links
            .iter()
            .flat_map(|l| [l.to_string(), l.replace('&', "&amp;")]);
        if let Ok(ac) = aho_corasick::AhoCorasick::new(patterns) {
            for m in ac.find_overlapping_iter(&*article.body.html) {
                in_body[m.pattern().as_usize() / 2] = true;
            }
        }
        for (i, link) in links.iter().enumerate() {
            in_body[i] |= article.url.as_deref() == Some(*link);
        }
        let lines = crate::limits::read_file(&self.root.join(&article.file))
            .ok()
            .map(|bytes| first_lines(&String::from_utf8_lossy(&bytes), links))
            .unwrap_or_else(|| vec![None; links.len()]);
        in_body
            .into_iter()
            .zip(lines)
            .map(|(body, line)| body.then_some(line))
            .collect()
    }

    /// `None` when the target exists, else what is wrong.
    fn internal(&self, path: &str, fragment: Option<&str>) -> Option<String> {
        let shown = format!(
            "{}{}",
            self.config.base_path,
            path.trim_end_matches("index.html")
        );
        let ids = match self.pages.get(path) {
            Some(ids) => ids,
            None => {
                if self.exists(path) || self.exists(&routes::folder_index(path)) {
                    return None;
                }
                return Some(format!("there is no page {shown} in the site"));
            }
        };
        match fragment {
            Some(f) if !ids.contains(f) => Some(format!("the page {shown} has no anchor `#{f}`")),
            _ => None,
        }
    }

    fn article_problem(
        &self,
        article: &crate::site::Article,
        link: &str,
        problem: &str,
        line: Option<usize>,
    ) -> Diagnostic {
        let mut d =
            Diagnostic::error(format!("broken link `{link}`: {problem}")).in_file(&article.file);
        if let Some(line) = line {
            d = d.at_line(line);
        }
        let help = if problem.contains("anchor") {
            "link to an anchor the page has (quotations are #q1, #q2, ... in order)".to_string()
        } else {
            let suggestion = self.suggest(link);
            match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => {
                    "link to a page of the site (e.g. /articles/SLUG/, /actors/ID/, /topics/ID/)"
                        .to_string()
                }
            }
        };
        d.help(help)
    }

    /// The closest page path to a broken `/section/id/` link.
    fn suggest(&self, link: &str) -> Option<String> {
        let Target::Internal { path, .. } = resolve(self.config, "index.html", link) else {
            return None;
        };
        let section = path.split('/').next()?;
        let candidates = self.pages.keys().filter(|p| {
            p.starts_with(section) && p.matches('/').count() == path.matches('/').count()
        });
        crate::diagnostics::did_you_mean(&path, candidates.map(String::as_str))
            .map(|p| self.config.url(p.trim_end_matches("index.html")))
    }
}

/// `dossier check`'s part: the internal links of the rendered `pages`, and
/// with `external` the links to other sites.
pub fn check_site(
    root: &Path,
    config: &Config,
    site: &Site,
    theme: &Theme,
    pages: &[PageLinks],
    external: Option<&external::Options>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let checker = Checker::new(config, root, site, theme, pages);
    let others = checker.check(pages, &mut problems);
    if let Some(opts) = external {
        problems.extend(external::check(root, &others, opts).problems);
    }
    problems
}

/// The 1-based line of `text` each of `links` is first written on, in one
/// pass over it.
fn first_lines(text: &str, links: &[&str]) -> Vec<Option<usize>> {
    let mut first: Vec<Option<usize>> = vec![None; links.len()];
    if let Ok(ac) = aho_corasick::AhoCorasick::new(links) {
        for m in ac.find_overlapping_iter(text) {
            first[m.pattern().as_usize()].get_or_insert(m.start());
        }
    }
    // Offsets to lines, counting the newlines once in order.
    let mut order: Vec<usize> = (0..links.len()).filter(|&i| first[i].is_some()).collect();
    order.sort_by_key(|&i| first[i]);
    let (mut line, mut counted) = (1, 0);
    let mut lines = vec![None; links.len()];
    for i in order {
        let at = first[i].expect("kept only found ones");
        line += text[counted..at].matches('\n').count();
        counted = at;
        lines[i] = Some(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base: &str) -> Config {
        Config::parse(
            Path::new("site.yaml"),
            &format!("title: T\nbase_url: {base}\n"),
        )
        .unwrap()
    }

    fn internal(path: &str, fragment: Option<&str>) -> Target {
        Target::Internal {
            path: path.into(),
            fragment: fragment.map(String::from),
        }
    }

    #[test]
    fn resolves_links_like_a_browser() {
        let c = config("https://x.org/brief");
        let page = "articles/a/index.html";
        assert_eq!(
            resolve(&c, page, "/brief/actors/b/"),
            internal("actors/b/index.html", None)
        );
        assert_eq!(resolve(&c, page, "/brief/"), internal("index.html", None));
        assert_eq!(resolve(&c, page, "/brief"), internal("index.html", None));
        assert_eq!(resolve(&c, page, "#q2"), internal(page, Some("q2")));
        assert_eq!(
            resolve(&c, page, "../b/#q1"),
            internal("articles/b/index.html", Some("q1"))
        );
        assert_eq!(
            resolve(&c, page, "../../style.css"),
            internal("style.css", None)
        );
        assert_eq!(
            resolve(&c, page, "https://x.org/brief/quotes/?x=1"),
            internal("quotes/index.html", None)
        );
        assert_eq!(
            resolve(&c, page, "https://x.org/briefing"),
            Target::External("https://x.org/briefing".into())
        );
        assert_eq!(
            resolve(&c, page, "https://news.example/a#b"),
            Target::External("https://news.example/a".into())
        );
        assert_eq!(
            resolve(&c, page, "/elsewhere/"),
            Target::Outside("/elsewhere/".into())
        );
        assert_eq!(resolve(&c, page, "mailto:a@b.c"), Target::Other);
        assert_eq!(
            resolve(&c, page, "/brief/a%20b/"),
            internal("a b/index.html", None)
        );
    }

    #[test]
    fn scans_attributes_not_scripts() {
        let html = r#"<a href="/x/?a=1&amp;b=2" id=top>x</a><!-- <a href="/no/"> --><script>var s = "<a href='/no/'>";</script><IMG SRC='/i.png'><a name="n"></a><p id="p1" class=x>"#;
        let page = PageLinks::scan("index.html", html);
        assert_eq!(page.links, ["/x/?a=1&b=2", "/i.png"]);
        assert_eq!(page.ids, ["top", "n", "p1"]);
    }
}
