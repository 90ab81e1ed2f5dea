//! `get.php` with `get_messages=1`: the history of sent messages.
//!
//! Page: <https://smscentre.com/api/http/get_data/outbox/> (also the single page
//! <https://smscentre.com/api/http/get_data>). Parameters `start` and `end` (`dd.mm.yyyy` (or an ISO 8601 date: a `date` or `Date`), at
//! most six months), `phone`, `email`, `format` (0 SMS, 8 e-mail), `cnt` (at most 1000) and
//! `prev_id` (the `int_id` of a message: only older ones are returned). The answer fields are
//! listed on the page in this order: `status`, `last_date`, `last_timestamp`, `err`,
//! `send_date`, `send_timestamp`, `phone`, `cost`, `sender_id`, `status_name`, `message`, then
//! (per the project's API notes) `type`, `country`, `operator`, `region`, `id`, `int_id`,
//! `sms_cnt`, `format`, `crc`, `mccmnc`. fmt=3 is an array of such objects; the text, comma and
//! XML layouts are not shown on a readable page and are read as [`super::records`] describes.
//!
//! Paging: the result's `next_prev_id` is the `prev_id` of the next (older) page.

use super::fields::params;
use serde::Serialize;
use serde_json::Value;

use super::choices::HistoryFormat;
use super::data;
use super::json_list;
use super::records::{self, Layout, RecordId};
use super::status::{MessageStatus, RawStatus};
use super::text::{json_i64, not_an_object};
use super::validate::{self, Phones};
use super::Operation;
use crate::error::Result;
use crate::request::Form;
use crate::response::Answer;

/// The most messages one history request returns.
pub const MAX_HISTORY_COUNT: u32 = 1000;
/// The longest period one history request covers, in months.
pub const MAX_HISTORY_MONTHS: u32 = 6;

params! {
    /// Parameters of a history request. All are optional.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct HistoryParams {
        /// First day of the period, `dd.mm.yyyy` (or an ISO 8601 date: a `date` or `Date`).
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub start: Option<String>,
        /// Last day of the period, `dd.mm.yyyy`; at most six months after `start`. Without it the
        /// history runs from `start` on.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub end: Option<String>,
        /// Only messages to these numbers.
        pub phone: Option<Phones>,
        /// Only e-mail messages to these addresses.
        pub email: Option<Phones>,
        /// SMS (the server's default) or e-mail messages.
        pub format: Option<HistoryFormat>,
        /// How many messages to return, 1 to 1000.
        pub cnt: Option<u32>,
        /// Only messages sent before this one (its `int_id`): the `next_prev_id` of the previous page.
        pub prev_id: Option<RecordId>,
    }
}

/// One page of the history, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HistoryResult {
    /// The messages.
    pub messages: Vec<HistoryMessage>,
    /// The `prev_id` that asks for the next, older page: the smallest `int_id` of this page.
    /// Absent when the page is empty, holds fewer messages than `cnt` asked for (it is the
    /// last), or its messages carry no `int_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_prev_id: Option<i64>,
}

/// A sent message as the history reports it: the fields of a status, and the history's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HistoryMessage {
    /// The status fields, read as status.php's are (same names, same meanings).
    #[serde(flatten)]
    pub status: MessageStatus,
    /// The global message id, for `prev_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub int_id: Option<i64>,
    /// The `format` the message was sent in (0 SMS, 8 e-mail…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<i64>,
    /// The server's checksum of the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crc: Option<String>,
}

/// The fields in the page's order; the text is free and may hold commas.
pub(crate) const LAYOUT: Layout = Layout {
    keys: &[
        "status",
        "last_date",
        "last_timestamp",
        "err",
        "send_date",
        "send_timestamp",
        "phone",
        "cost",
        "sender_id",
        "status_name",
        "message",
        "type",
        "country",
        "operator",
        "region",
        "id",
        "int_id",
        "sms_cnt",
        "format",
        "crc",
        "mccmnc",
    ],
    free_text: Some("message"),
    // What fmt=0 lines of a working integration write instead of `last_date`, as status.php does.
    aliases: &[("check_time", "last_date")],
};

/// The history operation.
pub struct HistoryOp;

impl Operation for HistoryOp {
    const NAME: &'static str = "history";
    const LISTS: bool = true;
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "get.php";
    type Params = HistoryParams;
    type Output = HistoryResult;

