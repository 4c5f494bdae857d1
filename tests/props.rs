//! Property tests (issue 14) of the front-matter splitter and the Markdown
//! pipeline as `build` runs it (parse, extraction on the prose, render with
//! the quotation marks): for any input, no panic; time linear in the input
//! (a generous bound on a long repetition of the generated text); and
//! article HTML that an HTML parser finds free of event handlers,
//! `javascript:` URLs and scripts, with quotation spans that nest.

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::config::Config;
use dossier::content::Body;
use dossier::content::frontmatter;
use dossier::content::markdown::Document;
use dossier::extract::Extractor;
use proptest::prelude::*;
use scraper::{ElementRef, Html};

const PIECES: &[&str] = &[
    "## ",
    "# x {#id onmouseover=alert(1) style=\"a\" .c}",
    "{#a\"b}",
    "[",
    "](",
    ")",
    "![",
    "]",
    "javascript:alert(1)",
    " JaVa\tScRiPt:x",
    "data:text/html,x",
    "vbscript:x",
    "&#106;avascript:",
    "\"",
    "“",
    "”",
    "'",
    "`",
    "``",
    "*",
    "_",
    "**",
    "~~",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<style>",
    "<a href=\"javascript:x\">",
    "</a>",
    "<b onclick=x>",
    "<img src=x onerror=y>",
    "<svg onload=x>",
    "[^1]",
    "[^1]: ",
    "\n",
    "\n\n",
    "> ",
    "- ",
    "1. ",
    "```",
    "```comment\n",
    "```rust\n",
    "    ",
    "said",
    " ",
    "word",
    "Ann Vale said",
    "<",
    ">",
    "\\",
    "|",
    "|---|",
    "---",
    "\u{E000}",
    "\u{E001}",
    "\u{E002}",
    "\u{1}",
    "é",
    "東京",
    "&amp;",
    "<http://x.org>",
    "<javascript:alert(1)>",
    "[r]: javascript:x \"t\"",
    "[r]",
];

/// Whole lines whose meaning depends on standing alone.
const LINES: &[&str] = &[
    "## Read more {#more onmouseover=alert(document.cookie) style=\"position:fixed\"}",
    "# T {#a\"onclick=x .b\"onload=y}",
    "[r]: javascript:alert(1) \"t\"",
    "[^1]: <img src=x onerror=y>",
    "[^1]: note \"with a quote that is long enough\"",
    "<!-- x -->",
    "```comment",
    "```",
    "<div onclick=x>",
    "</div>",
    "",
    "> \"Quoted words that make a quotation,\" Ann Vale said.",
];

/// A body: lines of pieces, and lines that mean something whole.
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,10}",
    ];
    let line = prop_oneof![
        3 => prop::collection::vec(piece, 0..10).prop_map(|parts| parts.concat()),
        1 => prop::sample::select(LINES).prop_map(str::to_string),
    ];
    prop::collection::vec(line, 0..16).prop_map(|lines| lines.join("\n"))
}

fn extractor() -> Extractor {
    let config = Config::parse(
        Path::new("site.yaml"),
        "title: T\nactors:\n  ann-vale:\n    name: Ann Vale\n",
    )
    .expect("a valid config");
    Extractor::new(&config.site)
}

/// What `build` does with a body: parse; stop on a problem; extract from
/// the prose; render with the quotation marks. `None` when it stops.
fn pipeline(extractor: &Extractor, body: &str) -> Option<Body> {
    // `content::load` replaces the characters dossier reserves.
    let body: String = body
        .chars()
        .map(|c| {
            if dossier::content::markdown::is_reserved_char(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    let document = Document::parse(&body);
    if !document.problems().is_empty() {
        return None;
    }
    let (_, marks) = extractor.analyse(&document.prose());
    Some(document.render(&marks))
}

/// The spans as the article page has them: a span, and a link after it.
fn with_quotation_markup(body: &Body) -> String {
    let html = &*body.html;
    // Where markup goes: (offset, closes first, nesting order, markup).
    let mut inserts: Vec<(usize, bool, isize, &str)> = Vec::new();
    for (k, span) in body.spans.iter().enumerate() {
        assert!(
            span.open <= span.close && span.close <= html.len(),
            "{span:?}"
        );
        let k = k as isize;
        inserts.push((span.open, false, k, "<span class=\"quotation\">"));
        inserts.push((
            span.close,
            true,
            -k,
            "</span><sup><a href=\"/quotes/x/\">1</a></sup>",
        ));
    }
    // At one offset: closes (innermost first) before opens (outermost first).
    inserts.sort_by_key(|&(at, closes, order, _)| (at, !closes, order));
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (at, _, _, markup) in inserts {
        out.push_str(&html[copied..at]);
        out.push_str(markup);
        copied = at;
    }
    out.push_str(&html[copied..]);
    out
}

fn unsafe_parts(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let mut found = Vec::new();
    for element in fragment
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let el = element.value();
        if matches!(el.name(), "script" | "iframe" | "object" | "embed") {
            found.push(format!("<{}>", el.name()));
        }
        for (name, value) in el.attrs() {
            let url = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.to_ascii_lowercase().starts_with("on")
                || ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| url.starts_with(s))
            {
                found.push(format!("{name}={value:?}"));
            }
        }
        if el.name() == "a"
            && element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "a")
        {
            found.push("a link inside a link".into());
        }
    }
    found
}

