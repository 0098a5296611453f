//! A contact's fields as typed (in the form or a CSV cell), parsed once
//! into values that can be stored. Each problem is a [`Problem`] that names
//! the field, so the form shows it beside the field and the import report
//! beside the row.

use crate::i18n::{CountryCode, Lang, t, t_args};

pub const MAX_NAME: usize = 200;
pub const MAX_LINE: usize = 200;
pub const MAX_NOTES: usize = 5_000;
pub const MAX_TAG: usize = 50;
pub const MAX_TAGS: usize = 50;

/// The fields a contact has besides its tags and mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Email,
    Name,
    Phone,
    Outlet,
    Role,
    Country,
    Language,
    Tags,
    Notes,
    DoNotContact,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Email,
        Field::Name,
        Field::Phone,
        Field::Outlet,
        Field::Role,
        Field::Country,
        Field::Language,
        Field::Tags,
        Field::Notes,
        Field::DoNotContact,
    ];

    /// The name of the field in forms, query strings and CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Name => "name",
            Self::Phone => "phone",
            Self::Outlet => "outlet",
            Self::Role => "role",
            Self::Country => "country",
            Self::Language => "language",
            Self::Tags => "tags",
            Self::Notes => "notes",
            Self::DoNotContact => "do_not_contact",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// The field's label in `lang`.
    pub fn label(self, lang: Lang) -> String {
        t(lang, &format!("contact-field-{}", self.as_str()))
    }
}

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

impl crate::imports::columns::Column for Field {
    const ALL: &'static [Self] = &Field::ALL;
    const REQUIRED: Self = Field::Email;

    fn as_str(self) -> &'static str {
        Field::as_str(self)
    }

    fn label(self, lang: Lang) -> String {
        Field::label(self, lang)
    }

    fn header_names(self) -> &'static [&'static str] {
        NAMES
            .iter()
            .find(|(field, _)| *field == self)
            .map_or(&[], |(_, names)| names)
    }

    fn may_repeat(self) -> bool {
        matches!(self, Field::Tags | Field::Notes)
    }
}

/// What is wrong with one typed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing(Field),
    TooLong(Field, usize),
    ControlCharacters(Field),
    NotAnEmail(String),
    NotACountry(String),
    NotALanguage(String),
    NotYesOrNo(String),
    TooManyTags,
}

impl Problem {
    /// The field the problem is about, where the form shows it.
    pub fn field(&self) -> Field {
        match self {
            Self::Missing(f) | Self::TooLong(f, _) | Self::ControlCharacters(f) => *f,
            Self::NotAnEmail(_) => Field::Email,
            Self::NotACountry(_) => Field::Country,
            Self::NotALanguage(_) => Field::Language,
            Self::NotYesOrNo(_) => Field::DoNotContact,
            Self::TooManyTags => Field::Tags,
        }
    }

    /// The problem in words of `lang`, saying what to do.
    pub fn message(&self, lang: Lang) -> String {
        let field = || self.field().label(lang);
        match self {
            Self::Missing(_) => t_args(lang, "contact-error-missing", &[("field", field().into())]),
            Self::TooLong(_, max) => t_args(
                lang,
                "contact-error-too-long",
                &[("field", field().into()), ("max", (*max).into())],
            ),
            Self::ControlCharacters(_) => {
                t_args(lang, "contact-error-control", &[("field", field().into())])
            }
            Self::NotAnEmail(v) => {
                t_args(lang, "contact-error-email", &[("value", v.as_str().into())])
            }
            Self::NotACountry(v) => t_args(
                lang,
                "contact-error-country",
                &[("value", v.as_str().into())],
            ),
            Self::NotALanguage(v) => t_args(
                lang,
                "contact-error-language",
                &[("value", v.as_str().into())],
            ),
            Self::NotYesOrNo(v) => t_args(
                lang,
                "contact-error-yes-no",
                &[("value", v.as_str().into())],
            ),
            Self::TooManyTags => t_args(lang, "contact-error-tags", &[("max", MAX_TAGS.into())]),
        }
    }
}

/// The value of `result`, or `None` with its problem added to `problems`,
/// so that a form reports every field's problem at once.
pub fn keep<T>(problems: &mut Vec<Problem>, result: Result<T, Problem>) -> Option<T> {
    result.map_err(|p| problems.push(p)).ok()
}

fn line(field: Field, typed: &str, max: usize) -> Result<Option<String>, Problem> {
    use crate::text::TextError;
    crate::text::normalize_optional_line(typed, max).map_err(|e| match e {
        TextError::TooLong { max } => Problem::TooLong(field, max),
        // Nesting is only checked in Markdown, which no contact field holds.
        TextError::ControlCharacters | TextError::TooDeep { .. } => {
            Problem::ControlCharacters(field)
        }
        TextError::Empty => Problem::Missing(field),
    })
}

/// An optional one-line field: nothing typed is `None`.
pub fn optional_line(field: Field, typed: &str) -> Result<Option<String>, Problem> {
    line(field, typed, MAX_LINE)
}

/// The contact's name: required, one line.
pub fn name(typed: &str) -> Result<String, Problem> {
    line(Field::Name, typed, MAX_NAME)?.ok_or(Problem::Missing(Field::Name))
}

/// The address, lower-cased as [`crate::accounts::Email`] keeps it; its
/// trimmed lower-case form is also the contact's key.
pub fn email(typed: &str) -> Result<String, Problem> {
    match typed.trim() {
        "" => Err(Problem::Missing(Field::Email)),
        text => crate::accounts::Email::parse(text)
            .map(|e| e.as_str().to_owned())
            .ok_or_else(|| Problem::NotAnEmail(text.to_owned())),
    }
}

