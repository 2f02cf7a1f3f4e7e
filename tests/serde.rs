//! The `serde` feature: replies, lines and classifications as JSON, with the names and shapes
//! JavaScript's `parse` and `classify` give them (`cargo test --features serde --test serde`).
#![cfg(feature = "serde")]

use std::collections::BTreeSet;

use serde_json::{json, Value};
use smtp_reply::{classify_text, parse, Action, Ehlo, ParserConfig, Reason};

const GMAIL: &[u8] =
    b"550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n\
550-5.1.1 double-checking the recipient's email address for typos or\r\n\
550 5.1.1 https://support.google.com/mail/?p=NoSuchUser x1si - gsmtp\r\n";

fn classified(text: &[u8]) -> Value {
    serde_json::to_value(classify_text(text).expect("a reply")).unwrap()
}

#[test]
fn a_reply_and_its_lines() {
    let reply = parse(GMAIL, &ParserConfig::strict()).unwrap().unwrap();
    let json = serde_json::to_value(reply).unwrap();
    assert_eq!(json["code"], 550);
    assert_eq!(json["severity"], "permanentNegative");
    assert_eq!(json["category"], "mailSystem");
    assert_eq!(json["enhanced"], "5.1.1");
    assert_eq!(json["length"], GMAIL.len());
    assert_eq!(json["mixedCodes"], false);
    assert_eq!(json["classMismatch"], false);
    assert_eq!(json["text"], reply.text(), "the lines' text joined by \\n");
    assert_eq!(
        json["lines"][2],
        json!({
            "code": 550,
            "last": true,
            "enhanced": "5.1.1",
            "text": "https://support.google.com/mail/?p=NoSuchUser x1si - gsmtp",
            "offset": GMAIL.windows(15).position(|w| w == b"550 5.1.1 https").unwrap(),
        })
    );
    assert_eq!(json["lines"].as_array().unwrap().len(), 3);
    // Bytes that are not UTF-8 become U+FFFD, as in JavaScript.
    let odd = parse(b"250 caf\xe9\r\n", &ParserConfig::lenient())
        .unwrap()
        .unwrap();
    assert_eq!(serde_json::to_value(odd).unwrap()["text"], "caf\u{fffd}");
}

#[test]
fn classifications_as_javascript_has_them() {
    let c = classify_text(GMAIL).unwrap();
    let json = classified(GMAIL);
    assert_eq!(json["reason"], "userunknown");
    assert_eq!(
        json["provider"],
        json!({ "id": "google", "name": "Google" })
    );
    assert_eq!(json["hard"], true);
    assert_eq!(json["action"], "doNotRetry");
    assert_eq!(json["retryable"], false);
    assert_eq!(json["retryDelay"], Value::Null);
    assert_eq!(
        json["links"],
        json!(["https://support.google.com/mail/?p=NoSuchUser"])
    );
    assert_eq!(json["command"], Value::Null);
    assert_eq!(json["source"], "reply");
    assert_eq!(json["advice"]["summary"], c.advice().summary());
    let fixes: Vec<&str> = c.advice().fixes().into_iter().collect();
    assert_eq!(json["advice"]["fixes"], json!(fixes));
    assert_eq!(json["lines"].as_array().unwrap().len(), 3);

    // A log line: the command found, a stated delay, the reply's own text.
    let log = b"host mx.example.com[192.0.2.1] said: 450 4.2.0 <bob@example.com>: \
                Recipient address rejected: Greylisted for 5 minutes (in reply to RCPT TO command)";
    let json = classified(log);
    assert_eq!(json["command"], "RCPT");
    assert_eq!(json["source"], "postfix");
    assert_eq!(json["action"], Action::RetryLater.as_str());
    assert_eq!(
        json["retryDelay"],
        json!({ "seconds": 300, "stated": true })
    );
    assert_eq!(
        json["replyText"],
        "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted for 5 minutes"
    );
    assert_eq!(
        json["provider"],
        json!({ "id": "postfix", "name": "Postfix" })
    );

    // No reply code: no lines, the words found are the text, the category is unknown.
    let json = classified(b"connect to mx.example.com[192.0.2.1]:25: Connection refused");
    assert_eq!(json["code"], Value::Null);
    assert_eq!(json["category"], "unknown");
    assert_eq!(json["lines"], json!([]));
    assert_eq!(json["text"], json["replyText"]);
    assert_eq!(json["reason"], Reason::NetworkError.as_str());
}

