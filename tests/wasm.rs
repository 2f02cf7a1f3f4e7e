//! The wasm bindings in a real JavaScript engine: Node, and headless Chromium when run with
//! `WASM_BINDGEN_USE_BROWSER=1` (see `.ci/test-wasm.sh`). They check what only an engine can:
//! that record text positions slice JavaScript strings (UTF-16) correctly, that the JSON the
//! cold paths return parses, and that hostile input never traps the module (a trap would abort
//! the whole test binary here, since the wasm is built with panic=abort semantics).
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use js_sys::{JsString, Reflect, JSON};
use smtp_reply::wasm::{
    codes, command_index, config_bits, explain_code, explain_text, op, reasons, retry_delay,
    tables, Engine, StreamParser, NO_COMMAND,
};
use smtp_reply::Reason;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// `parse` through the engine, as JavaScript calls it: the record, and the side text for bytes.
fn parse_with(
    input: &[u8],
    bytes: bool,
    strict: bool,
    set: u32,
    values: u32,
    max_line: u32,
) -> (Vec<u32>, String) {
    let mut engine = Engine::new();
    let len = engine.load(input);
    let n = engine.parse(len, bytes, strict, set, values, max_line, 0);
    assert_eq!(n as usize, engine.record().len());
    (engine.record().to_vec(), engine.side_text())
}

fn parse_str(input: &str, strict: bool, set: u32, values: u32, max_line: u32) -> Vec<u32> {
    parse_with(input.as_bytes(), false, strict, set, values, max_line).0
}

/// Lenient, no switch overridden, preset limits: what JavaScript passes without options.
fn lenient(input: &str) -> Vec<u32> {
    parse_str(input, false, 0, 0, 0)
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
    let (r, text) = parse_with(b"550 5.1.1 caf\xe9 ok\n", true, false, 0, 0, 0);
    assert_eq!(r[1], 550);
    assert_eq!(slice(&text, r[9 + 3], r[9 + 4]), "caf\u{fffd} ok");
}

#[wasm_bindgen_test]
fn errors_are_records_with_kind_and_offset() {
    let r = lenient("hello");
    assert_eq!((error_kind(&r), r[2]), ("notANumber".to_string(), 0));
    let r = parse_str("250 OK\n", true, 0, 0, 0);
    assert_eq!((error_kind(&r), r[2]), ("bareLineFeed".to_string(), 6));
    assert_eq!(error_kind(&lenient("")), "empty");
    assert_eq!(error_kind(&lenient("250-more to come\n")), "incomplete");
    // Switch 0 (allowLfEndings) set to true on top of strict.
    assert_eq!(parse_str("250 OK\n", true, 1, 1, 0)[0], 0);
    let r = parse_str("250 a\x1bb\r\n", true, 0, 0, 0);
    assert_eq!((error_kind(&r), r[2]), ("controlCharacter".to_string(), 5));
    // Switch 7 (allowControlCharacters) set to true on top of strict.
    assert_eq!(parse_str("250 a\x1bb\r\n", true, 1 << 7, 1 << 7, 0)[0], 0);
    // maxLineLength 8 on top of lenient.
    assert_eq!(
        error_kind(&parse_str("250 a very long line\n", false, 0, 0, 8)),
        "lineTooLong"
    );
}

