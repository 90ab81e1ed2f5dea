//! The client: credentials, where requests go, and how they are sent.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::ops::{self, Call};
use crate::request::{Form, Request};
use crate::retry::{Origin, RetryPolicy};

/// A secret (password or API key) that never shows in `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself; only the request body (or URL with GET) ever receives it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// How the client proves who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// `login` + `psw` (the password, or the lower-case MD5 hash of it).
    Login {
        /// The account login.
        login: String,
        /// The password.
        password: Secret,
    },
    /// `apikey`, sent instead of login and password.
    ApiKey(Secret),
}

/// The HTTP method of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
pub enum Method {
    /// Parameters in a form body: the default, so credentials stay out of URLs and logs.
    #[default]
    #[serde(rename = "POST", alias = "post")]
    Post,
    /// Parameters in the query string: only when asked for, since the URL then holds credentials.
    #[serde(rename = "GET", alias = "get")]
    Get,
}

impl Method {
    /// `"POST"` or `"GET"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Post => "POST",
            Method::Get => "GET",
        }
    }
}

/// The answer format the client asks the server for (`fmt`).
///
/// JSON is the default and the most precise. The text formats exist so that answers logged by
/// existing integrations (which mostly use `fmt=0` or `fmt=1`) can be read by the same parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `fmt=0`: human-readable lines such as `OK - 1 SMS, ID - 1234`.
    Text,
    /// `fmt=1`: comma-separated values such as `1234,1`.
    Csv,
    /// `fmt=2`: XML such as `<result><balance>250.80</balance></result>`.
    Xml,
    /// `fmt=3`: JSON.
    #[default]
    Json,
}

impl Format {
    /// The value of the `fmt` parameter.
    pub fn code(self) -> u8 {
        match self {
            Format::Text => 0,
            Format::Csv => 1,
            Format::Xml => 2,
            Format::Json => 3,
        }
    }
}

/// Client settings as plain data: what every frontend accepts as its constructor argument.
///
/// Either `login` + `password` or `api_key` must be given. `host` picks one of the SMSC hosts
/// (`smsc.ru` by default, `smscentre.com`, `smsc.kz`, `smsc.ua`, `smsc.tj`, or their `www2.`
/// backups); `base_url` overrides it with any address, which is what tests use.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    /// Account login.
    pub login: Option<String>,
    /// Account password (or the lower-case MD5 hash of it).
    pub password: Option<String>,
    /// API key, used instead of login and password.
    #[serde(alias = "apiKey", alias = "apikey")]
    pub api_key: Option<String>,
    /// SMSC host name, without scheme.
    pub host: Option<String>,
    /// Full base address such as `http://127.0.0.1:8080`; wins over `host`.
    #[serde(alias = "baseUrl")]
    pub base_url: Option<String>,
    /// `POST` (default) or `GET`.
    pub method: Option<Method>,
    /// `json` (default), `text`, `csv` or `xml`.
    pub format: Option<Format>,
    /// Allow a plain `http://` base address to a host other than this machine. Off by default:
    /// over plain HTTP the password travels readable by anyone on the way.
    #[serde(default, alias = "allowHttp")]
    pub allow_http: bool,
    /// Delays and limits of the retry advice ([`Request::advice`]).
    pub retry: Option<RetryPolicy>,
}

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hidden = |v: &Option<String>| v.as_ref().map(|_| "***");
        f.debug_struct("ClientConfig")
            .field("login", &self.login)
            .field("password", &hidden(&self.password))
            .field("api_key", &hidden(&self.api_key))
            .field("host", &self.host)
            .field("base_url", &self.base_url)
            .field("method", &self.method)
            .field("format", &self.format)
            .field("allow_http", &self.allow_http)
            .field("retry", &self.retry)
            .finish()
    }
}

/// The default SMSC host.
pub const DEFAULT_HOST: &str = "smsc.ru";

/// A configured client. It holds no connection: it turns calls into [`Request`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    credentials: Credentials,
    /// Shared with every request made (each keeps it to reckon its retries from).
    base_url: std::sync::Arc<str>,
    /// Whether `base_url` comes from a host name (which has a `www2.` backup) rather than an
    /// address given whole.
    named_host: bool,
    method: Method,
    format: Format,
    retry: RetryPolicy,
}

impl Client {
    /// A client that authenticates with login and password, talking to `https://smsc.ru`.
    pub fn new(login: &str, password: &str) -> Result<Self> {
        Self::from_config(ClientConfig {
            login: Some(login.to_string()),
            password: Some(password.to_string()),
            ..ClientConfig::default()
        })
    }

    /// A client that authenticates with an API key, talking to `https://smsc.ru`.
    pub fn with_api_key(api_key: &str) -> Result<Self> {
        Self::from_config(ClientConfig {
            api_key: Some(api_key.to_string()),
            ..ClientConfig::default()
        })
    }

