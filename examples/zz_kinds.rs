#[path = "../benches/corpus.rs"]
mod corpus;
#[path = "../benches/readers.rs"]
#[allow(dead_code)]
mod readers;
use smtp_reply::ParserConfig;
use std::hint::black_box;
fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap();
    let kind = args.next().unwrap();
    let passes: usize = args.next().unwrap().parse().unwrap();
    let corpus = corpus::generate();
    let mut bytes = Vec::new();
    let mut n = 0;
    for r in corpus.iter() {
        let lines = r.iter().filter(|&&b| b == b'\n').count();
        let pos = r[0] <= b'3';
        let k = match (pos, lines > 1) {
            (true, false) => "pos",
            (true, true) => "ehlo",
            (false, false) => "neg",
            (false, true) => "multi",
        };
        if k == kind {
            bytes.extend_from_slice(r);
            n += 1;
        }
    }
    let config = ParserConfig::strict();
    let read: fn(&[u8], &ParserConfig) -> usize = match mode.as_str() {
        "parse" => readers::parse_only,
        "parse-lines" => readers::one_pass_parse,
        "smtp-proto" => |b, _| readers::smtp_proto_parse(b).1,
        "classify" => readers::parse_and_classify,
        _ => panic!(),
    };
    let mut sum = 0;
    for _ in 0..passes {
        sum += read(black_box(&bytes), &config);
    }
    println!("{n} {} {sum}", bytes.len());
}
