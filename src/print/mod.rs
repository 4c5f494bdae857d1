//! Printable digests: one HTML document per selection (a topic, an actor or
//! everything) and date window, made for paper, and a PDF of it through
//! headless Chromium (`chromium`).
//!
//! The document is the theme's `print.html` (the built-in one when a theme
//! has none) with the theme's `print.css` inlined, so it needs nothing beside
//! it: Chromium prints it from a `file://` URL, and the build's copies under
//! `/print/` work from any folder.
//!
//! Every article's body shares the document with the others, so its ids are
//! prefixed (`a3-q1`) and its links become numbered notes (see `html`).

pub mod chromium;

mod html;
mod section;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;
use typed_index_collections::TiVec;

use crate::config::{Config, Paper};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::output::Staging;
use crate::render::views::*;
use crate::render::{QuoteMark, Renderer, Theme, link_quotes};
use crate::site::routes;
use crate::site::{
    ActorIdx, ArticleIdx, QuotationIdx, QuoteKind, Site, SourceIdx, Speaker, TopicIdx, ranked,
};
use crate::slug::slugify;
use crate::text::shorten;

pub use html::Note;
use section::{ALSO, Placeholders, PrintCount, SECTION, Section, Sections, Shape};

pub const TEMPLATE: &str = "print.html";
/// The partials the built-in `print.html` includes.
const PICTURE_PARTIALS: &[&str] = &["partials/coverage.html", "partials/network.html"];
pub const STYLESHEET: &str = "print.css";

/// How many articles (the latest) a build's print page holds. Each article
/// of a digest is printed in full, so the print pages weigh as much as the
/// articles they hold: a bound keeps a build of 100,000 articles from
/// writing them all again per actor and topic. Any period of any size:
/// `dossier print SELECTOR --from --to`.
pub const BUILD_LATEST: usize = 20;

/// What to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Topic(String),
    Actor(String),
    All,
}

impl FromStr for Selector {
    type Err = String;

    fn from_str(s: &str) -> Result<Selector, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") {
            return Ok(Selector::All);
        }
        let hint = "expected `topic:ID`, `actor:ID` or `all` (for example `topic:syria`)";
        let Some((kind, id)) = s.split_once(':') else {
            return Err(format!("`{s}` is not a selection: {hint}"));
        };
        let id = id.trim();
        if id.is_empty() {
            return Err(format!("`{s}` names no id: {hint}"));
        }
        match kind.trim().to_ascii_lowercase().as_str() {
            "topic" | "topics" => Ok(Selector::Topic(id.to_string())),
            "actor" | "actors" => Ok(Selector::Actor(id.to_string())),
            other => Err(format!("`{other}` is neither `topic` nor `actor`: {hint}")),
        }
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Topic(id) => write!(f, "topic:{id}"),
            Selector::Actor(id) => write!(f, "actor:{id}"),
            Selector::All => f.write_str("all"),
        }
    }
}

/// Days to print, both ends included; either may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Window {
    pub fn contains(&self, date: &DateTime<FixedOffset>) -> bool {
        let day = date.date_naive();
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// What a printable digest is about, resolved against the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Topic(TopicIdx),
    Actor(ActorIdx),
    All,
}

impl Subject {
    /// The name templates see (`print.kind`).
    pub fn kind(self) -> &'static str {
        match self {
            Subject::Topic(_) => "topic",
            Subject::Actor(_) => "actor",
            Subject::All => "all",
        }
    }

    fn topic(self) -> Option<TopicIdx> {
        match self {
            Subject::Topic(t) => Some(t),
            _ => None,
        }
    }

    fn actor(self) -> Option<ActorIdx> {
        match self {
            Subject::Actor(a) => Some(a),
            _ => None,
        }
    }
}

/// The articles of one printable digest, oldest first.
#[derive(Debug, Clone)]
pub struct Selection {
    pub selector: Selector,
    pub subject: Subject,
    pub window: Window,
    pub articles: Vec<ArticleIdx>,
    /// How many articles the selection has before the window and any limit.
    pub total: usize,
    /// Only the latest `n` were kept (the build's pages).
    pub limited: bool,
}

/// Resolve a selector and window against the site. An unknown id names the
/// close ones; an empty result says what dates the selection has.
pub fn select(site: &Site, selector: &Selector, window: Window) -> Result<Selection, Diagnostic> {
    if let (Some(from), Some(to)) = (window.from, window.to)
        && from > to
    {
        return Err(Diagnostic::error(format!(
            "the period is empty: --from {from} is after --to {to}"
        ))
        .help("swap the two dates"));
    }
    let (subject, all): (Subject, Vec<ArticleIdx>) = match selector {
        Selector::Topic(id) => {
            let t = find_topic(site, id)?;
            (Subject::Topic(t), site.topics[t].articles.clone())
        }
        Selector::Actor(id) => {
            let a = find_actor(site, id)?;
            (Subject::Actor(a), site.actors[a].articles.clone())
        }
        Selector::All => (Subject::All, site.articles.keys().collect()),
    };
    let total = all.len();
    let mut articles: Vec<ArticleIdx> = all
        .iter()
        .copied()
        .filter(|&a| window.contains(&site.articles[a].date))
        .collect();
    oldest_first(site, &mut articles);
    if articles.is_empty() {
        let what = match selector {
            Selector::All => "the site".to_string(),
            other => format!("`{other}`"),
        };
        let mut d = if total == 0 {
            Diagnostic::error(format!("{what} has no articles to print"))
        } else {
            Diagnostic::error(format!(
                "{what} has no articles {}",
                describe_window(&window)
            ))
        };
        if let Some(p) = period(site, &all) {
            d = d.help(format!(
                "its {total} article{} run from {} to {}: widen --from/--to",
                crate::text::plural(total),
                p.from.iso,
                p.to.iso
            ));
        }
        return Err(d);
    }
    Ok(Selection {
        selector: selector.clone(),
        subject,
        window,
        articles,
        total,
        limited: false,
    })
}

