//! General rules that fixed misread replies from `vendor-replies.md`: each case is the
//! vendor's reply (with its label there) and replies of other wording that the same rule
//! covers, and replies the rule must leave alone.

use smtp_reply::{classify_text, Reason};

fn reason(text: &str) -> Reason {
    classify_text(text.as_bytes())
        .unwrap_or_else(|| panic!("no reply found in {text:?}"))
        .reason()
}

/// Asserts that every text reads as `expected`.
fn each_reads_as(cases: &[&str], expected: Reason) {
    for text in cases {
        assert_eq!(reason(text), expected, "{text}");
    }
}

#[test]
fn a_stated_protocol_or_syntax_error_wins_over_a_tls_context() {
    // Gmail, labelled syntaxerror: pipelining after STARTTLS breaks the protocol; the
    // client's TLS is not what failed.
    let cases = [
        "523 5.7.10 SMTP protocol violation, no commands allowed to pipeline after STARTTLS. For more information, go to About SMTP error messages and review RFC 3207 specifications. x1si - gsmtp",
        "501 5.7.11 Syntax error (no parameters allowed). For more information, go to About SMTP error messages and review RFC 3207 specifications. x1si - gsmtp",
        "501 5.5.4 STARTTLS syntax error (no parameters allowed)",
    ];
    each_reads_as(&cases, Reason::SyntaxError);
    // TLS that is required or unavailable is still a TLS failure.
    assert_eq!(
        reason("530 5.7.0 Must issue a STARTTLS command first"),
        Reason::FailedStartTls
    );
    assert_eq!(
        reason("523 5.7.10 Encryption needed"),
        Reason::FailedStartTls
    );
}

#[test]
fn a_security_status_on_a_50x_reply_is_a_security_error() {
    // Gmail, labelled securityerror: an AUTH mechanism withdrawn.
    assert_eq!(
        reason("504 5.7.40 XOAUTH is no longer supported. For more information, go to OAuth 2.0 Mechanism for Google Developers. x1si - gsmtp"),
        Reason::SecurityError
    );
    assert_eq!(
        reason("504 5.7.4 Mechanism not available"),
        Reason::SecurityError
    );
    // A text that names a syntax error keeps it (Gmail labels this one syntaxerror).
    assert_eq!(
        reason("504 5.7.40 Unrecognized authentication type. For more information, go to About SMTP error messages. x1si - gsmtp"),
        Reason::SyntaxError
    );
    // Without a security status, 500-504 stay syntax errors.
    assert_eq!(reason("504 5.5.2 Need parameter"), Reason::SyntaxError);
    assert_eq!(reason("502 Command not implemented"), Reason::SyntaxError);
}

#[test]
fn a_timeout_is_an_expired_attempt() {
    // Gmail, labelled expired; and other servers' time-outs.
    let cases = [
        "451 4.4.2 Timeout - closing connection. For more information, go to About SMTP error messages. x1si - gsmtp",
        "smtp;421 4.4.2 mail.yandex.net Error: timeout exceeded",
        "421 4.4.2 Connection timed out",
    ];
    each_reads_as(&cases, Reason::Expired);
    // Other network trouble stays a network error.
    assert_eq!(
        reason("451 4.4.0 DNS lookup failed for the recipient domain"),
        Reason::NetworkError
    );
    assert_eq!(
        reason("554 5.4.6 Routing loop detected"),
        Reason::NetworkError
    );
}

#[test]
fn a_server_side_problem_in_other_words_is_a_system_error() {
    // Postfix's and qmail's wording for their own trouble; without these phrases a 451 with
    // no enhanced code was left on hold.
    let cases = [
        "451 Temporary local problem - please try later",
        "451 qq temporary problem (#4.3.0)",
        "451 4.3.5 Server configuration problem",
        "451 4.3.0 <bob@example.com>: Temporary lookup failure",
    ];
    each_reads_as(&cases, Reason::SystemError);
    // A recipient lookup that finds nobody is still an unknown user.
    assert_eq!(
        reason("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table"),
        Reason::UserUnknown
    );
}
