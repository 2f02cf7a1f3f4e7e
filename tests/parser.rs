//! Table-driven tests of the one-shot and streaming parsers, including the real-world oddities
//! that users of other parsers reported.

use smtp_reply::{
    parse, parse_flattened, parse_lines, replies, ErrorKind, Line, ParserConfig, ReplyParser,
    Status,
};

const STRICT: ParserConfig = ParserConfig::strict();
const LENIENT: ParserConfig = ParserConfig::lenient();

/// What a successful parse must give: code, enhanced code, each line's text, bytes consumed.
struct Ok {
    code: u16,
    enhanced: Option<&'static str>,
    lines: &'static [&'static str],
    len: usize,
}

fn ok(code: u16, enhanced: Option<&'static str>, lines: &'static [&'static str], len: usize) -> Ok {
    Ok {
        code,
        enhanced,
        lines,
        len,
    }
}

fn check(input: &[u8], config: &ParserConfig, want: &Ok) {
    let shown = String::from_utf8_lossy(input);
    let reply = match parse(input, config) {
        Result::Ok(Status::Complete(r)) => r,
        other => panic!("{shown:?}: expected a reply, got {other:?}"),
    };
    assert_eq!(reply.code().as_u16(), want.code, "{shown:?}");
    assert_eq!(
        reply.enhanced().map(|e| e.to_string()).as_deref(),
        want.enhanced,
        "{shown:?}"
    );
    let texts: Vec<String> = reply
        .lines()
        .map(|l| String::from_utf8_lossy(l.text()).into_owned())
        .collect();
    assert_eq!(texts, want.lines, "{shown:?}");
    assert_eq!(reply.line_count(), want.lines.len(), "{shown:?}");
    assert_eq!(reply.len(), want.len, "{shown:?}");
    let last: Vec<bool> = reply.lines().map(|l| l.is_last()).collect();
    assert_eq!(
        last.iter().filter(|l| **l).count(),
        1,
        "{shown:?}: exactly one last line"
    );
    assert!(last[last.len() - 1], "{shown:?}: the last line is last");
    // The one-pass parse gives the same reply and the same lines.
    let mut room = [Line::EMPTY; 16];
    match parse_lines(input, config, &mut room) {
        Result::Ok(Status::Complete((again, lines))) => {
            assert_eq!(again, reply, "{shown:?}");
            assert!(reply.lines().eq(lines.iter().copied()), "{shown:?}");
            assert_eq!(reply.lines().last(), lines.last().copied(), "{shown:?}");
        }
        other => panic!("{shown:?}: parse_lines gave {other:?}"),
    }
}

#[test]
fn valid_replies_strict() {
    let gmail_550: &[u8] = b"550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n\
550-5.1.1 double-checking the recipient's email address for typos or\r\n\
550-5.1.1 unnecessary spaces. For more information, go to\r\n\
550 5.1.1  https://support.google.com/mail/?p=NoSuchUser 41be03b00d2f7-b0fc5e4a8fesi1234567a12.123 - gsmtp\r\n";
    let ms_606: &[u8] = b"550 5.7.606 Access denied, banned sending IP [203.0.113.5]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (AS16012609)\r\n";
    let cases: Vec<(&[u8], Ok)> = vec![
        (b"250 OK\r\n", ok(250, None, &["OK"], 8)),
        (b"250\r\n", ok(250, None, &[""], 5)),
        (b"334 \r\n", ok(334, None, &[""], 6)),
        (b"334\r\n", ok(334, None, &[""], 5)),
        (b"334 VXNlcm5hbWU6\r\n", ok(334, None, &["VXNlcm5hbWU6"], 18)),
        (b"354 End data with <CR><LF>.<CR><LF>\r\n", ok(354, None, &["End data with <CR><LF>.<CR><LF>"], 37)),
        (
            b"421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp\r\n",
            ok(421, Some("4.7.0"), &["Try again later, closing connection. (EHLO) - gsmtp"], 63),
        ),
        (
            gmail_550,
            ok(
                550,
                Some("5.1.1"),
                &[
                    "The email account that you tried to reach does not exist. Please try",
                    "double-checking the recipient's email address for typos or",
                    "unnecessary spaces. For more information, go to",
                    "https://support.google.com/mail/?p=NoSuchUser 41be03b00d2f7-b0fc5e4a8fesi1234567a12.123 - gsmtp",
                ],
                gmail_550.len(),
            ),
        ),
        (
            ms_606,
            ok(
                550,
                Some("5.7.606"),
                &["Access denied, banned sending IP [203.0.113.5]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (AS16012609)"],
                ms_606.len(),
            ),
        ),
        (
            b"220-mx.example.com ESMTP Postfix\r\n220-Welcome, no UCE\r\n220 Go ahead\r\n",
            ok(220, None, &["mx.example.com ESMTP Postfix", "Welcome, no UCE", "Go ahead"], 69),
        ),
        (b"550 #5.1.0 Address rejected\r\n", ok(550, Some("5.1.0"), &["Address rejected"], 29)),
        (
            b"554 5.2.121 Message rejected\r\n",
            ok(554, Some("5.2.121"), &["Message rejected"], 30),
        ),
        (b"421 5.7.32 Try later\r\n", ok(421, Some("5.7.32"), &["Try later"], 22)),
        (b"250-a\r\n250-\r\n250 c\r\n", ok(250, None, &["a", "", "c"], 20)),
        (b"250 5.1.1.1 not a code\r\n", ok(250, None, &["5.1.1.1 not a code"], 24)),
        // Bytes after the reply belong to the next one (pipelining).
        (b"250 OK\r\n354 Go\r\n", ok(250, None, &["OK"], 8)),
        (b"452  4.2.2 Over quota\r\n", ok(452, Some("4.2.2"), &["Over quota"], 23)),
    ];
    for (input, want) in &cases {
        check(input, &STRICT, want);
        check(input, &LENIENT, want);
    }
}

#[test]
fn lenient_accepts_what_strict_rejects() {
    // (input, strict error kind, strict error offset, what lenient gives)
    let cases: Vec<(&[u8], ErrorKind, usize, Ok)> = vec![
        (
            // Pasted without its line ending, after leading blanks, a stray CR at the end.
            b" 250 OK\r",
            ErrorKind::NotANumber,
            0,
            ok(250, None, &["OK"], 8),
        ),
        (
            // A blank line of any white space (here a form feed) before the reply.
            b"\t\x0c \r\n\t250 OK\r\n",
            ErrorKind::NotANumber,
            0,
            ok(250, None, &["OK"], 14),
        ),
        (
            b"250 OK\n",
            ErrorKind::BareLineFeed,
            6,
            ok(250, None, &["OK"], 7),
        ),
        (
            b"250-a\n250 b\n",
            ErrorKind::BareLineFeed,
            5,
            ok(250, None, &["a", "b"], 12),
        ),
        (
            b"250OK\r\n",
            ErrorKind::BadSeparator,
            3,
            ok(250, None, &["OK"], 7),
        ),
        (
            b"250-a\r\n251 b\r\n",
            ErrorKind::CodeMismatch,
            7,
            ok(250, None, &["a", "b"], 14),
        ),
        (
            b"199 odd\r\n",
            ErrorKind::CodeOutOfRange,
            0,
            ok(199, None, &["odd"], 9),
        ),
        (
            b"570 odd\r\n",
            ErrorKind::CodeOutOfRange,
            0,
            ok(570, None, &["odd"], 9),
        ),
        (
            b"650 odd\r\n",
            ErrorKind::CodeOutOfRange,
            0,
            ok(650, None, &["odd"], 9),
        ),
        (
            b"250 caf\xe9\r\n",
            ErrorKind::InvalidUtf8,
            7,
            ok(250, None, &["caf\u{FFFD}"], 10),
        ),
        (
            // RFC 5321 text is printable ASCII, spaces and tabs: no NUL, ESC or DEL.
            b"250 a\x00b\r\n",
            ErrorKind::ControlCharacter,
            5,
            ok(250, None, &["a\0b"], 9),
        ),
        (
            // A CR without its LF, on a later line; the tab before it is allowed.
            b"250-a\tb\r\n250 c\rd\r\n",
            ErrorKind::ControlCharacter,
            14,
            ok(250, None, &["a\tb", "c\rd"], 18),
        ),
        (
            // The control character comes before the bad UTF-8, so it is the one reported.
            b"250 \x7fcaf\xe9\r\n",
            ErrorKind::ControlCharacter,
            4,
            ok(250, None, &["\x7fcaf\u{FFFD}"], 11),
        ),
        (
            // And the other way round.
            b"250 caf\xe9\x1b\r\n",
            ErrorKind::InvalidUtf8,
            7,
            ok(250, None, &["caf\u{FFFD}\x1b"], 11),
        ),
        (
            b"  550 5.1.1 indented\r\n",
            ErrorKind::NotANumber,
            0,
            ok(550, Some("5.1.1"), &["indented"], 22),
        ),
        (
            b"\r\n\r\n250 after blanks\r\n",
            ErrorKind::NotANumber,
            0,
            ok(250, None, &["after blanks"], 22),
        ),
    ];
    for (input, kind, offset, want) in &cases {
        let err = parse(input, &STRICT).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (*kind, *offset),
            "{:?}",
            String::from_utf8_lossy(input)
        );
        check(input, &LENIENT, want);
    }
}

