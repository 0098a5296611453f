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
    let words: [(&str, Vec<&str>); 5] = [
        (
            "statement-status",
            Status::ALL.iter().map(|s| s.as_str()).collect(),
        ),
        ("signers", Signers::ALL.iter().map(|s| s.as_str()).collect()),
        (
            "list-order",
            ListOrder::ALL.iter().map(|o| o.as_str()).collect(),
        ),
        (
            "change-kind",
            ChangeKind::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        ("digest", vec!["none", "hourly", "daily"]),
    ];
    for (prefix, words) in words {
        ids.extend(words.into_iter().map(|word| format!("{prefix}-{word}")));
    }

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
