//! The plan of an import: what each row of the table will do, made the
//! same way for every area. The area checks a row's cells into its values
//! and says what the values do against what is stored; the plan merges the
//! later rows of an address into its first row, rejects every row when the
//! mapping cannot be imported, and counts.

use sha2::{Digest, Sha256};

use super::columns::{Column, Mapping, MappingProblem};
use super::sheet::Record;
use crate::i18n::{Lang, t, t_args};

/// A row's checked values.
pub trait Row {
    /// The address the row is for, in one case; later rows with the same
    /// one are merged into the first.
    fn key(&self) -> Option<&str>;
    /// Takes in a later row of the same address: its values fill the
    /// empty ones.
    fn absorb(&mut self, later: Self);
}

/// Why a row is left out, in the reader's language.
pub trait Reason {
    fn message(&self, lang: Lang) -> String;
}

/// What a row will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict<V, R> {
    Create(V),
    /// Update what is stored under this id.
    Update(String, V),
    /// Taken into the row on this earlier line, which has the same address.
    Merged(u64),
    Reject(R),
}

impl<V, R: Reason> Verdict<V, R> {
    /// The verdict in words, for the report.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Self::Create(_) => t(lang, "import-verdict-create"),
            Self::Update(..) => t(lang, "import-verdict-update"),
            Self::Merged(line) => {
                t_args(lang, "import-verdict-merged", &[("line", (*line).into())])
            }
            Self::Reject(why) => t_args(
                lang,
                "import-verdict-rejected",
                &[("why", why.message(lang).into())],
            ),
        }
    }

    /// The verdict's kind: `create`, `update`, `merge` or `reject`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Create(_) => "create",
            Self::Update(..) => "update",
            Self::Merged(_) => "merge",
            Self::Reject(_) => "reject",
        }
    }

    /// The values the row writes, if it writes.
    pub fn values(&self) -> Option<&V> {
        match self {
            Self::Create(values) | Self::Update(_, values) => Some(values),
            Self::Merged(_) | Self::Reject(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PlannedRow<V, R> {
    /// The line of the file the row starts on.
    pub line: u64,
    /// The cells the report shows, as the area chose them.
    pub cells: Vec<String>,
    pub verdict: Verdict<V, R>,
}

#[derive(Debug, Clone)]
pub struct Plan<F, V, R> {
    pub headers: Vec<String>,
    pub mapping: Mapping<F>,
    pub rows: Vec<PlannedRow<V, R>>,
}

impl<F: Column, V, R: Reason> Plan<F, V, R> {
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

    /// The rows that write, in the order of the file.
    pub fn writes(&self) -> impl Iterator<Item = &Verdict<V, R>> {
        self.rows
            .iter()
            .map(|r| &r.verdict)
            .filter(|v| v.values().is_some())
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

/// What an area brings to a plan.
pub struct Rules<C, T, S, U> {
    /// Checks a row's cells into its values.
    pub check: C,
    /// Says what a row's values do against what is stored: create, update
    /// or reject. Asked once per address, for its first row.
    pub target: T,
    /// The cells the report shows for a row.
    pub shown: S,
    /// The reason every row is rejected when the mapping cannot be
    /// imported.
    pub unmapped: U,
}

/// Says what each record will do; changes nothing.
pub fn plan<F, V, R, C, T, S, U>(
    headers: &[String],
    records: &[Record],
    mapping: &Mapping<F>,
    mut rules: Rules<C, T, S, U>,
) -> Plan<F, V, R>
where
    F: Column,
    V: Row,
    R: Reason,
    C: FnMut(&[String]) -> Result<V, R>,
    T: FnMut(V) -> Verdict<V, R>,
    S: Fn(&[String]) -> Vec<String>,
    U: Fn(MappingProblem<F>) -> R,
{
    let problem = mapping.problem();
    // The row each address was first taken in by, so later rows of the
    // same address are merged into it, not refused.
    let mut first_of: std::collections::HashMap<String, usize> = Default::default();
    let mut rows: Vec<PlannedRow<V, R>> = Vec::with_capacity(records.len());
    for (line, record) in records {
        let checked = match problem {
            Some(problem) => Err((rules.unmapped)(problem)),
            None => (rules.check)(record),
        };
        let merged_into = checked
            .as_ref()
            .ok()
            .and_then(|v| v.key())
            .and_then(|key| first_of.get(key).copied());
        let verdict = match (merged_into, checked) {
            (Some(index), Ok(later)) => {
                let first = &mut rows[index];
                if let Verdict::Create(values) | Verdict::Update(_, values) = &mut first.verdict {
                    values.absorb(later);
                }
                Verdict::Merged(first.line)
            }
            (_, Err(why)) => Verdict::Reject(why),
            (None, Ok(values)) => {
                let verdict = (rules.target)(values);
                if let Some(key) = verdict.values().and_then(Row::key) {
                    first_of.insert(key.to_owned(), rows.len());
                }
                verdict
            }
        };
        rows.push(PlannedRow {
            line: *line,
            cells: (rules.shown)(record),
            verdict,
        });
    }
    Plan {
        headers: headers.to_vec(),
        mapping: mapping.clone(),
        rows,
    }
}
