//! `send.php`: sending an SMS, and the other channels of the same script (HLR query, ping-SMS,
//! MMS, e-mail, voice call, Viber, Telegram), which differ only by a type flag and by which
//! parameters make sense.
//!
//! Page: <https://smscentre.com/api/http/send/sms>; answers on
//! <https://smscentre.com/api/http/send/sms/sms_answer/>. The fmt=1 layout depends on `cost`
//! (`<id>,<n>`, `<id>,<n>,<cost>`, `<id>,<n>,<cost>,<balance>`, or `<cost>,<n>` with cost=1), which
//! is why the request, knowing its `cost`, reads its own answer. The fmt=0 forms with cost are not
//! shown on the page that could be read; they are read by their `KEY - value` parts in any order,
//! which accepts every plausible layout.

use super::fields::params;
use crate::json_text::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::choices::{Binary, Cost, Translit};
use super::json_list::{self, Present, Scalar};
use super::text::{int_field, json_i64, json_money, json_text, money_field, not_an_object};
use super::validate::{self, MessageId, Phones};
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::money::Money;
use crate::request::Form;
use crate::response::{common_reason, json_scalar_text, snippet, Answer};
use crate::retry::Effect;

params! {
    /// Parameters of an SMS send (and, through [`super::cost`], of a price request).
    #[derive(Debug, Clone, Default, PartialEq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SendSmsParams {
        /// Recipients: one number, a list, or a string separated by commas or semicolons.
        pub phones: Option<Phones>,
        /// The text, at most 1000 characters (`mes`).
        pub message: Option<String> [alias = "mes"],
        /// Sender name, registered on the account; `""` or `"."` switches the default sender off.
        pub sender: Option<String>,
        /// Transliteration: none (0, default), Latin letters (1), "mpaHc/Ium" style (2).
        pub translit: Option<Translit>,
        /// Shorten links in the text (`tinyurl=1`).
        pub tinyurl: bool [default],
        /// When to send: `DDMMYYhhmm`, `DD.MM.YY hh:mm`, `h1-h2`, `0<unix time>` or `+<minutes>`;
        /// or a date-time (ISO 8601, a `datetime` or `Date`): with a zone it goes as that instant's
        /// Unix time, without one as `DD.MM.YY hh:mm` in the zone `tz` gives.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date-time")))]
        pub time: Option<String>,
        /// Time zone of `time`, in hours relative to Moscow.
        pub tz: Option<i32>,
        /// Spread the sending over this many hours (0.1 to 720), with `freq`.
        pub period: Option<f64>,
        /// Minutes between batches when `period` is set (1 to 1440).
        pub freq: Option<u32>,
        /// Flash SMS, shown on screen at once.
        pub flash: bool [default],
        /// Your own message id: 1 to 2147483647, or up to 40 letters, digits, `.`, `-`, `_`.
        pub id: Option<MessageId>,
        /// Lifetime: whole hours 1 to 24, or `hh:mm`.
        pub valid: Option<String>,
        /// The most SMS parts to use; longer text is cut.
        pub maxsms: Option<u32>,
        /// Send (0, default), price only (1), send and report the cost (2), also the new balance (3).
        pub cost: Option<Cost>,
        /// Report failed numbers with their status (`err=1`).
        pub err: bool [default],
        /// Report every number with its status, operator and cost (`op=1`).
        pub op: bool [default],
        /// The end user's IP address, for the per-IP daily limit.
        pub userip: Option<String>,
        /// WAP-push: `message` holds the link and the title on two lines (SMS only).
        pub push: bool [default],
        /// Binary SMS: the text is binary (1) or a hex string (2) (SMS only).
        pub bin: Option<Binary>,
        /// Subject of an MMS or e-mail.
        pub subj: Option<String>,
        /// Address of a file the server fetches and attaches (MMS, e-mail, voice call).
        pub fileurl: Option<String>,
        /// Voice of a call: `m`, `m2`, `m3`, `m4`, `w`, `w2`, `w3`, `w4`, optionally `,<language>`.
        pub voice: Option<String>,
        /// Call settings `"<wait>,<interval>,<attempts>"`: seconds to wait for an answer (0–99),
        /// seconds between attempts (10–3600), attempts (1–9).
        pub param: Option<String>,
        /// Telegram bot to send through, `@name_bot`.
        pub bot: Option<String>,
        /// Different texts to different recipients in one request, instead of `phones` and
        /// `message` (SMS only).
        pub list: Option<Vec<ListEntry>>,
    }
}

