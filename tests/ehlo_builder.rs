//! EHLO reply reading and the reply builder, including build-then-parse round trips.

use smtp_reply::{
    parse, Ehlo, EnhancedStatus, ExtensionKind, ParserConfig, ReplyBuilder, ReplyCode,
};

#[test]
fn gmail_ehlo() {
    let input = b"250-smtp.gmail.com at your service, [203.0.113.5]\r\n250-SIZE 35882577\r\n\
250-8BITMIME\r\n250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH\r\n\
250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-CHUNKING\r\n250 SMTPUTF8\r\n";
    let reply = parse(input, &ParserConfig::strict()).unwrap().unwrap();
    let ehlo = Ehlo::from_reply(reply).unwrap();
    assert_eq!(ehlo.domain(), "smtp.gmail.com");
    assert_eq!(ehlo.greeting(), "at your service, [203.0.113.5]");
    let kinds: Vec<ExtensionKind> = ehlo.extensions().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        [
            ExtensionKind::Size,
            ExtensionKind::EightBitMime,
            ExtensionKind::Auth,
            ExtensionKind::EnhancedStatusCodes,
            ExtensionKind::Pipelining,
            ExtensionKind::Chunking,
            ExtensionKind::SmtpUtf8
        ]
    );
    assert_eq!(ehlo.size(), Some(35882577));
    assert_eq!(ehlo.auth_mechanisms().count(), 6);
    assert!(!ehlo.supports("STARTTLS"));
}

#[test]
fn extensions_table() {
    // (line text, kind, keyword, params, number)
    let cases: &[(&str, ExtensionKind, &str, &str, Option<u64>)] = &[
        ("STARTTLS", ExtensionKind::StartTls, "STARTTLS", "", None),
        ("SIZE", ExtensionKind::Size, "SIZE", "", None),
        ("SIZE 0", ExtensionKind::Size, "SIZE", "0", Some(0)),
        ("size 1000", ExtensionKind::Size, "size", "1000", Some(1000)),
        // The largest number a u64 holds, and one more.
        (
            "SIZE 18446744073709551615",
            ExtensionKind::Size,
            "SIZE",
            "18446744073709551615",
            Some(u64::MAX),
        ),
        (
            "SIZE 18446744073709551616",
            ExtensionKind::Size,
            "SIZE",
            "18446744073709551616",
            None,
        ),
        ("SIZE +100", ExtensionKind::Size, "SIZE", "+100", None),
        ("SIZE 10MB", ExtensionKind::Size, "SIZE", "10MB", None),
        // Blanks around the keyword and its parameters go; other white space is text.
        (" \tDSN \t", ExtensionKind::Dsn, "DSN", "", None),
        (
            "AUTH= PLAIN\u{a0}",
            ExtensionKind::Auth,
            "AUTH",
            "PLAIN\u{a0}",
            None,
        ),
        (
            "AUTH=LOGIN PLAIN",
            ExtensionKind::Auth,
            "AUTH",
            "LOGIN PLAIN",
            None,
        ),
        (
            "DELIVERBY 600",
            ExtensionKind::DeliverBy,
            "DELIVERBY",
            "600",
            Some(600),
        ),
        (
            "REQUIRETLS",
            ExtensionKind::RequireTls,
            "REQUIRETLS",
            "",
            None,
        ),
        ("DSN", ExtensionKind::Dsn, "DSN", "", None),
        (
            "LIMITS RCPTMAX=100 MAILMAX=1000",
            ExtensionKind::Limits,
            "LIMITS",
            "RCPTMAX=100 MAILMAX=1000",
            None,
        ),
        (
            "X-EXPS GSSAPI NTLM",
            ExtensionKind::Other,
            "X-EXPS",
            "GSSAPI NTLM",
            None,
        ),
        (
            "XCLIENT NAME ADDR",
            ExtensionKind::Other,
            "XCLIENT",
            "NAME ADDR",
            None,
        ),
    ];
    for &(line, kind, keyword, params, number) in cases {
        let e = smtp_reply::Extension::from_line(line).unwrap();
        assert_eq!(
            (e.kind(), e.keyword(), e.params_str(), e.number()),
            (kind, keyword, params, number),
            "{line}"
        );
    }
    assert!(smtp_reply::Extension::from_line("   ").is_none());
}

#[test]
fn ehlo_needs_250_and_tolerates_odd_lines() {
    let r = parse(b"220 mx ESMTP\r\n", &ParserConfig::strict())
        .unwrap()
        .unwrap();
    assert!(Ehlo::from_reply(r).is_none());
    let r = parse(
        b"250-mx\n250-\n250-8BITMIME\xff\n250 PIPELINING\n",
        &ParserConfig::lenient(),
    )
    .unwrap()
    .unwrap();
    let ehlo = Ehlo::from_reply(r).unwrap();
    let kw: Vec<&str> = ehlo.extensions().map(|e| e.keyword()).collect();
    assert_eq!(kw, ["8BITMIME", "PIPELINING"]);
}

