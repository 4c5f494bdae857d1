//! Limits on what a user can feed dossier, so that every input costs time
//! and memory in proportion to its size, and no input is endless.
//!
//! - Every file (article, site.yaml, template, `dossier quotes` and `dossier
//!   import` inputs, standard input) is read through [`read_file`] or
//!   [`read_capped`]: at most [`MAX_INPUT_BYTES`], whatever the file is. A
//!   device such as `/dev/zero` or a pipe has no size to check beforehand, so
//!   the cap is on the bytes read, not on what the file system says.
//! - Every YAML text passes [`check_yaml_depth`] before the YAML parser: the
//!   parser's time grows with the square of the nesting depth (100,000
//!   nested `[` took a minute), while a linear scan finds the depth cheaply.

use std::io::Read;
use std::path::Path;

use crate::diagnostics::Diagnostic;

/// The most bytes read from any one input. Articles larger than this are
/// almost certainly not articles (a pasted database dump, a log), and no
/// site.yaml or template comes near it.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// The most aliases (`*name`) accepted in one YAML text. Each repeats its
/// anchor's whole value: 2,000 aliases of a 1 MB title made 4 GB from a
/// 1 MB file. dossier's YAML has no use for many; a few stay possible.
pub const MAX_YAML_ALIASES: usize = 16;

/// The deepest YAML nesting accepted. dossier's settings and front matter
/// need four levels at most; 64 leaves room for any hand-written YAML.
pub const MAX_YAML_DEPTH: usize = 64;

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// More than [`MAX_INPUT_BYTES`]; the size when the file system knew it.
    TooLarge {
        size: Option<u64>,
    },
}

impl ReadError {
    /// What went wrong, for a message about `what` ("an article", "site.yaml").
    pub fn describe(&self, what: &str) -> String {
        match self {
            ReadError::Io(e) => format!("cannot read: {e}"),
            ReadError::TooLarge { size: Some(size) } => format!(
                "file is {} MiB; {what} may be at most {} MiB",
                size / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            ReadError::TooLarge { size: None } => format!(
                "more than {} MiB (it went on past that: a device, a stream or a growing file); {what} may be at most {} MiB",
                MAX_INPUT_BYTES / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        }
    }

    /// A diagnostic in `shown` (the path as the user knows it).
    pub fn diagnostic(&self, shown: &Path, what: &str) -> Diagnostic {
        let d = Diagnostic::error(self.describe(what)).in_file(shown);
        match self {
            ReadError::Io(_) => d,
            ReadError::TooLarge { .. } => {
                d.help("give dossier a regular text file of reasonable size")
            }
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// At most [`MAX_INPUT_BYTES`] from `reader`; more is an error, found
/// after reading one byte past the limit and no further.
pub fn read_capped(reader: impl Read) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { size: None });
    }
    Ok(bytes)
}

/// The bytes of the file at `path`, at most [`MAX_INPUT_BYTES`]. A regular
/// file over the limit is refused without reading it.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path)?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > MAX_INPUT_BYTES
    {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
        });
    }
    read_capped(file)
}

/// The text of the file at `path`, as `std::fs::read_to_string` gives it
/// but never more than [`MAX_INPUT_BYTES`]: over that, an error of kind
/// `FileTooLarge` that says so.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = read_file(path).map_err(|e| match e {
        ReadError::Io(e) => e,
        too_large => std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            too_large.describe("a file dossier reads"),
        ),
    })?;
    String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

/// Where YAML nests deeper than [`MAX_YAML_DEPTH`] (or holds more than
/// [`MAX_YAML_ALIASES`] aliases): 1-based line and column (in characters)
/// of the opening that goes too deep (the alias too many).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    pub line: usize,
    pub column: usize,
    /// Too many aliases rather than too deep.
    pub aliases: bool,
}

/// `Ok` when `yaml` nests at most [`MAX_YAML_DEPTH`] deep, as a diagnostic
/// in `file` otherwise; `first_line` is the line of the file `yaml` starts
/// on (front matter starts after `---`).
pub fn check_yaml(file: &Path, yaml: &str, first_line: usize) -> Result<(), Diagnostic> {
    check_yaml_depth(yaml).map_err(|at| {
        let d = if at.aliases {
            Diagnostic::error(format!(
                "more than {MAX_YAML_ALIASES} YAML aliases (`*name`): each repeats its anchor's whole value"
            ))
            .help("write the values out instead of repeating an anchor")
        } else {
            Diagnostic::error(format!("YAML nested more than {MAX_YAML_DEPTH} levels deep")).help(
                "flatten it: dossier's settings and front matter need a few levels at most",
            )
        };
        d.in_file(file)
            .at(at.line + first_line.max(1) - 1, at.column)
    })
}

/// A linear scan of `yaml` for its nesting depth, stopping at the first
/// place deeper than [`MAX_YAML_DEPTH`].
///
/// It counts flow collections (`[`, `{`) and block nesting (a stack of
/// indentation columns, with `- `, `? ` and `key: value` on one line each
/// opening a level), skipping quoted scalars, comments and block scalars
/// (`|`, `>`). Where the scan cannot tell it counts a level too many rather
/// than too few: an overestimate of a level or two costs nothing at a
/// limit of 64, an underestimate would let the quadratic case through.
pub fn check_yaml_depth(yaml: &str) -> Result<(), TooDeep> {
    let mut scan = DepthScan::default();
    for (index, line) in yaml.lines().enumerate() {
        scan.line(index + 1, line)?;
    }
    Ok(())
}

