//! Checks shared by several operations, each with a message that says what to fix.
//!
//! Limits come from <https://smscentre.com/api/http/send/sms> (message length, id range, sender
//! length, time forms) as gathered in the project's API notes.

use super::shapes::{deserialize_by_shape, Shape};
use crate::error::{Error, Result};
use crate::trim::trim;

/// What a call without recipients is told.
pub(crate) const NO_RECIPIENTS: &str =
    "no recipients given; give `phones`, at least one number, e.g. \"79991234567\"";

/// The longest message text the server accepts, in characters.
pub const MAX_MESSAGE_CHARS: usize = 1000;
/// The most digits an international phone number has (E.164).
const MAX_PHONE_DIGITS: usize = 15;
/// The fewest digits accepted as a phone number.
const MIN_PHONE_DIGITS: usize = 7;
/// The largest numeric message id.
const MAX_NUMERIC_ID: u64 = 2_147_483_647;
/// The longest textual message id.
const MAX_TEXT_ID_CHARS: usize = 40;

/// One or several phone numbers: a list, or one string separated by commas or semicolons (the
/// form the server itself takes).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(untagged))]
pub enum Phones {
    /// `"79991234567,79997654321"`.
    Joined(String),
    /// `["79991234567", "79997654321"]`.
    List(Vec<String>),
}

deserialize_by_shape!(Phones, |shape| match shape {
    Shape::Text(text) => Some(Phones::Joined(text)),
    Shape::List(items) => Shape::into_texts(items).map(Phones::List),
    _ => None,
});

impl Phones {
    /// The numbers, checked and normalised, joined with commas for the `phones` field.
    ///
    /// Spaces, dashes and parentheses inside a number are formatting and are dropped; a leading
    /// `+` is kept, because it tells the server not to auto-correct the number. Duplicates are an
    /// error: the server would send (and bill) the message twice.
    pub fn checked(&self, field: &str) -> Result<String> {
        self.checked_each(field, normalise_phone)
    }
}

impl Phones {
    fn items(&self) -> Vec<&str> {
        match self {
            Phones::Joined(s) => s.split([',', ';']).collect(),
            Phones::List(list) => list.iter().flat_map(|s| s.split([',', ';'])).collect(),
        }
    }

    /// Like [`Phones::checked`], also taking `G<number>` for every contact of a group.
    pub fn checked_with_groups(&self, field: &str) -> Result<String> {
        self.checked_each(field, |raw| match trim(raw).strip_prefix(['G', 'g']) {
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(format!("G{n}"))
            }
            _ => normalise_phone(raw),
        })
    }

    /// Recipients of an e-mail: addresses.
    pub fn checked_emails(&self, field: &str) -> Result<String> {
        self.checked_each(field, |raw| {
            let address = raw.trim();
            if email_ok(address) {
                Ok(address.to_string())
            } else {
                Err("is not an e-mail address".into())
            }
        })
    }

    /// Recipients of a Telegram message: phones, `@usernames` or `#ids`.
    pub fn checked_telegram(&self, field: &str) -> Result<String> {
        self.checked_each(field, |raw| {
            let r = raw.trim();
            if let Some(name) = r.strip_prefix('@') {
                let ok = (5..=32).contains(&name.len())
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                return if ok {
                    Ok(r.to_string())
                } else {
                    Err("is not a Telegram @username (5 to 32 letters, digits or _)".into())
                };
            }
            if let Some(id) = r.strip_prefix('#') {
                return if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
                    Ok(r.to_string())
                } else {
                    Err("is not a Telegram #id (digits)".into())
                };
            }
            normalise_phone(raw)
        })
    }

    /// Checks and normalises each recipient with `one`; refuses empty lists and duplicates.
    fn checked_each(
        &self,
        field: &str,
        one: impl Fn(&str) -> std::result::Result<String, String>,
    ) -> Result<String> {
        let items = self.items();
        // One blank entry is an empty string or list item, not a stray separator.
        if items.iter().all(|raw| trim(raw).is_empty()) && items.len() <= 1 {
            return Err(Error::invalid(field, NO_RECIPIENTS));
        }
        let mut out = String::new();
        // The keys compared for duplicates; a few recipients are compared one by one, which
        // is faster than hashing them and is all most calls have.
        let mut seen: Vec<String> = Vec::new();
        let mut seen_many = std::collections::HashSet::new();
        for (i, raw) in items.iter().enumerate() {
            if trim(raw).is_empty() {
                return Err(Error::invalid(
                    field,
                    format!(
                        "recipient #{} is empty (check for a stray comma or semicolon)",
                        i + 1
                    ),
                ));
            }
            let value = one(raw).map_err(|why| {
                Error::invalid(field, format!("recipient #{} {raw:?} {why}", i + 1))
            })?;
            let key = || value.trim_start_matches('+').to_ascii_lowercase();
            let repeated = match items.len() {
                1 => false,
                2..=16 => {
                    let key = key();
                    let repeated = seen.contains(&key);
                    seen.push(key);
                    repeated
                }
                _ => !seen_many.insert(key()),
            };
            if repeated {
                return Err(Error::invalid(
                    field,
                    format!(
                        "{value:?} is listed twice; the message would be sent and billed twice"
                    ),
                ));
            }
            if i == 0 {
                out = value;
            } else {
                out.push(',');
                out.push_str(&value);
            }
        }
        if items.is_empty() {
            return Err(Error::invalid(field, NO_RECIPIENTS));
        }
        Ok(out)
    }
}

