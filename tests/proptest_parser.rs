//! Property tests of the parser: no input panics; the push parser gives the same replies and
//! errors as one-shot parsing wherever the stream is split; built replies parse back to what
//! was built; enhanced codes survive display and parse.

#[path = "proptest_support/outcomes.rs"]
mod outcomes;

use outcomes::{one_shot, streamed, Outcome};
use proptest::prelude::*;
use smtp_reply::{
    parse, parse_lines, parse_str, replies, Ehlo, EnhancedStatus, ErrorKind, Line, ParserConfig,
    ReplyBuilder, ReplyCode, Status,
};

fn configs() -> [ParserConfig; 2] {
    [ParserConfig::strict(), ParserConfig::lenient()]
}

/// Bytes that look like SMTP often enough to reach deep into the parser: digits, separators,
/// line endings, dots and hashes of enhanced codes, letters, and bytes that are not UTF-8.
fn smtpish_bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => b'0'..=b'9',
        2 => Just(b' '),
        1 => Just(b'-'),
        2 => Just(b'\r'),
        2 => Just(b'\n'),
        1 => Just(b'.'),
        1 => Just(b'#'),
        1 => Just(b'\t'),
        2 => b'a'..=b'z',
        1 => Just(0xC3u8),
        1 => Just(0xA9u8),
        1 => Just(0xFFu8),
    ];
    prop::collection::vec(byte, 0..max)
}

/// Any bytes, or SMTP-looking bytes.
fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        smtpish_bytes(400)
    ]
}

/// A word of reply text: starts with a letter, so a line never starts with what reads as an
/// enhanced code; may hold non-ASCII letters and punctuation.
fn word() -> impl Strategy<Value = String> {
    "[A-Za-zé][A-Za-z0-9.,:;<>@/=\\[\\]()é-]{0,14}"
}

/// One line of text: words separated by single spaces.
fn text_line() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..12).prop_map(|w| w.join(" "))
}

fn reply_code() -> impl Strategy<Value = ReplyCode> {
    (2u16..=5, 0u16..=5, 0u16..=9)
        .prop_map(|(a, b, c)| ReplyCode::from_u16(a * 100 + b * 10 + c).unwrap())
}

fn enhanced_for(code: ReplyCode) -> impl Strategy<Value = Option<EnhancedStatus>> {
    let class = match code.as_u16() / 100 {
        2 | 3 => 2,
        4 => 4,
        _ => 5,
    };
    prop::option::of(
        (0u16..=999, 0u16..=999).prop_map(move |(s, d)| EnhancedStatus::new(class, s, d).unwrap()),
    )
}

/// A valid reply in wire form, built by hand (independently of `ReplyBuilder`): 1–8 lines,
/// each `ddd-` or `ddd ` with an optional enhanced code and text, CRLF endings.
fn valid_reply() -> impl Strategy<Value = Vec<u8>> {
    reply_code()
        .prop_flat_map(|code| {
            (
                Just(code),
                enhanced_for(code),
                prop::collection::vec(text_line(), 1..8),
            )
        })
        .prop_map(|(code, enhanced, lines)| {
            let mut out = Vec::new();
            for (i, text) in lines.iter().enumerate() {
                out.extend_from_slice(code.to_string().as_bytes());
                let last = i + 1 == lines.len();
                let mut rest = String::new();
                if let Some(e) = enhanced {
                    rest.push_str(&e.to_string());
                    rest.push(' ');
                }
                rest.push_str(text);
                if last && rest.is_empty() {
                    // A bare code ends the reply too.
                } else {
                    out.push(if last { b' ' } else { b'-' });
                    out.extend_from_slice(rest.as_bytes());
                }
                out.extend_from_slice(b"\r\n");
            }
            out
        })
}

/// Several valid replies back to back, as a pipelining client reads them.
fn valid_stream() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(valid_reply(), 1..5).prop_map(|r| r.concat())
}

/// Cut points for a stream of up to `len` bytes.
fn cuts() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..2000, 0..12)
}

fn only_replies(outcomes: &[Outcome]) -> Vec<&Outcome> {
    outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Reply(_)))
        .collect()
}

fn has_error(outcomes: &[Outcome]) -> bool {
    outcomes.iter().any(|o| matches!(o, Outcome::Error(..)))
}

