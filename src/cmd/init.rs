//! `dossier init`: a new site with site.yaml and an example article.

use std::path::PathBuf;

use clap::Args;

use crate::diagnostics::Diagnostic;
use crate::report::Reporter;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create (it may exist, but must not hold a site.yaml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Also copy the built-in theme into themes/default/ to edit it.
    #[arg(long)]
    pub theme: bool,
}

const EXAMPLE_CONFIG: &str = r#"# The site's settings and its registry of actors and topics.
# Reference: https://github.com/ (docs/configuration.md in the dossier repository)
title: My Briefing
base_url: https://briefing.example.org
description: What happened, who said what, and who reported it.
language: en
timezone: UTC

actors:
  jane-doe:
    name: Jane Doe
    aliases: [Doe, the minister]
    role: Minister of Examples
    kind: person

topics:
  examples:
    title: Examples
    keywords: [example, examples]
"#;

const EXAMPLE_ARTICLE: &str = r#"---
title: Minister Jane Doe presents the first example
date: 2024-01-15
source: Example Times
url: https://news.example/first-example
---
Minister Jane Doe presented the first example on Monday.

"This example shows how a briefing grows, one article at a time," Doe told reporters.

Drop more articles into content/ as `NAME.md` (like this one), or as `NAME.txt` with a
`NAME.yaml` beside it, then run `dossier build`.
"#;

pub fn run(args: &InitArgs, out: &Reporter) -> bool {
    let dir = &args.dir;
    let config = dir.join(crate::config::CONFIG_FILE);
    if config.exists() {
        eprintln!(
            "{}",
            Diagnostic::error("there is already a site here")
                .in_file(&config)
                .help("choose an empty folder: `dossier init my-briefing`")
        );
        return false;
    }
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(dir.join("content"))?;
        std::fs::write(&config, EXAMPLE_CONFIG)?;
        let article = dir.join("content/first-example.md");
        if !article.exists() {
            std::fs::write(article, EXAMPLE_ARTICLE)?;
        }
        if args.theme {
            for (path, bytes) in crate::render::Theme::embedded_files() {
                let target = dir.join("themes/default").join(path);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(target, bytes)?;
            }
        }
        let gitignore = dir.join(".gitignore");
        if !gitignore.exists() {
            std::fs::write(gitignore, "/public\n/.public.*\n/.dossier-cache\n")?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => {
            out.info(format!(
                "Created a site in {}.\nNext: `dossier build --root {}` writes it to {}.",
                dir.display(),
                dir.display(),
                dir.join("public").display()
            ));
            true
        }
        Err(e) => {
            eprintln!(
                "{}",
                Diagnostic::error(format!("cannot create the site: {e}")).in_file(dir)
            );
            false
        }
    }
}
