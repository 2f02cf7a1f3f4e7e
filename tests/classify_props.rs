//! Properties of classification: it never panics on any bytes (a panic would trap the wasm
//! module), its results are consistent, and it runs in linear time (a 1 MB text costs the
//! same per byte as a 1 KB one).

use proptest::prelude::*;
use smtp_reply::{
    classify, classify_lines, classify_text, example_replies, extract, parse, parse_lines,
    provider, retry, Action, Command, Line, ParserConfig, Reason, Status,
};
use std::time::Instant;

/// Pieces that real replies and logs are made of, to build texts that reach deep paths.
const PIECES: &[&str] = &[
    "550",
    "550-",
    "5.1.1",
    "4.7.0 ",
    "421 ",
    "250 ",
    "354 ",
    "#5.1.1",
    "user unknown",
    "recipient address rejected: ",
    "mailbox full",
    "over quota",
    "spam",
    "spamhaus",
    "blocked",
    "rate limited",
    "greylisted for 60 seconds",
    "come back in 00:02:00",
    "try again later",
    "- gsmtp",
    "[TSS04]",
    "prod.protection.outlook.com",
    "OFR_506",
    "AUP#In-1310",
    "said: ",
    "(in reply to RCPT TO command)",
    "Diagnostic-Code: smtp; ",
    "smtp;",
    "\r\n",
    "\n",
    "\n    ",
    "<<< ",
    ">>> DATA\n",
    "SMTP error from remote mail server after end of data: ",
    "https://",
    "www.",
    "  ",
    "\t",
    ":",
    ".",
    "5.5.5.5.5",
    "in 5 minutes",
    "for 99999999 seconds",
    "\u{e9}",
    "\u{ff}",
    "\0",
];

fn pieces() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat().into_bytes())
}

/// Runs every entry point on `input`; returns the classification's reason, if any.
fn exercise(input: &[u8]) -> Option<Reason> {
    let _ = provider::detect(input);
    let _ = retry::stated_delay(input);
    if let Some(e) = extract(input) {
        let _ = e.segments().count();
        assert!(e.text().len() <= input.len());
    }
    if let Ok(status) = parse(input, &ParserConfig::lenient()) {
        if let Some(reply) = status.complete() {
            let c = classify(&reply, None);
            let _ = (c.retry_delay(), c.schedule(), c.links().count(), c.advice());
        }
    }
    let c = classify_text(input)?;
    let _ = (
        c.retry_delay(),
        c.schedule(),
        c.advice(),
        c.severity(),
        c.is_hard(),
        c.contradicts_code(),
    );
    for link in c.links() {
        assert!(link.len() > 8 && !link.contains(' '));
    }
    Some(c.reason())
}

/// `classify_lines` of what `parse_lines` read equals `classify` of what `parse` read, under
/// both presets and with each command; lines of another count are not used. Returns whether
/// `input` parsed.
fn lines_classify_as_the_reply(input: &[u8]) -> bool {
    let mut parsed = false;
    for config in [ParserConfig::strict(), ParserConfig::lenient()] {
        let mut slots = [Line::EMPTY; 64];
        let Ok(Status::Complete((reply, lines))) = parse_lines(input, &config, &mut slots) else {
            continue;
        };
        let alone = parse(input, &config).unwrap().unwrap();
        assert_eq!(reply, alone);
        for command in [None, Some(Command::Rcpt), Some(Command::EndOfData)] {
            let want = classify(&reply, command);
            assert_eq!(classify_lines(&reply, lines, command), want, "{input:?}");
            assert_eq!(classify_lines(&reply, &lines[1..], command), want);
        }
        parsed = true;
    }
    parsed
}

