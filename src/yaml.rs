//! YAML as the user wrote it: a loose tree in which every key and value knows
//! its line and column, and a reader that checks it key by key.
//!
//! Deserialising straight into typed structs stops at the first problem and
//! loses where values were written. Reading into this tree first lets
//! `site.yaml` and front matter report every problem of a file at once, each
//! at its own `file:line:column`, and go on with defaults where a value is
//! wrong.

use std::collections::HashMap;
use std::path::Path;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::diagnostics::{Diagnostic, did_you_mean};

/// Deeper nesting than this is no settings file: refusing it keeps a
/// hostile file from costing time, or stack when the tree is dropped.
pub const MAX_DEPTH: usize = 64;

/// Aliases may repeat a value; past this many values in all, a file that
/// multiplies its values (a "billion laughs") is refused.
pub const MAX_NODES: usize = 1_000_000;

/// A value with the 1-based line and column it starts at.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar; `plain` when written without quotes or a tag, so that
    /// `null`, `true` and numbers are told from the strings `"null"`, `"true"`.
    Scalar {
        text: String,
        plain: bool,
    },
    List(Vec<Node>),
    /// Entries in the order written, duplicates included.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The text of a scalar that is not null.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// `~`, `null` or nothing at all, as YAML's core schema reads them.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// How the value is written, for messages: `a list`, `a mapping`, `` `x` ``.
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "nothing".into(),
            Value::Scalar { text, .. } => format!("`{}`", crate::text::shorten(text, 60)),
            Value::List(_) => "a list".into(),
            Value::Map(_) => "a mapping".into(),
        }
    }
}

/// A syntax error, where the parser found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// What would be right, where it is known better than "check the line".
    pub help: Option<&'static str>,
}

/// Parse one YAML document. An empty text is a null document.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| SyntaxError {
            message: e.info().to_string(),
            line: e.marker().line(),
            column: e.marker().col() + 1,
            help: None,
        })?;
        if builder.event(event, span)? {
            break;
        }
    }
    Ok(builder.root.unwrap_or(Node {
        value: Value::Scalar {
            text: String::new(),
            plain: true,
        },
        line: 1,
        column: 1,
    }))
}

/// Builds the tree from parser events without recursion.
#[derive(Default)]
struct Builder {
    /// Open lists and mappings; a mapping's pending key waits beside it.
    open: Vec<(Node, Option<Node>)>,
    anchors: HashMap<usize, Node>,
    /// Anchors of the open collections, recorded when they close.
    open_anchors: Vec<usize>,
    root: Option<Node>,
    documents: usize,
    nodes: usize,
}

