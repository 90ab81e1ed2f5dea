//! Answer rendering: every script's results in the four `fmt` layouts of the SMSC documentation
//! (<https://smscentre.com/api/http/>). The layouts the pages show are followed to the character;
//! where a page could not be read the choice made is marked in a comment.
//!
//! JSON is written by hand from ordered key lists, in the documentation's style
//! (`{"balance": "250.80"}`): keys stay in the documented order, which a map would sort.

use serde_json::Value;

use crate::dates::moscow_date;
use crate::state::{money, Message};

/// The answer format asked for with `fmt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fmt {
    /// `fmt=0`, the default: readable lines such as `OK - 1 SMS, ID - 1`.
    Text,
    /// `fmt=1`: comma-separated values.
    Csv,
    /// `fmt=2`: XML.
    Xml,
    /// `fmt=3`: JSON.
    Json,
}

impl Fmt {
    /// The format a `fmt` parameter asks for; anything unknown is the default text.
    pub fn from_param(fmt: Option<&str>) -> Self {
        match fmt.map(str::trim) {
            Some("1") => Fmt::Csv,
            Some("2") => Fmt::Xml,
            Some("3") => Fmt::Json,
            _ => Fmt::Text,
        }
    }

    /// The content type of answers in this format. Answers are always UTF-8, whatever `charset`
    /// asked for, and say so.
    pub fn content_type(self) -> &'static str {
        match self {
            Fmt::Json => "application/json; charset=utf-8",
            Fmt::Xml => "application/xml; charset=utf-8",
            Fmt::Text | Fmt::Csv => "text/plain; charset=utf-8",
        }
    }
}

/// A rendered answer with its content type.
#[derive(Debug)]
pub struct Answer {
    /// Content type.
    pub content_type: &'static str,
    /// Body text.
    pub body: String,
}

/// Fields in a fixed order, rendered as a JSON object or as XML elements.
#[derive(Clone, Debug, Default)]
pub struct Fields(Vec<(&'static str, Value)>);

impl Fields {
    /// No fields.
    pub fn new() -> Self {
        Fields(Vec::new())
    }

    /// Adds a field, or replaces the value of one already there (keeping its place).
    pub fn set(&mut self, key: &'static str, value: impl Into<Value>) -> &mut Self {
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
        self
    }

    /// `{"key": value, …}`.
    pub fn json(&self) -> String {
        let members: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("{}: {v}", Value::from(*k)))
            .collect();
        format!("{{{}}}", members.join(", "))
    }

    /// `<key>value</key>…`, text escaped.
    pub fn xml(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| {
                let text = match v {
                    Value::String(s) => xml_escape(s),
                    other => other.to_string(),
                };
                format!("<{k}>{text}</{k}>")
            })
            .collect()
    }
}

/// A JSON array of objects, in the same style.
fn json_array(items: &[Fields]) -> String {
    let items: Vec<String> = items.iter().map(Fields::json).collect();
    format!("[{}]", items.join(", "))
}

/// Escapes the characters XML gives meaning to.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A message id as JSON: SMSC's numeric ids are numbers; an id the client chose as text (or a
/// number with leading zeros, which would not survive as a number) stays a string.
pub fn id_value(id: &str) -> Value {
    let canonical = !id.is_empty() && (id == "0" || !id.starts_with('0'));
    match id.parse::<u64>() {
        Ok(n) if canonical => Value::from(n),
        _ => Value::from(id),
    }
}

/// The error envelope, identical for every script
/// (<https://smscentre.com/api/http/send/sms/sms_answer/>); send.php errors raised once the
/// message has an id (3, 6, 7, 8) carry it.
pub fn error(fmt: Fmt, code: i64, text: &str, id: Option<&str>) -> String {
    match fmt {
        Fmt::Text => match id {
            Some(id) => format!("ERROR = {code} ({text}), ID - {id}"),
            None => format!("ERROR = {code} ({text})"),
        },
        Fmt::Csv => format!("{},-{code}", id.unwrap_or("0")),
        Fmt::Xml | Fmt::Json => {
            let mut f = Fields::new();
            f.set("error", text).set("error_code", code);
            if let Some(id) = id {
                f.set("id", id_value(id));
            }
            match fmt {
                Fmt::Xml => format!("<result>{}</result>", f.xml()),
                _ => f.json(),
            }
        }
    }
}

