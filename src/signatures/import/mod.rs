//! Importing the list a coalition kept before: a "Signed by" block pasted
//! from a document (one organization per line, a trailing country split
//! off), or a table with a header line (CSV, or cells copied from a
//! spreadsheet). A preview gives a verdict per row, then one transaction
//! lists the good rows directly ("added by coordinator", approved by the
//! importing coordinator where the statement requires approval) or sends
//! each a confirmation mail.

pub mod routes;
mod views;

use super::signing::{self, Ctx, SignOn};
use super::{Kind, Source, Status};
use crate::accounts::Coordinator;
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::{CountryCode, Lang, Phrase, country_from_code_or_name, t, t_args};
use crate::sheets::Record;
use crate::statements::{Revision, Statement};

pub use crate::sheets::MAX_ROWS;

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
    /// The country as written.
    pub country: String,
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

/// Why a whole list cannot be previewed: nothing in it can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListProblem {
    File(crate::sheets::FileProblem),
}

impl ListProblem {
    /// The problem in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::File(problem) => problem.message(lang),
        }
    }
}

/// How a pasted list was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A header line names the columns.
    Header,
    /// Cells copied from a spreadsheet: organization, then country.
    Cells,
    /// One organization per line, a trailing ", <country>" split off.
    Lines,
}

#[derive(Debug, Clone)]
pub struct Preview {
    pub layout: Layout,
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

/// The rows of a pasted list and what its columns hold. A first line
/// whose cells name the columns is a header; without one, cells copied
/// from a spreadsheet (tab-separated) are read as organization and
/// country, and any other text as one organization per line.
fn read(text: &str) -> Result<(Layout, Mapping, Vec<String>, Vec<Record>), ListProblem> {
    let records = crate::sheets::read_text(text).map_err(ListProblem::File)?;
    if let Some((_, first)) = records.first() {
        let mapping = Mapping::from_headers(first);
        if mapping.name.is_some() {
            let headers = first.clone();
            let rows = records.into_iter().skip(1).collect();
            return Ok((Layout::Header, mapping, headers, rows));
        }
    }
    let headers = vec![String::new(), String::new()];
    let mapping = Mapping {
        name: Some(0),
        country: Some(1),
        ..Mapping::default()
    };
    if crate::sheets::delimiter(text) == b'\t' {
        return Ok((Layout::Cells, mapping, headers, records));
    }
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() || (lines.is_empty() && is_list_title(line)) {
            continue;
        }
        if lines.len() >= MAX_ROWS {
            return Err(ListProblem::File(crate::sheets::FileProblem::TooManyRows));
        }
        let (name, country) = split_country(line);
        lines.push((index as u64 + 1, vec![name.to_owned(), country.to_owned()]));
    }
    Ok((Layout::Lines, mapping, headers, lines))
}

/// "Signed by", "Firmado por:" and the like, above a pasted list.
fn is_list_title(line: &str) -> bool {
    matches!(
        header_key(line).as_str(),
        "signed by"
            | "signed"
            | "signatories"
            | "signers"
            | "endorsed by"
            | "firmado por"
            | "firmada por"
            | "firman"
            | "firmantes"
            | "suscriben"
            | "organizaciones firmantes"
    )
}

/// Legal forms written without dots that are also country codes: "Agua
/// Viva, AC" is an asociación civil, not Ascension Island.
const LEGAL_FORMS: &[&str] = &["AC", "SC", "SA", "CV", "SL", "AG", "AS", "BV", "RL"];

/// A line of a "Signed by" block: the organization, and the text of its
/// country when the line ends in ", <country>" (a country name in English
/// or Spanish, or an ISO code in capitals). Any other comma belongs to the
/// name: "Sin Fronteras, I.A.P." stays whole.
fn split_country(line: &str) -> (&str, &str) {
    let Some((name, tail)) = line.rsplit_once(',') else {
        return (line, "");
    };
    let (name, tail) = (name.trim_end(), tail.trim());
    let is_code = tail.len() == 2
        && tail.chars().all(|c| c.is_ascii_uppercase())
        && !LEGAL_FORMS.contains(&tail);
    let is_name = tail.chars().count() > 2 && country_from_code_or_name(tail).is_some();
    if !name.is_empty() && (is_code && CountryCode::parse(tail).is_some() || is_name) {
        (name, tail)
    } else {
        (line, "")
    }
}

