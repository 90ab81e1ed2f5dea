//! `users.php`: sub-clients — creating them, changing their settings, moving money to and from
//! them, and their statistics.
//!
//! Actions on <https://smscentre.com/api/http/users/subclients/subclients_actions/> (`add`, `chg`,
//! `pay`, `get_stat`, `get_stat_all`) and examples on
//! <https://smscentre.com/api/http/users/subclients/subclients_examples/>; errors on
//! <https://smscentre.com/api/http/users/subclients/subclients_answer/>. The settings fields
//! (`type`, `fio`, `tariff`, limits, flags `fl[N]` …) are SMSC's own parameter names, as its
//! parameter list is published in SDKs (`itpanda-llc/smscenter-messenger-sdk`, `User/*`). The
//! page that shows successful answers could not be read: changes are read as confirmations and
//! statistics as lists (see [`super::accounts`]).
//!
//! Errors: 1 parameters, 2 credentials, 3 no records found, 4 IP blocked, 5 operation failed,
//! 6 no such sub-client, 7 a shared balance (or `balance2=1` missing), 8 error saving,
//! 9 more than three changes of one sub-client a minute, 10 not enough money to credit.

use super::fields::params;
use std::collections::BTreeMap;

use serde::Serialize;

use super::accounts::{
    confirmation, emails, free_text, login, one_of, records, Amount, Done, Password, Words,
};
use super::choices::{AccountCurrency, AccountKind, ResellerScope};
use super::data::Date;
use super::records::RecordId;
use super::text::json_money;
use super::validate::{self, Phones};
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::money::Money;
use crate::request::Form;
use crate::response::{common_reason, Answer};

/// What users.php error codes mean
/// (<https://smscentre.com/api/http/users/subclients/subclients_answer/>).
pub(crate) fn users_reason(code: i64) -> Reason {
    match code {
        3 => Reason::NotFound,
        5 => Reason::OperationFailed,
        6 => Reason::SubclientNotFound,
        7 => Reason::SharedBalance,
        8 => Reason::SaveFailed,
        10 => Reason::InsufficientFunds,
        other => common_reason(other),
    }
}

/// The settings flags SMSC documents for a sub-client, as sent (`fl[29]=1`).
const FLAGS: [&str; 34] = [
    "fl[1]", "fl[2]", "fl[5]", "fl[6]", "fl[8]", "fl[9]", "fl[10]", "fl[11]", "fl[16]", "fl[23]",
    "fl[26]", "fl[27]", "fl[28]", "fl[29]", "fl[30]", "fl2[1]", "fl2[4]", "fl2[8]", "fl2[9]",
    "fl2[10]", "fl2[12]", "fl2[13]", "fl2[15]", "fl2[16]", "fl2[23]", "fl2[24]", "fl2[27]",
    "fl3[20]", "mfl[0]", "mfl[1]", "mfl[2]", "mfl[3]", "mfl[4]", "mfl[5]",
];

params! {
    /// A sub-client's login and settings, for creating (`subclient_add`) and changing
    /// (`subclient_update`) one. Field names are SMSC's.
    #[derive(Debug, Clone, Default, PartialEq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SubclientParams {
        /// The sub-client's login.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub user: Option<String>,
        /// Its password: required when creating, the new one when changing.
        pub password: Option<Password>,
        /// `subclient_update`: its current password (`pswc`).
        pub current_password: Option<Password> [alias = "pswc"],
        /// `subclient_update`: a new login.
        pub new_login: Option<String>,
        /// `subclient_add`: the id of the site the sub-client belongs to.
        pub site_id: Option<RecordId>,
        /// Account type: its own tariff and balance (default), the main account's tariff, its tariff
        /// and balance, its balance, or an extra login of the main account.
        pub kind: Option<AccountKind> [rename = "type"],
        /// Main e-mail address.
        pub email: Option<String>,
        /// E-mail address incoming SMS are forwarded to.
        pub email2: Option<String>,
        /// Main phone number.
        pub phone: Option<Phones>,
        /// Phone number incoming SMS are forwarded to.
        pub phone2: Option<Phones>,
        /// Name, or the company's name.
        pub fio: Option<String>,
        /// Company details.
        pub props: Option<String>,
        /// Contract number.
        pub cntr: Option<String>,
        /// Tariff plan, 0 to 8.
        pub tariff: Option<u8>,
        /// Lowest tariff plan, 0 to 8.
        pub mintrf: Option<u8>,
        /// Currency: RUB, USD, EUR, UAH or KZT.
        pub curr: Option<AccountCurrency>,
        /// Time zone: 0 is GMT-12, 24 is GMT+12.
        pub tz: Option<u8>,
        /// Default sender name.
        pub sender: Option<String>,
        /// Fallback sender name.
        pub sender2: Option<String>,
        /// Balance below which the sub-client is notified.
        pub nb: Option<Amount>,
        /// Days sent messages are kept.
        pub ktm: Option<u32>,
        /// Phone codes messages may go to, such as `"7,-77"` (a `-` excludes a code).
        pub fmts: Option<String>,
        /// The main account's notes on the sub-client.
        pub notes: Option<String>,
        /// Phone numbers or group numbers for mailings by SMS commands.
        pub ph: Option<String>,
        /// Most messages a day.
        pub dlim: Option<u32>,
        /// Most messages a day to one number.
        pub plim: Option<u32>,
        /// Most messages a day with one text to one number.
        pub tlim: Option<u32>,
        /// Most messages a day from one IP address.
        pub ilim: Option<u32>,
        /// Hours messages may be sent in, `h1-h2`.
        pub tmlim: Option<String>,
        /// Longest time (minutes) delivery to an unreachable subscriber is tried.
        pub vld: Option<u32>,
        /// Address of the handler statuses and incoming messages are posted to.
        pub url: Option<String>,
        /// E-mail to SMS: numbers messages go to.
        pub mph: Option<Phones>,
        /// E-mail to SMS: first hour of the sending window.
        pub mh1: Option<u8>,
        /// E-mail to SMS: last hour of the sending window.
        pub mh2: Option<u8>,
        /// E-mail to SMS: longest message.
        pub mlen: Option<u32>,
        /// Settings flags by SMSC name (`{"fl[29]": true}` lets the sub-client use the main
        /// account's sender names); `false` clears a flag.
        pub flags: BTreeMap<String, bool> [default],
    }
}

