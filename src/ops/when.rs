//! Dates and times given in ISO 8601, as languages write them (Python's `isoformat()`, the JS
//! wrapper's rendering of a `Date`, `chrono` and `time` in Rust), turned into the forms SMSC's
//! pages document. Text already in SMSC's forms passes through untouched.
//!
//! * A day (`start`, `end` of the history, statistics, mailing lists and sub-client
//!   statistics): `2026-03-01`, or a date-time whose date part is taken as written, becomes
//!   `01.03.2026`.
//! * A send time (`time`): a date-time with a zone (`Z`, `+03:00`) names one instant and is sent
//!   as a Unix timestamp, `0<seconds>`, which SMSC takes whatever the account's zone and `tz`;
//!   one without a zone is sent as `DD.MM.YY hh:mm`, read by SMSC in the zone `tz` gives (the
//!   account's zone, Moscow by default, when `tz` is absent). Seconds are dropped: SMSC schedules
//!   by the minute.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// An ISO 8601 date-time as far as it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Iso {
    year: i64,
    month: u32,
    day: u32,
    /// Hour, minute and second, when a time was written.
    time: Option<(u32, u32, u32)>,
    /// The zone's offset from UTC in minutes, when one was written.
    offset_min: Option<i64>,
}

/// Reads `YYYY-MM-DD`, optionally followed by `T` (or a space) and `hh:mm[:ss[.fff…]]`, and a zone
/// (`Z` or `±hh:mm`, `±hhmm`). `None` for anything else.
fn parse(text: &str) -> Option<Iso> {
    let b = text.trim().as_bytes();
    let num = |s: &[u8]| -> Option<u32> {
        (!s.is_empty() && s.iter().all(u8::is_ascii_digit))
            .then(|| s.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (date, rest) = (b.get(..10)?, b.get(10..)?);
    if date.get(4) != Some(&b'-') || date.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (
        num(date.get(..4)?)?,
        num(date.get(5..7)?)?,
        num(date.get(8..10)?)?,
    );
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(i64::from(year), month) {
        return None;
    }
    let mut iso = Iso {
        year: i64::from(year),
        month,
        day,
        time: None,
        offset_min: None,
    };
    if rest.is_empty() {
        return Some(iso);
    }
    if !matches!(rest.first(), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let rest = rest.get(1..)?;
    let (h, m) = (num(rest.get(..2)?)?, num(rest.get(3..5)?)?);
    if rest.get(2) != Some(&b':') || h > 23 || m > 59 {
        return None;
    }
    let mut rest = rest.get(5..)?;
    let mut s = 0;
    if rest.first() == Some(&b':') {
        s = num(rest.get(1..3)?)?;
        if s > 60 {
            return None;
        }
        rest = rest.get(3..)?;
        if rest.first() == Some(&b'.') {
            let digits = rest
                .iter()
                .skip(1)
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits == 0 {
                return None;
            }
            rest = rest.get(1 + digits..)?;
        }
    }
    iso.time = Some((h, m, s.min(59)));
    iso.offset_min = match rest {
        [] => None,
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), zone @ ..] => {
            let (zh, zm) = match zone {
                [a, b, b':', c, d] | [a, b, c, d] => (num(&[*a, *b])?, num(&[*c, *d])?),
                [a, b] => (num(&[*a, *b])?, 0),
                _ => return None,
            };
            if zh > 23 || zm > 59 {
                return None;
            }
            let minutes = i64::from(zh * 60 + zm);
            Some(if *sign == b'-' { -minutes } else { minutes })
        }
        _ => return None,
    };
    Some(iso)
}

fn leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A day: an ISO 8601 date (or date-time, its date as written) as `DD.MM.YYYY`; other text as
/// it is, for the field's own check.
pub(crate) fn day(text: &str) -> Cow<'_, str> {
    match parse(text) {
        Some(iso) => Cow::Owned(format!("{:02}.{:02}.{:04}", iso.day, iso.month, iso.year)),
        None => Cow::Borrowed(text),
    }
}

/// A send time: an ISO 8601 date-time with a zone as `0<unix seconds>`, one without as
/// `DD.MM.YY hh:mm`; other text as it is, for the field's own check. A bare date is refused:
/// a send time needs its hour.
pub(crate) fn send_time<'a>(field: &str, text: &'a str) -> Result<Cow<'a, str>> {
    let Some(iso) = parse(text) else {
        return Ok(Cow::Borrowed(text));
    };
    let Some((h, m, s)) = iso.time else {
        return Err(Error::invalid(
            field,
            format!("{text:?} is a day without a time; give a date-time (such as a datetime or Date), or SMSC's \"DD.MM.YY hh:mm\""),
        ));
    };
    Ok(Cow::Owned(match iso.offset_min {
        Some(offset) => {
            let local = days_from_civil(iso.year, iso.month, iso.day) * 86_400
                + i64::from(h * 3600 + m * 60 + s);
            let unix = local - offset * 60;
            if unix <= 0 {
                return Err(Error::invalid(field, format!("{text:?} lies before 1970")));
            }
            format!("0{unix}")
        }
        None => format!(
            "{:02}.{:02}.{:02} {h:02}:{m:02}",
            iso.day,
            iso.month,
            iso.year.rem_euclid(100)
        ),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_in_iso_become_smsc_days_and_other_text_passes() {
        assert_eq!(day("2026-03-01"), "01.03.2026");
        assert_eq!(day("2026-03-01T23:30:00+03:00"), "01.03.2026");
        assert_eq!(day("01.03.2026"), "01.03.2026");
        assert_eq!(
            day("2026-02-30"),
            "2026-02-30",
            "no such day: left to the field's check"
        );
        assert_eq!(day("2024-02-29"), "29.02.2024");
    }

    #[test]
    fn send_times_with_a_zone_become_unix_times_and_without_one_moscow_style_text() {
        let t = |s| send_time("time", s).unwrap().into_owned();
        // 2026-12-02 17:00 in Moscow is 14:00 UTC: 1796220000.
        assert_eq!(t("2026-12-02T14:00:00Z"), "01796220000");
        assert_eq!(t("2026-12-02T17:00:00+03:00"), "01796220000");
        assert_eq!(t("2026-12-02T17:00:00.123+0300"), "01796220000");
        assert_eq!(t("2026-12-02T09:00-05:00"), "01796220000");
        assert_eq!(t("2026-12-02T17:05:59"), "02.12.26 17:05");
        assert_eq!(t("2026-12-02 17:05"), "02.12.26 17:05");
        assert_eq!(t("+60"), "+60");
        assert_eq!(t("0201261200"), "0201261200");
        assert!(matches!(
            send_time("time", "2026-12-02"),
            Err(Error::Invalid { .. })
        ));
        assert!(matches!(
            send_time("time", "1960-01-01T00:00Z"),
            Err(Error::Invalid { .. })
        ));
    }

    #[test]
    fn the_civil_calendar_is_counted_right() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2026, 12, 2), 20_789);
    }
}