#[test]
fn builder_wraps_and_round_trips() {
    let long = "word ".repeat(300);
    let text = ReplyBuilder::new(ReplyCode::MAILBOX_UNAVAILABLE)
        .enhanced(EnhancedStatus::new(5, 7, 1).unwrap())
        .line(long.trim())
        .build();
    let reply = parse(text.as_bytes(), &ParserConfig::strict())
        .unwrap()
        .unwrap();
    assert_eq!(reply.len(), text.len());
    assert!(reply.line_count() >= 3);
    for line in reply.lines() {
        assert_eq!(line.enhanced().unwrap().to_string(), "5.7.1");
        assert!(line.text().len() + 4 + 6 + 2 <= 512);
    }
    let words: Vec<String> = reply
        .lines()
        .flat_map(|l| {
            l.text_str()
                .unwrap()
                .split(' ')
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(words.len(), 300);
    assert!(words.iter().all(|w| w == "word"));

    // A word longer than a line is cut, and nothing is lost.
    assert_eq!(build_and_rejoin(10, "abcdefghijklmnop"), "abcdefghijklmnop");
    // Multi-byte characters are never split.
    assert_eq!(build_and_rejoin(8, "ééééééé"), "ééééééé");
}

/// Builds a 250 reply of `text` wrapped to `max` bytes a line, parses it strictly and joins
/// the lines' texts back together.
fn build_and_rejoin(max: usize, text: &str) -> String {
    let built = ReplyBuilder::new(ReplyCode::OK)
        .max_line_length(max)
        .line(text)
        .build();
    let reply = parse(built.as_bytes(), &ParserConfig::strict())
        .unwrap()
        .unwrap();
    assert!(
        reply.lines().all(|l| l.text().len() + 6 <= max.max(7)),
        "{built:?}"
    );
    reply
        .lines()
        .map(|l| l.text_str().unwrap().to_string())
        .collect()
}

#[test]
fn builder_empty_lines() {
    assert_eq!(
        ReplyBuilder::new(ReplyCode::AUTH_CHALLENGE).build(),
        "334\r\n"
    );
    assert_eq!(
        ReplyBuilder::new(ReplyCode::OK).line("").line("x").build(),
        "250-\r\n250 x\r\n"
    );
    let e = EnhancedStatus::new(2, 0, 0).unwrap();
    assert_eq!(
        ReplyBuilder::new(ReplyCode::OK).enhanced(e).build(),
        "250 2.0.0\r\n"
    );
}

/// Wrapping never starts a line with what reads as an enhanced code: a 550 built without one
/// once read back as `4.2.2`, a full mailbox to retry. And a lone CR starts a new line, as
/// LF and CRLF do, instead of going out bare (RFC 5321 §2.3.8).
#[test]
fn builder_never_forges_an_enhanced_code_or_a_bare_cr() {
    for max in 14..40 {
        let built = ReplyBuilder::new(ReplyCode::MAILBOX_UNAVAILABLE)
            .max_line_length(max)
            .line("Try again: 4.2.2 is wrong")
            .build();
        let reply = parse(built.as_bytes(), &ParserConfig::strict())
            .unwrap()
            .unwrap();
        assert_eq!(reply.enhanced(), None, "{built:?}");
        if max < 18 {
            continue; // too narrow for `again: 4.2.2`: a word is cut, as for any long word
        }
        let words: Vec<&str> = reply
            .lines()
            .flat_map(|l| l.text_str().unwrap().split(' '))
            .collect();
        assert_eq!(words.join(" "), "Try again: 4.2.2 is wrong", "{built:?}");
    }
    let built = ReplyBuilder::new(ReplyCode::OK).line("a\rb\r\nc").build();
    assert_eq!(built, "250-a\r\n250-b\r\n250 c\r\n");
    let reply = parse(built.as_bytes(), &ParserConfig::strict())
        .unwrap()
        .unwrap();
    assert_eq!(reply.line_count(), 3);
    // Other control characters, which a strict parse refuses, go out as spaces; tabs stay.
    let built = ReplyBuilder::new(ReplyCode::OK)
        .line("a\0b\x1bc\x7fd\te")
        .build();
    assert_eq!(built, "250 a b c d\te\r\n");
    assert!(parse(built.as_bytes(), &ParserConfig::strict())
        .unwrap()
        .is_complete());
}
