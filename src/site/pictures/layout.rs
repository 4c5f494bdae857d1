//! Laying out a small network at build time: stress majorization (SMACOF)
//! over the graph's distances, then the nodes pushed apart until no two
//! nodes-with-labels overlap.
//!
//! Written here rather than taken from a crate: the force-directed crates
//! either start from random positions (the same site must give the same
//! picture), are no longer maintained, or carry a licence the project
//! cannot take; and none places labels. For at most a few dozen nodes the
//! whole of it is a few hundred lines of arithmetic.

/// Pixels (SVG user units) per unit of graph distance.
const UNIT: f64 = 95.0;
/// A label's height and the space between a node and its label.
pub const LABEL_HEIGHT: f64 = 14.0;
const LABEL_GAP: f64 = 2.0;
/// The least space between two nodes' footprints, and around the picture.
const GAP: f64 = 4.0;
const PAD: f64 = 6.0;
const STRESS_ROUNDS: usize = 300;
const SEPARATION_ROUNDS: usize = 600;

/// Where a label's text goes: centred on `x`, its baseline at `y`; the box
/// it takes is `width` by `LABEL_HEIGHT` above the baseline (with descent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
}

impl LabelBox {
    /// Left, top, right, bottom.
    pub fn rect(&self) -> (f64, f64, f64, f64) {
        let top = self.y - LABEL_HEIGHT * 0.8;
        (
            self.x - self.width / 2.0,
            top,
            self.x + self.width / 2.0,
            top + LABEL_HEIGHT,
        )
    }
}

/// A laid-out network: each node's centre and label, and the picture's size
/// (every coordinate is inside `0..width` by `0..height`).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub centres: Vec<(f64, f64)>,
    pub labels: Vec<LabelBox>,
    pub width: f64,
    pub height: f64,
}

/// Lays out `radii.len()` nodes joined by `edges` (a, b, weight); node i is
/// drawn as a circle of `radii[i]` with a label `label_widths[i]` wide under
/// it. Deterministic: the same input gives the same picture.
pub fn place(edges: &[(usize, usize, usize)], radii: &[f64], label_widths: &[f64]) -> Placed {
    let n = radii.len();
    let distances = distances(n, edges);
    let mut points = start(n);
    majorize(&mut points, &distances);
    let footprints: Vec<Footprint> = (0..n)
        .map(|i| Footprint::of(radii[i], label_widths[i]))
        .collect();
    let scale = scale(&points, &footprints);
    for p in &mut points {
        p.0 *= scale;
        p.1 *= scale;
    }
    separate(&mut points, &footprints);
    if overlapping(&points, &footprints) {
        points = grid(&footprints);
    }
    frame(points, &footprints, radii, label_widths)
}

/// Shortest paths, an edge's length shorter the heavier it is (1 for the
/// heaviest, 1.6 for the lightest); nodes out of reach one further than the
/// farthest reachable.
fn distances(n: usize, edges: &[(usize, usize, usize)]) -> Vec<Vec<f64>> {
    let heaviest = edges.iter().map(|e| e.2).max().unwrap_or(1).max(1) as f64;
    let mut d = vec![vec![f64::INFINITY; n]; n];
    for (i, row) in d.iter_mut().enumerate() {
        row[i] = 0.0;
    }
    for &(a, b, w) in edges {
        let length = if heaviest > 1.0 {
            1.0 + 0.6 * (1.0 - (w.max(1) as f64).ln() / heaviest.ln())
        } else {
            1.0
        };
        d[a][b] = d[a][b].min(length);
        d[b][a] = d[a][b];
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                let through = d[i][k] + d[k][j];
                if through < d[i][j] {
                    d[i][j] = through;
                }
            }
        }
    }
    let farthest = d
        .iter()
        .flatten()
        .copied()
        .filter(|x| x.is_finite())
        .fold(1.0, f64::max);
    for x in d.iter_mut().flatten() {
        if !x.is_finite() {
            *x = farthest + 1.0;
        }
    }
    d
}

/// Pixels per unit: `UNIT`, or more when nodes sit so close that most
/// labels would collide. Separation then has little left to do, and does
/// not stack a dense graph into a tall column (it pushes along the shorter
/// overlap, which for wide labels is the vertical).
fn scale(points: &[(f64, f64)], footprints: &[Footprint]) -> f64 {
    if points.len() < 2 {
        return UNIT;
    }
    let mut nearest: Vec<f64> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            points
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, q)| ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt())
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    nearest.sort_by(f64::total_cmp);
    let median = nearest[nearest.len() / 2].max(1e-3);
    let width =
        footprints.iter().map(|f| 2.0 * f.half_width).sum::<f64>() / footprints.len() as f64;
    (0.8 * width / median).clamp(UNIT, 4.0 * UNIT)
}