/// What balance.php reports.
#[derive(Debug)]
pub struct BalanceView<'a> {
    /// Balance in kopecks.
    pub balance: i64,
    /// Credit limit in kopecks; shown only when not zero.
    pub credit: i64,
    /// The currency, when `cur=1` asked for it.
    pub currency: Option<&'a str>,
}

/// balance.php (<https://smscentre.com/api/http/balance/balance_answer>): fmt 0 and 1 are the
/// same, `250.80`, with `cur=1` `250.80,RUB`, or `250.80,100.00,RUB` with a credit limit; the
/// credit shows in the text formats only beside the currency, as the page words it.
pub fn balance(fmt: Fmt, b: &BalanceView) -> String {
    let credit = (b.credit != 0).then(|| money(b.credit));
    match fmt {
        Fmt::Text | Fmt::Csv => {
            let mut fields = vec![money(b.balance)];
            if let Some(cur) = b.currency {
                fields.extend(credit);
                fields.push(cur.to_string());
            }
            fields.join(",")
        }
        Fmt::Xml | Fmt::Json => {
            let mut f = Fields::new();
            f.set("balance", money(b.balance));
            if let Some(c) = credit {
                f.set("credit", c);
            }
            if let Some(cur) = b.currency {
                f.set("currency", cur);
            }
            match fmt {
                Fmt::Xml => format!("<result>{}</result>", f.xml()),
                _ => f.json(),
            }
        }
    }
}

/// What send.php reports for messages that went out.
#[derive(Debug)]
pub struct SendView<'a> {
    /// The message id.
    pub id: &'a str,
    /// SMS count: parts times recipients.
    pub sms: i64,
    /// Total cost in kopecks.
    pub cost: i64,
    /// Balance after the debit, in kopecks.
    pub balance: i64,
    /// `cost`: 2 adds the cost to the answer, 3 the cost and the new balance.
    pub cost_mode: u8,
}

/// send.php (<https://smscentre.com/api/http/send/sms/sms_answer/>). The fmt=0 wording with
/// `cost` 2 and 3 and the XML element names are not on the readable pages; they follow the jobs
/// answer (`, COST - …`) and the JSON keys.
pub fn sent(fmt: Fmt, s: &SendView) -> String {
    let (cost, balance) = (money(s.cost), money(s.balance));
    let with_cost = s.cost_mode >= 2;
    let with_balance = s.cost_mode == 3;
    match fmt {
        Fmt::Text => {
            let mut out = format!("OK - {} SMS, ID - {}", s.sms, s.id);
            if with_cost {
                out += &format!(", COST - {cost}");
            }
            if with_balance {
                out += &format!(", BALANCE - {balance}");
            }
            out
        }
        Fmt::Csv => {
            let mut fields = vec![s.id.to_string(), s.sms.to_string()];
            if with_cost {
                fields.push(cost.clone());
            }
            if with_balance {
                fields.push(balance.clone());
            }
            fields.join(",")
        }
        Fmt::Xml | Fmt::Json => {
            let mut f = Fields::new();
            // The XML order follows the inferred `<cnt>…</cnt><id>…</id>`, JSON the documented
            // `{"id": …, "cnt": …}`.
            if fmt == Fmt::Xml {
                f.set("cnt", s.sms).set("id", id_value(s.id));
            } else {
                f.set("id", id_value(s.id)).set("cnt", s.sms);
            }
            if with_cost {
                f.set("cost", cost);
            }
            if with_balance {
                f.set("balance", balance);
            }
            match fmt {
                Fmt::Xml => format!("<result>{}</result>", f.xml()),
                _ => f.json(),
            }
        }
    }
}

