//! Message maths, offline: how many SMS a text takes, in which alphabet, and why.
//!
//! The send page documents the sizes: one SMS holds 160 Latin or 70 Cyrillic characters; a
//! longer text is split into parts of 153 or 67, the rest of each part being the concatenation
//! header. What the page calls Latin is the GSM 03.38 alphabet (GSM-7); any character outside
//! it makes the whole text UCS-2.
//!
//! Two rules SMSC does not document are this library's choice, and the emulator follows them:
//!
//! * the characters of the GSM-7 extension table (`{ } [ ] ~ \ | ^ €` and form feed) take two
//!   septets each, an escape and the character, as the GSM standard sends them, and an escape
//!   pair is never split across two parts (a part that would end in the middle of one ends a
//!   septet short);
//! * in UCS-2 a character outside the Basic Multilingual Plane (most emoji) takes two units, a
//!   surrogate pair, which is never split either.
//!
//! An empty text counts as one part, as an SMS without text still is one.

use serde::Serialize;

use crate::money::Money;

/// The alphabet a text is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Alphabet {
    /// The GSM 03.38 alphabet, 7 bits a character: 160 in one SMS, 153 a part.
    Gsm7,
    /// UCS-2, 16 bits a unit: 70 in one SMS, 67 a part.
    Ucs2,
}

/// The first character that made a text UCS-2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ucs2Reason {
    /// The character.
    pub character: String,
    /// Its position in the text, counted in characters from 0.
    pub index: usize,
}

/// How a text is split into SMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Segments {
    /// The alphabet it is sent in.
    pub alphabet: Alphabet,
    /// Its characters (Unicode scalar values), as the 1000-character limit of `mes` counts them.
    pub characters: usize,
    /// What it takes in the alphabet: septets for GSM-7 (an extension character takes two),
    /// UTF-16 units for UCS-2 (a character beyond the BMP takes two).
    pub units: usize,
    /// The SMS it is billed as, per recipient.
    pub parts: usize,
    /// What one part holds, in units: 160 or 70 for a single SMS, 153 or 67 when split.
    pub part_size: usize,
    /// The units still free in the last part.
    pub remaining: usize,
    /// For UCS-2: the first character outside GSM-7.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ucs2_because: Option<Ucs2Reason>,
    /// With a price per part ([`estimate`]): what the text costs, exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
}

/// The septets a character takes in GSM-7: 1 in the basic table, 2 in the extension table,
/// `None` outside both.
pub fn gsm7_septets(c: char) -> Option<usize> {
    const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                         ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const EXTENSION: &str = "\u{c}^{}\\[~]|€";
    if c.is_ascii()
        && (' '..='~').contains(&c)
        && !matches!(c, '^' | '{' | '}' | '\\' | '[' | '~' | ']' | '|' | '`')
    {
        return Some(1);
    }
    if EXTENSION.contains(c) {
        Some(2)
    } else if BASIC.contains(c) {
        Some(1)
    } else {
        None
    }
}

/// The characters of `text` as SMSC's limits count them: Unicode scalar values.
pub fn characters(text: &str) -> usize {
    text.chars().count()
}

/// How `text` is split into SMS (see the [module](self) documentation for the rules).
pub fn segments(text: &str) -> Segments {
    let ucs2_because = text
        .chars()
        .enumerate()
        .find(|(_, c)| gsm7_septets(*c).is_none())
        .map(|(index, c)| Ucs2Reason {
            character: c.to_string(),
            index,
        });
    let (alphabet, single, multi) = match ucs2_because {
        None => (Alphabet::Gsm7, 160, 153),
        Some(_) => (Alphabet::Ucs2, 70, 67),
    };
    let size = |c: char| match alphabet {
        Alphabet::Gsm7 => gsm7_septets(c).unwrap_or(1),
        Alphabet::Ucs2 => c.len_utf16(),
    };
    let units: usize = text.chars().map(size).sum();
    let characters = characters(text);
    if units <= single {
        return Segments {
            alphabet,
            characters,
            units,
            parts: 1,
            part_size: single,
            remaining: single - units,
            ucs2_because,
            price: None,
        };
    }
    // Fill parts one character at a time, so that no character's units are split.
    let (mut parts, mut used) = (1, 0);
    for c in text.chars() {
        let n = size(c);
        if used + n > multi {
            parts += 1;
            used = 0;
        }
        used += n;
    }
    Segments {
        alphabet,
        characters,
        units,
        parts,
        part_size: multi,
        remaining: multi - used,
        ucs2_because,
        price: None,
    }
}

