//! Writing the corpus: a dossier site and, optionally, the same articles as
//! a plain Hugo site. Articles are generated and written in parallel; each
//! article has its own random stream, so the bytes do not depend on the
//! number of threads.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::corpus::{Article, Format, GENERATOR_VERSION, World, article};
use dossier_text::yaml;

/// The marker file of a complete corpus: its content names the generator
/// version, the seed and the size, so a cache can be trusted.
pub const MARKER: &str = ".dossier-bench";

#[derive(Clone, Debug)]
pub struct GenOptions {
    pub articles: usize,
    pub seed: u64,
    /// The dossier site (site.yaml, content/).
    pub out: Option<PathBuf>,
    /// The same corpus as a Hugo site.
    pub hugo_out: Option<PathBuf>,
    /// 0: all cores.
    pub threads: usize,
    /// Replace a non-empty folder that is not a corpus of ours.
    pub force: bool,
}

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct GenReport {
    pub articles: usize,
    pub markdown: usize,
    pub text: usize,
    pub drafts: usize,
    pub words: u64,
    pub quotes: u64,
    pub bytes: u64,
    pub seconds: f64,
}

pub fn marker_text(articles: usize, seed: u64) -> String {
    format!("generator {GENERATOR_VERSION}\narticles {articles}\nseed {seed}\n")
}

/// Is `dir` a complete corpus of this size and seed from this generator?
pub fn is_cached(dir: &Path, articles: usize, seed: u64) -> bool {
    fs::read_to_string(dir.join(MARKER)).is_ok_and(|m| m == marker_text(articles, seed))
}

/// Make `dir` ready for a new corpus: remove what an earlier corpus wrote.
fn prepare(dir: &Path, force: bool) -> Result<()> {
    if dir.exists() {
        let ours = dir.join(MARKER).exists();
        let empty = fs::read_dir(dir)?.next().is_none();
        if !ours && !empty && !force {
            bail!(
                "{} exists and is not a dossier-bench corpus; choose an empty folder or pass --force",
                dir.display()
            );
        }
        // The marker goes first: a half-written corpus is never taken as done.
        let _ = fs::remove_file(dir.join(MARKER));
        for sub in ["content", "public", "layouts", "resources"] {
            let p = dir.join(sub);
            if p.exists() {
                fs::remove_dir_all(&p).with_context(|| format!("removing {}", p.display()))?;
            }
        }
    }
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(())
}

pub fn generate(opts: &GenOptions) -> Result<GenReport> {
    let start = Instant::now();
    if opts.out.is_none() && opts.hugo_out.is_none() {
        bail!("nothing to write: give an output folder");
    }
    let world = World::new(opts.seed, opts.articles);
    let months: Vec<String> = (crate::corpus::FIRST_YEAR..=crate::corpus::LAST_YEAR)
        .flat_map(|y| (1..=12).map(move |m| format!("{y}/{m:02}")))
        .collect();
    if let Some(out) = &opts.out {
        prepare(out, opts.force)?;
        fs::write(out.join("site.yaml"), world.site_yaml())?;
        for m in &months {
            fs::create_dir_all(out.join("content").join(m))?;
        }
    }
    if let Some(h) = &opts.hugo_out {
        prepare(h, opts.force)?;
        crate::hugo::write_skeleton(h, &world)?;
        for m in &months {
            fs::create_dir_all(h.join("content").join(m))?;
        }
    }

    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        opts.threads
    };
    let results: Vec<Result<GenReport>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let world = &world;
                s.spawn(move || -> Result<GenReport> {
                    let mut rep = GenReport::default();
                    let mut buf = String::with_capacity(16 * 1024);
                    let mut buf2 = String::with_capacity(1024);
                    for i in (t..opts.articles).step_by(threads) {
                        let a = article(world, i);
                        rep.articles += 1;
                        match a.format {
                            Format::Markdown => rep.markdown += 1,
                            Format::Text => rep.text += 1,
                        }
                        rep.drafts += a.draft as usize;
                        rep.words += a.words as u64;
                        rep.quotes += a.quotes as u64;
                        if let Some(out) = &opts.out {
                            rep.bytes += write_dossier(out, &a, &mut buf, &mut buf2)?;
                        }
                        if let Some(h) = &opts.hugo_out {
                            crate::hugo::write_article(h, &a, &mut buf)?;
                        }
                    }
                    Ok(rep)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("generator thread panicked"))
            .collect()
    });
    let mut total = GenReport::default();
    for r in results {
        let r = r?;
        total.articles += r.articles;
        total.markdown += r.markdown;
        total.text += r.text;
        total.drafts += r.drafts;
        total.words += r.words;
        total.quotes += r.quotes;
        total.bytes += r.bytes;
    }
    for dir in [&opts.out, &opts.hugo_out].into_iter().flatten() {
        fs::write(dir.join(MARKER), marker_text(opts.articles, opts.seed))?;
    }
    total.seconds = start.elapsed().as_secs_f64();
    Ok(total)
}