/// send.php with `cost=1`: the price, nothing sent.
pub fn priced(fmt: Fmt, sms: i64, cost: i64) -> String {
    let cost = money(cost);
    match fmt {
        Fmt::Text => format!("COST - {cost}, SMS - {sms}"),
        Fmt::Csv => format!("{cost},{sms}"),
        Fmt::Xml => format!("<result><cnt>{sms}</cnt><cost>{cost}</cost></result>"),
        Fmt::Json => Fields::new().set("cnt", sms).set("cost", cost).json(),
    }
}

/// The documented name of a status code
/// (<https://smscentre.com/api/http/status_messages/statuses/>).
pub fn status_name(status: i64) -> &'static str {
    match status {
        -3 => "Message not found",
        -2 => "Stopped",
        -1 => "Waiting to be sent",
        0 => "Transferred to operator",
        1 => "Delivered",
        2 => "Read",
        3 => "Expired",
        4 => "Link clicked",
        20 => "Impossible to deliver",
        22 => "Invalid number",
        23 => "Forbidden",
        24 => "Insufficient funds",
        25 => "Unavailable number",
        _ => "Unknown status",
    }
}

/// The subscriber data `all=2` adds: the emulator has no number database.
const COUNTRY: &str = "Russia";
const OPERATOR: &str = "Emulated Operator";
const REGION: &str = "";

/// One message's status as status.php reports it.
#[derive(Debug)]
pub struct StatusView<'a> {
    /// The id asked about.
    pub id: &'a str,
    /// The phone asked about.
    pub phone: &'a str,
    /// Status code (-3 when no such message).
    pub status: i64,
    /// Error code inside the status.
    pub err: i64,
    /// Unix time of the last change (of the check, for an unknown message).
    pub last: i64,
    /// The message, when it exists.
    pub message: Option<&'a Message>,
}

/// A status as ordered fields: the base keys, `all=1` keys, `all=2` keys, and for an answer about
/// several messages `id` and `phone` (<https://smscentre.com/api/http/status_messages/status_answer>).
fn status_fields(v: &StatusView, all: u8, several: bool) -> Fields {
    let mut f = Fields::new();
    let flag = v.message.map_or(0, |m| m.kind);
    f.set("status", v.status)
        .set("last_date", moscow_date(v.last))
        .set("last_timestamp", v.last)
        .set("flag", flag)
        .set("err", v.err);
    if let (true, Some(m)) = (all >= 1, v.message) {
        f.set("send_date", moscow_date(m.due()))
            .set("send_timestamp", m.due())
            .set("phone", m.phone.as_str())
            .set("cost", money(m.cost))
            .set("sender_id", m.sender.as_str())
            .set("status_name", status_name(v.status))
            .set("message", m.text.as_str())
            .set("comment", "")
            .set("type", m.kind)
            .set("sms_cnt", m.parts);
        if all >= 2 {
            f.set("country", COUNTRY)
                .set("operator", OPERATOR)
                .set("region", REGION);
        }
    }
    if several {
        f.set("id", id_value(v.id)).set("phone", v.phone);
    }
    f
}

/// status.php. One message: a line, an object or an `<sms>` element. Several (more than one id,
/// or a trailing comma): a JSON array, `<result><sms>…</sms>…</result>`, or one line each.
pub fn statuses(fmt: Fmt, all: u8, several: bool, views: &[StatusView]) -> String {
    match fmt {
        Fmt::Json => {
            let items: Vec<Fields> = views
                .iter()
                .map(|v| status_fields(v, all, several))
                .collect();
            match (several, items.first()) {
                (false, Some(one)) => one.json(),
                _ => json_array(&items),
            }
        }
        Fmt::Xml => {
            let body: String = views
                .iter()
                .map(|v| format!("<sms>{}</sms>", status_fields(v, all, several).xml()))
                .collect();
            if several {
                format!("<result>{body}</result>")
            } else {
                body
            }
        }
        Fmt::Text => lines(views, |v| status_text(v, all, several)),
        Fmt::Csv => lines(views, |v| status_csv(v, all, several)),
    }
}

fn lines(views: &[StatusView], line: impl Fn(&StatusView) -> String) -> String {
    views.iter().map(line).collect::<Vec<_>>().join("\n")
}

