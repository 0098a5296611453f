//! How a coalition appears to the outside: the name and reply address its
//! mail carries, the footer under its releases, and the website and logo
//! its public pages show.

pub(super) mod routes;

use diesel::QueryResult;

use super::{Coalition, db};
use crate::accounts::{Coordinator, Email};
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;
use crate::mail::Sender;
use crate::text::TextError;

const MAX_SENDER_CHARS: usize = 80;
const MAX_FOOTER_CHARS: usize = 600;
const MAX_WEBSITE_CHARS: usize = 300;
/// A logo is shown small at the top of public pages; anything larger than
/// this is a photograph or a print file, not a page logo.
pub const MAX_LOGO_BYTES: usize = 256 * 1024;
const MAX_LOGO_SIDE: usize = 4000;

impl Coalition {
    /// The name its mail comes from.
    pub fn sender_name(&self) -> &str {
        if self.sender_name.is_empty() {
            &self.name
        } else {
            &self.sender_name
        }
    }

    /// The sender of the coalition's own mail; `reply_to` when given,
    /// else the coalition's reply address if it has one.
    pub fn sender(&self, reply_to: Option<&str>) -> Sender {
        let own = (!self.reply_to.is_empty()).then_some(self.reply_to.as_str());
        Sender {
            name: Some(self.sender_name().to_owned()),
            reply_to: reply_to.or(own).map(str::to_owned),
        }
    }
}

/// The settings as typed.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct FaceForm {
    #[serde(default)]
    pub sender_name: String,
    #[serde(default)]
    pub reply_to: String,
    #[serde(default)]
    pub mail_footer: String,
    #[serde(default)]
    pub website: String,
}

impl FaceForm {
    pub fn of(coalition: &Coalition) -> Self {
        Self {
            sender_name: coalition.sender_name.clone(),
            reply_to: coalition.reply_to.clone(),
            mail_footer: coalition.mail_footer.clone(),
            website: coalition.website.clone(),
        }
    }
}

/// What is wrong with one field of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaceProblem {
    Text(&'static str, TextError),
    ReplyTo,
    Website,
}

/// The settings, checked: every value may be empty (the defaults apply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Face {
    pub sender_name: String,
    pub reply_to: String,
    pub mail_footer: String,
    pub website: String,
}

impl TryFrom<&FaceForm> for Face {
    type Error = Vec<FaceProblem>;

    fn try_from(form: &FaceForm) -> Result<Self, Self::Error> {
        let mut problems = Vec::new();
        let mut line = |field: &'static str, value: &str, max: usize| {
            crate::text::normalize_optional_line(value, max)
                .map_err(|e| problems.push(FaceProblem::Text(field, e)))
                .ok()
                .flatten()
                .unwrap_or_default()
        };
        let sender_name = line("sender_name", &form.sender_name, MAX_SENDER_CHARS);
        let reply_to = line("reply_to", &form.reply_to, MAX_SENDER_CHARS * 4);
        let website = line("website", &form.website, MAX_WEBSITE_CHARS);
        let mail_footer = match crate::text::normalize_text(&form.mail_footer, MAX_FOOTER_CHARS) {
            Ok(text) => text,
            Err(TextError::Empty) => String::new(),
            Err(e) => {
                problems.push(FaceProblem::Text("mail_footer", e));
                String::new()
            }
        };
        let reply_to = match reply_to.as_str() {
            "" => String::new(),
            typed => match Email::parse(typed) {
                Some(email) => email.as_str().to_owned(),
                None => {
                    problems.push(FaceProblem::ReplyTo);
                    String::new()
                }
            },
        };
        let website = match website.as_str() {
            "" => String::new(),
            typed => match web_address(typed) {
                Some(address) => address,
                None => {
                    problems.push(FaceProblem::Website);
                    String::new()
                }
            },
        };
        if problems.is_empty() {
            Ok(Self {
                sender_name,
                reply_to,
                mail_footer,
                website,
            })
        } else {
            Err(problems)
        }
    }
}

