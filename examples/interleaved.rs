//! The criterion bench's contenders (`benches/readers.rs`) timed in rounds: each round times one
//! pass of every contender, in an order shuffled anew each round, and each ratio is the
//! median over rounds of the ratio within a round. On a shared machine whose speed drifts over
//! minutes, this compares contenders as criterion's one-after-another blocks cannot (the Node
//! bench, `benches/node/bench.mjs`, does the same). Times are the thread's CPU time.
//!
//! ```text
//! cargo run --release --example interleaved -- [ROUNDS]
//! ```

#[path = "../benches/corpus.rs"]
mod corpus;
#[path = "../benches/readers.rs"]
mod readers;

use std::hint::black_box;

use cpu_time::ThreadTime;

use smtp_reply::{ParserConfig, ReplyParser};

/// The push parser fed one TCP segment at a time, every reply read as the full parse reads it.
fn streamed(bytes: &[u8], config: &ParserConfig) -> usize {
    let mut parser = ReplyParser::new(*config);
    let mut acc = 0;
    for piece in bytes.chunks(1460) {
        parser.push(piece);
        while let Some(reply) = parser.next_reply() {
            match reply {
                Ok(r) => acc += readers::consume(&r),
                Err(e) => panic!("corpus reply failed to parse: {e}"),
            }
        }
    }
    acc
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(41);
    let corpus = corpus::generate();
    let texts: Vec<&[u8]> = corpus.iter().collect();
    let bytes = &corpus.bytes[..];
    let strict = ParserConfig::strict();
    type Run<'a> = Box<dyn Fn() -> usize + 'a>;
    let contenders: Vec<(&str, Run)> = vec![
        (
            "smtp-reply parse_lines (full parse, one pass)",
            Box::new(|| readers::one_pass_parse(black_box(bytes), &strict)),
        ),
        (
            "smtp-reply parse",
            Box::new(|| readers::parse_only(black_box(bytes), &strict)),
        ),
        (
            "smtp-reply parse, then lines()",
            Box::new(|| readers::full_parse(black_box(bytes), &strict)),
        ),
        (
            "smtp-reply ReplyParser (1460-byte chunks), then lines()",
            Box::new(|| streamed(black_box(bytes), &strict)),
        ),
        (
            "smtp-proto ResponseReceiver",
            Box::new(|| readers::smtp_proto_parse(black_box(bytes)).1),
        ),
        (
            "smtp-reply parse + classify + advice",
            Box::new(|| readers::parse_and_classify(black_box(bytes), &strict)),
        ),
        (
            "smtp-reply parse_lines + classify_lines + advice",
            Box::new(|| readers::parse_lines_and_classify(black_box(bytes), &strict)),
        ),
        (
            "smtp-reply classify_text of each reply",
            Box::new(|| readers::classify_texts(black_box(&texts))),
        ),
    ];
    const PEER: usize = 4;
    const FULL: usize = 2;
    const STREAM: usize = 3;
    let n = contenders.len();
    let mut times = vec![Vec::new(); n];
    let mut vs_peer = vec![Vec::new(); n];
    let mut stream_vs_full = Vec::new();
    // Each round runs the contenders in a new order, shuffled from a fixed seed: a rotation of
    // one order would have each contender always follow the same one (and the Node bench,
    // where it did, showed the bias: its garbage was collected in the next one's pass).
    let mut rng = corpus::XorShift::new(0x5EED);
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 0..rounds {
        let mut t = vec![0.0; n];
        for k in (1..n).rev() {
            order.swap(k, rng.below(k + 1));
        }
        for &which in &order {
            let start = ThreadTime::now();
            black_box(contenders[which].1());
            t[which] = start.elapsed().as_secs_f64() * 1e3;
        }
        for k in 0..n {
            times[k].push(t[k]);
            vs_peer[k].push(t[PEER] / t[k]);
        }
        stream_vs_full.push(t[STREAM] / t[FULL]);
    }
    let replies = corpus.replies.len() as f64;
    println!(
        "{rounds} rounds over {} replies; medians",
        corpus.replies.len()
    );
    println!("| contender | pass (ms) | replies/s | vs smtp-proto |");
    println!("|---|---:|---:|---:|");
    for (k, (name, _)) in contenders.iter().enumerate() {
        let ms = median(times[k].clone());
        let ratio = median(vs_peer[k].clone());
        println!(
            "| {name} | {ms:.3} | {:.0} | {ratio:.2}× |",
            replies / ms * 1e3
        );
    }
    println!(
        "ReplyParser time / one-shot parse + lines() time: {:.2}",
        median(stream_vs_full)
    );
}