/// Reads the pasted list and judges each row, without changing anything.
pub fn preview(
    conn: &mut DbConn,
    statement: &Statement,
    text: &str,
    mode: Mode,
) -> Result<Preview, ListProblem> {
    let (layout, mapping, headers, records) = read(text)?;
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for (line, record) in &records {
        let line = *line as usize;
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(|c| c.trim())
                .unwrap_or_default()
                .to_owned()
        };
        let (name, email) = (cell(mapping.name), cell(mapping.email).to_lowercase());
        let outcome = judge(&mapping, record, mode, &statement.language).and_then(|sign_on| {
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
            country: cell(mapping.country),
            email,
            outcome,
        });
    }
    Ok(Preview {
        layout,
        mapping,
        headers,
        rows,
    })
}

fn judge(
    mapping: &Mapping,
    record: &[String],
    mode: Mode,
    language: &str,
) -> Result<SignOn, RowProblem> {
    let cell = |i: Option<usize>| {
        i.and_then(|i| record.get(i))
            .map(String::as_str)
            .unwrap_or_default()
    };
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
        text => Some(
            country_from_code_or_name(text).ok_or_else(|| RowProblem::Country(text.to_owned()))?,
        ),
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
                    // The coordinator's import is the approval.
                    if statement.requires_approval {
                        super::db::mark_approved(conn, &id, true, &actor.name, now)?;
                    }
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
            let Ok((_, mapping, _, records)) = read(&text) else {
                return Ok(());
            };
            for (_, record) in &records {
                if let Ok(sign_on) = judge(&mapping, record, Mode::List, "en") {
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

    fn pasted(text: &str) -> Vec<Vec<String>> {
        let (layout, _, _, records) = read(text).expect("readable");
        assert_eq!(layout, Layout::Lines);
        records.into_iter().map(|(_, cells)| cells).collect()
    }

    #[test]
    fn a_signed_by_block_keeps_commas_that_are_not_countries() {
        let block = "Firmado por:\n\u{a0}Sin Fronteras, I.A.P.\u{a0}\nAsociación Pop No’j, Guatemala\n\nACCSS, guatemala\nAgua Viva, AC\nCentro Prodh (México) | Derechos\nFundación X, MX\nRed – Jesuita, Estados Unidos\n";

        let rows = pasted(block);

        let expected: Vec<Vec<String>> = [
            ["Sin Fronteras, I.A.P.", ""],
            ["Asociación Pop No’j", "Guatemala"],
            ["ACCSS", "guatemala"],
            ["Agua Viva, AC", ""],
            ["Centro Prodh (México) | Derechos", ""],
            ["Fundación X", "MX"],
            ["Red – Jesuita", "Estados Unidos"],
        ]
        .iter()
        .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
        .collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn a_header_line_or_spreadsheet_cells_are_read_as_columns() {
        let (header, mapping, _, rows) =
            read("organización;país\nSin Fronteras, I.A.P.;MX\n").expect("readable");
        let (cells, _, _, copied) =
            read("Sin Fronteras, I.A.P.\tMéxico\nACCSS\tGuatemala\n").expect("readable");

        assert_eq!(header, Layout::Header);
        assert_eq!(mapping.country, Some(1));
        assert_eq!(rows[0].1, ["Sin Fronteras, I.A.P.", "MX"]);
        assert_eq!(cells, Layout::Cells);
        assert_eq!(copied[1].1, ["ACCSS", "Guatemala"]);
    }

    #[test]
    fn a_country_is_found_by_code_or_name_in_either_language() {
        assert_eq!(
            country_from_code_or_name("de")
                .map(|c| c.as_str().to_owned())
                .as_deref(),
            Some("DE")
        );
        assert_eq!(
            country_from_code_or_name("Alemania")
                .map(|c| c.as_str().to_owned())
                .as_deref(),
            Some("DE")
        );
        assert_eq!(
            country_from_code_or_name("mexico")
                .map(|c| c.as_str().to_owned())
                .as_deref(),
            Some("MX")
        );
        assert!(country_from_code_or_name("Atlantis").is_none());
    }
}
