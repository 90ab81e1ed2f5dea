//! `status.php`: delivery status of one or several messages.
//!
//! Page: <https://smscentre.com/api/http/status_messages/>; answers on
//! <https://smscentre.com/api/http/status_messages/status_answer>; codes on
//! <https://smscentre.com/api/http/status_messages/statuses/>.
//!
//! Several messages go in one request as comma lists of ids and phones in the same order; the
//! JSON answer is then an array. The text formats of a several-message answer, and the comma
//! format with `all` ≥ 1, are not fully shown on the pages that could be read (the fmt=1 line is
//! cut after `<message>`, and the message text may itself hold commas), so the comma reader takes
//! the documented leading fields and treats the rest as the message text. JSON, the default, has
//! none of these ambiguities.

use super::fields::params;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::choices::StatusDetail;
use super::json_list::{self, Declined, Present, Scalar};
use super::text::{
    int_field, json_i64, json_money, json_text, key_values, money_field, not_an_object,
};
use super::validate::MessageId;
use super::Operation;
use crate::codes;
use crate::error::{Error, Reason, Result};
use crate::money::Money;
use crate::request::Form;
use crate::response::{common_reason, snippet, Answer};
use crate::retry::Effect;
use std::mem::take;

params! {
    @required
    /// One message to ask about: its id and the phone (or e-mail) it was sent to.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct MessageRef {
        /// The message id.
        pub id: MessageId,
        /// The recipient it was sent to.
        pub phone: String,
    }
}

params! {
    /// Parameters of a status request: either `id` + `phone` for one message, or `messages`.
    // `x-alternatives`: the field groups of which exactly one is given whole, as `refs` checks.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(
        feature = "schema",
        derive(schemars::JsonSchema),
        schemars(extend("x-alternatives" = [["id", "phone"], ["messages"]]))
    )]
    pub struct StatusParams {
        /// The id of a single message.
        pub id: Option<MessageId>,
        /// The recipient of a single message.
        pub phone: Option<String>,
        /// Several messages at once.
        pub messages: Vec<MessageRef> [default],
        /// How much to report: the status only (default), full information, or that and the
        /// country, operator and region.
        pub all: StatusDetail [default],
    }
}

impl StatusParams {
    /// The status of one message.
    pub fn one(id: &str, phone: &str) -> Self {
        StatusParams {
            id: Some(MessageId::Text(id.to_string())),
            phone: Some(phone.to_string()),
            ..Self::default()
        }
    }

    /// Appends `phone` and `id`: a single message in the single form, several as comma lists in
    /// matching order.
    pub(crate) fn push_refs(&self, form: &mut Form) -> Result<()> {
        let (mut ids, mut phones) = (String::new(), String::new());
        for (i, (id, phone)) in self.refs()?.into_iter().enumerate() {
            if i > 0 {
                ids.push(',');
                phones.push(',');
            }
            ids.push_str(&id);
            phones.push_str(&phone);
        }
        form.push("phone", phones);
        form.push("id", ids);
        Ok(())
    }

    /// How many messages are asked about.
    pub(crate) fn message_count(&self) -> Result<usize> {
        Ok(self.refs()?.len())
    }

    /// The messages asked about, in order, checked: `(id, phone)`.
    fn refs(&self) -> Result<Vec<(String, String)>> {
        let single = match (&self.id, &self.phone) {
            (Some(id), Some(phone)) => Some((id, phone)),
            (None, None) => None,
            (Some(_), None) => {
                return Err(Error::invalid(
                    "phone",
                    "a status request needs the phone the message was sent to",
                ))
            }
            (None, Some(_)) => {
                return Err(Error::invalid(
                    "id",
                    "a status request needs the message id",
                ))
            }
        };
        let refs: Vec<(&MessageId, &String)> = match single {
            Some(one) if self.messages.is_empty() => vec![one],
            Some(_) => {
                return Err(Error::invalid(
                    "messages",
                    "give either `id` and `phone` or `messages`, not both",
                ))
            }
            None => self.messages.iter().map(|m| (&m.id, &m.phone)).collect(),
        };
        if refs.is_empty() {
            return Err(Error::invalid(
                "messages",
                "no message to ask about: give `id` and `phone`, or `messages`",
            ));
        }
        refs.into_iter()
            .enumerate()
            .map(|(i, (id, phone))| {
                // Named only when there is an error to name it in.
                let field = |name: &str| {
                    if single.is_some() {
                        name.to_string()
                    } else {
                        format!("messages[{i}].{name}")
                    }
                };
                let id = match single {
                    Some(_) => id.checked("id")?,
                    None => id.checked(&field("id"))?,
                };
                let phone = phone.trim();
                if phone.is_empty() || phone.contains([',', ';']) {
                    return Err(Error::invalid(
                        field("phone"),
                        format!("{phone:?} is not one phone number or e-mail address"),
                    ));
                }
                Ok((id, phone.to_string()))
            })
            .collect()
    }
}

