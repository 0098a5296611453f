//! Times as coordinators type and read them: a local date and time in a
//! named IANA zone, kept in UTC. A coalition has a zone; every time typed
//! into a form is read in the zone chosen beside it (the coalition's by
//! default) and every time shown is written in the coalition's zone, in the
//! reader's language, with the zone named, so nobody converts from UTC.

use chrono::{LocalResult, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::Lang;
use super::dates;

/// The form of `<input type="datetime-local">`.
const INPUT_FORMAT: &str = "%Y-%m-%dT%H:%M";

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    // The messages are for logs; pages say [`LocalTimeError::message_id`].
    #[error("enter the date and time as 2026-11-24 09:00")]
    BadTime,
    #[error("choose a time zone from the list, such as America/Mexico_City")]
    UnknownZone,
    #[error("that time does not exist in this time zone: the clocks skip it")]
    SkippedTime,
    #[error("that time happens twice in this time zone: the clocks go back")]
    AmbiguousTime,
}

impl LocalTimeError {
    /// The id of the message that tells the coordinator what to do.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::BadTime => "time-error-format",
            Self::UnknownZone => "time-error-zone",
            Self::SkippedTime => "time-error-skipped",
            Self::AmbiguousTime => "time-error-ambiguous",
        }
    }
}

/// A zone from its IANA name, as typed or chosen ("America/Mexico_City").
pub fn parse_zone(name: &str) -> Result<Tz, LocalTimeError> {
    name.trim().parse().map_err(|_| LocalTimeError::UnknownZone)
}

/// A zone field that may be left empty: empty means `default` (the
/// coalition's zone, or UTC for a new coalition).
pub fn zone_or(name: &str, default: Tz) -> Result<Tz, LocalTimeError> {
    if name.trim().is_empty() {
        return Ok(default);
    }
    parse_zone(name)
}

/// A stored zone name; an unknown one reads as UTC.
pub fn stored_zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// The UTC moment of `local` ("2026-11-24T09:00", also with seconds or a
/// space) in `zone`. A local time that does not exist or happens twice
/// (a daylight-saving change) is refused: the coordinator chooses.
pub fn to_utc(local: &str, zone: Tz) -> Result<NaiveDateTime, LocalTimeError> {
    let local = local.trim().replace(' ', "T");
    let naive = NaiveDateTime::parse_from_str(&local, INPUT_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(&local, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| LocalTimeError::BadTime)?;
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(at) => Ok(at.naive_utc()),
        LocalResult::Ambiguous(..) => Err(LocalTimeError::AmbiguousTime),
        LocalResult::None => Err(LocalTimeError::SkippedTime),
    }
}

/// `to_utc` for an optional form field: empty means no time.
pub fn optional_to_utc(local: &str, zone: Tz) -> Result<Option<NaiveDateTime>, LocalTimeError> {
    if local.trim().is_empty() {
        return Ok(None);
    }
    to_utc(local, zone).map(Some)
}

/// The UTC moment at which the day after `at` begins in `zone` (its first
/// existing moment, where a daylight-saving change skips midnight).
pub fn next_midnight(zone: Tz, at: NaiveDateTime) -> NaiveDateTime {
    let today = zone.from_utc_datetime(&at).date_naive();
    let tomorrow = today
        .succ_opt()
        .unwrap_or(today)
        .and_time(chrono::NaiveTime::MIN);
    (0..=3)
        .find_map(|hours| {
            zone.from_local_datetime(&(tomorrow + chrono::Duration::hours(hours)))
                .earliest()
        })
        .map_or(at + chrono::Duration::days(1), |start| start.naive_utc())
}

/// The value of a date-time field showing `at` in `zone`.
pub fn input_value(at: NaiveDateTime, zone: Tz) -> String {
    zone.from_utc_datetime(&at).format(INPUT_FORMAT).to_string()
}

/// The zone's abbreviation at that moment ("CST", "CET"), or its offset
/// from UTC where the zone has no letters in common use ("UTC-05").
fn abbreviation(local: &chrono::DateTime<Tz>) -> String {
    let abbreviation = local.format("%Z").to_string();
    if abbreviation.starts_with(['+', '-']) {
        format!("UTC{abbreviation}")
    } else {
        abbreviation
    }
}

/// "2 dic 2026, 09:00 CST": a time in a table or a line of text.
pub fn date_time(lang: Lang, zone: Tz, at: NaiveDateTime) -> String {
    let local = zone.from_utc_datetime(&at);
    format!(
        "{}, {} {}",
        dates::medium_date(lang, local.date_naive()),
        local.format("%H:%M"),
        abbreviation(&local)
    )
}

/// "2 de diciembre de 2026, 09:00 CST (America/Mexico_City)": a time that
/// matters on its own, such as an embargo or a deadline. The zone's IANA
/// name reads the same in every language; UTC is named once.
pub fn long_date_time(lang: Lang, zone: Tz, at: NaiveDateTime) -> String {
    let local = zone.from_utc_datetime(&at);
    let abbreviation = abbreviation(&local);
    let date = dates::long_date(lang, local.date_naive());
    let time = local.format("%H:%M");
    if abbreviation == zone.name() {
        format!("{date}, {time} {abbreviation}")
    } else {
        format!("{date}, {time} {abbreviation} ({})", zone.name())
    }
}

