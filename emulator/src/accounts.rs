//! Contacts and groups (`phones.php`), sub-clients (`users.php`), sender names (`senders.php`)
//! and invoices and acts (`documents.php`), kept per account.
//!
//! Creating a contact, a group or a blacklist entry answers as
//! <https://smscentre.com/api/http/contact/contact_answer> shows: `ID = <id>`, `<id>`,
//! `<phone><id>…</id></phone>`, and `{"id": …}` for fmt=3. Errors follow each script's table:
//! 1 for missing or malformed parameters, 3 for a record that does not exist, 6 for an unknown
//! sub-client, 7 for a bad numeric sender, 10 for a repeated confirmation code (and for a
//! transfer larger than the main balance on `users.php`), 11 for a wrong code. Where no page
//! shows the answer the emulator chooses, as the library's fixtures read it: `OK` confirmations
//! (`<result>OK</result>`, `{"result": "OK"}`); lists as `key = value` lines, comma lines in the
//! order `id, phone, grp, name` (contacts), `id, num, name` (groups), `user, cnt, cost, balance`
//! (statistics) and `id, sender, status, cmt` (sender names), XML elements inside `<result>` and
//! JSON arrays; a new invoice as `OK, ID = <id>`; a downloaded invoice or act as a small PDF. The
//! confirmation code of a numeric sender is the last four digits of its number, so tests can
//! confirm one; an act exists for any id or number of a known sub-client.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::api::{authenticate, phone_ok, ApiError, Params};
use crate::format::{Answer, Fmt};
use crate::jobs::{confirmation, day, flag, render, Row};
use crate::state::{money, State};

/// What the four scripts remember, for every account.
#[derive(Default)]
pub struct Books {
    next_id: u64,
    contacts: BTreeMap<(String, u64), Contact>,
    groups: BTreeMap<(String, u64), Group>,
    blacklist: BTreeMap<(String, u64), String>,
    /// Sub-clients by (main login, sub-client login).
    subclients: BTreeMap<(String, String), Subclient>,
    senders: BTreeMap<(String, u64), Sender>,
    /// Numeric sender names a code was sent to: (login, sender).
    codes_sent: BTreeSet<(String, String)>,
    invoices: BTreeMap<(String, u64), String>,
}

impl Books {
    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

struct Contact {
    phone: String,
    name: String,
    groups: BTreeSet<u64>,
    /// The client's own id for it (`myid`).
    myid: Option<String>,
}

struct Group {
    name: String,
    num: String,
}

struct Subclient {
    id: u64,
    balance: i64,
}

struct Sender {
    name: String,
    status: i64,
    comment: String,
}

fn not_found() -> ApiError {
    ApiError::new(3, "no records found")
}

fn get<'a>(p: &'a Params, name: &str) -> Option<&'a str> {
    p.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The numbers of a `phone` list, each checked.
fn phones(p: &Params) -> Result<Vec<String>, ApiError> {
    let list: Vec<String> = get(p, "phone")
        .ok_or_else(ApiError::params)?
        .split([',', ';'])
        .map(|s| s.trim().trim_start_matches('+').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if list.is_empty() || !list.iter().all(|ph| phone_ok(ph)) {
        return Err(ApiError::params());
    }
    Ok(list)
}

fn number(p: &Params, name: &str) -> Result<u64, ApiError> {
    get(p, name)
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|n| *n > 0)
        .ok_or_else(ApiError::params)
}

fn created_record(fmt: Fmt, id: u64) -> String {
    match fmt {
        Fmt::Text => format!("ID = {id}"),
        Fmt::Csv => id.to_string(),
        Fmt::Xml => format!("<phone><id>{id}</id></phone>"),
        Fmt::Json => format!("{{\"id\": {id}}}"),
    }
}

