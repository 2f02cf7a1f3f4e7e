//! Writes the benchmark corpus (see `benches/corpus.rs`) to a file, so that other benchmarks
//! (the Node one in `benches/node/`) measure exactly the bytes the Rust benches measure.
//!
//! ```text
//! cargo run --release --example gen_corpus -- target/bench-corpus.txt [REPLIES]
//! ```
//!
//! The file holds the replies back to back, every line ending in CRLF; split it with the
//! parser itself (`replies()`), or with the `.bounds` file written beside it: one line per
//! reply, `start end` byte offsets.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "target/bench-corpus.txt".to_string());
    let count = match args.next() {
        Some(n) => n
            .parse()
            .map_err(|_| std::io::Error::other(format!("not a count: {n}")))?,
        None => corpus::DEFAULT_REPLIES,
    };
    let corpus = corpus::generate_with(count, corpus::SEED);
    std::fs::write(&path, &corpus.bytes)?;
    let mut bounds = std::io::BufWriter::new(std::fs::File::create(format!("{path}.bounds"))?);
    for r in &corpus.replies {
        writeln!(bounds, "{} {}", r.start, r.end)?;
    }
    bounds.flush()?;
    eprintln!(
        "wrote {} replies, {} lines, {} bytes ({:.1} bytes a reply) to {path}",
        corpus.replies.len(),
        corpus.line_count(),
        corpus.bytes.len(),
        corpus.bytes.len() as f64 / corpus.replies.len() as f64
    );
    Ok(())
}
