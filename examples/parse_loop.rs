//! Parses (or classifies) the benchmark corpus (`benches/corpus.rs`) a given number of times,
//! for counting instructions: on a shared machine the count is steadier than any timing.
//! `benches/instructions.sh` runs it under callgrind and prints instructions per reply.
//!
//! ```text
//! cargo run --release --example parse_loop -- MODE PASSES
//! ```
//!
//! Modes: `parse-lines` (`parse_lines`, the one-pass full parse), `parse` (`replies()`),
//! `parse-then-lines` (`replies()`, then every line walked with `lines()`), `smtp-proto` (its
//! `ResponseReceiver`), `classify` (`replies()` and `classify` with the advice lookup). Prints
//! a checksum so that no work is optimised away.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::hint::black_box;

use smtp_reply::{classify, parse_lines, replies, Line, ParserConfig, Status};

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| usage());
    let passes: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| usage());
    let corpus = corpus::generate();
    let bytes = corpus.bytes.as_slice();
    let config = ParserConfig::strict();
    let mut sum = 0usize;
    for _ in 0..passes {
        let bytes = black_box(bytes);
        sum += match mode.as_str() {
            "parse-lines" => parse_lines_pass(bytes, &config),
            "parse" => replies(bytes, &config)
                .map(|r| r.expect("the corpus parses").len())
                .sum(),
            "parse-then-lines" => replies(bytes, &config)
                .map(|r| {
                    let reply = r.expect("the corpus parses");
                    reply
                        .lines()
                        .map(|l| l.text().len() + l.enhanced().map_or(0, |e| e.detail() as usize))
                        .sum::<usize>()
                })
                .sum(),
            "smtp-proto" => smtp_proto_pass(bytes),
            "classify" => replies(bytes, &config)
                .map(|r| {
                    let c = classify(&r.expect("the corpus parses"), None);
                    c.reason() as usize + c.advice().summary.len()
                })
                .sum(),
            _ => usage(),
        };
    }
    println!(
        "{mode}: {passes} passes over {} replies, checksum {sum}",
        corpus.replies.len()
    );
}

fn parse_lines_pass(bytes: &[u8], config: &ParserConfig) -> usize {
    let mut lines = [Line::EMPTY; 256];
    let (mut sum, mut pos) = (0, 0);
    while pos < bytes.len() {
        match parse_lines(&bytes[pos..], config, &mut lines) {
            Ok(Status::Complete((reply, lines))) => {
                for line in lines {
                    sum += line.text().len() + line.enhanced().map_or(0, |e| e.detail() as usize);
                }
                pos += reply.len();
            }
            other => panic!("the corpus parses, not {other:?}"),
        }
    }
    sum
}

fn smtp_proto_pass(bytes: &[u8]) -> usize {
    let mut receiver = smtp_proto::response::parser::ResponseReceiver::default();
    let mut it = bytes.iter();
    let mut sum = 0;
    while it.len() > 0 {
        let r = receiver
            .parse(&mut it)
            .expect("smtp-proto parses the corpus");
        sum += r.message.len() + r.esc[2] as usize;
        receiver.reset();
    }
    sum
}

fn usage() -> ! {
    eprintln!("usage: parse_loop parse-lines|parse|parse-then-lines|smtp-proto|classify PASSES");
    std::process::exit(2)
}
