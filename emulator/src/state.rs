//! Accounts, messages and the emulated clock.

use std::collections::{HashMap, VecDeque};
use std::time::{SystemTime, UNIX_EPOCH};

/// An account. Money is kept in kopecks so every amount is exact.
#[derive(Clone, Debug)]
pub struct Account {
    /// Login.
    pub login: String,
    /// Password.
    pub password: String,
    /// API key, if the account has one.
    pub api_key: Option<String>,
    /// Balance in kopecks.
    pub balance: i64,
    /// Credit limit in kopecks (0: none).
    pub credit: i64,
    /// Currency code.
    pub currency: String,
    /// The next id handed out to a message sent without one.
    pub next_id: u64,
    /// Times of recent balance requests, for the ten-a-minute limit.
    pub balance_requests: VecDeque<i64>,
}

impl Account {
    fn new(login: &str, password: &str, api_key: Option<&str>, balance: i64, credit: i64) -> Self {
        Account {
            login: login.into(),
            password: password.into(),
            api_key: api_key.map(str::to_string),
            balance,
            credit,
            currency: "RUB".into(),
            next_id: 1,
            balance_requests: VecDeque::new(),
        }
    }
}

/// The accounts every emulator starts with.
pub fn default_accounts() -> Vec<Account> {
    vec![
        Account::new("demo", "demo-password", Some("demo-api-key"), 100_000, 0),
        Account::new("poor", "poor-password", None, 50, 0),
        Account::new("credit", "credit-password", None, 1_000, 10_000),
    ]
}

/// A message that was sent.
#[derive(Clone, Debug)]
pub struct Message {
    /// Its id.
    pub id: String,
    /// Recipient.
    pub phone: String,
    /// Text.
    pub text: String,
    /// Sender name.
    pub sender: String,
    /// SMS parts.
    pub parts: u32,
    /// Cost in kopecks.
    pub cost: i64,
    /// When it was sent (emulated Unix time).
    pub sent_at: i64,
    /// The same in milliseconds: statuses move on sub-second boundaries, so tests that read a
    /// status right after sending never straddle a second.
    pub sent_at_ms: i64,
}

/// Everything the emulator remembers.
pub struct State {
    /// Accounts by position.
    pub accounts: Vec<Account>,
    initial: Vec<Account>,
    /// Messages by (login, id, phone digits).
    pub messages: HashMap<(String, String, String), Message>,
    /// Seconds the emulated clock is ahead of the real one.
    pub offset: i64,
    /// Mailing lists, templates, operator templates and event notifications.
    pub jobs: crate::jobs::Books,
}

impl State {
    /// A fresh state with these accounts.
    pub fn new(accounts: Vec<Account>) -> Self {
        State {
            initial: accounts.clone(),
            accounts,
            messages: HashMap::new(),
            offset: 0,
            jobs: Default::default(),
        }
    }

    /// Back to the starting accounts, no messages, real time.
    pub fn reset(&mut self) {
        self.accounts = self.initial.clone();
        self.messages.clear();
        self.offset = 0;
        self.jobs = Default::default();
    }

    /// The emulated time, in Unix seconds.
    pub fn now(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// The emulated time, in Unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        let real = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        real + self.offset * 1000
    }
}

/// Formats kopecks as a decimal amount with two decimals.
pub fn money(kopecks: i64) -> String {
    let sign = if kopecks < 0 { "-" } else { "" };
    let k = kopecks.abs();
    format!("{sign}{}.{:02}", k / 100, k % 100)
}

/// `DD.MM.YYYY hh:mm:ss` in Moscow time (UTC+3, no daylight saving), as SMSC writes dates.
pub fn moscow_date(unix: i64) -> String {
    let t = unix + 3 * 3600;
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{d:02}.{m:02}.{y:04} {:02}:{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_money() {
        assert_eq!(moscow_date(1_286_524_541), "08.10.2010 10:55:41");
        assert_eq!(moscow_date(0), "01.01.1970 03:00:00");
        assert_eq!(money(25_080), "250.80");
        assert_eq!(money(-5), "-0.05");
    }
}