/// A country from its ISO code or its English or Spanish name.
pub fn country(typed: &str) -> Result<Option<CountryCode>, Problem> {
    match typed.trim() {
        "" => Ok(None),
        text => crate::i18n::country_from_code_or_name(text)
            .map(Some)
            .ok_or_else(|| Problem::NotACountry(text.to_owned())),
    }
}

/// Language names a spreadsheet may hold instead of a code.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("ingles", "en"),
    ("spanish", "es"),
    ("espanol", "es"),
    ("castellano", "es"),
    ("french", "fr"),
    ("frances", "fr"),
    ("francais", "fr"),
    ("portuguese", "pt"),
    ("portugues", "pt"),
    ("german", "de"),
    ("aleman", "de"),
    ("deutsch", "de"),
    ("italian", "it"),
    ("italiano", "it"),
];

/// A language as a BCP 47 tag of a language and optional subtags, such as
/// `en`, `es` or `es-MX` (language lower case, region upper case), or a
/// common language name in English or Spanish.
pub fn language(typed: &str) -> Result<Option<String>, Problem> {
    let text = typed.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let folded = crate::text::fold(text);
    if let Some((_, code)) = LANGUAGE_NAMES.iter().find(|(name, _)| *name == folded) {
        return Ok(Some((*code).to_owned()));
    }
    let mut parts = text.split(['-', '_']);
    let first = parts.next().unwrap_or_default();
    let valid_first =
        (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic());
    let rest: Vec<&str> = parts.collect();
    let valid_rest = rest
        .iter()
        .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !valid_first || !valid_rest || rest.len() > 3 {
        return Err(Problem::NotALanguage(text.to_owned()));
    }
    let mut tag = first.to_ascii_lowercase();
    for part in rest {
        tag.push('-');
        if part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            tag.push_str(&part.to_ascii_uppercase());
        } else {
            tag.push_str(part);
        }
    }
    Ok(Some(tag))
}

/// Tags from one cell or form field, separated by commas, semicolons or
/// bars: lower case, whitespace collapsed, each kept once.
pub fn tags(typed: &str) -> Result<Vec<String>, Problem> {
    let mut tags: Vec<String> = Vec::new();
    for piece in typed.split([',', ';', '|']) {
        let Some(tag) = line(Field::Tags, piece, MAX_TAG)? else {
            continue;
        };
        let tag = tag.to_lowercase();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(Problem::TooManyTags);
    }
    Ok(tags)
}

/// Notes: several lines allowed.
pub fn notes(typed: &str) -> Result<Option<String>, Problem> {
    use crate::text::TextError;
    match crate::text::normalize_text(typed, MAX_NOTES) {
        Ok(text) => Ok(Some(text)),
        Err(TextError::Empty) => Ok(None),
        Err(TextError::TooLong { max }) => Err(Problem::TooLong(Field::Notes, max)),
        // Nesting is only checked in Markdown; notes are plain text.
        Err(TextError::ControlCharacters | TextError::TooDeep { .. }) => {
            Err(Problem::ControlCharacters(Field::Notes))
        }
    }
}

/// A yes/no cell in English or Spanish; empty is no.
pub fn yes_no(typed: &str) -> Result<bool, Problem> {
    match crate::text::fold(typed).as_str() {
        "" | "no" | "n" | "false" | "falso" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" | "x" | "si" | "s" | "verdadero" => Ok(true),
        _ => Err(Problem::NotYesOrNo(typed.trim().to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imports::{Mapping, MappingProblem};

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn spanish_headers_are_recognized_with_or_without_accents() {
        let mapping = Mapping::<Field>::guess(&headers(&[
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
            Mapping::<Field>::guess(&names),
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
        let without = Mapping::chosen(
            Mapping::<Field>::guess(&names),
            &[("col0".into(), "ignore".into())],
        );
        assert_eq!(
            without.problem(),
            Some(MappingProblem::Missing(Field::Email))
        );
    }

    #[test]
    fn languages_are_read_as_codes_or_common_names() {
        assert_eq!(language("EN").ok().flatten().as_deref(), Some("en"));
        assert_eq!(language("es_mx").ok().flatten().as_deref(), Some("es-MX"));
        assert_eq!(language("Español").ok().flatten().as_deref(), Some("es"));
        assert_eq!(language(" ").ok().flatten(), None);
        assert!(language("klingon!").is_err());
        assert!(language("e").is_err());
    }

    #[test]
    fn tags_are_split_lowered_and_kept_once() {
        assert_eq!(
            tags("Climate, water;CLIMATE | Latin  America").ok(),
            Some(vec![
                "climate".into(),
                "water".into(),
                "latin america".into()
            ])
        );
        assert_eq!(tags(" , ;").ok(), Some(Vec::new()));
    }

    #[test]
    fn yes_and_no_are_understood_in_english_and_spanish() {
        assert_eq!(yes_no("Sí"), Ok(true));
        assert_eq!(yes_no("TRUE"), Ok(true));
        assert_eq!(yes_no(""), Ok(false));
        assert_eq!(yes_no("No"), Ok(false));
        assert!(yes_no("maybe").is_err());
    }

    #[test]
    fn an_address_is_lower_cased_and_a_bad_one_named() {
        assert_eq!(email(" Ana@Example.ORG "), Ok("ana@example.org".into()));
        assert_eq!(
            email("not-an-address"),
            Err(Problem::NotAnEmail("not-an-address".into()))
        );
        assert_eq!(email(""), Err(Problem::Missing(Field::Email)));
    }
}
