//! Replies found inside transcripts, and advice for positive replies.

use smtp_reply::{classify_text, extract, Command, Provider, Reason, ReplyCode, Source};

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

/// Postfix and Exim log a multi-line reply joined into one line, and a DSN field folds it:
/// the lines come back without their markers, and the classification is the reply's own.
#[test]
fn a_reply_flattened_by_a_log_keeps_its_lines() {
    let reply = "550-5.7.1 [192.0.2.1] Messages with multiple\r\n550 5.7.1 addresses in From: header are not accepted. - gsmtp\r\n";
    let joined = "550-5.7.1 [192.0.2.1] Messages with multiple 550 5.7.1 addresses in From: header are not accepted. - gsmtp";
    let texts = [
        format!("Nov 28 07:10:11 mail postfix/smtp[2712]: 3F2A81C0E4: to=<a@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.27]:25, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.27] said: {joined} (in reply to end of DATA command))"),
        format!("2024-05-01 10:00:00 1s2abc-000123-AB ** a@gmail.com R=dnslookup T=remote_smtp: SMTP error from remote mail server after end of data: {joined}"),
        // Folded inside the first line: the fold stays in that line's text.
        "Diagnostic-Code: smtp; 550-5.7.1 [192.0.2.1] Messages with\n    multiple 550 5.7.1 addresses in From: header are not accepted. - gsmtp".to_string(),
    ];
    let bare = classify_text(reply.as_bytes()).unwrap();
    // Each line's words (a fold is white space).
    let lines = |c: &smtp_reply::Classification<'_>| -> Vec<Vec<String>> {
        let reply = c.reply().unwrap();
        let words = |t: &str| t.split_whitespace().map(String::from).collect();
        reply
            .lines()
            .map(|l| words(l.text_str().unwrap()))
            .collect()
    };
    assert_eq!(bare.reason(), Reason::NotCompliantRfc);
    for text in &texts {
        let c = classify_text(text.as_bytes()).unwrap();
        assert!(c.reply().unwrap().is_flattened(), "{text}");
        assert_eq!(lines(&c), lines(&bare), "{text}");
        // The phrase runs across the marker: it is matched as in the bare reply.
        assert_eq!(
            (c.reason(), c.provider(), c.enhanced()),
            (bare.reason(), bare.provider(), bare.enhanced()),
            "{text}"
        );
    }
}

/// A DSN whose diagnostic is the sending MTA's own words, with no reply code: the reason
/// comes from the words, and only a bad address stops the retries.
#[test]
fn a_diagnostic_without_a_code_is_read_by_its_words() {
    use smtp_reply::Action;
    let cases: &[(&str, Reason, Action)] = &[
        (
            "Diagnostic-Code: X-Postfix; connect to mx.example.com[192.0.2.1]:25: Connection refused",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found",
            Reason::HostUnknown,
            Action::DoNotRetry,
        ),
        (
            "Diagnostic-Code: X-Postfix; unknown user: \"bob\"",
            Reason::UserUnknown,
            Action::DoNotRetry,
        ),
        (
            "Diagnostic-Code: X-Postfix; mailbox is full",
            Reason::MailboxFull,
            Action::RetryLater,
        ),
        // A local delivery program's exit status is no reply code (127 would be a 1yz).
        (
            "Diagnostic-Code: X-Unix; 127",
            Reason::MailerError,
            Action::RetryLater,
        ),
        (
            "Diagnostic-Code: X-Unix; 75 procmail: Error while writing to mailbox",
            Reason::MailerError,
            Action::RetryLater,
        ),
        // Its words may still name the mailbox's state (sisimai reads them so).
        (
            "Diagnostic-Code: x-unix; maildrop: maildir over quota.",
            Reason::MailboxFull,
            Action::RetryLater,
        ),
        // Nothing to go by: undefined, and retried with back-off rather than given up.
        (
            "Diagnostic-Code: X-Postfix; something odd happened",
            Reason::Undefined,
            Action::RetryLater,
        ),
    ];
    for (text, reason, action) in cases {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!((c.code(), c.enhanced()), (None, None), "{text}");
        assert_eq!((c.reason(), c.action()), (*reason, *action), "{text}");
        assert_eq!(c.is_retryable(), *action == Action::RetryLater, "{text}");
        // Without a code, an address-level reason that is not retried is a hard bounce, as
        // sisimai has it (its pseudo status for such a text is a 5.0.9xx).
        assert_eq!(
            c.is_hard(),
            matches!(reason, Reason::HostUnknown | Reason::UserUnknown),
            "{text}"
        );
    }
}

/// A delivery-status part whose diagnostic holds no reply: its `Status:` field gives the
/// enhanced code, and with it the class, the severity and the hard-bounce flag.
#[test]
fn a_dsn_status_field_gives_a_code_less_diagnostic_its_class() {
    use smtp_reply::{extract, Action, EnhancedStatus, Severity};
    let cases = [
        (
            "Final-Recipient: rfc822; bob@example.invalid\r\nAction: failed\r\nStatus: 5.4.4\r\n\
             Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error for \
             name=example.invalid type=A: Host not found\r\n",
            "5.4.4",
            Reason::HostUnknown,
            Action::DoNotRetry,
            Severity::PermanentNegative,
            true,
        ),
        (
            "Action: delayed\nStatus: 4.4.1\nDiagnostic-Code: X-Postfix; connect to \
             mx.example.com[192.0.2.1]:25: Connection refused\n",
            "4.4.1",
            Reason::NetworkError,
            Action::RetryLater,
            Severity::TransientNegative,
            false,
        ),
    ];
    for (text, status, reason, action, severity, hard) in cases {
        let status = EnhancedStatus::parse(status.as_bytes()).map(|(s, _)| s);
        assert_eq!(extract(text.as_bytes()).unwrap().status(), status, "{text}");
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!((c.code(), c.enhanced()), (None, status), "{text}");
        assert_eq!((c.reason(), c.action()), (reason, action), "{text}");
        assert_eq!((c.severity(), c.is_hard()), (severity, hard), "{text}");
    }
    // A diagnostic that holds a reply keeps the reply's codes.
    let c = classify_text(b"Status: 5.0.0\nDiagnostic-Code: smtp; 550 5.1.1 User unknown").unwrap();
    assert_eq!(
        c.enhanced().map(|e| e.to_string()).as_deref(),
        Some("5.1.1")
    );
}

/// A Postfix status with no reply, only Postfix's own words inside the parentheses: the
/// words are the text, `while sending RCPT TO` the command, and they give the reason.
#[test]
fn a_postfix_status_without_a_reply_is_read_by_its_words() {
    use smtp_reply::{extract, Action, Severity};
    let line = |dsn: &str, status: &str, words: &str| {
        format!("Nov 28 07:10:11 mail postfix/smtp[2712]: 3F2A81C0E4: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=31, dsn={dsn}, status={status} ({words})")
    };
    // (dsn, status, Postfix's words, the text found, command, reason, action)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<Command>,
        Reason,
        Action,
    );
    let cases: &[Case] = &[
        ("4.4.1", "deferred", "connect to mx.example.com[192.0.2.1]:25: Connection refused",
         "connect to mx.example.com[192.0.2.1]:25: Connection refused", None, Reason::NetworkError, Action::RetryLater),
        ("4.4.2", "deferred", "lost connection with mx.example.com[192.0.2.1] while sending RCPT TO",
         "lost connection with mx.example.com[192.0.2.1] while sending RCPT TO", Some(Command::Rcpt), Reason::NetworkError, Action::RetryLater),
        ("4.4.2", "deferred", "conversation with mx.example.com[192.0.2.1] timed out while receiving the initial server greeting",
         "conversation with mx.example.com[192.0.2.1] timed out", Some(Command::Connect), Reason::NetworkError, Action::RetryLater),
        ("5.4.4", "bounced", "Host or domain name not found. Name service error for name=example.invalid type=A: Host not found",
         "Host or domain name not found. Name service error for name=example.invalid type=A: Host not found", None, Reason::HostUnknown, Action::DoNotRetry),
        // The same words, but the DNS said to try again: a failure of the moment, which
        // Postfix defers; not a domain known not to exist (a hard bounce).
        ("4.4.3", "deferred", "Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again",
         "Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again", None, Reason::NetworkError, Action::RetryLater),
        // A reply inside the status is the reply, as with `said:`.
        ("2.0.0", "sent", "250 2.0.0 OK 1732780211 x1si - gsmtp", "250 2.0.0 OK 1732780211 x1si - gsmtp", None, Reason::Delivered, Action::Done),
    ];
    for (dsn, status, words, text, command, reason, action) in cases {
        let log = line(dsn, status, words);
        let e = extract(log.as_bytes()).unwrap();
        assert_eq!(
            (e.source(), e.text(), e.command()),
            (Source::Postfix, text.as_bytes(), *command),
            "{log}"
        );
        // Postfix's `dsn=` is the status of its verdict: the enhanced code, and so the class.
        let dsn = smtp_reply::EnhancedStatus::parse(dsn.as_bytes()).map(|(s, _)| s);
        assert_eq!(e.status(), dsn, "{log}");
        let c = classify_text(log.as_bytes()).unwrap();
        assert_eq!((c.reason(), c.action()), (*reason, *action), "{log}");
        assert_eq!(c.enhanced(), dsn, "{log}");
        let permanent = dsn.is_some_and(|s| s.class_digit() == 5);
        assert_eq!(
            c.severity() == Severity::PermanentNegative,
            permanent,
            "{log}"
        );
    }
    // Without words in parentheses, the status itself is read: the message expired in the
    // queue and went back to its sender.
    let c = classify_text(
        b"postfix/qmgr[1]: A: to=<a@example.com>, dsn=4.4.7, status=expired, returned to sender",
    )
    .unwrap();
    assert_eq!(c.reason(), Reason::Expired);
    assert_eq!(c.text(), b"expired, returned to sender");
    // A line of Postfix's that is no delivery's status has none.
    assert!(classify_text(
        b"postfix/qmgr[1]: A: from=<a@example.com>, size=1234, nrcpt=1 (queue active)"
    )
    .is_none());
}

