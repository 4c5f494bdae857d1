//! `dossier check`: everything a build does but the writing, plus the
//! problems a build lets pass: names in front matter that are not in the
//! registry (often typos).

use crate::build::{self, BuildOptions, Loaded};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::site::Site;

pub struct CheckReport {
    pub articles: usize,
    pub pages: usize,
    /// Sorted, errors first.
    pub problems: Vec<Diagnostic>,
}

/// What `check` does beyond what a build checks.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Also request the links to other sites (results cached in the site).
    pub external: bool,
}

pub fn check(opts: &BuildOptions) -> Result<CheckReport, Diagnostics> {
    check_with(opts, &CheckOptions::default())
}

pub fn check_with(opts: &BuildOptions, with: &CheckOptions) -> Result<CheckReport, Diagnostics> {
    // What a build would refuse, check reports too: site.yaml, the output
    // folder it names, and the content, all in one run.
    let mut problems = Diagnostics::new();
    let Some(config) = build::load_config_into(opts, &mut problems) else {
        return Err(problems.sorted());
    };
    build::output_folder(opts, &config, true, &mut problems);
    let Loaded {
        config,
        theme,
        site,
        mut warnings,
        mut timings,
    } = build::load_site_with(config, opts, problems)?;
    unknown_names(&site, &mut warnings);
    let scanned = std::sync::Mutex::new(Vec::new());
    let scan = |path: &str, html: &str| {
        let page = crate::publish::links::PageLinks::scan(path, html);
        scanned.lock().expect("no panic while scanning").push(page);
    };
    let pages =
        match build::render_all_with(&config, &theme, &site, None, &mut timings, Some(&scan)) {
            Ok(pages) => {
                let scanned = scanned.into_inner().expect("no panic while scanning");
                let external = with
                    .external
                    .then(crate::publish::links::external::Options::default);
                warnings.extend(crate::publish::links::check_site(
                    &opts.root,
                    &config,
                    &site,
                    &theme,
                    &scanned,
                    external.as_ref(),
                ));
                pages
            }
            Err(errors) => {
                warnings.extend(errors);
                0
            }
        };
    Ok(CheckReport {
        articles: site.articles.len(),
        pages,
        problems: warnings.sorted().into(),
    })
}

/// Front-matter `actors:` and `topics:` values that match no registry id,
/// name or alias make new pages; say so, and suggest the registry entry a
/// value is probably a typo of.
pub fn unknown_names(site: &Site, problems: &mut Diagnostics) {
    let actor_names: Vec<&str> = site
        .actors
        .iter()
        .filter(|a| a.in_registry)
        .flat_map(|a| {
            std::iter::once(a.id.as_str())
                .chain(std::iter::once(a.name.as_str()))
                .chain(a.aliases.iter().map(String::as_str))
        })
        .collect();
    let topic_names: Vec<&str> = site
        .topics
        .iter()
        .filter(|t| t.in_registry)
        .flat_map(|t| [t.id.as_str(), t.title.as_str()])
        .collect();
    for article in &site.articles {
        for (listed, known, what, resolved_in_registry) in article
            .listed_actors
            .iter()
            .map(|l| {
                (
                    l,
                    &actor_names,
                    "actor",
                    site.actor(&crate::slug::slugify(&l.value))
                        .is_some_and(|a| a.in_registry)
                        || actor_names.iter().any(|n| n.eq_ignore_ascii_case(&l.value)),
                )
            })
            .chain(article.listed_topics.iter().map(|l| {
                (
                    l,
                    &topic_names,
                    "topic",
                    site.topic(&crate::slug::slugify(&l.value))
                        .is_some_and(|t| t.in_registry)
                        || topic_names.iter().any(|n| n.eq_ignore_ascii_case(&l.value)),
                )
            }))
        {
            if resolved_in_registry {
                continue;
            }
            let mut d = Diagnostic::warning(format!(
                "`{}` is not a known {what}: it gets a page of its own, /{what}s/{}/",
                listed.value,
                crate::slug::slugify(&listed.value)
            ))
            .in_file(&article.file);
            d = match (listed.line, listed.column) {
                (Some(line), Some(column)) => d.at(line, column),
                (Some(line), None) => d.at_line(line),
                _ => d,
            };
            d = match did_you_mean(&listed.value, known.iter().copied()) {
                Some(close) => d.help(format!("did you mean `{close}`?")),
                None => d.help(format!(
                    "if it is meant to be a registry {what}, add it to site.yaml under `{what}s:`"
                )),
            };
            problems.push(d);
        }
    }
}
