//! Themes: the tera templates and static files a site is rendered with.
//!
//! The default theme is embedded in the binary so `dossier init` and `dossier
//! build` work anywhere; a site folder's own `themes/NAME/` is used instead
//! when it exists, and `templates/NAME` in the site overrides single templates.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostics::Diagnostic;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A template's text and the file it came from (for error messages).
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub name: String,
    pub text: String,
    pub origin: PathBuf,
}

/// A file copied to the output as it is.
#[derive(Debug, Clone)]
pub enum StaticFile {
    Embedded { path: String, bytes: &'static [u8] },
    Disk { path: String, file: PathBuf },
}

impl StaticFile {
    pub fn output_path(&self) -> &str {
        match self {
            StaticFile::Embedded { path, .. } | StaticFile::Disk { path, .. } => path,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub templates: Vec<TemplateSource>,
    pub statics: Vec<StaticFile>,
}

impl Theme {
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostic> {
        let on_disk = root.join("themes").join(name);
        let mut theme = if on_disk.is_dir() {
            Theme::from_disk(root, &on_disk)?
        } else if name == "default" {
            Theme::embedded()
        } else {
            return Err(Diagnostic::error(format!("theme `{name}` not found"))
                .in_file("site.yaml")
                .help(format!(
                    "put the theme in themes/{name}/ (with templates/ and static/), or use `theme: default`"
                )));
        };
        // The site's own templates and static files win over the theme's.
        let overrides = root.join("templates");
        if overrides.is_dir() {
            for (name, path) in files_under(&overrides) {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    Diagnostic::error(format!("cannot read template: {e}"))
                        .in_file(crate::content::relative(root, &path))
                })?;
                theme.templates.retain(|t| t.name != name);
                theme.templates.push(TemplateSource {
                    name,
                    text,
                    origin: crate::content::relative(root, &path),
                });
            }
        }
        let site_static = root.join("static");
        if site_static.is_dir() {
            for (path, file) in files_under(&site_static) {
                theme.statics.retain(|s| s.output_path() != path);
                theme.statics.push(StaticFile::Disk { path, file });
            }
        }
        Ok(theme)
    }

    pub fn embedded() -> Theme {
        let mut templates = Vec::new();
        let mut statics = Vec::new();
        collect_embedded(&DEFAULT_THEME, &mut templates, &mut statics);
        Theme { templates, statics }
    }

    fn from_disk(root: &Path, dir: &Path) -> Result<Theme, Diagnostic> {
        let mut templates = Vec::new();
        for (name, path) in files_under(&dir.join("templates")) {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Diagnostic::error(format!("cannot read template: {e}"))
                    .in_file(crate::content::relative(root, &path))
            })?;
            templates.push(TemplateSource {
                name,
                text,
                origin: crate::content::relative(root, &path),
            });
        }
        // A theme copied from an older dossier lacks templates that newer
        // features render (search, print): the built-in ones fill the gaps.
        let builtin = Theme::embedded();
        for template in builtin.templates {
            if !templates
                .iter()
                .any(|t: &TemplateSource| t.name == template.name)
            {
                templates.push(template);
            }
        }
        let mut statics: Vec<StaticFile> = files_under(&dir.join("static"))
            .into_iter()
            .map(|(path, file)| StaticFile::Disk { path, file })
            .collect();
        for file in builtin.statics {
            if !statics
                .iter()
                .any(|s| s.output_path() == file.output_path())
            {
                statics.push(file);
            }
        }
        Ok(Theme { templates, statics })
    }

    /// Every file of the embedded default theme, for `dossier init --theme`.
    pub fn embedded_files() -> Vec<(&'static Path, &'static [u8])> {
        fn walk(dir: &'static Dir<'static>, out: &mut Vec<(&'static Path, &'static [u8])>) {
            for file in dir.files() {
                out.push((file.path(), file.contents()));
            }
            for sub in dir.dirs() {
                walk(sub, out);
            }
        }
        let mut out = Vec::new();
        walk(&DEFAULT_THEME, &mut out);
        out
    }
}

fn collect_embedded(
    dir: &'static Dir<'static>,
    templates: &mut Vec<TemplateSource>,
    statics: &mut Vec<StaticFile>,
) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = path.strip_prefix("templates/") {
            templates.push(TemplateSource {
                name: name.to_string(),
                text: String::from_utf8_lossy(file.contents()).into_owned(),
                origin: PathBuf::from(format!("(built-in theme) {path}")),
            });
        } else if let Some(name) = path.strip_prefix("static/") {
            statics.push(StaticFile::Embedded {
                path: name.to_string(),
                bytes: file.contents(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, templates, statics);
    }
}

/// (path relative to `dir` with `/` separators, full path) of every
/// non-hidden file under `dir`, sorted.
fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::content::is_ignored(e.file_name().to_str().unwrap_or(""))
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
            (
                rel.to_string_lossy().replace('\\', "/"),
                e.path().to_path_buf(),
            )
        })
        .collect();
    out.sort();
    out
}
