//! `smsc-emulator`: the local SMSC emulator as a program. Once it listens it prints exactly one
//! line, `listening on http://127.0.0.1:PORT`, so a test can start it on a free port and read
//! where it went. It runs until killed, or until `--exit-after-idle`/`--exit-after` end it.

use std::io::Write;
use std::net::TcpListener;
use std::time::Duration;

use smsc_emulator::faults::Fault;
use smsc_emulator::http::parse_urlencoded;
use smsc_emulator::state::{accounts_from_json, StatusTiming};
use smsc_emulator::{serve, Config};

const USAGE: &str = "\
usage: smsc-emulator [--port N] [--static DIR] [--accounts FILE]
                     [--exit-after-idle SECS] [--exit-after SECS]
                     [--status-timing WAITING_MS,FINAL_MS] [--fault FIELDS]...

  --port N               port on 127.0.0.1 (default 0: a free one)
  --static DIR           serve DIR's files for GET paths outside /sys/ and /emulator/
  --accounts FILE        accounts as JSON: [{\"login\", \"password\", \"apikey\",
                         \"balance\", \"credit\", \"currency\"}]
  --exit-after-idle SECS end after SECS seconds without a connection
  --exit-after SECS      end after SECS seconds, busy or not
  --status-timing W,F    status -1 for W ms after sending, 0 until F ms, then final
                         (default 5000,10000)
  --fault FIELDS         misbehave on the next script calls, as POST /emulator/faults
                         takes it: fault=http&status=503&count=2&script=balance.php
                         (kinds: delay ms=N, http status=N, html, truncate, garble,
                         charset, drop, lost); may be repeated";

/// The command line, read.
struct Args {
    port: u16,
    config: Config,
    exit_after_idle: Option<Duration>,
    exit_after: Option<Duration>,
}

fn main() {
    let args = parse_args(std::env::args().skip(1)).unwrap_or_else(|why| {
        eprintln!("smsc-emulator: {why}\n{USAGE}");
        std::process::exit(2)
    });
    let listener = TcpListener::bind(("127.0.0.1", args.port)).unwrap_or_else(|e| {
        eprintln!(
            "smsc-emulator: cannot listen on 127.0.0.1:{}: {e}",
            args.port
        );
        std::process::exit(1)
    });
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    println!("listening on http://127.0.0.1:{port}");
    // Tests read this line through a pipe, where stdout is block-buffered.
    let _ = std::io::stdout().flush();
    if let Some(limit) = args.exit_after {
        std::thread::spawn(move || {
            std::thread::sleep(limit);
            std::process::exit(0)
        });
    }
    if let Some(limit) = args.exit_after_idle {
        // A test that died without stopping its emulator must not leave it running for ever.
        let activity = args.config.activity.clone();
        std::thread::spawn(move || loop {
            let idle = activity.idle_for().unwrap_or_default();
            if idle >= limit {
                std::process::exit(0)
            }
            std::thread::sleep((limit - idle).min(Duration::from_millis(250)));
        });
    }
    serve(listener, args.config);
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        port: 0,
        config: Config::default(),
        exit_after_idle: None,
        exit_after: None,
    };
    let seconds = |flag: &str, v: &str| {
        v.parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s > 0.0 && *s < 1e9)
            .map(Duration::from_secs_f64)
            .ok_or_else(|| format!("{flag} takes a number of seconds, not {v:?}"))
    };
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            println!("{USAGE}");
            std::process::exit(0)
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value (or is unknown)"))?;
        match flag.as_str() {
            "--port" => {
                out.port = value
                    .parse()
                    .map_err(|_| format!("--port takes a port number, not {value:?}"))?
            }
            "--static" => {
                if !std::path::Path::new(&value).is_dir() {
                    return Err(format!("--static {value:?} is not a directory"));
                }
                out.config.static_dir = Some(value.into())
            }
            "--accounts" => {
                let text = std::fs::read_to_string(&value)
                    .map_err(|e| format!("cannot read --accounts {value:?}: {e}"))?;
                out.config.accounts =
                    accounts_from_json(&text).map_err(|e| format!("--accounts {value:?}: {e}"))?;
            }
            "--fault" => out.config.faults.push(
                Fault::from_params(&parse_urlencoded(value.as_bytes()))
                    .map_err(|e| format!("--fault {value:?}: {e}"))?,
            ),
            "--exit-after-idle" => out.exit_after_idle = Some(seconds(&flag, &value)?),
            "--exit-after" => out.exit_after = Some(seconds(&flag, &value)?),
            "--status-timing" => {
                let parsed = value
                    .split_once(',')
                    .and_then(|(w, f)| Some((w.trim().parse().ok()?, f.trim().parse().ok()?)))
                    .filter(|&(w, f): &(i64, i64)| 0 <= w && w <= f);
                let (waiting_ms, final_ms) = parsed.ok_or_else(|| {
                    format!("--status-timing takes WAITING_MS,FINAL_MS with WAITING <= FINAL, not {value:?}")
                })?;
                out.config.timing = StatusTiming {
                    waiting_ms,
                    final_ms,
                };
            }
            _ => return Err(format!("unknown option {flag:?}")),
        }
    }
    Ok(out)
}