impl SubclientParams {
    fn encode_settings(&self, form: &mut Form) -> Result<()> {
        if let Some(kind) = self.kind {
            form.push("type", kind.to_string());
        }
        for (field, value) in [("email", &self.email), ("email2", &self.email2)] {
            if let Some(value) = value {
                form.push(field, emails(field, &Words::Joined(value.clone()))?);
            }
        }
        for (field, value) in [("phone", &self.phone), ("phone2", &self.phone2)] {
            if let Some(value) = value {
                form.push(field, value.checked(field)?);
            }
        }
        for (field, value) in [
            ("fio", &self.fio),
            ("props", &self.props),
            ("cntr", &self.cntr),
        ] {
            if let Some(value) = value {
                free_text(field, value)?;
                form.push(field, value.as_str());
            }
        }
        for (field, value, max) in [("tariff", self.tariff, 8), ("mintrf", self.mintrf, 8)] {
            if let Some(value) = value {
                validate::in_range(field, value, 0, max)?;
                form.push(field, value.to_string());
            }
        }
        if let Some(curr) = self.curr {
            form.push("curr", curr.to_string());
        }
        if let Some(tz) = self.tz {
            validate::in_range("tz", tz, 0, 24)?;
            form.push("tz", tz.to_string());
        }
        for (field, value) in [("sender", &self.sender), ("sender2", &self.sender2)] {
            if let Some(value) = value {
                validate::sender(field, value)?;
                form.push(field, value.as_str());
            }
        }
        if let Some(nb) = &self.nb {
            form.push("nb", nb.checked("nb", false)?);
        }
        if let Some(ktm) = self.ktm {
            form.push("ktm", ktm.to_string());
        }
        if let Some(fmts) = &self.fmts {
            let codes: Vec<&str> = fmts.split(',').map(str::trim).collect();
            let ok = codes.iter().all(|c| {
                let digits = c.strip_prefix('-').unwrap_or(c);
                !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
            });
            if !ok {
                return Err(Error::invalid(
                    "fmts",
                    format!("{fmts:?} is not a list of phone codes such as \"7,-77\""),
                ));
            }
            form.push("fmts", codes.join(","));
        }
        for (field, value) in [("notes", &self.notes), ("ph", &self.ph)] {
            if let Some(value) = value {
                free_text(field, value)?;
                form.push(field, value.as_str());
            }
        }
        for (field, value) in [
            ("dlim", self.dlim),
            ("plim", self.plim),
            ("tlim", self.tlim),
            ("ilim", self.ilim),
        ] {
            if let Some(value) = value {
                form.push(field, value.to_string());
            }
        }
        if let Some(tmlim) = &self.tmlim {
            let ok = tmlim.split_once('-').is_some_and(|(a, b)| {
                let hour = |h: &str| h.trim().parse::<u8>().is_ok_and(|h| h <= 24);
                hour(a) && hour(b)
            });
            if !ok {
                return Err(Error::invalid(
                    "tmlim",
                    format!("{tmlim:?} is not an hour range such as \"9-21\""),
                ));
            }
            form.push("tmlim", tmlim.replace(' ', ""));
        }
        if let Some(vld) = self.vld {
            form.push("vld", vld.to_string());
        }
        if let Some(url) = &self.url {
            let ok = (url.starts_with("http://") || url.starts_with("https://"))
                && !url.contains(char::is_whitespace);
            if !ok {
                return Err(Error::invalid(
                    "url",
                    format!("{url:?} is not an http:// or https:// address"),
                ));
            }
            form.push("url", url.as_str());
        }
        if let Some(mph) = &self.mph {
            form.push("mph", mph.checked("mph")?);
        }
        for (field, value) in [("mh1", self.mh1), ("mh2", self.mh2)] {
            if let Some(value) = value {
                validate::in_range(field, value, 0, 24)?;
                form.push(field, value.to_string());
            }
        }
        if let Some(mlen) = self.mlen {
            form.push("mlen", mlen.to_string());
        }
        for (name, on) in &self.flags {
            let flag = FLAGS.iter().find(|f| **f == name.as_str()).ok_or_else(|| {
                Error::invalid(
                    format!("flags.{name}"),
                    format!("unknown flag; documented flags: {}", FLAGS.join(", ")),
                )
            })?;
            form.push(flag, if *on { "1" } else { "0" });
        }
        Ok(())
    }

