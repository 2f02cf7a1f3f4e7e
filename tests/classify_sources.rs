//! Replies found inside transcripts, and advice for positive replies.

use smtp_reply::{classify_text, Command, Reason, ReplyCode, Source};

#[test]
fn sendmail_transcripts_are_classified_like_the_bare_reply() {
    // (transcript, code, reason, command)
    let cases: &[(&[u8], u16, Reason, Command)] = &[
        (
            b">>> RCPT To:<x@example.com>\n<<< 550 5.1.1 <x@example.com>... User unknown",
            550,
            Reason::UserUnknown,
            Command::Rcpt,
        ),
        (
            b"... while talking to mx.example.com.:\n>>> DATA\n<<< 554 5.7.1 Spam rejected\n",
            554,
            Reason::SpamDetected,
            Command::Data,
        ),
        (
            b">>> MAIL From:<a@example.org>\n<<<  452 4.3.1 Insufficient system storage",
            452,
            Reason::SystemFull,
            Command::Mail,
        ),
    ];
    for (text, code, reason, command) in cases {
        let c = classify_text(text).unwrap();
        let shown = String::from_utf8_lossy(text);
        assert_eq!(c.source(), Source::Sendmail, "{shown}");
        assert_eq!(c.code().map(|c| c.as_u16()), Some(*code), "{shown}");
        assert_eq!(
            (c.reason(), c.command()),
            (*reason, Some(*command)),
            "{shown}"
        );
        // The same reply without the transcript around it gets the same reason.
        let bare = &text[text.windows(4).position(|w| w == b"<<< ").unwrap() + 4..];
        let bare = classify_text(bare).unwrap();
        assert_eq!(bare.code(), c.code(), "{shown}");
    }
}

#[test]
fn positive_replies_get_their_codes_advice() {
    for text in [
        "220 mx.example.com ESMTP ready",
        "250 2.1.5 Ok",
        "354 End data with <CR><LF>.<CR><LF>",
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        let code = ReplyCode::from_bytes(&text.as_bytes()[..3]).unwrap();
        assert!(
            !matches!(c.reason(), Reason::UserUnknown | Reason::Blocked),
            "{text}"
        );
        assert_eq!(c.advice(), code.advice(), "{text}");
    }
}
