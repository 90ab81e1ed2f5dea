//! `senders.php`: sender names (Sender ID) — listing, adding, changing, deleting, and
//! confirming a numeric sender with a code sent to it.
//!
//! Actions and parameters on <https://smscentre.com/api/http/senders/> (`get`, `add`, `chg`,
//! `send_code`, `check_code`, `del`; `all`, `sender`, `id`, `cmt`, and a document for the
//! operators with `doc_info`); errors on <https://smscentre.com/api/http/senders/senders_answer/>.
//! The organisation fields (`fio`, `inn`, `site`, `email`, `address`, `desc`, `subj`), the e-mail
//! sender (`mail`, `name`), `site_name`, `user`, the list filters (`operators`, `from_date`,
//! `prev_id`, `cnt`) and the operator registration flags are SMSC's parameter list as published
//! in SDKs (`itpanda-llc/smscenter-messenger-sdk`, `Sender/*`). The successful answers are not on
//! a readable page; see [`super::accounts`] for how they are read. A production integration reads
//! the fmt=0 list as one `… = <sender name>` line per name.
//!
//! A document for the operators travels as a file in a `multipart/form-data` body: build the
//! request here and send [`crate::Request::form`] with the file added.
//!
//! Errors: 1 parameters, 2 credentials, 3 sender name not found, 4 IP blocked, 5 error saving or
//! deleting, 7 invalid number, 8 the code cannot be delivered to the number, 9 too many requests,
//! 10 a code was already sent to the number (retry after 8 hours), 11 wrong code.

use super::fields::params;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::accounts::{confirmation, emails, free_text, login, one_of, records, Done, Words};
use super::data::Date;
use super::records::{one_line, RecordId};
use super::validate::{self, Phones};
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::request::Form;
use crate::response::{common_reason, Answer};

/// What senders.php error codes mean (<https://smscentre.com/api/http/senders/senders_answer/>).
pub(crate) fn senders_reason(code: i64) -> Reason {
    match code {
        3 => Reason::NotFound,
        5 => Reason::SaveFailed,
        7 => Reason::InvalidPhone,
        8 => Reason::Undeliverable,
        10 => Reason::CodeAlreadySent,
        11 => Reason::InvalidCode,
        other => common_reason(other),
    }
}

params! {
    /// Parameters of a list of sender names.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SendersParams {
        /// Every name, not only the activated ones (`all=1`).
        pub all: bool [default],
        /// Add each name's status at the operators.
        pub operators: bool [default],
        /// Only names whose status at an operator changed since this day, `DD.MM.YYYY`.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub from_date: Option<String>,
        /// Only names after this id, to page through a long list.
        pub prev_id: Option<RecordId>,
        /// How many names to return.
        pub cnt: Option<u32>,
        /// The names of this sub-client.
        pub user: Option<String>,
    }
}

fn encode_senders(p: &SendersParams, form: &mut Form) -> Result<()> {
    form.push("get", "1");
    form.push_flag("all", p.all);
    form.push_flag("operators", p.operators);
    if let Some(from) = &p.from_date {
        form.push("from_date", Date::parse("from_date", from)?.text());
    }
    if let Some(prev) = &p.prev_id {
        form.push("prev_id", prev.checked("prev_id", "a sender name")?);
    }
    if let Some(cnt) = p.cnt {
        validate::in_range("cnt", cnt, 1, u32::MAX)?;
        form.push("cnt", cnt.to_string());
    }
    push_user(form, &p.user)
}

fn push_user(form: &mut Form, user: &Option<String>) -> Result<()> {
    if let Some(user) = user {
        login("user", user)?;
        form.push("user", user.as_str());
    }
    Ok(())
}

/// One sender name. Keys not named here are kept in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sender {
    /// Its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// Its status (moderation or activation), as the server writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The comment given with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Every other field the server sent, as text (operator statuses with `operators`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// The sender names of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SenderList {
    /// In the server's order.
    pub senders: Vec<Sender>,
}

/// Field order of a comma-format sender line (inferred).
const SENDER_CSV: [&str; 4] = ["id", "sender", "status", "cmt"];

fn parse_senders(answer: Answer<'_>) -> Result<SenderList> {
    let senders = records(answer, &SENDER_CSV, "sender")?
        .into_iter()
        .map(|mut r| Sender {
            id: r.text(&["id"]),
            sender: r.text(&["sender", "name", "sender_id"]),
            status: r.text(&["status", "state"]),
            comment: r.text(&["cmt", "comment"]),
            extra: r.extra(),
        })
        .collect();
    Ok(SenderList { senders })
}

