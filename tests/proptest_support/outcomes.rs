//! Parse results reduced to plain values, so that one-shot parsing and streaming can be compared
//! with `==`. Shared by `tests/proptest_parser.rs` and the `stream` fuzz target.
#![allow(dead_code)]

use smtp_reply::{replies, EnhancedStatus, ErrorKind, ParserConfig, Reply, ReplyParser};

/// What a parser produced for one reply or one error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A reply and everything it says about itself.
    Reply(ReplyFacts),
    /// An error: its kind and its offset from the start of the whole input.
    Error(ErrorKind, usize),
}

/// A reply's observable facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyFacts {
    pub bytes: Vec<u8>,
    pub code: u16,
    pub enhanced: Option<EnhancedStatus>,
    pub line_count: usize,
    pub mixed_codes: bool,
    pub class_mismatch: bool,
    pub utf8: bool,
    pub unterminated: bool,
    pub lines: Vec<LineFacts>,
}

/// A line's observable facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFacts {
    pub code: u16,
    pub last: bool,
    pub enhanced: Option<EnhancedStatus>,
    pub text: Vec<u8>,
    pub offset: usize,
}

/// Reads every fact of a reply, visiting every line.
pub fn facts(reply: &Reply<'_>) -> ReplyFacts {
    ReplyFacts {
        bytes: reply.as_bytes().to_vec(),
        code: reply.code().as_u16(),
        enhanced: reply.enhanced(),
        line_count: reply.line_count(),
        mixed_codes: reply.has_mixed_codes(),
        class_mismatch: reply.has_class_mismatch(),
        utf8: reply.is_utf8(),
        unterminated: reply.is_unterminated(),
        lines: reply
            .lines()
            .map(|l| LineFacts {
                code: l.code().as_u16(),
                last: l.is_last(),
                enhanced: l.enhanced(),
                text: l.text().to_vec(),
                offset: l.offset(),
            })
            .collect(),
    }
}

fn outcome(result: Result<Reply<'_>, smtp_reply::Error>) -> Outcome {
    match result {
        Ok(reply) => Outcome::Reply(facts(&reply)),
        Err(e) => Outcome::Error(e.kind(), e.offset()),
    }
}

/// Everything `replies()` finds in `input`.
pub fn one_shot(input: &[u8], config: &ParserConfig) -> Vec<Outcome> {
    // Each step consumes at least one byte, so this bound only catches a parser that loops.
    let bound = input.len() + 2;
    let out: Vec<Outcome> = replies(input, config)
        .take(bound + 1)
        .map(outcome)
        .collect();
    assert!(out.len() <= bound, "replies() did not terminate");
    out
}

/// Everything the push parser finds when `input` arrives in pieces cut at `cuts` (offsets in
/// any order; out-of-range ones are clamped), followed by `finish()`.
pub fn streamed(input: &[u8], config: &ParserConfig, cuts: &[usize]) -> Vec<Outcome> {
    let mut cuts: Vec<usize> = cuts.iter().map(|&c| c.min(input.len())).collect();
    cuts.push(input.len());
    cuts.sort_unstable();
    let bound = input.len() + 2;
    let mut parser = ReplyParser::new(*config);
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        parser.push(&input[from..cut]);
        from = cut;
        while let Some(result) = parser.next_reply() {
            out.push(outcome(result));
            assert!(out.len() <= bound, "next_reply() did not terminate");
        }
    }
    while let Some(result) = parser.finish() {
        out.push(outcome(result));
        assert!(out.len() <= bound, "finish() did not terminate");
    }
    out
}
