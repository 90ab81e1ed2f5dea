//! `smsc-emulator [--port N] [--static DIR] [--exit-after SECS]`: prints
//! `listening on http://127.0.0.1:PORT` once ready.

use std::io::Write;
use std::net::TcpListener;

use smsc_emulator::{serve, Config};

fn main() {
    let mut port = 0u16;
    let mut config = Config::default();
    let mut exit_after: Option<u64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--port", Some(v)) => {
                port = v.parse().unwrap_or_else(|_| usage("--port takes a number"))
            }
            ("--static", Some(v)) => config.static_dir = Some(v.into()),
            ("--exit-after", Some(v)) => {
                exit_after = Some(
                    v.parse()
                        .unwrap_or_else(|_| usage("--exit-after takes seconds")),
                )
            }
            _ => usage(&format!("unexpected argument {arg:?}")),
        }
    }
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap_or_else(|e| {
        eprintln!("smsc-emulator: cannot listen on 127.0.0.1:{port}: {e}");
        std::process::exit(1)
    });
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    println!("listening on http://{addr}");
    let _ = std::io::stdout().flush();
    // A forgotten emulator (a test that died) must not live forever.
    if let Some(secs) = exit_after {
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(secs));
            std::process::exit(0)
        });
    }
    serve(listener, config);
}

fn usage(why: &str) -> ! {
    eprintln!(
        "smsc-emulator: {why}\nusage: smsc-emulator [--port N] [--static DIR] [--exit-after SECS]"
    );
    std::process::exit(2)
}