/// `reasons()`: every reason in the order of the names JavaScript reads records with, its
/// hard flag as the core has it, and advice.
#[wasm_bindgen_test]
fn reasons_are_json_in_the_order_of_the_names() {
    let all = JSON::parse(&reasons()).unwrap();
    assert_eq!(get(&all, "length").as_f64(), Some(Reason::ALL.len() as f64));
    for (i, reason) in Reason::ALL.iter().enumerate() {
        let item = Reflect::get_u32(&all, i as u32).unwrap();
        assert_eq!(get(&item, "reason").as_string().unwrap(), reason.as_str());
        assert_eq!(name("reasons", i as u32), reason.as_str());
        let hard = get(&item, "hard").as_f64() == Some(1.0);
        assert_eq!(hard, reason.is_hard(), "{reason}");
        let bounce = get(&item, "bounce").as_f64() == Some(1.0);
        assert_eq!(bounce, reason.is_bounce(), "{reason}");
        let summary = get(&get(&item, "advice"), "summary").as_string().unwrap();
        assert_eq!(summary, reason.advice().summary());
    }
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
    assert_eq!(summary(&expected), [(220, 1), (250, 3), (354, 1)]);
    for size in 1..stream.len() {
        let mut parser = StreamParser::new(true, 0, 0, 0, 0);
        let mut got = Vec::new();
        for chunk in stream.chunks(size) {
            got.extend(parser.push(chunk).record());
        }
        assert_eq!(parser.buffered(), 0);
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

/// A name from `tables()` (as read by a JS engine) for a record number.
fn name(table: &str, index: u32) -> String {
    let names = JSON::parse(&tables()).unwrap();
    Reflect::get_u32(&get(&names, table), index)
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn classification_record_of_a_gmail_bounce() {
    let input = "550-5.1.1 The email account that you tried to reach does not exist.\r\n\
                 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser x1si - gsmtp\r\n";
    let mut engine = Engine::new();
    let len = engine.load(input.as_bytes());
    engine.classify(len, false, u32::MAX);
    let r = engine.record().to_vec();
    assert_eq!((r[0], r[1]), (2, 550));
    assert_eq!(name("reasons", r[5]), "userunknown");
    assert_eq!(name("providers", r[6]), "google");
    assert_eq!(r[7], u32::MAX, "no command in a bare reply");
    assert_eq!(name("actions", r[8]), "doNotRetry");
    assert_eq!(r[9] & 4, 4, "hard");
    assert_eq!(name("sources", r[11]), "reply");
    // The advice's number, and from bit 24 whose advice it is (the reason's here).
    assert_eq!(name("adviceSources", r[12] >> 24), "reason");
    let advice = JSON::parse(&engine.advice_json(r[12] & 0xff_ffff)).unwrap();
    assert!(get(&advice, "summary")
        .as_string()
        .is_some_and(|s| !s.is_empty()));
    assert_eq!(slice(input, r[13], r[14]), input.trim_end());
    assert_eq!(r[16], 1, "one link");
    assert_eq!(
        slice(input, r[17], r[18]),
        "https://support.google.com/mail/?p=NoSuchUser"
    );
    assert_eq!(r[19], 2, "two lines");
}

/// `op::ASCII`, which JavaScript sets for a string that it wrote as ASCII, changes no record
/// of an ASCII input: no option of `parse`, no separator of `classifyMany` is taken for it.
#[wasm_bindgen_test]
fn the_ascii_bit_changes_no_record_of_ascii_input() {
    let log = "250-mx.example.com\n250 SIZE 1000\n550 5.1.1 User unknown\n";
    let lenient = config_bits(false, 0, 0);
    let strict_lf = config_bits(true, 0b1, 0b1); // strict, LF endings allowed
    for (op_code, input, a) in [
        (op::PARSE, log, lenient),
        (op::PARSE, log, strict_lf),
        (op::PARSE_EHLO, log, lenient),
        (op::CLASSIFY, log, 0),
        (op::CLASSIFY_MANY, log, b'\n' as u32),
    ] {
        let mut engine = Engine::new();
        let len = engine.load(input.as_bytes());
        engine.run(op_code, len, a, u32::MAX, 0);
        let (plain, value) = (engine.record().to_vec(), engine.value());
        engine.run(op_code, len, a | op::ASCII, u32::MAX, 0);
        assert_eq!(engine.record(), plain, "op {op_code} with {a:#x}");
        assert_eq!(engine.value(), value, "op {op_code}");
    }
}

#[wasm_bindgen_test]
fn classify_many_lines_skips_blanks_and_reports_lines_without_a_reply() {
    let log = "250 2.0.0 OK\r\n\r\nno reply here\n452 4.2.2 Mailbox full\n";
    let mut engine = Engine::new();
    let len = engine.load(log.as_bytes());
    engine.classify_many(len, b'\n', u32::MAX, 0);
    let r = engine.record().to_vec();
    // Walk the records: classified (variable length) or error (5 numbers).
    let mut tags = Vec::new();
    let mut i = 0;
    while i < r.len() {
        tags.push((r[i], r[i + 1]));
        if r[i] == 1 {
            assert_eq!(slice(log, r[i + 3], r[i + 4]), "no reply here");
            i += 5;
        } else {
            let links = r[i + 16] as usize;
            let lines = r[i + 17 + 2 * links] as usize;
            i += 18 + 2 * links + 6 * lines;
        }
    }
    assert_eq!(
        tags,
        [(2, 250), (1, name_index("errorKinds", "empty")), (2, 452)]
    );
}

/// The reason and command of each classified record in the engine's last record.
fn reasons_and_commands(engine: &Engine) -> Vec<(u32, u32)> {
    // A verdict starts at the record's code: the reason is its fifth field, the command its
    // seventh.
    let all = verdicts(engine);
    assert!(all.iter().all(|v| v.len() > 1), "classified records only");
    all.iter().map(|v| (v[4], v[6])).collect()
}

/// What each record of the engine's last record decided, without its text positions (which
/// are the joined input's in `classifyMany`): a classification's fields from its code to its
/// advice, or an error's kind.
fn verdicts(engine: &Engine) -> Vec<Vec<u32>> {
    let r = engine.record();
    let mut out = Vec::new();
    let mut i = 0;
    while i < r.len() {
        if r[i] == 1 {
            out.push(vec![r[i + 1]]);
            i += 5;
        } else {
            out.push(r[i + 1..i + 13].to_vec());
            let links = r[i + 16] as usize;
            let lines = r[i + 17 + 2 * links] as usize;
            i += 18 + 2 * links + 6 * lines;
        }
    }
    out
}

/// `classifyMany` of items with commands decides for each item what `classify` of it alone
/// decides with the same command, for random mixes of replies, log lines and noise.
#[wasm_bindgen_test]
fn classify_many_decides_as_classify_of_each_item_with_its_command() {
    let pool = [
        "550 5.1.1 User unknown",
        "452 4.2.2 Mailbox full",
        "421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp",
        "250 2.0.0 OK queued",
        "said: 550 5.7.1 Rejected (in reply to end of DATA command)",
        "Diagnostic-Code: smtp; 451 4.7.1 Greylisted for 5 minutes",
        "connect ECONNREFUSED 192.0.2.1:25",
        "no reply here",
        "",
        "554-5.7.1 blocked\r\n554 5.7.1 see https://example.com/x",
    ];
    let commands = ["RCPT", "MAIL", "DATA-END", "EHLO", "AUTH", "STARTTLS"];
    let mut rng = XorShift(0x0dd5_eed5_1234_5678);
    let mut engine = Engine::new();
    for round in 0..200 {
        let n = 1 + (rng.next() % 6) as usize;
        let items: Vec<&str> = (0..n)
            .map(|_| pool[(rng.next() % pool.len() as u64) as usize])
            .collect();
        let own: Vec<u8> = (0..n)
            .map(|_| match rng.next() % 3 {
                0 => NO_COMMAND,
                _ => command_index(commands[(rng.next() % 6) as usize]) as u8,
            })
            .collect();
        let all = match round % 3 {
            0 => u32::MAX,
            _ => command_index(commands[(rng.next() % 6) as usize]),
        };
        let mut want = Vec::new();
        for (item, &c) in items.iter().zip(&own) {
            let len = engine.load(item.as_bytes());
            let command = if c == NO_COMMAND { all } else { c as u32 };
            engine.classify(len, false, command);
            want.extend(verdicts(&engine));
        }
        let mut bytes = items.join("\u{0}").into_bytes();
        bytes.extend_from_slice(&own);
        let len = engine.load(&bytes);
        engine.classify_many(len, 0, all, n as u32);
        assert_eq!(engine.value(), n as u32);
        assert_eq!(verdicts(&engine), want, "{items:?} {own:?} {all}");
    }
}

/// Each item's own command (a byte after the text) wins over the command for all, which
/// wins over none: "user unknown" after the data is a filter's verdict, and in answer to MAIL
/// a refused sender.
#[wasm_bindgen_test]
fn classify_many_takes_a_command_for_all_and_one_per_item() {
    let reason = |n: &str| name_index("reasons", n);
    let command = |n: &str| command_index(n);
    let none = u32::MAX;
    let text = "550 User unknown\u{0}550 User unknown\u{0}550 User unknown";
    let mut engine = Engine::new();
    for (all, each, want) in [
        (none, vec![], [(reason("userunknown"), none); 3].to_vec()),
        (
            command("DATA-END"),
            vec![],
            [(reason("filtered"), command("DATA-END")); 3].to_vec(),
        ),
        (
            command("MAIL"),
            vec![command("DATA-END") as u8, NO_COMMAND, command("RCPT") as u8],
            vec![
                (reason("filtered"), command("DATA-END")),
                (reason("rejected"), command("MAIL")),
                (reason("userunknown"), command("RCPT")),
            ],
        ),
    ] {
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend_from_slice(&each);
        let len = engine.load(&bytes);
        engine.classify_many(len, 0, all, each.len() as u32);
        assert_eq!(engine.value(), 3);
        assert_eq!(reasons_and_commands(&engine), want, "{all} {each:?}");
    }
}

/// JavaScript joins an array with NUL without looking inside the items: the count the engine
/// reads is how it learns that an item held one.
#[wasm_bindgen_test]
fn classify_many_counts_the_items_it_read() {
    let mut engine = Engine::new();
    for (joined, separator, items) in [
        ("250 OK\u{0}550 5.1.1 Unknown\u{0}", 0u8, 3),
        ("250 OK\u{0}550 5.1.1 Un\u{0}known", 0, 3), // two items, one with a NUL: not 2
        ("250 OK\u{1}550 5.1.1 Un\u{0}known", 1, 2),
        ("", 0, 1),
    ] {
        let len = engine.load(joined.as_bytes());
        engine.classify_many(len, separator, u32::MAX, 0);
        assert_eq!(engine.value(), items, "{joined:?}");
    }
}

fn name_index(table: &str, wanted: &str) -> u32 {
    (0..64).find(|&i| name(table, i) == wanted).unwrap()
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
        let (r, _) = parse_with(&bytes, true, strict, 0, 0, 0);
        assert!(r[0] <= 1);
        let text = String::from_utf8_lossy(&bytes);
        let r = parse_str(&text, strict, 0, 0, 0);
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
        // Every other export on the same input.
        let mut engine = Engine::new();
        let len = engine.load(&bytes);
        let n = engine.classify(len, round % 3 == 0, u32::MAX);
        assert!(
            matches!(engine.record().first(), Some(1 | 2)) && n as usize == engine.record().len()
        );
        let n = engine.classify_many(
            len,
            if round % 2 == 0 { b'\n' } else { 0 },
            u32::MAX,
            (round % 4) as u32,
        );
        assert_eq!(n as usize, engine.record().len());
        let _ = retry_delay(
            &text,
            command_index(&text),
            (round % 50) as u32,
            round as u32,
        );
        let _ = explain_text(&text);
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

#[wasm_bindgen_test]
fn engine_streams_by_number_and_reuses_freed_numbers() {
    use smtp_reply::wasm::{config_bits, op};
    let mut engine = Engine::new();
    engine.run(op::STREAM_NEW, 0, config_bits(true, 0, 0), 0, 0);
    let first = engine.value();
    engine.run(op::STREAM_NEW, 0, config_bits(true, 0, 0), 0, 0);
    let second = engine.value();
    assert_ne!(first, second);
    let len = engine.load(b"250-a\r\n250 b\r\n220 x");
    engine.run(op::STREAM_PUSH, len, first, 0, 0);
    let r = engine.record().to_vec();
    assert_eq!((r[0], r[1], r[8]), (0, 250, 2));
    assert_eq!(slice(&engine.side_text(), r[9 + 3], r[9 + 4]), "a");
    engine.run(op::STREAM_BUFFERED, 0, first, 0, 0);
    assert_eq!(engine.value(), 5);
    engine.run(op::STREAM_BUFFERED, 0, second, 0, 0);
    assert_eq!(engine.value(), 0, "parsers keep their own buffers");
    // Strict: the unterminated last reply is an error at the end of the stream.
    engine.run(op::STREAM_FINISH, 0, first, 0, 0);
    assert_eq!(error_kind(engine.record()), "incomplete");
    engine.run(op::STREAM_FREE, 0, first, 0, 0);
    engine.run(op::STREAM_PUSH, len, first, 0, 0);
    assert!(engine.record().is_empty(), "a freed parser does nothing");
    engine.run(op::STREAM_NEW, 0, 0, 0, 0);
    assert_eq!(engine.value(), first, "its number is reused");
    // Unknown numbers are ignored, never trap.
    engine.run(op::STREAM_PUSH, len, 1000, 0, 0);
    engine.run(op::STREAM_BUFFERED, 0, u32::MAX, 0, 0);
    assert_eq!(engine.value(), 0);
}

/// The phrase matcher's fast scan (16-byte blocks in a SIMD128 build, as the Chromium run
/// is; eight bytes otherwise) finds what its normalising window finds: every example reply,
/// as recorded and in random mixes of upper and lower case, classifies alike with single
/// spaces (the fast scan) and doubled ones (only the window takes runs of spaces).
#[wasm_bindgen_test]
fn word_scan_agrees_with_the_window() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut flip = move |c: char| {
        if rng.next() & 1 == 0 {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        }
    };
    for example in smtp_reply::example_replies() {
        for round in 0..8 {
            let text: String = if round == 0 {
                example.into()
            } else {
                example.chars().map(&mut flip).collect()
            };
            let spaced = text.replace(' ', "  ");
            let (a, b) = (
                smtp_reply::classify_str(&text).expect("an example is a reply"),
                smtp_reply::classify_str(&spaced).expect("an example is a reply"),
            );
            assert_eq!(
                (a.reason(), a.provider(), a.action()),
                (b.reason(), b.provider(), b.action()),
                "{text}"
            );
        }
    }
}

/// Stated delays read the same in every alignment of the text to the word scan's blocks (16
/// bytes in a SIMD128 build, as the Chromium run is; eight otherwise) and in any case.
#[wasm_bindgen_test]
fn stated_delays_read_alike_at_every_alignment() {
    let cases: &[(&str, Option<u32>)] = &[
        ("Greylisted for 60 seconds", Some(60)),
        ("please try again in 5 minutes", Some(300)),
        ("come back in 00:02:00", Some(120)),
        ("retry in an hour", Some(3600)),
        ("wait at least 2 hours", Some(7200)),
        ("retry the rest in 1-2 hours", Some(3600)),
        ("deferred for 9 days", None),
        ("sent to 48 recipients in 1 batch", None),
        ("Try again later from [203.0.113.5]", None),
        ("ina minute, fora 5 minutes", None),
    ];
    let mut rng = XorShift(0x0123_4567_89ab_cdef);
    for &(text, want) in cases {
        for pad in 0..16 {
            let mut padded = "x ".repeat(pad / 2) + &" ".repeat(pad % 2) + text;
            for round in 0..2 {
                assert_eq!(
                    smtp_reply::retry::stated_delay(padded.as_bytes()),
                    want,
                    "{padded:?}"
                );
                if round == 0 {
                    padded = padded
                        .chars()
                        .map(|c| {
                            if rng.next() & 1 == 0 {
                                c.to_ascii_uppercase()
                            } else {
                                c
                            }
                        })
                        .collect();
                }
            }
        }
    }
}
