//! `site.yaml`: the site's settings and its registry of actors and topics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, yaml_error};

pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_output_dir")]
    pub output_dir: PathBuf,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub actors: BTreeMap<String, ActorEntry>,
    #[serde(default)]
    pub topics: BTreeMap<String, TopicEntry>,
    #[serde(default)]
    pub quotes: QuotesConfig,
    #[serde(default)]
    pub digest: DigestConfig,
    #[serde(default)]
    pub print: PrintConfig,
    #[serde(default)]
    pub import: ImportConfig,
}

const SITE_KEYS: &[&str] = &[
    "title",
    "base_url",
    "description",
    "language",
    "theme",
    "output_dir",
    "timezone",
    "actors",
    "topics",
    "quotes",
    "digest",
    "print",
    "import",
    // keys of the nested sections, so a typo there gets a suggestion too
    "name",
    "aliases",
    "role",
    "kind",
    "keywords",
    "min_words",
    "recent",
    "page_size",
    "weeks",
    "paper",
    "furniture",
];

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub kind: ActorKind,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    #[default]
    Person,
    #[serde(alias = "organization")]
    Organisation,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicEntry {
    pub title: String,
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesConfig {
    /// Shorter quoted stretches are fragments (scare quotes).
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DigestConfig {
    /// Items in each list of the home page.
    #[serde(default = "default_recent")]
    pub recent: usize,
    /// Articles per digest page before the timeline is split into pages.
    #[serde(default = "default_page_size")]
    pub page_size: usize,
    /// How many weeks back the home page looks for "active" topics and actors.
    #[serde(default = "default_weeks")]
    pub weeks: i64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PrintConfig {
    #[serde(default)]
    pub paper: Paper,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImportConfig {
    /// Extra page-furniture patterns that `dossier import` strips.
    #[serde(default)]
    pub furniture: Vec<String>,
}

fn default_base_url() -> String {
    "/".into()
}
fn default_language() -> String {
    "en".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_output_dir() -> PathBuf {
    "public".into()
}
fn default_timezone() -> String {
    "UTC".into()
}
fn default_min_words() -> usize {
    4
}
fn default_recent() -> usize {
    20
}
fn default_page_size() -> usize {
    50
}
fn default_weeks() -> i64 {
    8
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            min_words: default_min_words(),
        }
    }
}
impl Default for DigestConfig {
    fn default() -> Self {
        DigestConfig {
            recent: default_recent(),
            page_size: default_page_size(),
            weeks: default_weeks(),
        }
    }
}
impl Default for PrintConfig {
    fn default() -> Self {
        PrintConfig { paper: Paper::A4 }
    }
}

/// A loaded configuration with what it implies: the parsed timezone and the
/// path part of `base_url`, which every internal link starts with.
#[derive(Debug, Clone)]
pub struct Config {
    pub site: SiteConfig,
    pub timezone: chrono_tz::Tz,
    /// `base_url` without a trailing slash, e.g. `https://x.org/briefing`.
    pub base_url: String,
    /// The path part of `base_url` with a trailing slash, e.g. `/briefing/`.
    pub base_path: String,
}

impl Config {
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = if root == Path::new(".") || root.as_os_str().is_empty() {
            PathBuf::from(CONFIG_FILE)
        } else {
            root.join(CONFIG_FILE)
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let d = Diagnostic::error(format!("cannot read {CONFIG_FILE}: {e}")).in_file(&path);
            vec![if e.kind() == std::io::ErrorKind::NotFound {
                d.help(format!(
                    "run dossier in a site folder (one with {CONFIG_FILE}), pass --root DIR, or create a site with `dossier init DIR`"
                ))
            } else {
                d
            }]
        })?;
        Config::parse(&path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let site: SiteConfig =
            serde_yaml::from_str(text).map_err(|e| vec![yaml_error(path, &e, 0, SITE_KEYS)])?;
        Config::new(path, site)
    }

    pub fn new(path: &Path, site: SiteConfig) -> Result<Config, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let timezone = site.timezone.parse::<chrono_tz::Tz>().unwrap_or_else(|_| {
            problems.push(
                Diagnostic::error(format!("unknown timezone `{}`", site.timezone))
                    .in_file(path)
                    .help("use an IANA name such as UTC, Europe/Paris or America/New_York"),
            );
            chrono_tz::UTC
        });
        for id in site.actors.keys().chain(site.topics.keys()) {
            if let Err(problem) = crate::slug::check_slug(id) {
                problems.push(
                    Diagnostic::error(problem.describe(&format!("the id `{id}`")))
                        .in_file(path)
                        .help("give it an id of lowercase letters, digits and hyphens, at most 255 bytes, e.g. `foreign-ministry`"),
                );
            } else if crate::slug::slugify(id) != *id {
                problems.push(
                    Diagnostic::error(format!("`{id}` cannot be an id: ids appear in URLs"))
                        .in_file(path)
                        .help(format!(
                            "use lowercase letters, digits and hyphens, e.g. `{}`",
                            crate::slug::slugify(id)
                        )),
                );
            }
        }
        if site.title.trim().is_empty() {
            problems.push(
                Diagnostic::error("`title` is empty")
                    .in_file(path)
                    .help("give the site a title, e.g. `title: Syria Talks Briefing`"),
            );
        }
        let base_url = site.base_url.trim_end_matches('/').to_string();
        let base_path = base_path_of(&base_url);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Config {
            site,
            timezone,
            base_url,
            base_path,
        })
    }

    /// The site-absolute URL path of a page, e.g. `/briefing/articles/x/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// The full URL of a page, for feeds, sitemaps and canonical links.
    pub fn permalink(&self, path: &str) -> String {
        if self.base_url.is_empty() {
            return self.url(path);
        }
        format!("{}/{}", self.base_url, path.trim_start_matches('/'))
    }

    pub fn with_base_url(mut self, base_url: &str) -> Config {
        self.site.base_url = base_url.to_string();
        self.base_url = base_url.trim_end_matches('/').to_string();
        self.base_path = base_path_of(&self.base_url);
        self
    }
}

fn base_path_of(base_url: &str) -> String {
    let without_scheme = base_url
        .split_once("://")
        .map(|(_, rest)| rest.find('/').map(|i| &rest[i..]).unwrap_or(""))
        .unwrap_or(base_url);
    let trimmed = without_scheme.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_from_url() {
        assert_eq!(base_path_of("https://x.org"), "/");
        assert_eq!(base_path_of("https://x.org/brief"), "/brief/");
        assert_eq!(base_path_of(""), "/");
        assert_eq!(base_path_of("/sub"), "/sub/");
    }

    #[test]
    fn unknown_key_has_place_and_suggestion() {
        let errors = Config::parse(
            Path::new("site.yaml"),
            "title: X\nbase_ulr: https://x.org\n",
        )
        .unwrap_err();
        let text = errors[0].to_string();
        assert!(text.contains("base_ulr"), "{text}");
        assert!(text.contains("did you mean `base_url`"), "{text}");
        assert_eq!(errors[0].line, Some(2));
    }
}
