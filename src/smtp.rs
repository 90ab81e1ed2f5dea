//! The SMTP route: the e-mail a program hands to its own SMTP client to send a message.
//!
//! Page: <https://smscentre.com/api/smtp/send>. The e-mail goes to `send@send.<host>` (the
//! service's own SMTP server, `send.<host>`, needs no authorisation) with the body
//! `<login>:<psw>:<id>:<time>,<tz>:<translit>,<format>,<sender>,<test>:<phones>:<mes>` or, for
//! different texts, `…:<test>::<list>`. With an empty login, `psw` is read as the API key. The
//! charset is named in the `Content-Type` header (the library writes UTF-8); an e-mail may be at
//! most 100 KB. `format` is the message type as SMSC's own libraries number it (0 SMS, 1 flash,
//! 2 WAP-push, 3 HLR, 4 and 5 binary, 6 ping, 7 MMS, 8 e-mail, 9 call, 10 Viber).
//!
//! Fields are separated by `:` and `,`, so the fields before the text may not contain them:
//! the time must be given in a form without a colon.

use crate::ops::fields::params;
use serde::Serialize;

use crate::client::{Client, Credentials};
use crate::error::{Error, Result};
use crate::ops::choices::Translit;
use crate::ops::send::ListEntry;
use crate::ops::validate::{self, MessageId, Phones};

/// The largest e-mail the service accepts.
const MAX_EMAIL_BYTES: usize = 100 * 1024;

params! {
    /// What to send by e-mail.
    #[derive(Debug, Clone, Default, PartialEq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct SmtpParams {
        /// Recipients (phones, or `G<group>`).
        pub phones: Option<Phones>,
        /// The text.
        pub message: Option<String> [alias = "mes"],
        /// Different texts to different recipients, instead of `phones` and `message`.
        pub list: Option<Vec<ListEntry>>,
        /// Your message id.
        pub id: Option<MessageId>,
        /// When to send, in a form without a colon: `DDMMYYhhmm`, `h1-h2`, `0<unix time>`, `+<minutes>`.
        pub time: Option<String>,
        /// Time zone of `time`, hours relative to Moscow.
        pub tz: Option<i32>,
        /// How the text is transliterated: not at all (default), in Latin letters, or "mpaHc/Ium".
        pub translit: Option<Translit>,
        /// Message type, numbered as SMSC's libraries do (0 SMS … 10 Viber).
        pub format: Option<u8>,
        /// Sender name.
        pub sender: Option<String>,
        /// Test mode: the message is not really sent.
        pub test: bool [default],
    }
}

/// An e-mail ready for any SMTP client.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SmtpMessage {
    /// The address to send it to.
    pub to: String,
    /// The SMTP server of the service, which needs no authorisation.
    pub server: String,
    /// Headers to set, `Content-Type` among them.
    pub headers: std::collections::BTreeMap<String, String>,
    /// The plain-text body; it holds the credentials.
    pub body: String,
}

impl std::fmt::Debug for SmtpMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The body starts with login:password; show only what follows them.
        let shown = self.body.splitn(3, ':').nth(2).unwrap_or("");
        f.debug_struct("SmtpMessage")
            .field("to", &self.to)
            .field("server", &self.server)
            .field("headers", &self.headers)
            .field("body", &format!("***:***:{shown}"))
            .finish()
    }
}

/// A field before the text may not hold the separators `:` and `,`, nor line breaks.
fn plain_field(field: &str, value: &str) -> Result<()> {
    if value.contains([':', ',', '\n', '\r']) {
        return Err(Error::invalid(
            field,
            format!("{value:?} may not contain ':', ',' or line breaks in an e-mail to SMSC"),
        ));
    }
    Ok(())
}