/// The statuses, one per message asked about, in the order asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusResult {
    /// One entry per message.
    pub messages: Vec<MessageStatus>,
}

/// The status of one message. Fields beyond `status` appear when the server reports them
/// (`all` = 1 or 2 adds most of them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageStatus {
    /// The message id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Status code (-3 … 25).
    pub status: i64,
    /// The documented meaning of `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<&'static str>,
    /// Whether the status is settled (delivered or failed) rather than still in progress.
    pub is_final: bool,
    /// Error code within the status (0 none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err: Option<i64>,
    /// The documented meaning of `err`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err_text: Option<&'static str>,
    /// When the status last changed, `DD.MM.YYYY hh:mm:ss` (Moscow time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_date: Option<String>,
    /// When the status last changed, Unix time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_timestamp: Option<i64>,
    /// Bit field: type in bits 0–3, paid from the second balance (bit 5), template (bits 8–10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<i64>,
    /// When it was sent, `DD.MM.YYYY hh:mm:ss`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_date: Option<String>,
    /// When it was sent, Unix time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_timestamp: Option<i64>,
    /// What it cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// The sender name used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender_id: Option<String>,
    /// The server's (localised) name of the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_name: Option<String>,
    /// The message text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The comment part of the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Message type: 0 SMS, 1 Flash, 2 binary, 3 WAP push, 4 HLR, 5 ping, 6 MMS, 7 call, 8 e-mail, 10 Viber, 12 social.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub message_type: Option<i64>,
    /// SMS parts (seconds for a call).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i64>,
    /// Operator network code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mccmnc: Option<String>,
    /// Subscriber's country (`all=2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Subscriber's operator (`all=2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Subscriber's region (`all=2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// HLR result (`send_hlr`): the subscriber's, operator's and roaming data, as the server
    /// names them (<https://smscentre.com/api/smpp/send/hlr/>).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hlr: Option<HlrData>,
}

/// The result of an HLR query, reported with its status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HlrData {
    /// IMSI of the subscriber's SIM card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imsi: Option<String>,
    /// Number of the operator's service centre the subscriber is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub msc: Option<String>,
    /// Mobile country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcc: Option<String>,
    /// Mobile network code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mnc: Option<String>,
    /// Country of registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cn: Option<String>,
    /// Operator of registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net: Option<String>,
    /// Roaming country, when abroad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rcn: Option<String>,
    /// Roaming operator, when in another network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rnet: Option<String>,
}

impl MessageStatus {
    fn with_status(status: i64) -> Self {
        MessageStatus {
            status,
            status_text: codes::status_text(status),
            is_final: codes::status_is_final(status),
            ..Self::default()
        }
    }

    fn set_err(&mut self, err: Option<i64>) {
        self.err = err;
        self.err_text = err.and_then(codes::error_text);
    }
}

/// The status operation.
pub struct StatusOp;

impl Operation for StatusOp {
    const NAME: &'static str = "status";
    const SCRIPT: &'static str = "status.php";
    const EFFECT: Effect = Effect::Read;
    type Params = StatusParams;
    type Output = StatusResult;

    fn encode(params: &StatusParams, form: &mut Form) -> Result<()> {
        params.push_refs(form)?;
        if params.all != StatusDetail::Status {
            form.push("all", params.all.to_string());
        }
        Ok(())
    }

