//! What the "Getting data" operations share in their requests (`get.php`, `info.php`,
//! `tinyurls.php`, pages under <https://smscentre.com/api/http/get_data/>): the `dd.mm.yyyy`
//! dates (read here for every operation that names a day) and the six-month window of the
//! history, and lists of numbers and addresses to look up.
//! Their answers are read by [`super::records`], with a [`super::records::Layout`] per operation.

use super::validate::{self, Phones};
use crate::error::{Error, Result};

/// A calendar date given as `dd.mm.yyyy`: the one reader of every day a parameter names (periods,
/// birthdays, `from_date`), so that all of them take the same forms and refuse the same days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// Reads `dd.mm.yyyy` (one-digit days and months are taken too, and an ISO 8601 day is
    /// rewritten so) and checks that the day exists.
    pub(crate) fn parse(field: &str, text: &str) -> Result<Date> {
        let day = super::when::day(text.trim());
        let t = day.as_ref();
        let bad = || {
            Error::invalid(
                field,
                format!("{text:?} is not a date in the form dd.mm.yyyy (e.g. 01.02.2024)"),
            )
        };
        let parts: Vec<&str> = t.split('.').collect();
        let [d, m, y] = parts.as_slice() else {
            return Err(bad());
        };
        let digits = |s: &str, lens: &[usize]| {
            lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(d, &[1, 2]) || !digits(m, &[1, 2]) || !digits(y, &[4]) {
            return Err(bad());
        }
        let date = Date {
            day: d.parse().map_err(|_| bad())?,
            month: m.parse().map_err(|_| bad())?,
            year: y.parse().map_err(|_| bad())?,
        };
        if !(1..=12).contains(&date.month) || date.day < 1 || date.day > date.month_len() {
            return Err(Error::invalid(
                field,
                format!("{text:?}: there is no such day; give a real date as dd.mm.yyyy"),
            ));
        }
        Ok(date)
    }

    fn month_len(self) -> u32 {
        days_in_month(self.year, self.month)
    }

    /// The same day `n` months later, or the month's last day when it is shorter
    /// (31.08 + 6 months = 28.02 or 29.02).
    pub(crate) fn plus_months(self, n: u32) -> Date {
        let index = self.month - 1 + n;
        let (year, month) = (self.year + index / 12, index % 12 + 1);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// `dd.mm.yyyy`, as the server takes it.
    pub(crate) fn text(self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A period of `start` and `end` dates, checked: `end` needs `start` and may not come before
/// it; with `max_months`, the period may not be longer. The core has no clock, so only what the
/// two dates say is checked, never how far back they lie.
pub(crate) fn period(
    start: Option<&str>,
    end: Option<&str>,
    max_months: Option<u32>,
) -> Result<(Option<Date>, Option<Date>)> {
    let start = start.map(|s| Date::parse("start", s)).transpose()?;
    let end = end.map(|e| Date::parse("end", e)).transpose()?;
    if let (None, Some(_)) = (start, end) {
        return Err(Error::invalid(
            "end",
            "`end` closes a period that opens at `start`; give `start` too",
        ));
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(Error::invalid(
                "end",
                format!(
                    "end {} is before start {}; give the earlier date as `start`",
                    e.text(),
                    s.text()
                ),
            ));
        }
        if let Some(months) = max_months {
            let last = s.plus_months(months);
            if e > last {
                return Err(Error::invalid(
                    "end",
                    format!(
                        "the period {} to {} is longer than six months, the most SMSC returns at once; end it by {} and ask for the rest in another request",
                        s.text(),
                        e.text(),
                        last.text()
                    ),
                ));
            }
        }
    }
    Ok((start, end))
}

/// Phone numbers to look something up for: each checked and normalised as for sending, joined
/// with commas.
pub(crate) fn phone_list(field: &str, phones: &Phones) -> Result<String> {
    list(field, phones, "phone number", validate::normalise_phone)
}

/// E-mail addresses to look something up for, joined with commas.
pub(crate) fn email_list(field: &str, emails: &Phones) -> Result<String> {
    list(field, emails, "e-mail address", |raw| {
        let address = raw.trim();
        validate::email("", address)
            .map(|()| address.to_string())
            .map_err(|_| "is not an e-mail address".to_string())
    })
}

fn list(
    field: &str,
    items: &Phones,
    what: &str,
    one: impl Fn(&str) -> std::result::Result<String, String>,
) -> Result<String> {
    let raw: Vec<&str> = match items {
        Phones::Joined(s) => s.split([',', ';']).collect(),
        Phones::List(l) => l.iter().flat_map(|s| s.split([',', ';'])).collect(),
    };
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, item) in raw.iter().enumerate() {
        if item.trim().is_empty() {
            return Err(Error::invalid(
                field,
                format!(
                    "{what} #{} is empty (check for a stray comma or semicolon)",
                    i + 1
                ),
            ));
        }
        let value = one(item)
            .map_err(|why| Error::invalid(field, format!("{what} #{} {item:?} {why}", i + 1)))?;
        let key = value.trim_start_matches('+').to_ascii_lowercase();
        if out
            .iter()
            .any(|v| v.trim_start_matches('+').to_ascii_lowercase() == key)
        {
            return Err(Error::invalid(
                field,
                format!("{value:?} is listed twice; give each {what} once"),
            ));
        }
        out.push(value);
    }
    if out.is_empty() {
        return Err(Error::invalid(field, format!("no {what} given")));
    }
    Ok(out.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse("start", "1.2.2024").unwrap().text(),
            "01.02.2024"
        );
        assert!(Date::parse("start", "29.02.2024").is_ok());
        assert_eq!(
            Date::parse("start", "2024-02-01").unwrap().text(),
            "01.02.2024"
        );
        for bad in [
            "29.02.2023",
            "32.01.2024",
            "01.13.2024",
            "2024/01/01",
            "01.01.24",
            "2024-02-30",
            "",
        ] {
            assert!(Date::parse("start", bad).is_err(), "{bad}");
        }
        let d = Date::parse("start", "31.08.2023").unwrap();
        assert_eq!(d.plus_months(6).text(), "29.02.2024");
        assert_eq!(
            Date::parse("start", "15.11.2023")
                .unwrap()
                .plus_months(6)
                .text(),
            "15.05.2024"
        );
    }

    #[test]
    fn periods() {
        assert!(period(Some("01.01.2024"), Some("01.07.2024"), Some(6)).is_ok());
        let e = period(Some("01.01.2024"), Some("02.07.2024"), Some(6)).unwrap_err();
        assert_eq!(e.field(), Some("end"));
        assert!(period(Some("02.01.2024"), Some("01.01.2024"), None).is_err());
        assert!(period(None, Some("01.01.2024"), None).is_err());
        assert!(period(Some("01.01.2020"), Some("01.01.2024"), None).is_ok());
    }
}
