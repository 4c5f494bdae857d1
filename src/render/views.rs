//! What templates see: small serialisable views borrowed from the site model,
//! built per page from just what that page shows (never the whole site).
//! `docs/templates.md` documents every field.

use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;

use crate::config::Config;
use crate::site::routes::{self, Page};
use crate::site::{
    Actor, ActorIdx, Article, ArticleIdx, Quotation, Site, SourceIdx, Speaker, Topic, TopicIdx,
};

#[derive(Serialize)]
pub struct DateView {
    /// `2016-02-21`, for `<time datetime>`.
    pub iso: String,
    /// `21 February 2016`.
    pub human: String,
    /// RFC 3339 date-time.
    pub full: String,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formatted by hand: chrono's strftime interpreter is a measurable share of
/// rendering when every list item shows a date.
pub fn date(d: &DateTime<FixedOffset>) -> DateView {
    let (y, m, day) = (d.year(), d.month(), d.day());
    DateView {
        iso: format!("{y:04}-{m:02}-{day:02}"),
        human: format!("{day} {} {y}", MONTHS[m as usize - 1]),
        full: d.to_rfc3339(),
    }
}

#[derive(Serialize)]
pub struct Link<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
}

/// Summaries in lists stop near this many characters.
pub const SUMMARY_CHARS: usize = 280;

/// `text` cut at the last word boundary before `max` bytes, with an ellipsis;
/// done here once per card rather than by a template filter per render.
pub fn short(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end]
        .rfind(char::is_whitespace)
        .filter(|&i| i > max / 2)
        .unwrap_or(end);
    std::borrow::Cow::Owned(format!(
        "{}…",
        text[..cut].trim_end_matches([',', ';', ':', ' '])
    ))
}

#[derive(Serialize)]
pub struct ArticleCard<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub date: DateView,
    pub source: Option<Link<'a>>,
    pub dateline: Option<&'a str>,
    pub summary: std::borrow::Cow<'a, str>,
    pub lede: std::borrow::Cow<'a, str>,
    pub quotes: usize,
}

pub fn article_card<'a>(config: &Config, site: &'a Site, article: &'a Article) -> ArticleCard<'a> {
    ArticleCard {
        slug: &article.slug,
        title: &article.title,
        url: config.url(&routes::article(&article.slug)),
        date: date(&article.date),
        source: article.source.map(|s| source_link(config, site, s)),
        dateline: article.dateline.as_deref(),
        summary: short(&article.summary, SUMMARY_CHARS),
        lede: short(&article.lede, SUMMARY_CHARS),
        quotes: article.quotes.len(),
    }
}

pub fn source_link<'a>(config: &Config, site: &'a Site, s: SourceIdx) -> Link<'a> {
    let source = &site.sources[s];
    Link {
        id: &source.id,
        name: &source.name,
        url: config.url(&routes::source(&source.id)),
    }
}

#[derive(Serialize)]
pub struct ActorCard<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
    pub role: Option<&'a str>,
    pub kind: &'static str,
    pub aliases: &'a [String],
    pub articles: usize,
    /// Every quotation of theirs, of any kind.
    pub quotations: usize,
    /// Their statements (quotes and partials).
    pub statements: usize,
    /// The words and phrases they are quoted using (fragments).
    pub phrases: usize,
    /// How often in the context of the page (e.g. articles of a topic).
    pub count: usize,
    pub last_date: Option<DateView>,
}

pub fn actor_card<'a>(
    config: &Config,
    site: &'a Site,
    actor: &'a Actor,
    count: usize,
) -> ActorCard<'a> {
    ActorCard {
        id: &actor.id,
        name: &actor.name,
        url: config.url(&routes::actor(&actor.id)),
        role: actor.role.as_deref(),
        kind: kind_name(actor.kind),
        aliases: &actor.aliases,
        articles: actor.articles.len(),
        quotations: actor.quotations.len(),
        statements: actor.quote_counts.statements,
        phrases: actor.quote_counts.phrases,
        count,
        last_date: actor
            .articles
            .first()
            .map(|&a| date(&site.articles[a].date)),
    }
}

/// An actor named on a page about something else (an article, a quotation,
/// another digest's side lists): who they are and how often in the page's
/// context, without the counts of their own digest. Those pages are the most
/// numerous; leaving the digest's counts off them means that a new article
/// or quotation does not re-render every page that names its actors.
#[derive(Serialize)]
pub struct ActorTag<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
    pub role: Option<&'a str>,
    pub kind: &'static str,
    /// How often in the context of the page (e.g. articles shared).
    pub count: usize,
}

pub fn actor_tag<'a>(config: &Config, actor: &'a Actor, count: usize) -> ActorTag<'a> {
    ActorTag {
        id: &actor.id,
        name: &actor.name,
        url: config.url(&routes::actor(&actor.id)),
        role: actor.role.as_deref(),
        kind: kind_name(actor.kind),
        count,
    }
}