impl Builder {
    /// Take one event; true at the end of the text.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<bool, SyntaxError> {
        let at = |message: String, help: &'static str| SyntaxError {
            message,
            line: span.start.line(),
            column: span.start.col() + 1,
            help: Some(help),
        };
        let node = |value| Node {
            value,
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(at(
                        "a second YAML document: this file holds one".into(),
                        "remove this `---` line (and merge what follows it into the settings above)",
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == ScalarStyle::Plain && tag.is_none();
                let scalar = node(Value::Scalar {
                    text: text.into_owned(),
                    plain,
                });
                if anchor > 0 {
                    self.anchors.insert(anchor, scalar.clone());
                }
                self.add(scalar)?;
            }
            Event::SequenceStart(anchor, _) => self.open(node(Value::List(Vec::new())), anchor)?,
            Event::MappingStart(anchor, _) => self.open(node(Value::Map(Vec::new())), anchor)?,
            Event::SequenceEnd | Event::MappingEnd => {
                let (done, _) = self.open.pop().expect("the parser balances collections");
                let anchor = self.open_anchors.pop().unwrap_or(0);
                if anchor > 0 {
                    self.anchors.insert(anchor, done.clone());
                }
                self.add(done)?;
            }
            Event::Alias(anchor) => {
                let mut value = self.anchors.get(&anchor).cloned().ok_or_else(|| {
                    at(
                        "an alias to an anchor not defined before it".into(),
                        "define `&name` on a value before using `*name`",
                    )
                })?;
                self.nodes += count(&value);
                if self.nodes > MAX_NODES {
                    return Err(at(
                        format!(
                            "aliases repeat values past {MAX_NODES} in all: this is no settings file"
                        ),
                        "write the values out, or repeat fewer of them with `*name`",
                    ));
                }
                value.line = span.start.line();
                value.column = span.start.col() + 1;
                self.add(value)?;
            }
            Event::StreamEnd => return Ok(true),
            Event::DocumentEnd | Event::StreamStart | Event::Nothing => {}
        }
        Ok(false)
    }

    fn open(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        if self.open.len() >= MAX_DEPTH {
            return Err(SyntaxError {
                message: format!("values nested more than {MAX_DEPTH} deep"),
                line: node.line,
                column: node.column,
                help: Some(
                    "settings and front matter nest a few levels at most: check the brackets",
                ),
            });
        }
        self.open.push((node, None));
        self.open_anchors.push(anchor);
        Ok(())
    }

    /// Put a finished value into the collection it belongs to.
    fn add(&mut self, node: Node) -> Result<(), SyntaxError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(SyntaxError {
                message: format!("more than {MAX_NODES} values: this is no settings file"),
                line: node.line,
                column: node.column,
                help: Some("keep settings and front matter to what they need"),
            });
        }
        let Some((parent, pending_key)) = self.open.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match (&mut parent.value, pending_key.take()) {
            (Value::List(items), _) => items.push(node),
            (Value::Map(entries), Some(key)) => entries.push((key, node)),
            (Value::Map(_), None) => *pending_key = Some(node),
            (Value::Scalar { .. }, _) => unreachable!("only collections are opened"),
        }
        Ok(())
    }
}

/// How many values a tree holds, for the alias budget.
fn count(node: &Node) -> usize {
    let mut n = 0;
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        n += 1;
        match &node.value {
            Value::Scalar { .. } => {}
            Value::List(items) => stack.extend(items),
            Value::Map(entries) => {
                for (k, v) in entries {
                    stack.push(k);
                    stack.push(v);
                }
            }
        }
    }
    n
}

