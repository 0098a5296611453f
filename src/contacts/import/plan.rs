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

impl Values {
    /// Takes in a later row of the same address: its cells fill the empty
    /// ones, its tags are added and a do-not-contact mark is kept.
    fn absorb(&mut self, later: Values) {
        let fill = |mine: &mut Option<String>, theirs: Option<String>| {
            if mine.is_none() {
                *mine = theirs;
            }
        };
        fill(&mut self.name, later.name);
        fill(&mut self.phone, later.phone);
        fill(&mut self.outlet, later.outlet);
        fill(&mut self.role, later.role);
        fill(&mut self.country, later.country);
        fill(&mut self.language, later.language);
        fill(&mut self.notes, later.notes);
        for tag in later.tags {
            if !self.tags.contains(&tag) {
                self.tags.push(tag);
            }
        }
        self.do_not_contact |= later.do_not_contact;
    }
}

/// Why a row is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Problems(Vec<Problem>),
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
        }
    }
}

/// What a row will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Create(Values),
    /// Update the contact with this id.
    Update(String, Values),
    /// Taken into the row on this earlier line, which has the same address.
    Merged(u64),
    Reject(Rejection),
}

impl Verdict {
    /// The verdict in words, for the report.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Self::Create(_) => t(lang, "contacts-import-will-create"),
            Self::Update(..) => t(lang, "contacts-import-will-update"),
            Self::Merged(line) => {
                t_args(lang, "contacts-import-merged", &[("line", (*line).into())])
            }
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
            Self::Merged(_) => "merge",
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

    pub fn merged(&self) -> usize {
        self.count("merge")
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

fn verdict(values: Result<Values, Rejection>, existing: &HashMap<String, String>) -> Verdict {
    let values = match values {
        Ok(values) => values,
        Err(rejection) => return Verdict::Reject(rejection),
    };
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
    // The row each address was first taken in by, so later rows of the
    // same address (in any case) are merged into it, not refused.
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut rows: Vec<PlannedRow> = Vec::with_capacity(records.len());
    for (line, record) in records {
        let checked = match mapping.problem() {
            Some(problem) => Err(Rejection::Mapping(problem)),
            None => values(mapping, record).map_err(Rejection::Problems),
        };
        let merged_into = checked
            .as_ref()
            .ok()
            .and_then(|v| first_of.get(&v.email).copied());
        let verdict = match (merged_into, checked) {
            (Some(index), Ok(later)) => {
                let first = &mut rows[index];
                if let Verdict::Create(values) | Verdict::Update(_, values) = &mut first.verdict {
                    values.absorb(later);
                }
                Verdict::Merged(first.line)
            }
            (_, checked) => {
                let verdict = verdict(checked, &existing);
                if let Verdict::Create(values) | Verdict::Update(_, values) = &verdict {
                    first_of.insert(values.email.clone(), rows.len());
                }
                verdict
            }
        };
        rows.push(PlannedRow {
            line: *line,
            email: mapping.cell(record, Field::Email, " "),
            name: mapping.cell(record, Field::Name, " "),
            verdict,
        });
    }
    Ok(Plan {
        headers: headers.to_vec(),
        mapping: mapping.clone(),
        rows,
    })
}
