//! `info.php` with `get_operator=1`: the operator, country and region of phone numbers.
//!
//! Page: <https://smscentre.com/api/http/get_data/operator/>. Parameter `phone`: one number or
//! a comma-separated list. Errors: 1 parameters, 2 credentials, 3 operator not found, 4 IP
//! blocked, 9 more than three identical requests or any 100 requests a minute. The answer fields
//! are not on the readable part of the page; `country`, `operator`, `region`, `mcc`, `mnc` and
//! `tz` (the region's time zone) are the keys SDKs read from fmt=3 (the project's API notes), and
//! code reading the text answer splits `…, country = …, operator = …, region = …, mcc = …, mnc =
//! …` on `", "`. A list of numbers is read as a list of records, one per number, in order.

use super::fields::params;
use serde::Serialize;
use serde_json::Value;

use super::data;
use super::records::{self, Layout};
use super::text::not_an_object;
use super::validate::Phones;
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::request::Form;
use crate::response::{common_reason, snippet, Answer};

params! {
    @required
    /// Parameters of an operator look-up.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct OperatorInfoParams {
        /// One number, a list, or a string separated by commas or semicolons (required).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub phone: Option<Phones>,
    }
}

/// The operators of the numbers asked about, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OperatorInfoResult {
    /// One entry per number.
    pub phones: Vec<OperatorInfo>,
}

/// What the server knows about one number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OperatorInfo {
    /// The number (from the answer, or from the request when the answer leaves it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Operator (the current one, after number portability).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Mobile country code, as written (leading zeros kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcc: Option<String>,
    /// Mobile network code, as written (leading zeros kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mnc: Option<String>,
    /// The region's time zone, as the server writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tz: Option<String>,
}

const FIELDS: [&str; 6] = ["country", "operator", "region", "mcc", "mnc", "tz"];

/// The text layout (`phone = …, country = …, …`). In the comma format the fields come in this
/// order, with the number first (inferred).
pub(crate) const LAYOUT: Layout = Layout {
    keys: &["phone", "country", "operator", "region", "mcc", "mnc", "tz"],
    free_text: None,
    aliases: &[],
};

/// The operator look-up.
pub struct OperatorInfoOp;

impl Operation for OperatorInfoOp {
    const NAME: &'static str = "operator_info";
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "info.php";
    type Params = OperatorInfoParams;
    type Output = OperatorInfoResult;

    fn encode(p: &OperatorInfoParams, form: &mut Form) -> Result<()> {
        form.push("get_operator", "1");
        form.push("phone", asked_phones(p)?);
        Ok(())
    }

    fn parse(p: &OperatorInfoParams, answer: Answer<'_>) -> Result<OperatorInfoResult> {
        let records = records::layout_records(
            answer,
            &LAYOUT,
            |o| FIELDS.iter().any(|k| o.contains_key(*k)),
            "operators",
        )?;
        let mut phones = records
            .iter()
            .map(from_record)
            .collect::<Result<Vec<_>>>()?;
        // One record per number asked about: the answer may leave the number out.
        let asked = asked_phones(p)?;
        let asked: Vec<&str> = asked.split(',').collect();
        if asked.len() == phones.len() {
            for (info, number) in phones.iter_mut().zip(asked) {
                info.phone
                    .get_or_insert_with(|| number.trim_start_matches('+').to_string());
            }
        }
        Ok(OperatorInfoResult { phones })
    }

    fn reason(code: i64) -> Reason {
        match code {
            3 => Reason::NotFound,
            other => common_reason(other),
        }
    }
}

/// The numbers asked about, checked and joined. Required, but optional in the parameters so
/// that its absence is reported as `phone` rather than as a malformed call.
fn asked_phones(p: &OperatorInfoParams) -> Result<String> {
    let phones = p.phone.as_ref().ok_or_else(|| {
        Error::invalid("phone", "give the number to look up, or a list of numbers")
    })?;
    data::phone_list("phone", phones)
}

fn from_record(v: &Value) -> Result<OperatorInfo> {
    if !v.is_object() {
        return Err(not_an_object("operator information", v));
    }
    let info = OperatorInfo {
        phone: records::field_text(v, "phone"),
        country: records::field_text(v, "country"),
        operator: records::field_text(v, "operator"),
        region: records::field_text(v, "region"),
        mcc: records::field_text(v, "mcc"),
        mnc: records::field_text(v, "mnc"),
        tz: records::field_text(v, "tz"),
    };
    if info.country.is_none() && info.operator.is_none() && info.mcc.is_none() {
        return Err(Error::parse(format!(
            "operator information without country, operator or mcc: {}",
            snippet(&v.to_string())
        )));
    }
    Ok(info)
}
