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
use crate::site::{Site, routes};

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
    let out = Out::new(staging);
    let ((feeds, sitemap), (data, search)) = rayon::join(
        || {
            rayon::join(
                || feeds::write(config, site, out),
                || sitemap::write(config, site, renderer, out),
            )
        },
        || {
            rayon::join(
                || data::write(config, site, out),
                || search::write(config, site, out),
            )
        },
    );
    let errors: Vec<Diagnostic> = [feeds, sitemap, data, search]
        .into_iter()
        .filter_map(Result::err)
        .flatten()
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into())
    }
}

/// The files of this module a page may link to (for the link checker, which
/// sees no files in a dry run), relative to the output folder.
pub fn linkable_outputs(site: &Site) -> Vec<String> {
    let mut paths: Vec<String> = routes::feeds(site);
    paths.extend(
        [
            sitemap::SITEMAP,
            sitemap::ROBOTS,
            data::ARTICLES,
            data::QUOTES,
            data::ACTORS,
            data::TOPICS,
            search::META,
        ]
        .map(String::from),
    );
    // Print pages are made by `print`, for every digest with articles.
    let print = |dir: String| routes::index_file(&dir);
    paths.extend(
        (site.topics.iter().filter(|t| !t.articles.is_empty()))
            .map(|t| print(routes::print_topic(&t.id))),
    );
    paths.extend(
        (site.actors.iter().filter(|a| !a.articles.is_empty()))
            .map(|a| print(routes::print_actor(&a.id))),
    );
    paths
}
