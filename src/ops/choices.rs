//! The parameters that take one of a few documented numbers (`translit=1`, `cost=3`, `bin=2`),
//! as enums instead of magic numbers. Each reads and writes the number the server takes, so
//! JSON, Python and C callers keep giving `1` while Rust callers name the choice.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

fn out_of_range<E: serde::de::Error>(value: impl std::fmt::Display, choices: &str) -> E {
    E::custom(format!("{value} is out of range; use {choices}"))
}

/// Declares a numeric choice: the enum, its number, conversions both ways and its serde form.
macro_rules! numeric_choice {
    ($(#[doc = $doc:literal])* $name:ident, $field:literal {
        $( $(#[doc = $vdoc:literal])* $variant:ident = $code:literal ),+ $(,)?
    }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant = $code, )+
        }

        impl $name {
            /// Every choice, in the order of its number.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The number the server takes.
            pub fn code(self) -> u8 {
                self as u8
            }

            /// The choice of number `code`.
            pub fn from_code(code: u64) -> Result<Self> {
                match code {
                    $( $code => Ok($name::$variant), )+
                    other => Err(Error::invalid(
                        $field,
                        format!("{other} is out of range; use {}", Self::choices()),
                    )),
                }
            }

            fn choices() -> String {
                let codes: Vec<String> = Self::ALL.iter().map(|c| c.code().to_string()).collect();
                match codes.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                    _ => codes.join(""),
                }
            }
        }

        impl TryFrom<u8> for $name {
            type Error = Error;

            fn try_from(code: u8) -> Result<Self> {
                Self::from_code(code.into())
            }
        }

        impl From<$name> for u8 {
            fn from(choice: $name) -> u8 {
                choice.code()
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;

            /// The choice from its number as text (`"1"`).
            fn from_str(text: &str) -> Result<Self> {
                let code = text.trim().parse::<u64>().map_err(|_| {
                    Error::invalid($field, format!("{text:?} is not one of {}", Self::choices()))
                })?;
                Self::from_code(code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.code())
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "integer",
                    "description": crate::ops::describe::doc_text(&[$( $doc ),*]),
                    "oneOf": [ $( {
                        "const": $code,
                        "title": stringify!($variant),
                        "description": crate::ops::describe::doc_text(&[$( $vdoc ),*]),
                    } ),+ ]
                })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_u8(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "a whole number: {}", $name::choices())
                    }
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<$name, E> {
                        $name::from_code(v).map_err(|_| out_of_range(v, &$name::choices()))
                    }
                    fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<$name, E> {
                        u64::try_from(v)
                            .ok()
                            .and_then(|code| $name::from_code(code).ok())
                            .ok_or_else(|| out_of_range(v, &$name::choices()))
                    }
                }
                d.deserialize_u64(Visitor)
            }
        }
    };
}

numeric_choice! {
    /// How the text is transliterated (`translit`).
    Translit, "translit" {
        /// Sent as written (0, the default).
        None = 0,
        /// Cyrillic rewritten in Latin letters (1).
        Latin = 1,
        /// Cyrillic rewritten in the "mpaHc/Ium" style of look-alike characters (2).
        LookAlike = 2,
    }
}

numeric_choice! {
    /// Whether a send reports its price (`cost`).
    Cost, "cost" {
        /// Send, reporting no price (0, the default).
        Send = 0,
        /// Only ask the price; nothing is sent (1). The `cost` operation does this.
        PriceOnly = 1,
        /// Send and report the price (2).
        SendWithCost = 2,
        /// Send and report the price and the new balance (3).
        SendWithCostAndBalance = 3,
    }
}

numeric_choice! {
    /// What the text of a binary SMS is (`bin`).
    Binary, "bin" {
        /// Ordinary text (0, the default).
        Text = 0,
        /// The text is binary data (1).
        Bytes = 1,
        /// The text is binary data written as hex digits (2).
        Hex = 2,
    }
}

numeric_choice! {
    /// How much a status request reports (`all`).
    StatusDetail, "all" {
        /// The status only (0, the default).
        Status = 0,
        /// Full information (1).
        Full = 1,
        /// Full information and the country, operator and region (2).
        WithOperator = 2,
    }
}

