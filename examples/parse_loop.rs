//! Reads the benchmark corpus (`benches/corpus.rs`) a given number of times in one of the ways
//! the criterion bench times (`benches/readers.rs`), for counting instructions: on a shared
//! machine the count is steadier than any timing. `benches/instructions.sh` runs it under
//! callgrind and prints instructions per reply.
//!
//! ```text
//! cargo run --release --example parse_loop -- MODE PASSES
//! ```
//!
//! Modes: `parse-lines` (`parse_lines`, the one-pass full parse), `parse` (`replies()`),
//! `parse-then-lines` (`replies()`, then every line walked with `lines()`), `smtp-proto` (its
//! `ResponseReceiver`), `classify` (`replies()`, `classify` and the advice lookup),
//! `classify-text` (`classify_text` on each reply given alone, with links and retry delay).

#[path = "../benches/corpus.rs"]
mod corpus;
#[path = "../benches/readers.rs"]
#[allow(dead_code)]
mod readers;

use std::hint::black_box;

use smtp_reply::ParserConfig;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| usage());
    let passes: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| usage());
    let corpus = corpus::generate();
    let config = ParserConfig::strict();
    let mut sum = 0usize;
    if mode == "classify-text" {
        let texts: Vec<&[u8]> = corpus.iter().collect();
        for _ in 0..passes {
            sum += readers::classify_texts(black_box(&texts));
        }
        return report(&mode, passes, corpus.replies.len(), sum);
    }
    let read: fn(&[u8], &ParserConfig) -> usize = match mode.as_str() {
        "parse-lines" => readers::one_pass_parse,
        "parse" => readers::parse_only,
        "parse-then-lines" => readers::full_parse,
        "smtp-proto" => |bytes, _| readers::smtp_proto_parse(bytes).1,
        "classify" => readers::parse_and_classify,
        _ => usage(),
    };
    for _ in 0..passes {
        sum += read(black_box(&corpus.bytes), &config);
    }
    report(&mode, passes, corpus.replies.len(), sum)
}

fn report(mode: &str, passes: usize, n: usize, sum: usize) {
    println!("{mode}: {passes} passes over {n} replies, checksum {sum}");
}

fn usage() -> ! {
    eprintln!("usage: parse_loop parse-lines|parse|parse-then-lines|smtp-proto|classify|classify-text PASSES");
    std::process::exit(2)
}
