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
    /// What loading it found and left out (links out of a static folder).
    pub warnings: Vec<Diagnostic>,
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
                let text = crate::limits::read_text(&path).map_err(|e| {
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
            for (path, file) in static_files(root, &site_static, &mut theme.warnings) {
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
        Theme {
            templates,
            statics,
            warnings: Vec::new(),
        }
    }

    fn from_disk(root: &Path, dir: &Path) -> Result<Theme, Diagnostic> {
        let mut templates = Vec::new();
        for (name, path) in files_under(&dir.join("templates")) {
            let text = crate::limits::read_text(&path).map_err(|e| {
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
        let mut warnings = Vec::new();
        let mut statics: Vec<StaticFile> = static_files(root, &dir.join("static"), &mut warnings)
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
        Ok(Theme {
            templates,
            statics,
            warnings,
        })
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

/// The files of a static folder to publish, as `files_under` lists them,
/// without what a symbolic link would bring in from outside the folder.
///
/// A link whose target (every link on the way resolved) lies outside `dir`
/// is left out with a warning naming it: `static/passwd -> /etc/passwd` or
/// `static/up -> ../../` would publish the machine's or the site's private
/// files. A link to a file or folder inside `dir` is followed, each folder
/// at most once through links, so that a loop ends and links that fan out
/// (`a/x -> ../b`, `a/y -> ../b`, `b/x -> ../c`...) stay linear.
fn static_files(root: &Path, dir: &Path, warnings: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf)> {
    let Ok(real_dir) = dir.canonicalize() else {
        return Vec::new();
    };
    let mut walk = StaticWalk {
        root,
        dir,
        real_dir: &real_dir,
        expanded: std::collections::HashSet::from([real_dir.clone()]),
        out: Vec::new(),
        warnings,
    };
    walk.folder(dir, "");
    let mut out = walk.out;
    out.sort();
    out
}

struct StaticWalk<'a> {
    root: &'a Path,
    /// The static folder as the site names it.
    dir: &'a Path,
    /// The static folder with every link resolved.
    real_dir: &'a Path,
    /// Folders already listed through a link (and the static folder).
    expanded: std::collections::HashSet<PathBuf>,
    out: Vec<(String, PathBuf)>,
    warnings: &'a mut Vec<Diagnostic>,
}

impl StaticWalk<'_> {
    /// The files under `folder`, published under `prefix`.
    fn folder(&mut self, folder: &Path, prefix: &str) {
        let walker = walkdir::WalkDir::new(folder)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !crate::content::is_ignored(e.file_name().to_str().unwrap_or(""))
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let at = e.path().unwrap_or(folder).to_path_buf();
                    self.warn(&at, format!("not published: cannot read it ({e})"), None);
                    continue;
                }
            };
            if entry.depth() == 0 {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(folder)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let published = if prefix.is_empty() {
                rel
            } else {
                format!("{prefix}/{rel}")
            };
            if entry.path_is_symlink() {
                self.link(entry.path(), published);
            } else if entry.file_type().is_file() {
                self.out.push((published, entry.path().to_path_buf()));
            }
        }
    }

    fn link(&mut self, link: &Path, published: String) {
        let real = match link.canonicalize() {
            Ok(real) => real,
            Err(e) => {
                self.warn(
                    link,
                    format!("not published: this symbolic link leads nowhere ({e})"),
                    Some("point it at a file inside the folder, or remove it"),
                );
                return;
            }
        };
        if !real.starts_with(self.real_dir) {
            self.warn(
                link,
                format!(
                    "not published: this symbolic link leads out of {}/ (to {})",
                    crate::content::relative(self.root, self.dir).display(),
                    real.display()
                ),
                Some("copy what it should publish into the folder instead of linking to it, or remove the link"),
            );
            return;
        }
        if real.is_file() {
            self.out.push((published, real));
        } else if real.is_dir() {
            if self.expanded.insert(real) {
                self.folder(link, &published);
            } else {
                self.warn(
                    link,
                    "not followed: this symbolic link leads to a folder published already (a loop, or a second link to it)".to_string(),
                    Some("remove the link; the folder it points at is published under its own name"),
                );
            }
        }
    }

    fn warn(&mut self, at: &Path, message: String, help: Option<&str>) {
        let mut d = Diagnostic::warning(message).in_file(crate::content::relative(self.root, at));
        if let Some(help) = help {
            d = d.help(help);
        }
        self.warnings.push(d);
    }
}
