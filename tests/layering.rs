//! The shape of the code, kept by a test: the library's top-level modules
//! import each other without a circle, and none of them imports `cmd`, the
//! command line on top (ARCHITECTURE.md). A new `use crate::...` that breaks
//! either fails here, naming the files that tie the circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, with the top-level module it belongs to
/// (`src/site/link.rs` -> `site`, `src/config.rs` -> `config`).
fn modules() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&src).ok()?.to_path_buf();
            let first = rel.components().next()?.as_os_str().to_string_lossy();
            let module = first.trim_end_matches(".rs").to_string();
            Some((e.path().to_path_buf(), module))
        })
        .filter(|(_, m)| m != "main" && m != "lib")
        .collect()
}

/// The top-level modules a file names as `crate::NAME`, outside comments.
fn imports(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if known.contains(&name) {
                found.insert(name);
            }
            // `use crate::{a, b}` names several.
            if let Some(braced) = rest.strip_prefix('{') {
                let inside = braced.split('}').next().unwrap_or("");
                for part in inside.split(',') {
                    let name = part.trim().split("::").next().unwrap_or("").trim();
                    if known.contains(name) {
                        found.insert(name.to_string());
                    }
                }
            }
        }
    }
    found
}

/// Module -> modules it imports, with the files that do.
fn graph() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let files = modules();
    let known: BTreeSet<String> = files.iter().map(|(_, m)| m.clone()).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (path, module) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        // Unit tests may reach anywhere; the shape is the shipped code's.
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        let from = path.strip_prefix(root).unwrap().display().to_string();
        let edges = graph.entry(module.clone()).or_default();
        for to in imports(text, &known) {
            if &to != module {
                edges.entry(to).or_default().insert(from.clone());
            }
        }
    }
    graph
}

#[test]
fn no_library_module_imports_the_command_line() {
    let graph = graph();
    assert!(
        graph.contains_key("cmd"),
        "src/cmd/ is where the commands live"
    );
    let offenders: Vec<String> = graph
        .iter()
        .filter(|(from, _)| from.as_str() != "cmd")
        .filter_map(|(_, edges)| edges.get("cmd"))
        .flatten()
        .cloned()
        .collect();
    assert!(
        offenders.is_empty(),
        "library modules import `cmd` (the command line sits on top; move what they need below it): {offenders:?}"
    );
}

#[test]
fn top_level_modules_form_no_circle() {
    let graph = graph();
    // Depth-first search; a back edge closes a circle.
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        circles: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = path.iter().position(|n| *n == node) {
            let circle = &path[at..];
            let ties: Vec<String> = circle
                .iter()
                .zip(circle.iter().skip(1).chain(std::iter::once(&node)))
                .map(|(a, b)| format!("{a} -> {b} ({:?})", graph[*a][*b]))
                .collect();
            circles.push(ties.join("; "));
            return;
        }
        path.push(node);
        if let Some(edges) = graph.get(node) {
            for next in edges.keys() {
                visit(next, graph, path, done, circles);
            }
        }
        path.pop();
        done.insert(node);
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(
        circles.is_empty(),
        "top-level modules import each other in a circle:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_scanner_sees_imports() {
    let known: BTreeSet<String> = ["site", "render", "cmd"].map(String::from).into();
    let text =
        "use crate::site::Site;\nuse crate::{render::Page, cmd};\n// crate::cmd in a comment\n";
    assert_eq!(
        imports(text, &known),
        ["cmd", "render", "site"].map(String::from).into()
    );
}
