//! Signatures and the "Signed by" list: who is listed, in which order, and
//! the counts the public page shows.

mod db;
mod deletion;
pub mod digest;
pub mod export;
mod form;
pub mod import;
pub mod invitations;
pub mod moderation;
pub mod normalize;
pub mod public;
mod public_views;
pub mod reconsent;
pub mod routes;
pub mod signing;
mod views;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::QueryResult;

use crate::db::{DbConn, text_enum};
use crate::i18n::CountryCode;
use crate::statements::{ListOrder, Statement};

pub use db::{Listed, Signature};

/// Names shown on one page of the public list.
pub const PAGE_SIZE: i64 = 500;

text_enum!(
    /// Where a signature stands.
    Status {
        PendingEmail => "pending_email",
        Confirmed => "confirmed",
        Approved => "approved",
        Rejected => "rejected",
        Withdrawn => "withdrawn",
        /// Taken into another signature of the same organization by a
        /// coordinator (`merged_into` names it); the signer did not withdraw.
        Merged => "merged",
    }
);

impl Status {
    /// The state in words of `lang`, for coordinators.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::t;
        match self {
            Self::PendingEmail => t(lang, "signature-status-pending-email"),
            Self::Confirmed => t(lang, "signature-status-confirmed"),
            Self::Approved => t(lang, "signature-status-approved"),
            Self::Rejected => t(lang, "signature-status-rejected"),
            Self::Withdrawn => t(lang, "signature-status-withdrawn"),
            Self::Merged => t(lang, "signature-status-merged"),
        }
    }

    /// Whether a signature in this state appears on the public list of a
    /// statement that does or does not require approval.
    pub fn is_listed(self, requires_approval: bool) -> bool {
        match self {
            Self::Approved => true,
            Self::Confirmed => !requires_approval,
            _ => false,
        }
    }
}

text_enum!(
    /// Organizations and individuals are listed separately.
    Kind { Organization => "organization", Individual => "individual" }
);

text_enum!(
    /// How a signature came in.
    Source { Form => "form", Invitation => "invitation", Import => "import" }
);

/// A signature to store.
#[derive(Debug, Clone)]
pub struct NewSignature {
    pub kind: Kind,
    pub name: String,
    pub country: Option<CountryCode>,
    pub website: Option<String>,
    pub affiliation: Option<String>,
    pub city: Option<String>,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    pub email: String,
    pub status: Status,
    pub source: Source,
    pub revision_id: Option<String>,
    pub confirmed_at: Option<NaiveDateTime>,
}

/// What decides a signature's place on the list.
pub struct Placement<'a> {
    pub name: &'a str,
    pub country: Option<&'a str>,
    pub signed_at: NaiveDateTime,
    pub manual_position: Option<i32>,
}

/// The key the list is ordered by, under the statement's order and
/// language: byte-wise order of keys is the list's order, so the database
/// can page through it with an index.
pub fn list_key(order: ListOrder, language: &str, place: &Placement<'_>) -> String {
    let name = crate::i18n::sort_key(place.name, language);
    let time = place.signed_at.format("%Y%m%d%H%M%S%6f").to_string();
    match order {
        ListOrder::Alphabetical => name,
        ListOrder::Time => time,
        ListOrder::Country => {
            let lang = crate::i18n::Lang::for_content(language);
            let country = place
                .country
                .and_then(CountryCode::parse)
                .map(|c| crate::i18n::sort_key(crate::i18n::country_name(&c, lang), language));
            // Signatures without a country come after every country.
            format!("{}00{name}", country.unwrap_or_else(|| "ff".into()))
        }
        ListOrder::Manual => format!(
            "{:010}{time}",
            place.manual_position.unwrap_or(i32::MAX).max(0)
        ),
    }
}

