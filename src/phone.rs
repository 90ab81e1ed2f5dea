//! Phone numbers checked and normalised offline, as `phones` would be.
//!
//! Spaces, tabs, dashes and parentheses are removed and a leading `+` kept, as the library does
//! for every `phones` value; a Russian number written with the trunk prefix (`8` and ten
//! digits, `8 (999) 123-45-67`) becomes `7…`, its international form. The number is valid with
//! 7 to 15 digits (the country code first) and nothing else. Requests keep a number as the
//! caller gave it apart from the separators: SMSC reads `8…` itself.

use serde::Serialize;

/// What [`normalize_phone`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhoneCheck {
    /// Whether the number can be sent to.
    pub valid: bool,
    /// The number without separators, `8…` turned into `7…`; with a leading `+` when it had
    /// one. Empty when it is not valid.
    pub normalized: String,
    /// Why it is not valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Checks and normalises one phone number.
pub fn normalize_phone(raw: &str) -> PhoneCheck {
    match crate::ops::validate::normalise_phone(raw.trim()) {
        Ok(compact) => {
            let russian_trunk = compact.len() == 11 && compact.starts_with('8');
            let normalized = if russian_trunk {
                format!("7{}", &compact[1..])
            } else {
                compact
            };
            PhoneCheck {
                valid: true,
                normalized,
                reason: None,
            }
        }
        Err(why) => PhoneCheck {
            valid: false,
            normalized: String::new(),
            reason: Some(format!("{raw:?} {why}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_trunk_numbers_become_international_and_separators_go() {
        let n = |raw| normalize_phone(raw).normalized;
        assert_eq!(n("8 (999) 123-45-67"), "79991234567");
        assert_eq!(n("+7 999 123 45 67"), "+79991234567");
        assert_eq!(n("79991234567"), "79991234567");
        assert_eq!(n("+44 20 7946 0958"), "+442079460958");
        assert_eq!(n("8800"), "", "too short");
    }

    #[test]
    fn invalid_numbers_say_why() {
        let c = normalize_phone("12-ab");
        assert!(!c.valid);
        assert!(c.reason.unwrap().contains("only digits"));
        let c = normalize_phone("");
        assert!(c.reason.unwrap().contains("empty"));
        let c = normalize_phone("1234567890123456");
        assert!(c.reason.unwrap().contains("16 digits"));
    }
}
