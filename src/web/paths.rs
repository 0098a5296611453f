//! The typed paths of routes: one struct per set of path segments, named
//! after them, so a handler reads `path.statement`, never a tuple index.
//! A struct names only the segments its handlers use; the `{coalition}` of
//! a coordinator route is the guard's.

use serde::Deserialize;

/// `…{contact}`
#[derive(Debug, Deserialize)]
pub struct ContactPath {
    pub contact: String,
}

/// `/u/{coalition}/{email}/{token}`: a one-click unsubscribe link.
#[derive(Debug, Deserialize)]
pub struct UnsubscribePath {
    pub coalition: String,
    pub email: String,
    pub token: String,
}

/// `…{invitation}`
#[derive(Debug, Deserialize)]
pub struct InvitationPath {
    pub invitation: String,
}

/// `…{id}/{token}`
#[derive(Debug, Deserialize)]
pub struct LinkPath {
    pub id: String,
    pub token: String,
}

/// `…{list}`
#[derive(Debug, Deserialize)]
pub struct ListPath {
    pub list: String,
}

/// `…{mailing}`
#[derive(Debug, Deserialize)]
pub struct MailingPath {
    pub mailing: String,
}

/// `…{member}`
#[derive(Debug, Deserialize)]
pub struct MemberPath {
    pub member: String,
}

/// `…{slug}/{lang}`
#[derive(Debug, Deserialize)]
pub struct PageLanguagePath {
    pub slug: String,
    pub lang: String,
}

/// `…{release}/{number}`
#[derive(Debug, Deserialize)]
pub struct ReleaseNumberPath {
    pub release: String,
    pub number: i32,
}

/// `…{release}`
#[derive(Debug, Deserialize)]
pub struct ReleasePath {
    pub release: String,
}

/// `…{statement}/{comment}`
#[derive(Debug, Deserialize)]
pub struct StatementCommentPath {
    pub statement: String,
    pub comment: String,
}

/// `…{statement}/{lang}`
#[derive(Debug, Deserialize)]
pub struct StatementLangPath {
    pub statement: String,
    pub lang: String,
}

/// `…{statement}`
#[derive(Debug, Deserialize)]
pub struct StatementPath {
    pub statement: String,
}

/// `…{statement}/{signature}`
#[derive(Debug, Deserialize)]
pub struct StatementSignaturePath {
    pub statement: String,
    pub signature: String,
}

/// `…{statement}/{upload}`
#[derive(Debug, Deserialize)]
pub struct StatementUploadPath {
    pub statement: String,
    pub upload: String,
}

/// `…{upload}`
#[derive(Debug, Deserialize)]
pub struct UploadPath {
    pub upload: String,
}