/// Reads a tree key by key, collecting a diagnostic for every problem and
/// going on: each getter returns `None` (or nothing) for a wrong value so the
/// caller keeps its default.
pub struct Reader<'a> {
    file: &'a Path,
    /// Lines of the file before the YAML (front matter starts after `---`).
    line_offset: usize,
    pub problems: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a Path, line_offset: usize) -> Reader<'a> {
        Reader {
            file,
            line_offset,
            problems: Vec::new(),
        }
    }

    /// The file and line:column of `node`, for a diagnostic.
    pub fn place(&self, node: &Node, diagnostic: Diagnostic) -> Diagnostic {
        diagnostic
            .in_file(self.file)
            .at(node.line + self.line_offset, node.column)
    }

    pub fn error(&mut self, node: &Node, message: impl Into<String>, help: impl Into<String>) {
        let d = self.place(node, Diagnostic::error(message).help(help));
        self.problems.push(d);
    }

    /// A syntax error of the file, as a diagnostic.
    pub fn syntax(&mut self, err: &SyntaxError) {
        let d = Diagnostic::error(format!("invalid YAML: {}", err.message))
            .in_file(self.file)
            .at(err.line + self.line_offset, err.column)
            .help(err.help.unwrap_or(
                "check the indentation and quoting on that line; YAML strings with `: ` or ` #` need quotes",
            ));
        self.problems.push(d);
    }

    /// The entries of a mapping by key. Unknown keys are reported with the
    /// closest known one; a key given twice is reported at its second place;
    /// anything but a mapping is reported as `what`.
    pub fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        known: &[&str],
    ) -> Vec<(&'n str, &'n Node, &'n Node)> {
        let entries = match &node.value {
            Value::Map(entries) => entries,
            _ if node.is_null() => return Vec::new(),
            _ => {
                self.error(
                    node,
                    format!(
                        "{what} must be a mapping of `key: value` lines, not {}",
                        node.describe()
                    ),
                    format!(
                        "write {what} as `key: value` lines; the keys allowed are: {}",
                        known.join(", ")
                    ),
                );
                return Vec::new();
            }
        };
        let mut seen: HashMap<&str, &Node> = HashMap::with_capacity(entries.len());
        let mut out = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let Some(name) = key.text() else {
                self.error(
                    key,
                    format!(
                        "a key in {what} must be a plain name, not {}",
                        key.describe()
                    ),
                    "write keys as names, e.g. `title:`",
                );
                continue;
            };
            if let Some(first) = seen.insert(name, key) {
                let first_line = first.line + self.line_offset;
                self.error(
                    key,
                    format!("`{name}` is given twice in {what} (first on line {first_line})"),
                    "keep one of them: YAML would silently use only the last",
                );
                continue;
            }
            if !known.is_empty() && !known.contains(&name) {
                let help = match did_you_mean(name, known.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the keys allowed here are: {}", known.join(", ")),
                };
                self.error(key, format!("unknown field `{name}` in {what}"), help);
                continue;
            }
            out.push((name, key, value));
        }
        out
    }

    /// A string; numbers and other scalars are read as written. Null is `None`.
    pub fn string(&mut self, key: &str, node: &Node) -> Option<String> {
        if node.is_null() {
            return None;
        }
        match node.text() {
            Some(text) => Some(text.to_string()),
            None => {
                self.error(
                    node,
                    format!("`{key}` must be text, not {}", node.describe()),
                    format!("write it on one line: `{key}: some text` (quote it if it holds `: ` or ` #`)"),
                );
                None
            }
        }
    }

    /// A list of strings, each with its node. A single value is not a list.
    pub fn strings<'n>(&mut self, key: &str, node: &'n Node) -> Vec<(String, &'n Node)> {
        let items = match &node.value {
            Value::List(items) => items,
            _ if node.is_null() => return Vec::new(),
            _ => {
                self.error(
                    node,
                    format!("`{key}` must be a list, not {}", node.describe()),
                    format!("write a list in brackets, e.g. `{key}: [first, second]`"),
                );
                return Vec::new();
            }
        };
        items
            .iter()
            .filter_map(|item| match item.text() {
                Some(text) => Some((text.to_string(), item)),
                None => {
                    self.error(
                        item,
                        format!("each of `{key}` must be text, not {}", item.describe()),
                        format!("write `{key}` as a list of names, e.g. `{key}: [first, second]`"),
                    );
                    None
                }
            })
            .collect()
    }

    /// A whole number of at least `min`; `example` goes into the help.
    pub fn number(&mut self, key: &str, node: &Node, min: i64, example: i64) -> Option<i64> {
        let parsed = match &node.value {
            Value::Scalar { text, plain: true } => text.trim().parse::<i64>().ok(),
            _ => None,
        };
        match parsed {
            Some(n) if n >= min => Some(n),
            _ => {
                self.error(
                    node,
                    format!(
                        "`{key}` must be a whole number of at least {min}, not {}",
                        node.describe()
                    ),
                    format!("write a number, e.g. `{key}: {example}`"),
                );
                None
            }
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, key: &str, node: &Node) -> Option<bool> {
        match &node.value {
            Value::Scalar { text, plain: true }
                if matches!(text.as_str(), "true" | "True" | "TRUE") =>
            {
                Some(true)
            }
            Value::Scalar { text, plain: true }
                if matches!(text.as_str(), "false" | "False" | "FALSE") =>
            {
                Some(false)
            }
            _ => {
                self.error(
                    node,
                    format!("`{key}` must be true or false, not {}", node.describe()),
                    format!("write `{key}: true` or `{key}: false`"),
                );
                None
            }
        }
    }

    /// One of `choices` (compared without case); the index of the one given.
    pub fn choice(&mut self, key: &str, node: &Node, choices: &[&str]) -> Option<usize> {
        let text = node.text().unwrap_or_default();
        if let Some(i) = choices
            .iter()
            .position(|c| c.eq_ignore_ascii_case(text.trim()))
        {
            return Some(i);
        }
        let help = match did_you_mean(text, choices.iter().copied()) {
            Some(close) => format!("did you mean `{key}: {close}`?"),
            None => format!("use one of: {}", choices.join(", ")),
        };
        self.error(
            node,
            format!(
                "`{key}` cannot be {}: it is one of {}",
                node.describe(),
                choices.join(", ")
            ),
            help,
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(node: &Node) -> Vec<(String, usize, usize)> {
        match &node.value {
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| (k.text().unwrap().to_string(), v.line, v.column))
                .collect(),
            other => panic!("not a mapping: {other:?}"),
        }
    }

    #[test]
    fn values_know_their_place() {
        let root = parse("title: A\nlist:\n  - x\n  - y\nmap: {a: 1}\n").unwrap();
        assert_eq!(
            entries(&root),
            vec![
                ("title".into(), 1, 8),
                ("list".into(), 3, 3),
                ("map".into(), 5, 6)
            ]
        );
    }

    #[test]
    fn byte_order_mark_and_empty_text() {
        assert!(parse("\u{feff}title: A\n").is_ok());
        assert!(parse("").unwrap().is_null());
        assert!(parse("---\ntitle: A\n").is_ok());
    }

    #[test]
    fn a_second_document_is_an_error() {
        let err = parse("title: A\n---\ntitle: B\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("second YAML document"), "{err:?}");
    }

    #[test]
    fn deep_nesting_and_alias_bombs_are_refused() {
        // The parser has a limit of its own for flow collections...
        assert!(parse(&"[".repeat(100_000)).is_err());
        // ...and this tree one for every kind.
        let block: String = (0..100).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert!(parse(&block).unwrap_err().message.contains("nested"));
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..8 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!(
                "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert!(parse(&bomb).unwrap_err().message.contains("aliases"));
    }

    #[test]
    fn reader_reports_every_problem() {
        let root = parse("title: [a]\ntitle: B\ncount: many\nflag: yes\ntypo: 1\n").unwrap();
        let mut r = Reader::new(Path::new("f.yaml"), 0);
        let fields = r.mapping(&root, "f.yaml", &["title", "count", "flag"]);
        for (key, _, value) in fields {
            match key {
                "title" => {
                    r.string(key, value);
                }
                "count" => {
                    r.number(key, value, 1, 4);
                }
                _ => {
                    r.boolean(key, value);
                }
            }
        }
        let lines: Vec<_> = r.problems.iter().map(|d| d.line.unwrap()).collect();
        assert_eq!(lines.len(), 5, "{:?}", r.problems);
        for line in 1..=5 {
            assert!(
                lines.contains(&line),
                "no problem on line {line}: {lines:?}"
            );
        }
    }

    /// Arbitrary text never panics the tree or the reader, and stays quick.
    #[test]
    fn arbitrary_text_is_an_answer_not_a_panic() {
        const ALPHABET: &[u8] = b"-:[]{},&*!|>'\"#\n ?%@`a1\t.~";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let started = std::time::Instant::now();
        for _ in 0..20_000 {
            let len = (next() % 80) as usize;
            let text: String = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize] as char)
                .collect();
            if let Ok(root) = parse(&text) {
                let mut r = Reader::new(Path::new("f.yaml"), 0);
                for (key, _, value) in r.mapping(&root, "f", &["a", "a1"]) {
                    r.strings(key, value);
                    r.number(key, value, 0, 1);
                    r.boolean(key, value);
                    r.choice(key, value, &["a"]);
                }
            }
            let _ = crate::content::Meta::parse(Path::new("a.md"), &text, 2, chrono_tz::UTC);
        }
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }
}