fn email_ok(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.contains(char::is_whitespace)
        && !domain.contains('@')
}

/// Checks an e-mail address.
pub fn email(field: &str, address: &str) -> Result<()> {
    if email_ok(address.trim()) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{address:?} is not an e-mail address"),
        ))
    }
}

/// Checks call settings `"<wait>,<interval>,<attempts>"`: 0–99 seconds, 10–3600 seconds, 1–9.
pub fn call_settings(field: &str, param: &str) -> Result<()> {
    let parts: Vec<Option<u32>> = param.split(',').map(|p| p.trim().parse().ok()).collect();
    let ok = matches!(parts.as_slice(), [Some(w), Some(i), Some(a)]
        if *w <= 99 && (10..=3600).contains(i) && (1..=9).contains(a));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{param:?} must be \"<wait>,<interval>,<attempts>\": wait 0-99 s, interval 10-3600 s, attempts 1-9 (e.g. \"22,20,5\")"),
        ))
    }
}

pub(crate) fn normalise_phone(raw: &str) -> std::result::Result<String, String> {
    let mut compact = String::with_capacity(raw.len());
    compact.extend(
        raw.chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '\t')),
    );
    if compact.is_empty() {
        return Err("is empty (check for a stray comma or semicolon)".into());
    }
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(
            "may hold only digits, an optional leading +, spaces, dashes and parentheses".into(),
        );
    }
    if digits.len() < MIN_PHONE_DIGITS || digits.len() > MAX_PHONE_DIGITS {
        return Err(format!(
            "has {} digits; an international number has {MIN_PHONE_DIGITS} to {MAX_PHONE_DIGITS} (country code first, e.g. 79991234567)",
            digits.len()
        ));
    }
    Ok(compact)
}

/// Checks message text: present, not blank, within the documented length.
pub fn message(field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid(field, "the message text is empty"));
    }
    // Counted as segments() counts them, so the limit and the part count agree.
    let chars = crate::segments::characters(text);
    if chars > MAX_MESSAGE_CHARS {
        return Err(Error::invalid(
            field,
            format!("the message has {chars} characters; SMSC accepts at most {MAX_MESSAGE_CHARS}"),
        ));
    }
    if text.contains('\0') {
        return Err(Error::invalid(
            field,
            "the message contains a NUL character",
        ));
    }
    Ok(())
}

/// A message id chosen by the client: a number from 1 to 2147483647, or up to 40 Latin letters,
/// digits, `.`, `-` and `_`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(untagged))]
pub enum MessageId {
    /// A numeric id.
    Number(u64),
    /// A textual id.
    Text(String),
}