fn describe_window(window: &Window) -> String {
    match (window.from, window.to) {
        (Some(from), Some(to)) => format!("between {from} and {to}"),
        (Some(from), None) => format!("on or after {from}"),
        (None, Some(to)) => format!("on or before {to}"),
        (None, None) => String::new(),
    }
}

fn oldest_first(site: &Site, articles: &mut [ArticleIdx]) {
    articles.sort_by(|&a, &b| {
        let (a, b) = (&site.articles[a], &site.articles[b]);
        a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug))
    });
}

fn find_topic(site: &Site, id: &str) -> Result<TopicIdx, Diagnostic> {
    if let Some(&t) = site.topic_ids.get(id) {
        return Ok(t);
    }
    let wanted = slugify(id);
    if let Some(t) = site
        .topics
        .position(|t| t.id == wanted || slugify(&t.title) == wanted)
    {
        return Ok(t);
    }
    Err(unknown(
        "topic",
        id,
        site.topics.iter().map(|t| t.id.as_str()).collect(),
    ))
}

fn find_actor(site: &Site, id: &str) -> Result<ActorIdx, Diagnostic> {
    if let Some(&a) = site.actor_ids.get(id) {
        return Ok(a);
    }
    let wanted = slugify(id);
    if let Some(a) = site.actors.position(|a| {
        a.id == wanted
            || slugify(&a.name) == wanted
            || a.aliases.iter().any(|alias| slugify(alias) == wanted)
    }) {
        return Ok(a);
    }
    Err(unknown(
        "actor",
        id,
        site.actors.iter().map(|a| a.id.as_str()).collect(),
    ))
}

fn unknown(kind: &str, id: &str, mut ids: Vec<&str>) -> Diagnostic {
    ids.sort_unstable();
    let d = Diagnostic::error(format!("there is no {kind} `{id}`"));
    if let Some(close) = did_you_mean(id, ids.iter().copied()) {
        return d.help(format!("did you mean `{kind}:{close}`?"));
    }
    // Otherwise the ids that share a word with it, or the first few.
    let words: Vec<String> = slugify(id).split('-').map(str::to_string).collect();
    let mut near: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|c| {
            c.split('-')
                .any(|w| w.len() > 2 && words.iter().any(|x| x == w))
        })
        .collect();
    if near.is_empty() {
        near = ids.clone();
    }
    let shown: Vec<String> = near
        .iter()
        .take(12)
        .map(|c| format!("{kind}:{c}"))
        .collect();
    let more = near.len().saturating_sub(shown.len());
    if shown.is_empty() {
        return d.help(format!("the site has no {kind}s yet"));
    }
    d.help(format!(
        "known {kind}s include {}{}",
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    ))
}

/// The build's part: a print page per topic and per actor under `/print/`
/// (rendered on a dry run too, so `check` reports their errors).
pub fn write_pages(
    config: &Config,
    theme: &Theme,
    site: &Site,
    renderer: &Renderer,
    staging: Option<&Staging>,
) -> Result<(), Diagnostics> {
    let printer = Printer::new(config, theme, site, renderer)?;
    printer.write_pages(staging).map(|_| ())
}

/// What a print document is made with beyond the site: the template, its
/// style sheet, the paper and the day it is made.
pub struct Printer<'a> {
    config: &'a Config,
    site: &'a Site,
    tera: std::borrow::Cow<'a, Tera>,
    base: tera::Context,
    style: String,
    made: DateTime<FixedOffset>,
    /// What every document prints of an article alike, made the first time
    /// a document holds it: a build prints most articles in several.
    prepared: TiVec<ArticleIdx, OnceLock<Prepared<'a>>>,
    /// Each article's section (`partials/print_article.html`), rendered
    /// once for every document that holds it (`section`).
    sections: TiVec<ArticleIdx, Sections>,
    /// Whether the section's template only prints its per-document numbers,
    /// so that a section rendered once can be filled for each document.
    fills: bool,
    /// Whether its sections depend on how many "also in" references each
    /// quotation has (the built-in one prints `also_html` instead).
    reads_also: bool,
    /// `partials/print_also.html` by the numbers of the articles it lists
    /// (an `ArticleRef` is its number): a build's documents list the same
    /// few again and again, and most quotations none.
    also_made: std::sync::Mutex<HashMap<Vec<usize>, String>>,
    /// Whether the document's template reads none of its articles' bodies,
    /// quotations and notes (the built-in one prints their `html`): they
    /// are then left out of its context.
    lean: bool,
}

