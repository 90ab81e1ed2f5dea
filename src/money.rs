//! Exact amounts of money.

use serde::{Deserialize, Serialize};

/// An amount of money exactly as the server wrote it (`"250.80"`, `"-12.5"`).
///
/// Balances and prices are never turned into binary floating point by the library: the server's
/// decimal text is kept, checked to be a decimal number, and handed to each language in its exact
/// form (a `String` in Rust and JS, `decimal.Decimal` in Python, a string in C).
///
/// Amounts compare, order and hash by value: `"2.50"` equals `"2.5"` and `"-0"` equals `"0"`,
/// while [`Money::as_str`] still gives the text as written. With the `rust_decimal` feature an
/// amount converts to and from [`rust_decimal::Decimal`].
#[derive(Debug, Clone)]
pub struct Money(String);

/// The name under which [`Money`] serializes as a newtype struct; frontends that have an exact
/// decimal type (Python) recognise it through [`crate::view`].
pub(crate) const MONEY_TOKEN: &str = "$smsc_core::Money";

impl Money {
    /// Checks that `text` is a plain decimal number (optional sign, digits, optional fraction).
    pub fn parse(text: &str) -> Option<Money> {
        Self::checked(text).map(|t| Money(t.to_string()))
    }

    /// [`Money::parse`] of text already owned, which is kept as the amount when nothing around
    /// the number had to be taken off (the usual case: an answer's `"2.50"`).
    pub(crate) fn parse_owned(text: String) -> Option<Money> {
        let amount = Self::checked(&text)?;
        Some(if amount.len() == text.len() {
            Money(text)
        } else {
            Money(amount.to_string())
        })
    }

    /// The amount within `text` (trimmed, without a `+`), if it is a plain decimal number.
    fn checked(text: &str) -> Option<&str> {
        let t = crate::trim::trim(text);
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t).as_bytes();
        // Bytes rather than a `str` search: amounts are a few characters, read by the thousand.
        let (int, frac) = match digits.iter().position(|&b| b == b'.') {
            Some(dot) => (digits.get(..dot)?, Some(digits.get(dot + 1..)?)),
            None => (digits, None),
        };
        let int_ok = !int.is_empty() && int.iter().all(u8::is_ascii_digit);
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit));
        (int_ok && frac_ok).then(|| t.trim_start_matches('+'))
    }

    /// The decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A floating-point approximation, for display or rough arithmetic only.
    pub fn to_f64(&self) -> f64 {
        self.0.parse().unwrap_or(f64::NAN)
    }

    /// Whether the amount is zero (`"0"`, `"0.00"`, `"-0.0"`), exactly.
    pub fn is_zero(&self) -> bool {
        let (_, int, frac) = self.canonical();
        int.is_empty() && frac.is_empty()
    }

    /// The value in a canonical form: whether it is below zero, the whole part without leading
    /// zeros, the fraction without trailing zeros. Two amounts are equal when these are.
    fn canonical(&self) -> (bool, &str, &str) {
        let digits = self.0.strip_prefix('-').unwrap_or(&self.0);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        let zero = int.is_empty() && frac.is_empty();
        (self.0.starts_with('-') && !zero, int, frac)
    }

    /// The sum of two amounts, exact, with as many decimals as the more precise of them
    /// (`"2.50" + "0.125"` is `"2.625"`); `None` beyond 36 significant digits.
    pub fn checked_add(&self, other: &Money) -> Option<Money> {
        let (a, a_scale) = self.scaled()?;
        let (b, b_scale) = other.scaled()?;
        let scale = a_scale.max(b_scale);
        let widen = |m: i128, s: u32| m.checked_mul(10i128.checked_pow(scale - s)?);
        Money::from_scaled(widen(a, a_scale)?.checked_add(widen(b, b_scale)?)?, scale)
    }

    /// The amount times a whole number, exact (`"2.50" × 3` is `"7.50"`); `None` beyond 36
    /// significant digits.
    pub fn checked_mul(&self, times: i64) -> Option<Money> {
        let (m, scale) = self.scaled()?;
        Money::from_scaled(m.checked_mul(i128::from(times))?, scale)
    }

    /// The amount as whole units of its last decimal: `"-2.50"` is `(-250, 2)`.
    fn scaled(&self) -> Option<(i128, u32)> {
        let (negative, digits) = match self.0.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, self.0.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.len() + frac.len() > 36 {
            return None;
        }
        let mut m: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            m = m * 10 + i128::from(b - b'0');
        }
        Some((
            if negative { -m } else { m },
            u32::try_from(frac.len()).ok()?,
        ))
    }

    /// `m` units of the `scale`-th decimal, written with exactly `scale` decimals; `None` past
    /// 36 digits.
    fn from_scaled(m: i128, scale: u32) -> Option<Money> {
        if m.unsigned_abs() >= 10u128.pow(36) {
            return None;
        }
        let digits = m.unsigned_abs().to_string();
        let scale = scale as usize;
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        let sign = if m < 0 { "-" } else { "" };
        Some(Money(if scale == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }))
    }

    /// The amount as a [`rust_decimal::Decimal`]; an amount with more digits than it holds
    /// (28 or so) is [`Error::Invalid`](crate::Error::Invalid) rather than rounded.
    #[cfg(feature = "rust_decimal")]
    pub fn to_decimal(&self) -> crate::Result<rust_decimal::Decimal> {
        self.0.parse().map_err(|e| {
            crate::Error::invalid(
                "money",
                format!("{} does not fit a rust_decimal::Decimal ({e})", self.0),
            )
        })
    }
}