/// `phones.php`.
pub(crate) fn phones_php(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let books = &mut state.account_books;
    let own = |key: &(String, u64)| key.0 == login;
    if flag(p, "add") {
        let phone = phones(p)?.join(",");
        let groups = match get(p, "grp") {
            Some(g) => g
                .split(',')
                .map(|id| id.trim().parse::<u64>().map_err(|_| ApiError::params()))
                .collect::<Result<BTreeSet<u64>, _>>()?,
            None => BTreeSet::new(),
        };
        let id = books.new_id();
        let name = get(p, "name").unwrap_or_default().to_string();
        let myid = get(p, "myid").map(str::to_string).filter(|m| !m.is_empty());
        books.contacts.insert(
            (login, id),
            Contact {
                phone,
                name,
                groups,
                myid,
            },
        );
        return Ok(created_record(fmt, id));
    }
    if flag(p, "get") {
        let rows: Vec<Row> = books
            .contacts
            .iter()
            .filter(|(k, _)| own(k))
            .map(|((_, id), c)| {
                let groups: Vec<String> = c.groups.iter().map(u64::to_string).collect();
                // As smsc.ru's recorded list writes it: the client's `myid` under `id`; the
                // internal id, which the recording does not show, under `int_id` (inferred).
                let mut row = vec![
                    ("int_id", Value::from(*id)),
                    ("phone", Value::from(c.phone.as_str())),
                    ("grp", Value::from(groups.join(";"))),
                    ("name", Value::from(c.name.as_str())),
                ];
                if let Some(myid) = &c.myid {
                    row.push(("id", Value::from(myid.as_str())));
                }
                row
            })
            .collect();
        return Ok(render(fmt, "contact", &rows, false));
    }
    if flag(p, "add_group") {
        let name = get(p, "name").ok_or_else(ApiError::params)?.to_string();
        let num = get(p, "num").unwrap_or_default().to_string();
        let id = books.new_id();
        books.groups.insert((login, id), Group { name, num });
        return Ok(created_record(fmt, id));
    }
    if flag(p, "get_group") {
        let rows: Vec<Row> = books
            .groups
            .iter()
            .filter(|(k, _)| own(k))
            .map(|((_, id), g)| {
                vec![
                    ("id", Value::from(*id)),
                    ("num", Value::from(g.num.as_str())),
                    ("name", Value::from(g.name.as_str())),
                ]
            })
            .collect();
        return Ok(render(fmt, "group", &rows, false));
    }
    if flag(p, "add_black") {
        let phone = phones(p)?.join(",");
        let id = books.new_id();
        books.blacklist.insert((login, id), phone);
        return Ok(created_record(fmt, id));
    }
    if flag(p, "chg_group") || flag(p, "del_group") {
        let key = (login, number(p, "grp")?);
        if flag(p, "del_group") {
            books.groups.remove(&key).ok_or_else(not_found)?;
            for c in books.contacts.values_mut() {
                c.groups.remove(&key.1);
            }
        } else {
            let group = books.groups.get_mut(&key).ok_or_else(not_found)?;
            if let Some(name) = get(p, "name") {
                group.name = name.to_string();
            }
            if let Some(num) = get(p, "num") {
                group.num = num.to_string();
            }
        }
        return Ok(confirmation(fmt));
    }
    if flag(p, "del_black") {
        let wanted = phones(p)?;
        let before = books.blacklist.len();
        books
            .blacklist
            .retain(|k, phone| !(k.0 == login && wanted.contains(phone)));
        if books.blacklist.len() == before {
            return Err(not_found());
        }
        return Ok(confirmation(fmt));
    }
    // The rest finds contacts by their numbers.
    let mode = get(p, "move_group");
    if !(flag(p, "chg") || flag(p, "del") || mode.is_some()) {
        return Err(ApiError::params());
    }
    let wanted = phones(p)?;
    let found: Vec<(String, u64)> = books
        .contacts
        .iter()
        .filter(|(k, c)| own(k) && c.phone.split(',').any(|ph| wanted.iter().any(|w| w == ph)))
        .map(|(k, _)| k.clone())
        .collect();
    if found.is_empty() {
        return Err(not_found());
    }
    if flag(p, "del") {
        for key in found {
            books.contacts.remove(&key);
        }
        return Ok(confirmation(fmt));
    }
    if flag(p, "chg") {
        let new_phone = match get(p, "new_phone") {
            Some(_) => {
                let mut q = p.clone();
                q.insert("phone".into(), p["new_phone"].clone());
                Some(phones(&q)?.join(","))
            }
            None => None,
        };
        for key in found {
            if let Some(c) = books.contacts.get_mut(&key) {
                if let Some(ph) = &new_phone {
                    c.phone = ph.clone();
                }
                if let Some(name) = get(p, "name") {
                    c.name = name.to_string();
                }
            }
        }
        return Ok(confirmation(fmt));
    }
    let group = number(p, "grp")?;
    if !books.groups.contains_key(&(login.clone(), group)) {
        return Err(not_found());
    }
    for key in found {
        if let Some(c) = books.contacts.get_mut(&key) {
            match mode {
                Some("1") => c.groups = BTreeSet::from([group]),
                Some("2") => {
                    c.groups.insert(group);
                }
                Some("3") => {
                    c.groups.remove(&group);
                }
                _ => return Err(ApiError::params()),
            }
        }
    }
    Ok(confirmation(fmt))
}