params! {
    @required
    /// One line of a `list` send: recipients and their own text.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct ListEntry {
        /// Recipients of this text.
        pub phones: Phones,
        /// The text, on one line.
        pub message: String [alias = "mes"],
    }
}

/// The channel a `send.php` request uses, chosen by the operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// An ordinary SMS (also flash, WAP-push and binary SMS).
    Sms,
    /// An HLR query: no message is delivered; the result comes as a status.
    Hlr,
    /// A ping-SMS, invisible on the handset, to check that a number is reachable.
    Ping,
    /// An MMS.
    Mms,
    /// An e-mail; recipients are e-mail addresses.
    Email,
    /// A voice call that speaks the text or plays a file.
    Call,
    /// A Viber message.
    Viber,
    /// A Telegram message; recipients are phones, `@usernames` or `#ids`.
    Telegram,
}

use Channel::{Call as CallC, Email, Mms, Sms, Telegram, Viber};

/// The parameters that only some channels take, and which; every other parameter of
/// [`SendSmsParams`] is taken by every channel. `only_for` refuses the others, and the
/// generated per-channel parameter types leave them out.
const CHANNEL_ONLY: [(&str, &[Channel]); 10] = [
    ("message", &[Sms, Mms, Email, CallC, Viber, Telegram]),
    ("flash", &[Sms]),
    ("push", &[Sms]),
    ("bin", &[Sms]),
    ("list", &[Sms]),
    ("subj", &[Mms, Email]),
    ("fileurl", &[Mms, Email, CallC]),
    ("voice", &[CallC]),
    ("param", &[CallC]),
    ("bot", &[Telegram]),
];

/// What a channel cannot do without, and what to tell a caller who left it out.
const CHANNEL_REQUIRES: [(&str, Channel, &str); 2] = [
    (
        "sender",
        Email,
        "an e-mail needs the sender's e-mail address",
    ),
    ("subj", Email, "an e-mail needs a subject"),
];

/// For the description: the parameters `channel` refuses and the ones it requires.
#[cfg(feature = "schema")]
pub(crate) fn describe_channel(channel: Channel) -> serde_json::Value {
    let refused: Vec<&str> = CHANNEL_ONLY
        .iter()
        .filter(|(_, channels)| !channels.contains(&channel))
        .map(|(name, _)| *name)
        .collect();
    let required: Vec<&str> = CHANNEL_REQUIRES
        .iter()
        .filter(|(_, c, _)| *c == channel)
        .map(|(name, _, _)| *name)
        .collect();
    serde_json::json!({
        "flag": channel.flag(),
        "name": channel.name(),
        "refused": refused,
        "required": required,
    })
}

impl Channel {
    /// The type flag the server reads (`hlr=1`, `mail=1`, …), none for SMS.
    fn flag(self) -> Option<&'static str> {
        match self {
            Channel::Sms => None,
            Channel::Hlr => Some("hlr"),
            Channel::Ping => Some("ping"),
            Channel::Mms => Some("mms"),
            Channel::Email => Some("mail"),
            Channel::Call => Some("call"),
            Channel::Viber => Some("viber"),
            Channel::Telegram => Some("tg"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Channel::Sms => "an SMS",
            Channel::Hlr => "an HLR query",
            Channel::Ping => "a ping-SMS",
            Channel::Mms => "an MMS",
            Channel::Email => "an e-mail",
            Channel::Call => "a voice call",
            Channel::Viber => "a Viber message",
            Channel::Telegram => "a Telegram message",
        }
    }
}

