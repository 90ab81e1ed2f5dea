//! The "Getting data" scripts (<https://smscentre.com/api/http/get_data/>): `get.php` with
//! `get_messages` (the history of what this emulator sent), `get_answers` (incoming messages),
//! `get_stat` (what was sent and spent) and `get_price` (rates); `info.php` with
//! `get_operator`; `tinyurls.php` with `get` (clicks of the links `send.php` shortened with
//! `tinyurl=1`).
//!
//! The pages list the fields of each answer in order; the JSON answers are arrays (one object
//! for a single record), as the project's API notes have them. Where the pages stop, the
//! emulator chooses, as its fixtures say: `key = value` lines (fmt=0), the values in the page's
//! order of fields (fmt=1), `<result>` holding one element per record (fmt=2). Further choices:
//! the history returns at most 1000 messages, newest first, and `prev_id` pages by `int_id`;
//! incoming messages come oldest first, from the last 24 hours unless `hour` says otherwise;
//! nobody replies by themselves, so `POST /emulator/incoming` delivers one; the operator of a
//! number is decided by its prefix (7 Russia, 77 Kazakhstan, 375 Belarus), and a number ending
//! in `0000`, like those status.php reports as not existing, has none (error 3); `debit` (money
//! received) is always 0; `get_price` and `get_operator` answer error 9 to a fourth identical
//! request within a minute, as their pages say.

use std::collections::VecDeque;

use serde_json::{json, Value};

use crate::api::{authenticate, part_price, phone_ok, ApiError, Params};
use crate::dates::{days_from_civil, moscow_date, MOSCOW_OFFSET};
use crate::format::{status_name, Fmt};
use crate::jobs::{day, render, Row};
use crate::state::{money, State};

/// The most messages one history request returns, as the page says.
const MAX_HISTORY: usize = 1000;
/// The most incoming messages one request returns, as the page says.
const MAX_INCOMING: usize = 10_000;
/// Identical `get_price` or `get_operator` requests allowed within a minute.
const IDENTICAL_PER_MINUTE: usize = 3;

/// What the data scripts remember beyond the sent messages.
#[derive(Default)]
pub struct Data {
    next_incoming: u64,
    incoming: Vec<Incoming>,
    next_link: u64,
    links: Vec<ShortLink>,
    /// Recent rate-limited requests: (emulated second, login and parameters).
    recent: VecDeque<(i64, String)>,
}

struct Incoming {
    login: String,
    id: u64,
    phone: String,
    to_phone: String,
    text: String,
    received: i64,
}

struct ShortLink {
    login: String,
    id: u64,
    link: String,
    /// Emulated Unix seconds of each click.
    clicks: Vec<i64>,
}

/// Delivers an incoming message to `login`'s number `to_phone`, as if `phone` had replied;
/// its id, or why it was refused.
pub fn deliver_incoming(
    state: &mut State,
    login: &str,
    phone: &str,
    to_phone: &str,
    text: &str,
) -> Result<u64, String> {
    if !state.accounts.iter().any(|a| a.login == login) {
        return Err(format!("no account {login:?}"));
    }
    if !phone_ok(phone) || !phone_ok(to_phone) {
        return Err("phone and to_phone must be phone numbers (10 to 15 digits)".into());
    }
    let received = state.now();
    let data = &mut state.data;
    data.next_incoming += 1;
    let id = data.next_incoming;
    data.incoming.push(Incoming {
        login: login.into(),
        id,
        phone: phone.trim_start_matches('+').into(),
        to_phone: to_phone.trim_start_matches('+').into(),
        text: text.into(),
        received,
    });
    Ok(id)
}

/// Registers the links of a text sent with `tinyurl=1`, once per account and address.
pub(crate) fn shorten_links(state: &mut State, login: &str, text: &str) {
    for word in text.split_whitespace() {
        let link = word.trim_end_matches(['.', ',', ';', ')', '!', '?']);
        let is_link = link.starts_with("http://") || link.starts_with("https://");
        let data = &mut state.data;
        if is_link
            && !data
                .links
                .iter()
                .any(|l| l.login == login && l.link == link)
        {
            data.next_link += 1;
            let id = data.next_link;
            data.links.push(ShortLink {
                login: login.into(),
                id,
                link: link.into(),
                clicks: Vec::new(),
            });
        }
    }
}