/// An amount in kopecks from `150.50`, `-20` or `1000`.
fn kopecks(text: &str) -> Option<i64> {
    let (neg, digits) = match text.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.trim()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !format!("{whole}{frac}").bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let value = whole.parse::<i64>().ok()? * 100 + format!("{frac:0<2}").parse::<i64>().ok()?;
    Some(if neg { -value } else { value })
}

/// `users.php`.
pub(crate) fn users_php(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    if flag(p, "get_stat") || flag(p, "get_stat_all") {
        for name in ["start", "end"] {
            if get(p, name).is_some_and(|d| day(d).is_none()) {
                return Err(ApiError::params());
            }
        }
        let books = &state.account_books;
        let user = get(p, "user");
        let user_id = get(p, "user_id")
            .map(|id| id.parse::<u64>().map_err(|_| ApiError::params()))
            .transpose()?;
        let rows: Vec<Row> = books
            .subclients
            .iter()
            .filter(|((main, name), s)| {
                *main == login
                    && user.is_none_or(|u| u == name)
                    && user_id.is_none_or(|id| id == s.id)
            })
            .map(|((_, name), s)| {
                vec![
                    ("user", Value::from(name.as_str())),
                    ("cnt", Value::from(0)),
                    ("cost", Value::from("0.00")),
                    ("balance", Value::from(money(s.balance))),
                ]
            })
            .collect();
        if rows.is_empty() && (user.is_some() || user_id.is_some()) {
            return Err(ApiError::new(
                6,
                "the sub-client with the specified login does not exist",
            ));
        }
        return Ok(render(fmt, "user", &rows, false));
    }
    let user = get(p, "user").ok_or_else(ApiError::params)?.to_string();
    let key = (login.clone(), user.clone());
    if flag(p, "add") {
        if get(p, "password").is_none() || user.contains(char::is_whitespace) {
            return Err(ApiError::params());
        }
        let books = &mut state.account_books;
        if books.subclients.contains_key(&key) {
            return Err(ApiError::new(5, "operation execution error"));
        }
        let id = books.new_id();
        books.subclients.insert(key, Subclient { id, balance: 0 });
        return Ok(confirmation(fmt));
    }
    let unknown = || ApiError::new(6, "the sub-client with the specified login does not exist");
    if flag(p, "chg") {
        let books = &mut state.account_books;
        let sub = books.subclients.remove(&key).ok_or_else(unknown)?;
        let name = get(p, "new_login").unwrap_or(&user).to_string();
        books.subclients.insert((login, name), sub);
        return Ok(confirmation(fmt));
    }
    if flag(p, "pay") {
        let sum = get(p, "sum")
            .and_then(kopecks)
            .filter(|s| *s != 0)
            .ok_or_else(ApiError::params)?;
        let available = state.accounts[i].balance;
        let sub = state
            .account_books
            .subclients
            .get_mut(&key)
            .ok_or_else(unknown)?;
        if sum > available || sub.balance + sum < 0 {
            return Err(ApiError::new(10, "insufficient funds for crediting"));
        }
        sub.balance += sum;
        state.accounts[i].balance -= sum;
        return Ok(confirmation(fmt));
    }
    Err(ApiError::params())
}

fn sender_ok(name: &str) -> bool {
    let digits = name.bytes().all(|b| b.is_ascii_digit());
    (digits && (1..=15).contains(&name.len()))
        || ((1..=11).contains(&name.chars().count())
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || " .-_".contains(c)))
}