params! {
    /// A sender name's details, for adding (`sender_add`) and changing (`sender_update`) one.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SenderParams {
        /// The name: up to 11 letters, digits and `. - _` or a space, or up to 15 digits.
        pub sender: Option<String>,
        /// `sender_update`: the name's id, instead of `sender`.
        pub id: Option<RecordId>,
        /// A comment (`cmt`).
        pub comment: Option<String> [alias = "cmt"],
        /// The organisation's legal name.
        pub fio: Option<String>,
        /// Its tax number (INN / EDRPOU).
        pub inn: Option<String>,
        /// Its web site.
        pub site: Option<String>,
        /// Its contact e-mail address.
        pub email: Option<String>,
        /// Its address.
        pub address: Option<String>,
        /// What the sender offers.
        pub desc: Option<String>,
        /// The subject of its messages.
        pub subj: Option<String>,
        /// An e-mail sender address to add.
        pub mail: Option<String>,
        /// The name that goes with `mail`.
        pub name: Option<String>,
        /// The sub-client the name is for.
        pub user: Option<String>,
        /// A comment on the document attached for the operators.
        pub doc_info: Option<String>,
        /// Register at MegaFon on the tariff with free names.
        pub mega: bool [default],
        /// Register a paid name at MegaFon.
        pub mega_step: bool [default],
        /// Register at MTS.
        pub mts: bool [default],
        /// Register a paid name at MTS.
        pub mts_step: bool [default],
        /// Register at Tele2 on the tariff with free names.
        pub tele2: bool [default],
        /// Register a paid name at Tele2.
        pub tele2_step: bool [default],
        /// Register a paid name at Beeline.
        pub bee_step: bool [default],
        /// Register a paid name at MOTIV.
        pub motiv_step: bool [default],
        /// Register for Ukraine at the national rate.
        pub ua_reg: bool [default],
        /// Register for Ukraine at the international rate.
        pub ua_int: bool [default],
    }
}

impl SenderParams {
    fn encode_details(&self, form: &mut Form) -> Result<()> {
        for (field, key, value) in [
            ("comment", "cmt", &self.comment),
            ("fio", "fio", &self.fio),
            ("inn", "inn", &self.inn),
            ("site", "site", &self.site),
        ] {
            if let Some(value) = value {
                free_text(field, value)?;
                form.push(key, value.as_str());
            }
        }
        if let Some(email) = &self.email {
            form.push("email", emails("email", &Words::Joined(email.clone()))?);
        }
        for (field, value) in [
            ("address", &self.address),
            ("desc", &self.desc),
            ("subj", &self.subj),
        ] {
            if let Some(value) = value {
                free_text(field, value)?;
                form.push(field, value.as_str());
            }
        }
        if let Some(mail) = &self.mail {
            form.push("mail", emails("mail", &Words::Joined(mail.clone()))?);
        }
        if let Some(name) = &self.name {
            if self.mail.is_none() {
                return Err(Error::invalid(
                    "name",
                    "goes with an e-mail sender: give `mail` too",
                ));
            }
            one_line("name", name)?;
            form.push("name", name.as_str());
        }
        push_user(form, &self.user)?;
        if let Some(doc) = &self.doc_info {
            free_text("doc_info", doc)?;
            form.push("doc_info", doc.as_str());
        }
        for (key, on) in [
            ("mega", self.mega),
            ("mega_step", self.mega_step),
            ("mts", self.mts),
            ("mts_step", self.mts_step),
            ("tele2", self.tele2),
            ("tele2_step", self.tele2_step),
            ("bee_step", self.bee_step),
            ("motiv_step", self.motiv_step),
            ("ua_reg", self.ua_reg),
            ("ua_int", self.ua_int),
        ] {
            form.push_flag(key, on);
        }
        Ok(())
    }
}

/// A sender name as sent: not empty, within the documented length.
fn sender_name(field: &str, name: &str) -> Result<()> {
    if name.trim().is_empty() || name == "." {
        return Err(Error::invalid(
            field,
            "the sender name is empty; give the name itself",
        ));
    }
    validate::sender(field, name)
}

fn encode_sender_add(p: &SenderParams, form: &mut Form) -> Result<()> {
    form.push("add", "1");
    if p.id.is_some() {
        return Err(Error::invalid(
            "id",
            "a new sender name has no id yet; give `sender`",
        ));
    }
    match (&p.sender, &p.mail) {
        (None, None) => {
            return Err(Error::invalid(
                "sender",
                "missing: give the sender name (or `mail` for an e-mail sender)",
            ))
        }
        (Some(sender), _) => {
            sender_name("sender", sender)?;
            form.push("sender", sender.as_str());
        }
        (None, Some(_)) => {}
    }
    p.encode_details(form)
}

fn push_sender_or_id(
    form: &mut Form,
    sender: &Option<String>,
    id: &Option<RecordId>,
) -> Result<()> {
    match one_of(("sender", sender), ("id", id))? {
        Ok(sender) => {
            sender_name("sender", sender)?;
            form.push("sender", sender.as_str());
        }
        Err(id) => form.push("id", id.checked("id", "a sender name")?),
    }
    Ok(())
}

fn encode_sender_update(p: &SenderParams, form: &mut Form) -> Result<()> {
    form.push("chg", "1");
    push_sender_or_id(form, &p.sender, &p.id)?;
    let before = form.fields().len();
    p.encode_details(form)?;
    if form.fields().len() == before {
        return Err(Error::invalid(
            "comment",
            "nothing to change: give a `comment` or another detail",
        ));
    }
    Ok(())
}

