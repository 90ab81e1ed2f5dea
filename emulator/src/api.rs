//! The scripts under `/sys/`, behaving as the SMSC documentation describes
//! (<https://smscentre.com/api/http/>): `balance.php`, `send.php` and `status.php` here, and the
//! dispatch to the other scripts' modules. Each script checks its parameters, changes the state,
//! and hands a view to [`crate::format`] to render.

use std::collections::HashMap;

use crate::dates::send_time;
use crate::format::{self, Answer, BalanceView, Fmt, SendView, StatusView};
use crate::state::{Message, State};

/// Request parameters by name (a later value of a repeated name wins).
pub(crate) type Params = HashMap<String, String>;

/// An SMSC error: code, description, and the message id for send errors that have one.
#[derive(Debug)]
pub(crate) struct ApiError {
    /// The documented error code.
    pub code: i64,
    /// The description in the envelope.
    pub text: &'static str,
    /// The message id, for send.php errors raised once the message has one.
    pub id: Option<String>,
}

impl ApiError {
    /// An error without a message id.
    pub fn new(code: i64, text: &'static str) -> Self {
        ApiError {
            code,
            text,
            id: None,
        }
    }

    /// Error 1, the answer to missing or malformed parameters.
    pub fn params() -> Self {
        ApiError::new(1, "parameters error")
    }

    /// Attaches the id of the message the error is about.
    pub fn with_id(mut self, id: &str) -> Self {
        self.id = Some(id.to_string());
        self
    }
}

/// Answers one script call; `None` for a script the emulator does not know (HTTP 404).
pub fn handle(state: &mut State, script: &str, raw: Vec<(String, String)>) -> Option<Answer> {
    let params: Params = raw.into_iter().collect();
    let fmt = Fmt::from_param(params.get("fmt").map(String::as_str));
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
        "phones.php" => crate::accounts::phones_php(state, &params, fmt),
        "users.php" => crate::accounts::users_php(state, &params, fmt),
        "senders.php" => crate::accounts::senders_php(state, &params, fmt),
        "documents.php" => {
            return Some(
                crate::accounts::documents_php(state, &params, fmt).unwrap_or_else(|e| Answer {
                    content_type: fmt.content_type(),
                    body: format::error(fmt, e.code, e.text, e.id.as_deref()),
                }),
            )
        }

        // Getting data.
        "get.php" => crate::data::get(state, &params, fmt),
        "info.php" => crate::data::info(state, &params, fmt),
        "tinyurls.php" => crate::data::tinyurls(state, &params, fmt),
        _ => return None,
    };
    let body = result.unwrap_or_else(|e| format::error(fmt, e.code, e.text, e.id.as_deref()));
    Some(Answer {
        content_type: fmt.content_type(),
        body,
    })
}

/// The account the request's `login` + `psw` (or `apikey`) open, by position; error 2 otherwise,
/// also when no credentials were given at all, as SMSC answers an anonymous call.
pub(crate) fn authenticate(state: &State, p: &Params) -> Result<usize, ApiError> {
    let get = |k: &str| p.get(k).map(String::as_str);
    state
        .authenticate(get("login"), get("psw"), get("apikey"))
        .ok_or_else(|| ApiError::new(2, "authorise error"))
}

/// Whether a flag parameter is set (`1`).
fn flag(p: &Params, name: &str) -> bool {
    p.get(name).is_some_and(|v| v.trim() == "1")
}

/// A small numeric parameter: absent means 0, anything else must be a number in `0..=max`.
fn level(p: &Params, name: &str, max: u8) -> Result<u8, ApiError> {
    match p.get(name).map(|v| v.trim()) {
        None | Some("") => Ok(0),
        Some(v) => v
            .parse::<u8>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(ApiError::params),
    }
}

fn balance(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let now_ms = state.now_ms();
    if !state.balance_request(i, now_ms) {
        return Err(ApiError::new(9, "duplicate request, wait a minute"));
    }
    let acc = &state.accounts[i];
    Ok(format::balance(
        fmt,
        &BalanceView {
            balance: acc.balance,
            credit: acc.credit,
            currency: flag(p, "cur").then_some(acc.currency.as_str()),
        },
    ))
}

