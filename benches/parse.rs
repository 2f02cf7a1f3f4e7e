//! Parsing throughput on the generated corpus (`benches/corpus.rs`), with the peers measured on
//! the same bytes in the same run:
//!
//! - `smtp-reply/strict`, `smtp-reply/lenient`: one-shot `replies()` over the whole buffer,
//!   every line visited, its text and enhanced code read (the "full parse");
//! - `smtp-reply/strict-one-pass`: the same full parse with `parse_lines`, which hands back
//!   every line as it reads it instead of splitting them again;
//! - `smtp-reply/stream-1460`: the push parser fed in 1460-byte chunks (one TCP segment);
//! - `smtp-proto`: its `ResponseReceiver` over the whole buffer;
//! - `lettre`: `Response::from_str` on each reply (given the reply boundaries for free: it cannot
//!   report how much it consumed), after the UTF-8 check its transport does;
//! - `memchr-lines`: counting line endings, the physical limit of any line-based parser.
//!
//! The `classify` group counts replies/s: parse + `classify` (reason, provider) + the advice
//! lookup, and `classify_text` on each reply given alone as text (what JavaScript's `classify`
//! does: extraction, lenient parse, classification, links, retry delay), against smtp-proto's
//! parse alone.
//!
//! `smtp-reply/strict-no-lines` is the one-shot parse alone (every line is still read, checked
//! and its enhanced code parsed, but the caller does not walk the lines again afterwards).
//!
//! Times are the benchmark thread's CPU time, not wall time: on a shared machine the wall
//! clock also counts the time other processes held the core, which made runs differ 2.5×.
//!
//! Run: `cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3`.
//! Criterion prints MB/s (`thrpt`); replies/s = MB/s ÷ the average reply size printed first.

#[path = "corpus.rs"]
mod corpus;
#[path = "readers.rs"]
mod readers;

use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use cpu_time::ThreadTime;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use readers::{
    classify_texts, consume, full_parse, one_pass_parse, parse_and_classify,
    parse_lines_and_classify, parse_only, smtp_proto_parse,
};
use smtp_reply::{replies, ParserConfig, ReplyParser};

/// Criterion measurement by the thread's CPU time.
struct CpuTime;

static WALL_TIME: WallTime = WallTime;

impl Measurement for CpuTime {
    type Intermediate = ThreadTime;
    type Value = Duration;

    fn start(&self) -> ThreadTime {
        ThreadTime::now()
    }
    fn end(&self, start: ThreadTime) -> Duration {
        start.elapsed()
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, formatted as the wall-clock measurement formats them.
        WALL_TIME.formatter()
    }
}

fn stream_parse(bytes: &[u8], config: &ParserConfig, chunk: usize) -> usize {
    let mut parser = ReplyParser::new(*config);
    let mut acc = 0;
    for piece in bytes.chunks(chunk) {
        parser.push(piece);
        while let Some(reply) = parser.next_reply() {
            match reply {
                Ok(r) => acc += consume(&r),
                Err(e) => panic!("corpus reply failed to parse: {e}"),
            }
        }
    }
    acc
}

/// Returns how many replies lettre read, and a checksum.
fn lettre_parse(corpus: &corpus::Corpus) -> (usize, usize) {
    let (mut count, mut acc) = (0, 0);
    for reply in corpus.iter() {
        let text = std::str::from_utf8(reply).expect("corpus is UTF-8");
        match lettre::transport::smtp::response::Response::from_str(text) {
            Ok(r) => {
                count += 1;
                acc += r.message().map(str::len).sum::<usize>() + r.first_line().map_or(0, str::len)
            }
            Err(e) => panic!("lettre failed on the corpus: {e}"),
        }
    }
    (count, acc)
}

fn memchr_lines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

fn bench_parse(c: &mut Criterion<CpuTime>) {
    let corpus = corpus::generate();
    let bytes = corpus.bytes.as_slice();
    let strict = ParserConfig::strict();
    let lenient = ParserConfig::lenient();
    eprintln!(
        "corpus: {} replies, {} lines, {} bytes, {:.1} bytes a reply",
        corpus.replies.len(),
        corpus.line_count(),
        bytes.len(),
        bytes.len() as f64 / corpus.replies.len() as f64
    );
    // Every parser must read the whole corpus, reply for reply, or the comparison means nothing.
    let ours = replies(bytes, &strict).filter(|r| r.is_ok()).count();
    assert_eq!(ours, corpus.replies.len(), "smtp-reply reply count");
    assert_eq!(
        full_parse(bytes, &strict),
        stream_parse(bytes, &strict, 1460),
        "stream = one-shot"
    );
    assert_eq!(
        full_parse(bytes, &strict),
        full_parse(bytes, &lenient),
        "strict = lenient"
    );
    assert_eq!(
        full_parse(bytes, &strict),
        one_pass_parse(bytes, &strict),
        "parse_lines = parse + lines()"
    );
    assert_eq!(
        smtp_proto_parse(bytes).0,
        corpus.replies.len(),
        "smtp-proto reply count"
    );
    assert_eq!(
        lettre_parse(&corpus).0,
        corpus.replies.len(),
        "lettre reply count"
    );

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("smtp-reply/strict", |b| {
        b.iter(|| full_parse(black_box(bytes), &strict))
    });
    group.bench_function("smtp-reply/strict-one-pass", |b| {
        b.iter(|| one_pass_parse(black_box(bytes), &strict))
    });
    group.bench_function("smtp-reply/strict-no-lines", |b| {
        b.iter(|| parse_only(black_box(bytes), &strict))
    });
    group.bench_function("smtp-reply/lenient", |b| {
        b.iter(|| full_parse(black_box(bytes), &lenient))
    });
    group.bench_function("smtp-reply/stream-1460", |b| {
        b.iter(|| stream_parse(black_box(bytes), &strict, 1460))
    });
    group.bench_function("smtp-proto", |b| {
        b.iter(|| smtp_proto_parse(black_box(bytes)))
    });
    group.bench_function("lettre", |b| b.iter(|| lettre_parse(black_box(&corpus))));
    group.bench_function("memchr-lines", |b| {
        b.iter(|| memchr_lines(black_box(bytes)))
    });
    group.finish();

    // Replies per second: classification against the peer's parse alone.
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(corpus.replies.len() as u64));
    group.bench_function("smtp-reply/parse+classify", |b| {
        b.iter(|| parse_and_classify(black_box(bytes), &strict))
    });
    group.bench_function("smtp-reply/parse_lines+classify_lines", |b| {
        b.iter(|| parse_lines_and_classify(black_box(bytes), &strict))
    });
    let texts: Vec<&[u8]> = corpus.iter().collect();
    group.bench_function("smtp-reply/classify_text", |b| {
        b.iter(|| classify_texts(black_box(&texts)))
    });
    group.bench_function("smtp-proto/parse", |b| {
        b.iter(|| smtp_proto_parse(black_box(bytes)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench_parse
}
criterion_main!(benches);
