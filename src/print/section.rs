//! An article's section of a print document, rendered once per article
//! rather than once per document that holds it.
//!
//! The section (`partials/print_article.html`) of an article prints the same
//! in every document but for a few numbers: the article's number and the
//! document's count of articles, its notes' numbers, and the numbers of the
//! other articles of the document that report its quotations ("also in").
//! The partial is rendered with placeholders in their place — each a code
//! between NUL characters, which no escaping touches — and each document
//! fills them in. How many "also in" references each quotation has changes
//! the markup around them, so a section is kept per such shape.
//!
//! A template that computes with a placeholder (changes its case, compares
//! it) leaves codes this does not read back; the article is then rendered
//! with each document's own values, as a theme would expect.

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tera::Tera;
use tera::ast::{Expr, ExprVal, FunctionCall, LogicOperator, Node};

use super::{ArticleRef, Note, Prepared, PrintArticle, PrintQuote, SharedQuote};

/// The template of an article's section.
pub const SECTION: &str = "partials/print_article.html";

/// The template of a quotation's references to the document's other
/// articles that report it, rendered for each document (`also_html`).
pub const ALSO: &str = "partials/print_also.html";

/// The character around each placeholder's code: no text of an article has
/// it (the check is `has_nul`), and escaping leaves it alone.
const MARK: char = '\0';

/// How many "also in" references each quotation of the article has in a
/// document: sections of the same shape differ only in their numbers. A
/// section that does not read `also` (the built-in one prints `also_html`)
/// has one shape, empty.
pub type Shape = Vec<u32>;

/// The sections rendered for one article, by shape.
#[derive(Default)]
pub struct Sections(Mutex<Vec<(Shape, Arc<Section>)>>);

impl Sections {
    /// The section of `shape`, made by `make` the first time it is asked for.
    pub fn get(&self, shape: &Shape, make: impl FnOnce() -> Section) -> Arc<Section> {
        if let Some(found) = self.find(shape) {
            return found;
        }
        // Rendered outside the lock: another thread may make the same one,
        // and the first kept wins.
        let made = Arc::new(make());
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, found)) = list.iter().find(|(s, _)| s == shape) {
            return found.clone();
        }
        list.push((shape.clone(), made.clone()));
        made
    }

    fn find(&self, shape: &Shape) -> Option<Arc<Section>> {
        let list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        list.iter()
            .find(|(s, _)| s == shape)
            .map(|(_, section)| section.clone())
    }
}

/// A per-document number in a rendered section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The article's number in the document.
    Number,
    /// How many articles the document prints.
    Total,
    /// The body, filled with the document's prefix and note numbers.
    Body,
    /// The number of the article's note `i` (from 0).
    Note(usize),
    /// The number of reference `j` of quotation `q`'s "also in".
    Ref(usize, usize),
    /// Quotation `q`'s `also_html`.
    Also(usize),
}

impl Slot {
    fn code(self) -> String {
        match self {
            Slot::Number => format!("{MARK}n{MARK}"),
            Slot::Total => format!("{MARK}t{MARK}"),
            Slot::Body => format!("{MARK}b{MARK}"),
            Slot::Note(i) => format!("{MARK}N{i}{MARK}"),
            Slot::Ref(q, j) => format!("{MARK}R{q}_{j}{MARK}"),
            Slot::Also(q) => format!("{MARK}A{q}{MARK}"),
        }
    }

    fn read(code: &str) -> Option<Slot> {
        let index = |s: &str| s.parse::<usize>().ok();
        match code {
            "n" => Some(Slot::Number),
            "t" => Some(Slot::Total),
            "b" => Some(Slot::Body),
            _ => {
                if let Some(i) = code.strip_prefix('N') {
                    return index(i).map(Slot::Note);
                }
                if let Some(q) = code.strip_prefix('A') {
                    return index(q).map(Slot::Also);
                }
                let (q, j) = code.strip_prefix('R')?.split_once('_')?;
                Some(Slot::Ref(index(q)?, index(j)?))
            }
        }
    }
}