numeric_choice! {
    /// How a mailing list repeats (`rpt`).
    Repeat, "rpt" {
        /// Only when started by hand (0, the default).
        Manual = 0,
        /// Every hour (1).
        Hourly = 1,
        /// Every day (2).
        Daily = 2,
        /// Every working day (3).
        Weekdays = 3,
        /// Every weekend (4).
        Weekends = 4,
        /// Every week (5).
        Weekly = 5,
        /// Every month (6).
        Monthly = 6,
        /// Every year (7).
        Yearly = 7,
    }
}

numeric_choice! {
    /// What a contact group holds (`type`).
    GroupKind, "type" {
        /// Phone numbers (0, the default).
        Phones = 0,
        /// E-mail addresses (1).
        Emails = 1,
    }
}

numeric_choice! {
    /// What a blacklist entry blocks (`type`).
    BlockKind, "type" {
        /// Every message (0, the default).
        All = 0,
        /// Mass mailings (1).
        MassMailings = 1,
        /// Single messages (2).
        SingleMessages = 2,
    }
}

numeric_choice! {
    /// How a sub-client's account is paid for (`type`).
    AccountKind, "type" {
        /// Its own tariff and balance (0, the default).
        Own = 0,
        /// The main account's tariff and its own balance (1).
        MainTariff = 1,
        /// The main account's tariff and balance (2).
        MainTariffAndBalance = 2,
        /// The main account's balance and its own tariff (3).
        MainBalance = 3,
        /// An extra login of the main account (4).
        ExtraLogin = 4,
    }
}

numeric_choice! {
    /// A sub-client's currency (`curr`).
    AccountCurrency, "curr" {
        /// Russian roubles (1).
        Rub = 1,
        /// US dollars (2).
        Usd = 2,
        /// Euros (3).
        Eur = 3,
        /// Ukrainian hryvnias (4).
        Uah = 4,
        /// Kazakh tenge (5).
        Kzt = 5,
    }
}

numeric_choice! {
    /// Which sub-clients statistics cover (`reseller`).
    ResellerScope, "reseller" {
        /// Those on the main account's balance (0, the default).
        MainBalance = 0,
        /// Those with their own balance (1).
        OwnBalance = 1,
    }
}

numeric_choice! {
    /// Which messages a history request lists (`format`).
    HistoryFormat, "format" {
        /// SMS (0, the server's default).
        Sms = 0,
        /// E-mail messages (8).
        Email = 8,
    }
}

// `all` is a plain field with a default rather than an `Option`: leaving it out and giving 0
// ask for the same detail. Written by hand because `numeric_choice!` derives for every choice and
// only this one has a default worth a field.
#[allow(clippy::derivable_impls)]
impl Default for StatusDetail {
    fn default() -> Self {
        StatusDetail::Status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_and_write_as_the_server_takes_them() {
        assert_eq!(
            serde_json::from_str::<Translit>("1").unwrap(),
            Translit::Latin
        );
        assert_eq!(serde_json::to_string(&Cost::PriceOnly).unwrap(), "1");
        assert_eq!("2".parse::<Binary>().unwrap(), Binary::Hex);
        assert_eq!(Cost::try_from(3).unwrap(), Cost::SendWithCostAndBalance);
        let err = serde_json::from_str::<Translit>("5")
            .unwrap_err()
            .to_string();
        assert!(err.contains("out of range; use 0, 1 or 2"), "{err}");
        let err = serde_json::from_str::<Translit>("-1")
            .unwrap_err()
            .to_string();
        assert!(err.contains("out of range"), "{err}");
        let err = serde_json::from_str::<Cost>("\"1\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("a whole number: 0, 1, 2 or 3"), "{err}");
        let err = serde_json::from_str::<HistoryFormat>("2")
            .unwrap_err()
            .to_string();
        assert!(err.contains("2 is out of range; use 0 or 8"), "{err}");
        assert_eq!(StatusDetail::default().code(), 0);
    }
}