    fn parse_raw(params: &StatusParams, status: u16, body: &[u8]) -> Option<Result<StatusResult>> {
        let text = json_list::body_text(status, body)?;
        let messages = if text.starts_with('[') {
            json_list::list_map(text, |mut raw: RawStatus| raw.take_status())?
        } else {
            // The answer about one message is an object.
            vec![json_list::one::<RawStatus>(text)?.take_status().ok()?]
        };
        Some(Ok(with_refs(messages, params.refs().ok()?)))
    }

    fn parse(params: &StatusParams, answer: Answer<'_>) -> Result<StatusResult> {
        let refs = params.refs()?;
        let messages = match answer {
            Answer::Json(Value::Array(items)) => items
                .iter()
                .map(message_from_json)
                .collect::<Result<Vec<_>>>()?,
            // The XML answer for several messages is `<result><sms>…</sms>…</result>`.
            Answer::Json(Value::Object(mut obj))
                if !obj.contains_key("status") && obj.contains_key("sms") =>
            {
                match obj.remove("sms") {
                    Some(Value::Array(items)) => items
                        .iter()
                        .map(message_from_json)
                        .collect::<Result<Vec<_>>>()?,
                    Some(one) => vec![message_from_json(&one)?],
                    None => Vec::new(),
                }
            }
            Answer::Json(v) => vec![message_from_json(&v)?],
            Answer::Text(text) => text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|line| from_text(line, params.all.code(), refs.len() > 1))
                .collect::<Result<Vec<_>>>()?,
        };
        Ok(with_refs(messages, refs))
    }

    fn reason(code: i64) -> Reason {
        status_reason(code)
    }
}

/// What status.php error codes mean
/// (<https://smscentre.com/api/http/status_messages/status_answer>).
pub(crate) fn status_reason(code: i64) -> Reason {
    match code {
        5 => Reason::DeleteFailed,
        other => common_reason(other),
    }
}

/// The statuses with the id and phone each was asked for: the single-message answer does not
/// repeat them, and the request knows them.
fn with_refs(mut messages: Vec<MessageStatus>, refs: Vec<(String, String)>) -> StatusResult {
    if messages.len() == refs.len() {
        for (m, (id, phone)) in messages.iter_mut().zip(refs) {
            m.id.get_or_insert(id);
            m.phone.get_or_insert(phone);
        }
    }
    StatusResult { messages }
}

/// A message's status fields as the server writes them in a JSON list, for the direct reader
/// ([`super::json_list`]): the same keys [`message_from_json`] reads, each taken as a scalar.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RawStatus {
    status: Scalar,
    id: Scalar,
    phone: Scalar,
    err: Scalar,
    last_date: Scalar,
    last_timestamp: Scalar,
    flag: Scalar,
    send_date: Scalar,
    send_timestamp: Scalar,
    cost: Scalar,
    sender_id: Scalar,
    status_name: Scalar,
    message: Scalar,
    comment: Scalar,
    #[serde(rename = "type")]
    message_type: Scalar,
    sms_cnt: Scalar,
    mccmnc: Scalar,
    country: Scalar,
    operator: Scalar,
    region: Scalar,
    imsi: Scalar,
    msc: Scalar,
    mcc: Scalar,
    mnc: Scalar,
    cn: Scalar,
    net: Scalar,
    rcn: Scalar,
    rnet: Scalar,
    // An object with either key is an error envelope, never a status.
    error: Present,
    error_code: Present,
    // The history's own fields, beside the status ones in each of its records.
    pub(crate) int_id: Scalar,
    pub(crate) format: Scalar,
    pub(crate) crc: Scalar,
}