/// "2 de diciembre de 2026": the day of `at` in `zone`, written out.
pub fn long_date(lang: Lang, zone: Tz, at: NaiveDateTime) -> String {
    dates::long_date(lang, zone.from_utc_datetime(&at).date_naive())
}

/// "2 dic 2026": the day of `at` in `zone`.
pub fn date(lang: Lang, zone: Tz, at: NaiveDateTime) -> String {
    dates::medium_date(lang, zone.from_utc_datetime(&at).date_naive())
}

/// Zones offered first in a zone field: the coalitions we serve and the
/// capitals journalists write from. Any IANA name is accepted.
pub const COMMON_ZONES: &[&str] = &[
    "America/Mexico_City",
    "America/Guatemala",
    "America/El_Salvador",
    "America/Tegucigalpa",
    "America/Managua",
    "America/Costa_Rica",
    "America/Panama",
    "America/Bogota",
    "America/Caracas",
    "America/Lima",
    "America/Guayaquil",
    "America/La_Paz",
    "America/Santiago",
    "America/Argentina/Buenos_Aires",
    "America/Sao_Paulo",
    "America/Santo_Domingo",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "Europe/Madrid",
    "Europe/London",
    "Europe/Brussels",
    "UTC",
];

/// Every zone name a zone field suggests: the common ones, then the rest of
/// the IANA database in alphabetical order.
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    let rest = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|zone| zone.name())
        .filter(|name| !COMMON_ZONES.contains(name));
    COMMON_ZONES.iter().copied().chain(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a time")
    }

    #[test]
    fn the_next_day_begins_at_local_midnight() {
        let mexico: Tz = "America/Mexico_City".parse().unwrap();
        // 23:30 on 2 Dec in Mexico City is 05:30 UTC on 3 Dec.
        assert_eq!(
            next_midnight(mexico, utc("2026-12-03 05:30")),
            utc("2026-12-03 06:00")
        );
        assert_eq!(
            next_midnight(Tz::UTC, utc("2026-12-03 00:00")),
            utc("2026-12-04 00:00")
        );
        // Santiago skipped midnight on 6 Sep 2026 (00:00 became 01:00).
        let santiago: Tz = "America/Santiago".parse().unwrap();
        assert_eq!(
            next_midnight(santiago, utc("2026-09-05 12:00")),
            utc("2026-09-06 04:00")
        );
    }

    #[test]
    fn a_local_time_is_kept_in_utc_and_given_back_as_typed() {
        let zone = parse_zone("America/Mexico_City").expect("a zone");

        let at = to_utc("2026-12-10T09:00", zone).expect("a time");

        assert_eq!(at, utc("2026-12-10 15:00"));
        assert_eq!(input_value(at, zone), "2026-12-10T09:00");
        assert_eq!(date_time(Lang::Es, zone, at), "10 dic 2026, 09:00 CST");
        assert_eq!(
            long_date_time(Lang::En, zone, at),
            "10 December 2026, 09:00 CST (America/Mexico_City)"
        );
    }

    #[test]
    fn times_the_clocks_skip_or_repeat_are_refused() {
        let zone = parse_zone("America/New_York").expect("a zone");

        assert_eq!(
            to_utc("2026-03-08T02:30", zone),
            Err(LocalTimeError::SkippedTime)
        );
        assert_eq!(
            to_utc("2026-11-01T01:30", zone),
            Err(LocalTimeError::AmbiguousTime)
        );
        assert!(to_utc("2026-11-01T03:30", zone).is_ok());
    }

    #[test]
    fn garbage_and_unknown_zones_are_refused_and_empty_means_none() {
        assert_eq!(parse_zone("Mars/Olympus"), Err(LocalTimeError::UnknownZone));
        assert_eq!(to_utc("tomorrow", Tz::UTC), Err(LocalTimeError::BadTime));
        assert_eq!(optional_to_utc("  ", Tz::UTC), Ok(None));
        assert_eq!(zone_or(" ", Tz::Europe__Madrid), Ok(Tz::Europe__Madrid));
    }

    #[test]
    fn utc_is_named_once() {
        let shown = long_date_time(Lang::Es, Tz::UTC, utc("2099-06-01 09:00"));

        assert_eq!(shown, "1 de junio de 2099, 09:00 UTC");
    }

    #[test]
    fn a_zone_without_letters_is_named_by_its_offset() {
        let zone = parse_zone("America/Bogota").expect("a zone");

        let shown = date_time(Lang::En, zone, utc("2026-06-10 15:00"));

        assert_eq!(shown, "10 Jun 2026, 10:00 UTC-05");
    }

    #[test]
    fn every_common_zone_is_a_real_zone_and_offered_once() {
        let names: Vec<&str> = zone_names().collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();

        assert!(COMMON_ZONES.iter().all(|name| parse_zone(name).is_ok()));
        assert_eq!(unique.len(), names.len());
        assert!(names.len() > 400);
    }
}