/// A milter's verdict on mail received: Postfix logs it with the status and words alone.
#[test]
fn a_postfix_milter_reject_is_read_by_its_status() {
    use smtp_reply::Action;
    let line = |stage: &str, verdict: &str| {
        format!(
            "Jun 12 10:05:51 mx1 postfix/cleanup[20931]: 4W0Dt32bQ9z3wXm: milter-reject: {stage} \
             from bulk.example.net[203.0.113.90]: {verdict}; from=<promo@example.net> \
             to=<info@example.org> proto=ESMTP helo=<bulk.example.net>"
        )
    };
    for (stage, verdict, command, reason, action) in [
        (
            "END-OF-MESSAGE",
            "4.7.1 Ratelimit exceeded",
            Command::EndOfData,
            Reason::RateLimited,
            Action::RetryLater,
        ),
        (
            "END-OF-MESSAGE",
            "5.7.1 Spam message rejected",
            Command::EndOfData,
            Reason::SpamDetected,
            Action::FixAndRetry,
        ),
        (
            "RCPT",
            "451 4.7.1 Try again later",
            Command::Rcpt,
            Reason::Blocked,
            Action::RetryLater,
        ),
    ] {
        let text = line(stage, verdict);
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            (c.source(), c.command(), c.reason(), c.action()),
            (Source::Postfix, Some(command), reason, action),
            "{text}"
        );
        assert!(c.text().starts_with(verdict.as_bytes()), "{text}");
    }
}

/// A receiving Postfix's own refusals (`NOQUEUE: reject:`, a milter's, a content filter's
/// through `proxy-reject:`): the reply it sent, the command, and Postfix as the one that
/// sent it when the words name nobody else; the client's host is not the provider.
#[test]
fn a_receiving_postfix_s_refusal_is_its_own() {
    for (line, command, reason, provider) in [
        (
            "Mar 14 08:31:47 mx1 postfix/smtpd[22102]: NOQUEUE: reject: RCPT from mail-sor-f41.google.com[209.85.220.41]: 550 5.1.1 <x@example.com>: Recipient address rejected: User unknown in local recipient table; from=<a@example.net> to=<x@example.com> proto=ESMTP helo=<mail-sor-f41.google.com>",
            Command::Rcpt,
            Reason::UserUnknown,
            Some(Provider::Postfix),
        ),
        (
            "Mar 14 09:16:40 mx1 postfix/cleanup[22520]: 4TwZCD0nL1z9tLq: milter-reject: END-OF-MESSAGE from out.example.net[198.51.100.61]: 5.7.1 Spam message rejected; from=<deals@example.net> to=<h.ito@example.com> proto=ESMTP helo=<out.example.net>",
            Command::EndOfData,
            Reason::SpamDetected,
            Some(Provider::Postfix),
        ),
        (
            "Mar 14 09:26:12 mx1 postfix/smtpd[22590]: 4TwZPD6kSbz9tQv: proxy-reject: END-OF-MESSAGE: 554 5.7.0 Reject, id=28114-07 - SPAM; from=<deals@example.net> to=<sales@example.com> proto=ESMTP helo=<out.example.net>",
            Command::EndOfData,
            Reason::SpamDetected,
            Some(Provider::Postfix),
        ),
        (
            "Mar 14 08:16:05 mx1 postfix/postscreen[2231]: NOQUEUE: reject: CONNECT from [203.0.113.140]:61022: too many connections",
            Command::Connect,
            Reason::RateLimited,
            Some(Provider::Postfix),
        ),
        // A block list it consulted (Barracuda's) did not answer: Postfix did.
        (
            "Mar 14 08:20:00 mx1 postfix/smtpd[22102]: NOQUEUE: reject: RCPT from unknown[198.51.100.88]: 554 5.7.1 Service unavailable; Client host [198.51.100.88] blocked using b.barracudacentral.org; from=<a@example.net> to=<b@example.com> proto=ESMTP helo=<x>",
            Command::Rcpt,
            Reason::Blocked,
            Some(Provider::Postfix),
        ),
    ] {
        let c = classify_text(line.as_bytes()).unwrap();
        assert_eq!(
            (c.source(), c.command(), c.reason(), c.provider()),
            (Source::Postfix, Some(command), reason, provider),
            "{line}"
        );
    }
    // "reject:" in other words is no Postfix log's.
    let c = classify_text(b"The server said reject: 550 5.1.1 No such user").unwrap();
    assert_eq!(
        (c.source(), c.reason()),
        (Source::Reply, Reason::UserUnknown)
    );
}

/// A receiving Exim's ACL refusals, which its log gives without a code: 550, or 451 when
/// `temporarily rejected`, with the command, and Exim as the one that sent them.
#[test]
fn a_receiving_exim_s_refusal_is_read_with_its_implied_code() {
    use smtp_reply::Action;
    for (line, code, command, reason, action) in [
        (
            "2025-03-14 10:13:40 H=(ylmf-pc) [203.0.113.200] F=<probe@example.net> rejected RCPT <target@example.org>: relay not permitted",
            550,
            Command::Rcpt,
            Reason::NoRelaying,
            Action::FixAndRetry,
        ),
        (
            "2025-03-14 10:11:02 1tswb0-0007Tn-2C H=mail.example.net [198.51.100.30] F=<hr@example.net> rejected after DATA: This message contains a virus (Win.Test.EICAR_HDB-1).",
            550,
            Command::EndOfData,
            Reason::VirusDetected,
            Action::FixAndRetry,
        ),
        (
            "2025-03-14 10:20:00 H=mail.example.net [198.51.100.30] F=<a@example.net> temporarily rejected RCPT <b@example.org>: Rate limit exceeded",
            451,
            Command::Rcpt,
            Reason::RateLimited,
            Action::RetryLater,
        ),
    ] {
        let c = classify_text(line.as_bytes()).unwrap();
        assert_eq!(
            (
                c.source(),
                c.code().map(|c| c.as_u16()),
                c.command(),
                c.reason(),
                c.action(),
                c.provider()
            ),
            (
                Source::Exim,
                Some(code),
                Some(command),
                reason,
                action,
                Some(Provider::Exim)
            ),
            "{line}"
        );
    }
}

/// An Exim deferral or failure with no reply, only Exim's words after `defer (errno):` or
/// the failed address.
#[test]
fn an_exim_deferral_without_a_reply_is_read_by_its_words() {
    use smtp_reply::{extract, Action};
    let line = "2024-05-01 10:00:00 1s2abc-000123-AB == bob@example.com R=dnslookup T=remote_smtp defer (111): Connection refused";
    let e = extract(line.as_bytes()).unwrap();
    assert_eq!(
        (e.source(), e.text()),
        (Source::Exim, &b"Connection refused"[..])
    );
    let c = classify_text(line.as_bytes()).unwrap();
    assert_eq!(
        (c.code(), c.reason(), c.action()),
        (None, Reason::NetworkError, Action::RetryLater)
    );
    // A failure (`**`) is read the same way, after its address and router.
    for (line, reason) in [
        (
            "2024-05-01 10:00:00 1s2abc-000123-AB ** bob@example.invalid R=dnslookup: Unrouteable address",
            Reason::HostUnknown,
        ),
        (
            "** bob@example.com <bob@example.com> R=virtual_user T=virtual_delivery: Mailbox quota exceeded",
            Reason::MailboxFull,
        ),
    ] {
        let e = extract(line.as_bytes()).unwrap();
        assert_eq!(e.source(), Source::Exim, "{line}");
        assert!(line.ends_with(core::str::from_utf8(e.text()).unwrap()));
        let c = classify_text(line.as_bytes()).unwrap();
        assert_eq!((c.code(), c.reason()), (None, reason), "{line}");
    }
    // Markdown's bold is no failure line: the reply after it is read.
    let c = classify_text(b"**Gmail:** the reply was: 550 5.1.1 User unknown").unwrap();
    assert_eq!(
        (c.source(), c.reason()),
        (Source::Reply, Reason::UserUnknown)
    );
    // A deferral that quotes the server's reply is read as that reply.
    let quoted = "== bob@example.com R=dnslookup T=remote_smtp defer (-44) H=mx.example.com [192.0.2.1]: \
                  SMTP error from remote mail server after RCPT TO:<bob@example.com>: 451 4.7.1 Greylisted";
    let c = classify_text(quoted.as_bytes()).unwrap();
    assert_eq!(
        (c.code().map(|c| c.as_u16()), c.command()),
        (Some(451), Some(Command::Rcpt))
    );
}

/// A Sendmail log line whose status holds no reply: Sendmail's words after `stat=`, with
/// the `dsn=` status before them; one that holds a reply is read as that reply, and a
/// delivery's `stat=Sent (...)` by its status.
#[test]
fn a_sendmail_log_status_without_a_reply_is_read_by_its_words() {
    use smtp_reply::{Action, EnhancedStatus};
    let line = |mailer: &str, dsn: &str, stat: &str| {
        format!("Jun  9 22:40:18 smtp sm-mta[1744]: 459MeH5r001740: to=<bob@example.com>, delay=00:10:02, xdelay=00:05:01, mailer={mailer}, pri=300412, relay=mx.example.com. [192.0.2.88], dsn={dsn}, stat={stat}")
    };
    let cases = [
        (
            line(
                "esmtp",
                "4.0.0",
                "Deferred: Connection timed out with mx.example.com.",
            ),
            Reason::Expired,
            Action::RetryLater,
        ),
        (
            line("prog", "5.3.0", "unknown mailer error 1"),
            Reason::MailerError,
            Action::DoNotRetry,
        ),
    ];
    for (log, reason, action) in cases {
        let e = extract(log.as_bytes()).unwrap();
        let stat = &log[log.find("stat=").unwrap() + 5..];
        let dsn = &log[log.find("dsn=").unwrap() + 4..][..5];
        assert_eq!(
            (e.source(), e.text()),
            (Source::Sendmail, stat.as_bytes()),
            "{log}"
        );
        assert_eq!(
            e.status(),
            EnhancedStatus::parse(dsn.as_bytes()).map(|(s, _)| s),
            "{log}"
        );
        let c = classify_text(log.as_bytes()).unwrap();
        assert_eq!(
            (c.code(), c.reason(), c.action()),
            (None, reason, action),
            "{log}"
        );
    }
    // A status that quotes the server's reply is that reply.
    let log = line("esmtp", "4.7.0", "Deferred: 421 4.7.0 Try again later");
    let c = classify_text(log.as_bytes()).unwrap();
    assert_eq!(c.code().map(|c| c.as_u16()), Some(421), "{log}");
    // A delivery, by its status: Sendmail logs the server's words without their code.
    let log = line(
        "esmtp",
        "2.0.0",
        "Sent (OK 1710424360 a1si1414141f.8 - gsmtp)",
    );
    let c = classify_text(log.as_bytes()).unwrap();
    assert_eq!(
        (c.code(), c.reason(), c.action(), c.provider()),
        (
            None,
            Reason::Delivered,
            Action::Done,
            Some(Provider::Google)
        ),
        "{log}"
    );
    // Without a status, `Sent` alone says nothing to classify.
    let log = log.replace("dsn=2.0.0, ", "");
    assert!(classify_text(log.as_bytes()).is_none(), "{log}");
}