#[test]
fn each_switch_alone_turns_on_only_its_leniency() {
    let lf = ParserConfig {
        allow_lf_endings: true,
        ..STRICT
    };
    assert!(parse(b"250 OK\n", &lf).unwrap().is_complete());
    assert_eq!(
        parse(b"250OK\n", &lf).unwrap_err().kind(),
        ErrorKind::BadSeparator
    );
    let space = ParserConfig {
        allow_missing_space: true,
        ..STRICT
    };
    assert!(parse(b"250OK\r\n", &space).unwrap().is_complete());
    assert_eq!(
        parse(b"250 OK\n", &space).unwrap_err().kind(),
        ErrorKind::BareLineFeed
    );
    let mismatch = ParserConfig {
        allow_code_mismatch: true,
        ..STRICT
    };
    let r = parse(b"250-a\r\n251 b\r\n", &mismatch).unwrap().unwrap();
    assert!(r.has_mixed_codes());
    assert_eq!(
        r.lines().map(|l| l.code().as_u16()).collect::<Vec<_>>(),
        [250, 251]
    );
    let eof = ParserConfig {
        allow_missing_final_line_ending: true,
        ..STRICT
    };
    let r = parse(b"250 OK", &eof).unwrap().unwrap();
    assert!(r.is_unterminated());
    assert_eq!(r.len(), 6);
    assert!(parse(b"250-OK", &eof).unwrap().is_partial());
    assert!(parse(b"250 OK", &STRICT).unwrap().is_partial());
    let control = ParserConfig {
        allow_control_characters: true,
        ..STRICT
    };
    let r = parse(b"250-a\x00\r\n250 b\rc\x7f\r\n", &control)
        .unwrap()
        .unwrap();
    assert_eq!(r.lines().nth(1).unwrap().text(), b"b\rc\x7f");
    assert_eq!(
        parse(b"250 \x00caf\xe9\r\n", &control).unwrap_err().kind(),
        ErrorKind::InvalidUtf8
    );
    let utf8 = ParserConfig {
        allow_invalid_utf8: true,
        ..STRICT
    };
    assert_eq!(
        parse(b"250 \x00caf\xe9\r\n", &utf8).unwrap_err().kind(),
        ErrorKind::ControlCharacter
    );
    // A tab is text in every preset, and an LF alone keeps the byte before it as text.
    assert!(parse(b"250 a\tb\t\r\n", &STRICT).unwrap().is_complete());
    assert_eq!(
        parse(b"250 a\x00\n", &lf).unwrap_err().kind(),
        ErrorKind::ControlCharacter
    );
}

