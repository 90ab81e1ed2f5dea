//! `get.php` with `get_answers=1`: incoming messages (replies to the client's numbers).
//!
//! Page: <https://smscentre.com/api/http/get_data/inbox/>. Parameters `cnt` (at most 10000),
//! `hour` (the period in hours, at most 168: seven days), `after_id` (only messages after this
//! id) and `to_phone` (the client's number that received them). The page names the first answer
//! field, `<id>`, the server's id of the incoming message; the rest of the list is cut off on the
//! readable copies. `phone`, `message`, `to_phone` and `sent` (`DD.MM.YYYY hh:mm:ss`) are the
//! keys the fmt=3 array carries in code that reads it; `received` is inferred. The text and comma
//! layouts are not shown and are read as [`super::records`] describes.
//!
//! Polling: the result's `next_after_id` is the `after_id` of the next request.

use super::fields::params;
use serde::Serialize;
use serde_json::Value;

use super::records::{self, Layout, RecordId};
use super::text::{json_i64, json_text, not_an_object};
use super::validate;
use super::Operation;
use crate::error::{Error, Result};
use crate::request::Form;
use crate::response::{snippet, Answer};

/// The most messages one request returns.
pub const MAX_INCOMING_COUNT: u32 = 10_000;
/// The longest period one request covers, in hours (seven days).
pub const MAX_INCOMING_HOURS: u32 = 168;

params! {
    /// Parameters of an incoming-messages request. All are optional.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct IncomingParams {
        /// The period, in hours back from now: 1 to 168.
        pub hour: Option<u32>,
        /// Only messages after this one (its `id`, not included): the `next_after_id` of the
        /// previous answer.
        pub after_id: Option<RecordId>,
        /// How many messages to return, 1 to 10000.
        pub cnt: Option<u32>,
        /// Only messages to this number of the client's.
        pub to_phone: Option<String>,
    }
}

/// Incoming messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IncomingResult {
    /// The messages.
    pub messages: Vec<IncomingMessage>,
    /// The `after_id` that asks for what arrives after these: the largest `id` of this answer,
    /// or the `after_id` asked with when nothing new came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_after_id: Option<i64>,
}

/// One incoming message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IncomingMessage {
    /// The server's id of the message.
    pub id: i64,
    /// When the server received it, as the server wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    /// The sender's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The client's number it was sent to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_phone: Option<String>,
    /// When it was sent, `DD.MM.YYYY hh:mm:ss`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<String>,
    /// The text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The fields in the order the emulator and this reader use (inferred: only `<id>` first is on
/// the page); the text is free and comes last.
pub(crate) const LAYOUT: Layout = Layout {
    keys: &["id", "received", "phone", "to_phone", "sent", "message"],
    free_text: Some("message"),
    aliases: &[],
};

/// The incoming-messages operation.
pub struct IncomingOp;

impl Operation for IncomingOp {
    const NAME: &'static str = "incoming";
    const LISTS: bool = true;
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "get.php";
    type Params = IncomingParams;
    type Output = IncomingResult;

    fn encode(p: &IncomingParams, form: &mut Form) -> Result<()> {
        form.push("get_answers", "1");
        if let Some(hour) = p.hour {
            validate::in_range("hour", hour, 1, MAX_INCOMING_HOURS)?;
            form.push("hour", hour.to_string());
        }
        if let Some(after) = &p.after_id {
            form.push(
                "after_id",
                after.checked("after_id", "an incoming message")?,
            );
        }
        if let Some(cnt) = p.cnt {
            validate::in_range("cnt", cnt, 1, MAX_INCOMING_COUNT)?;
            form.push("cnt", cnt.to_string());
        }
        if let Some(to) = &p.to_phone {
            let phone = validate::normalise_phone(to)
                .map_err(|why| Error::invalid("to_phone", format!("{to:?} {why}")))?;
            form.push("to_phone", phone);
        }
        Ok(())
    }

    fn parse(p: &IncomingParams, answer: Answer<'_>) -> Result<IncomingResult> {
        let records = records::layout_records(
            answer,
            &LAYOUT,
            |o| o.contains_key("id") || o.contains_key("message"),
            "incoming messages",
        )?;
        let messages = records
            .iter()
            .map(from_record)
            .collect::<Result<Vec<_>>>()?;
        let asked_after = p
            .after_id
            .as_ref()
            .and_then(|a| a.checked("after_id", "an incoming message").ok())
            .and_then(|a| a.parse::<i64>().ok());
        let next_after_id = messages.iter().map(|m| m.id).max().or(asked_after);
        Ok(IncomingResult {
            messages,
            next_after_id,
        })
    }
}

fn from_record(v: &Value) -> Result<IncomingMessage> {
    if !v.is_object() {
        return Err(not_an_object("an incoming message", v));
    }
    let id = json_i64(v, "id")?.ok_or_else(|| {
        Error::parse(format!(
            "an incoming message without `id`: {}",
            snippet(&v.to_string())
        ))
    })?;
    Ok(IncomingMessage {
        id,
        received: records::field_text(v, "received"),
        phone: records::field_text(v, "phone"),
        to_phone: records::field_text(v, "to_phone"),
        sent: records::field_text(v, "sent"),
        message: json_text(v, "message"),
    })
}