impl<'a> Printer<'a> {
    pub fn new(
        config: &'a Config,
        theme: &Theme,
        site: &'a Site,
        renderer: &'a Renderer,
    ) -> Result<Printer<'a>, Diagnostic> {
        let mut tera = std::borrow::Cow::Borrowed(renderer.tera());
        let has = |name: &str| renderer.tera().get_template_names().any(|n| n == name);
        let mut needed: Vec<&str> = Vec::new();
        if !has(TEMPLATE) {
            // A theme of its own without a print template prints with the
            // built-in one.
            // It draws the pictures with the built-in partials, which such
            // a theme may lack.
            needed.push(TEMPLATE);
            needed.extend(PICTURE_PARTIALS.iter().copied().filter(|p| !has(p)));
        }
        // Every article's `html` is rendered with them.
        needed.extend([SECTION, ALSO].into_iter().filter(|p| !has(p)));
        if !needed.is_empty() {
            let builtin = Theme::embedded();
            let sources: Vec<(String, String)> = needed
                .into_iter()
                .map(|name| {
                    let text = builtin
                        .templates
                        .iter()
                        .find(|t| t.name == name)
                        .map(|t| t.text.clone())
                        .expect("the built-in theme has print.html and its partials");
                    (name.to_string(), text)
                })
                .collect();
            tera.to_mut().add_raw_templates(sources).map_err(|e| {
                Diagnostic::error(format!(
                    "template error: {}",
                    crate::render::error_chain(&e)
                ))
            })?;
        }
        let style = stylesheet(theme)?;
        let scan = section::scan(&tera, SECTION);
        let lean = !section::reads_article_fields(&tera, TEMPLATE, LEFT_OUT);
        Ok(Printer {
            config,
            site,
            tera,
            base: renderer.base_context(),
            style,
            made: made_at(config),
            prepared: site.articles.iter().map(|_| OnceLock::new()).collect(),
            sections: site.articles.iter().map(|_| Sections::default()).collect(),
            fills: scan.prints_only,
            reads_also: scan.reads_also,
            also_made: Default::default(),
            lean,
        })
    }

    /// Make the print page of each topic and actor, into `print/`: the
    /// latest `BUILD_LATEST` articles of the digest (the cover says so, and
    /// how to print another period with `dossier print`).
    pub fn write_pages(&self, staging: Option<&Staging>) -> Result<usize, Diagnostics> {
        self.write_pages_keeping(staging, &|_, _| false)
    }

    /// The build's print pages: each one's output path and selection.
    pub fn build_selections(&self) -> Vec<(String, Selection)> {
        let limit = BUILD_LATEST;
        let mut selections: Vec<(String, Selection)> = Vec::new();
        for (t, topic) in self.site.topics.iter_enumerated() {
            if let Some(s) = self.latest(
                Selector::Topic(topic.id.clone()),
                Subject::Topic(t),
                &topic.articles,
                limit,
            ) {
                selections.push((routes::index_file(&routes::print_topic(&topic.id)), s));
            }
        }
        for (a, actor) in self.site.actors.iter_enumerated() {
            if let Some(s) = self.latest(
                Selector::Actor(actor.id.clone()),
                Subject::Actor(a),
                &actor.articles,
                limit,
            ) {
                selections.push((routes::index_file(&routes::print_actor(&actor.id)), s));
            }
        }
        selections
    }

    /// The style sheet every document inlines (a cached build's print
    /// pages depend on it).
    pub fn style(&self) -> &str {
        &self.style
    }

    /// When the documents say they were made (`print.made`), as a cached
    /// build's print pages depend on it: the day, which the cover shows.
    pub fn made_shown(&self) -> DateView {
        date(&self.made)
    }

    /// [`Printer::write_pages`], rendering only the pages `keep` does not
    /// take: a cached build takes those whose inputs did not change from
    /// the live output (`keep` returns true when it did).
    pub fn write_pages_keeping(
        &self,
        staging: Option<&Staging>,
        keep: &(dyn Fn(&str, &Selection) -> bool + Sync),
    ) -> Result<usize, Diagnostics> {
        let selections = self.build_selections();
        let errors: Vec<Diagnostic> = selections
            .par_iter()
            .filter_map(|(path, selection)| {
                if keep(path, selection) {
                    return None;
                }
                let html = match self.render(selection, false) {
                    Ok(html) => html,
                    Err(d) => return Some(d),
                };
                let staging = staging?;
                staging.write(path, html.as_bytes()).err().map(|e| {
                    Diagnostic::error(format!("cannot write {path}: {e}")).in_file(staging.dir())
                })
            })
            .collect();
        if errors.is_empty() {
            Ok(selections.len())
        } else {
            let mut all = crate::diagnostics::Diagnostics::new();
            all.extend(errors);
            Err(all.sorted())
        }
    }

    fn latest(
        &self,
        selector: Selector,
        subject: Subject,
        newest_first: &[ArticleIdx],
        limit: usize,
    ) -> Option<Selection> {
        if newest_first.is_empty() {
            return None;
        }
        let mut articles: Vec<ArticleIdx> = newest_first.iter().take(limit).copied().collect();
        oldest_first(self.site, &mut articles);
        Some(Selection {
            selector,
            subject,
            window: Window::default(),
            articles,
            total: newest_first.len(),
            limited: newest_first.len() > limit,
        })
    }

    /// The document of one selection. `standalone` documents are files on
    /// their own (the `print` command); the others are pages of the site.
    pub fn render(&self, selection: &Selection, standalone: bool) -> Result<String, Diagnostic> {
        let mut ctx = self.base.clone();
        let doc = self.document(selection, standalone)?;
        ctx.insert("page", &doc.page);
        ctx.insert("print", &doc.print);
        ctx.insert("summary", &doc.summary);
        if self.lean {
            let lean: Vec<LeanArticle> = doc.articles.iter().map(LeanArticle::of).collect();
            ctx.insert("articles", &lean);
        } else {
            ctx.insert("articles", &doc.articles);
        }
        self.tera
            .render(TEMPLATE, &ctx)
            .map_err(|e| crate::render::render_error(TEMPLATE, &e))
    }

    fn document<'p>(
        &'p self,
        selection: &Selection,
        standalone: bool,
    ) -> Result<Document<'a, 'p>, Diagnostic> {
        let (config, site) = (self.config, self.site);
        let (title, subtitle, label, digest_url) = match selection.subject {
            Subject::Topic(t) => {
                let t = &site.topics[t];
                (
                    t.title.clone(),
                    None,
                    "Topic digest",
                    Some(config.permalink(&routes::topic(&t.id))),
                )
            }
            Subject::Actor(a) => {
                let a = &site.actors[a];
                (
                    a.name.clone(),
                    a.role.clone(),
                    "Actor digest",
                    Some(config.permalink(&routes::actor(&a.id))),
                )
            }
            Subject::All => (
                "All articles".to_string(),
                None,
                "Complete digest",
                Some(config.permalink("")),
            ),
        };
        let selected = &selection.articles;
        let newest_first: Vec<ArticleIdx> = selected.iter().rev().copied().collect();
        let actual = period(site, &newest_first);
        let (first, last) = match actual {
            Some(p) => (Some(p.from), Some(p.to)),
            None => (None, None),
        };
        let shown_period = PeriodView {
            from: selection.window.from.map(day_view).or(first),
            to: selection.window.to.map(day_view).or(last),
        };
        let running_head = format!("{} · {label}: {title}", config.site.title);
        let paper = match config.site.print.paper {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        };
        let mut articles = Vec::with_capacity(selected.len());
        let mut next_note = 1;
        // Each quotation of the document with the numbers of the articles
        // that carry it (ascending): for "also in" and the summary. Popular
        // statements appear in thousands of articles; only the document's
        // are looked at.
        let mut in_doc: HashMap<QuotationIdx, Vec<usize>> = HashMap::new();
        for (n, &a) in selected.iter().enumerate() {
            for q in &site.articles[a].quotes {
                let list = in_doc.entry(q.quotation).or_default();
                if list.last() != Some(&(n + 1)) {
                    list.push(n + 1);
                }
            }
        }
        for (n, &a) in selected.iter().enumerate() {
            let view = self.article(a, n + 1, next_note, &in_doc);
            next_note += view.shared.body.note_count();
            articles.push(view);
        }
        for (view, &a) in articles.iter_mut().zip(selected) {
            for q in view.quotes.iter_mut() {
                q.also_html = self.also_html(&q.also)?;
            }
            view.html = Some(self.section(a, view, selected.len())?);
        }
        let summary = self.summary(selection, in_doc);
        Ok(Document {
            page: PageView {
                kind: "print",
                title: format!("{label}: {title}"),
                description: format!(
                    "{label} of {title}, {} article{}",
                    selected.len(),
                    crate::text::plural(selected.len())
                ),
                url: config.url(&match selection.subject {
                    Subject::Topic(t) => routes::print_topic(&site.topics[t].id),
                    Subject::Actor(a) => routes::print_actor(&site.actors[a].id),
                    Subject::All => routes::PRINT.to_string(),
                }),
            },
            print: PrintView {
                kind: selection.subject.kind(),
                selector: selection.selector.to_string(),
                title,
                subtitle,
                label,
                paper,
                period: shown_period,
                window: WindowView {
                    from: selection.window.from.map(day_view),
                    to: selection.window.to.map(day_view),
                },
                made: date(&self.made),
                articles: selected.len(),
                total: selection.total,
                limited: selection.limited,
                standalone,
                digest_url,
                style: self.style.clone(),
                running_head: css_string(&running_head),
                running_foot: css_string(&format!(
                    "{} · made {}",
                    config.site.title,
                    date(&self.made).human
                )),
            },
            summary,
            articles,
        })
    }

    /// The article's section of its document (`total` articles): the one
    /// rendered for its shape, with the document's numbers.
    fn section(
        &self,
        a: ArticleIdx,
        view: &PrintArticle<'a, '_>,
        total: usize,
    ) -> Result<String, Diagnostic> {
        if !self.fills {
            return self.own_section(view, total);
        }
        let shape: Shape = if self.reads_also {
            view.quotes.iter().map(|q| q.also.len() as u32).collect()
        } else {
            Shape::new()
        };
        let section =
            self.sections[a].get(&shape, || self.placeholder_section(view.shared, &shape));
        match section.fill(view, total) {
            Some(html) => Ok(html),
            None => self.own_section(view, total),
        }
    }

    /// The section rendered with placeholders for the numbers of a document.
    fn placeholder_section(&self, prepared: &Prepared<'a>, shape: &Shape) -> Section {
        let view = Placeholders::new(prepared, shape);
        let mut ctx = self.base.clone();
        ctx.insert("a", &view.a);
        ctx.insert("print", &view.print);
        if section::has_nul(ctx.get("a")) {
            return Section::Own;
        }
        match self.tera.render(SECTION, &ctx) {
            Ok(text) => Section::read(
                &text,
                prepared.body.note_count(),
                prepared.quotes.len(),
                shape,
            ),
            // Rendered with the document's own numbers, which it may need.
            Err(_) => Section::Own,
        }
    }

    /// A quotation's references to the other articles of its document that
    /// report it (`partials/print_also.html`).
    fn also_html(&self, also: &[ArticleRef]) -> Result<String, Diagnostic> {
        let numbers: Vec<usize> = also.iter().map(|r| r.number).collect();
        let made = (self.also_made.lock().unwrap_or_else(|e| e.into_inner()))
            .get(&numbers)
            .cloned();
        if let Some(html) = made {
            return Ok(html);
        }
        let mut ctx = self.base.clone();
        ctx.insert("also", also);
        let html = self
            .tera
            .render(ALSO, &ctx)
            .map_err(|e| crate::render::render_error(ALSO, &e))?;
        (self.also_made.lock().unwrap_or_else(|e| e.into_inner())).insert(numbers, html.clone());
        Ok(html)
    }

    /// The section rendered for one document.
    fn own_section(&self, view: &PrintArticle, total: usize) -> Result<String, Diagnostic> {
        let mut ctx = self.base.clone();
        ctx.insert("a", view);
        ctx.insert("print", &PrintCount { articles: total });
        self.tera
            .render(SECTION, &ctx)
            .map_err(|e| crate::render::render_error(SECTION, &e))
    }

    /// The article as the document prints it: what every document prints
    /// alike (`prepared`), numbered and linked within this one.
    fn article<'p>(
        &'p self,
        a: ArticleIdx,
        number: usize,
        first_note: usize,
        in_doc: &HashMap<QuotationIdx, Vec<usize>>,
    ) -> PrintArticle<'a, 'p> {
        let prepared = self.prepared(a);
        let prefix = format!("a{number}");
        let quotes = self.site.articles[a]
            .quotes
            .iter()
            .zip(&prepared.quotes)
            .enumerate()
            .map(|(i, (q, shared))| PrintQuote {
                shared,
                also_html: String::new(),
                number: i + 1,
                anchor: format!("{prefix}-q{}", i + 1),
                list_anchor: format!("{prefix}-quote-{}", i + 1),
                also: in_doc
                    .get(&q.quotation)
                    .into_iter()
                    .flatten()
                    .filter(|&&n| n != number)
                    .map(|&n| ArticleRef {
                        number: n,
                        anchor: format!("article-{n}"),
                    })
                    .collect(),
            })
            .collect();
        let (body, notes) = prepared.body.fill(&prefix, first_note);
        PrintArticle {
            number,
            anchor: format!("article-{number}"),
            prefix,
            shared: prepared,
            body,
            notes,
            quotes,
            html: None,
        }
    }

    fn prepared(&self, a: ArticleIdx) -> &Prepared<'a> {
        self.prepared[a].get_or_init(|| self.prepare(a))
    }

    /// What every document prints of an article alike: its card, its
    /// quotations as they read, and its body with the quotations marked,
    /// rewritten for print but for its prefix and note numbers.
    fn prepare(&self, a: ArticleIdx) -> Prepared<'a> {
        let (config, site) = (self.config, self.site);
        let article: &'a crate::site::Article = &site.articles[a];
        let quotes: Vec<SharedQuote<'a>> = article
            .quotes
            .iter()
            .map(|q| {
                let quotation = &site.quotations[q.quotation];
                SharedQuote {
                    short: shorten(&q.text, 110),
                    text: &q.text,
                    kind: q.kind,
                    speaker: q.speaker.as_ref().map(|s| speaker(config, site, s)),
                    speaker_role: speaker_role(site, q.speaker.as_ref()),
                    outlets: quotation.outlets,
                    appearances: quotation.appearances.len(),
                }
            })
            .collect();
        // The body's quotation references lead to the article's list of
        // quotations (`quote-N`, prefixed with the rest).
        let marks: Vec<String> = (1..=quotes.len()).map(|n| format!("#quote-{n}")).collect();
        let marked = link_quotes(&article.body, |i| {
            quotes.get(i).map(|q| QuoteMark {
                kind: q.kind,
                number: i + 1,
                url: &marks[i],
                speaker: q.speaker.as_ref().map(|s| s.name),
                outlets: q.outlets,
            })
        });
        let reserved: Vec<String> = (1..=quotes.len()).map(|n| format!("quote-{n}")).collect();
        let page_url = config.permalink(&routes::article(&article.slug));
        let base = config.base_url.trim_end_matches('/');
        let body = html::prepare(
            &marked,
            &html::Links {
                base_url: base,
                page_url: &page_url,
                reserved: &reserved,
            },
        );
        let mut actors: Vec<&str> = article
            .actors
            .iter()
            .map(|&x| site.actors[x].name.as_str())
            .collect();
        actors.sort_unstable();
        let topics: Vec<&str> = article
            .topics
            .iter()
            .map(|&t| site.topics[t].title.as_str())
            .collect();
        Prepared {
            card: article_card(config, site, article),
            permalink: page_url,
            original_url: article.url.as_deref(),
            word_count: article.word_count,
            quote_count: quotes.iter().filter(|q| q.kind.is_statement()).count(),
            actors,
            topics,
            quotes,
            body,
        }
    }

    fn summary(
        &self,
        selection: &Selection,
        quote_counts: HashMap<QuotationIdx, Vec<usize>>,
    ) -> Summary<'a> {
        let (config, site) = (self.config, self.site);
        let mut actor_counts: HashMap<ActorIdx, usize> = HashMap::new();
        let mut topic_counts: HashMap<TopicIdx, usize> = HashMap::new();
        let mut source_counts: HashMap<Option<SourceIdx>, usize> = HashMap::new();
        // Quotation -> appearances within the selection.
        let mut words = 0;
        for &a in &selection.articles {
            let article = &site.articles[a];
            words += article.word_count;
            for &x in &article.actors {
                *actor_counts.entry(x).or_default() += 1;
            }
            for &t in &article.topics {
                *topic_counts.entry(t).or_default() += 1;
            }
            *source_counts.entry(article.source).or_default() += 1;
        }
        let mut by_kind = crate::site::QuoteCounts::default();
        for &q in quote_counts.keys() {
            by_kind.add(site.quotations[q].kind);
        }
        let coverage = self.coverage(selection, &quote_counts);
        let network = match selection.subject {
            Subject::Topic(t) => crate::site::pictures::topic_network(site, t),
            Subject::Actor(a) => crate::site::pictures::actor_network(site, a),
            Subject::All => None,
        }
        .map(|net| network(config, site, net));
        let prominence = actor_counts.clone();
        // Tags, not cards: a digest's counts (which every new quotation
        // changes) would make most print pages render again on any edit.
        let key_actors: Vec<ActorTag<'a>> = ranked(actor_counts)
            .into_iter()
            .filter(|&(x, _)| Some(x) != selection.subject.actor())
            .take(12)
            .map(|(x, c)| actor_tag(config, &site.actors[x], c))
            .collect();
        let topics: Vec<TopicTag<'a>> = ranked(topic_counts)
            .into_iter()
            .filter(|&(t, _)| Some(t) != selection.subject.topic())
            .take(10)
            .map(|(t, c)| topic_tag(config, &site.topics[t], c))
            .collect();
        let outlets = source_counts.keys().filter(|s| s.is_some()).count();
        let mut sources: Vec<SourceCount<'a>> = source_counts
            .into_iter()
            .map(|(s, count)| SourceCount {
                name: s.map_or("No outlet given", |s| site.sources[s].name.as_str()),
                known: s.is_some(),
                count,
            })
            .collect();
        // Outlets by articles, then those without one.
        sources.sort_by(|a, b| {
            b.known
                .cmp(&a.known)
                .then(b.count.cmp(&a.count))
                .then(a.name.cmp(b.name))
        });
        // The most reported statements: by articles of this document that
        // carry them, then by outlets overall. An actor's digest shows their
        // own words when they have any.
        let mut candidates: Vec<(QuotationIdx, Vec<usize>)> = quote_counts
            .into_iter()
            .filter(|(q, _)| site.quotations[*q].kind.is_statement())
            .collect();
        if let Some(actor) = selection.subject.actor()
            && candidates
                .iter()
                .any(|(q, _)| site.quotations[*q].speaker == Some(Speaker::Actor(actor)))
        {
            candidates.retain(|(q, _)| site.quotations[*q].speaker == Some(Speaker::Actor(actor)));
        }
        // Then full statements before partial ones, and the words of the
        // actors most present in the selection first.
        let weight = |q: &crate::site::Quotation| match &q.speaker {
            Some(Speaker::Actor(a)) => prominence.get(a).copied().unwrap_or(0),
            _ => 0,
        };
        candidates.sort_by(|(qa, la), (qb, lb)| {
            let (a, b) = (&site.quotations[*qa], &site.quotations[*qb]);
            lb.len()
                .cmp(&la.len())
                .then(b.outlets.cmp(&a.outlets))
                .then((a.kind != QuoteKind::Quote).cmp(&(b.kind != QuoteKind::Quote)))
                .then(weight(b).cmp(&weight(a)))
                .then(a.first_date.cmp(&b.first_date))
                .then_with(|| a.id.cmp(&b.id))
        });
        let shared_quotes = candidates
            .first()
            .is_some_and(|(q, list)| list.len() > 1 || site.quotations[*q].outlets > 1);
        let top_quotes = candidates
            .into_iter()
            .take(8)
            .map(|(q, mut in_articles)| {
                in_articles.sort_unstable();
                let quotation = &site.quotations[q];
                SummaryQuote {
                    short: shorten(&quotation.text, 320),
                    card: quote_card(config, site, quotation),
                    speaker_role: speaker_role(site, quotation.speaker.as_ref()),
                    in_articles: in_articles
                        .into_iter()
                        .map(|n| ArticleRef {
                            number: n,
                            anchor: format!("article-{n}"),
                        })
                        .collect(),
                }
            })
            .collect();
        Summary {
            counts: Counts {
                articles: selection.articles.len(),
                sources: outlets,
                quotations: by_kind.statements,
                statements: by_kind.statements,
                phrases: by_kind.phrases,
                actors: prominence.len(),
                words,
            },
            key_actors,
            topics,
            sources,
            top_quotes,
            shared_quotes,
            coverage,
            network,
        }
    }

    /// The selection's articles and the quotations they report, per period;
    /// no links, as a printed page has nowhere to go.
    fn coverage(
        &self,
        selection: &Selection,
        in_doc: &HashMap<QuotationIdx, Vec<usize>>,
    ) -> Option<CoverageView> {
        let newest_first: Vec<ArticleIdx> = selection.articles.iter().rev().copied().collect();
        let mut quotations: Vec<QuotationIdx> = in_doc
            .keys()
            .copied()
            .filter(|&q| self.site.quotations[q].kind != QuoteKind::Fragment)
            .collect();
        quotations.sort_unstable();
        crate::site::pictures::Timeline::of(self.site, &newest_first, &quotations, None)
            .map(|t| coverage(&t, None))
    }
}