/// A Python `smtplib` error quotes the code and the bytes of the text as a tuple,
/// `(550, b'5.1.1 ...')`, and Mailgun's events as JSON, `"code": 550, "message": "5.1.1 ..."`;
/// a number followed by a comma that is neither is not a reply.
#[test]
fn a_code_quoted_with_a_comma_is_read() {
    use smtp_reply::EnhancedStatus;
    let cases: &[(&str, u16, &str, Reason)] = &[
        (
            "smtplib.SMTPRecipientsRefused: {'bob@example.com': (550, b'5.1.1 <bob@example.com>: Recipient address rejected: User unknown')}",
            550,
            "5.1.1",
            Reason::UserUnknown,
        ),
        (
            "smtplib.SMTPDataError: (554, b'5.7.1 Message rejected as spam')",
            554,
            "5.7.1",
            Reason::SpamDetected,
        ),
        (
            "smtplib.SMTPSenderRefused: (452, b'4.3.1 Insufficient system storage', 'alice@example.com')",
            452,
            "4.3.1",
            Reason::SystemFull,
        ),
        (
            r#"{"event": "failed", "delivery-status": {"code": 550, "message": "5.1.1 The email account that you tried to reach does not exist. - gsmtp", "description": ""}}"#,
            550,
            "5.1.1",
            Reason::UserUnknown,
        ),
        (
            r#"{"delivery-status":{"code":452,"message":"4.2.2 The email account that you tried to reach is over quota."}}"#,
            452,
            "4.2.2",
            Reason::MailboxFull,
        ),
    ];
    for (text, code, enhanced, reason) in cases {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(c.code(), ReplyCode::from_u16(*code), "{text}");
        let want = EnhancedStatus::parse(enhanced.as_bytes()).map(|(e, _)| e);
        assert_eq!((c.enhanced(), c.reason()), (want, *reason), "{text}");
        // The words alone, without the tuple's or the JSON's quotes and what follows them.
        let e = smtp_reply::extract(text.as_bytes()).unwrap();
        assert_eq!(e.code(), ReplyCode::from_u16(*code), "{text}");
        let words = core::str::from_utf8(e.text()).unwrap();
        assert!(words.starts_with(enhanced), "{words:?}");
        assert!(!words.ends_with(['\'', '"', ')', '}']), "{words:?}");
        assert!(text.contains(&format!("{words}'")) || text.contains(&format!("{words}\"")));
    }
    // The quote that ends the words is the one that opened them, and an escaped one does not.
    let e = smtp_reply::extract(br#"SMTPDataError: (550, b"5.7.1 Don't \"send\" that")"#).unwrap();
    assert_eq!(e.text(), br#"5.7.1 Don't \"send\" that"#);
    for text in [
        "sent (550,000 messages)",
        "(55, b'x')",
        "(550,b'x')",
        r#"{"count": 550, "x": 1}"#,
    ] {
        assert!(classify_text(text.as_bytes()).is_none(), "{text}");
    }
}

/// qmail writes its own failures in words that end with their status, `(#5.1.1)`: with no
/// reply code, that status gives the enhanced code and the class.
#[test]
fn a_qmail_status_in_parentheses_is_read() {
    use smtp_reply::{Action, Severity};
    let cases = [
        (
            "Sorry, I couldn't find any host named example.invalid. (#5.1.2)",
            "5.1.2",
            Reason::HostUnknown,
            Action::DoNotRetry,
        ),
        (
            "<bob@example.com>:\nSorry, no mailbox here by that name. (#5.1.1)",
            "5.1.1",
            Reason::UserUnknown,
            Action::DoNotRetry,
        ),
        (
            "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
            "4.4.1",
            Reason::NetworkError,
            Action::RetryLater,
        ),
    ];
    for (text, status, reason, action) in cases {
        let c = classify_text(text.as_bytes()).unwrap();
        let enhanced = c.enhanced().map(|e| e.to_string());
        assert_eq!(
            (c.code(), enhanced.as_deref()),
            (None, Some(status)),
            "{text}"
        );
        assert_eq!((c.reason(), c.action()), (reason, action), "{text}");
        let transient = status.starts_with('4');
        assert_eq!(
            c.severity() == Severity::TransientNegative,
            transient,
            "{text}"
        );
    }
    // A reply code in the text comes first; a `(#` without a status is nothing.
    let c = classify_text(b"Remote host said: 550 5.1.1 No such user (#5.1.1)").unwrap();
    assert_eq!(c.code(), ReplyCode::from_u16(550));
    assert!(classify_text(b"see (#notes)").is_none());
}

#[test]
fn a_dotnet_smtp_exception_is_read_by_its_status() {
    use smtp_reply::Action;
    // .NET's SmtpException quotes the server's text without its reply code.
    let c = classify_text(b"System.Net.Mail.SmtpFailedRecipientException: Mailbox unavailable. The server response was: 5.1.1 <bob@example.com>: Recipient address rejected: User unknown").unwrap();
    let enhanced = c.enhanced().map(|e| e.to_string());
    assert_eq!((c.code(), enhanced.as_deref()), (None, Some("5.1.1")));
    assert_eq!(
        (c.reason(), c.action()),
        (Reason::UserUnknown, Action::DoNotRetry)
    );
    assert!(c.is_hard());
    let c = classify_text(b"Service not available, closing transmission channel. The server response was: 4.7.0 Try again later, closing connection.").unwrap();
    assert_eq!(c.enhanced().map(|e| e.class_digit()), Some(4));
    assert_eq!(c.action(), Action::RetryLater);
    // Exchange refusing to let the account send as the From: address: the sender's side,
    // not the recipient's mailbox that ".NET's Mailbox unavailable" suggests.
    let c = classify_text(b"Mailbox unavailable. The server response was: 5.7.1 Client does not have permissions to send as this sender").unwrap();
    assert_eq!(
        (c.reason(), c.action()),
        (Reason::Rejected, Action::FixAndRetry)
    );
}

#[test]
fn a_text_without_a_reply_is_classified_by_its_words() {
    use smtp_reply::Action;
    // Clients' and sending services' own errors: no reply code and no enhanced code, only
    // words that name the failure.
    let cases = [
        (
            "Error: connect ECONNREFUSED 192.0.2.1:25",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "SMTP Error: Could not authenticate.",
            Reason::SecurityError,
            Action::FixAndRetry,
        ),
        (
            "dial tcp 192.0.2.1:25: connect: connection refused",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "Error: connect ETIMEDOUT 192.0.2.1:587",
            Reason::Expired,
            Action::RetryLater,
        ),
        // A time-out other than the connection's is the network's.
        (
            "read tcp 10.0.0.1:51234->192.0.2.1:25: i/o timeout",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "smtplib.SMTPServerDisconnected: Connection unexpectedly closed",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "Error: getaddrinfo ENOTFOUND smtp.example.invalid",
            Reason::HostUnknown,
            Action::DoNotRetry,
        ),
        (
            "dial tcp: lookup mx.example.invalid on 127.0.0.53:53: no such host",
            Reason::HostUnknown,
            Action::DoNotRetry,
        ),
        (
            "x509: certificate signed by unknown authority",
            Reason::FailedStartTls,
            Action::FixAndRetry,
        ),
        (
            "Error: 40E8A1F7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number",
            Reason::FailedStartTls,
            Action::FixAndRetry,
        ),
        (
            "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.",
            Reason::Suppressed,
            Action::DoNotRetry,
        ),
        (
            "Not delivering to previously bounced address",
            Reason::Suppressed,
            Action::DoNotRetry,
        ),
        ("Bounced Address", Reason::Suppressed, Action::DoNotRetry),
        (
            "Recipient address suppressed due to customer policy",
            Reason::Suppressed,
            Action::DoNotRetry,
        ),
        (
            "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: bob@example.com.",
            Reason::Suppressed,
            Action::DoNotRetry,
        ),
        // The bounce notices people read in their inbox.
        (
            "Address not found. Your message wasn't delivered to bob@example.com because the address couldn't be found, or is unable to receive mail.",
            Reason::UserUnknown,
            Action::DoNotRetry,
        ),
        (
            "Delivery has failed to these recipients or groups: bob@example.com The email address you entered couldn't be found.",
            Reason::UserUnknown,
            Action::DoNotRetry,
        ),
        (
            "Your message to bob@example.org couldn't be delivered. bob wasn't found at example.org.",
            Reason::UserUnknown,
            Action::DoNotRetry,
        ),
        // An automatic reply pasted alone: the message arrived, and nothing is to be done.
        (
            "Auto-reply: I am out of the office until Monday",
            Reason::Vacation,
            Action::Done,
        ),
        (
            "Automatic reply: I'm currently on vacation and will return on 5 June.",
            Reason::Vacation,
            Action::Done,
        ),
        // Client errors of the moment and for good: DNS and routing.
        (
            "getaddrinfo EAI_AGAIN mx.example.org",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "connect EHOSTUNREACH 203.0.113.5:25",
            Reason::NetworkError,
            Action::RetryLater,
        ),
        (
            "No MX or A records for example.invalid",
            Reason::HostUnknown,
            Action::DoNotRetry,
        ),
    ];
    for (text, reason, action) in cases {
        let c = classify_text(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (c.code(), c.enhanced(), c.reply()),
            (None, None, None),
            "{text}"
        );
        assert_eq!((c.reason(), c.action()), (reason, action), "{text}");
        assert_eq!(c.source(), Source::Reply, "{text}");
    }
    // Words that name no reason (or only qualify one) are still no reply; so is a mail
    // log's line without a reply, whatever its words (the server's notes on other
    // connections).
    for text in [
        "hello world",
        "Please try again later",
        "Order 12345 shipped",
        "",
        "Nov 28 07:10:11 mail postfix/smtpd[2712]: lost connection after AUTH from unknown[192.0.2.1]",
        "Nov  8 07:10:11 mail postfix/smtpd[2712]: warning: hostname x.example does not resolve to address 192.0.2.1: Name or service not known",
        "2026-11-28 07:20:11 SMTP connection from [192.0.2.1] lost",
    ] {
        assert!(classify_text(text.as_bytes()).is_none(), "{text}");
    }
    // A port is no reply code, so the words decide.
    let c = classify_text(b"unable to connect to ssl://smtp.example.com:465 (Connection refused)")
        .unwrap();
    assert_eq!((c.code(), c.reason()), (None, Reason::NetworkError));
}

#[test]
fn a_reply_in_a_json_event_ends_with_its_string() {
    // Sending services' webhooks: the reply is a string value; the rest of the event is not
    // its text.
    let cases = [
        // SendGrid
        (
            r#"{"event":"bounce","email":"bob@example.com","reason":"550 5.1.1 The email account that you tried to reach does not exist.","status":"5.1.1"}"#,
            "550 5.1.1 The email account that you tried to reach does not exist.",
            Source::Reply,
        ),
        // Postmark
        (
            r#"{"RecordType":"Bounce","Details":"smtp;550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown","Email":"bob@example.com"}"#,
            "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
            Source::Dsn,
        ),
        // Amazon SES
        (
            r#"{"bounce":{"bouncedRecipients":[{"status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}]}}"#,
            "550 5.1.1 user unknown",
            Source::Dsn,
        ),
        // Mandrill posts its events as an array.
        (
            r#"[{"event":"hard_bounce","msg":{"bounce_description":"bad_mailbox","diag":"smtp;550 5.1.1 No such user","state":"bounced"}}]"#,
            "550 5.1.1 No such user",
            Source::Dsn,
        ),
        // An escaped quote inside the string does not end it.
        (
            r#"{"reason":"550 5.7.1 Message rejected as \"spam\"","type":"bounce"}"#,
            r#"550 5.7.1 Message rejected as \"spam\""#,
            Source::Reply,
        ),
        // Mailgun: the code apart from the text, which is the string after it.
        (
            r#"{"delivery-status": {"code": 550, "message": "5.1.1 The email account does not exist", "description": ""}}"#,
            "5.1.1 The email account does not exist",
            Source::Reply,
        ),
        // ... or the object's "message" wherever it is, as Mailgun's events have it: other
        // keys, and an empty "description", between the code and the words.
        (
            r#"{"event":"failed","delivery-status":{"tls":true,"mx-host":"mx.example.com","code":550,"description":"","session-seconds":0.4,"message":"5.1.1 No such user","certificate-verified":true},"message":{"headers":{}}}"#,
            "5.1.1 No such user",
            Source::Reply,
        ),
        (
            r#"{"delivery-status": {"message": "5.2.2 Mailbox full", "attempt-no": 1, "code": 550}}"#,
            "5.2.2 Mailbox full",
            Source::Reply,
        ),
        // An empty "message" (or none) leaves the value after the code.
        (
            r#"{"delivery-status": {"code": 550, "description": "Not delivering to previously bounced address", "message": ""}}"#,
            "Not delivering to previously bounced address",
            Source::Reply,
        ),
        // "message" as a value, not a key, is not the words.
        (
            r#"{"code": 550, "reason": "5.7.1 Refused by policy", "kind": "message"}"#,
            "5.7.1 Refused by policy",
            Source::Reply,
        ),
        // KumoMTA's log records: the words are the response's "content", after an object
        // of its own (the enhanced code) and before the command.
        (
            r#"{"type":"Bounce","id":"1d98076abbbc11ed940250ebf67f93bd","recipient":"bob@example.com","response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"Recipient address rejected: User unknown","command":"RCPT TO:<bob@example.com>\r\n"},"egress_source":"unspecified"}"#,
            "Recipient address rejected: User unknown",
            Source::Reply,
        ),
        // A nested object after the words does not end the search early either.
        (
            r#"{"response":{"code":550,"enhanced_code":{"class":5,"subject":7,"detail":1},"content":"Message rejected as spam","command":"."}}"#,
            "Message rejected as spam",
            Source::Reply,
        ),
    ];
    for (json, reply, source) in cases {
        let e = smtp_reply::extract(json.as_bytes()).unwrap();
        assert_eq!(
            (core::str::from_utf8(e.text()).unwrap(), e.source()),
            (reply, source),
            "{json}"
        );
        let c = classify_text(json.as_bytes()).unwrap();
        assert_eq!(c.code(), ReplyCode::from_u16(550), "{json}");
        // An event cut anywhere (a string left open, a key without its value) is read as
        // far as it goes.
        for end in 0..json.len() {
            let _ = classify_text(&json.as_bytes()[..end]);
        }
    }
    let c = classify_text(cases[4].0.as_bytes()).unwrap();
    assert_eq!(c.reason(), Reason::SpamDetected);
    let kumo = classify_text(cases[cases.len() - 2].0.as_bytes()).unwrap();
    assert_eq!(
        (kumo.reason(), kumo.command()),
        (Reason::UserUnknown, Some(Command::Rcpt))
    );
}

/// A bounce pasted whole: after the reply come the original message's headers, whose words
/// (a subject about a suspended account or a full mailbox) are not the reply's. A reply ends
/// at a blank line, and a quoted one at its closing quote.
#[test]
fn what_follows_a_reply_in_a_pasted_bounce_is_not_its_text() {
    let cases: &[(&str, &str, Reason)] = &[
        // Gmail's bounce, then the original message.
        (
            "Address not found\n\nThe response from the remote server was:\n\
             550 5.1.1 The email account that you tried to reach does not exist. - gsmtp\n\
             \n----- Original message -----\nSubject: Your account has been suspended\n",
            "550 5.1.1 The email account that you tried to reach does not exist. - gsmtp",
            Reason::UserUnknown,
        ),
        // Exchange's report: the reply in quotes, an apostrophe inside; a blank line with
        // blanks on it.
        (
            "Remote Server returned '550 5.7.1 Unfortunately, messages from [192.0.2.1] \
             weren't sent. Please contact your Internet service provider'\r\n \t\r\n\
             Original message headers:\r\nSubject: quota exceeded, mailbox full\r\n",
            "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact \
             your Internet service provider",
            Reason::Blocked,
        ),
        // Yahoo's report: the reply on a line of its own, its code followed by a colon.
        (
            "Sorry, we were unable to deliver your message to the following address.\n\n\
             <bob@yahoo.com>:\n554: delivery error: dd This user doesn't have a yahoo.com \
             account (bob@yahoo.com) [0] - mta1234.mail.gq1.yahoo.com\n\n\
             --- Below this line is a copy of the message.\n",
            "554: delivery error: dd This user doesn't have a yahoo.com account (bob@yahoo.com) \
             [0] - mta1234.mail.gq1.yahoo.com",
            Reason::UserUnknown,
        ),
        // A log's quoted field: the string alone.
        (
            r#"level=error msg="550 5.1.1 <bob@example.com>: User unknown" subject="mailbox full""#,
            "550 5.1.1 <bob@example.com>: User unknown",
            Reason::UserUnknown,
        ),
        // A reply of several lines keeps them all; an opening quote without its closing
        // one on the line leaves the text as it is.
        (
            "The server said:\n550-5.7.1 Message rejected as spam\n550 5.7.1 See our policy\n\nbye",
            "550-5.7.1 Message rejected as spam\n550 5.7.1 See our policy",
            Reason::SpamDetected,
        ),
        (
            "it said '550 5.1.1 no such user\nhere' and hung up",
            "550 5.1.1 no such user\nhere' and hung up",
            Reason::UserUnknown,
        ),
    ];
    for (text, reply, reason) in cases {
        let e = smtp_reply::extract(text.as_bytes()).unwrap();
        assert_eq!(core::str::from_utf8(e.text()).unwrap(), *reply, "{text}");
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(c.reason(), *reason, "{text}");
    }
}

/// Microsoft's report gives the code alone first (`Status code: 550 5.1.10`) and the reply
/// later, after blank lines: the code alone is a label, and the reply with words is read
/// (5.1.10 alone is the registry's null MX; Microsoft's reply says the recipient is unknown).
#[test]
fn a_code_alone_is_a_label_for_the_reply_after_it() {
    let report = "Your message to bob@contoso.com couldn't be delivered.\n\nMore Info for Email \
                  Admins\nStatus code: 550 5.1.10\n\nOriginal Message Details\nSubject: Mailbox \
                  full\n\nError Details\nReported error: 550 5.1.10 \
                  RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\n\
                  DSN generated by: DM6PR11MB1234.namprd11.prod.outlook.com\n";
    let e = smtp_reply::extract(report.as_bytes()).unwrap();
    assert!(e
        .text()
        .starts_with(b"550 5.1.10 RESOLVER.ADR.RecipientNotFound"));
    let c = classify_text(report.as_bytes()).unwrap();
    assert_eq!(
        (c.reason(), c.provider()),
        (Reason::UserUnknown, Some(smtp_reply::Provider::Microsoft))
    );
    // With no reply after it, the code alone is the reply.
    let alone = b"Delivery failed.\nStatus code: 550 5.1.10\n";
    let e = smtp_reply::extract(alone).unwrap();
    assert_eq!(e.text(), b"550 5.1.10");
}

/// A whole bounce: the DSN field gives the reply, and the report for people before it the
/// command (which the field does not say), so that a user unknown after the data reads as
/// sisimai reads it.
#[test]
fn a_whole_bounce_gives_its_dsn_field_the_command() {
    let bounce = |said: &str| {
        std::format!(
            "This is the mail system at host mx.example.org.\n\n<bob@example.net>: host \
             mx.example.net[192.0.2.5] said: 550 5.1.1\n    <bob@example.net>: User unknown \
             {said}\n\n--B\nContent-Type: message/delivery-status\n\nFinal-Recipient: \
             rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; \
             550 5.1.1 <bob@example.net>: User\n    unknown\n"
        )
    };
    for (said, command, reason) in [
        (
            "(in reply to RCPT TO command)",
            Some(Command::Rcpt),
            Reason::UserUnknown,
        ),
        // After the data too: its 5.1.1 says the mailbox does not exist (sisimai's reading).
        (
            "(in reply to end of DATA command)",
            Some(Command::EndOfData),
            Reason::UserUnknown,
        ),
        ("", None, Reason::UserUnknown),
    ] {
        let text = bounce(said);
        let e = smtp_reply::extract(text.as_bytes()).unwrap();
        assert_eq!((e.source(), e.command()), (Source::Dsn, command), "{said}");
        assert_eq!(e.text(), b"550 5.1.1 <bob@example.net>: User\n    unknown");
        assert_eq!(
            classify_text(text.as_bytes()).unwrap().reason(),
            reason,
            "{said}"
        );
    }
    // Exim's report names the command its own way.
    let exim = "SMTP error from remote mail server after RCPT TO:<bob@example.net>:\n    550 5.1.1 \
                No such user\n\nReporting-MTA: dns; mx.example.org\nDiagnostic-Code: smtp; 550 5.1.1 \
                No such user\n";
    let e = smtp_reply::extract(exim.as_bytes()).unwrap();
    assert_eq!(
        (e.source(), e.command()),
        (Source::Dsn, Some(Command::Rcpt))
    );
}

/// A reply copied out of a Postfix bounce without the `host ... said:` before it keeps
/// Postfix's `(in reply to ... command)`: that is the command, not the reply's words.
#[test]
fn a_bare_reply_with_postfix_s_trailer_gives_the_command() {
    for (text, reply, command, reason) in [
        (
            "550 User unknown (in reply to end of DATA command)",
            "550 User unknown",
            Command::EndOfData,
            Reason::Filtered,
        ),
        (
            "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
            "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
            Command::Rcpt,
            Reason::UserUnknown,
        ),
        (
            "452 4.2.2 Over quota (in reply to MAIL FROM command)",
            "452 4.2.2 Over quota",
            Command::Mail,
            Reason::MailboxFull,
        ),
    ] {
        let e = extract(text.as_bytes()).unwrap();
        assert_eq!(
            (e.source(), e.command(), e.text()),
            (Source::Reply, Some(command), reply.as_bytes()),
            "{text}"
        );
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!((c.command(), c.reason()), (Some(command), reason), "{text}");
    }
    // Without it, a bare reply names no command.
    assert_eq!(extract(b"550 5.1.1 User unknown").unwrap().command(), None);
}

/// A reply that does not sign itself is known by the host the log names; one that does
/// keeps its own signature.
#[test]
fn the_host_names_the_provider_of_an_unsigned_reply() {
    let line = |host: &str, reply: &str| {
        std::format!(
            "Nov 29 10:00:00 mx postfix/smtp[1]: A: to=<bob@example.net>, relay={host}[192.0.2.5]:25, \
             status=bounced (host {host}[192.0.2.5] said: {reply} (in reply to RCPT TO command))"
        )
    };
    for (host, reply, provider) in [
        (
            "mx01.mail.icloud.com",
            "550 5.7.1 Mail from IP 192.0.2.9 was rejected",
            Some(Provider::Apple),
        ),
        (
            "mx1.comcast.net",
            "550 5.1.1 Not our Customer",
            Some(Provider::Comcast),
        ),
        ("mx.example.net", "550 5.1.1 No such user", None),
        // The reply's own signature wins over the host's.
        (
            "mx.example.net",
            "550 5.1.1 No such user - gsmtp",
            Some(Provider::Google),
        ),
    ] {
        let text = line(host, reply);
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(c.provider(), provider, "{host}: {reply}");
    }
    // An Exchange NDR names the server that wrote it: Exchange Online's is Microsoft's; an
    // organization's own Exchange server leaves the reply's mark (`RESOLVER.ADR`) to tell.
    let ndr = |server: &str| {
        std::format!(
            "Diagnostic information for administrators:\n\nGenerating server: {server}\n\n\
             bob@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; \
             Recipient not found by SMTP address lookup'"
        )
    };
    // When another server refused, the NDR names it too, and that one answered: here a
    // Postfix, known by its words.
    let relayed = "Generating server: PH0PR11MB4982.namprd11.prod.outlook.com\n\
                   Receiving server: mx.example.org (192.0.2.1)\n\n\
                   bob@example.org\nRemote Server returned '550 5.1.1 <bob@example.org>: \
                   Recipient address rejected: User unknown in virtual mailbox table'";
    let c = classify_text(relayed.as_bytes()).unwrap();
    assert_eq!(
        (c.reason(), c.provider()),
        (Reason::UserUnknown, Some(Provider::Postfix))
    );
    for (server, provider) in [
        (
            "PH0PR11MB4982.namprd11.prod.outlook.com",
            Provider::Microsoft,
        ),
        ("EXCH01.corp.example.com", Provider::Exchange),
    ] {
        let text = ndr(server);
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            (c.reason(), c.provider()),
            (Reason::UserUnknown, Some(provider)),
            "{server}"
        );
    }
}

/// A delay notice reports a message still queued: whatever the last failure, it is retried,
/// unlike the bounce that gives it up.
#[test]
fn a_delay_notice_is_retried() {
    use smtp_reply::Action;
    let failure =
        "<bob@example.com>: connect to mx.example.com[192.0.2.1]:25: Connection timed out";
    let warning = std::format!(
        "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n\n\
         Your message could not be delivered for more than 4 hour(s).\n\
         It will be retried until it is 5 day(s) old.\n\n{failure}"
    );
    let bounce = std::format!("Message could not be delivered for 5 days\n\n{failure}");
    for (text, action) in [
        (warning.as_str(), Action::RetryLater),
        (bounce.as_str(), Action::DoNotRetry),
        // Exim skips a host whose retry time has not come: the message waits in the queue,
        // until Exim gives up after "a long failure period".
        (
            "2024-03-12 06:15:02 1rjXq2-000Fz1-3b == bob@example.com R=dnslookup T=remote_smtp \
             defer (-53): retry time not reached for any host for 'example.com'",
            Action::RetryLater,
        ),
        (
            "2024-03-12 06:15:02 1rjXq2-000Fz1-3b ** bob@example.com: retry time not reached \
             for any host after a long failure period",
            Action::DoNotRetry,
        ),
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            (c.reason(), c.action()),
            (Reason::Expired, action),
            "{text}"
        );
    }
}

