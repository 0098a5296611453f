//! Importing the list a coalition kept before, from CSV: a preview with a
//! verdict per row, then one transaction that lists the good rows directly
//! ("added by coordinator") or sends each a confirmation mail.

pub mod routes;
mod views;

use super::signing::{self, Ctx, SignOn};
use super::{Kind, Source, Status};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::{CountryCode, Lang, Phrase, t, t_args};
use crate::statements::{Revision, Statement};

/// Rows one import may hold.
pub const MAX_ROWS: usize = 20_000;

/// Which column holds what, found from the header line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub name: Option<usize>,
    pub country: Option<usize>,
    pub website: Option<usize>,
    pub email: Option<usize>,
    pub signer_name: Option<usize>,
    pub signer_title: Option<usize>,
}

fn header_key(header: &str) -> String {
    crate::signatures::normalize::organization_key(header)
}

impl Mapping {
    /// Recognizes English and Spanish header names.
    pub fn from_headers(headers: &[String]) -> Self {
        let mut mapping = Self::default();
        for (i, header) in headers.iter().enumerate() {
            let slot = match header_key(header).as_str() {
                "organization"
                | "organisation"
                | "organization name"
                | "name"
                | "organizacion"
                | "nombre"
                | "nombre de la organizacion"
                | "entidad" => &mut mapping.name,
                "country" | "pais" => &mut mapping.country,
                "website" | "web" | "url" | "site" | "sitio web" | "pagina web" => {
                    &mut mapping.website
                }
                "email" | "e mail" | "mail" | "correo" | "correo electronico" => &mut mapping.email,
                "contact"
                | "contact name"
                | "signer"
                | "signer name"
                | "contacto"
                | "firmante"
                | "nombre del firmante" => &mut mapping.signer_name,
                "title" | "role" | "position" | "cargo" | "puesto" => &mut mapping.signer_title,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        mapping
    }
}

/// What the preview says about one row.
#[derive(Debug, Clone)]
pub struct RowVerdict {
    pub line: usize,
    pub name: String,
    pub email: String,
    pub outcome: Result<SignOn, RowProblem>,
}

/// Why a row is left out of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The same address is on an earlier line.
    Repeated,
    /// The address has signed the statement already.
    Signed,
    /// The database could not say whether the address has signed.
    Unchecked,
    Name,
    EmailNeeded,
    Email(String),
    Country(String),
    Field,
    Website(String),
}

impl RowProblem {
    /// The problem in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let with_value = |id: &str, value: &str| t_args(lang, id, &[("value", value.into())]);
        match self {
            Self::Repeated => t(lang, "import-row-repeated"),
            Self::Signed => t(lang, "import-row-signed"),
            Self::Unchecked => t(lang, "import-row-unchecked"),
            Self::Name => t(lang, "import-row-name"),
            Self::EmailNeeded => t(lang, "import-row-email-needed"),
            Self::Email(text) => with_value("import-row-email", text),
            Self::Country(text) => with_value("import-row-country", text),
            Self::Field => t(lang, "import-row-field"),
            Self::Website(text) => with_value("import-row-website", text),
        }
    }
}

/// Why a whole list cannot be previewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListProblem {
    UnreadableHeader,
    NoNameColumn,
    TooManyRows,
    UnreadableLine(usize),
}