fn kind_name(kind: crate::config::ActorKind) -> &'static str {
    match kind {
        crate::config::ActorKind::Person => "person",
        crate::config::ActorKind::Organisation => "organisation",
    }
}

/// A topic named on a page about something else; see [`ActorTag`].
#[derive(Serialize)]
pub struct TopicTag<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: String,
    pub count: usize,
}

pub fn topic_tag<'a>(config: &Config, topic: &'a Topic, count: usize) -> TopicTag<'a> {
    TopicTag {
        id: &topic.id,
        title: &topic.title,
        url: config.url(&routes::topic(&topic.id)),
        count,
    }
}

#[derive(Serialize)]
pub struct TopicCard<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: String,
    pub keywords: &'a [String],
    pub articles: usize,
    /// Every quotation in its articles, of any kind.
    pub quotations: usize,
    /// The statements among them (quotes and partials).
    pub statements: usize,
    /// The quoted words and phrases among them (fragments).
    pub phrases: usize,
    pub count: usize,
    pub last_date: Option<DateView>,
}

pub fn topic_card<'a>(
    config: &Config,
    site: &'a Site,
    topic: &'a Topic,
    count: usize,
) -> TopicCard<'a> {
    TopicCard {
        id: &topic.id,
        title: &topic.title,
        url: config.url(&routes::topic(&topic.id)),
        keywords: &topic.keywords,
        articles: topic.articles.len(),
        quotations: topic.quotations.len(),
        statements: topic.quote_counts.statements,
        phrases: topic.quote_counts.phrases,
        count,
        last_date: topic
            .articles
            .first()
            .map(|&a| date(&site.articles[a].date)),
    }
}

#[derive(Serialize)]
pub struct SpeakerView<'a> {
    pub name: &'a str,
    /// The actor's digest; none for anonymous sources.
    pub url: Option<String>,
    pub id: Option<&'a str>,
    pub anonymous: bool,
}

pub fn speaker<'a>(config: &Config, site: &'a Site, speaker: &'a Speaker) -> SpeakerView<'a> {
    match speaker {
        Speaker::Actor(a) => {
            let actor = &site.actors[*a];
            SpeakerView {
                name: &actor.name,
                url: Some(config.url(&routes::actor(&actor.id))),
                id: Some(&actor.id),
                anonymous: false,
            }
        }
        Speaker::Anonymous(description) => SpeakerView {
            name: description,
            url: None,
            id: None,
            anonymous: true,
        },
    }
}

#[derive(Serialize)]
pub struct QuoteCard<'a> {
    pub id: &'a str,
    pub url: String,
    pub text: &'a str,
    pub kind: crate::site::QuoteKind,
    pub speaker: Option<SpeakerView<'a>>,
    pub first_date: DateView,
    /// How many articles carry it.
    pub appearances: usize,
    /// How many distinct outlets reported it.
    pub outlets: usize,
}

pub fn quote_card<'a>(config: &Config, site: &'a Site, q: &'a Quotation) -> QuoteCard<'a> {
    QuoteCard {
        id: &q.id,
        url: config.url(&routes::quote(&q.id)),
        text: &q.text,
        kind: q.kind,
        speaker: q.speaker.as_ref().map(|s| speaker(config, site, s)),
        first_date: date(&q.first_date),
        appearances: q.appearances.len(),
        outlets: q.outlets,
    }
}

/// A word or phrase someone is quoted using (a fragment), with how often:
/// digests list these apart from the statements, compactly.
#[derive(Serialize)]
pub struct PhraseView<'a> {
    /// As first written, without closing punctuation.
    pub text: &'a str,
    /// How many articles quote it.
    pub count: usize,
    /// The quotation page of its most reported use.
    pub url: String,
}

/// The words and phrases among `quotations` (most reported first), the same
/// wording once (its fragments are quotations of one article each), most
/// used first; at most `limit`.
pub fn phrases<'a>(
    config: &Config,
    site: &'a Site,
    quotations: &[crate::site::QuotationIdx],
    limit: usize,
) -> Vec<PhraseView<'a>> {
    let mut order: Vec<(String, &'a Quotation, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for &qi in quotations {
        let q = &site.quotations[qi];
        if q.kind != crate::site::QuoteKind::Fragment {
            continue;
        }
        let key = dossier_extract::normalise(&q.text);
        match index.get(&key) {
            Some(&slot) => order[slot].2 += q.appearances.len(),
            None => {
                index.insert(key.clone(), order.len());
                order.push((key, q, q.appearances.len()));
            }
        }
    }
    // most used first; the order of `quotations` (rank) among equals
    order.sort_by_key(|p| std::cmp::Reverse(p.2));
    order
        .into_iter()
        .take(limit)
        .map(|(_, q, count)| PhraseView {
            text: q.text.trim_end_matches(|c: char| {
                matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace()
            }),
            count,
            url: config.url(&routes::quote(&q.id)),
        })
        .collect()
}

