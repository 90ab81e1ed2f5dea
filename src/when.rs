//! Days and send times from chrono's types (feature `chrono`).
//!
//! The parameters that take a day (`start`, `end`, `from_date`, `birthday`) or a send time
//! (`time`) are text, and the core reads ISO 8601 in them: a zoned time is sent as the instant's
//! Unix time, a naive one as `DD.MM.YY hh:mm` in the zone `tz` gives, a day as `DD.MM.YYYY`
//! (see the README's "Dates and times"). [`SmscTime`] writes chrono's values in that form:
//!
//! ```
//! use chrono::{FixedOffset, NaiveDate, TimeZone};
//! use smsc_core::{ops::send::SendSmsParams, when::SmscTime};
//!
//! let at = FixedOffset::east_opt(3 * 3600).unwrap().with_ymd_and_hms(2026, 12, 2, 17, 0, 0).unwrap();
//! let params = SendSmsParams { time: Some(at.smsc_time()), ..SendSmsParams::new("79991234567", "Hi") };
//! let request = smsc_core::Client::new("demo", "pw")?.send_sms(params)?;
//! assert!(request.body.as_deref().unwrap().contains("time=01796220000"));
//! assert_eq!(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().smsc_time(), "2026-03-01");
//! # Ok::<(), smsc_core::Error>(())
//! ```

/// A day or a time written as the core reads it.
pub trait SmscTime {
    /// The value in ISO 8601, for a day or `time` parameter.
    fn smsc_time(&self) -> String;
}

impl<Tz: chrono::TimeZone> SmscTime for chrono::DateTime<Tz>
where
    Tz::Offset: std::fmt::Display,
{
    fn smsc_time(&self) -> String {
        self.to_rfc3339()
    }
}

impl SmscTime for chrono::NaiveDateTime {
    fn smsc_time(&self) -> String {
        self.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

impl SmscTime for chrono::NaiveDate {
    fn smsc_time(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn chronos_values_reach_the_forms_smsc_takes() {
        let client = crate::Client::new("demo", "pw").unwrap();
        let at = Utc.with_ymd_and_hms(2026, 12, 2, 14, 0, 0).unwrap();
        let naive = NaiveDate::from_ymd_opt(2026, 12, 2)
            .unwrap()
            .and_hms_opt(17, 5, 0)
            .unwrap();
        let send = |time: String| {
            client
                .prepare_json(
                    "send_sms",
                    serde_json::json!({"phones": "79991234567", "message": "Hi", "time": time}),
                )
                .unwrap()
                .body
                .unwrap()
        };
        assert!(send(at.smsc_time()).contains("time=01796220000"));
        assert!(send(naive.smsc_time()).contains("time=02.12.26+17%3A05"));
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().smsc_time();
        let history = client
            .prepare_json("history", serde_json::json!({"start": day}))
            .unwrap();
        assert!(history.body.unwrap().contains("start=01.03.2026"));
    }
}
