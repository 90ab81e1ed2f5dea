//! Accounts, messages and the emulated clock: everything the emulator remembers between
//! requests. Money is kept as whole kopecks (`i64`) so every sum and difference is exact.

use std::collections::{BTreeMap, VecDeque};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;

/// How many balance requests one login may make in a sliding minute before error 9.
pub const BALANCE_REQUESTS_PER_MINUTE: usize = 10;

/// An account as configured: credentials and starting money.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Login.
    pub login: String,
    /// Password.
    pub password: String,
    /// API key, if the account has one.
    pub api_key: Option<String>,
    /// Balance in kopecks.
    pub balance: i64,
    /// Credit limit in kopecks (0: none); sending may take the balance down to `-credit`.
    pub credit: i64,
    /// Currency code, e.g. `RUB`.
    pub currency: String,
    /// Test mode ("virtual sending" in the account settings): messages are accepted and
    /// tracked but neither delivered nor billed, and their status carries `err` 200.
    pub virtual_sending: bool,
}

impl Account {
    /// An account in roubles.
    pub fn new(
        login: &str,
        password: &str,
        api_key: Option<&str>,
        balance: i64,
        credit: i64,
    ) -> Self {
        Account {
            login: login.into(),
            password: password.into(),
            api_key: api_key.map(str::to_string),
            balance,
            credit,
            currency: "RUB".into(),
            virtual_sending: false,
        }
    }
}

/// The accounts every emulator starts with unless given others: one with money, one without,
/// one living on credit, and one in test mode.
pub fn default_accounts() -> Vec<Account> {
    vec![
        Account::new("demo", "demo-password", Some("demo-api-key"), 100_000, 0),
        Account::new("poor", "poor-password", None, 50, 0),
        Account::new("credit", "credit-password", None, 1_000, 10_000),
        Account {
            virtual_sending: true,
            ..Account::new("virtual", "virtual-password", None, 100_000, 0)
        },
    ]
}

/// An amount in an accounts file: `"250.80"` or `250.8`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Amount {
    Text(String),
    Number(serde_json::Number),
}

/// One account in an accounts file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountSpec {
    login: String,
    #[serde(alias = "psw")]
    password: String,
    #[serde(default, alias = "api_key")]
    apikey: Option<String>,
    #[serde(default)]
    balance: Option<Amount>,
    #[serde(default)]
    credit: Option<Amount>,
    #[serde(default)]
    currency: Option<String>,
    /// Test mode: `"test": true`.
    #[serde(default)]
    test: bool,
}

/// An accounts file: an array of accounts, or an object with an `accounts` array.
#[derive(Deserialize)]
#[serde(untagged)]
enum AccountsFile {
    List(Vec<AccountSpec>),
    Wrapped { accounts: Vec<AccountSpec> },
}

/// Reads accounts from JSON such as
/// `[{"login": "demo", "password": "pw", "apikey": "key", "balance": "1000.00", "credit": "0",
/// "currency": "RUB"}]` (also `{"accounts": [...]}`). Amounts are strings or numbers with at most
/// two decimals; `apikey`, `balance`, `credit` and `currency` may be left out.
pub fn accounts_from_json(text: &str) -> Result<Vec<Account>, String> {
    let file: AccountsFile = serde_json::from_str(text).map_err(|e| {
        format!("not a list of accounts ({e}); expected [{{\"login\": …, \"password\": …}}]")
    })?;
    let specs = match file {
        AccountsFile::List(l) | AccountsFile::Wrapped { accounts: l } => l,
    };
    let amount = |login: &str, what: &str, a: Option<Amount>| -> Result<i64, String> {
        let text = match a {
            None => return Ok(0),
            Some(Amount::Text(t)) => t,
            Some(Amount::Number(n)) => n.to_string(),
        };
        parse_money(&text).ok_or_else(|| {
            format!("account {login:?}: {what} {text:?} is not an amount like 250.80")
        })
    };
    let mut accounts: Vec<Account> = Vec::new();
    for s in specs {
        if accounts.iter().any(|a| a.login == s.login) {
            return Err(format!("account {:?} is given twice", s.login));
        }
        accounts.push(Account {
            balance: amount(&s.login, "balance", s.balance)?,
            credit: amount(&s.login, "credit", s.credit)?,
            currency: s.currency.unwrap_or_else(|| "RUB".into()),
            api_key: s.apikey.filter(|k| !k.is_empty()),
            password: s.password,
            login: s.login,
            virtual_sending: s.test,
        });
    }
    Ok(accounts)
}

/// `250.8` or `-3.05` into kopecks; `None` for anything else (three decimals, exponents, text).
pub fn parse_money(text: &str) -> Option<i64> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(frac) || frac.len() > 2 {
        return None;
    }
    let frac = format!("{frac:0<2}");
    let kopecks = whole.parse::<i64>().ok()?.checked_mul(100)? + frac.parse::<i64>().ok()?;
    Some(if negative { -kopecks } else { kopecks })
}