/// Postfix wraps its bounce text at about 80 columns, so `said:` may end a line and the reply
/// start the next, folded (indented) or, once a mail client has reflowed it, not.
#[test]
fn a_reply_on_the_line_after_said_is_read() {
    for text in [
        "<bob@example.net>: host mx1.mail.example.net[192.0.2.5] said:\n    550 5.1.1\n    \
         <bob@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO\n    \
         command)\n",
        "<bob@example.net>: host mx1.mail.example.net[192.0.2.5] said: \r\n550 5.1.1\r\n    \
         <bob@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO\r\n    \
         command)\r\n",
    ] {
        let e = smtp_reply::extract(text.as_bytes()).unwrap();
        assert_eq!(e.source(), Source::Postfix, "{text}");
        assert!(e.text().starts_with(b"550 5.1.1"), "{text}");
        assert!(e.text().ends_with(b"User unknown"), "{text}");
        assert_eq!(e.host(), Some(&b"mx1.mail.example.net"[..]));
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            (c.command(), c.reason()),
            (Some(Command::Rcpt), Reason::UserUnknown)
        );
    }
}

/// PHPMailer (WordPress's mailer) reports a failure with each part after its label: the
/// reply's words after `Detail:`, its code after `SMTP code:`, its enhanced code after
/// `Additional SMTP info:`, and the command before `command failed`.
#[test]
fn a_phpmailer_error_is_read() {
    use smtp_reply::EnhancedStatus;
    // (text, the reply's words, code, enhanced code, command, reason)
    type Case = (
        &'static str,
        &'static str,
        u16,
        Option<&'static str>,
        Command,
        Reason,
    );
    let cases: &[Case] = &[
        (
            "SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: \
             Message rejected as spam SMTP code: 554 Additional SMTP info: 5.7.1",
            "Message rejected as spam",
            554,
            Some("5.7.1"),
            Command::EndOfData,
            Reason::SpamDetected,
        ),
        (
            "SMTP Error: The following recipients failed: bob@example.com: SMTP server error: \
             RCPT TO command failed Detail: <bob@example.com>: Recipient address rejected: User \
             unknown in virtual mailbox table SMTP code: 550 Additional SMTP info: 5.1.1",
            "<bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
            550,
            Some("5.1.1"),
            Command::Rcpt,
            Reason::UserUnknown,
        ),
        (
            "SMTP server error: MAIL FROM command failed Detail: Sender address rejected SMTP \
             code: 553",
            "Sender address rejected",
            553,
            None,
            Command::Mail,
            Reason::Rejected,
        ),
    ];
    for &(text, words, code, enhanced, command, reason) in cases {
        let e = smtp_reply::extract(text.as_bytes()).unwrap();
        assert_eq!(e.text(), words.as_bytes(), "{text}");
        assert_eq!(e.code(), ReplyCode::from_u16(code), "{text}");
        let c = classify_text(text.as_bytes()).unwrap();
        let want = enhanced
            .and_then(|x| EnhancedStatus::parse(x.as_bytes()))
            .map(|(e, _)| e);
        assert_eq!(
            (c.code(), c.enhanced(), c.command(), c.reason()),
            (ReplyCode::from_u16(code), want, Some(command), reason),
            "{text}"
        );
    }
}

