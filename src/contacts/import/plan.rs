//! The plan of an import: what each row of the file will do.

use std::collections::HashMap;

use diesel::QueryResult;
use sha2::{Digest, Sha256};

use super::{Mapping, MappingProblem};
use crate::contacts::db;
use crate::contacts::fields::{self, Field, Problem};
use crate::db::DbConn;
use crate::i18n::{Lang, t, t_args};

/// A row's values, checked. Optional fields are `None` when the cell is
/// empty: an update then keeps what is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values {
    pub email: String,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub outlet: Option<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub do_not_contact: bool,
}

/// Why a row is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Problems(Vec<Problem>),
    /// The same address is on an earlier line of the file.
    Repeated(u64),
    /// The columns are mapped so that no row can be read.
    Mapping(MappingProblem),
}

impl Rejection {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Problems(problems) => problems
                .iter()
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
                .join(" "),
            Self::Mapping(problem) => problem.message(lang),
            Self::Repeated(line) => t_args(
                lang,
                "contacts-import-repeated",
                &[("line", (*line).into())],
            ),
        }
    }
}

/// What a row will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Create(Values),
    /// Update the contact with this id.
    Update(String, Values),
    Reject(Rejection),
}

impl Verdict {
    /// The verdict in words, for the report.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Self::Create(_) => t(lang, "contacts-import-will-create"),
            Self::Update(..) => t(lang, "contacts-import-will-update"),
            Self::Reject(why) => t_args(
                lang,
                "contacts-import-rejected",
                &[("why", why.message(lang).into())],
            ),
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Create(_) => "create",
            Self::Update(..) => "update",
            Self::Reject(_) => "reject",
        }
    }
}

#[derive(Debug, Clone)]
pub struct PlannedRow {
    /// The line of the file the row starts on.
    pub line: u64,
    /// The address and name as written, for the report.
    pub email: String,
    pub name: String,
    pub verdict: Verdict,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub headers: Vec<String>,
    pub mapping: Mapping,
    pub rows: Vec<PlannedRow>,
}

impl Plan {
    pub fn count(&self, code: &str) -> usize {
        self.rows
            .iter()
            .filter(|r| r.verdict.code() == code)
            .count()
    }

    pub fn created(&self) -> usize {
        self.count("create")
    }

    pub fn updated(&self) -> usize {
        self.count("update")
    }

    pub fn rejected(&self) -> usize {
        self.count("reject")
    }

    /// Identifies what the plan will do, row by row: applying checks that
    /// the plan it makes is still the one the coordinator saw.
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        for row in &self.rows {
            let target = match &row.verdict {
                Verdict::Update(id, _) => id.as_str(),
                _ => "",
            };
            hash.update(format!("{}:{}:{}\n", row.line, row.verdict.code(), target));
        }
        hex::encode(&hash.finalize()[..16])
    }
}

fn values(mapping: &Mapping, record: &[String]) -> Result<Values, Vec<Problem>> {
    let cell = |field| mapping.cell(record, field, " ");
    let mut problems = Vec::new();
    let email = fields::keep(&mut problems, fields::email(&cell(Field::Email)));
    let name = fields::keep(
        &mut problems,
        fields::optional_line(Field::Name, &cell(Field::Name)),
    );
    let phone = fields::keep(
        &mut problems,
        fields::optional_line(Field::Phone, &cell(Field::Phone)),
    );
    let outlet = fields::keep(
        &mut problems,
        fields::optional_line(Field::Outlet, &cell(Field::Outlet)),
    );
    let role = fields::keep(
        &mut problems,
        fields::optional_line(Field::Role, &cell(Field::Role)),
    );
    let country = fields::keep(&mut problems, fields::country(&cell(Field::Country)));
    let language = fields::keep(&mut problems, fields::language(&cell(Field::Language)));
    let notes = fields::keep(
        &mut problems,
        fields::notes(&mapping.cell(record, Field::Notes, "\n")),
    );
    let tags = fields::keep(
        &mut problems,
        fields::tags(&mapping.cell(record, Field::Tags, ",")),
    );
    let do_not_contact = fields::keep(&mut problems, fields::yes_no(&cell(Field::DoNotContact)));
    let (
        Some(email),
        Some(name),
        Some(phone),
        Some(outlet),
        Some(role),
        Some(country),
        Some(language),
        Some(notes),
        Some(tags),
        Some(do_not_contact),
    ) = (
        email,
        name,
        phone,
        outlet,
        role,
        country,
        language,
        notes,
        tags,
        do_not_contact,
    )
    else {
        return Err(problems);
    };
    Ok(Values {
        email,
        name,
        phone,
        outlet,
        role,
        country: country.map(|c| c.as_str().to_owned()),
        language,
        notes,
        tags,
        do_not_contact,
    })
}

fn verdict(
    values: Result<Values, Rejection>,
    existing: &HashMap<String, String>,
    seen: &mut HashMap<String, u64>,
    line: u64,
) -> Verdict {
    let values = match values {
        Ok(values) => values,
        Err(rejection) => return Verdict::Reject(rejection),
    };
    if let Some(first) = seen.get(&values.email) {
        return Verdict::Reject(Rejection::Repeated(*first));
    }
    seen.insert(values.email.clone(), line);
    match existing.get(&values.email) {
        Some(id) => Verdict::Update(id.clone(), values),
        None if values.name.is_none() => {
            Verdict::Reject(Rejection::Problems(vec![Problem::Missing(Field::Name)]))
        }
        None => Verdict::Create(values),
    }
}

/// Reads the file and says what each row will do; changes nothing.
pub fn plan(
    conn: &mut DbConn,
    coalition_id: &str,
    headers: &[String],
    records: &[super::Record],
    mapping: &Mapping,
) -> QueryResult<Plan> {
    let existing = db::keys(conn, coalition_id)?;
    let mut seen = HashMap::new();
    let rows = records
        .iter()
        .map(|(line, record)| {
            let checked = match mapping.problem() {
                Some(problem) => Err(Rejection::Mapping(problem)),
                None => values(mapping, record).map_err(Rejection::Problems),
            };
            PlannedRow {
                line: *line,
                email: mapping.cell(record, Field::Email, " "),
                name: mapping.cell(record, Field::Name, " "),
                verdict: verdict(checked, &existing, &mut seen, *line),
            }
        })
        .collect();
    Ok(Plan {
        headers: headers.to_vec(),
        mapping: mapping.clone(),
        rows,
    })
}
