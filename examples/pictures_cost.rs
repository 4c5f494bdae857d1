//! What the pictures (issue 16) cost on a large site: every coverage chart,
//! sparkline, ranking and network computed and turned into template values
//! as the render stage does, on one thread, three rounds, the median kept.
//! A measuring tool of the benchmark, not a test: run it on a generated
//! corpus with
//!
//! ```text
//! cargo run --release -p dossier-bench -- gen --articles 10000 --out /tmp/corpus
//! cargo run --release --example pictures_cost -- /tmp/corpus
//! ```
//!
//! The build's own time, before and after the pictures, is measured with the
//! two binaries in turn (`dossier build --timings`); this says where the
//! pictures' share of it goes.

use std::time::{Duration, Instant};

use dossier::build::{BuildOptions, load_site};
use dossier::config::Config;
use dossier::render::views::{
    TimelineLinks, actor_topics, coverage, network, sparkline, topic_speakers,
};
use dossier::site::pictures::{self, Span, Timeline};
use dossier::site::{ArticleIdx, QuotationIdx, Site, routes};

/// The time of each kind of picture in one round, and the bytes of JSON the
/// values make (what tera would be handed).
#[derive(Default)]
struct Round {
    home_and_sparklines: Duration,
    topics: Duration,
    actors: Duration,
    actor_networks: Duration,
    sources: Duration,
    bytes: usize,
}

impl Round {
    fn total(&self) -> Duration {
        self.home_and_sparklines + self.topics + self.actors + self.sources
    }
}

fn serialised(value: impl serde::Serialize, bytes: &mut usize) {
    *bytes += serde_json::to_string(&value).unwrap().len();
}

fn round(config: &Config, site: &Site) -> Round {
    let page_size = config.site.digest.page_size.max(1);
    let mut r = Round::default();
    let t = Instant::now();
    let all: Vec<ArticleIdx> = site.articles.keys().collect();
    let quotations: Vec<QuotationIdx> = site.quotations.keys().collect();
    serialised(
        Timeline::of(site, &all, &quotations, None).map(|t| coverage(&t, None)),
        &mut r.bytes,
    );
    let span = Span::of_site(site);
    for topic in site.topics.iter() {
        serialised(sparkline(site, &topic.articles, span), &mut r.bytes);
    }
    for actor in site.actors.iter() {
        serialised(sparkline(site, &actor.articles, span), &mut r.bytes);
    }
    r.home_and_sparklines = t.elapsed();

    let t = Instant::now();
    for (i, topic) in site.topics.iter_enumerated() {
        let base = routes::topic(&topic.id);
        let links = TimelineLinks {
            config,
            site,
            articles: &topic.articles,
            base: &base,
            page_size,
        };
        let timeline = Timeline::of(site, &topic.articles, &topic.quotations, None);
        serialised(timeline.map(|t| coverage(&t, Some(&links))), &mut r.bytes);
        serialised(topic_speakers(config, site, i), &mut r.bytes);
        serialised(
            pictures::topic_network(site, i).map(|n| network(config, site, n)),
            &mut r.bytes,
        );
    }
    r.topics = t.elapsed();

    let t = Instant::now();
    for (i, actor) in site.actors.iter_enumerated() {
        let base = routes::actor(&actor.id);
        let links = TimelineLinks {
            config,
            site,
            articles: &actor.articles,
            base: &base,
            page_size,
        };
        let timeline = Timeline::of(site, &actor.articles, &actor.quotations, None);
        serialised(timeline.map(|t| coverage(&t, Some(&links))), &mut r.bytes);
        serialised(actor_topics(config, site, i), &mut r.bytes);
        let n = Instant::now();
        let net = pictures::actor_network(site, i);
        r.actor_networks += n.elapsed();
        serialised(net.map(|n| network(config, site, n)), &mut r.bytes);
    }
    r.actors = t.elapsed();

    let t = Instant::now();
    for source in site.sources.iter() {
        let quotations = pictures::quotations_in(site, &source.articles);
        serialised(
            Timeline::of(site, &source.articles, &quotations, None).map(|t| coverage(&t, None)),
            &mut r.bytes,
        );
    }
    r.sources = t.elapsed();
    r
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .expect("usage: pictures_cost SITE_ROOT");
    let opts = BuildOptions {
        root: root.into(),
        dry_run: true,
        ..Default::default()
    };
    let loaded = load_site(&opts).unwrap_or_else(|e| panic!("{e}"));
    let mut rounds: Vec<Round> = (0..3)
        .map(|i| {
            let r = round(&loaded.config, &loaded.site);
            eprintln!(
                "round {i}: {:?} (home and sparklines {:?}, topics {:?}, actors {:?} of which networks {:?}, sources {:?}); {} bytes of values",
                r.total(),
                r.home_and_sparklines,
                r.topics,
                r.actors,
                r.actor_networks,
                r.sources,
                r.bytes
            );
            r
        })
        .collect();
    rounds.sort_by_key(Round::total);
    println!(
        "pictures of {} articles, {} topics, {} actors, {} sources: median of 3 rounds {:.0} ms on one thread",
        loaded.site.articles.len(),
        loaded.site.topics.len(),
        loaded.site.actors.len(),
        loaded.site.sources.len(),
        rounds[1].total().as_secs_f64() * 1000.0
    );
}
