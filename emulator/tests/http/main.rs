//! The emulator over real TCP: every format of every script, the documented errors, exact money,
//! statuses on the emulated clock, and the HTTP details browsers and curl rely on.

mod accounts;
mod balance;
mod client;
mod data;
mod faults;
mod jobs;
mod load;
mod send;
mod server;
mod status;
