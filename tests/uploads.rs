//! Files sent with a request, end to end: an MMS with an image and a sender name's document go
//! as `multipart/form-data` bodies the library builds; the emulator keeps what it received.

mod common;

use serde_json::json;
use smsc_core::{Client, Output, Request, Upload};

fn post(agent: &ureq::Agent, request: &Request, files: &[Upload]) -> Output {
    let multipart = request.with_files(files, None).expect("a valid upload");
    let mut response = agent
        .post(&multipart.url)
        .content_type(&multipart.content_type)
        .send(&multipart.body[..])
        .expect("the emulator answers");
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_vec().unwrap();
    request.parse(status, &body).expect("a result")
}

fn uploads(agent: &ureq::Agent, base: &str) -> Vec<serde_json::Value> {
    let mut response = agent
        .get(format!("{base}/emulator/uploads"))
        .call()
        .unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
    v["uploads"].as_array().unwrap().clone()
}

/// A JPEG's first bytes, enough for the emulator to keep and show.
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9";

#[test]
fn an_mms_with_an_image_and_a_sender_document_arrive_as_sent() {
    let (base, agent) = (common::emulator(), common::agent());
    let client = Client::new("demo", "demo-password")
        .unwrap()
        .with_base_url(&base)
        .unwrap();
    let mms = client
        .prepare_json(
            "send_mms",
            json!({"phones": "79991234567", "message": "Look", "subj": "Photo"}),
        )
        .unwrap();
    let Output::SendMms(sent) = post(&agent, &mms, &[Upload::new("фото.jpg", JPEG)]) else {
        panic!("an MMS result")
    };
    assert_eq!(sent.sms_count, 1);
    let doc = client
        .prepare_json("sender_add", json!({"sender": "SHOP"}))
        .unwrap();
    let pdf = Upload::new("certificate.pdf", b"%PDF-1.4 trademark".to_vec());
    assert!(matches!(post(&agent, &doc, &[pdf]), Output::SenderAdd(_)));
    let got = uploads(&agent, &base);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        (
            &got[0]["script"],
            &got[0]["field"],
            &got[0]["filename"],
            &got[0]["content_type"],
            &got[0]["size"]
        ),
        (
            &json!("send.php"),
            &json!("file0"),
            &json!("фото.jpg"),
            &json!("image/jpeg"),
            &json!(JPEG.len())
        )
    );
    assert_eq!(got[1]["script"], "senders.php");
    assert_eq!(got[1]["head"], "%PDF-1.4 trademark");
}