    fn encode(p: &HistoryParams, form: &mut Form) -> Result<()> {
        form.push("get_messages", "1");
        let (start, end) = data::period(
            p.start.as_deref(),
            p.end.as_deref(),
            Some(MAX_HISTORY_MONTHS),
        )?;
        form.push_opt("start", start.map(|d| d.text()));
        form.push_opt("end", end.map(|d| d.text()));
        if let Some(phones) = &p.phone {
            form.push("phone", data::phone_list("phone", phones)?);
        }
        if let Some(emails) = &p.email {
            form.push("email", data::email_list("email", emails)?);
        }
        if let Some(format) = p.format {
            form.push("format", format.to_string());
        }
        if let Some(cnt) = p.cnt {
            validate::in_range("cnt", cnt, 1, MAX_HISTORY_COUNT)?;
            form.push("cnt", cnt.to_string());
        }
        if let Some(prev) = &p.prev_id {
            form.push(
                "prev_id",
                prev.checked("prev_id", "a sent message (its `int_id`)")?,
            );
        }
        Ok(())
    }

    fn parse_raw(p: &HistoryParams, status: u16, body: &[u8]) -> Option<Result<HistoryResult>> {
        let messages = json_list::list_map(json_list::body_text(status, body)?, from_raw)?;
        Some(Ok(page(p, messages)))
    }

    fn parse(p: &HistoryParams, answer: Answer<'_>) -> Result<HistoryResult> {
        let records = records::layout_records(
            answer,
            &LAYOUT,
            |o| o.contains_key("status") || o.contains_key("int_id"),
            "sent messages",
        )?;
        let messages = records
            .into_iter()
            .map(|record| from_record(&record))
            .collect::<Result<Vec<_>>>()?;
        Ok(page(p, messages))
    }
}

/// The page and where the next one starts.
fn page(p: &HistoryParams, messages: Vec<HistoryMessage>) -> HistoryResult {
    let full = p.cnt.is_none_or(|cnt| messages.len() >= cnt as usize);
    let next_prev_id = if full {
        messages.iter().filter_map(|m| m.int_id).min()
    } else {
        None
    };
    HistoryResult {
        messages,
        next_prev_id,
    }
}

/// A sent message as a JSON page lists it, read by the direct reader as [`from_record`] reads
/// the same object.
fn from_raw(mut raw: RawStatus) -> std::result::Result<HistoryMessage, json_list::Declined> {
    Ok(HistoryMessage {
        status: raw.take_status()?,
        int_id: std::mem::take(&mut raw.int_id).int()?,
        format: std::mem::take(&mut raw.format).int()?,
        crc: std::mem::take(&mut raw.crc).non_blank(),
    })
}

fn from_record(v: &Value) -> Result<HistoryMessage> {
    if !v.is_object() {
        return Err(not_an_object("a sent message", v));
    }
    Ok(HistoryMessage {
        status: super::status::message_from_json(v)?,
        int_id: json_i64(v, "int_id")?,
        format: json_i64(v, "format")?,
        crc: records::field_text(v, "crc"),
    })
}

#[cfg(test)]
mod real_answers {
    use crate::{Client, Output};
    use serde_json::json;

    /// fmt=0 as a working integration's test holds it (authmagic-smsc-plugin): `Status`,
    /// `check_time` and `ID`, as status.php writes them.
    #[test]
    fn a_text_page_with_status_php_keys_is_read() {
        let request = Client::new("demo", "pw")
            .unwrap()
            .with_format(crate::Format::Text)
            .prepare_json("history", json!({"cnt": 10}))
            .unwrap();
        let body = "Status = 1, check_time = 28.06.2021 15:55:47, send_date = 28.06.2021 15:55:44, phone = 88002000600, mccmnc = 25503, country = Украина, operator = Kyivstar, region = , cost = 0.385, sender_id = OLLYFOOD, status_name = Доставлено, message = 78-74-08, type = 0, ID = 206113, int_id = 401671913, sms_cnt = 1, format = 0, crc = 307589946";
        let Output::History(page) = request.parse(200, body.as_bytes()).unwrap() else {
            panic!("a history page")
        };
        let m = &page.messages[0];
        assert_eq!(m.status.status, 1);
        assert_eq!(m.status.last_date.as_deref(), Some("28.06.2021 15:55:47"));
        assert_eq!(m.status.id.as_deref(), Some("206113"));
        assert_eq!(m.int_id, Some(401_671_913));
        assert_eq!(m.status.cost.as_ref().unwrap().as_str(), "0.385");
    }
}