fn speaker_role<'a>(site: &'a Site, speaker: Option<&Speaker>) -> Option<&'a str> {
    match speaker? {
        Speaker::Actor(a) => site.actors[*a].role.as_deref(),
        Speaker::Anonymous(_) => None,
    }
}

/// The theme's `print.css`, else the built-in one.
fn stylesheet(theme: &Theme) -> Result<String, Diagnostic> {
    use crate::render::theme::StaticFile;
    let found = theme
        .statics
        .iter()
        .find(|s| s.output_path() == STYLESHEET)
        .cloned()
        .or_else(|| {
            Theme::embedded()
                .statics
                .into_iter()
                .find(|s| s.output_path() == STYLESHEET)
        });
    match found {
        Some(StaticFile::Embedded { bytes, .. }) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        Some(StaticFile::Disk { file, .. }) => std::fs::read_to_string(&file).map_err(|e| {
            Diagnostic::error(format!("cannot read the print style sheet: {e}")).in_file(&file)
        }),
        None => Ok(String::new()),
    }
    // Nothing may close the <style> element it goes into.
    .map(|css| css.replace("</", "<\\/"))
}

/// When the document is made: `SOURCE_DATE_EPOCH` where set (reproducible
/// builds), else now, in the site's time zone.
fn made_at(config: &Config) -> DateTime<FixedOffset> {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(chrono::Utc::now);
    now.with_timezone(&config.timezone).fixed_offset()
}

