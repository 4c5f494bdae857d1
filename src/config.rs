//! `site.yaml`: the site's settings and its registry of actors and topics.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::yaml::{self, Node, Reader};

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
/// A language tag as HTML's `lang` and BCP 47 write it: a primary language of two or
/// three ASCII letters, then subtags of one to eight letters or digits (`ru`, `pt-BR`,
/// `zh-Hant-TW`). Nothing that could break out of an attribute passes.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
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
    /// Where each setting is written in site.yaml, for messages.
    pub places: Places,
}

/// Where the settings of site.yaml are written: `output_dir`, `theme`,
/// `actors.ID`, `topics.ID` and every other key, by its dotted path.
#[derive(Debug, Clone, Default)]
pub struct Places {
    file: PathBuf,
    at: HashMap<String, (usize, usize)>,
}

impl Places {
    fn new(file: &Path) -> Places {
        Places {
            file: file.to_path_buf(),
            at: HashMap::new(),
        }
    }

    /// The site.yaml these places are in.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The line and column of a setting, when site.yaml writes it.
    pub fn of(&self, key: &str) -> Option<(usize, usize)> {
        self.at.get(key).copied()
    }

    /// `diagnostic` in site.yaml, at `key` when it is written there.
    pub fn at(&self, key: &str, diagnostic: Diagnostic) -> Diagnostic {
        let diagnostic = diagnostic.in_file(&self.file);
        match self.of(key) {
            Some((line, column)) => diagnostic.at(line, column),
            None => diagnostic,
        }
    }

    /// Remember where `key` is written: at its value, or at the key itself
    /// when the value is empty.
    fn record(&mut self, key: String, key_node: &Node, value: &Node) {
        let node = if value.is_null() { key_node } else { value };
        self.at.insert(key, (node.line, node.column));
    }
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
];
const ACTOR_KEYS: &[&str] = &["name", "aliases", "role", "kind"];
const TOPIC_KEYS: &[&str] = &["title", "keywords"];

impl SiteConfig {
    /// Every setting at its default, and no title.
    fn defaults() -> SiteConfig {
        SiteConfig {
            title: String::new(),
            base_url: default_base_url(),
            description: String::new(),
            language: default_language(),
            theme: default_theme(),
            output_dir: default_output_dir(),
            timezone: default_timezone(),
            actors: BTreeMap::new(),
            topics: BTreeMap::new(),
            quotes: QuotesConfig::default(),
            digest: DigestConfig::default(),
            print: PrintConfig::default(),
            import: ImportConfig::default(),
        }
    }
}

