//! The pictures of a briefing, as numbers: coverage over time, who speaks,
//! who appears with whom. Pure functions of the site; the render stage turns
//! them into the views templates draw (see `render::views::pictures`).
//!
//! Each picture is computed from one digest's own lists, so a page costs
//! what its digest holds and `serve` redoes a picture only with its page.

mod layout;
mod network;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Datelike, Duration, NaiveDate};

pub use layout::{LabelBox, Placed, place};
pub use network::{Edge, Network, Node};

use super::{ActorIdx, ArticleIdx, QuotationIdx, Site, Speaker, TopicIdx};

/// A topic's actors as a network (see `network::topic_input`), laid out
/// once for as long as its input stays (see `Drawn`): the digest's page and
/// its printed summary share it.
pub fn topic_network(site: &Site, topic: TopicIdx) -> Option<Network> {
    let input = network::topic_input(site, topic)?;
    Some(site.pictures.network(Subject::Topic(topic), input))
}

/// An actor's neighbourhood (see `network::actor_input`), laid out once for
/// as long as its input stays.
pub fn actor_network(site: &Site, actor: ActorIdx) -> Option<Network> {
    let input = network::actor_input(site, actor)?;
    Some(site.pictures.network(Subject::Actor(actor), input))
}

/// Whose network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Subject {
    Topic(TopicIdx),
    Actor(ActorIdx),
}

/// The networks laid out so far, each with the input it was laid out from.
///
/// Laying out is the pictures' costliest part, and a clean build asks for
/// each network twice (page and print). `serve` makes a new site for every
/// edit (a clone, or a relinked or linked site given the last one's
/// `Drawn`), and an edit changes few networks: a layout is used again while
/// its input is equal, which is cheap to gather and compare, and laid out
/// again only when it is not. So the output is what a clean build gives.
///
/// At most one entry per subject, replaced when its input changes: the memo
/// does not grow edit after edit. A clone copies the map and shares the entries, so the
/// old site, still in use, is not changed by the new one.
#[derive(Default)]
pub struct Drawn {
    networks: Mutex<HashMap<Subject, Arc<Drawing>>>,
}

/// A network's input and, once laid out, the network. The `OnceLock` makes
/// threads that ask for the same network at once (pages render in
/// parallel; print pages in the background) lay it out once: the others
/// wait for it.
struct Drawing {
    input: network::Input,
    network: OnceLock<Network>,
}

impl Drawn {
    fn network(&self, subject: Subject, input: network::Input) -> Network {
        let drawing = {
            let mut networks = self.lock();
            match networks.get(&subject) {
                Some(known) if known.input == input => Arc::clone(known),
                _ => {
                    let drawing = Arc::new(Drawing {
                        input,
                        network: OnceLock::new(),
                    });
                    networks.insert(subject, Arc::clone(&drawing));
                    drawing
                }
            }
        };
        // Laid out outside the map's lock, so that other pages go on meanwhile.
        drawing
            .network
            .get_or_init(|| network::lay_out(&drawing.input))
            .clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Subject, Arc<Drawing>>> {
        // A panic elsewhere leaves the map whole: every entry is inserted at once.
        self.networks.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Clone for Drawn {
    fn clone(&self) -> Drawn {
        Drawn {
            networks: Mutex::new(self.lock().clone()),
        }
    }
}

impl std::fmt::Debug for Drawn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Drawn { .. }")
    }
}

/// A timeline longer than this many days counts by month, shorter by week:
/// about half a year of weeks still reads as bars, not as a comb.
const WEEKS_UP_TO_DAYS: i64 = 183;

/// How long a timeline's periods are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Week,
    Month,
}

impl Unit {
    /// The unit that suits a span from `first` to `last`.
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Unit {
        if (last - first).num_days() > WEEKS_UP_TO_DAYS {
            Unit::Month
        } else {
            Unit::Week
        }
    }

    /// The first day of the period holding `day`.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Unit::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Unit::Month => day.with_day(1).expect("every month has a first day"),
        }
    }

    /// The first day of the period after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Unit::Week => start + Duration::days(7),
            Unit::Month => start
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(start),
        }
    }
}