fn day_view(day: NaiveDate) -> DateView {
    DateView {
        iso: day.format("%Y-%m-%d").to_string(),
        human: day.format("%-d %B %Y").to_string(),
        full: day.format("%Y-%m-%dT00:00:00Z").to_string(),
    }
}

/// A CSS string literal, quotes included, safe inside `<style>`.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '&' | '\n' | '\r' => {
                out.push_str(&format!("\\{:X} ", c as u32));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Document<'a, 'p> {
    page: PageView,
    print: PrintView,
    summary: Summary<'a>,
    articles: Vec<PrintArticle<'a, 'p>>,
}

#[derive(Serialize)]
struct PageView {
    kind: &'static str,
    title: String,
    description: String,
    url: String,
}

#[derive(Serialize)]
struct PrintView {
    /// `topic`, `actor` or `all`.
    kind: &'static str,
    /// `topic:syria`
    selector: String,
    title: String,
    subtitle: Option<String>,
    label: &'static str,
    /// `A4` or `Letter`, for `@page { size }`.
    paper: &'static str,
    /// The period the document covers: the window asked for, its open ends
    /// filled with the dates of the first and last article.
    period: PeriodView,
    /// The window as asked for (`--from`, `--to`).
    window: WindowView,
    made: DateView,
    articles: usize,
    /// The selection's articles before the window or the build's limit.
    total: usize,
    limited: bool,
    standalone: bool,
    digest_url: Option<String>,
    style: String,
    running_head: String,
    running_foot: String,
}