    /// A client from plain settings, checked.
    pub fn from_config(config: ClientConfig) -> Result<Self> {
        let credentials = match (config.login, config.password, config.api_key) {
            (None, None, Some(key)) => {
                if key.trim().is_empty() {
                    return Err(Error::invalid("api_key", "the API key is empty"));
                }
                Credentials::ApiKey(Secret(key))
            }
            (Some(_), _, Some(_)) | (_, Some(_), Some(_)) => {
                return Err(Error::invalid(
                    "api_key",
                    "give either login and password or an API key, not both",
                ))
            }
            (Some(login), Some(password), None) => {
                if login.trim().is_empty() {
                    return Err(Error::invalid("login", "the login is empty"));
                }
                if password.is_empty() {
                    return Err(Error::invalid("password", "the password is empty"));
                }
                Credentials::Login {
                    login,
                    password: Secret(password),
                }
            }
            (Some(_), None, None) => {
                return Err(Error::invalid(
                    "password",
                    "a login needs a password (or use an API key instead)",
                ))
            }
            (None, Some(_), None) => {
                return Err(Error::invalid(
                    "login",
                    "a password needs a login (or use an API key instead)",
                ))
            }
            (None, None, None) => {
                return Err(Error::invalid(
                    "login",
                    "no credentials: give login and password, or an API key",
                ))
            }
        };
        let named_host = config.base_url.is_none();
        let base_url = match (config.base_url, config.host) {
            (Some(url), _) => checked_base_url(&url, config.allow_http)?,
            (None, Some(host)) => format!("https://{}", checked_host(&host)?),
            (None, None) => format!("https://{DEFAULT_HOST}"),
        };
        Ok(Client {
            credentials,
            base_url: base_url.into(),
            named_host,
            method: config.method.unwrap_or_default(),
            format: config.format.unwrap_or_default(),
            retry: config.retry.unwrap_or_default(),
        })
    }

    /// The same client talking to another SMSC host (`smscentre.com`, `www2.smsc.ru`, …) over HTTPS.
    pub fn with_host(mut self, host: &str) -> Result<Self> {
        self.base_url = format!("https://{}", checked_host(host)?).into();
        self.named_host = true;
        Ok(self)
    }

    /// The same client talking to any base address: `https://…`, or plain `http://` to this
    /// machine (`http://127.0.0.1:8080` for a test server).
    pub fn with_base_url(mut self, url: &str) -> Result<Self> {
        self.base_url = checked_base_url(url, false)?.into();
        self.named_host = false;
        Ok(self)
    }

    /// [`Client::with_base_url`] that also accepts plain `http://` to another machine, for a
    /// gateway reached over a network the caller trusts. The credentials travel unencrypted.
    pub fn with_base_url_allowing_http(mut self, url: &str) -> Result<Self> {
        self.base_url = checked_base_url(url, true)?.into();
        self.named_host = false;
        Ok(self)
    }

    /// The same client with other delays and limits for the retry advice.
    pub fn with_retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The delays and limits of the retry advice.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The same client using another HTTP method.
    pub fn with_method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// The same client asking for another answer format.
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// The base address requests go to, such as `https://smsc.ru`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The HTTP method requests use.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The answer format requests ask for.
    pub fn format(&self) -> Format {
        self.format
    }

    /// How the client authenticates.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// Checks a call and builds its request.
    pub fn prepare(&self, call: Call) -> Result<Request> {
        let call = std::sync::Arc::new(call);
        // Room for the fields of most calls, so the list is allocated once.
        let mut form = Form::with_capacity(16);
        match &self.credentials {
            Credentials::Login { login, password } => {
                form.push("login", login);
                form.push("psw", password.expose());
            }
            Credentials::ApiKey(key) => form.push("apikey", key.expose()),
        }
        call.encode(&mut form)?;
        form.push("fmt", self.format.code().to_string());
        form.push("charset", "utf-8");
        let origin = Origin {
            base_url: self.base_url.clone(),
            named_host: self.named_host,
        };
        Ok(Request::new(
            self.method,
            origin,
            self.retry,
            form,
            call,
            self.format,
        ))
    }

    /// Builds a request from an operation name and its parameters as JSON data: the one generic
    /// entry point every frontend uses. Unknown operations and malformed parameters are
    /// [`Error::Invalid`], naming the offending field.
    pub fn prepare_json(&self, op: &str, params: serde_json::Value) -> Result<Request> {
        self.prepare(Call::from_json(op, params)?)
    }

    /// [`Client::prepare_json`] with the parameters as JSON text.
    pub fn prepare_json_text(&self, op: &str, params: &str) -> Result<Request> {
        self.prepare(Call::from_json_text(op, params)?)
    }

    /// A client from settings given as JSON data (what the frontends receive).
    pub fn from_json(config: serde_json::Value) -> Result<Self> {
        Self::from_config(ops::from_json_value(config, "config")?)
    }