/// lettre, Rust's SMTP client, prints the code in parentheses and the reply's lines after it.
#[test]
fn a_lettre_error_is_read() {
    use smtp_reply::EnhancedStatus;
    for (text, code, enhanced, reason) in [
        (
            "permanent error (550): 5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
            550,
            "5.1.1",
            Reason::UserUnknown,
        ),
        (
            "Error: transient error (451): 4.7.1 Greylisted for 5 minutes",
            451,
            "4.7.1",
            Reason::Blocked,
        ),
    ] {
        let e = smtp_reply::extract(text.as_bytes()).unwrap();
        assert_eq!(e.code(), ReplyCode::from_u16(code), "{text}");
        assert!(e.text().starts_with(enhanced.as_bytes()), "{text}");
        let c = classify_text(text.as_bytes()).unwrap();
        let want = EnhancedStatus::parse(enhanced.as_bytes()).map(|(e, _)| e);
        assert_eq!((c.enhanced(), c.reason()), (want, reason), "{text}");
    }
    assert!(
        classify_text(b"transient error (451): 4.7.1 Greylisted for 5 minutes")
            .unwrap()
            .retry_delay()
            .is_some_and(|d| d.is_stated() && d.seconds() == 300)
    );
}

#[test]
fn a_client_library_error_names_the_command() {
    // nodemailer's and PHPMailer's words before the reply.
    let cases = [
        (
            "Error: Mail command failed: 550 5.7.1 Sender address rejected: not owned by user",
            Command::Mail,
            Reason::Rejected,
        ),
        (
            "Error: Recipient command failed: 550 5.1.1 User unknown",
            Command::Rcpt,
            Reason::UserUnknown,
        ),
        (
            "Error: Data command failed: 554 5.7.1 Message rejected as spam",
            Command::Data,
            Reason::SpamDetected,
        ),
        (
            "SMTP ERROR: RCPT TO command failed: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
            Command::Rcpt,
            Reason::UserUnknown,
        ),
        (
            "SMTP ERROR: DATA END command failed: 550 User unknown",
            Command::EndOfData,
            Reason::Filtered,
        ),
    ];
    for (text, command, reason) in cases {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!((c.command(), c.reason()), (Some(command), reason), "{text}");
    }
    // Without such words no command is guessed.
    let c = classify_text(b"net/smtp: 550 5.1.1 User unknown").unwrap();
    assert_eq!(c.command(), None);
}