deserialize_by_shape!(MessageId, |shape| match shape {
    Shape::Unsigned(n) => Some(MessageId::Number(n)),
    Shape::Text(text) => Some(MessageId::Text(text)),
    _ => None,
});

impl MessageId {
    /// The id as sent, checked.
    pub fn checked(&self, field: &str) -> Result<String> {
        match self {
            MessageId::Number(n) if (1..=MAX_NUMERIC_ID).contains(n) => Ok(n.to_string()),
            MessageId::Number(n) => Err(Error::invalid(
                field,
                format!("message id {n} is out of range; use 1 to {MAX_NUMERIC_ID}"),
            )),
            MessageId::Text(s) => {
                let ok = !s.is_empty()
                    && s.chars().count() <= MAX_TEXT_ID_CHARS
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
                if ok {
                    Ok(s.clone())
                } else {
                    Err(Error::invalid(
                        field,
                        format!("message id {s:?} must be 1 to {MAX_TEXT_ID_CHARS} Latin letters, digits, '.', '-' or '_'"),
                    ))
                }
            }
        }
    }
}

impl From<u64> for MessageId {
    fn from(n: u64) -> Self {
        MessageId::Number(n)
    }
}

impl From<&str> for MessageId {
    fn from(text: &str) -> Self {
        MessageId::Text(text.to_string())
    }
}

impl From<String> for MessageId {
    fn from(text: String) -> Self {
        MessageId::Text(text)
    }
}

impl std::str::FromStr for MessageId {
    type Err = Error;

    /// An id as text, checked as send.php takes it (`"otp-1"`, `"1234"`).
    fn from_str(text: &str) -> Result<Self> {
        let id = MessageId::Text(text.to_string());
        id.checked("id")?;
        Ok(id)
    }
}

/// Checks a sender name: up to 11 characters, or up to 15 digits for a numeric sender; an empty
/// string or `.` switches the account's default sender off.
pub fn sender(field: &str, name: &str) -> Result<()> {
    if name.is_empty() || name == "." {
        return Ok(());
    }
    let digits = name.strip_prefix('+').unwrap_or(name);
    let numeric = digits.chars().all(|c| c.is_ascii_digit());
    let len = name.chars().count();
    if numeric && digits.len() <= 15 {
        return Ok(());
    }
    if len > 11 {
        return Err(Error::invalid(
            field,
            format!("sender {name:?} has {len} characters; an alphanumeric sender has at most 11 (a numeric one at most 15 digits)"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            "the sender name contains control characters",
        ));
    }
    Ok(())
}

/// Checks the `time` forms the server documents: `DDMMYYhhmm`, `DD.MM.YY hh:mm`, `h1-h2`,
/// `0<unix timestamp>` and `+<minutes>`.
pub fn send_time(field: &str, time: &str) -> Result<()> {
    let t = time.trim();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = if let Some(minutes) = t.strip_prefix('+') {
        all_digits(minutes)
    } else if let Some((h1, h2)) = t.split_once('-') {
        let hour =
            |h: &str| h.len() <= 2 && all_digits(h) && h.parse::<u8>().is_ok_and(|h| h <= 24);
        hour(h1) && hour(h2)
    } else {
        match t.len() {
            10 => compact_date_time(t),
            14 => dotted_date_time(t),
            _ => t.starts_with('0') && all_digits(t),
        }
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("time {time:?} is not one of the forms SMSC takes: \"DDMMYYhhmm\", \"DD.MM.YY hh:mm\", \"h1-h2\" (hours), \"0<unix timestamp>\" or \"+<minutes>\""),
        ))
    }
}

/// `DDMMYYhhmm`. Ten digits are always this form: `0` and a nine-digit Unix time would lie
/// before 2001.
fn compact_date_time(t: &str) -> bool {
    let Ok(b) = <&[u8; 10]>::try_from(t.as_bytes()) else {
        return false;
    };
    let [d1, d2, m1, m2, y1, y2, h1, h2, n1, n2] = *b;
    date_time_ok([d1, d2, m1, m2, y1, y2, h1, h2, n1, n2])
}

