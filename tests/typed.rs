//! Every operation through its typed call: for each case of the fixture corpus that expects a
//! result, the operation's own `Client` method builds the request from the case's parameters
//! (read into the operation's parameter type) and `Prepared::parse` reads the answer into the
//! operation's own result type. Both must agree with the by-name path the frontends use.

use std::path::{Path, PathBuf};

use serde_json::Value;
use smsc_core::ops::*;
use smsc_core::{CallOf, Client, Prepared, Request, OPERATIONS};

/// What a typed call made of a case: its request and its result as plain data.
type Outcome = Result<(Request, Value), String>;

fn typed<O: CallOf>(
    client: &Client,
    params: Value,
    response: (u16, &[u8]),
    method: impl Fn(&Client, O::Params) -> smsc_core::Result<Prepared<O>>,
) -> Outcome {
    let params: O::Params =
        serde_json::from_value(params).map_err(|e| format!("params do not read: {e}"))?;
    let prepared = method(client, params).map_err(|e| format!("typed prepare failed: {e}"))?;
    let output: O::Output = prepared
        .parse(response.0, response.1)
        .map_err(|e| format!("typed parse failed: {e}"))?;
    let value = serde_json::to_value(&output).map_err(|e| e.to_string())?;
    Ok((prepared.into_request(), value))
}

macro_rules! typed_calls {
    ($( $method:ident => $op:ty, )+) => {
        /// The operations this test calls by their typed method.
        const TYPED: &[&str] = &[ $( stringify!($method), )+ ];

        fn typed_call(op: &str, client: &Client, params: Value, response: (u16, &[u8])) -> Option<Outcome> {
            match op {
                $( stringify!($method) => Some(typed::<$op>(client, params, response, |c, p| c.$method(p))), )+
                _ => None,
            }
        }
    };
}

typed_calls! {
        balance => balance::BalanceOp,
        send_sms => send::SendSmsOp,
        cost => cost::CostOp,
        status => status::StatusOp,
        delete_message => delete::DeleteOp,
        send_hlr => send::SendHlrOp,
        send_ping => send::SendPingOp,
        send_mms => send::SendMmsOp,
        send_email => send::SendEmailOp,
        send_call => send::SendCallOp,
        send_viber => send::SendViberOp,
        send_telegram => send::SendTelegramOp,
        send_sms_json => send::SendSmsJsonOp,
        job_add => jobs::JobAddOp,
        job_delete => jobs::JobDeleteOp,
        job_cancel => jobs::JobCancelOp,
        job => jobs::JobOp,
        jobs => jobs::JobsOp,
        template_add => templates::TemplateAddOp,
        template_update => templates::TemplateUpdateOp,
        template_delete => templates::TemplateDeleteOp,
        templates => templates::TemplatesOp,
        operator_template_add => op_templates::OperatorTemplateAddOp,
        operator_templates => op_templates::OperatorTemplatesOp,
        monitoring_event => monitoring::MonitoringEventOp,
        contact_add => contacts::ContactAddOp,
        contact_update => contacts::ContactUpdateOp,
        contact_delete => contacts::ContactDeleteOp,
        contacts => contacts::ContactsOp,
        group_add => contacts::GroupAddOp,
        group_update => contacts::GroupUpdateOp,
        group_delete => contacts::GroupDeleteOp,
        groups => contacts::GroupsOp,
        contact_group_move => contacts::ContactGroupMoveOp,
        contact_group_add => contacts::ContactGroupAddOp,
        contact_group_remove => contacts::ContactGroupRemoveOp,
        blacklist_add => contacts::BlacklistAddOp,
        blacklist_delete => contacts::BlacklistDeleteOp,
        subclient_add => subclients::SubclientAddOp,
        subclient_update => subclients::SubclientUpdateOp,
        subclient_pay => subclients::SubclientPayOp,
        subclient_stats => subclients::SubclientStatsOp,
        subclient_stats_detailed => subclients::SubclientStatsDetailedOp,
        senders => senders::SendersOp,
        sender_add => senders::SenderAddOp,
        sender_update => senders::SenderUpdateOp,
        sender_delete => senders::SenderDeleteOp,
        sender_send_code => senders::SenderSendCodeOp,
        sender_check_code => senders::SenderCheckCodeOp,
        invoice_add => documents::InvoiceAddOp,
        invoice_get => documents::InvoiceGetOp,
        act_get => documents::ActGetOp,
        history => history::HistoryOp,
        incoming => incoming::IncomingOp,
        statistics => statistics::StatisticsOp,
        rates => rates::RatesOp,
        operator_info => operator::OperatorInfoOp,
        short_link => short_link::ShortLinkOp,
}

fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixtures directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            case_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_operation_has_a_typed_call() {
    assert_eq!(TYPED, OPERATIONS);
}

#[test]
fn every_operation_answers_through_its_typed_call_as_by_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    files.sort();
    let mut per_op: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut failures = Vec::new();
    for path in &files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let (Some(op), Some(expected)) = (case["op"].as_str(), case["expect"].get("result")) else {
            continue;
        };
        let Some(body) = case["response"]["body"].as_str() else {
            continue; // bodies given as base64 are not text; the fixture suite reads them
        };
        let status = case["response"]["status"].as_u64().unwrap_or(200) as u16;
        let client = Client::from_json(case["client"].clone()).unwrap();
        let params = case.get("params").cloned().unwrap_or(Value::Null);
        let params = if params.is_null() {
            serde_json::json!({})
        } else {
            params
        };
        let by_name = client.prepare_json(op, params.clone()).unwrap();
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        match typed_call(op, &client, params, (status, body.as_bytes())) {
            None => failures.push(format!("{name}: no typed call for {op}")),
            Some(Err(e)) => failures.push(format!("{name}: {e}")),
            Some(Ok((request, result))) => {
                let dynamic =
                    serde_json::to_value(by_name.parse(status, body.as_bytes()).unwrap()).unwrap();
                if request != by_name {
                    failures.push(format!(
                        "{name}: the typed request differs from the by-name one"
                    ));
                } else if result != dynamic || &result != expected {
                    failures.push(format!("{name}: typed result {result} differs (by name {dynamic}, expected {expected})"));
                } else {
                    let op = OPERATIONS.iter().find(|o| **o == op).unwrap();
                    *per_op.entry(op).or_default() += 1;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let missing: Vec<&&str> = OPERATIONS
        .iter()
        .filter(|op| !per_op.contains_key(**op))
        .collect();
    assert!(
        missing.is_empty(),
        "operations with no typed case: {missing:?}"
    );
}

/// The parameters of every case read the same from JSON text (the wasm and C path) as from JSON
/// data (the Python and Rust path): the same call, or the same error word for word.
#[test]
fn parameters_read_the_same_from_text_and_from_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    let mut checked = 0;
    for path in &files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let Some(op) = case["op"].as_str() else {
            continue;
        };
        let params = case.get("params").cloned().unwrap_or(Value::Null);
        let from_data = smsc_core::Call::from_json(op, params.clone());
        let from_text = smsc_core::Call::from_json_text(op, &params.to_string());
        assert_eq!(from_text, from_data, "{}", path.display());
        checked += 1;
    }
    assert!(checked > 800, "only {checked} cases");
    for text in [
        "[]",
        "3",
        "\"x\"",
        "{",
        "{} x",
        "{\"phones\": }",
        "nul",
        "",
        "  null ",
        &"[".repeat(200),
        &format!("{{\"list\": {}1{}}}", "[".repeat(200), "]".repeat(200)),
    ] {
        let from_text = smsc_core::Call::from_json_text("send_sms", text);
        let from_data = smsc_core::ops::json_from_text(text, "params")
            .and_then(|v| smsc_core::Call::from_json("send_sms", v));
        assert_eq!(from_text, from_data, "{text:?}");
    }
}
