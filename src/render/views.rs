//! What templates see: small serialisable views borrowed from the site model,
//! built per page from just what that page shows (never the whole site).
//! `docs/templates.md` documents every field.

use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;

use crate::config::Config;
use crate::site::routes::{self, Page};
use crate::site::{Actor, Article, ArticleIdx, Quotation, Site, SourceIdx, Speaker, Topic};

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
                label: article.date.format("%B %Y").to_string(),
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
