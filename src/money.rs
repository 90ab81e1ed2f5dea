//! Exact amounts of money.

use serde::{Deserialize, Serialize};

/// An amount of money exactly as the server wrote it (`"250.80"`, `"-12.5"`).
///
/// Balances and prices are never turned into binary floating point by the library: the server's
/// decimal text is kept, checked to be a decimal number, and handed to each language in its exact
/// form (a `String` in Rust and JS, `decimal.Decimal` in Python, a string in C).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Money(String);

/// The name under which [`Money`] serializes as a newtype struct; frontends that have an exact
/// decimal type (Python) recognise it through [`crate::view`].
pub(crate) const MONEY_TOKEN: &str = "$smsc_core::Money";

impl Money {
    /// Checks that `text` is a plain decimal number (optional sign, digits, optional fraction).
    pub fn parse(text: &str) -> Option<Money> {
        let t = text.trim();
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let int_ok = !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit());
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        if int_ok && frac_ok {
            Some(Money(t.trim_start_matches('+').to_string()))
        } else {
            None
        }
    }

    /// The decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A floating-point approximation, for display or rough arithmetic only.
    pub fn to_f64(&self) -> f64 {
        self.0.parse().unwrap_or(f64::NAN)
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
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
    fn accepts_decimal_text_and_keeps_it_exact() {
        assert_eq!(Money::parse("250.80").unwrap().as_str(), "250.80");
        assert_eq!(Money::parse("-0.10").unwrap().as_str(), "-0.10");
        assert_eq!(Money::parse(" 7 ").unwrap().as_str(), "7");
    }

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for bad in ["", "-", "1.", ".5", "1,5", "abc", "1e3", "NaN"] {
            assert!(Money::parse(bad).is_none(), "{bad:?} accepted");
        }
    }
}