#[derive(Serialize)]
struct PeriodView {
    from: Option<DateView>,
    to: Option<DateView>,
}

#[derive(Serialize)]
struct WindowView {
    from: Option<DateView>,
    to: Option<DateView>,
}

#[derive(Serialize)]
struct Summary<'a> {
    counts: Counts,
    key_actors: Vec<ActorTag<'a>>,
    topics: Vec<TopicTag<'a>>,
    sources: Vec<SourceCount<'a>>,
    top_quotes: Vec<SummaryQuote<'a>>,
    /// Whether any of them was reported more than once (else they are the
    /// key statements rather than the most reported).
    shared_quotes: bool,
    /// The selection's coverage, and the subject's network (a topic's actors,
    /// an actor's neighbourhood), as the digest pages draw them.
    coverage: Option<CoverageView>,
    network: Option<NetworkView<'a>>,
}

#[derive(Serialize)]
struct Counts {
    articles: usize,
    sources: usize,
    /// The statements (kept under its old name for custom themes).
    quotations: usize,
    /// Quotes and partials quoted in the document's articles.
    statements: usize,
    /// The words and phrases quoted (fragments).
    phrases: usize,
    actors: usize,
    words: usize,
}

#[derive(Serialize)]
struct SourceCount<'a> {
    name: &'a str,
    /// False for the articles that name no outlet.
    known: bool,
    count: usize,
}

