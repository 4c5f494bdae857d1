//! Rendering: tera templates over the site model, one page at a time.
//!
//! Templates are compiled once per build. Each page gets a context with only
//! what it shows, built from borrowed views (see `views`), so rendering is
//! parallel and never copies the whole site per page.

mod filters;
pub mod theme;
pub mod views;

use std::fmt::Write as _;

use serde::Serialize;
use tera::{Context, Tera};

use crate::config::Config;
use crate::content::{Body, QuoteSpan};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::pictures::{self, Span, Timeline};
use crate::site::routes::{self, Page};
use crate::site::{ArticleIdx, QuotationIdx, QuoteKind, Site};
use crate::text::escape_html;
use crate::text::first_words;
pub use routes::TEMPLATES;
pub use theme::Theme;
use typed_index_collections::{TiSlice, TiVec};
use views::*;

/// The words and phrases an actor digest lists (see `views::phrases`).
const PHRASES: usize = 40;

/// A page's output buffer to start with: more than most pages take.
const PAGE_BYTES: usize = 32 * 1024;

pub struct Renderer {
    tera: Tera,
    /// What every template gets (`site`), serialised once per build: each
    /// page clones it rather than serialising the site's globals again.
    base: Context,
    page_size: usize,
}

#[derive(Serialize)]
struct SiteGlobals<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
    /// The home page's URL path (`/` or `/sub/`).
    url: &'a str,
    /// URLs of the site's sections and assets.
    urls: Urls,
}

#[derive(Serialize)]
struct Urls {
    home: String,
    topics: String,
    actors: String,
    sources: String,
    quotes: String,
    style: String,
    syntax: String,
    script: String,
    feed: String,
    search: String,
}

/// A row of the topic or actor index: the card and its sparkline.
#[derive(Serialize)]
struct Row<C: Serialize> {
    #[serde(flatten)]
    card: C,
    spark: Option<SparkView>,
}

/// What every page says about itself.
#[derive(Serialize)]
struct PageMeta {
    kind: &'static str,
    title: String,
    description: String,
    url: String,
    permalink: String,
}

impl Renderer {
    /// A digest's coverage picture, drawn on its first page only, its bars linking into
    /// the digest's own timeline (`base`, page `n` of it). The quotations are asked for
    /// only when the picture is drawn.
    fn digest_coverage<Q: AsRef<[QuotationIdx]>>(
        &self,
        config: &Config,
        site: &Site,
        n: usize,
        articles: &[ArticleIdx],
        quotations: impl FnOnce() -> Q,
        base: &str,
    ) -> Option<CoverageView> {
        if n != 1 {
            return None;
        }
        let links = TimelineLinks {
            config,
            site,
            articles,
            base,
            page_size: self.page_size,
        };
        let timeline = Timeline::of(site, articles, quotations().as_ref(), None)?;
        Some(coverage(&timeline, Some(&links)))
    }