/// Tags balance: every end tag closes the element opened last.
fn unbalanced(html: &str) -> Option<String> {
    const VOID: &[&str] = &["br", "hr", "img", "input", "wbr", "col", "area", "source"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(tag) = dossier::content::html::Tag::parse(rest) else {
            rest = &rest[1..];
            continue;
        };
        let name = tag.name.to_ascii_lowercase();
        if tag.closing {
            if open.pop().as_deref() != Some(name.as_str()) {
                return Some(format!("</{name}> closes the wrong element"));
            }
        } else if !tag.self_closing && !VOID.contains(&name.as_str()) {
            open.push(name);
        }
        rest = &rest[tag.len..];
    }
    (!open.is_empty()).then(|| format!("left open: {open:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn article_html_is_safe_and_well_formed(body in markdown()) {
        let extractor = extractor();
        if let Some(body_out) = pipeline(&extractor, &body) {
            let page = with_quotation_markup(&body_out);
            prop_assert_eq!(unsafe_parts(&page), Vec::<String>::new(), "{}", page);
            prop_assert_eq!(unbalanced(&page), None, "{}", page);
        }
    }

    #[test]
    fn the_splitter_returns_parts_of_its_input(text in "(---\n)?(\\PC|\n|---\n){0,60}") {
        if let Ok((yaml, body, line)) = frontmatter::split(&text) {
            prop_assert!(text.starts_with("---"));
            prop_assert!(text.ends_with(body));
            prop_assert!(text.contains(yaml));
            prop_assert_eq!(line, 2);
        }
    }
}

/// The fastest of three runs of `f`.
fn timed(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .expect("three runs")
}

/// Whether `unit`, repeated to 16 KB, takes at most ten times as long as
/// repeated to 4 KB (linear makes it four, quadratic sixteen), unless both
/// are quick anyway; and never more than a generous bound. The sizes are
/// small so that the unoptimised test stays fast; a quadratic step shows
/// already (50,000 `<div>` took 7 s optimised before it was fixed).
fn linear(run: impl Fn(&str)) -> impl Fn(&str) -> Result<(), String> {
    move |unit: &str| {
        let sized = |bytes: usize| unit.repeat(bytes / unit.len() + 1);
        let (small, large) = (sized(4 * 1024), sized(16 * 1024));
        let t_small = timed(|| run(&small));
        let t_large = timed(|| run(&large));
        if t_large > Duration::from_secs(20)
            || (t_large > Duration::from_millis(300) && t_large > t_small * 10)
        {
            return Err(format!("4 KB {t_small:?}, 16 KB {t_large:?} for {unit:?}"));
        }
        Ok(())
    }
}

fn pipeline_and_splitter(body: &str) {
    let _ = pipeline(&extractor(), body);
    let _ = frontmatter::split(&format!("---\n{body}\n---\nbody"));
}

/// Units that made parsers quadratic before, here or elsewhere: unclosed
/// elements, emphasis and link openers, quotation marks, nested quotes and
/// lists.
#[test]
fn known_hard_inputs_take_linear_time() {
    let check = linear(pipeline_and_splitter);
    let units = [
        "<div>",
        "<b>",
        "<li>",
        "<p>",
        "<table>",
        "<a href=x>",
        "</div>",
        "<!--",
        "*a ",
        "**a ",
        "_a ",
        "[",
        "![",
        "[a](",
        "\"",
        "“",
        "'",
        "`",
        "``a",
        "> ",
        "- ",
        "1. ",
        "    - ",
        "|",
        "[^a]",
        "{#",
        "\\",
        "&",
        "<",
        "a\n",
        "\n\n",
        "---\n",
        "```\n",
    ];
    let failures: Vec<String> = units.iter().filter_map(|u| check(u).err()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn time_is_linear_in_the_input(unit in markdown().prop_filter("not empty", |b| !b.is_empty())) {
        let check = linear(pipeline_and_splitter);
        prop_assert_eq!(check(&unit), Ok(()));
    }
}
