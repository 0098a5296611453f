//! The coordinator routes the application mounts, read from its source: the
//! guarded scopes of `src/app/mod.rs`, the configure functions they call,
//! the handlers those register, each handler's `#[get]`/`#[post]` path and
//! the role extractor among its arguments. The route tests check every one
//! has a role; the access matrix asks each as every kind of member.

use std::fs;
use std::path::{Path, PathBuf};

/// A mounted coordinator route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// `GET` or `POST`.
    pub method: String,
    /// The full pattern, e.g. `/c/{coalition}/statements/{statement}`.
    pub pattern: String,
    /// The scope it is mounted in: `/c/{coalition}`, `/c` or `/account`.
    pub scope: String,
    /// The role extractors among the handler's arguments (`Viewer`,
    /// `Editor`, `Owner`, `SignedIn`); a well-declared route has one.
    pub roles: Vec<String>,
    /// Where the handler is, for messages: `src/…rs:handler`.
    pub handler: String,
}

const ROLE_TYPES: [&str; 4] = ["Viewer", "Editor", "Owner", "SignedIn"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The file of a module path (`["statements", "routes"]`).
fn file_of(module: &[String]) -> PathBuf {
    let mut path = src();
    for segment in module {
        path.push(segment);
    }
    let flat = path.with_extension("rs");
    if flat.is_file() {
        flat
    } else {
        path.join("mod.rs")
    }
}

/// The text between the parenthesis or brace opening at `open` and the one
/// closing it.
fn enclosed(text: &str, open: usize) -> &str {
    let (opening, closing) = match text.as_bytes()[open] {
        b'(' => (b'(', b')'),
        _ => (b'{', b'}'),
    };
    let mut depth = 0;
    for (i, byte) in text.bytes().enumerate().skip(open) {
        if byte == opening {
            depth += 1;
        } else if byte == closing {
            depth -= 1;
            if depth == 0 {
                return &text[open + 1..i];
            }
        }
    }
    panic!("unbalanced source near {}", &text[open..open + 40]);
}

/// `path` (`super::x::y`, `crate::a::b`, `name`) read from `module`: the
/// module it names and the item's name.
fn resolve(module: &[String], path: &str) -> (Vec<String>, String) {
    let mut segments: Vec<&str> = path.trim().split("::").collect();
    let name = segments.pop().expect("a path").to_owned();
    let mut resolved: Vec<String> = module.to_vec();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "crate" if i == 0 => resolved.clear(),
            "super" => {
                resolved.pop();
            }
            "self" => {}
            other => resolved.push(other.to_owned()),
        }
    }
    (resolved, name)
}

/// The body of `fn name` in `source`.
fn function_body<'a>(source: &'a str, name: &str) -> &'a str {
    let start = source
        .find(&format!("fn {name}("))
        .unwrap_or_else(|| panic!("no fn {name}"));
    let open = start + source[start..].find('{').expect("a body");
    enclosed(source, open)
}

/// The arguments of the calls `.{method}(…)` in `text`.
fn call_arguments<'a>(text: &'a str, method: &str) -> Vec<&'a str> {
    let needle = format!(".{method}(");
    text.match_indices(&needle)
        .map(|(at, _)| enclosed(text, at + needle.len() - 1).trim())
        .collect()
}

fn collect(scope: &str, module: &[String], function: &str, routes: &mut Vec<Route>) {
    let file = file_of(module);
    let source = fs::read_to_string(&file).unwrap_or_else(|_| panic!("{}", file.display()));
    let body = function_body(&source, function);
    for handler in call_arguments(body, "service") {
        let (module, name) = resolve(module, handler);
        routes.push(route(scope, &module, &name));
    }
    let nested = call_arguments(body, "configure").into_iter().chain(
        body.lines()
            .map(str::trim)
            .filter_map(|line| line.strip_suffix("(cfg);")),
    );
    for path in nested.collect::<Vec<_>>() {
        let (module, name) = resolve(module, path);
        collect(scope, &module, &name, routes);
    }
}

fn route(scope: &str, module: &[String], name: &str) -> Route {
    let file = file_of(module);
    let source = fs::read_to_string(&file).unwrap_or_else(|_| panic!("{}", file.display()));
    let at = source
        .find(&format!("async fn {name}("))
        .unwrap_or_else(|| panic!("no handler {name} in {}", file.display()));
    let attribute = ["#[get(\"", "#[post(\""]
        .iter()
        .filter_map(|opening| source[..at].rfind(opening))
        .max()
        .map(|start| &source[start..at])
        .expect("a route attribute");
    let (method, path) = ["get", "post"]
        .iter()
        .find_map(|method| {
            let prefix = format!("#[{method}(\"");
            let rest = attribute.strip_prefix(&prefix)?;
            Some((method.to_uppercase(), rest[..rest.find('"')?].to_owned()))
        })
        .unwrap_or_else(|| panic!("{name}: no #[get] or #[post] in {attribute}"));
    let open = at + source[at..].find('(').expect("arguments");
    let arguments = enclosed(&source, open);
    let roles = arguments
        .split(',')
        .filter_map(|argument| argument.split_once(':'))
        .map(|(_, kind)| kind.trim())
        .filter(|kind| ROLE_TYPES.contains(kind))
        .map(str::to_owned)
        .collect();
    Route {
        method,
        pattern: format!("{scope}{path}"),
        scope: scope.to_owned(),
        roles,
        handler: format!(
            "{}:{name}",
            file.strip_prefix(src().parent().expect("root"))
                .unwrap_or(&file)
                .display()
        ),
    }
}

/// Every route mounted in a guarded scope of the application.
pub fn coordinator_routes() -> Vec<Route> {
    let app = vec!["app".to_owned()];
    let source = fs::read_to_string(file_of(&app)).expect("src/app/mod.rs");
    let body = function_body(&source, "routes");
    let mut routes = Vec::new();
    for (at, _) in body.match_indices("web::scope(\"") {
        let rest = &body[at + "web::scope(\"".len()..];
        let scope = &rest[..rest.find('"').expect("a quoted scope")];
        let end = rest.find("web::scope(\"").unwrap_or(rest.len());
        for path in call_arguments(&rest[..end], "configure") {
            let (module, name) = resolve(&app, path);
            collect(scope, &module, &name, &mut routes);
        }
    }
    routes
}