const EHLO: &[u8] = b"250-mx.google.com at your service, [203.0.113.5]\r\n\
250-SIZE 157286400\r\n250-AUTH LOGIN PLAIN XOAUTH2\r\n250-X-CUSTOM a b\r\n250 STARTTLS\r\n";

fn ehlo_json(text: &[u8]) -> Value {
    let reply = parse(text, &ParserConfig::strict()).unwrap().unwrap();
    serde_json::to_value(Ehlo::from_reply(reply).unwrap()).unwrap()
}

#[test]
fn an_ehlo_reply_and_its_extensions() {
    let json = ehlo_json(EHLO);
    assert_eq!(json["code"], 250);
    assert_eq!(json["lines"].as_array().unwrap().len(), 5);
    assert_eq!(json["domain"], "mx.google.com");
    assert_eq!(json["greeting"], "at your service, [203.0.113.5]");
    assert_eq!(json["size"], 157_286_400);
    assert_eq!(json["auth"], json!(["LOGIN", "PLAIN", "XOAUTH2"]));
    assert_eq!(
        json["extensions"],
        json!([
            { "keyword": "SIZE", "kind": "SIZE", "rfc": "RFC 1870", "params": ["157286400"], "number": 157_286_400 },
            { "keyword": "AUTH", "kind": "AUTH", "rfc": "RFC 4954", "params": ["LOGIN", "PLAIN", "XOAUTH2"], "number": null },
            { "keyword": "X-CUSTOM", "kind": null, "rfc": null, "params": ["a", "b"], "number": null },
            { "keyword": "STARTTLS", "kind": "STARTTLS", "rfc": "RFC 3207", "params": [], "number": null },
        ])
    );
    // SIZE without a number, and no AUTH.
    let json = ehlo_json(b"250-mx.example.com\r\n250 SIZE\r\n");
    assert_eq!(json["size"], Value::Null);
    assert_eq!(json["auth"], json!([]));
}

/// The fields of an interface of pkg/index.d.ts (`name:` or `name?:` at two spaces).
fn interface_fields(dts: &str, name: &str) -> BTreeSet<String> {
    let start = dts
        .find(&format!("export interface {name} "))
        .unwrap_or_else(|| panic!("interface {name}"));
    let body = &dts[start..start + dts[start..].find("\n}").unwrap()];
    body.lines()
        .skip(1)
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split([':', '?']).next())
        .map(str::to_owned)
        .collect()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

/// Rust's JSON and JavaScript's objects have the same fields, but the explanations, which
/// JavaScript adds from its knowledge tables: a field added on one side fails here.
#[test]
fn the_fields_are_javascripts() {
    let dts = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pkg/index.d.ts"))
        .expect("pkg/index.d.ts");
    let explanations: BTreeSet<String> = ["explanation", "enhancedExplanation"]
        .map(String::from)
        .into();
    let parsed = interface_fields(&dts, "ParsedReply");
    let reply = parse(GMAIL, &ParserConfig::strict()).unwrap().unwrap();
    let json = serde_json::to_value(reply).unwrap();
    assert_eq!(keys(&json), &parsed - &explanations);
    assert_eq!(keys(&json["lines"][0]), interface_fields(&dts, "Line"));
    let classification = &(&parsed | &interface_fields(&dts, "Classification")) - &explanations;
    assert_eq!(keys(&classified(GMAIL)), classification);
    let advice = interface_fields(&dts, "Advice");
    assert_eq!(keys(&classified(GMAIL)["advice"]), advice);
    let ehlo = &(&parsed | &interface_fields(&dts, "EhloReply")) - &explanations;
    let json = ehlo_json(EHLO);
    assert_eq!(keys(&json), ehlo);
    let extension = interface_fields(&dts, "EhloExtension");
    assert_eq!(keys(&json["extensions"][0]), extension);
}