/// The span a timeline covers: from the first day of its oldest period to
/// the last period's start, in `unit`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub unit: Unit,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Span {
    /// The span covering the days `first` to `last`, its unit chosen from
    /// their distance.
    pub fn covering(first: NaiveDate, last: NaiveDate) -> Span {
        let unit = Unit::for_span(first, last);
        Span {
            unit,
            first: unit.start(first),
            last: unit.start(last),
        }
    }

    /// The span of the whole site's articles (for small multiples that
    /// share one time axis).
    pub fn of_site(site: &Site) -> Option<Span> {
        let newest = site.articles.first()?.date.date_naive();
        let oldest = site.articles.last()?.date.date_naive();
        Some(Span::covering(oldest, newest))
    }

    /// Every period's start, oldest first.
    pub fn starts(&self) -> Vec<NaiveDate> {
        let mut starts = Vec::new();
        let mut day = self.first;
        while day <= self.last {
            starts.push(day);
            let next = self.unit.next(day);
            if next == day {
                break;
            }
            day = next;
        }
        starts
    }
}

/// Articles and quotations of one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: NaiveDate,
    pub articles: usize,
    /// Quotations first reported in the period.
    pub quotations: usize,
    /// The newest of the period's articles, as its place in the digest's
    /// list (newest first): where the period's bar links to.
    pub newest: Option<usize>,
}

/// A digest's coverage, period by period, oldest first, with no gaps.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timeline {
    pub unit: Unit,
    pub periods: Vec<Period>,
}

impl Timeline {
    /// `articles` (newest first) and `quotations` counted per period of
    /// `span`, or of the span they cover when none is given. A quotation
    /// counts in the period of its first report. None when there is nothing
    /// to count.
    pub fn of(
        site: &Site,
        articles: &[ArticleIdx],
        quotations: &[QuotationIdx],
        span: Option<Span>,
    ) -> Option<Timeline> {
        let article_day = |a: ArticleIdx| site.articles[a].date.date_naive();
        let quote_day = |q: QuotationIdx| site.quotations[q].first_date.date_naive();
        let span = match span {
            Some(span) => span,
            None => {
                let days = articles
                    .iter()
                    .map(|&a| article_day(a))
                    .chain(quotations.iter().map(|&q| quote_day(q)));
                let (first, last) = days.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| {
                    Some(acc.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))))
                })?;
                Span::covering(first, last)
            }
        };
        let starts = span.starts();
        let mut periods: Vec<Period> = starts
            .iter()
            .map(|&start| Period {
                start,
                articles: 0,
                quotations: 0,
                newest: None,
            })
            .collect();
        let slot = |day: NaiveDate| -> Option<usize> {
            let start = span.unit.start(day);
            starts.binary_search(&start).ok()
        };
        for (place, &a) in articles.iter().enumerate() {
            if let Some(p) = slot(article_day(a)) {
                periods[p].articles += 1;
                periods[p].newest.get_or_insert(place);
            }
        }
        for &q in quotations {
            if let Some(p) = slot(quote_day(q)) {
                periods[p].quotations += 1;
            }
        }
        Some(Timeline {
            unit: span.unit,
            periods,
        })
    }

    pub fn articles(&self) -> usize {
        self.periods.iter().map(|p| p.articles).sum()
    }

    pub fn quotations(&self) -> usize {
        self.periods.iter().map(|p| p.quotations).sum()
    }
}

/// The distinct quotations reported in `articles`, in first-seen order: an
/// outlet's quotations (outlets keep no list of their own).
pub fn quotations_in(site: &Site, articles: &[ArticleIdx]) -> Vec<QuotationIdx> {
    let mut seen = std::collections::HashSet::new();
    articles
        .iter()
        .flat_map(|&a| site.articles[a].quotes.iter().map(|q| q.quotation))
        .filter(|&q| site.quotations.get(q).is_some() && seen.insert(q))
        .collect()
}

/// A ranking cut at `top`: the leaders with their counts, the others summed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking<K> {
    pub top: Vec<(K, usize)>,
    /// How many others, and their total.
    pub others: usize,
    pub others_total: usize,
}

