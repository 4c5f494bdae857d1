//! dossier-bench: a deterministic generator of realistic news corpora for
//! dossier, and a runner that times `dossier build` (and Hugo, on the same
//! corpus) at several sizes. See `docs/benchmark.md`.

pub mod corpus;
pub mod generate;
pub mod hugo;
pub mod rng;
pub mod runner;
pub mod serve;
pub mod util;
pub mod words;