/// `February 2016`, as chrono's `%B %Y` writes it, without its format
/// parser (once per month of every timeline page).
fn month_label(d: &DateTime<FixedOffset>) -> String {
    match d.year() {
        y @ 0..=9999 => format!("{} {y:04}", MONTHS[d.month0() as usize]),
        _ => d.format("%B %Y").to_string(),
    }
}

/// A timeline's articles grouped by month, newest first.
#[derive(Serialize)]
pub struct Month<'a> {
    /// `2016-02`
    pub key: String,
    /// `February 2016`
    pub label: String,
    pub articles: Vec<ArticleCard<'a>>,
}

pub fn months<'a>(config: &Config, site: &'a Site, articles: &[ArticleIdx]) -> Vec<Month<'a>> {
    let mut months: Vec<Month<'a>> = Vec::new();
    for &a in articles {
        let article = &site.articles[a];
        let key = format!("{:04}-{:02}", article.date.year(), article.date.month());
        if months.last().is_none_or(|m| m.key != key) {
            months.push(Month {
                label: month_label(&article.date),
                key,
                articles: Vec::new(),
            });
        }
        months
            .last_mut()
            .expect("pushed above")
            .articles
            .push(article_card(config, site, article));
    }
    months
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_cuts_at_words() {
        assert_eq!(super::short("short", 10), "short");
        assert_eq!(super::short("one two three four", 12), "one two…");
        assert_eq!(super::short("ééééé", 5), "éé…");
    }

    #[test]
    fn coordinates_read_as_tera_would_write_them() {
        // Tenths (every coordinate), hundredths (opacities), and the odd ones.
        let tenths = (0..200_000).map(|k| (k as f64 * 0.37 * 10.0).round() / 10.0);
        let hundredths = (0..1_000).map(|k| (k as f64 / 997.0 * 100.0).round() / 100.0);
        let odd = [
            -0.0,
            -1.5,
            0.1 + 0.2,
            1e13,
            123456789.1,
            f64::NAN,
            f64::INFINITY,
        ];
        for x in tenths.chain(hundredths).chain(odd) {
            assert_eq!(super::Num(x).to_string(), x.to_string(), "{x:?}");
        }
    }

    #[test]
    fn month_labels_read_as_chrono_writes_them() {
        for text in [
            "2016-02-01T10:00:00+03:00",
            "0999-12-31T23:00:00-05:00",
            "2024-09-30T00:00:00+00:00",
        ] {
            let d = chrono::DateTime::parse_from_rfc3339(text).unwrap();
            assert_eq!(super::month_label(&d), d.format("%B %Y").to_string());
        }
    }

    #[test]
    fn dates_read_well() {
        let d = chrono::DateTime::parse_from_rfc3339("2016-02-01T10:00:00+03:00").unwrap();
        let v = super::date(&d);
        assert_eq!(
            (v.iso.as_str(), v.human.as_str()),
            ("2016-02-01", "1 February 2016")
        );
    }
}

#[derive(Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PagerLink>,
}

#[derive(Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