impl<K: Eq + std::hash::Hash + Clone> Ranking<K> {
    /// Counts most first; ties in the order the keys were first seen, so the
    /// same site always ranks the same way.
    pub fn count(keys: impl IntoIterator<Item = K>, top: usize) -> Ranking<K> {
        let mut counts: HashMap<K, (usize, usize)> = HashMap::new();
        for key in keys {
            let seen = counts.len();
            counts.entry(key).or_insert((0, seen)).0 += 1;
        }
        let mut ranked: Vec<(K, usize, usize)> = counts
            .into_iter()
            .map(|(k, (c, seen))| (k, c, seen))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let rest = ranked.split_off(ranked.len().min(top));
        Ranking {
            top: ranked.into_iter().map(|(k, c, _)| (k, c)).collect(),
            others: rest.len(),
            others_total: rest.iter().map(|r| r.1).sum(),
        }
    }
}

/// How many bars a ranking shows before summing the rest.
pub const TOP_BARS: usize = 10;

/// Who speaks on a topic: its quotations per speaker, and how many have
/// none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speakers<'a> {
    pub ranking: Ranking<&'a Speaker>,
    pub unattributed: usize,
}

pub fn topic_speakers(site: &Site, topic: TopicIdx) -> Speakers<'_> {
    // A title (a show, a book) is nobody's speech: counting it would swell "unattributed".
    let quotations: Vec<QuotationIdx> = site.topics[topic]
        .quotations
        .iter()
        .copied()
        .filter(|&q| site.quotations[q].kind != crate::site::QuoteKind::Title)
        .collect();
    let speakers = quotations
        .iter()
        .filter_map(|&q| site.quotations[q].speaker.as_ref());
    let ranking = Ranking::count(speakers, TOP_BARS);
    let attributed = ranking.top.iter().map(|t| t.1).sum::<usize>() + ranking.others_total;
    Speakers {
        ranking,
        unattributed: quotations.len() - attributed,
    }
}

/// The topics an actor speaks on: their quotations per topic (a quotation
/// counts for each topic of the articles reporting it).
pub fn actor_topics(site: &Site, actor: ActorIdx) -> Ranking<TopicIdx> {
    let topics = site.actors[actor]
        .quotations
        .iter()
        .flat_map(|&q| site.quotations[q].topics.iter().copied());
    Ranking::count(topics, TOP_BARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn short_spans_count_weeks_long_ones_months() {
        let weeks = Span::covering(day("2016-02-03"), day("2016-03-01"));
        assert_eq!(weeks.unit, Unit::Week);
        assert_eq!(weeks.first, day("2016-02-01"));
        assert_eq!(weeks.starts().len(), 5);
        let months = Span::covering(day("2015-11-20"), day("2016-08-01"));
        assert_eq!(months.unit, Unit::Month);
        assert_eq!(months.starts().first().copied(), Some(day("2015-11-01")));
        assert_eq!(months.starts().len(), 10);
    }

    #[test]
    fn a_clone_keeps_layouts_whose_input_stays() {
        let input = |weight| network::Input {
            chosen: vec![(ActorIdx::from(0), 3), (ActorIdx::from(1), 2)],
            edges: vec![Edge { a: 0, b: 1, weight }],
            labels: vec!["A".into(), "B".into()],
            rest: Vec::new(),
        };
        let subject = Subject::Topic(TopicIdx::from(0));
        let entry = |drawn: &Drawn| Arc::clone(&drawn.lock()[&subject]);
        let old = Drawn::default();
        let first = old.network(subject, input(2));
        let same = old.clone();
        assert_eq!(same.network(subject, input(2)), first);
        assert!(Arc::ptr_eq(&entry(&same), &entry(&old)), "laid out again");
        let changed = old.clone();
        assert_ne!(changed.network(subject, input(1)).edges, first.edges);
        assert!(!Arc::ptr_eq(&entry(&changed), &entry(&old)));
        assert_eq!(
            old.network(subject, input(2)),
            first,
            "the old site's stays"
        );
    }

    #[test]
    fn rankings_sum_the_rest_and_keep_first_seen_order_on_ties() {
        let r = Ranking::count(["b", "a", "a", "c", "b", "d"], 2);
        assert_eq!(r.top, vec![("b", 2), ("a", 2)]);
        assert_eq!((r.others, r.others_total), (2, 2));
    }
}