/// SMS parts for one recipient, reckoned by the library's own message maths
/// (`smsc_core::segments`: GSM-7 160/153 with extension characters as two septets, UCS-2 70/67),
/// so the emulator bills what the library predicts.
pub fn parts(text: &str) -> u32 {
    u32::try_from(smsc_core::segments(text).parts).unwrap_or(u32::MAX)
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
    let text_ok = |mes: &str| mes.chars().count() <= 1000 && (textless || !mes.trim().is_empty());
    if let Some(list) = p.get("list").filter(|l| !l.trim().is_empty()) {
        return list
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let (phones, mes) = line.split_once(':').ok_or_else(ApiError::params)?;
                if !text_ok(mes) {
                    return Err(ApiError::params());
                }
                Ok((split(phones), mes.to_string()))
            })
            .collect();
    }
    let phones = p.get("phones").ok_or_else(ApiError::params)?;
    let mes = match p.get("mes") {
        Some(m) => m.clone(),
        None if textless => String::new(),
        None => return Err(ApiError::params()),
    };
    if !text_ok(&mes) {
        return Err(ApiError::params());
    }
    Ok(vec![(split(phones), mes)])
}

/// The type flags of send.php's other channels and the message type status.php reports for
/// each (<https://smscentre.com/api/http/status_messages/status_answer>); plain SMS has none.
/// Telegram's type code is not documented, so it reports 0.
const CHANNELS: [(&str, u8); 10] = [
    ("flash", 1),
    ("push", 3),
    ("hlr", 4),
    ("ping", 5),
    ("mms", 6),
    ("call", 7),
    ("mail", 8),
    ("viber", 10),
    ("soc", 12),
    ("tg", 0),
];