pub fn pager(config: &Config, base: &str, current: usize, total: usize) -> Pager {
    let url = |n: usize| config.url(&routes::numbered(base, n));
    Pager {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages: (1..=total)
            .map(|n| PagerLink {
                number: n,
                url: url(n),
                current: n == current,
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct Period {
    pub from: DateView,
    pub to: DateView,
}

/// From the oldest to the newest of `articles` (newest first).
pub fn period(site: &Site, articles: &[ArticleIdx]) -> Option<Period> {
    Some(Period {
        from: date(&site.articles[*articles.last()?].date),
        to: date(&site.articles[*articles.first()?].date),
    })
}

/// A feed as a page's `<link rel="alternate">` shows it.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct FeedLink {
    pub title: String,
    pub url: String,
}

/// The feeds a page links to: its own topic's, actor's or outlet's first,
/// then the site's.
pub fn feed_links(config: &Config, site: &Site, page: Page) -> Vec<FeedLink> {
    let own = page.feed_dir(site).map(|dir| {
        let name = match page {
            Page::Topic(i, _) => &site.topics[i].title,
            Page::Actor(i, _) => &site.actors[i].name,
            Page::Source(i, _) => &site.sources[i].name,
            _ => &config.site.title,
        };
        (dir, name)
    });
    let mut links = Vec::with_capacity(2);
    if let Some((dir, name)) = own {
        links.push(FeedLink {
            title: format!("{name} · {}", config.site.title),
            url: config.url(&routes::feed(&dir)),
        });
    }
    links.push(FeedLink {
        title: config.site.title.clone(),
        url: config.url(routes::FEED),
    });
    links
}

// ---- pictures --------------------------------------------------------------
//
// The pictures' views carry both the numbers and the geometry, in SVG user
// units of a fixed `viewBox`, so that the default theme only draws and a
// site's own templates can draw differently from the same numbers.

use crate::site::pictures::{self, Network, Ranking, Span, Timeline, Unit};

/// A coverage chart: articles as bars above the axis, quotations below.
#[derive(Serialize)]
pub struct CoverageView {
    /// `week` or `month`.
    pub unit: &'static str,
    pub width: f64,
    pub height: f64,
    /// Where the axis runs, between the two series.
    pub axis: f64,
    /// Where the tick labels' baseline is.
    pub ticks_y: f64,
    pub articles: usize,
    pub quotations: usize,
    pub peak_articles: usize,
    pub peak_quotations: usize,
    /// The first and the last period's label.
    pub from: String,
    pub to: String,
    /// Only the periods with articles or quotations (the others draw
    /// nothing), each placed by its `x`.
    pub periods: Vec<PeriodView>,
    pub ticks: Vec<Tick>,
    /// The default theme's drawing of all the above (see `draw_coverage`).
    pub figure: String,
}

#[derive(Serialize)]
pub struct PeriodView {
    /// `February 2016` or `Week of 1 February 2016`.
    pub label: String,
    /// The period's first day.
    pub iso: String,
    pub articles: usize,
    pub quotations: usize,
    /// The period's place in the digest's timeline; none on the home page.
    pub url: Option<String>,
    pub x: f64,
    pub width: f64,
    pub articles_y: f64,
    pub articles_height: f64,
    pub quotations_y: f64,
    pub quotations_height: f64,
}

#[derive(Serialize)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

const COVERAGE_WIDTH: f64 = 600.0;
const ARTICLES_TOP: f64 = 6.0;
const COVERAGE_AXIS: f64 = 70.0;
const QUOTATIONS_DEPTH: f64 = 34.0;
const COVERAGE_HEIGHT: f64 = 128.0;
/// Tick labels closer than this (user units) are thinned out.
const TICK_SPACING: f64 = 44.0;

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Where a period's bar links: the digest page and month section holding
/// the period's newest article.
pub struct TimelineLinks<'a> {
    pub config: &'a Config,
    pub site: &'a Site,
    /// The digest's articles, newest first, and its first page's route.
    pub articles: &'a [ArticleIdx],
    pub base: &'a str,
    pub page_size: usize,
}

impl TimelineLinks<'_> {
    fn url(&self, place: usize) -> Option<String> {
        let article = &self.site.articles[*self.articles.get(place)?];
        let page = place / self.page_size.max(1) + 1;
        Some(format!(
            "{}#m-{:04}-{:02}",
            self.config.url(&routes::numbered(self.base, page)),
            article.date.year(),
            article.date.month()
        ))
    }
}

pub fn coverage(timeline: &Timeline, links: Option<&TimelineLinks>) -> CoverageView {
    let n = timeline.periods.len().max(1) as f64;
    let slot = COVERAGE_WIDTH / n;
    let peak_articles = timeline
        .periods
        .iter()
        .map(|p| p.articles)
        .max()
        .unwrap_or(0);
    let peak_quotations = timeline
        .periods
        .iter()
        .map(|p| p.quotations)
        .max()
        .unwrap_or(0);
    let scale = |count: usize, peak: usize, room: f64| {
        if peak == 0 {
            0.0
        } else {
            round1(room * count as f64 / peak as f64)
        }
    };
    let periods: Vec<PeriodView> = timeline
        .periods
        .iter()
        .enumerate()
        .filter(|(_, p)| p.articles > 0 || p.quotations > 0)
        .map(|(i, p)| {
            let articles_height = scale(p.articles, peak_articles, COVERAGE_AXIS - ARTICLES_TOP);
            PeriodView {
                label: period_label(timeline.unit, p.start),
                iso: iso_day(p.start),
                articles: p.articles,
                quotations: p.quotations,
                url: links.zip(p.newest).and_then(|(l, place)| l.url(place)),
                x: round1(i as f64 * slot + slot * 0.1),
                width: round1((slot * 0.8).max(0.5)),
                articles_y: round1(COVERAGE_AXIS - articles_height),
                articles_height,
                quotations_y: COVERAGE_AXIS + 1.0,
                quotations_height: scale(p.quotations, peak_quotations, QUOTATIONS_DEPTH),
            }
        })
        .collect();
    let mut view = CoverageView {
        unit: unit_name(timeline.unit),
        width: COVERAGE_WIDTH,
        height: COVERAGE_HEIGHT,
        axis: COVERAGE_AXIS,
        ticks_y: COVERAGE_HEIGHT - 6.0,
        articles: timeline.articles(),
        quotations: timeline.quotations(),
        peak_articles,
        peak_quotations,
        from: timeline
            .periods
            .first()
            .map(|p| period_label(timeline.unit, p.start))
            .unwrap_or_default(),
        to: timeline
            .periods
            .last()
            .map(|p| period_label(timeline.unit, p.start))
            .unwrap_or_default(),
        ticks: ticks(timeline, slot),
        periods,
        figure: String::new(),
    };
    view.figure = draw_coverage(&view);
    view
}

// The default theme's pictures are drawn here rather than in its partials:
// a tera loop looks up every attribute of every bar, edge and node by path,
// and at a few dozen lookups per element that made the pictures a third of
// a clean build. The views keep every number, so that a theme of one's own
// can still draw them its way; the output is the same bytes the partials
// made.

/// `s` escaped as the templates' autoescape does.
fn escaped(out: &mut String, s: &str) {
    out.push_str(&crate::text::escape_html(s));
}

/// Tera's `pluralize`.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A period's first day as `2016-02-01`, without chrono's format parser
/// (one per period of every chart).
fn iso_day(day: chrono::NaiveDate) -> String {
    if (0..=9999).contains(&day.year()) {
        format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// A coordinate as `f64`'s `Display` (tera's) writes it, faster for the
/// tenths every coordinate is rounded to: the shortest decimal that reads
/// back as a tenth is that tenth's own digits.
struct Num(f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let x = self.0;
        if x.is_sign_positive() && x < 1e12 {
            let tenths = (x * 10.0).round();
            if tenths / 10.0 == x {
                let tenths = tenths as u64;
                return match tenths % 10 {
                    0 => write!(f, "{}", tenths / 10),
                    digit => write!(f, "{}.{digit}", tenths / 10),
                };
            }
        }
        std::fmt::Display::fmt(&x, f)
    }
}

fn draw_coverage(c: &CoverageView) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(1024 + 700 * c.periods.len());
    let _ = write!(
        out,
        "\n<figure class=\"picture coverage\">\n  <svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"coverage-title coverage-desc\">\n    <title id=\"coverage-title\">Coverage by {unit}, ",
        w = Num(c.width),
        h = Num(c.height),
        unit = c.unit,
    );
    escaped(&mut out, &c.from);
    out.push_str(" to ");
    escaped(&mut out, &c.to);
    let _ = write!(
        out,
        "</title>\n    <desc id=\"coverage-desc\">{} article{} and {} quotation{}; at most {} article{} in a {}. Articles rise above the line, quotations hang below it.</desc>\n    <line class=\"axis\" x1=\"0\" x2=\"{}\" y1=\"{axis}\" y2=\"{axis}\"/>",
        c.articles,
        plural(c.articles),
        c.quotations,
        plural(c.quotations),
        c.peak_articles,
        plural(c.peak_articles),
        c.unit,
        Num(c.width),
        axis = Num(c.axis),
    );
    for p in &c.periods {
        out.push_str("\n    <g class=\"period\">");
        if let Some(url) = &p.url {
            out.push_str("<a href=\"");
            escaped(&mut out, url);
            out.push_str("\">");
        }
        out.push_str("<title>");
        escaped(&mut out, &p.label);
        let _ = write!(
            out,
            ": {} article{}, {} quotation{}</title>\n      <rect class=\"bar-hit\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\"/>",
            p.articles,
            plural(p.articles),
            p.quotations,
            plural(p.quotations),
            Num(p.x),
            Num(p.width),
            Num(c.axis + 35.0),
        );
        if p.articles > 0 {
            let _ = write!(
                out,
                "<rect class=\"bar-articles\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" data-count=\"{}\"/>",
                Num(p.x),
                Num(p.articles_y),
                Num(p.width),
                Num(p.articles_height),
                p.articles
            );
        }
        if p.quotations > 0 {
            let _ = write!(
                out,
                "<rect class=\"bar-quotations\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" data-count=\"{}\"/>",
                Num(p.x),
                Num(p.quotations_y),
                Num(p.width),
                Num(p.quotations_height),
                p.quotations
            );
        }
        out.push_str("\n    ");
        if p.url.is_some() {
            out.push_str("</a>");
        }
        out.push_str("</g>");
    }
    for t in &c.ticks {
        let _ = write!(
            out,
            "\n    <text class=\"tick\" x=\"{}\" y=\"{}\">",
            Num(t.x),
            Num(c.ticks_y)
        );
        escaped(&mut out, &t.label);
        out.push_str("</text>");
    }
    let capitalised = match c.unit {
        "week" => "Week",
        _ => "Month",
    };
    let _ = write!(
        out,
        "\n  </svg>\n  <figcaption><span class=\"key key-articles\"></span> Articles <span class=\"key key-quotations\"></span> Quotations, by {}</figcaption>\n  <details class=\"picture-data\"><summary>The numbers</summary>\n    <table><thead><tr><th scope=\"col\">{capitalised}</th><th scope=\"col\">Articles</th><th scope=\"col\">Quotations</th></tr></thead>\n    <tbody>",
        c.unit
    );
    for p in &c.periods {
        out.push_str("<tr><th scope=\"row\">");
        match &p.url {
            Some(url) => {
                out.push_str("<a href=\"");
                escaped(&mut out, url);
                out.push_str("\">");
                escaped(&mut out, &p.label);
                out.push_str("</a>");
            }
            None => escaped(&mut out, &p.label),
        }
        let _ = write!(
            out,
            "</th><td>{}</td><td>{}</td></tr>",
            p.articles, p.quotations
        );
    }
    out.push_str("</tbody></table>\n  </details>\n</figure>");
    out
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Week => "week",
        Unit::Month => "month",
    }
}

