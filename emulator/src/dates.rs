//! Calendar arithmetic in Moscow time, which SMSC uses for every date it writes and for the
//! `time` parameter of `send.php`. Moscow is UTC+3 all year (no daylight saving since 2014),
//! so plain day arithmetic is enough and no time-zone database is needed.

/// Moscow's offset from UTC, in seconds.
pub const MOSCOW_OFFSET: i64 = 3 * 3600;

/// A calendar date and time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    /// Year, e.g. 2010.
    pub year: i64,
    /// Month, 1–12.
    pub month: i64,
    /// Day of the month, 1–31.
    pub day: i64,
    /// Hour, 0–23.
    pub hour: i64,
    /// Minute, 0–59.
    pub minute: i64,
    /// Second, 0–59.
    pub second: i64,
}

impl DateTime {
    /// The wall-clock time `offset` seconds ahead of UTC at Unix time `unix`.
    pub fn from_unix(unix: i64, offset: i64) -> Self {
        let t = unix + offset;
        let (year, month, day) = civil_from_days(t.div_euclid(86_400));
        let secs = t.rem_euclid(86_400);
        DateTime {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs % 3600 / 60,
            second: secs % 60,
        }
    }

    /// The Unix time of this wall-clock time in a zone `offset` seconds ahead of UTC.
    pub fn to_unix(self, offset: i64) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + self.hour * 3600
            + self.minute * 60
            + self.second
            - offset
    }

    /// Whether the fields name a real moment (31 February does not exist).
    pub fn is_valid(self) -> bool {
        (1..=12).contains(&self.month)
            && (1..=days_in_month(self.year, self.month)).contains(&self.day)
            && (0..24).contains(&self.hour)
            && (0..60).contains(&self.minute)
            && (0..60).contains(&self.second)
    }
}