#[test]
fn classify_lines_equals_classify_on_every_example() {
    let (mut parsed, mut spread) = (0, 0);
    for example in example_replies() {
        lines_classify_as_the_reply(example.as_bytes());
        // A continuation line alone (`552-5.2.3 ...`) is no reply; every other example is.
        let continuation = example.as_bytes().get(3) == Some(&b'-');
        let whole = lines_classify_as_the_reply(format!("{example}\r\n").as_bytes());
        assert_eq!(whole, !continuation, "{example}");
        parsed += whole as usize;
        // The same words three to a line, as multi-line replies carry them, with the
        // enhanced code on every line when it has one (as Gmail's do).
        let (Some(code), Some(text)) = (example.get(..3), example.get(4..)) else {
            continue;
        };
        let mut words: Vec<&str> = text.split(' ').collect();
        let status = words[0].starts_with(|c: char| c.is_ascii_digit()) && words[0].contains('.');
        let head = if status {
            format!("{} ", words.remove(0))
        } else {
            String::new()
        };
        let chunks: Vec<String> = words.chunks(3).map(|c| c.join(" ")).collect();
        let mut multi = String::new();
        for (k, chunk) in chunks.iter().enumerate() {
            let sep = if k + 1 == chunks.len() { ' ' } else { '-' };
            multi += &format!("{code}{sep}{head}{chunk}\r\n");
        }
        spread += lines_classify_as_the_reply(multi.as_bytes()) as usize;
    }
    let all = example_replies().count();
    assert!(parsed + 5 > all, "{parsed} of {all} examples parsed");
    assert_eq!(spread, all, "examples spread over lines parsed");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn classify_lines_equals_classify(input in pieces()) {
        lines_classify_as_the_reply(&input);
    }

    #[test]
    fn never_panics_on_any_bytes(input in prop::collection::vec(any::<u8>(), 0..1500)) {
        exercise(&input);
    }

    #[test]
    fn never_panics_on_reply_like_text(input in pieces()) {
        exercise(&input);
    }

    #[test]
    fn results_are_consistent(input in pieces()) {
        if let Some(c) = classify_text(&input) {
            // A hard bounce is never retried; positive replies are done or continue.
            if c.is_hard() {
                prop_assert_eq!(c.action(), Action::DoNotRetry);
            }
            match c.code().map(|code| code.as_u16() / 100) {
                Some(2) => prop_assert_eq!(c.action(), Action::Done),
                Some(1) | Some(3) => prop_assert_eq!(c.action(), Action::Continue),
                _ => {}
            }
            prop_assert_eq!(c.retry_delay().is_some(), c.action() == Action::RetryLater);
            // The schedule's first retry comes no sooner than the delay the result states,
            // and at it unless the server asked for less than the schedule's first step.
            if let Some(d) = c.retry_delay() {
                let first = c.schedule().and_then(|s| s.delay_before(2, 0));
                prop_assert!(first.is_some_and(|f| f >= d.seconds()));
            }
            // The same text classifies the same way every time.
            prop_assert_eq!(classify_text(&input).map(|d| d.reason()), Some(c.reason()));
        }
    }
}

/// The smallest time per byte, over several runs, to classify `input` `reps` times.
fn per_byte_nanos(input: &[u8], reps: usize) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..7 {
        let start = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(exercise(std::hint::black_box(input)));
        }
        let ns = start.elapsed().as_nanos() as f64 / (reps * input.len()) as f64;
        best = best.min(ns);
    }
    best
}

fn repeat_to(unit: &str, size: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(size + unit.len());
    while v.len() < size {
        v.extend_from_slice(unit.as_bytes());
    }
    v.truncate(size);
    v
}

/// Linear time, measured as a ratio so that machine speed cancels out: the per-byte cost
/// for 1 MB must stay within a generous factor of that for 1 KB (quadratic behaviour would
/// make it about a thousand times larger).
#[test]
fn linear_time_one_megabyte_vs_one_kilobyte() {
    let units = [
        // One long line full of word starts and phrase hits (the normalising window path).
        "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown; too many recipients, \
         spamhaus rate limited in 5 minutes https://support.google.com/mail/?p=NoSuchUser - gsmtp ",
        // Folded DSN lines, flattened markers, digits and dots.
        "Diagnostic-Code: smtp; 550-5.1.1 x 550-5.1.1 y\n    5.5.5.5.5.5.5 in 1 for 2 h 00:00:01\n    ",
        // A transcript that never finds its reply, and Exim colons that are not followed by codes.
        ">>> RCPT To:<a@b>\n<<< 250 ok\nSMTP error from remote mail server after RCPT TO:<a@b>: x: y: ",
        // Codes alone on their lines (labels, passed over for a reply with words), and
        // quoted ones; a JSON object that never closes, with "message" only as a value.
        "Status code: 550 5.1.10\n'550 5.1.1\n said:\n",
        "{\"code\": 550, \"k\": \"message\", \"d\": \"\", ",
        // Quotes that close nothing, `command` keys without a value, lines that start like
        // stack frames but are none.
        "x: '550 it's 'a ' b, command: x \"command\" \n    at x y\n  at (1) x ",
    ];
    for unit in units {
        let small = repeat_to(unit, 1024);
        let big = repeat_to(unit, 1024 * 1024);
        let small_ns = per_byte_nanos(&small, 1000);
        let big_ns = per_byte_nanos(&big, 1);
        println!(
            "{:.40}...: 1 KB {small_ns:.2} ns/byte, 1 MB {big_ns:.2} ns/byte",
            unit
        );
        assert!(
            big_ns < small_ns * 8.0 + 1.0,
            "1 MB costs {big_ns:.2} ns/byte against {small_ns:.2} for 1 KB: not linear ({unit:.40})"
        );
    }
}
