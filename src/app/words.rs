//! Checks that span areas: every stored word an area shows has a message
//! in each language.

use crate::i18n::{Lang, t};

#[test]
fn every_stored_word_shown_to_coordinators_has_a_message() {
    // Arrange
    use crate::statements::{ChangeKind, ListOrder, Signers, Status};
    let mut ids: Vec<String> = Vec::new();
    for role in crate::coalitions::Role::ALL {
        ids.push(format!("role-{}", role.as_str()));
        ids.push(format!("role-description-{}", role.as_str()));
    }
    ids.extend(
        Status::ALL
            .iter()
            .map(|s| format!("statement-status-{}", s.as_str())),
    );
    ids.extend(
        Signers::ALL
            .iter()
            .map(|s| format!("signers-{}", s.as_str())),
    );
    ids.extend(
        ListOrder::ALL
            .iter()
            .map(|o| format!("list-order-{}", o.as_str())),
    );
    ids.extend(
        ChangeKind::ALL
            .iter()
            .map(|k| format!("change-kind-{}", k.as_str())),
    );
    ids.extend(["none", "hourly", "daily"].map(|f| format!("digest-{f}")));

    // Act
    let missing: Vec<_> = ids.iter().filter(|id| t(Lang::En, id) == **id).collect();
    let labels: Vec<_> = crate::signatures::Status::ALL
        .iter()
        .map(|s| s.label(Lang::En))
        .collect();

    // Assert
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(
        labels,
        [
            "pending email",
            "confirmed",
            "approved",
            "rejected",
            "withdrawn",
            "merged"
        ]
    );
}