/// An article's section as rendered once: the text around the placeholders
/// and where each goes; or `Own` where it must be rendered per document.
pub enum Section {
    Filled {
        text: String,
        slots: Vec<(usize, Slot)>,
    },
    Own,
}

impl Section {
    /// The section read back from `rendered`, checked against what the
    /// article has (`notes` notes, `quotes` quotations, `shape` references
    /// per quotation).
    pub fn read(rendered: &str, notes: usize, quotes: usize, shape: &Shape) -> Section {
        let fits = |slot: Slot| match slot {
            Slot::Note(i) => i < notes,
            Slot::Also(q) => q < quotes,
            Slot::Ref(q, j) => shape.get(q).is_some_and(|&n| j < n as usize),
            _ => true,
        };
        let mut text = String::with_capacity(rendered.len());
        let mut slots = Vec::new();
        let mut parts = rendered.split(MARK);
        if let Some(first) = parts.next() {
            text.push_str(first);
        }
        while let Some(code) = parts.next() {
            // A code without its closing mark is no placeholder of ours.
            let (Some(slot), Some(after)) = (Slot::read(code), parts.next()) else {
                return Section::Own;
            };
            if !fits(slot) {
                return Section::Own;
            }
            slots.push((text.len(), slot));
            text.push_str(after);
        }
        Section::Filled { text, slots }
    }

    /// The section of `article` in its document (`total` articles), or None
    /// where it is to be rendered for the document.
    pub fn fill(&self, article: &PrintArticle, total: usize) -> Option<String> {
        let Section::Filled { text, slots } = self else {
            return None;
        };
        let mut out = String::with_capacity(text.len() + article.body.len() + 64);
        let mut at = 0;
        for &(offset, slot) in slots {
            out.push_str(&text[at..offset]);
            at = offset;
            // Writing into a String does not fail.
            let _ = match slot {
                Slot::Number => write!(out, "{}", article.number),
                Slot::Total => write!(out, "{total}"),
                Slot::Note(i) => write!(out, "{}", article.notes[i].number),
                Slot::Ref(q, j) => write!(out, "{}", article.quotes[q].also[j].number),
                Slot::Body => out.write_str(&article.body),
                Slot::Also(q) => out.write_str(&article.quotes[q].also_html),
            };
        }
        out.push_str(&text[at..]);
        Some(out)
    }
}

/// What the section's template sees: `a`, the article with placeholders
/// for its per-document numbers, and `print.articles`, the count of them.
#[derive(Serialize)]
pub struct Placeholders<'a, 'p> {
    pub a: PrintArticle<'a, 'p, String>,
    pub print: PrintCount<String>,
}

/// The part of the document's `print` a section sees.
#[derive(Serialize)]
pub struct PrintCount<N> {
    pub articles: N,
}

impl<'a, 'p> Placeholders<'a, 'p> {
    /// The placeholder view of an article whose quotations have `shape`
    /// references in the document.
    pub fn new(prepared: &'p Prepared<'a>, shape: &Shape) -> Placeholders<'a, 'p> {
        let number = Slot::Number.code();
        let prefix = format!("a{number}");
        let quotes = prepared
            .quotes
            .iter()
            .enumerate()
            .map(|(q, shared)| quote(&prefix, q, shared, shape.get(q).copied().unwrap_or(0)))
            .collect();
        let notes = (0..prepared.body.note_count())
            .map(|i| {
                let n = Slot::Note(i).code();
                Note {
                    url: prepared.body.note_url(i).to_string(),
                    id: format!("note-{n}"),
                    ref_id: format!("noteref-{n}"),
                    number: n,
                }
            })
            .collect();
        Placeholders {
            a: PrintArticle {
                anchor: format!("article-{number}"),
                number,
                prefix,
                shared: prepared,
                body: Slot::Body.code(),
                notes,
                quotes,
                html: None,
            },
            print: PrintCount {
                articles: Slot::Total.code(),
            },
        }
    }
}