params! {
    /// Names one sender name, by name or id.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SenderRefParams {
        /// The name.
        pub sender: Option<String>,
        /// Its id, instead of the name.
        pub id: Option<RecordId>,
        /// The sub-client the name belongs to.
        pub user: Option<String>,
    }
}

fn encode_sender_delete(p: &SenderRefParams, form: &mut Form) -> Result<()> {
    form.push("del", "1");
    push_sender_or_id(form, &p.sender, &p.id)?;
    push_user(form, &p.user)
}

params! {
    /// Parameters for sending a confirmation code to a numeric sender name.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SenderSendCodeParams {
        /// The numeric sender name: the phone number the code goes to.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub sender: Option<String>,
        /// A site address to name in the message with the code.
        pub site_name: Option<String>,
        /// The sub-client the name is for.
        pub user: Option<String>,
    }
}

/// A numeric sender: a phone number, normalised as for sending.
fn numeric_sender(sender: &Option<String>) -> Result<String> {
    let sender = sender.as_deref().ok_or_else(|| {
        Error::invalid(
            "sender",
            "missing: give the numeric sender name (a phone number)",
        )
    })?;
    Phones::Joined(sender.to_string())
        .checked("sender")
        .and_then(|s| {
            if s.contains(',') {
                Err(Error::invalid("sender", "give one number, not a list"))
            } else {
                Ok(s)
            }
        })
}

fn encode_send_code(p: &SenderSendCodeParams, form: &mut Form) -> Result<()> {
    form.push("send_code", "1");
    form.push("sender", numeric_sender(&p.sender)?);
    if let Some(site) = &p.site_name {
        one_line("site_name", site)?;
        form.push("site_name", site.as_str());
    }
    push_user(form, &p.user)
}

params! {
    /// Parameters for confirming a numeric sender name with the code it received.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SenderCheckCodeParams {
        /// The numeric sender name.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub sender: Option<String>,
        /// The code that arrived at that number.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub code: Option<String>,
        /// The sub-client the name is for.
        pub user: Option<String>,
    }
}

fn encode_check_code(p: &SenderCheckCodeParams, form: &mut Form) -> Result<()> {
    form.push("check_code", "1");
    form.push("sender", numeric_sender(&p.sender)?);
    let code = p
        .code
        .as_deref()
        .map(str::trim)
        .ok_or_else(|| Error::invalid("code", "missing: give the code that arrived"))?;
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::invalid(
            "code",
            format!("{code:?} is not a code: letters and digits only, as received"),
        ));
    }
    form.push("code", code);
    push_user(form, &p.user)
}

macro_rules! senders_op {
    ($($decl:tt)*) => {
        script_op!("senders.php", senders_reason; $($decl)*);
    };
}

/// The answer to adding a sender name. Recorded from smsc.ru (a 2013 test suite's cache): fmt=3
/// answers `{"sender": 24336}`, the new record's id under `sender` rather than `id`.
fn sender_created(answer: Answer<'_>) -> Result<Done> {
    let answer = match answer {
        Answer::Json(Value::Object(mut obj)) if !obj.contains_key("id") => {
            let numeric = |v: &Value| {
                v.is_u64()
                    || v.as_str()
                        .is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            };
            if let Some(id) = obj.get("sender").filter(|v| numeric(v)).cloned() {
                obj.remove("sender");
                obj.insert("id".into(), id);
            }
            Answer::Json(Value::Object(obj))
        }
        other => other,
    };
    confirmation(answer, true)
}

senders_op!(
    /// `senders.php?get=1`: list the sender names.
    SendersOp: "senders", SendersParams => SenderList, effect = Read,
    encode = encode_senders, parse = parse_senders
);
senders_op!(
    /// `senders.php?add=1`: add a sender name.
    SenderAddOp: "sender_add", SenderParams => Done, effect = Create,
    encode = encode_sender_add, parse = sender_created
);
senders_op!(
    /// `senders.php?chg=1`: change a sender name's comment or details.
    SenderUpdateOp: "sender_update", SenderParams => Done, effect = Idempotent,
    encode = encode_sender_update, parse = |a| confirmation(a, true)
);
senders_op!(
    /// `senders.php?del=1`: delete a sender name.
    SenderDeleteOp: "sender_delete", SenderRefParams => Done, effect = Idempotent,
    encode = encode_sender_delete, parse = |a| confirmation(a, false)
);
senders_op!(
    /// `senders.php?send_code=1`: send a confirmation code to a numeric sender name.
    SenderSendCodeOp: "sender_send_code", SenderSendCodeParams => Done, effect = Create,
    encode = encode_send_code, parse = |a| confirmation(a, false)
);
senders_op!(
    /// `senders.php?check_code=1`: confirm a numeric sender name with its code.
    SenderCheckCodeOp: "sender_check_code", SenderCheckCodeParams => Done, effect = Idempotent,
    encode = encode_check_code, parse = |a| confirmation(a, false)
);