    pub fn new(config: &Config, theme: &Theme) -> Result<Renderer, Diagnostics> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".htm", ".xml"]);
        // Tera's default escaper also escapes `/`, which turns every URL into
        // `&#x2F;` soup; these five characters are all HTML needs.
        tera.set_escape_fn(escape_html);
        filters::register(&mut tera);
        let sources: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t.text.as_str()))
            .collect();
        if let Err(err) = tera.add_raw_templates(sources) {
            return Err(template_error(theme, &err).into());
        }
        let missing: Vec<Diagnostic> = TEMPLATES
            .iter()
            .filter(|name| !tera.get_template_names().any(|n| n == **name))
            .map(|name| {
                Diagnostic::error(format!("the theme has no template `{name}`"))
                    .in_file(format!("templates/{name}"))
                    .help("add it to the site's templates/ or the theme's templates/ (the built-in theme has one to start from: `dossier init --theme`)")
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing.into());
        }
        let globals = SiteGlobals {
            title: &config.site.title,
            description: &config.site.description,
            language: &config.site.language,
            base_url: &config.base_url,
            url: &config.base_path,
            urls: Urls {
                home: config.url(""),
                topics: config.url(routes::TOPICS),
                actors: config.url(routes::ACTORS),
                sources: config.url(routes::SOURCES),
                quotes: config.url(routes::QUOTES),
                style: config.url("style.css"),
                syntax: config.url(crate::content::highlight::STYLESHEET_PATH),
                script: config.url("dossier.js"),
                feed: config.url(routes::FEED),
                search: config.url(routes::SEARCH),
            },
        };
        let mut base = Context::new();
        base.insert("site", &globals);
        Ok(Renderer {
            tera,
            base,
            page_size: config.site.digest.page_size.max(1),
        })
    }

    /// The compiled templates, for modules that render more than pages.
    pub fn tera(&self) -> &Tera {
        &self.tera
    }

    /// A context with what every template gets (`site`).
    pub fn base_context(&self) -> Context {
        self.base.clone()
    }

    /// Every page of the site.
    pub fn pages(&self, site: &Site) -> Vec<Page> {
        Page::all(site, self.page_size)
    }

    pub fn render(&self, config: &Config, site: &Site, page: Page) -> Result<String, Diagnostic> {
        let mut ctx = self.base_context();
        let url_path = &page.url_path(site);
        let meta = |kind: &'static str, title: &str, description: &str| PageMeta {
            kind,
            title: if title.is_empty() {
                &config.site.title
            } else {
                title
            }
            .to_string(),
            description: if description.is_empty() {
                &config.site.description
            } else {
                description
            }
            .to_string(),
            url: config.url(url_path),
            permalink: config.permalink(url_path),
        };
        match page {
            Page::Home => {
                ctx.insert("page", &meta("home", "", ""));
                self.home(config, site, &mut ctx);
            }
            Page::NotFound => {
                ctx.insert("page", &meta("404", "Page not found", ""));
            }
            Page::Search => {
                ctx.insert("page", &meta("search", "Search", ""));
            }
            Page::Article(i) => {
                let article = &site.articles[i];
                ctx.insert("page", &meta("article", &article.title, &article.summary));
                self.article(config, site, i, &mut ctx);
            }
            Page::Topics => {
                ctx.insert("page", &meta("topics", "Topics", ""));
                let span = Span::of_site(site);
                let topics: Vec<_> = site
                    .topics
                    .iter()
                    .map(|t| Row {
                        card: topic_card(config, site, t, t.articles.len()),
                        spark: sparkline(site, &t.articles, span),
                    })
                    .collect();
                ctx.insert("topics", &topics);
            }
            Page::Topic(i, n) => {
                let topic = &site.topics[i];
                let description = format!(
                    "Digest of {}: {} articles",
                    topic.title,
                    topic.articles.len()
                );
                ctx.insert("page", &meta("topic", &topic.title, &description));
                // Print pages are made for digests with articles only.
                let print = !topic.articles.is_empty();
                ctx.insert(
                    "print_url",
                    &print.then(|| config.url(&routes::print_topic(&topic.id))),
                );
                self.topic(config, site, i, n, &mut ctx);
            }
            Page::Actors => {
                ctx.insert("page", &meta("actors", "Actors", ""));
                let span = Span::of_site(site);
                let actors: Vec<_> = site
                    .actors
                    .iter()
                    .map(|a| Row {
                        card: actor_card(config, site, a, a.articles.len()),
                        spark: sparkline(site, &a.articles, span),
                    })
                    .collect();
                ctx.insert("actors", &actors);
            }
            Page::Actor(i, n) => {
                let actor = &site.actors[i];
                let description = actor
                    .role
                    .clone()
                    .unwrap_or_else(|| format!("Digest of {}", actor.name));
                ctx.insert("page", &meta("actor", &actor.name, &description));
                let print = !actor.articles.is_empty();
                ctx.insert(
                    "print_url",
                    &print.then(|| config.url(&routes::print_actor(&actor.id))),
                );
                self.actor(config, site, i, n, &mut ctx);
            }
            Page::Sources => {
                ctx.insert("page", &meta("sources", "Sources", ""));
                #[derive(Serialize)]
                struct SourceRow<'a> {
                    #[serde(flatten)]
                    link: Link<'a>,
                    articles: usize,
                    last_date: Option<DateView>,
                }
                let sources: Vec<_> = (site.sources.keys())
                    .map(|s| SourceRow {
                        link: source_link(config, site, s),
                        articles: site.sources[s].articles.len(),
                        last_date: site.sources[s]
                            .articles
                            .first()
                            .map(|&a| date(&site.articles[a].date)),
                    })
                    .collect();
                ctx.insert("sources", &sources);
            }
            Page::Source(i, n) => {
                let source = &site.sources[i];
                ctx.insert(
                    "page",
                    &meta(
                        "source",
                        &source.name,
                        &format!("Articles from {}", source.name),
                    ),
                );
                ctx.insert("source", &source_link(config, site, i));
                ctx.insert(
                    "coverage",
                    &self.digest_coverage(
                        config,
                        site,
                        n,
                        &source.articles,
                        || pictures::quotations_in(site, &source.articles),
                        &routes::source(&source.id),
                    ),
                );
                self.timeline(
                    config,
                    site,
                    &source.articles,
                    &routes::source(&source.id),
                    n,
                    &mut ctx,
                );
            }
            Page::Quotes(n) => {
                ctx.insert("page", &meta("quotes", "Quotations", ""));
                let start = (n - 1) * self.page_size;
                let quotes: Vec<_> = site
                    .quotations
                    .iter()
                    .skip(start)
                    .take(self.page_size)
                    .map(|q| quote_card(config, site, q))
                    .collect();
                ctx.insert("quotes", &quotes);
                ctx.insert("total", &site.quotations.len());
                ctx.insert(
                    "pager",
                    &pager(
                        config,
                        routes::QUOTES,
                        n,
                        site.quotations.len().div_ceil(self.page_size).max(1),
                    ),
                );
            }
            Page::Quote(i) => {
                let q = &site.quotations[i];
                let title = format!("“{}”", first_words(&q.text, 12));
                ctx.insert("page", &meta("quote", &title, &q.text));
                self.quote(config, site, i, &mut ctx);
            }
        }
        let template = page.template();
        ctx.insert("feeds", &feed_links(config, site, page));
        // Tera's own buffer starts at 2 kB and is copied as it doubles; most
        // pages are several times that.
        let mut out = Vec::with_capacity(PAGE_BYTES);
        self.tera
            .render_to(template, &ctx, &mut out)
            .map_err(|e| render_error(template, &e))
            .and_then(|()| {
                String::from_utf8(out).map_err(|e| {
                    Diagnostic::error(format!("cannot render `{template}`: {e}"))
                        .in_file(format!("templates/{template}"))
                })
            })
    }

    fn home(&self, config: &Config, site: &Site, ctx: &mut Context) {
        let recent = config.site.digest.recent;
        let latest: Vec<_> = site
            .articles
            .iter()
            .take(recent)
            .map(|a| article_card(config, site, a))
            .collect();
        // "Active" is relative to the newest article, not to today: a briefing
        // on 2016 events stays meaningful when read in 2026.
        let newest = site.articles.first().map(|a| a.date);
        let since = newest.map(|d| d - chrono::Duration::weeks(config.site.digest.weeks));
        let recent_articles: Vec<ArticleIdx> = match since {
            Some(since) => site
                .articles
                .iter_enumerated()
                .take_while(|(_, a)| a.date >= since)
                .map(|(i, _)| i)
                .collect(),
            None => Vec::new(),
        };
        let mut topic_counts: TiVec<_, usize> = site.topics.iter().map(|_| 0).collect();
        let mut actor_counts: TiVec<_, usize> = site.actors.iter().map(|_| 0).collect();
        for &a in &recent_articles {
            for &t in &site.articles[a].topics {
                topic_counts[t] += 1;
            }
            for &x in &site.articles[a].actors {
                actor_counts[x] += 1;
            }
        }
        let topics: Vec<_> = top(&topic_counts, recent)
            .into_iter()
            .map(|(t, c)| topic_card(config, site, &site.topics[t], c))
            .collect();
        let actors: Vec<_> = top(&actor_counts, recent)
            .into_iter()
            .map(|(a, c)| actor_card(config, site, &site.actors[a], c))
            .collect();
        let quotes: Vec<_> = site
            .quotations
            .iter()
            .filter(|q| q.kind.is_statement())
            .take(recent.min(10))
            .map(|q| quote_card(config, site, q))
            .collect();
        ctx.insert("latest", &latest);
        ctx.insert("active_topics", &topics);
        ctx.insert("active_actors", &actors);
        ctx.insert("top_quotes", &quotes);
        ctx.insert("weeks", &config.site.digest.weeks);
        let everything: Vec<ArticleIdx> = site.articles.keys().collect();
        let quotations: Vec<QuotationIdx> = site.quotations.keys().collect();
        ctx.insert(
            "coverage",
            &Timeline::of(site, &everything, &quotations, None).map(|t| coverage(&t, None)),
        );
        ctx.insert("period", &period(site, &recent_articles));
        #[derive(Serialize)]
        struct Counts {
            articles: usize,
            actors: usize,
            topics: usize,
            sources: usize,
            quotations: usize,
            statements: usize,
            phrases: usize,
        }
        let mut by_kind = crate::site::QuoteCounts::default();
        for q in site.quotations.iter() {
            by_kind.add(q.kind);
        }
        ctx.insert(
            "counts",
            &Counts {
                articles: site.articles.len(),
                actors: site.actors.len(),
                topics: site.topics.len(),
                sources: site.sources.len(),
                quotations: site.quotations.len(),
                statements: by_kind.statements,
                phrases: by_kind.phrases,
            },
        );
    }

    fn article(&self, config: &Config, site: &Site, i: ArticleIdx, ctx: &mut Context) {
        let article = &site.articles[i];
        #[derive(Serialize)]
        struct ArticleQuoteView<'a> {
            number: usize,
            anchor: String,
            text: &'a str,
            kind: QuoteKind,
            url: String,
            speaker: Option<SpeakerView<'a>>,
            outlets: usize,
            appearances: usize,
        }
        let quotes: Vec<_> = article
            .quotes
            .iter()
            .enumerate()
            .map(|(n, q)| {
                let quotation = &site.quotations[q.quotation];
                ArticleQuoteView {
                    number: n + 1,
                    anchor: routes::quote_anchor(n),
                    text: &q.text,
                    kind: q.kind,
                    url: config.url(&routes::quote(&quotation.id)),
                    speaker: q.speaker.as_ref().map(|s| speaker(config, site, s)),
                    outlets: quotation.outlets,
                    appearances: quotation.appearances.len(),
                }
            })
            .collect();
        let body = link_quotes(&article.body, |n| {
            quotes.get(n).map(|q| QuoteMark {
                kind: q.kind,
                number: q.number,
                url: &q.url,
                speaker: q.speaker.as_ref().map(|s| s.name),
                outlets: q.outlets,
            })
        });
        #[derive(Serialize)]
        struct ArticleView<'a> {
            #[serde(flatten)]
            card: ArticleCard<'a>,
            body: String,
            original_url: Option<&'a str>,
            word_count: usize,
            file: String,
            updated: Option<DateView>,
        }
        ctx.insert(
            "article",
            &ArticleView {
                card: article_card(config, site, article),
                body,
                original_url: article.url.as_deref(),
                word_count: article.word_count,
                file: article.file.to_string_lossy().replace('\\', "/"),
                updated: article.updated.as_ref().map(date),
            },
        );
        // The page's `lang`: the article's language where its front matter names one.
        ctx.insert(
            "page_language",
            article.language.as_deref().unwrap_or(&config.site.language),
        );
        let actors: Vec<_> = article
            .actors
            .iter()
            .map(|&a| actor_tag(config, &site.actors[a], 0))
            .collect();
        let topics: Vec<_> = article
            .topics
            .iter()
            .map(|&t| topic_tag(config, &site.topics[t], 0))
            .collect();
        ctx.insert("actors", &actors);
        ctx.insert("topics", &topics);
        ctx.insert("quotes", &quotes);
    }

    fn timeline(
        &self,
        config: &Config,
        site: &Site,
        articles: &[ArticleIdx],
        base: &str,
        n: usize,
        ctx: &mut Context,
    ) {
        let total = articles.len().div_ceil(self.page_size).max(1);
        let start = (n - 1) * self.page_size;
        let slice =
            &articles[start.min(articles.len())..(start + self.page_size).min(articles.len())];
        ctx.insert("timeline", &months(config, site, slice));
        ctx.insert("pager", &pager(config, base, n, total));
        ctx.insert("period", &period(site, articles));
    }

    fn topic(
        &self,
        config: &Config,
        site: &Site,
        i: crate::site::TopicIdx,
        n: usize,
        ctx: &mut Context,
    ) {
        let topic = &site.topics[i];
        ctx.insert(
            "topic",
            &topic_card(config, site, topic, topic.articles.len()),
        );
        self.timeline(
            config,
            site,
            &topic.articles,
            &routes::topic(&topic.id),
            n,
            ctx,
        );
        #[derive(Serialize)]
        struct Counts {
            articles: usize,
            sources: usize,
            quotations: usize,
            statements: usize,
            phrases: usize,
        }
        ctx.insert(
            "counts",
            &Counts {
                articles: topic.articles.len(),
                sources: topic.sources,
                quotations: topic.quotations.len(),
                statements: topic.quote_counts.statements,
                phrases: topic.quote_counts.phrases,
            },
        );
        ctx.insert(
            "key_quotes",
            &quotes_by_speaker(config, site, &topic.quotations, 40),
        );
        let actors: Vec<_> = topic
            .actors
            .iter()
            .take(40)
            .map(|&(a, c)| actor_tag(config, &site.actors[a], c))
            .collect();
        let related: Vec<_> = topic
            .related
            .iter()
            .take(20)
            .map(|&(t, c)| topic_tag(config, &site.topics[t], c))
            .collect();
        ctx.insert("actors", &actors);
        ctx.insert("related", &related);
        let first = n == 1;
        ctx.insert(
            "coverage",
            &self.digest_coverage(
                config,
                site,
                n,
                &topic.articles,
                || topic.quotations.as_slice(),
                &routes::topic(&topic.id),
            ),
        );
        ctx.insert(
            "speakers",
            &first.then(|| topic_speakers(config, site, i)).flatten(),
        );
        ctx.insert(
            "network",
            &first
                .then(|| pictures::topic_network(site, i))
                .flatten()
                .map(|net| network(config, site, net)),
        );
    }

    fn actor(
        &self,
        config: &Config,
        site: &Site,
        i: crate::site::ActorIdx,
        n: usize,
        ctx: &mut Context,
    ) {
        let actor = &site.actors[i];
        ctx.insert(
            "actor",
            &actor_card(config, site, actor, actor.articles.len()),
        );
        self.timeline(
            config,
            site,
            &actor.articles,
            &routes::actor(&actor.id),
            n,
            ctx,
        );
        // The most reported quotations, on the first page only: listing all of
        // a prolific speaker's on each of their timeline pages made rendering
        // quadratic in their articles.
        // Their statements rank; the words and phrases they are quoted using
        // are a compact list of their own.
        let (quotes, phrases): (Vec<_>, Vec<_>) = if n == 1 {
            (
                actor
                    .quotations
                    .iter()
                    .filter(|&&q| site.quotations[q].kind.is_statement())
                    .take(self.page_size)
                    .map(|&q| quote_card(config, site, &site.quotations[q]))
                    .collect(),
                views::phrases(config, site, &actor.quotations, PHRASES),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        ctx.insert("quotes_total", &actor.quote_counts.statements);
        ctx.insert("phrases", &phrases);
        let topics: Vec<_> = actor
            .topics
            .iter()
            .take(30)
            .map(|&(t, c)| topic_tag(config, &site.topics[t], c))
            .collect();
        let co: Vec<_> = actor
            .co_actors
            .iter()
            .take(20)
            .map(|&(a, c)| actor_tag(config, &site.actors[a], c))
            .collect();
        ctx.insert("quotes", &quotes);
        ctx.insert("topics", &topics);
        ctx.insert("co_actors", &co);
        let first = n == 1;
        ctx.insert(
            "coverage",
            &self.digest_coverage(
                config,
                site,
                n,
                &actor.articles,
                || actor.quotations.as_slice(),
                &routes::actor(&actor.id),
            ),
        );
        ctx.insert(
            "speaks_on",
            &first.then(|| actor_topics(config, site, i)).flatten(),
        );
        ctx.insert(
            "network",
            &first
                .then(|| pictures::actor_network(site, i))
                .flatten()
                .map(|net| network(config, site, net)),
        );
    }

    fn quote(&self, config: &Config, site: &Site, i: QuotationIdx, ctx: &mut Context) {
        let q = &site.quotations[i];
        ctx.insert("quote", &quote_card(config, site, q));
        #[derive(Serialize)]
        struct AppearanceView<'a> {
            article: ArticleCard<'a>,
            text: &'a str,
            /// The quotation's place in the article page.
            url: String,
            /// Who this article says spoke the words, where not the quotation's speaker.
            speaker: Option<SpeakerView<'a>>,
        }
        let appearances: Vec<_> = q
            .appearances
            .iter()
            .map(|ap| {
                let article = &site.articles[ap.article];
                let card = article_card(config, site, article);
                let url = config.url(&routes::appearance(&article.slug, ap.ordinal));
                AppearanceView {
                    article: card,
                    text: &ap.text,
                    url,
                    speaker: site.own_speaker(q, ap).map(|s| speaker(config, site, s)),
                }
            })
            .collect();
        let topics: Vec<_> = q
            .topics
            .iter()
            .map(|&t| topic_tag(config, &site.topics[t], 0))
            .collect();
        ctx.insert("appearances", &appearances);
        ctx.insert("topics", &topics);
    }
}