/// The list key of a signature of `statement`.
pub fn placement_key(
    statement: &Statement,
    name: &str,
    country: Option<&str>,
    signed_at: NaiveDateTime,
    manual_position: Option<i32>,
) -> String {
    list_key(
        statement.list_order(),
        &statement.language,
        &Placement {
            name,
            country,
            signed_at,
            manual_position,
        },
    )
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Signature>> {
    db::find(conn, id)
}

/// Stores a signature with its list key and refreshes the statement's counts.
pub fn insert(conn: &mut DbConn, statement: &Statement, new: &NewSignature) -> QueryResult<String> {
    let now = crate::db::now();
    let key = list_key(
        statement.list_order(),
        &statement.language,
        &Placement {
            name: &new.name,
            country: new.country.as_ref().map(CountryCode::as_str),
            signed_at: new.confirmed_at.unwrap_or(now),
            manual_position: None,
        },
    );
    let listed = new.status.is_listed(statement.requires_approval);
    let id = db::insert(conn, &statement.id, new, listed, &key, now)?;
    if listed {
        refresh_counts(conn, &statement.id)?;
    }
    Ok(id)
}

/// Gives a search key to every signature stored before search keys existed
/// (the migration cannot: SQL has no Unicode folding); returns how many.
/// Runs at start, in batches of one transaction each.
pub fn fill_search_keys(conn: &mut DbConn) -> QueryResult<usize> {
    let mut filled = 0;
    loop {
        let done = crate::db::transaction(conn, |conn| {
            let rows = db::unkeyed(conn, 1000)?;
            for (id, name, display_name, signer_name, email) in &rows {
                let key = normalize::search_key(
                    name,
                    display_name.as_deref(),
                    signer_name.as_deref(),
                    email,
                );
                db::set_search_key(conn, id, &key)?;
            }
            Ok::<_, diesel::result::Error>(rows.len())
        })?;
        if done == 0 {
            return Ok(filled);
        }
        filled += done;
    }
}

/// What the statement pages need from the list, handed to them at
/// start-up (see [`crate::statements::SignOnList`]).
pub const SIGN_ON_LIST: crate::statements::SignOnList = crate::statements::SignOnList {
    rekey: rekey_list,
    revise,
    summary,
};

fn revise(
    conn: &mut DbConn,
    state: &crate::web::AppState,
    edit: crate::statements::Edit,
) -> Result<crate::statements::Saved, crate::statements::StatementError> {
    use crate::statements::StatementError;
    let pending =
        reconsent::Pending::parse(&edit.pending).unwrap_or(reconsent::Pending::StayListed);
    reconsent::save_revision(
        conn,
        &public::ctx(state),
        &edit.statement,
        &edit.version,
        &edit.author,
        &edit.draft,
        edit.kind,
        pending,
        edit.base,
    )
    .map(|(saved, _)| saved)
    .map_err(|error| match error {
        reconsent::ReviseError::Statement(error) => error,
        reconsent::ReviseError::Signing(error) => StatementError::Reconsent(error.to_string()),
    })
}

fn summary(
    conn: &mut DbConn,
    statement_id: &str,
    coordinator_id: &str,
    lang: crate::i18n::Lang,
    since: NaiveDateTime,
) -> QueryResult<crate::statements::Summary> {
    Ok(crate::statements::Summary {
        counts: counts_by_status(conn, statement_id)?
            .into_iter()
            .map(|(status, count)| (status.label(lang), count))
            .collect(),
        per_day: confirmations_per_day(conn, statement_id, since)?,
        digest: digest::frequency_of(conn, coordinator_id, statement_id)?,
    })
}

/// Recomputes every list key of a statement (after its order or language changed).
pub fn rekey_list(conn: &mut DbConn, statement_id: &str) -> QueryResult<()> {
    let Some(statement) = crate::statements::find_any(conn, statement_id)? else {
        return Ok(());
    };
    for row in db::placements(conn, statement_id)? {
        let key = list_key(
            statement.list_order(),
            &statement.language,
            &Placement {
                name: row.display_name.as_deref().unwrap_or(&row.name),
                country: row.country.as_deref(),
                signed_at: row.confirmed_at.unwrap_or(row.created_at),
                manual_position: row.manual_position,
            },
        );
        if key != row.list_key {
            db::set_list_key(conn, &row.id, &key)?;
        }
    }
    Ok(())
}

/// Stores the counts of listed organizations and individuals on the statement.
pub fn refresh_counts(conn: &mut DbConn, statement_id: &str) -> QueryResult<()> {
    let organizations = db::count_listed(conn, statement_id, Kind::Organization)?;
    let individuals = db::count_listed(conn, statement_id, Kind::Individual)?;
    crate::statements::set_listed_counts(conn, statement_id, organizations, individuals)
}

/// Where a page of the list starts: after this key and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub key: String,
    pub id: String,
}

impl Cursor {
    pub fn parse(text: &str) -> Option<Self> {
        let (key, id) = text.split_once('.')?;
        let valid = key.chars().all(|c| c.is_ascii_hexdigit())
            && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
        valid.then(|| Self {
            key: key.to_owned(),
            id: id.to_owned(),
        })
    }

    pub fn after(listed: &Listed) -> Self {
        Self {
            key: listed.list_key.clone(),
            id: listed.id.clone(),
        }
    }

