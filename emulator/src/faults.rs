//! Misbehaviour on request: the failures a real SMSC server, a proxy or the network can produce,
//! queued for the next API calls so that clients can prove they survive them.
//!
//! A fault is given as form fields, the same to `POST /emulator/faults` and to `--fault`:
//! `fault=KIND`, `count=N` (default 1: the next N matching calls), `script=send.php` (default:
//! any script), and `ms=N` for `delay` or `status=N` for `http`. Kinds:
//!
//! * `delay`: do the call, then answer `ms` milliseconds later (a slow network: a client with a
//!   shorter time limit gives up although the call was carried out);
//! * `http`: answer with HTTP `status` (default 503) and an error page, without doing anything;
//! * `html`: answer 200 with an HTML page (a proxy's or a captive portal's), without doing anything;
//! * `truncate`: do the call, answer with only the first half of the body;
//! * `garble`: do the call, answer with every byte of the body changed;
//! * `charset`: do the call, answer in windows-1251 while the header still says UTF-8;
//! * `drop`: close the connection without doing the call or answering;
//! * `lost`: do the call, then close the connection without answering: the message is sent, the
//!   client never hears of it.

/// What goes wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// Do the call; answer this many milliseconds later.
    Delay(u64),
    /// Answer with this HTTP status and an error page, without doing the call.
    Http(u16),
    /// Answer 200 with an HTML page, without doing the call.
    Html,
    /// Do the call; answer with half of the body.
    Truncate,
    /// Do the call; answer with every byte changed.
    Garble,
    /// Do the call; answer in windows-1251 declared as UTF-8.
    Charset,
    /// Close without doing the call or answering.
    Drop,
    /// Do the call, then close without answering.
    Lost,
}

impl FaultKind {
    /// Whether the call is carried out (the state changes) before the fault strikes.
    pub fn processes(self) -> bool {
        !matches!(self, FaultKind::Http(_) | FaultKind::Html | FaultKind::Drop)
    }

    fn name(self) -> &'static str {
        match self {
            FaultKind::Delay(_) => "delay",
            FaultKind::Http(_) => "http",
            FaultKind::Html => "html",
            FaultKind::Truncate => "truncate",
            FaultKind::Garble => "garble",
            FaultKind::Charset => "charset",
            FaultKind::Drop => "drop",
            FaultKind::Lost => "lost",
        }
    }
}

/// A fault waiting for its calls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// What goes wrong.
    pub kind: FaultKind,
    /// How many more calls it strikes.
    pub remaining: u32,
    /// Only calls of this script (`send.php`…); any script when `None`.
    pub script: Option<String>,
}

impl Fault {
    /// A fault from its form fields (see the module documentation).
    pub fn from_params(params: &[(String, String)]) -> Result<Fault, String> {
        let get = |name: &str| {
            params
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim())
                .filter(|v| !v.is_empty())
        };
        let number =
            |name: &str, default: u64, max: u64| -> Result<u64, String> {
                match get(name) {
                    None => Ok(default),
                    Some(v) => v.parse::<u64>().ok().filter(|n| *n <= max).ok_or_else(|| {
                        format!("{name} takes a whole number up to {max}, not {v:?}")
                    }),
                }
            };
        let kind = match get("fault") {
            Some("delay") => FaultKind::Delay(number("ms", 1000, 600_000)?),
            Some("http") => {
                let status = number("status", 503, 599)?;
                if status < 400 {
                    return Err(format!("status {status} is not an error status"));
                }
                FaultKind::Http(status as u16)
            }
            Some("html") => FaultKind::Html,
            Some("truncate") => FaultKind::Truncate,
            Some("garble") => FaultKind::Garble,
            Some("charset") => FaultKind::Charset,
            Some("drop") => FaultKind::Drop,
            Some("lost") => FaultKind::Lost,
            other => {
                return Err(format!(
                    "fault={} is unknown; use delay, http, html, truncate, garble, charset, drop or lost",
                    other.unwrap_or("")
                ))
            }
        };
        Ok(Fault {
            kind,
            remaining: number("count", 1, 1_000_000)?.max(1) as u32,
            script: get("script").map(|s| s.trim_start_matches("/sys/").to_string()),
        })
    }

    /// The fault as JSON, for `GET /emulator/faults`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::json!({
            "fault": self.kind.name(),
            "count": self.remaining,
            "script": self.script,
        });
        match self.kind {
            FaultKind::Delay(ms) => v["ms"] = ms.into(),
            FaultKind::Http(status) => v["status"] = status.into(),
            _ => {}
        }
        v
    }
}