#[test]
fn malformed_input_gets_kind_and_offset() {
    let cases: &[(&[u8], ErrorKind, usize)] = &[
        (b"hello\r\n", ErrorKind::NotANumber, 0),
        (b"25\r\n", ErrorKind::NotANumber, 2),
        (b"2a0 x\r\n", ErrorKind::NotANumber, 1),
        (b"2500 x\r\n", ErrorKind::NotANumber, 3),
        (b"250_x\r\n", ErrorKind::BadSeparator, 3),
        (b"250-a\r\n250_x\r\n", ErrorKind::BadSeparator, 10),
        (b"250-a\r\nxyz\r\n", ErrorKind::NotANumber, 7),
        (b"250-a\r\n550 b\r\n", ErrorKind::CodeMismatch, 7),
        (b"250 a\n", ErrorKind::BareLineFeed, 5),
        (b"099 x\r\n", ErrorKind::NotANumber, 0),
        // Garbage is reported before the line ending arrives.
        (b"HTTP/1.1 200 OK", ErrorKind::NotANumber, 0),
        (b"250x", ErrorKind::BadSeparator, 3),
    ];
    for (input, kind, offset) in cases {
        let err = parse(input, &STRICT).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (*kind, *offset),
            "{:?}",
            String::from_utf8_lossy(input)
        );
        assert!(err.to_string().contains(&format!("at byte {offset}")));
    }
}