/// nodemailer's errors as programs print them: `err.message`, the error object as JSON
/// (`JSON.stringify(err)`) or as Node shows it (`console.log(err)`: the stack, then the fields
/// with single quotes). The reply is the `response` string alone, and the `command` field or
/// the message's words name the command.
#[test]
fn a_printed_error_object_gives_its_reply_and_command() {
    let node = "Error: Message failed: 550 User unknown\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:790:19)\n    at SMTPConnection._actionSMTPStream (/app/node_modules/nodemailer/lib/smtp-connection/index.js:1673:34) {\n  code: 'EMESSAGE',\n  response: '550 User unknown',\n  responseCode: 550,\n  command: 'DATA'\n}";
    let cases = [
        // (text, reply text, command, reason)
        (
            "Message failed: 550 <bob@example.com>: Recipient address rejected: User unknown",
            "550 <bob@example.com>: Recipient address rejected: User unknown",
            Command::EndOfData,
            Reason::Filtered,
        ),
        (
            r#"{"code":"EMESSAGE","response":"550 User unknown","responseCode":550,"command":"DATA"}"#,
            "550 User unknown",
            Command::Data,
            Reason::Filtered,
        ),
        (
            "{\n  \"code\": \"EENVELOPE\",\n  \"response\": \"452 4.2.2 Mailbox full\",\n  \"responseCode\": 452,\n  \"command\": \"RCPT TO\"\n}",
            "452 4.2.2 Mailbox full",
            Command::Rcpt,
            Reason::MailboxFull,
        ),
        (
            "{ code: 'EENVELOPE', response: '452 4.2.2 The email account that you tried to reach is over quota.', responseCode: 452, command: 'RCPT TO' }",
            "452 4.2.2 The email account that you tried to reach is over quota.",
            Command::Rcpt,
            Reason::MailboxFull,
        ),
        (node, "550 User unknown", Command::EndOfData, Reason::Filtered),
    ];
    for (text, reply, command, reason) in cases {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            (c.text(), c.command(), c.reason()),
            (reply.as_bytes(), Some(command), reason),
            "{text}"
        );
    }
    // A quote that ends the line closes the reply, whatever quoted words with commas it holds.
    let c = classify_text(
        b"Remote Server returned '550 5.7.1 Sender's domain 'example.com', not allowed to relay'",
    )
    .unwrap();
    assert_eq!(
        c.text(),
        b"550 5.7.1 Sender's domain 'example.com', not allowed to relay"
    );
    // A key that only names a command in words, or an unknown command, gives none; nor do
    // other words that end like nodemailer's message.
    for text in [
        "Sending the message failed: 550 5.1.1 User unknown",
        "{ response: '550 5.1.1 User unknown', note: 'the command failed' }",
        r#"{"response":"550 5.1.1 User unknown","command":"FROB"}"#,
    ] {
        assert_eq!(
            classify_text(text.as_bytes()).unwrap().command(),
            None,
            "{text}"
        );
    }
}

/// A stack trace after an error's message is not the reply's text, in Node or in Java.
#[test]
fn a_stack_trace_ends_the_reply() {
    for (text, reply) in [
        (
            "com.sun.mail.smtp.SMTPSendFailedException: 554 5.7.1 Message rejected as spam\n\tat com.sun.mail.smtp.SMTPTransport.issueSendCommand(SMTPTransport.java:2202)\n\tat com.sun.mail.smtp.SMTPTransport.finishData(SMTPTransport.java:1981)",
            "554 5.7.1 Message rejected as spam",
        ),
        (
            "Error: Invalid login: 535-5.7.8 Username and Password not accepted.\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)\n    at /app/send.js:12:5",
            "535-5.7.8 Username and Password not accepted.\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp",
        ),
        // A folded line that starts with `at` but is no frame stays.
        (
            "Diagnostic-Code: smtp; 550 5.1.1 No mailbox\n    at this address",
            "550 5.1.1 No mailbox\n    at this address",
        ),
        (
            "Diagnostic-Code: smtp; 450 4.7.1 Greylisted, please try again in\n    at least 5 minutes (greylisting)",
            "450 4.7.1 Greylisted, please try again in\n    at least 5 minutes (greylisting)",
        ),
        (
            "Diagnostic-Code: smtp; 421 4.3.2 Maintenance until\n    at 10:00",
            "421 4.3.2 Maintenance until\n    at 10:00",
        ),
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8_lossy(c.text()),
            reply,
            "{text}"
        );
    }
}

/// The code of a reply the lenient parse reads without a space after it (`250OK`) is the
/// classification's code too: the lines and the verdict must not disagree.
#[test]
fn a_code_without_a_space_after_it_is_the_code() {
    use smtp_reply::Action;
    for (text, code, action) in [
        (
            "host mx.example.com[192.0.2.1] said: 250OK",
            250,
            Action::Done,
        ),
        (
            "Diagnostic-Code: smtp;550User unknown",
            550,
            Action::DoNotRetry,
        ),
        (
            "host said: 550\u{a0}5.1.1 user unknown",
            550,
            Action::DoNotRetry,
        ),
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        let reply = c.reply().unwrap();
        assert_eq!(c.code().map(|c| c.as_u16()), Some(code), "{text}");
        assert_eq!(reply.code().as_u16(), code, "{text}");
        assert_eq!(c.action(), action, "{text}");
    }
    // A byte-order mark before a reply is not text.
    let c = classify_text("\u{feff}550 5.1.1 User unknown".as_bytes()).unwrap();
    assert_eq!(c.reason(), Reason::UserUnknown);
}

/// An Exim delivery line: the confirmation Exim logs as `C="..."` is the reply to the end of
/// the data, so a log of deliveries classifies line by line as Postfix's `status=sent` does.
#[test]
fn an_exim_delivery_reads_its_confirmation() {
    let line =
        b"2026-11-28 07:00:01 1rKx7a-000Abc-1X => bob@example.com R=dnslookup T=remote_smtp \
                 H=gmail-smtp-in.l.google.com [142.250.1.26] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 \
                 CV=yes K C=\"250 2.0.0 OK  1700000000 x1si123456qkb.12 - gsmtp\"";
    let e = extract(line).unwrap();
    assert_eq!(e.source(), Source::Exim);
    assert_eq!(
        e.text(),
        b"250 2.0.0 OK  1700000000 x1si123456qkb.12 - gsmtp"
    );
    assert_eq!(e.command(), Some(Command::EndOfData));
    assert_eq!(e.host(), Some(&b"gmail-smtp-in.l.google.com"[..]));
    let c = classify_text(line).unwrap();
    assert_eq!(
        (c.code().map(|c| c.as_u16()), c.reason()),
        (Some(250), Reason::Delivered)
    );
    assert_eq!(c.provider(), Some(Provider::Google));
    // Without the closing quote (a truncated line) the confirmation runs to the end.
    let cut = b"=> bob@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.7] C=\"250 OK id=1rKx";
    assert_eq!(extract(cut).unwrap().text(), b"250 OK id=1rKx");
    // A C= that holds no reply code is not one.
    assert!(extract(b"=> bob@example.net R=r T=t H=mx.example.net C=\"queued\"").is_none());
}

/// A sending service's delivery event gives a positive reply where a bounce gives a failure:
/// as a JSON string (`"smtpResponse":"250 ..."`) or a JSON code (`"code": 250,`); and
/// Python's `smtplib` returns one as a tuple.
#[test]
fn a_delivery_event_reads_its_positive_reply() {
    for (text, code, words) in [
        (
            r#"{"notificationType":"Delivery","delivery":{"recipients":["bob@example.com"],"smtpResponse":"250 2.6.0 Message received","reportingMTA":"a8-70.smtp-out.amazonses.com"}}"#,
            250,
            "250 2.6.0 Message received",
        ),
        (
            r#"{"event":"delivered","recipient":"bob@example.com","delivery-status":{"code":250,"message":"OK","description":""}}"#,
            250,
            "OK",
        ),
        ("(250, b'2.0.0 OK')", 250, "2.0.0 OK"),
    ] {
        let c = classify_text(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (c.code().map(|c| c.as_u16()), c.reason()),
            (Some(code), Reason::Delivered),
            "{text}"
        );
        assert_eq!(
            smtp_reply::extract(text.as_bytes()).unwrap().text(),
            words.as_bytes(),
            "{text}"
        );
    }
    // Positive codes are taken only so: a count or a port in words is no reply, nor is a
    // 1xx.
    for text in [
        "delivered 250 messages",
        r#"{"smtpResponse":"150 opening"}"#,
        "sent to mx.example.com:250 ok",
    ] {
        assert!(classify_text(text.as_bytes()).is_none(), "{text}");
    }
}

/// A reply whose code runs into its text (`250OK`, as some servers and hand-typed notes
/// write it) is still a reply: the lenient parse reads its code.
#[test]
fn a_code_run_into_its_text_is_read() {
    for (text, code, reason) in [
        ("250OK", 250, Reason::Delivered),
        ("250Ok: queued as 12345", 250, Reason::Delivered),
        ("550User unknown", 550, Reason::UserUnknown),
    ] {
        let c = classify_text(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (c.code().map(|c| c.as_u16()), c.reason()),
            (Some(code), reason),
            "{text}"
        );
    }
    // Digits that are no reply code stay none: a year, a size in words.
    assert!(classify_text(b"2026-11-28 nothing happened").is_none());
    assert!(classify_text(b"25 MB is the limit").is_none());
}

