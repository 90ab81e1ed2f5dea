//! The scripts under `/sys/`, answering as the SMSC documentation describes
//! (<https://smscentre.com/api/http/>): balance, send and status, in every `fmt`.

use std::collections::HashMap;

use crate::state::{money, moscow_date, Message, State};

/// The answer format asked for with `fmt`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fmt {
    /// `fmt=0`, the default: readable lines.
    Text,
    /// `fmt=1`: comma-separated values.
    Csv,
    /// `fmt=2`: XML.
    Xml,
    /// `fmt=3`: JSON.
    Json,
}

impl Fmt {
    fn content_type(self) -> &'static str {
        match self {
            Fmt::Json => "application/json; charset=utf-8",
            Fmt::Xml => "application/xml; charset=utf-8",
            _ => "text/plain; charset=utf-8",
        }
    }
}

/// An answer body with its content type.
pub struct Answer {
    /// Content type.
    pub content_type: &'static str,
    /// Body text.
    pub body: String,
}

/// Request parameters by name.
pub(crate) type Params = HashMap<String, String>;

/// An SMSC error: code, description, and the message id for send errors that have one.
pub(crate) struct ApiError(pub i64, pub &'static str, pub Option<String>);

/// Answers one script call.
pub fn handle(state: &mut State, script: &str, raw: Vec<(String, String)>) -> Option<Answer> {
    let params: Params = raw.into_iter().collect();
    let fmt = match params.get("fmt").map(String::as_str) {
        Some("1") => Fmt::Csv,
        Some("2") => Fmt::Xml,
        Some("3") => Fmt::Json,
        _ => Fmt::Text,
    };
    let result = match script {
        "balance.php" => balance(state, &params, fmt),
        "send.php" => send(state, &params, fmt),
        "status.php" => status(state, &params, fmt),
        // Mailing lists, templates and monitoring events.
        "jobs.php" => crate::jobs::jobs(state, &params, fmt),
        "templates.php" => crate::jobs::templates(state, &params, fmt),
        "op_templates.php" => crate::jobs::op_templates(state, &params, fmt),
        "ping.php" => crate::jobs::ping(state, &params, fmt),

        // Contacts, sub-clients, sender names and documents.

        // Getting data.
        _ => return None,
    };
    let body = result.unwrap_or_else(|ApiError(code, text, id)| error_body(fmt, code, text, id));
    Some(Answer {
        content_type: fmt.content_type(),
        body,
    })
}

/// The documented error envelope of each format.
fn error_body(fmt: Fmt, code: i64, text: &str, id: Option<String>) -> String {
    match (fmt, id) {
        (Fmt::Text, None) => format!("ERROR = {code} ({text})"),
        (Fmt::Text, Some(id)) => format!("ERROR = {code} ({text}), ID - {id}"),
        (Fmt::Csv, id) => format!("{},-{code}", id.unwrap_or_else(|| "0".into())),
        (Fmt::Xml, None) => {
            format!("<result><error>{text}</error><error_code>{code}</error_code></result>")
        }
        (Fmt::Xml, Some(id)) => format!(
            "<result><error>{text}</error><error_code>{code}</error_code><id>{id}</id></result>"
        ),
        (Fmt::Json, None) => serde_json::json!({"error": text, "error_code": code}).to_string(),
        (Fmt::Json, Some(id)) => {
            serde_json::json!({"error": text, "error_code": code, "id": id_json(&id)}).to_string()
        }
    }
}

/// Numeric ids are JSON numbers; ids chosen by the client as text stay strings.
pub(crate) fn id_json(id: &str) -> serde_json::Value {
    id.parse::<u64>()
        .map_or_else(|_| serde_json::Value::from(id), serde_json::Value::from)
}

pub(crate) fn authenticate(state: &State, p: &Params) -> Result<usize, ApiError> {
    let found = match (p.get("login"), p.get("psw"), p.get("apikey")) {
        (_, _, Some(key)) => state
            .accounts
            .iter()
            .position(|a| a.api_key.as_deref() == Some(key.as_str())),
        (Some(login), Some(psw), None) => state
            .accounts
            .iter()
            .position(|a| &a.login == login && &a.password == psw),
        _ => None,
    };
    found.ok_or(ApiError(2, "authorise error", None))
}

fn balance(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let now = state.now();
    let acc = &mut state.accounts[i];
    while acc.balance_requests.front().is_some_and(|t| now - t >= 60) {
        acc.balance_requests.pop_front();
    }
    if acc.balance_requests.len() >= 10 {
        return Err(ApiError(9, "duplicate request, wait a minute", None));
    }
    acc.balance_requests.push_back(now);
    let cur = p.get("cur").is_some_and(|v| v == "1");
    let bal = money(acc.balance);
    let credit = (acc.credit != 0).then(|| money(acc.credit));
    Ok(match fmt {
        Fmt::Text | Fmt::Csv => {
            let mut fields = vec![bal];
            if cur {
                fields.extend(credit);
                fields.push(acc.currency.clone());
            }
            fields.join(",")
        }
        Fmt::Xml => {
            let mut s = format!("<result><balance>{bal}</balance>");
            if let Some(c) = &credit {
                s += &format!("<credit>{c}</credit>");
            }
            if cur {
                s += &format!("<currency>{}</currency>", acc.currency);
            }
            s + "</result>"
        }
        Fmt::Json => {
            let mut o = serde_json::json!({ "balance": bal });
            if let Some(c) = credit {
                o["credit"] = c.into();
            }
            if cur {
                o["currency"] = acc.currency.clone().into();
            }
            o.to_string()
        }
    })
}

/// SMS parts for one recipient: GSM-7 text fits 160 characters (153 per part when split), any
/// other text is UCS-2 with 70 (67). The GSM extension table, whose characters take two septets,
/// is not modelled: printable ASCII counts as one septet each.
pub(crate) fn parts(text: &str) -> u32 {
    let chars = text.chars().count() as u32;
    let gsm = text
        .chars()
        .all(|c| c == '\n' || c == '\r' || (' '..='~').contains(&c));
    let (single, multi) = if gsm { (160, 153) } else { (70, 67) };
    if chars <= single {
        1
    } else {
        chars.div_ceil(multi)
    }
}

/// Recipients and their text: `phones` + `mes`, or the `phones:text` lines of `list`.
fn batches(p: &Params, textless: bool) -> Result<Vec<(Vec<String>, String)>, ApiError> {
    let split = |phones: &str| -> Vec<String> {
        phones
            .split([',', ';'])
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let bad = || ApiError(1, "parameters error", None);
    if let Some(list) = p.get("list") {
        return list
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let (phones, mes) = line.split_once(':').ok_or_else(bad)?;
                Ok((split(phones), mes.to_string()))
            })
            .collect();
    }
    let phones = p.get("phones").ok_or_else(bad)?;
    let mes = match p.get("mes") {
        Some(m) => m.clone(),
        None if textless => String::new(),
        None => return Err(bad()),
    };
    if mes.chars().count() > 1000 || (mes.trim().is_empty() && !textless) {
        return Err(bad());
    }
    Ok(vec![(split(phones), mes)])
}