    fn user(&self) -> Result<&str> {
        let user = self
            .user
            .as_deref()
            .ok_or_else(|| Error::invalid("user", "missing: give the sub-client's login"))?;
        login("user", user)?;
        Ok(user)
    }
}

fn encode_subclient_add(p: &SubclientParams, form: &mut Form) -> Result<()> {
    form.push("add", "1");
    form.push("user", p.user()?);
    let password = p
        .password
        .as_ref()
        .ok_or_else(|| Error::invalid("password", "missing: a new sub-client needs a password"))?;
    form.push("password", password.checked("password")?);
    if p.current_password.is_some() {
        return Err(Error::invalid(
            "current_password",
            "only changing a sub-client takes its current password",
        ));
    }
    if p.new_login.is_some() {
        return Err(Error::invalid(
            "new_login",
            "only changing a sub-client (`subclient_update`) takes a new login",
        ));
    }
    if let Some(site) = &p.site_id {
        form.push("site_id", site.checked("site_id", "a site")?);
    }
    p.encode_settings(form)
}

fn encode_subclient_update(p: &SubclientParams, form: &mut Form) -> Result<()> {
    form.push("chg", "1");
    form.push("user", p.user()?);
    if let Some(current) = &p.current_password {
        form.push("pswc", current.checked("current_password")?);
    }
    if let Some(password) = &p.password {
        form.push("password", password.checked("password")?);
    }
    if let Some(new_login) = &p.new_login {
        login("new_login", new_login)?;
        form.push("new_login", new_login.as_str());
    }
    if p.site_id.is_some() {
        return Err(Error::invalid(
            "site_id",
            "only creating a sub-client takes a site id",
        ));
    }
    let before = form.fields().len();
    p.encode_settings(form)?;
    let changed = form.fields().len() > before || p.password.is_some() || p.new_login.is_some();
    if !changed {
        return Err(Error::invalid(
            "user",
            "nothing to change: give a new `password`, `new_login` or a setting",
        ));
    }
    Ok(())
}

params! {
    /// Moving money to (or, with a negative sum, from) a sub-client.
    #[derive(Debug, Clone, Default, PartialEq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SubclientPayParams {
        /// The sub-client's login.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub user: Option<String>,
        /// The amount, in the main account's currency; negative takes money back.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub sum: Option<Amount>,
        /// Operate on the electronic balance (`balance2=1`).
        pub balance2: bool [default],
    }
}

fn encode_subclient_pay(p: &SubclientPayParams, form: &mut Form) -> Result<()> {
    form.push("pay", "1");
    let user = p
        .user
        .as_deref()
        .ok_or_else(|| Error::invalid("user", "missing: give the sub-client's login"))?;
    login("user", user)?;
    form.push("user", user);
    let sum = p
        .sum
        .as_ref()
        .ok_or_else(|| Error::invalid("sum", "missing: give the amount to move"))?;
    form.push("sum", sum.checked("sum", true)?);
    form.push_flag("balance2", p.balance2);
    Ok(())
}

/// What a balance change reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Payment {
    /// Always `true`: a refusal is an error.
    pub ok: bool,
    /// A balance, when the server reports one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Money>,
}

fn parse_payment(answer: Answer<'_>) -> Result<Payment> {
    let balance = match &answer {
        Answer::Json(v) => json_money(v, "balance")?,
        Answer::Text(_) => None,
    };
    confirmation(answer, false)?;
    Ok(Payment { ok: true, balance })
}