impl ListProblem {
    /// The problem in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::UnreadableHeader => t(lang, "import-list-unreadable-header"),
            Self::NoNameColumn => t(lang, "import-list-no-name-column"),
            Self::TooManyRows => t_args(
                lang,
                "import-list-too-many-rows",
                &[("max", MAX_ROWS.into())],
            ),
            Self::UnreadableLine(line) => t_args(
                lang,
                "import-list-unreadable-line",
                &[("line", (*line).into())],
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Preview {
    pub mapping: Mapping,
    pub headers: Vec<String>,
    pub rows: Vec<RowVerdict>,
}

impl Preview {
    pub fn valid(&self) -> impl Iterator<Item = &SignOn> {
        self.rows.iter().filter_map(|r| r.outcome.as_ref().ok())
    }
}

/// How the good rows are taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Listed at once, shown as added by a coordinator.
    List,
    /// Each row gets a confirmation mail and is listed once confirmed.
    Confirm,
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.matches(char::from(*d)).count())
        .unwrap_or(b',');
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Reads the CSV and judges each row, without changing anything.
pub fn preview(
    conn: &mut DbConn,
    statement: &Statement,
    text: &str,
    mode: Mode,
) -> Result<Preview, ListProblem> {
    let mut reader = reader(text);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| ListProblem::UnreadableHeader)?
        .iter()
        .map(str::to_owned)
        .collect();
    let mapping = Mapping::from_headers(&headers);
    if mapping.name.is_none() {
        return Err(ListProblem::NoNameColumn);
    }
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        if rows.len() >= MAX_ROWS {
            return Err(ListProblem::TooManyRows);
        }
        let line = index + 2;
        let record = record.map_err(|_| ListProblem::UnreadableLine(line))?;
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let (name, email) = (cell(mapping.name), cell(mapping.email).to_lowercase());
        let outcome = judge(&mapping, &record, mode, &statement.language).and_then(|sign_on| {
            if !sign_on.email.is_empty() && !seen.insert(sign_on.email.clone()) {
                return Err(RowProblem::Repeated);
            }
            match super::db::find_by_email(conn, &statement.id, &sign_on.email) {
                Ok(Some(_)) if !sign_on.email.is_empty() => Err(RowProblem::Signed),
                Ok(_) => Ok(sign_on),
                Err(error) => {
                    tracing::warn!(%error, line, "could not check an imported address");
                    Err(RowProblem::Unchecked)
                }
            }
        });
        rows.push(RowVerdict {
            line,
            name,
            email,
            outcome,
        });
    }
    Ok(Preview {
        mapping,
        headers,
        rows,
    })
}

fn judge(
    mapping: &Mapping,
    record: &csv::StringRecord,
    mode: Mode,
    language: &str,
) -> Result<SignOn, RowProblem> {
    let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or_default();
    let name =
        crate::text::normalize_line(cell(mapping.name), 200).map_err(|_| RowProblem::Name)?;
    let email = match cell(mapping.email).trim() {
        "" if mode == Mode::List => String::new(),
        "" => return Err(RowProblem::EmailNeeded),
        text => crate::accounts::Email::parse(text)
            .ok_or_else(|| RowProblem::Email(text.to_owned()))?
            .as_str()
            .to_owned(),
    };
    let country = match cell(mapping.country).trim() {
        "" => None,
        text => Some(country_from(text).ok_or_else(|| RowProblem::Country(text.to_owned()))?),
    };
    let optional = |i: Option<usize>, max| {
        crate::text::normalize_optional_line(cell(i), max).map_err(|_| RowProblem::Field)
    };
    let website = optional(mapping.website, 300)?;
    if let Some(site) = &website
        && super::normalize::website_domain(site).is_none()
    {
        return Err(RowProblem::Website(site.clone()));
    }
    Ok(SignOn {
        kind: Kind::Organization,
        name,
        country,
        website,
        affiliation: None,
        city: None,
        signer_name: optional(mapping.signer_name, 120)?,
        signer_title: optional(mapping.signer_title, 120)?,
        email,
        authorized: false,
        comment: None,
        language: language.to_owned(),
    })
}