/// `DD.MM.YY hh:mm`.
fn dotted_date_time(t: &str) -> bool {
    let Ok(b) = <&[u8; 14]>::try_from(t.as_bytes()) else {
        return false;
    };
    let [d1, d2, b'.', m1, m2, b'.', y1, y2, b' ', h1, h2, b':', n1, n2] = *b else {
        return false;
    };
    date_time_ok([d1, d2, m1, m2, y1, y2, h1, h2, n1, n2])
}

/// Day, month, year, hour and minute as two ASCII digits each, within their ranges.
fn date_time_ok(digits: [u8; 10]) -> bool {
    if !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let [d1, d2, m1, m2, _, _, h1, h2, n1, n2] = digits.map(|d| d - b'0');
    let (day, month, hour, minute) = (d1 * 10 + d2, m1 * 10 + m2, h1 * 10 + h2, n1 * 10 + n2);
    (1..=31).contains(&day) && (1..=12).contains(&month) && hour <= 23 && minute <= 59
}

/// Checks `valid` (message lifetime): whole hours 1 to 24, or `hh:mm` within that range.
pub fn lifetime(field: &str, valid: &str) -> Result<()> {
    let ok = match valid.split_once(':') {
        Some((h, m)) => {
            let h = h.parse::<u8>().ok();
            let m = m.parse::<u8>().ok().filter(|m| *m <= 59);
            matches!((h, m), (Some(h), Some(m)) if (h >= 1 || m > 0) && (h < 24 || (h == 24 && m == 0)))
        }
        None => valid.parse::<u8>().is_ok_and(|h| (1..=24).contains(&h)),
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "lifetime {valid:?} must be whole hours from 1 to 24, or \"hh:mm\" up to 24:00"
            ),
        ))
    }
}

/// Checks that a number is within a documented range.
pub fn in_range<T: PartialOrd + std::fmt::Display + Copy>(
    field: &str,
    value: T,
    min: T,
    max: T,
) -> Result<()> {
    if value < min || value > max {
        Err(Error::invalid(
            field,
            format!("{value} is out of range; use {min} to {max}"),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_convert_and_parse_checked() {
        assert_eq!(
            "otp-1".parse::<MessageId>().unwrap(),
            MessageId::from("otp-1")
        );
        assert_eq!(MessageId::from(7u64).checked("id").unwrap(), "7");
        assert!(matches!(
            "no spaces".parse::<MessageId>(),
            Err(Error::Invalid { .. })
        ));
    }

    #[test]
    fn phones_are_normalised_and_checked() {
        let p = Phones::Joined("+7 (999) 123-45-67; 79997654321".into());
        assert_eq!(p.checked("phones").unwrap(), "+79991234567,79997654321");
        for bad in [
            "",
            "79991234567,,",
            "12ab",
            "123",
            "79991234567,+79991234567",
        ] {
            assert!(
                Phones::Joined(bad.into()).checked("phones").is_err(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn time_forms() {
        for good in [
            "0101251230",
            "01.01.25 12:30",
            "9-18",
            "01700000000",
            "+30",
            "0",
        ] {
            assert!(send_time("time", good).is_ok(), "{good}");
        }
        for bad in [
            "tomorrow",
            "3201251230",
            "01.13.25 12:30",
            "25-26",
            "+",
            "1.1.25 1:30",
        ] {
            assert!(send_time("time", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_and_lifetimes() {
        assert!(MessageId::Number(0).checked("id").is_err());
        assert!(MessageId::Number(2_147_483_648).checked("id").is_err());
        assert!(MessageId::Text("order-17.a_b".into()).checked("id").is_ok());
        assert!(MessageId::Text("no spaces".into()).checked("id").is_err());
        assert!(lifetime("valid", "01:30").is_ok());
        assert!(lifetime("valid", "24").is_ok());
        assert!(lifetime("valid", "25").is_err());
        assert!(lifetime("valid", "00:00").is_err());
    }
}
