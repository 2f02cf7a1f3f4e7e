//! Reads the benchmark corpus (`benches/corpus.rs`) a given number of times in one of the ways
//! the criterion bench times (`benches/readers.rs`), for counting instructions: on a shared
//! machine the count is steadier than any timing. `benches/instructions.sh` runs it under
//! callgrind and prints instructions per reply.
//!
//! ```text
//! cargo run --release --example parse_loop -- MODE PASSES [KIND]
//! ```
//!
//! Modes: `parse-lines` (`parse_lines`, the one-pass full parse), `parse` (`replies()`),
//! `parse-then-lines` (`replies()`, then every line walked with `lines()`), `smtp-proto` (its
//! `ResponseReceiver`), `classify` (`replies()`, `classify` and the advice lookup),
//! `classify-lines` (`parse_lines`, `classify_lines` and the advice lookup),
//! `classify-text` (`classify_text` on each reply given alone, with links and retry delay).
//! `KIND` keeps only one kind of reply of the corpus: `positive` (one line, 1xx–3xx), `ehlo`
//! (several lines, 1xx–3xx), `negative` (one line, 4xx–5xx) or `multiline` (several lines,
//! 4xx–5xx).

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
    // The phrase matcher builds its index on first use: once here, so that the count of a
    // run with 0 passes, which is subtracted, holds it too.
    black_box(smtp_reply::classify_text(b"550 5.1.1 User unknown"));
    let corpus = corpus::generate();
    let kind = args.next();
    let texts: Vec<&[u8]> = corpus
        .iter()
        .filter(|r| kind.as_deref().map_or(true, |k| kind_of(r) == k))
        .collect();
    if texts.is_empty() {
        usage();
    }
    let bytes = texts.concat();
    let config = ParserConfig::strict();
    let mut sum = 0usize;
    if mode == "classify-text" {
        for _ in 0..passes {
            sum += readers::classify_texts(black_box(&texts));
        }
        return report(&mode, passes, texts.len(), sum);
    }
    let read: fn(&[u8], &ParserConfig) -> usize = match mode.as_str() {
        "parse-lines" => readers::one_pass_parse,
        "parse" => readers::parse_only,
        "parse-then-lines" => readers::full_parse,
        "smtp-proto" => |bytes, _| readers::smtp_proto_parse(bytes).1,
        "classify" => readers::parse_and_classify,
        "classify-lines" => readers::parse_lines_and_classify,
        _ => usage(),
    };
    for _ in 0..passes {
        sum += read(black_box(&bytes), &config);
    }
    report(&mode, passes, texts.len(), sum)
}

/// The kind of a corpus reply, as `KIND` names it.
fn kind_of(reply: &[u8]) -> &'static str {
    let several = reply.iter().filter(|&&b| b == b'\n').count() > 1;
    match (reply[0] <= b'3', several) {
        (true, false) => "positive",
        (true, true) => "ehlo",
        (false, false) => "negative",
        (false, true) => "multiline",
    }
}

fn report(mode: &str, passes: usize, n: usize, sum: usize) {
    println!("{mode}: {passes} passes over {n} replies, checksum {sum}");
}

fn usage() -> ! {
    eprintln!("usage: parse_loop parse-lines|parse|parse-then-lines|smtp-proto|classify|classify-lines|classify-text PASSES [positive|ehlo|negative|multiline]");
    std::process::exit(2)
}