fn write_file(path: &Path, data: &str) -> Result<()> {
    // One buffered write per file.
    let f = fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut w = std::io::BufWriter::with_capacity(data.len().max(1), f);
    w.write_all(data.as_bytes())?;
    w.flush()?;
    Ok(())
}

/// A title or other free text as a YAML value; now and then single-quoted,
/// as people write it.
fn yaml_text(s: &str, i: usize, out: &mut String) {
    let plain = yaml::scalar(s);
    if plain.starts_with('"') && i.is_multiple_of(5) && !s.contains('\n') {
        out.push_str(&yaml::single_quoted(s));
    } else {
        out.push_str(&plain);
    }
}

fn yaml_list(key: &str, items: &[String], block: bool, out: &mut String) {
    out.push_str(key);
    out.push(':');
    if block {
        for it in items {
            out.push_str("\n  - ");
            out.push_str(&yaml::scalar(it));
        }
        out.push('\n');
    } else {
        out.push_str(" [");
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&yaml::flow_item(it));
        }
        out.push_str("]\n");
    }
}

/// The metadata fields other than the title, in YAML.
fn metadata(a: &Article, out: &mut String) {
    out.push_str("date: ");
    out.push_str(&a.date);
    out.push_str("\nsource: ");
    out.push_str(&yaml::scalar(a.source));
    out.push_str("\nurl: ");
    out.push_str(&a.url);
    out.push('\n');
    let block = a.index % 3 == 1;
    if let Some(t) = &a.fm_topics {
        yaml_list("topics", t, block, out);
    }
    if let Some(x) = &a.fm_actors {
        yaml_list("actors", x, block, out);
    }
    if let Some(s) = &a.summary {
        out.push_str("summary: ");
        yaml_text(s, a.index, out);
        out.push('\n');
    }
    if let Some(d) = &a.dateline {
        out.push_str("dateline: ");
        out.push_str(&yaml::scalar(d));
        out.push('\n');
    }
    if let Some(s) = &a.slug {
        out.push_str("slug: ");
        out.push_str(s);
        out.push('\n');
    }
    if a.draft {
        out.push_str("draft: true\n");
    }
}

/// Write one article of the dossier site; returns the bytes written.
fn write_dossier(out: &Path, a: &Article, buf: &mut String, buf2: &mut String) -> Result<u64> {
    let dir = out
        .join("content")
        .join(format!("{}", a.year))
        .join(format!("{:02}", a.month));
    buf.clear();
    match a.format {
        Format::Markdown => {
            buf.push_str("---\ntitle: ");
            yaml_text(&a.title, a.index, buf);
            buf.push('\n');
            metadata(a, buf);
            buf.push_str("---\n");
            a.body_markdown(buf);
            write_file(&dir.join(format!("{}.md", a.stem)), buf)?;
            Ok(buf.len() as u64)
        }
        Format::Text => {
            buf.push_str(&a.title);
            buf.push_str("\n\n");
            a.body_text(buf);
            write_file(&dir.join(format!("{}.txt", a.stem)), buf)?;
            buf2.clear();
            metadata(a, buf2);
            write_file(&dir.join(format!("{}.yaml", a.stem)), buf2)?;
            Ok((buf.len() + buf2.len()) as u64)
        }
    }
}