/// The `limit` entries counted most (ties by index), none counted zero.
fn top<I: Ord + Copy + From<usize>>(counts: &TiSlice<I, usize>, limit: usize) -> Vec<(I, usize)> {
    let mut list: Vec<(I, usize)> = counts
        .iter_enumerated()
        .map(|(i, &c)| (i, c))
        .filter(|(_, c)| *c > 0)
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(limit);
    list
}

/// Quotations grouped by speaker, speakers ordered by their most reported
/// quotation (the input is most reported first).
#[derive(Serialize)]
struct SpeakerQuotes<'a> {
    speaker: Option<SpeakerView<'a>>,
    quotes: Vec<QuoteCard<'a>>,
}

fn quotes_by_speaker<'a>(
    config: &Config,
    site: &'a Site,
    quotations: &[QuotationIdx],
    limit: usize,
) -> Vec<SpeakerQuotes<'a>> {
    let mut groups: Vec<SpeakerQuotes<'a>> = Vec::new();
    let mut index: std::collections::HashMap<Option<&crate::site::Speaker>, usize> =
        Default::default();
    for &qi in quotations
        .iter()
        .filter(|&&q| site.quotations[q].kind.is_statement())
        .take(limit)
    {
        let q = &site.quotations[qi];
        let slot = *index.entry(q.speaker.as_ref()).or_insert_with(|| {
            groups.push(SpeakerQuotes {
                speaker: q.speaker.as_ref().map(|s| speaker(config, site, s)),
                quotes: Vec::new(),
            });
            groups.len() - 1
        });
        groups[slot].quotes.push(quote_card(config, site, q));
    }
    groups
}