#[derive(Default)]
struct DepthScan {
    /// Columns of the open block nodes, innermost last.
    block: Vec<usize>,
    /// Open flow collections.
    flow: usize,
    /// Inside a quoted scalar that runs on to the next line.
    quote: Option<char>,
    /// Aliases seen.
    aliases: usize,
    /// Inside a block scalar: the indentation of the line that opened it,
    /// and that of its content once seen.
    block_scalar: Option<(usize, Option<usize>)>,
}

impl DepthScan {
    fn line(&mut self, number: usize, line: &str) -> Result<(), TooDeep> {
        let chars: Vec<char> = line.chars().collect();
        let indent = chars.iter().take_while(|&&c| c == ' ').count();
        let blank = chars[indent..].iter().all(|c| c.is_whitespace());
        if let Some((parent, content)) = self.block_scalar {
            if blank {
                return Ok(());
            }
            let content = content.unwrap_or(indent);
            if indent > parent && indent >= content {
                self.block_scalar = Some((parent, Some(content)));
                return Ok(());
            }
            self.block_scalar = None;
        }
        let mut at = 0;
        if let Some(quote) = self.quote {
            match skip_quoted(&chars, 0, quote) {
                Some(end) => {
                    self.quote = None;
                    at = end;
                }
                None => return Ok(()),
            }
        } else if self.flow == 0 {
            if blank || chars[indent] == '#' {
                return Ok(());
            }
            if indent == 0 && (line.starts_with("---") || line.starts_with("...")) {
                self.block.clear();
                at = 3;
            } else {
                self.open_block(number, indent)?;
                at = self.node_start(number, &chars, indent)?;
            }
        }
        self.rest(number, &chars, at)
    }

    /// A block node at `column` of line `number`.
    fn open_block(&mut self, number: usize, column: usize) -> Result<(), TooDeep> {
        while self.block.last().is_some_and(|&c| c >= column) {
            self.block.pop();
        }
        self.block.push(column);
        self.check(number, column)
    }

    fn check(&self, line: usize, column: usize) -> Result<(), TooDeep> {
        if self.block.len() + self.flow > MAX_YAML_DEPTH {
            return Err(TooDeep {
                line,
                column: column + 1,
                aliases: false,
            });
        }
        Ok(())
    }

    /// Past the indicators that open nested block nodes on one line
    /// (`- - x`, `? x`), each a level: where the node's own text starts.
    fn node_start(
        &mut self,
        number: usize,
        chars: &[char],
        mut at: usize,
    ) -> Result<usize, TooDeep> {
        loop {
            let indicator = matches!(chars.get(at), Some('-' | '?' | ':'))
                && chars.get(at + 1).is_none_or(|c| *c == ' ' || *c == '\t');
            if !indicator {
                return Ok(at);
            }
            at += 1;
            while chars.get(at).is_some_and(|c| *c == ' ' || *c == '\t') {
                at += 1;
            }
            if at >= chars.len() {
                return Ok(at);
            }
            self.open_block(number, at)?;
        }
    }

    /// The rest of a line from `at`, where a node may start.
    fn rest(&mut self, number: usize, chars: &[char], mut at: usize) -> Result<(), TooDeep> {
        // Whether a scalar may start here (after an indicator or space),
        // where a quote opens a quoted scalar rather than being a character.
        let mut scalar_start = true;
        while at < chars.len() {
            if self.flow == 0 && scalar_start {
                at = skip_properties(chars, at);
                match chars.get(at) {
                    Some('|' | '>') => {
                        let indent = chars.iter().take_while(|&&c| c == ' ').count();
                        self.block_scalar = Some((indent, None));
                        return Ok(());
                    }
                    None => return Ok(()),
                    _ => {}
                }
            }
            let c = chars[at];
            match c {
                '#' if at == 0 || chars[at - 1] == ' ' || chars[at - 1] == '\t' => return Ok(()),
                '"' | '\'' if scalar_start => match skip_quoted(chars, at + 1, c) {
                    Some(end) => {
                        at = end;
                        scalar_start = false;
                        continue;
                    }
                    None => {
                        self.quote = Some(c);
                        return Ok(());
                    }
                },
                '[' | '{' if self.flow > 0 || scalar_start => {
                    self.flow += 1;
                    self.check(number, at)?;
                    scalar_start = true;
                }
                ']' | '}' if self.flow > 0 => {
                    self.flow -= 1;
                    scalar_start = false;
                }
                ',' if self.flow > 0 => scalar_start = true,
                '*' if scalar_start => {
                    self.aliases += 1;
                    if self.aliases > MAX_YAML_ALIASES {
                        return Err(TooDeep {
                            line: number,
                            column: at + 1,
                            aliases: true,
                        });
                    }
                    scalar_start = false;
                }
                ':' if chars.get(at + 1).is_none_or(|c| *c == ' ' || *c == '\t')
                    || self.flow > 0 =>
                {
                    if self.flow == 0 {
                        // `key: value`: the value is a level below the key.
                        let mut next = at + 1;
                        while chars.get(next).is_some_and(|c| *c == ' ' || *c == '\t') {
                            next += 1;
                        }
                        if next >= chars.len() {
                            return Ok(());
                        }
                        // A flow collection counts as its own level below.
                        if !matches!(chars[next], '[' | '{') {
                            self.open_block(number, next)?;
                        }
                        at = next;
                        scalar_start = true;
                        continue;
                    }
                    scalar_start = true;
                }
                ' ' | '\t' => {}
                _ => scalar_start = false,
            }
            at += 1;
        }
        Ok(())
    }
}