/// [`segments`], with the price for `recipients` recipients at `per_part` a part (as a rates
/// answer or the account's tariff gives it) when there is one; an invalid or oversized price is
/// [`Error::Invalid`](crate::Error::Invalid) naming `price_per_part`.
pub fn estimate(text: &str, per_part: Option<&str>, recipients: usize) -> crate::Result<Segments> {
    let mut out = segments(text);
    if let Some(per_part) = per_part {
        let money: Money = per_part.parse().map_err(|_| {
            crate::Error::invalid(
                "price_per_part",
                format!("{per_part:?} is not a decimal amount, such as \"2.35\""),
            )
        })?;
        out.price = Some(out.price_for(&money, recipients).ok_or_else(|| {
            crate::Error::invalid(
                "price_per_part",
                "the price is too large to compute exactly",
            )
        })?);
    }
    Ok(out)
}

impl Segments {
    /// The parts billed when `maxsms` caps them (the send parameter: a longer text is cut to
    /// fit).
    pub fn parts_with_max(&self, maxsms: Option<u32>) -> usize {
        maxsms.map_or(self.parts, |max| self.parts.min(max as usize))
    }

    /// The price for `recipients` recipients at `per_part` a part, exact; `None` past 36
    /// digits.
    pub fn price_for(&self, per_part: &Money, recipients: usize) -> Option<Money> {
        let count = i64::try_from(self.parts.checked_mul(recipients)?).ok()?;
        per_part.checked_mul(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Alphabet, usize, usize) {
        let s = segments(text);
        (s.alphabet, s.parts, s.remaining)
    }

    #[test]
    fn the_documented_sizes() {
        assert_eq!(parts(&"a".repeat(160)), (Alphabet::Gsm7, 1, 0));
        assert_eq!(parts(&"a".repeat(161)), (Alphabet::Gsm7, 2, 145));
        assert_eq!(parts(&"a".repeat(306)), (Alphabet::Gsm7, 2, 0));
        assert_eq!(parts(&"a".repeat(307)), (Alphabet::Gsm7, 3, 152));
        assert_eq!(parts(&"я".repeat(70)), (Alphabet::Ucs2, 1, 0));
        assert_eq!(parts(&"я".repeat(71)), (Alphabet::Ucs2, 2, 63));
        assert_eq!(parts(&"я".repeat(134)), (Alphabet::Ucs2, 2, 0));
        assert_eq!(parts(""), (Alphabet::Gsm7, 1, 160));
    }

    #[test]
    fn extension_characters_take_two_septets_and_are_never_split() {
        let s = segments(&"€".repeat(80));
        assert_eq!(
            (s.alphabet, s.units, s.parts, s.remaining),
            (Alphabet::Gsm7, 160, 1, 0)
        );
        // 152 plain septets, then an escape pair that would straddle the part boundary.
        let text = format!("{}{{", "a".repeat(152));
        let s = segments(&format!("{text}{}", "b".repeat(10)));
        assert_eq!(s.units, 164);
        assert_eq!(s.parts, 2);
        assert_eq!(
            s.remaining,
            153 - 12,
            "the pair moved whole to the second part"
        );
    }

    #[test]
    fn the_first_character_outside_gsm7_is_named() {
        let s = segments("Price: 5€, код 42");
        assert_eq!(s.alphabet, Alphabet::Ucs2);
        let why = s.ucs2_because.unwrap();
        assert_eq!((why.character.as_str(), why.index), ("к", 11));
        assert!(
            segments("Ünïcode? Ä ö ñ ü à É ß").ucs2_because.is_some(),
            "ï is not GSM-7"
        );
        assert!(segments("Ä ö ñ ü à É ß ¡¿ £ ¥ § @").ucs2_because.is_none());
        assert_eq!(segments("back`tick").alphabet, Alphabet::Ucs2);
    }

    #[test]
    fn emoji_take_a_surrogate_pair_which_is_never_split() {
        let s = segments("😀");
        assert_eq!((s.alphabet, s.characters, s.units), (Alphabet::Ucs2, 1, 2));
        let s = segments(&format!("{}😀", "я".repeat(66)));
        assert_eq!((s.units, s.parts, s.remaining), (68, 1, 2));
        let s = segments(&format!("{}😀{}", "я".repeat(66), "я".repeat(10)));
        assert_eq!((s.parts, s.remaining), (2, 67 - 12));
    }

    #[test]
    fn prices_are_exact_and_maxsms_caps_the_parts() {
        let s = segments(&"a".repeat(400));
        assert_eq!(s.parts, 3);
        assert_eq!(s.parts_with_max(Some(2)), 2);
        let price = s.price_for(&Money::parse("2.35").unwrap(), 2).unwrap();
        assert_eq!(
            estimate(&"a".repeat(400), Some("2.35"), 2).unwrap().price,
            Some(price.clone())
        );
        assert!(estimate("a", Some("cheap"), 1).is_err());
        assert_eq!(price.as_str(), "14.10");
    }
}