params! {
    /// Parameters of sub-client statistics.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SubclientStatsParams {
        /// First day, `DD.MM.YYYY`.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub start: Option<String>,
        /// Last day, `DD.MM.YYYY`; from `start` on when left out.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub end: Option<String>,
        /// One sub-client, by login.
        pub user: Option<String>,
        /// One sub-client, by id.
        pub user_id: Option<RecordId>,
        /// Sub-clients on the main account's balance (default) or those with their own balance.
        pub reseller: Option<ResellerScope>,
        /// Leave deleted sub-clients out.
        pub hide_deleted: bool [default],
        /// Amounts in the main account's currency (`mycur=1`).
        pub mycur: bool [default],
        /// The electronic balance (`balance2=1`).
        pub balance2: bool [default],
    }
}

fn encode_stats(p: &SubclientStatsParams, form: &mut Form, action: &'static str) -> Result<()> {
    form.push(action, "1");
    for (field, value) in [("start", &p.start), ("end", &p.end)] {
        if let Some(value) = value {
            form.push(field, Date::parse(field, value)?.text());
        }
    }
    if p.end.is_some() && p.start.is_none() {
        return Err(Error::invalid("start", "missing: `end` needs a `start`"));
    }
    match (&p.user, &p.user_id) {
        (None, None) => {}
        _ => match one_of(("user", &p.user), ("user_id", &p.user_id))? {
            Ok(user) => {
                login("user", user)?;
                form.push("user", user.as_str());
            }
            Err(id) => form.push("user_id", id.checked("user_id", "a sub-client")?),
        },
    }
    if let Some(reseller) = p.reseller {
        form.push("reseller", reseller.to_string());
    }
    form.push_flag("hide_deleted", p.hide_deleted);
    form.push_flag("mycur", p.mycur);
    form.push_flag("balance2", p.balance2);
    Ok(())
}

/// One line of sub-client statistics. Keys not named here are kept in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubclientStat {
    /// The sub-client's login.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The day or period the line covers (detailed statistics).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Messages sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i64>,
    /// What they cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// The sub-client's balance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Money>,
    /// Currency of the amounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Every other field the server sent, as text.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// Sub-client statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubclientStats {
    /// One line per sub-client (per day and sub-client for detailed statistics).
    pub subclients: Vec<SubclientStat>,
}

/// Field order of a comma-format statistics line (inferred).
const STAT_CSV: [&str; 4] = ["user", "cnt", "cost", "balance"];

fn parse_stats(answer: Answer<'_>) -> Result<SubclientStats> {
    let subclients = records(answer, &STAT_CSV, "user")?
        .into_iter()
        .map(|mut r| {
            Ok(SubclientStat {
                user: r.text(&["user", "login"]),
                user_id: r.text(&["user_id", "id"]),
                date: r.text(&["date", "period"]),
                sms_count: r.int(&["cnt", "sms_cnt", "sms_count"])?,
                cost: r.money(&["cost", "sum"])?,
                balance: r.money(&["balance"])?,
                currency: r.text(&["currency", "cur"]),
                extra: r.extra(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(SubclientStats { subclients })
}

macro_rules! users_op {
    ($($decl:tt)*) => {
        script_op!("users.php", users_reason; $($decl)*);
    };
}

users_op!(
    /// `users.php?add=1`: create a sub-client.
    SubclientAddOp: "subclient_add", SubclientParams => Done, effect = Create,
    encode = encode_subclient_add, parse = |a| confirmation(a, true)
);
users_op!(
    /// `users.php?chg=1`: change a sub-client's login, password or settings.
    SubclientUpdateOp: "subclient_update", SubclientParams => Done, effect = Idempotent,
    encode = encode_subclient_update, parse = |a| confirmation(a, false)
);
users_op!(
    /// `users.php?pay=1`: move money to or from a sub-client.
    SubclientPayOp: "subclient_pay", SubclientPayParams => Payment, effect = Create,
    encode = encode_subclient_pay, parse = parse_payment
);
users_op!(
    /// `users.php?get_stat=1`: statistics per sub-client.
    SubclientStatsOp: "subclient_stats", SubclientStatsParams => SubclientStats, effect = Read,
    encode = |p, f| encode_stats(p, f, "get_stat"), parse = parse_stats
);
users_op!(
    /// `users.php?get_stat_all=1`: detailed statistics.
    SubclientStatsDetailedOp: "subclient_stats_detailed", SubclientStatsParams => SubclientStats, effect = Read,
    encode = |p, f| encode_stats(p, f, "get_stat_all"), parse = parse_stats
);