impl Config {
    /// `site.yaml` of the site at `root`; every problem in it at once.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let mut problems = Diagnostics::new();
        match Config::load_into(root, &mut problems) {
            Some(config) if !problems.has_errors() => Ok(config),
            _ => Err(problems.sorted()),
        }
    }

    /// `site.yaml` of the site at `root`, read as far as it goes: every
    /// problem goes into `problems` and a wrong setting keeps its default, so
    /// the run can go on to find the content's problems as well. `None` only
    /// when there is no site.yaml to read.
    pub fn load_into(root: &Path, problems: &mut Diagnostics) -> Option<Config> {
        let path = if root == Path::new(".") || root.as_os_str().is_empty() {
            PathBuf::from(CONFIG_FILE)
        } else {
            root.join(CONFIG_FILE)
        };
        let text = match crate::limits::read_text(&path) {
            Ok(text) => text,
            Err(e) => {
                let d = Diagnostic::error(format!("cannot read {CONFIG_FILE}: {e}")).in_file(&path);
                problems.push(if e.kind() == std::io::ErrorKind::NotFound {
                    d.help(format!(
                        "run dossier in a site folder (one with {CONFIG_FILE}), pass --root DIR, or create a site with `dossier init DIR`"
                    ))
                } else {
                    d
                });
                return None;
            }
        };
        let mut config = Config::read(&path, &text, problems);
        check_theme(root, &mut config, problems);
        Some(config)
    }

    /// Parse the text of a site.yaml; every problem in it at once.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostics> {
        let mut problems = Diagnostics::new();
        let config = Config::read(path, text, &mut problems);
        if problems.has_errors() {
            return Err(problems.sorted());
        }
        Ok(config)
    }

    /// Read the text of a site.yaml as far as it goes, pushing every problem
    /// into `problems`; wrong settings keep their defaults.
    pub fn read(path: &Path, text: &str, problems: &mut Diagnostics) -> Config {
        let mut reader = Reader::new(path, 0);
        let mut places = Places::new(path);
        // Nesting and aliases are bounded before the parser sees the text.
        let parsed = match crate::limits::check_yaml(path, text, 1) {
            Ok(()) => yaml::parse(text).map_err(|err| reader.syntax(&err)),
            Err(d) => {
                problems.push(d);
                Err(())
            }
        };
        let site = match parsed {
            Ok(root) => read_site(&mut reader, &root, &mut places),
            Err(()) => SiteConfig::defaults(),
        };
        problems.extend(reader.problems);
        let mut config = Config::assemble(site, places);
        config.timezone = timezone(&config, problems);
        config
    }

    /// A configuration made in code (loose files given to `dossier quotes`).
    pub fn new(path: &Path, mut site: SiteConfig) -> Result<Config, Diagnostics> {
        let mut problems = Diagnostics::new();
        let places = Places::new(path);
        for id in site.actors.keys().chain(site.topics.keys()) {
            if let Some((message, help)) = id_problem(id) {
                problems.push(places.at("", Diagnostic::error(message).help(help)));
            }
        }
        if site.title.trim().is_empty() {
            problems.push(places.at("", title_missing()));
        }
        if let Some(why) = base_url_problem(&site.base_url) {
            problems.push(places.at("", base_url_error(&site.base_url, why)));
            site.base_url = default_base_url();
        }
        let mut config = Config::assemble(site, places);
        config.timezone = timezone(&config, &mut problems);
        if problems.has_errors() {
            return Err(problems.sorted());
        }
        Ok(config)
    }

    fn assemble(site: SiteConfig, places: Places) -> Config {
        let base_url = site.base_url.trim_end_matches('/').to_string();
        let base_path = base_path_of(&base_url);
        Config {
            site,
            timezone: chrono_tz::UTC,
            base_url,
            base_path,
            places,
        }
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

    /// The configuration with another `base_url`; the caller has checked it
    /// with [`base_url_problem`].
    pub fn with_base_url(mut self, base_url: &str) -> Config {
        self.site.base_url = base_url.to_string();
        self.base_url = base_url.trim_end_matches('/').to_string();
        self.base_path = base_path_of(&self.base_url);
        self
    }
}

/// Read the settings of site.yaml key by key.
fn read_site(r: &mut Reader, root: &Node, places: &mut Places) -> SiteConfig {
    let mut site = SiteConfig::defaults();
    if root.is_null() {
        r.error(
            root,
            "site.yaml is empty",
            "write at least the site's title: `title: My Briefing`",
        );
        return site;
    }
    let mut title = None;
    for (key, key_node, value) in r.mapping(root, CONFIG_FILE, SITE_KEYS) {
        places.record(key.to_string(), key_node, value);
        match key {
            "title" => {
                title = Some(value);
                site.title = r.string(key, value).unwrap_or_default();
            }
            "base_url" => {
                if let Some(url) = r.string(key, value) {
                    match base_url_problem(&url) {
                        Some(why) => r.problems.push(r.place(value, base_url_error(&url, why))),
                        None => site.base_url = url,
                    }
                }
            }
            "description" => site.description = r.string(key, value).unwrap_or_default(),
            "language" => {
                if let Some(language) = r.string(key, value) {
                    site.language = language;
                }
            }
            "theme" => {
                if let Some(theme) = r.string(key, value) {
                    if is_folder_name(&theme) {
                        site.theme = theme;
                    } else {
                        r.error(
                            value,
                            format!("`theme` \"{theme}\" is not the name of a folder in themes/"),
                            "name a folder of themes/, e.g. `theme: default` for themes/default/ or the built-in theme",
                        );
                    }
                }
            }
            "output_dir" => match r.string(key, value) {
                Some(dir) if !dir.trim().is_empty() => site.output_dir = PathBuf::from(dir),
                Some(_) => r.error(
                    value,
                    "`output_dir` is empty",
                    "name a folder of its own for the built site, e.g. `output_dir: public`",
                ),
                None => {}
            },
            "timezone" => {
                if let Some(tz) = r.string(key, value) {
                    site.timezone = tz;
                }
            }
            "actors" => site.actors = read_actors(r, value, places),
            "topics" => site.topics = read_topics(r, value, places),
            "quotes" => read_quotes(r, value, &mut site.quotes),
            "digest" => read_digest(r, value, &mut site.digest),
            "print" => read_print(r, value, &mut site.print),
            "import" => {
                for (key, _, value) in r.mapping(value, "`import`", &["furniture"]) {
                    site.import.furniture = texts(r.strings(key, value));
                }
            }
            _ => unreachable!("mapping() passes only the keys listed"),
        }
    }
    // A title of the wrong type has been reported already.
    let wrong_type = title.is_some_and(|v| !v.is_null() && v.text().is_none());
    if site.title.trim().is_empty() && !wrong_type {
        let d = r.place(title.unwrap_or(root), title_missing());
        r.problems.push(d);
    }
    site
}

