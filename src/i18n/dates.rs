//! Dates and times written out for readers of a UI language, with CLDR
//! data compiled into the binary (ICU4X), not month names of our own.

use chrono::{Datelike, NaiveDate};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_locale::{Locale, locale};

use super::Lang;

fn locale_of(lang: Lang) -> Locale {
    match lang {
        // Day before month, as releases in English are dated here so far.
        Lang::En => locale!("en-GB"),
        Lang::Es => locale!("es"),
    }
}

fn format(lang: Lang, date: NaiveDate, fields: YMD) -> String {
    let iso = Date::try_new_iso(
        date.year(),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    );
    let formatter = DateTimeFormatter::try_new(locale_of(lang).into(), fields);
    match (iso, formatter) {
        (Ok(iso), Ok(formatter)) => formatter.format(&iso).to_string(),
        // Compiled data covers every UI language; an ISO date is the
        // readable answer if that ever fails.
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// "2 December 2026", "2 de diciembre de 2026".
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    format(lang, date, YMD::long())
}

/// "2 Dec 2026", "2 dic 2026": for tables and lists.
pub fn medium_date(lang: Lang, date: NaiveDate) -> String {
    format(lang, date, YMD::medium())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_written_the_way_each_language_writes_it() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date");

        assert_eq!(long_date(Lang::En, date), "2 December 2026");
        assert_eq!(long_date(Lang::Es, date), "2 de diciembre de 2026");
        assert_eq!(medium_date(Lang::En, date), "2 Dec 2026");
        assert_eq!(medium_date(Lang::Es, date), "2 dic 2026");
    }
}