/// fmt=0: `Status = 1, check_time = 10.10.2010 10:10:10, err = 0` and, with `all`, the
/// documented `send_date = …, …, type = 0`. `all=2` appends country, operator and region (their
/// place in this layout is not shown on the page). A line about one of several messages ends with
/// `, id = <id>, phone = <phone>`: the page shows no several-message text answer, so this is the
/// emulator's own choice.
fn status_text(v: &StatusView, all: u8, several: bool) -> String {
    let mut s = format!(
        "Status = {}, check_time = {}, err = {}",
        v.status,
        moscow_date(v.last),
        v.err
    );
    if let (true, Some(m)) = (all >= 1, v.message) {
        s += &format!(
            ", send_date = {}, phone = {}, cost = {}, sender_id = {}, status_name = {}, \
             message = {}, comment = , type = {}",
            moscow_date(m.due()),
            m.phone,
            money(m.cost),
            m.sender,
            status_name(v.status),
            m.text,
            m.kind
        );
        if all >= 2 {
            s += &format!(", country = {COUNTRY}, operator = {OPERATOR}, region = {REGION}");
        }
    }
    if several {
        s += &format!(", id = {}, phone = {}", v.id, v.phone);
    }
    s
}

/// fmt=1: `<status>,<last_timestamp>,<err>`; with `all`
/// `…,<send_timestamp>,<phone>,<cost>,<sender>,<status_name>,<message>` (the text last, as SMSC's
/// libraries read it, since it may hold commas; `all=2` writes the same line because where its
/// three extra fields go is not documented). A line about one of several messages is
/// `<status>,<last_timestamp>,<err>,<id>,<phone>` whatever `all` says.
fn status_csv(v: &StatusView, all: u8, several: bool) -> String {
    let mut s = format!("{},{},{}", v.status, v.last, v.err);
    if several {
        s += &format!(",{},{}", v.id, v.phone);
    } else if let (true, Some(m)) = (all >= 1, v.message) {
        s += &format!(
            ",{},{},{},{},{},{}",
            m.due(),
            m.phone,
            money(m.cost),
            m.sender,
            status_name(v.status),
            m.text
        );
    }
    s
}

/// status.php with `del=1`, once the messages are gone. The delete page could not be read:
/// `OK`, `<result>OK</result>` and `{"result": "OK"}` are the emulator's reading.
pub fn deleted(fmt: Fmt) -> String {
    match fmt {
        Fmt::Text | Fmt::Csv => "OK".into(),
        Fmt::Xml => "<result>OK</result>".into(),
        Fmt::Json => Fields::new().set("result", "OK").json(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_envelopes() {
        assert_eq!(
            error(Fmt::Text, 2, "authorise error", None),
            "ERROR = 2 (authorise error)"
        );
        assert_eq!(
            error(Fmt::Text, 3, "no money", Some("5")),
            "ERROR = 3 (no money), ID - 5"
        );
        assert_eq!(error(Fmt::Csv, 2, "x", None), "0,-2");
        assert_eq!(error(Fmt::Csv, 7, "x", Some("a-1")), "a-1,-7");
        assert_eq!(
            error(Fmt::Xml, 1, "parameters error", None),
            "<result><error>parameters error</error><error_code>1</error_code></result>"
        );
        assert_eq!(
            error(Fmt::Json, 3, "no money", Some("12")),
            r#"{"error": "no money", "error_code": 3, "id": 12}"#
        );
        assert_eq!(
            error(Fmt::Json, 3, "no money", Some("order-1")),
            r#"{"error": "no money", "error_code": 3, "id": "order-1"}"#
        );
    }

    #[test]
    fn ids_and_escapes() {
        assert_eq!(id_value("42"), Value::from(42));
        assert_eq!(id_value("042"), Value::from("042"));
        assert_eq!(id_value("a.b"), Value::from("a.b"));
        assert_eq!(xml_escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        let mut f = Fields::new();
        f.set("message", "say \"hi\"\n")
            .set("n", 1)
            .set("message", "x");
        assert_eq!(f.json(), r#"{"message": "x", "n": 1}"#);
    }
}