/// Parses `input` every way there is and reads everything a reply offers.
fn exercise(input: &[u8]) {
    for config in configs() {
        match parse(input, &config) {
            Ok(Status::Complete(reply)) => {
                assert!(reply.len() <= input.len());
                assert!(reply.line_count() >= 1);
                assert_eq!(reply.lines().count(), reply.line_count());
                for line in reply.lines() {
                    let _ = (
                        line.code(),
                        line.is_last(),
                        line.enhanced(),
                        line.text_str(),
                    );
                    assert!(line.offset() < reply.len());
                }
                let _ = reply.text();
                if let Some(ehlo) = Ehlo::from_reply(reply) {
                    let _ = (ehlo.domain(), ehlo.greeting(), ehlo.size());
                    for ext in ehlo.extensions() {
                        let _ = (
                            ext.keyword(),
                            ext.kind(),
                            ext.number(),
                            ext.params().count(),
                        );
                    }
                }
            }
            Ok(Status::Partial) => {}
            Err(e) => {
                assert!(
                    e.offset() <= input.len(),
                    "error offset {} past the input",
                    e.offset()
                );
                let _ = e.to_string();
            }
        }
        for result in replies(input, &config).take(input.len() + 2) {
            match result {
                Ok(reply) => assert_eq!(reply.lines().count(), reply.line_count()),
                Err(e) => assert!(e.offset() <= input.len()),
            }
        }
        if let Ok(s) = std::str::from_utf8(input) {
            let _ = parse_str(s, &config);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_input_panics(input in any_input()) {
        exercise(&input);
    }

    /// The one-pass `parse_lines` gives what `parse` and `Reply::lines` give, errors included;
    /// with too small an array it fails at the first line that does not fit.
    #[test]
    fn parse_lines_equals_parse_then_lines(
        input in prop_oneof![any_input(), valid_reply()],
        room in 0usize..6,
    ) {
        for config in configs() {
            let mut big = [Line::EMPTY; 512];
            let one_pass = parse_lines(&input, &config, &mut big);
            match (parse(&input, &config), one_pass) {
                (Ok(Status::Complete(reply)), Ok(Status::Complete((again, lines)))) => {
                    prop_assert_eq!(reply, again);
                    prop_assert_eq!(reply.lines().collect::<Vec<_>>(), lines.to_vec());
                    prop_assert_eq!(reply.lines().last(), lines.last().copied());
                    let mut small = vec![Line::EMPTY; room];
                    match parse_lines(&input, &config, &mut small) {
                        Ok(Status::Complete((_, lines))) => {
                            prop_assert!(reply.line_count() <= room);
                            prop_assert_eq!(lines.len(), reply.line_count());
                        }
                        Err(e) => {
                            prop_assert!(reply.line_count() > room);
                            prop_assert_eq!(e.kind(), smtp_reply::ErrorKind::TooManyLines);
                            let first_left_out = reply.lines().nth(room).unwrap();
                            prop_assert_eq!(e.offset(), first_left_out.offset());
                        }
                        Ok(Status::Partial) => prop_assert!(false, "partial after complete"),
                    }
                }
                (Ok(Status::Partial), Ok(Status::Partial)) => {}
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "parse {:?} but parse_lines {:?}", a, b),
            }
        }
    }

    #[test]
    fn valid_replies_parse_strictly(input in valid_reply()) {
        let reply = parse(&input, &ParserConfig::strict()).unwrap().unwrap();
        prop_assert_eq!(reply.len(), input.len());
        prop_assert_eq!(reply.line_count(), input.iter().filter(|&&b| b == b'\n').count());
    }

    /// A control character put anywhere in a valid reply's text (not its code or separator,
    /// not its line endings) is refused by the strict preset at its offset, and kept by the
    /// switch that allows it; a tab is text for both.
    #[test]
    fn control_characters_in_text_are_refused_strictly(
        input in valid_reply(),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(vec![0u8, 1, 0x08, 0x0b, 0x0c, b'\r', 0x1b, 0x1f, 0x7f, b'\t']),
    ) {
        // ASCII positions inside some line's text (past its four-byte head, before its CR),
        // so that the text stays UTF-8.
        let mut places = Vec::new();
        let mut start = 0;
        for (i, w) in input.windows(2).enumerate() {
            if w == b"\r\n" {
                places.extend((start + 4..i).filter(|&p| input[p].is_ascii()));
                start = i + 2;
            }
        }
        prop_assume!(!places.is_empty());
        let pos = places[at.index(places.len())];
        let mut bad = input.clone();
        bad[pos] = byte;
        let strict = parse(&bad, &ParserConfig::strict());
        if byte == b'\t' {
            prop_assert!(strict.is_ok(), "{:?}", strict);
        } else {
            let e = strict.unwrap_err();
            prop_assert_eq!((e.kind(), e.offset()), (ErrorKind::ControlCharacter, pos));
        }
        let allowed = ParserConfig { allow_control_characters: true, ..ParserConfig::strict() };
        let reply = parse(&bad, &allowed).unwrap().unwrap();
        prop_assert_eq!(reply.len(), bad.len());
    }

    #[test]
    fn streaming_equals_one_shot_on_valid_streams(input in valid_stream(), cuts in cuts()) {
        for config in configs() {
            let whole = one_shot(&input, &config);
            prop_assert!(whole.iter().all(|o| matches!(o, Outcome::Reply(_))), "{:?}", whole);
            prop_assert_eq!(streamed(&input, &config, &cuts), whole);
        }
    }

    /// On any input neither the replies nor the errors (kind and offset) depend on the split
    /// points.
    #[test]
    fn streaming_equals_one_shot_on_any_input(input in smtpish_bytes(300), cuts in cuts()) {
        for config in configs() {
            let (whole, split) = (one_shot(&input, &config), streamed(&input, &config, &cuts));
            prop_assert_eq!(split, whole);
        }
    }

    #[test]
    fn built_replies_parse_back(
        code in reply_code(),
        enhanced in prop::option::of((0u16..=999, 0u16..=999)),
        lines in prop::collection::vec(text_line(), 0..6),
        max_line_length in prop::option::of(64usize..600),
    ) {
        let enhanced = enhanced.map(|(s, d)| {
            EnhancedStatus::new(if code.as_u16() >= 500 { 5 } else if code.as_u16() >= 400 { 4 } else { 2 }, s, d).unwrap()
        });
        let mut builder = ReplyBuilder::new(code);
        if let Some(e) = enhanced {
            builder = builder.enhanced(e);
        }
        if let Some(max) = max_line_length {
            builder = builder.max_line_length(max);
        }
        for line in &lines {
            builder = builder.line(line);
        }
        let text = builder.build();
        let reply = parse(text.as_bytes(), &ParserConfig::strict()).unwrap().unwrap();
        prop_assert_eq!(reply.len(), text.len());
        prop_assert_eq!(reply.code(), code);
        for line in reply.lines() {
            prop_assert_eq!(line.code(), code);
            prop_assert_eq!(line.enhanced(), enhanced);
        }
        let words_in: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        let texts: Vec<String> = reply.lines().map(|l| l.text_str().unwrap().to_string()).collect();
        let words_out: Vec<&str> = texts.iter().flat_map(|l| l.split_whitespace()).collect();
        // The text comes back in order; a word longer than a line is cut into pieces.
        prop_assert_eq!(words_out.concat(), words_in.concat());
        let limit = max_line_length.unwrap_or(512);
        let prefix = 4 + enhanced.map_or(0, |e| e.to_string().len() + 1);
        if words_in.iter().all(|w| prefix + w.len() + 2 <= limit) {
            // Whenever every word fits on a line: the same words, and lines within the limit.
            prop_assert_eq!(&words_out, &words_in);
            for line in text.split_inclusive("\r\n") {
                prop_assert!(line.len() <= limit, "{:?} longer than {}", line, limit);
            }
        }
    }

    #[test]
    fn enhanced_codes_round_trip(class in prop::sample::select(vec![2u8, 4, 5]), subject in 0u16..=999, detail in 0u16..=999) {
        let status = EnhancedStatus::new(class, subject, detail).unwrap();
        let shown = status.to_string();
        prop_assert_eq!(&shown, &format!("{class}.{subject}.{detail}"));
        prop_assert_eq!(EnhancedStatus::parse(shown.as_bytes()), Some((status, shown.len())));
        prop_assert_eq!(shown.parse::<EnhancedStatus>().ok(), Some(status));
        let hashed = format!("#{shown} text");
        prop_assert_eq!(EnhancedStatus::parse(hashed.as_bytes()), Some((status, shown.len() + 1)));
    }
}

/// Real replies, split at every byte position and fed a byte at a time, against one-shot.
#[test]
fn real_replies_split_at_every_byte() {
    let stream: &[u8] = b"220-mx.google.com ESMTP d72si22370812qhc.8 - gsmtp\r\n\
220 ready\r\n\
250-mx.google.com at your service, [203.0.113.5]\r\n\
250-SIZE 157286400\r\n\
250-8BITMIME\r\n\
250-STARTTLS\r\n\
250-ENHANCEDSTATUSCODES\r\n\
250-PIPELINING\r\n\
250-CHUNKING\r\n\
250 SMTPUTF8\r\n\
334 \r\n\
250 2.1.0 OK\r\n\
550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n\
550-5.1.1 double-checking the recipient's email address for typos or\r\n\
550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp\r\n\
550 5.7.606 Access denied, banned sending IP [203.0.113.5]. (AS16012609)\r\n\
550 #5.1.0 Address rejected\r\n\
554 5.2.121 The sender has exceeded the limit\r\n\
421 5.7.32 Your email was blocked - gsmtp\r\n\
421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred\r\n";
    for config in configs() {
        let whole = one_shot(stream, &config);
        assert_eq!(whole.len(), 10, "{whole:?}");
        assert!(whole.iter().all(|o| matches!(o, Outcome::Reply(_))));
        for at in 0..=stream.len() {
            assert_eq!(streamed(stream, &config, &[at]), whole, "split at {at}");
        }
        let every: Vec<usize> = (0..stream.len()).collect();
        assert_eq!(
            streamed(stream, &config, &every),
            whole,
            "one byte at a time"
        );
    }
}

/// Odd but real inputs, split at every byte: the replies, and whether there are errors, must
/// not depend on where the stream was cut either.
#[test]
fn odd_inputs_split_at_every_byte() {
    let inputs: [&[u8]; 6] = [
        b"250-a\n250 b\n",
        b"  550-5.1.1 No such user\n551 5.1.1 really",
        b"250OK\r\n354 go\r\n",
        b"hello\r\n250 OK\r\n",
        b"250-a\r\n250 b\xff\r\n\r\n\r\n221 bye",
        b"199 odd\r\n250-x\r\n251 y\r\n",
    ];
    for input in inputs {
        for config in configs() {
            let whole = one_shot(input, &config);
            for at in 0..=input.len() {
                let split = streamed(input, &config, &[at]);
                let shown = String::from_utf8_lossy(input);
                assert_eq!(
                    only_replies(&split),
                    only_replies(&whole),
                    "{shown:?} split at {at}"
                );
                assert_eq!(
                    has_error(&split),
                    has_error(&whole),
                    "{shown:?} split at {at}"
                );
            }
        }
    }
}

/// White space and unterminated lines at the limits: a stream split anywhere gives the same
/// replies and errors as one-shot parsing (which once stopped at trailing white space that a
/// stream reported as too many lines), and a last line without its line ending may have
/// `max_line_length` bytes, no more.
#[test]
fn limits_read_alike_split_or_whole() {
    let config = ParserConfig {
        max_lines: 3,
        max_line_length: 16,
        ..ParserConfig::lenient()
    };
    let spaces = format!("250 OK\n{}", " ".repeat(40));
    let inputs: [&[u8]; 7] = [
        b"250 OK\n\n\n\n\n\n",
        spaces.as_bytes(),
        b"\n\n\n\n250 OK\n",
        b"250 OK\n\n\n",
        b"250 sixteen byte",
        b"250 seventeen byt",
        b"250-a\r\n250 sixteen byte",
    ];
    for input in inputs {
        let whole = one_shot(input, &config);
        for at in 0..=input.len() {
            let split = streamed(input, &config, &[at]);
            assert_eq!(
                split,
                whole,
                "{:?} split at {at}",
                String::from_utf8_lossy(input)
            );
        }
    }
    assert!(matches!(
        one_shot(b"250 OK\n\n\n\n\n\n", &config)[..],
        [
            Outcome::Reply(_),
            Outcome::Error(ErrorKind::TooManyLines, 10)
        ]
    ));
    assert!(one_shot(b"250 OK\n\n\n", &config).len() == 1);
    let last = parse(b"250 sixteen byte", &config).unwrap().unwrap();
    assert!(last.is_unterminated());
    let err = parse(b"250 seventeen byt", &config).unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::LineTooLong, 16));
    // When a line ending must still come, 16 bytes without one are already too long.
    let strict = ParserConfig {
        max_line_length: 16,
        ..ParserConfig::strict()
    };
    let err = parse(b"250 sixteen byte", &strict).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LineTooLong);
    assert!(parse(b"250 fifteen byt", &strict).unwrap().is_partial());
}