#[derive(Serialize)]
struct SummaryQuote<'a> {
    #[serde(flatten)]
    card: QuoteCard<'a>,
    /// The text, cut at a word to at most 320 characters (with `…`).
    short: String,
    speaker_role: Option<&'a str>,
    /// The articles of this document that carry it.
    in_articles: Vec<ArticleRef>,
}

#[derive(Serialize)]
struct ArticleRef<N = usize> {
    number: N,
    anchor: String,
}

/// What every document prints of an article alike (see `Printer::prepare`).
#[derive(Serialize)]
struct Prepared<'a> {
    #[serde(flatten)]
    card: ArticleCard<'a>,
    /// The article's page on the site.
    permalink: String,
    original_url: Option<&'a str>,
    word_count: usize,
    quote_count: usize,
    actors: Vec<&'a str>,
    topics: Vec<&'a str>,
    #[serde(skip)]
    quotes: Vec<SharedQuote<'a>>,
    #[serde(skip)]
    body: html::Prepared,
}

#[derive(Serialize)]
struct PrintArticle<'a, 'p, N = usize> {
    number: N,
    /// The article's element id (`article-3`).
    anchor: String,
    /// What its body's ids start with (`a3`).
    prefix: String,
    /// The card, its permalink, original URL, word count, quotation count
    /// (quotes and partials), actors and topics.
    #[serde(flatten)]
    shared: &'p Prepared<'a>,
    body: String,
    notes: Vec<Note<N>>,
    /// Its quotations, fragments included (the card's `quotes` count is
    /// replaced by this list; `quote_count` counts all but fragments).
    quotes: Vec<PrintQuote<'a, 'p, N>>,
    /// The article's section as `partials/print_article.html` prints it in
    /// this document, for `| safe` (absent in the partial itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<String>,
}

