//! The push parser against one-shot parsing: the input is fed in pieces cut at fuzz-chosen
//! points, and the replies that come out must be those `replies()` finds in the whole input.
//!
//! Input layout: byte 0 chooses the config (bit 0 lenient); byte 1 is the number of cuts (mod
//! 16); then two bytes per cut (little-endian offsets); the rest is the stream.
#![no_main]

#[path = "../../tests/proptest_support/outcomes.rs"]
mod outcomes;

use libfuzzer_sys::fuzz_target;
use outcomes::{one_shot, streamed, Outcome};
use smtp_reply::ParserConfig;

fuzz_target!(|data: &[u8]| {
    let [selector, count, rest @ ..] = data else {
        return;
    };
    let config = if selector & 1 == 0 {
        ParserConfig::strict()
    } else {
        ParserConfig::lenient()
    };
    let count = (*count as usize) % 16;
    if rest.len() < 2 * count {
        return;
    }
    let (cut_bytes, input) = rest.split_at(2 * count);
    let cuts: Vec<usize> = cut_bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]) as usize)
        .collect();
    let whole = one_shot(input, &config);
    let split = streamed(input, &config, &cuts);
    let replies = |o: &[Outcome]| -> Vec<Outcome> {
        o.iter()
            .filter(|o| matches!(o, Outcome::Reply(_)))
            .cloned()
            .collect()
    };
    assert_eq!(replies(&split), replies(&whole), "cuts {cuts:?}");
});
