//! Every coordinator route declares the role it needs, next to its handler:
//! the routes mounted in the guarded scopes are read from the source (see
//! `support/routes.rs`) and each must take exactly one role extractor. What
//! each role admits is asked of the running app in `api/access.rs`.

#[path = "support/routes.rs"]
mod mounted;

use mounted::coordinator_routes;

#[test]
fn every_mounted_coordinator_route_takes_one_role_extractor() {
    // Arrange
    let routes = coordinator_routes();

    // Act
    let undeclared: Vec<String> = routes
        .iter()
        .filter(|route| {
            let allowed: &[&str] = if route.scope == "/c/{coalition}" {
                &["Viewer", "Editor", "Owner"]
            } else {
                &["SignedIn"]
            };
            route.roles.len() != 1 || !allowed.contains(&route.roles[0].as_str())
        })
        .map(|route| {
            format!(
                "{} {} ({}): {:?}",
                route.method, route.pattern, route.handler, route.roles
            )
        })
        .collect();

    // Assert
    assert!(
        routes
            .iter()
            .filter(|r| r.scope == "/c/{coalition}")
            .count()
            >= 80
            && routes
                .iter()
                .filter(|r| r.scope != "/c/{coalition}")
                .count()
                >= 6,
        "only {} routes read: {routes:#?}",
        routes.len()
    );
    assert!(
        undeclared.is_empty(),
        "routes without one fitting role:\n{}",
        undeclared.join("\n")
    );
}

#[test]
fn every_route_is_read_once() {
    let mut seen: Vec<(String, String)> = coordinator_routes()
        .into_iter()
        .map(|route| (route.method, route.pattern))
        .collect();
    let count = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), count, "a route is mounted twice");
}