fn period_label(unit: Unit, start: chrono::NaiveDate) -> String {
    let month = MONTHS[start.month0() as usize];
    match unit {
        Unit::Month => format!("{month} {}", start.year()),
        Unit::Week => format!("Week of {} {month} {}", start.day(), start.year()),
    }
}

/// Years at each January (by month), months at their first week (by week),
/// and the first period always; thinned so that labels never collide.
fn ticks(timeline: &Timeline, slot: f64) -> Vec<Tick> {
    let mut ticks: Vec<Tick> = Vec::new();
    for (i, p) in timeline.periods.iter().enumerate() {
        let (starts_run, label) = match timeline.unit {
            Unit::Month => (p.start.month() == 1, p.start.year().to_string()),
            Unit::Week => (
                p.start.day() <= 7,
                format!(
                    "{} {}",
                    &MONTHS[p.start.month0() as usize][..3],
                    p.start.year()
                ),
            ),
        };
        if !(starts_run || i == 0) {
            continue;
        }
        let x = round1(i as f64 * slot);
        if ticks
            .last()
            .is_none_or(|t| x - t.x >= TICK_SPACING + label.len() as f64 * 3.0)
        {
            ticks.push(Tick { x, label });
        }
    }
    ticks
}

/// A sparkline: one row's articles per period on the index's shared axis.
#[derive(Serialize)]
pub struct SparkView {
    pub width: f64,
    pub height: f64,
    pub articles: usize,
    pub peak: usize,
    /// Only the periods with articles.
    pub bars: Vec<SparkBar>,
}