impl SendSmsParams {
    /// A plain send of `message` to `phones`.
    pub fn new(phones: &str, message: &str) -> Self {
        SendSmsParams {
            phones: Some(Phones::Joined(phones.to_string())),
            message: Some(message.to_string()),
            ..Self::default()
        }
    }

    pub(crate) fn encode_with_cost(&self, form: &mut Form, cost: Option<Cost>) -> Result<()> {
        self.encode_for(Channel::Sms, form, cost)
    }

    /// Whether the parameter `name` of [`CHANNEL_ONLY`] or [`CHANNEL_REQUIRES`] was given.
    fn is_set(&self, name: &str) -> bool {
        match name {
            "message" => self.message.is_some(),
            "flash" => self.flash,
            "push" => self.push,
            "bin" => self.bin.is_some(),
            "list" => self.list.is_some(),
            "subj" => self.subj.is_some(),
            "fileurl" => self.fileurl.is_some(),
            "voice" => self.voice.is_some(),
            "param" => self.param.is_some(),
            "bot" => self.bot.is_some(),
            "sender" => self.sender.is_some(),
            _ => false,
        }
    }

    /// Refuses parameters that have no meaning for `channel`, naming them.
    fn only_for(&self, channel: Channel) -> Result<()> {
        let misplaced = CHANNEL_ONLY
            .iter()
            .find(|(name, channels)| !channels.contains(&channel) && self.is_set(name));
        match misplaced {
            Some(("message", _)) => Err(Error::invalid(
                "message",
                format!("{} carries no text; leave `message` out", channel.name()),
            )),
            Some((field, _)) => Err(Error::invalid(
                *field,
                format!("has no meaning for {}; leave it out", channel.name()),
            )),
            None => Ok(()),
        }
    }

    /// Refuses a send that lacks what `channel` needs.
    fn requires_for(&self, channel: Channel) -> Result<()> {
        match CHANNEL_REQUIRES
            .iter()
            .find(|(name, c, _)| *c == channel && !self.is_set(name))
        {
            Some((field, _, why)) => Err(Error::invalid(*field, *why)),
            None => Ok(()),
        }
    }

    /// Checks the parameters for `channel` and appends their fields.
    pub(crate) fn encode_for(
        &self,
        channel: Channel,
        form: &mut Form,
        cost: Option<Cost>,
    ) -> Result<()> {
        self.encode_checked(channel, form, cost, false)
    }

    /// The same checks and fields for a mailing list (`jobs.php?add=1`), whose messages take
    /// every send parameter (<https://smscentre.com/api/http/jobs>). With `text_from_template`
    /// the text comes from a message template (`tpl`), so `message` may be left out.
    pub(crate) fn encode_for_mailing(
        &self,
        channel: Channel,
        form: &mut Form,
        cost: Option<Cost>,
        text_from_template: bool,
    ) -> Result<()> {
        self.encode_checked(channel, form, cost, text_from_template)
    }

    fn encode_checked(
        &self,
        channel: Channel,
        form: &mut Form,
        cost: Option<Cost>,
        text_optional: bool,
    ) -> Result<()> {
        self.only_for(channel)?;
        if let Some(list) = &self.list {
            self.encode_list(list, form)?;
        } else {
            self.encode_recipients_and_text(channel, form, text_optional)?;
        }
        self.encode_options(channel, form, cost)
    }

    /// `list`: one `phones:text` line per entry (<https://smscentre.com/api/http/send/sms>).
    fn encode_list(&self, list: &[ListEntry], form: &mut Form) -> Result<()> {
        if self.phones.is_some() || self.message.is_some() {
            return Err(Error::invalid(
                "list",
                "give either `list` or `phones` and `message`, not both",
            ));
        }
        if list.is_empty() {
            return Err(Error::invalid("list", "the list is empty"));
        }
        let mut lines = Vec::with_capacity(list.len());
        for (i, entry) in list.iter().enumerate() {
            let phones = entry
                .phones
                .checked_with_groups(&format!("list[{i}].phones"))?;
            let field = format!("list[{i}].message");
            validate::message(&field, &entry.message)?;
            if entry.message.contains(['\n', '\r']) {
                return Err(Error::invalid(
                    field,
                    "a text in a list must be one line: the list separates entries by line breaks",
                ));
            }
            lines.push(format!("{phones}:{}", entry.message));
        }
        form.push("list", lines.join("\n"));
        Ok(())
    }