/// A transcript that holds no failure is read by its last reply, the session's outcome, and
/// the command its client lines sent last: Sendmail's `>>>`/`<<<`, swaks' `->`/`<-`, curl's
/// `>`/`<`, an RFC's `C:`/`S:`.
#[test]
fn a_transcript_without_a_failure_gives_its_last_reply() {
    for (text, code, command) in [
        (
            "<<< 250 2.1.5 <jdoe@example.org>... Recipient ok",
            250,
            None,
        ),
        (
            ">>> MAIL From:<a@example.org>\n<<< 250 2.1.0 Sender ok\n>>> DATA\n<<< 354 Enter mail\n\
             >>> .\n<<< 250 2.0.0 4A1B2C3 Message accepted for delivery",
            250,
            Some(Command::EndOfData),
        ),
        (
            "<-  250 2.0.0 OK  1718101234 d9443c01a7336-1f6fa1b2c3dsi4419028ad.301 - gsmtp",
            250,
            None,
        ),
        (
            " -> RCPT TO:<bob@example.com>\n<-  250 2.1.5 Ok\n -> DATA\n<-  354 End data with <CR><LF>.<CR><LF>",
            354,
            Some(Command::Data),
        ),
        (
            "> AUTH PLAIN AGJvYgBzZWNyZXQ=\n< 235 2.7.0 Authentication successful",
            235,
            Some(Command::Auth),
        ),
        ("C: QUIT\nS: 221 2.0.0 Bye", 221, Some(Command::Quit)),
    ] {
        let e = extract(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(e.source(), Source::Reply, "{text}");
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(c.code(), ReplyCode::from_u16(code), "{text}");
        assert_eq!(c.command(), command, "{text}");
        assert_eq!(c.reason(), Reason::Delivered, "{text}");
    }
    let gmail = classify_text(b"<-  250 2.0.0 OK  1718101234 d9443c0si44.301 - gsmtp").unwrap();
    assert_eq!(gmail.provider(), Some(Provider::Google));
    // A failure in the transcript wins over the replies before and after it.
    let c = classify_text(b"<-  250 2.1.0 Ok\n -> RCPT TO:<bob@example.com>\n<** 550 5.1.1 No such user\n -> QUIT\n<-  221 Bye").unwrap();
    assert_eq!(
        (c.code().map(|c| c.as_u16()), c.reason()),
        (Some(550), Reason::UserUnknown)
    );
    // Words that name no command, and lines that start with neither marker, are no client's.
    assert_eq!(
        classify_text(b"> Thanks for your mail\n< 250 Ok")
            .unwrap()
            .command(),
        None
    );
    assert!(classify_text(b"see <<< and >>> below").is_none());
}

/// A failure after swaks', curl's or an RFC's markers gets the command the client sent last;
/// in a Sendmail transcript, `>>> .` ends the data.
#[test]
fn a_transcript_s_client_lines_name_the_command() {
    for (text, command, reason) in [
        (
            " -> RCPT TO:<bob@example.com>\n<** 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
            Command::Rcpt,
            Reason::UserUnknown,
        ),
        (
            " ~> DATA\n<~  354 Go ahead\n ~> .\n<~* 554 5.7.1 Message rejected as spam",
            Command::EndOfData,
            Reason::SpamDetected,
        ),
        (
            ">>> DATA\n<<< 354 Enter mail\n>>> .\n<<< 554 5.7.1 Message rejected as spam",
            Command::EndOfData,
            Reason::SpamDetected,
        ),
        (
            "C: MAIL FROM:<a@example.org>\nS: 553 5.7.1 Sender address rejected: not owned by user",
            Command::Mail,
            Reason::Rejected,
        ),
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!((c.command(), c.reason()), (Some(command), reason), "{text}");
    }
}

/// Python smtplib's debug output gives the code in `retcode (550)` and the words in the
/// bytes after `Msg:`, positive replies too.
#[test]
fn a_python_debug_reply_is_read() {
    for (text, code, words, reason) in [
        (
            "reply: retcode (550); Msg: b'5.1.1 <bob@example.com>: Recipient address rejected: User unknown'",
            550,
            "5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
            Reason::UserUnknown,
        ),
        (
            "reply: retcode (235); Msg: b'2.7.0 Accepted'",
            235,
            "2.7.0 Accepted",
            Reason::Delivered,
        ),
        (
            "reply: retcode (421); Msg: b\"4.7.0 Try again later, you're sending too fast\"",
            421,
            "4.7.0 Try again later, you're sending too fast",
            Reason::RateLimited,
        ),
    ] {
        let e = extract(text.as_bytes()).unwrap();
        assert_eq!(
            (e.code(), e.text()),
            (ReplyCode::from_u16(code), words.as_bytes()),
            "{text}"
        );
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(c.reason(), reason, "{text}");
    }
}

/// A delivery-status part with no diagnostic is read by its `Status:`.
#[test]
fn a_dsn_status_without_a_diagnostic_is_read() {
    let text = b"Final-Recipient: rfc822; jan@example.pl\r\nAction: failed\r\nStatus: 5.1.1\r\n\
                 Remote-MTA: dns; mx.example.pl\r\n";
    let c = classify_text(text).unwrap();
    assert_eq!(
        (c.code(), c.enhanced().map(|s| s.to_string())),
        (None, Some("5.1.1".into()))
    );
    assert_eq!(c.reason(), Reason::UserUnknown);
    assert_eq!(
        classify_text(b"Action: delayed\nStatus: 4.4.7")
            .unwrap()
            .reason(),
        Reason::Expired
    );
    // A status that is no enhanced code is no reply.
    assert!(extract(b"Action: failed\nStatus: bounced").is_none());
}

/// Debug output of mail libraries and tools: the first failure, else the last reply, whether
/// the replies stand alone on their lines (telnet, JavaMail, `sendmail -v`) or after a
/// logger's marker (nodemailer's `S:`, PHPMailer's `SERVER -> CLIENT:`), with the command
/// of the client line before it; a count of bytes that curl prints is no reply.
#[test]
fn debug_output_gives_its_outcome_and_command() {
    for (text, code, command) in [
        (
            "$ telnet mail.example.net 25\nTrying 198.51.100.12...\n220 mail.example.net ESMTP\n\
             HELO test.example.com\n250 mail.example.net Hello\nQUIT\n221 closing connection",
            221,
            None,
        ),
        (
            "[2024-05-14 10:40:19] DEBUG [Hc8Yd1Va6u] C: RCPT TO:<bob@example.com>\n\
             [2024-05-14 10:40:19] DEBUG [Hc8Yd1Va6u] S: 250 2.1.5 Ok",
            250,
            Some(Command::Rcpt),
        ),
        (
            "2024-05-14 10:48:20 CLIENT -> SERVER: MAIL FROM:<shop@example.com>\n\
             2024-05-14 10:48:20 SERVER -> CLIENT: 250 2.1.0 Ok\n\
             2024-05-14 10:48:20 CLIENT -> SERVER: RCPT TO:<bob@example.com>\n\
             2024-05-14 10:48:20 SERVER -> CLIENT: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
            550,
            Some(Command::Rcpt),
        ),
        (
            "send: 'mail FROM:<a@example.com> size=4821\\r\\n'\nreply: b'250 2.1.0 Ok\\r\\n'\n\
             reply: retcode (250); Msg: b'2.1.0 Ok'\nsend: 'rcpt TO:<bob@example.org>\\r\\n'\n\
             reply: b'552 5.2.2 <bob@example.org>: Mailbox is full\\r\\n'\n\
             reply: retcode (552); Msg: b'5.2.2 <bob@example.org>: Mailbox is full'",
            552,
            Some(Command::Rcpt),
        ),
        (
            "2024-05-14 10:48:21 CLIENT -> SERVER: DATA\n\
             2024-05-14 10:48:21 SERVER -> CLIENT: 354 End data with <CR><LF>.<CR><LF>",
            354,
            Some(Command::Data),
        ),
        (
            "< 354 End data with <CR><LF>.<CR><LF>\n} [412 bytes data]\n< 250 2.0.0 Ok: queued as 4Vf3Lq0",
            250,
            None,
        ),
    ] {
        let c = classify_text(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(c.code(), ReplyCode::from_u16(code), "{text}");
        assert_eq!(c.command(), command, "{text}");
    }
}

#[test]
fn qmail_s_reports_are_read_also_with_underscores_for_spaces() {
    use smtp_reply::Action;
    // (text, code, enhanced code, reason, action, provider)
    for (text, code, status, reason, action, provider) in [
        // qmail-send's log: each space written as `_`, each line break as `/`.
        (
            "@4000000065eed3a1332b7c08 delivery 4152: failure: Connected_to_67.195.228.94_but_sender_was_rejected./Remote_host_said:_553_5.7.2_[TSS09]_All_messages_from_203.0.113.45_will_be_permanently_deferred;_Retrying_will_NOT_succeed./",
            553,
            Some("5.7.2"),
            Reason::Blocked,
            Action::DoNotRetry,
            Some(Provider::Yahoo),
        ),
        (
            // The remote's words are Exim's default, read between the underscores.
            "delivery 4140: deferral: Connected_to_198.51.100.50_but_greeting_failed./Remote_host_said:_421_Too_many_concurrent_SMTP_connections;_please_try_again_later./",
            421,
            None,
            Reason::RateLimited,
            Action::RetryLater,
            Some(Provider::Exim),
        ),
        // A multi-line reply's lines joined by `/`.
        (
            "delivery 9: failure: 192.0.2.7_does_not_like_recipient./Remote_host_said:_550-5.1.1_The_email_account_that_you_tried_to_reach_does_not_exist./550_5.1.1_https://support.google.com/mail/?p=NoSuchUser_a1si123_-_gsmtp/Giving_up_on_192.0.2.7./",
            550,
            Some("5.1.1"),
            Reason::UserUnknown,
            Action::DoNotRetry,
            Some(Provider::Google),
        ),
        (
            "delivery 4163: failure: 203.0.113.60_failed_after_I_sent_the_message./Remote_host_said:_550_Message_rejected_as_spam/",
            550,
            None,
            Reason::SpamDetected,
            Action::FixAndRetry,
            None,
        ),
        // Its bounce, with spaces.
        (
            "<bob@example.com>:\n192.0.2.7 does not like recipient.\nRemote host said: 552 5.2.2 Mailbox full\nGiving up on 192.0.2.7.\n",
            552,
            Some("5.2.2"),
            Reason::MailboxFull,
            Action::DoNotRetry,
            None,
        ),
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            (
                c.source(),
                c.code().map(|c| c.as_u16()),
                c.enhanced().map(|e| e.to_string()).as_deref(),
                c.reason(),
                c.action(),
                c.provider()
            ),
            (Source::Qmail, Some(code), status, reason, action, provider),
            "{text}"
        );
    }
    // The words between the underscores are the text's segments.
    let e = extract(b"delivery 7: failure: Connected_to_192.0.2.1_but_my_name_was_rejected./Remote_host_said:_501-5.5.2_Bad_HELO/").unwrap();
    assert_eq!(e.text(), b"_501-5.5.2_Bad_HELO/");
    assert_eq!(
        e.segments().collect::<Vec<_>>(),
        [&b"501-5.5.2"[..], b"Bad", b"HELO/"]
    );
}

#[test]
fn a_success_notice_or_a_positive_reply_a_client_quotes_reads_as_delivered() {
    use smtp_reply::Action;
    // (text, code, provider)
    let cases: &[(&str, Option<u16>, Option<Provider>)] = &[
        // Success notices, with no code: their words.
        (
            "This is the mail system at host mail.example.com.\n\nYour message was successfully delivered to the destination(s)\nlisted below. If the message was delivered to mailbox you will\nreceive no further notifications.",
            None,
            Some(Provider::Postfix),
        ),
        (
            "Delivery to these recipients or groups is complete, but no delivery notification was sent by the destination server:\r\n\r\nanna@example.se (anna@example.se)",
            None,
            None,
        ),
        // A positive reply quoted by a client, in words or as a string.
        (
            "Test e-mail sent successfully. Server response: 250 2.0.0 OK  1718000111 d75a77b69052e-4400c0a1b2csi1234567cf.59 - gsmtp",
            Some(250),
            Some(Provider::Google),
        ),
        (
            "{ accepted: [ 'maria@example.com' ], rejected: [], response: '250 2.0.0 OK  1718000111 a1si123 - gsmtp' }",
            Some(250),
            Some(Provider::Google),
        ),
    ];
    for (text, code, provider) in cases {
        let c = classify_text(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (
                c.reason(),
                c.action(),
                c.code().map(|c| c.as_u16()),
                c.provider()
            ),
            (Reason::Delivered, Action::Done, *code, *provider),
            "{text}"
        );
    }
    // A failure in the same words is the failure; words of delivery do not outweigh it.
    let c = classify_text(b"Sending failed. Server response: 550 5.1.1 User unknown").unwrap();
    assert_eq!(c.reason(), Reason::UserUnknown);
    let c = classify_text(
        b"Your message has been delivered to the following recipients: a@example.org\n\nDelivery to these recipients failed: b@example.org, mailbox full",
    )
    .unwrap();
    assert_eq!(c.reason(), Reason::MailboxFull);
}

#[test]
fn a_postfix_status_that_quotes_the_reply_is_known_by_its_relay() {
    // The reply is the relay's: who it is names the provider.
    let c = classify_text(b"Jun  3 16:20:51 relay1 postfix/smtp[1187]: 9F2C31A0B4: to=<w@example.net>, relay=mx1h1.comcast.net[96.114.157.80]:25, delay=1.2, delays=0.02/0.01/0.41/0.76, dsn=2.0.0, status=sent (250 2.0.0 xK9fyPqL3mZ2bQ7 mail accepted for delivery)").unwrap();
    assert_eq!(
        (c.reason(), c.provider()),
        (Reason::Delivered, Some(Provider::Comcast))
    );
    // Postfix's own words about a relay are Postfix's.
    let c = classify_text(b"Dec  1 11:18:27 mail postfix/smtp[6602]: 3E4F5A6B7C: to=<t@example.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1810, dsn=4.4.2, status=deferred (conversation timed out while sending end of data -- message may be sent more than once)").unwrap();
    assert_eq!(c.provider(), Some(Provider::Postfix));
}

#[test]
fn a_receiving_sendmail_s_refusal_is_its_own() {
    for (text, reason) in [
        ("Mar 14 09:12:44 mx sm-mta[8812]: 42E9Ci1x008812: ruleset=check_relay, arg1=[203.0.113.9], arg2=127.0.0.2, relay=[203.0.113.9], reject=421 4.3.2 Connection rate limit exceeded.", Reason::RateLimited),
        ("Mar 14 11:08:22 gw1 sm-mta[48260]: 52EB8pKk048260: Milter: data, reject=550 5.7.1 Blocked by SpamAssassin", Reason::SpamDetected),
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(
            (c.source(), c.reason(), c.provider()),
            (Source::Sendmail, reason, Some(Provider::Sendmail)),
            "{text}"
        );
    }
}

#[test]
fn exchange_s_words_with_a_code_only_exchange_online_sends_are_microsoft_365_s() {
    for (text, provider) in [
        ("Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", Provider::Microsoft),
        ("Diagnostic-Code: smtp; 550 5.7.124 RESOLVER.RST.SenderNotAllowed; sender not in allowed-senders list [Stage: CreateMessage]", Provider::Microsoft),
        // Exchange Server's own code for the same.
        ("Diagnostic-Code: smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", Provider::Exchange),
    ] {
        let c = classify_text(text.as_bytes()).unwrap();
        assert_eq!(c.provider(), Some(provider), "{text}");
    }
}

/// A Postfix bounce names its own host first (`This is the mail system at host ...`): the
/// server that answered is the host named right before `said:`.
#[test]
fn a_postfix_bounce_is_known_by_the_host_that_said_the_reply() {
    let text = b"This is the mail system at host smtp-out1.example.com.\n\nI'm sorry to have to \
                 inform you that your message could not\nbe delivered to one or more recipients. \
                 It's attached below.\n\n                   The mail system\n\n<m@example.net>: \
                 host esa2.example.iphmx.com[198.51.100.132] said: 550\n    #5.1.0 Address \
                 rejected. (in reply to RCPT TO command)";
    let e = extract(text).unwrap();
    assert_eq!(e.host(), Some(&b"esa2.example.iphmx.com"[..]));
    let c = classify_text(text).unwrap();
    assert_eq!(
        (c.reason(), c.provider(), c.command()),
        (
            Reason::UserUnknown,
            Some(Provider::Cisco),
            Some(Command::Rcpt)
        )
    );
}

/// Postfix's cleanup refuses a message by its header or body (`header_checks`,
/// `body_checks`) after the data, and logs the status it sent after the client's fields.
#[test]
fn postfix_s_content_checks_are_its_own_refusals_after_the_data() {
    let text = b"May 22 10:48:03 mx postfix/cleanup[6652]: 4VlK9h3m5Qz2xL: reject: header \
                 Content-Type: application/x-msdownload; name=\"invoice.exe\" from \
                 mail.example.net[198.51.100.9]; from=<billing@example.net> \
                 to=<accounts@example.com> proto=ESMTP helo=<mail.example.net>: 5.7.1 \
                 Executable attachments are not accepted here";
    let e = extract(text).unwrap();
    assert_eq!(
        (e.source(), e.command(), e.text()),
        (
            Source::Postfix,
            Some(Command::EndOfData),
            &b"5.7.1 Executable attachments are not accepted here"[..]
        )
    );
    let c = classify_text(text).unwrap();
    assert_eq!(
        (c.reason(), c.provider()),
        (Reason::PolicyViolation, Some(Provider::Postfix))
    );
    let body = b"Mar  3 10:00:00 mx postfix/cleanup[123]: 4VlK9h3m5Qz2xM: reject: body Click \
                 here to win from mail.example.net[198.51.100.9]; from=<a@example.net> \
                 to=<b@example.com> proto=SMTP helo=<x>: 5.7.1 Message content rejected";
    let c = classify_text(body).unwrap();
    assert_eq!(
        (c.enhanced().map(|s| s.to_string()), c.provider()),
        (Some("5.7.1".into()), Some(Provider::Postfix))
    );
}

/// Exim's bounce for a failure of its own (no remote server's reply) gives it on the line
/// after the address.
#[test]
fn an_exim_bounce_s_own_failure_follows_the_address() {
    let text = b"This message was created automatically by mail delivery software.\n\nA message \
                 that you sent could not be delivered to one or more of its\nrecipients. This is \
                 a permanent error. The following address(es) failed:\n\n  \
                 accounts@example.com\n    mailbox is full: retry timeout exceeded\n\n\
                 Reporting-MTA: dns; server42.hosting.example.net\n\nAction: failed\n\
                 Final-Recipient: rfc822;accounts@example.com\nStatus: 5.0.0";
    let e = extract(text).unwrap();
    assert_eq!(
        (e.source(), e.text()),
        (
            Source::Exim,
            &b"mailbox is full: retry timeout exceeded"[..]
        )
    );
    let c = classify_text(text).unwrap();
    assert_eq!(
        (c.reason(), c.provider()),
        (Reason::MailboxFull, Some(Provider::Exim))
    );
}

/// A phone number in words (`call 555-0142`) is no reply code: a continuation line's code is
/// followed by its enhanced code (`550-5.1.1`) or words, not by more digits.
#[test]
fn a_phone_number_in_words_is_no_reply_code() {
    let text = b"Subject: Automatic reply: Prior authorization request 88123\r\n\r\nI am out of \
                 the office until Monday. For urgent requests, call 555-0142 or write to \
                 um-urgent@example.org.";
    let c = classify_text(text).unwrap();
    assert_eq!((c.code(), c.reason()), (None, Reason::Vacation));
    let c = classify_text(b"Mailbox unavailable: the host said 550-5.1.1 no such user").unwrap();
    assert_eq!(
        (c.code().map(ReplyCode::as_u16), c.reason()),
        (Some(550), Reason::UserUnknown)
    );
}

/// A session typed by hand (telnet, nc) has no markers: its failure is the reply that starts
/// a line with 4 or 5, with or without an enhanced code, after the positive replies before.
#[test]
fn a_typed_session_s_failure_starts_its_line() {
    let text = b"220 mail.example.net ESMTP Exim 4.96\nHELO test\n250 mail.example.net Hello \
                 test [198.51.100.20]\nMAIL FROM:<alice@example.org>\n250 OK\nRCTP \
                 TO:<bob@example.net>\n500 unrecognized command";
    let c = classify_text(text).unwrap();
    assert_eq!(
        (c.code().map(ReplyCode::as_u16), c.reason()),
        (Some(500), Reason::SyntaxError)
    );
    // Within a line, a number is a failure only with its enhanced code (an EHLO reply's
    // `250-SIZE 52428800` stays a positive reply).
    let c = classify_text(b"250-mx.example.net Hello\n250-SIZE 52428800\n250 HELP").unwrap();
    assert_eq!(c.reason(), Reason::Delivered);
    let c = classify_text(b"220 mx.example.net ready, 450 mailboxes served").unwrap();
    assert_eq!(c.reason(), Reason::Delivered);
}

/// A PowerShell listing (`[PS] C:\>Get-Queue ...`) starts with a bracket but is no JSON: its
/// `LastError` is read whole, with the reply that Exchange quotes inside it.
#[test]
fn a_powershell_listing_is_no_json_batch() {
    let text = b"[PS] C:\\>Get-Queue -Identity EXCH01\\4 | Format-List Identity,Status,\
                 LastError\n\nIdentity      : EXCH01\\4\nStatus        : Retry\nLastError     : \
                 451 4.4.0 Primary target IP address responded with: \"421 4.2.1 Unable to \
                 connect.\" Attempted failover to alternate host, but that did not succeed.";
    let c = classify_text(text).unwrap();
    assert_eq!(c.reason(), Reason::NetworkError);
    assert!(c.text().ends_with(b"did not succeed."));
    // A JSON batch still ends its reply at the string's closing quote.
    let c =
        classify_text(b"[{\"event\":\"bounce\",\"reason\":\"550 5.1.1 no such user\",\"x\":1}]")
            .unwrap();
    assert_eq!(c.reason(), Reason::UserUnknown);
    assert!(c.text().ends_with(b"no such user"));
}

/// A reply pasted between curly quotes, or after a full-width colon, starts after a
/// character beyond ASCII: it is read there, not at a number later in its text.
#[test]
fn a_reply_after_a_character_beyond_ascii() {
    let text = "bounce reads: \u{201c}550 DMARC Sender Invalid - envelope rejected - \
                https://community.mimecast.com/docs/DOC-1369#550 [fVx2KqLmS0-Ab3c...\u{201d}";
    let c = classify_text(text.as_bytes()).unwrap();
    assert_eq!(c.reason(), Reason::AuthFailure);
    assert_eq!(c.provider(), Some(Provider::Mimecast));
    assert!(c.text().starts_with(b"550 DMARC"));
    let c =
        classify_text("\u{5bf9}\u{65b9}\u{8fd4}\u{56de}\u{ff1a}550 5.1.1 no such user".as_bytes())
            .unwrap();
    assert_eq!(c.reason(), Reason::UserUnknown);
    assert!(c.text().starts_with(b"550 5.1.1"));
    // And after an HTML entity's `;`, as a bounce copied from a web page keeps it.
    let c = classify_text(
        b"<div>Remote Server returned &#39;550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message \
          contains bare linefeeds&#39;</div>",
    )
    .unwrap();
    assert_eq!(c.reason(), Reason::ContentError);
}
