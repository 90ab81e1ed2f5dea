//! The one error type of the library.
//!
//! Every failure is one of four stable kinds (`invalid`, `api`, `http`, `parse`) so that every
//! language can branch on the same names. Server errors also carry the SMSC code, the server's own
//! description and a [`Reason`]: the meaning of a code depends on the script that answered
//! (code 3 is "not enough money" for `send.php` but "error saving a record" for `jobs.php`), so
//! the reason is decided here, once, instead of in each frontend.

use serde::Serialize;

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, as data every frontend can map to its own error types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The caller's arguments were rejected before any request was built.
    #[error("invalid argument `{field}`: {message}")]
    Invalid {
        /// The parameter at fault, as named in the caller's call (`phones`, `message`, …).
        field: String,
        /// What is wrong and what to do about it.
        message: String,
    },
    /// The SMSC server answered with one of its documented error codes.
    #[error("SMSC error {code} ({reason}): {message}")]
    Api {
        /// The SMSC error code (`error_code` in JSON, `-N` in the comma format).
        code: i64,
        /// What the code means for the script that answered.
        reason: Reason,
        /// The server's own description, or the documented one when the format carries none.
        message: String,
        /// The message id the server attached (send errors 3, 6, 7, 8 carry one).
        id: Option<String>,
    },
    /// The HTTP exchange itself failed: a status outside 2xx.
    #[error("HTTP status {status}: the SMSC server did not answer normally{}", snippet_suffix(.snippet))]
    Http {
        /// The HTTP status code the caller's client received.
        status: u16,
        /// The start of the body, to help diagnose proxies and error pages.
        snippet: String,
    },
    /// The body is not an SMSC answer of the expected shape (HTML page, empty, truncated JSON…).
    #[error("unreadable SMSC answer: {message}")]
    Parse {
        /// What was expected and what was found.
        message: String,
    },
    /// A notification's checksum is missing or does not match the secret.
    #[error("unverified SMSC notification: {message}")]
    Signature {
        /// What did not match and what to check.
        message: String,
    },
    /// A bug in this library (a caught panic). Never expected; please report it.
    #[error("internal error in smsc-core: {message}")]
    Internal {
        /// What was caught.
        message: String,
    },
}

/// Replaces each secret in `text` by `***`, including a secret cut short where a quoted body was
/// truncated (the text then ends with `…`), so no part of it survives.
fn scrub_secrets(text: String, secrets: &[String]) -> String {
    let mut text = secrets.iter().fold(text, |t, secret| {
        if t.contains(secret.as_str()) {
            t.replace(secret.as_str(), "***")
        } else {
            t
        }
    });
    if let Some(body) = text.strip_suffix('…') {
        for secret in secrets {
            let cut = (1..secret.len())
                .rev()
                .filter(|&k| secret.is_char_boundary(k))
                .find(|&k| body.ends_with(&secret[..k]));
            if let Some(k) = cut {
                text = format!("{}***…", &body[..body.len() - k]);
                break;
            }
        }
    }
    text
}

fn snippet_suffix(snippet: &str) -> String {
    if snippet.is_empty() {
        String::new()
    } else {
        format!(" (body starts: {snippet:?})")
    }
}

/// The stable name of an error's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// See [`Error::Invalid`].
    Invalid,
    /// See [`Error::Api`].
    Api,
    /// See [`Error::Http`].
    Http,
    /// See [`Error::Parse`].
    Parse,
    /// See [`Error::Signature`].
    Signature,
    /// See [`Error::Internal`].
    Internal,
}

impl ErrorKind {
    /// The name used in every language (`"invalid"`, `"api"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid",
            ErrorKind::Api => "api",
            ErrorKind::Http => "http",
            ErrorKind::Parse => "parse",
            ErrorKind::Signature => "signature",
            ErrorKind::Internal => "internal",
        }
    }
}

impl Error {
    /// The same error with every occurrence of the given secrets in its texts replaced by `***`.
    pub(crate) fn without_secrets(self, secrets: &[String]) -> Self {
        if secrets.is_empty() {
            return self;
        }
        let scrub = |text: String| scrub_secrets(text, secrets);
        match self {
            Error::Invalid { field, message } => Error::Invalid {
                field,
                message: scrub(message),
            },
            Error::Api {
                code,
                reason,
                message,
                id,
            } => Error::Api {
                code,
                reason,
                message: scrub(message),
                id,
            },
            Error::Http { status, snippet } => Error::Http {
                status,
                snippet: scrub(snippet),
            },
            Error::Parse { message } => Error::Parse {
                message: scrub(message),
            },
            Error::Signature { message } => Error::Signature {
                message: scrub(message),
            },
            Error::Internal { message } => Error::Internal {
                message: scrub(message),
            },
        }
    }