/// A phone number as send.php takes it: 10 to 15 digits after an optional `+`.
pub(crate) fn phone_ok(phone: &str) -> bool {
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    (10..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Price of one SMS part in kopecks: Russian numbers are cheaper, as on real tariffs.
pub(crate) fn part_price(phone: &str) -> i64 {
    if phone.trim_start_matches('+').starts_with('7') {
        250
    } else {
        500
    }
}

fn send(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let (channel, kind) = CHANNELS
        .iter()
        .copied()
        .find(|(name, _)| flag(p, name))
        .unwrap_or(("sms", 0));
    let has = |k: &str| p.get(k).is_some_and(|v| !v.is_empty());
    // HLR queries and ping-SMS carry no text; an MMS or a call may be only a subject or a file.
    let textless = matches!(channel, "hlr" | "ping")
        || (channel == "mms" && (has("subj") || has("fileurl") || has("file0")))
        || (channel == "call" && (has("fileurl") || has("file0")));
    let batches = batches(p, textless)?;
    let cost_mode = level(p, "cost", 3)?;
    let now_ms = state.now_ms();
    let tz = match p.get("tz").map(|t| t.trim()).filter(|t| !t.is_empty()) {
        None => 0,
        Some(t) => t
            .parse::<i64>()
            .ok()
            .filter(|t| t.abs() <= 24)
            .ok_or_else(ApiError::params)?,
    };
    let now = now_ms.div_euclid(1000);
    let due_ms = match p.get("time").map(|t| t.trim()).filter(|t| !t.is_empty()) {
        None => now_ms,
        Some(t) => match send_time(t, tz, now) {
            Some(at) if at > now => at * 1000,
            Some(_) => now_ms,
            None => return Err(ApiError::new(5, "invalid date")),
        },
    };
    let recipient_ok = |r: &str| match channel {
        "mail" => r.contains('@') && !r.starts_with('@'),
        "tg" => r.starts_with('@') || r.starts_with('#') || phone_ok(r),
        _ => phone_ok(r),
    };
    // `maxsms` caps the parts of each message (a longer text is cut to fit).
    let max_parts = match p.get("maxsms").map(|m| m.trim()).filter(|m| !m.is_empty()) {
        None => None,
        Some(m) => Some(m.parse::<u32>().map_err(|_| ApiError::params())?.max(1)),
    };
    let parts_of = |mes: &str| max_parts.map_or(parts(mes), |max| parts(mes).min(max));
    let recipients: Vec<(&str, &str)> = batches
        .iter()
        .flat_map(|(phones, mes)| phones.iter().map(move |ph| (ph.as_str(), mes.as_str())))
        .collect();
    let sms: i64 = recipients
        .iter()
        .map(|(_, mes)| i64::from(parts_of(mes)))
        .sum();
    let cost: i64 = recipients
        .iter()
        .map(|(ph, mes)| part_price(ph) * i64::from(parts_of(mes)))
        .sum();
    let all_ok = !recipients.is_empty() && recipients.iter().all(|(ph, _)| recipient_ok(ph));
    if cost_mode == 1 {
        if !all_ok {
            return Err(ApiError::new(7, "invalid phone"));
        }
        return Ok(format::priced(fmt, sms, cost));
    }
    let id = match p.get("id").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(id) => id.to_string(),
        None => {
            let usage = &mut state.usage[i];
            let id = usage.next_id;
            usage.next_id += 1;
            id.to_string()
        }
    };
    if !all_ok {
        return Err(ApiError::new(7, "invalid phone").with_id(&id));
    }
    let acc = &mut state.accounts[i];
    // Test mode sends without payment ("виртуальная отправка без оплаты"): nothing is charged.
    let virtual_sending = acc.virtual_sending;
    let cost = if virtual_sending { 0 } else { cost };
    if acc.balance + acc.credit < cost {
        return Err(ApiError::new(3, "no money").with_id(&id));
    }
    acc.balance -= cost;
    let (login, balance) = (acc.login.clone(), acc.balance);
    let sender = p
        .get("sender")
        .filter(|s| !s.is_empty())
        .cloned()
        .unwrap_or_else(|| "SMSC.RU".into());
    for (phone, mes) in &recipients {
        let phone = phone.trim_start_matches('+').to_string();
        let parts = parts_of(mes);
        let message = Message {
            id: id.clone(),
            phone: phone.clone(),
            text: mes.to_string(),
            sender: sender.clone(),
            parts,
            cost: if virtual_sending {
                0
            } else {
                part_price(&phone) * i64::from(parts)
            },
            sends: 1,
            kind,
            due_ms,
            int_id: state.next_int_id,
            virtual_sending,
        };
        state.next_int_id += 1;
        let key = (login.clone(), id.clone(), phone);
        let sends = state.messages.get(&key).map_or(0, |m| m.sends) + 1;
        state.messages.insert(key, Message { sends, ..message });
    }
    if flag(p, "tinyurl") {
        for (_, mes) in &recipients {
            crate::data::shorten_links(state, &login, mes);
        }
    }
    Ok(format::sent(
        fmt,
        &SendView {
            id: &id,
            sms,
            cost,
            balance,
            cost_mode,
        },
    ))
}

/// A comma list; `several` is true when it names more than one item or ends with a comma,
/// which asks for the several-message answer even for one message.
fn comma_list(value: &str) -> (Vec<&str>, bool) {
    let items: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let several = items.len() > 1 || value.trim_end().ends_with(',');
    (items, several)
}

fn status(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let (Some(phones), Some(ids)) = (p.get("phone"), p.get("id")) else {
        return Err(ApiError::params());
    };
    let (phones, several_phones) = comma_list(phones);
    let (ids, several_ids) = comma_list(ids);
    if ids.is_empty() || phones.len() != ids.len() {
        return Err(ApiError::params());
    }
    let several = several_phones || several_ids;
    let all = level(p, "all", 2)?;
    let key = |id: &str, phone: &str| {
        (
            login.clone(),
            id.to_string(),
            phone.trim_start_matches('+').to_string(),
        )
    };
    let pairs: Vec<(&str, &str)> = ids.iter().copied().zip(phones.iter().copied()).collect();
    if flag(p, "del") {
        // All or nothing: a request naming an unknown message deletes none.
        if pairs
            .iter()
            .any(|(id, ph)| !state.messages.contains_key(&key(id, ph)))
        {
            return Err(ApiError::new(5, "delete error"));
        }
        for (id, ph) in &pairs {
            state.messages.remove(&key(id, ph));
        }
        return Ok(format::deleted(fmt));
    }
    let now_ms = state.now_ms();
    let views: Vec<StatusView> = pairs
        .iter()
        .map(|&(id, phone)| {
            let message = state.messages.get(&key(id, phone));
            let (status, err, last) = message.map_or((-3, 0, now_ms.div_euclid(1000)), |m| {
                state.timing.progress(m, now_ms)
            });
            StatusView {
                id,
                phone,
                status,
                err,
                last,
                message,
            }
        })
        .collect();
    Ok(format::statuses(fmt, all, several, &views))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_by_length_and_alphabet() {
        assert_eq!(parts(""), 1);
        assert_eq!(parts(&"a".repeat(160)), 1);
        assert_eq!(parts(&"a".repeat(161)), 2);
        assert_eq!(parts(&"a".repeat(306)), 2);
        assert_eq!(parts(&"a".repeat(307)), 3);
        assert_eq!(parts(&"я".repeat(70)), 1);
        assert_eq!(parts(&"я".repeat(71)), 2);
        assert_eq!(parts(&"я".repeat(134)), 2);
        assert_eq!(parts(&"я".repeat(135)), 3);
        assert_eq!(parts("€"), 1, "one non-GSM character makes UCS-2");
    }

    #[test]
    fn phones() {
        assert!(phone_ok("79991234567"));
        assert!(phone_ok("+79991234567"));
        assert!(!phone_ok("+12345678"));
        assert!(!phone_ok("7999123456789012"));
        assert!(!phone_ok("7999-123-45-67"));
        assert!(!phone_ok(""));
    }

    #[test]
    fn lists() {
        assert_eq!(comma_list("1"), (vec!["1"], false));
        assert_eq!(comma_list("1,"), (vec!["1"], true));
        assert_eq!(comma_list("1, 2"), (vec!["1", "2"], true));
    }
}