/// An `http(s)` address with a host, `https://` added when none is typed.
fn web_address(typed: &str) -> Option<String> {
    let full = if typed.contains("://") {
        typed.to_owned()
    } else {
        format!("https://{typed}")
    };
    let url = url::Url::parse(&full).ok()?;
    let web = matches!(url.scheme(), "http" | "https");
    let host = url.host_str().is_some_and(|h| h.contains('.'));
    (web && host && url.username().is_empty() && url.password().is_none()).then(|| url.to_string())
}

/// Stores the settings, with an audit entry.
pub fn set_face(
    conn: &mut DbConn,
    coalition: &Coalition,
    actor: &Coordinator,
    face: &Face,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        db::set_face(conn, &coalition.id, face)?;
        audit::record(
            conn,
            &coalition.id,
            &Actor::Coordinator(actor),
            "coalition.face",
            "coalition",
            &coalition.id,
            &Phrase::new("audit-coalition-face").text("sender", {
                if face.sender_name.is_empty() {
                    &coalition.name
                } else {
                    &face.sender_name
                }
            }),
        )
    })
}

/// An uploaded logo, checked to be a picture a browser shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoProblem {
    Empty,
    TooLarge,
    NotAPicture,
}

impl LogoProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "logo-error-empty",
            Self::TooLarge => "logo-error-too-large",
            Self::NotAPicture => "logo-error-format",
        }
    }
}

impl Logo {
    /// PNG, JPEG, GIF or WebP, within the size limits. SVG is refused: it
    /// may carry scripts.
    pub fn parse(bytes: Vec<u8>) -> Result<Self, LogoProblem> {
        if bytes.is_empty() {
            return Err(LogoProblem::Empty);
        }
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoProblem::TooLarge);
        }
        let content_type = match imagesize::image_type(&bytes) {
            Ok(imagesize::ImageType::Png) => "image/png",
            Ok(imagesize::ImageType::Jpeg) => "image/jpeg",
            Ok(imagesize::ImageType::Gif) => "image/gif",
            Ok(imagesize::ImageType::Webp) => "image/webp",
            _ => return Err(LogoProblem::NotAPicture),
        };
        let size = imagesize::blob_size(&bytes).map_err(|_| LogoProblem::NotAPicture)?;
        let plausible =
            (1..=MAX_LOGO_SIDE).contains(&size.width) && (1..=MAX_LOGO_SIDE).contains(&size.height);
        if !plausible {
            return Err(LogoProblem::NotAPicture);
        }
        Ok(Self {
            content_type,
            bytes,
        })
    }

    /// A short hash of the picture, which names its address so that it can
    /// be cached for good.
    pub fn digest(&self) -> String {
        use sha2::Digest;
        hex::encode(&sha2::Sha256::digest(&self.bytes)[..8])
    }
}

/// Stores (or replaces) the coalition's logo.
pub fn set_logo(
    conn: &mut DbConn,
    coalition: &Coalition,
    actor: &Coordinator,
    logo: &Logo,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        db::set_logo(conn, &coalition.id, logo)?;
        audit::record(
            conn,
            &coalition.id,
            &Actor::Coordinator(actor),
            "coalition.logo",
            "coalition",
            &coalition.id,
            &Phrase::new("audit-coalition-logo"),
        )
    })
}

pub fn remove_logo(
    conn: &mut DbConn,
    coalition: &Coalition,
    actor: &Coordinator,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        if db::remove_logo(conn, &coalition.id)? == 0 {
            return Ok(());
        }
        audit::record(
            conn,
            &coalition.id,
            &Actor::Coordinator(actor),
            "coalition.logo-remove",
            "coalition",
            &coalition.id,
            &Phrase::new("audit-coalition-logo-remove"),
        )
    })
}

/// The stored logo of the coalition with `slug`: its type, bytes and digest.
pub fn logo_of(conn: &mut DbConn, slug: &str) -> QueryResult<Option<StoredLogo>> {
    db::logo_of(conn, slug)
}

