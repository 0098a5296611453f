//! Which column of a table holds which field: guessed from the header
//! names in English or Spanish, changed by the coordinator in the preview.
//! Each importing area names its fields by implementing [`Column`].

use crate::i18n::{Lang, t, t_args};

/// A field an import can fill.
pub trait Column: Copy + Eq + std::fmt::Debug + 'static {
    /// Every field, in the order the preview offers them.
    const ALL: &'static [Self];
    /// The field no row can do without: a mapping without it is refused.
    const REQUIRED: Self;

    /// The name of the field in forms and query strings.
    fn as_str(self) -> &'static str;
    /// The field's label in `lang`.
    fn label(self, lang: Lang) -> String;
    /// Header names that mean this field, folded (see
    /// [`crate::text::fold`]).
    fn header_names(self) -> &'static [&'static str];
    /// Whether several columns may fill the field, their cells joined.
    fn may_repeat(self) -> bool {
        false
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|f| f.as_str() == text)
    }
}

/// The field of each column, `None` for a column left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping<F>(pub Vec<Option<F>>);

/// Why a mapping cannot be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappingProblem<F> {
    /// No column holds the required field.
    Missing(F),
    /// Two columns hold a field that takes one.
    Twice(F),
}

impl<F: Column> MappingProblem<F> {
    pub fn message(self, lang: Lang) -> String {
        let (id, field) = match self {
            Self::Missing(field) => ("import-column-missing", field),
            Self::Twice(field) => ("import-column-twice", field),
        };
        t_args(lang, id, &[("field", field.label(lang).into())])
    }
}

impl<F: Column> Mapping<F> {
    /// Recognizes the header names; a field named twice keeps its first
    /// column.
    pub fn guess(headers: &[String]) -> Self {
        let mut taken = Vec::new();
        let fields = headers
            .iter()
            .map(|header| {
                let folded = crate::text::fold(header);
                let field = F::ALL
                    .iter()
                    .copied()
                    .find(|f| f.header_names().contains(&folded.as_str()))?;
                if taken.contains(&field) && !field.may_repeat() {
                    return None;
                }
                taken.push(field);
                Some(field)
            })
            .collect();
        Self(fields)
    }

    /// `guess` with the choices of the preview form applied:
    /// `col0=email&col1=name…`, `ignore` for a column left out. Columns the
    /// form did not mention keep the guess.
    pub fn chosen(guess: Self, pairs: &[(String, String)]) -> Self {
        let mut mapping = guess;
        for (key, value) in pairs {
            let Some(index) = key
                .strip_prefix("col")
                .and_then(|i| i.parse::<usize>().ok())
            else {
                continue;
            };
            if let Some(slot) = mapping.0.get_mut(index) {
                *slot = F::parse(value);
            }
        }
        mapping
    }

    /// The fields as form pairs, to carry the mapping to the next step.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("col{i}"), f.map_or("ignore", F::as_str).to_owned()))
            .collect()
    }

    pub fn holds(&self, field: F) -> bool {
        self.0.contains(&Some(field))
    }

    pub fn problem(&self) -> Option<MappingProblem<F>> {
        if !self.holds(F::REQUIRED) {
            return Some(MappingProblem::Missing(F::REQUIRED));
        }
        F::ALL.iter().copied().find_map(|field| {
            let columns = self.0.iter().filter(|f| **f == Some(field)).count();
            (columns > 1 && !field.may_repeat()).then_some(MappingProblem::Twice(field))
        })
    }

    /// The cells of `record` that go to `field`, trimmed and joined with
    /// `joiner`.
    pub fn cell(&self, record: &[String], field: F, joiner: &str) -> String {
        let cells: Vec<&str> = self
            .0
            .iter()
            .enumerate()
            .filter(|(_, f)| **f == Some(field))
            .filter_map(|(i, _)| record.get(i).map(|c| unneutralized(c.trim())))
            .filter(|c| !c.is_empty())
            .collect();
        cells.join(joiner)
    }
}

/// The label of a column in the preview: its header, or its position when
/// the table has no header line.
pub fn column_label(lang: Lang, headers: &[String], index: usize) -> String {
    match headers.get(index).map(|h| h.trim()) {
        Some(header) if !header.is_empty() => header.to_owned(),
        _ => t_args(
            lang,
            "import-column-number",
            &[("number", (index + 1).into())],
        ),
    }
}

/// The label of a column left out.
pub fn ignored(lang: Lang) -> String {
    t(lang, "import-column-ignore")
}

/// A cell as it was before an export made it formula-safe: `'+34 600…`
/// comes back as `+34 600…`, so an export can be imported again.
fn unneutralized(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::export::is_formula_like(rest) => rest,
        _ => cell,
    }
}
