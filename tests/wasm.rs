//! The wasm bindings in a real JavaScript engine: Node, and headless Chromium when run with
//! `WASM_BINDGEN_USE_BROWSER=1` (see `.ci/test-wasm.sh`). They check what only an engine can:
//! that record text positions slice JavaScript strings (UTF-16) correctly, that the JSON the
//! cold paths return parses, and that hostile input never traps the module (a trap would abort
//! the whole test binary here, since the wasm is built with panic=abort semantics).
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use js_sys::{JsString, Reflect, JSON};
use smtp_reply::wasm::{
    codes, explain_code, explain_text, parse_bytes, parse_str, tables, StreamParser,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Lenient, no switch overridden, preset limits: what JavaScript passes without options.
fn lenient(input: &str) -> Vec<u32> {
    parse_str(input, false, 0, 0, 0, 0)
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn slice(input: &str, start: u32, end: u32) -> String {
    String::from(JsString::from(input).slice(start, end))
}

/// The name a record's error kind number stands for, read from `tables()` by a JS engine.
fn error_kind(record: &[u32]) -> String {
    assert_eq!(record[0], 1, "expected an error record, got {record:?}");
    let names = JSON::parse(&tables()).unwrap();
    let kinds = get(&names, "errorKinds");
    Reflect::get_u32(&kinds, record[1])
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn record_of_a_multiline_reply() {
    let input = "250-mx.example.com\r\n250 SIZE 35882577\r\n";
    let r = lenient(input);
    // tag, code, severity, category, enhanced, flags, start, length, lines
    assert_eq!(&r[..9], &[0, 250, 1, 5, 0, 0, 0, input.len() as u32, 2]);
    let (first, second) = (&r[9..15], &r[15..21]);
    assert_eq!((first[0], first[1], first[5]), (250, 0, 0));
    assert_eq!(slice(input, first[3], first[4]), "mx.example.com");
    assert_eq!((second[1], second[5]), (1, 20));
    assert_eq!(slice(input, second[3], second[4]), "SIZE 35882577");
}

#[wasm_bindgen_test]
fn text_positions_are_utf16_offsets_into_the_javascript_string() {
    // é takes 2 UTF-8 bytes and 1 UTF-16 unit, 😀 4 bytes and 2 units: byte offsets would be wrong.
    let input = "550-5.1.1 Usér 😀 inconnu\r\n550 5.1.1 ünd zwei ✓\r\n";
    let r = lenient(input);
    assert_eq!(r[4], 5 << 24 | 1 << 12 | 1, "packed enhanced code 5.1.1");
    assert_eq!(slice(input, r[9 + 3], r[9 + 4]), "Usér 😀 inconnu");
    assert_eq!(slice(input, r[15 + 3], r[15 + 4]), "ünd zwei ✓");
    assert_eq!(r[7] as usize, input.len(), "length stays in bytes");
}

#[wasm_bindgen_test]
fn byte_input_gets_a_side_string_with_replacement_characters() {
    let mut out = parse_bytes(b"550 5.1.1 caf\xe9 ok\n", false, 0, 0, 0, 0);
    let (r, text) = (out.record(), out.text());
    assert_eq!(r[1], 550);
    assert_eq!(slice(&text, r[9 + 3], r[9 + 4]), "caf\u{fffd} ok");
}

#[wasm_bindgen_test]
fn errors_are_records_with_kind_and_offset() {
    let r = lenient("hello");
    assert_eq!((error_kind(&r), r[2]), ("notANumber".to_string(), 0));
    let r = parse_str("250 OK\n", true, 0, 0, 0, 0);
    assert_eq!((error_kind(&r), r[2]), ("bareLineFeed".to_string(), 6));
    assert_eq!(error_kind(&lenient("")), "empty");
    assert_eq!(error_kind(&lenient("250-more to come\n")), "incomplete");
    // Switch 0 (allowLfEndings) set to true on top of strict.
    assert_eq!(parse_str("250 OK\n", true, 1, 1, 0, 0)[0], 0);
    // maxLineLength 8 on top of lenient.
    assert_eq!(
        error_kind(&parse_str("250 a very long line\n", false, 0, 0, 8, 0)),
        "lineTooLong"
    );
}

#[wasm_bindgen_test]
fn explanations_are_json_for_every_code() {
    for code in 100..=999 {
        let value = JSON::parse(&explain_code(code)).unwrap();
        assert_eq!(get(&value, "kind"), "basic");
        assert_eq!(get(&value, "code").as_f64(), Some(code as f64));
        assert_eq!(
            Reflect::get_u32(&get(&value, "digits"), 2)
                .map(|d| d.is_object())
                .ok(),
            Some(true)
        );
    }
    let all = JSON::parse(&codes()).unwrap();
    let enhanced = get(&all, "enhanced");
    let count = get(&enhanced, "length").as_f64().unwrap() as u32;
    assert!(
        count > 50,
        "the registry has more than 50 entries, got {count}"
    );
    for i in 0..count {
        let code = get(&Reflect::get_u32(&enhanced, i).unwrap(), "code")
            .as_string()
            .unwrap();
        let concrete = code.replacen('X', "5", 1);
        let value = JSON::parse(&explain_text(&concrete)).unwrap();
        assert_eq!(get(&value, "code").as_string(), Some(concrete.clone()));
        assert!(
            get(&get(&value, "detail"), "title").is_string(),
            "{concrete} has a title"
        );
    }
    let bad = JSON::parse(&explain_text("not a code")).unwrap();
    assert!(js_sys::Array::is_array(&bad));
}

#[wasm_bindgen_test]
fn streaming_any_chunking_gives_the_one_shot_replies() {
    let stream = b"220 mx ESMTP\r\n250-mx\r\n250-SIZE 1000\r\n250 8BITMIME\r\n354 Go ahead\r\n";
    let mut whole = StreamParser::new(true, 0, 0, 0, 0);
    let expected = whole.push(stream).record();
    assert_eq!(expected.iter().filter(|&&x| x == 0).count() >= 4, true);
    for size in 1..stream.len() {
        let mut parser = StreamParser::new(true, 0, 0, 0, 0);
        let mut got = Vec::new();
        for chunk in stream.chunks(size) {
            got.extend(parser.push(chunk).record());
        }
        assert_eq!(parser.buffered(), 0);
        // Same replies: compare codes and line counts (text positions are per side string).
        let summary = |r: &[u32]| {
            let mut out = Vec::new();
            let mut i = 0;
            while i < r.len() {
                out.push((r[i + 1], r[i + 8]));
                i += 9 + 6 * r[i + 8] as usize;
            }
            out
        };
        assert_eq!(summary(&got), summary(&expected), "chunk size {size}");
    }
}

#[wasm_bindgen_test]
fn streaming_error_then_recovery() {
    let mut parser = StreamParser::new(true, 0, 0, 0, 0);
    let r = parser.push(b"hello\r\n250 OK\r\n").record();
    assert_eq!(error_kind(&r), "notANumber");
    // The reply after the bad line comes out at the end of the stream.
    let r = parser.finish().record();
    assert_eq!((r[0], r[1]), (0, 250));
    let mut cut = StreamParser::new(true, 0, 0, 0, 0);
    cut.push(b"250-first\r\n");
    assert_eq!(error_kind(&cut.finish().record()), "incomplete");
}

/// A small deterministic generator, so failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[wasm_bindgen_test]
fn hostile_input_never_traps_and_the_module_keeps_working() {
    let alphabet = b"0123456789 -.\r\n\t#\xff\xc3\xa9\xf0\x9f\x98\x80abcXYZ";
    let mut rng = XorShift(0x5eed_1234_abcd_ef01);
    for round in 0..3000 {
        let len = (rng.next() % 200) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
            .collect();
        let strict = round % 2 == 0;
        let mut out = parse_bytes(&bytes, strict, 0, 0, 0, 0);
        let r = out.record();
        assert!(r[0] <= 1);
        let text = String::from_utf8_lossy(&bytes);
        let r = parse_str(&text, strict, 0, 0, 0, 0);
        if r[0] == 0 {
            // Every text position is inside the string.
            let units = JsString::from(text.as_ref()).length();
            let lines = r[8] as usize;
            for l in 0..lines {
                let f = &r[9 + 6 * l..15 + 6 * l];
                assert!(
                    f[3] <= f[4] && f[4] <= units,
                    "{text:?}: {f:?} beyond {units}"
                );
            }
        }
        let mut parser = StreamParser::new(strict, 0, 0, 0, 0);
        for chunk in bytes.chunks(1 + (rng.next() % 7) as usize) {
            parser.push(chunk);
        }
        parser.finish();
    }
    // Large inputs: a 4 MB line (the limit is checked before the digits), 100k lines of one reply.
    let long = "2".repeat(4 << 20);
    assert_eq!(error_kind(&lenient(&long)), "lineTooLong");
    let many = "250-x\n".repeat(100_000);
    assert_eq!(error_kind(&lenient(&many)), "tooManyLines");
    // And the module still answers.
    assert_eq!(lenient("250 OK\r\n")[1], 250);
}