pub(crate) struct QuoteMark<'a> {
    pub(crate) kind: QuoteKind,
    pub(crate) number: usize,
    pub(crate) url: &'a str,
    pub(crate) speaker: Option<&'a str>,
    pub(crate) outlets: usize,
}

/// An article body's HTML with its quotation spans as markup: each quotation
/// a `<span class="quotation">` with an id, and, for quotes and partials, a
/// numbered reference to the quotation's page after it.
pub(crate) fn link_quotes<'a>(
    body: &Body,
    mark: impl Fn(usize) -> Option<QuoteMark<'a>>,
) -> String {
    let html = &*body.html;
    if body.spans.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut copied = 0;
    // The spans opened and not yet closed, innermost last; spans nest, so
    // each closes before the one it is in.
    let mut open: Vec<&QuoteSpan> = Vec::new();
    for span in body.spans.iter() {
        while let Some(&inner) = open.last().filter(|o| o.close <= span.open) {
            open.pop();
            out.push_str(&html[copied..inner.close]);
            copied = inner.close;
            close_quote(&mut out, mark(inner.quote as usize));
        }
        out.push_str(&html[copied..span.open]);
        copied = span.open;
        open_quote(&mut out, mark(span.quote as usize));
        open.push(span);
    }
    while let Some(inner) = open.pop() {
        out.push_str(&html[copied..inner.close]);
        copied = inner.close;
        close_quote(&mut out, mark(inner.quote as usize));
    }
    out.push_str(&html[copied..]);
    out
}