/// A country from its code or its English or Spanish name.
fn country_from(text: &str) -> Option<CountryCode> {
    CountryCode::parse(text).or_else(|| {
        let wanted = header_key(text);
        crate::i18n::Lang::ALL.iter().find_map(|lang| {
            crate::i18n::countries_sorted(*lang)
                .iter()
                .find(|(_, name)| header_key(name) == wanted)
                .map(|(c, _)| c.clone())
        })
    })
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the list cannot be read: {0:?}")]
    Unreadable(ListProblem),
    #[error(transparent)]
    Signing(#[from] signing::SigningError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Takes in every good row of the list, all in one transaction.
pub fn apply(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    statement: &Statement,
    revision: &Revision,
    actor: &Coordinator,
    text: &str,
    mode: Mode,
) -> Result<usize, ImportError> {
    crate::db::transaction(conn, |conn| {
        let preview = preview(conn, statement, text, mode).map_err(ImportError::Unreadable)?;
        let now = crate::db::now();
        let mut count = 0;
        for sign_on in preview.valid() {
            let id = crate::db::new_id();
            match mode {
                Mode::List => {
                    signing::store(
                        conn,
                        statement,
                        &id,
                        sign_on,
                        Status::Confirmed,
                        Source::Import,
                        &revision.id,
                        Some(now),
                    )?;
                }
                Mode::Confirm => {
                    signing::store(
                        conn,
                        statement,
                        &id,
                        sign_on,
                        Status::PendingEmail,
                        Source::Import,
                        &revision.id,
                        None,
                    )?;
                    signing::send_confirmation_for(conn, ctx, statement, &id, sign_on)?;
                }
            }
            count += 1;
        }
        super::refresh_counts(conn, &statement.id)?;
        let summary = Phrase::new(match mode {
            Mode::List => "audit-signature-import-listed",
            Mode::Confirm => "audit-signature-import-confirm",
        })
        .count("count", count);
        audit::record(
            conn,
            &statement.coalition_id,
            &Actor::Coordinator(actor),
            "signature.import",
            "statement",
            &statement.id,
            &summary,
        )?;
        Ok(count)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_text_is_read_and_judged_without_panicking(
            text in prop_oneof![
                "\\PC{0,400}",
                proptest::collection::vec(
                    prop_oneof![
                        Just(","), Just(";"), Just("\t"), Just("\""), Just("\n"), Just("\r\n"),
                        Just("\u{feff}"), Just("organization"), Just("email"), Just("country"),
                        Just("website"), Just("="), Just("ana@example.org"), Just("MX"),
                        Just("javascript://x"), Just("\"cap\"@x.org"), Just("x@[127.0.0.1]"),
                    ],
                    0..60,
                ).prop_map(|pieces| pieces.concat()),
            ],
        ) {
            let mut reader = reader(&text);
            let headers: Vec<String> = match reader.headers() {
                Ok(headers) => headers.iter().map(str::to_owned).collect(),
                Err(_) => return Ok(()),
            };
            let mapping = Mapping::from_headers(&headers);
            for record in reader.records().flatten() {
                if let Ok(sign_on) = judge(&mapping, &record, Mode::List, "en") {
                    prop_assert!(sign_on.email.is_empty() || !sign_on.email.contains(['"', '[']));
                    if let Some(site) = sign_on.website {
                        prop_assert!(super::super::normalize::website_domain(&site).is_some());
                    }
                }
            }
        }
    }

    #[test]
    fn english_and_spanish_headers_are_recognized() {
        let headers: Vec<String> = [
            "Organización",
            "País",
            "Correo electrónico",
            "Sitio web",
            "Contacto",
        ]
        .map(String::from)
        .to_vec();

        let mapping = Mapping::from_headers(&headers);

        assert_eq!(
            mapping,
            Mapping {
                name: Some(0),
                country: Some(1),
                email: Some(2),
                website: Some(3),
                signer_name: Some(4),
                signer_title: None
            }
        );
    }

    #[test]
    fn a_country_is_found_by_code_or_name_in_either_language() {
        assert_eq!(
            country_from("de").map(|c| c.as_str().to_owned()).as_deref(),
            Some("DE")
        );
        assert_eq!(
            country_from("Alemania")
                .map(|c| c.as_str().to_owned())
                .as_deref(),
            Some("DE")
        );
        assert_eq!(
            country_from("mexico")
                .map(|c| c.as_str().to_owned())
                .as_deref(),
            Some("MX")
        );
        assert!(country_from("Atlantis").is_none());
    }
}