/// Past a node's anchor (`&a`) and tag (`!!map`), each followed by space.
fn skip_properties(chars: &[char], mut at: usize) -> usize {
    while matches!(chars.get(at), Some('&' | '!')) {
        while chars.get(at).is_some_and(|c| !c.is_whitespace()) {
            at += 1;
        }
        while chars.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
    }
    at
}

/// The index past the closing `quote` of a scalar whose text starts at
/// `at`, or `None` when it runs past the line.
fn skip_quoted(chars: &[char], mut at: usize, quote: char) -> Option<usize> {
    while at < chars.len() {
        let c = chars[at];
        if quote == '"' && c == '\\' {
            at += 2;
            continue;
        }
        if c == quote {
            if quote == '\'' && chars.get(at + 1) == Some(&'\'') {
                at += 2;
                continue;
            }
            return Some(at + 1);
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(yaml: &str) -> bool {
        check_yaml_depth(yaml).is_ok()
    }

    #[test]
    fn ordinary_yaml_passes() {
        for yaml in [
            "title: A [draft] \"quoted\" {x}\ndate: 2016-02-21\n",
            "topics: [syria, [a, b], {c: d}]\nactors:\n  - ann\n  - bob\n",
            "summary: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nnext: 1\n",
            "title: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n",
            "title: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n",
            "title: a [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ b\n",
            "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n",
        ] {
            assert!(depth_ok(yaml), "{yaml}");
        }
        let nested: String = (0..30)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i * 2)))
            .collect();
        assert!(depth_ok(&nested));
    }

    #[test]
    fn deep_nesting_is_found_where_it_goes_too_deep() {
        let flow = format!("title: x\ntopics: {}", "[".repeat(100_000));
        assert_eq!(
            check_yaml_depth(&flow),
            Err(TooDeep {
                line: 2,
                column: 9 + MAX_YAML_DEPTH - 1,
                aliases: false,
            })
        );
        let maps = "{a: ".repeat(1000);
        assert!(!depth_ok(&maps));
        let seqs = "- ".repeat(1000) + "x";
        assert!(!depth_ok(&seqs));
        let keys = "a: ".repeat(1000) + "x";
        assert!(!depth_ok(&keys));
        let block: String = (0..100)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert!(!depth_ok(&block));
        // A quote that is a character of a plain scalar hides nothing.
        let hidden = format!("t: [a\"b, {}]", "[".repeat(100));
        assert!(!depth_ok(&hidden));
        let anchored = format!("t: &a !!seq {}", "[".repeat(100));
        assert!(!depth_ok(&anchored));
        let multiline = format!("t: [\n{}", "[\n".repeat(100));
        assert!(!depth_ok(&multiline));
    }

    #[test]
    fn many_aliases_are_refused() {
        let few = format!(
            "t: &t x\nl: [{}]\n",
            vec!["*t"; MAX_YAML_ALIASES].join(", ")
        );
        assert!(depth_ok(&few));
        let many = format!("t: &t x\nl: [{}]\n", vec!["*t"; 2000].join(", "));
        let err = check_yaml_depth(&many).unwrap_err();
        assert!(err.aliases);
        assert_eq!(err.line, 2);
        let block = format!("t: &t x\nl:\n{}", "  - *t\n".repeat(100));
        assert!(!depth_ok(&block));
        // A star inside a plain scalar is a character.
        assert!(depth_ok(&"t: a*b c*d\n".repeat(100)));
    }

    #[test]
    fn any_text_scans_without_panic() {
        // A small generator of YAML-ish noise: every indicator the scan
        // looks at, in every order.
        const ALPHABET: &[char] = &[
            '[', ']', '{', '}', '"', '\'', '#', ':', '-', '?', ' ', '|', '>', '\n', '\\', '&', '!',
            'a', ',', '\t', 'é',
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 64) {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push(ALPHABET[(state >> 33) as usize % ALPHABET.len()]);
            }
            let _ = check_yaml_depth(&text);
        }
    }

    #[test]
    fn reads_stop_at_the_limit() {
        let endless = std::io::repeat(0);
        assert!(matches!(
            read_capped(endless),
            Err(ReadError::TooLarge { size: None })
        ));
        assert_eq!(read_capped(&b"abc"[..]).unwrap(), b"abc");
    }
}
