//! Which column of the file holds which field: guessed from the header
//! names in English or Spanish, changed by the coordinator in the preview.

use crate::contacts::fields::Field;
use crate::i18n::{Lang, t, t_args};

/// Header names, folded (see [`crate::text::fold`]), of each field.
const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Email,
        &[
            "email",
            "e mail",
            "mail",
            "email address",
            "e mail address",
            "correo",
            "correo electronico",
            "direccion de correo",
            "direccion de correo electronico",
            "email del periodista",
        ],
    ),
    (
        Field::Name,
        &[
            "name",
            "full name",
            "contact",
            "contact name",
            "journalist",
            "nombre",
            "nombre completo",
            "contacto",
            "periodista",
        ],
    ),
    (
        Field::Phone,
        &[
            "phone",
            "telephone",
            "tel",
            "mobile",
            "cell",
            "phone number",
            "telefono",
            "movil",
            "celular",
            "numero de telefono",
        ],
    ),
    (
        Field::Outlet,
        &[
            "outlet",
            "media",
            "media outlet",
            "publication",
            "medio",
            "medio de comunicacion",
            "publicacion",
        ],
    ),
    (
        Field::Role,
        &[
            "role",
            "beat",
            "title",
            "position",
            "role beat",
            "cargo",
            "fuente",
            "puesto",
            "seccion",
        ],
    ),
    (Field::Country, &["country", "pais"]),
    (Field::Language, &["language", "lang", "idioma", "lengua"]),
    (
        Field::Tags,
        &["tags", "tag", "labels", "etiquetas", "etiqueta"],
    ),
    (
        Field::Notes,
        &["notes", "note", "comments", "notas", "nota", "comentarios"],
    ),
    (
        Field::DoNotContact,
        &[
            "do not contact",
            "dnc",
            "do not email",
            "no contactar",
            "no contactar nunca",
            "no enviar",
        ],
    ),
];

/// The field of each column, `None` for a column left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping(pub Vec<Option<Field>>);

/// Why a mapping cannot be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappingProblem {
    NoEmail,
    Twice(Field),
}

impl MappingProblem {
    pub fn message(self, lang: Lang) -> String {
        match self {
            Self::NoEmail => t(lang, "contacts-import-no-email-column"),
            Self::Twice(field) => t_args(
                lang,
                "contacts-import-field-twice",
                &[("field", field.label(lang).into())],
            ),
        }
    }
}

/// Fields that several columns may fill: their cells are joined.
fn may_repeat(field: Field) -> bool {
    matches!(field, Field::Tags | Field::Notes)
}

impl Mapping {
    /// Recognizes the header names; a field named twice keeps its first
    /// column.
    pub fn guess(headers: &[String]) -> Self {
        let mut taken = Vec::new();
        let fields = headers
            .iter()
            .map(|header| {
                let folded = crate::text::fold(header);
                let field = NAMES
                    .iter()
                    .find(|(_, names)| names.contains(&folded.as_str()))
                    .map(|(field, _)| *field)?;
                if taken.contains(&field) && !may_repeat(field) {
                    return None;
                }
                taken.push(field);
                Some(field)
            })
            .collect();
        Self(fields)
    }

    /// The mapping chosen in the preview form: `col0=email&col1=name…`,
    /// `ignore` or nothing for a column left out. Columns the form did not
    /// mention keep the guess.
    pub fn chosen(headers: &[String], pairs: &[(String, String)]) -> Self {
        let mut mapping = Self::guess(headers);
        for (key, value) in pairs {
            let Some(index) = key
                .strip_prefix("col")
                .and_then(|i| i.parse::<usize>().ok())
            else {
                continue;
            };
            if let Some(slot) = mapping.0.get_mut(index) {
                *slot = Field::parse(value);
            }
        }
        mapping
    }

    /// The fields as form pairs, to carry the mapping to the next step.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    format!("col{i}"),
                    f.map_or("ignore", Field::as_str).to_owned(),
                )
            })
            .collect()
    }

    pub fn problem(&self) -> Option<MappingProblem> {
        if !self.0.contains(&Some(Field::Email)) {
            return Some(MappingProblem::NoEmail);
        }
        Field::ALL.into_iter().find_map(|field| {
            let columns = self.0.iter().filter(|f| **f == Some(field)).count();
            (columns > 1 && !may_repeat(field)).then_some(MappingProblem::Twice(field))
        })
    }

    /// The cells of `record` that go to `field`, joined with `joiner`.
    pub fn cell(&self, record: &[String], field: Field, joiner: &str) -> String {
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

/// A cell as it was before an export made it formula-safe: `'+34 600…`
/// comes back as `+34 600…`, so an export can be imported again.
fn unneutralized(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::export::is_formula_like(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn spanish_headers_are_recognized_with_or_without_accents() {
        let mapping = Mapping::guess(&headers(&[
            "Correo electrónico",
            "Nombre",
            "Teléfono",
            "Medio",
            "Fuente",
            "País",
            "Idioma",
            "Etiquetas",
            "Notas",
            "No contactar",
            "Otra cosa",
        ]));

        assert_eq!(
            mapping.0,
            [
                Some(Field::Email),
                Some(Field::Name),
                Some(Field::Phone),
                Some(Field::Outlet),
                Some(Field::Role),
                Some(Field::Country),
                Some(Field::Language),
                Some(Field::Tags),
                Some(Field::Notes),
                Some(Field::DoNotContact),
                None
            ]
        );
        assert_eq!(mapping.problem(), None);
    }

    #[test]
    fn a_chosen_mapping_overrides_the_guess_and_is_checked() {
        let names = headers(&["Email", "Who", "Mail 2"]);

        let chosen = Mapping::chosen(
            &names,
            &[
                ("col1".into(), "name".into()),
                ("col2".into(), "email".into()),
                ("col9".into(), "phone".into()),
            ],
        );

        assert_eq!(
            chosen.0,
            [Some(Field::Email), Some(Field::Name), Some(Field::Email)]
        );
        assert_eq!(chosen.problem(), Some(MappingProblem::Twice(Field::Email)));
        let without = Mapping::chosen(&names, &[("col0".into(), "ignore".into())]);
        assert_eq!(without.problem(), Some(MappingProblem::NoEmail));
    }
}