    fn encode_recipients_and_text(
        &self,
        channel: Channel,
        form: &mut Form,
        text_optional: bool,
    ) -> Result<()> {
        let recipients = self
            .phones
            .as_ref()
            .ok_or_else(|| Error::invalid("phones", crate::ops::validate::NO_RECIPIENTS))?;
        let phones = match channel {
            Channel::Email => recipients.checked_emails("phones")?,
            Channel::Telegram => recipients.checked_telegram("phones")?,
            _ => recipients.checked_with_groups("phones")?,
        };
        form.push("phones", phones);
        match (channel, self.message.as_deref()) {
            // Refused by `only_for` when given.
            (Channel::Hlr | Channel::Ping, _) => {}
            (Channel::Mms, None) if self.subj.is_some() || self.fileurl.is_some() => {}
            (Channel::Call, None) if self.fileurl.is_some() => {}
            (_, None) if text_optional => {}
            (_, None) => {
                return Err(Error::invalid("message", "the message text is missing"));
            }
            (_, Some(message)) => {
                validate::message("message", message)?;
                form.push("mes", message);
            }
        }
        Ok(())
    }

    /// Everything but recipients and text.
    fn encode_options(&self, channel: Channel, form: &mut Form, cost: Option<Cost>) -> Result<()> {
        if let Some(flag) = channel.flag() {
            form.push(flag, "1");
        }
        if let Some(sender) = &self.sender {
            if channel == Channel::Email {
                validate::email("sender", sender)?;
            } else {
                validate::sender("sender", sender)?;
            }
            form.push("sender", sender.as_str());
        }
        self.requires_for(channel)?;
        self.encode_channel_fields(form)?;
        if let Some(t) = self.translit {
            form.push("translit", t.code().to_string());
        }
        form.push_flag("tinyurl", self.tinyurl);
        if let Some(time) = &self.time {
            let time = super::when::send_time("time", time.trim())?;
            validate::send_time("time", &time)?;
            form.push("time", time.into_owned());
        }
        if let Some(tz) = self.tz {
            validate::in_range("tz", tz, -24, 24)?;
            form.push("tz", tz.to_string());
        }
        if let Some(period) = self.period {
            if !period.is_finite() {
                return Err(Error::invalid(
                    "period",
                    "must be a number of hours from 0.1 to 720",
                ));
            }
            let period = Decimal(period);
            validate::in_range("period", period, Decimal(0.1), Decimal(720.0))?;
            form.push("period", period.to_string());
        }
        if let Some(freq) = self.freq {
            if self.period.is_none() {
                return Err(Error::invalid(
                    "freq",
                    "only has an effect together with `period`",
                ));
            }
            validate::in_range("freq", freq, 1, 1440)?;
            form.push("freq", freq.to_string());
        }
        form.push_flag("flash", self.flash);
        if let Some(id) = &self.id {
            form.push("id", id.checked("id")?);
        }
        if let Some(valid) = &self.valid {
            validate::lifetime("valid", valid)?;
            form.push("valid", valid.as_str());
        }
        if let Some(maxsms) = self.maxsms {
            validate::in_range("maxsms", maxsms, 1, 1000)?;
            form.push("maxsms", maxsms.to_string());
        }
        if let Some(c) = cost.filter(|c| *c != Cost::Send) {
            form.push("cost", c.code().to_string());
        }
        form.push_flag("err", self.err);
        form.push_flag("op", self.op);
        form.push_flag("push", self.push);
        if let Some(bin) = self.bin.filter(|b| *b != Binary::Text) {
            form.push("bin", bin.code().to_string());
        }
        if let Some(ip) = &self.userip {
            if ip.trim().is_empty() || ip.contains(char::is_whitespace) {
                return Err(Error::invalid(
                    "userip",
                    format!("{ip:?} is not an IP address"),
                ));
            }
            form.push("userip", ip.as_str());
        }
        Ok(())
    }
}