impl RawStatus {
    /// The status, as [`message_from_json`] reads the same object; declines where that one
    /// would fail.
    pub(crate) fn take_status(&mut self) -> std::result::Result<MessageStatus, Declined> {
        if self.error.0 || self.error_code.0 {
            return Err(Declined);
        }
        let status = take(&mut self.status).int()?.ok_or(Declined)?;
        let mut m = MessageStatus::with_status(status);
        m.id = take(&mut self.id).non_empty();
        m.phone = take(&mut self.phone).non_empty();
        m.set_err(take(&mut self.err).int()?);
        m.last_date = take(&mut self.last_date).non_empty();
        m.last_timestamp = take(&mut self.last_timestamp).int()?;
        m.flag = take(&mut self.flag).int()?;
        m.send_date = take(&mut self.send_date).non_empty();
        m.send_timestamp = take(&mut self.send_timestamp).int()?;
        m.cost = take(&mut self.cost).money()?;
        m.sender_id = take(&mut self.sender_id).non_empty();
        m.status_name = take(&mut self.status_name).non_empty();
        m.message = take(&mut self.message).text();
        m.comment = take(&mut self.comment).non_empty();
        m.message_type = take(&mut self.message_type).int()?;
        m.sms_count = take(&mut self.sms_cnt).int()?;
        m.mccmnc = take(&mut self.mccmnc).non_empty();
        m.country = take(&mut self.country).non_empty();
        m.operator = take(&mut self.operator).non_empty();
        m.region = take(&mut self.region).non_empty();
        let hlr = HlrData {
            imsi: take(&mut self.imsi).non_empty(),
            msc: take(&mut self.msc).non_empty(),
            mcc: take(&mut self.mcc).non_empty(),
            mnc: take(&mut self.mnc).non_empty(),
            cn: take(&mut self.cn).non_empty(),
            net: take(&mut self.net).non_empty(),
            rcn: take(&mut self.rcn).non_empty(),
            rnet: take(&mut self.rnet).non_empty(),
        };
        m.hlr = (hlr != HlrData::default()).then_some(hlr);
        Ok(m)
    }
}

/// One message's status from a JSON object (or an XML element read into one); also what the
/// history reports of each sent message.
pub(crate) fn message_from_json(v: &Value) -> Result<MessageStatus> {
    if !v.is_object() {
        return Err(not_an_object("a message status", v));
    }
    let status = json_i64(v, "status")?.ok_or_else(|| {
        Error::parse(format!(
            "a status answer without `status`: {}",
            snippet(&v.to_string())
        ))
    })?;
    let text = |k: &str| json_text(v, k).filter(|s| !s.is_empty());
    let mut m = MessageStatus::with_status(status);
    m.id = text("id");
    m.phone = text("phone");
    m.set_err(json_i64(v, "err")?);
    m.last_date = text("last_date");
    m.last_timestamp = json_i64(v, "last_timestamp")?;
    m.flag = json_i64(v, "flag")?;
    m.send_date = text("send_date");
    m.send_timestamp = json_i64(v, "send_timestamp")?;
    m.cost = json_money(v, "cost")?;
    m.sender_id = text("sender_id");
    m.status_name = text("status_name");
    m.message = json_text(v, "message");
    m.comment = text("comment");
    m.message_type = json_i64(v, "type")?;
    m.sms_count = json_i64(v, "sms_cnt")?;
    m.mccmnc = text("mccmnc");
    m.country = text("country");
    m.operator = text("operator");
    m.region = text("region");
    let hlr = HlrData {
        imsi: text("imsi"),
        msc: text("msc"),
        mcc: text("mcc"),
        mnc: text("mnc"),
        cn: text("cn"),
        net: text("net"),
        rcn: text("rcn"),
        rnet: text("rnet"),
    };
    m.hlr = (hlr != HlrData::default()).then_some(hlr);
    Ok(m)
}

/// The keys of a fmt=0 line, in the documented order (`all=1` adds the ones after `err`; `id`
/// and `phone` close a line of a several-message answer).
const TEXT_KEYS: [&str; 17] = [
    "status",
    "check_time",
    "err",
    "send_date",
    "phone",
    "cost",
    "sender_id",
    "status_name",
    "message",
    "comment",
    "type",
    "country",
    "operator",
    "region",
    "id",
    "sms_cnt",
    "mccmnc",
];

fn from_text(line: &str, all: u8, several: bool) -> Result<MessageStatus> {
    if line.to_ascii_lowercase().starts_with("status") {
        from_labelled(line)
    } else {
        from_csv(line, all, several)
    }
}