/// `senders.php`.
pub(crate) fn senders_php(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let books = &mut state.account_books;
    if flag(p, "get") {
        let rows: Vec<Row> = books
            .senders
            .iter()
            .filter(|((owner, _), _)| *owner == login)
            .map(|((_, id), s)| {
                vec![
                    ("id", Value::from(*id)),
                    ("sender", Value::from(s.name.as_str())),
                    ("status", Value::from(s.status)),
                    ("cmt", Value::from(s.comment.as_str())),
                ]
            })
            .collect();
        return Ok(render(fmt, "sender", &rows, false));
    }
    let sender = get(p, "sender").map(str::to_string);
    if flag(p, "add") {
        let name = sender
            .filter(|s| sender_ok(s))
            .ok_or_else(ApiError::params)?;
        if books
            .senders
            .iter()
            .any(|((o, _), s)| *o == login && s.name == name)
        {
            return Err(ApiError::new(5, "error saving or deleting the sender name"));
        }
        let id = books.new_id();
        let comment = get(p, "cmt").unwrap_or_default().to_string();
        books.senders.insert(
            (login, id),
            Sender {
                name,
                status: 0,
                comment,
            },
        );
        return Ok(confirmation(fmt));
    }
    if flag(p, "send_code") || flag(p, "check_code") {
        let number = sender.ok_or_else(ApiError::params)?;
        if !phone_ok(&number) {
            return Err(ApiError::new(7, "invalid number format"));
        }
        let key = (login.clone(), number.clone());
        if flag(p, "send_code") {
            if !books.codes_sent.insert(key) {
                return Err(ApiError::new(
                    10,
                    "the code has already been sent to this number",
                ));
            }
            return Ok(confirmation(fmt));
        }
        if !books.codes_sent.contains(&key) {
            return Err(ApiError::new(3, "sender name not found"));
        }
        let expected = number
            .get(number.len().saturating_sub(4)..)
            .unwrap_or_default();
        if get(p, "code") != Some(expected) {
            return Err(ApiError::new(11, "invalid confirmation code"));
        }
        let id = books.new_id();
        books.senders.insert(
            (login, id),
            Sender {
                name: number,
                status: 1,
                comment: String::new(),
            },
        );
        return Ok(confirmation(fmt));
    }
    if !(flag(p, "chg") || flag(p, "del")) {
        return Err(ApiError::params());
    }
    let id = get(p, "id")
        .map(|v| v.parse::<u64>().map_err(|_| ApiError::params()))
        .transpose()?;
    let key = books
        .senders
        .iter()
        .find(|((o, sid), s)| {
            *o == login && (Some(*sid) == id || sender.as_deref() == Some(s.name.as_str()))
        })
        .map(|(k, _)| k.clone())
        .ok_or_else(|| ApiError::new(3, "sender name not found"))?;
    if flag(p, "del") {
        books.senders.remove(&key);
    } else if let (Some(s), Some(cmt)) = (books.senders.get_mut(&key), get(p, "cmt")) {
        s.comment = cmt.to_string();
    }
    Ok(confirmation(fmt))
}

/// A minimal PDF standing for an invoice or act.
const PDF: &str = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// `documents.php`: an answer of its own, since a download is a PDF rather than text in `fmt`.
pub(crate) fn documents_php(state: &mut State, p: &Params, fmt: Fmt) -> Result<Answer, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let books = &mut state.account_books;
    let user = match (get(p, "user"), get(p, "user_id")) {
        (Some(user), _) => books
            .subclients
            .contains_key(&(login.clone(), user.to_string()))
            .then(|| user.to_string()),
        (None, Some(id)) => books
            .subclients
            .iter()
            .find(|((main, _), s)| *main == login && s.id.to_string() == id)
            .map(|((_, name), _)| name.clone()),
        (None, None) => return Err(ApiError::params()),
    }
    .ok_or_else(|| ApiError::new(6, "the sub-client with the specified login does not exist"))?;
    let text = |body: String| Answer {
        content_type: fmt.content_type(),
        body,
    };
    if flag(p, "add_account") {
        get(p, "sum")
            .and_then(kopecks)
            .filter(|s| *s > 0)
            .ok_or_else(ApiError::params)?;
        let id = books.new_id();
        books.invoices.insert((login, id), user);
        return Ok(text(match fmt {
            Fmt::Text => format!("OK, ID = {id}"),
            Fmt::Csv => id.to_string(),
            Fmt::Xml => format!("<result><id>{id}</id></result>"),
            Fmt::Json => format!("{{\"id\": {id}}}"),
        }));
    }
    let found = if flag(p, "get_account") {
        let id = number(p, "id")?;
        books
            .invoices
            .get(&(login, id))
            .is_some_and(|owner| *owner == user)
    } else if flag(p, "get_act") {
        get(p, "id").is_some() || get(p, "num").is_some()
    } else {
        return Err(ApiError::params());
    };
    if !found {
        return Err(not_found());
    }
    Ok(Answer {
        content_type: "application/pdf",
        body: PDF.to_string(),
    })
}