/// Counts a click on short link `id`; whether there is such a link.
pub fn click(state: &mut State, id: u64) -> bool {
    let now = state.now();
    match state.data.links.iter_mut().find(|l| l.id == id) {
        Some(link) => {
            link.clicks.push(now);
            true
        }
        None => false,
    }
}

fn flag(p: &Params, name: &str) -> bool {
    p.get(name).is_some_and(|v| v.trim() == "1")
}

/// An optional whole-number parameter in `1..=max`; error 1 otherwise.
fn count(p: &Params, name: &str, max: u64) -> Result<Option<u64>, ApiError> {
    match p.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse::<u64>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .map(Some)
            .ok_or_else(ApiError::params),
    }
}

/// The Moscow day number (days since 1970-01-01) of a `dd.mm.yyyy` parameter; error 1 when it
/// is not one.
fn day_param(p: &Params, name: &str) -> Result<Option<i64>, ApiError> {
    match p.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => {
            let (y, m, d) = day(v).ok_or_else(ApiError::params)?;
            Ok(Some(days_from_civil(y, m, d)))
        }
    }
}

fn moscow_day(unix: i64) -> i64 {
    (unix + MOSCOW_OFFSET).div_euclid(86_400)
}

/// Error 9 for the fourth identical request of a login within a minute.
fn rate_limit(state: &mut State, login: &str, script: &str, p: &Params) -> Result<(), ApiError> {
    let now = state.now();
    let mut key: Vec<String> = p
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "fmt" | "charset" | "psw" | "apikey"))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    key.sort();
    let key = format!("{login}\n{script}\n{}", key.join("&"));
    let recent = &mut state.data.recent;
    while recent.front().is_some_and(|(t, _)| now - t >= 60) {
        recent.pop_front();
    }
    if recent.iter().filter(|(_, k)| *k == key).count() >= IDENTICAL_PER_MINUTE {
        return Err(ApiError::new(9, "duplicate request, wait a minute"));
    }
    recent.push_back((now, key));
    Ok(())
}

/// `get.php`.
pub(crate) fn get(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    if flag(p, "get_messages") {
        history(state, &login, p, fmt)
    } else if flag(p, "get_answers") {
        incoming(state, &login, p, fmt)
    } else if flag(p, "get_stat") {
        statistics(state, i, p, fmt)
    } else if flag(p, "get_price") {
        rate_limit(state, &login, "get_price", p)?;
        Ok(rates(fmt))
    } else {
        Err(ApiError::params())
    }
}

