//! An embargo: the moment a release may be reported, kept in UTC with the
//! time zone it was set in, so mails and pages say it the way it was meant.

use chrono::NaiveDateTime;
use chrono_tz::Tz;

use crate::i18n::Lang;
use crate::i18n::local_time::{self, LocalTimeError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embargo {
    /// The moment, in UTC.
    pub at: NaiveDateTime,
    pub zone: Tz,
}

impl Embargo {
    /// An embargo from the local date and time typed in `zone`. A time the
    /// clocks skip or repeat is refused, so the moment is never a guess.
    pub fn parse(local: &str, zone: &str) -> Result<Self, LocalTimeError> {
        let zone = local_time::parse_zone(zone)?;
        let at = local_time::to_utc(local, zone)?;
        Ok(Self { at, zone })
    }

    /// From what is stored; an unknown zone name reads as UTC.
    pub fn stored(at: NaiveDateTime, zone: &str) -> Self {
        Self {
            at,
            zone: local_time::stored_zone(zone),
        }
    }

    pub fn has_lifted(&self, now: NaiveDateTime) -> bool {
        now >= self.at
    }

    /// The value for the form's date-time field.
    pub fn local_input(&self) -> String {
        local_time::input_value(self.at, self.zone)
    }

    /// "24 November 2026, 09:00 CET (Europe/Berlin)", as press releases put it.
    pub fn display(&self) -> String {
        self.display_in(Lang::En)
    }

    /// The same in `lang`: "24 de noviembre de 2026, 09:00 CET
    /// (Europe/Berlin)". The time is on the 24-hour clock and the zone is
    /// named by its abbreviation and its IANA name, which read the same in
    /// every language.
    pub fn display_in(&self, lang: Lang) -> String {
        local_time::long_date_time(lang, self.zone, self.at)
    }
}

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
            embargo.display_in(Lang::Es),
            "24 de noviembre de 2026, 09:00 CET (Europe/Berlin)"
        );
    }

    #[test]
    fn a_time_the_clocks_skip_or_repeat_is_refused() {
        assert_eq!(
            Embargo::parse("2026-03-29T02:30", "Europe/Madrid"),
            Err(LocalTimeError::SkippedTime)
        );
        assert_eq!(
            Embargo::parse("2026-10-25T02:30", "Europe/Madrid"),
            Err(LocalTimeError::AmbiguousTime)
        );
    }

    #[test]
    fn unknown_zones_and_garbage_are_refused() {
        assert_eq!(
            Embargo::parse("2026-11-24T09:00", "Mars/Olympus"),
            Err(LocalTimeError::UnknownZone)
        );
        assert_eq!(
            Embargo::parse("tomorrow", "UTC"),
            Err(LocalTimeError::BadTime)
        );
    }
}
