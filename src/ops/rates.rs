//! `get.php` with `get_price=1`: the client's rates.
//!
//! Page: <https://smscentre.com/api/http/get_data/tariffs/>. No parameters besides the
//! credentials. The answer is "a set of strings", one per tariff zone, with `<zone>`, `<name>`
//! (operator, country…), `<api>` (an SMS sent through the API), `<mass>` (an SMS sent from the
//! personal account), `<mms>`, `<hlr>`, `<call>` (a voice message)… — the list is cut off there
//! on every readable copy, so further fields are kept, as text, in `other`. Errors 1, 2, 4 and 9
//! (more than three identical requests a minute).

use super::fields::params;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::records::{self, Layout};
use super::text::{json_money, not_an_object};
use super::Operation;
use crate::error::Result;
use crate::money::Money;
use crate::request::Form;
use crate::response::Answer;

params! {
    /// A rates request has no parameters.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct RatesParams {}
}

/// The rates, one entry per tariff zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RatesResult {
    /// The zones.
    pub zones: Vec<Rate>,
}

/// The prices of one tariff zone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rate {
    /// The tariff zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Its name: an operator, a country…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// An SMS sent through the API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api: Option<Money>,
    /// An SMS sent from the personal account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mass: Option<Money>,
    /// An MMS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mms: Option<Money>,
    /// An HLR query.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hlr: Option<Money>,
    /// A voice message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call: Option<Money>,
    /// Fields beyond the documented ones, as the server named and wrote them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub other: BTreeMap<String, String>,
}

/// The fields in the page's order. The comma format is read by position: fields after `call`
/// have no documented name there and are left out (fmt=3 and fmt=2 keep them in `other`).
pub(crate) const LAYOUT: Layout = Layout {
    keys: &["zone", "name", "api", "mass", "mms", "hlr", "call"],
    free_text: None,
    aliases: &[],
};

/// The rates operation.
pub struct RatesOp;

impl Operation for RatesOp {
    const NAME: &'static str = "rates";
    const LISTS: bool = true;
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "get.php";
    type Params = RatesParams;
    type Output = RatesResult;

    fn encode(_: &RatesParams, form: &mut Form) -> Result<()> {
        form.push("get_price", "1");
        Ok(())
    }

    fn parse(_: &RatesParams, answer: Answer<'_>) -> Result<RatesResult> {
        let records = records::layout_records(
            answer,
            &LAYOUT,
            |o| o.contains_key("zone") || o.contains_key("name") || o.contains_key("api"),
            "rates",
        )?;
        let zones = records
            .iter()
            .map(from_record)
            .collect::<Result<Vec<_>>>()?;
        Ok(RatesResult { zones })
    }
}

fn from_record(v: &Value) -> Result<Rate> {
    if !v.is_object() {
        return Err(not_an_object("a rate", v));
    }
    Ok(Rate {
        zone: records::field_text(v, "zone"),
        name: records::field_text(v, "name"),
        api: json_money(v, "api")?,
        mass: json_money(v, "mass")?,
        mms: json_money(v, "mms")?,
        hlr: json_money(v, "hlr")?,
        call: json_money(v, "call")?,
        other: records::other_fields(v, LAYOUT.keys),
    })
}
