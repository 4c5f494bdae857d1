//! dossier: a static-site digest generator for news briefings.
//!
//! The data flows through one module per stage:
//! `config` -> `content` (files, front matter, Markdown) -> `extract` (actors,
//! topics, quotations) -> `site` (the linked model) -> `render` (templates)
//! -> `output` (the staged, atomic write). `build` runs the stages in order;
//! `serve` and `print` are built on top of them.

pub mod build;
pub mod cache;
pub mod check;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod extract;
pub mod import;
pub mod limits;
pub mod output;
pub mod print;
pub mod publish;
pub mod quotes;
pub mod render;
pub mod report;
pub mod serve;
pub mod site;
pub mod text;
pub mod yaml;

/// Slugs: one definition for the site, `dossier import` and the checks of ids.
pub use dossier_text::slug;
