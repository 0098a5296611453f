//! Writing thousands of personal mails fast: a mailing's mail is rendered
//! once per shape (with or without a name, an organization) with markers
//! where each recipient's own values go, and each recipient's copy is the
//! stencil with the markers replaced, escaped for the part they land in.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::mailings::{Ctx, Recipient};
use super::render::{Rendering, Update};
use super::{Mailing, PressError, db};
use crate::db::DbConn;
use crate::mail::Rendered;
use crate::mail::templates::escape_value;

/// Words that survive Markdown and HTML rendering unchanged and that no
/// coordinator types.
const NAME: &str = "UndersignedRecipientNameMark";
const ORGANIZATION: &str = "UndersignedRecipientOrganizationMark";
/// An address, since the mail sanitizer keeps only links with a scheme.
const UNSUBSCRIBE: &str = "https://recipient.invalid/UndersignedRecipientUnsubscribeMark";

/// What a mailing's mails are written from.
pub(super) struct Source {
    kind: Kind,
    now: NaiveDateTime,
    /// By shape: with a name, with an organization, and the language.
    stencils: RefCell<HashMap<(bool, bool, crate::i18n::Lang), Stencil>>,
}

enum Kind {
    Release(Box<Rendering>),
    Update {
        update: Update,
        sender: crate::mail::Sender,
    },
}

impl Source {
    pub(super) fn load(
        conn: &mut DbConn,
        ctx: Ctx<'_>,
        mailing: &Mailing,
        now: NaiveDateTime,
    ) -> QueryResult<Self> {
        let kind = if let (Some(release_id), Some(number)) =
            (&mailing.release_id, mailing.revision_number)
        {
            let release = db::find(conn, release_id)?.ok_or(diesel::result::Error::NotFound)?;
            let revision = db::revision(conn, release_id, number)?;
            Kind::Release(Box::new(Rendering::load(
                conn,
                &ctx.mail.base_url,
                &release,
                &revision,
            )?))
        } else {
            let statement_id = mailing
                .statement_id
                .as_deref()
                .ok_or(diesel::result::Error::NotFound)?;
            let statement = crate::statements::find_any(conn, statement_id)?
                .ok_or(diesel::result::Error::NotFound)?;
            let coalition = crate::coalitions::find(conn, &statement.coalition_id)?;
            Kind::Update {
                update: Update::load(
                    conn,
                    &ctx.mail.base_url,
                    &statement,
                    &coalition,
                    &mailing.subject,
                    &mailing.body,
                )?,
                sender: coalition.sender(None),
            }
        };
        Ok(Self {
            kind,
            now,
            stencils: RefCell::new(HashMap::new()),
        })
    }

    /// The language of the words the product adds to this recipient's
    /// mail: the release's, or for an update the one they signed in.
    pub(super) fn lang_for(&self, recipient: &Recipient) -> crate::i18n::Lang {
        match &self.kind {
            Kind::Release(rendering) => rendering.release.lang(),
            Kind::Update { .. } => recipient.language.unwrap_or(crate::i18n::Lang::En),
        }
    }

    /// The name and reply address every mail of the mailing carries.
    pub(super) fn sender(&self) -> crate::mail::Sender {
        match &self.kind {
            Kind::Release(rendering) => rendering.sender(),
            Kind::Update { sender, .. } => sender.clone(),
        }
    }

    fn render(
        &self,
        lang: crate::i18n::Lang,
        name: Option<&str>,
        organization: Option<&str>,
        unsubscribe: &str,
    ) -> Result<Rendered, PressError> {
        Ok(match &self.kind {
            Kind::Release(rendering) => rendering.mail(name, Some(unsubscribe), self.now, false)?,
            Kind::Update { update, .. } => {
                update.mail(lang, name, organization, unsubscribe, false)?
            }
        })
    }

    /// One recipient's mail.
    pub(super) fn mail(
        &self,
        recipient: &Recipient,
        unsubscribe: &str,
    ) -> Result<Rendered, PressError> {
        let lang = self.lang_for(recipient);
        let shape = (
            recipient.name.is_some(),
            recipient.organization.is_some(),
            lang,
        );
        let mut stencils = self.stencils.borrow_mut();
        let stencil = match stencils.get(&shape) {
            Some(stencil) => stencil,
            None => {
                let rendered = self.render(
                    lang,
                    shape.0.then_some(NAME),
                    shape.1.then_some(ORGANIZATION),
                    UNSUBSCRIBE,
                )?;
                stencils.entry(shape).or_insert(Stencil::cut(&rendered))
            }
        };
        let values = Values {
            name: recipient.name.as_deref().unwrap_or_default(),
            organization: recipient.organization.as_deref().unwrap_or_default(),
            unsubscribe,
        };
        let text_markdown = fill(&stencil.text, &values, escape_value);
        Ok(Rendered {
            subject: fill(&stencil.subject, &values, str::to_owned),
            text: crate::text::markdown_to_plain(&text_markdown, crate::text::WRAP),
            html: fill(&stencil.html, &values, html_escape),
            text_markdown,
        })
    }
}