fn read_quotes(r: &mut Reader, node: &Node, quotes: &mut QuotesConfig) {
    for (key, _, value) in r.mapping(node, "`quotes`", &["min_words"]) {
        set(&mut quotes.min_words, r.number(key, value, 1, 4));
    }
}

fn read_digest(r: &mut Reader, node: &Node, digest: &mut DigestConfig) {
    for (key, _, value) in r.mapping(node, "`digest`", &["recent", "page_size", "weeks"]) {
        match key {
            "recent" => set(&mut digest.recent, r.number(key, value, 0, 20)),
            "page_size" => set(&mut digest.page_size, r.number(key, value, 1, 50)),
            _ => set(&mut digest.weeks, r.number(key, value, 1, 8)),
        }
    }
}

fn read_print(r: &mut Reader, node: &Node, print: &mut PrintConfig) {
    for (key, _, value) in r.mapping(node, "`print`", &["paper"]) {
        match r.choice(key, value, &["A4", "Letter"]) {
            Some(0) => print.paper = Paper::A4,
            Some(_) => print.paper = Paper::Letter,
            None => {}
        }
    }
}

fn texts(items: Vec<(String, &Node)>) -> Vec<String> {
    items.into_iter().map(|(text, _)| text).collect()
}

/// Set `field` to a number read, when it was read and fits.
fn set<T: TryFrom<i64>>(field: &mut T, value: Option<i64>) {
    if let Some(v) = value.and_then(|v| T::try_from(v).ok()) {
        *field = v;
    }
}

/// The registry's actors. An entry with a wrong id or no name is left out
/// (and reported), so the run goes on without it.
fn read_actors(r: &mut Reader, node: &Node, places: &mut Places) -> BTreeMap<String, ActorEntry> {
    let mut actors = BTreeMap::new();
    for (id, key_node, entry) in r.mapping(node, "`actors`", &[]) {
        places.record(format!("actors.{id}"), key_node, key_node);
        if !registry_id(r, id, key_node) {
            continue;
        }
        let mut actor = ActorEntry {
            name: String::new(),
            aliases: Vec::new(),
            role: None,
            kind: ActorKind::Person,
        };
        for (key, _, value) in r.mapping(entry, &format!("actor `{id}`"), ACTOR_KEYS) {
            match key {
                "name" => actor.name = r.string(key, value).unwrap_or_default(),
                "aliases" => actor.aliases = texts(r.strings(key, value)),
                "role" => actor.role = r.string(key, value),
                _ => {
                    let kinds = &["person", "organisation", "organization"];
                    if let Some(i) = r.choice(key, value, kinds) {
                        actor.kind = if i == 0 {
                            ActorKind::Person
                        } else {
                            ActorKind::Organisation
                        };
                    }
                }
            }
        }
        if actor.name.trim().is_empty() {
            r.error(
                key_node,
                format!("actor `{id}` has no `name`"),
                format!(
                    "give the name as readers know it: `name: {}`",
                    title_case(id)
                ),
            );
            continue;
        }
        actors.insert(id.to_string(), actor);
    }
    actors
}

/// The registry's topics; as with actors, a wrong entry is reported and left out.
fn read_topics(r: &mut Reader, node: &Node, places: &mut Places) -> BTreeMap<String, TopicEntry> {
    let mut topics = BTreeMap::new();
    for (id, key_node, entry) in r.mapping(node, "`topics`", &[]) {
        places.record(format!("topics.{id}"), key_node, key_node);
        if !registry_id(r, id, key_node) {
            continue;
        }
        let mut topic = TopicEntry {
            title: String::new(),
            keywords: Vec::new(),
        };
        for (key, _, value) in r.mapping(entry, &format!("topic `{id}`"), TOPIC_KEYS) {
            match key {
                "title" => topic.title = r.string(key, value).unwrap_or_default(),
                _ => topic.keywords = texts(r.strings(key, value)),
            }
        }
        if topic.title.trim().is_empty() {
            r.error(
                key_node,
                format!("topic `{id}` has no `title`"),
                format!("give the topic's title: `title: {}`", title_case(id)),
            );
            continue;
        }
        topics.insert(id.to_string(), topic);
    }
    topics
}