impl SendSmsParams {
    /// Subject, file, voice, call settings and bot, each checked.
    fn encode_channel_fields(&self, form: &mut Form) -> Result<()> {
        if let Some(subj) = &self.subj {
            if subj.trim().is_empty() || subj.contains(['\r', '\n']) {
                return Err(Error::invalid(
                    "subj",
                    "the subject must be one non-empty line",
                ));
            }
            form.push("subj", subj.as_str());
        }
        if let Some(url) = &self.fileurl {
            let ok = (url.starts_with("http://") || url.starts_with("https://"))
                && !url.contains(char::is_whitespace);
            if !ok {
                return Err(Error::invalid(
                    "fileurl",
                    format!("{url:?} is not a full http(s) address of a file"),
                ));
            }
            form.push("fileurl", url.as_str());
        }
        if let Some(voice) = &self.voice {
            let (name, _language) = voice.split_once(',').unwrap_or((voice, ""));
            if !["m", "m2", "m3", "m4", "w", "w2", "w3", "w4"].contains(&name) {
                return Err(Error::invalid(
                    "voice",
                    format!("{voice:?} is not a voice; use m, m2, m3, m4, w, w2, w3 or w4, optionally followed by \",<language>\""),
                ));
            }
            form.push("voice", voice.as_str());
        }
        if let Some(param) = &self.param {
            validate::call_settings("param", param)?;
            form.push("param", param.as_str());
        }
        if let Some(bot) = &self.bot {
            let name = bot.strip_prefix('@').unwrap_or(bot);
            let ok = !name.is_empty()
                && name.len() <= 64
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !ok {
                return Err(Error::invalid(
                    "bot",
                    format!("{bot:?} is not a Telegram bot name such as \"@shop_bot\""),
                ));
            }
            form.push("bot", bot.as_str());
        }
        Ok(())
    }
}

/// What a send reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SendResult {
    /// The message id (yours if you gave one). Absent in a price-only (`cost=1`) answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// SMS sent: parts per message times recipients (`cnt`).
    pub sms_count: i64,
    /// Total cost, with `cost` 1, 2 or 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// Balance after the send, with `cost=3`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Money>,
    /// Per-number details, with `op` or `err`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<PhoneResult>,
}

/// Per-number details of a send (`op=1` or `err=1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhoneResult {
    /// The number.
    pub phone: String,
    /// Operator network code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mccmnc: Option<String>,
    /// Cost for this number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// Status code, filled on errors (see `status_text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// The documented meaning of `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<&'static str>,
    /// Error code (see `error_text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<i64>,
    /// The documented meaning of `error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_text: Option<&'static str>,
}