fn quote<'a, 'p>(
    prefix: &str,
    q: usize,
    shared: &'p SharedQuote<'a>,
    refs: u32,
) -> PrintQuote<'a, 'p, String> {
    PrintQuote {
        shared,
        number: q + 1,
        anchor: format!("{prefix}-q{}", q + 1),
        list_anchor: format!("{prefix}-quote-{}", q + 1),
        also_html: Slot::Also(q).code(),
        also: (0..refs as usize)
            .map(|j| {
                let n = Slot::Ref(q, j).code();
                ArticleRef {
                    anchor: format!("article-{n}"),
                    number: n,
                }
            })
            .collect(),
    }
}

/// The fields that hold placeholders (`Placeholders`), by the last part of
/// their path; a whole variable (`a`, a loop's `q`) may hold them too.
const PLACEHOLDER_FIELDS: &[&str] = &[
    "number",
    "anchor",
    "prefix",
    "list_anchor",
    "id",
    "ref_id",
    "body",
    "also_html",
    "articles",
];

/// Where an expression is in a template.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// Printed: `{{ x }}`.
    Printed,
    /// Tested for truth: `{% if x %}`, `x and y`, `not x`.
    Truth,
    /// Looped over: `{% for y in x %}`.
    Looped,
    /// Anything else: compared, computed with, a filter's or a function's
    /// argument, set to a variable.
    Used,
}

/// What a section's template does with its variables (`scan`).
pub struct Scan {
    /// It only prints the values that are placeholders when a section is
    /// rendered once: prints them as they are (or `| safe`), tests them for
    /// truth or loops over the lists holding them, and never compares,
    /// computes with, filters or copies them. Only then do the placeholders
    /// come back as the numbers they stand for; otherwise every document
    /// renders its sections itself.
    pub prints_only: bool,
    /// It names a variable `also`, so its sections depend on how many
    /// references each quotation has (`Shape`).
    pub reads_also: bool,
}

/// What the template `name` (and what it includes) does with its variables.
pub fn scan(tera: &Tera, name: &str) -> Scan {
    let mut walk = Walk::new(tera);
    let prints_only = walk.template(name);
    Scan {
        prints_only,
        reads_also: walk.reads_also,
    }
}

/// Whether the document's template `name` (`print.html`, with what it
/// includes) may read any of `fields` of its `articles`: it names one, or
/// uses an article (or `articles`) whole, or does what this does not follow
/// (macros, `{% filter %}`). The built-in one reads each article's `html`
/// and what its contents list shows, so the rest is not serialised for it.
pub fn reads_article_fields(tera: &Tera, name: &str, fields: &[&str]) -> bool {
    let mut walk = Walk::new(tera);
    walk.template(name);
    let whole = |path: &str| {
        path == "articles" || (!path.contains('.') && walk.article_vars.iter().any(|v| v == path))
    };
    let bare_articles = walk.idents.iter().filter(|p| whole(p)).count();
    walk.opaque
        || bare_articles > walk.articles_looped
        || walk
            .idents
            .iter()
            .any(|p| p.split('.').any(|part| fields.contains(&part)))
}

struct Walk<'t> {
    tera: &'t Tera,
    seen: Vec<&'t str>,
    reads_also: bool,
    /// Every variable path named.
    idents: Vec<String>,
    /// The names `{% for x in articles %}` gives an article.
    article_vars: Vec<String>,
    /// How many of the `articles` named are such loops' lists.
    articles_looped: usize,
    /// Something was not followed.
    opaque: bool,
}

