//! Mailing lists (`jobs.php`), message templates (`templates.php`), operator templates
//! (`op_templates.php`) and event notifications (`ping.php`), kept per account.
//!
//! `jobs.php` answers as <https://smscentre.com/api/http/jobs/jobs_answer> shows: creation as
//! `OK, ID - <id>[, COST - <cost>]`, `<id>[,<cost>]`, XML and JSON; disabling and deleting as
//! `OK`, `<result>OK</result>` and `{"result": "OK"}`; error 1 for missing or malformed
//! parameters, 5 for a bad date, 9 for an identical action repeated within a minute. Where the
//! pages stop — the layout of a listed mailing list or template, what an unknown id answers, the
//! success answers of the other scripts — the emulator chooses: records as `key = value` lines,
//! comma lines, `<result><job>…</job></result>` and JSON arrays; error 3 ("error saving a
//! record") for a mailing list that does not exist or can no longer be disabled; error 1 for an
//! unknown template; `OK` confirmations elsewhere. A mailing list is stored with the cost of one
//! run and status -1 (waiting), -2 (stopped) once disabled; it sends nothing and costs nothing.

use std::collections::{BTreeMap, VecDeque};

use serde_json::{json, Value};

use crate::api::{authenticate, part_price, parts, phone_ok, ApiError, Params};
use crate::dates::{moscow_date, send_time};
use crate::format::{Fields, Fmt};
use crate::state::{money, State};

/// What the four scripts remember, for every account.
#[derive(Default)]
pub struct Books {
    next_id: u64,
    jobs: BTreeMap<(String, u64), Job>,
    templates: BTreeMap<(String, u64), Template>,
    operator_templates: Vec<OperatorTemplate>,
    /// Event notifications accepted: (login, task group, name, host, info, ok).
    pub events: Vec<(String, String, String, String, String, bool)>,
    /// Recent mailing-list actions, for the one-identical-request-a-minute limit.
    recent: VecDeque<(i64, String)>,
}