/// The queue of faults, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Faults(Vec<Fault>);

impl Faults {
    /// Queues a fault behind those already waiting.
    pub fn push(&mut self, fault: Fault) {
        self.0.push(fault);
    }

    /// Forgets every fault.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The fault that strikes this call of `script`, if any: the oldest that matches, used up
    /// by one.
    pub fn take(&mut self, script: &str) -> Option<FaultKind> {
        let i = self
            .0
            .iter()
            .position(|f| f.script.as_deref().is_none_or(|s| s == script))?;
        let fault = self.0.get_mut(i)?;
        let kind = fault.kind;
        fault.remaining -= 1;
        if fault.remaining == 0 {
            self.0.remove(i);
        }
        Some(kind)
    }

    /// The waiting faults as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        self.0.iter().map(Fault::to_json).collect()
    }
}

/// The body a processed call is answered with under `kind`.
pub fn spoil(kind: FaultKind, body: Vec<u8>) -> Vec<u8> {
    match kind {
        FaultKind::Truncate => {
            let keep = body.len() / 2;
            body.into_iter().take(keep).collect()
        }
        // Flipping the top bit makes ASCII into bytes that are not UTF-8 on their own.
        FaultKind::Garble => body.into_iter().map(|b| b ^ 0x80).collect(),
        FaultKind::Charset => windows_1251(&String::from_utf8_lossy(&body)),
        _ => body,
    }
}

/// Text in windows-1251: ASCII as it is, the Russian alphabet in its code page positions, any
/// other character as `?`.
pub fn windows_1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c as u32 {
            0..=0x7f => c as u8,
            0x410..=0x44f => (c as u32 - 0x410 + 0xc0) as u8,
            0x401 => 0xa8,
            0x451 => 0xb8,
            _ => b'?',
        })
        .collect()
}

/// The error page of a server or proxy answering `status`.
pub fn error_page(status: u16) -> Vec<u8> {
    format!("<html>\r\n<head><title>{status} Service Unavailable</title></head>\r\n<body>\r\n<center><h1>{status} Service Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n").into_bytes()
}

/// A page a proxy or captive portal answers with 200 instead of the server's answer.
pub fn html_page() -> Vec<u8> {
    b"<!DOCTYPE html>\n<html><head><title>Access check</title></head><body><p>Please wait while your browser is checked.</p></body></html>\n".to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(String, String)> {
        crate::http::parse_urlencoded(text.as_bytes())
    }

    #[test]
    fn faults_are_read_from_fields() {
        let f = Fault::from_params(&fields("fault=http&status=502&count=2&script=balance.php"))
            .unwrap();
        assert_eq!(f.kind, FaultKind::Http(502));
        assert_eq!((f.remaining, f.script.as_deref()), (2, Some("balance.php")));
        assert_eq!(
            Fault::from_params(&fields("fault=delay&ms=5"))
                .unwrap()
                .kind,
            FaultKind::Delay(5)
        );
        assert!(Fault::from_params(&fields("fault=melt")).is_err());
        assert!(Fault::from_params(&fields("fault=http&status=200")).is_err());
        assert!(Fault::from_params(&fields("fault=delay&ms=-1")).is_err());
    }

    #[test]
    fn the_oldest_matching_fault_strikes_and_wears_out() {
        let mut q = Faults::default();
        q.push(Fault::from_params(&fields("fault=lost&script=send.php")).unwrap());
        q.push(Fault::from_params(&fields("fault=drop&count=2")).unwrap());
        assert_eq!(q.take("balance.php"), Some(FaultKind::Drop));
        assert_eq!(q.take("send.php"), Some(FaultKind::Lost));
        assert_eq!(q.take("send.php"), Some(FaultKind::Drop));
        assert_eq!(q.take("send.php"), None);
    }

    #[test]
    fn spoiled_bodies() {
        assert_eq!(spoil(FaultKind::Truncate, b"{\"a\":1}".to_vec()), b"{\"a");
        assert!(String::from_utf8(spoil(FaultKind::Garble, b"{}".to_vec())).is_err());
        assert_eq!(windows_1251("ок Ё"), [0xee, 0xea, b' ', 0xa8]);
    }
}
