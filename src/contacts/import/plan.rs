//! The plan of a contacts import: a row checked into a contact's values,
//! and what they do against the coalition's contacts.

use std::collections::HashMap;

use diesel::QueryResult;

use super::{Mapping, Verdict};
use crate::contacts::db;
use crate::contacts::fields::{self, Field, Problem};
use crate::db::DbConn;
use crate::i18n::Lang;
use crate::imports::{MappingProblem, Record, Rules};

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

impl crate::imports::Row for Values {
    fn key(&self) -> Option<&str> {
        Some(&self.email)
    }

    /// Its cells fill the empty ones, its tags are added and a
    /// do-not-contact mark is kept.
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
    Mapping(MappingProblem<Field>),
}

impl crate::imports::Reason for Rejection {
    fn message(&self, lang: Lang) -> String {
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

/// A contacts plan.
pub type Plan = crate::imports::Plan<Field, Values, Rejection>;

fn values(mapping: &Mapping, record: &[String]) -> Result<Values, Vec<Problem>> {
    let cell = |field| mapping.cell(record, field, " ");
    let mut problems = Vec::new();
    let email = fields::keep(&mut problems, fields::email(&cell(Field::Email)));
    let mut line = |field| fields::keep(&mut problems, fields::optional_line(field, &cell(field)));
    let name = line(Field::Name);
    let phone = line(Field::Phone);
    let outlet = line(Field::Outlet);
    let role = line(Field::Role);
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

fn verdict(values: Values, existing: &HashMap<String, String>) -> Verdict {
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
    records: &[Record],
    mapping: &Mapping,
) -> QueryResult<Plan> {
    let existing = db::keys(conn, coalition_id)?;
    let rules = Rules {
        check: |record: &[String]| values(mapping, record).map_err(Rejection::Problems),
        target: |values| verdict(values, &existing),
        shown: |record: &[String]| {
            vec![
                mapping.cell(record, Field::Email, " "),
                mapping.cell(record, Field::Name, " "),
            ]
        },
        unmapped: Rejection::Mapping,
    };
    Ok(crate::imports::plan(headers, records, mapping, rules))
}