/// A sunflower spiral: spread out, asymmetric, and the same every time
/// (the first node, the most connected, in the middle).
fn start(n: usize) -> Vec<(f64, f64)> {
    const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;
    (0..n)
        .map(|i| {
            let radius = (i as f64 + 0.5).sqrt() * 0.7;
            let angle = i as f64 * GOLDEN_ANGLE;
            (radius * angle.cos(), radius * angle.sin())
        })
        .collect()
}

/// Stress majorization, one node at a time (Gansner, Koren and North 2004):
/// each pair pulled towards its graph distance, weighted by its inverse
/// square so that near pairs matter most.
fn majorize(points: &mut [(f64, f64)], d: &[Vec<f64>]) {
    let n = points.len();
    for _ in 0..STRESS_ROUNDS {
        let mut moved = 0.0f64;
        for i in 0..n {
            let (mut sx, mut sy, mut sw) = (0.0, 0.0, 0.0);
            // Node i moves only after its sums, so its place is read once; the
            // others in order, those before it and those after it (the same
            // sums in the same order as a loop that skips i).
            let p = points[i];
            let row = &d[i][..n];
            for (q, &dij) in points[..i]
                .iter()
                .zip(&row[..i])
                .chain(points[i + 1..].iter().zip(&row[i + 1..]))
            {
                let w = 1.0 / (dij * dij);
                let (dx, dy) = (p.0 - q.0, p.1 - q.1);
                let norm = (dx * dx + dy * dy).sqrt().max(1e-9);
                sx += w * (q.0 + dij * dx / norm);
                sy += w * (q.1 + dij * dy / norm);
                sw += w;
            }
            if sw > 0.0 {
                let next = (sx / sw, sy / sw);
                moved = moved.max((next.0 - p.0).abs() + (next.1 - p.1).abs());
                points[i] = next;
            }
        }
        // A thousandth of a unit is a tenth of a pixel once scaled.
        if moved < 1e-3 {
            break;
        }
    }
}

/// The box a node takes with its label, relative to its centre.
#[derive(Debug, Clone, Copy)]
struct Footprint {
    half_width: f64,
    above: f64,
    below: f64,
}

impl Footprint {
    fn of(radius: f64, label_width: f64) -> Footprint {
        Footprint {
            half_width: radius.max(label_width / 2.0),
            above: radius,
            below: radius + LABEL_GAP + LABEL_HEIGHT,
        }
    }

    fn rect(&self, (x, y): (f64, f64)) -> (f64, f64, f64, f64) {
        (
            x - self.half_width,
            y - self.above,
            x + self.half_width,
            y + self.below,
        )
    }
}

/// How far two footprints overlap along x and y (both positive when they
/// do), counting the gap kept between them.
fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> (f64, f64) {
    (
        a.2.min(b.2) - a.0.max(b.0) + GAP,
        a.3.min(b.3) - a.1.max(b.1) + GAP,
    )
}

/// Pushes overlapping pairs apart along the axis where they overlap least,
/// half each, until none overlap or the rounds run out.
fn separate(points: &mut [(f64, f64)], footprints: &[Footprint]) {
    let n = points.len();
    for _ in 0..SEPARATION_ROUNDS {
        let mut moved = false;
        for i in 0..n {
            // Node i's box, worked out again only when i moves.
            let mut a = footprints[i].rect(points[i]);
            for j in i + 1..n {
                let (ox, oy) = overlap(a, footprints[j].rect(points[j]));
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                // Ties go the same way every time: i left of or above j.
                if ox < oy {
                    let sign = if points[i].0 <= points[j].0 {
                        1.0
                    } else {
                        -1.0
                    };
                    points[i].0 -= sign * ox / 2.0;
                    points[j].0 += sign * ox / 2.0;
                } else {
                    let sign = if points[i].1 <= points[j].1 {
                        1.0
                    } else {
                        -1.0
                    };
                    points[i].1 -= sign * oy / 2.0;
                    points[j].1 += sign * oy / 2.0;
                }
                a = footprints[i].rect(points[i]);
            }
        }
        if !moved {
            return;
        }
    }
}