    /// The error's stable kind.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::Api { .. } => ErrorKind::Api,
            Error::Http { .. } => ErrorKind::Http,
            Error::Parse { .. } => ErrorKind::Parse,
            Error::Signature { .. } => ErrorKind::Signature,
            Error::Internal { .. } => ErrorKind::Internal,
        }
    }

    /// The SMSC error code for [`Error::Api`], the HTTP status for [`Error::Http`].
    pub fn code(&self) -> Option<i64> {
        match self {
            Error::Api { code, .. } => Some(*code),
            Error::Http { status, .. } => Some(i64::from(*status)),
            _ => None,
        }
    }

    /// The meaning of an SMSC error code, for [`Error::Api`].
    pub fn reason(&self) -> Option<Reason> {
        match self {
            Error::Api { reason, .. } => Some(*reason),
            _ => None,
        }
    }

    /// The parameter at fault, for [`Error::Invalid`].
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The message id attached by the server, for [`Error::Api`].
    pub fn message_id(&self) -> Option<&str> {
        match self {
            Error::Api { id, .. } => id.as_deref(),
            _ => None,
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    pub(crate) fn parse(message: impl Into<String>) -> Self {
        Error::Parse {
            message: message.into(),
        }
    }
}

/// What an SMSC error code means, decided per script from the documentation's answer pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// 1: an error in the parameters.
    Parameters,
    /// 2: wrong login or password, or a request from an IP not on the account's allowed list.
    Auth,
    /// 3 on `send.php`: not enough money on the account.
    InsufficientFunds,
    /// 4: the IP is temporarily blocked after frequent erroneous requests.
    IpBlocked,
    /// 5 on `send.php`: invalid date format.
    InvalidDate,
    /// 5 on `status.php`: the message could not be deleted.
    DeleteFailed,
    /// 3 on `jobs.php`: the server could not save the record (the mailing list); 8 on
    /// `users.php` ("error saving a record"); 5 on `senders.php` ("error saving or deleting the
    /// sender name").
    SaveFailed,
    /// 6 on `send.php`: the message is forbidden (by text or sender name).
    Forbidden,
    /// 7 on `send.php`: invalid phone number format.
    InvalidPhone,
    /// 8 on `send.php`: the message cannot be delivered to this number.
    Undeliverable,
    /// 9: too many (identical or simultaneous) requests; wait before trying again.
    RateLimited,
    /// A code the documentation does not define for this script.
    Unknown,
    // Contacts, sub-clients, sender names and documents.
    /// 3 on `phones.php` and `users.php` ("no records found"), `senders.php` ("sender name not
    /// found"), `info.php` (operator not found) and `tinyurls.php` (link not found): what the
    /// request names does not exist.
    NotFound,
    /// 5 on `phones.php` and `users.php`: the operation could not be carried out.
    OperationFailed,
    /// 6 on `users.php`: no sub-client has the given login.
    SubclientNotFound,
    /// 7 on `users.php`: the sub-client shares the main account's balance, or `balance2=1` is
    /// missing from an operation on the electronic balance.
    SharedBalance,
    /// 10 on `senders.php`: a confirmation code was already sent to this number; a new one can
    /// be asked for after 8 hours.
    CodeAlreadySent,
    /// 11 on `senders.php`: the confirmation code is wrong.
    InvalidCode,
}

impl Reason {
    /// The stable name used in every language (`"auth"`, `"rate_limited"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Parameters => "parameters",
            Reason::Auth => "auth",
            Reason::InsufficientFunds => "insufficient_funds",
            Reason::IpBlocked => "ip_blocked",
            Reason::InvalidDate => "invalid_date",
            Reason::DeleteFailed => "delete_failed",
            Reason::SaveFailed => "save_failed",
            Reason::Forbidden => "forbidden",
            Reason::InvalidPhone => "invalid_phone",
            Reason::Undeliverable => "undeliverable",
            Reason::RateLimited => "rate_limited",
            Reason::Unknown => "unknown",
            Reason::NotFound => "not_found",
            Reason::OperationFailed => "operation_failed",
            Reason::SubclientNotFound => "subclient_not_found",
            Reason::SharedBalance => "shared_balance",
            Reason::CodeAlreadySent => "code_already_sent",
            Reason::InvalidCode => "invalid_code",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