#[derive(Serialize)]
pub struct SparkBar {
    pub x: f64,
    pub width: f64,
    pub y: f64,
    pub height: f64,
}

const SPARK_WIDTH: f64 = 120.0;
const SPARK_HEIGHT: f64 = 24.0;

pub fn sparkline(site: &Site, articles: &[ArticleIdx], span: Option<Span>) -> Option<SparkView> {
    if articles.is_empty() {
        return None;
    }
    let timeline = Timeline::of(site, articles, &[], Some(span?))?;
    let slot = SPARK_WIDTH / timeline.periods.len().max(1) as f64;
    let peak = timeline
        .periods
        .iter()
        .map(|p| p.articles)
        .max()
        .unwrap_or(0);
    let bars = timeline
        .periods
        .iter()
        .enumerate()
        .filter(|(_, p)| p.articles > 0)
        .map(|(i, p)| {
            let height = round1((SPARK_HEIGHT - 1.0) * p.articles as f64 / peak.max(1) as f64);
            SparkBar {
                x: round1(i as f64 * slot),
                width: round1(slot.max(0.6)),
                y: round1(SPARK_HEIGHT - height),
                height,
            }
        })
        .collect();
    Some(SparkView {
        width: SPARK_WIDTH,
        height: SPARK_HEIGHT,
        articles: timeline.articles(),
        peak,
        bars,
    })
}

/// A ranking drawn as horizontal bars, labels on the left.
#[derive(Serialize)]
pub struct BarsView<'a> {
    pub width: f64,
    pub height: f64,
    /// Where the labels end and the bars start.
    pub bars_x: f64,
    /// Every bar's count, summed.
    pub total: usize,
    pub bars: Vec<BarView<'a>>,
}

#[derive(Serialize)]
pub struct BarView<'a> {
    /// `speaker`, `topic`, `others` (the rest summed) or `unattributed`.
    pub kind: &'static str,
    pub name: std::borrow::Cow<'a, str>,
    pub url: Option<String>,
    pub count: usize,
    pub y: f64,
    pub length: f64,
}

const BARS_WIDTH: f64 = 600.0;
const BARS_X: f64 = 200.0;
const BARS_ROOM: f64 = 340.0;
const BAR_ROW: f64 = 22.0;