/// `DD.MM.YYYY hh:mm:ss` in Moscow time, as SMSC writes `last_date`, `send_date`, `check_time`.
pub fn moscow_date(unix: i64) -> String {
    let t = DateTime::from_unix(unix, MOSCOW_OFFSET);
    format!(
        "{:02}.{:02}.{:04} {:02}:{:02}:{:02}",
        t.day, t.month, t.year, t.hour, t.minute, t.second
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day), after Howard Hinnant's
/// `civil_from_days`: shift the year to start in March so the leap day falls last.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The inverse of [`civil_from_days`].
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// When a message given `time` (and `tz`, hours relative to Moscow) goes out, as Unix seconds;
/// `now` when it goes out at once. `None` when `time` is in none of the documented forms, which
/// SMSC answers with error 5:
///
/// * `DDMMYYhhmm` or `DD.MM.YY hh:mm` (also a four-digit year, and seconds): that moment;
/// * `h1-h2`: now if the hour is within the window, else the next `h1:00`;
/// * `0ts`: the Unix timestamp after a leading zero (`0` alone: now);
/// * `+m`: `m` minutes from now.
///
/// A moment in the past means now, as on SMSC.
pub fn send_time(time: &str, tz: i64, now: i64) -> Option<i64> {
    let time = time.trim();
    let offset = MOSCOW_OFFSET + tz * 3600;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let at = if let Some(minutes) = time.strip_prefix('+') {
        if !digits(minutes) || minutes.len() > 6 {
            return None;
        }
        now + minutes.parse::<i64>().ok()? * 60
    } else if digits(time) && time.len() == 10 {
        let n = |i: usize| time[i..i + 2].parse::<i64>().ok();
        let t = DateTime {
            day: n(0)?,
            month: n(2)?,
            year: 2000 + n(4)?,
            hour: n(6)?,
            minute: n(8)?,
            second: 0,
        };
        t.is_valid().then(|| t.to_unix(offset))?
    } else if digits(time) && time.starts_with('0') && time.len() <= 19 {
        time.parse::<i64>().ok()?
    } else if let Some((h1, h2)) = time.split_once('-') {
        let (h1, h2) = (h1.trim(), h2.trim());
        if !digits(h1) || !digits(h2) || h1.len() > 2 || h2.len() > 2 {
            return None;
        }
        let (h1, h2): (i64, i64) = (h1.parse().ok()?, h2.parse().ok()?);
        if h1 > 24 || h2 > 24 || h1 >= h2 {
            return None;
        }
        let local = DateTime::from_unix(now, offset);
        let start_today = DateTime {
            hour: 0,
            minute: 0,
            second: 0,
            ..local
        }
        .to_unix(offset)
            + h1 * 3600;
        if local.hour < h1 {
            start_today
        } else if local.hour < h2 {
            now
        } else {
            start_today + 86_400
        }
    } else {
        let (date, clock) = time.split_once(' ')?;
        let d: Vec<&str> = date.split('.').collect();
        let c: Vec<&str> = clock.trim().split(':').collect();
        let ok_len = |s: &&str, lens: &[usize]| digits(s) && lens.contains(&s.len());
        if d.len() != 3
            || !(2..=3).contains(&c.len())
            || !ok_len(&d[0], &[1, 2])
            || !ok_len(&d[1], &[1, 2])
            || !ok_len(&d[2], &[2, 4])
            || !c.iter().all(|p| ok_len(p, &[1, 2]))
        {
            return None;
        }
        let year: i64 = d[2].parse().ok()?;
        let t = DateTime {
            day: d[0].parse().ok()?,
            month: d[1].parse().ok()?,
            year: if d[2].len() == 2 { 2000 + year } else { year },
            hour: c[0].parse().ok()?,
            minute: c[1].parse().ok()?,
            second: c.get(2).map_or(Some(0), |s| s.parse().ok())?,
        };
        t.is_valid().then(|| t.to_unix(offset))?
    };
    Some(at.max(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moscow_dates() {
        assert_eq!(moscow_date(1_286_524_541), "08.10.2010 10:55:41");
        assert_eq!(moscow_date(0), "01.01.1970 03:00:00");
        assert_eq!(moscow_date(951_782_400), "29.02.2000 03:00:00");
        assert_eq!(moscow_date(-1), "01.01.1970 02:59:59");
    }

    #[test]
    fn days_round_trip() {
        for days in [-800_000, -1, 0, 59, 11_016, 18_000, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn send_time_forms() {
        // 08.10.2010 10:55:41 Moscow.
        let now = 1_286_524_541;
        let at = |y, mo, d, h, mi| {
            DateTime {
                year: y,
                month: mo,
                day: d,
                hour: h,
                minute: mi,
                second: 0,
            }
            .to_unix(MOSCOW_OFFSET)
        };
        assert_eq!(
            send_time("0910101230", 0, now),
            Some(at(2010, 10, 9, 12, 30))
        );
        assert_eq!(
            send_time("09.10.10 12:30", 0, now),
            Some(at(2010, 10, 9, 12, 30))
        );
        assert_eq!(
            send_time("9.10.2010 12:30:00", 0, now),
            Some(at(2010, 10, 9, 12, 30))
        );
        // tz=1: the given time is one hour ahead of Moscow, so it is an hour earlier in Moscow.
        assert_eq!(
            send_time("09.10.10 12:30", 1, now),
            Some(at(2010, 10, 9, 11, 30))
        );
        assert_eq!(send_time("+15", 0, now), Some(now + 900));
        assert_eq!(send_time("0", 0, now), Some(now));
        assert_eq!(send_time("01286530000", 0, now), Some(1_286_530_000));
        assert_eq!(send_time("12-18", 0, now), Some(at(2010, 10, 8, 12, 0)));
        assert_eq!(send_time("10-18", 0, now), Some(now));
        assert_eq!(send_time("8-10", 0, now), Some(at(2010, 10, 9, 8, 0)));
        assert_eq!(
            send_time("01.01.10 00:00", 0, now),
            Some(now),
            "past means now"
        );
        for bad in [
            "soon",
            "31.02.11 10:00",
            "3210101230",
            "18-12",
            "+",
            "1.2.3 4:5:6:7",
            "",
        ] {
            assert_eq!(send_time(bad, 0, now), None, "{bad}");
        }
    }
}