#[test]
fn limits_bound_lines_and_line_count() {
    let mut long = b"250 ".to_vec();
    long.extend(std::iter::repeat(b'x').take(600));
    long.extend_from_slice(b"\r\n");
    let err = parse(&long, &STRICT).unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::LineTooLong, 512));
    assert!(parse(&long, &LENIENT).unwrap().is_complete());
    // A line of exactly 512 bytes with its CRLF is allowed.
    let mut exact = b"250 ".to_vec();
    exact.extend(std::iter::repeat(b'x').take(506));
    exact.extend_from_slice(b"\r\n");
    assert_eq!(exact.len(), 512);
    assert!(parse(&exact, &STRICT).unwrap().is_complete());
    // Too long is reported even before the line ends.
    assert_eq!(
        parse(&long[..520], &STRICT).unwrap_err().kind(),
        ErrorKind::LineTooLong
    );

    let small = ParserConfig {
        max_lines: 3,
        ..STRICT
    };
    assert!(parse(b"250-a\r\n250-b\r\n250 c\r\n", &small)
        .unwrap()
        .is_complete());
    let err = parse(b"250-a\r\n250-b\r\n250-c\r\n250 d\r\n", &small).unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::TooManyLines, 21));
}

#[test]
fn partial_input_asks_for_more() {
    for input in [
        &b""[..],
        b"2",
        b"25",
        b"250",
        b"250 ",
        b"250 OK",
        b"250 OK\r",
        b"250-a\r\n",
        b"250-a\r\n25",
    ] {
        assert!(
            parse(input, &STRICT).unwrap().is_partial(),
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn enhanced_codes_on_every_line_and_class_mismatch() {
    let r = parse(b"550-5.7.1 first\r\n550 5.7.26 second\r\n", &STRICT)
        .unwrap()
        .unwrap();
    let codes: Vec<String> = r
        .lines()
        .map(|l| l.enhanced().unwrap().to_string())
        .collect();
    assert_eq!(codes, ["5.7.1", "5.7.26"]);
    assert!(!r.has_class_mismatch());
    let r = parse(b"421-4.7.0 a\r\n421 5.7.32 b\r\n", &STRICT)
        .unwrap()
        .unwrap();
    assert!(r.has_class_mismatch());
    assert_eq!(r.enhanced().unwrap().to_string(), "4.7.0");
}

#[test]
fn line_offsets_and_joined_text() {
    let input = b"250-mx.example.com\r\n250-PIPELINING\r\n250 SIZE 1000\r\n";
    let r = parse(input, &STRICT).unwrap().unwrap();
    let offsets: Vec<usize> = r.lines().map(|l| l.offset()).collect();
    assert_eq!(offsets, [0, 20, 36]);
    assert_eq!(r.text(), "mx.example.com\nPIPELINING\nSIZE 1000");
    assert_eq!(r.as_bytes(), input);
}

#[test]
fn replies_iterator_reads_a_log_and_recovers_from_errors() {
    let text = b"220 mx ESMTP\r\n250-mx\r\n250 8BITMIME\r\nbogus\r\n250 2.1.0 Ok\r\n";
    let got: Vec<Result<u16, ErrorKind>> = replies(text, &STRICT)
        .map(|r| r.map(|r| r.code().as_u16()).map_err(|e| e.kind()))
        .collect();
    assert_eq!(got, [Ok(220), Ok(250), Err(ErrorKind::NotANumber), Ok(250)]);
    let errs: Vec<usize> = replies(text, &STRICT)
        .filter_map(|r| r.err())
        .map(|e| e.offset())
        .collect();
    assert_eq!(errs, [36]);
    // A text that stops inside a reply says so.
    let got: Vec<_> = replies(b"250 a\r\n250-b\r\n", &STRICT)
        .map(|r| r.map(|r| r.len()))
        .collect();
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].unwrap_err().kind(), ErrorKind::Incomplete);
    // Lenient: blank lines between replies and a missing final newline.
    let n = replies(b"250 a\n\n\n421 b", &LENIENT)
        .filter(|r| r.is_ok())
        .count();
    assert_eq!(n, 2);
}

/// One reply as (code, length, lines), or an error as (kind, offset).
type Outcome = Result<(u16, usize, usize), (ErrorKind, usize)>;

/// Feeds `input` to a streaming parser split at `cuts` and collects (code, len, lines) or errors.
fn stream(input: &[u8], cuts: &[usize], config: &ParserConfig) -> Vec<Outcome> {
    let mut p = ReplyParser::new(*config);
    let mut out = Vec::new();
    let mut prev = 0;
    for &c in cuts.iter().chain(std::iter::once(&input.len())) {
        p.push(&input[prev..c]);
        prev = c;
        while let Some(r) = p.next_reply() {
            out.push(
                r.map(|r| (r.code().as_u16(), r.len(), r.line_count()))
                    .map_err(|e| (e.kind(), e.offset())),
            );
        }
    }
    if let Some(r) = p.finish() {
        out.push(
            r.map(|r| (r.code().as_u16(), r.len(), r.line_count()))
                .map_err(|e| (e.kind(), e.offset())),
        );
    }
    out
}

fn one_shot(input: &[u8], config: &ParserConfig) -> Vec<Outcome> {
    replies(input, config)
        .map(|r| {
            r.map(|r| (r.code().as_u16(), r.len(), r.line_count()))
                .map_err(|e| (e.kind(), e.offset()))
        })
        .collect()
}

#[test]
fn streaming_split_at_every_byte_equals_one_shot() {
    let session: &[u8] = b"220-mx.google.com ESMTP\r\n220 ready\r\n\
250-mx.google.com at your service, [203.0.113.5]\r\n250-SIZE 157286400\r\n250-8BITMIME\r\n\
250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-CHUNKING\r\n250 SMTPUTF8\r\n\
250 2.1.0 OK\r\n550-5.1.1 The email account that you tried to reach does not exist.\r\n\
550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n354 Go ahead\r\n";
    let whole = one_shot(session, &STRICT);
    assert_eq!(whole.len(), 5);
    for cut in 0..=session.len() {
        assert_eq!(stream(session, &[cut], &STRICT), whole, "split at {cut}");
    }
    let every: Vec<usize> = (1..session.len()).collect();
    assert_eq!(
        stream(session, &every, &STRICT),
        whole,
        "one byte at a time"
    );
}

#[test]
fn streaming_reports_errors_with_stream_offsets_and_goes_on() {
    let input = b"250 OK\r\nbad line\r\n250-a\r\n251 b\r\n221 Bye\r\n";
    let want = one_shot(input, &STRICT);
    assert_eq!(
        want,
        [
            Ok((250, 8, 1)),
            Err((ErrorKind::NotANumber, 8)),
            Err((ErrorKind::CodeMismatch, 25)),
            Ok((221, 9, 1))
        ]
    );
    for cut in 0..=input.len() {
        assert_eq!(stream(input, &[cut], &STRICT), want, "split at {cut}");
    }
}

#[test]
fn streaming_buffer_is_bounded() {
    let mut p = ReplyParser::new(STRICT);
    let junk = [b'9'; 64];
    p.push(b"250 ");
    let mut failed = false;
    for _ in 0..100 {
        p.push(&junk);
        if let Some(Err(e)) = p.next_reply() {
            assert_eq!(e.kind(), ErrorKind::LineTooLong);
            failed = true;
            break;
        }
    }
    assert!(
        failed,
        "a line that never ends must fail once it passes the limit"
    );
    assert!(p.buffered() <= 600);
}

#[test]
fn streaming_finish_handles_a_missing_final_newline() {
    assert_eq!(
        stream(b"250 a\r\n221 bye", &[3], &LENIENT),
        [Ok((250, 7, 1)), Ok((221, 7, 1))]
    );
    assert_eq!(
        stream(b"250 a\r\n221 bye", &[3], &STRICT),
        [Ok((250, 7, 1)), Err((ErrorKind::Incomplete, 14))]
    );
}

#[test]
fn streaming_errors_do_not_depend_on_the_split() {
    let cases: &[(&[u8], ParserConfig)] = &[
        (b"  550-5.1.1 No such user\n551 5.1.1 really", STRICT),
        (b"000000000000000", LENIENT),
        (b"000 x\r\n", STRICT),
        (b"250-a\r\n25x b\r\n250 ok\r\n", STRICT),
        (b"250 a\n250 b\r\n", STRICT),
        (b"\r", STRICT),
        (b"250-a\r\n250-b\x00\r\n250-c\r\n251 d\r\n", STRICT),
        (b"250-a\r\n250 b\rc\r\n250 next\r\n", STRICT),
    ];
    for (input, config) in cases {
        let whole = one_shot(input, config);
        for cut in 0..=input.len() {
            let got = stream(input, &[cut], config);
            // Errors included: kind and offset must not depend on where the stream was split.
            assert_eq!(
                got,
                whole,
                "{:?} split at {cut}",
                String::from_utf8_lossy(input)
            );
        }
    }
}

/// A reply whose lines a log joined into one text: each line from its marker to the next.
#[test]
fn flattened_replies_are_split_at_their_markers() {
    // (text, code, each line's (last, enhanced, text)); `None`: not a flattened reply.
    type Want = Option<(u16, &'static [(bool, &'static str, &'static str)])>;
    let cases: &[(&str, Want)] = &[
        (
            "550-5.1.1 The email account that you tried to reach does not exist. Please try \
             550-5.1.1 double-checking the recipient's email address 550 5.1.1 \
             https://support.google.com/mail/?p=NoSuchUser - gsmtp",
            Some((550, &[
                (false, "5.1.1", "The email account that you tried to reach does not exist. Please try"),
                (false, "5.1.1", "double-checking the recipient's email address"),
                (true, "5.1.1", "https://support.google.com/mail/?p=NoSuchUser - gsmtp"),
            ])),
        ),
        // A DSN field's folds: a marker after a line break, and a fold kept inside a line.
        (
            "450-4.2.1 The user you are trying to contact is receiving\r\n    mail at a rate\r\n 450 4.2.1 that prevents delivery",
            Some((450, &[
                (false, "4.2.1", "The user you are trying to contact is receiving\r\n    mail at a rate"),
                (true, "4.2.1", "that prevents delivery"),
            ])),
        ),
        // The code inside the text is no marker: it has no enhanced code after it, or it is
        // not after white space, or it is another code.
        (
            "550-5.7.1 limit of 550 messages, 550-1234 x550-5.7.1 y 551-5.7.1 z 550 5.7.1 done",
            Some((550, &[(false, "5.7.1", "limit of 550 messages, 550-1234 x550-5.7.1 y 551-5.7.1 z"), (true, "5.7.1", "done")])),
        ),
        // A `#` before the enhanced code; blanks after the marker are not text.
        ("550-#5.1.0   a 550 #5.1.0 b", Some((550, &[(false, "5.1.0", "a"), (true, "5.1.0", "b")]))),
        // A reply cut short (a paste of its first lines): the lines it has, none the last.
        (
            "550-5.1.1 cut short 550-5.1.1 before the last line",
            Some((550, &[(false, "5.1.1", "cut short"), (false, "5.1.1", "before the last line")])),
        ),
        ("550-5.1.1 one line of many\r\n", Some((550, &[(false, "5.1.1", "one line of many")]))),
        // A fold right after a marker's code (a bounce notice wraps its lines anywhere).
        (
            "550-5.1.1 Learn more at 550 5.1.1\n    https://support.google.com/mail/?p=NoSuchUser",
            Some((550, &[(false, "5.1.1", "Learn more at"), (true, "5.1.1", "https://support.google.com/mail/?p=NoSuchUser")])),
        ),
        // Not flattened: one line, no enhanced code, no code.
        ("550 5.1.1 one line only", None),
        ("550-No enhanced code 550 here", None),
        ("x50-5.1.1 a 550 5.1.1 b", None),
        ("550-", None),
        ("", None),
    ];
    // As many lines as the lenient parser takes, and no more.
    let limit = LENIENT.max_lines;
    for (lines, read) in [(limit, true), (limit + 1, false)] {
        let text = format!("{}550 5.1.1 end", "550-5.1.1 x ".repeat(lines - 1));
        assert_eq!(
            parse_flattened(text.as_bytes()).is_some(),
            read,
            "{lines} lines"
        );
    }
    for (text, want) in cases {
        let got = parse_flattened(text.as_bytes());
        let Some((code, lines)) = want else {
            assert!(got.is_none(), "{text:?}: {got:?}");
            continue;
        };
        let reply = got.unwrap_or_else(|| panic!("{text:?} was not read"));
        assert!(reply.is_flattened());
        assert_eq!(reply.code().as_u16(), *code, "{text:?}");
        assert_eq!(reply.line_count(), lines.len(), "{text:?}");
        assert_eq!(reply.len(), text.len());
        let got: Vec<(bool, String, &str)> = reply
            .lines()
            .map(|l| {
                (
                    l.is_last(),
                    l.enhanced().unwrap().to_string(),
                    l.text_str().unwrap(),
                )
            })
            .collect();
        let want: Vec<(bool, String, &str)> = lines
            .iter()
            .map(|(l, e, t)| (*l, e.to_string(), *t))
            .collect();
        assert_eq!(got, want, "{text:?}");
        for line in reply.lines() {
            assert!(text[line.offset()..].starts_with(&code.to_string()));
        }
    }
}

/// A reply that the line parser reads is never taken for a flattened one, and the other way
/// round: the flattened form of every multi-line reply gives back its lines.
#[test]
fn flattening_a_reply_keeps_its_lines() {
    let corpus = [
        &b"550-5.1.1 The email account that you tried to reach does not exist.\r\n550-5.1.1 Please try again.\r\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n"[..],
        b"421-4.7.0 [192.0.2.1 15] Our system has detected that\r\n421 4.7.0 this message is suspicious\r\n",
        b"552-5.2.2 The email account that you tried to reach is over quota.\r\n552 5.2.2 Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm\r\n",
    ];
    for raw in corpus {
        let reply = parse(raw, &STRICT).unwrap().unwrap();
        assert!(!reply.is_flattened());
        let joined: Vec<u8> = String::from_utf8_lossy(raw)
            .replace("\r\n", " ")
            .trim_end()
            .into();
        assert!(parse(&joined, &LENIENT).unwrap().complete().is_none());
        let flat = parse_flattened(&joined).unwrap();
        let texts = |r: &smtp_reply::Reply<'_>| -> Vec<(bool, Option<String>, Vec<u8>)> {
            r.lines()
                .map(|l| {
                    (
                        l.is_last(),
                        l.enhanced().map(|e| e.to_string()),
                        l.text().to_vec(),
                    )
                })
                .collect()
        };
        assert_eq!(
            texts(&flat),
            texts(&reply),
            "{}",
            String::from_utf8_lossy(raw)
        );
        assert_eq!(
            (flat.code(), flat.enhanced()),
            (reply.code(), reply.enhanced())
        );
    }
}