/// The type flags of send.php other channels use; SMS has none.
const CHANNELS: [&str; 7] = ["hlr", "ping", "mms", "mail", "call", "viber", "tg"];

pub(crate) fn phone_ok(phone: &str) -> bool {
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    (10..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn time_ok(time: &str) -> bool {
    !time.is_empty()
        && time
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | ' ' | '+' | '-'))
}

/// Price of one SMS part: Russian numbers are cheaper, as on real tariffs.
pub(crate) fn part_price(phone: &str) -> i64 {
    if phone.trim_start_matches('+').starts_with('7') {
        250
    } else {
        500
    }
}

fn send(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let channel = CHANNELS
        .iter()
        .copied()
        .find(|flag| p.get(*flag).is_some_and(|v| v == "1"));
    // HLR queries and ping-SMS carry no text; an MMS may be only a subject or a file.
    let textless = matches!(channel, Some("hlr" | "ping"))
        || (channel == Some("mms") && (p.contains_key("subj") || p.contains_key("fileurl")))
        || (channel == Some("call") && p.contains_key("fileurl"));
    // What goes to whom: one text for `phones`, or a text per line of `list` (`phones:text`).
    let batches = batches(p, textless)?;
    let recipient_ok = |r: &str| match channel {
        Some("mail") => r.contains('@') && !r.starts_with('@'),
        Some("tg") => r.starts_with('@') || r.starts_with('#') || phone_ok(r),
        _ => phone_ok(r),
    };
    if p.get("time").is_some_and(|t| !time_ok(t)) {
        return Err(ApiError(5, "invalid date", None));
    }
    let cost_mode: u8 = p.get("cost").and_then(|c| c.parse().ok()).unwrap_or(0);
    let max_parts = p.get("maxsms").and_then(|m| m.parse::<u32>().ok());
    let parts_of = |mes: &str| max_parts.map_or(parts(mes), |max| parts(mes).min(max.max(1)));
    let list: Vec<(String, &str)> = batches
        .iter()
        .flat_map(|(phones, mes)| phones.iter().map(move |ph| (ph.clone(), mes.as_str())))
        .collect();
    let total_sms: i64 = list.iter().map(|(_, mes)| i64::from(parts_of(mes))).sum();
    let total_cost: i64 = list
        .iter()
        .map(|(ph, mes)| part_price(ph) * i64::from(parts_of(mes)))
        .sum();
    let all_ok = !list.is_empty() && list.iter().all(|(ph, _)| recipient_ok(ph));
    if cost_mode == 1 {
        if !all_ok {
            return Err(ApiError(7, "invalid phone", None));
        }
        return Ok(match fmt {
            Fmt::Text => format!("COST - {}, SMS - {total_sms}", money(total_cost)),
            Fmt::Csv => format!("{},{total_sms}", money(total_cost)),
            Fmt::Xml => format!(
                "<result><cnt>{total_sms}</cnt><cost>{}</cost></result>",
                money(total_cost)
            ),
            Fmt::Json => {
                serde_json::json!({"cnt": total_sms, "cost": money(total_cost)}).to_string()
            }
        });
    }
    let now_ms = state.now_ms();
    let acc = &mut state.accounts[i];
    let id = match p.get("id").filter(|s| !s.is_empty()) {
        Some(id) => id.clone(),
        None => {
            let id = acc.next_id;
            acc.next_id += 1;
            id.to_string()
        }
    };
    if !all_ok {
        return Err(ApiError(7, "invalid phone", Some(id)));
    }
    if acc.balance + acc.credit < total_cost {
        return Err(ApiError(3, "no money", Some(id)));
    }
    acc.balance -= total_cost;
    let login = acc.login.clone();
    let balance_after = acc.balance;
    for (phone, mes) in &list {
        let digits = phone.trim_start_matches('+').to_string();
        let n_parts = parts_of(mes);
        state.messages.insert(
            (login.clone(), id.clone(), digits.clone()),
            Message {
                id: id.clone(),
                phone: digits,
                text: mes.to_string(),
                sender: p.get("sender").cloned().unwrap_or_else(|| "SMSC.RU".into()),
                parts: n_parts,
                cost: part_price(phone) * i64::from(n_parts),
                sent_at: now_ms / 1000,
                sent_at_ms: now_ms,
            },
        );
    }
    let cost = money(total_cost);
    let bal = money(balance_after);
    Ok(match fmt {
        Fmt::Text => {
            let mut s = format!("OK - {total_sms} SMS, ID - {id}");
            if cost_mode >= 2 {
                s += &format!(", COST - {cost}");
            }
            if cost_mode == 3 {
                s += &format!(", BALANCE - {bal}");
            }
            s
        }
        Fmt::Csv => match cost_mode {
            2 => format!("{id},{total_sms},{cost}"),
            3 => format!("{id},{total_sms},{cost},{bal}"),
            _ => format!("{id},{total_sms}"),
        },
        Fmt::Xml => {
            let mut s = format!("<result><cnt>{total_sms}</cnt><id>{id}</id>");
            if cost_mode >= 2 {
                s += &format!("<cost>{cost}</cost>");
            }
            if cost_mode == 3 {
                s += &format!("<balance>{bal}</balance>");
            }
            s + "</result>"
        }
        Fmt::Json => {
            let mut o = serde_json::json!({"id": id_json(&id), "cnt": total_sms});
            if cost_mode >= 2 {
                o["cost"] = cost.into();
            }
            if cost_mode == 3 {
                o["balance"] = bal.into();
            }
            o.to_string()
        }
    })
}