/// The other channels of `send.php`: the same parameters and answer as an SMS, another flag.
/// Parameters as on <https://smscentre.com/api/http/send/sms> (the per-channel pages could not be
/// read beyond their menus; the flags and their parameters are those SMSC's own libraries send).
macro_rules! channel_operations {
    ($( $(#[$doc:meta])* $op:ident => $name:literal, $channel:expr, $script:literal, $json:literal; )+) => {
    /// The channel of a `send.php` operation, by its name.
    #[cfg(feature = "schema")]
    pub(crate) fn channel_of(name: &str) -> Option<Channel> {
        match name {
            $( $name => Some($channel), )+
            _ => None,
        }
    }
    $(
        $(#[$doc])*
        pub struct $op;

        impl Operation for $op {
            const NAME: &'static str = $name;
            const SCRIPT: &'static str = $script;
            const JSON_BODY: bool = $json;
            // HLR and ping queries are billed per number like any send.
            const EFFECT: Effect = Effect::Send;
            type Params = SendSmsParams;
            type Output = SendResult;

            fn encode(params: &SendSmsParams, form: &mut Form) -> Result<()> {
                params.encode_for($channel, form, params.cost)
            }

            fn parse(params: &SendSmsParams, answer: Answer<'_>) -> Result<SendResult> {
                parse_send(params.cost.unwrap_or(Cost::Send), answer)
            }

            fn parse_raw(
                _params: &SendSmsParams,
                status: u16,
                body: &[u8],
            ) -> Option<Result<SendResult>> {
                parse_send_direct(status, body).map(Ok)
            }

            fn reason(code: i64) -> Reason {
                send_reason(code)
            }
        }
    )+};
}

channel_operations! {
    /// An SMS (also flash, WAP-push, binary, and to contact groups).
    SendSmsOp => "send_sms", Channel::Sms, "send.php", false;
    /// An SMS through the JSON endpoint `/rest/send/`: "to send an SMS with the transmission of
    /// parameters in json format in the request body, you must use the POST method" (per
    /// <https://smscentre.com/api/http/send/sms>). Same parameters and answers as an SMS; values
    /// travel as JSON strings, as they would in a form.
    SendSmsJsonOp => "send_sms_json", Channel::Sms, "send", true;
    /// `hlr=1`: an HLR query per number.
    SendHlrOp => "send_hlr", Channel::Hlr, "send.php", false;
    /// `ping=1`: a ping-SMS per number.
    SendPingOp => "send_ping", Channel::Ping, "send.php", false;
    /// `mms=1`: an MMS.
    SendMmsOp => "send_mms", Channel::Mms, "send.php", false;
    /// `mail=1`: an e-mail.
    SendEmailOp => "send_email", Channel::Email, "send.php", false;
    /// `call=1`: a voice call.
    SendCallOp => "send_call", Channel::Call, "send.php", false;
    /// `viber=1`: a Viber message.
    SendViberOp => "send_viber", Channel::Viber, "send.php", false;
    /// `tg=1`: a Telegram message.
    SendTelegramOp => "send_telegram", Channel::Telegram, "send.php", false;
}

/// What send.php error codes mean (<https://smscentre.com/api/http/send/sms/sms_answer/>).
pub(crate) fn send_reason(code: i64) -> Reason {
    match code {
        3 => Reason::InsufficientFunds,
        5 => Reason::InvalidDate,
        6 => Reason::Forbidden,
        7 => Reason::InvalidPhone,
        8 => Reason::Undeliverable,
        other => common_reason(other),
    }
}

/// Reads a send.php answer for the given `cost` mode.
pub(crate) fn parse_send(cost_mode: Cost, answer: Answer<'_>) -> Result<SendResult> {
    match answer {
        Answer::Json(v) => parse_json(&v),
        Answer::Text(text) if text.contains(" - ") => parse_labelled(text),
        Answer::Text(text) => parse_csv(cost_mode, text),
    }
}

/// A send answer's fields as the server writes them in JSON, for the direct reader
/// ([`super::json_list`]): the keys [`parse_json`] reads, each taken as a scalar.
#[derive(Default, Deserialize)]
#[serde(default)]
struct RawSend {
    id: Scalar,
    cnt: Scalar,
    cost: Scalar,
    balance: Scalar,
    // The per-number details (`op=1`) and the error envelope are left to the general reader.
    phones: Option<serde::de::IgnoredAny>,
    error: Present,
    error_code: Present,
}

/// The common JSON send answer (`{"id": …, "cnt": …, "cost": …, "balance": …}`) read without a
/// `serde_json::Value` tree, the same as [`parse_json`] reads it; `None` for any other answer,
/// which then goes the general way. A property test holds the two to the same result.
pub(crate) fn parse_send_direct(status: u16, body: &[u8]) -> Option<SendResult> {
    let raw: RawSend = json_list::one(json_list::body_text(status, body)?)?;
    if raw.phones.is_some() || raw.error.0 || raw.error_code.0 {
        return None;
    }
    let id = match raw.id {
        // As `json_scalar_text`: numbers and non-empty strings; a boolean is no id.
        Scalar::Bool(_) => None,
        other => other.non_empty(),
    };
    Some(SendResult {
        id,
        sms_count: raw.cnt.int().ok()??,
        cost: raw.cost.money().ok()?,
        balance: raw.balance.money().ok()?,
        phones: Vec::new(),
    })
}

fn parse_json(v: &Value) -> Result<SendResult> {
    if !v.is_object() {
        return Err(not_an_object("a send answer", v));
    }
    let sms_count = json_i64(v, "cnt")?.ok_or_else(|| Error::parse("the answer has no `cnt`"))?;
    let phones = match v.get("phones") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(phone_result).collect::<Result<_>>()?,
        Some(other) => return Err(Error::parse(format!("`phones` is not a list: {other}"))),
    };
    Ok(SendResult {
        id: v.get("id").and_then(json_scalar_text),
        sms_count,
        cost: json_money(v, "cost")?,
        balance: json_money(v, "balance")?,
        phones,
    })
}

fn phone_result(item: &Value) -> Result<PhoneResult> {
    if !item.is_object() {
        return Err(not_an_object("a number's details", item));
    }
    let status = json_i64(item, "status")?;
    let error = json_i64(item, "error")?;
    Ok(PhoneResult {
        phone: json_text(item, "phone").unwrap_or_default(),
        mccmnc: json_text(item, "mccmnc").filter(|s| !s.is_empty()),
        cost: json_money(item, "cost")?,
        status,
        status_text: status.and_then(crate::codes::status_text),
        error,
        error_text: error.and_then(crate::codes::error_text),
    })
}

/// fmt=0: `OK - <n> SMS, ID - <id>[, COST - <cost>][, BALANCE - <balance>]`, or
/// `COST - <cost>, SMS - <n>` for a price.
fn parse_labelled(text: &str) -> Result<SendResult> {
    let mut result = SendResult {
        id: None,
        sms_count: -1,
        cost: None,
        balance: None,
        phones: Vec::new(),
    };
    for part in text.split(',') {
        let Some((label, value)) = part.split_once(" - ") else {
            continue;
        };
        let value = value.trim();
        match label.trim().to_ascii_uppercase().as_str() {
            "OK" => {
                let n = value.trim_end_matches("SMS").trim();
                result.sms_count = int_field("the SMS count", n)?;
            }
            "SMS" => result.sms_count = int_field("the SMS count", value)?,
            "ID" => result.id = Some(value.to_string()),
            "COST" => result.cost = Some(money_field("the cost", value)?),
            "BALANCE" => result.balance = Some(money_field("the balance", value)?),
            _ => {}
        }
    }
    if result.sms_count < 0 {
        return Err(Error::parse(format!(
            "a send answer without an SMS count: {}",
            snippet(text)
        )));
    }
    Ok(result)
}

/// fmt=1, whose layout depends on `cost`.
fn parse_csv(cost_mode: Cost, text: &str) -> Result<SendResult> {
    let f: Vec<&str> = text.split(',').map(str::trim).collect();
    let bad = || {
        Error::parse(format!(
            "a send answer (cost={cost_mode}) of an unexpected shape: {}",
            snippet(text)
        ))
    };
    if cost_mode == Cost::PriceOnly {
        let [cost, n] = f.as_slice() else {
            return Err(bad());
        };
        return Ok(SendResult {
            id: None,
            sms_count: int_field("the SMS count", n)?,
            cost: Some(money_field("the cost", cost)?),
            balance: None,
            phones: Vec::new(),
        });
    }
    let (id, n, cost, balance) = match f.as_slice() {
        [id, n] => (id, n, None, None),
        [id, n, cost] => (id, n, Some(cost), None),
        [id, n, cost, balance] => (id, n, Some(cost), Some(balance)),
        _ => return Err(bad()),
    };
    Ok(SendResult {
        id: Some(id.to_string()),
        sms_count: int_field("the SMS count", n)?,
        cost: cost.map(|c| money_field("the cost", c)).transpose()?,
        balance: balance.map(|b| money_field("the balance", b)).transpose()?,
        phones: Vec::new(),
    })
}