impl<'t> Walk<'t> {
    fn new(tera: &'t Tera) -> Walk<'t> {
        Walk {
            tera,
            seen: Vec::new(),
            reads_also: false,
            idents: Vec::new(),
            article_vars: Vec::new(),
            articles_looped: 0,
            opaque: false,
        }
    }

    fn template(&mut self, name: &'t str) -> bool {
        if self.seen.contains(&name) {
            return true;
        }
        self.seen.push(name);
        match self.tera.get_template(name) {
            Ok(template) => self.nodes(&template.ast),
            Err(_) => {
                self.opaque = true;
                false
            }
        }
    }

    fn nodes(&mut self, nodes: &'t [Node]) -> bool {
        // Every node is looked at (no short cut), so `reads_also` is whole.
        let mut ok = true;
        for node in nodes {
            ok &= self.node(node);
        }
        ok
    }

    fn node(&mut self, node: &'t Node) -> bool {
        match node {
            Node::Text(_) | Node::Raw(..) | Node::Comment(..) => true,
            Node::Break(_) | Node::Continue(_) => true,
            Node::VariableBlock(_, expr) => self.expr(expr, Place::Printed),
            Node::Set(_, set) => self.expr(&set.value, Place::Used),
            Node::If(branches, _) => {
                let mut ok = true;
                for (_, cond, body) in &branches.conditions {
                    ok &= self.expr(cond, Place::Truth);
                    ok &= self.nodes(body);
                }
                if let Some((_, body)) = &branches.otherwise {
                    ok &= self.nodes(body);
                }
                ok
            }
            Node::Forloop(_, each, _) => {
                if matches!(&each.container.val, ExprVal::Ident(p) if p == "articles") {
                    self.article_vars.push(each.value.clone());
                    self.articles_looped += 1;
                }
                let mut ok = self.expr(&each.container, Place::Looped);
                ok &= self.nodes(&each.body);
                if let Some(body) = &each.empty_body {
                    ok &= self.nodes(body);
                }
                ok
            }
            Node::Block(_, block, _) => self.nodes(&block.body),
            Node::Include(_, names, _) => {
                let mut ok = true;
                for name in names {
                    ok &= self.template(name);
                }
                ok
            }
            // Filtered output, macros, inheritance: not followed.
            Node::FilterSection(..)
            | Node::MacroDefinition(..)
            | Node::ImportMacro(..)
            | Node::Extends(..)
            | Node::Super => {
                self.reads_also = true;
                self.opaque = true;
                false
            }
        }
    }

    fn expr(&mut self, expr: &Expr, place: Place) -> bool {
        let printed = |f: &FunctionCall| f.name == "safe";
        let place = match place {
            Place::Printed if expr.filters.iter().all(printed) => Place::Printed,
            Place::Truth | Place::Looped if expr.filters.is_empty() => place,
            _ => Place::Used,
        };
        let place = if expr.negated && place != Place::Truth {
            Place::Used
        } else {
            place
        };
        let mut ok = true;
        for f in &expr.filters {
            for arg in f.args.values() {
                ok &= self.expr(arg, Place::Used);
            }
        }
        self.val(&expr.val, place) && ok
    }

    fn val(&mut self, val: &ExprVal, place: Place) -> bool {
        match val {
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => true,
            ExprVal::Ident(path) => {
                self.ident(path);
                place != Place::Used || !may_hold_placeholder(path)
            }
            ExprVal::Logic(logic) => {
                let side = match logic.operator {
                    LogicOperator::And | LogicOperator::Or => place_of_operand(place),
                    _ => Place::Used,
                };
                let lhs = self.expr(&logic.lhs, side);
                self.expr(&logic.rhs, side) && lhs
            }
            ExprVal::Math(math) => {
                let lhs = self.expr(&math.lhs, Place::Used);
                self.expr(&math.rhs, Place::Used) && lhs
            }
            ExprVal::Test(test) => {
                self.ident(&test.ident);
                let args = self.exprs(test.args.iter());
                args && !may_hold_placeholder(&test.ident)
            }
            ExprVal::FunctionCall(call) => self.exprs(call.args.values()),
            ExprVal::Array(items) => self.exprs(items.iter()),
            ExprVal::StringConcat(concat) => {
                let mut ok = true;
                for v in &concat.values {
                    ok &= self.val(v, Place::Used);
                }
                ok
            }
            ExprVal::In(within) => {
                let lhs = self.expr(&within.lhs, Place::Used);
                self.expr(&within.rhs, Place::Used) && lhs
            }
            ExprVal::MacroCall(_) => {
                self.reads_also = true;
                self.opaque = true;
                false
            }
        }
    }

    fn exprs<'e>(&mut self, exprs: impl Iterator<Item = &'e Expr>) -> bool {
        let mut ok = true;
        for e in exprs {
            ok &= self.expr(e, Place::Used);
        }
        ok
    }