/// How long a message waits before it is handed to the operator, in emulated milliseconds.
pub const WAITING_MS: i64 = 5_000;
/// When a message reaches its final status, in emulated milliseconds after sending.
pub const DELIVERED_AFTER_MS: i64 = 10_000;

/// Where a message stands `elapsed` seconds after sending: (status, err, when it last changed).
/// Numbers ending in 0000 stand for subscribers that do not exist.
fn progress(m: &Message, now_ms: i64) -> (i64, i64, i64) {
    let elapsed = now_ms - m.sent_at_ms;
    let at = |ms: i64| (m.sent_at_ms + ms).div_euclid(1000);
    // Wide windows keep a test that reads a status right after sending deterministic even on
    // a loaded machine; tests move the clock with /emulator/advance to see the later states.
    if elapsed < WAITING_MS {
        (-1, 0, at(0))
    } else if elapsed < DELIVERED_AFTER_MS {
        (0, 0, at(WAITING_MS))
    } else if m.phone.ends_with("0000") {
        (20, 1, at(DELIVERED_AFTER_MS))
    } else {
        (1, 0, at(DELIVERED_AFTER_MS))
    }
}

fn status_name(status: i64) -> &'static str {
    match status {
        -3 => "Message not found",
        -1 => "Waiting to be sent",
        0 => "Transferred to operator",
        1 => "Delivered",
        20 => "Impossible to deliver",
        _ => "Unknown",
    }
}