fn open_quote(out: &mut String, mark: Option<QuoteMark>) {
    match mark {
        Some(m) => {
            let kind = match m.kind {
                QuoteKind::Quote => "quote",
                QuoteKind::Partial => "partial",
                QuoteKind::Fragment => "fragment",
                QuoteKind::Title => "title",
            };
            let _ = write!(
                out,
                "<span class=\"quotation quotation-{kind}\" id=\"{}\">",
                routes::quote_anchor(m.number - 1)
            );
        }
        None => out.push_str("<span class=\"quotation\">"),
    }
}

fn close_quote(out: &mut String, mark: Option<QuoteMark>) {
    out.push_str("</span>");
    if let Some(m) = mark.filter(|m| m.kind.is_statement()) {
        let mut title = String::new();
        title.push_str(m.speaker.unwrap_or("Unattributed"));
        if m.outlets > 1 {
            let _ = write!(title, " · reported by {} outlets", m.outlets);
        }
        let mut escaped = String::new();
        let _ = pulldown_cmark_escape::escape_html(&mut escaped, &title);
        let _ = write!(
            out,
            "<sup class=\"quote-ref{}\"><a href=\"{}\" title=\"{escaped}\">{}</a></sup>",
            if m.outlets > 1 { " shared" } else { "" },
            m.url,
            m.number
        );
    }
}