impl Books {
    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

struct Job {
    name: String,
    phones: String,
    text: String,
    cost: i64,
    status: i64,
    created: i64,
}

struct Template {
    name: String,
    text: String,
    format: String,
    sender: String,
    autosign: bool,
}

struct OperatorTemplate {
    login: String,
    sender: String,
    text: String,
    name: &'static str,
    id: u64,
}

fn params_error() -> ApiError {
    ApiError::params()
}

pub(crate) fn confirmation(fmt: Fmt) -> String {
    match fmt {
        Fmt::Json => "{\"result\": \"OK\"}".into(),
        Fmt::Xml => "<result>OK</result>".into(),
        Fmt::Text | Fmt::Csv => "OK".into(),
    }
}

/// The creation answer of jobs.php, also used for a new message template.
fn created(fmt: Fmt, id: u64, cost: Option<i64>) -> String {
    match (fmt, cost) {
        (Fmt::Text, None) => format!("OK, ID - {id}"),
        (Fmt::Text, Some(c)) => format!("OK, ID - {id}, COST - {}", money(c)),
        (Fmt::Csv, None) => id.to_string(),
        (Fmt::Csv, Some(c)) => format!("{id},{}", money(c)),
        (Fmt::Xml, None) => format!("<result><id>{id}</id></result>"),
        (Fmt::Xml, Some(c)) => format!("<result><id>{id}</id><cost>{}</cost></result>", money(c)),
        (Fmt::Json, None) => format!("{{\"id\": {id}}}"),
        (Fmt::Json, Some(c)) => format!("{{\"id\": {id}, \"cost\": \"{}\"}}", money(c)),
    }
}

/// A record: fields in a fixed order.
pub(crate) type Row = Vec<(&'static str, Value)>;

fn fields(row: &Row) -> Fields {
    let mut f = Fields::new();
    for (k, v) in row {
        f.set(k, v.clone());
    }
    f
}

/// Renders records in `fmt`: a JSON array (an object for `one`), XML elements named `item`
/// inside `<result>` (the fields of `<result>` for `one`), `key = value` lines, and comma lines
/// of the values.
pub(crate) fn render(fmt: Fmt, item: &str, rows: &[Row], one: bool) -> String {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match fmt {
        Fmt::Json if one => rows
            .first()
            .map_or_else(|| "{}".into(), |r| fields(r).json()),
        Fmt::Json => {
            let items: Vec<String> = rows.iter().map(|r| fields(r).json()).collect();
            format!("[{}]", items.join(", "))
        }
        Fmt::Xml if one => format!(
            "<result>{}</result>",
            rows.first().map(|r| fields(r).xml()).unwrap_or_default()
        ),
        Fmt::Xml => {
            let items: String = rows
                .iter()
                .map(|r| format!("<{item}>{}</{item}>", fields(r).xml()))
                .collect();
            format!("<result>{items}</result>")
        }
        Fmt::Text => rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|(k, v)| format!("{k} = {}", text(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Fmt::Csv => rows
            .iter()
            .map(|r| r.iter().map(|(_, v)| text(v)).collect::<Vec<_>>().join(","))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

pub(crate) fn flag(p: &Params, name: &str) -> bool {
    p.get(name).is_some_and(|v| v == "1")
}

fn positive_id(p: &Params) -> Result<u64, ApiError> {
    p.get("id")
        .and_then(|id| id.trim().parse::<u64>().ok())
        .filter(|id| *id > 0)
        .ok_or_else(params_error)
}

/// `DD.MM.YYYY` as (year, month, day).
pub(crate) fn day(text: &str) -> Option<(i64, i64, i64)> {
    let mut it = text.trim().split('.');
    let (d, m, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || d.len() != 2 || m.len() != 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((y, m, d))
}

/// `jobs.php`.
pub(crate) fn jobs(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let now = state.now();
    let action = ["add", "del", "cancel"].into_iter().find(|a| flag(p, a));
    if let Some(action) = action {
        // "More than one identical request for actions with mailing lists within a minute."
        let mut key: Vec<String> = p
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "fmt" | "charset"))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        key.sort();
        let key = format!("{login}\n{action}\n{}", key.join("&"));
        let books = &mut state.jobs;
        while books.recent.front().is_some_and(|(t, _)| now - t >= 60) {
            books.recent.pop_front();
        }
        if books.recent.iter().any(|(_, k)| *k == key) {
            return Err(ApiError::new(9, "duplicate request, wait a minute"));
        }
        books.recent.push_back((now, key));
    }
    match action {
        Some("add") => add_job(state, &login, p, fmt, now),
        Some(_) => {
            let id = positive_id(p)?;
            let job = state
                .jobs
                .jobs
                .get_mut(&(login.clone(), id))
                .ok_or(ApiError::new(3, "record not found"))?;
            if flag(p, "del") {
                state.jobs.jobs.remove(&(login, id));
            } else if job.status == -1 {
                job.status = -2;
            } else {
                return Err(ApiError::new(3, "the mailing list is not waiting"));
            }
            Ok(confirmation(fmt))
        }
        None if flag(p, "get") => {
            let id = positive_id(p)?;
            let job = state
                .jobs
                .jobs
                .get(&(login, id))
                .ok_or(ApiError::new(3, "record not found"))?;
            Ok(render(fmt, "job", &[job_fields(id, job)], true))
        }
        None if flag(p, "get_all") => {
            let bound = |name: &str| -> Result<Option<(i64, i64, i64)>, ApiError> {
                p.get(name)
                    .map(|d| day(d).ok_or(ApiError::new(5, "invalid date format")))
                    .transpose()
            };
            let (start, end) = (bound("start")?, bound("end")?);
            let records: Vec<Row> = state
                .jobs
                .jobs
                .iter()
                .filter(|((owner, _), _)| *owner == login)
                .filter(|(_, job)| {
                    let created = day(&moscow_date(job.created)[..10]);
                    start.is_none_or(|s| created >= Some(s))
                        && end.is_none_or(|e| created <= Some(e))
                })
                .map(|((_, id), job)| job_fields(*id, job))
                .collect();
            Ok(render(fmt, "job", &records, false))
        }
        None => Err(params_error()),
    }
}

fn job_fields(id: u64, job: &Job) -> Row {
    vec![
        ("id", json!(id)),
        ("status", json!(job.status)),
        ("cost", json!(money(job.cost))),
        ("created", json!(moscow_date(job.created))),
        ("phones", json!(job.phones)),
        ("name", json!(job.name)),
        ("mes", json!(job.text)),
    ]
}

fn add_job(
    state: &mut State,
    login: &str,
    p: &Params,
    fmt: Fmt,
    now: i64,
) -> Result<String, ApiError> {
    let name = p
        .get("name")
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(params_error)?;
    let phones = p.get("phones").ok_or_else(params_error)?;
    let tz = p.get("tz").and_then(|t| t.trim().parse().ok()).unwrap_or(0);
    if p.get("time")
        .is_some_and(|t| send_time(t, tz, now).is_none())
    {
        return Err(ApiError::new(5, "invalid date format"));
    }
    if p.get("rpt")
        .is_some_and(|r| !r.parse::<u8>().is_ok_and(|r| r <= 7))
    {
        return Err(params_error());
    }
    let text = match (p.get("mes"), p.get("tpl")) {
        (Some(mes), None) if !mes.trim().is_empty() && mes.chars().count() <= 1000 => mes.clone(),
        (None, Some(tpl)) => {
            let id = tpl.parse::<u64>().map_err(|_| params_error())?;
            state
                .jobs
                .templates
                .get(&(login.to_string(), id))
                .map(|t| t.text.clone())
                .ok_or_else(params_error)?
        }
        _ => return Err(params_error()),
    };
    let list: Vec<&str> = phones
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mail = flag(p, "mail");
    let recipient_ok = |r: &&str| {
        if mail {
            r.contains('@')
        } else {
            phone_ok(r)
                || (r.starts_with('G') && r.len() > 1 && r[1..].bytes().all(|b| b.is_ascii_digit()))
        }
    };
    if list.is_empty() || !list.iter().all(recipient_ok) {
        return Err(params_error());
    }
    let n_parts = i64::from(parts(&text));
    let cost = list.iter().map(|r| part_price(r) * n_parts).sum();
    let id = state.jobs.new_id();
    state.jobs.jobs.insert(
        (login.to_string(), id),
        Job {
            name: name.clone(),
            phones: list.join(","),
            text,
            cost,
            status: -1,
            created: now,
        },
    );
    let report = p.get("cost").is_some_and(|c| c == "1");
    Ok(created(fmt, id, report.then_some(cost)))
}

/// The template formats templates.php takes.
const FORMATS: [&str; 9] = [
    "", "sms", "flash", "bin", "push", "mms", "call", "mail", "viber",
];

/// `templates.php`.
pub(crate) fn templates(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    if p.get("format")
        .is_some_and(|f| !FORMATS.contains(&f.as_str()))
    {
        return Err(params_error());
    }
    let books = &mut state.jobs;
    if flag(p, "add") {
        let (Some(name), Some(text)) = (p.get("name"), p.get("msg")) else {
            return Err(params_error());
        };
        if name.trim().is_empty() || text.trim().is_empty() {
            return Err(params_error());
        }
        let id = books.new_id();
        books.templates.insert(
            (login, id),
            Template {
                name: name.clone(),
                text: text.clone(),
                format: p.get("format").cloned().unwrap_or_default(),
                sender: p.get("sender").cloned().unwrap_or_default(),
                autosign: flag(p, "fl[1]"),
            },
        );
        return Ok(created(fmt, id, None));
    }
    if flag(p, "chg") || flag(p, "del") {
        let id = positive_id(p)?;
        let key = (login, id);
        if flag(p, "del") {
            books.templates.remove(&key).ok_or_else(params_error)?;
            return Ok(confirmation(fmt));
        }
        let t = books.templates.get_mut(&key).ok_or_else(params_error)?;
        if let Some(name) = p.get("name") {
            t.name = name.clone();
        }
        if let Some(text) = p.get("msg") {
            t.text = text.clone();
        }
        if let Some(format) = p.get("format") {
            t.format = format.clone();
        }
        if let Some(sender) = p.get("sender") {
            t.sender = sender.clone();
        }
        if let Some(on) = p.get("fl[1]") {
            t.autosign = on == "1";
        }
        return Ok(confirmation(fmt));
    }
    if flag(p, "get") {
        let records: Vec<Row> = books
            .templates
            .iter()
            .filter(|((owner, _), _)| *owner == login)
            .map(|((_, id), t)| {
                vec![
                    ("id", json!(id)),
                    ("format", json!(t.format)),
                    ("sender", json!(t.sender)),
                    ("autosign", json!(u8::from(t.autosign))),
                    ("name", json!(t.name)),
                    ("msg", json!(t.text)),
                ]
            })
            .collect();
        return Ok(render(fmt, "template", &records, false));
    }
    Err(params_error())
}

/// The operator flags of op_templates.php, with the name the emulator lists each under.
const OPERATOR_FLAGS: [(&str, &str); 14] = [
    ("mts_srv", "MTS service"),
    ("mts_auth", "MTS authorisation"),
    ("mts_trn", "MTS transactional"),
    ("mega_srv", "MegaFon service"),
    ("mega_auth", "MegaFon authorisation"),
    ("mega_trn", "MegaFon transactional"),
    ("mega_adv", "MegaFon advertising"),
    ("bee_srv", "Beeline service"),
    ("bee_trn", "Beeline transactional"),
    ("tele2_srv", "Tele2 service"),
    ("tele2_trn", "Tele2 transactional"),
    ("motiv_srv", "Motiv service"),
    ("motiv_trn", "Motiv transactional"),
    ("soc", "Social networks"),
];

/// `op_templates.php`.
pub(crate) fn op_templates(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let (Some(sender), Some(text)) = (p.get("sender"), p.get("msg")) else {
        return Err(params_error());
    };
    let books = &mut state.jobs;
    if flag(p, "add") {
        let chosen: Vec<&'static str> = OPERATOR_FLAGS
            .iter()
            .filter(|(f, _)| flag(p, f))
            .map(|(_, name)| *name)
            .collect();
        if chosen.is_empty() || text.trim().is_empty() {
            return Err(params_error());
        }
        for name in chosen {
            let id = books.new_id();
            books.operator_templates.push(OperatorTemplate {
                login: login.clone(),
                sender: sender.clone(),
                text: text.clone(),
                name,
                id,
            });
        }
        return Ok(confirmation(fmt));
    }
    if flag(p, "get") {
        let records: Vec<Row> = books
            .operator_templates
            .iter()
            .filter(|t| t.login == login && t.sender == *sender && t.text == *text)
            .map(|t| vec![("id", json!(t.id.to_string())), ("name", json!(t.name))])
            .collect();
        return Ok(render(fmt, "template", &records, false));
    }
    Err(params_error())
}

/// `ping.php`.
pub(crate) fn ping(state: &mut State, p: &Params, fmt: Fmt) -> Result<String, ApiError> {
    let i = authenticate(state, p)?;
    let login = state.accounts[i].login.clone();
    let id = positive_id(p)?;
    let field = |name: &str| p.get(name).cloned().unwrap_or_default();
    state.jobs.events.push((
        login,
        id.to_string(),
        field("name"),
        field("host"),
        field("info"),
        flag(p, "ok"),
    ));
    Ok(confirmation(fmt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_in_every_format() {
        let r = vec![vec![("id", json!(1)), ("name", json!("A, b"))]];
        assert_eq!(
            render(Fmt::Json, "job", &r, false),
            r#"[{"id": 1, "name": "A, b"}]"#
        );
        assert_eq!(
            render(Fmt::Json, "job", &r, true),
            r#"{"id": 1, "name": "A, b"}"#
        );
        assert_eq!(
            render(Fmt::Xml, "job", &r, false),
            "<result><job><id>1</id><name>A, b</name></job></result>"
        );
        assert_eq!(render(Fmt::Text, "job", &r, false), "id = 1, name = A, b");
        assert_eq!(render(Fmt::Csv, "job", &r, false), "1,A, b");
        assert_eq!(render(Fmt::Json, "job", &[], false), "[]");
        assert_eq!(render(Fmt::Xml, "job", &[], false), "<result></result>");
    }
}
