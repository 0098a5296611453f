//! The plan of a signature import: a row checked into a sign-on, and
//! whether its address has signed already.

use diesel::QueryResult;

use super::{Field, Mapping, Mode, Read, RowProblem};
use crate::db::DbConn;
use crate::i18n::{Lang, country_from_code_or_name};
use crate::imports::{Rules, Verdict};
use crate::signatures::Kind;
use crate::signatures::signing::SignOn;
use crate::statements::Statement;

/// A signatures plan.
pub type Plan = crate::imports::Plan<Field, SignOn, RowProblem>;

impl crate::imports::Row for SignOn {
    fn key(&self) -> Option<&str> {
        (!self.email.is_empty()).then_some(self.email.as_str())
    }

    fn absorb(&mut self, later: SignOn) {
        let fill = |mine: &mut Option<String>, theirs: Option<String>| {
            if mine.is_none() {
                *mine = theirs;
            }
        };
        if self.country.is_none() {
            self.country = later.country;
        }
        fill(&mut self.website, later.website);
        fill(&mut self.signer_name, later.signer_name);
        fill(&mut self.signer_title, later.signer_title);
    }
}

/// A country as `lang` names it, or as written when it is not one.
fn country_shown(lang: Lang, written: &str) -> String {
    match country_from_code_or_name(written) {
        Some(code) => crate::i18n::country_name(&code, lang).to_owned(),
        None => written.to_owned(),
    }
}

/// The fields the report shows: every mapped one, in the order of
/// [`Field`].
pub fn shown_fields(mapping: &Mapping) -> impl Iterator<Item = Field> + '_ {
    use crate::imports::Column;
    Field::ALL.iter().copied().filter(|f| mapping.holds(*f))
}

/// Says what each row of the list will do, its cells shown in `lang`;
/// changes nothing.
pub fn plan(
    conn: &mut DbConn,
    statement: &Statement,
    read: &Read,
    mapping: &Mapping,
    mode: Mode,
    lang: Lang,
) -> QueryResult<Plan> {
    let signed = crate::signatures::db::signed_emails(conn, &statement.id)?;
    let target = |sign_on: SignOn| {
        if !sign_on.email.is_empty() && signed.contains(&sign_on.email) {
            Verdict::Reject(RowProblem::Signed)
        } else {
            Verdict::Create(sign_on)
        }
    };
    let rules = Rules {
        check: |record: &[String]| check(mapping, record, mode, &statement.language),
        target,
        shown: |record: &[String]| {
            shown_fields(mapping)
                .map(|field| {
                    let cell = mapping.cell(record, field, " ");
                    match field {
                        Field::Country => country_shown(lang, &cell),
                        Field::Email => cell.to_lowercase(),
                        _ => cell,
                    }
                })
                .collect()
        },
        unmapped: RowProblem::Mapping,
    };
    Ok(crate::imports::plan(
        &read.headers,
        &read.records,
        mapping,
        rules,
    ))
}

/// A row's cells checked into a sign-on.
pub(super) fn check(
    mapping: &Mapping,
    record: &[String],
    mode: Mode,
    language: &str,
) -> Result<SignOn, RowProblem> {
    let cell = |field| mapping.cell(record, field, " ");
    let name = crate::text::normalize_line(&cell(Field::Organization), 200)
        .map_err(|_| RowProblem::Name)?;
    let email = match cell(Field::Email).trim() {
        "" if mode == Mode::List => String::new(),
        "" => return Err(RowProblem::EmailNeeded),
        text => crate::accounts::Email::parse(text)
            .ok_or_else(|| RowProblem::Email(text.to_owned()))?
            .as_str()
            .to_owned(),
    };
    let country = match cell(Field::Country).trim() {
        "" => None,
        text => Some(
            country_from_code_or_name(text).ok_or_else(|| RowProblem::Country(text.to_owned()))?,
        ),
    };
    let optional = |field, max| {
        crate::text::normalize_optional_line(&cell(field), max).map_err(|_| RowProblem::Field)
    };
    let website = optional(Field::Website, 300)?;
    if let Some(site) = &website
        && crate::signatures::normalize::website_domain(site).is_none()
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
        signer_name: optional(Field::Contact, 120)?,
        signer_title: optional(Field::Title, 120)?,
        email,
        authorized: false,
        comment: None,
        language: language.to_owned(),
    })
}