/// An entry of `articles` for a document template that reads none of
/// `LEFT_OUT`: `PrintArticle` without them, serialised for every document.
#[derive(Serialize)]
struct LeanArticle<'x, 'a, 'p> {
    number: usize,
    anchor: &'x str,
    prefix: &'x str,
    #[serde(flatten)]
    shared: &'p Prepared<'a>,
    html: &'x Option<String>,
}

/// What a `LeanArticle` leaves out.
const LEFT_OUT: &[&str] = &["body", "quotes", "notes"];

impl<'x, 'a, 'p> LeanArticle<'x, 'a, 'p> {
    fn of(article: &'x PrintArticle<'a, 'p>) -> LeanArticle<'x, 'a, 'p> {
        LeanArticle {
            number: article.number,
            anchor: &article.anchor,
            prefix: &article.prefix,
            shared: article.shared,
            html: &article.html,
        }
    }
}

#[derive(Serialize)]
struct PrintQuote<'a, 'p, N = usize> {
    number: usize,
    /// The quotation in the text (`a3-q1`).
    anchor: String,
    /// Its entry in the article's list of quotations (`a3-quote-1`).
    list_anchor: String,
    #[serde(flatten)]
    shared: &'p SharedQuote<'a>,
    /// Other articles of this document that report it.
    also: Vec<ArticleRef<N>>,
    /// `also` as `partials/print_also.html` prints it (a placeholder in
    /// `partials/print_article.html`), for `| safe`.
    also_html: String,
}

/// What every document prints of a quotation of an article alike.
#[derive(Serialize)]
struct SharedQuote<'a> {
    text: &'a str,
    /// The text, cut at a word to at most 110 characters (with `…`).
    short: String,
    kind: QuoteKind,
    speaker: Option<SpeakerView<'a>>,
    speaker_role: Option<&'a str>,
    outlets: usize,
    appearances: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors() {
        assert_eq!("topic:syria".parse(), Ok(Selector::Topic("syria".into())));
        assert_eq!(
            "actor: sergei-lavrov".parse(),
            Ok(Selector::Actor("sergei-lavrov".into()))
        );
        assert_eq!("ALL".parse(), Ok(Selector::All));
        assert!("syria".parse::<Selector>().is_err());
        assert!("topic:".parse::<Selector>().is_err());
        assert!("place:x".parse::<Selector>().is_err());
    }

    #[test]
    fn css_strings_are_escaped() {
        assert_eq!(
            css_string("A \"B\" </style> \\"),
            "\"A \\\"B\\\" \\3C /style\\3E  \\\\\""
        );
    }
}
