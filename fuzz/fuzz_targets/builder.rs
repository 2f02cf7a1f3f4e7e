//! Build-then-parse: a reply built from fuzz-chosen code, enhanced code, line limit and text
//! must parse strictly, with the code (and the enhanced code, when one was set) on every line
//! and the text back in order (the builder only moves spaces, where it wraps, and turns line
//! breaks into new lines).
//!
//! Input layout: bytes 0–1 the code, bytes 2–5 the enhanced code (byte 2 bit 7 off: none),
//! byte 6 the line limit, the rest the text (lines split at `\n`; non-UTF-8 is replaced).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_reply::{parse, EnhancedStatus, ParserConfig, ReplyBuilder, ReplyCode};

fuzz_target!(|data: &[u8]| {
    let [c0, c1, e0, e1, e2, e3, limit, text @ ..] = data else {
        return;
    };
    let n = u16::from_le_bytes([*c0, *c1]);
    // A standard code: 2xx to 5xx, second digit 0 to 5.
    let Some(code) = ReplyCode::from_u16(200 + (n % 4) * 100 + (n / 4 % 6) * 10 + n / 24 % 10)
    else {
        panic!("a standard code was rejected: {n}")
    };
    let class = match code.as_u16() / 100 {
        4 => 4,
        5 => 5,
        _ => 2,
    };
    let subject = u16::from_le_bytes([*e1, *e2 & 3]) % 1000;
    let detail = u16::from_le_bytes([*e3, *e2 >> 2 & 3]) % 1000;
    let enhanced = (*e0 & 0x80 != 0).then(|| EnhancedStatus::new(class, subject, detail).unwrap());
    // 64 to 512 bytes, so that even the longest enhanced code leaves room for text.
    let limit = 64 + (*limit as usize) * 448 / 255;
    let text = String::from_utf8_lossy(text);

    let mut builder = ReplyBuilder::new(code).max_line_length(limit);
    if let Some(e) = enhanced {
        builder = builder.enhanced(e);
    }
    for line in text.split('\n') {
        builder = builder.line(line);
    }
    let built = builder.build();
    // Long text may wrap over more lines than the strict default allows.
    let config = ParserConfig {
        max_lines: usize::MAX,
        ..ParserConfig::strict()
    };
    let reply = match parse(built.as_bytes(), &config) {
        Ok(status) => status.complete().expect("a built reply is complete"),
        Err(e) => panic!("built reply {built:?} does not parse: {e}"),
    };
    assert_eq!(reply.len(), built.len());
    assert_eq!(reply.code(), code);
    for line in reply.lines() {
        assert_eq!(line.code(), code);
        if enhanced.is_some() {
            assert_eq!(line.enhanced(), enhanced);
        }
    }
    for line in built.split_terminator("\r\n") {
        assert!(line.len() + 2 <= limit, "line over {limit} bytes: {line:?}");
    }
    // The text, without the spaces the builder may move, comes back in order.
    let tag = enhanced.map(|e| format!("{e} ")).unwrap_or_default();
    // Line breaks (LF, CR) start new lines, and other control characters but the tab are
    // written as spaces: none comes back as text.
    let given: String = text
        .chars()
        .filter(|&c| c != ' ' && (c == '\t' || !c.is_ascii_control()))
        .collect();
    let got: String = built
        .split_terminator("\r\n")
        .map(|l| l.get(4..).unwrap_or(""))
        // An empty line with an enhanced code is written without the space after the code.
        .map(|l| {
            l.strip_prefix(tag.as_str())
                .or_else(|| l.strip_prefix(tag.trim_end()))
                .unwrap_or(l)
        })
        .collect::<String>()
        .replace(' ', "");
    assert_eq!(got, given);
});
