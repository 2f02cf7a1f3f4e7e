//! One-shot parsing of any bytes: `parse`, `parse_lines`, `replies`, `parse_flattened` and
//! every line of every reply, under a config chosen by the first byte (strict or lenient,
//! normal or tiny limits).
//! Must not panic, and what it returns must be consistent: `parse_lines` gives what `parse`
//! and `Reply::lines` give, and `lines().last()` (which jumps to the end) the last of them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_reply::{parse, parse_flattened, parse_lines, replies, Line, ParserConfig, Status};

/// Bit 0: lenient; bit 1: tiny limits, so the line-length and line-count checks are reached.
fn config(selector: u8) -> ParserConfig {
    let mut config = if selector & 1 == 0 {
        ParserConfig::strict()
    } else {
        ParserConfig::lenient()
    };
    if selector & 2 != 0 {
        config.max_line_length = 1 + (selector >> 2) as usize;
        config.max_lines = 1 + (selector >> 4) as usize;
    }
    config
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    let config = config(selector);
    // Room for as many lines as the config allows, so that parse_lines never runs out first.
    let mut lines = vec![Line::EMPTY; config.max_lines];
    match (parse(input, &config), parse_lines(input, &config, &mut lines)) {
        (Ok(Status::Complete(reply)), Ok(Status::Complete((again, lines)))) => {
            assert_eq!(reply, again);
            assert!(reply.lines().eq(lines.iter().copied()));
            assert_eq!(reply.lines().last(), lines.last().copied());
        }
        (Ok(Status::Partial), Ok(Status::Partial)) => {}
        (Err(a), Err(b)) => assert_eq!(a, b),
        (a, b) => panic!("parse gave {a:?} but parse_lines {b:?}"),
    }
    match parse(input, &config) {
        Ok(Status::Complete(reply)) => {
            assert!(reply.len() <= input.len());
            assert!(reply.line_count() >= 1 && reply.line_count() <= config.max_lines);
            assert_eq!(reply.lines().count(), reply.line_count());
            for line in reply.lines() {
                assert!(line.offset() < reply.len());
                let _ = (
                    line.code(),
                    line.is_last(),
                    line.enhanced(),
                    line.text_str(),
                );
            }
            let _ = reply.text();
        }
        Ok(Status::Partial) => {}
        Err(e) => {
            assert!(e.offset() <= input.len());
            let _ = e.to_string();
        }
    }
    let mut consumed = 0;
    for (n, result) in replies(input, &config).enumerate() {
        assert!(n <= input.len(), "replies() does not terminate");
        match result {
            Ok(reply) => {
                consumed += reply.len();
                assert!(consumed <= input.len());
                assert_eq!(reply.lines().count(), reply.line_count());
            }
            Err(e) => assert!(e.offset() <= input.len()),
        }
    }
    // A flattened reply: as many lines as it says, each at a marker, the first a continuation
    // line; only the final one may be last (a reply cut short has none marked last).
    if let Some(reply) = parse_flattened(input) {
        assert!(reply.is_flattened() && reply.len() == input.len());
        assert!(reply.line_count() >= 1);
        assert_eq!(reply.lines().count(), reply.line_count());
        for (i, line) in reply.lines().enumerate() {
            assert!(input[line.offset()..].starts_with(&reply.code().as_ascii()));
            assert!(line.enhanced().is_some());
            assert!(!line.is_last() || (i > 0 && i + 1 == reply.line_count()));
        }
        let _ = reply.text();
    }
});
