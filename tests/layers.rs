//! The crate's modules depend downward only. Each top-level module of
//! `src/` sits in one layer of [`LAYERS`]; a module may name (`crate::…`)
//! modules of the layers below its own, never one of its own layer or
//! above. So no circle can form, and a change to an area cannot break the
//! layers it rests on.
//!
//! A new top-level module fails this test until it is given its layer.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Top to bottom.
const LAYERS: &[(&str, &[&str])] = &[
    ("entry point", &["cli"]),
    ("start-up", &["startup"]),
    ("composition", &["app", "jobs", "demo"]),
    ("pages across areas", &["press", "publication"]),
    ("sign-on", &["signatures"]),
    ("texts and contacts", &["statements", "contacts"]),
    ("coalitions", &["coalitions", "suppressions"]),
    ("records", &["audit", "retention"]),
    ("accounts and the import engine", &["accounts", "imports"]),
    ("web framework", &["web"]),
    ("services", &["mail", "backup", "identity", "tokens"]),
    ("storage and language", &["db", "i18n", "telemetry"]),
    (
        "foundations",
        &[
            "background",
            "config",
            "export",
            "memory",
            "monitoring",
            "text",
        ],
    ),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a readable source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without its comments, so a path named in documentation
/// is not counted as a use. Strings are kept: `crate::` in one is rare
/// and would only make the check stricter.
fn without_comments(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn identifier_at(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The top-level modules `source` names through `crate::`, including each
/// first segment of a `use crate::{a::…, b}` group.
fn named_modules(source: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        if source[..at].ends_with('$') {
            continue;
        }
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut segment_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => segment_start = true,
                    c if segment_start && depth == 1 && !c.is_whitespace() => {
                        segment_start = false;
                        named.insert(identifier_at(&group[i..]).to_owned());
                    }
                    _ => {}
                }
            }
        } else {
            named.insert(identifier_at(rest).to_owned());
        }
    }
    named
}

/// The top-level module a file of `src/` belongs to.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("a file under src/");
    let first = relative
        .components()
        .next()
        .expect("a path")
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn every_module_uses_only_the_layers_below_its_own() {
    // Arrange
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();

    // Act
    let mut unplaced = BTreeSet::new();
    let mut upward = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            unplaced.insert(module);
            continue;
        };
        let source = fs::read_to_string(file).expect("a readable source file");
        for used in named_modules(&without_comments(&source)) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer > own => {}
                Some(layer) => upward.push(format!(
                    "{}: `{module}` ({}) uses `{used}` ({})",
                    file.strip_prefix(&src).unwrap_or(file).display(),
                    LAYERS[own].0,
                    LAYERS[layer].0,
                )),
                None => {
                    unplaced.insert(used);
                }
            }
        }
    }

    // Assert
    assert!(
        unplaced.is_empty(),
        "modules without a layer in tests/layers.rs: {unplaced:?}"
    );
    assert!(
        upward.is_empty(),
        "uses of a module of the same layer or above:\n{}",
        upward.join("\n")
    );
    assert!(files.len() > 100, "only {} source files found", files.len());
}

#[test]
fn the_reader_finds_grouped_and_plain_uses_and_skips_comments() {
    let source = "use crate::{db::DbConn, i18n::{Lang, t}, web};\n\
                  // crate::app in a comment\n\
                  let x = crate::mail::send(); /// crate::press too\n\
                  let url = \"https://example.org\"; crate::text::x();";
    let named = named_modules(&without_comments(source));
    assert_eq!(
        named.into_iter().collect::<Vec<_>>(),
        ["db", "i18n", "mail", "text", "web"]
    );
}