    /// [`Client::from_json`] with the settings as JSON text, read in place.
    pub fn from_json_text(config: &str) -> Result<Self> {
        Self::from_config(ops::from_json_text_value(config, "config")?)
    }

    /// Checks the parameters of operation `O` and builds its typed request. Every operation
    /// also has a method of its own name (`client.balance(…)`, `client.history(…)`).
    pub fn prepare_op<O: ops::CallOf>(&self, params: O::Params) -> Result<crate::Prepared<O>> {
        self.prepare(O::call(params)).map(crate::Prepared::new)
    }
}

fn checked_host(host: &str) -> Result<String> {
    let h = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let ok = !h.is_empty()
        && h.len() <= 253
        && h.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    if ok {
        Ok(h)
    } else {
        Err(Error::invalid(
            "host",
            format!("{host:?} is not a host name; give a name such as \"smsc.ru\" or \"smscentre.com\" without scheme or path"),
        ))
    }
}

pub(crate) fn checked_base_url(url: &str, allow_http: bool) -> Result<String> {
    let u = url.trim().trim_end_matches('/');
    let (rest, plain) = match (u.strip_prefix("https://"), u.strip_prefix("http://")) {
        (Some(r), _) => (Some(r), false),
        (None, Some(r)) => (Some(r), true),
        (None, None) => (None, false),
    };
    let ok = match rest {
        Some(r) => {
            !r.is_empty()
                && !r.contains(['?', '#', ' ', '@'])
                && r.bytes().all(|b| b.is_ascii_graphic())
        }
        None => false,
    };
    if !ok {
        return Err(Error::invalid(
            "base_url",
            format!("{url:?} is not a base address; give one such as \"https://smsc.ru\" or \"http://127.0.0.1:8080\" (no query, no credentials)"),
        ));
    }
    if plain && !allow_http && !rest.is_some_and(is_loopback) {
        return Err(Error::invalid(
            "base_url",
            format!("{url:?} is plain HTTP to another machine, which would send the password unencrypted; use https://, or set allow_http if the network is trusted"),
        ));
    }
    Ok(u.to_string())
}

/// Whether an address (`host[:port][/path]`) names this machine, where plain HTTP never leaves it.
fn is_loopback(rest: &str) -> bool {
    let authority = rest.split('/').next().unwrap_or_default();
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_this_machine_unless_allowed() {
        let c = || Client::new("alice", "s3cr3t-pw").unwrap();
        for local in [
            "http://127.0.0.1:8080",
            "http://localhost:9000/",
            "http://[::1]:8080",
            "http://127.1.2.3",
        ] {
            assert!(c().with_base_url(local).is_ok(), "{local}");
        }
        for remote in [
            "http://smsc.ru",
            "http://10.0.0.5:8080",
            "http://localhost.example.com",
            "http://127.0.0.1.evil.example",
        ] {
            let err = c().with_base_url(remote).unwrap_err();
            assert_eq!(err.field(), Some("base_url"), "{remote}");
            assert!(err.to_string().contains("allow_http"), "{err}");
            assert!(c().with_base_url_allowing_http(remote).is_ok(), "{remote}");
        }
        assert!(c().with_base_url("https://smsc.ru").is_ok());
    }

    #[test]
    fn debug_never_shows_the_password() {
        let c = Client::new("alice", "s3cr3t-pw").unwrap();
        assert!(!format!("{c:?}").contains("s3cr3t-pw"));
        let k = Client::with_api_key("KEY-123456").unwrap();
        assert!(!format!("{k:?}").contains("KEY-123456"));
    }

    #[test]
    fn settings_and_forms_never_show_secrets_in_debug() {
        let config = ClientConfig {
            login: Some("alice".into()),
            password: Some("s3cr3t-pw".into()),
            api_key: Some("KEY-123456".into()),
            ..ClientConfig::default()
        };
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("s3cr3t-pw") && !shown.contains("KEY-123456"),
            "{shown}"
        );
        let request = Client::new("alice", "s3cr3t-pw")
            .unwrap()
            .balance(crate::ops::balance::BalanceParams::default())
            .unwrap();
        let form = format!("{:?}", request.form());
        assert!(
            !form.contains("s3cr3t-pw") && form.contains("psw=***"),
            "{form}"
        );
    }

    #[test]
    fn hosts_and_base_urls_are_checked() {
        let c = Client::new("a", "b").unwrap();
        assert_eq!(c.base_url(), "https://smsc.ru");
        assert_eq!(
            c.clone().with_host("smscentre.com").unwrap().base_url(),
            "https://smscentre.com"
        );
        assert!(c.clone().with_host("https://smsc.ru").is_err());
        assert!(c.clone().with_base_url("ftp://x").is_err());
        assert_eq!(
            c.with_base_url("http://127.0.0.1:8080/")
                .unwrap()
                .base_url(),
            "http://127.0.0.1:8080"
        );
    }
}