impl PartialEq for Money {
    fn eq(&self, other: &Self) -> bool {
        self.canonical() == other.canonical()
    }
}

impl Eq for Money {}

impl std::hash::Hash for Money {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.canonical().hash(state);
    }
}

impl Ord for Money {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let (a_neg, a_int, a_frac) = self.canonical();
        let (b_neg, b_int, b_frac) = other.canonical();
        // Magnitudes: more whole digits is larger; then digit by digit, the fraction padded.
        let magnitude = a_int
            .len()
            .cmp(&b_int.len())
            .then_with(|| a_int.cmp(b_int))
            .then_with(|| {
                let width = a_frac.len().max(b_frac.len());
                format!("{a_frac:0<width$}").cmp(&format!("{b_frac:0<width$}"))
            });
        match (a_neg, b_neg) {
            (false, false) => magnitude,
            (true, true) => magnitude.reverse(),
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
        }
    }
}

impl PartialOrd for Money {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::str::FromStr for Money {
    type Err = crate::Error;

    /// Reads a plain decimal number (`"2.50"`, `"-12"`), as [`Money::parse`] does.
    fn from_str(text: &str) -> crate::Result<Money> {
        Money::parse(text).ok_or_else(|| {
            crate::Error::invalid(
                "money",
                format!("{text:?} is not a decimal amount; give digits with an optional sign and fraction, like \"2.50\""),
            )
        })
    }
}

#[cfg(feature = "rust_decimal")]
impl From<rust_decimal::Decimal> for Money {
    fn from(value: rust_decimal::Decimal) -> Money {
        Money(value.to_string())
    }
}

#[cfg(feature = "rust_decimal")]
impl TryFrom<&Money> for rust_decimal::Decimal {
    type Error = crate::Error;