fn bars<'a>(
    rows: Vec<(
        &'static str,
        std::borrow::Cow<'a, str>,
        Option<String>,
        usize,
    )>,
) -> BarsView<'a> {
    // Scaled to the named bars: the rest summed can dwarf them, and is then
    // drawn cut at the full length (its number says how long).
    let named = rows.iter().filter(|r| r.0 != "others").map(|r| r.3).max();
    let peak = named
        .or_else(|| rows.iter().map(|r| r.3).max())
        .unwrap_or(0)
        .max(1) as f64;
    let total = rows.iter().map(|r| r.3).sum();
    let bars: Vec<BarView> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (kind, name, url, count))| BarView {
            kind,
            name,
            url,
            count,
            y: i as f64 * BAR_ROW + 4.0,
            length: round1((BARS_ROOM * count as f64 / peak).clamp(1.0, BARS_ROOM)),
        })
        .collect();
    BarsView {
        width: BARS_WIDTH,
        height: bars.len() as f64 * BAR_ROW + 6.0,
        bars_x: BARS_X,
        total,
        bars,
    }
}

fn others_row<'a>(
    others: usize,
    total: usize,
    what: &str,
) -> Option<(
    &'static str,
    std::borrow::Cow<'a, str>,
    Option<String>,
    usize,
)> {
    (others > 0).then(|| {
        (
            "others",
            std::borrow::Cow::Owned(format!(
                "{others} other {what}{}",
                if others == 1 { "" } else { "s" }
            )),
            None,
            total,
        )
    })
}

/// Who speaks on a topic; none when it has no quotations.
pub fn topic_speakers<'a>(
    config: &Config,
    site: &'a Site,
    topic: TopicIdx,
) -> Option<BarsView<'a>> {
    let speakers = pictures::topic_speakers(site, topic);
    let Ranking {
        top,
        others,
        others_total,
    } = speakers.ranking;
    let mut rows: Vec<_> = top
        .into_iter()
        .map(|(s, count)| {
            let view = speaker(config, site, s);
            (
                "speaker",
                std::borrow::Cow::Borrowed(view.name),
                view.url,
                count,
            )
        })
        .collect();
    rows.extend(others_row(others, others_total, "speaker"));
    if speakers.unattributed > 0 {
        rows.push((
            "unattributed",
            std::borrow::Cow::Borrowed("Unattributed"),
            None,
            speakers.unattributed,
        ));
    }
    (!rows.is_empty()).then(|| bars(rows))
}

/// The topics an actor speaks on; none when they have no quotations.
pub fn actor_topics<'a>(config: &Config, site: &'a Site, actor: ActorIdx) -> Option<BarsView<'a>> {
    let Ranking {
        top,
        others,
        others_total,
    } = pictures::actor_topics(site, actor);
    let mut rows: Vec<_> = top
        .into_iter()
        .map(|(t, count)| {
            let topic = &site.topics[t];
            (
                "topic",
                std::borrow::Cow::Borrowed(topic.title.as_str()),
                Some(config.url(&routes::topic(&topic.id))),
                count,
            )
        })
        .collect();
    rows.extend(others_row(others, others_total, "topic"));
    (!rows.is_empty()).then(|| bars(rows))
}

#[derive(Serialize)]
pub struct NetworkView<'a> {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodeView<'a>>,
    pub edges: Vec<EdgeView<'a>>,
    /// Actors left out of the picture (the first of them), and how many more.
    pub rest: Vec<ActorTag<'a>>,
    pub rest_more: usize,
    /// The default theme's drawing of all the above (see `draw_network`).
    pub figure: String,
}

#[derive(Serialize)]
pub struct NodeView<'a> {
    pub name: &'a str,
    /// The name as drawn: long ones are cut.
    pub label: String,
    pub url: String,
    pub count: usize,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub label_x: f64,
    pub label_y: f64,
    pub label_width: f64,
}

#[derive(Serialize)]
pub struct EdgeView<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub weight: usize,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    /// Stroke width and opacity, by weight.
    pub stroke: f64,
    pub opacity: f64,
}

/// Those named under a network, at most.
const NETWORK_REST: usize = 30;

