//! Who appears with whom: actors as nodes, an edge where two appear in the
//! same articles (its weight how many), laid out at build time.

use std::collections::HashMap;

use super::layout::{self, LabelBox};
use crate::site::{ActorIdx, ArticleIdx, Site, TopicIdx};

/// A topic's network shows at most this many actors, the rest are named.
pub const TOP_NODES: usize = 25;
/// An actor's neighbourhood: them and this many of those they appear with.
pub const NEIGHBOURS: usize = 12;
/// Labels longer than this are cut, so that one long name does not crowd
/// out the picture.
const LABEL_CHARS: usize = 24;
/// Node radii, for the fewest and the most articles.
const RADIUS_MIN: f64 = 4.0;
const RADIUS_MAX: f64 = 14.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub actor: ActorIdx,
    /// Articles in the picture's context (the topic's, or shared with the
    /// actor at the centre; the centre's own).
    pub articles: usize,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    /// The label as drawn (perhaps cut) and where.
    pub label: String,
    pub label_box: LabelBox,
}

/// Two nodes (by place in `Network::nodes`) and how many articles they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub weight: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    /// Heaviest first.
    pub edges: Vec<Edge>,
    /// Those left out of a topic's picture, with their counts, most first
    /// (none for an actor's neighbourhood).
    pub rest: Vec<(ActorIdx, usize)>,
    pub width: f64,
    pub height: f64,
}

/// What a network's picture is made from, and all of it: `lay_out` reads
/// nothing else, so equal inputs give equal networks. (Radii and label
/// widths follow from the counts and labels.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Input {
    /// The actors drawn and their counts, the first in the middle.
    pub(super) chosen: Vec<(ActorIdx, usize)>,
    /// Between places in `chosen`, heaviest first.
    pub(super) edges: Vec<Edge>,
    pub(super) labels: Vec<String>,
    pub(super) rest: Vec<(ActorIdx, usize)>,
}

/// A topic's actors: the `TOP_NODES` in most of its articles, joined where
/// they share its articles. None when it has no actors.
pub(super) fn topic_input(site: &Site, topic: TopicIdx) -> Option<Input> {
    let topic = &site.topics[topic];
    let cut = topic.actors.len().min(TOP_NODES);
    let chosen = &topic.actors[..cut];
    if chosen.is_empty() {
        return None;
    }
    Some(input(
        site,
        chosen.to_vec(),
        &topic.articles,
        topic.actors[cut..].to_vec(),
    ))
}

/// An actor and those they appear with most, joined where they share the
/// actor's articles. None when they appear with no one.
pub(super) fn actor_input(site: &Site, actor: ActorIdx) -> Option<Input> {
    let me = &site.actors[actor];
    if me.co_actors.is_empty() {
        return None;
    }
    let cut = me.co_actors.len().min(NEIGHBOURS);
    let mut chosen = Vec::with_capacity(cut + 1);
    chosen.push((actor, me.articles.len()));
    chosen.extend_from_slice(&me.co_actors[..cut]);
    // The rest are not named under it: the digest lists whom they appear
    // with beside it.
    Some(input(site, chosen, &me.articles, Vec::new()))
}

fn input(
    site: &Site,
    chosen: Vec<(ActorIdx, usize)>,
    articles: &[ArticleIdx],
    rest: Vec<(ActorIdx, usize)>,
) -> Input {
    let ids: Vec<ActorIdx> = chosen.iter().map(|c| c.0).collect();
    Input {
        edges: co_appearances(site, articles, &ids),
        labels: ids
            .iter()
            .map(|&a| cut_label(&site.actors[a].name))
            .collect(),
        chosen,
        rest,
    }
}

/// The costly part: places the nodes and labels (see `layout::place`).
pub(super) fn lay_out(input: &Input) -> Network {
    let chosen = &input.chosen;
    let most = chosen.iter().map(|c| c.1).max().unwrap_or(1).max(1) as f64;
    let radii: Vec<f64> = chosen
        .iter()
        .map(|&(_, count)| {
            let share = (count as f64 / most).sqrt();
            ((RADIUS_MIN + (RADIUS_MAX - RADIUS_MIN) * share) * 10.0).round() / 10.0
        })
        .collect();
    let widths: Vec<f64> = input.labels.iter().map(|l| label_width(l)).collect();
    let triples: Vec<(usize, usize, usize)> =
        input.edges.iter().map(|e| (e.a, e.b, e.weight)).collect();
    let placed = layout::place(&triples, &radii, &widths);
    let nodes = chosen
        .iter()
        .enumerate()
        .map(|(i, &(actor, articles))| Node {
            actor,
            articles,
            x: placed.centres[i].0,
            y: placed.centres[i].1,
            radius: radii[i],
            label: input.labels[i].clone(),
            label_box: placed.labels[i],
        })
        .collect();
    Network {
        nodes,
        edges: input.edges.clone(),
        rest: input.rest.clone(),
        width: placed.width,
        height: placed.height,
    }
}

/// Pairs of `nodes` in the same articles, heaviest first (ties in node
/// order).
fn co_appearances(site: &Site, articles: &[ArticleIdx], nodes: &[ActorIdx]) -> Vec<Edge> {
    let n = nodes.len();
    let place: HashMap<ActorIdx, usize> = nodes.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let mut counts = vec![0usize; n * n];
    let mut present: Vec<usize> = Vec::new();
    for &a in articles {
        present.clear();
        present.extend(site.articles[a].actors.iter().filter_map(|x| place.get(x)));
        present.sort_unstable();
        present.dedup();
        for (k, &i) in present.iter().enumerate() {
            for &j in &present[k + 1..] {
                counts[i * n + j] += 1;
            }
        }
    }
    let mut edges: Vec<Edge> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .filter(|&(a, b)| counts[a * n + b] > 0)
        .map(|(a, b)| Edge {
            a,
            b,
            weight: counts[a * n + b],
        })
        .collect();
    edges.sort_by(|x, y| y.weight.cmp(&x.weight).then((x.a, x.b).cmp(&(y.a, y.b))));
    edges
}

fn cut_label(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        return name.to_string();
    }
    let cut: String = name.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A label's width at the pictures' 12-unit font, erring wide: capitals
/// and wide scripts take more, so that estimated boxes that do not overlap
/// mean drawn labels that do not either.
pub fn label_width(label: &str) -> f64 {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
                9.5
            } else if c.is_ascii() {
                7.0
            } else if (c as u32) >= 0x1100 {
                12.5
            } else {
                8.0
            }
        })
        .sum::<f64>()
        .ceil()
}