/// Whether `id` can be a registry id; reports it at `node` when not.
fn registry_id(r: &mut Reader, id: &str, node: &Node) -> bool {
    match id_problem(id) {
        Some((message, help)) => {
            r.error(node, message, help);
            false
        }
        None => true,
    }
}

/// What is wrong with a registry id, and what would be right.
pub fn id_problem(id: &str) -> Option<(String, String)> {
    if let Err(problem) = crate::slug::check_slug(id) {
        return Some((
            problem.describe(&format!("the id `{id}`")),
            "give it an id of lowercase letters, digits and hyphens, at most 255 bytes, e.g. `foreign-ministry`".into(),
        ));
    }
    let slug = crate::slug::slugify(id);
    (slug != id).then(|| {
        (
            format!("`{id}` cannot be an id: ids appear in URLs"),
            format!("use lowercase letters, digits and hyphens, e.g. `{slug}`"),
        )
    })
}

/// `jane-doe` -> `Jane Doe`, for examples in messages.
fn title_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_missing() -> Diagnostic {
    Diagnostic::error("`title` is missing or empty: the site needs a title")
        .help("give the site a title, e.g. `title: Syria Talks Briefing`")
}

/// The site's timezone; an unknown one is reported at `timezone` and UTC used.
fn timezone(config: &Config, problems: &mut Diagnostics) -> chrono_tz::Tz {
    let name = config.site.timezone.trim();
    if let Ok(tz) = name.parse::<chrono_tz::Tz>() {
        return tz;
    }
    let names = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
    let help = match did_you_mean(name, names) {
        Some(close) => format!("did you mean `timezone: {close}`?"),
        None => "use an IANA name such as UTC, Europe/Paris or America/New_York".to_string(),
    };
    problems.push(config.places.at(
        "timezone",
        Diagnostic::error(format!("unknown timezone `{name}`")).help(help),
    ));
    chrono_tz::UTC
}

/// A theme is a folder of `themes/` or the built-in `default`; an unknown one
/// is reported at `theme`, and the built-in theme used for the rest of the run.
fn check_theme(root: &Path, config: &mut Config, problems: &mut Diagnostics) {
    let name = &config.site.theme;
    if name == "default" || root.join("themes").join(name).is_dir() {
        return;
    }
    problems.push(config.places.at(
        "theme",
        Diagnostic::error(format!("theme `{name}` not found: there is no themes/{name}/ folder"))
            .help(format!(
                "put the theme in themes/{name}/ (with templates/ and static/), or use `theme: default`"
            )),
    ));
    config.site.theme = default_theme();
}

/// One plain folder name: no separators, no `.` or `..`.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
}

/// What is wrong with a base URL, if anything. It goes into every link of
/// every page, so only a web address (`http://`, `https://`) or a path from
/// the root of the server (`/briefing`) may pass: `javascript:` or `data:`
/// there would run in the reader's browser.
pub fn base_url_problem(url: &str) -> Option<&'static str> {
    if url.is_empty() {
        return None;
    }
    if url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
    }) {
        return Some("it holds spaces, quotes, `<`, `>` or `\\`, which no address has");
    }
    if url.contains(['?', '#']) {
        return Some("a base URL has no query (`?`) or fragment (`#`)");
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        let host = rest.split('/').next().unwrap_or_default();
        return (host.is_empty() || host.starts_with(':'))
            .then_some("it has no host name after the scheme");
    }
    if url.starts_with("//") {
        return Some("`//` starts another site's address (with the scheme left out), not a path");
    }
    if url.starts_with('/') {
        return None;
    }
    Some(
        "it is neither a web address (http:// or https://) nor a path from the server's root (starting with /)",
    )
}

fn base_url_error(url: &str, why: &str) -> Diagnostic {
    Diagnostic::error(format!("`base_url` \"{url}\" cannot be the site's address: {why}"))
        .help("use the address the site is served from, e.g. `base_url: https://briefing.example.org`, or a path such as `/briefing`")
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