/// Formats kopecks with two decimals, as SMSC writes amounts: `250.80`, `-0.05`.
pub fn money(kopecks: i64) -> String {
    let sign = if kopecks < 0 { "-" } else { "" };
    let k = kopecks.unsigned_abs();
    format!("{sign}{}.{:02}", k / 100, k % 100)
}

/// A message that was sent to one recipient.
#[derive(Clone, Debug)]
pub struct Message {
    /// Its id (the client's, or the account's counter).
    pub id: String,
    /// Recipient: digits without `+`, or the address of an e-mail or Telegram message.
    pub phone: String,
    /// Text.
    pub text: String,
    /// Sender name.
    pub sender: String,
    /// SMS parts.
    pub parts: u32,
    /// Cost in kopecks.
    pub cost: i64,
    /// How many times a send with this id reached this recipient. SMSC does not require ids to
    /// be unique, so a repeat is a second message; the emulator keeps one record and counts, so
    /// that tests can prove nothing was sent twice.
    pub sends: u32,
    /// Message type as status.php reports it (0 SMS, 1 flash, 4 HLR, 8 e-mail…).
    pub kind: u8,
    /// When it goes out, in emulated Unix milliseconds: the send time, or later with `time`.
    /// Milliseconds, so a status read right after sending never straddles a second boundary.
    pub due_ms: i64,
    /// The server's global id of the message (`int_id` in the history), unique across accounts.
    pub int_id: u64,
    /// Sent from an account in test mode: never delivered, final status with `err` 200.
    pub virtual_sending: bool,
}

impl Message {
    /// When it goes out, in Unix seconds.
    pub fn due(&self) -> i64 {
        self.due_ms.div_euclid(1000)
    }
}

/// When statuses move on, in milliseconds after a message goes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusTiming {
    /// Status -1 (waiting) until this long after sending, then 0 (with the operator).
    pub waiting_ms: i64,
    /// The final status (1, or 20 for numbers ending in `0000`) from this long after sending.
    pub final_ms: i64,
}

impl Default for StatusTiming {
    /// Wide windows (5 s waiting, final at 10 s): end-to-end suites read a status right after
    /// sending and expect -1 even on a loaded machine, then move the clock with
    /// `/emulator/advance` to see the later states.
    fn default() -> Self {
        StatusTiming {
            waiting_ms: 5_000,
            final_ms: 10_000,
        }
    }
}

impl StatusTiming {
    /// Where `m` stands at `now_ms`: (status, err, Unix second of its last change). Numbers
    /// ending in `0000` stand for subscribers that do not exist: status 20, err 1.
    pub fn progress(&self, m: &Message, now_ms: i64) -> (i64, i64, i64) {
        let elapsed = now_ms - m.due_ms;
        let at = |ms: i64| (m.due_ms + ms).div_euclid(1000);
        if elapsed < self.waiting_ms {
            (-1, 0, at(0))
        } else if elapsed < self.final_ms {
            (0, 0, at(self.waiting_ms))
        } else if m.virtual_sending {
            // "Virtual sending" (err 200) is reported on a message that counts as handled; the
            // status that goes with it is not on a readable page, delivered is assumed.
            (1, 200, at(self.final_ms))
        } else if m.phone.ends_with("0000") {
            (20, 1, at(self.final_ms))
        } else {
            (1, 0, at(self.final_ms))
        }
    }
}

/// Messages by (login, id, recipient).
pub type MessageKey = (String, String, String);

/// What changes while the emulator runs, per account.
#[derive(Clone, Debug, Default)]
pub struct Usage {
    /// The next id handed out to a message sent without one.
    pub next_id: u64,
    /// Emulated times (ms) of the balance requests of the last minute, oldest first.
    pub balance_requests: VecDeque<i64>,
}

/// Everything the emulator remembers.
pub struct State {
    /// Accounts, with their current balances.
    pub accounts: Vec<Account>,
    /// Counters and rate-limit windows, by account position.
    pub usage: Vec<Usage>,
    /// Sent messages. Ordered, so listings are stable.
    pub messages: BTreeMap<MessageKey, Message>,
    /// Milliseconds the emulated clock is ahead of the real one.
    pub offset_ms: i64,
    /// When statuses move on.
    pub timing: StatusTiming,
    /// Mailing lists, templates, operator templates and event notifications.
    pub jobs: crate::jobs::Books,
    /// Incoming messages, short links and the request windows of the data scripts.
    pub data: crate::data::Data,
    /// The `int_id` the next sent message gets.
    pub next_int_id: u64,
    /// Contacts, groups, blacklist, sub-clients, sender names and invoices.
    pub account_books: crate::accounts::Books,
    /// Misbehaviour queued for the next script calls.
    pub faults: crate::faults::Faults,
    /// The files posted with script calls, in order.
    pub uploads: Vec<crate::http::Upload>,
    initial: Vec<Account>,
}