/// fmt=0: `Status = 1, check_time = 10.10.2010 10:10:10, err = 0[, key = value…]`.
fn from_labelled(line: &str) -> Result<MessageStatus> {
    let kv = key_values(line, &TEXT_KEYS, &["message"]);
    let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| *v);
    let nonempty = |k: &str| get(k).filter(|s| !s.is_empty()).map(str::to_string);
    let status = int_field("the status", get("status").unwrap_or(""))?;
    let mut m = MessageStatus::with_status(status);
    m.set_err(
        get("err")
            .map(|e| int_field("the error code", e))
            .transpose()?,
    );
    m.last_date = nonempty("check_time");
    m.send_date = nonempty("send_date");
    m.phone = nonempty("phone");
    m.cost = get("cost")
        .filter(|s| !s.is_empty())
        .map(|c| money_field("the cost", c))
        .transpose()?;
    m.sender_id = nonempty("sender_id");
    m.status_name = nonempty("status_name");
    m.message = get("message").map(str::to_string);
    m.comment = nonempty("comment");
    m.message_type = get("type")
        .filter(|s| !s.is_empty())
        .map(|t| int_field("the type", t))
        .transpose()?;
    m.country = nonempty("country");
    m.operator = nonempty("operator");
    m.region = nonempty("region");
    m.id = nonempty("id");
    Ok(m)
}

/// fmt=1: `<status>,<last_timestamp>,<err>` (+ `,<id>,<phone>` per line of a several-message
/// answer), or with `all` ≥ 1
/// `<status>,<last_timestamp>,<err>,<send_timestamp>,<phone>,<cost>,<sender>,<status_name>,<message…>[,<comment>,<type>]`.
fn from_csv(line: &str, all: u8, several: bool) -> Result<MessageStatus> {
    let f: Vec<&str> = line.split(',').collect();
    let field = |i: usize| f.get(i).map(|s| s.trim());
    let status = int_field("the status", field(0).unwrap_or(""))?;
    let mut m = MessageStatus::with_status(status);
    m.last_timestamp = field(1)
        .filter(|s| !s.is_empty())
        .map(|t| int_field("the timestamp", t))
        .transpose()?;
    m.set_err(
        field(2)
            .filter(|s| !s.is_empty())
            .map(|e| int_field("the error code", e))
            .transpose()?,
    );
    if all == 0 {
        if several {
            m.id = field(3).filter(|s| !s.is_empty()).map(str::to_string);
            m.phone = field(4).filter(|s| !s.is_empty()).map(str::to_string);
        }
        return Ok(m);
    }
    if several {
        // Where the id goes in this layout is not documented; keep what is certain.
        return Ok(m);
    }
    m.send_timestamp = field(3)
        .filter(|s| !s.is_empty())
        .map(|t| int_field("the send time", t))
        .transpose()?;
    m.phone = field(4).filter(|s| !s.is_empty()).map(str::to_string);
    m.cost = field(5)
        .filter(|s| !s.is_empty())
        .map(|c| money_field("the cost", c))
        .transpose()?;
    m.sender_id = field(6).filter(|s| !s.is_empty()).map(str::to_string);
    m.status_name = field(7).filter(|s| !s.is_empty()).map(str::to_string);
    if all == 1 {
        // The page (<https://smscentre.com/api/http/status_messages/status_answer>) continues the
        // line after `<message>` with `<comment>` and, as the fmt=0 line shows, `<type>`; SMSC's
        // older libraries read the text as the last field. With eleven or more fields and a
        // number at the end the page's layout is read from the end, so commas stay in the text;
        // otherwise the rest of the line is the text.
        match f.get(8..) {
            Some([text @ .., comment, last])
                if !text.is_empty() && last.trim().parse::<i64>().is_ok() =>
            {
                m.message = Some(text.join(","));
                m.comment = Some(comment.trim().to_string()).filter(|c| !c.is_empty());
                m.message_type = last.trim().parse().ok();
            }
            rest => m.message = rest.map(|rest| rest.join(",")),
        }
    }
    Ok(m)
}
