//! Importing the list a coalition kept before, through the import
//! pipeline (`crate::imports`): a "Signed by" block pasted from a document
//! (one organization per line, a trailing country split off), cells copied
//! from a spreadsheet, or a table with a header line (pasted, or uploaded
//! as CSV, XLSX or ODS). The preview gives a verdict per row and lets the
//! coordinator map the columns; the apply, in one transaction, lists the
//! good rows directly ("added by coordinator", approved by the importing
//! coordinator where the statement requires approval) or sends each a
//! confirmation mail.

mod apply;
mod plan;
pub mod routes;
pub mod terminal;
mod views;

pub use apply::{Import, ImportError, apply};
pub use plan::{Plan, plan};

use crate::i18n::{CountryCode, Lang, country_from_code_or_name, t, t_args};
use crate::imports::{Column, FileProblem, MAX_ROWS, Record};

/// The fields a column of a signature list can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Organization,
    Country,
    Website,
    Email,
    Contact,
    Title,
}

impl Column for Field {
    const ALL: &'static [Self] = &[
        Self::Organization,
        Self::Country,
        Self::Website,
        Self::Email,
        Self::Contact,
        Self::Title,
    ];
    const REQUIRED: Self = Self::Organization;

    fn as_str(self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Country => "country",
            Self::Website => "website",
            Self::Email => "email",
            Self::Contact => "contact",
            Self::Title => "title",
        }
    }

    fn label(self, lang: Lang) -> String {
        t(lang, &format!("import-column-{}", self.as_str()))
    }

    fn header_names(self) -> &'static [&'static str] {
        match self {
            Self::Organization => &[
                "organization",
                "organisation",
                "organization name",
                "name",
                "organizacion",
                "nombre",
                "nombre de la organizacion",
                "entidad",
            ],
            Self::Country => &["country", "pais"],
            Self::Website => &["website", "web", "url", "site", "sitio web", "pagina web"],
            Self::Email => &["email", "e mail", "mail", "correo", "correo electronico"],
            Self::Contact => &[
                "contact",
                "contact name",
                "signer",
                "signer name",
                "contacto",
                "firmante",
                "nombre del firmante",
            ],
            Self::Title => &["title", "role", "position", "cargo", "puesto"],
        }
    }
}

/// Which column holds which field of a signature.
pub type Mapping = crate::imports::Mapping<Field>;

/// Why a row is left out of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The address has signed the statement already.
    Signed,
    Name,
    EmailNeeded,
    Email(String),
    Country(String),
    Field,
    Website(String),
    Mapping(crate::imports::MappingProblem<Field>),
}

impl crate::imports::Reason for RowProblem {
    fn message(&self, lang: Lang) -> String {
        let with_value = |id: &str, value: &str| t_args(lang, id, &[("value", value.into())]);
        match self {
            Self::Signed => t(lang, "import-row-signed"),
            Self::Name => t(lang, "import-row-name"),
            Self::EmailNeeded => t(lang, "import-row-email-needed"),
            Self::Email(text) => with_value("import-row-email", text),
            Self::Country(text) => with_value("import-row-country", text),
            Self::Field => t(lang, "import-row-field"),
            Self::Website(text) => with_value("import-row-website", text),
            Self::Mapping(problem) => problem.message(lang),
        }
    }
}

/// How a list was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A header line names the columns.
    Header,
    /// Cells copied from a spreadsheet (or a workbook without a header):
    /// organization, then country, unless mapped otherwise.
    Cells,
    /// One organization per line, a trailing ", <country>" split off.
    Lines,
}

/// How the good rows are taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Listed at once, shown as added by a coordinator.
    List,
    /// Each row gets a confirmation mail and is listed once confirmed.
    Confirm,
}

impl Mode {
    pub fn parse(text: &str) -> Self {
        if text == "confirm" {
            Self::Confirm
        } else {
            Self::List
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Confirm => "confirm",
        }
    }
}

/// A list as read: its layout, its header (blank cells without one), the
/// guessed mapping and its rows.
#[derive(Debug, Clone)]
pub struct Read {
    pub layout: Layout,
    pub headers: Vec<String>,
    pub guess: Mapping,
    pub records: Vec<Record>,
}

/// The rows of a list and what its columns hold. A first line whose cells
/// name the organization's column is a header; without one, cells copied
/// from a spreadsheet (tab-separated) are read as organization and
/// country, and any other text as one organization per line.
pub fn read(text: &str) -> Result<Read, FileProblem> {
    let records = crate::imports::sheet::read_text(text)?;
    if let Some((_, first)) = records.first() {
        let guess = Mapping::guess(first);
        if guess.holds(Field::Organization) {
            let headers = first.iter().map(|h| h.trim().to_owned()).collect();
            let records = records.into_iter().skip(1).collect();
            return Ok(Read {
                layout: Layout::Header,
                headers,
                guess,
                records,
            });
        }
    }
    if crate::imports::sheet::delimiter(text) == b'\t' {
        let width = records.iter().map(|(_, r)| r.len()).max().unwrap_or(1);
        return Ok(Read {
            layout: Layout::Cells,
            headers: vec![String::new(); width.max(2)],
            guess: positional(width.max(2)),
            records,
        });
    }
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() || (lines.is_empty() && is_list_title(line)) {
            continue;
        }
        if lines.len() >= MAX_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        let (name, country) = split_country(line);
        lines.push((index as u64 + 1, vec![name.to_owned(), country.to_owned()]));
    }
    if lines.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(Read {
        layout: Layout::Lines,
        headers: vec![String::new(); 2],
        guess: positional(2),
        records: lines,
    })
}

/// Organization, then country, then nothing: a list without a header.
fn positional(width: usize) -> Mapping {
    let mut fields = vec![Some(Field::Organization), Some(Field::Country)];
    fields.resize(width, None);
    crate::imports::Mapping(fields)
}

/// "Signed by", "Firmado por:" and the like, above a pasted list.
fn is_list_title(line: &str) -> bool {
    matches!(
        crate::text::fold(line).as_str(),
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
            let Ok(read) = read(&text) else {
                return Ok(());
            };
            for (_, record) in &read.records {
                if let Ok(sign_on) = plan::check(&read.guess, record, Mode::List, "en") {
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

        let mapping = Mapping::guess(&headers);

        assert_eq!(
            mapping.0,
            [
                Some(Field::Organization),
                Some(Field::Country),
                Some(Field::Email),
                Some(Field::Website),
                Some(Field::Contact),
            ]
        );
    }

    fn pasted(text: &str) -> Vec<Vec<String>> {
        let read = read(text).expect("readable");
        assert_eq!(read.layout, Layout::Lines);
        read.records.into_iter().map(|(_, cells)| cells).collect()
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
        let header = read("organización;país\nSin Fronteras, I.A.P.;MX\n").expect("readable");
        let cells = read("Sin Fronteras, I.A.P.\tMéxico\nACCSS\tGuatemala\n").expect("readable");

        assert_eq!(header.layout, Layout::Header);
        assert_eq!(
            header.guess.0,
            [Some(Field::Organization), Some(Field::Country)]
        );
        assert_eq!(header.records[0].1, ["Sin Fronteras, I.A.P.", "MX"]);
        assert_eq!(cells.layout, Layout::Cells);
        assert_eq!(cells.records[1].1, ["ACCSS", "Guatemala"]);
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