    fn try_from(money: &Money) -> crate::Result<rust_decimal::Decimal> {
        money.to_decimal()
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "decimal",
            "description": "A decimal amount exactly as SMSC wrote it, e.g. `\"250.80\"`."
        })
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(MONEY_TOKEN, &self.0)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Money::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a decimal amount")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_owned_reads_as_parse_does() {
        for text in [
            "2.50", " 2.50 ", "+2.5", "-0", "12", "1.", ".5", "", " ", "1e3", "2,50", "--1", "+",
        ] {
            let owned = Money::parse_owned(text.to_string());
            let borrowed = Money::parse(text);
            assert_eq!(
                owned.as_ref().map(Money::as_str),
                borrowed.as_ref().map(Money::as_str),
                "{text:?}"
            );
        }
        assert_eq!(
            Money::parse_owned(" +2.50\n".into()).unwrap().as_str(),
            "2.50"
        );
    }

    #[test]
    fn adds_and_multiplies_exactly() {
        let m = |t: &str| Money::parse(t).unwrap();
        assert_eq!(
            m("2.50").checked_add(&m("0.125")).unwrap().as_str(),
            "2.625"
        );
        assert_eq!(m("0.1").checked_add(&m("0.2")).unwrap().as_str(), "0.3");
        assert_eq!(m("-2.5").checked_add(&m("1")).unwrap().as_str(), "-1.5");
        assert_eq!(m("0.05").checked_add(&m("-0.05")).unwrap().as_str(), "0.00");
        assert_eq!(m("2.50").checked_mul(3).unwrap().as_str(), "7.50");
        assert_eq!(m("0.07").checked_mul(-2).unwrap().as_str(), "-0.14");
        assert_eq!(m("12").checked_mul(0).unwrap(), m("0"));
        let big = m(&"9".repeat(36));
        assert!(big.checked_mul(10).is_none());
        assert!(m(&"1".repeat(37)).checked_add(&m("1")).is_none());
    }

    #[test]
    fn zero_is_told_exactly() {
        for zero in ["0", "0.00", "-0.0", "000"] {
            assert!(Money::parse(zero).unwrap().is_zero(), "{zero}");
        }
        for other in ["0.001", "-0.01", "10", "0.000000000000000000000000000001"] {
            assert!(!Money::parse(other).unwrap().is_zero(), "{other}");
        }
    }

    #[test]
    fn accepts_decimal_text_and_keeps_it_exact() {
        assert_eq!(Money::parse("250.80").unwrap().as_str(), "250.80");
        assert_eq!(Money::parse("-0.10").unwrap().as_str(), "-0.10");
        assert_eq!(Money::parse(" 7 ").unwrap().as_str(), "7");
    }

    #[test]
    fn compares_by_value_not_by_text() {
        let m = |t: &str| Money::parse(t).unwrap();
        assert_eq!(m("2.50"), m("2.5"));
        assert_eq!(m("002.500"), m("2.5"));
        assert_eq!(m("-0.00"), m("0"));
        assert_ne!(m("2.5"), m("-2.5"));
        assert_ne!(m("2.05"), m("2.5"));
        assert!(m("10") > m("9.99"));
        assert!(m("-10") < m("-9.99"));
        assert!(m("0.1") > m("0.09"));
        assert!(m("-0.5") < m("0"));
        assert_eq!(m("2.50").as_str(), "2.50");
        let hash = |v: &Money| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            v.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&m("2.50")), hash(&m("2.5")));
        assert_eq!("2.5".parse::<Money>().unwrap(), m("2.50"));
        assert!("2,5"
            .parse::<Money>()
            .unwrap_err()
            .to_string()
            .contains("2,5"));
    }

    #[cfg(feature = "rust_decimal")]
    #[test]
    fn converts_to_and_from_rust_decimal() {
        let d = Money::parse("250.80").unwrap().to_decimal().unwrap();
        assert_eq!(d, rust_decimal::Decimal::new(25080, 2));
        assert_eq!(Money::from(d), Money::parse("250.8").unwrap());
        assert!(Money::parse(&"9".repeat(40)).unwrap().to_decimal().is_err());
    }

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for bad in ["", "-", "1.", ".5", "1,5", "abc", "1e3", "NaN"] {
            assert!(Money::parse(bad).is_none(), "{bad:?} accepted");
        }
    }
}
