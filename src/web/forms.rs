//! Form components: every field has a label, keeps what was typed, and shows
//! its error right beside it (linked with `aria-describedby`).

use std::collections::BTreeMap;

use maud::{Markup, html};

use crate::i18n::{Lang, t, t_args};
use crate::text::TextError;

/// What is wrong with a typed text, in the page's language.
pub fn text_error(lang: Lang, error: &TextError) -> String {
    match error {
        TextError::Empty => t(lang, "field-required"),
        TextError::TooLong { max } => {
            t_args(lang, "field-too-long", &[("max", (*max as i64).into())])
        }
        TextError::ControlCharacters => t(lang, "field-control-characters"),
        TextError::TooDeep { max } => {
            t_args(lang, "field-too-deep", &[("max", (*max as i64).into())])
        }
    }
}

/// Errors by field name, each a sentence that says what to do.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(BTreeMap<&'static str, String>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.entry(field).or_insert_with(|| message.into());
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when no field has an error.
    pub fn into_result(self) -> Result<(), Self> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// The hidden CSRF field every coordinator form carries.
pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// A short notice at the top of a form that failed, for screen readers too.
pub fn error_summary(lang: Lang, errors: &FieldErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" {
                p { (t(lang, "form-error-summary")) }
            }
        }
    }
}

pub fn field_error(name: &str, errors: &FieldErrors) -> Markup {
    html! {
        @if let Some(message) = errors.get(name) {
            p.field-error id={ (name) "-error" } { (message) }
        }
    }
}

/// How an input looks: its type and optional hint and autocomplete.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub kind: &'a str,
    pub hint: Option<&'a str>,
    pub autocomplete: Option<&'a str>,
    pub required: bool,
}

impl Input<'_> {
    pub const TEXT: Input<'static> = Input {
        kind: "text",
        hint: None,
        autocomplete: None,
        required: true,
    };

    /// A person's own email address.
    pub const EMAIL: Input<'static> = Input {
        kind: "email",
        hint: None,
        autocomplete: Some("email"),
        required: true,
    };
}

/// A password being chosen, with what it must be as its hint.
pub fn new_password(hint: &str) -> Input<'_> {
    Input {
        kind: "password",
        hint: Some(hint),
        autocomplete: Some("new-password"),
        required: true,
    }
}

pub fn input(
    name: &str,
    label: &str,
    value: &str,
    errors: &FieldErrors,
    spec: Input<'_>,
) -> Markup {
    let invalid = errors.get(name).is_some();
    let described = match (spec.hint.is_some(), invalid) {
        (true, true) => Some(format!("{name}-hint {name}-error")),
        (true, false) => Some(format!("{name}-hint")),
        (false, true) => Some(format!("{name}-error")),
        (false, false) => None,
    };
    html! {
        div.field {
            label for=(name) { (label) }
            @if let Some(hint) = spec.hint { p.hint id={ (name) "-hint" } { (hint) } }
            input id=(name) name=(name) type=(spec.kind) value=(value)
                required[spec.required] autocomplete=[spec.autocomplete]
                aria-invalid=[invalid.then_some("true")] aria-describedby=[described];
            (field_error(name, errors))
        }
    }
}

pub fn textarea(
    name: &str,
    label: &str,
    value: &str,
    errors: &FieldErrors,
    rows: u32,
    hint: Option<&str>,
) -> Markup {
    let invalid = errors.get(name).is_some();
    html! {
        div.field {
            label for=(name) { (label) }
            @if let Some(hint) = hint { p.hint id={ (name) "-hint" } { (hint) } }
            textarea id=(name) name=(name) rows=(rows)
                aria-invalid=[invalid.then_some("true")]
                aria-describedby=[(invalid || hint.is_some()).then(|| format!("{name}-hint {name}-error"))] { (value) }
            (field_error(name, errors))
        }
    }
}

pub fn select(
    name: &str,
    label: &str,
    options: &[(String, String)],
    selected: &str,
    errors: &FieldErrors,
) -> Markup {
    html! {
        div.field {
            label for=(name) { (label) }
            select id=(name) name=(name) aria-invalid=[errors.get(name).map(|_| "true")] {
                @for (value, text) in options {
                    option value=(value) selected[value == selected] { (text) }
                }
            }
            (field_error(name, errors))
        }
    }
}

pub fn checkbox(name: &str, label: &str, checked: bool, errors: &FieldErrors) -> Markup {
    html! {
        div.field.checkbox {
            input id=(name) name=(name) type="checkbox" value="on" checked[checked];
            label for=(name) { (label) }
            (field_error(name, errors))
        }
    }
}

/// A time-zone field: free text with every IANA zone suggested, the
/// coalitions' own first. With `guess`, an empty field is filled with the
/// browser's zone by `zone.js` (the page loads the script).
pub fn zone_field(
    name: &str,
    label: &str,
    value: &str,
    errors: &FieldErrors,
    hint: &str,
    guess: bool,
) -> Markup {
    let invalid = errors.get(name).is_some();
    let list = format!("{name}-zones");
    html! {
        div.field {
            label for=(name) { (label) }
            p.hint id={ (name) "-hint" } { (hint) }
            input id=(name) name=(name) type="text" value=(value) list=(list)
                autocomplete="off" spellcheck="false" data-guess-zone[guess]
                aria-invalid=[invalid.then_some("true")]
                aria-describedby={ (name) "-hint" @if invalid { " " (name) "-error" } };
            datalist id=(list) {
                @for zone in crate::i18n::local_time::zone_names() { option value=(zone); }
            }
            (field_error(name, errors))
        }
    }
}

/// A POST button in its own small form (for actions like "Open").
pub fn action_button(action: &str, csrf: &str, label: &str, fields: &[(&str, &str)]) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf_field(csrf))
            @for (name, value) in fields { input type="hidden" name=(name) value=(value); }
            button type="submit" { (label) }
        }
    }
}
