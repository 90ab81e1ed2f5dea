//! `get.php` with `get_stat=1`: statistics of sent messages over a period.
//!
//! Page: <https://smscentre.com/api/http/get_data/statistic/>. Parameters `start` and `end`
//! (`dd.mm.yyyy` (or an ISO 8601 date: a `date` or `Date`); without `end`, from `start` on), `mycur` (amounts in the client's current
//! currency) and `balance2` (messages paid from the electronic balance). The answer fields, in
//! the page's order: `<login>`, `<cnt>` (number of messages), `<credit>`, `<debit>`,
//! `<currency>`. The Russian page calls `credit` the amount spent ("расход") and `debit` the
//! amount received ("приход"); the English copy swaps the two words in its descriptions, so the
//! keys are kept as the server writes them. The JSON key of the count may also be `sms` (the
//! project's API notes, from an SDK). The page shows no layout beyond the field list: the reader
//! takes one record or a list of them (one per login) in every format.

use super::fields::params;
use serde::Serialize;
use serde_json::Value;

use super::data;
use super::records::{self, Layout};
use super::text::{json_i64, json_money, not_an_object};
use super::Operation;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::request::Form;
use crate::response::{snippet, Answer};

params! {
    /// Parameters of a statistics request.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct StatisticsParams {
        /// First day of the period, `dd.mm.yyyy` (or an ISO 8601 date: a `date` or `Date`) (required).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub start: Option<String>,
        /// Last day of the period, `dd.mm.yyyy`; without it, from `start` on.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub end: Option<String>,
        /// Amounts in the client's current currency (`mycur=1`).
        pub mycur: bool [default],
        /// Messages paid from the electronic balance (`balance2=1`).
        pub balance2: bool [default],
    }
}

/// The statistics: one entry per login the server reports (the client's own, normally).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatisticsResult {
    /// One entry per login.
    pub accounts: Vec<AccountStatistics>,
}

/// What one login sent and spent in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountStatistics {
    /// The login.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// Number of messages (`cnt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    /// Amount spent ("расход" on the Russian page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<Money>,
    /// Amount received ("приход" on the Russian page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debit: Option<Money>,
    /// Three-letter currency code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// The fields in the page's order.
pub(crate) const LAYOUT: Layout = Layout {
    keys: &["login", "cnt", "credit", "debit", "currency", "sms"],
    free_text: None,
    aliases: &[],
};

/// The statistics operation.
pub struct StatisticsOp;

impl Operation for StatisticsOp {
    const NAME: &'static str = "statistics";
    const LISTS: bool = true;
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "get.php";
    type Params = StatisticsParams;
    type Output = StatisticsResult;

    fn encode(p: &StatisticsParams, form: &mut Form) -> Result<()> {
        form.push("get_stat", "1");
        if p.start.is_none() {
            return Err(Error::invalid(
                "start",
                "statistics need the first day of the period as `start` (dd.mm.yyyy)",
            ));
        }
        let (start, end) = data::period(p.start.as_deref(), p.end.as_deref(), None)?;
        form.push_opt("start", start.map(|d| d.text()));
        form.push_opt("end", end.map(|d| d.text()));
        form.push_flag("mycur", p.mycur);
        form.push_flag("balance2", p.balance2);
        Ok(())
    }

    fn parse(_: &StatisticsParams, answer: Answer<'_>) -> Result<StatisticsResult> {
        let records = records::layout_records(
            answer,
            &LAYOUT,
            |o| LAYOUT.keys.iter().any(|k| o.contains_key(*k)),
            "statistics",
        )?;
        let accounts = records
            .iter()
            .map(from_record)
            .collect::<Result<Vec<_>>>()?;
        Ok(StatisticsResult { accounts })
    }
}

fn from_record(v: &Value) -> Result<AccountStatistics> {
    if !v.is_object() {
        return Err(not_an_object("statistics", v));
    }
    let s = AccountStatistics {
        login: records::field_text(v, "login"),
        count: match json_i64(v, "cnt")? {
            Some(n) => Some(n),
            None => json_i64(v, "sms")?,
        },
        credit: json_money(v, "credit")?,
        debit: json_money(v, "debit")?,
        currency: records::field_text(v, "currency"),
    };
    if s == AccountStatistics::default() {
        return Err(Error::parse(format!(
            "statistics without any of login, cnt, credit, debit, currency: {}",
            snippet(&v.to_string())
        )));
    }
    Ok(s)
}