fn status(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let (Some(phones), Some(ids)) = (p.get("phone"), p.get("id")) else {
        return Err(ApiError(1, "parameters error", None));
    };
    let several = phones.ends_with(',') || ids.ends_with(',');
    let phones: Vec<&str> = phones
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let ids: Vec<&str> = ids
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if phones.is_empty() || phones.len() != ids.len() {
        return Err(ApiError(1, "parameters error", None));
    }
    let several = several || ids.len() > 1;
    let key = |id: &str, phone: &str| {
        (
            login.clone(),
            id.to_string(),
            phone.trim_start_matches('+').to_string(),
        )
    };
    if p.get("del").is_some_and(|d| d == "1") {
        for (id, phone) in ids.iter().zip(&phones) {
            if state.messages.remove(&key(id, phone)).is_none() {
                return Err(ApiError(5, "delete error", None));
            }
        }
        return Ok(match fmt {
            Fmt::Json => serde_json::json!({"result": "OK"}).to_string(),
            Fmt::Xml => "<result>OK</result>".into(),
            _ => "OK".into(),
        });
    }
    let all: u8 = p
        .get("all")
        .and_then(|a| a.parse().ok())
        .unwrap_or(0)
        .min(2);
    let now_ms = state.now_ms();
    let now = now_ms.div_euclid(1000);
    let entries: Vec<Entry> = ids
        .iter()
        .zip(&phones)
        .map(|(id, phone)| {
            let msg = state.messages.get(&key(id, phone));
            let (status, err, last) = msg.map_or((-3, 0, now), |m| progress(m, now_ms));
            Entry {
                id: id.to_string(),
                phone: phone.to_string(),
                status,
                err,
                last,
                msg: msg.cloned(),
            }
        })
        .collect();
    Ok(render_status(&entries, fmt, all, several))
}

