//! Syntax highlighting of fenced code at build time, by class names, with one
//! stylesheet written for the whole site. The grammars (two-face's set, fresher
//! than syntect's own) load on first use: most briefings have no code at all.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Where the stylesheet goes in the output.
pub const STYLESHEET_PATH: &str = "syntax.css";

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// The highlighted HTML of a code block, or `None` for a language we do not
/// know (the caller then shows it as plain code).
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    let mut lang_attr = String::new();
    pulldown_cmark_escape::escape_html(&mut lang_attr, lang).ok()?;
    Some(format!(
        "<pre class=\"code\" data-lang=\"{lang_attr}\"><code>{}</code></pre>\n",
        generator.finalize()
    ))
}

/// The stylesheet for the classes `highlight` emits.
pub fn stylesheet() -> String {
    let themes = two_face::theme::extra();
    let theme = themes.get(two_face::theme::EmbeddedThemeName::InspiredGithub);
    css_for_theme_with_class_style(theme, CLASS_STYLE).unwrap_or_default()
}