/// A logo as the database keeps it.
#[derive(Debug, Clone)]
pub struct StoredLogo {
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub digest: String,
}

/// What a public page shows of the coalition it belongs to.
#[derive(Debug, Clone)]
pub struct Masthead {
    pub name: String,
    /// The coalition's newsroom, on this server.
    pub home: String,
    pub website: Option<String>,
    pub logo: Option<String>,
}

impl Masthead {
    /// The website's host, as the link to it reads.
    fn website_host(&self) -> Option<(&str, String)> {
        let website = self.website.as_deref()?;
        let host = url::Url::parse(website).ok()?.host_str()?.to_owned();
        Some((website, host.trim_start_matches("www.").to_owned()))
    }
}

/// The header of a public page: the logo and the name, leading to the
/// coalition's newsroom, and its own website.
impl maud::Render for Masthead {
    fn render(&self) -> maud::Markup {
        maud::html! {
            header.site.public.masthead {
                a.brand href=(self.home) {
                    @if let Some(logo) = &self.logo { img.logo src=(logo) alt="" height="40"; }
                    span.coalition-name { (self.name) }
                }
                @if let Some((website, host)) = self.website_host() {
                    a.website href=(website) rel="noopener" { (host) }
                }
            }
        }
    }
}

/// The masthead of `coalition`: it only reads whether it has a logo.
pub fn masthead(conn: &mut DbConn, coalition: &Coalition) -> QueryResult<Masthead> {
    let digest = db::logo_digest(conn, &coalition.id)?;
    Ok(masthead_of(coalition, digest.as_deref()))
}

/// The masthead of `coalition`, whose logo has `digest` if it has one.
fn masthead_of(coalition: &Coalition, digest: Option<&str>) -> Masthead {
    Masthead {
        name: coalition.name.clone(),
        home: format!("/newsroom/{}", coalition.slug),
        website: (!coalition.website.is_empty()).then(|| coalition.website.clone()),
        logo: digest.map(|d| format!("/newsroom/{}/logo?v={d}", coalition.slug)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(reply_to: &str, website: &str) -> FaceForm {
        FaceForm {
            sender_name: "  Red   Migrante ".into(),
            reply_to: reply_to.into(),
            mail_footer: "Red Migrante\r\nCalle 1, CDMX".into(),
            website: website.into(),
        }
    }

    #[test]
    fn settings_are_normalized_and_a_website_gets_its_scheme() {
        let face = Face::try_from(&form(" Prensa@RedMigrante.org ", "redmigrante.org")).unwrap();

        assert_eq!(face.sender_name, "Red Migrante");
        assert_eq!(face.reply_to, "prensa@redmigrante.org");
        assert_eq!(face.website, "https://redmigrante.org/");
        assert_eq!(face.mail_footer, "Red Migrante\nCalle 1, CDMX");
    }

    #[test]
    fn a_bad_reply_address_or_website_is_named() {
        let problems =
            Face::try_from(&form("prensa at redmigrante", "javascript:alert(1)")).unwrap_err();

        assert!(problems.contains(&FaceProblem::ReplyTo));
        assert!(problems.contains(&FaceProblem::Website));
    }

    #[test]
    fn a_logo_must_be_a_small_picture() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0,
            0, 0, 64, 0, 0, 0, 32, 8, 6, 0, 0, 0, 0, 0, 0, 0,
        ];
        assert_eq!(Logo::parse(png.to_vec()).unwrap().content_type, "image/png");
        assert_eq!(
            Logo::parse(b"<svg onload=alert(1)></svg>".to_vec()),
            Err(LogoProblem::NotAPicture)
        );
        assert_eq!(Logo::parse(Vec::new()), Err(LogoProblem::Empty));
        assert_eq!(
            Logo::parse(vec![0; MAX_LOGO_BYTES + 1]),
            Err(LogoProblem::TooLarge)
        );
    }
}