pub fn network<'a>(config: &Config, site: &'a Site, network: Network) -> NetworkView<'a> {
    let heaviest = network
        .edges
        .iter()
        .map(|e| e.weight)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let name = |i: usize| -> &'a str { &site.actors[network.nodes[i].actor].name };
    let edges = network
        .edges
        .iter()
        .map(|e| {
            let (a, b) = (&network.nodes[e.a], &network.nodes[e.b]);
            EdgeView {
                from: name(e.a),
                to: name(e.b),
                weight: e.weight,
                x1: a.x,
                y1: a.y,
                x2: b.x,
                y2: b.y,
                stroke: round1(0.8 + 3.2 * e.weight as f64 / heaviest),
                opacity: ((0.25 + 0.65 * e.weight as f64 / heaviest) * 100.0).round() / 100.0,
            }
        })
        .collect();
    let rest = network
        .rest
        .iter()
        .take(NETWORK_REST)
        .map(|&(a, c)| actor_tag(config, &site.actors[a], c))
        .collect();
    let mut view = NetworkView {
        width: network.width,
        height: network.height,
        edges,
        rest,
        rest_more: network.rest.len().saturating_sub(NETWORK_REST),
        figure: String::new(),
        nodes: network
            .nodes
            .into_iter()
            .map(|n| {
                let actor = &site.actors[n.actor];
                NodeView {
                    name: &actor.name,
                    label: n.label,
                    url: config.url(&routes::actor(&actor.id)),
                    count: n.articles,
                    x: n.x,
                    y: n.y,
                    r: n.radius,
                    label_x: n.label_box.x,
                    label_y: n.label_box.y,
                    label_width: n.label_box.width,
                }
            })
            .collect(),
    };
    view.figure = draw_network(&view);
    view
}

/// Those in the numbers' table of pairs, at most.
const NETWORK_TABLE_EDGES: usize = 40;

fn draw_network(n: &NetworkView) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(2048 + 300 * n.edges.len() + 400 * n.nodes.len());
    let _ = write!(
        out,
        "\n<figure class=\"picture network\">\n  <svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"network-title network-desc\">\n    <title id=\"network-title\">Who appears with whom</title>\n    <desc id=\"network-desc\">{} actor{}, larger for more articles; {} line{} join those in the same articles, thicker for more.</desc>\n    <g class=\"edges\">",
        n.nodes.len(),
        plural(n.nodes.len()),
        n.edges.len(),
        plural(n.edges.len()),
        w = Num(n.width),
        h = Num(n.height),
    );
    for e in &n.edges {
        let _ = write!(
            out,
            "\n      <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\" stroke-opacity=\"{}\"><title>",
            Num(e.x1),
            Num(e.y1),
            Num(e.x2),
            Num(e.y2),
            Num(e.stroke),
            Num(e.opacity)
        );
        escaped(&mut out, e.from);
        out.push_str(" and ");
        escaped(&mut out, e.to);
        let _ = write!(
            out,
            ": {} article{}</title></line>",
            e.weight,
            plural(e.weight)
        );
    }
    out.push_str("\n    </g>\n    <g class=\"nodes\">");
    for node in &n.nodes {
        out.push_str("\n      <a href=\"");
        escaped(&mut out, &node.url);
        out.push_str("\"><title>");
        escaped(&mut out, node.name);
        let _ = write!(
            out,
            ": {} article{}</title><circle cx=\"{}\" cy=\"{}\" r=\"{}\" data-count=\"{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
            node.count,
            plural(node.count),
            Num(node.x),
            Num(node.y),
            Num(node.r),
            node.count,
            Num(node.label_x),
            Num(node.label_y)
        );
        escaped(&mut out, &node.label);
        out.push_str("</text></a>");
    }
    out.push_str("\n    </g>\n  </svg>");
    if !n.rest.is_empty() {
        out.push_str("\n  <figcaption class=\"network-rest\">Also: ");
        for (i, a) in n.rest.iter().enumerate() {
            out.push_str("<a href=\"");
            escaped(&mut out, &a.url);
            out.push_str("\">");
            escaped(&mut out, a.name);
            let _ = write!(out, "</a> <span class=\"count\">{}</span>", a.count);
            if i + 1 < n.rest.len() {
                out.push_str(", ");
            }
        }
        if n.rest_more > 0 {
            let _ = write!(out, " and {} more", n.rest_more);
        }
        out.push_str(".</figcaption>");
    }
    out.push_str("\n  <details class=\"picture-data\"><summary>The numbers</summary>\n    <table><thead><tr><th scope=\"col\">Actor</th><th scope=\"col\">Articles</th></tr></thead>\n    <tbody>");
    for node in &n.nodes {
        out.push_str("<tr><th scope=\"row\"><a href=\"");
        escaped(&mut out, &node.url);
        out.push_str("\">");
        escaped(&mut out, node.name);
        let _ = write!(out, "</a></th><td>{}</td></tr>", node.count);
    }
    out.push_str("</tbody></table>\n    <table><thead><tr><th scope=\"col\">Together</th><th scope=\"col\">Articles</th></tr></thead>\n    <tbody>");
    for e in n.edges.iter().take(NETWORK_TABLE_EDGES) {
        out.push_str("<tr><th scope=\"row\">");
        escaped(&mut out, e.from);
        out.push_str(" and ");
        escaped(&mut out, e.to);
        let _ = write!(out, "</th><td>{}</td></tr>", e.weight);
    }
    out.push_str("</tbody></table>\n  </details>\n</figure>");
    out
}