    fn ident(&mut self, path: &str) {
        self.idents.push(path.to_string());
        // `q.also`, or a whole `q` that holds it.
        if path.split('.').any(|part| part == "also") || !path.contains('.') {
            self.reads_also |= path != "loop" && !path.starts_with("loop.");
        }
    }
}

/// `x and y` tests both for truth where it is itself tested; elsewhere its
/// value is used.
fn place_of_operand(place: Place) -> Place {
    if place == Place::Truth {
        Place::Truth
    } else {
        Place::Used
    }
}

/// Whether a variable's path may lead to a placeholder or to what holds one.
fn may_hold_placeholder(path: &str) -> bool {
    match path.rsplit_once('.') {
        Some((_, last)) => PLACEHOLDER_FIELDS.contains(&last),
        None => true,
    }
}

/// Whether any text of the article, as its section's template sees it
/// (`a`), has the placeholders' mark (read back, it could pass for one);
/// such an article is rendered for each document. The placeholders' own
/// fields are passed over.
pub fn has_nul(a: Option<&serde_json::Value>) -> bool {
    a.is_some_and(any_nul)
}

fn any_nul(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => s.contains(MARK),
        Value::Array(list) => list.iter().any(any_nul),
        Value::Object(map) => map.iter().any(|(k, v)| {
            k.contains(MARK) || (!PLACEHOLDER_FIELDS.contains(&k.as_str()) && any_nul(v))
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_read_back() {
        let shape = vec![0, 2];
        let text = format!(
            "<p id=\"article-{}\">{} of {}</p>{}<a>{}</a><a>{}</a><sup>{}</sup>",
            Slot::Number.code(),
            Slot::Number.code(),
            Slot::Total.code(),
            Slot::Body.code(),
            Slot::Ref(1, 0).code(),
            Slot::Ref(1, 1).code(),
            Slot::Note(0).code(),
        ) + &Slot::Also(1).code();
        let Section::Filled { text, slots } = Section::read(&text, 1, 2, &shape) else {
            panic!("not read back");
        };
        assert_eq!(text, "<p id=\"article-\"> of </p><a></a><a></a><sup></sup>");
        assert_eq!(
            slots.iter().map(|(_, s)| *s).collect::<Vec<_>>(),
            [
                Slot::Number,
                Slot::Number,
                Slot::Total,
                Slot::Body,
                Slot::Ref(1, 0),
                Slot::Ref(1, 1),
                Slot::Note(0),
                Slot::Also(1)
            ]
        );
    }

    fn scanned(text: &str) -> Scan {
        let mut tera = Tera::default();
        tera.add_raw_templates(vec![(SECTION, text), ("other.html", "{{ a.number + 1 }}")])
            .unwrap();
        scan(&tera, SECTION)
    }

    fn prints_only(text: &str) -> bool {
        scanned(text).prints_only
    }

    #[test]
    fn documents_that_read_an_articles_body_are_told_apart() {
        let reads = |text: &str| {
            let mut tera = Tera::default();
            tera.add_raw_templates(vec![("print.html", text), ("part.html", "{{ a.body }}")])
                .unwrap();
            reads_article_fields(&tera, "print.html", &["body", "quotes", "notes"])
        };
        let theme = crate::render::Theme::embedded();
        let mut tera = Tera::default();
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|t| (t.name.as_str(), t.text.as_str())),
        )
        .unwrap();
        assert!(!reads_article_fields(
            &tera,
            "print.html",
            &["body", "quotes", "notes"]
        ));
        assert!(!reads(
            "{% for a in articles %}{{ a.title }}{{ a.html | safe }}{% endfor %}{{ print.articles }}"
        ));
        for text in [
            "{% for a in articles %}{{ a.body | safe }}{% endfor %}",
            "{% for a in articles %}{% for q in a.quotes %}{{ q.text }}{% endfor %}{% endfor %}",
            "{% for a in articles %}{{ a | json_encode }}{% endfor %}",
            "{{ articles | json_encode }}",
            "{% set all = articles %}{% for a in all %}{{ a.title }}{% endfor %}",
            "{% for a in articles %}{% include \"part.html\" %}{% endfor %}",
        ] {
            assert!(reads(text), "{text}");
        }
    }

    #[test]
    fn sections_that_read_also_are_told_apart() {
        let theme = crate::render::Theme::embedded();
        let builtin = theme.templates.iter().find(|t| t.name == SECTION).unwrap();
        assert!(!scanned(&builtin.text).reads_also);
        assert!(!scanned("{% for q in a.quotes %}{{ q.also_html | safe }}{% endfor %}").reads_also);
        for text in [
            "{% for q in a.quotes %}{% for r in q.also %}{{ r.number }}{% endfor %}{% endfor %}",
            "{% for q in a.quotes %}{% if q.also %}also{% endif %}{% endfor %}",
            "{% for q in a.quotes %}{{ q }}{% endfor %}",
        ] {
            assert!(scanned(text).reads_also, "{text}");
        }
    }

    #[test]
    fn the_built_in_section_only_prints_its_numbers() {
        let theme = crate::render::Theme::embedded();
        let builtin = theme.templates.iter().find(|t| t.name == SECTION).unwrap();
        assert!(prints_only(&builtin.text));
        assert!(prints_only(
            "{{ a.number }}{{ a.body | safe }}{% if a.notes and not loop.last %}{% for n in a.notes %}{{ n.id | safe }}{% endfor %}{% endif %}{{ a.title | upper }}"
        ));
    }

    #[test]
    fn a_section_that_uses_its_numbers_is_not_filled() {
        for text in [
            "{% if a.number == 1 %}first{% endif %}",
            "{{ a.anchor | upper }}",
            "{{ print.articles - 1 }}",
            "{% set n = a.number %}{{ n }}",
            "{{ a | json_encode }}",
            "{% for q in a.quotes %}{{ q | json_encode }}{% endfor %}",
            "{% filter upper %}{{ a.number }}{% endfilter %}",
            "{% include \"other.html\" %}",
            "{{ a.title | replace(from=a.number, to=\"\") }}",
        ] {
            assert!(!prints_only(text), "{text}");
        }
    }

    #[test]
    fn a_mark_in_an_article_text_is_found_and_the_placeholders_are_not() {
        let a = serde_json::json!({
            "number": Slot::Number.code(),
            "title": "Plain",
            "quotes": [{"anchor": format!("a{}-q1", Slot::Number.code()), "text": "Also plain"}],
        });
        assert!(!has_nul(Some(&a)));
        let mut forged = a.clone();
        forged["quotes"][0]["text"] = format!("Forged {}", Slot::Body.code()).into();
        assert!(has_nul(Some(&forged)));
    }

    #[test]
    fn changed_or_unknown_placeholders_are_not_read() {
        let shape = vec![1];
        // Upper-cased by a filter, cut short, or beyond what the article has.
        for text in [
            Slot::Number.code().to_uppercase(),
            format!("x{MARK}n"),
            Slot::Note(1).code(),
            Slot::Ref(0, 1).code(),
            Slot::Ref(1, 0).code(),
            Slot::Also(2).code(),
        ] {
            assert!(
                matches!(Section::read(&text, 1, 2, &shape), Section::Own),
                "{text:?}"
            );
        }
    }
}
