//! The import graph of a crate's files, and what the layer rules find wrong with it: cycles
//! between files, cycles between top-level modules, and imports of a higher layer.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::paths::{module_of, paths};

/// An import allowed although it breaks the rules, for as long as it exists.
pub struct Exception {
    /// The file that imports, relative to `src/` (`format.rs`).
    pub file: &'static str,
    /// What it imports, from the crate root, or a prefix of it (`records::choices::Language`).
    pub path: &'static str,
    /// Why it is allowed for now, and who removes it.
    pub why: &'static str,
}

/// The rules: a layer for every top-level module (higher may use lower), and the exceptions.
pub struct Rules<'a> {
    /// Top-level module → layer.
    pub layers: &'a [(&'a str, u32)],
    /// Imports allowed for now.
    pub exceptions: &'a [Exception],
}

/// One file using another.
#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    /// What was written, from the crate root (`crate::records::model::Customer`).
    path: String,
    line: usize,
}

impl Edge {
    fn evidence(&self) -> String {
        format!("{}:{} uses {}", self.from, self.line, self.path)
    }
}

/// The top-level module a file belongs to (`None` for `lib.rs` and `main.rs`).
fn top(file: &str) -> Option<String> {
    module_of(file).into_iter().next()
}

/// Every use of one file by another in `sources` (path relative to `src/`, text), with the
/// exceptions each matched (by index).
fn edges(sources: &[(String, String)], exceptions: &[Exception]) -> (Vec<Edge>, BTreeSet<usize>) {
    let files: BTreeMap<Vec<String>, &str> = sources.iter().map(|(f, _)| (module_of(f), f.as_str())).collect();
    let (mut out, mut used) = (Vec::new(), BTreeSet::new());
    for (file, text) in sources {
        for found in paths(&module_of(file), text) {
            let Some(n) = (1..=found.segments.len()).rev().find(|n| files.contains_key(&found.segments[..*n])) else {
                continue;
            };
            let to = files[&found.segments[..n]];
            if to == file {
                continue;
            }
            let joined = found.segments.join("::");
            let excepted = exceptions
                .iter()
                .position(|e| e.file == file && (joined == e.path || joined.starts_with(&format!("{}::", e.path))));
            if let Some(index) = excepted {
                used.insert(index);
                continue;
            }
            out.push(Edge {
                from: file.clone(),
                to: to.to_string(),
                path: format!("crate::{joined}"),
                line: found.line,
            });
        }
    }
    (out, used)
}

/// Everything wrong with `sources` under `rules`, one sentence each naming the file and the
/// path; empty when the layers hold.
pub fn problems(sources: &[(String, String)], rules: &Rules<'_>) -> Vec<String> {
    let (edges, used) = edges(sources, rules.exceptions);
    let mut out = Vec::new();
    // (a) Cycles between files.
    let mut by_file: BTreeMap<String, BTreeMap<String, Edge>> = BTreeMap::new();
    for edge in &edges {
        by_file.entry(edge.from.clone()).or_default().entry(edge.to.clone()).or_insert_with(|| edge.clone());
    }
    for cycle in cycles(&by_file) {
        let names: Vec<&str> = cycle.iter().map(|(node, _)| node.as_str()).collect();
        let why: Vec<String> = cycle.iter().map(|(_, edge)| edge.evidence()).collect();
        out.push(format!("import cycle between files {} → {}: {}", names.join(" → "), names[0], why.join("; ")));
    }
    // (b) Cycles between top-level modules.
    let mut by_module: BTreeMap<String, BTreeMap<String, Edge>> = BTreeMap::new();
    for edge in &edges {
        if let (Some(a), Some(b)) = (top(&edge.from), top(&edge.to))
            && a != b
        {
            by_module.entry(a).or_default().entry(b).or_insert_with(|| edge.clone());
        }
    }
    for cycle in cycles(&by_module) {
        let names: Vec<&str> = cycle.iter().map(|(node, _)| node.as_str()).collect();
        let why: Vec<String> = cycle.iter().map(|(_, edge)| edge.evidence()).collect();
        out.push(format!("import cycle between modules {} → {}: {}", names.join(" → "), names[0], why.join("; ")));
    }
    // (c) Upward imports, and modules without a layer.
    let layer = |module: &str| rules.layers.iter().find(|(m, _)| *m == module).map(|(_, l)| *l);
    let mut unplaced = BTreeSet::new();
    for edge in &edges {
        let (Some(a), Some(b)) = (top(&edge.from), top(&edge.to)) else { continue };
        if a == b {
            continue;
        }
        match (layer(&a), layer(&b)) {
            (Some(la), Some(lb)) if lb >= la => out.push(format!(
                "upward import: {} — `{a}` (layer {la}) may use only lower layers, and `{b}` is layer {lb}",
                edge.evidence()
            )),
            (Some(_), Some(_)) => {}
            (la, lb) => {
                unplaced.extend([(la.is_none(), a), (lb.is_none(), b)].into_iter().filter(|(u, _)| *u).map(|(_, m)| m));
            }
        }
    }
    for module in unplaced {
        out.push(format!(
            "the top-level module `{module}` has no layer: add it to the table in tests/integration/layers.rs"
        ));
    }
    for (i, exception) in rules.exceptions.iter().enumerate() {
        if !used.contains(&i) {
            out.push(format!(
                "the exception for {} using {} is no longer needed ({}): remove it from the table",
                exception.file, exception.path, exception.why
            ));
        }
    }
    out
}

/// One cycle for each strongly connected component of more than one node: its nodes from
/// the smallest on, each with the edge that leaves it.
fn cycles(graph: &BTreeMap<String, BTreeMap<String, Edge>>) -> Vec<Vec<(String, Edge)>> {
    let mut out = Vec::new();
    for component in components(graph) {
        let start = component[0].clone();
        let inside: BTreeSet<&String> = component.iter().collect();
        // The shortest way back to `start`, breadth first inside the component.
        let mut came_from: BTreeMap<String, (String, Edge)> = BTreeMap::new();
        let mut queue = VecDeque::from([start.clone()]);
        'search: while let Some(node) = queue.pop_front() {
            for (next, edge) in graph.get(&node).into_iter().flatten() {
                if !inside.contains(next) || came_from.contains_key(next) {
                    continue;
                }
                came_from.insert(next.clone(), (node.clone(), edge.clone()));
                if *next == start {
                    break 'search;
                }
                queue.push_back(next.clone());
            }
        }
        let mut cycle = Vec::new();
        let mut at = start.clone();
        while let Some((from, edge)) = came_from.get(&at) {
            cycle.push((from.clone(), edge.clone()));
            at = from.clone();
            if at == start {
                break;
            }
        }
        cycle.reverse();
        out.push(cycle);
    }
    out
}

/// The strongly connected components of more than one node, each sorted (Tarjan).
fn components(graph: &BTreeMap<String, BTreeMap<String, Edge>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeMap<String, Edge>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for w in s.graph.get(v).into_iter().flat_map(|m| m.keys()) {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.stack.contains(&w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut state = State { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), out: Vec::new() };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.out.sort();
    state.out
}
