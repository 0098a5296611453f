//! The sign-ons-per-day chart: an SVG drawn on the server, readable without
//! JavaScript, with a text alternative.

use chrono::{Datelike, Duration, NaiveDate};
use maud::{Markup, html};

use crate::i18n::{Lang, t_args};

const WIDTH: i64 = 600;
const HEIGHT: i64 = 160;
const AXIS: i64 = 20;

/// Bars for the `days` days ending `today`; missing days count zero.
pub fn per_day(lang: Lang, counts: &[(NaiveDate, i64)], today: NaiveDate, days: i64) -> Markup {
    let start = today - Duration::days(days - 1);
    let series: Vec<(NaiveDate, i64)> = (0..days)
        .map(|i| start + Duration::days(i))
        .map(|d| {
            (
                d,
                counts
                    .iter()
                    .find(|(day, _)| *day == d)
                    .map_or(0, |(_, n)| *n),
            )
        })
        .collect();
    let max = series.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let total: i64 = series.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return html! { p.chart-empty { (t_args(lang, "chart-empty", &[("days", days.into())])) } };
    }
    let slot = WIDTH / days.max(1);
    let plot = HEIGHT - AXIS;
    let label = t_args(
        lang,
        "chart-label",
        &[
            ("total", total.into()),
            ("days", days.into()),
            ("max", max.into()),
        ],
    );
    let day_label = |day: NaiveDate| {
        t_args(
            lang,
            "chart-day",
            &[("month", day.month().into()), ("day", day.day().into())],
        )
    };
    html! {
        svg.chart viewBox={ "0 0 " (WIDTH) " " (HEIGHT) } role="img" aria-label=(label) xmlns="http://www.w3.org/2000/svg" {
            title { (label) }
            line x1="0" y1=(plot) x2=(WIDTH) y2=(plot) stroke="#8a8a93" stroke-width="1" {}
            @for (i, (day, n)) in series.iter().enumerate() {
                @let height = n * (plot - 4) / max;
                @let x = i as i64 * slot + 1;
                rect x=(x) y=(plot - height) width=(slot - 2) height=(height) fill="#1d4ed8" {
                    title { (day.format("%Y-%m-%d")) ": " (n) }
                }
            }
            text x="0" y=(HEIGHT - 4) font-size="11" fill="#5b5b66" { (day_label(start)) }
            text x=(WIDTH) y=(HEIGHT - 4) font-size="11" fill="#5b5b66" text-anchor="end" { (day_label(today)) }
            text x=(WIDTH) y="12" font-size="11" fill="#5b5b66" text-anchor="end" { (t_args(lang, "chart-max", &[("max", max.into())])) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_period_says_so_in_words() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");

        let html = per_day(Lang::En, &[], today, 30).into_string();

        assert!(html.contains("No confirmed sign-ons in the last 30 days yet."));
        assert!(!html.contains("<svg"));
    }

    #[test]
    fn the_chart_has_a_bar_per_day_and_a_text_alternative() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let counts = [(today, 4), (today - Duration::days(2), 2)];

        let svg = per_day(Lang::En, &counts, today, 7).into_string();

        assert_eq!(svg.matches("<rect").count(), 7);
        assert!(svg.contains("6 confirmed sign-ons in the last 7 days"));
        assert!(svg.contains("2026-11-22: 4"));
        assert!(svg.contains(">Nov 16</text>"), "the first day on the axis");
        assert!(svg.contains(">Nov 22</text>"), "the last day on the axis");
    }
}
