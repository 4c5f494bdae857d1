//! Publishing: the files beyond the HTML pages that make a briefing site
//! ready for any static host and for other tools: Atom feeds, sitemaps and
//! robots.txt, JSON data, and the search index. `build::extra_outputs` calls
//! [`write_all`]; in a dry run (`dossier check`) everything is still produced
//! and thrown away, so its errors are reported.
//!
//! `links` is the link checker of `dossier check`.

pub mod data;
pub mod feeds;
pub mod links;
pub mod search;
pub mod sitemap;
pub(crate) mod xml;

use std::io::{self, Write};

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Staging;
use crate::render::Renderer;
use crate::site::Site;

/// Where an output file goes: into the staging folder, or nowhere (dry run).
#[derive(Clone, Copy)]
pub struct Out<'a> {
    staging: Option<&'a Staging>,
}

impl<'a> Out<'a> {
    pub fn new(staging: Option<&'a Staging>) -> Out<'a> {
        Out { staging }
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        match self.staging {
            Some(staging) => staging.write(rel, bytes).map_err(|e| self.error(rel, e)),
            None => Ok(()),
        }
    }

    /// Write a file through a buffered writer, for outputs too large to hold
    /// in memory whole.
    pub fn stream(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let result = match self.staging {
            None => fill(&mut io::sink()),
            Some(staging) => staging.stream(rel, fill),
        };
        result.map_err(|e| self.error(rel, e))
    }

    /// Take the live output's `rel` as it is (see `output::Staging::keep`):
    /// false when there is no live output to take it from, or it cannot be
    /// trusted; the caller then makes the file.
    pub fn keep(&self, rel: &str) -> bool {
        self.staging.is_some_and(|s| s.keep(rel))
    }

    /// The live output's `rel`, if it is as the last build wrote it.
    pub fn live_file(&self, rel: &str) -> Option<std::fs::File> {
        self.staging.and_then(|s| s.live_file(rel))
    }

    fn error(&self, rel: &str, e: io::Error) -> Diagnostic {
        let d = Diagnostic::error(format!("cannot write {rel}: {e}"));
        match self.staging {
            Some(staging) => d.in_file(staging.dir()),
            None => d,
        }
    }
}

/// Feeds, sitemaps, robots.txt, data files and the search index.
pub fn write_all(
    config: &Config,
    site: &Site,
    renderer: &Renderer,
    staging: Option<&Staging>,
) -> Result<(), Diagnostics> {
    write_reusing(config, site, renderer, Out::new(staging), None).map(|_| ())
}

/// What the last build left that the next one can reuse: where the live
/// output's pieces are ([`Layout`], only true of the live output it was
/// written with) and each search document's terms ([`search::Weighed`],
/// true of the documents whatever the output).
#[derive(Default, Clone, Copy)]
pub struct Previous<'a> {
    pub layout: Option<&'a Layout>,
    pub weighed: Option<&'a search::Weighed>,
}

/// Where the pieces of the files beyond pages are in the output a build
/// made: each data file's items ([`data::Pieces`]), each feed's
/// fingerprint and the search index's shards by group of terms.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    pub data: Vec<(String, data::Pieces)>,
    pub feeds: std::collections::HashMap<String, u64>,
    pub search: search::Groups,
}

/// What a build made for the next one to reuse; `weighed` is `None` when
/// it is the one it was given.
pub struct Made {
    pub layout: Layout,
    pub weighed: Option<search::Weighed>,
}

/// [`write_all`] into `out`. With the cache (`previous`), copies from the
/// live output what did not change, weighs again only the search documents
/// it does not know, and returns what the next build can reuse. The files
/// are the same as [`write_all`]'s.
pub fn write_reusing(
    config: &Config,
    site: &Site,
    renderer: &Renderer,
    out: Out,
    previous: Option<Previous>,
) -> Result<Made, Diagnostics> {
    let cached = previous.is_some();
    let previous = previous.unwrap_or_default();
    let ((feeds, sitemap), (data, search)) = rayon::join(
        || {
            rayon::join(
                || feeds::write(config, site, out, cached, previous.layout.map(|l| &l.feeds)),
                || sitemap::write(config, site, renderer, out),
            )
        },
        || {
            rayon::join(
                || {
                    data::write(
                        config,
                        site,
                        out,
                        cached,
                        previous.layout.map(|l| &l.data[..]),
                    )
                },
                || {
                    search::write(
                        config,
                        site,
                        out,
                        cached,
                        previous.weighed,
                        previous.layout.map(|l| &l.search),
                    )
                },
            )
        },
    );
    let mut errors: Vec<Diagnostic> = Vec::new();
    let (feeds, data) = (ok(feeds, &mut errors), ok(data, &mut errors));
    let (_, search) = (ok(sitemap, &mut errors), ok(search, &mut errors));
    match (feeds, data, search) {
        (Some(feeds), Some(data), Some((weighed, search))) if errors.is_empty() => Ok(Made {
            layout: Layout {
                data,
                feeds,
                search,
            },
            weighed,
        }),
        _ => Err(errors.into()),
    }
}

/// The value of `result`, or `None` with its problems added to `errors`.
fn ok<T>(result: Result<T, Diagnostics>, errors: &mut Vec<Diagnostic>) -> Option<T> {
    result.map_err(|ds| errors.extend(ds)).ok()
}