impl State {
    /// A fresh state with these accounts.
    pub fn new(accounts: Vec<Account>, timing: StatusTiming) -> Self {
        let mut state = State {
            accounts: Vec::new(),
            usage: Vec::new(),
            messages: BTreeMap::new(),
            offset_ms: 0,
            timing,
            jobs: Default::default(),
            data: Default::default(),
            next_int_id: 1,
            account_books: Default::default(),
            faults: Default::default(),
            uploads: Vec::new(),
            initial: accounts,
        };
        state.reset();
        state
    }

    /// Back to the starting accounts, no messages, real time.
    pub fn reset(&mut self) {
        self.accounts = self.initial.clone();
        self.usage = vec![
            Usage {
                next_id: 1,
                ..Usage::default()
            };
            self.accounts.len()
        ];
        self.messages.clear();
        self.uploads.clear();
        self.offset_ms = 0;
        self.jobs = Default::default();
        self.data = Default::default();
        self.next_int_id = 1;
        self.account_books = Default::default();
        self.faults.clear();
    }

    /// The emulated time, in Unix milliseconds: the real clock plus what `/emulator/advance`
    /// added, so timestamps look real while tests still skip ahead.
    pub fn now_ms(&self) -> i64 {
        let real = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        real + self.offset_ms
    }

    /// The emulated time, in Unix seconds.
    pub fn now(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// The account these credentials open, by position. An empty `login` makes `psw` the API
    /// key, as SMSC's own libraries send it.
    pub fn authenticate(
        &self,
        login: Option<&str>,
        psw: Option<&str>,
        apikey: Option<&str>,
    ) -> Option<usize> {
        let by_key = |key: &str| {
            self.accounts
                .iter()
                .position(|a| a.api_key.as_deref() == Some(key))
        };
        match (login, psw, apikey) {
            (_, _, Some(key)) if !key.is_empty() => by_key(key),
            (Some(""), Some(key), _) if !key.is_empty() => by_key(key),
            (Some(login), Some(psw), _) => self
                .accounts
                .iter()
                .position(|a| a.login == login && a.password == psw),
            _ => None,
        }
    }

    /// Records a balance request of account `i` at `now_ms`, or refuses it (`false`) when the
    /// account already made ten in the sliding minute before. Refused requests do not count.
    pub fn balance_request(&mut self, i: usize, now_ms: i64) -> bool {
        let window = &mut self.usage[i].balance_requests;
        while window.front().is_some_and(|&t| now_ms - t >= 60_000) {
            window.pop_front();
        }
        if window.len() >= BALANCE_REQUESTS_PER_MINUTE {
            return false;
        }
        window.push_back(now_ms);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(money(25_080), "250.80");
        assert_eq!(money(-5), "-0.05");
        assert_eq!(money(0), "0.00");
        assert_eq!(parse_money("250.8"), Some(25_080));
        assert_eq!(parse_money("-3.05"), Some(-305));
        assert_eq!(parse_money("1000"), Some(100_000));
        for bad in ["", "1.234", "1e3", "abc", ".5", "1,5"] {
            assert_eq!(parse_money(bad), None, "{bad}");
        }
    }

    #[test]
    fn accounts_file() {
        let accounts = accounts_from_json(
            r#"[{"login": "a", "password": "p", "balance": "12.30", "credit": 5},
                {"login": "b", "psw": "q", "apikey": "k", "balance": 0.5, "currency": "KZT"}]"#,
        )
        .unwrap();
        assert_eq!(accounts[0].balance, 1230);
        assert_eq!(accounts[0].credit, 500);
        assert_eq!(accounts[0].currency, "RUB");
        assert_eq!(accounts[1].api_key.as_deref(), Some("k"));
        assert_eq!(accounts[1].balance, 50);
        assert!(accounts_from_json(r#"{"accounts": [{"login": "a", "password": "p"}]}"#).is_ok());
        assert!(
            accounts_from_json(r#"[{"login": "a", "password": "p", "balance": "1.234"}]"#).is_err()
        );
        assert!(accounts_from_json(r#"[{"login": "a", "pass": "p"}]"#).is_err());
    }

    #[test]
    fn authentication() {
        let s = State::new(default_accounts(), StatusTiming::default());
        assert_eq!(
            s.authenticate(Some("demo"), Some("demo-password"), None),
            Some(0)
        );
        assert_eq!(s.authenticate(Some("demo"), Some("wrong"), None), None);
        assert_eq!(s.authenticate(None, None, Some("demo-api-key")), Some(0));
        assert_eq!(
            s.authenticate(Some(""), Some("demo-api-key"), None),
            Some(0)
        );
        assert_eq!(s.authenticate(None, None, None), None);
    }

    #[test]
    fn balance_window_slides() {
        let mut s = State::new(default_accounts(), StatusTiming::default());
        for t in 0..10 {
            assert!(s.balance_request(0, t * 1000));
        }
        assert!(!s.balance_request(0, 59_999));
        assert!(s.balance_request(0, 60_000));
        assert!(s.balance_request(1, 60_000), "the window is per login");
    }
}