fn history(state: &State, login: &str, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let start = day_param(p, "start")?;
    let end = day_param(p, "end")?;
    let cnt = count(p, "cnt", MAX_HISTORY as u64)?.map_or(MAX_HISTORY, |c| c as usize);
    let prev_id = count(p, "prev_id", u64::MAX)?;
    let format = match p.get("format").map(|f| f.trim()).filter(|f| !f.is_empty()) {
        None | Some("0") => 0,
        Some("8") => 8,
        Some(_) => return Err(ApiError::params()),
    };
    let list = |name: &str| -> Vec<String> {
        p.get(name)
            .map(|v| {
                v.split([',', ';'])
                    .map(|s| s.trim().trim_start_matches('+').to_lowercase())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let (phones, emails) = (list("phone"), list("email"));
    let now_ms = state.now_ms();
    let mut found: Vec<_> = state
        .messages
        .iter()
        .filter(|((owner, _, _), m)| {
            let is_mail = m.kind == 8;
            let sent_day = moscow_day(m.due());
            owner == login
                && is_mail == (format == 8 || !emails.is_empty())
                && (phones.is_empty() || phones.contains(&m.phone.to_lowercase()))
                && (emails.is_empty() || emails.contains(&m.phone.to_lowercase()))
                && start.is_none_or(|s| sent_day >= s)
                && end.is_none_or(|e| sent_day <= e)
                && prev_id.is_none_or(|p| m.int_id < p)
                && m.due_ms <= now_ms
        })
        .map(|(_, m)| m)
        .collect();
    found.sort_by_key(|m| std::cmp::Reverse(m.int_id));
    found.truncate(cnt);
    let rows: Vec<Row> = found
        .iter()
        .map(|m| {
            let (status, err, last) = state.timing.progress(m, now_ms);
            vec![
                ("status", json!(status)),
                ("last_date", json!(moscow_date(last))),
                ("last_timestamp", json!(last)),
                ("err", json!(err)),
                ("send_date", json!(moscow_date(m.due()))),
                ("send_timestamp", json!(m.due())),
                ("phone", json!(m.phone)),
                ("cost", json!(money(m.cost))),
                ("sender_id", json!(m.sender)),
                ("status_name", json!(status_name(status))),
                ("message", json!(m.text)),
                ("type", json!(m.kind)),
                ("country", json!(operator_of(&m.phone).map_or("", |o| o.0))),
                ("operator", json!(operator_of(&m.phone).map_or("", |o| o.1))),
                ("region", json!("")),
                ("id", json!(m.id)),
                ("int_id", json!(m.int_id)),
                ("sms_cnt", json!(m.parts)),
                ("format", json!(if m.kind == 8 { 8 } else { 0 })),
                ("crc", json!("")),
                (
                    "mccmnc",
                    json!(
                        operator_of(&m.phone).map_or(String::new(), |o| format!("{}{}", o.2, o.3))
                    ),
                ),
            ]
        })
        .collect();
    Ok(render(fmt, "sms", &rows, false))
}

fn incoming(state: &State, login: &str, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let hour = count(p, "hour", 168)?.unwrap_or(24) as i64;
    let cnt = count(p, "cnt", MAX_INCOMING as u64)?.map_or(MAX_INCOMING, |c| c as usize);
    let after = count(p, "after_id", u64::MAX)?.unwrap_or(0);
    let to_phone = match p
        .get("to_phone")
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        Some(t) if phone_ok(t) => Some(t.trim_start_matches('+')),
        Some(_) => return Err(ApiError::params()),
        None => None,
    };
    let since = state.now() - hour * 3600;
    let rows: Vec<Row> = state
        .data
        .incoming
        .iter()
        .filter(|m| {
            m.login == login
                && m.id > after
                && m.received >= since
                && to_phone.is_none_or(|t| t == m.to_phone)
        })
        .take(cnt)
        .map(|m| {
            vec![
                ("id", json!(m.id)),
                ("received", json!(moscow_date(m.received))),
                ("phone", json!(m.phone)),
                ("to_phone", json!(m.to_phone)),
                ("sent", json!(moscow_date(m.received))),
                ("message", json!(m.text)),
            ]
        })
        .collect();
    Ok(render(fmt, "sms", &rows, false))
}

fn statistics(state: &State, i: usize, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let start = day_param(p, "start")?.ok_or_else(ApiError::params)?;
    let end = day_param(p, "end")?;
    if end.is_some_and(|e| e < start) {
        return Err(ApiError::params());
    }
    let account = &state.accounts[i];
    let now_ms = state.now_ms();
    let (sent, spent) = state
        .messages
        .iter()
        .filter(|((owner, _, _), m)| {
            let d = moscow_day(m.due());
            *owner == account.login
                && m.due_ms <= now_ms
                && d >= start
                && end.is_none_or(|e| d <= e)
        })
        .fold((0i64, 0i64), |(n, c), (_, m)| (n + 1, c + m.cost));
    let row: Row = vec![
        ("login", json!(account.login)),
        ("cnt", json!(sent)),
        ("credit", json!(money(spent))),
        ("debit", json!(money(0))),
        ("currency", json!(account.currency)),
    ];
    Ok(render(fmt, "stat", &[row], true))
}

/// The tariff zones: the prices send.php charges, per SMS part.
fn rates(fmt: Fmt) -> String {
    let zone = |zone: &str, name: &str, sms: i64| -> Row {
        vec![
            ("zone", json!(zone)),
            ("name", json!(name)),
            ("api", json!(money(sms))),
            ("mass", json!(money(sms))),
            ("mms", json!(money(sms * 4))),
            ("hlr", json!(money(sms / 10))),
            ("call", json!(money(sms * 2))),
        ]
    };
    let rows = [
        zone("1", "Russia", part_price("79990000000")),
        zone("2", "Other countries", part_price("10000000000")),
    ];
    render(fmt, "tariff", &rows, false)
}

/// (country, operator, mcc, mnc, time zone) of a number, by prefix; `None` for numbers the
/// emulator treats as having no operator.
fn operator_of(
    phone: &str,
) -> Option<(&'static str, &'static str, &'static str, &'static str, i64)> {
    let digits = phone.trim_start_matches('+');
    if !phone_ok(digits) || digits.ends_with("0000") {
        return None;
    }
    if digits.starts_with("77") {
        Some(("Kazakhstan", "Emulated Operator KZ", "401", "02", 5))
    } else if digits.starts_with('7') {
        Some(("Russia", "Emulated Operator", "250", "99", 3))
    } else if digits.starts_with("375") {
        Some(("Belarus", "Emulated Operator BY", "257", "01", 3))
    } else {
        None
    }
}

/// `info.php`.
pub(crate) fn info(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    if !flag(p, "get_operator") {
        return Err(ApiError::params());
    }
    let phones: Vec<&str> = p
        .get("phone")
        .map(|v| v.split([',', ';']).map(str::trim).collect())
        .unwrap_or_default();
    if phones.is_empty() || phones.iter().any(|ph| !phone_ok(ph)) {
        return Err(ApiError::params());
    }
    rate_limit(state, &login, "get_operator", p)?;
    let mut rows: Vec<Row> = Vec::new();
    for phone in &phones {
        let (country, operator, mcc, mnc, tz) =
            operator_of(phone).ok_or_else(|| ApiError::new(3, "operator not found"))?;
        rows.push(vec![
            ("phone", json!(phone.trim_start_matches('+'))),
            ("country", json!(country)),
            ("operator", json!(operator)),
            ("region", json!("")),
            ("mcc", json!(mcc)),
            ("mnc", json!(mnc)),
            ("tz", json!(tz.to_string())),
        ]);
    }
    Ok(render(fmt, "number", &rows, rows.len() == 1))
}

/// `tinyurls.php`.
pub(crate) fn tinyurls(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    if !flag(p, "get") {
        return Err(ApiError::params());
    }
    let link = p.get("link").map(|l| l.trim()).filter(|l| !l.is_empty());
    let id = p.get("id").map(|l| l.trim()).filter(|l| !l.is_empty());
    let found = match (link, id) {
        (Some(link), None) => state
            .data
            .links
            .iter()
            .find(|l| l.login == login && l.link == link),
        (None, Some(id)) => {
            let id: u64 = id.parse().map_err(|_| ApiError::params())?;
            state
                .data
                .links
                .iter()
                .find(|l| l.login == login && l.id == id)
        }
        _ => return Err(ApiError::params()),
    };
    let link = found.ok_or_else(|| ApiError::new(3, "link not found"))?;
    let now = state.now();
    let today = moscow_day(now);
    let days: Vec<i64> = link.clicks.iter().map(|&t| moscow_day(t)).collect();
    let (year, month) = {
        let t = crate::dates::DateTime::from_unix(now, MOSCOW_OFFSET);
        (t.year, t.month)
    };
    let month_start = days_from_civil(year, month, 1);
    let row: Row = vec![
        ("id", Value::from(link.id.to_string())),
        ("cnt", json!(days.len())),
        (
            "cnt_mon",
            json!(days.iter().filter(|&&d| d >= month_start).count()),
        ),
        (
            "cnt_day",
            json!(days.iter().filter(|&&d| d == today).count()),
        ),
        (
            "cnt_yes",
            json!(days.iter().filter(|&&d| d == today - 1).count()),
        ),
    ];
    Ok(render(fmt, "link", &[row], true))
}