impl Client {
    /// Builds the e-mail that sends a message through SMSC's SMTP route.
    pub fn smtp_message(&self, params: &SmtpParams) -> Result<SmtpMessage> {
        let (login, psw) = match self.credentials() {
            Credentials::Login { login, password } => (login.as_str(), password.expose()),
            Credentials::ApiKey(key) => ("", key.expose()),
        };
        plain_field("login", login)?;
        if psw.contains([':', '\n', '\r']) {
            return Err(Error::invalid(
                "password",
                "contains ':' or a line break, which the e-mail format cannot carry; use the HTTP API",
            ));
        }
        let id = params
            .id
            .as_ref()
            .map(|id| id.checked("id"))
            .transpose()?
            .unwrap_or_default();
        let time = match &params.time {
            Some(t) => {
                validate::send_time("time", t)?;
                plain_field("time", t.trim())?;
                t.trim().to_string()
            }
            None => String::new(),
        };
        let tz = params.tz.map(|tz| tz.to_string()).unwrap_or_default();
        if let Some(tz) = params.tz {
            validate::in_range("tz", tz, -24, 24)?;
        }
        let translit = params.translit.unwrap_or(Translit::None);
        let format = params.format.unwrap_or(0);
        validate::in_range("format", format, 0, 11)?;
        let sender = params.sender.clone().unwrap_or_default();
        validate::sender("sender", &sender)?;
        plain_field("sender", &sender)?;
        let head = format!(
            "{login}:{psw}:{id}:{time},{tz}:{translit},{format},{sender},{}",
            u8::from(params.test)
        );
        let tail = match (&params.list, &params.phones, &params.message) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return Err(Error::invalid(
                    "list",
                    "give either `list` or `phones` and `message`, not both",
                ))
            }
            (Some(list), None, None) => {
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
                        return Err(Error::invalid(field, "a text in a list must be one line"));
                    }
                    lines.push(format!("{phones}:{}", entry.message));
                }
                format!(":{}", lines.join("\n"))
            }
            (None, phones, message) => {
                let phones = phones
                    .as_ref()
                    .ok_or_else(|| Error::invalid("phones", crate::ops::validate::NO_RECIPIENTS))?
                    .checked_with_groups("phones")?;
                let message = message
                    .as_deref()
                    .ok_or_else(|| Error::invalid("message", "the message text is missing"))?;
                validate::message("message", message)?;
                format!("{phones}:{message}")
            }
        };
        let body = format!("{head}:{tail}");
        if body.len() > MAX_EMAIL_BYTES {
            return Err(Error::invalid(
                "list",
                format!(
                    "the e-mail would be {} bytes; SMSC accepts at most 100 KB",
                    body.len()
                ),
            ));
        }
        let host = smtp_host(self.base_url());
        Ok(SmtpMessage {
            to: format!("send@send.{host}"),
            server: format!("send.{host}"),
            headers: [(
                "Content-Type".to_string(),
                "text/plain; charset=utf-8".to_string(),
            )]
            .into(),
            body,
        })
    }

    /// [`Client::smtp_message`] with the parameters as JSON data: the entry frontends use.
    pub fn smtp_message_json(&self, params: serde_json::Value) -> Result<SmtpMessage> {
        let params = if params.is_null() {
            SmtpParams::default()
        } else {
            crate::ops::from_json_value(params, "params")?
        };
        self.smtp_message(&params)
    }

    /// [`Client::smtp_message`] with the parameters as JSON text (`null` for none), read in
    /// place as [`crate::Call::from_json_text`] reads a call's.
    pub fn smtp_message_json_text(&self, params: &str) -> Result<SmtpMessage> {
        let params = if crate::ops::is_null_text(params) {
            SmtpParams::default()
        } else {
            crate::ops::from_json_text_value(params, "params")?
        };
        self.smtp_message(&params)
    }
}

/// The service's domain from the client's base address: `https://www2.smsc.ru` → `smsc.ru`.
fn smtp_host(base_url: &str) -> String {
    let host = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .unwrap_or("");
    let bare = host
        .strip_prefix("www")
        .and_then(|rest| rest.split_once('.'))
        .filter(|(digits, _)| digits.bytes().all(|b| b.is_ascii_digit()))
        .map_or(host, |(_, domain)| domain);
    bare.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_for_the_smtp_route() {
        assert_eq!(smtp_host("https://smsc.ru"), "smsc.ru");
        assert_eq!(smtp_host("https://www2.smscentre.com"), "smscentre.com");
        assert_eq!(smtp_host("http://127.0.0.1:8080"), "127.0.0.1");
    }

    #[test]
    fn debug_hides_the_credentials() {
        let client = Client::new("alice", "s3cr3t-pw").unwrap();
        let mail = client
            .smtp_message(&SmtpParams {
                phones: Some(Phones::Joined("79991234567".into())),
                message: Some("Hi".into()),
                ..SmtpParams::default()
            })
            .unwrap();
        assert!(mail.body.starts_with("alice:s3cr3t-pw:"));
        assert!(!format!("{mail:?}").contains("s3cr3t-pw"));
    }
}
