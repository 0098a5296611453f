//! An embargo: the moment a release may be reported, kept in UTC with the
//! time zone it was set in, so mails and pages say it the way it was meant.

use chrono::{LocalResult, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// The form of `<input type="datetime-local">`.
const LOCAL_INPUT: &str = "%Y-%m-%dT%H:%M";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embargo {
    /// The moment, in UTC.
    pub at: NaiveDateTime,
    pub zone: Tz,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmbargoError {
    // The messages are for logs; pages say [`EmbargoError::message_id`].
    #[error("enter the date and time as 2026-11-24 09:00")]
    BadTime,
    #[error("choose a time zone from the list, such as Europe/Madrid or America/Mexico_City")]
    UnknownZone,
    #[error("that time does not exist in this time zone (the clocks skip it); choose another")]
    SkippedTime,
}

impl EmbargoError {
    /// The id of the message that tells the coordinator what to do.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::BadTime => "press-embargo-error-time",
            Self::UnknownZone => "press-embargo-error-zone",
            Self::SkippedTime => "press-embargo-error-skipped",
        }
    }
}

impl Embargo {
    /// An embargo from the local date and time typed in `zone`. A time that
    /// happens twice (clocks going back) means its first occurrence.
    pub fn parse(local: &str, zone: &str) -> Result<Self, EmbargoError> {
        let zone: Tz = zone.trim().parse().map_err(|_| EmbargoError::UnknownZone)?;
        let local = local.trim().replace(' ', "T");
        let naive = NaiveDateTime::parse_from_str(&local, LOCAL_INPUT)
            .or_else(|_| NaiveDateTime::parse_from_str(&local, "%Y-%m-%dT%H:%M:%S"))
            .map_err(|_| EmbargoError::BadTime)?;
        let at = match zone.from_local_datetime(&naive) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.naive_utc(),
            LocalResult::None => return Err(EmbargoError::SkippedTime),
        };
        Ok(Self { at, zone })
    }

    /// From what is stored; an unknown zone name reads as UTC.
    pub fn stored(at: NaiveDateTime, zone: &str) -> Self {
        Self {
            at,
            zone: zone.parse().unwrap_or(Tz::UTC),
        }
    }

    pub fn has_lifted(&self, now: NaiveDateTime) -> bool {
        now >= self.at
    }

    fn local(&self) -> chrono::DateTime<Tz> {
        self.zone.from_utc_datetime(&self.at)
    }

    /// The value for the form's date-time field.
    pub fn local_input(&self) -> String {
        self.local().format(LOCAL_INPUT).to_string()
    }

    /// "24 November 2026, 09:00 CET (Europe/Berlin)", as press releases put it.
    pub fn display(&self) -> String {
        self.display_in(crate::i18n::Lang::En)
    }

    /// The same in `lang`: "24 de noviembre de 2026, 09:00 CET
    /// (Europe/Berlin)". The time is on the 24-hour clock and the zone is
    /// named by its abbreviation and its IANA name, which read the same in
    /// every language.
    pub fn display_in(&self, lang: crate::i18n::Lang) -> String {
        let local = self.local();
        format!(
            "{}, {} ({})",
            crate::i18n::dates::long_date(lang, local.date_naive()),
            local.format("%H:%M %Z"),
            self.zone.name()
        )
    }
}

/// Common time zones offered first in the form; any IANA name is accepted.
pub const COMMON_ZONES: &[&str] = &[
    "UTC",
    "Europe/London",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Brussels",
    "Africa/Nairobi",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Asia/Kolkata",
    "Asia/Manila",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Mexico_City",
    "America/Bogota",
    "America/Lima",
    "America/Santiago",
    "America/Argentina/Buenos_Aires",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_time_is_stored_in_utc_and_shown_in_its_zone() {
        let embargo = Embargo::parse("2026-11-24T09:00", "Europe/Berlin").unwrap();

        assert_eq!(embargo.at.to_string(), "2026-11-24 08:00:00");
        assert_eq!(
            embargo.display(),
            "24 November 2026, 09:00 CET (Europe/Berlin)"
        );
        assert_eq!(embargo.local_input(), "2026-11-24T09:00");
        assert_eq!(
            embargo.display_in(crate::i18n::Lang::Es),
            "24 de noviembre de 2026, 09:00 CET (Europe/Berlin)"
        );
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused() {
        assert_eq!(
            Embargo::parse("2026-03-29T02:30", "Europe/Madrid"),
            Err(EmbargoError::SkippedTime)
        );
    }

    #[test]
    fn unknown_zones_and_garbage_are_refused() {
        assert_eq!(
            Embargo::parse("2026-11-24T09:00", "Mars/Olympus"),
            Err(EmbargoError::UnknownZone)
        );
        assert_eq!(
            Embargo::parse("tomorrow", "UTC"),
            Err(EmbargoError::BadTime)
        );
    }
}