/// A rendered mail cut at its markers once, so each copy is one pass.
struct Stencil {
    subject: Vec<Piece>,
    text: Vec<Piece>,
    html: Vec<Piece>,
}

enum Piece {
    Literal(String),
    Name,
    Organization,
    Unsubscribe,
}

struct Values<'a> {
    name: &'a str,
    organization: &'a str,
    unsubscribe: &'a str,
}

impl Stencil {
    /// The text part is cut in its Markdown, where the values stand
    /// escaped, and made plain for each recipient: the line wrapping
    /// depends on the values' lengths.
    fn cut(mail: &Rendered) -> Self {
        let plain = [NAME, ORGANIZATION, UNSUBSCRIBE].map(str::to_owned);
        let escaped = plain.clone().map(|m| escape_value(&m));
        Self {
            subject: pieces(&mail.subject, &plain),
            text: pieces(&mail.text_markdown, &escaped),
            html: pieces(&mail.html, &plain),
        }
    }
}

/// `text` cut at the `markers` (name, organization, unsubscribe address).
fn pieces(mut text: &str, markers: &[String; 3]) -> Vec<Piece> {
    let mut out = Vec::new();
    loop {
        let next = markers
            .iter()
            .enumerate()
            .filter_map(|(i, marker)| text.find(marker.as_str()).map(|at| (at, i, marker.len())))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, which, len)) = next else {
            out.push(Piece::Literal(text.to_owned()));
            return out;
        };
        out.push(Piece::Literal(text[..at].to_owned()));
        out.push(match which {
            0 => Piece::Name,
            1 => Piece::Organization,
            _ => Piece::Unsubscribe,
        });
        text = &text[at + len..];
    }
}

fn fill(pieces: &[Piece], values: &Values<'_>, escape: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(
        pieces
            .iter()
            .map(|p| match p {
                Piece::Literal(text) => text.len(),
                _ => 64,
            })
            .sum(),
    );
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Name => out.push_str(&escape(values.name)),
            Piece::Organization => out.push_str(&escape(values.organization)),
            Piece::Unsubscribe => out.push_str(&escape(values.unsubscribe)),
        }
    }
    out
}

/// Escapes text the way the Markdown renderer escapes body text, so a
/// filled stencil is byte for byte the mail rendered for the recipient.
/// The markers only stand in text and in the unsubscribe address, which
/// holds no quote.
fn html_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update() -> Source {
        Source {
            kind: Kind::Update {
                update: Update {
                    coalition: "Clean Water Coalition".into(),
                    footer: "Clean Water Coalition\nCalle 1, Ciudad de México".into(),
                    title: "Water is a right".into(),
                    link: "https://statements.example.org/s/water".into(),
                    subject: "Our statement is published".into(),
                    body: "Thank you for **signing**.".into(),
                },
                sender: crate::mail::Sender::default(),
            },
            now: crate::db::now(),
            stencils: RefCell::new(HashMap::new()),
        }
    }

    #[test]
    fn a_filled_stencil_reads_exactly_like_a_mail_rendered_for_the_recipient() {
        let source = update();
        let recipient = Recipient {
            email: "ana@example.org".into(),
            name: Some("Ana <Núñez> & \"Co\" *bold*".into()),
            organization: Some("Agua_Viva [A.C.]".into()),
            language: None,
        };
        let unsubscribe = "https://statements.example.org/u/c1/YW5h/tok-en_1";

        let filled = source.mail(&recipient, unsubscribe).unwrap();
        let direct = source
            .render(
                crate::i18n::Lang::En,
                recipient.name.as_deref(),
                recipient.organization.as_deref(),
                unsubscribe,
            )
            .unwrap();

        assert_eq!(filled, direct);
    }

    #[test]
    fn a_recipient_without_a_name_gets_the_nameless_mail() {
        let source = update();
        let recipient = Recipient {
            email: "ana@example.org".into(),
            name: None,
            organization: None,
            language: None,
        };

        let filled = source.mail(&recipient, "https://x.example/u").unwrap();

        assert!(filled.text.starts_with("Hello,"), "{}", filled.text);
        assert!(!filled.text.contains("Mark"));
    }
}