fn overlapping(points: &[(f64, f64)], footprints: &[Footprint]) -> bool {
    (0..points.len()).any(|i| {
        (i + 1..points.len()).any(|j| {
            let (ox, oy) = overlap(footprints[i].rect(points[i]), footprints[j].rect(points[j]));
            ox > GAP / 2.0 && oy > GAP / 2.0
        })
    })
}

/// The last resort when separation does not settle: rows of cells, which
/// cannot overlap.
fn grid(footprints: &[Footprint]) -> Vec<(f64, f64)> {
    let columns = (footprints.len() as f64).sqrt().ceil().max(1.0) as usize;
    let cell_width = footprints
        .iter()
        .map(|f| 2.0 * f.half_width + GAP)
        .fold(0.0, f64::max);
    let cell_height = footprints
        .iter()
        .map(|f| f.above + f.below + GAP)
        .fold(0.0, f64::max);
    (0..footprints.len())
        .map(|i| {
            (
                (i % columns) as f64 * cell_width,
                (i / columns) as f64 * cell_height,
            )
        })
        .collect()
}

/// Moves everything inside `0..width, 0..height` with a margin and places
/// the labels.
fn frame(
    points: Vec<(f64, f64)>,
    footprints: &[Footprint],
    radii: &[f64],
    label_widths: &[f64],
) -> Placed {
    let rects: Vec<_> = points
        .iter()
        .zip(footprints)
        .map(|(&p, f)| f.rect(p))
        .collect();
    let left = rects.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
    let top = rects.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    let right = rects.iter().map(|r| r.2).fold(f64::NEG_INFINITY, f64::max);
    let bottom = rects.iter().map(|r| r.3).fold(f64::NEG_INFINITY, f64::max);
    if points.is_empty() {
        return Placed {
            centres: Vec::new(),
            labels: Vec::new(),
            width: 2.0 * PAD,
            height: 2.0 * PAD,
        };
    }
    let centres: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| (round(x - left + PAD), round(y - top + PAD)))
        .collect();
    let labels = centres
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| LabelBox {
            x,
            y: round(y + radii[i] + LABEL_GAP + LABEL_HEIGHT * 0.8),
            width: label_widths[i],
        })
        .collect();
    Placed {
        centres,
        labels,
        width: (right - left + 2.0 * PAD).ceil(),
        height: (bottom - top + 2.0 * PAD).ceil(),
    }
}

/// A tenth of a unit is finer than any screen or printer shows, and keeps
/// the SVG short.
fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intersect(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    #[test]
    #[allow(clippy::needless_range_loop)] // pairs of nodes, by number
    fn same_input_same_picture_and_no_label_overlaps() {
        // A star with a clique on one side: the crowded case.
        let mut edges = Vec::new();
        for i in 1..25 {
            edges.push((0, i, 25 - i));
        }
        for i in 1..8 {
            for j in i + 1..8 {
                edges.push((i, j, 2));
            }
        }
        let radii: Vec<f64> = (0..25).map(|i| 14.0 - i as f64 * 0.4).collect();
        let widths: Vec<f64> = (0..25).map(|i| 60.0 + (i % 5) as f64 * 25.0).collect();
        let a = place(&edges, &radii, &widths);
        assert_eq!(a, place(&edges, &radii, &widths));
        for i in 0..25 {
            for j in i + 1..25 {
                assert!(
                    !intersect(a.labels[i].rect(), a.labels[j].rect()),
                    "labels {i} and {j} overlap: {:?} {:?}",
                    a.labels[i],
                    a.labels[j]
                );
            }
            let (x, y) = a.centres[i];
            assert!(x - radii[i] >= 0.0 && x + radii[i] <= a.width);
            assert!(y - radii[i] >= 0.0 && y + radii[i] <= a.height);
        }
    }

    #[test]
    fn linked_nodes_sit_closer_than_unlinked_ones() {
        // 0-1 linked heavily, 2 alone.
        let placed = place(&[(0, 1, 5)], &[5.0; 3], &[30.0; 3]);
        let dist = |a: usize, b: usize| {
            let (p, q) = (placed.centres[a], placed.centres[b]);
            ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
        };
        assert!(dist(0, 1) < dist(0, 2));
    }

    #[test]
    fn one_node_and_none() {
        let one = place(&[], &[8.0], &[40.0]);
        assert_eq!(one.centres.len(), 1);
        assert!(one.width >= 40.0);
        assert!(place(&[], &[], &[]).centres.is_empty());
    }
}
