//! Who is acting: a coordinator, the coalition a request is about and the
//! role they hold in it, and the email address that names a person. The
//! web layer and every area share these types; the operations on them are
//! in `accounts` and `coalitions`.

mod email;

use chrono::{Duration, NaiveDateTime};
use chrono_tz::Tz;
use diesel::prelude::*;

use crate::db::schema::{coalitions, coordinators};
use crate::i18n::Lang;

pub use email::Email;

/// How long a session lasts without use.
pub const SESSION_IDLE: Duration = Duration::days(14);

/// A coordinator account.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = coordinators)]
pub struct Coordinator {
    pub id: String,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub created_at: NaiveDateTime,
    /// The language chosen for the coordinator's pages, if any.
    pub language: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = coalitions)]
pub struct Coalition {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub about: String,
    pub created_at: NaiveDateTime,
    /// The code of the coalition's language (`en`, `es`).
    pub language: String,
    /// The IANA name of the coalition's time zone.
    pub time_zone: String,
    /// The name its mail comes from; empty for the coalition's name.
    pub sender_name: String,
    /// Where replies to its mail go; empty for none (releases then use
    /// their first press contact).
    pub reply_to: String,
    /// A few lines under each release and update it mails.
    pub mail_footer: String,
    /// Its own website, linked from its public pages.
    pub website: String,
}

impl Coalition {
    /// The language new releases are written in.
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or(Lang::En)
    }

    /// The zone every time is typed and shown in.
    pub fn zone(&self) -> Tz {
        crate::i18n::local_time::stored_zone(&self.time_zone)
    }
}

/// What a member may do. Ordered: an owner may do all an editor may.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Role {
    Viewer,
    Editor,
    Owner,
}

crate::db::text_column!(Role);

impl Role {
    pub const ALL: [Role; 3] = [Role::Owner, Role::Editor, Role::Viewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Editor => "editor",
            Self::Owner => "owner",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The message naming the role, e.g. for a stored phrase.
    pub fn message_id(self) -> String {
        format!("role-{}", self.as_str())
    }

    /// What the role allows, in a few words for the members page.
    /// The role's name and what it may do, in `lang`.
    pub fn describe(self, lang: crate::i18n::Lang) -> (String, String) {
        let key = self.as_str();
        (
            crate::i18n::t(lang, &self.message_id()),
            crate::i18n::t(lang, &format!("role-description-{key}")),
        )
    }
}

/// A coordinator's membership in the coalition a request is about.
#[derive(Debug, Clone)]
pub struct Membership {
    pub coalition: Coalition,
    pub role: Role,
}