/// A template syntax error, with the template's file and the line tera names.
fn template_error(theme: &Theme, err: &tera::Error) -> Diagnostic {
    let chain = error_chain(err);
    let name = chain
        .split('\'')
        .nth(1)
        .filter(|n| theme.templates.iter().any(|t| t.name == *n))
        .unwrap_or("")
        .to_string();
    let origin = theme
        .templates
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.origin.clone());
    let mut d = Diagnostic::error(format!("template error: {chain}"))
        .help("fix the template syntax at that place; tera's syntax is described at https://keats.github.io/tera/docs/");
    if let Some(origin) = origin {
        d = d.in_file(origin);
    }
    if let Some((line, column)) = tera_position(&chain) {
        d = d.at(line, column);
    }
    d
}

/// A template that failed to render, named with its file.
pub(crate) fn render_error(template: &str, err: &tera::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot render `{template}`: {}", error_chain(err)))
        .in_file(format!("templates/{template}"))
        .help("check the variable names against docs/templates.md; use `| default(value=...)` for optional ones")
}

/// A tera error with every error beneath it, as tera nests the useful one.
pub(crate) fn error_chain(err: &tera::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// Tera reports parse errors with ` --> LINE:COLUMN`.
fn tera_position(message: &str) -> Option<(usize, usize)> {
    let at = message.find("--> ")?;
    let rest = &message[at + 4..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_become_markup_and_refs() {
        let html = "<p>He said “yes” and “no”.</p>";
        let at = |text: &str| {
            let open = html.find(text).unwrap();
            (open, open + text.len())
        };
        let span = |quote, (open, close)| QuoteSpan { quote, open, close };
        let body = Body {
            html: html.into(),
            spans: vec![span(0, at("“yes”")), span(1, at("“no”"))].into(),
        };
        let out = link_quotes(&body, |n| {
            Some(QuoteMark {
                kind: if n == 0 {
                    QuoteKind::Quote
                } else {
                    QuoteKind::Fragment
                },
                number: n + 1,
                url: "/quotes/abc/",
                speaker: Some("Ann <Bee>"),
                outlets: 2,
            })
        });
        assert_eq!(
            out,
            "<p>He said <span class=\"quotation quotation-quote\" id=\"q1\">“yes”</span><sup class=\"quote-ref shared\"><a href=\"/quotes/abc/\" title=\"Ann &lt;Bee&gt; · reported by 2 outlets\">1</a></sup> and <span class=\"quotation quotation-fragment\" id=\"q2\">“no”</span>.</p>"
        );
    }

    #[test]
    fn tera_positions() {
        assert_eq!(
            tera_position("Failed to parse 'a.html': --> 3:7\n  |"),
            Some((3, 7))
        );
        assert_eq!(tera_position("nothing"), None);
    }
}