    pub fn to_param(&self) -> String {
        format!("{}.{}", self.key, self.id)
    }
}

/// One page of the listed signatures of `kind`, in list order.
pub fn page(
    conn: &mut DbConn,
    statement_id: &str,
    kind: Kind,
    after: Option<&Cursor>,
    limit: i64,
) -> QueryResult<Vec<Listed>> {
    db::page(conn, statement_id, kind, after, limit)
}

/// Every listed signature of `kind`, in list order (the letter, the JSON).
pub fn all_listed(conn: &mut DbConn, statement_id: &str, kind: Kind) -> QueryResult<Vec<Listed>> {
    db::page(conn, statement_id, kind, None, i64::MAX)
}

/// A confirmed signatory with an address, for an update mailing.
#[derive(Debug, Clone)]
pub struct Signatory {
    pub email: String,
    /// The person who signed, when the form asked for one.
    pub signer: Option<String>,
    /// The organization (or the person, for an individual signature).
    pub name: String,
    /// The language they signed in.
    pub language: String,
}

/// The confirmed (or approved) signatories of a statement, withdrawn,
/// rejected and unconfirmed ones left out. A confirmed signature merged
/// into another still counts when it kept an address of its own: the
/// merge joined two entries of one organization, and both people signed.
pub fn confirmed_signatories(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<Signatory>> {
    Ok(db::confirmed_signatories(conn, statement_id)?
        .into_iter()
        .map(|(email, signer, name, language)| Signatory {
            email,
            signer,
            name,
            language,
        })
        .collect())
}

/// How many signatures are in each state.
pub fn counts_by_status(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<(Status, i64)>> {
    let counts = db::counts_by_status(conn, statement_id)?;
    Ok(Status::ALL
        .iter()
        .copied()
        .map(|s| {
            (
                s,
                counts
                    .iter()
                    .find(|(name, _)| name == s.as_str())
                    .map_or(0, |(_, n)| *n),
            )
        })
        .collect())
}

/// Confirmed sign-ons per day since `since` (days without any are absent).
pub fn confirmations_per_day(
    conn: &mut DbConn,
    statement_id: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<(NaiveDate, i64)>> {
    let rows = db::confirmations_per_day(conn, statement_id, since)?;
    Ok(rows
        .into_iter()
        .filter_map(|(day, n)| {
            NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .ok()
                .map(|d| (d, n))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + seconds, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    fn ordered(
        order: ListOrder,
        language: &str,
        entries: &[(&str, Option<&str>, i64)],
    ) -> Vec<String> {
        let mut keyed: Vec<(String, String)> = entries
            .iter()
            .map(|(name, country, t)| {
                let place = Placement {
                    name,
                    country: *country,
                    signed_at: at(*t),
                    manual_position: None,
                };
                (list_key(order, language, &place), (*name).to_owned())
            })
            .collect();
        keyed.sort();
        keyed.into_iter().map(|(_, name)| name).collect()
    }

    #[test]
    fn alphabetical_keys_keep_accented_and_lower_case_names_in_place() {
        let names = ordered(
            ListOrder::Alphabetical,
            "es",
            &[
                ("Zapata", None, 0),
                ("émile", None, 1),
                ("Eco", None, 2),
                ("Ñu", None, 3),
                ("Nube", None, 4),
                ("Ábaco", None, 5),
            ],
        );

        assert_eq!(names, ["Ábaco", "Eco", "émile", "Nube", "Ñu", "Zapata"]);
    }

    #[test]
    fn country_order_groups_by_country_name_and_puts_unknown_countries_last() {
        let names = ordered(
            ListOrder::Country,
            "en",
            &[
                ("B", Some("MX"), 0),
                ("A", None, 1),
                ("C", Some("AR"), 2),
                ("A", Some("MX"), 3),
            ],
        );

        assert_eq!(names, ["C", "A", "B", "A"]);
    }

    #[test]
    fn time_order_follows_the_signing_time() {
        let names = ordered(
            ListOrder::Time,
            "en",
            &[("Late", None, 50), ("Early", None, 1), ("Middle", None, 20)],
        );

        assert_eq!(names, ["Early", "Middle", "Late"]);
    }

    #[test]
    fn a_cursor_survives_its_query_parameter() {
        let cursor = Cursor {
            key: "2a3b01".into(),
            id: "01a2-bc".into(),
        };

        assert_eq!(Cursor::parse(&cursor.to_param()), Some(cursor));
        assert_eq!(Cursor::parse("zz.1"), None);
    }
}
