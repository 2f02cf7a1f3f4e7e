//! The ways of reading the corpus that `benches/parse.rs` times and
//! `examples/parse_loop.rs` runs for instruction counts: one copy, so both measure the same code.
//! Each returns a checksum, so that no work is optimised away.

use smtp_reply::{
    classify, classify_lines, classify_text, parse_lines, replies, Line, ParserConfig, Reply,
    Status,
};

/// What the full parse reads from a reply: every line, its code, enhanced code and text.
#[inline(always)]
pub fn consume(reply: &Reply<'_>) -> usize {
    let mut acc = reply.code().as_u16() as usize;
    for line in reply.lines() {
        acc += line.text().len() + line.code().as_u16() as usize;
        if let Some(e) = line.enhanced() {
            acc += e.detail() as usize;
        }
    }
    acc
}

pub fn full_parse(bytes: &[u8], config: &ParserConfig) -> usize {
    let mut acc = 0;
    for reply in replies(bytes, config) {
        match reply {
            Ok(r) => acc += consume(&r),
            Err(e) => panic!("corpus reply failed to parse: {e}"),
        }
    }
    acc
}

/// The full parse in one pass: `parse_lines` stores each line as it reads it, so the lines are
/// not split a second time.
pub fn one_pass_parse(bytes: &[u8], config: &ParserConfig) -> usize {
    let mut lines = [Line::EMPTY; 256];
    let (mut acc, mut pos) = (0, 0);
    while pos < bytes.len() {
        match parse_lines(&bytes[pos..], config, &mut lines) {
            Ok(Status::Complete((reply, lines))) => {
                acc += reply.code().as_u16() as usize;
                for line in lines {
                    acc += line.text().len() + line.code().as_u16() as usize;
                    if let Some(e) = line.enhanced() {
                        acc += e.detail() as usize;
                    }
                }
                pos += reply.len();
            }
            other => panic!("corpus reply failed to parse: {other:?}"),
        }
    }
    acc
}

/// The one-shot parse alone: what `parse` found, without walking the lines again.
pub fn parse_only(bytes: &[u8], config: &ParserConfig) -> usize {
    let mut acc = 0;
    for reply in replies(bytes, config) {
        match reply {
            Ok(r) => {
                acc += r.code().as_u16() as usize + r.line_count() + r.len();
                acc += r.enhanced().map_or(0, |e| e.detail() as usize);
            }
            Err(e) => panic!("corpus reply failed to parse: {e}"),
        }
    }
    acc
}

/// Returns how many replies smtp-proto read, and a checksum.
pub fn smtp_proto_parse(bytes: &[u8]) -> (usize, usize) {
    let mut receiver = smtp_proto::response::parser::ResponseReceiver::default();
    let mut it = bytes.iter();
    let (mut count, mut acc) = (0, 0);
    while it.len() > 0 {
        match receiver.parse(&mut it) {
            Ok(r) => {
                count += 1;
                acc += r.code as usize + r.message.len() + r.esc[2] as usize;
                receiver.reset();
            }
            Err(e) => panic!("smtp-proto failed on the corpus: {e:?}"),
        }
    }
    (count, acc)
}

/// Full classification of every reply: parse, reason, provider, and the advice lookup.
pub fn parse_and_classify(bytes: &[u8], config: &ParserConfig) -> usize {
    let mut acc = 0;
    for reply in replies(bytes, config) {
        match reply {
            Ok(r) => {
                let c = classify(&r, None);
                acc += c.reason() as usize
                    + c.provider().map_or(0, |p| p as usize)
                    + c.advice().summary().len();
            }
            Err(e) => panic!("corpus reply failed to parse: {e}"),
        }
    }
    acc
}

/// The same, each reply read by `parse_lines` and classified from its lines.
pub fn parse_lines_and_classify(bytes: &[u8], config: &ParserConfig) -> usize {
    let mut acc = 0;
    let mut slots = [Line::EMPTY; 256];
    let mut rest = bytes;
    while !rest.is_empty() {
        match parse_lines(rest, config, &mut slots) {
            Ok(Status::Complete((r, lines))) => {
                let c = classify_lines(&r, lines, None);
                acc += c.reason() as usize
                    + c.provider().map_or(0, |p| p as usize)
                    + c.advice().summary().len();
                rest = &rest[r.len()..];
            }
            other => panic!("corpus reply failed to parse: {other:?}"),
        }
    }
    acc
}

/// Classification of each reply given alone as text, as JavaScript's `classify` and log readers
/// take it: extraction, a lenient parse, reason, provider, the advice lookup, the help links
/// and the retry delay.
pub fn classify_texts(texts: &[&[u8]]) -> usize {
    let mut acc = 0;
    for text in texts {
        let c = classify_text(text).expect("every corpus reply holds a reply");
        acc += c.reason() as usize
            + c.provider().map_or(0, |p| p as usize)
            + c.advice().summary().len()
            + c.links().count()
            + c.retry_delay().map_or(0, |d| d.seconds() as usize);
    }
    acc
}