struct Entry {
    id: String,
    phone: String,
    status: i64,
    err: i64,
    last: i64,
    msg: Option<Message>,
}

fn render_status(entries: &[Entry], fmt: Fmt, all: u8, several: bool) -> String {
    match fmt {
        Fmt::Json => {
            let items: Vec<serde_json::Value> = entries.iter().map(|e| status_json(e, all, several)).collect();
            if several {
                serde_json::Value::Array(items).to_string()
            } else {
                items.into_iter().next().unwrap_or_default().to_string()
            }
        }
        Fmt::Xml => {
            let body: String = entries.iter().map(|e| status_xml(e, several)).collect();
            if several {
                format!("<result>{body}</result>")
            } else {
                body
            }
        }
        // Several-message text answers are not shown in the documentation; the emulator writes
        // one line per message with id and phone appended.
        Fmt::Text => entries
            .iter()
            .map(|e| {
                let mut s = format!(
                    "Status = {}, check_time = {}, err = {}",
                    e.status,
                    moscow_date(e.last),
                    e.err
                );
                if all >= 1 {
                    if let Some(m) = &e.msg {
                        s += &format!(
                            ", send_date = {}, phone = {}, cost = {}, sender_id = {}, status_name = {}, message = {}, comment = , type = 0",
                            moscow_date(m.sent_at), m.phone, money(m.cost), m.sender, status_name(e.status), m.text
                        );
                    }
                }
                if several {
                    s += &format!(", id = {}, phone = {}", e.id, e.phone);
                }
                s
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Fmt::Csv => entries
            .iter()
            .map(|e| {
                let mut s = format!("{},{},{}", e.status, e.last, e.err);
                if several {
                    s += &format!(",{},{}", e.id, e.phone);
                } else if all >= 1 {
                    if let Some(m) = &e.msg {
                        s += &format!(
                            ",{},{},{},{},{},{}",
                            m.sent_at, m.phone, money(m.cost), m.sender, status_name(e.status), m.text
                        );
                    }
                }
                s
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn status_json(e: &Entry, all: u8, several: bool) -> serde_json::Value {
    let mut o = serde_json::json!({
        "status": e.status,
        "last_date": moscow_date(e.last),
        "last_timestamp": e.last,
        "flag": 0,
        "err": e.err,
    });
    if several {
        o["id"] = id_json(&e.id);
        o["phone"] = e.phone.clone().into();
    }
    if all >= 1 {
        if let Some(m) = &e.msg {
            o["send_date"] = moscow_date(m.sent_at).into();
            o["send_timestamp"] = m.sent_at.into();
            o["phone"] = m.phone.clone().into();
            o["cost"] = money(m.cost).into();
            o["sender_id"] = m.sender.clone().into();
            o["status_name"] = status_name(e.status).into();
            o["message"] = m.text.clone().into();
            o["comment"] = "".into();
            o["type"] = 0.into();
            o["sms_cnt"] = m.parts.into();
        }
    }
    if all >= 2 {
        o["country"] = "Russia".into();
        o["operator"] = "Emulated Operator".into();
        o["region"] = "".into();
    }
    o
}

fn status_xml(e: &Entry, several: bool) -> String {
    let mut s = format!(
        "<sms><status>{}</status><last_date>{}</last_date><last_timestamp>{}</last_timestamp><flag>0</flag><err>{}</err>",
        e.status,
        moscow_date(e.last),
        e.last,
        e.err
    );
    if several {
        s += &format!("<id>{}</id><phone>{}</phone>", e.id, e.phone);
    }
    s + "</sms>"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_by_length_and_alphabet() {
        assert_eq!(parts(&"a".repeat(160)), 1);
        assert_eq!(parts(&"a".repeat(161)), 2);
        assert_eq!(parts(&"я".repeat(70)), 1);
        assert_eq!(parts(&"я".repeat(71)), 2);
        assert_eq!(parts(&"я".repeat(135)), 3);
    }
}
